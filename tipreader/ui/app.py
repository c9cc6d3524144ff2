"""The Textual app. PLACEHOLDER until the reader screen lands: lists the sample cables."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, OptionList

SAMPLES = Path(__file__).resolve().parents[2] / "sample_cables"


class TipReaderApp(App):
    TITLE = "tipreader"

    def __init__(self, target: str | None = None) -> None:
        super().__init__()
        self.target = target

    def compose(self) -> ComposeResult:
        yield Header()
        names = sorted(p.name for p in SAMPLES.glob("*")) if SAMPLES.is_dir() else []
        yield OptionList(*names)
        yield Footer()

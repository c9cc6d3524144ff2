"""The start screen (until the library screen lands): the sample cables, Enter opens one."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from tipreader.ui.messages import OpenTarget


class StartScreen(Screen[None]):
    """Lists cable files; choosing one posts :class:`OpenTarget`."""

    BINDINGS = [
        Binding("q", "app.quit", "Quit", id="start.app.quit", tooltip="Quit tipreader"),
        Binding("j", "cursor(1)", "Down", show=False, id="start.move.down", tooltip="Next cable"),
        Binding("k", "cursor(-1)", "Up", show=False, id="start.move.up", tooltip="Previous cable"),
    ]

    def __init__(self, files: list[Path]) -> None:
        super().__init__()
        self.files = files

    def compose(self) -> ComposeResult:
        title = Text("tipreader", style="bold")
        title.append("  — choose a cable, Enter opens it", style="dim")
        yield Static(title, id="start-title")
        options = [Option(Text(p.name), id=str(i)) for i, p in enumerate(self.files)]
        if not options:
            options = [Option(Text("No cables found in sample_cables/ — run `tipreader open FILE`."), disabled=True)]
        yield OptionList(*options, id="start-list")
        yield Footer()

    def on_mount(self) -> None:
        """Focus the list."""
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected, "#start-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.post_message(OpenTarget(str(self.files[int(event.option.id)])))

    def action_cursor(self, delta: int) -> None:
        """Move in the list."""
        options = self.query_one(OptionList)
        if delta > 0:
            options.action_cursor_down()
        else:
            options.action_cursor_up()

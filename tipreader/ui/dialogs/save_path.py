"""Ask where to save a file: ``push_screen(SavePathDialog(title, default), callback)``.

The callback gets ``(path, replace)`` or None (``esc``). The proposed path is the app's
name for the file, in the folder tipreader was started from; the user may type another.
An existing file is replaced only after a second Enter on the same name; a folder asks
for a file name.
"""

from __future__ import annotations

import os
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from tipreader.ui.text import clean


class SavePathDialog(ModalScreen[tuple[str, bool] | None]):
    """Asks where to write a file; dismisses with (path, replace an existing file) or None."""

    DEFAULT_CSS = """
    SavePathDialog { align: center middle; }
    SavePathDialog #export-box {
        width: 90%; max-width: 90; height: auto; border: round $accent; background: $surface; padding: 0 1;
    }
    SavePathDialog #export-title { text-style: bold; }
    SavePathDialog #export-hint { color: $text-muted; }
    SavePathDialog Input { border: tall $background; }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export.app.cancel", tooltip="Close without saving")]

    def __init__(self, title: str, default: str, hint: str = "Enter writes the file · esc cancels") -> None:
        super().__init__()
        self.title_text = title
        self.default = default
        self.hint = hint
        self._confirmed: str | None = None  # the existing file the user was warned about

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box"):
            yield Label(Text(self.title_text, style="bold"), id="export-title")
            yield Input(self.default, id="export-path")
            yield Label(Text(self.hint), id="export-hint")

    def on_mount(self) -> None:
        """The path has the focus."""
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        path = os.path.expanduser(event.value.strip())
        hint = self.query_one("#export-hint", Label)
        if not path:
            hint.update(Text("Type a file name."))
            return
        target = Path(path)
        if target.is_dir():
            hint.update(Text(f"{clean(path, newlines=False)} is a folder: add a file name."))
            return
        if target.exists() and self._confirmed != path:
            self._confirmed = path
            hint.update(Text(f"{clean(path, newlines=False)} exists: Enter again replaces it, esc cancels.",
                             style="bold"))
            return
        self.dismiss((path, target.exists()))

    def action_cancel(self) -> None:
        """Close, returning None."""
        self.dismiss(None)

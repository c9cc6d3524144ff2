"""The note editor (`M`): a modal with a multi-line text area; Markdown allowed.

``push_screen(NoteEditor(note, citation), callback)``: the callback gets the new text
(``ctrl+s``) or None when cancelled (``esc``). An empty text means "no note".
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, TextArea

from tipreader.ui.text import clean, one_line


class NoteEditor(ModalScreen[str | None]):
    """Edits a bookmark's note; dismisses with the text (saved) or None (cancelled)."""

    DEFAULT_CSS = """
    NoteEditor { align: center middle; }
    NoteEditor #note-box {
        width: 90%; max-width: 100; height: 80%; max-height: 30;
        border: round $accent; background: $surface; padding: 0 1;
    }
    NoteEditor #note-title { text-style: bold; width: 1fr; }
    NoteEditor #note-quote { color: $text-muted; width: 1fr; margin-bottom: 1; }
    NoteEditor #note-text { height: 1fr; }
    NoteEditor #note-hint { color: $text-muted; width: 1fr; }
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True, id="note.app.save",
                tooltip="Save the note and close the editor"),
        Binding("escape", "cancel", "Cancel", id="note.app.cancel",
                tooltip="Close the editor without saving (the note stays as it was)"),
    ]

    def __init__(self, note: str = "", citation: str = "", quote: str = "") -> None:
        super().__init__()
        self.note = note or ""
        self.citation = citation
        self.quote = quote

    def compose(self) -> ComposeResult:
        with Vertical(id="note-box"):
            title = Text("Note on ", style="bold")
            title.append(clean(self.citation, newlines=False) or "this paragraph")
            yield Label(title, id="note-title")
            if self.quote:
                yield Label(Text(one_line(self.quote, 200)), id="note-quote")
            yield TextArea(self.note, id="note-text", soft_wrap=True, tab_behavior="focus", show_line_numbers=False)
            yield Label(Text("Markdown allowed · ctrl+s save · esc cancel"), id="note-hint")

    def on_mount(self) -> None:
        """Focus the text, cursor at its end."""
        area = self.query_one(TextArea)
        area.cursor_blink = not self.app.is_headless
        area.focus()
        area.move_cursor(area.document.end)

    @property
    def text(self) -> str:
        """The text as edited so far."""
        return self.query_one(TextArea).text

    def action_save(self) -> None:
        """Close, returning the text (trailing blank lines dropped)."""
        self.dismiss(self.text.rstrip())

    def action_cancel(self) -> None:
        """Close, returning None."""
        self.dismiss(None)

"""The `/` find bar (and `&` filter): an input with a ``3/17`` count beside it."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label


class FindBar(Horizontal):
    """Posts :class:`FindBar.Changed` as the query is typed, ``Submitted`` on Enter, ``Closed`` on Esc."""

    BINDINGS = [
        Binding("escape", "close", "Close", id="find.close", tooltip="Close find and clear the highlights"),
    ]

    class Changed(Message):
        """The query changed."""

        def __init__(self, query: str, filter: bool) -> None:
            super().__init__()
            self.query = query
            self.filter = filter

    class Submitted(Message):
        """Enter was pressed."""

        def __init__(self, query: str, filter: bool) -> None:
            super().__init__()
            self.query = query
            self.filter = filter

    class Closed(Message):
        """Esc was pressed in the bar."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.filter = False

    def compose(self) -> ComposeResult:
        yield Label("/", id="find-mode")
        yield Input(placeholder="find in the cable", id="find-input", select_on_focus=False)
        yield Label("", id="find-count")

    def on_mount(self) -> None:
        """No blinking cursor in headless runs, so screenshots are stable."""
        self.query_one(Input).cursor_blink = not self.app.is_headless

    def open(self, filter: bool, query: str = "") -> None:
        """Show the bar in find (``/``) or filter (``&``) mode and focus the input."""
        self.filter = filter
        self.query_one("#find-mode", Label).update("&" if filter else "/")
        field = self.query_one("#find-input", Input)
        field.placeholder = "show only paragraphs with…" if filter else "find in the cable"
        self.display = True
        field.value = query
        field.cursor_position = len(query)
        self.screen.set_focus(field)  # now, not after the keys already read (:mod:`tipreader.ui.key_burst`)

    def reset(self) -> None:
        """Hidden and empty, as on a new screen (no message: nothing was typed)."""
        self.display = False
        self.filter = False
        field = self.query_one("#find-input", Input)
        with field.prevent(Input.Changed):
            field.value = ""
        self.set_count("")

    @property
    def value(self) -> str:
        """The query typed."""
        return self.query_one("#find-input", Input).value

    def set_count(self, text: str) -> None:
        """Show ``3/17``, ``no match`` ..."""
        self.query_one("#find-count", Label).update(text)

    @on(Input.Changed, "#find-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value, self.filter))

    @on(Input.Submitted, "#find-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Submitted(event.value, self.filter))

    def action_close(self) -> None:
        """Close the bar."""
        self.post_message(self.Closed())

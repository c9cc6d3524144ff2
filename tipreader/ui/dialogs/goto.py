"""The `:` go-to prompt: a paragraph number, a question (``C``, ``23.A``, ``III.B``, ``4 A``) or words,
with live suggestions; a paragraph or question the cable does not have is said so in the box."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from tipreader.cable.model import Cable
from tipreader.ui.navigation import Target, missing_target, suggest

TITLE = "Go to: ¶ number, question (C, 23.A, III.B, 4 A) or words"


class GotoDialog(ModalScreen[int | None]):
    """Asks where to go; dismisses with a paragraph index, or None when cancelled."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="goto.cancel", tooltip="Close the prompt without moving"),
        Binding("down", "move(1)", "Next", show=False, id="goto.next", tooltip="Next suggestion"),
        Binding("up", "move(-1)", "Previous", show=False, id="goto.previous", tooltip="Previous suggestion"),
    ]

    def __init__(self, cable: Cable, current: int | None) -> None:
        super().__init__()
        self.cable = cable
        self.current = current
        self.targets: list[Target] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="goto-box"):
            yield Label(TITLE, id="goto-title")
            yield Input(placeholder="12 · C · 23.A · III.B · labor", id="goto-input", select_on_focus=False)
            yield OptionList(id="goto-options")

    def on_mount(self) -> None:
        """Show the first suggestions (no blinking cursor headless, so screenshots are stable)."""
        self.query_one(Input).cursor_blink = not self.app.is_headless
        self._refresh("")

    @on(Input.Changed, "#goto-input")
    def _changed(self, event: Input.Changed) -> None:
        self._refresh(event.value)

    def _refresh(self, query: str) -> None:
        self.targets = suggest(self.cable, query, self.current)
        missing = missing_target(self.cable, query) if query.strip() else None
        title = self.query_one("#goto-title", Label)
        title.update(missing or TITLE)
        title.set_class(missing is not None, "missing")
        if missing is not None:
            self.targets = []  # never a silent landing elsewhere
        options = self.query_one("#goto-options", OptionList)
        options.clear_options()
        room = max(20, (options.size.width or self.app.size.width * 3 // 4) - 3)
        for t in self.targets:
            label = Text(no_wrap=True, overflow="ellipsis")
            label.append(f"{t.label:>6}  ", style="bold")
            label.append(t.detail)
            label.truncate(room, overflow="ellipsis")
            options.add_option(Option(label))
        if self.targets:
            options.highlighted = 0

    @on(Input.Submitted, "#goto-input")
    def _submitted(self) -> None:
        options = self.query_one("#goto-options", OptionList)
        k = options.highlighted
        if self.targets and k is not None and 0 <= k < len(self.targets):
            self.dismiss(self.targets[k].para)
        else:
            self.app.bell()

    @on(OptionList.OptionSelected, "#goto-options")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if 0 <= event.option_index < len(self.targets):
            self.dismiss(self.targets[event.option_index].para)

    def action_move(self, delta: int) -> None:
        """Move the highlighted suggestion."""
        options = self.query_one("#goto-options", OptionList)
        if options.option_count:
            k = options.highlighted or 0
            options.highlighted = max(0, min(options.option_count - 1, k + delta))

    def action_cancel(self) -> None:
        """Close without moving."""
        self.dismiss(None)

"""The code picker: choose a code of the codebook for a paragraph (or a question with its answer).

``push_screen(CodePicker(book, citation, quote, applied, question=...), callback)``: the
callback gets a :class:`CodeChoice` or None (``esc``). Type to narrow the list (name or
description), ``↑`` ``↓`` to move, Enter to choose; a code the paragraph has already is
marked ✓ and choosing it removes it. ``tab`` reaches the note (optional) and, when the
paragraph belongs to a question, the box that codes the whole question with its answer.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, OptionList
from textual.widgets.option_list import Option

from tipreader.ui.text import clean, one_line
from tipreader.userdata.codebook import Codebook


@dataclass(frozen=True, slots=True)
class CodeChoice:
    """What the picker returns: the ``code``, the ``note`` typed (None: keep the note as it is),
    ``remove`` when the code was on the paragraph already, ``whole_question`` when the box was on."""

    code: str
    note: str | None = None
    remove: bool = False
    whole_question: bool = False


class CodePicker(ModalScreen[CodeChoice | None]):
    """A codebook's codes, filtered as you type; dismisses with a :class:`CodeChoice` or None."""

    DEFAULT_CSS = """
    CodePicker { align: center middle; }
    CodePicker #codes-box {
        width: 90%; max-width: 100; height: 90%; max-height: 32;
        border: round $accent; background: $surface; padding: 0 1;
    }
    CodePicker #codes-title { text-style: bold; width: 1fr; }
    CodePicker #codes-quote { color: $text-muted; width: 1fr; }
    CodePicker #codes-list { height: 1fr; border: none; }
    CodePicker #codes-hint { color: $text-muted; width: 1fr; }
    CodePicker Input { border: tall $background; }
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="codes.app.cancel", tooltip="Close without coding"),
        Binding("down", "move(1)", "Next", show=False, id="codes.move.down", tooltip="Next code"),
        Binding("up", "move(-1)", "Previous", show=False, id="codes.move.up", tooltip="Previous code"),
    ]

    def __init__(self, book: Codebook, citation: str, quote: str = "", applied: frozenset[str] = frozenset(),
                 question: str | None = None, whole_question: bool = False) -> None:
        """``applied``: the codes the paragraph has; ``question``: the label of the question it belongs
        to (offers coding the whole question), ``whole_question`` that box's first state."""
        super().__init__()
        self.book = book
        self.citation = citation
        self.quote = quote
        self.applied = applied
        self.question = question
        self.whole_question = whole_question

    def compose(self) -> ComposeResult:
        with Vertical(id="codes-box"):
            title = Text("Code ", style="bold")
            title.append(clean(self.citation, newlines=False) or "this paragraph")
            title.append(f"  ·  {clean(self.book.name, newlines=False)}", style="tip.muted")
            yield Label(title, id="codes-title")
            if self.quote:
                yield Label(Text(one_line(self.quote, 200)), id="codes-quote")
            yield Input(placeholder="type to narrow the codes", id="codes-filter")
            yield OptionList(id="codes-list")
            yield Input(placeholder="note (optional)", id="codes-note")
            if self.question:
                yield Checkbox(f"the whole question {clean(self.question, newlines=False)} with its answer",
                               self.whole_question, id="codes-whole")
            yield Label(Text("Enter codes (✓ removes) · ↑↓ choose · tab note · esc cancel"), id="codes-hint")

    def on_mount(self) -> None:
        """List every code; the filter has the focus."""
        options = self.query_one(OptionList)
        options.can_focus = False
        self._fill("")
        self.query_one("#codes-filter", Input).focus()

    def _fill(self, words: str) -> None:
        """List the codes that match ``words`` (every word in the name, group or description): by
        name first (a name starting with them, then holding them), then by description; all the
        codes under their group headings when nothing is typed."""
        options = self.query_one(OptionList)
        options.clear_options()
        wanted = words.casefold().split()
        codes = list(self.book.codes)
        if wanted:
            def rank(code) -> int:
                name = code.name.casefold()
                if all(name.startswith(w) or f"-{w}" in name or f"_{w}" in name for w in wanted):
                    return 0
                return 1 if all(w in name for w in wanted) else 2

            hay = {c.name: f"{c.name} {c.group} {c.description}".casefold() for c in codes}
            codes = sorted((c for c in codes if all(w in hay[c.name] for w in wanted)), key=rank)
        group = None
        for code in codes:
            if code.group and code.group != group and not wanted:
                options.add_option(Option(Text(clean(code.group, newlines=False), style="bold"), disabled=True))
            group = code.group
            line = Text("✓ " if code.name in self.applied else "  ", style="bold")
            line.append(code.name, style="bold")
            if code.description:
                line.append(f"  {clean(code.description, newlines=False)}", style="tip.muted")
            options.add_option(Option(line, id=code.name))
        first = next((k for k in range(options.option_count) if not options.get_option_at_index(k).disabled), None)
        options.highlighted = first

    @on(Input.Changed, "#codes-filter")
    def _narrow(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def action_move(self, step: int) -> None:
        """Move the highlight to the next or previous code."""
        options = self.query_one(OptionList)
        if options.option_count:
            if step > 0:
                options.action_cursor_down()
            else:
                options.action_cursor_up()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self._choose()

    @on(OptionList.OptionSelected)
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose()

    def _choose(self) -> None:
        options = self.query_one(OptionList)
        index = options.highlighted
        if index is None:
            self.notify("No code matches: change the words, or esc to cancel.", markup=False, timeout=3)
            return
        code = options.get_option_at_index(index).id or ""
        note = self.query_one("#codes-note", Input).value.strip()
        whole = bool(self.question) and self.query_one("#codes-whole", Checkbox).value
        self.dismiss(CodeChoice(code, note or None, remove=code in self.applied and not note, whole_question=whole))

    def action_cancel(self) -> None:
        """Close, returning None."""
        self.dismiss(None)

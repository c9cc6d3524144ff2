"""The library's result list: an ``OptionList`` (virtualised: only visible lines are painted)
that asks for more rows when the cursor or the scroll nears the end.

Each row is three lines: ref_id, date, origin, classification (and reading progress);
the subject; the snippet with the matched words highlighted and its paragraph number.
A row keeps its data, not a pre-cut text: the list cuts each line to its own width and
cuts again whenever that width changes (a resized terminal, the filters shown or hidden).
Text from cables goes into Rich ``Text`` literally, never through markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tipreader.safetext import visible
from tipreader.ui.text import classification_style, clean

if TYPE_CHECKING:
    from tipreader.library import Snippet

MARK_STYLE = "tip.match-bold"


def _flat(value: str | None) -> str:
    """One line, control characters as spaces (same length, so mark offsets stay valid)."""
    return visible(value, newlines=False, keep_length=True)


def _cut(value: str, width: int) -> str:
    """``value`` in at most ``width`` characters (one line in the list), with an ellipsis when cut."""
    width = max(10, width)
    return value if len(value) <= width else value[: width - 1].rstrip() + "…"


@dataclass(frozen=True, slots=True)
class Row:
    """One result: the cable, the paragraph index to open at (None: where it was left), and what the
    row shows (a search hit's snippet and its paragraph, or how much of the cable was read)."""

    ref_id: str
    para: int | None
    date: str | None = None
    origin: str | None = None
    classification: str | None = None
    subject: str | None = None
    snippet: Snippet | None = None
    paragraph: int | None = None
    paragraph_index: int | None = None
    progress: float | None = None

    def text(self, width: int = 110) -> Text:
        """The row's three lines, each cut to ``width`` cells."""
        return row_text(self.ref_id, self.date, self.origin, self.classification, self.subject, self.snippet,
                        self.paragraph, self.paragraph_index, self.progress, width)


def row_text(ref_id: str, date: str | None, origin: str | None, classification: str | None, subject: str | None,
             snippet: Snippet | None = None, paragraph: int | None = None, paragraph_index: int | None = None,
             progress: float | None = None, width: int = 110) -> Text:
    """The three lines of a row (``snippet`` a :class:`~tipreader.library.Snippet`, marks highlighted),
    each cut to ``width`` cells so a row never wraps."""
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(clean(ref_id, newlines=False), style="bold")
    text.append("  " + (date or "")[:10], style="tip.date")
    if progress is not None:
        pct = max(0, min(100, round(progress * 100)))
        filled = pct // 10
        text.append("  ")
        text.append("█" * filled, style="tip.score")
        text.append("░" * (10 - filled), style="tip.score-empty")
        text.append(f" {pct}% read", style="tip.muted")
    if origin:
        text.append("  " + clean(origin, newlines=False))
    if classification:
        cls = clean(classification, newlines=False)
        text.append("  ")
        text.append(cls, style=classification_style(cls))
    text.truncate(max(10, width), overflow="ellipsis")
    text.append("\n  ")
    text.append(_cut(clean(subject, newlines=False), width - 3) if subject else "(no subject)",
                style="tip.subject" if subject else "tip.muted-italic")
    if snippet is not None and snippet.text:
        text.append("\n  ")
        where = f"¶{paragraph} " if paragraph is not None else (f"¶·{paragraph_index + 1} " if paragraph_index is not None else "")
        text.append(where, style="tip.answer")
        start = len(text.plain)
        shown = _cut(_flat(snippet.text), width - 3 - len(where))
        text.append(shown, style="tip.snippet")
        for a, b in snippet.marks:
            if a < len(shown):
                text.stylize(MARK_STYLE, start + a, start + min(b, len(shown)))
    return text


class HitList(OptionList):
    """Result rows; :class:`HitList.Chosen` when one is chosen, :class:`HitList.NeedMore` near the end."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="library.move.down", tooltip="Next result"),
        Binding("k", "cursor_up", "Up", show=False, id="library.move.up", tooltip="Previous result"),
    ]

    class Chosen(Message):
        """A row was chosen (Enter or click)."""

        def __init__(self, row: Row) -> None:
            super().__init__()
            self.row = row

    class NeedMore(Message):
        """The cursor or the scroll is near the end of the rows loaded and more exist."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[Row] = []
        self.more = False
        self._asked = False
        self._cut_at = 0  # the width the rows' texts were cut to

    @property
    def row_width(self) -> int:
        """The cells a row's line may take: the list's content width (110 until it is laid out)."""
        width = self.scrollable_content_region.width
        if not width:
            return 110
        return width - self.get_component_styles("option-list--option").padding.width

    def set_rows(self, rows: list[Row], more: bool, empty: Text | None = None) -> None:
        """Replace the rows (``more``: further rows can be loaded); ``empty`` shows when there are none."""
        self.rows = list(rows)
        self.more = more
        self._asked = False
        self._cut_at = self.row_width
        self.clear_options()
        if rows:
            self.add_options([self._option(i, r) for i, r in enumerate(rows)])
            self.highlighted = 0
        elif empty is not None:
            self.add_option(Option(empty, disabled=True))

    def add_rows(self, rows: list[Row], more: bool) -> None:
        """Append rows loaded later (the cursor and scroll stay)."""
        start = len(self.rows)
        self.rows.extend(rows)
        self.more = more
        self._asked = False
        self.add_options([self._option(start + i, r) for i, r in enumerate(rows)])

    def _option(self, i: int, row: Row) -> Option:
        return Option(row.text(self._cut_at), id=str(i))

    def on_resize(self, event: events.Resize) -> None:
        """Cut the rows again to the new width, at once (the cursor and the scroll stay)."""
        width = self.row_width
        if width == self._cut_at or not self.rows:
            return
        self._cut_at = width
        for i, row in enumerate(self.rows):
            self.replace_option_prompt_at_index(i, row.text(width))

    @property
    def current(self) -> Row | None:
        """The highlighted row."""
        i = self.highlighted
        return self.rows[i] if i is not None and 0 <= i < len(self.rows) else None

    def _check_more(self) -> None:
        if not self.more or self._asked:
            return
        near_cursor = self.highlighted is not None and self.highlighted >= len(self.rows) - 10
        near_end = self.max_scroll_y - self.scroll_y <= self.size.height
        if near_cursor or near_end:
            self._asked = True
            self.post_message(self.NeedMore())

    def watch_highlighted(self, highlighted: int | None) -> None:
        """Keep the highlight in view and ask for more near the end."""
        super().watch_highlighted(highlighted)
        self._check_more()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        """Ask for more when scrolled near the end."""
        super().watch_scroll_y(old_value, new_value)
        self._check_more()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Chosen(self.rows[int(event.option.id)]))

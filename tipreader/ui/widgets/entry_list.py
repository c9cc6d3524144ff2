"""A list of entries (a header line over a wrapped body) painted line by line: the compare view's
answers, the figures' sentences.

Textual's ``OptionList`` renders and wraps every option when it is filled; a country's answers
over a dozen years run to thousands of words, and that took most of the compare view's open
time (``benchmarks/tip_compare.py``). Here the layout is only line start offsets per entry
(:func:`~tipreader.ui.widgets.wrap.wrap_offsets`, one regular expression per line), and an
entry's painted lines are built the first time one of them is on screen. A body can be
replaced later (:meth:`EntryList.set_body`: the diff marks computed after the first paint)
without moving what the reader is looking at.

Keys: ↑/↓ (and ``[``/``]``) the previous/next entry, its header brought to the top; ``j``/``k``
a line; space/``b`` (ctrl+f/ctrl+b) a page; ctrl+d/ctrl+u half a page; ``g``/``G`` the first/last
entry; Enter posts :class:`EntryList.Chosen`. Paging moves the current entry with the view.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tipreader.ui.widgets.wrap import wrap_offsets

GUTTER = 2  # "▌ " beside the current entry


@dataclass(slots=True)
class Entry:
    """One entry: ``key`` (given back on Enter), a one-line ``head`` and a wrapped ``body``."""

    key: str
    head: Text
    body: Text


class EntryList(ScrollView, can_focus=True):
    """Entries laid out once per width and painted when shown; one entry is current."""

    DEFAULT_CSS = """
    EntryList { height: 1fr; }
    EntryList > .entry-list--current { color: $accent; text-style: bold; }
    EntryList > .entry-list--head { text-style: bold; }
    EntryList:focus > .entry-list--current-head { background: $accent 30%; text-style: bold; }
    EntryList > .entry-list--current-head { background: $accent 15%; text-style: bold; }
    """
    COMPONENT_CLASSES = {"entry-list--current", "entry-list--head", "entry-list--current-head"}

    BINDINGS = [
        Binding("down,right_square_bracket", "step(1)", "Next", show=False, id="entries.next",
                tooltip="The next entry, its header at the top"),
        Binding("up,left_square_bracket", "step(-1)", "Previous", show=False, id="entries.previous",
                tooltip="The previous entry, its header at the top"),
        Binding("j", "line(1)", "Line down", show=False, id="entries.line-down", tooltip="Scroll down one line"),
        Binding("k", "line(-1)", "Line up", show=False, id="entries.line-up", tooltip="Scroll up one line"),
        Binding("space,pagedown,ctrl+f", "page(1)", "Page down", show=False, id="entries.page-down",
                tooltip="Scroll down one screen"),
        Binding("b,pageup,ctrl+b", "page(-1)", "Page up", show=False, id="entries.page-up",
                tooltip="Scroll up one screen"),
        Binding("ctrl+d", "half(1)", "Half down", show=False, id="entries.half-down", tooltip="Scroll down half a screen"),
        Binding("ctrl+u", "half(-1)", "Half up", show=False, id="entries.half-up", tooltip="Scroll up half a screen"),
        Binding("g,home", "edge(0)", "First", show=False, id="entries.first", tooltip="The first entry"),
        Binding("G,end", "edge(1)", "Last", show=False, id="entries.last", tooltip="The last entry"),
        Binding("enter", "choose", "Open", id="entries.open", tooltip="Open the current entry"),
    ]

    class Chosen(Message):
        """Enter (or a click) on the entry ``key``."""

        def __init__(self, entry_list: EntryList, key: str) -> None:
            super().__init__()
            self.entry_list = entry_list
            self.key = key

        @property
        def control(self) -> EntryList:
            """The list the entry was chosen in."""
            return self.entry_list

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.entries: list[Entry] = []
        self.current = 0
        self._empty: Text = Text("")
        self._width = 0
        self._breaks: dict[int, list[int]] = {}
        self._painted: dict[int, list[list[Segment]]] = {}
        self._lines: list[tuple[int, int]] = []  # (entry, -1 header | n body line | -2 gap)
        self._first: list[int] = []  # each entry's header line
        self._pending = 0  # the entry to bring to the top at the first layout
        self._frame: tuple[int, Style, Style, Style, Style] | None = None  # width and styles while painting

    # ---- content -----------------------------------------------------------------------
    def set_entries(self, entries: list[Entry], current: int = 0, empty: Text | None = None) -> None:
        """Show ``entries`` with ``current`` at the top (``empty`` says why when there is none)."""
        self.entries = entries
        self._empty = empty or Text("")
        self.current = max(0, min(current, len(entries) - 1))
        self._breaks.clear()
        self._painted.clear()
        self._pending = self.current
        if self._measure():
            self._layout()
            self._scroll_to_entry(self.current)
        self.refresh()

    def set_body(self, index: int, body: Text) -> None:
        """Replace entry ``index``'s body (same entry, new marks); the view keeps its place."""
        self.set_bodies({index: body})

    def set_bodies(self, bodies: dict[int, Text]) -> None:
        """Replace several bodies at once (one layout); the entry at the top stays where it was."""
        anchor = self._anchor()
        for index, body in bodies.items():
            self.entries[index].body = body
            self._breaks.pop(index, None)
            self._painted.pop(index, None)
        if self._width:
            self._layout()
            self._restore(anchor)
        self.refresh()

    @property
    def current_key(self) -> str | None:
        """The current entry's key (None when the list is empty)."""
        return self.entries[self.current].key if self.entries else None

    @property
    def line_count(self) -> int:
        """Lines at the current width (0 before the first layout)."""
        return len(self._lines)

    def entry_at_top(self) -> int:
        """The entry whose line is at the top of the view."""
        if not self._lines:
            return self.current
        entry, _ = self._lines[min(int(self.scroll_y), len(self._lines) - 1)]
        return max(0, entry)

    # ---- layout ------------------------------------------------------------------------
    def _measure(self) -> int:
        width = self.size.width - self.styles.scrollbar_size_vertical
        return max(20, width - GUTTER - 1) if self.size.width else 0

    def _offsets(self, index: int) -> list[int]:
        cached = self._breaks.get(index)
        if cached is None:
            plain = self.entries[index].body.plain
            cached = self._breaks[index] = wrap_offsets(plain, self._width) if plain else []
        return cached

    def _layout(self) -> None:
        self._width = self._measure()
        lines: list[tuple[int, int]] = []
        first: list[int] = []
        for i in range(len(self.entries)):
            first.append(len(lines))
            lines.append((i, -1))
            lines.extend((i, n) for n in range(len(self._offsets(i))))
            lines.append((i, -2))
        self._lines, self._first = lines, first
        self.virtual_size = Size(self._width + GUTTER + 1, len(lines) if lines else 1)

    def on_resize(self) -> None:
        """Re-wrap when the width changes, keeping the entry at the top; the current entry stays in view
        (a terminal made smaller does not hide the answer the user is on)."""
        width = self._measure()
        if not width:
            return
        if width != self._width:
            anchor = self._anchor() if self._width else (self._pending, 0)
            self._breaks.clear()
            self._painted.clear()
            self._layout()
            self._restore(anchor)
        if self._lines and not self._in_view(self.current):
            self._scroll_to_entry(self.current)
        self.refresh()

    def _in_view(self, index: int) -> bool:
        """Whether any line of entry ``index`` is on screen."""
        top = int(self.scroll_y)
        bottom = top + self.scrollable_content_region.height
        first = self._first[index]
        last = self._first[index + 1] - 1 if index + 1 < len(self._first) else len(self._lines)
        return not (last <= top or first >= bottom)

    def _anchor(self) -> tuple[int, int]:
        """(entry at the top, lines of it above the top) to restore after a new layout."""
        if not self._lines:
            return self.current, 0
        top = self.entry_at_top()
        return top, int(self.scroll_y) - self._first[top] if top < len(self._first) else 0

    def _restore(self, anchor: tuple[int, int]) -> None:
        entry, within = anchor
        if entry < len(self._first):
            self.scroll_to(y=self._first[entry] + within, animate=False, immediate=True, force=True)

    # ---- painting ----------------------------------------------------------------------
    def _paint(self, index: int) -> list[list[Segment]]:
        """The body lines of entry ``index`` as segments (built when first shown)."""
        lines = self._painted.get(index)
        if lines is None:
            body = self.entries[index].body
            offsets = self._offsets(index)
            console = self.app.console
            lines = []
            for line in body.divide(offsets[1:]) if offsets else []:
                line.rstrip()
                lines.append(list(line.render(console)))
            self._painted[index] = lines
        return lines

    def render_lines(self, crop: Region) -> list[Strip]:
        """Paint the lines in ``crop``: the styles and width looked up once for all of them."""
        self._frame = (self.scrollable_content_region.width, self.rich_style,
                       self.get_component_rich_style("entry-list--current"),
                       self.get_component_rich_style("entry-list--head"),
                       self.get_component_rich_style("entry-list--current-head"))
        try:
            return super().render_lines(crop)
        finally:
            self._frame = None

    def render_line(self, y: int) -> Strip:
        """Paint line ``y`` of the viewport (laid out here the first time: the first frame has the text)."""
        if self.entries and not self._width and self._measure():
            self._layout()
            self._scroll_to_entry(self._pending)
        width, base, mark, head_style, current_head = self._frame or (
            self.scrollable_content_region.width, self.rich_style,
            self.get_component_rich_style("entry-list--current"),
            self.get_component_rich_style("entry-list--head"),
            self.get_component_rich_style("entry-list--current-head"))
        index = int(self.scroll_y) + y
        if not self.entries:
            if y == 0 and self._empty.plain:
                line = self._empty.copy()
                line.truncate(max(1, width - 1), overflow="ellipsis")
                return Strip([Segment(" "), *line.render(self.app.console)]).extend_cell_length(width).apply_style(base)
            return Strip.blank(width, base)
        if index >= len(self._lines):
            return Strip.blank(width, base)
        entry, n = self._lines[index]
        if n == -2:
            return Strip.blank(width, base)
        current = entry == self.current
        gutter = Segment("▌ ", mark) if current else Segment("  ")
        if n == -1:
            head = self.entries[entry].head.copy()
            head.truncate(max(1, width - GUTTER), overflow="ellipsis")
            strip = Strip([gutter, *head.render(self.app.console)]).extend_cell_length(width)
            return strip.apply_style(base + (current_head if current else head_style))
        strip = Strip([gutter, *self._paint(entry)[n]])
        return strip.crop(0, width).extend_cell_length(width).apply_style(base)

    # ---- moving ------------------------------------------------------------------------
    def _scroll_to_entry(self, index: int) -> None:
        if index < len(self._first):
            self.scroll_to(y=self._first[index], animate=False, immediate=True, force=True)

    def select(self, index: int) -> None:
        """Make entry ``index`` current and bring its header to the top."""
        if not self.entries:
            return
        self.current = max(0, min(index, len(self.entries) - 1))
        if self._lines:
            self._scroll_to_entry(self.current)
        else:
            self._pending = self.current
        self.refresh()

    def _follow(self) -> None:
        """After a scroll: the current entry is the one at the top when it left the view."""
        if not self._lines:
            return
        if not self._in_view(self.current):
            self.current = self.entry_at_top()
            self.refresh()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        """Repaint; the mouse wheel moves the current entry with the view as the keys do."""
        super().watch_scroll_y(old_value, new_value)
        self._follow()

    def action_step(self, delta: int) -> None:
        """The next (1) or previous (-1) entry."""
        self.select(self.current + delta)

    def action_line(self, delta: int) -> None:
        """Scroll ``delta`` lines."""
        self.scroll_to(y=self.scroll_y + delta, animate=False, immediate=True)

    def action_page(self, delta: int) -> None:
        """Scroll a screen."""
        self.scroll_to(y=self.scroll_y + delta * max(1, self.scrollable_content_region.height - 1),
                       animate=False, immediate=True)

    def action_half(self, delta: int) -> None:
        """Scroll half a screen."""
        self.scroll_to(y=self.scroll_y + delta * max(1, self.scrollable_content_region.height // 2),
                       animate=False, immediate=True)

    def action_edge(self, end: int) -> None:
        """The first (0) or last (1) entry."""
        self.select(len(self.entries) - 1 if end else 0)

    def action_choose(self) -> None:
        """Post the current entry's key."""
        if self.entries:
            self.post_message(self.Chosen(self, self.entries[self.current].key))

    def on_click(self, event) -> None:
        """A click makes the clicked entry current; a second click on it opens it."""
        index = int(self.scroll_y) + event.y
        if 0 <= index < len(self._lines) and self._lines[index][0] >= 0:
            entry = self._lines[index][0]
            if entry == self.current:
                self.action_choose()
            else:
                self.current = entry
                self.refresh()

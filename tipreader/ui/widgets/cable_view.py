"""The formatted cable: a Line-API view that wraps blocks once per width and paints lines.

Only the visible lines are painted; wrapping is cached per width and per block, so
a 1,000-paragraph cable scrolls as smoothly as a short one. Find highlights are
applied to the few blocks that hold matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tipreader.ui.document import Block
from tipreader.ui.widgets.wrap import wrap_offsets

MAX_MEASURE = 110  # the longest line of prose, in cells
MATCH_STYLE = "tip.match"
CURRENT_STYLE = "tip.current"


@dataclass(frozen=True)
class Match:
    """A find hit: ``block`` index, ``start``/``end`` offsets in that block's plain text."""

    block: int
    start: int
    end: int
    para: int | None


def compile_query(query: str) -> re.Pattern[str] | None:
    """The pattern for a find query: literal, case-insensitive unless it has a capital."""
    if not query:
        return None
    flags = 0 if any(c.isupper() for c in query) else re.IGNORECASE
    return re.compile(re.escape(query), flags)


class CableView(ScrollView, can_focus=True):
    """Shows a list of :class:`Block` wrapped to the width; tells when the top paragraph changes."""

    BINDINGS = [
        Binding("j,down", "line(1)", "Down", show=False, id="reader.move.down", tooltip="Scroll down one line"),
        Binding("k,up", "line(-1)", "Up", show=False, id="reader.move.up", tooltip="Scroll up one line"),
        Binding("space,pagedown,ctrl+f", "page(1)", "Page down", show=False, id="reader.move.page-down", tooltip="Scroll down one screen"),
        Binding("b,pageup,ctrl+b", "page(-1)", "Page up", show=False, id="reader.move.page-up", tooltip="Scroll up one screen"),
        Binding("ctrl+d", "half(1)", "Half down", show=False, id="reader.move.half-down", tooltip="Scroll down half a screen"),
        Binding("ctrl+u", "half(-1)", "Half up", show=False, id="reader.move.half-up", tooltip="Scroll up half a screen"),
        Binding("g,home", "edge(0)", "Top", show=False, id="reader.move.top", tooltip="Go to the top of the cable"),
        Binding("G,end", "edge(1)", "Bottom", show=False, id="reader.move.bottom", tooltip="Go to the bottom of the cable"),
    ]

    class TopChanged(Message):
        """The paragraph at the top of the view changed (``para`` is an index or None)."""

        def __init__(self, view: CableView, para: int | None) -> None:
            super().__init__()
            self.view = view
            self.para = para

    class HoverChanged(Message):
        """The mouse moved onto another annotated span (an entity mention) or off them.

        ``item`` is the span's item (an :class:`~tipreader.cable.model.Entity`) or None.
        """

        def __init__(self, view: CableView, item: object | None) -> None:
            super().__init__()
            self.view = view
            self.item = item

    class Jumped(Message):
        """The view jumped to its top or bottom (``g``/``G``) from paragraph ``para`` at ``scroll_y``."""

        def __init__(self, view: CableView, para: int | None, scroll_y: float) -> None:
            super().__init__()
            self.view = view
            self.para = para
            self.scroll_y = scroll_y

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._blocks: list[Block] = []
        self._width = 0
        self._paint: tuple[Style, int] | None = None  # base style and width, during one render_lines
        self._wrapped: dict[int, tuple[list[Strip], list[int]]] = {}
        self._breaks: dict[int, list[int]] = {}
        self._lines: list[tuple[int, int]] = []
        self._line_para: list[int | None] = []
        self._para_first: dict[int, int] = {}
        self._block_first: list[int] = []
        self._pattern: object | None = None  # a compiled query, QueryWords, or a finder of spans
        self.matches: list[Match] = []
        self.current: int = -1
        self._block_matches: dict[int, list[tuple[int, int, int]]] = {}
        self._top_para: int | None = None
        self._pending_top: int | None = None
        self._pending_match: int | None = None
        self._hover: object | None = None

    # ---- content -------------------------------------------------------------------
    def set_blocks(self, blocks: list[Block], keep_para: int | None = None) -> None:
        """Show ``blocks``; with ``keep_para`` the view keeps that paragraph at the top."""
        self._blocks = blocks
        self._wrapped.clear()
        self._breaks.clear()
        self._width = 0
        self._lines, self._line_para, self._para_first, self._block_first = [], [], {}, []
        if not self.size.width:
            self._find(self._pattern, keep_current=False)
            self._pending_top = keep_para
            return  # laid out on the first resize, when the width is known
        self._layout()  # first: the matches are placed on lines wrapped at this width
        self._find(self._pattern, keep_current=False)
        if keep_para is not None:
            self.scroll_to_para(keep_para)
        self.refresh()

    def open_at(self, blocks: list[Block], para: int | None, pattern: object | None = None) -> None:
        """Show ``blocks`` (a cable's first, or another cable's) at paragraph ``para`` with ``pattern``'s matches
        marked, the first one at or after ``para`` current and in view: all of it applied at
        the first layout, so the first paint is already there (no paint at the top first)."""
        self._pattern = pattern
        self._pending_match = None
        self._hover = None
        keep = para if para is not None and para >= 0 else None
        self.set_blocks(blocks, keep_para=keep)
        if keep is None and self._lines:  # another cable in this view: from its top
            self.scroll_to(y=0, animate=False, immediate=True, force=True)
        start = para if para is not None else -1
        first = next((n for n, m in enumerate(self.matches) if m.para is not None and m.para >= start), None)
        if first is None:
            return
        if self._lines:
            self.goto_match(first)
        else:
            self.current = first
            self._pending_match = first

    def restyle(self, blocks: list[Block]) -> None:
        """Show ``blocks`` that differ from the shown ones only in styles and spans (same texts):
        the layout, the scroll and the current match stay."""
        if len(blocks) != len(self._blocks) or not self._lines:
            y = self.scroll_y
            self.set_blocks(blocks)
            self.scroll_to(y=y, animate=False, immediate=True)
            return
        self._blocks = blocks
        self._wrapped.clear()
        self._find(self._pattern, keep_current=True)
        if self.current >= len(self.matches):
            self.current = len(self.matches) - 1
        self._hover = None
        self.refresh()

    @property
    def blocks(self) -> list[Block]:
        """The blocks shown."""
        return self._blocks

    @property
    def line_count(self) -> int:
        """How many lines the document has at the current width."""
        return len(self._lines)

    def _measure(self) -> int:
        # The scrollbar's column is always set aside, so the measure does not change
        # when a scrollbar appears.
        width = (self.size.width - self.styles.scrollbar_size_vertical) if self.size.width else 80
        return max(20, min(MAX_MEASURE, width - 2))

    def _offsets(self, index: int, width: int) -> list[int]:
        """Where each wrapped line of block ``index`` starts (cached; styles do not move breaks)."""
        cached = self._breaks.get(index) if width == self._width else None
        if cached is not None:
            return cached
        block = self._blocks[index]
        if block.one_line or block.role == "rule":
            offsets = [0]
        else:
            offsets = wrap_offsets(block.text.plain, max(8, width - block.prefix.cell_len))
        if width == self._width and width:  # never cache breaks for another (or no) width
            self._breaks[index] = offsets
        return offsets

    def _wrap(self, index: int, width: int) -> tuple[list[Strip], list[int]]:
        """The painted lines of block ``index`` (built when first shown) and their start offsets."""
        cached = self._wrapped.get(index)
        if cached is not None:
            return cached
        block = self._blocks[index]
        offsets = self._offsets(index, width)
        text = block.text
        spans = self._block_matches.get(index)
        if spans:
            text = text.copy()
            for start, end, match_no in spans:
                text.stylize(CURRENT_STYLE if match_no == self.current else MATCH_STYLE, start, end)
        inner = max(8, width - block.prefix.cell_len)
        console = self.app.console
        if block.role == "rule":
            lines = [Text("─" * inner, style=text.style or "tip.muted")]
        elif block.one_line:
            line = text.copy()
            line.truncate(inner, overflow="ellipsis")
            lines = [line]
        else:
            lines = list(text.divide(offsets[1:]))
        strips: list[Strip] = []
        for line in lines:
            line.rstrip()
            if line.cell_len > inner:
                line.truncate(inner)
            full = block.prefix + line if block.prefix else line
            strips.append(Strip([Segment(" ")] + list(full.render(console))))
        self._wrapped[index] = (strips, offsets)
        return strips, offsets

    def _layout(self) -> None:
        width = self._measure()
        self._width = width
        lines: list[tuple[int, int]] = []
        line_para: list[int | None] = []
        para_first: dict[int, int] = {}
        block_first: list[int] = []
        for i, block in enumerate(self._blocks):
            for _ in range(block.gap):
                lines.append((i, -1))
                line_para.append(block.para)
            block_first.append(len(lines))
            if block.para is not None:
                para_first.setdefault(block.para, len(lines) - block.gap)
            for n in range(len(self._offsets(i, width))):
                lines.append((i, n))
                line_para.append(block.para)
        lines.append((-1, -1))  # a last blank line
        line_para.append(line_para[-1] if line_para else None)
        self._lines, self._line_para, self._para_first, self._block_first = lines, line_para, para_first, block_first
        self.virtual_size = Size(width + 2, len(lines))
        self._top_para = -2  # always tell the screen after a new layout
        self.call_after_refresh(self._check_top)

    def on_resize(self) -> None:
        """Re-wrap when the width changes, keeping the top paragraph in place."""
        if self._blocks and self._measure() != self._width:
            top = self.top_para if self._width else self._pending_top
            self._wrapped.clear()
            self._breaks.clear()
            self._layout()
            if top is not None:
                self.scroll_to_para(top)
            if self._pending_match is not None:
                self.goto_match(self._pending_match)
            self._pending_top = self._pending_match = None
            self.refresh()

    def render_lines(self, crop: Region) -> list[Strip]:
        """Paint the lines of ``crop``: the base style and the width computed once for all of them
        (``rich_style`` walks up the widget tree: about a tenth of a repaint when done per line)."""
        self._paint = (self.rich_style, self.scrollable_content_region.width)
        try:
            return super().render_lines(crop)
        finally:
            self._paint = None

    def render_line(self, y: int) -> Strip:
        """Paint line ``y`` of the viewport."""
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        base, width = self._paint or (self.rich_style, self.scrollable_content_region.width)
        if index >= len(self._lines) or self._lines[index][0] < 0 or self._lines[index][1] < 0:
            return Strip.blank(width, base)
        block, n = self._lines[index]
        strips, _ = self._wrap(block, self._width)
        strip = strips[n].crop(scroll_x, scroll_x + width)
        return strip.extend_cell_length(width).apply_style(base) if strip.cell_length < width else strip.apply_style(base)

    # ---- position --------------------------------------------------------------------
    @property
    def top_para(self) -> int | None:
        """The paragraph index at the top line of the view (None over the header)."""
        y = int(self.scroll_y)
        if not self._line_para:
            return None
        return self._line_para[min(y, len(self._line_para) - 1)]

    def para_line(self, para: int) -> int | None:
        """The first line of paragraph ``para`` (its gap line excluded), or None when hidden."""
        line = self._para_first.get(para)
        if line is None:
            return None
        while line < len(self._lines) and self._lines[line][1] < 0:
            line += 1
        return line

    def scroll_to_para(self, para: int) -> bool:
        """Put paragraph ``para`` at the top of the view; False when it is not shown."""
        line = self.para_line(para)
        if line is None:
            return False
        # force: right after a new layout the scrollbar is not there yet and the scroll would be refused
        self.scroll_to(y=line, animate=False, immediate=True, force=True)
        self._check_top()
        return True

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        """Repaint and say when the paragraph at the top changes."""
        super().watch_scroll_y(old_value, new_value)
        self._check_top()

    def _check_top(self) -> None:
        top = self.top_para
        if top != self._top_para:
            self._top_para = top
            self.post_message(self.TopChanged(self, top))

    def shown_paras(self) -> list[int]:
        """Paragraph indexes shown, in order."""
        return list(self._para_first)

    # ---- find --------------------------------------------------------------------------
    def find(self, query: str) -> int:
        """Highlight every match of ``query``; returns the number of matches."""
        return self.find_with(compile_query(query))

    def find_with(self, pattern: object | None) -> int:
        """Highlight the matches of ``pattern``: anything with ``finditer(text, pos)`` like a compiled
        regular expression, or with ``spans(block)`` giving ``(start, end)`` pairs (annotated spans)."""
        self._find(pattern, keep_current=False)
        self.refresh()
        return len(self.matches)

    @property
    def pattern(self) -> object | None:
        """What the highlights come from (a compiled query, a finder), or None."""
        return self._pattern

    def _find(self, pattern: object | None, keep_current: bool) -> None:
        old = set(self._block_matches)
        self._pattern = pattern
        self.matches = []
        self._block_matches = {}
        if pattern is not None:
            spans_of = getattr(pattern, "spans", None)  # a finder of annotated spans (entity mentions)
            finditer = getattr(pattern, "finditer", None)  # else: a compiled query, QueryWords
            for i, block in enumerate(self._blocks):
                if spans_of is not None:
                    found = spans_of(block) if block.spans else ()
                elif not block.searchable or finditer is None:
                    continue
                else:
                    found = ((m.start(), m.end()) for m in finditer(block.text.plain, block.find_from))
                for start, end in found:
                    if end > start:
                        self._block_matches.setdefault(i, []).append((start, end, len(self.matches)))
                        self.matches.append(Match(i, start, end, block.para))
        if not keep_current:
            self.current = self._first_match_from_top() if self.matches else -1
        for i in old | set(self._block_matches):
            self._wrapped.pop(i, None)

    def _first_match_from_top(self) -> int:
        top = int(self.scroll_y)
        for n, match in enumerate(self.matches):
            if self.match_line(match) >= top:
                return n
        return 0

    def match_line(self, match: Match) -> int:
        """The document line holding ``match``."""
        if not self._block_first:
            return 0
        starts = self._offsets(match.block, self._width)
        n = 0
        for k, start in enumerate(starts):
            if start <= match.start:
                n = k
        return self._block_first[match.block] + n

    def goto_match(self, n: int) -> Match | None:
        """Make match ``n`` (wrapping) the current one and scroll it into view."""
        if not self.matches:
            return None
        previous = self.current
        self.current = n % len(self.matches)
        for k in (previous, self.current):
            if 0 <= k < len(self.matches):
                self._wrapped.pop(self.matches[k].block, None)
        match = self.matches[self.current]
        line = self.match_line(match)
        height = self.scrollable_content_region.height
        if not (self.scroll_y <= line < self.scroll_y + height - 1):
            self.scroll_to(y=max(0, line - 2), animate=False, immediate=True, force=True)
        self.refresh()
        return match

    def clear_find(self) -> None:
        """Remove every highlight."""
        self._find(None, keep_current=False)
        self.refresh()

    # ---- the mouse ---------------------------------------------------------------------
    def position_at(self, x: int, y: int) -> tuple[int, int] | None:
        """(block index, offset in its plain text) of the character at ``x``, ``y`` in the viewport."""
        index = int(self.scroll_y) + y
        if not (0 <= index < len(self._lines)):
            return None
        block_no, n = self._lines[index]
        if block_no < 0 or n < 0:
            return None
        block = self._blocks[block_no]
        col = int(self.scroll_x) + x - 1 - block.prefix.cell_len  # one leading space, then the prefix
        if col < 0:
            return None
        offsets = self._offsets(block_no, self._width)
        start = offsets[n]
        end = offsets[n + 1] if n + 1 < len(offsets) else len(block.text.plain)
        line = block.text.plain[start:end]
        if line.isascii():
            return (block_no, start + col) if col < len(line.rstrip("\n")) else None
        cells = 0
        for k, ch in enumerate(line):
            cells += cell_len(ch)
            if cells > col:
                return block_no, start + k
        return None

    def item_at(self, x: int, y: int) -> object | None:
        """The annotated item (entity mention) under ``x``, ``y`` in the viewport, or None."""
        where = self.position_at(x, y)
        if where is None:
            return None
        for start, end, item in self._blocks[where[0]].spans:
            if start <= where[1] < end:
                return item
        return None

    def on_mouse_move(self, event) -> None:
        """Say when the mouse moves onto another mention (the screen sets the tooltip)."""
        offset = event.get_content_offset(self)
        item = self.item_at(offset.x, offset.y) if offset is not None else None
        if item is not self._hover:
            self._hover = item
            self.post_message(self.HoverChanged(self, item))

    def on_leave(self) -> None:
        """The mouse left: no mention under it."""
        if self._hover is not None:
            self._hover = None
            self.post_message(self.HoverChanged(self, None))

    @property
    def hovered(self) -> object | None:
        """The annotated item under the mouse, or None."""
        return self._hover

    # ---- actions -----------------------------------------------------------------------
    def action_line(self, delta: int) -> None:
        """Scroll ``delta`` lines."""
        self.scroll_to(y=self.scroll_y + delta, animate=False, immediate=True)

    def action_page(self, direction: int) -> None:
        """Scroll a screen, keeping two lines of context."""
        step = max(1, self.scrollable_content_region.height - 2)
        self.scroll_to(y=self.scroll_y + direction * step, animate=False, immediate=True)

    def action_half(self, direction: int) -> None:
        """Scroll half a screen (ctrl+d / ctrl+u, as in less and vim)."""
        step = max(1, self.scrollable_content_region.height // 2)
        self.scroll_to(y=self.scroll_y + direction * step, animate=False, immediate=True)

    def action_edge(self, bottom: int) -> None:
        """Go to the top (0) or the bottom (1)."""
        self.post_message(self.Jumped(self, self.top_para, float(self.scroll_y)))
        self.scroll_to(y=self.max_scroll_y if bottom else 0, animate=False, immediate=True)


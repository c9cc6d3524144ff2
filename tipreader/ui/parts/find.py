"""Find and filter in the reader: ``/`` finds, ``&`` shows only the paragraphs that match,
``n``/``N`` step through the matches (wrapping), Esc clears both."""

from __future__ import annotations

from tipreader.ui.parts.base import ReaderPart, part_binding
from tipreader.ui.widgets.cable_view import compile_query
from tipreader.ui.widgets.find_bar import FindBar


class FindPart(ReaderPart):
    """The find bar, the filter and the match count."""

    name = "find"
    BINDINGS = [
        part_binding("find", "slash", "find", "Find", id="reader.find.find", key_display="/",
                     tooltip="Find in the cable (case-insensitive unless the query has a capital)"),
        part_binding("find", "n", "next(1)", "Next match", show=False, id="reader.find.next",
                     tooltip="Next match (wraps)"),
        part_binding("find", "N", "next(-1)", "Previous match", show=False, id="reader.find.previous",
                     tooltip="Previous match (wraps)"),
        part_binding("find", "ampersand", "filter", "Filter", show=False, id="reader.find.filter",
                     key_display="&", tooltip="Show only the paragraphs that match, until Esc"),
        part_binding("find", "escape", "close", "Close find", show=False, id="reader.find.close",
                     tooltip="Clear the find highlights and the filter"),
    ]

    filter_query = ""

    @property
    def bar(self) -> FindBar:
        """The find bar."""
        return self.reader.query_one(FindBar)

    def only(self) -> set[int] | None:
        """The paragraph indexes the filter shows, or None (no filter)."""
        pattern = compile_query(self.filter_query)
        if pattern is None:
            return None
        cable = self.reader.cable
        only = {p.index for p in cable.paragraphs if pattern.search(p.text or "")}
        for q in cable.questions:
            if pattern.search(q.question or "") or pattern.search(q.answer or ""):
                only.add(q.paragraph_index)
        return only

    def refind(self) -> None:
        """After the text was laid out again: the count for the matches found again."""
        if self.live and self.bar.display and self.bar.value:
            self.show_count(self.bar.value)

    def reset_widgets(self) -> None:
        """Another cable: the bar hidden and empty."""
        self.bar.reset()

    # ---- the bar's messages (routed by the screen) --------------------------------------
    def changed(self, query: str, filter: bool) -> None:
        """The query was edited: filter (in filter mode), mark the matches, go to the first."""
        if filter:
            self.apply_filter(query)
        view = self.reader.text_view
        if view.find(query):
            view.goto_match(view.current)
        self.show_count(query)

    def submitted(self, query: str) -> None:
        """Enter: back to the text (an empty query closes the bar)."""
        self.reader.text_view.focus()
        if not query:
            self.close()

    def show_count(self, query: str) -> None:
        """``3/17`` or ``no match`` beside the query."""
        view = self.reader.text_view
        if not query:
            text = ""
        elif not view.matches:
            text = "no match"
        else:
            text = f"{view.current + 1}/{len(view.matches)}"
        self.bar.set_count(text)

    # ---- actions ----------------------------------------------------------------------
    def action_find(self) -> None:
        """Open the find bar."""
        self.bar.open(False, self.filter_query)

    def action_filter(self) -> None:
        """Open the find bar in filter mode."""
        self.bar.open(True, self.filter_query)

    def action_next(self, delta: int) -> None:
        """Next/previous match, wrapping."""
        view = self.reader.text_view
        if not view.matches:
            self.reader.app.bell()
            return
        view.goto_match(view.current + delta)
        self.show_count(self.bar.value)
        self.reader.update_status()

    def action_close(self) -> None:
        """Esc: close the find bar, clear the highlights and the filter."""
        self.close()

    def close(self) -> None:
        """Close the bar, clear the highlights and the filter."""
        self.bar.display = False
        self.reader.text_view.clear_find()
        if self.filter_query:
            self.clear_filter()
        self.reader.text_view.focus()

    # ---- the filter --------------------------------------------------------------------
    def apply_filter(self, query: str) -> None:
        """Show only the paragraphs matching ``query`` (keeping the top paragraph when shown)."""
        self.filter_query = query
        view = self.reader.text_view
        top = view.top_para
        view.set_blocks(self.reader.blocks())
        if top is not None:
            view.scroll_to_para(top)
        self.reader.update_status()

    def clear_filter(self) -> None:
        """Show every paragraph again, keeping the place."""
        self.filter_query = ""
        view = self.reader.text_view
        view.set_blocks(self.reader.blocks(), keep_para=view.top_para)
        self.reader.update_status()

"""The one-line status: ``08MEXICO721 · Q 7/22 · ¶ 12/26 · 45%``, then a detail such as
``INM · National Migration Institute``.

A plain widget rather than a ``Static``: changing its text repaints one line and
never asks the screen for a new layout, so scrolling stays cheap.
"""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget


class StatusLine(Widget):
    """Shows ``text`` and then ``detail`` (both plain, never markup) on one line."""

    DEFAULT_CSS = """
    StatusLine {
        height: 1;
        width: 1fr;
    }
    """

    text: reactive[str] = reactive("", layout=False)
    detail: reactive[str] = reactive("", layout=False)

    def render(self) -> Text:
        """The status as plain text; the detail after it, in italics."""
        line = Text(self.text, no_wrap=True, overflow="ellipsis")
        if self.detail:
            line.append("  │  ", style="tip.muted")
            line.append(self.detail, style="italic")
        return line

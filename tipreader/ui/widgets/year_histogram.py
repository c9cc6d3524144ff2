"""A small bar chart of the current results by year (by month when they span under two years).

Drawn with block characters, one column per period, the tallest bar ``HEIGHT`` rows high,
with the first and last periods' labels under it. Chosen over Textual's ``Sparkline``: a
sparkline has no selectable bars and no labels, and here every bar must be selectable and
say which period it is. Focus it (``tab``), move with ←/→ (the selected bar and its count
show in the caption) and press Enter: it posts :class:`YearHistogram.Selected` with the
period (``2008`` or ``2008-03``) for the screen to filter on.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from tipreader.library.histogram import Histogram

HEIGHT = 3
_EIGHTHS = " ▁▂▃▄▅▆▇█"


class YearHistogram(Widget, can_focus=True):
    """See the module docstring."""

    DEFAULT_CSS = """
    YearHistogram { height: 5; padding: 0 1; }
    YearHistogram:focus { background: $boost; }
    """

    BINDINGS = [
        Binding("left", "move(-1)", "Earlier", show=False, id="library.histogram.left", tooltip="The bar before"),
        Binding("right", "move(1)", "Later", show=False, id="library.histogram.right", tooltip="The bar after"),
        Binding("enter", "choose", "Filter to this period", id="library.histogram.choose",
                tooltip="Show only the results of the selected year or month"),
    ]

    selected: reactive[int] = reactive(-1)

    @dataclass
    class Selected(Message):
        """The user chose ``period`` (``2008`` or ``2008-03``)."""

        period: str

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.histogram = Histogram("year")
        self.display = False  # until there are results to draw

    def show(self, histogram: Histogram) -> None:
        """Draw ``histogram`` (the last bar selected)."""
        self.histogram = histogram
        self.selected = len(histogram.buckets) - 1
        self.refresh()

    def action_move(self, delta: int) -> None:
        """Select the bar before or after."""
        if self.histogram.buckets:
            self.selected = max(0, min(len(self.histogram.buckets) - 1, self.selected + delta))

    def action_choose(self) -> None:
        """Filter to the selected period."""
        if 0 <= self.selected < len(self.histogram.buckets):
            self.post_message(self.Selected(self.histogram.buckets[self.selected][0]))

    def watch_selected(self) -> None:
        self.refresh()

    def _columns(self, width: int) -> list[tuple[str, int, int]]:
        """(period, count, index) per column; with more periods than columns, the latest fit."""
        buckets = self.histogram.buckets
        start = max(0, len(buckets) - width)
        return [(p, n, i) for i, (p, n) in enumerate(buckets) if i >= start]

    def render(self) -> Text:
        """The bars, the first and last labels, the selected period's count."""
        buckets = self.histogram.buckets
        if not buckets:
            return Text("no dated results", style="tip.muted")
        width = max(1, self.size.width - 2)
        cols = self._columns(width)
        step = max(1, min(6, width // len(cols)))  # columns per period: wider bars when few periods
        bar = max(1, step - 1)
        top = max(n for _, n, _ in cols) or 1
        accent = "bold underline"  # the selected bar, unfocused (no colour: readable in every theme and NO_COLOR)
        rows = []
        for level in range(HEIGHT, 0, -1):
            row = Text()
            for _, n, i in cols:
                eighths = round(8 * HEIGHT * n / top) - 8 * (level - 1)
                char = _EIGHTHS[max(0, min(8, eighths))] if n else " "
                if n and char == " " and level == 1:
                    char = "▁"  # a period with hits is never invisible
                style = "reverse" if i == self.selected and self.has_focus else accent if i == self.selected else ""
                row.append(char * bar, style=style)
                row.append(" " * (step - bar))
            rows.append(row)
        first, last = cols[0][0], cols[-1][0]
        span = len(cols) * step
        labels = Text(first.ljust(max(len(first) + 1, span - len(last))) + last, style="tip.muted")
        period, n = buckets[self.selected] if 0 <= self.selected < len(buckets) else ("", 0)
        caption = Text(f"{period}: {n:,} · ", style="bold")
        caption.append(f"by {self.histogram.unit} · ←/→ Enter filters", style="tip.muted")
        return Text("\n").join([*rows, labels, caption])

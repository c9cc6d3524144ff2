"""The figures view: the counts a country's TIP submissions report, year by year, each with its sentence.

Opened with ``f`` in the compare view (the country of the answer compared) or from the command
palette (every figure in the library). Each entry's header says the year, the cable, the
question and what is counted (``2009 · 09REYKJAVIK50 · Q 2·C · prosecutions 3 · in 2008``); its
body is the sentence the number comes from, the number marked. Enter posts
:class:`~tipreader.ui.messages.OpenCable`: the app opens the cable at that paragraph with the number
marked, above this view (back returns here). Keyboard only; fits 80×24.
"""

from __future__ import annotations


from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

from tipreader.tip.compare import FigureRow
from tipreader.tip.figures import KINDS, display, span_in
from tipreader.ui.messages import OpenCable
from tipreader.ui.widgets.entry_list import Entry, EntryList
from tipreader.ui.widgets.footer import QuietFooter


def kind_name(kind: str) -> str:
    """``victims_identified`` → ``victims identified``; ``funding_usd`` → ``funding (US$)``."""
    return "funding (US$)" if kind == "funding_usd" else kind.replace("_", " ")


class FiguresScreen(Screen[None]):
    """See the module docstring."""

    DEFAULT_CSS = """
    FiguresScreen #figures-title { height: 1; padding: 0 1; text-style: bold; }
    FiguresScreen #figures-kind { height: 1; padding: 0 1; }
    FiguresScreen EntryList { height: 1fr; }
    """

    BINDINGS = [
        Binding("K", "kind", "Kind", id="figures.view.kind",
                tooltip="Show one kind of count (prosecutions, convictions...), then the next, then all"),
        Binding("escape,q", "back", "Back", id="figures.app.back", tooltip="Back to where the figures were opened"),
    ]

    def __init__(self, rows: list[FigureRow], title: str) -> None:
        super().__init__()
        self.rows = rows
        self.title_text = title
        self.kind_filter: str | None = None

    def compose(self) -> ComposeResult:
        """A title line, the kind filter line, the list, the footer."""
        yield Static(Text(self.title_text, no_wrap=True, overflow="ellipsis"), id="figures-title")
        yield Static(id="figures-kind")
        yield EntryList(id="figures-list")
        yield QuietFooter()

    def on_mount(self) -> None:
        """Fill the list (every kind)."""
        self._fill()
        self.query_one(EntryList).focus()

    @property
    def shown(self) -> list[FigureRow]:
        """The figures listed (the kind filter applied), by year, cable and position."""
        return [r for r in self.rows if self.kind_filter is None or r.kind == self.kind_filter]

    def _entry(self, index: int, r: FigureRow) -> Entry:
        head = Text(f"{r.report_year} · {r.ref_id}")
        if r.label:
            head.append(f" · Q {r.label.replace('.', '·')}")
        value = display(r.value, r.unit)
        head.append(f" · {kind_name(r.kind)} {value}", style="bold")
        if r.period:
            head.append(f" · {r.period}", style="tip.muted")
        body = Text(r.sentence)
        span = span_in(r.sentence, r.kind, r.value)
        if span is not None:
            body.stylize("reverse bold", *span)
        return Entry(str(index), head, body)

    def _fill(self) -> None:
        shown = self.shown
        label = kind_name(self.kind_filter) if self.kind_filter else "every kind"
        self.query_one("#figures-kind", Static).update(
            Text(f"{label} · {len(shown)} figure{'s' if len(shown) != 1 else ''} · K: next kind · Enter opens it",
                 style="tip.muted", no_wrap=True, overflow="ellipsis"))
        entries = [self._entry(i, r) for i, r in enumerate(self.rows) if self.kind_filter in (None, r.kind)]
        self.query_one(EntryList).set_entries(entries, 0, Text(
            "No figure of this kind in these submissions." if self.rows else
            "No figure in these submissions: no count was found in their answers.", style="tip.muted"))

    def action_kind(self) -> None:
        """The next kind present (then every kind)."""
        kinds = [k for k in KINDS if any(r.kind == k for r in self.rows)]
        order: list[str | None] = [None, *kinds]
        self.kind_filter = order[(order.index(self.kind_filter) + 1) % len(order)] if self.kind_filter in order else None
        self._fill()

    def action_back(self) -> None:
        """Back to where the figures were opened."""
        self.dismiss(None)

    @on(EntryList.Chosen)
    def _open(self, event: EntryList.Chosen) -> None:
        event.stop()
        r = self.rows[int(event.key)]
        span = span_in(r.sentence, r.kind, r.value)
        self.post_message(OpenCable(r.ref_id, para=r.paragraph_index, mark=r.sentence[span[0]:span[1]] if span else ""))

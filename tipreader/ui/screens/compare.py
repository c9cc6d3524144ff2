"""The compare view: one question's topic, answered by the same country every year, and by
other countries the same year.

Opened with ``c`` on a question in the reader. Two tabs:

- **Years**: the same country's answers to the topic in every report year the library holds,
  oldest or newest first (``o``), each headed ``2008 · 08MEXICO721 · Q 2·C``, with the words
  changed since the year before marked (added: underlined in the theme's success colour,
  removed: struck through in its error colour);
- **Countries**: the same topic in the same report year from the other countries, filterable
  by region (``r`` cycles the regions).

Enter on an answer posts :class:`~tipreader.ui.messages.OpenCable` (the app opens the cable at that
paragraph, with history back here). Keyboard only; fits 80×24.

Opening is kept fast (``benchmarks/tip_compare.py``): the answers are in an
:class:`~tipreader.ui.widgets.entry_list.EntryList`, which lays out line offsets and paints only
the lines on screen; only the opened answer's diff is computed before the first paint, the
other years' marks follow from a worker thread.
"""

from __future__ import annotations


from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Static
from textual.worker import get_current_worker

from tipreader.tip.compare import Answer, CompareData, diff_words
from tipreader.tip.places import REGIONS
from tipreader.ui import _colors
from tipreader.ui.messages import OpenCable
from tipreader.ui.widgets.entry_list import Entry, EntryList
from tipreader.ui.widgets.footer import QuietFooter


EXCERPT_WORDS = 120  # an answer in the countries tab shows this many words; Enter opens the whole of it


def _excerpt(answer: str) -> Text:
    words = answer.split()
    if len(words) <= EXCERPT_WORDS:
        return Text(answer)
    text = Text(" ".join(words[:EXCERPT_WORDS]))
    text.append(f" … ({len(words) - EXCERPT_WORDS} more words: Enter opens the answer)", style="tip.muted")
    return text


def marked(before: str | None, after: str, added: str, removed: str) -> Text:
    """``after`` with the words added since ``before`` in style ``added`` and the removed ones, struck,
    in style ``removed`` (plain ``after`` when there is nothing before)."""
    if before is None:
        return Text(after)
    out = Text()
    for op, words in diff_words(before, after):
        if out:
            out.append(" ")
        out.append(words, style=added if op == "+" else removed if op == "-" else "")
    return out


class CompareScreen(Screen[None]):
    """See the module docstring."""

    # Its own layout rules travel with it (any app can host the view; tipreader.tcss need not know it)
    DEFAULT_CSS = """
    CompareScreen #compare-title { height: 1; padding: 0 1; }
    CompareScreen #compare-tabs { height: 1; padding: 0 1; }
    CompareScreen #compare-region { height: 1; padding: 0 1; }
    CompareScreen #compare-switcher { height: 1fr; }
    CompareScreen #compare-countries { height: 1fr; }
    CompareScreen EntryList { height: 1fr; }
    """

    BINDINGS = [
        Binding("o", "order", "Order", id="compare.view.order",
                tooltip="Years tab: newest or oldest year first"),
        Binding("r", "region", "Region", id="compare.view.region",
                tooltip="Countries tab: show one region's countries, then the next, then all"),
        Binding("t", "switch_tab", "Years/Countries", id="compare.view.tab",
                tooltip="Switch between the same country's years and the same year's countries"),
        Binding("f", "figures", "Figures", id="compare.view.figures",
                tooltip="The counts (prosecutions, victims...) this country's submissions report, year by year"),
        Binding("escape,q", "back", "Back", id="compare.app.back", tooltip="Back to the reader"),
    ]

    def __init__(self, data: CompareData, topic_title: str = "") -> None:
        super().__init__()
        self.data = data
        self.topic_title = topic_title
        self.newest_first = False
        self.region_filter: str | None = None
        self._countries_filled = False
        chronological = sorted(data.years, key=lambda a: (a.report_year, a.ref_id))
        # each year's answer and the one before it (its diff is computed once, after the first paint)
        self._before = {id(b): a for a, b in zip(chronological, chronological[1:])}
        self._chronological = chronological
        self._marked: dict[int, Text] = {}

    def compose(self) -> ComposeResult:
        """A title line, the two tabs, the footer."""
        base = self.data.base
        title = Text(no_wrap=True, overflow="ellipsis")
        if base.topic:
            title.append(self.topic_title or base.topic, style="bold")
            title.append(f"  {base.topic}", style="tip.muted")
        else:
            guess = f"; best guess {base.candidate} ({base.confidence:.2f})" if base.candidate else ""
            title.append(f"{base.citation}: no topic key (unaligned{guess}), nothing to compare it with")
        yield Static(title, id="compare-title")
        yield Static(id="compare-tabs")
        with ContentSwitcher(initial="compare-years", id="compare-switcher"):
            yield EntryList(id="compare-years")
            with Vertical(id="compare-countries"):
                yield Static("", id="compare-region")
                yield EntryList(id="compare-countries-list")
        yield QuietFooter()

    @property
    def active_tab(self) -> str:
        """``compare-years`` or ``compare-countries``."""
        return self.query_one(ContentSwitcher).current or "compare-years"

    def _show_tab(self, tab: str) -> None:
        """Show ``tab`` (filling the countries' list the first time), mark it in the tab bar, focus its list."""
        if tab == "compare-countries" and not self._countries_filled:
            self._fill_countries()
        self.query_one(ContentSwitcher).current = tab
        base = self.data.base
        names = {"compare-years": f"{base.country}, every year", "compare-countries": f"{base.report_year}, other countries"}
        bar = Text(no_wrap=True, overflow="ellipsis")
        for key, name in names.items():
            bar.append(f" {name} ", style="reverse bold" if key == tab else "tip.muted")
            bar.append("  ")
        bar.append("t: switch", style="tip.muted")
        self.query_one("#compare-tabs", Static).update(bar)
        self.query_one("#compare-years" if tab == "compare-years" else "#compare-countries-list", EntryList).focus()

    def on_mount(self) -> None:
        """Fill the years list with the opened answer's diff marked at once; the other years' marks
        follow from a worker (the countries' list is filled when its tab is first shown)."""
        base = self._base_answer()
        if base is not None:
            self._marked[id(base)] = self._mark(base)
        self._fill_years()
        self._show_tab("compare-years")
        if any(id(a) in self._before and id(a) not in self._marked for a in self._chronological):
            self._mark_years(*self._styles())

    # ---- the lists -----------------------------------------------------------------------
    def _base_answer(self) -> Answer | None:
        base = self.data.base
        return next((a for a in self._chronological if (a.ref_id, a.q_index) == (base.ref_id, base.q_index)), None)

    def _styles(self) -> tuple[str, str]:
        colors = _colors.derive(self.app)
        return f"underline {colors['success'].rich_color.name}", f"strike {colors['error'].rich_color.name}"

    def _mark(self, a: Answer) -> Text:
        before = self._before.get(id(a))
        return marked(before.answer if before is not None else None, a.answer, *self._styles())

    def _header(self, a: Answer, with_country: bool) -> Text:
        head = Text()
        if with_country:
            head.append(f"{a.country} · ", style="bold")
        head.append(a.citation, style="bold")
        if a.confidence < 0.8:
            head.append(f"  (topic confidence {a.confidence:.2f})", style="tip.muted")
        return head

    @property
    def shown_years(self) -> list[Answer]:
        """The years tab's answers in the order shown."""
        return list(reversed(self._chronological)) if self.newest_first else list(self._chronological)

    def _fill_years(self) -> None:
        shown = self.shown_years
        entries = [Entry(f"{a.ref_id}:{a.q_index}", self._header(a, False), self._marked.get(id(a)) or Text(a.answer))
                   for a in shown]
        base = self.data.base
        current = next((i for i, a in enumerate(shown) if (a.ref_id, a.q_index) == (base.ref_id, base.q_index)), 0)
        lst = self.query_one("#compare-years", EntryList)
        lst.set_entries(entries, current if lst.current_key is None else
                        next((i for i, e in enumerate(entries) if e.key == lst.current_key), current))

    @work(thread=True, exclusive=True, group="compare-diffs", exit_on_error=False)
    def _mark_years(self, added: str, removed: str) -> None:
        """The word diffs of every year against the year before (pure Python, off the UI thread)."""
        worker = get_current_worker()
        done: dict[int, Text] = {}
        for a in self._chronological:
            if worker.is_cancelled:
                return
            before = self._before.get(id(a))
            if before is not None and id(a) not in self._marked:
                done[id(a)] = marked(before.answer, a.answer, added, removed)
        self.app.call_from_thread(self._show_marks, done)

    def _show_marks(self, done: dict[int, Text]) -> None:
        self._marked.update(done)
        lst = self.query_one("#compare-years", EntryList)
        by_key = {f"{a.ref_id}:{a.q_index}": self._marked.get(id(a)) for a in self._chronological}
        lst.set_bodies({i: body for i, e in enumerate(lst.entries) if (body := by_key.get(e.key)) is not None
                        and body is not e.body})

    def _fill_countries(self) -> None:
        self._countries_filled = True
        peers = [a for a in self.data.peers if self.region_filter is None or a.region == self.region_filter]
        label = REGIONS.get(self.region_filter or "", self.region_filter) if self.region_filter else "all regions"
        count = f"{len(peers)} of {len(self.data.peers)}" if self.region_filter else str(len(peers))
        self.query_one("#compare-region", Static).update(
            Text(f"Region: {label} · {count} other countr{'y' if len(self.data.peers) == 1 else 'ies'} · r: next region",
                 style="tip.muted"))
        empty = Text(f"No other country's answer to this topic in the library for {self.data.base.report_year}.",
                     style="tip.muted")
        self.query_one("#compare-countries-list", EntryList).set_entries(
            [Entry(f"{a.ref_id}:{a.q_index}", self._header(a, True), _excerpt(a.answer)) for a in peers], 0, empty)

    # ---- actions ---------------------------------------------------------------------------
    def action_order(self) -> None:
        """Newest or oldest year first."""
        self.newest_first = not self.newest_first
        self._fill_years()
        self.notify("Newest year first" if self.newest_first else "Oldest year first", timeout=2)

    def action_region(self) -> None:
        """The next region of the other countries (then all of them)."""
        regions = self.data.regions
        if not regions:
            self.notify("No other country to filter", timeout=2)
            return
        order: list[str | None] = [None, *regions]
        self.region_filter = order[(order.index(self.region_filter) + 1) % len(order)]
        self._fill_countries()
        self._show_tab("compare-countries")

    def action_switch_tab(self) -> None:
        """Years ↔ countries."""
        self._show_tab("compare-countries" if self.active_tab == "compare-years" else "compare-years")

    def action_figures(self) -> None:
        """The figures view of this country's submissions (Enter on a figure opens its paragraph)."""
        from tipreader.ui.figures_open import open_figures
        from tipreader.ui.services import services_of

        open_figures(self.app, services_of(self).library, self.data.base.country)

    def action_back(self) -> None:
        """Back to the reader."""
        self.dismiss(None)

    @on(EntryList.Chosen)
    def _open(self, event: EntryList.Chosen) -> None:
        event.stop()
        ref_id, _, q_index = event.key.rpartition(":")
        answer = next((a for a in [*self.data.years, *self.data.peers]
                       if a.ref_id == ref_id and str(a.q_index) == q_index), None)
        if answer is not None:
            paragraph = answer.answer_paragraphs[0] if answer.answer_paragraphs else answer.paragraph_index
            self.post_message(OpenCable(answer.ref_id, para=paragraph))

"""The compare view: one question's topic, answered by the same country every year, and by
other countries the same year.

Opened with ``c`` on a question in the reader. Two tabs:

- **Years**: the same country's answers to the topic in every report year the library holds,
  oldest or newest first (``o``), each headed ``2008 · 08MEXICO721 · Q 2·C``, with the words
  changed since the year before marked (added: underlined in the theme's success colour,
  removed: struck through in its error colour);
- **Countries**: the same topic in the same report year from the other countries, filterable
  by region (``r`` cycles the regions).

Enter on an answer posts :class:`CompareScreen.OpenAnswer` (the host opens the cable at that
paragraph, with history back here). Keyboard only; fits 80×24.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.containers import Vertical
from textual.widgets import ContentSwitcher, Footer, OptionList, Static
from textual.widgets.option_list import Option

from tipreader.tip.compare import Answer, CompareData, diff_words
from tipreader.tip.places import REGIONS
from tipreader.ui import _colors


EXCERPT_WORDS = 120  # an answer in the countries tab shows this many words; Enter opens the whole of it


def _excerpt(answer: str) -> Text:
    words = answer.split()
    if len(words) <= EXCERPT_WORDS:
        return Text(answer)
    text = Text(" ".join(words[:EXCERPT_WORDS]))
    text.append(f" … ({len(words) - EXCERPT_WORDS} more words: Enter opens the answer)", style="tip.muted")
    return text


class CompareScreen(Screen[None]):
    """See the module docstring."""

    # Its own layout rules travel with it (any app can host the view; tipreader.tcss need not know it)
    DEFAULT_CSS = """
    CompareScreen #compare-title { height: 1; padding: 0 1; }
    CompareScreen #compare-tabs { height: 1; padding: 0 1; }
    CompareScreen #compare-region { height: 1; padding: 0 1; }
    CompareScreen #compare-switcher { height: 1fr; }
    CompareScreen #compare-countries { height: 1fr; }
    CompareScreen OptionList { height: 1fr; max-height: 100%; }
    """

    BINDINGS = [
        Binding("o", "order", "Newest/oldest first", id="compare.view.order",
                tooltip="Years tab: newest or oldest year first"),
        Binding("r", "region", "Region", id="compare.view.region",
                tooltip="Countries tab: show one region's countries, then the next, then all"),
        Binding("t", "switch_tab", "Years/Countries", id="compare.view.tab",
                tooltip="Switch between the same country's years and the same year's countries"),
        Binding("escape,q", "back", "Back", id="compare.app.back", tooltip="Back to the reader"),
    ]

    @dataclass
    class OpenAnswer(Message):
        """Open ``ref_id`` at paragraph index ``paragraph`` (the answer's first paragraph)."""

        ref_id: str
        paragraph: int

    def __init__(self, data: CompareData, topic_title: str = "") -> None:
        super().__init__()
        self.data = data
        self.topic_title = topic_title
        self.newest_first = False
        self.region_filter: str | None = None
        self._countries_filled = False

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
            yield OptionList(id="compare-years")
            with Vertical(id="compare-countries"):
                yield Static("", id="compare-region")
                yield OptionList(id="compare-countries-list")
        yield Footer()

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
        bar = Text()
        for key, name in names.items():
            bar.append(f" {name} ", style="reverse bold" if key == tab else "tip.muted")
            bar.append("  ")
        bar.append("t: switch", style="tip.muted")
        self.query_one("#compare-tabs", Static).update(bar)
        self.query_one("#compare-years" if tab == "compare-years" else "#compare-countries-list", OptionList).focus()

    def on_mount(self) -> None:
        """Fill the years list (the other countries' when that tab is first shown); the base answer
        is highlighted."""
        self._fill_years()
        self._show_tab("compare-years")

    # ---- the lists -----------------------------------------------------------------------
    def _header(self, a: Answer, with_country: bool) -> Text:
        head = Text()
        if with_country:
            head.append(f"{a.country} · ", style="bold")
        head.append(a.citation, style="bold")
        if a.confidence < 0.8:
            head.append(f"  (topic confidence {a.confidence:.2f})", style="tip.muted")
        return head

    def _marked(self, before: str | None, after: str) -> Text:
        if before is None:
            return Text(after)
        colors = _colors.derive(self.app)
        added = f"underline {colors['success'].rich_color.name}"
        removed = f"strike {colors['error'].rich_color.name}"
        out = Text()
        for op, words in diff_words(before, after):
            if out:
                out.append(" ")
            out.append(words, style=added if op == "+" else removed if op == "-" else "")
        return out

    def _option(self, a: Answer, body: Text, with_country: bool) -> Option:
        prompt = self._header(a, with_country)
        prompt.append("\n")
        prompt.append_text(body)
        prompt.append("\n")
        return Option(prompt, id=f"{a.ref_id}:{a.q_index}")

    def _fill_years(self) -> None:
        chronological = sorted(self.data.years, key=lambda a: (a.report_year, a.ref_id))
        previous: dict[int, str | None] = {}
        last: str | None = None
        for a in chronological:
            previous[id(a)] = last
            last = a.answer
        shown = list(reversed(chronological)) if self.newest_first else chronological
        lst = self.query_one("#compare-years", OptionList)
        lst.clear_options()
        lst.add_options([self._option(a, self._marked(previous[id(a)], a.answer), False) for a in shown])
        base = self.data.base
        lst.highlighted = next((i for i, a in enumerate(shown) if (a.ref_id, a.q_index) == (base.ref_id, base.q_index)), 0)

    def _fill_countries(self) -> None:
        self._countries_filled = True
        peers = [a for a in self.data.peers if self.region_filter is None or a.region == self.region_filter]
        label = REGIONS.get(self.region_filter or "", self.region_filter) if self.region_filter else "all regions"
        count = f"{len(peers)} of {len(self.data.peers)}" if self.region_filter else str(len(peers))
        self.query_one("#compare-region", Static).update(
            Text(f"Region: {label} · {count} other countries · r: next region", style="tip.muted"))
        lst = self.query_one("#compare-countries-list", OptionList)
        lst.clear_options()
        if peers:
            lst.add_options([self._option(a, _excerpt(a.answer), True) for a in peers])
        else:
            lst.add_option(Option(Text("No other country's answer to this topic in the library for "
                                       f"{self.data.base.report_year}.", style="tip.muted"), disabled=True))

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

    def action_back(self) -> None:
        """Back to the reader."""
        self.dismiss(None)

    @on(OptionList.OptionSelected)
    def _open(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        ref_id, _, q_index = (event.option.id or "").rpartition(":")
        answer = next((a for a in [*self.data.years, *self.data.peers]
                       if a.ref_id == ref_id and str(a.q_index) == q_index), None)
        if answer is not None:
            paragraph = answer.answer_paragraphs[0] if answer.answer_paragraphs else answer.paragraph_index
            self.post_message(self.OpenAnswer(answer.ref_id, paragraph))

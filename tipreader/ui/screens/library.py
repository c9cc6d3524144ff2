"""The library screen: a search box, results as you type, filters; Enter opens the reader at the hit.

Searches run in a thread worker (``exclusive=True``: a new keystroke cancels the
stale search), so typing never waits for the index; while a search is still
running, keystrokes are debounced (the next search starts after a short pause). The
first page of hits is painted first; the hit count follows from a second query.
With an empty query the list shows the recently read cables (with progress), then
the library by date. More rows load as the list scrolls.
"""

from __future__ import annotations

import re

from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from tipreader.library.query import uses_entity_fields

if TYPE_CHECKING:
    from tipreader.library import Library
    from tipreader.userdata.filters import UserFilter
from tipreader.ui.gc_tuning import freeze_long_lived
from tipreader.ui.messages import OpenCable, WalkHistory
from tipreader.ui.services import Services, services_of
from tipreader.ui.widgets.search_box import SearchBox
from tipreader.ui.widgets.filter_panel import FilterPanel
from tipreader.ui.widgets.hit_list import HitList, Row
from tipreader.ui.widgets.year_histogram import YearHistogram
from tipreader.ui.widgets.footer import QuietFooter

_LAST_WORD = re.compile(r"[^\W_]{2,}")


def as_you_type(query: str) -> str:
    """``query`` with its last word also matching as a prefix while it is being typed (no space
    after it yet): ``traf`` finds trafficking. Quoted phrases, fields and operators are left as typed."""
    if not query or query[-1].isspace():
        return query
    head, _, last = query.rpartition(" ")
    if not _LAST_WORD.fullmatch(last) or last.upper() in ("AND", "OR", "NOT") or head.count('"') % 2:
        return query
    return f"{head} ({last} OR {last}*)".strip()


_WARMED_UP: list[bool] = []  # the reader's modules are loaded once per process
PAGE = 50
FIRST_PAGE = 20  # the first page of hits is short: it is what each keystroke waits for
DEBOUNCE = 0.04  # seconds of quiet typing before a search starts
RECENT = 20
NARROW = 100  # columns under which the filters open over the results, hidden until ctrl+t


class LibraryScreen(Screen[None]):
    """Search and browse the library; ``Enter`` opens a cable, ``/`` returns to the search box."""

    BINDINGS = [
        Binding("slash", "focus_search", "Search", id="library.search.focus", key_display="/",
                tooltip="Back to the search box (words, \"phrases\", origin:, tag:, class:, date:2008..2009, AND OR NOT)"),
        Binding("down", "focus_hits", "Results", show=False, id="library.search.results",
                tooltip="From the search box down to the results"),
        Binding("ctrl+t", "toggle_filters", "Filters", id="library.filters.toggle",
                tooltip="Show, focus or hide the filters (origin, year, TAGS, classification, with counts)"),
        Binding("ctrl+o", "import", "Import", id="library.app.import",
                tooltip="Import cable files or folders into the library (in the background, Esc cancels)"),
        Binding("alt+left", "nav_back", "Back", show=False, id="library.history.back",
                tooltip="Back in the history (the cable or jump before)"),
        Binding("alt+right", "nav_forward", "Forward", show=False, id="library.history.forward",
                tooltip="Forward in the history"),
        Binding("escape", "clear", "Clear", show=False, id="library.search.clear",
                tooltip="Clear the search box (in the box), else go back to it"),
        Binding("q", "app.quit", "Quit", id="library.app.quit", tooltip="Quit tipreader (from the results)"),
        # priority: the search box would type it, and a query has no use for a question mark
        Binding("question_mark", "app.help", "Help", show=False, priority=True, key_display="?", id="library.app.help",
                tooltip="This screen's keys and the search syntax (also F1)"),
    ]

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.initial_query = query
        self.query_text = query
        self._generation = 0
        self._timer: Timer | None = None
        self._recent: list[Row] = []
        self._listed = 0  # rows of the by-date list loaded (empty query)
        self.count: int | None = None
        self.searching = False
        self.shown_query: str | None = None  # the query whose results are on screen
        self._status = Text()  # the status line's text, without the team's
        self._filters_wanted = True  # beside the results, when the screen is wide enough

    def compose(self) -> ComposeResult:
        yield SearchBox(self.initial_query, id="library-search",
                        placeholder="Search the library — words, \"phrases\", origin:  tag:  class:  date:2008..2009")
        with Horizontal(id="library-main"):
            yield HitList(id="hits")
            yield FilterPanel(id="filters")
        yield YearHistogram(id="library-histogram")
        yield Static(id="library-status")
        yield QuietFooter()

    def on_mount(self) -> None:
        """Focus the search box and show the first results."""
        self.title = "tipreader — library"
        self._fit(self.app.size.width)
        self.query_one("#library-search", Input).focus()
        self.query_one(HitList).tooltip = ("Enter opens the cable at the hit's paragraph, the query's words marked. "
                                           "¶7: the cable's paragraph 7; ¶·7: the 7th block of a part the cable "
                                           "does not number")
        self._set_status(Text("Opening the library…", style="tip.muted"))
        self._loaded = False
        # Under a reader opened from the command line, wait until shown: the reader paints first.
        self.call_after_refresh(self._first_load)
        self.services.library_changed.subscribe(self, lambda _: self._library_changed())
        self.services.team.changed.subscribe(self, lambda _: self._set_status(self._status))

    def _library_changed(self) -> None:
        """The library opened or an import changed it: search again (once shown)."""
        if self.services.library_problem is not None:
            self.show_problem(self.services.library_problem)
        elif self._loaded:
            self.refresh_results()

    def _first_load(self) -> None:
        if self._loaded or self.app.screen is not self:
            return
        if self.services.library_problem is not None:
            self.show_problem(self.services.library_problem)
            return
        self._loaded = True
        self._run_search(self.query_text)  # once the list's width is known (the filters' counts follow)

    def on_screen_resume(self) -> None:
        """Shown (again): load on first show; back from the reader, progress may have changed."""
        if not getattr(self, "_loaded", True):
            self.call_after_refresh(self._first_load)
        elif not self.query_text.strip() and self.is_mounted:
            self._refresh_recent()

    # ---- searching -----------------------------------------------------------------------
    @property
    def services(self) -> Services:
        """The app's shared services."""
        return services_of(self)

    @property
    def library(self) -> Library | None:
        """The app's Library (opened on first use), or None."""
        return self.services.library

    @on(Input.Changed, "#library-search")
    def _typed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.searching:  # a burst of typing: wait for a pause before the next search
            self._timer = self.set_timer(DEBOUNCE, lambda: self._run_search(self.query_text))
        else:  # the last search is done: this one starts at once
            self._run_search(self.query_text)

    def refresh_results(self) -> None:
        """Search again now (after an import)."""
        self._run_search(self.query_text)

    def _run_search(self, query: str) -> None:
        self._generation += 1
        self.searching = True
        if query.strip():
            self._search(query, self._generation)
        else:
            self._browse(self._generation)
            self._load_facets(self._generation)  # the whole library's counts

    @work(thread=True, exclusive=True, group="library-search", exit_on_error=False)
    def _search(self, query: str, generation: int) -> None:
        from tipreader.library import QueryError
        from tipreader.library.damage import LibraryDamaged

        worker = get_current_worker()
        lib = self.library
        if lib is None:
            return
        try:
            hits = lib.search(as_you_type(query), limit=FIRST_PAGE, bookmarks=self.app_bookmarks)
        except (QueryError, LibraryDamaged) as err:
            if not worker.is_cancelled:
                self.app.call_from_thread(self._show_error, generation, str(err), query)
            return
        rows = [self._hit_row(h) for h in hits]
        if worker.is_cancelled:
            return
        self.app.call_from_thread(self._show_rows, generation, rows, len(hits) >= FIRST_PAGE, query)
        try:
            count = lib.count(as_you_type(query), bookmarks=self.app_bookmarks)
            waiting = lib.entities_pending() if uses_entity_fields(query) else 0
        except Exception as err:  # a damaged library: say so, keep the app running
            self._library_failed(err)
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show_count, generation, count, waiting)
        histogram = lib.histogram(as_you_type(query), bookmarks=self.app_bookmarks)  # from the index, no document read
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show_histogram, generation, histogram)
        facets = lib.facets_for(as_you_type(query), bookmarks=self.app_bookmarks)  # the panel follows the query
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show_facets, facets, generation)

    @property
    def app_bookmarks(self) -> UserFilter | None:
        """What answers ``bookmarked:``, ``note:``, ``author:`` and ``code:``: the app's bookmark and
        code stores (None when the user database is off)."""
        return self.services.user_filter()

    @staticmethod
    def _hit_row(h) -> Row:
        para = h.paragraph_index if h.snippet.marks else None  # no word matched (id:, origin: ...): where it was left
        return Row(h.ref_id, para, h.date, h.origin, h.classification, h.subject, h.snippet, h.paragraph,
                   h.paragraph_index)

    @work(thread=True, exclusive=True, group="library-search", exit_on_error=False)
    def _browse(self, generation: int) -> None:
        worker = get_current_worker()
        lib = self.library
        if lib is None:
            return
        try:
            recent = self._recent_rows(lib)
            listed = self._date_rows(lib, 0, {r.ref_id for r in recent})
            if worker.is_cancelled:
                return
            self.app.call_from_thread(self._show_browse, generation, recent, listed)
            total = lib.total()
        except Exception as err:  # a damaged library: say so, keep the app running
            self._library_failed(err)
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show_count, generation, total)

    def _recent_rows(self, lib) -> list[Row]:
        data = self.services.userdata
        if data is None:
            return []
        rows = []
        for entry in data.history(RECENT):
            cable = lib.get(entry.ref_id)
            if cable is None:
                continue
            para = data.position(cable.ref_id)
            total = len(cable.paragraphs)
            progress = 0.0 if para is None or not total else (para + 1) / total
            rows.append(Row(cable.ref_id, None, cable.date, cable.origin, cable.classification, cable.subject,
                            progress=progress))
        return rows

    def _date_rows(self, lib, offset: int, skip: set[str]) -> tuple[list[Row], int]:
        found = lib.list_cables(limit=PAGE, offset=offset)
        rows = [Row(c.ref_id, None, c.date, c.origin, c.classification, c.subject) for c in found if c.ref_id not in skip]
        return rows, len(found)

    def _refresh_recent(self) -> None:
        self._run_search("")

    # ---- showing ---------------------------------------------------------------------------
    def _show_rows(self, generation: int, rows: list[Row], more: bool, query: str) -> None:
        if generation != self._generation:
            return
        self.searching = False
        self.count = None
        self.shown_query = query
        empty = Text(f"No cable matches “{query.strip()}”.", style="italic")
        self.query_one(HitList).set_rows(rows, more, empty)
        self._set_status(Text(f"{len(rows)}{'+' if more else ''} hits · counting…", style="tip.muted"))

    def _show_browse(self, generation: int, recent: list[Row], listed: tuple[list[Row], int]) -> None:
        if generation != self._generation:
            return
        self.searching = False
        self.shown_query = ""
        self.query_one(YearHistogram).display = False
        rows, fetched = listed
        self._listed = fetched
        self._recent = recent
        empty = Text("The library is empty. Press Ctrl+O to import cable files or folders.", style="italic")
        hits = self.query_one(HitList)
        hits.set_rows(recent + rows, fetched >= PAGE, empty)
        if not _WARMED_UP:
            _WARMED_UP.append(True)
            self.set_timer(0.3, self._warm_up)  # the library is open, the screen up

    @work(thread=True, exclusive=True, group="warm-up", exit_on_error=False)
    def _warm_up(self) -> None:
        """Load what the first opened cable needs (the reader's modules, the entity gazetteer)
        while the user looks at the list, then freeze it all out of the collector's way: the
        first open was twice as slow as the next ones (``benchmarks/library_ui.py``)."""
        from tipreader.cable.entities import extract_entities

        extract_entities(["The Ministry of Foreign Affairs (MFA) told Embassy Mexico City on 3 March 2008."])
        self.app.call_from_thread(freeze_long_lived, "startup")

    def _show_count(self, generation: int, count: int, entities_waiting: int = 0) -> None:
        if generation != self._generation:
            return
        self.count = count
        if self.query_text.strip():
            text = Text(f"{count:,} cable{'s match' if count != 1 else ' matches'}", style="bold")
            if entities_waiting:  # person:, org: ... asked while an import's entity pass has not reached them
                text.append(f" · names not indexed yet in {entities_waiting:,} cables: they cannot match this "
                            "(ctrl+p → Find the names)", style="tip.warning")
            else:
                text.append(" · Enter opens at the hit · ↓ to the results · ctrl+t filters", style="tip.muted")
        else:
            text = Text(f"{count:,} cable{'s' if count != 1 else ''} in the library", style="bold")
            if getattr(self.library, "read_only", False):
                text.append(" (read-only: searched and read; imports are off)", style="tip.warning")
            if self._recent:
                text.append(f" · {len(self._recent)} read recently, first", style="tip.muted")
            text.append(" · type to search", style="tip.muted")
        self._set_status(text)

    def _show_histogram(self, generation: int, histogram) -> None:
        if generation != self._generation:
            return
        chart = self.query_one(YearHistogram)
        chart.display = bool(histogram.buckets)
        chart.show(histogram)

    @on(YearHistogram.Selected)
    def _chose_period(self, event: YearHistogram.Selected) -> None:
        """A bar chosen: the query keeps its words, its period becomes that year or month."""
        words = [w for w in self.query_text.split() if not w.lower().startswith("date:")]
        box = self.query_one("#library-search", Input)
        box.value = " ".join([*words, f"date:{event.period}"])
        box.focus()

    def _show_error(self, generation: int, message: str, query: str) -> None:
        if generation != self._generation:
            return
        self.searching = False
        self.shown_query = query  # the answer to it is the message
        self._set_status(Text(message, style="tip.error-mark"))

    def show_problem(self, message: str) -> None:
        """The library cannot be used: ``message`` (what is wrong, what to do) replaces "Opening the library…"."""
        self._loaded = True
        self.searching = False
        self._set_status(Text(message, style="tip.error-mark"))

    def _set_status(self, text: Text) -> None:
        """Show ``text`` in the status line, and where the team sync stands (when there is a team server)."""
        self._status = text
        team = self.services.team.status()
        if team:
            text = text.copy()
            text.append(f" · {team}", style="tip.muted")
        self.query_one("#library-status", Static).update(text)

    # ---- more rows -------------------------------------------------------------------------
    @on(HitList.NeedMore)
    def _more(self) -> None:
        self._load_more(self.query_text, self._generation, len(self.query_one(HitList).rows))

    @work(thread=True, exclusive=True, group="library-more", exit_on_error=False)
    def _load_more(self, query: str, generation: int, have: int) -> None:
        worker = get_current_worker()
        lib = self.library
        if lib is None:
            return
        if query.strip():
            try:
                hits = lib.search(as_you_type(query), limit=PAGE, offset=have, bookmarks=self.app_bookmarks)
            except Exception:
                return
            rows, more = [self._hit_row(h) for h in hits], len(hits) >= PAGE
        else:
            rows, fetched = self._date_rows(lib, self._listed, {r.ref_id for r in self._recent})
            more = fetched >= PAGE
        if not worker.is_cancelled:
            self.app.call_from_thread(self._add_rows, generation, rows, more, fetched if not query.strip() else 0)

    def _add_rows(self, generation: int, rows: list[Row], more: bool, fetched: int) -> None:
        if generation != self._generation:
            return
        self._listed += fetched
        self.query_one(HitList).add_rows(rows, more)

    # ---- filters ---------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="library-facets", exit_on_error=False)
    def _load_facets(self, generation: int) -> None:
        lib = self.library
        if lib is None:
            return
        try:
            facets = lib.facets(top=30)
        except Exception as err:  # a damaged library: say so, keep the app running
            self._library_failed(err)
            return
        self.app.call_from_thread(self._show_facets, facets, generation)

    def _library_failed(self, err: Exception) -> None:
        """Report a library that could not be read (from a worker thread), one line; the traceback is logged."""
        from tipreader.ui.errors import log_error

        log_error("reading the library", err)
        self.app.call_from_thread(self.app.notify, f"Library: {err}", severity="error", markup=False)

    def _show_facets(self, facets, generation: int) -> None:
        """Show the counts of the search ``generation``'s hits (an older search's are dropped)."""
        if generation != self._generation:
            return
        self._facets = facets
        self.query_one(FilterPanel).set_facets(facets, self.query_text)

    @on(FilterPanel.Toggled)
    def _toggle_term(self, event: FilterPanel.Toggled) -> None:
        box = self.query_one("#library-search", Input)
        query = box.value
        if event.term in query:
            query = " ".join(query.replace(event.term, " ").split())
        else:
            query = f"{query.strip()} {event.term}".strip()
        box.value = query
        if getattr(self, "_facets", None) is not None:
            self.query_one(FilterPanel).set_facets(self._facets, query)

    # ---- opening ---------------------------------------------------------------------------
    @on(HitList.Chosen)
    def _chosen(self, event: HitList.Chosen) -> None:
        self.open_row(event.row)

    @on(Input.Submitted, "#library-search")
    def _submitted(self) -> None:
        row = self.query_one(HitList).current
        if row is not None:
            self.open_row(row)

    def open_row(self, row: Row) -> None:
        """Open ``row``'s cable at its paragraph (a hit) or where it was left, the query's words marked."""
        self.post_message(OpenCable(row.ref_id, row.para, self.query_text if row.para is not None else ""))

    # ---- actions ---------------------------------------------------------------------------
    def action_focus_search(self) -> None:
        """Focus the search box."""
        self.query_one("#library-search", Input).focus()

    def action_focus_hits(self) -> None:
        """Focus the results."""
        self.query_one(HitList).focus()

    def action_clear(self) -> None:
        """Esc: clear the search box when it has the focus, else return to it."""
        box = self.query_one("#library-search", Input)
        if box.has_focus:
            box.value = ""
        else:
            box.focus()

    def action_toggle_filters(self) -> None:
        """Show and focus the filters; hide them when they have the focus."""
        panel = self.query_one(FilterPanel)
        if panel.display and panel.has_focus:
            panel.display = False
            self.query_one(HitList).focus()
        else:
            panel.display = True
            panel.focus()
        if not self.narrow:
            self._filters_wanted = panel.display

    # ---- width -----------------------------------------------------------------------------
    @property
    def narrow(self) -> bool:
        """Too narrow for the filters beside the results: they open over them (ctrl+t) and close
        when the focus leaves them."""
        return self.has_class("-narrow")

    def on_resize(self, event: events.Resize) -> None:
        """Lay the filters beside the results or over them, as the width allows."""
        self._fit(event.size.width)

    def _fit(self, width: int) -> None:
        narrow = width < NARROW
        if narrow == self.narrow and self.is_mounted:
            return
        self.set_class(narrow, "-narrow")
        panel = self.query_one(FilterPanel)
        panel.display = self._filters_wanted and not narrow or (narrow and panel.has_focus)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Over the results, the filters close when the focus moves elsewhere."""
        panel = self.query_one(FilterPanel)
        if self.narrow and panel.display and event.widget is not panel:
            panel.display = False

    def action_import(self) -> None:
        """Ask for a path and import it in the background."""
        from tipreader.ui.dialogs.import_dialog import start_import

        start_import(self.app)

    def action_nav_back(self) -> None:
        """Back in the history."""
        self.post_message(WalkHistory(-1))

    def action_nav_forward(self) -> None:
        """Forward in the history."""
        self.post_message(WalkHistory(1))

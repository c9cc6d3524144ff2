"""The bookmarks list (`'`): every bookmark in the library, newest first, grouped by cable.

``push_screen(BookmarksScreen(store, get_cable), callback)``: the callback gets
``(ref_id, paragraph index)`` to open, or None. Each bookmark shows its citation, when
it was made, its status (``changed``: the paragraph reads differently now;
``detached``: the cable is gone), the paragraph's first line and the note rendered as
Markdown. Typing filters over the cable, the paragraph's text and the note; ``d``
deletes and ``u`` undoes while the list is open.

:class:`BookmarkCommands` puts the bookmarks in the command palette; choosing one posts
:class:`OpenBookmark` for the app to open.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, cast

from rich.console import Group
from rich.markdown import Markdown as RichMarkdown
from rich.padding import Padding
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from tipreader.cable.model import Cable
from tipreader.library.bookmark_keys import CHANGED, DETACHED, Bookmark, Placed, fold, haystack, iso_time, place_all
from tipreader.ui.text import clean, one_line
from tipreader.ui.widgets.footer import QuietFooter

if TYPE_CHECKING:
    from tipreader.library.bookmarks import BookmarkStore

MAX_SHOWN = 300  # bookmarks rendered at once; the filter finds the rest
GetCable = Callable[[str], Cable | None]


@dataclass
class OpenBookmark(Message):
    """Open ``ref_id`` at paragraph index ``para`` (posted by the palette's bookmark commands)."""

    ref_id: str
    para: int


def target_of(placed: Placed) -> tuple[str, int] | None:
    """Where to open a bookmark: (ref_id, paragraph index now), or None when the cable is gone."""
    if placed.status == DETACHED:
        return None
    index = placed.index if placed.index is not None else placed.bookmark.para_index
    return placed.bookmark.ref_id, index


def grouped(placed: list[Placed]) -> list[list[Placed]]:
    """Bookmarks grouped by cable: groups by their newest bookmark, each newest first."""
    order = sorted(placed, key=lambda p: (p.bookmark.created, p.bookmark.id), reverse=True)
    groups: dict[str, list[Placed]] = {}
    for p in order:
        groups.setdefault(p.bookmark.ref_id, []).append(p)
    return list(groups.values())


def group_prompt(mark: Bookmark, first: bool = True) -> Text:
    """A cable's heading in the list: subject, ref_id, date (after a blank line unless ``first``)."""
    title = Text(no_wrap=True, overflow="ellipsis")
    if not first:
        title.append("\n")
    title.append(clean(mark.subject or mark.ref_id, newlines=False), style="bold")
    title.append(f"  {clean(mark.ref_id, newlines=False)}", style="tip.muted")
    if mark.date:
        title.append(f" · {mark.date[:10]}", style="tip.muted")
    return title


def bookmark_prompt(placed: Placed) -> Group:
    """One bookmark: citation, when, status, the paragraph's first line, the note rendered (Markdown)."""
    mark = placed.bookmark
    head = Text(no_wrap=True, overflow="ellipsis")
    head.append("  " + clean(mark.citation, newlines=False), style="bold")
    head.append(f"  {iso_time(mark.created).replace('T', ' ')[:16]}", style="tip.muted")
    if placed.status == CHANGED:
        head.append("  changed: the paragraph reads differently now", style="tip.warning-mark")
    elif placed.status == DETACHED:
        head.append("  detached: the cable is not in the library", style="tip.error-mark")
    parts: list = [head, Text("  " + one_line(mark.first_line, 200), style="tip.muted", no_wrap=True, overflow="ellipsis")]
    if mark.note.strip():
        parts.append(Padding(RichMarkdown(clean(mark.note), hyperlinks=False), (0, 0, 0, 2)))
    return Group(*parts)


class BookmarksScreen(ModalScreen[tuple[str, int] | None]):
    """Lists every bookmark; dismisses with (ref_id, paragraph index) to open, or None."""

    DEFAULT_CSS = """
    BookmarksScreen { background: $background 60%; }
    BookmarksScreen #bm-title { text-style: bold; padding: 0 1; width: 1fr; }
    BookmarksScreen #bm-filter { margin: 0 1; }
    BookmarksScreen #bm-list { height: 1fr; max-height: 100%; margin: 0 1; }
    BookmarksScreen #bm-list > .option-list--option-disabled { color: $foreground; }
    """

    BINDINGS = [
        Binding("escape", "close", "Close", id="bookmarks.app.close", tooltip="Close the bookmarks list"),
        Binding("enter", "open", "Open", id="bookmarks.app.open",
                tooltip="Open the cable at the bookmarked paragraph"),
        Binding("d,delete", "delete", "Delete", id="bookmarks.edit.delete",
                tooltip="Delete the highlighted bookmark (u brings it back while the list is open)"),
        Binding("u", "undo", "Undo", id="bookmarks.edit.undo", tooltip="Bring back the last bookmark deleted here"),
        Binding("slash", "filter", "Filter", id="bookmarks.find.filter", key_display="/",
                tooltip="Type to filter by cable, paragraph text or note"),
        Binding("down", "to_list(1)", "Down", show=False, id="bookmarks.move.down",
                tooltip="From the filter: move into the list"),
        Binding("up", "to_list(-1)", "Up", show=False, id="bookmarks.move.up",
                tooltip="From the filter: move into the list"),
    ]

    def __init__(self, store: BookmarkStore, get_cable: GetCable | None = None) -> None:
        super().__init__()
        self.store = store
        self.get_cable: GetCable = get_cable or (lambda ref: None)
        self.placed: list[Placed] = []
        self.undo_stack: list[Bookmark] = []
        self.loaded = False
        self._hay: dict[int, str] = {}  # bookmark id -> folded text the filter searches
        self._options: dict[int, Option] = {}  # bookmark id -> its option (rendered once, reused by the filter)
        self._rows: list[Placed | str] = []  # what each option stands for: a bookmark, or a cable heading (ref_id)

    def compose(self) -> ComposeResult:
        yield Label("Bookmarks", id="bm-title")
        yield Input(placeholder="Filter: words in the cable, the paragraph or the note", id="bm-filter")
        yield OptionList(id="bm-list")
        yield QuietFooter()

    def on_mount(self) -> None:
        """Focus the filter and load the bookmarks in the background."""
        self.query_one(Input).cursor_blink = not self.app.is_headless
        self.query_one(Input).focus()
        self.reload()

    # ---- data ---------------------------------------------------------------------------
    def reload(self, keep: int | None = None) -> None:
        """Read the bookmarks again (another tipreader may have added some) and show them."""
        self._load(keep)

    @work(thread=True, exclusive=True, group="bookmarks")
    def _load(self, keep: int | None) -> None:
        try:
            placed = place_all(self.store.all(), self.get_cable)
            hay = {p.bookmark.id: haystack(p.bookmark) for p in placed}  # folded once, filtered on every key
            error = None
        except Exception as err:  # the user database failed: say so, never crash the list
            placed, hay, error = [], {}, str(err)
        self.app.call_from_thread(self._loaded, placed, hay, keep, error)

    def _loaded(self, placed: list[Placed], hay: dict[int, str], keep: int | None, error: str | None) -> None:
        self.placed = placed
        self._hay = hay
        self._options.clear()
        self.loaded = True
        if error:
            self.notify(f"Bookmarks: {error}", severity="error", markup=False)
        self.show(keep)

    def shown(self) -> list[Placed]:
        """The bookmarks the filter lets through, in list order."""
        return [p for group in grouped(self._matching()) for p in group]

    def _matching(self) -> list[Placed]:
        words = fold(self.query_one(Input).value).split()
        if not words:
            return list(self.placed)
        hay = self._hay
        return [p for p in self.placed if all(w in hay.get(p.bookmark.id, "") for w in words)]

    def show(self, keep: int | None = None) -> None:
        """Fill the list from :attr:`placed` and the filter; highlight bookmark ``keep`` when given."""
        query = self.query_one(Input).value
        hits = self._matching()
        total = len(hits)
        options: list[Option] = []
        rows: list[Placed | str] = []
        shown = 0
        for group in grouped(hits):
            if shown >= MAX_SHOWN:
                break
            options.append(Option(group_prompt(group[0].bookmark, not options), disabled=True))
            rows.append(group[0].bookmark.ref_id)
            for p in group[: MAX_SHOWN - shown]:
                option = self._options.get(p.bookmark.id)
                if option is None:
                    option = self._options[p.bookmark.id] = Option(bookmark_prompt(p))
                options.append(option)
                rows.append(p)
                shown += 1
        title = f"Bookmarks · {len(self.placed)}" if not query else f"Bookmarks · {total} of {len(self.placed)} match"
        if shown < total:
            title += f" · first {shown} shown"
        self.query_one("#bm-title", Label).update(Text(title))
        view = self.query_one(OptionList)
        if not rows:
            message = "No bookmark matches the filter." if query else "No bookmarks yet: press m on a paragraph."
            options, rows = [Option(Text(message, style="tip.muted-italic"), disabled=True)], [""]
        self._rows = rows
        view.set_options(options)
        marks = [k for k, p in enumerate(rows) if isinstance(p, Placed)]
        index = next((k for k in marks if keep is None or cast(Placed, rows[k]).bookmark.id == keep),
                     marks[0] if marks else None)
        view.highlighted = index

    def current(self) -> Placed | None:
        """The highlighted bookmark."""
        k = self.query_one(OptionList).highlighted
        row = self._rows[k] if k is not None and 0 <= k < len(self._rows) else None
        return row if isinstance(row, Placed) else None

    # ---- actions ------------------------------------------------------------------------
    @on(Input.Changed, "#bm-filter")
    def _filter_changed(self) -> None:
        if self.loaded:
            self.show()

    @on(Input.Submitted, "#bm-filter")
    def _filter_submitted(self) -> None:
        self.action_open()

    @on(OptionList.OptionSelected, "#bm-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``d``/``u`` type into the filter while it has the focus; ``up``/``down`` only move from it."""
        filtering = isinstance(self.focused, Input)
        if action in ("delete", "undo"):
            return None if filtering else True
        if action == "to_list":
            return filtering
        return True

    def on_descendant_focus(self) -> None:
        """The footer shows which keys work where the focus is."""
        self.refresh_bindings()

    def action_to_list(self, delta: int) -> None:
        """Move the highlight from the filter and focus the list."""
        view = self.query_one(OptionList)
        view.focus()
        if delta > 0:
            view.action_cursor_down()
        else:
            view.action_cursor_up()

    def action_filter(self) -> None:
        """Focus the filter."""
        self.query_one(Input).focus()

    def action_open(self) -> None:
        """Dismiss with the highlighted bookmark's cable and paragraph."""
        placed = self.current()
        if placed is None:
            self.app.bell()
            return
        target = target_of(placed)
        if target is None:
            self.notify(f"{placed.bookmark.ref_id} is not in the library: the bookmark keeps its quote.",
                        severity="warning", markup=False)
            return
        self.dismiss(target)

    def action_delete(self) -> None:
        """Delete the highlighted bookmark (kept for undo while the list is open)."""
        placed = self.current()
        if placed is None:
            self.app.bell()
            return
        view = self.query_one(OptionList)
        order = self.shown()
        position = next((k for k, p in enumerate(order) if p.bookmark.id == placed.bookmark.id), 0)
        gone = self.store.delete(placed.bookmark.id)
        if gone is not None:
            self.undo_stack.append(gone)
        self.placed = [p for p in self.placed if p.bookmark.id != placed.bookmark.id]
        rest = [p for p in order if p.bookmark.id != placed.bookmark.id]
        keep = rest[min(position, len(rest) - 1)].bookmark.id if rest else None
        self.show(keep)
        view.focus()
        self.notify(f"Deleted the bookmark on {placed.bookmark.citation} · u to undo", markup=False, timeout=4)

    def action_undo(self) -> None:
        """Restore the last bookmark deleted here, exactly as it was."""
        if not self.undo_stack:
            self.app.bell()
            return
        mark = self.store.restore(self.undo_stack.pop())
        self.notify(f"Restored the bookmark on {mark.citation}", markup=False, timeout=3)
        self.reload(keep=mark.id)

    def action_close(self) -> None:
        """Close without opening anything."""
        self.dismiss(None)


class BookmarkCommands(Provider):
    """Command palette: jump to any bookmark (needs ``services.bookmarks``, a BookmarkStore).

    Choosing one posts :class:`OpenBookmark` with the stored paragraph index; the app
    opens the cable and, with :func:`~tipreader.library.bookmark_keys.locate`, the place
    where that text is now.
    """

    def _entries(self) -> list[tuple[str, Bookmark]]:
        from tipreader.ui.errors import log_error
        from tipreader.ui.services import services_of

        store = services_of(self.screen).bookmarks
        if store is None:
            return []
        try:
            marks = store.all()
        except Exception as err:  # a failing user database must not break the palette
            log_error("listing the bookmarks", err)
            return []
        entries = []
        for mark in marks:
            name = f"Bookmark: {mark.citation} · {one_line(mark.first_line, 50)}"
            if mark.note.strip():
                name += f" · {one_line(mark.note, 40)}"
            entries.append((clean(name, newlines=False), mark))
        return entries

    def _open(self, mark: Bookmark) -> None:
        self.app.post_message(OpenBookmark(mark.ref_id, mark.para_index))

    async def discover(self) -> Hits:
        """Every bookmark, newest first."""
        for name, mark in self._entries():
            yield DiscoveryHit(Content(name), partial(self._open, mark), text=name, help="Open the cable at this bookmark")

    async def search(self, query: str) -> Hits:
        """Fuzzy match on citation, first line and note."""
        matcher = self.matcher(query)
        for name, mark in self._entries():
            score, offsets = matcher.fuzzy_search.match(query, name)
            if score > 0:
                content = Content(name)
                for offset in offsets:
                    if offset < len(name):
                        content = content.stylize("bold underline", offset, offset + 1)
                yield Hit(score, content, partial(self._open, mark), text=name, help="Open the cable at this bookmark")

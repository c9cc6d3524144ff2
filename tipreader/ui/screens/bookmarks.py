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

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, ListItem, ListView, Markdown

from tipreader.cable.model import Cable
from tipreader.library.bookmark_keys import CHANGED, DETACHED, Bookmark, Placed, iso_time, matches, place_all
from tipreader.ui.text import clean, one_line

MAX_SHOWN = 200  # a Markdown widget per note: keep the list light, the filter finds the rest
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


class GroupItem(ListItem):
    """A cable's heading in the list (not selectable)."""

    def __init__(self, mark: Bookmark) -> None:
        super().__init__(disabled=True, classes="bm-group")
        self.ref_id = mark.ref_id
        self.mark = mark

    def compose(self) -> ComposeResult:
        title = Text()
        title.append(clean(self.mark.subject or self.mark.ref_id, newlines=False), style="bold")
        title.append(f"  {clean(self.mark.ref_id, newlines=False)}", style="dim")
        if self.mark.date:
            title.append(f" · {self.mark.date[:10]}", style="dim")
        yield Label(title)


class BookmarkItem(ListItem):
    """One bookmark: citation, age, status, the paragraph's first line, the note as Markdown."""

    def __init__(self, placed: Placed) -> None:
        super().__init__(classes="bm-item")
        self.placed = placed

    def compose(self) -> ComposeResult:
        mark = self.placed.bookmark
        head = Text()
        head.append(clean(mark.citation, newlines=False), style="bold")
        head.append(f"  {iso_time(mark.created).replace('T', ' ')[:16]}", style="dim")
        if self.placed.status == CHANGED:
            head.append("  changed: the paragraph reads differently now", style="bold yellow")
        elif self.placed.status == DETACHED:
            head.append("  detached: the cable is not in the library", style="bold red")
        yield Label(head, classes="bm-head")
        yield Label(Text(one_line(mark.first_line, 110)), classes="bm-quote")
        if mark.note.strip():
            yield Markdown(mark.note, classes="bm-note", open_links=False)


class BookmarksScreen(ModalScreen[tuple[str, int] | None]):
    """Lists every bookmark; dismisses with (ref_id, paragraph index) to open, or None."""

    DEFAULT_CSS = """
    BookmarksScreen { background: $background 60%; }
    BookmarksScreen #bm-title { text-style: bold; padding: 0 1; width: 1fr; }
    BookmarksScreen #bm-filter { margin: 0 1; }
    BookmarksScreen #bm-list { height: 1fr; margin: 0 1; }
    BookmarksScreen .bm-group { padding: 1 1 0 1; }
    BookmarksScreen .bm-group:disabled { opacity: 1; }
    BookmarksScreen .bm-item { padding: 0 1 0 3; }
    BookmarksScreen .bm-quote { color: $text-muted; }
    BookmarksScreen .bm-note { margin: 0; padding: 0; background: transparent; }
    BookmarksScreen .bm-note MarkdownBlock { margin: 0; }
    BookmarksScreen #bm-empty { padding: 1 2; color: $text-muted; width: 1fr; }
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

    def __init__(self, store: object, get_cable: GetCable | None = None) -> None:
        super().__init__()
        self.store = store  # a BookmarkStore
        self.get_cable: GetCable = get_cable or (lambda ref: None)
        self.placed: list[Placed] = []
        self.undo_stack: list[Bookmark] = []
        self.loaded = False

    def compose(self) -> ComposeResult:
        yield Label("Bookmarks", id="bm-title")
        yield Input(placeholder="Filter: words in the cable, the paragraph or the note", id="bm-filter")
        yield ListView(id="bm-list")
        yield Footer()

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
            placed = place_all(self.store.all(), self.get_cable)  # type: ignore[attr-defined]
            error = None
        except Exception as err:  # the user database failed: say so, never crash the list
            placed, error = [], str(err)
        self.app.call_from_thread(self._loaded, placed, keep, error)

    async def _loaded(self, placed: list[Placed], keep: int | None, error: str | None) -> None:
        self.placed = placed
        self.loaded = True
        if error:
            self.notify(f"Bookmarks: {error}", severity="error", markup=False)
        await self.show(keep)

    def shown(self) -> list[Placed]:
        """The bookmarks the filter lets through, in list order."""
        query = self.query_one(Input).value
        return [p for group in grouped([p for p in self.placed if matches(p.bookmark, query)]) for p in group]

    async def show(self, keep: int | None = None) -> None:
        """Fill the list from :attr:`placed` and the filter; highlight bookmark ``keep`` when given."""
        query = self.query_one(Input).value
        hits = [p for p in self.placed if matches(p.bookmark, query)]
        total = len(hits)
        items: list[ListItem] = []
        shown = 0
        for group in grouped(hits):
            if shown >= MAX_SHOWN:
                break
            items.append(GroupItem(group[0].bookmark))
            for p in group[: MAX_SHOWN - shown]:
                items.append(BookmarkItem(p))
                shown += 1
        title = f"Bookmarks · {len(self.placed)}" if not query else f"Bookmarks · {total} of {len(self.placed)} match"
        if shown < total:
            title += f" · first {shown} shown"
        self.query_one("#bm-title", Label).update(Text(title))
        view = self.query_one(ListView)
        await view.clear()
        if items:
            await view.extend(items)
            index = next((k for k, it in enumerate(items) if isinstance(it, BookmarkItem)
                          and (keep is None or it.placed.bookmark.id == keep)), None)
            if index is None:
                index = next(k for k, it in enumerate(items) if isinstance(it, BookmarkItem))
            view.index = index
        else:
            message = "No bookmark matches the filter." if query else "No bookmarks yet: press m on a paragraph."
            await view.append(ListItem(Label(Text(message), id="bm-empty"), disabled=True))

    def current(self) -> Placed | None:
        """The highlighted bookmark."""
        item = self.query_one(ListView).highlighted_child
        return item.placed if isinstance(item, BookmarkItem) else None

    # ---- actions ------------------------------------------------------------------------
    @on(Input.Changed, "#bm-filter")
    async def _filter_changed(self) -> None:
        if self.loaded:
            await self.show()

    @on(Input.Submitted, "#bm-filter")
    def _filter_submitted(self) -> None:
        self.action_open()

    @on(ListView.Selected, "#bm-list")
    def _chosen(self, event: ListView.Selected) -> None:
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
        view = self.query_one(ListView)
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

    async def action_delete(self) -> None:
        """Delete the highlighted bookmark (kept for undo while the list is open)."""
        placed = self.current()
        if placed is None:
            self.app.bell()
            return
        view = self.query_one(ListView)
        order = self.shown()
        position = next((k for k, p in enumerate(order) if p.bookmark.id == placed.bookmark.id), 0)
        gone = self.store.delete(placed.bookmark.id)  # type: ignore[attr-defined]
        if gone is not None:
            self.undo_stack.append(gone)
        self.placed = [p for p in self.placed if p.bookmark.id != placed.bookmark.id]
        rest = [p for p in order if p.bookmark.id != placed.bookmark.id]
        keep = rest[min(position, len(rest) - 1)].bookmark.id if rest else None
        await self.show(keep)
        view.focus()
        self.notify(f"Deleted the bookmark on {placed.bookmark.citation} · u to undo", markup=False, timeout=4)

    def action_undo(self) -> None:
        """Restore the last bookmark deleted here, exactly as it was."""
        if not self.undo_stack:
            self.app.bell()
            return
        mark = self.store.restore(self.undo_stack.pop())  # type: ignore[attr-defined]
        self.notify(f"Restored the bookmark on {mark.citation}", markup=False, timeout=3)
        self.reload(keep=mark.id)

    def action_close(self) -> None:
        """Close without opening anything."""
        self.dismiss(None)


class BookmarkCommands(Provider):
    """Command palette: jump to any bookmark (needs ``app.bookmarks``, a BookmarkStore).

    Choosing one posts :class:`OpenBookmark` with the stored paragraph index; the app
    opens the cable and, with :func:`~tipreader.library.bookmark_keys.locate`, the place
    where that text is now.
    """

    def _entries(self) -> list[tuple[str, Bookmark]]:
        store = getattr(self.app, "bookmarks", None)
        if store is None:
            return []
        try:
            marks = store.all()
        except Exception:  # a failing user database must not break the palette
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

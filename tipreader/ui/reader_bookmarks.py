"""Bookmarks in the reader: ``m`` toggles, ``M`` edits the note, ``'`` lists them all.

A mixin for :class:`~tipreader.ui.screens.reader.ReaderScreen`, plus the two app-level
helpers (:func:`open_bookmarks` at start, :func:`open_target` for a chosen bookmark).
The store is ``app.bookmarks`` (a :class:`~tipreader.library.bookmarks.BookmarkStore`,
or None when the user database could not be opened: the keys then say so).

What the mixin needs from its screen: ``cable``, ``source``, ``text_view``,
``_here()``, ``_blocks(only)``, ``_filter_set(query)``, ``filter_query``, ``jump_to(para)``
and ``citation(para)``; and ``_blocks`` passes its result through :meth:`decorate`.
"""

from __future__ import annotations

import threading
from pathlib import Path

from textual.binding import Binding

from tipreader.library.bookmark_keys import Bookmark, Placed
from tipreader.ui.bookmark_view import decorate_blocks, mark_tree

BOOKMARK_BINDINGS = [
    Binding("m", "toggle_bookmark", "Mark", id="reader.bookmarks.toggle",
            tooltip="Bookmark the paragraph at the top, or remove its bookmark (m again brings it back with its note)"),
    Binding("M", "edit_note", "Note", id="reader.bookmarks.note",
            tooltip="Write or edit the bookmark's note (Markdown); bookmarks the paragraph if needed"),
    Binding("apostrophe", "bookmarks", "Bookmarks", id="reader.bookmarks.list", key_display="'",
            tooltip="All bookmarks in the library: filter, open, delete"),
]


class ReaderBookmarks:
    """The reader's bookmark actions and markers (mix into ReaderScreen before ``Screen``)."""

    # ---- state -----------------------------------------------------------------------
    @property
    def bookmark_store(self):
        """The app's BookmarkStore, or None."""
        return getattr(self.app, "bookmarks", None)  # type: ignore[attr-defined]

    @property
    def marks(self) -> dict[int, Placed]:
        """Paragraph index → the bookmark placed on it (read from the store the first time)."""
        marks = getattr(self, "_bookmark_marks", None)
        if marks is None:
            marks = self._read_marks()
        return marks

    def _read_marks(self) -> dict[int, Placed]:
        store = self.bookmark_store
        try:
            marks = store.in_cable(self.cable) if store is not None else {}  # type: ignore[attr-defined]
        except Exception as err:  # the user database failed: read on without markers
            self.notify(f"Bookmarks: {err}", severity="error", markup=False)  # type: ignore[attr-defined]
            marks = {}
        self._bookmark_marks = marks
        return marks

    def decorate(self, blocks: list) -> list:
        """``blocks`` with markers and notes (call from ``_blocks``)."""
        return decorate_blocks(blocks, self.marks)

    def refresh_marks(self) -> None:
        """Read this cable's bookmarks again and redraw text and tree in place (the scroll stays)."""
        self._read_marks()
        view = self.text_view  # type: ignore[attr-defined]
        only = self._filter_set(self.filter_query) if self.filter_query else None  # type: ignore[attr-defined]
        y = view.scroll_y
        view.set_blocks(self._blocks(only))  # type: ignore[attr-defined]
        view.scroll_to(y=y, animate=False, immediate=True)
        self._mark_tree()

    def _mark_tree(self) -> None:
        from tipreader.ui.widgets.section_tree import SectionTree

        originals = getattr(self, "_bookmark_tree_labels", None)
        if originals is None:
            originals = self._bookmark_tree_labels = {}
        for tree in self.query(SectionTree):  # type: ignore[attr-defined]
            mark_tree(tree, self.marks, originals)

    def on_mount(self) -> None:
        """Mark the tree once the screen is up (the text is decorated by ``_blocks``)."""
        self.call_after_refresh(self._mark_tree)  # type: ignore[attr-defined]

    # ---- actions --------------------------------------------------------------------
    def _paragraph_here(self) -> int | None:
        """The focused tree node's paragraph when the tree has the focus, else the one at the top."""
        from tipreader.ui.widgets.section_tree import SectionTree

        focused = self.focused  # type: ignore[attr-defined]
        node = focused.cursor_node if isinstance(focused, SectionTree) else None
        para = node.data if node is not None and isinstance(node.data, int) else self._here()  # type: ignore[attr-defined]
        if para is None or para < 0:
            self.notify("Bookmarks go on paragraphs: scroll to one first.", markup=False)  # type: ignore[attr-defined]
            return None
        return para

    def _store_or_say(self):
        store = self.bookmark_store
        if store is None:
            self.notify("Bookmarks are off: the user database could not be opened.", severity="warning",  # type: ignore[attr-defined]
                        markup=False)
        return store

    def action_toggle_bookmark(self) -> None:
        """Bookmark the paragraph here, or remove its bookmark (kept to bring back with ``m``)."""
        store, para = self._store_or_say(), self._paragraph_here()
        if store is None or para is None:
            return
        removed: dict[int, Bookmark] = getattr(self, "_bookmark_removed", None) or {}
        self._bookmark_removed = removed
        try:
            if para in self.marks:
                gone = store.delete(self.marks[para].bookmark.id)
                if gone is not None:
                    removed[para] = gone
                message = f"Removed the bookmark on {self.citation(para)}"  # type: ignore[attr-defined]
                if gone is not None and gone.note.strip():
                    message += " · m brings it back with its note"
            elif para in removed:
                mark = store.restore(removed.pop(para))
                message = f"Bookmarked {mark.citation} again, with its note"
            else:
                mark, _ = store.add(self.cable, para)  # type: ignore[attr-defined]
                message = f"Bookmarked {mark.citation} · M adds a note"
        except Exception as err:  # never lose the reading to a failing database
            self.notify(f"Bookmark not saved: {err}", severity="error", markup=False)  # type: ignore[attr-defined]
            return
        self.refresh_marks()
        self.notify(message, markup=False, timeout=3)  # type: ignore[attr-defined]

    def action_edit_note(self) -> None:
        """Open the note editor for the paragraph here (saving bookmarks it when needed)."""
        from tipreader.ui.dialogs.note_editor import NoteEditor

        store, para = self._store_or_say(), self._paragraph_here()
        if store is None or para is None:
            return
        placed = self.marks.get(para)
        quote = self.cable.paragraphs[para].text  # type: ignore[attr-defined]

        def saved(text: str | None) -> None:
            if text is None:
                return
            try:
                if placed is None or store.set_note(placed.bookmark.id, text) is None:
                    store.add(self.cable, para, note=text)  # type: ignore[attr-defined]
            except Exception as err:
                self.notify(f"Note not saved: {err}", severity="error", markup=False)  # type: ignore[attr-defined]
                return
            self.refresh_marks()
            self.notify(f"Note saved on {self.citation(para)}", markup=False, timeout=3)  # type: ignore[attr-defined]

        note = placed.bookmark.note if placed else ""
        self.app.push_screen(NoteEditor(note, self.citation(para), quote), saved)  # type: ignore[attr-defined]

    def action_bookmarks(self) -> None:
        """The bookmarks list; the chosen one opens here or in a new reader."""
        from tipreader.ui.screens.bookmarks import BookmarksScreen

        store = self._store_or_say()
        if store is None:
            return

        def chosen(target: tuple[str, int] | None) -> None:
            self.refresh_marks()  # deletions in the list show here at once
            if target is not None:
                open_target(self.app, *target)  # type: ignore[attr-defined]

        self.app.push_screen(BookmarksScreen(store, self.source.get), chosen)  # type: ignore[attr-defined]


def open_target(app, ref_id: str, para: int) -> None:
    """Show ``ref_id`` at paragraph index ``para``: in the reader on screen when it is that cable,
    else in a new reader (the app's ``source`` looks the cable up)."""
    from tipreader.ui.screens.reader import ReaderScreen

    screen = app.screen
    if isinstance(screen, ReaderScreen) and screen.cable.ref_id.upper() == ref_id.upper():
        screen.jump_to(para)
        return
    cable = app.source.get(ref_id)
    if cable is None:
        app.notify(f"{ref_id} is not in the library.", severity="warning", markup=False)
        return
    reader = ReaderScreen(cable, app.source)
    app.push_screen(reader)
    reader.call_after_refresh(_jump_when_laid_out, reader, para)


def _jump_when_laid_out(reader, para: int) -> None:
    """Jump now, or (before the first layout, when the width is unknown) as soon as the text is laid out."""
    view = reader.text_view
    if view.size.width and view.line_count:
        reader.jump_to(para)
    else:
        view.set_blocks(view.blocks or reader._blocks(), keep_para=para)


def open_bookmarks(app) -> None:
    """Set ``app.bookmarks`` (call early in ``on_mount``, before the first reader is pushed).

    A damaged or unreadable user database is left as it is: ``app.bookmarks`` is None and,
    once the first screen is up, a dialog offers to move it aside and start a fresh one
    (:func:`offer_fresh_start`).
    """
    from tipreader.library.bookmarks import BookmarkStore, UserDBError

    app.bookmarks = None
    try:
        app.bookmarks = BookmarkStore.open()
    except UserDBError as err:
        offer_fresh_start(app, err)
    except Exception as err:  # pragma: no cover - unexpected: read on without bookmarks
        app.call_after_refresh(app.notify, f"Bookmarks are off: {err}", severity="error", markup=False)


_ASKED_LOCK = threading.Lock()


def offer_fresh_start(app, err) -> None:
    """Say that the user database ``err.path`` is damaged and offer to start a fresh one beside it.

    ``err`` is a :class:`~tipreader.library.userdb_safety.UserDBError`. The dialog is shown once
    per file however many stores (bookmarks, reading positions) find it damaged, and from any
    thread. Nothing is touched unless the user accepts; then the file is moved aside and
    bookmarks and reading positions open on a fresh database.
    """
    from tipreader.ui.dialogs.userdb_damaged import UserDBDamaged

    key = str(Path(err.path).resolve())
    with _ASKED_LOCK:
        asked = app.__dict__.setdefault("_userdb_asked", set())
        if key in asked:
            return
        asked.add(key)

    def answered(fresh: bool | None) -> None:
        if not fresh:
            return  # "Not now": bookmarks and positions stay off; not asked again this session
        with _ASKED_LOCK:
            asked.discard(key)
        app.userdata = None  # reading positions open again, on the fresh file, when next needed
        open_bookmarks(app)
        for screen in app.screen_stack:
            if isinstance(screen, ReaderBookmarks) and screen.is_mounted:
                screen.refresh_marks()

    def show() -> None:
        if getattr(err, "kind", "damaged") != "damaged":  # read-only, full, unreachable: a healthy file
            app.notify(str(err), title="Bookmarks cannot be saved", severity="error", timeout=15, markup=False)
            return
        app.call_after_refresh(app.push_screen, UserDBDamaged(str(err), err.path), answered)

    if threading.get_ident() == getattr(app, "_thread_id", threading.get_ident()):
        show()
    else:  # a worker (the library screen reads the history in one)
        try:
            app.call_from_thread(show)
        except RuntimeError:  # the app is closing
            pass

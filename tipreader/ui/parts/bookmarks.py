"""Bookmarks in the reader: ``m`` toggles, ``M`` edits the note, ``'`` lists them all.

The store is the app's ``services.bookmarks`` (None when the user database could not be
opened: the keys then say so). Markers and notes are added to the text by :meth:`decorate`,
the tree's labels by :meth:`shown`.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from tipreader.library.bookmark_keys import Bookmark, Placed
from tipreader.ui.bookmark_view import decorate_blocks, mark_tree
from tipreader.ui.document import Block
from tipreader.ui.messages import OpenCable
from tipreader.ui.parts.base import ReaderPart, part_binding
from tipreader.ui.widgets.section_tree import SectionTree

if TYPE_CHECKING:
    from tipreader.library.bookmarks import BookmarkStore
    from tipreader.ui.screens.reader import ReaderScreen

_log = logging.getLogger(__name__)


class BookmarksPart(ReaderPart):
    """The reader's bookmark actions and markers."""

    name = "bookmarks"
    BINDINGS = [
        part_binding("bookmarks", "m", "toggle", "Mark", id="reader.bookmarks.toggle",
                     tooltip="Bookmark the paragraph at the top, or remove its bookmark (m again brings it back with its note)"),
        part_binding("bookmarks", "M", "note", "Note", id="reader.bookmarks.note",
                     tooltip="Write or edit the bookmark's note (Markdown); bookmarks the paragraph if needed"),
        part_binding("bookmarks", "apostrophe", "list", "Bookmarks", id="reader.bookmarks.list", key_display="'",
                     tooltip="All bookmarks in the library: filter, open, delete"),
    ]

    _marks: dict[int, Placed] | None = None

    def __init__(self, reader: ReaderScreen) -> None:
        super().__init__(reader)
        self._removed: dict[int, Bookmark] = {}
        self._tree_labels: dict[int, object] = {}

    # ---- state -----------------------------------------------------------------------
    @property
    def store(self) -> BookmarkStore | None:
        """The app's BookmarkStore, or None."""
        return self.reader.services.bookmarks

    @property
    def marks(self) -> dict[int, Placed]:
        """Paragraph index → the bookmark placed on it (read from the store the first time)."""
        if self._marks is None:
            self._marks = self._read_marks()
        return self._marks

    def _read_marks(self) -> dict[int, Placed]:
        store = self.store
        try:
            return store.in_cable(self.reader.cable) if store is not None else {}
        except Exception as err:  # the user database failed: read on without markers
            _log.error("bookmarks cannot be read", exc_info=True)
            self.reader.notify(f"Bookmarks: {err}", severity="error", markup=False)
            return {}

    # ---- hooks ------------------------------------------------------------------------
    def decorate(self, blocks: list[Block]) -> list[Block]:
        """``blocks`` with markers and notes."""
        return decorate_blocks(blocks, self.marks)

    def shown(self) -> None:
        """Mark the tree."""
        self._mark_tree()

    def user_data_changed(self) -> None:
        """A fresh start of the user database: mark again."""
        self.refresh_marks()

    def refresh_marks(self) -> None:
        """Read this cable's bookmarks again and redraw text and tree in place (the scroll stays)."""
        self._marks = self._read_marks()
        if self.live:
            self.reader.refresh_text()
            self._mark_tree()

    def _mark_tree(self) -> None:
        for tree in self.reader.query(SectionTree):
            mark_tree(tree, self.marks, self._tree_labels)

    # ---- actions --------------------------------------------------------------------
    def _paragraph_here(self) -> int | None:
        """The focused tree node's paragraph when the tree has the focus, else the one at the top."""
        focused = self.reader.focused
        node = focused.cursor_node if isinstance(focused, SectionTree) else None
        para = node.data if node is not None and isinstance(node.data, int) else self.reader.here()
        if para is None or para < 0:
            self.reader.notify("Bookmarks go on paragraphs: scroll to one first.", markup=False)
            return None
        return para

    def _store_or_say(self) -> BookmarkStore | None:
        store = self.store
        if store is None:
            self.reader.notify("Bookmarks are off: the user database could not be opened.", severity="warning",
                               markup=False)
        return store

    def action_toggle(self) -> None:
        """Bookmark the paragraph here, or remove its bookmark (kept to bring back with ``m``)."""
        store, para = self._store_or_say(), self._paragraph_here()
        if store is None or para is None:
            return
        cite = self.reader.citation
        try:
            if para in self.marks:
                gone = store.delete(self.marks[para].bookmark.id)
                if gone is not None:
                    self._removed[para] = gone
                message = f"Removed the bookmark on {cite(para)}"
                if gone is not None and gone.note.strip():
                    message += " · m brings it back with its note"
            elif para in self._removed:
                mark = store.restore(self._removed.pop(para))
                message = f"Bookmarked {mark.citation} again, with its note"
            else:
                mark, _ = store.add(self.reader.cable, para)
                message = f"Bookmarked {mark.citation} · M adds a note"
        except Exception as err:  # never lose the reading to a failing database
            _log.error("bookmark not saved", exc_info=True)
            self.reader.notify(f"Bookmark not saved: {err}", severity="error", markup=False)
            return
        self.refresh_marks()
        self.reader.services.team.soon()
        self.reader.notify(message, markup=False, timeout=3)

    def action_note(self) -> None:
        """Open the note editor for the paragraph here (saving bookmarks it when needed)."""
        from tipreader.ui.dialogs.note_editor import NoteEditor

        store, para = self._store_or_say(), self._paragraph_here()
        if store is None or para is None:
            return
        placed = self.marks.get(para)
        reader = self.reader
        quote = reader.cable.paragraphs[para].text

        def saved(text: str | None) -> None:
            if text is None:
                return
            try:
                if placed is None or store.set_note(placed.bookmark.id, text) is None:
                    store.add(reader.cable, para, note=text)
            except Exception as err:
                _log.error("note not saved", exc_info=True)
                reader.notify(f"Note not saved: {err}", severity="error", markup=False)
                return
            self.refresh_marks()
            reader.services.team.soon()
            reader.notify(f"Note saved on {reader.citation(para)}", markup=False, timeout=3)

        note = placed.bookmark.note if placed else ""
        reader.app.push_screen(NoteEditor(note, reader.citation(para), quote), saved)

    def action_list(self) -> None:
        """The bookmarks list; the chosen one opens (here when it is this cable)."""
        from tipreader.ui.screens.bookmarks import BookmarksScreen

        store = self._store_or_say()
        if store is None:
            return
        reader = self.reader

        def chosen(target: tuple[str, int] | None) -> None:
            self.refresh_marks()  # deletions in the list show here at once
            reader.services.team.soon()
            if target is not None:
                reader.post_message(OpenCable(target[0], para=target[1]))

        reader.app.push_screen(BookmarksScreen(store, reader.services.source.get), chosen)

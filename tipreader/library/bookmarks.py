"""Bookmarks on paragraphs, with notes, in the user's database (never in the rebuildable library).

    store = BookmarkStore.open()                 # <home>/user.sqlite3, table ``bookmarks``
    mark, new = store.add(cable, 4, note="See ¶12")
    placed = store.in_cable(cable)               # {paragraph index: Placed} for the reader's markers
    gone = store.delete(mark.id)                 # the row as it was...
    store.restore(gone)                          # ...put back exactly (undo)

**The key.** A bookmark is ``(ref_id, anchor)`` plus a fingerprint of the text:

- ``anchor`` is the cable's own paragraph number (``"5"`` for ``5. (SBU) ...``) when the
  paragraph is the first with that number; otherwise (unnumbered text: a preamble line,
  a signature; or a repeated number) it is ``"i"`` + the paragraph *index*
  (``"i7"``, 0-based position in ``Cable.paragraphs``). Numbers are what the cable says,
  so they survive re-import, ``library rebuild`` and a newer parser; indexes are the
  fallback where the cable gives nothing better.
- ``text_hash`` is a hash of the paragraph's normalised text (Unicode NFKC, case folded,
  whitespace collapsed): re-flowing or a new line-joining rule changes nothing, a changed
  word does. One paragraph holds one bookmark (``UNIQUE(ref_id, anchor)``).

**Status** (:func:`locate`) against the library's current cable: ``ok`` (a paragraph with
that text is there: under the anchor, or elsewhere in the cable when a newer parser moved
it), ``changed`` (the paragraph under the anchor reads differently now, or is gone: the
bookmark stays, flagged, with its stored quote), ``detached`` (the cable is not in the
library: the bookmark stays with the quote, subject, date and origin stored when it was made).

**Never lost.** Each change is one SQL statement in autocommit mode, so it is its own
transaction, durable (WAL, ``synchronous=FULL``) before the call returns; a process
killed right after keeps it. Two processes may write at once: WAL, a 30 s busy timeout
and no read-modify-write in Python (UPSERTs and ``DELETE ... RETURNING``), so neither
loses the other's bookmarks. A damaged database is refused, never written
(:mod:`tipreader.library.userdb_safety`).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path

from tipreader.cable import Cable

from . import paths
from .bookmark_keys import (CHANGED, DETACHED, OK, Bookmark, Placed, RefFilter, anchor_for, anchor_index, fold,
                            iso_time, locate, matches, note_matches, parse_anchor, place_all, text_hash)
from .userdb_safety import UserDBError, UserTable, make_durable, write_error

_SCHEMA = """
CREATE TABLE IF NOT EXISTS bookmarks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ref_id TEXT NOT NULL,
    anchor TEXT NOT NULL,
    number INTEGER,
    para_index INTEGER NOT NULL,
    text_hash TEXT NOT NULL,
    quote TEXT NOT NULL,
    subject TEXT,
    date TEXT,
    origin TEXT,
    note TEXT NOT NULL DEFAULT '',
    created REAL NOT NULL,
    updated REAL NOT NULL,
    UNIQUE (ref_id, anchor)
);
CREATE INDEX IF NOT EXISTS bookmarks_created ON bookmarks(created);
"""
_COLUMNS = ("id", "ref_id", "anchor", "number", "para_index", "text_hash", "quote", "subject", "date", "origin",
            "note", "created", "updated")
__all__ = ["CHANGED", "DETACHED", "OK", "Bookmark", "BookmarkError", "BookmarkStore", "Placed", "RefFilter",
           "UserDBError", "anchor_for", "anchor_index", "fold", "iso_time", "locate", "matches", "note_matches",
           "filter_query", "parse_anchor", "place_all", "text_hash"]
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM bookmarks"


class BookmarkError(Exception):
    """A bookmark could not be read or written; ``str(err)`` is one line for the user."""


class BookmarkStore(UserTable):
    """The ``bookmarks`` table of the user database, on its own connection (thread-safe)."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        try:
            self._setup()
        except sqlite3.DatabaseError as err:
            self.con.close()
            raise write_error(path, err) from err

    def _setup(self) -> None:
        make_durable(self.con)
        self.con.executescript(_SCHEMA)

    @classmethod
    def open(cls, home: str | Path | None = None) -> BookmarkStore:
        """Open the bookmarks in the user database under ``home`` (default: :func:`paths.data_dir`)."""
        return cls(paths.user_db_path(Path(home) if home else None))

    # --- plumbing ------------------------------------------------------------------
    def _rows(self, sql: str, args: Iterable = ()) -> list[tuple]:
        try:
            with self._lock:
                return self.con.execute(sql, tuple(args)).fetchall()
        except sqlite3.Error as err:
            raise BookmarkError(f"bookmarks ({self.path}): {err}") from err

    def _run(self, sql: str, args: Iterable = ()) -> list[Bookmark]:
        return [Bookmark(*row) for row in self._rows(sql, args)]

    # --- writing (each call one statement, one transaction) -----------------------
    def add(self, cable: Cable, index: int, note: str | None = None) -> tuple[Bookmark, bool]:
        """Bookmark paragraph ``index`` of ``cable``; returns (bookmark, True when it is new).

        On an existing bookmark the quote, fingerprint and cable facts are refreshed to
        the current text (which clears a ``changed`` flag) and ``created`` is kept; the
        note is replaced only when ``note`` is given.
        """
        if not 0 <= index < len(cable.paragraphs):
            raise BookmarkError(f"{cable.ref_id} has no paragraph at index {index}")
        para = cable.paragraphs[index]
        ref = cable.ref_id.strip().upper()
        values = (ref, anchor_for(cable, index), para.number, index, text_hash(para.text), para.text,
                  cable.subject, cable.date, cable.origin)
        for _ in range(5):  # a concurrent delete between the two statements: try again
            now = time.time()
            rows = self._run(
                "INSERT INTO bookmarks (ref_id, anchor, number, para_index, text_hash, quote, subject, date, origin,"
                " note, created, updated) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (ref_id, anchor) DO NOTHING"
                f" RETURNING {', '.join(_COLUMNS)}", (*values, note or "", now, now))
            if rows:
                return rows[0], True
            rows = self._run(
                "UPDATE bookmarks SET number=?, para_index=?, text_hash=?, quote=?, subject=?, date=?, origin=?,"
                " note=COALESCE(?, note), updated=? WHERE ref_id=? AND anchor=?"
                f" RETURNING {', '.join(_COLUMNS)}", (*values[2:], note, now, values[0], values[1]))
            if rows:
                return rows[0], False
        raise BookmarkError(f"{ref}: could not save the bookmark (the database kept changing)")

    def set_note(self, bookmark_id: int, note: str) -> Bookmark | None:
        """Replace the note of bookmark ``bookmark_id``; None when it no longer exists."""
        rows = self._run(f"UPDATE bookmarks SET note=?, updated=? WHERE id=? RETURNING {', '.join(_COLUMNS)}",
                         (note, time.time(), bookmark_id))
        return rows[0] if rows else None

    def delete(self, bookmark_id: int) -> Bookmark | None:
        """Delete bookmark ``bookmark_id``; returns the row as it was (for :meth:`restore`), or None."""
        rows = self._run(f"DELETE FROM bookmarks WHERE id=? RETURNING {', '.join(_COLUMNS)}", (bookmark_id,))
        return rows[0] if rows else None

    def remove(self, ref_id: str, anchor: str) -> Bookmark | None:
        """Delete the bookmark on ``anchor`` (``"5"``, ``"i7"``) of ``ref_id``; the row as it was, or None."""
        rows = self._run(f"DELETE FROM bookmarks WHERE ref_id=? AND anchor=? RETURNING {', '.join(_COLUMNS)}",
                         (ref_id.strip().upper(), anchor))
        return rows[0] if rows else None

    def restore(self, bookmark: Bookmark) -> Bookmark:
        """Put a deleted bookmark back exactly (id, times and note included).

        When the paragraph was bookmarked again meanwhile, the newer bookmark gets the
        restored note and creation time back, so nothing the user wrote is lost.
        """
        values = [getattr(bookmark, c) for c in _COLUMNS]
        rows = self._run(
            f"INSERT INTO bookmarks ({', '.join(_COLUMNS)}) VALUES ({','.join('?' * len(_COLUMNS))})"
            " ON CONFLICT (ref_id, anchor) DO UPDATE SET note=CASE WHEN bookmarks.note='' THEN excluded.note"
            " WHEN excluded.note='' OR excluded.note=bookmarks.note THEN bookmarks.note"
            " ELSE excluded.note || char(10) || char(10) || bookmarks.note END,"
            " created=MIN(bookmarks.created, excluded.created)"
            " ON CONFLICT DO NOTHING"  # restored twice: it is there already
            f" RETURNING {', '.join(_COLUMNS)}", values)
        if rows:
            return rows[0]
        again = self.get(bookmark.id) or self.find(bookmark.ref_id, bookmark.anchor)
        if again is None:
            raise BookmarkError(f"{bookmark.citation}: could not restore the bookmark")
        return again

    def toggle(self, cable: Cable, index: int) -> tuple[Bookmark, bool]:
        """The reader's ``m``: remove the bookmark placed at paragraph ``index``, or add one.

        Returns (bookmark, True when added) — when removed, the bookmark as it was (keep it to undo).
        """
        placed = self.in_cable(cable).get(index)
        if placed is not None:
            gone = self.delete(placed.bookmark.id)
            if gone is not None:
                return gone, False
        return self.add(cable, index)[0], True

    # --- reading --------------------------------------------------------------------
    def all(self) -> list[Bookmark]:
        """Every bookmark, newest first."""
        return self._run(f"{_SELECT} ORDER BY created DESC, id DESC")

    def get(self, bookmark_id: int) -> Bookmark | None:
        """Bookmark ``bookmark_id``, or None."""
        rows = self._run(f"{_SELECT} WHERE id=?", (bookmark_id,))
        return rows[0] if rows else None

    def find(self, ref_id: str, anchor: str) -> Bookmark | None:
        """The bookmark on ``anchor`` of ``ref_id``, or None."""
        rows = self._run(f"{_SELECT} WHERE ref_id=? AND anchor=?", (ref_id.strip().upper(), anchor))
        return rows[0] if rows else None

    def for_ref(self, ref_id: str) -> list[Bookmark]:
        """The bookmarks of one cable, in paragraph order."""
        return self._run(f"{_SELECT} WHERE ref_id=? ORDER BY para_index, id", (ref_id.strip().upper(),))

    def in_cable(self, cable: Cable) -> dict[int, Placed]:
        """The cable's bookmarks by the paragraph index they are at now (the reader's markers)."""
        out: dict[int, Placed] = {}
        for mark in self.for_ref(cable.ref_id):
            placed = locate(mark, cable)
            if placed.index is not None:
                out.setdefault(placed.index, placed)
        return out

    def search(self, query: str) -> list[Bookmark]:
        """Bookmarks whose cable, paragraph text or note hold every word of ``query``, newest first."""
        return [m for m in self.all() if matches(m, query)]

    def count(self) -> int:
        """How many bookmarks there are."""
        return self._rows("SELECT count(*) FROM bookmarks")[0][0]

    # --- library search filters -----------------------------------------------------
    def bookmarked_ref_ids(self) -> set[str]:
        """The ref_ids that have at least one bookmark."""
        return {r[0] for r in self._rows("SELECT DISTINCT ref_id FROM bookmarks")}

    def note_ref_ids(self, words: str) -> set[str]:
        """The ref_ids with a bookmark whose note matches ``words`` (see :func:`note_matches`)."""
        rows = self._rows("SELECT ref_id, note FROM bookmarks WHERE note != ''")
        return {ref for ref, note in rows if note_matches(note, words)}

    def filter_ref_ids(self, field: str, value: str) -> RefFilter:
        """The cables a search filter selects: ``bookmarked:yes|no``, ``note:words``, ``author:name``
        (the user's own items when it is their team name, and the teammates' pulled from the team server).

        ValueError (one line) for another field or a ``bookmarked`` value other than yes/no.
        """
        field = field.lower()
        if field == "bookmarked":
            v = value.strip().lower()
            if v in ("yes", "y", "true", "1"):
                return RefFilter(frozenset(self.bookmarked_ref_ids()))
            if v in ("no", "n", "false", "0"):
                return RefFilter(frozenset(self.bookmarked_ref_ids()), exclude=True)
            raise ValueError(f"bookmarked: takes yes or no, not {value!r}")
        if field == "note":
            return RefFilter(frozenset(self.note_ref_ids(value)))
        if field == "author":
            from tipreader.userdata.local import author_ref_ids

            with self._lock:
                return RefFilter(frozenset(author_ref_ids(self.con, value)))
        raise ValueError(f"not a bookmark filter: {field}:")


def filter_query(ref_filter: RefFilter):
    """A :class:`RefFilter` as a tantivy query on the index's ``ref_id`` field.

    For the query language: ``bookmarked:yes`` → ``filter_query(store.filter_ref_ids("bookmarked", "yes"))``;
    ``bookmarked:no`` is all documents but those; ``note:words`` the cables whose notes match.
    """
    import tantivy

    from .index import SCHEMA

    q = tantivy.Query.term_set_query(SCHEMA, "ref_id", sorted(ref_filter.ref_ids))
    if ref_filter.exclude:
        return tantivy.Query.boolean_query([(tantivy.Occur.Must, tantivy.Query.all_query()),
                                            (tantivy.Occur.MustNot, q)])
    return q

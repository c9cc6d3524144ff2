"""Coded passages: codes of the codebook applied to paragraphs, in the user database.

    store = CodeStore.open()                                  # <home>/user.sqlite3, table ``codes``
    added = store.apply(cable, [12], "objection", note="…")   # a paragraph
    added = store.apply(cable, question_paragraphs(q), "cooperative")   # a question with its answer
    store.in_cable(cable)                                     # {paragraph index: [Located, ...]}
    store.remove(ref_id, anchor, "objection")

**The key** is a bookmark's (:mod:`tipreader.library.bookmark_keys`): ``ref_id`` + the
paragraph ``anchor`` (the cable's own number, or ``i<index>`` for unnumbered text) + the
fingerprint of the paragraph's text, so a passage coded in a library imported from one
source (a WikiLeaks page) finds its paragraph in one imported from another (the CSV), and
a newer parser that moves a paragraph does not lose it. One paragraph holds each code once
(``UNIQUE(ref_id, anchor, code)``); a question/answer is coded as its paragraphs, each
row remembering the question's label. Each row keeps the paragraph's text and the cable's
subject, date, origin and classification from when it was coded, so a passage whose cable
left the library still exports whole.

**Author and times.** Each row carries its ``author`` (:func:`current_author`: the settings'
``[team] user``, else the login name) and ``created``/``updated`` (Unix time). The team
sync reads the user's own rows with :func:`own_codes` on its own connection; ``key`` is
the item's stable key there.

**Never lost.** As bookmarks: WAL, ``synchronous=FULL``, and every change one SQL
statement in autocommit mode (a question's paragraphs are one multi-row UPSERT), durable
before the call returns. A damaged database is refused, never written.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tipreader.cable import Cable
from tipreader.cable.model import Question
from tipreader.library import paths
from tipreader.library.bookmark_keys import (CHANGED, DETACHED, OK, RefFilter, anchor_for, cached_get, find_paragraph,
                                             text_hash)
from tipreader.library.userdb_safety import UserDBError, UserTable, make_durable, write_error

from .codebook import normalize

__all__ = ["CHANGED", "DETACHED", "OK", "CodeError", "CodeStore", "CodedPassage", "Located", "UserDBError",
           "current_author", "own_codes", "question_at", "question_paragraphs", "team_codes"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS codes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ref_id TEXT NOT NULL,
    anchor TEXT NOT NULL,
    number INTEGER,
    para_index INTEGER NOT NULL,
    text_hash TEXT NOT NULL,
    quote TEXT NOT NULL,
    code TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    author TEXT NOT NULL,
    question TEXT,
    subject TEXT,
    date TEXT,
    origin TEXT,
    classification TEXT,
    created REAL NOT NULL,
    updated REAL NOT NULL,
    UNIQUE (ref_id, anchor, code)
);
CREATE INDEX IF NOT EXISTS codes_code ON codes(code);
"""
_COLUMNS = ("id", "ref_id", "anchor", "number", "para_index", "text_hash", "quote", "code", "note", "author",
            "question", "subject", "date", "origin", "classification", "created", "updated")
_RETURNING = f" RETURNING {', '.join(_COLUMNS)}"
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM codes"


class CodeError(Exception):
    """A coded passage could not be read or written; ``str(err)`` is one line for the user."""


@dataclass(frozen=True, slots=True)
class CodedPassage:
    """One code applied to one paragraph, with the paragraph's text and the cable's facts then."""

    id: int
    ref_id: str
    anchor: str  # "5" (the cable's paragraph number) or "i7" (index of unnumbered text)
    number: int | None  # the cable's paragraph number, None for unnumbered text
    para_index: int  # position in Cable.paragraphs when coded
    text_hash: str
    quote: str  # the paragraph's text when coded
    code: str
    note: str  # "" for none
    author: str
    question: str | None  # the question's label ("23.A") when the paragraph is in a question/answer
    subject: str | None
    date: str | None
    origin: str | None
    classification: str | None
    created: float  # Unix time
    updated: float
    uid: str | None = None  # a teammate's passage pulled from the team server (its id there); None: the user's own

    @property
    def team(self) -> bool:
        """True for a passage pulled from the team server (read-only here)."""
        return self.uid is not None

    @property
    def key(self) -> str:
        """The item's stable key for the team sync: ``code:08MEXICO721:5:objection``."""
        return f"code:{self.ref_id}:{self.anchor}:{self.code}"

    @property
    def paragraph(self) -> str:
        """The paragraph as a reader cites it: ``¶5``, or ``i7`` for unnumbered text."""
        if self.number is not None and self.anchor == str(self.number):
            return f"¶{self.number}"
        return self.anchor


@dataclass(frozen=True, slots=True)
class Located:
    """A coded passage checked against the library: ``status`` (ok, changed, detached) and the
    paragraph ``index`` it is at now (None: detached, or the paragraph is gone)."""

    passage: CodedPassage
    status: str
    index: int | None


def current_author() -> str:
    """Who codes on this machine: the settings' ``[team] user``, else the login name."""
    from tipreader.config import load_config

    name = load_config().team_user
    if name and name.strip():
        return name.strip()
    import getpass

    try:
        return getpass.getuser() or "unknown"
    except (OSError, KeyError, ImportError):  # no login name (a container's bare uid)
        return "unknown"


def question_at(cable: Cable, index: int) -> Question | None:
    """The question whose text or answer holds paragraph ``index``, or None."""
    for q in cable.questions:
        if q.paragraph_index == index or index in q.answer_paragraphs:
            return q
    return None


def question_paragraphs(q: Question) -> list[int]:
    """The paragraphs of a question with its answer, in order (what coding a Q/A codes)."""
    return sorted({q.paragraph_index, *q.answer_paragraphs})


def code_matches(code: str, value: str) -> bool:
    """``code:value``: the code's name (case ignored; ``-``, ``_`` and blanks alike), or its
    prefix with ``value*``; a quoted value is a name written with blanks (``"face saving"``)."""
    def canon(s: str) -> str:
        return "-".join(s.replace("_", " ").replace("-", " ").lower().split())

    value = value.strip().strip('"')
    if value.endswith("*"):
        return canon(code).startswith(canon(value[:-1]))
    return canon(code) == canon(value)


def _setup(con: sqlite3.Connection) -> None:
    con.executescript(_SCHEMA)


def own_codes(con: sqlite3.Connection) -> list[CodedPassage]:
    """Every coded passage of the user database on ``con`` (any connection to it: the team
    sync's own), oldest first; creates the table when it is not there yet."""
    _setup(con)
    return [CodedPassage(*row) for row in con.execute(f"{_SELECT} ORDER BY created, id")]


def team_codes(con: sqlite3.Connection, ref_id: str | None = None) -> list[CodedPassage]:
    """The coded passages pulled from the team server into the user database on ``con`` (the team
    store's ``team_items``: teammates' codes, and the user's own made on another machine), not
    deleted there and not pushed from this machine; [] before the first sync."""
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "team_items" not in tables:
        return []
    sql = ("SELECT ref_id, anchor, para_index, text_hash, quote, code, body, author, created, updated, uid"
           " FROM team_items WHERE kind='code' AND deleted=0 AND code IS NOT NULL")
    args: tuple = ()
    if "team_sync" in tables:
        sql += " AND uid NOT IN (SELECT uid FROM team_sync)"
    if ref_id:
        sql += " AND ref_id=?"
        args = (ref_id.strip().upper(),)
    out = []
    for ref, anchor, index, fingerprint, quote, code, note, author, created, updated, uid in con.execute(sql, args):
        number = int(anchor) if anchor.isdigit() else None
        out.append(CodedPassage(0, ref, anchor, number, index if index is not None else -1, fingerprint, quote,
                                normalize(code), note, author, None, None, None, None, None, created, updated, uid))
    return out


class CodeStore(UserTable):
    """The ``codes`` table of the user database, on its own connection (thread-safe)."""

    def __init__(self, path: Path, author: str | None = None) -> None:
        super().__init__(path)
        self.author = author
        try:
            make_durable(self.con)
            _setup(self.con)
        except sqlite3.DatabaseError as err:
            self.con.close()
            raise write_error(path, err) from err

    @classmethod
    def open(cls, home: str | Path | None = None, author: str | None = None) -> CodeStore:
        """The coded passages of the user database under ``home`` (default: the data folder);
        ``author`` names the coder (default: :func:`current_author`, asked at the first write)."""
        return cls(paths.user_db_path(Path(home) if home else None), author)

    def _run(self, sql: str, args: Iterable = ()) -> list[CodedPassage]:
        return [CodedPassage(*row) for row in self._rows(sql, args)]

    def _rows(self, sql: str, args: Iterable = ()) -> list[tuple]:
        try:
            with self._lock:
                return self.con.execute(sql, tuple(args)).fetchall()
        except sqlite3.Error as err:
            if isinstance(err, sqlite3.OperationalError) and "no such table" not in str(err):
                problem = write_error(self.path, err)
                if problem.kind != "damaged":
                    raise problem from err
            raise CodeError(f"codes ({self.path}): {err}") from err

    # --- writing --------------------------------------------------------------------
    def apply(self, cable: Cable, indexes: Sequence[int], code: str,
              note: str | None = None) -> list[tuple[CodedPassage, bool]]:
        """Apply ``code`` to paragraphs ``indexes`` of ``cable`` (one statement); each row with
        True when it is new. A paragraph that has the code already is refreshed to its current
        text (clearing a ``changed`` flag); its note is replaced only when ``note`` is given."""
        code = normalize(code)
        if not code:
            raise CodeError("no code given")
        wanted = sorted(set(indexes))
        if not wanted:
            raise CodeError(f"{cable.ref_id}: no paragraph to code")
        bad = [i for i in wanted if not 0 <= i < len(cable.paragraphs)]
        if bad:
            raise CodeError(f"{cable.ref_id} has no paragraph at index {bad[0]}")
        if self.author is None:
            self.author = current_author()
        ref = cable.ref_id.strip().upper()
        now = time.time()
        rows: list[object] = []
        for i in wanted:
            para = cable.paragraphs[i]
            q = question_at(cable, i)
            rows += [ref, anchor_for(cable, i), para.number, i, text_hash(para.text), para.text, code, note or "",
                     self.author, q.label if q is not None and q.label else None, cable.subject, cable.date,
                     cable.origin, cable.classification, now, now]
        values = ",".join(["(" + ",".join("?" * 16) + ")"] * len(wanted))
        done = self._run(
            f"INSERT INTO codes ({', '.join(_COLUMNS[1:])}) VALUES {values}"
            " ON CONFLICT (ref_id, anchor, code) DO UPDATE SET number=excluded.number,"
            " para_index=excluded.para_index, text_hash=excluded.text_hash, quote=excluded.quote,"
            " question=excluded.question, subject=excluded.subject, date=excluded.date, origin=excluded.origin,"
            " classification=excluded.classification, updated=excluded.updated,"
            " note=CASE WHEN ? THEN codes.note ELSE excluded.note END" + _RETURNING,
            (*rows, note is None))
        return sorted(((c, c.created == now) for c in done), key=lambda pair: pair[0].para_index)

    def set_note(self, passage_id: int, note: str) -> CodedPassage | None:
        """Replace the note of coded passage ``passage_id``; None when it no longer exists."""
        rows = self._run("UPDATE codes SET note=?, updated=? WHERE id=?" + _RETURNING, (note, time.time(), passage_id))
        return rows[0] if rows else None

    def remove(self, ref_id: str, anchor: str, code: str) -> CodedPassage | None:
        """Remove ``code`` from paragraph ``anchor`` of ``ref_id``; the row as it was, or None."""
        rows = self._run("DELETE FROM codes WHERE ref_id=? AND anchor=? AND code=?" + _RETURNING,
                         (ref_id.strip().upper(), anchor, normalize(code)))
        return rows[0] if rows else None

    def delete(self, ids: Iterable[int]) -> list[CodedPassage]:
        """Delete the coded passages ``ids`` (one statement); the rows as they were."""
        wanted = sorted(set(ids))
        if not wanted:
            return []
        return self._run(f"DELETE FROM codes WHERE id IN ({','.join('?' * len(wanted))})" + _RETURNING, wanted)

    # --- reading --------------------------------------------------------------------
    def _team(self, ref_id: str | None = None) -> list[CodedPassage]:
        try:
            with self._lock:
                return team_codes(self.con, ref_id)
        except sqlite3.Error as err:
            raise CodeError(f"team codes ({self.path}): {err}") from err

    def all(self, code: str | None = None, *, team: bool = True) -> list[CodedPassage]:
        """Every coded passage (with ``code`` only, when given) by cable and paragraph: the user's own
        and, with ``team``, the teammates' pulled from the team server."""
        if code is None:
            mine = self._run(f"{_SELECT} ORDER BY ref_id, para_index, code")
        else:
            mine = self._run(f"{_SELECT} WHERE code=? ORDER BY ref_id, para_index", (normalize(code),))
        if not team:
            return mine
        theirs = [p for p in self._team() if code is None or p.code == normalize(code)]
        return sorted(mine + theirs, key=lambda p: (p.ref_id, p.para_index, p.code, p.team, p.author))

    def for_ref(self, ref_id: str, *, team: bool = True) -> list[CodedPassage]:
        """The coded passages of one cable, in paragraph order (own, then the team's when ``team``)."""
        mine = self._run(f"{_SELECT} WHERE ref_id=? ORDER BY para_index, code", (ref_id.strip().upper(),))
        return mine + (self._team(ref_id) if team else [])

    def in_cable(self, cable: Cable, *, team: bool = True) -> dict[int, list[Located]]:
        """The cable's coded passages by the paragraph index they are at now (the reader's tags):
        the user's own first, then the teammates' (when ``team``)."""
        out: dict[int, list[Located]] = {}
        for passage in self.for_ref(cable.ref_id, team=team):
            status, index = find_paragraph(cable, passage.anchor, passage.text_hash)
            if index is not None:
                out.setdefault(index, []).append(Located(passage, status, index))
        return out

    def count(self) -> int:
        """How many coded passages there are."""
        return self._rows("SELECT count(*) FROM codes")[0][0]

    def counts(self) -> dict[str, int]:
        """How many passages each code has (the user's own and the team's)."""
        counts: dict[str, int] = dict(self._rows("SELECT code, count(*) FROM codes GROUP BY code ORDER BY code"))
        for p in self._team():
            counts[p.code] = counts.get(p.code, 0) + 1
        return counts

    def filter_ref_ids(self, field: str, value: str) -> RefFilter:
        """The cables ``code:value`` selects (see :func:`code_matches`); ValueError for another field."""
        if field.lower() != "code":
            raise ValueError(f"not a code filter: {field}:")
        rows = {(r[0], r[1]) for r in self._rows("SELECT DISTINCT ref_id, code FROM codes")}
        rows.update((p.ref_id, p.code) for p in self._team())
        return RefFilter(frozenset(ref for ref, code in rows if code_matches(code, value)))


def locate_all(passages: Iterable[CodedPassage], get: Callable[[str], Cable | None]) -> list[tuple[Located, Cable | None]]:
    """Each passage located in its cable (``get``, e.g. ``Library.get``, is asked once per cable),
    with the cable (None when it is not in the library or cannot be read)."""
    cable_of = cached_get(get)
    out = []
    for p in passages:
        cable = cable_of(p.ref_id)
        status, index = find_paragraph(cable, p.anchor, p.text_hash)
        out.append((Located(p, status, index), cable))
    return out

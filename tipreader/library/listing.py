"""Lists of stored cables and the counts behind the filters: plain SQL over the library database.

:class:`Filters` is what the library screen and ``tipreader list`` filter by (exact origin,
tag, classification; ISO date bounds ``2008``, ``2008-06``, ``2008-06-30``); :func:`cables`
lists the matching cables, :func:`facets` counts them by origin, classification, year and tag;
:func:`tip_submissions` names the annual TIP submissions ``tag:KTIP`` lists first.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from tipreader.cable.tip_subject import names_tip_report

from .prepare import day_of

_ORDER = {"date": "c.day", "ref_id": "c.ref_id", "origin": "c.origin", "subject": "c.subject"}


@dataclass(frozen=True, slots=True)
class CableSummary:
    """A row of a cable list: what a list or filter view shows."""

    ref_id: str
    date: str | None
    origin: str | None
    classification: str | None
    subject: str | None
    tags: tuple[str, ...]
    older_texts: int = 0


@dataclass(frozen=True, slots=True)
class Filters:
    """Exact origin / tag / classification and ISO date bounds; None: not filtered."""

    origin: str | None = None
    tag: str | None = None
    classification: str | None = None
    date_from: str | None = None
    date_to: str | None = None

    def where(self) -> tuple[str, list[str | int]]:
        """The SQL ``WHERE`` clause over ``cables c`` ("" for none) and its arguments."""
        clauses: list[str] = []
        args: list[str | int] = []
        if self.origin:
            clauses.append("c.origin=?")
            args.append(self.origin)
        if self.tag:
            clauses.append("c.ref_id IN (SELECT ref_id FROM cable_tags WHERE tag=?)")
            args.append(self.tag)
        if self.classification:
            clauses.append("c.classification=?")
            args.append(self.classification)
        if self.date_from:
            clauses.append("c.day>=?")
            args.append(day_of(self.date_from + "-01-01"[len(self.date_from) - 4:]))
        if self.date_to:
            clauses.append("c.day<=? AND c.day>0")
            args.append(day_of(self.date_to + "-12-31"[len(self.date_to) - 4:]))
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", args


def cables(con: sqlite3.Connection, filters: Filters, order: str = "date", descending: bool = True,
           limit: int = 100, offset: int = 0) -> list[CableSummary]:
    """The cables matching ``filters``, ordered by ``order`` (date, ref_id, origin, subject)."""
    where, args = filters.where()
    col = _ORDER.get(order, "c.day")
    sql = (f"SELECT ref_id, date, origin, classification, subject, tags, older_texts FROM cables c{where} "
           f"ORDER BY {col} {'DESC' if descending else 'ASC'}, c.ref_id LIMIT ? OFFSET ?")
    rows = con.execute(sql, [*args, limit, offset]).fetchall()
    return [CableSummary(r[0], r[1], r[2], r[3], r[4], tuple((r[5] or "").split()), r[6]) for r in rows]


def facets(con: sqlite3.Connection, filters: Filters, top: int) -> dict[str, list[tuple[str, int]]]:
    """The ``top`` values of origin, classification, year (newest first) and tag among the cables
    matching ``filters``, with their counts."""
    where, args = filters.where()
    out: dict[str, list[tuple[str, int]]] = {}
    for name, expr in (("origin", "c.origin"), ("classification", "c.classification"), ("year", "c.day/10000")):
        out[name] = [(str(r[0]), r[1]) for r in con.execute(
            f"SELECT {expr} AS v, COUNT(*) n FROM cables c{where} GROUP BY v HAVING v IS NOT NULL "
            f"ORDER BY {'v DESC' if name == 'year' else 'n DESC'} LIMIT ?", [*args, top])]
    out["year"] = [(y, n) for y, n in out["year"] if y != "0"]
    out["tag"] = [(r[0], r[1]) for r in con.execute(
        f"SELECT t.tag, COUNT(*) n FROM cable_tags t JOIN cables c ON c.ref_id=t.ref_id{where} "
        f"GROUP BY t.tag ORDER BY n DESC LIMIT ?", [*args, top])]
    return out


def present(con: sqlite3.Connection, ref_ids: Iterable[str]) -> set[str]:
    """Which of ``ref_ids`` are stored (upper-cased)."""
    ids = list({r.upper() for r in ref_ids})
    found: set[str] = set()
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        found.update(r[0] for r in con.execute(
            f"SELECT ref_id FROM cables WHERE ref_id IN ({','.join('?' * len(chunk))})", chunk))
    return found


def cited_by(con: sqlite3.Connection, ref_id: str) -> list[str]:
    """The stored cables whose REF block cites ``ref_id``, oldest first."""
    return [r[0] for r in con.execute(
        "SELECT r.ref_id FROM refs r JOIN cables c ON c.ref_id=r.ref_id WHERE r.cited=? ORDER BY c.day",
        (ref_id.upper(),))]


class FacetsCache:
    """:func:`facets` answers kept until the database changes: grouping every cable takes a while in
    a large library (170 ms at 100k), so each answer is computed on a connection of its own
    (searches and reads are not held up meanwhile) and kept until another connection (an import)
    commits (``PRAGMA data_version``)."""

    KEPT = 32

    def __init__(self) -> None:
        self._answers: dict[tuple, tuple[int, dict[str, list[tuple[str, int]]]]] = {}

    def get(self, filters: Filters, top: int, version: int,
            connect: Callable[[], sqlite3.Connection]) -> dict[str, list[tuple[str, int]]]:
        """The facets of ``filters`` when the database is at ``version`` (``connect`` opens one to count)."""
        key = (filters, top)
        cached = self._answers.get(key)
        if cached is not None and cached[0] == version:
            return cached[1]
        con = connect()
        try:
            out = facets(con, filters, top)
        finally:
            con.close()
        if len(self._answers) > self.KEPT:
            self._answers.clear()
        self._answers[key] = (version, out)
        return out


def tip_submissions(con: sqlite3.Connection) -> set[str]:
    """The cables tagged KTIP whose subject names the annual TIP report (:mod:`tipreader.cable.tip_subject`)."""
    rows = con.execute("SELECT c.ref_id, c.subject FROM cable_tags t JOIN cables c ON c.ref_id=t.ref_id "
                       "WHERE t.tag='KTIP'")
    return {ref for ref, subject in rows if names_tip_report(subject)}

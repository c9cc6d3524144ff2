"""The TIP store: submissions, their answers with topic keys, and figures, beside the library.

``<library>/tip.sqlite3`` is rebuildable from the library (delete it and the next
:func:`sync` recomputes it); it is kept apart from ``library.sqlite3`` so the library's
own schema can change without it. :func:`sync` is incremental: it looks at the cables
whose subject can name a TIP report, handles only those new or changed since the last
run (by their text hash), then re-aligns the report years they touch and the years
around them (whose numbering they teach). The import's background pass calls it after
the cables are stored; every ``tipreader tip`` command calls it first (a no-op when
nothing changed).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import figures as figures_mod
from .align import Aligner, Item, part_kind
from .submissions import detect
from .topics import load_topics

if TYPE_CHECKING:
    from tipreader.cable import Cable
    from tipreader.library import Library

SCHEMA_VERSION = "1"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS cables (
    ref_id TEXT PRIMARY KEY, text_hash TEXT, submission INTEGER, country TEXT, region TEXT,
    report_year INTEGER, year_source TEXT, part INTEGER, parts INTEGER, date TEXT, subject TEXT);
CREATE INDEX IF NOT EXISTS cables_year ON cables(report_year, country);
CREATE TABLE IF NOT EXISTS answers (
    ref_id TEXT, q_index INTEGER, country TEXT, region TEXT, report_year INTEGER, date TEXT,
    part_index INTEGER, part_title TEXT, part_kind TEXT, letter TEXT, label TEXT,
    question TEXT, answer TEXT, paragraph INTEGER, paragraph_index INTEGER, answer_paragraphs TEXT,
    topic TEXT, confidence REAL, method TEXT, candidate TEXT, PRIMARY KEY (ref_id, q_index));
CREATE INDEX IF NOT EXISTS answers_topic ON answers(topic, country, report_year);
CREATE INDEX IF NOT EXISTS answers_topic_year ON answers(topic, report_year);
CREATE INDEX IF NOT EXISTS answers_year ON answers(report_year, country);
CREATE TABLE IF NOT EXISTS figures (
    ref_id TEXT, q_index INTEGER, paragraph_index INTEGER, kind TEXT, value INTEGER, unit TEXT,
    period TEXT, sentence TEXT, start INTEGER, end INTEGER, country TEXT, report_year INTEGER);
CREATE INDEX IF NOT EXISTS figures_ref ON figures(ref_id);
CREATE INDEX IF NOT EXISTS figures_country ON figures(country, report_year);
"""
# cables whose subject could name a TIP report (LIKE is case-insensitive for ASCII)
_CANDIDATES = ("SELECT ref_id, text_hash FROM cables WHERE subject LIKE '%TIP%' OR subject LIKE '%TRAFFICKING%' "
               "OR subject LIKE '%TVPA%'")
_WINDOW = 2  # a year's numbering teaches the years this far away
_sync_lock = threading.Lock()

ProgressFn = Callable[[int, int], None]


@dataclass(slots=True)
class SyncReport:
    """What a :func:`sync` did."""

    checked: int = 0  # cables new or changed since the last sync, looked at
    submissions: int = 0  # of them, submission cables
    removed: int = 0
    realigned: int = 0  # answers (re)aligned
    refigured: int = 0  # submissions whose figures were extracted again (the extractor changed)


def db_path(lib: Library) -> Path:
    """Where the TIP store of ``lib`` lives (for a read-only library, in a private temporary folder:
    made again from the library by :func:`sync`)."""
    return lib.work_dir / "tip.sqlite3"


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating) the TIP store; a store of another schema version is emptied (it is rebuildable)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(path, check_same_thread=False, timeout=30)
    con.execute("PRAGMA journal_mode=WAL")
    version = None
    try:
        row = con.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        version = row[0] if row else None
    except sqlite3.OperationalError:
        pass
    if version not in (None, SCHEMA_VERSION):
        for table in ("meta", "cables", "answers", "figures"):
            con.execute(f"DROP TABLE IF EXISTS {table}")
    con.executescript(_SCHEMA)
    con.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
    con.commit()
    return con


def _topics_signature(aligner: Aligner) -> str:
    """Changes when the topic list does (the alignment is then redone)."""
    text = json.dumps([(t.key, t.question, t.words) for t in aligner.topics])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _answer_rows(cable, sub) -> list[tuple]:
    rows = []
    q_index = 0
    for p_index, part in enumerate(cable.parts):
        for q in part.questions:
            label = q.label or f"{part.label or p_index + 1}.{q.letter}"
            rows.append((cable.ref_id, q_index, sub.country, sub.region, sub.report_year, cable.date, p_index,
                         part.title, part_kind(part.title), q.letter, label, q.question, q.answer, q.paragraph,
                         q.paragraph_index, json.dumps(list(q.answer_paragraphs)), None, 0.0, "unaligned", None))
            q_index += 1
    return rows


def sync(lib: Library, *, progress: ProgressFn | None = None, full: bool = False) -> SyncReport:
    """Bring the TIP store of ``lib`` up to date (see the module doc); ``full`` re-aligns every year."""
    report = SyncReport()
    with _sync_lock:
        con = connect(db_path(lib))
        try:
            aligner = Aligner(load_topics()[0])
            signature = _topics_signature(aligner)
            old_sig = con.execute("SELECT value FROM meta WHERE key='topics'").fetchone()
            full = full or (old_sig is None or old_sig[0] != signature)
            with lib._lock:  # the library's read connection is shared between threads
                candidates = dict(lib.connection.execute(_CANDIDATES).fetchall())
            known = dict(con.execute("SELECT ref_id, text_hash FROM cables").fetchall())
            changed = [r for r, h in candidates.items() if known.get(r) != h]
            gone = [r for r in known if r not in candidates]
            years: set[int] = set()
            for ref in gone:
                row = con.execute("SELECT report_year FROM cables WHERE ref_id=?", (ref,)).fetchone()
                if row and row[0]:
                    years.add(row[0])
                _forget(con, ref)
                report.removed += 1
            for n, ref in enumerate(changed, 1):
                years.update(_check(con, lib, ref, candidates[ref], report))
                if progress is not None:
                    progress(n, len(changed))
            if full:
                years = {r[0] for r in con.execute("SELECT DISTINCT report_year FROM answers")}
            if years:
                report.realigned = _realign(con, aligner, years)
            old_figures = con.execute("SELECT value FROM meta WHERE key='figures'").fetchone()
            if old_figures is None or old_figures[0] != figures_mod.VERSION:
                report.refigured = _refigure(con, lib)
            con.execute("INSERT OR REPLACE INTO meta VALUES ('topics', ?)", (signature,))
            con.commit()
        finally:
            con.close()
    return report


def _forget(con: sqlite3.Connection, ref: str) -> None:
    for table in ("cables", "answers", "figures"):
        con.execute(f"DELETE FROM {table} WHERE ref_id=?", (ref,))


def _check(con: sqlite3.Connection, lib: Library, ref: str, text_hash: str, report: SyncReport) -> set[int]:
    """Look at one new or changed cable; the report years whose alignment it changes."""
    old = con.execute("SELECT report_year FROM cables WHERE ref_id=?", (ref,)).fetchone()
    years = {old[0]} if old and old[0] else set()
    _forget(con, ref)
    report.checked += 1
    cable = lib.get(ref)
    sub = detect(cable) if cable is not None else None
    if sub is None:
        con.execute("INSERT INTO cables (ref_id, text_hash, submission) VALUES (?,?,0)", (ref, text_hash))
        return years
    assert cable is not None  # detect() found a submission in it
    report.submissions += 1
    con.execute("INSERT INTO cables VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (ref, text_hash, 1, sub.country, sub.region, sub.report_year, sub.year_source, sub.part, sub.parts,
                 cable.date, sub.subject))
    con.executemany(f"INSERT INTO answers VALUES ({','.join('?' * 20)})", _answer_rows(cable, sub))
    _insert_figures(con, cable, sub.country, sub.report_year)
    return years | {sub.report_year}


def _insert_figures(con: sqlite3.Connection, cable: Cable, country: str, year: int) -> None:
    con.executemany(f"INSERT INTO figures VALUES ({','.join('?' * 12)})",
                    [(*f.row(), country, year) for f in figures_mod.from_cable(cable)])


def _refigure(con: sqlite3.Connection, lib: Library) -> int:
    """Extract every submission's figures again (a store written with another version of the extractor)."""
    con.execute("DELETE FROM figures")
    subs = con.execute("SELECT ref_id, country, report_year FROM cables WHERE submission=1").fetchall()
    for ref, country, year in subs:
        cable = lib.get(ref)
        if cable is not None:
            _insert_figures(con, cable, country, year)
    con.execute("INSERT OR REPLACE INTO meta VALUES ('figures', ?)", (figures_mod.VERSION,))
    return len(subs)


def _realign(con: sqlite3.Connection, aligner: Aligner, years: Iterable[int]) -> int:
    """Re-align the answers of ``years`` (the neighbours within the window, which they teach, too)."""
    years = set(years)
    write = {y + d for y in years for d in range(-_WINDOW, _WINDOW + 1)}
    load = {y + d for y in write for d in range(-_WINDOW, _WINDOW + 1)}
    marks = ",".join("?" * len(load))
    rows = con.execute(
        f"SELECT ref_id, q_index, country, report_year, part_kind, letter, question, answer FROM answers "
        f"WHERE report_year IN ({marks})", sorted(load)).fetchall()
    items = [Item(f"{r[2]}:{r[3]}", r[3], r[4], r[5], r[6], r[7], f"{r[0]}\t{r[1]}") for r in rows]
    aligner.align(items)
    out = [(it.topic, it.confidence, it.method, it.candidate, *it.ref.split("\t")) for it in items if it.year in write]
    con.executemany("UPDATE answers SET topic=?, confidence=?, method=?, candidate=? WHERE ref_id=? AND q_index=?",
                    [(a, b, c, d, e, int(str(f))) for a, b, c, d, e, f in out])
    return len(out)


def sync_after_import(lib: Library) -> str | None:
    """:func:`sync` as the import's last, background step: None when done, else a one-line
    reason (the import itself stands; the next ``tipreader tip`` command tries again)."""
    try:
        sync(lib)
    except (sqlite3.Error, OSError) as err:
        return f"the TIP comparison was not updated: {type(err).__name__}: {err}"
    return None

"""The names the entity pass finds, searchable: ``person:``, ``org:``, ``place:``, ``acronym:``, ``law:``.

They live in the library database, not in the tantivy document: the entity pass then
writes one small row per cable instead of re-adding (and re-analysing) the whole
document. ``entity_fts`` is an FTS5 table with one column per field; a column holds
the cable's distinct values separated by a token no query contains, so a phrase
matches within one name only (``person:"felipe calderon"``). ``entity_keys`` gives each
cable a stable integer (the FTS5 rowid). The search turns a field query into the set
of cables it selects (:func:`ref_ids`), then into a ``ref_id`` set query on the index.

``learned_names`` keeps the names cables recognised with confidence (a person's full name,
an organisation, written in mixed case); the entity pass finds them in later cables too
(``ERGENEKON`` in an all-capitals cable), marked ``learned`` ("from other cables").

Analysis: FTS5's ``unicode61`` tokenizer with diacritics removed, matching the index's
plain fields (lower case, accents folded, no stemming).

Storage: ``entity_fts`` keeps no copy of the names (``content=''``: the names are in
``cable_entities`` already, and a search needs only the matching rowids). Removing a
contentless row needs the values it was indexed with, so ``entity_names`` keeps them
compressed (a third of the size of FTS5's own copy). Libraries made before keep their
FTS5 table with its content, and are written the way they were (:func:`_contentless`).
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterable, Sequence

from tipreader.cable.ent_learned import NameBook

FIELDS = ("person", "org", "place", "acronym", "law")
SEPARATOR = " qqzqqsep "  # between two values of a field: no phrase crosses it

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS learned_names (
    name TEXT, type TEXT, canonical TEXT, cables INTEGER DEFAULT 1, PRIMARY KEY (name, type));
CREATE TABLE IF NOT EXISTS entity_keys (id INTEGER PRIMARY KEY, ref_id TEXT UNIQUE NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS entity_fts USING fts5(
    {", ".join(FIELDS)}, content = '', tokenize = 'unicode61 remove_diacritics 2', detail = 'full');
CREATE TABLE IF NOT EXISTS entity_names (id INTEGER PRIMARY KEY, names BLOB NOT NULL);
"""


def create(con: sqlite3.Connection) -> None:
    """Create the tables when missing."""
    con.executescript(SCHEMA)


def _key(con: sqlite3.Connection, ref_id: str, create_key: bool) -> int | None:
    row = con.execute("SELECT id FROM entity_keys WHERE ref_id=?", (ref_id,)).fetchone()
    if row is None and create_key:
        return con.execute("INSERT INTO entity_keys(ref_id) VALUES (?)", (ref_id,)).lastrowid
    return row[0] if row else None


def _contentless(con: sqlite3.Connection) -> bool:
    """True when ``entity_fts`` keeps no content (libraries made since; see the module's docstring)."""
    row = con.execute("SELECT sql FROM sqlite_master WHERE name='entity_fts'").fetchone()
    return bool(row) and "content = ''" in row[0]


def _remove(con: sqlite3.Connection, key: int) -> None:
    """Take cable ``key``'s names out of ``entity_fts``."""
    if not _contentless(con):
        con.execute("DELETE FROM entity_fts WHERE rowid=?", (key,))
        return
    row = con.execute("SELECT names FROM entity_names WHERE id=?", (key,)).fetchone()
    if row is not None:
        columns = json.loads(zlib.decompress(row[0]))
        con.execute(f"INSERT INTO entity_fts(entity_fts, rowid, {', '.join(FIELDS)}) VALUES ('delete', ?,?,?,?,?,?)",
                    (key, *columns))
        con.execute("DELETE FROM entity_names WHERE id=?", (key,))


def write(con: sqlite3.Connection, ref_id: str, values: Iterable[tuple[str, Sequence[str]]]) -> None:
    """Replace the searchable names of ``ref_id`` (``values``: (field, its values) pairs)."""
    by_field = dict(values)
    key = _key(con, ref_id, True)
    assert key is not None
    _remove(con, key)
    if any(by_field.get(f) for f in FIELDS):
        columns = [SEPARATOR.join(by_field.get(f, ())) for f in FIELDS]
        con.execute(f"INSERT INTO entity_fts(rowid, {', '.join(FIELDS)}) VALUES (?,?,?,?,?,?)", (key, *columns))
        if _contentless(con):
            con.execute("INSERT OR REPLACE INTO entity_names VALUES (?, ?)",
                        (key, zlib.compress(json.dumps(columns, ensure_ascii=False).encode(), 6)))


def delete(con: sqlite3.Connection, ref_id: str) -> None:
    """Forget the names of ``ref_id`` (its text changed or it left the library)."""
    key = _key(con, ref_id, False)
    if key is not None:
        _remove(con, key)


def learn(con: sqlite3.Connection, names: Iterable[tuple[str, str, str]]) -> None:
    """Remember names a cable recognised with confidence (``ent_learned.confident_names``)."""
    con.executemany(
        "INSERT INTO learned_names(name, type, canonical) VALUES (?,?,?) "
        "ON CONFLICT(name, type) DO UPDATE SET cables = cables + 1", list(names))


_BOOKS: dict[str, tuple[int, NameBook]] = {}  # database path → (last rowid read, the names so far)


def learned_book(con: sqlite3.Connection, db_path: str) -> NameBook:
    """The names other cables taught the library (read incrementally: new rows only)."""
    last, book = _BOOKS.get(db_path, (0, NameBook()))
    try:
        rows = con.execute("SELECT rowid, name, type, canonical FROM learned_names WHERE rowid > ? ORDER BY rowid",
                           (last,)).fetchall()
    except sqlite3.OperationalError:  # a library from before the table: nothing learnt yet
        rows = []
    for rowid, name, kind, canonical in rows:
        book.add(name, kind, canonical or name, learned=True)
        last = rowid
    _BOOKS[db_path] = (last, book)
    return book


def clear(con: sqlite3.Connection) -> None:
    """Forget every cable's names (a rebuild finds them again)."""
    if _contentless(con):
        con.execute("INSERT INTO entity_fts(entity_fts) VALUES ('delete-all')")
        con.execute("DELETE FROM entity_names")
    else:
        con.execute("DELETE FROM entity_fts")
    con.execute("DELETE FROM entity_keys")


def _quoted(words: Sequence[str]) -> str:
    return '"' + " ".join(w.replace('"', '""') for w in words) + '"'


def match_expression(fields: Sequence[str], words: Sequence[str], prefix: bool = False) -> str:
    """The FTS5 query for ``words`` (a phrase when several) in ``fields``: ``{person} : "felipe calderon"``."""
    phrase = _quoted(words) + ("*" if prefix else "")
    return "{" + " ".join(fields) + "} : " + phrase


def ref_ids(con: sqlite3.Connection, fields: Sequence[str], words: Sequence[str], prefix: bool = False) -> set[str]:
    """The cables whose names in ``fields`` contain ``words`` (in order, within one name)."""
    if not words:
        return set()
    rows = con.execute(
        "SELECT k.ref_id FROM entity_fts f JOIN entity_keys k ON k.id = f.rowid WHERE entity_fts MATCH ?",
        (match_expression(fields, words, prefix),),
    )
    return {r[0] for r in rows}

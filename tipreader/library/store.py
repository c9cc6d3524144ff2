"""The library database (SQLite, WAL): originals, parsed metadata, import records.

All of it can be rebuilt from the stored originals; the user's own data lives in
:mod:`tipreader.library.userdata`, in another file. Tables:

- ``files``: one row per imported file (path, size, mtime, sha256, cables, errors)
  so an unchanged file is skipped on the next import.
- ``originals``: a file's bytes (zlib) keyed by sha256, for files of at most
  :data:`MAX_ORIGINAL` bytes; a large CSV is kept per cable in ``cables.raw``.
- ``cables``: one row per ref_id: metadata columns for listing and filters,
  ``parsed`` (the parsed :class:`Cable`, zlib pickle) for a fast ``Library.get``,
  and ``raw`` (the decoded cable and its container metadata, zlib JSON: enough to
  re-parse it) only when the file's original is not stored (a large CSV); then
  the pickle leaves the header/body text to ``raw``.
- ``older_texts.raw``: the replaced text's ``raw``, or its ``parsed`` pickle.
- ``cable_tags``, ``refs``: tags and the references between cables.
- ``older_texts``: earlier texts of a cable WikiLeaks re-released with changes.
- ``entity_pending``: cables whose index document does not have its entity fields
  yet (the entity pass after an import fills them and empties this table).
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

MAX_ORIGINAL = 8 * 1024 * 1024
SCHEMA_VERSION = "1"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, sha256 TEXT,
    cables INTEGER, errors INTEGER, imported_at REAL);
CREATE TABLE IF NOT EXISTS originals (
    sha256 TEXT PRIMARY KEY, path TEXT, size INTEGER, data BLOB);
CREATE TABLE IF NOT EXISTS cables (
    ref_id TEXT PRIMARY KEY, source TEXT, format TEXT, file_sha TEXT,
    date TEXT, day INTEGER, origin TEXT, classification TEXT, subject TEXT,
    tags TEXT, released TEXT, size INTEGER, text_hash TEXT, partial INTEGER,
    older_texts INTEGER DEFAULT 0, raw BLOB, parsed BLOB, imported_at REAL);
CREATE INDEX IF NOT EXISTS cables_day ON cables(day);
CREATE INDEX IF NOT EXISTS cables_origin ON cables(origin, day);
CREATE INDEX IF NOT EXISTS cables_class ON cables(classification, day);
CREATE INDEX IF NOT EXISTS cables_file ON cables(file_sha);
CREATE TABLE IF NOT EXISTS cable_tags (
    tag TEXT, ref_id TEXT, PRIMARY KEY (tag, ref_id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS cable_tags_ref ON cable_tags(ref_id);
CREATE TABLE IF NOT EXISTS refs (
    cited TEXT, ref_id TEXT, PRIMARY KEY (cited, ref_id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS refs_ref ON refs(ref_id);
CREATE TABLE IF NOT EXISTS older_texts (
    ref_id TEXT, text_hash TEXT, source TEXT, released TEXT, raw BLOB, replaced_at REAL,
    PRIMARY KEY (ref_id, text_hash));
CREATE TABLE IF NOT EXISTS entity_pending (ref_id TEXT PRIMARY KEY) WITHOUT ROWID;
"""


def connect(path: Path, readonly: bool = False) -> sqlite3.Connection:
    """Open the library database (creating it and its schema unless ``readonly``)."""
    if readonly:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False, timeout=30)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        con = sqlite3.connect(path, check_same_thread=False, timeout=30)
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=NORMAL")
        con.executescript(_SCHEMA)
        con.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        con.commit()
    con.execute("PRAGMA cache_size=-20000")
    return con


class Writer:
    """Applies prepared cables and file records in one transaction per batch."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con

    def existing(self, ref_id: str) -> tuple[str, str | None, str | None] | None:
        """(text_hash, released, file_sha) of the stored cable ``ref_id``, or None."""
        return self.con.execute("SELECT text_hash, released, file_sha FROM cables WHERE ref_id=?", (ref_id,)).fetchone()

    def known_older(self, ref_id: str, text_hash: str) -> bool:
        """True when ``text_hash`` is already recorded as an older text of ``ref_id``."""
        row = self.con.execute("SELECT 1 FROM older_texts WHERE ref_id=? AND text_hash=?", (ref_id, text_hash)).fetchone()
        return row is not None

    def put_cable(self, row: dict, replace_older: bool) -> None:
        """Insert or replace the cable; when ``replace_older`` keep the current text as an older one."""
        con = self.con
        now = time.time()
        if replace_older:
            con.execute(
                "INSERT OR IGNORE INTO older_texts SELECT ref_id, text_hash, source, released, COALESCE(raw, parsed), ? "
                "FROM cables WHERE ref_id=?",
                (now, row["ref_id"]),
            )
        older = con.execute("SELECT COUNT(*) FROM older_texts WHERE ref_id=?", (row["ref_id"],)).fetchone()[0]
        con.execute(
            "INSERT OR REPLACE INTO cables VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                row["ref_id"], row["source"], row["format"], row["file_sha"], row["date"], row["day"],
                row["origin"], row["classification"], row["subject"], " ".join(row["tags"]), row["released"],
                row["size"], row["text_hash"], int(row["partial"]), older, row["raw"], row["parsed"], now,
            ),
        )
        con.execute("DELETE FROM cable_tags WHERE ref_id=?", (row["ref_id"],))
        con.executemany("INSERT OR IGNORE INTO cable_tags VALUES (?,?)", [(t, row["ref_id"]) for t in row["tags"]])
        con.execute("DELETE FROM refs WHERE ref_id=?", (row["ref_id"],))
        con.executemany("INSERT OR IGNORE INTO refs VALUES (?,?)", [(c, row["ref_id"]) for c in row["refs"]])
        if row.get("entities_pending"):
            con.execute("INSERT OR IGNORE INTO entity_pending VALUES (?)", (row["ref_id"],))

    def entities_done(self, ref_id: str, text_hash: str, parsed: bytes | None = None) -> bool:
        """Mark ``ref_id``'s entities as indexed (and store ``parsed``, the pickle with them) when
        its stored text is still ``text_hash``; False when the cable changed or went meanwhile
        (its document is then left alone)."""
        row = self.con.execute("SELECT text_hash FROM cables WHERE ref_id=?", (ref_id,)).fetchone()
        if row is not None and row[0] != text_hash:
            return False  # a newer text came in: it is pending again, for its own pass
        self.con.execute("DELETE FROM entity_pending WHERE ref_id=?", (ref_id,))
        if row is not None and parsed is not None:
            self.con.execute("UPDATE cables SET parsed=? WHERE ref_id=?", (parsed, ref_id))
        return row is not None

    def put_older(self, row: dict) -> None:
        """Record ``row`` only as an older text of the stored cable (the stored one is newer)."""
        self.con.execute(
            "INSERT OR IGNORE INTO older_texts VALUES (?,?,?,?,?,?)",
            (row["ref_id"], row["text_hash"], row["source"], row["released"], row["raw"] or row["parsed"], time.time()),
        )
        self.con.execute(
            "UPDATE cables SET older_texts=(SELECT COUNT(*) FROM older_texts WHERE ref_id=?) WHERE ref_id=?",
            (row["ref_id"], row["ref_id"]),
        )

    def put_file(self, path: str, size: int, mtime_ns: int, sha: str, cables: int, errors: int, original: bytes | None) -> None:
        """Record an imported file (and its bytes when small enough)."""
        self.con.execute(
            "INSERT OR REPLACE INTO files VALUES (?,?,?,?,?,?,?)", (path, size, mtime_ns, sha, cables, errors, time.time())
        )
        if original is not None:
            self.con.execute("INSERT OR IGNORE INTO originals VALUES (?,?,?,?)", (sha, path, size, original))

    def commit(self) -> None:
        """Commit the current batch."""
        self.con.commit()


def entities_pending(con: sqlite3.Connection) -> int:
    """How many stored cables still wait for the entity pass."""
    return con.execute("SELECT COUNT(*) FROM entity_pending").fetchone()[0]


def file_record(con: sqlite3.Connection, path: str) -> tuple[int, int, str, int] | None:
    """(size, mtime_ns, sha256, errors) of a previously imported file, or None."""
    return con.execute("SELECT size, mtime_ns, sha256, errors FROM files WHERE path=?", (path,)).fetchone()

"""The library database (SQLite, WAL): originals, parsed cables as data, import records.

All of it can be rebuilt from the stored originals; the user's own data lives in
:mod:`tipreader.library.userdata`, in another file. Nothing here is a pickle: a library
folder is something users copy to each other, and reading it must never run code.
Tables:

- ``meta``: ``schema`` (this layout's version, :data:`SCHEMA_VERSION`) and ``model``
  (the cable model's version, :data:`~tipreader.cable.model_data.MODEL_VERSION`), both
  checked at open (:func:`check_versions`): a library written by another version says
  "rebuild needed" instead of being read wrongly or re-parsed on every read. ``parser``
  (:data:`~tipreader.cable.parser_version.PARSER_VERSION` of the parse its cables came
  from: set when the library is created or imported into empty, and by a full rebuild):
  another version only suggests a rebuild (:func:`parser_note`), the cables stay readable.
- ``files``: one row per imported file (path, size, mtime, sha256, cables, errors)
  so an unchanged file is skipped on the next import.
- ``originals``: a file's bytes (zlib) keyed by sha256, for files of at most
  :data:`MAX_ORIGINAL` bytes (a larger CSV is not kept: its cables are re-parsed
  from their stored header and body).
- ``cables``: one row per ref_id: metadata columns for listing and filters, and the
  parsed cable as data (``body``, ``paras``, ``model``: see :mod:`.codec`), compressed
  with the first 32 KB of its original as dictionary when ``dict_sha`` names it.
- ``cable_entities``: the entities the entity pass found (zlib JSON), written by that
  pass alone, valid while ``text_hash`` is the cable's; ``extractor`` is the
  :data:`~tipreader.cable.entity_version.ENTITY_VERSION` that found them (NULL in a library
  from before it was recorded): names of another version suggest a re-extraction
  (:func:`entity_note`), which the pass does for the cables :func:`queue_stale_entities` queues.
- ``cable_tags``, ``refs``: tags and the references between cables.
- ``older_texts``: the other texts of a stored cable: earlier texts of a cable WikiLeaks
  re-released with changes, and less clean copies of it (:mod:`.cleanliness`); one per source.
- ``ref_aliases``: other ids a cable is known by (WikiLeaks' malformed ones: :mod:`.aliases`).
- ``entity_pending``: cables whose index document does not have its entity fields
  yet (the entity pass after an import fills them and empties this table).
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections import OrderedDict
from pathlib import Path

from tipreader.cable import Cable
from tipreader.cable._types import RawCable
from tipreader.cable.entity_version import ENTITY_VERSION
from tipreader.cable.model_data import MODEL_VERSION
from tipreader.cable.parser_version import PARSER_VERSION

from . import aliases, codec, entity_search

MAX_ORIGINAL = 8 * 1024 * 1024
PAGE_SIZE = 1024
SCHEMA_VERSION = "2"  # 1: pickled cables (never read); 2: cables as data, entities apart

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
    older_texts INTEGER DEFAULT 0, dict_sha TEXT, body BLOB, paras BLOB, model BLOB, imported_at REAL);
CREATE INDEX IF NOT EXISTS cables_day ON cables(day);
CREATE INDEX IF NOT EXISTS cables_origin ON cables(origin, day);
CREATE INDEX IF NOT EXISTS cables_class ON cables(classification, day);
CREATE INDEX IF NOT EXISTS cables_file ON cables(file_sha);
CREATE TABLE IF NOT EXISTS cable_entities (ref_id TEXT PRIMARY KEY, text_hash TEXT, extractor INTEGER, data BLOB);
CREATE TABLE IF NOT EXISTS cable_tags (
    tag TEXT, ref_id TEXT, PRIMARY KEY (tag, ref_id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS cable_tags_ref ON cable_tags(ref_id);
CREATE TABLE IF NOT EXISTS refs (
    cited TEXT, ref_id TEXT, PRIMARY KEY (cited, ref_id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS refs_ref ON refs(ref_id);
CREATE TABLE IF NOT EXISTS older_texts (
    ref_id TEXT, text_hash TEXT, source TEXT, released TEXT, dict_sha TEXT, body BLOB, paras BLOB, model BLOB,
    replaced_at REAL, PRIMARY KEY (ref_id, text_hash));
CREATE TABLE IF NOT EXISTS entity_pending (ref_id TEXT PRIMARY KEY) WITHOUT ROWID;
"""


def stored_versions(con: sqlite3.Connection) -> tuple[str | None, str | None]:
    """(schema, model) recorded in the database; (None, None) for a new, empty one."""
    if con.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone() is None:
        return None, None
    values = dict(con.execute("SELECT key, value FROM meta WHERE key IN ('schema', 'model')").fetchall())
    return values.get("schema"), values.get("model")


def check_versions(con: sqlite3.Connection) -> str | None:
    """None when this tipreader can read the library; else why it needs a rebuild (one line)."""
    schema, model = stored_versions(con)
    if schema is None:
        return None
    try:
        newer = int(schema) > int(SCHEMA_VERSION)
    except ValueError:
        newer = False
    if newer:
        return (f"the library was written by a newer tipreader (library format {schema}; this one reads "
                f"format {SCHEMA_VERSION}): rebuild needed, or use the newer tipreader")
    if schema != SCHEMA_VERSION:
        return f"the library was written by an older tipreader (library format {schema}): rebuild needed"
    if model != MODEL_VERSION:
        return "the library's cables were stored by another version of tipreader's cable model: rebuild needed"
    return None


def parser_note(con: sqlite3.Connection) -> str | None:
    """None when the stored cables come from this tipreader's parser (or none is stored); else a
    one-line reason to rebuild. A library from before parser versions were recorded has none."""
    try:
        if con.execute("SELECT 1 FROM cables LIMIT 1").fetchone() is None:
            return None
        row = con.execute("SELECT value FROM meta WHERE key='parser'").fetchone()
    except sqlite3.OperationalError:  # not this layout: check_versions says so
        return None
    if row is not None and row[0] == str(PARSER_VERSION):
        return None
    was = f"parser version {row[0]}" if row is not None else "a parser from before versions were recorded"
    return (f"the library's cables were parsed by {was}, this tipreader's parser is version {PARSER_VERSION}: "
            "rebuild suggested (today's paragraphs, headings and questions)")


def note_parser_if_empty(con: sqlite3.Connection) -> None:
    """Before an import: into an empty library, every cable will come from this parser."""
    if con.execute("SELECT 1 FROM cables LIMIT 1").fetchone() is None:
        con.execute("INSERT OR REPLACE INTO meta VALUES ('parser', ?)", (str(PARSER_VERSION),))
        con.commit()


def create_schema(con: sqlite3.Connection) -> None:
    """Create the tables of :data:`SCHEMA_VERSION` (idempotent); a new library records its versions.

    An older library without a recorded parser version keeps none (:func:`parser_note`)."""
    new = stored_versions(con)[0] is None
    con.executescript(_SCHEMA)
    _add_extractor_column(con)
    entity_search.create(con)
    aliases.create(con)
    con.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
    con.execute("INSERT OR IGNORE INTO meta VALUES ('model', ?)", (MODEL_VERSION,))
    if new:
        con.execute("INSERT OR IGNORE INTO meta VALUES ('parser', ?)", (str(PARSER_VERSION),))
    con.commit()


def _add_extractor_column(con: sqlite3.Connection) -> None:
    """A library from before extractor versions were recorded gets the column (NULL: names of an
    unknown, older extractor) and the index that finds stale names without reading the blobs."""
    if "extractor" not in {row[1] for row in con.execute("PRAGMA table_info(cable_entities)")}:
        con.execute("ALTER TABLE cable_entities ADD COLUMN extractor INTEGER")
    con.execute("CREATE INDEX IF NOT EXISTS cable_entities_extractor ON cable_entities(extractor)")


_STALE = "(extractor IS NULL OR extractor <> ?) AND ref_id NOT IN (SELECT ref_id FROM entity_pending)"


def stale_entities(con: sqlite3.Connection) -> int:
    """How many cables have names found by another version of the entity extractor (and are not
    already waiting for the pass)."""
    try:
        return con.execute(f"SELECT COUNT(*) FROM cable_entities WHERE {_STALE}", (ENTITY_VERSION,)).fetchone()[0]
    except sqlite3.OperationalError:  # read-only, from before the column: every stored name is older
        try:
            return con.execute("SELECT COUNT(*) FROM cable_entities").fetchone()[0]
        except sqlite3.OperationalError:  # not this layout: check_versions says so
            return 0


def entity_note(con: sqlite3.Connection) -> str | None:
    """None when every cable's names come from this tipreader's entity extractor; else one line
    saying that a re-extraction is suggested (``tipreader library entities`` does it)."""
    stale = stale_entities(con)
    if not stale:
        return None
    return (f"names: re-extract suggested ({stale:,} cable{'s' if stale != 1 else ''} with names from an older entity "
            f"extractor; this one is version {ENTITY_VERSION})")


def queue_stale_entities(con: sqlite3.Connection) -> int:
    """Put the cables whose names another extractor version found on the entity pass's list;
    returns how many. Their old names stay searchable until the pass replaces them."""
    cur = con.execute(f"INSERT OR IGNORE INTO entity_pending SELECT ref_id FROM cable_entities WHERE {_STALE}",
                      (ENTITY_VERSION,))
    con.commit()
    return cur.rowcount


def version_notes(con: sqlite3.Connection) -> tuple[str | None, str | None, str | None]:
    """What the stored versions say, derived in one place: (rebuild needed, rebuild suggested,
    re-extraction suggested); the two suggestions are None when a rebuild is needed."""
    needed = check_versions(con)
    if needed:
        return needed, None, None
    return None, parser_note(con), entity_note(con)


def mark_current(con: sqlite3.Connection) -> None:
    """Record that everything stored is in today's layout, model and parse (after a full rebuild)."""
    con.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
    con.execute("INSERT OR REPLACE INTO meta VALUES ('model', ?)", (MODEL_VERSION,))
    con.execute("INSERT OR REPLACE INTO meta VALUES ('parser', ?)", (str(PARSER_VERSION),))
    con.commit()


def connect(path: Path, readonly: bool = False) -> sqlite3.Connection:
    """Open the library database (creating it and its schema unless ``readonly``).

    A database of another layout version is opened as it is (nothing created in it):
    :func:`check_versions` then says it needs a rebuild.
    """
    if readonly:
        con = connect_read_only(path)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        con = sqlite3.connect(path, check_same_thread=False, timeout=30)
        if not con.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone():
            # most stored blobs span a few pages: small pages waste less of the last one
            # (measured: 11 % less file for the same cables than 4 KB pages)
            con.execute(f"PRAGMA page_size={PAGE_SIZE}")
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=NORMAL")
        if stored_versions(con)[0] in (None, SCHEMA_VERSION):
            create_schema(con)
    con.execute("PRAGMA cache_size=-20000")
    return con


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection to the SQLite database ``path`` that never writes.

    A database in WAL mode needs its ``-shm`` file even to be read, which a read-only disk or
    folder cannot make: there it is opened ``immutable`` (nothing locked, nothing made; it must
    not change while open, which such a disk ensures)."""
    uri = Path(os.path.abspath(path)).as_uri()  # quoted: a '?' or '#' in a folder's name stays a name
    con = sqlite3.connect(f"{uri}?mode=ro", uri=True, check_same_thread=False, timeout=30)
    try:
        con.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone()
        return con
    except sqlite3.OperationalError:
        con.close()
        if os.access(path.parent, os.W_OK) or not path.is_file():
            raise  # a writable folder: a real error, not the missing -shm
    return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, check_same_thread=False, timeout=30)


# The last originals' heads decompressed (sha256 → head): a search's snippets and the cable
# opened from its hits need the same ones again. Keyed by the file's content hash, so right
# for any library; at most HEADS_KEPT × 32 KB.
HEADS_KEPT = 256
_heads: OrderedDict[str, bytes] = OrderedDict()
_heads_lock = threading.Lock()


def original_head(con: sqlite3.Connection, sha: str | None) -> bytes:
    """The preset dictionary of the cables stored from the original ``sha`` (b"" for none)."""
    if not sha:
        return b""
    with _heads_lock:
        head = _heads.get(sha)
        if head is not None:
            _heads.move_to_end(sha)
            return head
    row = con.execute("SELECT data FROM originals WHERE sha256=?", (sha,)).fetchone()
    if row is None:
        raise codec.StoredDataError("the original file the stored text refers to is missing")
    head = codec.decompress_original(row[0], codec.WINDOW)[:codec.WINDOW]
    with _heads_lock:
        _heads[sha] = head
        while len(_heads) > HEADS_KEPT:
            _heads.popitem(last=False)
    return head


def read_cable(con: sqlite3.Connection, ref_id: str, entities: bool = True) -> tuple[Cable, str, int] | None:
    """(cable, text_hash, size) of the stored ``ref_id`` (with its stored entities when they are
    of this text and ``entities``), or None. Raises :class:`codec.StoredDataError` when damaged."""
    if entities:
        row = con.execute(
            "SELECT c.body, c.paras, c.model, c.dict_sha, c.text_hash, c.size, e.data FROM cables c "
            "LEFT JOIN cable_entities e ON e.ref_id = c.ref_id AND e.text_hash = c.text_hash WHERE c.ref_id=?",
            (ref_id,)).fetchone()
    else:
        row = con.execute("SELECT body, paras, model, dict_sha, text_hash, size, NULL FROM cables WHERE ref_id=?",
                          (ref_id,)).fetchone()
    if row is None:
        return None
    cable = codec.decode_cable(row[0], row[1], row[2], original_head(con, row[3]), entities=row[6])
    return cable, row[4], row[5] or 0


def stored_raw(con: sqlite3.Connection, ref_id: str) -> tuple[RawCable, str | None] | None:
    """(header and body as found, file_sha) of a stored cable, for a rebuild to re-parse."""
    row = con.execute("SELECT model, body, dict_sha, file_sha FROM cables WHERE ref_id=?", (ref_id,)).fetchone()
    if row is None:
        return None
    return codec.raw_from_doc(row[0], row[1], original_head(con, row[2])), row[3]


def snippet_rows(con: sqlite3.Connection, ids: list[str]) -> dict[str, tuple]:
    """``ref_id`` → (ref_id, date, origin, subject, classification, body text, paras) for search hits."""
    if not ids:
        return {}
    rows = con.execute(
        "SELECT ref_id, date, origin, subject, classification, body, paras, dict_sha FROM cables "
        f"WHERE ref_id IN ({','.join('?' * len(ids))})", ids).fetchall()
    out: dict[str, tuple] = {}
    for r in rows:
        try:
            body = codec.decode_body(r[5], original_head(con, r[7]))
        except codec.StoredDataError:
            body = ""
        out[r[0]] = (*r[:5], body, r[6] or b"")
    return out


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
            con.execute("DELETE FROM older_texts WHERE ref_id=? AND source=(SELECT source FROM cables WHERE ref_id=?)",
                        (row["ref_id"], row["ref_id"]))
            con.execute(
                "INSERT OR IGNORE INTO older_texts SELECT ref_id, text_hash, source, released, dict_sha, body, paras, "
                "model, ? FROM cables WHERE ref_id=?",
                (now, row["ref_id"]),
            )
        older = con.execute("SELECT COUNT(*) FROM older_texts WHERE ref_id=?", (row["ref_id"],)).fetchone()[0]
        con.execute(
            "INSERT OR REPLACE INTO cables VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                row["ref_id"], row["source"], row["format"], row["file_sha"], row["date"], row["day"],
                row["origin"], row["classification"], row["subject"], " ".join(row["tags"]), row["released"],
                row["size"], row["text_hash"], int(row["partial"]), older, row["dict_sha"], row["body"],
                row["paras"], row["model"], now,
            ),
        )
        con.execute("DELETE FROM cable_tags WHERE ref_id=?", (row["ref_id"],))
        con.executemany("INSERT OR IGNORE INTO cable_tags VALUES (?,?)", [(t, row["ref_id"]) for t in row["tags"]])
        con.execute("DELETE FROM refs WHERE ref_id=?", (row["ref_id"],))
        con.executemany("INSERT OR IGNORE INTO refs VALUES (?,?)", [(c, row["ref_id"]) for c in row["refs"]])
        if row.get("entities_pending"):
            con.execute("INSERT OR IGNORE INTO entity_pending VALUES (?)", (row["ref_id"],))
        aliases.put(con, row["ref_id"], row.get("aliases", ()))

    def entities_done(self, ref_id: str, text_hash: str, entities: bytes | None = None) -> bool:
        """Mark ``ref_id``'s entities as indexed (and store ``entities``, their blob) when its
        stored text is still ``text_hash``; False when the cable changed or went meanwhile
        (its document is then left alone)."""
        row = self.con.execute("SELECT text_hash FROM cables WHERE ref_id=?", (ref_id,)).fetchone()
        if row is not None and row[0] != text_hash:
            return False  # a newer text came in: it is pending again, for its own pass
        self.con.execute("DELETE FROM entity_pending WHERE ref_id=?", (ref_id,))
        if row is not None and entities is not None:
            self.con.execute("INSERT OR REPLACE INTO cable_entities(ref_id, text_hash, extractor, data) VALUES (?,?,?,?)",
                             (ref_id, text_hash, ENTITY_VERSION, entities))
        return row is not None

    def put_older(self, row: dict) -> None:
        """Record ``row`` only as another text of the stored cable (the stored one is newer or cleaner);
        it replaces the text recorded from the same source (a rebuild reads it again)."""
        self.con.execute("DELETE FROM older_texts WHERE ref_id=? AND source=?", (row["ref_id"], row["source"]))
        aliases.put(self.con, row["ref_id"], row.get("aliases", ()))
        self.con.execute(
            "INSERT OR IGNORE INTO older_texts VALUES (?,?,?,?,?,?,?,?,?)",
            (row["ref_id"], row["text_hash"], row["source"], row["released"], row["dict_sha"], row["body"],
             row["paras"], row["model"], time.time()),
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

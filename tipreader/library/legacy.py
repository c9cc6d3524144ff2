"""Libraries of the first format (schema 1), which stored each cable as a Python pickle.

Such a library is never read as it was: a pickle runs whatever it says when loaded, and a
library folder is something users hand each other. Opening one says "rebuild needed";
the rebuild (:func:`prepare_rebuild`) keeps what is plain data — the stored original files,
the ``raw`` header and body of cables without an original (zlib JSON), the import records,
tags and references — sets the old cable rows aside to re-parse them, and drops every
column that could hold a pickle. Nothing in this module unpickles anything.
"""

from __future__ import annotations

import json
import sqlite3
import zlib

from tipreader.cable._types import RawCable

from . import codec, store

LEGACY_TABLE = "cables_v1"


def is_legacy(con: sqlite3.Connection) -> bool:
    """True when the database is of the first format, or a rebuild from it has not finished."""
    schema = store.stored_versions(con)[0]
    return schema == "1" or _has_table(con, LEGACY_TABLE)


def _has_table(con: sqlite3.Connection, name: str) -> bool:
    return con.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,)).fetchone() is not None


def prepare_rebuild(con: sqlite3.Connection) -> None:
    """Turn a first-format database into today's layout, keeping the old cable rows aside in
    :data:`LEGACY_TABLE` (their ``raw`` is what a rebuild re-parses when no original is stored).

    Idempotent: a rebuild stopped half-way runs it again and goes on. The old rows' pickles
    (``cables.parsed``, ``older_texts.raw``) are dropped here, unread.
    """
    if _has_table(con, LEGACY_TABLE) or not _has_table(con, "cables"):
        store.create_schema(con)
        return
    with con:
        for name in ("cables_day", "cables_origin", "cables_class", "cables_file"):
            con.execute(f"DROP INDEX IF EXISTS {name}")
        con.execute(f"ALTER TABLE cables RENAME TO {LEGACY_TABLE}")
        con.execute(f"UPDATE {LEGACY_TABLE} SET parsed=NULL")
        if _has_table(con, "older_texts"):
            con.execute("ALTER TABLE older_texts RENAME TO older_texts_v1")
        con.execute("DELETE FROM entity_pending")
    store.create_schema(con)
    if _has_table(con, "older_texts_v1"):
        with con:  # which releases were seen is kept; their texts (raw, or a pickle) are not
            con.execute("INSERT OR IGNORE INTO older_texts (ref_id, text_hash, source, released, replaced_at) "
                        "SELECT ref_id, text_hash, source, released, replaced_at FROM older_texts_v1")
            con.execute("DROP TABLE older_texts_v1")


def legacy_without_original(con: sqlite3.Connection) -> list[str]:
    """The old cable rows a rebuild re-parses from their ``raw`` (no stored original)."""
    if not _has_table(con, LEGACY_TABLE):
        return []
    return [r[0] for r in con.execute(
        f"SELECT ref_id FROM {LEGACY_TABLE} WHERE raw IS NOT NULL AND "
        "(file_sha IS NULL OR file_sha NOT IN (SELECT sha256 FROM originals))")]


def stored_raw_v1(con: sqlite3.Connection, ref_id: str) -> tuple[RawCable, str | None] | None:
    """(header and body as found, file_sha) from a first-format row's ``raw`` (zlib JSON)."""
    row = con.execute(f"SELECT raw, file_sha FROM {LEGACY_TABLE} WHERE ref_id=?", (ref_id,)).fetchone()
    if row is None or row[0] is None:
        return None
    try:
        data = json.loads(zlib.decompress(row[0]).decode("utf-8", "surrogatepass"))
        raw = RawCable(source=str(data["source"]), format=str(data["format"]), header=str(data["header"]),
                       body=str(data["body"]), meta=data["meta"] if isinstance(data["meta"], dict) else {})
    except (zlib.error, ValueError, KeyError, TypeError) as err:
        raise codec.StoredDataError(f"unreadable stored text: {err}") from err
    return raw, row[1]


def finish_rebuild(con: sqlite3.Connection) -> None:
    """After a complete rebuild: drop the old rows and give their space back."""
    if _has_table(con, LEGACY_TABLE):
        with con:
            con.execute(f"DROP TABLE {LEGACY_TABLE}")
        con.execute("VACUUM")

"""Other ids a stored cable is known by: WikiLeaks' malformed ones.

Some WikiLeaks pages carry an id the section line ate into (``08ECTION01OF02MANAMA492``,
``08SECTION01GF02BISHIEK21``). The parser gives such a cable the id its text states
(``08MANAMA492``, ``08BISHKEK1021``) and keeps WikiLeaks' form in the cable's metadata;
the library keeps that form here, so that ``id:`` (and ``show``/``open``) find the cable
under the id a user copied from WikiLeaks. A less clean copy kept aside
(``older_texts``) leaves its WikiLeaks id here too: it names the same cable.

``ref_aliases`` is created with the library's other tables; a library made before it
learns its aliases on the next import or ``library rebuild``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

SCHEMA = """
CREATE TABLE IF NOT EXISTS ref_aliases (alias TEXT PRIMARY KEY, ref_id TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS ref_aliases_ref ON ref_aliases(ref_id);
"""


def create(con: sqlite3.Connection) -> None:
    """Create the table when missing."""
    con.executescript(SCHEMA)


def of_metadata(ref_id: str, metadata: object) -> tuple[str, ...]:
    """The other id a parsed cable is known by: its container's id (WikiLeaks') when that is not
    ``ref_id`` (upper case, spaces out), else none."""
    raw = metadata.get("ref_id") if isinstance(metadata, dict) else None
    if not isinstance(raw, str):
        return ()
    alias = "".join(raw.split()).upper()
    return (alias,) if alias and alias != ref_id.upper() else ()


def put(con: sqlite3.Connection, ref_id: str, aliases: Iterable[str]) -> None:
    """Record that ``ref_id`` is also known as each of ``aliases``."""
    con.executemany("INSERT OR REPLACE INTO ref_aliases VALUES (?, ?)", [(a, ref_id) for a in aliases if a != ref_id])


def delete(con: sqlite3.Connection, ref_id: str) -> None:
    """Forget the aliases of ``ref_id`` (it left the library)."""
    con.execute("DELETE FROM ref_aliases WHERE ref_id=?", (ref_id,))


def ref_ids(con: sqlite3.Connection, value: str, prefix: bool = False) -> set[str]:
    """The cables known as ``value`` (every alias starting so when ``prefix``); upper case."""
    value = value.strip().upper()
    if not value:
        return set()
    try:
        if prefix:
            escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            rows = con.execute("SELECT ref_id FROM ref_aliases WHERE alias LIKE ? ESCAPE '\\'", (escaped + "%",))
        else:
            rows = con.execute("SELECT ref_id FROM ref_aliases WHERE alias=?", (value,))
        return {r[0] for r in rows}
    except sqlite3.OperationalError:  # a library from before the table (opened read-only): none known
        return set()


def resolve(con: sqlite3.Connection, value: str) -> str | None:
    """The stored cable known as ``value`` when that is not its own id, else None."""
    found = sorted(ref_ids(con, value))
    return found[0] if found else None

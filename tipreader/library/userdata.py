"""The user's own data: a SEPARATE database that no rebuild or re-import touches.

``<home>/user.sqlite3`` holds reading positions and history. Bookmarks and notes
(issue 6) belong here too: add their tables to :data:`_SCHEMA` (a new
``CREATE TABLE IF NOT EXISTS``) and their methods to :class:`UserData`; keep
keys by ``ref_id`` (and paragraph index) so they survive any rebuild of the library.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from . import paths
from .userdb_safety import connect_user_db, write_error

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS positions (
    ref_id TEXT PRIMARY KEY, paragraph INTEGER NOT NULL, updated_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS history (
    id INTEGER PRIMARY KEY AUTOINCREMENT, ref_id TEXT NOT NULL, opened_at REAL NOT NULL);
CREATE INDEX IF NOT EXISTS history_ref ON history(ref_id);
-- bookmarks / notes: issue 6 adds its tables here.
"""


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """A cable the user opened, and when (Unix time)."""

    ref_id: str
    opened_at: float


class UserData:
    """Reading positions and history (bookmarks to come), in their own database.

    A damaged or unreadable database is never written to: opening it raises
    :class:`~tipreader.library.userdb_safety.UserDBError` (``err.path`` names the file).
    """

    def __init__(self, path: Path) -> None:
        """Open (or create) the database at ``path``.

        Raises :class:`~tipreader.library.userdb_safety.UserDBError` when the file is
        damaged or unreadable: it is checked first and then left exactly as it is.
        """
        path = Path(path)
        self.path = path
        self._lock = threading.Lock()
        self.con = connect_user_db(path)
        try:
            self.con.execute("PRAGMA journal_mode=WAL")
            self.con.executescript(_SCHEMA)
            self.con.execute("INSERT OR IGNORE INTO meta VALUES ('schema', '1')")
            self.con.commit()
        except sqlite3.DatabaseError as err:
            self.con.close()
            if isinstance(err, sqlite3.OperationalError) and ("locked" in str(err) or "busy" in str(err)):
                raise  # another tipreader is writing: busy is not damage
            raise write_error(path, err) from err

    @classmethod
    def open(cls, home: str | Path | None = None) -> UserData:
        """Open the user database under ``home`` (default: :func:`paths.data_dir`)."""
        return cls(paths.user_db_path(Path(home) if home else None))

    def close(self) -> None:
        """Close the database."""
        self.con.close()

    def set_position(self, ref_id: str, paragraph: int) -> None:
        """Remember the paragraph index the user was reading in ``ref_id``."""
        with self._lock:
            self.con.execute("INSERT OR REPLACE INTO positions VALUES (?,?,?)", (ref_id.upper(), paragraph, time.time()))
            self.con.commit()

    def position(self, ref_id: str) -> int | None:
        """The remembered paragraph index for ``ref_id``, or None."""
        with self._lock:
            row = self.con.execute("SELECT paragraph FROM positions WHERE ref_id=?", (ref_id.upper(),)).fetchone()
        return row[0] if row else None

    def record_open(self, ref_id: str) -> None:
        """Add ``ref_id`` to the history."""
        with self._lock:
            self.con.execute("INSERT INTO history (ref_id, opened_at) VALUES (?,?)", (ref_id.upper(), time.time()))
            self.con.commit()

    def history(self, limit: int = 50) -> list[HistoryEntry]:
        """The most recently opened cables, newest first, each once."""
        with self._lock:
            rows = self.con.execute(
                "SELECT ref_id, MAX(opened_at) t FROM history GROUP BY ref_id ORDER BY t DESC LIMIT ?", (limit,)
            ).fetchall()
        return [HistoryEntry(r[0], r[1]) for r in rows]

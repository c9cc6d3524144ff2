"""A damaged user database is never overwritten: detect it, keep it, start a fresh one beside it.

The user's database (``user.sqlite3``: positions, history, bookmarks, notes) is the
one file tipreader cannot rebuild. Before anything writes to it:

    problem = check_user_db(path)         # None when it is fine (or does not exist yet)
    if problem:
        ...tell the user, then, if they agree:
        kept = start_fresh_beside(path)   # user.sqlite3 -> user.sqlite3.damaged-20261128-2055

:func:`start_fresh_beside` only renames (the file and its ``-wal``/``-shm``/``-journal``
companions, which hold the latest writes): nothing is deleted or overwritten, and the
next open creates an empty database at the usual path.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import threading
import time
from pathlib import Path
from typing import Self

_MAGIC = b"SQLite format 3\x00"
_COMPANIONS = ("-wal", "-shm", "-journal")


DAMAGED, READ_ONLY, FULL, UNREACHABLE = "damaged", "read-only", "full", "unreachable"


class UserDBError(Exception):
    """The user database cannot be used. ``str(err)`` is one line; ``path`` is the file.

    ``kind`` says which problem it is, for they need different advice: only a
    :data:`DAMAGED` file is to be moved aside; :data:`READ_ONLY` (a read-only folder or
    disk), :data:`FULL` (no space left, or an I/O error) and :data:`UNREACHABLE` (its
    folder is a file, or cannot be made) leave a healthy database alone.
    """

    def __init__(self, message: str, path: Path, kind: str = DAMAGED) -> None:
        super().__init__(message)
        self.path = Path(path)
        self.kind = kind

    def __str__(self) -> str:
        return " ".join(str(self.args[0]).split()) if self.args else "unusable user database"


_READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}
_FULL_ERRNOS = {errno.ENOSPC, errno.EFBIG, errno.EDQUOT, errno.EIO}


def write_error(path: str | Path, err: BaseException) -> UserDBError:
    """The :class:`UserDBError` for a failure to open or write the user database at ``path``
    that is not damage (read-only, full, unreachable), or damage when it is."""
    path = Path(path)
    text = str(err).lower()
    code = getattr(err, "errno", None)
    cannot_open = code in (errno.ENOTDIR, errno.EEXIST) or "unable to open" in text
    folder_read_only = cannot_open and path.parent.is_dir() and not os.access(path.parent, os.W_OK)
    if code in _READ_ONLY_ERRNOS or "readonly" in text or "read-only" in text or folder_read_only:
        return UserDBError(f"{path} cannot be written: its folder or disk is read-only; your bookmarks are "
                           "kept but cannot change until it is writable (or set TIPREADER_HOME to another folder)",
                           path, READ_ONLY)
    if code in _FULL_ERRNOS or "full" in text or "disk i/o" in text or "too large" in text:
        return UserDBError(f"{path} cannot be written: the disk is full or failing ({err}); free some space "
                           "and try again: your bookmarks are kept", path, FULL)
    if cannot_open:
        return UserDBError(f"{path} cannot be created: {path.parent} is not a folder that can hold it "
                           "(TIPREADER_HOME or the settings' library may name a file); choose another folder",
                           path, UNREACHABLE)
    return UserDBError(f"{path}: {err}", path, DAMAGED)


def check_user_db(path: str | Path) -> str | None:
    """Why the database at ``path`` cannot be used, in one line; None when it can.

    A missing or empty file is fine (a fresh database). The check reads only: the
    file's first bytes, then SQLite's ``quick_check`` through a read-only connection.
    """
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(_MAGIC))
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        return f"{path} is a folder, not a database"
    except OSError as err:
        return f"{path} cannot be read: {err.strerror or err}"
    if not head:
        return None
    if head != _MAGIC:
        return f"{path} is not an SQLite database (damaged or replaced)"
    from .store import connect_read_only  # a WAL file on a read-only disk needs it: not damage

    try:
        con = connect_read_only(path)
    except sqlite3.Error as err:
        return f"{path} cannot be opened: {err}"
    try:
        rows = con.execute("PRAGMA quick_check").fetchall()
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as err:
        if "locked" in str(err) or "busy" in str(err):
            return None  # another tipreader is writing: busy is not damage
        return f"{path} is damaged: {err}"
    finally:
        con.close()
    if rows and rows[0][0] != "ok":
        return f"{path} is damaged: {rows[0][0]}"
    return None


def connect_user_db(path: str | Path, **connect_args) -> sqlite3.Connection:
    """Check the user database at ``path``, then connect to it (creating its folder).

    Raises :class:`UserDBError` when the file is damaged or cannot be opened; the
    file is left exactly as it was. ``connect_args`` go to :func:`sqlite3.connect`.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise write_error(path, err) from err
    problem = check_user_db(path)
    if problem:
        raise UserDBError(problem, path)
    try:
        return sqlite3.connect(path, check_same_thread=False, timeout=30, **connect_args)
    except sqlite3.Error as err:
        raise write_error(path, err) from err


class UserTable:
    """Tables of the user database on a connection of their own (autocommit: each statement is its
    own transaction), guarded by a lock so threads may share it; closed by :meth:`close` or a
    ``with`` block. The stores (bookmarks, codes, the team's items) build on it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self.con = connect_user_db(path, isolation_level=None)

    def close(self) -> None:
        """Close the connection (every change is already committed)."""
        with self._lock:
            self.con.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def make_durable(con: sqlite3.Connection) -> None:
    """Set up a connection to the user database for durable writes: WAL (retried while another
    process holds the file), ``synchronous=FULL`` and a 30 s busy timeout. Raises
    :class:`sqlite3.OperationalError` when the file cannot be written (read-only, full)."""
    for attempt in range(50):  # switching to WAL needs a moment alone with the file
        try:
            if con.execute("PRAGMA journal_mode=WAL").fetchone()[0].lower() == "wal":
                break
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) and "busy" not in str(err):
                raise  # read-only, full disk: waiting will not help
        time.sleep(0.05 * (attempt + 1))
    con.execute("PRAGMA synchronous=FULL")
    con.execute("PRAGMA busy_timeout=30000")


def _free_name(path: Path, stamp: str) -> Path:
    candidate = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 2
    while any(Path(f"{candidate}{suffix}").exists() for suffix in ("", *_COMPANIONS)):
        candidate = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
        n += 1
    return candidate


def _move_no_clobber(src: Path, dst: Path) -> None:
    """Rename ``src`` to ``dst``, refusing to replace an existing ``dst``."""
    try:
        os.link(src, dst)  # fails when dst exists: never clobbers
    except FileExistsError:
        raise
    except OSError:  # a filesystem without hard links
        if dst.exists():
            raise FileExistsError(str(dst)) from None
        os.rename(src, dst)
        return
    os.unlink(src)


def start_fresh_beside(path: str | Path) -> Path:
    """Move the damaged database (and its companions) aside; return where it now is.

    The old file keeps all its bytes under ``<name>.damaged-YYYYMMDD-HHMMSS``; the next
    open of ``path`` creates a fresh, empty database. Raises :class:`UserDBError` when
    the move is not possible (the file is left where it was).
    """
    path = Path(path)
    if not path.exists():
        raise UserDBError(f"{path} does not exist: nothing to move", path)
    target = _free_name(path, time.strftime("%Y%m%d-%H%M%S"))
    try:
        _move_no_clobber(path, target)
        for suffix in _COMPANIONS:
            companion = Path(f"{path}{suffix}")
            if companion.exists():
                _move_no_clobber(companion, Path(f"{target}{suffix}"))
    except OSError as err:
        raise UserDBError(f"could not move {path} aside: {err.strerror or err}", path) from err
    return target

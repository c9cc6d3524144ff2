"""A damaged library says so, in one line, with the command that repairs it.

The library folder is rebuildable (README: "where your data lives"), and users copy it,
so its files get truncated, half-copied or deleted. :class:`LibraryDamaged` is what
every library call raises then, instead of an engine error, a Rust panic or, worse, a
silently empty library:

- the search index (``index/``) unreadable: ``tipreader library rebuild`` re-indexes the
  stored cables whatever state the old index is in;
- the database (``library.sqlite3``) not a database: it is named, to be moved aside;
- the database empty or missing while the index still holds cables (the stored cables
  are gone): never taken for a new library, never seeded with the samples.
"""

from __future__ import annotations

from pathlib import Path

REBUILD = "`tipreader library rebuild` builds it again from the stored cables (your bookmarks are kept)"


class LibraryDamaged(Exception):
    """The library cannot be used as it is; ``str(err)`` is one line naming the file and the repair."""

    def __str__(self) -> str:
        return " ".join(str(self.args[0]).split()) if self.args else "the library is damaged"


class LibraryReadOnly(LibraryDamaged):
    """The library is read-only (a read-only disk or folder): it is searched and read as it is,
    and this is raised by what would write to it (an import, a rebuild). Not damage: a subclass
    only so that every place that reports a library problem in one line reports this one too."""


def read_only(folder: Path, doing: str = "that") -> LibraryReadOnly:
    """The error for writing to a read-only library (``doing``: "an import", "a rebuild"...)."""
    return LibraryReadOnly(f"the library in {folder} is read-only: it can be searched and read, but {doing} "
                           "would write to it; make the folder writable, or import into another library "
                           "(TIPREADER_HOME, or library = in the settings)")


def read_only_note(folder: Path) -> str:
    """What the app and ``library stats`` say about a read-only library (one line)."""
    return f"the library in {folder} is read-only: it is searched and read as it is; nothing is written to it"


def is_engine_panic(err: BaseException) -> bool:
    """True for a panic raised by the search engine (pyo3's ``PanicException``, a BaseException)."""
    return type(err).__name__ == "PanicException"


def _cause(err: BaseException) -> str:
    text = " ".join(str(err).split())
    return text if len(text) <= 160 else text[:157] + "..."


def index_damaged(path: Path, err: BaseException) -> LibraryDamaged:
    """The error for an index that cannot be opened or read."""
    return LibraryDamaged(f"the search index {path} is damaged ({_cause(err)}): {REBUILD}")


def _restore_hint(library: Path) -> str:
    """How a library whose cables were lost gets them back from the files it was imported from."""
    from . import sources

    present, gone = sources.restorable(library)
    if not present:
        return "import your cable files again"
    return (f"`tipreader library rebuild` imports again the {len(present):,} files they came from that are still "
            f"where they were" + (f" ({len(gone):,} others are gone)" if gone else ""))


def database_damaged(path: Path, err: BaseException) -> LibraryDamaged:
    """The error for a library database SQLite cannot read."""
    return LibraryDamaged(
        f"the library database {path} is damaged ({_cause(err)}): move it aside (mv {path} {path}.damaged), "
        f"then {_restore_hint(path.parent)}; your bookmarks are kept apart in user.sqlite3")


def cannot_open(db_path: Path, err: BaseException) -> LibraryDamaged:
    """The error for a library that cannot be opened: a read-only folder, a home that is a file,
    or (only when neither) a damaged database. A healthy library is never called damaged."""
    import errno
    import os

    folder = db_path.parent
    text = str(err).lower()
    code = getattr(err, "errno", None)
    blocked = next((p for p in (folder, *folder.parents) if p.exists() and not p.is_dir()), None)
    if blocked is not None or code in (errno.ENOTDIR, errno.EEXIST):
        return LibraryDamaged(f"the library cannot be made in {folder}: {blocked or folder} is a file, not a folder; "
                              "choose another folder (TIPREADER_HOME, or library = in the settings)")
    read_only = code in (errno.EROFS, errno.EACCES, errno.EPERM) or "readonly" in text or "read-only" in text
    if read_only or (folder.is_dir() and not os.access(folder, os.W_OK)):
        return LibraryDamaged(f"the library folder {folder} is read-only ({_cause(err)}): tipreader writes its index "
                              "and database there; make it writable, or choose another folder (TIPREADER_HOME)")
    if code in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT, errno.EIO) or "disk i/o" in text or "full" in text:
        return LibraryDamaged(f"the library in {folder} cannot be written: the disk is full or failing "
                              f"({_cause(err)}); free some space and try again")
    return database_damaged(db_path, err)


def database_lost(path: Path, indexed: int) -> LibraryDamaged:
    """The error for a database that is empty or gone while the index still holds ``indexed`` cables."""
    hint = _restore_hint(path.parent)
    if hint.startswith("import"):  # no list of the files (a library imported before it was kept), or all gone
        hint = ("Restore it from a backup; or import your cable files again after `tipreader library rebuild`, "
                "which empties the index to match")
    else:
        hint += "; or restore the file from a backup"
    return LibraryDamaged(
        f"the library database {path} has no cables but the search index holds {indexed:,}: the stored cables "
        f"were lost (the file was emptied or deleted). {hint}")

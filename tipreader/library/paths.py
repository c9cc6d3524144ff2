"""Where the library and the user's data live on disk.

Everything sits under one data directory: platformdirs' user data dir for
``tipreader``, or ``$TIPREADER_HOME`` when it is set (tests always set it).
The library (rebuildable) and the user's own data (never rebuilt) are kept in
separate files so a rebuild or a re-import can never touch the latter::

    <home>/library/library.sqlite3   originals, parsed metadata, import records
    <home>/library/index/            the full-text index
    <home>/user.sqlite3              reading positions, history, bookmarks
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

import tipreader


def data_dir() -> Path:
    """The data directory: ``$TIPREADER_HOME``, else the settings file's ``library``, else
    the platform's user data dir."""
    home = os.environ.get("TIPREADER_HOME")
    if home:
        return Path(home).expanduser()
    from tipreader.config import load_config  # plain Python: reads one small TOML file

    configured = load_config().library_path
    if configured is not None:
        return configured
    return Path(platformdirs.user_data_dir("tipreader", appauthor=False))


def display_path(path: str | os.PathLike[str]) -> str:
    """A file name as text that can be stored, printed and compared: the bytes of a name that
    are not UTF-8 (``caf\\xe9.txt`` from a Latin-1 system, which Python holds as surrogate
    escapes) are written ``\\xe9``. Open the file with its real name, never with this one."""
    text = os.fspath(path)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def library_dir(home: Path | None = None) -> Path:
    """The library's folder (database and index): all of it rebuildable."""
    return (home or data_dir()) / "library"


def is_read_only(library: Path) -> bool:
    """True when the library at ``library`` exists but may not be written (a read-only disk, or a
    folder, database or index the user may not write): it is then opened read-only."""
    parts = [library / "library.sqlite3", library, library / "index"]
    if not parts[0].is_file():
        return False
    return not all(os.access(p, os.W_OK) for p in parts if p.exists())


def user_db_path(home: Path | None = None) -> Path:
    """The user's own database, kept apart from the library."""
    return (home or data_dir()) / "user.sqlite3"


def sample_cables_dir() -> Path | None:
    """The bundled sample cables: ``sample_cables/`` in a source tree, ``_sample_cables`` in a wheel."""
    package = Path(tipreader.__file__).resolve().parent
    for candidate in (package / "_sample_cables", package.parent / "sample_cables"):
        if candidate.is_dir():
            return candidate
    return None

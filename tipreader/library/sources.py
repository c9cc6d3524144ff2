"""Where the library's cables came from, kept apart from its database: ``sources.jsonl``.

The database holds each imported file's path, but a database that is lost (emptied,
deleted, damaged) takes them with it, and the library could then only say "import your
files again" (issue 17, item 15). So every import also appends, after each commit, one
JSON line per file it took cables from::

    {"path": "/home/ana/cables/08MEXICO721.txt", "sha256": "...", "size": 41234}

The path is the real one (a name that is not UTF-8 is kept as its surrogate escapes, which
JSON writes as ``\\udcXX`` and which open the file again). A line cut short by a kill is
skipped; a file imported twice is listed twice and read once. ``tipreader library
rebuild`` of a library whose database has no cables imports again the listed files still
where they were (:func:`restorable`), and names the others.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path

NAME = "sources.jsonl"
_log = logging.getLogger(__name__)


def manifest(library: Path) -> Path:
    """The list of imported files of the library folder ``library``."""
    return library / NAME


def record(library: Path, files: Iterable[tuple[str, str, int]]) -> None:
    """Append (real path, sha256, size) of files whose cables were just committed. A list
    that cannot be written (a full disk) costs only the restore it would allow: logged."""
    lines = "".join(json.dumps({"path": p, "sha256": sha, "size": size}) + "\n" for p, sha, size in files)
    if not lines:
        return
    try:
        fd = os.open(manifest(library), os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o644)
        try:
            size = os.fstat(fd).st_size
            if size and os.pread(fd, 1, size - 1) != b"\n":
                lines = "\n" + lines  # the last line was cut short by a kill: this one starts afresh
            os.write(fd, lines.encode("ascii"))
        finally:
            os.close(fd)
    except OSError:
        _log.warning("the list of imported files %s could not be written", manifest(library), exc_info=True)


def read(library: Path) -> list[str]:
    """The paths the list holds, each once, in the order first imported ([] without a list)."""
    try:
        text = manifest(library).read_text("ascii", errors="replace")
    except OSError:
        return []
    seen: dict[str, None] = {}
    for line in text.splitlines():
        try:
            path = json.loads(line)["path"]
        except (ValueError, KeyError, TypeError):
            continue  # a line cut short by a kill, or garbage
        if isinstance(path, str) and path:
            seen.setdefault(path, None)
    return list(seen)


def restorable(library: Path) -> tuple[list[str], list[str]]:
    """(paths still there as regular files, paths gone) of the files the library was imported from."""
    present: list[str] = []
    gone: list[str] = []
    for path in read(library):
        (present if os.path.isfile(path) else gone).append(path)
    return present, gone


def forget(library: Path) -> None:
    """Start the list again (a new library: nothing it lists is in it)."""
    try:
        manifest(library).unlink(missing_ok=True)
    except OSError:
        _log.warning("the list of imported files %s could not be reset", manifest(library), exc_info=True)


def list_imported(library: Path, con: sqlite3.Connection) -> None:
    """List the files a library imported before this list was kept (from its ``files`` table)."""
    try:
        rows = con.execute("SELECT path, sha256, size FROM files WHERE cables > 0").fetchall()
    except sqlite3.Error:  # a library of another version: its rebuild or next import lists them
        return
    record(library, rows)

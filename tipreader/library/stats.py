"""Library statistics: what `tipreader library stats` prints."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .store import version_notes


@dataclass(frozen=True, slots=True)
class LibraryStats:
    """Counts and sizes of the library."""

    cables: int
    files: int
    bytes: int  # text of the stored cables (header + body)
    originals_bytes: int  # stored originals, compressed
    database_bytes: int
    index_bytes: int
    date_first: str | None
    date_last: str | None
    older_texts: int
    partial: int
    top_origins: list[tuple[str, int]] = field(default_factory=list)
    top_tags: list[tuple[str, int]] = field(default_factory=list)
    classifications: list[tuple[str, int]] = field(default_factory=list)
    path: str = ""
    entities_pending: int = 0  # cables searchable but without their entity fields yet
    rebuild_needed: str | None = None  # why the library must be rebuilt (written by another version), or None
    rebuild_suggested: str | None = None  # why a rebuild would help (cables from another parser version), or None
    reextract_suggested: str | None = None  # names from another entity extractor version ("names: re-extract ..."), or None
    read_only: bool = False  # a read-only disk or folder: searched and read, nothing written

    def to_dict(self) -> dict:
        """JSON-ready form."""
        return asdict(self)


def _dir_size(path: Path) -> int:
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            try:
                total += (Path(root) / name).stat().st_size
            except OSError:
                pass
    return total


def collect_stats(con: sqlite3.Connection, root: Path, top: int = 10, read_only: bool = False) -> LibraryStats:
    """Gather :class:`LibraryStats` from the library database at ``root``."""
    cables, size, first, last, partial = con.execute(
        "SELECT COUNT(*), COALESCE(SUM(size),0), MIN(NULLIF(date,'')), MAX(NULLIF(date,'')), COALESCE(SUM(partial),0) FROM cables"
    ).fetchone()
    files = con.execute("SELECT COUNT(*) FROM files").fetchone()[0]
    originals = con.execute("SELECT COALESCE(SUM(LENGTH(data)),0) FROM originals").fetchone()[0]
    older = con.execute("SELECT COUNT(*) FROM older_texts").fetchone()[0]
    origins = [(r[0], r[1]) for r in con.execute(
        "SELECT origin, COUNT(*) n FROM cables WHERE origin IS NOT NULL GROUP BY origin ORDER BY n DESC, origin LIMIT ?", (top,))]
    tags = [(r[0], r[1]) for r in con.execute(
        "SELECT tag, COUNT(*) n FROM cable_tags GROUP BY tag ORDER BY n DESC, tag LIMIT ?", (top,))]
    classes = [(r[0], r[1]) for r in con.execute(
        "SELECT classification, COUNT(*) n FROM cables WHERE classification IS NOT NULL GROUP BY classification ORDER BY n DESC")]
    needed, suggested, reextract = version_notes(con)
    db_bytes = sum(p.stat().st_size for p in root.glob("library.sqlite3*") if p.is_file())
    return LibraryStats(
        cables=cables, files=files, bytes=size, originals_bytes=originals, database_bytes=db_bytes,
        index_bytes=_dir_size(root / "index"), date_first=first, date_last=last, older_texts=older,
        partial=partial, top_origins=origins, top_tags=tags, classifications=classes, path=str(root),
        entities_pending=con.execute("SELECT COUNT(*) FROM entity_pending").fetchone()[0],
        rebuild_needed=needed, rebuild_suggested=suggested, read_only=read_only,
        reextract_suggested=reextract,
    )

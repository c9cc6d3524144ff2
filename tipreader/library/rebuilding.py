"""``library rebuild``: every stored original parsed again into a fresh index, swapped in whole.

The fresh index is built beside the live one (``index.rebuild``) under the library's write
lock; only when complete is the live one moved aside (``index.old``, whatever state it was
in: a damaged index is replaced too) and the fresh one renamed into its place. A kill between
the two renames leaves ``index.old`` alone, which :func:`recover_swap` puts back at the next
open. A library whose stored cables were lost imports again the files it listed
(:mod:`.sources`), naming each one that is gone.
"""

from __future__ import annotations

import shutil
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from . import damage, importer, paths, sources
from .importer import ErrorFn, ImportReport, ProgressFn
from .index import open_index

if TYPE_CHECKING:
    from .library import Library


def rebuild(lib: Library, *, progress: ProgressFn | None = None, on_error: ErrorFn | None = None,
            cancel: threading.Event | None = None, workers: int | None = None, entities: bool = True) -> ImportReport:
    """Rebuild ``lib`` (see the module docstring), then (unless ``entities`` is False) run the entity pass."""
    if lib.read_only:
        raise damage.read_only(lib.root, "a rebuild")
    restore = lib.is_empty()  # the stored cables were lost: import again the files they came from
    with lib._write_lock:
        fresh_path = lib.root / "index.rebuild"
        if fresh_path.exists():
            shutil.rmtree(fresh_path)
        with lib._writing(open_index(fresh_path)) as (writer, wcon):
            report = importer.run_rebuild(wcon, writer, lib.db_path, progress=progress, on_error=on_error,
                                          cancel=cancel, workers=workers)
        if report.progress.cancelled:
            shutil.rmtree(fresh_path, ignore_errors=True)
            return report
        old = lib.root / "index.old"
        if old.exists():
            shutil.rmtree(old)
        if lib.index_path.exists() or lib.index_path.is_symlink():
            lib.index_path.rename(old)  # whatever state it was in
        fresh_path.rename(lib.index_path)
        shutil.rmtree(old, ignore_errors=True)
        lib._swapped_in()
    if restore:
        return _restore(lib, report, progress=progress, on_error=on_error, cancel=cancel, workers=workers,
                        entities=entities)
    if entities:
        report = lib.index_entities(report=report, progress=progress, on_error=on_error, cancel=cancel,
                                    workers=workers)
    return report


def _restore(lib: Library, report: ImportReport, *, progress: ProgressFn | None, on_error: ErrorFn | None,
             cancel: threading.Event | None, workers: int | None, entities: bool) -> ImportReport:
    """Import again the files the library listed (:mod:`.sources`) that are still where they were;
    each one gone is named (a failure: its cables are not back)."""
    present, gone = sources.restorable(lib.root)
    if present:
        report = lib.import_paths(present, progress=progress, on_error=on_error, cancel=cancel,
                                  workers=workers, entities=entities)
    for path in gone:
        reason = "imported before, no longer there: its cables are not restored"
        report.errors.append((paths.display_path(path), reason))
        report.progress.failed += 1
        if on_error is not None:
            on_error(paths.display_path(path), reason)
    return report


def recover_swap(root: Path, index_path: Path) -> None:
    """Put back the index a killed rebuild moved aside (``index.old`` without a live index); else
    remove what a finished one left."""
    old = root / "index.old"
    if not index_path.exists() and old.exists():
        old.rename(index_path)
    elif old.exists():
        shutil.rmtree(old, ignore_errors=True)

"""Import: files, folders, globs (:mod:`.walk`) → parse workers (:mod:`.pipeline`) → one batch writer.

:func:`run_import` is what the CLI and the app call. Parsing runs in worker
processes (two on this machine); the calling thread is the only writer.
Two texts of one cable (another WikiLeaks release, a garbled copy) make one cable: the
newer release, else the cleaner text (:mod:`.cleanliness`), the other kept aside. It
commits the index, then the database, every ``batch`` cables, so a Ctrl-C or a
kill leaves what was committed and nothing half-written; files are recorded
only once all their cables are committed, so the next import picks up where
this one stopped (cables already stored are recognised and left alone).

:func:`run_entities` is the second pass: finding a cable's entities costs more
than parsing it, so an import stores and indexes the cables first (searchable at
once) and then stores each new cable's entities and its searchable names
(``person:``, ``org:`` ...: :mod:`entity_search`), without touching its index document. That pass is resumable the same way: the cables still waiting are
listed in the database (``entity_pending``) until their document is committed.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import aliases, cleanliness, codec, entity_search, legacy, pipeline, sources, store, walk
from .index import IndexWriter
from .paths import display_path



@dataclass(slots=True)
class ImportProgress:
    """Where an import stands; passed to the progress callback (a fresh snapshot each call)."""

    files_total: int = 0
    files_done: int = 0
    files_skipped: int = 0
    bytes_total: int = 0
    bytes_done: int = 0
    cables_imported: int = 0  # new or newer texts stored
    cables_unchanged: int = 0  # already in the library with the same text
    older_texts: int = 0  # texts kept aside: an older release or a less clean copy of a stored cable
    texts_replaced: int = 0  # of cables_imported, those that replaced the text of a cable stored before
    failed: int = 0  # bad files and bad cables
    cables_read: int = 0  # cables parsed so far (some not yet committed)
    elapsed: float = 0.0
    current: str = ""
    finished: bool = False
    cancelled: bool = False
    phase: str = "import"  # "import" (or "rebuild"), then "entities"
    entities_total: int = 0  # cables waiting for their entity fields when that pass began
    entities_done: int = 0
    searchable_after: float = 0.0  # seconds from the start until the cables were committed and searchable

    @property
    def cables_done(self) -> int:
        """Cables handled so far, whatever became of them."""
        return self.cables_imported + self.cables_unchanged + self.older_texts


@dataclass(slots=True)
class ImportReport:
    """The outcome of an import: the final progress and one (source, reason) per failure."""

    progress: ImportProgress
    errors: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing failed."""
        return self.progress.failed == 0


ProgressFn = Callable[[ImportProgress], None]
ErrorFn = Callable[[str, str], None]


class _Run:
    """One import or rebuild: the writer side of the pipeline."""

    def __init__(self, con, index_writer: IndexWriter, progress: ProgressFn | None, on_error: ErrorFn | None,
                 batch: int, rebuild: bool = False, state: ImportProgress | None = None,
                 errors: list[tuple[str, str]] | None = None, orphans: bool | None = None) -> None:
        self.writer = store.Writer(con)
        self.index = index_writer
        self.progress_fn = progress
        self.on_error = on_error
        self.batch = batch
        self.rebuild = rebuild
        self.state = state or ImportProgress()
        self.errors: list[tuple[str, str]] = errors if errors is not None else []
        self.rows: list[dict] = []
        self.entity_docs: list[tuple] = []
        self.file_recs: list[tuple] = []
        self.seen_ids: set[str] = set()
        # the cables this import stored, with their cleanliness: a second text of one is not a new cable,
        # and its stored text may not be readable before its file's record is written
        self.stored_here: dict[str, tuple[tuple[int, ...], str]] = {}  # ref_id -> (cleanliness, text_hash)
        self.file_bytes: dict[str, int] = {}
        self.files_seen: set[str] = set()
        # an import lists its files apart from the database (sources.jsonl: a lost database's restore)
        self.library_dir: Path | None = None
        self.real_paths: dict[str, str] = {}  # display name -> the real name to open again
        self.listed: set[str] = set()  # the real names the list already holds (each listed once)
        # documents the database does not know (a kill fell between the index's commit and the
        # database's): then every add replaces by ref_id; otherwise a cable new to the database
        # is new to the index too and needs no delete
        if orphans is None:
            stored = con.execute("SELECT COUNT(*) FROM cables").fetchone()[0]
            orphans = rebuild or index_writer.doc_count() != stored
        self.orphans = orphans
        self.start = time.monotonic() - self.state.elapsed  # a second pass goes on from the first one's clock
        self.last_report = 0.0
        self.last_commit = time.monotonic()

    def report(self, force: bool = False) -> None:
        now = time.monotonic()
        self.state.elapsed = now - self.start
        if self.progress_fn and (force or now - self.last_report >= 0.1):
            self.last_report = now
            snap = ImportProgress(**{k: getattr(self.state, k) for k in ImportProgress.__slots__})
            self.progress_fn(snap)

    def handle(self, msg: tuple) -> None:
        kind = msg[0]
        if kind == "cables":
            self.rows.extend(msg[1])
            self.state.cables_read += len(msg[1])
            path = msg[1][-1]["source"]
            self.state.current = path
            self.state.bytes_done += msg[2]
            self.file_bytes[path.rsplit(":", 1)[0]] = self.file_bytes.get(path.rsplit(":", 1)[0], 0) + msg[2]
        elif kind == "error":
            self.state.failed += 1
            self.errors.append((msg[1], msg[2]))
            if self.on_error:
                self.on_error(msg[1], msg[2])
        elif kind == "file":
            self.files_seen.add(msg[1])
            self.file_recs.append(msg[1:])
            path, size = msg[1], msg[2]
            self.state.files_done += 1
            self.state.files_skipped += bool(msg[8])
            self.state.bytes_done += max(0, size - self.file_bytes.pop(path, 0))
        elif kind == "entity-docs":
            self.entity_docs.extend(msg[1])
            self.state.bytes_done += msg[2]
            self.state.entities_done += len(msg[1])  # committed by the next flush (always run, even on cancel)
        elif kind == "task-done" and self.rebuild:
            self.state.files_done += 1
        pending = len(self.rows) + len(self.entity_docs)
        if pending >= self.batch or (pending or self.file_recs) and time.monotonic() - self.last_commit > 5:
            self.flush()
        self.report()

    def flush(self) -> None:
        w = self.writer
        for row in self.rows:
            ref = row["ref_id"]
            if self.rebuild:
                self.seen_ids.add(ref)
            old = w.existing(ref)
            fresh = old is None and not self.orphans
            if old is None:
                w.put_cable(row, replace_older=False)
            elif old[0] == row["text_hash"] or self.rebuild and old[2] == row["file_sha"]:
                # same text; or, in a rebuild, the same stored original read by today's parser
                if not self.rebuild:
                    self.state.cables_unchanged += 1
                    continue
                w.put_cable(row, replace_older=False)
            elif not self.rebuild and w.known_older(ref, row["text_hash"]):
                self.state.cables_unchanged += 1
                continue
            elif self._keeps_stored(row, old):
                w.put_older(row)
                self.state.older_texts += not self.rebuild
                continue
            else:
                w.put_cable(row, replace_older=True)
                entity_search.delete(w.con, ref)  # the older text's names: its entity pass comes
                self.state.older_texts += not self.rebuild
                if ref in self.stored_here:  # this import stored the text it replaces: one cable
                    self.stored_here[ref] = (row["clean"], row["text_hash"])
                    self.index.upsert(row["doc"])
                    self._write_entities(row)
                    continue
                self.state.texts_replaced += not self.rebuild
            if not self.rebuild:
                self.stored_here[ref] = (row["clean"], row["text_hash"])
            self.index.upsert(row["doc"], replace=not fresh)
            self.state.cables_imported += 1
            self._write_entities(row)
        for path, size, mtime_ns, sha, ok, errors, original, _unchanged in self.file_recs:
            if sha is not None:
                w.put_file(path, size, mtime_ns, sha, ok, errors, original)
        for ref, text_hash, values, blob, names in self.entity_docs:
            if w.entities_done(ref, text_hash, blob) and values is not None:
                entity_search.write(w.con, ref, values)  # the index document is left as it is
                entity_search.learn(w.con, names)
        # the index first: a kill between the two commits leaves index documents the
        # database does not know (dropped from hits, replaced by the next import's upserts)
        self.index.commit()
        w.commit()
        if self.library_dir is not None:
            self._list_files(self.library_dir)
        self.rows, self.file_recs, self.entity_docs = [], [], []
        self.last_commit = time.monotonic()

    def _keeps_stored(self, row: dict, old: tuple) -> bool:
        """Whether the stored text of ``row``'s cable stays (``row`` is kept aside) rather than
        ``row`` replacing it: the newer WikiLeaks release wins; within one release (or when a
        date is unknown) the cleaner text (:mod:`.cleanliness`; on a tie, the greater text hash, so
        the order of import never matters); a file read again (same source) replaces its text."""
        if row["released"] and old[1] and row["released"] != old[1]:
            return row["released"] < old[1]
        stored = self.stored_here.get(row["ref_id"])
        if stored is None:
            try:
                found = store.read_cable(self.writer.con, row["ref_id"], entities=False)
            except codec.StoredDataError:
                return False  # the stored text cannot be read: the new one replaces it
            if found is None or found[0].source == row["source"]:
                return False
            stored = (tuple(cleanliness.measure(found[0])), old[0])
        return (tuple(row["clean"]), row["text_hash"]) < (tuple(stored[0]), stored[1])

    def _write_entities(self, row: dict) -> None:
        """Store the entities a parse worker found with the cable (``entities`` of :func:`run_import`)."""
        if row.get("entity_doc") is not None:
            values, blob, names = row["entity_doc"]
            self.writer.entities_done(row["ref_id"], row["text_hash"], blob)
            entity_search.write(self.writer.con, row["ref_id"], values)
            entity_search.learn(self.writer.con, names)

    def _list_files(self, library: Path) -> None:
        """Add to the library's list of sources the files just committed with cables (each once)."""
        new = []
        for path, size, _mtime, sha, cables, _errors, _original, unchanged, *_ in self.file_recs:
            real = self.real_paths.get(path, path)
            if sha is not None and (cables or unchanged) and real not in self.listed:
                self.listed.add(real)
                new.append((real, sha, size))
        sources.record(library, new)


def run_import(con, index_writer: IndexWriter, db_path: Path, paths: Iterable[str | os.PathLike[str]], *,
               progress: ProgressFn | None = None, on_error: ErrorFn | None = None,
               cancel: threading.Event | None = None, workers: int | None = None, batch: int = 2000,
               entities: bool = False) -> ImportReport:
    """Import ``paths`` into the library (see the module docstring). Never raises for bad input.
    ``entities``: find the new cables' entities in the parse workers, in the same pass (the
    entity pass then has nothing left to do but the cables an earlier import left waiting)."""
    run = _Run(con, index_writer, progress, on_error, batch)
    store.note_parser_if_empty(con)
    files, missing = walk.expand_paths(paths)
    run.library_dir = Path(db_path).parent
    run.real_paths = {display_path(f): str(f) for f in files}
    run.listed = set(sources.read(run.library_dir))
    for path, reason in missing:
        run.handle(("error", path, reason))
    tasks: list[tuple] = []
    for f in files:
        try:
            st = f.stat()
        except OSError as err:
            run.handle(("error", display_path(f), f"cannot read: {err.strerror or err}"))
            continue
        run.state.files_total += 1
        run.state.bytes_total += st.st_size
        rec = store.file_record(con, display_path(f))
        if rec is not None and rec[0] == st.st_size and rec[1] == st.st_mtime_ns and not rec[3]:
            run.state.files_done += 1
            run.state.files_skipped += 1
            run.state.bytes_done += st.st_size
            continue
        tasks.append(("file", str(f), st.st_size, st.st_mtime_ns, rec[2] if rec and not rec[3] else None))
    # big files first so the two workers finish together
    tasks.sort(key=lambda t: -t[2])
    run.report(force=True)
    completed = False
    try:
        learned = (lambda: entity_search.learned_book(run.writer.con, str(db_path))) if entities else None
        completed = pipeline.pump(run, tasks, cancel, workers or min(2, os.cpu_count() or 1), str(db_path), learned)
    finally:
        run.flush()
        run.state.finished = True
        run.state.cancelled = not completed
        if completed:
            run.state.bytes_done = max(run.state.bytes_done, run.state.bytes_total)
        run.report(force=True)
    return ImportReport(run.state, run.errors)


def run_rebuild(con, index_writer: IndexWriter, db_path: Path, *, progress: ProgressFn | None = None,
                on_error: ErrorFn | None = None, cancel: threading.Event | None = None,
                workers: int | None = None, batch: int = 2000) -> ImportReport:
    """Re-parse every stored original (and stored raw text of cables without one) into ``index_writer``."""
    run = _Run(con, index_writer, progress, on_error, batch, rebuild=True)
    if legacy.is_legacy(con):
        legacy.prepare_rebuild(con)
    originals = [r[0] for r in con.execute("SELECT sha256 FROM originals")]
    orphans = [r[0] for r in con.execute(
        "SELECT ref_id FROM cables WHERE file_sha IS NULL OR file_sha NOT IN (SELECT sha256 FROM originals)")]
    old_rows = legacy.legacy_without_original(con)
    tasks: list[tuple] = [("original", sha) for sha in originals]
    tasks += [("raw", orphans[i:i + 200]) for i in range(0, len(orphans), 200)]
    tasks += [("raw-v1", old_rows[i:i + 200]) for i in range(0, len(old_rows), 200)]
    run.state.files_total = len(tasks)
    run.state.bytes_total = con.execute("SELECT COALESCE(SUM(size),0) FROM cables").fetchone()[0]
    completed = False
    try:
        completed = pipeline.pump(run, tasks, cancel, workers or min(2, os.cpu_count() or 1), str(db_path))
    finally:
        run.flush()
        if completed:
            # cables whose stored original no longer yields them (the parser now reads another id)
            stale = [r[0] for r in con.execute(
                "SELECT ref_id FROM cables WHERE file_sha IN (SELECT sha256 FROM originals)") if r[0] not in run.seen_ids]
            for ref in stale:
                for table in ("cables", "cable_tags", "refs", "entity_pending", "cable_entities"):
                    con.execute(f"DELETE FROM {table} WHERE ref_id=?", (ref,))
                entity_search.delete(con, ref)
                aliases.delete(con, ref)
            con.commit()
            store.mark_current(con)
            legacy.finish_rebuild(con)
        run.state.finished = True
        run.state.cancelled = not completed
        run.report(force=True)
    return ImportReport(run.state, run.errors)


ENTITY_TASK = 100  # cables per entity-pass task


def run_entities(con, index_writer: IndexWriter, db_path: Path, *, report: ImportReport | None = None,
                 progress: ProgressFn | None = None, on_error: ErrorFn | None = None,
                 cancel: threading.Event | None = None, workers: int | None = None,
                 batch: int = 2000) -> ImportReport:
    """The entity pass (see the module docstring) over every cable still waiting for it.

    ``report``, the import's (or rebuild's) report, goes on in the same progress and
    clock: ``phase`` becomes ``"entities"``, ``bytes_*`` then count the text of the
    cables in this pass, ``entities_total``/``entities_done`` the cables.
    """
    state = report.progress if report is not None else ImportProgress(finished=False)
    state.searchable_after = state.elapsed
    state.finished = False
    # orphans given: this pass adds no new cables (its documents replace the import's), no count needed
    run = _Run(con, index_writer, progress, on_error, batch, state=state,
               errors=report.errors if report is not None else None, orphans=True)
    pending = con.execute(
        "SELECT p.ref_id, COALESCE(c.size, 0) FROM entity_pending p LEFT JOIN cables c ON c.ref_id=p.ref_id "
        "ORDER BY p.ref_id").fetchall()
    ids = [r[0] for r in pending]
    state.phase = "entities"
    state.entities_total, state.entities_done = len(ids), 0
    state.bytes_total, state.bytes_done = sum(r[1] for r in pending), 0
    tasks: list[tuple] = [("entities", ids[i:i + ENTITY_TASK]) for i in range(0, len(ids), ENTITY_TASK)]
    run.report(force=True)
    completed = False
    try:
        completed = pipeline.pump(run, tasks, cancel, workers or min(2, os.cpu_count() or 1), str(db_path)) if tasks else True
    finally:
        run.flush()
        state.finished = True
        state.cancelled = state.cancelled or not completed
        run.report(force=True)
    return ImportReport(state, run.errors)

"""The :class:`Library`: one object the app and the CLI use for everything stored.

    lib = Library.open()            # $TIPREADER_HOME or the user data dir
    lib.ensure_seeded()             # an empty library gets the bundled sample cables
    hits = lib.search("trafficked origin:mexico", limit=20)
    cable = lib.get("08MEXICO721")

Thread use: searches and reads may run from any thread; an import or rebuild
runs in one thread at a time (the app's worker) and can be cancelled with an
:class:`threading.Event`.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
import threading
import weakref
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import tantivy

from tipreader.cable import Cable

from . import (aliases, codec, damage, entity_search, importer, listing, paths, rebuilding, search, sources, store,
               submissions)
from .histogram import Histogram, histogram
from .query_facets import query_facets
from .listing import CableSummary
from .index import IndexWriter, open_index, open_read_only
from .importer import ErrorFn, ImportReport, ProgressFn
from .query import QueryError, asks_tag, filters_only
from .search import Hit
from .stats import LibraryStats, collect_stats


class RebuildNeeded(Exception):
    """The library was written by another tipreader version: ``tipreader library rebuild`` (or the
    app's offer) re-parses its originals. ``str(err)`` is one line saying why."""


class Library:
    """The local cable library: stored originals, metadata and the full-text index."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.db_path = root / "library.sqlite3"
        self.index_path = root / "index"
        self._lock = threading.RLock()
        self._write_lock = threading.RLock()  # rebuild holds it across its writing and the index swap
        # a read-only disk or folder: searched and read as it is, nothing written (see open_read_only)
        self.read_only = paths.is_read_only(root)
        # where derived stores (the TIP store) are kept: the library's folder; for a read-only library a
        # private temporary folder (with the engine's lock file), removed when the library closes
        self.work_dir = root
        try:
            if not self.read_only:
                rebuilding.recover_swap(root, self.index_path)
            self.con = store.connect(self.db_path, readonly=self.read_only)
            if self.read_only:
                self.work_dir = Path(tempfile.mkdtemp(prefix="tipreader-read-only-"))
                weakref.finalize(self, shutil.rmtree, self.work_dir, True)
            # another version's layout: a rebuild needed; another parser's cables or extractor's names:
            # readable, a rebuild or a re-extraction only suggested
            self.needs_rebuild, self.rebuild_suggested, self.reextract_suggested = store.version_notes(self.con)
        except (sqlite3.DatabaseError, OSError) as err:
            if isinstance(err, sqlite3.OperationalError) and ("locked" in str(err) or "busy" in str(err)):
                raise
            raise damage.cannot_open(self.db_path, err) from None
        # what is wrong with the library (a damaged index, lost cables), or None: see check()
        self.problem: damage.LibraryDamaged | None = None
        self.index: tantivy.Index | None = None
        try:
            if self.read_only:
                self.index = open_read_only(self.index_path, self.work_dir / "index")
            else:
                self.index = open_index(self.index_path)
            self.index.reload()
            indexed = self.index.searcher().num_docs
        except BaseException as err:  # noqa: BLE001 - ValueError, OSError, or an engine panic
            if not isinstance(err, Exception) and not damage.is_engine_panic(err):
                raise
            self.index, self.problem = None, damage.index_damaged(self.index_path, err)
        else:
            if indexed and self.is_empty():
                self.problem = damage.database_lost(self.db_path, indexed)
            elif not self.read_only and not sources.manifest(root).exists():
                with self._lock:  # a library imported before the list was kept: list its files now
                    sources.list_imported(root, self.con)
        self._facets_cache = listing.FacetsCache()
        self._submissions: tuple[tuple[int, int], set[str]] | None = None

    @classmethod
    def open(cls, home: str | Path | None = None) -> Library:
        """Open (creating if needed) the library under ``home`` (default: :func:`paths.data_dir`)."""
        return cls(paths.library_dir(Path(home) if home else None))

    def check(self) -> None:
        """Raise :class:`~tipreader.library.damage.LibraryDamaged` when the library cannot be used
        as it is (its index damaged, its cables lost); ``library rebuild`` is the repair."""
        if self.problem is not None:
            raise self.problem

    def _live_index(self) -> tantivy.Index:
        self.check()
        assert self.index is not None
        return self.index

    def close(self) -> None:
        """Close the database connection."""
        with self._lock:
            self.con.close()
        if self.work_dir != self.root:
            shutil.rmtree(self.work_dir, ignore_errors=True)

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- import -----------------------------------------------------------------
    @contextmanager
    def _writing(self, index: tantivy.Index | None = None,
                 doing: str = "an import") -> Iterator[tuple[IndexWriter, sqlite3.Connection]]:
        """The one writer (index writer and database connection), under the write lock; closed
        after, and the live index reloaded so searches see what was committed."""
        if self.read_only:
            raise damage.read_only(self.root, doing)
        with self._write_lock:
            writer = IndexWriter(index if index is not None else self._live_index())
            wcon = store.connect(self.db_path)
            try:
                yield writer, wcon
            finally:
                writer.close()
                wcon.close()
                if index is None and self.index is not None:
                    self.index.reload()

    def import_paths(self, paths_: Iterable[str | Path], *, progress: ProgressFn | None = None,
                     on_error: ErrorFn | None = None, cancel: threading.Event | None = None,
                     workers: int | None = None, batch: int = 2000, entities: bool = True,
                     one_pass: bool = False) -> ImportReport:
        """Import files, folders (recursively) and globs. Bad files are reported, never raised.

        The cables are committed and searchable first; then (unless ``entities`` is False
        or the import was cancelled) the entity pass fills the entity fields of every
        cable still waiting for them (the progress' ``phase`` says which pass runs).
        ``one_pass``: the parse workers find each new cable's entities as they parse it, so
        the entity pass only has the cables an earlier import left waiting.
        """
        with self._writing() as (writer, wcon):
            report = importer.run_import(wcon, writer, self.db_path, paths_, progress=progress,
                                         on_error=on_error, cancel=cancel, workers=workers, batch=batch,
                                         entities=entities and one_pass)
            if entities and not report.progress.cancelled:
                self._live_index().reload()
                report = importer.run_entities(wcon, writer, self.db_path, report=report, progress=progress,
                                               on_error=on_error, cancel=cancel, workers=workers, batch=batch)
        self._note_names()
        return report

    def index_entities(self, *, report: ImportReport | None = None, progress: ProgressFn | None = None,
                       on_error: ErrorFn | None = None, cancel: threading.Event | None = None,
                       workers: int | None = None, reextract: bool = False) -> ImportReport:
        """Run the entity pass over the cables waiting for it (after a rebuild, or an import
        stopped during that pass); ``report`` is the pass before it, continued. ``reextract``:
        the cables whose names an older extractor found (:attr:`reextract_suggested`) too."""
        with self._writing(doing="the entity pass") as (writer, wcon):
            if reextract:
                store.queue_stale_entities(wcon)
            report = importer.run_entities(wcon, writer, self.db_path, report=report, progress=progress,
                                           on_error=on_error, cancel=cancel, workers=workers)
        self._note_names()
        return report

    def _note_names(self) -> None:
        """After an entity pass: whether names of an older extractor are still stored."""
        with self._lock:
            self.reextract_suggested = None if self.needs_rebuild else store.entity_note(self.con)

    def entities_pending(self) -> int:
        """How many cables are searchable but do not have their entity fields (``person:`` ...) yet."""
        with self._lock:
            return store.entities_pending(self.con)

    def is_empty(self) -> bool:
        """True when no cable is stored."""
        with self._lock:
            return self.con.execute("SELECT 1 FROM cables LIMIT 1").fetchone() is None

    def total(self) -> int:
        """How many cables the library can search (the index's count)."""
        return self._searcher().num_docs

    @property
    def index_stale(self) -> bool:
        """True when cables are stored but the index is empty (new index layout, index deleted)."""
        return self.total() == 0 and not self.is_empty()

    def ensure_seeded(self, progress: ProgressFn | None = None) -> ImportReport | None:
        """Start-up hook for the app and the CLI: import the bundled sample cables when the
        library is empty (first start); rebuild the index when it is missing or of an old layout.

        A library written by another tipreader version (:attr:`needs_rebuild`) is left alone:
        re-parsing a large library is the user's call (``tipreader library rebuild``, or the app's
        offer), not something to start unasked."""
        if self.needs_rebuild or self.problem is not None or self.read_only:
            return None  # a damaged library is reported (check()), never seeded or rebuilt unasked
        if not self.is_empty():
            if self.index_stale:
                return self.rebuild(progress=progress)
            return None
        samples = paths.sample_cables_dir()
        if samples is None:
            return None
        sources.forget(self.root)  # a new library: the files another one listed are not in it
        return self.import_paths([samples], progress=progress, workers=1)

    def rebuild(self, *, progress: ProgressFn | None = None, on_error: ErrorFn | None = None,
                cancel: threading.Event | None = None, workers: int | None = None,
                entities: bool = True) -> ImportReport:
        """Re-parse every stored original into a fresh index, then (unless ``entities`` is
        False) run the entity pass on it; a library whose cables were lost imports again the
        files they came from (:func:`rebuilding.rebuild`). The user's data is not touched."""
        return rebuilding.rebuild(self, progress=progress, on_error=on_error, cancel=cancel, workers=workers,
                                  entities=entities)

    def _swapped_in(self) -> None:
        """After a rebuild put a fresh index in place: use it, and say whether a rebuild is still needed."""
        self.index = open_index(self.index_path)
        self.problem = None
        with self._lock:
            self.needs_rebuild, self.rebuild_suggested, self.reextract_suggested = store.version_notes(self.con)

    # --- search -----------------------------------------------------------------
    def _searcher(self) -> tantivy.Searcher:
        with self._engine():
            return self._live_index().searcher()

    @contextmanager
    def _engine(self) -> Iterator[None]:
        """Engine calls: a panic (a garbage segment file) is a damaged index, in one line, not a crash."""
        try:
            yield
        except BaseException as err:
            if damage.is_engine_panic(err) or isinstance(err, ValueError) and not isinstance(err, QueryError):
                raise damage.index_damaged(self.index_path, err) from None  # the engine's I/O errors
            raise

    def _entity_filter(self, fields: tuple[str, ...], words: list[str], prefix: bool) -> set[str]:
        """The cables whose names (``person:`` ...) match: see :mod:`entity_search`; for ``id``, the
        cables known by that id in another form (:mod:`aliases`)."""
        with self._lock:
            if fields == ("id",):
                return aliases.ref_ids(self.con, words[0], prefix)
            return entity_search.ref_ids(self.con, fields, words, prefix)

    def search(self, query: str, limit: int = 20, offset: int = 0, order: str = "relevance", *,
               bookmarks: object | None = None) -> list[Hit]:
        """The hits for ``query`` ranked by BM25 (or ``order="date"``, newest first), with snippets.
        A query of filters only (``tag:KTIP date:2009``) has nothing to rank by: newest first, and
        with ``tag:KTIP`` the annual TIP submissions before the other cables.

        Raises :class:`~tipreader.library.query.QueryError` for a malformed query.
        Does not count all matches: use :meth:`count` for that. ``bookmarks``, the
        user's :class:`~tipreader.library.bookmarks.BookmarkStore` (anything with its
        ``filter_ref_ids``), answers ``bookmarked:`` and ``note:``; the library never
        opens the user database itself.
        """
        with self._engine():
            return self._search(query, limit, offset, order, bookmarks)

    def _search(self, query: str, limit: int, offset: int, order: str, bookmarks: object | None) -> list[Hit]:
        searcher = self._searcher()
        q, tree = search.build_with_tree(query, searcher, search.user_filter_of(bookmarks), self._entity_filter)
        # the engine allocates room for offset + limit hits up front: never more than there are cables
        docs_n = searcher.num_docs
        if offset >= docs_n:
            return []
        limit = max(1, min(limit, docs_n))
        first = None
        if order == "relevance" and filters_only(tree):  # nothing to rank by: newest first (TIP submissions
            order = "date"                                # first for tag:KTIP), not by the length of the tags
            first = self._tip_submissions() if asks_tag(tree, "KTIP") else None
        found = search.top_docs(searcher, q, limit, max(0, offset), order == "date", first)
        return search.hits_of(searcher, found[:limit], tree, self._snippet_rows, order == "date")

    def _snippet_rows(self, ids: list[str]) -> dict[str, tuple]:
        with self._lock:
            return store.snippet_rows(self.con, ids)

    def _tip_submissions(self) -> set[str]:
        """The annual TIP submissions among the cables (:func:`listing.tip_submissions`), kept until the
        library changes."""
        with self._lock:
            key = (self.con.execute("PRAGMA data_version").fetchone()[0], self.con.total_changes)
            if self._submissions is None or self._submissions[0] != key:
                self._submissions = (key, listing.tip_submissions(self.con))
            return self._submissions[1]

    def count(self, query: str, *, bookmarks: object | None = None) -> int:
        """How many cables match ``query`` (a separate call: counting costs more than the top hits).

        ``bookmarks`` as for :meth:`search`.
        """
        searcher = self._searcher()
        q = search.build(query, searcher, search.user_filter_of(bookmarks), self._entity_filter)
        with self._engine():
            return searcher.search(q, limit=1, count=True).count or 0  # type: ignore[attr-defined]  # tantivy's stub lacks it

    def histogram(self, query: str, *, bookmarks: object | None = None) -> Histogram:
        """How many cables matching ``query`` fall in each year, or each month when they span under
        two years (:mod:`tipreader.library.histogram`); ``bookmarks`` as for :meth:`search`."""
        searcher = self._searcher()
        with self._engine():
            return histogram(searcher, search.build(query, searcher, search.user_filter_of(bookmarks), self._entity_filter))

    def facets_for(self, query: str, *, bookmarks: object | None = None, top: int = 30) -> dict[str, list[tuple[str, int]]]:
        """The filter panel's counts over ``query``'s hits (origin, TAGS, classification, year):
        :mod:`tipreader.library.query_facets`; an empty query counts the whole library."""
        if not query.strip():
            return self.facets(top=top)
        searcher = self._searcher()
        with self._engine():
            q = search.build(query, searcher, search.user_filter_of(bookmarks), self._entity_filter)
            return query_facets(searcher, q, lambda: store.connect(self.db_path, readonly=True),
                                lambda: self.facets(top=top), top)

    # --- reading ----------------------------------------------------------------
    def get(self, ref_id: str) -> Cable | None:
        """The stored cable ``ref_id`` (parsed, with paragraphs and the entities found so far), or None.

        Raises :class:`RebuildNeeded` when the library was written by another tipreader version,
        and :class:`~tipreader.library.codec.StoredDataError` when the stored cable is damaged.
        """
        ref = ref_id.strip().upper()
        if self.problem is not None and self.index is not None:  # the stored cables were lost
            raise self.problem
        with self._lock:
            if self.needs_rebuild:
                raise RebuildNeeded(self.needs_rebuild)
            found = store.read_cable(self.con, ref) or store.read_cable(self.con, self._own_id(ref))
        return found[0] if found else None

    def _own_id(self, ref_id: str) -> str:
        """The stored id of the cable known as ``ref_id`` (WikiLeaks' malformed ids: :mod:`aliases`)."""
        ref = ref_id.strip().upper()
        with self._lock:
            return aliases.resolve(self.con, ref) or ref

    def original(self, ref_id: str) -> tuple[str, bytes] | None:
        """(source path, original bytes) of the file the cable came from, when stored."""

        with self._lock:
            row = self.con.execute(
                "SELECT o.path, o.data FROM cables c JOIN originals o ON o.sha256=c.file_sha WHERE c.ref_id IN (?,?)",
                (ref_id.strip().upper(), self._own_id(ref_id)),
            ).fetchone()
        return (row[0], codec.decompress_original(row[1])) if row else None

    def older_texts(self, ref_id: str) -> list[tuple[str, str | None]]:
        """(source, released) of each older text recorded for ``ref_id``."""
        with self._lock:
            return [(r[0], r[1]) for r in self.con.execute(
                "SELECT source, released FROM older_texts WHERE ref_id=? ORDER BY replaced_at", (ref_id.upper(),))]

    def list_cables(self, *, origin: str | None = None, tag: str | None = None, classification: str | None = None,
                    date_from: str | None = None, date_to: str | None = None, order: str = "date",
                    descending: bool = True, limit: int = 100, offset: int = 0) -> list[CableSummary]:
        """Cables filtered by exact origin / tag / classification and ISO date bounds (``2008``, ``2008-06``, ``2008-06-30``)."""
        where = listing.Filters(origin, tag, classification, date_from, date_to)
        with self._lock:
            return listing.cables(self.con, where, order, descending, limit, offset)

    def facets(self, *, origin: str | None = None, tag: str | None = None, classification: str | None = None,
               date_from: str | None = None, date_to: str | None = None, top: int = 50) -> dict[str, list[tuple[str, int]]]:
        """Counts for filters, within the given filters: ``{"origin": [(name, n)...], "tag": ..., "classification": ..., "year": ...}``.

        Grouping every cable takes a while in a large library (170 ms at 100k), so it runs on
        its own connection (searches and reads are not held up meanwhile), and the answer is
        kept until another connection (an import) commits (``PRAGMA data_version``).
        """
        with self._lock:
            version = self.con.execute("PRAGMA data_version").fetchone()[0]
        return self._facets_cache.get(listing.Filters(origin, tag, classification, date_from, date_to), top, version,
                                      lambda: store.connect(self.db_path, readonly=True))

    def present(self, ref_ids: Iterable[str]) -> set[str]:
        """Which of ``ref_ids`` are in the library (upper-cased)."""
        with self._lock:
            return listing.present(self.con, ref_ids)

    def cited_by(self, ref_id: str) -> list[str]:
        """The stored cables whose REF block cites ``ref_id``, oldest first."""
        with self._lock:
            return listing.cited_by(self.con, ref_id)

    def submission_halves(self, cable: Cable) -> dict[int, str]:
        """The halves of the split submission ``cable`` belongs to (``{1: ref, 2: ref}``), or {}."""
        with self._lock:
            return submissions.halves(self.con, cable)

    def stats(self) -> LibraryStats:
        """Counts, sizes, date range, top origins and tags."""
        self.check()
        with self._lock:
            return collect_stats(self.con, self.root, read_only=self.read_only)

    @property
    def connection(self) -> sqlite3.Connection:
        """The read connection (for tools; prefer the methods above)."""
        return self.con

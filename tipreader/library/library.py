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
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import tantivy

from tipreader.cable import Cable

from . import codec, damage, entity_search, importer, paths, prepare, search, store, submissions
from .histogram import Histogram, histogram
from .query_facets import query_facets
from .index import IndexWriter, open_index, unpack_paragraphs
from .snippets import Highlighter
from .importer import ErrorFn, ImportReport, ProgressFn
from .query import QueryError
from .search import Hit
from .stats import LibraryStats, collect_stats


class RebuildNeeded(Exception):
    """The library was written by another tipreader version: ``tipreader library rebuild`` (or the
    app's offer) re-parses its originals. ``str(err)`` is one line saying why."""


@dataclass(frozen=True, slots=True)
class CableSummary:
    """A row of a cable list: what a list or filter view shows."""

    ref_id: str
    date: str | None
    origin: str | None
    classification: str | None
    subject: str | None
    tags: tuple[str, ...]
    older_texts: int = 0


def _user_filter(bookmarks: object | None) -> search.UserFilter | None:
    """The search's ``bookmarked:``/``note:`` filter from a bookmark store (or a bare callable)."""
    if bookmarks is None:
        return None
    return getattr(bookmarks, "filter_ref_ids", None) or bookmarks  # type: ignore[return-value]


class Library:
    """The local cable library: stored originals, metadata and the full-text index."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.db_path = root / "library.sqlite3"
        self.index_path = root / "index"
        self._lock = threading.RLock()
        self._write_lock = threading.RLock()  # rebuild holds it across its writing and the index swap
        try:
            self._recover_index_swap()
            self.con = store.connect(self.db_path)
            self.needs_rebuild: str | None = store.check_versions(self.con)
        except (sqlite3.DatabaseError, OSError) as err:
            if isinstance(err, sqlite3.OperationalError) and ("locked" in str(err) or "busy" in str(err)):
                raise
            raise damage.cannot_open(self.db_path, err) from None
        # what is wrong with the library (a damaged index, lost cables), or None: see check()
        self.problem: damage.LibraryDamaged | None = None
        self.index: tantivy.Index | None = None
        try:
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
        self._facets_cache: dict[tuple, tuple[int, dict[str, list[tuple[str, int]]]]] = {}

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

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- import -----------------------------------------------------------------
    @contextmanager
    def _writing(self, index: tantivy.Index | None = None) -> Iterator[tuple[IndexWriter, sqlite3.Connection]]:
        """The one writer (index writer and database connection), under the write lock; closed
        after, and the live index reloaded so searches see what was committed."""
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
                     workers: int | None = None, batch: int = 2000, entities: bool = True) -> ImportReport:
        """Import files, folders (recursively) and globs. Bad files are reported, never raised.

        The cables are committed and searchable first; then (unless ``entities`` is False
        or the import was cancelled) the entity pass fills the entity fields of every
        cable still waiting for them (the progress' ``phase`` says which pass runs).
        """
        with self._writing() as (writer, wcon):
            report = importer.run_import(wcon, writer, self.db_path, paths_, progress=progress,
                                         on_error=on_error, cancel=cancel, workers=workers, batch=batch)
            if entities and not report.progress.cancelled:
                self._live_index().reload()
                report = importer.run_entities(wcon, writer, self.db_path, report=report, progress=progress,
                                               on_error=on_error, cancel=cancel, workers=workers, batch=batch)
            return report

    def index_entities(self, *, report: ImportReport | None = None, progress: ProgressFn | None = None,
                       on_error: ErrorFn | None = None, cancel: threading.Event | None = None,
                       workers: int | None = None) -> ImportReport:
        """Run the entity pass over the cables waiting for it (after a rebuild, or an import
        stopped during that pass); ``report`` is the pass before it, continued."""
        with self._writing() as (writer, wcon):
            return importer.run_entities(wcon, writer, self.db_path, report=report, progress=progress,
                                         on_error=on_error, cancel=cancel, workers=workers)

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
        if self.needs_rebuild or self.problem is not None:
            return None  # a damaged library is reported (check()), never seeded or rebuilt unasked
        if not self.is_empty():
            if self.index_stale:
                return self.rebuild(progress=progress)
            return None
        samples = paths.sample_cables_dir()
        if samples is None:
            return None
        return self.import_paths([samples], progress=progress, workers=1)

    def rebuild(self, *, progress: ProgressFn | None = None, on_error: ErrorFn | None = None,
                cancel: threading.Event | None = None, workers: int | None = None,
                entities: bool = True) -> ImportReport:
        """Re-parse every stored original into a fresh index, then (unless ``entities`` is
        False) run the entity pass on it. The user's data is not touched."""
        with self._write_lock:
            fresh_path = self.root / "index.rebuild"
            if fresh_path.exists():
                shutil.rmtree(fresh_path)
            with self._writing(open_index(fresh_path)) as (writer, wcon):
                report = importer.run_rebuild(wcon, writer, self.db_path, progress=progress, on_error=on_error,
                                              cancel=cancel, workers=workers)
            if report.progress.cancelled:
                shutil.rmtree(fresh_path, ignore_errors=True)
                return report
            old = self.root / "index.old"
            if old.exists():
                shutil.rmtree(old)
            if self.index_path.exists() or self.index_path.is_symlink():
                self.index_path.rename(old)  # whatever state it was in
            fresh_path.rename(self.index_path)
            shutil.rmtree(old, ignore_errors=True)
            self.index = open_index(self.index_path)
            self.problem = None
            with self._lock:
                self.needs_rebuild = store.check_versions(self.con)
        if entities:
            report = self.index_entities(report=report, progress=progress, on_error=on_error, cancel=cancel,
                                         workers=workers)
        return report

    def _recover_index_swap(self) -> None:
        old = self.root / "index.old"
        if not self.index_path.exists() and old.exists():
            old.rename(self.index_path)
        elif old.exists():
            shutil.rmtree(old, ignore_errors=True)

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
        """The cables whose names (``person:`` ...) match: see :mod:`entity_search`."""
        with self._lock:
            return entity_search.ref_ids(self.con, fields, words, prefix)

    def search(self, query: str, limit: int = 20, offset: int = 0, order: str = "relevance", *,
               bookmarks: object | None = None) -> list[Hit]:
        """The hits for ``query`` ranked by BM25 (or ``order="date"``, newest first), with snippets.

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
        q, tree = search.build_with_tree(query, searcher, _user_filter(bookmarks), self._entity_filter)
        # the engine allocates room for offset + limit hits up front: never more than there are cables
        docs_n = searcher.num_docs
        if offset >= docs_n:
            return []
        limit = max(1, min(limit, docs_n))
        if order == "date":
            result = searcher.search(q, limit=limit, count=False, offset=max(0, offset), order_by_field="date")
        else:
            result = searcher.search(q, limit=limit, count=False, offset=max(0, offset))
        if not result.hits:
            return []
        highlighter = Highlighter(search.highlight_tree(tree))
        hits: list[Hit] = []
        docs = [(score, searcher.doc(addr)) for score, addr in result.hits[:limit]]
        ids = [str(d.get_first("ref_id")) for _, d in docs]
        with self._lock:
            rows = store.snippet_rows(self.con, ids)
        for score, doc in docs:
            row = rows.get(str(doc.get_first("ref_id")))
            if row is None:  # an index document left by an interrupted import; the next import replaces it
                continue
            snippet, number, index = highlighter.snippet(row[5], unpack_paragraphs(row[6]))
            hits.append(Hit(row[0], row[1], row[2], row[3], row[4], float(score) if order != "date" else 0.0,
                                   number, index, snippet))
        return hits

    def count(self, query: str, *, bookmarks: object | None = None) -> int:
        """How many cables match ``query`` (a separate call: counting costs more than the top hits).

        ``bookmarks`` as for :meth:`search`.
        """
        searcher = self._searcher()
        q = search.build(query, searcher, _user_filter(bookmarks), self._entity_filter)
        with self._engine():
            return searcher.search(q, limit=1, count=True).count or 0  # type: ignore[attr-defined]  # tantivy's stub lacks it

    def histogram(self, query: str, *, bookmarks: object | None = None) -> Histogram:
        """How many cables matching ``query`` fall in each year, or each month when they span under
        two years (:mod:`tipreader.library.histogram`); ``bookmarks`` as for :meth:`search`."""
        searcher = self._searcher()
        with self._engine():
            return histogram(searcher, search.build(query, searcher, _user_filter(bookmarks), self._entity_filter))

    def facets_for(self, query: str, *, bookmarks: object | None = None, top: int = 30) -> dict[str, list[tuple[str, int]]]:
        """The filter panel's counts over ``query``'s hits (origin, TAGS, classification, year):
        :mod:`tipreader.library.query_facets`; an empty query counts the whole library."""
        if not query.strip():
            return self.facets(top=top)
        searcher = self._searcher()
        with self._engine():
            q = search.build(query, searcher, _user_filter(bookmarks), self._entity_filter)
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
            found = store.read_cable(self.con, ref)
        return found[0] if found else None

    def original(self, ref_id: str) -> tuple[str, bytes] | None:
        """(source path, original bytes) of the file the cable came from, when stored."""

        with self._lock:
            row = self.con.execute(
                "SELECT o.path, o.data FROM cables c JOIN originals o ON o.sha256=c.file_sha WHERE c.ref_id=?",
                (ref_id.strip().upper(),),
            ).fetchone()
        return (row[0], codec.decompress_original(row[1])) if row else None

    def older_texts(self, ref_id: str) -> list[tuple[str, str | None]]:
        """(source, released) of each older text recorded for ``ref_id``."""
        with self._lock:
            return [(r[0], r[1]) for r in self.con.execute(
                "SELECT source, released FROM older_texts WHERE ref_id=? ORDER BY replaced_at", (ref_id.upper(),))]

    def _where(self, origin: str | None, tag: str | None, classification: str | None,
               date_from: str | None, date_to: str | None) -> tuple[str, list]:
        clauses: list[str] = []
        args: list[str | int] = []
        if origin:
            clauses.append("c.origin=?")
            args.append(origin)
        if tag:
            clauses.append("c.ref_id IN (SELECT ref_id FROM cable_tags WHERE tag=?)")
            args.append(tag)
        if classification:
            clauses.append("c.classification=?")
            args.append(classification)
        if date_from:
            clauses.append("c.day>=?")
            args.append(prepare.day_of(date_from + "-01-01"[len(date_from) - 4:]))
        if date_to:
            clauses.append("c.day<=? AND c.day>0")
            args.append(prepare.day_of(date_to + "-12-31"[len(date_to) - 4:]))
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", args

    def list_cables(self, *, origin: str | None = None, tag: str | None = None, classification: str | None = None,
                    date_from: str | None = None, date_to: str | None = None, order: str = "date",
                    descending: bool = True, limit: int = 100, offset: int = 0) -> list[CableSummary]:
        """Cables filtered by exact origin / tag / classification and ISO date bounds (``2008``, ``2008-06``, ``2008-06-30``)."""
        where, args = self._where(origin, tag, classification, date_from, date_to)
        col = {"date": "c.day", "ref_id": "c.ref_id", "origin": "c.origin", "subject": "c.subject"}.get(order, "c.day")
        sql = (f"SELECT ref_id, date, origin, classification, subject, tags, older_texts FROM cables c{where} "
               f"ORDER BY {col} {'DESC' if descending else 'ASC'}, c.ref_id LIMIT ? OFFSET ?")
        with self._lock:
            rows = self.con.execute(sql, [*args, limit, offset]).fetchall()
        return [CableSummary(r[0], r[1], r[2], r[3], r[4], tuple((r[5] or "").split()), r[6]) for r in rows]

    def facets(self, *, origin: str | None = None, tag: str | None = None, classification: str | None = None,
               date_from: str | None = None, date_to: str | None = None, top: int = 50) -> dict[str, list[tuple[str, int]]]:
        """Counts for filters, within the given filters: ``{"origin": [(name, n)...], "tag": ..., "classification": ..., "year": ...}``.

        Grouping every cable takes a while in a large library (170 ms at 100k), so it runs on
        its own connection (searches and reads are not held up meanwhile), and the answer is
        kept until another connection (an import) commits (``PRAGMA data_version``).
        """
        key = (origin, tag, classification, date_from, date_to, top)
        with self._lock:
            version = self.con.execute("PRAGMA data_version").fetchone()[0]
        cached = self._facets_cache.get(key)
        if cached is not None and cached[0] == version:
            return cached[1]
        where, args = self._where(origin, tag, classification, date_from, date_to)
        out: dict[str, list[tuple[str, int]]] = {}
        con = store.connect(self.db_path, readonly=True)
        try:
            for name, expr in (("origin", "c.origin"), ("classification", "c.classification"), ("year", "c.day/10000")):
                out[name] = [(str(r[0]), r[1]) for r in con.execute(
                    f"SELECT {expr} AS v, COUNT(*) n FROM cables c{where} GROUP BY v HAVING v IS NOT NULL "
                    f"ORDER BY {'v DESC' if name == 'year' else 'n DESC'} LIMIT ?", [*args, top])]
            out["year"] = [(y, n) for y, n in out["year"] if y != "0"]
            out["tag"] = [(r[0], r[1]) for r in con.execute(
                f"SELECT t.tag, COUNT(*) n FROM cable_tags t JOIN cables c ON c.ref_id=t.ref_id{where} "
                f"GROUP BY t.tag ORDER BY n DESC LIMIT ?", [*args, top])]
        finally:
            con.close()
        if len(self._facets_cache) > 32:
            self._facets_cache.clear()
        self._facets_cache[key] = (version, out)
        return out

    def present(self, ref_ids: Iterable[str]) -> set[str]:
        """Which of ``ref_ids`` are in the library (upper-cased)."""
        ids = list({r.upper() for r in ref_ids})
        found: set[str] = set()
        with self._lock:
            for i in range(0, len(ids), 500):
                chunk = ids[i:i + 500]
                found.update(r[0] for r in self.con.execute(
                    f"SELECT ref_id FROM cables WHERE ref_id IN ({','.join('?' * len(chunk))})", chunk))
        return found

    def cited_by(self, ref_id: str) -> list[str]:
        """The stored cables whose REF block cites ``ref_id``, oldest first."""
        with self._lock:
            return [r[0] for r in self.con.execute(
                "SELECT r.ref_id FROM refs r JOIN cables c ON c.ref_id=r.ref_id WHERE r.cited=? ORDER BY c.day",
                (ref_id.upper(),))]

    def submission_halves(self, cable: Cable) -> dict[int, str]:
        """The halves of the split submission ``cable`` belongs to (``{1: ref, 2: ref}``), or {}."""
        with self._lock:
            return submissions.halves(self.con, cable)

    def stats(self) -> LibraryStats:
        """Counts, sizes, date range, top origins and tags."""
        self.check()
        with self._lock:
            return collect_stats(self.con, self.root)

    @property
    def connection(self) -> sqlite3.Connection:
        """The read connection (for tools; prefer the methods above)."""
        return self.con

"""The full-text index: a tantivy index beside the library database.

Chosen over SQLite FTS5 by measurement (``benchmarks/library.py``): FTS5 scores
every matching row before it can rank, so a common word over a Cablegate-sized
library takes hundreds of milliseconds; tantivy's block-max WAND answers top-20
queries in a few. One document per cable:

========== ===================================================================
ref_id     raw, stored: the key (upper case); deletes and ``id:`` use it
subject    words: lower-cased, accents folded, English stemming
body       the paragraphs' text joined by blank lines, same analysis; not
           stored: snippets are cut from the database's copy (the text is kept once)
origin     words without stemming (``origin:mexico``)
tag        words without stemming (``tag:KTIP``)
class      words without stemming (``class:secret`` matches SECRET//NOFORN)
date       integer YYYYMMDD, indexed and fast (ranges, ordering)
========== ===================================================================

The names the entity pass finds (``person:``, ``org:`` ...) are not in the index: they
are searched in the library database (:mod:`entity_search`), so that pass never re-adds
a document.
"""

from __future__ import annotations

import array
import os
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

import tantivy

from . import entity_search

STEMMED = "tr_stem"
PLAIN = "tr_plain"
SUBJECT_BOOST = 2.5
INDEX_VERSION = "4"  # 2: entity fields; 3: body not stored; 4: entity fields moved to the database
ENTITY_FIELDS = entity_search.FIELDS  # searched in the database, not in the index


def _analyzer(stem: bool) -> tantivy.TextAnalyzer:
    builder = (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(60))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
    )
    if stem:
        builder = builder.filter(tantivy.Filter.stemmer("english"))
    return builder.build()


STEM_ANALYZER = _analyzer(True)
PLAIN_ANALYZER = _analyzer(False)


def build_schema() -> tantivy.Schema:
    """The index schema (see the module docstring)."""
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("ref_id", stored=True, tokenizer_name="raw")
    sb.add_text_field("subject", tokenizer_name=STEMMED)
    sb.add_text_field("body", tokenizer_name=STEMMED)
    sb.add_text_field("origin", tokenizer_name=PLAIN)
    sb.add_text_field("tag", tokenizer_name=PLAIN)
    sb.add_text_field("class", tokenizer_name=PLAIN)
    sb.add_integer_field("date", indexed=True, fast=True)
    return sb.build()


SCHEMA = build_schema()


@dataclass(frozen=True, slots=True)
class IndexDoc:
    """What the index holds for one cable (built in the parse workers: picklable)."""

    ref_id: str
    subject: str
    body: str
    origin: str
    tags: tuple[str, ...]
    classification: str
    date: int  # YYYYMMDD, 0 when unknown


def pack_paragraphs(offsets: list[tuple[int, int]]) -> bytes:
    """(offset, number or -1) pairs → compact bytes for the ``paras`` field."""
    arr = array.array("i")
    for off, num in offsets:
        arr.append(off)
        arr.append(num)
    return arr.tobytes()


def unpack_paragraphs(data: bytes) -> list[tuple[int, int]]:
    """The inverse of :func:`pack_paragraphs`."""
    arr = array.array("i")
    arr.frombytes(data)
    return [(arr[i], arr[i + 1]) for i in range(0, len(arr), 2)]


_OPEN_LOCK = threading.Lock()


def open_index(path: Path, create: bool = True) -> tantivy.Index:
    """Open (or create) the index at ``path`` with our analyzers registered.

    An index of another layout version is removed and created anew (empty): the
    caller then rebuilds it from the stored originals. Creation is atomic (built in
    a temporary folder, then renamed), so two threads or processes opening a new
    library at once never see, or delete, each other's half-made index.
    """
    with _OPEN_LOCK:
        version_file = path / "tipreader-index-version"
        if path.exists() and (not version_file.exists() or version_file.read_text().strip() != INDEX_VERSION):
            if not create:
                raise FileNotFoundError(f"no usable index at {path}")
            shutil.rmtree(path, ignore_errors=True)
        if not path.exists():
            if not create:
                raise FileNotFoundError(f"no index at {path}")
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = Path(tempfile.mkdtemp(prefix=".index-new-", dir=path.parent))
            tantivy.Index(SCHEMA, path=str(tmp))
            (tmp / "tipreader-index-version").write_text(INDEX_VERSION)
            try:
                os.rename(tmp, path)
            except OSError:  # another process made it first: use theirs
                shutil.rmtree(tmp, ignore_errors=True)
        index = tantivy.Index(SCHEMA, path=str(path), reuse=True)
        index.register_tokenizer(STEMMED, STEM_ANALYZER)
        index.register_tokenizer(PLAIN, PLAIN_ANALYZER)
        return index


def open_read_only(path: Path, shadow: Path) -> tantivy.Index:
    """Open the index at ``path`` where nothing may be written (a read-only disk or folder),
    through ``shadow``, a new folder made in a private writable place.

    tantivy takes a lock file even to read (its meta lock, held while a searcher opens the
    segments: quickwit-oss/tantivy#557), and tantivy-py offers no directory that skips it. So
    the index is opened through ``shadow``, a folder of symbolic links to its files, which
    takes the lock file instead: nothing is written beside the index, and its files are read
    (memory-mapped) where they are. What the index was when opened is what is read.
    """
    version_file = path / "tipreader-index-version"
    if not version_file.is_file() or version_file.read_text().strip() != INDEX_VERSION:
        raise FileNotFoundError(f"no usable index at {path}")
    shadow.mkdir()
    for entry in os.scandir(path):
        if not entry.name.endswith(".lock"):
            os.symlink(os.path.abspath(entry.path), shadow / entry.name)
    index = tantivy.Index(SCHEMA, path=str(shadow), reuse=True)
    index.register_tokenizer(STEMMED, STEM_ANALYZER)
    index.register_tokenizer(PLAIN, PLAIN_ANALYZER)
    return index


def to_document(doc: IndexDoc) -> tantivy.Document:
    """An :class:`IndexDoc` → a tantivy document."""
    d = tantivy.Document()
    d.add_text("ref_id", doc.ref_id)
    d.add_text("subject", doc.subject)
    d.add_text("body", doc.body)
    d.add_text("origin", doc.origin)
    for tag in doc.tags:
        d.add_text("tag", tag)
    d.add_text("class", doc.classification)
    d.add_integer("date", doc.date)
    return d


class IndexWriter:
    """The one writer: upserts by ref_id (delete then add), so a replayed batch never duplicates."""

    def __init__(self, index: tantivy.Index, heap_size: int = 128_000_000, threads: int = 1) -> None:
        self.index = index
        try:
            self.writer = index.writer(heap_size, threads)
        except ValueError as err:
            if "lock" in str(err).lower():
                raise RuntimeError("the library is busy: another import or rebuild is running") from err
            raise

    def upsert(self, doc: IndexDoc, replace: bool = True) -> None:
        """Add ``doc``, replacing any document with the same ref_id (``replace=False``: known new)."""
        if replace:
            self.writer.delete_documents_by_term("ref_id", doc.ref_id)
        self.writer.add_document(to_document(doc))

    def doc_count(self) -> int:
        """Documents in the last committed state of the index."""
        self.index.reload()
        return self.index.searcher().num_docs

    def delete(self, ref_id: str) -> None:
        """Remove the cable ``ref_id`` from the index."""
        self.writer.delete_documents_by_term("ref_id", ref_id)

    def commit(self) -> None:
        """Make everything added so far durable and visible to new searchers."""
        self.writer.commit()

    def close(self) -> None:
        """Commit and wait for background merges, then release the index lock."""
        self.writer.commit()
        self.writer.wait_merging_threads()

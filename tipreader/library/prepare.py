"""Worker-side work: files → parsed cables → rows ready for the one writer.

Runs in the parse worker processes, so everything here is picklable and does
the CPU-heavy part (parsing, hashing, compressing) off the writer.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

from tipreader.cable import Cable, CableError, cable_from_raw, iter_bytes, iter_path
from tipreader.cable.model import Entity

from . import aliases, cleanliness, codec, entity_codec, entity_search, legacy, store
from .index import IndexDoc
from .paths import display_path
from .store import MAX_ORIGINAL

Send = Callable[[tuple], None]
BATCH = 100


def text_hash(cable: Cable) -> str:
    """A hash of the cable's text, whitespace collapsed: two releases differ when it differs."""
    text = " ".join((cable.header_text + "\n" + cable.body_text).split())
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


def day_of(date: str | None) -> int:
    """``2008-03-11T22:19:00Z`` → 20080311; 0 when unknown."""
    if not date or len(date) < 10:
        return 0
    try:
        return int(date[:4]) * 10000 + int(date[5:7]) * 100 + int(date[8:10])
    except ValueError:
        return 0


_ENTITY_FIELD = {"PERSON": "person", "ORG": "org", "LOCATION": "place", "ACRONYM": "acronym", "LAW": "law"}


def entity_values(entities: tuple[Entity, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The searchable names: distinct values (case-insensitive) per field, in first-mention order.

    A name adds both the mention and its canonical form (a person's full name, the form its
    spelling variants share); an acronym both its
    text and its key without a plural ``s`` (``NGOs`` → ``NGO``); an acronym whose
    expansion is one of the cable's organisations is an organisation too (``org:INM``).
    """
    from tipreader.cable.ent_acronyms import key as acronym_key

    out: dict[str, dict[str, str]] = {f: {} for f in _ENTITY_FIELD.values()}

    def add(field: str, value: str | None) -> None:
        value = " ".join((value or "").split())
        if value:
            out[field].setdefault(value.casefold(), value)

    for ent in entities:
        field = _ENTITY_FIELD.get(ent.type)
        if field is None:
            continue
        add(field, ent.text)
        add(field, ent.canonical)  # spelling variants: one canonical form (``Santoyo-Cervantes``)
        if ent.type == "ACRONYM":
            add("acronym", acronym_key(ent.text))
    orgs = out["org"]
    for ent in entities:
        if ent.type == "ACRONYM" and ent.expansion and " ".join(ent.expansion.split()).casefold() in orgs:
            add("org", acronym_key(ent.text))
    return tuple((f, tuple(v.values())) for f, v in out.items() if v)


def index_doc(cable: Cable) -> IndexDoc:
    """The index's view of a cable: paragraphs joined by blank lines (the same text the
    database keeps for snippets). Its names are searched in the database (:mod:`entity_search`)."""
    body, _offsets = codec.body_and_offsets(cable)
    return IndexDoc(
        ref_id=cable.ref_id.upper(),
        subject=cable.subject or "",
        body=body,
        origin=cable.origin or "",
        tags=tuple(cable.tags),
        classification=cable.classification or "",
        date=day_of(cable.date),
    )


def cable_row(cable: Cable, file_sha: str, zdict: bytes = b"", book: Any = None) -> dict[str, Any]:
    """Everything the writer stores for one cable (see :mod:`codec`); ``zdict`` is its
    original file's preset dictionary (:func:`codec.zdict_for`), b"" for none.

    ``book`` (a :class:`~tipreader.cable.ent_learned.NameBook`, the names other cables
    taught the library): the cable's entities are found here too, in the same pass
    (``entity_doc``: what :func:`process_entities` would send for it). Without it they are
    left to the entity pass, and the row says so with ``entities_pending``.
    """
    cable = replace(cable, ref_id=cable.ref_id.upper())
    refs = sorted({r.ref_id.upper() for r in cable.references if r.ref_id and r.ref_id.upper() != cable.ref_id})
    released = cable.metadata.get("released") if isinstance(cable.metadata, dict) else None
    body, paras, doc = codec.encode_cable(cable, zdict)
    return {
        "ref_id": cable.ref_id,
        "source": cable.source,
        "format": cable.format,
        "file_sha": file_sha,
        "date": cable.date,
        "day": day_of(cable.date),
        "origin": cable.origin,
        "classification": cable.classification,
        "subject": cable.subject,
        "tags": tuple(dict.fromkeys(cable.tags)),
        "released": str(released) if released else None,
        "size": len(cable.header_text) + len(cable.body_text),
        "text_hash": text_hash(cable),
        "partial": cable.partial,
        "dict_sha": file_sha if zdict else None,
        "body": body,
        "paras": paras,
        "model": doc,
        "refs": refs,
        "doc": index_doc(cable),
        "entities_pending": book is None,
        "entity_doc": None if book is None else _entity_doc(cable, book),
        "clean": tuple(cleanliness.measure(cable)),  # to keep the cleaner of two texts of one cable
        "aliases": aliases.of_metadata(cable.ref_id, cable.metadata),  # WikiLeaks' malformed id
    }


def _entity_doc(cable: Cable, book: Any) -> tuple:
    """``(values, entities blob, confident names)`` of a parsed cable (see :func:`process_entities`);
    ``book``: the names other cables taught the library, or None."""
    from tipreader.cable.ent_learned import confident_names
    from tipreader.cable.entities import extract_entities

    try:
        entities = tuple(extract_entities(cable.paragraphs, learned=book))
    except Exception:  # noqa: BLE001 - a bug in the extractor must not stop the import or the pass
        entities = ()
    names = confident_names(entities, {p.index: p.text for p in cable.paragraphs})
    return entity_values(entities), entity_codec.encode_entities(entities, cable.paragraphs), names


def _sha256_file(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _emit(items: Iterator[Cable | CableError], sha: str, send: Send, path: str, zdict: bytes,
          book: Any = None) -> tuple[int, int]:
    ok = errors = 0
    batch: list[dict] = []
    done_bytes = 0
    for item in items:
        if isinstance(item, CableError):
            errors += 1
            send(("error", item.source or path, str(item)))
            continue
        try:
            row = cable_row(item, sha, zdict, book)
        except Exception as err:  # noqa: BLE001 - a parser bug must not stop the import
            errors += 1
            send(("error", item.source or path, f"cannot store the cable: {type(err).__name__}: {err}"))
            continue
        ok += 1
        batch.append(row)
        done_bytes += row["size"]
        if len(batch) >= BATCH:
            send(("cables", batch, done_bytes))
            batch, done_bytes = [], 0
    if batch:
        send(("cables", batch, done_bytes))
    return ok, errors


def _read_regular(path: str) -> bytes | None:
    """The file's bytes when they fit :data:`MAX_ORIGINAL`, else None (too big: streamed).

    What is read is bounded, whatever ``stat`` said (a file swapped for a device since);
    the open never blocks (a FIFO) and anything but a regular file is an ``OSError``.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    with open(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        data = fh.read(MAX_ORIGINAL + 1)
    return data if len(data) <= MAX_ORIGINAL else None


def process_file(path: str, size: int, mtime_ns: int, prev_sha: str | None, send: Send, book: Any = None) -> None:
    """Parse one file and ``send`` its rows, errors, and finally a ``("file", ...)`` record;
    ``book``: find the cables' entities too (:func:`cable_row`).

    ``path`` is the real name to open; what is sent and stored names the file with
    :func:`display_path` (a name that is not UTF-8 is kept printable, and importable).
    """
    name = display_path(path)
    try:
        data = _read_regular(path)
        sha = hashlib.sha256(data).hexdigest() if data is not None else _sha256_file(path)
    except OSError as err:
        send(("error", name, f"cannot read: {err.strerror or err}"))
        send(("file", name, size, mtime_ns, None, 0, 1, None, False))
        return
    if sha == prev_sha:
        send(("file", name, size, mtime_ns, sha, 0, 0, None, True))
        return
    try:
        items = iter_bytes(data, name) if data is not None else _renamed(iter_path(path), path, name)
        ok, errors = _emit(items, sha, send, name, codec.zdict_for(data), book)
    except Exception as err:  # noqa: BLE001 - the parser promises CableError; be safe anyway
        send(("error", path, f"parser failed: {type(err).__name__}: {' '.join(str(err).split())}"))
        ok, errors = 0, 1
    if ok == 0 and errors == 0:
        errors = 1
        send(("error", name, "no cable found in the file"))
    original = codec.compress_original(data) if data is not None and ok else None
    send(("file", name, size, mtime_ns, sha, ok, errors, original, False))


def _renamed(items: Iterator[Cable | CableError], path: str, name: str) -> Iterator[Cable | CableError]:
    """A streamed file's cables and errors with their source named ``name`` instead of ``path``."""
    if name == path:
        yield from items
        return
    for item in items:
        if isinstance(item, CableError):
            item.source = (item.source or path).replace(path, name, 1)
        else:
            item = replace(item, source=item.source.replace(path, name, 1))
        yield item


def process_entities(con: Any, ref_ids: list[str], send: Send, db_path: str = "") -> None:
    """The entity pass: each stored cable's entities → what the writer stores of them, and
    nothing else (the cable's record and its index document are left as they are):

    * the entities themselves (``cable_entities``: the reader, ``show --json`` and the
      library glossary read them instead of looking for them again);
    * the searchable names (:func:`entity_values`, for :mod:`entity_search`);
    * the names the cable recognised with confidence, for the cables after it
      (:func:`tipreader.cable.ent_learned.confident_names`); the names earlier cables taught
      are found here too (``db_path`` names the database they are read from).

    Sends ``("entity-docs", [(ref_id, text_hash, values, entities blob, names), ...], text bytes)``;
    the writer stores them only while the stored text is still the one read here.
    """
    book = entity_search.learned_book(con, db_path) if db_path else None
    out: list[tuple] = []
    size = 0
    for ref_id in ref_ids:
        try:
            found = store.read_cable(con, ref_id, entities=False)
        except codec.StoredDataError:  # unreadable: no longer pending (a rebuild re-parses it)
            row = con.execute("SELECT text_hash FROM cables WHERE ref_id=?", (ref_id,)).fetchone()
            if row is not None:
                out.append((ref_id, row[0], None, None, ()))
            continue
        if found is None:
            continue
        cable, stored_hash, stored_size = found
        out.append((ref_id, stored_hash, *_entity_doc(cable, book)))
        size += stored_size
    send(("entity-docs", out, size))


def process_stored(db_path: str, task: tuple, send: Send) -> None:
    """Stored work for a rebuild: re-parse a stored original (``("original", sha)``), or the
    header and body as found of cables stored without one (``("raw", ids)``; ``("raw-v1", ids)``
    in a library of the first format); find the entities of stored cables (``("entities", ids)``)."""
    import sqlite3

    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=30)
    try:
        if task[0] == "entities":
            process_entities(con, task[1], send, db_path)
        elif task[0] == "original":
            row = con.execute("SELECT path, data FROM originals WHERE sha256=?", (task[1],)).fetchone()
            if row is None:
                return
            data = codec.decompress_original(row[1])
            _emit(iter_bytes(data, row[0]), task[1], send, row[0], codec.zdict_for(data))
        else:
            for ref_id in task[1]:
                try:
                    found = (legacy.stored_raw_v1 if task[0] == "raw-v1" else store.stored_raw)(con, ref_id)
                    if found is None:
                        continue
                    cable = cable_from_raw(found[0])
                except CableError as err:
                    send(("error", err.source or ref_id, str(err)))
                    continue
                except codec.StoredDataError as err:
                    send(("error", ref_id, f"cannot re-parse the stored text: {err}"))
                    continue
                _emit(iter([cable]), found[1] or "", send, ref_id, b"")
    finally:
        con.close()


def die_with_parent(parent_pid: int) -> None:
    """End this process when ``parent_pid`` (the importing process) dies, however it dies.

    A killed import (``kill -9``, a closed terminal) must leave nothing running: on Linux the
    kernel sends SIGKILL on the parent's death (``PR_SET_PDEATHSIG``); everywhere a watcher
    thread notices the parent is gone (this process re-parented) within half a second.
    """
    import signal

    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the watcher below does it
        pass

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(0.5)
        os._exit(1)

    if os.getppid() != parent_pid:  # the parent died before the line above could catch it
        os._exit(1)
    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def worker_main(tasks: Any, results: Any, db_path: str, parent_pid: int | None = None, entities: bool = False) -> None:
    """A parse worker process: take tasks until ``None``, put messages on ``results``.
    ``entities``: find the entities of the files' cables as they are parsed (one pass)."""
    import signal
    import sqlite3

    if parent_pid is not None:
        die_with_parent(parent_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops us
    send = results.put
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=30) if entities else None
    try:
        while True:
            task = tasks.get()
            if task is None:
                break
            if task[0] == "file":
                _, path, size, mtime_ns, prev_sha = task
                book = entity_search.learned_book(con, db_path) if con is not None else None
                process_file(path, size, mtime_ns, prev_sha, send=send, book=book)
            else:
                process_stored(db_path, task, send)
            send(("task-done",))
    finally:
        if con is not None:
            con.close()
    send(("worker-done", os.getpid()))

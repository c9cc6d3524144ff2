"""Worker-side work: files → parsed cables → rows ready for the one writer.

Runs in the parse worker processes, so everything here is picklable and does
the CPU-heavy part (parsing, hashing, compressing) off the writer.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import pickle
import stat
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

from tipreader.cable import Cable, CableError, cable_from_raw, iter_bytes, iter_path
from tipreader.cable._types import RawCable
from tipreader.cable.model import Entity

from .index import IndexDoc, pack_paragraphs
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


def encode_raw(cable: Cable) -> bytes:
    """What re-parsing needs: the decoded text and the container's metadata (zlib JSON)."""
    data = {
        "source": cable.source,
        "format": cable.format,
        "header": cable.header_text,
        "body": cable.body_text,
        "meta": cable.metadata,
    }
    return zlib.compress(json.dumps(data, default=str, ensure_ascii=False).encode("utf-8", "surrogatepass"), 1)


def decode_raw(blob: bytes) -> RawCable:
    """The inverse of :func:`encode_raw`."""
    data = json.loads(zlib.decompress(blob).decode("utf-8", "surrogatepass"))
    return RawCable(source=data["source"], format=data["format"], header=data["header"], body=data["body"], meta=data["meta"])


def _model_signature() -> str:
    from dataclasses import fields

    from tipreader.cable import model

    shape = [(cls.__name__, [f.name for f in fields(cls)]) for cls in (
        model.Cable, model.Paragraph, model.Reference, model.Part, model.Question, model.Block, model.Entity,
        model.ParseWarning)]
    return hashlib.sha1(repr(shape).encode()).hexdigest()[:12]


MODEL_SIG = _model_signature()  # a pickle made with another model shape is re-parsed, never trusted


def encode_parsed(cable: Cable, with_text: bool) -> bytes:
    """The parsed cable as a zlib pickle; without its header/body text when ``raw`` keeps those."""
    obj = cable if with_text else replace(cable, header_text="", body_text="")
    return zlib.compress(pickle.dumps((MODEL_SIG, with_text, obj), protocol=pickle.HIGHEST_PROTOCOL), 1)


def decode_cable(parsed: bytes | None, raw: bytes | None) -> Cable | None:
    """A :class:`Cable` from its stored forms: the pickle when it fits today's model, else
    re-parsed from ``raw``; None when neither serves (the caller re-parses the original)."""
    if parsed:
        try:
            sig, with_text, cable = pickle.loads(zlib.decompress(parsed))
        except Exception:  # noqa: BLE001 - unreadable or foreign pickle: fall back below
            sig, with_text, cable = None, False, None
        if sig == MODEL_SIG and isinstance(cable, Cable):
            if with_text:
                return cable
            if raw:
                rawcable = decode_raw(raw)
                return replace(cable, header_text=rawcable.header, body_text=rawcable.body)
    if raw:
        return cable_from_raw(decode_raw(raw))
    return None


_ENTITY_FIELD = {"PERSON": "person", "ORG": "org", "LOCATION": "place", "ACRONYM": "acronym", "LAW": "law"}


def with_entities(cable: Cable) -> Cable:
    """``cable`` with its entities found (stored with it, so the reader never waits for them).

    An extractor failure leaves the cable without entities rather than losing it.
    """
    from tipreader.cable.entities import cable_entities

    try:
        return replace(cable, entities=cable_entities(cable))
    except Exception:  # noqa: BLE001 - a bug in the extractor must not stop the import
        return cable


def entity_values(entities: tuple[Entity, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The index's entity fields: distinct values (case-insensitive) per field, in first-mention order.

    A person adds both the mention and the full name it links to; an acronym both its
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
        if ent.type == "PERSON":
            add("person", ent.canonical)
        elif ent.type == "ACRONYM":
            add("acronym", acronym_key(ent.text))
    orgs = out["org"]
    for ent in entities:
        if ent.type == "ACRONYM" and ent.expansion and " ".join(ent.expansion.split()).casefold() in orgs:
            add("org", acronym_key(ent.text))
    return tuple((f, tuple(v.values())) for f, v in out.items() if v)


def index_doc(cable: Cable) -> IndexDoc:
    """The index's view of a cable: paragraphs joined by blank lines, with their offsets,
    and the names in :attr:`Cable.entities` (see :func:`entity_values`)."""
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    for para in cable.paragraphs:
        offsets.append((pos, para.number if para.number is not None else -1))
        parts.append(para.text)
        pos += len(para.text) + 2
    if parts:
        body = "\n\n".join(parts)
    else:
        body = cable.body_text  # no paragraphs found: the snippet comes from the raw body
        offsets = []
    return IndexDoc(
        ref_id=cable.ref_id.upper(),
        subject=cable.subject or "",
        body=body,
        paras=pack_paragraphs(offsets),
        origin=cable.origin or "",
        tags=tuple(cable.tags),
        classification=cable.classification or "",
        date=day_of(cable.date),
        entities=entity_values(cable.entities),
    )


def cable_row(cable: Cable, file_sha: str, keep_raw: bool = True) -> dict[str, Any]:
    """Everything the writer stores for one cable. ``keep_raw`` False when the file's
    original bytes are stored (a rebuild re-parses those): the pickle then keeps the text.

    The entities are not looked for here: finding them costs more than parsing, so the
    index gets its entity fields in a second pass (:func:`process_entities`) once the
    cables are stored and searchable; the row says so with ``entities_pending``.
    """
    cable = replace(cable, ref_id=cable.ref_id.upper())
    refs = sorted({r.ref_id.upper() for r in cable.references if r.ref_id and r.ref_id.upper() != cable.ref_id})
    released = cable.metadata.get("released") if isinstance(cable.metadata, dict) else None
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
        "raw": encode_raw(cable) if keep_raw else None,
        "parsed": encode_parsed(cable, with_text=not keep_raw),
        "refs": refs,
        "doc": index_doc(cable),
        "entities_pending": True,
    }


def _sha256_file(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _emit(items: Iterator[Cable | CableError], sha: str, send: Send, path: str, keep_raw: bool) -> tuple[int, int]:
    ok = errors = 0
    batch: list[dict] = []
    done_bytes = 0
    for item in items:
        if isinstance(item, CableError):
            errors += 1
            send(("error", item.source or path, str(item)))
            continue
        try:
            row = cable_row(item, sha, keep_raw)
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


def process_file(path: str, size: int, mtime_ns: int, prev_sha: str | None, send: Send) -> None:
    """Parse one file and ``send`` its rows, errors, and finally a ``("file", ...)`` record.

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
        ok, errors = _emit(items, sha, send, name, keep_raw=data is None)
    except Exception as err:  # noqa: BLE001 - the parser promises CableError; be safe anyway
        send(("error", path, f"parser failed: {type(err).__name__}: {' '.join(str(err).split())}"))
        ok, errors = 0, 1
    if ok == 0 and errors == 0:
        errors = 1
        send(("error", name, "no cable found in the file"))
    original = zlib.compress(data, 1) if data is not None and ok else None
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


def process_entities(con: Any, ref_ids: list[str], send: Send) -> None:
    """The entity pass: each stored cable's entities → its index document with the entity
    fields, and its stored pickle with the entities in it (the reader, ``show --json`` and
    the library glossary then read them instead of looking for them again).

    Sends ``("entity-docs", [(ref_id, text_hash, IndexDoc, parsed), ...], text bytes)``; the
    writer replaces both only while the stored text is still the one read here.
    """
    out: list[tuple[str, str, IndexDoc | None, bytes | None]] = []
    size = 0
    for ref_id in ref_ids:
        row = con.execute("SELECT parsed, raw, text_hash, size FROM cables WHERE ref_id=?", (ref_id,)).fetchone()
        if row is None:
            continue
        try:
            cable = decode_cable(row[0], row[1])
        except Exception:  # noqa: BLE001 - an unreadable stored form: the next rebuild re-parses it
            cable = None
        if cable is None:  # nothing to read the entities from: no longer pending (a rebuild re-parses it)
            out.append((ref_id, row[2], None, None))
            continue
        cable = with_entities(replace(cable, ref_id=ref_id))
        out.append((ref_id, row[2], index_doc(cable), encode_parsed(cable, with_text=row[1] is None)))
        size += row[3] or 0
    send(("entity-docs", out, size))


def process_stored(db_path: str, task: tuple, send: Send) -> None:
    """Stored work: re-parse a stored original (``("original", sha)``) or stored raws
    (``("raw", ids)``) for a rebuild; find the entities of stored cables (``("entities", ids)``)."""
    import sqlite3

    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=30)
    try:
        if task[0] == "entities":
            process_entities(con, task[1], send)
        elif task[0] == "original":
            row = con.execute("SELECT path, data FROM originals WHERE sha256=?", (task[1],)).fetchone()
            if row is None:
                return
            items: Iterator = iter_bytes(zlib.decompress(row[1]), row[0])
            _emit(items, task[1], send, row[0], keep_raw=False)
        else:
            for ref_id in task[1]:
                r = con.execute("SELECT raw, file_sha FROM cables WHERE ref_id=?", (ref_id,)).fetchone()
                if r is None:
                    continue
                try:
                    cable = cable_from_raw(decode_raw(r[0]))
                except CableError as err:
                    send(("error", err.source or ref_id, str(err)))
                    continue
                _emit(iter([cable]), r[1] or "", send, ref_id, keep_raw=True)
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


def worker_main(tasks: Any, results: Any, db_path: str, parent_pid: int | None = None) -> None:
    """A parse worker process: take tasks until ``None``, put messages on ``results``."""
    import signal

    if parent_pid is not None:
        die_with_parent(parent_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops us
    send = results.put
    while True:
        task = tasks.get()
        if task is None:
            break
        if task[0] == "file":
            _, path, size, mtime_ns, prev_sha = task
            process_file(path, size, mtime_ns, prev_sha, send=send)
        else:
            process_stored(db_path, task, send)
        send(("task-done",))
    send(("worker-done", os.getpid()))

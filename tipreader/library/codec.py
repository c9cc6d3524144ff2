"""How a parsed cable is stored: plain data (zlib JSON and UTF-8 text), never a pickle.

A library folder is something users hand each other, so nothing read from it may run
code: the stored forms are decoded with ``zlib`` and ``json`` only, and turned back into
the model by :func:`tipreader.cable.model_data.cable_from_dict`.

Each cable's text is kept once. Per cable the database holds:

- ``body``: the paragraphs' text joined by blank lines (the body as found when the
  parser found no paragraphs), UTF-8, zlib. Search snippets are cut from it; the index
  does not store a second copy.
- ``paras``: each paragraph's start offset in ``body`` and its number (packed ints).
- ``doc``: the rest of the model as JSON (the paragraphs without their text; the
  routing header and raw body as found, which a rebuild re-parses when no original
  file is stored), zlib.

Both blobs are compressed with a preset dictionary (zlib's ``zdict``) when the cable's
original file is stored and small (:func:`zdict_for`): the first 32 KB of that file,
which holds the same words, so the text costs a few per cent of its size a second
time instead of a third of it. ``doc`` without an original uses the body as its
dictionary. The entities the entity pass finds are stored apart
(``cable_entities``: :mod:`.entity_codec`).
"""

from __future__ import annotations

import functools
import json
import zlib
from pathlib import Path
from typing import Any

from tipreader.cable import Cable
from tipreader.cable._types import RawCable
from tipreader.cable.model_data import ModelDataError, cable_from_dict

from . import entity_codec
from .index import pack_paragraphs, unpack_paragraphs

WINDOW = 32768  # zlib's largest preset dictionary
ORIGINALS_DICT = 1  # the bundled dictionary new originals are compressed with (data/originals-1.zdict)
_DICT_MAGIC = b"TRZ"  # an original compressed with bundled dictionary N: b"TRZ" + bytes([N]) + zlib stream
DICT_FILE_MAX = 256 * 1024  # originals up to this size serve as their cables' dictionary


class StoredDataError(ValueError):
    """A stored blob cannot be read back (damaged, or not what this version writes)."""


def zdict_for(original: bytes | None) -> bytes:
    """The preset dictionary for the cables of an original file (b"" for none)."""
    if original is None or len(original) > DICT_FILE_MAX:
        return b""
    return original[:WINDOW]


@functools.cache
def _bundled_dict(number: int) -> bytes:
    path = Path(__file__).resolve().parent / "data" / f"originals-{number}.zdict"
    try:
        return path.read_bytes()
    except OSError as err:
        raise StoredDataError(f"this tipreader lacks the dictionary {path.name} the library was written with") from err


def compress_original(data: bytes) -> bytes:
    """An original file's stored form: zlib with the bundled dictionary of the page layouts
    cables come in (the WikiLeaks pages' markup: a quarter smaller than zlib alone)."""
    return _DICT_MAGIC + bytes([ORIGINALS_DICT]) + _z(data, _bundled_dict(ORIGINALS_DICT))


def decompress_original(blob: bytes, max_length: int = 0) -> bytes:
    """The original bytes (only the first ``max_length`` when given); plain zlib blobs too."""
    zdict = b""
    if blob[:3] == _DICT_MAGIC:
        zdict, blob = _bundled_dict(blob[3]), blob[4:]
    try:
        dec = zlib.decompressobj(zdict=zdict) if zdict else zlib.decompressobj()
        return dec.decompress(blob, max_length) if max_length else dec.decompress(blob) + dec.flush()
    except zlib.error as err:
        raise StoredDataError(f"damaged stored original: {err}") from err


def _z(data: bytes, zdict: bytes, level: int = 6) -> bytes:
    comp = zlib.compressobj(level, zdict=zdict) if zdict else zlib.compressobj(level)
    return comp.compress(data) + comp.flush()


def _unz(blob: bytes, zdict: bytes) -> bytes:
    try:
        dec = zlib.decompressobj(zdict=zdict) if zdict else zlib.decompressobj()
        return dec.decompress(blob) + dec.flush()
    except zlib.error as err:
        raise StoredDataError(f"damaged stored text: {err}") from err


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def _str(data: bytes) -> str:
    return data.decode("utf-8", "surrogatepass")


def body_and_offsets(cable: Cable) -> tuple[str, list[tuple[int, int]]]:
    """The paragraphs' text joined by blank lines and (start offset, number or -1) of each;
    the body as found, and no offsets, when the parser found no paragraphs."""
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    for para in cable.paragraphs:
        offsets.append((pos, para.number if para.number is not None else -1))
        parts.append(para.text)
        pos += len(para.text) + 2
    if not parts:
        return cable.body_text, []
    return "\n\n".join(parts), offsets


def encode_cable(cable: Cable, zdict: bytes = b"") -> tuple[bytes, bytes, bytes]:
    """(body, paras, doc) blobs of ``cable`` (its entities are not in them)."""
    body, offsets = body_and_offsets(cable)
    body_bytes = _utf8(body)
    data = cable.to_dict()
    data.pop("questions_total", None)
    data.pop("entities", None)
    for para in data["paragraphs"]:
        del para["text"]
    doc = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    return _z(body_bytes, zdict), pack_paragraphs(offsets), _z(_utf8(doc), zdict or body_bytes[-WINDOW:])


def decode_body(body: bytes, zdict: bytes = b"") -> str:
    """The stored body text (what snippets are cut from)."""
    return _str(_unz(body, zdict))


def _doc_data(doc: bytes, body_bytes: bytes, zdict: bytes) -> dict[str, Any]:
    try:
        data = json.loads(_str(_unz(doc, zdict or body_bytes[-WINDOW:])))
    except ValueError as err:
        raise StoredDataError(f"damaged stored cable: {err}") from err
    if not isinstance(data, dict):
        raise StoredDataError("damaged stored cable: not an object")
    return data


def decode_cable(body: bytes, paras: bytes, doc: bytes, zdict: bytes = b"", entities: bytes | None = None) -> Cable:
    """The :class:`Cable` stored as (body, paras, doc), with the entities stored as ``entities``
    (:mod:`.entity_codec`; none when None).

    Raises :class:`StoredDataError` when the blobs are damaged or do not fit the model.
    """
    body_bytes = _unz(body, zdict)
    text = _str(body_bytes)
    data = _doc_data(doc, body_bytes, zdict)
    starts = [start for start, _number in unpack_paragraphs(paras)]
    paragraphs = data.get("paragraphs") or []
    if len(starts) != len(paragraphs):
        raise StoredDataError("damaged stored cable: paragraph offsets do not match")
    for i, para in enumerate(paragraphs):
        end = starts[i + 1] - 2 if i + 1 < len(starts) else len(text)
        if isinstance(para, dict):
            para["text"] = text[starts[i]:end]
    try:
        if entities:
            texts = [para.get("text", "") if isinstance(para, dict) else "" for para in paragraphs]
            return cable_from_dict(data, entities=entity_codec.entities_in(entities, texts))
        return cable_from_dict(data)
    except entity_codec.EntityDataError as err:
        raise StoredDataError(str(err)) from err
    except (ModelDataError, TypeError) as err:
        raise StoredDataError(f"stored cable does not fit the model: {err}") from err


def raw_from_doc(doc: bytes, body: bytes, zdict: bytes = b"") -> RawCable:
    """What a rebuild re-parses for a cable stored without its original file: the header and
    body as found and the container's metadata, read from ``doc`` as plain JSON (it may have
    been written by another model version)."""
    data = _doc_data(doc, _unz(body, zdict), zdict)
    meta = data.get("metadata")
    return RawCable(source=str(data.get("source") or ""), format=str(data.get("format") or "raw"),
                    header=str(data.get("header_text") or ""), body=str(data.get("body_text") or ""),
                    meta=meta if isinstance(meta, dict) else {})

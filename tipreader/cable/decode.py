"""Bytes → clean text: UTF-8 with a per-byte cp1252 fallback, BOMs, binary detection.

Every container reader goes through :func:`decode_bytes` (whole files) or
:func:`decode_record` (one CSV row) and then :func:`clean_text`, so terminal
control characters never reach the model and ``\\r\\n`` never reaches a parser.
"""

from __future__ import annotations

import codecs
import re

from .model import CableError, ParseWarning

_CP1252_ERRORS = "tipreader-cp1252"


def _cp1252_fallback(err: UnicodeError) -> tuple[str, int]:
    """Decode each byte UTF-8 rejects as cp1252 (undefined bytes as U+FFFD)."""
    if not isinstance(err, UnicodeDecodeError):  # pragma: no cover - only registered for decoding
        raise err
    bad = err.object[err.start : err.end]
    return bad.decode("cp1252", errors="replace"), err.end


codecs.register_error(_CP1252_ERRORS, _cp1252_fallback)

# ANSI/VT escape sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \), other ESC x.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x9b[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?")
# C0 controls except \t and \n (\r, \f handled before), DEL, C1 controls.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]+")
_NEEDS_CLEANING = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

# Bytes that never occur in text files; more than a few per cent of them means binary.
_BINARY_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))

_SNIFF = 8192


def clean_text(text: str) -> str:
    """Normalise newlines to ``\\n`` and strip control characters and terminal escapes.

    Tabs and newlines are kept; a form feed becomes a newline.
    """
    if not _NEEDS_CLEANING.search(text):
        return text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\f" in text:
        text = text.replace("\f", "\n")
    if "\x1b" in text or "\x9b" in text:
        text = _ESCAPES.sub("", text)
    return _CONTROLS.sub("", text)


def looks_binary(head: bytes) -> bool:
    """True when the first bytes of a file are not text (NUL bytes, many control bytes)."""
    if not head:
        return False
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    nul = head.count(b"\x00")
    if nul > max(1, len(head) // 100):
        return True
    controls = len(head) - len(head.translate(None, _BINARY_BYTES))
    return controls > max(4, len(head) // 50)


def _decode(data: bytes) -> tuple[str, int]:
    """Decode, returning the text and how many bytes needed the cp1252 fallback."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), 0
    try:
        return data.decode("utf-8"), 0
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors=_CP1252_ERRORS)
    # Count the fallback bytes: a strict re-encode of the good parts is cheaper than tracking them.
    good = data.decode("utf-8", errors="ignore")
    bad = len(data) - len(good.encode("utf-8"))
    return text, bad


def undecodable_warning(count: int) -> ParseWarning:
    """The warning attached to a cable whose bytes were not all valid UTF-8."""
    plural = "s" if count != 1 else ""
    return ParseWarning(
        "undecodable-bytes",
        f"{count} byte{plural} not valid UTF-8, read as cp1252",
    )


def decode_bytes(data: bytes, source: str) -> tuple[str, list[ParseWarning]]:
    """A whole file's bytes → cleaned text and warnings.

    Raises :class:`CableError` for an empty file or a binary one.
    """
    if not data.strip():
        raise CableError("empty file", source)
    if looks_binary(data[:_SNIFF]):
        raise CableError("binary file, not a cable", source)
    text, bad = _decode(data)
    warnings = [undecodable_warning(bad)] if bad else []
    text = clean_text(text)
    if not text.strip():
        raise CableError("empty file", source)
    return text, warnings


def decode_record(data: bytes) -> tuple[str, list[ParseWarning]]:
    """One CSV record's bytes → cleaned text and warnings (never raises)."""
    text, bad = _decode(data)
    return clean_text(text), ([undecodable_warning(bad)] if bad else [])

"""Containers → :class:`RawCable`: the parser's first stage.

Detection is by content, not by file name: a PlusD record page, a WikiLeaks
cable-viewer page (trimmed or whole), the cables CSV (its first row's shape),
a cablegate-text scraper file (five metadata lines), a scraped web page
(``Cablegate: <title>`` first line), else plain cable text. The modules doing
the work are :mod:`.decode`, :mod:`.fmt_text`, :mod:`.fmt_html` and
:mod:`.fmt_csv`.

Limits: a file that is not a CSV and is larger than :data:`MAX_CABLE_FILE`
(20 MB; the largest cable is about 1 MB) is refused with a CableError rather
than read; a CSV is streamed whatever its size.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterator

from ._types import RawCable
from .decode import clean_text, decode_bytes, looks_binary
from .fmt_csv import ROW_START_TEXT, looks_like_csv, read_csv_stream
from .fmt_dump import row_in_page
from .fmt_html import is_plusd_page, is_wikileaks_page, read_plusd, read_wikileaks
from .fmt_text import is_cablegate_text, is_scoop, read_cablegate_text, read_raw, read_scoop
from .model import CableError, ParseWarning

MAX_CABLE_FILE = 20 * 1024 * 1024
_SNIFF = 65536
_HTML_START = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|div|p|table|h\d)\b", re.I | re.S
)


def _looks_html(text: str) -> bool:
    head = text[:2048]
    return bool(_HTML_START.match(head)) or "<html" in head.lower() or "<body" in head.lower()


def _read_decoded(text: str, source: str, warnings: list[ParseWarning]) -> list[RawCable]:
    if "<" in text:
        if is_plusd_page(text):
            return [read_plusd(text, source, warnings)]
        if is_wikileaks_page(text):
            return [row_in_page(read_wikileaks(text, source, warnings))]
        if _looks_html(text):
            raise CableError("HTML page holds no cable", source)
    if is_cablegate_text(text):
        return [read_cablegate_text(text, source, warnings)]
    if is_scoop(text):
        return [read_scoop(text, source, warnings)]
    if ROW_START_TEXT.match(text):
        items = list(read_csv_stream(io.BytesIO(text.encode("utf-8", "surrogatepass")), source))
        raws = [item for item in items if isinstance(item, RawCable)]
        if not raws and items:
            raise items[0]  # type: ignore[misc]
        return raws
    return [read_raw(text, source, warnings)]


def read_text(text: str, source: str) -> list[RawCable]:
    """Decoded text (raw cable, scraped page, HTML page, CSV rows) → RawCables (usually one).

    Raises :class:`CableError` for empty text or an HTML page without a cable.
    """
    text = clean_text(text)
    if not text.strip():
        raise CableError("empty text", source)
    return _read_decoded(text, source, [])


def read_bytes(data: bytes, source: str) -> Iterator[RawCable | CableError]:
    """A file's bytes → each cable in it (HTML page, CSV stream, text), or an error per bad one."""
    if looks_like_csv(data[:_SNIFF]):
        yield from read_csv_stream(io.BytesIO(data), source)
        return
    try:
        text, warnings = decode_bytes(data, source)
        raws = _read_decoded(text, source, warnings)
    except CableError as err:
        err.source = err.source or source
        yield err
        return
    yield from raws


def _size_mb(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"


def read_path(path: str | os.PathLike[str]) -> Iterator[RawCable | CableError]:
    """A file → each cable in it; a CSV is read as a stream, in constant memory.

    A file that cannot be opened, is empty or binary, or is larger than
    :data:`MAX_CABLE_FILE` without being a CSV yields a single CableError.
    """
    name = os.fspath(path)
    try:
        fh = open(name, "rb")
    except OSError as err:
        yield CableError(f"cannot read: {err.strerror or err}", name)
        return
    with fh:
        try:
            head = fh.read(_SNIFF)
            named_csv = name.lower().endswith(".csv") and bool(head.strip()) and not looks_binary(head[:8192])
            is_csv = named_csv or looks_like_csv(head)
            if is_csv:
                fh.seek(0)
                yield from read_csv_stream(fh, name)
                return
            size = os.fstat(fh.fileno()).st_size
            # what is read is bounded whatever fstat says (a device or a pipe says 0)
            data = head + fh.read(max(0, MAX_CABLE_FILE + 1 - len(head)))
            if size > MAX_CABLE_FILE or len(data) > MAX_CABLE_FILE:
                yield CableError(f"file too large for one cable: {_size_mb(max(size, len(data)))}"
                                 f"{'' if size > MAX_CABLE_FILE else ' or more'}", name)
                return
        except OSError as err:
            yield CableError(f"cannot read: {err.strerror or err}", name)
            return
    yield from read_bytes(data, name)

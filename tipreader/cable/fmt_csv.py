"""The cables CSV as a stream: 8 columns, quoted multi-line fields, ``\\"`` escapes.

Columns: id, created, ref_id, origin, classification, references (``|``
separated), header, body. The file is read line by line from the open binary
file, so memory stays constant whatever its size. Records are delimited by
their first line (``123,1/4/2008 22:01,08MEXICO23,``) at a point where no
quoted field is open; each record is then parsed on its own with :mod:`csv`,
so one broken row yields one :class:`CableError` and the stream goes on.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from ._types import RawCable
from .decode import decode_record
from .fmt_html import pre_text
from .model import CableError

COLUMNS = ("id", "created", "ref_id", "origin", "classification", "references", "header", "body")

# The first line of a record: numeric id, M/D/YYYY H:MM, a reference id, then a comma.
# The first three columns may be quoted ("1","12/28/1966 18:48","66BUENOSAIRES2481",...).
ROW_START = re.compile(rb'^"?\d{1,9}"?,"?\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}"?,"?[0-9A-Z_]{4,60}"?,')
ROW_START_TEXT = re.compile(r'^\s*"?\d{1,9}"?,"?\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}"?,"?[0-9A-Z_]{4,60}"?,')
_ROW_FIRST = frozenset((b'"', *(bytes([c]) for c in b"0123456789")))  # what a record's first line starts with
_HEADER_ROW = re.compile(rb'^"?id"?,"?(?:date|created)"?,', re.IGNORECASE)
_CREATED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4}) (\d{1,2}):(\d{2})$")

MAX_RECORD = 20 * 1024 * 1024  # a cable is at most ~1 MB; a record this big has lost a quote


def looks_like_csv(head: bytes) -> bool:
    """The first line (or the one after a column-name row) has the cables-CSV row shape."""
    lines = head.lstrip(b"\xef\xbb\xbf").split(b"\n", 2)
    if lines and _HEADER_ROW.match(lines[0]) and len(lines) > 1:
        return bool(ROW_START.match(lines[1]))
    return bool(lines and ROW_START.match(lines[0]))


def csv_created(value: str) -> str | None:
    """``1/4/2008 22:01`` → ``2008-01-04T22:01:00Z``."""
    m = _CREATED.match(value.strip())
    if not m:
        return None
    mon, day, year, hh, mm = m.groups()
    return f"{year}-{int(mon):02d}-{int(day):02d}T{int(hh):02d}:{mm}:00Z"


def _quote_parity(data: bytes) -> int:
    """1 when ``data`` leaves a quoted field open (odd number of unescaped quotes).

    Counted over a whole record at once: an escape (``\\\\``, ``\\"``) never spans a line.
    """
    if b'"' not in data:
        return 0
    if b"\\\\" in data:
        data = data.replace(b"\\\\", b"")
    return (data.count(b'"') - data.count(b'\\"')) & 1


def split_records(lines: Iterable[bytes]) -> Iterator[tuple[int, int, bytes | None, str]]:
    """Group the file's lines into records: (row number, first line number, bytes, problem).

    ``bytes`` is None when the record was given up; ``problem`` is "" for a
    record whose quotes balance, else why it is broken. Lines outside any
    record (before the first row) count as one broken row per run.
    """
    row = 0
    start_line = 0
    parts: list[bytes] = []
    size = 0
    state = ""  # "" no record, "rec" in a record, "skip" record given up, "junk" lines outside records
    for lineno, line in enumerate(lines, 1):
        if lineno == 1:
            line = line.lstrip(b"\xef\xbb\xbf")
            if _HEADER_ROW.match(line):
                continue
        if line[:1] in _ROW_FIRST and ROW_START.match(line):
            if state:
                yield _finish(row, start_line, parts, state, "")
            row += 1
            start_line = lineno
            parts, size, state = [line], len(line), "rec"
            continue
        if state == "rec":
            parts.append(line)
            size += len(line)
            if size > MAX_RECORD:
                parts, state = [], "skip"
        elif not state and line.strip():
            row += 1
            start_line, parts, state = lineno, [], "junk"
    if state:
        yield _finish(row, start_line, parts, state, " at end of file")


def _finish(row: int, line: int, parts: list[bytes], state: str, where: str) -> tuple:
    if state == "skip":
        return row, line, None, f"record larger than {MAX_RECORD // (1024 * 1024)} MB (a quote is never closed)"
    if state == "junk":
        return row, line, None, "not a cables-CSV row (no id, date and reference id at its start)"
    data = b"".join(parts)
    return row, line, data, (f"unterminated quoted field{where}" if _quote_parity(data) else "")


def parse_fields(record: str, strict: bool = True) -> list[str]:
    """One record's text → its fields (``\\"`` and ``""`` both read as a quote)."""
    rows = list(csv.reader(io.StringIO(record), escapechar="\\", doublequote=True, strict=strict))
    if len(rows) > 1 and strict:
        raise csv.Error(f"{len(rows)} rows where one was expected")
    return rows[0] if rows else []


def _row_to_raw(fields: list[str], source: str, row: int, warnings: list) -> RawCable:
    meta: dict[str, object] = {
        "id": fields[0].strip(),
        "created": csv_created(fields[1]) or fields[1].strip(),
        "ref_id": fields[2].strip(),
        "origin": fields[3].strip(),
        "classification": fields[4].strip(),
        "references": [r.strip() for r in fields[5].split("|") if r.strip()],
        "row": row,
    }
    return RawCable(
        source=source,
        format="csv",
        header=fields[6].strip("\n"),
        body=fields[7],
        meta=meta,
        warnings=tuple(warnings),
    )


def read_csv_stream(fh: BinaryIO | Iterable[bytes], path: str) -> Iterator[RawCable | CableError]:
    """Each row of a cables CSV as a RawCable, or a CableError naming ``path:row``."""
    for row, lineno, data, problem in split_records(fh):
        source = f"{path}:{row}"
        if data is None or problem:
            where = f"row {row} (line {lineno})"
            yield CableError(f"broken CSV {where}: {problem}", source)
            continue
        text, warnings = decode_record(data)
        if text.endswith("\n"):
            text = text[:-1]
        try:
            fields = parse_fields(text)
        except csv.Error as err:
            yield CableError(f"broken CSV row {row} (line {lineno}): {err}", source)
            continue
        if len(fields) != len(COLUMNS):
            yield CableError(
                f"broken CSV row {row} (line {lineno}): {len(fields)} columns, expected {len(COLUMNS)}",
                source,
            )
            continue
        yield _row_to_raw(fields, source, row, warnings)


def embedded_row(text: str) -> list[str] | None:
    """A raw CSV row pasted into a page's body (as on nine WikiLeaks pages) → its 8 fields.

    The pasted rows often lack the final closing quote, so the row is read leniently.
    """
    if not ROW_START_TEXT.match(text):
        return None
    try:
        rows = list(csv.reader(io.StringIO(text.strip()), escapechar="\\", doublequote=True, strict=False))
    except csv.Error:
        return None
    if not rows:
        return None
    # Some pasted rows were re-wrapped, so a newline may fall outside the quotes: glue the pieces.
    fields = list(rows[0])
    for more in rows[1:]:
        if len(fields) >= len(COLUMNS) or not more:
            break
        fields[-1] += more[0]
        fields.extend(more[1:])
    if len(fields) < len(COLUMNS):
        return None
    if len(fields) > len(COLUMNS):  # a stray quote split the body: keep it whole
        fields = fields[:7] + [",".join(fields[7:])]
    return [pre_text(f) if "<a" in f else f for f in fields]

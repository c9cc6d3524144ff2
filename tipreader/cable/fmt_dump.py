"""Database rows pasted into a WikiLeaks page's body, and how to get the cable back out.

Some pages show, instead of (or after a cut-off start of) the cable, a raw row
of the cables CSV (``136383,1/4/2008 22:01,08MEXICO23,"Embassy Mexico",...``)
or of the tab-separated dump (``2007-09-11 09:44:00<TAB>07BERN881<TAB>...``,
newlines escaped as ``\\`` + newline), sometimes followed by the next row.
When the row belongs to the page's cable, its header and body columns replace
the page's text, with a warning; otherwise the page is kept as it is.
"""

from __future__ import annotations

import re

from ._types import RawCable
from .fmt_csv import ROW_START_TEXT, embedded_row
from .model import ParseWarning

_TSV_START = re.compile(r"^\s*(?:\d{1,9}\t)?\d{4}-\d\d-\d\d \d\d:\d\d(?::\d\d)?\t([0-9A-Z_]{4,60})\t")
_TSV_ROW_END = re.compile(r"\n\s*(?:\d{1,9}\t)?\d{4}-\d\d-\d\d \d\d:\d\d(?::\d\d)?\t[0-9A-Z_]{4,60}\t")
_TSV_ESCAPE = re.compile(r"\\(.)", re.S)
_TSV_ESCAPES = {"n": "\n", "t": "\t", "0": "", "\n": "\n", "\\": "\\"}


def _header_ok(header: str) -> bool:
    head = header.lstrip()
    return not head or "FM " in header or head.startswith(("VZCZC", "This record"))


def _with(raw: RawCable, header: str, body: str, meta: dict, message: str) -> RawCable:
    note = ParseWarning("embedded-row", message)
    return RawCable(raw.source, raw.format, header, body, meta, raw.warnings + (note,))


def _tsv_row(raw: RawCable, ref_id: str) -> RawCable | None:
    m = _TSV_START.match(raw.body)
    if not m or m.group(1) != ref_id:
        return None
    end = _TSV_ROW_END.search(raw.body, m.end())
    row = (raw.body[: end.start()] if end else raw.body).rstrip()
    if row.endswith("\\") and not row.endswith("\\\\"):  # the escaped newline that ended the row
        row = row[:-1]
    fields = row.strip().split("\t")
    if len(fields) == 8:
        fields = fields[1:]
    if len(fields) != 7:
        return None
    header, body = (_unescape(f) for f in fields[5:])
    if not body.strip() or not _header_ok(header):
        return None
    meta = dict(raw.meta)
    refs = [r.strip() for r in fields[4].split("|") if r.strip()]
    if refs:
        meta["references"] = refs
    rest = " (the rows after it were dropped)" if end else ""
    return _with(raw, header.strip("\n") or raw.header, body, meta,
                 f"the page body is a pasted database row; its header and body columns were used{rest}")


def _unescape(field: str) -> str:
    return _TSV_ESCAPE.sub(lambda e: _TSV_ESCAPES.get(e.group(1), e.group(1)), field)


def _tsv_tail(raw: RawCable) -> RawCable | None:
    """A page holding a dump row whose columns are doubled or cut at the start (08BERN443, 09TRIPOLI417).

    Its last two columns are the cable's header and body, every line ending in an escaped newline;
    the columns before them (ids, dates, origin, classification, even a first copy of header and
    body) are the dump's, not the cable's text.
    """
    if raw.body.count("\\\n") * 2 < raw.body.count("\n"):
        return None
    fields = raw.body.rstrip().split("\t")
    if len(fields) < 4:
        return None
    header, body = _unescape(fields[-2]), _unescape(fields[-1].rstrip("\\"))
    if "\n" not in header or not body.strip() or not _header_ok(header) or header.lstrip().startswith("This record"):
        return None
    return _with(raw, header.strip("\n") or raw.header, body, dict(raw.meta),
                 "the page body is a pasted database row; its last header and body columns were used")


def row_in_page(raw: RawCable) -> RawCable:
    """A WikiLeaks page RawCable whose body holds a pasted CSV/TSV row → the row's cable."""
    ref_id = str(raw.meta.get("ref_id", ""))
    if not ref_id:
        return raw
    if ref_id not in raw.body:  # a row cut before its id column
        return _tsv_tail(raw) or raw
    tsv = _tsv_row(raw, ref_id) or _tsv_tail(raw)
    if tsv is not None:
        return tsv
    body = raw.body
    start = 0 if ROW_START_TEXT.match(body) else -1
    if start < 0 and f",{ref_id}," in body:
        m = re.search(rf"^\s*\d{{1,9}},\d{{1,2}}/\d{{1,2}}/\d{{4}} \d{{1,2}}:\d{{2}},{re.escape(ref_id)},", body, re.M)
        start = m.start() if m else -1
    if start < 0:
        return raw
    fields = embedded_row(body[start:])
    if fields is None or fields[2].strip() != ref_id or not fields[7].strip() or not _header_ok(fields[6]):
        note = ParseWarning("embedded-row", "the page body holds a pasted CSV row that could not be read; kept as is")
        return RawCable(raw.source, raw.format, raw.header, body, raw.meta, raw.warnings + (note,))
    meta = dict(raw.meta)
    meta["csv_id"] = fields[0].strip()
    refs = [r.strip() for r in fields[5].split("|") if r.strip()]
    if refs:
        meta["references"] = refs
    return _with(raw, fields[6].strip("\n") or raw.header, fields[7], meta,
                 "the page body is a pasted CSV row; its header and body columns were used")

"""Plain-text containers: raw cable text, cablegate-text scraper files, scraped web pages.

The central piece is :func:`split_header`: it separates the routing header
(``VZCZC``, routing lines, ``DE``, ``ZNY``, the DTG, ``FM``/``TO``/``INFO`` and
their continuation lines) from the body, which starts at the classification line
(``UNCLAS SECTION 01 OF 11 MEXICO 000721``) or, when there is none, at the
first preamble line (``SIPDIS``, ``E.O.``, ``TAGS``, ``SUBJECT``). A
classification glued to the last addressee (``...SECDEF WASHDCS E C R E T
ASHGABAT 000248``, as the cablegate scraper wrote it) is split off.
"""

from __future__ import annotations

import re

from ._types import RawCable
from .model import ParseWarning

PARTIAL_NOTE = "This record is a partial extract of the original cable."


def _spaced(word: str) -> str:
    return r"\s?".join(word)


# A classification word as it opens the body: plain or spaced out ("S E C R E T").
_CLASS_WORDS = "|".join(
    [
        _spaced("UNCLASSIFIED"),
        _spaced("UNCLAS"),
        _spaced("CONFIDENTIAL"),
        _spaced("SECRET"),
        r"LIMITED\s+OFFICIAL\s+USE",
        # spaced out with the first letter lost (it sometimes ends the header block instead)
        "O N F I D E N T I A L",
        "E C R E T",
    ]
)
_CLASS_LINE = re.compile(rf"^\s*(?:{_CLASS_WORDS})(?![A-Z])", re.IGNORECASE)
# Where the body may begin when the classification line is missing.
_PREAMBLE_LINE = re.compile(
    r"^\s*(?:SIPDIS|NOFORN|E\.\s?O\.|EO\s+1\d{4}|E\.O\s|TAGS\b|SUBJECT\b|SUBJ\b|REF\b|"
    r"Classified\s+By|Cable\s+dated|This\s+record\s+is\s+a\s+partial)",
    re.IGNORECASE,
)
# A classification glued to the end of a header line; uppercase only, and what
# follows must look like the rest of a classification line (or nothing).
_GLUED_CLASS = re.compile(
    r"(?:S E C R E T|C O N F I D E N T I A L|UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)"
    r"(?=(?:\s+E F T O)?(?:\s+SECTION\s+\d+\s+OF\s+\d+)?\s+[A-Z][A-Z .'/()-]*?\s\d{2,}|\s*$)"
    # ... or the spring-2011 site's date line ("Wednesday, 11 April 2007, 12:57").
    r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, \d{1,2} [A-Z][a-z]+ \d{4}, \d{1,2}:\d{2}\s*$"
)

_VZCZC = re.compile(r"^\s*VZCZC")
_ROUTING = re.compile(r"^\s*(?:(?:[ZOPRM]{1,2}|[ZOPR]\s[ZOPR])\s+)?(?:R[A-Z]{3,6}\d?\s*)+$")
_DE_LINE = re.compile(r"^\s*DE\s+R[A-Z]{3,}")
_ZN_LINE = re.compile(r"^\s*ZN[YR]\b")
DTG_LINE = re.compile(r"^\s*(?:[ZOPRM](?:\s+[ZOPRM])?\s+)?\d{6}\s?Z\s+[A-Za-z]{3}\s+\d{2}(?!\d)")
_FM_LINE = re.compile(r"^\s*FM\s+\S")
_ADDRESSEE_KEY = re.compile(r"^\s*(?:TO|INFO|XMT|BT)\b")
_ROUTED_ADDRESSEE = re.compile(r"^\s*[A-Z]{4,8}/")
_PAGE_ONE = re.compile(r"^\s*PAGE\s+01\b")
_PAGE_NN = re.compile(r"^\s*PAGE\s+\d\d\b")
_OTHER_HEADER = re.compile(
    r"^\s*(?:ACTION\s+[A-Z]+-\d|INFO\s+[A-Z]+-\d|ORIGIN\s|DRAFTED\s+BY|APPROVED\s+BY|-{5,}|BT\s*$|"
    r"\d{4}[A-Z]+\d+\s+-\s+[A-Z]|(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)\s+PTQ\d)"
)
_LOWER = re.compile(r"[a-z]")

_HEADER_SCAN = 150  # the FM line of a real header is within this many lines of its start


def _header_start(line: str) -> bool:
    return bool(
        _VZCZC.match(line)
        or _DE_LINE.match(line)
        or _ZN_LINE.match(line)
        or DTG_LINE.match(line)
        or _FM_LINE.match(line)
        or _PAGE_ONE.match(line)
        or line.lstrip().startswith(PARTIAL_NOTE[:30])
        or _ACTION_START.match(line)
        or (_ROUTING.match(line) and len(line.split()) >= 2)
    )


_ACTION_START = re.compile(r"^\s*(?:ACTION|ORIGIN|INFO)\s+[A-Z]+-\d\d\b")


def _split_glued(line: str) -> tuple[str, str] | None:
    """``'...SECDEF WASHDCS E C R E T ASHGABAT 000248'`` → (``'...SECDEF WASHDC'``, ``'S E C R E T ...'``)."""
    for m in _GLUED_CLASS.finditer(line):
        if m.start() > 0 and not line[: m.start()].isspace():
            return line[: m.start()].rstrip(), line[m.start() :]
    return None


def _is_body_start(line: str) -> bool:
    return bool(_CLASS_LINE.match(line) or _PREAMBLE_LINE.match(line) or _LOWER.search(line))


def _join(header_lines: list[str], body_lines: list[str]) -> tuple[str, str]:
    return "\n".join(header_lines).strip("\n"), "\n".join(body_lines)


def _scan_addressees(lines: list[str], fm: int, head: list[str]) -> tuple[str, str]:
    """From the FM line on: TO/INFO and continuation lines until the body begins."""
    n = len(lines)
    i = fm
    while i < n:
        line = lines[i]
        if not line.strip():
            j = i + 1
            while j < n and not lines[j].strip():
                j += 1
            if j < n and (_ADDRESSEE_KEY.match(lines[j]) or _ROUTED_ADDRESSEE.match(lines[j])):
                i = j
                continue
            return _join(head, lines[j:])
        if i > fm and _is_body_start(line) and not _ADDRESSEE_KEY.match(line):
            return _join(head, lines[i:])
        glued = _split_glued(line)
        if glued:
            head.append(glued[0])
            return _join(head, [glued[1], *lines[i + 1 :]])
        head.append(line)
        if line.strip() == "BT":
            return _join(head, lines[i + 1 :])
        i += 1
    return _join(head, [])


def split_header(text: str) -> tuple[str, str]:
    """Raw cable text → (routing header, body). The header is "" when the text has none."""
    lines = text.split("\n")
    n = len(lines)
    s = 0
    while s < n and not lines[s].strip():
        s += 1
    if s == n:
        return "", text
    first = lines[s]
    starts = _header_start(first)
    if not starts:
        # A page-top classification (PlusD, old telegrams) when "PAGE 01" follows closely.
        starts = _page_top(lines, s)
    if not starts:
        return "", text
    for k in range(s, min(n, s + _HEADER_SCAN)):
        line = lines[k]
        if _FM_LINE.match(line):
            return _scan_addressees(lines, k, lines[s:k])
        if k > s and _is_body_start(line) and not _header_like(line) and not _page_top(lines, k):
            break
    # No FM line: the header is the run of header-looking lines (and blanks).
    head: list[str] = []
    i = s
    while i < n:
        line = lines[i]
        if not line.strip():
            head.append(line)
            i += 1
            continue
        if not (_header_like(line) or i == s):
            break
        glued = _split_glued(line)
        if glued:
            head.append(glued[0])
            return _join(head, [glued[1], *lines[i + 1 :]])
        head.append(line)
        i += 1
    while head and not head[-1].strip():
        head.pop()
    return _join(head, lines[i:])


def _page_top(lines: list[str], k: int) -> bool:
    """A classification line at the top of a telegram page (``PAGE 01`` follows closely)."""
    return bool(_CLASS_LINE.match(lines[k])) and any(_PAGE_NN.match(x) for x in lines[k + 1 : k + 5])


def _header_like(line: str) -> bool:
    return _header_start(line) or bool(_OTHER_HEADER.match(line) or _ADDRESSEE_KEY.match(line))


# --- cablegate-text scraper files -------------------------------------------------

_CG_REF = re.compile(r"^\d{2}[A-Z][A-Z0-9]+\d$")
_CG_DATE = re.compile(r"^[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{2}) (\d{2}):(\d{2}):\d{2} [+-]\d{4} (\d{4})$")
_MONTHS = {m: i for i, m in enumerate("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(), 1)}
_CLASSIFICATIONS = re.compile(r"^(?:UNCLASSIFIED|CONFIDENTIAL|SECRET)(?://[A-Z ]+)?$")
_RECORD_DUMP = re.compile(
    r"^id: \d+\n(?:[a-z]+: .*\n)*?header:\n(.*?)\n-{5,} header ends -{5,}\n(.*?)(?:\n=+CABLE ENDS=+\s*)?\Z",
    re.S | re.M,
)


def is_cablegate_text(text: str) -> bool:
    """Five metadata lines (ref id, subject, scraper date, classification, origin) then the cable."""
    lines = text.split("\n", 5)
    if len(lines) < 5:
        return False
    return bool(_CG_REF.match(lines[0]) and _CG_DATE.match(lines[2]) and _CLASSIFICATIONS.match(lines[3]))


def cablegate_created(value: str) -> str | None:
    """``Tue Feb 24 00:00:00 +0100 2009`` → ``2009-02-24T00:00:00Z``.

    The scraper printed WikiLeaks' own (UTC) creation time with its local offset
    attached, so the offset is dropped, not applied.
    """
    m = _CG_DATE.match(value)
    if not m or m.group(1) not in _MONTHS:
        return None
    mon, day, hh, mm, year = m.groups()
    return f"{year}-{_MONTHS[mon]:02d}-{day}T{hh}:{mm}:00Z"


def read_cablegate_text(text: str, source: str, warnings: list[ParseWarning]) -> RawCable:
    """A cablegate scraper file → RawCable with its five metadata lines in ``meta``."""
    lines = text.split("\n", 5)
    meta: dict[str, object] = {"ref_id": lines[0].strip()}
    if lines[1].strip():
        meta["subject"] = lines[1].strip()
    created = cablegate_created(lines[2].strip())
    if created:
        meta["created"] = created
    meta["classification"] = lines[3].strip()
    if lines[4].strip():
        meta["origin"] = lines[4].strip()
    rest = lines[5] if len(lines) > 5 else ""
    return _raw_from_text(rest, source, "cablegate-text", meta, warnings)


def _raw_from_text(
    text: str, source: str, fmt: str, meta: dict[str, object], warnings: list[ParseWarning]
) -> RawCable:
    warnings = list(warnings)
    dump = _RECORD_DUMP.search(text) if "header ends" in text else None
    if dump:
        header, body = dump.group(1).strip("\n"), dump.group(2)
        warnings.append(ParseWarning("record-dump", "the file holds a record dump; its header and body were used"))
    else:
        header, body = split_header(text)
    if "\u00b6" in body:
        body = body.replace("\u00b6", "")
    if PARTIAL_NOTE in header or PARTIAL_NOTE in body[:300]:
        meta["partial"] = True
    if not body.strip() and not header.strip():
        warnings.append(ParseWarning("empty-body", "the file holds no cable text, only its metadata"))
    return RawCable(source=source, format=fmt, header=header, body=body, meta=meta, warnings=tuple(warnings))


# --- scraped web pages (Scoop) ----------------------------------------------------

_SCOOP_TITLE = re.compile(r"^\s*Cablegate:\s*(.+?)\s*$")
_SITE_TAIL = re.compile(
    r"^\s*(?:(?:\u00a9|\(c\)|Copyright)\s*Scoop\s+Media\b.*|World Headlines\s*|Scoop\s+Media\s*)$",
    re.M | re.IGNORECASE,
)


def is_scoop(text: str) -> bool:
    """A scraped page: its first line is the site's ``Cablegate: <title>`` line."""
    first = text.lstrip("\n").split("\n", 1)[0]
    return bool(_SCOOP_TITLE.match(first))


def read_scoop(text: str, source: str, warnings: list[ParseWarning]) -> RawCable:
    """A scraped page → RawCable: title line to ``meta['title']``, site boilerplate cut off."""
    text = text.lstrip("\n")
    first, _, rest = text.partition("\n")
    meta: dict[str, object] = {"title": _SCOOP_TITLE.match(first).group(1)}  # type: ignore[union-attr]
    tail = _SITE_TAIL.search(rest)
    warns = list(warnings)
    if tail:
        rest = rest[: tail.start()].rstrip() + "\n"
        warns.append(ParseWarning("site-boilerplate", "site text after the cable was removed"))
    return _raw_from_text(rest, source, "scoop", meta, warns)


def read_raw(text: str, source: str, warnings: list[ParseWarning]) -> RawCable:
    """Plain cable text (routing header + body, or body alone) → RawCable."""
    return _raw_from_text(text, source, "raw", {}, warnings)

"""Body text → :class:`Line` list: page markers, section lines and pilcrows removed.

A cable body carries the teletype's page furniture: page markers
(``MEXICO 00000721 002 OF 011``, ``NEW DELHI 00009127 001.2 OF 006``), continuation
classification lines at page tops (``UNCLAS SECTION 02 OF 04 CAIRO 000211``,
``SECTION 02 OF 11``), old teletype page headers (``PAGE 02 HARARE 02271 01 OF 07
271033Z``), repeated classification banners and WikiLeaks' inserted pilcrows.
:func:`clean_lines` removes all of it and keeps the page numbers on the lines
that remain; ``break_before`` marks the line that followed a removed marker so a
sentence running across it can be joined.

Bodies whose whitespace was collapsed (a whole cable on a few long lines) are
split first: mid-line page markers are cut out and the lines are broken before
mid-line paragraph starts (see :mod:`tipreader.cable.collapsed`).
"""

from __future__ import annotations

import re

from ._types import Line
from .collapsed import split_collapsed
from .reflow import UNWRAPPED

_PILCROW = "\u00b6"
_LINE_SEPARATOR = "\u2028"

# `MEXICO 00000721 002 OF 011`, `CAIRO 00000211  002 OF 010`, `NEW DELHI 00009127 001.2 OF 006`;
# the place name is optional (some scrapes lose it).
_PAGE_MARKER = re.compile(
    r"^\s*(?:[A-Z][A-Za-z.'/-]*(?:\s+[A-Z][A-Za-z.'/-]*){0,4}\s+)?\d{5,8}\s+(\d{3})(?:\.\d{1,2})?\s+OF\s+\d{1,3}\s*$",
    re.IGNORECASE,
)
# Teletype page headers of older cables: `PAGE 02 HARARE 02271 01 OF 07 271033Z`,
# `PAGE 01   STATE  097844`, `PAGE 01  ATHENS 02959  171944Z`.
# Also with the message's routing serial and the caption: `PAGE 02 RUEHFRA0170 S E C R E T`,
# `PAGE 02 RUEHFRA2440 C O N F I D E N T I A L PARIS 002440`.
_TELETYPE_PAGE = re.compile(
    r"^\s*PAGE\s+(\d{2,3})\s+(?:[A-Z][A-Z .'-]*?\s+\d{3,6}(?:\s+\d{1,2}\s+OF\s+\d{1,2})?(?:\s+\d{6}\s?Z)?"
    r"|R[A-Z]{5,6}\d{3,5}(?:\s+(?:[A-Z]\s){3,}[A-Z]|\s+(?:UNCLAS|CONFIDENTIAL|SECRET)\w*)?(?:\s+[A-Z][A-Z .'-]*?\s+\d{3,6})?)\s*$"
)
# Lines that only repeat the classification/section at a page top:
# `SECTION 02 OF 11`, `UNCLAS SECTION 02 OF 04 CAIRO 000211`,
# `C O N F I D E N T I A L SECTION 02 OF 03 ANKARA 000348`, `SECTION 02 OF 02 MANAMA 000492`.
_SECTION = re.compile(
    r"^\s*(?:(?:UNCLAS(?:SIFIED)?|LIMITED OFFICIAL USE|CONFIDENTIAL|SECRET|C\s?O\s?N\s?F\s?I\s?D\s?E\s?N\s?T\s?I\s?A\s?L|"
    r"S\s?E\s?C\s?R\s?E\s?T|U\s?N\s?C\s?L\s?A\s?S)(?:\s*(?://|/)?\s*(?:NOFORN|SENSITIVE|SBU|FOUO|EFTO))*\s+)?"
    r"SECTION\s+(\d{1,2})\s+OF\s+(\d{1,2})(?:\s+[A-Z][A-Z .'-]*?\s+\d{3,8})?\s*$",
    re.IGNORECASE,
)
# A classification banner standing alone (repeated at page breaks).
_BANNER = re.compile(
    r"^\s*(?:UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE|"
    r"C\s+O\s+N\s+F\s+I\s+D\s+E\s+N\s+T\s+I\s+A\s+L|S\s+E\s+C\s+R\s+E\s+T|U\s+N\s+C\s+L\s+A\s+S(?:\s+I\s+F\s+I\s+E\s+D)?)"
    r"(?:\s*(?://|/|\s)\s*(?:NOFORN|SENSITIVE|SBU|FOUO|EFTO|NOFORN))*\s*$",
    re.IGNORECASE,
)
# An old teletype page break inside the text: the page-bottom classification (at the end
# of the last line, or on lines of its own with the PTQ number), the page header
# `PAGE 03 HARARE 05461 01 OF 02 271458Z`, and on a section's first page the routing
# block `ACTION AF-00 INFO LOG-00 NP-00 ... /006W ------8A8E0D 271459Z /38`.
_CLS = r"(?:UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)"
_TELETYPE_BREAK = re.compile(
    rf"(?:\s*{_CLS}(?:[ \t]+[A-Z]{{3}}\d{{3,5}})?[ \t]*(?=\n))*\s*(?<![^\s])"
    r"(PAGE[ \t]+\d{2,3}[ \t]+[A-Z][A-Z .'-]*?[ \t]+\d{3,6}(?:[ \t]+\d{1,2}[ \t]+OF[ \t]+\d{1,2})?(?:[ \t]+\d{6}[ \t]?Z)?)"
    r"(?:\s+ACTION\s+[A-Z]{1,8}-\d\d)?"
    r"(?:\s+INFO\s+LOG-\d\d(?:\s+[A-Z]{1,8}-\d\d)*(?:\s*/\d{3}W)?)?"
    r"(?:\s*-{5,}[0-9A-F]{6}\s+\d{6}Z\s*/\d{2,3})?[ \t]*(?:\n|(?=\S))"
)
# A later section's first page header, the routing lines after it, the caption and the
# repeated preamble (SIPDIS, E.O., TAGS, SUBJECT and its continuation) up to a blank line.
_SECTION_FIRST_PAGE = re.compile(
    r"^(PAGE[ \t]+01[ \t]+[A-Z][A-Z .'-]*?[ \t]+\d{3,6}[ \t]+(?:0[2-9]|[1-9]\d)[ \t]+OF[ \t]+\d{1,2}.*)\n"
    r"(?:[ \t]*\n)*[ \t]*[RPOZ][ \t]+\d{6}Z[ \t]+[A-Z]{3}[ \t]+\d{2}[ \t]*\n"
    r"(?:(?![^\n]*SECTION[ \t]+\d)[^\n]*\n){0,40}?"
    r"[^\n]*SECTION[ \t]+\d{1,2}[ \t]+OF[ \t]+\d{1,2}[^\n]*\n"
    r"(?:[ \t]*(?:SIPDIS|NOFORN|SENSITIVE|E\.\s?O\.|TAGS|SUBJECT|XXXX|\S)[^\n]*\n|[ \t]*\n(?=[ \t]*(?:SIPDIS|E\.\s?O\.|TAGS|SUBJECT)))*",
    re.M,
)
# The same when the routing block was collapsed (the DTG run on into the FM and TO lines, no
# blank lines), or a page break splits the preamble: up to the E.O./TAGS line, then a SUBJECT
# with its continuation up to a blank line. Tried first: it cannot run on into the text.
_SECTION_FIRST_PAGE_TAGS = re.compile(
    r"^(PAGE[ \t]+01[ \t]+[A-Z][A-Z .'-]*?[ \t]+\d{3,6}[ \t]+(?:0[2-9]|[1-9]\d)[ \t]+OF[ \t]+\d{1,2}.*)\n"
    r"(?:[ \t]*\n)*[ \t]*[RPOZ][ \t]+\d{6}Z[ \t]+[A-Z]{3}[ \t]+\d{2}(?:[ \t]+FM[ \t][^\n]*)?[ \t]*\n"
    r"(?:(?![^\n]*SECTION[ \t]+\d)[^\n]*\n){0,40}?"
    r"[^\n]*SECTION[ \t]+\d{1,2}[ \t]+OF[ \t]+\d{1,2}[^\n]*\n"
    r"(?:(?![^\n]*\bTAGS\b)(?![ \t]*SUBJECT)[^\n]*\n){0,16}?[^\n]*\bTAGS\b[^\n]*\n"
    r"(?:(?:[ \t]*\n)*[ \t]*SUBJECT[^\n]*\n(?:[ \t]*\S[^\n]*\n)*)?",
    re.M,
)
_SENTENCE_END = frozenset(".!?:;\"')]\u201d")
_PARA_START = re.compile(r"^\s*\d{1,3}\s?\.\s")
# The last line of an old record dump: `> 2002ROME03639 - Classification: CONFIDENTIAL`.
# Also cut by the dump's own quoting: `2003ROME02045 - Clas"<TAB>"sification: CONFIDENTIAL`.
_RECORD_TRAILER = re.compile(r"^\s*>?\s*\d{4}[A-Z][A-Z ]*\d{3,6}\s+-\s+Clas[\"\s]*sification:")
_END_JUNK = frozenset(("", ">", '"'))
# Where a scraped page's site furniture begins (defensive; formats should cut it).
_SITE_TAIL = re.compile(r"^\s*\u00a9\s*Scoop Media\s*$")


def _is_furniture(text: str) -> tuple[bool, int | None]:
    """Whether ``text`` is a page-furniture line, and the page it opens (or None)."""
    m = _PAGE_MARKER.match(text)
    if m:
        return True, int(m.group(1))
    m = _TELETYPE_PAGE.match(text)
    if m:
        return True, int(m.group(1))
    m = _SECTION.match(text)
    if m:
        return True, None
    return False, None


def clean_lines(body: str) -> list[Line]:
    """Split ``body`` into lines, removing page markers/section lines and pilcrows.

    Blank lines around a removed marker are dropped too, so a paragraph that
    runs across a page stays one block; the first line after it has
    ``break_before=True``. A lone classification banner next to a page break is
    dropped; the first line of the body (the cable's own classification line,
    ``SECTION 01 OF 04`` included) is kept. In a body without page markers a
    later ``SECTION nn OF nn`` line starts page ``nn``.
    """
    raw = body.replace("\r\n", "\n").replace("\r", "\n")
    if _PILCROW in raw:
        raw = raw.replace(_PILCROW, "")
    if _LINE_SEPARATOR in raw:  # some pages carry U+2028 where the cable's lines wrapped: a space, as a newline would split titles from their rules
        raw = raw.replace(_LINE_SEPARATOR, " ")
    if "PAGE " in raw:
        raw = _TELETYPE_BREAK.sub(_page_line, raw)
        if "PAGE 01" in raw:
            raw = _SECTION_FIRST_PAGE.sub(r"\1\n", _SECTION_FIRST_PAGE_TAGS.sub(r"\1\n", raw))
    pieces = split_collapsed(raw.split("\n"), raw)
    out: list[Line] = []
    append = out.append
    page = 1
    pending_break = False
    seen_text = False
    markers = False  # page markers seen: section lines then do not set the page
    for text, marker_page in pieces:
        if marker_page is not None:  # a mid-line marker cut out by split_collapsed
            page = max(page, marker_page)
            pending_break = True
            _drop_trailing_blanks(out)
            continue
        stripped = text.strip()
        if not stripped:
            if not pending_break:  # blank lines right after a marker go with it
                append(Line("", page))
            continue
        last = stripped[-1]
        if last.isdigit() or last == "Z" or stripped[:5] == "PAGE ":
            furniture, new_page = _is_furniture(stripped)
            if furniture and (seen_text or new_page is not None):
                if new_page is not None:
                    page = max(page, new_page)
                    markers = True
                elif not markers:  # a later section's first line: a page of its own
                    m = _SECTION.match(stripped)
                    page = max(page, int(m.group(1)) if m else page)
                pending_break = True
                _drop_trailing_blanks(out)
                continue
        elif stripped[0] == "\u00a9" and _SITE_TAIL.match(stripped):
            break
        if pending_break:
            if seen_text and _BANNER.match(stripped):
                continue  # a banner repeated at the top of a page
            pending_break = False
            last_line = out[-1].text if out else ""
            if (
                len(last_line) > UNWRAPPED
                and last_line[-1] not in _SENTENCE_END
                and not _PARA_START.match(text)
                and stripped not in _END_JUNK
            ):
                # an unwrapped sentence running across the page break: joined
                out[-1] = Line(f"{last_line} {stripped}", out[-1].page, out[-1].break_before)
                continue
            append(Line(text.rstrip(), page, True))
        else:
            append(Line(text.rstrip(), page, False))
        seen_text = True
    while out and (out[-1].text.strip() in _END_JUNK or _BANNER.match(out[-1].text) or _RECORD_TRAILER.match(out[-1].text)):
        out.pop()  # blank lines, the closing banner, a record dump's last line, a stray ">" at the end
    start = 0
    while start < len(out) and not out[start].text:
        start += 1
    return out[start:] if start else out


def _page_line(m: re.Match[str]) -> str:
    """A teletype page break inside the text → its page header alone on a line."""
    return f"\n{m.group(1)}\n"


def _drop_trailing_blanks(out: list[Line]) -> None:
    """Drop blank lines (and a lone banner repeated at a page bottom) before a marker."""
    while out and not out[-1].text:
        out.pop()
    if len(out) > 1 and _BANNER.match(out[-1].text):
        out.pop()
        while out and not out[-1].text:
            out.pop()

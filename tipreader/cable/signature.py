"""The closing signature block: the embassy's footer and the signer's name.

A cable ends with the signer's name (``GARZA``) and, from about 2005, often with the
embassy's footer (``Visit Embassy Manama's Classified Website: ...``), sometimes framed
by rows of stars. Both form a ``signature`` paragraph at the end, never the tail of the
last numbered paragraph. In bodies whose lines were joined the footer and the name can
sit at the end of the paragraph's own line: :func:`split_footer` and
:func:`split_tail_signature` put them on lines of their own first, and
:func:`signature_start` finds where the block begins.
"""

from __future__ import annotations

import re

from ._types import Line
from .reflow import UNWRAPPED

_FOOTER_LINE = re.compile(r"^\s*(?:Please\s+)?Visit\b.{0,80}\b(?:Classified )?(?:Web ?site|Web Site|SIPRNET)", re.IGNORECASE)
# The footer inside a line, with the row of stars that may frame it.
_FOOTER_IN_LINE = re.compile(
    r"(?:\*{5,}[\s*]*)?\bVisit\s+(?:(?:the\s+)?(?:US\s+|U\.S\.\s+)?(?:Embassy|Consulate|Mission|USEU|USNATO)\b)?"
    r"[^.]{0,60}?\bClassified\s+(?:Web\s?site|SIPRNET|Intellipedia)",
    re.IGNORECASE,
)
_STARS = re.compile(r"\*{5,}[\s*]*")
# a name may open with a particle in small letters (`van Voorst`)
_SIG_NAME = re.compile(r"^\s*(?:(?:van|von|de|du|da|di|del|der|den|le|la|ter)\s+)?[A-Z][A-Za-z'.-]*(?:[ ,/]+[A-Z][A-Za-z'.-]*){0,3}\s*$")
_NUM_START = re.compile(r"^\s*(\d{1,3})\s?\.(?!\d)(?=\s|\()\s*")
# the name after a sentence, after "END COMMENT" / "END TEXT" or after "MINIMIZE CONSIDERED"
_TAIL_NAME = re.compile(
    r"(?:(?<=[.!?\"\u201d])|(?<=\bEND COMMENT)|(?<=\bEND TEXT)|(?<=\bEND SUMMARY)|(?<=\bCONSIDERED))"
    r"\s+([A-Z][A-Z'-]{2,}(?: [A-Z][A-Z'-]+)?)(?:\s+\.)?\s*$"
)
_NAME_LAST_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ'-")  # what _TAIL_NAME's name can end with
_MARKER_END = re.compile(r"\b(?:END (?:COMMENT|TEXT|SUMMARY)|MINIMIZE CONSIDERED)\s*$")
_SENTENCE_END = frozenset(".!?:;\"')]\u201d")
_TAIL_LINES = 8  # the footer is looked for in the last lines only


def split_footer(lines: list[Line]) -> list[Line]:
    """Put an embassy footer that ends a line of text (``... committee. **** Visit ...``) on a line of its own."""
    for k in range(len(lines) - 1, max(-1, len(lines) - 1 - _TAIL_LINES), -1):
        text = lines[k].text
        if "isit" not in text:
            continue
        m = _FOOTER_IN_LINE.search(text)
        if m is None or not text[: m.start()].strip():
            continue
        line = lines[k]
        head = Line(text=text[: m.start()].rstrip(), page=line.page, break_before=line.break_before)
        footer = _STARS.sub(" ", text[m.start() :]).strip()
        return [*lines[:k], head, Line(text="", page=line.page), Line(text=footer, page=line.page), *lines[k + 1 :]]
    return lines


def signature_start(lines: list[Line]) -> int | None:
    """Index of the closing signature block (``GARZA``, a ``Visit ... Web Site`` line)."""
    end = len(lines)
    while end and not lines[end - 1].text.strip():
        end -= 1
    tail = [i for i in range(max(0, end - 8), end) if lines[i].text.strip()][-4:]
    for i in tail:
        if _FOOTER_LINE.match(lines[i].text):
            return i if i > 0 else None
    i = end
    count = 0
    while i > 0 and count < 3:
        text = lines[i - 1].text.strip()
        if not text:
            i -= 1
            continue
        if len(text) <= 30 and _SIG_NAME.match(text) and text[-1] != "." and not _NUM_START.match(text):
            i -= 1
            count += 1
            continue
        break
    if count == 0 or i == 0:
        return None
    prev = lines[i - 1].text.strip()
    if prev and len(prev) <= UNWRAPPED and prev[-1:] not in _SENTENCE_END and not _MARKER_END.search(prev):
        return None  # a wrapped sentence's last words, not a signature
    return i


def split_tail_signature(lines: list[Line]) -> list[Line]:
    """In an unwrapped body the signature can end the last line: ``... End comment. GODFREY``."""
    if not lines:
        return lines
    last = lines[-1]
    end = last.text.rstrip()
    if end[-1:] not in _NAME_LAST_CHARS and not end.endswith(" ."):  # `... Russia. SILVERBERG .`
        return lines
    m = _TAIL_NAME.search(last.text)
    if not m or (len(last.text) <= UNWRAPPED and not _MARKER_END.search(last.text, 0, m.start(1))):
        return lines
    head = Line(text=last.text[: m.start()].rstrip(), page=last.page, break_before=last.break_before)
    return [*lines[:-1], head, Line(text="", page=last.page), Line(text=m.group(1), page=last.page)]

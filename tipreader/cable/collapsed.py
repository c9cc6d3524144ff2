"""Split bodies whose whitespace was collapsed: a cable on a few very long lines.

Some bodies reach us with their newlines turned into spaces, so a page marker
(``CAIRO 00000211 002 OF 010``) sits in the middle of a sentence and several
numbered paragraphs share one line. :func:`split_collapsed` cuts the markers out
(reporting their page) and breaks long lines before paragraph starts it can
trust: ``2. (C) ...`` with a classification marking, or an unmarked ``3. The``
whose number is the next one expected, and before ``----- HEADING -----`` rules.
Ordinary hard-wrapped lines pass through untouched (one cheap check each).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import repeat

from .markings import match_marking
from .origins import known_post

LONG_LINE = 150  # shorter lines are never split at paragraph starts (a hard-wrapped line is under 100)

_MID_MARKER = re.compile(r"(\d{5,8})\s+(\d{3})(?:\.\d{1,2})?\s+[Oo][Ff]\s+\d{3}\b")
_PLACE_TOKEN = re.compile(r"[A-Z][A-Z'/-]*\Z")
# `... here. 7. (SBU) ...`, `... here. 6.(S) ...` (no space before a marking); also after a pilcrow
# (`. \u00b6 7. (SBU)`). Found by its dot, which the regex engine finds at C speed (a pattern opening with
# `\s` or `\d` is tried at every space or digit), and checked back from there (see :func:`_mid_starts`).
_MID_DOT = re.compile(r"\.(?:(?<=[\s\u00b6]\d\.)|(?<=[\s\u00b6]\d\d\.))(?:\s+(?=[(A-Z\"'])|(?=\())")
_PILCROW = "\u00b6"
_REDACTED_END = re.compile(r"[Xx]{4,}[.,]?$")  # `... XXXXXXXXXXXX 5. (C)`: a redaction ends the paragraph
# `----- Title -----`, also with the rule broken in two (`---...--- ------ Title ---...--- ------`)
_RULE_HEADING = re.compile(r"\s(-{4,}(?: -+)*\s+(?:(?!--)[^\n]){1,80}?\s+-{4,}(?: -+)*)(?=\s|$)")
_LINE_START = re.compile(r"^\s*(\d{1,2})\.(?:\s|(?=\())")
_SENTENCE_END = frozenset(".!?:;\"')]\u201d-")


def _needs_split(raw: str, lines: list[str]) -> bool:
    """Whether any line is long or holds a page marker that is not alone on its line."""
    if lines and max(map(len, lines)) > LONG_LINE:
        return True
    for word in (" OF 0", " of 0", " OF 1"):
        pos = raw.find(word)
        while pos >= 0:
            start = raw.rfind("\n", 0, pos) + 1
            end = raw.find("\n", pos)
            line = raw[start : end if end >= 0 else len(raw)]
            if len(line) <= LONG_LINE and _MID_MARKER.search(line) and _cut_markers(line) != [(line, None)]:
                return True
            pos = raw.find(word, end) if end >= 0 else -1
    return False


def split_collapsed(lines: list[str], raw: str | None = None) -> list[tuple[str, int | None]]:
    """``lines`` → ``(text, None)`` pieces, with ``("", page)`` where a mid-line marker stood.

    ``raw`` (the lines joined with newlines) lets an ordinary body pass through
    without a per-line check.
    """
    if raw is not None and not _needs_split(raw, lines):
        return list(zip(lines, repeat(None)))
    out: list[tuple[str, int | None]] = []
    last_number = 0
    for line in lines:
        if len(line) > 40 and ("OF 0" in line or "of 0" in line) and _MID_MARKER.search(line):
            pieces = _cut_markers(line)
        elif len(line) <= LONG_LINE:  # the common case, a short line: kept as it is
            m = _LINE_START.match(line) if line[:1].isdigit() or line[:1] == " " else None
            if m:
                last_number = max(last_number, int(m.group(1)))
            out.append((line, None))
            continue
        else:
            pieces = [(line, None)]
        for text, page in pieces:
            if page is not None:
                out.append(("", page))
                continue
            if len(text) > LONG_LINE:
                parts, last_number = _split_long(text, last_number)
                out.extend((part, None) for part in parts)
            else:
                m = _LINE_START.match(text) if text[:1].isdigit() or text[:1] == " " else None
                if m:
                    last_number = max(last_number, int(m.group(1)))
                out.append((text, None))
    return out


def _cut_markers(line: str) -> list[tuple[str, int | None]]:
    """Cut page markers out of ``line``; the place name before each goes with it."""
    pieces: list[tuple[str, int | None]] = []
    pos = 0
    for m in _MID_MARKER.finditer(line):
        start = _place_start(line, m.start())
        before = line[pos:start]
        if before.strip():
            pieces.append((before.rstrip(), None))
        pieces.append(("", int(m.group(2))))
        pos = m.end()
    rest = line[pos:]
    if rest.strip():
        pieces.append((rest.strip(), None))
    if len(pieces) == 1 and pieces[0][1] is not None:
        return [(line, None)]  # a whole-line marker: clean_lines handles it
    return pieces


def _place_start(line: str, end: int) -> int:
    """Where the place name (up to 4 upper-case words) before a marker's serial begins.

    When some of those words end in a known post, only the post goes (``... POLICY PLANNING CHIEF
    BRUSSELS 00001257 001.2 OF 002``: the subject keeps ``POLICY PLANNING CHIEF``).
    """
    starts = _word_starts(line, end)
    for k in range(len(starts), 0, -1):
        if known_post(line[starts[k - 1] : end]):
            return starts[k - 1]
    return starts[-1] if starts else end


def _word_starts(line: str, end: int) -> list[int]:
    """The starts of the (up to 4) upper-case words before ``end``, nearest first."""
    starts: list[int] = []
    i = end
    while len(starts) < 4:
        j = i
        while j > 0 and line[j - 1] == " ":
            j -= 1
        k = j
        while k > 0 and line[k - 1] not in " \t":
            k -= 1
        token = line[k:j]
        if not token or not _PLACE_TOKEN.match(token):
            break
        starts.append(k)
        i = k
    return starts


def _mid_starts(text: str) -> Iterator[tuple[int, int, int]]:
    """(start, number, end) of each match of ``\\s(?:\u00b6\\s?)?(\\d{1,2})\\.(?:\\s+(?=[(A-Z"'])|(?=\\())``
    in ``text``: a paragraph number after a space (or a space and a pilcrow), the space included."""
    for m in _MID_DOT.finditer(text):
        dot = m.start()
        d = dot - 2 if text[dot - 2].isdecimal() else dot - 1  # where the number starts
        if d >= 3 and text[d - 2] == _PILCROW and text[d - 1].isspace() and text[d - 3].isspace():
            yield d - 3, int(text[d:dot]), m.end()
        elif d >= 2 and text[d - 1] == _PILCROW and text[d - 2].isspace():
            yield d - 2, int(text[d:dot]), m.end()
        elif d >= 1 and text[d - 1].isspace():
            yield d - 1, int(text[d:dot]), m.end()


def _split_long(text: str, last_number: int) -> tuple[list[str], int]:
    """Break a long line before trusted paragraph starts and rule headings."""
    cuts: list[int] = []
    m0 = _LINE_START.match(text)
    if m0:
        last_number = max(last_number, int(m0.group(1)))
    if "----" in text:
        for m in _RULE_HEADING.finditer(text):
            cuts.append(m.start(1))
            cuts.append(m.end(1))
    for start, number, after in _mid_starts(text):
        k = start
        while k > 0 and text[k - 1] in " \t":
            k -= 1
        if k == 0:
            continue
        marked = match_marking(text, after) is not None
        ends = text[k - 1] in _SENTENCE_END or _REDACTED_END.search(text, max(0, k - 40), k) is not None
        if not ends and not (marked and number == last_number + 1):  # `... Staff Padilla 14. (U) The ...`
            continue
        if (marked and last_number < number <= last_number + 6) or number == last_number + 1:
            cuts.append(start + 1)
            last_number = number
    if not cuts:
        return [text], last_number
    cuts = sorted(set(cuts))
    parts = []
    prev = 0
    for cut in cuts:
        piece = text[prev:cut].strip()
        if piece:
            parts.append(piece)
        prev = cut
    tail = text[prev:].strip()
    if tail:
        parts.append(tail)
    return parts, last_number

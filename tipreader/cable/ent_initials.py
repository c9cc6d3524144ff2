"""People's initials: ``A.Q. Khan``, ``FRANCIS J. RICCIARDONE``, ``M.R. Narayan Swamy``."""

from __future__ import annotations

import re

from .ent_data import is_common_word
from .ent_persons import PersonSpan

_INITIALS_BEFORE = re.compile(r"(?<![\w.'’])((?:[A-Z]\.\s?){1,3})$")
_MIDDLE_INITIAL = re.compile(r" [A-Z]\. ")
_INITIAL_AND_SURNAME = re.compile(r" [A-Z]\. ([A-Z][A-Za-z'’-]+)\b")
_NOT_INITIALS = frozenset({"US", "UN", "UK", "EU", "USA", "PS", "PM", "VP", "DG", "SG", "FM", "MP", "DM"})  # countries, offices
_LETTERED = re.compile(r"(?:\b(?:refs?|reftels?|paras?|paragraphs?|annex|tab|item|option|point|section|part)|[\d:;])\s*$",
                       re.I)  # "Ref B. Saran", "REF: A. 09 STATE 1234 B. SMITH/JONES": list letters


def with_initials(text: str, persons: list[PersonSpan]) -> list[PersonSpan]:
    """People's initials join their name: ``A.Q. Khan``, ``FRANCIS J. RICCIARDONE`` (two names
    found apart across a middle initial are one); ``U.S.``, ``P.S.`` (an office) and ``Ref B.``
    are no one's initials."""
    out: list[PersonSpan] = []
    for p in sorted(persons, key=lambda p: p.start):
        m = _INITIALS_BEFORE.search(text, max(0, p.start - 10), p.start)
        if m and m.group(1).replace(".", "").replace(" ", "") not in _NOT_INITIALS \
                and not _LETTERED.search(text, max(0, m.start(1) - 12), m.start(1)):
            p = PersonSpan(m.start(1), p.end, text[m.start(1) : p.end], p.canonical, p.full)
        if out and _MIDDLE_INITIAL.fullmatch(text, out[-1].end, p.start):
            q = out.pop()
            p = PersonSpan(q.start, p.end, text[q.start : p.end], None, True)
        elif (m := _INITIAL_AND_SURNAME.match(text, p.end)) and not is_common_word(m.group(1).lower()) \
                and p.full and " " not in p.text.strip():
            p = PersonSpan(p.start, m.end(), text[p.start : m.end()], None, True)  # "FRANCIS J. RICCIARDONE"
        out.append(p)
    return out

"""Paragraph classification markings: ``(SBU)``, ``(C)``, ``(S//NF)``, ``(C//REL TO USA, AUS)`` ...

Cables mark each paragraph with its classification in parentheses. Writers vary
the form a great deal (``(C/NF)``, ``(C-NF)``, ``(C NF)``, ``(S//FGI//NF)``,
``(U//FOUO)``, ``(S/Rel UK)``, ``( C )``, ``(c)``). :func:`normalize_marking`
keeps the form as written but upper-cased with stray spaces removed, so
``(S/ Rel to UK)`` becomes ``S/REL TO UK``.
"""

from __future__ import annotations

import re
from functools import lru_cache

_HEAD = r"(?:TS|SNF|SBU|SB|S|C|U|NC|SECRET|CONFIDENTIAL|UNCLASSIFIED|UNCLAS|N)"
_CAVEAT = r"(?:NOFORN|NF|FOUO|FGI|SF|F|N|ORCON|OC|PROPIN|REL\b[^()]*|ENTIRE\b[^()]*)"
_SEP = r"(?:\s*(?:/{1,2}|-{1,2})\s*|\s+)"

#: A marking in parentheses; group 1 is its inside.
MARKING = re.compile(
    rf"\(\s*({_HEAD}(?:{_SEP}{_CAVEAT})*)\s*\)",
    re.IGNORECASE,
)
_FULL = re.compile(rf"\s*{MARKING.pattern}", re.IGNORECASE)
# `1. C) Content`, `2. SBU/N) Content`: the opening parenthesis lost (upper case only).
_OPENLESS = re.compile(rf"\s*({_HEAD}(?:{_SEP}{_CAVEAT})*)\)(?=\s)")
_SPACES = re.compile(r"\s+")
_SLASH_SPACES = re.compile(r"\s*(/{1,2})\s*")


def match_marking(text: str, pos: int = 0) -> re.Match[str] | None:
    """Match a marking (after optional spaces) at ``pos`` in ``text``; group 1 is its inside."""
    return _FULL.match(text, pos) or _OPENLESS.match(text, pos)


@lru_cache(maxsize=4096)  # a few dozen forms in most libraries: computed once each
def normalize_marking(inside: str) -> str:
    """``"S/ Rel to UK "`` → ``"S/REL TO UK"``: upper-cased, spaces tidied, separators as written."""
    text = _SPACES.sub(" ", inside.strip()).upper()
    return _SLASH_SPACES.sub(r"\1", text)

"""Tokens of a paragraph for the name finders: words with offsets, case and context.

A token is a run of letters/digits with inner apostrophes (``Yar’Adua``); a trailing
possessive ``'s`` is kept outside the token's span (``Mexico's`` → ``Mexico``).
Hyphens, slashes and dots separate tokens; the text between two tokens is their
``gap`` so callers can tell ``Santoyo-Cervantes`` from ``Santoyo Cervantes``.
"""

from __future__ import annotations

import re

from .ent_data import fold

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*(?:['’](?![^\W_]))?")
_SENT_END = re.compile(r"[.!?:;]\s*[\"“”'(\-]*\s*$|\n|--\s*$|^\s*[\"“(]*\s*$")


_UPPER_BYTES = bytes(range(ord("A"), ord("Z") + 1))
_LOWER_BYTES = bytes(range(ord("a"), ord("z") + 1))


class Token:
    """One word of a paragraph."""

    __slots__ = ("start", "end", "text", "key", "cap", "upper", "poss", "gap", "sent")

    def __init__(self, start: int, end: int, text: str, poss: bool, gap: str, sent: bool) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.key = text.lower() if text.isascii() else fold(text)
        self.cap = text[0].isupper()
        self.upper = text.isupper() or (len(text) > 2 and text[-1] == "s" and text[:-1].isupper())  # NGOs
        self.poss = poss
        self.gap = gap  # text between the previous token (its possessive included) and this one
        self.sent = sent  # first word of a sentence (or of the paragraph / a list item)

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Token({self.text!r}@{self.start})"


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens with offsets into ``text``."""
    out: list[Token] = []
    append = out.append
    prev_end = 0
    sent_end = _SENT_END.search
    for m in _WORD.finditer(text):
        word = m.group()
        start, end = m.span()
        full_end = end
        poss = False
        if "'" in word or "’" in word:
            if word[-1] in "'’":
                word, end, poss = word[:-1], end - 1, True
            elif len(word) > 2 and word[-2] in "'’" and word[-1] in "sS":
                word, end, poss = word[:-2], end - 2, True
        gap = text[prev_end:start]
        append(Token(start, end, word, poss, gap, not out or (gap != " " and sent_end(gap) is not None)))
        prev_end = full_end
    return out


def is_upper_text(text: str) -> bool:
    """True when a paragraph is written in capitals (most of its letters upper case)."""
    raw = text.encode("ascii", "ignore")  # only ASCII letters count
    upper = len(raw) - len(raw.translate(None, _UPPER_BYTES))
    if upper < 20:
        return False
    return upper > 3 * (len(raw) - len(raw.translate(None, _LOWER_BYTES)))

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
    """Split ``text`` into tokens with offsets into ``text``.

    One ``re.split`` gives the gaps and words alternately; tokens are filled in
    without calling ``Token.__init__`` (the hot loop of entity extraction).
    """
    out: list[Token] = []
    append = out.append
    parts = _SPLIT(text)  # [gap, word, gap, word, ..., gap]
    sent_of = _SENT_OF
    new = object.__new__
    apostrophes = "'" in text or "’" in text
    ascii_text = text.isascii()
    pos = 0
    for i in range(1, len(parts), 2):
        gap = parts[i - 1]
        word = parts[i]
        start = pos + len(gap)
        end = pos = start + len(word)  # pos: the end of the word, its possessive included
        poss = False
        if apostrophes and ("'" in word or "’" in word):
            if word[-1] in "'’":
                word, end, poss = word[:-1], end - 1, True
            elif len(word) > 2 and word[-2] in "'’" and word[-1] in "sS":
                word, end, poss = word[:-2], end - 2, True
        tok = new(Token)
        tok.start = start
        tok.end = end
        tok.text = word
        tok.key = word.lower() if ascii_text or word.isascii() else fold(word)
        if word[0].islower():  # most words: neither capitalised nor in capitals
            tok.cap = tok.upper = False
        else:
            tok.cap = word[0].isupper()
            tok.upper = word.isupper() or (len(word) > 2 and word[-1] == "s" and word[:-1].isupper())  # NGOs
        tok.poss = poss
        tok.gap = gap
        if i == 1:
            tok.sent = True
        elif gap == " ":
            tok.sent = False
        else:
            sent = sent_of.get(gap)
            if sent is None:
                sent = _sent_gap(gap)
            tok.sent = sent
        append(tok)
    return out


_SPLIT = re.compile("(" + _WORD.pattern + ")").split
_SENT_OF: dict[str, bool] = {}  # gap → whether the word after it opens a sentence


def _sent_gap(gap: str) -> bool:
    sent = _SENT_END.search(gap) is not None
    if len(_SENT_OF) > 50_000:  # gaps repeat; keep the memo small
        _SENT_OF.clear()
    _SENT_OF[gap] = sent
    return sent


def capitalised(tokens: list[Token]) -> list[int]:
    """Indices of the capitalised tokens; the finders look for names only there (outside capitals)."""
    return [j for j, t in enumerate(tokens) if t.cap]


def is_upper_text(text: str) -> bool:
    """True when a paragraph is written in capitals (most of its letters upper case)."""
    raw = text.encode("ascii", "ignore")  # only ASCII letters count
    upper = len(raw) - len(raw.translate(None, _UPPER_BYTES))
    if upper < 20:
        return False
    return upper > 3 * (len(raw) - len(raw.translate(None, _LOWER_BYTES)))


def is_government_acronym(word: str) -> bool:
    """``GOB``, ``GOAJ``: "Government of" and a country's one or two initials, in capitals."""
    rest = word[2:]
    return 3 <= len(word) <= 4 and word.startswith("GO") and rest.isascii() and rest.isalpha() and rest.isupper()

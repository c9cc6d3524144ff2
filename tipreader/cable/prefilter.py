"""Exact cheap checks that let the parser skip a regex or a per-character loop.

A case-insensitive regex without a literal prefix scans text at ~30 MB/s, slower than
the parser's whole budget; ``str.lower()`` and ``in`` run at C speed. Each helper here
gives the same answer as the slow form it stands for (the speed guard,
``tests/tools/parse_digests.py``, checks that the parse output stays the same):

- :func:`may_hold` is False only when the text cannot hold one of the words in any case.
  ``re.IGNORECASE`` matches four non-ASCII characters to ASCII letters (``İ`` ``ı`` for
  ``i``, ``ſ`` for ``s``, the Kelvin sign for ``k``); a text holding one of them is always a
  "maybe". In any other text ``str.lower()`` turns exactly the ASCII capitals, and no
  other character, into ASCII letters, so ``word in text.lower()`` is exact.
- :func:`word_start` is where a regex ``\\bWORD`` (``re.IGNORECASE``) can first match: a search from
  there finds what a search from the start finds.
- :func:`has_lower` is ``any(c.islower() for c in text)``.
"""

from __future__ import annotations

import re

_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


def may_hold(text: str, *words: str) -> bool:
    """Whether ``text`` may hold one of ``words`` (lower case) in any case; False means surely not."""
    if not text.isascii() and _FOLDS_TO_ASCII.search(text):
        return True
    low = text.lower()
    if len(words) == 1:  # the common call: no generator to set up
        return words[0] in low
    return any(word in low for word in words)


def word_start(text: str, word: str) -> int | None:
    """The first place where ``word`` (lower-case ASCII letters) starts a word in ``text``, in any case;
    None when it never does. A text holding a character that folds to ASCII gives 0 (look everywhere).

    ``\\b`` is the regex one: no letter, digit or ``_`` right before the word.
    """
    if not text.isascii() and _FOLDS_TO_ASCII.search(text):
        return 0
    low = text.lower()  # as long as ``text``: only U+0130, a folding character, lower-cases to two
    pos = low.find(word)
    while pos > 0:
        before = text[pos - 1]
        if not (before.isalnum() or before == "_"):
            break
        pos = low.find(word, pos + 1)
    return pos if pos >= 0 else None


def has_lower(text: str) -> bool:
    """Whether ``text`` has a lower-case letter (``any(c.islower() for c in text)``, at C speed for ASCII)."""
    if text.isascii():
        return text.upper() != text
    return any(c.islower() for c in text)

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
    return any(word in low for word in words)


def has_lower(text: str) -> bool:
    """Whether ``text`` has a lower-case letter (``any(c.islower() for c in text)``, at C speed for ASCII)."""
    if text.isascii():
        return text.upper() != text
    return any(c.islower() for c in text)

"""Which of two texts of the same cable is the cleaner one.

WikiLeaks holds some cables twice: a garbled page (``08ECTION01OF02MANAMA492``: letters
dropped, "Interational", a paragraph cut off) beside the clean one (``08MANAMA492``). Both
parse to the same id; the library stores one cable and keeps the other text aside
(``older_texts``). Which one is shown is decided by :func:`measure`, compared in this order:

1. **damage**: the parse warnings that say text was lost or garbled (:data:`DAMAGE`: a
   malformed container id, lost lines, a truncated cable, undecodable bytes, a lost header
   or date, a pasted record): fewer is cleaner;
2. **debris**: paragraphs still holding routing or page-break debris (``INFO LOG-00``,
   ``PAGE 01``): fewer is cleaner;
3. **text**: the characters of the paragraphs: more is cleaner (dropped letters and lost
   lines make a copy shorter);
4. **from WikiLeaks**: a text whose container states WikiLeaks' release date (its own page,
   PlusD) before a third party's copy (a scraper's text rendered the TAGS links as words:
   ``BILATERAL RELATIONS WITH THE US``).

Two texts equal on all four are told apart by their text hash, so the text kept never
depends on the order the files come in.

Texts of different WikiLeaks releases are not compared so: the newer release is kept
(a re-release differs on purpose, e.g. less redacted).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from tipreader.cable import Cable

# warning codes (see tipreader.cable.model.Warning_) that mean text was lost or garbled
DAMAGE = frozenset({
    "repaired-id", "lost-line", "truncated", "undecodable-bytes", "missing-header", "no-date", "no-year",
    "embedded-row", "record-dump", "empty-body",
})
DEBRIS = re.compile(r"\bINFO\s+LOG-\d|\bPAGE\s+0\d\b")


class Cleanliness(NamedTuple):
    """How clean a cable's text is; a greater value is cleaner (compare with ``>``)."""

    damage: int  # negated count of damage warnings
    debris: int  # negated count of paragraphs with debris
    text: int  # characters of paragraph text
    released: int  # 1 when the container states WikiLeaks' release date, else 0

    def describe(self) -> str:
        """One line for a log or a test message."""
        return (f"{-self.damage} damage warnings, {-self.debris} paragraphs with debris, {self.text:,} characters"
                + (", WikiLeaks' release date stated" if self.released else ""))


def measure(cable: Cable) -> Cleanliness:
    """The :class:`Cleanliness` of ``cable`` (see the module docstring)."""
    damage = sum(1 for w in cable.warnings if w.code in DAMAGE)
    debris = sum(1 for p in cable.paragraphs if DEBRIS.search(p.text))
    released = isinstance(cable.metadata, dict) and bool(cable.metadata.get("released"))
    return Cleanliness(-damage, -debris, sum(len(p.text) for p in cable.paragraphs), int(released))

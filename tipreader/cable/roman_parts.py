"""Parts numbered in Roman numerals over lettered items: ``I. General information`` / ``II. (U) Macro Conflict
conditions``, each followed by items lettered from A again (a form or questionnaire: 08TASHKENT43, 09PANAMA171).

Such a line is the part's heading, labelled with its numeral, never an item (``I.`` is no letter I there) nor the
tail of the answer before it. The page often gives the heading no paragraph mark of its own, so it is written at
the end of the previous item's paragraph, after a blank line: :func:`roman_tails` finds those, and the answer is
cut before them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .items import Item
    from .model import Paragraph

_NUMERALS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
# a numeral, an optional marking, a short title: no question, no sentence end, no `label: value`
_HEADING = re.compile(r"^\s*([IVX]{1,4})\.\s+(?:\([A-Z/]{1,12}\)\s*)?([A-Z][^\n?:]{0,78}[^\n?:.\s])\s*$")

# a subtitle line under the heading: an optional marking, a few words, no sentence end
_SUBTITLE = re.compile(r"^\s*(?:\([A-Z/]{1,12}\)\s*)?([A-Z][^\n?:.]{0,60}[^\n?:.\s])\s*$")


def roman_heading(block: str) -> tuple[str, str] | None:
    """(numeral, title) when ``block`` is a Roman-numbered title line, else None."""
    m = _HEADING.match(block)
    if m is None or m.group(1) not in _NUMERALS:
        return None
    return m.group(1), m.group(2).strip()


def opens_part(it: Item | None, nxt: Item | None) -> tuple[str, str] | None:
    """(numeral, title) when the item ``it`` is such a heading (no question, its text a title alone) and the next
    item is an A; else None."""
    if it is None or it.question or "\n" in it.answer.strip() or nxt is None or nxt.letters[:1] != ["A"]:
        return None
    return roman_heading(f"{it.letter}. {it.answer}")


def roman_tails(paragraphs: list[Paragraph], items: dict[int, Item]) -> dict[int, tuple[str, str, str]]:
    """Paragraph index -> (numeral, title, block) for a paragraph whose last block is such a heading, the next item
    after it being an A."""
    order = sorted(items)
    found: dict[int, tuple[str, str, str]] = {}
    for para in paragraphs:
        blocks = para.text.split("\n\n")
        if len(blocks) < 2:
            continue
        head = roman_heading(blocks[-1])
        tail = blocks[-1]
        if head is None and len(blocks) > 2 and (head := roman_heading(blocks[-2])) is not None:
            sub = _SUBTITLE.match(blocks[-1])  # `VI. Transnational Terrorism` / `(U) Transnational Terrorism Indicators`
            if sub is None:
                continue
            head, tail = (head[0], f"{head[1]}: {sub.group(1)}"), f"{blocks[-2]}\n\n{blocks[-1]}"
        nxt = next((items[i] for i in order if i > para.index), None)
        if head is not None and nxt is not None and nxt.letters[:1] == ["A"]:
            found[para.index] = (*head, tail)
    return found


def cut_tail(text: str, block: str) -> str:
    """``text`` without the heading ``block`` at its end."""
    stripped = text.rstrip()
    return stripped[: len(stripped) - len(block.strip())].rstrip() if stripped.endswith(block.strip()) else text

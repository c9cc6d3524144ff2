"""Detect paragraphs that lost text: ``lost-line`` warnings.

Scraped pages lose lines (and links stripped from the middle of a line). Two
signs are reliable in a hard-wrapped cable, and only those are reported:

* a prose unit (a wrapped block or list item of two lines or more) whose last
  line stops without punctuation on a word that cannot end a sentence (``are``,
  ``the``, ``of``...), or stops without punctuation on a full-width line;
* a line cut short in the middle of a unit: the next line's first word would
  have fitted easily, and it goes on in lower case (``or Post`` / ``requests
  that``).

Unwrapped bodies (long lines), tables, headings and signatures are not
checked: precision over recall.
"""

from __future__ import annotations

import re

from .model import Paragraph, ParseWarning
from .reflow import UNWRAPPED, is_table, split_blocks, starts_item, units

_FUNCTION_WORDS = frozenset(
    "a an the of to in for and or but nor are is was were be been being has have had that which who whom "
    "whose with by on at from as than their its his her our this these those not will would can could should "
    "after before since until during per among through against within without upon toward towards "
    "may might must into about over under between such if while because although whether very also".split()
)
_ENDING_OK = frozenset(".!?:;\"')]\u201d\u2019*")
_SKIP = re.compile(r"\bEND\s+(?:OF\s+)?(?:SUMMARY|COMMENT|NOTE)\s*$", re.IGNORECASE)
MIN_WIDTH = 50  # narrower blocks are lists or addresses, not wrapped prose


def _last_word(line: str) -> str:
    words = line.split()
    return words[-1].lower() if words else ""


def _unit_ends_short(unit: list[str], wrap: int) -> bool:
    """The unit ends mid-sentence: no final punctuation on a function word or a full line.

    ``wrap`` is the paragraph's wrap width (its longest line): a two-line item is too
    short to know the width from.
    """
    last = unit[-1].rstrip()
    tail = " ".join(unit[-2:])
    low = tail.lower()
    if "xxxx" in low or "http" in low or "www." in low or "url" in low or ("end" in low and _SKIP.search(tail)):
        return False
    if not last or last[-1] in _ENDING_OK or not (last[-1].isalpha() or last[-1] == ","):
        return False
    width = max(len(line.rstrip()) for line in unit)
    if width < MIN_WIDTH:
        return False
    tail_words = last.split()
    if sum(1 for w in tail_words if w[:1].isupper()) >= 0.6 * len(tail_words):
        return False  # a title or a list of names
    words = " ".join(unit[-2:]).split()
    if len(words) >= 2 and words[-2][-1:] in ",;" and words[-1].lower().rstrip(",") in ("and", "or"):
        return False  # a list item ending "...; and"
    if last[-1] == ",":
        return not starts_item(unit[0], None)
    if _last_word(last) in _FUNCTION_WORDS:
        return True
    if len(unit) == 2:  # a short item: only a full line that stops on a lower-case word (not a name)
        return len(last) >= 0.85 * max(width, wrap) and tail_words[-1][0].islower()
    return len(last) >= 0.85 * width and last[-1].islower()


def _unit_cut_inside(unit: list[str]) -> bool:
    """A line in the unit is far shorter than the wrap allows and the sentence runs on."""
    if len(unit) < 4:
        return False
    lengths = list(map(len, unit[:-1]))  # lines come right-stripped from clean_lines
    width = max(max(lengths), len(unit[-1]))
    if width < MIN_WIDTH or min(lengths) >= 0.6 * width:
        return False
    if any("xxxx" in line.lower() for line in unit):
        return False
    if sum(1 for n in lengths if n < 0.85 * width) > 1:
        return False  # irregular wrapping: an edited text, not a lost line
    for line, nxt in zip(unit, unit[1:]):
        text = line.rstrip()
        following = nxt.strip()
        if not text or not following or text[-1] in _ENDING_OK:
            continue
        first = following.split()[0]
        if not following[0].islower() or not text.split()[-1][:1].isupper():
            continue  # the text lost ends a sentence: "... or [lost text.] Post" / "requests that"
        if len(text) < 0.6 * width and len(text) + 1 + len(first) < width - 15:
            return True
    return False


_LABEL = re.compile(r"^\s*[A-Z][A-Z'/ ]{2,40}:")


def _ambiguous(following: str | None) -> bool:
    """A unit ending mid-sentence before a capitalised block may just have a stray blank line."""
    if following is None or _LABEL.match(following) or starts_item(following, None):
        return False
    return following.lstrip(" \"'(\u201c")[:1].isupper()


# A page that surely lost lines in this many places lost the ambiguous ones too.
SURE_PLACES = 3


def lost_line_warnings(paragraphs: list[Paragraph], raw: list[list[str]]) -> list[ParseWarning]:
    """``lost-line`` warnings: one for each place in a paragraph's raw lines that shows lost text.

    A unit that stops mid-sentence before a block opening in capitals may only have a
    stray blank line in its sentence (common on WikiLeaks pages: ``the governorship of`` /
    blank / ``Buenos Aires province``). Such places are reported only on a page that
    surely lost lines in :data:`SURE_PLACES` others: a scraped page that drops lines.
    """
    found: list[tuple[Paragraph, str, bool]] = []
    for para, lines in zip(paragraphs, raw):
        wrap = max(map(len, lines)) if lines else 0
        if lines and wrap <= UNWRAPPED:
            found.extend((para, reason, sure) for reason, sure in _lost_places(lines, wrap))
    trust_ambiguous = sum(sure for _, _, sure in found) >= SURE_PLACES
    warnings: list[ParseWarning] = []
    for para, reason, sure in found:
        if sure or trust_ambiguous:
            label = f"paragraph {para.number}" if para.number is not None else f"paragraph at index {para.index}"
            warnings.append(ParseWarning("lost-line", f"{label}: text seems lost ({reason})", para.index))
    return warnings


def _lost_places(lines: list[str], wrap: int) -> list[tuple[str, bool]]:
    """One ``(reason, sure)`` per unit that lost text: a line cut short inside it, or its end (``wrap``: the
    paragraph's longest line)."""
    places: list[tuple[str, bool]] = []
    blocks = split_blocks(lines)
    for b, block in enumerate(blocks):
        if is_table(block):
            continue
        block_units = units(block)
        for u, unit in enumerate(block_units):
            if len(unit) < 2:
                continue
            following = blocks[b + 1][0] if u == len(block_units) - 1 and b + 1 < len(blocks) else None
            if _unit_cut_inside(unit):
                places.append((f"a line is cut short before \u201c{unit_words(unit, cut=True)}\u201d", True))
            elif _unit_ends_short(unit, wrap):
                places.append((f"it stops mid-sentence at \u201c{unit_words(unit)}\u201d", not _ambiguous(following)))
    return places


def unit_words(unit: list[str], cut: bool = False) -> str:
    """A short quote for the warning message: the last words of the unit or of the cut line."""
    if cut:
        width = max(len(line.rstrip()) for line in unit)
        for line, nxt in zip(unit, unit[1:]):
            text = line.rstrip()
            if text and nxt.strip() and text[-1] not in _ENDING_OK and nxt.strip()[0].islower():
                if len(text) + 1 + len(nxt.split()[0]) < width - 15:
                    return "\u2026 " + " ".join(text.split()[-4:])
    return "\u2026 " + " ".join(unit[-1].split()[-5:])

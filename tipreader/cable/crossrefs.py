"""In-text cross-references to a question of the same cable: ``see 24B above``, ``please see
section 4C``, ``reftel para 6B``, ``(See 1A above.)``, ``mentioned in paragraph 23E``.

A reference names a part and a letter. It resolves to the question of that part (by the
cable's own label, ``23`` or ``III``) answering that letter. When no part has that label but
the number is a part's position (08REYKJAVIK36 numbers its parts 2-5 and says ``See 1A
above`` of the first), the position is used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Cable, Part, Question

_XREF = re.compile(
    r"(?i:\b(?:see|refer\s+to|reftel|ref\s+[a-z]|cf\.?)\s+(?:also\s+)?(?:(?:para(?:graph)?s?\.?|section|question|item|part)\s+)?"
    r"|\b(?:para(?:graph)?|section|question)\s+)"
    r"(\d{1,2}|[IVX]{1,4})(?:\s?\.\s?|\s)?([A-Z])(?![A-Za-z0-9])(?!\.[A-Za-z])"
)


@dataclass(frozen=True, slots=True)
class CrossRef:
    """A reference in ``Paragraph.text`` (``start``:``end`` covers ``24B``) to question ``label``."""

    paragraph: int  # paragraph index
    start: int
    end: int
    label: str  # the target question's label, "24.B"


def resolve(cable: Cable, part: str, letter: str) -> Question | None:
    """The question ``part`` / ``letter`` names (``("24", "B")``, ``("III", "c")``), or None."""
    letter = letter.upper()
    part = part.upper()
    for p in cable.parts:
        if p.label.upper() == part:
            return answering(p, letter)
    if part.isdigit() and 1 <= int(part) <= len(cable.parts) and not any(p.label == part for p in cable.parts):
        return answering(cable.parts[int(part) - 1], letter)
    return None


def answering(part: Part, letter: str) -> Question | None:
    """The item of ``part`` that answers ``letter`` (any case), not one of its sub-questions (``3.F.2.A``)."""
    top = part.label.count(".") + 1
    return next((q for q in part.questions if q.label.count(".") <= top and letter in (x.upper() for x in q.letters)), None)


def references_in(cable: Cable, text: str) -> list[tuple[int, int, Question]]:
    """``(start, end, question)`` of each reference in ``text`` (any text of the cable: a
    paragraph, or the part of it the reader shows) to one of the cable's questions; ``start``:``end``
    covers ``24B``."""
    if not cable.parts:
        return []
    found = []
    for m in _XREF.finditer(text):
        target = resolve(cable, m.group(1), m.group(2))
        if target is not None:
            found.append((m.start(1), m.end(2), target))
    return found


def cross_references(cable: Cable) -> list[CrossRef]:
    """Every reference to one of the cable's questions, in paragraph order (a question's own
    paragraph naming it is no reference)."""
    return [
        CrossRef(para.index, start, end, target.label)
        for para in cable.paragraphs
        for start, end, target in references_in(cable, para.text)
        if target.paragraph_index != para.index
    ]

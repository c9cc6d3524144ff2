"""Answers numbered under lettered section headings, restarting at 1 in each (a DOL child-labour reply).

``2A. Prevalence and Sectored Distribution of ...`` heads a section; under it the answers are numbered
after the tasker's questions, and the numbers start again at 1 in every section: ``1. (U) ...``,
``2. (U) ...``, a range ``4-14. (U) ...`` (one answer to questions 4 to 14). Those numbers are the
section's item numbers, not the cable's paragraph numbers (10CAIRO209). :func:`section_item_lines`
tells the body which lines they are (each opens a paragraph of its own, with no paragraph number);
:func:`section_parts` makes each section a part labelled with its key (``2A``) and titled with its
heading (and a ``Section I: ...`` line under it), and each numbered answer an answer-only item
(``2A.1``, ``2C.4-14``; ``letters`` holds the numbers it answers).

Only when the cable has two such sections or more and the first number under each is 1.

Also here, :func:`roman_item_lines`: categories numbered in Roman numerals, each a short title with its answer
on the next line (``II.  Media attention`` / ``a) no published ...``, 06REYKJAVIK51): each opens a paragraph.
"""

from __future__ import annotations

import re

from ._types import Line
from .markings import match_marking
from .model import Paragraph, Part, Question

_HEADING = re.compile(r"^\s*(\d{1,2}[A-Z])\.\s+([A-Z].{2,98}?)\s*$")
_ITEM = re.compile(r"^\s*(\d{1,2})(?:\s?-\s?(\d{1,2}))?\s?\.\s*(?=\(|[A-Z])")


def _numbers(m: re.Match[str]) -> tuple[int, int]:
    first = int(m.group(1))
    return first, int(m.group(2)) if m.group(2) else first


def section_item_lines(lines: list[Line]) -> set[int]:
    """The indexes of the lines that open a section's numbered answer (see the module doc); empty when none."""
    heads = [
        k for k, line in enumerate(lines)
        if line.text[:1] in " 0123456789" and _HEADING.match(line.text) and (k + 1 == len(lines) or not lines[k + 1].text.strip())
    ]
    if len(heads) < 2:
        return set()
    found: set[int] = set()
    for head, end in zip(heads, [*heads[1:], len(lines)]):
        last = 0
        for k in range(head + 1, end):
            m = _ITEM.match(lines[k].text)
            if m is None or (lines[k - 1].text.strip() and not lines[k].break_before):
                continue
            first, final = _numbers(m)
            if (last == 0 and first != 1) or first <= last or final < first:
                return set()  # not numbered from 1, rising, in every section: the cable's own paragraphs
            last = final
            found.add(k)
        if last == 0:
            return set()
    return found


def section_parts(paragraphs: list[Paragraph]) -> tuple[list[Part], set[int]] | None:
    """The sections as parts and their heading indexes, when the cable has this layout; else None."""
    sections: list[tuple[Paragraph, str, str, list[tuple[Paragraph, re.Match[str]]]]] = []
    extra: dict[int, list[int]] = {}  # an item's paragraph index -> the unnumbered paragraphs that go on with it
    current: int | None = None
    for para in paragraphs:
        if para.kind == "signature":
            break
        head = _HEADING.match(para.text.split("\n\n", 1)[0]) if para.number is None else None
        if head is not None:
            title = " ".join([head.group(2), *para.text.split("\n\n")[1:]])
            sections.append((para, head.group(1), " ".join(title.split()), []))
            current = None
            continue
        m = _ITEM.match(para.text) if sections and para.number is None and para.kind == "body" else None
        if m is not None:
            sections[-1][3].append((para, m))
            current = para.index
        elif current is not None and para.kind == "body" and para.number is None:
            extra.setdefault(current, []).append(para.index)
        else:
            current = None
    if len(sections) < 2 or any(not items or _numbers(items[0][1])[0] != 1 for *_, items in sections):
        return None
    text_of = {p.index: p.text for p in paragraphs}
    parts = []
    for head_para, key, title, items in sections:
        questions = []
        for para, m in items:
            first, final = _numbers(m)
            mk = match_marking(para.text, m.end())
            texts = [para.text[mk.end() if mk else m.end():].strip()]
            texts += [text_of[i] for i in extra.get(para.index, [])]
            number = str(first) if first == final else f"{first}-{final}"
            questions.append(Question(
                letter="", question="", answer="\n\n".join(t for t in texts if t), paragraph=None,
                paragraph_index=para.index, answer_paragraphs=(para.index, *extra.get(para.index, [])),
                label=f"{key}.{number}", letters=tuple(str(n) for n in range(first, final + 1)),
            ))
        parts.append(Part(title=title, questions=tuple(questions), paragraph_index=head_para.index, label=key,
                          title_source="cable"))
    return parts, {head_para.index for head_para, *_ in sections}


_ROMANS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
ROMAN_ITEM = re.compile(r"^\s*(X|IX|IV|V?I{0,3})\.\s+(?=[A-Z])")
_ROMAN_LINE = re.compile(r"^\s*(X|IX|IV|V?I{0,3})\.\s+[A-Z][^.?!:]{0,58}$")
_LETTER_LINE = re.compile(r"^\s*(?:-{1,3}\s*)?[A-H][.)]\s")


def roman_item_lines(lines: list[Line]) -> set[int]:
    """The lines of Roman-numbered categories answered below their title, when they run I, II, III ... (three at
    least), each after a blank line with its answer on the next line and no lettered item among them."""
    found = [k for k, line in enumerate(lines)
             if line.text[:1] in " IVX" and _ROMAN_LINE.match(line.text) and (k == 0 or not lines[k - 1].text.strip())
             and k + 1 < len(lines) and lines[k + 1].text.strip()]
    numerals = [_ROMAN_LINE.match(lines[k].text).group(1) for k in found]  # type: ignore[union-attr]
    if len(found) < 3 or numerals != _ROMANS[: len(found)]:
        return set()
    if any(_LETTER_LINE.match(lines[k].text) for k in range(found[0], found[-1])):
        return set()  # Roman parts over lettered items (layout 4): not categories
    return set(found)

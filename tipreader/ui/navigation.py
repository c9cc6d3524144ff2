"""Where things are in a cable: go-to targets, suggestions, status-line positions.

Pure functions over the model, no Textual: the go-to prompt, the command palette
and the status line share them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tipreader.cable.crossrefs import answering, resolve
from tipreader.cable.model import Cable

from .document import question_map
from .text import clean, one_line


@dataclass(frozen=True)
class Target:
    """A place to go: paragraph index ``para``, shown as ``label`` with a ``detail``."""

    para: int
    label: str
    detail: str
    score: float = 1.0


def part_of(cable: Cable, para: int | None) -> int | None:
    """The part number (1-based) the paragraph ``para`` falls in, or None before the first."""
    if para is None:
        return None
    found = None
    for n, part in enumerate(cable.parts, 1):
        first = part.paragraph_index
        if first is None and part.questions:
            first = part.questions[0].paragraph_index
        if first is not None and first <= para:
            found = n
    return found


def question_targets(cable: Cable) -> list[Target]:
    """Every question as a target, under the cable's own label: ``23.A`` with its first words."""
    return [
        Target(q.paragraph_index, clean(q.label or q.letter, newlines=False), one_line(q.question or q.answer, 70))
        for q in cable.questions
    ]


def part_targets(cable: Cable) -> list[Target]:
    """Every part as a target: ``Part 23``."""
    out = []
    for n, part in enumerate(cable.parts, 1):
        first = part.paragraph_index
        if first is None and part.questions:
            first = part.questions[0].paragraph_index
        if first is not None:
            label = clean(part.label or str(n), newlines=False)
            out.append(Target(first, f"Part {label}", one_line(part.title, 60) or f"{len(part.questions)} questions"))
    return out


# `23.A`, `23A`, `III.B`, `3.b`, `4 A`, `2·C`, `IV.B-C`, `C`
_QUESTION_FORM = re.compile(r"(?:(\d{1,3}|[IVXivx]{1,5})\s*[.·\-]?\s*)?([A-Za-z])(?:\s*[-&,]\s*[A-Za-z])?[.):]?")

# `7.12`, `7 12`, `A.1`: a question the cable numbers in order within a paragraph or topic
_NUMBERED_FORM = re.compile(r"[A-Za-z0-9]{1,5}\s*[.\s\u00b7]\s*\d{1,3}")


def question_form(cable: Cable, query: str, current: int | None = None) -> list[Target] | None:
    """The question a query in one of the forms readers type names, best first.

    None when ``query`` is not such a form; [] when it is one but names no question of
    the cable (the go-to box says so). A part number is the cable's own label first
    (``23``, ``III``), else the part's position.
    """
    key = _label_key(query)
    exact = [q for q in cable.questions if _whole_path(q.label) and _label_key(q.label) == key]
    if exact:  # a sub-question by its whole path: `3.F.2.A`, `3f2a`; an exchange by its number: `7.12`
        return [Target(q.paragraph_index, clean(q.label, newlines=False), one_line(q.question or q.answer, 70)) for q in exact]
    if _NUMBERED_FORM.fullmatch(query.strip()) and any(q.label.rpartition(".")[2].isdigit() for q in cable.questions):
        return []  # `7.40` in a cable whose exchanges are numbered 7.1-7.32
    m = _QUESTION_FORM.fullmatch(query.strip())
    if m is None or not cable.parts:
        return None
    part, letter = m.group(1), m.group(2).upper()
    if part is None:
        here = part_of(cable, current) or 1
        order = [here] + [n for n in range(1, len(cable.parts) + 1) if n != here]
        found = [q for n in order if (q := answering(cable.parts[n - 1], letter)) is not None]
    else:
        q = resolve(cable, part, letter)
        found = [q] if q is not None else []
    return [Target(q.paragraph_index, clean(q.label, newlines=False), one_line(q.question or q.answer, 70)) for q in found]


def _whole_path(label: str) -> bool:
    """Whether a label is typed whole: a sub-question's path (``3.F.2.A``) or a numbered question (``7.12``)."""
    return label.count(".") > 1 or (label.count(".") == 1 and label.rpartition(".")[2].isdigit())


def _label_key(text: str) -> str:
    """A label as typed or written, without case and separators: ``3.F.2.A``, ``3 f 2 a`` → ``3F2A``."""
    return re.sub(r"[\s.\u00b7]+", "", text).upper()


def missing_target(cable: Cable, query: str) -> str | None:
    """What the go-to box says when ``query`` names a paragraph or question the cable lacks."""
    q = query.strip()
    m = re.fullmatch(r"¶?\s*(\d+)\.?", q)
    if m:
        if cable.paragraph_by_number(int(m.group(1))) is None and not any(
                str(p.number).startswith(m.group(1)) for p in cable.paragraphs if p.number is not None):
            return f"No paragraph {m.group(1)} in this cable."
        return None
    if question_form(cable, q) == []:
        labels = ", ".join(p.label for p in cable.parts)
        return f"No question {q} in this cable (parts {labels})."
    return None


def _fuzzy(query: str, text: str) -> float:
    """A score in 0..1: how well the words of ``query`` match ``text`` (prefixes count)."""
    words = re.findall(r"\w+", query.lower())
    if not words:
        return 0.0
    hay = re.findall(r"\w+", text.lower())
    hits = sum(1 for w in words if any(h.startswith(w) for h in hay))
    if hits == 0:
        return 0.0
    where = text.lower().find(query.lower())
    bonus = 0.0 if where < 0 else 0.1 + 0.1 * (1 - where / max(1, len(text)))  # earlier is better
    return min(1.0, hits / len(words) * 0.8 + bonus)


def suggest(cable: Cable, query: str, current: int | None = None, limit: int = 8) -> list[Target]:
    """Targets for the go-to prompt's ``query``, best first.

    ``12`` is paragraph 12; ``C`` question C of the current part (``current`` is the
    paragraph at the top); ``23.A``, ``23A``, ``III.B``, ``3.b``, ``4 A`` the question the
    cable labels so (see :func:`question_form`); other words match the questions' text
    (fuzzy) and then the paragraphs' first words.
    """
    q = query.strip()
    out: list[Target] = []
    if not q:
        return question_targets(cable)[:limit] or _para_targets(cable, limit)
    m = re.fullmatch(r"¶?\s*(\d+)\.?", q)
    if m:
        number = int(m.group(1))
        for para in cable.paragraphs:
            if para.number == number:
                out.append(Target(para.index, f"¶{number}", one_line(para.text, 70)))
                break
        for para in cable.paragraphs:  # prefixes: "1" also offers 10-19
            if para.number is not None and para.number != number and str(para.number).startswith(m.group(1)):
                out.append(Target(para.index, f"¶{para.number}", one_line(para.text, 70), 0.5))
        return out[:limit]
    named = question_form(cable, q, current)
    if named is not None:
        return named[:limit]
    questions = {qq.paragraph_index: qq for qq in cable.questions}
    scored = []
    for t in question_targets(cable) + part_targets(cable):
        full = questions[t.para].question if t.para in questions and not t.label.startswith("Part") else t.detail
        scored.append((_fuzzy(q, f"{full} {t.label}"), t))
    qmap = question_map(cable)
    for para in cable.paragraphs:
        if para.index not in qmap and para.number is not None:
            scored.append((_fuzzy(q, para.text) * 0.9, Target(para.index, f"¶{para.number}", one_line(para.text, 70))))
    scored = [(s, t) for s, t in scored if s > 0]
    scored.sort(key=lambda st: -st[0])
    return [Target(t.para, t.label, t.detail, s) for s, t in scored[:limit]]


def _para_targets(cable: Cable, limit: int) -> list[Target]:
    return [Target(p.index, f"¶{p.number}", one_line(p.text, 70)) for p in cable.paragraphs if p.number is not None][:limit]


def status_text(cable: Cable, para: int | None, percent: int) -> str:
    """``08MEXICO721 · Q 7/22 · ¶ 12/26 · 45%`` for the paragraph at the top."""
    bits = [clean(cable.ref_id, newlines=False)]
    questions = cable.questions
    numbered = [p for p in cable.paragraphs if p.number is not None]
    if questions:
        qn = 0
        for n, q in enumerate(questions, 1):
            if para is not None and q.paragraph_index <= para:
                qn = n
        bits.append(f"Q {qn}/{len(questions)}" if qn else f"Q –/{len(questions)}")
    if numbered:
        number = None
        for p in numbered:
            if para is not None and p.index <= para:
                number = p.number
        last = max(p.number for p in numbered if p.number is not None)  # the cable's last number, not a count
        bits.append(f"¶ {number}/{last}" if number is not None else f"¶ –/{last}")
    bits.append(f"{percent}%")
    return " · ".join(bits)

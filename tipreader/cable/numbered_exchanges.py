"""Questions restated as numbered paragraphs, after an intro that says the cable answers them.

Two layouts of a reply to a tasker's questions, with no letters:

* each numbered paragraph holds a question (its first line) and the answer on the lines below it, as ``- `` bullets
  (``2. (C) Who was in command ...?`` / ``- Lt. Col. ... was in charge ...``, 09KAMPALA1399): each paragraph is one
  pair, addressed by its paragraph number; the last may be a request without a question mark, being in the same
  shape as the others;
* a ``Question 1:`` label on a line of its own, the question in the next numbered paragraph, the answer in the
  numbered paragraph after it (07TASHKENT2081): labelled with the part and the question's number (``2.1``); the
  answer goes on in unnumbered paragraphs up to the next label.

Only when the text before the first question says it answers questions (``responds to reftel questions``,
``Responses to questions follow:``, ``keyed to``) and three questions at least are found. The part is the cable's
paragraph holding that intro.
"""

from __future__ import annotations

import re

from .items import QMARK
from .model import Paragraph, Part, Question

_INTRO = re.compile(
    r"\bkeyed to\b|\breftel questions\b|\b(?:respon(?:ds?|ses?)|answers?|replies|reply)\s+to\s+(?:the\s+|your\s+|our\s+)?"
    r"(?:(?:reftel|ref\s+\w|department(?:'s)?|following)\s+)?(?:questions|queries)\b",
    re.IGNORECASE,
)
_LABEL = re.compile(r"^\s*Question\s+(\d{1,2})\s*:\s*$", re.IGNORECASE)
_MIN_PAIRS = 3


def _intro(paragraphs: list[Paragraph], first: int) -> Paragraph | None:
    """The paragraph before ``first`` that says the cable answers questions (the last such), else None."""
    return next((p for p in reversed(paragraphs[:first]) if _INTRO.search(p.text)), None)


def _bulleted(paragraphs: list[Paragraph]) -> list[tuple[Paragraph, str, str]]:
    """(paragraph, question, answer) of numbered paragraphs whose first line is followed by ``- `` bullets."""
    found = []
    for para in paragraphs:
        question, sep, answer = para.text.partition("\n")
        if para.number is not None and para.kind == "body" and sep and answer.startswith("- ") and question.strip():
            found.append((para, question.strip(), answer.strip()))
    return found


def _bulleted_parts(paragraphs: list[Paragraph]) -> list[Part] | None:
    pairs = _bulleted(paragraphs)
    if len(pairs) < _MIN_PAIRS or sum(1 for _, q, _ in pairs if QMARK.search(q)) * 3 < len(pairs) * 2:
        return None
    intro = _intro(paragraphs, pairs[0][0].index)
    if intro is None or intro.number is None:
        return None
    questions = tuple(
        Question(letter="", question=q, answer=a, paragraph=p.number, paragraph_index=p.index,
                 answer_paragraphs=(p.index,), label=str(p.number))
        for p, q, a in pairs if p.index > intro.index
    )
    return [Part(title="Questions", questions=questions, label=str(intro.number), title_source="standard")]


def _labelled_parts(paragraphs: list[Paragraph]) -> list[Part] | None:
    labels = [(p, m.group(1)) for p in paragraphs if p.number is None and (m := _LABEL.match(p.text))]
    if len(labels) < _MIN_PAIRS:
        return None
    intro = _intro(paragraphs, labels[0][0].index)
    if intro is None or intro.number is None:
        return None
    stops = [p.index for p, _ in labels[1:]] + [next((p.index for p in paragraphs if p.kind == "signature"), len(paragraphs))]
    questions = []
    for (label, number), stop in zip(labels, stops):
        block = paragraphs[label.index + 1 : stop]
        if len(block) < 2 or block[0].number is None or block[1].number is None or not QMARK.search(block[0].text):
            return None
        answer = [block[1]]
        for para in block[2:]:  # unnumbered paragraphs go on with the answer; a numbered one is the cable again
            if para.number is not None or para.kind != "body":
                break
            answer.append(para)
        questions.append(Question(
            letter="", question=block[0].text, answer="\n\n".join(p.text for p in answer), paragraph=block[0].number,
            paragraph_index=block[0].index, answer_paragraphs=tuple(p.index for p in answer),
            label=f"{intro.number}.{number}", letters=(number,),
        ))
    return [Part(title="Questions", questions=tuple(questions), label=str(intro.number), title_source="standard")]


def numbered_parts(paragraphs: list[Paragraph]) -> tuple[list[Part], set[int]] | None:
    """The part of questions restated as numbered paragraphs (see the module doc), or None."""
    parts = _bulleted_parts(paragraphs) or _labelled_parts(paragraphs)
    return (parts, set()) if parts else None

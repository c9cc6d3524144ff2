"""Lettered topics over unlabelled questions: ``A. Immigration Databases``, then ``--What ...?`` and its answer.

A reply keyed to a tasker that restates the tasker's questions under the tasker's own lettered
topics, with no letter or number for the questions themselves (06SANJOSE2778): each topic is a part
labelled with its letter and titled with its text; each ``--`` question is an item numbered in order
within its part (``A.1``, ``A.2``: the cable writes no number, so ``letters`` is empty); a topic
answered without a restated question is one answer-only item (``D.1``).
"""

from __future__ import annotations

import re

from .items import QMARK, Item, split_item
from .markings import match_marking
from .model import Paragraph, Part, Question

_DASH = re.compile(r"^--\s?(?=[A-Z])")
_TITLE_MAX = 80


def _dash_question(para: Paragraph) -> tuple[str, str] | None:
    """(question, answer) of a ``--What ...?`` paragraph, else None."""
    if para.kind != "body" or para.number is not None:
        return None
    m = _DASH.match(para.text)
    if m is None:
        return None
    question, answer = split_item(para.text[m.end() :], restating=True)
    if not question.endswith("?") and not QMARK.search(question):
        return None
    return question, _unmarked(answer)


def _unmarked(answer: str) -> str:
    """An answer without the marking it opens with (``(SBU) All of the above ...``): markings are not words."""
    mk = match_marking(answer)
    return answer[mk.end() :].lstrip() if mk and answer.startswith("(") else answer


def _topic(it: Item | None) -> bool:
    """A lettered item that opens with a topic's title (``A. Immigration Databases``), its answer below or none."""
    if it is None or it.question or it.path or not it.answer:
        return False
    title = it.answer.split("\n\n", 1)[0]
    return len(title) <= _TITLE_MAX and "\n" not in title and title[-1] not in ".?!:"


def topic_parts(paragraphs: list[Paragraph], items: dict[int, Item]) -> tuple[list[Part], set[int]] | None:
    """The parts and their heading indexes when the cable has this layout (two or more ``--`` questions
    under lettered topics), else None."""
    dashes = {p.index: qa for p in paragraphs if (qa := _dash_question(p)) is not None}
    if len(dashes) < 2 or not any(_topic(items.get(i)) for i in range(min(dashes))):
        return None
    parts: list[tuple[Item, int, list[Question]]] = []
    extra: list[int] = []  # the answer paragraphs of the last question

    def close() -> None:
        if parts and parts[-1][2] and extra:
            q = parts[-1][2][-1]
            texts = [q.answer, *(paragraphs[i].text for i in extra)]
            parts[-1][2][-1] = Question(letter="", question=q.question, answer="\n\n".join(t for t in texts if t),
                                        paragraph=None, paragraph_index=q.paragraph_index, label=q.label,
                                        answer_paragraphs=q.answer_paragraphs + tuple(extra))
        extra.clear()

    for para in paragraphs:
        it = items.get(para.index)
        if _topic(it):
            close()
            assert it is not None
            rest = it.answer.partition("\n\n")[2]
            parts.append((it, para.index, []))
            if rest:  # the topic answered in its own paragraph, no question restated (`D. Appropriate Partners`)
                parts[-1][2].append(Question(letter="", question="", answer=_unmarked(rest.strip()), paragraph=None,
                                             paragraph_index=para.index, label=f"{it.letters[0]}.1",
                                             answer_paragraphs=(para.index,)))
            continue
        if not parts or para.kind not in ("body", "question") or (it is not None and it.letters):
            close()
            if para.kind == "signature" or (it is not None and it.letters):
                break
            continue
        topic, _, questions = parts[-1]
        label = f"{topic.letters[0]}.{len(questions) + 1}"
        if para.index in dashes:
            close()
            question, answer = dashes[para.index]
            questions.append(Question(letter="", question=question, answer=answer, paragraph=None,
                                      paragraph_index=para.index, label=label,
                                      answer_paragraphs=(para.index,) if answer else ()))
        elif questions:
            extra.append(para.index)
        else:  # a topic answered without a restated question
            questions.append(Question(letter="", question="", answer=para.text, paragraph=None,
                                      paragraph_index=para.index, label=label, answer_paragraphs=(para.index,)))
    close()
    # a topic whose paragraph holds its answer too is headed by that answer's question block
    built = [
        Part(title=topic.answer.split("\n\n", 1)[0], questions=tuple(qs), label=topic.letters[0], title_source="cable",
             paragraph_index=None if qs[0].paragraph_index == index else index)
        for topic, index, qs in parts if qs
    ]
    return built, {index for topic, index, qs in parts if qs and qs[0].paragraph_index != index}

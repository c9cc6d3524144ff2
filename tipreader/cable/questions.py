"""TIP questionnaire structure: parts, and questions paired with answers.

Annual TIP report submissions answer a lettered questionnaire, laid out in
several ways, all handled here:

* ``5. (SBU) QUESTION A. ... POST RESPONSE: ...`` (the Mexico cable), letters
  restarting at A for each part and no part headings;
* a numbered part heading (``25. (SBU) THE COUNTRY'S TIP SITUATION``, ``27. (U)
  PREVENTION:``) or a heading line (``-------- OVERVIEW --------``) followed by
  lettered items (``-- A. What is ...?`` then the answer; ``A. (SBU) answer``
  with no question; ``--23A. answer`` keyed to the tasking cable's paragraphs).

A part is named from its heading, or where there is none from what its
questions ask (overview, prevention, prosecution, protection).
"""

from __future__ import annotations

import re

from .items import END_TEXT, TRANSCRIPT, asks, END_TEXT_TAIL, QMARK, QUESTION_LABEL, TAIL_HEADING, Item, heading_title, item_of, letters_label, split_item
from .model import Paragraph, Part, Question
from .numbered_exchanges import numbered_parts
from .prefilter import may_hold
from .form_fields import split_fields
from .item_sequences import dotted_exchanges, one_run, repeats_label
from .roman_parts import cut_tail, opens_part, roman_tails
from .section_items import section_parts
from .topic_questions import topic_parts

_TIP = re.compile(
    r"\bTIP\b|\b(?:trafficking|traffic) in persons\b|\b(?:human|child|labor|sex) trafficking\b|\banti-trafficking\b|"
    r"\btrafficking victims?\b|\bvictims of trafficking\b",
    re.IGNORECASE,
)
_KEYED = re.compile(
    r"\bkeyed to\b|\bquestionnaire\b|\breftel questions\b|\bquestions? (?:in|of|from) ref|\bquestions posed\b",
    re.IGNORECASE,
)
_KEYED_WORDS = ("keyed to", "question")  # one is in each match (every other phrase holds "question")

_UNLABELLED_QUESTION = re.compile(r"(?:^|\n\n)--\s?[A-Z][^\n]{0,600}\?(?=\n\n|$)")
_BLOCK_TITLES = ("SUMMARY", "EXECUTIVE SUMMARY", "COMMENT", "BACKGROUND")
_TOPIC_LABEL = re.compile(r"^([A-Z][\w' ,/&-]{2,60}):\s")
_CONTINUED = re.compile(r"\(?\bcont(?:inued|\.|'d)\)?", re.IGNORECASE)
# `III (continued).` before the first item: the second half of a split submission, whose
# letters run on from the first half's (D, E, F: fewer than a whole list, and no A)
_GOES_ON = re.compile(r"\((?:continued|cont(?:\.|'d))\)", re.IGNORECASE)

OVERVIEW = "Overview: the country's TIP situation"
PREVENTION = "Prevention"
PROSECUTION = "Investigation and prosecution of traffickers"
PROTECTION = "Protection and assistance to victims"
_TOPICS = {
    OVERVIEW: ("origin", "transit", "destination", "overview", "sources of information", "extent", "magnitude",
               "situation", "conditions", "vulnerab", "traffickers and their methods", "at risk"),
    PREVENTION: ("prevent", "campaign", "awareness", "education", "national plan", "demand", "acknowledge",
                 "monitor immigration", "coordination"),
    PROSECUTION: ("law", "prosecut", "penalt", "punish", "convict", "extradit", "sentence", "prostitution",
                  "investigat", "peacekeep", "pedophile", "official"),
    PROTECTION: ("victim", "shelter", "assist", "protect", "repatriat", "referral", "care facilit", "residency",
                 "witness"),
}


def _derived_title(items: list[Item], tip: bool) -> str:
    """Name a part without a heading from the words of its questions (or answers)."""
    if not tip:
        return "Questions"
    text = " ".join((it.question or it.answer[:300]).lower() for it in items)
    scores = {title: sum(text.count(word) for word in words) for title, words in _TOPICS.items()}
    best = max(scores, key=lambda t: scores[t])
    return best if scores[best] else "Questions"


def _keyed(text: str) -> bool:
    """Whether ``text`` says it answers a tasker (``keyed to``, ``questionnaire``, ``questions in ref``)."""
    return may_hold(text, *_KEYED_WORDS) and _KEYED.search(text) is not None


def find_parts(paragraphs: list[Paragraph]) -> tuple[list[Part], set[int], set[int]]:
    """Parts with their questions, the question paragraph indexes, the part heading indexes."""
    parts, headings = _find_parts(paragraphs)
    q_indexes = {q.paragraph_index for part in parts for q in part.questions}
    return parts, q_indexes, headings


def _find_parts(paragraphs: list[Paragraph]) -> tuple[list[Part], set[int]]:
    colon = not any(TRANSCRIPT.search(p.text) for p in paragraphs if "Q" in p.text)  # a match holds a Q
    items = {p.index: it for p in paragraphs if (it := item_of(p, colon=colon)) is not None}
    sections = section_parts(paragraphs)
    if sections is not None:  # answers numbered under `2A.` section headings
        return sections
    if _keyed("\n".join(p.text for p in paragraphs[:8])):  # keyed to the tasker: its topics and questions?
        topics = topic_parts(paragraphs, items)
        if topics is not None:
            return topics
    q_style = sum(1 for it in items.values() if it.style == "question")
    if any(it.answered for it in items.values()):
        q_style = max(q_style, 2)  # one exchange the cable labels `Q:` and `A:` is a pair (press guidance)
    # `1)` items are only ever sub-items of a lettered one (a list otherwise)
    lettered = [it for it in items.values() if it.style == "lettered" and not it.letter.isdigit()]
    if sum(1 for it in lettered if it.letter == "Q") >= 2:
        lettered = []  # a "Q. ... A. ..." interview transcript, not a questionnaire: its exchanges are pairs
        exchanges = dotted_exchanges(items)
        if exchanges:
            items, q_style = exchanges, 2
    if q_style < 2 and len(lettered) < 3:
        return numbered_parts(paragraphs) or ([], set())  # questions restated as numbered paragraphs?
    # what the cable says before its first item decides: `keyed to reftel`, a TIP submission's intro
    first = min(it.index for it in lettered) if lettered else len(paragraphs)
    extract = first == 0 or paragraphs[0].text[:1].islower()  # the cable's start is lost: all of it
    whole = "\n".join(p.text for p in (paragraphs if extract else paragraphs[: first + 1]))
    # a few lettered lines after talk of trafficking are a list (programs, projects); a TIP submission answers many
    tip = _TIP.search(whole) is not None and (q_style >= 2 or sum(len(it.letters) for it in lettered) >= 5
                                              or _GOES_ON.search(whole) is not None)
    numbered = [p for p in paragraphs if p.number is not None]
    # the cable marks its paragraphs (SBU): a numbered line without a marking is a list item
    marked = len(numbered) >= 3 and sum(1 for p in numbered if p.marking) >= 0.6 * len(numbered)
    starts = any(it.letter.upper() == "A" or it.letter == "II" for it in lettered)
    if q_style < 2 and not (tip or starts or (_keyed(whole) and one_run(lettered))):
        return [], set()
    if q_style < 2 and not (tip or _keyed(whole)):
        return [], set()
    if q_style >= 2:
        items = {i: it for i, it in items.items() if it.style == "question"}
    elif all(it.letter == "A" for it in lettered):
        return [], set()  # press guidance: Q1 ... A. / Q2 ... A., never a B
    elif sum(1 for it in lettered if it.question) * 2 >= len(lettered):
        # the cable restates its questions: an instruction without a question mark is one too
        items = {p.index: it for p in paragraphs if (it := item_of(p, restating=True, colon=colon)) is not None}
    parts: list[tuple[tuple[str, str] | None, int | None, list[Item]]] = []
    headings: set[int] = set()
    pending: tuple[tuple[str, str], int | None, bool] | None = None  # (label, title), index, the whole paragraph
    current: Item | None = None
    last_letter = ""
    last_key: str | None = None
    items = _outline(items)
    split_fields(list(items.values()))  # `A. Date and time of alarm: 29.12.2007 ...`: a form's field and value
    order = sorted(items)
    tails = roman_tails(paragraphs, items)  # `II. Shipment information` written at the end of an answer
    for para in paragraphs:
        it = items.get(para.index)
        roman = opens_part(it, next((items[i] for i in order if i > para.index), None))
        if roman is not None:  # `I. General information` then `A. ...`: a part's heading, not an item
            pending, current = (roman, para.index, True), None
            continue
        roman_tail = tails.get(para.index)
        if roman_tail is not None and it is not None:
            it.answer = cut_tail(it.answer, roman_tail[2])
        elif roman_tail is not None and current is not None and para.number is None and para.kind == "body":
            current.answer_paras.append(para.index)  # the answer goes on here, up to the heading
            current.extra.append(cut_tail(para.text, roman_tail[2]))
            pending, current = ((roman_tail[0], roman_tail[1]), None, False), None
            continue
        if it is not None and current is not None and it.continued and it.letters == current.letters:
            current.answer_paras.append(para.index)  # `Question D (cont'd): ...`: D's answer goes on
            current.extra.append(it.answer)
            continue
        if it is not None and current is not None and repeats_label(current, it):
            current.answer = it.answer  # `A. (U) Are ...?` then `A. (S/NF) The ...`: the answer repeats the label
            current.answer_paras.append(para.index)
            continue
        if it is not None and it.path and pending is None and parts:
            parts[-1][2].append(it)  # a sub-item: under its parent, in the same part
            current = it
            if roman_tail is not None:
                pending, current = ((roman_tail[0], roman_tail[1]), None, False), None
            continue
        if it is not None:
            if it.letters:
                restart = it.letter <= last_letter or (it.key is not None and it.key != last_key) or not parts
            else:  # unlettered QUESTION: / ANSWER: paragraphs make one part
                restart = not parts or bool(last_letter)
            if pending is not None:
                parts.append((pending[0], pending[1], []))
                if pending[2] and pending[1] is not None:
                    headings.add(pending[1])
                pending = None
            elif restart:
                tail = _tail_title(paragraphs, para.index, current)
                parts.append((("", tail) if tail else None, None, []))
            parts[-1][2].append(it)
            current, last_letter, last_key = it, (it.letters or [""])[-1], it.key
            if roman_tail is not None:  # the next part's heading closed this item's paragraph
                pending, current = ((roman_tail[0], roman_tail[1]), None, False), None
            continue
        if para.kind == "signature":
            current = None
            continue
        nxt = next((items[i] for i in order if i > para.index), None)
        head = heading_title(para) if nxt is not None else None
        if head is not None and head[1].upper() in _BLOCK_TITLES and len(para.text) > len(head[1]) + 20:
            head = None  # `SUMMARY: Post appreciates ... END SUMMARY.`: a summary paragraph, no part's title
        if (
            head is not None and nxt is not None and (nxt.letters or para.kind == "heading")
            and (nxt.letter == "A" or nxt.letter <= last_letter or not parts
                 or (para.number is not None and not any(c.islower() for c in head[1])))
        ):
            between = []
            for p in paragraphs[para.index + 1 : nxt.index]:
                if p.text.startswith("#####"):
                    break  # lost lines: what follows up to the item is the fragment of a lost item
                if p.kind != "heading":
                    between.append(p)
            instructions = (
                nxt.letter == "A" and len(between) <= 2 and all(p.number is None for p in between)
                and (para.kind == "heading" or para.number is not None)
            )
            if not between or (para.number is not None and len(between) <= 1) or instructions:
                alone = para.kind == "heading" or " ".join(para.text.split()).rstrip(":. ").endswith(head[1])
                pending = (head, para.index, alone)
                current = None
                continue
        if parts and para.number is not None and (special := _numbered_question(para)) is not None:
            topic = _TOPIC_LABEL.match(special.question)
            parts.append(((str(para.number), topic.group(1) if topic else ""), None, [special]))
            current, last_letter, last_key = None, "", None
            continue
        if current is not None and para.index in current.answer_paras:
            continue  # the item took it already (the `A.` of a `Q.` / `A.` exchange)
        if current is not None and current.field:
            current = None  # a form's field is answered on its own line
        listed = para.number is not None and para.marking is None and marked  # `8. Proactive search ...` in a list
        # `Q:` / `A:` exchanges (no letter): a numbered paragraph or any heading ends the last answer
        exchange = current is not None and current.style == "question" and not current.letters
        if current is not None and (para.number is None or (current.style == "question" and not exchange) or listed):
            if para.kind == "heading" and (exchange or not any(c.islower() for c in para.text) or nxt is None):
                current = None  # a heading in capitals, or any after the last item, opens what follows: no answer's tail
                continue
            if para.kind in ("body", "heading") and not END_TEXT.match(para.text) and not para.text.startswith("#####"):
                current.answer_paras.append(para.index)
                current.extra.append(para.text)
                continue
        current = None
    return _build_parts(paragraphs, [p for p in parts if p[2]], tip), headings


def _outline(items: dict[int, Item]) -> dict[int, Item]:
    """The items that are questions: sub-items get their path; other differently written labels are text.

    The first item's shape (``A.``) is the questionnaire's; a ``1)`` or ``a.`` label in another
    shape is a sub-item when it restates a question under an open item (see :func:`_nest`), else a
    numbered or lettered paragraph of the answer it stands in.
    """
    kept: dict[int, Item] = {}
    outline: list[Item] = []  # the open items, outermost first, each written in its own shape
    small = [it for it in items.values() if it.letter.islower()]
    # `a)` `b)` without a title or question each: a list inside a paragraph, not a questionnaire's items
    small_list = sum(1 for it in small if it.question) * 2 < len(small)
    if any(not it.question and _UNLABELLED_QUESTION.search(it.answer) for it in items.values()):
        return {}  # lettered topics over unlabelled `--What ...?` questions and their answers: not answers
    for index in sorted(items):
        it = items[index]
        if outline and _nest(outline, it):
            kept[index] = it
            continue
        other_shape = bool(outline and it.shape and it.shape != outline[0].shape)
        if not (it.letter.isdigit() or other_shape or (it.letter.islower() and small_list)):
            outline[:] = [it]
            kept[index] = it
    return kept


def _nest(outline: list[Item], it: Item) -> bool:
    """Whether ``it`` is a sub-item (``1)`` under ``F.``, ``A)`` under ``2)``); sets its path, updates ``outline``.

    A label written in a shape no open item has opens a level below the innermost item when it
    is the first of its kind (``A``, ``a``, ``1``); one in the shape of an open sub-level that
    goes on from it (``2)`` after ``1)``) is its sibling. The outermost shape is the part's.
    """
    if not it.shape or it.shape == outline[0].shape or not asks(it.question):
        return False  # a sub-item restates its question; numbered answer paragraphs stay the answer's
    level = next((k for k, open_item in enumerate(outline) if open_item.shape == it.shape), None)
    if level is not None:
        if it.letter <= outline[level].letters[-1] or len(it.letter) != len(outline[level].letter):
            return False
        del outline[level:]
    elif it.letter not in ("A", "a", "1"):
        return False
    parent = outline[-1]
    it.path = [*parent.path, letters_label(parent.letters)]
    outline.append(it)
    return True


def _tail_title(paragraphs: list[Paragraph], index: int, current: Item | None) -> str | None:
    """A part heading run into the end of the paragraph before ``index`` (lost line break).

    ``... keyed to reftel questions:  LIBYA'S TIP SITUATION`` → the title; when that
    paragraph is the previous answer's, the heading is cut from the answer.
    """
    if index == 0:
        return None
    prev = paragraphs[index - 1]
    m = TAIL_HEADING.search(prev.text)
    if m is None or prev.kind != "body" or sum(c.isalpha() for c in m.group(1)) < 8:
        return None
    title = m.group(1).rstrip(":").strip()
    if current is not None:
        if current.answer_paras and current.answer_paras[-1] == prev.index:
            current.extra[-1] = current.extra[-1][: m.start()].rstrip()
        elif current.index == prev.index and current.answer.endswith(m.group(0).strip()):
            current.answer = current.answer[: len(current.answer) - len(m.group(0).strip())].rstrip()
        elif current.index == prev.index:
            return None
    return title


def _end_text(answer: str) -> tuple[str, str]:
    """(answer, after): ``End text of submission ...`` written at the end of the last answer is no part of it."""
    m = END_TEXT_TAIL.search(answer)
    if m is None or not answer[: m.start()].strip():
        return answer, ""
    return answer[: m.start()].rstrip(), m.group(1).strip()


_TITLE_BLOCK = re.compile(r"^[A-Z][^.?!\n]{0,60}$")
# a paragraph the body did not number (its number repeats one: `2.(U) Post contacts ...`)
_MARKED_PARAGRAPH = re.compile(r"^\d{1,2}\.\s?\([A-Z/]{1,12}\)")


def _exchange_tail(answer: str, last: bool) -> tuple[str, str]:
    """(answer, after) of a `Q:` / `A:` exchange: a numbered and marked paragraph below it, and the titles over
    the next exchange (``Country Specific Questions``, ``Pakistan``), are no part of its answer."""
    blocks = answer.split("\n\n")
    k = next((n for n in range(1, len(blocks)) if _MARKED_PARAGRAPH.match(blocks[n])), len(blocks))
    while not last and k > 1 and _TITLE_BLOCK.match(blocks[k - 1]) and len(blocks[k - 1].split()) <= 6:
        k -= 1
    return "\n\n".join(blocks[:k]), "\n\n".join(blocks[k:])


def _numbered_question(para: Paragraph) -> Item | None:
    """A numbered question asked after the lettered parts (``27. (U) Child soldiers: Does ...? ...``)."""
    question, answer = split_item(para.text, restating=True)
    if not question or not answer or not (QMARK.search(question) or QUESTION_LABEL.match(para.text)):
        return None
    return Item(para.index, "", None, question, answer, "numbered", [])


def _enclosing_numbers(
    paragraphs: list[Paragraph], parts: list[tuple[tuple[str, str] | None, int | None, list[Item]]]
) -> dict[int, str]:
    """Part position → the number of the cable's paragraph a part without a label of its own lies in.

    ``3. (SBU) ... Following are excerpts:`` then ``Q: ...`` / ``A: ...`` exchanges: the part is
    the cable's paragraph 3. Only for such exchanges (lettered parts keep their ordinal), where
    that paragraph holds one part alone and the items are not numbered paragraphs themselves.
    """
    found: dict[int, str] = {}
    for pos, (head, heading_index, its) in enumerate(parts):
        first = heading_index if heading_index is not None else its[0].index
        if (head and head[0]) or any(it.letters for it in its) or paragraphs[its[0].index].number is not None:
            continue
        number = next((p.number for p in reversed(paragraphs[: first + 1]) if p.number is not None), None)
        if number is not None:
            found[pos] = str(number)
    taken = [head[0] for head, _, _ in parts if head and head[0]]
    return {pos: n for pos, n in found.items() if list(found.values()).count(n) == 1 and n not in taken}


def _build_parts(
    paragraphs: list[Paragraph], parts: list[tuple[tuple[str, str] | None, int | None, list[Item]]], tip: bool
) -> list[Part]:
    """The model's parts, labelled with the cable's own numbers."""
    result: list[Part] = []
    enclosing = _enclosing_numbers(paragraphs, parts)
    for ordinal, (head, heading_index, its) in enumerate(parts, 1):
        label, title = head if head is not None else ("", "")
        label = label or next((it.key for it in its if it.key), "") or enclosing.get(ordinal - 1) or str(ordinal)
        questions = []
        unlettered = 0
        for it in its:
            own = [it.index] if it.answer else []
            answer = "\n\n".join(x for x in [it.answer, *it.extra] if x)
            answer, after = _end_text(answer)
            if not it.letters and it.style == "question" and not after:
                answer, after = _exchange_tail(answer, last=it is its[-1])
            number = paragraphs[it.index].number
            if it.letters:
                q_label = ".".join([label, *it.path, letters_label(it.letters)])
            elif number is not None:  # a numbered question: the cable addresses it by its paragraph number
                q_label = str(number)
            else:  # `Q:` / `QUESTION:` with no number of their own: `Q2:`'s number, else in order in the part
                unlettered += 1
                q_label = f"{label}.{it.number or unlettered}"
            questions.append(Question(
                letter=it.letter,
                question=it.question,
                answer=answer,
                paragraph=number,
                paragraph_index=it.index,
                answer_paragraphs=tuple(own + it.answer_paras),
                label=q_label,
                letters=tuple(it.letters),
                after=after,
            ))
        result.append(Part(
            title=title or _derived_title(its, tip),
            questions=tuple(questions),
            paragraph_index=heading_index,
            label=label,
            title_source="cable" if title else "standard",
            continues=label if _CONTINUED.search(title) else None,
        ))
    return result

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
from dataclasses import dataclass, field

from .markings import MARKING, match_marking
from .model import Paragraph, Part, Question

_QUESTION = re.compile(r"^\W*QUESTION\s+([A-Z])\b\s*(?:[.:)]|--?)?\s*", re.IGNORECASE)
_RESPONSE = re.compile(r"\b(?:POST(?:'S)?\s+RESPONSE|EMBASSY\s+RESPONSE|RESPONSE|ANSWER)\s*[:.-]\s*", re.IGNORECASE)
_LETTERED = re.compile(
    rf"^\s*(-{{1,3}}\s*)?(?:(\d{{1,2}})\s?)?([A-Z])(?:-([A-Z]))?\s?[.)](?=\s|$)\s*(?:{MARKING.pattern}\s*)?", re.IGNORECASE
)
_QMARK = re.compile(r"(?<=[A-Za-z0-9)\]'\"])\?(?![A-Za-z0-9])")
_ASKS = re.compile(
    r"^(?:\(\w+\)\s*)?(?:[A-Z][\w' ,/-]{0,60}:\s*)?(?:Does|Do|Did|Is|Are|Was|Were|What|How|Which|Has|Have|Had|Can|Could|"
    r"Please|To what|If|Who|Whom|Where|When|Why|Will|Would|Should|In what|For|Describe|Provide|Specify|Identify|List|Are there)\b",
    re.IGNORECASE,
)
_ROMAN_TITLE = re.compile(r"^\s*([IVX]{1,4}|\d{1,2})\s?[.)]\s+")
_UPPER_LABEL = re.compile(r"^([A-Z0-9][A-Z0-9 ,;/()'&.\u2019-]{3,160}?)\s*([:?])\s+(?=\S)")

_TIP = re.compile(
    r"\bTIP\b|\b(?:trafficking|traffic) in persons\b|\b(?:human|child|labor|sex) trafficking\b|\banti-trafficking\b|"
    r"\btrafficking victims?\b|\bvictims of trafficking\b",
    re.IGNORECASE,
)
_KEYED = re.compile(r"\bkeyed to\b|\bquestionnaire\b|\breftel questions\b|\bquestions? (?:in|of|from) ref", re.IGNORECASE)

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


@dataclass(slots=True)
class _Item:
    index: int
    letter: str
    key: str | None
    question: str
    answer: str
    style: str  # "question" (QUESTION X) or "lettered"
    letters: list[str] = field(default_factory=list)
    answer_paras: list[int] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)


def _split_lettered(body: str) -> tuple[str, str]:
    """A lettered item's text (prefix removed) → (question, answer)."""
    blocks = body.split("\n\n")
    first = blocks[0].strip()
    rest = "\n\n".join(b for b in blocks[1:] if b.strip())
    marks = [m.end() for m in _QMARK.finditer(first)] if _ASKS.match(first) else []
    if marks and rest:
        return first, rest
    if marks:
        cut = marks[-1]
        tail = first[cut:].lstrip(" )\n")
        if tail and (tail[0].isupper() or tail[0].isdigit()):
            return first[:cut].strip(), first[cut:].strip()
        if not tail:
            return first, ""
    if rest and len(first) <= 160 and first.endswith(":"):
        return first, rest
    m = _UPPER_LABEL.match(first)
    if m and not any(c.islower() for c in m.group(1)):
        label = first[: m.end(2)].strip()
        answer = first[m.end() :].strip()
        return label, "\n\n".join(x for x in (answer, rest) if x)
    return "", body.strip()


def _item(para: Paragraph) -> _Item | None:
    """The questionnaire item a paragraph holds, if any."""
    text = para.text
    m = _QUESTION.match(text)
    if m:
        body = text[m.end() :]
        r = _RESPONSE.search(body)
        if r:
            question, answer = body[: r.start()].strip(), body[r.end() :].strip()
        elif "\n" in body:
            question, _, answer = body.partition("\n")
            question, answer = question.strip(), answer.strip()
        else:
            question, answer = body.strip(), ""
        letter = m.group(1).upper()
        return _Item(para.index, letter, None, question, answer, "question", [letter])
    if para.number is not None or para.kind != "body":
        return None
    m = _LETTERED.match(text)
    if not m or not text[: m.end()].strip():
        return None
    letter = m.group(3)
    if not letter.isupper():
        return None
    question, answer = _split_lettered(text[m.end() :])
    return _Item(para.index, letter, m.group(2), question, answer, "lettered", _letter_span(letter, m.group(4)))


def _letter_span(first: str, last: str | None) -> list[str]:
    """``A`` → [A]; ``G-K`` → [G, H, I, J, K] (a range answered at once)."""
    if not last or not last.isupper() or last <= first:
        return [first]
    return [chr(c) for c in range(ord(first), ord(last) + 1)]


def _heading_title(para: Paragraph) -> tuple[str, str] | None:
    """(label, title) a paragraph gives when it stands as a part heading, else None.

    The label is the cable's number for the part: the paragraph number, or the Roman
    or Arabic number opening the heading (``III. PROTECTION``); "" when it has none.
    """
    text = para.text.strip()
    if not text or "?" in text[:200] or "\n" in text and para.kind != "heading":
        return None
    if para.kind == "heading" or len(text) <= 100:
        title = text
    else:
        head, sep, _ = text.partition(":")
        if not sep or len(head) > 100 or any(c.islower() for c in head):
            return None
        title = head
    label = str(para.number) if para.number is not None else ""
    rm = _ROMAN_TITLE.match(title)
    if rm:
        label = label or rm.group(1)
        title = title[rm.end() :].strip()
    mk = match_marking(title)
    if mk and title.startswith("("):
        title = title[mk.end() :]
    title = title.strip().rstrip(":.").strip()
    if not title or len(title) > 100:
        return None
    return label, title


def _derived_title(items: list[_Item], tip: bool) -> str:
    """Name a part without a heading from the words of its questions (or answers)."""
    if not tip:
        return "Questions"
    text = " ".join((it.question or it.answer[:300]).lower() for it in items)
    scores = {title: sum(text.count(word) for word in words) for title, words in _TOPICS.items()}
    best = max(scores, key=lambda t: scores[t])
    return best if scores[best] else "Questions"


def find_parts(paragraphs: list[Paragraph]) -> tuple[list[Part], set[int], set[int]]:
    """Parts with their questions, the question paragraph indexes, the part heading indexes."""
    parts, headings = _find_parts(paragraphs)
    q_indexes = {q.paragraph_index for part in parts for q in part.questions}
    return parts, q_indexes, headings


def _find_parts(paragraphs: list[Paragraph]) -> tuple[list[Part], set[int]]:
    items = {p.index: it for p in paragraphs if (it := _item(p)) is not None}
    q_style = sum(1 for it in items.values() if it.style == "question")
    lettered = [it for it in items.values() if it.style == "lettered"]
    if sum(1 for it in lettered if it.letter == "Q") >= 2:
        lettered = []  # a "Q. ... A. ..." interview transcript, not a questionnaire
    if q_style < 2 and len(lettered) < 3:
        return [], set()
    whole = "\n".join(p.text for p in paragraphs)
    tip = _TIP.search(whole) is not None
    if q_style < 2 and not (tip or any(it.letter == "A" for it in lettered)):
        return [], set()
    if q_style < 2 and not (tip or _KEYED.search(whole)):
        return [], set()
    if q_style >= 2:
        items = {i: it for i, it in items.items() if it.style == "question"}
    parts: list[tuple[tuple[str, str] | None, int | None, list[_Item]]] = []
    headings: set[int] = set()
    pending: tuple[tuple[str, str], int] | None = None
    current: _Item | None = None
    last_letter = ""
    last_key: str | None = None
    order = sorted(items)
    for para in paragraphs:
        it = items.get(para.index)
        if it is not None:
            restart = it.letter <= last_letter or (it.key is not None and it.key != last_key) or not parts
            if pending is not None:
                parts.append((pending[0], pending[1], []))
                headings.add(pending[1])
                pending = None
            elif restart:
                parts.append((None, None, []))
            parts[-1][2].append(it)
            current, last_letter, last_key = it, it.letters[-1], it.key
            continue
        if para.kind == "signature":
            current = None
            continue
        nxt = next((items[i] for i in order if i > para.index), None)
        head = _heading_title(para) if nxt is not None else None
        if head is not None and nxt is not None and (nxt.letter == "A" or nxt.letter <= last_letter):
            between = [p for p in paragraphs[para.index + 1 : nxt.index] if p.kind != "heading"]
            if not between or (para.number is not None and len(between) <= 1):
                pending = (head, para.index)
                current = None
                continue
        if current is not None and (para.number is None or current.style == "question"):
            if para.kind in ("body", "heading"):
                current.answer_paras.append(para.index)
                current.extra.append(para.text)
                continue
        current = None
    return _build_parts(paragraphs, [p for p in parts if p[2]], tip), headings


def _build_parts(
    paragraphs: list[Paragraph], parts: list[tuple[tuple[str, str] | None, int | None, list[_Item]]], tip: bool
) -> list[Part]:
    """The model's parts, labelled with the cable's own numbers."""
    result: list[Part] = []
    for ordinal, (head, heading_index, its) in enumerate(parts, 1):
        label, title = head if head is not None else ("", "")
        label = label or next((it.key for it in its if it.key), "") or str(ordinal)
        questions = []
        for it in its:
            own = [it.index] if it.answer else []
            answer = "\n\n".join(x for x in [it.answer, *it.extra] if x)
            letters = it.letters or [it.letter]
            span = letters[0] if len(letters) == 1 else f"{letters[0]}-{letters[-1]}"
            questions.append(Question(
                letter=it.letter,
                question=it.question,
                answer=answer,
                paragraph=paragraphs[it.index].number,
                paragraph_index=it.index,
                answer_paragraphs=tuple(own + it.answer_paras),
                label=f"{label}.{span}",
                letters=tuple(letters),
            ))
        result.append(Part(
            title=title or _derived_title(its, tip),
            questions=tuple(questions),
            paragraph_index=heading_index,
            label=label,
            title_source="cable" if title else "standard",
        ))
    return result

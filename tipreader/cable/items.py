"""Where a lettered questionnaire item starts, and which letters it answers.

One pattern for the body parser (a lettered item is a paragraph of its own) and the
questionnaire structure (which letters the item carries):

* ``A.``, ``-- A.``, ``--23A.``, ``A)`` a single letter;
* ``B-D.``, ``-- G-K:`` a range, answered at once;
* ``B & C.``, ``E and F.``, ``-- L, M:`` combined items, one answer for two or more letters.

A colon closes the label only after a dash lead-in or on a combined item (``-- L, M:``), so
that ``A: ...`` and ``Q: ...`` transcript labels are not read as lettered items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .markings import match_marking
from .section_items import ROMAN_ITEM

if TYPE_CHECKING:
    from .model import Paragraph

ITEM_START = re.compile(
    r"^\s*(-{1,3}\s*)?(?:(\d{1,2})\s?(?=[A-Z]))?([A-Z]|[a-z](?=\s?[.)])|\d{1,2}(?=\)))"
    r"((?:\s?-\s?[A-Z]|\s*(?:,|&|\band\b|\bAND\b)\s*[A-Z])*)\s?([.):])(?=\s|$|[A-Z]{3})"
)
_AND = re.compile(r"\band\b|\bAND\b|&|,")


def item_start(text: str, colon: bool = False) -> re.Match[str] | None:
    """The lettered item label at the start of ``text``, or None.

    ``colon``: the cable has no ``Q:`` transcript labels, so ``A: ...`` is an item too.
    """
    m = ITEM_START.match(text)
    if m is None:
        return None
    if m.group(5) == ":" and not (m.group(1) or m.group(4) or colon):
        return None
    if m.end() < len(text) and not text[m.end()].isspace() and not (m.group(3).islower() and m.group(5) == "."):
        return None  # `U.S.`, `A.THE`: only a small letter's label runs into its title (`i.ALIEN SMUGGLING`)
    return m


def item_letters(m: re.Match[str]) -> list[str]:
    """The letters an item label answers: ``G-K`` → G H I J K, ``B & C`` → B C."""
    letters = [m.group(3)]
    rest = _AND.sub(" ", m.group(4) or "")
    for token in re.findall(r"-\s?[A-Z]|[A-Z]", rest):
        if token.startswith("-"):
            last = token[-1]
            start = letters[-1]
            if last > start:
                letters.extend(chr(c) for c in range(ord(start) + 1, ord(last) + 1))
        elif token not in letters:
            letters.append(token)
    return letters


def letters_label(letters: list[str] | tuple[str, ...]) -> str:
    """``[B]`` → ``B``; ``[B, C]`` → ``B-C``; ``[G..K]`` → ``G-K``; ``[L, N]`` → ``L,N``."""
    if len(letters) == 1:
        return letters[0]
    contiguous = all(ord(b) - ord(a) == 1 for a, b in zip(letters, letters[1:]))
    return f"{letters[0]}-{letters[-1]}" if contiguous else ",".join(letters)


# ---- one item's text: question and answer -------------------------------------------------

_QUESTION = re.compile(
    r"^\W*QUESTION\s+([A-Z])\b\s*(\((?:continued|cont(?:'d|\.)?)\)\s*)?(?:[.:)]|--?)?\s*", re.IGNORECASE
)
#: a transcript's question label at a line start: ``A:`` is then its answer label, never an item
TRANSCRIPT = re.compile(
    r"^\W*(?:\d{1,3}\.\s*)?(?:\([A-Z/]+\)\s*)?(?:Q\d{0,2}|Q(?:UESTION|uestion)\s+\d{1,2}\)?)\s*(?:\([^)\n]{1,40}\)\s*)?:",
    re.MULTILINE,
)
#: ``QUESTION: ... ANSWER: ...`` / ``Q: ... A: ...`` in one paragraph
#: (its number: ``Q2:`` is the cable's second question)
QUESTION_LABEL = re.compile(
    r"^\W*(?:QUESTION(?:\s+(\d{1,2})\)?)?|Q(\d{1,2})?)\s*(?:\([^)\n]{1,40}\)\s*)?:\s*", re.IGNORECASE
)
_ANSWER_LABEL = re.compile(
    r"(?:^|(?<=[.?!:)\"'\s]))\s*(?:ANSWER|A\d{0,2}|POST\s+RESPONSE\s+TO\s+QUESTION\s+\d{1,2}\)?)\s*:\s*", re.IGNORECASE
)
_RESPONSE = re.compile(r"\b(?:POST(?:'S)?\s+RESPONSE|EMBASSY\s+RESPONSE|RESPONSE|ANSWER)\s*[:.-]\s*", re.IGNORECASE)
#: an answer's own label at the start of a line: ``ANSWER A.``, ``Answer B:``, ``Response:``, ``POST RESPONSE -``
_ANSWER_LEAD = r"(?:POST(?:'S)?\s+|EMBASSY\s+)?(?:RESPONSE|ANSWER)(?:\s+{letter})?\s*(?:[:.]|--?)\s*"
QMARK = re.compile(r"(?<=[A-Za-z0-9)\]'\"])\?(?![A-Za-z0-9])")
_ASKS = re.compile(
    r"^(?:\(\w+\)\s*)?(?:[A-Z][\w' ,/-]{0,60}:\s*)?(?:Does|Do|Did|Is|Are|Was|Were|What|How|Which|Has|Have|Had|Can|Could|"
    r"Please|To what|If|Who|Whom|Where|When|Why|Will|Would|Should|In what|For|Describe|Provide|Specify|Identify|List|Are there)\b",
    re.IGNORECASE,
)
# an answer's opening that looks like an instruction: never the question
_ANSWERISH = re.compile(r"^(?:Please\s+(?:see|refer|note)|See\b|N/?A\b|Not\s+applicable|None\b|No\b|Yes\b)", re.IGNORECASE)
# a block that goes on asking: ``Please explain.``, ``If so, how many?``
_MORE_QUESTION = re.compile(r"^(?:Please\s+(?!see\b|refer\b|note\b)[a-z]+|If\s+(?:so|not|yes|no)\b)", re.IGNORECASE)
_ROMAN_TITLE = re.compile(
    r"^\s*([IVX]{1,4}|\d{1,2})(?:\s?[.)]|\s*(\((?:continued|cont'd|cont\.)\))\s*[.:)-]?)\s+", re.IGNORECASE
)
_UPPER_LABEL = re.compile(r"^([A-Z0-9][A-Z0-9 ,;/()'&.\u2019-]{3,160}?)\s*([:?])\s+(?=\S)")
#: a heading in capitals run into the end of a paragraph: ``... questions:  LIBYA'S TIP SITUATION``
TAIL_HEADING = re.compile(r"(?<=[.:;?!\"')\]])\s+((?:[A-Z][A-Z0-9'\u2019&/,()-]*\s+){1,10}[A-Z][A-Z0-9'\u2019&/()-]*:?)\s*$")
#: ``End text of submission``, ``End of TIP report submission``: the questionnaire is over
END_TEXT = re.compile(r"^\W*END\s+(?:OF\s+)?(?:TEXT|TIP\s+REPORT|SUBMISSION|PRESS\s+GUIDANCE)\b", re.IGNORECASE)
#: the same written at the end of the last answer's paragraph (after a sentence, or a blank line)
END_TEXT_TAIL = re.compile(
    r"(?:(?<=[.?!;:)\"'\u201d])[ \t]+|\n\n)(\W*END\s+(?:OF\s+)?(?:TEXT|TIP\s+REPORT|SUBMISSION|PRESS\s+GUIDANCE)\b[^\n]{0,80})\s*$",
    re.IGNORECASE,
)
_SENTENCE_END = tuple(".?!:)\"'\u201d")


@dataclass(slots=True)
class Item:
    """One questionnaire item while the parts are assembled."""

    index: int
    letter: str
    key: str | None
    question: str
    answer: str
    style: str  # "question" (QUESTION X), "lettered", or "numbered" (a numbered question after the parts)
    letters: list[str] = field(default_factory=list)
    answer_paras: list[int] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    shape: str = ""  # how the label is written: "A." "A)" "a." "a)" "1)" (``:`` counts as ``.``)
    path: list[str] = field(default_factory=list)  # the enclosing items' labels, for a sub-item (``F``, ``2``)
    number: str = ""  # the number a ``Q2:`` label gives an unlettered question
    answered: bool = False  # an exchange labelled ``Q:`` and ``A:`` by the cable: a pair even alone
    continued: bool = False  # ``Question D (cont'd):``: more of the answer to the item before with that letter
    field: bool = False  # a form's field (``A. Sigma level: (No response)``): its answer is its line, nothing after


def split_item(body: str, restating: bool = False, letter: str = "") -> tuple[str, str]:
    """An item's text (label removed) → (question, answer).

    ``restating``: the cable restates its questions, so a first block that asks without
    a question mark (``For countries that ..., please indicate whether ...``) is one too.
    An answer's own label (``Answer A:``, ``Response:``) and the marking it opens with are no part of the answer.
    """
    question, answer = _split_item(body, restating)
    if question and answer.startswith("(") and (mk := match_marking(answer)) is not None:
        answer = answer[mk.end() :].lstrip()  # `(U) Capable, Yes.` under a restated question: a marking, no answer word
    lead = _ANSWER_LEAD.format(letter=re.escape(letter) if letter else "[A-Z]")
    m = re.match(lead, answer, re.IGNORECASE)
    if m:
        answer = answer[m.end() :]
    return question, answer


def _split_item(body: str, restating: bool) -> tuple[str, str]:
    if q := QUESTION_LABEL.match(body):
        rest = body[q.end() :]
        a = _ANSWER_LABEL.search(rest)
        if a and a.start() > 0:
            return rest[: a.start()].strip(), rest[a.end() :].strip()
        labelled = [b.strip() for b in rest.split("\n\n") if b.strip()]
        if len(labelled) > 1:  # the label says it asks: the answer is the block below (no `A:` label)
            return _question_blocks(labelled)
    blocks = [b.strip() for b in body.split("\n\n") if b.strip()]
    if not blocks:
        return "", ""
    first = blocks[0]
    asks = _ASKS.match(first) is not None and not _ANSWERISH.match(first)
    # a question restated in capitals, the answer below it in mixed case: `BY WHAT CHANNELS? HOW OFTEN?`
    asks = asks or (len(blocks) > 1 and first[-1:] == "?" and not any(c.islower() for c in first))
    marks = [m.end() for m in QMARK.finditer(first)] if asks else []
    if (asks or first.endswith("?")) and len(blocks) > 1 and blocks[1].startswith("(") and match_marking(blocks[1]):
        return _question_blocks(blocks)  # the next block is marked `(S/NF) ...`: the answer, the cable marking it
    if (marks or (restating and asks)) and len(blocks) > 1:
        return _question_blocks(blocks)
    rest = "\n\n".join(blocks[1:])
    if marks:
        cut = marks[-1]
        tail = first[cut:].lstrip(" )\n")
        if tail and (tail[0].isupper() or tail[0].isdigit()):
            return first[:cut].strip(), first[cut:].strip()
        if not tail:
            return first, ""
    if len(first) <= 160 and first.endswith(":") and (rest or not any(c.islower() for c in first)):
        return first, rest  # a topic label (its answer below, or in the numbered paragraphs that follow)
    m = _UPPER_LABEL.match(first)
    if m and not any(c.islower() for c in m.group(1)):
        label = first[: m.end(2)].strip()
        answer = first[m.end() :].strip()
        return label, "\n\n".join(x for x in (answer, rest) if x)
    return "", "\n\n".join(blocks)


def _question_blocks(blocks: list[str]) -> tuple[str, str]:
    """(question, answer) of blocks that open with a question: it goes on while :func:`_continues_question`."""
    n = 1
    while n < len(blocks) - 1 and _continues_question(blocks[n - 1], blocks[n]):
        n += 1
    return "\n\n".join(blocks[:n]), "\n\n".join(blocks[n:])


def asks(question: str) -> bool:
    """Whether an item's question text asks (a question mark, or an asking opening such as ``Describe``)."""
    return bool(question) and (QMARK.search(question) is not None or _ASKS.match(question) is not None)


def _continues_question(before: str, block: str) -> bool:
    """Whether ``block`` still belongs to the question that ``before`` ends."""
    if block[:1].islower() or not before.endswith(_SENTENCE_END):
        return True  # the question runs on across a page break
    return bool(_MORE_QUESTION.match(block)) and len(block) <= 300 and block.endswith(("?", ".", ")"))


def item_of(para: Paragraph, restating: bool = False, colon: bool = False) -> Item | None:
    """The questionnaire item a paragraph holds, if any (``colon``: see :func:`item_start`)."""
    text = para.text
    m = _QUESTION.match(text)
    if m:
        body = text[m.end() :]
        letter = m.group(1).upper()
        lead = re.compile(r"(?:^|\n)[^\S\n]*" + _ANSWER_LEAD.format(letter=letter), re.IGNORECASE)
        r = lead.search(body) or _RESPONSE.search(body)
        if r:
            question, answer = body[: r.start()].strip(), body[r.end() :].strip()
        elif m.group(2):  # `Question D (cont'd): ...`: more of D's answer
            question, answer = "", body.strip()
        elif "\n" in body:  # `QUESTION A: Recruitment` / the answer on the next line
            question, _, answer = body.partition("\n")
            question, answer = question.strip(), answer.strip()
        elif not QMARK.search(body) and re.search(r"[.!][\"')\u201d]*\s*$", body):
            # `Question A: Foreign Minister Moratinos told ... .`: sentences that ask nothing, the answer alone
            # (a title alone, `Question B -- Characteristics of Recruits`, is the question, its answer below)
            question, answer = "", body.strip()
        else:
            question, answer = body.strip(), ""
        return Item(para.index, letter, None, question, answer, "question", [letter], continued=bool(m.group(2)))
    if (q := QUESTION_LABEL.match(text)) and para.kind == "body":
        question, answer = split_item(text)
        if question and answer and not TRANSCRIPT.search(answer):  # not two exchanges run together
            answered = _ANSWER_LABEL.search(text, q.end()) is not None
            return Item(para.index, "", None, question, answer, "question", [], number=q.group(1) or q.group(2) or "",
                        answered=answered)
    if para.number is not None or para.kind != "body":
        return None
    m = item_start(text, colon)
    if not m:
        r = ROMAN_ITEM.match(text)
        if r is None or len(r.group(1)) < 2:
            return None  # `I.` is the letter I unless `II.` follows (see below)
        question, answer = split_item(text[r.end() :], restating)
        return Item(para.index, r.group(1), None, question, answer, "lettered", [r.group(1)], shape="A.")
    mk = match_marking(text, m.end())
    start = mk.end() if mk else m.end()
    letters = item_letters(m)
    question, answer = split_item(text[start:].lstrip(), restating, letters[0])
    first = letters[0]
    shape = ("1" if first.isdigit() else "a" if first.islower() else "A") + (")" if m.group(5) == ")" else ".")
    return Item(para.index, first, m.group(2), question, answer, "lettered", letters, shape=shape)


def heading_title(para: Paragraph) -> tuple[str, str] | None:
    """(label, title) a paragraph gives when it stands as a part heading, else None.

    The label is the cable's number for the part: the paragraph number, or the Roman
    or Arabic number opening the heading (``III. PROTECTION``); "" when it has none. A
    numbered paragraph may go on after its title (``3. (SBU) OVERVIEW ...: Information
    below is keyed to ...``).
    """
    text = para.text.strip()
    if not text or "?" in text[:200]:
        return None
    head, sep, after = text.split("\n", 1)[0].partition(":")
    if para.number is not None and sep and after.strip() and not any(c.islower() for c in head) and len(head) <= 100:
        title = head  # `4. (SBU) PREVENTION: Information provided below is keyed to ...`
    elif para.kind == "heading" or (len(text) <= 100 and "\n" not in text):
        title = text
    else:
        head, sep, _ = text.split("\n", 1)[0].partition(":")
        if not sep or len(head) > 100 or any(c.islower() for c in head):
            return None
        if "\n" in text and para.number is None:
            return None
        title = head
    label = str(para.number) if para.number is not None else ""
    rm = _ROMAN_TITLE.match(title)
    if rm and rm.group(1).isupper() or rm and rm.group(1).isdigit():
        label = label or rm.group(1)
        title = title[rm.end() :].strip() + (f" {rm.group(2)}" if rm.group(2) else "")
    mk = match_marking(title)
    if mk and title.startswith("("):
        title = title[mk.end() :]
    title = title.strip().rstrip(":.").strip()
    if not title or len(title) > 100:
        return None
    return label, title

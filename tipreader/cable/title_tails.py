"""Titles run onto a paragraph's line, split off onto lines of their own before paragraphs are formed.

Unwrapped or collapsed bodies put a section title at the end of the line before it: in
capitals after a sentence (``... to Dushanbe. REACTION TO THE VISIT``), or with its rule
(``... with Ortega. Armed Forces Mission -------``, ``... the issue.------- Comment -------``).
:func:`split_tail_titles` puts each such title on a line of its own followed by a rule, so
that :func:`~tipreader.cable.headings.heading_at` sees an underlined title. The upper rule
of a framed title left at the end of a sentence is dropped, and a paragraph number after a
rule (``----- 3. (C) ...``) starts a line.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ._types import Line
from .headings import (
    ABBREVIATION_END,
    ELLIPSIS_END,
    END_MARK,
    MAX_RULE_TITLE,
    NUM_START,
    RULE_ENDS,
    RULE_TAIL_CHARS,
    RULE_TITLE_TAIL,
    SENTENCE_END,
    TITLE_CHARS,
    TITLE_CUT,
    ends_sentence,
    long_title_ok,
    title_end_ok,
    title_like,
)
from .reflow import UNWRAPPED

_LEADING_RULE = re.compile(r"^\s*[-=]{5,}[-= ]*?\s*(?=\d)")
_SENTENCE_THEN_TITLE = re.compile(r"[.!?][\"')\u201d]?\s+([A-Z][^.!?:;,=()-]{3,60}?)\s*$")
_RULE_THEN_TITLE = re.compile(rf"(?<=[.!?\"')\u201d])\s*[-=]{{5,}}[-= ]*?\s([^-=\s]{TITLE_CHARS}{{0,128}}?)\s*$")
# A title in capitals run onto the end of an unwrapped paragraph line: "... to Dushanbe. REACTION TO THE VISIT"
_TAIL_TITLE = re.compile(
    r"(?<=[.!?\"\u201d)])\s+((?:[A-Z][A-Z'\u2019/&,:\"-]*\s+){1,11}[A-Z][A-Z'\u2019/&\"-]*\??)\s*$"
)
_TITLE_LAST_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ'\u2019/&\"-?")  # what _TAIL_TITLE can end with
_NOT_TAIL_TITLE = re.compile(r"^(?:END\b|X{4,})")
_RULE_TAIL = re.compile(r"\s*[-=_]{5,}[-=_ ]*$")
_SECTION_LABEL = re.compile(r"^\s*(?:[IVXL]{1,6}|[A-Z])\.\s*$")  # `I.`, `VIII.`, `B.` before a title (a paragraph number is no part of it)
# a line between rules, longer than any framed title and with no rule inside
_BOXED = re.compile(r"^\s*[-=]{5,}[-= ]*?\s([^-=\s](?:(?![-=]{5}).){128,}?)\s+[-=]{5,}[-= ]*$")
_SOFT_CUT = re.compile(r"[;:]\s+(?=[A-Z])")
_RUN_WORD = re.compile(r"^[A-Z][\w'&/-]*$")  # a capitalised word with no punctuation after it
_SENTENCE_PUNCT = re.compile(r"[.;:!?]")
_RUN_WORDS = frozenset("a an the of to in for and or on at by with from about over under into vs".split())  # small words inside a title
_END_MARK_PREFIX = re.compile(r"END\s+(?:OF\s+)?(?:SUMMARY|COMMENT)\.?\s+(?=\S)")


def split_tail_titles(lines: list[Line]) -> list[Line]:
    """Put a title that ends a paragraph line on a line of its own.

    A capitals title only in unwrapped lines (longer than :data:`UNWRAPPED`) of mixed-case text, when a
    blank line or the end follows and the title has two words and ten letters or more;
    ``END SUMMARY`` and redactions stay where they are. A title with its rule after a sentence
    (``... with Ortega. Armed Forces Mission -----``) anywhere; a rule right after a sentence (the upper
    rule of a framed title) is dropped, and a paragraph start after a rule (``----- 3. (C) ...``) starts a line.
    """
    # Only long lines and lines ending in a rule can hold a title: find them first (most cables have none).
    texts = [line.text for line in lines]
    candidates = [
        k
        for k, t in enumerate(texts)
        if len(t) > UNWRAPPED
        or t.rstrip()[-1:] in RULE_TAIL_CHARS
        or t.lstrip()[:3] in RULE_ENDS
        or (k + 1 < len(texts) and texts[k + 1].lstrip()[:3] in RULE_ENDS)
    ]
    out: list[Line] = []
    copied = 0  # lines[:copied] are in ``out``
    for k in candidates:
        replaced = _split_tail_line(lines, k)
        if replaced is not None:
            out.extend(lines[copied:k])
            out.extend(replaced)
            copied = k + 1
    if not copied:
        return lines
    out.extend(lines[copied:])
    return out


def _split_tail_line(lines: list[Line], k: int) -> list[Line] | None:
    """Line ``k`` with a title at its end split off (see :func:`split_tail_titles`), or None."""
    line = lines[k]
    text = line.text
    boxed = _BOXED.match(text) if text.lstrip()[:3] in RULE_ENDS and text.rstrip()[-1:] in RULE_TAIL_CHARS else None
    if boxed is not None:  # `----- Jan08 Feb08 ... CPI 2.2 2.5 ... -----`: a table between rules, run onto one line
        rule = Line(text="-----", page=line.page)
        return [replace(rule, break_before=line.break_before), Line(text=boxed.group(1), page=line.page), rule]
    lead = _LEADING_RULE.match(text) if text.lstrip()[:3] in RULE_ENDS and text.rstrip()[-1:] not in RULE_TAIL_CHARS else None
    if lead is not None and NUM_START.match(text[lead.end() :]):  # `------ 3. (C) Macri spoke ...`: the rule, then ¶ 3
        return [Line(text="-----", page=line.page, break_before=line.break_before), Line(text=text[lead.end() :], page=line.page)]
    split = _split_rule_tail(text) if text.rstrip()[-1:] in RULE_TAIL_CHARS else _split_rule_title(lines, k)
    if split is not None and _marking_only(split[0]):
        # `3. (C) THREE-STAGE TALKS, BUT WITH WHOM? -----`: the numbered paragraph opens with its title
        out_line = Line(text=text[: len(text.rstrip(" \t-=_"))].rstrip(), page=line.page, break_before=line.break_before)
        return [out_line, Line(text="", page=line.page)]
    if split is not None:
        head, title = split
        out: list[Line] = []
        if head:
            out.append(Line(text=head, page=line.page, break_before=line.break_before))
            out.append(Line(text="", page=line.page))
        if title:
            out.append(Line(text=title, page=line.page, break_before=not head and line.break_before))
            out.append(Line(text="-----", page=line.page))
        return out
    nxt = lines[k + 1].text if k + 1 < len(lines) else ""
    if len(text) <= UNWRAPPED or text[-1:].islower() or (nxt.strip() and not NUM_START.match(nxt)):
        return None
    m = _TAIL_TITLE.search(text) if text.rstrip()[-1:] in _TITLE_LAST_CHARS else None
    if m is None:
        return None
    title, cut = m.group(1), m.start(1)
    end = _END_MARK_PREFIX.match(title)
    if end:  # "... END SUMMARY CABINET MEETINGS SIGNAL A NEW LOW": the marker stays with the paragraph
        title, cut = title[end.end() :], cut + end.end()
    if (
        _NOT_TAIL_TITLE.match(title)
        or len(title.split()) < 2
        or sum(c.isalpha() for c in title) < 10
        or sum(c.islower() for c in text[:cut]) < 20
    ):
        return None
    return [
        Line(text=text[:cut].rstrip(), page=line.page, break_before=line.break_before),
        Line(text="", page=line.page),
        Line(text=title, page=line.page),
    ]


_MARKING_ONLY = re.compile(r"^\s*(?:\([A-Z/ ]{1,12}\))?\s*$")


def _marking_only(head: str) -> bool:
    """``3. (C)``: a paragraph number and its marking, no text."""
    m = NUM_START.match(head)
    return m is not None and _MARKING_ONLY.match(head[m.end() :]) is not None


def _split_rule_tail(text: str) -> tuple[str, str] | None:
    """A line ending in a rule: (the text before the title, the title), when a title stands before the rule;
    (the text, ``""``) when a sentence ends right before the rule (the rule is the upper one of a framed title).

    ``... with Ortega. Armed Forces Mission -------`` → (``... with Ortega.``, ``Armed Forces
    Mission``); ``... the issue.------- Comment -------`` → (``... the issue.``, ``Comment``).
    A line that is only a title and its rule is left to :func:`heading_at`.
    """
    if not text.strip(" \t-="):
        return None  # a rule alone (the common case): no title in it
    rule_title = RULE_TITLE_TAIL.search(text)
    if rule_title is not None and rule_title.start() > 0:  # "----- Comment -----" after a sentence or a redaction
        head = text[: rule_title.start()].rstrip(" \t-=")
        if head and (head[-1] in SENTENCE_END or head[-4:] == "XXXX"):
            return head, rule_title.group(1).strip()
    start = len(text.rstrip(" \t-=_"))  # the rule and its spaces: no match starts before them
    while start and (text[start - 1] in RULE_TAIL_CHARS or text[start - 1].isspace()):
        start -= 1
    m = _RULE_TAIL.search(text, start)
    if m is None:
        return None
    before = text[: m.start()].rstrip()
    if before.lstrip()[:3] in ("---", "==="):
        return None  # `----- Questions on U.S. Position -----`: a rule heading whole, left to heading_at
    ellipsis = ELLIPSIS_END.search(before)
    cuts = [m.end() for m in TITLE_CUT.finditer(before, 0, ellipsis.start() if ellipsis else len(before))]
    if cuts and _SECTION_LABEL.match(before[: cuts[0]]):
        del cuts[0]  # `VIII. CULTIVATE RESPECT FOR ... -----`: the section's numeral is part of its title
    if ends_sentence(before) and (cuts or not title_like(before) or END_MARK.match(before)):
        # `... and Venezuela.-----` over `Title -----`: the upper rule of a framed title, unless the line is a
        # title of its own (`Sanctions: "We Can Resist Indefinitely." -----`)
        return before, ""
    while cuts and ABBREVIATION_END.search(before[: cuts[-1]].rstrip()) and title_like(before[cuts[-2] if len(cuts) > 1 else 0 : cuts[-1]]):
        cuts.pop()  # `issues. Promoting Ties to U.S. State ----`: the title holds the abbreviation
    cut = cuts[-1] if cuts else 0
    soft = _soft_cut(before, cut)
    if soft is not None and (not cut or not title_like(before[cut:])):
        cut = soft
    title = before[cut:].strip()
    if not cut or not title or len(title) > MAX_RULE_TITLE or sum(c.isalpha() for c in title) < 3 or "--" in title:
        return None
    if title[:1] == "(" and ")" in title[:-1]:  # `Georgia. (TF/Turkey desk telcon, Yerevan 639) PANIC IN TBILISI`
        close = title.index(")") + 1
        cut += len(before[cut:]) - len(before[cut:].lstrip()) + close
        title = title[close:].strip()
    if not title or not title_end_ok(title) or not long_title_ok(title):
        return None
    if title[:1].islower() and not _lower_title_ok(title, before[:cut].rstrip()):
        return None
    return before[:cut].rstrip(), title


def _soft_cut(before: str, cut: int) -> int | None:
    """Where a title starts after a semicolon or colon (`... trade;   Unusual Chinese Letters of Credit`,
    `... operating in Bahrain: Human Rights`), or, on a long line whose last sentence lost its full stop, after
    the last word in lower case (`... would be severely limited Shah Deniz Production Also Down`); None when
    no title is there."""
    tail = before[cut:]
    for m in reversed(list(_SOFT_CUT.finditer(tail))):
        title = tail[m.end() :]
        head = tail[: m.start()]
        if title_like(title) and not _SENTENCE_PUNCT.search(title) and sum(c.islower() for c in head) >= 20 and not title_like(head):
            return cut + m.end()
        break  # only the last one
    if len(before) <= UNWRAPPED or title_like(tail):
        return None
    words = tail.split()
    n = len(words)
    while n and (_RUN_WORD.match(words[n - 1]) or (n < len(words) and words[n - 1].lower() in _RUN_WORDS)):
        n -= 1
    while n < len(words) and not words[n][:1].isupper():
        n += 1  # the run starts with a capitalised word
    run = words[n:]
    if len(run) < 3 or not n or not words[n - 1][:1].islower() or not title_like(" ".join(run)) or _SENTENCE_PUNCT.search(" ".join(run)):
        return None
    return len(before) - len(" ".join(run)) if tail.endswith(" ".join(run)) else None


def _lower_title_ok(title: str, head: str) -> bool:
    """A short title whose first letter the cable lost or left small, after a sentence that ends before it:
    `END SUMMARY. on-Proliferation and PSI`, `(ref B). and now Russia . . .` (not after `U.S.`)."""
    words = title.split()
    return len(title) <= 40 and len(words) >= 2 and any(w[:1].isupper() for w in words) and not ABBREVIATION_END.search(head)


def _split_rule_title(lines: list[Line], k: int) -> tuple[str, str] | None:
    """A line ending in a rule and a title whose lower rule opens the next line → (the text before, the title).

    ``... and Polintern.  ----- The Kirchner Irony`` / ``------ 3. (C) Macri spoke ...``.
    """
    after = [ln.text.lstrip() for ln in lines[k + 1 : k + 3]]
    if after[:1] == [""]:
        after = after[1:]  # `... attack. ----- Nisman's Side of the Story` / blank / `-----7. (C) ...`
    if not after or after[0][:3] not in RULE_ENDS:
        return None
    text = lines[k].text
    m = _RULE_THEN_TITLE.search(text) if "--" in text or "==" in text else None
    if m is None and lines[k + 1].text.lstrip()[:3] in RULE_ENDS:
        # `... on drug prevention programs. Kudos for DEA Support` / `---------- 4. (C) ...`: underlined
        m = _SENTENCE_THEN_TITLE.search(text)
        if m is None or len(m.group(1).split()) < 2 or not title_like(m.group(1)):
            return None
        head = text[: m.start(1)].rstrip()
        if sum(c.islower() for c in head) < 10 or title_like(head) or not (head[-1:] in "!?" or ends_sentence(head)):
            return None  # the whole line is the title (`P.S. The Ubiquitous Dutch Bicycle`, `A. LAWS AND REGULATIONS`)
    if m is None:
        return None
    title = m.group(1).strip()
    if not title_end_ok(title) or title[:1].islower() or sum(c.isalpha() for c in title) < 3 or not long_title_ok(title):
        return None
    return text[: m.start(1)].rstrip(" \t-="), title



"""The one heading detector of the body layer: :func:`heading_at`.

A cable sets a section title apart in a few ways, and each is a heading block of its
own (``Paragraph.kind == "heading"``), never the tail of the paragraph before it:

* a rule heading: ``----- SUMMARY -----``, ``=== Background ===``;
* a title underlined with a rule (``What the New Decree Changes`` / ``-----``), also
  a title wrapped on two or three lines above its rule, and, in bodies whose lines
  were unwrapped, the title and its rule on one line (``Who's In Charge? -------``);
  the rule is never part of the title;
* a line in capitals standing apart (``MINISTER ADDRESSES MIGRATION AND PRISONS``,
  also wrapped on two lines) with a blank line, a rule or a numbered paragraph after it;
* ``SUMMARY.`` / ``END SUMMARY.`` (and COMMENT, NOTE) standing alone on a line;
* in an unwrapped body, a short mixed-case title line right before a numbered paragraph.

A heading must open a block: a blank line, a page break or a rule before it, or a
line that ends a sentence in an unwrapped body. In a body typed all in capitals a
capitals line is a heading only with a blank line on both sides.

:func:`heading_at` takes plain strings so that other passes (questionnaire answer
boundaries) can ask the same question of the same lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ._types import Line
from .items import item_start
from .prefilter import has_lower
from .reflow import UNWRAPPED, is_rule, may_be_rule

MAX_TITLE = 80  # a title line is at most this long
MAX_RULE_TITLE = 130  # a title on one line with its rule: the rule says it is one, so longer ones too
MAX_TITLE_LINES = 3  # a title wrapped above its underline

_RULE_HEADING = re.compile(
    r"^\s*(?:[-=*]{3,}(?:\s+[-=*]+)*|(?:[-=*] ){3,})\s*([^-=*\s].{0,128}?)\s*(?:[-=*]{3,}(?:\s+[-=*]+)*|(?: [-=*]){3,})\s*$"
)
# A title and its rule on one line (`Who's In Charge? -------`, `Boliviia-------`); the rule may hold one garbled
# letter (`------Q-----`); no rule inside the title, but a double hyphen (`Iraqi--Egyptian`, `CORRUPTION -- US FIRM NAMED`)
_TITLE_CHARS = r"(?:[^-=]|-(?![-=])|(?<![-=])--(?![-=]))"
# a title on an unwrapped line with its rule inside it, where the title's second line stood:
# `U.S. Service Providers Enthusiastic About Opportunity, USG ------- ----- Support -------`
_RULE_INSIDE_TITLE = re.compile(rf"^\s*([^-=*\s]{_TITLE_CHARS}{{0,128}}?)\s+[-=_]{{5,}}[-=_ ]*?\s([^-=_\s.!?]{{1,30}})\s+[-=_]{{5,}}[-=_ ]*$")
_LEADING_RULE = re.compile(r"^\s*[-=]{5,}[-= ]*?\s*(?=\d)")
_SENTENCE_THEN_TITLE = re.compile(r"[.!?][\"')\u201d]?\s+([A-Z][^.!?:;,=()-]{3,60}?)\s*$")
_RULE_THEN_TITLE = re.compile(rf"(?<=[.!?\"')\u201d])\s*[-=]{{5,}}[-= ]*?\s([^-=\s]{_TITLE_CHARS}{{0,128}}?)\s*$")
_TRAILING_RULE = re.compile(rf"^\s*([^-=*\s]{_TITLE_CHARS}{{0,128}}?)\s*[-=_]{{5,}}[-=_ ]*(?:[A-Z][-=_]{{5,}}[-=_ ]*)?$")
_END_MARK = re.compile(r"^\W*(?:END\s+(?:OF\s+)?)?(?:SUMMARY|COMMENT|NOTE)\s*[.:]?\s*$", re.IGNORECASE)
#: a numbered paragraph's start: ``5. (SBU)``, ``12 .``, ``1.KEY POINTS`` (no space before a word); group 1
#: is the number. Not ``1.5`` (a decimal) nor ``2.A.`` (an item label)
NUM_START = re.compile(r"^\s*(\d{1,5})\s?\.(?!\d)(?=\s|\(|[A-Z][A-Za-z])\s*")
_SENTENCE_END = frozenset(".!?:;\"')]\u201d")
#: words a line does not end with when its sentence goes on
JOINING = frozenset("a an the of to in for and or but by with from on at as than that which who is are was were be".split())
_NOT_TITLE_END = frozenset(".,;")
#: words a title leaves in lower case (`Journalist Asks about U.S. Funds`)
_SMALL_WORDS = JOINING | frozenset("about into over after under upon via vs vs. per".split())
_CONTINUED = re.compile(r"\((?:continued|cont'd|cont\.)\)", re.IGNORECASE)  # `III (continued). PROTECTION`
# A title in capitals run onto the end of an unwrapped paragraph line: "... to Dushanbe. REACTION TO THE VISIT"
_TAIL_TITLE = re.compile(
    r"(?<=[.!?\"\u201d)])\s+((?:[A-Z][A-Z'\u2019/&,:\"-]*\s+){1,11}[A-Z][A-Z'\u2019/&\"-]*\??)\s*$"
)
_TITLE_LAST_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ'\u2019/&\"-?")  # what _TAIL_TITLE can end with
_NOT_TAIL_TITLE = re.compile(r"^(?:END\b|X{4,})")
_RULE_TAIL_CHARS = frozenset("-=_")
_RULE_TAIL = re.compile(r"\s*[-=_]{5,}[-=_ ]*$")
# `... the issue.------- Comment -------`, also with the rules broken by a space (`----- -----`)
_RULE_TITLE_TAIL = re.compile(rf"[-=]{{3,}}\s*([^-=\s]{_TITLE_CHARS}{{0,128}}?)\s*(?:[-=]{{3,}}[ \t]*)+$")
# Where a title before its rule may start: after a sentence end (not inside an ellipsis `. . .` / `...`).
_TITLE_CUT = re.compile(r"(?:(?<!\.\.)(?<!\. \.)\.[\"\u201d)]?|[?!])\s+(?=\S)")
# `U.S.`, `U.K.`, `Downing St.`: a sentence end, or the end of (or a word inside) a title
_ABBREVIATION_END = re.compile(r"(?:(?:\b[A-Z]\.){2,}|\b(?:St|Jr|Sr|Co|Inc|Ltd|Dr|Mr|Mrs|Ms|Gen|Gov|Sen|Rep)\.)$")
_ELLIPSIS_END = re.compile(r"(?:\s*\.){2,}\s*$")
_SECTION_LABEL = re.compile(r"^\s*(?:[IVXL]{1,6}|[A-Z])\.\s*$")  # `I.`, `VIII.`, `B.` before a title (a paragraph number is no part of it)
_FULL_STOP_END = re.compile(r"\.[\"\u201d')]?$")  # a sentence's end: `... the issue.`, `... an early exit.)`
_END_MARK_PREFIX = re.compile(r"END\s+(?:OF\s+)?(?:SUMMARY|COMMENT)\.?\s+(?=\S)")
_RULE_START = frozenset("-=*")  # what a rule heading's first non-blank character is
_RULE_ENDS = frozenset(("---", "===", "***"))
_ENDS_WITH_RULE = re.compile(r"[-=*]{3,}\s*$")


def is_rule_heading(text: str) -> bool:
    """Whether ``text`` is a title framed by rules (``----- SUMMARY -----``)."""
    return text.lstrip()[:1] in _RULE_START and _RULE_HEADING.match(text) is not None


def ends_with_rule(text: str) -> bool:
    """Whether ``text`` ends with a rule of three characters or more: a rule heading (``----- SUMMARY -----``)
    or a title with its rule on one line (``U.S. Reps Consult on JAPER -----``); a line of prose does not."""
    return text.rstrip()[-3:] in _RULE_ENDS and _ENDS_WITH_RULE.search(text) is not None


def _without_continued(text: str) -> str:
    """``text`` without ``(continued)`` marks (``III (continued). PROTECTION``)."""
    return _CONTINUED.sub("", text) if "(" in text else text


def opens_block(lines: Sequence[str], i: int, breaks: Sequence[bool] | None = None) -> bool:
    """Whether line ``i`` starts a block: blank, page break or rule before it, or an unwrapped sentence end."""
    if i == 0:
        return True
    prev = lines[i - 1].strip()
    if not prev or prev == "." or (breaks is not None and breaks[i]) or is_rule(prev) or is_rule_heading(prev):
        return True
    # a line of an unwrapped body: one paragraph per line, unless it stops mid-phrase (`... STEMMING OF`)
    return len(prev) > UNWRAPPED and prev[-1] not in ",-" and prev.split()[-1].lower() not in JOINING


def is_capitals_title(text: str) -> bool:
    """A short line in capitals with at least three letters that does not end like a sentence part."""
    text = text.strip()
    if not text or len(text) > MAX_TITLE or text[-1] in _NOT_TITLE_END or is_rule(text):
        return False
    if has_lower(_without_continued(text)):
        return False
    return sum(c.isalpha() for c in text) >= 3


def _ends_block(lines: Sequence[str], j: int) -> bool:
    """Whether the line after a title (index ``j``) lets it stand apart."""
    if j >= len(lines):
        return True
    nxt = lines[j]
    return not nxt.strip() or is_rule(nxt) or bool(NUM_START.match(nxt)) or item_start(nxt) is not None


def _rule_follows(lines: Sequence[str], i: int) -> bool:
    return i + 1 < len(lines) and is_rule(lines[i + 1])


def _underlined(lines: Sequence[str], i: int) -> tuple[str, int] | None:
    """A title of one to three lines with a rule under it → (title, index after the rule).

    A title of one line right above its rule may be longer than other titles (:data:`MAX_RULE_TITLE`).
    """
    if not any(may_be_rule(lines[k]) for k in range(i + 1, min(i + MAX_TITLE_LINES + 1, len(lines)))):
        return None  # no rule in the lines below: the common case, decided without the loop
    for k in range(i, min(i + MAX_TITLE_LINES, len(lines))):
        text = lines[k].strip()
        limit = MAX_RULE_TITLE if k == i and _rule_follows(lines, k) else MAX_TITLE
        if not text or len(text) > limit or is_rule(text) or is_rule_heading(text) or not _long_title_ok(text):
            return None
        if k > i and text[:1].islower() and lines[k - 1].strip()[-1:] in ".":
            return None
        nxt = lines[k + 1] if k + 1 < len(lines) else ""
        if nxt.strip() and is_rule(nxt):
            title_lines = [ln.strip() for ln in lines[i : k + 1]]
            width = max(map(len, title_lines))
            if k > i and len(nxt.strip()) < 0.6 * width:
                return None
            if any(t[-1] in ",;" for t in title_lines) or not _title_end_ok(title_lines[-1]):
                return None
            return " ".join(" ".join(title_lines).split()), k + 2
        if text[-1] in _SENTENCE_END and text[-1] != "?" and text[-1] != ")":
            return None  # a sentence, not a title wrapped above a rule
    return None


def heading_at(
    lines: Sequence[str], i: int, upper_body: bool = False, breaks: Sequence[bool] | None = None
) -> tuple[str, int] | None:
    """The heading that starts at line ``i``: (its title, the index of the line after it), or None.

    ``upper_body`` says the body is typed in capitals (capitals lines are then titles
    only with a blank line on both sides); ``breaks[i]`` is True where a page break
    stood before line ``i`` (a block starts there too).
    """
    text = lines[i].strip()
    if not text:
        return None
    if text[-1] in _RULE_TAIL_CHARS:  # a title framed by rules, or followed by one, stands alone wherever it is
        m = _RULE_HEADING.match(text)
        if m:
            return m.group(1), i + 1
        framed = _RULE_TITLE_TAIL.search(text)
        stray = text[: framed.start()] if framed else ""
        if framed and stray and len(stray.strip()) <= 3 and not any(c.isalpha() for c in stray) and sum(c.isalpha() for c in framed.group(1)) >= 3:
            return framed.group(1).strip(), i + 1  # a stray character before the framed title (`8 ----- Concerns -----`)
        m = _TRAILING_RULE.match(text) or _RULE_INSIDE_TITLE.match(text)
        title = " ".join(" ".join(t for t in m.groups() if t).split()) if m else ""
        sentence = _ends_sentence(title) and not _title_like(title)  # `... saved CFK from an early exit.) -----`
        if m and not sentence and _title_end_ok(title) and _long_title_ok(title) and sum(c.isalpha() for c in title) >= 3:
            return title, i + 1
    if not opens_block(lines, i, breaks):
        # an underlined title right under the last sentence of a paragraph
        prev = lines[i - 1].rstrip()
        if prev[-1:] in _SENTENCE_END and len(text) <= MAX_TITLE and not text[:1].islower():
            return _underlined(lines, i)
        return None
    if is_rule(text) or len(text) > (MAX_RULE_TITLE if _rule_follows(lines, i) else MAX_TITLE):
        return None
    found = _underlined(lines, i)
    if found is not None:
        return found
    prev = lines[i - 1] if i else ""
    prev_blank = not prev.strip() or (breaks is not None and breaks[i]) or is_rule(prev) or is_rule_heading(prev)
    if _END_MARK.match(text):
        return (" ".join(text.split()), i + 1) if _ends_block(lines, i + 1) else None
    if has_lower(_without_continued(text)):
        if not prev_blank and prev.rstrip()[-1:] in _SENTENCE_END and text[-1] not in _NOT_TITLE_END and NUM_START.match(lines[i + 1] if i + 1 < len(lines) else ""):
            return text, i + 1  # a title line in an unwrapped body
        return None
    if not is_capitals_title(text):
        return None
    if upper_body and not prev_blank:
        return None
    if _ends_block(lines, i + 1):
        return text, i + 1
    # a capitals title wrapped on two lines
    if upper_body or i + 1 >= len(lines):
        return None
    second = lines[i + 1].strip()
    if is_capitals_title(second) and _ends_block(lines, i + 2) and len(text) + len(second) <= 2 * MAX_TITLE:
        return f"{text} {second}", i + 2
    return None


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
        or t.rstrip()[-1:] in _RULE_TAIL_CHARS
        or t.lstrip()[:3] in _RULE_ENDS
        or (k + 1 < len(texts) and texts[k + 1].lstrip()[:3] in _RULE_ENDS)
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
    lead = _LEADING_RULE.match(text) if text.lstrip()[:3] in _RULE_ENDS and text.rstrip()[-1:] not in _RULE_TAIL_CHARS else None
    if lead is not None and NUM_START.match(text[lead.end() :]):  # `------ 3. (C) Macri spoke ...`: the rule, then ¶ 3
        return [Line(text="-----", page=line.page, break_before=line.break_before), Line(text=text[lead.end() :], page=line.page)]
    split = _split_rule_tail(text) if text.rstrip()[-1:] in _RULE_TAIL_CHARS else _split_rule_title(lines, k)
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
    rule_title = _RULE_TITLE_TAIL.search(text)
    if rule_title is not None and rule_title.start() > 0:  # "----- Comment -----" after a sentence or a redaction
        head = text[: rule_title.start()].rstrip(" \t-=")
        if head and (head[-1] in _SENTENCE_END or head[-4:] == "XXXX"):
            return head, rule_title.group(1).strip()
    start = len(text.rstrip(" \t-=_"))  # the rule and its spaces: no match starts before them
    while start and (text[start - 1] in _RULE_TAIL_CHARS or text[start - 1].isspace()):
        start -= 1
    m = _RULE_TAIL.search(text, start)
    if m is None:
        return None
    before = text[: m.start()].rstrip()
    if before.lstrip()[:3] in ("---", "==="):
        return None  # `----- Questions on U.S. Position -----`: a rule heading whole, left to heading_at
    ellipsis = _ELLIPSIS_END.search(before)
    cuts = [m.end() for m in _TITLE_CUT.finditer(before, 0, ellipsis.start() if ellipsis else len(before))]
    if cuts and _SECTION_LABEL.match(before[: cuts[0]]):
        del cuts[0]  # `VIII. CULTIVATE RESPECT FOR ... -----`: the section's numeral is part of its title
    if _ends_sentence(before) and (cuts or not _title_like(before) or _END_MARK.match(before)):
        # `... and Venezuela.-----` over `Title -----`: the upper rule of a framed title, unless the line is a
        # title of its own (`Sanctions: "We Can Resist Indefinitely." -----`)
        return before, ""
    while cuts and _ABBREVIATION_END.search(before[: cuts[-1]].rstrip()) and _title_like(before[cuts[-2] if len(cuts) > 1 else 0 : cuts[-1]]):
        cuts.pop()  # `issues. Promoting Ties to U.S. State ----`: the title holds the abbreviation
    cut = cuts[-1] if cuts else 0
    title = before[cut:].strip()
    if not cut or not title or len(title) > MAX_RULE_TITLE or sum(c.isalpha() for c in title) < 3 or "--" in title:
        return None
    if title[:1] == "(" and ")" in title[:-1]:  # `Georgia. (TF/Turkey desk telcon, Yerevan 639) PANIC IN TBILISI`
        close = title.index(")") + 1
        cut += len(before[cut:]) - len(before[cut:].lstrip()) + close
        title = title[close:].strip()
    if not title or not _title_end_ok(title) or title[:1].islower() or not _long_title_ok(title):
        return None
    return before[:cut].rstrip(), title


def _split_rule_title(lines: list[Line], k: int) -> tuple[str, str] | None:
    """A line ending in a rule and a title whose lower rule opens the next line → (the text before, the title).

    ``... and Polintern.  ----- The Kirchner Irony`` / ``------ 3. (C) Macri spoke ...``.
    """
    after = [ln.text.lstrip() for ln in lines[k + 1 : k + 3]]
    if after[:1] == [""]:
        after = after[1:]  # `... attack. ----- Nisman's Side of the Story` / blank / `-----7. (C) ...`
    if not after or after[0][:3] not in _RULE_ENDS:
        return None
    text = lines[k].text
    m = _RULE_THEN_TITLE.search(text) if "--" in text or "==" in text else None
    if m is None and lines[k + 1].text.lstrip()[:3] in _RULE_ENDS:
        # `... on drug prevention programs. Kudos for DEA Support` / `---------- 4. (C) ...`: underlined
        m = _SENTENCE_THEN_TITLE.search(text)
        if m is None or len(m.group(1).split()) < 2 or not _title_like(m.group(1)):
            return None
        head = text[: m.start(1)].rstrip()
        if sum(c.islower() for c in head) < 10 or _title_like(head) or not (head[-1:] in "!?" or _ends_sentence(head)):
            return None  # the whole line is the title (`P.S. The Ubiquitous Dutch Bicycle`, `A. LAWS AND REGULATIONS`)
    if m is None:
        return None
    title = m.group(1).strip()
    if not _title_end_ok(title) or title[:1].islower() or sum(c.isalpha() for c in title) < 3 or not _long_title_ok(title):
        return None
    return text[: m.start(1)].rstrip(" \t-="), title


def _ends_sentence(text: str) -> bool:
    """``text`` ends with a full stop (``... the issue.``, ``... an early exit.)``), not an ellipsis or ``U.S.``."""
    return _FULL_STOP_END.search(text) is not None and not _ELLIPSIS_END.search(text) and not _ABBREVIATION_END.search(text)


def _title_like(words: str) -> bool:
    """Most words capitalised (small joining words aside): ``Promoting Ties to U.S.``, not a sentence."""
    content = [w for w in words.split() if w.lower() not in _SMALL_WORDS]
    return bool(content) and sum(w.lstrip("\"'(\u201c\u2018")[:1].isupper() for w in content) >= 0.8 * len(content)


def _long_title_ok(title: str) -> bool:
    """A title longer than :data:`MAX_TITLE` (allowed only with its rule) reads as one: not a sentence's
    end and the next one's start (``group is ... the mid-term election. Origins of the Movement``)."""
    if len(title) <= MAX_TITLE:
        return True
    return not title[:1].islower() and (_TITLE_CUT.search(title) is None or _title_like(title))


def _title_end_ok(title: str) -> bool:
    """A title does not end like a sentence part (``.``, ``,``, ``;``), except with an ellipsis (``Brown Comes Back...``)
    or an abbreviation (``UK Reaction to Events in the U.S.``, ``Government Support from BERR, Downing St.``)."""
    return title[-1] not in _NOT_TITLE_END or bool(_ELLIPSIS_END.search(title) or _ABBREVIATION_END.search(title))

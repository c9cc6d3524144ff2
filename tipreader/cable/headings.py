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
TITLE_CHARS = r"(?:[^-=]|-(?![-=])|(?<![-=])--(?![-=]))"
# a title on an unwrapped line with its rule inside it, where the title's second line stood:
# `U.S. Service Providers Enthusiastic About Opportunity, USG ------- ----- Support -------`
_RULE_INSIDE_TITLE = re.compile(rf"^\s*([^-=*\s]{TITLE_CHARS}{{0,128}}?)\s+[-=_]{{5,}}[-=_ ]*?\s([^-=_\s.!?]{{1,30}})\s+[-=_]{{5,}}[-=_ ]*$")
_TRAILING_RULE = re.compile(rf"^\s*([^-=*\s]{TITLE_CHARS}{{0,128}}?)\s*[-=_]{{5,}}[-=_ ]*(?:[A-Z][-=_]{{5,}}[-=_ ]*)?$")
_LONG_TRAILING_RULE = re.compile(rf"^\s*([^-=*\s(]{TITLE_CHARS}{{129,250}}?)\s*[-=_]{{5,}}[-=_ ]*$")
# a table's row, not a title: a number after a column gap (`TOTAL          13`), a total (`TOTAL 13`), two numbers
# or more at the end (`ICASS 160,000 (50,000) 110,000`), labelled numbers (`PS: 12 PSD: 7`)
_TABLE_ROW = re.compile(
    r"\S(?: {3,}|\t)[\d.,%]+$|^(?:SUB)?TOTALS?\b[\s:]*\(?[\d.,%$]+\)?$|(?:\s+\(?[$]?[\d.,%]+\)?){2,}$|(?:[A-Z][A-Z-]*:\s*\d+\b.*){2}"
)
_ROW_ENDS = frozenset("0123456789)%")
END_MARK = re.compile(r"^\W*(?:END\s+(?:OF\s+)?)?(?:SUMMARY|COMMENT|NOTE)\s*[.:]?\s*$", re.IGNORECASE)
#: a numbered paragraph's start: ``5. (SBU)``, ``12 .``, ``1.KEY POINTS`` (no space before a word); group 1
#: is the number. Not ``1.5`` (a decimal) nor ``2.A.`` (an item label)
NUM_START = re.compile(r"^\s*(\d{1,5})\s?\.(?!\d)(?=\s|\(|[A-Z][A-Za-z])\s*")
SENTENCE_END = frozenset(".!?:;\"')]\u201d")
#: words a line does not end with when its sentence goes on
JOINING = frozenset("a an the of to in for and or but by with from on at as than that which who is are was were be".split())
_NOT_TITLE_END = frozenset(".,;")
#: words a title leaves in lower case (`Journalist Asks about U.S. Funds`)
_SMALL_WORDS = JOINING | frozenset("about into over after under upon via vs vs. per".split())
_CONTINUED = re.compile(r"\((?:continued|cont'd|cont\.)\)", re.IGNORECASE)  # `III (continued). PROTECTION`
RULE_TAIL_CHARS = frozenset("-=_")
# `... the issue.------- Comment -------`, also with the rules broken by a space (`----- -----`)
RULE_TITLE_TAIL = re.compile(rf"[-=]{{3,}}\s*([^-=\s]{TITLE_CHARS}{{0,128}}?)\s*(?:[-=]{{3,}}[ \t]*)+$")
# Where a title before its rule may start: after a sentence end (not inside an ellipsis `. . .` / `...`).
TITLE_CUT = re.compile(r"(?:(?<!\.\.)(?<!\. \.)\.[\"\u201d)]?|[?!])\s+(?=\S)")
# `U.S.`, `U.K.`, `Downing St.`: a sentence end, or the end of (or a word inside) a title
ABBREVIATION_END = re.compile(r"(?:(?:\b[A-Z]\.){2,}|\b(?:St|Jr|Sr|Co|Inc|Ltd|Dr|Mr|Mrs|Ms|Gen|Gov|Sen|Rep)\.)$")
ELLIPSIS_END = re.compile(r"(?:\s*\.){2,}\s*$")
_FULL_STOP_END = re.compile(r"\.[\"\u201d')]?$")  # a sentence's end: `... the issue.`, `... an early exit.)`
_RULE_START = frozenset("-=*")  # what a rule heading's first non-blank character is
RULE_ENDS = frozenset(("---", "===", "***"))
_ENDS_WITH_RULE = re.compile(r"[-=*]{3,}\s*$")


def is_rule_heading(text: str) -> bool:
    """Whether ``text`` is a title framed by rules (``----- SUMMARY -----``)."""
    return text.lstrip()[:1] in _RULE_START and _RULE_HEADING.match(text) is not None


def ends_with_rule(text: str) -> bool:
    """Whether ``text`` ends with a rule of three characters or more: a rule heading (``----- SUMMARY -----``)
    or a title with its rule on one line (``U.S. Reps Consult on JAPER -----``); a line of prose does not."""
    return text.rstrip()[-3:] in RULE_ENDS and _ENDS_WITH_RULE.search(text) is not None


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
    if prev[-1:].upper() in "YTE.:" and END_MARK.match(prev) and i + 1 < len(lines) and NUM_START.match(lines[i + 1]):
        return True  # `END SUMMARY` / `STRONG SWEDISH EU PRESIDENCY` / `7. (U) ...`: a title between the two
    # a line of an unwrapped body: one paragraph per line, unless it stops mid-phrase (`... STEMMING OF`)
    return len(prev) > UNWRAPPED and prev[-1] not in ",-" and prev.split()[-1].lower() not in JOINING


def is_capitals_title(text: str) -> bool:
    """A short line in capitals with at least three letters that does not end like a sentence part."""
    text = text.strip()
    if not text or len(text) > MAX_TITLE or text[-1] in _NOT_TITLE_END or is_rule(text):
        return False
    if has_lower(_without_continued(text)):
        return False
    return sum(c.isalpha() for c in text) >= 3 and not (text[-1] in _ROW_ENDS and _TABLE_ROW.search(text))


def _ends_block(lines: Sequence[str], j: int) -> bool:
    """Whether the line after a title (index ``j``) lets it stand apart."""
    if j >= len(lines):
        return True
    nxt = lines[j]
    return not nxt.strip() or is_rule(nxt) or bool(NUM_START.match(nxt)) or item_start(nxt) is not None


def _too_long(lines: Sequence[str], i: int, text: str) -> bool:
    """Whether ``text`` (line ``i``) is too long for a title: longer than :data:`MAX_TITLE`, or than
    :data:`MAX_RULE_TITLE` when a rule underlines it (the cheap length test first: most lines are short)."""
    if len(text) <= MAX_TITLE:
        return False
    return len(text) > MAX_RULE_TITLE or not (i + 1 < len(lines) and is_rule(lines[i + 1]))


def _underlined(lines: Sequence[str], i: int) -> tuple[str, int] | None:
    """A title of one to three lines with a rule under it → (title, index after the rule).

    A title of one line right above its rule may be longer than other titles (:data:`MAX_RULE_TITLE`).
    """
    below = range(i + 1, min(i + MAX_TITLE_LINES + 1, len(lines)))
    if not any(may_be_rule(lines[k]) or ends_with_rule(lines[k]) for k in below):
        return None  # no rule in the lines below: the common case, decided without the loop
    for k in range(i, min(i + MAX_TITLE_LINES, len(lines))):
        text = lines[k].strip()
        if not text or (_too_long(lines, k, text) if k == i else len(text) > MAX_TITLE) or is_rule(text) or is_rule_heading(text) or not long_title_ok(text):
            return None
        if k > i and text[:1].islower() and lines[k - 1].strip()[-1:] in ".":
            return None
        nxt = lines[k + 1] if k + 1 < len(lines) else ""
        if nxt.strip() and is_rule(nxt):
            title_lines = [ln.strip() for ln in lines[i : k + 1]]
            width = max(map(len, title_lines))
            if k > i and len(nxt.strip()) < 0.6 * width:
                return None
            return _wrapped_title(title_lines, k + 2)
        last = _TRAILING_RULE.match(nxt) if ends_with_rule(nxt) and not has_lower(text) and not has_lower(nxt) else None
        if last is not None and k + 1 - i < MAX_TITLE_LINES:
            # `NO PROSECUTOR GENERAL FOR MONTHS, MINISTER OF` / `INTERIOR & JUTICE RESIGNATION ... SOLUTION -----`
            return _wrapped_title([ln.strip() for ln in lines[i : k + 1]] + [last.group(1).strip()], k + 2)
        if text[-1] in SENTENCE_END and text[-1] not in "?)" and not (text[-1] == ":" and not has_lower(text)):
            return None  # a sentence, not a title wrapped above a rule (a capitals line may end with a colon)
    return None


def _long_title_alone(lines: Sequence[str], i: int, breaks: Sequence[bool] | None) -> str | None:
    """A title longer than :data:`MAX_RULE_TITLE` with its rule, on a line of its own between blank lines
    and with no sentence end inside (an agenda item: `GUIDELINES FOR CONSIDERATION OF REQUESTS ... (EEZ) -----`)."""
    m = _LONG_TRAILING_RULE.match(lines[i])
    if m is None or not (i == 0 or not lines[i - 1].strip() or (breaks is not None and breaks[i])) or not _ends_block(lines, i + 1):
        return None
    title = " ".join(m.group(1).split())
    if TITLE_CUT.search(title) or not title_end_ok(title) or title[:1].islower() or item_start(title) is not None:
        return None
    return title


def _wrapped_title(title_lines: list[str], after: int) -> tuple[str, int] | None:
    """The lines of a title above its rule as one title, unless a line ends like a sentence part;
    a comma may end a line in capitals before the last (`QUICK CABINET FORMATION NEEDED,` / `WITH FIVE SEATS ...`)."""
    if not title_end_ok(title_lines[-1]) or any(t[-1] in ",;" and has_lower(t) for t in title_lines[:-1]):
        return None
    return " ".join(" ".join(title_lines).split()), after


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
    if text[-1] in RULE_TAIL_CHARS:  # a title framed by rules, or followed by one, stands alone wherever it is
        m = _RULE_HEADING.match(text)
        if m:
            return m.group(1), i + 1
        framed = RULE_TITLE_TAIL.search(text)
        stray = text[: framed.start()] if framed else ""
        if framed and stray and len(stray.strip()) <= 3 and not any(c.isalpha() for c in stray) and sum(c.isalpha() for c in framed.group(1)) >= 3:
            return framed.group(1).strip(), i + 1  # a stray character before the framed title (`8 ----- Concerns -----`)
        m = _TRAILING_RULE.match(text) or _RULE_INSIDE_TITLE.match(text)
        title = " ".join(" ".join(t for t in m.groups() if t).split()) if m else ""
        sentence = ends_sentence(title) and not title_like(title)  # `... saved CFK from an early exit.) -----`
        if m and not sentence and title_end_ok(title) and long_title_ok(title) and sum(c.isalpha() for c in title) >= 3:
            return title, i + 1
        if m is None and len(text) > MAX_RULE_TITLE:
            long_title = _long_title_alone(lines, i, breaks)
            if long_title is not None:
                return long_title, i + 1
    if not opens_block(lines, i, breaks):
        # an underlined title right under the last sentence of a paragraph
        prev = lines[i - 1].rstrip()
        if prev[-1:] in SENTENCE_END and len(text) <= MAX_TITLE and not text[:1].islower():
            return _underlined(lines, i)
        return None
    if _too_long(lines, i, text) or is_rule(text):
        return None
    found = _underlined(lines, i)
    if found is not None:
        return found
    prev = lines[i - 1] if i else ""
    prev_blank = not prev.strip() or (breaks is not None and breaks[i]) or is_rule(prev) or is_rule_heading(prev)
    if END_MARK.match(text):
        # a block ends after it, or a capitals title does (`END SUMMARY` / `STRONG SWEDISH EU PRESIDENCY` / `7. (U)`)
        title_after = i + 1 < len(lines) and is_capitals_title(lines[i + 1]) and _ends_block(lines, i + 2)
        return (" ".join(text.split()), i + 1) if _ends_block(lines, i + 1) or title_after else None
    if has_lower(_without_continued(text)):
        if not prev_blank and prev.rstrip()[-1:] in SENTENCE_END and text[-1] not in _NOT_TITLE_END and NUM_START.match(lines[i + 1] if i + 1 < len(lines) else ""):
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


def ends_sentence(text: str) -> bool:
    """``text`` ends with a full stop (``... the issue.``, ``... an early exit.)``), not an ellipsis or ``U.S.``."""
    return _FULL_STOP_END.search(text) is not None and not ELLIPSIS_END.search(text) and not ABBREVIATION_END.search(text)


def title_like(words: str) -> bool:
    """Most words capitalised (small joining words aside): ``Promoting Ties to U.S.``, not a sentence."""
    content = [w for w in words.split() if w.lower() not in _SMALL_WORDS]
    return bool(content) and sum(w.lstrip("\"'(\u201c\u2018")[:1].isupper() for w in content) >= 0.8 * len(content)


def long_title_ok(title: str) -> bool:
    """A title longer than :data:`MAX_TITLE` (allowed only with its rule) reads as one: not a sentence's
    end and the next one's start (``group is ... the mid-term election. Origins of the Movement``)."""
    if len(title) <= MAX_TITLE:
        return True
    return not title[:1].islower() and (TITLE_CUT.search(title) is None or title_like(title))


def title_end_ok(title: str) -> bool:
    """A title does not end like a sentence part (``.``, ``,``, ``;``), except with an ellipsis (``Brown Comes Back...``)
    or an abbreviation (``UK Reaction to Events in the U.S.``, ``Government Support from BERR, Downing St.``)."""
    return title[-1] not in _NOT_TITLE_END or bool(ELLIPSIS_END.search(title) or ABBREVIATION_END.search(title))

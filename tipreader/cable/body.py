"""Lines → numbered paragraphs with marking, page and re-flowed text.

A numbered paragraph (``5. (SBU) ...``) runs until the next one, blank-line
separated blocks included. Numbers must rise (by a few at most), so ``1.4 (b)``,
``2008.``, amounts and the ``1.`` ``2.`` of a list inside a paragraph are not
mistaken for paragraph starts. Lettered items (``-- A.``, ``A.`` after a blank
line, ``--23A.``), headings (``----- SUMMARY -----``, a lone upper-case line,
an underlined title) and the closing signature (``GARZA``) become paragraphs
of their own with ``number=None``; so does text before paragraph 1.

:func:`parse_paragraphs` also reports ``lost-line`` warnings for paragraphs
that visibly lost text (see :mod:`tipreader.cable.lostlines`).
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

from ._types import Line
from .exchanges import split_inline_questions
from .section_items import roman_item_lines, section_item_lines
from .headings import JOINING, NUM_START, SENTENCE_END, ends_with_rule, heading_at
from .title_tails import split_tail_titles
from .items import TRANSCRIPT, item_start
from .model import Paragraph, ParseWarning
from .lostlines import lost_line_warnings
from .markings import match_marking, normalize_marking
from .reflow import UNWRAPPED, is_rule, reflow
from .signature import signature_start, split_footer, split_tail_signature

_NUM_FIRST = frozenset("0123456789 \t")  # what a numbered paragraph's line starts with
_LOST_MARK = re.compile(r"^#{5,}")
_QUESTION_START = re.compile(r"^\s*QUESTION\s+[A-Z]\b", re.IGNORECASE)
_LETTER_BYTES = string.ascii_letters.encode()
_LOWER_BYTES = string.ascii_lowercase.encode()
_SIPDIS = re.compile(r"^\s*SIPDIS\s*$")
# `SIPDIS` dropped into a sentence (`... Philip Miller SIPDIS has already departed`, `Department of` /
# `SIPDIS Women and Child Development`), not where a cable asks for it (`Please include SIPDIS in all replies`).
_SIPDIS_IN_TEXT = re.compile(r"(\n?)(?<![\w-])SIPDIS(?![\w-])[ \t]?(?!\s*(?:caption|in\s+all|in\s+replies))")
_SIPDIS_ASKED = re.compile(r"(?:include|use|caption|add)\s+$", re.IGNORECASE)


@dataclass(slots=True)
class _Seg:
    start: int  # first line index (the start line)
    number: int | None = None
    marking: str | None = None
    first: str = ""  # the first line's text with number and marking taken off
    kind: str = "body"
    open: bool = True  # whether following blocks belong to it
    end: int = 0  # one past the last line


def _prev_text(lines: list[Line], i: int) -> str | None:
    """The nearest non-blank line before ``i`` when no blank separates them, else None."""
    prev = lines[i - 1].text if i else ""
    if not prev.strip() or lines[i].break_before or is_rule(prev) or ends_with_rule(prev):
        return None  # a rule, a rule heading or a title with its rule on one line stands apart
    return prev


def _ends_sentence(text: str | None) -> bool:
    """Whether a paragraph can end with ``text``: a sentence end, or a redaction (``21. (U) XXXXXXXXXXXX``)."""
    if text is None or len(text) > UNWRAPPED:
        return True
    end = text.rstrip()
    return end[-1:] in SENTENCE_END or end[-4:] in ("XXXX", "xxxx")


def _numbered(lines: list[Line], texts: list[str], items: set[int]) -> dict[int, tuple[int, str | None, str]]:
    """Line index → (number, marking, rest) for the paragraph starts that hold up (``texts``: the lines' texts;
    ``items``: lines that are no such start)."""
    found: dict[int, tuple[int, str | None, str]] = {}
    last = 0
    starts = [i for i, t in enumerate(texts) if (t[:1] in _NUM_FIRST or (t[:1] > "\x7f" and t[:1].isdigit())) and i not in items]
    for i in starts:
        line = lines[i]
        m = NUM_START.match(line.text)
        if not m:
            continue
        number = int(m.group(1))
        mk = match_marking(line.text, m.end())
        rest = line.text[mk.end() if mk else m.end() :].strip()
        if not mk and rest and not (rest[0].isupper() or rest[0] in "\"'(\u201c"):
            continue
        prev = _prev_text(lines, i)
        strong = _ends_sentence(prev)
        if last == 0:
            ok = strong and number <= 99 and (mk is not None or prev is None or number <= 3)
        elif mk is not None:
            ok = number == last + 1 or (strong and last < number <= last + 6)
        else:
            ok = (strong and last < number <= last + 3) or (number == last + 1 and _may_end(prev))
        if ok:
            found[i] = (number, normalize_marking(mk.group(1)) if mk else None, rest)
            last = number
    return found




def _may_end(prev: str | None) -> bool:
    """Whether an unpunctuated line can still end a paragraph (no joining word, no comma)."""
    if prev is None:
        return True
    words = prev.split()
    return bool(words) and prev.rstrip()[-1:] not in ",-" and words[-1].lower() not in JOINING


_DASH_QUESTION = re.compile(r"^\s*--\s?[A-Z]")


def _block_asks(lines: list[Line], i: int) -> bool:
    """Whether the block at line ``i`` is a `--What ...?` question restated without a label (ends with ``?``)."""
    if not _DASH_QUESTION.match(lines[i].text):
        return False
    j = i
    while j + 1 < len(lines) and lines[j + 1].text.strip() and j - i < 12:
        j += 1
    return lines[j].text.rstrip().endswith("?")


def _lettered(lines: list[Line], i: int, colon: bool = False) -> bool:
    """Whether line ``i`` starts a lettered item that stands as its own paragraph (``colon``: ``A:`` too)."""
    text = lines[i].text
    m = item_start(text, colon)
    if not m:
        if _prev_text(lines, i) is not None:
            return False
        if not colon and TRANSCRIPT.match(text):
            return True  # a transcript's `Q:` after a blank line: one exchange a paragraph, as an item
        return bool(_QUESTION_START.match(text)) or (text.lstrip()[:2] == "--" and _block_asks(lines, i))
    rest = text[m.end() :].strip()
    if not rest and not m.group(1):
        return False
    combined = bool(m.group(1) and (m.group(4) or m.group(5) == ":"))  # `-- G-K: not applicable.`
    if rest and not (rest[0].isupper() or rest[0] in "(\"'" or combined):
        return False
    if m.group(1) or m.group(2):
        return True
    prev = _prev_text(lines, i)
    if prev is None or prev.rstrip()[-1:] in ".:;?!" or prev.rstrip()[-4:] in ("XXXX", "xxxx"):
        return True  # after a sentence end or a redaction (`... about the uranium. XXXXXXXXXXXX` / `K) N/A.`)
    # under a line of an unwrapped body (one item a line, `A) ...` / `B) ...`) unless it stops mid-phrase
    return len(prev) > UNWRAPPED and _may_end(prev)


def parse_paragraphs(lines: list[Line]) -> tuple[list[Paragraph], list[ParseWarning]]:
    """Group lines into re-flowed paragraphs with number, marking and page."""
    if "SIPDIS" in "\n".join([ln.text for ln in lines]):
        lines = _drop_sipdis_lines(lines)
    lines = split_tail_signature(split_footer(split_tail_titles(split_inline_questions(_undouble(lines)))))
    if not lines:
        return [], []
    all_texts = [ln.text for ln in lines]
    sample = "".join(all_texts[:200]).encode("ascii", "ignore")
    letters = len(sample) - len(sample.translate(None, _LETTER_BYTES))
    lowers = len(sample) - len(sample.translate(None, _LOWER_BYTES))
    upper_body = letters > 0 and lowers < letters * 0.05
    in_sections = section_item_lines(lines) | roman_item_lines(lines)  # `1. (U)` restarting under each `2A.` heading: items, not ¶ numbers
    numbered = _numbered(lines, all_texts, in_sections)
    # `A: ...` items, in a cable with no `Q:` (a line without a Q cannot be one)
    colon = not any(TRANSCRIPT.match(t) for t in all_texts if "Q" in t)
    sig = signature_start(lines)
    limit = sig if sig is not None else len(lines)
    segs: list[_Seg] = []
    seen_number = False
    prev_plain = False  # the line before is wrapped text (not blank, rule or unwrapped)
    texts = all_texts[:limit]
    breaks = [ln.break_before for ln in lines[:limit]]
    skip = 0
    for i in range(limit):
        if i < skip:
            continue  # the rest of a heading
        line = lines[i]
        text = line.text
        if not text.strip():
            if segs and segs[-1].end == 0:
                segs[-1].end = i
            prev_plain = False
            continue
        first = text[:1]
        if prev_plain and first.islower() and not line.break_before and segs and segs[-1].end == 0:
            prev_plain = len(text) <= UNWRAPPED
            continue  # the common case: a wrapped line running on
        prev_plain = len(text) <= UNWRAPPED and not is_rule(text)
        if first == "#" and _LOST_MARK.match(text):  # `###########`: lines lost here; what follows is a fragment
            _close(segs, i)
            segs.append(_Seg(start=i, first=text.strip(), open=False))
            continue
        if i in in_sections:
            _close(segs, i)
            segs.append(_Seg(start=i, first=text.strip()))
            continue
        if i in numbered:
            number, marking, rest = numbered[i]
            _close(segs, i)
            segs.append(_Seg(start=i, number=number, marking=marking, first=rest))
            seen_number = True
            continue
        nxt = texts[i + 1] if i + 1 < limit else ""
        found = heading_at(texts, i, upper_body, breaks)
        underlined = found is not None and (found[1] > i + 1 or is_rule(nxt) or ends_with_rule(text))
        head = text.lstrip()[:2]
        if (
            not underlined
            and (head[:1] in "-\u2013" or head[:1].isdigit() or head[1:2] in ".): -Q" or head[:1] in "Qq")
            and _lettered(lines, i, colon)
        ):
            _close(segs, i)
            segs.append(_Seg(start=i, first=text.strip()))
            continue
        if found is not None:
            title, skip = found
            _close(segs, i)
            segs.append(_Seg(start=i, first=title, kind="heading", open=False, end=skip))
            continue
        if segs and (segs[-1].end == 0 or segs[-1].open):
            segs[-1].end = 0  # the block continues the open paragraph
            continue
        _close(segs, i)
        segs.append(_Seg(start=i, first=text.strip(), open=seen_number))
    _close(segs, limit)
    if sig is not None:
        segs.append(_Seg(start=sig, first=lines[sig].text.strip(), kind="signature", end=len(lines)))
    paragraphs: list[Paragraph] = []
    raw_lines: list[list[str]] = []
    for seg in segs:
        body_lines = [seg.first] + [ln.text for ln in lines[seg.start + 1 : seg.end]]
        if seg.kind == "signature":
            text = "\n".join(s.strip() for s in [seg.first] + [ln.text for ln in lines[seg.start + 1 : seg.end]] if s.strip())
        elif seg.kind == "heading":
            text = " ".join(seg.first.split())
        else:
            text = reflow(body_lines)
        if "SIPDIS" in text:
            text = _drop_sipdis(text)
        if not text and seg.number is None:
            continue
        paragraphs.append(
            Paragraph(
                index=len(paragraphs),
                number=seg.number,
                marking=seg.marking,
                page=lines[seg.start].page,
                text=text,
                kind=seg.kind,
            )
        )
        raw_lines.append([ln.text for ln in lines[seg.start : seg.end]] if seg.kind == "body" else [])
    return paragraphs, lost_line_warnings(paragraphs, raw_lines)


def _drop_sipdis_lines(lines: list[Line]) -> list[Line]:
    """The lines without the ``SIPDIS`` tag lines, and without the blank line the telegram
    system put before such a tag inside a sentence (``... looking forward to`` / blank /
    ``SIPDIS`` / ``Treasury Secretary Paulson's visit``): the sentence stays one."""
    out: list[Line] = []
    for line in lines:
        if not _SIPDIS.match(line.text):
            out.append(line)
        elif len(out) >= 2 and not out[-1].text.strip() and _open_sentence(out[-2].text):
            out.pop()
    return out


def _open_sentence(line: str) -> bool:
    """A line of prose (not a capitals title) that stops on a word or a comma."""
    end = line.rstrip()[-1:]
    return (end.isalpha() or end == ",") and not line.isupper()


def _drop_sipdis(text: str) -> str:
    """The text without the ``SIPDIS`` tags the telegram system dropped into it (the sentence joined)."""
    def keep_or_drop(m: re.Match[str]) -> str:
        if _SIPDIS_ASKED.search(text, max(0, m.start() - 12), m.start()):
            return m.group(0)
        if not m.group(1):
            return ""
        # on a line of its own inside a sentence (`... the Foreign Minister` / `SIPDIS had confirmed`): joined
        return "\n" if text[: m.start()].rstrip()[-1:] in SENTENCE_END else " "
    return _SIPDIS_IN_TEXT.sub(keep_or_drop, text).strip()


def _undouble(lines: list[Line]) -> list[Line]:
    """Drop the single blank lines of a double-spaced body (runs of two or more stay one)."""
    blanks = [ln.text for ln in lines].count("")
    if blanks < 0.3 * (len(lines) - blanks):
        return lines
    mids = 0  # single blank lines that cut a sentence: the mark of a double-spaced body
    i, n = 0, len(lines)
    while i < n:
        if not lines[i].text.strip():
            j = i
            while j < n and not lines[j].text.strip():
                j += 1
            if j - i == 1 and i and j < n and lines[i - 1].text.rstrip()[-1:].isalnum():
                mids += 1
            i = j
        else:
            i += 1
    texts = sum(1 for ln in lines if ln.text.strip())
    if texts < 6 or mids < 0.3 * texts:
        return lines
    out: list[Line] = []
    i = 0
    while i < n:
        if lines[i].text.strip():
            out.append(lines[i])
            i += 1
            continue
        j = i
        while j < n and not lines[j].text.strip():
            j += 1
        if j - i > 1:
            out.append(lines[i])
        i = j
    return out


def _close(segs: list[_Seg], i: int) -> None:
    """End the last segment at line ``i`` unless it already ended."""
    if segs and segs[-1].end == 0:
        segs[-1].end = i

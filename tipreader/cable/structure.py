"""Paragraphs → parts, questions, SUMMARY and COMMENT blocks; paragraph kinds set.

A SUMMARY block starts at a ``SUMMARY`` heading or a paragraph opening with
``Summary:`` (``1. (C) Summary: ...``) and runs to the paragraph holding ``End
summary`` (or, without one, the heading's section or the opening paragraph
alone). COMMENT blocks work the same way. The questionnaire structure comes
from :mod:`tipreader.cable.questions`.
"""

from __future__ import annotations

import dataclasses
import re

from .model import Block, Paragraph, Part
from .prefilter import word_start
from .questions import find_parts

_LOOKAHEAD = 12  # paragraphs searched for the END marker
_OPEN = {
    "summary": re.compile(r"^\W{0,3}(?:EXECUTIVE\s+)?SUMMARY(?:\s+AND\s+(?:COMMENT|ACTION\s+REQUEST|INTRODUCTION))?\s*(?:[:.\-]|$)", re.IGNORECASE),
    "comment": re.compile(r"^\W{0,3}COMMENT(?:\s+AND\s+ACTION\s+REQUEST)?\s*(?:[:.\-]|$)", re.IGNORECASE),
}
_END = {
    "summary": re.compile(r"\bEND\s+(?:OF\s+)?(?:EXECUTIVE\s+)?SUMMARY\b", re.IGNORECASE),
    "comment": re.compile(r"\bEND\s+(?:OF\s+)?COMMENTS?\b", re.IGNORECASE),
}
_LABEL = {
    "summary": re.compile(r"^\W{0,3}(?:EXECUTIVE\s+)?SUMMARY(?:\s+AND\s+\w+(?:\s+REQUEST)?)?\s*[:.\-]*\s*", re.IGNORECASE),
    "comment": re.compile(r"^\W{0,3}COMMENTS?\s*[:.\-]*\s*", re.IGNORECASE),
}
_END_MARK = re.compile(r"\s*\(?\bEND\s+(?:OF\s+)?(?:EXECUTIVE\s+)?(?:SUMMARY|COMMENTS?)(?:\s+AND\s+(?:COMMENT|ACTION\s+REQUEST))?\s*[.)]*", re.IGNORECASE)


def _has_end(end: re.Pattern[str], text: str) -> bool:
    """Whether ``text`` holds the block's end mark (``END SUMMARY``); the regex only from where a word ``end`` is."""
    start = word_start(text, "end")
    return start is not None and end.search(text, start) is not None


def _without_end_marks(text: str) -> str:
    """``text`` without its end marks (:data:`_END_MARK`); the regex only from the blanks before the first word ``end``."""
    start = word_start(text, "end")
    if start is None:
        return text
    cut = start  # where a mark at ``start`` can begin: `\s*\(?` before it
    if cut and text[cut - 1] == "(":
        cut -= 1
    while cut and text[cut - 1].isspace():
        cut -= 1
    cut = max(0, cut - 1)  # one character more, for `\b` to see (no mark can start on it)
    return text[:cut] + _END_MARK.sub("", text[cut:])


def _find_block(paragraphs: list[Paragraph], kind: str) -> tuple[int, list[int]] | None:
    """(opening paragraph index, indexes of the block's paragraphs) for the first block of ``kind``."""
    opener, end = _OPEN[kind], _END[kind]
    for para in paragraphs:
        if para.kind == "signature" or not opener.match(para.text):
            continue
        i = para.index
        is_heading = para.kind == "heading" or len(para.text.strip()) <= 12
        if _has_end(end, para.text) and not is_heading:
            return i, [i]
        stop = min(len(paragraphs), i + 1 + _LOOKAHEAD)
        for j in range(i + 1, stop):
            if _has_end(end, paragraphs[j].text):
                first = i + 1 if is_heading else i
                return i, list(range(first, j + 1))
        if not is_heading:
            return i, [i]
        span = []
        for j in range(i + 1, stop):
            if paragraphs[j].kind in ("heading", "signature"):
                break
            span.append(j)
            if paragraphs[j].number is None and span and paragraphs[span[0]].number is not None:
                break
        return (i, span) if span else None
    return None


def _block_text(paragraphs: list[Paragraph], indexes: list[int], kind: str) -> str:
    texts = []
    for pos, i in enumerate(indexes):
        text = paragraphs[i].text
        if pos == 0:
            text = _LABEL[kind].sub("", text, count=1)
        if pos == len(indexes) - 1:
            text = _without_end_marks(text)
        if text.strip():
            texts.append(text.strip())
    return "\n\n".join(texts)


def parse_structure(
    paragraphs: list[Paragraph],
) -> tuple[list[Paragraph], list[Part], Block | None, Block | None]:
    """Return the paragraphs (kinds set), the parts with their questions, and the blocks."""
    paragraphs = list(paragraphs)
    if not paragraphs:
        return paragraphs, [], None, None
    kinds = [p.kind for p in paragraphs]
    blocks: dict[str, Block | None] = {"summary": None, "comment": None}
    for kind in ("summary", "comment"):
        found = _find_block(paragraphs, kind)
        if found is None:
            continue
        _, indexes = found
        indexes = [i for i in indexes if kinds[i] != "signature"]
        if not indexes:
            continue
        blocks[kind] = Block(kind=kind, text=_block_text(paragraphs, indexes, kind), paragraphs=tuple(indexes))
        for i in indexes:
            if kinds[i] == "body":
                kinds[i] = kind
    parts, questions, headings = find_parts(paragraphs)
    for i in questions:
        kinds[i] = "question"
    for i in headings:
        kinds[i] = "heading"
    out = [p if p.kind == k else dataclasses.replace(p, kind=k) for p, k in zip(paragraphs, kinds)]
    return out, parts, blocks["summary"], blocks["comment"]

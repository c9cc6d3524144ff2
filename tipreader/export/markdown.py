"""Markdown for one cable: a metadata table, headings for parts and questions, numbered paragraphs.

A question is stated once, in its heading; its paragraph then gives the answer (as the
reader shows it). Each line the cable keeps apart inside a paragraph (``-- item`` lines,
the answer after ``POST RESPONSE:``) is a Markdown paragraph of its own, so the file reads
as prose in any Markdown tool, without ``\\`` hard breaks.

Cable text is escaped so that nothing in a cable (``*``, ``#``, ``|``, ``<b>``, ``[x](y)``)
turns into Markdown structure; the output parses back with markdown-it-py to exactly
the headings and paragraphs the cable has.
"""

from __future__ import annotations

import re

from tipreader.cable import Cable, Paragraph, Part, Question
from tipreader.cable.qa_text import split_question

_ESCAPE = re.compile(r"([\\`*_\[\]<>|~&])")
# What makes a line Markdown structure at its start: an ATX heading (``# x``), a block quote,
# a list item (``- x``, ``+ x``, ``2008. x``), a thematic break or setext underline (``---``,
# ``===``, ``- - -``). ``-- item`` and ``#tag`` are text and stay as the cable wrote them.
_LEADING = re.compile(r"^(\s*)(?:(#{1,6}|[-+*])(?=\s|$)|(>)|(\d{1,9})(?=[.)](?:\s|$))|([-=*_])(?=[-=*_\s]*$))")


def escape_markdown(text: str) -> str:
    """Escape ``text`` so Markdown renders it literally (inline context and line starts)."""
    text = _ESCAPE.sub(r"\\\1", text)
    match = _LEADING.match(text)
    if match:
        lead = match.group(1)
        if match.group(4):  # "2008. Text" would become an ordered list item
            text = f"{lead}{match.group(4)}\\{text[match.end():]}"
        else:
            text = f"{lead}\\{text[len(lead):]}"
    return text


def _escape_block(text: str) -> list[str]:
    """A paragraph's kept lines, each escaped: one Markdown paragraph each."""
    return [escape_markdown(line.strip()) for line in text.split("\n") if line.strip()]


def _meta_table(cable: Cable) -> list[str]:
    rows = [
        ("Reference", cable.ref_id),
        ("Subject", cable.subject),
        ("Date", cable.date),
        ("Origin", cable.origin),
        ("Classification", cable.classification),
        ("Caveats", ", ".join(cable.caveats)),
        ("Tags", ", ".join(cable.tags)),
        ("E.O.", cable.eo),
        ("Classified by", cable.classified_by),
    ]
    for ref in cable.references:
        label = f"{ref.label}. " if ref.label else ""
        resolved = f" ({ref.ref_id})" if ref.ref_id else ""
        rows.append(("Reference" if not ref.label else f"Ref {ref.label}", f"{label}{ref.text}{resolved}"))
    out = ["| Field | Value |", "| --- | --- |"]
    for name, value in rows:
        if value:
            out.append(f"| {name} | {escape_markdown(str(value))} |")
    return out


def _paragraph_md(para: Paragraph, text: str | None = None) -> list[str]:
    """The paragraph (or ``text``, the part of it to show) as Markdown paragraphs, its number and
    marking leading the first; each followed by a blank line."""
    badge = []
    if para.number is not None:
        badge.append(f"**{para.number}.**")
    if para.marking:
        badge.append(f"({escape_markdown(para.marking)})")
    lines = _escape_block(para.text if text is None else text)
    if badge:
        lines[:1] = [" ".join(badge + lines[:1])]
    return [line for chunk in lines for line in (chunk, "")]


def _question_heading(question: Question) -> str:
    words = " ".join(question.question.split()) or "(answer only)"
    return f"### Q {escape_markdown(question.shown_label)}: {escape_markdown(words)}"


def _part_heading(part: Part) -> str:
    """``## Part 23: THE COUNTRY'S TIP SITUATION``; a title the cable does not give says so."""
    title = escape_markdown(part.title)
    if part.title_source != "cable":
        title += " *(title derived from the questions, not the cable's text)*"
    return f"## Part {escape_markdown(part.label)}: {title}"


def _part_starts(parts: tuple[Part, ...]) -> dict[int, tuple[int, Part]]:
    """Paragraph index → (part number, part) for the paragraph that opens each part."""
    starts: dict[int, tuple[int, Part]] = {}
    for number, part in enumerate(parts, start=1):
        first = part.paragraph_index
        if first is None and part.questions:
            first = part.questions[0].paragraph_index
        if first is not None:
            starts.setdefault(first, (number, part))
    return starts


def cable_to_markdown(cable: Cable) -> str:
    """The whole cable as a Markdown document."""
    title = cable.subject or cable.ref_id
    out = [f"# {escape_markdown(title)}", "", *_meta_table(cable), ""]
    if cable.warnings:
        notes = "; ".join(escape_markdown(w.message) for w in cable.warnings[:10])
        out += [f"> Parser notes: {notes}", ""]
    starts = _part_starts(cable.parts)
    questions = {q.paragraph_index: q for q in cable.questions}
    for para in cable.paragraphs:
        if para.index in starts:
            out += [_part_heading(starts[para.index][1]), ""]
        question = questions.get(para.index)
        if question is not None:
            out += [_question_heading(question), ""]
            out += _paragraph_md(para, split_question(para, question)[1])
        else:
            out += _paragraph_md(para)
    return "\n".join(out).rstrip() + "\n"

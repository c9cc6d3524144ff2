"""The reader's document: a cable turned into styled blocks of Rich ``Text``.

No Textual here. :func:`build_blocks` lays a :class:`Cable` out for one of three
views (``full``: questions with answers; ``answers``: questions shrunk to their
label and a line; ``questions``: the questionnaire as an outline with a line of
each answer). The :class:`~tipreader.ui.widgets.cable_view.CableView` wraps the
blocks to the width and paints them line by line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from rich.style import Style
from rich.text import Text

from tipreader.cable.items import QUESTION_LABEL
from tipreader.cable.model import Cable, Paragraph, Question
from tipreader.cable.qa_text import QUESTION_LEAD, split_question

from .text import classification_style, clean, marking_style, one_line, tag_name

VIEWS = ("full", "answers", "questions")
VIEW_NAMES = {"full": "questions with answers", "answers": "answers only", "questions": "questions only"}



@dataclass
class Block:
    """One run of text in the document, wrapped as a unit.

    ``para`` is the paragraph index the block belongs to (None for the header);
    ``find_from`` is where searchable cable text starts in ``text.plain`` (labels
    and badges before it are not searched); ``searchable`` is False for labels.
    ``prefix`` is put before every wrapped line; ``one_line`` truncates to one line.
    ``spans`` are ``(start, end, item)`` annotations of ``text.plain`` (entity mentions,
    see :mod:`tipreader.ui.entity_view`): the view's tooltips and mention finding use them.
    """

    text: Text
    para: int | None
    role: str
    prefix: Text = field(default_factory=Text)
    gap: int = 0  # blank lines before the block
    searchable: bool = True
    find_from: int = 0
    one_line: bool = False
    line_style: str = ""
    spans: tuple = ()


def with_styles(block: Block, spans: Iterable[tuple[int, int, Style | str]]) -> Block:
    """``block`` with each ``(start, end, style)`` span of its text styled (links the parts add);
    the block itself when there is no span."""
    spans = list(spans)
    if not spans:
        return block
    text = block.text.copy()
    for a, b, style in spans:
        text.stylize(style, a, b)
    return replace(block, text=text)


def after_paragraphs(blocks: list[Block], extra: Callable[[int], Block | None]) -> list[Block]:
    """``blocks`` with ``extra(para)`` (when not None) after each paragraph's last block: what parts
    add under a paragraph (codes' tags, teammates' notes). Part headings get nothing."""
    out: list[Block] = []
    for k, block in enumerate(blocks):
        out.append(block)
        para = block.para
        if para is None or block.role == "part" or (k + 1 < len(blocks) and blocks[k + 1].para == para):
            continue
        added = extra(para)
        if added is not None:
            out.append(added)
    return out


def question_map(cable: Cable) -> dict[int, tuple[int, int, Question]]:
    """paragraph index → (part number 1-based, question number 1-based overall, question)."""
    out: dict[int, tuple[int, int, Question]] = {}
    n = 0
    for p, part in enumerate(cable.parts, 1):
        for q in part.questions:
            n += 1
            out.setdefault(q.paragraph_index, (p, n, q))
    return out


def question_label(cable: Cable, part_no: int, q: Question) -> str:
    """``Q 23·A`` under the cable's own numbering (``Q 2·C`` where it numbers no part)."""
    if q.label:
        return f"Q {clean(q.shown_label, newlines=False)}"
    letter = clean(q.letter, newlines=False)
    return f"Q {part_no}·{letter}" if len(cable.parts) > 1 else f"Q {letter}"


DERIVED_NOTE = "title derived from the questionnaire, not the cable's text"


StyleFn = Callable[[str | None], "Style | str"]


def _badge(para: Paragraph, lost: bool, mark_style: StyleFn = marking_style) -> Text:
    badge = Text()
    if para.number is not None:
        badge.append(f" ¶{para.number} ", style="bold reverse")
    if para.marking:
        badge.append(f" {clean(para.marking, newlines=False)} ", style=mark_style(para.marking))
    if lost:
        badge.append(" ⚠", style="tip.warning-mark")
    if badge.plain:
        badge.append(" ")
    return badge


def _body(
    para: Paragraph, text: str, lost: bool, role: str = "para", prefix: Text | None = None, gap: int = 1,
    mark_style: StyleFn = marking_style,
) -> Block:
    head = _badge(para, lost, mark_style)
    body = head.copy()
    body.append(clean(text))
    style = {"comment": "italic", "heading": "bold", "signature": "tip.muted"}.get(para.kind, "")
    if style:
        body.stylize(style, len(head))
    return Block(body, para.index, role, prefix or Text(), gap, True, len(head))


def header_blocks(cable: Cable, in_library: Callable[[str], bool], level_style: StyleFn = classification_style) -> list[Block]:
    """The metadata panel: ref_id and subject, date and origin, classification, TAGS, references."""
    label = "tip.field"
    blocks: list[Block] = []
    title = Text()
    title.append(clean(cable.ref_id, newlines=False), style="bold")
    if cable.subject:
        title.append("  ")
        title.append(clean(cable.subject, newlines=False), style="tip.title")
    blocks.append(Block(title, None, "header", gap=0, find_from=0))
    line = Text()
    line.append("Date ", style=label)
    if cable.date is None and cable.year_guess is not None:
        line.append(f"year not stated; {cable.year_guess}?", style="tip.note")  # a guess, never in the id
    else:
        line.append(_date(cable.date))
    if cable.origin:
        line.append("   From ", style=label)
        line.append(clean(cable.origin, newlines=False))
    if cable.precedence:
        line.append("   " + clean(cable.precedence, newlines=False), style="tip.muted")
    blocks.append(Block(line, None, "header", searchable=False))
    line = Text()
    line.append("Classification ", style=label)
    cls = clean(cable.classification, newlines=False)
    line.append(f" {cls} " if cls else "not stated", style=level_style(cls) if cls else "tip.muted-italic")
    for caveat in cable.caveats:
        line.append(" " + clean(caveat, newlines=False), style="tip.muted")
    if cable.classification_note:  # NOFORN raised from the paragraph markings, not the caption's own
        line.append(f"  ({clean(cable.classification_note, newlines=False)})", style="tip.note")
    if cable.eo:
        line.append("   E.O. ", style=label)
        line.append(clean(cable.eo, newlines=False), style="tip.muted")
    if cable.classified_by:
        line.append("   Classified by ", style=label)
        line.append(one_line(cable.classified_by, 80), style="tip.muted")
    blocks.append(Block(line, None, "header", searchable=False))
    if cable.tags:
        line = Text()
        line.append("Tags ", style=label)
        for i, tag in enumerate(cable.tags):
            if i:
                line.append(" · ", style="tip.muted")
            line.append(clean(tag, newlines=False), style="bold")
            name = tag_name(tag)
            if name:
                line.append(f" {name}", style="italic")
        blocks.append(Block(line, None, "header", searchable=False))
    for i, ref in enumerate(cable.references):
        line = Text()
        line.append("References " if i == 0 else "           ", style=label)
        if ref.label:
            line.append(clean(ref.label, newlines=False) + ". ", style="bold")
        line.append(clean(ref.text, newlines=False))
        if ref.ref_id:
            line.append(" → " + clean(ref.ref_id, newlines=False), style="tip.muted")
            if in_library(ref.ref_id):
                line.append(" ✓ in library", style="tip.ok-mark")
        blocks.append(Block(line, None, "header", searchable=False))
    if cable.partial:
        blocks.append(Block(Text("A partial extract: the full text is not in this record.", "tip.note"), None, "header", searchable=False))
    for warning in cable.warnings:
        if warning.code == "truncated":  # the cable's own page markers or pointers say it stops early
            text = "Truncated: " + clean(warning.message, newlines=False)
            blocks.append(Block(Text(text, "tip.note"), None, "header", searchable=False))
    blocks.append(Block(Text("─", "tip.rule"), None, "rule", searchable=False, one_line=True))
    return blocks


def _date(value: str | None) -> str:
    if not value:
        return "unknown"
    m = re.match(r"(\d{4}-\d\d-\d\d)(?:T(\d\d:\d\d))?", value)
    if not m:
        return clean(value, newlines=False)
    return f"{m.group(1)} {m.group(2)} UTC" if m.group(2) else m.group(1)


def build_blocks(
    cable: Cable,
    view: str = "full",
    only: Iterable[int] | None = None,
    in_library: Callable[[str], bool] = lambda ref_id: False,
    level_style: StyleFn | None = None,
) -> list[Block]:
    """The blocks of ``cable`` in ``view``; ``only`` keeps just those paragraph indexes.

    ``level_style`` colours a classification or marking badge by level (the theme's
    colours, from the app); by default fixed colours are used.
    """
    head_style = level_style or classification_style
    mark_style = level_style or marking_style
    keep = set(only) if only is not None else None
    lost = {w.paragraph for w in cable.warnings if w.code == "lost-line" and w.paragraph is not None}
    qmap = question_map(cable)
    owner: dict[int, Question] = {}  # answer paragraph index → its question
    for _, _, q in qmap.values():
        for i in q.answer_paragraphs:
            if i != q.paragraph_index:
                owner.setdefault(i, q)
    headings = {part.paragraph_index: (n, part) for n, part in enumerate(cable.parts, 1) if part.paragraph_index is not None}
    q_prefix = Text("┃ ", style="tip.letter")
    a_prefix = Text("│ ", style="tip.answer-bar")

    blocks = header_blocks(cable, in_library, head_style)
    shown_parts: set[int] = set()
    for para in cable.paragraphs:
        if keep is not None and para.index not in keep:
            continue
        if para.index in headings:
            n, _part = headings[para.index]
            shown_parts.add(n)
            blocks.append(_body(para, para.text, para.index in lost, role="heading", mark_style=mark_style))
            blocks[-1].text.stylize("tip.title", blocks[-1].find_from)
            continue
        if para.index in qmap:
            part_no, _, q = qmap[para.index]
            if part_no not in shown_parts and cable.parts[part_no - 1].paragraph_index is None:
                shown_parts.add(part_no)
                part = cable.parts[part_no - 1]
                title = clean(part.title, newlines=False) or f"Part {part_no}"
                head = Text(f"{clean(part.label, newlines=False)}  " if part.label else "", "tip.title")
                if part.title_source == "standard":  # not the cable's words: dim, and saying so
                    head.append(title, "tip.title-derived")
                    head.append(f"  ({DERIVED_NOTE})", "tip.muted")
                else:
                    head.append(title.upper(), "tip.part-title")
                blocks.append(Block(head, para.index, "part", gap=1, searchable=False))
            blocks.extend(_question_blocks(cable, para, part_no, q, view, para.index in lost, q_prefix, a_prefix, mark_style))
            continue
        if para.index in owner:
            if view == "questions":
                continue
            q = owner[para.index]
            text, after = _cut_after(para, q)
            blocks.append(_body(para, text, para.index in lost, "answer", a_prefix, gap=0, mark_style=mark_style))
            if after:
                blocks.append(Block(Text(clean(after)), para.index, "para", gap=1))
            continue
        if view == "questions" and qmap:
            continue
        blocks.append(_body(para, para.text, para.index in lost, mark_style=mark_style))
    return blocks


def _question_blocks(
    cable: Cable, para: Paragraph, part_no: int, q: Question, view: str, lost: bool, q_prefix: Text, a_prefix: Text,
    mark_style: StyleFn = marking_style,
) -> list[Block]:
    question, answer = split_question(para, q)
    question = QUESTION_LEAD.sub("", clean(question), count=1) if question else ""
    label = Text()
    label.append(f" {question_label(cable, part_no, q)} ", style="tip.letter-badge")
    label.append(" ")
    label.append_text(_badge(para, lost, mark_style))
    out: list[Block] = []
    if view == "answers":
        label.append(one_line(question, 400), style="tip.question-preview")
        out.append(Block(label, para.index, "question", q_prefix, gap=1, find_from=len(label.plain) - len(one_line(question, 400)), one_line=True, searchable=False))
    else:
        out.append(Block(label, para.index, "qlabel", q_prefix, gap=1, searchable=False))
        if question:
            out.append(Block(Text(question, "tip.question"), para.index, "question", q_prefix))
    if view == "questions":
        preview = Text("Answer: ", style="tip.answer")
        preview.append(one_line(q.answer, 400) or "(none)", style="tip.muted")
        out.append(Block(preview, para.index, "preview", a_prefix, one_line=True, searchable=False))
        return out
    # an interview's or press guidance's `Q:` is answered by the one asked, not by a post
    said = "Answer" if QUESTION_LABEL.match(para.text) else "Post response"
    out.append(Block(Text(said, "tip.answer"), para.index, "alabel", a_prefix, searchable=False))
    if answer:
        out.append(Block(Text(clean(answer)), para.index, "answer", a_prefix))
    elif not [i for i in q.answer_paragraphs if i != para.index]:
        out.append(Block(Text("(no answer given)", "tip.muted-italic"), para.index, "answer", a_prefix, searchable=False))
    if q.after and q.answer_paragraphs[-1:] in ((), (para.index,)):
        out.append(Block(Text(clean(q.after)), para.index, "para", gap=1))  # `End text of submission`: not the answer
    return out


def _cut_after(para: Paragraph, q: Question) -> tuple[str, str]:
    """An answer paragraph's text without what follows the answer (``q.after``), and that text."""
    text = para.text or ""
    if q.after and q.answer_paragraphs[-1:] == (para.index,) and text.rstrip().endswith(q.after):
        return text.rstrip()[: -len(q.after)].rstrip(), q.after
    return text, ""

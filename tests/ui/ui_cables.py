"""Hand-built :class:`Cable` objects for the reader's tests.

``mexico_cable()`` models ``sample_cables/08MEXICO721.txt`` as the parser is meant
to read it: 26 (SBU) paragraphs; paragraphs 5-26 are 22 questions in three parts
(A-E, A-M, A-D); paragraph 12 is part 2 question C, "Punishment of Labor
Trafficking Offenses...". The structure below (numbers, letters, part bounds,
references, lost lines) was written by reading the file; the paragraph text is
cut from the file with the page markers dropped and the lines re-flowed, so the
fixture never drifts from the real words.

``hostile_cable()`` carries markup and terminal escapes in every field a reader
shows; ``plain_cable(n)`` is a cable without questions with ``n`` paragraphs.
"""

from __future__ import annotations

from dataclasses import replace

import re
from pathlib import Path

from tipreader.cable.model import Block, Cable, Paragraph, ParseWarning, Part, Question, Reference

ROOT = Path(__file__).resolve().parents[2]
MEXICO_FILE = ROOT / "sample_cables" / "08MEXICO721.txt"

# part number -> (first paragraph number, letters) as read in the file.
MEXICO_PARTS = {1: (5, "ABCDE"), 2: (10, "ABCDEFGHIJKLM"), 3: (23, "ABCD")}
# Paragraph numbers where the scraped file lost a line mid-sentence (read by eye).
MEXICO_LOST_LINES = (1, 2, 4, 9, 10)

_PAGE = re.compile(r"^MEXICO 00000721 (\d{3}) OF 011\s*$")
_START = re.compile(r"^(\d+)\. \(SBU\) (.*)$")
_RESPONSE = re.compile(r"\n*POST RESPONSE:\s*")
_QUESTION = re.compile(r"^QUESTION ([A-Z])[:.]\s*")


def _reflow(lines: list[str]) -> str:
    """Join hard-wrapped lines; blank lines separate sub-paragraphs (kept as \\n\\n)."""
    chunks: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            chunks[-1].append(line.strip())
        elif chunks[-1]:
            chunks.append([])
    return "\n\n".join(" ".join(c) for c in chunks if c)


def _mexico_paragraphs() -> list[tuple[int, int, str]]:
    """(number, page, text) for each numbered paragraph of the file."""
    text = MEXICO_FILE.read_text(encoding="utf-8")
    body = text.split("Visit Mexico City's Classified Web Site")[0]
    page = 1
    out: list[tuple[int, int, list[str]]] = []
    for line in body.splitlines():
        m = _PAGE.match(line)
        if m:
            page = int(m.group(1))
            continue
        m = _START.match(line)
        if m:
            out.append((int(m.group(1)), page, [m.group(2)]))
        elif out:
            out[-1][2].append(line)
    return [(n, p, _reflow(lines)) for n, p, lines in out]


def mexico_cable(source: str = "sample_cables/08MEXICO721.txt") -> Cable:
    """The Mexico TIP cable as the finished parser should model it."""
    raw = _mexico_paragraphs()
    assert [n for n, _, _ in raw] == list(range(1, 27)), "fixture: paragraph numbers"
    paragraphs = []
    questions_by_number: dict[int, Question] = {}
    for index, (number, page, text) in enumerate(raw):
        kind = "question" if number >= 5 else "body"
        paragraphs.append(Paragraph(index, number, "SBU", page, text, kind))
        if number >= 5:
            head, answer = _RESPONSE.split(text, maxsplit=1)
            m = _QUESTION.match(head)
            assert m, f"fixture: paragraph {number} has no QUESTION"
            questions_by_number[number] = Question(
                letter=m.group(1),
                question=head[m.end():].strip(),
                answer=answer.strip(),
                paragraph=number,
                paragraph_index=index,
                answer_paragraphs=(index,),
            )
    parts = []
    for part_no, (first, letters) in MEXICO_PARTS.items():
        qs = tuple(
            replace(q, label=f"{part_no}.{q.letter}", letters=(q.letter,))  # the parser's labels: no part heading
            for q in (questions_by_number[first + i] for i in range(len(letters)))
        )
        assert "".join(q.letter for q in qs) == letters, f"fixture: part {part_no} letters"
        parts.append(Part(title=f"Part {part_no}", questions=qs, label=str(part_no)))
    warnings = tuple(
        ParseWarning("lost-line", "a line of the cable is missing here", n - 1) for n in MEXICO_LOST_LINES
    )
    return Cable(
        source=source,
        format="raw",
        ref_id="08MEXICO721",
        date="2008-03-11T22:19:00Z",
        precedence="ROUTINE",
        origin="Embassy Mexico",
        classification=None,
        eo="12958: N/A",
        subject="Eighth Annual Trafficking in Persons (Tip) Report",
        references=(
            Reference("A", "2006 STATE 202745", "06STATE202745"),
            Reference("B", "(B) 2007 STATE 150188", "07STATE150188"),
            Reference("C", "(C) 2008 STATE 02731", "08STATE2731"),
        ),
        paragraphs=tuple(paragraphs),
        parts=tuple(parts),
        warnings=warnings,
    )


def hostile_cable() -> Cable:
    """A cable whose text holds Rich markup and terminal escapes in every shown field."""
    evil = "[bold red]BOLD[/] [link=https://evil.example]click[/link] \x1b[31mRED\x1b[0m \x1b]52;c;aGk=\x07 bell\x07 end"
    paragraphs = (
        Paragraph(0, 1, "C", 1, "Intro " + evil, "body"),
        Paragraph(1, 2, "S//NF", 1, "Second [i]para[/i] with \x1b[2J clear", "body"),
    )
    return Cable(
        source="<hostile>",
        format="raw",
        ref_id="09EVIL1",
        date="2009-01-02T03:04:00Z",
        origin="Embassy [bold]Evil[/bold]",
        classification="SECRET//NOFORN",
        tags=("KTIP", "PGOV", "[blink]X[/blink]"),
        subject="Subject [reverse]markup[/reverse] \x1b[5mblink",
        references=(Reference("A", "09 STATE [b]1[/b]", "09STATE1"),),
        paragraphs=paragraphs,
        summary=Block("summary", paragraphs[0].text, (0,)),
    )


def plain_cable(n: int = 12, words: int = 90) -> Cable:
    """A cable without questions: ``n`` numbered paragraphs, the 3rd has a summary."""
    filler = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do".split()
    paragraphs = []
    for i in range(n):
        text = " ".join(filler[(i + k) % len(filler)] for k in range(words))
        paragraphs.append(Paragraph(i, i + 1, "C", 1 + i // 10, f"Paragraph {i + 1} says {text}.", "body"))
    paragraphs[0] = Paragraph(0, 1, "C", 1, "Summary: " + paragraphs[0].text, "summary")
    paragraphs[-1] = Paragraph(n - 1, n, "C", paragraphs[-1].page, "Comment: " + paragraphs[-1].text, "comment")
    return Cable(
        source="<plain>",
        format="raw",
        ref_id="09PLAIN1",
        date="2009-05-06T07:08:00Z",
        origin="Embassy Nowhere",
        classification="CONFIDENTIAL",
        tags=("KTIP", "PHUM", "SMIG"),
        subject="A plain cable",
        paragraphs=tuple(paragraphs),
        summary=Block("summary", paragraphs[0].text, (0,)),
        comment=Block("comment", paragraphs[-1].text, (n - 1,)),
    )

"""The cable model: plain frozen dataclasses, no I/O, no UI.

Everything the reader, the library and the exporters show comes from these
objects. They are produced by :func:`tipreader.cable.parse_text` and friends and
are safe to share between threads and processes (all fields are immutable and
picklable).
"""

from __future__ import annotations

from dataclasses import dataclass, field, asdict
from typing import Any


class CableError(Exception):
    """A cable could not be read. ``str(err)`` is one line naming the cause.

    ``source`` names the file (and for a CSV, the row) so a caller can print
    ``f"{err.source}: {err}"`` without a traceback.
    """

    def __init__(self, message: str, source: str = "") -> None:
        super().__init__(message)
        self.source = source

    def __str__(self) -> str:  # one line, always
        return " ".join(str(self.args[0]).split()) if self.args else "unreadable cable"


@dataclass(frozen=True, slots=True)
class Warning_:
    """Something the parser noticed that a reader should see.

    ``code`` is a stable identifier (``lost-line``, ``missing-header``,
    ``repaired-id``, ``undecodable-bytes``, ``no-date``, ``no-year``,
    ``embedded-row``, ``site-boilerplate``, ...); ``paragraph`` is the
    paragraph *index* (position in ``Cable.paragraphs``) it applies to, or None
    for the cable as a whole.
    """

    code: str
    message: str
    paragraph: int | None = None


# The public name; the trailing underscore above only avoids shadowing the builtin
# inside this module.
ParseWarning = Warning_


@dataclass(frozen=True, slots=True)
class Reference:
    """One item of a REF block: ``A. 2006 STATE 202745`` → label ``A``, ref_id ``06STATE202745``."""

    label: str  # "A", "B", ... or "" when the block has a single unlabelled item
    text: str  # the item as written, whitespace collapsed
    ref_id: str | None  # resolved WikiLeaks id, None when it cannot be resolved


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of the body as a reader sees it.

    ``index`` is its position in ``Cable.paragraphs``; ``number`` is the cable's own
    paragraph number (``5`` for ``5. (SBU) ...``) or None for unnumbered text
    (a preamble line, a signature block). ``text`` is re-flowed prose: hard line
    breaks joined, with ``\\n`` kept only where the cable lays out lines (lists,
    tables, signatures). Page markers, section lines and pilcrows are not in it.
    """

    index: int
    number: int | None
    marking: str | None  # "SBU", "C", "U", "C/NF", "S//NF", "C//REL TO USA, AUS" ...
    page: int  # 1-based page of the cable the paragraph starts on
    text: str
    kind: str = "body"  # "body" | "question" | "summary" | "comment" | "heading" | "signature"


@dataclass(frozen=True, slots=True)
class Question:
    """A questionnaire question paired with the post's answer.

    ``paragraph`` is the cable's paragraph number holding the question (None
    when unnumbered); ``paragraph_index`` its position in ``Cable.paragraphs``.
    ``answer_paragraphs`` are the indexes of the paragraphs that hold the answer
    (the answer text of the question's own paragraph included).

    ``label`` addresses the question as the cable does, its part's label and its
    letters: ``23.A``, ``III.B``, ``IV.B-C`` (a combined item), ``27`` (a numbered
    question outside the lettered parts). ``letters`` are the letters it answers,
    two or more for a combined item (``B & C.``), none for a numbered question;
    ``letter`` is the first of them (or "" for a numbered question). ``after`` is text written
    in the answer's last paragraph after the answer that does not belong to it (``End text of
    submission Part 1 of 2.``): it is kept, outside the answer.
    """

    letter: str  # "A", "B", ...
    question: str  # the question text, re-flowed ("" for answer-only items)
    answer: str  # the answer text, re-flowed
    paragraph: int | None
    paragraph_index: int
    answer_paragraphs: tuple[int, ...] = ()
    label: str = ""  # "23.A", "III.B", "IV.B-C", "2.C" (part ordinal when the cable numbers no part)
    letters: tuple[str, ...] = ()  # ("B", "C") for a combined item
    # what follows the answer in its last paragraph but is not part of it: "End text of submission Part 1 of 2."
    after: str = ""

    @property
    def shown_label(self) -> str:
        """The label as the reader shows it: ``23·A``, ``IV·B-C``, ``27``, a sub-question ``3·F·2·A``."""
        return self.label.replace(".", "\u00b7") if self.label else self.letter


@dataclass(frozen=True, slots=True)
class Part:
    """A part of a questionnaire: its title and its questions in order.

    ``label`` is the cable's own number for the part (``23`` for a ``23. (SBU) ...``
    heading, ``III`` for a Roman-numbered one, ``23`` for items keyed ``--23A.``); when
    the cable numbers no part (the Mexico cable) it is the part's ordinal, ``1``, ``2``...
    ``title_source`` is ``cable`` when the title is the cable's heading text and
    ``standard`` when it was derived from what the questions ask (not the cable's text).
    ``continues`` is set on a part that goes on from the previous cable of a submission
    split in two (``III (continued)``, ``PART 2 OF 2``): the label of the part it continues.
    """

    title: str
    questions: tuple[Question, ...]
    paragraph_index: int | None = None  # index of the heading paragraph, when there is one
    label: str = ""  # "23", "III", "4"; the ordinal when the cable numbers no part
    title_source: str = "cable"  # "cable" | "standard"
    continues: str | None = None  # label of the part this one continues (second cable of a split submission)


@dataclass(frozen=True, slots=True)
class Block:
    """A SUMMARY or COMMENT block: the paragraph indexes it spans and its text."""

    kind: str  # "summary" | "comment"
    text: str
    paragraphs: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Entity:
    """A mention found in a paragraph; offsets index ``Paragraph.text``."""

    type: str  # PERSON, ORG, ACRONYM, LOCATION, DATE, MONEY, PERCENT, PHONE, CABLE_REF, LAW
    text: str
    paragraph: int  # paragraph index
    start: int
    end: int
    expansion: str | None = None
    canonical: str | None = None  # the form all its spelling variants share (a surname-only mention: the full name)
    learned: bool = False  # recognised from a name other cables taught the library


@dataclass(frozen=True, slots=True)
class Cable:
    """One parsed cable."""

    source: str  # input path; for a CSV "path:row"
    format: str  # "raw" | "scoop" | "wikileaks-html" | "plusd-html" | "csv" | "cablegate-text"
    ref_id: str
    date: str | None = None  # ISO 8601 UTC, "2008-03-11T22:19:00Z"
    precedence: str | None = None  # "ROUTINE", "PRIORITY", "IMMEDIATE", "FLASH", "NIACT IMMEDIATE"
    origin: str | None = None  # "Embassy Mexico", "Secretary of State", ...
    fm: str | None = None
    to: tuple[str, ...] = ()
    info: tuple[str, ...] = ()
    classification: str | None = None  # WikiLeaks' spelling, "UNCLASSIFIED//FOR OFFICIAL USE ONLY" ...
    # What the caption (or the container) says when the paragraph markings say more: "SECRET" for a
    # SECRET//NOFORN cable whose NOFORN comes from its (S/NF) paragraphs; None when they agree.
    caption_classification: str | None = None
    caveats: tuple[str, ...] = ()  # "SIPDIS", "NOFORN", "SENSITIVE", ...
    eo: str | None = None  # the E.O. line as written, "12958: DECL: 07/24/2018"
    declassify: str | None = None  # ISO date when the E.O. line gives one
    tags: tuple[str, ...] = ()
    subject: str | None = None
    classified_by: str | None = None
    references: tuple[Reference, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()
    parts: tuple[Part, ...] = ()
    summary: Block | None = None
    comment: Block | None = None
    warnings: tuple[Warning_, ...] = ()
    partial: bool = False  # a "partial extract" record without the full text
    # The text states no year: the id has none (``KATHMANDU280``) and this is the year
    # guessed from the E.O. line's declassification date (ten years before it). A guess,
    # wrong about one time in ten: shown as one ("year not stated; 2003?"), never used in ids.
    year_guess: int | None = None
    header_text: str = ""  # the routing header as found (decoded, markup removed)
    body_text: str = ""  # the body as found (decoded, markup and pilcrows removed)
    metadata: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    entities: tuple[Entity, ...] = ()
    # (1, 2) for the first cable of a submission sent in two ("PART 1 OF 2" in the subject)
    submission_part: tuple[int, int] | None = None

    @property
    def classification_note(self) -> str:
        """Where the classification comes from when it is not the caption's alone ("" otherwise)."""
        if not self.caption_classification or not self.classification:
            return ""
        return f"NOFORN from paragraph markings; the caption says {self.caption_classification}"

    @property
    def questions(self) -> tuple[Question, ...]:
        """All questions of all parts, in order."""
        return tuple(q for part in self.parts for q in part.questions)

    def paragraph_by_number(self, number: int) -> Paragraph | None:
        """The first paragraph with the cable's own number ``number``."""
        for para in self.paragraphs:
            if para.number == number:
                return para
        return None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (see docs/cable-json.md)."""
        data = asdict(self)
        data["questions_total"] = len(self.questions)
        return data

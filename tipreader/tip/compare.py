"""Reading the TIP store: submissions, one topic's answers across years or countries, word diffs.

Every function takes an open store connection (:func:`tipreader.tip.store.connect`) and
returns plain dataclasses, for the CLI, the exporters and the app alike.
"""

from __future__ import annotations

import difflib
import json
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field

CSV_COLUMNS = ("country", "report_year", "ref_id", "cable_date", "part_label", "question_label", "topic", "question",
               "answer", "paragraph")


class CompareError(ValueError):
    """A topic or an answer reference that the store does not know (the message says what it knows)."""


@dataclass(frozen=True, slots=True)
class Submission:
    """One country's submission for one report year (one or more cables)."""

    country: str
    region: str | None
    report_year: int
    cables: tuple[str, ...]  # in part order
    dates: tuple[str, ...]
    questions: int
    aligned: int
    unsure: int  # answers left unaligned

    def to_dict(self) -> dict:
        """JSON-ready."""
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Answer:
    """One answer of a submission, with its topic key."""

    country: str
    region: str | None
    report_year: int
    ref_id: str
    cable_date: str | None
    part_index: int
    part_title: str
    letter: str
    label: str
    question: str
    answer: str
    paragraph: int | None  # the cable's own paragraph number, when numbered
    paragraph_index: int
    answer_paragraphs: tuple[int, ...] = field(default=())
    topic: str | None = None
    confidence: float = 0.0
    method: str = "unaligned"
    candidate: str | None = None
    q_index: int = -1  # position of the question in its cable (Cable.questions)

    @property
    def part_label(self) -> str:
        """The part as the label gives it (``2`` of ``2.C``, ``III`` of ``III.B``)."""
        return self.label.rsplit(".", 1)[0] if "." in self.label else str(self.part_index + 1)

    @property
    def citation(self) -> str:
        """``2008 · 08MEXICO721 · Q 2·C``."""
        return f"{self.report_year} · {self.ref_id} · Q {self.label.replace('.', '·')}"

    def csv_row(self) -> list:
        """The CSV columns (:data:`CSV_COLUMNS`)."""
        return [self.country, self.report_year, self.ref_id, (self.cable_date or "")[:10], self.part_label, self.label,
                self.topic or "", self.question, self.answer, self.paragraph if self.paragraph is not None else ""]

    def to_dict(self) -> dict:
        """JSON-ready, with the part label."""
        data = asdict(self)
        data["answer_paragraphs"] = list(self.answer_paragraphs)
        data["part_label"] = self.part_label
        return data


_ANSWER_COLS = ("country, region, report_year, ref_id, date, part_index, part_title, letter, label, question, answer, "
                "paragraph, paragraph_index, answer_paragraphs, topic, confidence, method, candidate, q_index")


def _answer(row: tuple) -> Answer:
    return Answer(*[*row[:13], tuple(json.loads(row[13] or "[]")), *row[14:]])


def _where(first: str, prefix: str, country: str | None, year: int | None) -> tuple[list[str], list]:
    """SQL conditions for a country (its name or the start of it, any case) and a report year."""
    where: list[str] = [first]
    args: list[str | int] = []
    if country:
        where.append(f"({prefix}country LIKE ? OR {prefix}country LIKE ?)")
        args += [country, country + "%"]
    if year:
        where.append(f"{prefix}report_year=?")
        args.append(year)
    return where, args


def submissions(con: sqlite3.Connection, country: str | None = None, year: int | None = None) -> list[Submission]:
    """The submissions in the store, by country then year (filters: country name or its start, year)."""
    where, args = _where("c.submission=1", "c.", country, year)
    rows = con.execute(
        "SELECT c.country, c.region, c.report_year, c.ref_id, c.date, c.part, "
        "(SELECT COUNT(*) FROM answers a WHERE a.ref_id=c.ref_id), "
        "(SELECT COUNT(*) FROM answers a WHERE a.ref_id=c.ref_id AND a.topic IS NOT NULL) "
        f"FROM cables c WHERE {' AND '.join(where)} ORDER BY c.country, c.report_year, c.part, c.date", args).fetchall()
    out: dict[tuple[str, int], list[tuple]] = {}
    for r in rows:
        out.setdefault((r[0], r[2]), []).append(r)
    return [Submission(country, rs[0][1], year_, tuple(r[3] for r in rs), tuple((r[4] or "")[:10] for r in rs),
                       sum(r[6] for r in rs), sum(r[7] for r in rs), sum(r[6] - r[7] for r in rs))
            for (country, year_), rs in out.items()]


def answers_of(con: sqlite3.Connection, ref_id: str) -> list[Answer]:
    """Every answer of one cable, in order."""
    return [_answer(r) for r in con.execute(
        f"SELECT {_ANSWER_COLS} FROM answers WHERE ref_id=? ORDER BY q_index", (ref_id.upper(),))]


def _norm_label(label: str) -> str:
    return re.sub(r"[\s·.\-]+", ".", label.strip().upper()).strip(".")


def resolve(con: sqlite3.Connection, ref: str) -> Answer:
    """The answer ``REF_ID:LABEL`` names (``08MEXICO721:2.C``; ``2C``, ``2 C`` and ``2·C`` too)."""
    ref_id, sep, label = ref.partition(":")
    if not sep or not label.strip():
        raise CompareError(f"{ref}: give REF_ID:LABEL, e.g. 08MEXICO721:2.C")
    answers = answers_of(con, ref_id.strip())
    if not answers:
        raise CompareError(f"{ref_id.strip().upper()}: not a TIP submission in the library")
    want = _norm_label(re.sub(r"^(\d+|[IVX]+)\s*([A-Z])$", r"\1.\2", label.strip().upper()))
    for a in answers:
        if want in (_norm_label(a.label), _norm_label(f"{a.part_index + 1}.{a.letter}")):
            return a
    known = ", ".join(a.label for a in answers[:60])
    raise CompareError(f"{ref_id.strip().upper()} has no question {label.strip()}; it has {known}")


def compare(con: sqlite3.Connection, topic: str, *, country: str | None = None, year: int | None = None,
            by: str = "year", newest_first: bool = False) -> list[Answer]:
    """Every answer keyed ``topic`` (filtered by country and/or year), ordered by year or by country."""
    where, args = _where("topic=?", "", None, year)
    args.insert(0, topic)
    if country:  # exact name first: "Niger" must not take "Nigeria"
        where.append("(country LIKE ? OR (country LIKE ? AND NOT EXISTS (SELECT 1 FROM answers x WHERE x.country LIKE ?)))")
        args += [country, country + "%", country]
    direction = "DESC" if newest_first else "ASC"
    order = (f"report_year {direction}, country" if by == "year" else f"country, report_year {direction}")
    return [_answer(r) for r in con.execute(
        f"SELECT {_ANSWER_COLS} FROM answers WHERE {' AND '.join(where)} ORDER BY {order}, ref_id, q_index", args)]


@dataclass(frozen=True, slots=True)
class CompareData:
    """What the compare view shows for one answer: its topic's answers from the same country in
    every year (oldest first), and from other countries in the same report year."""

    base: Answer
    years: list[Answer]
    peers: list[Answer]

    @property
    def regions(self) -> list[str]:
        """The regions of the other countries, for the filter."""
        return sorted({a.region for a in self.peers if a.region})


def for_answer(con: sqlite3.Connection, ref_id: str, q_index: int) -> CompareData | None:
    """The compare view's data for question ``q_index`` of ``ref_id``; None when it is not a stored submission answer."""
    row = con.execute(f"SELECT {_ANSWER_COLS} FROM answers WHERE ref_id=? AND q_index=?",
                      (ref_id.upper(), q_index)).fetchone()
    if row is None:
        return None
    base = _answer(row)
    if base.topic is None:
        return CompareData(base, [base], [])
    same = [_answer(r) for r in con.execute(
        f"SELECT {_ANSWER_COLS} FROM answers WHERE topic=? AND country=? ORDER BY report_year, ref_id, q_index",
        (base.topic, base.country))]
    peers = [_answer(r) for r in con.execute(
        f"SELECT {_ANSWER_COLS} FROM answers WHERE topic=? AND report_year=? AND country<>? "
        "ORDER BY region, country, ref_id, q_index", (base.topic, base.report_year, base.country))]
    return CompareData(base, same, peers)


def all_aligned(con: sqlite3.Connection) -> Iterator[Answer]:
    """Every aligned answer, by country, year, cable and position (for the CSV export)."""
    for r in con.execute(f"SELECT {_ANSWER_COLS} FROM answers WHERE topic IS NOT NULL "
                         "ORDER BY country, report_year, ref_id, q_index"):
        yield _answer(r)


_TOKEN = re.compile(r"\S+")


def diff_words(old: str, new: str) -> list[tuple[str, str]]:
    """The words from ``old`` to ``new`` as (op, text) runs: op ``=`` kept, ``+`` added, ``-`` removed."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    out: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(("=", " ".join(b[j1:j2])))
            continue
        if op in ("delete", "replace"):
            out.append(("-", " ".join(a[i1:i2])))
        if op in ("insert", "replace"):
            out.append(("+", " ".join(b[j1:j2])))
    return out


@dataclass(frozen=True, slots=True)
class FigureRow:
    """A stored figure with its submission."""

    country: str
    report_year: int
    ref_id: str
    paragraph_index: int
    paragraph: int | None  # the cable's own number of the paragraph, when numbered (filled by the caller)
    label: str
    kind: str
    value: int
    unit: str
    period: str
    sentence: str
    start: int
    end: int

    def to_dict(self) -> dict:
        """JSON-ready."""
        return asdict(self)


def figures(con: sqlite3.Connection, country: str | None = None, year: int | None = None) -> list[FigureRow]:
    """The figures of the submissions, by country, year, cable and position."""
    where, args = _where("1=1", "f.", country, year)
    rows = con.execute(
        "SELECT f.country, f.report_year, f.ref_id, f.paragraph_index, a.label, f.kind, f.value, f.unit, f.period, "
        "f.sentence, f.start, f.end FROM figures f LEFT JOIN answers a ON a.ref_id=f.ref_id AND a.q_index=f.q_index "
        f"WHERE {' AND '.join(where)} ORDER BY f.country, f.report_year, f.ref_id, f.q_index, f.paragraph_index, f.start",
        args).fetchall()
    return [FigureRow(r[0], r[1], r[2], r[3], None, r[4] or "", *r[5:]) for r in rows]

"""The counts researchers tabulate, from a submission's answers, each with its sentence and period.

Precision before coverage: a count is taken only where the number directly counts the
thing (``12 prosecutions``, ``convicted five traffickers``, ``identified 41 victims``,
``were both sentenced``), never from a number merely near a word. Hedged counts
(``potential victims``, ``up to 30``, ``about 200``, ranges ``6-20``), one group of a
list (``two French citizens ... and an Algerian``), money traffickers pay, and numbers
that read as years are left out. Prison terms a court imposed are figures too (kind
``prison_term``, in months), never penalties a law allows. :data:`VERSION` changes with
the extractor's rules, so that stores extracted by an older one are extracted again. Each
figure keeps the paragraph (index in ``Cable.paragraphs``), the offsets of the number in
the paragraph's text, the sentence, and the period the sentence names (``2008``,
``during the reporting period``) or ``""`` when it names none. The patterns and guards are in
:mod:`tipreader.tip.figure_rules`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from tipreader.cable import Cable

from .figure_rules import (
    _AND_SENTENCED,
    _DATE_BEFORE,
    _FUNDING_CONTEXT,
    _FUNDING_TOPIC,
    _HEARD_FROM,
    _HEARSAY,
    _HEDGE,
    _KIND_NOUN,
    _LISTS,
    _LIST_BEFORE,
    _MAY_BE,
    _MULT,
    _NAMED_BEFORE,
    _NEGATED,
    _NOT_FUNDING,
    _NO_GOAL,
    _NUMBER_TOKEN,
    _ONE,
    _ORDERED,
    _PART_OF,
    _PERIODS,
    _PERSONS_AFTER,
    _RANGE_BEFORE,
    _SENTENCE,
    _SENTENCED,
    _SINGULAR,
    _SMALL,
    _STATUTE,
    _TENS,
    _TERMS,
    _UNITS,
)

VERSION = "3"  # session 7: "X and 25 others", "its first conviction", cases that began proceedings, distinct terms
KINDS = ("investigations", "prosecutions", "convictions", "sentenced", "prison_term", "victims_identified",
         "victims_assisted", "shelters", "funding_usd")


@dataclass(frozen=True, slots=True)
class Figure:
    """One count from an answer: what it counts, the value, where it is and what period it covers."""

    ref_id: str
    q_index: int  # position of the question in Cable.questions
    paragraph: int  # paragraph index in Cable.paragraphs
    kind: str
    value: int
    unit: str  # "count", "USD" or "months" (a prison term)
    period: str
    sentence: str
    start: int  # offsets of the number in the paragraph's text
    end: int

    def row(self) -> tuple:
        """The store's column order (without country and year)."""
        return (self.ref_id, self.q_index, self.paragraph, self.kind, self.value, self.unit, self.period,
                self.sentence, self.start, self.end)


def parse_number(text: str) -> int | None:
    """``"1,234"`` → 1234, ``"twenty-one"`` → 21, ``"five"`` → 5, ``"both"`` → 2, ``"a second"`` → 1,
    ``"first"`` (as in "its first conviction") → 1."""
    t = " ".join(text.lower().replace(",", "").split())
    if t == "no":
        return 0
    if t == "both":
        return 2
    if t == "first":  # "obtained its first conviction": one
        return 1
    if re.fullmatch(_ONE, t):
        return 1
    if t.isdigit():
        return int(t)
    if t in _SMALL:
        return _SMALL.index(t)
    head, _, tail = t.partition("-")
    if head in _TENS:
        return _TENS[head] + (_SMALL.index(tail) if tail in _SMALL[1:10] else 0)
    return None


def _months(m: re.Match[str]) -> int | None:
    """The prison term a :data:`_TERMS` match states, in months (``7.5 years`` → 90)."""
    raw = m.group("n")
    whole = float(raw) if "." in raw else parse_number(raw)
    extra = parse_number(m["m"]) if m.groupdict().get("m") else 0
    if whole is None or extra is None or not 0 < whole <= 99:
        return None
    return round(whole * (12 if m.group("u").lower().startswith("y") else 1)) + extra


def display(value: int, unit: str) -> str:
    """A figure as people write it: ``$1,250,000``, ``1,234``, ``2 years``, ``3 years 6 months``, ``9 months``."""
    if unit == "USD":
        return f"${value:,}"
    if unit != "months":
        return f"{value:,}"
    years, months = divmod(value, 12)
    parts = [f"{years} year{'s' if years != 1 else ''}"] if years else []
    return " ".join(parts + ([f"{months} month{'s' if months != 1 else ''}"] if months or not years else []))


def _periods(sentence: str) -> dict[int, str]:
    """Each period the sentence names, given to the number nearest to it: {number's start: period}.
    ("10 convictions during the reporting period, up from 2 convictions in 2005": 10 gets the
    reporting period, 2 gets 2005.)"""
    found: list[tuple[int, int, str]] = []
    for pattern in _PERIODS:
        for m in pattern.finditer(sentence):
            if not any(a < m.end() and m.start() < b for a, b, _ in found):
                found.append((m.start(), m.end(), m.group(0)))
    numbers = [m.start() for m in _NUMBER_TOKEN.finditer(sentence)
               if not any(a <= m.start() < b for a, b, _ in found)]
    out: dict[int, str] = {}
    for a, b, text in found:
        if numbers:
            nearest = min(numbers, key=lambda n: a - n if n < a else n - b)
            out.setdefault(nearest, text)
    return out


def _after_imposed(sentence: str, at: int) -> bool:
    """Whether a term imposed comes before ``at`` ("sentenced ... to 20 years, one to 15 years"), not one that
    could be ("he could be sentenced to 20 years, and the others to 15 years")."""
    starts = [m.start() for m in _SENTENCED.finditer(sentence, 0, at)]
    return bool(starts) and not _MAY_BE.search(sentence[max(0, starts[-1] - 40):starts[-1]])


def _sentences(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for m in _SENTENCE.finditer(text):
        yield start, text[start:m.start()]
        start = m.end()
    if start < len(text):
        yield start, text[start:]


def from_text(text: str) -> Iterator[tuple[str, int, str, str, int, int, str]]:
    """(kind, value, unit, period, start, end, sentence) for each count in ``text``."""
    for s_start, sentence in _sentences(text):
        seen: set[tuple[int, int]] = set()
        periods: dict[int, str] | None = None
        funding = bool(_FUNDING_CONTEXT.search(sentence) and _FUNDING_TOPIC.search(sentence)
                       and not _NOT_FUNDING.search(sentence))
        for kind, pattern in _ORDERED:
            if kind == "funding_usd" and not funding:
                continue
            for m in pattern.finditer(sentence):
                span = (m.start("n"), m.end("n"))
                # "prosecuted and convicted no traffickers": one number, two kinds
                shared = span in seen and (sentence[: m.start()].rstrip().lower().endswith(" and")
                                           or (kind == "sentenced" and _AND_SENTENCED.search(m.group(0)) is not None))
                if (span in seen and not shared) or _HEDGE.search(sentence[: m.start()][-20:]):
                    continue
                raw = m.group("n")
                before = sentence[: m.start("n")]
                plus = m.groupdict().get("plus")
                if plus and re.search(r"(?:(?-i:[A-Z][a-z]+),|\band)\s+$", sentence[: m.start("plus")]):
                    continue  # "Smith, Jones and 3 others": more than one named, the count would be short
                if not plus and kind not in ("funding_usd", "prison_term") and _NAMED_BEFORE.search(before):
                    continue  # "Beghal and his five accomplices": six, or more
                if _PART_OF.search(before) and kind not in ("funding_usd", "prison_term") and not _KIND_NOUN.search(m.group(0)):
                    continue  # "two of the 12 defendants were sentenced": the 12 were not ("25 of the 26 convictions": 26)
                if _DATE_BEFORE.search(before) or (_SINGULAR.search(m.group(0))
                                                   and raw.lower() not in ("one", "1", "first")):
                    continue  # "the June 10 conviction" is a date; "four prosecution units" counts units
                # (after "sentenced ... to 20 years, one to 15 years" the "one" is a person: look before the match)
                ranged = before[-40:] if pattern is not _TERMS[-1] else sentence[max(0, m.start() - 40):m.start()]
                if kind != "funding_usd" and (((r := _RANGE_BEFORE.search(ranged)) and (not r.group("from") or kind == "prison_term"))
                                              or any(ends.search(m.group(0)) and more.search(sentence[m.end():m.end() + 120])
                                                     for ends, more in _LISTS)):
                    continue  # a range is a hedge; "two French citizens ... and an Algerian" is not two
                if kind != "funding_usd" and not plus and (_LIST_BEFORE.search(before[-120:])
                                              and _PERSONS_AFTER.match(sentence, m.end("n"))):
                    continue
                if kind != "funding_usd" and (
                        (raw.lower() == "no" and (_NO_GOAL.match(sentence, m.end())
                                                  or re.search(r"\bensur\w*\s+(?:that\s+)?$", before, re.IGNORECASE)))
                        or _HEARSAY.search(sentence[max(0, m.start() - 120):m.start()])
                        or _HEARD_FROM.search(sentence, 0, m.start())):
                    continue  # a goal ("ensure that no investigations ... will be"), second-hand ("he understands")
                if kind != "funding_usd" and (_NEGATED.search(sentence[max(0, m.start() - 40):m.start()])
                                              or (raw.lower() == "both" and re.match(r"\s+and\b", sentence[m.end():]))):
                    continue  # "has never convicted a trafficker"; "convicted both traffickers and officials"
                if kind == "funding_usd":
                    number = round(float(raw.replace(",", "")) * _MULT[(m.group("mult") or "").lower()])
                elif kind == "prison_term":
                    months = _months(m)
                    if (months is None or _MAY_BE.search(sentence[max(0, m.start() - 40):m.start()]) or _STATUTE.search(m.group(0))
                            or (pattern is _TERMS[-1] and not _after_imposed(sentence, m.start()))):
                        continue
                    number = months
                else:
                    parsed = parse_number(raw)
                    if parsed is None or (1900 <= parsed <= 2030 and "," not in raw):
                        continue
                    number = parsed + (1 if plus else 0)  # "Chauvin and 25 others": 26
                seen.add(span)
                if periods is None:
                    periods = _periods(sentence)
                at = m.start("n") - (1 if kind == "funding_usd" and sentence[m.start("n") - 1:m.start("n")] == "$" else 0)
                period = periods.get(at, periods.get(m.start("n"), ""))
                a, b = (m.start(), m.end()) if kind == "funding_usd" else span  # "$1.25 million" whole
                if plus:
                    a, b = m.start("plus"), m.end()  # "Chauvin and 25 others" whole
                if kind == "prison_term":
                    a, b = span[0], m.end("mm") if m.groupdict().get("mm") else m.end("u")  # "two years", "3 years and 6 months"
                yield (kind, number, _UNITS.get(kind, "count"), period, s_start + a, s_start + b, " ".join(sentence.split()))


# a prison term told again of someone already named: "The court sentenced the registrar to two years in prison."
_RESTATED = re.compile(r"\bsentenced\s+(?:the|this|that|these|those)\s+(?:[\w-]+\s+){0,2}?to\b|"
                       r"\b(?:the|this|that|these|those)\s+(?:[\w-]+\s+){0,2}?(?:was|were|had\s+been|has\s+been)\s+sentenced\b",
                       re.IGNORECASE)


def from_cable(cable: Cable) -> list[Figure]:
    """Every figure in the answers of ``cable``'s questions. A count stated again in the same answer ("the
    six convictions") is one figure; a prison term of the same length is another person's term, and kept,
    unless its sentence tells it again of someone already named ("sentenced the registrar to two years")."""
    out: list[Figure] = []
    for q_index, q in enumerate(cable.questions):
        seen: set[tuple[str, int]] = set()
        for p in q.answer_paragraphs:
            if not 0 <= p < len(cable.paragraphs):
                continue
            text = cable.paragraphs[p].text
            for kind, value, unit, period, start, end, sentence in from_text(text):
                if (kind, value) in seen and (kind != "prison_term" or _RESTATED.search(sentence)):
                    continue
                seen.add((kind, value))
                out.append(Figure(cable.ref_id, q_index, p, kind, value, unit, period, sentence, start, end))
    return out


def span_in(sentence: str, kind: str, value: int) -> tuple[int, int] | None:
    """Where in ``sentence`` (as stored: spaces made single) the figure ``kind``/``value`` is written."""
    return next(((a, b) for k, v, _u, _p, a, b, _s in from_text(sentence) if (k, v) == (kind, value)), None)

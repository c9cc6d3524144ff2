"""Which cables are annual TIP submissions, for which country and report year, and in how many parts.

A submission answers the annual tasker: its subject names the TIP report (``NINTH ANNUAL
... (TIP) REPORT``, ``LIBYA 2009 TIP REPORT SUBMISSION``) and the cable holds a
questionnaire. Interim assessments, press guidance, reactions to a published report
and child-labour reports are not submissions.

The **report year** is the year of the report the submission feeds (the report is
published in June; posts answer from October to March): an ordinal in the subject
(``SIXTH ANNUAL`` → 2006, the first report being 2001's) wins, then a ``2009 TIP
REPORT`` year when it is the cable's year or the next, then the cable's date (a cable
sent from September on feeds the next year's report). ``COSTA RICA'S 2004 TRAFFICKING
IN PERSONS REPORT`` sent in February 2005 names the period covered; it feeds 2005.

Cables of one country and report year (``PART 1 OF 2`` / ``PART 2 OF 2``) are one
submission, in part order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tipreader.cable import Cable
from tipreader.cable.tip_subject import names_tip_report

from .places import country_of

_ORDINALS = {w: i for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth".split(), 1)}
_ORDINAL = re.compile(r"\b(" + "|".join(_ORDINALS) + r"|(\d{1,2})(?:st|nd|rd|th))\s+annual\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:FY\s*)?(19[89]\d|20[0-4]\d)\b")
_PART = re.compile(r"\bPART\s+(\d|ONE|TWO|THREE)\s+OF\s+(\d|TWO|THREE|FOUR)\b", re.IGNORECASE)
_NUM = {"ONE": 1, "TWO": 2, "THREE": 3, "FOUR": 4}
MIN_QUESTIONS = 4


@dataclass(frozen=True, slots=True)
class SubmissionCable:
    """A cable found to be (part of) an annual TIP submission."""

    ref_id: str
    country: str
    region: str | None
    report_year: int
    year_source: str  # "subject ordinal" | "subject year" | "cable date"
    part: int  # 1 for a single cable
    parts: int
    date: str | None
    subject: str


def report_year(subject: str, date: str | None) -> tuple[int | None, str]:
    """(report year, how it was found) from a submission's subject and date (see the module doc)."""
    m = _ORDINAL.search(subject)
    if m:
        n = int(m.group(2)) if m.group(2) else _ORDINALS[m.group(1).lower()]
        return 2000 + n, "subject ordinal"
    cable_year = int(date[:4]) if date and date[:4].isdigit() else None
    month = int(date[5:7]) if date and date[5:7].isdigit() else 1
    years = [int(y) for y in _YEAR.findall(subject)]
    if cable_year is None:
        return (years[0], "subject year") if years else (None, "")
    for y in years:
        if y in (cable_year, cable_year + 1):
            return y, "subject year"
    return cable_year + (1 if month >= 9 else 0), "cable date"


def detect(cable: Cable) -> SubmissionCable | None:
    """The submission facts of ``cable``, or None when it is not an annual TIP submission."""
    subject = " ".join((cable.subject or "").split())
    split = cable.submission_part or _PART.search(subject)
    if len(cable.questions) < (1 if split else MIN_QUESTIONS) or not names_tip_report(subject):
        return None
    if (cable.origin or "").lower().startswith("secretary of state") or cable.ref_id[2:7] == "STATE":
        return None
    country, region = country_of(cable.ref_id, cable.origin)
    if country is None:
        lead = re.split(r"[:,]|\s[-\u2013]+\s|'S\b|\u2019S\b|\?S\b|\s\d{4}\b", subject, maxsplit=1)[0].strip()
        country = lead.title() if 2 < len(lead) < 40 else (cable.origin or cable.ref_id)
    year, source = report_year(subject, cable.date)
    if year is None:
        return None
    part, parts = cable.submission_part or (1, 1)
    m = None if cable.submission_part else _PART.search(subject) or _PART.search(cable.body_text[:600])
    if m:
        a, b = m.group(1).upper(), m.group(2).upper()
        part, parts = int(_NUM.get(a, a)), int(_NUM.get(b, b))
    return SubmissionCable(cable.ref_id, country, region, year, source, part, max(part, parts), cable.date, subject)

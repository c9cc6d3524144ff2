"""The halves of a TIP submission sent in two cables (``PART 1 OF 2`` / ``PART 2 OF 2``).

The halves share their origin, their subject (but for the part marker) and come within
days of each other; the WikiLeaks ids are not consecutive (09REYKJAVIK49 and 09REYKJAVIK50
are, 06SANTIAGO438 and 06SANTIAGO439 too, but not always). The reader uses this to go from
the last part of one half to the first part of the next, and back.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import date, timedelta

from tipreader.cable import Cable
from tipreader.cable.parse import submission_part

_MARKER = re.compile(r"\(?\bPART\s+[1-9]\s+OF\s+[1-9]\b\)?:?", re.IGNORECASE)
_WORD = re.compile(r"[A-Z0-9]+")
_WINDOW_DAYS = 45


def subject_words(subject: str | None) -> set[str]:
    """The words of a subject without its part marker, upper-cased."""
    return set(_WORD.findall(_MARKER.sub(" ", (subject or "").upper())))


def _day_bounds(iso: str) -> tuple[int, int]:
    day = date(int(iso[:4]), int(iso[5:7]), int(iso[8:10]))
    lo, hi = day - timedelta(days=_WINDOW_DAYS), day + timedelta(days=_WINDOW_DAYS)
    return lo.year * 10000 + lo.month * 100 + lo.day, hi.year * 10000 + hi.month * 100 + hi.day


def halves(con: sqlite3.Connection, cable: Cable) -> dict[int, str]:
    """``{1: "09REYKJAVIK49", 2: "09REYKJAVIK50"}`` for a cable that is one half of a split
    submission and whose other half is in the library; {} otherwise (the cable itself included)."""
    split = cable.submission_part
    if split is None or not cable.origin or not cable.date or len(cable.date) < 10:
        return {}
    try:
        lo, hi = _day_bounds(cable.date)
    except ValueError:
        return {}
    words = subject_words(cable.subject)
    found: dict[int, tuple[float, str]] = {split[0]: (1.0, cable.ref_id)}
    rows = con.execute(
        "SELECT ref_id, subject FROM cables WHERE origin=? AND day BETWEEN ? AND ? AND ref_id<>? "
        "AND upper(subject) LIKE '%PART%OF%'",
        (cable.origin, lo, hi, cable.ref_id),
    ).fetchall()
    for ref_id, subject in rows:
        other = submission_part(subject)
        if other is None or other[1] != split[1] or other[0] == split[0]:
            continue
        theirs = subject_words(subject)
        score = len(words & theirs) / max(1, len(words | theirs))
        if score >= 0.6 and score > found.get(other[0], (0.0, ""))[0]:
            found[other[0]] = (score, ref_id)
    return {k: ref for k, (_, ref) in sorted(found.items())} if len(found) > 1 else {}


def continued_label(first_half: Cable, second_half: Cable) -> str | None:
    """The label of the part of ``first_half`` that ``second_half`` goes on with, if it does.

    It does when the second half's first part says so (``III (continued)``), or when it
    opens without a heading of its own on a letter after A (the questions run on).
    """
    if not first_half.parts or not second_half.parts:
        return None
    opening = second_half.parts[0]
    if opening.continues:
        return opening.continues
    if opening.paragraph_index is None and opening.title_source == "standard" and opening.questions:
        if opening.questions[0].letter > "A":
            return first_half.parts[-1].label
    return None

"""A submission sent in two cables: the library finds the other half (same post, subject, weeks)."""

from __future__ import annotations

from pathlib import Path

from tipreader.cable.parse import parse_file
from tipreader.library import Library
from tipreader.library.submissions import continued_label, subject_words


def test_the_halves_find_each_other(shared_cables: Path) -> None:
    html = shared_cables / "wikileaks-html"
    with Library.open() as lib:
        lib.import_paths([html / "09REYKJAVIK49.html", html / "09REYKJAVIK50.html", html / "08REYKJAVIK36.html",
                          html / "06SANTIAGO438.html", html / "09SANJOSE127.html"], workers=1, entities=False)
        first, second = lib.get("09REYKJAVIK49"), lib.get("09REYKJAVIK50")
        assert first is not None and second is not None
        assert lib.submission_halves(first) == lib.submission_halves(second) == {1: "09REYKJAVIK49", 2: "09REYKJAVIK50"}
        # a whole submission, and a first half whose second half is not in the library
        assert lib.submission_halves(lib.get("08REYKJAVIK36")) == {}
        assert lib.submission_halves(lib.get("06SANTIAGO438")) == {}
        assert lib.submission_halves(lib.get("09SANJOSE127")) == {}


def test_which_part_the_second_half_continues(shared_cables: Path) -> None:
    html = shared_cables / "wikileaks-html"
    first, second = parse_file(html / "09REYKJAVIK49.html")[0], parse_file(html / "09REYKJAVIK50.html")[0]
    # 09REYKJAVIK50 opens a part of its own (INVESTIGATION AND PROSECUTION OF TRAFFICKERS)
    assert continued_label(first, second) is None
    assert subject_words(first.subject) == subject_words(second.subject)


def test_a_roman_part_continued_in_the_second_half() -> None:
    from tipreader.cable.parse import parse_text

    head = "UNCLAS SECTION 01 OF 02 SANJOSE 000128\n\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: KTIP PHUM\n"
    first = parse_text(head + (
        "SUBJECT: PART 1 OF 2: COSTA RICA'S NINTH ANNUAL TIP REPORT\n\n"
        "1. (U) The answers below are keyed to the questions in reftel.\n\n"
        "III. INVESTIGATION AND PROSECUTION OF TRAFFICKERS\n\n"
        "A. EXISTING ANTI-TIP LAWS: Trafficking is a crime under Article 172.\n\n"
        "B. PENALTIES FOR SEX TRAFFICKING: Six to ten years.\n\n"
        "C. PENALTIES FOR LABOR TRAFFICKING: The same.\n\nBRENNAN\n"
    ))
    second = parse_text(head + (
        "SUBJECT: PART 2 OF 2: COSTA RICA'S NINTH ANNUAL TIP REPORT\n\n"
        "1. (U) Part 2 of the trafficking in persons submission follows.\n\n"
        "III (continued). INVESTIGATION AND PROSECUTION OF TRAFFICKERS\n\n"
        "D. PENALTIES FOR RAPE: Ten to eighteen years for trafficking offenders too.\n\n"
        "E. PROSTITUTION: Legal for adults.\n\n"
        "F. PROSECUTIONS: Eleven trafficking cases.\n\nBRENNAN\n"
    ))
    assert (first.submission_part, second.submission_part) == ((1, 2), (2, 2))
    assert [p.label for p in first.parts] == ["III"]
    assert continued_label(first, second) == "III"

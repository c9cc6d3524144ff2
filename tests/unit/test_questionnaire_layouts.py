"""Each questionnaire layout paired exactly, under the cable's own numbering.

Real cables from ../shared (expected values written by reading the cable), then short texts
for the shapes no tuning cable shows (a page marker inside a question, an instruction
restated without a question mark, a numbered question after the parts, QUESTION:/ANSWER:).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tipreader.cable import Cable
from tipreader.cable.parse import parse_file, parse_text


def cable(shared: Path, ref: str) -> Cable:
    return parse_file(shared / "wikileaks-html" / f"{ref}.html")[0]


def by_label(c: Cable) -> dict:
    return {q.label: q for q in c.questions}


def test_combined_items_stay_one_answer_with_both_letters(shared_cables: Path) -> None:
    """08REYKJAVIK36: `-- L, M: Not applicable.`, `-- G-K: not applicable.`, `-- H, I: ...` after an answer."""
    c = cable(shared_cables, "08REYKJAVIK36")
    assert [(p.label, p.title) for p in c.parts] == [
        ("2", "Overview of a country's activities to eliminate trafficking in persons"),
        ("3", "INVESTIGATION AND PROSECUTION OF TRAFFICKERS"),
        ("4", "PROTECTION AND ASSISTANCE TO VICTIMS"),
        ("5", "PREVENTION"),
    ]
    q = by_label(c)
    assert q["3.H"].answer.endswith("which police sources believe may be connected to the same organized crime networks, did take place.")
    assert (q["3.L-M"].letters, q["3.L-M"].answer) == (("L", "M"), "Not applicable.")
    assert q["4.F"].answer.endswith("Information Center for Survivors of Sexual Violence in Reykjavik (Stigamot).")
    assert (q["4.G-K"].letters, q["4.G-K"].answer) == (("G", "H", "I", "J", "K"), "not applicable.")
    assert q["5.H-I"].letters == ("H", "I") and q["5.H-I"].answer.startswith("Not applicable.")
    assert "Not applicable" not in q["5.G"].answer


@pytest.mark.parametrize(("ref", "label", "last_words", "after"), [
    ("08REYKJAVIK36", "5.H-I", "Not applicable.", "End of TIP report submission."),  # after a blank line
    ("09REYKJAVIK50", "3.G", "Not applicable.", "End text of submission Part 2 of 2."),
    # on the same line as the answer's last sentence
    ("09REYKJAVIK49", "2.D", "will include measures to systematically monitor government anti-TIP efforts.",
     "End text of submission Part 1 of 2."),
])
def test_end_text_in_the_last_answers_paragraph_is_not_the_answer(shared_cables: Path, ref, label, last_words, after) -> None:
    q = by_label(cable(shared_cables, ref))[label]
    assert q.answer.endswith(last_words)
    assert q.after == after


def test_colon_item_is_not_merged_into_the_previous_answer(shared_cables: Path) -> None:
    """10CAIRO211 ¶6: `-- E: We have no information ...` is its own answer, not D's tail."""
    q = by_label(cable(shared_cables, "10CAIRO211"))
    assert q["6.D"].answer.endswith("IOM and UN agencies have been included in the process.")
    assert q["6.E"].answer == "We have no information on government actions to reduce the demand for commercial sex acts."


def test_numbered_part_heading_with_text_after_its_title(shared_cables: Path) -> None:
    """06SANTIAGO438: `3. (SBU) OVERVIEW OF ...: Information provided below is keyed to ...` heads part 3."""
    c = cable(shared_cables, "06SANTIAGO438")
    assert [(p.label, p.title, p.title_source) for p in c.parts] == [
        ("3", "OVERVIEW OF CHILE'S ACTIVITIES TO ELIMINATE TRAFFICKING IN PERSONS", "cable"),
        ("4", "PREVENTION", "cable"),
    ]
    assert [q.label for q in c.questions] == ["3.B", "3.D", "4.B", "4.C", "4.D", "4.E", "4.G", "4.H"]
    h = by_label(c)["4.H"]
    # the closing heading line is not the tail of the last answer
    assert "CONTINUED SEPTEL" not in h.answer and "KELLY" not in h.answer
    assert c.paragraphs[c.parts[0].paragraph_index].kind == "body"  # it holds more than its title


def test_heading_then_instructions_then_items(shared_cables: Path) -> None:
    """09REYKJAVIK50 (part 2 of 2): a heading line, the tasker's instruction paragraph, then `-- A.`."""
    c = cable(shared_cables, "09REYKJAVIK50")
    assert [(p.label, p.title, p.title_source) for p in c.parts] == [
        ("1", "INVESTIGATION AND PROSECUTION OF TRAFFICKERS", "cable"),
        ("2", "PROTECTION AND ASSISTANCE TO VICTIMS", "cable"),
        ("3", "PREVENTION", "cable"),
    ]
    q = by_label(c)
    assert q["1.A"].question == "Existing Laws against TIP:"
    assert q["1.A"].answer.startswith("Passed into law March 10, 2003, Article 227a of Iceland's General Penal Code")
    assert q["1.B"].question == (
        "Punishment of Sex Trafficking Offenses: What are the prescribed and imposed penalties for trafficking people "
        "for sexual exploitation?"
    )
    assert q["1.B"].answer == "Trafficking of persons for sexual exploitation is punishable by up to eight years in prison."
    # the signature and the page's classification trailer are no answer's tail
    assert "VAN VOORST" not in q["3.G"].answer and "SENSITIVE" not in q["3.G"].answer
    assert c.submission_part == (2, 2)


def test_heading_run_into_the_paragraph_before(shared_cables: Path) -> None:
    """09TRIPOLI154 ¶1 ends `... keyed to reftel questions:  LIBYA'S TIP SITUATION`, then `--23A.`."""
    c = cable(shared_cables, "09TRIPOLI154")
    assert (c.parts[0].label, c.parts[0].title, c.parts[0].title_source) == ("23", "LIBYA'S TIP SITUATION", "cable")
    assert by_label(c)["23.A"].answer.startswith("International Organizations, such as the International Organization")


def test_roman_parts(shared_cables: Path) -> None:
    c = cable(shared_cables, "09SANJOSE127")
    assert [p.label for p in c.parts] == ["I", "II", "III"]
    assert by_label(c)["II.A"].question == "DOES GOCR ACKNOWLEDGE TRAFFICKING AS PROBLEM?"
    assert c.submission_part == (1, 2)


def test_press_guidance_is_not_a_questionnaire(shared_cables: Path) -> None:
    """09STATE60550: `Q1. Why ...?` / `A. ...` press guidance: every item is an A, no questionnaire."""
    c = parse_file(shared_cables / "wikileaks-html" / "09STATE60550.html")[0]
    assert c.parts == ()


HEAD = "UNCLAS SECTION 01 OF 02 SANTIAGO 000123\n\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: KTIP PHUM\nSUBJECT: ANNUAL TIP REPORT\n\n"


def test_page_marker_inside_a_question_and_closing_instructions() -> None:
    c = parse_text(HEAD + (
        "1. (U) The answers below are keyed to the questions in reftel.\n\n"
        "2. (SBU) PREVENTION:\n\n"
        "-- A. Does the government acknowledge that trafficking is a\nproblem in the country?  If not, why not?\n\n"
        "Yes. The government acknowledged the problem in 2006.\n\n"
        "-- B. Are there government-run anti-trafficking information or\neducation campaigns?  If so, briefly describe the campaigns,\n\n"
        "SANTIAGO 00000123  002 OF 002\n\n"
        "including their objectives and effectiveness.  Please explain.\n\n"
        "Two campaigns ran in 2007, one on radio.\n\n"
        "-- C. For countries that contribute troops to international\npeacekeeping efforts, please indicate whether the government\n"
        "investigated nationals deployed abroad.\n\n"
        "Chile did not report any such cases.\n\n"
        "-- D & E. Not applicable.\n\n"
        "3. (U) Child soldiers: Does the government recruit or use\nchild soldiers?  The government does not recruit children.\n\n"
        "KELLY\n"
    ))
    q = by_label(c)
    assert list(q) == ["2.A", "2.B", "2.C", "2.D-E", "3"]
    assert q["2.A"].question == "Does the government acknowledge that trafficking is a problem in the country? If not, why not?"
    assert q["2.B"].question == (
        "Are there government-run anti-trafficking information or education campaigns? If so, briefly describe the "
        "campaigns, including their objectives and effectiveness. Please explain."
    )
    assert q["2.B"].answer == "Two campaigns ran in 2007, one on radio."
    # an instruction restated without a question mark is still the question
    assert q["2.C"].question.startswith("For countries that contribute troops") and q["2.C"].answer == "Chile did not report any such cases."
    assert (q["2.D-E"].letters, q["2.D-E"].answer) == (("D", "E"), "Not applicable.")
    # a numbered question after the lettered parts
    special = q["3"]
    assert (special.question, special.answer) == (
        "Child soldiers: Does the government recruit or use child soldiers?", "The government does not recruit children.")
    assert (c.parts[-1].label, c.parts[-1].title) == ("3", "Child soldiers")


@pytest.mark.parametrize("labels", [("QUESTION", "ANSWER"), ("Q", "A")])
def test_question_and_answer_labels(labels: tuple[str, str]) -> None:
    qw, aw = labels
    c = parse_text(HEAD + (
        "1. (U) Post's responses to the questions in reftel follow.\n\n"
        f"2. (SBU) {qw}: Has the government prosecuted any trafficking\ncases since the last report?  {aw}: Yes, eleven cases.\n\n"
        f"3. (SBU) {qw}: Does the government fund shelters?\n{aw}: It funds two shelters run by NGOs.\n\n"
        "SPOGLI\n"
    ))
    assert [(q.label, q.question, q.answer) for q in c.questions] == [
        ("2", "Has the government prosecuted any trafficking cases since the last report?", "Yes, eleven cases."),
        ("3", "Does the government fund shelters?", "It funds two shelters run by NGOs."),
    ]
    assert len(c.parts) == 1 and c.parts[0].title_source == "standard"


def test_a_suspended_hyphen_at_a_line_end_stays_apart() -> None:
    from tipreader.cable.reflow import join_lines

    assert join_lines(["shelters that provide short-", "or long-term care"]) == "shelters that provide short- or long-term care"
    assert join_lines(["the anti-", "trafficking law"]) == "the anti-trafficking law"

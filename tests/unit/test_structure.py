"""structure.parse_structure: questionnaire parts and Q/A pairs, SUMMARY and COMMENT blocks.

Expected values are read off the real cables in tests/fixtures/body/.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tipreader.cable.body import parse_paragraphs
from tipreader.cable.pages import clean_lines
from tipreader.cable.structure import parse_structure
from tests.fixture_sets import body_lines

SAMPLES = Path(__file__).resolve().parents[2] / "sample_cables"


def structure_of(name: str | Path, start: str = r"^\s*1\.\s"):
    """Parse the fixture ``name`` (in tests/fixtures/body/, or a path) from the first line matching
    ``start`` (the body) on."""
    paragraphs, _ = parse_paragraphs(body_lines(name, start))
    return parse_structure(paragraphs)


def structure_of_text(text: str):
    paragraphs, _ = parse_paragraphs(clean_lines(text))
    return parse_structure(paragraphs)


def letters(part) -> str:
    return "".join(q.letter for q in part.questions)


@pytest.fixture(scope="module")
def mexico():
    return structure_of(SAMPLES / "08MEXICO721.txt")


def test_mexico_parts_and_letters(mexico) -> None:
    paragraphs, parts, summary, comment = mexico
    assert [letters(p) for p in parts] == ["ABCDE", "ABCDEFGHIJKLM", "ABCD"]
    assert sum(len(p.questions) for p in parts) == 22
    # no part headings in the cable: named from what the questions ask
    assert [p.title for p in parts] == [
        "Overview: the country's TIP situation",
        "Investigation and prosecution of traffickers",
        "Protection and assistance to victims",
    ]
    assert all(p.paragraph_index is None for p in parts)
    assert summary is None and comment is None


def test_mexico_questions_word_for_word(mexico) -> None:
    paragraphs, parts, _, _ = mexico
    qa = parts[0].questions[0]
    assert (qa.letter, qa.paragraph, qa.paragraph_index, qa.answer_paragraphs) == ("A", 5, 4, (4,))
    assert qa.question == (
        "Is the country of origin, transit, and/or destination for internationally trafficked men, women, or "
        "children? Provide, where possible, numbers or estimates for each group; how they were trafficked, to "
        "where, and for what purpose. Does the trafficking occur within the country's borders? Does it occur in "
        "territory outside of the government's control (e.g. in a civil war situation)? Are any estimates or "
        "reliable numbers available as to the extent or magnitude of the problem? What is (are) the sources(s) of "
        "available information on trafficking in persons or what plans are in place (if any) to undertake "
        "documentation of trafficking? How reliable are the numbers and these sources? Are certain groups of "
        "persons more at risk of being trafficked (e.g. women and children, boys versus girls, certain ethnic "
        "groups, refugees, etc.)?"
    )
    assert qa.answer.startswith(
        "Mexico is a country of origin, transit, and destination for trafficked men, women, and children for "
        "purposes of sexual and labor exploitation. Of those transited through or destined for Mexico,"
    )
    assert "\n\nAccording to local NGOs, the following forms of trafficking" in qa.answer

    ql = parts[1].questions[11]
    assert (ql.letter, ql.paragraph) == ("L", 21)
    assert ql.question == (
        "As part of the new requirements of the 2005 TVPRA, for countries that contribute troops to international "
        "peacekeeping efforts, please indicate whether the government vigorously investigated, prosecuted, "
        "convicted and sentence nationals of the country deployed abroad as part of a peacekeeping or other similar "
        "mission who engage in or facilitate severe forms of trafficking or who exploit victims of such trafficking."
    )
    assert ql.answer == "Non Applicable"

    qm = parts[1].questions[12]
    assert qm.question.startswith("If the country has an identified child sex tourism problem (as source or destination)")
    assert qm.answer.startswith(
        "Mexico is a country with an identified child sex tourism problem. Mexico is a destination for sexual "
        "tourists and pedophiles, particularly from the United States."
    )

    qd = parts[2].questions[3]
    assert (qd.letter, qd.paragraph) == ("D", 26)
    assert qd.question.startswith("Do the government's law enforcement, immigration, and social services personnel")
    assert qd.question.endswith("How many victims were referred for assistance by law enforcement authorities during the reporting period?")
    assert qd.answer.startswith("Mexico's family welfare agency, Desarollo Integral de la Familia (DIF) continues")


def test_mexico_paragraph_kinds_keep_words(mexico) -> None:
    paragraphs, parts, _, _ = mexico
    kinds = {p.number: p.kind for p in paragraphs if p.number}
    assert all(kinds[n] == "body" for n in range(1, 5))
    assert all(kinds[n] == "question" for n in range(5, 27))
    assert paragraphs[4].text.startswith("QUESTION A. Is the country")
    assert paragraphs[-1].kind == "signature"


def test_numbered_headings_with_lettered_questions() -> None:
    paragraphs, parts, _, _ = structure_of("06REYKJAVIK68.txt")
    assert [p.title for p in parts] == [
        "Overview of a country's activities to eliminate trafficking in persons",
        "PREVENTION",
        "INVESTIGATION AND PROSECUTION OF TRAFFICKERS",
        "PROTECTION AND ASSISTANCE TO VICTIMS",
    ]
    assert [letters(p) for p in parts] == ["ABCD", "ABCDFGHJ", "ABCDEFGHIJKLMN", "ABCDEFGHI"]
    heads = [paragraphs[p.paragraph_index] for p in parts]
    assert [(h.number, h.kind) for h in heads] == [(2, "heading"), (3, "heading"), (4, "heading"), (5, "heading")]
    prevention_a = parts[1].questions[0]
    assert prevention_a.question == (
        "Does the government acknowledge that trafficking is a problem in that country? If no, why not?"
    )
    assert prevention_a.answer.startswith(
        "Government officials acknowledge that Iceland, despite its geographic isolation and privileged, "
        "homogeneous population, is not wholly unique and thus probably has a trafficking problem."
    )
    assert paragraphs[prevention_a.paragraph_index].kind == "question"
    assert prevention_a.paragraph is None
    # answer A of the overview runs on through sub-headed paragraphs
    overview_a = parts[0].questions[0]
    assert len(overview_a.answer_paragraphs) > 1 and "Suburban Nightmare" in overview_a.answer
    k = parts[2].questions[10]
    assert (k.letter, k.answer) == ("K", "No; not applicable.")


def test_numbered_headings_with_answer_only_items() -> None:
    paragraphs, parts, _, _ = structure_of("10CAIRO211.txt")
    assert [p.title for p in parts] == [
        "THE COUNTRY'S TIP SITUATION",
        "SETTING THE SCENE FOR THE GOVERNMENT'S ANTI-TIP EFFORTS",
        "INVESTIGATION AND PROSECUTION OF TRAFFICKERS",
        "PROTECTION AND ASSISTANCE TO VICTIMS",
        "PREVENTION",
        "Partnerships",
    ]
    assert [letters(p) for p in parts] == ["ABCDE", "ABCDEF", "ABCDEFGHIJKL", "ABCDEFGHIJKLM", "ABCDEFG", "AB"]
    assert all(q.question == "" for p in parts for q in p.questions)
    h = parts[2].questions[7]
    assert (h.letter, h.answer) == ("H", "The government provided no specific information on extraditions.")
    assert paragraphs[parts[0].paragraph_index].number == 2


def test_keyed_items() -> None:
    paragraphs, parts, _, _ = structure_of("09TRIPOLI154.txt")
    assert [letters(p) for p in parts] == ["ABCDE", "ABCD", "ABCDEFGHIJKLM", "ABCDEFGHIJKLM", "ABCDEF"]
    assert [p.title for p in parts] == [
        "LIBYA'S TIP SITUATION",  # run into the end of paragraph 1 (`... reftel questions:  LIBYA'S TIP SITUATION`)
        "SETTING THE SCENE FOR THE GOVERNMENT'S ANTI-TIP EFFORTS",
        "INVESTIGATION AND PROSECUTION OF TRAFFICKERS",
        "PROTECTION AND ASSISTANCE TO VICTIMS",
        "PREVENTION",
    ]
    q = parts[2].questions[7]
    assert q.answer == (
        "Post is not aware of any cases in which a Libyan national has been extradited from Libya for a "
        "trafficking-related offense."
    )
    assert paragraphs[q.paragraph_index].text.startswith("-- 25H.")


def test_heading_lines_and_lettered_answers() -> None:
    paragraphs, parts, _, _ = structure_of("07SANJOSE524.txt")
    assert [p.title for p in parts] == [
        "Overview", "Prevention", "Investigation and Prosecution of Traffickers", "Protection and Assistance to Victims",
    ]
    assert [letters(p) for p in parts] == ["ABCD", "ABCDEFGH", "ABCDEFGHIJKLMNO", "ABCDEFGHI"]
    # `Rica?s` is a mangled apostrophe, not a question mark
    c = parts[0].questions[2]
    assert c.question == "" and c.answer.startswith("Severe resource constraints continue to limit the Government")


def test_roman_headings_and_topic_labels() -> None:
    paragraphs, parts, summary, _ = structure_of("09SANJOSE127.txt")
    assert [p.title for p in parts] == [
        "THE COUNTRY'S TIP SITUATION",
        "SETTING THE SCENE FOR GOCR ANTI-TIP EFFORTS",
        "INVESTIGATION AND PROSECUTION OF TRAFFICKERS",
    ]
    assert [letters(p) for p in parts] == ["ABCDE", "ABCD", "ABCD"]
    a = parts[1].questions[0]
    assert a.question == "DOES GOCR ACKNOWLEDGE TRAFFICKING AS PROBLEM?"
    assert a.answer.startswith("The GOCR recognizes TIP as a crime and is taking steps to combat it")
    c = parts[0].questions[2]
    assert c.question == "CONDITIONS VICTIMS TRAFFICKED INTO:"
    assert c.answer.startswith("The majority of the alleged victims of trafficking identified")
    assert summary is not None and [paragraphs[i].number for i in summary.paragraphs] == [2, 3, 4, 5]


def test_numbered_heading_then_plain_lettered_questions() -> None:
    text = (
        "24. (SBU) The following answers are keyed to reftel.\n\n"
        "25. (SBU) THE COUNTRY'S TIP SITUATION\n\n"
        "A. What is the source of the information? How reliable is it?\n\n"
        "The press and NGOs; fairly reliable.\n\n"
        "B. Is the country a country of origin?\n\n"
        "Yes, mainly of origin.\n\n"
        "Some transit also occurs.\n\n"
        "26. (U) PREVENTION:\n\n"
        "A. Does the government acknowledge the problem?  Yes, since 2005.\n"
    )
    paragraphs, parts, _, _ = structure_of_text(text)
    assert [(p.title, letters(p)) for p in parts] == [("THE COUNTRY'S TIP SITUATION", "AB"), ("PREVENTION", "A")]
    a, b = parts[0].questions
    assert a.question == "What is the source of the information? How reliable is it?"
    assert a.answer == "The press and NGOs; fairly reliable."
    assert b.answer == "Yes, mainly of origin.\n\nSome transit also occurs."
    assert b.paragraph is None and paragraphs[b.paragraph_index].kind == "question"
    p = parts[1].questions[0]
    assert (p.question, p.answer) == ("Does the government acknowledge the problem?", "Yes, since 2005.")
    assert [x.kind for x in paragraphs if x.number in (25, 26)] == ["heading", "heading"]


def test_new_delhi_question_headings() -> None:
    paragraphs, parts, _, _ = structure_of("05NEWDELHI9127.txt")
    assert [(p.title, letters(p)) for p in parts] == [("Answers to Specific Questions", "ABCDE")]
    a, b = parts[0].questions[:2]
    assert (a.question, a.paragraph) == ("Recruitment", 10)
    assert a.answer.startswith("As explained above, there are two distinct threads of Islamic extremism in India")
    assert [paragraphs[i].number for i in a.answer_paragraphs] == [10, 11, 12, 13]
    assert b.question == "Characteristics of Recruits"
    assert [paragraphs[i].number for i in b.answer_paragraphs] == [14]


def test_summary_and_comment_paragraphs() -> None:
    paragraphs, parts, summary, comment = structure_of("07ANKARA1842.txt")
    assert parts == []
    assert summary is not None and summary.paragraphs == (0,)
    assert summary.text.startswith("Experts on civil-military relations in Ankara contend the Turkish General Staff")
    assert summary.text.endswith("to make the AKP government appear weak on security.") or "End summary" not in summary.text
    assert comment is not None and [paragraphs[i].number for i in comment.paragraphs] == [7]
    assert comment.text.startswith("Despite analysts' claims of military confidence")
    assert "End comment" not in comment.text
    assert paragraphs[0].kind == "summary" and paragraphs[0].text.startswith("Summary: Experts")
    assert [p.kind for p in paragraphs if p.number in (2, 3, 4, 5, 6)] == ["body"] * 5


def test_summary_and_comment_headings_collapsed() -> None:
    paragraphs, parts, summary, comment = structure_of("09MOSCOW105.txt", r"^-+ SUMMARY")
    assert summary is not None and [paragraphs[i].number for i in summary.paragraphs] == [1]
    assert summary.text.endswith("is in a position to bring about.")
    assert comment is not None and [paragraphs[i].number for i in comment.paragraphs] == [14]
    assert paragraphs[comment.paragraphs[0] - 1].kind == "heading"


def test_summary_spanning_paragraphs() -> None:
    text = (
        "1. (C) Summary: The first point.\n\n"
        "2. (C) The second point.  End Summary.\n\n"
        "3. (C) Body.\n\n"
        "4. (C) Comment: We think so.\n\n"
        "5. (C) Also this. End Comment.\n\n"
        "6. (C) Closing.\n"
    )
    paragraphs, parts, summary, comment = structure_of_text(text)
    assert summary.paragraphs == (0, 1) and summary.text == "The first point.\n\nThe second point."
    assert comment.paragraphs == (3, 4) and comment.text == "We think so.\n\nAlso this."
    assert [p.kind for p in paragraphs] == ["summary", "summary", "body", "comment", "comment", "body"]
    assert parts == []


def test_empty() -> None:
    assert parse_structure([]) == ([], [], None, None)


@pytest.mark.parametrize("case", ["summary", "summary2", "summary3", "comment"])
def test_cablemap_summary_and_comment_cases(shared_cables: Path, case: str) -> None:
    """cablemap's summary/comment cases: the block text is its expected output, labels removed."""
    folder = shared_cables / "cablemap-testdata" / "data-clean"
    _, _, summary, comment = structure_of_text((folder / "in" / f"{case}.txt").read_text(encoding="utf-8"))
    block = comment if case == "comment" else summary
    assert block is not None and block.paragraphs == (0,)
    if case == "comment":
        assert block.text.startswith("Progress Line 1 Line 2.") and "End Comment" not in block.text
    else:
        assert block.text == "President [. ..]."


def test_labels_are_the_cables_own_numbers() -> None:
    """Parts keep the cable's number (paragraph, Roman, keyed); questions are PART.LETTER."""
    _, parts, _, _ = structure_of("06REYKJAVIK68.txt")
    assert [(p.label, p.title_source) for p in parts] == [("2", "cable"), ("3", "cable"), ("4", "cable"), ("5", "cable")]
    assert [q.label for q in parts[1].questions][:5] == ["3.A", "3.B", "3.C", "3.D", "3.F"]
    _, parts, _, _ = structure_of("09SANJOSE127.txt")
    assert [p.label for p in parts] == ["I", "II", "III"]
    assert parts[2].questions[1].label == "III.B" and parts[2].questions[1].letters == ("B",)
    _, parts, _, _ = structure_of("09TRIPOLI154.txt")
    assert [p.label for p in parts] == ["23", "24", "25", "26", "27"]
    assert parts[2].questions[7].label == "25.H"
    _, parts, _, _ = structure_of(SAMPLES / "08MEXICO721.txt")
    assert [p.label for p in parts] == ["1", "2", "3"] and {p.title_source for p in parts} == {"standard"}
    assert parts[2].questions[3].label == "3.D"


def test_letter_range_is_one_item_with_its_letters() -> None:
    text = (
        "25. (SBU) PROTECTION AND ASSISTANCE TO VICTIMS\n\n"
        "-- A. Trafficking victims are referred to shelters.\n\n"
        "-- B-D. Not applicable.\n\n"
        "-- E. The government funds two NGOs.\n"
    )
    _, parts, _, _ = structure_of_text(text)
    assert [(q.label, q.letters, q.answer) for q in parts[0].questions] == [
        ("25.A", ("A",), "Trafficking victims are referred to shelters."),
        ("25.B-D", ("B", "C", "D"), "Not applicable."),
        ("25.E", ("E",), "The government funds two NGOs."),
    ]

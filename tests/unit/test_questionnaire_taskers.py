"""Questionnaires that are not TIP submissions: answers to other taskers, paired the same way.

Real cables from ../shared (blind set 2, scored first and tuned on since; expected values written by
reading the cable): `QUESTION A.` / `ANSWER A.` pairs, questions restated in capitals with nested
sub-questions (`1)`, `A)`), answer-only items lettered in small letters with a topic title. And what
must stay text: numbered answer paragraphs (`1) (U) ...`) and small-letter lists inside an answer.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tipreader.cable import Cable
from tipreader.cable.parse import parse_file


def cable(shared: Path, ref: str) -> Cable:
    return parse_file(shared / "wikileaks-html" / f"{ref}.html")[0]


def by_label(c: Cable) -> dict:
    return {q.label: q for q in c.questions}


def test_an_answers_own_label_is_not_answer_text(shared_cables: Path) -> None:
    """09BRASILIA196: `QUESTION A. ...?` then `ANSWER A. Given ...` in the same paragraph."""
    q = by_label(cable(shared_cables, "09BRASILIA196"))
    assert list(q) == ["3.A", "3.B", "3.C", "3.D"]
    assert q["3.A"].answer.startswith("Given the failure of the 2005 RevCon")
    assert q["3.B"].answer.startswith("Mourao believed that the most important step")
    assert not any(x.answer.upper().startswith("ANSWER") for x in q.values())


def test_a_question_keeps_its_bullet_list(shared_cables: Path) -> None:
    """09BRASILIA196 question D runs over eight `--` bullets before `ANSWER D.`: it is not cut at its first line."""
    d = by_label(cable(shared_cables, "09BRASILIA196"))["3.D"]
    assert d.question.startswith("Does Brazil believe that NPT parties should take action")
    assert "-- Noncompliance with the NPT" in d.question
    assert d.question.endswith("with regard to their nuclear weapons forces and policies.")
    assert d.answer.startswith("Noncompliance - Brazil shares the United States' concerns")
    assert d.answer.endswith("such as by Libya, South Africa, and Ukraine and Kazakhstan.")


def test_an_answer_label_in_a_numbered_question(shared_cables: Path) -> None:
    """09SANJOSE688 ¶5: `... are workers unionized? Answer: Intel Costa Rica has ...`."""
    q = by_label(cable(shared_cables, "09SANJOSE688"))["5"]
    assert q.question.endswith("are workers unionized?")
    assert q.answer.startswith("Intel Costa Rica has an Employee Association")


def test_nested_sub_questions_keep_their_full_label(shared_cables: Path) -> None:
    """09ABUDHABI874 ¶3: `A. (C) ...?`, under it `1) (C) ...?`, under F.2 `A) (SBU) ...?`."""
    c = cable(shared_cables, "09ABUDHABI874")
    assert [(p.label, p.title) for p in c.parts] == [("3", "Begin reftel responses")]
    assert [q.label for q in c.questions] == [
        "3.A", "3.A.1", "3.A.2", "3.B", "3.C", "3.C.1", "3.C.2", "3.C.3", "3.D", "3.D.1", "3.D.2", "3.D.3",
        "3.E", "3.F", "3.F.1", "3.F.2", "3.F.2.A", "3.F.2.B", "3.F.3", "3.F.4", "3.G", "3.H", "3.I", "3.J", "3.K",
    ]
    q = by_label(c)
    assert q["3.F.2.A"].letters == ("A",) and q["3.C.1"].letters == ("1",)
    # the parent's own answer ends before its first sub-question
    assert q["3.C"].answer.endswith("in the form of goods and development projects, not cash.")
    assert q["3.F.2"].answer == "Unknown."
    # a question of two sentences in capitals, its answer below it
    assert q["3.A.1"].question == "BY WHAT CHANNELS? HOW OFTEN?"
    assert q["3.A.1"].answer.startswith("Most expatriate residents")
    # a question in capitals whose second line the body must not take for a heading
    assert q["3.J"].question.endswith("TO INSURGENT GROUPS IN AFGHANISTAN/PAKISTAN)?")
    assert q["3.J"].answer.startswith("Emboffs have regular exchanges")


def test_small_letter_items_with_topic_titles(shared_cables: Path) -> None:
    """09TRIPOLI268: `a. COUNTRY CONDITIONS:` ... `n. STAFFING AND TRAINING:`, `i.ALIEN SMUGGLING, ...:`."""
    c = cable(shared_cables, "09TRIPOLI268")
    assert [q.label for q in c.questions] == [f"1.{x}" for x in "abcdefghijklmn"]
    q = by_label(c)
    assert (q["1.a"].question, q["1.a"].answer[:17]) == ("COUNTRY CONDITIONS:", "Fraud Level: Low.")
    assert q["1.a"].answer.endswith("limits ability to conduct anti-fraud work.")
    assert q["1.i"].question == "ALIEN SMUGGLING, TRAFFICKING, ORGANIZED CRIME, TERRORIST TRAVEL:"
    assert q["1.i"].answer.startswith("While Libya is a transit and destination country")
    assert q["1.n"].answer.endswith("on-line training courses as part of their orientation.")


def test_numbered_answer_paragraphs_stay_the_answer(shared_cables: Path) -> None:
    """09SANJOSE127: `B. COUNTRY OF ORIGIN ...:` answered in `1) (U) ...` to `13) (U) ...`; `a.`-`g.` quote a law."""
    q = by_label(cable(shared_cables, "09SANJOSE127"))
    assert [x for x in q if x.count(".") > 1] == []
    assert q["I.B"].answer.startswith("1) (U) Costa Rica is recognized as a source")
    assert q["I.B"].answer.endswith("for this year's report.")
    assert "a. When the victim is under the age of 18" in q["III.A"].answer
    assert q["III.A"].answer.endswith("on the offender's daily personal income.")


def test_a_small_letter_list_in_a_report_is_no_questionnaire(shared_cables: Path) -> None:
    """09SANJOSE55 ¶16 lists seven projects `a) "Defense and ..."`: a list, not answers."""
    assert cable(shared_cables, "09SANJOSE55").questions == ()


def test_one_item_a_line_in_an_unwrapped_body(shared_cables: Path) -> None:
    """08RANGOON749 ¶2 `... keyed to questions in Ref A:` then `A) ...`, `B) ...` one long line each, no blank line."""
    q = by_label(cable(shared_cables, "08RANGOON749"))
    assert list(q)[:7] == ["2.A", "2.B", "2.C", "2.D", "2.E", "2.F", "2.G-J"]
    assert q["2.A"].answer.endswith("to Aberdeen Proving Grounds via DIA.")
    assert q["2.E"].answer.endswith("no mention of intent to move material across borders.")
    assert q["2.F"].answer == "Unknown."
    # after a line that ends with a redaction
    assert q["2.G-J"].answer.endswith("know about the uranium. XXXXXXXXXXXX") and q["2.K"].answer == "N/A."


@pytest.mark.parametrize("ref", ["09STATE80163", "09STATE62392", "08STATE30340", "09LONDON2001"])
def test_lettered_lists_without_a_question_answered_are_not_paired(shared_cables: Path, ref: str) -> None:
    """Collection taskers (issues lettered `A. Key Near-Term Issues`, `1) ...`) and a meeting report's
    lettered decisions mention trafficking somewhere, but nothing before their items says they answer."""
    assert cable(shared_cables, ref).questions == ()


def test_an_extract_that_lost_its_start_is_judged_on_all_its_text(shared_cables: Path) -> None:
    """09HERMOSILLO71 begins mid-sentence and at item B: its fraud-summary answers are still paired."""
    q = by_label(cable(shared_cables, "09HERMOSILLO71"))
    assert list(q)[:3] == ["1.B", "1.C", "1.D"]
    assert q["1.C"].answer == "IMMIGRANT VISA FRAUD - Post does not process Immigrant Visas"


def test_an_item_labelled_with_a_colon_after_the_intro(shared_cables: Path) -> None:
    """10LUANDA84 ¶1: `... keyed to Department queries (reftel):`, a blank line, `A: Description of ...`, then
    `B.` and `C.`; a cable with no `Q:` label writes `A:` for an item, not for a transcript's answer."""
    c = cable(shared_cables, "10LUANDA84")
    assert [(p.label, p.title) for p in c.parts] == [("1", "The following responses are keyed to Department queries (reftel)")]
    q = by_label(c)
    assert list(q) == ["1.A", "1.B", "1.C"]
    assert q["1.A"].answer.startswith("Description of Chinese engagement in Angola: The Chinese are heavily engaged")
    assert q["1.A"].answer.endswith("---a diamond mining venture with state diamond company Endiama.")


def test_press_guidance_answers_after_q_labels_stay_transcript(shared_cables: Path) -> None:
    """09STATE60490: `Q1: ...` / `A: ...` press guidance, and 89STATE302065 `3. Q: ...` / `A: ...`: no `A:` item."""
    assert not any(q.label.endswith(".A") for q in cable(shared_cables, "09STATE60490").questions)
    c = parse_file(shared_cables / "cablegate-text" / "89STATE302065.txt")[0]
    assert [q.label for q in c.questions] == ["3", "4"]


def test_a_sentence_going_on_with_ref_a_stays_in_the_body(shared_cables: Path) -> None:
    """06SANJOSE2778: `... keyed to the questions in` / `Ref A.  Ref B was Post's ...` is the body's first
    sentence, not a fourth REF item swallowing it and the first topic heading `A. Immigration Databases`."""
    c = cable(shared_cables, "06SANJOSE2778")
    assert [r.text for r in c.references] == ["STATE 190832", "SAN JOSE 2054", "STATE 114021"]
    assert c.paragraphs[0].text.startswith("(SBU) The following information is keyed to the questions in Ref A.")
    assert c.paragraphs[1].text == "A. Immigration Databases"


def test_lettered_topics_over_unlabelled_questions(shared_cables: Path) -> None:
    """06SANJOSE2778: `A. Immigration Databases`, then `--What ...?` questions each followed by its answer; the
    cable numbers no question: they are numbered in order within their topic (A.1, A.2), with no letters."""
    c = cable(shared_cables, "06SANJOSE2778")
    assert [(p.label, p.title) for p in c.parts] == [
        ("A", "Immigration Databases"), ("B", "Watchlists and Information Sharing"), ("C", "Biometrics"),
        ("D", "Appropriate Partners"),
    ]
    q = by_label(c)
    assert list(q) == ["A.1", "A.2", "A.3", "B.1", "B.2", "B.3", "B.4", "C.1", "C.2", "C.3", "D.1"]
    assert q["A.1"].letters == () and q["A.1"].question.endswith("how does the GOCR decide which POE will receive the tool?")
    assert q["A.1"].answer.startswith("Costa Rica has a computerized immigration database")  # marking (U) off
    assert (q["B.1"].answer, q["C.2"].answer) == ("Yes.", "N/A")
    # a topic answered with no question restated, in its own paragraph
    assert q["D.1"].question == "" and q["D.1"].answer.startswith("Post believes the GOCR would be an appropriate partner")


def test_answers_numbered_again_under_each_section_heading(shared_cables: Path) -> None:
    """10CAIRO209 (DOL child-labour reply): `2A. Prevalence ...` to `2G. Continual Progress` head sections (2C twice,
    2D three times, each with a `Section I: ...` line); under each the answers are numbered after the tasker's
    questions from 1 again, with ranges (`4-14. (U)` answers 4 to 14 at once). They are the sections' items, not
    the cable's paragraphs: the cable's only numbered paragraph is ¶1 under `Task 1/TVPRA`."""
    c = cable(shared_cables, "10CAIRO209")
    assert [p.number for p in c.paragraphs if p.number is not None] == [1]
    assert [p.label for p in c.parts] == ["2A", "2B", "2C", "2C", "2D", "2D", "2D", "2E", "2F", "2G"]
    assert c.parts[2].title == "Institutions and Mechanisms for Enforcement. Section I: Hazardous Child Labor."
    assert all(p.title_source == "cable" for p in c.parts)
    assert [q.label for q in c.parts[2].questions] == ["2C.1", "2C.2", "2C.3", "2C.4-14"]
    rng = c.parts[2].questions[3]
    assert rng.letters == tuple(str(n) for n in range(4, 15)) and rng.question == ""
    assert rng.answer.startswith("Official data on funding for inspections, staffing levels")
    first = c.parts[0].questions[0]  # an answer that runs over several blocks, its `(U)` off
    assert first.answer.startswith("There are no current comprehensive studies")
    assert first.answer.endswith("children working in hazardous conditions in stone quarries in the Minya area.")
    assert [q.label for q in c.parts[-2].questions] == ["2F.1", "2F.2", "2F.3", "2F.4-5", "2F.6"]


def test_roman_categories_answered_below_their_title(shared_cables: Path) -> None:
    """06REYKJAVIK51 ¶4 `... keyed to the tracking categories provided ref A paragraph 8:`, then `I.  Legislative
    agenda` / `d) not likely ...`, `II.  Media attention`, `III.  Public debate`: three items I-III, the option
    letter (`d)`) part of the answer, not an item; the cable's paragraphs stay 1-5."""
    c = cable(shared_cables, "06REYKJAVIK51")
    q = by_label(c)
    assert list(q) == ["4.I", "4.II", "4.III"]
    assert q["4.II"].letters == ("II",)
    assert q["4.I"].answer == "Legislative agenda d) not likely to get on those agendas in 2006"
    assert q["4.III"].answer.endswith("civil society discussions since October")
    assert [p.number for p in c.paragraphs if p.number is not None] == [1, 2, 3, 4, 5]


def test_answer_only_items_keyed_from_a_later_letter(shared_cables: Path) -> None:
    """01HAVANA4690 (a cablegate text file, no paragraph number anywhere): `RESPONSES ARE KEYED TO REF A, BEGINNING
    WITH THE QUESTION IN PARAGRAPH C.`, then answer-only items `C)` ... `M)`, no question restated. The letters run
    on unbroken from C: a reply to the tasker's paragraphs, though no item is an A. `(REF` / `B)  THIS WAS ...`
    wrapped inside F's answer is no item."""
    c = parse_file(shared_cables / "cablegate-text" / "01HAVANA4690.txt")[0]
    assert [q.label for q in c.questions] == [f"1.{x}" for x in "CDEFGHIJKLM"]
    q = by_label(c)
    assert all(not x.question and x.letters == (x.label[-1],) for x in c.questions)
    assert q["1.C"].answer.startswith("POST IS NOT AWARE OF ANY JUDICIAL RESPONSE")
    assert q["1.C"].answer.endswith("HOW CUBA HAS ALSO BEEN A VICTIM OF TERRORISM.")
    assert q["1.F"].answer.startswith("PUBLIC STATEMENTS FROM THE CUBAN GOVERNMENT")
    assert 'NO TO WAR." (REF B) THIS WAS FOLLOWED BY TWO MONTHS' in " ".join(q["1.F"].answer.split())
    assert q["1.F"].answer.endswith("TO THE FULLEST EXTENT POSSIBLE. (REF E)")
    assert q["1.M"].answer.endswith("INFORMATION THAT WOULD BE RELEVANT TO THIS SUB-SECTION.")
    assert "NIGRO" not in q["1.M"].answer


@pytest.mark.parametrize("letters", ["CDFG", "CDE"])
def test_lettered_lines_keyed_but_not_in_one_run_or_from_a(letters: str) -> None:
    """Keyed to a tasker, but letters that skip (C, D, F, G) without an A: a list, not a reply starting at C."""
    from tipreader.cable.parse import parse_text

    items = "".join(f"{x}) POST HAS NO FURTHER INFORMATION ON ITEM {x} AT THIS TIME.\n\n" for x in letters)
    c = parse_text(
        "UNCLAS HAVANA 000123\n\nE.O. 12958: N/A\nTAGS: PTER CU\nSUBJECT: ANNUAL REPORT\n\n"
        "RESPONSES ARE KEYED TO REF A, BEGINNING WITH THE QUESTION IN PARAGRAPH C.\n\n" + items + "NIGRO\n"
    )
    assert [q.label for q in c.questions] == ([] if letters == "CDFG" else ["1.C", "1.D", "1.E"])


def test_question_letter_labels_over_answers_and_a_continued_answer(shared_cables: Path) -> None:
    """07MADRID1420 (blind set 5, scored first): `2. (C/NF) Question A: Foreign Minister Moratinos told ...` -- the
    label names the tasker's question, the paragraph is the answer; `6. (C/NF) Question D (cont'd): MFA has ...` goes
    on with D's answer. ¶1 `SUMMARY: ... END SUMMARY.` is the summary, not the part's title."""
    c = cable(shared_cables, "07MADRID1420")
    assert [q.label for q in c.questions] == [f"1.{x}" for x in "ABCDEFGHIJ"]
    assert all(not q.question for q in c.questions)
    q = by_label(c)
    assert q["1.A"].answer.startswith("Foreign Minister Moratinos told the Ambassador that he and his Chief of Staff")
    assert q["1.A"].answer.endswith("the more left-wing base of the ruling Socialist Party (PSOE).")
    assert q["1.D"].answer.startswith("For details on the first session of the bilateral human rights dialogue")
    assert "MFA has announced that it will hold another dialogue session in September." in q["1.D"].answer
    assert q["1.D"].answer.endswith("once the UNHRC mandate went away.") and len(q["1.D"].answer_paragraphs) == 2
    assert q["1.E"].answer.startswith("MFA insists that it maintains a robust policy")
    assert (c.parts[0].title_source, c.paragraphs[0].kind) == ("standard", "summary")


def test_a_response_to_questions_posed_in_reftel(shared_cables: Path) -> None:
    """05REYKJAVIK526 (blind set 5, scored first): `Following is post's response to questions posed reftel:`, then
    `A.   Which of your mission objectives ...?` restated, the answer after a blank line."""
    q = by_label(cable(shared_cables, "05REYKJAVIK526"))
    assert list(q) == ["1.A", "1.B", "1.C", "1.D"]
    assert q["1.A"].question.startswith("Which of your mission objectives benefits from cultural programs")
    assert q["1.A"].question.endswith("including sports programs?")
    assert q["1.A"].answer.startswith("Potentially all of our mission objectives could benefit")
    assert q["1.D"].answer.startswith("Yes, we have.")


def test_questions_restated_as_numbered_paragraphs_answered_by_bullets(shared_cables: Path) -> None:
    """09KAMPALA1399 (blind set 5, scored first): `1. (C) Summary: The following information responds to reftel
    questions ...`, then `2. (C) Who was in command ...?` / `- Lt. Col. ... was in charge ...` through ¶11, whose
    question is a request without a question mark; the signer is no answer's tail."""
    c = cable(shared_cables, "09KAMPALA1399")
    assert [q.label for q in c.questions] == [str(n) for n in range(2, 12)]
    q = by_label(c)
    assert q["2"].question == "Who was in command of the UPDF forces that went to Gulu prison?"
    assert q["2"].answer.startswith("- Lt. Col. Charles Anway Otema was in charge of UPDF forces")
    assert q["11"].question.startswith("We would appreciate post’s opinion with regard to the credibility")
    assert q["11"].answer.endswith("what actually happened the night of Oloya’s death.")
    assert (c.parts[0].label, c.parts[0].title_source) == ("1", "standard")


def test_question_labels_over_numbered_question_and_answer_paragraphs(shared_cables: Path) -> None:
    """07TASHKENT2081 (blind set 5, scored first): `2. Responses to questions follow:`, then `Question 1:` (the page
    ran it onto the paragraph before), `3. Can you confirm ...?`, `4. The train appears ...`; ¶15 after the last
    answer (`Action officers at post ...`) is the cable again."""
    c = cable(shared_cables, "07TASHKENT2081")
    assert [(q.label, q.paragraph) for q in c.questions] == [(f"2.{n}", 2 * n + 1) for n in range(1, 7)]
    q = by_label(c)
    assert q["2.1"].question.startswith("Can you confirm the origin of the train?")
    assert q["2.1"].answer == ("The train appears to have originated in Kyrgyzstan, then transited the territory of "
                               "Kazakhstan before arriving in Uzbekistan.")
    assert q["2.6"].answer.endswith("The expert provided no further explanation.")
    assert "Action officers" not in q["2.6"].answer


@pytest.mark.parametrize("ref", ["09STATE60550", "08SAOPAULO432", "09REYKJAVIK196"])
def test_no_numbered_questions_made_of_reports(shared_cables: Path, ref: str) -> None:
    assert cable(shared_cables, ref).questions == ()


def test_a_heading_after_the_last_item_is_no_answers_tail(shared_cables: Path) -> None:
    """09HAVANA492: after `QUESTION D: ...? (C/NF) We've seen articles ...` the heading `Comments` and the embassy's
    comment (¶6) close the cable: they are not D's answer, though the heading is in mixed case."""
    c = cable(shared_cables, "09HAVANA492")
    d = by_label(c)["1.D"]
    assert d.answer.endswith("independent civil society in Cuba.") and "Comments" not in d.answer
    assert d.answer_paragraphs == (d.paragraph_index,)

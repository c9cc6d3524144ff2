"""Roman-numbered parts over lettered items, a form filled in field by field, answers that repeat their label.

Real cables of blind set 5 (scored once first, then tuned on; expected values written by reading the cable):
08TASHKENT43 (a Radiation Portal Alarm Questionnaire answered as a form, parts `I.`-`VII.`) and 09PANAMA171 (the
Security Environment Profile Questionnaire, parts `I.`-`VI.`). On both pages several Roman headings have no
paragraph mark of their own: they are written at the end of the answer before them.
"""

from __future__ import annotations

from pathlib import Path

from tipreader.cable.parse import parse_text

from .test_questionnaire_layouts import by_label, cable


def test_a_form_under_roman_parts(shared_cables: Path) -> None:
    c = cable(shared_cables, "08TASHKENT43")
    assert [(p.label, p.title, p.title_source) for p in c.parts] == [
        ("I", "General information", "cable"), ("II", "Shipment information", "cable"),
        ("III", "Alarm information and radiation measurements", "cable"), ("IV", "Container/vehicle information", "cable"),
        ("V", "Smuggler information", "cable"), ("VI", "Material information", "cable"),
        ("VII", "Follow-up information", "cable"),
    ]
    assert [len(p.questions) for p in c.parts] == [4, 5, 7, 8, 5, 5, 12]
    q = by_label(c)
    # the field up to its first `: ` is the question (the time's colons are the value's)
    assert (q["I.A"].question, q["I.A"].answer) == (
        "Date and time of alarm:",
        "29.12.2007 at 02:16:18 (Comment: This is probably an error that should read 29.11.2007. End comment.)")
    assert (q["III.B"].question, q["III.B"].answer) == ("Sigma level:", "(No response)")
    assert (q["VII.J"].question, q["VII.J"].answer) == ("Who is coordinating the response to the incident?:",
                                                         "State Customs Committee.")
    # `II. Shipment information`, written at the end of I.D's paragraph, is part II's heading, not I.D's tail
    assert q["I.D"].answer.endswith("specialists were notified and the car was detached.")
    # the Examination Report after the form is no field's answer
    assert q["VII.L"].answer == "The State Customs Committee of Tashkent Province has not informed international organizations of this case."


def test_roman_parts_restated_questions_and_answer_only_items(shared_cables: Path) -> None:
    c = cable(shared_cables, "09PANAMA171")
    assert [(p.label, p.title) for p in c.parts] == [
        ("I", "Demonstrations"), ("II", "Macro Conflict conditions"), ("III", "Host Country Capabilities"),
        ("IV", "Anti-American terrorist groups"), ("V", "Other Indigenous Terrorist Groups"),
        ("VI", "Transnational Terrorism: Transnational Terrorism Indicators"),  # the heading and the line under it
    ]
    assert [[x.label.split(".")[1] for x in p.questions] for p in c.parts] == [
        list("ABC"), list("ABCD"), list("ABCDEFGHIJ"), list("ABCDEFGH"), list("ABCDE"), list("ABCDEFG")]
    q = by_label(c)
    # the answer's marking is no answer word; an answer-only item keeps its text
    assert q["I.A"].question.startswith("Are there any ethnic or religious communities in-country")
    assert q["I.A"].answer.startswith("Capable, Yes. The Muslim community in Panama")
    assert (q["V.E"].question, q["V.E"].answer) == ("", "No.")
    assert q["II.A"].answer.startswith("There is no interstate or intrastate conflict in Panama.")
    # III.A's answer repeats the label: `A. (U) Are law enforcement ...?` then `A. (S/NF) The Panamanian ...`
    assert q["III.A"].question == "Are law enforcement agencies professional and well-trained?"
    assert q["III.A"].answer.startswith("The Panamanian police services are structured and professional.")
    assert q["III.A"].answer.endswith("officers and inspectors can be fired with little recourse or redress.")
    # a question without an asking opening, or without its question mark, before a marked answer
    assert q["III.F"].question.startswith("Assuming there have been significant terrorist threats in recent years")
    assert q["III.F"].answer.startswith('Yes. Two Iranian "journalists"')
    assert q["VI.E"].question.endswith("that are sympathetic to these groups.")
    assert q["V.E"].answer == "No."  # `VI. Transnational Terrorism` and its subtitle are not V.E's tail


HEAD = "UNCLAS SECTION 01 OF 01 PANAMA 000123\n\nE.O. 12958: N/A\nTAGS: PTER ASEC\nSUBJECT: SECURITY PROFILE\n\n"


def test_topic_titles_with_long_answers_stay_the_answers_opening() -> None:
    """A form's values are short; lettered answers under topic titles (`B. Prevention: The government ...`) answer at
    length: the title stays the answer's opening, no question is made of it."""
    long = " ".join(["The government ran two campaigns with NGOs and trained officials in every province."] * 2)
    c = parse_text(HEAD + "1. (U) The answers below are keyed to the questions in reftel.\n\n" + "".join(
        f"{x}. Topic {x}: {long}\n\n" for x in "ABCDE") + "KELLY\n")
    assert [q.label for q in c.questions] == ["1.A", "1.B", "1.C", "1.D", "1.E"]
    assert all(not q.question and q.answer.startswith("Topic") for q in c.questions)

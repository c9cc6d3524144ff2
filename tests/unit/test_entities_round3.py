"""General defects the third blind set (tests/fixtures/entities_blind3) showed, each as the
shape any cable may write: Korean names with a hyphenated given name, hyphenated acronyms
a cable defines whole, named agreements."""

from __future__ import annotations

import pytest

from tipreader.cable.entities import extract_entities, glossary


def found(text: str, kind: str | None = None) -> list[tuple[str, str]]:
    return [(e.type, e.text) for e in extract_entities([text]) if kind is None or e.type == kind]


def test_korean_names_keep_their_hyphenated_given_name() -> None:
    text = ("Kim Jong-il met Jang Song-taek and his son Kim Jong-un in Pyongyang. Kim said nothing. "
            "The New York-based group held a Sit-in.")
    ents = extract_entities([text])
    people = [(e.text, e.canonical) for e in ents if e.type == "PERSON"]
    assert people == [("Kim Jong-il", "Kim Jong-il"), ("Jang Song-taek", "Jang Song-taek"),
                      ("Kim Jong-un", "Kim Jong-un"), ("Kim", "Kim Jong-il")]


def test_hyphenated_acronym_defined_whole_is_one_mention() -> None:
    paras = ["The United States-Central America-Dominican Republic Free Trade Agreement (CAFTA-DR) passed.",
             "CAFTA-DR will help; CAFTA- DR (a line broke after the hyphen) too. DHS-ICE agents came."]
    ents = extract_entities(paras)
    assert glossary(ents) == {"CAFTA-DR": "United States-Central America-Dominican Republic Free Trade Agreement"}
    assert [(e.type, e.text) for e in ents if e.paragraph == 1] == [
        ("ACRONYM", "CAFTA-DR"), ("ACRONYM", "CAFTA- DR"), ("ACRONYM", "DHS"), ("ACRONYM", "ICE")]
    assert ("LAW", "United States-Central America-Dominican Republic Free Trade Agreement") in found(paras[0])


def test_ministry_abbreviations_in_mixed_case_are_acronyms() -> None:
    assert found("The MoD and the MoI met GoT officials.", "ACRONYM") == [("ACRONYM", "MoD"), ("ACRONYM", "MoI"),
                                                                          ("ACRONYM", "GoT")]


def test_capitals_words_opening_with_go_are_not_government_acronyms() -> None:
    assert found("IN THE NAME OF GOD THE GOE SAID IT WAS GOOD", "ACRONYM") == [("ACRONYM", "GOE")]


def test_airport_named_in_full_is_a_place() -> None:
    assert found("He flew to Maputo International Airport. The Airport was shut.") == [
        ("LOCATION", "Maputo International Airport")]


def test_title_then_an_unknown_surname_is_a_person_not_an_organisation() -> None:
    assert found("Under Secretary of Defense Flournoy spoke.") == [("PERSON", "Flournoy")]


def test_korean_name_before_a_possessive() -> None:
    assert found("Kim Jong-il’s youngest son", "PERSON") == [("PERSON", "Kim Jong-il")]


@pytest.mark.parametrize(
    ("line", "expected"),
    [("EB FOR WCRAFT", [("ACRONYM", "EB"), ("PERSON", "WCRAFT")]),
     ("WHA/EPSC FOR KURS", [("ACRONYM", "WHA"), ("ACRONYM", "EPSC"), ("PERSON", "KURS")]),
     ("NSC FOR ABRAMS/DORAN", [("ACRONYM", "NSC"), ("PERSON", "ABRAMS"), ("PERSON", "DORAN")]),
     ("STATE PASS TO USTR FOR JYOUNG, CPADILLA", [("ACRONYM", "USTR"), ("PERSON", "JYOUNG"), ("PERSON", "CPADILLA")]),
     ("DEPT FOR CA/EX, DS/CR/OCI", [("ACRONYM", "CA"), ("ACRONYM", "EX"), ("ACRONYM", "DS"), ("ACRONYM", "CR"),
                                    ("ACRONYM", "OCI")]),
     ("STATE FOR EUR/NB AND EUR/UMB", [("ACRONYM", "EUR"), ("ACRONYM", "NB"), ("ACRONYM", "EUR"), ("ACRONYM", "UMB")]),
     ("PASS TO USTR FOR ACTION", [("ACRONYM", "USTR")])],
)
def test_routing_lines_name_offices_and_people(line: str, expected: list[tuple[str, str]]) -> None:
    assert found(line) == expected


def test_companies_named_by_initials_or_trading_and_spelling_variants_of_known_bodies() -> None:
    assert found("He uses Grupo MBS and Rassul Trading; Hizbollah and Hezbollah.", "ORG") == [
        ("ORG", "Grupo MBS"), ("ORG", "Rassul Trading"), ("ORG", "Hizbollah"), ("ORG", "Hezbollah")]

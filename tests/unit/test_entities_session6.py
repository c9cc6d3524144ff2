"""General defects round 3 (tests/fixtures/entities_blind3) still showed in session 6, each written
as the shape any cable may use: organisations a capitals-only cable names without an organisation
word, clipped titles, given names, people of a REF line's e-mail, numeric dates and decades."""

from __future__ import annotations

import pytest

from tipreader.cable.entities import extract_entities


def found(text: str, kind: str | None = None) -> list[str]:
    return [e.text for e in extract_entities([text]) if kind is None or e.type == kind]


@pytest.mark.parametrize(("text", "orgs"), [
    ("THE ISLAMIC JIHAD ORGANIZATION CLAIMED THE ATTACK, BLAMING THE MOSSAD.",
     ["ISLAMIC JIHAD ORGANIZATION", "MOSSAD"]),
    ("AN ELYSEE ADVISOR TOLD LE MONDE THAT THE INTERNATIONAL TRIBUNAL FOR LEBANON WOULD MEET.",
     ["ELYSEE", "LE MONDE", "INTERNATIONAL TRIBUNAL FOR LEBANON"]),
    ("Haaretz and Xinhua reported that Lashkar-e-Tayyiba was behind it.", ["Haaretz", "Xinhua", "Lashkar-e-Tayyiba"]),
])
def test_organisations_known_by_name_alone(text: str, orgs: list[str]) -> None:
    assert found(text, "ORG") == orgs


def test_a_clipped_title_introduces_a_person_in_capitals() -> None:
    assert "GATES" in found("RECENT STATEMENTS ON IRAN BY SECDEF GATES AND OTHERS WERE NOTED.", "PERSON")


def test_common_english_given_names_open_a_name_in_capitals() -> None:
    people = found("THE DETENTION OF TERRY ANDERSON AND BRIAN LEVICK CONTINUES.", "PERSON")
    assert people == ["TERRY ANDERSON", "BRIAN LEVICK"]


@pytest.mark.parametrize(("text", "people"), [
    ("REF: CARNIE-QUANRUD E-MAIL DATED 10.01.2009", ["CARNIE", "QUANRUD"]),
    ("REF: A. 09 STATE 1234 B. SMITH/JONES TELCON OF MAY 3", ["SMITH", "JONES"]),
    ("REF: STATE E-MAIL OF MAY 3", []),
    ("The embassy sent a Smith-Jones e-mail.", []),  # not a REF line
])
def test_people_named_by_a_ref_lines_message(text: str, people: list[str]) -> None:
    assert found(text, "PERSON") == people


@pytest.mark.parametrize(("text", "dates"), [
    ("REF: E-MAIL DATED 10.01.2009", ["10.01.2009"]),
    ("The law passed on 31.12.2008.", ["31.12.2008"]),
    ("Since the late 90s, and in the mid-80s, and the '70s, it grew.", ["90s", "80s", "70s"]),
    ("Most victims are in their 40s or 30s.", []),
    ("In the 1990s it grew.", ["1990s"]),
])
def test_numeric_dates_and_decades(text: str, dates: list[str]) -> None:
    assert found(text, "DATE") == dates

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


@pytest.mark.parametrize(("line", "expected"), [
    ("DEPT FOR SA/PAB (PASI), EUR/WE (D.MENNUTI), S/P (VAN CLEVE)",
     [("ACRONYM", "SA"), ("ACRONYM", "PAB"), ("PERSON", "PASI"), ("ACRONYM", "EUR"), ("ACRONYM", "WE"),
      ("PERSON", "D.MENNUTI"), ("ACRONYM", "S/P"), ("PERSON", "VAN CLEVE")]),
    ("STATE FOR INR/AA, INR/B", [("ACRONYM", "INR"), ("ACRONYM", "AA"), ("ACRONYM", "INR/B")]),
    ("STATE FOR EEB/ESC AND EUR/WE TREASURY FOR DEPUTY SECRETARY KIMMITT AND IA/OEE/W.LINDQUIST",
     [("ACRONYM", "EEB"), ("ACRONYM", "ESC"), ("ACRONYM", "EUR"), ("ACRONYM", "WE"), ("ORG", "TREASURY"),
      ("PERSON", "KIMMITT"), ("ACRONYM", "IA"), ("ACRONYM", "OEE"), ("PERSON", "W.LINDQUIST")]),
    ("DRL FOR A/S POSNER FOR NEA, NEA/ELA AND DRL/NESCA",
     [("ACRONYM", "DRL"), ("ACRONYM", "A/S"), ("PERSON", "POSNER"), ("ACRONYM", "NEA"), ("ACRONYM", "NEA"),
      ("ACRONYM", "ELA"), ("ACRONYM", "DRL"), ("ACRONYM", "NESCA")]),
    ("DEPT PASS AID/ASIA BUREAU TREASURY FOR A/S DAVID COHEN and TFFC - BRIAN GRANT",
     [("ACRONYM", "AID"), ("ORG", "ASIA BUREAU"), ("ORG", "TREASURY"), ("ACRONYM", "A/S"), ("PERSON", "DAVID COHEN"),
      ("ACRONYM", "TFFC"), ("PERSON", "BRIAN GRANT")]),
    ("E FOR TSMITHAM", [("PERSON", "TSMITHAM")]),
    ("THE MINISTER ASKED FOR HELP", []),  # a sentence, not an address
])
def test_address_lines_name_offices_people_and_bodies(line: str, expected: list[tuple[str, str]]) -> None:
    assert [(e.type, e.text) for e in extract_entities([line])] == expected


@pytest.mark.parametrize(("text", "kind", "expected"), [
    ("Kabo, Bellview and Mangal Airlines for the December 2007 flights.", "ORG", ["Mangal Airlines"]),
    ("He met Banco Sabadell President Jose Oliu.", None,
     [("ORG", "Banco Sabadell"), ("PERSON", "Jose Oliu")]),
    ("Bank Melli and Bank Mellat were named.", "ORG", ["Bank Melli", "Bank Mellat"]),
    ("Treasury officials met the Afghan Threat Finance Cell and Mission Afghanistan.", "ORG",
     ["Treasury", "Afghan Threat Finance Cell", "Mission Afghanistan"]),
    ("SUBJECT: AMBASSADOR MEETS ARGENTINE VP COBOS", None, [("ACRONYM", "VP"), ("PERSON", "COBOS")]),
    ("THE SHAH APPOINTED LTG JAFFARQOLI SADRI.", None, [("ACRONYM", "LTG"), ("PERSON", "JAFFARQOLI SADRI")]),
    ("He spoke with Monsignor Montemayor.", "PERSON", ["Montemayor"]),
    ("In the 1990's and the 1980’s.", "DATE", ["1990's", "1980’s"]),
])
def test_bodies_titles_and_decades_round_4_showed(text: str, kind: str | None, expected: list) -> None:
    ents = extract_entities([text])
    got = [e.text for e in ents if e.type == kind] if kind else [(e.type, e.text) for e in ents]
    assert got == expected


def test_a_possessive_in_capitals_names_a_person_found_again_later() -> None:
    paras = ["SUBJECT: CHAVEZ'S FORMER PARTNER DISCUSSES HIS POLITICS",
             "CHAVEZ WAS INFLUENCED BY GUERRILLAS. IRAN'S LEADERS, THE GOVERNMENT'S VIEW, DE KLERK'S REFORMS AND "
             "THE DISIP'S ROLE. THE DIRECTORATE OF INTELLIGENCE AND PREVENTION SERVICES (DISIP) SAID NO."]
    people = [(e.paragraph, e.text) for e in extract_entities(paras) if e.type == "PERSON"]
    assert people == [(0, "CHAVEZ"), (1, "CHAVEZ"), (1, "DE KLERK")]


@pytest.mark.parametrize(("line", "expected"), [
    ("PRETORIA FOR DEA/WAGNER; THE HAGUE FOR DEA; JUSTICE FOR ICITAP",
     [("LOCATION", "PRETORIA"), ("ACRONYM", "DEA"), ("PERSON", "WAGNER"), ("LOCATION", "THE HAGUE"), ("ACRONYM", "DEA"),
      ("ORG", "JUSTICE"), ("ACRONYM", "ICITAP")]),
    ("FOR NEA, NEA/ELA AND DRL", [("ACRONYM", "NEA"), ("ACRONYM", "NEA"), ("ACRONYM", "ELA"), ("ACRONYM", "DRL")]),
    ("DEPARTMENT FOR USAID/OFDA: ROB THAYER, JAMES KESSINGER",
     [("ACRONYM", "USAID"), ("ACRONYM", "OFDA"), ("PERSON", "ROB THAYER"), ("PERSON", "JAMES KESSINGER")]),
    ("LONDON FOR KOLKER, PARIS FOR FENDRICK", [("LOCATION", "LONDON"), ("PERSON", "KOLKER"), ("PERSON", "FENDRICK")]),
    ("REF: (A) STATE 253201 (B) WILSON/MACK TELECON",
     [("CABLE_REF", "STATE 253201"), ("PERSON", "WILSON"), ("PERSON", "MACK")]),
    ("FOR THE RECORD, THE MINISTER SAID THAT HE WOULD COME.", []),
])
def test_address_lines_from_posts_departments_and_a_ref_lines_telecon(line: str, expected: list) -> None:
    assert [(e.type, e.text) for e in extract_entities([line])] == expected


def test_media_firms_and_forums_known_by_name() -> None:
    text = ("Al Masry Al Youm and Nile TV reported that PricewaterhouseCoopers audited the Forum on China-Africa "
            "Cooperation; the COMMUNIST PARTY disagreed.")
    assert [e.text for e in extract_entities([text]) if e.type == "ORG"] == [
        "Al Masry Al Youm", "Nile TV", "PricewaterhouseCoopers", "Forum on China-Africa Cooperation"]


@pytest.mark.parametrize(("text", "places"), [
    ("IN SOUTH TEHRAN AND SOUTHERN LEBANON", ["SOUTH TEHRAN", "SOUTHERN LEBANON"]),
    ("In Northern Mozambique and South East Asia, South Africa and North Korea.",
     ["Northern Mozambique", "South East Asia", "South Africa", "North Korea"]),
    ("He went north to Tehran, then to the North. Tehran was calm.", ["Tehran", "Tehran"]),
    ("They landed at Bagram Airfield and Incirlik Air Base.", ["Bagram Airfield", "Incirlik Air Base"]),
])
def test_regions_named_by_a_direction_and_airfields(text: str, places: list[str]) -> None:
    assert [e.text for e in extract_entities([text]) if e.type == "LOCATION"] == places


@pytest.mark.parametrize(("text", "acronyms"), [
    ("THE INDIRA GANDHI HOSPITAL (STILL FUNCTIONING, HE ADDED) STAYS OPEN.", []),
    ("SUBJECT: (S/NF) NIGERIA: KANO BUSINESSMAN ALLEGES CORRUPTION", []),
    ("THE RETURN OF NGOS TO AFGHANISTAN AND THE NGO", ["NGOS", "NGO"]),
    ("THE NATIONAL CIVIL POLICE (PNC) MET.", ["PNC"]),
])
def test_capitals_asides_markings_and_plural_acronyms(text: str, acronyms: list[str]) -> None:
    assert [e.text for e in extract_entities([text]) if e.type == "ACRONYM"] == acronyms


def test_capitals_bodies_named_after_a_person_or_a_place() -> None:
    text = "THEY WERE AT THE ALI ABAD CLINIC AND THE NATIONAL IRANIAN OIL COMPANY SAID THE PATIENTS LEFT SCHOOL."
    assert [(e.type, e.text) for e in extract_entities([text])] == [
        ("ORG", "ALI ABAD CLINIC"), ("ORG", "NATIONAL IRANIAN OIL COMPANY")]

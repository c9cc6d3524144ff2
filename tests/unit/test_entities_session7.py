"""General defects the fifth blind set (tests/fixtures/entities_blind5, first scored in session 7)
showed, each written as the shape any cable may use: organisations named beside their kind
(airlines, newspapers, banks) found again wherever the cable names them, capitals names ending
in an organisation word, the post as an organisation (``AMEMBASSY X``), and a government
acronym or owner kept out of a long form."""

from __future__ import annotations

import pytest

from tipreader.cable.entities import extract_entities


def typed(*paragraphs: str) -> list[tuple[str, str]]:
    return [(e.type, e.text) for e in extract_entities(list(paragraphs))]


def test_names_listed_after_their_kind_are_organisations_everywhere() -> None:
    ents = typed("TWO CARRIERS - VARIG AND VASP - ARE IN DEEP TROUBLE.",
                 "VARIG'S DEBT IS LARGE, AND VASP OWES INFRAERO MONEY.")
    assert ents.count(("ORG", "VARIG")) == 2 and ents.count(("ORG", "VASP")) == 2
    assert not [t for t, w in ents if t == "PERSON"]  # "VARIG'S": the airline's, not a person's


def test_a_list_before_its_kind_is_organisations() -> None:
    ents = typed("UNDER THIS SCENARIO, TAM, GOL, AND BRA - ALL WELL-RUN AIRLINES - WOULD TAKE OVER.",
                 "THE MARKET WOULD SHAKE OUT WITH GOL AND TAM EACH ASSUMING A 40 PERCENT SHARE.")
    assert [w for t, w in ents if t == "ORG"] == ["TAM", "GOL", "BRA", "GOL", "TAM"]


@pytest.mark.parametrize(("text", "orgs"), [
    ("The newspapers Dawn and Daily Times reported it, as did the daily Jang.", ["Dawn", "Daily Times", "Jang"]),
    ("Workers came from companies such as WorkUSA and Proline Management.", ["WorkUSA", "Proline Management"]),
])
def test_mixed_case_names_beside_their_kind(text: str, orgs: list[str]) -> None:
    assert [w for t, w in typed(text) if t == "ORG"] == orgs


@pytest.mark.parametrize("text", [
    "The Departments of Homeland Security, Labor and State, NGOs, and the diplomatic community met.",
    "Congress and NGOs, including Guaitarilla, Cajamarca, and Mapiripan, watch these cases.",
    "Banks such as RBS and HSBC lent the money.",  # acronyms stay acronyms
])
def test_lists_that_do_not_name_organisations_by_their_kind(text: str) -> None:
    orgs = [w for t, w in typed(text) if t == "ORG"]
    assert not {"Labor", "State", "Security", "Guaitarilla", "Cajamarca", "Mapiripan", "RBS", "HSBC"} & set(orgs)


@pytest.mark.parametrize(("text", "org"), [
    ("THE PEOPLE'S ASSEMBLY MET ON MONDAY.", "PEOPLE'S ASSEMBLY"),
    ("THE SHURA COUNCIL VOTED ON THE AMENDMENTS.", "SHURA COUNCIL"),
    ("THE AL WAFD PARTY OBJECTED TO THE LAW.", "AL WAFD PARTY"),
    ("THE LOCAL CIVIL AVIATION AUTHORITY GROUNDED SIX PLANES.", "CIVIL AVIATION AUTHORITY"),
    ("THE NATIONAL AIRPORT AUTHORITY DEMANDS CASH.", "NATIONAL AIRPORT AUTHORITY"),
])
def test_capitals_names_ending_in_an_organisation_word(text: str, org: str) -> None:
    assert ("ORG", org) in typed(text)


@pytest.mark.parametrize("text", [
    "SO FAR THE LULA ADMINISTRATION HAS NOT ACTED.",
    "HE SAW THE GAMAL PARTY AS A VEHICLE.",
    "THE DOUSTE-BLAZY MISSION ENDED.",
    "REDRAFTED COUNCIL CONCLUSIONS PRESENT NO NEW PROPOSALS.",
])
def test_a_persons_or_a_verbs_word_before_the_head_is_no_name(text: str) -> None:
    assert not [w for t, w in typed(text) if t == "ORG"]


def test_the_post_is_an_organisation() -> None:
    ents = typed("INPUT PROVIDED BY ECON SECTIONS AT AMEMBASSY BRASILIA AND AMCONSULATE SAO PAULO.")
    assert ("ORG", "AMEMBASSY BRASILIA") in ents and ("ORG", "AMCONSULATE SAO PAULO") in ents


def test_a_government_acronym_or_owner_is_not_in_the_long_form() -> None:
    ents = extract_entities(["EARLIER, THE GOB CIVIL AVIATION AUTHORITY (DAC) GROUNDED 6 PLANES. FINANCING FROM "
                             "THE GOB'S NATIONAL DEVELOPMENT BANK (BNDES) WAS CUT."])
    expansions = {e.text: e.expansion for e in ents if e.type == "ACRONYM" and e.expansion}
    assert expansions == {"DAC": "CIVIL AVIATION AUTHORITY", "BNDES": "NATIONAL DEVELOPMENT BANK"}


def test_an_organisation_before_a_given_name_is_no_office() -> None:
    ents = typed("President of the Egyptian Organization for Human Rights Hisham Kassem praised the call.")
    assert ("ORG", "Egyptian Organization for Human Rights") in ents and ("PERSON", "Hisham Kassem") in ents


@pytest.mark.parametrize(("text", "person"), [
    ("CLASSIFIED BY: AMBASSADOR FRANCIS J. RICCIARDONE, FOR REASONS 1.4 (B) AND (D).", "FRANCIS J. RICCIARDONE"),
    ("Journalist M.R. Narayan Swamy concluded that the election was lost.", "M.R. Narayan Swamy"),
])
def test_initials_belong_to_the_name(text: str, person: str) -> None:
    assert ("PERSON", person) in typed(text)


@pytest.mark.parametrize("text", [
    "The briefing referred to in Ref B. Saran characterized it as routine.",
    "F.M. Gul told reporters that he viewed the matter calmly.",
    "The U.S. Treasury and M.P. Nurettin Sozen from CHP disagreed.",
])
def test_offices_and_lettered_references_are_no_initials(text: str) -> None:
    assert not [w for t, w in typed(text) if t == "PERSON" and "." in w]


def test_a_short_line_in_capitals_is_read_as_the_capitals_cable_around_it() -> None:
    ents = typed("GAMAL MUBARAK",
                 "CAIRENE CONVENTIONAL WISDOM HOLDS THAT GAMAL WANTS THE JOB, DESPITE HIS REPEATED DENIALS TO THE "
                 "CONTRARY. MUBARAK SAID NOTHING ABOUT IT.")
    assert [w for t, w in ents if t == "PERSON"] == ["GAMAL MUBARAK", "GAMAL", "MUBARAK"]
    assert not [w for t, w in ents if t == "ACRONYM"]


def test_a_given_name_alone_is_the_one_person_so_named_but_not_when_two_are() -> None:
    one = extract_entities(["Rahul Gandhi spoke first.", "Later Rahul said nothing."])
    assert [(e.text, e.canonical) for e in one if e.type == "PERSON"] == [("Rahul Gandhi", "Rahul Gandhi"),
                                                                         ("Rahul", "Rahul Gandhi")]
    two = typed("Rahul Gandhi and Rahul Dravid spoke.", "Later Rahul said nothing.")
    assert ("PERSON", "Rahul") not in two


def test_amounts_in_other_currencies_are_money() -> None:
    ents = typed("VASP OWES INFRAERO 774 MILLION REAIS. IT COST 40 million dinars. 500 POUNDS OF COCAINE WERE SEIZED.")
    assert [w for t, w in ents if t == "MONEY"] == ["774 MILLION REAIS", "40 million dinars"]


def test_a_capitals_party_named_without_its_head_word() -> None:
    ents = typed("THE THIRD-PLACE FINISHER, AL WAFD PARTY CANDIDATE NOMAN GOMAA, LOST HIS SEAT.",
                 "CURRENT AL WAFD LEADER MAHMOUD ABAZA IS A TALENTED POLITICIAN.")
    assert ("ORG", "AL WAFD") in ents


def test_an_acronym_defined_by_apposition_in_another_languages_order() -> None:
    ents = extract_entities(["OTAIZA IS THE FORMER DIRECTOR OF CIVILIAN INTELLIGENCE SERVICE, DISIP, AND THE CURRENT "
                             "DIRECTOR OF THE NATIONAL INSTITUTE FOR COOPERATIVE EDUCATION, INCE). AS CHIEF OF INCE, "
                             "OTAIZA HAS RUN VARIOUS PROGRAMS."])
    expansions = {e.text: e.expansion for e in ents if e.type == "ACRONYM"}
    assert expansions == {"DISIP": "CIVILIAN INTELLIGENCE SERVICE",
                          "INCE": "NATIONAL INSTITUTE FOR COOPERATIVE EDUCATION"}


def test_a_known_acronym_in_a_list_is_no_apposition() -> None:
    ents = extract_entities(["The Ministry of Health, UNICEF, and WHO met the governor."])
    assert not [e for e in ents if e.type == "ACRONYM" and e.text == "UNICEF" and e.expansion == "Ministry of Health"]

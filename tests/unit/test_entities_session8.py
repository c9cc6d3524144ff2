"""Session 8 (issue 15): the extractor's review mends and the general rules the blind sets asked for.

Each test is the shape any cable may use, never one cable's words."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tipreader.cable import ent_patterns
from tipreader.cable.entities import extract_entities
from tipreader.cable.ent_text import is_government_acronym
from tipreader.library.expansions import learn_expansions


def typed(*paragraphs: str) -> list[tuple[str, str]]:
    return [(e.type, e.text) for e in extract_entities(list(paragraphs))]


@pytest.mark.parametrize("word", [w.replace("s?", "") for w in ent_patterns._AFTER_AMOUNT]
                         + [w.replace("?", "") for w in ent_patterns._AFTER_AMOUNT if w.endswith("s?")])
def test_every_currency_the_pattern_knows_passes_its_gate(word: str) -> None:
    # the gate and the pattern are made of one list: a currency after an amount is always money
    assert typed(f"The fine was 40 million {word} in all.") == [("MONEY", f"40 million {word}")]


@pytest.mark.parametrize(("word", "expected"), [
    ("GOB", True), ("GOAJ", True), ("GO", False), ("GOB1", False), ("GOVT", True), ("GOVERNMENT", False),
    ("GoB", False), ("GOÉ", False)])
def test_government_acronym_shape(word: str, expected: bool) -> None:
    assert is_government_acronym(word) is expected


def test_an_acronym_defined_by_apposition_elsewhere_is_learnt() -> None:
    other = SimpleNamespace(paragraphs=[SimpleNamespace(
        index=0, text="He once led the Civilian Intelligence Service, DISIP, and then retired.")])
    library = SimpleNamespace(root="apposition-test", search=lambda query, limit: [SimpleNamespace(ref_id="09CARACAS1")],
                              get=lambda ref: other)
    assert learn_expansions(library, ["DISIP"], exclude="09CARACAS2") == {"DISIP": "Civilian Intelligence Service"}


def test_a_capitals_surname_ending_like_a_verb_is_still_a_name() -> None:
    ents = typed("BOEING VICE PRESIDENT THOMAS PICKERING, ACCOMPANIED BY THE AMBASSADOR, MET THE MINISTER.",
                 "PICKERING MADE THE CASE FOR ELIMINATION OF SUBSIDIES.")
    assert [w for t, w in ents if t == "PERSON"] == ["THOMAS PICKERING", "PICKERING"]


def test_an_inflected_word_before_a_capitals_name_is_not_a_given_name() -> None:
    ents = typed("PRESIDENT THABO MBEKI SPOKE.", "SUBJECT: THIN-SKINNED MBEKI WILL REQUIRE DEFT HANDLING")
    assert [w for t, w in ents if t == "PERSON"] == ["THABO MBEKI", "MBEKI"]


def test_a_given_name_two_people_share_means_the_one_named_last() -> None:
    ents = extract_entities([
        "THE SUCCESSION OF GAMAL MUBARAK IS DISCUSSED.",
        "GAMAL WANTS THE JOB, AND GAMAL IS BEING GROOMED.",
        "NO PRESIDENT SINCE GAMAL ABDEL NASSER CAME FROM OUTSIDE THE ARMY.",
        "GAMAL DID NOT SERVE.",
    ])
    people = [(e.paragraph, e.text, e.canonical) for e in ents if e.type == "PERSON"]
    assert people == [(0, "GAMAL MUBARAK", "GAMAL MUBARAK"), (1, "GAMAL", "GAMAL MUBARAK"), (1, "GAMAL", "GAMAL MUBARAK"),
                      (2, "GAMAL ABDEL NASSER", "GAMAL ABDEL NASSER"), (3, "GAMAL", "GAMAL ABDEL NASSER")]


def test_a_shared_given_name_before_either_full_name_is_no_one() -> None:
    ents = typed("GAMAL SPOKE FIRST.", "GAMAL MUBARAK AND GAMAL ABDEL NASSER ARE TWO MEN.", "GAMAL LEFT.")
    assert [w for t, w in ents if t == "PERSON"] == ["GAMAL MUBARAK", "GAMAL ABDEL NASSER"]


@pytest.mark.parametrize(("text", "acronym", "long_form"), [
    ("It raised the suspicion of Ghana Ports Authority, Customs, Excise, and Preventative Service (CEPS) because",
     "CEPS", "Customs, Excise, and Preventative Service"),
    ("IOM's partner - the International Organization for Peace, Care, and Relief (IOPCR) - gave aid.",
     "IOPCR", "International Organization for Peace, Care, and Relief"),
    ("The United Nations Educational, Scientific and Cultural Organization (UNESCO) met.",
     "UNESCO", "United Nations Educational, Scientific and Cultural Organization"),
    # the letters do not spell a list: the name before the bracket, as before
    ("On December 10, the National Directorate (DN) met.", "DN", "National Directorate"),
    ("Officials of the Anti-Kidnapping Unit, and the Financial Analysis Unit (UIAF) came.", "UIAF",
     "Financial Analysis Unit"),
])
def test_a_long_form_listed_with_commas(text: str, acronym: str, long_form: str) -> None:
    ents = extract_entities([text])
    assert {e.text: e.expansion for e in ents if e.type == "ACRONYM"}[acronym] == long_form
    assert ("ORG", long_form) in [(e.type, e.text) for e in ents]


def test_an_address_line_names_a_department_and_a_person_before_an_office() -> None:
    ents = typed("DEPT OF TREASURY FOR FPARODI", "DOT FOR SUSAN MCDERMOTT, CAROLYN COLDREN FAA MIAMI FOR MARK RIOS")
    assert ents == [("ORG", "DEPT OF TREASURY"), ("PERSON", "FPARODI"), ("ACRONYM", "DOT"), ("PERSON", "SUSAN MCDERMOTT"),
                    ("PERSON", "CAROLYN COLDREN"), ("ACRONYM", "FAA"), ("LOCATION", "MIAMI"), ("PERSON", "MARK RIOS")]


def test_an_organisation_word_as_owner_is_not_in_the_name() -> None:
    assert typed("They apologized to members of Parliament’s Treasury Select Committee, especially.") == [
        ("ORG", "Parliament"), ("ORG", "Treasury Select Committee")]


def test_papers_a_press_review_cites() -> None:
    ents = typed('Papers protested the "Hue and Cry Over Release of Dr. Khan" (Islam) and '
                 '"Maltreatment of Dr. Khan Does not Befit Us" (Jang).',
                 "The English Daily Times editorial on Sunday argued it. English language Dawn suggested more. "
                 "Semana Magazine's editorial agreed, and Jang said so again.")
    assert [w for t, w in ents if t == "ORG"] == ["Islam", "Jang", "Daily Times", "Dawn", "Semana Magazine", "Jang"]


@pytest.mark.parametrize("text", [
    'the GOB\'s "Zero Fome" (Zero Hunger) program',  # a translation, not a paper
    'Sabrido stated that "(Castro) does not have a majority"',
    "a previous Dink editorial",  # a writer's, not a paper's
    "Urdu editorials unanimously praised it.",
    "Kurdish language Christian materials",
])
def test_no_paper_without_a_press_review_shape(text: str) -> None:
    assert not [w for t, w in typed(text) if t == "ORG"]


def test_a_kind_after_modifiers_names_an_organisation_everywhere() -> None:
    ents = typed("THEY DISCUSSED WHETHER TO BAIL OUT THE AILING BRAZILIAN CARRIER VARIG. VARIG'S TREMENDOUS DEBT "
                 "BURDEN WORRIES THEM.", "THE GOVERNMENT WILL MOVE WITH RESPECT TO VARIG SOON AFTER THE NEW YEAR.")
    assert [(t, w) for t, w in ents if w == "VARIG"] == [("ORG", "VARIG")] * 3


def test_a_family_name_written_first_names_the_person_alone() -> None:
    ents = extract_entities(["Deputy Director Yang Yi told PolOff on April 11.",
                             "Reading from prepared points, Yang said China attaches great importance to it."])
    assert [(e.text, e.canonical) for e in ents if e.type == "PERSON"] == [("Yang Yi", "Yang Yi"), ("Yang", "Yang Yi")]


def test_a_month_after_a_name_is_no_given_name() -> None:
    ents = extract_entities(["Minister Manzanares Oct. 3 said so.", "Manzanares agreed."])
    assert [(e.type, e.text, e.canonical) for e in ents] == [
        ("PERSON", "Manzanares", "Manzanares"), ("DATE", "Oct. 3", None), ("PERSON", "Manzanares", "Manzanares")]


def test_a_bracketed_aside_after_a_title_and_an_office_listed_in_capitals() -> None:
    ents = typed("GOB VICE-PRESIDENT (AND ALSO DEFMIN) ALENCAR HAD MORE TO SAY.",
                 "IN MEETINGS WITH MINISTER OF DEVELOPMENT, INDUSTRY, AND COMMERCE FURLAN THEY SPOKE.",
                 "ALENCAR AGREED.")
    assert [w for t, w in ents if t == "PERSON"] == ["ALENCAR", "FURLAN", "ALENCAR"]


def test_a_bracket_after_a_title_word_that_closes_a_name_is_no_aside() -> None:
    ents = typed("--(3) Servicio de Paz y Justicia (Service for Peace and Justice).\n--(4) Red de Salud de las Mujeres")
    assert not [w for t, w in ents if t == "PERSON"]


@pytest.mark.parametrize(("text", "person"), [
    ("Poloff met Icelandic MFA Director Nikulas Hannigan February 24 at the ministry.", "Nikulas Hannigan"),
    ("The Ambassador met Foreign Minister Miguel Angel Moratinos November 10 in Madrid.", "Miguel Angel Moratinos"),
    ("He met Minister of Justice and Judicial Affairs Pieter Ramaer on Monday.", "Pieter Ramaer"),
])
def test_a_date_or_an_office_is_not_in_a_name(text: str, person: str) -> None:
    assert [w for t, w in typed(text) if t == "PERSON"] == [person]


def test_organisations_listed_with_and_or_after_their_kind() -> None:
    ents = typed("THE WAY OUT COULD INVOLVE TEAMING VARIG UP WITH LOCAL CARRIERS GOL AND/OR TAM, WITH A PLAN.",
                 "TAM/GOL WOULD INHERIT THE PENSION FUND.")
    assert [(t, w) for t, w in ents if w in ("GOL", "TAM")] == [("ORG", "GOL"), ("ORG", "TAM"), ("ORG", "TAM"),
                                                                  ("ORG", "GOL")]


@pytest.mark.parametrize("text", ["THE MAN AT THE CENTER OF THIS DEBATE.", "THE MINISTER IN THE OFFICE OF THE PRESIDENCY."])
def test_an_organisation_word_before_of_and_a_stop_word_is_no_name(text: str) -> None:
    assert not [w for t, w in typed(text) if t == "ORG"]


def test_a_capitals_name_repeated_by_its_surname() -> None:
    ents = typed("WHEN ASKED ABOUT VEDRINE'S MEETING WITH LAKHDAR BRAHIMI, BOURDON REPLIED.",
                 "BRAHIMI ALSO EXPRESSED CONCERN.")
    people = [w for t, w in ents if t == "PERSON"]
    assert "LAKHDAR BRAHIMI" in people and people[-1] == "BRAHIMI"


@pytest.mark.parametrize("text", [
    "THE GLOBEMASTER TAKEOFFS RESUMED. 124 TAKEOFFS WERE LOGGED. TAKEOFFS CONTINUE.",  # a thing counted
    "PRESIDENT ARIAS VISITED COSTA RICA. RICA IS SMALL.",  # a place
])
def test_no_repeated_name_without_a_name_shape(text: str) -> None:
    assert not {"GLOBEMASTER TAKEOFFS", "COSTA RICA"} & {w for t, w in typed(text) if t == "PERSON"}


def test_a_countrys_initials_are_in_an_organisations_name() -> None:
    assert typed("He is an official with the UK Border Agency and the US Coast Guard.") == [
        ("ORG", "UK Border Agency"), ("ORG", "US Coast Guard")]


def test_units_a_person_heads_and_the_us_government_in_capitals() -> None:
    ents = typed("IT WAS LIKELY THE U.S. GOVERNMENT WOULD KNOW MORE. AMBASSADOR MARIO VILALVA (HEAD OF THE BUSINESS "
                 "PROMOTION OFFICE) AND COUNSELOR RALPH PETER HENDERSON (CHIEF OF THE IMMIGRATION DIVISION) CAME.")
    assert [w for t, w in ents if t == "ORG"] == ["U.S. GOVERNMENT", "BUSINESS PROMOTION OFFICE", "IMMIGRATION DIVISION"]


def test_a_country_glued_to_another_by_a_slash_is_not_in_a_name() -> None:
    assert ("ORG", "Joint Terrorist Finance Coordinating Committee") in typed(
        "The U.S./UAE Joint Terrorist Finance Coordinating Committee met.")


def test_a_factions_letter_is_in_the_name_but_a_country_is_not() -> None:
    assert ("ORG", "Pakistan Muslim League-N") in typed("Pakistan Muslim League-N (PML-N) leader Nawaz Sharif spoke.")
    assert ("ORG", "Mercosul") in typed("The Mercosul-U.S. talks stalled.")


def test_local_describes_a_capitals_long_form_it_does_not_name_it() -> None:
    ents = extract_entities(["COMPETITORS SAY THE LOCAL CIVIL AVIATION AUTHORITY (DAC) HAS ACTED."])
    assert [(e.type, e.text, e.expansion) for e in ents] == [
        ("ORG", "CIVIL AVIATION AUTHORITY", None), ("ACRONYM", "DAC", "CIVIL AVIATION AUTHORITY")]


def test_an_adverb_after_a_capitals_title_is_no_name() -> None:
    assert not [w for t, w in typed("THE ARAB LEAGUE SECRETARY GENERAL PRUDENTLY HAS NEVER SAID SO.") if t == "PERSON"]


def test_a_capitals_possessive_without_its_apostrophe() -> None:
    ents = extract_entities(["GAMAL MUBARAK WAITED.", "GAMALS PLANS WORRY THE ARMY."])
    assert [(e.text, e.canonical) for e in ents if e.type == "PERSON"] == [("GAMAL MUBARAK", "GAMAL MUBARAK"),
                                                                         ("GAMALS", "GAMAL MUBARAK")]


CAPITALS = "THIS IS A CABLE WRITTEN IN CAPITALS ONLY, AS OLD CABLES WERE."


def test_places_in_capitals_after_a_preposition_and_with_an_ordinary_first_word() -> None:
    ents = typed("THE ANC WON THE ELECTION IN WESTERN CAPE AND KWAZULU-NATAL, BUT THE DA HOLDS WESTERN CAPE NOW.",
                 "POLOFF TRAVELED TO LIMPOPO AND MPUMALANGA PROVINCES.", CAPITALS)
    assert [w for t, w in ents if t == "LOCATION"] == ["WESTERN CAPE", "KWAZULU-NATAL", "LIMPOPO", "MPUMALANGA"]


def test_a_mixed_case_place_with_an_ordinary_first_word() -> None:
    ents = typed("Poloff traveled to New Orleans and to the Western Cape, where Western officials met.")
    assert [w for t, w in ents if t == "LOCATION"] == ["New Orleans", "Western Cape"]


@pytest.mark.parametrize("text", ["DOT FOR SUSAN MCDERMOTT STATE PLEASE PASS TO FAA MIAMI FOR MARK RIOS",
                                  "THE SHIPS WAITED IN THE BAY FOR DAYS.", "FAR EAST"])
def test_no_capitals_place_from_an_acronym_or_a_word(text: str) -> None:
    places = [w for t, w in typed(text, CAPITALS) if t == "LOCATION"]
    assert "FAA" not in places and "BAY" not in places


def test_the_far_east_is_a_region() -> None:
    assert ("LOCATION", "Far East") in typed("It came from Ecuador rather than the Far East, as usual.")


@pytest.mark.parametrize(("text", "expansion"), [
    ("The rocket would be a so-called Variable Specific Impulse Magnetoplasma Rocket, or VASIMR. It uses plasma.",
     "Variable Specific Impulse Magnetoplasma Rocket"),
    ("He met the Ministry of Interior, or MOI, today.", "Ministry of Interior"),
    ("We saw apples, oranges, or MOI.", None),  # lower-case words are no long form
])
def test_an_acronym_named_with_or(text: str, expansion: str | None) -> None:
    assert next(e.expansion for e in extract_entities([text]) if e.type == "ACRONYM") == expansion

"""The hard cases of issue 7, each on its own: short texts taken from real cables."""

from __future__ import annotations

from tipreader.cable.entities import extract_entities, glossary
from tipreader.cable.model import Entity, Paragraph


def ents(*paragraphs: str) -> list[Entity]:
    return extract_entities(list(paragraphs))


def of(entities: list[Entity], etype: str) -> list[str]:
    return [e.text for e in entities if e.type == etype]


# --- PERSON ---------------------------------------------------------------------------


def test_title_is_not_part_of_the_name() -> None:
    found = ents("In particular, President Felipe Calderon passed a federal anti-trafficking in persons law.")
    assert of(found, "PERSON") == ["Felipe Calderon"]


def test_poloff_title() -> None:
    found = ents("The mission's point of contact on the Trafficking in Persons (TIP) Report is Poloff Janelle Guest.")
    assert of(found, "PERSON") == ["Janelle Guest"]


def test_citizen_comma_name_with_initial() -> None:
    found = ents("On January 10, 2008, U.S. Citizen, John D. Armstrong gave a guilty plea in a federal court.")
    assert of(found, "PERSON") == ["John D. Armstrong"]
    assert of(found, "LOCATION") == ["U.S."]


def test_alias_after_aka_is_linked_to_the_name() -> None:
    found = ents('agents arrested Ignacio Antonio Santoyo-Cervantes a.k.a "Sony" pursuant to a federal arrest warrant')
    people = [e for e in found if e.type == "PERSON"]
    assert [p.text for p in people] == ["Ignacio Antonio Santoyo-Cervantes", "Sony"]
    assert people[1].canonical == "Ignacio Antonio Santoyo-Cervantes"


def test_surname_only_mentions_link_to_the_full_name() -> None:
    found = ents(
        "On November 27, 2007, President Felipe Calderon signed a law.",
        "According to the law, President Calderon needs to appoint the agency. Calderon has not decided.",
    )
    later = [e for e in found if e.type == "PERSON" and e.paragraph == 1]
    assert [e.text for e in later] == ["Calderon", "Calderon"]
    assert {e.canonical for e in later} == {"Felipe Calderon"}


def test_names_joined_by_and() -> None:
    found = ents("Pfizer lawyers Joe Petrosinelli and Atiba Adams reported that Pfizer had agreed.")
    assert of(found, "PERSON") == ["Joe Petrosinelli", "Atiba Adams"]
    assert of(found, "ORG") == ["Pfizer", "Pfizer"]


def test_signature_of_the_last_paragraph() -> None:
    found = ents("Levy dismissed political calculation.", "JEFFREY")
    assert of(found, "PERSON")[-1] == "JEFFREY"


# --- ORG ------------------------------------------------------------------------------


def test_long_form_of_an_acronym_is_an_org() -> None:
    found = ents("-- The National Migration Institute (INM) issued nine visas to trafficking victims.")
    assert of(found, "ORG") == ["National Migration Institute"]
    assert [(e.text, e.expansion) for e in found if e.type == "ACRONYM"] == [("INM", "National Migration Institute")]


def test_generic_government_and_post_are_not_orgs() -> None:
    found = ents(
        "A vetted unit could help the Government's efforts. The Government recently assigned TIP cases. "
        "Post also requests that the names not be made public."
    )
    assert of(found, "ORG") == []


def test_government_of_country_and_courts() -> None:
    found = ents("In Kano State Court there is one civil suit and in the Federal High Court one criminal case.")
    assert of(found, "ORG") == ["Kano State Court", "Federal High Court"]


# --- ACRONYM --------------------------------------------------------------------------


def test_spanish_long_form() -> None:
    found = ents("officers from Secretaria de Seguridad Publica (SSP) participated in a training course.")
    assert glossary(found) == {"SSP": "Secretaria de Seguridad Publica"}
    assert of(found, "ORG") == ["Secretaria de Seguridad Publica"]


def test_long_expansion_beyond_the_classic_window() -> None:
    found = ents(
        "officers from Centro Nacional de Planeacion e Informacion para el combate a la delincuencia (CENAPI) "
        "participated in a 24-hour training course."
    )
    assert glossary(found)["CENAPI"] == "Centro Nacional de Planeacion e Informacion para el combate a la delincuencia"


def test_definition_after_first_use_expands_every_mention() -> None:
    found = ents(
        "INM and state law enforcement undertook various training programs.",
        "National Migration Institute (INM) is developing specific procedures.",
    )
    inm = [e for e in found if e.text == "INM"]
    assert len(inm) == 2 and {e.expansion for e in inm} == {"National Migration Institute"}


def test_missing_bracket() -> None:
    found = ents("Secretary for Health, Secretary of Labor STPS), Secretary of Public Education (SEP), along with")
    gl = glossary(found)
    assert gl["STPS"] == "Secretary of Labor"
    assert gl["SEP"] == "Secretary of Public Education"


def test_english_long_form_of_spanish_acronyms() -> None:
    found = ents(
        "Agencies include: Mexican Attorney General's Office (PGR), National Institute for Women (INMUJERES), "
        "Mexico's Foreign Relations Secretariat (SRE), Secretary of government (SEGOB)."
    )
    assert glossary(found) == {
        "PGR": "Mexican Attorney General's Office",
        "INMUJERES": "National Institute for Women",
        "SRE": "Foreign Relations Secretariat",
        "SEGOB": "Secretary of government",
    }


def test_compounds_resolve_to_parts() -> None:
    found = ents(
        "officials work closely with DHS-ICE. ICE/USAID and Proteja provided training. "
        "Post will continue to update G/TIP. Five states passed anti-TIP legislation; NGOs agree."
    )
    assert of(found, "ACRONYM") == ["DHS", "ICE", "ICE", "USAID", "G/TIP", "TIP", "NGOs"]


def test_plural_acronym_takes_the_singular_key() -> None:
    found = ents("the names of the non-governmental organizations (NGOs) working with the Government of Mexico (GOM)")
    assert glossary(found) == {"NGO": "non-governmental organizations", "GOM": "Government of Mexico"}


def test_markings_money_and_structural_words_are_not_acronyms() -> None:
    found = ents(
        "(SBU) QUESTION A. Is the country of origin? POST RESPONSE: Congress approved a $7 million USD budget. "
        "REF: A. 2006 STATE 202745"
    )
    assert of(found, "ACRONYM") == []
    assert of(found, "MONEY") == ["$7 million USD"]
    assert of(found, "CABLE_REF") == ["2006 STATE 202745"]


def test_upper_case_paragraph_is_conservative() -> None:
    text = (
        "THE NATIONAL MIGRATION INSTITUTE (INM) AND THE PGR SIGNED AN AGREEMENT WITH THE IOM IN TIJUANA ON "
        "JULY 30, 2007. MOST VICTIMS COME FROM CENTRAL AMERICA, PRESIDENT CALDERON SAID."
    )
    found = ents(text)
    assert of(found, "ACRONYM") == ["INM", "PGR", "IOM"]
    assert of(found, "LOCATION") == ["TIJUANA", "CENTRAL AMERICA"]
    assert of(found, "DATE") == ["JULY 30, 2007"]
    assert of(found, "PERSON") == ["CALDERON"]


def test_implicit_definition_from_initials() -> None:
    found = ents("Mexico and Guatemala signed a Memorandum of Understanding for the Protection of Women. This MOU created a commission.")
    assert glossary(found) == {"MOU": "Memorandum of Understanding"}
    assert of(found, "LAW") == ["Memorandum of Understanding"]


# --- LOCATION -------------------------------------------------------------------------


def test_gazetteer_places() -> None:
    found = ents("Victims come from Central America, the Caribbean, Eastern Europe, and Asia, and go to Baja California and Mexico City.")
    assert of(found, "LOCATION") == ["Central America", "Caribbean", "Eastern Europe", "Asia", "Baja California", "Mexico City"]


def test_surnames_and_common_words_are_not_places_out_of_context() -> None:
    found = ents(
        "Attorney General Eduardo Medina Mora appointed her. Most victims originating from Mexico are women; "
        "the Central Sector of INM trained them."
    )
    assert of(found, "LOCATION") == ["Mexico"]
    assert "Eduardo Medina Mora" in of(found, "PERSON")


def test_ambiguous_place_in_context() -> None:
    found = ents("Victims were found in Guerrero, Oaxaca and Chiapas.")
    assert of(found, "LOCATION") == ["Guerrero", "Oaxaca", "Chiapas"]


def test_person_named_like_a_country() -> None:
    found = ents(
        "Poloff met Deputy Director Manuel Montenegro, who is well versed on the issue.",
        "Montenegro said Brazil continues to oppose it.",
    )
    assert [(e.text, e.type) for e in found if e.paragraph == 1] == [("Montenegro", "PERSON"), ("Brazil", "LOCATION")]


# --- DATE, MONEY, PERCENT, PHONE, CABLE_REF, LAW --------------------------------------


def test_dates_and_ranges() -> None:
    found = ents("-- July 30-August 3, 2007 PGR trained officials; on November 27, 2007 and in January 2008 again; DTG 112219Z MAR 08.")
    assert of(found, "DATE") == ["July 30-August 3, 2007", "November 27, 2007", "January 2008", "112219Z MAR 08"]


def test_money_range_is_two_amounts() -> None:
    found = ents('500-1500 "fine days" (approximately $2,434 USD-$78,885 USD) and $3,651 USD-$10,954USD')
    assert of(found, "MONEY") == ["$2,434 USD", "$78,885 USD", "$3,651 USD", "$10,954USD"]
    assert of(found, "PHONE") == []


def test_percent() -> None:
    found = ents("(80%) came from Central America (Guatemala 44%, Honduras 19%) and another 50 percent from elsewhere.")
    assert of(found, "PERCENT") == ["80%", "44%", "19%", "50 percent"]


def test_phone_with_extension() -> None:
    found = ents("She may be reached by telephone at (52) (55) 5080-2000, ext. 4806, or by fax at (52) (55) 5080-2247.")
    assert of(found, "PHONE") == ["(52) (55) 5080-2000, ext. 4806", "(52) (55) 5080-2247"]


def test_cable_refs() -> None:
    found = ents("REF: A. 2006 STATE 202745 B. 09 SANAA 1936 C. ANKARA 1532")
    assert of(found, "CABLE_REF") == ["2006 STATE 202745", "09 SANAA 1936", "ANKARA 1532"]


def test_laws() -> None:
    found = ents(
        'E.O. 12958: N/A. Article 6 (a) states the penalty; Article 6 section (b) adds more. '
        "Pfizer must abide by the U.S. Foreign Corrupt Practices Act."
    )
    assert of(found, "LAW") == ["E.O. 12958", "Article 6 (a)", "Article 6 section (b)", "Foreign Corrupt Practices Act"]


# --- offsets and inputs ---------------------------------------------------------------


def test_mention_across_a_line_break_is_one() -> None:
    text = "-- The National Migration\nInstitute (INM) issued visas in Baja\nCalifornia."
    found = ents(text)
    assert [(e.type, e.text) for e in found] == [
        ("ORG", "National Migration\nInstitute"),
        ("ACRONYM", "INM"),
        ("LOCATION", "Baja\nCalifornia"),
    ]


def test_paragraph_objects_use_their_index_and_offsets_index_the_text() -> None:
    paras = [
        Paragraph(index=4, number=1, marking="SBU", page=1, text="Poloff Janelle Guest met the IOM."),
        Paragraph(index=7, number=None, marking=None, page=2, text="GUEST", kind="signature"),
    ]
    found = extract_entities(paras)
    assert {e.paragraph for e in found} == {4, 7}
    for e in found:
        text = paras[0].text if e.paragraph == 4 else paras[1].text
        assert text[e.start : e.end] == e.text


def test_empty_and_odd_input() -> None:
    assert extract_entities([]) == []
    assert extract_entities(["", "   ", "()", "(", ")", "$", "A/", "/B", "--", "’s"]) == []

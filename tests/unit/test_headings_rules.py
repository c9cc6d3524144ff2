"""Titles set apart by rules on unwrapped or oddly typed lines: real cables of ../shared/cables.

Each expected value was written by reading the cable's text (the WikiLeaks page) before the
change that makes it pass; each case is one shape the glued-heading count of the corpus test found.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tipreader.cable import Cable, parse_file
from tipreader.cable.headings import heading_at


def _cable(shared_cables: Path, name: str) -> Cable:
    return parse_file(shared_cables / "wikileaks-html" / f"{name}.html")[0]


def _before(cable: Cable, title: str) -> str:
    """The text of the paragraph before the heading ``title`` (which must be a heading)."""
    for para in cable.paragraphs:
        if para.text == title:
            assert para.kind == "heading", para
            return cable.paragraphs[para.index - 1].text
    raise AssertionError(f"no paragraph {title!r}: {[p.text[:40] for p in cable.paragraphs]}")


def _no_rule_shown(cable: Cable) -> None:
    assert not any("-----" in p.text for p in cable.paragraphs), [p.text[-80:] for p in cable.paragraphs if "-----" in p.text]


def test_the_upper_rule_of_a_framed_title_after_a_sentence_is_no_text(shared_cables: Path) -> None:
    # `... such as Bolivia, Ecuador, and Venezuela.------------------------` / `Macri's Political Future ------`
    cable = _cable(shared_cables, "08BUENOSAIRES1150")
    assert _before(cable, "Macri's Political Future").endswith("other countries such as Bolivia, Ecuador, and Venezuela.")
    assert _before(cable, "Comment").endswith("a central plank of his election campaign -- has stalled, he said.")
    _no_rule_shown(cable)
    # the same in a line collapsed with the title and its rules: `... continued.------ ----- Menem Rejects ... ----- -----`
    cable = _cable(shared_cables, "08BUENOSAIRES702")
    assert _before(cable, "Menem Rejects the Charges as Politically Motivated").endswith('the "Syrian lead", the article continued.')
    _no_rule_shown(cable)
    # a title glued to its rule with no space (`... and Boliviia-------`) after such a line
    cable = _cable(shared_cables, "06BUENOSAIRES118")
    assert _before(cable, "Hopefulness about Latin America and Boliviia").endswith("They both have a strong interest in Latin America.")


def test_a_title_may_end_with_an_abbreviation(shared_cables: Path) -> None:
    cable = _cable(shared_cables, "08LONDON2486")
    assert _before(cable, "UK Reaction to Events in the U.S.").endswith("until Parliament resumes on October 6.")
    cable = _cable(shared_cables, "08LONDON2027")
    assert _before(cable, "Government Support from BERR, Downing St.").endswith("the UK,s nuclear renaissance.")
    # the title's last word on the far side of its rule (`... Opportunity, USG ------ ------ Support -------`)
    assert _before(cable, "U.S. Service Providers Enthusiastic About Opportunity, USG Support").endswith(
        "will need investment to upgrade production facilities."
    )
    # `U.S.` inside the title is no sentence end even with no sentence before it on the line
    cable = _cable(shared_cables, "09MOSCOW2932")
    assert _before(cable, "Journalist Asks about U.S. S&T Funds, Russian Scientists in U.S.").endswith(
        "to get visa issues raised to higher levels in the U.S. government."
    )
    _no_rule_shown(cable)
    # an underlined `U.S.` over the list of participants is a heading; paragraph numbers stay
    cable = _cable(shared_cables, "08SAOPAULO499")
    assert _before(cable, "U.S. Reps Consult on JAPER").endswith("nor the JAPER even existed. End Summary.")
    assert [p.number for p in cable.paragraphs if p.number] == list(range(1, 10))


def test_framed_titles_after_a_redaction_or_with_a_double_hyphen(shared_cables: Path) -> None:
    # `... Members: XXXXXXXXXXXX -------- Bio Note --------`
    cable = _cable(shared_cables, "10CAIRO119")
    assert _before(cable, "Bio Note") == "Current Guidance Bureau Members: XXXXXXXXXXXX"
    # `... (Al Masry Al Youm, 9/8/2009). ------ Iraqi--Egyptian Cooperation in the Field of Oil Drilling ------`
    cable = _cable(shared_cables, "09CAIRO1803")
    assert _before(cable, "Iraqi--Egyptian Cooperation in the Field of Oil Drilling").endswith("(Al Masry Al Youm, 9/8/2009).")
    # a stray character before the frame: `8 ------ Concerns about the Vienna Convention ------`
    cable = _cable(shared_cables, "09STATE100957")
    assert _before(cable, "Concerns about the Vienna Convention").endswith("was &patria, restitucion, o muerte.")
    # a garbled letter inside the rule: `...BUT DOESN'T WANT TO BE ISOLATED EITHER -------Q-------`
    cable = _cable(shared_cables, "08BOGOTA1715")
    assert _before(cable, "...BUT DOESN'T WANT TO BE ISOLATED EITHER").endswith("was unlikely to support the concept by May 28.")


def test_section_numerals_stay_with_titles_on_a_page_with_line_separators(shared_cables: Path) -> None:
    # the page writes U+2028 where lines wrapped: `\u2028\u2028-----` is a rule, `\u2028I. REFORM ...` a title
    cable = _cable(shared_cables, "06MEXICO2220")
    assert [p.number for p in cable.paragraphs if p.number] == list(range(1, 33))
    headings = [p.text for p in cable.paragraphs if p.kind == "heading"]
    assert "I. REFORM THE TAX SYSTEM AND MAINTAIN FISCAL BALANCE" in headings
    assert "VIII. CULTIVATE RESPECT FOR INTELLECTUAL PROPERTY RIGHTS" in headings
    assert "X. ADDRESS MEXICO'S PERSISTENT POVERTY" in headings
    assert not any("\u2028" in p.text for p in cable.paragraphs)
    _no_rule_shown(cable)


def test_a_title_of_its_own_that_ends_a_sentence_keeps_its_rule_apart() -> None:
    # a quoted title is a title even with its full stop; a sentence on a wrapped line is not
    assert heading_at(["text.", "", 'Sanctions: "We Can Resist Indefinitely." -----', ""], 2) == (
        'Sanctions: "We Can Resist Indefinitely."',
        3,
    )
    assert heading_at(["", "a social crisis and saved CFK from an early exit.) -----", ""], 1) is None



def _around(cable: Cable, title: str) -> tuple[str, str]:
    """(the text of the paragraph before the heading ``title``, of the one after it)."""
    before = _before(cable, title)
    index = next(p.index for p in cable.paragraphs if p.text == title)
    return before, cable.paragraphs[index + 1].text


# (cable, heading, how the paragraph before it ends), each read in the cable
HEADINGS = [
    # a line in capitals above the last may end with a comma or a colon
    ("05BEIRUT2153", "QUICK CABINET FORMATION NEEDED, WITH FIVE SEATS TO AMAL-HIZBALLAH", '"and you\'ll hear me talk about reform."'),
    ("09BEIRUT818", "MIDDLE EAST PEACE: NOT AT THE EXPENSE OF LEBANON", "veto power for the opposition."),
    # the rule on the title's last line: `NO PROSECUTOR GENERAL FOR MONTHS, MINISTER OF` / `INTERIOR & ... SOLUTION -----`
    (
        "09BOGOTA3441",
        "NO PROSECUTOR GENERAL FOR MONTHS, MINISTER OF INTERIOR & JUTICE RESIGNATION MAY BE ONLY SOLUTION",
        "urged the USG to pay attention to MOD dysfunctionality.",
    ),
    # an agenda item's title of 160 characters on a line of its own, its rule after it
    (
        "09LONDON2119",
        "GUIDELINES FOR CONSIDERATION OF REQUESTS FOR SAFETY ZONES LARGER THAN 500 METERS AROUND ARTIFICIAL "
        "ISLANDS AND STRUCTURES IN THE EXCLUSIVE ECONOMIC ZONE (EEZ)",
        "V/18-20 for approval by the Committee.",
    ),
    # after a semicolon or a colon ending prose; a title with a colon of its own stays one title
    ("08LONDON2778", "Unusual Chinese Letters of Credit", "off-the-books and/or cash-based trade;"),
    ("09MANAMA587", "Human Rights", "organizations operating in Bahrain:"),
    ("08BRASILIA129", "Defense Cooperation Agreement: The Battle is Joined", "with the United States. End summary."),
    # the cable lost the title's first letter (`Non-Proliferation`), or wrote it small
    ("06BUENOSAIRES2711", "on-Proliferation and PSI", "recognizing their limited capacity. END SUMMARY."),
    ("09MANAMA483", "and now Russia . . .", "framework agreement in October 2008 (ref B)."),
    # a collapsed line whose last sentence lost its full stop: `... severely limited Shah Deniz Production Also Down ----`
    ("08BAKU761", "Shah Deniz Production Also Down", "as volumes would be severely limited"),
    # a title of its own on a long line stays whole
    (
        "09LONDON923",
        "Ahmedinejad Reportedly Rejects Rezai's Coalition Proposal, and Khamenei's Studied Neutrality Continues",
        'equate the concept of compromise with defeat)."',
    ),
    # framed by spaced dashes: `- -` / `LRA` / `- -`, `- - - Mukherjee Elaborates on India's Iran Stance - - -`
    ("07KAMPALA1449", "LRA", "at the AU Summit in Accra. End Summary."),
    ("08NEWDELHI1134", "Mukherjee Elaborates on India's Iran Stance", "to President Ahmadinejad. End Summary."),
    # an unwrapped body: `END SUMMARY` / `STRONG SWEDISH EU PRESIDENCY` / `7. (U) Led by ...`
    ("09USUNNEWYORK1141", "END SUMMARY", "energetic consultations on our UNGA65 agenda."),
    ("09USUNNEWYORK1141", "STRONG SWEDISH EU PRESIDENCY", "END SUMMARY"),
]


@pytest.mark.parametrize(("name", "title", "before"), HEADINGS)
def test_headings_of_many_shapes_stand_apart(shared_cables: Path, name: str, title: str, before: str) -> None:
    assert _before(_cable(shared_cables, name), title).endswith(before)


def test_the_paragraph_after_a_heading_keeps_its_number(shared_cables: Path) -> None:
    before, after = _around(_cable(shared_cables, "09MANAMA587"), "Human Rights")
    assert after.startswith("Bahrain Human Rights Society (BHRS)")
    seventh = _cable(shared_cables, "09USUNNEWYORK1141").paragraph_by_number(7)
    assert seventh is not None and seventh.text.startswith("Led by an organized and pragmatic Sweden")
    before, after = _around(_cable(shared_cables, "07KAMPALA1449"), "LRA")
    assert after.startswith("Africa Bureau Assistant Secretary")


def test_table_rows_are_no_titles(shared_cables: Path) -> None:
    # `TOTAL                        13` ends a table, `PS: 12` / `PSD: 7` ... lists seats: neither is a heading
    cable = _cable(shared_cables, "08SANJOSE294")
    assert not any(p.kind == "heading" and "TOTAL" in p.text for p in cable.paragraphs)
    assert any(p.text.endswith("TOTAL                        13") for p in cable.paragraphs)
    cable = _cable(shared_cables, "09LISBON289")
    assert cable.paragraph_by_number(16).text.endswith("PS: 12 PSD: 7 CDS-PP: 2 PCP: 2 BE: 1")
    # a table run onto one line between rules keeps no rule as text
    _no_rule_shown(_cable(shared_cables, "08LONDON1921"))

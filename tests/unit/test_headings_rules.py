"""Titles set apart by rules on unwrapped or oddly typed lines: real cables of ../shared/cables.

Each expected value was written by reading the cable's text (the WikiLeaks page) before the
change that makes it pass; each case is one shape the glued-heading count of the corpus test found.
"""

from __future__ import annotations

from pathlib import Path

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

"""Headings are blocks of their own, and the embassy footer is a signature: real cables.

Expected values were written by reading each cable in ../shared/cables.
"""

from __future__ import annotations

from pathlib import Path

from tipreader.cable import Cable, parse_file
from tipreader.cable.headings import heading_at


def _cable(shared_cables: Path, name: str) -> Cable:
    return parse_file(shared_cables / "wikileaks-html" / f"{name}.html")[0]


def _after(cable: Cable, title: str) -> tuple[str, str]:
    """(kind of the paragraph titled ``title``, text of the paragraph before it)."""
    for para in cable.paragraphs:
        if para.text == title:
            return para.kind, cable.paragraphs[para.index - 1].text
    raise AssertionError(f"no paragraph {title!r}: {[p.text[:40] for p in cable.paragraphs]}")


def test_title_wrapped_on_two_lines_above_its_rule(shared_cables: Path) -> None:
    cable = _cable(shared_cables, "06BEIRUT895")
    kind, before = _after(cable, "BERRI ASKS FOR PRESSURE ON SYRIA OVER LAHOUD")
    assert kind == "heading"
    assert before.endswith("he could wrap up the dialogue quickly.")
    assert _after(cable, "RUMOR MILL GENERATES PRESIDENTIAL NAMES")[0] == "heading"


def test_title_and_its_rule_on_one_unwrapped_line(shared_cables: Path) -> None:
    cable = _cable(shared_cables, "03BRASILIA1550")
    kind, before = _after(cable, "Who's In Charge?")
    assert kind == "heading" and before.endswith("on May 28. End Summary.")
    assert not any("-----" in p.text for p in cable.paragraphs)


def test_underlined_title_right_under_a_sentence(shared_cables: Path) -> None:
    kind, before = _after(_cable(shared_cables, "04THEHAGUE1446"), "OTHER MEETINGS")
    assert kind == "heading" and before.endswith("quickly (i.e., within a month).")


def test_title_after_a_lone_full_stop_line(shared_cables: Path) -> None:
    kind, _ = _after(_cable(shared_cables, "06MOSCOW5740"), "HELPING RUSSIA BY HELPING HIMSELF")
    assert kind == "heading"


def test_capitals_title_run_onto_an_unwrapped_paragraph(shared_cables: Path) -> None:
    cable = _cable(shared_cables, "05DUSHANBE1870")
    kind, before = _after(cable, "REACTION TO THE SECRETARY'S VISIT")
    assert kind == "heading" and before.endswith("October 13 visit to Dushanbe.")
    assert cable.paragraph_by_number(2).text.endswith("visit to Dushanbe.")
    cable = _cable(shared_cables, "09TRIPOLI202")
    assert _after(cable, "AFRICOM'S MANDATE: LIBYA AGAINST BOOTS AND BASES")[0] == "heading"
    assert cable.paragraph_by_number(3).text.endswith("No changes were made to the military leadership.")


def test_capitals_title_after_an_unwrapped_line_without_full_stop(shared_cables: Path) -> None:
    cable = _cable(shared_cables, "08LONDON592")
    kind, before = _after(cable, "ACTION REQUEST")
    assert kind == "heading" and before.endswith("three years and nine months. END TEXT")


def test_footer_glued_to_the_last_paragraph_is_the_signature(shared_cables: Path) -> None:
    cable = _cable(shared_cables, "08MANAMA363")
    last = cable.paragraph_by_number(2)
    assert last is not None and last.text.endswith("four NGOs were included on the committee.")
    sig = cable.paragraphs[-1]
    assert sig.kind == "signature"
    assert sig.text.startswith("Visit Embassy Manama's Classified Website: XXXXXXXXXXXX")
    assert sig.text.endswith("HENZEL") and "*" not in sig.text
    cable = _cable(shared_cables, "08LONDON592")
    assert cable.paragraphs[-1].kind == "signature" and cable.paragraphs[-1].text.startswith("Visit London's")
    assert "would co-sponsor if the UK requests." in cable.paragraph_by_number(6).text
    assert not any("Visit" in p.text for p in cable.paragraphs[:-1])


def test_heading_at_on_plain_lines() -> None:
    lines = ["the talks went on.", "", "What the New Decree Changes", "-----", "", "2. (C) The decree ..."]
    assert heading_at(lines, 2) == ("What the New Decree Changes", 4)
    assert heading_at(["text.", "", "END SUMMARY.", "", "2. (C) x"], 2) == ("END SUMMARY.", 3)
    assert heading_at(["text.", "", "MINISTER ADDRESSES MIGRATION AND PRISONS", "", "x"], 2)[0].startswith("MINISTER")
    # a sentence in capitals that runs on is not a title; nor is a title-shaped line inside a paragraph
    assert heading_at(["", "THE MINISTER SAID THAT", "THE DECREE WOULD PASS SOON", "AND THEN LEFT."], 1) is None
    assert heading_at(["The minister said", "MIGRATION AND PRISONS", ""], 1) is None


def test_titles_before_their_rule_on_an_unwrapped_line(shared_cables: Path) -> None:
    # a title longer than a line, its rule after it: `Ahmedinejad Reportedly Rejects ... Continues -------`
    cable = _cable(shared_cables, "09LONDON923")
    title = "Ahmedinejad Reportedly Rejects Rezai's Coalition Proposal, and Khamenei's Studied Neutrality Continues"
    assert _after(cable, title)[0] == "heading"
    # `U.S.` inside the title is no sentence end: `... investment issues. Promoting Ties to U.S. State -----`
    kind, before = _after(_cable(shared_cables, "08BUENOSAIRES858"), "Promoting Ties to U.S. State")
    assert kind == "heading" and before.endswith("for international investment issues.")
    # a title ending in an ellipsis: `... the Abu Sa'afah field. Iran. . . --------`
    kind, before = _after(_cable(shared_cables, "09MANAMA483"), "Iran. . .")
    assert kind == "heading" and before.endswith("the Saudis on oil and the Abu Sa'afah field.")
    # a parenthesis closing the sentence before: `... per Ahlin. (Note: ... Afghanistan,) Kosovo and the Balkans ---`
    kind, before = _after(_cable(shared_cables, "08STOCKHOLM51"), "Kosovo and the Balkans")
    assert kind == "heading" and before.endswith("continues to argue for a Gripen mission to Afghanistan,)")
    assert not any(p.text.endswith("-----") for p in _cable(shared_cables, "09CAIRO1840").paragraphs)


def test_a_numbered_title_keeps_its_number_and_a_sentence_is_no_title(shared_cables: Path) -> None:
    # `3. (C) THREE-STAGE TALKS, BUT WITH WHOM? -----`: paragraph 3 opens with its title
    cable = _cable(shared_cables, "08ASMARA249")
    assert [p.number for p in cable.paragraphs if p.number] == list(range(1, 10))
    third = next(p for p in cable.paragraphs if p.number == 3)
    assert third.text.startswith("THREE-STAGE TALKS, BUT WITH WHOM?\n\nThe ARS will have")
    # a long line above a rule that holds a sentence's end and the title: not a title as a whole
    cable = _cable(shared_cables, "09BUENOSAIRES526")
    assert any("on the grounds that his group is insufficiently represented" in p.text for p in cable.paragraphs)

"""Body text joined as the cable wrote it: continuation marks, SIPDIS cuts, glued and collapsed numbers.

Each case is a real cable of ../shared; the expected values are read off the page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tipreader.cable import Cable
from tipreader.cable.parse import parse_file


def _cable(shared: Path, name: str) -> Cable:
    path = shared / name
    if not path.exists():
        pytest.skip(f"{name} is not in ../shared")
    return parse_file(path)[0]


def test_a_dump_row_with_doubled_columns_gives_its_cable(shared_cables: Path) -> None:
    # the page is a database row (every line ending in an escaped newline " \") whose columns come
    # twice: the subject ran on into the page marker and paragraph 9 took in the second copy
    cable = _cable(shared_cables, "wikileaks-html/08BERN443.html")
    assert cable.subject == 'FM CALMY-REY SAYS DIALOGUE AND "DIPLOMATIC ENGINEERING" ARE CHIEF SWISS FOREIGN POLICY INSTRUMENTS'
    assert cable.paragraphs[0].text.startswith(
        "Summary: In an August 25 address to senior Swiss diplomats, FM Calmy-Rey extolled dialogue and facilitation as"
    )
    assert not any("\\" in p.text for p in cable.paragraphs)
    assert max(p.page for p in cable.paragraphs) == 3  # the page markers are read again
    assert cable.classified_by == "POL/E Counselor Richard A. Rorvig; reason 1.4(d)."
    assert cable.paragraphs[-1].kind == "signature" and cable.paragraphs[-1].text == "CARTER"
    assert [p.number for p in cable.paragraphs if p.number] == list(range(1, 10))
    assert "embedded-row" in {w.code for w in cable.warnings}


def test_escaped_newlines_hid_the_references(shared_cables: Path) -> None:
    cable = _cable(shared_cables, "wikileaks-html/09BERN260.html")
    assert cable.subject == "GUANTANAMO CLOSURE: SWISS EAGER TO MOVE ON RESETTLEMENT CASES, BUT NEED MORE INFORMATION"
    assert [(r.label, r.ref_id) for r in cable.references] == [("A", "09BERN186"), ("B", None)]
    assert [p.number for p in cable.paragraphs if p.number] == list(range(1, 9))


def test_a_dump_row_cut_before_its_id_column(shared_cables: Path) -> None:
    cable = _cable(shared_cables, "wikileaks-html/09TRIPOLI417.html")
    assert cable.subject == "AL-QADHAFI: NO LONGER RELUCTANT TO ENGAGE WITH AFRICOM"
    assert cable.classified_by == "Gene A. Cretz, Ambassador, Embassy Tripoli, Department of State. REASON: 1.4 (b), (d)"
    assert cable.paragraphs[-1].text == "CRETZ" and cable.paragraphs[-2].text == "This cable was cleared by U.S. Africa Command."


def _numbers(cable: Cable) -> list[int]:
    return [p.number for p in cable.paragraphs if p.number is not None]


def _headings(cable: Cable) -> list[str]:
    return [p.text for p in cable.paragraphs if p.kind == "heading"]


def test_numbered_paragraphs_run_together_on_one_line_are_split(shared_cables: Path) -> None:
    # `... loses popularity. 21. (S) Post and ...` inside one unwrapped line; `16.(C)` with no space
    cable = _cable(shared_cables, "wikileaks-html/08MANAMA592.html")
    assert _numbers(cable) == list(range(1, 23))
    p21 = next(p for p in cable.paragraphs if p.number == 21)
    assert p21.marking == "S" and p21.text.startswith("Post and the public perceive")
    p20 = next(p for p in cable.paragraphs if p.number == 20)
    assert p20.text.endswith("When Wifaq is successful, Haq loses popularity.")


def test_a_paragraph_glued_without_a_space_before_its_marking(shared_cables: Path) -> None:
    # `... list. 7.(SBU) Brazil is ...`: a 2,800-character line holding paragraphs 6 to 8
    cable = _cable(shared_cables, "wikileaks-html/09BRASILIA1412.html")
    assert _numbers(cable) == list(range(1, 10))
    assert next(p for p in cable.paragraphs if p.number == 7).text.startswith("Brazil is a major producer")


def test_short_unwrapped_lines_holding_two_paragraphs_are_split(shared_cables: Path) -> None:
    # lines of about 200 characters: `... after 2007. 4. (SBU) ...`
    cable = _cable(shared_cables, "wikileaks-html/09BUENOSAIRES526.html")
    assert _numbers(cable) == list(range(1, 12))


def test_paragraph_one_after_a_handling_line_is_numbered(shared_cables: Path) -> None:
    # `Sensitive but Unclassified. Please handle accordingly. 1.(SBU) Dr. Zewail, ...`
    cable = _cable(shared_cables, "wikileaks-html/09CAIRO2402.html")
    assert _numbers(cable)[0] == 1
    assert next(p for p in cable.paragraphs if p.number == 1).text.startswith("Dr. Zewail")


def test_a_paragraph_number_after_a_redacted_paragraph(shared_cables: Path) -> None:
    # `21. (U) XXXXXXXXXXXX` / `23. (U) Visit New Delhi's ...`: paragraph 22 was redacted away
    cable = _cable(shared_cables, "wikileaks-html/06NEWDELHI3611.html")
    assert _numbers(cable)[-2:] == [21, 23]
    assert next(p for p in cable.paragraphs if p.number == 21).text == "XXXXXXXXXXXX"
    # `9. (C) XXXXXXXXXXXX` / `1 XXXXXXXXXXXX` / `11. (C) Comment: ...`
    cable = _cable(shared_cables, "wikileaks-html/09TRIPOLI208.html")
    assert _numbers(cable) == [1, 3, 4, 5, 6, 7, 8, 9, 11, 12]


def test_rule_headings_keep_their_abbreviations(shared_cables: Path) -> None:
    # `----- Questions on U.S. Position -----` was cut at "U.S. " into paragraph text and "Position"
    cable = _cable(shared_cables, "wikileaks-html/09CAIRO208.html")
    assert "Questions on U.S. Position" in _headings(cable)
    assert not any(p.text.endswith("Questions on U.S.") for p in cable.paragraphs)


def test_headings_between_broken_rules_in_unwrapped_lines(shared_cables: Path) -> None:
    # `... most needed. --------------------------------------------- ------ Strickler Assures ... ------`
    cable = _cable(shared_cables, "wikileaks-html/09CAIRO2381.html")
    headings = _headings(cable)
    assert "Strickler Assures GOE that U.S. Wants QIZ to Thrive" in headings
    assert "Better Marketing Key to Growth in Textile Exports" in headings
    assert not any("-----" in p.text for p in cable.paragraphs)


def _text(cable: Cable) -> str:
    return "\n".join(p.text for p in cable.paragraphs)


def test_sipdis_dropped_into_a_sentence_is_taken_out(shared_cables: Path) -> None:
    # the telegram system's SIPDIS tag inside a sentence, mid-line (an unwrapped page)...
    cable = _cable(shared_cables, "wikileaks-html/04NASSAU1515.html")
    assert "Ministry of Foreign Affairs Philip Miller has already departed for China." in _text(cable)
    # ... and on a line of its own between the halves of a sentence
    cable = _cable(shared_cables, "wikileaks-html/03COLOMBO2200.html")
    assert "PM was appreciative of the statement" in " ".join(_text(cable).split("\n"))
    assert "PM was\nappreciative" not in _text(cable)
    cable = _cable(shared_cables, "wikileaks-html/07KATHMANDU1197.html")
    assert "the Foreign Minister had confirmed that the leadership" in _text(cable)


def test_the_blank_line_before_a_sipdis_tag_does_not_split_the_sentence(shared_cables: Path) -> None:
    # `... We are also looking forward to` / blank / `SIPDIS` / `Treasury Secretary Paulson's visit, ...`
    cable = _cable(shared_cables, "wikileaks-html/06BRASILIA1859.html")
    assert "We are also looking forward to Treasury Secretary Paulson's visit, which" in _text(cable)
    cable = _cable(shared_cables, "wikileaks-html/08BOGOTA800.html")
    assert "Raul Reyes in a cross-border operation in Ecuador. Reyes' death" in _text(cable)
    # `... planned 6/15 visit to` / blank / `SIPDIS` / `Iceland.  End summary.`
    cable = _cable(shared_cables, "wikileaks-html/06REYKJAVIK210.html")
    assert "during the latter's planned 6/15 visit to Iceland. End summary." in _text(cable)


def test_a_later_sections_routing_block_inside_a_sentence_is_taken_out(shared_cables: Path) -> None:
    # `... WITH BOTH MAJOR` / CONFIDENTIAL PTQ2532 / PAGE 01 HARARE 05461 02 OF 02 / ACTION / INFO LOG-00 ...
    # `/38 O 271459Z SEP 00 FM AMEMBASSY HARARE TO ...` / the caption, SIPDIS, E.O. and TAGS / `POLITICAL PARTIES.`
    cable = _cable(shared_cables, "wikileaks-html/00HARARE5461.html")
    para = next(p for p in cable.paragraphs if p.number == 5)
    assert "CREDIBILITY WITH BOTH MAJOR POLITICAL PARTIES. THE CHALLENGE, XXXXXXXXXXXX SAID, IS CONVINCING" in para.text
    assert "FM AMEMBASSY" not in _text(cable) and "TAGS" not in _text(cable)
    # the block on lines of its own, and a page break inside section 3's preamble (`PAGE 02 ...` / NOFORN /
    # `CENTCOM FOR J5, POLAD` / E.O. / TAGS / SUBJECT): none of it is a paragraph
    cable = _cable(shared_cables, "wikileaks-html/03ROME2045.html")
    assert "CENTCOM FOR J5" not in _text(cable) and "E.O. 12958" not in _text(cable)
    assert "UNFAVORABLE POLITICAL CIRCUMSTANCES AND THE AGILITY OF THE GOVERNMENT" in _text(cable)


def test_sipdis_a_cable_asks_for_is_kept(shared_cables: Path) -> None:
    cable = _cable(shared_cables, "wikileaks-html/08STATE83144.html")
    assert "Please include SIPDIS in all replies." in _text(cable)
    cable = _cable(shared_cables, "wikileaks-html/10STATE16219.html")
    assert "Please use the caption SIPDIS in all replies." in _text(cable)


def test_the_next_marked_number_splits_even_without_a_full_stop(shared_cables: Path) -> None:
    # `... Chief of Staff Padilla 14. (U) The Deputy Secretary's party has cleared this message.`
    cable = _cable(shared_cables, "wikileaks-html/05BRASILIA2676.html")
    assert _numbers(cable)[-2:] == [13, 14]
    assert next(p for p in cable.paragraphs if p.number == 14).text == "The Deputy Secretary's party has cleared this message."
    # 04BRASILIA445: `... Phonograms Treaty. Recommendation 13. (SBU) Despite positive strides ...`
    cable = _cable(shared_cables, "wikileaks-html/04BRASILIA445.html")
    assert _numbers(cable) == list(range(1, 14))


def test_a_page_marker_inside_a_line_takes_only_its_post(shared_cables: Path) -> None:
    # `... CAUSING STRIFE FOR CONGRESS NEW DELHI 00007273 001.2 OF 003`: the marker's place is NEW DELHI,
    # not the four capitals words before the serial
    cable = _cable(shared_cables, "wikileaks-html/06NEWDELHI7273.html")
    assert cable.subject is not None and cable.subject.endswith("PENDING EXECUTION CAUSING STRIFE FOR CONGRESS")
    cable = _cable(shared_cables, "wikileaks-html/07TRIPOLI1065.html")
    assert "and was working to obtain the requisite GOL approvals." in _text(cable)


def _last_two(cable: Cable) -> list[tuple[str, str]]:
    return [(p.kind, p.text) for p in cable.paragraphs[-2:]]


def test_signers_glued_to_the_last_paragraph_are_a_signature_block(shared_cables: Path) -> None:
    # `... END COMMENT.` / `SEMBLER` / banner / `>` / the dump's trailer cut by its own quoting:
    # `2003ROME02045 - Clas"<TAB>"sification: CONFIDENTIAL`
    kinds = _last_two(_cable(shared_cables, "wikileaks-html/03ROME2045.html"))
    assert kinds[1] == ("signature", "SEMBLER") and kinds[0][1].endswith("THROWN INTO THE MIX. END COMMENT.")
    # an unwrapped page: `... independence from Russia. SILVERBERG .`
    kinds = _last_two(_cable(shared_cables, "wikileaks-html/08BRUSSELS1257.html"))
    assert kinds[1] == ("signature", "SILVERBERG") and kinds[0][1].endswith("Belarus's independence from Russia.")
    # an old telex print whose last page break and record trailer (`>`) followed the signer:
    # `... HAS CLEARED THIS CABLE. NICHOLSON` / CONFIDENTIAL / PAGE 04 ... / `>`
    kinds = _last_two(_cable(shared_cables, "wikileaks-html/01VATICAN5693.html"))
    assert kinds[1] == ("signature", "NICHOLSON") and kinds[0][1].endswith("HAS CLEARED THIS CABLE.")


def test_a_capitals_footer_and_its_signer_close_the_cable(shared_cables: Path) -> None:
    # `PLEASE VISIT PARIS' CLASSIFIED WEBSITE AT:` / `HTTP://WWW.STATE.SGOV.GOV/P/EUR/PARIS/INDEX.C FM` / `STAPLETON`
    cable = _cable(shared_cables, "wikileaks-html/07PARIS170.html")
    last = cable.paragraphs[-1]
    assert last.kind == "signature" and last.text.startswith("PLEASE VISIT PARIS' CLASSIFIED WEBSITE AT:")
    assert last.text.endswith("STAPLETON")
    assert "PLEASE VISIT" not in cable.paragraphs[-2].text


def test_a_signer_whose_name_opens_with_a_small_particle(shared_cables: Path) -> None:
    # `VAN VOORST` / `van Voorst` (Embassy Reykjavik, 2006-2009): the signature, not the last paragraph's tail, nor
    # the last answer's (08REYKJAVIK22 `D. ...` / `Programs: $700 (energy related domestic travel)` / `van Voorst`)
    kinds = _last_two(_cable(shared_cables, "wikileaks-html/06REYKJAVIK107.html"))
    assert kinds[1] == ("signature", "VAN VOORST\nvan Voorst") and kinds[0][1].endswith("Indeed, we welcome burden sharing.")
    cable = _cable(shared_cables, "wikileaks-html/08REYKJAVIK22.html")
    assert cable.paragraphs[-1].kind == "signature" and cable.paragraphs[-1].text == "van Voorst"
    assert cable.questions[-1].answer.endswith("Programs: $700 (energy related domestic travel)")

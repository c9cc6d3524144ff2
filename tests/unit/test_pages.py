"""pages.clean_lines: page markers, section lines, banners and pilcrows out; pages kept."""

from __future__ import annotations

from pathlib import Path

from tipreader.cable.pages import clean_lines

BODY = Path(__file__).resolve().parents[1] / "fixtures" / "body"
SAMPLES = Path(__file__).resolve().parents[2] / "sample_cables"


def _text(name: str | Path) -> str:
    return (BODY / name).read_text(encoding="utf-8")


def _find(lines, start):
    return next(line for line in lines if line.text.startswith(start))


def test_mexico_markers_removed_pages_kept() -> None:
    lines = clean_lines(_text(SAMPLES / "08MEXICO721.txt"))
    assert not any("00000721" in line.text for line in lines)
    assert not any(" OF 011" in line.text for line in lines)
    # `MEXICO 00000721 002 OF 011` stands right before paragraph 5.
    para5 = _find(lines, "5. (SBU) QUESTION A.")
    assert para5.page == 2 and para5.break_before
    assert _find(lines, "1. (SBU) The mission's point").page == 1
    assert _find(lines, "7. (SBU) QUESTION C:").page == 4
    assert _find(lines, "26. (SBU) QUESTION D:").page == 11
    assert max(line.page for line in lines) == 11
    # the blank lines around a marker go with it: no blank line carries a break
    assert not any(line.break_before and not line.text for line in lines)


def test_scoop_site_tail_is_cut() -> None:
    lines = clean_lines(_text(SAMPLES / "08MEXICO721.txt"))
    assert lines[-1].text.startswith("Partnership Blog at")
    assert not any("Scoop" in line.text or "Werewolf" in line.text for line in lines)


def test_sentence_across_marker_keeps_its_lines() -> None:
    lines = clean_lines(_text("06REYKJAVIK68.txt"))
    texts = [line.text.strip() for line in lines]
    i = texts.index("trafficking in persons or what plans are in place (if any)")
    assert texts[i + 1] == "to undertake documentation of trafficking?  How reliable are"
    assert lines[i + 1].break_before and lines[i + 1].page == 2


def test_cairo_double_space_marker() -> None:
    lines = clean_lines("UNCLAS CAIRO 000211\n\nfirst page text\n\nCAIRO 00000211  002 OF 010\n\nsecond page\n")
    assert [line.text for line in lines] == ["UNCLAS CAIRO 000211", "", "first page text", "second page"]
    assert [line.page for line in lines] == [1, 1, 1, 2]
    assert lines[-1].break_before


def test_new_delhi_decimal_markers() -> None:
    lines = clean_lines(_text("05NEWDELHI9127.txt"))
    assert not any("00009127" in line.text for line in lines)
    # `NEW DELHI 00009127 001.2 OF 006` stands on page 1; `002.2 OF 006` opens page 2.
    assert _find(lines, "Classified By: POLCOUNS").page == 1
    # the unwrapped sentence running across `002.2 OF 006` is joined; the page count goes on
    para3 = _find(lines, "3. (C) Although there are a wide variety")
    assert para3.page == 1 and " does have Muslim members as well." in para3.text
    assert _find(lines, "Growing Economy").page == 2
    assert _find(lines, "heavily outnumbered by the Indian security forces").page == 6


def test_lower_case_marker() -> None:
    lines = clean_lines("on behalf of the Iranian\n\nSanaa 00001662 002 of 004\n\ngovernment.\n")
    assert [line.text for line in lines] == ["on behalf of the Iranian", "government."]
    assert lines[1].page == 2


def test_section_lines_and_banners_removed() -> None:
    body = (
        "UNCLASSIFIED\n\nSUBJECT: X\n\n1. (U) Text runs\n\nUNCLASSIFIED\n\n"
        "MEXICO 00000721 002 OF 011\n\nUNCLASSIFIED\n\non here.\n"
        "UNCLAS SECTION 02 OF 04 CAIRO 000211\nSECTION 03 OF 11\n"
        "C O N F I D E N T I A L SECTION 02 OF 03 ANKARA 000348\nmore\n"
    )
    texts = [line.text for line in clean_lines(body)]
    assert texts == ["UNCLASSIFIED", "", "SUBJECT: X", "", "1. (U) Text runs", "on here.", "more"]


def test_teletype_page_headers() -> None:
    body = "1. FIRST PAGE TEXT\nPAGE 02 HARARE 02271 01 OF 07 271033Z\nSECOND PAGE TEXT\nPAGE 03   STATE  097844\nTHIRD\n"
    lines = clean_lines(body)
    assert [(line.text, line.page) for line in lines] == [
        ("1. FIRST PAGE TEXT", 1),
        ("SECOND PAGE TEXT", 2),
        ("THIRD", 3),
    ]


def test_pilcrows_removed() -> None:
    lines = clean_lines("\u00b61. (C) Text.\n     \u00b6B. 05 SANTIAGO 465\n")
    assert lines[0].text == "1. (C) Text."
    assert lines[1].text.strip() == "B. 05 SANTIAGO 465"


def test_collapsed_body_mid_line_marker_and_paragraphs() -> None:
    body = (
        "UNCLAS CAIRO 000211 SUBJECT: X 1. (SBU) The government has CAIRO 00000211 002 OF 010 "
        "continued to act. 2. (SBU) Second paragraph here, long enough to be treated as a collapsed "
        "line of text because it goes on and on well past the three hundred character threshold that "
        "marks an unwrapped line for splitting purposes. 3. Third paragraph without a marking, the next "
        "number expected. It refers to 1.4 (b) and 5. million nothing."
    )
    texts = [(line.text, line.page, line.break_before) for line in clean_lines(body)]
    assert texts[0] == ("UNCLAS CAIRO 000211 SUBJECT: X 1. (SBU) The government has", 1, False)
    assert texts[1][0].startswith("continued to act.") and texts[1][1:] == (2, True)
    assert texts[2][0].startswith("2. (SBU) Second paragraph")
    assert texts[3][0].startswith("3. Third paragraph")
    assert texts[3][0].endswith("1.4 (b) and 5. million nothing.")
    assert len(texts) == 4


def test_collapsed_real_cable_splits() -> None:
    lines = clean_lines(_text("09MOSCOW105.txt"))
    starts = [line.text[:7] for line in lines if line.text[:1].isdigit()]
    assert starts[:4] == ["1. (C) ", "2. (C) ", "3. (C) ", "4. (C) "]
    assert any(line.text == "------- SUMMARY -------" for line in lines)


def test_empty_and_odd_input() -> None:
    assert clean_lines("") == []
    assert clean_lines("\n\n \n") == []
    assert clean_lines("\r\nA\rB\n")[0].text == "A"


def test_first_section_line_is_the_classification_line() -> None:
    lines = clean_lines(_text("07ANKARA1842.txt"))
    assert lines[0].text == "C O N F I D E N T I A L SECTION 01 OF 02 ANKARA 001842"
    # `ANKARA 00001842  002 OF 002` opens page 2, before paragraph 7
    assert _find(lines, "7. (C) Comment:").page == 2
    assert _find(lines, "1. (C) Summary:").page == 1


def test_section_lines_set_pages_without_markers() -> None:
    body = "C O N F I D E N T I A L SECTION 01 OF 03 ROME 003639\n\n1. (C) One.\n\nCONFIDENTIAL SECTION 02 OF 03 ROME 003639\n\n2. (C) Two.\n"
    lines = clean_lines(body)
    assert [(line.text, line.page) for line in lines] == [
        ("C O N F I D E N T I A L SECTION 01 OF 03 ROME 003639", 1),
        ("", 1),
        ("1. (C) One.", 1),
        ("2. (C) Two.", 2),
    ]


def test_old_teletype_page_breaks_inside_the_text(shared_cables) -> None:
    """00HARARE5461: `... THEY REALIZE CONFIDENTIAL` / `PAGE 03 HARARE 05461 01 OF 02 271458Z THAT THE MDC`."""
    from tipreader.cable import parse_file

    cable = parse_file(shared_cables / "wikileaks-html" / "00HARARE5461.html")[0]
    texts = [p.text for p in cable.paragraphs]
    assert not any("PAGE 0" in t or "LOG-" in t or "PTQ" in t or "CONFIDENTIAL" in t for t in texts)
    para2 = cable.paragraph_by_number(2)
    assert para2 is not None and "THEY REALIZE THAT THE MDC IS GAINING STRENGTH" in para2.text
    assert cable.paragraph_by_number(5).page == 4  # the page count goes on across the sections
    assert cable.paragraphs[-1].kind == "signature" and cable.paragraphs[-1].text == "MCDONALD"
    # 02ROME3639: a later section repeats its routing header, caption, E.O., TAGS and SUBJECT
    cable = parse_file(shared_cables / "wikileaks-html" / "02ROME3639.html")[0]
    assert not any("CONFIDENTIAL" in p.text or "TAGS" in p.text or "FM AMEMBASSY" in p.text for p in cable.paragraphs)
    para15 = cable.paragraph_by_number(15)
    assert para15 is not None and para15.text.startswith('BOSSI WOULD LIKE TO SEE THE EU BECOME A ""LOOSE CONFEDERATION.""')

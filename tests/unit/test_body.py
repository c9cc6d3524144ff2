"""body.parse_paragraphs: numbered paragraphs, markings, pages, re-flow, lost lines.

Expected values are read off the real cables in tests/fixtures/body/ (see its README).
Until the header stage decides where the body starts, these tests cut the body
themselves at paragraph 1.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tipreader.cable.body import parse_paragraphs
from tipreader.cable.pages import clean_lines
from tests.fixture_sets import body_lines

BODY = Path(__file__).resolve().parents[1] / "fixtures" / "body"
SAMPLES = Path(__file__).resolve().parents[2] / "sample_cables"


def paragraphs_of(text: str):
    return parse_paragraphs(clean_lines(text))


@pytest.fixture(scope="module")
def mexico():
    return parse_paragraphs(body_lines(SAMPLES / "08MEXICO721.txt"))


def test_mexico_paragraphs_numbers_markings(mexico) -> None:
    paras, _ = mexico
    numbered = [p for p in paras if p.number is not None]
    assert [p.number for p in numbered] == list(range(1, 27))
    assert {p.marking for p in numbered} == {"SBU"}
    assert [p.index for p in paras] == list(range(len(paras)))
    # the closing lines (their links stripped by the scraping site) are the signature block
    assert paras[-1].kind == "signature" and paras[-1].number is None
    assert paras[-1].text == "Visit Mexico City's Classified Web Site at and the North American\nPartnership Blog at /"
    assert len(paras) == 27


def test_mexico_pages(mexico) -> None:
    paras, _ = mexico
    page = {p.number: p.page for p in paras if p.number}
    assert (page[1], page[4], page[5], page[6], page[7]) == (1, 1, 2, 2, 4)
    assert (page[9], page[10], page[15], page[22], page[23], page[26]) == (5, 5, 6, 9, 10, 11)


def test_mexico_no_furniture_in_text(mexico) -> None:
    paras, _ = mexico
    for p in paras:
        assert "00000721" not in p.text and "OF 011" not in p.text
        assert "Scoop" not in p.text and "\u00a9" not in p.text
        assert not re.match(r"\d+\. \(SBU\)", p.text)


def test_mexico_reflow(mexico) -> None:
    paras, _ = mexico
    assert paras[0].text == (
        "The mission's point of contact on the Trafficking in Persons (TIP) Report is Poloff Janelle Guest. "
        "She may be reached by telephone at (52) (55) 5080-2000, ext. 4806, or by fax at (52) (55) 5080-2247 "
        "or Post requests that the names of the non-governmental organizations (NGOs) working with the "
        "Government of Mexico (GOM) providing victim protection and assistance not be disclosed in this "
        "report. Post also requests that the names and details connected to ongoing investigations not be "
        "made public."
    )
    items = paras[3].text.split("\n\n")
    assert items[0] == (
        "The following significant steps forward in fighting TIP have taken place in Mexico since the June 2007 report:"
    )
    assert all(item.startswith("-- ") for item in items[1:]) and len(items) == 7
    assert items[3] == (
        "-- The National Migration Institute (INM) issued nine visas to trafficking victims, contingent on "
        "their participation in prosecution efforts."
    )
    # the question paragraph keeps its words, answer and sub-paragraphs
    assert paras[4].text.startswith("QUESTION A. Is the country of origin, transit, and/or destination")
    assert "\n\nPOST RESPONSE: Mexico is a country of origin, transit, and destination" in paras[4].text


# The places where the scraped Mexico cable lost a line, found by reading it: (paragraph, the words
# before the loss). Some are mid-paragraph, some a second or third cut in the same paragraph.
MEXICO_LOST = {
    (1, "5080-2247 or Post"),  # "... or Post" / "requests that": a line lost mid-paragraph
    (2, "trafficking numbers are"),
    (4, "persons at the federal"),  # the second item of the list stops short
    (4, "the Organized Crime Unit"),
    (5, "evidence than concrete"),
    (7, "if any, has the"),  # the question stops short before POST RESPONSE
    (8, "passed on November 27,"),
    (9, "monitoring its anti-trafficking"),
    (10, "the Federal Penal"),  # a title-cased tail: not found (a title or names would look the same)
    (15, "during the reporting"),
    (15, "prostitution and human"),
    (15, "and informed local"),
    (16, "from other government"),
    (16, "approach to trafficking"),
    (17, "Action Plan for"),
    (22, "attach? in Ciudad"),  # then a page marker and the next item
    (24, "assisted, if"),
    (26, "state-run shelters for"),
}


def test_mexico_lost_lines(mexico) -> None:
    paras, warnings = mexico
    assert all(w.code == "lost-line" and w.paragraph is not None for w in warnings)
    found = set()
    for w in warnings:
        quote = w.message.split("\u2026 ")[1].rstrip("\u201d)")
        place = next((p for p in MEXICO_LOST if p[0] == paras[w.paragraph].number and quote.endswith(p[1])), None)
        assert place is not None, w.message  # no false alarm
        found.add(place)
    assert len(found) == len(warnings)  # one warning a place
    assert len(found) >= 16, sorted(MEXICO_LOST - found)


@pytest.mark.parametrize(
    "name",
    ["06REYKJAVIK68.txt", "10CAIRO211.txt", "07ANKARA1842.txt", "05NEWDELHI9127.txt", "09TRIPOLI154.txt"],
)
def test_no_lost_line_noise_on_whole_cables(name: str) -> None:
    _, warnings = parse_paragraphs(body_lines(name))
    assert warnings == []


def test_sentence_across_page_marker_joined() -> None:
    paras, _ = parse_paragraphs(body_lines("06REYKJAVIK68.txt"))
    item_a = next(p for p in paras if p.text.startswith("-- A. Is the country a country of origin"))
    assert item_a.page == 1
    assert "what plans are in place (if any) to undertake documentation of trafficking? How reliable" in item_a.text


def test_line_end_hyphen_kept() -> None:
    paras, _ = parse_paragraphs(body_lines("06REYKJAVIK68.txt"))
    item = next(p for p in paras if p.text.startswith("-- B. Which government agencies"))
    assert item.text.startswith("-- B. Which government agencies are involved in anti-trafficking efforts")
    paras, _ = paragraphs_of("1. (U) The federal anti-\ntrafficking law and the TIP-\nrelated training.\n")
    assert paras[0].text == "The federal anti-trafficking law and the TIP-related training."


def test_new_delhi_paragraphs_headings_pages() -> None:
    paras, _ = parse_paragraphs(body_lines("05NEWDELHI9127.txt"))
    numbered = [p for p in paras if p.number is not None]
    assert [p.number for p in numbered] == list(range(1, 18))
    assert {p.marking for p in numbered} == {"C"}
    page = {p.number: p.page for p in numbered}
    assert (page[3], page[4], page[7], page[10], page[13], page[16]) == (1, 2, 3, 4, 5, 6)
    headings = [p.text for p in paras if p.kind == "heading"]
    assert headings[:3] == ["The Muslim Minority", "A Vibrant Democracy", "Growing Economy"]
    assert "question B -- Characteristics of Recruits" in headings
    # paragraph 15 runs across `NEW DELHI 00009127 006 OF 006`
    p15 = next(p for p in numbered if p.number == 15)
    assert "limited manpower pool and heavily outnumbered by the Indian security forces" in p15.text
    assert p15.page == 5
    assert paras[-1].kind == "signature" and paras[-1].text == "MULFORD"


def test_collapsed_whitespace_body() -> None:
    paras, _ = parse_paragraphs(body_lines("09MOSCOW105.txt", r"^-+ SUMMARY"))
    numbered = [p for p in paras if p.number is not None]
    assert [p.number for p in numbered] == list(range(1, 15))
    assert {p.marking for p in numbered} == {"C"}
    assert [p.text for p in paras if p.kind == "heading"][:3] == [
        "SUMMARY",
        "TIMOSHENKO TO MEET PUTIN",
        "ECONOMIC AND REPUTATIONAL DAMAGE IGNORED",
    ]
    assert numbered[0].text.startswith("Although PMs Putin and Timoshenko are set to meet January 17 in Moscow")
    assert numbered[0].text.endswith("is in a position to bring about. End summary.")
    assert paras[-1].kind == "signature" and paras[-1].text == "RUBIN"


def test_collapsed_header_run_in() -> None:
    lines = clean_lines((BODY / "08TRIPOLI540.txt").read_text(encoding="utf-8"))
    classified = next(i for i, line in enumerate(lines) if line.text.startswith("CLASSIFIED BY:"))
    paras, _ = parse_paragraphs(lines[classified + 1 :])
    assert [(p.number, p.marking) for p in paras] == [(1, "C"), (2, "C"), (3, "C"), (None, None)]
    assert paras[0].text.startswith("Following up on rumors that Chevron had resigned itself")
    assert paras[2].text.endswith("may well be closing. End comment.")
    assert paras[3].text == "GODFREY"


MARKINGS = [
    ("(SBU)", "SBU"), ("(C)", "C"), ("(U)", "U"), ("(S)", "S"), ("(C/NF)", "C/NF"), ("(S//NF)", "S//NF"),
    ("(C//REL TO USA, AUS)", "C//REL TO USA, AUS"), ("(S/NF)", "S/NF"), ("(C-NF)", "C-NF"), ("(U//FOUO)", "U//FOUO"),
    ("(SBU/NF)", "SBU/NF"), ("(S//FGI//NF)", "S//FGI//NF"), ("(S/REL NATO)", "S/REL NATO"), ("(c)", "C"),
    ("( C )", "C"), ("(C )", "C"), ("(sbu)", "SBU"), ("(S/Rel UK)", "S/REL UK"), ("(C NF)", "C NF"),
    ("(S/NOFORN)", "S/NOFORN"), ("(S/ REL TO UK)", "S/REL TO UK"), ("(S-NF)", "S-NF"), ("(C//REL ISAF)", "C//REL ISAF"),
    ("(S/REL to UK, PAKISTAN)", "S/REL TO UK, PAKISTAN"), ("(C/REL NATO and AUS)", "C/REL NATO AND AUS"),
    ("(S-ENTIRE TEXT)", "S-ENTIRE TEXT"), ("(SECRET/REL FRANCE)", "SECRET/REL FRANCE"), ("(SNF)", "SNF"),
    ("(S//REL TO USA, FVEY)", "S//REL TO USA, FVEY"), ("(Confidential)", "CONFIDENTIAL"),
]


@pytest.mark.parametrize("written,expected", MARKINGS)
def test_marking_variants(written: str, expected: str) -> None:
    paras, _ = paragraphs_of(f"1. {written} The text.\n\n2. {written} More text.\n")
    assert [(p.number, p.marking, p.text) for p in paras] == [(1, expected, "The text."), (2, expected, "More text.")]


@pytest.mark.parametrize("prefix", ["\u00b65. (SBU)", "5. (SBU)", "5.  (SBU)", "5.(SBU)", "\u00b6 5. (U//FOUO)", "5."])
def test_paragraph_start_forms(prefix: str) -> None:
    paras, _ = paragraphs_of(f"4. (U) Before.\n\n{prefix} The text.\n")
    assert paras[1].number == 5 and paras[1].text == "The text."


def test_no_false_starts() -> None:
    text = (
        "Classified By: Ambassador X for reasons\n"
        "1.4 (b) and (d).\n\n"
        "1. (C) The meeting took place on 12 May\n"
        "2008. The minister agreed.  The budget rose by 5\n"
        "3. percent, officials said.\n\n"
        "A. The first lettered sub-item.\n\n"
        "2. (C) The items were:\n"
        "1. one thing;\n"
        "2. another thing.\n\n"
        "17. This is not paragraph seventeen, it skips too far.\n\n"
        "3. (C) Third.\n"
    )
    paras, _ = paragraphs_of(text)
    assert [p.number for p in paras if p.number is not None] == [1, 2, 3]
    two = next(p for p in paras if p.number == 2)
    assert two.text == "The items were:\n1. one thing;\n2. another thing.\n\n17. This is not paragraph seventeen, it skips too far."
    assert paras[0].number is None and paras[0].text.startswith("Classified By:")
    one = next(p for p in paras if p.number == 1)
    assert one.text == "The meeting took place on 12 May 2008. The minister agreed. The budget rose by 5 3. percent, officials said."


def test_lists_tables_signature_kept_as_lines() -> None:
    text = (
        "1. (U) Arrests by year:\n\n"
        "   Year      Arrests     Convictions\n"
        "   2006      12          3\n"
        "   2007      25          9\n\n"
        "2. (U) Post recommends:\n"
        "a) more training for\n   prosecutors;\n"
        "b) funding;\n"
        "(1) a shelter;\n"
        "- A hotline.\n\n"
        "GARZA\n"
    )
    paras, warnings = paragraphs_of(text)
    assert paras[0].text == (
        "Arrests by year:\n\n   Year      Arrests     Convictions\n   2006      12          3\n   2007      25          9"
    )
    assert paras[1].text == "Post recommends:\na) more training for prosecutors;\nb) funding;\n(1) a shelter;\n- A hotline."
    assert (paras[2].kind, paras[2].text, paras[2].number) == ("signature", "GARZA", None)
    assert warnings == []


def test_unnumbered_text_before_first_paragraph() -> None:
    paras, _ = paragraphs_of("Summary and action request follow.\n\n1. (C) First.\n")
    assert [(p.index, p.number, p.kind) for p in paras] == [(0, None, "body"), (1, 1, "body")]


def test_double_spaced_body() -> None:
    text = (
        "1. (U) The Minister added that Argentina signed an agreement\n\n"
        "with the Bolivian government to enhance coordination to\n\n"
        "control precursor chemicals.  He claimed that President Evo\n\n"
        "Morales was receptive to working together to fight drug\n\n"
        "trafficking along the border.\n\n \n\n"
        "2. (U) Next paragraph.\n"
    )
    paras, warnings = paragraphs_of(text)
    assert [p.number for p in paras] == [1, 2]
    assert "President Evo Morales was receptive" in paras[0].text and "\n" not in paras[0].text
    assert warnings == []


def test_empty_input() -> None:
    assert parse_paragraphs([]) == ([], [])
    assert paragraphs_of("\n\n") == ([], [])


try:
    from hypothesis import given, settings
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover - hypothesis is a test extra
    given = None

if given is not None:
    _PIECES = st.sampled_from(
        [
            "\n", "\n\n", "  ", "1. ", "2. (C) ", "(S//NF) ", "-- A. ", "A. ", "QUESTION B: ", "POST RESPONSE: ",
            "MEXICO 00000721 002 OF 011", "SECTION 01 OF 02", "\u00b6", "Summary: ", "End summary.", "COMMENT",
            "------- SUMMARY -------", "anti-", "GARZA", "   2006      12", "text ", "word.", "?", "xxxxxxxx",
        ]
    )

    @settings(max_examples=150, deadline=None)
    @given(st.lists(st.one_of(_PIECES, st.text(max_size=30)), max_size=60))
    def test_arbitrary_text_never_raises(pieces: list[str]) -> None:
        from tipreader.cable.structure import parse_structure

        paras, warnings = parse_paragraphs(clean_lines("".join(pieces)))
        assert [p.index for p in paras] == list(range(len(paras)))
        parse_structure(paras)


@pytest.mark.parametrize(
    "case",
    ["clean-paragraph-class", "malformed-paragraph-class", "paragraph-without-class", "section", "sipdis", "sipdis2", "header"],
)
def test_cablemap_cleaning_cases(shared_cables: Path, case: str) -> None:
    """cablemap's paragraph-cleaning cases: our paragraph texts are its expected lines."""
    folder = shared_cables / "cablemap-testdata" / "data-clean"
    paras, _ = paragraphs_of((folder / "in" / f"{case}.txt").read_text(encoding="utf-8"))
    expected = [line for line in (folder / "out" / f"{case}.txt").read_text(encoding="utf-8").splitlines() if line.strip()]
    got = [line.strip() for p in paras for line in p.text.split("\n") if line.strip()]
    assert [line.strip() for line in expected] == [g for g in got if g != "[...]"] or case.startswith("sipdis")
    if case in ("clean-paragraph-class", "malformed-paragraph-class"):
        assert [p.marking for p in paras] == ["C", "SBU", "SBU/N"]
    if case == "section":
        assert [p.page for p in paras] == [1, 1, 1, 3]
    if case.startswith("sipdis"):
        assert "SIPDIS\n" not in paras[0].text and not paras[0].text.endswith("SIPDIS")


@pytest.mark.parametrize(("name", "first", "numbers"), [
    ("09CAIRO1182.html", "KEY POINTS --", [1, 2, 3, 4, 5, 6]),  # `1.KEY POINTS -- (C) ...`
    ("10TRIPOLI39.html", "Indicators:", list(range(1, 10))),  # `2.In recent years ...` under headings
    ("08KABUL297.html", "This to update", [1, 2, 3]),  # `1.This ...`, its `--` bullets stay in it
])
def test_a_paragraph_number_with_no_space_before_its_first_word(shared_cables: Path, name: str, first: str,
                                                               numbers: list[int]) -> None:
    """``1.KEY POINTS`` is paragraph 1 as ``1. KEY POINTS`` is (64 cables of ../shared wrote some paragraph
    numbers so; their paragraphs were unnumbered or glued to the one before)."""
    from tipreader.cable.parse import parse_file

    (cable,) = parse_file(shared_cables / "wikileaks-html" / name)
    numbered = [p for p in cable.paragraphs if p.number is not None]
    assert [p.number for p in numbered][: len(numbers)] == numbers
    assert numbered[0].text.startswith(first)

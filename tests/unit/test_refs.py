"""REF blocks: labels, texts and resolved ids (cases taken from real cables)."""

from __future__ import annotations

from pathlib import Path

from tipreader.cable import formats, header, pages
from tipreader.cable._types import RawCable
from tipreader.cable.refs import parse_ref_block


def _refs(lines: list[str], year: str | None = "08") -> list[tuple[str, str, str | None]]:
    return [(r.label, r.text, r.ref_id) for r in parse_ref_block(lines, year)]


def test_mexico_lettered_with_echoed_labels() -> None:
    lines = ["REF: A. 2006 STATE 202745", "B. (B) 2007 STATE 150188", "C. (C) 2008 STATE 02731"]
    assert _refs(lines) == [
        ("A", "2006 STATE 202745", "06STATE202745"),
        ("B", "2007 STATE 150188", "07STATE150188"),
        ("C", "2008 STATE 02731", "08STATE2731"),
    ]


def test_parenthesised_labels_on_one_line_and_items_without_year() -> None:
    lines = ["REFS: (A) 98 HARARE 7612, (B) 98 HARARE 5986, (C) HARARE 1609, ", " ", "(D) HARARE 2221,(E) HARARE 2205 "]
    assert _refs(lines, "00") == [
        ("A", "98 HARARE 7612", "98HARARE7612"),
        ("B", "98 HARARE 5986", "98HARARE5986"),
        ("C", "HARARE 1609", "00HARARE1609"),
        ("D", "HARARE 2221", "00HARARE2221"),
        ("E", "HARARE 2205", "00HARARE2205"),
    ]


def test_two_digit_year_and_multiword_post() -> None:
    assert _refs(["REF: A. 09 SANAA 1936", "B. NEW DELHI 878"], "09") == [
        ("A", "09 SANAA 1936", "09SANAA1936"),
        ("B", "NEW DELHI 878", "09NEWDELHI878"),
    ]


def test_unlabelled_single_and_semicolon_lists() -> None:
    assert _refs(["REF: STATE 12345"]) == [("", "STATE 12345", "08STATE12345")]
    assert _refs(["REF: 09 STATE 122115; 09 NAIROBI 2487"], "09") == [
        ("", "09 STATE 122115", "09STATE122115"),
        ("", "09 NAIROBI 2487", "09NAIROBI2487"),
    ]


def test_items_written_as_ids() -> None:
    assert _refs(["REF: A. 08DHAKA1041", "B. 09SHENYANG 167"], "10") == [
        ("A", "08DHAKA1041", "08DHAKA1041"),
        ("B", "09SHENYANG 167", "09SHENYANG167"),
    ]


def test_comma_separated_cables() -> None:
    assert _refs(["REF: 09 RIYADH 346, 09 RIYADH 270"], "09") == [
        ("", "09 RIYADH 346", "09RIYADH346"),
        ("", "09 RIYADH 270", "09RIYADH270"),
    ]


def test_closing_paren_labels_and_lower_case() -> None:
    assert _refs(["Ref: a) shanghai 80; b) 06 beijing 23548; c) 08 shanghai 283"], "09") == [
        ("A", "shanghai 80", "09SHANGHAI80"),
        ("B", "06 beijing 23548", "06BEIJING23548"),
        ("C", "08 shanghai 283", "08SHANGHAI283"),
    ]
    assert _refs(["REF: A) BOGOTA 11207 B) BOGOTA 11205 C) BOGOTA 10728"], "04") == [
        ("A", "BOGOTA 11207", "04BOGOTA11207"),
        ("B", "BOGOTA 11205", "04BOGOTA11205"),
        ("C", "BOGOTA 10728", "04BOGOTA10728"),
    ]


def test_non_cable_references_keep_none() -> None:
    got = _refs(
        [
            "REF: A. STATE 124823",
            "     B. GUHA-CARTER E-MAIL (07SEP07)",
            "     C. DEMARCHE DELIVERED 5/3/2007",
            "     D. TD-314/18176-06",
            "     E. 11/15 Jean Clark Email",
        ],
        "07",
    )
    assert [(label, rid) for label, _, rid in got] == [
        ("A", "07STATE124823"),
        ("B", None),
        ("C", None),
        ("D", None),
        ("E", None),
    ]


def test_page_marker_left_inside_the_list_is_skipped() -> None:
    # 06CARACAS958's list with its page-1 marker moved between D and E
    lines = [
        "REF: A. CARACAS 00661",
        "B. 05 CARACAS 01822",
        "C. CARACAS 00330",
        "D. TD-314/18176-06",
        "",
        "CARACAS 00000958  002 OF 005",
        "",
        "E. TD-314/18093-06",
        "F. HAVANA 04139",
    ]
    got = _refs(lines, "06")
    assert [label for label, _, _ in got] == ["A", "B", "C", "D", "E", "F"]
    assert got[-1] == ("F", "HAVANA 04139", "06HAVANA4139")
    assert all("002 OF 005" not in text for _, text, _ in got)


def test_old_teletype_page_header_and_banner_inside_the_list() -> None:
    lines = ["REF: HARARE 5346  CONFIDENTIAL", "PAGE 02 HARARE 05461 01 OF 02 271458Z"]
    assert _refs(lines, "00") == [("", "HARARE 5346", "00HARARE5346")]


def test_notal_and_trailing_words() -> None:
    got = _refs(["REF: A. THE HAGUE 1290 (NOTAL)", "", "B. USEU BRUSSELS 4009"], "04")
    assert got == [("A", "THE HAGUE 1290 (NOTAL)", "04THEHAGUE1290"), ("B", "USEU BRUSSELS 4009", "04USEUBRUSSELS4009")]


def test_no_year_known() -> None:
    assert _refs(["REF: STATE 12345"], None) == [("", "STATE 12345", None)]
    assert _refs(["REF: 2006 STATE 202745"], None) == [("", "2006 STATE 202745", "06STATE202745")]


# --- WikiLeaks' resolution rules, on real cables (expected ids read off the REF lines) ---

def _cable_refs(shared_cables: Path, name: str) -> list[tuple[str, str | None]]:
    raw = next(iter(formats.read_path(shared_cables / "wikileaks-html" / f"{name}.html")))
    assert isinstance(raw, RawCable)
    info = header.parse_header(raw, pages.clean_lines(raw.body))
    return [(r.label, r.ref_id) for r in info.references]


def test_secstate_is_state_as_in_wikileaks_ids(shared_cables: Path) -> None:
    assert _cable_refs(shared_cables, "08LONDON2070") == [("", "08STATE83719")]  # REF: SECSTATE 83719


def test_short_post_names_take_the_posts_id_form(shared_cables: Path) -> None:
    # 09RIODEJANEIRO357: "REF: A. RIO 329 B. RIO 346"
    assert _cable_refs(shared_cables, "09RIODEJANEIRO357") == [("A", "09RIODEJANEIRO329"), ("B", "09RIODEJANEIRO346")]
    assert _refs(["REF: USUN 617"]) == [("", "USUN 617", "08USUNNEWYORK617")]
    assert _refs(["REF: 09 UNVIE 301"], "09") == [("", "09 UNVIE 301", "09UNVIEVIENNA301")]


def test_an_item_naming_two_serials_gives_both(shared_cables: Path) -> None:
    # 04BRASILIA676: "C. STATE 41252 AND 44603"
    assert ("C", "04STATE41252") in _cable_refs(shared_cables, "04BRASILIA676")
    assert ("C", "04STATE44603") in _cable_refs(shared_cables, "04BRASILIA676")
    # 08BEIJING3080: "REF: USUN NEW YORK 720 AND 721"
    assert _cable_refs(shared_cables, "08BEIJING3080") == [("", "08USUNNEWYORK720"), ("", "08USUNNEWYORK721")]
    assert _refs(["REF: CAIRO 500 & 511"]) == [("", "CAIRO 500 & 511", "08CAIRO500"), ("", "CAIRO 500 & 511", "08CAIRO511")]
    # a date after the serial is not a second serial
    assert _refs(["REF: STATE 1234, 12 MAY"]) == [("", "STATE 1234, 12 MAY", "08STATE1234")]


def test_a_yearless_serial_above_the_cables_own_is_from_the_year_before(shared_cables: Path) -> None:
    # 09RIODEJANEIRO14 (serial 14, January 2009) cites "B. Rio de Janeiro 91" ... and "G. Brasilia 910"
    got = dict(_cable_refs(shared_cables, "09RIODEJANEIRO14"))
    assert got["B"] == "08RIODEJANEIRO91"  # Rio's serial 91 > 14: last year's
    assert got["G"] == "09BRASILIA910"  # another post's serials say nothing about ours
    assert got["A"] == "07SAOPAULO899"  # a stated year stays
    assert _refs(["REF: CAIRO 12"], "09") == [("", "CAIRO 12", "09CAIRO12")]  # no own id: the cable's year


def test_a_reference_whose_year_cannot_be_known_keeps_no_id() -> None:
    assert _refs(["REF: A. CAIRO 500 B. 07 CAIRO 12"], None) == [("A", "CAIRO 500", None), ("B", "07 CAIRO 12", "07CAIRO12")]


def test_a_pasted_routing_header_in_a_ref_line_is_not_a_reference_to_itself(shared_cables: Path) -> None:
    # 09CAIRO290's REF line runs into its own pasted routing header ("RUEHEG #0290/01 ...")
    assert "09CAIRO290" not in {rid for _, rid in _cable_refs(shared_cables, "09CAIRO290")}

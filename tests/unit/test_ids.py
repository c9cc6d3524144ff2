"""Reference ids: forming, repairing, deriving from the text."""

from __future__ import annotations

import pytest

from tipreader.cable import ids
from tipreader.cable.origins import compact_post, origin_for_post, origin_from_fm


@pytest.mark.parametrize(
    ("year", "post", "serial", "want"),
    [
        ("2008", "MEXICO", "000721", "08MEXICO721"),
        ("08", "NEW DELHI", "00009127", "08NEWDELHI9127"),
        (2008, "SAO PAULO", "335", "08SAOPAULO335"),
        ("06", "USUN NEW YORK", "0444", "06USUNNEWYORK444"),
        ("08", "STATE", "202745", "08STATE202745"),
        ("73", "STATE", "097844", "73STATE97844"),
        (None, "STATE", "1", None),
        ("08", "", "1", None),
    ],
)
def test_make_ref_id(year: object, post: str, serial: str, want: str | None) -> None:
    assert ids.make_ref_id(year, post, serial) == want  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("raw", "want", "repaired"),
    [
        ("08ECTION01OF02MANAMA492", "08MANAMA492", True),
        ("08SCTION02OF02SAOPAULO335", "08SAOPAULO335", True),
        ("09SECTION01OF03SANJOSE525", "09SANJOSE525", True),
        ("08SECTION01GF02BISHIEK21", "08BISHIEK21", True),
        ("08MEXICO721", "08MEXICO721", False),
        (" 08mexico721 ", "08MEXICO721", False),
        ("1973STATE097844_b", "1973STATE097844_b", False),
    ],
)
def test_repair_ref_id(raw: str, want: str, repaired: bool) -> None:
    assert ids.repair_ref_id(raw) == (want, repaired)


def test_derive_prefers_routing_serial_and_class_line_post() -> None:
    routing = "DE RUEHLO #2211/01 1231234\nR 031234Z MAY 09\nFM AMEMBASSY LONDON\n"
    # the classification line names the post as WikiLeaks spells it: "E F T O LONDON"
    assert ids.derive_ref_id("09", routing, "E F T O LONDON", "002211", "") == "09EFTOLONDON2211"
    # a different cable pasted as the body: the routing line wins
    assert ids.derive_ref_id("07", "DE RUEHFR #2725/01 1770754", "MOSCOW", "005154", "") == "07PARIS2725"


def test_derive_keeps_the_long_serial_the_routing_line_cut() -> None:
    # "#0093" is the routing line's last four digits of BOGOTA 010093
    assert ids.derive_ref_id("06", "DE RUEHBO #0093/01 3041939", "BOGOTA", "010093", "") == "06BOGOTA10093"


def test_derive_from_page_marker_and_section_line() -> None:
    body = "blah\nMEXICO 00000721  002 OF 011\nmore"
    assert ids.derive_ref_id("08", "", None, None, body) == "08MEXICO721"
    assert ids.derive_ref_id("08", "", "NEW DELHI", "009127", "") == "08NEWDELHI9127"
    assert ids.derive_ref_id("08", "DE RUEHME #0721/01 0712219", None, None, "") == "08MEXICO721"
    assert ids.derive_ref_id(None, "DE RUEHME #0721/01 0712219", None, None, "") is None


def test_page_marker_with_cut_post_name_is_not_preferred() -> None:
    # "BUENOS AIR 00001462 002 OF 003": the classification line's full name wins
    body = "UNCLAS SECTION 01 OF 02 BUENOS AIRES 001462\nBUENOS AIR 00001462  002 OF 003\n"
    assert ids.derive_ref_id("06", "DE RUEHBU #1462/01 1801546", "BUENOS AIRES", "001462", body) == (
        "06BUENOSAIRES1462"
    )


@pytest.mark.parametrize(
    ("fm", "origin"),
    [
        ("AMEMBASSY MEXICO", "Embassy Mexico"),
        ("SECSTATE WASHDC", "Secretary of State"),
        ("AMCONSUL MONTERREY", "Consulate Monterrey"),
        ("USMISSION USUN NEW YORK", "USUN New York"),
        ("USMISSION GENEVA", "US Mission Geneva"),
        ("USMISSION USNATO", "Mission USNATO"),
        ("USINT HAVANA", "US Interests Section Havana"),
        ("AMEMBASSY KIEV", "Embassy Kyiv"),
        ("AMCONSUL CALCUTTA", "Consulate Kolkata"),
        ("AMCONSUL RIO DE JANEIRO", "Consulate Rio De Janeiro"),
        ("AIT TAIPEI", "American Institute Taiwan, Taipei"),
        ("RPO DUBAI", "Iran RPO Dubai"),
        ("USDEL SECRETARY//MEXICO//", "US Delegation, Secretary"),
        ("RUEHME/AMEMBASSY MEXICO PRIORITY 1234", "Embassy Mexico"),
        ("SOMEONE ELSE", None),
    ],
)
def test_origin_from_fm(fm: str, origin: str | None) -> None:
    assert origin_from_fm(fm) == origin


def test_origin_for_post() -> None:
    assert origin_for_post("SAO PAULO") == "Consulate Sao Paulo"
    assert origin_for_post("SAOPAULO") == "Consulate Sao Paulo"
    assert origin_for_post("THE HAGUE") == "Embassy The Hague"
    assert origin_for_post("STATE") == "Secretary of State"
    assert compact_post("usun new york") == "USUNNEWYORK"


def test_a_malformed_id_takes_the_id_the_text_gives() -> None:
    # WikiLeaks' 08SECTION01GF02BISHIEK21: the section line ate into the id and the post's letters are
    # garbled; the text says DE RUEHEK #1021/01 (Bishkek) and P 060932Z OCT 08
    assert ids.settle_malformed("08SECTION01GF02BISHIEK21", "08BISHIEK21", "08BISHKEK1021") == "08BISHKEK1021"
    # no id in the text: the cut form only when its post is a known one, else WikiLeaks' own form
    assert ids.settle_malformed("08ECTION01OF02MANAMA492", "08MANAMA492", None) == "08MANAMA492"
    assert ids.settle_malformed("09SECTION02OF03QAIRO583", "09QAIRO583", None) == "09SECTION02OF03QAIRO583"


def test_a_garbled_page_marker_is_not_a_serial() -> None:
    # "BISHKEK 10061021  001.2 OF 002" (for 00001021): its last four digits agree with the routing
    # line's #1021, but no serial has eight digits
    body = "UNCLAS SECTION 01 GF 02 BISHIEK 00Q021\nBISHKEK 10061021  001.2 OF 002\n"
    assert ids.derive_ref_id("08", "DE RUEHEK #1021/01 2800932", None, None, body) == "08BISHKEK1021"


def test_table_ref_id_never_invents_an_id() -> None:
    assert ids.table_ref_id("08ECTION01OF02MANAMA492") == "08MANAMA492"
    assert ids.table_ref_id("08MEXICO721") == "08MEXICO721"
    # the post's letters were eaten too: the right id (08BISHKEK1021) is only in the text
    assert ids.table_ref_id("08SECTION01GF02BISHIEK21") is None

"""Hard cases of the header stage, one at a time (texts cut from real cables)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tipreader.cable import classification as cls
from tipreader.cable import dtg, header, pages
from tipreader.cable._types import HeaderInfo, RawCable


def _parse(body: str, head: str = "", meta: dict | None = None) -> tuple[list[str], HeaderInfo]:
    raw = RawCable("t", "raw", head, body, meta or {})
    lines = pages.clean_lines(body)
    return [ln.text for ln in lines], header.parse_header(raw, lines)


@pytest.mark.parametrize(
    ("text", "date", "precedence"),
    [
        ("R 112219Z MAR 08", "2008-03-11T22:19:00Z", "ROUTINE"),
        ("O R 161508Z FEB 10", "2010-02-16T15:08:00Z", "IMMEDIATE"),
        ("P 240620Z JUL 08 ZUI RUEHWEB DE RUEHC #5323 2051850", "2008-07-24T06:20:00Z", "PRIORITY"),
        ("P R 221828 Z MAY 73", "1973-05-22T18:28:00Z", "PRIORITY"),
        ("Z 010101Z JAN 09", "2009-01-01T01:01:00Z", "FLASH"),
        ("NIACT 010101Z JAN 09", "2009-01-01T01:01:00Z", "NIACT IMMEDIATE"),
        ("no dtg here 12345", None, None),
        ("R 999999Z MAR 08", None, None),
    ],
)
def test_dtg(text: str, date: str | None, precedence: str | None) -> None:
    assert dtg.parse_dtg(text) == (date, precedence)


def test_other_date_statements() -> None:
    assert dtg.parse_lone_dtg("note\n\n271036Z Apr 00\n") == "2000-04-27T10:36:00Z"
    assert dtg.parse_cable_dated("Cable dated:2002-11-15T12:40:00S E C R E T") == "2002-11-15T12:40:00Z"
    assert dtg.parse_stated_date("Friday, 23 February 2001, 15:53\nC O N F") == "2001-02-23T15:53:00Z"
    assert dtg.normalise_created("2008-03-11 22:19") == "2008-03-11T22:19:00Z"
    assert dtg.normalise_created("1/4/2008 22:01") == "2008-01-04T22:01:00Z"
    assert dtg.precedence_with_niact("IMMEDIATE", "TO SECSTATE WASHDC NIACT IMMEDIATE 1234") == "NIACT IMMEDIATE"


@pytest.mark.parametrize(
    ("eo", "declassify"),
    [
        ("12958: DECL: 07/24/2018", "2018-07-24"),
        ("12958 DECL: 09/21/10", "2010-09-21"),
        ("12958: DECL: 2035/02/12", "2035-02-12"),
        ("12958: DECL: 4/4/2012", "2012-04-04"),
        ("12958: N/A", None),
        ("12958: DECL: 1.6X6", None),
    ],
)
def test_declassification_dates(eo: str, declassify: str | None) -> None:
    assert dtg.parse_decl(eo) == declassify


@pytest.mark.parametrize(
    ("line", "level", "post", "serial"),
    [
        ("C O N F I D E N T I A L SECTION 01 OF 02 HARARE 005461 ", "CONFIDENTIAL", "HARARE", "005461"),
        ("C o n f i d e n t i a l section 01 of 04 ankara 000348", "CONFIDENTIAL", "ANKARA", "000348"),
        ("UNCLAS MEXICO 000721", "UNCLASSIFIED", "MEXICO", "000721"),
        ("UNCLAS SECTION 01 OF 11 NEW DELHI 009127", "UNCLASSIFIED", "NEW DELHI", "009127"),
        ("S E C R E T STATE 012345", "SECRET", "STATE", "012345"),
        ("UNCLAS E F T O LONDON 002211", "UNCLASSIFIED", "E F T O LONDON", "002211"),
        ("LIMITED OFFICIAL USE STATE 097844", "LIMITED OFFICIAL USE", "STATE", "097844"),
        ("CONFIDENTIAL     PTQ2529", "CONFIDENTIAL", None, None),
        ("SECRET", "SECRET", None, None),
    ],
)
def test_classification_lines(line: str, level: str, post: str | None, serial: str | None) -> None:
    found = cls.match_class_line(line)
    assert found is not None
    assert (found.level, found.post, found.serial) == (level, post, serial)


@pytest.mark.parametrize("line", ["Confidential sources say the minister", "Secretary Rice met", "UNCLEAR"])
def test_prose_is_not_a_classification_line(line: str) -> None:
    assert cls.match_class_line(line) is None


@pytest.mark.parametrize(
    ("level", "caveats", "want"),
    [
        ("UNCLASSIFIED", ["SIPDIS"], "UNCLASSIFIED"),
        ("UNCLASSIFIED", ["SENSITIVE", "SIPDIS"], "UNCLASSIFIED//FOR OFFICIAL USE ONLY"),
        ("CONFIDENTIAL", ["NOFORN"], "CONFIDENTIAL//NOFORN"),
        ("SECRET", ["SIPDIS", "NOFORN"], "SECRET//NOFORN"),
        ("SECRET", [], "SECRET"),
    ],
)
def test_wikileaks_spelling(level: str, caveats: list[str], want: str) -> None:
    assert cls.wikileaks_classification(level, caveats) == want


def test_caveat_lines() -> None:
    assert cls.caveats_in("SENSITIVE BUT UNCLASSIFIED - PROTECT ACCORDINGLY") == ["SENSITIVE"]
    assert cls.caveats_in("E F T O") == ["EFTO"]
    assert cls.normalise_meta_classification("UNCLASSIFIED//FOR OFFICIA LUSEONLY    ") == (
        "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    )


PREAMBLE = """UNCLAS SECTION 01 OF 03 THE HAGUE 001510

SIPDIS

SENSITIVE

SIPDIS

DEPT FOR INL/PC - LMCKECHNIE, INL/T
DEPT ALSO FOR EUR/ERA, EUR/PGI, EUR/UBI
ONDCP FOR CHARLOTTE SISSON

E.O. 12958: N/A
TAGS: SNAR KCRM PINS PREL NL
SUBJECT: NETHERLANDS: NARCOTICS CERTIFICATION UPDATE

REF: A. STATE 78495

B. THE HAGUE 814
C. THE HAGUE 1415

THE HAGUE 00001510 001.2 OF 003


1. (U) Summary. In preparation for this year's interagency
review for narcotics certification, Post submits the
"""


def test_preamble_of_a_full_cable() -> None:
    head = "DE RUEHTC #1510/01 1881216\nZNR UUUUU ZZH\nR 071216Z JUL 06\nFM AMEMBASSY THE HAGUE\nTO RUEHC/SECSTATE WASHDC 6262\nINFO RUEHBS/USEU BRUSSELS 0338\nRUEAWJB/DOJ WASHDC"
    lines, info = _parse(PREAMBLE, head)
    assert info.ref_id == "06THEHAGUE1510"
    assert info.origin == "Embassy The Hague"
    assert info.fm == "AMEMBASSY THE HAGUE"
    assert info.to == ("SECSTATE WASHDC",)
    assert info.info == ("USEU BRUSSELS", "DOJ WASHDC")
    assert info.classification == "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    assert info.caveats == ("SIPDIS", "SENSITIVE")
    assert info.tags == ("SNAR", "KCRM", "PINS", "PREL", "NL")
    assert info.subject == "NETHERLANDS: NARCOTICS CERTIFICATION UPDATE"
    assert [r.ref_id for r in info.references] == ["06STATE78495", "06THEHAGUE814", "06THEHAGUE1415"]
    assert lines[info.body_start].startswith("1. (U) Summary.")
    assert info.warnings == []


def test_tags_typo_and_tags_over_two_lines() -> None:
    body = "CONFIDENTIAL ROME 000123\n\nE.O. 12958: DECL: 01/01/2018\nTAGE: PREL PGOV\n   IT VT\nSUBJECT: A\n\n1. (C) Text."
    lines, info = _parse(body, meta={"created": "2008-01-02 10:00"})
    assert info.tags == ("PREL", "PGOV", "IT", "VT")
    assert info.ref_id == "08ROME123"
    assert "missing-header" in {w.code for w in info.warnings}
    assert lines[info.body_start] == "1. (C) Text."


def test_subject_stops_at_ref_and_classified_by_on_the_same_line() -> None:
    body = (
        "UNCLAS BUENOS AIRES 000062 SIPDIS SENSITIVE SIPDIS E.O. 12958: N/A TAGS: ASEC AR\n\n"
        "SUBJECT: ANNUAL OVERSEAS SECURITY ADVISORY COUNCIL (OSAC) CRIME AND SAFETY REPORT REF: 07 SECSTATE 168473\n"
        " SENSITIVE BUT UNCLASSIFIED - PROTECT ACCORDINGLY\n\n1. (SBU) OVERALL CRIME AND SAFETY: Traffic"
    )
    lines, info = _parse(body, meta={"created": "2008-01-16 17:47"})
    assert info.subject == "ANNUAL OVERSEAS SECURITY ADVISORY COUNCIL (OSAC) CRIME AND SAFETY REPORT"
    assert [(r.text, r.ref_id) for r in info.references] == [("07 SECSTATE 168473", "07STATE168473")]
    assert info.tags == ("ASEC", "AR")
    assert info.eo == "12958: N/A"
    assert info.classification == "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    assert lines[info.body_start].startswith("1. (SBU) OVERALL")


def test_classified_by_before_the_addressees() -> None:
    body = (
        "C O N F I D E N T I A L  BRASILIA 000093\n \nClassified By: Ambassador Clifford Sobel.  Reason 1.5 (b) (d)\n"
        " \nDEPARTMENT FOR WHA, M, T\n \nE.O. 12958: DECL: 01/08/2018\nTAGS: MASSMNUC NPT PARM PREL\n"
        "SUBJECT: BRAZIL'S NUCLEAR SUBMARINE AMBITIONS\n\n1. (U) This is n action request - see para 9.\n"
    )
    lines, info = _parse(body, meta={"created": "2008-01-15 18:06"})
    assert info.classified_by == "Ambassador Clifford Sobel. Reason 1.5 (b) (d)"
    assert info.subject == "BRAZIL'S NUCLEAR SUBMARINE AMBITIONS"
    assert lines[info.body_start].startswith("1. (U) This is n action request")


def test_multi_line_subject_and_classified_by_continuation() -> None:
    body = (
        "S E C R E T SECTION 01 OF 02 MEXICO 003061\n\nNOFORN\nSENSITIVE\nSIPDIS\n\nE.O. 12958: DECL: 07/24/2019\n"
        "TAGS: PREL PGOV PINR MX\nSUBJECT: DIRECTOR OF NATIONAL INTELLIGENCE DENNIS BLAIR'S\n"
        "MEETING WITH PRESIDENT CALDERON, OCTOBER 19\n\nClassified By: Ambassador Carlos Pascual.\n"
        "Reason: 1.4 (b),(d).\n\n1. (S/NF) Summary. DNI Dennis Blair met with President\n"
    )
    lines, info = _parse(body, meta={"created": "2009-10-21 10:00"})
    assert info.subject == "DIRECTOR OF NATIONAL INTELLIGENCE DENNIS BLAIR'S MEETING WITH PRESIDENT CALDERON, OCTOBER 19"
    assert info.classified_by == "Ambassador Carlos Pascual. Reason: 1.4 (b),(d)."
    assert info.caveats == ("NOFORN", "SENSITIVE", "SIPDIS")
    assert info.classification == "SECRET//NOFORN"
    assert info.ref_id == "09MEXICO3061"
    assert lines[info.body_start].startswith("1. (S/NF) Summary.")


def test_meta_wins_and_is_tidied() -> None:
    body = "UNCLAS MANAMA 000492\n\nE.O. 12958: N/A\nTAGS: KCRM\nSUBJECT: X\n\n1. (U) Text."
    meta = {"ref_id": "08ECTION01OF02MANAMA492", "origin": "Embassy  Manama", "classification": "CONFIDENTIAL"}
    _, info = _parse(body, meta=meta)
    assert info.ref_id == "08MANAMA492"
    assert info.origin == "Embassy Manama"
    assert info.classification == "CONFIDENTIAL"
    assert {w.code for w in info.warnings} >= {"repaired-id", "no-date", "missing-header"}


def test_no_date_leaves_the_id_without_a_year_and_guesses_it_apart() -> None:
    """A guess from the declassification date is wrong about one time in ten: never in the id."""
    body = "C O N F I D E N T I A L VATICAN 001261\n\nE.0. 12958: DECL: 03/05/11\nTAGS: PREL\nSUBJECT: X\n\n1. (U) Y"
    _, info = _parse(body)
    assert info.date is None
    assert info.ref_id == "VATICAN1261"
    assert info.year_guess == 2001
    assert {"no-date", "no-year"} <= {w.code for w in info.warnings}
    assert "2001?" in next(w.message for w in info.warnings if w.code == "no-year")


def test_partial_extract_flag_and_cable_dated() -> None:
    head = "This record is a partial extract of the original cable. The full text of the original cable is not available."
    body = "Cable dated:2002-11-15T12:40:00\nS E C R E T SECTION 01 OF 05 ANKARA 008305\n\nE.O. 12958: DECL: 11/14/2012\n\n1. (U) Text"
    _, info = _parse(body, head)
    assert info.partial is True
    assert info.date == "2002-11-15T12:40:00Z"
    assert info.ref_id == "02ANKARA8305"
    assert info.classification == "SECRET"


def test_empty_input() -> None:
    lines, info = _parse("")
    assert info.ref_id is None and info.body_start == 0
    assert "no-date" in {w.code for w in info.warnings}


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400), st.text(max_size=200))
def test_arbitrary_text_never_raises(body: str, head: str) -> None:
    lines, info = _parse(body, head)
    assert 0 <= info.body_start <= len(lines)


def test_fm_line_with_the_country_code_of_older_cables() -> None:
    from tipreader.cable.origins import origin_from_fm

    assert origin_from_fm("AMEMBASSY ROME IT") == "Embassy Rome"
    assert origin_from_fm("AMCONSUL SAO PAULO BR") == "Consulate Sao Paulo"
    assert origin_from_fm("AMEMBASSY DAR ES SALAAM TZ") == "Embassy Dar Es Salaam"
    assert origin_from_fm("AMEMBASSY PORT AU PRINCE") == "Embassy Port Au Prince"  # a name's own short word stays
    assert origin_from_fm("AMEMBASSY PORT AU") == "Embassy Port Au"  # "PORT" is no post: nothing dropped

"""The header stage on real cables of different shapes; expected values read off the cables."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from tipreader.cable import formats, header, pages
from tipreader.cable._types import HeaderInfo, Line, RawCable
from tipreader.cable.parse import parse_file

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "header"
SAMPLES = Path(__file__).resolve().parents[2] / "sample_cables"


def _read(path: Path, *, drop_meta: bool = False) -> tuple[RawCable, list[Line], HeaderInfo]:
    raw = next(iter(formats.read_path(path)))
    assert isinstance(raw, RawCable), raw
    if drop_meta:
        raw = RawCable(raw.source, raw.format, raw.header, raw.body, {})
    lines = pages.clean_lines(raw.body)
    return raw, lines, header.parse_header(raw, lines)


def _codes(info: HeaderInfo) -> set[str]:
    return {w.code for w in info.warnings}


def test_mexico_scoop_page(shared_cables: Path) -> None:
    raw, lines, info = _read(shared_cables / "scoop-text" / "08MEXICO721.txt")
    assert info.ref_id == "08MEXICO721"  # from the page markers "MEXICO 00000721 002 OF 011"
    assert info.date == "2008-03-11T22:19:00Z"  # R 112219Z MAR 08
    assert info.precedence == "ROUTINE"
    assert info.origin == "Embassy Mexico"  # DE RUEHME
    assert info.eo == "12958: N/A" and info.declassify is None
    assert [(r.label, r.text, r.ref_id) for r in info.references] == [
        ("A", "2006 STATE 202745", "06STATE202745"),
        ("B", "2007 STATE 150188", "07STATE150188"),
        ("C", "2008 STATE 02731", "08STATE2731"),
    ]
    # every paragraph is (SBU): the scrape lost the UNCLAS line, the markings still tell
    assert info.classification == "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    assert lines[info.body_start].text.startswith("1. (SBU) The mission's point of contact")
    # the scrape kept `DE RUEHME #0721/01` and the DTG but lost FM, TO and the caption: said so
    assert "missing-header" in _codes(info)


def test_plusd_1973_record(shared_cables: Path) -> None:
    _, lines, info = _read(shared_cables / "plusd-html" / "1973STATE097844_b.html")
    assert info.ref_id == "1973STATE097844_b"
    assert info.date == "1973-05-22T18:28:00Z"  # P R 221828 Z MAY 73
    assert info.precedence == "PRIORITY"
    assert info.fm == "SECSTATE WASHDC"
    assert info.to == ("AMEMBASSY LUXEMBOURG",)
    assert info.info == ("AMEMBASSY ROME",)
    assert info.classification == "LIMITED OFFICIAL USE"
    assert info.tags == ("SPOP", "IT")
    assert info.subject == "INFORMATION TO FORMER SENATOR TYDINGS"
    assert lines[info.body_start].text.split()[:3] == ["1.", "PLEASE", "INFORM"]


def test_plusd_text_alone_gives_the_telegram_id(shared_cables: Path) -> None:
    _, _, info = _read(shared_cables / "plusd-html" / "1973STATE097844_b.html", drop_meta=True)
    # "LIMITED OFFICIAL USE STATE 097844" and the DTG year 73
    assert info.ref_id == "73STATE97844"
    assert info.origin == "Secretary of State"
    assert info.classification == "LIMITED OFFICIAL USE"


def test_lower_cased_spaced_out_partial_extract() -> None:
    _, lines, info = _read(SAMPLES / "00TASHKENT4223.html", drop_meta=True)
    # "C o n f i d e n t i a l section 01 of 03 tashkent 004223 e.o. 12958: decl: 11/02/10 tags: ..."
    assert info.ref_id == "00TASHKENT4223"
    assert info.classification == "CONFIDENTIAL"
    assert info.date == "2000-11-02T11:55:00Z"  # O 021155Z NOV 00
    assert info.precedence == "IMMEDIATE"
    assert info.origin == "Embassy Tashkent"
    assert info.tags == ("PREL", "PTER", "RU", "AF", "UZ")
    assert info.declassify == "2010-11-02"
    assert info.subject == "Karimov urges closer cooperation with US., commits to frank airing of differences"
    assert lines[info.body_start].text.startswith("1. (c) summary: on November 1")


def test_malformed_id_is_repaired_with_a_warning() -> None:
    _, lines, info = _read(SAMPLES / "08ECTION01OF02MANAMA492.html")
    assert info.ref_id == "08MANAMA492"
    assert "repaired-id" in _codes(info)
    assert info.date == "2008-07-24T06:20:00Z"
    assert info.precedence == "PRIORITY"
    assert info.classification == "CONFIDENTIAL"
    assert info.tags == ("KCRM", "KWMN", "ASEC", "PHUMBA")  # as written ("PHUM BA" run together)
    # "REF: A. MANAMA 165 B. MANAMA 320 C. MANAMA 363 D. MANAMA 486 Classiied By: CDA ..." on one line
    assert [r.ref_id for r in info.references] == ["08MANAMA165", "08MANAMA320", "08MANAMA363", "08MANAMA486"]
    assert info.classified_by == "CDA Christopher Henzel for reasons 1.4 (b)and (d)"
    assert lines[info.body_start].text.startswith("1.(C) Summary: The GOB asked")


def test_two_ref_blocks() -> None:
    _, lines, info = _read(SAMPLES / "05NEWDELHI1075.html")
    # "REF: A. NEW DELHI 878" and then "REF: A. NEW DELHI 878 / B. .. 877 / C. .. 876 / D. .. 874"
    assert [(r.label, r.ref_id) for r in info.references] == [
        ("A", "05NEWDELHI878"),
        ("B", "05NEWDELHI877"),
        ("C", "05NEWDELHI876"),
        ("D", "05NEWDELHI874"),
    ]
    assert info.partial is True
    assert "missing-header" in _codes(info)
    assert info.classified_by == "DCM Robert O. Blake, Jr. for Reasons 1.4 (B, D)"
    assert lines[info.body_start].text.startswith("1. (C) Summary: The GOI remains unapologetic")


def test_page_break_after_ref_line() -> None:
    # "REF: HARARE 5346  CONFIDENTIAL" / "PAGE 02 HARARE 05461 01 OF 02 271458Z" / "CLASSIFIED BY ..."
    _, lines, info = _read(FIX / "00HARARE5461.html")
    assert [(r.label, r.text, r.ref_id) for r in info.references] == [("", "HARARE 5346", "00HARARE5346")]
    assert info.classified_by == "DCM EARL IRVING. REASONS: 1.5 (B) AND (D)."
    assert info.eo == "12958 DECL: 09/21/10" and info.declassify == "2010-09-21"
    assert info.tags == ("PGOV", "PINS", "ZI", "MDC", "ZANU-PF")
    assert info.subject == "ZANU-PF REPORTEDLY INTERESTED IN DEAL WITH MDC THAT INVOLVES MUGABE\u2019S DEPARTURE"
    assert info.partial is True
    assert lines[info.body_start].text.strip() == "SUMMARY"


def test_non_cable_references_keep_no_id() -> None:
    _, _, info = _read(FIX / "08REYKJAVIK179.html")
    assert [(r.label, r.text, r.ref_id) for r in info.references] == [
        ("A", "State 77490", "08STATE77490"),
        ("B", "Klopfenstein-Peterson emails 7/31 and 8/01/08", None),
        ("C", "Reykjavik 025", "08REYKJAVIK25"),
    ]
    assert info.caveats == ("SENSITIVE", "SIPDIS")
    assert info.subject == "ICELANDIC MFA REQUESTS ALL U.S. RECORDS ON HALLDOR LAXNESS"
    _, _, bare = _read(FIX / "08REYKJAVIK179.html", drop_meta=True)
    assert bare.classification == "UNCLASSIFIED//FOR OFFICIAL USE ONLY"  # UNCLAS + SENSITIVE


def test_intelligence_reports_in_ref_and_noforn() -> None:
    _, lines, info = _read(FIX / "06CARACAS958.html", drop_meta=True)
    assert info.ref_id == "06CARACAS958"
    assert [(r.label, r.ref_id) for r in info.references] == [
        ("A", "06CARACAS661"),
        ("B", "05CARACAS1822"),
        ("C", "06CARACAS330"),
        ("D", None),  # TD-314/18176-06
        ("E", None),
        ("F", "06HAVANA4139"),
        ("G", None),  # IIR 6 902 9642 06
    ]
    assert info.classification == "SECRET//NOFORN"
    assert info.caveats == ("SIPDIS", "NOFORN")
    assert info.eo == "12958: DNG: CO 04/08/2026"
    assert info.subject == "EXPLAINING VENEZUELA'S COZINESS WITH IRAN, C-NE6-00140"
    assert lines[info.body_start].text.strip() == "-------"  # the "Summary" heading's rule


def test_pasted_record_before_the_real_preamble() -> None:
    _, lines, info = _read(FIX / "09ABUJA2170.html", drop_meta=True)
    assert info.ref_id == "09ABUJA2170"
    assert info.date == "2009-12-02T11:16:00Z"
    assert info.subject == "chinese oil companies not so welcome in nigeria's oil patch"
    assert info.declassify == "2019-11-28"
    assert [r.ref_id for r in info.references] == ["09ABUJA2100"]
    assert info.classified_by == "Ambassador Robin R. Sanders for Reasons in Sections 1.4 (b) and (d)."
    assert lines[info.body_start].text.strip() == "-------"


def test_cablegate_text_partial_with_refs_without_years() -> None:
    _, lines, info = _read(FIX / "00HARARE2271.txt")
    assert info.ref_id == "00HARARE2271"
    assert info.date == "2000-04-27T10:36:00Z"  # the lone "271036Z Apr 00" line
    assert info.partial is True
    assert info.fm == "AMEMBASSY HARARE"
    assert info.to == ("SECSTATE WASHDC",)
    assert info.info[:2] == ("AMEMBASSY ROME", "AMEMBASSY LONDON")
    assert [(r.label, r.ref_id) for r in info.references] == [
        ("A", "98HARARE7612"),
        ("B", "98HARARE5986"),
        ("C", "00HARARE1609"),
        ("D", "00HARARE2221"),
        ("E", "00HARARE2205"),
    ]
    assert lines[info.body_start].text.startswith("1. SUMMARY: THIS CABLE")


@pytest.mark.parametrize(
    ("name", "ref_id", "origin", "classification", "date"),
    [
        ("06USUNNEWYORK444.txt", "06USUNNEWYORK444", "USUN New York", "UNCLASSIFIED", "2006-03-09T14:35:00Z"),
        ("09STATE122950.txt", "09STATE122950", "Secretary of State", "SECRET", "2009-12-01T17:24:00Z"),
        ("08RPODUBAI49.txt", "08RPODUBAI49", "Iran RPO Dubai", "SECRET", None),
    ],
)
def test_cablegate_text_files_without_their_metadata(
    shared_cables: Path, name: str, ref_id: str, origin: str, classification: str, date: str | None
) -> None:
    _, _, info = _read(shared_cables / "cablegate-text" / name, drop_meta=True)
    assert info.ref_id == ref_id
    assert info.origin == origin
    assert info.classification == classification
    if date:
        assert info.date == date


def test_subjects_from_cablemap_cases(shared_cables: Path) -> None:
    root = shared_cables / "cablemap-testdata" / "data-subject"
    for name in ("07BERN881", "08BRASILIA93", "08REYKJAVIK195"):
        _, _, info = _read(root / "in" / f"{name}.html")
        want = (root / "out" / f"{name}.txt").read_text(encoding="utf-8").strip()
        assert info.subject == want, name


def test_cut_preview_and_pasted_record_before_the_full_text() -> None:
    # WikiLeaks' page: a preview cut at "1.  (U) Visit..", its own record ("id: 65100",
    # "refid: 06LIMA2017", the routing header, "--- header ends ---"), then the full text
    _, lines, info = _read(FIX / "06LIMA2017.html", drop_meta=True)
    assert info.ref_id == "06LIMA2017"
    assert info.date == "2006-05-23T13:25:00Z"
    assert info.classified_by == "Ambassador Curt Struble for Reasons 1.4 (b,d)"
    assert lines[info.body_start].text.startswith("1.  (U) Visiting PDAS Charles Shapiro")
    assert "id: 65100" not in "\n".join(ln.text for ln in lines[info.body_start :])


def test_caption_with_a_doubled_letter_gives_a_cable(shared_cables: Path) -> None:
    """03KATHMANDU280 (a partial extract: the caption is its only id) with `SS E C R E T` typed."""
    from tipreader.cable import parse_text

    page = (shared_cables / "wikileaks-html" / "03KATHMANDU280.html").read_text(encoding="utf-8")
    pres = [html.unescape(re.sub(r"<[^>]+>", "", p.replace("&#x000A;", "\n"))).replace("\u00b6", "")
            for p in re.findall(r"<code><pre>(.*?)</pre></code>", page, re.S)]
    text = "\n".join(pres).replace("S E C R E T SECTION 01 OF 04", "SS E C R E T SECTION 01 OF 04")
    cable = parse_text(text)
    assert cable.ref_id == "KATHMANDU280" and cable.year_guess == 2003  # no date in the text: no year in the id
    assert cable.classification == "SECRET//NOFORN"


def test_caveats_run_into_the_eo_line_are_read(shared_cables: Path) -> None:
    # 05SANAA2766 lost its newlines: "SIPDIS\nNOFORNE.O. 12958: DECL: 08/20/2015 TAGS: KDEM ..."
    _, _, info = _read(shared_cables / "wikileaks-html" / "05SANAA2766.html", drop_meta=True)
    assert info.classification == "SECRET//NOFORN"  # WikiLeaks' classification of the cable
    assert info.eo == "12958: DECL: 08/20/2015"
    assert info.tags[:3] == ("KDEM", "KMCA", "KMPI")
    # 08ISLAMABAD2051: "SIPDISE.O. 12958: DECL: 06/05/2018"
    _, _, info = _read(shared_cables / "wikileaks-html" / "08ISLAMABAD2051.html")
    assert info.eo == "12958: DECL: 06/05/2018" and info.declassify == "2018-06-05"


def test_malformed_id_with_a_garbled_post_is_read_from_the_text() -> None:
    # WikiLeaks calls it 08SECTION01GF02BISHIEK21: "BISHIEK 00Q021" in its garbled caption; cutting the
    # section words out would give 08BISHIEK21, an id that exists nowhere. The routing line says
    # DE RUEHEK #1021/01 (Bishkek), FM AMEMBASSY BISHKEK, P 060932Z OCT 08.
    _, _lines, info = _read(FIX / "08SECTION01GF02BISHIEK21.html")
    assert info.ref_id == "08BISHKEK1021"
    assert [w.message for w in info.warnings if w.code == "repaired-id"] == [
        "malformed id 08SECTION01GF02BISHIEK21 read as 08BISHKEK1021"]


def test_a_caption_glued_to_its_caveats_and_e_o_line(shared_cables: Path) -> None:
    # `Cable dated:2006-06-08T06:52:00S E C R E T SECTION 01 OF 04 ANKARA 003352SIPDISSIPDISNOFORNE.O. 12958:
    # DECL: 06/05/2026TAGS: MOPS PREL PARM TU IZ IR AJ AF`: one line, nothing read from it before
    cable = parse_file(shared_cables / "wikileaks-html" / "06ANKARA3352.html")[0]
    assert cable.eo == "12958: DECL: 06/05/2026" and cable.declassify == "2026-06-05"
    assert cable.tags == ("MOPS", "PREL", "PARM", "TU", "IZ", "IR", "AJ", "AF")
    assert cable.caveats == ("SIPDIS", "NOFORN")
    # the E.O. line ran into the TAGS: `DECL: 12/02/2019TAGS: OVIP PGOV ...`
    cable = parse_file(shared_cables / "wikileaks-html" / "09MANAMA680.html")[0]
    assert cable.eo == "12958: DECL: 12/02/2019" and cable.tags == ("OVIP", "PGOV", "PREL", "KDEM", "MARR", "BA")


def test_dtg_of_a_later_sections_routing_block_in_the_text(shared_cables: Path) -> None:
    # A 2000 telex print: section 1's routing header is gone; section 2's block sits in paragraph 5's
    # sentence, collapsed: `... /006W ------------------8A8E22 271459Z /38 O 271459Z SEP 00 FM AMEMBASSY HARARE ...`
    _, _, info = _read(shared_cables / "wikileaks-html/00HARARE5461.html", drop_meta=True)
    assert (info.ref_id, info.date, info.precedence) == ("00HARARE5461", "2000-09-27T14:59:00Z", "IMMEDIATE")
    # the same block on lines of its own: `------------------CF2A6B  231627Z /38` / `P 231625Z JUL 02`
    _, _, info = _read(shared_cables / "wikileaks-html/02ROME3639.html", drop_meta=True)
    assert (info.ref_id, info.date, info.precedence) == ("02ROME3639", "2002-07-23T16:25:00Z", "PRIORITY")

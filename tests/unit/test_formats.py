"""The parser's first stage: every container shape → RawCable, with values read off the files."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from tipreader.cable import formats
from tipreader.cable._types import RawCable
from tipreader.cable.decode import clean_text, decode_bytes
from tipreader.cable.fmt_csv import read_csv_stream
from tipreader.cable.fmt_text import PARTIAL_NOTE, split_header
from tipreader.cable.model import CableError

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "formats"
SAMPLES = Path(__file__).resolve().parents[2] / "sample_cables"


def one(path: Path) -> RawCable:
    items = list(formats.read_path(path))
    assert len(items) == 1, items
    assert isinstance(items[0], RawCable), items[0]
    return items[0]


def codes(raw: RawCable) -> list[str]:
    return [w.code for w in raw.warnings]


def clean_markup(raw: RawCable) -> None:
    for text in (raw.header, raw.body):
        assert "\u00b6" not in text
        assert "&#x000A;" not in text
        assert "<a " not in text and "</a>" not in text
        assert "\r" not in text


# --- decoding ---------------------------------------------------------------------


def test_utf8_is_read_as_is() -> None:
    text, warnings = decode_bytes("MUGABE\u2019S DEPARTURE".encode(), "x")
    assert text == "MUGABE\u2019S DEPARTURE" and warnings == []


def test_bad_bytes_fall_back_to_cp1252_per_byte_with_a_warning() -> None:
    data = "caf\u00e9 \u2019 ".encode() + b"na\xefve \x93quoted\x94"
    text, warnings = decode_bytes(data, "x")
    assert text == "caf\u00e9 \u2019 na\u00efve \u201cquoted\u201d"
    assert [w.code for w in warnings] == ["undecodable-bytes"]
    assert "3 bytes" in warnings[0].message


def test_bom_and_utf16() -> None:
    assert decode_bytes(b"\xef\xbb\xbfUNCLAS", "x")[0] == "UNCLAS"
    assert decode_bytes("UNCLAS STATE 1".encode("utf-16"), "x")[0] == "UNCLAS STATE 1"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"  \n\n\t ", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file, not a cable"),
        (bytes(range(256)) * 4, "binary file, not a cable"),
    ],
)
def test_empty_and_binary_are_errors(data: bytes, message: str) -> None:
    items = list(formats.read_bytes(data, "f.bin"))
    assert len(items) == 1 and isinstance(items[0], CableError)
    assert str(items[0]) == message and items[0].source == "f.bin"


def test_control_characters_and_escapes_are_stripped() -> None:
    text = "UNCLAS\r\nSTATE 1\x1b[31m RED\x1b[0m\tTAB\x07\x00\x1b]0;title\x07 END\rX\x0cY"
    assert clean_text(text) == "UNCLAS\nSTATE 1 RED\tTAB END\nX\nY"


# --- raw text: routing header and body ---------------------------------------------


def test_split_routing_header_from_body() -> None:
    text = (
        "VZCZCXRO0166\nPP RUEHROV\nDE RUEHME #0721/01 0712219\nZNR UUUUU ZZH\nR 112219Z MAR 08\n"
        "FM AMEMBASSY MEXICO\nTO RUEHC/SECSTATE WASHDC 1368\nINFO RUEHXC/ALL US CONSULATES IN MEXICO COLLECTIVE\n"
        "RUEAWJA/DEPT OF JUSTICE WASHDC\nUNCLAS SECTION 01 OF 11 MEXICO 000721\n\nSIPDIS\n"
    )
    header, body = split_header(text)
    assert header.splitlines()[0] == "VZCZCXRO0166"
    assert header.splitlines()[-1] == "RUEAWJA/DEPT OF JUSTICE WASHDC"
    assert body.startswith("UNCLAS SECTION 01 OF 11 MEXICO 000721\n")


@pytest.mark.parametrize(
    ("last", "addressee", "first_body"),
    [
        ("RUEKJCS/SECDEF WASHDCS E C R E T ASHGABAT 000248 ", "RUEKJCS/SECDEF WASHDC", "S E C R E T ASHGABAT 000248 "),
        (
            "SECDEF WASHINGTON DCUNCLAS SECTION 01 OF 07 HARARE 002271 ",
            "SECDEF WASHINGTON DC",
            "UNCLAS SECTION 01 OF 07 HARARE 002271 ",
        ),
        (
            "RUEATRS/DEPT OF TREASURY WASHDC IMMEDIATECONFIDENTIAL KUWAIT 000560 ",
            "RUEATRS/DEPT OF TREASURY WASHDC IMMEDIATE",
            "CONFIDENTIAL KUWAIT 000560 ",
        ),
        ("AMCONSUL DHAHRANC O N F I D E N T I A L DHAHRAN 000008 ", "AMCONSUL DHAHRAN", "C O N F I D E N T I A L DHAHRAN 000008 "),
        ("INFO RUCNIRA/IRAN COLLECTIVEWednesday, 11 April 2007, 12:57", "INFO RUCNIRA/IRAN COLLECTIVE", "Wednesday, 11 April 2007, 12:57"),
    ],
)
def test_classification_glued_to_last_addressee_is_split(last: str, addressee: str, first_body: str) -> None:
    header, body = split_header(f"P 240457Z FEB 09\nFM AMEMBASSY X\nTO SECSTATE WASHDC\n{last}\n \nSIPDIS\n")
    assert header.splitlines()[-1] == addressee
    assert body.splitlines()[0] == first_body


def test_text_without_header_is_all_body() -> None:
    text = "C o n f i d e n t i a l section 01 of 04 ankara 000348\n\nE.O. 12958: DECL: 01/01/2019\n"
    assert split_header(text) == ("", text)
    assert split_header("1. (C) Content 1\n2. (SBU) Content 2\n") == ("", "1. (C) Content 1\n2. (SBU) Content 2\n")


def test_body_starting_without_classification_line() -> None:
    header, body = split_header("O 142321Z DEC 07\nFM AMEMBASSY LA PAZ\nTO RUEHC/SECSTATE WASHDC\nSIPDIS\n\nE.O. 12958\n")
    assert header.endswith("TO RUEHC/SECSTATE WASHDC") and body.startswith("SIPDIS\n")


def test_read_text_on_raw_cable() -> None:
    [raw] = formats.read_text("R 112219Z MAR 08\r\nFM AMEMBASSY MEXICO\r\nTO SECSTATE WASHDC\r\n\r\nUNCLAS MEXICO 000721\r\n", "t")
    assert raw.format == "raw" and raw.header == "R 112219Z MAR 08\nFM AMEMBASSY MEXICO\nTO SECSTATE WASHDC"
    assert raw.body == "UNCLAS MEXICO 000721\n"
    with pytest.raises(CableError, match="empty"):
        formats.read_text(" \n ", "t")


# --- WikiLeaks cable-viewer pages ---------------------------------------------------


def test_wikileaks_trimmed_page_partial_extract() -> None:
    raw = one(FIX.parent / "header" / "00HARARE5461.html")
    assert raw.format == "wikileaks-html"
    assert raw.meta == {
        "ref_id": "00HARARE5461",
        "created": "2000-09-27T14:02:00Z",
        "released": "2010-12-18T21:09:00Z",
        "classification": "CONFIDENTIAL",
        "origin": "Embassy Harare",
        "title": "ZANU-PF REPORTEDLY INTERESTED IN DEAL WITH MDC",
        "subject": "ZANU-PF REPORTEDLY INTERESTED IN DEAL WITH MDC",
        "partial": True,
    }
    assert raw.header.startswith(PARTIAL_NOTE)
    assert raw.header.splitlines()[-1] == "SOUTHERN AFRICAN DEVELOPMENT COMMUNITY"
    assert raw.body.startswith("C O N F I D E N T I A L SECTION 01 OF 02 HARARE 005461 \n\nSIPDIS")
    assert "\n1. (C) ACCORDING TO A SENIOR MDC ADVISOR" in raw.body
    assert "MUGABE\u2019S DEPARTURE" in raw.body
    clean_markup(raw)


def test_wikileaks_full_page() -> None:
    raw = one(FIX / "07ALGIERS45.html")
    assert raw.meta["ref_id"] == "07ALGIERS45"
    assert raw.meta["created"] == "2007-01-16T17:05:00Z"
    assert raw.meta["classification"] == "CONFIDENTIAL"
    assert raw.meta["origin"] == "Embassy Algiers"
    assert raw.meta["subject"] == "SENATE PRESIDENT RE-ELECTED"
    assert raw.header.splitlines()[:4] == ["VZCZCXYZ0010", "PP RUEHWEB", "", "DE RUEHAS #0045 0161707"]
    assert "P 161707Z JAN 07\nFM AMEMBASSY ALGIERS\nTO RUEHC/SECSTATE WASHDC PRIORITY 2696" in raw.header
    assert raw.body.startswith("C O N F I D E N T I A L ALGIERS 000045 \n")
    assert "\nTAGS: PGOV KDEM AG\n" in raw.body  # TAGS links → text
    assert "REF: A. 2006 ALGIERS 2067 \n\nB. ALGIERS 30 \n" in raw.body  # pilcrow anchor gone
    assert raw.body.rstrip().endswith("FORD")
    assert "site navigation" not in raw.body and "Browse" not in raw.body
    clean_markup(raw)


def test_wikileaks_page_whose_body_is_a_pasted_csv_row() -> None:
    raw = one(FIX / "08MEXICO23.html")
    assert raw.meta["ref_id"] == "08MEXICO23" and raw.meta["csv_id"] == "136383"
    assert raw.meta["references"] == ["08STATE145633"]
    assert raw.header.startswith("VZCZCXRO5183\nRR RUEHCD")
    assert raw.body.startswith("UNCLAS SECTION 01 OF 03 MEXICO 000023 \n")
    assert raw.body.rstrip().endswith("Leslie BASSETT")
    assert "136383," not in raw.body
    assert codes(raw) == ["embedded-row"]


def test_wikileaks_page_whose_body_is_a_pasted_tab_separated_row() -> None:
    raw = one(FIX / "07BERN881.html")
    assert raw.meta["ref_id"] == "07BERN881" and raw.meta["classification"] == "SECRET"
    assert "DE RUEHSW #0881/01 2540944\nZNY SSSSS ZZH\nO 110944Z SEP 07\nFM AMEMBASSY BERN" in raw.header
    assert raw.body.startswith("S E C R E T SECTION 01 OF 02 BERN 000881 \n")
    assert raw.body.rstrip().endswith("CARTER")
    assert "07TBILISI2290" not in raw.body and "\t" not in raw.body
    assert codes(raw) == ["embedded-row"]


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>Cablegate</title></head><body><p>Nothing here</p></body></html>",
        "<!DOCTYPE html><html><body><h3>Viewing cable 08X1, T</h3><table class='cable'></table></body></html>",
    ],
)
def test_html_without_a_cable_is_an_error(page: str) -> None:
    [err] = list(formats.read_bytes(page.encode(), "page.html"))
    assert isinstance(err, CableError) and str(err) == "HTML page holds no cable"


# --- PlusD --------------------------------------------------------------------------


def test_plusd_record_page() -> None:
    raw = one(FIX / "1974ATHENS03099_b.html")
    assert raw.format == "plusd-html"
    assert raw.meta == {
        "ref_id": "1974ATHENS03099_b",
        "created": "1974-05-23T15:15:00Z",
        "classification": "CONFIDENTIAL",
        "origin": "Greece Athens",
        "subject": "ARRESTS OF KALOUDIS AND AMBATIELOS",
    }
    assert raw.header.startswith("CONFIDENTIAL\n\nPAGE 01  ATHENS 03099  231541Z")
    assert "R 231515Z MAY 74\nFM AMEMBASSY ATHENS\nTO SECSTATE WASHDC 3479\nINFO AMEMBASSY CANBERRA" in raw.header
    assert raw.header.endswith("AMCONSUL THESSALONIKI")
    assert raw.body.startswith("C O N F I D E N T I A L ATHENS 3099\n\nE.O. 11652: GDS\nTAGS: PINS, GR\n")
    assert "REF: A. STATE 97844\nB. ATHENS 2959" in raw.body
    assert "Current Classification" not in raw.body and "<" not in raw.body


# --- cablegate-text scraper files ---------------------------------------------------


def test_cablegate_text_glued_classification() -> None:
    raw = one(SAMPLES / "09ASHGABAT248.txt")
    assert raw.format == "cablegate-text"
    assert raw.meta == {
        "ref_id": "09ASHGABAT248",
        "subject": "TURKMENISTAN: TURKISH AMBASSADOR CONCERNED ABOUT",
        "created": "2009-02-24T00:00:00Z",
        "classification": "SECRET",
        "origin": "Embassy Ashgabat",
    }
    assert raw.header.startswith("VZCZCXRO0500\nPP RUEHAG")
    assert raw.header.endswith("RHEHNSC/NSC WASHDC\nRUEKJCS/SECDEF WASHDC")
    assert raw.body.startswith("S E C R E T ASHGABAT 000248 \n")
    assert "\n1. (C) The Turkmen Government announced" in raw.body  # the ¶ sign is gone
    clean_markup(raw)


def test_cablegate_text_partial_note_glued_to_classification() -> None:
    raw = one(FIX / "03THEHAGUE1910.txt")
    assert raw.header == PARTIAL_NOTE + " The full text of the original cable is not available."
    assert raw.body.startswith("UNCLAS THE HAGUE 001910 \n")
    assert raw.meta["partial"] is True and raw.meta["classification"] == "UNCLASSIFIED"


def test_cablegate_text_with_record_dump() -> None:
    raw = one(FIX / "93LIMA56.txt")
    assert "record-dump" in codes(raw)
    assert raw.header.startswith("R 042251Z JAN 93\nFM AMEMBASSY LIMA")
    assert raw.header.endswith("USCINCSO QUARRY HEIGHTS PM")
    assert raw.body.lstrip().startswith("C O N F I D E N T I A L SECTION 01 OF 04 LIMA 00056")
    assert "14. (C)  SUCH A DETAILED, QUANTATIVE ANALYSIS" in raw.body
    assert "CABLE ENDS" not in raw.body and "refid:" not in raw.body


def test_cablegate_text_metadata_only() -> None:
    raw = one(FIX / "04RANGOON88.txt")
    assert raw.meta["ref_id"] == "04RANGOON88" and raw.meta["classification"] == "SECRET//NOFORN"
    assert raw.meta["subject"] == "BURMA: RUMORS OF CONSTRUCTION OF A NUCLEAR REACTOR"
    assert raw.body.strip() == "" and codes(raw) == ["empty-body"]


# --- scraped web page ---------------------------------------------------------------


def test_scoop_page() -> None:
    raw = one(SAMPLES / "08MEXICO721.txt")
    assert raw.format == "scoop"
    assert raw.meta == {"title": "Eighth Annual Trafficking in Persons (Tip) Report"}
    assert raw.header == "DE RUEHME #0721/01 0712219\nR 112219Z MAR 08"
    assert raw.body.startswith("E.O. 12958: N/A\n\nREF: A. 2006 STATE 202745\nB. (B) 2007 STATE 150188\n")
    assert raw.body.rstrip().endswith("Visit Mexico City's Classified Web Site at and the North American\nPartnership Blog at /")
    for boiler in ("Scoop", "World Headlines", "Gordon Campbell", "Werewolf"):
        assert boiler not in raw.body
    assert codes(raw) == ["site-boilerplate"]


# --- the cables CSV -----------------------------------------------------------------


def test_csv_rows() -> None:
    path = SAMPLES / "cables_small.csv"
    raws = list(formats.read_path(path))
    assert all(isinstance(r, RawCable) for r in raws)
    assert [r.meta["ref_id"] for r in raws] == ["08MEXICO23", "05BOGOTA3726", "05BOGOTA5616", "09BUENOSAIRES526"]
    assert [r.source for r in raws] == [f"{path}:{n}" for n in (1, 2, 3, 4)]
    first = raws[0]
    assert first.format == "csv"
    assert first.meta == {
        "id": "136383",
        "created": "2008-01-04T22:01:00Z",
        "ref_id": "08MEXICO23",
        "origin": "Embassy Mexico",
        "classification": "UNCLASSIFIED//FOR OFFICIAL USE ONLY",
        "references": ["08STATE145633"],
        "row": 1,
    }
    assert first.header.startswith("VZCZCXRO5183\n") and first.header.endswith("RUEABND/DEA HQS WASHINGTON DC")
    assert first.body.startswith("UNCLAS SECTION 01 OF 03 MEXICO 000023 \n")
    bogota = raws[1]
    assert bogota.meta["id"] == "31082" and bogota.meta["created"] == "2005-04-19T20:39:00Z"
    assert '"little secret with 26 million people"' in bogota.body.replace("\n", " ")
    assert "\\" not in bogota.body
    assert raws[3].meta["references"] == []


def test_csv_broken_rows_are_reported_and_the_stream_goes_on() -> None:
    path = FIX / "cables_broken.csv"
    items = list(formats.read_path(path))
    assert [type(i).__name__ for i in items] == ["RawCable", "CableError", "RawCable", "CableError"]
    assert items[1].source == f"{path}:2" and "7 columns, expected 8" in str(items[1])
    assert items[3].source == f"{path}:4" and "unterminated quoted field at end of file" in str(items[3])
    assert items[2].meta["ref_id"] == "05BOGOTA5616" and items[2].meta["row"] == 3


def test_csv_detected_by_content_with_column_names_and_crlf() -> None:
    raws = list(formats.read_path(FIX / "cables_crlf_with_names.txt"))
    assert [r.meta["ref_id"] for r in raws] == ["08MEXICO23", "05BOGOTA3726"]
    assert all("\r" not in r.body and "\r" not in r.header for r in raws)


def test_csv_unterminated_quote_mid_file_recovers_at_next_row() -> None:
    lines = [
        b'1,1/4/2008 22:01,08MEXICO23,"Embassy Mexico",UNCLASSIFIED,,"HEAD","BODY\n',
        b"never closed\n",
        b'2,1/5/2008 10:00,08MEXICO24,"Embassy Mexico",UNCLASSIFIED,08A1|08B2,"H","B \\"q\\" \\\\ end"\n',
    ]
    items = list(read_csv_stream(lines, "c.csv"))
    assert isinstance(items[0], CableError) and "unterminated quoted field" in str(items[0])
    assert items[0].source == "c.csv:1"
    assert isinstance(items[1], RawCable) and items[1].body == 'B "q" \\ end'
    assert items[1].meta["references"] == ["08A1", "08B2"]


def test_csv_with_every_column_quoted() -> None:
    data = (
        b'"1","12/28/1966 18:48","66BUENOSAIRES2481","Embassy Buenos Aires","UNCLASSIFIED","",'
        b'"R 281848Z DEC 66\nFM AMEMBASSY BUENOS AIRES","UNCLAS BUENOS AIRES 2481\n\n1. TEXT"\n'
    )
    [raw] = list(formats.read_bytes(data, "q.csv"))
    assert isinstance(raw, RawCable) and raw.source == "q.csv:1"
    assert raw.meta["created"] == "1966-12-28T18:48:00Z" and raw.meta["ref_id"] == "66BUENOSAIRES2481"
    assert raw.header == "R 281848Z DEC 66\nFM AMEMBASSY BUENOS AIRES"
    assert raw.body == "UNCLAS BUENOS AIRES 2481\n\n1. TEXT"


def test_csv_is_read_lazily() -> None:
    row = b'7,1/4/2008 22:01,08MEXICO23,"Embassy Mexico",UNCLASSIFIED,,"H","line one\nline two"\n'

    def endless():  # a file that never ends: reading it whole would never return
        while True:
            yield from row.splitlines(keepends=True)

    first = list(itertools.islice(read_csv_stream(endless(), "big.csv"), 3))
    assert [r.meta["row"] for r in first] == [1, 2, 3]
    assert first[0].body == "line one\nline two"


def test_csv_record_too_large_is_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    from tipreader.cable import fmt_csv

    monkeypatch.setattr(fmt_csv, "MAX_RECORD", 100)
    lines = [b'1,1/4/2008 22:01,08X1,"O",U,,"H","' + b"x" * 60 + b"\n"] + [b"y" * 60 + b"\n"] * 5
    lines.append(b'2,1/4/2008 22:01,08X2,"O",U,,"H","B"\n')
    items = list(read_csv_stream(lines, "c.csv"))
    assert isinstance(items[0], CableError) and "larger than" in str(items[0])
    assert isinstance(items[1], RawCable) and items[1].meta["ref_id"] == "08X2"


# --- files ----------------------------------------------------------------------------


def test_csv_named_file_that_is_not_a_cables_csv_is_one_error(tmp_path: Path) -> None:
    other = tmp_path / "prices.csv"
    other.write_text("name,price\n" + "apple,1\n" * 10000)
    [err] = list(formats.read_path(other))
    assert isinstance(err, CableError) and "not a cables-CSV row" in str(err) and err.source == f"{other}:1"


def test_missing_file_and_directory(tmp_path: Path) -> None:
    [err] = list(formats.read_path(tmp_path / "nope.txt"))
    assert isinstance(err, CableError) and "No such file or directory" in str(err)
    [err] = list(formats.read_path(tmp_path))
    assert isinstance(err, CableError) and str(err).startswith("cannot read")


def test_huge_non_csv_file_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.write(b"UNCLAS STATE 000001\n")
        fh.truncate(50 * 1024 * 1024)
    [err] = list(formats.read_path(big))
    assert isinstance(err, CableError) and str(err) == "file too large for one cable: 50 MB"


def test_empty_and_binary_files(tmp_path: Path) -> None:
    (tmp_path / "e.txt").write_bytes(b"")
    (tmp_path / "b.dat").write_bytes(b"\x00\x01\x02" * 100)
    assert str(next(formats.read_path(tmp_path / "e.txt"))) == "empty file"
    assert str(next(formats.read_path(tmp_path / "b.dat"))) == "binary file, not a cable"

"""A preamble element run together with the prose on one long line: the element goes to the
header, the prose starts the first paragraph (``HeaderInfo.body_cut``).

Real WikiLeaks pages whose body collapsed onto a few long lines; expected values read off
the cables (tests/fixtures/header/).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tipreader.cable import formats, header, pages, parse_file

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "header"


def _first(name: str):
    [cable] = parse_file(FIX / f"{name}.html")
    return cable


def test_ref_then_marked_prose_on_one_line() -> None:
    # "REF: STATE 146857 (U) Pol/Econ Chief delivered reftel points to MFA ..."
    cable = _first("07MANAMA963")
    assert [(r.text, r.ref_id) for r in cable.references] == [("STATE 146857", "07STATE146857")]
    assert cable.paragraphs[0].text.startswith("(U) Pol/Econ Chief delivered reftel points to MFA international")
    assert "REF" not in cable.paragraphs[0].text[:20]


def test_classified_by_then_numbered_paragraph_on_one_line() -> None:
    # "CLASSIFIED BY: Gene A. Cretz, ... REASON: 1.4 (b), (d) 1.(C) Summary: Assistant Secretary ..."
    cable = _first("09TRIPOLI554")
    assert cable.classified_by == "Gene A. Cretz, Ambassador, US Embassy Tripoli, Department of State. REASON: 1.4 (b), (d)"
    first = cable.paragraphs[0]
    assert (first.number, first.marking) == (1, "C")
    assert first.text.startswith("Summary: Assistant Secretary for African Affairs Johnnie Carson met Eritrean")


def test_classified_by_reasons_without_brackets_then_prose() -> None:
    # "Classified By: PolCouns Richard Mills, reasons 1.4 b, d (C) Embassy London passed reftel points ..."
    cable = _first("08LONDON2689")
    assert cable.classified_by == "PolCouns Richard Mills, reasons 1.4 b, d"
    assert cable.paragraphs[0].text.startswith("(C) Embassy London passed reftel points on the margins")


def test_ref_list_then_unmarked_first_paragraph() -> None:
    # "REF: A. BRASILIA 1494 B. BRASILIA 1544 1. Summary. The IV Global Forum ..."
    cable = _first("05BRASILIA1714")
    assert [(r.label, r.ref_id) for r in cable.references] == [("A", "05BRASILIA1494"), ("B", "05BRASILIA1544")]
    first = cable.paragraphs[0]
    assert first.number == 1
    assert first.text.startswith('Summary. The IV Global Forum on Fighting Corruption (GF IV): "From Words to Deeds"')


def test_body_cut_counts_characters_of_the_body_start_line() -> None:
    raw = next(iter(formats.read_path(FIX / "07MANAMA963.html")))
    lines = pages.clean_lines(raw.body)
    info = header.parse_header(raw, lines)
    line = lines[info.body_start].text
    assert line[: info.body_cut].strip() == "REF: STATE 146857"
    assert line[info.body_cut :].startswith("(U) Pol/Econ Chief")


@pytest.mark.parametrize("name", ["00HARARE5461", "06LIMA2017"])
def test_ordinary_preambles_cut_nothing(name: str) -> None:
    raw = next(iter(formats.read_path(FIX / f"{name}.html")))
    lines = pages.clean_lines(raw.body)
    assert header.parse_header(raw, lines).body_cut == 0


def test_real_run_together_cables_start_with_their_prose(shared_cables: Path) -> None:
    """The run-together cases fixed here stay fixed (the remaining starts are other shapes)."""
    from tipreader.cable import CableError, iter_path

    fixed = {"07MANAMA963", "07MANAMA1060", "08LONDON2689", "08MANAMA422", "09CAIRO2133", "09TRIPOLI554",
             "05BRASILIA1714", "10MANAMA62"}
    for name in sorted(fixed):
        for cable in iter_path(shared_cables / "wikileaks-html" / f"{name}.html"):
            assert not isinstance(cable, CableError)
            start = cable.paragraphs[0].text.upper()
            assert not start.startswith(("TAGS", "SUBJECT", "REF", "E.O.", "CLASSIFIED BY")), (name, start[:80])

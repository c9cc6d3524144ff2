"""`tipreader entities FILE [--json] [--glossary]` and robustness of the extractor on any text."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from tipreader.cable.entities import extract_entities
from tipreader.cli import main
from tests.conftest import SAMPLES

MEXICO = str(SAMPLES / "08MEXICO721.txt")


def test_grouped_listing(capsys) -> None:
    assert main(["entities", MEXICO]) == 0
    out = capsys.readouterr().out
    assert out.startswith("08MEXICO721: ")
    assert "PERSON (" in out and "Felipe Calderon" in out
    assert "INM = National Migration Institute" in out


def test_json_lines(capsys) -> None:
    assert main(["entities", "--json", MEXICO]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows and {"ref_id", "type", "text", "paragraph", "start", "end"} <= set(rows[0])
    inm = [r for r in rows if r["text"] == "INM"]
    assert inm and all(r["expansion"] == "National Migration Institute" for r in inm)


def test_glossary_marks_undefined_acronyms(capsys) -> None:
    assert main(["entities", "--glossary", MEXICO]) == 0
    out = capsys.readouterr().out
    assert "SSP" in out and "Secretaria de Seguridad Publica" in out
    assert "ICE" in out and "(not defined in the cable)" in out


def test_missing_file_is_one_line_and_status_1(capsys) -> None:
    assert main(["entities", "no/such/cable.txt"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("tipreader: no/such/cable.txt: ")


_alphabet = st.sampled_from(list("aAbBzZ09 .,;:()-/'’\"$%\n") + ["INM", "(INM)", "Mexico", "President ", "July 30, 2007", "U.S.", "a.k.a. "])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(_alphabet, max_size=40).map("".join), max_size=4))
def test_any_text_gives_valid_offsets(paragraphs: list[str]) -> None:
    for e in extract_entities(paragraphs):
        assert paragraphs[e.paragraph][e.start : e.end] == e.text
        assert e.start < e.end

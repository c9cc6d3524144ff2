"""`tipreader entities FILE|REF_ID [--json] [--glossary] [--library]` and robustness of the extractor on any text.

The REF_ID and library-glossary tests run on a library seeded with the sample cables in
their own TIPREADER_HOME (as `tipreader open` seeds it). Expected expansions were read in
sample_cables/08MEXICO721.txt ("National Migration Institute (INM)").
"""

from __future__ import annotations

import json

import pytest
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
    assert "PERSON — " in out and "Felipe Calderon" in out
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


# ---- REF_ID and the library's glossary ------------------------------------------------------
@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    """One seeded library for the module (seeding costs a second or two)."""
    home = tmp_path_factory.mktemp("entities-cli")
    mp = pytest.MonkeyPatch()
    mp.setenv("TIPREADER_HOME", str(home / "data"))
    mp.setenv("TIPREADER_CONFIG", str(home / "config.toml"))
    from tipreader.library import Library

    lib = Library.open()
    lib.ensure_seeded()
    lib.close()
    yield home
    mp.undo()


@pytest.fixture
def home(seeded, monkeypatch):
    monkeypatch.setenv("TIPREADER_HOME", str(seeded / "data"))
    monkeypatch.setenv("TIPREADER_CONFIG", str(seeded / "config.toml"))
    return seeded


def test_ref_id_is_looked_up_in_the_library(home, capsys):
    assert main(["entities", "08mexico721"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("08MEXICO721: ")
    assert "PERSON — 18 names, 36 mentions" in out and "  Felipe Calderon  ×5" in out
    assert "INM = National Migration Institute" in out


def test_ref_id_json_and_cable_glossary(home, capsys):
    assert main(["entities", "08MEXICO721", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {r["ref_id"] for r in rows} == {"08MEXICO721"}
    assert any(r["type"] == "ACRONYM" and r["text"] == "INM" and r["expansion"] == "National Migration Institute" for r in rows)
    assert main(["entities", "08MEXICO721", "--glossary"]) == 0
    out = capsys.readouterr().out
    assert "INM" in out and "Immigration and Customs Enforcement (not defined in the cable)" in out


def test_unknown_ref_id_and_usage_errors(home, capsys):
    assert main(["entities", "09NOPE1"]) == 1
    assert "09NOPE1: not a file, and no cable with that ref_id in the library" in capsys.readouterr().err
    assert main(["entities", "missing/file.txt"]) == 1
    assert "no such file" in capsys.readouterr().err
    assert main(["entities"]) == 2
    assert main(["entities", "08MEXICO721", "--glossary", "--library"]) == 2


def test_library_glossary(home, capsys):
    assert main(["entities", "--glossary"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("library: ") and " acronyms defined" in out.splitlines()[0]
    inm = [line for line in out.splitlines() if line.split()[:1] == ["INM"]]
    assert inm and "National Migration Institute" in inm[0] and "cable" in inm[0]  # the best, or "also ..."
    assert main(["entities", "--glossary", "--library", "--json"]) == 0
    rows = {r["acronym"]: r for r in map(json.loads, capsys.readouterr().out.splitlines())}
    inm = rows["INM"]
    assert "National Migration Institute" in [inm["expansion"], *(v["expansion"] for v in inm.get("variants", []))]
    assert rows["GOM"]["expansion"] == "Government of Mexico"
    assert all(r["cables"] >= 1 for r in rows.values())

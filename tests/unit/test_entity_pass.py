"""The entity pass stores only what it adds: entities and searchable names in the database,
never the cable's index document again; names one cable teaches are found in the others."""

from __future__ import annotations

from pathlib import Path

import pytest

from tipreader.library import Library
from tipreader.library.index import IndexWriter
from tests.fixture_sets import LIBRARY

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "library"


def _raw(ref_number: int, body: str) -> str:
    return (
        f"VZCZCXRO0166\nPP RUEHROV\nDE RUEHAK #{ref_number:04d}/01 0712219\nZNR UUUUU ZZH\nR 112219Z MAR 08\n"
        "FM AMEMBASSY ANKARA\nTO RUEHC/SECSTATE WASHDC 1368\n"
        f"UNCLAS ANKARA {ref_number:06d}\n\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: PGOV TU\n"
        f"SUBJECT: COURT CASE {ref_number}\n\n{body}\n\nWILSON\n"
    )


def _count_upserts(monkeypatch) -> list[str]:
    """The ref ids of the index documents added from now on."""
    calls: list[str] = []
    original = IndexWriter.upsert

    def counting(self, doc, replace=True):
        calls.append(doc.ref_id)
        return original(self, doc, replace)

    monkeypatch.setattr(IndexWriter, "upsert", counting)
    return calls


def test_the_entity_pass_never_re_adds_an_index_document(monkeypatch) -> None:
    with Library.open() as lib:
        report = lib.import_paths(LIBRARY, entities=False)
        assert report.ok and lib.entities_pending() == 8
        assert lib.search('place:"costa rica"') == []  # not found until the pass ran
        calls = _count_upserts(monkeypatch)
        lib.index_entities()
        assert calls == [] and lib.entities_pending() == 0
        assert {h.ref_id for h in lib.search('place:"costa rica"')} == {"08SANJOSE82"}
        assert lib.get("08SANJOSE82").entities  # the stored entities, for the reader


@pytest.mark.parametrize("one_pass", [False, True])
def test_a_name_learnt_in_one_cable_is_found_in_another(tmp_path, one_pass: bool) -> None:
    first = tmp_path / "a.txt"
    first.write_text(_raw(101, "1. Prosecutors charged members of the Ergenekon organization on Monday in Ankara."))
    second = tmp_path / "b.txt"
    second.write_text(_raw(102, "1. (SBU) THE COURT HEARD THE ERGENEKON CASE AGAIN ON TUESDAY WITH ALL DEFENDANTS."))
    with Library.open() as lib:
        assert lib.import_paths([first], one_pass=one_pass).ok
        assert lib.import_paths([second], one_pass=one_pass).ok
        cable = lib.get("08ANKARA102")
        assert cable is not None
        learnt = [e for e in cable.entities if e.text == "ERGENEKON"]
        assert learnt and learnt[0].type == "ORG" and learnt[0].learned and learnt[0].canonical == "Ergenekon"
        assert {h.ref_id for h in lib.search("org:ergenekon")} == {"08ANKARA101", "08ANKARA102"}


def _entity_rows(lib: Library) -> dict[str, bytes]:
    return dict(lib.connection.execute("SELECT ref_id, data FROM cable_entities").fetchall())


def test_one_pass_stores_what_the_entity_pass_would(monkeypatch) -> None:
    """Entities found by the parse workers during the import (``one_pass``) are the ones the
    entity pass finds: the same stored entities, the same searchable names, nothing left waiting."""
    with Library.open() as two:
        assert two.import_paths(LIBRARY, workers=1).ok
        expected = _entity_rows(two)
    calls = _count_upserts(monkeypatch)
    with Library.open() as one:
        report = one.import_paths(LIBRARY, workers=2, one_pass=True)
        assert report.ok and one.entities_pending() == 0
        assert report.progress.entities_total == 0  # nothing was left for a second pass
        assert sorted(calls) == sorted(set(calls))  # every document added once
        assert _entity_rows(one) == expected and len(expected) == 8
        assert {h.ref_id for h in one.search('place:"costa rica"')} == {"08SANJOSE82"}


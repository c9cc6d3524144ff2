"""The entity pass stores only what it adds: entities and searchable names in the database,
never the cable's index document again; names one cable teaches are found in the others."""

from __future__ import annotations

from pathlib import Path

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


def test_the_entity_pass_never_re_adds_an_index_document(monkeypatch) -> None:
    with Library.open() as lib:
        report = lib.import_paths(LIBRARY, entities=False)
        assert report.ok and lib.entities_pending() == 8
        assert lib.search('place:"costa rica"') == []  # not found until the pass ran
        calls: list[str] = []
        original = IndexWriter.upsert

        def counting(self, doc, replace=True):
            calls.append(doc.ref_id)
            return original(self, doc, replace)

        monkeypatch.setattr(IndexWriter, "upsert", counting)
        lib.index_entities()
        assert calls == [] and lib.entities_pending() == 0
        assert {h.ref_id for h in lib.search('place:"costa rica"')} == {"08SANJOSE82"}
        assert lib.get("08SANJOSE82").entities  # the stored entities, for the reader


def test_a_name_learnt_in_one_cable_is_found_in_another(tmp_path) -> None:
    first = tmp_path / "a.txt"
    first.write_text(_raw(101, "1. Prosecutors charged members of the Ergenekon organization on Monday in Ankara."))
    second = tmp_path / "b.txt"
    second.write_text(_raw(102, "1. (SBU) THE COURT HEARD THE ERGENEKON CASE AGAIN ON TUESDAY WITH ALL DEFENDANTS."))
    with Library.open() as lib:
        assert lib.import_paths([first]).ok
        assert lib.import_paths([second]).ok
        cable = lib.get("08ANKARA102")
        assert cable is not None
        learnt = [e for e in cable.entities if e.text == "ERGENEKON"]
        assert learnt and learnt[0].type == "ORG" and learnt[0].learned and learnt[0].canonical == "Ergenekon"
        assert {h.ref_id for h in lib.search("org:ergenekon")} == {"08ANKARA101", "08ANKARA102"}

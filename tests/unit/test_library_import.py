"""Import: real cables, incremental re-import, bad files, newer texts, kill mid-way, rebuild, seeding, CLI."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tipreader.cli import main
from tipreader.library import Library, UserData, importer, pipeline
from tests.fixture_sets import LIBRARY

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "library"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def cables(tmp_path) -> Path:
    folder = tmp_path / "cables" / "nested"
    folder.mkdir(parents=True)
    for f in LIBRARY:
        shutil.copy(f, folder / f.name)
    return tmp_path / "cables"


def test_import_a_folder_then_reimport_skips_and_changes_nothing(cables):
    with Library.open() as lib:
        first = lib.import_paths([cables])
        assert first.ok and first.progress.cables_imported == 8 and first.progress.files_total == 8
        before = lib.stats()
        again = lib.import_paths([cables])
        assert again.progress.files_skipped == 8 and again.progress.cables_imported == 0
        assert lib.stats().cables == before.cables == 8
        # touched but identical: hashed, recognised, nothing re-imported
        os.utime(cables / "nested" / "08SANJOSE82.html", (1, 1))
        touched = lib.import_paths([cables])
        assert touched.progress.cables_imported == 0 and touched.progress.files_skipped == 8
        assert lib.count("id:08SANJOSE82") == 1


def test_globs_and_single_files(cables):
    with Library.open() as lib:
        report = lib.import_paths([str(cables / "nested" / "08SAN*.html"), cables / "nested" / "05ISTANBUL38.html"])
        assert report.progress.cables_imported == 3


def test_worker_processes_give_the_same_library(cables, monkeypatch):
    monkeypatch.setattr(pipeline, "IN_PROCESS_BYTES", 0)
    monkeypatch.setattr(importer, "ENTITY_TASK", 2)  # four entity tasks: the pass runs in the workers too
    with Library.open() as lib:
        seen = []
        report = lib.import_paths([cables], workers=2, progress=seen.append)
        assert report.ok and report.progress.cables_imported == 8
        searchable = [p for p in seen if p.phase == "import"][-1]
        assert searchable.cables_done == 8 and searchable.bytes_done == searchable.bytes_total
        assert seen[-1].finished and seen[-1].phase == "entities" and seen[-1].entities_done == 8
        assert seen[-1].bytes_done == seen[-1].bytes_total and 0 < seen[-1].searchable_after <= seen[-1].elapsed
        assert [h.ref_id for h in lib.search('"Palermo Protocol"')][:1] == ["08REYKJAVIK125"]
        assert lib.entities_pending() == 0 and lib.total() == 8
        assert [h.ref_id for h in lib.search("person:gormez")] == ["05ANKARA1511"]


def test_bad_files_are_named_with_reasons_while_good_ones_import(cables):
    bad = cables / "bad"
    bad.mkdir()
    (bad / "notes.txt").write_text("Shopping list: eggs, milk.\n")
    (bad / "empty.html").write_bytes(b"")
    (bad / "noise.csv").write_bytes(bytes(range(256)) * 4)
    with Library.open() as lib:
        report = lib.import_paths([cables, cables / "missing.html"])
    assert report.progress.cables_imported == 8
    failed = {Path(src).name: reason for src, reason in report.errors}
    assert {"notes.txt", "empty.html", "missing.html"} <= set(failed)
    assert all(reason and "\n" not in reason for reason in failed.values())
    assert failed["missing.html"] == "no such file or folder"


def test_cli_import_reports_and_exits_1_when_any_failed(cables, capsys):
    (cables / "junk.txt").write_text("nothing to see\n")
    assert main(["import", str(cables)]) == 1
    out, err = capsys.readouterr()
    assert "junk.txt" in err and "Traceback" not in err
    assert "8 cables imported" in out and "1 failed" in out
    (cables / "junk.txt").unlink()
    assert main(["import", str(cables)]) == 0
    assert "8 unchanged files skipped" in capsys.readouterr().out


def _edit(src: Path, dst: Path, old_word: str, new_word: str, released: str | None = None) -> None:
    text = src.read_text(encoding="utf-8")
    assert old_word in text
    text = text.replace(old_word, new_word)
    if released:
        text = text.replace("2011-04-06 00:12<", f"{released}<")
    dst.write_text(text, encoding="utf-8")


def test_a_changed_text_keeps_the_newer_and_records_the_older(tmp_path):
    src = FIX / "08SANTIAGO95.html"
    with Library.open() as lib:
        lib.import_paths([src])
        newer = tmp_path / "newer.html"
        _edit(src, newer, "Vienna Forum", "Vienna Summit", released="2011-09-01 10:00")
        report = lib.import_paths([newer])
        assert report.progress.cables_imported == 1
        cable = lib.get("08SANTIAGO95")
        assert "Vienna Summit" in cable.body_text
        assert len(lib.older_texts("08SANTIAGO95")) == 1
        assert lib.list_cables(origin="Embassy Santiago")[0].older_texts == 1
        # an earlier release that differs is only recorded; the stored text stays the newest
        earliest = tmp_path / "earliest.html"
        _edit(src, earliest, "Vienna Forum", "Vienna Meeting", released="2010-12-01 10:00")
        report = lib.import_paths([earliest])
        assert report.progress.older_texts == 1 and report.progress.cables_imported == 0
        assert "Vienna Summit" in lib.get("08SANTIAGO95").body_text
        assert lib.stats().cables == 1 and lib.stats().older_texts == 2
        assert lib.count("summit") == 1 and lib.count("meeting") == 0
        # a rebuild re-reads all three originals and comes to the same answer
        assert lib.rebuild().ok
        assert "Vienna Summit" in lib.get("08SANTIAGO95").body_text
        assert lib.stats().older_texts == 2 and lib.count("summit") == 1 and lib.count("meeting") == 0


def test_cancel_stops_cleanly(cables):
    cancel = threading.Event()
    cancel.set()
    with Library.open() as lib:
        report = lib.import_paths([cables], cancel=cancel)
        assert report.progress.cancelled and report.progress.cables_imported == 0
        assert lib.import_paths([cables]).progress.cables_imported == 8


_KILL_SCRIPT = """
import sys
from tipreader.library import Library
lib = Library.open()
def progress(p):
    print(p.cables_imported, flush=True)
lib.import_paths([sys.argv[1]], workers=1, batch=10, progress=progress)
print("finished", flush=True)
"""


def _kill_after(script: str, folder: Path, count: int) -> bool:
    """Run ``script`` on ``folder`` in a subprocess; SIGKILL it once it prints a number >= ``count``.
    False when it printed "finished" first."""
    proc = subprocess.Popen([sys.executable, "-c", script, str(folder)], stdout=subprocess.PIPE, text=True,
                            cwd=ROOT, env=os.environ.copy())
    killed = False
    for line in proc.stdout:
        if line.strip() == "finished":
            break
        if int(line) >= count:
            proc.send_signal(signal.SIGKILL)
            killed = True
            break
    proc.wait(timeout=60)
    return killed


def test_an_import_killed_midway_leaves_a_library_that_opens_and_completes(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    page = (FIX / "08SANTIAGO95.html").read_text(encoding="utf-8")
    for n in range(400):
        ref = f"08SANTIAGO{1000 + n}"
        (folder / f"{ref}.html").write_text(page.replace("08SANTIAGO95", ref).replace("SANTIAGO 95", f"SANTIAGO {1000 + n}"),
                                            encoding="utf-8")
    assert _kill_after(_KILL_SCRIPT, folder, 30), "the import finished before it could be killed"
    with Library.open() as lib:
        partial = lib.stats().cables
        assert 30 <= partial < 400
        assert lib.count("id:08SANTIAGO1*") == partial  # the index agrees with the database
        report = lib.import_paths([folder], workers=1)
        assert report.ok
        assert lib.stats().cables == 400
        assert lib.count("id:08SANTIAGO1*") == 400  # no document twice
        assert report.progress.cables_imported + report.progress.cables_unchanged == 400 or \
            report.progress.cables_imported == 400 - partial


_KILL_ENTITIES = """
import sys
from tipreader.library import Library
lib = Library.open()
def progress(p):
    if p.phase == "entities":
        print(p.entities_done, flush=True)
lib.import_paths([sys.argv[1]], workers=1, batch=10, progress=progress)
print("finished", flush=True)
"""


def test_an_entity_pass_killed_midway_resumes_without_duplicates(tmp_path, capsys):
    folder = tmp_path / "many"
    folder.mkdir()
    page = (FIX / "05ANKARA1511.html").read_text(encoding="utf-8")
    for n in range(300):
        ref = f"05ANKARA{2000 + n}"
        (folder / f"{ref}.html").write_text(page.replace("05ANKARA1511", ref), encoding="utf-8")
    assert _kill_after(_KILL_ENTITIES, folder, 30), "the entity pass finished before it could be killed"
    with Library.open() as lib:
        assert lib.stats().cables == 300 and lib.count("gormez") == 300  # every cable searchable already
        waiting = lib.entities_pending()
        assert 0 < waiting <= 270
        assert lib.count("person:gormez") == 300 - waiting  # what was committed has its names
    assert main(["library", "entities"]) == 0
    assert f"entities indexed for {waiting} of {waiting} cables waiting" in capsys.readouterr().out
    with Library.open() as lib:
        assert lib.entities_pending() == 0 and lib.total() == 300  # each document replaced, none twice
        assert lib.count("person:gormez") == 300
    assert main(["library", "entities"]) == 0
    assert "no cable is waiting for its entities" in capsys.readouterr().out


def test_cli_import_without_the_entity_pass(cables, capsys):
    assert main(["import", "--no-entities", str(cables)]) == 0
    assert "8 cables imported" in capsys.readouterr().out
    with Library.open() as lib:
        assert lib.entities_pending() == 8 and lib.count("gormez") == 1 and lib.count("person:gormez") == 0
    assert main(["search", "person:gormez"]) == 0
    captured = capsys.readouterr()
    assert "no cable matches" in captured.out and "names in 8 cables are not indexed yet" in captured.err
    assert main(["search", "gormez"]) == 0 and "not indexed" not in capsys.readouterr().err
    assert main(["library", "stats"]) == 0 and "not yet indexed in 8 cables" in capsys.readouterr().out
    assert main(["import", str(cables)]) == 0  # nothing new to import; the waiting entities are indexed
    out = capsys.readouterr().out
    assert "0 cables imported" in out and "entities indexed for 8 cables" in out
    with Library.open() as lib:
        assert lib.count("person:gormez") == 1


def test_rebuild_keeps_user_data_and_the_library(cables, capsys):
    with Library.open() as lib:
        lib.import_paths([cables])
    user = UserData.open()
    user.set_position("08REYKJAVIK125", 2)
    user.record_open("08REYKJAVIK125")
    user.close()
    assert main(["library", "rebuild"]) == 0
    assert "8 cables re-indexed" in capsys.readouterr().out
    user = UserData.open()
    assert user.position("08REYKJAVIK125") == 2
    assert [h.ref_id for h in user.history()] == ["08REYKJAVIK125"]
    with Library.open() as lib:
        assert lib.stats().cables == 8
        assert [h.ref_id for h in lib.search('"Palermo Protocol"')][:1] == ["08REYKJAVIK125"]
        assert lib.entities_pending() == 0 and lib.count("person:gormez") == 1  # the rebuild ran the entity pass


def test_an_empty_library_is_seeded_with_the_sample_cables():
    with Library.open() as lib:
        report = lib.ensure_seeded()
        assert report is not None and report.ok
        assert lib.get("08MEXICO721") is not None
        assert lib.ensure_seeded() is None


def test_cli_search_show_and_stats(cables, capsys):
    assert main(["import", str(cables)]) == 0
    capsys.readouterr()
    assert main(["search", '"Palermo Protocol"', "--json", "--limit", "1"]) == 0
    line = json.loads(capsys.readouterr().out.strip())
    assert line["ref_id"] == "08REYKJAVIK125" and line["paragraph"] == 1
    assert {"ref_id", "date", "origin", "subject", "score", "paragraph", "snippet"} <= set(line)
    assert main(["search", "vienna", "AND"]) == 2
    err = capsys.readouterr().err
    assert "bad query" in err and "Traceback" not in err
    assert main(["show", "08reykjavik125"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("08REYKJAVIK125") and "1. (U) On May 28, the Icelandic Parliament" in out
    assert main(["show", "08reykjavik125", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["ref_id"] == "08REYKJAVIK125"
    # with its entities, as `parse --json` gives them ("the Icelandic Parliament" in ¶1)
    assert ("ORG", "Icelandic Parliament") in {(e["type"], e["text"]) for e in shown["entities"]}
    assert main(["show", "99NOWHERE1"]) == 1
    assert "not in the library" in capsys.readouterr().err
    assert main(["library", "stats", "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["cables"] == 8 and stats["top_origins"] and stats["top_tags"]


def _csv_row(rowid: int, cable, created: str) -> list[str]:
    refs = "|".join(r.ref_id for r in cable.references if r.ref_id)
    return [str(rowid), created, cable.ref_id, cable.origin or "", cable.classification or "", refs,
            cable.header_text, cable.body_text]


def test_a_cables_csv_imports_each_row_and_names_a_broken_one(tmp_path):
    import csv

    from tipreader.cable import parse_file

    path = tmp_path / "cables.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
        w.writerow(_csv_row(1, parse_file(FIX / "08SANJOSE82.html")[0], "1/31/2008 17:12"))
        w.writerow(_csv_row(2, parse_file(FIX / "08REYKJAVIK125.html")[0], "7/1/2008 11:47"))
        fh.write('3,1/31/2008 16:33,08SANTIAGO95,"Embassy Santiago",UNCLASSIFIED\n')  # a truncated row
    with Library.open() as lib:
        report = lib.import_paths([path])
        assert report.progress.cables_imported == 2
        assert len(report.errors) == 1 and report.errors[0][0].startswith(f"{path}:")
        assert [h.ref_id for h in lib.search('"Palermo Protocol"')][:1] == ["08REYKJAVIK125"]
        assert lib.get("08SANJOSE82").origin == "Embassy San Jose"
        # a file that had a bad row is read again next time (its error is reported again), nothing doubles
        again = lib.import_paths([path])
        assert again.progress.cables_imported == 0 and again.progress.failed == 1
        assert lib.stats().cables == 2


def test_a_deleted_index_is_rebuilt_at_start(cables):
    with Library.open() as lib:
        lib.import_paths([cables])
        root = lib.root
    shutil.rmtree(root / "index")
    with Library.open() as lib:
        assert lib.index_stale and lib.search("vienna") == []
        report = lib.ensure_seeded()
        assert report is not None and report.progress.cables_imported == 8
        assert not lib.index_stale and lib.count("vienna") == 3


def test_facets_are_kept_until_an_import_changes_the_library(cables, tmp_path):
    with Library.open() as lib:
        lib.import_paths([cables / "nested" / "08SANJOSE82.html"])
        first = lib.facets()
        assert dict(first["origin"]) == {"Embassy San Jose": 1}
        assert lib.facets() is first  # nothing committed since: the same answer, not grouped again
        lib.import_paths([cables])
        assert sum(n for _, n in lib.facets()["origin"]) == 8
    # an import by another process is seen too (the database's data_version moved)
    with Library.open() as lib:
        before = lib.facets()
        with Library.open() as other:
            other.import_paths([ROOT / "sample_cables" / "08MEXICO721.txt"])
        after = lib.facets()
        assert after is not before and dict(after["origin"])["Embassy Mexico"] == 1


def test_output_into_a_closed_pipe_stops_quietly(cables, capsys, monkeypatch):
    """`tipreader library stats | head -1`: no "the library cannot be used" line (it was)."""
    import io

    class ClosedPipe(io.StringIO):
        def write(self, text):
            raise BrokenPipeError(32, "Broken pipe")

    assert main(["import", str(cables)]) == 0
    capsys.readouterr()
    monkeypatch.setattr(signal, "signal", lambda *args: None)  # the handler restores SIGPIPE: not in pytest
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    assert main(["library", "stats"]) == 0
    assert main(["search", "trafficking"]) == 0
    assert capsys.readouterr().err == ""

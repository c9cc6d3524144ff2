"""The same cable twice is one cable in the library, with the cleaner text (issue 13).

WikiLeaks holds 08MANAMA492 twice: a garbled page under the malformed id
``08ECTION01OF02MANAMA492`` (letters dropped: "COBAT TIP", "Interational Organization",
paragraph 8 cut off after "will seek a six month,") and the clean ``08MANAMA492.html``.
Both real pages are here; the expected values are read off them. Whatever the order they
come in, in one import or two, the library holds one cable with the clean text, keeps the
garbled one aside, the import's summary and ``library stats`` agree, and WikiLeaks'
malformed id finds the cable (``id:``, ``show``).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tipreader.cable import parse_file
from tipreader.library import Library
from tipreader.library.cleanliness import measure

ROOT = Path(__file__).resolve().parents[2]
GARBLED = ROOT / "sample_cables" / "08ECTION01OF02MANAMA492.html"
CLEAN = ROOT / "tests" / "fixtures" / "dedupe" / "08MANAMA492.html"
ORDERS = [pytest.param((GARBLED, CLEAN), id="garbled-first"), pytest.param((CLEAN, GARBLED), id="clean-first")]


def _assert_clean_kept(lib: Library) -> None:
    cable = lib.get("08MANAMA492")
    assert cable is not None
    assert cable.subject == "BAHRAIN SEEKS IOM'S ASSISTANCE TO COMBAT TIP"
    assert cable.source == str(CLEAN)
    assert "no-cost extension to its current grant from G/TIP" in cable.body_text
    stats = lib.stats()
    assert (stats.cables, stats.older_texts) == (1, 1)
    assert lib.older_texts("08MANAMA492") == [(str(GARBLED), "2011-02-18T21:09:00Z")]
    assert lib.count("interational") == 0 and lib.count("international") == 1


def test_the_clean_page_measures_cleaner() -> None:
    garbled, clean = measure(parse_file(GARBLED)[0]), measure(parse_file(CLEAN)[0])
    assert clean > garbled
    assert (garbled.damage, clean.damage) == (-1, 0)  # the malformed id: repaired-id
    assert garbled.text < clean.text  # dropped letters, a cut paragraph


@pytest.mark.parametrize("files", ORDERS)
def test_one_import_keeps_the_cleaner_text(files: tuple[Path, Path]) -> None:
    with Library.open() as lib:
        report = lib.import_paths(list(files), workers=1)
        p = report.progress
        assert (p.cables_imported, p.older_texts, p.texts_replaced, p.failed) == (1, 1, 0, 0)
        _assert_clean_kept(lib)


@pytest.mark.parametrize("files", ORDERS)
def test_two_imports_keep_the_cleaner_text_and_a_rebuild_too(files: tuple[Path, Path]) -> None:
    with Library.open() as lib:
        first = lib.import_paths([files[0]], workers=1).progress
        second = lib.import_paths([files[1]], workers=1).progress
        assert (first.cables_imported, first.older_texts) == (1, 0)
        # the clean page replaces the garbled one; the garbled one is only kept aside
        assert (second.cables_imported, second.texts_replaced, second.older_texts) == (
            (1, 1, 1) if files[1] == CLEAN else (0, 0, 1))
        _assert_clean_kept(lib)
        assert lib.rebuild().ok
        _assert_clean_kept(lib)


def test_the_malformed_wikileaks_id_finds_the_cable() -> None:
    with Library.open() as lib:
        lib.import_paths([GARBLED, CLEAN], workers=1)
        for query in ("id:08ECTION01OF02MANAMA492", "id:08ection01of02manama492", "id:08ECTION01OF*",
                      "id:08MANAMA492"):
            assert [h.ref_id for h in lib.search(query)] == ["08MANAMA492"], query
        assert lib.count("id:08ECTION01OF02MANAMA492") == 1
        assert lib.get("08ECTION01OF02MANAMA492").ref_id == "08MANAMA492"
        assert lib.original("08ECTION01OF02MANAMA492")[0] == str(CLEAN)
        assert lib.search("id:08ECTION01OF02MANAMA493") == []


def _cli(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "TIPREADER_HOME": str(home), "NO_COLOR": "1", "TIPREADER_CONFIG": str(home) + ".toml"}
    return subprocess.run([sys.executable, "-m", "tipreader", *args], capture_output=True, text=True, env=env,
                          timeout=300)


@pytest.mark.parametrize("files", ORDERS)
def test_cli_summary_and_stats_agree(tmp_path: Path, files: tuple[Path, Path]) -> None:
    home = tmp_path / "home"
    run = _cli(home, "import", *map(str, files), "--no-entities")
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("1 cable imported, ")
    assert "1 other text of stored cables kept aside" in run.stdout
    stats = _cli(home, "library", "stats")
    assert "Cables:         1 (0 partial extracts; 1 other texts kept aside)" in stats.stdout
    found = _cli(home, "search", "id:08ECTION01OF02MANAMA492")
    assert found.returncode == 0 and found.stdout.startswith("08MANAMA492 "), found.stdout + found.stderr
    assert "COMBAT TIP" in found.stdout
    shown = _cli(home, "show", "08ECTION01OF02MANAMA492")
    assert shown.returncode == 0 and shown.stdout.startswith("08MANAMA492\n")
    assert "Other texts:    1 kept aside" in shown.stdout


def test_two_texts_as_clean_as_each_other_give_the_same_cable_in_either_order(tmp_path: Path) -> None:
    # two copies of one real page that differ by one word of the same length: same release, same
    # cleanliness; which one is kept must not depend on the order they are imported in
    src = ROOT / "tests" / "fixtures" / "library" / "08SANTIAGO95.html"
    text = src.read_text(encoding="utf-8")
    assert "Vienna Forum" in text
    one, two = tmp_path / "one.html", tmp_path / "two.html"
    one.write_text(text.replace("Vienna Forum", "Vienna Forux"), encoding="utf-8")
    two.write_text(text.replace("Vienna Forum", "Vienna Foruy"), encoding="utf-8")
    kept = []
    for order in ((one, two), (two, one)):
        with Library.open(tmp_path / f"home-{order[0].stem}") as lib:
            lib.import_paths([order[0]], workers=1)
            lib.import_paths([order[1]], workers=1)
            assert (lib.stats().cables, lib.stats().older_texts) == (1, 1)
            kept.append(lib.get("08SANTIAGO95").source)
    assert kept[0] == kept[1]

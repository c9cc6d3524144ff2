"""ENTITY_VERSION follows the entity extractor's output, and a library whose names came from
another version suggests re-extracting them ("names: re-extract suggested"), which
``tipreader library entities`` does.

The digest below is of the entities (every field, in order) the extractor finds in every cable
of ``sample_cables/``, taken with the ENTITY_VERSION beside it. A change that alters that output
must bump the version (libraries then suggest re-extracting their names to their users).
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tipreader.cable import CableError, iter_bytes
from tipreader.cable.entities import extract_entities
from tipreader.cable.entity_version import ENTITY_VERSION
from tipreader.library import Library

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_cables"
FIX = ROOT / "tests" / "fixtures" / "library"

#: (ENTITY_VERSION, digest of the extractor's output on sample_cables) as last recorded
RECORDED = (7, "1fdf43824616a8b8")


def samples_digest() -> str:
    """One digest over the entities of every sample cable, in file order."""
    whole = hashlib.sha1()
    for path in sorted(p for p in SAMPLES.rglob("*") if p.is_file()):
        for item in iter_bytes(path.read_bytes(), path.name):
            if isinstance(item, CableError):
                continue
            rows = [[e.type, e.text, e.paragraph, e.start, e.end, e.expansion, e.canonical, e.learned]
                    for e in extract_entities(item.paragraphs)]
            whole.update(f"{path.name}\t{item.ref_id}\t{json.dumps(rows, ensure_ascii=False)}\n".encode())
    return whole.hexdigest()[:16]


def test_the_extractor_output_of_the_sample_cables_goes_with_the_entity_version():
    digest = samples_digest()
    version, recorded = RECORDED
    if version == ENTITY_VERSION:
        assert digest == recorded, (
            f"The entity extractor's output for sample_cables/ changed (digest {digest}, recorded {recorded} with "
            f"ENTITY_VERSION {version}). If the change is meant, bump ENTITY_VERSION in "
            f"tipreader/cable/entity_version.py to {version + 1} (existing libraries then suggest re-extracting "
            f"their names) and set RECORDED in {Path(__file__).name} to ({version + 1}, \"{digest}\"). A change "
            f"meant only to be faster must not change it (tests/tools/entity_digests.py --check lists what changed).")
    else:
        pytest.fail(f"ENTITY_VERSION is {ENTITY_VERSION} but RECORDED in {Path(__file__).name} is for "
                    f"{version}: set RECORDED to ({ENTITY_VERSION}, \"{digest}\").")


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tipreader", *args], capture_output=True, text=True,
                          timeout=300, env=os.environ.copy(), stdin=subprocess.DEVNULL)


def _versions(lib: Library) -> list:
    return [r[0] for r in lib.connection.execute("SELECT extractor FROM cable_entities ORDER BY ref_id")]


def test_a_new_library_records_this_extractor_and_suggests_nothing():
    with Library.open() as lib:
        assert lib.import_paths([FIX / "08SANJOSE82.html"]).ok
        assert _versions(lib) == [ENTITY_VERSION]
        assert lib.reextract_suggested is None
    stats = _cli("library", "stats")
    assert stats.returncode == 0 and "re-extract" not in stats.stdout
    shown = _cli("search", "costa")
    assert shown.returncode == 0 and "re-extract" not in shown.stderr


def _names_of_an_older_extractor(version: int | None) -> None:
    """A library of two cables whose names extractor ``version`` found (None: not recorded)."""
    with Library.open() as lib:
        assert lib.import_paths([FIX / "08SANJOSE82.html", FIX / "08REYKJAVIK125.html"]).ok
        lib.connection.execute("UPDATE cable_entities SET extractor=?", (version,))
        lib.connection.commit()


@pytest.mark.parametrize("version", [ENTITY_VERSION - 1, None])
def test_names_of_an_older_extractor_suggest_a_re_extraction_once_and_the_entity_pass_does_it(version):
    _names_of_an_older_extractor(version)
    with Library.open() as lib:
        assert lib.reextract_suggested is not None
        assert lib.reextract_suggested.startswith("names: re-extract suggested (2 cables")
        assert lib.search('place:"costa rica"')  # the old names stay searchable meanwhile
        assert lib.get("08SANJOSE82").entities
    stats = _cli("library", "stats")
    assert stats.returncode == 0 and "Names:          re-extract suggested (2 cables" in stats.stdout
    assert json.loads(_cli("library", "stats", "--json").stdout)["reextract_suggested"].startswith("names: re-extract")
    found = _cli("search", "costa")
    assert found.returncode == 0 and "08SANJOSE82" in found.stdout
    notes = [line for line in found.stderr.splitlines() if "re-extract suggested" in line]
    assert len(notes) == 1 and "tipreader library entities" in notes[0] and "Traceback" not in found.stderr
    again = _cli("library", "entities")
    assert again.returncode == 0, again.stderr
    assert "entities indexed for 2 of 2" in again.stdout + again.stderr and "re-extract" not in again.stderr
    with Library.open() as lib:
        assert lib.reextract_suggested is None and _versions(lib) == [ENTITY_VERSION] * 2
        assert {h.ref_id for h in lib.search('place:"costa rica"')} == {"08SANJOSE82"}
    after = _cli("search", "costa")
    assert after.returncode == 0 and "re-extract" not in after.stderr


def test_a_library_from_before_extractor_versions_gets_the_column_and_suggests_a_re_extraction():
    with Library.open() as lib:
        assert lib.import_paths([FIX / "08SANJOSE82.html"]).ok
        con = lib.connection
        con.execute("DROP INDEX cable_entities_extractor")
        con.execute("ALTER TABLE cable_entities DROP COLUMN extractor")  # the table as it was made before
        con.commit()
    with Library.open() as lib:
        assert _versions(lib) == [None]
        assert lib.reextract_suggested and lib.reextract_suggested.startswith("names: re-extract suggested (1 cable ")
        report = lib.index_entities(reextract=True)
        assert report.progress.entities_done == 1
        assert _versions(lib) == [ENTITY_VERSION] and lib.reextract_suggested is None


def test_an_import_does_not_re_extract_stale_names_unasked():
    _names_of_an_older_extractor(ENTITY_VERSION - 1)
    with Library.open() as lib:
        assert lib.import_paths([FIX / "08SANJOSE82.html"]).ok  # nothing new: the pass has nothing to do
        assert _versions(lib) == [ENTITY_VERSION - 1] * 2 and lib.reextract_suggested

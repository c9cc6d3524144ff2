"""PARSER_VERSION follows the parse output, and a library parsed by another version suggests a rebuild.

The digest below is of the parse output (``Cable.to_dict``, source named by file) of every
cable of ``sample_cables/``, taken with the PARSER_VERSION beside it. A parser change that
alters that output must bump the version (libraries then suggest a rebuild to their users).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tipreader.cable import CableError, iter_bytes
from tipreader.cable.model_data import output_digest
from tipreader.cable.parser_version import PARSER_VERSION
from tipreader.library import Library

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_cables"
FIX = ROOT / "tests" / "fixtures" / "library"

#: (PARSER_VERSION, digest of sample_cables' parse output) as last recorded
RECORDED = (10, "7beaac50390b9847")


def samples_digest() -> str:
    """One digest over the parse of every sample cable, in file order, sources named by file."""
    whole = hashlib.sha1()
    for path in sorted(p for p in SAMPLES.rglob("*") if p.is_file()):
        name = path.relative_to(SAMPLES).as_posix()
        for item in iter_bytes(path.read_bytes(), name):
            whole.update(f"{name}\t{item if isinstance(item, CableError) else output_digest(item)}\n".encode())
    return whole.hexdigest()[:16]


def test_the_parse_output_of_the_sample_cables_goes_with_the_parser_version():
    digest = samples_digest()
    version, recorded = RECORDED
    if version == PARSER_VERSION:
        assert digest == recorded, (
            f"The parser's output for sample_cables/ changed (digest {digest}, recorded {recorded} with "
            f"PARSER_VERSION {version}). If the change is meant, bump PARSER_VERSION in "
            f"tipreader/cable/parser_version.py to {version + 1} (existing libraries then suggest a rebuild) "
            f"and set RECORDED in {Path(__file__).name} to ({version + 1}, \"{digest}\").")
    else:
        pytest.fail(f"PARSER_VERSION is {PARSER_VERSION} but RECORDED in {Path(__file__).name} is for "
                    f"{version}: set RECORDED to ({PARSER_VERSION}, \"{digest}\").")


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tipreader", *args], capture_output=True, text=True,
                          timeout=300, env=os.environ.copy(), stdin=subprocess.DEVNULL)


def _library_parsed_by(version: str | None) -> None:
    """A library of one cable whose cables were parsed by parser ``version`` (None: not recorded)."""
    with Library.open() as lib:
        lib.import_paths([FIX / "08SANJOSE82.html"], entities=False)
        assert lib.rebuild_suggested is None
        if version is None:
            lib.connection.execute("DELETE FROM meta WHERE key='parser'")
        else:
            lib.connection.execute("UPDATE meta SET value=? WHERE key='parser'", (version,))
        lib.connection.commit()


def test_a_new_library_records_this_parser_and_suggests_nothing():
    with Library.open() as lib:
        lib.import_paths([FIX / "08SANJOSE82.html"], entities=False)
    with Library.open() as lib:
        assert lib.rebuild_suggested is None
        row = lib.connection.execute("SELECT value FROM meta WHERE key='parser'").fetchone()
        assert row == (str(PARSER_VERSION),)
    shown = _cli("search", "costa")
    assert shown.returncode == 0 and "rebuild suggested" not in shown.stderr


def test_cables_of_another_parser_stay_readable_and_a_rebuild_is_suggested_once_per_command():
    _library_parsed_by("0")
    with Library.open() as lib:
        assert lib.needs_rebuild is None
        assert lib.rebuild_suggested and "parser version 0" in lib.rebuild_suggested
        assert f"version {PARSER_VERSION}" in lib.rebuild_suggested
        assert lib.get("08SANJOSE82").origin == "Embassy San Jose"  # readable meanwhile
    found = _cli("search", "costa")
    assert found.returncode == 0 and "08SANJOSE82" in found.stdout
    notes = [line for line in found.stderr.splitlines() if "rebuild suggested" in line]
    assert len(notes) == 1 and "tipreader library rebuild" in notes[0] and "Traceback" not in found.stderr
    stats = _cli("library", "stats")
    assert stats.returncode == 0 and "Rebuild suggested:" in stats.stdout
    rebuilt = _cli("library", "rebuild")
    assert rebuilt.returncode == 0, rebuilt.stderr
    with Library.open() as lib:
        assert lib.rebuild_suggested is None
    again = _cli("search", "costa")
    assert again.returncode == 0 and "rebuild suggested" not in again.stderr


def test_a_library_from_before_parser_versions_suggests_a_rebuild():
    _library_parsed_by(None)
    with Library.open() as lib:
        assert lib.rebuild_suggested and "before versions were recorded" in lib.rebuild_suggested


def test_an_older_empty_library_takes_this_parsers_version_at_its_first_import():
    with Library.open() as lib:  # created before parser versions: none recorded, no cable yet
        lib.connection.execute("DELETE FROM meta WHERE key='parser'")
        lib.connection.commit()
    with Library.open() as lib:
        assert lib.rebuild_suggested is None  # nothing stored, nothing to rebuild
        lib.import_paths([FIX / "08SANJOSE82.html"], entities=False)
    with Library.open() as lib:
        assert lib.rebuild_suggested is None
        assert lib.connection.execute("SELECT value FROM meta WHERE key='parser'").fetchone() == (str(PARSER_VERSION),)

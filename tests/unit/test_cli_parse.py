"""`tipreader parse` / `export` as a user runs them: exit codes, one-line errors, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLES

MEXICO = SAMPLES / "08MEXICO721.txt"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tipreader", *args], capture_output=True, text=True, cwd=cwd)


@pytest.fixture
def bad_files(tmp_path: Path) -> dict[str, Path]:
    files = {
        "empty": b"",
        "binary": bytes(range(256)) * 40,
        "html": b"<html><body><p>No cable here, just a page.</p></body></html>",
        "truncated": MEXICO.read_bytes()[:120],
        "escapes": b"\x1b[31mred\x1b]0;title\x07 [bold]x[/bold]\n",
    }
    out = {}
    for name, data in files.items():
        path = tmp_path / f"{name}.txt"
        path.write_bytes(data)
        out[name] = path
    return out


def test_bad_files_one_line_each_and_good_ones_still_parse(bad_files):
    result = run("parse", "--json", *map(str, bad_files.values()), str(MEXICO))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    err_lines = result.stderr.strip().splitlines()
    # Every bad file is named on one line of its own; the escape codes never reach the terminal.
    for name in ("empty", "binary", "html", "escapes"):
        assert sum(f"{name}.txt" in line for line in err_lines) == 1, result.stderr
    assert "\x1b" not in result.stderr
    cables = [json.loads(line) for line in result.stdout.splitlines()]
    assert "08MEXICO721" in [c["ref_id"] for c in cables]


def test_missing_file_and_directory(tmp_path):
    result = run("parse", str(tmp_path / "nope.txt"), str(tmp_path))
    assert result.returncode == 1
    assert "nope.txt: cannot read" in result.stderr
    assert "is a directory" in result.stderr
    assert "Traceback" not in result.stderr


def test_usage_error_exit_2():
    result = run("parse")
    assert result.returncode == 2


def test_export_markdown_to_file(tmp_path):
    out = tmp_path / "m.md"
    result = run("export", str(MEXICO), "--format", "markdown", "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = out.read_text()
    assert text.startswith("# ")
    assert "08MEXICO721" in text


def test_export_takes_a_ref_id_of_the_library_as_show_and_entities_do(tmp_path):
    out = tmp_path / "m.md"
    result = run("export", "08MEXICO721", "-o", str(out))  # the library is seeded with the samples on first use
    assert result.returncode == 0, result.stderr
    text = out.read_text()
    assert text.startswith("# Eighth Annual") and "| Reference | 08MEXICO721 |" in text
    assert text == run("export", str(MEXICO)).stdout  # the same cable as the file gives
    missing = run("export", "08NOWHERE1")
    assert missing.returncode == 1 and missing.stdout == ""
    assert missing.stderr.strip() == "tipreader: 08NOWHERE1: not a file, and no cable with that ref_id in the library"


def test_export_unwritable_output(tmp_path):
    result = run("export", str(MEXICO), "--format", "json", "-o", str(tmp_path / "no" / "dir" / "x.json"))
    assert result.returncode == 1
    assert "cannot write" in result.stderr and "Traceback" not in result.stderr


def test_parse_json_mexico_questions_under_the_cables_numbering():
    """`parse --json` keeps the Mexico cable's 22 questions in 3 parts (A-E, A-M, A-D) at ¶5-26."""
    result = run("parse", "--json", str(MEXICO))
    assert result.returncode == 0, result.stderr
    cable = json.loads(result.stdout.splitlines()[0])
    parts = cable["parts"]
    assert [[q["letter"] for q in p["questions"]] for p in parts] == [list("ABCDE"), list("ABCDEFGHIJKLM"), list("ABCD")]
    assert cable["questions_total"] == 22
    assert [q["paragraph"] for p in parts for q in p["questions"]] == list(range(5, 27))
    # the cable numbers no part: ordinals, titles derived from the questions (not the cable's text)
    assert [(p["label"], p["title_source"], p["continues"]) for p in parts] == [
        ("1", "standard", None), ("2", "standard", None), ("3", "standard", None)]
    assert [q["label"] for q in parts[1]["questions"]][:3] == ["2.A", "2.B", "2.C"]
    assert parts[2]["questions"][3]["letters"] == ["D"]
    assert cable["submission_part"] is None

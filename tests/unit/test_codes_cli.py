"""`tipreader codes book|list|add|remove|export` as a user runs them (subprocess), and the CSV
parsed back with the csv module."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MEXICO = ROOT / "sample_cables" / "08MEXICO721.txt"


def _env(home: Path) -> dict[str, str]:
    return {**os.environ, "TIPREADER_HOME": str(home), "NO_COLOR": "1", "TIPREADER_CONFIG": str(home / "config.toml")}


def _cli(home: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tipreader", *args], capture_output=True, text=True,
                          env=_env(home), timeout=120, cwd=ROOT)


def _ok(run: subprocess.CompletedProcess) -> str:
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    return run.stdout


def _one_line(run: subprocess.CompletedProcess, *words: str, status: int = 1) -> None:
    assert run.returncode == status, (run.stdout, run.stderr)
    assert run.stderr.count("\n") == 1 and "Traceback" not in run.stderr, run.stderr
    for word in words:
        assert word in run.stderr, run.stderr


@pytest.fixture
def home(tmp_path):
    home = tmp_path / "home"
    _ok(_cli(home, "import", str(MEXICO), "--no-entities"))
    return home


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_add_list_export_remove(home, tmp_path):
    assert "Coded 08MEXICO721 ¶12 (the paragraph) as objection" in _ok(
        _cli(home, "codes", "add", "08mexico721", "12", "Objection", "--note", 'says "unfair", see ¶3'))
    assert "Coded 08MEXICO721 Q 2.D (the paragraph) as cooperative" in _ok(
        _cli(home, "codes", "add", "08MEXICO721", "Q2.D", "cooperative"))
    assert "Updated the code on" in _ok(_cli(home, "codes", "add", "08MEXICO721", "¶12", "objection"))
    listed = _ok(_cli(home, "codes", "list")).splitlines()
    assert len(listed) == 2 and "08MEXICO721 ¶12" in listed[0] and "objection" in listed[0]
    assert 'note: says "unfair", see ¶3' in listed[0]  # a note kept when coded again without one
    assert [json.loads(x)["code"] for x in _ok(_cli(home, "codes", "list", "--json", "--code", "cooperative")).split("\n") if x] == ["cooperative"]

    out = tmp_path / "codes.csv"
    run = _cli(home, "codes", "export", "--csv", "-o", str(out))
    assert _ok(run) == "" and "2 coded passages written to" in run.stderr
    with out.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == ["ref_id", "date", "origin", "classification", "subject", "paragraph", "question", "code",
                             "author", "note", "text", "status", "in_codebook", "created", "updated"]
    first = rows[0]
    assert (first["ref_id"], first["date"], first["origin"], first["paragraph"], first["question"], first["code"]) == (
        "08MEXICO721", "2008-03-11", "Embassy Mexico", "12", "2.C", "objection")
    assert first["classification"] == "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    assert first["subject"].startswith("Eighth Annual Trafficking")
    assert first["note"] == 'says "unfair", see ¶3' and first["status"] == "ok" and first["in_codebook"] == "yes"
    assert first["text"].startswith("QUESTION C: Punishment of Labor Trafficking") and "\n\nPOST RESPONSE:" in first["text"]
    assert first["author"] and first["created"].endswith("Z")
    assert rows[1]["question"] == "2.D" and rows[1]["code"] == "cooperative"
    # the same on standard output
    assert _rows(_ok(_cli(home, "codes", "export", "--csv"))) == rows
    # an existing file is replaced only with --force
    _one_line(_cli(home, "codes", "export", "--csv", "-o", str(out)), "exists", "--force")
    _ok(_cli(home, "codes", "export", "--csv", "-o", str(out), "--force", "--code", "cooperative"))
    with out.open(newline="", encoding="utf-8") as fh:
        assert [r["code"] for r in csv.DictReader(fh)] == ["cooperative"]

    assert "Removed objection from 08MEXICO721 ¶12" in _ok(_cli(home, "codes", "remove", "08MEXICO721", "12", "objection"))
    _one_line(_cli(home, "codes", "remove", "08MEXICO721", "12", "objection"), "no code 'objection' on ¶12")
    assert "Removed cooperative from 08MEXICO721 Q 2.D" in _ok(
        _cli(home, "codes", "remove", "08MEXICO721", "q2.d", "cooperative"))
    assert _rows(_ok(_cli(home, "codes", "export"))) == []


def test_search_by_code(home):
    _ok(_cli(home, "codes", "add", "08MEXICO721", "5", "funding"))
    hits = [json.loads(x)["ref_id"] for x in _ok(_cli(home, "search", "code:funding", "--json")).splitlines()]
    assert hits == ["08MEXICO721"]
    assert "no cable matches" in _ok(_cli(home, "search", "code:anger"))


def test_mistakes_are_one_line(home):
    _one_line(_cli(home, "codes", "add", "08MEXICO721", "12", "objecton"), "objecton: not a code of the codebook",
              "objection")
    _one_line(_cli(home, "codes", "add", "08MEXICO721", "99", "anger"), "no paragraph 99")
    _one_line(_cli(home, "codes", "add", "08MEXICO721", "Q9.Z", "anger"), "no question 9.Z", "1.A")
    _one_line(_cli(home, "codes", "add", "09NOWHERE1", "1", "anger"), "09NOWHERE1: not in the library")
    _one_line(_cli(home, "codes", "add", "08MEXICO721", "x7", "anger"), "not a paragraph", status=2)


def test_a_bad_codebook_is_one_line_and_the_bundled_one_is_used(home):
    (home / "codebook.toml").write_text('name = "Mine"\n[[code]]\nname = "x"\n[[code]]\nname = "X"\n', encoding="utf-8")
    run = _cli(home, "codes", "add", "08MEXICO721", "12", "anger")
    assert run.returncode == 0 and "Traceback" not in run.stderr
    assert run.stderr.splitlines() == [
        f"tipreader: {home / 'codebook.toml'}: code 'x' is listed twice (codes 1 and 2); names must be unique; "
        "using the bundled TIP codebook"]
    (home / "codebook.toml").write_text('name = "Mine"\n[[code]]\nname = "ranking"\n[[code]\n', encoding="utf-8")
    run = _cli(home, "codes", "book")
    assert run.returncode == 0 and "line 4, column" in run.stderr and run.stderr.count("\n") == 1
    (home / "codebook.toml").write_text('name = "Mine"\n[[code]]\nname = "ranking"\ndescription = "tier"\n',
                                        encoding="utf-8")
    book = _ok(_cli(home, "codes", "book"))
    assert book.startswith(f"Mine ({home / 'codebook.toml'}), 1 codes") and "ranking" in book
    assert "anger" in book and "not in the codebook (kept)" in book  # the passage coded above is kept
    rows = _rows(_ok(_cli(home, "codes", "export", "--csv")))
    assert [(r["code"], r["in_codebook"]) for r in rows] == [("anger", "no")]


def test_codes_book_lists_the_bundled_codes_with_counts(home):
    _ok(_cli(home, "codes", "add", "08MEXICO721", "12", "anger"))
    lines = [json.loads(x) for x in _ok(_cli(home, "codes", "book", "--json")).splitlines()]
    assert {x["name"]: x["passages"] for x in lines}["anger"] == 1
    assert {"funding", "objection", "face-saving", "cooperative", "prosecution", "protection",
            "prevention"} <= {x["name"] for x in lines}


def test_save_codes_csv_is_atomic_and_refuses_to_replace_without_asking(tmp_path):
    from tipreader.export.codes_csv import COLUMNS, save_codes_csv

    row = dict.fromkeys(COLUMNS, "x") | {"text": 'line one\n"quoted", two'}
    target = tmp_path / "codes.csv"
    assert save_codes_csv(target, [row]) == 1
    with target.open(newline="", encoding="utf-8") as fh:
        assert list(csv.DictReader(fh)) == [row]
    with pytest.raises(FileExistsError):
        save_codes_csv(target, [])
    assert save_codes_csv(target, [], replace=True) == 0
    assert target.read_text(encoding="utf-8").strip() == ",".join(COLUMNS)
    with pytest.raises(IsADirectoryError):
        save_codes_csv(tmp_path, [], replace=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["codes.csv"]  # no temporary file left

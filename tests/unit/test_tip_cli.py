"""`tipreader tip submissions|compare|export|figures` by subprocess, on the shared TIP submissions.

One library (its own TIPREADER_HOME) holds the annual submissions listed in
../shared/cables/tip_index.tsv (qa_style=True) plus two TIP cables that are not
submissions (an interim assessment, a child-labour report). Expected values were written
by reading the cables: the subjects and dates (report years), the PART n OF 2 lines, the
questions the posts restate (topics) and the sentences that give the counts.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLES, SHARED_CABLES

HTML = SHARED_CABLES / "wikileaks-html"
SUBMISSIONS = ["05SANJOSE488", "06REYKJAVIK68", "06SANJOSE481", "06SANTIAGO438", "06SANTIAGO439", "07REYKJAVIK49",
               "07SANJOSE524", "08REYKJAVIK36", "09REYKJAVIK49", "09REYKJAVIK50", "09SANJOSE127", "09TRIPOLI154",
               "10CAIRO211", "10REYKJAVIK31"]
NOT_SUBMISSIONS = ["08SANJOSE911", "09SANJOSE55"]


def _run(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tipreader", *args], env=env, capture_output=True, text=True,
                          timeout=300, stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict:
    if not HTML.is_dir():
        pytest.skip("../shared/cables is not present")
    home = tmp_path_factory.mktemp("tiphome")
    env = {**os.environ, "TIPREADER_HOME": str(home / "data"), "TIPREADER_CONFIG": str(home / "config.toml"),
           "NO_COLOR": "1"}
    files = [str(HTML / f"{r}.html") for r in SUBMISSIONS + NOT_SUBMISSIONS] + [str(SAMPLES / "08MEXICO721.txt")]
    done = _run(env, "import", "--no-entities", *files)
    assert done.returncode == 0, done.stderr
    return env


def _jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_submissions_country_year_and_parts(env: dict) -> None:
    done = _run(env, "tip", "submissions", "--json")
    assert done.returncode == 0, done.stderr
    subs = {(s["country"], s["report_year"]): s for s in _jsonl(done.stdout)}
    assert sorted(subs) == [("Chile", 2006), ("Costa Rica", 2005), ("Costa Rica", 2006), ("Costa Rica", 2007),
                            ("Costa Rica", 2009), ("Egypt", 2010), ("Iceland", 2006), ("Iceland", 2007),
                            ("Iceland", 2008), ("Iceland", 2009), ("Iceland", 2010), ("Libya", 2009), ("Mexico", 2008)]
    # two cables, one submission, in part order
    assert subs[("Iceland", 2009)]["cables"] == ["09REYKJAVIK49", "09REYKJAVIK50"]
    assert subs[("Chile", 2006)]["cables"] == ["06SANTIAGO438", "06SANTIAGO439"]
    # "COSTA RICA'S 2004 TRAFFICKING IN PERSONS REPORT" sent in February 2005 feeds the 2005 report
    assert subs[("Costa Rica", 2005)]["cables"] == ["05SANJOSE488"]
    assert subs[("Mexico", 2008)]["questions"] == 22 and subs[("Mexico", 2008)]["region"] == "WHA"
    assert subs[("Libya", 2009)]["questions"] == 41
    for s in subs.values():
        assert s["aligned"] + s["unsure"] == s["questions"]


def test_submissions_filters_and_table(env: dict) -> None:
    done = _run(env, "tip", "submissions", "--country", "ice", "--year", "2009")
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["country", "year", "questions", "aligned", "cables"]
    assert len(lines) == 2 and "Iceland" in lines[1] and "09REYKJAVIK49 + 09REYKJAVIK50" in lines[1]


def test_compare_by_year_from_a_label(env: dict) -> None:
    # 10REYKJAVIK31 5.C answers "punishment of labor trafficking offenses" (letter only: the 2010 numbering)
    done = _run(env, "tip", "compare", "10REYKJAVIK31:5.C", "--by", "year", "--json")
    assert done.returncode == 0, done.stderr
    rows = _jsonl(done.stdout)
    assert {r["topic"] for r in rows} == {"prosecution.labor-trafficking-penalties"}
    assert [(r["report_year"], r["ref_id"], r["label"]) for r in rows] == [
        (2007, "07REYKJAVIK49", "4.C"), (2008, "08REYKJAVIK36", "3.C"), (2009, "09REYKJAVIK50", "1.C"),
        (2010, "10REYKJAVIK31", "5.C")]
    assert rows[0]["question"].startswith("Punishment of Labor Trafficking Offenses")
    assert rows[3]["answer"].startswith("Trafficking of persons for forced labor is punishable by up to eight years")


def test_compare_by_country_same_year(env: dict) -> None:
    # Libya 2009 gives letters only; Iceland 2009 restates "Is prostitution legalized or decriminalized?" as 1.K
    done = _run(env, "tip", "compare", "09REYKJAVIK50:1.K", "--by", "country", "--csv")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert list(rows[0]) == ["country", "report_year", "ref_id", "cable_date", "part_label", "question_label", "topic",
                             "question", "answer", "paragraph"]
    assert [(r["country"], r["ref_id"], r["topic"]) for r in rows] == [
        ("Iceland", "09REYKJAVIK50", "prosecution.prostitution"), ("Libya", "09TRIPOLI154", "prosecution.prostitution")]
    assert rows[1]["answer"].startswith("The law criminalizes prostitution")
    assert rows[1]["cable_date"] == "2009-02-17"


def test_compare_mexico_label_and_topic_name(env: dict) -> None:
    done = _run(env, "tip", "compare", "08MEXICO721:2.C", "--by", "year")
    assert done.returncode == 0, done.stderr
    assert "2008 · 08MEXICO721 · Q 2·C" in done.stdout and "prosecution.labor-trafficking-penalties" in done.stdout
    by_name = _run(env, "tip", "compare", "protection.victims-identified", "--country", "Iceland", "--json")
    assert [(r["report_year"], r["label"]) for r in _jsonl(by_name.stdout)] == [(2009, "2.G"), (2010, "6.G")]


def test_compare_marks_changed_words(env: dict) -> None:
    done = _run(env, "tip", "compare", "prosecution.extradition", "--country", "Iceland")
    assert done.returncode == 0
    assert "[+" in done.stdout or "[-" in done.stdout


def test_compare_errors_are_one_line(env: dict) -> None:
    done = _run(env, "tip", "compare", "08MEXICO721:9.Z")
    assert done.returncode == 1 and done.stderr.count("\n") == 1 and "has no question 9.Z" in done.stderr
    done = _run(env, "tip", "compare", "no.such-topic")
    assert done.returncode == 2 and "no such topic" in done.stderr
    done = _run(env, "tip", "compare", "08SANJOSE911:1.A")
    assert done.returncode == 1 and "not a TIP submission" in done.stderr


def test_export_csv_every_aligned_answer(env: dict, tmp_path: Path) -> None:
    out = tmp_path / "answers.csv"
    done = _run(env, "tip", "export", "--csv", "-o", str(out))
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    subs = _jsonl(_run(env, "tip", "submissions", "--json").stdout)
    assert len(rows) == sum(s["aligned"] for s in subs)
    assert all(r["topic"] for r in rows)
    mexico = [r for r in rows if r["ref_id"] == "08MEXICO721"]
    assert len(mexico) == 22 and mexico[0]["paragraph"] == "5" and mexico[0]["question_label"] == "1.A"
    assert mexico[0]["topic"] == "situation.origin-transit-destination"


def test_figures_table_links_back(env: dict) -> None:
    done = _run(env, "tip", "figures", "--csv")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    got = {(r["ref_id"], r["kind"], r["value"]) for r in rows}
    # "During the reporting period, IOM reported rescued and provided assistance to 38 trafficking victims."
    assert ("08MEXICO721", "victims_assisted", "38") in got
    # "Since 2005, the INM has identified 22 victims of trafficking ..."
    assert ("08MEXICO721", "victims_identified", "22") in got
    # "Police conducted three investigations during the reporting period."
    assert ("10REYKJAVIK31", "investigations", "3") in got
    # "The government prosecuted a total of eight individuals on charges of trafficking ..."
    assert ("10REYKJAVIK31", "prosecutions", "8") in got
    # "... reported 37 investigations during 2005 ..."
    assert ("06SANJOSE481", "investigations", "37") in got
    mexico = next(r for r in rows if r["kind"] == "victims_assisted" and r["value"] == "38")
    assert mexico["paragraph"] == "26" and mexico["question_label"] == "3.D"
    assert mexico["period"] == "During the reporting period" and "38 trafficking victims" in mexico["sentence"]
    table = _run(env, "tip", "figures", "--country", "Mexico")
    assert "victims_assisted" in table.stdout and "[08MEXICO721 ¶26 Q 3.D]" in table.stdout
    # "Carreto Valencia received a sentence of 25 years and six months": a term in months, written as people do, and
    # the table's value column wide enough that every row's link starts at the same column
    assert ("08MEXICO721", "prison_term", "306") in got
    lines = [line for line in table.stdout.splitlines() if "[08MEXICO721" in line and "(" not in line]  # no period
    assert any("25 years 6 months  [08MEXICO721 ¶18 Q 2.I]" in line for line in lines)
    assert len({line.index("[") for line in lines}) == 1, lines

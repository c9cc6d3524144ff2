"""`tipreader search QUERY --histogram [--json]`: counts by year, by month under two years, from the index.

Dates read in the cables' headers: 06REYKJAVIK68 2006-03-02, 07REYKJAVIK49 2007-03-01,
08REYKJAVIK36 2008-03-07, 09REYKJAVIK49 and 09REYKJAVIK50 2009-03-06, 10REYKJAVIK31
2010-02-23, 09TRIPOLI154 2009-02-17.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import SHARED_CABLES

REFS = ["06REYKJAVIK68", "07REYKJAVIK49", "08REYKJAVIK36", "09REYKJAVIK49", "09REYKJAVIK50", "10REYKJAVIK31",
        "09TRIPOLI154"]


def _run(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tipreader", *args], env=env, capture_output=True, text=True,
                          timeout=300, stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict:
    html = SHARED_CABLES / "wikileaks-html"
    if not html.is_dir():
        pytest.skip("../shared/cables is not present")
    home = tmp_path_factory.mktemp("histhome")
    env = {**os.environ, "TIPREADER_HOME": str(home / "data"), "TIPREADER_CONFIG": str(home / "config.toml"),
           "NO_COLOR": "1"}
    done = _run(env, "import", "--no-entities", *(str(html / f"{r}.html") for r in REFS))
    assert done.returncode == 0, done.stderr
    return env


def test_by_year(env: dict) -> None:
    done = _run(env, "search", "origin:reykjavik", "--histogram", "--json")
    assert done.returncode == 0, done.stderr
    hist = json.loads(done.stdout)
    assert hist["unit"] == "year" and hist["total"] == 6 and hist["unknown"] == 0
    assert [(b["period"], b["count"]) for b in hist["buckets"]] == [
        ("2006", 1), ("2007", 1), ("2008", 1), ("2009", 2), ("2010", 1)]


def test_by_month_under_two_years_with_empty_months(env: dict) -> None:
    done = _run(env, "search", "id:09TRIPOLI154 OR id:10REYKJAVIK31", "--histogram", "--json")
    hist = json.loads(done.stdout)
    assert hist["unit"] == "month"
    buckets = [(b["period"], b["count"]) for b in hist["buckets"]]
    assert buckets[0] == ("2009-02", 1) and buckets[-1] == ("2010-02", 1) and len(buckets) == 13
    assert all(n == 0 for _, n in buckets[1:-1])


def test_text_bars_and_errors(env: dict) -> None:
    done = _run(env, "search", "origin:reykjavik", "--histogram")
    lines = done.stdout.splitlines()
    assert lines[3].startswith("2009") and lines[3].count("█") == 40 and lines[0].count("█") == 20
    assert lines[-1] == "6 cables by year"
    assert _run(env, "search", "zzzqqqxx", "--histogram").stdout == "no cable matches\n"
    bad = _run(env, "search", "AND", "--histogram")
    assert bad.returncode == 2 and bad.stderr.startswith("tipreader: bad query:")

"""Hostile queries (issue 17, item 1): any text is run or refused with one ``QueryError``.

The fuzzer drives the path the CLI and the app share (``Library.search`` and
``Library.count`` with the user's bookmarks), with query syntax mixed into any
code point, lone surrogates included. Fixed seed, bounded examples: a few seconds.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from tipreader.library import Library, QueryError
from tipreader.library.bookmarks import BookmarkStore
from tests.fixture_sets import LIBRARY

QUERIES_RUN = {"n": 0}

SYNTAX = ["(", ")", '"', "-", "--", "NOT ", "AND ", "OR ", "&&", "||", "*", " ", "  ", ":", "..",
          "id:", "date:", "origin:", "tag:", "class:", "subject:", "person:", "entity:", "note:",
          "bookmarked:", "yes", "visa", "traffick", "2008", "2008-01", "..2009", "08MANAMA492"]
ANY_CHAR = st.integers(0, 0x10FFFF).map(chr)  # every code point: controls, surrogates, private use
QUERY = st.lists(st.one_of(st.sampled_from(SYNTAX), ANY_CHAR, st.text(max_size=4)), max_size=40).map("".join)


@pytest.fixture(scope="module")
def lib(tmp_path_factory):
    home = tmp_path_factory.mktemp("fuzzhome")
    library = Library.open(home)
    assert library.import_paths(LIBRARY, workers=1, entities=False).ok
    marks = BookmarkStore.open(home)
    marks.add(library.get("08MANAMA492"), 0, note="follow up")
    yield library, marks
    marks.close()
    library.close()


def _run(library, marks, query: str, limit: int) -> None:
    try:
        hits = library.search(query, limit=limit, bookmarks=marks)
        total = library.count(query, bookmarks=marks)
    except QueryError as err:
        msg = str(err)
        assert msg and "\n" not in msg and "Traceback" not in msg
        return
    assert len(hits) <= min(limit, total if total else limit)
    QUERIES_RUN["n"] += 1


@seed(17)
@settings(max_examples=600, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(query=QUERY, limit=st.one_of(st.integers(1, 50), st.integers(1, 10**20)))
def test_any_query_is_run_or_refused_in_one_line(lib, query, limit):
    _run(*lib, query, limit)


@pytest.mark.parametrize("query", [
    "-" * 960 + "x", "-" * 990 + "x", "-" * 1999 + "x", "NOT " * 499 + "x", "(" * 60 + "x" + ")" * 60,
    "(-" * 40 + "x" + ")" * 40, "subject:(" * 60 + "x", "\ud800", "visa \udfff", "id:\udc80*",
    "x" * 2001, "\x00", "*", '"', "date:99999999999999999999",
])
def test_crafted_queries_are_run_or_refused(lib, query):
    _run(*lib, query, 20)


def test_deep_queries_are_refused_and_a_huge_limit_is_bounded_from_the_shell(tmp_path):
    """The user's path: the CLI with a 960-dash query (was a segfault, exit 139) and
    --limit 10000000000 (was an abort, exit 134)."""
    env = {"TIPREADER_HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin", "NO_COLOR": "1"}
    cmd = [sys.executable, "-m", "tipreader", "search", "--", "-" * 960 + "x"]
    run = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 2, run.stderr
    assert run.stderr.count("\n") == 1 and "nests too deep" in run.stderr
    cmd = [sys.executable, "-m", "tipreader", "search", "--limit", "10000000000", "trafficking"]
    run = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "08MEXICO721" in run.stdout

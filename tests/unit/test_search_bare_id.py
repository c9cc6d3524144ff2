"""A user types a cable's id into the search, without ``id:``: that cable comes first.

Found by t16 running the app as a user: ``08MEXICO721`` typed in the library's search box
(or ``tipreader search 08MEXICO721``) said "No cable matches"; only ``id:08MEXICO721``
found it. A word shaped like an id now also asks for the cable with that id (and for the
cable WikiLeaks' malformed id names), ranked first; the word is still searched in the text.
Over the eight real cables of ``tests.fixture_sets.LIBRARY``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tipreader.library import Library
from tests.fixture_sets import LIBRARY


@pytest.fixture(scope="module")
def lib(tmp_path_factory):
    library = Library.open(tmp_path_factory.mktemp("libhome"))
    assert library.import_paths(LIBRARY, workers=1).ok
    yield library
    library.close()


@pytest.mark.parametrize("typed", ["08REYKJAVIK125", "08reykjavik125"])
def test_the_id_alone_finds_its_cable_first(lib, typed):
    hits = lib.search(typed)
    assert [h.ref_id for h in hits] == ["08REYKJAVIK125"]
    assert lib.count(typed) == 1


def test_an_id_being_typed_finds_the_cables_whose_id_starts_so(lib):
    # the app searches as you type: the last word is a prefix until a space follows
    assert lib.search("08REYKJAVIK12*")[0].ref_id == "08REYKJAVIK125"
    assert {h.ref_id for h in lib.search("08MANAMA*")} == {"08MANAMA492"}


def test_wikileaks_malformed_id_alone_finds_the_cable(lib):
    assert [h.ref_id for h in lib.search("08ECTION01OF02MANAMA492")] == ["08MANAMA492"]


def test_with_other_words_the_id_is_one_more_condition(lib):
    # words side by side mean AND: 08SANTIAGO95 speaks of trafficking, 08REYKJAVIK125 too
    assert [h.ref_id for h in lib.search("trafficking 08SANTIAGO95")] == ["08SANTIAGO95"]
    assert lib.search("08SANTIAGO95 08REYKJAVIK125") == []
    assert {h.ref_id for h in lib.search("08SANTIAGO95 OR 08REYKJAVIK125")} == {"08SANTIAGO95", "08REYKJAVIK125"}


def test_id_shaped_words_that_name_no_cable_are_only_words(lib):
    assert lib.search("COVID19") == []
    assert lib.search("G8") == []
    before = [h.ref_id for h in lib.search("trafficking", limit=8)]
    assert before and "08REYKJAVIK125" in before  # plain words rank as they did


def test_cli_search_by_the_id_alone(tmp_path: Path) -> None:
    env = {**os.environ, "TIPREADER_HOME": str(tmp_path / "home"), "NO_COLOR": "1",
           "TIPREADER_CONFIG": str(tmp_path / "config.toml")}
    run = subprocess.run([sys.executable, "-m", "tipreader", "search", "08MEXICO721"], capture_output=True, text=True,
                         env=env, timeout=300)  # a fresh home: the bundled samples are imported first
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("08MEXICO721 "), run.stdout

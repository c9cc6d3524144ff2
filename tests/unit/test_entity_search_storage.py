"""The names' search table keeps no second copy of the names (FTS5 ``content=''``), yet a
cable's names can be replaced and removed exactly; a library made before (FTS5 with its
content) is written the way it was."""

from __future__ import annotations

import sqlite3

import pytest

from tipreader.library import entity_search

OLD_SCHEMA = """
CREATE TABLE entity_keys (id INTEGER PRIMARY KEY, ref_id TEXT UNIQUE NOT NULL);
CREATE VIRTUAL TABLE entity_fts USING fts5(person, org, place, acronym, law,
    tokenize = 'unicode61 remove_diacritics 2', detail = 'full');
"""


@pytest.fixture(params=["contentless", "older library"])
def con(request):
    con = sqlite3.connect(":memory:")
    if request.param == "older library":
        con.executescript(OLD_SCHEMA)
    entity_search.create(con)
    yield con
    con.close()


def _find(con, field: str, words: str) -> set[str]:
    return entity_search.ref_ids(con, [field], words.split())


def test_names_are_replaced_removed_and_cleared_exactly(con):
    entity_search.write(con, "08MEXICO721", [("person", ["Felipe Calderon"]), ("org", ["INM"])])
    entity_search.write(con, "09CAIRO207", [("person", ["Felipe Gonzalez"])])
    assert _find(con, "person", "felipe") == {"08MEXICO721", "09CAIRO207"}
    assert _find(con, "person", "felipe calderon") == {"08MEXICO721"}
    # the cable's names change: the old ones are gone, the new ones found
    entity_search.write(con, "08MEXICO721", [("person", ["Genaro Garcia Luna"])])
    assert _find(con, "person", "calderon") == set() and _find(con, "org", "inm") == set()
    assert _find(con, "person", "garcia luna") == {"08MEXICO721"}
    entity_search.delete(con, "09CAIRO207")
    assert _find(con, "person", "felipe") == set()
    # FTS5's own check: the index agrees with what was written and taken out
    con.execute("INSERT INTO entity_fts(entity_fts) VALUES ('integrity-check')")
    entity_search.clear(con)
    assert _find(con, "person", "garcia") == set()
    entity_search.write(con, "08MEXICO721", [("place", ["Tapachula"])])
    assert _find(con, "place", "tapachula") == {"08MEXICO721"}


def test_a_new_library_keeps_no_second_copy_of_the_names():
    con = sqlite3.connect(":memory:")
    entity_search.create(con)
    entity_search.write(con, "08MEXICO721", [("person", ["Felipe Calderon"])])
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
    assert "entity_fts_content" not in tables  # FTS5 stores no copy of the values
    assert con.execute("SELECT person FROM entity_fts").fetchone() == (None,)

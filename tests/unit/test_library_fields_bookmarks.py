"""``bookmarked:yes|no`` and ``note:`` in library search, with a real BookmarkStore in the test's home.

The library (eight real WikiLeaks pages) never opens the user database: the caller
passes its store to ``search``/``count``; without one these fields are a QueryError.
08SANTIAGO95 ¶4 lists "The GOC delegation to the Vienna Forum"; 05ISTANBUL38 is about
the Istanbul police's Foreigners Unit.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tipreader.cli import main
from tipreader.library import Library, QueryError
from tipreader.library.bookmarks import BookmarkStore
from tests.fixture_sets import LIBRARY

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "library"
ALL = {"03ANKARA4278", "05ANKARA1511", "05ISTANBUL38", "07MANAMA1097", "08MANAMA492",
       "08REYKJAVIK125", "08SANJOSE82", "08SANTIAGO95"}


@pytest.fixture
def lib():
    library = Library.open()  # the test's own TIPREADER_HOME (tests/conftest.py)
    assert library.import_paths(LIBRARY).ok
    yield library
    library.close()


@pytest.fixture
def store(lib):
    marks = BookmarkStore.open()
    santiago = lib.get("08SANTIAGO95")
    istanbul = lib.get("05ISTANBUL38")
    marks.add(santiago, 1, note="Vienna Forum delegation: follow up with SERNAM")
    marks.add(istanbul, 0)  # no note
    yield marks
    marks.close()


def ids(lib, query, store):
    found = {h.ref_id for h in lib.search(query, limit=50, bookmarks=store)}
    assert lib.count(query, bookmarks=store) == len(found)
    return found


def test_bookmarked_yes_and_no(lib, store):
    assert ids(lib, "bookmarked:yes", store) == {"08SANTIAGO95", "05ISTANBUL38"}
    assert ids(lib, "bookmarked:no", store) == ALL - {"08SANTIAGO95", "05ISTANBUL38"}
    assert ids(lib, "bookmarked:YES", store) == ids(lib, "bookmark:true", store)
    assert ids(lib, "-bookmarked:yes", store) == ids(lib, "bookmarked:no", store)


def test_note_words_phrases_and_prefixes(lib, store):
    assert ids(lib, "note:delegation", store) == {"08SANTIAGO95"}
    assert ids(lib, "note:SERNAM", store) == {"08SANTIAGO95"}
    assert ids(lib, 'note:"forum delegation"', store) == {"08SANTIAGO95"}
    assert ids(lib, 'note:"delegation forum"', store) == set()
    assert ids(lib, "note:deleg*", store) == {"08SANTIAGO95"}
    assert ids(lib, "note:missing", store) == set()
    assert ids(lib, "note:(missing OR follow)", store) == {"08SANTIAGO95"}


def test_bookmark_fields_combine_with_words_and_other_fields(lib, store):
    assert ids(lib, "bookmarked:yes vienna", store) == {"08SANTIAGO95"}
    assert ids(lib, "bookmarked:yes origin:istanbul", store) == {"05ISTANBUL38"}
    assert ids(lib, "bookmarked:no vienna", store) == {"08SANJOSE82", "08MANAMA492"}
    assert ids(lib, "vienna -bookmarked:yes", store) == {"08SANJOSE82", "08MANAMA492"}
    assert ids(lib, "note:forum place:chile", store) == {"08SANTIAGO95"}
    assert ids(lib, "note:forum OR origin:istanbul", store) == {"08SANTIAGO95", "05ISTANBUL38"}
    assert ids(lib, "note:forum origin:istanbul", store) == set()
    # the snippet marks the words, never the filter's value
    hit = lib.search("bookmarked:yes vienna", bookmarks=store)[0]
    assert "**Vienna**" in hit.snippet.marked() and "**yes**" not in hit.snippet.marked().lower()


def test_the_filter_follows_the_store_as_it_changes(lib, store):
    assert ids(lib, "bookmarked:yes", store) == {"08SANTIAGO95", "05ISTANBUL38"}
    (mark,) = store.for_ref("05ISTANBUL38")
    gone = store.delete(mark.id)
    assert gone is not None
    assert ids(lib, "bookmarked:yes", store) == {"08SANTIAGO95"}
    store.restore(gone)
    assert ids(lib, "bookmarked:yes", store) == {"08SANTIAGO95", "05ISTANBUL38"}


def test_with_no_bookmarks_at_all(lib):
    with BookmarkStore.open() as empty:
        assert ids(lib, "bookmarked:yes", empty) == set()
        assert ids(lib, "bookmarked:no", empty) == ALL
        assert ids(lib, "note:anything", empty) == set()


@pytest.mark.parametrize("query", ["bookmarked:yes", "note:forum", "vienna -bookmarked:yes", "origin:ankara OR note:x"])
def test_without_a_store_the_fields_are_a_clear_query_error(lib, query):
    for call in (lib.search, lib.count):
        with pytest.raises(QueryError) as err:
            call(query)
        assert "needs your bookmarks database" in str(err.value)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("note:(", "unclosed '('"),
        ("note:", "'note:' at column 1 needs a value"),
        ('note:"', "unclosed quote"),
        ("note:a*", "a prefix needs at least 2 characters"),
        ("bookmarked:", "needs a value, e.g. bookmarked:yes"),
        ("bookmarked:maybe", "use bookmarked:yes or bookmarked:no"),
        ("bookmarked:(yes)", "needs a value"),
        ('bookmarked:"yes please"', "use bookmarked:yes or bookmarked:no"),
    ],
)
def test_malformed_bookmark_queries_are_query_errors(lib, store, query, message):
    with pytest.raises(QueryError) as err:
        lib.search(query, bookmarks=store)
    assert message in str(err.value)


def test_a_plain_callable_serves_as_the_filter(lib, store):
    calls = []

    def user_filter(field, value):
        calls.append((field, value))
        return store.filter_ref_ids(field, value)

    assert ids(lib, 'note:"follow up"', user_filter) == {"08SANTIAGO95"}
    assert ("note", '"follow up"') in calls


def test_cli_search_uses_the_users_bookmarks(lib, store, capsys):
    assert main(["search", "bookmarked:yes", "--json"]) == 0
    out = capsys.readouterr().out
    assert {json.loads(line)["ref_id"] for line in out.splitlines()} == {"08SANTIAGO95", "05ISTANBUL38"}
    assert main(["search", "note:sernam", "--count"]) == 0
    assert "1 cable matches" in capsys.readouterr().out
    assert main(["search", "bookmarked:perhaps"]) == 2
    assert "bookmarked:yes or bookmarked:no" in capsys.readouterr().err

"""Bookmarks store: round-trip, reopen, keys and status, undo, search and the library-search filters."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from tipreader.cable import parse_file
from tipreader.cable.model import Cable, Paragraph
from tipreader.library import paths
from tipreader.library.bookmarks import (CHANGED, DETACHED, OK, BookmarkError, BookmarkStore, anchor_for, locate,
                                         note_matches, parse_anchor, place_all, text_hash)

MEXICO_FILE = Path(__file__).resolve().parents[2] / "sample_cables" / "08MEXICO721.txt"


@pytest.fixture(scope="module")
def mexico() -> Cable:
    return parse_file(MEXICO_FILE)[0]


def _cable(texts: list[tuple[int | None, str]], ref: str = "09TESTPOST1") -> Cable:
    paras = tuple(Paragraph(i, n, None, 1, t) for i, (n, t) in enumerate(texts))
    return Cable(source="test", format="raw", ref_id=ref, subject="A TEST CABLE", date="2009-01-02T03:04:00Z",
                 origin="Embassy Test", paragraphs=paras)


def test_round_trip_and_reopen_keep_everything(mexico):
    with BookmarkStore.open() as store:
        first, new = store.add(mexico, 4, note="**Labor** cases: see Q 2·C")
        assert new
        second, _ = store.add(mexico, 11)
    assert first.ref_id == "08MEXICO721" and first.anchor == "5" and first.number == 5 and first.para_index == 4
    assert first.citation == "08MEXICO721 ¶5"
    assert first.quote == mexico.paragraphs[4].text and first.quote.startswith("QUESTION A. Is the country of origin")
    assert (first.subject, first.date, first.origin) == (mexico.subject, mexico.date, mexico.origin)
    assert first.created == first.updated > 0
    # a new process on the same home: the same rows, newest first
    with BookmarkStore.open() as again:
        assert again.all() == [second, first]
        assert again.get(first.id) == first and again.find("08mexico721", "5") == first
    assert paths.user_db_path().is_file()


def test_adding_again_keeps_the_note_and_creation_and_replaces_the_note_only_when_given(mexico):
    with BookmarkStore.open() as store:
        mark, _ = store.add(mexico, 4, note="first thoughts")
        same, new = store.add(mexico, 4)
        assert not new and same.note == "first thoughts" and same.created == mark.created and same.id == mark.id
        renoted, _ = store.add(mexico, 4, note="second thoughts")
        assert renoted.note == "second thoughts" and store.count() == 1
        edited = store.set_note(mark.id, "# Heading\n\n- a list")
        assert edited.note == "# Heading\n\n- a list" and edited.updated >= renoted.updated
        assert store.set_note(9999, "x") is None


def test_delete_returns_the_row_and_restore_puts_it_back_exactly(mexico):
    with BookmarkStore.open() as store:
        mark, _ = store.add(mexico, 11, note="keep me")
        gone = store.delete(mark.id)
        assert gone == mark and store.all() == [] and store.delete(mark.id) is None
        assert store.restore(gone) == mark
        assert store.restore(gone) == mark  # twice: still one
        assert store.all() == [mark]
        # bookmarked again before the undo: the new one gets the old note and creation time back
        gone = store.remove("08MEXICO721", "12")
        fresh, new = store.add(mexico, 11, note="new note")
        assert new
        merged = store.restore(gone)
        assert merged.id == fresh.id and merged.created == mark.created
        assert "keep me" in merged.note and "new note" in merged.note and store.count() == 1


def test_toggle_adds_then_removes(mexico):
    with BookmarkStore.open() as store:
        mark, added = store.toggle(mexico, 2)
        assert added and set(store.in_cable(mexico)) == {2}
        gone, added = store.toggle(mexico, 2)
        assert not added and gone == mark and store.in_cable(mexico) == {}
        with pytest.raises(BookmarkError):
            store.add(mexico, 999)


def test_anchors_number_or_index():
    cable = _cable([(None, "Preamble line."), (1, "One."), (2, "Two."), (2, "A second two."), (None, "SIGNATURE")])
    assert [anchor_for(cable, i) for i in range(5)] == ["i0", "1", "2", "i3", "i4"]
    assert parse_anchor("5") == parse_anchor("¶5") == parse_anchor("¶ 05") == "5"
    assert parse_anchor("i7") == parse_anchor("@7") == "i7"
    for bad in ("", "x5", "5a", "-1", "i"):
        with pytest.raises(ValueError):
            parse_anchor(bad)


def test_status_ok_changed_moved_and_detached():
    cable = _cable([(None, "Preamble."), (1, "The first paragraph."), (2, "The second paragraph.")])
    with BookmarkStore.open() as store:
        numbered, _ = store.add(cable, 2)
        unnumbered, _ = store.add(cable, 0)
    assert locate(numbered, cable).status == OK and locate(numbered, cable).index == 2
    # re-flowed or re-cased text is the same text
    reflowed = dataclasses.replace(cable, paragraphs=(cable.paragraphs[0], cable.paragraphs[1],
                                                      Paragraph(2, 2, None, 1, "The  second\nPARAGRAPH.")))
    assert locate(numbered, reflowed).status == OK
    # a word changed: flagged, still placed at ¶2, the quote is what was bookmarked
    changed = dataclasses.replace(cable, paragraphs=(*cable.paragraphs[:2], Paragraph(2, 2, None, 1, "The 2nd paragraph.")))
    placed = locate(numbered, changed)
    assert (placed.status, placed.index, placed.current_text) == (CHANGED, 2, "The 2nd paragraph.")
    assert placed.bookmark.quote == "The second paragraph."
    # a newer parser found another unnumbered line first: the preamble moved to index 1, still found by its text
    moved = _cable([(None, "A header line."), (None, "Preamble."), (1, "The first paragraph."), (2, "The second paragraph.")])
    assert (locate(unnumbered, moved).status, locate(unnumbered, moved).index) == (OK, 1)
    assert (locate(numbered, moved).status, locate(numbered, moved).index) == (OK, 3)
    # the paragraph is gone altogether
    short = _cable([(None, "Preamble."), (1, "The first paragraph.")])
    assert (locate(numbered, short).status, locate(numbered, short).index) == (CHANGED, None)
    # the cable is gone
    assert (locate(numbered, None).status, locate(numbered, None).index) == (DETACHED, None)
    calls = []
    placed = place_all([numbered, unnumbered], lambda ref: calls.append(ref))
    assert [p.status for p in placed] == [DETACHED, DETACHED] and calls == ["09TESTPOST1"]


def test_text_hash_ignores_layout_not_words():
    assert text_hash("A  b\nC") == text_hash("a b c") == text_hash(" A B C ")
    assert text_hash("a b c") != text_hash("a b d")


def test_search_over_cable_paragraph_and_note(mexico):
    other = _cable([(1, "Nothing about it here."), (2, "Forced labour in the fields.")])
    with BookmarkStore.open() as store:
        a, _ = store.add(mexico, 11, note="Compare with the **Oaxaca** figures")
        b, _ = store.add(other, 1, note="")
        c, _ = store.add(other, 0, note="Ask the désk officer")
        assert store.search("") == [c, b, a]
        assert store.search("mexico") == [a]  # subject, origin, ref_id
        assert store.search("09testpost1 ¶2") == [b]
        assert store.search("FORCED labour") == [b]  # paragraph text
        assert store.search("oaxaca compare") == [a]  # note
        assert store.search("desk") == [c]  # accents folded
        assert store.search("oaxaca fields") == []


def test_library_search_filters(mexico):
    other = _cable([(1, "Text.")], ref="09OTHER2")
    with BookmarkStore.open() as store:
        assert store.filter_ref_ids("bookmarked", "yes").ref_ids == frozenset()
        store.add(mexico, 11, note="Forced labor: the Oaxaca figures don't add up")
        store.add(other, 0)
        yes = store.filter_ref_ids("bookmarked", "yes")
        assert yes.ref_ids == {"08MEXICO721", "09OTHER2"} and not yes.exclude
        no = store.filter_ref_ids("bookmarked", "no")
        assert no.ref_ids == yes.ref_ids and no.exclude
        assert store.filter_ref_ids("note", "oaxaca").ref_ids == {"08MEXICO721"}
        assert store.filter_ref_ids("note", "oax*").ref_ids == {"08MEXICO721"}
        assert store.filter_ref_ids("note", "oax").ref_ids == frozenset()
        assert store.filter_ref_ids("note", '"forced labor"').ref_ids == {"08MEXICO721"}
        assert store.filter_ref_ids("NOTE", "labor forced").ref_ids == {"08MEXICO721"}
        with pytest.raises(ValueError):
            store.filter_ref_ids("bookmarked", "maybe")
        with pytest.raises(ValueError):
            store.filter_ref_ids("colour", "x")


def test_note_matching():
    assert note_matches("Don't add UP", "don't") and note_matches("Don't add UP", "up add")
    assert note_matches("Über-Zahlen", "uber") and not note_matches("", "x")
    assert not note_matches("forced and labor", '"forced labor"')


def test_the_table_lives_in_the_user_database_beside_userdata(mexico):
    from tipreader.library import UserData

    data = UserData.open()
    data.set_position("08MEXICO721", 3)
    with BookmarkStore.open() as store:
        store.add(mexico, 4)
        assert store.path == data.path
    assert data.position("08MEXICO721") == 3
    con = sqlite3.connect(data.path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")} >= {"bookmarks", "positions"}
    con.close()
    data.close()


def test_filters_as_index_queries():
    from tipreader.library import Library
    from tipreader.library.bookmarks import filter_query

    fixtures = Path(__file__).resolve().parents[1] / "fixtures" / "library"
    with Library.open() as lib, BookmarkStore.open() as store:
        lib.import_paths([fixtures / "08SANTIAGO95.html", fixtures / "08REYKJAVIK125.html", fixtures / "08SANJOSE82.html"])
        store.add(lib.get("08SANTIAGO95"), 1, note="Vienna delegation")
        store.add(lib.get("08REYKJAVIK125"), 0)
        searcher = lib.index.searcher()

        def ids(field: str, value: str) -> set[str]:
            q = filter_query(store.filter_ref_ids(field, value))
            return {searcher.doc(a).get_first("ref_id") for _, a in searcher.search(q, limit=10).hits}

        assert ids("bookmarked", "yes") == {"08SANTIAGO95", "08REYKJAVIK125"}
        assert ids("bookmarked", "no") == {"08SANJOSE82"}
        assert ids("note", "delegation") == {"08SANTIAGO95"}
        assert ids("note", "nothing") == set()

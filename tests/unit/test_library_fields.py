"""Entity fields in library search (person:, org:, place:, acronym:, law:, entity:) over real cables.

The library holds the eight real WikiLeaks pages of tests/fixtures/library and the
sample cable 08MEXICO721 (Mexico's 2008 TIP report submission). Expected cables were
checked by reading them: e.g. 08SANTIAGO95 names "Gloria Sepulveda, Director of
International Relations at SENAME" and "Pablo Varas, SERNAM"; 08MANAMA492 "Bahrain's
Labor Market Regulatory Authority (LMRA)"; 05ANKARA1511 "Diyanet Vice President Mehmet
Gormez"; 08MEXICO721 "President Felipe Calderon", "The National Migration Institute
(INM)" and "most prominently Tijuana".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tipreader.library import Library, QueryError
from tipreader.library.index import INDEX_VERSION
from tests.fixture_sets import LIBRARY

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "tests" / "fixtures" / "library"
MEXICO = ROOT / "sample_cables" / "08MEXICO721.txt"
ALL = {"03ANKARA4278", "05ANKARA1511", "05ISTANBUL38", "07MANAMA1097", "08MANAMA492",
       "08REYKJAVIK125", "08SANJOSE82", "08SANTIAGO95", "08MEXICO721"}


@pytest.fixture(scope="module")
def lib(tmp_path_factory):
    library = Library.open(tmp_path_factory.mktemp("libhome"))
    report = library.import_paths([*LIBRARY, MEXICO])
    assert report.ok, report.errors
    assert library.total() == len(ALL)
    yield library
    library.close()


def ids(lib, query, limit=50):
    found = {h.ref_id for h in lib.search(query, limit=limit)}
    assert lib.count(query) == len(found)
    return found


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # the issue's own examples, on the sample cable
        ("entity:INM", {"08MEXICO721"}),
        ("person:calderon", {"08MEXICO721"}),
        ('org:"national migration institute"', {"08MEXICO721"}),
        ("place:tijuana", {"08MEXICO721"}),
        ("acronym:INM", {"08MEXICO721"}),
        ("org:INM", {"08MEXICO721"}),  # its expansion is one of the cable's organisations
        ('person:"felipe calderon"', {"08MEXICO721"}),
        # the fixture pages
        ("person:gormez", {"05ANKARA1511"}),
        ('person:"mehmet gormez"', {"05ANKARA1511"}),
        ('org:"directorate of religious affairs"', {"05ANKARA1511"}),
        ('person:"gloria sepulveda"', {"08SANTIAGO95"}),
        ("acronym:SERNAM", {"08SANTIAGO95"}),
        ("entity:LMRA", {"08MANAMA492"}),
        ('org:"labor market regulatory authority"', {"08MANAMA492"}),
        ('place:"costa rica"', {"08SANJOSE82"}),
        ('org:"fundacion pan y amor"', {"08SANJOSE82"}),  # split by a line break in the page
        ("place:vienna", {"08MANAMA492", "08SANJOSE82", "08SANTIAGO95"}),
        ("place:turkey", {"03ANKARA4278", "05ANKARA1511", "05ISTANBUL38"}),
        ('law:"turkish penal code"', {"05ISTANBUL38"}),
        ('entity:"turkish penal code"', {"05ISTANBUL38"}),
        ("entity:vienna", {"08MANAMA492", "08SANJOSE82", "08SANTIAGO95"}),
    ],
)
def test_each_entity_field_finds_the_cables_that_name_it(lib, query, expected):
    assert ids(lib, query) == expected


def test_case_and_accents_are_ignored_but_words_are_not_stemmed(lib):
    assert ids(lib, 'person:"GLORÍA Sepúlveda"') == {"08SANTIAGO95"}
    assert ids(lib, "acronym:sernam") == {"08SANTIAGO95"}
    assert ids(lib, "place:turkeys") == set()  # no stemming in names...
    assert "05ANKARA1511" in ids(lib, "turkeys")  # ...while body words are stemmed


def test_a_phrase_stays_inside_one_name(lib):
    # 03ANKARA4278's organisations include "Parliament" and "Turkish Grand National Assembly"
    assert ids(lib, 'org:"turkish grand national assembly"') == {"03ANKARA4278"}
    assert ids(lib, 'org:"parliament turkish"') == set()
    assert ids(lib, 'person:"calderon felipe"') == set()


def test_a_name_field_is_not_the_body(lib):
    # "Vienna" is a word of 08SANJOSE82's body and a place; never a person
    assert ids(lib, "person:vienna") == set()
    # 08MANAMA492 mentions IOM; "Gormez" is nobody's place
    assert ids(lib, "place:gormez") == set()


def test_prefixes_in_entity_fields(lib):
    assert ids(lib, "person:sepul*") == {"08SANTIAGO95"}
    assert ids(lib, "entity:LMR*") == {"08MANAMA492"}
    assert ids(lib, "person:calder*") == {"08MEXICO721"}


def test_entity_fields_combine_with_words_and_other_fields(lib):
    assert ids(lib, "place:vienna origin:santiago") == {"08SANTIAGO95"}
    assert ids(lib, "place:vienna -origin:santiago") == {"08MANAMA492", "08SANJOSE82"}
    assert ids(lib, "person:calderon visas") == {"08MEXICO721"}
    assert ids(lib, "entity:INM date:2008-03") == {"08MEXICO721"}
    assert ids(lib, "entity:INM date:2007") == set()
    assert ids(lib, 'org:(LMRA OR "fundacion pan y amor")') == {"08MANAMA492", "08SANJOSE82"}
    assert ids(lib, "place:turkey AND NOT person:gormez") == {"03ANKARA4278", "05ISTANBUL38"}
    assert ids(lib, "place:vienna OR person:calderon") == {"08MANAMA492", "08SANJOSE82", "08SANTIAGO95",
                                                           "08MEXICO721"}
    assert ids(lib, "origin:mexico place:tijuana \"trafficking in persons\"") == {"08MEXICO721"}
    assert ids(lib, "origin:manama place:tijuana") == set()


def test_the_snippet_marks_the_name_in_the_text(lib):
    hit = lib.search("person:calderon")[0]
    assert hit.ref_id == "08MEXICO721"
    assert "**Calderon**" in hit.snippet.marked()
    hit = lib.search('org:"national migration institute"')[0]
    assert "**National Migration Institute**" in hit.snippet.marked()  # a phrase is marked as one


def test_the_entity_pass_leaves_nothing_pending_and_stores_the_entities(lib):
    assert lib.entities_pending() == 0
    assert lib.search("acronym:INM")[0].ref_id == "08MEXICO721"
    cable = lib.get("08MEXICO721")
    assert cable is not None and cable.entities  # stored by the pass: the reader needs not look for them
    inm = [e for e in cable.entities if e.type == "ACRONYM" and e.text == "INM"]
    assert inm and inm[0].expansion == "National Migration Institute"
    para = cable.paragraphs[inm[0].paragraph]
    assert para.text[inm[0].start:inm[0].end] == "INM"


def test_cables_are_searchable_before_the_entity_pass_and_complete_after_it(tmp_path):
    """An import without the entity pass (or one stopped during it) leaves every cable
    searchable by its words, and the entity fields filled once the pass runs."""
    with Library.open(tmp_path / "home") as library:
        report = library.import_paths([*LIBRARY, MEXICO], entities=False)
        assert report.ok and report.progress.phase == "import"
        assert library.entities_pending() == len(ALL)
        assert library.search('"National Migration Institute"')[0].ref_id == "08MEXICO721"
        assert library.search("person:calderon") == []  # not indexed yet
        assert library.get("08MEXICO721").entities == ()
        seen: list[tuple[str, int, int]] = []
        report = library.index_entities(progress=lambda p: seen.append((p.phase, p.entities_done, p.entities_total)))
        assert report.ok and library.entities_pending() == 0
        assert seen[-1] == ("entities", len(ALL), len(ALL))
        assert [h.ref_id for h in library.search("person:calderon")] == ["08MEXICO721"]
        assert library.total() == len(ALL)  # each document replaced, none added twice
        # nothing pending: the pass is a no-op; a re-import of the same files changes nothing
        assert library.index_entities().progress.entities_total == 0
        again = library.import_paths([*LIBRARY, MEXICO])
        assert again.progress.cables_imported == 0 and again.progress.entities_total == 0


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("entity:", "'entity:' at column 1 needs a value"),
        ("person:", "needs a value, e.g. person:calderon"),
        ("trafficking org:", "'org:' at column 13 needs a value"),
        ('place:"', "unclosed quote"),
        ('acronym:""', "empty phrase"),
        ("person:(", "unclosed '('"),
        ("person:c*", "a prefix needs at least 2 characters"),
        ("persona:calderon", "unknown field 'persona:'"),
    ],
)
def test_malformed_entity_queries_are_query_errors(lib, query, message):
    with pytest.raises(QueryError) as err:
        lib.search(query)
    assert message in str(err.value)
    with pytest.raises(QueryError):
        lib.count(query)


def test_an_index_of_the_old_layout_is_rebuilt_with_the_entity_fields(tmp_path):
    home = tmp_path / "lib"
    with Library.open(home) as library:
        assert library.import_paths([MEXICO]).ok
        assert ids(library, "place:tijuana") == {"08MEXICO721"}
    # an index made by the previous version (no entity fields)
    (home / "library" / "index" / "tipreader-index-version").write_text("1")
    with Library.open(home) as library:
        assert library.index_stale and library.total() == 0
        report = library.ensure_seeded()
        assert report is not None and report.progress.cables_imported == 1
        assert not library.index_stale
        assert ids(library, "place:tijuana") == {"08MEXICO721"}
    assert (home / "library" / "index" / "tipreader-index-version").read_text() == INDEX_VERSION

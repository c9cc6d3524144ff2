"""Coded passages shared through a real team server: a teammate's code shows in the other's
reader data, `code:` search and CSV export with its author; removing it reaches them; nobody
removes another's code locally."""

from __future__ import annotations

from tests.team.test_team_store import CABLE, FIX, team  # noqa: F401  (the fixture)
from tipreader.export.codes_csv import code_rows
from tipreader.library import Library
from tipreader.userdata.codes import CodeStore, locate_all, own_codes
from tipreader.userdata.filters import UserFilter
from tipreader.userdata.team import TeamServer, sync


def _sync(member) -> None:
    with TeamServer.connect(member.settings) as server:
        sync(server, member.local, member.bookmarks.all(), own_codes(member.local.con))


def test_a_teammates_code_is_seen_searched_and_exported_with_its_author(team):  # noqa: F811
    ana, ben = team["ana"], team["ben"]
    with CodeStore.open(ana.home, author="ana") as codes:
        codes.apply(CABLE, [2], "legislation", note="Palermo ratified")
    _sync(ana)
    _sync(ben)
    with CodeStore.open(ben.home, author="ben") as codes:
        [(passage, _)] = codes.apply(CABLE, [2], "cooperative")
        assert not passage.team
        seen = {(p.code, p.author, p.team, p.note) for p in codes.all()}
        assert seen == {("legislation", "ana", True, "Palermo ratified"), ("cooperative", "ben", False, "")}
        placed = codes.in_cable(CABLE)
        assert sorted((loc.passage.author, loc.passage.code) for loc in placed[2]) == [
            ("ana", "legislation"), ("ben", "cooperative")]
        assert [loc.passage.code for loc in codes.in_cable(CABLE, team=False)[2]] == ["cooperative"]
        assert codes.remove(CABLE.ref_id, "3", "legislation") is None  # not ben's to remove
        with Library.open(ben.home) as lib:
            lib.import_paths([FIX / "08REYKJAVIK125.html"], entities=False)
            rows = code_rows(locate_all(codes.all(), lib.get))
            user = UserFilter(bookmarks=ben.bookmarks, codes=codes)
            assert [h.ref_id for h in lib.search("code:legislation", bookmarks=user)] == ["08REYKJAVIK125"]
    assert [(r["code"], r["author"], r["note"], r["status"], r["paragraph"]) for r in rows] == [
        ("cooperative", "ben", "", "ok", "3"), ("legislation", "ana", "Palermo ratified", "ok", "3")]
    assert rows[1]["subject"] == CABLE.subject and rows[1]["text"] == CABLE.paragraphs[2].text
    # ana removes hers: gone from ben's after the next sync
    with CodeStore.open(ana.home) as codes:
        assert codes.remove(CABLE.ref_id, "3", "legislation") is not None
    _sync(ana)
    _sync(ben)
    with CodeStore.open(ben.home) as codes:
        assert [(p.code, p.author) for p in codes.all()] == [("cooperative", "ben")]

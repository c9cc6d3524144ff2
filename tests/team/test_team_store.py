"""The team store against a real PostgreSQL (a throwaway cluster; never a mock): two users,
row-level security through SQL, two versions of a note, a read-only member, idempotent init,
a server killed in the middle of a sync."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg
import pytest

from tipreader.cable import parse_file
from tipreader.library.bookmarks import BookmarkStore
from tipreader.userdata.local import LocalItems
from tipreader.userdata.pg_local import LocalCluster
from tipreader.userdata.team import TeamError, TeamServer, TeamSettings, sync
from tipreader.userdata.team_schema import LATEST

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "library"
CABLE = parse_file(FIX / "08REYKJAVIK125.html")[0]
PASSWORDS = {"ana": "ana-secret", "ben": "ben-secret", "rita": "rita-secret"}


def _team(cluster: LocalCluster) -> str:
    """A fresh database with the schema and three members; its name."""
    name = f"team_{time.monotonic_ns()}"
    with psycopg.connect(cluster.url(), autocommit=True) as con:
        con.execute(f"CREATE DATABASE {name}")
    admin = TeamServer.connect(TeamSettings(cluster.url(database=name)))
    with admin:
        assert admin.init() == [1]
        for user, pw in PASSWORDS.items():
            admin.add_member(user, pw, read_only=user == "rita")
    return name


class Member:
    """One teammate: their own home (user database) and their login."""

    def __init__(self, cluster: LocalCluster, db: str, user: str, home: Path) -> None:
        self.settings = TeamSettings(cluster.url(user, PASSWORDS[user], db))
        self.home = home
        self.bookmarks = BookmarkStore.open(home)
        self.local = LocalItems.open(home)

    def sync(self, **kw):
        with TeamServer.connect(self.settings) as server:
            return sync(server, self.local, self.bookmarks.all(), **kw)

    def sql(self) -> psycopg.Connection:
        return psycopg.connect(self.settings.url, autocommit=True)

    def close(self) -> None:
        self.bookmarks.close()
        self.local.close()


@pytest.fixture
def team(pg_cluster, tmp_path):
    db = _team(pg_cluster)
    members = {u: Member(pg_cluster, db, u, tmp_path / u) for u in PASSWORDS}
    yield members
    for m in members.values():
        m.close()


def test_init_is_idempotent(pg_cluster):
    db = _team(pg_cluster)
    with TeamServer.connect(TeamSettings(pg_cluster.url(database=db))) as admin:
        assert admin.init() == []  # nothing left to apply
        assert admin.require_schema() == LATEST


def test_two_users_see_each_others_marks_and_both_versions_of_a_note(team):
    ana, ben = team["ana"], team["ben"]
    ana.bookmarks.add(CABLE, 3, note="Palermo protocol: ratified?")
    report = ana.sync()
    assert report.pushed == 1 and report.pulled == 0  # her own item comes back: not a teammate's
    assert ben.sync().pulled == 1
    [seen] = ben.local.team_items("08REYKJAVIK125")
    assert (seen.author, seen.kind, seen.body) == ("ana", "bookmark", "Palermo protocol: ratified?")
    assert seen.text_hash == ana.bookmarks.all()[0].text_hash and seen.updated > 0
    # ben "edits" ana's note: his own version, linked to hers; hers is untouched
    ben.bookmarks.add(CABLE, 3, note="Palermo protocol: ratified in 2008 (see ¶5)")
    ben.sync()
    ana.sync()
    [theirs] = ana.local.team_items("08REYKJAVIK125")
    assert theirs.author == "ben" and theirs.parent == seen.uid and "2008" in theirs.body
    with ana.sql() as con:
        bodies = sorted(r[0] for r in con.execute("SELECT body FROM tipreader.items"))
    assert bodies == ["Palermo protocol: ratified in 2008 (see ¶5)", "Palermo protocol: ratified?"]
    # a second sync with nothing new sends nothing and duplicates nothing
    assert ana.sync().pushed == 0 and ben.sync().pushed == 0


def test_a_user_cannot_change_anothers_items_through_sql(team):
    ana, ben, rita = team["ana"], team["ben"], team["rita"]
    ana.bookmarks.add(CABLE, 2, note="mine")
    ana.sync()
    with ben.sql() as con:
        assert con.execute("SELECT count(*) FROM tipreader.items").fetchone()[0] == 1  # may read
        assert con.execute("UPDATE tipreader.items SET body='defaced'").rowcount == 0
        assert con.execute("DELETE FROM tipreader.items").rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # row-level security refuses
            con.execute("INSERT INTO tipreader.items (id, kind, author, ref_id, anchor, text_hash, fingerprint, "
                        "created_at, updated_at) VALUES (gen_random_uuid(), 'bookmark', 'ana', 'X', '1', 'h', 'f', "
                        "now(), now())")
    with rita.sql() as con:
        assert con.execute("SELECT count(*) FROM tipreader.items").fetchone()[0] == 1
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            con.execute("INSERT INTO tipreader.items (id, kind, ref_id, anchor, text_hash, fingerprint, created_at, "
                        "updated_at) VALUES (gen_random_uuid(), 'bookmark', 'X', '1', 'h', 'f', now(), now())")
    with ana.sql() as con:
        assert con.execute("SELECT body FROM tipreader.items").fetchone()[0] == "mine"
    rita.bookmarks.add(CABLE, 1)
    with pytest.raises(TeamError):  # a read-only member's push is refused by the server
        rita.sync()
    assert rita.bookmarks.count() == 1  # and nothing local is lost


def test_the_same_note_edited_on_two_machines_keeps_both(team, pg_cluster, tmp_path):
    ana = team["ana"]
    ana.bookmarks.add(CABLE, 3, note="first")
    ana.sync()
    # a second machine of ana's that pushed the same item: simulate by editing the server copy as ana
    with ana.sql() as con:
        con.execute("UPDATE tipreader.items SET body='from the laptop', fingerprint='other', version=version+1")
    mark = ana.bookmarks.all()[0]
    ana.bookmarks.set_note(mark.id, "from the desktop")
    report = ana.sync()
    assert report.conflicts == 1
    with ana.sql() as con:
        rows = sorted(con.execute("SELECT body, parent IS NOT NULL FROM tipreader.items").fetchall())
    assert rows == [("from the desktop", True), ("from the laptop", False)]


def test_removing_a_bookmark_reaches_teammates(team):
    ana, ben = team["ana"], team["ben"]
    mark, _ = ana.bookmarks.add(CABLE, 1)
    ana.sync()
    ben.sync()
    assert len(ben.local.team_items()) == 1
    ana.bookmarks.delete(mark.id)
    ana.sync()
    ben.sync()
    assert ben.local.team_items() == []


def test_a_server_killed_mid_sync_loses_nothing_and_duplicates_nothing(tmp_path):
    """SIGKILL the postmaster while a large push runs; the next sync completes, no duplicates."""
    cluster = LocalCluster.create()
    try:
        cluster.start()
        db = _team(cluster)
        ana = Member(cluster, db, "ana", tmp_path / "ana")
        many = parse_file(Path(__file__).resolve().parents[2] / "sample_cables" / "08MEXICO721.txt")[0]
        # many batches' worth of items: the Mexico cable's paragraphs under 30 made-up ids
        from dataclasses import replace

        for n in range(30):
            fake = replace(many, ref_id=f"08FAKE{n}")
            for i in range(len(fake.paragraphs)):
                ana.bookmarks.add(fake, i, note=f"note {n}.{i}")
        total = ana.bookmarks.count()
        assert total > 600
        errors: list[BaseException] = []

        def run() -> None:
            try:
                ana.sync()
            except BaseException as err:  # noqa: BLE001 - collected for the assertion below
                errors.append(err)

        watcher = psycopg.connect(cluster.url(database=db), autocommit=True)
        worker = threading.Thread(target=run)
        worker.start()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if watcher.execute("SELECT count(*) FROM tipreader.items").fetchone()[0] > 0:
                break
            time.sleep(0.005)
        cluster.kill()
        worker.join(60)
        watcher.close()
        committed_before = None
        assert errors and isinstance(errors[0], TeamError), errors
        assert ana.bookmarks.count() == total  # nothing local lost
        waiting = len(ana.local.outgoing(ana.bookmarks.all()))
        assert 0 < waiting < total or waiting == total
        for _attempt in range(30):
            try:
                cluster.start()
                break
            except Exception:  # noqa: BLE001 - backends of the killed postmaster may linger a moment
                time.sleep(1)
        report = ana.sync()
        assert report.pushed + report.unchanged == waiting
        with ana.sql() as con:
            n, distinct = con.execute("SELECT count(*), count(DISTINCT (ref_id, anchor)) FROM tipreader.items").fetchone()
        assert n == distinct == total, committed_before
        assert len(ana.local.outgoing(ana.bookmarks.all())) == 0
        ana.close()
    finally:
        cluster.destroy()


def _cli(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tipreader", *args], capture_output=True, text=True, timeout=120,
                          env=env, stdin=subprocess.DEVNULL)


def test_cli_status_push_pull(team, pg_cluster):
    ana = team["ana"]
    ana.bookmarks.add(CABLE, 3, note="via the CLI")
    env = {**os.environ, "TIPREADER_HOME": str(ana.home), "TIPREADER_TEAM_URL": ana.settings.url}
    before = _cli(env, "team", "status")
    assert before.returncode == 0 and "1 item(s) waiting" in before.stdout and "In sync:       no" in before.stdout
    assert PASSWORDS["ana"] not in before.stdout + before.stderr
    pushed = _cli(env, "team", "sync")
    assert pushed.returncode == 0 and "pushed 1, pulled 0 from teammates" in pushed.stdout, pushed.stderr
    after = _cli(env, "team", "status", "--json")
    import json

    data = json.loads(after.stdout)
    assert data["in_sync"] and data["bookmarks"] == 1 and data["notes"] == 1 and data["user"] == "ana"
    gone = {**env, "TIPREADER_TEAM_URL": f"postgresql://ana:x@127.0.0.1:{_free_port()}/nothing"}
    down = _cli(gone, "team", "sync")
    assert down.returncode == 1 and "cannot reach the team server" in down.stderr and "Traceback" not in down.stderr
    assert down.stderr.strip().endswith(": Connection refused"), down.stderr  # the cause, not libpq's advice
    unset = {k: v for k, v in env.items() if k != "TIPREADER_TEAM_URL"}
    none = _cli(unset, "team", "status")
    assert none.returncode == 1 and "no team server set" in none.stderr


def _free_port() -> int:
    from tipreader.userdata.pg_local import free_port

    return free_port()


def test_author_field_finds_teammates_and_own_items(team):
    from tipreader.library import Library

    ana, ben = team["ana"], team["ben"]
    ben.bookmarks.add(CABLE, 2, note="ben was here")
    ben.sync()
    ana.bookmarks.add(parse_file(FIX / "08SANJOSE82.html")[0], 1)
    ana.sync()
    with Library.open(ana.home) as lib:
        lib.import_paths([FIX / "08REYKJAVIK125.html", FIX / "08SANJOSE82.html"], entities=False)
        assert [h.ref_id for h in lib.search("author:ben", bookmarks=ana.bookmarks)] == ["08REYKJAVIK125"]
        assert [h.ref_id for h in lib.search("author:ANA", bookmarks=ana.bookmarks)] == ["08SANJOSE82"]
        assert lib.search("author:nobody", bookmarks=ana.bookmarks) == []
        assert lib.count("palermo author:ben", bookmarks=ana.bookmarks) == 1


def test_codes_are_shared_and_found_by_code_and_author(team):
    from tipreader.library import Library
    from tipreader.userdata.codes import CodeStore, own_codes, team_codes
    from tipreader.userdata.filters import UserFilter

    ana, ben = team["ana"], team["ben"]
    with CodeStore.open(ana.home, author="ana") as codes:
        codes.apply(CABLE, [2], "objection", note="the minister objected")
    with TeamServer.connect(ana.settings) as server:
        report = sync(server, ana.local, ana.bookmarks.all(), own_codes(ana.local.con))
    assert report.pushed == 1
    ben.sync()
    [passage] = team_codes(ben.local.con, "08REYKJAVIK125")
    assert (passage.code, passage.author, passage.note, passage.anchor) == ("objection", "ana", "the minister objected",
                                                                            own_codes(ana.local.con)[0].anchor)
    with Library.open(ben.home) as lib:
        lib.import_paths([FIX / "08REYKJAVIK125.html"], entities=False)
        user = UserFilter(home=ben.home)
        try:
            assert [h.ref_id for h in lib.search("author:ana", bookmarks=user)] == ["08REYKJAVIK125"]
        finally:
            user.close()


def test_a_team_that_moves_to_another_server_gets_everything_there(team, pg_cluster, tmp_path):
    ana, ben = team["ana"], team["ben"]
    ana.bookmarks.add(CABLE, 3, note="on the old server")
    ben.bookmarks.add(CABLE, 2)
    ana.sync(), ben.sync(), ana.sync()
    assert [i.author for i in ana.local.team_items(CABLE.ref_id)] == ["ben"]
    moved = _team(pg_cluster)  # a new server (here: another database), the settings now name it
    for name, member in (("ana", ana), ("ben", ben)):
        member.settings = TeamSettings(pg_cluster.url(name, PASSWORDS[name], moved))
    env = {**os.environ, "TIPREADER_HOME": str(ana.home), "TIPREADER_TEAM_URL": ana.settings.url}
    status = _cli(env, "team", "status")
    assert "1 item(s) waiting" in status.stdout and "another team server" in status.stdout, status.stdout
    report = ana.sync()
    assert report.pushed == 1 and report.pulled == 0
    assert ana.local.team_items(CABLE.ref_id) == []  # the old server's items are not this one's
    assert ben.sync().pushed == 1 and ana.sync().pulled == 1
    with ana.sql() as con:
        assert sorted(r[0] for r in con.execute("SELECT author FROM tipreader.items")) == ["ana", "ben"]
    assert [b.note for b in ana.bookmarks.all()] == ["on the old server"]  # her own, untouched


def test_add_member_prints_the_settings_a_teammate_signs_in_with(pg_cluster, tmp_path):
    db = _team(pg_cluster)
    admin = {**os.environ, "TIPREADER_HOME": str(tmp_path / "admin"), "TIPREADER_TEAM_URL": pg_cluster.url(database=db)}
    admin.pop("TIPREADER_MEMBER_PASSWORD", None)
    added = _cli(admin, "team", "add-member", "dora")
    assert added.returncode == 0, added.stderr
    [url] = [line.split('"')[1] for line in added.stdout.splitlines() if line.startswith("url = ")]
    assert 'user = "dora"' in added.stdout and url.startswith("postgresql://dora:") and url.endswith(f"/{db}")
    dora = {**os.environ, "TIPREADER_HOME": str(tmp_path / "dora"), "TIPREADER_TEAM_URL": url}
    status = _cli(dora, "team", "status")
    assert status.returncode == 0 and "Signed in as:  dora" in status.stdout, status.stdout + status.stderr

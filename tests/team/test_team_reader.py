"""The team in the app, against a real PostgreSQL (a throwaway cluster; never a mock): the app
syncs in the background, shows a teammate's bookmark and note under the paragraph with their
name and time (distinct from one's own ★), sends the user's own mark a moment after it is made,
and works offline (says so, keeps everything, never freezes)."""

from __future__ import annotations

import socket
import time

import pytest

from tests.team.test_team_store import CABLE, team  # noqa: F401  (the fixture)
from tipreader.library.bookmark_keys import anchor_for
from tipreader.ui import team_sync
from tipreader.ui.app import TipReaderApp
from tipreader.ui.screens.reader import ReaderScreen
from tipreader.ui.widgets.section_tree import SectionTree
from tipreader.ui.widgets.status_line import StatusLine
from tipreader.userdata.codes import CodeStore, own_codes
from textual.widgets import Static

PARA = 2  # ¶3 of 08REYKJAVIK125


def _team_line(screen: ReaderScreen, para: int) -> str:
    return " ".join(b.text.plain for b in screen.text_view.blocks if b.para == para and b.role == "team")


def _status(app: TipReaderApp) -> str:
    return app.screen.query_one(StatusLine).text


async def _until(pilot, check, timeout: float = 30.0) -> None:
    """Pause the app until ``check()`` holds (a background sync reaches a real server)."""
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "timed out"
        await pilot.pause(0.05)


@pytest.fixture
def as_user(monkeypatch):
    """Run the app as ``member``: their home and their login on the team server."""

    def use(member, url: str | None = None) -> None:
        monkeypatch.setenv("TIPREADER_HOME", str(member.home))
        monkeypatch.setenv("TIPREADER_TEAM_URL", url or member.settings.url)

    monkeypatch.setattr(team_sync, "SOON", 0.2)
    return use


async def test_a_teammates_note_shows_in_the_reader_and_ones_own_mark_reaches_them(team, as_user):  # noqa: F811
    ana, ben = team["ana"], team["ben"]
    ana.bookmarks.add(CABLE, PARA, note="Palermo protocol: **ratified?**")
    with CodeStore.open(ana.home, author="ana") as codes:
        codes.apply(CABLE, [PARA], "legislation")
    ana.sync(codes=own_codes(ana.local.con))
    as_user(ben)
    app = TipReaderApp(cable=CABLE)
    async with app.run_test(size=(120, 40)) as pilot:
        await _until(pilot, lambda: "team: synced" in _status(app))
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        await _until(pilot, lambda: "ana" in _team_line(screen, PARA))
        line = _team_line(screen, PARA)
        assert "Palermo protocol: ratified?" in line and time.strftime("%Y-%m-%d") in line
        assert _team_line(screen, 0) == ""
        label = screen.query_one(SectionTree)._para_nodes[PARA].label
        assert str(label).startswith("⌗legislation ◇ ")  # the teammate's code and mark, not one's own ★
        assert any("italic" in str(span.style) and "bold" not in str(span.style)
                   for span in label.spans if label.plain[span.start:span.end] == "legislation")  # theirs: italic
        tags = " ".join(b.text.plain for b in screen.text_view.blocks if b.para == PARA and b.role == "codes")
        assert "legislation·ana" in tags
        # ben bookmarks the paragraph below: it reaches the server a moment later, without asking
        screen.jump_to(PARA + 1)
        await pilot.pause()
        await pilot.press("m")
        await _until(pilot, lambda: ben.local.state("synced_at") is not None and not ben.local.outgoing(
            ben.bookmarks.all()))
    ana.sync()
    [theirs] = ana.local.team_items(CABLE.ref_id)
    assert (theirs.author, theirs.anchor) == ("ben", anchor_for(CABLE, PARA + 1))


async def test_offline_the_app_says_so_keeps_the_marks_and_sends_them_later(team, as_user, pg_cluster):  # noqa: F811
    ben = team["ben"]
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    as_user(ben, f"postgresql://ben:x@127.0.0.1:{port}/nowhere")
    app = TipReaderApp(cable=CABLE)
    async with app.run_test(size=(120, 40)) as pilot:
        await _until(pilot, lambda: "team: offline" in _status(app))
        [said] = [str(n.message) for n in app._notifications if "Working offline" in str(n.message)]
        assert said.startswith("Working offline: cannot reach the team server ben@") and "Connection refused. Your" in said
        assert "Is the server running" not in said  # libpq's advice is not the user's business
        app.screen.jump_to(PARA)
        await pilot.pause()
        await pilot.press("m")
        await _until(pilot, lambda: "offline · 1 to send" in _status(app))
        assert [b.anchor for b in ben.bookmarks.all()] == [anchor_for(CABLE, PARA)]  # kept here
    # the server is back (the right URL): the next sync sends what waited
    assert ben.sync().pushed == 1


async def test_a_server_that_does_not_answer_never_freezes_the_reader(team, as_user):  # noqa: F811
    ben = team["ben"]
    with socket.socket() as silent:  # accepts connections, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        as_user(ben, f"postgresql://ben:x@127.0.0.1:{silent.getsockname()[1]}/x?connect_timeout=3")
        app = TipReaderApp(cable=CABLE)
        async with app.run_test(size=(120, 40)) as pilot:
            await _until(pilot, lambda: "team: syncing" in _status(app))
            started = time.monotonic()
            app.screen.jump_to(PARA)
            await pilot.pause()
            await pilot.press("m")  # the reader answers while the sync waits on the network
            await pilot.pause()
            assert time.monotonic() - started < 2.5
            assert "team: syncing" in _status(app)
            assert [b.anchor for b in ben.bookmarks.all()] == [anchor_for(CABLE, PARA)]
            await _until(pilot, lambda: "team: offline" in _status(app), timeout=20)


async def test_the_library_screen_says_where_the_team_sync_stands(team, as_user):  # noqa: F811
    as_user(team["ben"])
    app = TipReaderApp()
    async with app.run_test(size=(120, 40)) as pilot:
        status = app.screen.query_one("#library-status", Static)
        await _until(pilot, lambda: "team: synced" in str(status.render()), timeout=60)

"""A damaged user database in the whole app (issue 6): said once, never touched until the
user accepts, then a fresh database works and the damaged file is kept beside it."""

from __future__ import annotations

from pathlib import Path

from tipreader.library import Library, UserData
from tipreader.library import paths
from tipreader.library.userdb_safety import check_user_db
from tipreader.ui.app import TipReaderApp
from tipreader.ui.dialogs.userdb_damaged import UserDBDamaged
from tipreader.ui.source import LibrarySource

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "library_ui"
GARBAGE = b"not a database: the user's only copy of their bookmarks, say\n" * 50
SIZE = (120, 40)


def _app_over_damaged_db() -> tuple[TipReaderApp, Path]:
    lib = Library.open()
    assert not lib.import_paths([p for p in FIXTURES.iterdir() if p.name.endswith("08MANAMA486.html")],
                                workers=1).errors
    path = paths.user_db_path()
    path.write_bytes(GARBAGE)
    return TipReaderApp(source=LibrarySource(lib)), path


async def _settle(pilot) -> None:
    await pilot.pause(0.1)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _dialogs(app) -> list[UserDBDamaged]:
    return [s for s in app.screen_stack if isinstance(s, UserDBDamaged)]


async def test_damaged_user_db_is_said_once_and_kept_until_the_user_accepts():
    app, path = _app_over_damaged_db()
    async with app.run_test(size=SIZE) as pilot:
        await _settle(pilot)
        assert isinstance(app.screen, UserDBDamaged)
        assert app.services.bookmarks is None
        # the reading positions find the same damaged file: no second dialog
        assert app.services.userdata is None and app.services.userdata is None
        await _settle(pilot)
        assert len(_dialogs(app)) == 1
        assert str(path) in str(app.screen.problem) and "not an SQLite database" in app.screen.problem
        assert path.read_bytes() == GARBAGE and list(path.parent.glob("user.sqlite3*")) == [path]

        await pilot.click("#udb-fresh")
        await _settle(pilot)
        assert not _dialogs(app)
        [kept] = path.parent.glob("user.sqlite3.damaged-*")
        assert kept.read_bytes() == GARBAGE
        # a fresh database at the usual place: bookmarks and reading positions both work
        assert app.services.bookmarks is not None
        data = app.services.userdata
        assert data is not None
        data.set_position("08MANAMA486", 3)
        data.record_open("08MANAMA486")
        cable = app.services.source.get("08MANAMA486")
        assert cable is not None
        mark, new = app.services.bookmarks.add(cable, 3, note="after the fresh start")
        assert new and [b.note for b in app.services.bookmarks.all()] == ["after the fresh start"]
    assert check_user_db(path) is None and path.read_bytes()[:16] == b"SQLite format 3\x00"
    again = UserData(path)
    assert again.position("08MANAMA486") == 3 and [h.ref_id for h in again.history()] == ["08MANAMA486"]
    again.close()
    assert kept.read_bytes() == GARBAGE


async def test_not_now_leaves_the_file_and_does_not_ask_again():
    app, path = _app_over_damaged_db()
    async with app.run_test(size=SIZE) as pilot:
        await _settle(pilot)
        assert isinstance(app.screen, UserDBDamaged)
        await pilot.press("escape")
        await _settle(pilot)
        assert not _dialogs(app)
        assert app.services.userdata is None  # positions stay off; no new dialog this session
        await _settle(pilot)
        assert not _dialogs(app) and app.services.bookmarks is None
    assert path.read_bytes() == GARBAGE and list(path.parent.glob("user.sqlite3*")) == [path]

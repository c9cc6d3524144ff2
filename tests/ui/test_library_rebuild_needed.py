"""A library written by another tipreader version: the app says "rebuild needed" and never
shows a traceback when a cable of it is asked for."""

from __future__ import annotations

from pathlib import Path

from tipreader.cable.entity_version import ENTITY_VERSION
from tipreader.library import Library
from tipreader.ui.app import TipReaderApp
from tipreader.ui.source import LibrarySource

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "library"


def _old_model_library(key: str = "model", value: str = "an-older-model") -> Library:
    """A library of one cable whose ``meta`` says ``key`` is ``value`` (another model, another parser)."""
    with Library.open() as lib:
        lib.import_paths([FIX / "08SANJOSE82.html"], entities=False)
        lib.connection.execute("UPDATE meta SET value=? WHERE key=?", (value, key))
        lib.connection.commit()
    return Library.open()


async def _notices_at_start(app: TipReaderApp, pilot) -> list[str]:
    """The notifications the app shows once it has started and its workers are done."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    return [str(n.message) for n in app._notifications]


async def _rebuild_from_the_palette(app: TipReaderApp, pilot, command: str = "Rebuild the library") -> None:
    """ctrl+p → ``command`` ("Rebuild the library") → enter, and wait for the work it starts to end."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*command)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_the_app_says_rebuild_needed_and_opening_a_cable_is_one_line():
    lib = _old_model_library()
    app = TipReaderApp(source=lambda: LibrarySource(lib))
    async with app.run_test(size=(120, 40)) as pilot:
        messages = await _notices_at_start(app, pilot)
        assert any("rebuild needed" in m and "Rebuild the library" in m for m in messages), messages
        # the app offers the rebuild: palette → "Rebuild the library" → the cables read again
        await _rebuild_from_the_palette(app, pilot)
        assert lib.needs_rebuild is None
        assert lib.get("08SANJOSE82").origin == "Embassy San Jose"
        assert "Rebuilding the library" in str(app.screen.query_one("Static").render())
    lib.close()


def test_opening_a_ref_of_an_old_library_from_the_command_line_is_one_line(capsys):
    from tipreader.cli import main

    _old_model_library().close()
    assert main(["open", "08SANJOSE82"]) == 1
    err = capsys.readouterr().err
    assert "rebuild needed" in err and "Traceback" not in err


async def test_the_app_suggests_a_rebuild_for_cables_of_another_parser_and_offers_it():
    lib = _old_model_library("parser", "0")
    app = TipReaderApp(source=lambda: LibrarySource(lib))
    async with app.run_test(size=(120, 40)) as pilot:
        messages = await _notices_at_start(app, pilot)
        assert any("rebuild suggested" in m and "Rebuild the library" in m for m in messages), messages
        assert lib.get("08SANJOSE82") is not None  # the cables stay readable meanwhile
        await _rebuild_from_the_palette(app, pilot)
        assert lib.rebuild_suggested is None
    lib.close()


async def test_the_app_suggests_re_extracting_names_of_an_older_extractor_and_does_it_from_the_palette():
    with Library.open() as lib:
        lib.import_paths([FIX / "08SANJOSE82.html"])
        lib.connection.execute("UPDATE cable_entities SET extractor=0")
        lib.connection.commit()
    lib = Library.open()
    app = TipReaderApp(source=lambda: LibrarySource(lib))
    async with app.run_test(size=(120, 40)) as pilot:
        messages = await _notices_at_start(app, pilot)
        assert any("Names: re-extract suggested (1 cable" in m and "Re-extract the names" in m for m in messages), messages
        await _rebuild_from_the_palette(app, pilot, "Re-extract the names")
        assert "Finding the names" in str(app.screen.query_one("Static").render())
        assert lib.reextract_suggested is None
        assert lib.connection.execute("SELECT extractor FROM cable_entities").fetchall() == [(ENTITY_VERSION,)]
    lib.close()

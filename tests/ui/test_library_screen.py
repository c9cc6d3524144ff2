"""The library screen with Pilot: search as you type, open at the hit, references, history, positions, import.

The screen is mounted in a small app (:class:`LibApp`) holding a library built from
``tests.fixture_sets.LIBRARY_UI`` (six real cables: 08MANAMA492 cites 08MANAMA486 in its
REF block, 08REYKJAVIK125 cites 08REYKJAVIK36) in the test's own TIPREADER_HOME.
"""

from __future__ import annotations

import shutil
from pathlib import Path


from tipreader.library import Library
from tipreader.ui.app import TipReaderApp
from tipreader.ui.library_commands import LibraryCommands
from tipreader.ui.screens.library import LibraryScreen
from tipreader.ui.source import LibrarySource
from tipreader.ui.widgets.hit_list import MARK_STYLE, HitList
from tests.fixture_sets import LIBRARY_UI

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "library_ui"
CSS = Path(__file__).resolve().parents[2] / "tipreader" / "ui" / "tipreader.tcss"
SIZE = (120, 40)


class LibApp(TipReaderApp):
    """The app on ``library``: the library screen first."""

    def __init__(self, library: Library) -> None:
        super().__init__(source=LibrarySource(library))


def build_library(*names: str) -> Library:
    """A library in TIPREADER_HOME with the fixture cables ``names`` (all when none are named)."""
    lib = Library.open()
    if names:
        paths = [p for p in LIBRARY_UI if any(p.name.endswith(n) for n in names)]
    else:
        paths = LIBRARY_UI
    report = lib.import_paths(paths, workers=1)
    assert not report.errors
    return lib


async def settle(pilot) -> None:
    """Let the debounce fire and the workers finish."""
    await pilot.pause(0.1)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def rows(app) -> list[tuple[str, int | None]]:
    return [(r.ref_id, r.para) for r in app.screen.query_one(HitList).rows]


async def test_typing_shows_hits_with_highlighted_snippets_and_a_count():
    app = LibApp(build_library())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#library-search").has_focus
        await pilot.press(*"iom")
        await settle(pilot)
        got = dict(rows(app))
        # 08MANAMA492 ¶1 (Summary): "The GOB asked the Interational Organization for Migration ... (IOM)"
        assert set(got) >= {"08MANAMA492"}
        text = app.screen.query_one(HitList).get_option_at_index(0).prompt  # as the list shows it
        plain = text.plain
        assert "IOM" in plain and "¶" in plain
        marked = [plain[s.start:s.end] for s in text.spans if str(s.style) == MARK_STYLE]
        assert marked and all(m.lower() == "iom" for m in marked)
        assert "match" in str(app.screen.query_one("#library-status").render())
        assert app.screen.count == len(got)


async def test_an_entity_field_says_when_names_are_not_indexed_yet():
    lib = Library.open()
    assert lib.import_paths(LIBRARY_UI, workers=1, entities=False).ok  # stopped before its entity pass
    app = LibApp(lib)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(*"person:calderon")
        await settle(pilot)
        status = str(app.screen.query_one("#library-status").render())
        assert "0 cables match" in status and f"names not indexed yet in {lib.entities_pending()} cables" in status
        lib.index_entities()
        app.screen.query_one("#library-search").value = "person:calderon "
        await settle(pilot)
        assert rows(app) and "not indexed" not in str(app.screen.query_one("#library-status").render())


async def test_enter_opens_at_the_hits_paragraph_with_the_words_marked_and_back_keeps_the_results():
    app = LibApp(build_library())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(*"trafficking")
        await settle(pilot)
        await pilot.press("down", "down")  # into the list, then the second hit
        hits = app.screen.query_one(HitList)
        assert hits.has_focus and hits.highlighted == 1
        ref, para = rows(app)[1]
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen
        assert reader.cable.ref_id == ref
        assert reader.text_view.top_para == para
        view = reader.text_view
        assert view.matches and all("traffick" in view.blocks[m.block].text.plain[m.start:m.end].lower() for m in view.matches)
        first = view.current
        assert view.matches[first].para >= para
        await pilot.press("n")
        assert view.current == (first + 1) % len(view.matches)
        await pilot.press("N")
        assert view.current == first
        await pilot.press("backspace")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert app.screen.query_one("#library-search").value == "trafficking"
        assert app.screen.query_one(HitList).highlighted == 1
        await pilot.press("alt+right")  # forward again to the cable
        await settle(pilot)
        assert app.screen.cable.ref_id == ref


async def test_a_reference_opens_the_cited_cable_and_back_returns():
    app = LibApp(build_library())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(*"id:08MANAMA492")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen
        assert reader.cable.ref_id == "08MANAMA492"
        # the header's REF item D (MANAMA 486) is a link; the others are not in the library
        header = [b.text for b in reader.text_view.blocks if b.para is None]
        linked = [t.plain[s.start:s.end] for t in header for s in t.spans if "@click" in getattr(s.style, "meta", {})]
        assert linked == ["08MANAMA486"]
        assert reader.navigation.links_here() == ["08MANAMA486"]
        await pilot.press("enter")
        await settle(pilot)
        cited = app.screen
        assert cited.cable.ref_id == "08MANAMA486"
        assert cited.navigation.cited_by() == ["08MANAMA492"]
        assert any(b.text.plain.startswith("Cited by 08MANAMA492") for b in cited.text_view.blocks)
        await pilot.press("backspace")
        await settle(pilot)
        assert app.screen.cable.ref_id == "08MANAMA492"
        await pilot.press("backspace")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_the_references_list_opens_a_cable():
    app = LibApp(build_library())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(*"id:08REYKJAVIK125", "enter")
        await settle(pilot)
        await pilot.press("r")
        await pilot.pause()
        from tipreader.ui.dialogs.references import ReferencesDialog

        assert isinstance(app.screen, ReferencesDialog)
        assert [r[0] for r in app.screen.rows if r[2]] == ["08REYKJAVIK36"]
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.cable.ref_id == "08REYKJAVIK36"


async def test_a_reopened_cable_lands_where_it_was_left_and_the_list_shows_progress():
    app = LibApp(build_library())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(*"id:08MEXICO721", "enter")
        await settle(pilot)
        reader = app.screen
        reader.jump_to(12)
        await pilot.pause()
        assert reader.text_view.top_para == 12
        await pilot.press("q")
        await pilot.pause()
        box = app.screen.query_one("#library-search")
        box.value = ""
        await settle(pilot)
        first = app.screen.query_one(HitList).rows[0]
        assert first.ref_id == "08MEXICO721" and first.para is None  # recently read, first
        assert "% read" in first.text().plain
        await pilot.press("enter")  # opens where it was left, not at the top
        await settle(pilot)
        assert app.screen.cable.ref_id == "08MEXICO721"
        assert app.screen.text_view.top_para == 12


async def test_import_with_a_bad_file_reports_it_and_the_ui_stays_responsive(tmp_path):
    folder = tmp_path / "incoming"
    folder.mkdir()
    shutil.copy(FIXTURES / "08MANAMA486.html", folder)
    (folder / "broken.html").write_bytes(b"\x00\x01 not a cable at all \xff" * 50)
    app = LibApp(build_library("05ISTANBUL38.html"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert rows(app) == [("05ISTANBUL38", None)]
        from tipreader.ui.dialogs.import_dialog import ImportPathDialog

        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, ImportPathDialog)
        app.screen.dismiss(None)
        await pilot.pause()
        summary = await _import_in_the_app(app, pilot, folder, workers=1)
        assert "1 cable(s) imported" in summary
        assert "1 failed" in summary and "broken.html" in summary
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert {r for r, _ in rows(app)} == {"05ISTANBUL38", "08MANAMA486"}
        await pilot.press(*"bahrain")  # typing still answers
        await settle(pilot)
        assert rows(app)[0][0] == "08MANAMA486"


async def test_an_empty_library_says_how_to_import():
    app = LibApp(Library.open())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        hits = app.screen.query_one(HitList)
        assert hits.rows == []
        assert "empty" in str(hits.get_option_at_index(0).prompt)
        assert "0 cables in the library" in str(app.screen.query_one("#library-status").render())


async def test_filters_add_terms_to_the_query():
    app = LibApp(build_library())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        from tipreader.ui.widgets.filter_panel import FilterPanel

        panel = app.screen.query_one(FilterPanel)
        assert 'origin:"Embassy Manama"' in panel.terms.values()
        await pilot.press("ctrl+t")
        assert panel.has_focus
        key = next(k for k, t in panel.terms.items() if t == 'origin:"Embassy Manama"')
        panel.highlighted = next(i for i in range(panel.option_count) if panel.get_option_at_index(i).id == key)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.query_one("#library-search").value == 'origin:"Embassy Manama"'
        assert {r for r, _ in rows(app)} == {"08MANAMA492", "08MANAMA486"}


async def test_clicking_a_reference_opens_it():
    app = LibApp(build_library())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(*"id:08MANAMA492", "enter")
        await settle(pilot)
        view = app.screen.text_view
        where = None
        for y in range(view.size.height):
            x = 0
            for segment in view.render_line(y):
                if segment.text.startswith("08MANAMA486") and segment.style and segment.style.meta.get("@click"):
                    where = (x + 1, y)
                x += len(segment.text)
            if where:
                break
        assert where is not None, "the REF item D link is on screen"
        await pilot.click(view, offset=where)
        await settle(pilot)
        assert app.screen.cable.ref_id == "08MANAMA486"


async def test_more_rows_load_as_the_list_scrolls(monkeypatch):
    from tipreader.ui.screens import library as screen_module

    monkeypatch.setattr(screen_module, "FIRST_PAGE", 2)
    monkeypatch.setattr(screen_module, "PAGE", 2)
    app = LibApp(build_library())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(*"trafficking")
        await settle(pilot)
        hits = app.screen.query_one(HitList)
        assert len(hits.rows) >= 2 and app.screen.count == 6
        for _ in range(6):
            await pilot.press("down")
            await settle(pilot)
        assert len(hits.rows) == 6 and len({r.ref_id for r in hits.rows}) == 6


async def _import_in_the_app(app, pilot, folder, workers: int) -> str:
    """Import ``folder`` from the app (the import dialog), wait for the end; the summary shown."""
    from tipreader.ui.dialogs.import_dialog import ImportDialog, start_import

    start_import(app, str(folder), workers=workers)
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, ImportDialog)
    await app.workers.wait_for_complete()
    await pilot.pause()
    return str(dialog.query_one("#import-status").render())


def _app_with_a_waiting_import(state):
    """An app whose library's import reports ``state`` once, then waits until cancelled."""
    import threading

    from tipreader.library import ImportReport

    lib = build_library("05ISTANBUL38.html")
    started = threading.Event()

    def waiting_import(paths, *, progress=None, cancel=None, workers=None, **_):
        progress(state)
        started.set()
        assert cancel.wait(30)  # stops only when asked
        state.cancelled = state.finished = True
        return ImportReport(state, [])

    lib.import_paths = waiting_import
    return LibApp(lib), started


async def _open_import_dialog(app, pilot, path, started):
    from tipreader.ui.dialogs.import_dialog import ImportDialog, start_import

    await settle(pilot)
    start_import(app, str(path))
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, ImportDialog) and started.wait(10)
    await pilot.pause()
    return dialog


async def test_escape_cancels_a_running_import_cleanly(tmp_path):
    from tipreader.library import ImportProgress

    app, started = _app_with_a_waiting_import(ImportProgress(files_total=100, bytes_total=1000, current="a.html"))
    async with app.run_test(size=SIZE) as pilot:
        dialog = await _open_import_dialog(app, pilot, tmp_path, started)
        assert "0/100 files" in str(dialog.query_one("#import-status").render())
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "cancelled" in str(dialog.query_one("#import-status").render())
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)


async def test_the_import_dialog_shows_the_entity_pass_and_what_it_left(tmp_path):
    from tipreader.library import ImportProgress

    app, started = _app_with_a_waiting_import(ImportProgress(
        files_total=50, files_done=50, cables_imported=50, bytes_total=500, bytes_done=200, phase="entities",
        entities_total=50, entities_done=10, elapsed=3.0, searchable_after=2.0))
    async with app.run_test(size=SIZE) as pilot:
        dialog = await _open_import_dialog(app, pilot, tmp_path, started)
        status = str(dialog.query_one("#import-status").render())
        assert "Finding names: 10/50 cables" in status and "50 cables imported and searchable" in status
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        summary = str(dialog.query_one("#import-status").render())
        assert "50 cable(s) imported" in summary and "Names not yet found in 40 cable(s)" in summary


async def test_the_palette_imports_and_lists_recent_cables():
    from tipreader.ui.dialogs.import_dialog import ImportPathDialog

    app = LibApp(build_library())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(*"id:08MANAMA486", "enter")
        await settle(pilot)
        await pilot.press("q")
        await settle(pilot)
        provider = LibraryCommands(app.screen)
        names = [str(hit.text) async for hit in provider.discover()]
        assert names[0] == "Import cables…" and "Recent: 08MANAMA486" in names
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"import cables")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ImportPathDialog)


async def test_the_palette_finishes_an_entity_pass_left_unfinished():
    from tipreader.ui.dialogs.import_dialog import ImportDialog

    lib = Library.open()
    assert lib.import_paths(LIBRARY_UI, workers=1, entities=False).ok
    waiting = lib.entities_pending()
    assert waiting > 0
    app = LibApp(lib)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        names = [str(hit.text) async for hit in LibraryCommands(app.screen).discover()]
        assert f"Find the names in {waiting} waiting cable(s)" in names
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"find the names")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ImportDialog)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert f"names found in {waiting} of {waiting} waiting cable(s)" in str(dialog.query_one("#import-status").render())
        assert lib.entities_pending() == 0
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        names = [str(hit.text) async for hit in LibraryCommands(app.screen).discover()]
        assert not any(n.startswith("Find the names") for n in names)  # nothing waits any more
        await pilot.press(*"person:calderon")
        await settle(pilot)
        assert [r for r, _ in rows(app)] == ["08MEXICO721"]


async def test_an_import_in_the_app_runs_its_worker_processes(tmp_path, monkeypatch):
    """Inside the app sys.stderr is Textual's capture (fileno -1): starting the worker
    processes used to fail there ("bad value(s) in fds_to_keep"), for any import big
    enough to use them. Both passes run in workers here."""
    from multiprocessing import resource_tracker

    from tipreader.library import importer, pipeline

    resource_tracker._resource_tracker._stop()  # as in a fresh app: an earlier test may have started it
    monkeypatch.setattr(pipeline, "IN_PROCESS_BYTES", 0)
    monkeypatch.setattr(importer, "ENTITY_TASK", 2)
    folder = tmp_path / "cables"
    folder.mkdir()
    for path in LIBRARY_UI:
        shutil.copy(path, folder)
    app = LibApp(build_library("05ISTANBUL38.html"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        summary = await _import_in_the_app(app, pilot, folder, workers=2)
        assert "Import finished" in summary and "0 failed" in summary, summary
        assert app.services.library.entities_pending() == 0 and app.services.library.count("person:calderon") == 1


async def test_a_word_being_typed_matches_as_a_prefix_until_a_space_follows():
    app = LibApp(build_library())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(*"traf")
        await settle(pilot)
        assert rows(app), "no result while 'trafficking' is still being typed"
        assert "No cable matches" not in str(app.screen.query_one(HitList).render())

"""One reader screen, reused from cable to cable (issue 14, speed): another cable opened from the
reader (a link, Back/Forward, a bookmark, the other half of a submission) is shown in the same
screen and widgets. Nothing of the first cable may leak into the second: find, filter, view,
tree, entities, place; and history, reading positions and late workers behave as with a new screen.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from test_bookmarks_reader import DictSource

from tipreader.cable import parse_file
from tipreader.ui.app import TipReaderApp
from tipreader.ui.screens.reader import ReaderScreen
from tipreader.ui.widgets.entity_panel import EntityPanel
from tipreader.ui.widgets.find_bar import FindBar
from tipreader.ui.widgets.section_tree import SectionTree
from tipreader.ui.widgets.status_line import StatusLine

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def iceland():
    """Iceland's 2006 TIP submission: another questionnaire, other parts and questions."""
    cable = parse_file(ROOT / "sample_cables" / "06REYKJAVIK68.html")[0]
    assert cable.questions and cable.ref_id == "06REYKJAVIK68"
    return cable


def number_at_top(screen: ReaderScreen) -> int | None:
    top = screen.text_view.top_para
    return None if top is None else screen.cable.paragraphs[top].number


async def _entities_found(app, pilot) -> ReaderScreen:
    """The reader once its entities are computed."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    return app.screen


async def _open(app, pilot, ref_id: str, **kw) -> None:
    app.open_cable(ref_id, **kw)
    await pilot.pause()
    await pilot.pause()


async def test_a_cable_opened_after_find_view_and_jump_shows_nothing_of_the_first(mexico, iceland):
    app = TipReaderApp(cable=mexico, source=DictSource(mexico, iceland))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("slash", *"shelter", "enter", "Q")
        await pilot.press("colon", "2", ".", "C", "enter")
        await pilot.pause()
        assert screen.text_view.matches and screen.view_mode == "answers" and number_at_top(screen) == 12
        await _open(app, pilot, iceland.ref_id)
        assert app.screen is screen and screen.cable is iceland  # the same screen, the other cable
        view = screen.text_view
        assert not screen.query_one(FindBar).display and screen.query_one(FindBar).value == ""
        assert view.matches == [] and view.pattern is None
        assert screen.view_mode == "full" and view.scroll_y == 0 and view.top_para is None  # its header, at the top
        assert all(b.para is None or b.para < len(iceland.paragraphs) for b in view.blocks)
        assert "REYKJAVIK" in view.blocks[0].text.plain or any("REYKJAVIK" in b.text.plain for b in view.blocks[:5])
        tree = screen.query_one(SectionTree)
        assert str(tree.root.label) == iceland.ref_id
        assert set(tree._para_nodes) <= {-1, *range(len(iceland.paragraphs))}
        assert str(screen.query_one(StatusLine).text).startswith(iceland.ref_id)
        assert screen.title == iceland.ref_id
        await pilot.press("Q")  # its own views cycle from the first
        assert screen.view_mode == "answers"


async def test_a_filter_on_the_first_cable_hides_nothing_of_the_second(mexico, iceland):
    app = TipReaderApp(cable=mexico, source=DictSource(mexico, iceland))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("ampersand", *"shelter", "enter")
        await pilot.pause()
        assert screen.find.filter_query == "shelter"
        assert len(screen.text_view.shown_paras()) < len(mexico.paragraphs)
        await _open(app, pilot, iceland.ref_id)
        assert screen.find.filter_query == ""
        assert len(screen.text_view.shown_paras()) == len(iceland.paragraphs)
        assert "filter" not in str(screen.query_one(StatusLine).text)


async def test_back_returns_to_the_jump_in_the_first_cable_and_forward_to_the_second(mexico, iceland):
    app = TipReaderApp(cable=mexico, source=DictSource(mexico, iceland))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("colon", "2", ".", "C", "enter")
        await pilot.pause()
        await _open(app, pilot, iceland.ref_id)
        await pilot.press("right_curly_bracket")  # a jump in the second cable: a step too
        await pilot.pause()
        part_para = screen.text_view.top_para
        assert part_para is not None
        await pilot.press("backspace")
        await pilot.pause()
        assert screen.cable is iceland and screen.text_view.scroll_y == 0
        await pilot.press("backspace")
        await pilot.pause()
        await pilot.pause()
        assert app.screen is screen and screen.cable is mexico and number_at_top(screen) == 12
        await pilot.press("backspace")  # the top of Mexico, before the go-to
        await pilot.pause()
        assert screen.cable is mexico and screen.text_view.scroll_y == 0
        await pilot.press("alt+right", "alt+right")
        await pilot.pause()
        await pilot.pause()
        assert screen.cable is iceland and screen.text_view.scroll_y == 0
        await pilot.press("alt+right")
        await pilot.pause()
        assert screen.text_view.top_para == part_para


async def test_the_reading_position_of_the_cable_left_is_kept(mexico, iceland):
    app = TipReaderApp(cable=mexico, source=DictSource(mexico, iceland))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("colon", "1", "2", "enter")
        await pilot.pause()
        await _open(app, pilot, iceland.ref_id)
        await _open(app, pilot, mexico.ref_id)  # not a walk in the history: where it was left
        assert screen.cable is mexico and number_at_top(screen) == 12


async def test_late_entities_of_the_first_cable_never_reach_the_second(mexico, iceland):
    app = TipReaderApp(cable=mexico, source=DictSource(mexico, iceland))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _entities_found(app, pilot)
        first = screen.entities
        mexico_index = first.index
        assert mexico_index is not None and first.live
        await _open(app, pilot, iceland.ref_id)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not first.live and screen.entities is not first
        iceland_index = screen.entities.index
        assert iceland_index is not None and iceland_index is not mexico_index
        panel = screen.query_one(EntityPanel)
        assert panel.index is iceland_index
        first._ready(mexico_index)  # the first cable's worker, finishing late
        await pilot.pause()
        assert panel.index is iceland_index and screen.entities.index is iceland_index


async def test_the_sidebar_comes_back_at_the_sections_as_on_a_new_screen(mexico, iceland):
    app = TipReaderApp(cable=mexico, source=DictSource(mexico, iceland))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _entities_found(app, pilot)
        await pilot.press("E", "t")  # the Entities tab, then the sidebar hidden
        assert not screen.query_one("#sidebar").display
        await _open(app, pilot, iceland.ref_id)
        side = screen.query_one("#sidebar")
        assert side.display and side.active == "sections-tab"
        panel = screen.query_one(EntityPanel)
        if panel.index is None:  # still computing: it says so, with nothing of Mexico's
            assert [str(n.label) for n in panel.root.children] == ["Finding entities…"]
        else:
            assert panel.index is screen.entities.index


async def test_switching_cables_never_piles_up_signal_subscriptions(mexico, iceland):
    app = TipReaderApp(cable=mexico, source=DictSource(mexico, iceland))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        services = app.services
        signals = (services.bookmarks_changed, services.team.changed, services.library_changed)
        before = [len(s._subscriptions.get(screen, [])) for s in signals]
        for ref in (iceland.ref_id, mexico.ref_id, iceland.ref_id):
            await _open(app, pilot, ref)
        assert [len(s._subscriptions.get(screen, [])) for s in signals] == before


async def test_a_fresh_user_database_marks_the_cable_on_screen_not_the_one_before(mexico, iceland):
    app = TipReaderApp(cable=mexico, source=DictSource(mexico, iceland))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        await _open(app, pilot, iceland.ref_id)
        store = app.services.bookmarks
        assert store is not None
        para = next(p.index for p in iceland.paragraphs if p.number == 3)
        store.add(iceland, para, note="seen elsewhere")
        app.services.bookmarks_changed.publish(None)
        await pilot.pause()
        assert para in screen.bookmarks.marks
        assert any("seen elsewhere" in b.text.plain for b in screen.text_view.blocks)


async def test_the_reader_left_for_the_library_shows_the_next_cable_opened_there(mexico, iceland):
    from tipreader.ui.screens.library import LibraryScreen

    app = TipReaderApp(cable=mexico, source=DictSource(mexico, iceland))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        reader = app.screen
        await pilot.press("slash", *"shelter", "enter", "colon", "1", "2", "enter")
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen) and reader.is_mounted  # kept, not unmounted
        await _open(app, pilot, iceland.ref_id)  # Enter on a hit
        assert app.screen is reader and reader.cable is iceland
        assert reader.text_view.matches == [] and not reader.query_one(FindBar).display
        assert reader.text_view.scroll_y == 0 and reader.focused is reader.text_view
        await pilot.press("q")
        await pilot.pause()
        await _open(app, pilot, mexico.ref_id)  # where it was left when q went to the library
        assert app.screen is reader and number_at_top(reader) == 12
        await pilot.press("alt+left")  # Back: the library, from which it was opened
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)

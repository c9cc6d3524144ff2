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


async def test_the_reader_kept_aside_does_no_work_until_it_shows_a_cable_again(mexico, iceland, monkeypatch):
    """In the library the kept reader redraws nothing for signals (library, bookmarks, team, theme),
    and the cable it left is left once: its parts save what they keep when ``q`` goes to the library,
    not again when the next cable is opened there."""
    from tipreader.ui.parts.base import ReaderPart
    from tipreader.ui.parts.navigation import NavigationPart
    from tipreader.ui.screens.library import LibraryScreen

    work: list[str] = []
    for name in ("refresh_text", "library_changed"):
        original = getattr(ReaderScreen, name)
        monkeypatch.setattr(ReaderScreen, name, lambda self, *a, _o=original, _n=name, **k: (work.append(_n), _o(self, *a, **k))[1])
    for name in ("user_data_changed", "team_synced"):
        for cls in {*ReaderScreen.PARTS, ReaderPart}:
            if name in vars(cls):
                original = vars(cls)[name]
                monkeypatch.setattr(cls, name, lambda self, *a, _o=original, _n=name, **k: (work.append(_n), _o(self, *a, **k))[1])
    left: list[str] = []
    original_leaving = NavigationPart.leaving
    monkeypatch.setattr(NavigationPart, "leaving", lambda self: (left.append(self.reader.cable.ref_id), original_leaving(self))[1])

    app = TipReaderApp(cable=mexico, source=DictSource(mexico, iceland))
    async with app.run_test(size=(120, 40)) as pilot:
        reader = await _entities_found(app, pilot)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen) and reader.is_mounted
        assert left == [mexico.ref_id]
        work.clear()
        services = app.services
        store = services.bookmarks
        assert store is not None
        para = next(p.index for p in mexico.paragraphs if p.number == 12)
        store.add(mexico, para, note="added from the library")
        services.bookmarks_changed.publish(None)
        services.library_changed.publish(None)
        services.team.changed.publish(None)
        app.theme = "textual-light"
        await pilot.pause()
        assert work == []  # nothing redrawn or read again for a screen nobody sees
        await _open(app, pilot, iceland.ref_id)
        assert app.screen is reader and reader.cable is iceland
        assert left == [mexico.ref_id]  # Mexico was left once, with q
        await pilot.press("q")
        await pilot.pause()
        await _open(app, pilot, mexico.ref_id)
        assert left == [mexico.ref_id, iceland.ref_id]
        # what changed meanwhile is there: the bookmark added while the reader was aside
        assert para in reader.bookmarks.marks
        assert any("added from the library" in b.text.plain for b in reader.text_view.blocks)
        work.clear()
        services.bookmarks_changed.publish(None)  # on screen: done at once, as before
        await pilot.pause()
        assert "user_data_changed" in work


async def test_the_long_outline_left_for_later_is_built_for_its_own_cable_only(monkeypatch):
    """A long cable's outline is built after its text paints. When another long cable replaces it
    before that, the first one's late build must not build the second's outline before the
    second's text is laid out (it would delay the second's first paint)."""
    from dataclasses import replace

    from ui_cables import plain_cable

    from tipreader.ui.widgets.section_tree import BUILD_AT_ONCE

    first = plain_cable(BUILD_AT_ONCE * 3, words=20)
    second = replace(plain_cable(BUILD_AT_ONCE * 2, words=20), ref_id="09PLAIN2")
    builds: list[tuple[str, bool]] = []
    original_build = SectionTree.build

    def build(tree: SectionTree) -> None:
        if not tree.built:
            screen = tree.screen
            assert isinstance(screen, ReaderScreen)
            builds.append((tree.cable.ref_id, screen.opened))
        original_build(tree)

    original_open = ReaderScreen._open

    def opened(screen: ReaderScreen, generation: int) -> None:
        original_open(screen, generation)
        if screen.cable is first and screen.opened:
            screen.app.open_cable(second.ref_id)  # before the first's outline was built

    monkeypatch.setattr(SectionTree, "build", build)
    monkeypatch.setattr(ReaderScreen, "_open", opened)
    app = TipReaderApp(cable=first, source=DictSource(first, second))
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(6):
            await pilot.pause()
        tree = app.screen.query_one(SectionTree)
        assert app.screen.cable is second and tree.built and tree.cable is second
        assert builds == [(second.ref_id, True)]  # once, after the second cable was laid out
        assert len(tree.root.children) == len(second.paragraphs)


async def test_the_entity_extraction_of_a_cable_left_stops_at_once(mexico, monkeypatch):
    """A long cable's entities are extracted in a thread after its first paint; when the user opens
    another cable (or goes to the library) meanwhile, that extraction stops at its next paragraph
    instead of taking the processor from the next cable's first paint."""
    import threading
    import time

    from ui_cables import plain_cable

    from tipreader.ui.parts import entities as entities_part

    long = plain_cable(1000, words=100)
    running, left = threading.Event(), threading.Event()
    after_leaving: list[int] = []
    outcome: list[str] = []
    original = entities_part.cable_entities

    def spied(cable, checkpoint=None):
        if cable is not long:
            return original(cable) if checkpoint is None else original(cable, checkpoint)

        def counted() -> None:
            running.set()
            if left.is_set():
                after_leaving.append(1)
            if checkpoint is not None:
                checkpoint()

        try:
            found = original(cable, counted)
        except Exception:
            outcome.append("stopped")
            raise
        outcome.append("finished")
        return found

    monkeypatch.setattr(entities_part, "cable_entities", spied)
    original_leaving = entities_part.EntitiesPart.leaving
    monkeypatch.setattr(entities_part.EntitiesPart, "leaving", lambda self: (original_leaving(self), left.set()))
    app = TipReaderApp(cable=long, source=DictSource(long, mexico))
    async with app.run_test(size=(120, 40)) as pilot:
        deadline = time.monotonic() + 20
        while not running.is_set() and time.monotonic() < deadline:
            await pilot.pause(0.01)
        assert running.is_set() and not outcome  # extracting the long cable's entities
        app.open_cable(mexico.ref_id)
        time.sleep(0.2)  # the extraction's thread may run meanwhile; the next cable's opening has not gone on yet
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        deadline = time.monotonic() + 20
        while (not outcome or screen.entities.index is None) and time.monotonic() < deadline:
            await pilot.pause(0.01)
        assert outcome == ["stopped"] and len(after_leaving) <= 1  # at the first paragraph after leaving
        assert screen.cable is mexico
        assert screen.entities.index is not None and screen.query_one(EntityPanel).index is screen.entities.index


async def test_opening_a_cable_does_not_wait_for_the_history_write(mexico, iceland, monkeypatch):
    """The list of cables opened is written durably (the disk's flush) in a thread: the cable is shown
    while that write waits, and the write is there afterwards."""
    import threading

    from tipreader.library.userdata import UserData

    release = threading.Event()
    waited: list[bool] = []
    original = UserData.record_open

    def record_open(self, ref_id: str) -> None:
        waited.append(release.wait(10))  # True only when the reader was shown while this write waited
        original(self, ref_id)

    monkeypatch.setattr(UserData, "record_open", record_open)
    app = TipReaderApp(cable=mexico, source=DictSource(mexico, iceland))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.open_cable(iceland.ref_id)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen) and screen.cable is iceland and screen.text_view.line_count
        release.set()
        await app.workers.wait_for_complete()
        data = app.services.userdata
        assert data is not None and waited == [True]
        assert [h.ref_id for h in data.history()] == [iceland.ref_id]

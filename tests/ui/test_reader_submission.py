"""A TIP submission sent in two cables is read as one (issue 12, layout 4).

Chile's sixth annual submission (shared cables): 06SANTIAGO438 `(PART 1 OF 2)` holds parts 3
(Overview, ¶2) and 4 (Prevention, ¶10); 06SANTIAGO439 `(PART 2 OF 2)` parts 5 (Investigation and
prosecution, its first paragraph) and 6 (Protection, ¶20). Part 5 opens a part of its own, so the
first half's last part says the submission (not the part) continues. ``}`` past part 4 opens the
second cable at part 5, ``{`` before part 5 the first cable at part 4; the palette offers both.
"""

from __future__ import annotations

import pytest

from tipreader.ui.app import TipReaderApp
from tipreader.ui.screens.reader import ReaderScreen
from tipreader.ui.source import LibrarySource


@pytest.fixture
def chile_library(tmp_path, shared_cables):
    from tipreader.library import Library

    html = shared_cables / "wikileaks-html"
    lib = Library.open(tmp_path / "home")
    lib.import_paths([html / "06SANTIAGO438.html", html / "06SANTIAGO439.html", html / "09SANJOSE127.html"],
                     workers=1, entities=False)
    yield lib
    lib.close()


async def _reader_on(app, pilot, ref_id: str) -> ReaderScreen:
    for _ in range(100):
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        if isinstance(screen, ReaderScreen) and screen.cable.ref_id == ref_id and screen.opened:
            return screen
        await pilot.pause(0.05)
    raise AssertionError(f"{ref_id} never opened; on screen: {app.screen!r}")


def _screen_text(view) -> str:
    return " ".join(" ".join(view.render_line(y).text for y in range(view.scrollable_content_region.height)).split())


async def test_next_and_previous_part_across_the_two_cables(chile_library) -> None:
    first = chile_library.get("06SANTIAGO438")
    second = chile_library.get("06SANTIAGO439")
    assert [p.label for p in first.parts] == ["3", "4"] and [p.label for p in second.parts] == ["5", "6"]
    app = TipReaderApp(cable=first, source=LibrarySource(chile_library))
    async with app.run_test(size=(80, 24)) as pilot:
        reader = await _reader_on(app, pilot, "06SANTIAGO438")
        assert "Submission part 1 of 2 next: 06SANTIAGO439" in _screen_text(reader.text_view)
        await pilot.press("right_curly_bracket", "right_curly_bracket")
        await pilot.pause()
        assert reader.text_view.top_para == first.parts[1].paragraph_index
        text = _screen_text(reader.text_view)
        assert "PREVENTION" in text and "The submission continues in 06SANTIAGO439 (} goes there)" in text
        await pilot.press("right_curly_bracket")  # past the last part: the second cable, at its first part
        other = await _reader_on(app, pilot, "06SANTIAGO439")
        assert other.text_view.top_para == second.parts[0].paragraph_index
        text = _screen_text(other.text_view)
        assert "INVESTIGATION AND PROSECUTION" in text and "The submission began in 06SANTIAGO438" in text
        await pilot.press("left_curly_bracket")  # before the first part: back to the first cable's last part
        back = await _reader_on(app, pilot, "06SANTIAGO438")
        assert back.text_view.top_para == first.parts[1].paragraph_index


async def test_the_palette_opens_the_other_half(chile_library) -> None:
    second = chile_library.get("06SANTIAGO439")
    app = TipReaderApp(cable=second, source=LibrarySource(chile_library))
    async with app.run_test(size=(120, 40)) as pilot:
        await _reader_on(app, pilot, "06SANTIAGO439")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Submission: previous")
        await pilot.pause(0.3)
        await pilot.press("enter")
        reader = await _reader_on(app, pilot, "06SANTIAGO438")
        assert reader.text_view.top_para == reader.cable.parts[-1].paragraph_index


async def test_a_cable_without_its_other_half_says_nothing_and_rings(chile_library) -> None:
    # 09SANJOSE127 is PART 1 OF 2 but its second half is not in the library
    cable = chile_library.get("09SANJOSE127")
    app = TipReaderApp(cable=cable, source=LibrarySource(chile_library))
    async with app.run_test(size=(120, 40)) as pilot:
        reader = await _reader_on(app, pilot, "09SANJOSE127")
        assert "Submission" not in _screen_text(reader.text_view)
        reader.jump_to(cable.parts[-1].paragraph_index)
        await pilot.press("right_curly_bracket")
        await pilot.pause()
        assert app.screen is reader and reader.text_view.top_para == cable.parts[-1].paragraph_index

"""``c`` in the reader opens the compare view of the question at the top; Enter opens an answer
in its cable; ``q`` comes back to the compare view; Esc back to the reader. At 80×24.

Library: Iceland's submissions 2006-2010 and Libya's 2009 (shared cables). 10REYKJAVIK31 5.C
(letter only) answers "punishment of labor trafficking offenses"; so does 09REYKJAVIK50 1.C.
"""

from __future__ import annotations

from screen_wait import wait_for_screen

from tipreader.ui.app import TipReaderApp
from tipreader.ui.screens.compare import CompareScreen
from tipreader.ui.screens.reader import ReaderScreen
from tipreader.ui.source import LibrarySource


async def test_c_enter_q_and_escape(iceland_library) -> None:
    # no TIP pass has run on this library yet: the first `c` runs it (in a thread) and opens the view
    cable = iceland_library.get("10REYKJAVIK31")
    app = TipReaderApp(cable=cable, source=LibrarySource(iceland_library))
    async with app.run_test(size=(80, 24)) as pilot:
        reader = app.screen
        labor = cable.questions[[q.label for q in cable.questions].index("5.C")].paragraph_index
        await pilot.pause()
        reader.jump_to(labor)  # (the go-to box is q12's; here only the place matters)
        await pilot.pause()
        assert reader.text_view.top_para == labor
        await pilot.press("c")
        await wait_for_screen(app, pilot, CompareScreen)
        compare = app.screen
        lst = compare.query_one("#compare-years")
        heads = [e.head.plain for e in lst.entries]
        assert heads[-1] == "2010 · 10REYKJAVIK31 · Q 5·C" and heads[-2] == "2009 · 09REYKJAVIK50 · Q 1·C"
        await pilot.press("up", "enter")
        await wait_for_screen(app, pilot, ReaderScreen)
        other = app.screen
        assert other.cable.ref_id == "09REYKJAVIK50"
        target = iceland_library.get("09REYKJAVIK50").questions[2]
        assert target.label == "1.C"
        assert other.text_view.top_para in (target.paragraph_index, *target.answer_paragraphs)
        await pilot.press("q")
        await wait_for_screen(app, pilot, CompareScreen)
        assert app.screen is compare
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is reader


async def test_c_outside_a_question_or_submission_says_so(iceland_library) -> None:
    from tipreader.tip import store

    store.sync(iceland_library)
    app = TipReaderApp(cable=iceland_library.get("10REYKJAVIK31"), source=LibrarySource(iceland_library))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g", "c")  # the top of the cable: no question yet
        await pilot.pause()
        assert not isinstance(app.screen, CompareScreen)
        assert any("Compare works on a question" in str(n.message) for n in app._notifications)

"""Pilot flows on the Mexico TIP cable: go-to, next question, find, views, tree, copy."""

from __future__ import annotations

from textual.widgets import Input

from tipreader.ui.app import TipReaderApp
from tipreader.ui.screens.reader import ReaderScreen
from tipreader.ui.widgets.cable_view import CableView
from tipreader.ui.widgets.find_bar import FindBar
from tipreader.ui.widgets.section_tree import SectionTree


def number_at_top(screen: ReaderScreen) -> int | None:
    """The cable's own number of the paragraph at the top of the text."""
    para = screen.text_view.top_para
    return None if para is None else screen.cable.paragraphs[para].number


def status(screen: ReaderScreen) -> str:
    return screen.query_one("#status").text


async def test_opens_with_header_and_status(mexico):
    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        assert isinstance(app.focused, CableView)
        assert status(screen) == "08MEXICO721 · Q –/22 · ¶ –/26 · 0%"
        first = screen.text_view.render_line(0).text
        assert "08MEXICO721" in first and "Eighth Annual Trafficking in Persons" in first


async def test_goto_question_puts_paragraph_12_at_top(mexico):
    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("colon", "2", ".", "C", "enter")
        await pilot.pause()
        screen = app.screen
        assert number_at_top(screen) == 12
        view = screen.text_view
        assert view.scroll_y == view.para_line(11)
        assert "Q 2·C" in view.render_line(0).text
        assert status(screen).startswith("08MEXICO721 · Q 8/22 · ¶ 12/26 · ")


async def test_goto_number_letter_and_words(mexico):
    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("colon", "2", "0", "enter")
        await pilot.pause()
        assert number_at_top(app.screen) == 20
        # "C" alone means question C of the current part (part 2 here): paragraph 12.
        await pilot.press("colon", "C", "enter")
        await pilot.pause()
        assert number_at_top(app.screen) == 12
        await pilot.press("colon", *"extradite", "enter")
        await pilot.pause()
        assert number_at_top(app.screen) == 18  # part 2 question I
        await pilot.press("colon", "x", "y", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert number_at_top(app.screen) == 18


async def test_next_question_from_5_reaches_6_and_parts(mexico):
    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        screen.jump_to(4)
        await pilot.pause()
        assert number_at_top(screen) == 5
        await pilot.press("right_square_bracket")
        assert number_at_top(screen) == 6
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert number_at_top(screen) == 4 or number_at_top(screen) == 5
        await pilot.press("right_curly_bracket")
        assert number_at_top(screen) == 10  # part 2 begins with paragraph 10
        await pilot.press("right_curly_bracket")
        assert number_at_top(screen) == 23
        await pilot.press("left_curly_bracket")
        assert number_at_top(screen) == 10


async def test_find_tijuana_counts_and_walks_all_three(mexico):
    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"Tijuana")
        await pilot.pause()
        screen = app.screen
        bar = screen.query_one(FindBar)
        count = screen.query_one("#find-count")
        assert bar.display
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.focused, CableView)
        assert str(count.render()) == "1/3"
        view = screen.text_view
        seen = []
        for expected in ("2/3", "3/3", "1/3"):
            match = view.matches[view.current]
            line = view.match_line(match)
            assert view.scroll_y <= line < view.scroll_y + view.size.height
            seen.append(match.para)
            await pilot.press("n")
            assert str(count.render()) == expected
        assert seen == [4, 5, 5]  # once in paragraph 5, twice in paragraph 6
        await pilot.press("N")
        assert str(count.render()) == "3/3"
        await pilot.press("escape")
        assert not bar.display and not view.matches


async def test_find_is_case_insensitive_unless_capital(mexico):
    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"tijuana", "enter")
        assert len(app.screen.text_view.matches) == 3
        await pilot.press("slash", "ctrl+u", *"TIJUANA", "enter")
        assert len(app.screen.text_view.matches) == 0
        assert str(app.screen.query_one("#find-count").render()) == "no match"


async def test_filter_keeps_only_matching_paragraphs(mexico):
    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ampersand", *"Tijuana", "enter")
        await pilot.pause()
        view = app.screen.text_view
        assert view.shown_paras() == [4, 5]
        assert "filter" in status(app.screen)
        await pilot.press("escape")
        await pilot.pause()
        assert len(view.shown_paras()) == len(app.screen.cable.paragraphs)


async def test_q_cycles_three_views(mexico):
    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        view = screen.text_view
        full = view.line_count
        roles = {b.role for b in view.blocks}
        assert {"qlabel", "question", "alabel", "answer"} <= roles
        await pilot.press("Q")
        assert screen.view_mode == "answers"
        assert view.line_count < full
        assert "qlabel" not in {b.role for b in view.blocks}
        assert all(b.one_line for b in view.blocks if b.role == "question")
        await pilot.press("Q")
        assert screen.view_mode == "questions"
        assert "answer" not in {b.role for b in view.blocks}
        assert sum(1 for b in view.blocks if b.role == "preview") == 22
        await pilot.press("Q")
        assert screen.view_mode == "full"
        assert view.line_count == full


async def test_tree_choose_scrolls_and_scrolling_moves_highlight(mexico):
    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        tree = screen.query_one(SectionTree)
        await pilot.press("tab")
        assert app.focused is tree
        node = tree.node_for(23)  # part 3 question B (paragraph 24)
        tree.move_cursor(node)
        await pilot.press("enter")
        await pilot.pause()
        assert number_at_top(screen) == 24
        # Scrolling the text moves the tree's highlight with it.
        screen.text_view.focus()
        screen.jump_to(11)
        await pilot.pause()
        assert tree.cursor_node is not None and tree.cursor_node.data == 11
        await pilot.press("g")
        await pilot.pause()
        assert tree.cursor_node is tree.root
        await pilot.press("G")
        await pilot.pause()
        top = screen.text_view.top_para
        assert top is not None and top >= 23
        assert tree.cursor_node is tree.node_for(top)


async def test_copy_puts_citation_on_clipboard(mexico):
    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("colon", "1", "2", "enter", "y")
        await pilot.pause()
        assert app.clipboard.endswith("— 08MEXICO721 ¶12")
        assert app.clipboard.startswith("QUESTION C: Punishment of Labor Trafficking")
        assert any("08MEXICO721 ¶12" in str(n.message) for n in app._notifications)


async def test_tree_toggle_and_small_terminal(mexico):
    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        side = screen.query_one("#sidebar")
        wide = screen.text_view.size.width
        assert side.display and wide < 80
        await pilot.press("t")  # the tree's key (ctrl+b pages back, as in less)
        await pilot.pause()
        assert not side.display
        assert screen.text_view.size.width > wide
        await pilot.press("t")
        await pilot.pause()
        assert side.display


async def test_large_terminal_keeps_a_readable_measure(mexico):
    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        view = app.screen.text_view
        assert max(len(view.render_line(y).text.rstrip()) for y in range(60 - 2)) <= 112


async def test_help_lists_every_key(mexico):
    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpDialog"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpDialog"


async def test_palette_jumps_to_a_question(mexico):
    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Q 3.B")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert number_at_top(app.screen) == 24


async def test_q_goes_back_to_the_library_then_quits(mexico):
    from tipreader.ui.screens.library import LibraryScreen

    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen) and not app._exit
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app._exit


async def test_goto_prompt_has_no_blinking_cursor_headless(mexico):
    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("colon")
        await pilot.pause()
        assert app.screen.query_one(Input).cursor_blink is False


async def test_tree_highlights_the_question_not_its_part(mexico):
    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        tree = screen.query_one(SectionTree)
        screen.jump_to(4)  # ¶5 opens part 1 with question A
        await pilot.pause()
        assert str(tree.cursor_node.label).startswith("A · Is the country of origin")
        part = tree.cursor_node.parent
        assert part.data == 4 and str(part.label).startswith("1 Overview")

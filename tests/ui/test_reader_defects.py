"""The defects a new user hit in the reader (issue 14), each as the user met it."""

from __future__ import annotations

import io

import pytest

from rich.console import Console
from textual.containers import VerticalScroll

from tipreader.library.paths import data_dir
from tipreader.ui.app import TipReaderApp
from tipreader.ui.screens.reader import ReaderScreen


def screen_text(app) -> str:
    """The characters on the screen, as the user reads them."""
    console = Console(width=app.size.width, file=io.StringIO(), record=True, force_terminal=True)
    console.print(app.screen._compositor.render_update(full=True))
    return console.export_text()


def number_at_top(screen: ReaderScreen) -> int | None:
    para = screen.text_view.top_para
    return None if para is None else screen.cable.paragraphs[para].number


# ---- 1. find or filter, then a view change, wrapped the text at 8 columns ----------------------
async def _lines_after(mexico, *keys: str) -> tuple[int, int]:
    """(line count in the view reached by ``keys`` without a find, the same with the find first)."""
    plain = TipReaderApp(cable=mexico)
    async with plain.run_test(size=(120, 40)) as pilot:
        await pilot.press(*[k for k in keys if k not in ("find",)][-1:])
        await pilot.pause()
        baseline = plain.screen.text_view.line_count
    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(120, 40)) as pilot:
        for key in keys:
            if key == "find":
                await pilot.press("slash", *"shelter", "enter")
            else:
                await pilot.press(key)
            await pilot.pause()
        view = app.screen.text_view
        assert view.matches  # the matches are still marked
        return baseline, view.line_count


async def test_find_then_a_view_change_keeps_the_paragraphs_wrapped_to_the_width(mexico):
    baseline, lines = await _lines_after(mexico, "find", "Q")
    assert lines == baseline  # one word per line made it several times longer


async def test_filter_then_a_view_change_keeps_the_width(mexico):
    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ampersand", *"shelter", "enter")
        await pilot.pause()
        view = app.screen.text_view
        before = view.line_count
        widths = [len(view.render_line(y).text.rstrip()) for y in range(30)]
        await pilot.press("Q", "Q", "Q")  # round the three views, back to the first
        await pilot.pause()
        assert view.line_count == before
        assert [len(view.render_line(y).text.rstrip()) for y in range(30)] == widths


# ---- 2. Back and Forward include the jumps inside a cable ----------------------------------------
async def test_back_after_a_goto_returns_to_the_top_not_the_library_and_forward_works(mexico):
    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("g", "colon", "2", ".", "C", "enter")
        await pilot.pause()
        screen = app.screen
        assert number_at_top(screen) == 12
        await pilot.press("backspace")
        await pilot.pause()
        assert app.screen is screen and screen.text_view.scroll_y == 0  # the top of the cable
        await pilot.press("alt+right")
        await pilot.pause()
        assert number_at_top(screen) == 12


async def test_back_walks_part_jumps_one_by_one(mexico):
    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("right_curly_bracket")
        await pilot.pause()
        screen = app.screen
        first = screen.text_view.top_para
        await pilot.press("right_curly_bracket")
        await pilot.pause()
        second = screen.text_view.top_para
        assert second != first
        await pilot.press("alt+left")
        await pilot.pause()
        assert screen.text_view.top_para == first
        await pilot.press("alt+left")
        await pilot.pause()
        assert screen.text_view.scroll_y == 0
        await pilot.press("alt+right", "alt+right")
        await pilot.pause()
        assert screen.text_view.top_para == second


async def test_g_and_G_are_steps_in_the_history(mexico):
    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("colon", "1", "2", "enter")
        await pilot.pause()
        screen = app.screen
        await pilot.press("G")
        await pilot.pause()
        assert screen.text_view.scroll_y == screen.text_view.max_scroll_y
        await pilot.press("backspace")
        await pilot.pause()
        assert number_at_top(screen) == 12


async def test_an_entity_jump_is_a_step_in_the_history(mexico):
    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        index = screen.entities.index
        assert index is not None
        group = next(g for g, mentions in index.groups.items() if mentions[0].paragraph > 10)
        assert screen.entities.show_mentions(group)
        await pilot.pause()
        assert screen.text_view.top_para is not None
        await pilot.press("backspace")
        await pilot.pause()
        assert screen.text_view.scroll_y == 0


# ---- 7. less and vim keys ---------------------------------------------------------------------------
async def test_ctrl_f_ctrl_b_page_and_ctrl_d_ctrl_u_go_half_a_screen(mexico):
    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.screen.text_view
        page = view.scrollable_content_region.height - 2
        await pilot.press("ctrl+f", "ctrl+f")
        await pilot.pause()
        assert view.scroll_y == 2 * page
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert view.scroll_y == page
        assert app.screen.query_one("#sidebar").display  # ctrl+b no longer hides the tree
        await pilot.press("ctrl+d")
        await pilot.pause()
        half = view.scrollable_content_region.height // 2
        assert view.scroll_y == page + half
        await pilot.press("ctrl+u")
        await pilot.pause()
        assert view.scroll_y == page


async def test_the_help_scrolls_with_j_k_and_space(mexico):
    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        box = app.screen.query_one("#help-box", VerticalScroll)
        assert box.max_scroll_y > 0
        await pilot.press("j", "j")
        await pilot.pause()
        assert box.scroll_y == 2
        await pilot.press("k")
        await pilot.pause()
        assert box.scroll_y == 1
        await pilot.press("space")
        await pilot.pause()
        assert box.scroll_y > 2


async def test_the_keymap_setting_remaps_the_new_keys(mexico, tmp_path, monkeypatch):
    settings = tmp_path / "config.toml"
    settings.write_text('[keys]\n"reader.move.half-down" = "J"\n"reader.view.tree" = "T"\n')
    monkeypatch.setenv("TIPREADER_CONFIG", str(settings))
    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.screen.text_view
        await pilot.press("J")
        await pilot.pause()
        assert view.scroll_y == view.scrollable_content_region.height // 2
        await pilot.press("T")
        await pilot.pause()
        assert not app.screen.query_one("#sidebar").display


# ---- 6. help from every screen ------------------------------------------------------------------
async def test_f1_opens_this_apps_help_on_the_library_screen_with_the_search_syntax(tmp_path):
    app = TipReaderApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpDialog"
        shown = screen_text(app)
        assert "Search syntax" in shown and "tag:KTIP" in shown
        ids = {b.id for bindings in app.screen.binding_lists for b in bindings}
        assert "library.filters.toggle" in ids and "app.app.help" in ids  # the library's own keys, not the input's
        assert "¶·7" in shown and "the cable does not" in shown  # 14: the snippet label ¶· explained  # 14: the snippet's ¶· label explained


async def test_question_mark_in_the_library_opens_the_help_even_while_typing_a_query(tmp_path):
    app = TipReaderApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        box = app.screen.query_one("#library-search")
        assert box.has_focus
        await pilot.press("v", "i", "s", "a", "question_mark")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpDialog"
        assert "Search syntax" in screen_text(app)
        await pilot.press("question_mark")  # closes it, as in the reader
        await pilot.pause()
        assert app.screen.query_one("#library-search").value == "visa"  # the ? was not typed


@pytest.mark.parametrize("with_cable", [False, True])
async def test_the_palettes_keys_opens_this_apps_help_not_textuals_panel(mexico, with_cable):
    app = TipReaderApp(cable=mexico) if with_cable else TipReaderApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"keys")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert type(app.screen).__name__ == "HelpDialog"
        assert not app.query("HelpPanel")  # Textual's panel squeezed the screen into a 16-column strip
        await pilot.press("escape")
        await pilot.pause()
        assert not app.screen.query("HelpPanel")


# ---- 11. the palette's Screenshot saves where the user can find it and says where ---------------
async def _palette_screenshot(app, pilot) -> list[str]:
    await pilot.pause()
    await pilot.press("ctrl+p", *"screenshot")
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause(0.5)
    return [str(n.message) for n in app._notifications]


async def test_the_palettes_screenshot_saves_in_the_folder_tipreader_started_from(mexico, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(100, 30)) as pilot:
        messages = await _palette_screenshot(app, pilot)
    saved = list(tmp_path.glob("tipreader-reader-*.svg"))
    assert len(saved) == 1, messages
    assert "08MEXICO721" in saved[0].read_text(encoding="utf-8")  # the screen, not the palette
    assert any(f"Saved to {saved[0]}" in m for m in messages), messages
    assert not any("Failed" in m for m in messages)


async def test_a_screenshot_where_the_start_folder_is_gone_goes_to_the_data_folder(mexico, tmp_path, monkeypatch):
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()  # root may write anywhere: a deleted start folder is what cannot be written here
    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(100, 30)) as pilot:
        messages = await _palette_screenshot(app, pilot)
    saved = list((data_dir() / "screenshots").glob("tipreader-reader-*.svg"))
    assert len(saved) == 1, messages
    assert any(f"Saved to {saved[0]}" in m for m in messages), messages


# ---- 12. copy says what happened ---------------------------------------------------------------
async def test_copy_without_a_clipboard_program_says_osc_52(mexico, monkeypatch):
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("colon", "1", "2", "enter", "y")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("OSC 52" in m and "08MEXICO721 ¶12" in m for m in messages), messages
        assert not any(m.startswith("Copied") for m in messages)


@pytest.mark.parametrize("opener", ["/", "&"])
async def test_a_query_typed_in_one_burst_after_slash_goes_into_the_find_bar(mexico, opener, tmp_path, monkeypatch):
    """Over ssh or when pasting, `/shelter` arrives as one burst of keys, all queued before the bar
    has the focus. Every key after `/` (or `&`) belongs to the query: none may run as a reader key
    (`s` exported a file into the working folder, `e` and `t` toggled the colours and the tree)."""
    from textual import events

    monkeypatch.chdir(tmp_path)
    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        side = screen.query_one("#sidebar")
        for char in opener + "shelter":
            key = {"/": "slash", "&": "ampersand"}.get(char, char)
            app.post_message(events.Key(key, char))  # queued together, as the driver does with a burst
        await pilot.pause()
        await pilot.pause()
        assert screen.find.bar.value == "shelter"
        assert screen.text_view.matches  # found
        assert side.display and app.services.entities_highlight is None  # no t, no e
        assert list(tmp_path.iterdir()) == []  # no s (export)


async def test_enter_at_the_end_of_a_burst_submits_the_find(mexico):
    """`/shelter` and Enter in one burst (tmux send-keys, a paste with its newline): the Enter
    submits the query as it does when typed later, so the next key is a reader key again. It was
    lost (handed to the bar as a bare key, whose binding never ran) and `Q` then went into the query."""
    from textual import events
    from textual.widgets import Input

    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        for key, char in [("slash", "/"), *((c, c) for c in "shelter"), ("enter", "\r")]:
            app.post_message(events.Key(key, char))  # queued together, as the driver does with a burst
        await pilot.pause()
        await pilot.pause()
        assert screen.find.bar.value == "shelter"
        assert not isinstance(app.focused, Input)  # submitted: back to the text
        await pilot.press("n")
        assert screen.find.bar.value == "shelter"  # n stepped, it did not type

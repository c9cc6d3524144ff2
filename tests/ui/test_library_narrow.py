"""The library screen on a small terminal (issue 14, defect 5): under 100 columns the filters open
over the results instead of squeezing them, and the rows are cut to the width they have, again
each time it changes (filters shown or hidden, terminal resized), without waiting for a keystroke."""

from __future__ import annotations

from contextlib import asynccontextmanager

from test_library_screen import LibApp, build_library, settle
from test_reader_defects import screen_text

from tipreader.ui.widgets.filter_panel import FilterPanel
from tipreader.ui.widgets.hit_list import HitList

SUBJECT = "Eighth Annual Trafficking in Persons (Tip) Report"  # 08MEXICO721's, 49 characters


def prompts(app) -> list[list[str]]:
    """Each row's lines as the list shows them."""
    hits = app.screen.query_one(HitList)
    return [hits.get_option_at_index(i).prompt.plain.split("\n") for i in range(hits.option_count)]


def rows_fit(app) -> bool:
    """Every line of every row fits the list's width: a row is its three lines, never wrapped."""
    hits = app.screen.query_one(HitList)
    width = hits.scrollable_content_region.width
    return all(len(line) <= width for row in prompts(app) for line in row)


@asynccontextmanager
async def searched(size: tuple[int, int]):
    """A pilot on the library screen at ``size``, "trafficking" typed and its results shown."""
    app = LibApp(build_library())
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press(*"trafficking")
        await settle(pilot)
        yield pilot


async def test_at_80x24_the_results_keep_the_width_and_the_filters_open_over_them():
    async with searched((80, 24)) as pilot:
        app = pilot.app
        panel = app.screen.query_one(FilterPanel)
        hits = app.screen.query_one(HitList)
        assert not panel.display  # no room beside the results
        assert hits.outer_size.width == 80
        assert SUBJECT in screen_text(app)  # the subject whole, not "Eighth Annual Traffic…"
        assert rows_fit(app)

        await pilot.press("ctrl+t")
        await pilot.pause()
        assert panel.display and panel.has_focus
        assert hits.outer_size.width == 80  # over the results, not beside them
        assert "Origin" in screen_text(app)

        await pilot.press("escape")  # back to the search box: the filters close
        await pilot.pause()
        assert not panel.display
        assert app.screen.query_one("#library-search").has_focus
        assert SUBJECT in screen_text(app)


async def test_a_filter_chosen_in_the_overlay_narrows_the_results():
    async with searched((80, 24)) as pilot:
        app = pilot.app
        await pilot.press("ctrl+t", "down", "enter")  # the first origin
        await settle(pilot)
        box = app.screen.query_one("#library-search")
        assert "origin:" in box.value
        assert app.screen.query_one(FilterPanel).display  # still open for a second choice


async def test_hiding_the_filters_widens_the_rows_at_once():
    async with searched((120, 40)) as pilot:
        app = pilot.app
        panel = app.screen.query_one(FilterPanel)
        assert panel.display  # beside the results on a wide screen
        beside = prompts(app)[0][2]
        assert beside.endswith("…") and rows_fit(app)

        await pilot.press("ctrl+t", "ctrl+t")  # focus the filters, then hide them
        await pilot.pause()
        assert not panel.display
        wider = prompts(app)[0][2]
        assert len(wider) > len(beside) + 20  # no keystroke needed
        assert rows_fit(app)

        await pilot.press("ctrl+t")  # and back: cut again to the narrower list
        await pilot.pause()
        assert panel.display and prompts(app)[0][2] == beside and rows_fit(app)


async def test_a_resized_terminal_lays_the_screen_out_again():
    async with searched((120, 40)) as pilot:
        app = pilot.app
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert not app.screen.query_one(FilterPanel).display
        assert SUBJECT in screen_text(app) and rows_fit(app)

        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        await pilot.pause()
        assert app.screen.query_one(FilterPanel).display  # the user had not hidden them
        assert rows_fit(app)

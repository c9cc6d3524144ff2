"""The library screen's histogram of the current results by year; choosing a bar filters to it.

The library holds six Iceland submissions (dates read in their headers: 2006-03-02, 2007-03-01,
2008-03-07, 2009-03-06 twice, 2010-02-23) and Libya's (2009-02-17).
"""

from __future__ import annotations

from textual.widgets import Input

from tipreader.ui.app import TipReaderApp
from tipreader.ui.source import LibrarySource
from tipreader.ui.widgets.year_histogram import YearHistogram


async def _settle(app, pilot) -> None:
    for _ in range(5):
        await app.workers.wait_for_complete()
        await pilot.pause()


async def test_histogram_follows_the_query_and_a_bar_filters(iceland_library) -> None:
    app = TipReaderApp(source=LibrarySource(iceland_library))
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(app, pilot)
        chart = app.screen.query_one(YearHistogram)
        assert not chart.display  # no query: no chart
        await pilot.press(*"origin:reykjavik")
        await _settle(app, pilot)
        assert chart.display
        assert chart.histogram.unit == "year"
        assert chart.histogram.buckets == [("2006", 1), ("2007", 1), ("2008", 1), ("2009", 2), ("2010", 1)]
        assert "2010: 1" in str(chart.render())
        chart.focus()
        await pilot.press("left", "enter")  # 2009
        await _settle(app, pilot)
        assert app.screen.query_one("#library-search", Input).value == "origin:reykjavik date:2009"
        assert app.screen.count == 2
        # under two years: by month
        assert chart.histogram.unit == "month" and chart.histogram.buckets == [("2009-03", 2)]

"""The filter panel counts the current results, not the whole library (issue 14 defect 4, issue 18).

The library holds six Iceland submissions (Embassy Reykjavik: 2006, 2007, 2008, 2009 twice, 2010)
and Libya's 2009 submission (Embassy Tripoli).
"""

from __future__ import annotations

import pytest

from tipreader.library import query_facets
from tipreader.ui.app import TipReaderApp
from tipreader.ui.source import LibrarySource
from tipreader.ui.widgets.filter_panel import FilterPanel


async def _settle(app, pilot) -> None:
    for _ in range(5):
        await app.workers.wait_for_complete()
        await pilot.pause()


def _listed(panel: FilterPanel) -> list[str]:
    """The panel's entries as shown (``Embassy Reykjavik 6``), group titles left out."""
    return [" ".join(str(panel.get_option_at_index(i).prompt).split())
            for i in range(panel.option_count) if not panel.get_option_at_index(i).disabled]


async def test_the_filter_counts_follow_the_query(iceland_library) -> None:
    app = TipReaderApp(source=LibrarySource(iceland_library))
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(app, pilot)
        panel = app.screen.query_one(FilterPanel)
        everything = _listed(panel)
        assert any(e.startswith("Embassy Tripoli") for e in everything)  # no query: the whole library
        await pilot.press(*"origin:reykjavik")
        await _settle(app, pilot)
        shown = _listed(panel)
        origins = [e for e in shown if e.startswith("Embassy")]
        assert origins == ["Embassy Reykjavik 6"]  # Tripoli's cable is not among the results
        assert "2009 2" in shown and "2010 1" in shown
        assert not any(e.startswith("Embassy Tripoli") for e in shown)
        await pilot.press(*" date:2009")
        await _settle(app, pilot)
        assert [e for e in _listed(panel) if e.startswith(("Embassy", "20", "●"))] == ["Embassy Reykjavik 2", "● 2009 2"]
        for _ in range(len("origin:reykjavik date:2009")):
            await pilot.press("backspace")
        await _settle(app, pilot)
        assert _listed(panel) == everything  # the query cleared: the library's counts again


@pytest.mark.parametrize("exact_up_to", [10_000, 0])  # hits grouped in SQLite, or counted per value in the index
def test_query_facets_count_only_the_hits(iceland_library, monkeypatch, exact_up_to: int) -> None:
    monkeypatch.setattr(query_facets, "EXACT_UP_TO", exact_up_to)
    facets = iceland_library.facets_for("trafficking origin:tripoli")
    assert facets["origin"] == [("Embassy Tripoli", 1)]
    assert facets["year"] == [("2009", 1)]
    assert all(n == 1 for _, n in facets["tag"]) and facets["tag"]
    both = iceland_library.facets_for("trafficking")
    assert dict(both["origin"]) == {"Embassy Reykjavik": 6, "Embassy Tripoli": 1}
    assert dict(both["year"])["2009"] == 3
    assert iceland_library.facets_for("nosuchwordanywhere")["origin"] == []

"""The compare view (``tipreader.ui.screens.compare``) with Pilot, on the Iceland series.

The library holds Iceland's submissions 2006-2010 and Libya's 2009 (shared cables). Expected
values read in the cables: Iceland answers "punishment of labor trafficking offenses" in
2007 (07REYKJAVIK49 4.C), 2008 (08REYKJAVIK36 3.C), 2009 (09REYKJAVIK50 1.C) and 2010
(10REYKJAVIK31 5.C); Iceland 2009 1.K and Libya 2009 25.K answer the prostitution question.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Static

from tests.conftest import SHARED_CABLES
from tipreader.ui.text_styles import install_text_styles
from tipreader.tip.compare import for_answer
from tipreader.ui.messages import OpenCable
from tipreader.ui.screens.compare import CompareScreen
from tipreader.ui.widgets.entry_list import EntryList

REFS = ["06REYKJAVIK68", "07REYKJAVIK49", "08REYKJAVIK36", "09REYKJAVIK49", "09REYKJAVIK50", "10REYKJAVIK31",
        "09TRIPOLI154"]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    html = SHARED_CABLES / "wikileaks-html"
    if not html.is_dir():
        pytest.skip("../shared/cables is not present")
    from tipreader.library import Library
    from tipreader.tip import store as tip_store

    lib = Library.open(tmp_path_factory.mktemp("cmp"))
    try:
        lib.import_paths([html / f"{r}.html" for r in REFS], workers=1, entities=False)
        tip_store.sync(lib)
        return tip_store.db_path(lib)
    finally:
        lib.close()


def _data(store: Path, ref_id: str, label: str):
    con = sqlite3.connect(store)
    try:
        q_index = con.execute("SELECT q_index FROM answers WHERE ref_id=? AND label=?", (ref_id, label)).fetchone()[0]
        return for_answer(con, ref_id, q_index)
    finally:
        con.close()


class Host(App[None]):
    """Pushes the compare view; records what Enter asks to open."""

    def __init__(self, data) -> None:
        super().__init__()
        self.data = data
        self.opened: list[tuple[str, int]] = []

    def compose(self) -> ComposeResult:
        yield Static("reader")

    def on_mount(self) -> None:
        install_text_styles(self)  # as TipReaderApp does: the screens draw with tip.* names
        self.push_screen(CompareScreen(self.data, "Penalties for labor trafficking"))

    def on_open_cable(self, message: OpenCable) -> None:
        self.opened.append((message.target, message.para))


def _heads(lst: EntryList) -> list[str]:
    return [e.head.plain for e in lst.entries]


async def _settled(app: App, pilot) -> None:
    """The screen is up and the other years' diff marks (a worker) are in."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_years_tab_every_year_with_diff_marks(store: Path) -> None:
    app = Host(_data(store, "10REYKJAVIK31", "5.C"))
    async with app.run_test(size=(80, 24)) as pilot:
        await _settled(app, pilot)
        lst = app.screen.query_one("#compare-years", EntryList)
        heads = _heads(lst)
        assert heads == ["2007 · 07REYKJAVIK49 · Q 4·C", "2008 · 08REYKJAVIK36 · Q 3·C", "2009 · 09REYKJAVIK50 · Q 1·C",
                         "2010 · 10REYKJAVIK31 · Q 5·C"]
        assert lst.current == 3  # the answer the view was opened on
        # 2010 against 2009: "The [-laws provide-] [+law explicitly outlaws the confiscation of passports+] ..."
        body = lst.entries[3].body
        marks = {(str(span.style).split()[0], body.plain[span.start:span.end]) for span in body.spans}
        assert ("underline", "law explicitly outlaws the confiscation of passports") in marks
        assert ("strike", "laws provide for criminal punishment for anyone who procures, removes, houses") in marks
        # 2008 answered word for word as 2007, and the first year has nothing to compare with: no marks
        for i in (0, 1):
            assert [str(s.style) for s in lst.entries[i].body.spans] == []
        await pilot.press("o")
        heads = _heads(lst)
        assert heads[0].startswith("2010") and heads[-1].startswith("2007")
        assert lst.current == 0 and lst.current_key == "10REYKJAVIK31:" + lst.current_key.split(":")[1]


async def test_other_years_are_marked_after_the_first_paint(store: Path) -> None:
    # opened on 2009: its own answer is marked before the first paint, 2010's changes come from a worker
    app = Host(_data(store, "09REYKJAVIK50", "1.C"))
    async with app.run_test(size=(80, 24)) as pilot:
        await _settled(app, pilot)
        lst = app.screen.query_one("#compare-years", EntryList)
        assert lst.current == 2 and lst.current_key is not None and lst.current_key.startswith("09REYKJAVIK50:")
        body = lst.entries[3].body
        assert ("law explicitly outlaws the confiscation of passports"
                in {body.plain[s.start:s.end] for s in body.spans if "underline" in str(s.style)})
        # the screen shows it: the header of the current answer at the top, 2010 below it
        await pilot.press("down")
        assert lst.current == 3 and lst.entry_at_top() in (2, 3)


async def test_countries_tab_and_region_filter(store: Path) -> None:
    app = Host(_data(store, "09REYKJAVIK50", "1.K"))
    async with app.run_test(size=(80, 24)) as pilot:
        await _settled(app, pilot)
        await pilot.press("t")
        assert app.screen.active_tab == "compare-countries"
        lst = app.screen.query_one("#compare-countries-list", EntryList)
        assert lst.has_focus
        assert _heads(lst) == ["Libya · 2009 · 09TRIPOLI154 · Q 25·K"]
        assert "The law criminalizes prostitution" in lst.entries[0].body.plain
        await pilot.press("r")  # the only other region: Near East
        assert "Near East" in str(app.screen.query_one("#compare-region", Static).render())
        assert len(lst.entries) == 1
        await pilot.press("r")  # back to all regions
        assert "all regions · 1 other country ·" in str(app.screen.query_one("#compare-region", Static).render())


async def test_enter_asks_to_open_the_answer_and_escape_goes_back(store: Path) -> None:
    app = Host(_data(store, "10REYKJAVIK31", "5.C"))
    async with app.run_test(size=(80, 24)) as pilot:
        await _settled(app, pilot)
        await pilot.press("up", "enter")
        assert app.opened and app.opened[0][0] == "09REYKJAVIK50"
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, CompareScreen)


def test_compare_view_snapshot(store: Path, snap_compare) -> None:
    """The years tab at 80x24 on Iceland's labor-trafficking penalties, 2010's changes marked."""
    async def settle(pilot) -> None:
        await _settled(pilot.app, pilot)

    assert snap_compare(Host(_data(store, "10REYKJAVIK31", "5.C")), terminal_size=(80, 24), run_before=settle)

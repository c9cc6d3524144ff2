"""The compare view's list (``tipreader.ui.widgets.entry_list``): keys, paging, bodies replaced in place."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult

from tipreader.ui.text_styles import install_text_styles
from tipreader.ui.widgets.entry_list import Entry, EntryList


def _entries(n: int, words: int) -> list[Entry]:
    return [Entry(f"e{i}", Text(f"Entry {i}"), Text(" ".join(f"w{i}x{k}" for k in range(words)))) for i in range(n)]


class Host(App[None]):
    def __init__(self, entries: list[Entry], current: int = 0) -> None:
        super().__init__()
        self.entries = entries
        self.start = current
        self.chosen: list[str] = []

    def compose(self) -> ComposeResult:
        yield EntryList(id="list")

    def on_mount(self) -> None:
        install_text_styles(self)  # as TipReaderApp does: the screens draw with tip.* names
        lst = self.query_one(EntryList)
        lst.set_entries(self.entries, self.start)
        lst.focus()

    def on_entry_list_chosen(self, event: EntryList.Chosen) -> None:
        self.chosen.append(event.key)


async def test_first_frame_has_the_current_entry_at_the_top() -> None:
    app = Host(_entries(10, 200), current=4)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        lst = app.query_one(EntryList)
        assert lst.line_count > 0 and lst.entry_at_top() == 4
        assert "Entry 4" in "".join(s.text for s in lst.render_line(0))


async def test_keys_move_between_entries_and_paging_carries_the_current_one() -> None:
    app = Host(_entries(6, 150))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        lst = app.query_one(EntryList)
        await pilot.press("down", "down")
        assert lst.current == 2 and lst.entry_at_top() == 2
        await pilot.press("up")
        assert lst.current == 1
        for _ in range(4):  # page through entry 1 (three pages long at 60 columns) into the next ones
            await pilot.press("space")
        assert lst.current == lst.entry_at_top() > 1
        await pilot.press("G", "enter")
        assert lst.current == 5 and app.chosen == ["e5"]
        await pilot.press("g", "j", "j")
        assert lst.current == 0 and int(lst.scroll_y) == 2


async def test_a_new_body_does_not_move_what_is_read() -> None:
    app = Host(_entries(6, 150), current=3)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        lst = app.query_one(EntryList)
        assert lst.entry_at_top() == 3
        lst.set_bodies({0: Text(" ".join(["longer"] * 600)), 1: Text("short")})  # entries above grow and shrink
        await pilot.pause()
        assert lst.entry_at_top() == 3 and int(lst.scroll_y) == lst._first[3]


async def test_an_empty_list_says_why() -> None:
    app = Host([])
    async with app.run_test(size=(60, 10)) as pilot:
        lst = app.query_one(EntryList)
        lst.set_entries([], empty=Text("Nothing to compare"))
        await pilot.pause()
        assert "Nothing to compare" in "".join(s.text for s in lst.render_line(0))
        await pilot.press("enter")
        assert app.chosen == []


async def test_a_smaller_terminal_keeps_the_current_entry_in_view() -> None:
    # the compare view at 120x40 with the last year current, the terminal made 80x24: the entry stays on screen
    app = Host(_entries(4, 100), current=0)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        lst = app.query_one(EntryList)
        await pilot.press("G")
        assert lst.current == 3 and lst.entry_at_top() == 0  # everything fits: no scroll
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        top = int(lst.scroll_y)
        shown = {lst.entry_at_top()} | {entry for entry, _ in lst._lines[top:top + lst.scrollable_content_region.height]}
        assert lst.current == 3 and 3 in shown

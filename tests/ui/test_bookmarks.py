"""Pilot tests: the bookmarks list screen, the note editor and the palette's bookmark commands."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import on
from textual.app import App
from textual.widgets import Input, OptionList, TextArea

from tipreader.ui.text_styles import install_text_styles
from tipreader.cable import parse_file
from tipreader.cable.model import Cable, Paragraph
from tipreader.library.bookmarks import BookmarkStore
from tipreader.ui.services import Services
from tipreader.ui.dialogs.note_editor import NoteEditor
from tipreader.ui.screens.bookmarks import BookmarkCommands, BookmarksScreen, OpenBookmark

ROOT = Path(__file__).resolve().parents[2]
UNSET = object()


@pytest.fixture(scope="module")
def cables() -> dict[str, Cable]:
    mexico = parse_file(ROOT / "sample_cables" / "08MEXICO721.txt")[0]
    other = Cable(source="t", format="raw", ref_id="09OTHER1", subject="[b]Another[/b] cable", date="2009-02-03T00:00:00Z",
                  paragraphs=(Paragraph(0, 1, None, 1, "Nothing to see.\x1b[31m"), Paragraph(1, 2, None, 1, "More.")))
    return {"08MEXICO721": mexico, "09OTHER1": other}


class ScreenApp(App[None]):
    """Pushes one screen and keeps what it dismissed with."""

    def __init__(self, screen_factory) -> None:
        super().__init__()
        self.screen_factory = screen_factory
        self.result: object = UNSET

    def on_mount(self) -> None:
        install_text_styles(self)  # as TipReaderApp does: the screens draw with tip.* names
        self.push_screen(self.screen_factory(), self._done)

    def _done(self, result: object) -> None:
        self.result = result


def _items(screen: BookmarksScreen) -> list[str]:
    """The list as shown: ``# ref_id`` for a cable's heading, the citation for a bookmark."""
    assert screen.query_one(OptionList).option_count == len(screen._rows)
    return [f"# {row}" if isinstance(row, str) else row.bookmark.citation for row in screen._rows if row != ""]


def _rendered(screen: BookmarksScreen) -> str:
    """The text of the list as painted."""
    view = screen.query_one(OptionList)
    return "\n".join(strip.text for k in range(view.option_count)
                     for strip in view._get_option_render(view.get_option_at_index(k), view.get_visual_style("option-list--option")))


async def _open_list(store, cables, size=(100, 40)):
    app = ScreenApp(lambda: BookmarksScreen(store, cables.get))
    return app, app.run_test(size=size)


async def test_list_newest_first_grouped_with_notes_and_enter_opens(cables):
    mexico, other = cables["08MEXICO721"], cables["09OTHER1"]
    with BookmarkStore.open() as store:
        store.add(mexico, 4, note="**Origin** and transit: see the *INM* figures")
        store.add(other, 0)
        store.add(mexico, 11, note="- labor cases\n- no convictions")
        app = ScreenApp(lambda: BookmarksScreen(store, cables.get))
        async with app.run_test(size=(100, 40)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, BookmarksScreen)
            assert _items(screen) == ["# 08MEXICO721", "08MEXICO721 ¶12", "08MEXICO721 ¶5", "# 09OTHER1", "09OTHER1 ¶1"]
            painted = _rendered(screen)
            assert "Origin and transit: see the INM figures" in painted  # the note rendered, not its markup
            assert "**" not in painted and "• labor cases" in painted and "• no convictions" in painted
            assert "Eighth Annual Trafficking in Persons (Tip) Report  08MEXICO721 · 2008-03-11" in painted
            assert "[b]Another[/b] cable" in painted  # cable text is never markup
            assert isinstance(screen.focused, Input)
            assert screen.current().bookmark.citation == "08MEXICO721 ¶12"
            await pilot.press("enter")
            await pilot.pause()
    assert app.result == ("08MEXICO721", 11)


async def test_filter_as_you_type_over_cable_text_and_note(cables):
    mexico, other = cables["08MEXICO721"], cables["09OTHER1"]
    with BookmarkStore.open() as store:
        store.add(mexico, 4, note="Compare with the Oaxaca numbers")
        store.add(mexico, 11)
        store.add(other, 1, note="")
        app = ScreenApp(lambda: BookmarksScreen(store, cables.get))
        async with app.run_test(size=(100, 40)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            screen = app.screen
            await pilot.press(*"oaxaca")  # in the note (and the text of ¶5)
            await pilot.pause()
            assert _items(screen) == ["# 08MEXICO721", "08MEXICO721 ¶5"]
            screen.query_one(Input).value = "another"  # the cable's subject
            await pilot.pause()
            assert _items(screen) == ["# 09OTHER1", "09OTHER1 ¶2"]
            screen.query_one(Input).value = "punishment labor"  # paragraph text
            await pilot.pause()
            assert _items(screen) == ["# 08MEXICO721", "08MEXICO721 ¶12"]
            await pilot.press("space", "z")
            await pilot.pause()
            assert _items(screen) == []
            assert "0 of 3 match" in str(screen.query_one("#bm-title").render())
            await pilot.press("enter")  # nothing to open: stays
            await pilot.press("escape")
            await pilot.pause()
    assert app.result is None


async def test_delete_and_undo_while_open_then_reopen(cables):
    mexico = cables["08MEXICO721"]
    with BookmarkStore.open() as store:
        first, _ = store.add(mexico, 4, note="keep *this* note")
        second, _ = store.add(mexico, 11)
        app = ScreenApp(lambda: BookmarksScreen(store, cables.get))
        async with app.run_test(size=(100, 40)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            screen = app.screen
            await pilot.press("d")  # in the filter: just a letter
            await pilot.pause()
            assert screen.query_one(Input).value == "d" and store.count() == 2
            screen.query_one(Input).value = ""
            await pilot.pause()
            await pilot.press("down")  # into the list: ¶5 (second item)
            assert isinstance(screen.focused, OptionList)
            assert screen.current().bookmark.id == first.id
            await pilot.press("d")
            await pilot.pause()
            assert store.get(first.id) is None and _items(screen) == ["# 08MEXICO721", "08MEXICO721 ¶12"]
            await pilot.press("d")
            await pilot.pause()
            assert store.count() == 0 and _items(screen) == []
            await pilot.press("u")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert store.get(second.id) == second
            await pilot.press("u")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert store.get(first.id) == first  # exactly as it was: note, times, id
            assert _items(screen) == ["# 08MEXICO721", "08MEXICO721 ¶12", "08MEXICO721 ¶5"]
            assert screen.current().bookmark.id == first.id
            await pilot.press("u")  # nothing left to undo: a bell, nothing else
            await pilot.press("escape")
    # a new list on the same home (a restart) shows the same bookmarks
    with BookmarkStore.open() as store:
        app = ScreenApp(lambda: BookmarksScreen(store, cables.get))
        async with app.run_test(size=(100, 40)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert _items(app.screen) == ["# 08MEXICO721", "08MEXICO721 ¶12", "08MEXICO721 ¶5"]


async def test_detached_bookmark_is_shown_and_not_opened(cables):
    with BookmarkStore.open() as store:
        store.add(cables["09OTHER1"], 0, note="gone soon")
        app = ScreenApp(lambda: BookmarksScreen(store, lambda ref: None))
        async with app.run_test(size=(100, 40)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.screen.current().status == "detached"
            painted = _rendered(app.screen)
            assert "detached: the cable is not in the library" in painted
            assert "Nothing to see." in painted and "\x1b" not in painted
            await pilot.press("enter")
            await pilot.pause()
            assert app.result is UNSET and isinstance(app.screen, BookmarksScreen)


async def test_note_editor_saves_with_ctrl_s_and_cancels_with_escape():
    app = ScreenApp(lambda: NoteEditor("First line", "08MEXICO721 ¶5", "QUESTION A. Is the country..."))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        area = app.screen.query_one(TextArea)
        assert app.screen.focused is area
        await pilot.press("enter", *"**b**", "enter", "enter", *"- i")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.result == "First line\n**b**\n\n- i"

    app = ScreenApp(lambda: NoteEditor("Keep me", "08MEXICO721 ¶5"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*"typed", "escape")
        await pilot.pause()
    assert app.result is None


class PaletteApp(App[None]):
    COMMANDS = {BookmarkCommands}

    def __init__(self, store: BookmarkStore) -> None:
        super().__init__()
        self.services = Services(self)
        self.services.bookmarks = store
        self.opened: list[tuple[str, int]] = []

    def on_mount(self) -> None:
        install_text_styles(self)  # as TipReaderApp does: the screens draw with tip.* names

    @on(OpenBookmark)
    def _open(self, message: OpenBookmark) -> None:
        self.opened.append((message.ref_id, message.para))


async def test_palette_jumps_to_a_bookmark(cables):
    with BookmarkStore.open() as store:
        store.add(cables["08MEXICO721"], 11, note="labor cases")
        store.add(cables["09OTHER1"], 1)
        app = PaletteApp(store)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("ctrl+p")
            await pilot.pause()
            await pilot.press(*"mexico 12")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause()
    assert app.opened == [("08MEXICO721", 11)]


def test_note_text_renders_markdown_without_markup():
    from tipreader.ui.bookmark_view import note_text

    text = note_text("# Title\n\nSome **bold** and `code` [link](http://x)\n\n- one\n  - two\n\n> quoted\n\n"
                     "[red]not markup[/red] \x1b[31mno escape")
    assert text.plain == "Title\nSome bold and code link\n• one\n  • two\n│ quoted\n[red]not markup[/red] no escape"
    styles = {text.plain[s.start:s.end]: str(s.style) for s in text.spans}
    assert styles["Title"] == "bold underline" and styles["bold"] == "bold" and styles["link"] == "underline"


def test_decorate_blocks_marks_the_paragraph_and_adds_its_note(cables):
    from tipreader.library.bookmark_keys import locate
    from tipreader.ui.bookmark_view import MARK, decorate_blocks
    from tipreader.ui.document import build_blocks

    mexico = cables["08MEXICO721"]
    blocks = build_blocks(mexico)
    with BookmarkStore.open() as store:
        plain, _ = store.add(mexico, 2)
        noted, _ = store.add(mexico, 11, note="*see* ¶13")
    marks = {2: locate(plain, mexico), 11: locate(noted, mexico)}
    out = decorate_blocks(blocks, marks)
    assert len(out) == len(blocks) + 1
    first = {}
    for b in out:
        first.setdefault(b.para, b)
    assert first[2].text.plain.startswith(MARK) and first[11].text.plain.startswith(MARK)
    assert not first[4].text.plain.startswith(MARK)
    # find still starts at the cable's words
    assert first[2].text.plain[first[2].find_from:] == mexico.paragraphs[2].text
    [note] = [b for b in out if b.role == "note"]
    assert note.para == 11 and note.text.plain == "see ¶13" and not note.searchable
    assert out.index(note) == max(k for k, b in enumerate(out) if b.para == 11)
    assert blocks[0] is out[0] and decorate_blocks(blocks, {}) is blocks


async def test_damaged_user_database_dialog_moves_it_aside_only_when_asked(tmp_path):
    from tipreader.ui.dialogs.userdb_damaged import UserDBDamaged

    path = tmp_path / "user.sqlite3"
    path.write_bytes(b"junk")
    app = ScreenApp(lambda: UserDBDamaged(f"{path} is not an SQLite database", path))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert app.result is False and path.read_bytes() == b"junk"
    app = ScreenApp(lambda: UserDBDamaged(f"{path} is not an SQLite database", path))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.click("#udb-fresh")
        await pilot.pause()
    assert app.result is True and not path.exists()
    [kept] = tmp_path.glob("user.sqlite3.damaged-*")
    assert kept.read_bytes() == b"junk"

"""Bookmarks in the reader app: m, M, ', the palette, restart, SIGKILL, a damaged user database.

The reader's bookmarks part (:class:`~tipreader.ui.parts.bookmarks.BookmarksPart`) and the
app's services (``app.services.bookmarks``).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from textual.widgets import TextArea

from tipreader.library import paths
from tipreader.library.bookmarks import BookmarkStore
from tipreader.ui.app import TipReaderApp
from tipreader.ui.dialogs.note_editor import NoteEditor
from tipreader.ui.screens.bookmarks import BookmarksScreen
from tipreader.ui.screens.reader import ReaderScreen
from tipreader.ui.widgets.section_tree import SectionTree

ROOT = Path(__file__).resolve().parents[2]


class DictSource:
    """A CableSource over a few parsed cables."""

    def __init__(self, *cables) -> None:
        self.cables = {c.ref_id: c for c in cables}

    def get(self, ref_id: str):
        return self.cables.get(ref_id.strip().upper())

    def has(self, ref_id: str) -> bool:
        return ref_id.strip().upper() in self.cables


def _para_text(screen: ReaderScreen, para: int) -> str:
    """The painted text of the first block of paragraph ``para``."""
    return next(b.text.plain for b in screen.text_view.blocks if b.para == para)


def _tree_label(screen: ReaderScreen, para: int) -> str:
    return str(screen.query_one(SectionTree)._para_nodes[para].label)


async def test_m_marks_at_once_and_a_restart_shows_it(mexico):
    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.jump_to(11)  # ¶12, question 2·C
        await pilot.press("m")
        await pilot.pause()
        [mark] = BookmarkStore.open().all()
        assert mark.citation == "08MEXICO721 ¶12" and mark.quote == mexico.paragraphs[11].text
        assert "★" in _para_text(screen, 11) and "★" not in _para_text(screen, 4)
        assert _tree_label(screen, 11).startswith("★")
        assert screen.text_view.top_para == 11  # the place is kept
    app = TipReaderApp(cable=mexico)  # a restart on the same home
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert "★" in _para_text(app.screen, 11) and _tree_label(app.screen, 11).startswith("★")


async def test_note_then_unmark_and_m_brings_it_back(mexico):
    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.jump_to(4)  # ¶5
        await pilot.press("M")  # no bookmark yet: the note makes one
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        app.screen.query_one(TextArea).text = "**Origin** and transit\n\n- INM figures"
        await pilot.press("ctrl+s")
        await pilot.pause()
        store = BookmarkStore.open()
        assert store.find("08MEXICO721", "5").note == "**Origin** and transit\n\n- INM figures"
        notes = [b for b in screen.text_view.blocks if b.role == "note"]
        assert len(notes) == 1 and notes[0].text.plain == "Origin and transit\n• INM figures"
        await pilot.press("m")  # removed...
        await pilot.pause()
        assert store.count() == 0 and "★" not in _para_text(screen, 4)
        await pilot.press("m")  # ...and back, with its note
        await pilot.pause()
        assert store.find("08MEXICO721", "5").note.startswith("**Origin**")


async def test_quote_key_lists_and_opens_another_cable_at_the_paragraph(mexico):
    from tipreader.cable import parse_file

    santiago = parse_file(ROOT / "tests" / "fixtures" / "library" / "08SANTIAGO95.html")[0]
    with BookmarkStore.open() as store:
        store.add(santiago, 1, note="the delegation")
    app = TipReaderApp(cable=mexico, source=DictSource(mexico, santiago))
    async with app.run_test(size=(80, 16)) as pilot:  # small: the short cable has to scroll
        await pilot.pause()
        await pilot.press("apostrophe")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen) and screen.cable.ref_id == "08SANTIAGO95"
        assert screen.text_view.top_para == 1 and "★" in _para_text(screen, 1)


async def test_palette_opens_a_bookmark(mexico):
    with BookmarkStore.open() as store:
        store.add(mexico, 19, note="quokka")
    app = TipReaderApp(cable=mexico, source=DictSource(mexico))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"quokka")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.text_view.top_para == 19


_KILL_APP = r"""
import asyncio, sys
from tipreader.cable import parse_file
from tipreader.ui.app import TipReaderApp
cable = parse_file(sys.argv[1])[0]
async def main():
    app = TipReaderApp(cable=cable)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.screen.jump_to(11)
        await pilot.press("m")
        await pilot.pause()
        print("marked", flush=True)
        await asyncio.sleep(600)
asyncio.run(main())
"""


def test_the_app_killed_right_after_m_keeps_the_bookmark():
    proc = subprocess.Popen([sys.executable, "-c", _KILL_APP, str(ROOT / "sample_cables" / "08MEXICO721.txt")],
                            stdout=subprocess.PIPE, text=True, cwd=ROOT, env=os.environ.copy())
    try:
        assert proc.stdout.readline().strip() == "marked"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait()
    with BookmarkStore.open() as store:
        assert [m.citation for m in store.all()] == ["08MEXICO721 ¶12"]


async def test_a_damaged_user_database_is_kept_and_a_fresh_one_offered(mexico):
    path = paths.user_db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"not a database" * 50)
    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert app.services.bookmarks is None and type(app.screen).__name__ == "UserDBDamaged"
        assert path.read_bytes() == b"not a database" * 50
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen) and app.services.bookmarks is not None
        kept = list(path.parent.glob("user.sqlite3.damaged-*"))
        assert len(kept) == 1 and kept[0].read_bytes() == b"not a database" * 50
        app.screen.jump_to(4)
        await pilot.press("m")
        await pilot.pause()
        assert [m.citation for m in app.services.bookmarks.all()] == ["08MEXICO721 ¶5"]

"""The app says when the library cannot be used (issue 17, item 13).

With a damaged database or index, lost cables, or a home that is a file, the app showed
"Opening the library…" forever. It now says what is wrong and what to do, on the library
screen and in a notification, as soon as the opening thread gives up; a file given on
the command line still opens in the reader. The app is started as ``tipreader`` starts
it (:func:`tipreader.cli.open_cmd.run_app`'s source).
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from tipreader.cable import parse_file
from tipreader.library import Library

SAMPLES = Path(__file__).resolve().parents[2] / "sample_cables"
ASHGABAT = SAMPLES / "09ASHGABAT248.txt"


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("apphome")
    with Library.open(home) as lib:
        assert lib.import_paths([ASHGABAT, SAMPLES / "07ANKARA1842.html"], workers=1, entities=False).ok
    return home


def _damaged_home(pristine: Path, tmp_path: Path, case: str) -> Path:
    home = tmp_path / "home"
    if case == "home-is-a-file":
        home.write_text("not a folder\n")
        return home
    shutil.copytree(pristine, home)
    lib = home / "library"
    if case == "index":
        (lib / "index" / "meta.json").write_text("garbage")
    elif case == "database":
        (lib / "library.sqlite3").write_bytes(b"garbage" * 2000)
        for extra in lib.glob("library.sqlite3-*"):
            extra.unlink()
    elif case == "lost":
        (lib / "library.sqlite3").write_bytes(b"")
        for extra in lib.glob("library.sqlite3-*"):
            extra.unlink()
    return home


async def _messages_after_start(cable, expect: str) -> tuple[list[str], str, float]:
    from tipreader.cli.open_cmd import _library_source
    from tipreader.ui.app import TipReaderApp
    from tipreader.ui.screens.library import LibraryScreen

    app = TipReaderApp(cable=cable, source=lambda: _library_source(seed=True, quiet=False))
    async with app.run_test(size=(120, 40)) as pilot:
        start = time.monotonic()
        messages: list[str] = []
        while time.monotonic() - start < 15:
            await pilot.pause(0.05)
            messages = [n.message for n in app._notifications]
            if any(expect in m for m in messages):
                break
        elapsed = time.monotonic() - start
        if cable is not None:
            assert cable.ref_id in app.screen.title or type(app.screen).__name__ != "LibraryScreen"
            status = ""
        else:
            screen = next(s for s in app.screen_stack if isinstance(s, LibraryScreen))
            status = str(screen.query_one("#library-status").render())
        assert app.is_running
    return messages, status, elapsed


@pytest.mark.parametrize(("case", "expect"), [
    ("index", "tipreader library rebuild"), ("database", "move it aside"), ("lost", "were lost"),
    ("home-is-a-file", "is a file, not a folder"),
])
async def test_the_app_says_what_is_wrong_with_the_library(pristine, tmp_path, monkeypatch, case, expect):
    home = _damaged_home(pristine, tmp_path, case)
    monkeypatch.setenv("TIPREADER_HOME", str(home))
    messages, status, elapsed = await _messages_after_start(None, expect)
    assert any(expect in m for m in messages), messages
    assert expect in status and "Opening the library" not in status, status
    print(f"{case}: said after {elapsed:.2f}s")


async def test_a_file_from_the_command_line_still_opens_beside_a_damaged_library(pristine, tmp_path, monkeypatch):
    monkeypatch.setenv("TIPREADER_HOME", str(_damaged_home(pristine, tmp_path, "index")))
    cable = parse_file(ASHGABAT)[0]
    messages, _status, _elapsed = await _messages_after_start(cable, "tipreader library rebuild")
    assert any("tipreader library rebuild" in m for m in messages), messages


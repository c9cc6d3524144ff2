"""A lost library database is rebuilt from the files it was imported from (issue 17, item 15).

The database held the only record of where the cables came from, so when it was emptied,
deleted or damaged the library could only say "import your files again". Every import
now also lists its files apart (``library/sources.jsonl``): the message says how many
of them are still where they were, ``tipreader library rebuild`` imports them again and
names the ones that are gone. Through the CLI, as a user meets it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tipreader.library import Library, sources

SAMPLES = Path(__file__).resolve().parents[2] / "sample_cables"
NAMES = ("09ASHGABAT248.txt", "07ANKARA1842.html", "05NEWDELHI1075.html")


def _cli(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "TIPREADER_HOME": str(home), "NO_COLOR": "1", "TIPREADER_CONFIG": str(home) + ".toml"}
    return subprocess.run([sys.executable, "-m", "tipreader", *args], capture_output=True, text=True, env=env,
                          timeout=300)


@pytest.fixture
def imported(tmp_path) -> tuple[Path, Path]:
    """(home, the folder the cables were imported from): three cables, one under a Latin-1 name."""
    src = tmp_path / "cables"
    src.mkdir()
    for name in NAMES[:2]:
        shutil.copy(SAMPLES / name, src / name)
    shutil.copy(SAMPLES / NAMES[2], os.fsdecode(bytes(src) + b"/d\xe9lhi.html"))  # not UTF-8: still restored
    home = tmp_path / "home"
    run = _cli(home, "import", str(src), "--no-entities", "--workers", "1")
    assert run.returncode == 0, run.stderr
    return home, src


def _lose(home: Path, how: str) -> None:
    db = home / "library" / "library.sqlite3"
    for companion in db.parent.glob("library.sqlite3-*"):
        companion.unlink()
    if how == "deleted":
        db.unlink()
    elif how == "empty":
        db.write_bytes(b"")
    else:
        db.write_bytes(b"garbage" * 3000)


def _count(home: Path) -> int:
    run = _cli(home, "search", "id:09ASHGABAT248 OR id:07ANKARA1842 OR id:05NEWDELHI1075", "--count")
    assert run.returncode == 0, run.stderr
    return int(run.stdout.split()[0])


@pytest.mark.parametrize("how", ["empty", "deleted"])
def test_a_lost_database_offers_the_rebuild_from_the_originals_and_rebuild_restores(imported, how):
    home, src = imported
    _lose(home, how)
    run = _cli(home, "search", "trafficking")
    assert run.returncode == 1 and run.stderr.count("\n") == 1 and "Traceback" not in run.stderr, run.stderr
    assert "were lost" in run.stderr and "`tipreader library rebuild` imports again the 3 files" in run.stderr
    (src / NAMES[1]).unlink()  # one original moved away meanwhile
    run = _cli(home, "library", "stats")
    assert "imports again the 2 files" in run.stderr and "(1 others are gone)" in run.stderr, run.stderr
    rebuild = _cli(home, "library", "rebuild")
    assert rebuild.returncode == 1 and "Traceback" not in rebuild.stderr, rebuild.stderr  # one file could not be
    assert f"{src / NAMES[1]}: imported before, no longer there" in rebuild.stderr
    assert _count(home) == 2
    stats = _cli(home, "library", "stats")
    assert stats.returncode == 0 and "Cables:         2 " in stats.stdout, stats.stdout + stats.stderr
    shown = _cli(home, "show", "05NEWDELHI1075")  # the file under the Latin-1 name came back
    assert shown.returncode == 0 and "d\\xe9lhi.html" in shown.stdout, shown.stderr


def test_a_damaged_database_moved_aside_is_restored_by_rebuild(imported):
    home, _src = imported
    _lose(home, "garbage")
    run = _cli(home, "search", "trafficking")
    assert run.returncode == 1 and "move it aside" in run.stderr and "imports again the 3 files" in run.stderr
    db = home / "library" / "library.sqlite3"
    db.rename(db.with_name("library.sqlite3.damaged"))  # what the message says to do
    assert "were lost" in _cli(home, "search", "trafficking").stderr  # never a silent new library
    assert _cli(home, "library", "rebuild").returncode == 0
    assert _count(home) == 3


def test_a_library_imported_before_the_list_was_kept_gets_it_on_open(imported):
    home, src = imported
    manifest = sources.manifest(home / "library")
    listed = [json.loads(line)["path"] for line in manifest.read_text().splitlines()]
    assert sorted(listed) == sorted(str(p) for p in src.iterdir())  # the real names, Latin-1 included
    manifest.unlink()
    Library.open(home).close()
    relisted = sources.read(home / "library")
    assert len(relisted) == 3 and str(src / NAMES[0]) in relisted


def test_a_list_cut_short_by_a_kill_is_read_without_its_last_line(tmp_path):
    sources.record(tmp_path, [("/a/one.txt", "0" * 64, 10), ("/a/two.txt", "1" * 64, 20)])
    with open(sources.manifest(tmp_path), "a") as fh:
        fh.write('{"path": "/a/thr')
    sources.record(tmp_path, [("/a/one.txt", "0" * 64, 10), ("/a/four.txt", "2" * 64, 5)])  # one.txt twice
    assert sources.read(tmp_path) == ["/a/one.txt", "/a/two.txt", "/a/four.txt"]


async def test_the_app_offers_the_rebuild_and_it_brings_the_cables_back(imported, monkeypatch):
    """In the app: the problem is said with the way to repair it, the palette offers "Rebuild the
    library", and after it the library screen lists the cables again (the problem gone)."""
    from tipreader.cli.open_cmd import _library_source
    from tipreader.ui.app import TipReaderApp
    from tipreader.ui.dialogs.import_dialog import ImportDialog
    from tipreader.ui.screens.library import LibraryScreen

    home, _src = imported
    _lose(home, "empty")
    monkeypatch.setenv("TIPREADER_HOME", str(home))
    monkeypatch.setenv("TIPREADER_CONFIG", str(home) + ".toml")
    app = TipReaderApp(source=lambda: _library_source(seed=True, quiet=False))
    async with app.run_test(size=(120, 40)) as pilot:

        def status() -> str:
            screen = next(s for s in app.screen_stack if isinstance(s, LibraryScreen))
            return str(screen.query_one("#library-status").render())

        for _ in range(300):
            await pilot.pause(0.05)
            if "were lost" in status():
                break
        assert "imports again the 3 files" in status() and "ctrl+p" in status(), status()
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        await pilot.press(*"Rebuild the library")
        await pilot.pause(0.5)
        await pilot.press("enter")
        for _ in range(600):
            await pilot.pause(0.05)
            if isinstance(app.screen, ImportDialog) and app.screen.report is not None:
                break
        assert isinstance(app.screen, ImportDialog) and app.screen.report, app.screen
        await pilot.press("enter")
        for _ in range(300):
            await pilot.pause(0.05)
            if "3 cables in the library" in status():
                break
        assert "3 cables in the library" in status(), status()
        assert app.services.library_problem is None


def test_importing_the_same_files_again_lists_each_once(imported):
    home, src = imported
    assert _cli(home, "import", str(src), "--no-entities", "--workers", "1").returncode == 0
    lines = sources.manifest(home / "library").read_text().splitlines()
    assert len(lines) == 3, lines

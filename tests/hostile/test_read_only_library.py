"""A read-only library is searched and read, says it is read-only, and writes nothing
(issue 17, item 14).

A library on a read-only disk (a DVD, a read-only share, a copy a colleague mounted for
reading) could not be searched: the search engine takes a lock file even to read, and
SQLite needs a ``-shm`` file beside a WAL database. Now it opens read-only: every reading
command works, ``library stats`` and the app say "read-only", an import or a rebuild is
refused in one line, and not one file of the home changes.

Read-only without privileges we may lack: a read-only bind mount in a private mount
namespace (``unshare -m``, as root in CI), so the kernel answers EROFS as a read-only disk
does (chmod does not stop root); skipped where that is not allowed. The app runs under
the same mount in a subprocess, driven by Pilot.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[2] / "sample_cables"
CABLES = [SAMPLES / "08MEXICO721.txt", SAMPLES / "09ASHGABAT248.txt", SAMPLES / "07ANKARA1842.html"]


def _env(home: Path, tmp: Path) -> dict[str, str]:
    return {**os.environ, "TIPREADER_HOME": str(home), "NO_COLOR": "1", "TIPREADER_CONFIG": str(home) + ".toml",
            "TMPDIR": str(tmp), "TEXTUAL_ANIMATIONS": "none"}


def _read_only(home: Path, tmp: Path, *cmd: str) -> subprocess.CompletedProcess:
    """``cmd`` with ``home`` mounted read-only (only for this process and its children)."""
    if shutil.which("unshare") is None or os.geteuid() != 0:
        pytest.skip("needs unshare and root for a read-only bind mount")
    script = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" "$0" && exec "$@"'
    run = subprocess.run(["unshare", "-m", "--propagation", "private", "sh", "-c", script, str(home), *cmd],
                         capture_output=True, text=True, env=_env(home, tmp), timeout=180)
    if "mount:" in run.stderr or "unshare:" in run.stderr:
        pytest.skip(f"read-only bind mount not allowed here: {run.stderr.strip()}")
    return run


def _cli(home: Path, tmp: Path, *args: str) -> subprocess.CompletedProcess:
    return _read_only(home, tmp, sys.executable, "-m", "tipreader", *args)


def _tree(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``folder``: (size, mtime_ns), to show that nothing was written."""
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def library_home(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("rohome") / "home"
    env = {**os.environ, "TIPREADER_HOME": str(home), "TIPREADER_CONFIG": str(home) + ".toml", "NO_COLOR": "1"}
    run = subprocess.run([sys.executable, "-m", "tipreader", "import", *map(str, CABLES), "--workers", "1"],
                         capture_output=True, text=True, env=env, timeout=300)
    assert run.returncode == 0, run.stderr
    return home


@pytest.fixture
def scratch(tmp_path) -> Path:
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    return tmp


def test_a_read_only_library_is_searched_and_read_and_nothing_is_written(library_home, scratch):
    before = _tree(library_home)
    search = _cli(library_home, scratch, "search", "trafficking", "--count")
    assert search.returncode == 0 and "Traceback" not in search.stderr, search.stderr
    assert "08MEXICO721" in search.stdout and "match" in search.stdout
    show = _cli(library_home, scratch, "show", "08MEXICO721")
    assert show.returncode == 0 and "Embassy Mexico" in show.stdout, show.stderr
    original = _cli(library_home, scratch, "show", "09ASHGABAT248", "--original")
    assert original.returncode == 0 and original.stdout.strip(), original.stderr
    stats = _cli(library_home, scratch, "library", "stats")
    assert stats.returncode == 0 and "Read-only:      yes" in stats.stdout and "Cables:         3" in stats.stdout
    tip = _cli(library_home, scratch, "tip", "submissions")
    assert tip.returncode == 0 and "08MEXICO721" in tip.stdout, tip.stderr  # its store made apart, in TMPDIR
    assert _tree(library_home) == before
    assert list(scratch.iterdir()) == []  # the private folder (the engine's lock file) is gone


def test_writing_to_a_read_only_library_is_refused_in_one_line(library_home, scratch):
    before = _tree(library_home)
    for args, doing in ((["import", str(SAMPLES / "10CAIRO211.txt")], "an import"),
                        (["library", "rebuild"], "a rebuild"), (["library", "entities"], "the entity pass")):
        run = _cli(library_home, scratch, *args)
        assert run.returncode == 1 and run.stderr.count("\n") == 1 and "Traceback" not in run.stderr, run.stderr
        assert "is read-only" in run.stderr and doing in run.stderr and "damaged" not in run.stderr, run.stderr
    assert _tree(library_home) == before


_APP = textwrap.dedent("""
    import asyncio, sys, time
    from tipreader.cli.open_cmd import _library_source
    from tipreader.ui.app import TipReaderApp
    from tipreader.ui.screens.library import LibraryScreen
    from tipreader.ui.widgets.hit_list import HitList

    async def main():
        app = TipReaderApp(source=lambda: _library_source(seed=True, quiet=False))
        async with app.run_test(size=(120, 40)) as pilot:
            screen = None
            for _ in range(300):
                await pilot.pause(0.05)
                screen = next((s for s in app.screen_stack if isinstance(s, LibraryScreen)), None)
                if screen is not None and "in the library" in str(screen.query_one("#library-status").render()):
                    break
            print("STATUS", str(screen.query_one("#library-status").render()).replace("\\n", " "))
            await pilot.press(*"trafficking")
            for _ in range(200):
                await pilot.pause(0.05)
                if "match" in str(screen.query_one("#library-status").render()):
                    break
            await app.workers.wait_for_complete()
            await pilot.pause()
            print("HITS", " ".join(r.ref_id for r in screen.query_one(HitList).rows))
            print("AFTER", str(screen.query_one("#library-status").render()).replace("\\n", " "))
            await pilot.press("ctrl+o")
            await pilot.pause(0.2)
            print("SCREEN", type(app.screen).__name__)
            for n in app._notifications:
                print("NOTE", n.message.replace("\\n", " "))
            print("RUNNING", app.is_running)

    asyncio.run(main())
""")


def test_the_app_searches_a_read_only_library_and_says_it_is_read_only(library_home, scratch):
    before = _tree(library_home)
    run = _read_only(library_home, scratch, sys.executable, "-c", _APP)
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    lines = run.stdout.splitlines()
    status = next(line for line in lines if line.startswith("STATUS"))
    assert "3 cables in the library" in status and "read-only" in status, run.stdout
    assert "08MEXICO721" in next(line for line in lines if line.startswith("HITS")), run.stdout
    assert "SCREEN LibraryScreen" in lines, run.stdout  # ctrl+o opened no import dialog...
    notes = [line for line in lines if line.startswith("NOTE")]
    assert any("is read-only" in n and "an import would write" in n for n in notes), notes  # ...it said why
    assert any("imports and rebuilds are off" in n for n in notes), notes  # said when the library opened
    assert "damaged" not in run.stdout
    assert "RUNNING True" in lines
    assert _tree(library_home) == before

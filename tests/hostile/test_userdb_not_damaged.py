"""A healthy user database is not called damaged (issue 17, item 14, the user database).

On a read-only filesystem, a full disk or under a home that is a file, tipreader said
"damaged ... move it aside": wrong advice that could lead a user to move away a healthy
file. Each problem now has its own words.

Read-only without privileges we may lack: a read-only bind mount in a private mount
namespace (``unshare -m``, as root in CI), so the kernel answers EROFS as a read-only
disk does; the test is skipped where that is not allowed. A full disk is RLIMIT_FSIZE.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def _env(home: Path) -> dict[str, str]:
    return {**os.environ, "TIPREADER_HOME": str(home), "NO_COLOR": "1", "TIPREADER_CONFIG": str(home) + ".toml"}


def _cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "tipreader", *args]


def _run(home: Path, *args: str, preexec=None) -> subprocess.CompletedProcess:
    return subprocess.run(_cmd(*args), capture_output=True, text=True, env=_env(home), timeout=120,
                          preexec_fn=preexec)


def _home_with_a_bookmark(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    assert _run(home, "bookmarks", "add", "08MEXICO721", "5", "--note", "keep").returncode == 0
    return home


def _not_called_damaged(run: subprocess.CompletedProcess, *words: str) -> None:
    assert run.returncode == 1 and run.stderr.count("\n") == 1 and "Traceback" not in run.stderr, run.stderr
    assert "damaged" not in run.stderr and "move it aside" not in run.stderr, run.stderr
    for word in words:
        assert word in run.stderr, run.stderr


def _read_only_run(folder: Path, home: Path, *args: str) -> subprocess.CompletedProcess:
    if shutil.which("unshare") is None or os.geteuid() != 0:
        pytest.skip("needs unshare and root for a read-only bind mount")
    script = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" "$0" && exec "$@"'
    run = subprocess.run(["unshare", "-m", "--propagation", "private", "sh", "-c", script, str(folder), *_cmd(*args)],
                         capture_output=True, text=True, env=_env(home), timeout=120)
    if "mount:" in run.stderr or "unshare:" in run.stderr:
        pytest.skip(f"read-only bind mount not allowed here: {run.stderr.strip()}")
    return run


def test_a_read_only_home_is_read_only_not_damaged(tmp_path):
    home = _home_with_a_bookmark(tmp_path)
    run = _read_only_run(home, home, "bookmarks", "add", "08MEXICO721", "6")
    _not_called_damaged(run, "read-only")  # the library folder or user.sqlite3: whichever is met first


def _fsize_0() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))


def test_a_full_disk_is_a_full_disk_not_damage(tmp_path):
    home = _home_with_a_bookmark(tmp_path)
    run = _run(home, "bookmarks", "add", "08MEXICO721", "6", "--note", "x" * 100_000, preexec=_fsize_0)
    _not_called_damaged(run, "full")  # the library or user.sqlite3: whichever is written first
    listed = _run(home, "bookmarks", "list")
    assert listed.returncode == 0 and "keep" in listed.stdout  # the file is healthy


def test_a_home_that_is_a_file_says_so(tmp_path):
    home = tmp_path / "home"
    home.write_text("not a folder\n")
    _not_called_damaged(_run(home, "bookmarks", "list"), "is not a folder")
    assert home.read_text() == "not a folder\n"

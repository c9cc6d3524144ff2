"""Full disks and ``-o`` (issue 17, items 8 and 9).

Standard output on a full disk (``> /dev/full``) is one line naming standard output,
never a traceback or "the library cannot be used". ``-o`` never replaces what is not a
regular file (as root a temp-and-rename turned a device node into a file), overwrites an
existing file only with ``--force`` and keeps its mode, creates new files with the
umask, names a missing folder as the user gave it, and leaves nothing half-written.

A full disk is simulated without mounts, as root or not: ``/dev/full`` for standard
output and ``RLIMIT_FSIZE`` (Python ignores SIGXFSZ, so writes fail with EFBIG) for
files. Device nodes are made with ``mknod`` inside the test's folder, never /dev itself.
"""

from __future__ import annotations

import os
import resource
import stat
import subprocess
import sys
from pathlib import Path

import pytest

MEXICO = Path(__file__).resolve().parents[2] / "sample_cables" / "08MEXICO721.txt"


def _env(home: Path) -> dict[str, str]:
    return {**os.environ, "TIPREADER_HOME": str(home), "NO_COLOR": "1", "TIPREADER_CONFIG": str(home / "none.toml")}


def _cli(home: Path, *args: str, stdout=subprocess.PIPE, preexec=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tipreader", *args], stdout=stdout, stderr=subprocess.PIPE, text=True,
                          env=_env(home), timeout=120, preexec_fn=preexec)


def _one_line(run: subprocess.CompletedProcess, *words: str) -> None:
    assert run.returncode == 1, run.stderr
    assert run.stderr.count("\n") == 1 and "Traceback" not in run.stderr, run.stderr
    for word in words:
        assert word in run.stderr, run.stderr


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    home = tmp_path_factory.mktemp("outhome")
    assert _cli(home, "bookmarks", "add", "08MEXICO721", "5", "--note", "labor").returncode == 0
    return home


@pytest.mark.parametrize("args", [
    ["parse", str(MEXICO)], ["export", str(MEXICO)], ["search", "trafficking"], ["show", "08MEXICO721"],
    ["show", "--original", "08MEXICO721"], ["library", "stats"], ["bookmarks", "list"], ["bookmarks", "export"],
    ["config", "show"],
])
def test_a_full_standard_output_is_one_line_naming_it(home, args):
    with open("/dev/full", "w") as full:
        run = _cli(home, *args, stdout=full)
    _one_line(run, "cannot write to standard output: No space left on device")


def _umask_022() -> None:
    os.umask(0o022)


def test_o_creates_with_the_umask_and_overwrites_only_with_force_keeping_the_mode(home, tmp_path):
    out = tmp_path / "cable.md"
    assert _cli(home, "export", str(MEXICO), "-o", str(out), preexec=_umask_022).returncode == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o644 and out.read_text().startswith("# ")
    out.write_text("my own notes\n")
    out.chmod(0o640)
    _one_line(_cli(home, "export", str(MEXICO), "-o", str(out)), str(out), "exists", "--force")
    assert out.read_text() == "my own notes\n"
    assert _cli(home, "export", str(MEXICO), "-o", str(out), "--force").returncode == 0
    assert out.read_text().startswith("# ") and stat.S_IMODE(out.stat().st_mode) == 0o640
    marks = tmp_path / "marks.md"
    marks.write_text("keep\n")
    _one_line(_cli(home, "bookmarks", "export", "-o", str(marks)), "exists")
    assert _cli(home, "bookmarks", "export", "-o", str(marks), "--force").returncode == 0
    assert "labor" in marks.read_text()


@pytest.mark.skipif(os.geteuid() != 0, reason="mknod needs root (CI runs as root)")
def test_o_never_replaces_a_device_node_or_a_fifo(home, tmp_path):
    device = tmp_path / "full"
    os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 7))  # our own /dev/full
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for target in (device, fifo):
        for force in ([], ["--force"]):
            run = _cli(home, "export", str(MEXICO), "-o", str(target), *force)
            _one_line(run, str(target), "not a regular file")
    assert stat.S_ISCHR(device.lstat().st_mode) and stat.S_ISFIFO(fifo.lstat().st_mode)
    _one_line(_cli(home, "bookmarks", "export", "-o", str(device), "--force"), "not a regular file")
    assert stat.S_ISCHR(device.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fifo", "full"]  # no temp file left


def test_o_writes_through_a_symbolic_link_and_keeps_the_link(home, tmp_path):
    real = tmp_path / "real.md"
    real.write_text("old\n")
    link = tmp_path / "latest.md"
    link.symlink_to(real.name)
    assert _cli(home, "export", str(MEXICO), "-o", str(link), "--force").returncode == 0
    assert link.is_symlink() and real.read_text().startswith("# ")


def test_o_names_a_missing_folder_as_given(home, tmp_path):
    run = _cli(home, "export", str(MEXICO), "-o", "no/such/dir/x.md")
    _one_line(run, "cannot write to no/such/dir/x.md: no folder no/such/dir")
    assert ".tipreader-" not in run.stderr


def _fsize_4k() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))


def test_o_on_a_full_disk_leaves_the_old_file_and_no_temp(home, tmp_path):
    out = tmp_path / "cable.json"
    out.write_text("previous\n")
    run = _cli(home, "export", str(MEXICO), "--format", "json", "-o", str(out), "--force", preexec=_fsize_4k)
    _one_line(run, f"cannot write to {out}: File too large")
    assert out.read_text() == "previous\n" and [p.name for p in tmp_path.iterdir()] == ["cable.json"]


def _fsize_0() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))


def test_bookmarks_add_on_a_full_disk_is_one_line(tmp_path):
    home = tmp_path / "home"
    assert _cli(home, "library", "stats").returncode == 0  # the library exists; the user database not yet
    run = _cli(home, "bookmarks", "add", "08MEXICO721", "5", "--note", "x" * 50000, preexec=_fsize_0)
    _one_line(run, "full")  # the library or user.sqlite3, whichever is written first

"""Hostile folders and killed imports (issue 17, items 2, 3, 4 and 11).

A file name that is not UTF-8, a FIFO, a symbolic link to a device: each is imported
or named and skipped, and the rest of the import goes on. A killed import leaves no
worker behind.
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from tipreader.library import Library

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_cables"
LATIN1_NAME = b"caf\xe9.html"  # a name written on a Latin-1 system: not UTF-8


def _env(home: Path) -> dict[str, str]:
    return {**os.environ, "TIPREADER_HOME": str(home), "NO_COLOR": "1", "TIPREADER_CONFIG": str(home / "none.toml")}


def _cli(home: Path, *args: str | bytes, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tipreader", *args], capture_output=True, env=_env(home),
                          timeout=timeout)


def _hostile_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "cables"
    folder.mkdir()
    shutil.copy(SAMPLES / "08MEXICO721.txt", folder)
    shutil.copy(SAMPLES / "09ASHGABAT248.txt", folder)
    shutil.copy(SAMPLES / "06REYKJAVIK68.html", os.path.join(os.fsencode(folder), LATIN1_NAME))
    os.mkfifo(folder / "pipe.txt")  # nobody ever writes to it
    os.symlink("/dev/zero", folder / "zero.txt")  # endless, and stat says 0 bytes
    return folder


def test_a_folder_with_a_latin1_name_a_fifo_and_a_device_link_imports_the_rest(tmp_path):
    folder = _hostile_folder(tmp_path)
    start = time.monotonic()
    run = _cli(tmp_path / "home", "import", "--no-entities", str(folder), timeout=60)
    assert time.monotonic() - start < 60
    err = run.stderr.decode()
    assert run.returncode == 1, err  # two files were skipped, and said so
    assert "3 cables imported" in run.stdout.decode()
    lines = err.strip().splitlines()
    assert len(lines) == 2 and "Traceback" not in err, err
    assert any("pipe.txt: not a regular file (a FIFO)" in line for line in lines)
    assert any("zero.txt: not a regular file (a device)" in line for line in lines)
    shown = _cli(tmp_path / "home", "show", "06REYKJAVIK68")
    assert shown.returncode == 0 and "caf\\xe9.html" in shown.stdout.decode()
    again = _cli(tmp_path / "home", "import", "--no-entities", str(folder), timeout=60)
    assert "3 unchanged files skipped" in again.stdout.decode()  # the Latin-1 name is recognised


def test_the_library_import_ends_and_names_each_skipped_file(tmp_path):
    folder = _hostile_folder(tmp_path)
    with Library.open(tmp_path / "home") as lib:
        report = lib.import_paths([folder], entities=False, workers=1)
        assert {Path(src).name for src, _ in report.errors} == {"pipe.txt", "zero.txt"}
        assert report.progress.cables_imported == 3
        assert lib.get("06REYKJAVIK68").source.endswith("caf\\xe9.html")


def test_text_arguments_that_are_not_utf8_are_one_line_usage_errors(tmp_path):
    home = tmp_path / "home"
    for args in (["bookmarks", "add", "08MEXICO721", "1", "--note", b"caf\xe9"], ["show", b"caf\xe9"],
                 ["entities", b"caf\xe9"], ["search", b"caf\xe9"]):
        run = _cli(home, *args)
        err = run.stderr.decode()
        assert run.returncode == 2 and err.count("\n") == 1 and "not valid UTF-8" in err, (args, err)


def _limited_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def test_a_device_is_read_within_the_size_limit_not_what_fstat_says(tmp_path):
    """``tipreader parse`` of a link to /dev/zero: one bounded read, one line (was MemoryError)."""
    os.symlink("/dev/zero", tmp_path / "zero.txt")
    run = subprocess.run([sys.executable, "-m", "tipreader", "parse", str(tmp_path / "zero.txt")], capture_output=True,
                         env=_env(tmp_path / "home"), timeout=60, preexec_fn=_limited_memory)
    err = run.stderr.decode()
    assert run.returncode == 1 and err.count("\n") == 1 and "too large" in err, err


def _children(pid: int) -> set[int]:
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_a_killed_import_leaves_no_worker_running(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(300):  # ~14 MB: the two workers are busy for seconds
        shutil.copy(SAMPLES / "08MEXICO721.txt", folder / f"m{i:03d}.txt")
    proc = subprocess.Popen([sys.executable, "-m", "tipreader", "import", "--workers", "2", str(folder)],
                            env=_env(tmp_path / "home"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    kids: set[int] = set()
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(kids) < 3:  # two workers and the resource tracker
            kids |= _children(proc.pid)
            time.sleep(0.05)
        assert len(kids) >= 3, "the import never started its workers"
        time.sleep(0.5)
        assert proc.poll() is None and all(_alive(k) for k in kids), "the workers stopped before the kill"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(_alive(k) for k in kids):
            time.sleep(0.1)
        left = [k for k in kids if _alive(k)]
        assert not left, f"still running after the import was killed: {left}"
    finally:
        if proc.poll() is None:
            proc.kill()
        for k in kids:  # only when the test failed: the workers it started and saw alive just now
            if _alive(k):
                os.kill(k, signal.SIGKILL)

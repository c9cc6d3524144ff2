"""UserData never writes to a damaged user database; the CLI says so in one line (issue 6)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tipreader.cli import main
from tipreader.library import UserData, paths
from tipreader.library.userdb_safety import UserDBError

GARBAGE = b"this is not a database, but the user's only copy of something\n" * 40


def test_userdata_raises_on_a_garbage_file_and_leaves_it(tmp_path: Path) -> None:
    path = tmp_path / "user.sqlite3"
    path.write_bytes(GARBAGE)
    with pytest.raises(UserDBError) as caught:
        UserData(path)
    assert caught.value.path == path and "not an SQLite database" in str(caught.value)
    assert "\n" not in str(caught.value)
    assert path.read_bytes() == GARBAGE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["user.sqlite3"]  # no -wal/-shm created


def test_userdata_raises_on_a_database_damaged_inside(tmp_path: Path) -> None:
    path = tmp_path / "user.sqlite3"
    good = UserData(path)
    for n in range(400):
        good.set_position(f"08TEST{n}", n)
    good.close()
    data = bytearray(path.read_bytes())
    data[4096 : 4096 + 40] = b"\xff" * 40  # scribble over the second page's header
    path.write_bytes(bytes(data))
    Path(f"{path}-wal").unlink(missing_ok=True)
    with pytest.raises(UserDBError):
        UserData(path)
    assert path.read_bytes() == bytes(data)


def test_userdata_opens_a_missing_or_empty_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty" / "user.sqlite3"
    empty.parent.mkdir()
    empty.write_bytes(b"")
    for path in (tmp_path / "new" / "user.sqlite3", empty):
        data = UserData(path)
        data.set_position("08MEXICO721", 4)
        assert data.position("08mexico721") == 4
        data.close()


def test_cli_main_turns_a_user_db_error_into_one_line(monkeypatch, capsys) -> None:
    """Any command that opens UserData on a damaged file: one line naming it, exit 1, file kept."""
    path = paths.user_db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(GARBAGE)

    def opens_userdata(target):
        UserData.open()
        return 0

    monkeypatch.setattr("tipreader.cli.open_cmd.run_app", opens_userdata)
    assert main([]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("tipreader: ")
    assert str(path) in err and "not an SQLite database" in err and "kept" in err
    assert path.read_bytes() == GARBAGE


def test_cli_subprocess_bookmarks_on_garbage_user_db(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    path = home / "user.sqlite3"
    path.write_bytes(GARBAGE)
    env = {**os.environ, "TIPREADER_HOME": str(home)}
    done = subprocess.run([sys.executable, "-m", "tipreader", "bookmarks", "list"], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and str(path) in done.stderr and "Traceback" not in done.stderr
    assert path.read_bytes() == GARBAGE
    # nothing written beside it but the error log (tipreader.log, where native errors go)
    assert sorted(p.name for p in home.iterdir() if p.name != "tipreader.log") == ["user.sqlite3"]

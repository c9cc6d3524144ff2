"""`tipreader open`: errors a user can cause are one line and exit status 1, before any screen."""

from __future__ import annotations

from tipreader.cli import main


def test_open_missing_file(capsys, tmp_path):
    assert main(["open", str(tmp_path / "nope.txt")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("tipreader: ") and "no such file" in err


def test_open_unknown_ref_id(capsys):
    assert main(["open", "99NOWHERE1"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "99NOWHERE1" in err


def test_open_unreadable_file(capsys, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01 not a cable at all")
    assert main(["open", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "bad.txt" in err

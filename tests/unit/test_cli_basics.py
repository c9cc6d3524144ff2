import subprocess
import sys

from tipreader.cli import main


def test_version(capsys):
    try:
        main(["--version"])
    except SystemExit as exc:
        assert exc.code == 0
    assert capsys.readouterr().out.startswith("tipreader ")


def test_module_entry_point_runs():
    out = subprocess.run([sys.executable, "-m", "tipreader", "--help"], capture_output=True, text=True)
    assert out.returncode == 0
    assert "usage: tipreader" in out.stdout

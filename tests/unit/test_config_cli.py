"""`tipreader config path|show|edit`, and NO_COLOR: no escape codes even on a terminal."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from tipreader.cli import main
from tipreader.config import TEMPLATE, load_config


def _config_file() -> Path:
    return Path(os.environ["TIPREADER_CONFIG"])


def test_config_path(capsys):
    assert main(["config", "path"]) == 0
    assert capsys.readouterr().out == f"{_config_file()}\n"


def test_config_show_defaults_when_missing(capsys):
    assert main(["config", "show"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith(f"# {_config_file()} (not created yet: defaults)\n")
    assert 'theme = "textual-dark"\n' in out and "tree_width = 32\n" in out
    assert err == ""


def test_config_without_action_shows(capsys):
    _config_file().write_text('theme = "nord"\n', encoding="utf-8")
    assert main(["config"]) == 0
    assert 'theme = "nord"' in capsys.readouterr().out


def test_config_show_reports_problems_one_line_each(capsys):
    path = _config_file()
    path.write_text('theme = "nope"\ntree_width = 3\nshade = 1\n[keys]\n"a.b" = "ctrl+j"\n', encoding="utf-8")
    assert main(["config", "show"]) == 1
    out, err = capsys.readouterr()
    assert '"a.b" = "ctrl+j"' in out and "tree_width = 32" in out
    assert err.splitlines() == [
        f"tipreader: {path}: line 2: tree_width must be a whole number from 12 to 120, not 3; using 32",
        f"tipreader: {path}: warning: line 3: unknown setting 'shade' (ignored)",
        f"tipreader: {path}: warning: theme 'nope' is not one of Textual's themes; the app will use textual-dark",
        f"tipreader: {path}: warning: keys: no binding has the id 'a.b'",  # as the app says it
    ]


def test_config_show_broken_file(capsys):
    _config_file().write_text("theme = nord\n", encoding="utf-8")
    assert main(["config", "show"]) == 1
    err = capsys.readouterr().err
    assert err == f"tipreader: {_config_file()}: line 1, column 9: invalid value; using the default settings\n"


def _editor(tmp_path: Path, name: str, body: str) -> str:
    script = tmp_path / name
    script.write_text(f"import sys\n{body}\n", encoding="utf-8")
    return f"{sys.executable} {script}"


def test_config_edit_creates_the_template_and_runs_the_editor(tmp_path, monkeypatch, capsys):
    # the template ends inside [keys]: an appended line is a key binding
    appender = _editor(tmp_path, "ed.py", "open(sys.argv[1], 'a').write('\"reader.app.copy\" = \"Y\"\\n')")
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", appender)
    assert main(["config", "edit"]) == 0
    text = _config_file().read_text(encoding="utf-8")
    assert text.startswith(TEMPLATE[:40])
    assert load_config().keymap == {"reader.app.copy": "Y"}
    assert capsys.readouterr().err == ""


def test_config_edit_prefers_visual_and_checks_the_result(tmp_path, monkeypatch, capsys):
    _config_file().write_text('theme = "nord"\n', encoding="utf-8")
    monkeypatch.setenv("VISUAL", _editor(tmp_path, "v.py", "open(sys.argv[1], 'a').write('tree_width = 1\\n')"))
    monkeypatch.setenv("EDITOR", _editor(tmp_path, "e.py", "raise SystemExit(3)"))
    assert main(["config", "edit"]) == 1  # the edited file has a wrong value: reported
    assert _config_file().read_text(encoding="utf-8") == 'theme = "nord"\ntree_width = 1\n'
    assert "line 2: tree_width must be" in capsys.readouterr().err


def test_config_edit_editor_failure(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", _editor(tmp_path, "e.py", "raise SystemExit(3)"))
    assert main(["config", "edit"]) == 1
    assert "exited with status 3" in capsys.readouterr().err


def test_config_edit_without_any_editor(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))  # no vi, no nano
    assert main(["config", "edit"]) == 1
    assert "no editor found" in capsys.readouterr().err
    assert _config_file().exists()  # the template is there to edit by hand


def test_config_edit_editor_not_found(monkeypatch, capsys):
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", "/no/such/editor --wait")
    assert main(["config", "edit"]) == 1
    assert "cannot run editor '/no/such/editor'" in capsys.readouterr().err


# --- NO_COLOR, checked on a real terminal (a pty), where colour would otherwise appear ----


def _run_on_a_terminal(args: list[str], **env: str) -> str:
    environ = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "FORCE_COLOR", "TERM"}}
    environ.update(TERM="xterm-256color", COLUMNS="100", LINES="40", **env)
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "tipreader", *args], stdin=slave, stdout=slave, stderr=slave, env=environ
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    assert proc.wait(timeout=60) == 0
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.parametrize("args", [["--help"], ["config", "--help"], ["config", "show"], ["--version"]])
def test_no_color_output_has_no_escape_codes(args):
    _config_file().write_text('theme = "nord"\n[keys]\n"a" = "j"\n', encoding="utf-8")
    out = _run_on_a_terminal(args, NO_COLOR="1")
    assert out.strip()
    assert "\x1b" not in out


def test_config_show_is_coloured_on_a_terminal_without_no_color():
    # the control for the test above: the same command does colour a terminal
    out = _run_on_a_terminal(["config", "show"])
    assert "\x1b[" in out and "theme" in out

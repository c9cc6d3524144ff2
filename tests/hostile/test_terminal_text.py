"""Text that would command the terminal or read differently than it is (issue 17, item 10).

``show --original`` sent a crafted cable's bytes to the terminal (it retitled the pane,
wrote the clipboard with OSC 52, cleared the screen); bidi overrides and zero-width
characters passed everywhere. On a terminal, controls are now spelt out as ``less``
does; piped, the bytes are untouched. Bidi and zero-width characters are shown as U+FFFD
by the one sanitiser (:mod:`tipreader.safetext`) in the reader, ``show``, ``search``,
error lines and file names.
"""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from tipreader.cable import parse_file
from tipreader.safetext import caret, visible

SAMPLE = Path(__file__).resolve().parents[2] / "sample_cables" / "09ASHGABAT248.txt"
ATTACK = "\x1b]0;pwned\x07\x1b]52;c;aGk=\x07\x1b[2J"
RLO = "\u202e"  # right-to-left override: "report\u202efdp.exe" reads "reportexe.pdf"


def _crafted(folder: Path) -> Path:
    text = SAMPLE.read_text(encoding="utf-8")
    text = text.replace("The Turkmen Government announced", f"{ATTACK}The Turkmen{RLO}gnp.exe\u200b Government announced", 1)
    path = folder / "crafted.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _env(home: Path) -> dict[str, str]:
    return {**os.environ, "TIPREADER_HOME": str(home), "NO_COLOR": "1", "TIPREADER_CONFIG": str(home / "none.toml")}


def _cli(home: Path, *args: str, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tipreader", *args], stdout=stdout, stderr=subprocess.PIPE,
                          env=_env(home), timeout=120)


def test_the_sanitiser_shows_what_would_hide():
    assert visible(f"a{RLO}b\u200bc\u2066d") == "a\ufffdb\ufffdc\ufffdd"
    assert visible("x\x1b]52;c;aGk=\x07y") == "xy"
    assert visible("m\x1b[31mk", keep_length=True) == "m     k"
    assert caret(f"{ATTACK}{RLO}\n") == "^[]0;pwned^G^[]52;c;aGk=^G^[[2J<U+202E>\n"


def test_show_original_spells_controls_on_a_terminal_and_keeps_bytes_in_a_pipe(tmp_path):
    home = tmp_path / "home"
    crafted = _crafted(tmp_path)
    assert _cli(home, "import", "--no-entities", str(crafted)).returncode == 0
    piped = _cli(home, "show", "--original", "09ASHGABAT248")
    assert piped.returncode == 0 and piped.stdout == crafted.read_bytes()
    leader, follower = pty.openpty()
    try:
        run = _cli(home, "show", "--original", "09ASHGABAT248", stdout=follower)
        os.close(follower)
        follower = -1
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the other side closed
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(leader)
        if follower >= 0:
            os.close(follower)
    shown = b"".join(chunks).decode("utf-8")
    assert run.returncode == 0, run.stderr
    assert "\x1b" not in shown and "\x07" not in shown and RLO not in shown
    assert "^[]52;c;aGk=^G" in shown and "<U+202E>gnp.exe" in shown


def test_show_search_and_error_lines_show_bidi_and_zero_width_characters(tmp_path):
    home = tmp_path / "home"
    _cli(home, "import", "--no-entities", str(_crafted(tmp_path)))
    shown = _cli(home, "show", "09ASHGABAT248").stdout.decode()
    assert "The Turkmen\ufffdgnp.exe\ufffd Government" in shown and RLO not in shown
    found = _cli(home, "search", "turkmen").stdout.decode()
    assert "09ASHGABAT248" in found and RLO not in found and "\u200b" not in found
    bad = tmp_path / f"invoice{RLO}fdp.txt"
    bad.write_bytes(b"")
    err = _cli(home, "import", str(bad)).stderr.decode()
    assert "invoice\ufffdfdp.txt" in err and RLO not in err and err.count("\n") == 1


async def test_the_reader_shows_bidi_and_zero_width_characters(tmp_path):
    from tipreader.ui.app import TipReaderApp

    cable = parse_file(_crafted(tmp_path))[0]
    assert RLO in cable.paragraphs[0].text + cable.paragraphs[1].text  # the parser keeps what the cable says
    app = TipReaderApp(cable=cable)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        screen = app.export_screenshot()
    assert RLO not in screen and "\u200b" not in screen
    assert "gnp.exe" in screen and ("\ufffd" in screen or "&#65533;" in screen)


@pytest.mark.parametrize("args", [["team", "status"], ["team", "status", "--json"], ["team", "sync"]])
def test_a_team_url_with_terminal_escapes_is_shown_escaped(tmp_path, args):
    """The team server's URL comes from a settings file or the environment (maybe a colleague's):
    its host and user name are printed in status and error lines, never as live escapes."""
    env = {**_env(tmp_path / "home"), "TIPREADER_TEAM_URL": f"postgresql://u\x1b]0;pwn\x07{RLO}@h\x1b[2J.invalid/d"}
    run = subprocess.run([sys.executable, "-m", "tipreader", *args], capture_output=True, env=env, timeout=120)
    out = run.stdout.decode() + run.stderr.decode()
    assert run.returncode == 1 and "Traceback" not in out, out
    assert "\x1b" not in out and "\x07" not in out and RLO not in out, out
    assert ".invalid" in out, out  # the host is still named

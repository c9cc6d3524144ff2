"""A settings file is data, never markup or a stack bomb (issue 17, item 7).

``theme = "[/]"`` or a ``[keys]`` id holding ``[/x]`` crashed the app at start
(MarkupError); ``theme = "[@click=app.quit]X[/]"`` became live markup in a notification;
5,000 nested arrays gave a RecursionError in ``config show`` and the app; a UTF-8 BOM
made the whole file invalid. Conflicting keys are warned about, and ``config show``
warns about unknown binding ids as the app does.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tipreader.cable import parse_file

SAMPLE = Path(__file__).resolve().parents[2] / "sample_cables" / "09ASHGABAT248.txt"
DEEP = "x = " + "[" * 5000 + "]" * 5000 + "\n"


def _config() -> Path:
    return Path(os.environ["TIPREADER_CONFIG"])


def _config_show() -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tipreader", "config", "show"], capture_output=True, text=True,
                          env={**os.environ, "NO_COLOR": "1"}, timeout=120)


async def _start_app():
    from tipreader.ui.app import TipReaderApp

    app = TipReaderApp(cable=parse_file(SAMPLE)[0])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert app.is_running
        await pilot.press("ctrl+q")
    return app, messages


@pytest.mark.parametrize("text", [
    'theme = "[/]"\n',
    'theme = "[@click=app.quit]X[/]"\n',
    '[keys]\n"reader.[/x]" = "z"\n',
    DEEP,
], ids=["closing-tag-theme", "click-markup-theme", "markup-binding-id", "5000-nested-arrays"])
async def test_hostile_settings_start_the_app_and_are_shown_literally(text):
    _config().write_text(text, encoding="utf-8")
    app, messages = await _start_app()
    assert messages  # each of these is reported
    if "@click" in text:
        assert any("[@click=app.quit]X[/]" in m for m in messages)  # the text itself, not a link
    if "[/x]" in text:
        assert any("'reader.[/x]'" in m for m in messages)
    if text is DEEP:
        assert any("nested too deep" in m for m in messages)


def test_config_show_reports_deep_nesting_in_one_line():
    _config().write_text(DEEP, encoding="utf-8")
    run = _config_show()
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stderr.count("\n") == 1 and "nested too deep" in run.stderr


def test_a_byte_order_mark_is_accepted_and_kept_when_the_theme_is_saved():
    from tipreader.config import load_config, save_theme

    _config().write_bytes(b"\xef\xbb\xbftheme = \"nord\"\ntree_width = 40\n")
    config = load_config()
    assert config.theme == "nord" and config.tree_width == 40 and not config.errors
    save_theme("gruvbox", _config())
    assert _config().read_bytes().startswith(b"\xef\xbb\xbftheme = \"gruvbox\"")
    assert load_config().theme == "gruvbox"


def test_conflicting_and_unknown_keys_are_warned_by_config_show_as_by_the_app():
    from tipreader.config import load_config
    from tipreader.ui.settings import keymap_problems

    _config().write_text('[keys]\n"reader.app.copy" = "j"\n"nobody.has_this" = "z"\n', encoding="utf-8")
    expected = keymap_problems(load_config().keymap)
    assert any("'j' is given to both" in m and "reader.app.copy" in m for m in expected)
    assert any("no binding has the id 'nobody.has_this'" in m for m in expected)
    run = _config_show()
    assert run.returncode == 0, run.stderr
    for message in expected:
        assert message in run.stderr

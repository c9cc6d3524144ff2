"""Copying text where the user can paste it, and saying honestly how it was sent.

A clipboard program (wl-copy on Wayland, xclip or xsel on X, pbcopy on macOS) is used
when one is installed and its display is there; otherwise the text goes to the terminal
as an OSC 52 sequence, which many terminals (and tmux with ``set-clipboard on``) put on
the clipboard, and some ignore: the message says which happened.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from typing import Any

from textual.app import App

_log = logging.getLogger(__name__)


def clipboard_command() -> list[str] | None:
    """The command that puts its stdin on the system clipboard here, or None."""
    candidates: list[list[str]] = []
    if sys.platform == "darwin":
        candidates.append(["pbcopy"])
    if os.environ.get("WAYLAND_DISPLAY"):
        candidates.append(["wl-copy"])
    if os.environ.get("DISPLAY"):
        candidates += [["xclip", "-selection", "clipboard"], ["xsel", "--clipboard", "--input"]]
    for command in candidates:
        if shutil.which(command[0]):
            return command
    return None


def copy_text(app: App[Any], text: str) -> str:
    """Copy ``text``; what happened, to end a sentence ("copied to the clipboard (xclip)" ...)."""
    command = clipboard_command()
    if command is not None:
        try:
            subprocess.run(command, input=text.encode("utf-8"), check=True, timeout=3,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            return f"copied to the clipboard ({command[0]})"
        except (OSError, subprocess.SubprocessError) as err:
            _log.warning("clipboard program %s failed: %s", command[0], err)
    app.copy_to_clipboard(text)
    return "sent to the terminal's clipboard (OSC 52; some terminals ignore it)"

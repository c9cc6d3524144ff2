"""Quit when the terminal goes away.

Closing the terminal normally sends SIGHUP, which ends the app. But when the app
runs under another program (``make run``: make dies of the hangup, tipreader is
left behind), no signal comes, and Textual's input thread then spins on the dead
terminal at 50-100 % of a core for ever (Textual PR #6690, not released). Seen in
tmux: a ``make run`` app kept running at 76 % CPU after its window was killed.
:class:`TerminalWatch` checks once a second that standard input is still a
terminal (after a hangup ``isatty`` is False and terminal calls fail with EIO)
and, when it is not, exits the app the normal way: reading positions and the
like are saved as on ``q``.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App


def _is_terminal(fd: int) -> bool:
    try:
        return os.isatty(fd)
    except (OSError, ValueError):
        return False


class TerminalWatch:
    """Exits ``app`` when its terminal has hung up (:meth:`start` on the app's mount)."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.fd: int | None = None  # the standard input watched

    def start(self) -> None:
        """Watch standard input when the app runs on a terminal (not headless, not piped)."""
        if self.app.is_headless:
            return
        try:
            fd = sys.__stdin__.fileno() if sys.__stdin__ is not None else -1
        except (OSError, ValueError):
            fd = -1
        if fd >= 0 and _is_terminal(fd):
            self.fd = fd
            self.app.set_interval(1.0, self.check)

    def check(self) -> None:
        """Exit when the watched terminal is gone."""
        if self.fd is not None and not _is_terminal(self.fd):
            self.fd = None
            self.app.exit(return_code=129)  # 128 + SIGHUP, as a hangup would

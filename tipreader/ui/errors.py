"""Errors the app cannot handle where they happen: logged with their traceback to
``tipreader.log`` in the data folder (``$TIPREADER_HOME`` or the platform's), so a user can
send it; the user is told in one line (the app's worker handler does that)."""

from __future__ import annotations

import logging
import traceback
from pathlib import Path

LOG_NAME = "tipreader.log"
_log = logging.getLogger("tipreader")


def log_path() -> Path | None:
    """Where the log is written (None when the data folder cannot be found)."""
    try:
        from tipreader.library.paths import data_dir

        return data_dir() / LOG_NAME
    except Exception:  # no data folder: nothing to write to, the notification still says what failed
        return None


def start_log() -> None:
    """Send the ``tipreader`` loggers' warnings and errors to the log file (once per process)."""
    if any(getattr(h, "_tipreader", False) for h in _log.handlers):
        return
    path = log_path()
    if path is None:
        return
    handler = _LazyFileHandler(path)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    _log.addHandler(handler)
    _log.setLevel(min(_log.level or logging.WARNING, logging.WARNING))


def log_error(context: str, err: BaseException) -> Path | None:
    """Log ``err`` with its traceback (``context`` says what was being done); the log's path."""
    start_log()
    _log.error("%s failed:\n%s", context, "".join(traceback.format_exception(err)).rstrip())
    return log_path()


class _LazyFileHandler(logging.Handler):
    """Appends to the log file, creating it (and its folder) on the first record only:
    a session without errors leaves nothing behind. A file that cannot be written is skipped."""

    _tipreader = True

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as fh:
                fh.write(self.format(record) + "\n")
        except OSError:
            self.handleError(record)

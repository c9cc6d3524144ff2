"""The palette's Screenshot: an SVG of the screen, saved where the user will look for it.

Textual's own command delivers the file to the platform's Downloads folder, which a server
reached over ssh usually does not have: it then says only "Failed to save screenshot". Here
the file goes to the folder tipreader was started from (where ``s`` saves a cable too), or,
when that folder cannot be written, to ``screenshots/`` in tipreader's data folder; the
notification names the file, or says why none was written.
"""

from __future__ import annotations

import logging
import time
from typing import Any
from pathlib import Path

from textual.app import App
from textual.timer import Timer

from tipreader.export.files import save_atomically
from tipreader.library.paths import data_dir, display_path

_log = logging.getLogger(__name__)


def screenshot_folders() -> list[Path]:
    """Where a screenshot is saved, in order of preference."""
    try:
        start = [Path.cwd()]
    except OSError:  # the folder tipreader was started from was deleted
        start = []
    return [*start, data_dir() / "screenshots"]


def save_screenshot(app: App[Any], folders: list[Path] | None = None) -> Path | None:
    """Save an SVG of ``app``'s screen in the first folder that takes it and say where."""
    svg = app.export_screenshot()
    screen = app.screen.__class__.__name__.removesuffix("Screen").lower() or "screen"
    stem = f"tipreader-{screen}-{time.strftime('%Y%m%d-%H%M%S')}"
    failures: list[str] = []
    for folder in folders if folders is not None else screenshot_folders():
        path = _free_name(folder, stem)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            save_atomically(path, lambda fh: fh.write(svg))  # refuses to write over a file
        except OSError as exc:
            _log.warning("screenshot not saved to %s: %s", display_path(path), exc)
            failures.append(f"{display_path(folder)}: {exc.strerror or exc}")
            continue
        app.notify(f"Saved to {display_path(path)}", title="Screenshot", markup=False)
        return path
    app.notify("No screenshot saved: " + "; ".join(failures), title="Screenshot", severity="error",
               markup=False)
    return None


def _free_name(folder: Path, stem: str) -> Path:
    """``stem.svg`` in ``folder``, or ``stem-2.svg``, ``stem-3.svg`` ... (two in the same second)."""
    path, n = folder / f"{stem}.svg", 1
    while path.exists():
        n += 1
        path = folder / f"{stem}-{n}.svg"
    return path


def screenshot_soon(app: App[Any]) -> Timer:
    """Take the screenshot once the palette has closed (else the palette is in the picture)."""
    return app.set_timer(0.1, lambda: save_screenshot(app))


__all__ = ["save_screenshot", "screenshot_folders", "screenshot_soon"]

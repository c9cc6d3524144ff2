"""Export coded passages to CSV from the app (the palette's "Export coded passages to CSV…").

``push_screen(ExportCodesDialog(default), callback)``: the callback gets ``(path, replace)`` or
None (``esc``). An existing file is replaced only after a second Enter on the same name.
:func:`export_codes` writes the file (the same rows as ``tipreader codes export --csv``).
"""

from __future__ import annotations

import os
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from tipreader.ui.text import clean


class ExportCodesDialog(ModalScreen[tuple[str, bool] | None]):
    """Asks where to write the CSV; dismisses with (path, replace an existing file) or None."""

    DEFAULT_CSS = """
    ExportCodesDialog { align: center middle; }
    ExportCodesDialog #export-box {
        width: 90%; max-width: 90; height: auto; border: round $accent; background: $surface; padding: 0 1;
    }
    ExportCodesDialog #export-title { text-style: bold; }
    ExportCodesDialog #export-hint { color: $text-muted; }
    ExportCodesDialog Input { border: tall $background; }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export.app.cancel", tooltip="Close without exporting")]

    def __init__(self, default: str, count: int) -> None:
        super().__init__()
        self.default = default
        self.count = count
        self._confirmed: str | None = None  # the existing file the user was warned about

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box"):
            yield Label(Text(f"Export {self.count:,} coded passage(s) to CSV", style="bold"), id="export-title")
            yield Input(self.default, id="export-path")
            yield Label(Text("Enter writes the file · esc cancels"), id="export-hint")

    def on_mount(self) -> None:
        """The path has the focus, its name selected for typing over."""
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        path = os.path.expanduser(event.value.strip())
        hint = self.query_one("#export-hint", Label)
        if not path:
            hint.update(Text("Type a file name."))
            return
        target = Path(path)
        if target.is_dir():
            hint.update(Text(f"{clean(path, newlines=False)} is a folder: add a file name."))
            return
        if target.exists() and self._confirmed != path:
            self._confirmed = path
            hint.update(Text(f"{clean(path, newlines=False)} exists: Enter again replaces it, esc cancels.",
                             style="bold"))
            return
        self.dismiss((path, target.exists()))

    def action_cancel(self) -> None:
        """Close, returning None."""
        self.dismiss(None)


def export_codes(path: str, replace: bool, codes, get, book) -> int:
    """Write every coded passage (``codes``: a CodeStore) to ``path`` as CSV, each located with
    ``get`` (ref_id → cable); the number of rows. OSError/FileExistsError as :func:`save_codes_csv`."""
    from tipreader.export.codes_csv import code_rows, save_codes_csv
    from tipreader.userdata.codes import locate_all

    rows = code_rows(locate_all(codes.all(), get), book)
    return save_codes_csv(path, rows, replace=replace)


def start_codes_export(app) -> None:
    """The palette's "Export coded passages to CSV…": ask for the file, write it in a thread, say
    how many rows went where (or why nothing was written, in one line)."""
    import time

    from tipreader.ui.errors import log_error
    from tipreader.ui.services import services_of

    services = services_of(app)
    codes = services.codes
    if codes is None:
        app.notify("Coding is off: the user database could not be opened.", severity="warning", markup=False)
        return
    try:
        count = len(codes.all())
    except Exception as err:  # a failing user database: say so, keep the app running
        log_error("counting coded passages", err)
        app.notify(f"Codes cannot be read: {err}", severity="error", markup=False)
        return
    book = services.codebook
    default = str(Path.cwd() / f"tipreader-codes-{time.strftime('%Y%m%d')}.csv")

    def write(path: str, replace: bool) -> None:
        lib = services.library
        get = lib.get if lib is not None else (lambda ref: None)
        try:
            n = export_codes(path, replace, codes, get, book)
        except OSError as err:
            message = f"{clean(path, newlines=False)}: {err.strerror or err}; nothing written"
            app.call_from_thread(app.notify, message, title="Export", severity="error", markup=False)
            return
        app.call_from_thread(app.notify, f"{n:,} coded passage(s) written to {clean(path, newlines=False)}",
                             title="Export", markup=False)

    def chosen(answer: tuple[str, bool] | None) -> None:
        if answer is not None:
            app.run_worker(lambda: write(*answer), thread=True, group="codes-export", exit_on_error=False)

    app.push_screen(ExportCodesDialog(default, count), chosen)

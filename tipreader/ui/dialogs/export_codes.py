"""Export coded passages to CSV from the app (the palette's "Export coded passages to CSV…").

``push_screen(ExportCodesDialog(default), callback)``: the callback gets ``(path, replace)`` or
None (``esc``). An existing file is replaced only after a second Enter on the same name.
:func:`export_codes` writes the file (the same rows as ``tipreader codes export --csv``).
"""

from __future__ import annotations

from pathlib import Path

from tipreader.ui.dialogs.save_path import SavePathDialog
from tipreader.ui.text import clean


class ExportCodesDialog(SavePathDialog):
    """Asks where to write the CSV; dismisses with (path, replace an existing file) or None."""

    def __init__(self, default: str, count: int) -> None:
        super().__init__(f"Export {count:,} coded passage(s) to CSV", default)
        self.count = count


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

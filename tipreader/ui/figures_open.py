"""The figures view's data: the TIP store's figures of one country (or all), read when it opens.

The store is brought up to date first (incremental: only cables imported since the last TIP
pass are read), in a thread, so a library filled before the store existed shows its figures
too instead of an empty view.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from textual.app import App

from tipreader.tip import store
from tipreader.tip.compare import FigureRow, figures
from tipreader.ui.screens.figures import FiguresScreen


def _rows(library: Any, country: str | None) -> list[FigureRow]:
    con = store.connect(store.db_path(library))
    try:
        return figures(con, country=country)
    finally:
        con.close()


def open_figures(app: App[Any], library: Any, country: str | None = None) -> None:
    """Push the figures view of ``country``'s submissions (every country's when None), or say why not."""
    if library is None:
        app.notify("The library is not open yet: the figures need it.", severity="warning", markup=False)
        return
    title = f"Figures reported by {country or 'every country'}'s TIP submissions, year by year"

    def load() -> None:
        problem = store.sync_after_import(library)
        try:
            rows = _rows(library, country)
        except sqlite3.Error as err:
            problem, rows = f"The TIP figures cannot be read: {err}", []
        if problem and not rows:
            app.call_from_thread(app.notify, problem, severity="error", markup=False)
        else:
            app.call_from_thread(app.push_screen, FiguresScreen(rows, title))

    app.run_worker(load, thread=True, group="tip-figures", exclusive=True, exit_on_error=False)

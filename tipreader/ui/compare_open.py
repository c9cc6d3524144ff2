"""``c`` in the reader: the compare view of the question at the top of the text.

The question is the one whose text (question or answer paragraphs) holds the paragraph at
the top of the view. The view's data comes from the library's TIP store; a library that
was filled before the store existed (or by a path that skipped the TIP pass) is brought up
to date once, in a thread, with a notice.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from textual.app import App

from tipreader.cable import Cable
from tipreader.tip import store
from tipreader.tip.compare import CompareData, for_answer
from tipreader.tip.submissions import detect
from tipreader.tip.topics import load_topics
from tipreader.ui.screens.compare import CompareScreen


def question_at(cable: Cable, para: int | None) -> int | None:
    """Position in ``cable.questions`` of the question holding paragraph ``para`` (or the last one
    starting before it), None when no question starts at or before it."""
    if para is None:
        return None
    best = None
    for i, q in enumerate(cable.questions):
        if q.paragraph_index == para or para in q.answer_paragraphs:
            return i
        if q.paragraph_index <= para:
            best = i
    return best


def _load(library: Any, ref_id: str, q_index: int) -> CompareData | None:
    con = store.connect(store.db_path(library))
    try:
        return for_answer(con, ref_id, q_index)
    finally:
        con.close()


def _title(data: CompareData) -> str:
    topics = {t.key: t.title for t in load_topics()[0]}
    return topics.get(data.base.topic or "", "")


def open_compare(app: App[Any], library: Any, cable: Cable, para: int | None) -> None:
    """Push the compare view for the question at ``para`` of ``cable`` (or say why not)."""
    q_index = question_at(cable, para)
    if q_index is None:
        app.notify("Compare works on a question: move to one ([ and ] step through them).", markup=False)
        return
    if library is None:
        app.notify("The library is not open yet: compare needs it.", severity="warning", markup=False)
        return
    try:
        data = _load(library, cable.ref_id, q_index)
    except sqlite3.Error as err:
        app.notify(f"The TIP comparison cannot be read: {err}", severity="error", markup=False)
        return
    if data is not None:
        app.push_screen(CompareScreen(data, _title(data)))
        return
    if detect(cable) is None:
        app.notify(f"{cable.ref_id} is not an annual TIP submission: nothing to compare.", markup=False)
        return
    app.notify("Preparing the TIP comparison (once, for cables imported before it existed)…", markup=False)
    app.run_worker(lambda: _sync_then_open(app, library, cable.ref_id, q_index), thread=True,
                   group="tip-sync", exclusive=True, exit_on_error=False)


def _sync_then_open(app: App[Any], library: Any, ref_id: str, q_index: int) -> None:
    problem = store.sync_after_import(library)
    data = None if problem else _load(library, ref_id, q_index)

    def show() -> None:
        if data is not None:
            app.push_screen(CompareScreen(data, _title(data)))
        else:
            app.notify(problem or f"{ref_id} is not in the library: import it to compare it.", severity="warning",
                       markup=False)

    app.call_from_thread(show)

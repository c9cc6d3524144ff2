"""Snapshots of the reader's main screens (SVG, committed in __snapshots__/).

The Mexico cable is parsed from sample_cables/. Nothing on these screens moves by
itself: no clock, and inputs do not blink headless. Regenerate with
``pytest tests/ui/test_reader_snapshots.py --snapshot-update`` after a deliberate change.
"""

from __future__ import annotations

from ui_cables import MEXICO_FILE

from tipreader.cable import parse_file
from tipreader.ui.app import TipReaderApp


def mexico_app() -> TipReaderApp:
    return TipReaderApp(cable=parse_file(MEXICO_FILE)[0])


async def settle(pilot) -> None:
    """Let every background job finish (library opening, entity colours) so the screen is final."""
    from textual.worker import WorkerState

    busy = (WorkerState.PENDING, WorkerState.RUNNING)
    for _ in range(200):  # at most ~10 s
        await pilot.pause(0.05)
        if not any(w.state in busy for w in pilot.app.workers):
            break
    await pilot.pause()


def keys(*presses: str):
    """A run_before that settles, presses, and settles again: no race with the workers."""

    async def run(pilot) -> None:
        await settle(pilot)
        await pilot.press(*presses)
        await settle(pilot)

    return run


def test_mexico_120x40(snap_compare):
    assert snap_compare(mexico_app(), terminal_size=(120, 40), run_before=keys("colon", "1", "2", "enter"))


def test_answers_only_view(snap_compare):
    async def answers(pilot):
        await settle(pilot)
        pilot.app.screen.set_view("answers")
        pilot.app.clear_notifications()
        pilot.app.screen.jump_to(9)
        await settle(pilot)

    assert snap_compare(mexico_app(), terminal_size=(120, 40), run_before=answers)


def test_find_with_hits(snap_compare):
    assert snap_compare(mexico_app(), terminal_size=(120, 40), run_before=keys("slash", *"Tijuana", "enter", "n"))


def test_goto_prompt(snap_compare):
    assert snap_compare(mexico_app(), terminal_size=(120, 40), run_before=keys("colon", *"labor"))


def test_layout_80x24(snap_compare):
    assert snap_compare(mexico_app(), terminal_size=(80, 24), run_before=keys("right_square_bracket"))

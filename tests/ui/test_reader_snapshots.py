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


def test_mexico_120x40(snap_compare):
    assert snap_compare(mexico_app(), terminal_size=(120, 40), press=["colon", "1", "2", "enter"])


def test_answers_only_view(snap_compare):
    async def answers(pilot):
        pilot.app.screen.set_view("answers")
        pilot.app.clear_notifications()
        pilot.app.screen.jump_to(9)
        await pilot.pause()

    assert snap_compare(mexico_app(), terminal_size=(120, 40), run_before=answers)


def test_find_with_hits(snap_compare):
    assert snap_compare(mexico_app(), terminal_size=(120, 40), press=["slash", *"Tijuana", "enter", "n"])


def test_goto_prompt(snap_compare):
    assert snap_compare(mexico_app(), terminal_size=(120, 40), press=["colon", *"labor"])


def test_layout_80x24(snap_compare):
    assert snap_compare(mexico_app(), terminal_size=(80, 24), press=["right_square_bracket"])

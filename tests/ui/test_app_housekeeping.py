"""The app's housekeeping: the garbage-collection policy (tipreader.ui.gc_tuning: young
generations only while the user types, a full collection once input pauses, the collector
as it was after the app exits) and quitting when the terminal hangs up (terminal_watch)."""

from __future__ import annotations

import gc
from pathlib import Path
from time import monotonic

from tipreader.ui import gc_tuning
from tipreader.ui.app import TipReaderApp

MEXICO = Path(__file__).resolve().parents[2] / "sample_cables" / "08MEXICO721.txt"


class Cycle:
    def __init__(self) -> None:
        self.me = self


async def test_collection_waits_for_a_pause_in_typing_and_the_collector_is_restored(monkeypatch):
    assert gc.isenabled()
    monkeypatch.setattr(gc_tuning, "IDLE", 0.3)
    monkeypatch.setattr(gc_tuning, "PENDING", 50)
    app = TipReaderApp(target=str(MEXICO))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.collector.timer.pause()  # only the ticks below
        assert not gc.isenabled()  # no automatic collection in the middle of a keystroke
        gc.collect()
        for _ in range(200):
            Cycle()
        pending = gc.get_count()[0]
        assert pending >= 200
        await pilot.press("j")  # typing: the collector waits
        app.collector.last_input = monotonic()  # a loaded machine may take longer than IDLE to deliver the key
        app.collector.tick()
        assert gc.get_count()[0] >= pending
        app.collector.last_input -= 1.0  # the user paused
        app.collector.tick()
        assert gc.get_count()[0] < 50
    assert gc.isenabled()


async def test_a_long_burst_of_input_collects_the_young_then_everything(monkeypatch):
    monkeypatch.setattr(gc_tuning, "YOUNG", 100)
    monkeypatch.setattr(gc_tuning, "YOUNG_RUNS", 3)
    app = TipReaderApp(target=str(MEXICO))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.collector.timer.pause()  # only the ticks below
        app.collector.young_runs = 0  # ticks before the pause may have counted young runs already
        gc.collect()
        full = []
        gc.callbacks.append(lambda phase, info: full.append(info["generation"]) if phase == "stop" else None)
        try:
            for run in (1, 2, 3):
                for _ in range(300):
                    Cycle()
                await pilot.press("j")  # typing all along: never idle
                app.collector.last_input = monotonic()  # however slowly a loaded machine delivered the key
                full.clear()
                app.collector.tick()
                assert gc.get_count()[0] < 100
                assert full == ([2] if run == 3 else [1])  # young only, then a full one after 3 in a row
        finally:
            gc.callbacks.pop()


async def test_the_app_quits_when_its_terminal_hangs_up(monkeypatch):
    """No SIGHUP reached a `make run` app whose window was closed, and Textual's input
    thread then spun on the dead terminal; the app now notices and exits (129)."""
    from tipreader.ui import terminal_watch

    app = TipReaderApp(target=str(MEXICO))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.terminal_watch.fd is None  # headless: nothing to watch
        app.terminal_watch.fd = 0  # as on a terminal
        monkeypatch.setattr(terminal_watch, "_is_terminal", lambda fd: True)
        app.terminal_watch.check()
        await pilot.pause()
        assert app.is_running
        monkeypatch.setattr(terminal_watch, "_is_terminal", lambda fd: False)  # the window was closed
        app.terminal_watch.check()
        await pilot.pause()
    assert app.return_code == 129

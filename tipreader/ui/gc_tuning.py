"""The garbage collector, kept out of the way of keystrokes and paints.

A full (generation 2) collection walks every container object alive: Textual's
stylesheet, widgets and render caches, the open library, the entity gazetteer...
In the app it took 15-100 ms and fell at random into a keystroke's search or the
opening of a cable (seen with ``gc.callbacks`` while ``benchmarks/library_ui.py``
opened hits). Two measures:

- :func:`freeze_long_lived`: the objects made at start-up, and those the first
  entity extraction loads, live as long as the app; once each is in place, one
  collection clears the garbage and :func:`gc.freeze` moves the survivors out of
  the collector's sight, so later collections walk only what was made since.
  Each stage is frozen once per process (a frozen object that later becomes
  cyclic garbage is never freed, so this is kept to the long-lived stages).
- :class:`IdleCollector`, owned by the app: automatic collection is off while the app
  runs; a full collection runs when the user has not typed or clicked for a moment.
  While input goes on, only the young generations are collected once enough has
  been allocated (they hold just what was made since: 10-20 ms at most), and a full
  collection comes only after a long uninterrupted stretch of them, so memory stays
  bounded. (A first version collected everything after 400k allocations whatever the
  user did: one such collection took 390 ms in the middle of typing a query.)
  Reference counting frees everything not in a cycle at once anyway.
"""

from __future__ import annotations

import gc
from time import monotonic

from typing import TYPE_CHECKING, Any

from textual import events

if TYPE_CHECKING:
    from textual.app import App
    from textual.timer import Timer

_done: set[str] = set()

IDLE = 0.8  # seconds without input before a pending collection runs
PENDING = 5_000  # allocations (net, of tracked objects) worth a full collection when idle
YOUNG = 100_000  # allocations after which the young generations are collected, input or not
YOUNG_RUNS = 40  # young collections in a row (no idle moment between) before a full one anyway


def freeze_long_lived(stage: str) -> bool:
    """Collect, then freeze what survives, the first time ``stage`` is reached; True when it did."""
    if stage in _done:
        return False
    _done.add(stage)
    gc.collect()
    gc.freeze()
    return True


class IdleCollector:
    """Garbage collection at idle moments only, for one app: :meth:`start` on its mount, :meth:`saw`
    for each of its events, :meth:`stop` at its unmount."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.last_input = 0.0
        self.young_runs = 0  # young collections since the last full one
        self.timer: Timer | None = None
        self._was_enabled = True

    def start(self) -> None:
        """Turn automatic collection off and start watching for idle moments."""
        self._was_enabled = gc.isenabled()
        gc.disable()
        self.last_input = monotonic()
        self.timer = self.app.set_interval(0.4, self.tick)

    def stop(self) -> None:
        """Leave the collector as it was found (tests run many apps in one process)."""
        if self.timer is not None:
            self.timer.stop()
        if self._was_enabled:
            gc.enable()
        gc.collect()

    def saw(self, event: events.Event) -> None:
        """Note each key and click (the collector waits for a pause in them)."""
        if isinstance(event, (events.Key, events.MouseDown, events.MouseScrollDown, events.MouseScrollUp)):
            self.last_input = monotonic()

    def tick(self) -> None:
        """Collect what is due: everything when the user paused, else the young generations."""
        pending = gc.get_count()[0]
        idle = monotonic() - self.last_input >= IDLE
        if idle and (pending >= PENDING or self.young_runs):
            gc.collect()
            self.young_runs = 0
        elif pending >= YOUNG:
            self.young_runs += 1
            if self.young_runs >= YOUNG_RUNS:
                gc.collect()
                self.young_runs = 0
            else:
                gc.collect(1)

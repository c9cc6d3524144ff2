"""The garbage collector, kept out of the way of keystrokes and paints.

A full (generation 2) collection walks every container object alive: Textual's
stylesheet and widgets, the open library, the entity gazetteer... In the app
that took 40-50 ms and fell at random into a keystroke's search or the opening
of a cable (measured with ``gc.callbacks`` while opening hits:
``benchmarks/library_ui.py``). The objects made at start-up, and those the first
entity extraction loads, live as long as the app: once each is in place, one
collection clears the garbage and :func:`gc.freeze` moves the survivors out of
the collector's sight, so later full collections only walk what was made since.
Each stage is frozen once per process (a frozen object that later becomes
cyclic garbage is never freed, so this is kept to the long-lived stages).
"""

from __future__ import annotations

import gc

_done: set[str] = set()


def freeze_long_lived(stage: str) -> bool:
    """Collect, then freeze what survives, the first time ``stage`` is reached; True when it did."""
    if stage in _done:
        return False
    _done.add(stage)
    gc.collect()
    gc.freeze()
    return True

"""Waiting in Pilot tests for a screen that background work pushes (the compare and figures views)."""

from __future__ import annotations


async def wait_for_screen(app, pilot, cls, tries: int = 100) -> None:
    """Let workers finish and the app repaint until the screen on top is a ``cls``; fail saying what is there."""
    for _ in range(tries):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if isinstance(app.screen, cls):
            return
        await pilot.pause(0.05)
    raise AssertionError(f"{cls.__name__} never showed; on screen: {app.screen!r}")


async def wait_until(pilot, ready, tries: int = 200) -> None:
    """Let the app handle its messages until ``ready()`` holds (a tree's cursor message, a jump: slow under load)."""
    for _ in range(tries):
        await pilot.pause()
        if ready():
            return
        await pilot.pause(0.05)

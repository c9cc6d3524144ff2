"""Snapshots of the library screen: with results for a query, and an empty library.

Fixed data (the fixture cables), no clocks: nothing on the screen depends on the time.
"""

from __future__ import annotations

from test_library_screen import LibApp, build_library

from tipreader.library import Library


async def _settle(pilot) -> None:
    await pilot.pause(0.1)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_library_with_results(snap_compare):
    async def search(pilot):
        await _settle(pilot)
        await pilot.press(*"trafficking")
        await _settle(pilot)

    assert snap_compare(LibApp(build_library()), terminal_size=(120, 40), run_before=search)


def test_library_browse(snap_compare):
    assert snap_compare(LibApp(build_library()), terminal_size=(120, 40), run_before=_settle)


def test_library_empty(snap_compare):
    assert snap_compare(LibApp(Library.open()), terminal_size=(120, 40), run_before=_settle)


def test_library_80x24_with_the_filters_open(snap_compare):
    """A small terminal: the results keep the width, the filters open over them (ctrl+t)."""
    async def search_and_filter(pilot):
        await search(pilot)
        await pilot.press("ctrl+t")
        await pilot.pause()

    async def search(pilot):
        await _settle(pilot)
        await pilot.press(*"trafficking")
        await _settle(pilot)

    assert snap_compare(LibApp(build_library()), terminal_size=(80, 24), run_before=search_and_filter)

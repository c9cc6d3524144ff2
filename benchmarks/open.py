"""Open-to-first-paint of the reader, for the median and the largest cable in ../shared/cables.

    .venv/bin/python benchmarks/open.py [--runs N] [--size 120x40]

"Open" starts when the file is handed over (parse included) and ends when the
reader's text view paints its first line, in a headless ``run_test`` app. Two ways:
in a fresh app (app start included: a bare Textual app alone takes ~100 ms to its first
paint here), and in a running app, which is the user's path (the library's Enter, a
link, a bookmark: ``TipReaderApp.open_cable``; the reader screen is reused, the cable swapped in).
Targets (issue 14, in the running app): median ≤ 50 ms, largest ≤ 150 ms, a
1,000-paragraph cable ≤ 300 ms. Also prints how long a screenful takes to paint while
paging through the 1,000-paragraph cable. Prints figures only; never fails.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

# Never touch the real settings or user database (bookmarks open at start).
_HOME = tempfile.mkdtemp(prefix="tipreader-bench-")
os.environ.setdefault("TIPREADER_HOME", os.path.join(_HOME, "data"))
os.environ.setdefault("TIPREADER_CONFIG", os.path.join(_HOME, "config.toml"))

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "ui"))

from textual import events

from tipreader.cable import parse_file
from tipreader.ui.app import TipReaderApp
from tipreader.ui.widgets.cable_view import CableView

SHARED = ROOT.parent / "shared" / "cables"


def corpus() -> list[Path]:
    """Every cable file of the shared corpus, smallest first."""
    files = [p for p in SHARED.rglob("*") if p.is_file() and p.suffix in (".html", ".txt") and "/out/" not in str(p)]
    return sorted(files, key=lambda p: p.stat().st_size)


async def open_once(path: Path, size: tuple[int, int]) -> tuple[float, float, int, float]:
    """(parse s, open-to-first-paint s, paragraphs, CPU s to first paint) for one fresh app."""
    painted: list[float] = []
    original = CableView.render_line

    def render_line(self, y):
        if not painted and self.line_count:
            painted.append(time.perf_counter())
            painted.append(time.process_time())
        return original(self, y)

    CableView.render_line = render_line
    try:
        start = time.perf_counter()
        cpu = time.process_time()
        cable = parse_file(path)[0]
        parsed = time.perf_counter()
        app = TipReaderApp(cable=cable)
        async with app.run_test(size=size) as pilot:
            while not painted:
                await pilot.pause(0.001)
        return parsed - start, painted[0] - start, len(cable.paragraphs), painted[1] - cpu
    finally:
        CableView.render_line = original


class Shelf:
    """A cable source holding parsed cables, as the library hands them to the reader."""

    def __init__(self, cables: list) -> None:
        self.cables = {c.ref_id: c for c in cables}

    def get(self, ref_id: str):
        return self.cables.get(ref_id)

    def has(self, ref_id: str) -> bool:
        return ref_id in self.cables


async def open_running(cables: list, size: tuple[int, int], runs: int) -> list[list[tuple[float, float]]]:
    """(seconds, CPU seconds) from ``open_cable(ref_id)`` to the new reader's first paint, ``runs``
    times per cable, in one running app (the cables taken in turn, so each open replaces another
    cable's reader). The CPU time is the process's (all threads): on a shared machine it says
    more than the wall clock."""
    painted: list[float] = []
    original = CableView.render_line

    def render_line(self, y):
        if not painted and self.line_count and self.screen.is_current:
            painted.append(time.perf_counter())
            painted.append(time.process_time())
        return original(self, y)

    times: list[list[tuple[float, float]]] = [[] for _ in cables]
    CableView.render_line = render_line
    try:
        app = TipReaderApp(cable=cables[-1], source=Shelf(cables))
        async with app.run_test(size=size) as pilot:
            await pilot.pause(0.2)
            for _ in range(runs):
                for i, cable in enumerate(cables):
                    await pilot.pause(0.05)  # idle between opens, as between a user's keys
                    painted.clear()
                    app.collector.saw(events.Key("enter", "\r"))  # the key that opens it (no full collection)
                    start, cpu = time.perf_counter(), time.process_time()
                    app.open_cable(cable.ref_id)
                    while not painted:
                        await pilot.pause(0.001)
                    times[i].append((painted[0] - start, painted[1] - cpu))
    finally:
        CableView.render_line = original
    return times


async def paging(n: int, size: tuple[int, int]) -> tuple[float, float, int]:
    """(open seconds, median seconds per page-down, lines) for an ``n``-paragraph cable."""
    from ui_cables import plain_cable

    cable = plain_cable(n, words=100)
    start = time.perf_counter()
    app = TipReaderApp(cable=cable)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        opened = time.perf_counter() - start
        view = app.screen.text_view
        times = []
        for _ in range(60):  # CPU time: the headless loop idles between frames
            t = time.process_time()
            await pilot.press("space")
            await pilot.pause()
            times.append(time.process_time() - t)
        return opened, statistics.median(times), view.line_count


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--size", default="120x40")
    args = parser.parse_args()
    size = tuple(int(v) for v in args.size.split("x"))
    if not SHARED.is_dir():
        print(f"no corpus at {SHARED}")
        return
    files = corpus()
    pages = [p for p in files if p.parent.name == "wikileaks-html"]
    picks = {"median": files[len(files) // 2], "largest": files[-1], "largest page": pages[-1]}
    await open_once(picks["median"], size)  # warm-up: imports, CSS parsing
    print(f"reader open-to-first-paint at {size[0]}x{size[1]}, {args.runs} runs each, parse included")
    for name, path in picks.items():
        results = [await open_once(path, size) for _ in range(args.runs)]
        parse_ms = statistics.median(r[0] for r in results) * 1000
        total = sorted(r[1] * 1000 for r in results)
        cpu_ms = statistics.median(r[3] for r in results) * 1000
        target = 100 if name == "median" else 250
        print(
            f"  {name:12} {path.relative_to(SHARED)} ({path.stat().st_size:,} bytes, {results[0][2]} paragraphs): "
            f"median {statistics.median(total):.0f} ms, best {total[0]:.0f} ms, CPU {cpu_ms:.0f} ms "
            f"(parse {parse_ms:.0f} ms; target ≤ {target} ms)"
        )
    from ui_cables import plain_cable

    cables = [parse_file(p)[0] for p in picks.values()] + [plain_cable(1000, words=100)]
    names = [*picks, "1,000 paragraphs"]
    print(f"in a running app (open_cable(ref_id) → first paint; parsed cables, as the library serves them), "
          f"{args.runs} runs each")
    for name, cable, times in zip(names, cables, await open_running(cables, size, args.runs)):
        target = 50 if name == "median" else 300 if name.startswith("1,000") else 150
        got = sorted(t * 1000 for t, _ in times)
        cpu = statistics.median(c * 1000 for _, c in times)
        print(f"  {name:16} {cable.ref_id}: median {statistics.median(got):.0f} ms, best {got[0]:.0f} ms, "
              f"CPU {cpu:.0f} ms (target ≤ {target} ms)")
    for n in (1000,):
        opened, page, lines = await paging(n, size)
        print(f"  {n:,} paragraphs ({lines:,} lines): open {opened * 1000:.0f} ms, page-down + repaint CPU median {page * 1000:.1f} ms")


if __name__ == "__main__":
    asyncio.run(main())

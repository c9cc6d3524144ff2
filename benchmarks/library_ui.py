"""Library screen benchmark: per-keystroke time to painted results, and time to open a hit.

    .venv/bin/python benchmarks/library_ui.py [--size 10000] [--home DIR [--read-only]] [--work /tmp/tipreader-ui-bench]

Uses a synthetic library (``benchmarks/library.py``'s builder: varied copies of the
real WikiLeaks pages), built under ``--work`` unless ``--home`` names an existing
library home (``/tmp/tipreader-bench/home-100000`` after ``benchmarks/library.py``).
Headless, with Pilot at 120x40: each query is typed a character at a time; for
each keystroke the time from the key to the screen showing that query's results
(debounce, search worker, list update and the next paint) is recorded; "… and the
app idle" adds what follows that paint (the next page of rows, the count). Then each
query's first hit is opened: Enter → the first paint of the reader at the hit's
paragraph with the words marked (paints are timed where Textual hands the rendered
update to the driver; "at the hit" is the scroll, line count and current match the
reader has once it says it is open); "… and its workers idle" adds the work that follows
the paint (entity colouring in a thread). Prints p50/p95/max. Figures only; nothing
here passes or fails.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")

QUERIES = ["trafficking victims", "human rights", "origin:ankara election", "minist* corruption", "government",
           "nuclear program", "tag:KTIP shelter", '"civil society"', "border security", "oil exports"]


def _pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, round(p / 100 * (len(s) - 1)))] if s else float("nan")


def ensure_library(size: int, work: Path, home: Path | None) -> Path:
    """An existing library home, or one built from a synthetic corpus of ``size`` cables."""
    from tipreader.library import Library

    if home is not None:
        return home
    home = work / f"home-{size}"
    lib = Library.open(home)
    empty = lib.is_empty()
    lib.close()
    if empty:
        from library import build_corpus, run_import  # benchmarks/library.py

        corpus = work / f"corpus-{size}"
        if not corpus.is_dir():
            print(f"building a corpus of {size:,} cables in {corpus} …", flush=True)
            build_corpus(size, corpus)
        print(f"importing into {home} …", flush=True)
        run_import(corpus, home)
    return home


async def measure(home: Path) -> dict:
    from textual import events

    from tipreader.library import Library
    from tipreader.ui.app import TipReaderApp
    from tipreader.ui.screens.reader import ReaderScreen
    from tipreader.ui.source import LibrarySource

    lib = Library.open(home)

    class Bench(TipReaderApp):  # the app itself (its services, its collector policy), on the library screen
        def __init__(self) -> None:
            super().__init__(source=LibrarySource(lib))
            self.paints: list[tuple[float, object, object]] = []

        def _display(self, screen, renderable) -> None:
            # the compositor has rendered the update by now (headless: nothing is written)
            if renderable is not None:
                view = getattr(screen, "text_view", None) if screen.is_mounted else None
                where = (view.scroll_y, view.line_count, view.current) if view is not None else None
                self.paints.append((time.perf_counter(), screen, where))
            super()._display(screen, renderable)

    async def until(pilot, done, limit: float = 30.0) -> None:
        end = time.perf_counter() + limit
        while not done():
            if time.perf_counter() > end:
                raise TimeoutError("the screen did not answer")
            await asyncio.sleep(0.001)
        await pilot.pause()  # the paint after the update

    async def painted(pilot, t0: float, done) -> tuple[float, float]:
        """Seconds from ``t0`` to the first paint once ``done()`` holds, and to the app idle after it."""
        end = time.perf_counter() + 30
        while not done():
            if time.perf_counter() > end:
                raise TimeoutError("the screen did not answer")
            await asyncio.sleep(0.001)
        shown = time.perf_counter()
        screen = app.screen
        while not any(t >= shown and s is screen for t, s, _ in app.paints):
            await asyncio.sleep(0.001)
        first = min(t for t, s, _ in app.paints if t >= shown and s is screen)
        await pilot.pause()  # the rest (more rows, the count) before the next key
        return first - t0, time.perf_counter() - t0

    collections: list[tuple[float, int, float]] = []  # (end, generation, ms): shown with BENCH_VERBOSE
    gc_start = [0.0]

    def on_gc(phase: str, info: dict) -> None:
        if phase == "start":
            gc_start[0] = time.perf_counter()
        elif info["generation"] >= 1:
            collections.append((time.perf_counter(), info["generation"], (time.perf_counter() - gc_start[0]) * 1000))

    if os.environ.get("BENCH_VERBOSE"):
        gc.callbacks.append(on_gc)
    keys: list[float] = []
    keys_idle: list[float] = []
    opens: list[float] = []
    settled: list[float] = []
    firsts: list[float] = []
    app = Bench()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        t0 = time.perf_counter()
        startup, _ = await painted(pilot, t0, lambda: screen.shown_query == "")
        for query in QUERIES:
            box = screen.query_one("#library-search")
            box.value = ""
            await until(pilot, lambda: screen.shown_query == "")
            for i, ch in enumerate(query):
                want = query[: i + 1]
                t0 = time.perf_counter()
                # the key as the terminal sends it (pilot.press would also wait for the app to go idle)
                app.post_message(events.Key("space" if ch == " " else ch, ch))
                paint, idle = await painted(pilot, t0, lambda w=want: screen.shown_query == w)
                (firsts if i == 0 else keys).append(paint)
                if i:
                    keys_idle.append(idle)
            hits = screen.query_one("#hits")
            if not hits.rows:
                continue
            t0 = time.perf_counter()
            app.post_message(events.Key("enter", None))
            opened: list[float] = []

            def painted_at_hit() -> bool:
                reader = app.screen
                if not (isinstance(reader, ReaderScreen) and reader.opened):
                    return False
                if not opened:
                    opened.append(time.perf_counter())
                return any(t >= opened[0] and s is reader for t, s, _ in app.paints)

            await until(pilot, painted_at_hit)
            # the first paint showing what the reader shows once open: its scroll, its lines, the
            # current match (the view may be there before the screen says it is open)
            view = app.screen.text_view
            there = (view.scroll_y, view.line_count, view.current)
            first_paint = min(t for t, s, w in app.paints if t >= t0 and s is app.screen and w == there)
            opens.append(first_paint - t0)
            if os.environ.get("BENCH_VERBOSE"):
                print(f"open {query!r}: {app.screen.cable.ref_id} {(first_paint - t0) * 1000:.0f} ms; paints "
                      + ", ".join(f"{(t - t0) * 1000:.0f}:{w}" for t, s, w in app.paints if t >= t0)
                      + "; collections " + ", ".join(f"gen{g} {ms:.0f} ms at {(t - t0) * 1000:.0f}"
                                                     for t, g, ms in collections if t0 <= t <= first_paint), flush=True)
            settled.append(time.perf_counter() - t0)  # and every worker after it (entities) idle
            await pilot.press("q")
            await pilot.pause()
    lib.close()
    return {"startup": startup, "keys": keys, "keys_idle": keys_idle, "first_keys": firsts, "opens": opens[1:], "first_open": opens[:1],
            "settled": settled[1:]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, default=10000, help="synthetic library size when building (default 10000)")
    ap.add_argument("--work", default="/tmp/tipreader-ui-bench", help="scratch folder for corpora and libraries")
    ap.add_argument("--home", help="an existing library home to use instead of building one")
    ap.add_argument("--read-only", action="store_true",
                    help="open the --home library as on a read-only disk (the library's own read-only mode): "
                         "nothing is written into it, so a library others use is measured as it is")
    args = ap.parse_args()
    if args.read_only:
        from tipreader.library import paths

        paths.is_read_only = lambda _library: True  # what a read-only disk says; root may write anywhere
    home = ensure_library(args.size, Path(args.work), Path(args.home) if args.home else None)
    user_home = Path(tempfile.mkdtemp(prefix="tipreader-ui-bench-"))
    os.environ["TIPREADER_HOME"] = str(user_home)  # reading positions and history go here, not into the library
    try:
        from tipreader.library import Library

        lib = Library.open(home)
        n = lib.index.searcher().num_docs
        lib.close()
        if n == 0:
            print(f"{home}: the library is empty (being rebuilt?); nothing to measure", file=sys.stderr)
            return 1
        r = asyncio.run(measure(home))
    finally:
        shutil.rmtree(user_home, ignore_errors=True)
    ms = lambda v: f"{v * 1000:7.1f} ms"
    print(f"library: {home} ({n:,} cables); queries typed: {', '.join(QUERIES)}")
    print(f"first paint of the library (recent + by date):  {ms(r['startup'])}")
    for name, values in (("keystroke → painted results", r["keys"]), ("  … and the app idle", r["keys_idle"]),
                         ("first keystroke of a query", r["first_keys"]),
                         ("Enter on a hit → reader painted", r["opens"]),
                         ("  the session's first open", r["first_open"]),
                         ("  … and its workers idle", r["settled"])):
        print(f"{name:34} n={len(values):3}  p50 {ms(_pct(values, 50))}  p95 {ms(_pct(values, 95))}  "
              f"max {ms(max(values) if values else float('nan'))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

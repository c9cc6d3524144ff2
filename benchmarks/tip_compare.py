"""Compare view open time (tipreader.ui.screens.compare) on a TIP store as large as a full library's.

    .venv/bin/python benchmarks/tip_compare.py [--countries 190] [--years 12] [--runs 15] [--work DIR]

The compare view reads only the TIP store (``library/tip.sqlite3``), never the cables
table or the index, so what sizes it is the number of submissions: every country of the
world for every year is about 190 × 12 submissions, ~100k answers (Cablegate's 250k cables
hold far fewer). The store is built from the real shared submissions (their answers and
topic keys, synced by tipreader), copied to every synthetic country and year. Printed:
the store's size, then the median and the worst of: ``for_answer`` (the queries), and the
view's open in a headless app at 80×24 (push to first paint, lists filled and diffs drawn).
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SUBMISSIONS = ["06REYKJAVIK68", "07REYKJAVIK49", "08REYKJAVIK36", "09REYKJAVIK49", "09REYKJAVIK50", "10REYKJAVIK31",
               "09TRIPOLI154", "10CAIRO211", "07SANJOSE524", "06SANJOSE481"]


def build(work: Path, countries: int, years: int) -> Path:
    from tipreader.library import Library
    from tipreader.tip import store

    html = ROOT.parent / "shared" / "cables" / "wikileaks-html"
    lib = Library.open(work)
    try:
        lib.import_paths([html / f"{r}.html" for r in SUBMISSIONS], workers=1, entities=False)
        store.sync(lib)
        path = store.db_path(lib)
    finally:
        lib.close()
    con = sqlite3.connect(path)
    rows = con.execute("SELECT * FROM answers").fetchall()
    cols = len(rows[0])
    by_sub: dict[tuple, list] = {}
    for r in rows:
        by_sub.setdefault((r[2], r[4]), []).append(r)  # (country, report_year): one submission
    subs = list(by_sub.values())
    out = []
    for c in range(countries):
        for y in range(years):
            for r in subs[(c + y) % len(subs)]:
                r = list(r)
                r[0] = f"{y % 100:02d}POST{c}X{r[0]}"  # ref_id
                r[2] = f"Country {c:03d}"
                r[3] = ["AF", "EAP", "EUR", "NEA", "SCA", "WHA"][c % 6]
                r[4] = 2001 + y
                out.append(r)
    con.executemany(f"INSERT OR IGNORE INTO answers VALUES ({','.join('?' * cols)})", out)
    con.commit()
    con.close()
    return path


async def _open_times(path: Path, targets: list[tuple[str, int]]) -> list[float]:
    from textual.app import App

    from tipreader.tip.compare import for_answer
    from tipreader.ui.screens.compare import CompareScreen

    times = []

    class Host(App[None]):
        pass

    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        from textual.screen import Screen
        from textual.widgets import Footer, Static

        class Baseline(Screen[None]):
            def compose(self):
                yield Static("baseline")
                yield Footer()

        base = []
        for _ in targets:  # the cost of any screen with a footer on this machine now, for a ratio
            start = time.perf_counter()
            await app.push_screen(Baseline())
            await pilot.pause()
            base.append(time.perf_counter() - start)
            app.pop_screen()
            await pilot.pause()
        print(f"baseline (a screen with a Static and the footer): median {statistics.median(base) * 1000:.0f} ms")
        for ref_id, q_index in targets:
            start = time.perf_counter()
            con = sqlite3.connect(path)
            data = for_answer(con, ref_id, q_index)
            con.close()
            screen = CompareScreen(data)
            await app.push_screen(screen)
            await pilot.pause()
            times.append(time.perf_counter() - start)
            app.pop_screen()
            await pilot.pause()
    return times


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--countries", type=int, default=190)
    ap.add_argument("--years", type=int, default=12)
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--work", default=None)
    args = ap.parse_args()
    work = Path(args.work or tempfile.mkdtemp(prefix="tipreader-compare-"))
    try:
        path = build(work, args.countries, args.years)
        con = sqlite3.connect(path)
        n = con.execute("SELECT COUNT(*) FROM answers").fetchone()[0]
        subs = con.execute("SELECT COUNT(DISTINCT country || report_year) FROM answers").fetchone()[0]
        targets = con.execute("SELECT ref_id, q_index FROM answers WHERE topic IS NOT NULL ORDER BY random() LIMIT ?",
                              (args.runs,)).fetchall()
        con.close()
        print(f"TIP store: {n:,} answers, {subs:,} submissions ({path.stat().st_size / 1e6:.1f} MB)")
        from tipreader.tip.compare import for_answer

        q = []
        for ref_id, q_index in targets:
            start = time.perf_counter()
            con = sqlite3.connect(path)
            for_answer(con, ref_id, q_index)
            con.close()
            q.append(time.perf_counter() - start)
        print(f"queries (for_answer): median {statistics.median(q) * 1000:.1f} ms, worst {max(q) * 1000:.1f} ms")
        t = asyncio.run(_open_times(path, targets))
        print(f"compare view open to first paint at 80x24: median {statistics.median(t) * 1000:.0f} ms, "
              f"worst {max(t) * 1000:.0f} ms (target <= 150 ms)")
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Bookmarks: cost of a durable write, of listing with status, of exporting.

Usage: python benchmarks/bookmarks.py [--count N]

In a temporary home: N bookmarks on hand-built cables of 30 paragraphs (N/30 cables),
each written in its own transaction (WAL, synchronous=FULL); then ``all()``,
``place_all`` against an in-memory dict of cables (the status check itself, not the
library's decoding), ``toggle`` on a cable, and the Markdown export.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tipreader.cable.model import Cable, Paragraph
from tipreader.export.bookmarks import bookmarks_to_markdown
from tipreader.library.bookmarks import BookmarkStore, place_all


def _cable(k: int) -> Cable:
    paras = tuple(Paragraph(i, i + 1, "SBU", 1, f"Cable {k} paragraph {i}. " + "Words of the cable. " * 30)
                  for i in range(30))
    return Cable(source="b", format="raw", ref_id=f"09BENCH{k}", subject=f"Bench cable {k}",
                 date="2009-01-01T00:00:00Z", origin="Embassy Bench", paragraphs=paras)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        os.environ["TIPREADER_HOME"] = home
        cables = {c.ref_id: c for c in (_cable(k) for k in range(max(1, args.count // 30 + 1)))}
        order = [(c, i) for c in cables.values() for i in range(30)][: args.count]
        with BookmarkStore.open() as store:
            times = []
            for cable, i in order:
                t = time.perf_counter()
                store.add(cable, i, note=f"note {i}")
                times.append(time.perf_counter() - t)
            print(f"add (own transaction each): median {statistics.median(times) * 1000:.2f} ms, "
                  f"p95 {sorted(times)[int(len(times) * 0.95)] * 1000:.2f} ms over {len(times)}")
            t = time.perf_counter()
            marks = store.all()
            print(f"all(): {len(marks)} bookmarks in {(time.perf_counter() - t) * 1000:.1f} ms")
            t = time.perf_counter()
            placed = place_all(marks, cables.get)
            print(f"place_all (status): {(time.perf_counter() - t) * 1000:.1f} ms")
            cable = next(iter(cables.values()))
            t = time.perf_counter()
            store.toggle(cable, 5)
            store.toggle(cable, 5)
            print(f"toggle twice on a 30-paragraph cable: {(time.perf_counter() - t) * 1000:.2f} ms")
            t = time.perf_counter()
            md = bookmarks_to_markdown(placed)
            print(f"Markdown export: {len(md) / 1e6:.2f} MB in {(time.perf_counter() - t) * 1000:.0f} ms")
            t = time.perf_counter()
            store.search("paragraph 7 note")
            print(f"search over all: {(time.perf_counter() - t) * 1000:.1f} ms")
        t = time.perf_counter()
        BookmarkStore.open().close()
        size = Path(home, "user.sqlite3").stat().st_size
        print(f"open (damage check included), {size / 1e6:.1f} MB database: {(time.perf_counter() - t) * 1000:.1f} ms")


if __name__ == "__main__":
    main()

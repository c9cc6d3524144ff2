"""What a library stores and how fast a stored cable comes back, for a library ``library.py`` built.

    .venv/bin/python benchmarks/library_store.py --home /tmp/tipreader-bench/home-10000 [--rounds 5] [--no-sizes]

- Storage: the database VACUUMed into a scratch copy (no WAL, no free pages: what the library
  holds), the index folder, each against the cables' text; then each table and index
  (SQLite's ``dbstat``), largest first. Target (issue 16): database + index ≤ 1.5× the text.
- ``get(ref_id)``: 200 cables drawn with a fixed seed, each read once to warm the pages and
  the originals' heads, then ``--rounds`` times each: median and mean per read, in CPU time
  of the reading thread (steady on a shared machine) and in wall time. Target (issue 16):
  as fast as before the library stored cables as data (a pickle per cable).
Figures only; never fails.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def sizes(home: Path) -> None:
    """Print the storage figures of the library under ``home``."""
    folder = home / "library"
    with tempfile.TemporaryDirectory(prefix="tipreader-store-") as tmp:
        copy = Path(tmp) / "copy.sqlite3"
        src = sqlite3.connect(f"file:{folder / 'library.sqlite3'}?mode=ro", uri=True)
        dst = sqlite3.connect(copy)
        src.backup(dst)
        src.close()
        dst.execute("VACUUM")
        text = dst.execute("SELECT sum(size) FROM cables").fetchone()[0] or 1
        count = dst.execute("SELECT count(*) FROM cables").fetchone()[0]
        db = os.path.getsize(copy)
        index = sum(f.stat().st_size for f in (folder / "index").rglob("*") if f.is_file())
        print(f"cables {count:,}   text {text / 1e6:.1f} MB")
        print(f"database {db / 1e6:.1f} MB = {db / text:.3f}x   index {index / 1e6:.1f} MB = {index / text:.3f}x   "
              f"database + index = {(db + index) / text:.3f}x")
        for name, size in dst.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 12"):
            print(f"  {name:34s} {size / 1e6:8.1f} MB  {size / text:.3f}x")
        dst.close()


def reads(home: Path, rounds: int) -> None:
    """Print the time of ``Library.get`` over a fixed sample of the library's cables."""
    from tipreader.library import Library

    with Library.open(home) as lib:
        ids = sorted(r[0] for r in lib.connection.execute("SELECT ref_id FROM cables"))
        pick = random.Random(1).sample(ids, min(200, len(ids)))
        for ref in pick:
            lib.get(ref)
        cpu: list[float] = []
        wall: list[float] = []
        for _ in range(rounds):
            for ref in pick:
                t, c = time.perf_counter(), time.thread_time()
                lib.get(ref)
                cpu.append((time.thread_time() - c) * 1000)
                wall.append((time.perf_counter() - t) * 1000)
    print(f"get(ref_id) over {len(pick)} cables × {rounds}: cpu median {statistics.median(cpu):.3f} ms, "
          f"mean {statistics.fmean(cpu):.3f} ms | wall median {statistics.median(wall):.3f} ms, "
          f"mean {statistics.fmean(wall):.3f} ms")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--home", required=True, help="a library's home (library.py's --work/home-N)")
    ap.add_argument("--rounds", type=int, default=5, help="reads of each sampled cable (default 5)")
    ap.add_argument("--no-sizes", action="store_true", help="only time get(ref_id)")
    args = ap.parse_args()
    home = Path(args.home)
    if not (home / "library" / "library.sqlite3").is_file():
        print(f"library_store: no library under {home}", file=sys.stderr)
        return 1
    if not args.no_sizes:
        sizes(home)
    reads(home, args.rounds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

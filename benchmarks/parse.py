"""Parse throughput over ../shared/cables: MB/s on one core, median of several runs.

    .venv/bin/python benchmarks/parse.py [--runs 5] [--corpus PATH]

Files are read into memory first, so the figure is parsing alone (decoding, markup
removal, header, paragraphs, structure). Target: at least 10 MB/s, so Cablegate's
1.7 GB parses in under 3 minutes.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tipreader.cable import CableError, iter_bytes


def load(corpus: Path) -> list[tuple[str, bytes]]:
    files = sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix in {".html", ".txt", ".csv"})
    return [(str(p), p.read_bytes()) for p in files]


def one_run(blobs: list[tuple[str, bytes]]) -> tuple[float, int, int]:
    cables = failed = 0
    start = time.perf_counter()
    for name, data in blobs:
        for item in iter_bytes(data, name):
            if isinstance(item, CableError):
                failed += 1
            else:
                cables += 1
    return time.perf_counter() - start, cables, failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "cables")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    blobs = load(args.corpus)
    size_mb = sum(len(b) for _, b in blobs) / 1e6
    times = []
    for _ in range(args.runs):
        seconds, cables, failed = one_run(blobs)
        times.append(seconds)
    median = statistics.median(times)
    print(f"files: {len(blobs)}  input: {size_mb:.1f} MB  cables: {cables}  failed: {failed}")
    print(f"parse time median of {args.runs}: {median:.2f} s  (min {min(times):.2f}, max {max(times):.2f})")
    print(f"throughput: {size_mb / median:.1f} MB/s on one core  (target >= 10 MB/s)")
    print(f"Cablegate 1.7 GB at this rate: {1700 / (size_mb / median) / 60:.1f} min  (target < 3 min)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

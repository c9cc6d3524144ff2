"""Parse throughput over ../shared/cables, on one core, median of several runs.

    .venv/bin/python benchmarks/parse.py [--runs 5] [--corpus PATH] [--only text|pages]

Two figures:

- **text MB/s**: the cables' own text (routing header + body, as the Cablegate CSV holds
  it) parsed from a cables CSV built in memory from the corpus's WikiLeaks pages. This
  is the rate at which the 1.7 GB Cablegate CSV parses. Target: at least 20 MB/s, so the
  whole CSV parses in under 1.5 minutes.
- **page MB/s**: every file of the corpus as stored (HTML pages with their markup,
  scraped text), markup removal and decoding included.

Times are the process's CPU time (the machine is shared: wall time would measure the
neighbours). Files are read into memory first, so the figures are parsing alone (decoding, markup
removal, header, paragraphs, structure; no entities).
"""

from __future__ import annotations

import argparse
import csv
import io
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tipreader.cable import CableError, iter_bytes
from tipreader.cable.formats import read_bytes

TARGET_TEXT = 20.0


def load(corpus: Path) -> list[tuple[str, bytes]]:
    files = sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix in {".html", ".txt", ".csv"})
    return [(str(p), p.read_bytes()) for p in files]


def _esc(text: str) -> str:
    """The CSV's backslash escapes: a backslash is written doubled (the reader takes ``\\"`` as a quote)."""
    return text.replace("\\", "\\\\")


def build_csv(blobs: list[tuple[str, bytes]]) -> tuple[bytes, int]:
    """A cables CSV (8 columns) of the WikiLeaks pages' text, and the text's size in bytes."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    text_bytes = 0
    row = 0
    for name, data in blobs:
        if "wikileaks-html" not in name:
            continue
        for raw in read_bytes(data, name):
            if isinstance(raw, CableError):
                continue
            row += 1
            meta = raw.meta
            created = str(meta.get("created") or "2000-01-01T00:00")
            y, mo, d = created[:10].split("-")
            stamp = f"{int(mo)}/{int(d)}/{y} {created[11:16] or '00:00'}"
            refs = "|".join(meta.get("references") or [])
            writer.writerow(
                [row, stamp, meta.get("ref_id", ""), meta.get("origin", ""), meta.get("classification", ""),
                 refs, _esc(raw.header), _esc(raw.body)]
            )
            text_bytes += len(raw.header.encode()) + len(raw.body.encode())
    return out.getvalue().encode(), text_bytes


def one_run(blobs: list[tuple[str, bytes]]) -> tuple[float, int, int]:
    cables = failed = 0
    start = time.process_time()
    for name, data in blobs:
        for item in iter_bytes(data, name):
            if isinstance(item, CableError):
                failed += 1
            else:
                cables += 1
    return time.process_time() - start, cables, failed


def measure(label: str, blobs: list[tuple[str, bytes]], size_mb: float, runs: int) -> float:
    times = []
    cables = failed = 0
    for _ in range(runs):
        seconds, cables, failed = one_run(blobs)
        times.append(seconds)
    median = statistics.median(times)
    rate = size_mb / median
    print(f"{label}: {size_mb:.1f} MB, cables: {cables}, failed: {failed}")
    print(f"  median of {runs}: {median:.2f} s  (min {min(times):.2f}, max {max(times):.2f})  → {rate:.1f} MB/s")
    return rate


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "cables")
    parser.add_argument("--only", choices=("text", "pages"), default=None)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    blobs = load(args.corpus)
    if args.only != "pages":
        data, text_bytes = build_csv(blobs)
        rate = measure("text (cables CSV of the WikiLeaks pages)", [("corpus.csv", data)], text_bytes / 1e6, args.runs)
        print(f"  text MB/s: {rate:.1f} on one core (target >= {TARGET_TEXT:.0f});"
              f" Cablegate's 1.7 GB CSV at this rate: {1700 / rate / 60:.1f} min (target < 1.5 min)")
    if args.only != "text":
        size_mb = sum(len(b) for _, b in blobs) / 1e6
        rate = measure(f"pages ({len(blobs)} files as stored)", blobs, size_mb, args.runs)
        print(f"  page MB/s: {rate:.1f} on one core")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Entity and bookmark fields in library search: query times on a library built by ``benchmarks/library.py``.

    .venv/bin/python benchmarks/library.py --sizes 10000 --no-fts5 --no-grep --work /tmp/tipreader-bench
    .venv/bin/python benchmarks/library_fields.py --home /tmp/tipreader-bench/home-10000

Times (top 20 with snippets, warm, p50/p95 over several rounds) a mix of entity
queries (``person:``, ``org:"..."``, ``place:``, ``acronym:``, ``entity:``, a prefix,
an entity with a word) and bookmark filters (``bookmarked:yes``, ``bookmarked:no``,
``note:``) against a scratch BookmarkStore holding ``--bookmarks`` bookmarks on random
cables. Prints hits and milliseconds; nothing here is a pass/fail test.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ENTITY = ["person:clinton", 'person:"hillary clinton"', 'org:"united nations"', "place:baghdad",
          "acronym:NATO", "entity:IAEA", "person:chav*", "place:ankara election", 'org:"european union" trade']
BOOKMARK = ["bookmarked:yes", "bookmarked:no", "note:follow", "bookmarked:yes president", 'note:"check this"']


def _pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p * (len(values) - 1)))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--home", required=True, help="a library home made by benchmarks/library.py (home-N)")
    ap.add_argument("--rounds", type=int, default=15, help="timed rounds per query (default 15)")
    ap.add_argument("--bookmarks", type=int, default=500, help="bookmarks in the scratch store (default 500)")
    args = ap.parse_args()

    from tipreader.library import Library
    from tipreader.library.bookmarks import BookmarkStore

    lib = Library.open(args.home)
    if lib.index_stale:
        print("the index is of an older layout: rebuilding it first ...", flush=True)
        t = time.perf_counter()
        lib.rebuild()
        print(f"rebuilt in {time.perf_counter() - t:.0f}s", flush=True)
    refs = [s.ref_id for s in lib.list_cables(limit=100_000)]
    rng = random.Random(7)
    store = BookmarkStore(Path(tempfile.mkdtemp(prefix="tipreader-bench-user-")) / "user.sqlite3")
    for i, ref in enumerate(rng.sample(refs, min(args.bookmarks, len(refs)))):
        cable = lib.get(ref)
        if cable is not None and cable.paragraphs:
            store.add(cable, 0, note="follow up: check this" if i % 3 == 0 else "")
    print(f"{lib.total()} cables, {store.count()} bookmarks")
    print(f"{'query':40} {'hits':>7} {'p50 ms':>8} {'p95 ms':>8}")
    all_times: dict[str, list[float]] = {"entity": [], "bookmark": []}
    for kind, queries in (("entity", ENTITY), ("bookmark", BOOKMARK)):
        for q in queries:
            lib.search(q, limit=20, bookmarks=store)  # warm
            times = []
            for _ in range(args.rounds):
                t = time.perf_counter()
                lib.search(q, limit=20, bookmarks=store)
                times.append((time.perf_counter() - t) * 1000)
            all_times[kind].extend(times)
            print(f"{q:40} {lib.count(q, bookmarks=store):>7} {statistics.median(times):8.2f} {_pct(times, 0.95):8.2f}")
    for kind, times in all_times.items():
        print(f"all {kind} queries: p50 {statistics.median(times):.2f} ms, p95 {_pct(times, 0.95):.2f} ms")
    store.close()
    lib.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

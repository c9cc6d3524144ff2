"""Team store load: N writer processes × M items each pushed to one PostgreSQL server.

    .venv/bin/python benchmarks/team_load.py [--writers 20] [--items 500] [--per-push 25] [--url URL]

Without ``--url`` a throwaway local cluster is started (as tipreader's tests do) and removed
after. Each writer is its own process with its own home (user database) and login (a
member created with ``team add-member``'s code); it bookmarks ``--items`` paragraphs (with
notes) and pushes every ``--per-push`` new items with the real sync code, timing each push.
Then the server is checked: every item there once (0 lost, 0 duplicated). Prints the
throughput (items/s over the whole run) and the p50/p95 latency of one push. Figures only.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
MEXICO = ROOT / "sample_cables" / "08MEXICO721.txt"


def writer(n: int, url: str, items: int, per_push: int, home: str, out: mp.Queue) -> None:
    from tipreader.cable import parse_file
    from tipreader.library.bookmarks import BookmarkStore
    from tipreader.userdata.local import LocalItems
    from tipreader.userdata.team import TeamServer, TeamSettings, sync

    base = parse_file(MEXICO)[0]
    paras = len(base.paragraphs)
    store = BookmarkStore.open(home)
    local = LocalItems.open(home)
    latencies: list[float] = []
    made = 0
    with TeamServer.connect(TeamSettings(url)) as server:
        while made < items:
            for _ in range(min(per_push, items - made)):
                cable = replace(base, ref_id=f"09LOAD{n}X{made // paras}")
                store.add(cable, made % paras, note=f"writer {n} item {made}")
                made += 1
            t0 = time.perf_counter()
            sync(server, local, store.all(), pull=False)
            latencies.append(time.perf_counter() - t0)
    store.close()
    local.close()
    out.put((n, latencies))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--writers", type=int, default=20)
    ap.add_argument("--items", type=int, default=500)
    ap.add_argument("--per-push", type=int, default=25)
    ap.add_argument("--url", help="an admin URL of an existing server (default: a throwaway local one)")
    args = ap.parse_args()

    import psycopg

    from tipreader.userdata.pg_local import LocalCluster
    from tipreader.userdata.team import TeamServer, TeamSettings

    cluster = None
    url = args.url
    if url is None:
        cluster = LocalCluster.create()
        cluster.start()
        url = cluster.url()
    try:
        with TeamServer.connect(TeamSettings(url)) as admin:
            admin.init()
            admin.con.execute("TRUNCATE tipreader.items")
            for n in range(args.writers):
                admin.add_member(f"load{n}", f"pw{n}")
        info = psycopg.conninfo.conninfo_to_dict(url)
        urls = [psycopg.conninfo.make_conninfo(url, user=f"load{n}", password=f"pw{n}") for n in range(args.writers)]
        homes = tempfile.mkdtemp(prefix="tipreader-load-")
        ctx = mp.get_context("spawn")
        out: mp.Queue = ctx.Queue()
        procs = [ctx.Process(target=writer, args=(n, urls[n], args.items, args.per_push, f"{homes}/w{n}", out))
                 for n in range(args.writers)]
        t0 = time.perf_counter()
        for p in procs:
            p.start()
        results = [out.get(timeout=1800) for _ in procs]
        for p in procs:
            p.join()
        wall = time.perf_counter() - t0
        with psycopg.connect(url, autocommit=True) as con:
            total, distinct = con.execute(
                "SELECT count(*), count(DISTINCT (author, ref_id, anchor)) FROM tipreader.items").fetchone()
        expected = args.writers * args.items
        lat = sorted(x for _, ls in results for x in ls)
        p95 = lat[min(len(lat) - 1, int(0.95 * len(lat)))]
        print(f"server: {info.get('host')}:{info.get('port')}  writers: {args.writers} processes × {args.items} items, "
              f"{args.per_push} per push")
        print(f"items on the server: {total:,} (expected {expected:,}); lost {expected - distinct:,}; "
              f"duplicated {total - distinct:,}")
        print(f"wall time {wall:.1f} s (process start-up included); throughput {total / wall:,.0f} items/s")
        print(f"one push of {args.per_push} items: p50 {statistics.median(lat) * 1000:.0f} ms, "
              f"p95 {p95 * 1000:.0f} ms, max {lat[-1] * 1000:.0f} ms ({len(lat)} pushes)")
    finally:
        if cluster is not None:
            cluster.destroy()


if __name__ == "__main__":
    main()

"""Library benchmark: synthetic libraries built from the real cables, import and search figures.

    .venv/bin/python benchmarks/library.py --sizes 10000,100000 [--work /tmp/tipreader-bench] [--no-fts5]

For each size: writes N WikiLeaks pages made from ../shared/cables/wikileaks-html (ids,
dates and some words varied, so the text statistics stay real), imports them with
``Library.import_paths`` (2 parse workers, parsing included), then in a fresh process
opens the library and times a fixed query mix (top 20 with snippets): rare word, very
common word, two words AND, a phrase, a prefix, a field filter with a word — p50/p95 warm
and the first query after opening — and the same searches as a linear ``grep -rli`` scan
over the files (and ``rg`` when installed), as a ratio. With FTS5 on (the default) the
same cables also go into an SQLite FTS5 table (porter, diacritics removed, bm25 with the
subject weighted) and the same mix is timed there, for the engine comparison.
Figures go to stdout; nothing here is a pass/fail test.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SOURCE = ROOT.parent / "shared" / "cables" / "wikileaks-html"

QUERIES = {
    "rare word": ["zanzibar", "kyrgyzstan", "ouagadougou", "antananarivo", "nouakchott", "tegucigalpa"],
    "common word": ["government", "minister", "embassy", "said", "president", "security"],
    "two words AND": ["human trafficking", "prime minister", "election fraud", "oil exports", "nuclear program",
                      "border security"],
    "phrase": ['"human rights"', '"prime minister"', '"foreign ministry"', '"national security"', '"civil society"',
               '"european union"'],
    "prefix": ["traff*", "negotiat*", "elect*", "minist*", "corrupt*", "terror*"],
    "field + word": ["origin:ankara election", "tag:KTIP victims", "class:secret nuclear", "date:2008 president",
                     "tag:PREL china", "origin:brasilia ethanol"],
}
GREP = {  # what a linear scan looks for, per class (case-insensitive fixed strings)
    "rare word": ["zanzibar"], "common word": ["government"], "two words AND": ["human", "trafficking"],
    "phrase": ["human rights"], "prefix": ["traff"], "field + word": ["Embassy Ankara", "election"],
}
VARY = [("government", "administration"), ("meeting", "session"), ("officials", "authorities"),
        ("said", "stated"), ("important", "significant")]


def build_corpus(n: int, out: Path, seed: int = 7, keep: bool = False) -> tuple[int, float]:
    """Write ``n`` varied WikiLeaks pages under ``out``; returns (bytes, seconds).
    ``keep``: re-use a corpus of ``n`` pages already there (the same seed wrote it)."""
    t0 = time.perf_counter()
    marker = out / f".complete-{n}-{seed}"
    if keep and marker.exists():
        return int(marker.read_text()), 0.0
    if out.exists():
        shutil.rmtree(out)
    pages = sorted(SOURCE.glob("*.html"))
    rng = random.Random(seed)
    total = 0
    texts = {}
    for i in range(n):
        src = pages[i % len(pages)]
        if src not in texts:
            texts[src] = src.read_text(encoding="utf-8", errors="replace")
        page = texts[src]
        ref = src.stem
        m = re.match(r"(\d\d)([A-Z]+)", ref)
        new_ref = f"{m.group(1)}{m.group(2)}{900000 + i}" if m else f"{ref}X{i}"
        page = page.replace(ref, new_ref)
        year = rng.randint(1985, 2010)
        page = re.sub(r"(/date/)\d{4}(-\d\d_0\.html'>)\d{4}", lambda mm: f"{mm.group(1)}{year}{mm.group(2)}{year}", page, count=1)
        for a, b in rng.sample(VARY, 2):
            page = page.replace(f" {a} ", f" {b} ", 1)
        d = out / f"{i // 1000:04d}"
        d.mkdir(parents=True, exist_ok=True)
        data = page.encode("utf-8")
        (d / f"{new_ref}.html").write_bytes(data)
        total += len(data)
    marker.write_text(str(total))
    return total, time.perf_counter() - t0


def _maxrss_mb(who=resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def _cpu_seconds() -> float:
    """CPU seconds of this process and of its finished children (the parse workers): the figure
    that holds on a shared machine, where wall time depends on everyone else's load."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _status_mb(key: str, pid: int | str = "self") -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class _MemorySampler:
    """Peak resident memory of this process and of its worker processes, sampled from /proc
    twice a second: all of it (RSS, which counts the index files tantivy maps and reads
    while merging: page cache the kernel can drop) and the anonymous part (RssAnon: heaps).
    ``ru_maxrss`` is no use for the workers: a child spawned by a big parent inherits the
    parent's resident pages for the instant between fork and exec."""

    def __init__(self) -> None:
        import os
        import threading

        self.me = os.getpid()
        self.peak = {"writer": 0.0, "writer_anon": 0.0, "worker": 0.0, "worker_anon": 0.0}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _children(self) -> list[int]:
        out = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == self.me:
                        out.append(int(entry.name))
                except (OSError, ValueError, IndexError):
                    pass
        return out

    def _run(self) -> None:
        while not self.stop.wait(0.5):
            p = self.peak
            p["writer"] = max(p["writer"], _status_mb("VmRSS"))
            p["writer_anon"] = max(p["writer_anon"], _status_mb("RssAnon"))
            for pid in self._children():
                p["worker"] = max(p["worker"], _status_mb("VmRSS", pid))
                p["worker_anon"] = max(p["worker_anon"], _status_mb("RssAnon", pid))

    def done(self) -> dict:
        self.stop.set()
        self.thread.join()
        return self.peak


ONE_PASS = False  # --one-pass: entities found by the parse workers during the import


def run_import(corpus: Path, home: Path) -> dict:
    """Import the corpus into a fresh library; throughput and sizes."""
    from tipreader.library import Library

    if home.exists():
        shutil.rmtree(home)
    lib = Library.open(home)
    sampler = _MemorySampler()
    t0 = time.perf_counter()
    cpu0 = _cpu_seconds()
    report = lib.import_paths([corpus], workers=2, one_pass=ONE_PASS)
    total = time.perf_counter() - t0
    cpu = _cpu_seconds() - cpu0
    peak = sampler.done()
    dt = report.progress.searchable_after or total  # stored, indexed and searchable; the entity pass follows
    st = lib.stats()
    pending = lib.entities_pending()
    lib.close()
    files_bytes = sum(p.stat().st_size for p in corpus.rglob("*.html"))
    return {
        "cables": st.cables, "failed": report.progress.failed, "seconds": dt,
        "entity_seconds": total - dt, "total_seconds": total, "entities_pending": pending,
        "cpu_seconds": cpu,
        "cables_per_s": st.cables / dt, "file_mb_per_s": files_bytes / dt / 1e6, "text_mb_per_s": st.bytes / dt / 1e6,
        "text_mb": st.bytes / 1e6, "index_mb": st.index_bytes / 1e6, "db_mb": st.database_bytes / 1e6,
        "index_ratio": st.index_bytes / max(1, st.bytes), "db_ratio": st.database_bytes / max(1, st.bytes),
        "writer_peak_rss_mb": peak["writer"], "writer_peak_anon_mb": peak["writer_anon"],
        "worker_peak_rss_mb": peak["worker"], "worker_peak_anon_mb": peak["worker_anon"],
    }


def _pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def query_phase(home: Path) -> dict:
    """Runs in a fresh process: open, first query per class, then warm p50/p95; RSS."""
    from tipreader.library import Library

    out: dict = {"first": {}, "warm": {}, "hits": {}}
    t0 = time.perf_counter()
    lib = Library.open(home)
    out["open_ms"] = (time.perf_counter() - t0) * 1000
    for cls, qs in QUERIES.items():  # the first query of each class, each on a freshly opened library
        lib.close()
        lib = Library.open(home)
        t = time.perf_counter()
        lib.search(qs[0], limit=20)
        out["first"][cls] = (time.perf_counter() - t) * 1000
    for cls, qs in QUERIES.items():
        times = []
        for _ in range(5):
            for q in qs:
                t = time.perf_counter()
                hits = lib.search(q, limit=20)
                times.append((time.perf_counter() - t) * 1000)
        out["warm"][cls] = (_pct(times, 50), _pct(times, 95))
        out["hits"][cls] = lib.count(qs[0])
    t = time.perf_counter()
    for _ in range(50):
        lib.get(hits[0].ref_id if hits else "X")
    out["get_ms"] = (time.perf_counter() - t) * 1000 / 50
    out["rss_mb"] = _status_mb("VmHWM") or _maxrss_mb()  # ru_maxrss survives exec: use the kernel's own peak
    out["rss_now_mb"] = _status_mb("VmRSS")
    out["rss_anon_mb"] = _status_mb("RssAnon")  # resident memory not counting mapped index files
    return out


def fts5_phase(home: Path, fts_path: Path) -> dict:
    """Build an FTS5 index of the same cables and time the same mix (top 20, bm25, snippet)."""
    from tipreader.library import Library

    if fts_path.exists():
        fts_path.unlink()
    lib = Library.open(home)
    con = sqlite3.connect(fts_path)
    con.execute("CREATE VIRTUAL TABLE f USING fts5(subject, body, origin UNINDEXED, tags, cls, day UNINDEXED, "
                "tokenize='porter unicode61 remove_diacritics 2')")
    t0 = time.perf_counter()
    nbytes = 0
    rows = [r[0] for r in lib.connection.execute("SELECT ref_id FROM cables")]
    t_decode = time.perf_counter()
    batch = []
    for ref_id in rows:
        c = lib.get(ref_id)
        body = "\n\n".join(p.text for p in c.paragraphs) or c.body_text
        nbytes += len(body)
        batch.append((c.subject or "", body, c.origin or "", " ".join(c.tags), c.classification or "",
                      int((c.date or "0000")[:4])))
        if len(batch) >= 2000:
            con.executemany("INSERT INTO f VALUES (?,?,?,?,?,?)", batch)
            batch = []
    con.executemany("INSERT INTO f VALUES (?,?,?,?,?,?)", batch)
    con.commit()
    build = time.perf_counter() - t_decode
    lib.close()
    _fts_q = {
        "rare word": "zanzibar", "common word": "government", "two words AND": "human trafficking",
        "phrase": '"human rights"', "prefix": "traff*", "field + word": None,
    }
    out = {"build_s": build, "decode_s": t_decode - t0, "text_mb_per_s": nbytes / build / 1e6,
           "size_ratio": fts_path.stat().st_size / max(1, nbytes), "warm": {}}
    sql = ("SELECT rowid, snippet(f, 1, '**', '**', '…', 20) FROM f WHERE f MATCH ? "
           "ORDER BY bm25(f, 2.5, 1.0, 0, 0, 0) LIMIT 20")
    for cls, qs in QUERIES.items():
        times = []
        for _ in range(3):
            for q in qs:
                mq = _to_fts(q)
                t = time.perf_counter()
                con.execute(sql, (mq,)).fetchall()
                times.append((time.perf_counter() - t) * 1000)
        out["warm"][cls] = (_pct(times, 50), _pct(times, 95))
    con.close()
    return out


def _to_fts(q: str) -> str:
    """The benchmark's queries in FTS5 syntax (field filters become column filters)."""
    parts = []
    for tok in re.findall(r'"[^"]*"|\S+', q):
        if tok.startswith(("origin:", "tag:", "class:", "date:")):
            field, _, value = tok.partition(":")
            if field == "origin":
                parts.append(f'subject:"{value}" OR body:"{value}"')  # origin is UNINDEXED: approximate
            elif field == "tag":
                parts.append(f'tags:"{value}"')
            elif field == "class":
                parts.append(f'cls:"{value}"')
            else:
                parts.append(f'body:"{value}"')
        else:
            parts.append(tok)
    return " AND ".join(f"({p})" for p in parts)


def grep_phase(corpus: Path) -> dict:
    """Linear scans over the files: grep -rli (and rg when installed), seconds per class."""
    out: dict = {}
    tools = [("grep", ["grep", "-rliF"])]
    if shutil.which("rg"):
        tools.append(("rg", ["rg", "-liF"]))
    for name, cmd in tools:
        subprocess.run(cmd + ["zzzz-warm-cache", str(corpus)], capture_output=True)
        times = {}
        for cls, words in GREP.items():
            t = time.perf_counter()
            subprocess.run(cmd + [words[0], str(corpus)], capture_output=True)
            times[cls] = time.perf_counter() - t
        out[name] = times
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10000,100000", help="comma-separated library sizes (default 10000,100000)")
    ap.add_argument("--work", default="/tmp/tipreader-bench", help="scratch folder (corpora, libraries)")
    ap.add_argument("--no-fts5", action="store_true", help="skip the SQLite FTS5 comparison")
    ap.add_argument("--no-grep", action="store_true", help="skip the linear-scan comparison")
    ap.add_argument("--keep-corpus", action="store_true", help="re-use corpora written by an earlier run")
    ap.add_argument("--query-only", metavar="HOME", help=argparse.SUPPRESS)
    ap.add_argument("--one-pass", action="store_true",
                    help="find the entities in the parse workers during the import (no second pass)")
    ap.add_argument("--import-only", nargs=2, metavar=("CORPUS", "HOME"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one_pass:
        global ONE_PASS
        ONE_PASS = True
    if args.import_only:
        print(json.dumps(run_import(Path(args.import_only[0]), Path(args.import_only[1]))))
        return 0
    if args.query_only:
        print(json.dumps(query_phase(Path(args.query_only))))
        return 0
    if not SOURCE.is_dir():
        print(f"benchmark needs {SOURCE}", file=sys.stderr)
        return 2
    work = Path(args.work)
    results = {}
    for n in [int(s) for s in args.sizes.split(",") if s.strip()]:
        corpus, home = work / f"corpus-{n}", work / f"home-{n}"
        size, gen_s = build_corpus(n, corpus, keep=args.keep_corpus)
        print(f"[{n}] corpus: {size / 1e6:.0f} MB of pages written in {gen_s:.0f}s", flush=True)
        imp = json.loads(subprocess.run([sys.executable, __file__, "--import-only", str(corpus), str(home)]
                                        + ["--one-pass"] * ONE_PASS,
                                        capture_output=True, text=True, check=True).stdout)  # its own process: clean RSS
        print(f"[{n}] import: {json.dumps(imp)}", flush=True)
        q = json.loads(subprocess.run([sys.executable, __file__, "--query-only", str(home)], capture_output=True,
                                      text=True, check=True).stdout)
        print(f"[{n}] queries: {json.dumps(q)}", flush=True)
        fts = None if args.no_fts5 else fts5_phase(home, work / f"fts5-{n}.sqlite3")
        if fts:
            print(f"[{n}] fts5: {json.dumps(fts)}", flush=True)
        scan = None if args.no_grep else grep_phase(corpus)
        results[n] = (imp, q, fts, scan)
    report(results)
    return 0


def report(results: dict) -> None:
    """The side-by-side table."""
    sizes = list(results)
    w = 22
    print("\n" + "figure".ljust(34) + "".join(f"{n:>{w},}" for n in sizes))

    def row(label: str, fn) -> None:
        print(label.ljust(34) + "".join(f"{fn(*results[n]):>{w}}" for n in sizes))

    row("import cables/s", lambda i, q, f, s: f"{i['cables_per_s']:.0f}")
    row("import MB/s (pages | text)", lambda i, q, f, s: f"{i['file_mb_per_s']:.1f} | {i['text_mb_per_s']:.1f}")
    row("import time (searchable)", lambda i, q, f, s: f"{i['seconds']:.0f}s")
    row("+ entity pass (person: org: ...)", lambda i, q, f, s: f"{i['entity_seconds']:.0f}s ({i['cables'] / max(i['entity_seconds'], 1e-9):.0f}/s)")
    row("import + entity pass", lambda i, q, f, s: f"{i['total_seconds']:.0f}s")
    row("  CPU seconds (writer + workers)", lambda i, q, f, s: f"{i.get('cpu_seconds', 0):.0f}s")
    row("text MB", lambda i, q, f, s: f"{i['text_mb']:.0f}")
    row("index / text", lambda i, q, f, s: f"{i['index_ratio']:.2f}x")
    row("database / text", lambda i, q, f, s: f"{i['db_ratio']:.2f}x")
    row("peak RSS import (writer|worker)", lambda i, q, f, s: f"{i['writer_peak_rss_mb']:.0f}|{i['worker_peak_rss_mb']:.0f} MB")
    row("  of it anonymous (no mapped files)",
        lambda i, q, f, s: f"{i.get('writer_peak_anon_mb', 0):.0f}|{i.get('worker_peak_anon_mb', 0):.0f} MB")
    row("peak RSS open + queries", lambda i, q, f, s: f"{q['rss_mb']:.0f} MB")
    row("RSS after queries (anon)", lambda i, q, f, s: f"{q['rss_now_mb']:.0f} ({q['rss_anon_mb']:.0f}) MB")
    row("open library", lambda i, q, f, s: f"{q['open_ms']:.1f} ms")
    row("get(ref_id)", lambda i, q, f, s: f"{q['get_ms']:.2f} ms")
    for cls in QUERIES:
        row(f"{cls}: p50/p95 warm", lambda i, q, f, s, c=cls: f"{q['warm'][c][0]:.1f}/{q['warm'][c][1]:.1f} ms")
        row(f"{cls}: first query", lambda i, q, f, s, c=cls: f"{q['first'][c]:.1f} ms")
        if any(r[2] for r in results.values()):
            row(f"{cls}: FTS5 p50/p95", lambda i, q, f, s, c=cls: f"{f['warm'][c][0]:.1f}/{f['warm'][c][1]:.1f} ms" if f else "-")
        if any(r[3] for r in results.values()):
            row(f"{cls}: grep -rli / p95", lambda i, q, f, s, c=cls: (
                f"{s['grep'][c]:.2f}s = {s['grep'][c] * 1000 / max(q['warm'][c][1], 0.01):.0f}x") if s else "-")
    if any(r[2] for r in results.values()):
        row("FTS5 build MB/s (index only)", lambda i, q, f, s: f"{f['text_mb_per_s']:.1f}" if f else "-")
        row("FTS5 size / text", lambda i, q, f, s: f"{f['size_ratio']:.2f}x" if f else "-")


if __name__ == "__main__":
    raise SystemExit(main())

"""Run every benchmark in ``benchmarks/`` with quick settings (``make bench``).

    .venv/bin/python benchmarks/run_all.py [--only NAME] [--list]

Each benchmark runs as its own subprocess (same Python), under a header naming it and
its command; its output is passed through as it comes. A benchmark that fails is
reported and the others still run; the exit status is 1 when any failed. Settings are
chosen to keep the whole run to a few minutes on this machine: see ``benchmarks/README.md``
for the full-size commands and the targets.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

#: name -> arguments after the script, quick settings (name is the script's stem).
QUICK: dict[str, list[str]] = {
    "parse": ["--runs", "3"],
    "open": [],
    "entities": [],
    "bookmarks": [],
    "header_agreement": [],
    "library": ["--sizes", "10000", "--no-fts5", "--no-grep", "--work", "/tmp/tipreader-bench"],
    "library_fields": ["--home", "/tmp/tipreader-bench/home-10000"],  # the library ``library`` just built
    "library_store": ["--home", "/tmp/tipreader-bench/home-10000"],  # the same library
    "library_ui": ["--size", "1000"],  # builds its own small library under /tmp
}


def command(name: str) -> list[str]:
    """The subprocess command for benchmark ``name``."""
    return [sys.executable, str(HERE / f"{name}.py"), *QUICK.get(name, [])]


def available() -> list[str]:
    """Every benchmark script in this folder, in the order of :data:`QUICK`, then any new ones."""
    scripts = {p.stem for p in HERE.glob("*.py") if p.stem != "run_all" and not p.stem.startswith("_")}
    return [n for n in QUICK if n in scripts] + sorted(scripts - QUICK.keys())


def shown(name: str) -> str:
    """The command for ``name`` as a user would type it from the project folder."""
    return " ".join(["python", f"benchmarks/{name}.py", *QUICK.get(name, [])])


def run(name: str) -> tuple[int, float]:
    """Run one benchmark with its output passed through; (exit status, seconds)."""
    cmd = command(name)
    print(f"\n=== {name} === {shown(name)}", flush=True)
    start = time.perf_counter()
    try:
        code = subprocess.run(cmd, cwd=ROOT).returncode
    except OSError as err:
        print(f"could not start: {err}", flush=True)
        code = 127
    return code, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    """Run all benchmarks (or ``--only NAME``); 1 when any failed."""
    names = available()
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", metavar="NAME", action="append", choices=names,
                    help=f"run only this benchmark (repeatable): {', '.join(names)}")
    ap.add_argument("--list", action="store_true", help="list the benchmarks and their quick commands")
    args = ap.parse_args(argv)
    if args.list:
        for name in names:
            print(f"{name:18} {shown(name)}")
        return 0
    results = []
    try:
        for name in args.only or names:
            results.append((name, *run(name)))
    except KeyboardInterrupt:
        print("\ninterrupted", flush=True)
    print("\n=== summary ===")
    for name, code, seconds in results:
        print(f"{name:18} {'ok' if code == 0 else f'FAILED (exit {code})':18} {seconds:7.1f} s")
    return 1 if any(code for _, code, _ in results) else 0


if __name__ == "__main__":
    sys.exit(main())

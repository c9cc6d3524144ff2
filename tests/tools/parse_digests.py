"""The parser's output over a whole corpus as one digest per cable: the guard for speed work.

    .venv/bin/python tests/tools/parse_digests.py --write /tmp/before.tsv [--corpus PATH]
    .venv/bin/python tests/tools/parse_digests.py --check /tmp/before.tsv [--corpus PATH] [--show 5]

Every file of the corpus (default ``../shared/cables``) is parsed as the library reads it
(``iter_path``: containers, header, paragraphs, structure; no entities). Each cable gives
one line ``file  index  ref_id  digest``, the digest being that of its JSON form
(:func:`tipreader.cable.model_data.output_digest`, the source named relative to the corpus); a cable that fails gives its error
instead. ``--check`` parses again and lists every cable whose line changed (the first ``--show`` of them
with their lines before and after): a change meant to be faster only
must list none. Exit status 1 when something changed.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tipreader.cable import CableError, iter_path  # noqa: E402
from tipreader.cable.model_data import output_digest  # noqa: E402

SUFFIXES = {".html", ".txt", ".csv", ".htm"}


def corpus_files(corpus: Path) -> list[Path]:
    """The corpus's cable files, in a stable order."""
    return sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)


def digests(corpus: Path) -> dict[tuple[str, int], str]:
    """(file relative to the corpus, index in the file) -> ``ref_id<TAB>digest`` or ``ERROR<TAB>message``."""
    out: dict[tuple[str, int], str] = {}
    for path in corpus_files(corpus):
        name = str(path.relative_to(corpus))
        for index, item in enumerate(iter_path(path)):
            if isinstance(item, CableError):
                out[name, index] = f"ERROR\t{item}"
            else:
                out[name, index] = f"{item.ref_id}\t{output_digest(item, source=f'{name}:{index}')}"
    return out


def write(table: dict[tuple[str, int], str], target: Path) -> None:
    target.write_text("".join(f"{name}\t{index}\t{value}\n" for (name, index), value in table.items()))


def read(source: Path) -> dict[tuple[str, int], str]:
    table = {}
    for line in source.read_text().splitlines():
        name, index, value = line.split("\t", 2)
        table[name, int(index)] = value
    return table


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "cables")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", type=Path, metavar="TSV")
    group.add_argument("--check", type=Path, metavar="TSV")
    parser.add_argument("--show", type=int, default=5, help="changed cables to describe (default 5)")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    start = time.process_time()
    table = digests(args.corpus)
    seconds = time.process_time() - start
    errors = sum(v.startswith("ERROR\t") for v in table.values())
    print(f"{len(table)} cables parsed ({errors} errors) in {seconds:.1f} s CPU")
    if args.write:
        write(table, args.write)
        print(f"written: {args.write}")
        return 0
    before = read(args.check)
    changed = sorted(k for k in set(before) | set(table) if before.get(k) != table.get(k))
    print(f"changed: {len(changed)} of {len(before)} cables")
    for name, index in changed[: args.show]:
        print(f"  {name} #{index}: {before.get((name, index), '-')}  ->  {table.get((name, index), '-')}")
    return 1 if changed else 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The entity extractor's output over a whole corpus as one digest per cable: the guard for speed work.

    .venv/bin/python tests/tools/entity_digests.py --write /tmp/before.tsv [--corpus PATH] [--learned]
    .venv/bin/python tests/tools/entity_digests.py --check /tmp/before.tsv [--corpus PATH] [--learned] [--show 5]

Every file of the corpus (default ``../shared/cables``) is parsed as the library reads it
(``iter_path``) and its cables' paragraphs go through ``extract_entities`` as the entity pass
passes them. Each cable gives one line ``file  index  ref_id  entities  digest``, the digest
being that of every field of every entity (type, text, paragraph, offsets, expansion,
canonical, learned) in order; a cable the parser refuses gives its error instead, a cable the
extractor fails on gives ``EXTRACTOR-ERROR`` and the exception.

``--write`` also keeps the entities themselves beside the table (``TSV.entities.jsonl.gz``), so
``--check`` can say what changed: for the first ``--show`` changed cables, each entity found
only before (``-``) or only now (``+``). A change meant to be faster only must list none;
a change meant to find other names (recall work) reads the list. Exit status 1 when
something changed.

``--learned`` runs the cables in corpus order with a library's learning on (as the entity
pass does): the names each cable recognises with confidence (``confident_names``) are found
in the cables after it, marked ``learned``. A cable's line then depends on the cables before
it, so one change shows in many cables; use it to guard the learned-name path
(``NameBook``), and the default for everything else.

``--limit N`` takes only the first N files (a quick look; ``--check`` then compares those).
The CPU seconds of the extraction alone are printed (parsing apart): a rough speed figure
(``benchmarks/entities.py`` is the benchmark).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from parse_digests import corpus_files  # noqa: E402

from tipreader.cable import CableError, iter_path  # noqa: E402
from tipreader.cable.ent_learned import NameBook, confident_names  # noqa: E402
from tipreader.cable.entities import extract_entities  # noqa: E402
from tipreader.cable.model import Entity  # noqa: E402

Key = tuple[str, int]
Row = list  # one entity as stored: [type, text, paragraph, start, end, expansion, canonical, learned]


def entity_rows(entities: list[Entity]) -> list[Row]:
    """Every field of every entity, in the extractor's order."""
    return [[e.type, e.text, e.paragraph, e.start, e.end, e.expansion, e.canonical, e.learned] for e in entities]


def digest(rows: list[Row]) -> str:
    return hashlib.sha1(json.dumps(rows, ensure_ascii=False).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def run(corpus: Path, limit: int | None, learned: bool) -> tuple[dict[Key, str], dict[Key, list[Row]], float]:
    """(table of lines, entities per cable, extraction CPU seconds) over the corpus."""
    table: dict[Key, str] = {}
    found: dict[Key, list[Row]] = {}
    book = NameBook() if learned else None
    cpu = 0.0
    extract_entities(["Warm up the word lists in Embassy Mexico City."])
    for path in corpus_files(corpus)[:limit]:
        name = str(path.relative_to(corpus))
        for index, item in enumerate(iter_path(path)):
            key = (name, index)
            if isinstance(item, CableError):
                table[key] = f"ERROR\t\t{' '.join(str(item).split())}"
                continue
            c0 = time.process_time()
            try:
                entities = extract_entities(item.paragraphs, learned=book)
            except Exception as err:  # noqa: BLE001 - a failing cable is a line of the table, not the end
                cpu += time.process_time() - c0
                table[key] = f"{item.ref_id}\tEXTRACTOR-ERROR\t{type(err).__name__}: {' '.join(str(err).split())}"
                continue
            if book is not None:
                for text, kind, canonical in confident_names(entities, {p.index: p.text for p in item.paragraphs}):
                    book.add(text, kind, canonical, learned=True)
            cpu += time.process_time() - c0
            rows = entity_rows(entities)
            found[key] = rows
            table[key] = f"{item.ref_id}\t{len(rows)}\t{digest(rows)}"
    return table, found, cpu


def _sidecar(tsv: Path) -> Path:
    return tsv.with_name(tsv.name + ".entities.jsonl.gz")


def write(table: dict[Key, str], found: dict[Key, list[Row]], target: Path) -> None:
    target.write_text("".join(f"{name}\t{index}\t{value}\n" for (name, index), value in table.items()))
    with gzip.open(_sidecar(target), "wt", encoding="utf-8") as fh:
        for (name, index), rows in found.items():
            fh.write(json.dumps([name, index, rows], ensure_ascii=False) + "\n")


def read(source: Path) -> tuple[dict[Key, str], dict[Key, list[Row]]]:
    table: dict[Key, str] = {}
    for line in source.read_text().splitlines():
        name, index, value = line.split("\t", 2)
        table[name, int(index)] = value
    found: dict[Key, list[Row]] = {}
    if _sidecar(source).exists():
        with gzip.open(_sidecar(source), "rt", encoding="utf-8") as fh:
            for line in fh:
                name, index, rows = json.loads(line)
                found[name, index] = rows
    return table, found


def describe(before: list[Row] | None, after: list[Row] | None) -> list[str]:
    """The entities found only before (``-``) and only now (``+``), in paragraph and offset order."""
    if before is None or after is None:
        return ["    (entities not kept for this cable)"]
    old = {json.dumps(r, ensure_ascii=False) for r in before}
    new = {json.dumps(r, ensure_ascii=False) for r in after}
    lines = [(r[2], r[3], sign, r) for sign, rows, other in (("-", before, new), ("+", after, old))
             for r in rows if json.dumps(r, ensure_ascii=False) not in other]
    lines.sort(key=lambda x: (x[0], x[1], x[2]))
    out = []
    for paragraph, start, sign, (kind, text, _, _, end, expansion, canonical, learned) in lines:
        extra = "".join([f" expansion={expansion!r}" if expansion else "", f" canonical={canonical!r}" if canonical
                         and canonical != text else "", " learned" if learned else ""])
        out.append(f"    {sign} ¶{paragraph} {start}-{end} {kind} {text!r}{extra}")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "cables")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", type=Path, metavar="TSV")
    group.add_argument("--check", type=Path, metavar="TSV")
    parser.add_argument("--show", type=int, default=5, help="changed cables to describe (default 5)")
    parser.add_argument("--learned", action="store_true", help="learn names from earlier cables, as the library does")
    parser.add_argument("--limit", type=int, metavar="N", help="only the first N files")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    if args.check and not args.check.is_file():
        print(f"no table to check against: {args.check}", file=sys.stderr)
        return 2
    table, found, cpu = run(args.corpus, args.limit, args.learned)
    errors = sum("ERROR\t" in v for v in table.values())
    print(f"{len(table)} cables, {sum(len(r) for r in found.values())} entities ({errors} errors); "
          f"extraction {cpu:.1f} s CPU")
    if args.write:
        write(table, found, args.write)
        print(f"written: {args.write} (entities: {_sidecar(args.write)})")
        return 0
    before, before_found = read(args.check)
    keys = set(table) if args.limit else set(before) | set(table)
    changed = sorted(k for k in keys if before.get(k) != table.get(k))
    print(f"changed: {len(changed)} of {len(keys)} cables")
    for name, index in changed[: args.show]:
        print(f"  {name} #{index}: {before.get((name, index), '-')}  ->  {table.get((name, index), '-')}")
        for line in describe(before_found.get((name, index)), found.get((name, index))):
            print(line)
    return 1 if changed else 0


if __name__ == "__main__":
    raise SystemExit(main())

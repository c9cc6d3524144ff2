"""`tipreader entities FILE`: the people, organisations, acronyms, places ... of a cable."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from tipreader.cable import CableError, iter_path
from tipreader.cable.entities import TYPES, extract_entities, glossary, known_expansion
from tipreader.cable.model import Cable, Entity
from tipreader.cli.common import error_line, safe_text

EXAMPLES = """examples:
  tipreader entities sample_cables/08MEXICO721.txt
  tipreader entities --glossary sample_cables/08MEXICO721.txt
  tipreader entities --json page.html | jq -r 'select(.type=="PERSON") | .text'
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "entities",
        help="list the entities (people, organisations, acronyms, places, dates ...) of a cable",
        description=(
            "Print the entities found in each cable of FILE, grouped by type with counts. "
            "--json prints one JSON object per entity; --glossary prints the acronym glossary."
        ),
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("file", metavar="FILE", help="a cable file (text, HTML page, CSV)")
    p.add_argument("--json", action="store_true", help="JSON Lines: type, text, paragraph, start, end, expansion, canonical")
    p.add_argument("--glossary", action="store_true", help="acronyms and their expansions")
    p.set_defaults(func=run)


def _entities(cable: Cable) -> list[Entity]:
    return list(cable.entities) if cable.entities else extract_entities(cable.paragraphs)


def run(args: argparse.Namespace) -> int:
    """Run the command; 1 when the file or a cable in it could not be read."""
    path = Path(args.file)
    if not path.exists():
        error_line("no such file (looking up a REF_ID in the library is not available yet)", args.file)
        return 1
    status = 0
    out = sys.stdout
    for item in iter_path(str(path)):
        if isinstance(item, CableError):
            error_line(item)
            status = 1
            continue
        ents = _entities(item)
        if args.glossary:
            _print_glossary(item, ents, args.json, out)
        elif args.json:
            for e in ents:
                row = {"ref_id": item.ref_id, "type": e.type, "text": e.text, "paragraph": e.paragraph, "start": e.start, "end": e.end}
                if e.expansion:
                    row["expansion"] = e.expansion
                if e.canonical and e.canonical != e.text:
                    row["canonical"] = e.canonical
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            _print_grouped(item, ents, out)
    return status


def _print_grouped(cable: Cable, ents: list[Entity], out) -> None:
    out.write(f"{cable.ref_id}: {len(ents)} entities\n")
    by_type: dict[str, Counter[str]] = defaultdict(Counter)
    for e in ents:
        label = e.canonical if e.type == "PERSON" and e.canonical else e.text
        if e.type == "ACRONYM" and e.expansion:
            label = f"{e.text} = {e.expansion}"
        by_type[e.type][" ".join(label.split())] += 1
    for t in TYPES:
        if t not in by_type:
            continue
        counts = by_type[t]
        out.write(f"{t} ({sum(counts.values())})\n")
        for label, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].casefold())):
            out.write(f"  {safe_text(label)}" + (f"  ×{n}" if n > 1 else "") + "\n")


def _print_glossary(cable: Cable, ents: list[Entity], as_json: bool, out) -> None:
    defined = glossary(ents)
    rows = []
    seen = set()
    for e in ents:
        if e.type != "ACRONYM":
            continue
        from tipreader.cable.ent_acronyms import key

        k = key(e.text)
        if k in seen:
            continue
        seen.add(k)
        if k in defined:
            rows.append((k, defined[k], "cable"))
        else:
            known = known_expansion(k)
            rows.append((k, known, "known" if known else None))
    rows.sort(key=lambda r: r[0])
    if as_json:
        for k, exp, source in rows:
            out.write(json.dumps({"ref_id": cable.ref_id, "acronym": k, "expansion": exp, "source": source}, ensure_ascii=False) + "\n")
        return
    out.write(f"{cable.ref_id}: {len(rows)} acronyms\n")
    width = max((len(k) for k, _, _ in rows), default=0)
    for k, exp, source in rows:
        shown = exp if source == "cable" else f"{exp} (not defined in the cable)" if exp else "-"
        out.write(f"  {safe_text(k).ljust(width)}  {safe_text(shown)}\n")

"""`tipreader entities FILE|REF_ID`: the people, organisations, acronyms, places ... of a cable;
`tipreader entities --glossary [--library]`: the acronym glossary of the whole library."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Callable

from tipreader.cable import CableError
from tipreader.cable.ent_acronyms import key as acronym_key
from tipreader.cable.entities import TYPES, extract_entities, glossary, known_expansion
from tipreader.cable.model import Cable, Entity
from tipreader.cli.common import error_line, file_or_ref, open_library, safe_text

EXAMPLES = """examples:
  tipreader entities sample_cables/08MEXICO721.txt
  tipreader entities 08MEXICO721                  (a cable in the library)
  tipreader entities --glossary sample_cables/08MEXICO721.txt
  tipreader entities --glossary                   (every acronym the library's cables define)
  tipreader entities --json page.html | jq -r 'select(.type=="PERSON") | .text'
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "entities",
        help="list the entities (people, organisations, acronyms, places, dates ...) of a cable",
        description=(
            "Print the entities found in each cable of FILE (or the library's cable REF_ID), grouped by "
            "type with counts. --json prints one JSON object per entity; --glossary prints the acronym "
            "glossary: of the cable, or of the whole library without FILE|REF_ID or with --library."
        ),
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("file", metavar="FILE|REF_ID", nargs="?",
                   help="a cable file (text, HTML page, CSV) or a ref_id in the library")
    p.add_argument("--json", action="store_true", help="JSON Lines: type, text, paragraph, start, end, expansion, canonical (the form its spelling variants share)")
    p.add_argument("--glossary", action="store_true", help="acronyms and their expansions")
    p.add_argument("--library", action="store_true",
                   help="with --glossary: the glossary of every cable in the library")
    p.set_defaults(func=run)


def _entities(cable: Cable) -> list[Entity]:
    return list(cable.entities) if cable.entities else extract_entities(cable.paragraphs)


def run(args: argparse.Namespace) -> int:
    """Run the command; 1 when the file or a cable in it could not be read, 2 for a usage error."""
    if args.library and args.file:
        error_line("--library is the whole library: give no FILE|REF_ID with it")
        return 2
    if args.file is None or args.library:
        if not args.glossary:
            error_line("give a FILE or REF_ID (or --glossary for the whole library's glossary)")
            return 2
        return _library_glossary(args.json)
    status = 0
    out = sys.stdout
    opened: list = []  # the library a REF_ID came from: its other cables expand undefined acronyms
    for item in file_or_ref(args.file, opened.append):
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
                if e.canonical:
                    row["canonical"] = e.canonical
                if e.learned:
                    row["learned"] = True
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            _print_grouped(item, ents, out, opened[0] if opened else None)
    return status


def library_glossary(library, progress=None) -> dict[str, Counter[str]]:
    """acronym → Counter of the expansions the library's cables define for it (one count per cable).

    ``progress(done, total)`` is called after each cable. Cables that cannot be read are skipped.
    """
    refs: list[str] = []
    while True:
        page = library.list_cables(order="ref_id", descending=False, limit=1000, offset=len(refs))
        refs.extend(c.ref_id for c in page)
        if len(page) < 1000:
            break
    found: dict[str, Counter[str]] = defaultdict(Counter)
    for n, ref in enumerate(refs, 1):
        try:
            cable = library.get(ref)
        except Exception:
            cable = None
        if cable is not None:
            for acronym, expansion in glossary(_entities(cable)).items():
                found[acronym][" ".join(expansion.split())] += 1
        if progress is not None:
            progress(n, len(refs))
    return dict(found)


def _library_glossary(as_json: bool) -> int:
    try:
        library = open_library()
    except Exception as err:
        error_line(f"the library could not be opened: {err}")
        return 1
    bar = None
    if sys.stderr.isatty():
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        bar = Progress(TextColumn("[bold]glossary"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                       console=Console(stderr=True), transient=True)
        task = bar.add_task("glossary", total=None)
        bar.start()

        def progress_bar(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        progress: Callable[[int, int], None] | None = progress_bar
    else:
        progress = None
    try:
        found = library_glossary(library, progress)
    finally:
        if bar is not None:
            bar.stop()
    out = sys.stdout
    rows = sorted(found.items())
    if as_json:
        for acronym, counts in rows:
            (best, _), *others = counts.most_common()
            row = {"acronym": acronym, "expansion": best, "cables": sum(counts.values())}
            if others:
                row["variants"] = [{"expansion": e, "cables": k} for e, k in others]
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        return 0
    out.write(f"library: {len(rows)} acronyms defined\n")
    width = max((len(a) for a, _ in rows), default=0)
    for acronym, counts in rows:
        (best, _n), *others = counts.most_common()
        total = sum(counts.values())
        line = f"  {safe_text(acronym).ljust(width)}  {safe_text(best)}  ({total} cable{'s' if total > 1 else ''})"
        if others:
            line += "; also " + "; ".join(safe_text(e) for e, _ in others[:3])
        out.write(line + "\n")
    return 0


def _expansions(cable: Cable, ents: list[Entity], library) -> dict[str, str]:
    """acronym → its expansion as the reader shows it: the cable's own, else one other cables of
    the library give it ("(from other cables)"), else the usual one ("(usual meaning)")."""
    out = {k: " ".join(v.split()) for k, v in glossary(ents).items()}
    undefined = sorted({acronym_key(e.text) for e in ents if e.type == "ACRONYM"} - set(out))
    learnt: dict[str, str | None] = {}
    if library is not None and undefined:
        from tipreader.library.expansions import learn_expansions

        learnt = learn_expansions(library, undefined, exclude=cable.ref_id)
    for k in undefined:
        if learnt.get(k):
            out[k] = f"{learnt[k]} (from other cables)"
        elif known_expansion(k):
            out[k] = f"{known_expansion(k)} (usual meaning)"
    return out


def _print_grouped(cable: Cable, ents: list[Entity], out, library=None) -> None:
    """Per type: ``PERSON — 19 names, 36 mentions``, then each name (variants merged under their
    canonical form) with its mentions; acronyms with their expansions."""
    out.write(f"{cable.ref_id}: {len(ents)} entities\n")
    by_type: dict[str, Counter[str]] = defaultdict(Counter)
    learned: set[tuple[str, str]] = set()
    expansions = _expansions(cable, ents, library)
    for e in ents:
        if e.type == "ACRONYM":
            k = acronym_key(e.text)
            label = f"{k} = {expansions[k]}" if k in expansions else k
        else:
            label = e.canonical or e.text
        label = " ".join(label.split())
        by_type[e.type][label] += 1
        if e.learned:
            learned.add((e.type, label))
    for t in TYPES:
        if t not in by_type:
            continue
        counts = by_type[t]
        names, mentions = len(counts), sum(counts.values())
        out.write(f"{t} — {names} name{'s' if names != 1 else ''}, {mentions} mention{'s' if mentions != 1 else ''}\n")
        for label, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].casefold())):
            note = "  (from other cables)" if (t, label) in learned else ""
            out.write(f"  {safe_text(label)}" + (f"  ×{n}" if n > 1 else "") + note + "\n")


def _print_glossary(cable: Cable, ents: list[Entity], as_json: bool, out) -> None:
    defined = glossary(ents)
    rows: list[tuple[str, str | None, str | None]] = []
    seen = set()
    for e in ents:
        if e.type != "ACRONYM":
            continue
        k = acronym_key(e.text)
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
        out.write(f"  {safe_text(k).ljust(width)}  {safe_text(shown or '-')}\n")

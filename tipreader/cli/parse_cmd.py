"""`tipreader parse` and `tipreader export`: the parser from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from tipreader.cable import Cable, CableError, iter_path
from tipreader.cli.common import add_entities, error_line, file_or_ref, open_output, safe_text
from tipreader.export import cable_to_jsonable, cable_to_markdown

PARSE_EXAMPLES = """examples:
  tipreader parse sample_cables/08MEXICO721.txt
  tipreader parse --json cables/*.html | jq .ref_id
  tipreader parse --json cables.csv > cables.jsonl
"""

EXPORT_EXAMPLES = """examples:
  tipreader export 08MEXICO721 -o mexico.md            (a cable in the library)
  tipreader export sample_cables/08MEXICO721.txt --format markdown -o mexico.md
  tipreader export page.html --format json
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "parse",
        help="parse cable files and print a summary or JSON Lines",
        description="Parse cable files (raw text, scraped pages, WikiLeaks or PlusD HTML, cables CSV).",
        epilog=PARSE_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="cable files; a CSV may hold many cables")
    p.add_argument("--json", action="store_true", help="one JSON object per cable (JSON Lines), see docs/cable-json.md")
    p.add_argument("--no-entities", action="store_true", help="leave entities out of the JSON (faster)")
    p.set_defaults(func=run_parse)

    e = sub.add_parser(
        "export",
        help="export a cable (a file, or a ref_id in the library) as Markdown or JSON",
        description="Export the cables of FILE, or the library's cable REF_ID, as Markdown (metadata table, parts, "
                    "questions, paragraphs) or JSON.",
        epilog=EXPORT_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    e.add_argument("file", metavar="FILE|REF_ID", help="a cable file (text, HTML page, CSV) or a ref_id in the library")
    e.add_argument("--format", choices=("markdown", "json"), default="markdown")
    e.add_argument("-o", "--output", metavar="OUT", help="write to OUT instead of standard output")
    e.add_argument("--force", action="store_true", help="replace OUT when it exists (a regular file only; its mode is kept)")
    e.set_defaults(func=run_export)


def _cables(paths: list[str]) -> Iterator[Cable | CableError]:
    for name in paths:
        if Path(name).is_dir():
            yield CableError("is a directory (use `tipreader import` for folders)", name)
            continue
        yield from iter_path(name)


def summary(cable: Cable) -> str:
    """A few readable lines about one cable."""
    questions = len(cable.questions)
    lines = [
        f"{cable.ref_id}  {cable.date or 'undated'}  {cable.origin or '?'}  {cable.classification or '?'}",
        f"  subject: {cable.subject or '-'}",
        f"  tags: {' '.join(cable.tags) or '-'}   references: {len(cable.references)}",
        f"  paragraphs: {len(cable.paragraphs)}   parts: {len(cable.parts)}   questions: {questions}",
    ]
    for w in cable.warnings:
        where = f" (paragraph {w.paragraph + 1})" if w.paragraph is not None else ""
        lines.append(f"  warning: {w.message}{where}")
    return "\n".join(safe_text(line) for line in lines)


def run_parse(args: argparse.Namespace) -> int:
    failed = 0
    out = sys.stdout
    for item in _cables(args.files):
        if isinstance(item, CableError):
            failed += 1
            error_line(item)
            continue
        if args.json:
            cable = item if args.no_entities else add_entities(item)
            out.write(json.dumps(cable_to_jsonable(cable, entities=not args.no_entities), ensure_ascii=False))
            out.write("\n")
        else:
            out.write(summary(item) + "\n")
    return 1 if failed else 0


def run_export(args: argparse.Namespace) -> int:
    cables: list[Cable] = []
    failed = 0
    for item in file_or_ref(args.file):
        if isinstance(item, CableError):
            failed += 1
            error_line(item)
        else:
            cables.append(item)
    if not cables:
        return 1
    if args.format == "markdown":
        text = "\n---\n\n".join(cable_to_markdown(c) for c in cables)
    elif len(cables) == 1:
        text = json.dumps(cable_to_jsonable(add_entities(cables[0])), ensure_ascii=False, indent=2) + "\n"
    else:
        text = json.dumps([cable_to_jsonable(add_entities(c)) for c in cables], ensure_ascii=False, indent=2) + "\n"
    with open_output(args.output, force=args.force) as fh:
        fh.write(text)
    return 1 if failed else 0

"""`tipreader bookmarks list|export|add|remove`: the bookmarks from the shell.

Bookmarks live in the user database (``<home>/user.sqlite3``), apart from the library;
their status (``ok``, ``changed``, ``detached``) is checked against the library's cables.
"""

from __future__ import annotations

import argparse
import json
import sys

from tipreader.cli.common import (error_line, guarded, library_cable, no_paragraph, open_output, placed_in_library,
                                  safe_text)
from tipreader.export.csv_cells import RAW_HELP

_RAW = argparse.RawDescriptionHelpFormatter
_PARAGRAPH_HELP = "the cable's paragraph number (5 or ¶5); i7 for unnumbered text at paragraph index 7"


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``bookmarks`` and its actions to the ``tipreader`` parser."""
    p = sub.add_parser(
        "bookmarks",
        help="list, export, add and remove bookmarks",
        description="Bookmarks on paragraphs, with notes. They are kept in your own database, apart from the "
        "library: re-importing or rebuilding the library never touches them. Each shows a status: ok, "
        "changed (the paragraph reads differently now; the bookmarked text is kept) or detached (the cable "
        "is no longer in the library).",
        epilog="examples:\n  tipreader bookmarks add 08MEXICO721 5 --note 'Compare with ¶12'\n"
        "  tipreader bookmarks list\n  tipreader bookmarks export -o bookmarks.md\n"
        "  tipreader bookmarks remove 08MEXICO721 5",
        formatter_class=_RAW,
    )
    bsub = p.add_subparsers(dest="bookmarks_command", metavar="ACTION", required=True)

    s = bsub.add_parser("list", help="every bookmark, newest first",
                        description="Every bookmark, newest first: citation, when it was made, status, the "
                        "paragraph's first words and the note's.",
                        epilog="examples:\n  tipreader bookmarks list\n  tipreader bookmarks list --filter labor\n"
                        "  tipreader bookmarks list --json | jq -r .citation", formatter_class=_RAW)
    s.add_argument("--json", action="store_true",
                   help="JSON Lines: ref_id, paragraph, paragraph_index, anchor, citation, created, updated, "
                   "note, quote, status, subject, date, origin")
    s.add_argument("--filter", metavar="WORDS", default="",
                   help="only bookmarks whose cable, paragraph text or note hold every word")
    s.set_defaults(func=run_list)

    s = bsub.add_parser("export", help="all bookmarks as Markdown, JSON or CSV",
                        description="All bookmarks as one Markdown document (a section per cable with its subject, "
                        "ref_id, date and origin; each paragraph as a block quote followed by its citation and "
                        "the note), as JSON, or as CSV (one row per bookmark: ref_id, date, origin, subject, paragraph, "
                        "citation, status, note, text, created, updated).",
                        epilog="examples:\n  tipreader bookmarks export > bookmarks.md\n"
                        "  tipreader bookmarks export --format json -o bookmarks.json\n"
                        "  tipreader bookmarks export --format csv -o bookmarks.csv", formatter_class=_RAW)
    s.add_argument("--format", choices=("markdown", "json", "csv"), default="markdown", help="default: markdown")
    s.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of standard output")
    s.add_argument("--force", action="store_true", help="replace FILE when it exists (a regular file only; its mode is kept)")
    s.add_argument("--raw-cells", action="store_true", help="with --format csv: " + RAW_HELP)
    s.set_defaults(func=run_export)

    s = bsub.add_parser("add", help="bookmark a paragraph of a cable in the library",
                        description="Bookmark a paragraph of a cable in the library (a paragraph already "
                        "bookmarked is refreshed to its current text; --note replaces its note).",
                        epilog="examples:\n  tipreader bookmarks add 08MEXICO721 5\n"
                        "  tipreader bookmarks add 08mexico721 ¶12 --note '**Labor** cases: see Q 2·C'\n"
                        "  tipreader bookmarks add 08SANTIAGO95 i2", formatter_class=_RAW)
    s.add_argument("ref_id", metavar="REF_ID", help="the cable's reference id")
    s.add_argument("paragraph", metavar="PARAGRAPH", help=_PARAGRAPH_HELP)
    s.add_argument("--note", metavar="TEXT", default=None, help="a note (Markdown allowed)")
    s.set_defaults(func=run_add)

    s = bsub.add_parser("remove", help="remove a bookmark",
                        description="Remove the bookmark on a paragraph (its note goes with it).",
                        epilog="examples:\n  tipreader bookmarks remove 08MEXICO721 5\n"
                        "  tipreader bookmarks remove 08SANTIAGO95 i2", formatter_class=_RAW)
    s.add_argument("ref_id", metavar="REF_ID", help="the cable's reference id")
    s.add_argument("paragraph", metavar="PARAGRAPH", help=_PARAGRAPH_HELP)
    s.set_defaults(func=run_remove)


def _store():
    from tipreader.library.bookmarks import BookmarkStore

    return BookmarkStore.open()


def _anchor(text: str) -> str:
    from tipreader.cli import UsageError
    from tipreader.library.bookmark_keys import parse_anchor

    try:
        return parse_anchor(text)
    except ValueError as err:
        raise UsageError(str(err)) from None


def _placed(query: str = ""):
    from tipreader.library.bookmark_keys import Placed, place_all

    with _store() as store:
        marks = store.search(query) if query else store.all()
    return placed_in_library(marks, place_all, lambda m: Placed(m, "unknown", None))


@guarded
def run_list(args: argparse.Namespace) -> int:
    """`tipreader bookmarks list`."""
    from tipreader.library.bookmark_keys import iso_time

    placed = _placed(args.filter)
    w = sys.stdout.write
    for p in placed:
        if args.json:
            w(json.dumps(p.to_dict(), ensure_ascii=False) + "\n")
            continue
        mark = p.bookmark
        when = iso_time(mark.created).replace("T", " ")[:16]
        flag = "" if p.status == "ok" else f" [{p.status}]"
        line = f"{safe_text(mark.citation):<24} {when}{flag}  {safe_text(mark.first_line)[:70]}"
        if mark.note.strip():
            line += f"  — note: {safe_text(' '.join(mark.note.split()))[:60]}"
        w(line + "\n")
    if not placed and not args.json:
        print("no bookmarks" + (f" matching {args.filter!r}" if args.filter else ""), file=sys.stderr)
    return 0


@guarded
def run_export(args: argparse.Namespace) -> int:
    """`tipreader bookmarks export`."""
    from tipreader.export.bookmarks import bookmarks_to_csv, bookmarks_to_json, bookmarks_to_markdown

    placed = _placed()
    if args.format == "csv":
        text = bookmarks_to_csv(placed, raw=args.raw_cells)
    else:
        text = bookmarks_to_json(placed) if args.format == "json" else bookmarks_to_markdown(placed)
    if not args.output and sys.stdout.isatty():
        text = safe_text(text)  # notes and cable text may hold terminal escapes: never to a terminal
    with open_output(args.output, force=args.force) as fh:
        fh.write(text)
    if args.output and args.output != "-":
        print(f"{len(placed)} bookmarks written to {safe_text(args.output)}", file=sys.stderr)
    return 0


@guarded
def run_add(args: argparse.Namespace) -> int:
    """`tipreader bookmarks add REF_ID PARAGRAPH`."""
    from tipreader.library.bookmark_keys import anchor_index

    anchor = _anchor(args.paragraph)
    ref = args.ref_id.strip().upper()
    cable = library_cable(ref)
    if cable is None:
        error_line(f"{ref}: not in the library (import it first: tipreader import FILE)")
        return 1
    index = anchor_index(cable, anchor)
    if index is None:
        no_paragraph(ref, cable, args.paragraph)
        return 1
    with _store() as store:
        mark, new = store.add(cable, index, note=args.note)
    print(f"{'Bookmarked' if new else 'Updated the bookmark on'} {mark.citation}")
    return 0


def _remove_placed(store, ref: str, anchor: str):
    from tipreader.library import Library
    from tipreader.library.bookmark_keys import anchor_index

    with Library.open() as lib:
        cable = lib.get(ref)
    index = anchor_index(cable, anchor) if cable is not None else None
    placed = store.in_cable(cable).get(index) if index is not None else None
    return store.delete(placed.bookmark.id) if placed is not None else None


@guarded
def run_remove(args: argparse.Namespace) -> int:
    """`tipreader bookmarks remove REF_ID PARAGRAPH`."""
    anchor = _anchor(args.paragraph)
    ref = args.ref_id.strip().upper()
    with _store() as store:
        gone = store.remove(ref, anchor)
        if gone is None:  # "i4" for a numbered paragraph, or a bookmark a newer parser moved
            gone = _remove_placed(store, ref, anchor)
    if gone is None:
        error_line(f"{ref}: no bookmark on paragraph {args.paragraph} (see tipreader bookmarks list)")
        return 1
    print(f"Removed the bookmark on {gone.citation}")
    return 0

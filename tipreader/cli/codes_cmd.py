"""`tipreader codes book|list|add|remove|export`: the codebook and coded passages from the shell.

Coded passages live in the user database (``<home>/user.sqlite3``), apart from the library;
the codebook is a TOML file (see :mod:`tipreader.userdata.codebook`).
"""

from __future__ import annotations

import argparse
import json
import sys

from tipreader.cli.common import (error_line, guarded, library_cable, no_paragraph, open_output, placed_in_library,
                                  safe_text)
from tipreader.export.csv_cells import RAW_HELP

_RAW = argparse.RawDescriptionHelpFormatter
_WHERE_HELP = ("the paragraph: its number (5 or ¶5), i7 for unnumbered text at paragraph index 7, or Q23.A for "
               "a question with its answer (the question's label, as the reader shows it)")


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``codes`` and its actions to the ``tipreader`` parser."""
    p = sub.add_parser(
        "codes",
        help="the codebook; code passages, list, remove and export them (CSV)",
        description="Code passages of cables with the codes of a codebook (a TOML file: the settings' "
        "codebook = \"FILE\", else codebook.toml in the data folder, else the bundled TIP research example). "
        "Coded passages are kept in your own database, apart from the library, keyed like bookmarks so they "
        "survive a re-import or rebuild. Search them with code:NAME.",
        epilog="examples:\n  tipreader codes book\n  tipreader codes add 08MEXICO721 12 objection --note 'on the ranking'\n"
        "  tipreader codes add 08MEXICO721 Q2.C cooperative\n  tipreader codes list --code objection\n"
        "  tipreader codes export --csv -o codes.csv\n  tipreader codes remove 08MEXICO721 12 objection",
        formatter_class=_RAW,
    )
    csub = p.add_subparsers(dest="codes_command", metavar="ACTION", required=True)

    s = csub.add_parser("book", help="the codebook in effect: its file and codes, with how often each is used",
                        description="The codebook in effect: where it was read from, and each code with its "
                        "description and how many passages carry it.",
                        epilog="examples:\n  tipreader codes book\n  tipreader codes book --json | jq -r .name",
                        formatter_class=_RAW)
    s.add_argument("--json", action="store_true", help="JSON Lines: name, group, description, passages")
    s.set_defaults(func=run_book)

    s = csub.add_parser("list", help="coded passages, by cable and paragraph",
                        description="Coded passages, by cable and paragraph: citation, question, code, author, "
                        "status, the passage's first words and the note's.",
                        epilog="examples:\n  tipreader codes list\n  tipreader codes list --code objection\n"
                        "  tipreader codes list --json | jq -r .code", formatter_class=_RAW)
    s.add_argument("--code", metavar="CODE", help="only passages with this code")
    s.add_argument("--json", action="store_true", help="JSON Lines: the CSV export's columns")
    s.set_defaults(func=run_list)

    s = csub.add_parser("add", help="apply a code to a paragraph or a question with its answer",
                        description="Apply a code of the codebook to a paragraph of a cable in the library, or "
                        "to a question with its answer (each of its paragraphs). A paragraph that has the code "
                        "already is refreshed to its current text; --note replaces its note.",
                        epilog="examples:\n  tipreader codes add 08MEXICO721 12 objection\n"
                        "  tipreader codes add 08MEXICO721 ¶5 funding --note 'shelter budget'\n"
                        "  tipreader codes add 08MEXICO721 Q2.C cooperative", formatter_class=_RAW)
    s.add_argument("ref_id", metavar="REF_ID", help="the cable's reference id")
    s.add_argument("where", metavar="PARAGRAPH", help=_WHERE_HELP)
    s.add_argument("code", metavar="CODE", help="a code of the codebook (tipreader codes book lists them)")
    s.add_argument("--note", metavar="TEXT", default=None, help="a note on the coded passage")
    s.set_defaults(func=run_add)

    s = csub.add_parser("remove", help="remove a code from a paragraph or a question with its answer",
                        description="Remove a code from a paragraph (or from every paragraph of a question "
                        "with its answer); its note goes with it.",
                        epilog="examples:\n  tipreader codes remove 08MEXICO721 12 objection\n"
                        "  tipreader codes remove 08MEXICO721 Q2.C cooperative", formatter_class=_RAW)
    s.add_argument("ref_id", metavar="REF_ID", help="the cable's reference id")
    s.add_argument("where", metavar="PARAGRAPH", help=_WHERE_HELP)
    s.add_argument("code", metavar="CODE", help="the code to remove")
    s.set_defaults(func=run_remove)

    s = csub.add_parser("export", help="every coded passage as CSV, one row each",
                        description="Every coded passage as CSV (UTF-8, header row), one row per code on a "
                        "paragraph: ref_id, date, origin, classification, subject, paragraph, question, code, "
                        "author, note, text (the passage), status, in_codebook, created, updated.",
                        epilog="examples:\n  tipreader codes export --csv -o codes.csv\n"
                        "  tipreader codes export --csv --code objection > objection.csv", formatter_class=_RAW)
    s.add_argument("--csv", action="store_true", default=True, help="CSV (the default and only format)")
    s.add_argument("--code", metavar="CODE", help="only passages with this code")
    s.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of standard output")
    s.add_argument("--force", action="store_true", help="replace FILE when it exists (a regular file only; its mode is kept)")
    s.add_argument("--raw-cells", action="store_true", help=RAW_HELP)
    s.set_defaults(func=run_export)


def _codebook():
    """The codebook in effect; its problems as one warning line each on stderr."""
    from tipreader.userdata.codebook import load_codebook

    book, problems = load_codebook()
    for problem in problems:
        error_line(problem)
    return book


def _store():
    from tipreader.userdata.codes import CodeStore

    return CodeStore.open()


def _located(code: str | None = None):
    """The coded passages (of ``code``), each located in the library, with its cable."""
    from tipreader.userdata.codes import Located, locate_all

    with _store() as store:
        passages = store.all(code)
    return placed_in_library(passages, locate_all, lambda p: (Located(p, "unknown", None), None))


@guarded
def run_book(args: argparse.Namespace) -> int:
    """`tipreader codes book`."""
    from tipreader.library.paths import display_path

    book = _codebook()
    with _store() as store:
        counts = store.counts()
    w = sys.stdout.write
    if args.json:
        for c in book.codes:
            w(json.dumps({"name": c.name, "group": c.group, "description": c.description,
                          "passages": counts.get(c.name, 0)}, ensure_ascii=False) + "\n")
        return 0
    where = "bundled example" if book.bundled else display_path(book.path) if book.path else ""
    w(f"{safe_text(book.name)} ({safe_text(where)}), {len(book.codes)} codes\n")
    group = None
    for c in book.codes:
        if c.group != group:
            group = c.group
            if group:
                w(f"\n{safe_text(group)}:\n")
        n = counts.get(c.name, 0)
        w(f"  {c.name:<16} {n:>5}  {safe_text(c.description)}\n")
    stray = sorted(set(counts) - set(book.names))
    if stray:
        w("\nnot in the codebook (kept):\n")
        for name in stray:
            w(f"  {safe_text(name):<16} {counts[name]:>5}\n")
    return 0


@guarded
def run_list(args: argparse.Namespace) -> int:
    """`tipreader codes list`."""
    from tipreader.export.codes_csv import code_row

    book = _codebook()
    located = _located(args.code)
    w = sys.stdout.write
    for loc, cable in located:
        row = code_row(loc, cable, book)
        if args.json:
            w(json.dumps(row, ensure_ascii=False) + "\n")
            continue
        para = row["paragraph"]
        cite = f"{row['ref_id']} {'¶' + para if para.isdigit() else para}"
        question = f"Q {row['question']}" if row["question"] else ""
        flag = "" if loc.status == "ok" else f" [{loc.status}]"
        first = " ".join(row["text"].split())[:60]
        line = f"{safe_text(cite):<22} {question:<9} {safe_text(row['code']):<14} {safe_text(row['author'])[:12]:<12}{flag}  {safe_text(first)}"
        if row["note"].strip():
            line += f"  — note: {safe_text(' '.join(row['note'].split()))[:50]}"
        w(line + "\n")
    if not located and not args.json:
        print("no coded passages" + (f" with the code {args.code!r}" if args.code else ""), file=sys.stderr)
    return 0


def _indexes(cable, where: str) -> tuple[list[int], str] | None:
    """The paragraph indexes ``where`` names in ``cable`` and how to cite them; None when it names none."""
    from tipreader.cli import UsageError
    from tipreader.library.bookmark_keys import anchor_index, parse_anchor
    from tipreader.userdata.codes import question_paragraphs

    text = where.strip()
    label = _question_label(text)
    if label is not None:
        for q in cable.questions:
            if q.label.upper() == label:
                return question_paragraphs(q), f"Q {q.label}"
        return None
    try:
        anchor = parse_anchor(text)
    except ValueError as err:
        raise UsageError(f"{err}; or Q23.A for a question with its answer") from None
    index = anchor_index(cable, anchor)
    return ([index], f"¶{text.lstrip('¶').strip()}" if anchor.isdigit() else anchor) if index is not None else None


def _no_such_place(ref: str, cable, where: str) -> None:
    if _question_label(where) is not None:
        labels = [q.label for q in cable.questions if q.label]
        known = f"questions {', '.join(labels[:8])}{', ...' if len(labels) > 8 else ''}" if labels else "no questions"
        error_line(f"{ref}: no question {where.strip()[1:]} ({known})")
        return
    no_paragraph(ref, cable, where)


@guarded
def run_add(args: argparse.Namespace) -> int:
    """`tipreader codes add REF_ID PARAGRAPH CODE`."""
    book = _codebook()
    code = book.get(args.code)
    if code is None:
        error_line(f"{args.code}: not a code of the codebook {book.name!r} (codes: {', '.join(book.names)}; "
                   "tipreader codes book describes them)")
        return 1
    ref = args.ref_id.strip().upper()
    cable = library_cable(ref)
    if cable is None:
        error_line(f"{ref}: not in the library (import it first: tipreader import FILE)")
        return 1
    found = _indexes(cable, args.where)
    if found is None:
        _no_such_place(ref, cable, args.where)
        return 1
    indexes, cite = found
    with _store() as store:
        done = store.apply(cable, indexes, code.name, note=args.note)
    new = sum(1 for _, is_new in done if is_new)
    what = f"{len(done)} paragraphs" if len(done) > 1 else "the paragraph"
    verb = "Coded" if new else "Updated the code on"
    print(f"{verb} {ref} {cite} ({what}) as {code.name}")
    return 0


def _question_label(where: str) -> str | None:
    """``Q23.A`` / ``q:23.a`` → ``23.A``; None for a paragraph."""
    text = where.strip()
    if text[:1] in "Qq" and len(text) > 1:
        return text[1:].strip().lstrip(":").strip().upper()
    return None


@guarded
def run_remove(args: argparse.Namespace) -> int:
    """`tipreader codes remove REF_ID PARAGRAPH CODE`."""
    from tipreader.cli import UsageError
    from tipreader.library.bookmark_keys import parse_anchor
    from tipreader.userdata.codebook import normalize

    ref, code = args.ref_id.strip().upper(), normalize(args.code)
    cable = library_cable(ref)
    with _store() as store:
        if cable is not None:
            found = _indexes(cable, args.where)
            if found is None:
                _no_such_place(ref, cable, args.where)
                return 1
            indexes, cite = found
            placed = store.in_cable(cable, team=False)  # only your own codes can be removed
            ids = [loc.passage.id for i in indexes for loc in placed.get(i, []) if loc.passage.code == code]
        else:  # the cable left the library: by the stored anchor or question label
            label = _question_label(args.where)
            if label is not None:
                cite = f"Q {label}"
                ids = [p.id for p in store.for_ref(ref, team=False) if p.code == code and (p.question or "").upper() == label]
            else:
                try:
                    anchor = parse_anchor(args.where)
                except ValueError as err:
                    raise UsageError(f"{err}; or Q23.A for a question with its answer") from None
                cite = f"¶{anchor}" if anchor.isdigit() else anchor
                ids = [p.id for p in store.for_ref(ref, team=False) if p.code == code and p.anchor == anchor]
        gone = store.delete(ids)
    if not gone:
        error_line(f"{ref}: no code {code!r} on {cite} (see tipreader codes list)")
        return 1
    what = f"{len(gone)} paragraphs" if len(gone) > 1 else "the paragraph"
    print(f"Removed {code} from {ref} {cite} ({what})")
    return 0


@guarded
def run_export(args: argparse.Namespace) -> int:
    """`tipreader codes export --csv`."""
    from tipreader.export.codes_csv import code_rows, write_codes_csv

    book = _codebook()
    rows = code_rows(_located(args.code), book)
    if not args.output and sys.stdout.isatty():
        rows = [{k: safe_text(v) for k, v in row.items()} for row in rows]  # never escapes to a terminal
    with open_output(args.output, force=args.force) as fh:
        n = write_codes_csv(rows, fh, raw=args.raw_cells)
    if args.output and args.output != "-":
        print(f"{n} coded passages written to {safe_text(args.output)}", file=sys.stderr)
    return 0

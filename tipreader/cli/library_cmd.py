"""`tipreader import`, `search`, `show` and `library stats|rebuild`: the library from the shell."""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

from tipreader.cli.common import add_entities, cables, error_line, safe_text

_RAW = argparse.RawDescriptionHelpFormatter


def _guarded(fn):
    """Run a command; a library that cannot be opened or read is one line on stderr, exit 1."""

    def run(args: argparse.Namespace) -> int:
        import sqlite3

        try:
            return fn(args)
        except BrokenPipeError:
            raise  # `tipreader search x | head`: the caller stops quietly; not the library's fault
        except (sqlite3.Error, OSError, ValueError) as err:
            from tipreader.library import paths

            error_line(f"the library at {paths.library_dir()} cannot be used: {type(err).__name__}: {err}")
            return 1

    run.__doc__ = fn.__doc__
    return run


def register(sub: argparse._SubParsersAction) -> None:
    """Add the library commands to the ``tipreader`` parser."""
    p = sub.add_parser(
        "import",
        help="import cables into the library",
        description="Import cable files into the local library: WikiLeaks pages, cables CSV files "
        "(many cables each), text cables; folders are searched recursively, globs are expanded. "
        "Files unchanged since the last import are skipped, so re-importing is fast and changes nothing. "
        "The cables are searchable as soon as they are stored; a second pass then finds the names in them "
        "for the person: org: place: acronym: law: fields (--no-entities leaves it to `tipreader library "
        "entities`). Exit status 1 when any file failed (every good file is imported regardless).",
        epilog="examples:\n  tipreader import ~/cables/\n  tipreader import cables.csv\n"
        "  tipreader import 'downloads/*.html' 08MEXICO721.txt",
        formatter_class=_RAW,
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="file, folder or glob")
    p.add_argument("--workers", type=int, default=None, help="parse processes (default: 2, or 1 for small imports)")
    p.add_argument("--no-entities", action="store_true",
                   help="skip the entity pass (person: org: ... fields) for now; `tipreader library entities` runs it")
    p.set_defaults(func=_guarded(run_import))

    p = sub.add_parser(
        "search",
        help="search the library",
        description="Search the library. Words match any form (trafficked finds trafficking), "
        'case and accents ignored; "exact phrase", prefix*, AND, OR, NOT or -word, (parentheses); '
        "fields: id:08MEXICO721 origin:mexico tag:KTIP class:secret subject:visa "
        "date:2008 date:2008-01..2008-06; names found in the cables: person:calderon org:\"national migration "
        "institute\" place:tijuana acronym:INM law: entity: (any of these); your bookmarks: bookmarked:yes|no "
        "note:words; your coded passages: code:objection (tipreader codes book lists the codes). Hits are ranked best first.",
        epilog="examples:\n  tipreader search trafficking\n  tipreader search '\"forced labor\" origin:mexico'\n"
        "  tipreader search 'tag:KTIP date:2007..2009 -prostitution' --limit 50\n"
        "  tipreader search 'subject:(visa OR asylum)' --json | jq .ref_id\n"
        "  tipreader search 'person:calderon org:\"national migration institute\"'\n"
        "  tipreader search 'place:tijuana bookmarked:yes'   tipreader search 'note:follow*'\n"
        "  tipreader search 'code:objection date:2008'",
        formatter_class=_RAW,
    )
    p.add_argument("query", nargs="+", metavar="QUERY", help="the query (several arguments are joined by spaces)")
    p.add_argument("--limit", type=int, default=20, metavar="N", help="at most N hits (default 20)")
    p.add_argument("--json", action="store_true", help="JSON Lines: ref_id, date, origin, subject, score, paragraph, snippet")
    p.add_argument("--count", action="store_true", help="also print how many cables match")
    p.add_argument("--by-date", action="store_true", help="newest first instead of best first")
    p.add_argument("--histogram", action="store_true",
                   help="instead of the hits, how many match in each year (each month when they span under two years)")
    p.set_defaults(func=_guarded(run_search))

    p = sub.add_parser(
        "show",
        help="print a cable from the library",
        description="Print a stored cable: its header facts, then its paragraphs.",
        epilog="examples:\n  tipreader show 08MEXICO721\n  tipreader show 08mexico721 --json",
        formatter_class=_RAW,
    )
    p.add_argument("ref_id", metavar="REF_ID", help="the cable's reference id")
    p.add_argument("--json", action="store_true", help="the parsed cable as JSON")
    p.add_argument("--original", action="store_true", help="the original file's bytes as imported")
    p.set_defaults(func=_guarded(run_show))

    p = sub.add_parser(
        "library",
        help="library statistics and maintenance",
        description="Library statistics and maintenance.",
        epilog="examples:\n  tipreader library stats\n  tipreader library stats --json\n  tipreader library rebuild\n"
        "  tipreader library entities",
        formatter_class=_RAW,
    )
    lsub = p.add_subparsers(dest="library_command", metavar="ACTION", required=True)
    s = lsub.add_parser("stats", help="counts, sizes, date range, top origins and tags",
                        description="Counts, sizes, date range, top origins and tags.",
                        epilog="example:\n  tipreader library stats --json", formatter_class=_RAW)
    s.add_argument("--json", action="store_true", help="as one JSON object")
    s.set_defaults(func=_guarded(run_stats))
    r = lsub.add_parser("rebuild", help="re-parse every stored original into a fresh index",
                        description="Re-parse every stored original into a fresh index and refresh the metadata "
                        "(after a parser upgrade). Your bookmarks, notes, positions and history are not touched.",
                        epilog="example:\n  tipreader library rebuild", formatter_class=_RAW)
    r.set_defaults(func=_guarded(run_rebuild))
    e = lsub.add_parser("entities", help="find the names in cables still waiting for them (person: org: ... fields)",
                        description="Run the entity pass over the cables whose names (people, organisations, places, "
                        "acronyms, laws) are not indexed yet: after `import --no-entities`, or an import or rebuild "
                        "stopped during that pass; and over the cables whose names an older version of the entity "
                        "extractor found (`library stats` then says 'names: re-extract suggested'). Nothing to do "
                        "when none is waiting.",
                        epilog="example:\n  tipreader library entities", formatter_class=_RAW)
    e.add_argument("--workers", type=int, default=None, help="processes (default: 2, or 1 for few cables)")
    e.set_defaults(func=_guarded(run_entities))


def _open(seed: bool = True, current: bool = True, names_note: bool = True):
    """The library (seeded when empty unless ``seed`` is False). Unless ``current`` is False, a
    library written by another tipreader version raises :class:`RebuildNeeded` (one line, exit 1),
    and a suggested rebuild or (unless ``names_note`` is False) re-extraction is noted in one line."""
    from tipreader.library import Library

    lib = Library.open()
    if current and lib.needs_rebuild:
        from tipreader.library.library import RebuildNeeded

        lib.close()
        raise RebuildNeeded(lib.needs_rebuild)
    if seed:
        lib.ensure_seeded()
    if current and lib.rebuild_suggested:
        print(f"tipreader: note: {lib.rebuild_suggested}; run `tipreader library rebuild`", file=sys.stderr)
    elif current and names_note and lib.reextract_suggested:
        print(f"tipreader: note: {lib.reextract_suggested}; run `tipreader library entities`", file=sys.stderr)
    return lib


def _fmt_eta(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 60}m{seconds % 60:02d}s" if seconds >= 60 else f"{seconds}s"


class _Reporter:
    """Progress on stderr: a Rich bar on a terminal, a plain line every few seconds otherwise."""

    def __init__(self, verb: str) -> None:
        self.verb = verb
        self.tty = sys.stderr.isatty()
        self.progress: Progress | None = None
        self.task: TaskID | None = None
        self.last_line = time.monotonic()
        if self.tty:
            from rich.console import Console
            from rich.progress import (BarColumn, Progress, TextColumn, TimeRemainingColumn,
                                       TransferSpeedColumn)

            self.progress = Progress(
                TextColumn("[bold]{task.description}"), BarColumn(),
                TextColumn("{task.fields[files]}"),
                TransferSpeedColumn(), TimeRemainingColumn(),
                console=Console(stderr=True), transient=True,
            )
            self.task = self.progress.add_task(verb, total=None, cables=0, files="files 0/0")
            self.progress.start()

    def update(self, p) -> None:
        entities = p.phase == "entities"
        verb = "entities" if entities else self.verb
        done = p.entities_done if entities else max(p.cables_read, p.cables_done)
        files = f"{p.entities_done}/{p.entities_total} cables" if entities else f"files {p.files_done}/{p.files_total}"
        if self.progress is not None and self.task is not None:
            self.progress.update(self.task, description=verb, total=p.bytes_total or None, completed=p.bytes_done,
                                 cables=done, files=files)
            return
        now = time.monotonic()
        if now - self.last_line >= 5 and p.elapsed > 0 and not p.finished:
            self.last_line = now
            spent = p.elapsed - p.searchable_after if entities else p.elapsed
            rate = p.bytes_done / spent / 1e6 if spent > 0 else 0.0
            left = (p.bytes_total - p.bytes_done) / (p.bytes_done / spent) if p.bytes_done and spent > 0 else 0
            what = files if entities else f"{done} cables, {files}"
            print(f"tipreader: {verb}: {what}, {rate:.1f} MB/s, ETA {_fmt_eta(left)}", file=sys.stderr, flush=True)

    def error(self, source: str, reason: str) -> None:
        if self.progress is not None:
            self.progress.console.print(f"tipreader: {safe_text(source)}: {safe_text(reason)}", markup=False,
                                        highlight=False)
        else:
            error_line(reason, source)

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()


def _summary(verb: str, report, elapsed: float) -> str:
    p = report.progress
    if verb == "entities":
        if not p.entities_total:
            return "no cable is waiting for its entities"
        return f"entities indexed for {p.entities_done:,} of {cables(p.entities_total)} waiting in {elapsed:.1f}s"
    replaced = f" ({p.texts_replaced:,} of them a newer or cleaner text of a stored cable)" if p.texts_replaced else ""
    parts = [f"{cables(p.cables_imported)} {verb}{replaced}", f"{p.files_skipped:,} unchanged files skipped"]
    if p.cables_unchanged:
        parts.append(f"{cables(p.cables_unchanged)} already stored")
    if p.older_texts:
        parts.append(f"{p.older_texts:,} other {'text' if p.older_texts == 1 else 'texts'} of stored cables kept aside")
    parts.append(f"{p.failed} failed")
    if p.phase == "entities":
        tail = f" (searchable after {p.searchable_after:.1f}s; entities indexed for {cables(p.entities_done)}"
        left = p.entities_total - p.entities_done
        tail += f", {left} still waiting: `tipreader library entities`)" if left else ")"
        return ", ".join(parts) + f" in {elapsed:.1f}s" + tail
    mb = p.bytes_done / 1e6
    rate = f" ({mb / elapsed:.1f} MB/s)" if elapsed > 0.5 and mb else ""
    return ", ".join(parts) + f" in {elapsed:.1f}s{rate}"


def _run_job(verb: str, job, after=None) -> int:
    """Run an import-like ``job`` with progress; then ``after()`` (a one-line problem or None)."""
    reporter = _Reporter(verb)
    cancel = threading.Event()
    start = time.monotonic()
    report = None
    try:
        report = job(reporter, cancel)
    except KeyboardInterrupt:
        reporter.stop()
        print(f"tipreader: interrupted; what was committed is kept — run `tipreader {verb}` again to resume",
              file=sys.stderr)
        return 130
    except RuntimeError as err:  # the library is busy (another import holds the index lock)
        reporter.stop()
        error_line(str(err))
        return 1
    finally:
        reporter.stop()
    words = {"import": "imported", "library entities": "entities"}
    print(_summary(words.get(verb, "re-indexed"), report, time.monotonic() - start))
    if after is not None and not report.progress.cancelled:
        problem = after()
        if problem:
            error_line(problem)
    return 1 if report.progress.failed else 0


def run_import(args: argparse.Namespace) -> int:
    """`tipreader import PATH...`."""
    lib = _open(seed=False)
    try:
        return _run_job("import", lambda rep, cancel: lib.import_paths(
            args.paths, progress=rep.update, on_error=rep.error, cancel=cancel, workers=args.workers,
            entities=not args.no_entities), after=lambda: _tip_sync(lib))
    finally:
        lib.close()


def _tip_sync(lib) -> str | None:
    """The TIP submissions' pass after an import (alignment, figures); see tipreader.tip.store."""
    from tipreader.tip.store import sync_after_import

    return sync_after_import(lib)


def run_rebuild(args: argparse.Namespace) -> int:
    """`tipreader library rebuild`."""
    lib = _open(seed=False, current=False)
    try:
        return _run_job("library rebuild", lambda rep, cancel: lib.rebuild(
            progress=rep.update, on_error=rep.error, cancel=cancel), after=lambda: _tip_sync(lib))
    finally:
        lib.close()


def run_entities(args: argparse.Namespace) -> int:
    """`tipreader library entities`: the cables waiting for their names, and those whose names an
    older extractor found."""
    lib = _open(seed=False, names_note=False)
    try:
        return _run_job("library entities", lambda rep, cancel: lib.index_entities(
            progress=rep.update, on_error=rep.error, cancel=cancel, workers=args.workers, reextract=True))
    finally:
        lib.close()


def _print_histogram(hist, as_json: bool) -> int:
    """`search --histogram`: a bar per period (or one JSON object)."""
    out = sys.stdout
    if as_json:
        out.write(json.dumps(hist.to_dict(), ensure_ascii=False) + "\n")
        return 0
    if not hist.total:
        out.write("no cable matches\n")
        return 0
    top = max((n for _, n in hist.buckets), default=0) or 1
    width = max((len(f"{n:,}") for _, n in hist.buckets), default=1)
    for period, n in hist.buckets:
        bar = "█" * max(1 if n else 0, round(40 * n / top))
        out.write(f"{period:<8} {n:>{width},}  {bar}\n")
    if hist.unknown:
        out.write(f"{'no date':<8} {hist.unknown:>{width},}\n")
    out.write(f"{cables(hist.total)} by {hist.unit}\n")
    return 0


def run_search(args: argparse.Namespace) -> int:
    """`tipreader search QUERY`."""
    from tipreader.library import QueryError
    from tipreader.library.query import uses_entity_fields
    from tipreader.userdata.filters import UserFilter

    query = " ".join(args.query)
    if args.limit < 1:
        error_line("--limit must be at least 1")
        return 2
    lib = _open()
    marks = UserFilter()  # bookmarked:, note: and code:, from the user database when a query asks
    try:
        try:
            if args.histogram:
                return _print_histogram(lib.histogram(query, bookmarks=marks), args.json)
            hits = lib.search(query, limit=args.limit, order="date" if args.by_date else "relevance", bookmarks=marks)
            total = lib.count(query, bookmarks=marks) if args.count else None
        except QueryError as err:
            error_line(f"bad query: {err}")
            return 2
        waiting = lib.entities_pending() if uses_entity_fields(query) else 0
        if waiting:
            error_line(f"note: the names in {waiting:,} cables are not indexed yet, so entity fields miss them; "
                       "`tipreader library entities` indexes them")
    finally:
        marks.close()
        lib.close()
    out = sys.stdout
    if args.json:
        for hit in hits:
            out.write(json.dumps(hit.to_dict(), ensure_ascii=False) + "\n")
        if total is not None:
            print(f"tipreader: {cables(total)} {'matches' if total == 1 else 'match'}", file=sys.stderr)
        return 0
    if total is not None:
        out.write(f"{cables(total)} {'matches' if total == 1 else 'match'}\n")
    if not hits:
        out.write("no cable matches\n")
        return 0
    for hit in hits:
        para = f" ¶{hit.paragraph}" if hit.paragraph is not None else ""
        out.write(f"{hit.ref_id}  {(hit.date or '')[:10]}  {safe_text(hit.origin or '')}  [{hit.score:.2f}]\n")
        out.write(f"    {safe_text(hit.subject or '(no subject)')}\n")
        out.write(f"   {para} {safe_text(hit.snippet.marked('[', ']'))}\n")
    return 0


def run_show(args: argparse.Namespace) -> int:
    """`tipreader show REF_ID`."""
    lib = _open()
    try:
        if args.original:
            orig = lib.original(args.ref_id)
            if orig is None:
                cable = lib.get(args.ref_id)
                if cable is None:
                    error_line(f"{args.ref_id}: not in the library")
                    return 1
                sys.stdout.write(safe_text(cable.header_text + "\n\n" + cable.body_text) + "\n")
                return 0
            if sys.stdout.isatty():  # a crafted cable could retitle the window, write the clipboard...
                from tipreader.safetext import caret

                sys.stdout.write(caret(orig[1].decode("utf-8", "replace")))
            else:  # piped or redirected: the bytes as imported
                sys.stdout.buffer.write(orig[1])
            return 0
        cable = lib.get(args.ref_id)
        older = lib.older_texts(cable.ref_id) if cable else []
    finally:
        lib.close()
    if cable is None:
        error_line(f"{args.ref_id}: not in the library (try `tipreader search id:{args.ref_id}*`)")
        return 1
    if args.json:  # with its entities, as `tipreader parse --json` gives them (the library finds them apart)
        sys.stdout.write(json.dumps(add_entities(cable).to_dict(), ensure_ascii=False, default=str) + "\n")
        return 0
    w = sys.stdout.write
    w(f"{cable.ref_id}\n")
    if cable.date is None and cable.year_guess is not None:  # a guess, never in the id
        w(f"{'Date:':<16}year not stated; {cable.year_guess}? (ten years before the declassification date)\n")
    for label, value in (("Date", cable.date), ("Origin", cable.origin), ("Classification", cable.classification),
                         ("Tags", " ".join(cable.tags)), ("Subject", cable.subject), ("Source", cable.source)):
        if value:
            w(f"{label + ':':<16}{safe_text(value)}\n")
        if label == "Classification" and cable.classification_note:
            w(f"{'':<16}({safe_text(cable.classification_note)})\n")
    if older:
        w(f"{'Other texts:':<16}{len(older)} kept aside (an earlier release or a less clean copy of this cable)\n")
    w("\n")
    if cable.paragraphs:
        for para in cable.paragraphs:
            lead = f"{para.number}. " if para.number is not None else ""
            mark = f"({para.marking}) " if para.marking else ""
            w(f"{lead}{mark}{safe_text(para.text)}\n\n")
    else:
        w(safe_text(cable.body_text) + "\n")
    return 0


def run_stats(args: argparse.Namespace) -> int:
    """`tipreader library stats`."""
    lib = _open(seed=False, current=False)
    try:
        if not lib.needs_rebuild:
            lib.ensure_seeded()
        st = lib.stats()
    finally:
        lib.close()
    if args.json:
        sys.stdout.write(json.dumps(st.to_dict(), ensure_ascii=False) + "\n")
        return 0
    w = sys.stdout.write
    w(f"Library:        {st.path}\n")
    if st.rebuild_needed:
        w(f"Rebuild needed: {st.rebuild_needed} (run `tipreader library rebuild`)\n")
    if st.rebuild_suggested:
        w(f"Rebuild suggested: {st.rebuild_suggested} (run `tipreader library rebuild`)\n")
    if st.read_only:
        w("Read-only:      yes: searched and read as it is; imports and rebuilds need a writable folder\n")
    w(f"Cables:         {st.cables:,} ({st.partial:,} partial extracts; {st.older_texts:,} other texts kept aside)\n")
    w(f"Files:          {st.files:,}\n")
    w(f"Text:           {st.bytes / 1e6:,.1f} MB; database {st.database_bytes / 1e6:,.1f} MB, "
      f"index {st.index_bytes / 1e6:,.1f} MB\n")
    w(f"Dates:          {(st.date_first or '?')[:10]} .. {(st.date_last or '?')[:10]}\n")
    w("Top origins:    " + ", ".join(f"{o} ({n:,})" for o, n in st.top_origins) + "\n")
    w("Top tags:       " + ", ".join(f"{t} ({n:,})" for t, n in st.top_tags) + "\n")
    w("Classification: " + ", ".join(f"{c} ({n:,})" for c, n in st.classifications) + "\n")
    if st.entities_pending:
        w(f"Entities:       not yet indexed in {st.entities_pending:,} cables (`tipreader library entities`)\n")
    if st.reextract_suggested:
        w(f"Names:          {st.reextract_suggested.removeprefix('names: ')} (run `tipreader library entities`)\n")
    return 0

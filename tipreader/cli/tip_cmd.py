"""`tipreader tip submissions|compare|export|figures|topics`: TIP submissions compared across years and countries."""

from __future__ import annotations

import argparse
import json
import sys

from tipreader.cli.common import error_line, open_output, safe_text
from tipreader.cli.library_cmd import _guarded, _open
from tipreader.export.csv_cells import RAW_HELP, CsvWriter

_RAW = argparse.RawDescriptionHelpFormatter


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``tipreader tip ...`` to the parser."""
    p = sub.add_parser(
        "tip", help="compare TIP submissions across years and countries; their figures",
        description="Annual Trafficking in Persons submissions in the library: every answer keyed to a topic that is "
        "stable across years and countries (`tipreader tip topics` lists them), compared across years or countries, "
        "exported for spreadsheets, and the counts they report (investigations, prosecutions, convictions, victims...).",
        epilog="examples:\n  tipreader tip submissions --country Iceland\n"
        "  tipreader tip compare 08MEXICO721:2.C --by year\n"
        "  tipreader tip compare prosecution.labor-trafficking-penalties --year 2009 --by country --csv\n"
        "  tipreader tip export --csv -o answers.csv\n  tipreader tip figures --country 'Costa Rica' --csv",
        formatter_class=_RAW)
    tsub = p.add_subparsers(dest="tip_command", metavar="ACTION", required=True)

    s = tsub.add_parser("submissions", help="the submissions: country, report year, cables, questions, aligned",
                        description="The annual TIP submissions in the library: country, report year (the report the "
                        "submission feeds), its cables (a submission in two parts is one), questions, and how many "
                        "answers have a topic key.",
                        epilog="examples:\n  tipreader tip submissions\n  tipreader tip submissions --year 2009 --json",
                        formatter_class=_RAW)
    _filters(s)
    s.add_argument("--json", action="store_true", help="JSON Lines, one submission a line")
    s.set_defaults(func=_guarded(run_submissions))

    c = tsub.add_parser("compare", help="one topic's answers across years or countries",
                        description="The answers to one topic, from every submission in the library: name the topic "
                        "(`tipreader tip topics`) or an answer as REF_ID:LABEL, whose topic and country are then used "
                        "(--by year: that country's years; --by country: that year's countries).",
                        epilog="examples:\n  tipreader tip compare 08MEXICO721:2.C --by year\n"
                        "  tipreader tip compare 09TRIPOLI154:3.E --by country\n"
                        "  tipreader tip compare protection.shelters --country Iceland --csv",
                        formatter_class=_RAW)
    c.add_argument("what", metavar="TOPIC|REF_ID:LABEL")
    _filters(c)
    c.add_argument("--by", choices=("year", "country"), default="year", help="order (and scope, for REF_ID:LABEL)")
    c.add_argument("--newest-first", action="store_true", help="newest year first")
    _formats(c)
    c.set_defaults(func=_guarded(run_compare))

    e = tsub.add_parser("export", help="every aligned answer, one row per answer (CSV)",
                        description="Every answer with a topic key, one row per answer, for spreadsheets and R/Stata.",
                        epilog="example:\n  tipreader tip export --csv -o answers.csv", formatter_class=_RAW)
    e.add_argument("--csv", action="store_true", default=True, help="CSV (the default and only format)")
    e.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of standard output")
    e.add_argument("--force", action="store_true", help="replace FILE when it exists (a regular file only; its mode is kept)")
    e.add_argument("--raw-cells", action="store_true", help=RAW_HELP)
    e.set_defaults(func=_guarded(run_export))

    f = tsub.add_parser("figures", help="the counts each submission reports, by country and year",
                        description="Counts extracted from the answers (investigations, prosecutions, convictions, "
                        "sentenced, prison terms in months, victims identified or assisted, shelters, funding in USD), each "
                        "with its cable, "
                        "question, paragraph, the period its sentence names and the sentence itself.",
                        epilog="examples:\n  tipreader tip figures\n  tipreader tip figures --country Iceland --csv",
                        formatter_class=_RAW)
    _filters(f)
    _formats(f)
    f.set_defaults(func=_guarded(run_figures))

    t = tsub.add_parser("topics", help="the topic keys answers are aligned to",
                        description="The topic list: bundled, extended by a topics.toml of your own (see --help of "
                        "`tipreader tip`); problems with your file are reported.",
                        epilog="example:\n  tipreader tip topics --json", formatter_class=_RAW)
    t.add_argument("--json", action="store_true", help="JSON Lines")
    t.set_defaults(func=run_topics)


def _filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--country", metavar="X", help="only this country (its name, or the start of it)")
    p.add_argument("--year", type=int, metavar="Y", help="only this report year")


def _formats(p: argparse.ArgumentParser) -> None:
    g = p.add_mutually_exclusive_group()
    g.add_argument("--json", action="store_true", help="JSON Lines")
    g.add_argument("--csv", action="store_true", help="CSV with a header row")
    p.add_argument("--raw-cells", action="store_true", help="with --csv: " + RAW_HELP)


def _query(fn, *args, **kwargs):
    """``fn(con, ...)`` on the library's TIP store (seeded, brought up to date first)."""
    from tipreader.tip import store

    lib = _open()
    try:
        store.sync(lib)
        con = store.connect(store.db_path(lib))
        try:
            return fn(con, *args, **kwargs)
        finally:
            con.close()
    finally:
        lib.close()  # after: a read-only library's TIP store lives as long as the library


def run_submissions(args: argparse.Namespace) -> int:
    """`tipreader tip submissions`."""
    from tipreader.tip.compare import submissions

    subs = _query(submissions, args.country, args.year)
    out = sys.stdout
    if args.json:
        for s in subs:
            out.write(json.dumps(s.to_dict(), ensure_ascii=False) + "\n")
        return 0
    if not subs:
        out.write("no TIP submission in the library matches\n")
        return 0
    out.write(f"{'country':<22} {'year':>4}  {'questions':>9}  {'aligned':>7}  cables\n")
    for s in subs:
        out.write(f"{safe_text(s.country)[:22]:<22} {s.report_year:>4}  {s.questions:>9}  {s.aligned:>7}  "
                  f"{' + '.join(s.cables)}\n")
    return 0


def run_compare(args: argparse.Namespace) -> int:
    """`tipreader tip compare`."""
    from tipreader.tip.compare import CSV_COLUMNS, CompareError, compare, diff_words, resolve
    from tipreader.tip.topics import load_topics

    def select(con):
        country, year, topic = args.country, args.year, args.what.strip()
        if ":" in topic:
            base = resolve(con, topic)  # CompareError: the caller's one line
            if base.topic is None:
                raise CompareError(f"{args.what}: this answer has no topic key (unaligned; best guess "
                                   f"{base.candidate or 'none'}, confidence {base.confidence:.2f})")
            topic = base.topic
            if args.by == "year" and not country:
                country = base.country
            if args.by == "country" and not year:
                year = base.report_year
        elif topic not in {t.key for t in load_topics()[0]}:
            raise LookupError(f"{topic}: no such topic (`tipreader tip topics` lists them)")
        return topic, compare(con, topic, country=country, year=year, by=args.by, newest_first=args.newest_first)

    try:
        topic, rows = _query(select)
    except CompareError as err:
        error_line(str(err))
        return 1
    except LookupError as err:
        error_line(str(err).strip("'\""))
        return 2
    out = sys.stdout
    if args.csv:
        w = CsvWriter(out, raw=args.raw_cells)
        w.writerow(CSV_COLUMNS)
        for a in rows:
            w.writerow(a.csv_row())
        return 0
    if args.json:
        for a in rows:
            out.write(json.dumps(a.to_dict(), ensure_ascii=False) + "\n")
        return 0
    if not rows:
        out.write(f"no answer keyed {topic} matches\n")
        return 0
    previous: dict[str, str] = {}
    for a in rows:
        out.write(f"== {safe_text(a.country)} · {a.citation} · {a.topic} ({a.confidence:.2f})\n")
        if a.question:
            out.write(f"Q: {safe_text(a.question)}\n")
        before = previous.get(a.country)
        if before is not None and args.by == "year":
            marked = " ".join(t if op == "=" else f"[{op}{t}{op}]" for op, t in diff_words(before, a.answer))
            out.write(f"A (changes from the year before marked [+added+] [-removed-]): {safe_text(marked)}\n\n")
        else:
            out.write(f"A: {safe_text(a.answer)}\n\n")
        previous[a.country] = a.answer
    return 0


def run_export(args: argparse.Namespace) -> int:
    """`tipreader tip export --csv`."""
    from tipreader.tip.compare import CSV_COLUMNS, all_aligned

    def write(con) -> int:
        with open_output(args.output, force=args.force) as fh:
            w = CsvWriter(fh, raw=args.raw_cells)
            w.writerow(CSV_COLUMNS)
            n = 0
            for a in all_aligned(con):
                w.writerow(a.csv_row())
                n += 1
        return n

    n = _query(write)
    if args.output:
        print(f"tipreader: {n:,} answers written to {args.output}", file=sys.stderr)
    return 0


FIGURE_COLUMNS = ("country", "report_year", "ref_id", "question_label", "paragraph", "kind", "value", "unit",
                  "period", "sentence")


def run_figures(args: argparse.Namespace) -> int:
    """`tipreader tip figures`."""
    from tipreader.tip.compare import figures
    from tipreader.tip.figures import display

    rows = _query(figures, args.country, args.year)
    rows = _with_numbers(rows)
    out = sys.stdout
    if args.json:
        for r in rows:
            out.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
        return 0
    if args.csv:
        w = CsvWriter(out, raw=args.raw_cells)
        w.writerow(FIGURE_COLUMNS)
        for r in rows:
            w.writerow([r.country, r.report_year, r.ref_id, r.label, r.paragraph if r.paragraph is not None else "",
                        r.kind, r.value, r.unit, r.period, r.sentence])
        return 0
    if not rows:
        out.write("no figure found in the matching submissions\n")
        return 0
    table: dict[tuple[str, int], dict[str, list]] = {}
    for r in rows:
        table.setdefault((r.country, r.report_year), {}).setdefault(r.kind, []).append(r)
    for (country, year), kinds in table.items():
        out.write(f"{safe_text(country)} {year}\n")
        for kind, items in kinds.items():
            for r in items:
                where = f"{r.ref_id} ¶{r.paragraph}" if r.paragraph is not None else r.ref_id
                period = f" ({r.period})" if r.period else ""
                value = display(r.value, r.unit)
                out.write(f"  {kind:<20} {value:>17}{period}  [{where} Q {r.label}]\n")
        out.write("\n")
    return 0


def _with_numbers(rows):
    """Figures with the cable's own paragraph number filled in (from the library)."""
    import dataclasses

    if not rows:
        return rows
    lib = _open(seed=False)
    try:
        cache: dict[str, object] = {}
        out = []
        for r in rows:
            if r.ref_id not in cache:
                cache[r.ref_id] = lib.get(r.ref_id)
            cable = cache[r.ref_id]
            paras = getattr(cable, "paragraphs", ())
            number = paras[r.paragraph_index].number if 0 <= r.paragraph_index < len(paras) else None
            out.append(dataclasses.replace(r, paragraph=number))
        return out
    finally:
        lib.close()


def run_topics(args: argparse.Namespace) -> int:
    """`tipreader tip topics`."""
    from tipreader.tip.topics import load_topics

    topics, problems = load_topics()
    for problem in problems:
        error_line(problem)
    for t in topics:
        if args.json:
            sys.stdout.write(json.dumps({"key": t.key, "title": t.title, "question": t.question,
                                         "words": list(t.words)}, ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(f"{t.key:<48} {t.title}\n")
    return 1 if problems else 0

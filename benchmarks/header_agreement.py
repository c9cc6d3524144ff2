"""Agreement of the header parser's own derivations with WikiLeaks' metadata tables.

For every cable-viewer page in ``../shared/cables/wikileaks-html`` the page's routing
header and body are handed to ``header.parse_header`` *without* the metadata, and
the derived ref_id, origin, classification and date are compared with the page's
table. Prints one line per field and, with ``-v``, the disagreements.

WikiLeaks' own id is not always the truth: a malformed one (``08SECTION01GF02BISHIEK21``,
the section line eaten into the post) is expected in its cut form only when the cut
post is a real one (``08ECTION01OF02MANAMA492`` → ``08MANAMA492``); otherwise the table
holds no id to compare with (cutting it would invent ``08BISHIEK21``), and the page is
counted apart with the id read from its text.

    .venv/bin/python benchmarks/header_agreement.py [-v] [DIR]
"""

from __future__ import annotations

import html
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tipreader.cable import header, pages
from tipreader.cable._types import RawCable
from tipreader.cable.ids import table_ref_id

_TD = re.compile(r"<td>\s*(.*?)\s*</td>", re.S)
_PRE = re.compile(r"<code><pre>(.*?)</pre></code>", re.S)
_TAG = re.compile(r"<[^>]+>")
# WikiLeaks' "Created" cell shows the minutes wrongly (the 12-hour hour: 22:19 reads
# "22:10", 14:58 reads "14:02"), so "hour" compares the date and the hour only.
FIELDS = ("ref_id", "origin", "classification", "date", "hour")


def read_page(path: Path) -> tuple[dict[str, str], str, str]:
    """A WikiLeaks cable-viewer page → (metadata table, header text, body text)."""
    text = path.read_text(encoding="utf-8", errors="replace")
    cells = [html.unescape(_TAG.sub("", c)).strip() for c in _TD.findall(text)[:5]]
    meta = dict(zip(("ref_id", "created", "released", "classification", "origin"), cells))
    pres = [html.unescape(_TAG.sub("", p.replace("&#x000A;", "\n"))).replace("\u00b6", "") for p in _PRE.findall(text)]
    head, body = (pres + ["", ""])[:2]
    return meta, head, body


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    folder = Path(args[0]) if args else ROOT.parent / "shared" / "cables" / "wikileaks-html"
    files = sorted(folder.glob("*.html"))
    if not files:
        print(f"no pages in {folder}")
        return 1
    agree: Counter[str] = Counter()
    with_created = 0
    misses: dict[str, list[str]] = {f: [] for f in FIELDS}
    elapsed = 0.0
    unknowable: list[str] = []  # malformed WikiLeaks ids the table cannot say the right form of
    yearless = guessed_right = 0  # ids left without a year (the text states none); their guesses that were right
    for path in files:
        meta, head, body = read_page(path)
        raw = RawCable(source=str(path), format="wikileaks-html", header=head, body=body)
        lines = pages.clean_lines(body)
        start = time.perf_counter()
        info = header.parse_header(raw, lines)
        elapsed += time.perf_counter() - start
        want_id = meta.get("ref_id", "")
        expected_id = table_ref_id(want_id)
        if expected_id is None:
            unknowable.append(f"{want_id} (read from the text as {info.ref_id})")
        want = {
            "ref_id": expected_id or "",
            "origin": meta.get("origin"),
            "classification": meta.get("classification"),
            "date": (meta.get("created") or "")[:10],
            "hour": (meta.get("created") or "").replace(" ", "T")[:13],
        }
        got = {
            "ref_id": info.ref_id,
            "origin": info.origin,
            "classification": info.classification,
            "date": (info.date or "")[:10],
            "hour": (info.date or "")[:13],
        }
        if expected_id is not None and info.ref_id != expected_id and meta.get("created"):
            # the same page with only its "created" cell: the year a bare text lacks
            raw2 = RawCable(str(path), "wikileaks-html", head, body, {"created": meta["created"]})
            with_created += header.parse_header(raw2, lines).ref_id == expected_id
        elif expected_id is not None:
            with_created += info.ref_id == expected_id
        if info.ref_id and info.ref_id == want["ref_id"][2:]:
            yearless += 1
            guessed_right += info.year_guess is not None and f"{info.year_guess % 100:02d}" == want["ref_id"][:2]
        for field in FIELDS:
            if field == "ref_id" and expected_id is None:
                continue
            if got[field] == want[field]:
                agree[field] += 1
            else:
                misses[field].append(f"{path.name}: got {got[field]!r} want {want[field]!r}")
    total = len(files)
    if unknowable:
        print(f"WikiLeaks id malformed past knowing, ref_id not compared: {', '.join(unknowable)}")
    print(f"{total} WikiLeaks pages; header parse {elapsed / total * 1e6:.0f} us/cable")
    for field in FIELDS:
        of = total - len(unknowable) if field == "ref_id" else total
        print(f"{field:15s} {agree[field]:5d}/{of}  {100 * agree[field] / of:5.1f}%")
        if verbose:
            for line in misses[field][:40]:
                print("   ", line)
    print(
        f"ref_id without a year (the text states none; never guessed into the id): {yearless}/{total};"
        f" year_guess right for {guessed_right} of them"
    )
    compared = total - len(unknowable)
    both = agree["ref_id"] + yearless
    print(f"ref_id agreeing or year-less: {both}/{compared}  {100 * both / compared:5.1f}%")
    print(
        f"ref_id given only the page's Created date: {with_created}/{compared}  {100 * with_created / compared:5.1f}%"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

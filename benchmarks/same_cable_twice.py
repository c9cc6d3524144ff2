"""The same cable in two containers: which text the library keeps, and whether the order matters.

``../shared/cables`` holds some cables twice: a WikiLeaks cable-viewer page beside a
full-page save, a scraper's text (``cablegate-text``) or a news site's copy, and
08MANAMA492 as a garbled page under a malformed id beside the clean one. For every such
pair this imports both texts into a fresh library in one order, then into another in the
other order (two imports each time), and prints how many pairs have the same text, which
container's text was kept, the cleanliness of both (:mod:`tipreader.library.cleanliness`),
and whether both orders kept the same text. Figures only; it never fails.

    .venv/bin/python benchmarks/same_cable_twice.py [CORPUS]
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tipreader.cable import parse_file  # noqa: E402
from tipreader.library import Library  # noqa: E402
from tipreader.library.cleanliness import measure  # noqa: E402
from tipreader.library.prepare import text_hash  # noqa: E402

OTHERS = ("wikileaks-html-fullpage", "cablegate-text", "scoop-text", "plusd-html")


def pairs(corpus: Path) -> list[tuple[str, Path, Path]]:
    """(ref_id, WikiLeaks page, the other container) for every cable the corpus holds twice."""
    pages = corpus / "wikileaks-html"
    out = []
    for folder in OTHERS:
        for other in sorted((corpus / folder).glob("*")):
            page = pages / f"{other.stem}.html"
            if page.is_file():
                out.append((other.stem, page, other))
    garbled = pages / "08ECTION01OF02MANAMA492.html"
    if garbled.is_file() and (pages / "08MANAMA492.html").is_file():
        out.append(("08MANAMA492", pages / "08MANAMA492.html", garbled))
    return out


def kept(first: list[Path], second: list[Path]) -> dict[str, str]:
    """Import ``first`` then ``second`` into a new library: ref_id → the source of the stored text."""
    with tempfile.TemporaryDirectory(prefix="tipreader-twice-") as home, Library.open(home) as lib:
        lib.import_paths(first, workers=1, entities=False)
        lib.import_paths(second, workers=1, entities=False)
        rows = lib.connection.execute("SELECT ref_id, source FROM cables").fetchall()
        stats = lib.stats()
    print(f"  {len(first) + len(second)} files → {stats.cables} cables, {stats.older_texts} other texts kept aside")
    return {r[0]: r[1] for r in rows}


def main(argv: list[str]) -> int:
    corpus = Path(argv[0]) if argv else ROOT.parent / "shared" / "cables"
    found = pairs(corpus)
    if not found:
        print(f"no cable is held twice under {corpus}")
        return 0
    same, differ = [], []
    for ref, page, other in found:
        a, b = parse_file(page)[0], parse_file(other)[0]
        (same if text_hash(a) == text_hash(b) else differ).append((ref.upper(), page, other, a, b))
    print(f"{len(found)} cables held twice: {len(same)} with the same text, {len(differ)} with different texts")
    pages_first = kept([p for _, p, _, _, _ in differ], [o for _, _, o, _, _ in differ])
    others_first = kept([o for _, _, o, _, _ in differ], [p for _, p, _, _, _ in differ])
    winners: Counter[str] = Counter()
    for ref, _page, _other, a, b in differ:
        one, two = pages_first.get(a.ref_id.upper()), others_first.get(a.ref_id.upper())
        agree = "same in both orders" if one == two else "ORDER-DEPENDENT"
        winner = Path(one).parent.name + "/" + Path(one).name if one else "?"
        winners[Path(one).parent.name if one else "?"] += 1
        print(f"  {ref:22s} kept {winner:50s} {agree}; page {tuple(measure(a))}, other {tuple(measure(b))}")
    print("text kept, by container: " + ", ".join(f"{k} {v}" for k, v in winners.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

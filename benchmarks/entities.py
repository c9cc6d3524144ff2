"""Entity extraction: precision/recall/F1 per type on the gold cables, expansions, speed.

Usage: python benchmarks/entities.py [--corpus N] [--raw] [--errors] [--blind [FOLDER]] [--conventions]

``--blind`` scores a blind set instead (default tests/fixtures/entities_blind/: cables annotated
by a00 before the extractor was ever run on them; see its README), per round and per cable;
``--blind tests/fixtures/entities_blind3`` scores round 3. ``--conventions`` also accepts the
conventions settled in session 6 for a set annotated before them (its README says so).

Gold: tests/fixtures/entities/*.json (annotated by reading; see README there). A
prediction counts when type, start and end match exactly. "Expansions" is the share
of acronyms the gold says the cable defines whose predicted expansion is one of
the accepted long forms. Speed: the paragraphs (``Paragraph`` objects, as the
library passes them) of the cables in the first N files of
../shared/cables/wikileaks-html, parsed with the project's parser; total
paragraph text MB over extraction CPU seconds. ``--raw`` instead splits each
file's whole text (headers included) on blank lines, the figure this script
printed before it used the parser (1.25-1.29 MB/s before the speed-up).
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tipreader.cable.entities import TYPES, extract_entities, glossary

GOLD = ROOT / "tests" / "fixtures" / "entities"
BLIND = ROOT / "tests" / "fixtures" / "entities_blind"
CABLES = ROOT.parent / "shared" / "cables"


def norm(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).casefold()


def load_gold(folder: Path = GOLD) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]


def convention_alternatives(doc: dict) -> dict[tuple, tuple]:
    """For a gold set annotated before the conventions were settled (session 6, see the READMEs of
    tests/fixtures/entities and entities_blind3): the span the settled convention gives each gold
    entity that differs, mapped to that gold entity. A country abbreviation marked ACRONYM
    (``DPRK``, ``ROK``) is a LOCATION; an ORG written after a demonym (``Egyptian State Security
    ...``) keeps the demonym in its span."""
    from tipreader.cable.ent_data import demonyms, fold, gazetteer

    places, nationalities = gazetteer().places, demonyms()
    out: dict[tuple, tuple] = {}
    for p in doc["paragraphs"]:
        text = p["text"]
        for e in p["entities"]:
            item = (p["index"], e["start"], e["end"], e["type"])
            if e["type"] == "ACRONYM" and fold(e["text"].replace(".", "")) in places:
                out[(p["index"], e["start"], e["end"], "LOCATION")] = item
            elif e["type"] == "ORG":
                m = re.search(r"([A-Z][a-z]+|[A-Z]+) $", text[: e["start"]])
                if m and fold(m.group(1)) in nationalities:
                    out[(p["index"], m.start(1), e["end"], "ORG")] = item
    return out


def score(gold_docs: list[dict], show_errors: bool = False, conventions: bool = False) -> dict:
    """Precision, recall and F1 per type, and the expansions, of the extractor on ``gold_docs``.
    ``conventions``: also accept the settled convention's span (:func:`convention_alternatives`)."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    exp_ok = exp_total = 0
    errors = []
    for doc in gold_docs:
        texts = [p["text"] for p in doc["paragraphs"]]
        pred = extract_entities(texts)
        gold = {(p["index"], e["start"], e["end"], e["type"]) for p in doc["paragraphs"] for e in p["entities"]}
        got = {(e.paragraph, e.start, e.end, e.type) for e in pred}
        if conventions:
            for alt, item in convention_alternatives(doc).items():
                if alt in got and item not in got:
                    got = (got - {alt}) | {item}  # the settled convention's span counts as the gold one
        for item in got & gold:
            tp[item[3]] += 1
        for item in got - gold:
            fp[item[3]] += 1
            errors.append((doc["ref_id"], "FP", item, texts[item[0]][item[1] : item[2]]))
        for item in gold - got:
            fn[item[3]] += 1
            errors.append((doc["ref_id"], "FN", item, texts[item[0]][item[1] : item[2]]))
        gl = {k: norm(v) for k, v in glossary(pred).items()}
        for acronym, accepted in doc.get("glossary", {}).items():
            exp_total += 1
            if gl.get(acronym) in {norm(a) for a in accepted}:
                exp_ok += 1
            else:
                errors.append((doc["ref_id"], "EXP", acronym, gl.get(acronym)))
    if show_errors:
        for err in errors:
            print(*err, sep="\t")
    rows = {}
    for t in TYPES + ("ALL",):
        if t == "ALL":
            a, b, c = sum(tp.values()), sum(fp.values()), sum(fn.values())
        else:
            a, b, c = tp[t], fp[t], fn[t]
        p = a / (a + b) if a + b else 1.0
        r = a / (a + c) if a + c else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        rows[t] = (a, b, c, p, r, f)
    return {"rows": rows, "expansions": (exp_ok, exp_total)}


def corpus_paragraphs(limit: int, raw: bool = False) -> list[list]:
    """Per cable, its paragraphs, for the cables of the first ``limit`` files (see the module doc)."""
    files = sorted((CABLES / "wikileaks-html").glob("*.html"))[:limit]
    if raw:
        return [_blank_line_paragraphs(p) for p in files]
    from tipreader.cable import CableError, iter_path

    out: list[list] = []
    for path in files:
        for cable in iter_path(path):
            if not isinstance(cable, CableError) and cable.paragraphs:
                out.append(list(cable.paragraphs))
    return out


def _text(p) -> str:
    return p if isinstance(p, str) else p.text


def _blank_line_paragraphs(path: Path) -> list[str]:
    raw = path.read_text(encoding="utf-8", errors="replace")
    blocks = re.findall(r"<pre>(.*?)</pre>", raw, re.S)
    body = html.unescape(re.sub(r"<[^>]+>", "", blocks[-1] if blocks else raw))
    return [" ".join(b.split()) for b in re.split(r"\n\s*\n", body) if b.strip()]


def _print_sets(sets: list[tuple[str, list[dict]]], errors: bool, docs: list[dict], conventions: bool = False) -> None:
    for title, subset in sets:
        if not subset:
            continue
        result = score(subset, errors and subset is docs, conventions)
        print(f"== {title}: {', '.join(d['ref_id'] for d in subset)}")
        print(f"{'type':10} {'tp':>5} {'fp':>5} {'fn':>5} {'prec':>6} {'rec':>6} {'F1':>6}")
        for t, (a, b, c, p, r, f) in result["rows"].items():
            if a + b + c or t == "ALL":
                print(f"{t:10} {a:5} {b:5} {c:5} {p:6.3f} {r:6.3f} {f:6.3f}")
        ok, total = result["expansions"]
        print(f"expansions right: {ok}/{total} = {ok / total if total else 1:.1%}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=int, default=1000, help="cables for the speed figure (0: skip)")
    ap.add_argument("--raw", action="store_true", help="speed over blank-line blocks of the whole files (the old figure)")
    ap.add_argument("--errors", action="store_true", help="list every miss and false hit")
    ap.add_argument("--blind", nargs="?", const=BLIND, type=Path, metavar="FOLDER",
                    help="score a blind set per round and per cable (default tests/fixtures/entities_blind)")
    ap.add_argument("--conventions", action="store_true",
                    help="also accept the conventions settled in session 6 (country abbreviations LOCATION, "
                         "demonym kept in an ORG) where a blind set's README says its gold predates them")
    args = ap.parse_args()
    if args.blind:
        docs = load_gold(args.blind)
        if not docs:
            print(f"entities.py: no annotated cables (*.json) in {args.blind}", file=sys.stderr)
            return 2
        rounds = sorted({d.get("round", 1) for d in docs})
        sets = [("blind set, all rounds", docs)] + [
            (f"blind round {r}", [d for d in docs if d.get("round", 1) == r]) for r in rounds]
        sets += [(f"blind {d['ref_id']}", [d]) for d in docs]
        _print_sets(sets, args.errors, docs, args.conventions)
        return 0
    docs = load_gold()
    sets = [
        ("all gold cables", docs),
        ("development cables (read while the extractor was written)", [d for d in docs if not d.get("held_out")]),
        ("held-out rounds 1-2 (annotated before the extractor first ran on them; rules were tuned on them "
         "afterwards, first-run F1 in tests/fixtures/entities/README.md)", [d for d in docs if d.get("held_out") and d.get("round", 1) < 3]),
        ("held-out round 3 (never used for tuning)", [d for d in docs if d.get("round") == 3]),
    ]
    _print_sets(sets, args.errors, docs)
    if args.corpus:
        cables = corpus_paragraphs(args.corpus, args.raw)
        size = sum(len(_text(t).encode("utf-8")) for c in cables for t in c)
        extract_entities(["warm up the word lists"])
        t0, c0 = time.perf_counter(), time.process_time()
        n = 0
        for c in cables:
            n += len(extract_entities(c))
        dt, cpu = time.perf_counter() - t0, time.process_time() - c0
        print(f"speed: {len(cables)} cables, {size / 1e6:.2f} MB, {n} entities; CPU {cpu:.2f} s = {size / 1e6 / cpu:.2f} MB/s, "
              f"{cpu / len(cables) * 1000:.1f} ms per cable (wall {dt:.2f} s = {size / 1e6 / dt:.2f} MB/s; the machine is shared)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

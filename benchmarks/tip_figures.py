"""Figure extraction (tipreader.tip.figures): precision on hand-checked samples, recall on ten cables.

    .venv/bin/python benchmarks/tip_figures.py [--corpus ../shared/cables]

Precision: the figures extracted now from the cables of the hand-checked samples in
tests/fixtures/tip_figures/ (first_run_sample.tsv: 80 figures drawn at random, seed 18,
from the 5,029 cables of ../shared mentioning trafficking minus the shared submissions,
judged before any fix; after_fix_sample.tsv: every figure the fixed extractor finds in the
other cables of ../shared — "fresh", never looked at before the fix — and in the first
sample's cables — "seen"). A figure is right when its kind and value are what the sentence
states. Recall: recall_expected.tsv lists the counts ten untuned TIP cables state (read by
hand); hedged ones ("at least 10") are left out by design and reported apart.
"""

from __future__ import annotations

import argparse
import csv
import glob
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tipreader.cable import Cable, iter_path  # noqa: E402
from tipreader.tip.figures import from_text  # noqa: E402

FIX = ROOT / "tests" / "fixtures" / "tip_figures"


def _rows(name: str) -> list[dict]:
    lines = [line for line in (FIX / name).read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def _extract(corpus: Path, refs: set[str]) -> dict[str, set[tuple[str, int]]]:
    out: dict[str, set[tuple[str, int]]] = {r: set() for r in refs}
    for path in sorted(glob.glob(str(corpus / "*" / "*"))):
        name = Path(path).stem.split(".")[0]
        if not any(name.startswith(r) for r in refs):
            continue
        for cable in iter_path(path):
            if isinstance(cable, Cable) and cable.ref_id in refs:
                for p in cable.paragraphs:
                    out[cable.ref_id].update((k, v) for k, v, *_ in from_text(p.text))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "cables"))
    corpus = Path(ap.parse_args().corpus)
    first, after, expected = _rows("first_run_sample.tsv"), _rows("after_fix_sample.tsv"), _rows("recall_expected.tsv")
    print(f"first run (judged before any fix): precision {sum(r['right'] == 'yes' for r in first)}/{len(first)} = "
          f"{sum(r['right'] == 'yes' for r in first) / len(first):.2f}")
    by_kind = Counter((r["kind"] == "funding_usd", r["right"]) for r in first)
    print(f"  counts {by_kind[(False, 'yes')]}/{by_kind[(False, 'yes')] + by_kind[(False, 'no')]}, "
          f"funding {by_kind[(True, 'yes')]}/{by_kind[(True, 'yes')] + by_kind[(True, 'no')]}")
    judged = {(r["ref_id"], r["kind"], int(r["value"])): r for r in first + after}
    judged.update({(r["ref_id"], r["kind"], int(r["value"])): {"right": "yes"} for r in expected})
    refs = {r["ref_id"] for r in first + after + expected}
    now = _extract(corpus, refs)
    for tag in ("fresh", "seen"):
        cables = {r["ref_id"] for r in after if r["set"] == tag}
        got = [(ref, k, v) for ref in cables for k, v in now[ref]]
        right = sum(judged.get(g, {}).get("right") == "yes" for g in got)
        unjudged = [g for g in got if g not in judged]
        print(f"now, {tag} cables ({len(cables)}): precision {right}/{len(got) - len(unjudged)} judged"
              f"{f' = {right / (len(got) - len(unjudged)):.2f}' if len(got) > len(unjudged) else ''}; "
              f"{len(unjudged)} not judged yet: {unjudged[:5]}")
    plain = [r for r in expected if r["hedged"] == "no"]
    found = [r for r in plain if (r["kind"], int(r["value"])) in now[r["ref_id"]]]
    hedged = [r for r in expected if r["hedged"] == "yes"]
    print(f"recall on {len({r['ref_id'] for r in expected})} cables: {len(found)}/{len(plain)} = "
          f"{len(found) / len(plain):.2f} of the plainly stated counts; {len(found)}/{len(expected)} = "
          f"{len(found) / len(expected):.2f} counting the {len(hedged)} hedged ones")
    for r in plain:
        if r not in found:
            print(f"  missed: {r['ref_id']} {r['kind']} {r['value']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

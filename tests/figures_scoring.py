"""Scoring the figures extractor against hand-judged samples (used by tests/unit/test_tip_figures_outsider.py
and benchmarks/tip_figures.py): every figure :func:`tipreader.tip.figures.from_text` finds in every paragraph
of the sample's cables (it reads every cable), matched to the judged rows."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from tipreader.cable import Cable, iter_path
from tipreader.tip.figures import from_text

FIXTURES = Path(__file__).resolve().parent / "fixtures"
OUTSIDER = FIXTURES / "figures_outsider" / "judged.tsv"


def tsv(path: Path) -> list[dict[str, str]]:
    """The rows of a tab-separated file with a header line (lines starting with ``#`` skipped)."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def predictions(corpus: Path, refs: set[str]) -> list[dict]:
    """Every figure the extractor finds in every paragraph of the cables ``refs`` of ``corpus`` (each once)."""
    out: list[dict] = []
    done: set[str] = set()
    for path in sorted(corpus.glob("*/*")):
        if not any(path.name.startswith(r) for r in refs):
            continue
        for cable in iter_path(path):
            if not isinstance(cable, Cable) or cable.ref_id not in refs or cable.ref_id in done:
                continue
            done.add(cable.ref_id)
            for p in cable.paragraphs:
                for kind, value, _unit, period, start, end, sentence in from_text(p.text):
                    out.append({"ref_id": cable.ref_id, "kind": kind, "value": value, "period": period,
                                "number_text": p.text[start:end], "sentence": sentence, "para": p.number})
    return out


def _norm(text: str) -> str:
    return " ".join(text.split()).lower()


@dataclass
class Judged:
    """The current extractor's figures in the judged sample's cables, by the verdict of their row."""

    right: list[dict] = field(default_factory=list)
    wrong: list[dict] = field(default_factory=list)
    unsure: list[dict] = field(default_factory=list)
    unjudged: list[dict] = field(default_factory=list)  # new figures: list them for judging
    gone: list[dict] = field(default_factory=list)  # judged rows the extractor no longer finds

    def precision(self, unsure_wrong: bool = False) -> float:
        """Right over judged (the unsure rows left out, or counted wrong)."""
        n = len(self.right) + len(self.wrong) + (len(self.unsure) if unsure_wrong else 0)
        return len(self.right) / n if n else 1.0


def outsider(corpus: Path, path: Path = OUTSIDER) -> Judged:
    """Score the extractor on the outsider sample: the 61 figures of session 6 judged blind by h17
    (``right`` = yes / no / unsure). A figure matches a row by ref id, kind, value and sentence."""
    rows = tsv(path)
    got = predictions(corpus, {r["ref_id"] for r in rows})
    out = Judged()
    used: set[int] = set()
    for p in got:
        hit = next((i for i, r in enumerate(rows) if r["ref_id"] == p["ref_id"] and r["kind"] == p["kind"]
                    and int(r["value"]) == p["value"] and _norm(r["sentence"]) == _norm(p["sentence"])), None)
        if hit is None:
            out.unjudged.append(p)
            continue
        used.add(hit)
        {"yes": out.right, "no": out.wrong}.get(rows[hit]["right"], out.unsure).append(p)
    out.gone = [r for i, r in enumerate(rows) if i not in used]
    return out


def _value(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


@dataclass
class GoldScore:
    """The extractor's figures in a gold set's cables against its rows (figures_blind2's format and matching)."""

    rows: list[dict[str, str]]
    cables: list[dict[str, str]]
    predicted: list[dict]
    right: list[dict] = field(default_factory=list)
    trapped: list[dict] = field(default_factory=list)  # at a number the gold says is not a figure
    unknown: list[dict] = field(default_factory=list)  # matching no row
    found: set[int] = field(default_factory=set)  # indexes of the rows found


def score_gold(corpus: Path, folder: Path, terms: bool = False) -> GoldScore:
    """Score the extractor on a gold folder (``figures.tsv``, optional ``traps.tsv`` and ``cables.tsv``, as in
    figures_blind2's README): a prediction matches a row when the ref id, kind and value agree and its sentence
    holds the row's number (the row of the very same sentence first). ``terms``: the prison terms (the gold's
    ``sentence_years``, the extractor's ``prison_term`` in months) instead of the eight kinds of counts."""
    from tipreader.tip.figures import KINDS

    every = tsv(folder / "figures.tsv")
    years = any(r["kind"] == "sentence_years" for r in every)  # figures_blind2 writes terms in years, recall3 in months
    wanted = {"sentence_years" if years else "prison_term"} if terms else set(KINDS) - {"prison_term"}
    rows = [r for r in every if r["kind"] in wanted]
    traps = tsv(folder / "traps.tsv") if (folder / "traps.tsv").exists() else []
    cables = tsv(folder / "cables.tsv") if (folder / "cables.tsv").exists() else []
    refs = {r["ref_id"] for r in cables} or {r["ref_id"] for r in every}
    predicted = []
    for p in predictions(corpus, refs):
        if p["kind"] == "prison_term" and years:  # the gold writes years: 0.75 for nine months
            p = {**p, "kind": "sentence_years", "value": round(p["value"] / 12, 2)}
        if p["kind"] in wanted:
            predicted.append(p)
    out = GoldScore(rows, cables, predicted)

    def matches(p: dict, r: dict) -> bool:
        return (p["ref_id"] == r["ref_id"] and p["kind"] == r["kind"] and _value(r["value"]) == p["value"]
                and ((bool(r["number_text"]) and r["number_text"].lower() in p["sentence"].lower())
                     or p["number_text"].lower() in _norm(r["sentence"])))

    def same_sentence(p: dict, r: dict) -> bool:  # "two women" twice in a cable: the row of this sentence
        return _norm(r["sentence"]) in p["sentence"].lower() or p["sentence"].lower() in _norm(r["sentence"])

    for p in predicted:
        hit = next((i for i, r in enumerate(rows) if i not in out.found and matches(p, r) and same_sentence(p, r)), None)
        if hit is None:
            hit = next((i for i, r in enumerate(rows) if i not in out.found and matches(p, r)), None)
        if hit is None:
            hit = next((i for i, r in enumerate(rows) if matches(p, r)), None)  # the same figure read twice
        if hit is not None:
            out.found.add(hit)
            out.right.append(p)
        elif any(t["ref_id"] == p["ref_id"] and t["number_text"].lower() in p["sentence"].lower()
                 and p["number_text"].lower() in t["number_text"].lower() for t in traps):
            out.trapped.append(p)
        else:
            out.unknown.append(p)
    return out

"""Entity extraction against the gold cables in tests/fixtures/entities (annotated by reading)."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from tipreader.cable.entities import TYPES, extract_entities, glossary
from tests.conftest import FIXTURES

GOLD = sorted((FIXTURES / "entities").glob("*.json"))
# Per-type F1 floors over all gold cables together (measured 0.99-1.00; see benchmarks/entities.py).
FLOORS = {
    "PERSON": 0.92,
    "ORG": 0.88,
    "ACRONYM": 0.92,
    "LOCATION": 0.92,
    "DATE": 0.92,
    "MONEY": 0.92,
    "PERCENT": 0.9,
    "PHONE": 0.9,
    "LAW": 0.8,
    "CABLE_REF": 0.9,
}


def _docs() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in GOLD]


def _norm(text: str | None) -> str:
    return " ".join((text or "").replace("’", "'").split()).casefold()


@pytest.fixture(scope="module")
def scored() -> tuple[Counter, Counter, Counter, list[tuple[str, str, bool]]]:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    expansions = []
    for doc in _docs():
        pred = extract_entities([p["text"] for p in doc["paragraphs"]])
        gold = {(p["index"], e["start"], e["end"], e["type"]) for p in doc["paragraphs"] for e in p["entities"]}
        got = {(e.paragraph, e.start, e.end, e.type) for e in pred}
        for item in got & gold:
            tp[item[3]] += 1
        for item in got - gold:
            fp[item[3]] += 1
        for item in gold - got:
            fn[item[3]] += 1
        gl = glossary(pred)
        for acr, accepted in doc["glossary"].items():
            expansions.append((doc["ref_id"], acr, _norm(gl.get(acr)) in {_norm(a) for a in accepted}))
    return tp, fp, fn, expansions


def test_gold_fixtures_are_consistent() -> None:
    assert len(GOLD) >= 3
    kinds = {d["kind"] for d in _docs()}
    assert {"tip-questionnaire", "political", "partial-extract"} <= kinds
    for doc in _docs():
        for p in doc["paragraphs"]:
            for e in p["entities"]:
                assert e["type"] in TYPES
                assert p["text"][e["start"] : e["end"]] == e["text"], (doc["ref_id"], e)


@pytest.mark.parametrize("etype", sorted(FLOORS))
def test_f1_per_type(scored, etype: str) -> None:
    tp, fp, fn, _ = scored
    a, b, c = tp[etype], fp[etype], fn[etype]
    f1 = 2 * a / (2 * a + b + c) if a + b + c else 1.0
    assert f1 >= FLOORS[etype], f"{etype}: tp={a} fp={b} fn={c} F1={f1:.3f}"


def test_f1_overall(scored) -> None:
    tp, fp, fn, _ = scored
    a, b, c = sum(tp.values()), sum(fp.values()), sum(fn.values())
    assert 2 * a / (2 * a + b + c) >= 0.92


def test_defined_acronyms_expand(scored) -> None:
    _, _, _, expansions = scored
    right = sum(ok for _, _, ok in expansions)
    assert right / len(expansions) >= 0.9, [x for x in expansions if not x[2]]

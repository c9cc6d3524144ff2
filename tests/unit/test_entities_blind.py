"""The entity blind set (tests/fixtures/entities_blind, annotated by a00 before the extractor
ever ran on those cables) kept as gold after its one blind run.

First-run figures (recorded in the issue-15 note before any change): F1 0.852, precision
0.926, recall 0.789. The floors below are the figures after the general fixes the run
revealed, less a small margin: they catch a regression, they do not claim the issue's
targets (F1 0.92, recall 0.90), which the extractor does not reach yet.

Round 3 (tests/fixtures/entities_blind3, 7 fresh cables, scored once at 02:23 UTC on
2026-12-05 before any tuning on it): F1 0.772, precision 0.812, recall 0.736; its floors
sit below the figures of today's extractor on it, as a regression guard.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

from entities import BLIND, load_gold, score  # noqa: E402

BLIND3 = BLIND.parent / "entities_blind3"

FLOORS3 = {"ALL": 0.75, "PERSON": 0.66, "LOCATION": 0.89, "ORG": 0.48, "ACRONYM": 0.67, "DATE": 0.83}
FLOORS = {"ALL": 0.87, "PERSON": 0.87, "LOCATION": 0.89, "ORG": 0.75, "ACRONYM": 0.88, "DATE": 0.95}


@pytest.fixture(scope="module")
def result() -> dict:
    docs = load_gold(BLIND)
    assert len(docs) >= 8
    return score(docs)


def test_blind_fixtures_hold_their_own_text() -> None:
    for path in sorted(BLIND.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        for para in doc["paragraphs"]:
            for ent in para["entities"]:
                assert para["text"][ent["start"] : ent["end"]] == ent["text"]


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_blind_f1_does_not_fall_back(result: dict, kind: str) -> None:
    f1 = result["rows"][kind][5]
    assert f1 >= FLOORS[kind], f"{kind}: F1 {f1:.3f} < {FLOORS[kind]}"


def test_blind_precision_and_expansions(result: dict) -> None:
    assert result["rows"]["ALL"][3] >= 0.92
    ok, total = result["expansions"]
    assert ok == total


@pytest.fixture(scope="module")
def result3() -> dict:
    docs = load_gold(BLIND3)
    assert len(docs) >= 7
    return score(docs)


@pytest.mark.parametrize("kind", sorted(FLOORS3))
def test_blind_round3_f1_does_not_fall_back(result3: dict, kind: str) -> None:
    f1 = result3["rows"][kind][5]
    assert f1 >= FLOORS3[kind], f"{kind}: F1 {f1:.3f} < {FLOORS3[kind]}"


def test_blind_round3_precision_and_expansions(result3: dict) -> None:
    assert result3["rows"]["ALL"][3] >= 0.80
    ok, total = result3["expansions"]
    assert ok >= total - 2

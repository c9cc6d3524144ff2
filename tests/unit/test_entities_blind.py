"""The entity blind set (tests/fixtures/entities_blind, annotated by a00 before the extractor
ever ran on those cables) kept as gold after its one blind run.

First-run figures (recorded in the issue-15 note before any change): F1 0.852, precision
0.926, recall 0.789. The floors below are the figures after the general fixes the run
revealed, less a small margin: they catch a regression, they do not claim the issue's
targets (F1 0.92, recall 0.90), which the extractor does not reach yet.

Round 3 (tests/fixtures/entities_blind3, 7 fresh cables, scored once at 02:23 UTC on
2026-12-05 before any tuning on it): F1 0.772, precision 0.812, recall 0.736. After the
general fixes it showed (tests/unit/test_entities_round3.py): F1 0.902; its floors sit just
below that, as a regression guard (the issue's targets are not met on it either).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

from entities import BLIND, load_gold, score  # noqa: E402

# set → (folder, fewest cables, F1 floors per type, precision floor, expansions allowed missing)
SETS = {
    "rounds 1-2": (BLIND, 8, {"ALL": 0.87, "PERSON": 0.87, "LOCATION": 0.89, "ORG": 0.75, "ACRONYM": 0.88,
                              "DATE": 0.95}, 0.92, 0),
    "round 3": (BLIND.parent / "entities_blind3", 7, {"ALL": 0.89, "PERSON": 0.93, "LOCATION": 0.91, "ORG": 0.66,
                                                      "ACRONYM": 0.85, "DATE": 0.83}, 0.91, 1),
}
_RESULTS: dict[str, dict] = {}


def _result(name: str) -> dict:
    if name not in _RESULTS:
        folder, fewest = SETS[name][:2]
        docs = load_gold(folder)
        assert len(docs) >= fewest
        _RESULTS[name] = score(docs)
    return _RESULTS[name]


@pytest.mark.parametrize("name", sorted(SETS))
def test_blind_fixtures_hold_their_own_text(name: str) -> None:
    for path in sorted(SETS[name][0].glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        for para in doc["paragraphs"]:
            for ent in para["entities"]:
                assert para["text"][ent["start"] : ent["end"]] == ent["text"]


@pytest.mark.parametrize(("name", "kind"), [(name, kind) for name, spec in SETS.items() for kind in sorted(spec[2])])
def test_blind_f1_does_not_fall_back(name: str, kind: str) -> None:
    f1 = _result(name)["rows"][kind][5]
    floor = SETS[name][2][kind]
    assert f1 >= floor, f"{name} {kind}: F1 {f1:.3f} < {floor}"


@pytest.mark.parametrize("name", sorted(SETS))
def test_blind_precision_and_expansions(name: str) -> None:
    result = _result(name)
    assert result["rows"]["ALL"][3] >= SETS[name][3]
    ok, total = result["expansions"]
    assert ok >= total - SETS[name][4]

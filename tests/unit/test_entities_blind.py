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
Session 6's general fixes (tests/unit/test_entities_session6.py) took it to F1 0.927 as annotated,
0.961 with the conventions settled in session 6 (country abbreviations LOCATION, demonym kept in an
ORG; its README says its gold predates them and may be scored either way: ``round 3 settled``).

Round 4 (tests/fixtures/entities_blind4, 7 fresh cables, annotated under the settled conventions,
scored once at 07:17 UTC on 2026-12-05 before any change for it): F1 0.821, precision 0.901, recall
0.755. After the general fixes it showed (tests/unit/test_entities_session6.py): F1 0.904; floors
just below, a regression guard again, not the issue's targets. Round 5 (04CARACAS2200, added to
the same folder at 07:37, all capitals; scored once at 07:39 before any change for it): F1 0.464;
after the possessive rule (``CHAVEZ'S``) and more given names, 0.846.

Round 6 (tests/fixtures/entities_blind5, first run 0.725 in session 7; 0.918 after session 7's rules):
session 8's general rules (tests/unit/test_entities_session8.py) took it to F1 0.952, recall PERSON
0.946, ORG 0.926, LOCATION 0.909: the issue's per-type recall target, held by ``RECALL`` below.

Round 7 (tests/fixtures/entities_blind6, 8 fresh cables annotated by an1, scored ONCE at 16:33 UTC on
2026-12-05 before any change for it): F1 0.871, precision 0.909, recall 0.835 (PERSON R 0.784, ORG R
0.393, LOCATION R 0.973); without 04BRASILIA3106 (the follow-up of a round-6 cable, see its README)
F1 0.934. After the general rules it prompted: F1 0.950, PERSON R 0.950, ORG R 0.787 (below the
target: programmes, units named inside a title's office, airlines in mixed case), LOCATION R 0.973.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

from entities import BLIND, load_gold, score  # noqa: E402

# set → (folder, fewest cables, F1 floors per type, precision floor, expansions allowed missing,
#        settled conventions accepted: only where the set's README says its gold predates them)
SETS = {
    "rounds 1-2": (BLIND, 8, {"ALL": 0.91, "PERSON": 0.89, "LOCATION": 0.89, "ORG": 0.8, "ACRONYM": 0.89,
                              "DATE": 0.95}, 0.93, 0, False),
    "round 3": (BLIND.parent / "entities_blind3", 7, {"ALL": 0.92, "PERSON": 0.96, "LOCATION": 0.92, "ORG": 0.86,
                                                      "ACRONYM": 0.86, "DATE": 0.93}, 0.92, 1, False),
    "round 3 settled": (BLIND.parent / "entities_blind3", 7, {"ALL": 0.95, "PERSON": 0.96, "LOCATION": 0.96,
                                                              "ORG": 0.91, "ACRONYM": 0.93, "DATE": 0.93}, 0.96, 1, True),
    "round 4": (BLIND.parent / "entities_blind4", 7, {"ALL": 0.90, "PERSON": 0.90, "LOCATION": 0.91, "ORG": 0.77,
                                                      "ACRONYM": 0.92, "DATE": 0.95}, 0.93, 0, False),
    "round 5": (BLIND.parent / "entities_blind4", 1, {"ALL": 0.82, "PERSON": 0.85, "LOCATION": 0.9, "DATE": 0.95},
                0.88, 2, False),
    "round 6": (BLIND.parent / "entities_blind5", 5, {"ALL": 0.94, "PERSON": 0.95, "LOCATION": 0.92, "ORG": 0.93,
                                                      "ACRONYM": 0.92, "DATE": 0.95}, 0.96, 1, False),
    "round 7": (BLIND.parent / "entities_blind6", 8, {"ALL": 0.94, "PERSON": 0.95, "LOCATION": 0.95, "ORG": 0.85,
                                                      "ACRONYM": 0.94, "DATE": 0.95}, 0.95, 1, False),
}
# Recall per type, the target (0.90 for people, organisations and places), where a set reaches it.
RECALL = {"round 6": {"PERSON": 0.9, "ORG": 0.9, "LOCATION": 0.9}, "round 7": {"PERSON": 0.9, "LOCATION": 0.9}}
ROUND = {"round 4": 4, "round 5": 5}  # sets that share a folder: the gold documents of one round only
_RESULTS: dict[str, dict] = {}


def _result(name: str) -> dict:
    if name not in _RESULTS:
        folder, fewest = SETS[name][:2]
        docs = [d for d in load_gold(folder) if name not in ROUND or d.get("round") == ROUND[name]]
        assert len(docs) >= fewest
        _RESULTS[name] = score(docs, conventions=SETS[name][5])
    return _RESULTS[name]


@pytest.mark.parametrize("name", sorted(n for n in SETS if n not in ROUND))
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


@pytest.mark.parametrize(("name", "kind"), [(name, kind) for name, floors in RECALL.items() for kind in sorted(floors)])
def test_blind_recall_reaches_the_target(name: str, kind: str) -> None:
    recall = _result(name)["rows"][kind][4]
    assert recall >= RECALL[name][kind], f"{name} {kind}: recall {recall:.3f} < {RECALL[name][kind]}"

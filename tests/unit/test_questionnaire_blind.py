"""The blind check: questionnaire cables annotated by reading (a00), never tuned on.

tests/fixtures/questionnaire_blind/<REF>.json gives each item's label, letters and the first and
last five words of question and answer (see its README). An item is *found* when the parser has
an item with that label (labels can repeat in a cable: matched in order) and *exactly paired* when
its question (when restated) and its answer start and end with those words, compared
case-insensitively and ignoring punctuation at word edges. On a cable that is no questionnaire
every question is a false pair.

The test asserts what is true today: the measured floor, and the misses listed one by one
(KNOWN_MISSES), so a change that loses an item fails and one that gains an item says so.
Run ``python -m tests.unit.test_questionnaire_blind`` for the figures.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from tipreader.cable import Cable
from tipreader.cable.parse import parse_file

BLIND = Path(__file__).resolve().parents[1] / "fixtures" / "questionnaire_blind"
_EDGE = re.compile(r"^\W+|\W+$")


def words(text: str | None) -> list[str]:
    out = []
    for token in (text or "").split():
        token = _EDGE.sub("", token.lower())
        if token:
            out.append(token)
    return out


@dataclass
class Score:
    items: int = 0
    found: int = 0
    exact: int = 0
    false_pairs: int = 0
    misses: dict[str, str] = field(default_factory=dict)  # "REF label#n" -> why


def _ends_match(text: str, first5: str | None, last5: str | None) -> str | None:
    """None when ``text`` starts with ``first5`` and ends with ``last5``, else what differs."""
    got = words(text)
    first, last = words(first5), words(last5)
    if got[: len(first)] != first:
        return f"starts {' '.join(got[:5])!r} not {' '.join(first)!r}"
    if got[len(got) - len(last) :] != last:
        return f"ends {' '.join(got[-5:])!r} not {' '.join(last)!r}"
    return None


def score_cable(cable: Cable, gold: dict, total: Score) -> None:
    ref = gold["ref_id"]
    if not gold["is_questionnaire"]:
        total.false_pairs += len(cable.questions)
        if cable.questions:
            total.misses[f"{ref} (no questionnaire)"] = f"{len(cable.questions)} false pairs"
        return
    questions = list(cable.questions)
    used = -1
    seen: dict[str, int] = {}
    for item in gold["items"]:
        total.items += 1
        seen[item["label"]] = seen.get(item["label"], 0) + 1
        key = f"{ref} {item['label']}" + (f"#{seen[item['label']]}" if seen[item["label"]] > 1 else "")
        match = next((i for i in range(used + 1, len(questions)) if questions[i].label.upper() == item["label"].upper()), None)
        if match is None:
            total.misses[key] = "not found"
            continue
        used = match
        total.found += 1
        q = questions[match]
        why = None
        if item["question_restated"]:
            why = _ends_match(q.question, item["question_first5"], item["question_last5"])
            why = f"question {why}" if why else None
        if why is None:
            why = _ends_match(q.answer, item["answer_first5"], item["answer_last5"])
            why = f"answer {why}" if why else None
        if why is None:
            total.exact += 1
        else:
            total.misses[key] = why


def score(shared: Path) -> Score:
    total = Score()
    for path in sorted(BLIND.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        cable = parse_file(shared / gold["source"])[0]
        score_cable(cable, gold, total)
    return total


# First run (17:49 UTC, before any change made after it): 149 items, 108 found, 101 exactly paired,
# 0 false pairs (/work/coord/notes/q12.md). After general fixes (list items numbered like paragraphs
# inside an answer, `###########` lost-line fragments, a suspended hyphen at a line end): below.
FLOOR = {"items": 149, "found": 111, "exact": 111, "false_pairs": 0}
# 10CAIRO209 is a Department of Labor child-labour report (sections 2A-2G, numbered items and
# ranges `4-14.`), a layout the questionnaire parser does not pair: every item is missed.
KNOWN_MISSES: dict[str, str] = {
    "10CAIRO209 1.1": "not found",
    "10CAIRO209 2A.1": "not found",
    "10CAIRO209 2A.2": "not found",
    "10CAIRO209 2B.1": "not found",
    "10CAIRO209 2B.2": "not found",
    "10CAIRO209 2C.1": "not found",
    "10CAIRO209 2C.2": "not found",
    "10CAIRO209 2C.3": "not found",
    "10CAIRO209 2C.4-14": "not found",
    "10CAIRO209 2C.1#2": "not found",
    "10CAIRO209 2C.2#2": "not found",
    "10CAIRO209 2C.3#2": "not found",
    "10CAIRO209 2C.4-14#2": "not found",
    "10CAIRO209 2D.1": "not found",
    "10CAIRO209 2D.2": "not found",
    "10CAIRO209 2D.3": "not found",
    "10CAIRO209 2D.4-12": "not found",
    "10CAIRO209 2D.13": "not found",
    "10CAIRO209 2D.1#2": "not found",
    "10CAIRO209 2D.2#2": "not found",
    "10CAIRO209 2D.3#2": "not found",
    "10CAIRO209 2D.4-12#2": "not found",
    "10CAIRO209 2D.13#2": "not found",
    "10CAIRO209 2D.1#3": "not found",
    "10CAIRO209 2D.2#3": "not found",
    "10CAIRO209 2D.3#3": "not found",
    "10CAIRO209 2D.4-12#3": "not found",
    "10CAIRO209 2D.13#3": "not found",
    "10CAIRO209 2E.1": "not found",
    "10CAIRO209 2E.2": "not found",
    "10CAIRO209 2E.3": "not found",
    "10CAIRO209 2E.4-7": "not found",
    "10CAIRO209 2F.1": "not found",
    "10CAIRO209 2F.2": "not found",
    "10CAIRO209 2F.3": "not found",
    "10CAIRO209 2F.4-5": "not found",
    "10CAIRO209 2F.6": "not found",
    "10CAIRO209 2G.1": "not found",
}


def test_blind_questionnaires(shared_cables: Path) -> None:
    result = score(shared_cables)
    assert result.items == FLOOR["items"]
    assert result.found >= FLOOR["found"] and result.exact >= FLOOR["exact"]
    assert result.false_pairs <= FLOOR["false_pairs"]
    assert sorted(result.misses) == sorted(KNOWN_MISSES)


if __name__ == "__main__":
    from tests.conftest import SHARED_CABLES

    s = score(SHARED_CABLES)
    print(f"items {s.items} found {s.found} exactly paired {s.exact} false pairs {s.false_pairs}")
    for key, why in s.misses.items():
        print(f"  {key}: {why}")

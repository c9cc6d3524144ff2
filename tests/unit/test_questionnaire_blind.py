"""The blind checks: questionnaire cables annotated by reading (a00) before the parser ran on them.

Each set is a folder ``tests/fixtures/<set>/<REF>.json`` giving every item's label, letters and the
first and last five words of question and answer (see the set's README). One scorer for every set:

- an item is *found* when the parser has a question with that label (labels can repeat in a cable,
  and nested or ordinal labels follow cable order: matched in order), *exactly paired* when its
  question (when restated) and its answer start and end with those words, compared
  case-insensitively and ignoring punctuation at word edges. An item with a ``title`` (the tasker's
  topic written after the label) is also exact when the answer starts with the title's words
  followed by the expected ones (the title taken off);
- a *false pair* is a question with an answer the parser invents: on a cable that is no
  questionnaire, every question with a non-empty answer (a tasker that only asks may be listed
  with empty answers); on a questionnaire, every question the annotation does not have.

The test asserts what is true today for each set: the measured floor, and the misses listed one by
one, so a change that loses an item fails and one that gains an item says so (update the table).
Run ``python -m tests.unit.test_questionnaire_blind`` for the figures.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tipreader.cable import Cable
from tipreader.cable.model import Question
from tipreader.cable.parse import parse_file

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
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


def _ends_match(text: str, first5: str | None, last5: str | None, title: str | None = None) -> str | None:
    """None when ``text`` starts with ``first5`` and ends with ``last5``, else what differs."""
    got = words(text)
    first, last = words(first5), words(last5)
    head = words(title)
    if head and got[: len(head)] == head and got[len(head) : len(head) + len(first)] == first:
        got = got[len(head) :]
    if got[: len(first)] != first:
        return f"starts {' '.join(got[:5])!r} not {' '.join(first)!r}"
    if got[len(got) - len(last) :] != last:
        return f"ends {' '.join(got[-5:])!r} not {' '.join(last)!r}"
    return None


def _same_item(q: Question, item: dict) -> bool:
    """Whether the parser's ``q`` is the annotated ``item``: the same label, or (set 4) the item is the whole of
    cable's numbered paragraph it stands in and the parser labels the item by that paragraph's number alone (``5``
    for ``5. Q: ... A: ...``, annotated ``5.1`` or ``5.4`` after its ``Q4:``): matched by paragraph, in order."""
    if q.label.upper() == item["label"].upper():
        return True
    if item["label"] and "." not in item["label"] and q.label.rpartition(".")[2].upper() == item["label"].upper():
        return True  # the annotation gives no part label (the cable numbers none): the item's own letter, in order
    para = item.get("paragraph")
    return para is not None and str(q.paragraph) == str(para) and q.label == str(para)


def score_cable(cable: Cable, gold: dict, total: Score) -> None:
    ref = gold["ref_id"]
    questions = list(cable.questions)
    if not gold["is_questionnaire"]:
        invented = sum(1 for q in questions if q.answer.strip())
        total.false_pairs += invented
        if invented:
            total.misses[f"{ref} (no questionnaire)"] = f"{invented} false pairs"
        return
    used = -1
    matched: set[int] = set()
    seen: dict[str, int] = {}
    for item in gold["items"]:
        total.items += 1
        seen[item["label"]] = seen.get(item["label"], 0) + 1
        key = f"{ref} {item['label']}" + (f"#{seen[item['label']]}" if seen[item["label"]] > 1 else "")
        match = next((i for i in range(used + 1, len(questions)) if _same_item(questions[i], item)), None)
        if match is None:
            total.misses[key] = "not found"
            continue
        used = match
        matched.add(match)
        total.found += 1
        q = questions[match]
        why = None
        if item["question_restated"]:
            why = _ends_match(q.question, item["question_first5"], item["question_last5"])
            why = f"question {why}" if why else None
        if why is None:
            why = _ends_match(q.answer, item["answer_first5"], item["answer_last5"], item.get("title"))
            why = f"answer {why}" if why else None
        if why is None:
            total.exact += 1
        else:
            total.misses[key] = why
    extra: dict[str, int] = {}
    for i, q in enumerate(questions):
        if i not in matched:
            total.false_pairs += 1
            extra[q.label] = extra.get(q.label, 0) + 1
            total.misses[f"{ref} {q.label}" + (f"#{extra[q.label]}" if extra[q.label] > 1 else "")] = "not in the annotation"


def score(folder: Path, shared: Path) -> Score:
    total = Score()
    for path in sorted(folder.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        cable = parse_file(shared / gold["source"])[0]
        score_cable(cable, gold, total)
    return total


# Blind set 1 (TIP submissions). First run (17:49 UTC, session 3, before any change made after it):
# 149 items, 108 found, 101 exactly paired, 0 false pairs. Tuned on since.
# 10CAIRO209 is a Department of Labor child-labour report (sections 2A-2G, numbered items and ranges `4-14.`):
# paired since session 7 (tipreader/cable/section_items.py) but for its `Task 1/TVPRA` answer, which the cable
# writes as its paragraph 1 under a dashed heading (the annotation's item 1.1): it stays the cable's ¶1.
# Blind set 2 (other tasker answers, none a TIP submission). First run (04:32 UTC, session 5, commit
# a05660c, before any change): 57 items, 10 found, 4 exactly paired, 0 false pairs
# (/work/coord/s5/notes/q12.md). Tuned on since (session 6): every item paired.
# Blind set 3 (a00, landed 07:16 UTC session 6). FIRST RUN (07:20, before any change prompted by it, same
# on main a05660c and on branch q12 41386d4): 48 items, 10 found, 6 exactly paired, 0 false pairs.
# Tuned on since. Session 7: `Q:` / `A:` exchanges the cable labels are pairs (coordinator's decision), so
# 08KUWAIT128's 27 interview exchanges and 09STATE127892's two press-guidance pairs are paired (tuned figure:
# 45 found, 45 exact); and 06REYKJAVIK51's Roman categories (`I. Legislative agenda` / `d) not likely ...`) since
# tipreader/cable/section_items.roman_item_lines: 48 of 48 (tuned).
# Blind set 4 (b00, landed 12:19 UTC session 7: `Q:`/`A:`-style exchanges, 2 negatives). FIRST RUN (12:23, before any
# change prompted by it, same on main 27f1f6a and branch q12 8a7b216): 13 items, 0 found, 0 exact, 2 false pairs --
# with a scorer slip (the set's `paragraph` is a string, compared to an int); the same code states with that fixed:
# 13 items, 2 found, 2 exact, 0 false pairs. Tuned on since (inline `Q1: ... A1:` labels, `Question 4):` / `Post
# Response to Question 4):`, a label cut by a line break, one exchange alone): every item paired.
# Round 2 (b00, 12:31: 01HAVANA4690 answer-only `C)`-`M)` with no part number, negative 04NASSAU384). FIRST RUN
# (12:46, branch q12 a0d9c49 = main + the exchange work, before any change it prompts): 11 items, 0 found, 0 exact,
# 0 false pairs. Matching: label, else (no part label in the annotation) the item's own letter, in order.
# Session 8 (qn12): lettered items whose letters run on unbroken from C, after an intro keyed to the tasker, are a
# reply to the tasker's paragraphs (questions._one_run): 24 of 24 (tuned).
# Blind set 5 (an2, landed 16:34 + round 2 16:40 UTC session 8: 11 cables, 135 items, 2 negatives). FIRST RUN (17:01,
# qn12, before opening the set or any change prompted by it; same on main 1440991 and branch qn12 515d4ce): 135 items,
# 8 found, 3 exactly paired, 95 false pairs (Roman parts I-VII numbered 1-8, so most items count twice). Tuned on
# since: Roman part headings (also at the end of the answer before them), a form's `Field: value` lines, an answer
# repeating its label, a marked answer block under a question that does not open with an asking word; `Question A:`
# over an answer that asks nothing, `Question D (cont'd):`; a signer `van Voorst`; `response to questions posed reftel`;
# questions restated as numbered paragraphs (tipreader/cable/numbered_exchanges.py); `Q.` / `A.` exchanges.
_BLIND5_NOT_FOUND = {
    "09LONDON2592": [f"3.{n}" for n in range(1, 7)],
    "09PANAMA171": ["I.A.i", "I.A.ii", "I.A.iii", "I.A.iv", "I.B.i", "I.B.ii", "I.C.i", "I.C.ii", "I.C.iii", "I.C.iv"],
}
_BLIND5_MISSES = {f"{ref} {label}": "not found" for ref, labels in _BLIND5_NOT_FOUND.items() for label in labels} | {
    "09PANAMA171 I.A": "answer ends 'policy initiatives and military action' not 'but did not in 2008'",
    "09PANAMA171 I.B": "answer ends 'u no ii u no' not 'the route of the march'",
    "09PANAMA171 I.C": "answer ends 'generally peaceful iv u no' not 'daily anti-government protests and marches'",
    "09PANAMA171 III.J": "answer ends 'and organizational structure indigenous terrorism' not 'style training and organizational structure'",
}
SETS = {
    "questionnaire_blind": ({"items": 149, "found": 148, "exact": 148, "false_pairs": 0}, {"10CAIRO209 1.1": "not found"}),
    "questionnaire_blind2": (
        {"items": 57, "found": 57, "exact": 57, "false_pairs": 0},
        {},
    ),
    "questionnaire_blind3": ({"items": 48, "found": 48, "exact": 48, "false_pairs": 0}, {}),
    "questionnaire_blind4": ({"items": 24, "found": 24, "exact": 24, "false_pairs": 0}, {}),
    "questionnaire_blind5": ({"items": 135, "found": 119, "exact": 115, "false_pairs": 0}, _BLIND5_MISSES),
}


@pytest.mark.parametrize("name", sorted(SETS))
def test_blind_questionnaires(shared_cables: Path, name: str) -> None:
    floor, known_misses = SETS[name]
    result = score(FIXTURES / name, shared_cables)
    assert result.items == floor["items"]
    assert result.found >= floor["found"] and result.exact >= floor["exact"]
    assert result.false_pairs <= floor["false_pairs"]
    assert result.misses == known_misses


if __name__ == "__main__":
    import sys

    from tests.conftest import SHARED_CABLES

    for name in sys.argv[1:] or sorted(SETS):
        s = score(FIXTURES / name, SHARED_CABLES)
        print(f"{name}: items {s.items} found {s.found} exactly paired {s.exact} false pairs {s.false_pairs}")
        for key, why in s.misses.items():
            print(f"  {key}: {why}")

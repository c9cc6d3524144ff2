"""The body/header blind checks: cables read by hand (a00, b00), tests/fixtures/body_blind2/, 3/, 4/ and 5/.

Each cable is parsed twice, as its README asks: the header from the cable's own text (the
page's metadata table dropped, so ``date`` is null when the text states none) and the body as
a user gets it (``parse_file`` on the page). Every check counts as one item, per kind:

* ``header``: ref_id, classification, date, precedence, origin, tags (a list), subject (a leading
  marking such as ``(S/NF)`` left out of both sides, as set 3's notes allow), references (label, text,
  id triples), each equal;
* ``paragraph``: each of the cable's paragraph numbers is a paragraph of its own;
* ``heading``: each heading is a paragraph of kind heading with that text (rule gone);
* ``signature``: the signer is in a signature paragraph and ends no other paragraph;
  ``footer``: the ``Visit ... Classified Website`` line is in no body paragraph;
* ``truncated``: the ``truncated`` warning is there exactly when the cable is cut short;
* ``join``: the words before and after a break read as one run inside one paragraph;
* ``debris``: a routing or page-break string is in no paragraph, heading or subject;
* ``embedded_row`` (set 3): the ``embedded-row`` warning is there exactly when a pasted row starts the page.

The test asserts the floors measured on the first run (raised as fixes land), so a change that
loses an item fails. ``python -m tests.unit.test_body_blind`` prints the figures and the misses (``... body_blind3`` for set 3).
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest


from tipreader.cable import Cable
from tipreader.cable.formats import read_path
from tipreader.cable.parse import cable_from_raw, parse_file

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
BLIND = FIXTURES / "body_blind2"
SHARED = Path(__file__).resolve().parents[3] / "shared" / "cables"
MARKING_START = re.compile(r"^\((?:U|C|S|SBU|TS)(?://?[A-Z]+)*\)\s*")
HEADER_FIELDS = ("ref_id", "classification", "date", "precedence", "origin", "tags", "subject", "references")


def _flat(text: str | None) -> str:
    return " ".join((text or "").split())


def _unmarked(subject: str | None) -> str | None:
    """A subject without its leading marking: set 3's notes take ``(S/NF) FUNES'S ...`` as the same subject."""
    return MARKING_START.sub("", _flat(subject)) or None


def _text_only(path: Path) -> Cable:
    """The cable parsed from its own text: the page's metadata table left out."""
    raw = next(iter(read_path(path)))
    assert not isinstance(raw, Exception), raw
    return cable_from_raw(replace(raw, meta={}))


def _header_checks(gold: dict, cable: Cable) -> list[tuple[str, str, bool]]:
    got = {
        "ref_id": cable.ref_id,
        "classification": cable.classification,
        "date": cable.date,
        "precedence": cable.precedence,
        "origin": cable.origin,
        "tags": list(cable.tags),
        "subject": _unmarked(cable.subject),
        "references": [[r.label, _flat(r.text), r.ref_id] for r in cable.references],
    }
    want = dict(gold)
    want["subject"] = _unmarked(want.get("subject"))
    want["references"] = [[label, _flat(text), ref] for label, text, ref in want.get("references", [])]
    out = []
    for name in HEADER_FIELDS:
        ok = got[name] == want.get(name)
        out.append(("header", f"{name}: want {want.get(name)!r}, got {got[name]!r}", ok))
    return out


def _body_checks(gold: dict, cable: Cable) -> list[tuple[str, str, bool]]:
    paragraphs = cable.paragraphs
    flat = [_flat(p.text) for p in paragraphs]
    out: list[tuple[str, str, bool]] = []
    numbers = [p.number for p in paragraphs if p.number is not None and p.kind != "heading"]
    for number in gold["paragraph_numbers"]:
        out.append(("paragraph", f"paragraph {number}", number in numbers))
    headings = [f for p, f in zip(paragraphs, flat) if p.kind == "heading"]
    for heading in gold["headings"]:
        out.append(("heading", f"heading {heading!r}", _flat(heading) in headings))
    if gold.get("signature"):
        signer = _flat(gold["signature"])
        apart = any(p.kind == "signature" and signer in f for p, f in zip(paragraphs, flat))
        glued = any(p.kind != "signature" and f.endswith(signer) for p, f in zip(paragraphs, flat))
        out.append(("signature", f"signature {signer!r}", apart and not glued))
    if gold.get("footer"):
        footer = _flat(gold["footer"])
        out.append(("footer", f"footer {footer[:40]!r}", not any(p.kind != "signature" and footer in f for p, f in zip(paragraphs, flat))))
    truncated = any(w.code == "truncated" for w in cable.warnings)
    out.append(("truncated", f"truncated want {gold['truncated']}, got {truncated}", truncated == bool(gold["truncated"])))
    if "embedded_row" in gold:
        row = any(w.code == "embedded-row" for w in cable.warnings)
        out.append(("embedded_row", f"embedded-row want {gold['embedded_row']}, got {row}", row == bool(gold["embedded_row"])))
    for join in gold["joins"]:
        run = _flat(join["before"] + " " + join["after"])
        out.append(("join", f"join {run!r}", any(run in f for f in flat)))
    shown = flat + [_flat(cable.subject)]
    for debris in gold["debris"]:
        piece = _flat(debris)
        out.append(("debris", f"debris {piece!r}", not any(piece in f for f in shown)))
    return out


def score_cable(path: Path, shared: Path = SHARED) -> list[tuple[str, str, bool]]:
    """(kind, what, passed) for every check of the blind cable annotated at ``path``."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    page = shared / gold["source"]
    checks = _header_checks(gold["header"], _text_only(page))
    checks += _body_checks(gold, parse_file(page)[0])
    return checks


def score_all(shared: Path = SHARED, blind: Path = BLIND) -> tuple[Counter[str], Counter[str], list[str]]:
    """(found per kind, total per kind, misses as ``REF: what``) over the whole set."""
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    misses = []
    for path in sorted(blind.glob("*.json")):
        for kind, what, ok in score_cable(path, shared):
            total[kind] += 1
            found[kind] += ok
            if not ok:
                misses.append(f"{path.stem}: {what}")
    return found, total, misses


# Measured on the first run (session 6, before any change they prompted); raise them as fixes land.
FLOORS = {
    "header": 58,
    "paragraph": 90,
    "heading": 38,
    "signature": 7,
    "footer": 1,
    "truncated": 8,
    "join": 19,
    "debris": 20,
}


def test_body_blind2_scores_at_least_the_floors(shared_cables: Path) -> None:
    found, total, misses = score_all(shared_cables)
    assert sum(total.values()) > 200
    for kind, floor in FLOORS.items():
        assert found[kind] >= floor, f"{kind}: {found[kind]}/{total[kind]} below the floor {floor}\n" + "\n".join(misses)


# Set 3: four cables landed 07:33 (first run 07:45: 85/89), three added 07:41 (first run 08:15: 72/79), each
# first run on p13's code of its time (today's general fixes in, none prompted by these cables).
# Raised: debris 27 (session 8, hd13: the upper rule of a framed title after a sentence is no text, 05BRASILIA2676).
FLOORS3 = {"header": 53, "paragraph": 46, "heading": 17, "signature": 6, "truncated": 7, "join": 8, "debris": 27, "embedded_row": 1}


# Set 4 (b00, 8 cables: six WikiLeaks pages and two cablegate-text files): first run 12:37 on p13 f85ba4d, 183/201
# (the two year-less ids and their references follow the rule: no year the text does not state).
# Raised after general fixes (a later section's routing block in an old telex print: 189; signers and a
# capitals footer: 193).
FLOORS4 = {
    "header": 60,
    "paragraph": 53,
    "heading": 17,
    "signature": 7,
    "footer": 3,
    "truncated": 8,
    "join": 9,
    "debris": 34,
    "embedded_row": 2,
}


# Set 5 (an2, 8 cables): first run 16:50 (session 8) on main 8dd2cdc, unopened: 181/194; hd13's heading changes
# of that hour (none prompted by these cables) scored the same. Raised: header 62 (an e-mail printout's Subject line
# stands for a lost SUBJECT line, a general rule found on 09TRIPOLI63).
FLOORS5 = {
    "header": 62,
    "paragraph": 44,
    "heading": 23,
    "signature": 5,
    "footer": 1,
    "truncated": 8,
    "join": 14,
    "debris": 24,
    "embedded_row": 1,
}


#: set → (its floors, how many items it has at least)
LATER_SETS = {"body_blind3": (FLOORS3, 80), "body_blind4": (FLOORS4, 190), "body_blind5": (FLOORS5, 190)}


@pytest.mark.parametrize("name", sorted(LATER_SETS))
def test_later_blind_sets_score_at_least_their_floors(shared_cables: Path, name: str) -> None:
    floors, size = LATER_SETS[name]
    found, total, misses = score_all(shared_cables, FIXTURES / name)
    assert sum(total.values()) > size
    for kind, floor in floors.items():
        assert found[kind] >= floor, f"{kind}: {found[kind]}/{total[kind]} below the floor {floor}\n" + "\n".join(misses)


def main(argv: list[str]) -> int:
    blind = FIXTURES / argv[0] if argv else BLIND
    found, total, misses = score_all(SHARED, blind)
    for kind in total:
        print(f"{kind:10} {found[kind]:4}/{total[kind]:<4}")
    print(f"{'all':10} {sum(found.values()):4}/{sum(total.values()):<4}")
    print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

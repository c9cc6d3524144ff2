"""In-text references to a question of the same cable resolve to that question."""

from __future__ import annotations

from pathlib import Path

from tipreader.cable.crossrefs import cross_references, resolve
from tipreader.cable.parse import parse_file


def refs(shared: Path, ref: str) -> list[tuple[str, str]]:
    cable = parse_file(shared / "wikileaks-html" / f"{ref}.html")[0]
    return [(cable.paragraphs[x.paragraph].text[x.start : x.end], x.label) for x in cross_references(cable)]


def test_references_by_the_cables_labels(shared_cables: Path) -> None:
    assert refs(shared_cables, "06REYKJAVIK68") == [("5A", "5.A")]  # `Please see section 5A, above.`
    assert ("23E", "23.E") in refs(shared_cables, "06SANJOSE481")  # `mentioned in paragraph 23E`
    assert ("23 A", "23.A-B") in refs(shared_cables, "06SANJOSE481")  # `question 23 A-B above`: the combined item


def test_reference_by_part_position_when_no_part_has_the_label(shared_cables: Path) -> None:
    """08REYKJAVIK36 numbers its parts 2-5 and writes `(See 1A above.)` of the first part."""
    found = refs(shared_cables, "08REYKJAVIK36")
    assert ("1A", "2.A") in found and ("1B", "2.B") in found and ("5F", "5.F") in found
    cable = parse_file(shared_cables / "wikileaks-html" / "08REYKJAVIK36.html")[0]
    assert resolve(cable, "9", "A") is None and resolve(cable, "3", "Z") is None
    assert resolve(cable, "3", "m").label == "3.L-M"


def test_no_references_without_a_questionnaire_or_on_times(shared_cables: Path) -> None:
    assert refs(shared_cables, "09STATE60550") == []
    mexico = parse_file(shared_cables / "scoop-text" / "08MEXICO721.txt")[0]
    assert cross_references(mexico) == []


def test_the_forms_the_issue_names() -> None:
    """`see 6A above`, `reftel para 6B` (the tasker's paragraph, answered here under the same label) and
    `please see section 6B` resolve to this cable's questions; a question's own paragraph naming it is no reference."""
    from tipreader.cable.parse import parse_text

    cable = parse_text(
        "UNCLAS SANTIAGO 000123\n\nE.O. 12958: N/A\nTAGS: KTIP PHUM\nSUBJECT: ANNUAL TIP REPORT\n\n"
        "1. (U) The answers below are keyed to the questions in reftel.\n\n6. (SBU) PREVENTION:\n\n"
        "-- A. Does the government acknowledge that trafficking is a problem?\n\nYes. It did so in 2006.\n\n"
        "-- B. Are there campaigns?\n\nTwo campaigns ran, see 6A above.\n\n"
        "-- C. Is there a plan?\n\nNo plan; the campaigns of reftel para 6B ended in May. Please see section 6B and 6C.\n\n"
        "KELLY\n"
    )
    found = [(cable.paragraphs[x.paragraph].text[x.start : x.end], x.label) for x in cross_references(cable)]
    assert found == [("6A", "6.A"), ("6B", "6.B"), ("6B", "6.B")]

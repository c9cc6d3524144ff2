"""Body text joined as the cable wrote it: continuation marks, SIPDIS cuts, glued and collapsed numbers.

Each case is a real cable of ../shared; the expected values are read off the page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tipreader.cable import Cable
from tipreader.cable.parse import parse_file


def _cable(shared: Path, name: str) -> Cable:
    path = shared / name
    if not path.exists():
        pytest.skip(f"{name} is not in ../shared")
    return parse_file(path)[0]


def test_a_dump_row_with_doubled_columns_gives_its_cable(shared_cables: Path) -> None:
    # the page is a database row (every line ending in an escaped newline " \") whose columns come
    # twice: the subject ran on into the page marker and paragraph 9 took in the second copy
    cable = _cable(shared_cables, "wikileaks-html/08BERN443.html")
    assert cable.subject == 'FM CALMY-REY SAYS DIALOGUE AND "DIPLOMATIC ENGINEERING" ARE CHIEF SWISS FOREIGN POLICY INSTRUMENTS'
    assert cable.paragraphs[0].text.startswith(
        "Summary: In an August 25 address to senior Swiss diplomats, FM Calmy-Rey extolled dialogue and facilitation as"
    )
    assert not any("\\" in p.text for p in cable.paragraphs)
    assert max(p.page for p in cable.paragraphs) == 3  # the page markers are read again
    assert cable.classified_by == "POL/E Counselor Richard A. Rorvig; reason 1.4(d)."
    assert cable.paragraphs[-1].kind == "signature" and cable.paragraphs[-1].text == "CARTER"
    assert [p.number for p in cable.paragraphs if p.number] == list(range(1, 10))
    assert "embedded-row" in {w.code for w in cable.warnings}


def test_escaped_newlines_hid_the_references(shared_cables: Path) -> None:
    cable = _cable(shared_cables, "wikileaks-html/09BERN260.html")
    assert cable.subject == "GUANTANAMO CLOSURE: SWISS EAGER TO MOVE ON RESETTLEMENT CASES, BUT NEED MORE INFORMATION"
    assert [(r.label, r.ref_id) for r in cable.references] == [("A", "09BERN186"), ("B", None)]
    assert [p.number for p in cable.paragraphs if p.number] == list(range(1, 9))


def test_a_dump_row_cut_before_its_id_column(shared_cables: Path) -> None:
    cable = _cable(shared_cables, "wikileaks-html/09TRIPOLI417.html")
    assert cable.subject == "AL-QADHAFI: NO LONGER RELUCTANT TO ENGAGE WITH AFRICOM"
    assert cable.classified_by == "Gene A. Cretz, Ambassador, Embassy Tripoli, Department of State. REASON: 1.4 (b), (d)"
    assert cable.paragraphs[-1].text == "CRETZ" and cable.paragraphs[-2].text == "This cable was cleared by U.S. Africa Command."

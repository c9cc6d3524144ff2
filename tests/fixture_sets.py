"""The real cables the tests share, one copy of each (the guide: "share fixtures rather than
duplicate them").

Each file is kept once: in ``sample_cables/`` (the embedded library) or in one topic folder
of ``tests/fixtures/``. A test set made of cables kept in several places is listed here, in
file-name order (the order a folder import walks), instead of a folder holding copies.
"""

from __future__ import annotations

import re
from pathlib import Path

from tipreader.cable._types import Line
from tipreader.cable.pages import clean_lines

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_cables"
FIXTURES = ROOT / "tests" / "fixtures"
BODY = FIXTURES / "body"


def _by_name(paths: list[Path]) -> list[Path]:
    return sorted(paths, key=lambda p: p.name)


# eight real WikiLeaks pages: the library search, field, storage and entity-pass tests
LIBRARY: list[Path] = _by_name([*(FIXTURES / "library").glob("*.html"), SAMPLES / "08ECTION01OF02MANAMA492.html"])

# six real cables for the library screen: 08MANAMA492 cites 08MANAMA486 in its REF block,
# 08REYKJAVIK125 cites 08REYKJAVIK36
LIBRARY_UI: list[Path] = _by_name([
    FIXTURES / "library" / "05ISTANBUL38.html", SAMPLES / "08ECTION01OF02MANAMA492.html",
    FIXTURES / "library_ui" / "08MANAMA486.html", SAMPLES / "08MEXICO721.txt",
    FIXTURES / "library" / "08REYKJAVIK125.html", FIXTURES / "library_ui" / "08REYKJAVIK36.html",
])


def body_lines(name: str | Path, start: str = r"^\s*1\.\s") -> list[Line]:
    """The cleaned lines of the cable ``name`` (in tests/fixtures/body/, or a path) from the first
    line matching ``start`` on: its body, for the tests of the stages after the header's."""
    lines = clean_lines((BODY / name).read_text(encoding="utf-8"))
    first = next(i for i, line in enumerate(lines) if re.match(start, line.text))
    return lines[first:]

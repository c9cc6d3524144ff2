"""Fixtures for the reader's tests: the cables they read."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ui_cables import MEXICO_FILE, mexico_cable


@pytest.fixture(scope="session")
def mexico():
    """The Mexico TIP cable (08MEXICO721) parsed from ``sample_cables/``.

    The structure the reader's tests rely on is checked first, against what the
    file says (26 numbered paragraphs; 22 questions in parts A-E, A-M, A-D;
    paragraph 12 is part 2 question C), so a parser change shows up here.
    """
    from tipreader.cable import parse_file

    cable = parse_file(MEXICO_FILE)[0]
    assert [p.number for p in cable.paragraphs if p.number is not None] == list(range(1, 27))
    assert ["".join(q.letter for q in part.questions) for part in cable.parts] == ["ABCDE", "ABCDEFGHIJKLM", "ABCD"]
    assert cable.parts[1].questions[2].paragraph == 12
    assert cable.parts[1].questions[2].question.startswith("Punishment of Labor Trafficking")
    return cable


@pytest.fixture(scope="session")
def mexico_model():
    """The hand-built model of the same cable (independent of the parser)."""
    return mexico_cable()


ICELAND_SERIES = ["06REYKJAVIK68", "07REYKJAVIK49", "08REYKJAVIK36", "09REYKJAVIK49", "09REYKJAVIK50", "10REYKJAVIK31",
                  "09TRIPOLI154"]


@pytest.fixture
def iceland_library(tmp_path):
    """A library of Iceland's TIP submissions 2006-2010 and Libya's 2009 (shared cables), no TIP pass run yet."""
    from tests.conftest import SHARED_CABLES
    from tipreader.library import Library

    html = SHARED_CABLES / "wikileaks-html"
    if not html.is_dir():
        pytest.skip("../shared/cables is not present")
    lib = Library.open(tmp_path / "home")
    lib.import_paths([html / f"{r}.html" for r in ICELAND_SERIES], workers=1, entities=False)
    yield lib
    lib.close()

"""NOFORN from the paragraph markings (issue 13; coordinator's decision, session 6).

05BOGOTA3863's caption is ``S E C R E T`` and its WikiLeaks table says SECRET, but four of its
paragraphs are marked ``(S/NF)``: the cable is SECRET//NOFORN. The caption's classification is kept
beside it, and the reader's header and ``show`` say where NOFORN came from.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tipreader.cable.classification import marks_noforn, with_marked_noforn
from tipreader.cable.parse import parse_file
from tipreader.ui.app import TipReaderApp

PAGE = "wikileaks-html/05BOGOTA3863.html"


def _cli(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "TIPREADER_HOME": str(home), "NO_COLOR": "1", "TIPREADER_CONFIG": str(home) + ".toml"}
    return subprocess.run([sys.executable, "-m", "tipreader", *args], capture_output=True, text=True, env=env,
                          timeout=300)


@pytest.mark.parametrize("marking", ["S/NF", "C//NF", "SBU/NF", "S//NOFORN", "SNF", "C-NF", "S//FGI//NF", "C NF"])
def test_markings_that_say_noforn(marking: str) -> None:
    assert marks_noforn(marking)


@pytest.mark.parametrize("marking", [None, "S", "C", "SBU", "U//FOUO", "S//REL TO USA, GBR", "C/REL NATO"])
def test_markings_that_do_not(marking: str | None) -> None:
    assert not marks_noforn(marking)


def test_only_levels_wikileaks_spells_with_noforn_take_it() -> None:
    assert with_marked_noforn("SECRET", ["C", "S/NF"]) == "SECRET//NOFORN"
    assert with_marked_noforn("CONFIDENTIAL", ["C/NF"]) == "CONFIDENTIAL//NOFORN"
    assert with_marked_noforn("SECRET//NOFORN", ["S/NF"]) is None  # already says it
    assert with_marked_noforn("SECRET", ["S", "C"]) is None
    assert with_marked_noforn("UNCLASSIFIED//FOR OFFICIAL USE ONLY", ["SBU/NF"]) is None


def test_the_cable_is_noforn_and_keeps_its_caption(shared_cables: Path) -> None:
    cable = parse_file(shared_cables / PAGE)[0]
    assert cable.metadata["classification"] == "SECRET"  # WikiLeaks' table
    assert (cable.classification, cable.caption_classification) == ("SECRET//NOFORN", "SECRET")
    assert cable.classification_note == "NOFORN from paragraph markings; the caption says SECRET"
    agreeing = parse_file(shared_cables / "wikileaks-html/09LONDON2509.html")[0]  # caption + NOFORN line
    assert agreeing.classification == "CONFIDENTIAL//NOFORN" and agreeing.caption_classification is None


def test_show_says_where_noforn_came_from(tmp_path: Path, shared_cables: Path) -> None:
    home = tmp_path / "home"
    assert _cli(home, "import", str(shared_cables / PAGE), "--no-entities").returncode == 0
    shown = _cli(home, "show", "05BOGOTA3863").stdout.splitlines()
    at = shown.index("Classification: SECRET//NOFORN")
    assert shown[at + 1] == " " * 16 + "(NOFORN from paragraph markings; the caption says SECRET)"


async def test_the_reader_header_says_where_noforn_came_from(shared_cables: Path) -> None:
    app = TipReaderApp(cable=parse_file(shared_cables / PAGE)[0])
    async with app.run_test(size=(160, 30)) as pilot:
        await pilot.pause()
        view = app.screen.text_view
        head = "\n".join(view.render_line(y).text for y in range(8))
        assert "SECRET//NOFORN" in head
        assert "NOFORN from paragraph markings; the caption says SECRET" in head

"""A real cable whose text states no year keeps a year-less id; the year is shown as a guess (issue 13).

``tests/fixtures/header/VATICAN1261.txt`` is WikiLeaks' text of 01VATICAN1261, a partial
extract, without the page's metadata (as a scraper or a copy-paste gives it): no routing
header, no date-time group, only ``E.0. 12958: DECL: 03/05/11`` (declassify in 2011). WikiLeaks
dates it 2001-03-06; the guess (ten years before the declassification) is 2001, but it is a
guess (wrong about one time in ten over ../shared), so the id is ``VATICAN1261``, never
``01VATICAN1261``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tipreader.cable import parse_file
from tipreader.ui.app import TipReaderApp

TEXT = Path(__file__).resolve().parents[1] / "fixtures" / "header" / "VATICAN1261.txt"


def _cli(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "TIPREADER_HOME": str(home), "NO_COLOR": "1", "TIPREADER_CONFIG": str(home) + ".toml"}
    return subprocess.run([sys.executable, "-m", "tipreader", *args], capture_output=True, text=True, env=env,
                          timeout=300)


def test_the_id_stays_year_less_and_the_guess_is_apart(tmp_path: Path) -> None:
    parsed = json.loads(_cli(tmp_path / "home", "parse", str(TEXT), "--json").stdout)
    assert (parsed["ref_id"], parsed["date"], parsed["year_guess"]) == ("VATICAN1261", None, 2001)
    assert "no-year" in {w["code"] for w in parsed["warnings"]}


def test_show_and_search_keep_the_guess_out_of_the_id(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert _cli(home, "import", str(TEXT), "--no-entities").returncode == 0
    shown = _cli(home, "show", "VATICAN1261").stdout.splitlines()
    assert shown[:2] == ["VATICAN1261", "Date:           year not stated; 2001? (ten years before the declassification date)"]
    assert _cli(home, "search", "id:VATICAN1261").stdout.startswith("VATICAN1261 ")
    assert _cli(home, "search", "id:01VATICAN1261").stdout.strip() == "no cable matches"


async def test_the_reader_shows_the_year_as_a_guess() -> None:
    app = TipReaderApp(cable=parse_file(TEXT)[0])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.screen.text_view
        head = "\n".join(view.render_line(y).text for y in range(6))
        assert "VATICAN1261" in head and "01VATICAN1261" not in head
        assert "year not stated; 2001?" in head

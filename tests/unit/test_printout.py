"""Cables copied from an e-mail printout: real cables of ../shared/cables (Tripoli, 2008-09).

Expected values written by reading the pages: the e-mail's ``From:`` / ``Sent:`` / ``To:`` /
``Subject:`` lines stand before the telegram (``VZCZC...``, DTG, caption, preamble).
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from tipreader.cable import Cable
from tipreader.cable.formats import read_path
from tipreader.cable.parse import cable_from_raw
from tipreader.cable.printout import printout_subject


def _text_only(shared_cables: Path, name: str) -> Cable:
    """The cable from its own text: the page's metadata table left out."""
    raw = next(iter(read_path(shared_cables / "wikileaks-html" / f"{name}.html")))
    assert not isinstance(raw, Exception)
    return cable_from_raw(replace(raw, meta={}))


def test_the_telegram_after_the_printout_gives_id_date_and_addressees(shared_cables: Path) -> None:
    # `Sent: Monday, February 18, 2008 9:42 PM` (local time) / ... / `R 181942Z FEB 08`
    cable = _text_only(shared_cables, "08TRIPOLI126")
    assert (cable.ref_id, cable.date, cable.precedence) == ("08TRIPOLI126", "2008-02-18T19:42:00Z", "ROUTINE")
    assert cable.fm == "AMEMBASSY TRIPOLI" and cable.to == ("SECSTATE WASHDC",)
    assert cable.subject == "WAHDA BANK PRIVATIZATION BID WON BY JORDAN-BASED ARAB BANK"
    assert not any("EACT" in p.text or "Sent:" in p.text for p in cable.paragraphs)
    # `... [7759727]From: CBPC,` run onto the line before the printout's own lines
    cable = _text_only(shared_cables, "08TRIPOLI540")
    assert (cable.ref_id, cable.date, cable.subject) == ("08TRIPOLI540", "2008-07-08T14:52:00Z", "CHEVRON MAY QUIT LIBYA")


def test_the_printout_subject_stands_for_a_lost_subject_line(shared_cables: Path) -> None:
    # 09TRIPOLI63's preamble has TAGS and no SUBJECT; the e-mail's Subject line states it, wrapped on two lines
    cable = _text_only(shared_cables, "09TRIPOLI63")
    assert cable.subject == "RISKY BUSINESS? AMERICAN CONSTRUCTION FIRM ENTERS JOINT VENTURE WITH GOL"
    assert cable.date == "2009-01-28T10:42:00Z"
    out = subprocess.run(
        [sys.executable, "-m", "tipreader", "parse", str(shared_cables / "wikileaks-html" / "09TRIPOLI63.html")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "subject: RISKY BUSINESS? AMERICAN CONSTRUCTION FIRM ENTERS JOINT VENTURE WITH GOL" in out


def test_no_printout_no_subject_from_it() -> None:
    # a `Subject:` line of the printout's shape, but no `Sent:` line of an e-mail before it
    assert printout_subject("Subject: TRIPOLI 00000126 R UN 18-FEB-08 WAHDA BANK [7039621]") is None
    assert printout_subject("From: X\nSent: Monday, February 18, 2008 9:42 PM\nSubject: lunch on Friday?") is None

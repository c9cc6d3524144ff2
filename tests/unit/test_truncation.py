"""The `truncated` warning: the cable's own page markers or pointers say it stops early (real cables)."""

from __future__ import annotations

from pathlib import Path

from tipreader.cable import parse_file


def _truncated(shared_cables: Path, name: str) -> list[str]:
    cable = parse_file(shared_cables / "wikileaks-html" / f"{name}.html")[0]
    return [w.message for w in cable.warnings if w.code == "truncated"]


def test_last_page_marker_counts_more_pages(shared_cables: Path) -> None:
    # the last marker is `LONDON 00001750 004 OF 005`; the text stops in paragraph 19, unsigned
    assert _truncated(shared_cables, "09LONDON1750") == ["cut short: the last page marker says page 4 of 5"]


def test_a_pointer_past_the_last_paragraph(shared_cables: Path) -> None:
    # "1. (U) This is an action request. Please see paragraph 18." and the text stops at 17
    assert _truncated(shared_cables, "08RPODUBAI49") == [
        "cut short: paragraph 1 points to paragraph 18, the text stops at 17"
    ]


def test_no_false_alarm(shared_cables: Path) -> None:
    # only page 1's marker (`001.2 OF 002`) survived the scrape, but the cable ends with its signer
    assert _truncated(shared_cables, "09BRASILIA1184") == []
    # "QUESTIONS ABOUT PARAGRAPH 7": a paragraph of the NSG proposal, not of the cable
    assert _truncated(shared_cables, "09BRASILIA725") == []
    assert _truncated(shared_cables, "08MANAMA363") == []


def test_a_lone_redaction_is_no_signer(shared_cables: Path) -> None:
    # an excerpt: paragraph 22 between redaction blocks, last marker `STATE 00093327 007 OF 008`, then
    # `XXXXXXXXXXXX`: the redaction was read as a signature and hid the cut (body_blind3, after its first run)
    assert _truncated(shared_cables, "09STATE93327") == ["cut short: the last page marker says page 7 of 8"]

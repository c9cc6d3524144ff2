"""The reader's header says what the cable states and flags what it does not."""

from __future__ import annotations

from tipreader.cable import parse_text
from tipreader.ui.app import TipReaderApp

# A partial extract as WikiLeaks shows it (03KATHMANDU280's first lines, the serial changed):
# no routing header and no date anywhere, only the E.O. line's declassification date.
UNDATED = (
    "This record is a partial extract of the original cable. The full text of the original cable is not available.\n"
    "S E C R E T SECTION 01 OF 04 KATHMANDU 000281\n\nSIPDIS\n\nNOFORN\n\nE.O. 12958: DECL: 02/13/2013\n"
    "TAGS: PGOV PREL PTER IN NP\nSUBJECT: US-INDIAN COOPERATION AND MILITARY ASSISTANCE TO\nNEPAL\n\n"
    "1. (C) Summary: US security assistance to Nepal has brought the ancillary advantage.\n"
)


def _header_lines(app: TipReaderApp) -> str:
    view = app.screen.text_view
    return "\n".join(view.render_line(y).text for y in range(6))


async def test_a_year_the_text_does_not_state_is_shown_as_a_guess() -> None:
    cable = parse_text(UNDATED)
    assert cable.ref_id == "KATHMANDU281" and cable.year_guess == 2003
    app = TipReaderApp(cable=cable)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        head = _header_lines(app)
        assert "KATHMANDU281" in head and "03KATHMANDU281" not in head
        assert "year not stated; 2003?" in head


async def test_a_cut_short_cable_says_so_in_the_header(shared_cables) -> None:
    """08RPODUBAI49 asks the reader to "see paragraph 18" and stops at paragraph 17."""
    from tipreader.cable import parse_file

    cable = parse_file(shared_cables / "wikileaks-html" / "08RPODUBAI49.html")[0]
    app = TipReaderApp(cable=cable)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.screen.text_view
        head = "\n".join(view.render_line(y).text for y in range(10))
        assert "Truncated: cut short: paragraph 1 points to paragraph 18, the text stops at 17" in head

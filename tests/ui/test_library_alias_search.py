"""The app's search finds a cable by WikiLeaks' malformed id (issue 13).

WikiLeaks lists 08MANAMA492 as ``08ECTION01OF02MANAMA492`` (the bundled sample); the library
stores it as 08MANAMA492 and keeps WikiLeaks' form as an alias, so a user who pastes the id
from WikiLeaks into the search box gets the cable.
"""

from __future__ import annotations

from tests.ui.test_library_screen import SIZE, LibApp, build_library, rows, settle


async def test_typing_the_malformed_wikileaks_id_finds_the_cable():
    app = LibApp(build_library())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(*"id:08ECTION01OF02MANAMA492")
        await settle(pilot)
        assert [ref for ref, _ in rows(app)] == ["08MANAMA492"]
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.cable.ref_id == "08MANAMA492"

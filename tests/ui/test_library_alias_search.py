"""The app's search finds a cable by its id typed alone, and by WikiLeaks' malformed id (issue 13).

WikiLeaks lists 08MANAMA492 as ``08ECTION01OF02MANAMA492`` (the bundled sample); the library
stores it as 08MANAMA492 and keeps WikiLeaks' form as an alias, so a user who pastes the id
from WikiLeaks into the search box gets the cable. A user also types an id without ``id:``
(t16 found that "08MEXICO721" typed in the box found nothing).
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


async def test_typing_an_id_alone_shows_that_cable_first_while_typing():
    app = LibApp(build_library())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(*"08MANAMA486")  # no space yet: the last word is still a prefix
        await settle(pilot)
        assert [ref for ref, _ in rows(app)][:1] == ["08MANAMA486"]
        await pilot.press("space")
        await settle(pilot)
        assert [ref for ref, _ in rows(app)] == ["08MANAMA486"]

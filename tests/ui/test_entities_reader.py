"""Entities in the reader (Mexico TIP cable): colours and ``e``, the Entities tab with Enter and
``n``, acronym expansions in the status line and the tooltip, expansions learnt from other cables.

The facts used were read in sample_cables/08MEXICO721.txt: ¶1 spells out "Trafficking in
Persons (TIP)"; ¶3 (index 2) first names "President Felipe Calderon", who comes back in ¶4
and twice in ¶7 and in ¶8 (indexes 3, 6, 7); ¶4 (index 3) uses "INM", defined in ¶4 as the
"National Migration Institute"; "DHS" (¶17, index 16) is never spelt out in the cable.
"""

from __future__ import annotations

from rich.style import Style

from tipreader.cable.model import Cable, Paragraph
from tipreader.ui.app import TipReaderApp
from tipreader.ui.settings import entity_style
from tipreader.ui.source import LibrarySource
from tipreader.ui.widgets.cable_view import CableView
from tipreader.ui.widgets.entity_panel import EntityPanel

CALDERON = ("PERSON", "Felipe Calderon")


async def ready(app, pilot) -> None:
    """Wait until the entities (and any learnt expansions) have arrived and been painted."""
    await pilot.pause()
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()


def styles_of(view: CableView, word: str) -> list[Style]:
    """The styles ``word`` is painted in on the visible lines (one per occurrence)."""
    out = []
    for y in range(view.scrollable_content_region.height):
        for seg in view.render_line(y):
            if seg.text == word:
                out.append(seg.style)
    return out


def status(app) -> str:
    return app.screen.query_one("#status").detail


async def test_entities_arrive_after_the_first_paint_and_e_toggles_their_colours(mexico):
    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        screen, view = app.screen, app.screen.text_view
        acronym = entity_style(app, "ACRONYM").color
        person = entity_style(app, "PERSON")
        assert screen.entities.index is not None and screen.entities.on
        screen.jump_to(2)  # ¶3: GOM, TIP, President Felipe Calderon
        await pilot.pause()
        assert any(s.color == acronym for s in styles_of(view, "TIP"))
        assert any(s.color == person.color and s.bold for s in styles_of(view, "Felipe Calderon"))

        await pilot.press("e")
        await pilot.pause()
        assert not screen.entities.on
        assert styles_of(view, "TIP") == [] or all(s.color != acronym for s in styles_of(view, "TIP"))
        assert not any(s.color == acronym for y in range(20) for s in [seg.style for seg in view.render_line(y)] if s)
        assert view.top_para == 2  # nothing moved

        await pilot.press("e")
        await pilot.pause()
        assert any(s.color == acronym for s in styles_of(view, "TIP"))


async def test_highlighting_off_in_the_settings(mexico, tmp_path, monkeypatch):
    settings = tmp_path / "config.toml"
    settings.write_text("entities = false\n")
    monkeypatch.setenv("TIPREADER_CONFIG", str(settings))
    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        screen = app.screen
        assert not screen.entities.on
        screen.jump_to(2)
        await pilot.pause()
        acronym = entity_style(app, "ACRONYM").color
        assert not any(s.color == acronym for s in styles_of(screen.text_view, "TIP"))
        # The mentions are still known: the tab lists them and hovering still explains them.
        assert screen.query_one(EntityPanel).node_of(("ACRONYM", "INM")) is not None


async def test_entities_tab_enter_jumps_to_the_first_mention_and_n_to_the_next(mexico):
    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        screen, view = app.screen, app.screen.text_view
        await pilot.press("E")
        await pilot.pause()
        panel = screen.query_one(EntityPanel)
        assert app.focused is panel
        assert screen.query_one("#sidebar").active == "entities-tab"
        node = panel.node_of(CALDERON)
        assert node is not None and "×5" in node.label.plain
        panel.move_cursor(node)
        await pilot.pause()
        assert status(app).startswith("Felipe Calderon")
        await pilot.press("enter")
        await pilot.pause()
        assert view.top_para == 2  # ¶3, where he is first named
        assert len(view.matches) == 5 and view.current == 0
        assert "1/5" in status(app)
        mentions = [m.para for m in view.matches]
        assert mentions == [2, 3, 6, 6, 7]

        await pilot.press("n")
        await pilot.pause()
        assert view.current == 1 and view.matches[1].para == 3
        assert "2/5" in status(app)
        line = view.match_line(view.matches[1])
        assert view.scroll_y <= line < view.scroll_y + view.scrollable_content_region.height
        await pilot.press("N", "N")
        await pilot.pause()
        assert view.current == 4  # wraps backwards to the last mention
        assert view.matches[4].para == 7

        # E again: back to the sections; Esc clears the mentions like a find.
        await pilot.press("E")
        await pilot.pause()
        assert screen.query_one("#sidebar").active == "sections-tab"
        await pilot.press("escape")
        assert view.matches == []


async def test_acronym_expansion_in_the_status_line_and_the_tooltip(mexico):
    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        screen, view = app.screen, app.screen.text_view
        screen.jump_to(3)  # ¶4 at the top
        await pilot.pause()
        assert "INM National Migration Institute" in status(app)
        # Hover the first visible "INM": the tooltip and the status line give its expansion.
        spot = None
        for y in range(view.scrollable_content_region.height):
            text = view.render_line(y).text
            at = text.find("INM ")
            if at < 0:
                at = text.find("INM)")
            if at >= 0:
                spot = (at + 1, y)
                break
        assert spot is not None
        await pilot.hover(CableView, offset=spot)
        await pilot.pause()
        assert view.tooltip == "INM · National Migration Institute"
        assert status(app) == "INM · National Migration Institute"
        # Off the word: no tooltip; the status line goes back to the paragraph's acronyms.
        await pilot.hover(CableView, offset=(0, spot[1]))
        await pilot.pause()
        assert view.tooltip is None
        assert "National Migration Institute" in status(app) and "·" in status(app)


class Hit:
    def __init__(self, ref_id: str) -> None:
        self.ref_id = ref_id


class OtherCables:
    """A library with one other cable, which spells DHS out its own way; ``search`` finds it by word."""

    def __init__(self, root, *cables: Cable) -> None:
        self.root = root
        self.cables = {c.ref_id: c for c in cables}
        self.searches: list[str] = []

    def get(self, ref_id):
        return self.cables.get(ref_id.upper())

    def present(self, ref_ids):
        return {r for r in ref_ids if r in self.cables}

    def search(self, query, limit=20):
        self.searches.append(query)
        return [Hit(r) for r, c in self.cables.items()
                if any(query.upper() in p.text.upper() for p in c.paragraphs)][:limit]


async def test_an_undefined_acronym_shows_what_other_cables_say_marked_as_such(mexico, tmp_path):
    other = Cable(source="<test>", format="raw", ref_id="09TEST1", paragraphs=(
        Paragraph(0, 1, None, 1, "Officers of the Department of Hemispheric Security (DHS) met the mission."),
    ))
    library = OtherCables(tmp_path, mexico, other)
    app = TipReaderApp(cable=mexico, source=LibrarySource(library))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        screen = app.screen
        index = screen.entities.index
        assert "DHS" in index.undefined() and "INM" not in index.undefined()
        assert "DHS" in library.searches
        exp = index.expansion("DHS")
        assert (exp.text, exp.source) == ("Department of Hemispheric Security", "library")
        # ICE is in no other cable: the usual meaning, marked as such.
        assert index.expansion("ICE").shown() == "Immigration and Customs Enforcement (usual meaning)"
        # The Entities tab and the status line say where the expansion comes from.
        await pilot.press("E")
        panel = screen.query_one(EntityPanel)
        node = panel.node_of(("ACRONYM", "DHS"))
        assert "Department of Hemispheric Security (from other cables)" in node.label.plain
        panel.move_cursor(node)
        await pilot.pause()
        assert status(app) == "DHS · Department of Hemispheric Security (from other cables)"
        panel.move_cursor(panel.node_of(("ACRONYM", "INM")))
        await pilot.pause()
        assert status(app) == "INM · National Migration Institute"  # defined in the cable: no mark
        screen.jump_to(16)  # ¶17 uses DHS
        screen.text_view.focus()
        await pilot.pause()
        assert "DHS Department of Hemispheric Security (from other cables)" in status(app)


async def test_colours_follow_the_theme_and_the_help_has_a_legend(mexico):
    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        screen, view = app.screen, app.screen.text_view
        screen.jump_to(2)
        await pilot.pause()
        for theme in ("textual-light", "ansi-dark", "textual-dark"):
            app.theme = theme
            await pilot.pause()
            wanted = entity_style(app, "ACRONYM").color
            assert any(s.color == wanted for s in styles_of(view, "TIP")), theme
            assert view.top_para == 2
        await pilot.press("question_mark")
        await pilot.pause()
        from tipreader.ui.dialogs.help import entity_legend, help_table

        dialog = app.screen
        assert type(dialog).__name__ == "HelpDialog"
        legend = entity_legend(app)
        assert [name for _, name in legend][:3] == ["People", "Organisations", "Acronyms"]
        assert legend[2][0].style == entity_style(app, "ACRONYM")
        table = help_table(*dialog.binding_lists, legend=legend)
        text = "".join(seg.text for seg in app.console.render(table))
        assert "Entity colours" in text and "Colour the entities" in text and "National Migration Institute" in text

"""Cable text is shown literally: no Rich markup, no terminal control, anywhere it appears."""

from __future__ import annotations

from ui_cables import hostile_cable

from tipreader.ui.app import TipReaderApp
from tipreader.ui.text import clean
from tipreader.ui.widgets.section_tree import SectionTree


def screen_lines(app) -> list[str]:
    view = app.screen.text_view
    return [view.render_line(y).text for y in range(view.size.height)]


def test_clean_drops_escapes_and_controls():
    assert clean("a\x1b[31mb\x1b[0mc") == "abc"
    assert clean("x\x1b]52;c;aGk=\x07y") == "xy"
    assert clean("bell\x07 nul\x00 del\x7f c1\x9b end") == "bell nul del c1 end"
    assert clean("[bold]kept[/bold]") == "[bold]kept[/bold]"
    assert clean("tab\there") == "tab    here"


async def test_markup_and_escapes_in_a_cable_are_shown_literally():
    cable = hostile_cable()
    app = TipReaderApp(cable=cable)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        lines = screen_lines(app)
        text = "\n".join(lines)
        assert "[bold red]BOLD[/]" in text
        assert "[link=https://evil.example]click[/link]" in text
        assert "Subject [reverse]markup[/reverse] blink" in text
        assert "Embassy [bold]Evil[/bold]" in text
        assert "[blink]X[/blink]" in text
        assert "Second [i]para[/i] with  clear" in text
        assert "RED" in text and "\x1b" not in text and "\x07" not in text
        # No segment of the text carries a link or a style taken from the cable's markup.
        view = app.screen.text_view
        for y in range(view.size.height):
            for segment in view.render_line(y):
                if segment.style is not None:
                    assert not segment.style.link
                    assert not segment.style.blink
        tree = app.screen.query_one(SectionTree)
        assert "Second [i]para[/i]" in tree.node_for(1).label.plain
        assert "09EVIL1" in tree.root.label.plain
        # The find bar and the copy keep the text literal too.
        await pilot.press("slash", *"[bold", "enter")
        assert len(view.matches) >= 1
        await pilot.press("escape", "y")
        assert "\x1b" not in app.clipboard


async def test_palette_shows_hostile_text_literally():
    from tipreader.ui.commands import _display

    content = _display("Q A · [bold]x[/bold] \x1b[31m")
    assert content.plain == "Q A · [bold]x[/bold] "

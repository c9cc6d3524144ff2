"""Every text colour the app derives reads at 4.5:1 in every bundled theme (issue 14, defect 13).

Two levels: each named ``tip.*`` style against the backgrounds of every bundled theme, and
the real screens (the Mexico cable in the reader: tree, header, question letters, tabs,
footer, status) drawn by the app in light and dark themes, segment by segment.
"""

from __future__ import annotations

import pytest
from rich.color import Color as RichColor
from textual.color import Color
from textual.theme import BUILTIN_THEMES

from tipreader.ui._colors import contrast
from tipreader.ui.app import TipReaderApp
from tipreader.ui.text_styles import STYLES, footer_key_color, resolve, theme_backgrounds

RGB_THEMES = sorted(name for name, theme in BUILTIN_THEMES.items() if theme_backgrounds(theme))
# box drawing, bars and the tree's guides are decoration, not text
DECORATION = set("─│├└┃┏┓┗┛━╸╺▕▏▔▁▂▃▄▅▆▇█▉▊▋▌▍▎░▒▓▐╭╮╰╯┌┐┘┬┴┼═║▼▶·…")


def _rgb(color: RichColor | None) -> Color | None:
    if color is None or color.triplet is None:
        return None
    r, g, b = color.triplet
    return Color(r, g, b)


@pytest.mark.parametrize("name", RGB_THEMES)
def test_every_named_style_reads_on_every_background_of_the_theme(name):
    theme = BUILTIN_THEMES[name]
    styles = resolve(theme)
    for style_name, spec in STYLES.items():
        style = styles[style_name]
        fg = _rgb(style.color)
        assert fg is not None, style_name
        backgrounds = [_rgb(style.bgcolor)] if spec.background else theme_backgrounds(theme)
        need = 3.0 if spec.decoration else 4.5
        for bg in backgrounds:
            assert bg is not None
            assert contrast(fg, bg) >= need, (name, style_name, fg.hex, bg.hex)
    key = Color.parse(footer_key_color(theme))
    footer = theme.to_color_system().generate()["footer-background"]
    assert contrast(key, Color.parse(footer)) >= 4.5, name


def _low_contrast_text(app) -> list[tuple[str, float, str]]:
    """Text segments on screen under 4.5:1 (decoration characters left out)."""
    low = []
    for line in app.screen._compositor.render_full_update().strips:
        for strip in line:
            for segment in strip:
                text = "".join(ch for ch in segment.text if ch not in DECORATION).strip()
                if not text or segment.style is None:
                    continue
                fg, bg = _rgb(segment.style.color), _rgb(segment.style.bgcolor)
                if fg is None or bg is None:
                    continue
                ratio = contrast(fg, bg)
                if ratio < 4.5:
                    low.append((text[:30], round(ratio, 2), str(segment.style)))
    return low


@pytest.mark.parametrize("theme", ["textual-light", "textual-dark", "rose-pine-dawn", "catppuccin-latte", "gruvbox"])
async def test_the_reader_on_the_mexico_cable_reads_in_the_theme(mexico, theme, tmp_path, monkeypatch):
    config = tmp_path / "config.toml"
    config.write_text(f'theme = "{theme}"\n', encoding="utf-8")
    monkeypatch.setenv("TIPREADER_CONFIG", str(config))
    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.theme == theme
        # the tree's question letters and part titles, the header's field names, the tabs
        await pilot.press("t")  # to the tree (the cursor line is Textual's highlight: leave it)
        await pilot.press("escape")
        await pilot.pause()
        assert _low_contrast_text(app) == []


async def test_switching_theme_redraws_the_tree_in_the_new_colours(mexico, tmp_path, monkeypatch):
    """The tree caches its lines: a theme picked in the palette must not leave the old colours."""
    monkeypatch.setenv("TIPREADER_CONFIG", str(tmp_path / "config.toml"))
    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.theme = "textual-light"
        await pilot.pause()
        app.theme = "textual-dark"
        await pilot.pause()
        assert _low_contrast_text(app) == []
        app.theme = "textual-light"
        await pilot.pause()
        assert _low_contrast_text(app) == []


@pytest.mark.parametrize("theme", ["textual-light", "textual-dark"])
async def test_the_library_screen_with_results_and_filters_reads_in_the_theme(theme, tmp_path, monkeypatch):
    from tests.ui.test_library_screen import LibApp, build_library, settle

    config = tmp_path / "config.toml"
    config.write_text(f'theme = "{theme}"\n', encoding="utf-8")
    monkeypatch.setenv("TIPREADER_CONFIG", str(config))
    app = LibApp(build_library())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press(*"trafficking")  # rows: dates, subjects, snippets with marks, score bars
        await settle(pilot)
        assert _low_contrast_text(app) == []
        await pilot.press("ctrl+t")  # the filter panel: titles and counts
        await settle(pilot)
        assert _low_contrast_text(app) == []

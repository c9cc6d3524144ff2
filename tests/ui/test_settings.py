"""Settings applied to a running app: remapped keys, the remembered theme, NO_COLOR, colours.

A tiny throwaway app stands in for the reader, so these tests pin down the settings
machinery alone; ``TIPREADER_CONFIG`` points at a temporary file (tests/conftest.py).
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest
from rich.style import Style
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.color import Color
from textual.widgets import Static

from tipreader.config import load_config
from tipreader.ui._colors import contrast, derive
from tipreader.ui.settings import (
    CLASSIFICATION_LEVELS,
    ENTITY_TYPES,
    apply_config,
    binding_ids,
    classification_level,
    classification_style,
    entity_style,
    remember_theme,
    theme_variable_defaults,
)


class TinyApp(App):
    """Loads the settings like the reader does; counts presses of one bindable action."""

    BINDINGS = [Binding("x", "mark", "Mark", id="tiny.mark", tooltip="Count a mark")]

    def __init__(self) -> None:
        super().__init__()
        self.marks = 0
        self.problems: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static("settings test")

    def on_mount(self) -> None:
        self.problems = apply_config(self, load_config())
        remember_theme(self)

    def action_mark(self) -> None:
        self.marks += 1


def _config_file() -> Path:
    return Path(os.environ["TIPREADER_CONFIG"])


async def test_a_remapped_key_works_and_the_old_one_does_not():
    _config_file().write_text('[keys]\n"tiny.mark" = "m"\n', encoding="utf-8")
    app = TinyApp()
    async with app.run_test() as pilot:
        await pilot.press("x")
        assert app.marks == 0
        await pilot.press("m")
        assert app.marks == 1
        assert app.problems == []


async def test_the_theme_chosen_in_the_palette_persists_across_a_restart():
    _config_file().write_text("# mine\ntree_width = 40\n\n[keys]\n\"tiny.mark\" = \"m\"\n", encoding="utf-8")
    app = TinyApp()
    async with app.run_test() as pilot:
        assert app.theme == "textual-dark"
        app.action_change_theme()  # the palette's "Theme" command
        await pilot.pause()
        await pilot.press(*"gruvbox")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "gruvbox"
    text = _config_file().read_text(encoding="utf-8")
    assert text == '# mine\ntree_width = 40\ntheme = "gruvbox"\n\n[keys]\n"tiny.mark" = "m"\n'

    again = TinyApp()
    async with again.run_test() as pilot:
        assert again.theme == "gruvbox"
        await pilot.press("m")
        assert again.marks == 1


async def test_the_terminal_palette_themes_are_there():
    _config_file().write_text('theme = "ansi-light"\n', encoding="utf-8")
    app = TinyApp()
    async with app.run_test():
        assert app.theme == "ansi-light"
        assert app.current_theme.ansi
        assert app.get_theme("ansi-dark") is not None


async def test_a_broken_file_starts_with_defaults_and_says_which_line():
    _config_file().write_text('theme = "nord"\ntree_width = [\n', encoding="utf-8")
    app = TinyApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
        assert len(app.problems) == 1 and app.problems[0].startswith("config.toml: line 2")
        assert any("line 2" in n.message for n in app._notifications)


async def test_unknown_theme_and_binding_id_are_reported_not_fatal():
    _config_file().write_text('theme = "no-such"\ncolour = 1\n[keys]\n"nobody.has_this" = "z"\n', encoding="utf-8")
    app = TinyApp()
    async with app.run_test():
        assert app.theme == "textual-dark"
        assert app.problems == [
            "config.toml: line 2: unknown setting 'colour' (ignored)",
            "config.toml: theme 'no-such' is not installed; using 'textual-dark'",
            "config.toml: keys: no binding has the id 'nobody.has_this'",
        ]


def test_binding_ids_finds_declared_ids():
    assert "tiny.mark" in binding_ids()


async def test_no_color(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = TinyApp()
    async with app.run_test():
        assert app.no_color
        for level in CLASSIFICATION_LEVELS:
            assert classification_style(app, level).color is None
        assert classification_style(app, "SECRET//NOFORN").bold
        for kind in ENTITY_TYPES:
            style = entity_style(app, kind)
            assert style.color is None and style.underline


@pytest.mark.parametrize(
    ("marking", "level"),
    [
        ("UNCLASSIFIED//FOR OFFICIAL USE ONLY", "UNCLASSIFIED"),
        ("SBU", "UNCLASSIFIED"),
        ("(U)", "UNCLASSIFIED"),
        ("LIMITED OFFICIAL USE", "UNCLASSIFIED"),
        ("C", "CONFIDENTIAL"),
        ("C/NF", "CONFIDENTIAL"),
        ("CONFIDENTIAL//NOFORN", "CONFIDENTIAL"),
        ("S//NF", "SECRET"),
        ("SECRET", "SECRET"),
        ("TS", "TOP SECRET"),
        ("", None),
        (None, None),
        ("UNKNOWN", None),
    ],
)
def test_classification_level(marking, level):
    assert classification_level(marking) == level


def test_every_theme_gives_readable_distinct_colours():
    app = TinyApp()
    for name, theme in sorted(app.available_themes.items()):
        app.theme = name
        colors = derive(app)
        if theme.ansi:
            assert all(c.ansi is not None for c in colors.values()), name
        else:
            variables = {**theme.to_color_system().generate(), **theme.variables}
            background = Color.parse(variables["background"])
            for role, color in colors.items():
                assert contrast(color, background) >= 4.5, (name, role)
        levels = {classification_style(app, level) for level in ("UNCLASSIFIED", "CONFIDENTIAL", "SECRET")}
        assert len(levels) == 3, name
        assert len({entity_style(app, kind) for kind in ENTITY_TYPES}) == len(ENTITY_TYPES), name
        assert classification_style(app, "SECRET", badge=True).reverse
        assert entity_style(app, "NOT_A_TYPE") == Style()


def test_ansi_dark_avoids_dark_blue_on_black():
    app = TinyApp()
    app.theme = "ansi-dark"
    assert classification_style(app, "CONFIDENTIAL").color.number == 12  # bright blue
    app.theme = "ansi-light"
    assert classification_style(app, "CONFIDENTIAL").color.number == 4  # blue


def test_theme_variables_for_tcss():
    app = TinyApp()
    app.theme = "nord"
    variables = theme_variable_defaults(app)
    assert variables["classification-secret"].startswith("#")
    assert set(variables) >= {"classification-unclassified", "entity-cable-ref", "entity-person"}
    app.theme = "ansi-dark"
    assert theme_variable_defaults(app)["classification-secret"] == "ansi_red"


async def test_remember_theme_with_an_explicit_path_creates_the_file(tmp_path):
    path = tmp_path / "sub" / "config.toml"
    app = TinyApp()
    async with app.run_test() as pilot:
        remember_theme(app, path)
        app.theme = "nord"
        await pilot.pause()
    assert path.read_text(encoding="utf-8").startswith("# tipreader settings")
    assert tomllib.loads(path.read_text(encoding="utf-8"))["theme"] == "nord"


def test_the_template_examples_name_real_binding_ids():
    import re

    import tipreader.ui.app  # noqa: F401  (loads the reader's screens and widgets)
    from tipreader.config import TEMPLATE

    examples = re.findall(r'^# "([\w.-]+)" = ', TEMPLATE.split("[keys]", 1)[1], re.M)
    assert examples and set(examples) <= binding_ids()

"""The settings file: loading (valid, broken, unknown keys, wrong types) and the theme write-back."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest

from tipreader.config import (
    DEFAULTS,
    TEMPLATE,
    ConfigError,
    config_path,
    load_config,
    parse_config,
    render_config,
    save_theme,
    write_template,
)

VALID = """\
# my settings
theme = "nord"
default_view = "answers"
entities = false
tree_width = 40
library = "~/cables"

[keys]
"reader.next_question" = "n"
app.quit = ["q", "ctrl+q"]
"""


def test_missing_file_means_defaults(tmp_path):
    config = load_config(tmp_path / "nope.toml")
    assert (config.theme, config.default_view, config.entities, config.tree_width) == ("textual-dark", "qa", True, 32)
    assert config.keys == {} and config.library is None and config.library_path is None
    assert not config.exists and config.problems == ()


def test_valid_file(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(VALID, encoding="utf-8")
    config = load_config(path)
    assert config.problems == ()
    assert config.theme == "nord"
    assert config.default_view == "answers"
    assert config.entities is False
    assert config.tree_width == 40
    # a dotted key and a list of keys both work
    assert config.keymap == {"reader.next_question": "n", "app.quit": "q,ctrl+q"}
    assert config.library_path == Path.home() / "cables"


def test_path_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("TIPREADER_CONFIG", str(tmp_path / "elsewhere.toml"))
    assert config_path() == tmp_path / "elsewhere.toml"
    monkeypatch.delenv("TIPREADER_CONFIG")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert config_path() == tmp_path / "xdg" / "tipreader" / "config.toml"


def test_broken_file_names_the_line_and_falls_back(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('theme = "nord"\n\ntree_width = \nentities = false\n', encoding="utf-8")
    config = load_config(path)
    assert config.exists
    assert len(config.errors) == 1
    assert config.errors[0].startswith("line 3, column 14: ")
    assert "using the default settings" in config.errors[0]
    # nothing of a broken file is used, not even the lines before the error
    assert config.theme == DEFAULTS.theme and config.entities is True


def test_unknown_keys_are_warnings_not_fatal(tmp_path):
    config = parse_config('theme = "gruvbox"\ncolour = "red"\n\n[fonts]\nsize = 3\n')
    assert config.theme == "gruvbox"
    assert config.errors == ()
    assert config.warnings == ("line 2: unknown setting 'colour' (ignored)", "line 4: unknown setting 'fonts' (ignored)")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("tree_width = true", "line 2: tree_width must be a whole number from 12 to 120, not true; using 32"),
        ("tree_width = 500", "line 2: tree_width must be a whole number from 12 to 120, not 500; using 32"),
        ('tree_width = "40"', 'line 2: tree_width must be a whole number from 12 to 120, not "40"; using 32'),
        ('entities = "yes"', 'line 2: entities must be true or false, not "yes"; using true'),
        ('default_view = "both"', 'line 2: default_view must be "qa" or "answers" or "questions", not "both"; using "qa"'),
        ("theme = 3", 'line 2: theme must be a theme name such as "nord" or "ansi-dark", not 3; using "textual-dark"'),
        ("library = 3", "line 2: library must be a folder path in quotes, not 3; using none"),
    ],
)
def test_wrong_types_fall_back_per_setting(line, message):
    config = parse_config(f"# first\n{line}\n")
    assert config.errors == (message,)
    assert config.warnings == ()


def test_a_wrong_value_keeps_the_other_settings():
    config = parse_config('theme = "nord"\ntree_width = 2\nentities = false\n')
    assert config.theme == "nord" and config.entities is False and config.tree_width == 32
    assert len(config.errors) == 1


def test_keys_table_problems():
    config = parse_config('[keys]\n"a.b" = 5\n"c" = ""\n"d" = "ctrl+nosuchkey"\n"e" = "ctrl+shift+f,f5,question_mark,space,+"\n')
    assert config.keymap == {"d": "ctrl+nosuchkey", "e": "ctrl+shift+f,f5,question_mark,space,+"}
    assert [e.split(":")[0] for e in config.errors] == ["line 2", "line 3"]
    assert config.warnings == (
        "line 4: keys.d: 'ctrl+nosuchkey' is not a key Textual names (examples: j, ctrl+f, question_mark, f5)",
    )
    assert parse_config('keys = "j"\n').errors == (
        'line 1: keys must be a table ([keys] with binding_id = "key" lines), not "j"; ignored',
    )


def test_not_utf8_and_directory(tmp_path):
    path = tmp_path / "config.toml"
    path.write_bytes(b'theme = "nord"\n# caf\xe9\n')
    assert load_config(path).errors == ("line 2: not UTF-8 text; using the default settings",)
    assert "is a directory" in load_config(tmp_path).errors[0]


def test_relative_library_is_beside_the_file(tmp_path):
    path = tmp_path / "conf" / "config.toml"
    path.parent.mkdir()
    path.write_text('library = "lib"\n', encoding="utf-8")
    assert load_config(path).library_path == tmp_path / "conf" / "lib"


def test_render_is_valid_toml_and_round_trips(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(VALID, encoding="utf-8")
    config = load_config(path)
    again = parse_config(render_config(config), path)
    assert again.problems == ()
    assert (again.theme, again.keymap, again.tree_width, again.library) == (
        config.theme, config.keymap, config.tree_width, config.library,
    )  # fmt: skip


def test_template_parses_to_the_defaults():
    config = parse_config(TEMPLATE)
    assert config.problems == ()
    assert render_config(config) == render_config(DEFAULTS)


# --- the theme write-back ----------------------------------------------------------


def test_save_theme_rewrites_only_the_theme_line(tmp_path):
    path = tmp_path / "config.toml"
    original = '# mine\ntheme   = "nord"   # my favourite\ntree_width = 40  # wide\n\n[keys]\n"x" = "j"\n'
    path.write_text(original, encoding="utf-8")
    save_theme("gruvbox", path)
    assert path.read_text(encoding="utf-8") == original.replace('theme   = "nord"', 'theme = "gruvbox"')
    assert load_config(path).theme == "gruvbox"


def test_save_theme_goes_before_the_first_table(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('tree_width = 40\n[keys]\n"x" = "j"\n', encoding="utf-8")
    save_theme("dracula", path)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data == {"theme": "dracula", "tree_width": 40, "keys": {"x": "j"}}


def test_save_theme_appends_and_keeps_a_missing_final_newline_safe(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("tree_width = 40", encoding="utf-8")
    save_theme("nord", path)
    assert path.read_text(encoding="utf-8") == 'tree_width = 40\ntheme = "nord"\n'


def test_save_theme_does_not_touch_a_theme_key_inside_a_table(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('[keys]\ntheme = "t"\n', encoding="utf-8")
    save_theme("nord", path)
    assert tomllib.loads(path.read_text(encoding="utf-8")) == {"theme": "nord", "keys": {"theme": "t"}}


def test_save_theme_creates_the_file_from_the_template(tmp_path):
    path = tmp_path / "new" / "config.toml"
    save_theme("ansi-dark", path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# tipreader settings")
    assert '# theme = "textual-dark"\ntheme = "ansi-dark"\n' in text
    assert load_config(path).problems == ()


def test_save_theme_leaves_a_broken_file_alone(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("theme = \n", encoding="utf-8")
    with pytest.raises(ConfigError, match="fix it before"):
        save_theme("nord", path)
    assert path.read_text(encoding="utf-8") == "theme = \n"


def test_save_theme_writes_through_a_symlink_and_keeps_the_mode(tmp_path):
    real = tmp_path / "dotfiles" / "tipreader.toml"
    real.parent.mkdir()
    real.write_text("entities = false\n", encoding="utf-8")
    os.chmod(real, 0o600)
    link = tmp_path / "config.toml"
    link.symlink_to(real)
    save_theme("nord", link)
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == 'entities = false\ntheme = "nord"\n'
    assert real.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in real.parent.iterdir()] == ["tipreader.toml"]  # no temp file left


def test_save_theme_reports_an_unwritable_place(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"cannot (read|write)"):
        save_theme("nord", blocker / "config.toml")


def test_write_template_never_overwrites(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('theme = "nord"\n', encoding="utf-8")
    write_template(path)
    assert path.read_text(encoding="utf-8") == 'theme = "nord"\n'


def test_save_theme_with_only_comments_above_the_first_table(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("# header\n\n# about keys\n[keys]\n\"x\" = \"j\"\n", encoding="utf-8")
    save_theme("nord", path)
    assert path.read_text(encoding="utf-8") == '# header\n\ntheme = "nord"\n\n# about keys\n[keys]\n"x" = "j"\n'


def test_an_error_at_the_end_of_the_file_names_the_last_line():
    config = parse_config('theme = "nord"\ntree_width = [\n')
    assert config.errors == ("line 2, end of file: invalid value; using the default settings",)


def test_library_setting_moves_the_data_dir_unless_tipreader_home_is_set(tmp_path, monkeypatch):
    from tipreader.library import paths

    config = tmp_path / "config.toml"
    config.write_text('library = "cables-here"\n')
    monkeypatch.setenv("TIPREADER_CONFIG", str(config))
    monkeypatch.delenv("TIPREADER_HOME")
    assert paths.data_dir() == tmp_path / "cables-here"
    monkeypatch.setenv("TIPREADER_HOME", str(tmp_path / "home"))
    assert paths.data_dir() == tmp_path / "home"

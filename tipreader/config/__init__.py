"""The settings file: where it is, what it may say, and how the theme is written back.

A TOML file read with stdlib :mod:`tomllib`, at ``platformdirs.user_config_dir("tipreader")
/ "config.toml"`` unless ``TIPREADER_CONFIG`` names another path. Reading never fails:
a missing file means defaults, a broken file means defaults plus an error naming the
line, a wrong value means that setting's default plus an error, an unknown key is a
warning. No Textual imports here, so the command line stays quick.
"""

from tipreader.config.load import (
    DEFAULT_VIEWS,
    DEFAULTS,
    ENV_VAR,
    Config,
    config_path,
    load_config,
    parse_config,
    render_config,
)
from tipreader.config.save import TEMPLATE, ConfigError, save_theme, write_template

__all__ = [
    "DEFAULTS",
    "DEFAULT_VIEWS",
    "ENV_VAR",
    "TEMPLATE",
    "Config",
    "ConfigError",
    "config_path",
    "load_config",
    "parse_config",
    "render_config",
    "save_theme",
    "write_template",
]

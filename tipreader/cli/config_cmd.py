"""`tipreader config path|show|edit`: find, check and edit the settings file."""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import subprocess
import sys

from tipreader.cli.common import safe_text
from tipreader.config import Config, ConfigError, config_path, load_config, render_config, write_template

EXAMPLES = """examples:
  tipreader config path                 # where the settings file is (or would be)
  tipreader config show                 # the settings in effect, problems on stderr
  tipreader config edit                 # open it in $VISUAL / $EDITOR (created if missing)
  TIPREADER_CONFIG=~/alt.toml tipreader config show
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "config",
        help="show where the settings file is, check it, edit it",
        description=(
            "The settings file (TOML): theme, default view, entity highlighting, tree width,\n"
            "library location and key remapping. $TIPREADER_CONFIG overrides its path.\n"
            "Without ACTION: show."
        ),
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = p.add_subparsers(dest="config_action", metavar="ACTION")
    actions.add_parser("path", help="print the settings file's path").set_defaults(func=run_path)
    actions.add_parser(
        "show", help="print the settings in effect (defaults filled in); problems go to stderr"
    ).set_defaults(func=run_show)
    actions.add_parser(
        "edit", help="open the settings file in $VISUAL or $EDITOR, creating it from a commented template"
    ).set_defaults(func=run_edit)
    p.set_defaults(func=run_show)


def run_path(args: argparse.Namespace) -> int:
    print(config_path())
    return 0


def report(config: Config) -> int:
    """Print the config's problems on stderr, one line each; 1 when any setting fell back."""
    for message in config.errors:
        print(f"tipreader: {config.path}: {safe_text(message)}", file=sys.stderr)
    for message in config.warnings:
        print(f"tipreader: {config.path}: warning: {safe_text(message)}", file=sys.stderr)
    theme_note = _unknown_theme(config.theme)
    if theme_note:
        print(f"tipreader: {config.path}: warning: {safe_text(theme_note)}", file=sys.stderr)
    if config.keys:  # the app's own check: unknown binding ids, keys given to two bindings
        import tipreader.ui.app  # noqa: F401 - declares every binding the check looks for
        from tipreader.ui.settings import keymap_problems

        for message in keymap_problems(config.keymap):
            print(f"tipreader: {config.path}: warning: {safe_text(message)}", file=sys.stderr)
    return 1 if config.errors else 0


def _unknown_theme(name: str) -> str | None:
    from textual.theme import BUILTIN_THEMES

    if name in BUILTIN_THEMES:
        return None
    return f"theme {name!r} is not one of Textual's themes; the app will use textual-dark"


def run_show(args: argparse.Namespace) -> int:
    config = load_config()
    state = "" if config.exists else " (not created yet: defaults)"
    text = safe_text(f"# {config.path}{state}\n" + render_config(config))
    if _use_color(sys.stdout):
        from rich.console import Console
        from rich.syntax import Syntax

        Console().print(Syntax(text, "toml", background_color="default"), end="")
    else:
        sys.stdout.write(text)
    return report(config)


def _use_color(stream) -> bool:
    """Colour only on a terminal, and never with NO_COLOR set (https://no-color.org)."""
    if "NO_COLOR" in os.environ or os.environ.get("TERM") == "dumb":
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def editor_command() -> list[str] | None:
    """$VISUAL, else $EDITOR (either may carry arguments), else vi, else nano."""
    for var in ("VISUAL", "EDITOR"):
        value = os.environ.get(var, "").strip()
        if value:
            return shlex.split(value)
    for name in ("vi", "nano"):
        if shutil.which(name):
            return [name]
    return None


def run_edit(args: argparse.Namespace) -> int:
    try:
        path = write_template()
    except ConfigError as err:
        print(f"tipreader: {err}", file=sys.stderr)
        return 1
    command = editor_command()
    if command is None:
        print(f"tipreader: no editor found: set $EDITOR, or edit {path} by hand", file=sys.stderr)
        return 1
    try:
        status = subprocess.call([*command, str(path)])
    except OSError as err:
        print(f"tipreader: cannot run editor {command[0]!r}: {err.strerror or err}", file=sys.stderr)
        return 1
    if status != 0:
        print(f"tipreader: editor {command[0]!r} exited with status {status}", file=sys.stderr)
        return 1
    return report(load_config(path))

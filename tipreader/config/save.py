"""Writing the settings file: the commented template, and the theme line written back.

Only the ``theme = ...`` line is ever rewritten; every other line, comment and blank is
kept as the user wrote it. Writes go to a temporary file in the same folder, then
``os.replace`` it over the old one, so a crash never leaves half a file.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import tomllib
from pathlib import Path

from tipreader.config.load import ENV_VAR, _toml_value, config_path

TEMPLATE = f"""\
# tipreader settings (TOML). Every line is optional; delete one to get the default back.
# This file: `tipreader config path`; check it: `tipreader config show`.
# ${ENV_VAR} points tipreader at another file.

# Colour theme: any Textual theme, e.g. "textual-dark", "textual-light", "nord",
# "gruvbox", "dracula", "tokyo-night", or "ansi-dark" / "ansi-light" to use your
# terminal's own palette. Choosing one with the palette (ctrl+p, "theme") saves it here.
# theme = "textual-dark"

# What a cable opens on: "qa" (questions with answers), "answers", or "questions".
# default_view = "qa"

# Colour the names, places, dates, sums and references found in the text.
# entities = true

# Width of the section tree, in columns (12 to 120).
# tree_width = 32

# Where the library and your bookmarks live (the data folder). $TIPREADER_HOME, when
# set, wins; the default is the user data dir. Relative paths start at this file's folder.
# library = "~/cables/library"

# Remap keys by binding id (the README's keys table lists them), then the key or
# keys, comma-separated; the new keys replace the old ones. Key names as Textual
# spells them: "j", "G", "ctrl+f", "f5", "question_mark", "space", "pagedown".
[keys]
# "reader.app.copy" = "Y"
# "reader.move.down" = "j,down,ctrl+n"
"""


class ConfigError(Exception):
    """The settings file could not be written (one-line message)."""


def write_template(path: str | os.PathLike[str] | None = None) -> Path:
    """Create the settings file with the commented template unless it exists; return its path."""
    target = Path(path) if path is not None else config_path()
    if not target.exists():
        _atomic_write(target, TEMPLATE)
    return target


_HEADER = re.compile(r"^\s*\[")
_THEME_LINE = re.compile(r"^(?P<indent>\s*)theme\s*=\s*(?P<value>[^#]*?)(?P<comment>\s*#.*)?$")
_COMMENTED_THEME = re.compile(r"^\s*#\s*theme\s*=")


def save_theme(theme: str, path: str | os.PathLike[str] | None = None) -> Path:
    """Write ``theme = "THEME"`` into the settings file, keeping everything else.

    The first top-level ``theme = ...`` line is replaced (its trailing comment kept);
    without one, the line goes after a commented ``# theme = ...`` line, else after the
    last top-level setting, else before the first ``[table]`` and its comments (so it
    stays top-level), else at the end. A missing file is
    created from the template. A file that does not parse is left alone: ConfigError.
    """
    target = Path(path) if path is not None else config_path()
    try:
        text = target.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = TEMPLATE
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"cannot read {target}: {getattr(err, 'strerror', None) or err}") from None
    bom = "\ufeff" if text.startswith("\ufeff") else ""  # kept as the editor wrote it
    text = text.removeprefix(bom)
    try:
        tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError) as err:
        raise ConfigError(f"{target} has an error ({err}); fix it before the theme can be saved") from None

    new_text = _with_theme(text, theme)
    try:
        parsed = tomllib.loads(new_text)
    except (tomllib.TOMLDecodeError, RecursionError):
        parsed = {}
    if parsed.get("theme") != theme:
        raise ConfigError(f"cannot find a safe place for the theme line in {target}; set theme = {_toml_value(theme)} by hand")
    if new_text != text or not target.exists():
        _atomic_write(target, bom + new_text)
    return target


def _with_theme(text: str, theme: str) -> str:
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    entry = f"theme = {_toml_value(theme)}"
    first_header = next((i for i, line in enumerate(lines) if _HEADER.match(line)), len(lines))
    for i, line in enumerate(lines[:first_header]):
        body = line.rstrip("\r\n")
        match = _THEME_LINE.match(body)
        if match:
            lines[i] = f"{match['indent']}{entry}{match['comment'] or ''}{line[len(body):] or newline}"
            return "".join(lines)
    top = lines[:first_header]
    commented = [i for i, line in enumerate(top) if _COMMENTED_THEME.match(line)]
    settings = [i for i, line in enumerate(top) if line.strip() and not line.lstrip().startswith("#")]
    if commented:
        at = commented[0] + 1
    elif settings:  # right after the last top-level setting
        at = settings[-1] + 1
    elif first_header < len(lines):  # before the table and the comment block above it
        at = first_header
        while at > 0 and lines[at - 1].lstrip().startswith("#"):
            at -= 1
        entry += newline
    else:
        at = len(lines)
    if at > 0 and not lines[at - 1].endswith(("\n", "\r")):
        lines[at - 1] += newline
    lines.insert(at, entry + newline)
    return "".join(lines)


def _atomic_write(target: Path, text: str) -> None:
    if target.is_symlink():  # a dotfiles manager's link: write through it, keep the link
        target = target.resolve()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else 0o644
        fd, tmp = tempfile.mkstemp(prefix=".config-", suffix=".toml", dir=target.parent)
    except OSError as err:
        raise ConfigError(f"cannot write {target}: {err.strerror or err}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except OSError as err:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise ConfigError(f"cannot write {target}: {err.strerror or err}") from None

"""Reading the settings file into a :class:`Config`, reporting every problem, raising none."""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any
from collections.abc import Mapping

ENV_VAR = "TIPREADER_CONFIG"
DEFAULT_VIEWS = ("qa", "answers", "questions")
TREE_WIDTH_RANGE = (12, 120)
_MODIFIERS = {"ctrl", "shift", "alt", "meta", "super", "hyper"}


def _frozen(mapping: Mapping[str, str] | None = None) -> Mapping[str, str]:
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True)
class Config:
    """The settings, with defaults filled in, and what was wrong with the file.

    ``keys`` maps a binding id (``"reader.next_question"``) to Textual key strings
    (``"n"``, ``"ctrl+f,f3"``). ``errors`` are problems that made a setting (or the
    whole file) fall back to its default; ``warnings`` are harmless (unknown keys).
    Both are one-line messages without the path; ``line N: ...`` when the line is known.
    """

    theme: str = "textual-dark"
    keys: Mapping[str, str] = field(default_factory=_frozen)
    default_view: str = "qa"
    entities: bool = True
    tree_width: int = 32
    library: str | None = None
    team_url: str | None = None  # [team] url: the team server (TIPREADER_TEAM_URL wins)
    team_user: str | None = None  # [team] user: the name items are shown under (default: the URL's user)
    codebook: str | None = None  # a codebook TOML file (default: the bundled TIP example)
    path: Path | None = None
    exists: bool = False
    errors: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def keymap(self) -> dict[str, str]:
        """``keys`` as a plain dict, ready for ``App.set_keymap``."""
        return dict(self.keys)

    @property
    def library_path(self) -> Path | None:
        """The data dir the settings ask for (library and bookmarks), or None for the default.

        ``~`` and ``$VARS`` are expanded; a relative path is relative to the settings
        file's folder. The library code should honour ``TIPREADER_HOME`` first, then
        this, then platformdirs' user data dir.
        """
        if not self.library:
            return None
        path = Path(os.path.expandvars(os.path.expanduser(self.library)))
        if not path.is_absolute() and self.path is not None:
            path = self.path.parent / path
        return path

    @property
    def problems(self) -> tuple[str, ...]:
        """Errors then warnings."""
        return self.errors + self.warnings


DEFAULTS = Config()


def config_path() -> Path:
    """The settings file's path: ``$TIPREADER_CONFIG`` or the user config dir's config.toml."""
    override = os.environ.get(ENV_VAR, "").strip()
    if override:
        return Path(os.path.expanduser(override))
    from platformdirs import user_config_dir

    return Path(user_config_dir("tipreader", appauthor=False)) / "config.toml"


def load_config(path: str | os.PathLike[str] | None = None) -> Config:
    """Read the settings file (``config_path()`` by default). Never raises."""
    target = Path(path) if path is not None else config_path()
    try:
        data = target.read_bytes()
    except FileNotFoundError:
        return Config(path=target)
    except IsADirectoryError:
        return Config(path=target, errors=("is a directory, not a settings file; using the default settings",))
    except OSError as err:
        return Config(path=target, errors=(f"cannot read: {err.strerror or err}; using the default settings",))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        return Config(path=target, exists=True, errors=(f"line {line}: not UTF-8 text; using the default settings",))
    return parse_config(text, target)


_TOML_AT = re.compile(r"^(?P<msg>.*?) \(at line (?P<line>\d+), column (?P<col>\d+)\)$")


def parse_config(text: str, path: Path | None = None) -> Config:
    """Build a :class:`Config` from TOML ``text``; ``path`` is kept for relative paths.

    A UTF-8 byte-order mark (Windows editors write one) is accepted.
    """
    text = text.removeprefix("\ufeff")
    try:
        raw = tomllib.loads(text)
    except RecursionError:  # 5,000 nested arrays: the reader's stack, not a TOML error
        return Config(path=path, exists=True, errors=(
            f"values nested too deep (more than {MAX_NESTING} arrays or tables inside each other); "
            "using the default settings",))
    except tomllib.TOMLDecodeError as err:
        return Config(path=path, exists=True, errors=(f"{toml_error(err, text)}; using the default settings",))
    if _depth(raw) > MAX_NESTING:
        return Config(path=path, exists=True, errors=(
            f"values nested too deep (more than {MAX_NESTING} arrays or tables inside each other); "
            "using the default settings",))
    return _from_mapping(raw, text, path)


def toml_error(err: tomllib.TOMLDecodeError, text: str) -> str:
    """A TOML syntax error as one line: ``line 3, column 14: invalid value`` (``line 9, end of file: ...``)."""
    message = " ".join(str(err).split())
    match = _TOML_AT.match(message)
    if match:
        cause = match["msg"][:1].lower() + match["msg"][1:]
        return f"line {match['line']}, column {match['col']}: {cause}"
    if message.endswith(" (at end of document)"):
        cause = message[:1].lower() + message[1 : -len(" (at end of document)")]
        return f"line {max(len(text.splitlines()), 1)}, end of file: {cause}"
    return message[:1].lower() + message[1:]


MAX_NESTING = 32


def _depth(value: Any) -> int:
    """How deep arrays and tables nest in ``value`` (counted without recursion)."""
    deepest = 0
    todo: list[tuple[Any, int]] = [(value, 0)]
    while todo:
        item, level = todo.pop()
        deepest = max(deepest, level)
        if level > MAX_NESTING:
            break
        if isinstance(item, dict):
            todo.extend((v, level + 1) for v in item.values())
        elif isinstance(item, list):
            todo.extend((v, level + 1) for v in item)
    return deepest


def _from_mapping(raw: dict[str, Any], text: str, path: Path | None) -> Config:
    errors: list[str] = []
    warnings: list[str] = []
    values: dict[str, Any] = {}

    def where(key: str, table: str | None = None) -> str:
        line = _line_of(text, key, table)
        return f"line {line}: " if line else ""

    for key, value in raw.items():
        if key == "keys":
            values["keys"] = _keys(value, where, errors, warnings)
            continue
        if key == "team":
            values.update(_team(value, where, errors, warnings))
            continue
        check = _CHECKS.get(key)
        if check is None:
            warnings.append(f"{where(key)}unknown setting {key!r} (ignored)")
            continue
        problem, converted = check(value)
        if problem:
            default = getattr(DEFAULTS, key)
            shown = "none" if default is None else _toml_value(default)
            errors.append(f"{where(key)}{key} {problem}, not {_toml_value(value)}; using {shown}")
        else:
            values[key] = converted
    return Config(path=path, exists=True, errors=tuple(errors), warnings=tuple(warnings), **values)


def _check_theme(value: Any) -> tuple[str | None, Any]:
    if isinstance(value, str) and value.strip():
        return None, value.strip()
    return "must be a theme name such as \"nord\" or \"ansi-dark\"", None


def _check_view(value: Any) -> tuple[str | None, Any]:
    if isinstance(value, str) and value in DEFAULT_VIEWS:
        return None, value
    return "must be " + " or ".join(f'"{v}"' for v in DEFAULT_VIEWS), None


def _check_bool(value: Any) -> tuple[str | None, Any]:
    if isinstance(value, bool):
        return None, value
    return "must be true or false", None


def _check_width(value: Any) -> tuple[str | None, Any]:
    low, high = TREE_WIDTH_RANGE
    if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
        return None, value
    return f"must be a whole number from {low} to {high}", None


def _check_library(value: Any) -> tuple[str | None, Any]:
    if isinstance(value, str):
        return None, value.strip() or None
    return "must be a folder path in quotes", None


_CHECKS = {
    "theme": _check_theme,
    "default_view": _check_view,
    "entities": _check_bool,
    "tree_width": _check_width,
    "library": _check_library,
    "codebook": _check_library,
}


def _team(value: Any, where, errors: list[str], warnings: list[str]) -> dict[str, str]:
    """``[team] url = "postgresql://..."`` and ``user = "name"``."""
    if not isinstance(value, dict):
        errors.append(f"{where('team')}team must be a table ([team] with url = and user = lines); ignored")
        return {}
    out: dict[str, str] = {}
    for name, val in value.items():
        here = where(name, "team")
        if name not in ("url", "user"):
            warnings.append(f"{here}unknown setting team.{name} (ignored)")
        elif not isinstance(val, str) or not val.strip():
            errors.append(f"{here}team.{name} must be text in quotes, not {_toml_value(val)}; ignored")
        elif name == "url" and not val.strip().startswith(("postgresql://", "postgres://")):
            errors.append(f"{here}team.url must be a postgresql:// URL; ignored")
        else:
            out[f"team_{name}"] = val.strip()
    return out


def _keys(value: Any, where, errors: list[str], warnings: list[str]) -> Mapping[str, str]:
    if not isinstance(value, dict):
        errors.append(f"{where('keys')}keys must be a table ([keys] with binding_id = \"key\" lines), not {_toml_value(value)}; ignored")
        return _frozen()
    keymap: dict[str, str] = {}
    for binding_id, keys in _flatten(value):
        here = where(binding_id, "keys")
        if isinstance(keys, list) and keys and all(isinstance(k, str) for k in keys):
            keys = ",".join(keys)
        if not isinstance(keys, str) or not [k for k in keys.split(",") if k.strip()]:
            errors.append(f"{here}keys.{binding_id} must be a key such as \"ctrl+f\" or \"n,down\", not {_toml_value(keys)}; ignored")
            continue
        tokens = [k.strip() for k in keys.split(",")]
        bad = [k for k in tokens if not _is_key(k)]
        if bad:
            warnings.append(f"{here}keys.{binding_id}: {', '.join(repr(b) for b in bad)} is not a key Textual names (examples: j, ctrl+f, question_mark, f5)")
        keymap[binding_id] = ",".join(t for t in tokens if t)
    return _frozen(keymap)


def _flatten(table: dict[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    """``{"reader": {"next": "n"}}`` (from ``reader.next = "n"``) → ``[("reader.next", "n")]``."""
    items: list[tuple[str, Any]] = []
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            items.extend(_flatten(value, name + "."))
        else:
            items.append((name, value))
    return items


def _is_key(key: str) -> bool:
    """True when ``key`` looks like a Textual key: modifiers joined by ``+``, then a key."""
    if not key or any(ch.isspace() for ch in key):
        return False
    parts = key.split("+")
    if len(parts) > 1 and parts[-1] == "":  # "ctrl++": the plus key itself
        parts = parts[:-2] + ["+"]
    *mods, name = parts
    if any(m not in _MODIFIERS for m in mods):
        return False
    return len(name) == 1 or name in _key_names()


_KEY_NAMES: set[str] = set()


def _key_names() -> set[str]:
    if not _KEY_NAMES:
        import unicodedata

        from textual.keys import Keys

        _KEY_NAMES.update(k.value.split("+")[-1] for k in Keys)
        _KEY_NAMES.update({"space", "enter", "tab", "backspace", "escape", "return"})
        _KEY_NAMES.update(f"f{n}" for n in range(1, 25))
        for code in range(0x21, 0x7F):
            _KEY_NAMES.add(unicodedata.name(chr(code)).lower().replace(" ", "_").replace("-", "_"))
    return _KEY_NAMES


def _line_of(text: str, key: str, table: str | None = None) -> int | None:
    """The 1-based line where ``key`` is set (top level, or inside ``[table]``), if found."""
    current: str | None = None
    forms = {key, f'"{key}"', f"'{key}'"}
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        header = re.match(r"^\[\s*([^\]]+?)\s*\]", stripped)
        if header:
            current = header[1].strip("\"'")
            if table is None and current == key:
                return number
            continue
        if current != table:
            continue
        name = stripped.split("=", 1)[0].strip() if "=" in stripped else None
        if name in forms or (name and re.sub(r"\s*\.\s*", ".", name) == key):
            return number
    return None


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return str(value)


def render_config(config: Config) -> str:
    """The effective settings as TOML (what the app will use)."""
    lines = [
        f"theme = {_toml_value(config.theme)}",
        f"default_view = {_toml_value(config.default_view)}",
        f"entities = {_toml_value(config.entities)}",
        f"tree_width = {config.tree_width}",
    ]
    if config.library:
        lines.append(f"library = {_toml_value(config.library)}")
    else:
        lines.append('# library: default (TIPREADER_HOME, else the user data dir)')
    lines.append("")
    lines.append("[keys]")
    if not config.keys:
        lines.append("# none remapped")
    for binding_id, keys in sorted(config.keys.items()):
        lines.append(f"{_toml_value(binding_id)} = {_toml_value(keys)}")
    return "\n".join(lines) + "\n"

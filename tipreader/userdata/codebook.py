"""The codebook: a named list of codes with descriptions, read from a TOML file.

    book, problems = load_codebook()      # never raises: problems are one-line messages
    book.get("Objection")                 # CodeDef("objection", ...), case ignored
    book.names                            # ("funding", "objection", ...) in the file's order

Where it comes from, the first that applies: the settings' ``codebook = "FILE"``, else
``codebook.toml`` in the data folder (``$TIPREADER_HOME``), else the example bundled
with tipreader (``data/tip_codebook.toml``, whose header documents the layout). A file
that cannot be used (bad TOML, a duplicate or malformed code, a missing file the settings
name) is reported in one line naming the file and the cause, in the settings' style
(``codebook.toml: line 7, column 3: ...; using the bundled TIP codebook``), and the
bundled codebook is used instead.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BUNDLED = Path(__file__).with_name("data") / "tip_codebook.toml"
FILE_NAME = "codebook.toml"
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
_FALLBACK = "using the bundled TIP codebook"


class CodebookError(ValueError):
    """A codebook file that cannot be used; ``str(err)`` is one line naming the file and the cause."""


@dataclass(frozen=True, slots=True)
class CodeDef:
    """One code of a codebook: its ``name`` (``face-saving``), what it means, and its group."""

    name: str
    description: str = ""
    group: str = ""


@dataclass(frozen=True, slots=True)
class Codebook:
    """A named list of codes in the order the file gives them; ``path`` is the file read."""

    name: str
    codes: tuple[CodeDef, ...]
    description: str = ""
    path: Path | None = None
    warnings: tuple[str, ...] = ()  # harmless problems (unknown keys), one line each

    @property
    def names(self) -> tuple[str, ...]:
        """The codes' names, in order."""
        return tuple(c.name for c in self.codes)

    @property
    def bundled(self) -> bool:
        """True for the example shipped with tipreader."""
        return self.path is not None and self.path.resolve() == BUNDLED.resolve()

    def get(self, name: str) -> CodeDef | None:
        """The code called ``name`` (case and surrounding blanks ignored), or None."""
        wanted = normalize(name)
        return next((c for c in self.codes if c.name == wanted), None)


def normalize(name: str) -> str:
    """A code name as stored and compared: blanks trimmed, lower case."""
    return name.strip().lower()


def check_name(name: str) -> str | None:
    """Why ``name`` cannot be a code (one line), or None when it can."""
    if not _NAME.match(name):
        return (f"code name {name!r} must be 1-40 lower-case letters, digits, '-' or '_', starting with a "
                "letter or digit (it is what code:NAME searches)")
    return None


def _text(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise CodebookError(f"{what} must be text in quotes")
    return " ".join(value.split())


def parse_codebook(text: str, path: Path | None = None) -> Codebook:
    """Read a codebook from TOML ``text``. :class:`CodebookError` (one line, without the file
    name) for bad TOML, a code without a valid name, or a name given twice."""
    from tipreader.config.load import toml_error

    text = text.removeprefix("\ufeff")  # a byte-order mark from a Windows editor
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise CodebookError(toml_error(err, text)) from None
    except RecursionError:  # thousands of nested arrays: the reader's stack, not a TOML error
        raise CodebookError("values nested too deep") from None
    warnings = [f"unknown key {k!r} ignored (a codebook has name, description and [[code]] tables)"
                for k in raw if k not in ("name", "description", "code")]
    name = _text(raw.get("name", path.stem if path else "codebook"), "name") or "codebook"
    description = _text(raw.get("description", ""), "description")
    items = raw.get("code", [])
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise CodebookError("codes must be [[code]] tables, each with a name and a description")
    if not items:
        raise CodebookError("no codes: add [[code]] tables, each with a name and a description")
    codes: list[CodeDef] = []
    seen: dict[str, int] = {}
    for number, item in enumerate(items, 1):
        where = f"code {number}"
        warnings.extend(f"{where}: unknown key {k!r} ignored (a code has name, description and group)"
                        for k in item if k not in ("name", "description", "group"))
        if "name" not in item:
            raise CodebookError(f"{where}: no name")
        code = normalize(_text(item["name"], f"{where}: name"))
        problem = check_name(code)
        if problem:
            raise CodebookError(f"{where}: {problem}")
        if code in seen:
            raise CodebookError(f"code {code!r} is listed twice (codes {seen[code]} and {number}); names must be unique")
        seen[code] = number
        codes.append(CodeDef(code, _text(item.get("description", ""), f"code {code!r}: description"),
                             _text(item.get("group", ""), f"code {code!r}: group")))
    return Codebook(name, tuple(codes), description, path, tuple(warnings))


def read_codebook(path: str | Path) -> Codebook:
    """Read the codebook file at ``path``; :class:`CodebookError` naming the file when it cannot be used."""
    from tipreader.library.paths import display_path

    path = Path(path)
    shown = display_path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CodebookError(f"{shown}: no such file") from None
    except IsADirectoryError:
        raise CodebookError(f"{shown}: is a folder, not a codebook file") from None
    except OSError as err:
        raise CodebookError(f"{shown}: cannot be read: {err.strerror or err}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise CodebookError(f"{shown}: line {line}: not UTF-8 text") from None
    try:
        return parse_codebook(text, path)
    except CodebookError as err:
        raise CodebookError(f"{shown}: {err}") from None


def codebook_path(home: Path | None = None, configured: Path | None = None) -> Path:
    """The codebook file in effect: ``configured`` (the settings' ``codebook``), else the data
    folder's ``codebook.toml`` when there is one, else the bundled example."""
    if configured is not None:
        return configured
    from tipreader.library import paths

    own = (home or paths.data_dir()) / FILE_NAME
    return own if own.is_file() else BUNDLED


def configured_path() -> Path | None:
    """The file the settings name (``codebook = "..."``; ``~``, ``$VARS``, relative to the
    settings file's folder), or None."""
    from tipreader.config import load_config

    config = load_config()
    value = config.codebook
    if not value:
        return None
    import os

    path = Path(os.path.expandvars(os.path.expanduser(value)))
    if not path.is_absolute() and config.path is not None:
        path = config.path.parent / path
    return path


def load_codebook(home: Path | None = None, configured: Path | None = None) -> tuple[Codebook, list[str]]:
    """(codebook, problems): the codebook in effect (see the module docstring). Never raises;
    a file that cannot be used gives one problem line and the bundled codebook."""
    from tipreader.library.paths import display_path

    path = codebook_path(home, configured if configured is not None else configured_path())
    try:
        book = read_codebook(path)
        return book, [f"{display_path(path)}: {w}" for w in book.warnings]
    except CodebookError as err:
        if path == BUNDLED:
            raise  # our own file: a bug, fail loudly
        return read_codebook(BUNDLED), [f"{err}; {_FALLBACK}"]

"""Settings applied to a Textual app: themes, the keymap, the remembered theme, and the
classification and entity colours derived from whichever theme is current.

Wiring, in the app::

    def on_mount(self) -> None:
        config = load_config()
        apply_config(self, config)      # theme, keymap; notifies problems
        remember_theme(self)            # a theme picked in the palette is saved

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return theme_variable_defaults(self)  # $classification-secret, $entity-person ... in TCSS

and in widgets ``classification_style(self.app, cable.classification)`` /
``entity_style(self.app, entity.type)`` (re-render on ``app.theme_changed_signal``).
"""

from __future__ import annotations

import os
from pathlib import Path

from collections.abc import Mapping

from rich.style import Style
from textual.app import App
from textual.binding import Binding
from textual.color import Color
from textual.dom import DOMNode
from textual.theme import BUILTIN_THEMES

from tipreader.config import Config, ConfigError, config_path, save_theme
from tipreader.ui._colors import ROLES, derive
from tipreader.ui.text_styles import footer_key_color, style_color

ANSI_THEMES = ("ansi-dark", "ansi-light")
CLASSIFICATION_LEVELS = ("UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "TOP SECRET")
ENTITY_TYPES = ("PERSON", "ORG", "ACRONYM", "LOCATION", "DATE", "MONEY", "PERCENT", "PHONE", "CABLE_REF", "LAW")

# level → theme role. The US marking colours (green, blue, red, orange) where the theme has them.
_CLASSIFICATION_ROLE = {
    "UNCLASSIFIED": "success",
    "CONFIDENTIAL": "primary",
    "SECRET": "error",
    "TOP SECRET": "warning",
}
# Without colour (NO_COLOR): the level still shows, by weight.
_CLASSIFICATION_MONO = {
    "UNCLASSIFIED": Style(),
    "CONFIDENTIAL": Style(bold=True),
    "SECRET": Style(bold=True, underline=True),
    "TOP SECRET": Style(bold=True, underline=True),
}
# type → (theme role, attributes). Error red is kept for SECRET; the attributes tell apart
# the types that share a hue in themes with few distinct colours.
_ENTITY = {
    "PERSON": ("accent", {"bold": True}),
    "ORG": ("primary", {"bold": True}),
    "ACRONYM": ("primary", {}),
    "LOCATION": ("success", {}),
    "DATE": ("secondary", {}),
    "MONEY": ("warning", {}),
    "PERCENT": ("warning", {"italic": True}),
    "PHONE": ("secondary", {"italic": True}),
    "CABLE_REF": ("accent", {"underline": True}),
    "LAW": ("success", {"italic": True}),
}


def install_themes(app: App) -> None:
    """Make sure ``ansi-dark`` and ``ansi-light`` (the terminal's own palette) are registered.

    Textual 8 ships both; this keeps them available should a later Textual drop them
    from its built-ins, and is harmless otherwise.
    """
    for name in ANSI_THEMES:
        if app.get_theme(name) is None and name in BUILTIN_THEMES:
            app.register_theme(BUILTIN_THEMES[name])


def apply_config(app: App, config: Config, *, notify: bool = True) -> list[str]:
    """Apply ``config``'s theme and keymap to ``app``; return (and notify) the problems.

    Call from ``on_mount`` (notifications need a running app) or pass ``notify=False``.
    An unknown theme keeps the current one; a binding id no class declares is reported.
    """
    install_themes(app)
    where = config.path.name if config.path else "settings"
    problems = [f"{where}: {m}" for m in config.errors]
    warnings = [f"{where}: {m}" for m in config.warnings]
    if app.get_theme(config.theme) is None:
        warnings.append(f"{where}: theme {config.theme!r} is not installed; using {app.theme!r}")
    else:
        app.theme = config.theme
    if config.keys:
        app.update_keymap(config.keymap)
        warnings.extend(f"{where}: {m}" for m in keymap_problems(config.keymap))
    if notify:  # the messages quote the file's values: never markup ("[/]" would crash the app)
        for message in problems:
            app.notify(message, title="Settings", severity="error", timeout=12, markup=False)
        for message in warnings:
            app.notify(message, title="Settings", severity="warning", timeout=12, markup=False)
    return problems + warnings


def _declared_bindings() -> dict[str, Binding]:
    """Every binding with an id that a loaded widget, screen or app class declares, by id."""
    found: dict[str, Binding] = {}
    seen: set[type] = set()
    stack: list[type] = [DOMNode]
    while stack:
        cls = stack.pop()
        if cls in seen:
            continue
        seen.add(cls)
        stack.extend(cls.__subclasses__())
        for item in cls.__dict__.get("BINDINGS", ()):
            binding = item if isinstance(item, Binding) else Binding(*item)
            if binding.id:
                found.setdefault(binding.id, binding)
    return found


def keymap_problems(keymap: Mapping[str, str]) -> list[str]:
    """Warnings about a ``[keys]`` table: ids no binding declares, and a key the table gives
    to a binding while another binding of the same place keeps it (``reader.app.copy = "j"``
    while ``reader.move.down`` has ``j``: one of the two would never run). Bindings share a
    place when their ids start alike (``reader.``, ``library.``). The app and ``tipreader
    config show`` both report these."""
    declared = _declared_bindings()
    out = [f"keys: no binding has the id {binding_id!r}" for binding_id in keymap if binding_id not in declared]
    holders: dict[tuple[str, str], list[str]] = {}
    for binding_id, binding in sorted(declared.items()):
        place = binding_id.split(".", 1)[0]
        for key in (k.strip() for k in keymap.get(binding_id, binding.key).split(",")):
            if key:
                holders.setdefault((place, key), []).append(binding_id)
    for (_place, key), ids in holders.items():
        changed = [i for i in ids if i in keymap]
        if len(ids) > 1 and changed:
            other = next(i for i in ids if i != changed[0])
            out.append(f"keys: {key!r} is given to both {changed[0]!r} and {other!r}; only one of them will run")
    return out


def binding_ids() -> set[str]:
    """The ids of every ``Binding(..., id=...)`` declared by a loaded widget, screen or app class."""
    return set(_declared_bindings())


def remember_theme(app: App, path: str | os.PathLike[str] | None = None) -> None:
    """Save every later change of ``app.theme`` (the palette's "Theme" command) to the settings file.

    Only the ``theme = ...`` line is written; the rest of the file stays as it was. A file
    that cannot be written (or does not parse) is left alone, with a notification.
    """
    target = Path(path) if path is not None else config_path()

    def _save(old: str, new: str) -> None:
        if old == new:
            return
        try:
            save_theme(new, target)
        except ConfigError as err:
            app.notify(str(err), title="Theme not saved", severity="warning", timeout=10)

    app.watch(app, "theme", _save, init=False)


def classification_level(marking: str | None) -> str | None:
    """The level a classification or paragraph marking names, or None.

    ``"SECRET//NOFORN"`` → SECRET; ``"C"``, ``"C/NF"`` → CONFIDENTIAL; ``"SBU"``, ``"U"``,
    ``"UNCLASSIFIED//FOR OFFICIAL USE ONLY"``, ``"LIMITED OFFICIAL USE"`` → UNCLASSIFIED;
    ``"TS"`` → TOP SECRET.
    """
    if not marking:
        return None
    text = marking.strip().strip("()").upper()
    head = text.replace("//", "/").split("/")[0].strip()
    if head.startswith("TOP SECRET") or head == "TS":
        return "TOP SECRET"
    if head.startswith("SECRET") or head == "S":
        return "SECRET"
    if head.startswith("CONFIDENTIAL") or head == "C":
        return "CONFIDENTIAL"
    if head.startswith(("UNCLAS", "LIMITED OFFICIAL", "FOR OFFICIAL")) or head in {"U", "SBU", "LOU", "FOUO"}:
        return "UNCLASSIFIED"
    return None


def classification_style(app: App, marking: str | None, *, badge: bool = False) -> Style:
    """A readable style for a classification (or paragraph marking) in the current theme.

    ``badge=True`` gives the reversed form (background in the level's colour) for a header
    badge. Unknown markings get a plain style; with ``NO_COLOR`` only weight and
    underline tell the levels apart.
    """
    level = classification_level(marking)
    if level is None:
        return Style(reverse=True) if badge else Style()
    if app.no_color:
        style = _CLASSIFICATION_MONO[level]
        return style + Style(reverse=True) if badge else style
    color = derive(app)[_CLASSIFICATION_ROLE[level]]
    return Style(color=color.rich_color, bold=True, reverse=badge)


def entity_style(app: App, entity_type: str) -> Style:
    """A readable style for an entity type (PERSON, ORG, ...) in the current theme.

    Unknown types get a plain style. With ``NO_COLOR`` every entity is underlined, keeping
    its bold or italic.
    """
    spec = _ENTITY.get(entity_type)
    if spec is None:
        return Style()
    role, attributes = spec
    bold, italic, underline = attributes.get("bold"), attributes.get("italic"), attributes.get("underline")
    if app.no_color:
        return Style(bold=bold, italic=italic, underline=True)
    return Style(color=derive(app)[role].rich_color, bold=bold, italic=italic, underline=underline)


def theme_variable_defaults(app: App) -> dict[str, str]:
    """CSS variables for the current theme: ``$classification-secret``, ``$entity-person`` ...

    Return this from ``App.get_theme_variable_defaults`` to use the derived colours in
    TCSS; Textual calls it again on every theme change.
    """
    colors = derive(app)
    variables = {
        f"classification-{level.lower().replace(' ', '-')}": colors[role].hex
        for level, role in _CLASSIFICATION_ROLE.items()
    }
    variables.update(
        {f"entity-{kind.lower().replace('_', '-')}": colors[role].hex for kind, (role, _) in _ENTITY.items()}
    )
    variables["tip-muted"] = style_color(app, "tip.muted")  # inactive tabs: Textual's 50% is under 4.5:1
    variables["tip-footer-key"] = footer_key_color(app.current_theme)
    return variables


def readable_colors(app: App) -> dict[str, Color]:
    """The theme's roles (``primary``, ``error`` ...) adjusted to be readable as text."""
    return dict(derive(app))


__all__ = [
    "ANSI_THEMES",
    "CLASSIFICATION_LEVELS",
    "ENTITY_TYPES",
    "ROLES",
    "apply_config",
    "binding_ids",
    "classification_level",
    "classification_style",
    "entity_style",
    "install_themes",
    "readable_colors",
    "remember_theme",
    "theme_variable_defaults",
]

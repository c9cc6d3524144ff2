"""Theme colours made readable as text on the theme's own background.

For an RGB theme each role colour (``primary``, ``error`` ...) is checked against the
background and surface with the WCAG contrast ratio and moved toward white (dark
themes) or black (light themes) until it reaches 4.5:1. For an ANSI theme the real
colours are the terminal's, unknown here, so the rule is by name: on a dark theme
``blue`` becomes ``bright_blue`` and ``black`` becomes ``white``; on a light theme the
bright colours become their normal (darker) forms and ``white`` becomes ``black``.
"""

from __future__ import annotations

from textual.app import App
from textual.color import Color
from textual.theme import Theme

ROLES = ("primary", "secondary", "accent", "warning", "error", "success", "foreground")
MIN_CONTRAST = 4.5

_WHITE = Color(255, 255, 255)
_BLACK = Color(0, 0, 0)
_ANSI_DARK = {0: 7, 4: 12}  # black → white, blue → bright blue
_ANSI_LIGHT = {7: 0, 15: 0, 9: 1, 10: 2, 11: 3, 12: 4, 13: 5, 14: 6}  # bright → normal, white → black

_cache: dict[tuple[int, str], dict[str, Color]] = {}


def derive(app: App) -> dict[str, Color]:
    """Readable text colours for each role of ``app``'s current theme (cached per theme)."""
    theme = app.current_theme
    key = (id(theme), theme.name)
    colors = _cache.get(key)
    if colors is None:
        if len(_cache) > 64:
            _cache.clear()
        colors = _cache[key] = derive_theme(theme)
    return colors


def theme_variables(theme: Theme) -> dict[str, str]:
    """``theme``'s CSS variables as Textual computes them, with the theme's own overrides."""
    return {**theme.to_color_system().generate(), **theme.variables}


def derive_theme(theme: Theme) -> dict[str, Color]:
    """Readable text colours for each role of ``theme``."""
    variables = theme_variables(theme)
    backgrounds = [c for c in (parse(variables.get("background")), parse(variables.get("surface"))) if c]
    result: dict[str, Color] = {}
    for role in ROLES:
        color = parse(variables.get(role)) or parse(variables.get(f"text-{role}"))
        if color is None:
            color = parse(variables.get("foreground")) or (_WHITE if theme.dark else _BLACK)
        if color.ansi is not None:
            result[role] = _ansi_readable(color, theme.dark)
        else:
            rgb_backgrounds = [b for b in backgrounds if b.ansi is None and b.a > 0]
            result[role] = readable(color, rgb_backgrounds, theme.dark)
    return result


def parse(value: str | None) -> Color | None:
    """A theme value as a colour (``"ansi_default 50%"`` → its colour), None when unusable."""
    if not value:
        return None
    try:
        return Color.parse(value.split()[0])  # "ansi_default 50%" → its colour
    except Exception:  # a theme may hold any CSS value; unusable ones fall back
        return None


def _ansi_readable(color: Color, dark: bool) -> Color:
    if color.ansi is None or color.ansi < 0:
        return color
    number = (_ANSI_DARK if dark else _ANSI_LIGHT).get(color.ansi, color.ansi)
    if number == color.ansi:
        return color
    return Color.parse(f"ansi_{_ANSI_NAMES[number]}")


def readable(color: Color, backgrounds: list[Color], dark: bool, minimum: float = MIN_CONTRAST) -> Color:
    """``color``, moved toward white (``dark``) or black until it keeps ``minimum`` on every background.

    A background too close to that end (white text on a mid blue bar) is tried the other way;
    if neither way reaches ``minimum``, the candidate that reads best is returned.
    """
    color = color.with_alpha(1.0)
    if not backgrounds:
        return color

    def worst(candidate: Color) -> float:
        return min(contrast(candidate, bg) for bg in backgrounds)

    best = color
    for target in ((_WHITE, _BLACK) if dark else (_BLACK, _WHITE)):
        for step in range(11):
            candidate = color.blend(target, step / 10)
            if worst(candidate) >= minimum:
                return candidate
            if worst(candidate) > worst(best):
                best = candidate
    return best


def luminance(color: Color) -> float:
    """WCAG relative luminance of an RGB colour, 0 (black) to 1 (white)."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast(a: Color, b: Color) -> float:
    """WCAG contrast ratio between two RGB colours, 1 to 21."""
    la, lb = luminance(a), luminance(b)
    high, low = max(la, lb), min(la, lb)
    return (high + 0.05) / (low + 0.05)


_ANSI_NAMES = (
    "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
    "bright_black", "bright_red", "bright_green", "bright_yellow",
    "bright_blue", "bright_magenta", "bright_cyan", "bright_white",
)  # fmt: skip

"""The app's own text styles, by name, readable in every theme.

Widgets write Rich text with names (``Text("Q 2", style="tip.letter")``) instead of hex
colours. :func:`install_text_styles` registers the names on the app's console as a Rich
theme and re-registers them when the Textual theme changes, so every label, tree node and
snippet is redrawn in colours computed for the theme shown.

Each name has a design colour (the colours the reader was drawn in on dark themes). In an
RGB theme the colour is kept where it is readable on the theme's background, surface and
panel, and otherwise moved toward black (light themes) or white (dark themes) until it
reaches 4.5:1 (WCAG AA for text; 3:1 for rules and bars, which are not text). In an ANSI
theme the terminal draws the colours, so they are kept. Styles with their own background
(``black on #c0a040``) are readable by construction and kept.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from rich.theme import Theme as RichTheme
from textual.app import App
from textual.color import Color
from textual.theme import Theme

import weakref

from rich.console import Console

from tipreader.ui._colors import derive_theme, parse, readable, theme_variables

TEXT_CONTRAST = 4.5
DECORATION_CONTRAST = 3.0


@dataclass(frozen=True)
class TextStyle:
    """A named style: a design colour (``#rrggbb``) or a theme role, and its attributes."""

    color: str
    attributes: str = ""
    background: str | None = None  # a fixed background makes the pair readable as designed
    decoration: bool = False  # a rule or bar, not text: 3:1 is enough
    fade: float = 0.0  # blend this much toward the background first (quieter than the text)


STYLES: dict[str, TextStyle] = {
    # quieter text (what Rich's "dim" was: dim halves the contrast, unreadable on light themes)
    "tip.muted": TextStyle("foreground", fade=0.4),
    "tip.muted-italic": TextStyle("foreground", "italic", fade=0.4),
    # the cable: titles, parts, questions, answers, header fields
    "tip.title": TextStyle("#e0c070", "bold"),
    "tip.title-derived": TextStyle("#e0c070", "italic", fade=0.3),  # a title the cable does not state
    "tip.part-title": TextStyle("#e0c070", "bold underline"),
    "tip.letter": TextStyle("#d7a64a", "bold"),
    "tip.letter-badge": TextStyle("#000000", "bold", background="#d7a64a"),
    "tip.question": TextStyle("#d7c79a"),
    "tip.question-preview": TextStyle("#d7c79a", "italic"),
    "tip.answer": TextStyle("#5f87af", "bold"),
    "tip.answer-bar": TextStyle("#5f87af", decoration=True),
    "tip.field": TextStyle("#8fb0d0", "bold"),
    "tip.date": TextStyle("#8fb0d0"),
    "tip.aside": TextStyle("#8fb0d0", "italic"),  # the reader's own remarks between paragraphs
    "tip.rule": TextStyle("#405060", decoration=True),
    "tip.note": TextStyle("warning", "italic"),  # a guess, a partial extract, a truncated cable
    "tip.warning": TextStyle("warning"),
    "tip.warning-mark": TextStyle("warning", "bold"),
    "tip.error": TextStyle("error"),
    "tip.error-mark": TextStyle("error", "bold"),
    "tip.ok": TextStyle("success"),
    "tip.ok-mark": TextStyle("success", "bold"),
    # the library's result rows
    "tip.subject": TextStyle("#e0c070"),
    "tip.snippet": TextStyle("#b0b0b0"),
    "tip.score": TextStyle("#5fafaf", decoration=True),
    "tip.score-empty": TextStyle("#405060", decoration=True),
    # classification badges where the theme's colours are not at hand (the result rows)
    "tip.class-top-secret": TextStyle("#000000", "bold", background="#d78700"),
    "tip.class-secret": TextStyle("#ffffff", "bold", background="#af0000"),
    "tip.class-confidential": TextStyle("#ffffff", "bold", background="#0050b4"),
    "tip.class-sensitive": TextStyle("#000000", "bold", background="#d7d700"),
    "tip.class-unclassified": TextStyle("#000000", "bold", background="#00af00"),
    "tip.mark-top-secret": TextStyle("#000000", background="#d78700"),
    "tip.mark-secret": TextStyle("#ffffff", background="#af0000"),
    "tip.mark-confidential": TextStyle("#ffffff", background="#0050b4"),
    "tip.mark-sensitive": TextStyle("#000000", background="#d7d700"),
    "tip.mark-unclassified": TextStyle("#000000", background="#00af00"),
    # marks, links, codes, bookmarks
    "tip.match": TextStyle("#000000", background="#c0a040"),
    "tip.match-bold": TextStyle("#000000", "bold", background="#c0a040"),
    "tip.current": TextStyle("#000000", "bold", background="#ff8700"),
    "tip.link": TextStyle("#87afd7", "underline"),
    "tip.code": TextStyle("#87afd7", "bold"),
    "tip.bookmark": TextStyle("#ff5faf", "bold"),
    "tip.team": TextStyle("#5fafaf", "bold"),  # teammates' marks
}


def theme_backgrounds(theme: Theme) -> list[Color]:
    """The RGB colours text is drawn on in ``theme``: background, surface, panel, and the
    highlight of a list row the cursor is on while the list is not focused (the library's
    results while one types)."""
    variables = theme_variables(theme)
    solid = [parse(variables.get(name)) for name in ("background", "surface", "panel")]
    bases = [c for c in solid if c is not None and c.ansi is None and c.a > 0]
    highlight = parse(variables.get("block-cursor-blurred-background"))
    if highlight is not None and highlight.ansi is None and 0 < highlight.a < 1:
        bases += [base + highlight for base in bases[:2]]  # translucent: as drawn on the list
    elif highlight is not None and highlight.ansi is None and highlight.a > 0:
        bases.append(highlight)
    return bases


def resolve(theme: Theme, styles: dict[str, TextStyle] = STYLES) -> dict[str, Style]:
    """The Rich style of each name for ``theme``."""
    backgrounds = theme_backgrounds(theme)
    roles = derive_theme(theme)
    out: dict[str, Style] = {}
    for name, spec in styles.items():
        if spec.background is not None:
            out[name] = Style.parse(f"{spec.attributes} {spec.color} on {spec.background}".strip())
            continue
        color = roles.get(spec.color) or parse(spec.color) or Color(128, 128, 128)
        if spec.fade and color.ansi is None and backgrounds:
            color = color.blend(backgrounds[0], spec.fade)
        if color.ansi is None and backgrounds:
            minimum = DECORATION_CONTRAST if spec.decoration else TEXT_CONTRAST
            color = readable(color, backgrounds, theme.dark, minimum)
        out[name] = Style.parse(spec.attributes) + Style(color=color.rich_color)
    return out


def style_color(app: App, name: str) -> str:
    """The colour of style ``name`` in ``app``'s theme, for a TCSS variable (``#rrggbb``)."""
    color = resolve(app.current_theme, {name: STYLES[name]})[name].color
    if color is None:
        return "ansi_default"
    return color.name if color.name.startswith("#") else f"ansi_{color.name}"  # ANSI themes


def footer_key_color(theme: Theme) -> str:
    """The footer's key colour, made readable on the footer (``#rrggbb``, or the theme's own)."""
    variables = theme_variables(theme)
    key = parse(variables.get("footer-key-foreground"))
    backgrounds = [c for c in (parse(variables.get(n)) for n in ("footer-key-background", "footer-background", "panel"))
                   if c is not None and c.ansi is None and c.a > 0]
    if key is None or key.ansi is not None or not backgrounds:
        return variables.get("footer-key-foreground") or "ansi_default"
    return readable(key, backgrounds[:1], theme.dark, TEXT_CONTRAST).hex


def install_text_styles(app: App) -> None:
    """Register the ``tip.*`` names on ``app``'s console, now and on every theme change."""
    _push(app)
    app.theme_changed_signal.subscribe(app, lambda _theme: _push(app))


_installed: weakref.WeakSet[Console] = weakref.WeakSet()  # consoles with our theme on top


def _push(app: App) -> None:
    console = app.console
    if console in _installed:
        console.pop_theme()
    console.push_theme(RichTheme(resolve(app.current_theme), inherit=True))
    first = console not in _installed
    _installed.add(console)
    if not first and app.is_running:
        # Widgets cache their rendered lines (the tree, option lists): Textual may have
        # cleared them for the new theme before these names changed, so clear them again.
        app.refresh_css(animate=False)


__all__ = ["STYLES", "TextStyle", "install_text_styles", "resolve", "theme_backgrounds"]

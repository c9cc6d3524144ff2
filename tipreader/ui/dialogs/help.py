"""F1 (and ``?`` in the reader and the library) help: every key of the screen shown, grouped, generated from the
bindings themselves; on the library screen the search syntax too."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.keys import format_key
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

# Binding id → group: the second word of the id (``reader.jump.next-question`` → jump).
GROUPS = {
    "move": "Moving",
    "jump": "Jumping",
    "find": "Finding",
    "view": "Views",
    "app": "App",
    "tree": "Section tree",
    "entities": "Entities",
}

LEGEND = (
    ("⚠", "the parser noticed a line of the cable was lost here"),
    ("┃ Q 2·C", "a question of the questionnaire (part 2, question C)"),
    ("│ Post response", "the post's answer to the question above it"),
    ("│ Answer", "the answer to an interview's or press guidance's Q: (the cable labels both)"),
)


def _keys(binding: Binding, keymap: dict[str, str] | None = None) -> str:
    """The keys of ``binding`` as a reader types them (``]``, ``ctrl+b``, ``PgDn``), after any remapping."""
    keys = (keymap or {}).get(binding.id or "", binding.key)
    names = []
    for key in keys.split(","):
        key = key.strip()
        special = {"space": "space", "pagedown": "PgDn", "pageup": "PgUp", "home": "Home", "end": "End", "escape": "Esc",
                   "up": "↑", "down": "↓", "left": "←", "right": "→", "tab": "Tab", "f1": "F1"}
        if key in special:
            names.append(special[key])
            continue
        *mods, last = key.split("+")
        names.append("+".join(mods + [format_key(last)]))
    return " ".join(names)


def entity_legend(app) -> list[tuple[Text, str]]:
    """Each entity type as the reader colours it in ``app``'s theme, with what it covers."""
    from tipreader.ui.entity_view import TYPE_NAMES
    from tipreader.ui.settings import ENTITY_TYPES, entity_style

    examples = {
        "PERSON": "Felipe Calderon", "ORG": "National Migration Institute", "ACRONYM": "INM",
        "LOCATION": "Tijuana", "DATE": "July 30, 2007", "MONEY": "$7 million", "PERCENT": "40 percent",
        "PHONE": "+52 55 5080 2000", "CABLE_REF": "07 STATE 150188", "LAW": "E.O. 12958",
    }
    return [(Text(examples.get(t, t), style=entity_style(app, t)), TYPE_NAMES.get(t, t)) for t in ENTITY_TYPES]


def help_table(*binding_lists: list[BindingType], keymap: dict[str, str] | None = None,
               legend: list[tuple[Text, str]] | None = None) -> Table:
    """A table of every binding with an id, grouped and in the order given; ``legend`` adds the
    entity colours (:func:`entity_legend`)."""
    groups: dict[str, list[Binding]] = {}
    for bindings in binding_lists:
        for b in bindings:
            if isinstance(b, Binding) and b.id:
                group = b.id.split(".")[1] if b.id.count(".") >= 2 else b.id.split(".")[0]
                groups.setdefault(GROUPS.get(group, group.title()), []).append(b)
    table = Table.grid(padding=(0, 2))
    table.add_column(justify="right", style="tip.letter", no_wrap=True)
    table.add_column()
    for group, items in groups.items():
        table.add_row(Text(""), Text(group, style="bold underline"))
        for b in items:
            table.add_row(Text(_keys(b, keymap)), Text(b.tooltip or b.description))
    table.add_row(Text(""), Text("Marks", style="bold underline"))
    for mark, meaning in LEGEND:
        table.add_row(Text(mark), Text(meaning))
    if legend:
        table.add_row(Text(""), Text("Entity colours (e turns them on or off; hover an acronym for its meaning)",
                                     style="bold underline"))
        for sample, meaning in legend:
            table.add_row(sample, Text(meaning))
    return table


QUERY_SYNTAX = (
    ("trafficked", "any form of the word (trafficking, traffickers); case and accents ignored"),
    ("traff", "while typing: the last word matches as a prefix until a space follows"),
    ('"forced labor"', "the exact phrase"),
    ("traffic*", "words starting so"),
    ("visa AND asylum, visa OR asylum, NOT visa, -visa, ( )", "boolean logic; words side by side mean AND"),
    ("id:08MEXICO721, 08MEXICO721", "one cable (the id alone ranks it first; WikiLeaks' malformed ids work too)"),
    ('origin:mexico, origin:"Embassy Mexico"', "by origin"),
    ("tag:KTIP, class:secret, subject:visa", "by TAGS, classification, subject words"),
    ("date:2008, date:2008-01..2008-06", "by year, month or range"),
    ('entity:INM, person:calderon, org:"national migration institute", place:tijuana', "by the entities found"),
    ("bookmarked:yes, note:words", "cables you bookmarked; words of your notes"),
)


def query_table() -> Table:
    """The library's query syntax, one row per form."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=False, ratio=2)
    table.add_column(ratio=3)
    table.add_row(Text("Search syntax", style="bold underline"), Text(""))
    for query, meaning in QUERY_SYNTAX:
        table.add_row(Text(query), Text(meaning))
    table.add_row(Text(""), Text("Filters alone (tag:KTIP date:2009) list the newest first.", style="tip.muted"))
    table.add_row(Text("¶7 / ¶·7", style="bold"), Text("in a hit: the cable's paragraph 7 / the 7th block of a part the cable "
                                                       "does not number (the reader opens there)"))
    return table


class HelpDialog(ModalScreen[None]):
    """Shows the keys (and the search syntax); Esc, q, ? or F1 closes it; j/k/space/b scroll it."""

    BINDINGS = [
        Binding("escape,q,question_mark,f1", "close", "Close", id="help.close", tooltip="Close the help"),
        Binding("j,down", "scroll(1)", "Down", show=False, id="help.down", tooltip="Scroll down"),
        Binding("k,up", "scroll(-1)", "Up", show=False, id="help.up", tooltip="Scroll up"),
        Binding("space,pagedown,ctrl+f", "page(1)", "Page down", show=False, id="help.page-down", tooltip="Page down"),
        Binding("b,pageup,ctrl+b", "page(-1)", "Page up", show=False, id="help.page-up", tooltip="Page up"),
        Binding("g,home", "edge(0)", "Top", show=False, id="help.top", tooltip="Top"),
        Binding("G,end", "edge(1)", "Bottom", show=False, id="help.bottom", tooltip="Bottom"),
    ]

    def __init__(self, *binding_lists: list[BindingType], syntax: bool = False, title: str = "Keys") -> None:
        super().__init__()
        self.binding_lists = binding_lists
        self.syntax = syntax
        self.heading = title

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(Text(self.heading, style="bold"), id="help-title")
            if self.syntax:
                yield Static(query_table(), id="help-syntax")
            if self.binding_lists:
                keymap = dict(getattr(self.app, "_keymap", {}) or {})
                legend = entity_legend(self.app) if any(
                    isinstance(b, Binding) and (b.id or "").startswith("reader.") for bl in self.binding_lists for b in bl
                ) else None
                yield Static(help_table(*self.binding_lists, keymap=keymap, legend=legend), id="help-table")

    @property
    def box(self) -> VerticalScroll:
        """The scrolling box."""
        return self.query_one("#help-box", VerticalScroll)

    def action_scroll(self, delta: int) -> None:
        """Scroll ``delta`` lines."""
        self.box.scroll_to(y=self.box.scroll_y + delta, animate=False)

    def action_page(self, direction: int) -> None:
        """Scroll a page."""
        self.box.scroll_to(y=self.box.scroll_y + direction * max(1, self.box.size.height - 2), animate=False)

    def action_edge(self, bottom: int) -> None:
        """Top or bottom."""
        self.box.scroll_to(y=self.box.max_scroll_y if bottom else 0, animate=False)

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)


def screen_bindings(screen: Screen[object]) -> list[list[BindingType]]:
    """The binding lists to explain for ``screen``: its own, then each kind of widget in it (first seen first)."""
    lists: list[list[BindingType]] = [list(screen.BINDINGS)]
    seen: set[type] = set()
    for widget in screen.query("*"):
        kind = type(widget)
        if kind not in seen:
            seen.add(kind)
            own: list[BindingType] = [b for b in kind.BINDINGS if isinstance(b, Binding) and b.id]
            if own:
                lists.append(own)
    return lists


def show_help(app: App[Any], syntax_only: bool = False) -> None:
    """The help for the screen shown (F1 from anywhere): its keys, the app's, and on the library
    screen the search syntax. ``syntax_only``: the search syntax alone."""
    from tipreader.ui.screens.library import LibraryScreen

    screen = app.screen
    if isinstance(screen, HelpDialog):
        return
    if syntax_only:
        app.push_screen(HelpDialog(syntax=True, title="Search syntax"))
        return
    lists = [*screen_bindings(screen), list(app.BINDINGS)]
    app.push_screen(HelpDialog(*lists, syntax=isinstance(screen, LibraryScreen)))

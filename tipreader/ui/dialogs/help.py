"""`?`/F1 help: every key of the reader, grouped, generated from the bindings themselves."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.keys import format_key
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
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
    table.add_column(justify="right", style="bold #d7a64a", no_wrap=True)
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


class HelpDialog(ModalScreen[None]):
    """Shows the keys; any of Esc, q, ? or F1 closes it."""

    BINDINGS = [
        Binding("escape,q,question_mark,f1", "close", "Close", id="help.close", tooltip="Close the help"),
    ]

    def __init__(self, *binding_lists: list[BindingType]) -> None:
        super().__init__()
        self.binding_lists = binding_lists

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(Text("Keys", style="bold"), id="help-title")
            keymap = dict(getattr(self.app, "_keymap", {}) or {})
            yield Static(help_table(*self.binding_lists, keymap=keymap, legend=entity_legend(self.app)), id="help-table")

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)

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


def help_table(*binding_lists: list[BindingType], keymap: dict[str, str] | None = None) -> Table:
    """A table of every binding with an id, grouped and in the order given."""
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
            yield Static(help_table(*self.binding_lists, keymap=keymap), id="help-table")

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)

"""The references dialog: a cable's REF items, cables cited in its text, the cables citing it, and
the cable's references to its own questions (``see 24B above``)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tipreader.ui.text import clean


class ReferencesDialog(ModalScreen[str | None]):
    """Lists ``rows`` of (ref_id, what it is, in the library); dismisses with the chosen ref_id.

    ``local`` are rows of (key, what) for places in this cable (its questions); choosing one
    dismisses with its key."""

    DEFAULT_CSS = """
    ReferencesDialog { align: center middle; }
    ReferencesDialog > Vertical { width: 90; max-width: 95%; height: auto; max-height: 80%;
        border: round $accent; background: $surface; padding: 0 1; }
    ReferencesDialog OptionList { height: auto; max-height: 24; }
    """
    BINDINGS = [
        Binding("escape,q", "dismiss(None)", "Close", id="references.close", tooltip="Close without opening"),
    ]

    def __init__(self, ref_id: str, rows: list[tuple[str, str, bool]], local: Sequence[tuple[str, str]] = ()) -> None:
        super().__init__()
        self.ref_id = ref_id
        self.rows = [*((key, what, True) for key, what in local), *rows]
        self.local = len(local)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(f"References of {clean(self.ref_id, newlines=False)} — Enter opens one", style="bold"))
            options = []
            for i, (ref, what, present) in enumerate(self.rows):
                line = Text()
                line.append(f"{clean(ref, newlines=False) or '(unresolved)':<16} ", style="bold" if present else "tip.muted")
                line.append(clean(what, newlines=False)[:60])
                if i < self.local:
                    line.append("  in this cable", style="tip.muted")
                else:
                    line.append("  ✓ in library" if present else "  not in library", style="tip.ok" if present else "tip.muted-italic")
                options.append(Option(line, id=str(i), disabled=not present))
            if not options:
                options = [Option(Text("No references, and no cable in the library cites this one.", style="tip.muted"),
                                  disabled=True)]
            yield OptionList(*options, id="references-list")

    def on_mount(self) -> None:
        """Focus the list."""
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected, "#references-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(self.rows[int(event.option.id)][0])

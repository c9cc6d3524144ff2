"""The filter panel: origin, year, TAGS and classification with their counts.

Choosing an entry posts :class:`FilterPanel.Toggled` with a query-language term
(``origin:"Embassy Manama"``, ``date:2008``, ``tag:KCRM``, ``class:CONFIDENTIAL``);
the library screen adds it to the search box (or takes it out), so filters and
typed queries are one and the same thing.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tipreader.library.query_facets import term_for
from tipreader.ui.text import clean

GROUPS = (("origin", "Origin"), ("year", "Year"), ("tag", "TAGS"), ("classification", "Classification"))
__all__ = ["FilterPanel", "GROUPS", "term_for"]


class FilterPanel(OptionList):
    """Facet counts as a list; Enter on an entry toggles its term in the query."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="library.filters.down", tooltip="Next filter"),
        Binding("k", "cursor_up", "Up", show=False, id="library.filters.up", tooltip="Previous filter"),
    ]

    class Toggled(Message):
        """Add ``term`` to the query, or take it out when it is there."""

        def __init__(self, term: str) -> None:
            super().__init__()
            self.term = term

    def __init__(self, *, id: str | None = None, per_group: int = 12) -> None:
        super().__init__(id=id)
        self.per_group = per_group
        self.terms: dict[str, str] = {}

    def set_facets(self, facets: dict[str, list[tuple[str, int]]], active: str = "") -> None:
        """Show ``facets`` (from ``Library.facets``); entries whose term is in ``active`` are marked."""
        highlighted = self.highlighted
        self.clear_options()
        self.terms = {}
        options: list[Option] = []
        for group, title in GROUPS:
            entries = facets.get(group) or []
            if not entries:
                continue
            options.append(Option(Text(title, style="tip.field"), disabled=True))
            for value, count in entries[: self.per_group]:
                term = term_for(group, str(value))
                key = f"{group}:{len(self.terms)}"
                self.terms[key] = term
                on = term in active
                line = Text("● " if on else "  ", style="tip.ok-mark" if on else "")
                line.append(clean(str(value), newlines=False)[:22], style="bold" if on else "")
                line.append(f" {count:,}", style="tip.muted")
                options.append(Option(line, id=key))
        if not options:
            options.append(Option(Text("No filters: the library is empty.", style="tip.muted-italic"), disabled=True))
        self.add_options(options)
        if highlighted is not None and highlighted < self.option_count:
            self.highlighted = highlighted

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Post the chosen entry's term."""
        event.stop()
        if event.option.id in self.terms:
            self.post_message(self.Toggled(self.terms[event.option.id]))

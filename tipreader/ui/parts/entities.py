"""Entities in the reader: colours, ``e`` to toggle them, tooltips, the Entities tab, expansions.

Nothing here delays the first paint: the entities are computed in a thread worker once
the cable is shown (a few ms for a typical cable, ~0.1 s for the largest), then the text
is restyled in place (same layout, same scroll, same find match). Expansions of acronyms
the cable leaves undefined are then looked up in other cables of the library (another
worker), falling back to the usual meaning from the bundled list.

What the status line shows after the position (:meth:`EntitiesPart.status_detail`), first
that applies: the mention under the mouse; the entry under the cursor of the Entities tab
while it has the focus; the current find match when it is a mention (after choosing an
entity, ``n``/``N``); else the acronyms of the paragraph at the reading position.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.widgets import TabPane
from textual.worker import Worker, get_current_worker

from tipreader.cable.entities import cable_entities
from tipreader.cable.model import Cable, Entity
from tipreader.ui.document import Block
from tipreader.ui.entity_view import EntityIndex, MentionFinder, annotate_blocks, entity_key, learn_expansions
from tipreader.ui.gc_tuning import freeze_long_lived
from tipreader.ui.parts.base import ReaderPart, part_binding
from tipreader.ui.widgets.entity_panel import EntityPanel

if TYPE_CHECKING:
    from tipreader.library import Library

ENTITIES_TAB = "entities-tab"


class _Stopped(Exception):
    """The entity extraction of a cable the reader left is stopped."""


class EntitiesPart(ReaderPart):
    """The reader's entity highlighting, tooltips, Entities tab and expansions."""

    name = "entities"
    BINDINGS = [
        part_binding("entities", "e", "toggle", "Entities", id="reader.entities.toggle",
                     tooltip="Colour the entities (people, organisations, acronyms, places, dates ...) or not"),
        part_binding("entities", "E", "tab", "Entity list", show=False, id="reader.entities.list",
                     tooltip="Show the Entities tab beside the text (again: back to the sections)"),
    ]

    index: EntityIndex | None = None
    _on: bool | None = None
    _learn_started = False
    _workers: tuple[Worker[None], ...] = ()  # this cable's, stopped when the reader leaves it

    # ---- hooks ------------------------------------------------------------------------
    def sidebar(self) -> Iterable[TabPane]:
        """The Entities tab."""
        yield TabPane("Entities", EntityPanel(id="entities"), id=ENTITIES_TAB)

    @property
    def on(self) -> bool:
        """Whether entities are coloured: the last ``e`` in this session, else ``config.entities``."""
        if self._on is None:
            services = self.reader.services
            remembered = services.entities_highlight
            config = services.config
            self._on = bool(remembered if remembered is not None else (config.entities if config else True))
        return self._on

    def decorate(self, blocks: list[Block]) -> list[Block]:
        """Blocks with the entity mentions placed (for tooltips, finding) and, when on, coloured."""
        from tipreader.ui.settings import entity_style

        app = self.reader.app
        style = (lambda kind: entity_style(app, kind)) if self.on else None
        return annotate_blocks(blocks, self.reader.cable, self.index, style)

    def shown(self) -> None:
        """Start computing the entities (in a thread) once the cable is on screen."""
        if self.index is None:
            cable = self.reader.cable
            self._workers += (self.reader.run_worker(lambda: self._compute(cable), thread=True, exclusive=True,
                                                     group="entities", exit_on_error=False, name="entities"),)

    def reset_widgets(self) -> None:
        """Another cable: the Entities tab says its entities are being found."""
        self.panel.looking()

    def leaving(self) -> None:
        """Stop this cable's workers: the extraction of a long cable would otherwise go on taking
        the processor from the next cable's first paint, or from the library's typing."""
        for worker in self._workers:
            worker.cancel()

    def library_changed(self) -> None:
        """The library is open: the undefined acronyms may be learnt from it."""
        self.learn_expansions()

    def status_detail(self) -> str:
        """The entity part of the status line (see the module's docstring for the rule)."""
        index = self.index
        if index is None:
            return ""
        view = self.reader.text_view
        hovered = view.hovered
        if isinstance(hovered, Entity):
            return index.describe(hovered)
        focused = self.reader.focused
        if isinstance(focused, EntityPanel) and focused.cursor_node is not None and focused.cursor_node.data:
            group = focused.cursor_node.data
            finder = view.pattern
            if not (isinstance(finder, MentionFinder) and finder.group == group and view.matches):
                mentions = index.groups.get(group)
                return index.describe(mentions[0]) if mentions else ""
        if view.matches and 0 <= view.current < len(view.matches):
            match = view.matches[view.current]
            for start, end, ent in view.blocks[match.block].spans:
                if start <= match.start < end and isinstance(ent, Entity):
                    where = f"{view.current + 1}/{len(view.matches)}"
                    if isinstance(view.pattern, MentionFinder) and entity_key(ent) == view.pattern.group:
                        return f"{index.describe(ent)} · {where}"
                    if ent.type == "ACRONYM":
                        return index.describe(ent)
        seen: dict[str, str] = {}
        for ent in index.by_para.get(self.reader.here(), ()):
            if ent.type == "ACRONYM":
                k = entity_key(ent)[1]
                if k not in seen:
                    exp = index.expansion(k)
                    seen[k] = f"{k} {exp.shown()}" if exp else k
        return " · ".join(seen.values())

    # ---- computing ----------------------------------------------------------------------
    def _compute(self, cable: Cable) -> None:
        """In a thread: the cable's entities (stored with it, or extracted now; stopped between
        paragraphs once the worker is cancelled)."""
        worker = get_current_worker()

        def checkpoint() -> None:  # before each paragraph
            if worker.is_cancelled:
                raise _Stopped
            time.sleep(0)  # lets the UI's thread take the GIL now, not at the next 5 ms switch

        try:
            ents = list(cable.entities) if cable.entities else cable_entities(cable, checkpoint)
        except _Stopped:
            return
        index = EntityIndex(ents)
        if not worker.is_cancelled:
            self.reader.app.call_from_thread(self._ready, index)

    def _ready(self, index: EntityIndex) -> None:
        if not self.live:
            return
        self.index = index
        self.restyle()
        self._fill_panel()
        self.reader.update_status()
        self.learn_expansions()
        # the first extraction loaded the gazetteer and the name lists: they stay, out of the collector's way
        self.reader.app.set_timer(0.5, lambda: freeze_long_lived("entities"))

    def restyle(self) -> None:
        """Lay the same text out again with the current entities and colours (nothing moves)."""
        self.reader.refresh_text(restyle=True)

    def learn_expansions(self) -> None:
        """Look the undefined acronyms up in other cables of the library (once the library is open)."""
        index = self.index
        if index is None or self._learn_started or not index.undefined():
            return
        library = self.reader.services.library
        if library is None:
            return
        self._learn_started = True
        acronyms, ref_id = index.undefined(), self.reader.cable.ref_id
        self._workers += (self.reader.run_worker(lambda: self._learn(library, acronyms, ref_id), thread=True, exclusive=True,
                                                 group="entities-learn", exit_on_error=False,
                                                 name="acronym expansions"),)

    def _learn(self, library: Library, acronyms: list[str], ref_id: str) -> None:
        worker = get_current_worker()
        learnt = learn_expansions(library, acronyms, exclude=ref_id,
                                  cancelled=lambda: worker.is_cancelled)
        if not worker.is_cancelled:
            self.reader.app.call_from_thread(self._learnt, learnt)

    def _learnt(self, learnt: dict[str, str | None]) -> None:
        if not self.live or self.index is None:
            return
        self.index.learnt.update(learnt)
        self.panel.relabel_acronyms()
        self.reader.update_status()

    # ---- the Entities tab ------------------------------------------------------------------
    @property
    def panel(self) -> EntityPanel:
        """The Entities tab's tree."""
        return self.reader.query_one(EntityPanel)

    def _fill_panel(self) -> None:
        from tipreader.ui.settings import entity_style

        if self.index is not None:
            app = self.reader.app
            self.panel.show(self.index, lambda kind: entity_style(app, kind))

    def show_mentions(self, group: tuple[str, str], focus: bool = True) -> bool:
        """Put the first mention of ``group`` at the top, with every mention found; False when none is shown."""
        index = self.index
        if index is None or group not in index.groups:
            return False
        reader = self.reader
        view = reader.text_view
        if not view.find_with(MentionFinder(group)):
            first = index.groups[group][0].paragraph
            if reader.find.filter_query:
                reader.jump_to(first, focus=focus)  # clears the filter hiding it
                view.find_with(MentionFinder(group))
            if not view.matches:
                reader.notify("Its mentions are not shown in this view.", markup=False)
                return False
        match = view.matches[0]
        if match.para is not None:
            reader.jump_to(match.para, focus=focus)
        view.goto_match(0)
        reader.find.show_count("")
        reader.update_status()
        return True

    # ---- actions --------------------------------------------------------------------------
    def action_tab(self) -> None:
        """Show the Entities tab (or, when it shows, the sections) and focus it."""
        if self.reader.show_sidebar_tab(ENTITIES_TAB):
            self.panel.focus()
        else:
            self.reader.show_sections()

    def action_toggle(self) -> None:
        """Colour the entities, or stop colouring them (for the rest of the session)."""
        self._on = not self.on
        self.reader.services.entities_highlight = self._on
        self.restyle()
        if self.index is None:
            state = "on (still finding them)" if self._on else "off"
        else:
            state = "on" if self._on else "off"
        self.reader.notify(f"Entity colours {state}", markup=False, timeout=2)

    def hover_changed(self, item: object | None) -> None:
        """A mention under the mouse: its description as the text's tooltip and in the status line."""
        index = self.index
        self.reader.text_view.tooltip = index.describe(item) if isinstance(item, Entity) and index is not None else None
        self.reader.update_status()

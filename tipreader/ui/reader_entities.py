"""Entities in the reader: colours, ``e`` to toggle them, tooltips, the Entities tab, expansions.

A mixin for :class:`~tipreader.ui.screens.reader.ReaderScreen` (``class ReaderScreen(ReaderEntities,
ReaderBookmarks, Screen)``). What it needs from its screen: ``cable``, ``source``,
``text_view``, ``_blocks()`` passing through :meth:`decorate`, ``jump_to(para)``,
``_here()`` and ``_update_status()`` calling :meth:`entity_detail`.

Nothing here delays the first paint: the entities are computed in a thread worker once
the screen is up (a few ms for a typical cable, ~0.1 s for the largest), then the text
is restyled in place (same layout, same scroll, same find match). Expansions of
acronyms the cable leaves undefined are then looked up in other cables of the library
(another worker), falling back to the usual meaning from the bundled list.

What the status line shows after the position (:meth:`entity_detail`), first that applies:
the mention under the mouse; the entry under the cursor of the Entities tab while it has
the focus; the current find match when it is a mention (after choosing an entity, ``n``/``N``);
else the acronyms of the paragraph at the reading position with their expansions.
"""

from __future__ import annotations

import logging

from textual import work
from textual.binding import Binding
from textual.widgets import TabbedContent

from tipreader.cable.entities import cable_entities
from tipreader.ui.gc_tuning import freeze_long_lived
from tipreader.cable.model import Entity
from tipreader.ui.entity_view import EntityIndex, MentionFinder, annotate_blocks, entity_key, learn_expansions

_log = logging.getLogger(__name__)

ENTITY_BINDINGS = [
    Binding("e", "toggle_entities", "Entities", id="reader.entities.toggle",
            tooltip="Colour the entities (people, organisations, acronyms, places, dates ...) or not"),
    Binding("E", "entities_tab", "Entity list", show=False, id="reader.entities.list",
            tooltip="Show the Entities tab beside the text (again: back to the sections)"),
]
SIDEBAR = "sidebar"
SECTIONS_TAB = "sections-tab"
ENTITIES_TAB = "entities-tab"


class ReaderEntities:
    """The reader's entity highlighting, tooltips, Entities tab and expansions."""

    entity_index: EntityIndex | None = None
    _entities_on: bool | None = None
    _learn_started = False

    # ---- state ---------------------------------------------------------------------------
    @property
    def entities_on(self) -> bool:
        """Whether entities are coloured: the last ``e`` in this session, else ``config.entities``."""
        if self._entities_on is None:
            remembered = getattr(self.app, "entities_highlight", None)  # type: ignore[attr-defined]
            config = getattr(self.app, "config", None)  # type: ignore[attr-defined]
            self._entities_on = bool(remembered if remembered is not None else getattr(config, "entities", True))
        return self._entities_on

    def decorate(self, blocks: list) -> list:
        """Blocks with the entity mentions placed (for tooltips, finding) and, when on, coloured."""
        from tipreader.ui.settings import entity_style

        blocks = super().decorate(blocks)  # type: ignore[misc]
        style = (lambda kind: entity_style(self.app, kind)) if self.entities_on else None  # type: ignore[attr-defined]
        return annotate_blocks(blocks, self.cable, self.entity_index, style)  # type: ignore[attr-defined]

    def _restyle(self) -> None:
        """Lay the same text out again with the current entities and colours (nothing moves)."""
        only = self._filter_set(self.filter_query) if self.filter_query else None  # type: ignore[attr-defined]
        self.text_view.restyle(self._blocks(only))  # type: ignore[attr-defined]

    # ---- computing ---------------------------------------------------------------------------
    def on_mount(self) -> None:
        """Start computing the entities once the screen has been painted."""
        self.call_after_refresh(self._start_entities)  # type: ignore[attr-defined]

    def _start_entities(self) -> None:
        if self.entity_index is None:
            self._compute_entities()

    @work(thread=True, exclusive=True, group="entities")
    def _compute_entities(self) -> None:
        cable = self.cable  # type: ignore[attr-defined]
        try:
            ents = list(cable.entities) if cable.entities else cable_entities(cable)
        except Exception as err:  # an extraction bug must not cost the reading
            self.app.call_from_thread(self.notify, f"Entities: {type(err).__name__}: {err}",  # type: ignore[attr-defined]
                                      severity="error", markup=False)
            ents = []
        index = EntityIndex(ents)
        try:
            self.app.call_from_thread(self._entities_ready, index)  # type: ignore[attr-defined]
        except Exception:  # the app is closing
            _log.debug("ignored", exc_info=True)

    def _entities_ready(self, index: EntityIndex) -> None:
        if not self.is_mounted:  # type: ignore[attr-defined]
            return
        self.entity_index = index
        self._restyle()
        self._fill_panel()
        self._update_status()  # type: ignore[attr-defined]
        self.learn_expansions()
        # the first extraction loaded the gazetteer and the name lists: they stay, out of the collector's
        # way (an app timer: the reader may be closed by then)
        self.app.set_timer(0.5, lambda: freeze_long_lived("entities"))  # type: ignore[attr-defined]

    def learn_expansions(self) -> None:
        """Look the undefined acronyms up in other cables of the library (once the library is open)."""
        index = self.entity_index
        library = getattr(self.source, "library", None) or getattr(self.app, "library", None)  # type: ignore[attr-defined]
        if index is None or library is None or self._learn_started or not index.undefined():
            return
        self._learn_started = True
        self._learn(library, index.undefined())

    @work(thread=True, exclusive=True, group="entities-learn")
    def _learn(self, library: object, acronyms: list[str]) -> None:
        from textual.worker import get_current_worker

        worker = get_current_worker()
        learnt = learn_expansions(library, acronyms, exclude=self.cable.ref_id,  # type: ignore[attr-defined]
                                  cancelled=lambda: worker.is_cancelled)
        if not worker.is_cancelled:
            try:
                self.app.call_from_thread(self._learnt, learnt)  # type: ignore[attr-defined]
            except Exception:
                _log.debug("ignored", exc_info=True)

    def _learnt(self, learnt: dict[str, str | None]) -> None:
        if not self.is_mounted or self.entity_index is None:  # type: ignore[attr-defined]
            return
        self.entity_index.learnt.update(learnt)
        self._panel().relabel_acronyms()
        self._update_status()  # type: ignore[attr-defined]

    # ---- the Entities tab ----------------------------------------------------------------------
    def _panel(self):
        from tipreader.ui.widgets.entity_panel import EntityPanel

        return self.query_one(EntityPanel)  # type: ignore[attr-defined]

    def _fill_panel(self) -> None:
        from tipreader.ui.settings import entity_style

        if self.entity_index is not None:
            self._panel().show(self.entity_index, lambda kind: entity_style(self.app, kind))  # type: ignore[attr-defined]

    def on_entity_panel_chosen(self, event) -> None:
        """Jump to the chosen entity's first mention; its mentions become the find matches (``n``/``N``)."""
        self.show_mentions(event.group, focus=False)

    def show_mentions(self, group: tuple[str, str], focus: bool = True) -> bool:
        """Put the first mention of ``group`` at the top, with every mention found; False when none is shown."""
        index = self.entity_index
        if index is None or group not in index.groups:
            return False
        view = self.text_view  # type: ignore[attr-defined]
        if not view.find_with(MentionFinder(group)):
            first = index.groups[group][0].paragraph
            if self.filter_query:  # type: ignore[attr-defined]
                self.jump_to(first, focus=focus)  # type: ignore[attr-defined]  # clears the filter hiding it
                view.find_with(MentionFinder(group))
            if not view.matches:
                self.notify("Its mentions are not shown in this view.", markup=False)  # type: ignore[attr-defined]
                return False
        first = view.matches[0]
        if first.para is not None:
            self.jump_to(first.para, focus=focus)  # type: ignore[attr-defined]
        view.goto_match(0)
        self._show_count("")  # type: ignore[attr-defined]
        self._update_status()  # type: ignore[attr-defined]
        return True

    def on_tree_node_highlighted(self, event) -> None:
        """The Entities tab's cursor moved: the status line describes its entry."""
        from tipreader.ui.widgets.entity_panel import EntityPanel

        if isinstance(event.control, EntityPanel):
            self._update_status()  # type: ignore[attr-defined]

    def action_entities_tab(self) -> None:
        """Show the Entities tab (or, when it shows, the sections) and focus it."""
        from tipreader.ui.widgets.section_tree import SectionTree

        tabs = self.query_one(f"#{SIDEBAR}", TabbedContent)  # type: ignore[attr-defined]
        if not tabs.display:
            self.action_toggle_tree()  # type: ignore[attr-defined]
        if tabs.active == ENTITIES_TAB:
            tabs.active = SECTIONS_TAB
            self.query_one(SectionTree).focus()  # type: ignore[attr-defined]
        else:
            tabs.active = ENTITIES_TAB
            self._panel().focus()

    # ---- highlighting and hover ----------------------------------------------------------------
    def action_toggle_entities(self) -> None:
        """Colour the entities, or stop colouring them (for the rest of the session)."""
        self._entities_on = not self.entities_on
        self.app.entities_highlight = self._entities_on  # type: ignore[attr-defined]
        self._restyle()
        if self.entity_index is None:
            state = "on (still finding them)" if self._entities_on else "off"
        else:
            state = "on" if self._entities_on else "off"
        self.notify(f"Entity colours {state}", markup=False, timeout=2)  # type: ignore[attr-defined]

    def on_cable_view_hover_changed(self, event) -> None:
        """A mention under the mouse: its description as the text's tooltip and in the status line."""
        item = event.item
        index = self.entity_index
        event.view.tooltip = index.describe(item) if isinstance(item, Entity) and index is not None else None
        self._update_status()  # type: ignore[attr-defined]

    # ---- the status line ---------------------------------------------------------------------
    def entity_detail(self) -> str:
        """The entity part of the status line (see the module's docstring for the rule)."""
        from tipreader.ui.widgets.entity_panel import EntityPanel

        index = self.entity_index
        if index is None:
            return ""
        view = self.text_view  # type: ignore[attr-defined]
        hovered = view.hovered
        if isinstance(hovered, Entity):
            return index.describe(hovered)
        focused = self.focused  # type: ignore[attr-defined]
        if isinstance(focused, EntityPanel) and focused.cursor_node is not None and focused.cursor_node.data:
            group = focused.cursor_node.data
            finder = view.pattern
            if not (isinstance(finder, MentionFinder) and finder.group == group and view.matches):
                mentions = index.groups.get(group)
                return index.describe(mentions[0]) if mentions else ""
        if view.matches and 0 <= view.current < len(view.matches):
            match = view.matches[view.current]
            for start, end, ent in view.blocks[match.block].spans:
                if start <= match.start < end:
                    where = f"{view.current + 1}/{len(view.matches)}"
                    if isinstance(view.pattern, MentionFinder) and entity_key(ent) == view.pattern.group:
                        return f"{index.describe(ent)} · {where}"
                    if ent.type == "ACRONYM":
                        return index.describe(ent)
        here = self._here()  # type: ignore[attr-defined]
        seen: dict[str, str] = {}
        for ent in index.by_para.get(here, ()):
            if ent.type == "ACRONYM":
                k = entity_key(ent)[1]
                if k not in seen:
                    exp = index.expansion(k)
                    seen[k] = f"{k} {exp.shown()}" if exp else k
        return " · ".join(seen.values())

"""The Entities tab: a cable's entities by type with counts; the acronyms as a glossary.

Each leaf's data is the entity group it stands for (``("ACRONYM", "INM")``); choosing
one posts :class:`EntityPanel.Chosen`. Until the entities are computed (in a worker,
after the first paint) the panel says it is looking.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from tipreader.ui.entity_view import TYPE_NAMES, EntityIndex, EntityKey
from tipreader.ui.text import clean
from tipreader.ui.widgets.tree_folding import FoldingTree


class EntityPanel(FoldingTree[EntityKey | None]):
    """Entities by type (most mentioned first); Enter on one posts :class:`Chosen`."""

    BINDINGS = [
        Binding("h,left", "collapse", "Collapse", show=False, id="entities.collapse", tooltip="Collapse the type in the entity list"),
        Binding("l,right", "expand", "Expand", show=False, id="entities.expand", tooltip="Expand the type in the entity list"),
        Binding("j", "cursor_down", "Down", show=False, id="entities.down", tooltip="Next entry in the entity list"),
        Binding("k", "cursor_up", "Up", show=False, id="entities.up", tooltip="Previous entry in the entity list"),
    ]

    class Chosen(Message):
        """An entity group was chosen (Enter or a click): jump to its first mention."""

        def __init__(self, panel: EntityPanel, group: EntityKey) -> None:
            super().__init__()
            self.panel = panel
            self.group = group

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Text("Entities"), data=None, id=id)
        self.show_root = False
        self.auto_expand = False
        self.index: EntityIndex | None = None
        self._style: Callable[[str], Style] | None = None
        self.root.add_leaf(Text("Finding entities…", style="tip.muted-italic"), data=None)

    def looking(self) -> None:
        """Back to "Finding entities…" (another cable is shown; its entities are being computed)."""
        self.index = None
        self.clear()
        self.root.add_leaf(Text("Finding entities…", style="tip.muted-italic"), data=None)
        self.scroll_to(0, 0, animate=False, immediate=True)

    def on_mount(self) -> None:
        """Recolour the type headings when the theme changes."""
        self.app.theme_changed_signal.subscribe(self, self._recolour)

    def _recolour(self, _theme: object) -> None:
        if self.index is None:
            return
        node = self.cursor_node
        group = node.data if node is not None else None
        self.show(self.index, self._style)
        if group is not None and (leaf := self.node_of(group)) is not None:
            self.call_after_refresh(self.move_cursor, leaf)

    def show(self, index: EntityIndex, style: Callable[[str], Style] | None = None) -> None:
        """List ``index``'s entities (``style`` colours each type's heading like its mentions)."""
        self.index = index
        self._style = style
        self.clear()
        groups = index.by_type()
        if not groups:
            self.root.add_leaf(Text("No entities found in this cable.", style="tip.muted-italic"), data=None)
            return
        for kind, items in groups.items():
            mentions = sum(n for _, n in items)
            head = Text(no_wrap=True, overflow="ellipsis")
            head.append(TYPE_NAMES.get(kind, kind.title()), style=(style(kind) if style else Style()) + Style(bold=True))
            if kind == "ACRONYM":
                head.append(" · glossary", style="tip.muted")
            head.append(f"  {len(items)}", style="tip.muted")
            if mentions != len(items):
                head.append(f" · {mentions} mentions", style="tip.muted")
            node = self.root.add(head, data=None, expand=kind in ("PERSON", "ORG", "ACRONYM"))
            for group, n in items:
                node.add_leaf(self._leaf(index, group, n), data=group)

    def relabel_acronyms(self) -> None:
        """Label the acronyms again (after expansions were learnt from other cables)."""
        if self.index is None:
            return
        for node in self._leaves():
            if node.data is not None and node.data[0] == "ACRONYM":
                node.set_label(self._leaf(self.index, node.data, len(self.index.groups[node.data])))

    def _leaves(self) -> list[TreeNode[EntityKey | None]]:
        return [leaf for head in self.root.children for leaf in head.children]

    @staticmethod
    def _leaf(index: EntityIndex, group: EntityKey, count: int) -> Text:
        label = Text(no_wrap=True, overflow="ellipsis")
        label.append(clean(index.label(group), newlines=False))
        if count > 1:
            label.append(f" ×{count}", style="tip.muted")
        if group[0] == "ACRONYM":
            exp = index.expansion(group[1])
            if exp is None:
                label.append("  not defined", style="tip.muted-italic")
            else:
                label.append("  " + clean(exp.text, newlines=False), style="italic" if exp.source == "cable" else "tip.muted-italic")
                if exp.source != "cable":
                    label.append(f" ({'from other cables' if exp.source == 'library' else 'usual meaning'})", style="tip.muted")
        return label

    def node_of(self, group: EntityKey) -> TreeNode[EntityKey | None] | None:
        """The leaf of ``group``, or None."""
        return next((leaf for leaf in self._leaves() if leaf.data == group), None)

    def on_tree_node_selected(self, event: Tree.NodeSelected) -> None:
        """A leaf chosen: post :class:`Chosen`; a type heading opens or closes."""
        event.stop()
        group = event.node.data
        if group is None:
            if event.node.children:
                event.node.toggle()
            return
        self.post_message(self.Chosen(self, group))

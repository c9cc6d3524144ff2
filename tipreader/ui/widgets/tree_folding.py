"""Left/right folding for the sidebar trees (sections, entities)."""

from __future__ import annotations

from typing import TypeVar

from textual.widgets import Tree

DataT = TypeVar("DataT")


class FoldingTree(Tree[DataT]):
    """A Textual ``Tree`` where ``collapse`` closes the node at the cursor or goes to its parent
    (not to a hidden root) and ``expand`` opens it."""

    def action_collapse(self) -> None:
        """Collapse the node at the cursor, or go to its parent."""
        node = self.cursor_node
        if node is None:
            return
        if node.is_expanded and node.children:
            node.collapse()
        elif node.parent is not None and (self.show_root or node.parent is not self.root):
            self.move_cursor(node.parent)

    def action_expand(self) -> None:
        """Expand the node at the cursor."""
        node = self.cursor_node
        if node is not None and node.children:
            node.expand()

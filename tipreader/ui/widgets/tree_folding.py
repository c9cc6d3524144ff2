"""Left/right folding for the sidebar trees (sections, entities)."""

from __future__ import annotations


class TreeFolding:
    """Mixin for a Textual ``Tree``: ``collapse`` closes the node at the cursor or goes to
    its parent (not to a hidden root); ``expand`` opens it."""

    def action_collapse(self) -> None:
        """Collapse the node at the cursor, or go to its parent."""
        node = self.cursor_node  # type: ignore[attr-defined]
        if node is None:
            return
        if node.is_expanded and node.children:
            node.collapse()
        elif node.parent is not None and (self.show_root or node.parent is not self.root):  # type: ignore[attr-defined]
            self.move_cursor(node.parent)  # type: ignore[attr-defined]

    def action_expand(self) -> None:
        """Expand the node at the cursor."""
        node = self.cursor_node  # type: ignore[attr-defined]
        if node is not None and node.children:
            node.expand()

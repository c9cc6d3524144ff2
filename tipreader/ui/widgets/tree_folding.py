"""Left/right folding for the sidebar trees (sections, entities)."""

from __future__ import annotations

from typing import TypeVar

from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import Tree

DataT = TypeVar("DataT")


class FoldingTree(Tree[DataT]):
    """A Textual ``Tree`` where ``collapse`` closes the node at the cursor or goes to its parent
    (not to a hidden root) and ``expand`` opens it. Its lines are painted with one ``rich_style``
    per paint (Textual's Tree computes it again for every line: a walk up the widget tree each
    time, about a quarter of the tree's repaint when the reader pages)."""

    _line_style: Style | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        """Paint the lines of ``crop`` with the style computed once."""
        self._line_style = self.rich_style
        try:
            return super().render_lines(crop)
        finally:
            self._line_style = None

    def render_line(self, y: int) -> Strip:
        """Line ``y`` of the view (as Textual's Tree paints it, with the style of this paint)."""
        style = self._line_style
        if style is None:
            return super().render_line(y)
        scroll_x, scroll_y = self.scroll_offset
        return self._render_line(y + scroll_y, scroll_x, scroll_x + self.size.width, style)

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

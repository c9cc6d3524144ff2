"""The section tree: header, SUMMARY, parts → questions → paragraphs, COMMENT.

Each node's data is the paragraph index it stands for (``-1`` for the header). The outline of
a long cable (over :data:`BUILD_AT_ONCE` paragraphs) is built when the reader calls
:meth:`SectionTree.build`, once the text is on screen, so the text is not kept waiting
(``built`` says whether it is there).
:meth:`SectionTree.follow` highlights the node of the paragraph at the top of the
text without choosing it.
"""

from __future__ import annotations

from bisect import bisect_right

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from tipreader.cable.model import Cable
from tipreader.ui.document import DERIVED_NOTE, question_map
from tipreader.ui.text import clean, one_line
from tipreader.ui.widgets.tree_folding import FoldingTree

HEADER = -1
BUILD_AT_ONCE = 150  # paragraphs; a longer cable's outline is built after the text's first paint


def _label(*parts: tuple[str, str]) -> Text:
    text = Text(no_wrap=True, overflow="ellipsis")
    for value, style in parts:
        text.append(value, style=style)
    return text


class SectionTree(FoldingTree[int]):
    """The cable's outline; choosing a node posts ``Tree.NodeSelected`` with its paragraph."""

    BINDINGS = [
        Binding("h,left", "collapse", "Collapse", show=False, id="tree.collapse", tooltip="Collapse the node in the tree"),
        Binding("l,right", "expand", "Expand", show=False, id="tree.expand", tooltip="Expand the node in the tree"),
        Binding("j", "cursor_down", "Down", show=False, id="tree.down", tooltip="Next node in the tree"),
        Binding("k", "cursor_up", "Up", show=False, id="tree.up", tooltip="Previous node in the tree"),
    ]

    def __init__(self, cable: Cable, *, id: str | None = None) -> None:
        super().__init__(_label((clean(cable.ref_id, newlines=False), "bold")), data=HEADER, id=id)
        self.auto_expand = False
        self.show_root = True
        self._wanted: int | None = None  # the paragraph to follow once a deferred outline is built
        self._badges: dict[str, dict[int, tuple[Text | None, Text | None]]] = {}
        self._start(cable)

    def _start(self, cable: Cable) -> None:
        self.cable = cable
        self._para_positions: list[int] = []  # sorted paragraph indexes that have nodes
        self._para_nodes: dict[int, TreeNode[int]] = {}
        self._derived: set[object] = set()  # ids of part nodes whose title is not the cable's text
        self._base_labels: dict[int, object] = {}  # labels as built, of nodes that carry badges
        self._badges.clear()
        self.built = len(cable.paragraphs) <= BUILD_AT_ONCE
        if self.built:
            self._build_outline()

    def build(self) -> None:
        """Build the outline if it was left for later (a long cable: the reader calls this once its
        text is on screen); the badges set meanwhile are placed, the paragraph followed highlighted."""
        if self.built:
            return
        self.built = True
        self._build_outline()
        self._apply_badges(set().union(*self._badges.values()) if self._badges else set())
        self.follow(self._wanted)

    def show_cable(self, cable: Cable) -> None:
        """The outline of ``cable`` instead of the one shown (cursor and scroll at the top, no badges)."""
        self.clear()
        self.root.set_label(_label((clean(cable.ref_id, newlines=False), "bold")))
        self._wanted = None
        self._start(cable)
        self.cursor_line = 0
        self.scroll_to(0, 0, animate=False, immediate=True)
        self.tooltip = None

    def _add(self, parent: TreeNode[int], label: Text, para: int | None, leaf: bool = True, register: bool = True) -> TreeNode[int]:
        node = parent.add_leaf(label, data=para) if leaf else parent.add(label, data=para, expand=True)
        if register and para is not None and para >= 0 and para not in self._para_nodes:
            self._para_nodes[para] = node
        return node

    def _build_outline(self) -> None:
        cable, root = self.cable, self.root
        root.expand()
        self._para_nodes[HEADER] = root
        qmap = question_map(cable)
        in_question = {i for _, _, q in qmap.values() for i in q.answer_paragraphs} | set(qmap)
        summary = set(cable.summary.paragraphs) if cable.summary else set()
        comment = set(cable.comment.paragraphs) if cable.comment else set()
        part_first = {}
        for n, part in enumerate(cable.parts, 1):
            first = part.paragraph_index
            if first is None and part.questions:
                first = part.questions[0].paragraph_index
            if first is not None:
                part_first[first] = (n, part)
        if cable.summary and cable.summary.paragraphs:
            self._add(root, _label(("SUMMARY", "tip.title")), cable.summary.paragraphs[0])
        for para in cable.paragraphs:
            i = para.index
            if i in part_first:
                n, part = part_first[i]
                title = one_line(part.title, 40) or f"Part {n}"
                number = clean(part.label or str(n), newlines=False) + " "
                # a title derived from the questions is not the cable's text: dim (tooltip on the node)
                title_style = "tip.title-derived" if part.title_source == "standard" else "tip.title"
                # A part without a heading paragraph starts at its first question: that
                # question's node, not the part's, stands for the paragraph.
                node = self._add(root, _label((number, "bold"), (title, title_style)), i, leaf=False,
                                 register=part.paragraph_index is not None)
                if part.title_source == "standard":
                    self._derived.add(node.id)
                # a sub-question (3.F.2.A) sits under its parent item, named by its own letter
                depth = part.label.count(".") + 1
                parents = {q.label.rsplit(".", 1)[0] for q in part.questions if q.label.count(".") > depth}
                q_nodes: dict[str, TreeNode[int]] = {}
                for q in part.questions:
                    parent = q_nodes.get(q.label.rsplit(".", 1)[0], node) if q.label.count(".") > depth else node
                    own = q.label.rsplit(".", 1)[-1] if parent is not node else q.label.split(".", 1)[-1]
                    qnode = q_nodes[q.label] = self._add(
                        parent,
                        _label((f"{clean(own or q.letter, newlines=False)} · ", "tip.letter"), (one_line(q.question or q.answer, 60), "")),
                        q.paragraph_index,
                        leaf=len(q.answer_paragraphs) <= 1 and q.label not in parents,
                    )
                    for extra in q.answer_paragraphs:
                        if extra != q.paragraph_index and 0 <= extra < len(cable.paragraphs):
                            p = cable.paragraphs[extra]
                            if p.number is not None:
                                self._add(qnode, _label((f"¶{p.number} ", "tip.muted"), (one_line(p.text, 40), "tip.muted")), extra)
                continue
            if i in in_question or i in summary:
                continue
            if i in comment:
                if cable.comment is not None and i == cable.comment.paragraphs[0]:
                    self._add(root, _label(("COMMENT", "tip.title")), i)
                continue
            if para.number is not None or para.kind == "heading":
                number = f"¶{para.number} " if para.number is not None else ""
                self._add(root, _label((number, "bold"), (one_line(para.text, 40), "")), i)
        self._para_positions = sorted(self._para_nodes)

    def set_badges(self, owner: str, badges: dict[int, tuple[Text | None, Text | None]]) -> None:
        """Put ``owner``'s badges on the nodes of paragraphs: ``{para: (before, after)}`` replaces what
        ``owner`` set before. Badges of several owners (bookmarks' ★, codes' tags) compose: a node's
        label is the befores, its label as built, the afters. Paragraphs without a node are skipped."""
        old = self._badges.get(owner, {})
        self._badges[owner] = {p: b for p, b in badges.items() if p >= 0}  # kept for an outline built later
        self._apply_badges(set(old) | set(self._badges[owner]))

    def _apply_badges(self, paras: set[int]) -> None:
        for para in paras:
            node = self._para_nodes.get(para)
            if node is None:
                continue
            base = self._base_labels.setdefault(para, node.label)
            label = Text(no_wrap=True, overflow="ellipsis")
            mine = [marks[para] for _, marks in sorted(self._badges.items()) if para in marks]
            for before, _ in mine:
                if before is not None:
                    label.append_text(before)
            label.append_text(base if isinstance(base, Text) else Text(str(base)))
            for _, after in mine:
                if after is not None:
                    label.append_text(after)
            node.set_label(label)

    def node_for(self, para: int | None) -> TreeNode[int]:
        """The node standing for paragraph ``para``: its own or the last one before it."""
        if para is None:
            return self.root
        k = bisect_right(self._para_positions, para) - 1
        return self._para_nodes[self._para_positions[k]] if k >= 0 else self.root

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[int]) -> None:
        """A part named from its questions says so in the tooltip."""
        self.tooltip = f"Part title {DERIVED_NOTE}" if event.node.id in self._derived else None

    def follow(self, para: int | None) -> None:
        """Highlight (and keep in view) the node of ``para`` without choosing it."""
        self._wanted = para
        node = self.node_for(para)
        parent = node.parent
        while parent is not None:
            if not parent.is_expanded:
                parent.expand()
            parent = parent.parent
        if node.line >= 0 and self.cursor_line != node.line:
            self.cursor_line = node.line
            self.scroll_to_node(node, animate=False)
        elif node.line < 0:
            self.call_after_refresh(self._follow_later, node)

    def _follow_later(self, node: TreeNode[int]) -> None:
        if node.line >= 0:
            self.cursor_line = node.line
            self.scroll_to_node(node, animate=False)

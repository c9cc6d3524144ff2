"""A long cable's text paints first; its section tree is built just after (issue 14, speed).

The tree must then be what it would have been built at once: every node, the node of the
paragraph at the top highlighted, the bookmarks' stars placed before it existed.
"""

from __future__ import annotations

import time

from ui_cables import plain_cable

from tipreader.ui.app import TipReaderApp
from tipreader.ui.widgets.cable_view import CableView
from tipreader.ui.widgets.section_tree import BUILD_AT_ONCE, SectionTree


async def test_the_text_of_a_long_cable_paints_before_its_tree_is_built(monkeypatch):
    cable = plain_cable(BUILD_AT_ONCE * 3, words=20)
    seen: list[bool] = []
    original = CableView.render_line

    def render_line(self, y):
        if not seen and self.line_count:
            seen.append(self.screen.query_one(SectionTree).built)
        return original(self, y)

    monkeypatch.setattr(CableView, "render_line", render_line)
    app = TipReaderApp(cable=cable)
    async with app.run_test(size=(120, 40)) as pilot:
        deadline = time.monotonic() + 10
        while not seen and time.monotonic() < deadline:
            await pilot.pause(0.01)
        assert seen == [False]  # the text's first paint did not wait for the outline
        await pilot.pause()
        await pilot.pause()
        tree = app.screen.query_one(SectionTree)
        assert tree.built and len(tree.root.children) == len(cable.paragraphs)


async def test_a_tree_built_later_follows_the_text_and_keeps_the_bookmarks(monkeypatch):
    cable = plain_cable(BUILD_AT_ONCE * 3, words=20)
    from tipreader.library.bookmarks import BookmarkStore

    with BookmarkStore.open() as store:
        store.add(cable, 300)
    app = TipReaderApp(cable=cable)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("colon", "3", "0", "1", "enter")  # paragraph 301: index 300
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        tree = screen.query_one(SectionTree)
        assert tree.built and screen.text_view.top_para == 300
        assert tree.cursor_node is not None and tree.cursor_node.data == 300
        assert "★" in str(tree._para_nodes[300].label)


async def test_a_short_cable_shown_in_the_reader_after_a_long_one_gets_its_tree_at_once(mexico):
    long = plain_cable(BUILD_AT_ONCE * 3, words=20)

    class Source:
        def get(self, ref_id):
            return {mexico.ref_id: mexico, long.ref_id: long}.get(ref_id)

        def has(self, ref_id):
            return self.get(ref_id) is not None

    app = TipReaderApp(cable=long, source=Source())
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_cable(mexico.ref_id)  # before the long one's tree was built: it never is
        tree = app.screen.query_one(SectionTree)
        assert tree.built and tree.cable is mexico
        await pilot.pause()
        await pilot.pause()
        assert tree.cable is mexico and str(tree.root.label) == mexico.ref_id
        assert all(n.data is None or n.data < len(mexico.paragraphs) for n in tree.root.children)

"""Issue 14, defect 3: a phrase search marks the phrase, not its words one by one.

``"forced labor"`` used to mark every "forced", "forcing" and "forces" in the snippets and
the reader, and ``n`` stepped through them. A phrase is marked where the index matched
it: its words together, in order, each stemmed as the index stems (so "forcing labor"
is one mark, a lone "forced" none).
"""

from __future__ import annotations

from test_library_screen import LibApp, build_library, rows, settle

from tipreader.library.index import STEM_ANALYZER
from tipreader.ui.widgets.hit_list import MARK_STYLE, HitList

PHRASE = ["forc", "labor"]


def is_the_phrase(text: str) -> bool:
    return STEM_ANALYZER.analyze(text) == PHRASE


async def test_a_phrase_is_marked_and_stepped_as_the_phrase_in_snippets_and_the_reader():
    app = LibApp(build_library())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press(*'"forced labor"')
        await settle(pilot)
        found = rows(app)
        assert {"08MEXICO721", "08REYKJAVIK36"} <= {ref for ref, _ in found}
        for row in app.screen.query_one(HitList).rows:
            text = row.text()
            plain = text.plain
            marked = [plain[s.start:s.end] for s in text.spans if str(s.style) == MARK_STYLE]
            assert marked and all(is_the_phrase(m) for m in marked), (row.ref_id, marked)
        at = [ref for ref, _ in found].index("08REYKJAVIK36")  # "forced labor" four times, "forced to", "forces"...
        await pilot.press("down", *["down"] * at, "enter")
        await settle(pilot)
        reader = app.screen
        assert reader.cable.ref_id == "08REYKJAVIK36"
        view = reader.text_view
        texts = [view.blocks[m.block].text.plain[m.start:m.end] for m in view.matches]
        assert len(texts) >= 4 and all(is_the_phrase(t) for t in texts), texts
        plain = "\n".join(b.text.plain for b in view.blocks).lower()
        assert "forced to" in plain and "forces" in plain  # the lone words are there, and not marked
        first = view.current
        for step in range(1, len(view.matches) + 1):
            await pilot.press("n")
            assert view.current == (first + step) % len(view.matches)
            m = view.matches[view.current]
            assert is_the_phrase(view.blocks[m.block].text.plain[m.start:m.end])

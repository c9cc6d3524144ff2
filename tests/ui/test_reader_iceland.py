"""Pilot flows on a TIP cable with numbered part headings and lettered, unnumbered questions.

08REYKJAVIK36 (tests/fixtures/library_ui, a WikiLeaks page): ¶2 "Overview..." heads part 1
(questions A-E), ¶3 part 2 (A-E, H, then `L, M` combined), ¶4 part 3 (A, C, E, F, `G-K`),
¶5 part 4 (A-G, then `H, I`).
Read from the file; the parser is checked against it first.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tipreader.cable import parse_file
from tipreader.ui.app import TipReaderApp
from tipreader.ui.widgets.section_tree import SectionTree

from .screen_wait import wait_until

ICELAND = Path(__file__).resolve().parents[1] / "fixtures" / "library_ui" / "08REYKJAVIK36.html"


@pytest.fixture(scope="module")
def iceland():
    cable = parse_file(ICELAND)[0]
    assert cable.ref_id == "08REYKJAVIK36"
    assert ["".join(q.letter for q in part.questions) for part in cable.parts] == ["ABCDE", "ABCDEHL", "ACEFG", "ABCDEFGH"]
    assert [cable.paragraphs[part.paragraph_index].number for part in cable.parts] == [2, 3, 4, 5]
    assert cable.parts[1].questions[2].question.startswith("Punishment of Labor Trafficking Offenses")
    return cable


async def test_goto_next_question_parts_and_find(iceland):
    labor = iceland.parts[1].questions[2].paragraph_index
    app = TipReaderApp(cable=iceland)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        view = screen.text_view
        # the cable's own numbering: the part headed ¶3 is part 3, its question C is 3.C
        await pilot.press("colon", "3", ".", "C", "enter")
        assert view.top_para == labor
        assert "Q 3·C" in view.render_line(0).text
        assert screen.query_one("#status").text.startswith("08REYKJAVIK36 · Q 8/25 · ¶ 3/5 · ")
        await pilot.press("right_square_bracket")
        assert view.top_para == iceland.parts[1].questions[3].paragraph_index
        await pilot.press("right_curly_bracket")
        assert view.top_para == iceland.parts[2].paragraph_index
        assert "PROTECTION AND ASSISTANCE TO VICTIMS" in view.render_line(0).text
        await pilot.press("slash", *"Schengen", "enter")
        assert str(screen.query_one("#find-count").render()) == "1/3"
        assert [m.para for m in view.matches] == [19, 25, 25]


async def test_tree_has_parts_with_their_questions(iceland):
    app = TipReaderApp(cable=iceland)
    async with app.run_test(size=(120, 40)) as pilot:
        tree = app.screen.query_one(SectionTree)
        part_nodes = [n for n in tree.root.children if n.children]
        assert [len(n.children) for n in part_nodes] == [5, 7, 5, 8]
        assert str(part_nodes[1].children[2].label).startswith("C · Punishment of Labor Trafficking")
        tree.focus()
        await pilot.pause()
        tree.move_cursor(part_nodes[3])
        await pilot.pause()
        await pilot.press("enter")
        # the jump lands after the tree's message is handled (slow under load)
        await wait_until(pilot, lambda: app.screen.text_view.top_para == iceland.parts[3].paragraph_index)
        assert app.screen.text_view.top_para == iceland.parts[3].paragraph_index
        assert "KTIP" not in iceland.tags  # its TAGS are shown with names
        await pilot.press("tab", "g")
        text = "\n".join(app.screen.text_view.render_line(y).text for y in range(6))
        assert "PHUM Human rights" in text and "KCRM Criminal activity" in text


async def test_end_of_submission_is_shown_after_the_last_answer_not_in_it(iceland):
    """`-- H, I: Not applicable.` then `End of TIP report submission.` in the same paragraph."""
    last = iceland.questions[-1]
    assert (last.label, last.answer, last.after) == ("5.H-I", "Not applicable.", "End of TIP report submission.")
    app = TipReaderApp(cable=iceland)
    async with app.run_test(size=(120, 40)) as pilot:
        reader = app.screen
        reader.jump_to(last.paragraph_index)
        await pilot.pause()
        mine = [b for b in reader.text_view.blocks if b.para == last.paragraph_index]
        answers = [b.text.plain for b in mine if b.role == "answer"]
        assert answers == ["Not applicable."]
        tail = mine[-1]
        assert (tail.text.plain, tail.role, tail.prefix.plain) == ("End of TIP report submission.", "para", "")
        view = reader.text_view
        lines = [view.render_line(y).text for y in range(view.scrollable_content_region.height)]
        assert any(line.lstrip().startswith("End of TIP report submission.") for line in lines)  # no answer bar before it

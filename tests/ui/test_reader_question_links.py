"""In-text references to the cable's own questions are links in the reader (issue 12).

08REYKJAVIK36 (tests/ui/data): item 5.A's answer ends `(See 1A above.)` and 5.E's `See 1B
above or next question below.`: the cable numbers its parts 2-5, so "1A" is the first part's A, labelled 2.A. Item
2.B's answer says `(see 5F)` twice. A click on the reference, Enter on its paragraph, or the
references list (``r``) goes to the question; Back returns to the reference.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.style import Style

from tipreader.cable import parse_file
from tipreader.ui.app import TipReaderApp
from tipreader.ui.dialogs.references import ReferencesDialog

ICELAND = Path(__file__).resolve().parents[1] / "fixtures" / "library_ui" / "08REYKJAVIK36.html"


@pytest.fixture(scope="module")
def iceland():
    cable = parse_file(ICELAND)[0]
    by_label = {q.label: q for q in cable.questions}
    assert "(See 1A above.)" in cable.paragraphs[by_label["5.A"].paragraph_index].text
    assert "See 1B above or next question below." in cable.paragraphs[by_label["5.E"].paragraph_index].text
    return cable


def _label(cable, label):
    return next(q for q in cable.questions if q.label == label)


def _find_on_screen(view, words: str) -> tuple[int, int]:
    for y in range(view.scrollable_content_region.height):
        line = view.render_line(y).text
        if words in line:
            return line.index(words), y
    raise AssertionError(f"{words!r} not on screen")


async def test_click_on_a_reference_goes_to_the_question_and_back(iceland):
    source = _label(iceland, "5.A")
    target = _label(iceland, "2.A")
    app = TipReaderApp(cable=iceland)
    async with app.run_test(size=(120, 40)) as pilot:
        reader = app.screen
        view = reader.text_view
        reader.jump_to(source.paragraph_index)
        await pilot.pause()
        x, y = _find_on_screen(view, "See 1A above")
        await pilot.click("#text", offset=(x + len("See "), y))
        await pilot.pause()
        assert view.top_para == target.paragraph_index
        assert "Q 2·A" in view.render_line(0).text
        await pilot.press("backspace")  # the jump was a history step
        await pilot.pause()
        assert view.top_para == source.paragraph_index


async def test_the_reference_is_styled_as_a_link(iceland):
    app = TipReaderApp(cable=iceland)
    async with app.run_test(size=(120, 40)) as pilot:
        reader = app.screen
        reader.jump_to(_label(iceland, "5.E").paragraph_index)
        await pilot.pause()
        block = next(b for b in reader.text_view.blocks if "See 1B above" in b.text.plain)
        at = block.text.plain.index("See 1B above") + len("See ")
        clicks = [span.style.meta.get("@click", "") for span in block.text.spans
                  if span.start <= at < span.end and isinstance(span.style, Style)]
        assert "screen.part('question-links', 'go', '2.B')" in clicks
        assert any(span.style == "tip.link" for span in block.text.spans if span.start <= at < span.end)


async def test_enter_follows_the_one_reference_at_the_top(iceland):
    target = _label(iceland, "2.B")
    app = TipReaderApp(cable=iceland)
    async with app.run_test(size=(120, 40)) as pilot:
        reader = app.screen
        reader.jump_to(_label(iceland, "5.E").paragraph_index)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert reader.text_view.top_para == target.paragraph_index


async def test_the_references_list_offers_the_cables_own_questions(iceland):
    target = _label(iceland, "5.F")
    app = TipReaderApp(cable=iceland)
    async with app.run_test(size=(120, 40)) as pilot:
        reader = app.screen
        await pilot.press("r")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ReferencesDialog)
        options = dialog.query_one("#references-list")
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert [p.split()[:2] for p in prompts[:3]] == [["Q", "5·F"], ["Q", "2·A"], ["Q", "2·B"]]
        assert "in this cable" in prompts[0]
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is reader
        assert reader.text_view.top_para == target.paragraph_index

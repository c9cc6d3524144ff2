"""The reader's pieces: go-to suggestions, status line, document views, cables without questions,
the start screen, a 1,000-paragraph cable, and the bindings' ids and tooltips."""

from __future__ import annotations

from textual.binding import Binding

from ui_cables import MEXICO_FILE, plain_cable

from tipreader.ui.app import TipReaderApp
from tipreader.ui.dialogs.goto import GotoDialog
from tipreader.ui.dialogs.help import HelpDialog
from tipreader.cable.qa_text import split_question
from tipreader.ui.document import build_blocks
from tipreader.ui.navigation import status_text, suggest
from tipreader.ui.screens.reader import ReaderScreen
from tipreader.ui.text import one_line, tag_name
from tipreader.ui.widgets.cable_view import CableView
from tipreader.ui.widgets.find_bar import FindBar
from tipreader.ui.widgets.section_tree import SectionTree


def test_suggestions(mexico_model):
    cable = mexico_model
    assert suggest(cable, "12")[0].para == 11
    assert [t.label for t in suggest(cable, "1")][:3] == ["¶1", "¶10", "¶11"]
    assert suggest(cable, "2.C")[0].para == 11
    assert suggest(cable, "2c")[0].para == 11
    assert suggest(cable, "C", current=11)[0].para == 11  # part 2
    assert suggest(cable, "C", current=4)[0].para == 6  # part 1
    assert suggest(cable, "C", current=None)[0].para == 6
    assert suggest(cable, "labor trafficking punishment")[0].para == 11
    assert suggest(cable, "extradite")[0].para == 17
    assert suggest(cable, "zzzz") == []


def test_status_text(mexico_model):
    assert status_text(mexico_model, 11, 45) == "08MEXICO721 · Q 8/22 · ¶ 12/26 · 45%"
    assert status_text(mexico_model, None, 0) == "08MEXICO721 · Q –/22 · ¶ –/26 · 0%"
    assert status_text(mexico_model, 2, 5) == "08MEXICO721 · Q –/22 · ¶ 3/26 · 5%"
    assert status_text(plain_cable(3), 1, 50) == "09PLAIN1 · ¶ 2/3 · 50%"


def test_question_and_answer_pairing(mexico_model):
    blocks = build_blocks(mexico_model)
    roles = [(b.role, b.para) for b in blocks if b.para == 11]
    assert roles == [("qlabel", 11), ("question", 11), ("alabel", 11), ("answer", 11)]
    label = next(b for b in blocks if b.para == 11 and b.role == "qlabel")
    assert label.text.plain.startswith(" Q 2·C ")
    answer = next(b for b in blocks if b.para == 11 and b.role == "answer")
    assert answer.text.plain.startswith("On November 27, 2007, Mexico passed its")
    question = next(b for b in blocks if b.para == 11 and b.role == "question")
    assert question.text.plain.startswith("Punishment of Labor Trafficking Offenses")
    # Lost lines are marked at their paragraph only.
    assert "⚠" in next(b for b in blocks if b.para == 1).text.plain
    assert "⚠" not in next(b for b in blocks if b.para == 2).text.plain


def test_split_question_across_paragraphs(mexico_model):
    para = mexico_model.paragraphs[11]
    q = mexico_model.parts[1].questions[2]
    spread = type(q)(q.letter, q.question, q.answer, q.paragraph, q.paragraph_index, (11, 12))
    question, answer = split_question(para, spread)
    assert answer.startswith("On November 27, 2007, Mexico passed its")


def test_an_answer_only_item_going_on_in_more_paragraphs_keeps_its_first_paragraph(shared_cables):
    """10REYKJAVIK31 item 7.D has no question: "-- D. The Icelandic parliament approved ..." and two more
    paragraphs of answer. The reader dropped that first paragraph (and the Markdown export with it)."""
    from tipreader.cable import parse_file

    cable = parse_file(shared_cables / "wikileaks-html" / "10REYKJAVIK31.html")[0]
    q = next(q for q in cable.questions if q.label == "7.D")
    assert not q.question and len(q.answer_paragraphs) > 1
    text = " ".join(" ".join(b.text.plain for b in build_blocks(cable) if b.para == q.paragraph_index).split())
    assert "The Icelandic parliament approved the adoption of the first Icelandic national plan" in text


def test_header_names_tags_and_marks_library_references(mexico_model):
    cable = plain_cable(3)
    text = "\n".join(b.text.plain for b in build_blocks(cable) if b.role == "header")
    assert "KTIP Trafficking in persons" in text and "SMIG Migration" in text
    assert tag_name("ktip") == "Trafficking in persons"
    blocks = build_blocks(mexico_model, in_library=lambda ref_id: ref_id == "07STATE150188")
    refs = [b.text.plain for b in blocks if "STATE" in b.text.plain]
    assert [("✓ in library" in r) for r in refs] == [False, True, False]


def test_one_line():
    assert one_line("short") == "short"
    assert one_line("word " * 40, 20).endswith("…") and len(one_line("word " * 40, 20)) <= 20


async def test_cable_without_questions_steps_by_paragraph():
    cable = plain_cable(12)
    app = TipReaderApp(cable=cable)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        tree = screen.query_one(SectionTree)
        labels = [str(child.label) for child in tree.root.children]
        assert labels[0] == "SUMMARY" and labels[-1] == "COMMENT"
        assert labels[1].startswith("¶2 Paragraph 2 says")
        await pilot.press("right_square_bracket")
        assert screen.text_view.top_para == 0
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert screen.text_view.top_para == 2
        await pilot.press("Q")  # one view only: says so, changes nothing
        assert screen.view_mode == "full"


async def test_thousand_paragraphs_scroll():
    cable = plain_cable(1000, words=100)
    app = TipReaderApp(cable=cable)
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.screen.text_view
        assert view.line_count > 5000
        await pilot.press("G")
        assert view.top_para is not None and view.top_para >= 995
        await pilot.press("colon", "5", "0", "0", "enter")
        assert view.top_para == 499
        for _ in range(20):
            await pilot.press("space")
        assert view.top_para > 499
        # Only the blocks painted were wrapped for highlights; a find touches only its hits.
        count = view.find("Paragraph 777 says")
        assert count == 1


def _binding_classes():
    """Every class of the app that declares key bindings (screens, widgets, dialogs)."""
    import importlib
    import inspect
    import pkgutil

    import tipreader.ui as ui

    found = {}
    for info in pkgutil.walk_packages(ui.__path__, "tipreader.ui."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and "BINDINGS" in vars(cls):
                found[cls.__qualname__] = cls
    return list(found.values())


def test_every_binding_has_id_description_and_tooltip():
    classes = _binding_classes()
    assert {ReaderScreen, CableView, SectionTree, FindBar, GotoDialog, HelpDialog, TipReaderApp} <= set(classes)
    for cls in classes:
        ids = []
        for b in cls.BINDINGS:
            assert isinstance(b, Binding), f"{cls.__name__}: {b!r} is not a Binding"
            assert b.id and b.description and b.tooltip, f"{cls.__name__}: {b.key} lacks id/description/tooltip"
            ids.append(b.id)
        assert len(ids) == len(set(ids)), f"{cls.__name__}: duplicate binding ids"


async def test_empty_partial_cable_and_tiny_terminal():
    from tipreader.cable.model import Cable

    cable = Cable(source="<x>", format="raw", ref_id="09PARTIAL1", partial=True)
    app = TipReaderApp(cable=cable)
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.press("right_square_bracket", "right_curly_bracket", "G", "g", "Q", "y", "slash", "x", "enter", "n")
        await pilot.press("escape", "ampersand", "x", "escape", "colon", "1", "enter", "escape", "ctrl+b")
        assert app.screen.query_one("#status").text.startswith("09PARTIAL1")
        assert app.clipboard.endswith("— 09PARTIAL1")


async def test_resize_keeps_the_paragraph_at_top(mexico_model):
    app = TipReaderApp(cable=mexico_model)
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.jump_to(11)
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.screen.text_view.top_para == 11
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        assert app.screen.text_view.top_para == 11


class FakeLibrary:
    """Stands in for tipreader.library.Library: ``get`` and ``present``."""

    def __init__(self, cables):
        self.cables = {c.ref_id: c for c in cables}

    def get(self, ref_id):
        return self.cables.get(ref_id)

    def present(self, ref_ids):
        return {r for r in ref_ids if r in self.cables or r == "07STATE150188"}


async def test_references_are_marked_once_the_library_opens(mexico_model):
    from tipreader.ui.source import LibrarySource

    app = TipReaderApp(cable=mexico_model, source=lambda: LibrarySource(FakeLibrary([mexico_model])))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        lines = [app.screen.text_view.render_line(y).text for y in range(8)]
        marked = [line for line in lines if "in library" in line]
        assert len(marked) == 1 and "07STATE150188" in marked[0]


def test_load_reads_files_and_ref_ids(mexico_model, tmp_path):
    import pytest

    from tipreader.cable.model import CableError
    from tipreader.ui.source import LibrarySource, load

    assert load(str(MEXICO_FILE)).ref_id == "08MEXICO721"
    source = LibrarySource(FakeLibrary([mexico_model]))
    assert load("08mexico721", source) is mexico_model
    with pytest.raises(CableError, match="no cable with that ref_id"):
        load("09NOPE1", source)
    with pytest.raises(CableError, match="no such file"):
        load(str(tmp_path / "missing.txt"))


async def test_settings_default_view_tree_width_and_remapped_key(mexico_model, tmp_path, monkeypatch):
    settings = tmp_path / "config.toml"
    settings.write_text('default_view = "answers"\ntree_width = 20\n[keys]\n"reader.app.copy" = "Y"\n')
    monkeypatch.setenv("TIPREADER_CONFIG", str(settings))
    app = TipReaderApp(cable=mexico_model)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert screen.view_mode == "answers"
        assert screen.query_one(SectionTree).outer_size.width == 20
        await pilot.press(":", "1", "2", "enter", "Y")
        assert app.clipboard.endswith("— 08MEXICO721 ¶12")


async def test_theme_change_recolours_and_keeps_the_place(mexico_model):
    app = TipReaderApp(cable=mexico_model)
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.jump_to(11)
        await pilot.pause()
        before = app.screen.text_view.blocks[0]
        app.theme = "textual-light"
        await pilot.pause()
        assert app.screen.text_view.blocks[0] is not before
        assert app.screen.text_view.top_para == 11

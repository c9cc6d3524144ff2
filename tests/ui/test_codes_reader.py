"""Coding passages in the app: C opens the code picker on the paragraph, the code shows as a tag
under it and in the tree, choosing it again removes it, a question is coded whole, the key
remaps by its id, the palette exports the CSV, and code: searches from the library screen."""

from __future__ import annotations

import csv
import os
from pathlib import Path

from textual.widgets import Checkbox, Input, OptionList

from tipreader.cable import parse_file
from tipreader.ui.app import TipReaderApp
from tipreader.ui.dialogs.code_picker import CodePicker
from tipreader.ui.dialogs.export_codes import ExportCodesDialog
from tipreader.ui.screens.reader import ReaderScreen
from tipreader.ui.widgets.section_tree import SectionTree
from tipreader.userdata.codes import CodeStore
from tests.fixture_sets import LIBRARY_UI

ROOT = Path(__file__).resolve().parents[2]


def _tags(screen: ReaderScreen, para: int) -> str:
    """The tag line painted under paragraph ``para`` ("" when none)."""
    return " ".join(b.text.plain for b in screen.text_view.blocks if b.para == para and b.role == "codes")


def _tree_label(screen: ReaderScreen, para: int) -> str:
    return str(screen.query_one(SectionTree)._para_nodes[para].label)


async def _pick(pilot, words: str, note: str = "") -> None:
    await pilot.press("C")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CodePicker)
    for key in words:
        await pilot.press(key if key != " " else "space")
    if note:
        pilot.app.screen.query_one("#codes-note", Input).value = note
    await pilot.press("enter")
    await pilot.pause()


async def test_apply_see_the_tag_add_a_note_and_remove(mexico):
    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.jump_to(11)  # ¶12, question 2·C
        await _pick(pilot, "obj")
        assert isinstance(app.screen, ReaderScreen)
        with CodeStore.open() as store:
            [passage] = store.all()
        assert (passage.ref_id, passage.anchor, passage.code, passage.question) == ("08MEXICO721", "12", "objection", "2.C")
        assert passage.author  # the settings' [team] user, else the login name
        assert "objection" in _tags(screen, 11) and _tags(screen, 4) == ""
        assert _tree_label(screen, 11).startswith("⌗objection ")
        assert screen.text_view.top_para == 11  # the place is kept
        # a second code, with a note; the bookmark star and the tags share the tree label
        await _pick(pilot, "anger", note="walked out of the meeting")
        await pilot.press("m")
        await pilot.pause()
        assert "anger" in _tags(screen, 11) and "anger: walked out of the meeting" in _tags(screen, 11)
        label = _tree_label(screen, 11)
        assert label.startswith(("★ ⌗objection,anger ", "★ ⌗anger,objection "))
        # choosing a code the paragraph has removes it; the other stays
        await pilot.press("C")
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        assert any("✓" in str(options.get_option_at_index(k).prompt) for k in range(options.option_count))
        for key in "obj":
            await pilot.press(key)
        await pilot.press("enter")
        await pilot.pause()
        with CodeStore.open() as store:
            assert [p.code for p in store.all()] == ["anger"]
        assert "objection" not in _tags(screen, 11) and "objection" not in _tree_label(screen, 11)
        await pilot.press("m")  # the bookmark off: the tag stays in the tree
        await pilot.pause()
        assert _tree_label(screen, 11).startswith("⌗anger ")
    app = TipReaderApp(cable=mexico)  # a restart shows the tag
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "anger" in _tags(app.screen, 11)


async def test_esc_cancels_and_nothing_matching_codes_nothing(mexico):
    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.screen.jump_to(4)
        await pilot.press("C")
        await pilot.pause()
        for key in "zzzz":
            await pilot.press(key)
        await pilot.press("enter")  # no code matches: the picker stays
        await pilot.pause()
        assert isinstance(app.screen, CodePicker)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        with CodeStore.open() as store:
            assert store.all() == []


async def test_a_question_is_coded_with_its_answer():
    cable = parse_file(ROOT / "sample_cables" / "06REYKJAVIK68.html")[0]
    q = next(q for q in cable.questions if q.label == "2.A")
    paras = sorted({q.paragraph_index, *q.answer_paragraphs})
    assert len(paras) > 1
    app = TipReaderApp(cable=cable)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.jump_to(paras[1])
        await pilot.press("C")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, CodePicker)
        box = picker.query_one("#codes-whole", Checkbox)
        assert "2.A" in str(box.label) and not box.value
        box.value = True
        for key in "coop":
            await pilot.press(key)
        await pilot.press("enter")
        await pilot.pause()
        with CodeStore.open() as store:
            coded = store.all()
        assert sorted(p.para_index for p in coded) == paras and {p.question for p in coded} == {"2.A"}
        assert all("cooperative" in _tags(screen, i) for i in paras), [(b.para, b.role, b.text.plain[:30]) for b in screen.text_view.blocks if b.para in paras]


async def test_the_key_is_remapped_by_its_id(mexico):
    Path(os.environ["TIPREADER_CONFIG"]).write_text('[keys]\n"reader.codes.apply" = "K"\n', encoding="utf-8")
    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.screen.jump_to(4)
        await pilot.press("C")  # the old key no longer codes
        await pilot.pause()
        assert not isinstance(app.screen, CodePicker)
        await pilot.press("K")
        await pilot.pause()
        assert isinstance(app.screen, CodePicker), [n.message for n in app._notifications]


async def test_a_bad_codebook_is_one_notification_and_the_bundled_codes_are_offered(mexico):
    home = Path(os.environ["TIPREADER_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    (home / "codebook.toml").write_text('[[code]]\nname = "a"\n[[code]]\nname = "A"\n', encoding="utf-8")
    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.screen.jump_to(4)
        await pilot.press("C")
        await pilot.pause()
        assert isinstance(app.screen, CodePicker) and app.screen.book.bundled
        messages = [n.message for n in app._notifications]
        assert any("listed twice" in m and "using the bundled TIP codebook" in m and "\n" not in m for m in messages)


async def test_export_codes_to_csv_from_the_palette(mexico, tmp_path):
    with CodeStore.open(author="ana") as store:
        store.apply(mexico, [11], "objection", note='says "unfair"')
    target = tmp_path / "out.csv"
    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        for key in "export coded":
            await pilot.press(key if key != " " else "space")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportCodesDialog)
        dialog.query_one(Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        with target.open(newline="", encoding="utf-8") as fh:
            [row] = list(csv.DictReader(fh))
        assert (row["ref_id"], row["paragraph"], row["question"], row["code"], row["author"], row["note"]) == (
            "08MEXICO721", "12", "2.C", "objection", "ana", 'says "unfair"')
        assert row["text"] == mexico.paragraphs[11].text
        # again on the same file: it is replaced only after a second Enter
        target.write_text("keep me", encoding="utf-8")
        await pilot.press("ctrl+p")
        await pilot.pause()
        for key in "export coded":
            await pilot.press(key if key != " " else "space")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportCodesDialog) and target.read_text(encoding="utf-8") == "keep me"
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert target.read_text(encoding="utf-8").startswith("ref_id,date,origin")


async def test_code_search_from_the_library_screen():
    from tipreader.library import Library
    from tipreader.ui.source import LibrarySource
    from tipreader.ui.widgets.hit_list import HitList

    lib = Library.open()
    assert not lib.import_paths(LIBRARY_UI, workers=1).errors
    with CodeStore.open(author="ana") as store:
        store.apply(lib.get("08REYKJAVIK125"), [1], "legislation")
    app = TipReaderApp(source=LibrarySource(lib))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.1)
        await app.workers.wait_for_complete()
        for key in "code:legis*":
            await pilot.press(key)
        await pilot.pause(0.1)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [r.ref_id for r in app.screen.query_one(HitList).rows] == ["08REYKJAVIK125"]
        for _ in "legis*":
            await pilot.press("backspace")
        for key in "anger":
            await pilot.press(key)
        await pilot.pause(0.1)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.query_one(HitList).rows == []

"""Issue 14, defect 10: the app saves the open cable to a file it names (a key and the palette)."""

from __future__ import annotations

import json

from textual.widgets import Input

from tipreader.export import cable_to_markdown
from tipreader.ui.app import TipReaderApp
from tipreader.ui.dialogs.save_path import SavePathDialog


def messages(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def _save(pilot, name: str | None = None) -> None:
    """Enter in the save dialog (after typing ``name`` over the proposed one), then let the write finish."""
    if name is not None:
        pilot.app.screen.query_one(Input).value = name
    await pilot.press("enter")
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_s_saves_the_cable_as_markdown_under_its_ref_id_and_says_where(mexico, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, SavePathDialog)
        assert dialog.query_one(Input).value == str(tmp_path / "08MEXICO721.md")  # the app names the file
        await _save(pilot)
        target = tmp_path / "08MEXICO721.md"
        assert target.read_text(encoding="utf-8") == cable_to_markdown(mexico)
        assert any(f"08MEXICO721 saved as Markdown to {target}" in m for m in messages(app))
        # again: the file exists, so Enter warns and only a second Enter replaces it
        target.write_text("keep me", encoding="utf-8")
        await pilot.press("s")
        await pilot.pause()
        await _save(pilot)
        assert isinstance(app.screen, SavePathDialog) and target.read_text(encoding="utf-8") == "keep me"
        assert "exists" in str(app.screen.query_one("#export-hint").render())
        await _save(pilot)
        assert target.read_text(encoding="utf-8") == cable_to_markdown(mexico)
        assert not list(tmp_path.glob(".tipreader-*"))  # no temporary file left behind


async def test_the_palette_saves_json_and_a_folder_that_cannot_be_written_is_said(mexico, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = TipReaderApp(cable=mexico)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"save the cable")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SavePathDialog)
        await _save(pilot, str(tmp_path / "mexico.json"))
        data = json.loads((tmp_path / "mexico.json").read_text(encoding="utf-8"))
        assert data["ref_id"] == "08MEXICO721" and len(data["paragraphs"]) == len(mexico.paragraphs)
        await pilot.press("s")
        await pilot.pause()
        await _save(pilot, str(tmp_path / "no" / "such" / "folder.md"))
        assert not isinstance(app.screen, SavePathDialog)
        assert any("folder.md" in m and "nothing written" in m for m in messages(app)), messages(app)

"""Saving the open cable to a file: ``s`` (as less saves its input) and the palette's
"Save the cable as Markdown…".

The app names the file (``08MEXICO721.md`` in the folder tipreader was started from) and
asks before writing, so the user may pick another name or folder; a name ending in
``.json`` saves the JSON of ``tipreader export --format json``. The file is written in a
thread, atomically, and the notification says where it went (or why nothing was written).
"""

from __future__ import annotations

import json
from pathlib import Path

from tipreader.cable.model import Cable
from tipreader.export import cable_to_jsonable, cable_to_markdown
from tipreader.export.files import save_atomically
from tipreader.ui.dialogs.save_path import SavePathDialog
from tipreader.ui.parts.base import ReaderPart, part_binding
from tipreader.ui.text import clean


def cable_text(cable: Cable, path: str) -> str:
    """What a file named ``path`` gets: JSON for ``.json``, else Markdown."""
    if path.lower().endswith(".json"):
        return json.dumps(cable_to_jsonable(cable), ensure_ascii=False, indent=2) + "\n"
    return cable_to_markdown(cable)


def default_name(cable: Cable, folder: Path | None = None) -> str:
    """``<folder>/<REF_ID>.md``; the folder defaults to where tipreader was started."""
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in cable.ref_id) or "cable"
    return str((folder or Path.cwd()) / f"{safe}.md")


class ExportPart(ReaderPart):
    """The reader's "save the cable to a file"."""

    name = "export"
    BINDINGS = [
        part_binding("export", "s", "save", "Save", id="reader.app.save", show=False,
                     tooltip="Save the cable to a file as Markdown (or JSON: a name ending in .json); "
                             "the file name is proposed, Enter writes it"),
    ]

    def action_save(self) -> None:
        """Ask for the file (its name proposed), then write it in a thread and say where."""
        reader = self.reader
        cable = reader.cable
        title = f"Save {clean(cable.ref_id, newlines=False)} as Markdown (.json for JSON)"
        reader.app.push_screen(SavePathDialog(title, default_name(cable)),
                               lambda answer: self._chosen(cable, answer))

    def _chosen(self, cable: Cable, answer: tuple[str, bool] | None) -> None:
        if answer is not None:
            path, replace = answer
            self.reader.run_worker(lambda: self._write(cable, path, replace), thread=True, group="cable-export",
                                   name="Saving the cable", exit_on_error=False)

    def _write(self, cable: Cable, path: str, replace: bool) -> None:
        app = self.reader.app
        shown = clean(str(Path(path).absolute()), newlines=False)
        kind = "JSON" if path.lower().endswith(".json") else "Markdown"
        try:
            save_atomically(path, lambda fh: fh.write(cable_text(cable, path)), replace=replace,
                            suffix=Path(path).suffix or ".md")
        except OSError as err:
            app.call_from_thread(app.notify, f"{shown}: {err.strerror or err}; nothing written", title="Save",
                                 severity="error", markup=False)
            return
        app.call_from_thread(app.notify, f"{clean(cable.ref_id, newlines=False)} saved as {kind} to {shown}",
                             title="Save", markup=False, timeout=8)

"""Import from the app: a path prompt with completion, then a background import with progress and ETA.

:func:`start_import` is what ``ctrl+o`` and the palette call. The import runs in a
thread worker (``Library.import_paths`` with a progress callback and a cancel
event); ``Esc`` cancels cleanly (what was committed stays, the rest is not read);
the summary lists what was imported, skipped and failed, with the bad files.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, ProgressBar, Static

from tipreader.ui.services import services_of
from tipreader.ui.text import clean

_CSS = """
{name} {{ align: center middle; }}
{name} > Vertical {{ width: 96; max-width: 95%; height: auto; max-height: 90%; border: round $accent;
    background: $surface; padding: 0 1; }}
{name} Static {{ height: auto; }}
"""


class PathSuggester(Suggester):
    """Completes a file or folder path from what exists on disk (the first match, sorted)."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        """The first existing path that starts with ``value`` (folders end with ``/``)."""
        return complete_path(value)


def complete_path(value: str) -> str | None:
    """``value`` completed as far as the existing entries it starts agree (else to the first of them);
    ``~`` is expanded for the lookup only."""
    if not value:
        return None
    expanded = os.path.expanduser(value)
    folder, _, stem = expanded.rpartition(os.sep)
    base = Path(folder or ("/" if expanded.startswith(os.sep) else "."))
    try:
        names = sorted(p.name + (os.sep if p.is_dir() else "") for p in base.iterdir()
                       if p.name.startswith(stem) and not (p.name.startswith(".") and not stem.startswith(".")))
    except OSError:
        return None
    if not names or names[0] == stem:
        return None
    common = os.path.commonprefix(names)  # ambiguous: complete what all the candidates share
    pick = common if len(common) > len(stem) else names[0]
    return value + pick[len(stem):]


class ImportPathDialog(ModalScreen[str | None]):
    """Asks for a file, folder or glob to import; → the path, or None."""

    DEFAULT_CSS = _CSS.format(name="ImportPathDialog")
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="import.path.cancel", tooltip="Close without importing")]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text("Import cables — a file, a folder (read recursively) or a glob; → completes", style="bold"))
            yield Input(placeholder="~/cables/", id="import-path", suggester=PathSuggester())
            yield Static(id="import-path-error")

    def on_mount(self) -> None:
        """Focus the path box."""
        self.query_one(Input).focus()

    @on(Input.Submitted, "#import-path")
    def _submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if not value:
            return
        path = os.path.expanduser(value)
        if not (Path(path).exists() or any(c in path for c in "*?[")):
            self.query_one("#import-path-error", Static).update(Text(f"No such file or folder: {value}", style="tip.error"))
            return
        self.dismiss(path)


def _eta(done: int, total: int, elapsed: float) -> str:
    if done <= 0 or total <= 0 or elapsed <= 0.2:
        return "estimating…"
    left = elapsed * (total - done) / done
    return f"about {int(left // 60)} min {int(left % 60)} s left" if left >= 60 else f"about {int(left) + 1} s left"


def summary_text(report, entities_only: bool = False) -> Text:
    """What an import did: imported, unchanged, skipped, failed, and each bad file
    (``entities_only``: what the entity pass alone did)."""
    p = report.progress
    if entities_only:
        left = p.entities_total - p.entities_done
        text = Text("Stopped — " if p.cancelled else "Done — ", style="tip.warning-mark" if left else "tip.ok-mark")
        text.append(f"names found in {p.entities_done:,} of {p.entities_total:,} waiting cable(s)"
                    f" · {p.elapsed:.1f} s\n")
        if left:
            text.append(f"{left:,} cable(s) still waiting: the next import (or this command) goes on with them.\n",
                        style="tip.warning")
        return text
    text = Text("Import cancelled — what was read so far is kept.\n" if p.cancelled else "Import finished.\n",
                style="tip.warning-mark" if p.cancelled else "tip.ok-mark")
    text.append(f"{p.cables_imported:,} cable(s) imported · {p.cables_unchanged:,} already in the library · "
                f"{p.older_texts:,} other text(s) kept aside · {p.files_skipped:,} file(s) skipped (unchanged) · ")
    text.append(f"{len(report.errors):,} failed", style="tip.error-mark" if report.errors else "")
    text.append(f" · {p.elapsed:.1f} s\n")
    left = p.entities_total - p.entities_done
    if p.phase == "entities" and p.entities_done:
        text.append(f"Searchable after {p.searchable_after:.1f} s; names found in {p.entities_done:,} cable(s).\n",
                    style="tip.muted")
    if p.phase == "entities" and left:
        text.append(f"Names not yet found in {left:,} cable(s): they are searchable, but person:, org:, place: … "
                    "miss them until the next import (or `tipreader library entities`).\n", style="tip.warning")
    for path, reason in report.errors[:30]:
        text.append("✗ ", style="tip.error")
        text.append(clean(Path(path).name, newlines=False), style="bold")
        text.append(": " + clean(reason, newlines=False) + "\n")
    if len(report.errors) > 30:
        text.append(f"… and {len(report.errors) - 30} more\n", style="tip.muted")
    return text


class ImportDialog(ModalScreen[object]):
    """Runs the import of ``path`` with a progress bar; dismisses with the ImportReport (or None)."""

    DEFAULT_CSS = _CSS.format(name="ImportDialog")
    BINDINGS = [
        Binding("escape", "cancel", "Cancel / close", id="import.run.cancel",
                tooltip="Stop the import cleanly (cables already read stay); close the summary"),
        Binding("enter", "close", "Close", show=False, id="import.run.close", tooltip="Close the summary"),
    ]

    def __init__(self, library, path: str | None, workers: int | None = None, rebuild: bool = False) -> None:
        """``path`` None: only the entity pass over the cables waiting for it (and those whose names an
        older extractor found: ``Library.reextract_suggested``); ``rebuild``: re-parse
        every stored original (a library written by another tipreader version)."""
        super().__init__()
        self.library = library
        self.path = path
        self.rebuild = rebuild
        self.import_workers = workers
        self.cancel = threading.Event()
        self.report: object = None

    def compose(self) -> ComposeResult:
        with Vertical():
            title = (f"Importing {clean(self.path, newlines=False)}" if self.path is not None
                     else "Rebuilding the library: re-reading every stored original (your bookmarks stay)"
                     if self.rebuild else "Finding the names in the cables waiting for them (person: org: place: …)")
            yield Static(Text(title, style="bold"))
            yield ProgressBar(total=None, show_eta=False, id="import-bar")
            yield Static("Looking for files…", id="import-status")
            yield Static("Esc cancels", id="import-help")

    def on_mount(self) -> None:
        """Start the import."""
        self._run()

    @work(thread=True, exclusive=True, group="import")
    def _run(self) -> None:
        def progress(p) -> None:
            self.app.call_from_thread(self._progress, p)

        try:
            if self.rebuild:
                report = self.library.rebuild(progress=progress, cancel=self.cancel, workers=self.import_workers)
            elif self.path is None:
                report = self.library.index_entities(progress=progress, cancel=self.cancel, workers=self.import_workers,
                                                     reextract=True)
            else:
                report = self.library.import_paths([self.path], progress=progress, cancel=self.cancel,
                                                   workers=self.import_workers)
        except Exception as err:  # an import must end in a message, never a crash
            self.app.call_from_thread(self._failed, f"{type(err).__name__}: {err}")
            return
        if not report.progress.cancelled:  # the TIP submissions' pass: alignment and figures
            from tipreader.tip.store import sync_after_import

            problem = sync_after_import(self.library)
            if problem:
                self.app.call_from_thread(self.app.notify, problem, severity="warning")
        self.app.call_from_thread(self._done, report)

    def _progress(self, p) -> None:
        if self.report is not None:
            return
        bar = self.query_one(ProgressBar)
        if p.bytes_total:
            bar.update(total=p.bytes_total, progress=p.bytes_done)
        if p.phase == "entities":
            # the cables are already searchable; this pass fills person: org: place: ...
            status = Text(f"Finding names: {p.entities_done:,}/{p.entities_total:,} cables · "
                          f"{_eta(p.bytes_done, p.bytes_total, p.elapsed - p.searchable_after)}\n")
            if p.files_total:
                status.append(f"{p.cables_imported:,} cables imported and searchable · {p.failed:,} failed",
                              style="tip.muted")
        else:
            status = Text(f"{p.files_done:,}/{p.files_total:,} files · {p.cables_imported + p.cables_unchanged:,} cables · "
                          f"{p.failed:,} failed · {_eta(p.bytes_done, p.bytes_total, p.elapsed)}\n")
            status.append(clean(Path(p.current).name, newlines=False) if p.current else "", style="tip.muted")
        self.query_one("#import-status", Static).update(status)

    def _done(self, report) -> None:
        self.report = report
        self.query_one(ProgressBar).update(total=100, progress=100)
        self.query_one("#import-status", Static).update(summary_text(report, entities_only=self.path is None and not self.rebuild))
        self.query_one("#import-help", Static).update(Text("Enter or Esc closes", style="tip.muted"))

    def _failed(self, message: str) -> None:
        self.report = False
        self.query_one("#import-status", Static).update(Text(f"The import stopped: {message}", style="tip.error-mark"))

    def action_cancel(self) -> None:
        """Esc: cancel a running import; close once it is over."""
        if self.report is None:
            self.cancel.set()
            self.query_one("#import-help", Static).update(Text("Cancelling…", style="tip.warning"))
        else:
            self.dismiss(self.report or None)

    def action_close(self) -> None:
        """Enter: close the summary (the import keeps running until it is over)."""
        if self.report is not None:
            self.dismiss(self.report or None)


def _writable(app, lib, doing: str) -> bool:
    """False, and the user told why, when ``lib`` is read-only (``doing``: "an import"...)."""
    if not getattr(lib, "read_only", False):
        return True
    from tipreader.library.damage import read_only

    app.notify(str(read_only(lib.root, doing)), title="Library", severity="warning", timeout=15, markup=False)
    return False


def start_entity_pass(app, workers: int | None = None) -> None:
    """Run the entity pass over the cables waiting for it, in the import dialog."""
    services = services_of(app)
    lib = services.library
    if lib is not None and _writable(app, lib, "the entity pass"):
        app.push_screen(ImportDialog(lib, None, workers), lambda _report: services.library_updated())


def start_rebuild(app, workers: int | None = None) -> None:
    """Rebuild the library (re-parse every stored original) in the import dialog."""
    services = services_of(app)
    lib = services.library
    if lib is not None and _writable(app, lib, "a rebuild"):
        app.push_screen(ImportDialog(lib, None, workers, rebuild=True), lambda _report: services.library_updated())


def start_import(app, path: str | None = None, workers: int | None = None) -> None:
    """Ask for a path (unless given), import it, then refresh the library screens."""
    services = services_of(app)
    lib = services.library
    if lib is None or not _writable(app, lib, "an import"):
        return

    def finished(_report) -> None:
        services.library_updated()  # references newly in the library get their links; lists refresh

    def chosen(value: str | None) -> None:
        if value:
            app.push_screen(ImportDialog(lib, value, workers), finished)

    if path:
        chosen(path)
    else:
        app.push_screen(ImportPathDialog(), chosen)

"""The Textual app: opens a cable in the reader, or the start screen when none is named."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import on, work
from textual.app import App
from textual.binding import Binding

from tipreader.cable.model import Cable, CableError
from tipreader.config import Config, load_config
from tipreader.ui.gc_tuning import IdleCollector, freeze_long_lived
from tipreader.ui.terminal_watch import TerminalWatch
from tipreader.ui.library_commands import LibraryCommands
from tipreader.ui.messages import OpenTarget
from tipreader.ui.reader_bookmarks import open_bookmarks, open_target
from tipreader.ui.screens.bookmarks import BookmarkCommands, OpenBookmark
from tipreader.ui.screens.compare import CompareScreen
from tipreader.ui.reader_navigation import LibraryReader, library_ready
from tipreader.ui.screens.library import LibraryScreen
from tipreader.ui.screens.reader import ReaderScreen
from tipreader.ui.settings import apply_config, remember_theme, theme_variable_defaults
from tipreader.ui.source import CableSource, NoLibrary, load


class TipReaderApp(TerminalWatch, IdleCollector, App[None]):
    """tipreader. ``target`` is a file or a ref_id; ``cable`` opens a parsed cable directly.

    ``source`` looks ref_ids up (the library); a callable is called in a thread after
    the first paint and its result replaces the empty source.
    """

    TITLE = "tipreader"
    CSS_PATH = "tipreader.tcss"
    COMMANDS = App.COMMANDS | {BookmarkCommands, LibraryCommands}
    BINDINGS = [
        Binding("ctrl+p", "command_palette", "Palette", id="app.app.palette", tooltip="Command palette: the cable's questions and parts, and commands", show=False),
        Binding("ctrl+q", "quit", "Quit", id="app.app.quit", tooltip="Quit tipreader", show=False, priority=True),
        Binding("ctrl+o", "import_cables", "Import", id="app.app.import", show=False,
                tooltip="Import cable files or folders into the library (in the background, Esc cancels)"),
    ]

    def __init__(
        self,
        target: str | None = None,
        *,
        cable: Cable | None = None,
        source: CableSource | Callable[[], CableSource | None] | None = None,
    ) -> None:
        super().__init__()
        self.target = target
        self.initial_cable = cable
        self._source_factory = source if callable(source) and not isinstance(source, CableSource) else None
        self.source: CableSource = source if isinstance(source, CableSource) else NoLibrary()
        self.error: str | None = None
        self.config: Config | None = None
        self.bookmarks = None  # the BookmarkStore, set by open_bookmarks

    def on_mount(self) -> None:
        """Apply the settings (theme, keymap), then the library screen, and the cable asked for above it."""
        self.config = load_config()
        apply_config(self, self.config)
        remember_theme(self)
        open_bookmarks(self)
        cable = self.initial_cable
        if cable is None and self.target:
            try:
                cable = load(self.target, self.source)
            except CableError as err:
                self.error = f"{err.source or self.target}: {err}"
                self.exit(return_code=1, message=f"tipreader: {self.error}")
                return
        if cable is not None:
            # The library screen is made when the reader goes back to it (q): the cable paints first.
            self.push_screen(LibraryReader(cable, self.source))
        else:
            self.push_screen(LibraryScreen())
        if self._source_factory is not None:
            self.call_after_refresh(self._open_source)
        # once the first screen is up and its library open: start-up objects live as long as the app
        self.set_timer(1.0, lambda: freeze_long_lived("startup"))

    def get_theme_variable_defaults(self) -> dict[str, str]:
        """Theme variables for the classification and entity colours ($classification-secret ...)."""
        return {**super().get_theme_variable_defaults(), **theme_variable_defaults(self)}

    @work(thread=True, exclusive=True, group="source")
    def _open_source(self) -> None:
        factory = self._source_factory
        source = factory() if factory is not None else None
        if source is not None:
            self.call_from_thread(self._source_ready, source)

    def _source_ready(self, source: CableSource) -> None:
        self.source = source
        for screen in self.screen_stack:
            if isinstance(screen, ReaderScreen):
                screen.set_source(source)
        library_ready(self)

    def action_import_cables(self) -> None:
        """Ask for a path and import it into the library."""
        from tipreader.ui.dialogs.import_dialog import start_import

        start_import(self)

    @on(OpenTarget)
    def _open(self, message: OpenTarget) -> None:
        try:
            cable = load(message.target, self.source)
        except CableError as err:
            self.notify(f"{Path(err.source or message.target).name}: {err}", severity="error", markup=False)
            return
        self.push_screen(LibraryReader(cable, self.source))

    @on(CompareScreen.OpenAnswer)
    def _open_answer(self, message: CompareScreen.OpenAnswer) -> None:
        """An answer chosen in the compare view: its cable above the view (``q`` comes back to it)."""
        open_target(self, message.ref_id, message.paragraph)

    @on(OpenBookmark)
    def _open_bookmark(self, message: OpenBookmark) -> None:
        open_target(self, message.ref_id, message.para)

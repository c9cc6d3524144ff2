"""The Textual app: opens a cable in the reader, or the start screen when none is named."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import on, work
from textual.app import App
from textual.binding import Binding

from tipreader.cable.model import Cable, CableError
from tipreader.config import Config, load_config
from tipreader.ui.messages import OpenTarget
from tipreader.ui.reader_bookmarks import open_bookmarks, open_target
from tipreader.ui.screens.bookmarks import BookmarkCommands, OpenBookmark
from tipreader.ui.screens.reader import ReaderScreen
from tipreader.ui.screens.start import StartScreen
from tipreader.ui.settings import apply_config, remember_theme, theme_variable_defaults
from tipreader.ui.source import CableSource, NoLibrary, load, sample_files


class TipReaderApp(App[None]):
    """tipreader. ``target`` is a file or a ref_id; ``cable`` opens a parsed cable directly.

    ``source`` looks ref_ids up (the library); a callable is called in a thread after
    the first paint and its result replaces the empty source. ``files`` are what the
    start screen lists (the sample cables by default).
    """

    TITLE = "tipreader"
    CSS_PATH = "tipreader.tcss"
    COMMANDS = App.COMMANDS | {BookmarkCommands}
    BINDINGS = [
        Binding("ctrl+p", "command_palette", "Palette", id="app.app.palette", tooltip="Command palette: the cable's questions and parts, and commands", show=False),
        Binding("ctrl+q", "quit", "Quit", id="app.app.quit", tooltip="Quit tipreader", show=False, priority=True),
    ]

    def __init__(
        self,
        target: str | None = None,
        *,
        cable: Cable | None = None,
        source: CableSource | Callable[[], CableSource | None] | None = None,
        files: list[Path] | None = None,
    ) -> None:
        super().__init__()
        self.target = target
        self.initial_cable = cable
        self._source_factory = source if callable(source) and not isinstance(source, CableSource) else None
        self.source: CableSource = NoLibrary() if self._source_factory or source is None else source
        self.files = files
        self.error: str | None = None
        self.config: Config | None = None
        self.bookmarks = None  # the BookmarkStore, set by open_bookmarks

    def on_mount(self) -> None:
        """Apply the settings (theme, keymap), then open the cable asked for, or the start screen."""
        self.config = load_config()
        apply_config(self, self.config)
        remember_theme(self)
        open_bookmarks(self)
        if self.initial_cable is not None:
            self.push_screen(ReaderScreen(self.initial_cable, self.source, first=True))
        elif self.target:
            try:
                cable = load(self.target, self.source)
            except CableError as err:
                self.error = f"{err.source or self.target}: {err}"
                self.exit(return_code=1, message=f"tipreader: {self.error}")
                return
            self.push_screen(ReaderScreen(cable, self.source, first=True))
        else:
            self.push_screen(StartScreen(self.files if self.files is not None else sample_files()))
        if self._source_factory is not None:
            self.call_after_refresh(self._open_source)

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

    @on(OpenTarget)
    def _open(self, message: OpenTarget) -> None:
        try:
            cable = load(message.target, self.source)
        except CableError as err:
            self.notify(f"{Path(err.source or message.target).name}: {err}", severity="error", markup=False)
            return
        self.push_screen(ReaderScreen(cable, self.source))

    @on(OpenBookmark)
    def _open_bookmark(self, message: OpenBookmark) -> None:
        open_target(self, message.ref_id, message.para)

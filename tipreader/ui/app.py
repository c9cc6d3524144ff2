"""The Textual app: opens a cable in the reader, or the library screen when none is named.

The app owns the shared :class:`~tipreader.ui.services.Services` (``app.services``) and
handles the app-wide messages in one place each: :class:`OpenCable` (every way of opening
a cable: the library, links, bookmarks, the palette), :class:`WalkHistory` (Back/Forward)
and :class:`ShowLibrary`. Errors in workers reach :meth:`TipReaderApp._worker_failed`,
which tells the user and writes the traceback to ``tipreader.log`` in the data folder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, on, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from tipreader.cable.model import Cable, CableError
from tipreader.config import load_config
from tipreader.ui.errors import log_error, start_log
from tipreader.ui.gc_tuning import IdleCollector, freeze_long_lived
from tipreader.ui.history import Step
from tipreader.ui.key_burst import KeyTargets
from tipreader.ui.library_commands import LibraryCommands
from tipreader.ui.messages import OpenCable, ShowLibrary, WalkHistory
from tipreader.ui.screens.bookmarks import BookmarkCommands, OpenBookmark
from tipreader.ui.screens.library import LibraryScreen
from tipreader.ui.screens.reader import ReaderScreen
from tipreader.ui.services import Services
from tipreader.ui.settings import apply_config, remember_theme, theme_variable_defaults
from tipreader.ui.source import CableSource, load
from tipreader.ui.terminal_watch import TerminalWatch
from tipreader.ui.text_styles import install_text_styles

if TYPE_CHECKING:
    from tipreader.library.userdata import UserData  # the library package is imported when first used

READER = "reader"  # the name the kept reader screen is installed under


class TipReaderApp(App[None]):
    """tipreader. ``target`` is a file or a ref_id; ``cable`` opens a parsed cable directly.

    ``source`` looks ref_ids up (the library); a callable is called in a thread after
    the first paint and its result replaces the empty source.
    """

    TITLE = "tipreader"
    CSS_PATH = str(Path(__file__).with_name("tipreader.tcss"))  # absolute: subclasses live elsewhere
    COMMANDS = App.COMMANDS | {BookmarkCommands, LibraryCommands}
    BINDINGS = [
        Binding("ctrl+p", "command_palette", "Palette", id="app.app.palette", tooltip="Command palette: the cable's questions and parts, and commands", show=False),
        Binding("f1", "help", "Help", id="app.app.help", tooltip="This app's keys, for the screen shown, and the search syntax"),
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
        factory = source if callable(source) and not isinstance(source, CableSource) else None
        self._services = Services(self, source if isinstance(source, CableSource) else None, factory)
        self.error: str | None = None
        self.collector = IdleCollector(self)  # garbage collection at idle moments
        self.terminal_watch = TerminalWatch(self)  # quit when the terminal hangs up
        self._reader: ReaderScreen | None = None  # the reader screen kept from cable to cable
        self._key_targets = KeyTargets()

    @property
    def services(self) -> Services:
        """What the screens share: library, user data, bookmarks, history, settings."""
        return self._services

    def on_mount(self) -> None:
        """Apply the settings (theme, keymap), then the library screen, and the cable asked for above it."""
        start_log()
        install_text_styles(self)  # the tip.* names the widgets draw with, in this theme's colours
        self.collector.start()
        self.terminal_watch.start()
        services = self.services
        services.config = load_config()
        apply_config(self, services.config)
        remember_theme(self)
        services.team.start(services.config)  # the team settings first: the stores open its items too
        services.open_bookmarks()
        cable = self.initial_cable
        if cable is None and self.target:
            try:
                cable = load(self.target, services.source)
            except CableError as err:
                self.error = f"{err.source or self.target}: {err}"
                self.exit(return_code=1, message=f"tipreader: {self.error}")
                return
        if cable is not None:
            # The library screen is made when the reader goes back to it (q): the cable paints first.
            reader = ReaderScreen(cable)
            self._keep(reader)
            self.push_screen(reader)
        else:
            self.push_screen(LibraryScreen())
        if services.source_factory is not None:
            self.call_after_refresh(self._open_source)
        # once the first screen is up and its library open: start-up objects live as long as the app
        self.set_timer(1.0, lambda: freeze_long_lived("startup"))

    def on_unmount(self) -> None:
        """Leave the garbage collector as it was found."""
        self.collector.stop()

    async def on_event(self, event: events.Event) -> None:
        """Tell the collector about input (it waits for a pause), then handle the event; a key read
        is remembered with the widget it goes to (:mod:`tipreader.ui.key_burst`)."""
        self.collector.saw(event)
        if isinstance(event, events.Key) and not event.is_forwarded:
            self._key_targets.handed(event, self.focused)
        await super().on_event(event)

    def on_key(self, event: events.Key) -> None:
        """A key came back unused: to the text field focused meanwhile, if any (a burst: ``/shelter``)."""
        self._key_targets.came_back(event, self.focused)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        """Theme variables for the classification and entity colours ($classification-secret ...)."""
        return {**super().get_theme_variable_defaults(), **theme_variable_defaults(self)}

    @work(thread=True, exclusive=True, group="source", exit_on_error=False)
    def _open_source(self) -> None:
        factory = self.services.source_factory
        try:
            source = factory() if factory is not None else None
        except Exception as err:  # noqa: BLE001 - any reason the library cannot open: said, and logged
            log_error("opening the library", err)
            self.call_from_thread(self.services.library_failed, str(err))
            return
        if source is not None:
            self.call_from_thread(self.services.set_source, source)

    # ---- errors ---------------------------------------------------------------------
    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        """A worker failed: tell the user in one line and log the traceback."""
        if event.state != WorkerState.ERROR or event.worker.error is None:
            return
        err = event.worker.error
        where = log_error(f"worker {event.worker.name or event.worker.group}", err)
        self.notify(f"{event.worker.name or 'A background task'} failed: {type(err).__name__}: {err}"
                    + (f" (details in {where})" if where else ""), severity="error", markup=False, timeout=8)

    # ---- opening cables: the one place ---------------------------------------------
    def here(self) -> Step:
        """The place on screen: the reader's cable and position, or the library."""
        screen = self.screen
        return screen.step() if isinstance(screen, ReaderScreen) else Step(None)

    @on(OpenCable)
    def _open_cable(self, message: OpenCable) -> None:
        """Open ``message.target``, recording the place left in the history."""
        self.open_cable(message.target, message.para, message.query, mark=message.mark)

    def open_cable(self, target: str, para: int | None = None, query: str = "", *,
                   restore: Step | None = None, record: bool = True, mark: str = "") -> bool:
        """Show ``target`` (a ref_id or a file) at ``para`` (None: where it was left) or at ``restore``;
        the place left is recorded first unless ``record`` is False (a walk in the history).
        False, and the user is told, when it cannot be opened."""
        services = self.services
        screen = self.screen
        if isinstance(screen, ReaderScreen) and screen.cable.ref_id.upper() == target.strip().upper():
            if restore is not None:
                screen.restore(restore)
            elif para is not None:
                screen.jump_to(para)  # a jump inside the cable: recorded by the reader
            return True
        try:
            cable = load(target, services.source)
        except CableError as err:
            self.notify(f"{target}: {err}", severity="warning", markup=False)
            return False
        if record:
            services.history.visit(self.here())
        if isinstance(screen, ReaderScreen):
            screen.leave()  # first: the work started for the cable left (its entities) stops before this one's
        data = services.userdata
        if data is not None:
            if para is None and restore is None:
                para = data.position(cable.ref_id)
            self._record_open(data, cable.ref_id)
        if isinstance(screen, ReaderScreen):
            screen.show(cable, para=para, query=query, restore=restore, mark=mark)  # its widgets reused
            return True
        reader = self._reader
        if reader is not None and reader not in self.screen_stack:  # the reader left for the library
            reader.show(cable, para=para, query=query, restore=restore, mark=mark)
        else:  # the first reader, or one above a view opened from it (compare, figures): a new screen
            reader = ReaderScreen(cable, para=para, query=query, restore=restore, mark=mark)
            self._keep(reader)
        self.push_screen(reader)
        return True

    @work(thread=True, group="record-open", exit_on_error=False)
    def _record_open(self, data: UserData, ref_id: str) -> None:
        """Add ``ref_id`` to the cables opened, in a thread: the write waits for the disk (a durable
        commit), which the cable's first paint need not do."""
        try:
            data.record_open(ref_id)
        except Exception as exc:  # the history of opened cables is a comfort
            log_error("record_open", exc)

    @on(WalkHistory)
    def _walk(self, message: WalkHistory) -> None:
        history = self.services.history
        step = history.back(self.here()) if message.delta < 0 else history.forward(self.here())
        if step is None:
            self.bell()
        elif step.ref_id is None:
            self.show_library()
        else:
            self.open_cable(step.ref_id, restore=step, record=False)

    @on(ShowLibrary)
    def _show_library(self) -> None:
        self.show_library()

    def show_library(self) -> None:
        """Back to the library screen: pop the readers above it, or make it when a reader was first."""
        screen = self.screen
        if isinstance(screen, ReaderScreen):
            if screen is self._reader:
                screen.leave()  # kept for the next cable, not unmounted: its parts save what they keep now
            if len(self.screen_stack) > 2:
                self.pop_screen()
            else:
                self.switch_screen(LibraryScreen())

    def _keep(self, reader: ReaderScreen) -> None:
        """Keep ``reader`` when it leaves for the library: the next cable opened there is shown in it
        (a new screen costs more than the cable: styles, layout, the footer's keys)."""
        if self._reader is None:
            self._reader = reader
            self.install_screen(reader, READER)

    @on(OpenBookmark)
    def _open_bookmark(self, message: OpenBookmark) -> None:
        self.open_cable(message.ref_id, message.para)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's palette commands, but "Keys" opens this app's help (Textual's keys panel lists
        the text box's editing keys and squeezes the screen into a narrow strip), and "Screenshot"
        saves where the user will find it and says where (Textual's goes to a Downloads folder a
        server seldom has, and then says only "Failed to save screenshot")."""
        from tipreader.ui.screenshot import screenshot_soon

        for command in super().get_system_commands(screen):
            if command.title == "Keys":
                yield SystemCommand("Keys", "This screen's keys, grouped, and the search syntax (F1)", self.action_help)
            elif command.title == "Screenshot":
                yield SystemCommand("Screenshot", "Save an SVG picture of the screen in the folder tipreader "
                                    "was started from", lambda: screenshot_soon(self))
            else:
                yield command

    # ---- app actions ----------------------------------------------------------------
    def action_import_cables(self) -> None:
        """Ask for a path and import it into the library."""
        from tipreader.ui.dialogs.import_dialog import start_import

        start_import(self)

    def action_help(self) -> None:
        """This app's help for the screen shown: its keys, grouped (and the search syntax)."""
        from tipreader.ui.dialogs.help import show_help

        show_help(self)

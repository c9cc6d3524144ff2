"""What the app's screens share, on one typed object: :class:`Services`.

Created once in :class:`~tipreader.ui.app.TipReaderApp`'s ``__init__`` and reached from any
widget or screen with :func:`services_of` (``services_of(self).library``), never with
``getattr(app, ...)``. It holds:

- ``source``: where ref_ids are looked up (the library's :class:`LibrarySource`, or
  :class:`NoLibrary` until the library is open);
- ``library``: the :class:`~tipreader.library.Library`, opened on first use from any thread;
- ``bookmarks``, ``codes`` (coded passages) and ``userdata``: the user's database (None when it cannot be opened; a
  damaged one is offered a fresh start once per file);
- ``history``: back/forward across cables and jumps;
- ``codebook``: the codebook in effect (read on first use);
- ``team``: the background sync with the team server (:class:`~tipreader.ui.team_sync.TeamSync`;
  idle without one) and ``team_items``: what was pulled from it (teammates' bookmarks and notes);
- ``config`` and the session's choices (``entities_highlight``);
- ``library_changed``: a :class:`~textual.signal.Signal` published after an import or when
  the library opens, so screens refresh themselves (``services.library_changed.subscribe``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

from textual.signal import Signal

from tipreader.ui.history import History
from tipreader.ui.team_sync import TeamSync
from tipreader.ui.source import CableSource, LibrarySource, NoLibrary

if TYPE_CHECKING:
    from textual.app import App
    from textual.dom import DOMNode
    from textual.notifications import SeverityLevel

    from tipreader.config import Config
    from tipreader.library import Library, UserData
    from tipreader.library.bookmarks import BookmarkStore
    from tipreader.library.userdb_safety import UserDBError
    from tipreader.userdata.codebook import Codebook
    from tipreader.userdata.codes import CodeStore
    from tipreader.userdata.filters import UserFilter
    from tipreader.userdata.local import LocalItems

_log = logging.getLogger(__name__)

SourceFactory = Callable[[], "CableSource | None"]


class Services:
    """The app's shared state; see the module's docstring."""

    def __init__(self, app: App[Any], source: CableSource | None = None,
                 source_factory: SourceFactory | None = None) -> None:
        self.app = app
        self.source: CableSource = source if source is not None else NoLibrary()
        self.source_factory = source_factory
        self.history = History()
        self.config: Config | None = None
        self.entities_highlight: bool | None = None
        self.bookmarks: BookmarkStore | None = None
        self.codes: CodeStore | None = None  # coded passages, opened with the bookmarks
        self.team_items: LocalItems | None = None  # items pulled from the team server, opened with the bookmarks
        self.team = TeamSync(self)
        self._codebook: Codebook | None = None
        self.library_changed: Signal[None] = Signal(app, "library-changed")
        # published when the bookmark store is replaced (a fresh start): readers mark again
        self.bookmarks_changed: Signal[None] = Signal(app, "bookmarks-changed")
        self._library: Library | None = getattr(self.source, "library", None)
        self._userdata: UserData | None = None
        self._lock = threading.Lock()
        self._asked: set[str] = set()  # damaged user databases already offered a fresh start
        # why the library cannot be used (damaged, lost, a home that is a file...): shown, not retried
        self.library_problem: str | None = None

    # ---- the library -------------------------------------------------------------------
    @property
    def library_opening(self) -> bool:
        """True while the app opens the library in a thread (``source_factory`` not yet done)."""
        return isinstance(self.source, NoLibrary) and self.source_factory is not None

    @property
    def library(self) -> Library | None:
        """The Library, opened once on first use (from any thread); None when it cannot be opened
        (the user is told) or while the app is still opening it."""
        with self._lock:
            if self._library is not None:
                return self._library
            lib = getattr(self.source, "library", None)
            if lib is not None:
                self._library = lib
                return lib
            if self.library_opening or self.library_problem is not None:
                return None  # set_source() or library_failed() follows, or followed
            from tipreader.library import Library

            try:
                lib = Library.open()
            except Exception as err:  # a broken library: the reader still reads files
                _log.warning("the library cannot be opened", exc_info=True)
                self._notify(f"Library: {err}", severity="error")
                return None
            self._library = lib
            if isinstance(self.source, NoLibrary):
                self.source = LibrarySource(lib)
            return lib

    def library_failed(self, message: str) -> None:
        """The library cannot be used: say what is wrong and what to do (in a notification, and on
        the library screens, which read :attr:`library_problem`); files still open in the reader."""
        self.library_problem = message
        self.source_factory = None
        self.app.notify(message, title="Library", severity="error", timeout=60, markup=False)
        self.library_changed.publish(None)

    def set_source(self, source: CableSource) -> None:
        """The library is open (the app's factory ran): use it, and tell the screens."""
        self.source = source
        self.source_factory = None
        lib = getattr(source, "library", None)
        if lib is not None and getattr(lib, "problem", None) is not None:  # a damaged index, lost cables
            self._library = lib
            self.library_failed(f"{lib.problem}. In the app: ctrl+p, \"Rebuild the library\".")
            return
        if lib is not None:
            self._library = lib
            if getattr(lib, "read_only", False):
                from tipreader.library.damage import read_only_note

                self.app.notify(f"{read_only_note(lib.root)}; imports and rebuilds are off.", title="Library",
                                severity="warning", timeout=10, markup=False)
            if getattr(lib, "needs_rebuild", None):
                self.app.notify(f"{lib.needs_rebuild}. Rebuild it from the palette (ctrl+p, \"Rebuild the library\") or with "
                                "`tipreader library rebuild`; your bookmarks and notes are kept.",
                                title="Library", severity="warning", timeout=30, markup=False)
            elif getattr(lib, "rebuild_suggested", None):
                self.app.notify(f"{lib.rebuild_suggested}. Rebuild from the palette (ctrl+p, \"Rebuild the library\") "
                                "or with `tipreader library rebuild`; your bookmarks and notes are kept.",
                                title="Library", severity="information", timeout=20, markup=False)
            elif getattr(lib, "reextract_suggested", None) and not getattr(lib, "read_only", False):
                note = lib.reextract_suggested
                self.app.notify(f"{note[:1].upper()}{note[1:]}. From the palette (ctrl+p, \"Re-extract the names\") "
                                "or with `tipreader library entities`.",
                                title="Library", severity="information", timeout=20, markup=False)
        self.library_changed.publish(None)

    def library_updated(self) -> None:
        """After an import or a rebuild: references newly in the library get their links; a problem the
        rebuild repaired is gone; screens refresh."""
        lib = self._library
        if self.library_problem is not None and lib is not None and getattr(lib, "problem", None) is None:
            self.library_problem = None
        forget = getattr(self.source, "forget", None)
        if forget is not None:
            forget()
        self.library_changed.publish(None)

    # ---- the user's database ----------------------------------------------------------
    def open_bookmarks(self) -> None:
        """Open the bookmark and code stores, and with a team server the items pulled from it (None when
        the user database cannot be opened)."""
        from tipreader.library.bookmarks import BookmarkStore, UserDBError
        from tipreader.userdata.codes import CodeStore
        from tipreader.userdata.local import LocalItems

        self.bookmarks = self.codes = self.team_items = None
        try:
            self.bookmarks = BookmarkStore.open()
            self.codes = CodeStore.open()
            if self.team.enabled:
                try:
                    self.team_items = LocalItems.open()
                except Exception as err:  # teammates' items are not shown; the user's own are all there
                    _log.error("team items cannot be opened", exc_info=True)
                    self._notify(f"Teammates' items are not shown: {err}", severity="warning")
        except UserDBError as err:
            self.offer_fresh_start(err)
        except Exception as err:  # unexpected: read on without bookmarks, and say so
            _log.error("bookmarks cannot be opened", exc_info=True)
            self._notify(f"Bookmarks are off: {err}", severity="error")

    @property
    def codebook(self) -> Codebook:
        """The codebook in effect, read on first use; a file that cannot be used is said once
        (one line) and the bundled codebook is used."""
        if self._codebook is None:
            from tipreader.userdata.codebook import load_codebook

            self._codebook, problems = load_codebook()
            for problem in problems:
                self.app.notify(problem, title="Codebook", severity="warning", timeout=15, markup=False)
        return self._codebook

    def user_filter(self) -> UserFilter | None:
        """What answers ``bookmarked:``, ``note:``, ``author:`` and ``code:`` in a search: the open
        stores (None when the user database is off: those fields then say so)."""
        from tipreader.userdata.filters import UserFilter

        if self.bookmarks is None or self.codes is None:
            return None
        return UserFilter(bookmarks=self.bookmarks, codes=self.codes)

    @property
    def userdata(self) -> UserData | None:
        """Reading positions and history, opened on first use; None when they cannot be."""
        if self._userdata is None:
            from tipreader.library import UserData
            from tipreader.library.userdb_safety import UserDBError

            try:
                self._userdata = UserData.open()
            except UserDBError as err:
                self.offer_fresh_start(err)
            except Exception:  # reading positions are a comfort, never a reason to fail
                _log.warning("reading positions cannot be opened", exc_info=True)
        return self._userdata

    def offer_fresh_start(self, err: UserDBError) -> None:
        """Say that the user database ``err.path`` is damaged and offer to start a fresh one beside it.

        Shown once per file however many stores find it damaged, from any thread. Nothing is
        touched unless the user accepts; then bookmarks and positions open on a fresh file."""
        from tipreader.ui.dialogs.userdb_damaged import UserDBDamaged

        key = str(Path(err.path).resolve())
        with self._lock:
            if key in self._asked:
                return
            self._asked.add(key)
        app = self.app

        def answered(fresh: bool | None) -> None:
            if not fresh:
                return  # "Not now": bookmarks and positions stay off; not asked again this session
            with self._lock:
                self._asked.discard(key)
            self._userdata = None
            self.open_bookmarks()
            self.bookmarks_changed.publish(None)

        def show() -> None:
            if getattr(err, "kind", "damaged") != "damaged":  # read-only, full, unreachable: a healthy file
                app.notify(str(err), title="Bookmarks cannot be saved", severity="error", timeout=15, markup=False)
                return
            app.call_after_refresh(app.push_screen, UserDBDamaged(str(err), err.path), answered)

        self._on_app_thread(show)

    # ---- helpers ----------------------------------------------------------------------
    def _on_app_thread(self, call: Callable[[], object]) -> None:
        if threading.get_ident() == getattr(self.app, "_thread_id", threading.get_ident()):
            call()
        else:  # a worker (the library screen reads the history in one)
            try:
                self.app.call_from_thread(call)
            except RuntimeError:  # the app is closing
                _log.debug("app closing: %s not shown", call)

    def _notify(self, message: str, severity: SeverityLevel = "information") -> None:
        self._on_app_thread(lambda: self.app.notify(message, severity=severity, markup=False))


class _HasServices(Protocol):
    services: Services


def services_of(node: DOMNode) -> Services:
    """The app's :class:`Services` from any widget or screen (``services_of(self).history``)."""
    return cast(_HasServices, node.app).services

"""The app's background sync with the team server (:mod:`tipreader.userdata.team`).

When a team server is set (settings ``[team] url``, or ``TIPREADER_TEAM_URL``), the app
syncs in a thread worker: once at start, every :data:`INTERVAL` seconds, and a few seconds
after the user bookmarks, writes a note or codes (:meth:`TeamSync.soon`). Nothing waits on
the network: the user's items are in the local user database before a sync starts, and a
server that cannot be reached only changes the status ("offline"), said once in a
notification; the next sync sends what waited. After each sync :attr:`TeamSync.changed`
is published, so the reader shows teammates' new marks, notes and codes in place.

Without a team server nothing here runs and :meth:`TeamSync.status` is "".
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.signal import Signal

from tipreader.ui.errors import log_error

if TYPE_CHECKING:
    from textual.timer import Timer

    from tipreader.config import Config
    from tipreader.ui.services import Services
    from tipreader.userdata.team import TeamSettings

_log = logging.getLogger(__name__)

INTERVAL = 60.0  # seconds between background syncs
SOON = 2.0  # seconds after a local change before it is pushed (changes in a burst go together)
OFF, SYNCING, SYNCED, OFFLINE = "off", "syncing", "synced", "offline"


@dataclass(frozen=True, slots=True)
class SyncOutcome:
    """What one background sync did: ``state`` (:data:`SYNCED` or :data:`OFFLINE`), the items
    pushed and pulled, how many of the user's items still wait, and the error (one line)."""

    state: str
    pushed: int = 0
    pulled: int = 0
    waiting: int = 0
    error: str = ""


def sync_once(settings: TeamSettings, home: str | None = None) -> SyncOutcome:
    """Push the user's changes and pull everyone's, on connections of its own (any thread);
    an unreachable or failing server is an :data:`OFFLINE` outcome, never an exception."""
    from tipreader.library.bookmarks import BookmarkStore
    from tipreader.userdata.codes import own_codes
    from tipreader.userdata.local import LocalItems
    from tipreader.userdata.team import TeamError, TeamServer, sync

    with LocalItems.open(home) as local, BookmarkStore.open(home) as store:
        try:
            with TeamServer.connect(settings) as server:
                report = sync(server, local, store.all(), own_codes(local.con))
        except TeamError as err:
            waiting = len(local.outgoing(store.all(), own_codes(local.con)))
            return SyncOutcome(OFFLINE, waiting=waiting, error=str(err))
        return SyncOutcome(SYNCED, report.pushed, report.pulled)


class TeamSync:
    """Background sync for the app (see the module's docstring); one per app, on its Services."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.settings: TeamSettings | None = None
        self.state = OFF
        self.last: SyncOutcome | None = None
        self.last_synced: float | None = None
        self.changed: Signal[None] = Signal(services.app, "team-changed")
        self._running = False
        self._again = False
        self._asked = False  # the user asked for this sync (the palette): its outcome is always said
        self._soon: Timer | None = None

    @property
    def enabled(self) -> bool:
        """True when a team server is set."""
        return self.settings is not None

    @property
    def where(self) -> str:
        """The team server, without its password ("" without one)."""
        return self.settings.display if self.settings is not None else ""

    @property
    def running(self) -> bool:
        """True while a sync runs."""
        return self._running

    def start(self, config: Config | None) -> None:
        """Read the team settings; when a server is set, sync now and every :data:`INTERVAL` seconds."""
        from tipreader.userdata.team import team_settings

        try:
            self.settings = team_settings(config)
        except Exception as err:  # noqa: BLE001 - a malformed URL: said once, the app reads on alone
            log_error("reading the team settings", err)
            self.services.app.notify(f"Team server not used: {err}", title="Team", severity="warning", markup=False)
            self.settings = None
        if self.settings is None:
            return
        self.state = SYNCING
        app = self.services.app
        app.set_interval(INTERVAL, self.sync_now, name="team-sync")
        app.call_after_refresh(self.sync_now)

    def soon(self) -> None:
        """The user changed an item: sync in :data:`SOON` seconds (once for a burst of changes)."""
        if self.settings is None:
            return
        if self._soon is not None:
            self._soon.stop()
        self._soon = self.services.app.set_timer(SOON, self.sync_now, name="team-sync-soon")

    def sync_asked(self) -> None:
        """The user asked for a sync now (the palette): start it and say how it ended."""
        self._asked = True
        if self.sync_now():
            self.services.app.notify(f"Syncing with {self.where}…", title="Team", markup=False, timeout=3)

    def sync_now(self) -> bool:
        """Start a sync in a thread (or another right after the one running); False without a server."""
        if self.settings is None:
            return False
        if self._running:
            self._again = True
            return True
        self._running, self._again = True, False
        self.state = SYNCING
        self.changed.publish(None)
        settings = self.settings
        app = self.services.app

        def work() -> None:
            outcome = SyncOutcome(OFFLINE, error="the sync failed (details in tipreader.log)")
            try:
                outcome = sync_once(settings)  # anything unexpected reaches the app's worker-error handler
            finally:
                try:
                    app.call_from_thread(self._finished, outcome)
                except RuntimeError:  # the app closed meanwhile
                    _log.debug("team sync finished after the app closed")

        app.run_worker(work, thread=True, group="team-sync", name="Team sync", exit_on_error=False)
        return True

    def _finished(self, outcome: SyncOutcome) -> None:
        was = self.last.state if self.last is not None else None
        self.last, self._running = outcome, False
        self.state = outcome.state
        app = self.services.app
        asked, self._asked = self._asked and not self._again, self._asked and self._again
        if outcome.state == SYNCED:
            self.last_synced = time.time()
            if asked:
                app.notify(f"Synced: {outcome.pushed} item(s) sent, {outcome.pulled} of teammates' fetched.", title="Team",
                           markup=False, timeout=5)
            elif was == OFFLINE:
                app.notify("The team server is back: your items are sent, teammates' fetched.", title="Team",
                           markup=False, timeout=5)
        elif was != OFFLINE or asked:  # said once, not at every retry
            _log.warning("team sync: %s", outcome.error)
            app.notify(f"Working offline: {outcome.error.rstrip('.?! ')}. Your items are kept here and sent when "
                       "the server is back.", title="Team", severity="warning", markup=False, timeout=10)
        self.changed.publish(None)
        if self._again:
            self.sync_now()

    def status(self) -> str:
        """The status line's words: ``team: synced 14:02``, ``team: syncing…``, ``team: offline · 3 to send``."""
        if self.settings is None:
            return ""
        if self.state == SYNCING:
            return "team: syncing…"
        if self.state == OFFLINE and self.last is not None:
            waiting = f" · {self.last.waiting} to send" if self.last.waiting else ""
            return f"team: offline{waiting}"
        if self.last_synced is not None:
            return f"team: synced {time.strftime('%H:%M', time.localtime(self.last_synced))}"
        return "team: not synced yet"

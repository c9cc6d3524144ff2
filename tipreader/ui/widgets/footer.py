"""A Footer that rebuilds its keys only when the keys it shows have changed.

Textual's Footer recomposes every key widget on each bindings change (each focus
move), and opening a reader moves focus several times: six rebuilds of some thirty
widgets cost about a third of the time to open a cable. This one coalesces the
requests made in one refresh and skips a rebuild that would show the same keys.
"""

from __future__ import annotations

from textual.dom import NoScreen
from textual.screen import Screen
from textual.widgets import Footer


class QuietFooter(Footer):
    """Footer with coalesced, change-only rebuilds."""

    _pending = False
    _shown: tuple | None = None

    def _signature(self) -> tuple:
        active = self.screen.active_bindings
        return tuple(
            (key, binding.action, binding.description, enabled, tooltip, self.app.get_key_display(binding))
            for key, (_, binding, enabled, tooltip) in active.items()
            if binding.show or key == self.app.COMMAND_PALETTE_BINDING
        )

    def bindings_changed(self, screen: Screen) -> None:
        """Schedule one rebuild for this refresh, if the screen's keys changed."""
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._pending:
            self._pending = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._pending = False
        if not self.is_attached:  # its screen went away before this refresh
            return
        try:
            signature = self._signature()
        except NoScreen:
            return
        if signature == self._shown:
            return
        self._shown = signature
        await self.recompose()

"""Command palette providers for the library: import, back/forward, and the recent history.

Add :class:`LibraryCommands` to the app's ``COMMANDS`` (``App.COMMANDS | {LibraryCommands, ...}``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tipreader.ui.errors import log_error


def _rebuild_reason(lib) -> str:
    """Why the palette offers "Rebuild the library" ("" when it does not): a library written by
    another version, a damaged index, or a database that lost its cables (issue 17, item 15)."""
    if lib is None or getattr(lib, "read_only", False):
        return ""
    if getattr(lib, "needs_rebuild", None):
        return f"{lib.needs_rebuild}: re-read every stored original (bookmarks and notes are kept)"
    if getattr(lib, "rebuild_suggested", None):
        return f"{lib.rebuild_suggested}: re-read every stored original (bookmarks and notes are kept)"
    if getattr(lib, "problem", None) is not None:
        return ("Repair the library: a fresh search index from the stored cables; cables the database lost are "
                "imported again from their files where they still are (bookmarks and notes are kept)")
    return ""


class LibraryCommands(Provider):
    """Import cables (or finish an entity pass); go back/forward; reopen a recently read cable."""

    def _entries(self) -> list[tuple[str, Callable[[], object], str]]:
        from tipreader.ui.dialogs.export_codes import start_codes_export
        from tipreader.ui.dialogs.import_dialog import start_entity_pass, start_import, start_rebuild
        from tipreader.ui.messages import OpenCable, WalkHistory
        from tipreader.ui.services import services_of

        app = self.app
        services = services_of(app.screen)
        post = app.post_message
        entries: list[tuple[str, Callable[[], object], str]] = [
            ("Import cables…", partial(start_import, app), "Import a file, folder or glob into the library (ctrl+o)"),
            ("Export coded passages to CSV…", partial(start_codes_export, app),
             "Every coded passage, one row each: ref_id, date, origin, classification, subject, paragraph, code, "
             "author, note, text (as `tipreader codes export --csv`)"),
        ]
        if services.team.enabled:
            entries.append(("Sync with the team server now", services.team.sync_asked,
                            f"Send your bookmarks, notes and codes to {services.team.where} and fetch the team's "
                            f"({services.team.status()})"))
        lib = services.library
        why = _rebuild_reason(lib)
        if why:
            entries.insert(0, ("Rebuild the library", partial(start_rebuild, app), why))
        waiting = self._entities_waiting(lib)
        if waiting:
            entries.append((f"Find the names in {waiting:,} waiting cable(s)", partial(start_entity_pass, app),
                            "The entity pass an import left unfinished: person: org: place: … search them then"))
        stale = getattr(lib, "reextract_suggested", None) if not getattr(lib, "read_only", False) else None
        if stale and not getattr(lib, "needs_rebuild", None):
            entries.append(("Re-extract the names", partial(start_entity_pass, app),
                            f"{stale[:1].upper()}{stale[1:]}: find them again with today's extractor (the entity pass)"))
        hist = services.history
        if hist.can_back:
            entries.append(("History: back", partial(post, WalkHistory(-1)), "Back to the previous cable or jump"))
        if hist.can_forward:
            entries.append(("History: forward", partial(post, WalkHistory(1)), "Forward again"))
        for step in hist.recent(10):
            if step.ref_id is not None:
                entries.append((f"History: {step.label}", partial(post, OpenCable(step.ref_id, step.para)),
                                "A place visited in this session"))
        data = services.userdata
        if data is not None:
            try:
                recent = data.history(15)
            except Exception as err:  # a damaged user database: the palette still opens
                log_error("reading the recent cables", err)
                recent = []
            for entry in recent:
                entries.append((f"Recent: {entry.ref_id}", partial(post, OpenCable(entry.ref_id)),
                                "Reopen where it was left"))
        return entries

    @staticmethod
    def _entities_waiting(lib) -> int:
        try:
            return lib.entities_pending() if lib is not None else 0
        except Exception as err:  # a damaged library: the palette still opens
            log_error("counting the cables waiting for entities", err)
            return 0

    async def discover(self) -> Hits:
        """Every entry, for the empty palette."""
        for name, callback, help_text in self._entries():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        """Entries matching ``query`` (fuzzy)."""
        matcher = self.matcher(query)
        for name, callback, help_text in self._entries():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)

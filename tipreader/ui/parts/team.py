"""Teammates' bookmarks and notes in the reader, and the team sync's status.

With a team server set (settings ``[team] url``, or ``TIPREADER_TEAM_URL``) the app syncs
in the background (:mod:`tipreader.ui.team_sync`); the items pulled land in the user
database's ``team_items`` (``services.team_items``). This part shows the teammates'
bookmarks of the cable on screen, distinct from the user's own ``★``: a ``◇`` before the
paragraph's node in the tree and, under the paragraph, one line per teammate (``◇ ana ·
2026-12-04 14:02``) with their note below it. They are read-only here: the user's own
bookmark or note on the same paragraph is another version, kept beside theirs. Teammates'
codes are the codes part's (:class:`~tipreader.ui.parts.codes.CodesPart`, with their author).

After each sync the marks are read again and the text redrawn in place; the status line
says where the sync stands (``team: synced 14:02``, ``team: offline · 2 to send``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from rich.text import Text

from tipreader.library.bookmark_keys import find_paragraph
from tipreader.ui.bookmark_view import note_text
from tipreader.ui.document import Block, after_paragraphs
from tipreader.ui.parts.base import ReaderPart
from tipreader.ui.text import clean
from tipreader.ui.widgets.section_tree import SectionTree

if TYPE_CHECKING:
    from tipreader.cable import Cable
    from tipreader.userdata.local import Item

_log = logging.getLogger(__name__)

TEAM_MARK = "◇ "
TEAM_STYLE = "tip.team"
TEAM_PREFIX = "  ◇ "


@dataclass(frozen=True, slots=True)
class TeamMark:
    """A teammate's bookmark placed in the cable on screen: the item and its ``status`` there
    (``ok``, or ``changed`` when the paragraph reads differently now)."""

    item: Item
    status: str


def place_team_marks(cable: Cable, items: list[Item]) -> dict[int, list[TeamMark]]:
    """Paragraph index → the teammates' bookmarks (kind ``bookmark``) on it, oldest first;
    items whose paragraph is not in ``cable`` any more are left out."""
    out: dict[int, list[TeamMark]] = {}
    for item in items:
        if item.kind != "bookmark" or item.deleted:
            continue
        status, index = find_paragraph(cable, item.anchor, item.text_hash)
        if index is not None:
            out.setdefault(index, []).append(TeamMark(item, status))
    return out


def team_text(marks: list[TeamMark]) -> Text:
    """``◇ ana · 2026-12-04 14:02`` per teammate, each note (Markdown) under its line."""
    out = Text()
    for k, mark in enumerate(marks):
        item = mark.item
        if k:
            out.append("\n")
        out.append(clean(item.author, newlines=False), style=TEAM_STYLE)
        when = datetime.fromtimestamp(item.updated).strftime("%Y-%m-%d %H:%M")
        out.append(f" · {when}", style="tip.muted")
        if mark.status != "ok":
            out.append(" (changed since)", style="tip.warning-mark")
        if item.body.strip():
            out.append("\n")
            out.append_text(note_text(item.body))
    return out


def decorate_team(blocks: list[Block], marks: dict[int, list[TeamMark]]) -> list[Block]:
    """``blocks`` with a block of teammates' marks after each marked paragraph's last block (not searched)."""
    if not marks:
        return blocks
    prefix = Text(TEAM_PREFIX, style=TEAM_STYLE)

    def team(para: int) -> Block | None:
        here = marks.get(para)
        return Block(team_text(here), para, "team", prefix=prefix, gap=0, searchable=False) if here else None

    return after_paragraphs(blocks, team)


class TeamPart(ReaderPart):
    """Teammates' marks and notes, refreshed after each background sync."""

    name = "team"

    def __init__(self, reader) -> None:
        super().__init__(reader)
        self._marks: dict[int, list[TeamMark]] | None = None

    @property
    def marks(self) -> dict[int, list[TeamMark]]:
        """Paragraph index → teammates' bookmarks on it (read the first time)."""
        if self._marks is None:
            self._marks = self._read()
        return self._marks

    def _read(self) -> dict[int, list[TeamMark]]:
        local = self.reader.services.team_items
        if local is None:
            return {}
        try:
            return place_team_marks(self.reader.cable, local.team_items(self.reader.cable.ref_id))
        except Exception as err:  # the user database failed: read on without the team's marks
            _log.error("teammates' marks cannot be read", exc_info=True)
            self.reader.notify(f"Teammates' marks: {err}", severity="error", markup=False)
            return {}

    # ---- hooks ------------------------------------------------------------------------
    def decorate(self, blocks: list[Block]) -> list[Block]:
        """``blocks`` with the teammates' marks and notes."""
        return decorate_team(blocks, self.marks)

    def shown(self) -> None:
        """Mark the tree."""
        self._mark_tree()

    def team_synced(self) -> None:
        """A sync started or ended: the status; what it pulled is shown in place (the scroll stays)."""
        if not self.live:
            return
        self.reader.update_status()
        team = self.reader.services.team
        if team.running or team.last is None or not team.last.pulled:
            return
        self._marks = self._read()
        from tipreader.ui.parts.codes import CodesPart

        self.reader.part(CodesPart).refresh_codes()  # teammates' codes too; redraws the text
        self._mark_tree()

    def _mark_tree(self) -> None:
        badge = Text(TEAM_MARK, style=TEAM_STYLE)
        for tree in self.reader.query(SectionTree):
            tree.set_badges("team", {p: (badge, None) for p in self.marks})

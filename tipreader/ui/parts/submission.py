"""A TIP submission sent in two cables (``PART 1 OF 2`` / ``PART 2 OF 2``), read as one.

When the other half is in the library (:meth:`~tipreader.library.Library.submission_halves`),
the header says which half this is and links the other; the last part of the first half says
where the submission goes on (``continues in 09REYKJAVIK50``), the first part of the second
half where it came from; ``}`` past the last part opens the next half at its first part, ``{``
before the first part the previous half at its last part (both through
:class:`~tipreader.ui.messages.OpenCable`, so Back returns). The palette offers the same.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from rich.text import Text

from tipreader.cable.model import Cable, Part
from tipreader.library.submissions import continued_label
from tipreader.ui.document import Block
from tipreader.ui.errors import log_error
from tipreader.ui.messages import OpenCable
from tipreader.ui.navigation import part_targets
from tipreader.ui.parts.base import ReaderPart
from tipreader.ui.query_words import append_link
from tipreader.ui.text import clean

if TYPE_CHECKING:
    from tipreader.ui.screens.reader import ReaderScreen

NOTE_STYLE = "tip.aside"


class SubmissionPart(ReaderPart):
    """The other half of a split submission: links, notes on the parts, ``}``/``{`` across."""

    name = "submission"

    def __init__(self, reader: ReaderScreen) -> None:
        super().__init__(reader)
        self._halves: dict[int, str] | None = None
        self._cables: dict[str, Cable | None] = {}

    # ---- what the library says ----------------------------------------------------------
    def halves(self) -> dict[int, str]:
        """``{1: ref_id, 2: ref_id}`` when this cable is half of a submission whose other half is in
        the library; {} otherwise (asked once per library change)."""
        if self._halves is None:
            cable = self.reader.cable
            lib = self.reader.services.library if cable.submission_part is not None else None
            if lib is None:
                return {}  # not split, or no library (yet: library_changed asks again)
            try:
                self._halves = lib.submission_halves(cable)
            except Exception as err:  # a broken library must not stop the reading
                log_error(f"finding the other half of {cable.ref_id}", err)
                self._halves = {}
        return self._halves

    def neighbour(self, delta: int) -> str | None:
        """The ref_id of the next (``delta`` 1) or previous (-1) half, or None."""
        split = self.reader.cable.submission_part
        if split is None:
            return None
        return self.halves().get(split[0] + delta)

    def cable_of(self, ref_id: str) -> Cable | None:
        """The stored cable ``ref_id`` (read once), or None."""
        if ref_id not in self._cables:
            lib = self.reader.services.library
            try:
                self._cables[ref_id] = lib.get(ref_id) if lib is not None else None
            except Exception as err:
                log_error(f"reading {ref_id}", err)
                self._cables[ref_id] = None
        return self._cables[ref_id]

    def library_changed(self) -> None:
        """Ask again: the other half may have been imported."""
        self._halves = None
        self._cables = {}
        if self.live and self.reader.cable.submission_part is not None:
            self.reader.refresh_text()

    # ---- going across ---------------------------------------------------------------------
    def step(self, delta: int) -> bool:
        """Open the next (1) / previous (-1) half at its first / last part; False when there is none."""
        ref = self.neighbour(delta)
        if ref is None:
            return False
        other = self.cable_of(ref)
        targets = part_targets(other) if other is not None else []
        para = (targets[0] if delta > 0 else targets[-1]).para if targets else None
        total = self.reader.cable.submission_part[1] if self.reader.cable.submission_part else 2
        split = other.submission_part if other is not None else None
        which = f"part {split[0]} of {total}" if split else "the other half"
        self.reader.notify(f"The submission goes on in {ref} ({which})", markup=False, timeout=3)
        self.reader.post_message(OpenCable(ref, para=para))
        return True

    def action_open(self, ref_id: str) -> None:
        """A link to the other half was clicked: open it at its first part (the next half) or last."""
        delta = 1 if ref_id == self.neighbour(1) else -1
        if not self.step(delta):
            self.reader.post_message(OpenCable(ref_id))

    def commands(self) -> list[tuple[str, int, str]]:
        """Palette entries: (name, delta, help) for the halves before and after this one."""
        out = []
        for delta, word in ((1, "next"), (-1, "previous")):
            ref = self.neighbour(delta)
            if ref is not None:
                where = "its first part" if delta > 0 else "its last part"
                out.append((f"Submission: {word} half, {ref}", delta, f"Open the {word} cable of this submission at {where} ("
                            + ("}" if delta > 0 else "{") + ")"))
        return out

    # ---- the text ------------------------------------------------------------------------
    def decorate(self, blocks: list[Block]) -> list[Block]:
        """A header line naming the halves; a note under the parts where the submission crosses."""
        cable = self.reader.cable
        split = cable.submission_part
        nxt, prev = self.neighbour(1), self.neighbour(-1)
        if split is None or (nxt is None and prev is None):
            return blocks
        notes = self._part_notes(nxt, prev)
        out: list[Block] = []
        for block in blocks:
            if block.para is None and block.role == "rule":
                out.append(self._header_line(split, nxt, prev, block))
            out.append(block)
            if block.role in ("heading", "part") and block.para in notes:
                out.append(Block(notes.pop(block.para), block.para, "note", gap=0, searchable=False))
        return out

    def _header_line(self, split: tuple[int, int], nxt: str | None, prev: str | None, rule: Block) -> Block:
        line = Text()
        line.append("Submission ", style="tip.field")
        line.append(f"part {split[0]} of {split[1]}")
        for ref, word in ((prev, "previous"), (nxt, "next")):
            if ref is not None:
                line.append(f"   {word}: ", style="tip.muted")
                append_link(line, ref, _click(ref))
        return replace(rule, text=line, role="header", one_line=False, searchable=False, gap=0)

    def _part_notes(self, nxt: str | None, prev: str | None) -> dict[int, Text]:
        """Paragraph index of a part's heading block → the note shown under it."""
        cable = self.reader.cable
        notes: dict[int, Text] = {}
        if not cable.parts:
            return notes
        if nxt is not None:
            last = cable.parts[-1]
            other = self.cable_of(nxt)
            goes_on = other is not None and continued_label(cable, other) == last.label
            text = (f"Part {last.label} continues in " if goes_on else "The submission continues in ")
            _note(notes, last, text, nxt, "  (} goes there)")
        if prev is not None:
            first = cable.parts[0]
            other = self.cable_of(prev)
            came = other is not None and continued_label(other, cable) is not None
            text = (f"Part {first.label} continued from " if came else "The submission began in ")
            _note(notes, first, text, prev, "  ({ goes there)")
        return notes


def _note(notes: dict[int, Text], part: Part, text: str, ref: str, key: str) -> None:
    para = part.paragraph_index if part.paragraph_index is not None else (
        part.questions[0].paragraph_index if part.questions else None)
    if para is None:
        return
    line = notes.get(para) or Text()
    if line.plain:
        line.append("  ·  ")
    line.append("↪ " + clean(text, newlines=False), style=NOTE_STYLE)
    append_link(line, ref, _click(ref))
    line.append(key, style="tip.muted")
    notes[para] = line


def _click(ref: str) -> str:
    return f"screen.part('submission', 'open', {ref!r})"

"""Back/forward history across cables and jumps: plain Python, no Textual.

A :class:`Step` is a place the reader was: a cable (``ref_id``) at a paragraph and
scroll offset, or the library screen (``ref_id`` None). :class:`History` keeps two
stacks, like a browser: :meth:`History.visit` records the place being left before a
move (and forgets the forward stack); :meth:`History.back` and :meth:`History.forward`
trade the current place for the previous or next one.

    h = History()
    h.visit(Step(None))                       # leaving the library for a cable
    h.visit(Step("08MANAMA492", 3, 12.0))     # following a reference from paragraph 3
    h.back(Step("08MANAMA486", 0, 0.0))       # → Step("08MANAMA492", 3, 12.0)
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Step:
    """A place: ``ref_id`` (None: the library), paragraph index at the top, scroll offset and view width.

    ``width`` is the text's width when ``scroll_y`` was taken: at another width the
    paragraph is the place to return to (lines wrap differently)."""

    ref_id: str | None
    para: int | None = None
    scroll_y: float = 0.0
    width: int = 0

    @property
    def label(self) -> str:
        """What a list of steps shows: ``08MANAMA492 ¶ index 3`` or ``Library``."""
        if self.ref_id is None:
            return "Library"
        return self.ref_id if self.para is None or self.para < 0 else f"{self.ref_id} · paragraph {self.para + 1}"


class History:
    """Two stacks of :class:`Step` (at most ``limit`` each, the oldest dropped first)."""

    def __init__(self, limit: int = 200) -> None:
        self.limit = limit
        self._back: list[Step] = []
        self._forward: list[Step] = []

    @property
    def can_back(self) -> bool:
        """True when there is a place to go back to."""
        return bool(self._back)

    @property
    def can_forward(self) -> bool:
        """True when there is a place to go forward to."""
        return bool(self._forward)

    def visit(self, leaving: Step) -> None:
        """Record ``leaving`` (the place before a move); a new move forgets the forward stack.

        A step equal to the last one recorded is not recorded twice."""
        if not self._back or self._back[-1] != leaving:
            self._back.append(leaving)
            del self._back[:-self.limit]
        self._forward.clear()

    def back(self, here: Step) -> Step | None:
        """The previous place (``here`` goes on the forward stack), or None at the start."""
        if not self._back:
            return None
        self._forward.append(here)
        return self._back.pop()

    def forward(self, here: Step) -> Step | None:
        """The next place (``here`` goes on the back stack), or None at the end."""
        if not self._forward:
            return None
        self._back.append(here)
        return self._forward.pop()

    def recent(self, n: int = 20) -> list[Step]:
        """The places behind, most recent first, each cable once (for the palette)."""
        out: list[Step] = []
        seen: set[str | None] = set()
        for step in reversed(self._back):
            if step.ref_id not in seen:
                seen.add(step.ref_id)
                out.append(step)
            if len(out) >= n:
                break
        return out

    def __len__(self) -> int:
        return len(self._back) + len(self._forward)

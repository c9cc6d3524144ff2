"""What a part of the reader screen is, and what the reader offers its parts.

The reader screen (:class:`~tipreader.ui.screens.reader.ReaderScreen`) composes parts:
navigation (links, history, reading positions), find, entities, bookmarks. A part is a
plain object that uses the screen's public interface (``cable``, ``services``,
``text_view``, ``here()``, ``jump_to()``, ``refresh_text()``, ``update_status()``,
``citation()``, ``part(OtherPart)``) and offers the screen a few hooks, all optional:

- ``BINDINGS``: its keys (made with :func:`part_binding`, so the action reaches the part);
- ``sidebar()``: tab panes beside the section tree (composed once: they serve every cable the
  screen shows);
- ``decorate(blocks)``: the text's blocks with what the part adds (markers, links, colours);
- ``reset_widgets()``: another cable is shown in the screen: the widgets the part composed show
  nothing of the cable before (as on a new screen);
- ``shown()``: a cable is on screen and laid out;
- ``leaving()``: the cable is about to be replaced or the reader closed;
- ``library_changed()``: the library opened or changed (an import);
- ``user_data_changed()``: the user database was replaced (a fresh start): read marks again;
- ``team_synced()``: a team sync started or ended;
- ``top_changed(para)``: the paragraph at the top changed;
- ``status_detail()``: text for the status line's right side (the first non-empty wins);
- ``action_<name>()``: what its bindings call.

The screen is reused from cable to cable: another cable gets fresh parts (the old ones get
``leaving()`` and are dropped), so a part's state is one cable's, and nothing of a cable leaks
into the next. Work a part started for its cable (a worker, a timer) checks :attr:`ReaderPart.live`
before it touches the screen. A part never subscribes to signals itself (the screen does, once,
and calls the hooks above).

To add a part: subclass :class:`ReaderPart`, give it a unique ``name``, and list it in
``ReaderScreen.PARTS``; no other part changes. Messages from a part's widgets reach the
screen (they bubble), which hands them to the part in a handler of its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding

if TYPE_CHECKING:
    from textual.widgets import TabPane

    from tipreader.ui.document import Block
    from tipreader.ui.screens.reader import ReaderScreen


def part_binding(part: str, keys: str, action: str, description: str, *, id: str, tooltip: str,
                 show: bool = True, key_display: str | None = None) -> Binding:
    """A binding whose action calls ``action_<action>`` on the part named ``part``.

    ``action`` may carry arguments (``"step(1)"``): they are passed on."""
    name, _, args = action.partition("(")
    call = f"part({part!r}, {name!r}, {args[:-1]})" if args else f"part({part!r}, {name!r})"
    return Binding(keys, call, description, show=show, id=id, tooltip=tooltip, key_display=key_display)


class ReaderPart:
    """A part of the reader screen (see the module's docstring). ``reader`` is the screen."""

    name: ClassVar[str] = ""
    BINDINGS: ClassVar[list[Binding]] = []

    def __init__(self, reader: ReaderScreen) -> None:
        self.reader = reader

    @property
    def live(self) -> bool:
        """Whether this part still serves the cable on screen (False once another cable replaced it,
        or the reader closed)."""
        return self.reader.is_mounted and self.reader.serves(self)

    def sidebar(self) -> Iterable[TabPane]:
        """Tab panes this part adds beside the section tree."""
        return ()

    def decorate(self, blocks: list[Block]) -> list[Block]:
        """The blocks with what this part adds."""
        return blocks

    def reset_widgets(self) -> None:
        """Another cable is shown in the reader (this part is that cable's): the widgets this part
        owns show nothing of the cable shown before."""

    def shown(self) -> None:
        """A cable is on screen and laid out."""

    def leaving(self) -> None:
        """The cable on screen is about to be replaced, or the reader closed."""

    def library_changed(self) -> None:
        """The library opened or changed (an import)."""

    def user_data_changed(self) -> None:
        """The user database was replaced (a fresh start): read what it holds for this cable again."""

    def team_synced(self) -> None:
        """A sync with the team server started or ended."""

    def top_changed(self, para: int | None) -> None:
        """The paragraph at the top of the text changed."""

    def status_detail(self) -> str:
        """What the status line shows on its right, or "" (the first part with text wins)."""
        return ""

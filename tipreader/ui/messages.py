"""The app-wide messages (dataclass messages, as in toolong).

:class:`OpenCable` is the one way to open a cable: post it from any widget or screen
(``self.post_message(OpenCable("08MEXICO721", para=11))``); the app handles it in one
place, which records the place being left in the history, then shows the cable in the
reader. :class:`WalkHistory` is Back/Forward; :class:`ShowLibrary` goes to the library.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message



@dataclass
class OpenCable(Message):
    """Open ``target`` (a ref_id, or a file path) in the reader.

    ``para``: the paragraph index to open at (None: where the user left it); ``query``: a
    search query whose words are marked (``n``/``N`` step through them); ``mark``: a text marked
    as written instead (a figure's number: ``$1.25 million``), the first at ``para`` current."""

    target: str
    para: int | None = None
    query: str = ""
    mark: str = ""


@dataclass
class WalkHistory(Message):
    """Back (``delta`` -1) or forward (+1) in the history of cables and jumps."""

    delta: int


@dataclass
class ShowLibrary(Message):
    """Show the library screen (the readers above it are left)."""

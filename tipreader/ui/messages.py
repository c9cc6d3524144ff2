"""Messages the reader's parts send each other (dataclass messages, as in toolong)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class OpenTarget(Message):
    """Open ``target`` (a file path or a ref_id) in a reader screen."""

    target: str

"""Containers → RawCable. STUB: to be replaced by the formats work (HTML, PlusD, CSV, scoop, cablegate-text)."""

from __future__ import annotations

import os
from collections.abc import Iterator

from ._types import RawCable
from .model import CableError


def read_text(text: str, source: str) -> list[RawCable]:
    """Decoded text (raw cable, scraped page) → RawCables (usually one)."""
    return [RawCable(source=source, format="raw", header="", body=text)]


def read_bytes(data: bytes, source: str) -> Iterator[RawCable | CableError]:
    """A file's bytes → each cable in it (HTML page, CSV stream, text), or an error per bad one."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    yield from read_text(text, source)


def read_path(path: str | os.PathLike[str]) -> Iterator[RawCable | CableError]:
    """A file → each cable in it; a CSV is read as a stream."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as err:
        yield CableError(f"cannot read: {err.strerror or err}", str(path))
        return
    yield from read_bytes(data, str(path))

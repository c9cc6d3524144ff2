"""Lines → numbered paragraphs. STUB: to be replaced by the body work."""

from __future__ import annotations

from ._types import Line
from .model import Paragraph, ParseWarning


def parse_paragraphs(lines: list[Line]) -> tuple[list[Paragraph], list[ParseWarning]]:
    """Group lines into re-flowed paragraphs with number, marking and page."""
    text = " ".join(line.text.strip() for line in lines if line.text.strip())
    return ([Paragraph(index=0, number=None, marking=None, page=1, text=text)] if text else []), []

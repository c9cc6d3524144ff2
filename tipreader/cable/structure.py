"""Paragraphs → parts, questions, SUMMARY and COMMENT. STUB: to be replaced by the structure work."""

from __future__ import annotations

from .model import Block, Paragraph, Part


def parse_structure(
    paragraphs: list[Paragraph],
) -> tuple[list[Paragraph], list[Part], Block | None, Block | None]:
    """Return the paragraphs (kinds set), the parts with their questions, and the blocks."""
    return paragraphs, [], None, None

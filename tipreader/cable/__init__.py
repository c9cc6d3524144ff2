"""Cable parsing: pure Python, no UI. ``parse_text``/``iter_path`` turn real cables into :class:`Cable`."""

from .model import (
    Block,
    Cable,
    CableError,
    Entity,
    Paragraph,
    ParseWarning,
    Part,
    Question,
    Reference,
)
from .parse import cable_from_raw, iter_bytes, iter_path, parse_bytes, parse_file, parse_text

__all__ = [
    "Block",
    "Cable",
    "CableError",
    "Entity",
    "Paragraph",
    "ParseWarning",
    "Part",
    "Question",
    "Reference",
    "cable_from_raw",
    "iter_bytes",
    "iter_path",
    "parse_bytes",
    "parse_file",
    "parse_text",
]

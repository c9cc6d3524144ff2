"""Exporters: a parsed :class:`~tipreader.cable.Cable` to Markdown or JSON. No UI."""

from .jsonout import cable_to_json, cable_to_jsonable
from .markdown import cable_to_markdown, escape_markdown

__all__ = ["cable_to_json", "cable_to_jsonable", "cable_to_markdown", "escape_markdown"]

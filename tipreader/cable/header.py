"""Routing header + preamble → HeaderInfo. STUB: to be replaced by the header work."""

from __future__ import annotations

from ._types import HeaderInfo, Line, RawCable


def parse_header(raw: RawCable, lines: list[Line]) -> HeaderInfo:
    """Read ids, dates, origin, classification, TAGS, SUBJECT, REF; set ``body_start``."""
    return HeaderInfo(ref_id=raw.meta.get("ref_id"), subject=raw.meta.get("subject"))

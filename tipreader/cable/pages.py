"""Body text → Lines with page numbers. STUB: page markers and SECTION lines to be handled."""

from __future__ import annotations

from ._types import Line


def clean_lines(body: str) -> list[Line]:
    """Split ``body`` into lines, removing page markers/section lines and pilcrows."""
    return [Line(text=line.replace("\u00b6", ""), page=1) for line in body.splitlines()]

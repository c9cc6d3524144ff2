"""Word-wrapping for the reader's :class:`~tipreader.ui.widgets.cable_view.CableView`: line
start offsets only (the view paints the lines it shows), one regular expression per ASCII line."""

from __future__ import annotations

import re

from rich.cells import cell_len

_WORD = re.compile(r"\S+\s*")


_LINE_PATTERNS: dict[int, re.Pattern[str]] = {}


def _line_pattern(width: int) -> re.Pattern[str]:
    pattern = _LINE_PATTERNS.get(width)
    if pattern is None:
        pattern = re.compile(rf"(?:.{{1,{width}}})(?:[ ]+|$)|\S{{{width}}}")
        _LINE_PATTERNS[width] = pattern
    return pattern


def wrap_offsets(plain: str, width: int) -> list[int]:
    """Start offsets of the lines of ``plain`` word-wrapped to ``width`` cells.

    Greedy, like Rich's wrap, but it only computes positions (an ASCII line is cut
    by one regular expression), so a long cable is laid out at once and painted
    block by block. ``\n`` always breaks; a word longer than the width is folded.
    """
    offsets: list[int] = []
    pos = 0
    pattern = _line_pattern(width)
    for line in plain.split("\n"):
        if line.isascii() or cell_len(line) == len(line):  # one cell per character
            starts = [m.start() for m in pattern.finditer(line) if m.end() > m.start()]
            offsets.extend(pos + k for k in starts) if starts else offsets.append(pos)
            if starts and starts[0] != 0:
                offsets.insert(len(offsets) - len(starts), pos)
        else:
            offsets.extend(pos + k for k in _wrap_cells(line, width))
        pos += len(line) + 1
    return offsets


def _wrap_cells(line: str, width: int) -> list[int]:
    """Line starts for a line with wide or combining characters (cell widths counted)."""
    starts = [0]
    col = -1
    for m in _WORD.finditer(line):
        word = m.group()
        bare = word.rstrip()
        w = cell_len(bare)
        if col < 0:
            col = cell_len(line[: m.start()])
        if col > 0 and col + w > width:
            starts.append(m.start())
            col = 0
        if w > width:
            k = width
            while k < len(bare):
                starts.append(m.start() + k)
                k += width
            col = cell_len(bare[k - width :]) + len(word) - len(bare)
        else:
            col += w + len(word) - len(bare)
    return starts

"""Numbered question labels written inline: ``... reftel questions: Q1: Is ...? A1: Yes. Q2: Is ...``.

A reply or an interview that numbers its questions (``Q1:``, ``Question 3):``) sometimes runs them on in
one line (an unwrapped body) or lets a line break fall before the label (``... have visited`` / ``Cuba.
Question 3): What ...``). Each numbered question then starts a line of its own, after a blank line, so
that the body makes it a paragraph of its own as it does for a ``Q:`` line (see :mod:`.body`).

Only when the cable's numbered question labels run 1, 2, 3 ... in order, with no number skipped or
repeated: a lone ``Q3:`` in a sentence is left where it is.
"""

from __future__ import annotations

import re

from ._types import Line

_LABEL = r"(?:Q|Q(?:UESTION|uestion)[ \t]+)(\d{1,2})\)?[ \t]*:"
_AT_START = re.compile(r"^\W{0,3}" + _LABEL)
_NUMBER_ONLY = re.compile(r"\W{0,3}\d{1,3}\.[ \t]*(?:\([A-Z/]{1,12}\)[ \t]*)?$")
_INLINE = re.compile(r"(?<=[.?!:])[ \t]+(" + _LABEL + ")")


# a label cut by a line break: `... and Cuba? Post Response to Question` / `` / `4): Yes. ...`
_CUT_LABEL = re.compile(r"(?:^|(?<=[.?!:])[ \t]+)((?:Post[ \t]+Response[ \t]+to[ \t]+)?Q(?:UESTION|uestion))[ \t]*$")
_LABEL_REST = re.compile(r"^\d{1,2}\)?[ \t]*:")


def _rejoin_cut_labels(lines: list[Line]) -> list[Line]:
    """The lines with a question label cut by a line break (``Question`` / ``5): ...``) put together again."""
    out = list(lines)
    for k in range(len(out)):
        line = out[k]  # as joined so far: a line can take a label's start and give away the next one's
        if not line.text.endswith(("Question", "QUESTION", "Question ", "QUESTION ")):
            continue
        m = _CUT_LABEL.search(line.text)
        j = next((j for j in range(k + 1, min(k + 4, len(out))) if out[j].text.strip()), None)
        if m is None or j is None or not _LABEL_REST.match(out[j].text):
            continue
        out[k] = Line(text=line.text[: m.start()].rstrip(), page=line.page, break_before=line.break_before)
        out[j] = Line(text=f"{m.group(1)} {out[j].text}", page=out[j].page, break_before=out[j].break_before)
    return out


def split_inline_questions(lines: list[Line]) -> list[Line]:
    """The lines with each inline numbered question label moved to the start of a line of its own."""
    if "Q" not in "\n".join([line.text for line in lines]):
        return lines  # every label holds a Q (most cables: decided without a pass per line)
    original, lines = lines, _rejoin_cut_labels(lines)
    starts: list[tuple[int, int, int]] = []  # (line index, position of the label, its number)
    for k, line in enumerate(lines):
        text = line.text
        if "Q" not in text or ":" not in text:
            continue
        m = _AT_START.match(text)
        if m:
            starts.append((k, 0, int(m.group(1))))
        for m in _INLINE.finditer(text):
            # after a paragraph's number and marking only (`5. Q2: ...`) the label opens the line already
            starts.append((k, 0 if _NUMBER_ONLY.match(text, 0, m.start(1)) else m.start(1), int(m.group(2))))
    numbers = [n for _, _, n in starts]
    if len(numbers) < 2 or numbers != list(range(1, len(numbers) + 1)):
        return original
    cuts: dict[int, list[int]] = {}
    for k, pos, _ in starts:
        if pos:
            cuts.setdefault(k, []).append(pos)
    if not cuts:
        return lines
    out: list[Line] = []
    for k, line in enumerate(lines):
        if k not in cuts:
            out.append(line)
            continue
        bounds = [0, *cuts[k], len(line.text)]
        for n, (a, b) in enumerate(zip(bounds, bounds[1:])):
            piece = line.text[a:b].rstrip()
            if n:
                out.append(Line(text="", page=line.page))
            if piece:
                out.append(Line(text=piece, page=line.page, break_before=line.break_before and n == 0))
    return out

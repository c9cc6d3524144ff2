"""Re-flow a paragraph's hard-wrapped lines into prose, keeping laid-out lines.

Cables are hard-wrapped at 60-70 columns. :func:`reflow` joins wrapped lines
into prose, and keeps a line break where the cable lays out lines: list items
(``-- item``, ``- Item``, ``a)``, ``(1)``, ``1.``, ``A.``), tables (columns
aligned with runs of spaces) and lines of an unwrapped body (one long line per
paragraph). Blank-line-separated blocks inside one paragraph are joined with a
blank line (``\\n\\n``). A hyphen at a line end is kept and the word joined
(``anti-`` + ``trafficking`` → ``anti-trafficking``): cables were typed, not
typeset, so a line-end hyphen is a real one and dropping it would invent words.
"""

from __future__ import annotations

import re

UNWRAPPED = 100  # a line longer than this was not hard-wrapped

_SPACES = re.compile(r"[ \t\u00a0]+")
# `anti-` + `trafficking` join; a suspended hyphen does not (`short-` + `or long-term`)
_HYPHEN_JOIN = re.compile(r"(?<=[A-Za-z])-[ \t]*\x00[ \t]*(?=[A-Za-z])(?!(?:or|and|nor|to)\b)")
# "/------" underlines old teletype titles; "_ _ _ _", "- - - -" and "- -" (framing `LRA`) are rules too
_RULE = re.compile(r"^\s*/?(?:[-=_*~]{3,}|[-=_*~](?: [-=_*~])+)[-=_*~ ]*$")
_RULE_CHARS = frozenset("-=_*~/")
# One or more blank or rule lines between two newlines.
_SEPARATOR = re.compile(r"\n(?:[ \t]*(?:/?(?:[-=_*~]{3,}|[-=_*~](?: [-=_*~])+)[-=_*~ ]*)?[ \t]*\n)+")
# A line that could start a list item (checked properly by starts_item). Searched in
# "\n" + the lines joined: the literal newline lets the regex engine skip ahead fast.
_MAYBE_ITEM = re.compile(r"\n[ \t]*(?:[-\u2022*\u00b7(0-9]|[ivx]{1,4}[.)]\s|[A-Za-z][.)]\s)")
_ITEM_FIRST = frozenset("-\u2022*\u00b7(ivx")
_TABLE_GAP = re.compile(r"\S(?: {3,}|\t)\S")
# Starts of list items that always begin a new line.
_BULLET = re.compile(r"^\s*(?:-{2,3}\s*(?![a-z])\S|-\s+[A-Z0-9\"'(]|[\u2022*\u00b7]\s+\S|\(\s?[a-z]{1,3}\s?\)\s|[a-z]\)\s)")
# Starts of numbered/lettered items, trusted only after a line that ends a sentence.
_ITEM = re.compile(r"^\s*(?:\(?\d{1,2}[.)]\s+\S|[A-Z][.)]\s+\S|[ivx]{1,4}[.)]\s+\S)")
_ENDS_UNIT = frozenset(".:;?!)\"'\u201d")


def may_be_rule(line: str) -> bool:
    """False when ``line`` surely is no rule (:func:`is_rule`'s cheap first test)."""
    return line.lstrip()[:1] in _RULE_CHARS


def is_rule(line: str) -> bool:
    """A line of dashes, equals signs or stars only (a decoration)."""
    return line.lstrip()[:1] in _RULE_CHARS and bool(_RULE.match(line))


def split_blocks(lines: list[str]) -> list[list[str]]:
    """Group lines into blocks separated by blank lines or rule lines.

    A block that opens in lower case after one that stops without punctuation
    continues it (a stray blank line inside a sentence).
    """
    text = "\n".join(lines)
    pieces = _SEPARATOR.split("\n" + text + "\n")
    blocks: list[list[str]] = []
    for piece in pieces:
        piece = piece.strip("\n")
        if not piece or piece.isspace():
            continue
        block = piece.split("\n")
        if blocks and _continues(blocks[-1][-1], block[0]):
            blocks[-1].extend(block)
        else:
            blocks.append(block)
    return blocks


def _continues(last: str, line: str) -> bool:
    """Whether a block opening with ``line`` (lower case) continues the sentence ``last`` left open."""
    end = last.rstrip()[-1:]
    head = line.lstrip(" \"'(\u201c")[:1]
    return (end.isalpha() or end == ",") and (head.islower() or (head.isdigit() and not _ITEM.match(line)))


def is_table(block: list[str]) -> bool:
    """At least two lines, half of them or more with column gaps of 3+ spaces."""
    if len(block) < 2:
        return False
    gaps = sum(1 for line in block if ("   " in line or "\t" in line) and _TABLE_GAP.search(line.strip()))
    return gaps >= 2 and gaps * 2 >= len(block)


def starts_item(line: str, previous: str | None) -> bool:
    """Whether ``line`` begins a list item given the line before it (None at block start)."""
    head = line.lstrip()[:2]
    first = head[:1]
    if not (first in _ITEM_FIRST or first.isdigit() or head[1:2] in ".)"):
        return False
    if _BULLET.match(line):
        return True
    if _ITEM.match(line):
        return previous is None or previous.rstrip()[-1:] in _ENDS_UNIT
    return False


def units(block: list[str]) -> list[list[str]]:
    """Split a prose block into units: list items and unwrapped lines each start one."""
    if len(block) == 1:
        return [block]
    if max(map(len, block)) <= UNWRAPPED and not _MAYBE_ITEM.search("\n" + "\n".join(block[1:])):
        return [block]  # plain wrapped prose: one unit
    out: list[list[str]] = []
    previous: str | None = None
    for line in block:
        runs_on = previous is not None and previous.rstrip()[-1:] not in _ENDS_UNIT and line.lstrip()[:1].islower()
        new = not out or (
            not runs_on
            and (starts_item(line, previous) or len(line) > UNWRAPPED or (previous is not None and len(previous) > UNWRAPPED))
        )
        if new:
            out.append([line])
        else:
            out[-1].append(line)
        previous = line
    return out


def join_lines(lines: list[str]) -> str:
    """Join hard-wrapped lines into one line of prose, whitespace collapsed.

    Built with C-level joins: lines are joined with a NUL, then a NUL after a
    hyphenated word part becomes nothing (``anti-`` + ``trafficking``) and the
    others a space; the result is ``" ".join(text.split())``.
    """
    text = "\x00".join(lines)
    if "-\x00" in text:
        text = _HYPHEN_JOIN.sub("-", text)
    text = text.replace("\x00", " ")
    if text.isascii() and text.isprintable():  # a space is its only whitespace: runs collapsed without splitting
        while "  " in text:
            text = text.replace("  ", " ")
        return text.strip(" ")
    return " ".join(text.split())


def reflow_block(block: list[str]) -> str:
    """One block → text: a table keeps its lines, prose is joined per unit."""
    if is_table(block):
        return "\n".join(line.rstrip() for line in block)
    return "\n".join(join_lines(unit) for unit in units(block))


def reflow(lines: list[str]) -> str:
    """A paragraph's lines → re-flowed text (blocks separated by ``\\n\\n``)."""
    return "\n\n".join(reflow_block(block) for block in split_blocks(lines))

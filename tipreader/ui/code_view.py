"""Coded passages in the reader: tags under each coded paragraph and beside its node in the tree.

No Textual here. ``placed`` maps paragraph index → the :class:`Located` coded passages on it
(``CodeStore.in_cable``): the user's own first, then teammates' (``passage.team``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from rich.text import Text

from tipreader.ui.document import Block, after_paragraphs
from tipreader.ui.text import clean, one_line
from tipreader.userdata.codes import Located

TAG_PREFIX = "  ⌗ "
OWN_STYLE = "bold reverse"
TEAM_STYLE = "italic reverse"
NOTE_STYLE = "italic"


def tag_text(located: Sequence[Located], notes: bool = True) -> Text:
    """``objection  anger  cooperative·ana`` (own codes, then teammates' with their author), then
    the notes (``objection: on the ranking``) when ``notes``."""
    text = Text()
    for k, loc in enumerate(located):
        p = loc.passage
        if k:
            text.append(" ")
        label = f" {clean(p.code, newlines=False)} " if not p.team else \
            f" {clean(p.code, newlines=False)}·{clean(p.author, newlines=False)} "
        text.append(label, style=TEAM_STYLE if p.team else OWN_STYLE)
        if loc.status != "ok":
            text.append(f"({loc.status})", style="tip.warning-mark")
    if notes:
        for loc in located:
            note = one_line(loc.passage.note, 120)
            if note:
                who = f" ({clean(loc.passage.author, newlines=False)})" if loc.passage.team else ""
                text.append(f"  {clean(loc.passage.code, newlines=False)}{who}: {note}", style=NOTE_STYLE)
    return text


def decorate_codes(blocks: list[Block], placed: Mapping[int, Sequence[Located]]) -> list[Block]:
    """``blocks`` with a line of tags after each coded paragraph's last block (not searched)."""
    if not placed:
        return blocks
    prefix = Text(TAG_PREFIX, style="bold")

    def tags(para: int) -> Block | None:
        located = placed.get(para)
        return Block(tag_text(located), para, "codes", prefix=prefix, gap=0, searchable=False) if located else None

    return after_paragraphs(blocks, tags)


def tree_badges(placed: Mapping[int, Sequence[Located]]) -> dict[int, Text]:
    """paragraph index → the short tag list shown before its node's label in the section tree
    (``⌗objection,anger``): the user's own codes in bold, then teammates' other codes in italic."""
    out: dict[int, Text] = {}
    for para, located in placed.items():
        own = list(dict.fromkeys(clean(loc.passage.code, newlines=False) for loc in located if not loc.passage.team))
        theirs = [name for name in dict.fromkeys(clean(loc.passage.code, newlines=False)
                                                 for loc in located if loc.passage.team) if name not in own]
        if own or theirs:
            badge = Text("⌗", style="bold")
            badge.append(",".join(own), style="bold")
            badge.append("," if own and theirs else "")
            badge.append(",".join(theirs), style="italic")
            badge.append(" ")
            out[para] = badge
    return out

"""Entities in the reader, without Textual: where mentions sit in the blocks, how they are
grouped and described, and expansions learnt from other cables.

- :class:`EntityIndex` groups a cable's :class:`~tipreader.cable.model.Entity` objects
  by paragraph and by what they name (``("ACRONYM", "INM")``, ``("PERSON", "Felipe Calderon")``).
- :func:`annotate_blocks` puts each mention on the blocks showing it (``Block.spans``,
  offsets in the block's plain text) and, when asked, colours it.
- :class:`MentionFinder` is a find "pattern" over those spans, so the reader's find
  machinery (highlights, ``n``/``N``) walks the mentions of one entity.
- :func:`learn_expansions` (from :mod:`tipreader.library.expansions`) looks an undefined acronym
  up in other cables of the library.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from rich.style import Style

from tipreader.cable.ent_acronyms import key as acronym_key
from tipreader.cable.entities import TYPES, known_expansion
from tipreader.cable.model import Cable, Entity

from tipreader.library.expansions import learn_expansions  # noqa: F401 - the reader's import

from .document import Block

TYPE_NAMES = {
    "PERSON": "People",
    "ORG": "Organisations",
    "ACRONYM": "Acronyms",
    "LOCATION": "Places",
    "DATE": "Dates",
    "MONEY": "Money",
    "PERCENT": "Percentages",
    "PHONE": "Phone numbers",
    "CABLE_REF": "Cable references",
    "LAW": "Laws",
}
TYPE_SINGULAR = {
    "PERSON": "Person",
    "ORG": "Organisation",
    "ACRONYM": "Acronym",
    "LOCATION": "Place",
    "DATE": "Date",
    "MONEY": "Money",
    "PERCENT": "Percentage",
    "PHONE": "Phone number",
    "CABLE_REF": "Cable reference",
    "LAW": "Law",
}
# Where an acronym's expansion comes from, and how the reader marks it.
SOURCE_NOTES = {"cable": "", "library": "from other cables", "known": "usual meaning"}
_TEXT_ROLES = frozenset({"para", "heading", "answer", "question"})

EntityKey = tuple[str, str]


def entity_key(ent: Entity) -> EntityKey:
    """What a mention names: the acronym without plural ``s``, else its canonical form (spelling
    variants share it: ``Santoyo-Cervantes``/``Santoyo Cervantes``), else the folded text."""
    if ent.type == "ACRONYM":
        return ("ACRONYM", acronym_key(ent.text))
    if ent.type == "PERSON":
        return ("PERSON", " ".join((ent.canonical or ent.text).split()))
    if ent.canonical:
        return (ent.type, " ".join(ent.canonical.split()))
    return (ent.type, " ".join(ent.text.split()).casefold())


@dataclass(frozen=True)
class Expansion:
    """An acronym's long form and where it comes from: ``cable``, ``library`` (other cables) or ``known``."""

    text: str
    source: str

    def shown(self) -> str:
        """``National Migration Institute`` or ``Government of Mexico (from other cables)``."""
        note = SOURCE_NOTES.get(self.source, "")
        return f"{self.text} ({note})" if note else self.text


class EntityIndex:
    """A cable's entities, by paragraph and by what they name (in order of first mention)."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        self.entities = list(entities)
        self.by_para: dict[int, list[Entity]] = {}
        self.groups: dict[EntityKey, list[Entity]] = {}
        for ent in sorted(self.entities, key=lambda e: (e.paragraph, e.start)):
            self.by_para.setdefault(ent.paragraph, []).append(ent)
            self.groups.setdefault(entity_key(ent), []).append(ent)
        self.defined: dict[str, str] = {}
        for (kind, name), mentions in self.groups.items():
            if kind == "ACRONYM":
                exp = next((m.expansion for m in mentions if m.expansion), None)
                if exp:
                    self.defined[name] = " ".join(exp.split())
        self.learnt: dict[str, str | None] = {}  # acronym → expansion found in other cables (None: none found)

    def undefined(self) -> list[str]:
        """The acronyms this cable uses without defining them."""
        return [name for kind, name in self.groups if kind == "ACRONYM" and name not in self.defined]

    def expansion(self, acronym: str) -> Expansion | None:
        """The best expansion: the cable's own, else learnt from other cables, else the usual one."""
        k = acronym_key(acronym)
        if k in self.defined:
            return Expansion(self.defined[k], "cable")
        learnt = self.learnt.get(k)
        if learnt:
            return Expansion(learnt, "library")
        known = known_expansion(k)
        return Expansion(known, "known") if known else None

    def label(self, group: EntityKey) -> str:
        """How a group is listed: the acronym, the person's full name, or its first mention's text."""
        kind, name = group
        if kind in ("ACRONYM", "PERSON") or self.groups[group][0].canonical:
            return name
        return " ".join(self.groups[group][0].text.split())

    def by_type(self) -> dict[str, list[tuple[EntityKey, int]]]:
        """type → [(group, mentions)], most mentioned first, types in :data:`TYPES` order."""
        out: dict[str, list[tuple[EntityKey, int]]] = {}
        for group, mentions in self.groups.items():
            out.setdefault(group[0], []).append((group, len(mentions)))
        ordered = {}
        for kind in TYPES:
            if kind in out:
                ordered[kind] = sorted(out[kind], key=lambda g: (-g[1], self.label(g[0]).casefold()))
        return ordered

    def describe(self, ent: Entity) -> str:
        """One line for a tooltip or the status line: ``INM · National Migration Institute``."""
        kind = ent.type
        text = " ".join(ent.text.split())
        if kind == "ACRONYM":
            exp = self.expansion(ent.text)
            return f"{acronym_key(ent.text)} · {exp.shown()}" if exp else f"{text} · acronym, not defined"
        note = " (from other cables)" if ent.learned else ""
        if ent.canonical and " ".join(ent.canonical.split()) != text:
            return f"{text} · {TYPE_SINGULAR.get(kind, kind.title())}: {' '.join(ent.canonical.split())}{note}"
        return f"{text} · {TYPE_SINGULAR.get(kind, kind.title())}{note}"


# ---- blocks ------------------------------------------------------------------------------
def block_mentions(block: Block, text: str, ents: Sequence[Entity]) -> list[tuple[int, int, Entity]]:
    """``ents`` (of ``block.para``, whose text is ``text``) placed in ``block.text.plain``.

    The block shows a stretch of the paragraph after ``block.find_from``; where that
    stretch is found in the paragraph text the offsets just shift, else (text cleaned
    or shortened for display) each mention is looked for in order.
    """
    plain = block.text.plain
    seg = plain[block.find_from:]
    if not seg.strip() or not ents:
        return []
    at = text.find(seg)
    out: list[tuple[int, int, Entity]] = []
    if at >= 0:
        shift = block.find_from - at
        end = at + len(seg)
        for ent in ents:
            if ent.start >= at and ent.end <= end:
                out.append((ent.start + shift, ent.end + shift, ent))
        return out
    pos = 0
    for ent in ents:
        k = seg.find(ent.text, pos)
        if k < 0:
            continue
        out.append((block.find_from + k, block.find_from + k + len(ent.text), ent))
        pos = k + len(ent.text)
    return out


def annotate_blocks(
    blocks: list[Block], cable: Cable, index: EntityIndex | None, style: Callable[[str], Style] | None
) -> list[Block]:
    """``blocks`` with each mention in ``Block.spans`` and, with ``style`` (type → Style), coloured.

    Blocks without mentions are returned as they are; the others are copied.
    """
    if index is None or not index.entities:
        return blocks
    styles: dict[str, Style] = {}
    out: list[Block] = []
    for block in blocks:
        para = block.para
        ents = index.by_para.get(para) if para is not None and block.role in _TEXT_ROLES else None
        if not ents or para is None or not (0 <= para < len(cable.paragraphs)):
            out.append(block)
            continue
        spans = block_mentions(block, cable.paragraphs[para].text or "", ents)
        if not spans:
            out.append(block)
            continue
        text = block.text
        if style is not None:
            text = text.copy()
            for start, end, ent in spans:
                s = styles.get(ent.type)
                if s is None:
                    s = styles[ent.type] = style(ent.type)
                text.stylize(s, start, end)
        out.append(replace(block, text=text, spans=tuple(spans)))
    return out


class _Span:
    """A match-like object (``start()``/``end()``) for a mention."""

    __slots__ = ("_start", "_end")

    def __init__(self, start: int, end: int) -> None:
        self._start, self._end = start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


class MentionFinder:
    """A find pattern whose matches are the mentions of one entity group (see ``CableView.find_with``)."""

    def __init__(self, group: EntityKey) -> None:
        self.group = group

    def spans(self, block: Block) -> Iterable[tuple[int, int]]:
        """The mentions of the group in ``block``."""
        return [(s, e) for s, e, ent in block.spans if entity_key(ent) == self.group]

    def finditer(self, text: str, pos: int = 0):  # pragma: no cover - CableView uses spans()
        """Nothing: mentions are found by :meth:`spans`."""
        return iter(())


def mention_at(block: Block, offset: int) -> Entity | None:
    """The entity mentioned at ``offset`` of ``block``'s plain text, or None."""
    for start, end, ent in block.spans:
        if start <= offset < end:
            return ent
    return None


# ---- learnt expansions -------------------------------------------------------------------

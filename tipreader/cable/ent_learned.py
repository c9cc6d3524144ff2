"""Names recognised once, found again: within a cable and across the library.

A :class:`NameBook` holds names with their type and canonical form and finds their
mentions in a paragraph's tokens (case ignored, so ``ERGENEKON`` in an all-capitals
cable matches ``Ergenekon`` seen in mixed case elsewhere). The extractor fills one per
cable with the short forms of the organisations it found (``Grupos Beta`` → ``Betas``)
and, when given names learnt from other cables (``extract_entities(..., learned=...)``),
with those; the library keeps what each cable teaches in its database (see
:func:`confident_names`).
"""

from __future__ import annotations

from collections.abc import Iterable

from .ent_data import first_names, geo, gazetteer, is_common_word, org_words, place_key, tokens_of
from .ent_names import _SPANISH_FIRSTS
from .ent_text import Token, is_upper_text
from .model import Entity

LearnedName = tuple[str, str, str]  # (name as written, type, canonical)


class NameBook:
    """Names by their first folded word, then by all their folded words.

    Built for a library's worth of names (hundreds of thousands): adding is O(1), and
    finding costs one dict lookup per candidate token plus one per distinct name length
    starting with that word, however many names share it.
    """

    def __init__(self) -> None:
        # first word → (its names' lengths in words, longest first; words → (type, canonical, learned))
        self.by_first: dict[str, tuple[tuple[int, ...], dict[tuple[str, ...], tuple[str, str, bool]]]] = {}

    def __bool__(self) -> bool:
        return bool(self.by_first)

    def __len__(self) -> int:
        return sum(len(names) for _, names in self.by_first.values())

    def add(self, name: str, kind: str, canonical: str, learned: bool = False) -> None:
        """Add ``name`` (skipped when it has no words; the first entry for the same words wins)."""
        words = tuple(tokens_of(name))
        if not words:
            return
        lengths, names = self.by_first.get(words[0]) or ((), {})
        if words in names:
            return
        names[words] = (kind, canonical, learned)
        if len(words) not in lengths:
            lengths = tuple(sorted((*lengths, len(words)), reverse=True))
        self.by_first[words[0]] = (lengths, names)

    def find(self, tokens: list[Token], upper: bool, caps: list[int] | None) -> list[tuple[int, int, str, str, bool]]:
        """Mentions ``(start, end, type, canonical, learned)`` of the book's names in one paragraph."""
        out: list[tuple[int, int, str, str, bool]] = []
        if not self.by_first:
            return out
        by_first = self.by_first
        positions = range(len(tokens)) if upper or caps is None else caps
        n = len(tokens)
        done = -1
        for i in positions:
            if i <= done:
                continue
            found = by_first.get(tokens[i].key)
            if found is None:
                continue
            lengths, names = found
            for size in lengths:
                if i + size > n:
                    continue
                seq = tokens[i : i + size]
                entry = names.get(tuple(t.key for t in seq))
                if entry is None:
                    continue
                if any(t.gap not in (" ", "-") for t in seq[1:]) or any(t.poss for t in seq[:-1]):
                    continue
                if not upper and not all(t.cap for t in seq):
                    continue
                kind, canonical, learned = entry
                out.append((seq[0].start, seq[-1].end, kind, canonical, learned))
                done = i + size - 1
                break
        return out


def _distinctive(word: str) -> bool:
    k = word.lower()
    ow = org_words()
    return (
        len(k) >= 4 and not is_common_word(k) and k not in ow.heads and k not in ow.firsts
        and k not in gazetteer().places and place_key(k) not in geo().keys and k not in first_names()
    )


def org_short_forms(names: Iterable[str]) -> list[tuple[str, str]]:
    """``Grupos Beta`` → [("Beta", ...), ("Betas", ...)]: the distinctive last word of a longer
    organisation name (not an organisation word, place or ordinary word), also plural."""
    out = []
    for name in names:
        words = name.split()
        if len(words) < 2 or not words[-1][:1].isupper() or words[-1].isupper():
            continue
        last = words[-1].strip(".,;:")
        first = words[0].lower()
        if _distinctive(last) and (first in org_words().heads or first in org_words().firsts or first in _SPANISH_FIRSTS):
            out.append((last, name))
            out.append((last + "s", name))
    return out


def confident_names(entities: Iterable[Entity], texts: dict[int, str]) -> list[LearnedName]:
    """What a cable teaches the library: people's full names and organisations written in mixed
    case (not in an all-capitals paragraph), and organisations an acronym was defined as."""
    out: dict[tuple[str, str], LearnedName] = {}
    capitals: dict[int, bool] = {}  # paragraph → written in capitals (computed once per paragraph)
    for ent in entities:
        if ent.type not in ("PERSON", "ORG") or ent.learned or ent.text.isupper():
            continue
        text = " ".join(ent.text.split())
        if ent.paragraph not in capitals:
            para = texts.get(ent.paragraph, "")
            capitals[ent.paragraph] = is_upper_text(para)
        if capitals[ent.paragraph]:
            continue
        if ent.type == "PERSON" and (len(text.split()) < 2 or ent.canonical and ent.canonical != text):
            continue  # surname-only mentions are linked within their cable only
        if len(text) < 4 or is_common_word(text.lower()):
            continue
        out.setdefault((ent.type, text.casefold()), (text, ent.type, ent.canonical or text))
    return list(out.values())

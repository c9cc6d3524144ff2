"""One canonical form per named thing, so spelling variants are one entity.

``Santoyo-Cervantes`` and ``Santoyo Cervantes``, ``DIVAS`` and ``Divas``, ``Sana'a`` and
``SANAA`` (a place's gazetteer name), ``Grupos Beta`` and ``Betas`` (an organisation's
short plural form, linked when it was found) share one ``canonical``: the Entities tab
groups by it, ``entities --json`` prints it, and the index adds it to ``person:``/``org:``.

:func:`variant_key` is the comparison key (case, accents, hyphens, apostrophes and a
leading "the" ignored); :func:`canonicalise` picks, per type and key, the form written in
mixed case most often (then the longest) and sets it on every mention.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Final

from .ent_acronyms import key as acronym_key
from .ent_data import fold, geo, place_key
from .model import Entity

NAME_TYPES = frozenset({"PERSON", "ORG", "LOCATION", "ACRONYM", "LAW"})
_DROP = str.maketrans({"-": " ", "'": "", "’": "", "‘": "", "`": "", ".": " ", ",": " "})


@lru_cache(maxsize=65536)
def variant_key(text: str) -> str:
    """``Santoyo-Cervantes`` and ``santoyo cervantes`` → ``santoyo cervantes``; "the" in front ignored."""
    words = fold(text).translate(_DROP).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


# (type, text, paragraph, start, end, expansion, canonical, learned): an Entity before its canonical form
RawEntity = tuple[str, str, int, int, int, "str | None", "str | None", bool]
_TYPE: Final = 0
_TEXT: Final = 1
_EXPANSION: Final = 5
_CANONICAL: Final = 6


def _base(ent: RawEntity) -> str:
    """The form a mention stands for before variants are merged."""
    kind, text = ent[_TYPE], " ".join(ent[_TEXT].split())
    if kind == "ACRONYM":
        return acronym_key(text)
    if kind in ("PERSON", "ORG") and ent[_CANONICAL]:
        return " ".join((ent[_CANONICAL] or "").split())
    if kind == "LOCATION":
        hit = geo().keys.get(place_key(text))
        if hit is not None and hit[1] == "A":
            return hit[0]  # "SANAA", "Sana'a" → "Sanaa"
    if kind == "ORG" and text[:4].lower() == "the ":
        return text[4:]
    return text


def _better(form: str) -> tuple[bool, int]:
    return (not form.isupper(), len(form))


def _retype_capitals(ents: list[RawEntity]) -> list[RawEntity]:
    """An "acronym" that is another name of the cable in capitals (``DIVAS`` beside ``Divas``,
    ``SANAA`` beside ``Sana'a``) takes that name's type."""
    if not any(e[_TYPE] == "ACRONYM" and not e[_EXPANSION] for e in ents):
        return ents
    named: dict[str, str] = {}
    located: set[str] = set()
    for ent in ents:
        if ent[_TYPE] in ("ORG", "PERSON", "LOCATION"):
            named.setdefault(variant_key(ent[_TEXT]), ent[_TYPE])
            if ent[_TYPE] == "LOCATION":
                located.add(place_key(ent[_TEXT]))
    if not named:
        return ents
    out = []
    for ent in ents:
        if ent[_TYPE] == "ACRONYM" and not ent[_EXPANSION]:
            kind = named.get(variant_key(ent[_TEXT])) or ("LOCATION" if place_key(ent[_TEXT]) in located else None)
            if kind:
                ent = (kind, *ent[1:])
        out.append(ent)
    return out


def _person_keys(keys: Iterable[str]) -> dict[str, str]:
    """A person's shorter name → the one longer name of the cable it ends (``santoyo cervantes`` →
    ``jose santoyo cervantes``)."""
    ordered = sorted(set(keys), key=len)
    out: dict[str, str] = {}
    for k in ordered:
        longer = [o for o in ordered if len(o) > len(k) and o.endswith(" " + k)]
        if len(longer) == 1:
            out[k] = longer[0]
    return out


def canonicalise(raw: Iterable[RawEntity]) -> list[Entity]:
    """The entities, each name with its ``canonical`` form (see the module docstring)."""
    ents = _retype_capitals(list(raw))
    # per group, each form's count in first-seen order (a plain dict: a Counter made per mention by
    # setdefault, and its __missing__ per new form, cost ~4 % of extraction)
    forms: dict[tuple[str, str], dict[str, int]] = {}
    groups: list[tuple[str, str] | None] = []
    for ent in ents:
        if ent[_TYPE] not in NAME_TYPES:
            groups.append(None)
            continue
        base = _base(ent)
        vkey = variant_key(base)
        if ent[_TYPE] == "ORG":  # "Grupos Betas" and "Grupos Beta"
            vkey = " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in vkey.split())
        group = (ent[_TYPE], vkey)
        counts = forms.get(group)
        if counts is None:
            forms[group] = counts = {}
        counts[base] = counts.get(base, 0) + 1
        groups.append(group)
    chosen = {
        group: max(counts.items(), key=lambda kv: (_better(kv[0]), kv[1]))[0] for group, counts in forms.items()
    }
    longer = _person_keys(k for t, k in forms if t == "PERSON")
    for short, full in longer.items():
        chosen[("PERSON", short)] = chosen[("PERSON", full)]
    out = []
    for ent, key in zip(ents, groups):
        kind, text, para, start, end, expansion, canonical, learned = ent
        out.append(Entity(kind, text, para, start, end, expansion, chosen[key] if key is not None else canonical, learned))
    return out

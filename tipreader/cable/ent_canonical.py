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

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from .ent_acronyms import key as acronym_key
from .ent_data import fold, geo, place_key
from .model import Entity

NAME_TYPES = frozenset({"PERSON", "ORG", "LOCATION", "ACRONYM", "LAW"})
_DROP = str.maketrans({"-": " ", "'": "", "’": "", "‘": "", "`": "", ".": " ", ",": " "})


def variant_key(text: str) -> str:
    """``Santoyo-Cervantes`` and ``santoyo cervantes`` → ``santoyo cervantes``; "the" in front ignored."""
    words = fold(text).translate(_DROP).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _base(ent: Entity) -> str:
    """The form a mention stands for before variants are merged."""
    text = " ".join(ent.text.split())
    if ent.type == "ACRONYM":
        return acronym_key(text)
    if ent.type in ("PERSON", "ORG") and ent.canonical:
        return " ".join(ent.canonical.split())
    if ent.type == "LOCATION":
        hit = geo().keys.get(place_key(text))
        if hit is not None and hit[1] == "A":
            return hit[0]  # "SANAA", "Sana'a" → "Sanaa"
    if ent.type == "ORG" and text[:4].lower() == "the ":
        return text[4:]
    return text


def _better(form: str) -> tuple[bool, int]:
    return (not form.isupper(), len(form))


def _retype_capitals(ents: list[Entity]) -> list[Entity]:
    """An "acronym" that is another name of the cable in capitals (``DIVAS`` beside ``Divas``,
    ``SANAA`` beside ``Sana'a``) takes that name's type."""
    named: dict[str, str] = {}
    for ent in ents:
        if ent.type in ("ORG", "PERSON", "LOCATION"):
            named.setdefault(variant_key(ent.text), ent.type)
            if ent.type == "LOCATION":
                named.setdefault(place_key(ent.text), "LOCATION")
    if not named:
        return ents
    out = []
    for ent in ents:
        if ent.type == "ACRONYM" and not ent.expansion:
            kind = named.get(variant_key(ent.text)) or named.get(place_key(ent.text))
            if kind == "LOCATION" and named.get(variant_key(ent.text)) is None and named.get(place_key(ent.text)) != "LOCATION":
                kind = None
            if kind:
                ent = replace(ent, type=kind)
        out.append(ent)
    return out


def _person_keys(keys: Iterable[str]) -> dict[str, str]:
    """A person's shorter name → the one longer name of the cable it ends (``santoyo cervantes`` →
    ``jose santoyo cervantes``)."""
    keys = sorted(set(keys), key=len)
    out: dict[str, str] = {}
    for k in keys:
        longer = [o for o in keys if len(o) > len(k) and o.endswith(" " + k)]
        if len(longer) == 1:
            out[k] = longer[0]
    return out


def canonicalise(entities: Iterable[Entity]) -> list[Entity]:
    """``entities`` with ``canonical`` set on every name (see the module docstring)."""
    ents = _retype_capitals(list(entities))
    forms: dict[tuple[str, str], Counter[str]] = {}
    bases: list[tuple[str, str] | None] = []
    for ent in ents:
        if ent.type not in NAME_TYPES:
            bases.append(None)
            continue
        base = _base(ent)
        vkey = variant_key(base)
        if ent.type == "ORG":  # "Grupos Betas" and "Grupos Beta"
            vkey = " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in vkey.split())
        group = (ent.type, vkey)
        forms.setdefault(group, Counter())[base] += 1
        bases.append(group)
    chosen = {
        group: max(counts.items(), key=lambda kv: (_better(kv[0]), kv[1]))[0] for group, counts in forms.items()
    }
    longer = _person_keys(k for t, k in forms if t == "PERSON")
    for short, full in longer.items():
        chosen[("PERSON", short)] = chosen[("PERSON", full)]
    out = []
    for ent, key in zip(ents, bases):
        if key is None:
            out.append(ent)
            continue
        canonical = chosen[key]
        out.append(ent if ent.canonical == canonical else replace(ent, canonical=canonical))
    return out

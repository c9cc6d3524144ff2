"""How a cable's entities are stored (``cable_entities.data``): zlib JSON, plain data only.

Written by the entity pass, read on every open of a cable, so the form is built to be
small and quick to read back (a cable has about a hundred entities):

``{"v": 4, "k": [type, ...], "r": [kind, paragraph, start, end, ...], "c": [canonical, ...],
"t": [[i, text], ...], "x": {field: [[i, value], ...]}}``

- ``k``: the entity types used, once each; ``r``: four ints per entity (``kind`` indexes ``k``);
- ``c``: per entity, ``0`` for no canonical form, ``1`` when it is the entity's own text (most
  are), else the canonical form itself;
- ``t``: the text of entity ``i`` only where it is not its paragraph's ``text[start:end]``,
  so names are not stored twice;
- ``x``: every other :class:`~tipreader.cable.Entity` field not at its default (expansion,
  learned, and fields added later), by entity.

The earlier forms (a list of objects; ``v`` 2 and 3: a list per entity) still read.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Sequence
from dataclasses import fields
from typing import Any

from tipreader.cable import Entity

_POSITION = ("type", "paragraph", "start", "end")
_OTHER_DEFAULTS = {f.name: f.default for f in fields(Entity) if f.name not in (*_POSITION, "text")}
_EXTRA_DEFAULTS = {k: v for k, v in _OTHER_DEFAULTS.items() if k != "canonical"}
_FIELDS = tuple(f.name for f in fields(Entity))  # the order Entity takes its fields in


class EntityDataError(ValueError):
    """A stored entities blob cannot be read back."""


def _texts(paragraphs: Sequence) -> list[str]:
    return [p.text for p in paragraphs]


def encode_entities(entities: Sequence[Entity], paragraphs: Sequence = ()) -> bytes:
    """The ``cable_entities.data`` blob of ``entities`` (``paragraphs``: the cable's)."""
    texts = _texts(paragraphs)
    kinds: dict[str, int] = {}
    flat: list[int] = []
    canon: list[int | str] = []
    own: list[list] = []
    extra: dict[str, list[list]] = {}
    for i, e in enumerate(entities):
        flat += (kinds.setdefault(e.type, len(kinds)), e.paragraph, e.start, e.end)
        canon.append(0 if e.canonical is None else 1 if e.canonical == e.text else e.canonical)
        for name, default in _EXTRA_DEFAULTS.items():
            value = getattr(e, name)
            if value != default:
                extra.setdefault(name, []).append([i, value])
        if not 0 <= e.paragraph < len(texts) or texts[e.paragraph][e.start:e.end] != e.text:
            own.append([i, e.text])
    data: dict[str, Any] = {"v": 4, "k": list(kinds), "r": flat, "c": canon}
    if own:
        data["t"] = own
    if extra:
        data["x"] = extra
    return zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 6)


def decode_entities(blob: bytes, paragraphs: Sequence = ()) -> tuple[Entity, ...]:
    """The inverse of :func:`encode_entities` (the earlier forms read too).

    Raises :class:`EntityDataError` when the blob is damaged or does not fit the paragraphs."""
    return entities_in(blob, _texts(paragraphs))


def entities_in(blob: bytes, texts: list[str]) -> tuple[Entity, ...]:
    """:func:`decode_entities` given the paragraphs' texts (``texts[i]``: paragraph ``i``'s)."""
    try:
        data = json.loads(zlib.decompress(blob).decode("utf-8", "surrogatepass"))
        if isinstance(data, list):  # the first form: a list of entity objects
            return tuple(Entity(**{k: item[k] for k in item if k in Entity.__dataclass_fields__}) for item in data)
        if data.get("v") == 4:
            return _decode_v4(data, texts)
        return _decode_rows(data, texts)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, zlib.error) as err:
        raise EntityDataError(f"damaged stored entities: {err}") from err


def _decode_v4(data: dict[str, Any], texts: list[str]) -> tuple[Entity, ...]:
    kinds, flat, canon = data["k"], data["r"], data["c"]
    n = len(canon)
    if len(flat) != 4 * n:
        raise ValueError("entity rows and canonical forms do not match")
    paras, starts, ends = flat[1::4], flat[2::4], flat[3::4]
    own = dict(data.get("t") or ())
    if own:
        text = [own[i] if i in own else texts[p][s:e] for i, (p, s, e) in enumerate(zip(paras, starts, ends))]
    else:
        text = [texts[p][s:e] for p, s, e in zip(paras, starts, ends)]
    columns: dict[str, list] = {
        "type": [kinds[k] for k in flat[0::4]], "text": text, "paragraph": paras, "start": starts, "end": ends,
        "canonical": [(t if c else None) if c.__class__ is int else c for c, t in zip(canon, text)]}
    for name, default in _EXTRA_DEFAULTS.items():
        column = columns[name] = [default] * n
        for i, value in (data.get("x") or {}).get(name, ()):
            column[i] = value
    return tuple(map(Entity, *(columns[name] for name in _FIELDS)))


def _decode_rows(data: dict[str, Any], texts: list[str]) -> tuple[Entity, ...]:
    """``v`` 2 ``[type, paragraph, start, end, expansion, canonical, text?]`` and ``v`` 3
    ``[type, paragraph, start, end, {fields not at their default}, text?]``."""
    out = []
    v2 = data.get("v") == 2
    for row in data["e"]:
        kind, para, start, end = row[:4]  # a row of another length is damaged: ValueError
        if v2:
            extra, tail = {"expansion": row[4], "canonical": row[5]}, 6
        else:
            extra, tail = ({k: v for k, v in row[4].items() if k in _OTHER_DEFAULTS} if row[4] else {}), 5
        text = row[tail] if len(row) > tail else texts[para][start:end]
        out.append(Entity(kind, text, para, start, end, **extra))
    return tuple(out)

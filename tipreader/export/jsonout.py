"""JSON for one cable, the shape documented in docs/cable-json.md."""

from __future__ import annotations

import json
from typing import Any

from tipreader.cable import Cable

# Fields kept out of the JSON by default: they repeat the input verbatim.
_BULKY = ("header_text", "body_text")


def cable_to_jsonable(cable: Cable, *, include_text: bool = False, entities: bool = True) -> dict[str, Any]:
    """A dict ready for ``json.dumps``: the model, with ``questions`` flattened in parts."""
    data = cable.to_dict()
    if not include_text:
        for key in _BULKY:
            data.pop(key, None)
    if not entities:
        data.pop("entities", None)
    data["warnings"] = [dict(w) for w in data["warnings"]]
    return data


def cable_to_json(cable: Cable, *, indent: int | None = None, **kwargs: Any) -> str:
    """One cable as a JSON string (one line unless ``indent`` is given)."""
    return json.dumps(cable_to_jsonable(cable, **kwargs), ensure_ascii=False, indent=indent)

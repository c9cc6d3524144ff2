"""The model as plain data: a :class:`Cable` back from its JSON form, and the model's version.

:meth:`Cable.to_dict` gives a JSON-ready dict; :func:`cable_from_dict` is its inverse,
driven by the dataclasses' own field types, so a field added to the model is read
without code here. It builds only the model's dataclasses and plain values (str, int,
bool, None, tuples, dicts of plain values): reading stored data never runs code.

:data:`MODEL_VERSION` names the model's shape (every class, field and field type): the
library records it beside what it stores and asks for a rebuild when it differs.
"""

from __future__ import annotations

import hashlib
import types
import typing
from dataclasses import MISSING, fields, is_dataclass
from functools import cache
from typing import Any

from . import model

MODEL_CLASSES: tuple[type, ...] = (
    model.Cable, model.Reference, model.Paragraph, model.Question, model.Part, model.Block, model.Entity,
    model.Warning_,
)


class ModelDataError(ValueError):
    """Stored data does not fit today's model (a field of the wrong type, a missing field)."""


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _convert(tp: Any, value: Any, where: str) -> Any:
    """``value`` (from JSON) as the type ``tp`` says; raises :class:`ModelDataError` when it cannot be."""
    origin = typing.get_origin(tp)
    if tp is Any:
        return value
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        if value is None:
            if type(None) in args:
                return None
            raise ModelDataError(f"{where}: null where a value is required")
        for arg in args:
            if arg is type(None):
                continue
            try:
                return _convert(arg, value, where)
            except ModelDataError:
                continue
        raise ModelDataError(f"{where}: {type(value).__name__} fits none of {tp}")
    if origin is tuple:
        if not isinstance(value, list | tuple):
            raise ModelDataError(f"{where}: expected a list")
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(args[0], v, f"{where}[{i}]") for i, v in enumerate(value))
        if len(args) != len(value):
            raise ModelDataError(f"{where}: expected {len(args)} items")
        return tuple(_convert(a, v, f"{where}[{i}]") for i, (a, v) in enumerate(zip(args, value)))
    if origin is dict or tp is dict:
        if not isinstance(value, dict):
            raise ModelDataError(f"{where}: expected an object")
        return dict(value)
    if isinstance(tp, type) and is_dataclass(tp):
        return _build(tp, value, where)
    if tp is bool:
        if isinstance(value, bool):
            return value
    elif tp is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    elif tp is float:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
    elif tp is str:
        if isinstance(value, str):
            return value
    else:
        raise ModelDataError(f"{where}: unsupported field type {tp}")
    raise ModelDataError(f"{where}: {type(value).__name__} is not {tp.__name__}")


def _build(cls: type, data: Any, where: str) -> Any:
    if not isinstance(data, dict):
        raise ModelDataError(f"{where}: expected an object for {cls.__name__}")
    hints = _hints(cls)
    kwargs: dict[str, Any] = {}
    for f in fields(cls):
        if f.name in data:
            kwargs[f.name] = _convert(hints[f.name], data[f.name], f"{where}.{f.name}")
        elif f.default is MISSING and f.default_factory is MISSING:
            raise ModelDataError(f"{where}: {cls.__name__}.{f.name} is missing")
    return cls(**kwargs)


def cable_from_dict(data: dict[str, Any]) -> model.Cable:
    """The :class:`Cable` of ``data`` (as :meth:`Cable.to_dict` or ``json.loads`` of it gives it).

    Keys that are not fields (``questions_total``) are ignored; a missing field takes its
    default. Raises :class:`ModelDataError` when a value does not fit its field.
    """
    return _build(model.Cable, data, "cable")


def _signature() -> str:
    shape = [(cls.__name__, [(f.name, str(_hints(cls)[f.name])) for f in fields(cls)]) for cls in MODEL_CLASSES]
    return hashlib.sha1(repr(shape).encode()).hexdigest()[:12]


MODEL_VERSION = _signature()

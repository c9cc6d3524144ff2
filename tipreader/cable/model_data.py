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


Converter = typing.Callable[[Any, str], Any]


def _convert(tp: Any, value: Any, where: str) -> Any:
    """``value`` (from JSON) as the type ``tp`` says; raises :class:`ModelDataError` when it cannot be."""
    return _converter(tp)(value, where)


@cache
def _converter(tp: Any) -> Converter:
    """The function that reads a JSON value as type ``tp`` (worked out once per type: reading a
    library's cables calls these thousands of times)."""
    origin = typing.get_origin(tp)
    if tp is Any:
        return lambda value, where: value
    if origin in (typing.Union, types.UnionType):
        return _union(tp)
    if origin is tuple:
        return _tuple(tp)
    if origin is dict or tp is dict:
        def as_dict(value: Any, where: str) -> Any:
            if not isinstance(value, dict):
                raise ModelDataError(f"{where}: expected an object")
            return dict(value)
        return as_dict
    if isinstance(tp, type) and is_dataclass(tp):
        return lambda value, where: _build(tp, value, where)
    if tp in _PLAIN:
        test, cast = _PLAIN[tp]

        def plain(value: Any, where: str) -> Any:
            if test(value):
                return cast(value)
            raise ModelDataError(f"{where}: {type(value).__name__} is not {tp.__name__}")
        return plain
    raise ModelDataError(f"unsupported field type {tp}")


_PLAIN: dict[type, tuple[typing.Callable[[Any], bool], typing.Callable[[Any], Any]]] = {
    bool: (lambda v: isinstance(v, bool), lambda v: v),
    int: (lambda v: isinstance(v, int) and not isinstance(v, bool), lambda v: v),
    float: (lambda v: isinstance(v, int | float) and not isinstance(v, bool), float),
    str: (lambda v: isinstance(v, str), lambda v: v),
}


def _union(tp: Any) -> Converter:
    args = typing.get_args(tp)
    optional = type(None) in args
    choices = [_converter(a) for a in args if a is not type(None)]

    def union(value: Any, where: str) -> Any:
        if value is None:
            if optional:
                return None
            raise ModelDataError(f"{where}: null where a value is required")
        for choice in choices:
            try:
                return choice(value, where)
            except ModelDataError:
                continue
        raise ModelDataError(f"{where}: {type(value).__name__} fits none of {tp}")
    return union


def _tuple(tp: Any) -> Converter:
    args = typing.get_args(tp)
    if len(args) == 2 and args[1] is Ellipsis:
        item = _converter(args[0])

        def many(value: Any, where: str) -> Any:
            if not isinstance(value, list | tuple):
                raise ModelDataError(f"{where}: expected a list")
            return tuple(item(v, f"{where}[{i}]") for i, v in enumerate(value))
        return many
    items = [_converter(a) for a in args]

    def fixed(value: Any, where: str) -> Any:
        if not isinstance(value, list | tuple):
            raise ModelDataError(f"{where}: expected a list")
        if len(items) != len(value):
            raise ModelDataError(f"{where}: expected {len(items)} items")
        return tuple(conv(v, f"{where}[{i}]") for i, (conv, v) in enumerate(zip(items, value)))
    return fixed


@cache
def _plan(cls: type) -> tuple[tuple[str, Converter, bool], ...]:
    """(field name, its converter, required) for each field of the model class ``cls``."""
    hints = _hints(cls)
    return tuple((f.name, _converter(hints[f.name]), f.default is MISSING and f.default_factory is MISSING)
                 for f in fields(cls))


def _build(cls: type, data: Any, where: str) -> Any:
    if not isinstance(data, dict):
        raise ModelDataError(f"{where}: expected an object for {cls.__name__}")
    kwargs: dict[str, Any] = {}
    for name, convert, required in _plan(cls):
        if name in data:
            kwargs[name] = convert(data[name], f"{where}.{name}")
        elif required:
            raise ModelDataError(f"{where}: {cls.__name__}.{name} is missing")
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

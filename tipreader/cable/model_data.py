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
import itertools
import json
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
    """Stored data does not fit today's model (a field of the wrong type, a missing field).

    ``str()`` names the place, ``cable.paragraphs[3].number: str is not int``: the place is
    put together only when data does not fit, so reading data that fits builds no strings."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.place: list[str] = []

    def at(self, piece: str) -> ModelDataError:
        """This error, one level further out (``piece``: ``.name``, ``[3]`` or ``cable``)."""
        self.place.insert(0, piece)
        return self

    def __str__(self) -> str:
        return f"{''.join(self.place)}: {self.reason}" if self.place else self.reason


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


Converter = typing.Callable[[Any], Any]


@cache
def _converter(tp: Any) -> Converter:
    """The function that reads a JSON value as type ``tp`` (worked out once per type: reading a
    library's cables calls these thousands of times)."""
    origin = typing.get_origin(tp)
    if tp is Any:
        return lambda value: value
    if origin in (typing.Union, types.UnionType):
        return _union(tp)
    if origin is tuple:
        return _tuple(tp)
    if origin is dict or tp is dict:
        def as_dict(value: Any) -> Any:
            if not isinstance(value, dict):
                raise ModelDataError("expected an object")
            return dict(value)
        return as_dict
    if isinstance(tp, type) and is_dataclass(tp):
        return lambda value: _build(tp, value)
    if tp in _PLAIN:
        return _PLAIN[tp]
    raise ModelDataError(f"unsupported field type {tp}")


def _misfit(value: Any, name: str) -> ModelDataError:
    return ModelDataError(f"{type(value).__name__} is not {name}")


def _as_bool(value: Any) -> bool:
    if value is True or value is False:
        return value
    raise _misfit(value, "bool")


def _as_int(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise _misfit(value, "int")


def _as_float(value: Any) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    raise _misfit(value, "float")


def _as_str(value: Any) -> str:
    if isinstance(value, str):
        return value
    raise _misfit(value, "str")


_PLAIN: dict[type, Converter] = {bool: _as_bool, int: _as_int, float: _as_float, str: _as_str}


def _union(tp: Any) -> Converter:
    args = typing.get_args(tp)
    optional = type(None) in args
    choices = [_converter(a) for a in args if a is not type(None)]

    def union(value: Any) -> Any:
        if value is None:
            if optional:
                return None
            raise ModelDataError("null where a value is required")
        for choice in choices:
            try:
                return choice(value)
            except ModelDataError:
                continue
        raise ModelDataError(f"{type(value).__name__} fits none of {tp}")
    return union


def _items(converters: typing.Sequence[Converter], value: Any) -> tuple:
    """``value``'s items each read by its converter (one for all when ``converters`` has one);
    a misfit names the item's index."""
    try:
        if len(converters) == 1:
            return tuple(map(converters[0], value))
        return tuple(map(lambda conv, v: conv(v), converters, value))
    except ModelDataError:
        for i, (conv, v) in enumerate(zip(itertools.cycle(converters) if len(converters) == 1 else converters, value)):
            try:
                conv(v)
            except ModelDataError as err:
                raise err.at(f"[{i}]") from None
        raise


def _tuple(tp: Any) -> Converter:
    args = typing.get_args(tp)
    if len(args) == 2 and args[1] is Ellipsis:
        item = _converter(args[0])

        def many(value: Any) -> Any:
            if not isinstance(value, list | tuple):
                raise ModelDataError("expected a list")
            return _items((item,), value)
        return many
    items = [_converter(a) for a in args]

    def fixed(value: Any) -> Any:
        if not isinstance(value, list | tuple):
            raise ModelDataError("expected a list")
        if len(items) != len(value):
            raise ModelDataError(f"expected {len(items)} items")
        return _items(items, value)
    return fixed


@cache
def _plan(cls: type) -> tuple[tuple[str, Converter, bool], ...]:
    """(field name, its converter, required) for each field of the model class ``cls``."""
    hints = _hints(cls)
    return tuple((f.name, _converter(hints[f.name]), f.default is MISSING and f.default_factory is MISSING)
                 for f in fields(cls))


def _fields(cls: type, data: Any) -> dict[str, Any]:
    """The keyword arguments of the model class ``cls`` read from ``data``."""
    if not isinstance(data, dict):
        raise ModelDataError(f"expected an object for {cls.__name__}")
    kwargs: dict[str, Any] = {}
    for name, convert, required in _plan(cls):
        if name in data:
            try:
                kwargs[name] = convert(data[name])
            except ModelDataError as err:
                raise err.at(f".{name}") from None
        elif required:
            raise ModelDataError(f"{cls.__name__}.{name} is missing")
    return kwargs


def _build(cls: type, data: Any) -> Any:
    return cls(**_fields(cls, data))


def cable_from_dict(data: dict[str, Any], **given: Any) -> model.Cable:
    """The :class:`Cable` of ``data`` (as :meth:`Cable.to_dict` or ``json.loads`` of it gives it).

    Keys that are not fields (``questions_total``) are ignored; a missing field takes its
    default. ``given``: fields already built as the model's own values (the entities, which
    the library stores apart), taken as they are. Raises :class:`ModelDataError` when a value
    does not fit its field.
    """
    try:
        kwargs = _fields(model.Cable, data)
    except ModelDataError as err:
        raise err.at("cable") from None
    kwargs.update(given)
    return model.Cable(**kwargs)


def _signature() -> str:
    shape = [(cls.__name__, [(f.name, str(_hints(cls)[f.name])) for f in fields(cls)]) for cls in MODEL_CLASSES]
    return hashlib.sha1(repr(shape).encode()).hexdigest()[:12]


MODEL_VERSION = _signature()


def output_digest(cable: model.Cable, source: str | None = None) -> str:
    """A digest of ``cable``'s JSON form: equal digests, equal parse output (the parser's guards use it).

    ``source``: the name to digest in place of the cable's own (a path relative to a corpus,
    so that the digest does not depend on where the corpus lies)."""
    data = cable.to_dict()
    if source is not None:
        data["source"] = source
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]

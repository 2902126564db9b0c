"""The JSON projection of Nominee records (``tdkt ingest --format json``)."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from pydantic import BaseModel

from tdkt.models import Nominee


def record(n: Nominee) -> dict[str, Any]:
    """A nominee as a JSON record: ``row`` plus every field that has a value.

    Records of equal nested values (YearRecord, Initiative…) share one dict: treat them as read-only.
    """
    out: dict[str, Any] = {"row": n.source.row, "id": n.id}
    try:
        for key, value in n.__dict__.items():
            if value is None or key in _RECORD_EXCLUDE:
                continue
            t = type(value)
            if t is str or t is int or t is bool:
                out[key] = value
            elif t is tuple:
                if value:
                    out[key] = _tuple_json(value)
            elif t is dt.date:
                out[key] = value.isoformat()
            else:
                converted = _json_value(value)
                if converted != [] and converted != {}:
                    out[key] = converted
    except _Unplain:  # a value the hand-written walk does not know: let pydantic say how it looks
        data = n.model_dump(mode="json", exclude=set(_RECORD_EXCLUDE))
        out = {"row": n.source.row, "id": n.id}
        for key, value in data.items():
            if value is not None and value != [] and value != {}:
                out[key] = value
    return out


_TUPLES: dict[int, tuple[tuple[Any, ...], list[Any]]] = {}


def _tuple_json(value: tuple[Any, ...]) -> list[Any]:
    """A tuple field as JSON. Rows of a list share their history and initiative tuples (see
    :func:`_history_of`), so the conversion is memoised by identity; the memo holds the tuple, so its
    id cannot be reused while the entry lives."""
    hit = _TUPLES.get(id(value))
    if hit is not None and hit[0] is value:
        return hit[1]
    out = [_json_value(x) for x in value]
    if len(_TUPLES) >= 1 << 16:
        _TUPLES.clear()
    _TUPLES[id(value)] = (value, out)
    return out


_RECORD_EXCLUDE = frozenset({"id", "source", "cells"})


class _Unplain(Exception):
    """A value outside the plain types :func:`_json_value` converts exactly as pydantic does."""


def _json_fields(model: BaseModel, exclude: frozenset[str] = frozenset()) -> dict[str, Any]:
    """``model.model_dump(mode="json", exclude=exclude)`` for models of plain values, ~5× faster.

    Field order is the model's; dates become ISO text, tuples lists, nested models dicts. Anything
    else (datetimes, enums, non-finite floats, str subclasses, a missing field) raises _Unplain.
    """
    values = model.__dict__
    cls = type(model)
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(cls.model_fields)
    try:
        return {name: _json_value(values[name]) for name in names if name not in exclude}
    except KeyError as exc:
        raise _Unplain from exc


_FIELD_NAMES: dict[type[BaseModel], tuple[str, ...]] = {}


def _json_value(v: Any) -> Any:
    t = type(v)
    if v is None or t is str or t is int or t is bool:
        return v
    if t is tuple or t is list:
        return [_json_value(x) for x in v]
    if t is dt.date:
        return v.isoformat()
    if t is float:
        if math.isfinite(v):
            return v
        raise _Unplain
    if isinstance(v, BaseModel) and not v.__pydantic_extra__:
        return _json_fields(v)
    raise _Unplain

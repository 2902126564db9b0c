"""The JSON projection of Nominee records (``tdkt ingest --format json``)."""

from __future__ import annotations

from typing import Any

import msgspec

from tdkt.models import Nominee

_RECORD_EXCLUDE = frozenset({"id", "source", "cells"})
_FIELDS = tuple(f for f in Nominee.__struct_fields__ if f not in _RECORD_EXCLUDE)


def record(n: Nominee) -> dict[str, Any]:
    """A nominee as a JSON record: ``row``, ``id``, then every field that has a value (not None, not
    empty), in the record's field order; nested records with all their fields, dates as ISO text."""
    out: dict[str, Any] = {"row": n.source.row, "id": n.id}
    for key in _FIELDS:
        value = getattr(n, key)
        if value is None or value == () or value == {}:
            continue
        out[key] = _plain(value)
    return out


def _plain(value: Any) -> Any:
    t = type(value)
    if t is str or t is int or t is bool:
        return value
    return _lists(msgspec.to_builtins(value))


def _lists(v: Any) -> Any:
    """``msgspec.to_builtins`` keeps tuples; JSON (and a parsed document) has lists."""
    t = type(v)
    if t is tuple or t is list:
        return [_lists(x) for x in v]
    if t is dict:
        return {k: _lists(x) for k, x in v.items()}
    return v

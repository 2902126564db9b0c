"""The JSON projection of Nominee records (``tdkt ingest --format json``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import msgspec

from tdkt.cache import Cache
from tdkt.models import Nominee

_RECORD_EXCLUDE = frozenset({"id", "source", "cells", "stated"})
_FIELDS = tuple(f for f in Nominee.__struct_fields__ if f not in _RECORD_EXCLUDE)
_ENCODE = msgspec.json.Encoder().encode
_DECODE = msgspec.json.Decoder().decode
# Rows of a list share their histories, initiatives and prior awards (equal values): each distinct
# value is encoded once; every record still gets lists and dicts of its own (decoded from the bytes).
_ENCODED: Cache[Any, bytes] = Cache(1 << 16, "tdkt.ingest.records")


def record(n: Nominee) -> dict[str, Any]:
    """A nominee as a JSON record: ``row``, ``id``, then every field that has a value (not None, not
    empty), in the record's field order; nested records with all their fields, dates as ISO text."""
    out: dict[str, Any] = {"row": n.source.row, "id": n.id}
    for key in _FIELDS:
        value = getattr(n, key)
        if value is None or value == () or value == {}:
            continue
        t = type(value)
        if t is str or t is int or t is bool:
            out[key] = value
        elif t is dt.date:
            out[key] = value.isoformat()
        else:
            out[key] = _plain(value)
    return out


def _plain(value: Any) -> Any:
    """A record value as JSON values (msgspec's encoder: the records' own field order, dates as ISO)."""
    try:
        raw = _ENCODED.get(value)
    except TypeError:  # not hashable
        return _DECODE(_ENCODE(value))
    if raw is None:
        raw = _ENCODED.put(value, _ENCODE(value))
    return _DECODE(raw)

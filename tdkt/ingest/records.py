"""The JSON projection of Nominee records (``tdkt ingest --format json``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import msgspec

from tdkt.models import Nominee

_RECORD_EXCLUDE = frozenset({"id", "source", "cells", "stated"})
_FIELDS = tuple(f for f in Nominee.__struct_fields__ if f not in _RECORD_EXCLUDE)
# A nested value (histories, initiatives, prior awards…) as JSON values: msgspec's own conversion
# (C: the records' field order, dates as ISO text), a fresh dict for every record. Its sequences stay
# tuples, which no one can change in place and which JSON writes as arrays. It replaced an encode once
# per distinct value and a decode per record (~2x the time on the bench's 100,000 rows).
_plain = msgspec.to_builtins


def record(n: Nominee) -> dict[str, Any]:
    """A nominee as a JSON record: ``row``, ``id``, then every field that has a value (not None, not
    empty), in the record's field order; nested records with all their fields, dates as ISO text."""
    out: dict[str, Any] = {"row": n.source.row, "id": n.id}
    for key in _FIELDS:
        value = getattr(n, key)
        if value is None:
            continue
        t = type(value)  # by type first: a text compared with () and {} costs two failed comparisons
        if t is str or t is int or t is bool:
            out[key] = value
        elif t is tuple:
            if value:
                out[key] = _plain(value)
        elif t is dt.date:
            out[key] = value.isoformat()
        elif value != () and value != {}:
            out[key] = _plain(value)
    return out

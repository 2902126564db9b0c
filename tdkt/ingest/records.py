"""The JSON projection of Nominee records (``tdkt ingest --format json``).

The projection is declared once, as a Struct (:data:`Record`): ``row``, ``id``, then every Nominee
field but ``id``, ``source``, ``cells`` and ``stated``, in the record's order, each one left out when
it holds its field's empty value (None, or an empty tuple); ``name`` and ``kind`` are always written.
Nested records keep all their fields; dates are ISO text. The same Struct gives the dict of
:func:`record` (``msgspec.to_builtins``) and the bytes of :func:`encode` (``msgspec.json``), so the
document of ``to_dict`` and the JSON the command prints cannot say different things.
"""

from __future__ import annotations

from operator import attrgetter
from typing import Any

import msgspec

from tdkt.models import Nominee

_RECORD_EXCLUDE = frozenset({"id", "source", "cells", "stated"})
_FIELDS = tuple(f for f in Nominee.__struct_fields__ if f not in _RECORD_EXCLUDE)
# The default of a field that is always written (a Nominee field with no empty value, as name and
# kind): no record's value is this object, so omit_defaults never leaves such a field out.
_ALWAYS = object()


def _record_fields() -> list[tuple[str, Any, Any]]:
    fields = []
    for f in msgspec.structs.fields(Nominee):
        if f.name in _RECORD_EXCLUDE:
            continue
        empty = f.default if f.default is None or f.default == () else _ALWAYS
        fields.append((f.name, f.type, empty))
    return fields


# gc=False: a Record holds values of one Nominee and nothing holds a Record, so it is in no cycle;
# 100,000 of them are not tracked by the collector.
Record = msgspec.defstruct("Record", [("row", int), ("id", str), *_record_fields()],
                           omit_defaults=True, frozen=True, gc=False)
_values = attrgetter(*_FIELDS)


def view(n: Nominee) -> Any:
    """A nominee as its JSON record (a :data:`Record`), made of the nominee's own values."""
    return Record(n.source.row, n.id, *_values(n))


def record(n: Nominee) -> dict[str, Any]:
    """A nominee as a JSON record: ``row``, ``id``, then every field that has a value (not None, not
    empty), in the record's field order; nested records with all their fields, dates as ISO text.
    Nested sequences are tuples (JSON arrays)."""
    out: dict[str, Any] = msgspec.to_builtins(view(n))
    return out


def _text(value: Any) -> str:
    return str(value)


# Anything the JSON types do not cover is written as its str(), as console.print_json does.
_ENCODER = msgspec.json.Encoder(enc_hook=_text)


def encode(document: Any) -> bytes:
    """A document (dicts, lists, :data:`Record` values…) as the indented JSON of ``--format json``:
    the bytes ``console.print_json`` writes for the same document with dicts in place of Records
    (tests/ingest/test_records.py compares them on every committed list)."""
    return msgspec.json.format(_ENCODER.encode(document), indent=2)

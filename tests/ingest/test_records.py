"""The records ingest builds without validation are what the validating constructor builds, and their
JSON is what the JSON encoder makes of them: on every committed list, the peer workbooks, the
examples and a generated 2,000-row list (the review's parity check, issue 20)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import msgspec
import pytest

from tdkt.ingest import read_nominations
from tdkt.ingest.records import record
from tdkt.models import Nominee, validated

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "ingest"
LISTS = sorted(p for p in DATA.glob("*.*") if p.suffix in (".xlsx", ".xls", ".ods", ".csv")) + sorted(
    ROOT.glob("examples/*/danh-sach*.xlsx")
)


def _nominees(paths: list[Path]) -> list[Nominee]:
    return read_nominations(paths).nominees


def _check(nominees: list[Nominee]) -> None:
    assert nominees
    for n in nominees:
        # Every value, nested ones too, has its field's type: through builtins and back is the same record.
        data = msgspec.to_builtins(msgspec.structs.replace(n, cells={}))
        again = validated(Nominee, {**data, "cells": dict(n.cells)})
        assert again == n, n.id
        # The JSON record: the encoder's JSON of the record with id, source, cells, the sheet's stated fields
        # and empty values left out.
        encoded: dict[str, Any] = json.loads(msgspec.json.encode(msgspec.structs.replace(n, cells={})))
        want = {"row": n.source.row, "id": n.id}
        want |= {k: v for k, v in encoded.items() if k not in ("id", "source", "cells", "stated") and v not in (None, [], {})}
        got = record(n)  # its nested sequences are tuples: JSON arrays, as the encoder's
        assert json.loads(json.dumps(got)) == want, n.id
        assert json.dumps(got, ensure_ascii=False) == json.dumps(want, ensure_ascii=False)
        assert list(got) == list(want)  # the same keys in the same order


@pytest.mark.parametrize("path", LISTS, ids=[p.name for p in LISTS])
def test_committed_lists(path: Path) -> None:
    _check(_nominees([path]))


def test_peer_workbooks(peer_data: Path) -> None:
    books = sorted(peer_data.glob("*.xlsx"))
    found = [n for book in books for n in _nominees_or_none(book)]
    _check(found)


def _nominees_or_none(path: Path) -> list[Nominee]:
    from tdkt.errors import InputError

    try:
        return _nominees([path])
    except InputError:  # a vendor lookup workbook with no list in it
        return []


def test_generated_list(tmp_path: Path) -> None:
    from bench.inputs import write_nominations

    path = write_nominations(tmp_path / "big.xlsx", 2000)
    _check(_nominees([path]))

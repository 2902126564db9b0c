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


# --- the bytes of `tdkt ingest --format json`: encoded from the Record Structs (the fast path) and from
# the document's dicts by the encoder of every command (the plain path), on every committed list


def _same_json(paths: list[Path]) -> None:
    from tdkt.console import json_bytes

    result = read_nominations(paths, cells=True)
    assert result.nominees
    assert result.to_json() == json_bytes(result.to_dict())


@pytest.mark.parametrize("path", LISTS, ids=[p.name for p in LISTS])
def test_json_bytes_committed_lists(path: Path) -> None:
    _same_json([path])


def test_json_bytes_generated_list(tmp_path: Path) -> None:
    from bench.inputs import write_nominations

    _same_json([write_nominations(tmp_path / "big.xlsx", 2000)])


def test_record_of_edge_values() -> None:
    """Values at the edge of "empty": an empty name, False, 0, a collective with no facts, the default kind,
    empty and one-element tuples, a date, a nested cell: each written or left out as the oracle says."""
    import datetime as dt

    from tdkt.findings import CellRef

    cell = CellRef(file="a.xlsx", sheet="DS", row=7, column="C", header="Họ và tên")
    base = {"id": "a.xlsx:DS:7", "source": cell, "cells": {"name": cell}, "stated": frozenset({"name"})}
    nominees = [
        validated(Nominee, {**base, "name": ""}),
        validated(Nominee, {**base, "name": "Trần Thị Mơ", "direct_worker": False, "months_of_service": 0,
                            "collective": {}, "special": ("maternity",), "birth_date": dt.date(1980, 2, 29),
                            "history": [{"year": 2024}], "unclear": [{"field": "history", "cell": cell, "value": "?"}]}),
        validated(Nominee, {**base, "name": "Tổ Một", "kind": "collective", "priority": 1, "note": "",
                            "prior_awards": [{"award_text": "Bằng khen", "decision_date": dt.date(2023, 1, 2)}]}),
    ]
    _check(nominees)
    got = [record(n) for n in nominees]
    assert got[0] == {"row": 7, "id": "a.xlsx:DS:7", "kind": "individual", "name": ""}
    assert got[1]["direct_worker"] is False and got[1]["months_of_service"] == 0
    assert got[1]["collective"]["members"] is None and "disciplines" not in got[1]
    assert got[2]["note"] == "" and got[2]["prior_awards"][0]["decision_date"] == "2023-01-02"

"""The one small workbook writer of the ingest tests: rows as given, on a sheet named ``DS``, with merges."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import openpyxl


def write_book(path: Path, rows: Iterable[list[Any]], merges: Iterable[str] = (), title: str = "DS") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = title
    for r in rows:
        ws.append(r)
    for ref in merges:
        ws.merge_cells(ref)
    wb.save(path)
    return path

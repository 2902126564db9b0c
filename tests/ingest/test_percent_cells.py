"""A share of women written as 1: Excel stores a percent cell shown as 100 % as the number 1, and a unit
that types the percent writes 1 for 1 %. The column's other numbers tell which; when they cannot, the
value is left unknown with the cell named, never read as 1 % (a collective of women only would lose the
tie preference of tdkt tally)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from tdkt.ingest import read_nominations, values


@pytest.mark.parametrize(("numbers", "one"), [
    ([0.75, 1, 0.4], 100.0), ([1], None), ([0, 1, 1], None), ([80, 1, 65], 1.0), ([0.5, 80, 1], None), ([], None),
])
def test_what_a_bare_one_means(numbers: list[float], one: float | None) -> None:
    assert values.percent_one(numbers) == one


def _list(path: Path, shares: list[object], percent_cells: bool) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["STT", "Tên tập thể", "Danh hiệu đề nghị", "Tổng số", "Tỷ lệ nữ"])
    for i, share in enumerate(shares, start=1):
        ws.append([i, f"Tổ Công Tác Số {i}", "Tập thể lao động tiên tiến", 20, share])
        if percent_cells:
            ws.cell(row=i + 1, column=5).number_format = "0%"
    wb.save(path)
    return path


def _shares(path: Path) -> tuple[list[float | None], list[str]]:
    result = read_nominations([path])
    got = [n.collective.women_percent if n.collective else None for n in result.nominees]
    said = [f.cell.a1 for f in result.findings if f.code == "ingest.ambiguous-percent" and f.cell]
    return got, said


def test_percent_cells_a_one_is_a_hundred(tmp_path: Path) -> None:
    assert _shares(_list(tmp_path / "a.xlsx", [1, 0.75, 0.3], percent_cells=True)) == ([100.0, 75.0, 30.0], [])


def test_typed_percents_a_one_is_one(tmp_path: Path) -> None:
    assert _shares(_list(tmp_path / "a.xlsx", [1, 75, 30], percent_cells=False)) == ([1.0, 75.0, 30.0], [])


def test_a_column_that_cannot_tell_leaves_the_one_unknown(tmp_path: Path) -> None:
    got, said = _shares(_list(tmp_path / "a.xlsx", [1, 0, 1], percent_cells=True))
    assert got == [None, 0.0, None]
    assert said == ["E2", "E4"]


def test_written_percents_are_not_ambiguous(tmp_path: Path) -> None:
    assert _shares(_list(tmp_path / "a.xlsx", ["100%", "1%", "1"], percent_cells=False)) == ([100.0, 1.0, 1.0], [])

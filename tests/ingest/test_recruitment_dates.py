"""A recruitment date that cannot be right beside the row's own birth year (before birth, or before the
working age of the birth check), or older than any working life, is not a fact: the service criterion
("ít nhất N tháng") was "Đạt" on 01/01/1850 and on a date 15 years before the person was born."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import Workbook
from typer.testing import CliRunner

from tdkt.cli import app
from tdkt.ingest import read_nominations
from tdkt.ingest.fields import WORKING_AGE

HEADER = ["STT", "Họ và tên", "Năm sinh", "Ngày tuyển dụng", "Danh hiệu đề nghị", "Xếp loại năm 2024",
          "Hình thức kỷ luật"]


def _list(path: Path, rows: list[tuple[object, object]], *, recruited_first: bool = False) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    header = list(HEADER)
    if recruited_first:  # the recruitment column before the birth column: the check waits for the whole row
        header[2], header[3] = header[3], header[2]
    ws.append(header)
    for i, (born, hired) in enumerate(rows, start=1):
        cells = [born, hired] if not recruited_first else [hired, born]
        ws.append([i, f"Người Thứ {chr(64 + i)}", *cells, "Lao động tiên tiến", "HTTNV", "Không"])
    wb.save(path)
    return path


def _read(path: Path) -> list[tuple[dt.date | None, list[str], list[str]]]:
    result = read_nominations([path], year=2024)
    said = {f.cell.row: f.message for f in result.findings if f.code == "ingest.implausible-date" and f.cell}
    return [(n.recruited_on, [f"{u.field}@{u.cell.a1}" for u in n.unclear],
             [said[n.source.row]] if n.source.row in said else []) for n in result.nominees]


@pytest.mark.parametrize("recruited_first", [False, True])
def test_plausible_dates_are_read(tmp_path: Path, recruited_first: bool) -> None:
    rows = [(1985, dt.date(1985 + WORKING_AGE, 9, 1)), (1985, "01/03/2010"), (None, dt.date(1970, 1, 1))]
    got = _read(_list(tmp_path / "ds.xlsx", rows, recruited_first=recruited_first))
    assert [g[0] for g in got] == [dt.date(2000, 9, 1), dt.date(2010, 3, 1), dt.date(1970, 1, 1)]
    assert all(not unclear and not said for _d, unclear, said in got)


@pytest.mark.parametrize("recruited_first", [False, True])
def test_dates_that_cannot_be_right_are_unclear(tmp_path: Path, recruited_first: bool) -> None:
    rows = [(1985, "01/03/1970"), (2010, dt.date(2020, 1, 1)), (None, "01/01/1850"), (1985, "01/01/1850")]
    got = _read(_list(tmp_path / "ds.xlsx", rows, recruited_first=recruited_first))
    col = "C" if recruited_first else "D"
    assert [g[0] for g in got] == [None, None, None, None]
    assert [g[1] for g in got] == [[f"months_of_service@{col}{r}"] for r in (2, 3, 4, 5)]
    assert [g[2][0].split("không thể đúng: ")[1] for g in got] == [
        "trước năm sinh 1985.", "khi mới 10 tuổi (năm sinh 2010).", "hơn 60 năm trước năm xét.",
        "trước năm sinh 1985.",
    ]


def test_the_service_criterion_is_never_pass_on_such_a_date(tmp_path: Path) -> None:
    path = _list(tmp_path / "ds.xlsx", [(1985, "01/03/1970"), (1985, "01/03/2010")])
    r = CliRunner().invoke(app, ["validate", str(path), "--rules", "nd98-2023", "--year", "2024", "--format", "json"])
    assert r.exit_code in (0, 1), r.output
    by_row = {n["row"]: n for n in json.loads(r.stdout)["nominees"]}
    assert by_row[3]["verdict"] == "pass"  # the same row recruited in 2010
    assert by_row[2]["verdict"] == "review"
    assert [f["cell"] for f in by_row[2]["findings"] if f["code"] == "rules.unclear-fact"] == ["D2"]


def test_a_date_said_in_the_note_is_checked_too(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["STT", "Họ và tên", "Năm sinh", "Danh hiệu đề nghị", "Ghi chú"])
    ws.append([1, "Người Thứ A", 1990, "Lao động tiên tiến", "Tuyển dụng từ 01/02/1975"])
    ws.append([2, "Người Thứ B", 1990, "Lao động tiên tiến", "Tuyển dụng từ 01/02/2015"])
    wb.save(tmp_path / "note.xlsx")
    first, second = read_nominations([tmp_path / "note.xlsx"], year=2024).nominees
    assert second.recruited_on == dt.date(2015, 2, 1) and not second.unclear
    assert first.recruited_on is None
    assert [(u.field, u.cell.a1) for u in first.unclear] == [("months_of_service", "E2")]


def test_a_recruitment_date_to_come_is_unclear_not_a_fail(tmp_path: Path) -> None:
    """Recruited "next year": a slip. The service criterion said "Không đạt" (0 months) on it; now the date is
    no fact, the column's own ingest.future-date names it, and the criterion is "cần xem xét"."""
    later = dt.date(dt.date.today().year + 1, 3, 1)
    path = _list(tmp_path / "ds.xlsx", [(1985, later), (1985, "01/03/2010")])
    result = read_nominations([path], year=2024)
    first = result.nominees[0]
    assert first.recruited_on is None and [(u.field, u.cell.a1) for u in first.unclear] == [("months_of_service", "D2")]
    assert [f.code for f in result.findings if f.cell and f.cell.a1 == "D2"] == ["ingest.future-date"]
    r = CliRunner().invoke(app, ["validate", str(path), "--rules", "nd98-2023", "--year", "2024", "--format", "json"])
    by_row = {n["row"]: n for n in json.loads(r.stdout)["nominees"]}
    assert (by_row[2]["verdict"], by_row[3]["verdict"]) == ("review", "pass")

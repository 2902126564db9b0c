"""A count that cannot be right (negative, larger than any value its column can hold, a share outside
0…100 %) is not a fact: the cell is named, it becomes an Unclear fact of the row, and no criterion that
reads it passes. Before, a months cell of 9000 passed "ít nhất 10 tháng", a cluster rank of -1 read as
better than first, and a 24-digit count stopped `tdkt ingest --format json` with an internal error."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from typer.testing import CliRunner

from tdkt.cli import app
from tdkt.ingest import read_nominations
from tdkt.ingest.fields import COUNT_MOST, INITIATIVES_MOST, MONTHS_MOST

HEADER = ["STT", "Họ và tên", "Danh hiệu đề nghị", "Số tháng công tác", "Số năm công tác", "Xếp loại năm 2024",
          "Hình thức kỷ luật"]


def _person_list(path: Path, rows: list[list[Any]]) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(HEADER)
    for i, row in enumerate(rows, start=1):
        ws.append([i, f"Người Thứ {chr(64 + i)}", "Lao động tiên tiến", *row, "HTTNV", "Không"])
    wb.save(path)
    return path


def _collective_list(path: Path, row: list[Any]) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["STT", "Tên tập thể", "Danh hiệu đề nghị", "Tổng số", "Số đạt LĐTT", "Tỷ lệ nữ", "Xếp hạng trong cụm"])
    ws.append([1, "Phòng Tổ chức", "Tập thể lao động tiên tiến", *row])
    wb.save(path)
    return path


@pytest.mark.parametrize("months", [0, 12, MONTHS_MOST])
def test_a_months_count_in_range_is_read(tmp_path: Path, months: int) -> None:
    result = read_nominations([_person_list(tmp_path / "ds.xlsx", [[months, None]])])
    n = result.nominees[0]
    assert n.months_of_service == months
    assert not n.unclear
    assert not [f for f in result.findings if f.code == "ingest.implausible-number"]


@pytest.mark.parametrize("months", [-1, -24, MONTHS_MOST + 1, 9000, 10**20, 1e20, "123456789012345678901234"])
def test_a_months_count_out_of_range_is_unclear(tmp_path: Path, months: Any) -> None:
    result = read_nominations([_person_list(tmp_path / "ds.xlsx", [[months, None]])])
    n = result.nominees[0]
    assert n.months_of_service is None
    assert [(u.field, u.cell.column) for u in n.unclear] == [("months_of_service", "D")]
    found = [f for f in result.findings if f.code == "ingest.implausible-number"]
    assert len(found) == 1 and found[0].cell is not None and found[0].cell.a1 == "D2"
    assert "phải từ 0 đến 720" in found[0].message


def test_years_of_service_are_checked_as_months(tmp_path: Path) -> None:
    result = read_nominations([_person_list(tmp_path / "ds.xlsx", [[None, 60], [None, 61]])])
    ok, too_long = result.nominees
    assert ok.months_of_service == 720 and not ok.unclear
    assert too_long.months_of_service is None and [u.field for u in too_long.unclear] == ["months_of_service"]
    # the bound in the column's own unit: years
    found = [f.message for f in result.findings if f.code == "ingest.implausible-number"]
    assert found == ["Số '61' (Số năm công tác) không thể đúng: phải từ 0 đến 60."]


def test_an_initiative_count_has_its_own_bound(tmp_path: Path) -> None:
    """Each counted initiative becomes a record of the row: a count of 100 or more is a slip, not 100 records."""
    path = tmp_path / "sk.csv"
    path.write_text("STT,Họ và tên,Danh hiệu đề nghị,Số sáng kiến\n1,Người Thứ A,Chiến sĩ thi đua cơ sở,2\n"
                    f"2,Người Thứ B,Chiến sĩ thi đua cơ sở,{INITIATIVES_MOST}\n"
                    f"3,Người Thứ C,Chiến sĩ thi đua cơ sở,{INITIATIVES_MOST + 1}\n", encoding="utf-8")
    result = read_nominations([path])
    two, most, slip = result.nominees
    assert (len(two.initiatives), len(most.initiatives)) == (2, INITIATIVES_MOST)
    assert not two.unclear and not most.unclear
    assert slip.initiatives == () and [u.field for u in slip.unclear] == ["initiatives"]
    assert [f.cell.a1 for f in result.findings if f.code == "ingest.implausible-number" and f.cell] == ["D4"]


def test_collective_counts_shares_and_ranks(tmp_path: Path) -> None:
    good = read_nominations([_collective_list(tmp_path / "a.xlsx", [COUNT_MOST, 0, 100, 1])]).nominees[0]
    assert good.collective is not None
    assert (good.collective.members, good.collective.ltt, good.collective.women_percent,
            good.collective.cluster_rank) == (COUNT_MOST, 0, 100.0, 1)
    assert not good.unclear
    bad = read_nominations([_collective_list(tmp_path / "b.xlsx", [COUNT_MOST + 1, -3, 150, -1])]).nominees[0]
    assert bad.collective is None or (bad.collective.members, bad.collective.ltt, bad.collective.women_percent,
                                      bad.collective.cluster_rank) == (None, None, None, None)
    assert sorted(u.cell.column for u in bad.unclear) == ["D", "E", "F", "G"]


def test_no_criterion_passes_on_an_implausible_months_cell(tmp_path: Path) -> None:
    """The service criterion (ít nhất N tháng) would pass on 9000; it is "cần xem xét" with the cell named."""
    path = _person_list(tmp_path / "ds.xlsx", [[9000, None], [12, None]])
    runner = CliRunner()
    r = runner.invoke(app, ["validate", str(path), "--rules", "nd98-2023", "--year", "2024", "--format", "json"])
    assert r.exit_code in (0, 1), r.output
    doc = json.loads(r.stdout)
    by_row = {n["row"]: n for n in doc["nominees"]}
    typo, fine = by_row[2], by_row[3]
    assert fine["verdict"] == "pass", fine["findings"]  # the same row with 12 months
    assert typo["verdict"] == "review"
    assert [f["cell"] for f in typo["findings"] if f["code"] == "rules.unclear-fact"] == ["D2"]
    assert [f["cell"] for f in doc["findings"] if f["code"] == "ingest.implausible-number"] == ["D2"]


def test_a_huge_count_does_not_stop_the_json_of_either_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "ds.csv"
    path.write_text("STT,Họ và tên,Danh hiệu đề nghị,Số tháng công tác\n1,Người Thứ A,Lao động tiên tiến,"
                    "123456789012345678901234\n", encoding="utf-8")
    from tdkt import fastpaths

    for plain in (False, True):
        monkeypatch.setattr(fastpaths, "PLAIN", plain)
        r = CliRunner().invoke(app, ["ingest", str(path), "--format", "json"])
        assert r.exit_code == 0, r.output
        record = json.loads(r.stdout)["files"][0]["sheets"][0]["records"][0]
        assert "months_of_service" not in record
        assert record["unclear"][0]["value"] == "123456789012345678901234"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(min_value=-(10**25), max_value=10**25))
def test_any_integer_is_read_or_named(tmp_path: Path, months: int) -> None:
    """Whatever integer a months cell holds, it is read as that number of months (0…720) or the row has an
    Unclear fact naming the cell: never dropped, never read as another number."""
    path = tmp_path / "p.csv"
    path.write_text(f"STT,Họ và tên,Danh hiệu đề nghị,Số tháng công tác\n1,Người Thứ A,Lao động tiên tiến,{months}\n",
                    encoding="utf-8")
    n = read_nominations([path]).nominees[0]
    if 0 <= months <= MONTHS_MOST:
        assert n.months_of_service == months and not n.unclear
    else:
        assert n.months_of_service is None
        assert [(u.field, u.cell.column, u.value) for u in n.unclear] == [("months_of_service", "D", str(months))]

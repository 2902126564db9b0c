"""A year a discipline cannot have: one still to come, or a run of digits that is no year ("20024" is a
slip, not 2002). Either way the discipline is kept without a year, so a criterion on disciplines is "cần
xem xét" with the cell named — before, "Cảnh cáo năm 2042" and "Khiển trách năm 20024" fell outside the
years a criterion looks at, and the row was "Đạt"."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import Workbook
from typer.testing import CliRunner

from tdkt.cli import app
from tdkt.ingest import read_nominations, values

NEXT = dt.date.today().year + 16  # a year still to come, whenever the suite runs


@pytest.mark.parametrize(("text", "years"), [
    ("năm 2024", [2024]), ("2019-2021", [2019, 2020, 2021]), ("10/2024", [2024]), ("QĐ 12/2023, năm 2024", [2023, 2024]),
    ("năm 20024", []), ("120245", []), ("2019-20210", [2019]), ("số 3020241", []),
])
def test_a_year_is_four_digits_on_their_own(text: str, years: list[int]) -> None:
    assert values.years_in(text) == years


def _list(path: Path, cells: list[str]) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["STT", "Họ và tên", "Năm sinh", "Danh hiệu đề nghị", "Xếp loại năm 2024", "Hình thức kỷ luật"])
    for i, cell in enumerate(cells, start=1):
        ws.append([i, f"Người Thứ {chr(64 + i)}", 1985, "Lao động tiên tiến", "HTTNV", cell])
    wb.save(path)
    return path


def test_a_discipline_in_a_year_to_come_is_unclear(tmp_path: Path) -> None:
    result = read_nominations([_list(tmp_path / "ds.xlsx", [f"Cảnh cáo năm {NEXT}", "Cảnh cáo năm 2024"])], year=2024)
    future, known = result.nominees
    assert [(d.form, d.year) for d in future.disciplines] == [("canh_cao", None)]
    assert [(u.field, u.cell.a1) for u in future.unclear] == [("disciplines", "F2")]
    assert [(d.form, d.year) for d in known.disciplines] == [("canh_cao", 2024)] and not known.unclear
    said = [f for f in result.findings if f.code == "ingest.future-year"]
    assert len(said) == 1 and said[0].cell is not None and said[0].cell.a1 == "F2"
    assert f"Năm {NEXT} ở tương lai" in said[0].message


def test_no_discipline_criterion_passes_on_an_impossible_year(tmp_path: Path) -> None:
    cells = [f"Cảnh cáo năm {NEXT}", "Khiển trách năm 20024", "Khiển trách năm 2018", "Không"]
    path = _list(tmp_path / "ds.xlsx", cells)
    r = CliRunner().invoke(app, ["validate", str(path), "--rules", "nd98-2023", "--year", "2024", "--format", "json"])
    assert r.exit_code in (0, 1), r.output
    verdicts = [n["verdict"] for n in sorted(json.loads(r.stdout)["nominees"], key=lambda n: n["row"])]
    # a year to come and a year that is no year: "cần xem xét"; a discipline years before, and none: "Đạt"
    assert verdicts == ["review", "review", "pass", "pass"]


def test_a_prior_award_in_a_year_to_come_or_before_birth_is_unclear(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["STT", "Họ và tên", "Năm sinh", "Danh hiệu đề nghị", "Khen thưởng đã nhận"])
    texts = ["Bằng khen của Chủ tịch UBND tỉnh về thành tích năm 1980", f"Bằng khen của Chủ tịch UBND tỉnh năm {NEXT}",
             "Bằng khen của Chủ tịch UBND tỉnh về thành tích năm 2015"]
    for i, text in enumerate(texts, start=1):
        ws.append([i, f"Người Thứ {chr(64 + i)}", 1985, "Bằng khen của Thủ tướng Chính phủ", text])
    wb.save(tmp_path / "kt.xlsx")
    result = read_nominations([tmp_path / "kt.xlsx"], year=2024)
    before, future, fine = result.nominees
    assert [(u.field, u.cell.a1) for u in before.unclear] == [("prior_awards", "E2")]
    assert [(u.field, u.cell.a1) for u in future.unclear] == [("prior_awards", "E3")]
    assert fine.unclear == () and fine.prior_awards[0].year == 2015
    assert before.prior_awards[0].year == 1980  # kept as written: the cell is named, not rewritten
    said = {(f.code, f.cell.a1) for f in result.findings if f.cell and f.code in ("ingest.before-birth", "ingest.future-year")}
    assert said == {("ingest.before-birth", "E2"), ("ingest.future-year", "E3")}


def test_an_initiative_recognised_in_a_year_to_come_is_unclear(tmp_path: Path) -> None:
    """CSTĐ cơ sở with HTTNV needs an initiative (nd98 cstdcs.htxs-or-initiative): one recognised in a year to
    come is "cần xem xét" with its year's cell named, not counted and not refused."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["STT", "Họ và tên", "Năm sinh", "Danh hiệu đề nghị", "Xếp loại năm 2024", "Tên sáng kiến",
               "Cấp công nhận", "Năm công nhận", "Hình thức kỷ luật", "Ngày tuyển dụng"])
    for i, year in enumerate([NEXT, 2024], start=1):
        ws.append([i, f"Người Thứ {chr(64 + i)}", 1985, "Chiến sĩ thi đua cơ sở", "HTTNV", "Sáng kiến số hóa hồ sơ",
                   "Cơ sở", year, "Không", "01/01/2010"])
    wb.save(tmp_path / "sk.xlsx")
    result = read_nominations([tmp_path / "sk.xlsx"], year=2024)
    future, known = result.nominees
    assert [i.year for i in future.initiatives] == [None] and [i.year for i in known.initiatives] == [2024]
    assert [(u.field, u.cell.a1) for u in future.unclear] == [("initiatives", "H2")] and not known.unclear
    r = CliRunner().invoke(app, ["validate", str(tmp_path / "sk.xlsx"), "--rules", "nd98-2023", "--year", "2024",
                                 "--format", "json"])
    by_row = {n["row"]: n for n in json.loads(r.stdout)["nominees"]}
    assert (by_row[2]["verdict"], by_row[3]["verdict"]) == ("review", "pass")  # the same row, recognised in 2024
    assert [(f["code"], f["cell"], f["rule"]) for f in by_row[2]["findings"]] == [
        ("rules.unclear-fact", "H2", "nd98.cstdcs.htxs-or-initiative")]

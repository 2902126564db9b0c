"""The annotated copy (`validate --format xlsx` of one .xlsx list): the verdict and its reasons sit right
after the name, the list's own layout survives the two inserted columns (merged titles and headers,
formulas, drop-down lists, column widths), and every sheet is set up to print."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


def _list(path: Path) -> Path:
    """A unit's list as they come: merged title, two header rows with a merged group, a formula STT,
    a drop-down for the award, a wide unit column, a total row with formulas, a merged signature."""
    from openpyxl import Workbook
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "DS"
    ws["A1"] = "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2024"
    ws.merge_cells("A1:F1")
    for col, text in zip("ABCF", ["STT", "Họ và tên", "Đơn vị công tác", "Danh hiệu đề nghị"], strict=True):
        ws[f"{col}3"] = text
        ws.merge_cells(f"{col}3:{col}4")
    ws["D3"] = "Xếp loại mức độ hoàn thành nhiệm vụ"
    ws.merge_cells("D3:E3")
    ws["D4"], ws["E4"] = "Năm 2023", "Năm 2024"
    ws["G3"] = "Kỷ luật"  # empty cells below: no discipline (a list without the column would say nothing)
    ws.merge_cells("G3:G4")
    people = [("Nguyễn Văn An", "HTXSNV", "HTXSNV"), ("Trần Thị Bình", "HTTNV", "HTTNV"),
              ("Lê Văn Cường", "HTNV", "HTNV")]
    for i, (name, r23, r24) in enumerate(people):
        row = 5 + i
        ws[f"A{row}"] = 1 if i == 0 else f"=A{row - 1}+1"
        ws[f"B{row}"], ws[f"C{row}"], ws[f"D{row}"], ws[f"E{row}"], ws[f"F{row}"] = name, "Sở Nội vụ", r23, r24, "LĐTT"
    ws["B9"] = "Cộng"
    ws["F9"] = '=COUNTIF(F5:F7,"LĐTT")'
    ws["C11"] = "Người lập biểu"
    ws.merge_cells("C11:F11")
    dv = DataValidation(type="list", formula1='"LĐTT,CSTĐCS"')
    dv.add("F5:F7")
    ws.add_data_validation(dv)
    ws.column_dimensions["C"].width = 30
    wb.save(path)
    return path


@pytest.fixture
def annotated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli) -> Any:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TDKT_WORKSPACE", raising=False)
    source = _list(tmp_path / "ds.xlsx")
    r = cli(["validate", source, "--format", "xlsx", "-o", "ket-qua.xlsx", "--year", "2024"])
    assert r.exit_code in (0, 1), r.stderr
    return load_workbook(tmp_path / "ket-qua.xlsx")


def test_the_verdict_is_beside_the_name(annotated: Any) -> None:
    ws = annotated["DS"]
    assert [ws[f"{c}3"].value for c in "BCDE"] == ["Họ và tên", "Kết quả thẩm định", "Lý do / căn cứ",
                                                   "Đơn vị công tác"]
    assert all(ws[f"C{r}"].value in ("Đạt", "Không đạt", "Cần xem xét") for r in (5, 6, 7))
    assert ws["C5"].value == "Đạt" and ws["C7"].value != "Đạt"  # Lê Văn Cường: HTNV is not enough for LĐTT
    assert ws["C7"].fill.fgColor.rgb.endswith(("FFC7CE", "FFEB9C"))
    assert ws["D7"].value and ws["D7"].alignment.wrap_text
    assert ws.freeze_panes == "D5"  # the header rows and the columns up to the verdict stay in view


def test_the_lists_layout_survives_the_inserted_columns(annotated: Any) -> None:
    ws = annotated["DS"]
    merged = {str(m) for m in ws.merged_cells.ranges}
    assert {"A1:H1", "A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:E4", "F3:G3", "H3:H4", "E11:H11"} <= merged
    assert (ws["F4"].value, ws["G4"].value) == ("Năm 2023", "Năm 2024")
    assert ws["A6"].value == "=A5+1" and ws["A7"].value == "=A6+1"  # left of the insertion: unchanged
    assert ws["H9"].value == '=COUNTIF(H5:H7,"LĐTT")'  # right of it: follows its cells
    (dv,) = ws.data_validations.dataValidation
    assert str(dv.sqref) == "H5:H7"
    assert ws.column_dimensions["E"].width == 30  # the unit column kept its width
    assert ws["H5"].value == "LĐTT" and ws["E5"].value == "Sở Nội vụ"


def test_every_sheet_is_set_up_to_print(annotated: Any) -> None:
    for ws, rows in ((annotated["DS"], "$3:$4"), (annotated["Kết quả thẩm định"], "$1:$3")):
        ps = ws.page_setup
        assert str(ps.paperSize) == "9" and ps.orientation == "landscape"
        assert (ps.fitToWidth, ps.fitToHeight) == (1, 0) and ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows == rows
        assert "Kết quả thẩm định" in ws.oddHeader.center.text and "&P" in ws.oddFooter.center.text
    res = annotated["Kết quả thẩm định"]
    assert [c.value for c in res[3]][:3] == ["Dòng", "Họ tên / Tập thể", "Kết luận"]

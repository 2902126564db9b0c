"""Legacy fonts (TCVN3/VNI) are converted cell by cell when the file is read, before any field handler:
ratings, gender, discipline and notes typed in VNI or TCVN3 are understood, each converted cell is named
in an ``ingest.legacy-text`` finding, Unicode text is never touched, and the parallel slice reader gives
exactly what the plain read gives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tdkt.ingest import read_nominations, xlsx_slices
from tdkt.ingest.legacy import encode
from tdkt.ingest.sources import read_sheets
from tests.ingest.book import write_book


def _vni(text: str) -> str:
    return encode(text, "vni")


def _tcvn3(text: str) -> str:
    return encode(text, "tcvn3")


def test_vni_ratings_gender_and_discipline_are_read_and_each_cell_is_named(tmp_path: Path) -> None:
    # A VNI list with two rating years side by side, gender words and a discipline column: every value
    # is VNI, so none of it may be parsed raw.
    v = _vni
    path = write_book(tmp_path / "vni.xlsx", [
        [v("DANH SÁCH ĐỀ NGHỊ DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM 2024")],
        ["STT", v("Họ và tên"), v("Giới tính"), v("Xếp loại năm 2023"), v("Xếp loại năm 2024"), v("Kỷ luật"),
         v("Danh hiệu đề nghị")],
        [1, v("Đặng Thị Hoài Thương"), v("Nữ"), v("Hoàn thành tốt nhiệm vụ"), v("Hoàn thành xuất sắc nhiệm vụ"),
         v("Không"), v("Lao động tiên tiến")],
        [2, v("Vương Đình Khoa"), "Nam", v("Hoàn thành nhiệm vụ"), v("Hoàn thành tốt nhiệm vụ"),
         v("Khiển trách"), v("Lao động tiên tiến")],
    ])
    # "Khoâng" (VNI "Không") is also Vietnamese-shaped in TCVN3 ("Khoõng"): the sheet's encoding decides.
    assert read_sheets(path)[0].rows[2][5] == "Không"
    result = read_nominations([path])
    first, second = result.nominees
    assert (first.name, first.gender, first.award) == ("Đặng Thị Hoài Thương", "female", "lao_dong_tien_tien")
    assert [(h.year, h.rating) for h in first.history] == [(2023, "httnv"), (2024, "htxs")]
    assert [(h.year, h.rating) for h in second.history] == [(2023, "htnv"), (2024, "httnv")]
    assert [d.form for d in second.disciplines] == ["khien_trach"]
    assert not [f for f in result.findings if f.code.startswith("ingest.unknown")]
    legacy = {f.cell.a1 for f in result.findings if f.code == "ingest.legacy-text" and f.cell}
    assert {"B3", "C3", "D3", "E3", "F3", "G3", "B4", "D4", "E4", "F4", "G4"} <= legacy
    assert "C4" not in legacy  # "Nam" is ASCII: nothing was converted
    message = next(f.message for f in result.findings if f.code == "ingest.legacy-text" and f.cell and f.cell.a1 == "F4")
    assert "VNI" in message and "Khiển trách" in message


def test_a_tcvn3_sheet_converts_text_that_reads_as_vietnamese_both_ways(tmp_path: Path) -> None:
    # "Ghi chú" in TCVN3 is "Ghi chó", itself Vietnamese: alone it is no evidence, but in a sheet typed
    # in TCVN3 it is TCVN3 like every other cell, so the column is the notes column.
    t = _tcvn3
    path = write_book(tmp_path / "tcvn3.xlsx", [
        ["STT", t("Họ và tên"), t("Xếp loại năm 2025"), t("Danh hiệu đề nghị"), "Ghi chó"],
        [1, t("Trịnh Thị Mai"), t("Hoàn thành tốt nhiệm vụ"), t("Lao động tiên tiến"), t("Nghỉ thai sản")],
        [2, t("Quản Văn Lâm"), t("Hoàn thành tốt nhiệm vụ"), t("Lao động tiên tiến"), None],
    ])
    result = read_nominations([path])
    columns = {c.letter: c.field for c in result.sheets[0].columns}
    assert columns["E"] == "note"
    mai = result.nominees[0]
    assert mai.note == "Nghỉ thai sản" and mai.history[0].rating == "httnv"


def test_unicode_text_within_latin1_is_never_converted_beside_a_pasted_legacy_cell(tmp_path: Path) -> None:
    # A Unicode list with one name pasted from an old TCVN3 file: that cell is converted, and the
    # Unicode cells that happen to use only Latin-1 letters ("Lê Hà", "Tô Bá") are left as they are,
    # although read as TCVN3 they would be Vietnamese too ("Lờ Hà").
    path = write_book(tmp_path / "mixed.xlsx", [
        ["STT", "Họ và tên", "Chức vụ", "Xếp loại năm 2025", "Danh hiệu đề nghị"],
        [1, "Lê Hà", "Tổ trưởng", "Hoàn thành tốt nhiệm vụ", "Lao động tiên tiến"],
        [2, "Tô Bá", "Kế toán", "Hoàn thành tốt nhiệm vụ", "Lao động tiên tiến"],
        [3, _tcvn3("Nguyễn Văn Toàn"), "Nhân viên", "Hoàn thành tốt nhiệm vụ", "Lao động tiên tiến"],
    ])
    result = read_nominations([path])
    assert [n.name for n in result.nominees] == ["Lê Hà", "Tô Bá", "Nguyễn Văn Toàn"]
    legacy = [f.cell.a1 for f in result.findings if f.code == "ingest.legacy-text" and f.cell]
    assert legacy == ["B4"]


@pytest.mark.fast_path  # the slice reader itself: off under TDKT_PLAIN=1
def test_the_slice_reader_converts_and_records_the_same_cells_as_the_plain_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    t = _tcvn3
    rows: list[list[Any]] = [["STT", t("Họ và tên"), t("Xếp loại năm 2025"), "Ghi chó"]]
    for i in range(1, 400):
        rows.append([i, t(f"Người thứ {i}") if i % 3 else f"Người thứ {i}", t("Hoàn thành tốt nhiệm vụ"),
                     t("Đang bị xem xét kỷ luật") if i % 7 == 0 else None])
    path = write_book(tmp_path / "big.xlsx", rows)
    monkeypatch.setattr(xlsx_slices, "_SPLIT_MIN_BYTES", 1 << 62)
    (plain,) = read_sheets(path)
    calls: list[int] = []
    collect = xlsx_slices._collect
    monkeypatch.setattr(xlsx_slices, "_collect", lambda *a: calls.append(1) or collect(*a))
    for name, value in (("_SPLIT_MIN_BYTES", 0), ("_SPLIT_CHUNKS", 5), ("_SST_WEIGHT", 0), ("_PIECE", 256)):
        monkeypatch.setattr(xlsx_slices, name, value)
    monkeypatch.setattr(xlsx_slices, "_cpus", lambda: 2)
    (fast,) = read_sheets(path)
    assert calls  # the sheet really went through the slices
    assert fast.rows == plain.rows and fast.legacy == plain.legacy
    assert plain.rows[0][3] == "Ghi chú" and plain.rows[7][3] == "Đang bị xem xét kỷ luật"
    assert plain.legacy[(7, 3)] == (t("Đang bị xem xét kỷ luật"), "tcvn3")
    assert (3, 1) not in plain.legacy and plain.rows[3][1] == "Người thứ 3"

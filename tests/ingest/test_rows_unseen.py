"""Rows that are not one nominee each (issue 13, corpus 50 and 52): a person written over two rows (the
second row, without STT, carries the rest of their cells), the header repeated on each printed page,
page numbers; and discipline written in words. One passing and one failing case per form."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from tdkt.ingest import values
from tdkt.ingest.names import starts_with_family_name
from tdkt.validation import validate_files

HEADER = ["STT", "Họ và tên", "Xếp loại năm 2025", "Kỷ luật", "Đang bị thanh tra, kiểm tra", "Danh hiệu đề nghị"]


def _validate(tmp_path: Path, rows: list[list[Any]], merge: str | None = None) -> dict[str, Any]:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2025"])
    ws.append(HEADER)
    for r in rows:
        ws.append(r)
    if merge:
        ws.merge_cells(merge)
    wb.save(tmp_path / "ds.xlsx")
    return validate_files([tmp_path / "ds.xlsx"], rules="nd152-2025", year=2025, store=False, cwd=tmp_path).to_dict()


def _by_name(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {n["name"]: n for n in doc["nominees"]}


def test_a_discipline_on_the_second_row_of_a_person_is_theirs(tmp_path: Path) -> None:
    doc = _validate(tmp_path, [
        [1, "Lường Văn Kiên", "HTTNV", None, None, "Lao động tiên tiến"],
        [None, "Chuyên viên Phòng Quản lý công nghệ", None, "Khiển trách (QĐ số 15/QĐ-SKHCN ngày 3/4/2025)", None, None],
        [2, "Ma Thị Ngọc Hân", "HTTNV", None, None, "Lao động tiên tiến"],
        [None, "Phó Trưởng phòng Hành chính", None, None, "Đang bị kiểm tra việc kê khai tài sản", None],
        [3, "Cầm Bá Thước", "HTTNV", None, None, "Lao động tiên tiến"],
    ])
    got = _by_name(doc)
    assert set(got) == {"Lường Văn Kiên", "Ma Thị Ngọc Hân", "Cầm Bá Thước"}  # no position read as a person
    assert got["Lường Văn Kiên"]["verdict"] == "fail"
    assert got["Ma Thị Ngọc Hân"]["verdict"] == "fail"
    assert got["Cầm Bá Thước"]["verdict"] == "pass"
    assert any(f["code"] == "ingest.continuation" and f["cell"] == "4" for f in doc["findings"]), doc["findings"]


def test_a_person_merged_over_two_rows_keeps_the_second_rows_cells(tmp_path: Path) -> None:
    doc = _validate(tmp_path, [
        [1, "Sùng A Páo", "HTTNV", None, None, "Lao động tiên tiến"],
        [None, None, None, "Cảnh cáo năm 2025", None, None],
        [2, "Nông Thị Hồng Thắm", "HTTNV", None, None, "Lao động tiên tiến"],
    ], merge="B3:B4")
    got = _by_name(doc)
    assert set(got) == {"Sùng A Páo", "Nông Thị Hồng Thắm"}
    assert got["Sùng A Páo"]["verdict"] == "fail"


def test_an_unnumbered_row_with_a_persons_name_is_no_continuation(tmp_path: Path) -> None:
    doc = _validate(tmp_path, [
        [1, "Đoàn Thị Thanh Hương", "HTTNV", None, None, "Lao động tiên tiến"],
        [None, "Trương Văn Lực", "HTNV", None, None, "Lao động tiên tiến"],  # "Trương", not "Trưởng (phòng)"
        [None, None, None, None, None, "Trang 2/2"],
    ])
    got = _by_name(doc)
    assert got["Đoàn Thị Thanh Hương"]["verdict"] == "pass"  # the page number is not her discipline
    assert got["Trương Văn Lực"]["verdict"] == "fail"


def test_the_header_repeated_on_a_printed_page_is_no_nominee(tmp_path: Path) -> None:
    doc = _validate(tmp_path, [
        [1, "Đào Thị Kim Liên", "HTTNV", None, None, "Lao động tiên tiến"],
        HEADER,
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
        [2, "Lê Văn Chiến", "HTTNV", "Khiển trách năm 2025", None, "Lao động tiên tiến"],
    ])
    got = _by_name(doc)
    assert set(got) == {"Đào Thị Kim Liên", "Lê Văn Chiến"}
    assert got["Lê Văn Chiến"]["verdict"] == "fail"
    assert {f["cell"] for f in doc["findings"] if f["code"] == "ingest.repeated-header"} == {"4", "5"}


@pytest.mark.parametrize(("text", "want"), [
    ("Trương Văn An", True), ("Ông Văn Nhân", True), ("Ông Nguyễn Văn An", True), ("Đ/c Lê Thị Hoa", True),
    ("Trưởng phòng Quản lý khoa học", False), ("Chuyên viên Chi cục", False), ("Phó Giám đốc Sở", False),
    ("Phó Đức Phương", True), ("PHAN VĂN HIỂN", True),
])
def test_what_begins_like_a_name(text: str, want: bool) -> None:
    assert starts_with_family_name(text) is want


@pytest.mark.parametrize("text", ["Chưa bị kỷ luật", "Không có kỷ luật", "Không vi phạm kỷ luật", "Chưa"])
def test_discipline_denied_in_words_is_none(text: str) -> None:
    assert values.to_discipline(text) is None


@pytest.mark.parametrize(("text", "form"), [
    ("Đang bị kiểm tra việc kê khai tài sản", "pending"), ("Đang xem xét kỷ luật", "pending"),
    ("Đã xóa kỷ luật", "other"), ("Đã bị kỷ luật", "other"),
])
def test_discipline_said_in_words_is_never_none(text: str, form: str) -> None:
    assert values.to_discipline(text) == (form, text)

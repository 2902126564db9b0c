"""Rows that are not one nominee each (issue 13, corpus 50 and 52): a person written over two rows (the
second row, without STT, carries the rest of their cells), the header repeated on each printed page,
page numbers; and discipline written in words. One passing and one failing case per form."""

from __future__ import annotations

import unicodedata
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


# --- headers as abbreviations, a level cell with its year, a month in words (corpus 47, 48, 51) -------------


@pytest.mark.parametrize(("path", "field"), [
    (["XL 2024"], "rating.2024"), (["DHTĐ 2023"], "title.2023"), (["KL"], "discipline"), (["ĐN KT"], "award"),
    (["SK"], "initiative"), (["Cấp SK"], "initiative_level"), (["Năm SK"], "initiative_date"), (["NS"], "birth"),
    (["CV"], "position"), (["Ngày TD"], "recruited_on"), (["GC"], "note"), (["TT"], "stt"),
    (["XL"], None), (["DH"], None), (["SKT"], None),  # no year, no field: never guessed
])
def test_abbreviated_headers(path: list[str], field: str | None) -> None:
    from tdkt.ingest.headers import map_path

    assert map_path(0, path, None, lambda _t: None).field == field


def test_the_year_written_in_the_level_cell_counts(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["STT", "Họ và tên", "Xếp loại", None, "Sáng kiến", None, "Kỷ luật", "Danh hiệu đề nghị"])
    ws.append([None, None, 2024, 2025, "Tên sáng kiến", "Cấp, năm công nhận", None, None])
    ws.append([1, "Ngô Đức Thịnh", "HTXSNV", "HTXSNV", "Nội soi ngày thứ nhất\nVận động sớm sau mổ",
               "Cấp cơ sở, 2024\nCấp cơ sở, 2025", None, "Bằng khen của Chủ tịch UBND tỉnh"])
    ws.append([2, "Lý Văn Hào", "HTXSNV", "HTXSNV", "Nội soi ngày thứ nhất\nVận động sớm sau mổ",
               "Cấp cơ sở, 2021\nCấp cơ sở, 2025", None, "Bằng khen của Chủ tịch UBND tỉnh"])
    for rng in ("A1:A2", "B1:B2", "C1:D1", "E1:F1", "G1:G2", "H1:H2"):
        ws.merge_cells(rng)
    wb.save(tmp_path / "bk.xlsx")
    doc = validate_files([tmp_path / "bk.xlsx"], rules="nd152-2025", year=2025, store=False, cwd=tmp_path).to_dict()
    got = _by_name(doc)
    assert got["Ngô Đức Thịnh"]["verdict"] == "pass"
    assert got["Lý Văn Hào"]["verdict"] == "fail"  # 2021 is outside the two years


@pytest.mark.parametrize(("text", "want"), [("tháng 9/2024", (2024, 9, 1)), ("Từ tháng 9 năm 2024", (2024, 9, 1))])
def test_a_month_written_in_words(text: str, want: tuple[int, int, int]) -> None:
    import datetime as dt

    assert values.to_date(text) == dt.date(*want)


@pytest.mark.parametrize("text", ["tháng 13/2024", "tháng sau"])
def test_a_month_that_is_none(text: str) -> None:
    assert values.to_date(text) is values.BAD


# --- two tables on one sheet (corpus 54) ---------------------------------------------------------------------


def test_a_second_table_below_the_first_is_read_with_its_own_header(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["I. CÁ NHÂN"])
    ws.append(HEADER)
    ws.append([1, "Đào Thị Kim Liên", "HTTNV", None, None, "Lao động tiên tiến"])
    ws.append([None, "Danh sách có 01 cá nhân"])
    ws.append([])
    ws.append(["II. TẬP THỂ"])
    ws.append(["STT", "Tên tập thể", "Tổng số thành viên", "Số đạt LĐTT", "Số CSTĐCS", "Số hoàn thành nhiệm vụ",
               "Xếp loại tập thể", "Danh hiệu đề nghị"])
    ws.append([1, "Tổ Văn phòng", 8, 7, 0, 8, "HTXSNV", "Tập thể lao động xuất sắc"])
    ws.append([None, "Danh sách có 01 tập thể"])
    ws.append([None, "NGƯỜI LẬP BIỂU", None, None, "HIỆU TRƯỞNG"])
    wb.save(tmp_path / "hai-bang.xlsx")
    doc = validate_files([tmp_path / "hai-bang.xlsx"], rules="nd152-2025", year=2025, store=False,
                         cwd=tmp_path).to_dict()
    got = _by_name(doc)
    assert set(got) == {"Đào Thị Kim Liên", "Tổ Văn phòng"}
    assert got["Tổ Văn phòng"]["kind"] == "collective"
    assert got["Tổ Văn phòng"]["verdict"] == "fail"  # no CSTĐ cơ sở among its members
    assert any(f["cell"] == "E8" and f["severity"] == "error" for f in got["Tổ Văn phòng"]["findings"])


# --- VISCII (corpus 56) --------------------------------------------------------------------------------------


def test_a_viscii_csv_is_read_as_viscii_and_a_windows_1258_one_as_windows_1258() -> None:
    import shutil
    import subprocess

    from tdkt.ingest.delimited import decode

    text = "Họ và tên,Xếp loại\r\nNguyễn Thị Hằng,Hoàn thành tốt nhiệm vụ\r\nỶ Lan,Đạt\r\n"
    one_byte = text.replace("Ỷ", "Y").encode("cp1258", "ignore")  # cp1258 has no precomposed "ễ", "ằ" …
    assert decode(one_byte, "b.csv") == unicodedata.normalize("NFC", one_byte.decode("cp1258"))
    if shutil.which("iconv") is None:
        pytest.skip("iconv (glibc's VISCII table, independent of tdkt's) is not installed")
    done = subprocess.run(["iconv", "-f", "UTF-8", "-t", "VISCII"], input=text.encode(), capture_output=True,
                          check=True)
    assert decode(done.stdout, "a.csv") == text  # capitals in C0 bytes ("Ỷ" is 0x14) too


def test_an_unnumbered_row_with_its_own_award_is_a_nominee_not_a_continuation(tmp_path: Path) -> None:
    # A minority name ("Giàng Seo Phử") begins with no family name of the vocabulary; its own award says it is
    # a person of its own: their initiative must not become the numbered person's (who has none).
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["STT", "Họ và tên", "Xếp loại năm 2025", "Sáng kiến (cấp cơ sở)", "Kỷ luật", "Danh hiệu đề nghị"])
    ws.append([1, "Quan Thị Bích", "HTTNV", None, None, "Chiến sĩ thi đua cơ sở"])
    ws.append([None, "Giàng Seo Phử", "HTTNV", "Vườn ươm cây giống trên đất dốc", None, "Chiến sĩ thi đua cơ sở"])
    ws.append([None, "Cộng trường (1): 02 cá nhân"])
    ws.append([2, "Hứa Minh Khang", "HTTNV", None, None, "Lao động tiên tiến"])
    wb.save(tmp_path / "ds.xlsx")
    doc = validate_files([tmp_path / "ds.xlsx"], rules="nd152-2025", year=2025, store=False, cwd=tmp_path).to_dict()
    got = _by_name(doc)
    assert set(got) == {"Quan Thị Bích", "Giàng Seo Phử", "Hứa Minh Khang"}  # the total row is no nominee
    assert got["Quan Thị Bích"]["verdict"] == "fail"
    assert got["Giàng Seo Phử"]["verdict"] == "pass"


# --- a formula whose value was never computed (a file written by a program, not saved by Excel) -------------


def _with_formula(tmp_path: Path, cached: str | None) -> Path:
    import re
    import zipfile

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "DS"
    ws.append(["STT", "Họ và tên", "Xếp loại năm 2024", "Kỷ luật", "Danh hiệu đề nghị"])
    ws.append([1, "Lê Văn An", "HTTNV", "=IFERROR(VLOOKUP(B2,KL!A:B,2,0),\"\")", "Lao động tiên tiến"])
    ws.append([2, "Trần Thị Bình", "HTTNV", None, "Lao động tiên tiến"])
    wb.create_sheet("KL").append(["Lê Văn An", "Khiển trách"])
    path = tmp_path / "f.xlsx"
    wb.save(path)
    if cached is not None:  # what Excel writes when it saves: the formula and its value
        src = zipfile.ZipFile(path)
        parts = {i.filename: src.read(i.filename) for i in src.infolist()}
        src.close()
        sheet = "xl/worksheets/sheet1.xml"
        parts[sheet] = re.sub(rb'<c r="D2"(?: [^>]*)?>(<f>.*?</f>)<v\s*/?>(</v>)?</c>',
                              b'<c r="D2" t="str">\\1<v>' + cached.encode() + b"</v></c>", parts[sheet])
        assert cached.encode() in parts[sheet]
        with zipfile.ZipFile(path, "w") as dst:
            for name, body in parts.items():
                dst.writestr(name, body)
    return path


def test_a_formula_never_computed_is_named_and_never_read_as_empty(tmp_path: Path) -> None:
    path = _with_formula(tmp_path, None)
    doc = validate_files([path], rules="nd98-2023", year=2024, store=False, cwd=tmp_path).to_dict()
    got = _by_name(doc)
    assert got["Lê Văn An"]["verdict"] == "review"
    assert any(f["cell"] == "D2" and f["severity"] == "warning" and "VLOOKUP" in f["message"]
               for f in got["Lê Văn An"]["findings"]), got["Lê Văn An"]["findings"]
    assert any(f["code"] == "ingest.not-computed" and f["cell"] == "D2" for f in doc["findings"])
    assert got["Trần Thị Bình"]["verdict"] == "pass"


def test_a_formula_with_its_value_saved_is_read_by_its_value(tmp_path: Path) -> None:
    path = _with_formula(tmp_path, "Khiển trách năm 2024")
    doc = validate_files([path], rules="nd98-2023", year=2024, store=False, cwd=tmp_path).to_dict()
    assert _by_name(doc)["Lê Văn An"]["verdict"] == "fail"
    assert not any(f["code"] == "ingest.not-computed" for f in doc["findings"])


def test_a_second_table_right_below_the_first_is_read_with_its_own_columns(tmp_path: Path) -> None:
    # No count line between them: the second header ("Tên tập thể") ends the first table, and its columns
    # (here "Kỷ luật" where the first table had "Chức vụ") are the ones read below it.
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["STT", "Họ và tên", "Chức vụ", "Xếp loại năm 2025", "Kỷ luật", "Danh hiệu đề nghị"])
    ws.append([1, "Đào Thị Kim Liên", "Chuyên viên", "HTTNV", None, "Lao động tiên tiến"])
    ws.append(["STT", "Họ và tên", "Kỷ luật", "Xếp loại năm 2025", "Chức vụ", "Danh hiệu đề nghị"])
    ws.append([1, "Lê Văn Chiến", "Khiển trách năm 2025", "HTTNV", "Chuyên viên", "Lao động tiên tiến"])
    ws.append(["STT", "Tên tập thể", "Tổng số thành viên", "Số đạt LĐTT", "Số CSTĐCS", "Số hoàn thành nhiệm vụ",
               "Xếp loại tập thể", "Danh hiệu đề nghị"])
    ws.append([1, "Tổ Văn phòng", 8, 7, 0, 8, "HTXSNV", "Tập thể lao động xuất sắc"])
    wb.save(tmp_path / "ba-bang.xlsx")
    doc = validate_files([tmp_path / "ba-bang.xlsx"], rules="nd152-2025", year=2025, store=False,
                         cwd=tmp_path).to_dict()
    got = _by_name(doc)
    assert set(got) == {"Đào Thị Kim Liên", "Lê Văn Chiến", "Tổ Văn phòng"}
    assert got["Đào Thị Kim Liên"]["verdict"] == "pass"
    assert got["Lê Văn Chiến"]["verdict"] == "fail"
    assert got["Tổ Văn phòng"]["verdict"] == "fail"


def test_a_name_merged_over_two_rows_is_one_person_even_without_stt(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Họ và tên", "Xếp loại năm 2025", "Kỷ luật", "Danh hiệu đề nghị"])
    ws.append(["Sùng A Páo", "HTTNV", None, "Lao động tiên tiến"])
    ws.append([None, None, "Cảnh cáo năm 2025", None])
    ws.append(["Nông Thị Hồng Thắm", "HTTNV", None, "Lao động tiên tiến"])
    ws.append([None, None, None, None])  # not merged: an empty row is nobody's
    ws.merge_cells("A2:A3")
    ws.merge_cells("D2:D3")
    wb.save(tmp_path / "ds.xlsx")
    doc = validate_files([tmp_path / "ds.xlsx"], rules="nd152-2025", year=2025, store=False, cwd=tmp_path).to_dict()
    got = _by_name(doc)
    assert set(got) == {"Sùng A Páo", "Nông Thị Hồng Thắm"}
    assert got["Sùng A Páo"]["verdict"] == "fail"
    assert got["Nông Thị Hồng Thắm"]["verdict"] == "pass"

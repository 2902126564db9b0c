"""Cells pasted from Word: a name cell "Họ tên↵Chức vụ" is a name and a position, honorifics ("Đ/c",
"Ông", "Bà") are not part of the name, bullets and numbering at the start of a cell's lines are dropped
in every cell, zero-width and non-breaking spaces are gone, a household's name is kept as written —
and what looks alike but is not (a surname "Ông", a collective over two lines, a lone "-", a numbered
section row) is left as it is."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tdkt.ingest import read_nominations, xlsx_slices
from tdkt.ingest.sources import read_sheets
from tests.ingest.book import write_book


def test_name_lines_honorifics_and_bullets_are_read_apart(tmp_path: Path) -> None:
    # No position column: the line under the name is the position. Bullets in the rating, discipline and
    # award cells, a zero-width space and non-breaking spaces in a name, an all-caps name with its title.
    path = write_book(tmp_path / "word.xlsx", [
        ["DANH SÁCH ĐỀ NGHỊ CÔNG NHẬN DANH HIỆU NĂM 2025"],
        ["TT", "Họ và tên\n(chức vụ)", "Xếp loại năm 2025", "Kỷ luật", "Danh hiệu đề nghị"],
        ["1.", "Ông Lục Văn Chiến\n(Trưởng ban)", "• Hoàn thành xuất sắc nhiệm vụ", "• Không", "• Lao động tiên tiến"],
        ["2.", "Đ/c Hà\u200b Thị\u00a0Nụ\r\nPhó Trưởng phòng\nPhòng Tổng hợp", "- Hoàn thành tốt nhiệm vụ",
         "+ Khiển trách", "- Lao động tiên tiến"],
        ["3.", "BÀ NGHIÊM THỊ THOA\nKẾ TOÁN", "1. Hoàn thành tốt nhiệm vụ", None, "1. Lao động tiên tiến"],
    ])
    result = read_nominations([path])
    chien, nu, thoa = result.nominees
    assert (chien.name, chien.position, chien.gender) == ("Lục Văn Chiến", "Trưởng ban", "male")
    assert (nu.name, nu.position) == ("Hà Thị Nụ", "Phó Trưởng phòng, Phòng Tổng hợp")
    assert (thoa.name, thoa.position, thoa.gender) == ("Nghiêm Thị Thoa", "KẾ TOÁN", "female")
    assert [h.rating for h in chien.history] == ["htxs"] and [h.rating for h in nu.history] == ["httnv"]
    assert [h.rating for h in thoa.history] == ["httnv"]
    assert [d.form for d in nu.disciplines] == ["khien_trach"]
    assert {n.award for n in result.nominees} == {"lao_dong_tien_tien"}
    parts = {f.cell.a1: f.message for f in result.findings if f.code == "ingest.name-parts" and f.cell}
    assert set(parts) == {"B3", "B4", "B5"} and "Đ/c" in parts["B4"] and "Phó Trưởng phòng" in parts["B4"]
    (invisible,) = [f for f in result.findings if f.code == "ingest.invisible"]
    assert invisible.cell is not None and invisible.cell.a1 == "B4" and "U+200B" in invisible.message


def test_a_position_column_is_kept_and_the_other_position_is_named(tmp_path: Path) -> None:
    path = write_book(tmp_path / "cot.xlsx", [
        ["STT", "Họ và tên", "Chức vụ", "Xếp loại năm 2025", "Danh hiệu đề nghị"],
        [1, "Bà Quách Thị Duyên\nChuyên viên", "Chuyên viên chính", "Hoàn thành tốt nhiệm vụ", "Lao động tiên tiến"],
    ])
    result = read_nominations([path])
    (duyen,) = result.nominees
    assert (duyen.name, duyen.position) == ("Quách Thị Duyên", "Chuyên viên chính")
    (said,) = [f.message for f in result.findings if f.code == "ingest.name-parts"]
    assert "Chuyên viên chính" in said and "'Bà; Chuyên viên'" in said


def test_look_alikes_are_left_as_they_are(tmp_path: Path) -> None:
    # A surname "Ông" is no honorific; a name wrapped by hand is one name; a lone "-" stays; a numbered
    # section row is still a section; a collective over two lines keeps its whole name.
    path = write_book(tmp_path / "giong.xlsx", [
        ["STT", "Họ và tên", "Xếp loại năm 2025", "Sáng kiến", "Danh hiệu đề nghị"],
        ["1. Khối cơ quan", None, None, None, None],
        [1, "Ông Văn Dũng", "Hoàn thành tốt nhiệm vụ", "-", "Lao động tiên tiến"],
        [2, "Nguyễn Thị\nThu Hằng", "Hoàn thành tốt nhiệm vụ", None, "Lao động tiên tiến"],
        ["2. Khối tập thể", None, None, None, None],
        [3, "Tổ Văn phòng\nTrường THCS Lê Lợi", "Hoàn thành tốt nhiệm vụ", None, "Tập thể lao động tiên tiến"],
    ])
    (sheet,) = read_sheets(path)
    assert sheet.rows[2][3] == "-" and sheet.rows[3][1] == "Nguyễn Thị\nThu Hằng"
    result = read_nominations([path])
    names = [(n.name, n.kind) for n in result.nominees]
    assert names == [("Ông Văn Dũng", "individual"), ("Nguyễn Thị Thu Hằng", "individual"),
                     ("Tổ Văn phòng Trường THCS Lê Lợi", "collective")]
    assert result.nominees[2].position is None
    sections = [f.cell.a1 for f in result.findings if f.code == "ingest.section" and f.cell]
    assert sections == ["A2", "A5"]
    assert not [f for f in result.findings if f.code == "ingest.name-parts"]


def test_a_household_keeps_its_name_and_a_numbered_section_its_number(tmp_path: Path) -> None:
    path = write_book(tmp_path / "ho.xlsx", [
        ["STT", "Họ và tên", "Danh hiệu đề nghị"],
        ["1. Khối tập thể", None, None],
        [1, "Hộ bà Lò Thị Ún", "Giấy khen"],
        [2, "Tổ dân phố 3", "Giấy khen"],
    ])
    (sheet,) = read_sheets(path)
    assert sheet.rows[1][0] == "Khối tập thể" and sheet.bullets == {(1, 0): "1. Khối tập thể"}
    result = read_nominations([path])
    assert [(n.name, n.kind) for n in result.nominees] == [("Hộ bà Lò Thị Ún", "household"),
                                                           ("Tổ dân phố 3", "collective")]


def test_a_csv_name_with_a_windows_line_break(tmp_path: Path) -> None:
    path = tmp_path / "xuat.csv"
    path.write_bytes(
        "STT;Họ và tên;Xếp loại năm 2025;Danh hiệu đề nghị\r\n"
        '1;"Kiều Văn Toản\r\nPhó Chánh Văn phòng";Hoàn thành tốt nhiệm vụ;Lao động tiên tiến\r\n'.encode("utf-8-sig"))
    (toan,) = read_nominations([path]).nominees
    assert (toan.name, toan.position) == ("Kiều Văn Toản", "Phó Chánh Văn phòng")


@pytest.mark.fast_path  # the slice reader itself: off under TDKT_PLAIN=1
def test_the_slice_reader_tidies_and_records_as_the_plain_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows: list[list[Any]] = [["STT", "Họ và tên", "Xếp loại năm 2025", "Danh hiệu đề nghị"]]
    for i in range(1, 300):
        rows.append([f"{i}." if i % 5 else f"{i // 5}. Khối {i}", f"Người\u00a0số {i}\u200b\nChuyên viên",
                     "- Hoàn thành tốt nhiệm vụ" if i % 2 else "HTTNV", "• Lao động tiên tiến"])
    path = write_book(tmp_path / "lon.xlsx", rows)
    monkeypatch.setattr(xlsx_slices, "_SPLIT_MIN_BYTES", 1 << 62)
    (plain,) = read_sheets(path)
    calls: list[int] = []
    collect = xlsx_slices._collect
    monkeypatch.setattr(xlsx_slices, "_collect", lambda *a: calls.append(1) or collect(*a))
    for name, value in (("_SPLIT_MIN_BYTES", 0), ("_SPLIT_CHUNKS", 6), ("_SST_WEIGHT", 0), ("_PIECE", 256)):
        monkeypatch.setattr(xlsx_slices, name, value)
    monkeypatch.setattr(xlsx_slices, "_cpus", lambda: 2)
    (fast,) = read_sheets(path)
    assert calls
    assert fast.rows == plain.rows and fast.bullets == plain.bullets and fast.invisible == plain.invisible
    assert len(plain.invisible) == 299 and plain.invisible[(1, 1)] == "Người\u00a0số 1\u200b\nChuyên viên"
    assert plain.rows[1] == ["1.", "Người số 1\nChuyên viên", "Hoàn thành tốt nhiệm vụ", "Lao động tiên tiến"]
    assert plain.rows[5][0] == "Khối 5" and plain.bullets[(5, 0)] == "1. Khối 5"

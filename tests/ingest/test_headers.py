"""Header paths of one to three rows, years (numbers, school years, periods) under any parent, tick columns,
several columns for one fact, and the achievement year: shapes written here, not taken from the corpus."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tdkt.ingest import read_nominations
from tdkt.ingest.headers import achievement_year, one_year
from tdkt.text import fold


def _xlsx(tmp_path: Path, rows: list[list[Any]], name: str = "ds.xlsx") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "DS"
    for row in rows:
        ws.append(row)
    path = tmp_path / name
    wb.save(path)
    return path


def _fields(result: Any) -> dict[str, str | None]:
    return {c.letter: c.field for s in result.sheets for c in s.columns}


@pytest.mark.parametrize(
    ("text", "year"),
    [("Năm học 2019-2020", 2020), ("2019 - 2020", 2020), ("NH 2019-20", 2020), ("2021", 2021),
     ("Xếp loại năm 2018", 2018), ("giai đoạn 2016-2020", None), ("2019, 2021", None)],
)
def test_one_year_of_a_header(text: str, year: int | None) -> None:
    assert one_year(fold(text)) == year


@pytest.mark.parametrize(
    ("title", "year", "window"),
    [
        ("DANH SÁCH … (thành tích 05 năm từ năm 2019 đến năm 2023)", 2023, (2019, 2023)),
        ("Thành tích giai đoạn 2018 - 2022", 2022, (2018, 2022)),
        ("từ năm học 2016-2017 đến năm học 2020-2021", 2021, (2017, 2021)),
        ("Quảng Ninh, ngày 03 tháng 3 năm 2027  DANH SÁCH KHEN THƯỞNG NĂM 2026", 2026, None),
        ("(Kèm theo Công văn số 12/CV-UBND ngày 05/01/2027)", None, None),
        ("Năm học 2025-2026", 2026, None),
    ],
)
def test_the_achievement_year_of_a_title(title: str, year: int | None, window: tuple[int, int] | None) -> None:
    assert achievement_year(title) == (year, window)


def test_three_row_header_with_year_numbers_under_any_parent(tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ["DANH SÁCH ĐỀ NGHỊ TẶNG BẰNG KHEN (giai đoạn 2021-2025)"],
        [],
        ["TT", "Họ và tên", "Đánh giá, phân loại", None, "Danh hiệu thi đua đã đạt", None, "Kỷ luật", None,
         "Đề nghị", None],
        [None, None, 2024, 2025, 2025, None, "Năm 2024", "Năm 2025", "LĐTT", "CSTĐCS"],
        [None, None, None, None, "Danh hiệu", "Số, ngày QĐ", None, None, None, None],
        [1, "Trương Thị Gấm", "HTXSNV", "HTXSNV", "CSTĐCS", "12/QĐ-UBND ngày 02/01/2026", None, "Khiển trách",
         None, "x"],
    ]
    result = read_nominations([_xlsx(tmp_path, rows)])
    sheet = result.sheets[0]
    assert sheet.header_rows == [3, 4, 5]
    assert _fields(result) == {
        "A": "stt", "B": "name", "C": "rating.2024", "D": "rating.2025", "E": "title.2025",
        "F": "title_decision.2025", "G": "discipline.2024", "H": "discipline.2025", "I": "award_mark",
        "J": "award_mark",
    }
    assert sheet.year == 2025  # the period's last year, not its first
    (n,) = result.nominees
    assert n.award == "chien_si_thi_dua_co_so"  # the tick under CSTĐCS
    assert [(y.year, y.rating, y.titles) for y in n.history] == [
        (2024, "htxs", ()), (2025, "htxs", ("chien_si_thi_dua_co_so",)),
    ]
    assert [(d.form, d.year) for d in n.disciplines] == [("khien_trach", 2025)]


def test_two_discipline_columns_both_read_and_the_round_year_wins(tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ["DANH SÁCH ĐỀ NGHỊ LAO ĐỘNG TIÊN TIẾN NĂM 2023"],
        ["STT", "Họ và tên", "Xếp loại", "Hình thức kỷ luật", "Đang bị xem xét kỷ luật, thanh tra", "Ghi chú",
         "Ghi chú khác"],
        [1, "Lò Văn Pọm", "HTTNV", "Khiển trách", "Đang bị thanh tra công vụ", "Nghỉ thai sản 5 tháng", "Đi học"],
    ]
    result = read_nominations([_xlsx(tmp_path, rows)], year=2024)
    (n,) = result.nominees
    assert n.year == 2024
    assert sorted((d.form or "", d.pending) for d in n.disciplines) == [("", True), ("khien_trach", False)]
    assert set(n.special) == {"maternity", "training"}
    assert not [f for f in result.findings if f.code == "ingest.duplicate-column"]
    mismatch = [f for f in result.findings if f.code == "ingest.year-mismatch"]
    assert mismatch and "2023" in mismatch[0].message and "2024" in mismatch[0].message


def test_name_over_two_columns_and_section_rows_in_the_stt_column(tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ["DANH SÁCH ĐỀ NGHỊ XÉT THI ĐUA NĂM HỌC 2025-2026"],
        ["Số TT", "Họ và tên", None, "Xếp loại năm học 2025-2026"],
        ["A. ĐỀ NGHỊ DANH HIỆU LAO ĐỘNG TIÊN TIẾN"],
        [1, "Nông Thị", "Mai", "HTTNV"],
        ["B. ĐỀ NGHỊ DANH HIỆU CHIẾN SĨ THI ĐUA CƠ SỞ"],
        [2, "Hà Văn", "Sáng", "HTXSNV"],
    ]
    result = read_nominations([_xlsx(tmp_path, rows)])
    got = [(n.name, n.award, n.year, [(y.year, y.rating) for y in n.history]) for n in result.nominees]
    assert got == [
        ("Nông Thị Mai", "lao_dong_tien_tien", 2026, [(2026, "httnv")]),
        ("Hà Văn Sáng", "chien_si_thi_dua_co_so", 2026, [(2026, "htxs")]),
    ]


def test_counts_under_a_parent_are_read_with_their_parent(tmp_path: Path) -> None:
    """ "Số người đạt danh hiệu" › "Lao động tiên tiến" | "Chiến sĩ thi đua cơ sở": neither label alone
    names a field, the two read together do; a label that names nothing together stays unread."""
    path = _xlsx(tmp_path, [
        ["STT", "Tên tập thể", "Tổng số thành viên", "Số người đạt danh hiệu", None, "Ghi nhận khác", "Danh hiệu đề nghị"],
        [None, None, None, "Lao động tiên tiến", "Chiến sĩ thi đua cơ sở", "Mã nội bộ", None],
        [1, "Phòng Hành chính", 12, 10, 2, "X1", "Tập thể lao động tiên tiến"],
    ])
    got = read_nominations([path])
    fields = _fields(got)
    assert fields["D"] == "ltt_count" and fields["E"] == "cstdcs_count" and fields["F"] is None
    (n,) = got.nominees
    assert n.collective is not None and (n.collective.ltt, n.collective.cstdcs) == (10, 2)

"""The input files of the README's "Một đợt xét hằng ngày" (invented people, tỉnh Hải Đông).

Round 2026-1 (NĐ 152/2025, achievement year 2025) of a provincial council of 11 members:

- ``danh-sach-so-y-te.xlsx`` (years 2023–2025, one initiative count column): a Bằng khen of the Chủ
  tịch UBND tỉnh who passes, a CSTĐ cấp tỉnh put to the vote, a Bằng khen whose 2024 rating the list
  leaves blank ("Cần xem xét": the Thường trực checks the dossier and accepts), a Lao động tiên tiến
  (decided by the head of the unit, not by the province);
- ``danh-sach-so-giao-duc.xlsx`` (another layout: years 2021–2025, prior awards with their loại hình): a
  Bằng khen who passes, a CSTĐ cấp tỉnh put to the vote, one who fails, a Bằng khen Thủ tướng proposed
  upward in the Tờ trình;
- ``lich-su-khen-thuong.xlsx``: the register's history (the CSTĐ cơ sở titles of the two CSTĐ nominees);
- ``phieu-bau.csv`` and ``phieu-bau-nhap-lan-2.csv``: the same 11 paper ballots entered twice (the second
  officer typed "1" where the first typed "x").
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

X, T = "Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ"
C = "Chiến sĩ thi đua cơ sở"
BK, CSTD, BKTTG, LDTT = ("Bằng khen của Chủ tịch UBND tỉnh", "Chiến sĩ thi đua cấp tỉnh",
                         "Bằng khen của Thủ tướng Chính phủ", "Lao động tiên tiến")

Y_TE_HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Đơn vị", "Hình thức đề nghị",
               "Xếp loại 2023", "Xếp loại 2024", "Xếp loại 2025", "Danh hiệu 2023", "Danh hiệu 2024", "Danh hiệu 2025",
               "Tên sáng kiến", "Số sáng kiến", "Cấp công nhận", "Năm công nhận", "Ngày tuyển dụng", "Kỷ luật"]
Y_TE = [
    [1, "Nguyễn Thị Minh Châu", "12/03/1980", "Nữ", "Trưởng khoa Nội", "Sở Y tế", BK, X, X, X, None, None, None,
     "Hai sáng kiến cải tiến quy trình khám bệnh", 2, "Cơ sở", 2025, "01/09/2005", None],
    [2, "Trần Văn Khải", "05/07/1978", "Nam", "Phó Giám đốc Bệnh viện tỉnh", "Sở Y tế", CSTD, X, X, X, C, C, C,
     "Quy trình cấp cứu đột quỵ", 1, "Cấp tỉnh", 2025, "01/08/2002", None],
    [3, "Lê Thị Hồng Nhung", "20/11/1985", "Nữ", "Điều dưỡng trưởng", "Sở Y tế", BK, T, None, X, None, None, None,
     "Hai sáng kiến chăm sóc người bệnh", 2, "Cơ sở", 2025, "01/09/2010", None],
    [4, "Phạm Văn Tú", "02/02/1990", "Nam", "Kỹ thuật viên", "Sở Y tế", LDTT, None, None, T, None, None, None,
     None, None, None, None, "01/09/2015", None],
]
GIAO_DUC_HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Đơn vị", "Hình thức đề nghị",
                   "Xếp loại 2021", "Xếp loại 2022", "Xếp loại 2023", "Xếp loại 2024", "Xếp loại 2025",
                   "Danh hiệu 2021", "Danh hiệu 2022", "Danh hiệu 2023", "Danh hiệu 2024", "Danh hiệu 2025",
                   "Tên sáng kiến", "Số sáng kiến", "Cấp công nhận", "Năm công nhận", "Ngày tuyển dụng", "Kỷ luật",
                   "Khen thưởng đã nhận"]
GIAO_DUC = [
    [1, "Hoàng Văn Long", "09/09/1976", "Nam", "Hiệu trưởng Trường THPT Lê Lợi", "Sở Giáo dục và Đào tạo", BK,
     X, X, X, X, X, None, None, None, None, None, "Hai sáng kiến quản lý trường học", 2, "Cơ sở", 2024,
     "01/09/2000", None, None],
    [2, "Đặng Thị Thu", "14/04/1982", "Nữ", "Giáo viên Trường THPT Chuyên", "Sở Giáo dục và Đào tạo", CSTD,
     X, X, X, X, X, None, None, C, C, C, "Dạy học theo dự án", 1, "Cấp tỉnh", 2025, "01/09/2004", None, None],
    [3, "Vũ Minh Quân", "30/06/1984", "Nam", "Giáo viên", "Sở Giáo dục và Đào tạo", CSTD,
     X, X, X, T, X, None, None, C, None, C, None, None, None, None, "01/09/2008", None, None],
    [4, "Bùi Quang Huy", "03/05/1975", "Nam", "Giám đốc Trung tâm Giáo dục thường xuyên", "Sở Giáo dục và Đào tạo",
     BKTTG, X, X, X, X, X, C, None, C, None, C, "Chuyển đổi số trường học", 2, "Cơ sở", 2025, "01/09/1998", None,
     "Bằng khen của Chủ tịch UBND tỉnh (công trạng) năm 2020, Quyết định số 215/QĐ-UBND ngày 15/02/2021"],
]
HISTORY_HEADER = ["STT", "Họ và tên", "Ngày sinh", "Đơn vị", "Danh hiệu", "Năm", "Số quyết định", "Ngày quyết định"]
HISTORY = [
    [1, "Trần Văn Khải", "05/07/1978", "Sở Y tế", C, 2023, "45/QĐ-SYT", "10/01/2024"],
    [2, "Trần Văn Khải", "05/07/1978", "Sở Y tế", C, 2024, "38/QĐ-SYT", "12/01/2025"],
    [3, "Đặng Thị Thu", "14/04/1982", "Sở Giáo dục và Đào tạo", C, 2023, "12/QĐ-SGDĐT", "08/01/2024"],
    [4, "Đặng Thị Thu", "14/04/1982", "Sở Giáo dục và Đào tạo", C, 2024, "10/QĐ-SGDĐT", "09/01/2025"],
]
VOTED = ["Trần Văn Khải", "Đặng Thị Thu"]
#: ballot i's mark for each nominee put to the vote: Khải 11/11, Thu 10/11 (one blank) — both ≥ 90 %.
MARKS = {"Trần Văn Khải": ["x"] * 11, "Đặng Thị Thu": ["x"] * 10 + [""]}


def _xlsx(path: Path, header: list[str], rows: list[list[Any]], sheet: str) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = sheet
    ws.append(header)
    for r in rows:
        ws.append(r)
    wb.save(path)


def _ballots(path: Path, agree: str) -> None:
    lines = ["Số phiếu,Loại phiếu," + ",".join(VOTED)]
    for i in range(11):
        marks = [agree if MARKS[n][i] == "x" else MARKS[n][i] for n in VOTED]
        lines.append(f"{i + 1:02d},Tại hội nghị," + ",".join(marks))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write(root: Path) -> dict[str, Path]:
    """Every input file the README's daily round names, in ``root``; returns them by name."""
    files = {
        "danh-sach-so-y-te.xlsx": lambda p: _xlsx(p, Y_TE_HEADER, Y_TE, "Sở Y tế"),
        "danh-sach-so-giao-duc.xlsx": lambda p: _xlsx(p, GIAO_DUC_HEADER, GIAO_DUC, "Danh sách đề nghị"),
        "lich-su-khen-thuong.xlsx": lambda p: _xlsx(p, HISTORY_HEADER, HISTORY, "Sổ khen thưởng"),
        "phieu-bau.csv": lambda p: _ballots(p, "x"),
        "phieu-bau-nhap-lan-2.csv": lambda p: _ballots(p, "1"),
    }
    out = {}
    for name, make in files.items():
        make(root / name)
        out[name] = root / name
    return out

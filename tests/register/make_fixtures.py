"""Writes the register's test files (history lists as units keep them) into a folder.

Run ``python tests/register/make_fixtures.py DIR`` to look at them; the tests call :func:`build`.
The people are invented; CCCD numbers use the made-up province code 099.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import openpyxl

HEADERS = ["STT", "Họ và tên", "Ngày sinh", "Số CCCD", "Đơn vị", "Danh hiệu/Hình thức khen thưởng",
           "Năm", "Thời gian thành tích", "Số quyết định", "Ngày quyết định", "Tên sáng kiến", "Cấp công nhận"]

# A Sở Y tế register: An has CSTĐCS 2019 and 2020 (with initiatives), a Bằng khen for 2017–2018;
# Bình has LĐTT 2019–2021; a collective has TTLĐXS; Hòa (with the modern tone mark) has LĐTT 2020.
HISTORY_A = [
    [1, "Nguyễn Văn An", dt.date(1980, 1, 2), "099080000123", "Sở Y tế", "Chiến sĩ thi đua cơ sở", 2019, None,
     "12/QĐ-SYT", dt.date(2020, 1, 15), "Số hóa hồ sơ bệnh án", "Cơ sở"],
    [2, "Nguyễn Văn An", dt.date(1980, 1, 2), "099080000123", "Sở Y tế", "CSTĐCS", 2020, None,
     "10/QĐ-SYT", dt.date(2021, 1, 15), "Phần mềm lịch trực", "cấp cơ sở"],
    [3, "Nguyễn Văn An", dt.date(1980, 1, 2), "099080000123", "Sở Y tế", "Bằng khen của Chủ tịch UBND tỉnh",
     None, "2017-2018", "99/QĐ-UBND", dt.date(2019, 3, 20), None, None],
    [4, "Trần Thị Bình", dt.date(1985, 6, 30), None, "Sở Y tế", "LĐTT", 2019, None, "11/QĐ-SYT",
     dt.date(2020, 1, 15), None, None],
    [5, "Trần Thị Bình", dt.date(1985, 6, 30), None, "Sở Y tế", "Lao động tiên tiến", 2020, None, "09/QĐ-SYT",
     dt.date(2021, 1, 15), None, None],
    [6, "Trần Thị Bình", "30/06/1985", None, "Sở Y tế", "Lao động tiên tiến", 2021, None, "08/QĐ-SYT",
     "14/01/2022", None, None],
    [7, "Phòng Kế hoạch - Tài chính", None, None, "Sở Y tế", "Tập thể lao động xuất sắc", 2021, None,
     "30/QĐ-UBND", dt.date(2022, 2, 10), None, None],
    [8, "Nguyễn Thị Hòa", dt.date(1990, 3, 4), None, "Sở Y tế", "Lao động tiên tiến", 2020, None, "09/QĐ-SYT",
     dt.date(2021, 1, 15), None, None],
]


def _sheet(path: Path, rows: list[list[object]], title: str = "SỔ THEO DÕI KHEN THƯỞNG") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Sổ theo dõi"
    ws.append([title])
    ws.append([])
    ws.append(HEADERS)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def history_a(folder: Path) -> Path:
    return _sheet(folder / "lich-su-so-y-te.xlsx", HISTORY_A)


def history_b(folder: Path) -> Path:
    """A CSV as Excel saves it (UTF-8 with BOM, ';'): An again (CCCD written with spaces, no birth
    date), a new person Cường with only a birth year, and a duplicate of Bình's 2021 LĐTT."""
    lines = [
        ";".join(HEADERS),
        "1;Nguyễn Văn An;;099 080 000 123;Sở Y tế;Chiến sĩ thi đua cơ sở;2021;;05/QĐ-SYT;20/01/2022;;",
        "2;Lê Văn Cường;1979;;Sở Tài chính;Bằng khen của Chủ tịch UBND tỉnh;;2019-2020;150/QĐ-UBND;15/04/2021;;",
        "3;Trần Thị Bình;30/06/1985;;Sở Y tế;Lao động tiên tiến;2021;;08/QĐ-SYT;14/01/2022;;",
    ]
    path = folder / "lich-su-so-tai-chinh.csv"
    path.write_bytes(("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8"))
    return path


def lookalikes(folder: Path) -> Path:
    """Deliberate look-alikes of people in history_a: none of them may be merged silently.

    - "Nguyễn Thị Hoà" (old tone placement) born the same day as "Nguyễn Thị Hòa": ambiguous;
    - "Tran Thi Binh" without diacritics, same birth date: ambiguous;
    - "Nguyễn Văn An" born on another day, no CCCD: a different person (new);
    - "Trần Thị Bình" without birth date in another unit: ambiguous.
    """
    rows = [
        [1, "Nguyễn Thị Hoà", dt.date(1990, 3, 4), None, "Sở Y tế", "Lao động tiên tiến", 2021, None, "08/QĐ-SYT",
         dt.date(2022, 1, 14), None, None],
        [2, "Tran Thi Binh", dt.date(1985, 6, 30), None, "Sở Y tế", "Lao động tiên tiến", 2018, None, "07/QĐ-SYT",
         dt.date(2019, 1, 14), None, None],
        [3, "Nguyễn Văn An", dt.date(1992, 9, 9), None, "Sở Giáo dục", "Lao động tiên tiến", 2021, None, "3/QĐ-SGD",
         dt.date(2022, 1, 9), None, None],
        [4, "Trần Thị Bình", None, None, "Sở Xây dựng", "Lao động tiên tiến", 2021, None, "4/QĐ-SXD",
         dt.date(2022, 1, 9), None, None],
    ]
    return _sheet(folder / "trung-ten.xlsx", rows)


def broken(folder: Path) -> Path:
    """Good rows and one row with a decision date nobody can read: the whole file must be refused."""
    rows = [
        [1, "Phạm Văn Dũng", dt.date(1975, 5, 5), "099075000555", "Sở Nội vụ", "Lao động tiên tiến", 2021, None,
         "1/QĐ-SNV", dt.date(2022, 1, 5), None, None],
        [2, "Võ Thị Em", dt.date(1988, 8, 8), "099188000888", "Sở Nội vụ", "Lao động tiên tiến", 2021, None,
         "1/QĐ-SNV", "ngày mười lăm", None, None],
    ]
    return _sheet(folder / "loi-ngay.xlsx", rows)


def many(folder: Path, name: str, start: int, count: int) -> Path:
    """``count`` distinct people with a CCCD each (for the kill and concurrency tests)."""
    rows: list[list[object]] = [
        [i, f"Người Thứ {n}", dt.date(1970 + n % 30, 1 + n % 12, 1 + n % 28), f"0990{n:08d}", "Sở Nội vụ",
         "Lao động tiên tiến", 2021, None, "1/QĐ-SNV", dt.date(2022, 1, 5), None, None]
        for i, n in enumerate(range(start, start + count), start=1)
    ]
    return _sheet(folder / name, rows)


def title_only(folder: Path) -> Path:
    """A danh sách kèm theo quyết định: award, year and decision only in the title rows."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["DANH SÁCH CÁ NHÂN ĐƯỢC TẶNG DANH HIỆU CHIẾN SĨ THI ĐUA CƠ SỞ NĂM 2021"])
    ws.append(["(Kèm theo Quyết định số 15/QĐ-UBND ngày 10 tháng 02 năm 2022 của Chủ tịch UBND huyện)"])
    ws.append(["STT", "Họ và tên", "Chức vụ", "Đơn vị"])
    ws.append([1, "Đặng Thu Giang", "Chuyên viên", "Phòng Nội vụ"])
    ws.append([2, "Hồ Minh Khoa", "Phó Trưởng phòng", "Phòng Tài chính - Kế hoạch"])
    path = folder / "kem-theo-qd-15.xlsx"
    wb.save(path)
    return path


def build(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return {
        "a": history_a(folder),
        "b": history_b(folder),
        "lookalikes": lookalikes(folder),
        "broken": broken(folder),
        "title_only": title_only(folder),
    }


if __name__ == "__main__":
    for key, path in build(Path(sys.argv[1] if len(sys.argv) > 1 else "register-fixtures")).items():
        print(key, path)

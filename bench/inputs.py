"""Deterministic inputs for the suite: a provincial nomination list, council ballots, a docx template.

Everything is made from small syllable lists with a fixed seed, so two runs on two machines read the
same bytes. Files go to the cache folder (default ``~/.cache/tdkt-bench``) and are reused while the
generator version and size are unchanged; nothing here is committed.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

GENERATOR_VERSION = 2  # 2: a discipline column (03/12/2026)
SEED = 2022

HO = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
      "Dương", "Lý", "Đinh", "Trịnh", "Mai", "Lương"]
DEM_NAM = ["Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Xuân", "Đình", "Ngọc"]
DEM_NU = ["Thị", "Thu", "Ngọc", "Thanh", "Kim", "Hoài", "Minh", "Phương", "Bích", "Diệu"]
TEN_NAM = ["An", "Bình", "Cường", "Dũng", "Hải", "Hiếu", "Hùng", "Khánh", "Long", "Nam", "Phúc", "Quân", "Sơn",
           "Thắng", "Tuấn", "Việt", "Vinh", "Trung", "Đạt", "Toàn"]
TEN_NU = ["Anh", "Hà", "Hạnh", "Hằng", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga", "Ngân", "Nhung", "Phương",
          "Thảo", "Trang", "Vân", "Yến", "Huyền", "Thủy", "Oanh"]
PLACES = ["Đông Sơn", "Tây Hòa", "Nam Giang", "Bắc Bình", "Hòa Vang", "Sơn Trà", "Phú Lộc", "Tiên Lãng",
          "Thủy Nguyên", "An Lão", "Kiến Thụy", "Vĩnh Bảo"]
UNIT_KINDS = ["Trường THPT {p}", "Trường THCS {p}", "Trường Tiểu học {p}", "Trung tâm Y tế huyện {p}",
              "Phòng Nội vụ huyện {p}", "UBND xã {p}", "Phòng Giáo dục và Đào tạo huyện {p}",
              "Chi cục Thuế khu vực {p}"]
DEPARTMENTS = ["Sở Tài chính", "Sở Nội vụ", "Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Tư pháp",
               "Sở Kế hoạch và Đầu tư", "Bệnh viện Đa khoa tỉnh", "Văn phòng UBND tỉnh"]
POSITIONS = ["Chuyên viên", "Giáo viên", "Phó Trưởng phòng", "Trưởng phòng", "Bác sĩ", "Điều dưỡng", "Kế toán",
             "Nhân viên", "Công chức", "Phó Giám đốc", "Hiệu trưởng", "Tổ trưởng chuyên môn"]
# (what the unit wrote, weight): a provincial list is mostly LĐTT/CSTĐ cơ sở with some higher awards,
# written the way units write them (full name or abbreviation).
AWARDS = [("Lao động tiên tiến", 30), ("LĐTT", 15), ("Chiến sĩ thi đua cơ sở", 18), ("CSTĐCS", 7),
          ("Chiến sĩ thi đua cấp tỉnh", 5), ("Bằng khen của Chủ tịch UBND tỉnh", 25)]
RATINGS = [("Hoàn thành xuất sắc nhiệm vụ", 40), ("HTXSNV", 15), ("Hoàn thành tốt nhiệm vụ", 30), ("HTTNV", 10),
           ("Hoàn thành nhiệm vụ", 4), ("", 1)]
TITLES_DONE = [("LĐTT", 55), ("CSTĐCS", 30), ("", 15)]
LEVELS = ["Cơ sở", "Cơ sở", "Cơ sở", "Tỉnh"]

TITLE = "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2021"
SUBTITLE = "(Kèm theo Tờ trình số 123/TTr-SNV ngày 10/4/2022 của Sở Nội vụ tỉnh Hải Đông)"
# Two-row header, as provincial forms print it: groups merged over their years.
HEADER_TOP = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Đơn vị", "Danh hiệu đề nghị",
              "Xếp loại mức độ hoàn thành nhiệm vụ", None, None,
              "Danh hiệu thi đua đã đạt", None, None,
              "Sáng kiến", None, "Hình thức kỷ luật", "Ghi chú"]
HEADER_SUB = [None, None, None, None, None, None, None,
              "Năm 2019", "Năm 2020", "Năm 2021",
              "Năm 2019", "Năm 2020", "Năm 2021",
              "Số sáng kiến", "Cấp công nhận", None, None]
GROUPS = [(7, 9), (10, 12), (13, 14)]  # merged group columns (0-based, inclusive)
NCOLS = len(HEADER_TOP)


def _pick(rng: random.Random, weighted: list[tuple[str, int]]) -> str:
    return rng.choices([v for v, _ in weighted], weights=[w for _, w in weighted])[0]


def _person(rng: random.Random) -> tuple[str, str]:
    female = rng.random() < 0.55
    parts = [rng.choice(HO), rng.choice(DEM_NU if female else DEM_NAM)]
    if rng.random() < 0.3:
        parts.append(rng.choice(DEM_NU if female else DEM_NAM))
    parts.append(rng.choice(TEN_NU if female else TEN_NAM))
    # a middle name repeated twice reads oddly; fold it away
    name = " ".join(dict.fromkeys(parts))
    return name, ("Nữ" if female else "Nam")


def units(rng: random.Random) -> list[str]:
    """About a hundred senders: the provincial departments and each kind of local unit in each district."""
    local = [k.format(p=p) for k in UNIT_KINDS for p in PLACES]
    rng.shuffle(local)
    return DEPARTMENTS + local


def nominee_rows(n: int, seed: int = SEED) -> list[list[object]]:
    """n data rows of the nomination list; about 1 in 12 has a defect a validator should report."""
    rng = random.Random(seed)
    unit_list = units(rng)
    rows: list[list[object]] = []
    for i in range(1, n + 1):
        name, gender = _person(rng)
        born = dt.date(1962, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 38))
        dob: object = born if rng.random() < 0.8 else born.strftime("%d/%m/%Y")
        award = _pick(rng, AWARDS)
        ratings = [_pick(rng, RATINGS) for _ in range(3)]
        done = [_pick(rng, TITLES_DONE) for _ in range(3)]
        if "CSTĐ" in award.upper() or "Chiến sĩ" in award:
            n_init = rng.choices([0, 1, 2, 3], weights=[4, 70, 20, 6])[0]
        else:
            n_init = rng.choices([0, 1], weights=[85, 15])[0]
        level = rng.choice(LEVELS) if n_init else ""
        note = "Nữ, trực tiếp giảng dạy" if gender == "Nữ" and rng.random() < 0.1 else ""
        # an empty discipline cell says "none"; one row in 97 was reprimanded (no draw: the rest stays as it was)
        discipline = "Khiển trách năm 2021" if i % 97 == 0 else ""
        rows.append([i, name, dob, gender, rng.choice(POSITIONS), rng.choice(unit_list), award,
                     *ratings, *done, n_init, level, discipline, note])
    return rows


def write_nominations(path: Path, n: int, seed: int = SEED) -> Path:
    """The nomination list as a unit secretariat sends it (XlsxWriter, constant_memory)."""
    import xlsxwriter

    rows = nominee_rows(n, seed)
    tmp = path.with_suffix(".part.xlsx")
    wb = xlsxwriter.Workbook(str(tmp), {"constant_memory": True})
    ws = wb.add_worksheet("Danh sách")
    bold = wb.add_format({"bold": True, "align": "center", "valign": "vcenter", "text_wrap": True, "border": 1})
    title = wb.add_format({"bold": True, "align": "center", "font_size": 14})
    italic = wb.add_format({"italic": True, "align": "center"})
    date_fmt = wb.add_format({"num_format": "dd/mm/yyyy", "border": 1})
    cell = wb.add_format({"border": 1})
    ws.set_column(1, 1, 26)
    ws.set_column(4, 6, 24)
    last = NCOLS - 1
    ws.merge_range(0, 0, 0, last, TITLE, title)
    ws.merge_range(1, 0, 1, last, SUBTITLE, italic)
    # rows 4-5 (0-based 3-4): the two-row header; single columns are merged vertically. constant_memory
    # flushes a row as soon as a later one is written, so row 4 is written whole before row 5, and the
    # vertical merges are registered afterwards (merge_range would write into the flushed row).
    group_cols = {c for a, b in GROUPS for c in range(a, b + 1)}
    for c, text in enumerate(HEADER_TOP):
        if c not in group_cols:
            ws.write_string(3, c, str(text), bold)
    for a, b in GROUPS:
        ws.merge_range(3, a, 3, b, HEADER_TOP[a], bold)
    for c in range(NCOLS):
        if HEADER_SUB[c] is not None:
            ws.write_string(4, c, HEADER_SUB[c], bold)
        else:
            ws.write_blank(4, c, None, bold)
    ws.merge.extend([3, c, 4, c] for c in range(NCOLS) if c not in group_cols)
    # row 6: the column numbers forms print under the header: (1) (2) ...
    for c in range(NCOLS):
        ws.write_string(5, c, f"({c + 1})", bold)
    ws.freeze_panes(6, 2)
    for r, row in enumerate(rows, start=6):
        for c, v in enumerate(row):
            if v == "" or v is None:
                ws.write_blank(r, c, None, cell)
            elif isinstance(v, dt.date):
                ws.write_datetime(r, c, dt.datetime(v.year, v.month, v.day), date_fmt)
            elif isinstance(v, int):
                ws.write_number(r, c, v, cell)
            else:
                ws.write_string(r, c, str(v), cell)
    wb.close()
    tmp.replace(path)
    return path


# --- ballots -----------------------------------------------------------------------------------

def ballot_names(n_nominees: int, seed: int = SEED) -> list[str]:
    rng = random.Random(seed + 1)
    seen: dict[str, None] = {}
    while len(seen) < n_nominees:
        name, _ = _person(rng)
        if name in seen:
            name = f"{name} ({len(seen) + 1})"
        seen[name] = None
    return list(seen)


def write_ballots(path: Path, n_ballots: int, n_nominees: int, seed: int = SEED) -> Path:
    """Wide layout: one row per paper ballot, one column per nominee, headed by the nominee's name.

    This is how a secretariat types paper ballots into Excel and saves them as CSV (UTF-8 with BOM):
    the sheet mirrors the ballot, one line per sheet of paper. Marks: "x" đồng ý, "k" không đồng ý,
    empty = không ý kiến, and now and then a stray "?" (an invalid mark the tally must name).
    """
    rng = random.Random(seed + 2)
    names = ballot_names(n_nominees, seed)
    # each nominee has its own level of support, so some pass the 80 % threshold and some do not
    support = [rng.choice([0.97, 0.92, 0.88, 0.82, 0.75, 0.5]) for _ in names]
    tmp = path.with_suffix(".part.csv")
    rand = rng.random
    with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Phiếu số", *names])
        for b in range(1, n_ballots + 1):
            marks = []
            for s in support:
                u = rand()
                marks.append("x" if u < s else "?" if u > 0.99995 else "" if u > 0.97 else "k")
            w.writerow([b, *marks])
    tmp.replace(path)
    return path


# --- docx template for the decision floor --------------------------------------------------------


def write_docx_template(path: Path) -> Path:
    """A minimal docxtpl template: heading, number, and a 5-column table with one looped row."""
    import docx

    d = docx.Document()
    d.add_paragraph("QUYẾT ĐỊNH")
    d.add_paragraph("Số: {{ so_qd }} ngày {{ ngay_qd }}; tặng thưởng {{ people|length }} cá nhân")
    t = d.add_table(rows=4, cols=5)
    t.style = "Table Grid"
    for i, h in enumerate(["STT", "Họ và tên", "Ngày sinh", "Đơn vị", "Danh hiệu"]):
        t.cell(0, i).text = h
    t.cell(1, 0).text = "{%tr for p in people %}"
    for i, key in enumerate(["stt", "name", "dob", "unit", "award"]):
        t.cell(2, i).text = "{{ p." + key + " }}"
    t.cell(3, 0).text = "{%tr endfor %}"
    tmp = path.with_suffix(".part.docx")
    d.save(str(tmp))
    tmp.replace(path)
    return path

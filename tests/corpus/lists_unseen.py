"""Corpus lists 47 on: shapes the first 46 lists do not have, written by a red team that did not build the reader.

Kept apart from ``make_corpus.py`` (which calls ``LISTS_UNSEEN``) so the two sets can change separately. The
facts are the cohorts of ``make_corpus`` where a list re-writes them (``same_facts_as``: the verdicts must
agree whatever the shape) or new people here; the verdicts come from ``corpus_core.expect`` as for every list.
Every name, unit and decision number is invented.

Shapes: headers as abbreviations only and in an unusual order; a workbook with one sheet per award and the
award only in the sheet's title; a hidden column and a hidden (filtered) row; the header repeated on each
printed page; dates as Excel serials, "2/8/2024" (day first), "2024-10-05", "01.03.2024", "tháng 9/2024"
and years as "năm 2024"; a nominee spanning two rows (the second a continuation); discipline written
"Không có" / "Chưa" / "Đã xóa kỷ luật" / "Đang xem xét kỷ luật"; two tables (individuals, collectives) on
one sheet; a CSV with Excel's "sep=;" line, a BOM and title lines; a VISCII CSV; bilingual headers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from corpus_core import (
    DISC_WORDS,
    INIT_LEVEL_WORDS,
    RATING_SHORT,
    RATING_WORDS,
    TITLE_SHORT,
    Col,
    Collective,
    Discipline,
    Grid,
    Initiative,
    Line,
    Person,
    Section,
    Sheet,
    centered,
    dmy,
    layout,
    ref,
)
from make_corpus import (
    COMMUNE_TCVN3,
    COMMUNE_VNI,
    DEPT,
    HOSPITAL,
    HOSPITAL_COUNCIL,
    INIT_LEVEL_CAP,
    PROVINCE_COUNCIL,
    SCHOOL,
    SCHOOL_COUNCIL,
    THCS,
    THCS_COUNCIL,
    CorpusList,
    _award,
    _gender,
    _name,
    _rating,
    agency_lines,
    by_award,
    cohort_commune,
    cohort_department,
    cohort_hospital,
    cohort_school,
    cohort_school_collectives,
    cohort_thcs,
    collective_cols,
    nd91_caps,
    rating_any,
    sign_block,
    title_any,
    with_ldtt,
)

D = dt.date


def _excel_serial(d: dt.date) -> int:
    """The number Excel stores for a date (1900 system), shown as such in a cell with the General format."""
    return (d - D(1899, 12, 30)).days


# ------------------------------------------------------------------------------------------------ 47

AWARD_ABBR = {"bang_khen_bo_tinh": "BK UBND tỉnh", "chien_si_thi_dua_co_so": "CSTĐCS", "lao_dong_tien_tien": "LĐTT"}


def list_abbreviated_headers() -> CorpusList:
    y = 2024
    people = cohort_hospital(y)
    cols = [
        Col(("TT",), _name, counter="1", width=4),
        Col(("ĐN KT",), lambda p: AWARD_ABBR[p.award], ("award",), width=12),
        Col(("Họ tên",), _name, ("name",), width=22),
        Col(("NS",), lambda p: p.born.year, width=6),
        Col(("CV",), lambda p: p.position, width=20),
        Col(("Khoa/P",), lambda p: p.dept, width=18),
        Col((f"XL {y - 1}",), _rating(y - 1), (f"rating:{y - 1}",), width=9),
        Col((f"XL {y}",), _rating(y), (f"rating:{y}",), width=9),
        Col((f"DHTĐ {y - 1}",), lambda p: TITLE_SHORT.get(p.titles.get(y - 1, "")), (f"title:{y - 1}",), width=9),
        Col((f"DHTĐ {y}",), lambda p: TITLE_SHORT.get(p.titles.get(y, "")), (f"title:{y}",), width=9),
        Col(("SK",), lambda p: "\n".join(i.title for i in p.inits) or None, ("init",), width=30),
        Col(("Cấp SK",), lambda p: "\n".join("CS" if i.level == "co_so" else "Tỉnh" for i in p.inits) or None,
            ("init",), width=7),
        Col(("Năm SK",), lambda p: "\n".join(str(i.year) for i in p.inits) or None, ("init",), width=7),
        Col(("KL",), lambda p: f"{DISC_WORDS[p.discipline.form]} ({p.discipline.year})" if p.discipline else None,
            ("disc",), width=14),
        Col(("Đang bị xem xét KL/TTr",), lambda p: "Có" if p.pending else None, ("pending",), width=10),
        Col(("Ngày TD",), lambda p: p.recruited, ("recruited",), width=11),
        Col(("GC",), lambda p: p.special, width=12),
    ]
    len(cols)
    sheet = Sheet("TH", cols, by_award(people),
                  top=[Line({0: "TTYT LONG ĐIỀN - DS ĐN KT NĂM 2024"}, bold=True)],
                  footer=[Line({2: "Cộng: 08"})])
    return CorpusList(
        "47-benh-vien-tieu-de-viet-tat", "Trung tâm Y tế, NĐ 98: cùng người như 09, tiêu đề cột chỉ là chữ viết tắt "
        "('TT', 'ĐN KT', 'NS', 'CV', 'XL 2024', 'DHTĐ 2024', 'SK', 'Cấp SK' = 'CS', 'KL', 'Ngày TD', 'GC') và thứ tự cột "
        "lạ (hình thức đề nghị đứng trước họ tên)", HOSPITAL,
        ("abbreviated-headers", "column-order", "title-award-aliases"), "nd98-2023", D(2025, 2, 14), (y,),
        HOSPITAL_COUNCIL, [sheet], same_facts_as="09-benh-vien-co-ban",
        notes="Không cột nào viết đủ chữ: người đọc cẩn thận hiểu XL = xếp loại, DHTĐ = danh hiệu thi đua, SK = "
              "sáng kiến, KL = kỷ luật, TD = tuyển dụng, ĐN KT = đề nghị khen thưởng, CS = cấp cơ sở.")


# ------------------------------------------------------------------------------------------------ 48

_SHEET_OF = {"bang_khen_bo_tinh": "BK UBND tinh", "chien_si_thi_dua_co_so": "CSTĐCS", "lao_dong_tien_tien": "LĐTT"}
_TITLE_OF = {
    "bang_khen_bo_tinh": "DANH SÁCH ĐỀ NGHỊ TẶNG BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH NĂM 2025",
    "chien_si_thi_dua_co_so": "DANH SÁCH ĐỀ NGHỊ CÔNG NHẬN DANH HIỆU CHIẾN SĨ THI ĐUA CƠ SỞ NĂM 2025",
    "lao_dong_tien_tien": "DANH SÁCH ĐỀ NGHỊ CÔNG NHẬN DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM 2025",
}


def list_sheet_per_award() -> CorpusList:
    y = 2025
    people = [replace(p, special="Nghỉ thai sản từ 01/3/2025 đến 31/8/2025") if p.name == "Châu Thị Bích Ngọc" else p
              for p in cohort_hospital(y)]
    base = [
        Col(("STT",), _name, counter="1", width=5),
        Col(("Họ và tên",), _name, ("name",), width=22),
        Col(("Chức vụ, khoa/phòng",), lambda p: f"{p.position}, {p.dept}", width=30),
    ]
    disc = [
        Col(("Kỷ luật",), lambda p: f"{DISC_WORDS[p.discipline.form]} năm {p.discipline.year}" if p.discipline else None,
            ("disc",)),
        Col(("Đang bị thanh tra, kiểm tra, xem xét kỷ luật",), lambda p: p.pending, ("pending",), width=30),
        Col(("Ghi chú",), lambda p: p.special, width=24),
    ]
    init = [
        Col(("Sáng kiến", "Tên sáng kiến"), lambda p: "\n".join(i.title for i in p.inits) or None, ("init",), width=30),
        Col(("Sáng kiến", "Cấp, năm công nhận"),
            lambda p: "\n".join(f"{INIT_LEVEL_CAP[i.level]}, {i.year}" for i in p.inits) or None, ("init",), width=16),
    ]
    cols_of = {
        "bang_khen_bo_tinh": [*base, *[Col(("Xếp loại", k), rating_any(k, 4), (f"rating:{k}",)) for k in (y - 1, y)],
                              *[Col(("Danh hiệu thi đua", k), title_any(k, 4), (f"title:{k}",)) for k in (y - 1, y)],
                              *init, *disc],
        "chien_si_thi_dua_co_so": [*base, Col((f"Xếp loại năm {y}",), rating_any(y, 4), (f"rating:{y}",)), *init,
                                   *disc],
        "lao_dong_tien_tien": [*base, Col((f"Xếp loại năm {y}",), rating_any(y, 4), (f"rating:{y}",)),
                               Col(("Ngày tuyển dụng",), lambda p: p.recruited, ("recruited",)), *disc],
    }
    sheets = []
    for award, cols in cols_of.items():
        n = len(cols)
        mine = [p for p in people if p.award == award]
        sheets.append(Sheet(_SHEET_OF[award], cols, mine,
                            top=[*agency_lines("SỞ Y TẾ TỈNH HẢI ĐÔNG", "TRUNG TÂM Y TẾ HUYỆN LONG ĐIỀN", n,
                                               "Long Điền, ngày 12 tháng 01 năm 2026"), Line({}),
                                 centered(_TITLE_OF[award], n)],
                            footer=[Line({1: f"Danh sách có {len(mine):02d} người./."})]))
    return CorpusList(
        "48-benh-vien-moi-trang-mot-danh-hieu", "Trung tâm Y tế, NĐ 152: cùng người như 11, mỗi danh hiệu một trang tính "
        "('BK UBND tinh', 'CSTĐCS', 'LĐTT'), mỗi trang cột khác nhau, không có cột danh hiệu đề nghị — danh hiệu chỉ ở "
        "tiêu đề của trang", HOSPITAL, ("sheet-per-award", "award-in-title-only", "multi-sheet", "rating-aliases",
                                        "title-award-aliases", "footer-forms"),
        "nd152-2025", D(2026, 1, 20), (y,), HOSPITAL_COUNCIL, sheets, same_facts_as="11-benh-vien-nd152-ghi-chu",
        notes="Mỗi trang là danh sách của một danh hiệu: tiêu đề trang nói danh hiệu đề nghị của mọi người trong trang.")


# ------------------------------------------------------------------------------------------------ 49


def _hide(column_headers: Sequence[str], row_of: Sequence[str], cols: Sequence[Col]) -> Callable[[Grid], None]:
    """Hide the columns with these leaf headers and the rows of these nominees (a filtered list)."""
    def after(g: Grid) -> None:
        g.hidden_cols |= {i for i, c in enumerate(cols, start=1) if c.path[-1] in column_headers}
        for obj, cells in g.nominee_cells:
            if obj.name in row_of:
                g.hidden_rows.add(int("".join(ch for ch in cells["name"] if ch.isdigit())))
    return after


def list_hidden_cells() -> CorpusList:
    y = 2024
    people = by_award(with_ldtt(cohort_department(y), range(y - 2, y + 1)))
    cols = [
        Col(("STT",), _name, counter="1", width=5),
        Col(("Mã CB",), lambda p: f"STNMT-{sum(map(ord, p.name)) % 900 + 100}", width=12),
        Col(("Họ và tên",), _name, ("name",), width=22),
        Col(("Chức vụ, đơn vị",), lambda p: f"{p.position}, {p.dept}", width=30),
        *[Col((f"Xếp loại năm {k}",), rating_any(k, 6), (f"rating:{k}",)) for k in (y - 1, y)],
        *[Col((f"Danh hiệu năm {k}",), title_any(k, 6), (f"title:{k}",)) for k in (y - 2, y - 1, y)],
        Col(("Sáng kiến (tên - cấp - năm)",),
            lambda p: "\n".join(f"{i.title} - {INIT_LEVEL_CAP[i.level]} - {i.year}" for i in p.inits) or None,
            ("init",), width=40),
        Col(("Kỷ luật",), lambda p: f"Khiển trách năm {p.discipline.year}" if p.discipline else "Không", ("disc",)),
        Col(("Hình thức đề nghị",), _award(), ("award",), width=24),
    ]
    n = len(cols)
    sheet = Sheet("Cá nhân", cols, people, after=_hide(("Mã CB", "Kỷ luật"), ("Kiều Minh Đức",), cols),
                  top=[centered("SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG TỈNH HẢI ĐÔNG", 4),
                       centered(f"DANH SÁCH CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG NĂM {y}", n)],
                  footer=[Line({2: "Danh sách có 06 cá nhân"}), Line({n - 3: "GIÁM ĐỐC"}, bold=True)])
    return CorpusList(
        "49-so-cot-dong-an", "Sở, NĐ 98: cùng người như 16; cột 'Kỷ luật' bị ẩn (có 'Khiển trách năm 2023' của một "
        "người đề nghị Bằng khen), cột 'Mã CB' ẩn, dòng của một người bị ẩn (danh sách đang lọc) — ô ẩn vẫn là dữ "
        "kiện của danh sách", DEPT, ("hidden-cells", "rating-aliases", "title-award-aliases", "footer-forms"),
        "nd98-2023", D(2025, 3, 10), (y,), PROVINCE_COUNCIL, [sheet], same_facts_as="16-so-cstd-tinh-ba-tang",
        notes="Ô ẩn không phải ô trống: kỷ luật ở cột ẩn vẫn loại người đề nghị Bằng khen (NĐ 98, 2 năm không bị kỷ "
              "luật); người ở dòng ẩn vẫn là người được đề nghị.")


# ------------------------------------------------------------------------------------------------ 50


def list_repeated_header() -> CorpusList:
    y = 2023
    people = cohort_thcs(y, cstdcs=3, ldtt=20, seed=11)
    people[10] = replace(people[10], discipline=Discipline("khien_trach", y, f"09/QĐ-THCSLL ngày 14/3/{y}"))
    people[15] = replace(people[15], ratings={y: "htnv"})
    cols = [
        Col(("STT",), _name, counter="1", width=5),
        Col(("Họ và tên",), _name, ("name",), width=24),
        Col(("Năm sinh",), lambda p: p.born.year),
        Col(("Tổ chuyên môn",), lambda p: p.dept),
        Col(("Xếp loại năm học 2022-2023",), rating_any(y, 9), (f"rating:{y}",)),
        Col(("Sáng kiến kinh nghiệm",), lambda p: "\n".join(i.title for i in p.inits) or None, ("init",), width=30),
        Col(("Cấp công nhận",), lambda p: "Cơ sở" if p.inits else None, ("init",)),
        Col(("Kỷ luật",), lambda p: f"{DISC_WORDS[p.discipline.form]} (QĐ số {p.discipline.decision})" if p.discipline
            else None, ("disc",), width=24),
        Col(("Danh hiệu đề nghị",), _award(), ("award",), width=22),
    ]
    n = len(cols)
    header = Line({i: c.path[0] for i, c in enumerate(cols)}, bold=True, in_table=True)
    numbers = Line({i: f"({i + 1})" for i in range(n)}, in_table=True)
    body: list[Any] = []
    for i, p in enumerate(people):
        if i and i % 9 == 0:
            body += [Line({n - 2: f"Trang {i // 9 + 1}/3"}), header, numbers]
        body.append(p)
    sheet = Sheet("In", cols, body, numbering="paren",
                  top=[centered("PHÒNG GD&ĐT HUYỆN TÂN HẢI", 4), centered("TRƯỜNG THCS LÊ LỢI", 4),
                       centered("DANH SÁCH ĐỀ NGHỊ CÔNG NHẬN DANH HIỆU THI ĐUA NĂM HỌC 2022-2023", n)],
                  footer=[Line({n - 2: "Trang 3/3"}), Line({1: "Tổng cộng: 23 người"}, bold=True),
                          Line({n - 3: "HIỆU TRƯỞNG"}, bold=True)])
    return CorpusList(
        "50-truong-thcs-tieu-de-lap-moi-trang", "Trường THCS, NĐ 91: danh sách 23 người dán lại từ bản in — dòng tiêu "
        "đề cột và dòng số thứ tự cột '(1) (2) …' lặp lại đầu mỗi trang, dòng 'Trang 2/3'", THCS,
        ("repeated-header", "list-cap", "school-years", "numbering-row", "footer-forms"),
        "nd91-2017", D(2023, 7, 20), (y,), THCS_COUNCIL, [sheet], caps=nd91_caps(),
        notes="3 CSTĐCS trên 23 người đề nghị (21 người đạt LĐTT): 15 % của 23 = 3,45 → trong trần. Dòng tiêu đề lặp "
              "không phải người được đề nghị.")


# ------------------------------------------------------------------------------------------------ 51

AGENCY_51 = "Trung tâm Dịch vụ việc làm tỉnh Long Giang (hư cấu)"


def list_dates_every_way() -> CorpusList:
    y = 2024
    rows: list[tuple[str, bool, Any, dt.date | None, Discipline | None, str]] = [
        # name, female, the recruitment date as written, as a date, discipline, rating
        ("Tiêu Thị Hoàng Oanh", True, D(y, 8, 1), D(y, 8, 1), None, "httnv"),
        ("Khổng Minh Trí", False, _excel_serial(D(y, 9, 16)), D(y, 9, 16), None, "httnv"),
        ("Lại Thị Phương Dung", True, "2/8/2024", D(y, 8, 2), None, "httnv"),
        ("Ông Văn Nhân", False, "2024-10-05", D(y, 10, 5), None, "httnv"),
        ("Mai Thị Tường Vi", True, "01.03.2024", D(y, 3, 1), None, "httnv"),
        ("Hà Quang Thuận", False, "tháng 9/2024", D(y, 9, 1), None, "httnv"),
        ("Thân Thị Bảo Ngọc", True, D(2010, 3, 15), D(2010, 3, 15), Discipline("khien_trach", y - 1), "httnv"),
        ("Chu Đình Lập", False, "15/3/2012", D(2012, 3, 15), Discipline("canh_cao", y), "httnv"),
        ("Vi Thị Huyền Trang", True, "2024-03-12", D(y, 3, 12), None, "httnv"),
    ]
    people = [Person(name, female, D(1985 + i, 1 + i, 3 + i), "Viên chức", "Phòng Tư vấn, giới thiệu việc làm",
                     "lao_dong_tien_tien", {y: rating}, discipline=disc, recruited=rec)
              for i, (name, female, _w, rec, disc, rating) in enumerate(rows)]
    written = {name: w for name, _f, w, *_ in rows}
    cols = [
        Col(("STT",), _name, counter="1", width=5),
        Col(("Họ và tên",), _name, ("name",), width=22),
        Col(("Ngày sinh",), lambda p: dmy(p.born)),
        Col(("Ngày tuyển dụng",), lambda p: written[p.name], ("recruited",), width=14,
            number_format="dd/mm/yyyy"),
        Col((f"Xếp loại năm {y}",), _rating(y, RATING_WORDS), (f"rating:{y}",), width=24),
        Col(("Hình thức kỷ luật",), lambda p: DISC_WORDS[p.discipline.form] if p.discipline else None, ("disc",)),
        Col(("Năm kỷ luật",), lambda p: f"năm {p.discipline.year}" if p.discipline else None, ("disc",)),
        Col(("Danh hiệu đề nghị",), _award(), ("award",), width=22),
    ]

    def general_serial(g: Grid) -> None:  # the serial is a number shown as such (General), not a formatted date
        for (r, c), v in list(g.cells.items()):
            if isinstance(v, int) and v > 40000 and c == 4:
                g.formats[(r, c)] = "General"
            elif isinstance(v, str) and c == 4:
                g.formats[(r, c)] = "@"
    n = len(cols)
    sheet = Sheet("DS", cols, people, after=general_serial,
                  top=[centered("TRUNG TÂM DỊCH VỤ VIỆC LÀM TỈNH LONG GIANG", 4),
                       centered(f"DANH SÁCH ĐỀ NGHỊ CÔNG NHẬN LAO ĐỘNG TIÊN TIẾN NĂM {y}", n)],
                  footer=[Line({1: "Tổng số: 09 người"})])
    return CorpusList(
        "51-trung-tam-ngay-moi-kieu", "Trung tâm dịch vụ việc làm, NĐ 98: ngày tuyển dụng viết mọi kiểu — ô ngày, số "
        "ngày Excel (45551) định dạng General, '2/8/2024' (ngày trước tháng), '2024-10-05', '01.03.2024', "
        "'tháng 9/2024', '15/3/2012' — và năm kỷ luật viết 'năm 2024'", AGENCY_51,
        ("dates-every-way", "dates-as-text", "service-months", "discipline-year-words", "footer-forms"),
        "nd98-2023", D(2025, 1, 15), (y,), {"level": "don_vi", "name": "Hội đồng Thi đua - Khen thưởng Trung tâm",
                                           "members": 7}, [sheet],
        notes="TT 01/2024: tuyển dụng dưới 06 tháng đến 31/12 không xét LĐTT. '2/8/2024' là ngày 02 tháng 8 (viết kiểu "
              "Việt Nam, ngày trước tháng); 45551 là số ngày Excel của 16/9/2024; 'tháng 9/2024' là từ 01/9/2024.")


# ------------------------------------------------------------------------------------------------ 52

HOME_52 = "Sở Khoa học và Công nghệ tỉnh Long Giang (hư cấu)"


def list_continuation_rows() -> CorpusList:
    y = 2025
    people = [
        Person("Đoàn Thị Thanh Hương", True, D(1983, 4, 2), "Trưởng phòng", "Phòng Quản lý khoa học",
               "chien_si_thi_dua_co_so", {y: "httnv"},
               inits=(Initiative("Quy trình xét duyệt đề tài cấp tỉnh trực tuyến", "co_so", y, f"30/QĐ-SKHCN ngày 1/12/{y}"),
                      Initiative("Sổ tay hướng dẫn đăng ký sở hữu trí tuệ cho doanh nghiệp nhỏ", "co_so", y,
                                 f"30/QĐ-SKHCN ngày 1/12/{y}"))),
        Person("Lường Văn Kiên", False, D(1987, 9, 19), "Chuyên viên", "Phòng Quản lý công nghệ", "lao_dong_tien_tien",
               {y: "httnv"}, discipline=Discipline("khien_trach", y, f"15/QĐ-SKHCN ngày 3/4/{y}")),
        Person("Ma Thị Ngọc Hân", True, D(1991, 2, 11), "Chuyên viên", "Văn phòng Sở", "lao_dong_tien_tien",
               {y: "httnv"}),
        Person("Sùng A Páo", False, D(1989, 6, 30), "Chuyên viên", "Chi cục Tiêu chuẩn Đo lường Chất lượng",
               "lao_dong_tien_tien", {y: "httnv"},
               pending="Đang bị kiểm tra việc kê khai tài sản (Kế hoạch 08/KH-UBKT)"),
        Person("Nông Thị Hồng Thắm", True, D(1994, 12, 1), "Kế toán", "Văn phòng Sở", "chien_si_thi_dua_co_so",
               {y: "httnv"}),
        Person("Cầm Bá Thước", False, D(1979, 3, 25), "Phó Giám đốc Sở", "Ban Giám đốc", "chien_si_thi_dua_co_so",
               {y: "htxs"}),
    ]
    cols = [
        Col(("STT",), _name, counter="1", width=5),
        Col(("Họ và tên, chức vụ",), _name, ("name",), width=26),
        Col((f"Xếp loại năm {y}",), rating_any(y, 11), (f"rating:{y}",)),
        Col(("Sáng kiến",), lambda p: f"{p.inits[0].title} (cấp cơ sở)" if p.inits else None, ("init",), width=34),
        Col(("Kỷ luật",), lambda p: None, ("disc",), width=26),
        Col(("Đang bị thanh tra, kiểm tra",), lambda p: None, ("pending",), width=30),
        Col(("Danh hiệu đề nghị",), _award(), ("award",), width=22),
    ]
    # The second row of a person: the rest of their cells (the list was converted from a PDF, one visual line a row).
    more = {
        "Đoàn Thị Thanh Hương": {1: "Trưởng phòng Quản lý khoa học",
                                 3: "Sổ tay hướng dẫn đăng ký sở hữu trí tuệ cho doanh nghiệp nhỏ (cấp cơ sở)"},
        "Lường Văn Kiên": {1: "Chuyên viên Phòng Quản lý công nghệ",
                           4: f"Khiển trách (QĐ số 15/QĐ-SKHCN ngày 3/4/{y})"},
        "Sùng A Páo": {1: "Chuyên viên Chi cục TCĐLCL", 5: "Đang bị kiểm tra việc kê khai tài sản (Kế hoạch 08/KH-UBKT)"},
    }
    body: list[Any] = []
    for p in people:
        body.append(p)
        if p.name in more:
            body.append(Line(more[p.name], in_table=True))

    def continuation_cells(g: Grid) -> None:  # the facts on a continuation row are the person's above it
        fact_of = {4: "disc", 5: "pending", 3: "init"}
        for k, (obj, cells) in enumerate(g.nominee_cells):
            if obj.name not in more:
                continue
            row = int("".join(ch for ch in cells["name"] if ch.isdigit())) + 1
            for col, fact in fact_of.items():
                if col in more[obj.name]:  # the person's two cells in that column
                    cells = {**cells, fact: f"{ref(row - 1, col + 1)}:{ref(row, col + 1)}"}
            g.nominee_cells[k] = (obj, cells)
    n = len(cols)
    sheet = Sheet("Table 1", cols, body, after=continuation_cells,
                  top=[centered("SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH LONG GIANG", 3),
                       centered(f"DANH SÁCH ĐỀ NGHỊ XÉT DANH HIỆU THI ĐUA NĂM {y}", n)],
                  footer=[Line({1: "Danh sách có 06 người./."})])
    return CorpusList(
        "52-so-khcn-dong-noi-tiep", "Sở KH&CN, NĐ 152: bảng chuyển từ PDF — một người chiếm hai dòng: dòng thứ hai (STT "
        "trống) mang chức vụ dưới họ tên, sáng kiến thứ hai, và kỷ luật 'Khiển trách …' hoặc 'Đang bị kiểm tra …' "
        "chỉ ở dòng thứ hai", HOME_52, ("continuation-rows", "two-rows-per-nominee", "footer-forms"),
        "nd152-2025", D(2026, 1, 22), (y,), PROVINCE_COUNCIL, [sheet],
        notes="Dòng có STT trống ngay dưới một người, không có tên mới, là phần tiếp của người đó: kỷ luật ở đó là "
              "của người đó (NĐ 152 Điều 4 k4).")


# ------------------------------------------------------------------------------------------------ 53

AGENCY_53 = "Chi cục Thuế khu vực Tân Hải (hư cấu)"


def list_discipline_words() -> CorpusList:
    y = 2024
    people = [
        Person("Đào Thị Kim Liên", True, D(1986, 1, 9), "Kiểm tra viên", "Đội Kiểm tra", "lao_dong_tien_tien",
               {y: "httnv"}),
        Person("Lê Văn Chiến", False, D(1982, 5, 17), "Kiểm tra viên chính", "Đội Kiểm tra", "lao_dong_tien_tien",
               {y: "httnv"}),
        Person("Nguyễn Thị Hoài An", True, D(1990, 8, 30), "Chuyên viên", "Đội Hành chính", "lao_dong_tien_tien",
               {y: "httnv"}),
        Person("Phạm Văn Tài", False, D(1979, 11, 5), "Đội trưởng", "Đội Quản lý nợ", "chien_si_thi_dua_co_so",
               {y: "htxs"}),
        Person("Trần Thị Mỹ Duyên", True, D(1988, 3, 21), "Chuyên viên", "Đội Quản lý nợ", "lao_dong_tien_tien",
               {y: "httnv"}, odd={"disc": "Đã xóa kỷ luật"}),
        Person("Hoàng Văn Bình", False, D(1976, 7, 14), "Phó Chi cục trưởng", "Lãnh đạo Chi cục", "bang_khen_bo_tinh",
               {y - 1: "htxs", y: "htxs"}, titles={y - 1: "cstdcs", y: "cstdcs"},
               inits=(Initiative("Tra cứu nợ thuế qua tin nhắn", "co_so", y - 1, f"18/QĐ-CCT ngày 5/12/{y - 1}"),
                      Initiative("Bản đồ số hộ kinh doanh", "co_so", y, f"22/QĐ-CCT ngày 6/12/{y}")),
               discipline=Discipline("canh_cao", y - 2)),
        Person("Vũ Thị Thu Trang", True, D(1992, 10, 2), "Chuyên viên", "Đội Hành chính", "lao_dong_tien_tien",
               {y: "httnv"}, pending="Đang xem xét kỷ luật"),
        Person("Đinh Công Tráng", False, D(1984, 12, 12), "Kiểm tra viên", "Đội Kiểm tra", "lao_dong_tien_tien",
               {y: "httnv"}, odd={"disc": "Đã bị kỷ luật"}),
    ]
    words = {"Đào Thị Kim Liên": "Không có", "Lê Văn Chiến": "Chưa", "Nguyễn Thị Hoài An": "Không vi phạm",
             "Phạm Văn Tài": "Chưa bị kỷ luật", "Trần Thị Mỹ Duyên": "Đã xóa kỷ luật",
             "Hoàng Văn Bình": f"Cảnh cáo năm {y - 2} (đã được xóa kỷ luật)", "Vũ Thị Thu Trang": "Đang xem xét kỷ luật",
             "Đinh Công Tráng": "Đã bị kỷ luật"}
    cols = [
        Col(("STT",), _name, counter="1", width=5),
        Col(("Họ và tên",), _name, ("name",), width=22),
        Col(("Chức vụ",), lambda p: p.position),
        Col(("Đơn vị",), lambda p: p.dept),
        *[Col((f"Xếp loại năm {k}",), _rating(k), (f"rating:{k}",)) for k in (y - 1, y)],
        *[Col((f"Danh hiệu năm {k}",), lambda p, k=k: TITLE_SHORT.get(p.titles.get(k, "")), (f"title:{k}",))
          for k in (y - 1, y)],
        Col(("Sáng kiến (năm công nhận)",), lambda p: "\n".join(f"{i.title} ({i.year})" for i in p.inits) or "Không có",
            ("init",), width=30),
        Col(("Cấp công nhận sáng kiến",), lambda p: "Cơ sở" if p.inits else None, ("init",)),
        Col(("Kỷ luật",), lambda p: words[p.name], lambda p: ("pending", "disc") if p.pending else ("disc",), width=26),
        Col(("Danh hiệu đề nghị",), _award(), ("award",), width=24),
    ]
    n = len(cols)
    sheet = Sheet("DS", cols, people, top=[centered("CHI CỤC THUẾ KHU VỰC TÂN HẢI", 4),
                                           centered(f"DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM {y}", n)],
                  footer=[Line({1: "Tổng số: 08 người"}), Line({n - 3: "CHI CỤC TRƯỞNG"}, bold=True)])
    return CorpusList(
        "53-chi-cuc-thue-chu-ky-luat", "Chi cục Thuế, NĐ 98: cột 'Kỷ luật' viết bằng lời — 'Không có', 'Chưa', 'Không vi "
        "phạm', 'Chưa bị kỷ luật' (không có); 'Cảnh cáo năm 2022 (đã được xóa kỷ luật)' (ngoài 2 năm của Bằng khen); "
        "'Đang xem xét kỷ luật' (đang bị xem xét: không đạt); 'Đã xóa kỷ luật', 'Đã bị kỷ luật' (không rõ hình thức, "
        "năm: cần xem xét)", AGENCY_53, ("discipline-words", "negatives", "unknown-value", "footer-forms"),
        "nd98-2023", D(2025, 1, 20), (y,), PROVINCE_COUNCIL, [sheet],
        notes="'Đã xóa kỷ luật' không nói năm, hình thức: người đọc không biết kỷ luật có trong năm xét không → cần "
              "xem xét. Đang bị xem xét kỷ luật thì không khen (NĐ 98 Điều 4).")


# ------------------------------------------------------------------------------------------------ 54


def _below(second: Sheet) -> Callable[[Grid], None]:
    """Lay ``second`` out on the same sheet, below what is there (its ``top`` must leave the rows above empty)."""
    def after(g: Grid) -> None:
        h = layout(second)
        clash = set(g.cells) & set(h.cells)
        assert not clash, f"the second table overlaps the first: {sorted(clash)[:3]}"
        g.cells.update(h.cells)
        g.merges += h.merges
        g.bold |= h.bold
        g.bordered |= h.bordered
        g.formats.update(h.formats)
        g.nominee_cells += h.nominee_cells
        g.families |= h.families
    return after


def list_two_tables() -> CorpusList:
    y = 2025
    people = cohort_school(y)
    collectives = [replace(c, rating="htxs" if c.award == "tap_the_lao_dong_xuat_sac" else c.rating)
                   for c in cohort_school_collectives()]
    cols = [
        Col(("STT",), _name, counter="1", width=5),
        Col(("Họ và tên",), _name, ("name",), width=24),
        Col(("Chức vụ",), lambda p: p.position, width=20),
        Col(("Tổ chuyên môn",), lambda p: p.dept, width=20),
        Col(("Xếp loại năm học 2024-2025",), rating_any(y, 12), (f"rating:{y}",)),
        Col(("Sáng kiến (cấp cơ sở)",), lambda p: "\n".join(i.title for i in p.inits) or None, ("init",), width=30),
        Col(("Kỷ luật",), lambda p: f"{DISC_WORDS[p.discipline.form]} năm {p.discipline.year}" if p.discipline else None,
            ("disc",)),
        Col(("Đang bị xem xét kỷ luật",), lambda p: None, ("pending",)),
        Col(("Ngày tuyển dụng",), lambda p: p.recruited, ("recruited",)),
        Col(("Danh hiệu đề nghị",), _award(), ("award",), width=26),
    ]
    ccols = collective_cols()
    n = len(cols)
    first_rows = 6 + 1 + 1 + len(people) + 1  # top lines, gap, header, rows, the count line
    second = Sheet("Tập thể", ccols, collectives,
                   top=[*[Line({}) for _ in range(first_rows + 1)],
                        Line({0: "II. DANH SÁCH TẬP THỂ ĐỀ NGHỊ CÔNG NHẬN DANH HIỆU THI ĐUA"}, bold=True)],
                   footer=[Line({1: "Danh sách có 06 tập thể"}),
                           *sign_block(len(ccols), "NGƯỜI LẬP BIỂU", "HIỆU TRƯỞNG", "Lê Thị Bích Hạnh",
                                       "Trần Quang Khải")])
    sheet = Sheet("Danh sách", cols, people, after=_below(second),
                  top=[*agency_lines("SỞ GIÁO DỤC VÀ ĐÀO TẠO HẢI ĐÔNG", "TRƯỜNG THPT NGUYỄN TRÃI", n,
                                     "Tân Hải, ngày 30 tháng 6 năm 2025"),
                       centered("DANH SÁCH ĐỀ NGHỊ CÔNG NHẬN DANH HIỆU THI ĐUA NĂM HỌC 2024-2025", n),
                       Line({0: "I. DANH SÁCH CÁ NHÂN"}, bold=True)],
                  footer=[Line({1: "Danh sách có 08 cá nhân"})])
    return CorpusList(
        "54-truong-hai-bang-mot-trang", "Trường THPT, NĐ 152: hai bảng trên một trang tính — cá nhân ở trên, tập thể "
        "(tổ chuyên môn, với số liệu thành viên) ở dưới, mỗi bảng một dòng tiêu đề cột riêng", SCHOOL,
        ("two-tables-one-sheet", "collective-list", "collective-counts-with-words", "school-years", "footer-forms"),
        "nd152-2025", D(2025, 7, 10), (y,), SCHOOL_COUNCIL, [sheet],
        notes="Bảng thứ hai có tiêu đề cột riêng: cột của bảng trên không áp cho bảng dưới. TTLĐTT: tỷ lệ LĐTT do "
              "bộ/tỉnh quy định (Luật 2022 Điều 28 k3) → cần xem xét.")


# ------------------------------------------------------------------------------------------------ 55


def list_csv_sep_hint() -> CorpusList:
    y = 2025
    people = list(by_award(cohort_commune(y)))
    cols = [
        Col(("STT",), _name, counter="1"),
        Col(("Họ và tên",), _name, ("name",)),
        Col(("Ngày sinh",), lambda p: p.born.isoformat()),
        Col(("Chức vụ",), lambda p: p.position),
        Col(("Xếp loại",), lambda p: RATING_WORDS[p.ratings[y]], (f"rating:{y}",)),
        Col(("Sáng kiến",), lambda p: f"{p.inits[0].title}; cấp cơ sở; {p.inits[0].year}" if p.inits else "Không",
            ("init",)),
        Col(("Kỷ luật",), lambda p: f"{DISC_WORDS[p.discipline.form]} ({dmy(D(p.discipline.year, 6, 20))})"
            if p.discipline else "Không", ("disc",)),
        Col(("Đang bị thanh tra, kiểm tra",), lambda p: "Không", ("pending",)),
        Col(("Danh hiệu đề nghị",), _award(), ("award",)),
    ]
    sheet = Sheet("csv", cols, people,
                  top=[Line({}), Line({0: f"Danh sách đề nghị khen thưởng năm {y} - UBND xã Tân Phước"})],
                  gap_after_top=0,
                  footer=[Line({0: "Tổng: 10"})])
    return CorpusList(
        "55-xa-csv-sep-bom", "UBND xã, NĐ 152: CSV lưu từ Excel — dòng đầu 'sep=;' (Excel ghi để nói dấu phân cách), "
        "BOM UTF-8, một dòng tiêu đề, ngày sinh kiểu 2025-06-20; xếp loại cả năm ở cột 'Xếp loại' không ghi năm",
        COMMUNE_VNI, ("csv-sep-hint", "csv-title-lines", "csv-semicolon", "initiative-level-in-cell", "negatives",
                      "footer-forms"),
        "nd152-2025", D(2026, 1, 15), (y,), {"level": "xa", "name": "Hội đồng Thi đua - Khen thưởng xã Tân Phước",
                                            "members": 9}, [sheet], ext="csv",
        csv={"delimiter": ";", "encoding": "utf-8", "bom": True, "sep_hint": True},
        notes="Cột 'Xếp loại' không ghi năm: là năm của đợt xét (tiêu đề danh sách: năm 2025).")


# ------------------------------------------------------------------------------------------------ 56


def list_viscii_csv() -> CorpusList:
    y = 2021
    people = by_award(cohort_commune(y))
    cols = [
        Col(("TT",), _name, counter="1"),
        Col(("Họ và tên",), _name, ("name",)),
        Col(("Năm sinh",), lambda p: p.born.year),
        Col(("Chức vụ",), lambda p: p.position),
        Col((f"Xếp loại năm {y}",), _rating(y, RATING_WORDS), (f"rating:{y}",)),
        Col(("Sáng kiến, đề tài",), lambda p: f"{p.inits[0].title} - {INIT_LEVEL_WORDS['co_so']}" if p.inits else None,
            ("init",)),
        Col((f"Kỷ luật năm {y}",), lambda p: DISC_WORDS[p.discipline.form] if p.discipline else None, ("disc",)),
        Col(("Danh hiệu đề nghị",), _award(), ("award",)),
    ]
    sheet = Sheet("csv", cols, people,
                  top=[Line({0: "Ủy ban nhân dân xã Nà Phặc"}), Line({0: f"Danh sách đề nghị khen thưởng năm {y}"})],
                  footer=[Line({1: "Tổng cộng: 10 người"})])
    return CorpusList(
        "56-xa-csv-viscii", "UBND xã, NĐ 91: cùng người như 12, tệp CSV do phần mềm cũ xuất ở bảng mã VISCII (mỗi chữ "
        "có dấu một byte, chữ hoa có dấu dùng cả byte điều khiển), hai dòng tiêu đề", COMMUNE_TCVN3,
        ("legacy-encoding", "viscii", "csv-title-lines", "discipline-year-header", "footer-forms"),
        "nd91-2017", D(2022, 1, 20), (y,), {"level": "xa", "name": "Hội đồng Thi đua - Khen thưởng xã Nà Phặc",
                                           "members": 7}, [sheet], ext="csv", csv={"encoding": "viscii"},
        caps=nd91_caps(), same_facts_as="12-xa-tcvn3-nd91")


# ------------------------------------------------------------------------------------------------ 57


def list_bilingual_headers() -> CorpusList:
    y = 2024
    people = cohort_school(y)
    cols = [
        Col(("STT\nNo.",), _name, counter="1", width=5),
        Col(("Họ và tên\nFull name",), _name, ("name",), width=24),
        Col(("Giới tính\nGender",), _gender, width=8),
        Col(("Ngày sinh\nDate of birth",), lambda p: p.born, width=12),
        Col(("Chức vụ\nPosition",), lambda p: p.position, width=20),
        Col(("Tổ chuyên môn\nDepartment",), lambda p: p.dept, width=20),
        Col(("Xếp loại năm học 2023-2024\nPerformance 2023-2024",), lambda p: RATING_SHORT[p.ratings[y]],
            (f"rating:{y}",)),
        Col(("Sáng kiến kinh nghiệm\nInitiatives",), lambda p: "; ".join(i.title for i in p.inits) or None, ("init",),
            width=30),
        Col(("Cấp công nhận\nRecognised at",), lambda p: "Cơ sở" if p.inits else None, ("init",)),
        Col(("Kỷ luật\nDisciplinary action",), lambda p: DISC_WORDS[p.discipline.form] if p.discipline else None,
            ("disc",)),
        Col(("Năm kỷ luật\nYear",), lambda p: p.discipline.year if p.discipline else None, ("disc",)),
        Col(("Đang bị xem xét kỷ luật\nPending review",), lambda p: None, ("pending",)),
        Col(("Ngày tuyển dụng\nRecruited on",), lambda p: p.recruited, ("recruited",)),
        Col(("Danh hiệu đề nghị\nProposed title",), _award(), ("award",), width=24),
        Col(("Ghi chú\nNotes",), lambda p: p.special, width=20),
    ]
    n = len(cols)
    sheet = Sheet("List", cols, people, top=[
        centered("DANH SÁCH ĐỀ NGHỊ XÉT TẶNG DANH HIỆU THI ĐUA NĂM HỌC 2023-2024", n),
        centered("LIST OF NOMINEES FOR EMULATION TITLES, SCHOOL YEAR 2023-2024", n, bold=False),
        centered(SCHOOL, n, bold=False)])
    return CorpusList(
        "57-truong-tieu-de-song-ngu", "Trường THPT (chương trình song ngữ), NĐ 98: cùng người như 01, mỗi tiêu đề cột "
        "hai dòng Việt - Anh ('Kỷ luật\\nDisciplinary action'), tiêu đề danh sách cũng hai thứ tiếng", SCHOOL,
        ("bilingual-headers", "school-years", "footer-forms"), "nd98-2023", D(2024, 7, 5), (y,), SCHOOL_COUNCIL, [sheet],
        same_facts_as="01-truong-thpt-co-ban")


# ------------------------------------------------------------------------------------------------ 58

DISTRICT_58 = "Phòng Giáo dục và Đào tạo huyện Tân Hải (hư cấu)"


def list_mixed_kinds() -> CorpusList:
    y = 2025
    school_a, school_b = "Trường Tiểu học Tân Phước", "Trường THCS Tân Hòa"
    rows: list[Any] = [
        Section(f"1. {school_a}", span=False, col=1),
        Person("Lục Thị Thanh Nhàn", True, D(1986, 3, 4), "Giáo viên", school_a, "chien_si_thi_dua_co_so",
               {y: "htxs"}, unit=school_a),
        Person("Mông Văn Thạch", False, D(1980, 9, 9), "Phó Hiệu trưởng", school_a, "lao_dong_tien_tien",
               {y: "httnv"}, discipline=Discipline("khien_trach", y, f"06/QĐ-THTP ngày 02/4/{y}"), unit=school_a),
        Collective(f"Tổ khối 4, {school_a}", "tap_the_lao_dong_xuat_sac", 9, 8, 1, 9, unit=school_a),
        Collective(f"Tổ khối 5, {school_a}", "tap_the_lao_dong_xuat_sac", 10, 6, 1, 10, unit=school_a),
        Line({1: "Cộng trường (1): 02 cá nhân, 02 tập thể"}, in_table=True, bold=True),
        Section(f"2. {school_b}", span=False, col=1),
        Person("Quan Thị Bích", True, D(1990, 6, 6), "Giáo viên", school_b, "chien_si_thi_dua_co_so", {y: "httnv"},
               unit=school_b),
        Person("Hứa Minh Khang", False, D(1984, 2, 12), "Giáo viên", school_b, "lao_dong_tien_tien", {y: "httnv"},
               unit=school_b),
        Collective(f"Tổ Khoa học tự nhiên, {school_b}", "tap_the_lao_dong_xuat_sac", 12, 10, 0, 12, unit=school_b),
        Line({1: "Cộng trường (2): 02 cá nhân, 01 tập thể"}, in_table=True, bold=True),
    ]

    def person_only(f: Callable[[Person], Any]) -> Callable[[Any], Any]:
        return lambda n: f(n) if isinstance(n, Person) else None

    def group_only(f: Callable[[Collective], Any]) -> Callable[[Any], Any]:
        return lambda n: f(n) if isinstance(n, Collective) else None

    cols = [
        Col(("STT",), _name, counter="1", width=5),
        Col(("Tên cá nhân, tập thể",), _name, ("name",), width=34),
        Col(("Chức vụ",), person_only(lambda p: p.position), width=16),
        Col((f"Xếp loại năm học {y - 1}-{y}",),
            lambda n: RATING_SHORT[n.ratings[y]] if isinstance(n, Person) else RATING_SHORT[n.rating or ""],
            lambda n: (f"rating:{y}",) if isinstance(n, Person) else ("crating",)),
        Col(("Số liệu tập thể", "Tổng số thành viên"), group_only(lambda c: c.members), ("members",)),
        Col(("Số liệu tập thể", "Số đạt LĐTT"), group_only(lambda c: c.ltt), ("ltt",)),
        Col(("Số liệu tập thể", "Số đạt CSTĐCS"), group_only(lambda c: c.cstdcs), ("cstdcs",)),
        Col(("Số liệu tập thể", "Số hoàn thành nhiệm vụ"), group_only(lambda c: c.completed), ("completed",)),
        Col(("Sáng kiến (cấp cơ sở)",), person_only(lambda p: "\n".join(i.title for i in p.inits) or None),
            lambda n: ("init",) if isinstance(n, Person) else (), width=26),
        Col(("Kỷ luật",), person_only(lambda p: f"{DISC_WORDS[p.discipline.form]} năm {p.discipline.year}"
                                      if p.discipline else None),
            lambda n: ("disc",) if isinstance(n, Person) else ()),
        Col(("Đang bị xem xét kỷ luật, thanh tra",), lambda n: None,
            lambda n: ("pending",) if isinstance(n, Person) else ()),
        Col(("Danh hiệu đề nghị",), _award(), ("award",), width=26),
    ]
    n = len(cols)
    sheet = Sheet("Tổng hợp", cols, rows,
                  top=[centered("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN TÂN HẢI", 4),
                       centered(f"DANH SÁCH ĐỀ NGHỊ CÔNG NHẬN DANH HIỆU THI ĐUA NĂM HỌC {y - 1}-{y}", n)],
                  footer=[Line({1: "Tổng cộng: 04 cá nhân, 03 tập thể"}, bold=True),
                          Line({n - 3: "TRƯỞNG PHÒNG"}, bold=True)])
    return CorpusList(
        "58-phong-gd-ca-nhan-tap-the-chung-bang", "Phòng GD&ĐT, NĐ 152: cá nhân và tập thể chung một bảng (không có "
        "cột loại đối tượng: loại theo danh hiệu), số liệu tập thể ở các cột riêng để trống cho cá nhân, dòng "
        "'Cộng trường (1): …' giữa bảng sau mỗi trường", DISTRICT_58,
        ("mixed-kinds", "collective-list", "subtotal-rows", "section-rows", "two-row-header", "school-years",
         "footer-forms"),
        "nd152-2025", D(2025, 7, 15), (y,), {"level": "huyen", "name": "Hội đồng Thi đua - Khen thưởng huyện Tân Hải",
                                            "members": 9}, [sheet],
        notes="Tập thể lao động xuất sắc (Luật 2022 Điều 27): HTXS, 100 % hoàn thành nhiệm vụ, từ 70 % LĐTT, có "
              "CSTĐCS — Tổ khối 5 (6/10 LĐTT) và tổ không có CSTĐCS không đạt.")


# --------------------------------------------------------------------------------------------------

LISTS_UNSEEN: list[Callable[[], CorpusList]] = [
    list_abbreviated_headers,
    list_sheet_per_award,
    list_hidden_cells,
    list_repeated_header,
    list_dates_every_way,
    list_continuation_rows,
    list_discipline_words,
    list_two_tables,
    list_csv_sep_hint,
    list_viscii_csv,
    list_bilingual_headers,
    list_mixed_kinds,
]

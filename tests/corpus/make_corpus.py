"""Write the ingest corpus of issue 13: realistic nomination lists with the verdicts they must get.

    python tests/corpus/make_corpus.py          # rewrites tests/corpus/lists/ (byte for byte the same)

Every list is one unit's file as such units send it — a school, a hospital, a commune, a sở, a state
company, an HR system's CSV export, a list pasted from Word, a legacy-font file — and a YAML beside it
with the round (meeting date, achievement years, rule pack, council, register history, overlay) and,
per nominee, the name as a decision must print it, the award id, the verdict and the cells a finding
must name. Every name, unit and decision number is invented.

The facts come first (``cohort_*``: people and collectives with their ratings, titles, initiatives,
discipline …); ``corpus_core.expect`` gives each its verdict by the law and the pack; the layouts then
write the same facts in many shapes. Lists that share facts say so (``same_facts_as``): their verdicts
must agree, whatever the shape. Where a shape hides a disqualifier (a note, a merged cell, a second
column, a legacy font), the verdict is fail — never pass; where a value is one a careful reader cannot
understand, review naming its cell.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_core import (
    AWARD_WORDS,
    DISC_WORDS,
    FAIL,
    INIT_LEVEL_WORDS,
    RATING_SHORT,
    RATING_WORDS,
    REVIEW,
    TITLE_SHORT,
    Blank,
    Col,
    Collective,
    Discipline,
    Grid,
    Initiative,
    Line,
    Nominee,
    Overlay,
    Person,
    Prior,
    Section,
    Sheet,
    centered,
    dmy,
    expect,
    grid_rows,
    layout,
    shown,
    write_csv,
    write_xlsx,
)

HERE = Path(__file__).resolve().parent
OUT = HERE / "lists"
D = dt.date

# ============================================================================================ facts


def cohort_school(y: int) -> list[Person]:
    """Teachers and staff of a high school; ``y`` is the round's year (the school year y-1 – y)."""
    return [
        Person("Nguyễn Thị Thu Hằng", True, D(1985, 3, 12), "Tổ trưởng tổ Toán - Tin", "Tổ Toán - Tin",
               "chien_si_thi_dua_co_so", {y - 1: "htxs", y: "htxs"},
               inits=(Initiative("Ứng dụng GeoGebra trong dạy học hình học không gian lớp 11", "co_so", y,
                                 f"15/QĐ-THPTNT ngày 20/5/{y}"),)),
        Person("Trần Văn Khải", False, D(1979, 11, 2), "Giáo viên", "Tổ Vật lý - Công nghệ",
               "chien_si_thi_dua_co_so", {y - 1: "httnv", y: "htxs"}),
        Person("Lê Thị Minh Nguyệt", True, D(1990, 7, 25), "Giáo viên", "Tổ Ngữ văn",
               "chien_si_thi_dua_co_so", {y - 1: "httnv", y: "httnv"},
               inits=(Initiative("Tổ chức hoạt động đọc sách theo dự án cho học sinh lớp 10", "co_so", y,
                                 f"15/QĐ-THPTNT ngày 20/5/{y}"),)),
        Person("Phạm Quốc Bảo", False, D(1988, 1, 30), "Giáo viên", "Tổ Toán - Tin",
               "chien_si_thi_dua_co_so", {y - 1: "httnv", y: "httnv"}),
        Person("Đỗ Thị Hồng Vân", True, D(1992, 9, 14), "Giáo viên", "Tổ Ngữ văn",
               "lao_dong_tien_tien", {y - 1: "httnv", y: "httnv"}),
        Person("Hoàng Minh Tuấn", False, D(1983, 5, 5), "Giáo viên", "Tổ Thể dục - Quốc phòng",
               "lao_dong_tien_tien", {y - 1: "httnv", y: "htnv"}),
        Person("Vũ Thị Lan Phương", True, D(1987, 12, 20), "Kế toán", "Tổ Văn phòng",
               "lao_dong_tien_tien", {y - 1: "httnv", y: "httnv"},
               discipline=Discipline("khien_trach", y, f"08/QĐ-THPTNT ngày 12/3/{y}")),
        Person("Bùi Thanh Tâm", True, D(1995, 4, 18), "Giáo viên", "Tổ Tiếng Anh",
               "lao_dong_tien_tien", {y - 1: "htxs", y: "htxs"}, recruited=D(2019, 9, 1)),
    ]


def cohort_hospital(y: int) -> list[Person]:
    """Doctors, nurses and pharmacists of a district hospital; round's year ``y``."""
    return [
        Person("Ngô Đức Thịnh", False, D(1976, 8, 9), "Trưởng khoa Ngoại tổng hợp", "Khoa Ngoại tổng hợp",
               "bang_khen_bo_tinh", {y - 1: "htxs", y: "htxs"}, titles={y - 1: "cstdcs", y: "cstdcs"},
               inits=(Initiative("Quy trình phẫu thuật nội soi cắt ruột thừa ngày thứ nhất", "co_so", y - 1,
                                 f"21/QĐ-BVĐK ngày 10/11/{y - 1}"),
                      Initiative("Giảm thời gian nằm viện sau mổ bằng vận động sớm", "co_so", y,
                                 f"33/QĐ-BVĐK ngày 08/11/{y}"))),
        Person("Đinh Thị Mai Hương", True, D(1981, 2, 17), "Điều dưỡng trưởng khoa", "Khoa Nội tổng hợp",
               "bang_khen_bo_tinh", {y - 1: "httnv", y: "htxs"}, titles={y - 1: "ldtt", y: "cstdcs"},
               inits=(Initiative("Bảng kiểm chăm sóc người bệnh đái tháo đường", "co_so", y - 1,
                                 f"21/QĐ-BVĐK ngày 10/11/{y - 1}"),
                      Initiative("Phòng ngừa loét tì đè ở người bệnh nằm lâu", "co_so", y,
                                 f"33/QĐ-BVĐK ngày 08/11/{y}"))),
        Person("Lý Văn Hào", False, D(1984, 10, 1), "Bác sĩ", "Khoa Hồi sức tích cực",
               "bang_khen_bo_tinh", {y - 1: "htxs", y: "htxs"}, titles={y - 1: "cstdcs", y: "cstdcs"},
               inits=(Initiative("Theo dõi áp lực ổ bụng ở người bệnh thở máy", "co_so", y,
                                 f"33/QĐ-BVĐK ngày 08/11/{y}"),)),
        Person("Tạ Thị Ngọc Ánh", True, D(1989, 6, 22), "Dược sĩ", "Khoa Dược",
               "chien_si_thi_dua_co_so", {y: "htxs"},
               inits=(Initiative("Phần mềm cảnh báo tương tác thuốc tại nhà thuốc bệnh viện", "co_so", y,
                                 f"33/QĐ-BVĐK ngày 08/11/{y}"),),
               pending="Đang bị thanh tra việc mua sắm thuốc (Đoàn thanh tra Sở Y tế)"),
        Person("Mạc Văn Đông", False, D(1997, 1, 11), "Bác sĩ", "Khoa Cấp cứu",
               "lao_dong_tien_tien", {y: "httnv"}, recruited=D(y, 9, 1)),
        Person("Châu Thị Bích Ngọc", True, D(1993, 3, 3), "Kỹ thuật viên xét nghiệm", "Khoa Xét nghiệm",
               "lao_dong_tien_tien", {y: "httnv"}, recruited=D(2016, 4, 1)),
        Person("Khúc Thị Thanh Huyền", True, D(1991, 12, 5), "Điều dưỡng", "Khoa Nhi",
               "chien_si_thi_dua_co_so", {y: "httnv"},
               inits=(Initiative("Góc vui chơi giảm lo âu cho trẻ trước tiêm truyền", "co_so", y,
                                 f"33/QĐ-BVĐK ngày 08/11/{y}"),)),
        Person("Lưu Quang Vinh", False, D(1972, 4, 27), "Phó Giám đốc", "Ban Giám đốc",
               "chien_si_thi_dua_co_so", {y: "htxs"},
               discipline=Discipline("khien_trach", y - 3, f"05/QĐ-SYT ngày 02/3/{y - 3}")),
    ]



# Names of a big school's staff, combined deterministically (every combination is invented).
_FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
           "Trịnh", "Đinh", "Lâm", "Phan", "Mai", "Tô", "Hà", "Cao", "Lương", "Kiều"]
_MIDDLE_F = ["Thị", "Thị Thu", "Thị Ngọc", "Thị Kim", "Thị Hải", "Thùy", "Thị Mỹ", "Thị Thanh"]
_MIDDLE_M = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Thành", "Công", "Xuân"]
_GIVEN_F = ["Lan", "Hoa", "Yến", "Trang", "Nhung", "Hạnh", "Thảo", "Loan", "Vy", "Duyên", "Hiền", "Quyên"]
_GIVEN_M = ["Hùng", "Dũng", "Long", "Nam", "Phong", "Sơn", "Khánh", "Trung", "Hiếu", "Tùng", "Đạt", "Lộc"]
_DEPTS_THCS = ["Tổ Toán - Lý", "Tổ Văn - Sử - Địa", "Tổ Ngoại ngữ", "Tổ Hóa - Sinh", "Tổ Văn phòng"]


def staff_names(n: int, seed: int) -> list[tuple[str, bool]]:
    out = []
    for i in range(n):
        female = (i * 5 + seed) % 3 != 0
        fam = _FAMILY[(i * 7 + seed * 5) % len(_FAMILY)]
        mid = (_MIDDLE_F if female else _MIDDLE_M)[(i * 3 + seed) % 8]
        giv = (_GIVEN_F if female else _GIVEN_M)[(i * 5 + seed * 7) % 12]
        out.append((f"{fam} {mid} {giv}", female))
    assert len({n for n, _ in out}) == n, "staff names must be distinct"
    return out


def cohort_thcs(y: int, cstdcs: int = 4, ldtt: int = 20, seed: int = 3,
                names: Sequence[tuple[str, bool]] | None = None) -> list[Person]:
    """A lower-secondary school proposing ``ldtt`` LĐTT and ``cstdcs`` CSTĐCS, every one of them qualified
    on its own (HTXS and a recognised initiative for the CSTĐCS): only the 15 % cap of NĐ 91 can bite."""
    out = []
    for i, (name, female) in enumerate(names or staff_names(cstdcs + ldtt, seed)):
        dept = _DEPTS_THCS[i % len(_DEPTS_THCS)]
        born = D(1975 + (i * 7) % 22, 1 + (i * 5) % 12, 1 + (i * 11) % 27)
        if i < cstdcs:
            out.append(Person(name, female, born, "Giáo viên", dept, "chien_si_thi_dua_co_so", {y: "htxs"},
                              inits=(Initiative(f"Sáng kiến kinh nghiệm số {i + 1} năm học {y - 1}-{y}", "co_so", y,
                                                f"{40 + i}/QĐ-THCSLS ngày 25/5/{y}"),),
                              priority=i + 1))
        else:
            out.append(Person(name, female, born, "Giáo viên" if dept != "Tổ Văn phòng" else "Nhân viên", dept,
                              "lao_dong_tien_tien", {y: "httnv" if i % 4 else "htxs"}))
    return out


def cohort_commune(y: int) -> list[Person]:
    """Cán bộ, công chức of a commune People's Committee."""
    return [
        Person("Nông Văn Thắng", False, D(1978, 2, 14), "Chủ tịch UBND xã", "UBND xã", "chien_si_thi_dua_co_so",
               {y: "htxs"}, inits=(Initiative("Mô hình trồng quế xen cây ăn quả trên đất dốc", "co_so", y,
                                              f"102/QĐ-UBND ngày 15/11/{y}"),)),
        Person("Hà Thị Huệ", True, D(1986, 9, 3), "Công chức Tư pháp - Hộ tịch", "UBND xã", "lao_dong_tien_tien",
               {y: "httnv"}),
        Person("Lò Văn Sơn", False, D(1983, 12, 30), "Công chức Địa chính - Xây dựng", "UBND xã",
               "lao_dong_tien_tien", {y: "httnv"}, discipline=Discipline("khien_trach", y, f"45/QĐ-UBND ngày 20/6/{y}")),
        Person("Triệu Thị Mến", True, D(1990, 5, 19), "Công chức Văn hóa - Xã hội", "UBND xã", "lao_dong_tien_tien",
               {y: "htnv"}),
        Person("Sầm Văn Lực", False, D(1975, 7, 7), "Phó Chủ tịch UBND xã", "UBND xã", "lao_dong_tien_tien",
               {y: "htxs"}),
        Person("Bế Thị Thanh Xuân", True, D(1988, 11, 11), "Công chức Tài chính - Kế toán", "UBND xã",
               "lao_dong_tien_tien", {y: "httnv"}),
        Person("Hoàng Văn Chung", False, D(1980, 1, 25), "Chỉ huy trưởng Ban Chỉ huy Quân sự xã", "UBND xã",
               "lao_dong_tien_tien", {y: "httnv"}),
        Person("Mã Thị Lệ", True, D(1992, 3, 8), "Công chức Văn phòng - Thống kê", "UBND xã", "lao_dong_tien_tien",
               {y: "httnv"}),
        Person("Đàm Văn Quyết", False, D(1987, 10, 2), "Phó Trưởng Công an xã", "UBND xã", "lao_dong_tien_tien",
               {y: "httnv"}),
        Person("Lục Thị Nga", True, D(1996, 6, 16), "Bí thư Đoàn xã", "UBND xã", "giay_khen", {y: "htxs"}),
    ]


def cohort_school_collectives() -> list[Collective]:
    """Subject groups (tổ chuyên môn) of a school, with the counts their collective titles need."""
    return [
        Collective("Tổ Toán - Tin", "tap_the_lao_dong_xuat_sac", 14, 12, 2, 14),
        Collective("Tổ Ngữ văn", "tap_the_lao_dong_xuat_sac", 12, 8, 1, 12),
        Collective("Tổ Tiếng Anh", "tap_the_lao_dong_tien_tien", 10, 6, 0, 10, reprimanded=1, rating="httnv"),
        Collective("Tổ Khoa học tự nhiên", "tap_the_lao_dong_tien_tien", 16, 10, 1, 15, disciplined=1,
                   rating="httnv"),
        Collective("Tổ Văn phòng", "tap_the_lao_dong_xuat_sac", 8, 7, 0, 8),
        Collective("Tổ Thể dục - Quốc phòng", "tap_the_lao_dong_tien_tien", 6, 3, 0, 6, rating="httnv"),
    ]


def cohort_company(y: int) -> list[Person]:
    """Workers of a state company, rated the way the company rates them."""
    return [
        Person("Trương Văn Hải", False, D(1982, 4, 4), "Tổ trưởng tổ Vận hành", "Phân xưởng Vận hành",
               "lao_dong_tien_tien", {y: "htxs"}, odd={f"rating:{y}": "Loại A"}),
        Person("Phùng Thị Thu", True, D(1990, 8, 21), "Công nhân vận hành", "Phân xưởng Vận hành",
               "lao_dong_tien_tien", {y: "httnv"}, odd={f"rating:{y}": "Loại B"}),
        Person("Quách Văn Lâm", False, D(1986, 2, 9), "Kỹ sư điện", "Phân xưởng Sửa chữa", "lao_dong_tien_tien",
               {y: "httnv"}),
        Person("Văn Thị Hồng Gấm", True, D(1993, 12, 1), "Nhân viên kế toán", "Phòng Tài chính - Kế toán",
               "lao_dong_tien_tien", {y: "httnv"}),
        Person("Lã Đức Mạnh", False, D(1979, 6, 30), "Công nhân sửa chữa", "Phân xưởng Sửa chữa", "lao_dong_tien_tien",
               {y: "htnv"}, odd={f"rating:{y}": "Loại C"}),
        Person("Âu Thị Kim Oanh", True, D(1988, 3, 15), "Chuyên viên nhân sự", "Phòng Tổ chức - Hành chính",
               "lao_dong_tien_tien", {y: "httnv"}, odd={f"rating:{y}": "Đạt"}),
    ]



def _cstdcs_years(*years: int) -> dict[int, str]:
    return dict.fromkeys(years, "cstdcs")


def cohort_department(y: int) -> list[Person]:
    """Officials of a provincial department (sở) proposed for CSTĐ cấp tỉnh, Bằng khen and CSTĐCS."""
    return [
        Person("Phan Văn Hiển", False, D(1975, 6, 2), "Trưởng phòng Quản lý đất đai", "Phòng Quản lý đất đai",
               "chien_si_thi_dua_bo_tinh", {y - 2: "htxs", y - 1: "htxs", y: "htxs"},
               titles=_cstdcs_years(y - 2, y - 1, y),
               inits=(Initiative("Quy trình số hóa hồ sơ địa chính cấp xã", "bo_tinh", y,
                                 f"1520/QĐ-UBND ngày 12/11/{y}"),)),
        Person("Trịnh Thị Thanh Mai", True, D(1980, 10, 13), "Phó Chánh Văn phòng", "Văn phòng Sở",
               "chien_si_thi_dua_bo_tinh", {y - 2: "htxs", y - 1: "httnv", y: "htxs"},
               titles={y - 2: "cstdcs", y - 1: "ldtt", y: "cstdcs"},
               inits=(Initiative("Một cửa điện tử liên thông thủ tục môi trường", "bo_tinh", y,
                                 f"1520/QĐ-UBND ngày 12/11/{y}"),)),
        Person("Kiều Minh Đức", False, D(1983, 1, 7), "Chuyên viên", "Chi cục Bảo vệ môi trường",
               "chien_si_thi_dua_bo_tinh", {y - 2: "htxs", y - 1: "htxs", y: "htxs"},
               titles=_cstdcs_years(y - 2, y - 1, y),
               inits=(Initiative("Bản đồ điểm nóng ô nhiễm trên nền GIS", "co_so", y, f"88/QĐ-STNMT ngày 30/10/{y}"),)),
        Person("Lâm Thị Ngọc Bích", True, D(1986, 4, 19), "Phó Trưởng phòng", "Phòng Tài nguyên nước",
               "bang_khen_bo_tinh", {y - 1: "htxs", y: "htxs"}, titles=_cstdcs_years(y - 1, y),
               inits=(Initiative("Sổ tay cấp phép khai thác nước ngầm", "co_so", y - 1, f"75/QĐ-STNMT ngày 02/11/{y - 1}"),
                      Initiative("Cơ sở dữ liệu giếng khoan toàn tỉnh", "co_so", y, f"88/QĐ-STNMT ngày 30/10/{y}"))),
        Person("Dương Quốc Toàn", False, D(1979, 9, 28), "Chuyên viên chính", "Phòng Khoáng sản",
               "chien_si_thi_dua_co_so", {y - 1: "httnv", y: "htxs"}, titles={y - 1: "ldtt"}),
        Person("Cao Thị Hồng Nhung", True, D(1988, 2, 3), "Chuyên viên", "Văn phòng Sở", "bang_khen_bo_tinh",
               {y - 1: "htxs", y: "htxs"}, titles=_cstdcs_years(y - 1, y),
               inits=(Initiative("Chuẩn hóa mẫu văn bản trình ký điện tử", "co_so", y - 1, f"75/QĐ-STNMT ngày 02/11/{y - 1}"),
                      Initiative("Theo dõi hạn xử lý văn bản bằng bảng tính dùng chung", "co_so", y,
                                 f"88/QĐ-STNMT ngày 30/10/{y}")),
               discipline=Discipline("khien_trach", y - 1, f"12/QĐ-STNMT ngày 05/6/{y - 1}")),
    ]


def _five(y: int, **over: str) -> dict[int, str]:
    r = dict.fromkeys(range(y - 4, y + 1), "httnv")
    r.update({int(k[1:]): v for k, v in over.items()})
    return r


def cohort_pm_commendation(y: int, bk_text: dict[str, str] | None = None) -> list[Person]:
    """Officials proposed for the Prime Minister's Bằng khen (Luật 2022 Điều 73 k1 b): a Bằng khen bộ/tỉnh
    five years before, five years rated HTTNV or better with three CSTĐ cơ sở."""
    return [
        Person("Nguyễn Hữu Phước", False, D(1970, 12, 1), "Giám đốc Trung tâm Kỹ thuật", "Trung tâm Kỹ thuật",
               "bang_khen_thu_tuong", _five(y, **{f"y{y - 2}": "htxs", f"y{y}": "htxs"}),
               titles=_cstdcs_years(y - 4, y - 2, y),
               priors=(Prior("bang_khen_bo_tinh", y - 5, decision="1187/QĐ-UBND", date=D(y - 4, 4, 15)),)),
        Person("Hồ Thị Thúy Hằng", True, D(1974, 5, 16), "Phó Giám đốc Sở", "Ban Giám đốc", "bang_khen_thu_tuong",
               _five(y, **{f"y{y}": "htxs"}), titles=_cstdcs_years(y - 4, y - 3, y - 1),
               priors=(Prior("bang_khen_bo_tinh", y - 3, decision="905/QĐ-UBND", date=D(y - 2, 3, 30)),)),
        Person("Lương Văn Thái", False, D(1972, 8, 24), "Trưởng phòng Kế hoạch - Tài chính", "Phòng Kế hoạch - Tài chính",
               "bang_khen_thu_tuong", _five(y), titles=_cstdcs_years(y - 4, y - 2, y)),
        Person("Tô Thị Kim Chi", True, D(1978, 3, 9), "Chánh Thanh tra Sở", "Thanh tra Sở", "bang_khen_thu_tuong",
               _five(y, **{f"y{y - 2}": "htnv"}), titles=_cstdcs_years(y - 4, y - 3, y),
               priors=(Prior("bang_khen_bo_tinh", y - 6, decision="2210/QĐ-BTC", date=D(y - 5, 6, 1)),)),
        Person("Mạc Đình Khôi", False, D(1976, 11, 30), "Phó Trưởng phòng Tổ chức cán bộ", "Phòng Tổ chức cán bộ",
               "bang_khen_thu_tuong", _five(y), titles=_cstdcs_years(y - 3, y - 1),
               priors=(Prior("bang_khen_bo_tinh", y - 5, decision="1187/QĐ-UBND", date=D(y - 4, 4, 15)),)),
        Person("Đàm Thị Phương Thảo", True, D(1979, 7, 3), "Phó Chi cục trưởng", "Chi cục Biển và Hải đảo",
               "bang_khen_thu_tuong", _five(y, **{f"y{y - 1}": "htxs"}), titles=_cstdcs_years(y - 4, y - 2, y),
               priors=(Prior("bang_khen_bo_tinh", y - 5, decision="1310/QĐ-UBND", date=D(y - 5, 10, 20),
                             type="dot_xuat"),)),
    ]


def cohort_school_pm_nd91(y: int) -> list[Person]:
    """Teachers proposed for the Prime Minister's Bằng khen under NĐ 91 Điều 38 k1 c: a Bằng khen bộ/tỉnh,
    then five years HTXS with five initiatives (school years y-4 … y)."""
    def inits(n: int) -> tuple[Initiative, ...]:
        return tuple(Initiative(f"Sáng kiến kinh nghiệm năm học {k - 1}-{k}", "co_so", k, f"{30 + k % 100}/QĐ-SGDĐT")
                     for k in range(y - n + 1, y + 1))
    htxs5 = dict.fromkeys(range(y - 4, y + 1), "htxs")
    return [
        Person("Đặng Thị Hoài Thu", True, D(1978, 2, 2), "Giáo viên", "Tổ Ngữ văn", "bang_khen_thu_tuong", htxs5,
               inits=inits(5), priors=(Prior("bang_khen_bo_tinh", y - 5, decision="2041/QĐ-UBND", date=D(y - 5, 8, 20)),)),
        Person("Vương Đình Hòa", False, D(1975, 7, 17), "Tổ trưởng chuyên môn", "Tổ Toán", "bang_khen_thu_tuong", htxs5,
               inits=inits(4), priors=(Prior("bang_khen_bo_tinh", y - 5, decision="2041/QĐ-UBND", date=D(y - 5, 8, 20)),)),
        Person("Nghiêm Thị Lệ Thủy", True, D(1980, 12, 12), "Giáo viên", "Tổ Hóa - Sinh", "bang_khen_thu_tuong", htxs5,
               inits=inits(5), priors=(Prior("bang_khen_bo_tinh", y - 3, decision="1633/QĐ-UBND", date=D(y - 3, 8, 25)),)),
        Person("Cù Văn Tiến", False, D(1973, 4, 4), "Phó Hiệu trưởng", "Ban Giám hiệu", "bang_khen_thu_tuong",
               {**htxs5, y - 2: "httnv"}, inits=inits(5),
               priors=(Prior("bang_khen_bo_tinh", y - 5, decision="2041/QĐ-UBND", date=D(y - 5, 8, 20)),)),
    ]


def cohort_labour_order(y: int) -> list[Person]:
    """Hospital leaders proposed for Huân chương Lao động hạng Ba (Luật 2022 Điều 44 k1 e)."""
    pm = Prior("bang_khen_thu_tuong", y - 5, y - 9, "456/QĐ-TTg", D(y - 4, 3, 20))
    return [
        Person("Trần Quốc Việt", False, D(1968, 9, 9), "Giám đốc", "Ban Giám đốc", "huan_chuong_lao_dong_hang_ba",
               _five(y, **{f"y{y - 2}": "htxs", f"y{y}": "htxs"}), titles=_cstdcs_years(y - 4, y - 2, y), priors=(pm,)),
        Person("Lê Thị Diệu Linh", True, D(1971, 1, 21), "Phó Giám đốc", "Ban Giám đốc", "huan_chuong_lao_dong_hang_ba",
               _five(y, **{f"y{y}": "htxs"}), titles=_cstdcs_years(y - 2, y), priors=(pm,)),
        Person("Phạm Văn Nghĩa", False, D(1969, 6, 6), "Trưởng khoa Nội tim mạch", "Khoa Nội tim mạch",
               "huan_chuong_lao_dong_hang_ba", _five(y, **{f"y{y - 1}": "htxs"}), titles=_cstdcs_years(y - 4, y - 2, y),
               priors=(Prior("bang_khen_thu_tuong", y - 3, y - 7, "1290/QĐ-TTg", D(y - 2, 9, 1)),)),
        Person("Võ Thị Thanh Tâm", True, D(1972, 10, 10), "Trưởng phòng Điều dưỡng", "Phòng Điều dưỡng",
               "huan_chuong_lao_dong_hang_ba", _five(y), titles=_cstdcs_years(y - 4, y - 2, y), priors=(pm,)),
    ]


def cohort_company_initiatives(y: int) -> list[Person]:
    """Engineers and workers of a state company, initiatives written every way."""
    return [
        Person("Đoàn Văn Tâm", False, D(1985, 5, 5), "Kỹ sư", "Phòng Kỹ thuật", "chien_si_thi_dua_co_so", {y: "httnv"},
               inits=(Initiative("Cải tiến gá lắp công tơ", "co_so", y, f"12/QĐ-ĐLHĐ ngày 20/10/{y}"),)),
        Person("Thái Thị Thu Hà", True, D(1990, 2, 20), "Kỹ sư", "Phòng Điều độ", "chien_si_thi_dua_co_so", {y: "httnv"},
               inits=(Initiative("", "co_so", y, f"15/QĐ-ĐLHĐ ngày 20/10/{y}"),)),
        Person("Giáp Văn Cường", False, D(1982, 8, 8), "Công nhân", "Đội Quản lý lưới điện", "chien_si_thi_dua_co_so",
               {y: "httnv"}),
        Person("La Thị Hồng", True, D(1987, 12, 25), "Nhân viên", "Phòng Kinh doanh", "chien_si_thi_dua_co_so",
               {y: "httnv"}),
        Person("Ninh Văn Phúc", False, D(1984, 3, 13), "Công nhân", "Đội Quản lý lưới điện", "chien_si_thi_dua_co_so",
               {y: "httnv"}, odd={"init": "x"}),
        Person("Lạc Thị Mai", True, D(1989, 7, 1), "Kế toán viên", "Phòng Tài chính - Kế toán", "chien_si_thi_dua_co_so",
               {y: "htxs"}),
        Person("Tăng Văn Bảo", False, D(1991, 9, 19), "Công nhân", "Phân xưởng Sửa chữa", "lao_dong_tien_tien",
               {y: "httnv"}),
        Person("Hầu Thị Nguyệt", True, D(1993, 11, 4), "Nhân viên", "Phòng Kinh doanh", "lao_dong_tien_tien",
               {y: "httnv"}, discipline=Discipline("khien_trach", y, f"07/QĐ-ĐLHĐ ngày 10/3/{y}")),
    ]


def cohort_company_collectives() -> list[Collective]:
    return [
        Collective("Phân xưởng Vận hành 1", "tap_the_lao_dong_xuat_sac", 45, 40, 3, 45, women=12),
        Collective("Phân xưởng Sửa chữa", "tap_the_lao_dong_xuat_sac", 38, 30, 2, 37, women=5),
        Collective("Phòng Kỹ thuật", "tap_the_lao_dong_tien_tien", 15, 12, 1, 15, rating="httnv", women=4),
        Collective("Phòng Kinh doanh", "tap_the_lao_dong_xuat_sac", 20, 16, 1, 20, disciplined=1, women=14),
        Collective("Đội Quản lý lưới điện", "tap_the_lao_dong_xuat_sac", 30, 25, 0, 30, women=2),
        Collective("Tổ Hành chính", "giay_khen", 6, 5, 0, 6, rating="httnv", women=5),
    ]


# ========================================================================================= the lists


@dataclass
class CorpusList:
    id: str
    title: str  # who sends it, in what shape
    unit: str
    classes: tuple[str, ...]
    rules: str
    meeting: dt.date
    years: tuple[int, ...]
    council: dict[str, Any]
    sheets: Sequence[Sheet]
    ext: str = "xlsx"
    csv: dict[str, Any] = field(default_factory=dict)
    pass_year: bool = True  # give --year to validate (False: the list's own title/period must give it)
    overlay: Overlay | None = None
    overlay_yaml: str | None = None
    history: Sequence[Sequence[Any]] | None = None  # rows of the register file to import (header first)
    same_facts_as: str | None = None
    notes: str = ""
    caps: Callable[[list[dict[str, Any]], list[tuple[Any, dict[str, str]]]], None] | None = None
    sheet_of_nominees: tuple[str, ...] | None = None  # the sheets that hold nominees (others: guides, lookups)

    @property
    def file(self) -> str:
        return f"{self.id}.{self.ext}"


# ------------------------------------------------------------------------------------ column kits

def _name(p: Nominee) -> str:
    return p.name


def _gender(p: Person) -> str:
    return "Nữ" if p.female else "Nam"


def _rating(y: int, words: dict[str, str] = RATING_SHORT) -> Callable[[Person], Any]:
    return lambda p: shown(p, f"rating:{y}", words.get(p.ratings.get(y, "")))


def _init_names(p: Person) -> str | None:
    return shown(p, "init", "\n".join(i.title for i in p.inits) or None)


def _init_years(p: Person) -> str | int | None:
    if len(p.inits) == 1:
        return p.inits[0].year
    return "\n".join(str(i.year) for i in p.inits) or None


def _disc_form(p: Person) -> str | None:
    return shown(p, "disc", DISC_WORDS[p.discipline.form] if p.discipline else None)


def _disc_year(p: Person) -> int | None:
    return p.discipline.year if p.discipline else None


def _award(words: dict[str, str] = AWARD_WORDS) -> Callable[[Nominee], str]:
    return lambda n: words[n.award]


def _title(y: int, words: dict[str, str] = TITLE_SHORT) -> Callable[[Person], str | None]:
    return lambda p: shown(p, f"title:{y}", words.get(p.titles.get(y, "")))


def plain_individual(years: Sequence[int], *, titles: Sequence[int] = (), recruited: bool = False,
                     dept: str = "Phòng, ban") -> list[Col]:
    """One header row, one fact per column, the plainest way to write the facts."""
    cols = [
        Col(("STT",), _name, counter="1", width=5),
        Col(("Họ và tên",), _name, ("name",), width=24),
        Col(("Giới tính",), _gender, width=8),
        Col(("Ngày sinh",), lambda p: p.born, width=12),
        Col(("Chức vụ",), lambda p: p.position, width=20),
        Col((dept,), lambda p: p.dept, width=20),
    ]
    cols += [Col((f"Xếp loại năm {y}",), _rating(y), (f"rating:{y}",)) for y in years]
    cols += [Col((f"Danh hiệu năm {y}",), _title(y), (f"title:{y}",)) for y in titles]
    cols += [
        Col(("Tên sáng kiến",), lambda p: shown(p, "init", "; ".join(i.title for i in p.inits) or None),
            ("init",), width=30),
        Col(("Số sáng kiến",), lambda p: len(p.inits) or None, ("init",)),
        Col(("Cấp công nhận sáng kiến",), lambda p: "; ".join(sorted({INIT_LEVEL_WORDS[i.level].removeprefix("cấp ").capitalize() for i in p.inits})) or None, ("init",)),
        Col(("Năm công nhận sáng kiến",), lambda p: "; ".join(str(i.year) for i in p.inits) if len(p.inits) > 1 else (p.inits[0].year if p.inits else None), ("init",)),
        Col(("Hình thức kỷ luật",), _disc_form, ("disc",)),
        Col(("Năm kỷ luật",), _disc_year, ("disc",)),
        Col(("Đang bị xem xét kỷ luật",), lambda p: shown(p, "pending", "Có" if p.pending else None), ("pending",)),
    ]
    if recruited:
        cols.append(Col(("Ngày tuyển dụng",), lambda p: p.recruited, ("recruited",)))
    cols += [
        Col(("Danh hiệu đề nghị",), _award(), ("award",), width=24),
        Col(("Ghi chú",), lambda p: p.special, width=24),
    ]
    return cols


def agency_lines(parent: str, agency: str, ncols: int, place_date: str) -> list[Line]:
    """The two-column header of an administrative list: agency left, Quốc hiệu right."""
    half = ncols // 2
    return [
        Line({0: parent, half: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"}, bold=False),
        Line({0: agency, half: "Độc lập - Tự do - Hạnh phúc"}, bold=True),
        Line({half: place_date}),
    ]


def sign_block(ncols: int, left: str, right: str, name_left: str, name_right: str) -> list[Line | Blank]:
    half = ncols // 2
    return [
        Blank(),
        Line({1: left, half: right}, bold=True),
        Line({half: "(Ký tên, đóng dấu)"}),
        Blank(),
        Blank(),
        Line({1: name_left, half: name_right}, bold=True),
    ]


# ------------------------------------------------------------------------------------------ lists

SCHOOL = "Trường THPT Nguyễn Trãi, huyện Tân Hải, tỉnh Hải Đông"
HOSPITAL = "Trung tâm Y tế huyện Long Điền, tỉnh Hải Đông"


def list_school_plain() -> CorpusList:
    y = 2024
    people = cohort_school(y)
    cols = plain_individual([y], recruited=True, dept="Tổ chuyên môn")
    sheet = Sheet("Danh sách", cols, people, top=[
        centered("DANH SÁCH ĐỀ NGHỊ XÉT TẶNG DANH HIỆU THI ĐUA NĂM HỌC 2023-2024", len(cols)),
        centered(SCHOOL, len(cols), bold=False),
    ])
    return CorpusList(
        "01-truong-thpt-co-ban", "Trường THPT: danh sách cá nhân, một dòng tiêu đề, mỗi cột một dữ kiện",
        SCHOOL, ("plain", "school-year-title"), "nd98-2023", D(2024, 7, 5), (y,),
        {"level": "don_vi", "name": "Hội đồng Thi đua - Khen thưởng Trường THPT Nguyễn Trãi", "members": 7},
        [sheet], notes="Năm học 2023-2024 kết thúc tháng 5/2024: xét như năm 2024 (năm kết thúc năm học).")


def list_hospital_plain() -> CorpusList:
    y = 2024
    people = cohort_hospital(y)
    cols = plain_individual([y - 1, y], titles=[y - 1, y], recruited=True, dept="Khoa, phòng")
    sheet = Sheet("DS ca nhan", cols, people, top=[
        centered("DANH SÁCH CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG NĂM 2024", len(cols)),
        centered(HOSPITAL, len(cols), bold=False),
    ])
    return CorpusList(
        "09-benh-vien-co-ban", "Trung tâm Y tế huyện: danh sách cá nhân, một dòng tiêu đề, hai năm xếp loại",
        HOSPITAL, ("plain",), "nd98-2023", D(2025, 2, 14), (y,),
        {"level": "don_vi", "name": "Hội đồng Thi đua - Khen thưởng Trung tâm Y tế huyện Long Điền", "members": 9},
        [sheet])


def pick(n: Nominee, options: Sequence[str], salt: int = 0) -> str:
    """One of ``options`` for this nominee, the same every run (a unit's clerks do not all write alike)."""
    return options[(sum(map(ord, n.name)) + salt) % len(options)]


RATING_WAYS = {
    "htxs": ["HTXSNV", "HTXS nhiệm vụ", "HT xuất sắc NV", "Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành xuất sắc NV"],
    "httnv": ["HTTNV", "Hoàn thành tốt NV", "Hoàn thành tốt nhiệm vụ", "HT tốt nhiệm vụ"],
    "htnv": ["HTNV", "Hoàn thành nhiệm vụ", "HT nhiệm vụ"],
    "khtnv": ["Không hoàn thành nhiệm vụ", "KHTNV"],
}
TITLE_WAYS = {
    "cstdcs": ["CSTĐCS", "CS TĐCS", "Chiến sỹ thi đua cơ sở", "Chiến sĩ thi đua cơ sở", "CSTĐ cấp cơ sở"],
    "ldtt": ["LĐTT", "Lao động tiên tiến", "LĐ tiên tiến"],
    "cstdbt": ["CSTĐ cấp tỉnh", "Chiến sĩ thi đua cấp tỉnh", "Chiến sỹ thi đua tỉnh"],
}
AWARD_WAYS = {
    "lao_dong_tien_tien": ["Lao động tiên tiến", "LĐTT", "Danh hiệu Lao động tiên tiến"],
    "chien_si_thi_dua_co_so": ["Chiến sĩ thi đua cơ sở", "Chiến sỹ thi đua cơ sở", "CSTĐCS", "CS TĐCS"],
}


def rating_any(y: int, salt: int = 0) -> Callable[[Person], Any]:
    return lambda p: shown(p, f"rating:{y}", pick(p, RATING_WAYS[p.ratings[y]], salt) if y in p.ratings else None)


def title_any(y: int, salt: int = 0) -> Callable[[Person], Any]:
    return lambda p: shown(p, f"title:{y}", pick(p, TITLE_WAYS[p.titles[y]], salt) if y in p.titles else None)


def award_any(salt: int = 0) -> Callable[[Nominee], str]:
    return lambda n: pick(n, AWARD_WAYS.get(n.award, [AWARD_WORDS[n.award]]), salt)


def by_award(people: Sequence[Person]) -> list[Person]:
    order = ["chien_si_thi_dua_bo_tinh", "bang_khen_thu_tuong", "bang_khen_bo_tinh", "chien_si_thi_dua_co_so",
             "lao_dong_tien_tien", "giay_khen"]
    return sorted(people, key=lambda p: order.index(p.award))


def nd91_caps(unit_of: Callable[[Person], str] | None = None):  # type: ignore[no-untyped-def]
    """NĐ 91/2017 Điều 9 k3: CSTĐ cơ sở ≤ 15 % of the people rated LĐTT in the unit (a CSTĐCS is also
    LĐTT). Over the cap the CSTĐCS of that unit become review (the council chooses N of M), unless the
    list gives its own priority order: then the first N stay as they are and the others fail on it.
    A unit whose list holds no LĐTT cannot be checked: its CSTĐCS are review. The lists are built so that
    counting every proposed person or only those who qualify gives the same N (asserted here)."""

    def apply(entries: list[dict[str, Any]], placed: list[tuple[Any, dict[str, str]]]) -> None:
        groups: dict[str, list[int]] = {}
        for i, (obj, _c) in enumerate(placed):
            if isinstance(obj, Person) and obj.award in ("lao_dong_tien_tien", "chien_si_thi_dua_co_so"):
                groups.setdefault(unit_of(obj) if unit_of else "", []).append(i)
        for rows in groups.values():
            cst = [i for i in rows if placed[i][0].award == "chien_si_thi_dua_co_so"]
            if not cst:
                continue
            ok = [i for i in rows if entries[i]["verdict"] != FAIL]
            allowed_all, allowed_ok = (15 * len(rows)) // 100, (15 * len(ok)) // 100
            over_all, over_ok = len(cst) > allowed_all, len([i for i in cst if i in ok]) > allowed_ok
            assert over_all == over_ok and (not over_all or allowed_all == allowed_ok), "ambiguous cap"
            only_cst = all(placed[i][0].award == "chien_si_thi_dua_co_so" for i in rows)
            if not over_all and not only_cst:
                continue
            ranked = [i for i in cst if placed[i][0].priority is not None and "priority" in placed[i][1]]
            for i in cst:
                e = entries[i]
                if e["verdict"] == FAIL:
                    continue
                if only_cst:
                    e["verdict"], e["why"] = REVIEW, "danh sách không có LĐTT: không kiểm được trần 15 % (NĐ 91 Điều 9 k3)"
                elif ranked and len(ranked) == len(cst):
                    rank = placed[i][0].priority
                    if rank > allowed_all:
                        e["verdict"] = FAIL
                        e["cells"] = sorted({*e["cells"], placed[i][1]["priority"]})
                        e["why"] = f"thứ tự ưu tiên {rank} ngoài {allowed_all} suất (15 % của {len(rows)} LĐTT)"
                    else:
                        e["why"] += f"; trong {allowed_all} suất theo thứ tự ưu tiên của danh sách"
                else:
                    e["verdict"] = REVIEW
                    e["why"] = (f"vượt trần 15 %: {len(cst)} CSTĐCS / {len(rows)} LĐTT, tối đa {allowed_all} — "
                                "Hội đồng chọn (NĐ 91 Điều 9 k3)")

    return apply


def school_top(ncols: int, title: str, sub: str, date: str) -> list[Line]:
    return [*agency_lines("SỞ GIÁO DỤC VÀ ĐÀO TẠO HẢI ĐÔNG", "TRƯỜNG THPT NGUYỄN TRÃI", ncols, date),
            Line({}), centered(title, ncols), centered(sub, ncols, bold=False)]


def born_nam_nu(top: str = "Ngày, tháng, năm sinh", year_only: bool = False) -> list[Col]:
    """The usual Vietnamese layout: the birth date under "Nam" or "Nữ", which gives the gender."""
    def val(female: bool) -> Callable[[Person], Any]:
        return lambda p: ((p.born.year if year_only else p.born) if p.female == female else None)
    return [Col((top, "Nam"), val(False), width=11), Col((top, "Nữ"), val(True), width=11)]


def _decision_of_inits(p: Person) -> str | None:
    return "\n".join(f"QĐ số {i.decision}" for i in p.inits) or None


SCHOOL_COUNCIL = {"level": "don_vi", "name": "Hội đồng Thi đua - Khen thưởng Trường THPT Nguyễn Trãi", "members": 7}


def list_school_two_rows() -> CorpusList:
    y = 2024
    people = cohort_school(y)
    cols = [
        Col(("STT",), _name, counter="1", width=5),
        Col(("Họ và tên",), _name, ("name",), width=24),
        *born_nam_nu(),
        Col(("Chức vụ",), lambda p: p.position),
        Col(("Tổ chuyên môn",), lambda p: p.dept),
        Col(("Kết quả đánh giá, xếp loại viên chức", "Năm học 2022-2023"), rating_any(y - 1), (f"rating:{y - 1}",)),
        Col(("Kết quả đánh giá, xếp loại viên chức", "Năm học 2023-2024"), rating_any(y), (f"rating:{y}",)),
        Col(("Sáng kiến kinh nghiệm", "Tên sáng kiến"), _init_names, ("init",), width=30),
        Col(("Sáng kiến kinh nghiệm", "Cấp công nhận"), lambda p: "\n".join("Cấp cơ sở" for _ in p.inits) or None,
            ("init",)),
        Col(("Sáng kiến kinh nghiệm", "Số, ngày QĐ công nhận"), _decision_of_inits, ("init",)),
        Col(("Kỷ luật",), lambda p: (f"{DISC_WORDS[p.discipline.form]} (QĐ số {p.discipline.decision})"
                                     if p.discipline else None), ("disc",), width=22),
        Col(("Danh hiệu đề nghị",), _award(), ("award",), merge_down=True),
        Col(("Ghi chú",), lambda p: p.special),
    ]
    n = len(cols)
    sheet = Sheet("DS thi dua", cols, people, numbering="arabic",
                  top=school_top(n, "DANH SÁCH ĐỀ NGHỊ CÔNG NHẬN DANH HIỆU THI ĐUA", "Năm học 2023-2024",
                                 "Tân Hải, ngày 28 tháng 6 năm 2024"),
                  footer=[Line({0: "Danh sách gồm 08 người./."}, merge_to=5),
                          *sign_block(n, "NGƯỜI LẬP BIỂU", "HIỆU TRƯỞNG", "Lê Thị Bích Hạnh", "Trần Quang Khải")])
    return CorpusList(
        "02-truong-thpt-hai-tang-nam-hoc", "Trường THPT: tiêu đề hai tầng, năm học làm tiêu đề phụ, ngày sinh dưới "
        "Nam/Nữ, Số, ngày QĐ dưới nhóm sáng kiến, danh hiệu gộp ô theo nhóm, dòng 'Danh sách gồm 08 người./.'",
        SCHOOL, ("two-row-header", "school-years", "merged-down-value", "decision-under-initiative",
                 "rating-aliases", "footer-forms", "numbering-row", "birth-under-gender"),
        "nd98-2023", D(2024, 7, 5), (y,), SCHOOL_COUNCIL, [sheet], same_facts_as="01-truong-thpt-co-ban",
        notes="Năm học 2023-2024 xét như năm 2024 (năm kết thúc năm học).")


def list_school_tcvn3() -> CorpusList:
    y = 2024
    people = cohort_school(y)
    cols = [
        Col(("STT",), _name, counter="1", width=5),
        Col(("Họ và tên",), _name, ("name",), width=24),
        Col(("Giới tính",), _gender),
        Col(("Năm sinh",), lambda p: p.born.year),
        Col(("Chức vụ",), lambda p: p.position),
        Col(("Tổ",), lambda p: p.dept),
        Col(("Xếp loại năm học 2023-2024",), _rating(y, RATING_WORDS), (f"rating:{y}",), width=26),
        Col(("Sáng kiến (tên, cấp công nhận)",),
            lambda p: "\n".join(f"{i.title} ({INIT_LEVEL_WORDS[i.level]})" for i in p.inits) or "Không", ("init",)),
        Col(("Kỷ luật",), lambda p: f"{DISC_WORDS[p.discipline.form]} tháng 3/{p.discipline.year}" if p.discipline
            else "Không", ("disc",)),
        Col(("Danh hiệu đề nghị",), _award(), ("award",)),
        Col(("Ghi chú",), lambda p: p.special),
    ]
    n = len(cols)
    sheet = Sheet("Sheet1", cols, people, font=".VnTime", encode="tcvn3",
                  top=[centered("Trường THPT Nguyễn Trãi", n),
                       centered("DANH SÁCH ĐỀ NGHỊ XÉT THI ĐUA NĂM HỌC 2023-2024", n)],
                  footer=[Line({1: "Danh sách có 08 người"}), Line({n - 4: "Tân Hải, ngày 27 tháng 6 năm 2024"}),
                          Line({n - 4: "HIỆU TRƯỞNG"}, bold=True)])
    return CorpusList(
        "03-truong-thpt-tcvn3", "Trường THPT: cả trang tính gõ bằng phông TCVN3 (.VnTime) — họ tên, giới tính, "
        "xếp loại viết đủ chữ, sáng kiến, kỷ luật, danh hiệu", SCHOOL,
        ("legacy-encoding", "negatives", "initiative-level-in-cell", "footer-forms"),
        "nd98-2023", D(2024, 7, 5), (y,), SCHOOL_COUNCIL, [sheet], same_facts_as="01-truong-thpt-co-ban")


def list_school_word() -> CorpusList:
    y = 2024
    people = cohort_school(y)
    odd_space = {"Lê Thị Minh Nguyệt": "Lê\u00a0Thị\u00a0Minh Nguyệt", "Phạm Quốc Bảo": "Phạm Quốc Bảo\u200b",
                 "Bùi Thanh Tâm": " Bùi  Thanh Tâm "}
    cols = [
        Col(("TT",), _name, counter="1.", width=5),
        Col(("Họ và tên\n(chức vụ)",), lambda p: f"{odd_space.get(p.name, p.name)}\n{p.position}", ("name",), width=28),
        Col(("Năm sinh",), lambda p: str(p.born.year)),
        Col(("Tổ chuyên môn",), lambda p: p.dept),
        Col(("Xếp loại năm học 2023 - 2024",), lambda p: "- " + RATING_WORDS[p.ratings[y]], (f"rating:{y}",), width=26),
        Col(("Sáng kiến kinh nghiệm",),
            lambda p: "\n".join(f"{k}. {i.title} (cấp cơ sở, QĐ số {i.decision})" for k, i in enumerate(p.inits, 1))
            or "- Không có", ("init",), width=36),
        Col(("Kỷ luật",), lambda p: (f"• {DISC_WORDS[p.discipline.form]}, QĐ số {p.discipline.decision}"
                                     if p.discipline else "• Không"), ("disc",), width=24),
        Col(("Danh hiệu đề nghị",), lambda p: "• " + AWARD_WORDS[p.award], ("award",), width=24),
    ]
    sheet = Sheet("Table 1", cols, people, font="Times New Roman",
                  top=[Line({0: "DANH SÁCH ĐỀ NGHỊ TẶNG DANH HIỆU THI ĐUA NĂM HỌC 2023 - 2024"}, bold=True),
                       Line({0: "(Kèm theo Tờ trình số 12/TTr-THPTNT ngày 28/6/2024 của Trường THPT Nguyễn Trãi)"})],
                  gap_after_top=0,
                  footer=[Line({0: "Ấn định danh sách 08 (tám) người./."})])
    return CorpusList(
        "04-truong-thpt-dan-tu-word", "Trường THPT: bảng dán từ Word — họ tên và chức vụ chung một ô (xuống dòng), "
        "gạch đầu dòng và đánh số trong ô, khoảng trắng không ngắt, ký tự rộng 0", SCHOOL,
        ("word-pasted-cells", "bullets-in-cells", "negatives", "footer-forms", "nbsp-zero-width"),
        "nd98-2023", D(2024, 7, 5), (y,), SCHOOL_COUNCIL, [sheet], same_facts_as="01-truong-thpt-co-ban")


def list_school_csv() -> CorpusList:
    y = 2024
    people = cohort_school(y)
    cols = [
        Col(("Mã CB",), lambda p: f"GV{1000 + sum(map(ord, p.name)) % 900:04d}"),
        Col(("Họ và tên",), _name, ("name",)),
        Col(("Ngày sinh",), lambda p: dmy(p.born)),
        Col(("Giới tính",), _gender),
        Col(("Chức danh",), lambda p: p.position),
        Col(("Bộ phận",), lambda p: p.dept),
        Col(("Kết quả đánh giá năm học 2023-2024",), _rating(y, RATING_WORDS), (f"rating:{y}",)),
        Col(("Sáng kiến (tên; cấp; năm)",),
            lambda p: " | ".join(f"{i.title}; Cơ sở; {i.year}" for i in p.inits), ("init",)),
        Col(("Kỷ luật",), lambda p: DISC_WORDS[p.discipline.form] + f" ({p.discipline.year})" if p.discipline else "",
            ("disc",)),
        Col(("Đề nghị danh hiệu",), _award(), ("award",)),
    ]
    sheet = Sheet("csv", cols, people,
                  top=[Line({0: "SỞ GIÁO DỤC VÀ ĐÀO TẠO HẢI ĐÔNG - PHẦN MỀM QUẢN LÝ NHÂN SỰ"}),
                       Line({0: "TRƯỜNG THPT NGUYỄN TRÃI"}),
                       Line({0: "DANH SÁCH CÁN BỘ, GIÁO VIÊN ĐỀ NGHỊ KHEN THƯỞNG NĂM HỌC 2023-2024"}),
                       Line({0: "Ngày xuất: 01/07/2024 09:15"})],
                  footer=[Line({0: "Tổng số: 8 người"})])
    return CorpusList(
        "05-truong-thpt-csv-cp1258", "Trường THPT: tệp CSV xuất từ phần mềm nhân sự — 4 dòng tiêu đề không có dấu "
        "phân cách phía trên, dấu ';', bảng mã Windows-1258", SCHOOL,
        ("csv-title-lines", "csv-semicolon", "csv-cp1258", "initiative-level-in-cell", "footer-forms"),
        "nd98-2023", D(2024, 7, 5), (y,), SCHOOL_COUNCIL, [sheet], ext="csv",
        csv={"delimiter": ";", "encoding": "cp1258"}, same_facts_as="01-truong-thpt-co-ban")


THCS = "Trường THCS Lê Lợi, huyện Tân Hải, tỉnh Hải Đông"
THCS_COUNCIL = {"level": "don_vi", "name": "Hội đồng Thi đua - Khen thưởng Trường THCS Lê Lợi", "members": 7}


def _thcs_cols(y: int, school_year: str, priority: bool) -> list[Col]:
    cols = [
        Col(("STT",), _name, counter="1", width=5),
        Col(("Họ và tên",), _name, ("name",), width=24),
        *born_nam_nu("Năm sinh", year_only=True),
        Col(("Tổ chuyên môn",), lambda p: p.dept),
        Col(("Xếp loại", school_year), rating_any(y), (f"rating:{y}",)),
        Col(("Sáng kiến kinh nghiệm", "Tên sáng kiến"), _init_names, ("init",), width=30),
        Col(("Sáng kiến kinh nghiệm", "Cấp"), lambda p: "Cơ sở" if p.inits else None, ("init",)),
        Col(("Kỷ luật",), _disc_form, ("disc",)),
    ]
    if priority:
        cols.append(Col(("Thứ tự ưu tiên",), lambda p: p.priority if p.award == "chien_si_thi_dua_co_so" else None,
                        ("priority",)))
    cols.append(Col(("Danh hiệu đề nghị",), _award(), ("award",)))
    return cols


def _thcs_body(people: list[Person]) -> list[Any]:
    cst = [p for p in people if p.award == "chien_si_thi_dua_co_so"]
    ldtt = [p for p in people if p.award == "lao_dong_tien_tien"]
    return [Section("I. Danh hiệu Chiến sĩ thi đua cơ sở"), *cst, Section("II. Danh hiệu Lao động tiên tiến"), *ldtt]


def list_thcs_cap(priority: bool) -> CorpusList:
    y = 2023
    people = cohort_thcs(y)
    cols = _thcs_cols(y, "Năm học 2022-2023", priority)
    n = len(cols)
    sheet = Sheet("Tổng hợp", cols, _thcs_body(people), numbering="paren",
                  top=[centered("PHÒNG GD&ĐT HUYỆN TÂN HẢI", 4), centered("TRƯỜNG THCS LÊ LỢI", 4),
                       centered("DANH SÁCH ĐỀ NGHỊ CÔNG NHẬN DANH HIỆU THI ĐUA NĂM HỌC 2022-2023", n)],
                  footer=[Line({1: "Tổng cộng: 24 người (CSTĐCS: 04; LĐTT: 20)"}, bold=True),
                          Line({n - 3: "Tân Hải, ngày 10 tháng 7 năm 2023"}),
                          Line({1: "Người lập biểu", n - 3: "HIỆU TRƯỞNG"}, bold=True)])
    kind = "thu-tu-uu-tien" if priority else "vuot-tran"
    return CorpusList(
        f"{'07' if priority else '06'}-truong-thcs-nd91-{kind}",
        "Trường THCS, NĐ 91: 4 CSTĐCS trên 24 người đạt LĐTT (vượt trần 15 %)"
        + (", danh sách có cột thứ tự ưu tiên" if priority else ""),
        THCS, ("list-cap", "school-years", "section-rows", "two-row-header", "footer-forms", "birth-under-gender")
        + (("priority-order",) if priority else ()),
        "nd91-2017", D(2023, 7, 20), (y,), THCS_COUNCIL, [sheet], caps=nd91_caps(),
        notes="15 % của 24 = 3,6 → tối đa 3 CSTĐCS." + (" Cùng người như 06, thêm thứ tự ưu tiên: thứ tự của danh "
                                                        "sách quyết định 3 người trong suất." if priority
                                                        else " Hội đồng phải chọn 3 trong 4."))


def list_thcs_nd98() -> CorpusList:
    y = 2024
    people = cohort_thcs(y)
    cols = [
        Col(("STT",), _name, counter="01", width=5),
        Col(("Họ và tên",), _name, ("name",), width=24),
        Col(("Nữ",), lambda p: "x" if p.female else None),
        Col(("Tổ",), lambda p: p.dept),
        Col(("Đánh giá năm học 2023-2024",), rating_any(y, 1), (f"rating:{y}",)),
        Col(("Sáng kiến",), lambda p: f"{p.inits[0].title} (Cơ sở)" if p.inits else "-", ("init",), width=30),
        Col(("Kỷ luật",), lambda p: _disc_form(p) or "-", ("disc",)),
        Col(("Đề nghị", "LĐTT"), lambda p: "x" if p.award == "lao_dong_tien_tien" else None, ("award",)),
        Col(("Đề nghị", "CSTĐCS"), lambda p: "x" if p.award == "chien_si_thi_dua_co_so" else None, ("award",)),
    ]
    sheet = Sheet("DS", cols, people, top=[centered("DANH SÁCH ĐỀ NGHỊ THI ĐUA NĂM HỌC 2023-2024 - TRƯỜNG THCS LÊ LỢI",
                                                   len(cols))],
                  footer=[Line({1: "Cộng: 24"}), Line({1: "Người lập"})])
    return CorpusList(
        "08-truong-thcs-nd98-danh-dau", "Trường THCS, NĐ 98: cùng 24 người, danh hiệu đề nghị đánh dấu 'x' dưới "
        "LĐTT / CSTĐCS, giới tính là dấu 'x' ở cột Nữ — không còn trần 15 %", THCS,
        ("award-tick-matrix", "school-years", "negatives", "footer-forms", "initiative-level-in-cell"),
        "nd98-2023", D(2024, 7, 18), (y,), THCS_COUNCIL, [sheet],
        notes="Cùng người như danh sách 06, xét năm học 2023-2024 theo NĐ 98: Luật 2022 Điều 23 không có trần 15 %.")


HOSPITAL_COUNCIL = {"level": "don_vi", "name": "Hội đồng Thi đua - Khen thưởng Trung tâm Y tế huyện Long Điền",
                    "members": 9}


def _hospital_top(n: int, title: str, date: str) -> list[Line]:
    return [*agency_lines("SỞ Y TẾ TỈNH HẢI ĐÔNG", "TRUNG TÂM Y TẾ HUYỆN LONG ĐIỀN", n, date), Line({}),
            centered(title, n)]


def list_hospital_three_rows() -> CorpusList:
    y = 2024
    people = cohort_hospital(y)
    cols = [
        Col(("STT",), _name, counter="1", width=5),
        Col(("Họ và tên",), _name, ("name",), width=22),
        Col(("Năm sinh",), lambda p: p.born.year),
        Col(("Chức vụ, khoa/phòng",), lambda p: f"{p.position}, {p.dept}", width=26),
        Col(("Thành tích", "Xếp loại CCVC", y - 1), rating_any(y - 1), (f"rating:{y - 1}",)),
        Col(("Thành tích", "Xếp loại CCVC", y), rating_any(y), (f"rating:{y}",)),
        Col(("Thành tích", "Danh hiệu thi đua", y - 1), title_any(y - 1), (f"title:{y - 1}",)),
        Col(("Thành tích", "Danh hiệu thi đua", y), title_any(y), (f"title:{y}",)),
        Col(("Thành tích", "Sáng kiến", "Tên sáng kiến"), _init_names, ("init",), width=30),
        Col(("Thành tích", "Sáng kiến", "Cấp"), lambda p: "\n".join("Cơ sở" for _ in p.inits) or None, ("init",)),
        Col(("Thành tích", "Sáng kiến", "Số, ngày QĐ"),
            lambda p: "\n".join(i.decision for i in p.inits) or None, ("init",), width=22),
        Col(("Kỷ luật", "Hình thức kỷ luật"), lambda p: (f"{DISC_WORDS[p.discipline.form]} (QĐ số {p.discipline.decision})"
                                                      if p.discipline else None), ("disc",), width=22),
        Col(("Kỷ luật", "Đang bị xem xét kỷ luật / thanh tra, kiểm tra"), lambda p: p.pending, ("pending",), width=24),
        Col(("Ngày tuyển dụng",), lambda p: p.recruited, ("recruited",)),
        Col(("Hình thức đề nghị",), _award(), ("award",), width=24),
        Col(("Ghi chú",), lambda p: p.special),
    ]
    n = len(cols)
    sheet = Sheet("Cá nhân", cols, by_award(people), numbering="paren",
                  top=_hospital_top(n, "DANH SÁCH CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG NĂM 2024", "Long Điền, ngày 10 tháng 01 năm 2025"),
                  footer=[Line({1: "Tổng cộng: 08 cá nhân"}, bold=True, in_table=True),
                          *sign_block(n, "NGƯỜI LẬP BIỂU", "GIÁM ĐỐC", "Phan Thị Thu Trang", "Lưu Quang Vinh")])
    return CorpusList(
        "10-benh-vien-ba-tang", "Trung tâm Y tế: tiêu đề ba tầng gộp ô (Thành tích › Xếp loại › 2023, 2024 gõ bằng số), "
        "nhóm sáng kiến có cột 'Số, ngày QĐ', hai cột kỷ luật (hình thức / đang bị xem xét, thanh tra)",
        HOSPITAL, ("multi-row-header", "year-subheaders-numbers", "decision-under-initiative", "two-columns-one-field",
                   "rating-aliases", "title-award-aliases", "numbering-row", "footer-forms"),
        "nd98-2023", D(2025, 2, 14), (y,), HOSPITAL_COUNCIL, [sheet], same_facts_as="09-benh-vien-co-ban")


def list_hospital_notes() -> CorpusList:
    y = 2025
    people = [replace(p, special="Nghỉ thai sản từ 01/3/2025 đến 31/8/2025") if p.name == "Châu Thị Bích Ngọc" else p
              for p in cohort_hospital(y)]

    def note(p: Person) -> str | None:
        if p.pending:
            return p.pending
        if p.recruited and p.recruited.year == y:
            return f"Tuyển dụng từ ngày {dmy(p.recruited, pad=False)}"
        return p.special

    def note_facts(p: Person) -> tuple[str, ...]:
        return ("pending", "recruited")

    cols = [
        Col(("STT",), _name, counter="1", width=5),
        Col(("Họ và tên",), _name, ("name",), width=22),
        Col(("Ngày sinh",), lambda p: dmy(p.born)),
        Col(("Giới tính",), _gender),
        Col(("Chức vụ",), lambda p: p.position),
        Col(("Khoa, phòng",), lambda p: p.dept),
        Col((f"Xếp loại năm {y - 1}",), rating_any(y - 1, 2), (f"rating:{y - 1}",)),
        Col((f"Xếp loại năm {y}",), rating_any(y, 2), (f"rating:{y}",)),
        Col((f"Danh hiệu năm {y - 1}",), title_any(y - 1, 1), (f"title:{y - 1}",)),
        Col((f"Danh hiệu năm {y}",), title_any(y, 1), (f"title:{y}",)),
        Col(("Sáng kiến (tên - cấp - năm)",),
            lambda p: "\n".join(f"{k}. {i.title} - Cơ sở - {i.year}" for k, i in enumerate(p.inits, 1)) or None,
            ("init",), width=36),
        Col(("Kỷ luật",), lambda p: (f"Khiển trách năm {p.discipline.year} (đã hết thời hạn)" if p.discipline
                                     else None), ("disc",), width=20),
        Col(("Hình thức đề nghị",), _award(), ("award",)),
        Col(("Ghi chú",), note, note_facts, width=30, states=False),
    ]
    n = len(cols)
    sheet = Sheet("DS", cols, by_award(people),
                  top=_hospital_top(n, "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2025", "Long Điền, ngày 12 tháng 01 năm 2026"),
                  footer=[Line({1: "Danh sách có 08 cá nhân./."}),
                          *sign_block(n, "NGƯỜI LẬP", "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", "Phan Thị Thu Trang", "Lưu Quang Vinh")])
    return CorpusList(
        "11-benh-vien-nd152-ghi-chu", "Trung tâm Y tế, NĐ 152: thanh tra, kỷ luật đã hết hạn, ngày tuyển dụng và nghỉ thai "
        "sản chỉ ghi ở cột 'Ghi chú'; nhiều sáng kiến đánh số trong một ô", HOSPITAL,
        ("notes-facts", "initiative-level-in-cell", "rating-aliases", "title-award-aliases", "footer-forms"),
        "nd152-2025", D(2026, 1, 20), (y,), HOSPITAL_COUNCIL, [sheet],
        notes="Cùng người như 09, xét năm 2025 theo NĐ 152: tuyển dụng dưới 06 tháng là tiêu chí chưa xác thực → "
              "cần xem xét; nghỉ thai sản được tính (NĐ 152 Điều 4 k5).")


COMMUNE_TCVN3 = "UBND xã Nà Phặc, huyện Ngân Sơn, tỉnh Bắc Hà (hư cấu)"


def list_commune_tcvn3() -> CorpusList:
    y = 2021
    people = by_award(cohort_commune(y))
    cols = [
        Col(("TT",), _name, counter="1", width=5),
        Col(("Họ và tên",), _name, ("name",), width=22),
        Col(("Năm sinh",), lambda p: p.born.year),
        Col(("Chức vụ",), lambda p: p.position, width=26),
        Col((f"Xếp loại năm {y}",), _rating(y, RATING_WORDS), (f"rating:{y}",), width=24),
        Col(("Sáng kiến, đề tài",), lambda p: f"{p.inits[0].title} - cấp cơ sở" if p.inits else None, ("init",),
            width=30),
        Col((f"Kỷ luật năm {y}",), lambda p: DISC_WORDS[p.discipline.form] if p.discipline else None, ("disc",)),
        Col(("Danh hiệu đề nghị",), _award(), ("award",), width=22),
        Col(("Ghi chú",), lambda p: None),
    ]
    n = len(cols)
    sheet = Sheet("Sheet1", cols, people, font=".VnTime", encode="tcvn3",
                  top=[Line({0: "Ủy ban nhân dân xã Nà Phặc"}, bold=True),
                       centered(f"Danh sách đề nghị khen thưởng năm {y}", n)],
                  footer=[Line({1: "Tổng cộng: 10 người"}, bold=True), Blank(),
                          Line({1: "Người lập biểu", n - 3: "T/M UBND xã\nChủ tịch"}, bold=True)])
    return CorpusList(
        "12-xa-tcvn3-nd91", "UBND xã, NĐ 91: danh sách gõ phông TCVN3, cột 'Kỷ luật năm 2021' (năm trong tiêu đề cột)",
        COMMUNE_TCVN3, ("legacy-encoding", "discipline-year-header", "footer-forms"),
        "nd91-2017", D(2022, 1, 20), (y,),
        {"level": "xa", "name": "Hội đồng Thi đua - Khen thưởng xã Nà Phặc", "members": 7}, [sheet],
        caps=nd91_caps(), notes="1 CSTĐCS trên 9 người đề nghị LĐTT/CSTĐCS (7 người đạt): trong trần 15 %.")


COMMUNE_VNI = "UBND xã Tân Phước, tỉnh Long Giang (hư cấu)"


def list_commune_vni() -> CorpusList:
    y = 2025
    people = by_award(cohort_commune(y))
    people.append(Person("Gia đình ông Ma Văn Tiến", False, D(1970, 1, 1), "", "Thôn Bản Chang", "giay_khen",
                         kind="household"))
    cols = [
        Col(("STT",), _name, counter="1", width=5),
        Col(("Đối tượng",), lambda p: "Hộ gia đình" if p.kind == "household" else "Cá nhân"),
        Col(("Họ và tên",), _name, ("name",), width=24),
        Col(("Giới tính",), lambda p: None if p.kind == "household" else _gender(p)),
        Col(("Chức vụ",), lambda p: p.position or None, width=26),
        Col((f"Đánh giá, xếp loại năm {y}",), _rating(y, RATING_WORDS), (f"rating:{y}",), width=24),
        Col(("Sáng kiến",), lambda p: f"Có ({INIT_LEVEL_WORDS[p.inits[0].level]})" if p.inits else "Không", ("init",)),
        Col(("Kỷ luật",), lambda p: f"{DISC_WORDS[p.discipline.form]} năm {p.discipline.year}" if p.discipline
            else "Không", ("disc",)),
        Col(("Hình thức khen thưởng đề nghị",), _award(), ("award",), width=24),
    ]
    n = len(cols)
    sheet = Sheet("DS khen thuong", cols, people, font="VNI-Times", encode="vni",
                  top=[Line({0: "ỦY BAN NHÂN DÂN XÃ TÂN PHƯỚC"}, bold=True),
                       centered(f"DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG TỔNG KẾT NĂM {y}", n)],
                  footer=[Line({2: "Danh sách gồm 11 cá nhân, hộ gia đình./."}),
                          Line({n - 3: "Tân Phước, ngày … tháng … năm 2026"}),
                          Line({n - 3: "CHỦ TỊCH"}, bold=True)])
    return CorpusList(
        "13-xa-vni-nd152", "UBND xã, NĐ 152: danh sách gõ phông VNI (VNI-Times), cá nhân và hộ gia đình chung một "
        "bảng, sáng kiến 'Có (cấp cơ sở)' / 'Không', ngày ký để trống '…'", COMMUNE_VNI,
        ("legacy-encoding", "initiative-level-in-cell", "negatives", "footer-forms", "household"),
        "nd152-2025", D(2026, 1, 15), (y,),
        {"level": "xa", "name": "Hội đồng Thi đua - Khen thưởng xã Tân Phước", "members": 9}, [sheet],
        notes="Giấy khen: Luật 2022 Điều 75 k2 giao bộ/tỉnh quy định tiêu chuẩn → cần xem xét (cá nhân và hộ gia đình).")


def _disc_count(c: Collective) -> str:
    if c.disciplined:
        return f"{c.disciplined:02d} (cảnh cáo)"
    if c.reprimanded:
        return f"{c.reprimanded:02d} (khiển trách)"
    return pick(c, ["0", "Không", "-"])


def collective_cols(rating_header: str = "Xếp loại tập thể") -> list[Col]:
    return [
        Col(("STT",), _name, counter="1", width=5),
        Col(("Tên tập thể",), _name, ("name",), width=26),
        Col(("Tổng số CB, GV, NV",), lambda c: c.members, ("members",)),
        Col(("Số đạt LĐTT",), lambda c: shown(c, "ltt", c.ltt), ("ltt",)),
        Col(("Tỷ lệ LĐTT (%)",), lambda c: f"{100 * c.ltt / c.members:.1f}%".replace(".", ","), ("ltt",)),
        Col(("Số CSTĐCS",), lambda c: c.cstdcs, ("cstdcs",)),
        Col(("Số hoàn thành nhiệm vụ trở lên",), lambda c: c.completed, ("completed",)),
        Col(("Số bị kỷ luật",), _disc_count, ("disciplined",)),
        Col((rating_header,), lambda c: shown(c, "crating", RATING_SHORT.get(c.rating or "", None)), ("crating",)),
        Col(("Danh hiệu đề nghị",), _award(), ("award",), width=26),
    ]


def list_school_collectives() -> CorpusList:
    y = 2023
    cols = collective_cols()
    n = len(cols)
    sheet = Sheet("Tập thể", cols, cohort_school_collectives(),
                  top=[centered("TRƯỜNG THPT NGUYỄN TRÃI", 3),
                       centered("DANH SÁCH TẬP THỂ ĐỀ NGHỊ CÔNG NHẬN DANH HIỆU THI ĐUA NĂM HỌC 2022-2023", n)],
                  footer=[Line({1: "Tổng cộng", 2: 66, 3: 46, 5: 4, 6: 65}, bold=True, in_table=True),
                          Line({n - 3: "Tân Hải, ngày 05 tháng 7 năm 2023"}), Line({n - 3: "HIỆU TRƯỞNG"}, bold=True)])
    return CorpusList(
        "14-truong-tap-the-nd91", "Trường THPT, NĐ 91: danh sách tập thể (tổ chuyên môn) với số liệu thành viên; số bị kỷ "
        "luật ghi kèm hình thức '01 (khiển trách)', '01 (cảnh cáo)'; dòng 'Tổng cộng' có số", SCHOOL,
        ("collective-list", "collective-counts-with-words", "negatives", "footer-forms", "school-years"),
        "nd91-2017", D(2023, 7, 20), (y,), SCHOOL_COUNCIL, [sheet],
        notes="Tập thể LĐTT (Luật 2003 Điều 28 k1): trên 50 % LĐTT và không ai bị kỷ luật từ cảnh cáo; "
              "khiển trách không loại tập thể.")


COMPANY = "Công ty TNHH MTV Điện lực Hải Đông (hư cấu)"


def list_company_grades() -> CorpusList:
    y = 2024
    cols = [
        Col(("STT",), _name, counter="1", width=5),
        Col(("Họ và tên",), _name, ("name",), width=22),
        Col(("Mã NV",), lambda p: f"NV{sum(map(ord, p.name)) % 9000 + 1000}"),
        Col(("Chức danh",), lambda p: p.position, width=22),
        Col(("Đơn vị",), lambda p: p.dept, width=24),
        Col((f"Kết quả xếp loại năm {y}",), _rating(y, RATING_WORDS), (f"rating:{y}",), width=24),
        Col(("Vi phạm kỷ luật",), lambda p: _disc_form(p) or "Không", ("disc",)),
        Col(("Danh hiệu đề nghị",), _award(), ("award",)),
        Col(("Ghi chú",), lambda p: None),
    ]
    n = len(cols)
    sheet = Sheet("LDTT 2024", cols, cohort_company(y),
                  top=[Line({0: "CÔNG TY TNHH MTV ĐIỆN LỰC HẢI ĐÔNG"}, bold=True),
                       centered(f"DANH SÁCH ĐỀ NGHỊ CÔNG NHẬN DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM {y}", n)],
                  footer=[Line({1: "Cộng: 06 người"}), Line({n - 3: "TỔNG GIÁM ĐỐC"}, bold=True)])
    return CorpusList(
        "15-cong-ty-xep-loai-abc", "Công ty nhà nước, NĐ 98: xếp loại theo cách của công ty ('Loại A', 'Loại B', "
        "'Loại C', 'Đạt') — không phải mức xếp loại của pháp luật: cần xem xét, nêu ô", COMPANY,
        ("unknown-value", "footer-forms"), "nd98-2023", D(2025, 1, 10), (y,),
        {"level": "don_vi", "name": "Hội đồng Thi đua - Khen thưởng Công ty", "members": 9}, [sheet],
        notes="'Loại A/B/C' là quy chế riêng của công ty; người đọc cẩn thận không biết tương ứng mức nào của "
              "pháp luật → cần xem xét, nêu ô xếp loại.")


DEPT = "Sở Tài nguyên và Môi trường tỉnh Hải Đông"
PROVINCE_COUNCIL = {"level": "tinh", "name": "Hội đồng Thi đua - Khen thưởng tỉnh Hải Đông", "members": 11,
                    "agency": "ỦY BAN NHÂN DÂN TỈNH HẢI ĐÔNG"}
INIT_LEVEL_CAP = {"co_so": "Cấp cơ sở", "bo_tinh": "Cấp tỉnh", "toan_quoc": "Toàn quốc"}


def _title_decision(k: int) -> str:
    return f"{15 + k % 10}/QĐ-STNMT ngày 10/01/{k + 1}"


def with_ldtt(people: Sequence[Person], years: range) -> list[Person]:
    """The years without a higher title were Lao động tiên tiến (as the lists write them)."""
    return [replace(p, titles={**dict.fromkeys(years, "ldtt"), **p.titles}) for p in people]


def list_department_cstd() -> CorpusList:
    y = 2024
    people = with_ldtt(cohort_department(y), range(y - 2, y + 1))
    cols = [
        Col(("STT",), _name, counter="1", width=5),
        Col(("Họ và tên",), _name, ("name",), width=22),
        Col(("Ngày sinh",), lambda p: p.born),
        Col(("Chức vụ",), lambda p: p.position, width=22),
        Col(("Phòng, đơn vị trực thuộc",), lambda p: p.dept, width=22),
        *[Col(("Xếp loại", k), rating_any(k, 3), (f"rating:{k}",)) for k in (y - 1, y)],
    ]
    for k in (y - 2, y - 1, y):
        cols += [Col(("Danh hiệu thi đua đã đạt", k, "Danh hiệu"), title_any(k, 2), (f"title:{k}",)),
                 Col(("Danh hiệu thi đua đã đạt", k, "Số, ngày QĐ"),
                     lambda p, k=k: _title_decision(k) if p.titles.get(k) == "cstdcs" else None, (f"title:{k}",),
                     width=20)]
    cols += [
        Col(("Sáng kiến, đề tài", "Tên sáng kiến"), _init_names, ("init",), width=30),
        Col(("Sáng kiến, đề tài", "Cấp công nhận"), lambda p: "\n".join(INIT_LEVEL_CAP[i.level] for i in p.inits) or None,
            ("init",)),
        Col(("Sáng kiến, đề tài", "Số, ngày QĐ công nhận"), lambda p: "\n".join(i.decision for i in p.inits) or None,
            ("init",), width=22),
        Col(("Kỷ luật",), lambda p: f"Khiển trách (QĐ số {p.discipline.decision})" if p.discipline else None, ("disc",)),
        Col(("Hình thức đề nghị",), _award(), ("award",), width=24),
    ]
    n = len(cols)
    sheet = Sheet("Cá nhân", cols, by_award(people), numbering="arabic",
                  top=[*agency_lines("UBND TỈNH HẢI ĐÔNG", "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", n,
                                     "Hải Đông, ngày 20 tháng 02 năm 2025"), Line({}),
                       centered("DANH SÁCH CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG NĂM 2024", n),
                       centered("(Kèm theo Tờ trình số 35/TTr-STNMT ngày 20/02/2025)", n, bold=False)],
                  footer=[Line({1: "Danh sách có 06 cá nhân"}), Blank(),
                          Line({n - 5: "GIÁM ĐỐC"}, bold=True), Line({n - 5: "(Đã ký)"})])
    return CorpusList(
        "16-so-cstd-tinh-ba-tang", "Sở: tiêu đề ba tầng — danh hiệu từng năm (năm gõ bằng số) với 'Số, ngày QĐ' riêng, "
        "sáng kiến với cấp và 'Số, ngày QĐ công nhận'; CSTĐ cấp tỉnh, Bằng khen tỉnh, CSTĐCS chung một danh sách",
        DEPT, ("multi-row-header", "year-subheaders-numbers", "decision-under-initiative", "title-award-aliases",
               "rating-aliases", "numbering-row", "footer-forms"),
        "nd98-2023", D(2025, 3, 10), (y,), PROVINCE_COUNCIL, [sheet])


def _prior_text(p: Person, ways: Sequence[str] = ("Bằng khen của Chủ tịch UBND tỉnh",), none: str = "Không") -> str:
    """A prior award the way a clerk writes it, with what it was for (which tells its type)."""
    if not p.priors:
        return none
    a = p.priors[0]
    name = ways[0] if a.decision.endswith("UBND") else "Bằng khen Bộ Tài chính"
    what = (f"về thành tích xuất sắc trong thực hiện nhiệm vụ năm {a.to}" if a.type == "cong_trang" else
            f"về thành tích đột xuất trong phòng, chống bão số 3 năm {a.to}")
    return f"{name} {what} (QĐ số {a.decision} ngày {dmy(a.date, pad=False) if a.date else ''})"


def list_pm_commendation_period() -> CorpusList:
    y = 2024
    years = range(y - 4, y + 1)
    people = with_ldtt(cohort_pm_commendation(y), years)
    cols = [
        Col(("STT",), _name, counter="1", width=5),
        Col(("Họ và tên",), _name, ("name",), width=22),
        *born_nam_nu("Năm sinh", year_only=True),
        Col(("Chức vụ, đơn vị công tác",), lambda p: f"{p.position}, {DEPT}", width=30),
        *[Col(("Kết quả đánh giá, xếp loại", k), rating_any(k, k), (f"rating:{k}",)) for k in years],
        *[Col(("Danh hiệu thi đua", k), title_any(k, k), (f"title:{k}",)) for k in years],
        Col(("Hình thức khen thưởng đã nhận",), _prior_text, ("prior",), width=36),
        Col(("Kỷ luật",), lambda p: "Không", ("disc",)),
        Col(("Hình thức đề nghị",), _award(), ("award",), width=24),
    ]
    n = len(cols)
    sheet = Sheet("BKTTg", cols, people,
                  top=[centered("UBND TỈNH HẢI ĐÔNG", 4), centered("SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", 4), Line({}),
                       centered("DANH SÁCH ĐỀ NGHỊ TẶNG BẰNG KHEN CỦA THỦ TƯỚNG CHÍNH PHỦ", n),
                       centered("(Thành tích từ năm 2020 đến năm 2024)", n, bold=False)],
                  footer=[Line({1: "Tổng số: 05 cá nhân./."}), Line({n - 4: "Hải Đông, ngày … tháng 3 năm 2025"})])
    return CorpusList(
        "17-so-bkttg-giai-doan-tieu-de", "Sở: Bằng khen Thủ tướng, tiêu đề '(Thành tích từ năm 2020 đến năm 2024)', năm "
        "xếp loại và danh hiệu gõ bằng số dưới nhóm, khen thưởng đã nhận viết thành câu (số, ngày QĐ, thời gian thành "
        "tích); chạy không có --year: năm xét lấy từ năm cuối của giai đoạn", DEPT,
        ("period-in-title", "year-subheaders-numbers", "title-award-aliases", "rating-aliases", "two-row-header",
         "birth-under-gender", "footer-forms"),
        "nd98-2023", D(2025, 3, 20), (y,), PROVINCE_COUNCIL, [sheet], pass_year=False,
        notes="Giai đoạn 2020-2024 là 5 năm liên tục đến năm đề nghị (Luật 2022 Điều 73 k1 b), kết thúc năm 2024.")


def list_pm_commendation_cells() -> CorpusList:
    y = 2025
    years = range(y - 4, y + 1)
    # Abbreviated, the awards no longer say what they were for: the type is not stated (except "đột xuất").
    people = [replace(p, priors=tuple(replace(a, type=a.type if a.type == "dot_xuat" else None) for a in p.priors))
              for p in cohort_pm_commendation(y)]
    ways = {"1187/QĐ-UBND": "BK UBND tỉnh", "905/QĐ-UBND": "BKCT UBND tỉnh", "2210/QĐ-BTC": "BK Bộ Tài chính",
            "1310/QĐ-UBND": "BK UBND tỉnh (đột xuất)"}

    def prior(p: Person) -> str:
        if not p.priors:
            return "Chưa"
        a = p.priors[0]
        return f"{ways[a.decision]} năm {a.to} ({a.decision})"

    def ratings(p: Person) -> str:
        return "; ".join(f"{k}: {RATING_SHORT[p.ratings[k]]}" for k in years)

    cols = [
        Col(("TT",), _name, counter="1", width=5),
        Col(("Họ tên",), _name, ("name",), width=22),
        Col(("Chức vụ",), lambda p: p.position, width=24),
        Col(("Xếp loại 5 năm (2021-2025)",), ratings, tuple(f"rating:{k}" for k in years), width=40),
        Col(("CSTĐCS các năm",), lambda p: ", ".join(str(k) for k in sorted(p.titles) if p.titles[k] == "cstdcs"),
            ("title",)),
        Col(("Khen thưởng đã có",), prior, ("prior",), width=30),
        Col(("Kỷ luật",), lambda p: "-", ("disc",)),
        Col(("Đề nghị",), lambda p: "BK TTg", ("award",)),
    ]
    sheet = Sheet("Sheet1", cols, people,
                  top=[Line({0: "DANH SÁCH ĐỀ NGHỊ BẰNG KHEN THỦ TƯỚNG CHÍNH PHỦ GIAI ĐOẠN 2021 - 2025"}, bold=True)],
                  footer=[Line({1: "Người tổng hợp: Phòng Tổ chức cán bộ"})])
    return CorpusList(
        "18-so-bkttg-mot-o-nhieu-nam", "Sở, NĐ 152: cùng người như 17 một năm sau — năm năm xếp loại trong một ô "
        "('2021: HTTNV; 2022: …'), năm đạt CSTĐCS trong một ô, khen thưởng đã có viết tắt ('BK UBND tỉnh', "
        "'BKCT UBND tỉnh', 'BK Bộ Tài chính') nên không rõ là công trạng hay đột xuất, đề nghị 'BK TTg'", DEPT,
        ("title-award-aliases", "rating-aliases", "period-in-title", "years-in-one-cell", "negatives"),
        "nd152-2025", D(2026, 3, 5), (y,), PROVINCE_COUNCIL, [sheet],
        notes="Cùng người như 17 (dời một năm). Bằng khen tỉnh viết tắt không cho biết loại hình: NĐ 152 Điều 4 k3 "
              "không lấy khen thưởng đột xuất, chuyên đề làm căn cứ → người đủ các tiêu chí khác là cần xem xét; "
              "Bằng khen ghi '(đột xuất)' không làm căn cứ → không đạt.")


REGISTER_UNIT = "Sở Công Thương tỉnh Hải Đông"


def cohort_register(y: int) -> tuple[list[Person], list[list[Any]]]:
    """Officials whose earlier titles and used initiatives are only in the register (the council's sổ)."""
    people = [
        Person("Hứa Văn Long", False, D(1977, 3, 15), "Trưởng phòng Quản lý thương mại", "Phòng Quản lý thương mại",
               "chien_si_thi_dua_bo_tinh", {y: "htxs"}, titles=_cstdcs_years(y - 2, y - 1, y),
               inits=(Initiative("Bản đồ số mạng lưới chợ nông thôn", "bo_tinh", y, f"2310/QĐ-UBND ngày 01/12/{y}"),)),
        Person("Thân Thị Mỹ Dung", True, D(1982, 7, 9), "Phó Chánh Văn phòng", "Văn phòng Sở", "chien_si_thi_dua_bo_tinh",
               {y: "htxs"}, titles={y - 2: "cstdcs", y - 1: "ldtt", y: "cstdcs"},
               inits=(Initiative("Quy trình tiếp nhận hồ sơ trực tuyến mức độ 4", "bo_tinh", y,
                                 f"2310/QĐ-UBND ngày 01/12/{y}"),)),
        Person("Quan Văn Bình", False, D(1985, 11, 21), "Chuyên viên", "Thanh tra Sở", "chien_si_thi_dua_co_so",
               {y: "htxs"}, inits=(Initiative("Phần mềm theo dõi đơn thư khiếu nại", "co_so", y, f"41/QĐ-SCT ngày 15/11/{y}",
                                              used_for="bang_khen_bo_tinh"),)),
        Person("Vi Thị Hoa", True, D(1990, 1, 5), "Chuyên viên", "Phòng Kế hoạch - Tài chính", "chien_si_thi_dua_co_so",
               {y: "htxs"}, inits=(Initiative("Bảng theo dõi giải ngân vốn theo tuần", "co_so", y, f"41/QĐ-SCT ngày 15/11/{y}"),)),
    ]
    head = ["STT", "Họ và tên", "Ngày sinh", "Đơn vị", "Danh hiệu / Hình thức khen thưởng", "Năm", "Số quyết định",
            "Ngày quyết định", "Tên sáng kiến", "Cấp công nhận"]
    rows: list[list[Any]] = [head]
    for p in people[:2]:
        for k in (y - 2, y - 1):
            if p.titles.get(k) == "cstdcs":
                rows.append([len(rows), p.name, dmy(p.born), REGISTER_UNIT, "Chiến sĩ thi đua cơ sở", k,
                             f"{10 + k % 10}/QĐ-SCT", dmy(D(k + 1, 1, 12)), None, None])
    q = people[2]
    rows.append([len(rows), q.name, dmy(q.born), REGISTER_UNIT, "Bằng khen của Chủ tịch UBND tỉnh", y, "1650/QĐ-UBND",
                 dmy(D(y, 9, 30)), q.inits[0].title, "Cơ sở"])
    return people, rows


def list_register_history() -> CorpusList:
    y = 2021
    people, history = cohort_register(y)
    cols = [
        Col(("STT",), _name, counter="1", width=5),
        Col(("Họ và tên",), _name, ("name",), width=22),
        Col(("Ngày sinh",), lambda p: p.born),
        Col(("Đơn vị",), lambda p: REGISTER_UNIT, width=26),
        Col(("Chức vụ",), lambda p: p.position, width=24),
        Col((f"Xếp loại năm {y}",), _rating(y), (f"rating:{y}",)),
        Col((f"Danh hiệu năm {y}",), _title(y), (f"title:{y}",)),
        Col(("Sáng kiến", "Tên sáng kiến"), _init_names, ("init",), width=30),
        Col(("Sáng kiến", "Cấp công nhận"), lambda p: INIT_LEVEL_CAP[p.inits[0].level] if p.inits else None, ("init",)),
        Col(("Kỷ luật",), _disc_form, ("disc",)),
        Col(("Danh hiệu đề nghị",), _award(), ("award",), width=24),
    ]
    sheet = Sheet("Danh sách", cols, people,
                  top=[centered("SỞ CÔNG THƯƠNG TỈNH HẢI ĐÔNG", 4),
                       centered(f"DANH SÁCH ĐỀ NGHỊ XÉT TẶNG DANH HIỆU THI ĐUA NĂM {y}", len(cols))],
                  footer=[Line({1: "Người lập biểu"}, bold=True)])
    return CorpusList(
        "19-so-so-theo-doi", "Sở, NĐ 91, trong một đợt xét có sổ theo dõi: CSTĐCS năm 2019, 2020 và sáng kiến đã dùng "
        "cho Bằng khen chỉ có trong sổ (nhập bằng 'tdkt register import'), danh sách chỉ ghi năm 2021", REGISTER_UNIT,
        ("register-history", "two-row-header", "footer-forms"), "nd91-2017", D(2022, 4, 25), (y,), PROVINCE_COUNCIL,
        [sheet], history=history, caps=nd91_caps(),
        notes="Danh sách không có LĐTT: không kiểm được trần 15 % CSTĐCS (NĐ 91 Điều 9 k3) → cần xem xét; sáng kiến "
              "đã dùng cho Bằng khen không dùng lại cho CSTĐCS (CV 5007/BNV-TĐKT).")


COMPANY_NEW = "Công ty TNHH MTV Điện lực Hải Đông (hư cấu)"


def list_company_initiatives() -> CorpusList:
    y = 2025

    def content(p: Person) -> str | None:
        if "init" in p.odd:
            return p.odd["init"]
        if not p.inits:
            return {"Giáp Văn Cường": "0", "La Thị Hồng": "-", "Lạc Thị Mai": "Không"}.get(p.name)
        i = p.inits[0]
        if not i.title:
            return "Có (cấp cơ sở)"
        return f"01 SK cấp cơ sở năm {i.year}: {i.title}, QĐ số {i.decision}"

    cols = [
        Col(("STT",), _name, counter="1", width=5),
        Col(("Họ và tên",), _name, ("name",), width=22),
        Col(("Chức danh",), lambda p: p.position),
        Col(("Đơn vị",), lambda p: p.dept, width=22),
        Col((f"Xếp loại năm {y}",), rating_any(y, 4), (f"rating:{y}",)),
        Col(("Sáng kiến", "Nội dung"), content, ("init",), width=40),
        Col(("Sáng kiến", "Số, ngày QĐ công nhận"),
            lambda p: f"Số {p.inits[0].decision}" if p.inits and not p.inits[0].title else None, ("init",), width=24),
        Col(("Kỷ luật",), lambda p: f"Khiển trách ({p.discipline.year})" if p.discipline else "Không có", ("disc",)),
        Col(("Danh hiệu đề nghị",), award_any(1), ("award",)),
    ]
    n = len(cols)
    sheet = Sheet("Ca nhan", cols, people := cohort_company_initiatives(y),
                  top=[Line({0: "CÔNG TY TNHH MTV ĐIỆN LỰC HẢI ĐÔNG"}, bold=True),
                       centered(f"DANH SÁCH ĐỀ NGHỊ XÉT DANH HIỆU THI ĐUA NĂM {y}", n)],
                  footer=[Line({1: f"Tổng cộng: {len(people):02d} người"}, bold=True),
                          Line({n - 3: "Hải Đông, ngày 08 tháng 01 năm 2026"}),
                          Line({1: "NGƯỜI LẬP BIỂU", n - 3: "KT. TỔNG GIÁM ĐỐC\nPHÓ TỔNG GIÁM ĐỐC"}, bold=True)])
    return CorpusList(
        "20-cong-ty-sang-kien-trong-o", "Công ty nhà nước, NĐ 152: sáng kiến viết mọi kiểu trong một ô — '01 SK cấp "
        "cơ sở năm 2025: …, QĐ số …', 'Có (cấp cơ sở)' với 'Số, ngày QĐ' ở cột bên, '0', '-', 'Không', và 'x' (không "
        "rõ có hay không: cần xem xét)", COMPANY_NEW,
        ("initiative-level-in-cell", "negatives", "decision-under-initiative", "unknown-value", "rating-aliases",
         "footer-forms"),
        "nd152-2025", D(2026, 1, 15), (y,),
        {"level": "don_vi", "name": "Hội đồng Thi đua - Khen thưởng Công ty", "members": 9}, [sheet])


def list_company_collectives() -> CorpusList:
    y = 2024
    cols = [
        Col(("STT",), _name, counter="1", width=5),
        Col(("Tên tập thể",), _name, ("name",), width=26),
        Col(("Tổng số lao động",), lambda c: c.members, ("members",)),
        Col(("Trong đó nữ",), lambda c: c.women),
        Col(("Số lao động đạt danh hiệu", "LĐTT"), lambda c: c.ltt, ("ltt",)),
        Col(("Số lao động đạt danh hiệu", "CSTĐCS"), lambda c: c.cstdcs, ("cstdcs",)),
        Col(("Số hoàn thành nhiệm vụ",), lambda c: c.completed, ("completed",)),
        Col(("Số bị kỷ luật",), _disc_count, ("disciplined",)),
        Col((f"Tập thể xếp loại năm {y}",), lambda c: RATING_WORDS[c.rating or "httnv"], ("crating",), width=24),
        Col(("Danh hiệu, hình thức đề nghị",), _award(), ("award",), width=26),
    ]
    n = len(cols)
    sheet = Sheet("Tap the", cols, cohort_company_collectives(),
                  top=[Line({0: "CÔNG TY TNHH MTV ĐIỆN LỰC HẢI ĐÔNG"}, bold=True),
                       centered(f"DANH SÁCH TẬP THỂ ĐỀ NGHỊ KHEN THƯỞNG NĂM {y}", n)],
                  footer=[Line({1: "Cộng", 2: 154, 3: 42, 4: 128, 5: 7, 6: 153}, bold=True, in_table=True)])
    return CorpusList(
        "21-cong-ty-tap-the-nd98", "Công ty nhà nước, NĐ 98: tập thể (phân xưởng, phòng, đội) với số lao động, số đạt "
        "LĐTT/CSTĐCS dưới nhóm, số bị kỷ luật '01 (cảnh cáo)' — Luật 2022 Điều 27 không còn điều kiện kỷ luật cho "
        "TTLĐXS; TTLĐTT và Giấy khen do bộ/tỉnh quy định", COMPANY_NEW,
        ("collective-list", "collective-counts-with-words", "two-row-header", "footer-forms"),
        "nd98-2023", D(2025, 1, 10), (y,),
        {"level": "don_vi", "name": "Hội đồng Thi đua - Khen thưởng Công ty", "members": 9}, [sheet])


CO_OVERLAY = """\
# Quy chế công tác thi đua, khen thưởng tỉnh Hải Đông (hư cấu): mỗi khối thi đua một Cờ thi đua của UBND tỉnh.
kind: overlay
id: hd-khoi
title: Quy chế công tác thi đua, khen thưởng tỉnh Hải Đông
version: "2021.1"
seats:
  co_thi_dua_bo_tinh: {per_cluster: 1, basis: "Quy chế công tác thi đua, khen thưởng tỉnh Hải Đông, Điều 10"}
"""


def list_flags_overlay() -> CorpusList:
    y = 2021
    flags = [
        Collective("Sở Tư pháp tỉnh Hải Đông", "co_thi_dua_bo_tinh", 52, 48, 5, 52, cluster="Khối các cơ quan nội chính",
                   rank=1),
        Collective("Sở Nội vụ tỉnh Hải Đông", "co_thi_dua_bo_tinh", 61, 55, 6, 61, cluster="Khối các cơ quan nội chính",
                   rank=2),
        Collective("Sở Xây dựng tỉnh Hải Đông", "co_thi_dua_bo_tinh", 74, 66, 7, 74, cluster="Khối các sở kinh tế",
                   rank=1),
        Collective("Phòng Hành chính tư pháp, Sở Tư pháp", "tap_the_lao_dong_xuat_sac", 12, 11, 1, 12),
        Collective("Văn phòng Sở Nội vụ", "tap_the_lao_dong_xuat_sac", 15, 10, 1, 15),
    ]
    cols = [
        Col(("STT",), _name, counter="1", width=5),
        Col(("Tên tập thể",), _name, ("name",), width=32),
        Col(("Tổng số CBCCVC",), lambda c: c.members, ("members",)),
        Col(("Số LĐTT",), lambda c: c.ltt, ("ltt",)),
        Col(("Số CSTĐCS",), lambda c: c.cstdcs, ("cstdcs",)),
        Col(("Số hoàn thành nhiệm vụ",), lambda c: c.completed, ("completed",)),
        Col(("Số bị kỷ luật",), _disc_count, ("disciplined",)),
        Col(("Xếp loại",), lambda c: RATING_SHORT[c.rating or "httnv"], ("crating",)),
        Col(("Cụm, khối thi đua",), lambda c: c.cluster, width=28),
        # "Nhất" is understood: rank 1, written as a word.
        Col(("Xếp hạng trong khối",), lambda c: ("Nhất" if c.name.startswith("Sở Xây dựng") else c.rank), ("rank",)),
        Col(("Danh hiệu đề nghị",), _award(), ("award",), width=26),
    ]
    n = len(cols)
    sheet = Sheet("Tap the", cols, flags,
                  top=[centered("DANH SÁCH TẬP THỂ ĐỀ NGHỊ TẶNG CỜ THI ĐUA VÀ DANH HIỆU TẬP THỂ LAO ĐỘNG XUẤT SẮC NĂM 2021", n)],
                  footer=[Line({1: "Tổng cộng: 05 tập thể"}, bold=True), Line({n - 3: "BAN THI ĐUA - KHEN THƯỞNG"}, bold=True)])
    return CorpusList(
        "22-so-co-thi-dua-quy-che", "Hội đồng tỉnh, NĐ 91, với quy chế 'mỗi khối một Cờ': Cờ thi đua của UBND tỉnh theo "
        "xếp hạng trong khối (1, 2, 'Nhất'), cùng Tập thể lao động xuất sắc", "Sở Nội vụ tỉnh Hải Đông (hư cấu)",
        ("collective-list", "overlay", "footer-forms"), "nd91-2017", D(2022, 2, 18), (y,), PROVINCE_COUNCIL, [sheet],
        overlay=Overlay(co_seats_per_cluster=1), overlay_yaml=CO_OVERLAY)


TTLDTT_OVERLAY = """\
# Quy chế thi đua, khen thưởng của xã Tân Phước (hư cấu): Tập thể lao động tiên tiến cần ít nhất 70 % thành viên
# đạt Lao động tiên tiến (Luật 2022 Điều 28 k3 giao bộ/tỉnh; tỉnh Long Giang quy định 70 %).
kind: overlay
id: tp-qc
title: Quy chế thi đua, khen thưởng xã Tân Phước
version: "2025.1"
criteria:
  ttldtt.ltt: {params: {more_than_percent: null, at_least_percent: 70}, basis: "Quy định thi đua, khen thưởng tỉnh Long Giang, Điều 6"}
"""


def list_collectives_overlay() -> CorpusList:
    y = 2025
    school = "Trường Tiểu học Tân Phước"
    groups = [
        Collective(f"Tổ khối 1, {school}", "tap_the_lao_dong_tien_tien", 10, 8, 0, 10, rating="httnv"),
        Collective(f"Tổ khối 2, {school}", "tap_the_lao_dong_tien_tien", 10, 6, 0, 10, rating="httnv"),
        Collective(f"Tổ khối 3, {school}", "tap_the_lao_dong_tien_tien", 12, 10, 1, 12, disciplined=1, rating="httnv"),
        Collective(f"Tổ khối 4 - 5, {school}", "tap_the_lao_dong_xuat_sac", 9, 9, 1, 9),
        Collective(f"Tổ Văn phòng, {school}", "tap_the_lao_dong_xuat_sac", 5, 4, 0, 5),
    ]
    cols = collective_cols("Xếp loại tập thể năm học 2024-2025")
    n = len(cols)
    sheet = Sheet("TT", cols, groups,
                  top=[centered("DANH SÁCH ĐỀ NGHỊ CÔNG NHẬN DANH HIỆU TẬP THỂ NĂM HỌC 2024-2025", n)],
                  footer=[Line({1: "Tân Phước, ngày 15 tháng 7 năm 2025"})])
    return CorpusList(
        "23-truong-tap-the-quy-che-nd152", "Xã (trường tiểu học), NĐ 152, với quy chế đặt tỷ lệ LĐTT 70 % cho Tập thể "
        "lao động tiên tiến: mức luật giao tỉnh (Luật 2022 Điều 28 k3) mà quy chế đã đặt là xác định → dưới 70 % là "
        "không đạt; các tiêu chí TTLĐTT khác vẫn chưa xác thực (Luật 2022 Điều 28) → không đạt là cần xem xét",
        COMMUNE_VNI, ("collective-list", "collective-counts-with-words", "overlay", "school-years"),
        "nd152-2025", D(2025, 7, 15), (y,), {"level": "xa", "name": "Hội đồng Thi đua - Khen thưởng xã Tân Phước",
                                           "members": 9, "agency": "ỦY BAN NHÂN DÂN XÃ TÂN PHƯỚC"}, [sheet],
        overlay=Overlay(ttldtt_ltt_at_least=70), overlay_yaml=TTLDTT_OVERLAY)


def list_vendor_mautdkt() -> CorpusList:
    y = 2025
    rows = [
        Person("Trịnh Văn Đạo", False, D(1972, 1, 1), "Phó Giám đốc", "Sở Tài chính", "bang_khen_bo_tinh"),
        Person("Lê Thị Hồng Gấm", True, D(1985, 1, 1), "Chuyên viên", "Sở Tài chính", "chien_si_thi_dua_co_so"),
        Collective("Phòng Quản lý ngân sách", "tap_the_lao_dong_tien_tien", 0, 0, 0, 0, rating=None, unit="Sở Tài chính"),
        Person("Gia đình ông Đinh Văn Mạnh", False, D(1960, 1, 1), "", "Xã Tân Phước", "giay_khen", kind="household"),
        Person("Lục Văn Khang", False, D(1980, 1, 1), "Phó Trưởng phòng", "Công an tỉnh Hải Đông", "lao_dong_tien_tien"),
    ]
    kinds = {"individual": "Khen thưởng cá nhân", "collective": "Khen thưởng tập thể", "household": "Khen thưởng hộ gia đình"}
    award_names = {
        "bang_khen_bo_tinh": "Bằng khen cấp bộ, ban, ngành, tỉnh, đoàn thể trung ương",
        "chien_si_thi_dua_co_so": "Chiến sĩ thi đua cơ sở",
        "tap_the_lao_dong_tien_tien": "Tập thể lao động tiên tiến",
        "giay_khen": "Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã",
        "lao_dong_tien_tien": "Chiến sĩ tiên tiến",
    }
    title_of = {"Trịnh Văn Đạo": "Ông", "Lê Thị Hồng Gấm": "Bà", "Lục Văn Khang": "Thượng tá"}
    target = {"Trịnh Văn Đạo": "Các cấp lãnh đạo từ phó phòng trở lên", "Phòng Quản lý ngân sách": "Cơ quan Hành chính",
              "Gia đình ông Đinh Văn Mạnh": "Hộ gia đình"}
    cols = [
        Col(("STT",), _name, counter="1", width=5),
        Col(("Tên gọi\n(Ông/Bà/Chức danh)",), lambda n: title_of.get(n.name)),
        Col(("Tên tập thể/cá nhân/hộ gia đình",), _name, ("name",), width=30),
        Col(("Chức vụ",), lambda n: getattr(n, "position", None) or None),
        Col(("Đơn vị công tác",), lambda n: getattr(n, "dept", None) or n.unit or None, width=24),
        Col(("Phân loại khen thưởng",), lambda n: kinds[n.kind]),
        Col(("Danh hiệu thi đua/Hình thức khen thưởng",), lambda n: award_names[n.award], ("award",), width=36),
        Col(("Phân loại đối tượng",), lambda n: target.get(n.name, "Người trực tiếp công tác, lao động, học tập, "
                                                                  "chiến đấu và phục vụ chiến đấu"), width=30),
        Col(("Lĩnh vực hoạt động",), lambda n: "Tài chính - Ngân hàng" if n.kind == "collective" else None),
    ]
    main = Sheet("file nhận", cols, rows, gap_after_top=0)
    guide_rows = [Line({0: 1, 1: "Ông", 2: "Nguyễn Văn A", 3: "Giám đốc", 4: "Sở X", 5: "Khen thưởng cá nhân",
                        6: "Bằng khen của Thủ tướng Chính phủ", 7: "Các cấp lãnh đạo từ phó phòng trở lên"}),
                  Line({0: 2, 2: "Sở Y", 4: "UBND tỉnh", 5: "Khen thưởng tập thể", 6: "Cờ thi đua của Chính phủ",
                        7: "Cơ quan Hành chính", 8: "Quản lý Nhà nước"})]
    guide = Sheet("Hướng dẫn", cols, guide_rows, gap_after_top=0)
    htkt = Sheet("HTKT", [Col(("tenhinhthuckt",), lambda r: r[0], width=60), Col(("mahinhthuckt",), lambda r: r[1])],
                 [(v, f"16{50360000 + i * 17}") for i, v in enumerate(sorted(set(award_names.values())))])
    return CorpusList(
        "24-mau-phan-mem-mautdkt", "Mẫu nhập của phần mềm (như MauTDKT.xlsx): tiêu đề ở dòng 1, cá nhân, tập thể, hộ gia "
        "đình chung một bảng, tên gọi 'Ông/Bà/Thượng tá' ở cột riêng, tên hình thức đầy đủ của danh mục; trang "
        "'Hướng dẫn' có dòng mẫu và trang danh mục — không phải người được đề nghị; không có cột dữ kiện nên mọi "
        "kết luận là cần xem xét", "Sở Tài chính tỉnh Hải Đông (hư cấu)",
        ("vendor-template", "household", "lookup-sheets", "title-award-aliases"),
        "nd152-2025", D(2026, 2, 10), (y,), PROVINCE_COUNCIL, [main, guide, htkt], sheet_of_nominees=("file nhận",))


CANHAN_CODES = {"lao_dong_tien_tien": "1647933042", "chien_si_thi_dua_co_so": "1647933380", "giay_khen": "1650360499"}


def list_vendor_canhan() -> CorpusList:
    y = 2024
    people = [
        Person("Bạch Thị Ngân", True, D(1988, 5, 12), "Chuyên viên", "Phòng Hành chính - Tổng hợp", "lao_dong_tien_tien",
               {y: "httnv"}),
        Person("Khương Văn Trí", False, D(1979, 10, 3), "Trưởng phòng", "Phòng Nghiệp vụ", "chien_si_thi_dua_co_so",
               {y: "htxs"}),
        Person("Đàm Thị Thu Trang", True, D(1994, 6, 27), "Viên chức", "Phòng Nghiệp vụ", "lao_dong_tien_tien",
               {y: "htnv"}),
        Person("Nhữ Văn Hậu", False, D(1983, 12, 14), "Lái xe", "Phòng Hành chính - Tổng hợp", "giay_khen",
               {y: "httnv"}),
        Person("Phó Thị Lan Anh", True, D(1991, 3, 31), "Kế toán", "Phòng Hành chính - Tổng hợp",
               "chien_si_thi_dua_co_so", {y: "httnv"}),
    ]
    unit = "Trung tâm Kiểm soát bệnh tật tỉnh Hải Đông"
    cols = [
        Col(("STT",), _name, counter="1", width=5),
        Col(("Họ và tên",), _name, ("name",), width=22),
        Col(("Giới tính",), lambda p: "NU" if p.female else "NAM"),
        Col(("Ngày sinh",), lambda p: dmy(p.born)),
        Col(("Chức vụ",), lambda p: p.position),
        Col(("Tên phòng ban/ khối, tổ \ncông tác",), lambda p: p.dept, width=26),
        Col(("Tên đơn vị/tập thể\ncông tác",), lambda p: unit, width=30),
        Col(("Địa chỉ / Nơi ở",), lambda p: None),
        Col(("Mã phân loại cán bộ",), lambda p: "1660638976"),
        Col(("Mã hình thức khen thưởng",), lambda p: CANHAN_CODES[p.award] if p.award == "giay_khen" else None,
            ("award",)),
        Col(("Mã danh hiệu thi đua\n(nếu có)",), lambda p: CANHAN_CODES.get(p.award) if p.award != "giay_khen" else None,
            ("award",)),
        Col((f"Xếp loại năm {y}",), _rating(y), (f"rating:{y}",)),
        Col(("Kỷ luật",), lambda p: None, ("disc",)),
    ]
    main = Sheet("DANHSACH", cols, people, top=[centered("DANH SÁCH ĐỐI TƯỢNG ĐỀ NGHỊ KHEN THƯỞNG", 11)])
    lookup = Sheet("DANHMUC", [Col(("STT",), lambda r: r[0]), Col(("Mã số",), lambda r: r[1]),
                               Col(("Hình thức khen thưởng / Danh hiệu thi đua",), lambda r: r[2], width=50)],
                   [(1, "1650360491", "Bằng khen"), (2, "1650360499", "Giấy khen"),
                    (3, "1647933380", "Chiến sĩ thi đua cơ sở"), (4, "1647933042", "Lao động tiên tiến"),
                    (5, "1647933198", "Tập thể lao động tiên tiến"), (6, "1660638976",
                                                                     "Người trực tiếp công tác, lao động")],
                   gap_after_top=0)
    return CorpusList(
        "25-mau-phan-mem-canhan-ma", "Mẫu nhập cá nhân của phần mềm (như CANHAN.xlsx): hình thức và danh hiệu ghi bằng "
        "MÃ số của trang DANHMUC, giới tính 'NAM'/'NU'; đơn vị thêm hai cột xếp loại, kỷ luật ở cuối; trang DANHMUC "
        "có STT nhưng không phải người được đề nghị", "Trung tâm Kiểm soát bệnh tật tỉnh Hải Đông (hư cấu)",
        ("vendor-template", "lookup-sheets", "award-codes", "plain"),
        "nd98-2023", D(2025, 1, 20), (y,), {"level": "don_vi", "name": "Hội đồng Thi đua - Khen thưởng Trung tâm",
                                           "members": 7}, [main, lookup], sheet_of_nominees=("DANHSACH",),
        notes="Mã 1647933042 = Lao động tiên tiến, 1647933380 = Chiến sĩ thi đua cơ sở, 1650360499 = Giấy khen "
              "(trang DANHMUC của chính tệp).")


TRANSPORT = "Sở Giao thông vận tải tỉnh Hải Đông (hư cấu)"


def list_collectives_csv_utf16() -> CorpusList:
    y = 2024
    groups = [
        Collective("Phòng Quản lý vận tải, phương tiện và người lái", "tap_the_lao_dong_xuat_sac", 14, 13, 2, 14),
        Collective("Thanh tra Sở", "tap_the_lao_dong_xuat_sac", 22, 15, 1, 22),
        Collective("Văn phòng Sở", "tap_the_lao_dong_tien_tien", 18, 15, 0, 18, rating="httnv"),
        Collective("Phòng Kế hoạch - Tài chính", "tap_the_lao_dong_xuat_sac", 9, 8, 1, 9, rating="httnv"),
        Collective("Trung tâm Đăng kiểm xe cơ giới", "tap_the_lao_dong_xuat_sac", 31, 28, 3, 31, reprimanded=2),
    ]
    cols = [
        Col(("STT",), _name, counter="1"),
        Col(("Tên tập thể",), _name, ("name",)),
        Col(("Tổng số",), lambda c: c.members, ("members",)),
        Col(("Số CBCCVC đạt LĐTT",), lambda c: c.ltt, ("ltt",)),
        Col(("Số CSTĐCS",), lambda c: c.cstdcs, ("cstdcs",)),
        Col(("Số hoàn thành tốt nhiệm vụ trở lên",), lambda c: c.completed, ("completed",)),
        Col(("Bị kỷ luật",), _disc_count, ("disciplined",)),
        Col(("Kết quả xếp loại tập thể",), lambda c: RATING_WORDS[c.rating or "httnv"], ("crating",)),
        Col(("Đề nghị",), _award(), ("award",)),
    ]
    sheet = Sheet("csv", cols, groups, top=[Line({0: "SỞ GIAO THÔNG VẬN TẢI TỈNH HẢI ĐÔNG"}),
                                            Line({0: f"Danh sách tập thể đề nghị khen thưởng năm {y}"})],
                  footer=[Line({1: "Tổng cộng", 2: 94, 3: 79, 4: 7, 5: 94})])
    return CorpusList(
        "27-so-tap-the-csv-utf16", "Sở: danh sách tập thể lưu từ Excel dạng 'Unicode Text' — UTF-16 có BOM, phân cách "
        "bằng tab, hai dòng tiêu đề phía trên, dòng 'Tổng cộng' có số", TRANSPORT,
        ("csv-title-lines", "csv-utf16-tab", "collective-list", "collective-counts-with-words", "footer-forms"),
        "nd98-2023", D(2025, 2, 20), (y,), PROVINCE_COUNCIL, [sheet], ext="csv",
        csv={"delimiter": "\t", "encoding": "utf-16"})


BUILDING = "Sở Xây dựng tỉnh Long Giang (hư cấu)"


def cohort_building(y: int) -> list[Person]:
    return [
        Person("Huỳnh Văn Sang", False, D(1980, 4, 12), "Phó Giám đốc Sở", "Ban Giám đốc", "chien_si_thi_dua_co_so",
               {y: "htxs"}),
        Person("Trương Thị Mỹ Linh", True, D(1987, 8, 30), "Trưởng phòng Quy hoạch - Kiến trúc", "Phòng Quy hoạch",
               "chien_si_thi_dua_co_so", {y: "httnv"},
               inits=(Initiative("Bộ tiêu chí thẩm định nhanh quy hoạch chi tiết 1/500", "co_so", y, f"62/QĐ-SXD ngày 28/11/{y}"),)),
        Person("Châu Minh Trí", False, D(1991, 1, 18), "Chuyên viên", "Phòng Quản lý nhà", "chien_si_thi_dua_co_so",
               {y: "httnv"}),
        Person("Lê Hoàng Oanh", True, D(1993, 5, 7), "Chuyên viên", "Văn phòng Sở", "lao_dong_tien_tien", {y: "httnv"}),
        Person("Phạm Thanh Bình", False, D(1985, 10, 25), "Thanh tra viên", "Thanh tra Sở", "lao_dong_tien_tien",
               {y: "httnv"}, pending="Đang bị xem xét kỷ luật (Tờ trình số 15/TTr-TTS ngày 02/12/2025)"),
        Person("Đoàn Thị Kim Yến", True, D(1990, 2, 14), "Kế toán", "Văn phòng Sở", "lao_dong_tien_tien", {y: "htnv"}),
    ]


def list_building_csv() -> CorpusList:
    y = 2025
    cols = [
        Col(("STT",), _name, counter="1"),
        Col(("Họ và tên\n(Chức vụ)",), lambda p: f"{p.name}\n{p.position}", ("name",)),
        Col(("Phòng ban",), lambda p: p.dept),
        Col(("Xếp loại CCVC năm 2025",), _rating(y, RATING_WORDS), (f"rating:{y}",)),
        Col(("Sáng kiến",), lambda p: f"{p.inits[0].title} (cấp cơ sở, QĐ {p.inits[0].decision})" if p.inits else "Không",
            ("init",)),
        Col(("Kỷ luật / đang bị xem xét kỷ luật",), lambda p: p.pending or "Không", ("disc", "pending")),
        Col(("Danh hiệu đề nghị",), _award(), ("award",)),
    ]
    sheet = Sheet("csv", cols, cohort_building(y),
                  top=[Line({0: "HỆ THỐNG QUẢN LÝ CÁN BỘ, CÔNG CHỨC - SỞ XÂY DỰNG TỈNH LONG GIANG"}),
                       Line({0: "Báo cáo: Danh sách đề nghị xét thi đua năm 2025"}), Line({0: "Người xuất: admin"})],
                  footer=[Line({0: "Tổng số bản ghi: 6"})])
    return CorpusList(
        "28-so-csv-utf8-xuong-dong", "Sở, NĐ 152: CSV xuất từ hệ thống quản lý cán bộ — UTF-8 có BOM, dấu ',', mọi ô "
        "trong ngoặc kép, ô họ tên có xuống dòng ('Họ tên↵Chức vụ'), ba dòng tiêu đề, dòng 'Tổng số bản ghi'",
        BUILDING, ("csv-title-lines", "word-pasted-cells", "negatives", "footer-forms", "csv-quoted-newlines"),
        "nd152-2025", D(2026, 1, 12), (y,),
        {"level": "don_vi", "name": "Hội đồng Thi đua - Khen thưởng Sở Xây dựng", "members": 9}, [sheet], ext="csv",
        csv={"delimiter": ",", "encoding": "utf-8", "bom": True, "quote_all": True})


CULTURE = "Trung tâm Văn hóa - Thể thao huyện Tân Hải (hư cấu)"


def list_stale_title_year() -> CorpusList:
    y = 2024
    people = [
        Person("Nguyễn Thị Kim Xuyến", True, D(1986, 6, 6), "Viên chức", "Tổ Thông tin - Tuyên truyền",
               "lao_dong_tien_tien", {y - 1: "htnv", y: "httnv"}),
        Person("Võ Văn Khang", False, D(1983, 3, 21), "Viên chức", "Tổ Thể dục thể thao", "lao_dong_tien_tien",
               {y - 1: "httnv", y: "htnv"}),
        Person("Mai Thị Bích Thủy", True, D(1990, 11, 2), "Kế toán", "Tổ Hành chính", "lao_dong_tien_tien",
               {y - 1: "httnv", y: "httnv"}),
        Person("Lê Văn Định", False, D(1979, 9, 9), "Phó Giám đốc", "Ban Giám đốc", "lao_dong_tien_tien",
               {y - 1: "khtnv", y: "htxs"}),
    ]
    cols = [
        Col(("STT",), _name, counter="1", width=5),
        Col(("Họ và tên",), _name, ("name",), width=22),
        Col(("Chức vụ",), lambda p: p.position),
        Col(("Bộ phận",), lambda p: p.dept, width=24),
        Col((f"Xếp loại năm {y - 1}",), _rating(y - 1), (f"rating:{y - 1}",)),
        Col((f"Xếp loại năm {y}",), _rating(y), (f"rating:{y}",)),
        Col(("Kỷ luật",), lambda p: f"Khiển trách năm {p.discipline.year}" if p.discipline else None, ("disc",)),
    ]
    n = len(cols)
    sheet = Sheet(str(y - 1), cols, people,
                  top=[centered("TRUNG TÂM VĂN HÓA - THỂ THAO HUYỆN TÂN HẢI", 4),
                       centered(f"DANH SÁCH ĐỀ NGHỊ XÉT TẶNG DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM {y - 1}", n)],
                  footer=[Line({1: "Danh sách này có 04 người"}), Line({n - 3: "GIÁM ĐỐC"}, bold=True)])
    return CorpusList(
        "29-trung-tam-tieu-de-nam-cu", "Trung tâm văn hóa, NĐ 98: mẫu năm trước dùng lại — tiêu đề và tên trang tính "
        "còn 'năm 2023' nhưng đợt xét năm 2024 (có cột xếp loại cả hai năm); danh hiệu chỉ ghi ở tiêu đề, không có cột "
        "danh hiệu đề nghị", CULTURE, ("list-year-vs-round", "award-in-title-only", "footer-forms"),
        "nd98-2023", D(2025, 1, 15), (y,), {"level": "huyen", "name": "Hội đồng Thi đua - Khen thưởng huyện Tân Hải",
                                           "members": 9}, [sheet],
        notes="Năm của đợt (2024) thắng năm ghi trên danh sách (2023): kết luận theo xếp loại năm 2024.")


def list_school_pm_period_nd91() -> CorpusList:
    y = 2022
    people = cohort_school_pm_nd91(y)
    years = range(y - 4, y + 1)
    cols = [
        Col(("STT",), _name, counter="1", width=5),
        Col(("Họ và tên",), _name, ("name",), width=22),
        Col(("Năm sinh",), lambda p: p.born.year),
        Col(("Chức vụ",), lambda p: p.position),
        *[Col(("Xếp loại viên chức", f"{k - 1}-{k}"), rating_any(k, k), (f"rating:{k}",)) for k in years],
        *[Col(("Sáng kiến kinh nghiệm cấp cơ sở", f"{k - 1}-{k}"),
              lambda p, k=k: next((i.title for i in p.inits if i.year == k), None), ("init",), width=22) for k in years],
        Col(("Khen thưởng đã nhận",), lambda p: (f"Bằng khen của Chủ tịch UBND tỉnh năm học {p.priors[0].to - 1}-"
                                               f"{p.priors[0].to} (QĐ số {p.priors[0].decision} ngày "
                                               f"{dmy(p.priors[0].date, pad=False)})"), ("prior",), width=34),
        Col(("Kỷ luật",), lambda p: None, ("disc",)),
        Col(("Hình thức đề nghị",), _award(), ("award",), width=24),
    ]
    n = len(cols)
    sheet = Sheet("BK TTg", cols, people,
                  top=[centered("SỞ GIÁO DỤC VÀ ĐÀO TẠO HẢI ĐÔNG", 4),
                       centered("DANH SÁCH ĐỀ NGHỊ TẶNG BẰNG KHEN CỦA THỦ TƯỚNG CHÍNH PHỦ", n),
                       centered("Thành tích từ năm học 2017-2018 đến năm học 2021-2022", n, bold=False)],
                  footer=[Line({1: "Danh sách gồm 04 người./."}), Line({n - 4: "GIÁM ĐỐC"}, bold=True)])
    return CorpusList(
        "30-so-gd-bkttg-nam-hoc-nd91", "Sở GD&ĐT, NĐ 91: Bằng khen Thủ tướng 'từ năm học 2017-2018 đến năm học 2021-2022' "
        "— năm học làm tiêu đề phụ cho xếp loại và cho sáng kiến từng năm; chạy không có --year", "Sở Giáo dục và Đào "
        "tạo tỉnh Hải Đông (hư cấu)", ("period-in-title", "school-years", "multi-row-header", "rating-aliases",
                                        "footer-forms"),
        "nd91-2017", D(2022, 8, 15), (y,), PROVINCE_COUNCIL, [sheet], pass_year=False,
        notes="NĐ 91 Điều 38 k1 c: Bằng khen tỉnh, rồi 5 năm liên tục HTXS với 5 sáng kiến cấp cơ sở; năm học kết "
              "thúc năm 2022 → năm xét 2022.")


HOSPITAL_PROV = "Bệnh viện Đa khoa tỉnh Hải Đông (hư cấu)"


def list_labour_order_period() -> CorpusList:
    y = 2025
    years = range(y - 4, y + 1)
    people = with_ldtt(cohort_labour_order(y), years)
    cols = [
        Col(("STT",), _name, counter="1", width=5),
        Col(("Họ và tên",), _name, ("name",), width=22),
        Col(("Ngày sinh",), lambda p: p.born),
        Col(("Chức vụ",), lambda p: p.position, width=24),
        *[Col(("Xếp loại", k), rating_any(k, k), (f"rating:{k}",)) for k in years],
        *[Col(("Danh hiệu", k), title_any(k, k), (f"title:{k}",)) for k in years],
        Col(("Bằng khen Thủ tướng đã nhận",),
            lambda p: (f"Về thành tích xuất sắc trong công tác từ năm {p.priors[0].frm} đến năm {p.priors[0].to} "
                       f"(QĐ số {p.priors[0].decision} ngày {dmy(p.priors[0].date, pad=False)})"), ("prior",), width=34),
        Col(("Kỷ luật",), lambda p: "Không", ("disc",)),
        Col(("Hình thức đề nghị",), _award(), ("award",), width=26),
    ]
    n = len(cols)
    sheet = Sheet("HCLĐ", cols, people,
                  top=[centered("SỞ Y TẾ TỈNH HẢI ĐÔNG", 4),
                       centered("DANH SÁCH ĐỀ NGHỊ TẶNG HUÂN CHƯƠNG LAO ĐỘNG HẠNG BA", n),
                       centered("(Thành tích giai đoạn 2021 - 2025)", n, bold=False)],
                  footer=[Line({1: "Tổng cộng: 04 cá nhân"}), Line({n - 4: "Hải Đông, ngày 12 tháng 3 năm 2026"})])
    return CorpusList(
        "31-benh-vien-hcld-giai-doan-nd152", "Bệnh viện tỉnh, NĐ 152: Huân chương Lao động hạng Ba, '(Thành tích giai "
        "đoạn 2021 - 2025)', năm gõ bằng số dưới 'Xếp loại' và 'Danh hiệu', Bằng khen Thủ tướng đã nhận ghi số, ngày "
        "và thời gian thành tích; chạy không có --year", HOSPITAL_PROV,
        ("period-in-title", "year-subheaders-numbers", "rating-aliases", "title-award-aliases", "two-row-header",
         "footer-forms"),
        "nd152-2025", D(2026, 3, 12), (y,), PROVINCE_COUNCIL, [sheet], pass_year=False,
        notes="Luật 2022 Điều 44 k1 e: Bằng khen Thủ tướng, sau đó 5 năm HTTNV trở lên, có ít nhất 1 năm HTXS và 3 "
              "lần CSTĐCS; giai đoạn kết thúc năm 2025.")


def cohort_hospital_2026(y: int) -> list[Person]:
    return [
        Person("Tôn Nữ Minh Thư", True, D(1984, 5, 20), "Trưởng khoa Sản", "Khoa Sản", "chien_si_thi_dua_co_so",
               {y - 1: "httnv", y: "htxs"},
               inits=(Initiative("Da kề da sau sinh mổ tại phòng hồi tỉnh", "co_so", y, f"51/QĐ-BVKV ngày 30/11/{y}"),)),
        Person("Lê Quang Huy", False, D(1986, 9, 1), "Bác sĩ", "Khoa Nội", "chien_si_thi_dua_co_so",
               {y - 1: "httnv", y: "htxs"}),
        Person("Nguyễn Thị Diễm", True, D(1990, 12, 8), "Điều dưỡng", "Khoa Ngoại", "chien_si_thi_dua_co_so",
               {y - 1: "httnv", y: "httnv"},
               inits=(Initiative("Bảng theo dõi đau sau mổ cho điều dưỡng", "co_so", y, f"51/QĐ-BVKV ngày 30/11/{y}"),)),
        Person("Trần Minh Khoa", False, D(1988, 7, 15), "Bác sĩ", "Khoa Nhi", "chien_si_thi_dua_co_so",
               {y - 1: "httnv", y: "httnv"}),
        Person("Phan Thị Hồng Loan", True, D(1994, 3, 3), "Hộ sinh", "Khoa Sản", "lao_dong_tien_tien",
               {y - 1: "httnv", y: "httnv"}, recruited=D(2018, 3, 1)),
        Person("Đỗ Văn Hậu", False, D(1981, 1, 29), "Phó Giám đốc", "Ban Giám đốc", "bang_khen_bo_tinh",
               {y - 1: "htxs", y: "htxs"},
               inits=(Initiative("Khám bệnh hẹn giờ qua tổng đài", "co_so", y - 1, f"47/QĐ-BVKV ngày 28/11/{y - 1}"),
                      Initiative("Thanh toán viện phí không dùng tiền mặt", "co_so", y, f"51/QĐ-BVKV ngày 30/11/{y}"))),
        Person("Võ Thị Cẩm Tú", True, D(1999, 8, 18), "Điều dưỡng", "Khoa Nội", "lao_dong_tien_tien",
               {y: "httnv"}, recruited=D(y, 8, 1)),
    ]


HOSPITAL_KV = "Bệnh viện Đa khoa khu vực Long Giang (hư cấu)"


def list_hospital_luat06() -> CorpusList:
    y = 2026
    cols = [
        Col(("STT",), _name, counter="1", width=5),
        Col(("Họ và tên",), _name, ("name",), width=22),
        Col(("Chức vụ",), lambda p: p.position),
        Col(("Khoa, phòng",), lambda p: p.dept),
        Col(("Kết quả xếp loại", f"Năm {y - 1}"), rating_any(y - 1, 5), (f"rating:{y - 1}",)),
        Col(("Kết quả xếp loại", f"Năm {y}"), rating_any(y, 5), (f"rating:{y}",)),
        Col(("Sáng kiến", "Tên sáng kiến"), lambda p: _init_names(p) or "Không", ("init",), width=30),
        Col(("Sáng kiến", "Năm công nhận"), _init_years, ("init",)),
        Col(("Ngày tuyển dụng",), lambda p: p.recruited, ("recruited",)),
        Col(("Kỷ luật",), lambda p: None, ("disc",)),
        Col(("Hình thức đề nghị",), _award(), ("award",), width=24),
    ]
    n = len(cols)
    sheet = Sheet("DS", cols, by_award(cohort_hospital_2026(y)),
                  top=[centered("BỆNH VIỆN ĐA KHOA KHU VỰC LONG GIANG", 4),
                       centered(f"DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM {y}", n)],
                  footer=[Line({1: "Tổng số: 07"}), Line({n - 4: "Long Giang, ngày 15 tháng 12 năm 2026"}),
                          Line({1: "Người lập", n - 4: "GIÁM ĐỐC"}, bold=True)])
    return CorpusList(
        "32-benh-vien-luat06", "Bệnh viện khu vực, Luật 06/2026: CSTĐCS HTXS mà không có sáng kiến là cần xem xét (bản "
        "sửa Điều 23 chưa thấy), HTTNV có sáng kiến vẫn đạt; tuyển dụng 01/8/2026 (5 tháng) là cần xem xét",
        HOSPITAL_KV, ("two-row-header", "rating-aliases", "negatives", "footer-forms"),
        "luat06-2026", D(2026, 12, 18), (y,),
        {"level": "don_vi", "name": "Hội đồng Thi đua - Khen thưởng Bệnh viện", "members": 9}, [sheet])


HOME_AFFAIRS = "Sở Nội vụ tỉnh Long Giang (hư cấu)"


def list_word_luat06() -> CorpusList:
    y = 2026
    people = [
        Person("Nguyễn Văn Thông", False, D(1979, 2, 2), "Phó Giám đốc Sở", "Ban Giám đốc", "chien_si_thi_dua_co_so",
               {y: "htxs"}, inits=(Initiative("Số hóa hồ sơ cán bộ toàn tỉnh", "co_so", y, f"88/QĐ-SNV ngày 25/11/{y}"),)),
        Person("Trần Thị Mai Hoa", True, D(1985, 6, 14), "Trưởng phòng Công chức, viên chức", "Phòng CCVC",
               "chien_si_thi_dua_co_so", {y: "htxs"}),
        Person("Lý Thị Bảo Ngọc", True, D(1992, 10, 10), "Chuyên viên", "Văn phòng Sở", "lao_dong_tien_tien", {y: "httnv"}),
        Person("Hoàng Đức Anh", False, D(1990, 4, 4), "Chuyên viên", "Phòng Tổ chức biên chế", "lao_dong_tien_tien",
               {y: "htnv"}),
        Person("Đinh Thị Quế", True, D(1988, 8, 8), "Thanh tra viên", "Thanh tra Sở", "lao_dong_tien_tien", {y: "httnv"},
               discipline=Discipline("canh_cao", y, f"19/QĐ-SNV ngày 10/7/{y}")),
    ]
    prefix = {"Nguyễn Văn Thông": "Đ/c ", "Trần Thị Mai Hoa": "Bà ", "Hoàng Đức Anh": "Ông "}
    cols = [
        Col(("TT",), _name, counter="1.", width=5),
        Col(("Họ và tên, chức vụ",), lambda p: f"{prefix.get(p.name, '')}{p.name}\n{p.position}", ("name",), width=32),
        Col(("Thành tích năm 2026",), lambda p: "- " + RATING_WORDS[p.ratings[y]], (f"rating:{y}",), width=28),
        Col(("Sáng kiến",), lambda p: ("\n".join(f"+ {i.title} (cấp cơ sở)" for i in p.inits) or "+ Không"), ("init",),
            width=30),
        Col(("Kỷ luật",), lambda p: (f"- {DISC_WORDS[p.discipline.form]}, QĐ số {p.discipline.decision}"
                                     if p.discipline else "- Không"), ("disc",), width=26),
        Col(("Đề nghị",), lambda p: "- " + AWARD_WORDS[p.award], ("award",), width=24),
    ]
    sheet = Sheet("Table 1", cols, people, gap_after_top=0,
                  top=[Line({0: "DANH SÁCH CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG NĂM 2026 (kèm theo Tờ trình số 120/TTr-SNV)"},
                            bold=True)],
                  footer=[Line({0: "(Danh sách này có 05 người)"})])
    return CorpusList(
        "33-so-noi-vu-dan-tu-word-luat06", "Sở Nội vụ, Luật 06/2026: bảng dán từ Word — 'Đ/c', 'Bà', 'Ông' trước họ "
        "tên, chức vụ xuống dòng trong ô họ tên, gạch đầu dòng '-' và '+' trong mọi ô", HOME_AFFAIRS,
        ("word-pasted-cells", "bullets-in-cells", "negatives", "honorific-prefix", "footer-forms"),
        "luat06-2026", D(2026, 12, 20), (y,), PROVINCE_COUNCIL, [sheet])


KINDERGARTEN = "Trường Mầm non Hoa Sen, xã Tân Phước, tỉnh Long Giang (hư cấu)"


def list_split_name_columns() -> CorpusList:
    y = 2025
    names = staff_names(8, 11)
    people = []
    for i, (name, female) in enumerate(names):
        award = "chien_si_thi_dua_co_so" if i < 2 else "lao_dong_tien_tien"
        rating = "htxs" if i in (0, 1, 5) else ("htnv" if i == 6 else "httnv")
        inits = (Initiative("Góc trải nghiệm thiên nhiên cho trẻ 5 tuổi", "co_so", y, f"09/QĐ-MNHS ngày 20/5/{y}"),) if i == 0 else ()
        people.append(Person(name, female, D(1985 + i, 1 + i, 3 + i), "Giáo viên", "Tổ Mẫu giáo lớn", award,
                             {y: rating}, inits=inits))
    cols = [
        Col(("STT",), _name, counter="1", width=5),
        Col(("Họ và tên", ""), lambda p: p.name.rsplit(" ", 1)[0], ("name",), width=18),
        Col(("Họ và tên", " "), lambda p: p.name.rsplit(" ", 1)[1], ("name",), width=8),
        *born_nam_nu("Ngày sinh"),
        Col(("Xếp loại năm học 2024-2025",), rating_any(y, 6), (f"rating:{y}",)),
        Col(("Sáng kiến kinh nghiệm",), lambda p: f"{p.inits[0].title} (Cấp trường)" if p.inits else None, ("init",)),
        Col(("Kỷ luật",), lambda p: None, ("disc",)),
        Col(("Danh hiệu đề nghị",), award_any(2), ("award",)),
    ]
    n = len(cols)
    sheet = Sheet("Sheet1", cols, people, header_rows=2,
                  top=[centered("TRƯỜNG MẦM NON HOA SEN", 4),
                       centered("DANH SÁCH ĐỀ NGHỊ XÉT DANH HIỆU THI ĐUA NĂM HỌC 2024-2025", n)],
                  footer=[Line({1: "Danh sách gồm 08 người"}), Line({n - 3: "HIỆU TRƯỞNG"}, bold=True)])
    return CorpusList(
        "34-mam-non-ten-hai-cot", "Trường mầm non, NĐ 152: họ đệm và tên ở hai cột dưới một ô 'Họ và tên' gộp (dòng "
        "tiêu đề phụ để trống), ngày sinh dưới Nam/Nữ, sáng kiến 'cấp trường'", KINDERGARTEN,
        ("split-name-columns", "birth-under-gender", "two-row-header", "school-years", "rating-aliases", "footer-forms"),
        "nd152-2025", D(2025, 7, 10), (y,), {"level": "xa", "name": "Hội đồng Thi đua - Khen thưởng xã Tân Phước",
                                           "members": 9}, [sheet],
        notes="Sáng kiến 'cấp trường' là sáng kiến được đơn vị (cơ sở) công nhận.")


WARD = "UBND phường Đông Hòa, thành phố Hải Đông (hư cấu)"


def list_uppercase_names() -> CorpusList:
    y = 2021
    names = staff_names(9, 17)
    people = []
    for i, (name, female) in enumerate(names):
        award = "chien_si_thi_dua_co_so" if i == 0 else "lao_dong_tien_tien"
        rating = "htxs" if i in (0, 3) else ("htnv" if i == 8 else "httnv")
        inits = (Initiative("Sổ tay hộ tịch điện tử của phường", "co_so", y, f"31/QĐ-UBND ngày 25/11/{y}"),) if i == 0 else ()
        people.append(Person(name, female, D(1980 + i, 12 - i, 10 + i), "Công chức", "UBND phường", award,
                             {y: rating}, inits=inits))
    spaced = {0: "\u00a0", 2: "\u00a0\u200b", 5: "  "}
    cols = [
        Col(("STT",), _name, counter="1", width=5),
        Col(("HỌ VÀ TÊN",), lambda p: (spaced.get(people.index(p), " ").join(p.name.upper().split(" "))), ("name",),
            width=26),
        Col(("NĂM SINH",), lambda p: p.born.year),
        Col(("XẾP LOẠI NĂM 2021",), _rating(y), (f"rating:{y}",)),
        Col(("SÁNG KIẾN",), lambda p: f"{p.inits[0].title} - cấp cơ sở" if p.inits else None, ("init",)),
        Col(("KỶ LUẬT",), lambda p: None, ("disc",)),
        Col(("DANH HIỆU ĐỀ NGHỊ",), lambda p: AWARD_WORDS[p.award].upper(), ("award",), width=26),
    ]
    n = len(cols)
    sheet = Sheet("Sheet1", cols, people,
                  top=[centered("UBND PHƯỜNG ĐÔNG HÒA", 3),
                       centered("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2020", n)],
                  footer=[Line({1: "TỔNG CỘNG: 09 NGƯỜI"}, bold=True)])
    return CorpusList(
        "35-phuong-chu-hoa-nd91", "UBND phường, NĐ 91: họ tên và danh hiệu viết HOA, khoảng trắng không ngắt và ký tự "
        "rộng 0 giữa các chữ; tiêu đề còn 'NĂM 2020' trong đợt xét năm 2021", WARD,
        ("uppercase-names", "nbsp-zero-width", "list-year-vs-round", "footer-forms"),
        "nd91-2017", D(2022, 1, 18), (y,), {"level": "xa", "name": "Hội đồng Thi đua - Khen thưởng phường Đông Hòa",
                                           "members": 7}, [sheet], caps=nd91_caps(),
        notes="Họ tên in trên quyết định theo cách viết thường ('Nguyễn Văn An'). 1 CSTĐCS trên 9 người: trong trần 15 %.")


POPULATION = "Chi cục Dân số tỉnh Hải Đông (hư cấu)"


def list_two_sheets_lookup() -> CorpusList:
    y = 2024
    people = [
        Person("Kha Thị Mộng Tuyền", True, D(1987, 7, 7), "Chi cục trưởng", "Lãnh đạo Chi cục", "chien_si_thi_dua_co_so",
               {y: "htxs"}),
        Person("Âu Văn Thành", False, D(1982, 2, 12), "Phó Chi cục trưởng", "Lãnh đạo Chi cục", "lao_dong_tien_tien",
               {y: "httnv"}),
        Person("Viên Thị Hạnh", True, D(1991, 9, 19), "Chuyên viên", "Phòng Nghiệp vụ", "lao_dong_tien_tien", {y: "httnv"}),
        Person("Tạ Minh Quân", False, D(1994, 4, 24), "Chuyên viên", "Phòng Nghiệp vụ", "lao_dong_tien_tien", {y: "htnv"}),
    ]
    groups = [
        Collective("Phòng Nghiệp vụ", "tap_the_lao_dong_xuat_sac", 8, 7, 1, 8),
        Collective("Phòng Hành chính - Tổng hợp", "tap_the_lao_dong_xuat_sac", 6, 4, 1, 6),
    ]
    ind = Sheet("Cá nhân", [
        Col(("STT",), _name, counter="1", width=5),
        Col(("Họ và tên",), _name, ("name",), width=22),
        Col(("Chức vụ",), lambda p: p.position),
        Col((f"Xếp loại năm {y}",), _rating(y), (f"rating:{y}",)),
        Col(("Kỷ luật",), lambda p: None, ("disc",)),
        Col(("Danh hiệu đề nghị",), _award(), ("award",), width=24),
    ], people, top=[centered(f"DANH SÁCH CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG NĂM {y}", 6)],
        footer=[Line({1: "Cộng: 04 cá nhân"})])
    col = Sheet("Tập thể", collective_cols(), groups, top=[centered(f"DANH SÁCH TẬP THỂ ĐỀ NGHỊ KHEN THƯỞNG NĂM {y}", 10)],
                footer=[Line({1: "Cộng: 02 tập thể"})])
    lookup = Sheet("DanhMuc", [Col(("STT",), lambda r: r[0]), Col(("Danh hiệu thi đua",), lambda r: r[1], width=40)],
                   [(1, "Lao động tiên tiến"), (2, "Chiến sĩ thi đua cơ sở"), (3, "Tập thể lao động tiên tiến"),
                    (4, "Tập thể lao động xuất sắc"), (5, "Giấy khen")], gap_after_top=0, hidden=True)
    return CorpusList(
        "36-chi-cuc-hai-trang-tinh", "Chi cục: một tệp hai trang tính (cá nhân, tập thể) và một trang 'DanhMuc' ẩn dùng "
        "cho danh sách chọn (có STT và tên danh hiệu — không phải người được đề nghị)", POPULATION,
        ("multi-sheet", "lookup-sheets", "collective-list", "footer-forms"),
        "nd98-2023", D(2025, 1, 22), (y,), {"level": "don_vi", "name": "Hội đồng Thi đua - Khen thưởng Chi cục",
                                           "members": 5}, [ind, col, lookup],
        sheet_of_nominees=("Cá nhân", "Tập thể"))


EDU_OFFICE = "Phòng Giáo dục và Đào tạo huyện Tân Hải (hư cấu)"


def list_district_schools_cap() -> CorpusList:
    y = 2023
    a, b = "Trường Tiểu học Hòa Bình", "Trường THCS Quang Trung"
    names = staff_names(16, 5)  # one call: no name twice across the two schools
    pa = [replace(p, unit=a) for p in cohort_thcs(y, cstdcs=1, ldtt=8, names=names[:9])]
    pb = [replace(p, unit=b) for p in cohort_thcs(y, cstdcs=2, ldtt=5, names=names[9:])]
    cols = [
        Col(("STT",), _name, counter="1", width=5),
        Col(("Họ và tên",), _name, ("name",), width=22),
        Col(("Đơn vị",), lambda p: p.unit, width=26),
        Col(("Xếp loại năm học 2022-2023",), rating_any(y, 7), (f"rating:{y}",)),
        Col(("Sáng kiến (cấp cơ sở)",), lambda p: p.inits[0].title if p.inits else None, ("init",), width=30),
        Col(("Kỷ luật",), lambda p: None, ("disc",)),
        Col(("Danh hiệu đề nghị",), award_any(3), ("award",)),
    ]
    n = len(cols)
    body = [Section(f"1. {a}", span=False), *pa, Line({1: f"Cộng: {len(pa)} người"}, in_table=True),
            Section(f"2. {b}", span=False), *pb, Line({1: f"Cộng: {len(pb)} người"}, in_table=True)]
    sheet = Sheet("Tong hop", cols, body,
                  top=[centered("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN TÂN HẢI", 4),
                       centered("TỔNG HỢP DANH SÁCH ĐỀ NGHỊ DANH HIỆU THI ĐUA NĂM HỌC 2022-2023", n)],
                  footer=[Line({1: f"Tổng cộng toàn huyện: {len(pa) + len(pb)} người"}, bold=True)])
    return CorpusList(
        "37-phong-gd-nhieu-truong-nd91", "Phòng GD&ĐT huyện, NĐ 91: danh sách tổng hợp nhiều trường, mỗi trường một dòng "
        "mục '1. Trường …' và dòng 'Cộng: 9 người'; trần 15 % tính riêng từng trường (cột 'Đơn vị'): trường Hòa Bình "
        "trong trần, trường Quang Trung vượt", EDU_OFFICE,
        ("list-cap", "section-rows", "subtotal-rows", "school-years", "footer-forms"),
        "nd91-2017", D(2023, 7, 25), (y,), {"level": "huyen", "name": "Hội đồng Thi đua - Khen thưởng huyện Tân Hải",
                                           "members": 9}, [sheet], caps=nd91_caps(lambda p: p.unit),
        notes="Trường Quang Trung: 2 CSTĐCS trên 7 người đạt LĐTT, 15 % = 1,05 → tối đa 1.")


def list_unknown_values() -> CorpusList:
    y = 2024
    pending = "Đang chờ Hội đồng sáng kiến công nhận"
    people = [
        Person("Khổng Thị Thanh", True, D(1984, 4, 14), "Viên chức", "Phòng Nghiệp vụ văn hóa", "lao_dong_tien_tien",
               {y: "httnv"}, odd={f"rating:{y}": "Khá"}),
        Person("Mẫn Văn Trọng", False, D(1986, 8, 18), "Viên chức", "Phòng Nghiệp vụ văn hóa", "lao_dong_tien_tien",
               {y: "httnv"}, odd={f"rating:{y}": "chờ đánh giá"}),
        Person("Chu Thị Ngà", True, D(1990, 1, 30), "Thủ thư", "Thư viện tỉnh", "lao_dong_tien_tien", {y: "httnv"},
               odd={"disc": "?"}),
        Person("Bạch Văn Khoa", False, D(1983, 5, 25), "Huấn luyện viên", "Trung tâm Huấn luyện thể thao",
               "chien_si_thi_dua_co_so", {y: "httnv"}, odd={"init": pending}),
        Person("Lò Thị Xuyến", True, D(1988, 12, 3), "Diễn viên", "Đoàn Ca múa nhạc", "chien_si_thi_dua_co_so",
               {y: "htxs"}, odd={"init": pending}),
        Person("Doãn Văn Hùng", False, D(1979, 7, 7), "Lái xe", "Văn phòng Sở", "lao_dong_tien_tien", {y: "httnv"},
               odd={f"rating:{y}": "Khá"},
               discipline=Discipline("canh_cao", y, f"22/QĐ-SVHTTDL ngày 8/8/{y}")),
        Person("Thạch Thị Yến", True, D(1992, 2, 22), "Kế toán", "Văn phòng Sở", "lao_dong_tien_tien", {y: "httnv"}),
        Person("Tống Văn Lộc", False, D(1981, 10, 1), "Phó Trưởng phòng", "Phòng Quản lý thể dục thể thao",
               "chien_si_thi_dua_co_so", {y: "htxs"}, odd={f"rating:{y}": "HTXSNV (dự kiến)"}),
    ]
    cols = [
        Col(("STT",), _name, counter="1", width=5),
        Col(("Họ và tên",), _name, ("name",), width=22),
        Col(("Chức vụ",), lambda p: p.position),
        Col(("Đơn vị",), lambda p: p.dept, width=26),
        Col((f"Xếp loại năm {y}",), _rating(y), (f"rating:{y}",)),
        Col(("Sáng kiến",), _init_names, ("init",), width=30),
        Col(("Kỷ luật",), lambda p: shown(p, "disc", f"Cảnh cáo (QĐ số {p.discipline.decision})" if p.discipline else None),
            ("disc",)),
        Col(("Danh hiệu đề nghị",), _award(), ("award",), width=24),
    ]
    n = len(cols)
    sheet = Sheet("DS", cols, people, top=[centered("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH TỈNH HẢI ĐÔNG", 4),
                                           centered(f"DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM {y}", n)],
                  footer=[Line({1: "Tổng: 08 người"})])
    return CorpusList(
        "38-so-van-hoa-gia-tri-khong-ro", "Sở VHTTDL, NĐ 98: giá trị người đọc cẩn thận không hiểu chắc — xếp loại 'Khá', "
        "'chờ đánh giá', 'HTXSNV (dự kiến)', kỷ luật '?', sáng kiến 'Đang chờ Hội đồng sáng kiến công nhận': cần xem "
        "xét, nêu ô; trừ khi một dữ kiện khác đã đủ (HTXS) hoặc đã loại (cảnh cáo)",
        "Sở Văn hóa, Thể thao và Du lịch tỉnh Hải Đông (hư cấu)", ("unknown-value", "footer-forms"),
        "nd98-2023", D(2025, 2, 5), (y,), PROVINCE_COUNCIL, [sheet])


ECONOMIC_ZONE = "Ban Quản lý Khu kinh tế tỉnh Long Giang (hư cấu)"


def list_merged_notes() -> CorpusList:
    y = 2025
    insp = "Đang bị thanh tra, kiểm tra (Kế hoạch số 12/KH-TTr ngày 05/11/2025 của Thanh tra tỉnh)"
    people = [
        Person("Trần Văn Hiếu", False, D(1978, 3, 3), "Trưởng phòng", "Phòng Quản lý đầu tư", "chien_si_thi_dua_co_so",
               {y: "htxs"}, pending=insp),
        Person("Phạm Thị Thu Hiền", True, D(1986, 6, 16), "Chuyên viên", "Phòng Quản lý đầu tư", "lao_dong_tien_tien",
               {y: "httnv"}, pending=insp),
        Person("Nguyễn Minh Tâm", False, D(1990, 9, 26), "Chuyên viên", "Phòng Quản lý đầu tư", "lao_dong_tien_tien",
               {y: "httnv"}, pending=insp),
        Person("Lê Thị Ngọc Diệp", True, D(1984, 12, 6), "Trưởng phòng", "Phòng Quản lý doanh nghiệp",
               "chien_si_thi_dua_co_so", {y: "htxs"}),
        Person("Võ Thành Đạt", False, D(1989, 2, 9), "Chuyên viên", "Phòng Quản lý doanh nghiệp", "lao_dong_tien_tien",
               {y: "httnv"}),
        Person("Đặng Thị Tuyết Mai", True, D(1992, 5, 19), "Chuyên viên", "Phòng Quản lý doanh nghiệp",
               "lao_dong_tien_tien", {y: "httnv"}),
        Person("Hồ Văn Phát", False, D(1987, 8, 29), "Chuyên viên", "Văn phòng Ban", "lao_dong_tien_tien", {y: "httnv"}),
        Person("Bùi Thị Kim Ngân", True, D(1995, 11, 11), "Văn thư", "Văn phòng Ban", "lao_dong_tien_tien", {y: "httnv"}),
    ]
    cols = [
        Col(("STT",), _name, counter="1", width=5),
        Col(("Họ và tên",), _name, ("name",), width=22),
        Col(("Chức vụ",), lambda p: p.position),
        Col(("Phòng",), lambda p: p.dept, width=26, merge_down=True),
        Col((f"Xếp loại năm {y}",), lambda p: RATING_SHORT[p.ratings[y]], (f"rating:{y}",), merge_down=True),
        Col(("Kỷ luật",), lambda p: None, ("disc",)),
        Col(("Danh hiệu đề nghị",), _award(), ("award",), width=24),
        Col(("Ghi chú",), lambda p: p.pending, ("pending",), width=36, merge_down=True, states=False),
    ]
    n = len(cols)
    sheet = Sheet("Danh sach", cols, people, top=[centered("BAN QUẢN LÝ KHU KINH TẾ TỈNH LONG GIANG", 4),
                                                  centered(f"DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM {y}", n)],
                  footer=[Line({1: "Danh sách gồm 08 người./."}), Line({n - 3: "TRƯỞNG BAN"}, bold=True)])
    return CorpusList(
        "39-ban-ql-ghi-chu-gop-o", "Ban quản lý khu kinh tế, NĐ 152: một ô 'Ghi chú' gộp xuống ba người của cùng phòng "
        "('Đang bị thanh tra, kiểm tra …'); xếp loại và phòng cũng gộp ô xuống nhiều người", ECONOMIC_ZONE,
        ("merged-down-value", "notes-facts", "footer-forms"),
        "nd152-2025", D(2026, 1, 16), (y,), {"level": "don_vi", "name": "Hội đồng Thi đua - Khen thưởng Ban",
                                            "members": 7}, [sheet],
        notes="Giá trị gộp ô là dữ kiện của mọi dòng nó phủ: cả ba người đang bị thanh tra (NĐ 152 Điều 4 k4).")


INDUSTRY = "Sở Công Thương tỉnh Long Giang (hư cấu)"


def list_two_discipline_columns() -> CorpusList:
    y = 2025
    people = [
        Person("Lưu Văn Thành", False, D(1982, 2, 28), "Chuyên viên", "Phòng Quản lý thương mại", "lao_dong_tien_tien",
               {y: "httnv"}, discipline=Discipline("khien_trach", y, f"17/QĐ-SCT ngày 09/6/{y}")),
        Person("Nguyễn Thị Hải Yến", True, D(1988, 7, 17), "Chuyên viên", "Phòng Quản lý công nghiệp",
               "lao_dong_tien_tien", {y: "httnv"}, pending="Có (đang bị thanh tra công vụ)"),
        Person("Tạ Quang Vũ", False, D(1980, 10, 20), "Phó Giám đốc Sở", "Ban Giám đốc", "chien_si_thi_dua_co_so",
               {y: "htxs"}),
        Person("Đỗ Thị Hương Giang", True, D(1991, 1, 1), "Chuyên viên", "Văn phòng Sở", "lao_dong_tien_tien",
               {y: "httnv"}),
        Person("Quách Minh Nhật", False, D(1985, 4, 15), "Trưởng phòng", "Phòng Kế hoạch - Tài chính",
               "chien_si_thi_dua_co_so", {y: "httnv"},
               inits=(Initiative("Bảng điều khiển số liệu xuất khẩu theo tháng", "co_so", y, f"40/QĐ-SCT ngày 25/11/{y}"),)),
        Person("Phan Thị Bích Liên", True, D(1993, 9, 9), "Chuyên viên", "Thanh tra Sở", "lao_dong_tien_tien",
               {y: "htnv"}),
    ]
    cols = [
        Col(("STT",), _name, counter="1", width=5),
        Col(("Họ và tên",), _name, ("name",), width=22),
        Col(("Chức vụ, đơn vị",), lambda p: f"{p.position}, {p.dept}", width=30),
        Col((f"Xếp loại năm {y}",), rating_any(y, 8), (f"rating:{y}",)),
        Col(("Sáng kiến",), lambda p: f"{p.inits[0].title} (cấp cơ sở)" if p.inits else None, ("init",), width=30),
        Col((f"Kỷ luật năm {y}",), lambda p: DISC_WORDS[p.discipline.form] if p.discipline else None, ("disc",)),
        Col(("Đang bị xem xét kỷ luật, thanh tra, kiểm tra",), lambda p: p.pending or "Không", ("pending",), width=24),
        Col(("Danh hiệu đề nghị",), _award(), ("award",), width=24),
    ]
    n = len(cols)
    sheet = Sheet("DS", cols, people, top=[centered(f"DANH SÁCH ĐỀ NGHỊ XÉT THI ĐUA NĂM {y}", n)],
                  footer=[Line({1: "Người lập biểu", n - 3: "GIÁM ĐỐC"}, bold=True)])
    return CorpusList(
        "40-so-cong-thuong-hai-cot-ky-luat", "Sở Công Thương, NĐ 152: cột 'Kỷ luật năm 2025' (năm trong tiêu đề) và cột "
        "'Đang bị xem xét kỷ luật, thanh tra, kiểm tra' — hai cột cho cùng tiêu chí, phải đọc cả hai", INDUSTRY,
        ("two-columns-one-field", "discipline-year-header", "negatives", "rating-aliases", "footer-forms"),
        "nd152-2025", D(2026, 1, 20), (y,), PROVINCE_COUNCIL, [sheet])


PROJECTS = "Ban Quản lý dự án đầu tư xây dựng tỉnh Hải Đông (hư cấu)"


def list_service_months() -> CorpusList:
    y = 2021
    names = staff_names(11, 23)
    recruited: list[Any] = [D(y, 4, 1), "4/2021", D(y, 1, 10), "15/3/2015", "02/01/2012"] + [None] * 6
    specials = {3: "Nghỉ thai sản từ 01/3/2021 đến 31/8/2021", 4: "Đi học thạc sĩ tập trung 9 tháng (từ 01/3/2021)"}
    people = []
    for i, (name, female) in enumerate(names):
        r = recruited[i]
        rdate = r if isinstance(r, dt.date) else (D(2021, 4, 1) if r == "4/2021" else
                                                   (D(2015, 3, 15) if r == "15/3/2015" else
                                                    (D(2012, 1, 2) if r else None)))
        award = "chien_si_thi_dua_co_so" if i == 10 else "lao_dong_tien_tien"
        inits = (Initiative("Mẫu hồ sơ nghiệm thu điện tử", "co_so", y, f"25/QĐ-BQLDA ngày 01/12/{y}"),) if i == 10 else ()
        people.append(Person(name, female, D(1980 + i, 1 + i % 12, 5 + i), "Viên chức", "Phòng Kỹ thuật", award,
                             {y: "htxs" if i == 10 else "httnv"}, recruited=rdate, special=specials.get(i),
                             inits=inits))
    shown_date = {p.name: recruited[i] for i, p in enumerate(people)}
    cols = [
        Col(("STT",), _name, counter="1", width=5),
        Col(("Họ và tên",), _name, ("name",), width=22),
        Col(("Ngày tuyển dụng",), lambda p: shown_date[p.name], ("recruited",), number_format="dd/mm/yyyy"),
        Col((f"Xếp loại năm {y}",), _rating(y), (f"rating:{y}",)),
        Col(("Sáng kiến",), lambda p: f"{p.inits[0].title} (cơ sở)" if p.inits else None, ("init",)),
        Col(("Kỷ luật",), lambda p: None, ("disc",)),
        Col(("Danh hiệu đề nghị",), _award(), ("award",)),
        Col(("Ghi chú",), lambda p: p.special, width=34, states=False),
    ]
    n = len(cols)
    sheet = Sheet("LDTT", cols, by_award(people), top=[centered(f"DANH SÁCH ĐỀ NGHỊ XÉT DANH HIỆU THI ĐUA NĂM {y}", n)],
                  footer=[Line({1: f"Tổng: {len(people)} người"})])
    return CorpusList(
        "41-ban-qlda-thoi-gian-cong-tac-nd91", "Ban QLDA, NĐ 91: ngày tuyển dụng ghi bằng ngày Excel, '4/2021', "
        "'15/3/2015' — mới tuyển dụng dưới 10 tháng không xét LĐTT; nghỉ thai sản và đi học ghi ở 'Ghi chú' vẫn được "
        "tính", PROJECTS, ("service-months", "notes-facts", "dates-as-text", "footer-forms"),
        "nd91-2017", D(2022, 1, 25), (y,), {"level": "don_vi", "name": "Hội đồng Thi đua - Khen thưởng Ban",
                                           "members": 7}, [sheet], caps=nd91_caps(),
        notes="NĐ 91 Điều 10: tuyển dụng 01/4/2021 → 9 tháng đến 31/12/2021, dưới 10 tháng; nghỉ thai sản và đi học "
              "dưới 1 năm được tính là thời gian công tác.")


def list_commune_minimal() -> CorpusList:
    y = 2025
    people = [p for p in cohort_commune(y) if p.award == "lao_dong_tien_tien" and p.discipline is None][:6]
    cols = [
        Col(("STT",), _name, counter="1", width=5),
        Col(("Họ và tên",), _name, ("name",), width=22),
        Col(("Chức vụ",), lambda p: p.position, width=30),
        Col((f"Xếp loại năm {y}",), _rating(y), (f"rating:{y}",)),
        Col(("Danh hiệu đề nghị",), _award(), ("award",)),
    ]
    sheet = Sheet("Sheet1", cols, people, top=[Line({0: "UBND XÃ TÂN PHƯỚC - DANH SÁCH ĐỀ NGHỊ LĐTT NĂM 2025"}, bold=True)])
    return CorpusList(
        "43-xa-toi-gian-khong-cot-ky-luat", "UBND xã, NĐ 152: danh sách tối giản (họ tên, chức vụ, xếp loại, danh hiệu) "
        "— không có cột nào cho kỷ luật hay thanh tra, nên tiêu chí kỷ luật không kiểm được: cần xem xét",
        COMMUNE_VNI, ("missing-column", "plain"), "nd152-2025", D(2026, 1, 15), (y,),
        {"level": "xa", "name": "Hội đồng Thi đua - Khen thưởng xã Tân Phước", "members": 9}, [sheet],
        notes="Danh sách không có cột kỷ luật: tiêu chí 'không đang bị kỷ luật' (NĐ 152 Điều 4 k4) thiếu dữ kiện → "
              "cần xem xét (if_missing: review). Người xếp loại HTNV vẫn không đạt.")


def cocp_cap(entries: list[dict[str, Any]], placed: list[tuple[Any, dict[str, str]]]) -> None:
    """NĐ 152 Điều 7 k1: Cờ thi đua của Chính phủ ≤ 20 % of the cluster leaders meeting the Cờ bộ/tỉnh standard."""
    leaders = [i for i, (o, _c) in enumerate(placed) if isinstance(o, Collective) and o.rank == 1
               and o.award in ("co_thi_dua_bo_tinh", "co_thi_dua_chinh_phu")]
    cp = [i for i, (o, _c) in enumerate(placed) if isinstance(o, Collective) and o.award == "co_thi_dua_chinh_phu"]
    allowed = (20 * len(leaders)) // 100
    if len(cp) > allowed:
        for i in cp:
            if entries[i]["verdict"] != FAIL:
                entries[i]["verdict"] = REVIEW
                entries[i]["why"] = (f"vượt trần 20 %: {len(cp)} Cờ Chính phủ / {len(leaders)} tập thể dẫn đầu khối, "
                                     f"tối đa {allowed} (NĐ 152 Điều 7 k1)")


def list_government_flag_cap() -> CorpusList:
    y = 2025
    flags = [
        Collective("Sở Tư pháp tỉnh Long Giang", "co_thi_dua_bo_tinh", 48, 45, 5, 48, cluster="Khối Nội chính", rank=1),
        Collective("Sở Tài chính tỉnh Long Giang", "co_thi_dua_bo_tinh", 80, 70, 8, 80, cluster="Khối Tổng hợp", rank=1),
        Collective("Sở Y tế tỉnh Long Giang", "co_thi_dua_bo_tinh", 66, 60, 6, 66, cluster="Khối Văn hóa - Xã hội", rank=1),
        Collective("Sở Xây dựng tỉnh Long Giang", "co_thi_dua_chinh_phu", 74, 70, 9, 74, cluster="Khối Kinh tế", rank=1),
        Collective("Văn phòng Sở Tư pháp tỉnh Long Giang", "tap_the_lao_dong_xuat_sac", 12, 11, 1, 12),
    ]
    cols = [
        Col(("STT",), _name, counter="1", width=5),
        Col(("Tên tập thể",), _name, ("name",), width=32),
        Col(("Số CBCCVC",), lambda c: c.members, ("members",)),
        Col(("Số LĐTT",), lambda c: c.ltt, ("ltt",)),
        Col(("Số CSTĐCS",), lambda c: c.cstdcs, ("cstdcs",)),
        Col(("Số hoàn thành nhiệm vụ",), lambda c: c.completed, ("completed",)),
        Col(("Xếp loại tập thể",), lambda c: RATING_SHORT[c.rating or "httnv"], ("crating",)),
        Col(("Khối thi đua",), lambda c: c.cluster),
        Col(("Kết quả suy tôn",), lambda c: "Dẫn đầu khối" if c.rank == 1 else None, ("rank",)),
        Col(("Hình thức đề nghị",), _award(), ("award",), width=26),
    ]
    n = len(cols)
    sheet = Sheet("Co thi dua", cols, flags, top=[centered("DANH SÁCH ĐỀ NGHỊ TẶNG CỜ THI ĐUA NĂM 2025", n)],
                  footer=[Line({1: "Tổng cộng: 05 tập thể"})])
    return CorpusList(
        "44-tinh-co-chinh-phu-nd152", "Hội đồng tỉnh, NĐ 152: Cờ thi đua của UBND tỉnh cho các tập thể dẫn đầu khối (số "
        "Cờ mỗi khối chưa đặt trong quy chế → cần xem xét) và một Cờ thi đua của Chính phủ vượt trần 20 % của 4 tập "
        "thể dẫn đầu", "Sở Nội vụ tỉnh Long Giang (hư cấu)",
        ("list-cap", "collective-list", "cluster-words", "footer-forms"),
        "nd152-2025", D(2026, 2, 12), (y,), PROVINCE_COUNCIL, [sheet], caps=cocp_cap,
        notes="20 % của 4 tập thể dẫn đầu khối = 0,8 → không được Cờ Chính phủ nào: Hội đồng xem xét.")


def list_initiative_window() -> CorpusList:
    y = 2024
    people = [
        Person("Nguyễn Đình Trọng", False, D(1981, 11, 11), "Trưởng phòng", "Phòng Y tế", "bang_khen_bo_tinh",
               {y - 1: "htxs", y: "htxs"},
               inits=(Initiative("Hồ sơ sức khỏe điện tử cho người cao tuổi", "co_so", y - 2, "14/QĐ-UBND ngày 01/12/2022"),
                      Initiative("Tiêm chủng hẹn giờ qua tin nhắn", "co_so", y, "51/QĐ-UBND ngày 29/11/2024"))),
        Person("Lê Thị Hồng Hạnh", True, D(1984, 1, 24), "Phó Trưởng phòng", "Phòng Văn hóa - Thông tin",
               "bang_khen_bo_tinh", {y - 1: "htxs", y: "htxs"},
               inits=(Initiative("Thư viện số cấp huyện", "bo_tinh", y - 1, "1877/QĐ-UBND ngày 12/12/2023"),
                      Initiative("Bản đồ di tích trên điện thoại", "co_so", y, "51/QĐ-UBND ngày 29/11/2024"))),
        Person("Vũ Minh Hoàng", False, D(1986, 5, 5), "Chuyên viên", "Văn phòng HĐND và UBND", "bang_khen_bo_tinh",
               {y - 1: "htxs", y: "httnv"}, titles=_cstdcs_years(y - 1, y),
               inits=(Initiative("Đề tài: Chuẩn hóa quy trình một cửa", "co_so", y - 1, "33/QĐ-UBND ngày 01/12/2023"),
                      Initiative("Đề tài: Kho dữ liệu văn bản điện tử", "co_so", y, "51/QĐ-UBND ngày 29/11/2024"))),
    ]
    cols = [
        Col(("STT",), _name, counter="1", width=5),
        Col(("Họ và tên",), _name, ("name",), width=22),
        Col(("Chức vụ, đơn vị",), lambda p: f"{p.position} {p.dept}", width=30),
        Col(("Xếp loại", f"Năm {y - 1}"), _rating(y - 1), (f"rating:{y - 1}",)),
        Col(("Xếp loại", f"Năm {y}"), _rating(y), (f"rating:{y}",)),
        Col(("Danh hiệu", f"Năm {y - 1}"), _title(y - 1), (f"title:{y - 1}",)),
        Col(("Danh hiệu", f"Năm {y}"), _title(y), (f"title:{y}",)),
        Col(("Sáng kiến, đề tài", "Tên"), _init_names, ("init",), width=32),
        Col(("Sáng kiến, đề tài", "Số lượng"), lambda p: len(p.inits), ("init",)),
        Col(("Sáng kiến, đề tài", "Cấp"), lambda p: "\n".join(INIT_LEVEL_CAP[i.level] for i in p.inits), ("init",)),
        Col(("Sáng kiến, đề tài", "Năm"), lambda p: "\n".join(str(i.year) for i in p.inits), ("init",)),
        Col(("Kỷ luật",), lambda p: None, ("disc",)),
        Col(("Hình thức đề nghị",), _award(), ("award",), width=26),
    ]
    n = len(cols)
    sheet = Sheet("Ca nhan", cols, people, top=[centered("UBND HUYỆN TÂN HẢI", 4),
                                                 centered(f"DANH SÁCH ĐỀ NGHỊ TẶNG BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH NĂM {y}", n)],
                  footer=[Line({1: "Danh sách gồm 03 người./."})])
    return CorpusList(
        "42-huyen-bang-khen-sang-kien-hai-nam", "UBND huyện, NĐ 98: Bằng khen tỉnh cần 2 sáng kiến trong 2 năm liên tục "
        "(Luật 2022 Điều 74 k1 d) — một sáng kiến năm 2022 ngoài thời gian; sáng kiến cấp tỉnh tính như cấp cơ sở trở "
        "lên; đề tài thay sáng kiến; nhiều dòng trong một ô cho tên, cấp, năm", "UBND huyện Tân Hải (hư cấu)",
        ("initiative-window", "two-row-header", "multi-line-cells", "footer-forms"),
        "nd98-2023", D(2025, 3, 3), (y,), PROVINCE_COUNCIL, [sheet])


COMMUNE_2026 = "UBND xã Phú Mỹ, tỉnh Long Giang (hư cấu)"


def list_award_by_section_luat06() -> CorpusList:
    y = 2026
    people = [
        Person("Lê Văn Quý", False, D(1976, 5, 1), "Chủ tịch UBND xã", "UBND xã", "chien_si_thi_dua_co_so", {y: "htxs"},
               inits=(Initiative("Chuyển đổi số thủ tục chứng thực tại xã", "co_so", y, f"77/QĐ-UBND ngày 01/12/{y}"),)),
        Person("Nguyễn Thị Thanh Hương", True, D(1984, 3, 12), "Phó Chủ tịch UBND xã", "UBND xã",
               "chien_si_thi_dua_co_so", {y: "htxs"}),
        Person("Phạm Văn Lợi", False, D(1988, 7, 20), "Công chức Văn phòng - Thống kê", "UBND xã", "lao_dong_tien_tien",
               {y: "httnv"}),
        Person("Trần Thị Ngọc Ánh", True, D(1991, 9, 9), "Công chức Tư pháp - Hộ tịch", "UBND xã", "lao_dong_tien_tien",
               {y: "httnv"}),
        Person("Huỳnh Văn Dũng", False, D(1985, 12, 24), "Công chức Địa chính", "UBND xã", "lao_dong_tien_tien",
               {y: "htnv"}),
        Person("Võ Thị Kiều", True, D(1993, 2, 2), "Công chức Văn hóa - Xã hội", "UBND xã", "lao_dong_tien_tien",
               {y: "httnv"}, discipline=Discipline("khien_trach", y, f"30/QĐ-UBND ngày 14/8/{y}")),
    ]
    cols = [
        Col(("STT",), _name, counter="1", width=5),
        Col(("Họ và tên",), _name, ("name",), width=24),
        Col(("Chức vụ",), lambda p: p.position, width=28),
        Col((f"Xếp loại năm {y}",), rating_any(y, 9), (f"rating:{y}",)),
        Col(("Sáng kiến",), lambda p: f"{p.inits[0].title} (cơ sở)" if p.inits else "Không", ("init",), width=30),
        Col(("Kỷ luật",), lambda p: f"Khiển trách ({p.discipline.decision})" if p.discipline else "Không", ("disc",)),
    ]
    n = len(cols)
    body = [Section("I. ĐỀ NGHỊ CÔNG NHẬN DANH HIỆU CHIẾN SĨ THI ĐUA CƠ SỞ"), *people[:2],
            Section("II. ĐỀ NGHỊ CÔNG NHẬN DANH HIỆU LAO ĐỘNG TIÊN TIẾN"), *people[2:]]
    sheet = Sheet("Sheet1", cols, body, top=[centered("ỦY BAN NHÂN DÂN XÃ PHÚ MỸ", 3),
                                             centered(f"DANH SÁCH ĐỀ NGHỊ XÉT DANH HIỆU THI ĐUA NĂM {y}", n)],
                  footer=[Line({1: "Phú Mỹ, ngày … tháng 12 năm 2026"}), Line({1: "CHỦ TỊCH"}, bold=True)])
    return CorpusList(
        "26-xa-danh-hieu-theo-muc-luat06", "UBND xã, Luật 06/2026: không có cột danh hiệu — danh hiệu đề nghị ghi ở dòng "
        "mục ('I. ĐỀ NGHỊ CÔNG NHẬN DANH HIỆU CHIẾN SĨ THI ĐUA CƠ SỞ', 'II. … LAO ĐỘNG TIÊN TIẾN')", COMMUNE_2026,
        ("award-in-section-rows", "section-rows", "negatives", "rating-aliases", "footer-forms"),
        "luat06-2026", D(2026, 12, 22), (y,), {"level": "xa", "name": "Hội đồng Thi đua - Khen thưởng xã Phú Mỹ",
                                            "members": 7}, [sheet])


def list_hospital_tcvn3_notes() -> CorpusList:
    y = 2024
    people = cohort_hospital(y)
    cols = [
        Col(("STT",), _name, counter="1", width=5),
        Col(("Họ và tên",), _name, ("name",), width=22),
        Col(("Giới tính",), _gender),
        Col(("Chức vụ, khoa",), lambda p: f"{p.position} - {p.dept}", width=30),
        *[Col((f"Xếp loại {k}",), _rating(k, RATING_WORDS), (f"rating:{k}",), width=24) for k in (y - 1, y)],
        *[Col((f"Danh hiệu {k}",), _title(k, {"ldtt": "Lao động tiên tiến", "cstdcs": "Chiến sĩ thi đua cơ sở"}),
              (f"title:{k}",)) for k in (y - 1, y)],
        Col(("Sáng kiến",), lambda p: "\n".join(f"{i.title} - cơ sở - {i.year}" for i in p.inits) or "Không", ("init",),
            width=32),
        Col(("Kỷ luật",), lambda p: f"Khiển trách năm {p.discipline.year}" if p.discipline else "Không", ("disc",)),
        Col(("Ngày tuyển dụng",), lambda p: dmy(p.recruited) if p.recruited else None, ("recruited",)),
        Col(("Danh hiệu đề nghị",), _award(), ("award",), width=26),
        Col(("Ghi chú",), lambda p: p.pending, ("pending",), width=34, states=False),
    ]
    n = len(cols)
    sheet = Sheet("Sheet1", cols, by_award(people), font=".VnTime", encode="tcvn3",
                  top=[centered("Trung tâm Y tế huyện Long Điền", 4),
                       centered("Danh sách cá nhân đề nghị khen thưởng năm 2024", n)],
                  footer=[Line({1: "Danh sách gồm 08 người"}), Line({n - 4: "Giám đốc"}, bold=True)])
    return CorpusList(
        "45-benh-vien-tcvn3-ghi-chu", "Trung tâm Y tế, NĐ 98: cùng người như 09 nhưng cả bảng gõ phông TCVN3 — xếp "
        "loại, danh hiệu, giới tính viết đủ chữ, và 'Đang bị thanh tra …' chỉ ở cột 'Ghi chú' (cũng TCVN3)", HOSPITAL,
        ("legacy-encoding", "notes-facts", "negatives", "footer-forms"),
        "nd98-2023", D(2025, 2, 14), (y,), HOSPITAL_COUNCIL, [sheet], same_facts_as="09-benh-vien-co-ban")


def list_school_pm_two_decisions() -> CorpusList:
    y = 2025
    years = range(y - 4, y + 1)
    cstdcs3 = {y - 4: "cstdcs", y - 3: "ldtt", y - 2: "cstdcs", y - 1: "ldtt", y: "cstdcs"}
    people = [
        Person("Hoàng Thị Minh Phương", True, D(1977, 3, 8), "Giáo viên", "Trường THPT Chu Văn An", "bang_khen_thu_tuong",
               _five(y, **{f"y{y}": "htxs"}), titles=cstdcs3,
               inits=(Initiative("Dạy học STEM chủ đề năng lượng tái tạo", "co_so", y, f"210/QĐ-SGDĐT ngày 15/6/{y}"),),
               priors=(Prior("bang_khen_bo_tinh", y - 5, decision="4321/QĐ-BGDĐT", date=D(y - 5, 9, 5)),)),
        Person("Trần Đức Lương", False, D(1974, 9, 30), "Tổ trưởng chuyên môn", "Trường THPT Chu Văn An",
               "bang_khen_thu_tuong", _five(y, **{f"y{y - 1}": "htxs"}), titles=cstdcs3,
               inits=(Initiative("Ngân hàng câu hỏi trắc nghiệm Vật lý 12", "co_so", y - 6, f"1234/QĐ-UBND ngày 10/4/{y - 6}"),)),
        Person("Lã Thị Hồng Nhung", True, D(1980, 12, 17), "Phó Hiệu trưởng", "Trường THPT Lê Quý Đôn",
               "bang_khen_thu_tuong", _five(y, **{f"y{y}": "htxs"}), titles=cstdcs3,
               priors=(Prior("bang_khen_bo_tinh", y - 3, decision="2780/QĐ-BGDĐT", date=D(y - 3, 8, 22)),)),
    ]

    def prior_name(p: Person) -> str:
        if not p.priors:
            return "Không"
        return "BK Bộ GD&ĐT" if p.priors[0].decision == "4321/QĐ-BGDĐT" else "Bằng khen của Bộ trưởng Bộ GD&ĐT"

    cols = [
        Col(("STT",), _name, counter="1", width=5),
        Col(("Họ và tên",), _name, ("name",), width=22),
        Col(("Chức vụ, đơn vị",), lambda p: f"{p.position}, {p.dept}", width=30),
        *[Col(("Xếp loại", f"{k - 1}-{k}"), rating_any(k, k), (f"rating:{k}",)) for k in years],
        *[Col(("Danh hiệu", f"{k - 1}-{k}"), title_any(k, k), (f"title:{k}",)) for k in years],
        Col(("Khen thưởng đã nhận", "Hình thức"), prior_name, ("prior",), width=26),
        Col(("Khen thưởng đã nhận", "Số, ngày QĐ"),
            lambda p: f"{p.priors[0].decision} ngày {dmy(p.priors[0].date)}" if p.priors else None, ("prior",), width=26),
        Col(("Khen thưởng đã nhận", "Thành tích"),
            lambda p: f"Hoàn thành xuất sắc nhiệm vụ năm học {p.priors[0].to - 1}-{p.priors[0].to}" if p.priors else None,
            ("prior",), width=30),
        Col(("Sáng kiến kinh nghiệm", "Tên"), _init_names, ("init",), width=30),
        Col(("Sáng kiến kinh nghiệm", "Số, ngày QĐ"), lambda p: "\n".join(i.decision for i in p.inits) or None,
            ("init",), width=26),
        Col(("Kỷ luật",), lambda p: "Không", ("disc",)),
        Col(("Đề nghị",), _award(), ("award",), width=26),
    ]
    n = len(cols)
    sheet = Sheet("BKTTg", cols, people,
                  top=[centered("SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH LONG GIANG", 4),
                       centered("DANH SÁCH ĐỀ NGHỊ TẶNG BẰNG KHEN CỦA THỦ TƯỚNG CHÍNH PHỦ", n),
                       centered("(Thành tích từ năm học 2020-2021 đến năm học 2024-2025)", n, bold=False)],
                  footer=[Line({1: "Danh sách có 03 người./."})])
    return CorpusList(
        "46-so-gd-bkttg-hai-cot-so-qd", "Sở GD&ĐT, NĐ 152: Bằng khen Thủ tướng — hai nhóm cùng có cột 'Số, ngày QĐ' "
        "(khen thưởng đã nhận, sáng kiến): người chưa có Bằng khen mà sáng kiến có số QĐ của UBND tỉnh vẫn không đạt; "
        "'BK Bộ GD&ĐT' là Bằng khen cấp bộ", "Sở Giáo dục và Đào tạo tỉnh Long Giang (hư cấu)",
        ("decision-under-initiative", "title-award-aliases", "school-years", "period-in-title", "multi-row-header",
         "negatives", "footer-forms"),
        "nd152-2025", D(2025, 8, 20), (y,), PROVINCE_COUNCIL, [sheet],
        notes="Luật 2022 Điều 73 k1 b: Bằng khen bộ/tỉnh (công trạng: 'hoàn thành xuất sắc nhiệm vụ năm học …'), sau "
              "đó 5 năm HTTNV trở lên có 3 lần CSTĐCS.")


LISTS: list[Callable[[], CorpusList]] = [
    list_school_plain,
    list_school_two_rows,
    list_school_tcvn3,
    list_school_word,
    list_school_csv,
    lambda: list_thcs_cap(False),
    lambda: list_thcs_cap(True),
    list_thcs_nd98,
    list_hospital_plain,
    list_hospital_three_rows,
    list_hospital_notes,
    list_commune_tcvn3,
    list_commune_vni,
    list_school_collectives,
    list_company_grades,
    list_department_cstd,
    list_pm_commendation_period,
    list_pm_commendation_cells,
    list_register_history,
    list_company_initiatives,
    list_company_collectives,
    list_flags_overlay,
    list_collectives_overlay,
    list_vendor_mautdkt,
    list_vendor_canhan,
    list_award_by_section_luat06,
    list_collectives_csv_utf16,
    list_building_csv,
    list_stale_title_year,
    list_school_pm_period_nd91,
    list_labour_order_period,
    list_hospital_luat06,
    list_word_luat06,
    list_split_name_columns,
    list_uppercase_names,
    list_two_sheets_lookup,
    list_district_schools_cap,
    list_unknown_values,
    list_merged_notes,
    list_two_discipline_columns,
    list_service_months,
    list_initiative_window,
    list_commune_minimal,
    list_government_flag_cap,
    list_hospital_tcvn3_notes,
    list_school_pm_two_decisions,
]


# ======================================================================================== writing


def _expected(cl: CorpusList, grids: Sequence[Grid]) -> list[dict[str, Any]]:
    year = cl.years[-1]
    out: list[dict[str, Any]] = []
    placed: list[tuple[Any, dict[str, str]]] = []
    for g in grids:
        if cl.sheet_of_nominees is not None and g.name not in cl.sheet_of_nominees:
            continue
        stated = g.families | ({"disc"} if "pending" in g.families else set())
        for obj, cells in g.nominee_cells:
            o = expect(obj, cl.rules, year, cl.overlay, frozenset(stated))
            entry: dict[str, Any] = {
                "name": obj.name,
                "kind": obj.kind,
                "award": obj.award,
                "verdict": o.verdict,
                "cells": sorted({cells[f] for f in o.facts if f in cells}),
                "why": o.why,
            }
            if len([g for g in grids if cl.sheet_of_nominees is None or g.name in cl.sheet_of_nominees]) > 1:
                entry["sheet"] = g.name
            out.append(entry)
            placed.append((obj, cells))
    if cl.caps:
        cl.caps(out, placed)
    return out


def _item_col(header: str, i: int) -> Col:
    return Col((header,), lambda row: row[i])


def build(cl: CorpusList, folder: Path) -> list[Path]:
    grids = [layout(s) for s in cl.sheets]
    path = folder / cl.file
    if cl.ext == "xlsx":
        write_xlsx(path, grids)
    else:
        opts = dict(cl.csv)
        rows = grid_rows(grids[0], repeat_merged=opts.pop("repeat_merged", False))
        write_csv(path, rows, **opts)
    written = [path]
    context: dict[str, Any] = {
        "rules": cl.rules,
        "meeting_date": cl.meeting.isoformat(),
        "years": list(cl.years),
        "pass_year": cl.pass_year,
        "council": cl.council,
        "register": None,
        "overlay": None,
    }
    if cl.history:
        hist = folder / f"{cl.id}.lich-su.xlsx"
        write_xlsx(hist, [layout(Sheet("So theo doi", [_item_col(h, i) for i, h in enumerate(cl.history[0])],
                                       list(cl.history[1:])))])
        context["register"] = hist.name
        written.append(hist)
    if cl.overlay_yaml:
        ov = folder / f"{cl.id}.quy-che.yaml"
        ov.write_text(cl.overlay_yaml, encoding="utf-8")
        context["overlay"] = ov.name
        written.append(ov)
    doc = {
        "schema_version": 1,
        "id": cl.id,
        "file": cl.file,
        "title": cl.title,
        "unit": cl.unit,
        "classes": list(cl.classes),
        "same_facts_as": cl.same_facts_as,
        "notes": cl.notes or None,
        "context": context,
        "nominees": _expected(cl, grids),
    }
    y = folder / f"{cl.id}.yaml"
    y.write_text("# Sinh bởi tests/corpus/make_corpus.py — không sửa tay.\n"
                 + yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=110), encoding="utf-8")
    written.append(y)
    return written


def _unseen() -> list[Callable[[], CorpusList]]:
    """The lists of ``lists_unseen.py`` (ids 47 on): shapes the lists above do not have (a red team's)."""
    from lists_unseen import LISTS_UNSEEN

    return LISTS_UNSEEN


def generate(folder: Path = OUT) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for make in [*LISTS, *_unseen()]:
        written += build(make(), folder)
    return written


if __name__ == "__main__":
    for p in generate():
        print(p.relative_to(HERE))

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


def cohort_thcs(y: int, cstdcs: int = 4, ldtt: int = 20, seed: int = 3) -> list[Person]:
    """A lower-secondary school proposing ``ldtt`` LĐTT and ``cstdcs`` CSTĐCS, every one of them qualified
    on its own (HTXS and a recognised initiative for the CSTĐCS): only the 15 % cap of NĐ 91 can bite."""
    out = []
    for i, (name, female) in enumerate(staff_names(cstdcs + ldtt, seed)):
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


def _init_levels(p: Person) -> str | None:
    return "\n".join(INIT_LEVEL_WORDS[i.level].removeprefix("cấp ").capitalize() for i in p.inits) or None


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
        same_facts_as=None if not priority else "06-truong-thcs-nd91-vuot-tran",
        notes="15 % của 24 = 3,6 → tối đa 3 CSTĐCS." + (" Thứ tự ưu tiên của danh sách quyết định 3 người trong suất."
                                                        if priority else " Hội đồng phải chọn 3 trong 4."))


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
]


# ======================================================================================== writing


def _expected(cl: CorpusList, grids: Sequence[Grid]) -> list[dict[str, Any]]:
    year = cl.years[-1]
    out: list[dict[str, Any]] = []
    placed: list[tuple[Any, dict[str, str]]] = []
    for g in grids:
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
            if len(grids) > 1:
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


def generate(folder: Path = OUT) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for make in LISTS:
        written += build(make(), folder)
    return written


if __name__ == "__main__":
    for p in generate():
        print(p.relative_to(HERE))

"""Regenerate the bundled example round (tỉnh Hải Đông, đợt 2022-1 and 2023-1) byte for byte.

Run from the repository: ``.venv/bin/python examples/make_examples.py`` (or ``--out DIR``). Every
name, date and number below is INVENTED; the province "Hải Đông" does not exist, and every CCCD
starts with the unused province code 099. No randomness: the same script writes the same bytes
(xlsxwriter in memory stamps every zip member 1980-01-01; the document properties carry a fixed
date), so a test can regenerate the files and compare them with the committed ones.

What is written, and why each nominee is there, is explained in README.md (Vietnamese) and,
for programs, in expected.yaml (nominee → award, expected verdict, reason).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import xlsxwriter
import yaml

HERE = Path(__file__).resolve().parent
FIXED = dt.datetime(2022, 4, 11, 8, 0, 0)  # "saved" date of every workbook (document properties)
ROUND_1 = "2022-1"
ROUND_2 = "2023-1"
MEMBERS = 11


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# ---------------------------------------------------------------------------------------------
# The people. Ratings (xếp loại) and titles (danh hiệu) are per year; sk = sáng kiến.
# ---------------------------------------------------------------------------------------------


@dataclass
class Person:
    code: str  # ballot/row code, stable (CN01…)
    name: str
    gender: str  # "Nam" | "Nữ"
    born: dt.date
    cccd: str
    position: str
    unit: str
    recruited: dt.date
    ratings: dict[int, str]
    titles: dict[int, str]
    award_text: str  # as the unit wrote it
    award: str  # award id (contract) or the overlay's id
    verdict: str  # pass | fail | review
    reason: str | None  # our reason slug (the engine's code is filled in README once known)
    why: str  # Vietnamese: the intended reason, for README and expected.yaml
    sk_names: tuple[str, ...] = ()
    sk_count: int | None = None
    sk_level: str = ""
    sk_year: str = ""  # năm công nhận (one per initiative, "; "-separated, as units write them)
    prior: str = ""  # hình thức khen thưởng đã nhận (free text, as units write it)
    discipline: str = ""
    note: str = ""
    section: str = ""


def cccd(gender: str, born: dt.date, serial: int) -> str:
    """Invented CCCD: 099 (no such province) + century/gender digit + yy + 6-digit serial."""
    century = 0 if born.year < 2000 else 2
    digit = century + (1 if gender == "Nữ" else 0)
    return f"099{digit}{born.year % 100:02d}{serial:06d}"


def P(code: str, name: str, gender: str, born: tuple[int, int, int], serial: int, **kw: Any) -> Person:
    b = dt.date(*born)
    return Person(code=code, name=nfc(name), gender=gender, born=b, cccd=cccd(gender, b, serial), **kw)


ALL_HTXS = dict.fromkeys(range(2017, 2022), "HTXSNV")
UNIT_BV = "Bệnh viện Đa khoa tỉnh Hải Đông"
UNIT_SYT = "Sở Y tế tỉnh Hải Đông"
UNIT_GD = "Sở Giáo dục và Đào tạo tỉnh Hải Đông"
UNIT_THPT = "Trường THPT chuyên Hải Đông"
UNIT_GTVT = "Sở Giao thông vận tải tỉnh Hải Đông"
UNIT_TC = "Sở Tài chính tỉnh Hải Đông"
UNIT_TP = "Sở Tư pháp tỉnh Hải Đông"
UNIT_NV = "Sở Nội vụ tỉnh Hải Đông"
UNIT_TTTT = "Sở Thông tin và Truyền thông tỉnh Hải Đông"
UNIT_TPHD = "UBND thành phố Hải Đông"
UNIT_TTYT = "Trung tâm Y tế huyện Tân Hải"

# NĐ 91/2017 Điều 9 k3: CSTĐCS at most 15 % of the unit's LĐTT; this province-level list carries no LĐTT of
# the units proposing CSTĐCS, so the cap cannot be checked from it (issue 13: no "Đạt" on an unchecked cap).
CAP_UNCHECKED = ("Danh sách không có LĐTT của đơn vị: chưa kiểm được trần 15 % CSTĐCS (NĐ 91/2017 Điều 9 k3) "
                 "→ cần xem xét; Thường trực đối chiếu số LĐTT đơn vị báo cáo rồi kết luận.")
LOCAL_TITLE = "guong_mat_tieu_bieu"  # the overlay's own title (examples/rules/)
LOCAL_TITLE_NAME = "Gương mặt tiêu biểu tỉnh Hải Đông"

INDIVIDUALS_2021: list[Person] = [
    # I. Chiến sĩ thi đua cấp tỉnh — 3 năm liên tục CSTĐCS + sáng kiến cấp tỉnh (NĐ 91 Điều 9 k2).
    P("CN01", "Bùi Thị Thu Hà", "Nữ", (1982, 3, 14), 4571, section="I",
      position="Phó Trưởng khoa Dược", unit=UNIT_BV, recruited=dt.date(2006, 9, 1),
      ratings=dict(ALL_HTXS), titles={2019: "CSTĐCS", 2020: "CSTĐCS", 2021: "CSTĐCS"},
      sk_names=("Ứng dụng phần mềm quản lý tồn kho thuốc theo thời gian thực",), sk_count=1, sk_level="Cấp tỉnh", sk_year="2021",
      award_text="CSTĐ cấp tỉnh", award="chien_si_thi_dua_bo_tinh", verdict="pass", reason=None,
      why="3 năm liên tục CSTĐCS (2019, 2020, 2021), sáng kiến cấp tỉnh năm 2021, HTXSNV."),
    P("CN02", "Cao Thị Hương", "Nữ", (1985, 11, 2), 1138, section="I",
      position="Tổ trưởng Tổ Hóa học", unit=UNIT_THPT, recruited=dt.date(2008, 9, 5),
      ratings=dict(ALL_HTXS), titles={2019: "CSTĐCS", 2020: "CSTĐCS", 2021: "CSTĐCS"},
      sk_names=("Xây dựng ngân hàng đề kiểm tra trực tuyến môn Hóa học",), sk_count=1, sk_level="Cấp tỉnh", sk_year="2021",
      award_text="Chiến sĩ thi đua cấp tỉnh", award="chien_si_thi_dua_bo_tinh", verdict="pass", reason=None,
      why="Đủ tiêu chuẩn như CN01; nhưng chỉ được 9/11 phiếu đồng ý (81,82 % < 90 %) nên không được công nhận."),
    P("CN03", "Đỗ Văn Giang", "Nam", (1979, 7, 21), 2290, section="I",
      position="Trưởng phòng Quản lý vận tải", unit=UNIT_GTVT, recruited=dt.date(2003, 3, 1),
      ratings=dict(ALL_HTXS), titles={2019: "LĐTT", 2020: "CSTĐCS", 2021: "CSTĐCS"},
      sk_names=("Phần mềm cấp phù hiệu xe kinh doanh vận tải trực tuyến",), sk_count=1, sk_level="Cấp tỉnh", sk_year="2021",
      award_text="CSTĐ cấp tỉnh", award="chien_si_thi_dua_bo_tinh", verdict="fail", reason="cstd-consecutive",
      why="Chỉ có 2 năm liên tục đạt CSTĐCS (2020, 2021); năm 2019 chỉ đạt LĐTT. Cần 3 năm liên tục (NĐ 91/2017 Điều 9 k2)."),
    # II. Danh hiệu riêng của tỉnh (quy chế Hội đồng, examples/rules/).
    P("CN04", "Lâm Thị Quỳnh", "Nữ", (1990, 5, 9), 6702, section="II",
      position="Bác sĩ Khoa Kiểm soát bệnh tật", unit=UNIT_TTYT, recruited=dt.date(2015, 10, 1),
      ratings={2019: "HTTNV", 2020: "HTXSNV", 2021: "HTXSNV"}, titles={2019: "LĐTT", 2020: "LĐTT", 2021: "CSTĐCS"},
      sk_names=("Mô hình tiêm chủng lưu động cho người cao tuổi",), sk_count=1, sk_level="Cơ sở", sk_year="2021",
      award_text=LOCAL_TITLE_NAME, award=LOCAL_TITLE, verdict="pass", reason=None,
      why="Quy chế tỉnh: 2 năm liền HTXSNV (2020, 2021) và CSTĐCS năm 2021; được 8/11 phiếu (72,73 % ≥ 70 %)."),
    P("CN05", "Tạ Quang Sơn", "Nam", (1988, 12, 30), 3315, section="II",
      position="Chuyên viên Phòng Quản lý ngân sách", unit=UNIT_TC, recruited=dt.date(2012, 4, 2),
      ratings={2019: "HTXSNV", 2020: "HTXSNV", 2021: "HTTNV"}, titles={2019: "LĐTT", 2020: "CSTĐCS", 2021: "CSTĐCS"},
      award_text="Gương mặt tiêu biểu", award=LOCAL_TITLE, verdict="fail", reason="local-rating",
      why="Quy chế tỉnh đòi 2 năm liền HTXSNV đến năm xét; năm 2021 chỉ HTTNV (dù đạt CSTĐCS năm 2021)."),
    # III. Bằng khen của Thủ tướng Chính phủ (đề nghị cấp trên) — NĐ 91 Điều 38 k1 c.
    P("CN06", "Trương Công Minh", "Nam", (1975, 1, 25), 905, section="III",
      position="Phó Giám đốc", unit=UNIT_TP, recruited=dt.date(1998, 8, 1),
      ratings=dict(ALL_HTXS), titles={2019: "LĐTT", 2020: "LĐTT", 2021: "LĐTT"},
      sk_names=("Sổ tay hòa giải ở cơ sở", "Quy trình chứng thực điện tử", "Tra cứu lý lịch tư pháp trực tuyến",
                "Bộ câu hỏi phổ biến pháp luật cho doanh nghiệp", "Mẫu hóa hồ sơ trợ giúp pháp lý"),
      sk_count=5, sk_level="Cơ sở", sk_year="2017; 2018; 2019; 2020; 2021",
      prior="Bằng khen của Chủ tịch UBND tỉnh (QĐ số 215/QĐ-UBND ngày 20/02/2017, thành tích năm 2015-2016)",
      award_text="Bằng khen của Thủ tướng Chính phủ", award="bang_khen_thu_tuong", verdict="pass", reason=None,
      why="Đã có Bằng khen tỉnh (2017), sau đó 5 năm liền HTXSNV (2017-2021) với 5 sáng kiến cơ sở."),
    # IV. Huân chương Lao động hạng Ba (đề nghị cấp trên) — NĐ 91 Điều 24.
    P("CN07", "Phan Thị Ngọc", "Nữ", (1970, 8, 17), 450, section="IV",
      position="Giám đốc", unit=UNIT_BV, recruited=dt.date(1994, 9, 1),
      ratings=dict(ALL_HTXS), titles={2019: "LĐTT", 2020: "LĐTT", 2021: "LĐTT"},
      sk_names=("Mô hình bệnh viện vệ tinh tuyến huyện", "Quy trình phân luồng bệnh nhân COVID-19"),
      sk_count=2, sk_level="Cấp tỉnh", sk_year="2020",
      prior="Bằng khen của Thủ tướng Chính phủ (QĐ số 1520/QĐ-TTg ngày 12/10/2016, thành tích 2011-2015)",
      award_text="Huân chương Lao động hạng Ba", award="huan_chuong_lao_dong_hang_ba", verdict="pass", reason=None,
      why="Đã có Bằng khen Thủ tướng (2016), sau đó 5 năm liền HTXSNV với 2 sáng kiến cấp tỉnh."),
    # V. Bằng khen của Chủ tịch UBND tỉnh — 2 năm liên tục HTXS + 2 sáng kiến cơ sở (NĐ 91 Điều 39).
    P("CN08", "Ngô Thị Lan", "Nữ", (1984, 4, 6), 7820, section="V",
      position="Phó Chánh Văn phòng", unit=UNIT_NV, recruited=dt.date(2009, 2, 16),
      ratings={2019: "HTTNV", 2020: "HTXSNV", 2021: "HTXSNV"}, titles={2019: "LĐTT", 2020: "LĐTT", 2021: "LĐTT"},
      sk_names=("Lưu trữ hồ sơ công chức điện tử", "Quy trình thẩm định hồ sơ thi đua"), sk_count=2, sk_level="Cơ sở", sk_year="2021",
      award_text="Bằng khen của Chủ tịch UBND tỉnh", award="bang_khen_bo_tinh", verdict="pass", reason=None,
      why="2 năm liên tục HTXSNV (2020, 2021) và 2 sáng kiến cơ sở."),
    P("CN09", "Lý Văn Hùng", "Nam", (1980, 10, 11), 5561, section="V",
      position="Trưởng phòng Tài nguyên và Môi trường", unit=UNIT_TPHD, recruited=dt.date(2004, 6, 1),
      ratings={2019: "HTTNV", 2020: "HTTNV", 2021: "HTXSNV"}, titles={2019: "LĐTT", 2020: "LĐTT", 2021: "LĐTT"},
      sk_names=("Bản đồ số đất công thành phố", "Quy trình thu hồi đất một cửa"), sk_count=2, sk_level="Cơ sở", sk_year="2021",
      award_text="BK UBND tỉnh", award="bang_khen_bo_tinh", verdict="review", reason="uncertain-not-met",
      why="Chỉ có 1 năm HTXSNV (2021); năm 2020 HTTNV. Tiêu chí 2 năm liên tục HTXS (NĐ 91 Điều 39) chưa được "
          "xác thực trong văn bản gốc, nên tdkt không tự kết luận không đạt: Thường trực xem xét."),
    # VI. Chiến sĩ thi đua cơ sở — LĐTT + sáng kiến cơ sở (NĐ 91 Điều 9 k3).
    P("CN10", "Hoàng Thị Dung", "Nữ", (1987, 9, 3), 2046, section="VI",
      position="Chuyên viên Phòng Nghiệp vụ Y", unit=UNIT_SYT, recruited=dt.date(2011, 7, 1),
      ratings={2019: "HTTNV", 2020: "HTTNV", 2021: "HTXSNV"}, titles={2019: "LĐTT", 2020: "LĐTT", 2021: "LĐTT"},
      sk_names=("Số hóa quy trình cấp chứng chỉ hành nghề dược",), sk_count=1, sk_level="Cơ sở", sk_year="2021",
      award_text="Chiến sĩ thi đua cơ sở", award="chien_si_thi_dua_co_so", verdict="review", reason="cap-unchecked",
      why="Đạt LĐTT năm 2021, HTXSNV, có sáng kiến cơ sở năm 2021. " + CAP_UNCHECKED),
    P("CN11", "Vũ Minh Đức", "Nam", (1986, 2, 27), 8134, section="VI",
      position="Chuyên viên Phòng Quản lý khoa học", unit="Sở Khoa học và Công nghệ tỉnh Hải Đông",
      recruited=dt.date(2010, 9, 1),
      ratings={2019: "HTTNV", 2020: "HTXSNV", 2021: "HTXSNV"}, titles={2019: "LĐTT", 2020: "LĐTT", 2021: "LĐTT"},
      sk_count=0,
      award_text="CSTĐCS", award="chien_si_thi_dua_co_so", verdict="fail", reason="no-initiative",
      why="HTXSNV nhưng không có sáng kiến/đề tài; theo NĐ 91/2017 Điều 9 k3 phải có sáng kiến."),
    P("CN12", "Đặng Thị Hạnh", "Nữ", (1983, 6, 19), 3927, section="VI",
      position="Công chức Bộ phận Một cửa", unit=UNIT_TPHD, recruited=dt.date(2007, 3, 1),
      ratings={2019: "HTXSNV", 2020: "HTXSNV", 2021: "HTXSNV"}, titles={2019: "LĐTT", 2020: "CSTĐCS", 2021: "LĐTT"},
      sk_names=("Quy trình tiếp nhận và trả kết quả hồ sơ một cửa điện tử",), sk_count=1, sk_level="Cơ sở", sk_year="2020",
      award_text="CSTĐ cơ sở", award="chien_si_thi_dua_co_so", verdict="fail", reason="initiative-used",
      why="Sáng kiến nêu trong danh sách đã được dùng để xét CSTĐCS năm 2020 (theo sổ theo dõi); mỗi sáng kiến chỉ dùng một lần."),
    P("CN13", "Trịnh Minh Khôi", "Nam", (1985, 12, 8), 6458, section="VI",
      position="Phó Giám đốc Trung tâm Công nghệ thông tin và Truyền thông", unit=UNIT_TTTT,
      recruited=dt.date(2009, 5, 4),
      ratings={2019: "HTXSNV", 2020: "HTXSNV", 2021: "HTXSNV"}, titles={2019: "LĐTT", 2020: "CSTĐCS", 2021: "LĐTT"},
      sk_names=("Hệ thống giám sát an toàn thông tin cho Cổng dịch vụ công tỉnh",), sk_count=1, sk_level="Cơ sở", sk_year="2021",
      award_text="Chiến sĩ thi đua cấp cơ sở", award="chien_si_thi_dua_co_so", verdict="review", reason="cap-unchecked",
      why="Đạt LĐTT 2021, HTXSNV, sáng kiến cơ sở 2021. " + CAP_UNCHECKED + " Quyết định đợt 2022-1 ghi vào sổ: "
          "lần CSTĐCS thứ 2 liên tục, dùng ở đợt 2023-1."),
    # VII. Lao động tiên tiến (NĐ 91 Điều 10).
    P("CN14", "Nguyễn Thị Mai Anh", "Nữ", (1992, 1, 15), 1207, section="VII",
      position="Chuyên viên Phòng Tổ chức cán bộ", unit=UNIT_GD, recruited=dt.date(2016, 3, 1),
      ratings={2019: "HTTNV", 2020: "HTTNV", 2021: "HTTNV"}, titles={2019: "LĐTT", 2020: "LĐTT"},
      award_text="Lao động tiên tiến", award="lao_dong_tien_tien", verdict="pass", reason=None,
      why="Hoàn thành tốt nhiệm vụ năm 2021, công tác đủ năm, không bị kỷ luật."),
    P("CN15", "Lê Văn Bình", "Nam", (1996, 8, 28), 9310, section="VII",
      position="Chuyên viên Phòng Tin học và Thống kê", unit=UNIT_TC, recruited=dt.date(2021, 5, 4),
      ratings={2021: "HTTNV"}, titles={},
      award_text="LĐTT", award="lao_dong_tien_tien", verdict="fail", reason="months-of-service",
      why="Tuyển dụng ngày 04/05/2021: chưa đủ 10 tháng công tác trong năm 2021 (NĐ 91/2017 Điều 10)."),
    P("CN16", "Phạm Quốc Cường", "Nam", (1989, 4, 1), 4477, section="VII",
      position="Chuyên viên Thanh tra Sở", unit=UNIT_GTVT, recruited=dt.date(2013, 8, 15),
      ratings={2019: "HTTNV", 2020: "HTTNV", 2021: "HTTNV"}, titles={2019: "LĐTT", 2020: "LĐTT"},
      discipline="Khiển trách (QĐ số 47/QĐ-SGTVT ngày 16/6/2021)",
      award_text="Lao động tiên tiến", award="lao_dong_tien_tien", verdict="fail", reason="disciplined",
      why="Bị kỷ luật khiển trách năm 2021: không xét LĐTT (NĐ 91/2017 Điều 10)."),
    P("CN17", "Đinh Thị Thảo", "Nữ", (1993, 10, 22), 5820, section="VII",
      position="Giáo viên Ngữ văn", unit=UNIT_THPT, recruited=dt.date(2017, 9, 5),
      ratings={2019: "HTTNV", 2020: "HTTNV", 2021: "HTTNV"}, titles={2019: "LĐTT", 2020: "LĐTT"},
      note="Nghỉ thai sản từ 01/3/2021 đến 31/8/2021",
      award_text="Lao động tiên tiến", award="lao_dong_tien_tien", verdict="pass", reason=None,
      why="Nghỉ thai sản 6 tháng theo quy định vẫn được tính để xét LĐTT (NĐ 91/2017 Điều 10)."),
]

SECTIONS = {
    "I": "DANH HIỆU CHIẾN SĨ THI ĐUA CẤP TỈNH",
    "II": "DANH HIỆU “GƯƠNG MẶT TIÊU BIỂU TỈNH HẢI ĐÔNG”",
    "III": "ĐỀ NGHỊ THỦ TƯỚNG CHÍNH PHỦ TẶNG BẰNG KHEN",
    "IV": "ĐỀ NGHỊ CHỦ TỊCH NƯỚC TẶNG HUÂN CHƯƠNG LAO ĐỘNG HẠNG BA",
    "V": "BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH",
    "VI": "DANH HIỆU CHIẾN SĨ THI ĐUA CƠ SỞ",
    "VII": "DANH HIỆU LAO ĐỘNG TIÊN TIẾN",
}

# Round 2023-1 (reviewing 2022): Trịnh Minh Khôi's CSTĐCS 2021 is issued in round 2022-1 and is
# in the register only — the unit left the 2021 cell of its own list empty.
INDIVIDUALS_2022: list[Person] = [
    P("CN01", "Trịnh Minh Khôi", "Nam", (1985, 12, 8), 6458, section="I",
      position="Phó Giám đốc Trung tâm Công nghệ thông tin và Truyền thông", unit=UNIT_TTTT,
      recruited=dt.date(2009, 5, 4),
      ratings={2018: "HTTNV", 2019: "HTXSNV", 2020: "HTXSNV", 2021: "HTXSNV", 2022: "HTXSNV"},
      titles={2020: "CSTĐCS", 2022: "CSTĐCS"},
      sk_names=("Nền tảng chia sẻ dữ liệu dùng chung của tỉnh",), sk_count=1, sk_level="Cấp tỉnh", sk_year="2022",
      award_text="CSTĐ cấp tỉnh", award="chien_si_thi_dua_bo_tinh", verdict="pass", reason=None,
      why="CSTĐCS 2020 (sổ và danh sách), 2021 (chỉ có trong sổ: Quyết định đợt 2022-1), 2022 (danh sách): "
          "3 năm liên tục. Không có sổ thì chỉ thấy 2020 và 2022 → không đạt."),
    P("CN02", "Nguyễn Thị Mai Anh", "Nữ", (1992, 1, 15), 1207, section="II",
      position="Chuyên viên Phòng Tổ chức cán bộ", unit=UNIT_GD, recruited=dt.date(2016, 3, 1),
      ratings={2020: "HTTNV", 2021: "HTTNV", 2022: "HTTNV"}, titles={2020: "LĐTT", 2021: "LĐTT"},
      award_text="Lao động tiên tiến", award="lao_dong_tien_tien", verdict="pass", reason=None,
      why="Hoàn thành tốt nhiệm vụ năm 2022, không bị kỷ luật."),
    P("CN03", "Đặng Thị Hạnh", "Nữ", (1983, 6, 19), 3927, section="III",
      position="Công chức Bộ phận Một cửa", unit=UNIT_TPHD, recruited=dt.date(2007, 3, 1),
      ratings={2020: "HTXSNV", 2021: "HTXSNV", 2022: "HTXSNV"}, titles={2020: "CSTĐCS", 2021: "LĐTT", 2022: "LĐTT"},
      sk_names=("Chatbot hướng dẫn thủ tục hành chính của thành phố",), sk_count=1, sk_level="Cơ sở", sk_year="2022",
      award_text="CSTĐ cơ sở", award="chien_si_thi_dua_co_so", verdict="review", reason="cap-unchecked",
      why="Năm nay có sáng kiến mới (2022) chưa dùng để xét khen thưởng. " + CAP_UNCHECKED),
]
SECTIONS_2022 = {"I": "DANH HIỆU CHIẾN SĨ THI ĐUA CẤP TỈNH", "II": "DANH HIỆU LAO ĐỘNG TIÊN TIẾN",
                 "III": "DANH HIỆU CHIẾN SĨ THI ĐUA CƠ SỞ"}


# ---------------------------------------------------------------------------------------------
# Collectives (vendor-like flat list, header in row 1 as in MauTDKT.xlsx, extra columns after I).
# ---------------------------------------------------------------------------------------------


@dataclass
class Collective:
    code: str
    name: str
    parent: str  # đơn vị chủ quản (column "Đơn vị công tác")
    award_text: str
    award: str
    field_: str  # lĩnh vực hoạt động
    rating: str  # xếp loại tập thể năm xét
    members: int
    completed: int
    ltt: int
    cstdcs: int
    disciplined: int
    women: int  # percent
    cluster: str
    rank: int | None
    verdict: str
    reason: str | None
    why: str


COLLECTIVES_2021: list[Collective] = [
    Collective("TT01", "Phòng Tổ chức cán bộ", UNIT_SYT, "Tập thể lao động xuất sắc", "tap_the_lao_dong_xuat_sac",
               "Y tế", "HTXSNV", 24, 24, 20, 2, 0, 62, "", None, "pass", None,
               "24/24 hoàn thành nhiệm vụ, 20/24 LĐTT (83,3 % ≥ 70 %), có 2 CSTĐCS, không ai bị kỷ luật."),
    Collective("TT02", "Phòng Kế hoạch - Tài chính", UNIT_GD, "Tập thể lao động xuất sắc", "tap_the_lao_dong_xuat_sac",
               "Giáo dục và đào tạo", "HTXSNV", 20, 20, 13, 1, 0, 55, "", None, "fail", "ltt-ratio",
               "Chỉ 13/20 thành viên đạt LĐTT (65 %), cần từ 70 % trở lên."),
    Collective("TT03", "Trung tâm Công nghệ thông tin và Truyền thông", UNIT_TTTT, "Tập thể lao động tiên tiến",
               "tap_the_lao_dong_tien_tien", "Thông tin và truyền thông", "HTTNV", 15, 15, 9, 1, 0, 40, "", None, "pass", None,
               "9/15 LĐTT (60 % > 50 %), không ai bị kỷ luật."),
    Collective("TT04", "Chi cục Thủy lợi", "Sở Nông nghiệp và Phát triển nông thôn tỉnh Hải Đông",
               "Tập thể lao động tiên tiến", "tap_the_lao_dong_tien_tien", "Nông nghiệp", "HTTNV",
               30, 29, 18, 0, 1, 30, "", None, "fail", "member-disciplined",
               "18/30 LĐTT (60 %) nhưng có 1 thành viên bị kỷ luật cảnh cáo: không đủ điều kiện."),
    Collective("TT05", "Sở Tư pháp tỉnh Hải Đông", "UBND tỉnh Hải Đông", "Cờ thi đua của UBND tỉnh",
               "co_thi_dua_bo_tinh", "Tư pháp", "HTXSNV", 42, 42, 36, 5, 0, 48, "Khối các cơ quan Nội chính", 1, "pass", None,
               "Dẫn đầu Khối các cơ quan Nội chính; 36/42 LĐTT, 5 CSTĐCS; được 11/11 phiếu."),
    Collective("TT06", "Sở Giao thông vận tải tỉnh Hải Đông", "UBND tỉnh Hải Đông", "Cờ thi đua của UBND tỉnh",
               "co_thi_dua_bo_tinh", "Giao thông vận tải", "HTXSNV", 38, 38, 30, 3, 0, 26, "Khối các cơ quan Kinh tế", 2,
               "fail", "cluster-rank",
               "Xếp thứ 2 trong Khối các cơ quan Kinh tế: Cờ thi đua tỉnh chỉ tặng tập thể dẫn đầu khối (NĐ 91 Điều 12)."),
]


# ---------------------------------------------------------------------------------------------
# Ballots of round 2022-1: 10 members present (secret ballot), 1 absent who wrote his opinion.
# Marks: A = agree (written x / 1 / đồng ý, by ballot), D = "không đồng ý", "" = blank, "?" invalid.
# ---------------------------------------------------------------------------------------------

BALLOT_NOMINEES: list[tuple[str, str, str]] = [
    # (column header, nominee name, award id). The header is the full name as in the nomination list:
    # the tally finds the award from the round's validation.
    ("Bùi Thị Thu Hà", "Bùi Thị Thu Hà", "chien_si_thi_dua_bo_tinh"),
    ("Cao Thị Hương", "Cao Thị Hương", "chien_si_thi_dua_bo_tinh"),
    ("Lâm Thị Quỳnh", "Lâm Thị Quỳnh", LOCAL_TITLE),
    ("Sở Tư pháp tỉnh Hải Đông", "Sở Tư pháp tỉnh Hải Đông", "co_thi_dua_bo_tinh"),
    ("Trương Công Minh", "Trương Công Minh", "bang_khen_thu_tuong"),
    ("Phan Thị Ngọc", "Phan Thị Ngọc", "huan_chuong_lao_dong_hang_ba"),
]
# One string per ballot, one letter per nominee column above.
BALLOT_MATRIX: list[str] = [
    "AAAAAD",  # 01
    "AADAAA",  # 02
    "DAAAAA",  # 03
    "AAAAAD",  # 04
    "ADAAAA",  # 05
    "AADAAA",  # 06
    "AAAAAD",  # 07
    "A-AAAA",  # 08  (blank for Cao Thị Hương)
    "AA?AAA",  # 09  (an unknown mark for Lâm Thị Quỳnh: invalid, never a vote)
    "AAAAA-",  # 10  (blank for Phan Thị Ngọc)
    "AAAAAA",  # 11  written opinion of the absent member
]
AGREE_WORD = {1: "x", 2: "x", 3: "x", 4: "x", 5: "1", 6: "1", 7: "1", 8: "đồng ý", 9: "đồng ý", 10: "Đồng ý",
              11: "đồng ý"}
# Vote rules: (share numerator, denominator, comparison) of ALL 11 members; see examples/rules/.
VOTE_RULES: dict[str, tuple[int, int, str, str]] = {
    "chien_si_thi_dua_bo_tinh": (90, 100, "at_least", "NĐ 91/2017/NĐ-CP Điều 45 khoản 8"),
    LOCAL_TITLE: (70, 100, "at_least", "Quy chế Hội đồng (examples/rules)"),
    "co_thi_dua_bo_tinh": (80, 100, "at_least", "Quy chế Hội đồng (examples/rules)"),
    "bang_khen_thu_tuong": (50, 100, "more_than", "Quy chế Hội đồng (examples/rules)"),
    "huan_chuong_lao_dong_hang_ba": (50, 100, "more_than", "Quy chế Hội đồng (examples/rules)"),
}


def required_votes(award: str, members: int = MEMBERS) -> int:
    """Agree votes needed, in exact integers: ⌈num/den × members⌉ (at least) or the next integer above."""
    num, den, comparison, _ = VOTE_RULES[award]
    if comparison == "at_least":
        return -(-num * members // den)
    return num * members // den + 1


def percent(part: int, whole: int) -> str:
    """part/whole in percent with two decimals, rounded half up in exact integers ("90.91")."""
    hundredths = (part * 20000 + whole) // (2 * whole)
    return f"{hundredths // 100}.{hundredths % 100:02d}"


# ---------------------------------------------------------------------------------------------
# Register history: decisions dated 2019–2021 (achievement years 2018–2020).
# ---------------------------------------------------------------------------------------------


@dataclass
class Entry:
    name: str
    born: dt.date | None
    cccd: str
    unit: str
    award_text: str
    year: int
    number: str
    date: dt.date
    sk_name: str = ""
    sk_level: str = ""
    gender: str = ""


def _person(name: str) -> Person:
    for p in INDIVIDUALS_2021:
        if p.name == nfc(name):
            return p
    raise KeyError(name)


def E(name: str, award_text: str, year: int, number: str, date: tuple[int, int, int], sk: str = "",
      level: str = "") -> Entry:
    p = _person(name)
    return Entry(p.name, p.born, p.cccd, p.unit, nfc(award_text), year, number, dt.date(*date), nfc(sk), level)


def X(name: str, gender: str, born: tuple[int, int, int], serial: int, unit: str, award_text: str, year: int,
      number: str, date: tuple[int, int, int]) -> Entry:
    b = dt.date(*born)
    return Entry(nfc(name), b, cccd(gender, b, serial), unit, nfc(award_text), year, number, dt.date(*date))


def C(name: str, unit: str, award_text: str, year: int, number: str, date: tuple[int, int, int]) -> Entry:
    return Entry(nfc(name), None, "", unit, nfc(award_text), year, number, dt.date(*date))


HISTORY: list[Entry] = [
    E("Bùi Thị Thu Hà", "Chiến sĩ thi đua cơ sở", 2019, "45/QĐ-BVĐK", (2020, 1, 16),
      "Chuẩn hóa quy trình cấp phát thuốc nội trú", "Cơ sở"),
    E("Bùi Thị Thu Hà", "Chiến sĩ thi đua cơ sở", 2020, "38/QĐ-BVĐK", (2021, 1, 15),
      "Bảng kiểm sai sót kê đơn thuốc ngoại trú", "Cơ sở"),
    E("Cao Thị Hương", "Chiến sĩ thi đua cơ sở", 2019, "112/QĐ-SGDĐT", (2019, 8, 20),
      "Dạy học thí nghiệm Hóa học theo dự án", "Cơ sở"),
    E("Cao Thị Hương", "Chiến sĩ thi đua cơ sở", 2020, "98/QĐ-SGDĐT", (2020, 8, 18),
      "Câu lạc bộ Hóa học xanh", "Cơ sở"),
    E("Đỗ Văn Giang", "Lao động tiên tiến", 2019, "12/QĐ-SGTVT", (2020, 1, 10)),
    E("Đỗ Văn Giang", "Chiến sĩ thi đua cơ sở", 2020, "09/QĐ-SGTVT", (2021, 1, 12),
      "Sắp xếp luồng tuyến xe buýt liên huyện", "Cơ sở"),
    E("Lâm Thị Quỳnh", "Lao động tiên tiến", 2020, "05/QĐ-TTYT", (2021, 1, 8)),
    E("Ngô Thị Lan", "Lao động tiên tiến", 2020, "14/QĐ-SNV", (2021, 1, 14)),
    E("Đặng Thị Hạnh", "Chiến sĩ thi đua cơ sở", 2020, "210/QĐ-UBND", (2021, 1, 22),
      "Quy trình tiếp nhận và trả kết quả hồ sơ một cửa điện tử", "Cơ sở"),
    E("Trịnh Minh Khôi", "Lao động tiên tiến", 2019, "07/QĐ-STTTT", (2020, 1, 9)),
    E("Trịnh Minh Khôi", "Chiến sĩ thi đua cơ sở", 2020, "11/QĐ-STTTT", (2021, 1, 13),
      "Số hóa hồ sơ lưu trữ của Sở", "Cơ sở"),
    E("Tạ Quang Sơn", "Chiến sĩ thi đua cơ sở", 2020, "16/QĐ-STC", (2021, 1, 18),
      "Biểu mẫu dự toán ngân sách xã dùng chung", "Cơ sở"),
    # People not nominated this round (a real register holds many more).
    X("Kiều Văn Tâm", "Nam", (1976, 2, 3), 1880, UNIT_NV, "Bằng khen của Chủ tịch UBND tỉnh", 2019,
      "2056/QĐ-UBND", (2019, 12, 20)),
    X("Mạc Thị Yến", "Nữ", (1981, 9, 12), 3051, UNIT_SYT, "Chiến sĩ thi đua cấp tỉnh", 2020,
      "1187/QĐ-UBND", (2021, 5, 10)),
    # Same name as nominee CN14, another person (other birth date, CCCD and unit): must not be merged.
    X("Nguyễn Thị Mai Anh", "Nữ", (1978, 6, 30), 2712, UNIT_TPHD, "Bằng khen của Chủ tịch UBND tỉnh", 2020,
      "1187/QĐ-UBND", (2021, 5, 10)),
    C("Sở Tư pháp tỉnh Hải Đông", "UBND tỉnh Hải Đông", "Cờ thi đua của UBND tỉnh", 2019, "305/QĐ-UBND",
      (2020, 2, 14)),
    C("Phòng Tổ chức cán bộ", UNIT_SYT, "Tập thể lao động xuất sắc", 2020, "1187/QĐ-UBND", (2021, 5, 10)),
]


# ---------------------------------------------------------------------------------------------
# Writers
# ---------------------------------------------------------------------------------------------


def _workbook(buffer: io.BytesIO, title: str) -> xlsxwriter.Workbook:
    wb = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False})
    wb.set_properties({"title": title, "author": "Ban Thi đua - Khen thưởng tỉnh Hải Đông", "created": FIXED})
    return wb


@dataclass
class Fmt:
    wb: xlsxwriter.Workbook
    cache: dict[str, Any] = field(default_factory=dict)

    def __call__(self, name: str) -> Any:
        if name not in self.cache:
            base: dict[str, Any] = {"font_name": "Times New Roman", "font_size": 12, "valign": "vcenter"}
            extra: dict[str, dict[str, Any]] = {
                "title": {"bold": True, "align": "center", "font_size": 13},
                "agency": {"bold": True, "align": "left"},
                "italic": {"italic": True, "align": "center"},
                "head": {"bold": True, "align": "center", "border": 1, "text_wrap": True, "bg_color": "#DDEBF7"},
                "num": {"italic": True, "align": "center", "border": 1, "font_size": 10},
                "cell": {"border": 1, "text_wrap": True},
                "center": {"border": 1, "align": "center"},
                "date": {"border": 1, "align": "center", "num_format": "dd/mm/yyyy"},
                "section": {"bold": True, "border": 1},
                "sign": {"bold": True, "align": "center"},
                "plain": {},
            }
            self.cache[name] = self.wb.add_format({**base, **extra[name]})
        return self.cache[name]


def provincial_list(path: Path, people: list[Person], year: int, sections: dict[str, str], submission: str) -> None:
    """Layout 1: the provincial list — merged title rows, a two-row header with parent headers, a
    row of column numbers, section rows (I., II., …), and a signature footer."""
    rating_years = list(range(year - 4, year + 1))
    title_years = list(range(year - 2, year + 1))
    buffer = io.BytesIO()
    wb = _workbook(buffer, f"Danh sách đề nghị khen thưởng năm {year}")
    f = Fmt(wb)
    ws = wb.add_worksheet("Cá nhân")
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    singles_before = ["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Số CCCD", "Chức vụ", "Đơn vị công tác",
                      "Ngày tuyển dụng"]
    groups: list[tuple[str, list[str]]] = [
        ("Xếp loại mức độ hoàn thành nhiệm vụ", [f"Năm {y}" for y in rating_years]),
        ("Danh hiệu thi đua đã đạt", [f"Năm {y}" for y in title_years]),
        ("Sáng kiến, đề tài", ["Tên sáng kiến", "Số lượng", "Cấp công nhận", "Năm công nhận"]),
    ]
    singles_after = ["Hình thức khen thưởng đã nhận", "Kỷ luật", "Hình thức đề nghị khen thưởng", "Ghi chú"]
    ncols = len(singles_before) + sum(len(g[1]) for g in groups) + len(singles_after)
    last = ncols - 1
    widths = [5, 24, 8, 11, 15, 22, 28, 12, *[9] * 5, *[9] * 3, 34, 8, 10, 12, 34, 26, 26, 24]
    for i, w in enumerate(widths[:ncols]):
        ws.set_column(i, i, w)
    ws.merge_range(0, 0, 0, last, "ỦY BAN NHÂN DÂN TỈNH HẢI ĐÔNG", f("title"))
    ws.merge_range(1, 0, 1, last, "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", f("title"))
    ws.merge_range(3, 0, 3, last, f"DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM {year}", f("title"))
    ws.merge_range(4, 0, 4, last, submission, f("italic"))
    top, sub = 6, 7
    col = 0
    for label in singles_before:
        ws.merge_range(top, col, sub, col, label, f("head"))
        col += 1
    for parent, children in groups:
        ws.merge_range(top, col, top, col + len(children) - 1, parent, f("head"))
        for child in children:
            ws.write(sub, col, child, f("head"))
            col += 1
    for label in singles_after:
        ws.merge_range(top, col, sub, col, label, f("head"))
        col += 1
    for c in range(ncols):
        ws.write(sub + 1, c, f"({c + 1})", f("num"))
    ws.set_row(sub, 30)
    row = sub + 2
    current = ""
    for n, p in enumerate(people, start=1):
        if p.section != current:
            current = p.section
            ws.write(row, 0, current, f("section"))
            ws.merge_range(row, 1, row, last, sections[current], f("section"))
            row += 1
        values: list[tuple[Any, str]] = [
            (n, "center"), (p.name, "cell"), (p.gender, "center"), (p.born, "date"), (p.cccd, "center"),
            (p.position, "cell"), (p.unit, "cell"), (p.recruited, "date"),
            *[(p.ratings.get(y, ""), "center") for y in rating_years],
            *[(p.titles.get(y, ""), "center") for y in title_years],
            ("; ".join(p.sk_names), "cell"), ("" if p.sk_count is None else p.sk_count, "center"),
            (p.sk_level, "center"), (p.sk_year, "center"), (p.prior, "cell"), (p.discipline, "cell"), (p.award_text, "cell"),
            (p.note, "cell"),
        ]
        for c, (value, style) in enumerate(values):
            if isinstance(value, dt.date):
                ws.write_datetime(row, c, dt.datetime(value.year, value.month, value.day), f(style))
            elif value == "":
                ws.write_blank(row, c, None, f(style))
            else:
                ws.write(row, c, value, f(style))
        row += 1
    row += 1
    ws.merge_range(row, 0, row, last, f"Danh sách này có {len(people)} cá nhân./.", f("plain"))
    row += 2
    ws.merge_range(row, 0, row, 6, "Người lập biểu", f("sign"))
    ws.merge_range(row, 16, row, last, "KT. GIÁM ĐỐC SỞ NỘI VỤ", f("sign"))
    ws.merge_range(row + 1, 16, row + 1, last, "PHÓ GIÁM ĐỐC", f("sign"))
    ws.merge_range(row + 5, 0, row + 5, 6, "Hồ Thị Thanh Tâm", f("sign"))
    ws.merge_range(row + 5, 16, row + 5, last, "Lưu Đình Phong", f("sign"))
    wb.close()
    path.write_bytes(buffer.getvalue())


VENDOR_HEADER = [
    "STT", "Tên gọi\n(Ông/Bà/Chức danh)", "Tên tập thể/cá nhân/hộ gia đình", "Chức vụ", "Đơn vị công tác",
    "Phân loại khen thưởng", "Danh hiệu thi đua/Hình thức khen thưởng", "Phân loại đối tượng",
    "Lĩnh vực hoạt động",
    # Added by the secretariat after the vendor's columns (J…): the facts the criteria need.
    "Xếp loại năm 2021", "Tổng số thành viên", "Số hoàn thành nhiệm vụ", "Số đạt LĐTT", "Số đạt CSTĐCS",
    "Số bị kỷ luật từ cảnh cáo trở lên", "Tỷ lệ nữ (%)", "Cụm, khối thi đua", "Xếp hạng trong cụm, khối",
]


def vendor_list(path: Path, items: list[Collective]) -> None:
    """Layout 2: the vendor import template (MauTDKT.xlsx "file nhận"): header in row 1, no title."""
    buffer = io.BytesIO()
    wb = _workbook(buffer, "file nhận")
    head = wb.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    ws = wb.add_worksheet("file nhận")
    for c, label in enumerate(VENDOR_HEADER):
        ws.write(0, c, label, head)
        ws.set_column(c, c, 30 if c in (2, 4, 6, 16) else 14)
    for r, t in enumerate(items, start=1):
        row: list[Any] = [r, None, t.name, None, t.parent, "Khen thưởng tập thể", t.award_text,
                          "Cơ quan hành chính, sự nghiệp", t.field_, t.rating, t.members, t.completed, t.ltt, t.cstdcs,
                          t.disciplined, t.women, t.cluster or None, t.rank]
        for c, value in enumerate(row):
            if value is not None:
                ws.write(r, c, value)
    guide = wb.add_worksheet("Hướng dẫn")
    guide.write(0, 0, "Mỗi dòng một tập thể; cột G ghi đúng tên danh hiệu/hình thức khen thưởng.")
    wb.close()
    path.write_bytes(buffer.getvalue())


def ballots_csv(path: Path) -> None:
    """Wide layout, as typed from the paper ballots: one row per ballot, one column per nominee.
    UTF-8 with BOM and CRLF, as Excel's "CSV UTF-8" saves it."""
    lines = [",".join(["Số phiếu", "Loại phiếu", *[_csv(h) for h, _, _ in BALLOT_NOMINEES]])]
    for i, marks in enumerate(BALLOT_MATRIX, start=1):
        kind = "Bằng văn bản" if i == len(BALLOT_MATRIX) else "Tại hội nghị"
        cells = []
        for m in marks:
            cells.append({"A": AGREE_WORD[i], "D": "không đồng ý", "-": "", "?": "?"}[m])
        lines.append(",".join([f"{i:02d}", _csv(kind), *[_csv(c) for c in cells]]))
    path.write_bytes(("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8"))


def _csv(text: str) -> str:
    return f'"{text}"' if any(ch in text for ch in ',"()') else text


def history_xlsx(path: Path) -> None:
    """The register history (sổ theo dõi khen thưởng) the secretariat kept in Excel before tdkt."""
    buffer = io.BytesIO()
    wb = _workbook(buffer, "Sổ theo dõi khen thưởng 2019-2021")
    f = Fmt(wb)
    ws = wb.add_worksheet("Sổ theo dõi")
    header = ["STT", "Họ và tên / Tên tập thể", "Ngày sinh", "Số CCCD", "Đơn vị", "Danh hiệu/Hình thức khen thưởng",
              "Năm thành tích", "Số quyết định", "Ngày quyết định", "Tên sáng kiến", "Cấp công nhận sáng kiến"]
    last = len(header) - 1
    ws.merge_range(0, 0, 0, last, "SỔ THEO DÕI KHEN THƯỞNG (các quyết định năm 2019 - 2021)", f("title"))
    for c, (label, width) in enumerate(zip(header, [5, 28, 11, 15, 34, 30, 10, 15, 12, 44, 12], strict=True)):
        ws.write(2, c, label, f("head"))
        ws.set_column(c, c, width)
    ordered = sorted(HISTORY, key=lambda e: (e.date, e.number, e.name))
    for r, e in enumerate(ordered, start=3):
        values: list[tuple[Any, str]] = [
            (r - 2, "center"), (e.name, "cell"), (e.born or "", "date"), (e.cccd, "center"), (e.unit, "cell"),
            (e.award_text, "cell"), (e.year, "center"), (e.number, "center"), (e.date, "date"),
            (e.sk_name, "cell"), (e.sk_level, "center"),
        ]
        for c, (value, style) in enumerate(values):
            if isinstance(value, dt.date):
                ws.write_datetime(r, c, dt.datetime(value.year, value.month, value.day), f(style))
            elif value == "":
                ws.write_blank(r, c, None, f(style))
            else:
                ws.write(r, c, value, f(style))
    wb.close()
    path.write_bytes(buffer.getvalue())


def expected() -> dict[str, Any]:
    def person(p: Person, file: str) -> dict[str, Any]:
        return {"name": p.name, "file": file, "kind": "individual", "unit": p.unit, "award": p.award,
                "verdict": p.verdict, "reason": p.reason, "why": p.why}

    def coll(t: Collective, file: str) -> dict[str, Any]:
        return {"name": t.name, "file": file, "kind": "collective", "unit": t.parent, "award": t.award,
                "verdict": t.verdict, "reason": t.reason, "why": t.why}

    results = []
    for col, (_, name, award) in enumerate(BALLOT_NOMINEES):
        marks = [b[col] for b in BALLOT_MATRIX]
        agree = marks.count("A")
        need = required_votes(award)
        num, _den, comparison, basis = VOTE_RULES[award]
        results.append({
            "name": name, "award": award, "agree": agree, "disagree": marks.count("D"),
            "blank": marks.count("-"), "invalid": marks.count("?"), "denominator": MEMBERS, "required": need,
            "percent": percent(agree, MEMBERS), "passed": agree >= need,
            "rule": f"{'≥' if comparison == 'at_least' else '>'} {num} % tổng số thành viên ({basis})",
        })
    f1, f2, f3 = (f"{ROUND_1}/danh-sach-ca-nhan.xlsx", f"{ROUND_1}/danh-sach-tap-the.xlsx",
                  f"{ROUND_2}/danh-sach-de-nghi.xlsx")
    return {
        "schema_version": 1,
        "note": "Sinh bởi make_examples.py — không sửa tay. Kết luận mong đợi của từng người/tập thể.",
        "council": {"members": MEMBERS},
        "rounds": {
            ROUND_1: {
                "date": "2022-04-25", "years": [2021], "files": [f1, f2], "ballots": f"{ROUND_1}/ballots.csv",
                "history": "lich-su-khen-thuong.xlsx",
                "nominees": [person(p, f1) for p in INDIVIDUALS_2021] + [coll(t, f2) for t in COLLECTIVES_2021],
                "tally": {"members": MEMBERS, "present": MEMBERS - 1, "written_opinions": 1,
                          "ballots": {"received": len(BALLOT_MATRIX)}, "results": results},
                "issue": [
                    {"award": "chien_si_thi_dua_co_so", "number": "1035/QĐ-UBND", "date": "2022-05-06"},
                ],
            },
            ROUND_2: {
                "date": "2023-04-20", "years": [2022], "files": [f3],
                "nominees": [person(p, f3) for p in INDIVIDUALS_2022],
                "register_dependent": [{"name": "Trịnh Minh Khôi", "award": "chien_si_thi_dua_bo_tinh",
                                        "with_register": "pass", "without_register": "fail"}],
            },
        },
    }


def generate(out: Path) -> list[Path]:
    """Write every example file under ``out``; returns the paths written (sorted)."""
    (out / ROUND_1).mkdir(parents=True, exist_ok=True)
    (out / ROUND_2).mkdir(parents=True, exist_ok=True)
    written = [
        out / ROUND_1 / "danh-sach-ca-nhan.xlsx",
        out / ROUND_1 / "danh-sach-tap-the.xlsx",
        out / ROUND_1 / "ballots.csv",
        out / ROUND_2 / "danh-sach-de-nghi.xlsx",
        out / "lich-su-khen-thuong.xlsx",
        out / "expected.yaml",
    ]
    provincial_list(written[0], INDIVIDUALS_2021, 2021, SECTIONS,
                    "(Kèm theo Tờ trình số 45/TTr-SNV ngày 08/4/2022 của Sở Nội vụ)")
    vendor_list(written[1], COLLECTIVES_2021)
    ballots_csv(written[2])
    provincial_list(written[3], INDIVIDUALS_2022, 2022, SECTIONS_2022,
                    "(Kèm theo Tờ trình số 38/TTr-SNV ngày 03/4/2023 của Sở Nội vụ)")
    history_xlsx(written[4])
    text = yaml.safe_dump(expected(), allow_unicode=True, sort_keys=False, width=120)
    written[5].write_text("# Sinh bởi examples/make_examples.py — không sửa tay.\n" + text, encoding="utf-8")
    return sorted(written)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Sinh lại bộ dữ liệu ví dụ (tỉnh Hải Đông, đợt 2022-1, 2023-1).")
    parser.add_argument("--out", type=Path, default=HERE, help="Thư mục ghi (mặc định: examples/).")
    args = parser.parse_args(argv)
    for path in generate(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Every Vietnamese label of a program value, in one place: severities, verdicts, kinds, ratings,
levels, disciplines, special times, ballot marks, tally statuses, sheet roles, genders, the facts of
a collective. ``docs/glossary.md`` lists them all (a test keeps its generated part equal to
:func:`glossary_markdown`). Award names are data: :func:`tdkt.awards.name` (``tdkt/rules/awards.yaml``
and the council's overlay).

Labels are written in lower case as they stand inside a sentence; :func:`cap` gives the form that
opens a cell or a line ("cá nhân" → "Cá nhân").
"""

from __future__ import annotations

# Mức của một phát hiện. A warning is what the secretariat must look at: its row's verdict is "Cần
# xem xét", and the finding says so in the same words.
SEVERITY = {"error": "lỗi", "warning": "cần xem xét", "info": "ghi chú"}
# Kết luận thẩm định của một người/tập thể.
VERDICT = {"pass": "đạt", "fail": "không đạt", "review": "cần xem xét"}
# Đối tượng được đề nghị.
KIND = {"individual": "cá nhân", "collective": "tập thể", "household": "hộ gia đình"}
GENDER = {"male": "nam", "female": "nữ"}
# Mức độ hoàn thành nhiệm vụ (xếp loại).
RATING = {"htxs": "hoàn thành xuất sắc nhiệm vụ", "httnv": "hoàn thành tốt nhiệm vụ",
          "htnv": "hoàn thành nhiệm vụ", "khtnv": "không hoàn thành nhiệm vụ"}
# Xếp loại như danh sách viết tắt (bảng đọc danh sách của tdkt ingest).
RATING_SHORT = {"htxs": "HTXSNV", "httnv": "HTTNV", "htnv": "HTNV", "khtnv": "Không HTNV"}
# Cấp công nhận sáng kiến / đề tài.
LEVEL = {"co_so": "cấp cơ sở", "bo_tinh": "cấp bộ/tỉnh", "toan_quoc": "toàn quốc"}
INITIATIVE_KIND = {"sang_kien": "sáng kiến", "de_tai": "đề tài"}
# Hình thức kỷ luật, nhẹ → nặng (Luật Cán bộ, công chức; Luật Viên chức).
DISCIPLINE = {"khien_trach": "khiển trách", "canh_cao": "cảnh cáo", "ha_bac_luong": "hạ bậc lương",
              "giang_chuc": "giáng chức", "cach_chuc": "cách chức", "buoc_thoi_viec": "buộc thôi việc"}
# Thời gian được tính là thời gian công tác.
SPECIAL = {"maternity": "nghỉ thai sản", "training": "đi học, bồi dưỡng", "injury": "điều trị thương tích"}
# Loại khen thưởng trong danh mục (tdkt rules awards).
AWARD_CATEGORY = {"title": "danh hiệu", "form": "hình thức", "local": "danh hiệu của Hội đồng"}
# Dấu trên phiếu bầu và kết quả kiểm phiếu của một người.
MARK = {"agree": "đồng ý", "disagree": "không đồng ý", "blank": "để trống", "invalid": "không hợp lệ"}
TALLY_STATUS = {"pass": "đạt", "fail": "không đạt", "review": "Hội đồng xem xét",
                "tie": "đồng phiếu – Hội đồng quyết định"}
# Vai trò của một trang tính trong tệp danh sách.
SHEET_ROLE = {"list": "danh sách", "lookup": "danh mục", "empty": "trống", "other": "khác (không phải danh sách)"}
# Số liệu của một tập thể mà tiêu chí tính tỷ lệ.
COLLECTIVE_FACT = {"completed": "thành viên hoàn thành nhiệm vụ", "ltt": "thành viên đạt Lao động tiên tiến",
                   "cstdcs": "thành viên đạt Chiến sĩ thi đua cơ sở",
                   "disciplined": "thành viên bị kỷ luật từ cảnh cáo trở lên"}
# Dữ kiện của một người mà tiêu chí đọc (trường của Nominee), khi danh sách không có cột nêu nó.
FACT = {"history": "danh hiệu thi đua các năm", "disciplines": "kỷ luật, đang bị xem xét kỷ luật/thanh tra",
        "initiatives": "sáng kiến, đề tài", "prior_awards": "khen thưởng đã nhận",
        "months_of_service": "thời gian công tác", "recruited_on": "ngày tuyển dụng",
        "collective": "số liệu của tập thể"}

TABLES: dict[str, dict[str, str]] = {
    "severity": SEVERITY, "verdict": VERDICT, "kind": KIND, "gender": GENDER, "rating": RATING,
    "rating (short)": RATING_SHORT, "level": LEVEL,
    "initiative kind": INITIATIVE_KIND, "award category": AWARD_CATEGORY, "discipline": DISCIPLINE, "special": SPECIAL, "ballot mark": MARK,
    "tally status": TALLY_STATUS, "sheet role": SHEET_ROLE, "collective fact": COLLECTIVE_FACT, "fact": FACT,
}


def cap(text: str) -> str:
    """The label as it opens a cell or a line: its first letter in upper case."""
    return text[:1].upper() + text[1:]


def glossary_markdown() -> str:
    """The generated part of docs/glossary.md: every table above, code → label."""
    lines = ["| nhóm (group) | code / JSON | nhãn tiếng Việt |", "|---|---|---|"]
    for group, table in TABLES.items():
        for code, label in table.items():
            lines.append(f"| {group} | `{code}` | {label} |")
    return "\n".join(lines) + "\n"

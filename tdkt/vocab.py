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
# Loại hình khen thưởng (Luật TĐKT 06/2022 Điều 8; chuyên đề: Luật 06/2026/QH16).
AWARD_TYPE = {"cong_trang": "công trạng", "dot_xuat": "đột xuất", "phong_trao": "phong trào thi đua",
              "cong_hien": "quá trình cống hiến", "nien_han": "niên hạn", "doi_ngoai": "đối ngoại",
              "chuyen_de": "chuyên đề", "phong_trao_chuyen_de": "phong trào thi đua theo chuyên đề"}
# Trạng thái một tiêu chí, một quy định biểu quyết của bộ tiêu chí (tdkt rules show).
CRITERION_STATUS = {"confirmed": "đã xác thực", "uncertain": "chưa xác thực"}
VOTE_STATUS = {"law": "theo luật", "overlay": "theo quy chế Hội đồng", "unset": "chưa có quy định",
               "not_required": "không cần bỏ phiếu"}
# Cách Hội đồng áp dụng một căn cứ chưa xác thực (tdkt rules settle), và tỷ lệ phiếu tính trên gì.
READING = {"applies": "áp dụng như văn bản", "not_applies": "không áp dụng", "value": "áp dụng với giá trị"}
READING_OF = {"members": "tổng số thành viên", "present": "số thành viên dự họp", "valid": "số phiếu hợp lệ"}
# Quyết định của Thường trực về một trường hợp "cần xem xét" (tdkt review), và trạng thái của nó.
REVIEW_DECISION = {"accept": "chấp nhận đạt", "reject": "không đạt"}
REVIEW_STATUS = {"open": "chưa xem xét", "accepted": REVIEW_DECISION["accept"], "rejected": REVIEW_DECISION["reject"]}
# Các việc đã ghi vào một đợt xét (tdkt session show).
RUN = {"validate": "thẩm định", "tally": "kiểm phiếu", "documents": "văn bản", "review": "xem xét hồ sơ"}
# Văn bản của một đợt, như viết trong câu (tên văn bản viết hoa chữ đầu).
DOCUMENT = {"decision": "Quyết định", "proposal": "Tờ trình", "minutes": "Biên bản", "report": "Báo cáo"}
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
    "initiative kind": INITIATIVE_KIND, "award category": AWARD_CATEGORY, "award type": AWARD_TYPE,
    "criterion status": CRITERION_STATUS, "vote status": VOTE_STATUS, "reading": READING, "reading of": READING_OF,
    "review decision": REVIEW_DECISION, "review status": REVIEW_STATUS, "run": RUN, "document": DOCUMENT, "discipline": DISCIPLINE, "special": SPECIAL, "ballot mark": MARK,
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

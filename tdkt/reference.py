"""Generated references: the catalogue of finding codes (docs/codes.md), kept current by a test."""

from __future__ import annotations

import importlib

from tdkt.messages import CATALOGUE

# Every module that registers finding codes at import.
CODE_MODULES = (
    "tdkt.ingest.nominations",
    "tdkt.engine",
    "tdkt.validation",
    "tdkt.ballots",
    "tdkt.tally",
    "tdkt.register.importing",
    "tdkt.register.reading",
    "tdkt.register.issue",
)


def load_all_codes() -> None:
    for name in CODE_MODULES:
        importlib.import_module(name)


def codes_markdown() -> str:
    """docs/codes.md: every finding code with its default severity, message template and purpose."""
    load_all_codes()
    sev = {"error": "lỗi", "warning": "cảnh báo", "info": "ghi chú"}
    lines = [
        "# Mã phát hiện (finding codes)",
        "",
        "Tệp này được sinh từ danh mục mã trong mã nguồn (`tdkt.reference.codes_markdown`); một kiểm thử "
        "giữ cho nó luôn khớp. Mã là chuỗi ASCII ổn định `<giai đoạn>.<tên>`; đổi tên mã là thay đổi phá vỡ "
        "tương thích.",
        "",
    ]
    stages: dict[str, list[str]] = {}
    for code in sorted(CATALOGUE):
        stages.setdefault(code.split(".")[0], []).append(code)
    for stage, codes in stages.items():
        lines += [f"## `{stage}`", "", "| Mã | Mức | Thông báo | Ý nghĩa |", "|---|---|---|---|"]
        for code in codes:
            m = CATALOGUE[code]
            cells = [f"`{code}`", sev[m.severity.value], m.template, m.description]
            lines.append("| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in cells) + " |")
        lines.append("")
    return "\n".join(lines)

"""Reporters for `tdkt validate`: a Rich table (through tdkt.console), the contract's JSON, and an
annotated .xlsx copy (result columns, fills and comments, plus a "Kết quả thẩm định" sheet).

Reporters are chosen by name (``REPORTERS``); none of them changes the input files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from tdkt.engine import NomineeResult, Report
from tdkt.errors import UsageError
from tdkt.findings import Finding, Severity, sort_findings

VERDICT_VN = {"pass": "Đạt", "fail": "Không đạt", "review": "Cần xem xét"}
SEVERITY_VN = {"error": "lỗi", "warning": "cần xem xét", "info": "ghi chú"}
FILL = {"pass": "C6EFCE", "fail": "FFC7CE", "review": "FFEB9C"}
MAX_COMMENTS = 2000  # comments make openpyxl slow on very large lists; the results sheet has them all
BIG_INPUT = 20000  # above this many rows, write only the results sheet (loading the copy costs ~1 s per 1000 rows)


def headline(r: NomineeResult) -> str:
    """The most relevant finding of a nominee, with its basis, and how many more there are."""
    shown = [f for f in r.ordered() if f.severity != Severity.INFO]
    if not shown:
        return "Đạt mọi tiêu chí đã kiểm."
    first = shown[0]
    text = first.message + (f" [{first.basis}]" if first.basis else "")
    if len(shown) > 1:
        text += f" (và {len(shown) - 1} vấn đề khác — xem --format json hoặc xlsx)"
    return text


def report_table(report: Report, **_: Any) -> None:
    from tdkt import console

    rs = report.ruleset
    console.info(f"Bộ tiêu chí: {console.escape(rs.label)} — {console.escape(rs.title)} "
                 f"({console.escape(rs.chosen_by)})" + (f"; đợt xét {report.session}" if report.session else ""))
    rows = [
        [r.nominee.source.row, r.nominee.name, r.nominee.unit or "", r.award_name or "?", VERDICT_VN[r.verdict], headline(r)]
        for r in report.nominees
    ]
    console.show(console.table("Kết quả thẩm định", ["Dòng", "Họ tên / Tập thể", "Đơn vị", "Đề nghị", "Kết luận", "Lý do chính"],
                               rows, show_lines=True))
    for f in sort_findings(report.findings):
        if f.severity != Severity.INFO:
            line = f"- [{SEVERITY_VN[f.severity.value]}] {f.message}" + (f" [{f.basis}]" if f.basis else "")
            console.info(console.escape(line))
    s = report.summary()
    console.info(f"Tổng: {s['nominees']} hồ sơ — Đạt: {s['pass']}, Không đạt: {s['fail']}, Cần xem xét: {s['review']}.")


def report_json(report: Report, **_: Any) -> None:
    """The contract's JSON document on stdout (console.print_json)."""
    from tdkt import console

    console.print_json(report.to_dict())


def default_output(paths: Sequence[Path]) -> Path:
    stem = paths[0].stem if len(paths) == 1 else "danh-sach"
    return Path.cwd() / f"{stem}-tham-dinh.xlsx"


def report_xlsx(report: Report, *, paths: Sequence[Path] = (), output: Path | None = None, **_: Any) -> Path:
    """Write the annotated copy and return its path. The inputs are never modified."""
    out = output or default_output(paths)
    if any(out.resolve() == p.resolve() for p in paths):
        raise UsageError(f"--output {out} trùng tệp đầu vào; tdkt không ghi đè danh sách gốc.")
    source = paths[0] if (len(paths) == 1 and paths[0].suffix.lower() in (".xlsx", ".xlsm")
                          and len(report.nominees) <= BIG_INPUT) else None
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    if source is None:
        # Only the results sheet: XlsxWriter writes it ~4× faster than openpyxl builds and saves it.
        _results_workbook(tmp, report)
        tmp.replace(out)
        return out
    from openpyxl import load_workbook

    wb = load_workbook(source)
    _annotate(wb, report, source.name)
    _results_sheet(wb, report)
    wb.save(tmp)
    tmp.replace(out)
    return out


def _annotate(wb: Any, report: Report, file_name: str) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill

    fills = {v: PatternFill("solid", fgColor=c) for v, c in FILL.items()}
    comments = 0
    by_sheet: dict[str, list[NomineeResult]] = {}
    for r in report.nominees:
        if r.nominee.source.file == file_name and r.nominee.source.sheet in wb.sheetnames:
            by_sheet.setdefault(r.nominee.source.sheet or "", []).append(r)
    for sheet_name, results in by_sheet.items():
        ws = wb[sheet_name]
        col = ws.max_column + 1
        first_row = min(r.nominee.source.row or 1 for r in results)
        if first_row > 1:
            for c, text in ((col, "Kết quả thẩm định"), (col + 1, "Lý do / căn cứ")):
                cell = ws.cell(row=first_row - 1, column=c, value=text)
                cell.font = Font(bold=True)
        for r in results:
            row = r.nominee.source.row
            if row is None:
                continue
            v = ws.cell(row=row, column=col, value=VERDICT_VN[r.verdict])
            v.fill = fills[r.verdict]
            ws.cell(row=row, column=col + 1, value=headline(r))
            for f in r.ordered():
                if f.severity == Severity.INFO or comments >= MAX_COMMENTS:
                    continue
                if f.cell and f.cell.column and f.cell.row and f.cell.sheet == sheet_name:
                    target = ws[f"{f.cell.column}{f.cell.row}"]
                    text = f"{f.message}\n{f.basis or ''}".strip()
                    target.comment = Comment(text if not target.comment else target.comment.text + "\n" + text, "tdkt")
                    target.fill = fills[r.verdict]
                    comments += 1


RESULTS_SHEET = "Kết quả thẩm định"
RESULTS_HEADER = ["Tệp", "Trang tính", "Dòng", "Họ tên / Tập thể", "Đơn vị", "Đề nghị", "Kết luận", "Mức", "Mã",
                  "Tiêu chí", "Căn cứ", "Ô", "Nội dung"]
RESULTS_WIDTHS = (18, 14, 6, 28, 24, 26, 12, 12, 26, 24, 36, 6, 80)


def _results_rows(report: Report) -> Iterator[tuple[list[Any], str | None]]:
    """The data rows of the results sheet, each with the verdict that colours its Kết luận cell."""

    def row(r: NomineeResult | None, f: Finding | None) -> list[Any]:
        n = r.nominee if r else None
        return [
            n.source.file if n else (f.cell.file if f and f.cell else ""),
            n.source.sheet if n else "", n.source.row if n else None, n.name if n else "(toàn danh sách)",
            n.unit if n else "", r.award_name if r else "", VERDICT_VN[r.verdict] if r else "",
            SEVERITY_VN[f.severity.value] if f else "", f.code if f else "", f.rule if f else "",
            f.basis if f else "", f.cell.a1 if f and f.cell else "", f.message if f else "Đạt mọi tiêu chí đã kiểm.",
        ]

    for r in report.nominees:
        verdict = r.verdict
        findings: list[Finding | None] = list(r.ordered()) or [None]
        for f in findings:
            yield row(r, f), verdict
    for f in sort_findings(report.findings):
        yield row(None, f), None


def _results_workbook(path: Path, report: Report) -> None:
    """A workbook with only the results sheet, as _results_sheet lays it out, written by XlsxWriter."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    try:
        ws = wb.add_worksheet(RESULTS_SHEET)
        for col, width in enumerate(RESULTS_WIDTHS):
            ws.set_column(col, col, width)
        bold = wb.add_format({"bold": True})
        fills = {v: wb.add_format({"pattern": 1, "bg_color": "#" + c}) for v, c in FILL.items()}
        rs = report.ruleset
        ws.write_string(0, 0, f"Bộ tiêu chí: {rs.label} — {rs.title} (phiên bản {rs.version})")
        s = report.summary()
        ws.write_string(1, 0, f"Tổng: {s['nominees']} hồ sơ — Đạt: {s['pass']}, Không đạt: {s['fail']}, "
                              f"Cần xem xét: {s['review']}")
        ws.write_row(2, 0, RESULTS_HEADER, bold)
        write_string, write_number = ws.write_string, ws.write_number
        line = 3
        for values, verdict in _results_rows(report):
            for col, v in enumerate(values):
                if v is None or v == "":
                    if col == 6 and verdict is not None:
                        ws.write_blank(line, col, None, fills[verdict])
                    continue
                fmt = fills[verdict] if col == 6 and verdict is not None else None
                if isinstance(v, int):
                    write_number(line, col, v, fmt)
                else:
                    write_string(line, col, str(v), fmt)
            line += 1
    finally:
        wb.close()


def _results_sheet(wb: Any, report: Report) -> None:
    from openpyxl.styles import Font, PatternFill

    name = RESULTS_SHEET
    if name in wb.sheetnames:
        del wb[name]
    ws = wb.create_sheet(name)
    rs = report.ruleset
    ws.append([f"Bộ tiêu chí: {rs.label} — {rs.title} (phiên bản {rs.version})"])
    s = report.summary()
    ws.append([f"Tổng: {s['nominees']} hồ sơ — Đạt: {s['pass']}, Không đạt: {s['fail']}, Cần xem xét: {s['review']}"])
    ws.append(RESULTS_HEADER)
    for c in ws[3]:
        c.font = Font(bold=True)
    line = 3  # ws.max_row is O(rows) in openpyxl: count ourselves
    fills = {v: PatternFill("solid", fgColor=c) for v, c in FILL.items()}
    for values, verdict in _results_rows(report):
        ws.append(values)
        line += 1
        if verdict is not None:
            ws.cell(row=line, column=7).fill = fills[verdict]
    for col, width in zip("ABCDEFGHIJKLM", RESULTS_WIDTHS, strict=True):
        ws.column_dimensions[col].width = width


REPORTERS: dict[str, Callable[..., Any]] = {"table": report_table, "json": report_json, "xlsx": report_xlsx}

"""Reporters for `tdkt validate`: a Rich table (through tdkt.console), the contract's JSON, and an
annotated .xlsx copy (result columns, fills and comments, plus a "Kết quả thẩm định" sheet).

Reporters are chosen by name (``REPORTERS``); none of them changes the input files.

The .xlsx output has two shapes, both laid out to print (A4 landscape, one page wide, header rows
on every page, a title at the top and "Trang N/M" at the bottom of each page: ``print_setup``):

One workbook per input list (``--output DIR`` with several lists, each holding only its own nominees):

- **Annotated copy** (a .xlsx/.xlsm list of at most ``BIG_INPUT`` nominees): the list opened with
  openpyxl, two columns inserted right after the names (Kết quả thẩm định, filled with the verdict's
  colour; Lý do / căn cứ, every problem on its own line) — the list's merged titles and headers,
  formulas, drop-down lists and column widths move with their cells (``_insert_columns``) —, a
  comment on each cell a finding points at (at most ``MAX_COMMENTS``), the header and the columns up
  to the verdict frozen, and the "Kết quả thẩm định" sheet below.
- **Results only** (any other list, or more than ``BIG_INPUT`` nominees: loading a copy costs ~1 s per
  1000 rows): the "Kết quả thẩm định" sheet alone.

The "Kết quả thẩm định" sheet has **one row per nominee**, in list order (``NOMINEES_HEADER``): Dòng,
Họ tên / Tập thể, Kết luận (filled) beside the name, "Lý do / căn cứ" — every error and warning of the
nominee, one per line in the cell, in words: ``[lỗi] message — basis; ô K7`` (codes and criterion ids
are in the JSON) —, Đề nghị, Đơn vị, "Ghi chú" — the notes (info findings), same form —, Trang tính,
Tệp. Rows 1–2 name the legal regime and the totals, row 3 is the header (frozen, with a filter); the
list-level findings follow the nominees, with "(toàn danh sách)" as the name. Nothing is left out:
every nominee and every finding is there.

Results-only workbooks are written by ``_write_xlsx`` below, not by a library (see there why).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from tdkt import fastpaths, progress, vocab
from tdkt import output as output_policy
from tdkt.engine import NomineeResult, Report
from tdkt.errors import UsageError
from tdkt.findings import Finding, Severity, sort_findings
from tdkt.text import xml_text

VERDICT_VN = {k: vocab.cap(v) for k, v in vocab.VERDICT.items()}
SEVERITY_VN = vocab.SEVERITY
FILL = {"pass": "C6EFCE", "fail": "FFC7CE", "review": "FFEB9C"}
MAX_COMMENTS = 2000  # comments make openpyxl slow on very large lists; the results sheet has them all
BIG_INPUT = 20000  # above this many rows, write only the results sheet (loading the copy costs ~1 s per 1000 rows)


TOP_CODES = ("rules.uncertain-pending", "rules.council-reading")


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


def _shown(r: NomineeResult) -> bool:
    return any(f.severity != Severity.INFO for f in r.findings)


BIG_TABLE = 100  # above this many nominees the table shows the summary and the rows needing attention
TABLE_CAP = 100  # at most this many rows needing attention on screen (the rest: --all, xlsx, json)
LIST_CAP = 50  # list-level findings on screen


def report_table(report: Report, *, all_rows: bool = False, **_: Any) -> None:
    """The verdicts on screen. A big list (over BIG_TABLE nominees) shows its totals, the most
    frequent reasons and the first TABLE_CAP rows that are not "Đạt", unless ``all_rows``: a
    30,000-row list is read in the .xlsx or the JSON, which always hold every row."""
    from tdkt import console

    rs = report.ruleset
    overlays = "".join(f" và {o.title}" for o in rs.overlays)
    console.info(f"Bộ tiêu chí: {console.escape(rs.title)}{console.escape(overlays)} "
                 f"({console.escape(rs.chosen_by)}" + (f"; {console.escape(rs.hint)}" if rs.hint else "") + ")"
                 + (f"; đợt xét {report.session}" if report.session else ""))
    for f in report.findings:  # once, at the top: what of the pack is unsettled, and what the council settled
        if f.code in TOP_CODES:
            how = " Xem và xác định: tdkt rules settle" if f.code == "rules.uncertain-pending" else ""
            console.info(console.escape(f"  {f.message}{how}"))
    s = report.summary()
    total = f"Tổng: {s['nominees']} hồ sơ — Đạt: {s['pass']}, Không đạt: {s['fail']}, Cần xem xét: {s['review']}."
    big = len(report.nominees) > BIG_TABLE and not all_rows
    chosen = [r for r in report.nominees if r.verdict != "pass"] if big else report.nominees
    if big:
        console.info(total)
        _frequent_reasons(report, chosen)
    shown = chosen[:TABLE_CAP] if big else chosen
    rows = [
        [r.nominee.source.row, r.nominee.name, r.nominee.unit or "", r.award_name or "?", VERDICT_VN[r.verdict],
         "" if r.verdict == "pass" and not _shown(r) else headline(r)]
        for r in shown
    ]
    C = console.Col
    title = (f"Hồ sơ không đạt hoặc cần xem xét ({len(shown)} trong {len(chosen)})" if big else "Kết quả thẩm định")
    if rows:
        console.show(console.table(title, [
            C("Dòng", "short", right=True), C("Họ tên / Tập thể", "name", priority=3), C("Đơn vị", "name"),
            C("Đề nghị", "name"), C("Kết luận", "short", priority=3), C("Lý do chính", "note")], rows))
    if big:
        left = len(chosen) - len(shown)
        console.info((f"Còn {left} hồ sơ cần chú ý chưa in. " if left else "")
                     + f"Không in {s['pass']} hồ sơ đạt. Xem mọi hồ sơ: thêm --all; bản đầy đủ: --format xlsx hoặc json.")
    listed = [f for f in sort_findings(report.findings) if f.severity != Severity.INFO]
    for f in listed[:LIST_CAP]:
        line = f"- [{SEVERITY_VN[f.severity.value]}] {f.message}" + (f" [{f.basis}]" if f.basis else "")
        console.info(console.escape(line))
    if len(listed) > LIST_CAP:
        console.info(f"- … và {len(listed) - LIST_CAP} phát hiện khác của cả danh sách (xem --format xlsx hoặc json).")
    console.info(total)


def _frequent_reasons(report: Report, results: Sequence[NomineeResult], top: int = 8) -> None:
    """The reasons that stop most nominees, by criterion (its text), with how many each stops."""
    from collections import Counter

    from tdkt import console

    texts = {c.id: c.text for c in report.ruleset.criteria()}
    counts: Counter[str] = Counter()
    for r in results:
        seen = set()
        for f in r.findings:
            if f.severity == Severity.INFO:
                continue
            label = f"«{texts[f.rule]}»" if f.rule in texts else f.message
            if label not in seen:
                seen.add(label)
                counts[label] += 1
    if counts:
        console.show(console.table("Lý do thường gặp", [console.Col("Số hồ sơ", "short", right=True),
                                                         console.Col("Lý do", "text", priority=3)],
                                   [[n, label] for label, n in counts.most_common(top)]))


def report_json(report: Report, **_: Any) -> None:
    """The contract's JSON document on stdout (console.print_json)."""
    from tdkt import console

    console.print_json(report.to_dict())


def default_output(paths: Sequence[Path]) -> Path:
    stem = paths[0].stem if len(paths) == 1 else "danh-sach"
    return Path.cwd() / f"{stem}-tham-dinh.xlsx"


def copy_name(path: Path) -> str:
    """The annotated copy of a list: ``<name>-tham-dinh.xlsx``."""
    return f"{path.stem}-tham-dinh.xlsx"


def xlsx_targets(paths: Sequence[Path], output: Path | None) -> list[Path]:
    """Where each list's annotated copy goes: one list → ``output`` (default
    ``<name>-tham-dinh.xlsx`` in the current folder); several → ``<name>-tham-dinh.xlsx`` for each in
    the folder ``output`` (default the current folder). What may be written is the output policy's
    to say (:func:`tdkt.output.check`).

    Raises:
        UsageError: several lists and ``output`` names a .xlsx file.
    """
    if len(paths) <= 1:
        return [output or default_output(paths)]
    if output is not None and output.suffix.lower() in (".xlsx", ".xlsm") and not output.is_dir():
        raise UsageError(f"Có {len(paths)} danh sách: --output cần là thư mục (mỗi danh sách một bản sao có chú thích "
                         f"<tên tệp>-tham-dinh.xlsx), không phải tệp {output.name}.")
    base = output if output is not None else Path.cwd()
    return [base / copy_name(p) for p in paths]


def report_xlsx(report: Report, *, paths: Sequence[Path] = (), output: Path | None = None,
                big_input: int = BIG_INPUT, force: bool = False, cut: list[str] | None = None,
                **_: Any) -> list[Path]:
    """Write one .xlsx per list — the annotated copy of a .xlsx/.xlsm list of at most ``big_input``
    nominees, else its results workbook — and return their paths (see :func:`xlsx_targets`), under
    the output policy (:mod:`tdkt.output`: never an input, the register or the workspace's
    configuration; an existing file only with ``force``; the copies all or none). ``cut`` (when
    given) collects, in Vietnamese, each cell of a list longer than Excel holds that a copy cut."""
    from tdkt.validation import per_file

    if not paths:
        out = output or default_output(paths)
        return [output_policy.write_one(out, _content(report, None, big_input, cut), force=force)]
    targets = xlsx_targets(paths, output)
    parts = per_file(report, paths) if len(paths) > 1 else [(paths[0], report)]
    files = {target: _content(sub, path, big_input, cut) for (path, sub), target in zip(parts, targets, strict=True)}
    return output_policy.write(files, force=force, inputs=paths)


def _content(report: Report, source: Path | None, big_input: int, cut: list[str] | None = None) -> Callable[[Path], None]:
    """What writes one list's workbook at the path it is given: the annotated copy of ``source``
    when it can be, else the results."""
    big = len(report.nominees) > big_input
    paths = [source] if source is not None else []
    if source is None or source.suffix.lower() not in (".xlsx", ".xlsm") or big:
        sheet = _nominees_sheet(report, paths)
        return lambda tmp: _write_xlsx(tmp, [sheet])

    def annotated(tmp: Path) -> None:
        from openpyxl import load_workbook

        progress.stage(f"Mở bản sao {source.name}", None)
        wb = load_workbook(source)
        progress.stage("Ghi chú thích vào bản sao", None)
        _annotate(wb, report, source.name, cut)
        _results_sheet(wb, report, paths)
        progress.stage(f"Ghi bản sao có chú thích của {source.name}", None)
        wb.save(tmp)

    return annotated


def _text(cell: Any, value: str) -> Any:
    """Put ``value`` in an openpyxl cell as text: never a formula (openpyxl makes one of any string
    starting with "="), cut at Excel's CELL_MAX characters."""
    cell.value = value if len(value) <= CELL_MAX else _cut(value)
    cell.data_type = "s"
    return cell


def _annotate(wb: Any, report: Report, file_name: str, cut: list[str] | None = None) -> None:
    from copy import copy

    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import column_index_from_string, get_column_letter

    fills = {v: PatternFill("solid", fgColor=c) for v, c in FILL.items()}
    comments = 0
    by_sheet: dict[str, list[NomineeResult]] = {}
    for r in report.nominees:
        if r.nominee.source.file == file_name and r.nominee.source.sheet in wb.sheetnames:
            by_sheet.setdefault(r.nominee.source.sheet or "", []).append(r)
    for ws in wb.worksheets:
        # A cell longer than Excel holds cannot come from Excel; cut it, or Excel "repairs" the copy.
        for row in ws.iter_rows():
            for cell in row:
                if type(cell.value) is str and len(cell.value) > CELL_MAX:
                    if cut is not None:
                        size = f"{len(cell.value):,}".replace(",", ".")
                        cut.append(f"{file_name}, trang '{ws.title}', ô {cell.coordinate} ({size} ký tự)")
                    _text(cell, cell.value)
    for sheet_name, results in by_sheet.items():
        ws = wb[sheet_name]
        name_col = _name_column(results, ws.max_column)
        col = name_col + 1  # the verdict and its reasons go right after the name: read first, printed with it
        first_row = min(r.nominee.source.row or 1 for r in results)
        _insert_columns(ws, col, 2)
        head = _header_rows(ws, results, name_col, first_row)
        wrap = Alignment(vertical="top", wrap_text=True)
        if head is not None:
            top, bottom = head
            for c, text in ((col, "Kết quả thẩm định"), (col + 1, "Lý do / căn cứ")):
                cell = ws.cell(row=top, column=c, value=text)
                cell._style = copy(ws.cell(row=top, column=name_col)._style)
                cell.font = Font(bold=True)
                cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
                if bottom > top:
                    ws.merge_cells(start_row=top, start_column=c, end_row=bottom, end_column=c)
        for r in results:
            row = r.nominee.source.row
            if row is None:
                continue
            style = ws.cell(row=row, column=name_col)._style
            v = ws.cell(row=row, column=col, value=VERDICT_VN[r.verdict])
            v._style = copy(style)
            v.fill = fills[r.verdict]
            reason = _text(ws.cell(row=row, column=col + 1), reasons(r))
            reason._style = copy(style)
            reason.alignment = wrap
            for f in r.ordered():
                if f.severity == Severity.INFO or comments >= MAX_COMMENTS:
                    continue
                if f.cell and f.cell.column and f.cell.row and f.cell.sheet == sheet_name:
                    target = ws.cell(row=f.cell.row, column=_moved(column_index_from_string(f.cell.column), col, 2))
                    text = f"{f.message}\n{f.basis or ''}".strip()
                    text = text if not target.comment else target.comment.text + "\n" + text
                    target.comment = Comment(_cut(text), "tdkt")
                    target.fill = fills[r.verdict]
                    comments += 1
        ws.column_dimensions[get_column_letter(col)].width = 13
        ws.column_dimensions[get_column_letter(col + 1)].width = 45
        ws.freeze_panes = f"{get_column_letter(col + 1)}{first_row}"  # the rows above and the columns up to the verdict
        print_setup(ws, f"{head[0]}:{head[1]}" if head else None,
                    f"{RESULTS_SHEET} — {file_name} — {sheet_name}")


def reasons(r: NomineeResult) -> str:
    """Every problem of a nominee, one per line, with its basis (the annotated copy's reason cell)."""
    lines = [f.message + (f" [{f.basis}]" if f.basis else "") for f in r.ordered() if f.severity != Severity.INFO]
    return "\n".join(lines) if lines else "Đạt mọi tiêu chí đã kiểm."


def _name_column(results: Sequence[NomineeResult], default: int) -> int:
    """The column of the names (1-based) in the rows of ``results``; ``default`` when none says."""
    from openpyxl.utils import column_index_from_string

    for r in results:
        cell = r.nominee.cells.get("name")
        if cell is not None and cell.column:
            return int(column_index_from_string(cell.column))
    return default


def _header_rows(ws: Any, results: Sequence[NomineeResult], name_col: int, first_row: int) -> tuple[int, int] | None:
    """(first, last) row of the header of the names' column: the row holding the name column's header
    text, down to the end of that cell when it is merged over two header rows. None when not found."""
    from tdkt.text import fold

    header = next((c.header for r in results if (c := r.nominee.cells.get("name")) is not None and c.header), None)
    if not header:
        return None
    want = fold(header)
    for row in range(first_row - 1, 0, -1):
        value = ws.cell(row=row, column=name_col).value
        if isinstance(value, str) and fold(value) == want:
            for m in ws.merged_cells.ranges:
                if m.min_row == row and m.min_col <= name_col <= m.max_col:
                    return row, int(m.max_row)
            return row, row
    return None


def _moved(index: int, at: int, n: int) -> int:
    return index + n if index >= at else index


_REF = re.compile(r"(\$?)([A-Z]{1,3})(\$?)(\d+)|(\$?)([A-Z]{1,3}):(\$?)([A-Z]{1,3})")


def _shift_refs(text: str, at: int, n: int) -> str:
    """A1 references of ``text`` with their columns from ``at`` on moved ``n`` to the right."""
    from openpyxl.utils import column_index_from_string, get_column_letter

    def col(letters: str) -> str:
        return str(get_column_letter(_moved(column_index_from_string(letters), at, n)))

    def sub(m: re.Match[str]) -> str:
        if m[2]:
            return f"{m[1]}{col(m[2])}{m[3]}{m[4]}"
        return f"{m[5]}{col(m[6])}:{m[7]}{col(m[8])}"

    return _REF.sub(sub, text)


def _shift_formula(formula: str, at: int, n: int) -> str:
    """A formula with its references to this sheet's columns from ``at`` on moved ``n`` to the right."""
    from openpyxl.formula.tokenizer import Token, Tokenizer

    tok = Tokenizer(formula)
    out = ["="]
    for t in tok.items:
        if t.type == Token.OPERAND and t.subtype == Token.RANGE and "!" not in t.value:
            out.append(_shift_refs(t.value, at, n))
        else:
            out.append(t.value)
    return "".join(out)


def _insert_columns(ws: Any, at: int, n: int) -> None:
    """Insert ``n`` empty columns before column ``at`` of an openpyxl sheet, moving with the cells what
    openpyxl's insert_cols leaves behind: merged ranges (a title merged across them widens), column
    widths, formulas of the sheet, data validations, conditional formats, the filter, frozen panes and
    the print area. (openpyxl moves only the cells; a list's merged titles and headers and its
    drop-down lists would otherwise be broken in the copy.)"""
    from copy import copy

    from openpyxl.formatting.formatting import ConditionalFormattingList
    from openpyxl.utils import column_index_from_string, get_column_letter
    from openpyxl.worksheet.cell_range import CellRange, MultiCellRange

    merged = [CellRange(str(m)) for m in ws.merged_cells.ranges]
    for m in merged:
        ws.unmerge_cells(str(m))
    ws.insert_cols(at, n)
    for m in merged:
        lo, hi = m.min_col, m.max_col
        ws.merge_cells(start_row=m.min_row, end_row=m.max_row, start_column=_moved(lo, at, n),
                       end_column=hi + n if hi >= at else hi)
    dims = ws.column_dimensions
    moved = []
    for key in list(dims):
        d = dims[key]
        lo, hi = d.min or column_index_from_string(key), d.max or column_index_from_string(key)
        if hi >= at:
            del dims[key]
            moved.append((lo, hi, d))
    for lo, hi, d in moved:
        start = _moved(lo, at, n)
        new = copy(d)
        new.index, new.min, new.max = get_column_letter(start), start, hi + n
        dims[new.index] = new
    for row in ws.iter_rows():
        for cell in row:
            if cell.data_type == "f" and isinstance(cell.value, str):
                cell.value = _shift_formula(cell.value, at, n)
    for dv in ws.data_validations.dataValidation:
        dv.sqref = MultiCellRange(_shift_refs(str(dv.sqref), at, n))
    if ws.conditional_formatting:
        old, ws.conditional_formatting = ws.conditional_formatting, ConditionalFormattingList()
        for cf in old:
            for rule in cf.rules:
                ws.conditional_formatting.add(_shift_refs(str(cf.sqref), at, n), rule)
    if ws.auto_filter.ref:
        ws.auto_filter.ref = _shift_refs(ws.auto_filter.ref, at, n)
    if ws.print_area:
        ws.print_area = [_shift_refs(a.split("!")[-1], at, n) for a in ws.print_area.split(",")]


RESULTS_SHEET = "Kết quả thẩm định"


def _title_rows(report: Report) -> list[list[Any]]:
    """Rows 1–2 of a results sheet: the legal regime (by its name) and the totals."""
    rs = report.ruleset
    s = report.summary()
    overlays = "".join(f" và {o.title}" for o in rs.overlays)
    return [[f"Bộ tiêu chí: {rs.title}{overlays} (phiên bản {rs.version})"],
            [f"Tổng: {s['nominees']} hồ sơ — Đạt: {s['pass']}, Không đạt: {s['fail']}, Cần xem xét: {s['review']}"]]


# One row per nominee, the verdict beside the name (what the officer reads first, on the same printed
# page), then every problem in words, one per line of the cell; where the row came from at the end.
NOMINEES_HEADER = ["Dòng", "Họ tên / Tập thể", "Kết luận", "Lý do / căn cứ", "Đề nghị", "Đơn vị", "Ghi chú",
                   "Trang tính", "Tệp"]
NOMINEES_WIDTHS = (6, 26, 12, 70, 24, 24, 36, 12, 16)
VERDICT_COL, REASON_COL, NOTE_COL = 2, 3, 6


def _finding_line(f: Finding, file: str | None, sheet: str | None, row: int | None) -> str:
    """``[lỗi] message — basis; ô K7``: one finding on one line of a cell, in words (its code and
    criterion id are in the JSON). The place is the cell in the nominee's own row (nothing when it is
    the whole row), or the full reference when it is elsewhere."""
    c = f.cell
    extra = [f.basis] if f.basis else []
    if c is not None:
        if c.file != file or c.sheet != sheet or (c.row is not None and c.row != row):
            extra.append(str(c))
        elif c.column:
            extra.append(f"ô {c.column}{c.row or ''}")
    head = f"[{SEVERITY_VN[f.severity]}] {f.message}"
    return f"{head} — {'; '.join(extra)}" if extra else head


def _nominee_rows(report: Report) -> Iterator[tuple[list[Any], str | None]]:
    """One row per nominee (verdict, errors and warnings, notes), then one per list-level finding."""
    error, info = Severity.ERROR, Severity.INFO
    for r in report.nominees:
        n = r.nominee
        src = n.source
        file, sheet, row = src.file, src.sheet, src.row
        errors: list[str] = []
        warnings: list[str] = []
        notes: list[str] = []
        for f in r.findings:  # in r.ordered()'s order: errors, warnings, notes, each as found
            sev = f.severity
            (errors if sev == error else notes if sev == info else warnings).append(
                _finding_line(f, file, sheet, row))
        verdict = r.verdict
        yield [row, n.name, VERDICT_VN[verdict], "\n".join(errors + warnings), r.award_name, n.unit,
               "\n".join(notes), sheet, file], verdict
    for f in sort_findings(report.findings):
        line = _finding_line(f, None, None, None)
        yield [None, "(toàn danh sách)", "", line if f.severity != info else "", "", "",
               line if f.severity == info else "", "", f.cell.file if f.cell else ""], None


def _nominees_sheet(report: Report, paths: Sequence[Path] = ()) -> _Sheet:
    """The results sheet: one row per nominee (see the module docstring), laid out to print."""
    return _Sheet(RESULTS_SHEET, NOMINEES_WIDTHS, [*_title_rows(report), NOMINEES_HEADER], _nominee_rows(report),
                  verdict_col=VERDICT_COL, wrap_cols=(1, REASON_COL, 4, 5, NOTE_COL),
                  count=len(report.nominees) + len(report.findings), print_title=_print_title(paths))


def _print_title(paths: Sequence[Path]) -> str:
    names = ", ".join(p.name for p in paths[:3]) + (" …" if len(paths) > 3 else "")
    return f"{RESULTS_SHEET} — {names}" if names else RESULTS_SHEET


# --- results-only workbooks ----------------------------------------------------------------------
# Kept by measurement (issue 20, 20,000 nominees, both in the same process, best of 3): this writer
# 1.5 s, XlsxWriter (_write_xlsx_plain, the plain path CI compares it with, cell for cell) 8.8 s.
# The SpreadsheetML is written here rather than with XlsxWriter: the sheets are plain (strings,
# integers, a bold header, three fills, wrapped text), and XlsxWriter's generic per-cell path (a cell
# record per value, then XML writer calls per cell) costs ~5 µs a cell — 3.7 s (shared strings) to
# 5.3 s (constant_memory) for 100,000 rows of 8 cells, where joining the rows' XML as text and
# deflating it in a second thread takes ~1.5 s. openpyxl is slower still. Every string is an inline
# string: text stays text (never a formula, number or link, whatever the list says — XlsxWriter needs
# its strings_to_* options off for that). The package is the minimum that Excel, LibreOffice,
# openpyxl and calamine open: content types, relationships, workbook, styles and the sheets.


@dataclass
class _Sheet:
    """A sheet for _write_xlsx. ``head`` rows are written as they are (the last one bold: the header,
    frozen and filtered); each data row, no wider than the header, comes with the verdict that fills
    its ``verdict_col`` cell (None: no fill)."""

    name: str
    widths: Sequence[float]
    head: list[list[Any]]
    rows: Iterable[tuple[list[Any], str | None]]
    verdict_col: int | None = None
    wrap_cols: tuple[int, ...] = ()
    count: int | None = None  # how many rows, when known (for the progress display)
    print_title: str | None = None  # the title printed at the top of each page (None: the sheet's name)


_NS = ('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT_SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_STYLE_BOLD, _STYLE_WRAP = 1, 2
_STYLE_FILL = {"pass": 3, "fail": 4, "review": 5}  # cellXfs below, in FILL's order
_STYLES = (
    _XML + f'<styleSheet {_NS}>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="5"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
    + "".join(f'<fill><patternFill patternType="solid"><fgColor rgb="FF{FILL[v]}"/><bgColor indexed="64"/>'
              '</patternFill></fill>' for v in _STYLE_FILL) +
    '</fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">'
    '<alignment vertical="top" wrapText="1"/></xf>'
    + "".join(f'<xf numFmtId="0" fontId="0" fillId="{i}" borderId="0" xfId="0" applyFill="1"/>'
              for i in range(2, 5)) +
    '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    '</styleSheet>'
)
ZIP_LEVEL = 1  # deflate: level 6 makes a 100,000-nominee file 6.0 MB instead of 8.9 MB for ~0.4 s more CPU
EXCEL_ROWS = 1_048_576  # rows of a sheet
CELL_MAX = output_policy.CELL_MAX  # Excel's limit on the characters of a cell; longer text is cut with "…"
# Characters XML 1.0 cannot carry, and "_" before "xHHHH_" (which Excel would read as an escape):
# both are written as Excel's _xHHHH_ escape. Searched in whole chunks: the markup has neither.
_XML_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")


_CONTROL_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])


def _col_letters(n: int) -> list[str]:
    from tdkt.findings import column_letter

    return [column_letter(i) for i in range(n)]


def _absolute(ref: str) -> str:
    """A1:I9 → $A$1:$I$9."""
    return ":".join(re.sub(r"([A-Z]+)(\d+)", r"$\1$\2", part) for part in ref.split(":"))


def _quoted(sheet: str) -> str:
    """A sheet name as a formula names it: 'Kết quả thẩm định' (an apostrophe doubled)."""
    return "'" + sheet.replace("'", "''") + "'"


def _esc(text: str) -> str:
    """Text for an XML attribute value or element (the rows escape their cells inline, the same way)."""
    return xml_text(text, quote=True)


def _row_xml(line: int, letters: list[str], values: Sequence[Any], styles: Sequence[str]) -> str:
    """``<row>`` of one sheet line; ``styles`` holds each column's ``s`` attribute (or ""). Empty
    values (None, "") write no cell; an int is a number, anything else text (a float would need
    care with nan/inf, and no row has one). One expression: this runs for every cell of the sheet, so
    ``tdkt.text.xml_text`` is written out inline (its three replaces, without the call)."""
    return f'<row r="{line}">' + "".join([
        f'<c r="{letters[col]}{line}"{styles[col]}><v>{v}</v></c>' if type(v) is int else
        f'<c r="{letters[col]}{line}"{styles[col]} t="inlineStr"><is><t xml:space="preserve">'
        f'{(v if type(v) is str and len(v) <= CELL_MAX else _cut(v)).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")}'
        f'</t></is></c>'
        for col, v in enumerate(values) if v is not None and v != ""]) + "</row>"


def _cut(v: Any) -> str:
    """The text of a value that is not a short str: at most CELL_MAX characters."""
    return output_policy.cell_text(str(v))


def _write_sheet(write: Callable[[bytes], Any], sheet: _Sheet, index: int) -> str:
    """Pass the sheet's XML to ``write`` in chunks of a few thousand rows; return its filter range."""

    def emit(part: str) -> None:
        data = part.encode("utf-8", "replace")  # a lone surrogate becomes "?"
        # Byte searches in C are ~10× faster than the regular expression over the whole chunk.
        if (len(data.translate(None, _CONTROL_BYTES)) != len(data) or b"_x" in data
                or b"\xef\xbf\xbe" in data or b"\xef\xbf\xbf" in data) and _XML_UNSAFE.search(part):
            data = _XML_UNSAFE.sub(lambda m: f"_x{ord(m.group()):04X}_", part).encode("utf-8", "replace")
        write(data)

    ncols = max(len(sheet.widths), *(len(h) for h in sheet.head))
    letters = _col_letters(ncols)
    header = len(sheet.head)
    cols = "".join(f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>' for i, w in enumerate(sheet.widths, 1))
    emit(_XML + f'<worksheet {_NS}><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
         '<sheetViews><sheetView workbookViewId="0"'
         + (' tabSelected="1"' if index == 0 else "")
         + f'><pane ySplit="{header}" topLeftCell="A{header + 1}" activePane="bottomLeft" state="frozen"/>'
         f'<selection pane="bottomLeft"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>'
         f'<cols>{cols}</cols><sheetData>')
    plain = [""] * ncols
    bold = [f' s="{_STYLE_BOLD}"'] * ncols
    emit("".join(_row_xml(line, letters, values, bold if line == header else plain)
                 for line, values in enumerate(sheet.head, 1)))
    base = [f' s="{_STYLE_WRAP}"' if i in sheet.wrap_cols else "" for i in range(ncols)]
    by_verdict: dict[str | None, list[str]] = {None: base}
    for name, style in _STYLE_FILL.items():
        by_verdict[name] = list(base)
        if sheet.verdict_col is not None:
            by_verdict[name][sheet.verdict_col] = f' s="{style}"'
    chunk: list[str] = []
    line = header
    bar = progress.stage(f"Ghi trang tính '{sheet.name}'", sheet.count)
    for values, verdict in sheet.rows:
        line += 1
        if line > EXCEL_ROWS:
            raise UsageError(f"Trang tính '{sheet.name}' cần hơn {EXCEL_ROWS} dòng, quá giới hạn của Excel; "
                             "dùng --format json.")
        chunk.append(_row_xml(line, letters, values, by_verdict[verdict]))
        if len(chunk) == 2000:
            emit("".join(chunk))
            chunk = []
            bar.update(line - header)
    emit("".join(chunk))
    ref = f"A{header}:{letters[-1]}{max(line, header)}"
    title = _esc(_header_text(sheet.print_title or sheet.name))
    emit(f'</sheetData><autoFilter ref="{ref}"/>'  # then the print setup, as print_setup() makes it
         '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>'
         '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
         f'<headerFooter><oddHeader>&amp;C&amp;11{title}</oddHeader>'
         '<oddFooter>&amp;CTrang &amp;P/&amp;N</oddFooter></headerFooter></worksheet>')
    return ref


def _write_xlsx(path: Path, sheets: list[_Sheet]) -> None:
    """Write ``sheets`` as an .xlsx package (see the comment above _Sheet); under ``TDKT_PLAIN=1``
    with XlsxWriter (:func:`_write_xlsx_plain`), the plain path this one is compared with."""
    if fastpaths.PLAIN:
        _write_xlsx_plain(path, sheets)
        return
    import zipfile
    from concurrent.futures import Future, ThreadPoolExecutor

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=ZIP_LEVEL) as z:
        refs = []
        for i, sheet in enumerate(sheets):
            # Deflate, CRC and file writes release the GIL: one chunk is compressed in a thread while
            # the next is built (at most one waits, so memory stays at two chunks).
            with z.open(f"xl/worksheets/sheet{i + 1}.xml", "w") as fh, ThreadPoolExecutor(1) as pool:
                pending: list[Future[int]] = []

                def write(data: bytes, fh: IO[bytes] = fh, pool: ThreadPoolExecutor = pool,
                          pending: list[Future[int]] = pending) -> None:
                    if pending:
                        pending.pop().result()
                    pending.append(pool.submit(fh.write, data))

                refs.append(_write_sheet(write, sheet, i))
                if pending:
                    pending.pop().result()
        n = len(sheets)
        z.writestr("[Content_Types].xml", _XML + (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/styles.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{_CT_SHEET}"/>'
                      for i in range(1, n + 1)) + "</Types>"))
        z.writestr("_rels/.rels", _XML + (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'))
        z.writestr("xl/_rels/workbook.xml.rels", _XML + (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                      for i in range(1, n + 1))
            + f'<Relationship Id="rId{n + 1}" Type="{_REL}/styles" Target="styles.xml"/></Relationships>'))
        names = "".join(f'<sheet name="{_esc(s.name)}" sheetId="{i}" r:id="rId{i}"/>'
                        for i, s in enumerate(sheets, 1))
        filters = "".join(f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'
                          f'{_esc(_quoted(s.name))}!{_absolute(ref)}</definedName>'
                          f'<definedName name="_xlnm.Print_Titles" localSheetId="{i}">'
                          f'{_esc(_quoted(s.name))}!$1:${len(s.head)}</definedName>'
                          for i, (s, ref) in enumerate(zip(sheets, refs, strict=True)))
        z.writestr("xl/workbook.xml", _XML + (
            f'<workbook {_NS}><bookViews><workbookView activeTab="0"/></bookViews><sheets>{names}</sheets>'
            f'<definedNames>{filters}</definedNames></workbook>'))
        z.writestr("xl/styles.xml", _STYLES)


def _write_xlsx_plain(path: Path, sheets: list[_Sheet]) -> None:
    """``sheets`` written with XlsxWriter (``constant_memory``; text stays text: no formula, number or
    link is made of a string): the same cells, widths, bold header, frozen panes, filters and fills."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_formulas": False,
                                         "strings_to_numbers": False, "strings_to_urls": False})
    try:
        bold = wb.add_format({"bold": True})
        wrap = wb.add_format({"text_wrap": True, "valign": "top"})
        fills = {v: wb.add_format({"bg_color": f"#{FILL[v]}", "pattern": 1}) for v in _STYLE_FILL}
        for sheet in sheets:
            ws = wb.add_worksheet(sheet.name)
            for col, width in enumerate(sheet.widths):
                ws.set_column(col, col, width, wrap if col in sheet.wrap_cols else None)
            header = len(sheet.head)
            ws.freeze_panes(header, 0)
            ncols = max(len(sheet.widths), *(len(h) for h in sheet.head))
            line = 0
            for line, values in enumerate(sheet.head):
                _plain_row(ws, line, values, [bold if line == header - 1 else None] * len(values))
            line = header - 1
            for values, verdict in sheet.rows:
                line += 1
                if line >= EXCEL_ROWS:
                    raise UsageError(f"Trang tính '{sheet.name}' cần hơn {EXCEL_ROWS} dòng, quá giới hạn của Excel; "
                                     "dùng --format json.")
                styles: list[Any] = [wrap if c in sheet.wrap_cols else None for c in range(len(values))]
                if verdict is not None and sheet.verdict_col is not None:
                    styles[sheet.verdict_col] = fills[verdict]
                _plain_row(ws, line, values, styles)
            ws.autofilter(header - 1, 0, max(line, header - 1), ncols - 1)
            # the print setup of _write_sheet: A4 landscape, one page wide, header rows and title on each page
            ws.set_paper(9)
            ws.set_landscape()
            ws.fit_to_pages(1, 0)
            ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
            ws.repeat_rows(0, header - 1)
            ws.set_header("&C&11" + _header_text(sheet.print_title or sheet.name), {"margin": 0.3})
            ws.set_footer("&CTrang &P/&N", {"margin": 0.3})
    finally:
        wb.close()


def _plain_row(ws: Any, line: int, values: Sequence[Any], styles: Sequence[Any]) -> None:
    for col, v in enumerate(values):
        if v is None or v == "":
            continue
        if type(v) is int:
            ws.write_number(line, col, v, styles[col])
        else:
            ws.write_string(line, col, v if type(v) is str and len(v) <= CELL_MAX else _cut(v), styles[col])


def _results_sheet(wb: Any, report: Report, paths: Sequence[Path]) -> None:
    """The results sheet of the annotated copy: the same rows, styles and print setup as _write_xlsx's."""
    from openpyxl.styles import Alignment, Font, PatternFill

    sheet = _nominees_sheet(report, paths)
    name = sheet.name
    if name in wb.sheetnames:
        del wb[name]
    ws = wb.create_sheet(name)
    fills = {v: PatternFill("solid", fgColor=c) for v, c in FILL.items()}
    wrap = Alignment(vertical="top", wrap_text=True)
    head = len(sheet.head)
    # line counted here: ws.max_row is O(rows) in openpyxl
    for line, (values, verdict) in enumerate(itertools.chain(((v, None) for v in sheet.head), sheet.rows), 1):
        ws.append(values)
        for col, value in enumerate(values, 1):
            if type(value) is str and value:  # every value from a list is text, never a formula
                _text(ws.cell(row=line, column=col), value)
            if line > head and col - 1 in sheet.wrap_cols:
                ws.cell(row=line, column=col).alignment = wrap
        if verdict is not None and sheet.verdict_col is not None:
            ws.cell(row=line, column=sheet.verdict_col + 1).fill = fills[verdict]
    for c in ws[head]:
        c.font = Font(bold=True)
    for letter, width in zip(_col_letters(len(sheet.widths)), sheet.widths, strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = f"A{head + 1}"
    ws.auto_filter.ref = f"A{head}:{_col_letters(len(sheet.widths))[-1]}{ws.max_row}"
    print_setup(ws, f"1:{head}", sheet.print_title or name)


def print_setup(ws: Any, title_rows: str | None, title: str) -> None:
    """A4 landscape, one page wide (as many pages down as needed), the header rows on every page, the
    title at the top of each page and "Trang N/M" at the bottom (openpyxl worksheet)."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    if title_rows:
        ws.print_title_rows = title_rows
    ws.oddHeader.center.text = _header_text(title)
    ws.oddHeader.center.size = 11
    ws.oddFooter.center.text = "Trang &P/&N"


def _header_text(title: str) -> str:
    """A page header's text: "&" is a code there, so a literal one is doubled; at most 250 characters."""
    return title.replace("&", "&&")[:250]


REPORTERS: dict[str, Callable[..., Any]] = {"table": report_table, "json": report_json, "xlsx": report_xlsx}

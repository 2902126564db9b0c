"""Nomination lists → Nominee records: sheet roles, the list's award and year, row by row mapping.

The hot path (one iteration per row of a 100,000-row list) uses plain loops over prepared column
handlers (:mod:`tdkt.ingest.fields`) and builds the frozen records without validating them
(:mod:`tdkt.ingest.assemble`): every value has already been checked by :mod:`tdkt.ingest.values`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import compress, count, repeat
from operator import is_not, itemgetter
from pathlib import Path
from typing import Any

from tdkt import messages, progress
from tdkt.errors import InputError
from tdkt.findings import CellRef, Finding, Severity, column_letter, sort_findings
from tdkt.ingest.assemble import _nominee
from tdkt.ingest.fields import (
    HANDLERS,
    Handler,
    _Ctx,
    _Facts,
    _ref,
    check_recruited,
    handler_for,
    stated_by,
    unclear,
)
from tdkt.ingest.headers import (
    Column,
    _is_numbering,
    achievement_year,
    find_header,
    load_column_map,
    match_label,
)
from tdkt.ingest.layout import (
    _SECTION_STT,
    _SECTION_TEXT,
    _header_probe,
    _kind_in,
    _role_by_name,
    award_in_text,
    clean,
    footer_kind,
    lookup_table,
    year_in_text,
)
from tdkt.ingest.names import starts_with_family_name
from tdkt.ingest.records import encode, record, view
from tdkt.ingest.sources import NOT_COMPUTED, ZERO_WIDTH, RawSheet, read_sheets
from tdkt.ingest.values import percent_one
from tdkt.models import Nominee
from tdkt.util import no_gc

__all__ = [
    "HANDLERS",
    "ColumnReport",
    "IngestResult",
    "SheetReport",
    "award_in_text",
    "read_nominations",
    "record",
    "year_in_text",
]

W, INFO = Severity.WARNING, Severity.INFO
for _code, _sev, _tpl, _desc in [
    ("ingest.legacy-text", INFO, "Văn bản mã {encoding} đã được chuyển sang Unicode: '{original}' → '{text}'.",
     "Ô được gõ bằng phông chữ cũ (TCVN3/.VnTime hoặc VNI); kiểm tra lại cách đọc."),
    ("ingest.bad-date", W, "Không hiểu ngày '{value}' ({header}).", "Ngày phải là ô ngày của Excel hoặc dạng dd/mm/yyyy."),
    ("ingest.future-date", W, "Ngày {value} ({header}) ở tương lai.", "Một ngày sinh/tuyển dụng/quyết định không thể ở tương lai."),
    ("ingest.suspicious-birth", W, "Năm sinh {year} không hợp lý.", "Người được đề nghị phải ở độ tuổi lao động; kiểm tra lỗi gõ."),
    ("ingest.partial-date", INFO, "Chỉ có năm {year} ({header}), không có ngày cụ thể.", "Các tiêu chí tính theo tháng sẽ không tính được chính xác."),
    ("ingest.bad-number", W, "Không hiểu số '{value}' ({header}).", "Cột này phải là một số."),
    ("ingest.implausible-date", W, "Ngày {value} ({header}) không thể đúng: {why}.",
     "Ngày tuyển dụng trước tuổi lao động hoặc xa hơn mọi thời gian công tác là lỗi gõ hoặc ô ở nhầm cột; "
     "tiêu chí thời gian công tác không được tính là đạt trên ô này."),
    ("ingest.future-year", W, "Năm {year} ở tương lai (nay là năm {this_year}): '{text}'.",
     "Một kỷ luật, một lần khen thưởng trước hay một sáng kiến không thể ghi năm chưa tới: lỗi gõ (2042 thay vì "
     "2024?); tiêu chí đọc ô này không được tính là đạt."),
    ("ingest.before-birth", W, "Năm {year} trước năm sinh {born}: '{text}'.",
     "Một lần khen thưởng trước không thể trước năm sinh của người được đề nghị: lỗi gõ năm sinh hoặc năm khen; "
     "tiêu chí về khen thưởng trước không được tính là đạt trên ô này."),
    ("ingest.ambiguous-percent", W, "Ô ghi 1 ({header}): có thể là 1 % hoặc ô phần trăm 100 %; các ô khác của cột "
     "không cho biết, nên chưa dùng.",
     "Excel lưu ô định dạng phần trăm 100 % là số 1. Ghi rõ \"100%\" hoặc \"1%\"; khi bằng phiếu, quyền ưu tiên "
     "tập thể có tỷ lệ nữ cao (tdkt tally) sẽ được nêu là thiếu dữ liệu."),
    ("ingest.implausible-number", W, "Số '{value}' ({header}) không thể đúng: phải từ 0 đến {most}.",
     "Số âm hoặc lớn hơn mọi giá trị cột có thể có là lỗi gõ hoặc ô ở nhầm cột; không tiêu chí nào được tính là đạt trên ô này."),
    ("ingest.unknown-rating", W, "Không hiểu xếp loại '{value}' ({header}); cần HTXSNV, HTTNV, HTNV hoặc KHTNV.",
     "Xếp loại mức độ hoàn thành nhiệm vụ dùng cho các tiêu chí nhiều năm."),
    ("ingest.unknown-title", W, "Không nhận ra danh hiệu '{value}' ({header}).", "Danh hiệu các năm dùng để tính số năm liên tục."),
    ("ingest.unknown-award", W, "Không nhận ra danh hiệu/hình thức khen thưởng '{value}'.",
     "Thêm bí danh vào danh mục (tdkt/rules/awards.yaml hoặc lớp quy chế của Hội đồng) nếu cần."),
    ("ingest.unknown-code", W, "Mã '{value}' ({header}) không có trong trang danh mục của tệp.", "Mã phải tra được trong danh mục kèm theo mẫu."),
    ("ingest.bad-value", W, "Không hiểu giá trị '{value}' ({header}).", "Giá trị không thuộc danh sách được chấp nhận của cột."),
    ("ingest.bad-gender", W, "Không hiểu giới tính '{value}'; cần Nam hoặc Nữ.", "Giới tính dùng cho quy tắc ưu tiên nữ khi bằng phiếu."),
    ("ingest.salutation-not-gender", INFO, "'{value}' là cấp bậc/chức danh, không cho biết giới tính.",
     "Cột Tên gọi (Ông/Bà) chỉ suy ra giới tính khi ghi Ông hoặc Bà."),
    ("ingest.bad-cccd", W, "Số CCCD '{value}' không đủ 12 chữ số.", "Số CCCD dùng để đối chiếu sổ theo dõi khen thưởng."),
    ("ingest.missing-name", W, "Dòng có dữ liệu nhưng không có họ tên/tên tập thể; không đọc là một người được đề nghị.",
     "Mỗi dòng của danh sách phải có tên."),
    ("ingest.error-value", W, "Ô chứa lỗi công thức '{value}' ({header}); coi như trống.", "Công thức không được tính lại; giá trị lỗi được bỏ qua."),
    ("ingest.no-award", W, "Không xác định được danh hiệu/hình thức đề nghị (không có cột, tiêu đề hay tên trang tính nêu tên).",
     "Dùng --award để chỉ rõ khi danh sách không ghi."),
    ("ingest.rating-without-year", W, "Xếp loại '{value}' không biết của năm nào (danh sách không ghi năm).", "Dùng --year để chỉ rõ năm xét."),
    ("ingest.footer", INFO, "Dòng '{text}' là phần cuối danh sách; dừng đọc từ đây.", "Dòng tổng cộng, người lập biểu, chữ ký không phải người được đề nghị."),
    ("ingest.section", INFO, "Dòng mục '{text}'.", "Dòng tiêu đề mục (I. CÁ NHÂN, II. TẬP THỂ…) đặt loại đối tượng cho các dòng sau."),
    ("ingest.unmapped-column", INFO, "Cột '{header}' không khớp trường nào; bỏ qua (khai báo trong [legal.columns] hoặc --columns nếu cần).",
     "Cột không thuộc từ vựng docs/columns.md."),
    ("ingest.two-awards", W, "Ô '{value}' ({header}) đánh dấu thêm một danh hiệu/hình thức cho người đã có đề nghị khác; không dùng.",
     "Mỗi dòng chỉ đề nghị một danh hiệu/hình thức; tách thành hai dòng nếu đề nghị cả hai."),
    ("ingest.year-mismatch", W, "Danh sách ghi năm thành tích {list_year} ('{text}'), khác năm của đợt xét {year}; dùng năm {year}.",
     "Năm của đợt xét (--year hoặc đợt trong không gian làm việc) được dùng trước năm ghi trong danh sách."),
    ("ingest.invisible", INFO, "Đã bỏ ký tự vô hình ({chars}) khỏi ô: '{text}'.",
     "Ký tự không nhìn thấy (khoảng trắng độ rộng 0…) làm tên đọc khác đi và không khớp khi tra sổ; tdkt bỏ khi đọc."),
    ("ingest.name-parts", INFO, "Ô họ tên có thêm '{extra}': họ tên đọc là '{name}'{position}.",
     "Họ tên dán từ Word: dòng chức vụ dưới họ tên và danh xưng (Đ/c, Ông, Bà) không thuộc họ tên in trên quyết định."),
    ("ingest.merged-down", INFO, "'{value}' ({header}) gộp ô dọc qua dòng {first}–{last}: được dùng cho từng dòng.",
     "Một giá trị gộp ô qua nhiều người (xếp loại, ghi chú, danh hiệu…) là của mọi người trong vùng gộp."),
    ("ingest.not-computed", W, "Ô có công thức '{formula}' ({header}) nhưng giá trị chưa được tính (tệp chưa từng mở và "
     "lưu bằng Excel); không dùng ô này.", "Excel tính công thức khi mở tệp; tệp do phần mềm ghi ra có thể chưa có giá "
     "trị. Mở tệp bằng Excel, lưu lại rồi gửi lại."),
    ("ingest.continuation", W, "Dòng {row} không có STT, ngay dưới {name} (dòng {first}): đọc là phần tiếp của người đó.",
     "Một người viết trên hai dòng (bảng chuyển từ PDF/Word, ô gộp): dòng sau không có STT và không có họ tên mới; "
     "các ô của nó (chức vụ, sáng kiến, kỷ luật…) là của người ở dòng trên."),
    ("ingest.repeated-header", INFO, "Dòng {row} lặp lại tiêu đề cột (hoặc dòng đánh số cột) của danh sách; bỏ qua.",
     "Danh sách dán lại từ bản in có tiêu đề cột ở đầu mỗi trang; dòng đó không phải người được đề nghị."),
    ("ingest.duplicate-column", W, "Cột '{header}' trùng trường '{field}' với cột {other}; chỉ dùng cột {other}.", "Hai cột cùng nghĩa."),
]:  # fmt: skip
    messages.register(_code, _sev, _tpl, _desc)

# Fields that several columns may state together: every such column is read (its facts add up); a
# second column for any other field is named in a finding (ingest.duplicate-column) and not read.
REPEATABLE = frozenset({"discipline", "discipline_period", "note", "achievement", "initiative", "research", "prior_award",
                        "special", "history", "award_mark", "address", "sector"})
_PER_YEAR = ("rating.", "title.", "title_decision.", "discipline.")

_ERRORS = frozenset({"#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!",
                     NOT_COMPUTED})


@dataclass(frozen=True)
class ColumnReport:
    letter: str
    header: str
    field: str | None
    how: str


@dataclass(frozen=True)
class ColumnCells:
    """What became of the non-empty cells of one column in the rows read as nominees (issue 13,
    invariant 1): ``filled`` cells, of which ``unclear`` were not understood; ``why`` says why a column's
    cells are not used at all (no field, or a second column for a field that takes one); ``sample`` is
    the first value as written."""

    letter: str
    header: str
    filled: int
    unclear: int
    sample: str
    why: str | None
    first: int | None = None  # the first and last rows with a value (a range to name)
    last: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"column": self.letter, "header": self.header, "filled": self.filled, "unclear": self.unclear,
                "sample": self.sample, "not_used": self.why, "first_row": self.first, "last_row": self.last}


@dataclass
class SheetReport:
    """How one sheet was understood (the per-sheet part of ``tdkt ingest``)."""

    file: str
    name: str
    role: str  # list | lookup | empty | other
    hidden: bool = False
    header_rows: list[int] = field(default_factory=list)
    columns: list[ColumnReport] = field(default_factory=list)
    title: str | None = None
    award: str | None = None
    year: int | None = None
    nominees: list[Nominee] = field(default_factory=list)
    cells: list[ColumnCells] | None = None  # read_nominations(cells=True): every column's cells accounted for
    stopped_at: int | None = None  # the 0-based row of the footer that ended the table (another may follow)

    def to_dict(self, as_record: Callable[[Nominee], Any] = record) -> dict[str, Any]:
        """The sheet in the JSON document; ``as_record`` makes each nominee's record (a dict, or the
        Record Struct that :meth:`IngestResult.to_json` encodes)."""
        out: dict[str, Any] = {
            "file": self.file,
            "sheet": self.name,
            "role": self.role,
            "hidden": self.hidden,
            "header_rows": self.header_rows,
            "title": self.title,
            "award": self.award,
            "year": self.year,
            "columns": [
                {"column": c.letter, "header": c.header, "field": c.field, "how": c.how} for c in self.columns
            ],
            "records": [as_record(n) for n in self.nominees],
        }
        if self.cells is not None:
            out["cells"] = [c.to_dict() for c in self.cells]
        return out


@dataclass
class IngestResult:
    nominees: list[Nominee]
    findings: list[Finding]
    sheets: list[SheetReport]

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of ``tdkt ingest --format json`` (schema_version 1)."""
        with no_gc():  # a dict per record and per nested value: see no_gc
            return self._document(record)

    def to_json(self) -> bytes:
        """The same document as the indented JSON that ``tdkt ingest --format json`` prints: each
        record encoded from its Record Struct, with no dict built for it (the command's fast path; under
        ``TDKT_PLAIN=1`` the command prints :meth:`to_dict` instead, and the suite compares the two)."""
        with no_gc():
            return encode(self._document(view))

    def _document(self, as_record: Callable[[Nominee], Any]) -> dict[str, Any]:
        files: dict[str, list[dict[str, Any]]] = {}
        for sheet in self.sheets:
            files.setdefault(sheet.file, []).append(sheet.to_dict(as_record))
        return {
            "schema_version": 1,
            "files": [{"file": name, "sheets": sheets} for name, sheets in files.items()],
            "findings": [f.to_dict() for f in sort_findings(self.findings)],
        }



def _read_sheet(
    file: str,
    sheet: RawSheet,
    lookup: Mapping[str, str],
    colmap: Mapping[str, str] | None,
    award: str | None,
    year: int | None,
    extra: Mapping[str, str] | None,
    findings: list[Finding],
    cells: bool = False,
    start: int = 0,
    parent_year: int | None = None,
) -> SheetReport:
    """Read the list of a sheet; ``start`` > 0: the table that begins below another one's footer (its own
    header row), which keeps the first table's year when it names none (``parent_year``)."""
    report = SheetReport(file=file, name=sheet.name, role="other", hidden=sheet.hidden)
    rows = sheet.rows
    header = find_header(_header_probe(rows[start:start + 45] if start else rows, 45), colmap,
                         lambda t: award_in_text(t, extra))
    if header is None:
        return report
    if start:
        header = replace(header, rows=tuple(r + start for r in header.rows), data_start=header.data_start + start)
    report.role = "list"
    report.header_rows = list(header.rows)
    report.title = header.title or None
    report.columns = [ColumnReport(c.letter, c.header, c.field, c.how) for c in header.columns]
    sheet_award = award_in_text(header.title, extra) or award_in_text(sheet.name, extra) or award
    list_year, _window = achievement_year(header.title)
    if list_year is None:
        list_year = achievement_year(sheet.name)[0] or parent_year
    sheet_year = year or list_year
    if year is not None and list_year is not None and list_year != year:
        findings.append(messages.make(
            "ingest.year-mismatch", cell=CellRef(file=file, sheet=sheet.name, row=None, column=None, header=None),
            list_year=list_year, year=year, text=clean(header.title)[:80],
        ))  # fmt: skip
    report.award, report.year = sheet_award, sheet_year
    name_col = header.by_field.get("name")
    name_kind = _kind_in(name_col.header) if name_col and "/" not in name_col.header else None
    sheet_kind = _kind_in(header.title) or _kind_in(sheet.name) or name_kind
    plan: list[tuple[int, Column, Handler]] = []
    seen: dict[str, Column] = {}
    unused: dict[int, str] = {}  # column index → why its cells are not read
    top_ref = header.rows[0]
    for col in header.columns:
        ref = CellRef(
            file=file, sheet=sheet.name, row=top_ref, column=col.letter, header=col.header
        )
        if col.field is None:
            if col.header.strip():
                findings.append(messages.make("ingest.unmapped-column", cell=ref, header=col.header))
            unused[col.index] = "tiêu đề không khớp trường nào của từ vựng cột"
            continue
        if col.field in seen and col.field not in REPEATABLE and not col.field.startswith(_PER_YEAR):
            findings.append(messages.make(
                "ingest.duplicate-column", cell=ref, header=col.header, field=col.field, other=seen[col.field].letter,
            ))  # fmt: skip
            unused[col.index] = f"trùng trường với cột {seen[col.field].letter}, chỉ đọc cột {seen[col.field].letter}"
            continue
        seen[col.field] = col
        plan.append((col.index, col, handler_for(col.field)))
    # Read the label before the code so that a label column wins over its VLOOKUP code column.
    plan.sort(key=lambda p: (p[1].field or "").endswith("_code"))
    if name_col is None:
        return report
    name_idx = name_col.index
    stt_idx = header.by_field["stt"].index if "stt" in header.by_field else None
    quiet = {c.index for c in header.columns if c.field in ("stt",) or (c.field or "").endswith("_code")}
    today = dt.date.today()
    current_kind = sheet_kind
    current_award = sheet_award
    ctx = _Ctx(file, sheet.name, 0, extra, lookup, findings, sheet_year, today,  # one per sheet; row moves
               stated_by(col.field for _j, col, _h in plan if col.field))
    for j, col, _h in plan:  # what a bare 1 means in a share column: its other numbers tell (values.percent_one)
        if col.field == "women_percent":
            numbers = [v for r in rows[header.data_start:] if j < len(r) and isinstance(v := r[j], int | float)]
            if (one := percent_one(numbers)) is not None:
                ctx.percent_one[j] = one
    legacy, bullets, invisible = sheet.legacy, sheet.bullets, sheet.invisible
    said_rows = {i for i, _ in legacy} | {i for i, _ in invisible}
    down = _merged_down(sheet, header.data_start, {name_idx, stt_idx}, header.columns, file, findings)
    no_errors = _ERRORS.isdisjoint  # most rows hold no cached formula error: one C-level test per row
    # The header's own texts in the name column: a row that says them again is the header repeated on a
    # printed page (ingest.repeated-header), as is a row numbering the columns again.
    header_rows = [rows[r - 1] for r in header.rows if r - 1 < len(rows)]
    header_names = {v for h in header_rows if name_idx < len(h) and isinstance(v := h[name_idx], str)}
    awards = tuple(c.index for c in header.columns if c.field in ("award", "award_code", "title_code", "award_mark"))
    name_span = {r0: min(r1, len(rows) - 1) for (r0, c0, r1, c1) in sheet.merged
                 if c0 <= name_idx <= c1 and r1 > r0 >= header.data_start}
    bar = progress.stage(f"Đọc dòng ({sheet.name})", len(rows) - header.data_start)
    consumed = -1  # the last continuation row read with the nominee above it
    for i in range(header.data_start, len(rows)):
        if not i & 511:
            bar.update(i - header.data_start)
        row = rows[i]
        if not row or i <= consumed:
            continue
        plain = no_errors(row)
        if plain:
            present = [j for j, v in enumerate(row) if v is not None]
        else:
            present = [
                j for j, v in enumerate(row) if v is not None and not (isinstance(v, str) and v in _ERRORS)
            ]
        if not present:
            continue
        width = len(row)
        name_value = row[name_idx] if name_idx < width else None
        if (name_value in header_names and _repeats(row, header_rows)) or (
            isinstance(name_value, (int, str)) and str(name_value)[:1] in _NUMBER_START and _is_numbering(row)
        ):
            findings.append(messages.make(
                "ingest.repeated-header", cell=CellRef(file=file, sheet=sheet.name, row=i + 1, column=None, header=None),
                row=i + 1,
            ))  # fmt: skip
            continue
        if (type(name_value) is str and name_value[:2] in _HEADER_START
                and name_value.lower().startswith(_NAME_LABELS) and match_label(name_value, colmap) == "name"):
            report.stopped_at = i - 1  # another table's header ("Tên tập thể" under a list of people): read on
            break  # with its own columns (read_nominations)
        first_text = None
        for j in present:
            if isinstance(row[j], str):
                first_text = row[j]
                break
        stt_value = row[stt_idx] if stt_idx is not None and stt_idx < width else None
        kind = footer_kind(str(first_text)) if first_text is not None and (
            name_value is None or name_value == first_text) else ""
        numbered = isinstance(stt_value, (int, float)) or (isinstance(stt_value, str) and stt_value.strip().isdigit())
        if kind and not numbered:  # a numbered row is a nominee, whatever its name
            findings.append(messages.make(
                "ingest.footer", cell=CellRef(file=file, sheet=sheet.name, row=i + 1, column=None, header=None),
                text=clean(str(first_text))[:60],
            ))  # fmt: skip
            if kind == "subtotal":
                continue  # a subtotal between groups: the next group follows
            report.stopped_at = i
            break
        if len(present) <= 2:  # a section row has one text besides the STT
            # Sections are told by their numbering ("1. Trường …"): the cells as written, before their
            # bullets and numbers were removed (see RawSheet.bullets).
            said = [bullets.get((i, j), v) for j, v in enumerate(row)] if bullets else row
            stt_said = said[stt_idx] if stt_idx is not None and stt_idx < width else None
            content = [j for j in present if j != stt_idx] or (
                present if len(present) == 1 and isinstance(stt_said, str) and _SECTION_TEXT.match(clean(stt_said))
                else []
            )
            if content == [stt_idx] and isinstance(stt_value, str):  # "I. ĐỀ NGHỊ …" written in the STT column
                stt_value = stt_said = None
            if len(content) == 1 and isinstance(said[content[0]], str):
                text = clean(str(said[content[0]]))
                roman = stt_said is None or (
                    isinstance(stt_said, str) and _SECTION_STT.match(stt_said.strip())
                )
                if roman and (text.isupper() or _SECTION_TEXT.match(text) or _kind_in(text)):
                    current_kind = _kind_in(text) or current_kind
                    current_award = award_in_text(text, extra) or current_award
                    findings.append(messages.make(
                        "ingest.section", cell=CellRef(file=file, sheet=sheet.name, row=i + 1,
                                                                       column=column_letter(content[0]), header=None),
                        text=text[:60],
                    ))  # fmt: skip
                    continue
        if (name_idx not in present or name_idx in quiet) and all(j in quiet for j in present):
            continue  # formula-only or pre-numbered empty rows are not nominees
        ctx.row = i + 1
        if name_value is None or (isinstance(name_value, str) and not name_value.strip()):
            findings.append(messages.make(
                "ingest.missing-name",
                cell=CellRef(file=file, sheet=sheet.name, row=i + 1, column=name_col.letter, header=name_col.header),
            ))  # fmt: skip
            continue
        fill = down.get(i) if down else None
        if fill:  # values merged down from a row above (see _merged_down)
            row = list(row)
            for j, v in fill:
                if j < width and row[j] is None:
                    row[j] = v
            plain = no_errors(row)
        joined = -1
        if name_span and (last := name_span.get(i)) is not None:  # the name merged over rows i … last: one person
            row, joined = _joined(rows, i, row, last, stt_idx), last
        elif numbered and stt_idx is not None and i + 1 < len(rows) and rows[i + 1] and (
            stt_idx >= len(rows[i + 1]) or rows[i + 1][stt_idx] is None
        ):
            at = _Layout(stt_idx, name_idx, awards, bullets)
            if _continues(rows, i + 1, at):
                row, joined = _with_continuation(rows, i, row, at, header_names)
        if joined > i:
            consumed = joined
            for k in range(i + 1, consumed + 1):
                findings.append(messages.make(
                    "ingest.continuation", cell=CellRef(file=file, sheet=sheet.name, row=k + 1, column=None, header=None),
                    row=k + 1, first=i + 1, name=_short(clean(str(name_value)), 40),
                ))  # fmt: skip
            plain = no_errors(row)
        facts = _Facts()
        if ctx.unclear:
            ctx.unclear.clear()
        if said_rows and i in said_rows:  # cells tidied or converted when read (tdkt.ingest.sources): say so
            _say_read(i, row, plan, invisible, legacy, ctx, findings)
        for j, col, handle in plan:
            if j >= width:
                continue
            v = row[j]
            if v is None:
                continue
            if not plain and isinstance(v, str) and v in _ERRORS:
                if j not in quiet:
                    findings.append(
                        messages.make("ingest.not-computed", cell=_ref(ctx, col), header=col.header,
                                      formula=_short(sheet.formulas.get((i, j), ""), 60))
                        if v == NOT_COMPUTED else
                        messages.make("ingest.error-value", cell=_ref(ctx, col), value=v, header=col.header)
                    )
                    unclear(ctx, col, sheet.formulas.get((i, j), v) if v == NOT_COMPUTED else v)
                continue
            handle(v, col, facts, ctx)
        if "name" not in facts.data:
            continue
        if "recruited_on" in facts.data:
            check_recruited(facts, ctx)
        nominee = _nominee(facts, ctx, current_award, current_kind)
        if nominee.award is None:
            findings.append(messages.make("ingest.no-award", cell=nominee.source))
        report.nominees.append(nominee)
    if cells:
        report.cells = _account(rows, header.columns, report.nominees, unused)
    return report


_NUMBER_START = frozenset("(0123456789")
# How a name column's header begins ("Họ và tên", "Tên tập thể", "Tác giả"): only such a name cell is looked up.
_HEADER_START = frozenset(f(w) for w in ("họ", "ho", "tê", "te", "tá", "ta") for f in (str.capitalize, str.upper, str.lower))
_NAME_LABELS = ("họ và tên", "họ tên", "họ, tên", "tên ", "tác giả", "ho va ten", "ho ten", "ten ")  # how a column-numbering cell ("(2)", 2) begins
_PAGE = re.compile(r"^(trang|page|tờ)\s*\d+(\s*/\s*\d+)?$|^-\s*\d+\s*-$", re.IGNORECASE)  # "Trang 2/3", "- 2 -"


@dataclass(frozen=True)
class _Layout:
    """What tells a row that continues the person above it (see :func:`_continues`)."""

    stt: int
    name: int
    awards: tuple[int, ...]  # the columns that propose an award: a row with one is a nominee of its own
    said: Mapping[tuple[int, int], str]  # cells as written before their numbering was removed (RawSheet.bullets)


def _repeats(row: Sequence[Any], header_rows: Sequence[Sequence[Any]]) -> bool:
    """Whether a row says again what one of the header's rows says, cell for cell (a printed page's header);
    a row with the header's name label over other columns is another table's header."""
    return any(all(j < len(h) and h[j] == v for j, v in enumerate(row) if v is not None) for h in header_rows)


def _continues(rows: Sequence[Sequence[Any]], k: int, at: _Layout) -> bool:
    """Whether row ``k`` is the rest of the numbered nominee above it: no STT, no award of its own, and no
    new name — its name cell is empty or holds what is no person's name (a position: "Chuyên viên …") —
    and it is no footer, total, section or page-number row. A list converted from PDF or Word, or a
    person merged over two rows, reads so."""
    row = rows[k]
    if not row or (at.stt < len(row) and row[at.stt] is not None):
        return False
    texts = [v for v in row if v is not None]
    if not texts or any(j < len(row) and row[j] is not None for j in at.awards):
        return False
    name = row[at.name] if at.name < len(row) else None
    if name is not None and (not isinstance(name, str) or starts_with_family_name(name)):
        return False
    first = next((j for j, v in enumerate(row) if isinstance(v, str)), None)
    if first is not None and footer_kind(row[first]):
        return False
    if len(texts) == 1 and first is not None:  # one text alone: a section ("1. Trường …"), a page number?
        text = clean(at.said.get((k, first), row[first]))
        if text.isupper() or _SECTION_TEXT.match(text) or _kind_in(text) or _PAGE.match(text):
            return False
    return True


def _with_continuation(rows: Sequence[Sequence[Any]], i: int, row: Sequence[Any], at: _Layout,
                       header_names: set[str]) -> tuple[list[Any], int]:
    """Row ``i`` with the continuation rows below it joined in, each cell's text on a new line (as the one
    cell it was); and the index of the last row joined."""
    k = i + 1
    while k < len(rows) and _continues(rows, k, at) and not any(v in header_names for v in rows[k] if isinstance(v, str)):
        k += 1
    return _joined(rows, i, row, k - 1, at.stt), k - 1


def _joined(rows: Sequence[Sequence[Any]], i: int, row: Sequence[Any], last: int, stt_idx: int | None) -> list[Any]:
    """Row ``i`` with rows ``i + 1`` … ``last`` joined in, each cell's text on a new line."""
    out = list(row)
    for more in rows[i + 1:last + 1]:
        if len(more) > len(out):
            out += [None] * (len(more) - len(out))
        for j, v in enumerate(more):
            if v is None or j == stt_idx:
                continue
            out[j] = v if out[j] is None else f"{out[j]}\n{v}"
    return out


def _account(rows: Sequence[Sequence[Any]], columns: Sequence[Column], nominees: Sequence[Nominee],
             unused: Mapping[int, str]) -> list[ColumnCells]:
    """Every column's non-empty cells in the nominees' rows: how many, how many not understood, and why a
    column is not read (only for ``tdkt ingest``'s report). Each column is counted at C speed: picked out
    of the rows by ``itemgetter`` when every row reaches the last column (readers give empty cells as
    None, and calamine's rows are as wide as the sheet), else from the rows transposed once."""
    from collections import Counter
    from itertools import zip_longest

    unclear = Counter(u.cell.column or "" for n in nominees for u in n.unclear)
    where = [(n.source.row or 0) for n in nominees]
    data = [rows[r - 1] for r in where if 0 < r <= len(rows)]
    width = max((c.index for c in columns), default=-1) + 1
    if min(map(len, data), default=0) >= width:
        def column(j: int) -> Sequence[Any]:
            return tuple(map(itemgetter(j), data))
    else:
        by_column = list(zip_longest(*data)) if data else []

        def column(j: int) -> Sequence[Any]:
            return by_column[j] if j < len(by_column) else ()
    out = []
    for col in columns:
        j = col.index
        cells = column(j)
        filled = len(cells) - cells.count(None)
        if not filled and j not in unused:
            continue
        sample, first, last = "", None, None
        if filled:
            k = _first_filled(cells)
            sample, first = clean(str(cells[k]))[:40], where[k]
            last = where[len(cells) - 1 - _first_filled(reversed(cells))]
        out.append(ColumnCells(col.letter, col.header, filled, unclear.get(col.letter, 0), sample, unused.get(j),
                               first, last))
    return out


def _first_filled(cells: Iterable[Any]) -> int:
    """The index of the first value that is not None (one exists): found by C iterators, not a Python
    loop, since a sparse column ("Kỷ luật" on a few rows of 100,000) is mostly None."""
    return next(compress(count(), map(is_not, cells, repeat(None))))


def _say_read(
    i: int,
    row: list[Any],
    plan: list[tuple[int, Column, Handler]],
    invisible: Mapping[tuple[int, int], str],
    legacy: Mapping[tuple[int, int], tuple[str, str]],
    ctx: _Ctx,
    findings: list[Finding],
) -> None:
    """The findings for the cells of row ``i`` that a column reads and that the reader changed: zero-width
    characters removed (ingest.invisible), legacy text converted (ingest.legacy-text)."""
    for j, col, _ in plan:
        v = row[j] if j < len(row) else None
        if v is None:
            continue
        if (i, j) in invisible:
            chars = ", ".join(sorted({f"U+{ord(c):04X}" for c in invisible[(i, j)] if c in ZERO_WIDTH}))
            findings.append(messages.make("ingest.invisible", cell=_ref(ctx, col), text=clean(str(v)), chars=chars))
        if (i, j) in legacy:
            original, encoding = legacy[(i, j)]
            findings.append(messages.make(
                "ingest.legacy-text", cell=_ref(ctx, col), encoding=encoding.upper(),
                original=clean(original), text=clean(str(v)),
            ))  # fmt: skip


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _merged_down(
    sheet: RawSheet,
    data_start: int,
    skip: set[int | None],
    columns: Sequence[Column],
    file: str,
    findings: list[Finding],
) -> dict[int, list[tuple[int, Any]]]:
    """Row index → (column index, value) of the values merged down onto that row from a data row above:
    a value merged over several people belongs to each of them. Merges that start in the header, and
    the name and STT columns (a person written over several rows is one person), are left alone; each
    merge used is named in an ``ingest.merged-down`` finding."""
    down: dict[int, list[tuple[int, Any]]] = {}
    rows = sheet.rows
    headers = {c.index: c.header for c in columns}
    for r0, c0, r1, _ in sheet.merged:
        if r1 <= r0 or r0 < data_start or r0 >= len(rows) or c0 in skip:
            continue
        value = rows[r0][c0] if c0 < len(rows[r0]) else None
        if value is None:
            continue
        last = min(r1, len(rows) - 1)
        for r in range(r0 + 1, last + 1):
            down.setdefault(r, []).append((c0, value))
        findings.append(messages.make(
            "ingest.merged-down",
            cell=CellRef(file=file, sheet=sheet.name, row=r0 + 1, column=column_letter(c0), header=headers.get(c0)),
            first=r0 + 1, last=r1 + 1, value=_short(clean(str(value))), header=headers.get(c0) or column_letter(c0),
        ))  # fmt: skip
    return down


def read_nominations(
    paths: Sequence[Path],
    *,
    columns: Mapping[str, str] | None = None,
    award: str | None = None,
    year: int | None = None,
    extra_awards: Mapping[str, str] | None = None,
    cells: bool = False,
) -> IngestResult:
    """Read nomination lists (and decision/register lists) and say how each sheet was understood.

    Args:
        paths: workbooks or CSV files; every list sheet of each is read.
        columns: header text → canonical field, for headers the vocabulary does not know
            (``tdkt.toml`` [legal.columns] or ``--columns FILE``).
        award: the award id to use when a list names none (no column, title or sheet name).
        year: the achievement year when the list does not say.
        extra_awards: folded aliases of council-overlay titles → their ids.
        cells: account for every column's cells in each sheet's report (``tdkt ingest``; a second pass).

    Returns:
        The nominees in file/sheet/row order, the ingest findings, and a report per sheet.

    Raises:
        InputError: a file cannot be read, or none of its sheets has a recognisable header.
    """
    colmap = load_column_map(columns, "ánh xạ cột") if columns else None
    findings: list[Finding] = []
    sheets: list[SheetReport] = []
    nominees: list[Nominee] = []
    for path in paths:
        progress.stage(f"Mở tệp {path.name}", None)
        raw = read_sheets(path)
        lookups = [s for s in raw if _role_by_name(s) == "lookup"]
        lookup = lookup_table(lookups)
        file_sheets: list[SheetReport] = []
        for sheet in raw:
            role = _role_by_name(sheet)
            if role is not None:
                file_sheets.append(
                    SheetReport(file=path.name, name=sheet.name, role=role, hidden=sheet.hidden)
                )
                continue
            with no_gc():
                report = _read_sheet(path.name, sheet, lookup, colmap, award, year, extra_awards, findings, cells)
                file_sheets.append(report)
                while report.role == "list" and report.stopped_at is not None:
                    # A second table below the first one's footer, with its own header ("II. TẬP THỂ" …)?
                    said: list[Finding] = []
                    more = _read_sheet(path.name, sheet, lookup, colmap, award, year, extra_awards, said, cells,
                                       start=report.stopped_at + 1, parent_year=report.year)
                    if more.role != "list" or not more.nominees:
                        break
                    findings.extend(said)
                    file_sheets.append(more)
                    report = more
        if not any(s.role == "list" for s in file_sheets):
            seen = ", ".join(f"'{s.name}'" for s in file_sheets)
            raise InputError(
                f"Không tìm thấy dòng tiêu đề của danh sách trong tệp {path.name} (đã xem các trang tính {seen}): "
                "cần một dòng có cột 'Họ và tên' hoặc 'Tên tập thể'. Khai báo cột trong [legal.columns] hoặc --columns nếu tiêu đề khác.",
                code="input.no-header",
            )
        sheets.extend(file_sheets)
        for s in file_sheets:
            nominees.extend(s.nominees)
    return IngestResult(nominees=nominees, findings=findings, sheets=sheets)

"""Nomination lists → Nominee records: sheet roles, the list's award and year, row by row mapping.

The hot path (one iteration per row of a 100,000-row list) uses plain loops over prepared column
handlers and builds the frozen pydantic models with ``model_construct``: every value has already
been checked by :mod:`tdkt.ingest.values`, so per-row validation would only cost time.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, cast

from pydantic import BaseModel

from tdkt import awards, messages
from tdkt.errors import InputError
from tdkt.findings import CellRef, Finding, Severity, column_letter, sort_findings, trusted, trusted_cell
from tdkt.ingest import legacy, values
from tdkt.ingest.headers import Column, find_header, load_column_map
from tdkt.ingest.sources import CellValue, RawSheet, read_sheets
from tdkt.models import (
    CellMap,
    CollectiveFacts,
    Discipline,
    Initiative,
    Kind,
    Level,
    Nominee,
    PriorAward,
    YearRecord,
)
from tdkt.text import clean as _clean_uncached
from tdkt.text import fold as _fold_text
from tdkt.text import title_words
from tdkt.util import no_gc

clean = lru_cache(maxsize=65536)(_clean_uncached)  # units, positions and awards repeat down a list
fold = values.fold  # cached

W, INFO = Severity.WARNING, Severity.INFO
for _code, _sev, _tpl, _desc in [
    ("ingest.legacy-text", INFO, "Văn bản mã {encoding} đã được chuyển sang Unicode: '{original}' → '{text}'.",
     "Ô được gõ bằng phông chữ cũ (TCVN3/.VnTime hoặc VNI); kiểm tra lại cách đọc."),
    ("ingest.bad-date", W, "Không hiểu ngày '{value}' ({header}).", "Ngày phải là ô ngày của Excel hoặc dạng dd/mm/yyyy."),
    ("ingest.future-date", W, "Ngày {value} ({header}) ở tương lai.", "Một ngày sinh/tuyển dụng/quyết định không thể ở tương lai."),
    ("ingest.suspicious-birth", W, "Năm sinh {year} không hợp lý.", "Người được đề nghị phải ở độ tuổi lao động; kiểm tra lỗi gõ."),
    ("ingest.partial-date", INFO, "Chỉ có năm {year} ({header}), không có ngày cụ thể.", "Các tiêu chí tính theo tháng sẽ không tính được chính xác."),
    ("ingest.bad-number", W, "Không hiểu số '{value}' ({header}).", "Cột này phải là một số."),
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
    ("ingest.duplicate-column", W, "Cột '{header}' trùng trường '{field}' với cột {other}; chỉ dùng cột {other}.", "Hai cột cùng nghĩa."),
]:  # fmt: skip
    messages.register(_code, _sev, _tpl, _desc)

_LOOKUP_NAMES = re.compile(r"^(danh ?muc|dm|htkt|pldt|lvhd|phan loai kt|du lieu nguon|tham so|ma)\b")
_GUIDE_NAMES = re.compile(r"^(huong dan|hd|vi du|mau vi du|readme|ghi chu)\b")
_FOOTER = re.compile(
    r"^(tong cong|tong so|cong|nguoi lap( bieu)?|lap bieu|thu truong|giam doc|chu tich|xac nhan|ky ten|tm |kt |"
    r"nguoi duyet|ke toan|(.{0,40} )?ngay \S* thang \S* nam)\b"
)
_SECTION_STT = re.compile(r"^([IVX]+|[A-Z]|[a-z])[.)]?$")
_SECTION_TEXT = re.compile(r"^([IVX]+|[A-Z]|\d+)[.)/]\s|^(khoi|cum|nhom|don vi|phan)\b")
_ERRORS = frozenset({"#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"})
_DECISION_NO = re.compile(r"(?:s[oố]\s*:?\s*)?(\d+[^\s,;]*/[^\s,;]*[A-Za-zĐđ][^\s,;]*)")
_DATE_IN_TEXT = re.compile(r"(\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4})")
_SPLIT = re.compile(r"[;\n]+")


@dataclass(frozen=True)
class ColumnReport:
    letter: str
    header: str
    field: str | None
    how: str


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

    def to_dict(self) -> dict[str, Any]:
        return {
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
            "records": [record(n) for n in self.nominees],
        }


@dataclass
class IngestResult:
    nominees: list[Nominee]
    findings: list[Finding]
    sheets: list[SheetReport]

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of ``tdkt ingest --format json`` (schema_version 1)."""
        files: dict[str, list[dict[str, Any]]] = {}
        with no_gc():  # a dict per record and per nested value: see no_gc
            for sheet in self.sheets:
                files.setdefault(sheet.file, []).append(sheet.to_dict())
        return {
            "schema_version": 1,
            "files": [{"file": name, "sheets": sheets} for name, sheets in files.items()],
            "findings": [f.to_dict() for f in sort_findings(self.findings)],
        }


def record(n: Nominee) -> dict[str, Any]:
    """A nominee as a JSON record: ``row`` plus every field that has a value.

    Records of equal nested values (YearRecord, Initiative…) share one dict: treat them as read-only.
    """
    out: dict[str, Any] = {"row": n.source.row, "id": n.id}
    try:
        for key, value in n.__dict__.items():
            if value is None or key in _RECORD_EXCLUDE:
                continue
            t = type(value)
            if t is str or t is int or t is bool:
                out[key] = value
            elif t is tuple:
                if value:
                    out[key] = _tuple_json(value)
            elif t is dt.date:
                out[key] = value.isoformat()
            else:
                converted = _json_value(value)
                if converted != [] and converted != {}:
                    out[key] = converted
    except _Unplain:  # a value the hand-written walk does not know: let pydantic say how it looks
        data = n.model_dump(mode="json", exclude=set(_RECORD_EXCLUDE))
        out = {"row": n.source.row, "id": n.id}
        for key, value in data.items():
            if value is not None and value != [] and value != {}:
                out[key] = value
    return out


_TUPLES: dict[int, tuple[tuple[Any, ...], list[Any]]] = {}


def _tuple_json(value: tuple[Any, ...]) -> list[Any]:
    """A tuple field as JSON. Rows of a list share their history and initiative tuples (see
    :func:`_history_of`), so the conversion is memoised by identity; the memo holds the tuple, so its
    id cannot be reused while the entry lives."""
    hit = _TUPLES.get(id(value))
    if hit is not None and hit[0] is value:
        return hit[1]
    out = [_json_value(x) for x in value]
    if len(_TUPLES) >= 1 << 16:
        _TUPLES.clear()
    _TUPLES[id(value)] = (value, out)
    return out


_RECORD_EXCLUDE = frozenset({"id", "source", "cells"})


class _Unplain(Exception):
    """A value outside the plain types :func:`_json_value` converts exactly as pydantic does."""


def _json_fields(model: BaseModel, exclude: frozenset[str] = frozenset()) -> dict[str, Any]:
    """``model.model_dump(mode="json", exclude=exclude)`` for models of plain values, ~5× faster.

    Field order is the model's; dates become ISO text, tuples lists, nested models dicts. Anything
    else (datetimes, enums, non-finite floats, str subclasses, a missing field) raises _Unplain.
    """
    values = model.__dict__
    cls = type(model)
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(cls.model_fields)
    try:
        return {name: _json_value(values[name]) for name in names if name not in exclude}
    except KeyError as exc:
        raise _Unplain from exc


_FIELD_NAMES: dict[type[BaseModel], tuple[str, ...]] = {}


def _json_value(v: Any) -> Any:
    t = type(v)
    if v is None or t is str or t is int or t is bool:
        return v
    if t is tuple or t is list:
        return [_json_value(x) for x in v]
    if t is dt.date:
        return v.isoformat()
    if t is float:
        if math.isfinite(v):
            return v
        raise _Unplain
    if isinstance(v, BaseModel) and not v.__pydantic_extra__:
        return _json_fields(v)
    raise _Unplain


# --- awards and years named in text ---------------------------------------------------------


@cache
def _alias_list(extra_key: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    index: dict[str, str] = {}
    for award in awards.catalogue().values():
        for alias in (award.name, *award.aliases):
            key = fold(alias)
            if key:
                index.setdefault(key, award.id)
    for key, award_id in extra_key:
        index[key] = award_id
    return sorted(index.items(), key=lambda kv: -len(kv[0]))


def award_in_text(text: str, extra: Mapping[str, str] | None = None) -> str | None:
    """The one award a title or sheet name names ("… TẶNG DANH HIỆU CHIẾN SĨ THI ĐUA CẤP THÀNH PHỐ …").

    Longest aliases win and consume their words; None when no award or several different ones.
    """
    folded = f" {fold(text)} "
    if folded.strip() == "":
        return None
    found: set[str] = set()
    for alias, award_id in _alias_list(tuple(sorted((extra or {}).items()))):
        needle = f" {alias} "
        if needle in folded:
            found.add(award_id)
            folded = folded.replace(needle, " | ")
    return found.pop() if len(found) == 1 else None


def year_in_text(text: str) -> int | None:
    m = re.search(
        r"\bnam (?:hoc )?(\d{4})(?: (\d{4}))?", fold(text)
    )  # fold turned "2021-2022" into "2021 2022"
    if m:
        return int(m[2] or m[1])
    years = values.years_in(text)
    return years[-1] if len(set(years)) == 1 else None


@lru_cache(maxsize=65536)
def _resolve_cached(text: str, extra: tuple[tuple[str, str], ...]) -> str | None:
    return awards.resolve(text, dict(extra) if extra else None) or award_in_text(text, dict(extra))


def resolve_award(text: str, extra: Mapping[str, str] | None) -> str | None:
    """The award id a cell names (exact alias first, then an alias inside the text); cached per text."""
    return _resolve_cached(text, tuple(sorted(extra.items())) if extra else ())


# --- vendor lookup sheets ---------------------------------------------------------------------


def _is_code(v: CellValue) -> bool:
    if isinstance(v, int) and not isinstance(v, bool):
        return v >= 10
    return isinstance(v, str) and bool(re.fullmatch(r"\d{2,}|[A-Z][A-Z0-9_]{2,}", v.strip()))


def _is_label(v: CellValue) -> bool:
    return isinstance(v, str) and len(v.strip()) >= 2 and not _is_code(v) and any(c.isalpha() for c in v)


def lookup_table(sheets: Sequence[RawSheet]) -> dict[str, str]:
    """code → label from a workbook's lookup sheets (tables side by side, code before or after label)."""
    table: dict[str, str] = {}
    for sheet in sheets:
        for row in sheet.rows:
            for a, b in itertools.pairwise(row):
                if _is_code(a) and _is_label(b):
                    table.setdefault(str(a).strip(), clean(str(b)))
                elif _is_label(a) and _is_code(b):
                    table.setdefault(str(b).strip(), clean(str(a)))
    return table


# --- the row builder --------------------------------------------------------------------------


@dataclass
class _Ctx:
    file: str
    sheet: str
    row: int
    extra: Mapping[str, str] | None
    lookup: Mapping[str, str]
    findings: list[Finding]
    year: int | None
    today: dt.date


class _Facts:
    """What one row says, field by field, before it becomes a Nominee."""

    __slots__ = ("cells", "data", "disciplines", "history", "initiatives", "prior", "specials", "titles")

    def __init__(self) -> None:
        self.data: dict[str, Any] = {}
        self.cells: dict[str, Column] = {}  # field → its column; CellRefs are made on access (CellMap)
        self.history: dict[int, str] = {}  # year → rating
        self.titles: dict[int, tuple[str, ...]] = {}
        self.prior: dict[str, Any] = {}
        self.initiatives: dict[str, Any] = {}
        self.disciplines: dict[str, Any] = {}
        self.specials: list[str] = []


Handler = Callable[[CellValue, Column, _Facts, _Ctx], None]


build = trusted  # values below are already checked by tdkt.ingest.values


def _ref(ctx: _Ctx, col: Column) -> CellRef:
    return trusted_cell(ctx.file, ctx.sheet, ctx.row, col.letter, col.header)


def _report(ctx: _Ctx, code: str, col: Column, **params: Any) -> None:
    ctx.findings.append(messages.make(code, cell=_ref(ctx, col), **params))


_MISS: Any = object()
_TEXT_MEMO: dict[str, str | None] = {}  # raw text that is not legacy-encoded → its clean form (or None)


def _text(value: CellValue, col: Column, ctx: _Ctx) -> str | None:
    if isinstance(value, str):
        hit = _TEXT_MEMO.get(value, _MISS)
        if hit is not _MISS:
            return cast("str | None", hit)
        converted, encoding = legacy.convert(value)
        if not encoding:
            if len(_TEXT_MEMO) >= 1 << 18:
                _TEXT_MEMO.clear()
            out = _TEXT_MEMO[value] = clean(value) or None
            return out
        _report(
            ctx,
            "ingest.legacy-text",
            col,
            encoding=encoding.upper(),
            original=clean(value),
            text=clean(converted),
        )
        return clean(converted) or None
    return values.to_text(value)


def _plain(target: str) -> Handler:
    def handle(value: CellValue, col: Column, facts: _Facts, ctx: _Ctx) -> None:
        text = _text(value, col, ctx)
        if text is not None:
            facts.data[target] = text
            facts.cells[target] = col

    return handle


def _name(value: CellValue, col: Column, facts: _Facts, ctx: _Ctx) -> None:
    text = _text(value, col, ctx)
    if text:
        facts.data["name_raw"] = value if isinstance(value, str) else text
        facts.data["name"] = text
        facts.cells["name"] = col


def _code_field(target: str) -> Handler:
    def handle(value: CellValue, col: Column, facts: _Facts, ctx: _Ctx) -> None:
        code = values.to_code(value)
        if code is None:
            return
        if target == "cccd" and not re.fullmatch(r"\d{12}", code):
            _report(ctx, "ingest.bad-cccd", col, value=code)
        facts.data[target] = code
        facts.cells[target] = col

    return handle


def _check_date(d: dt.date, col: Column, ctx: _Ctx) -> None:
    if d > ctx.today:
        _report(ctx, "ingest.future-date", col, value=d.strftime("%d/%m/%Y"), header=col.header)


def _birth(gender: str | None = None) -> Handler:
    def handle(value: CellValue, col: Column, facts: _Facts, ctx: _Ctx) -> None:
        parsed = values.to_date(value)
        if parsed is None:
            return
        if parsed is values.BAD:
            _report(ctx, "ingest.bad-date", col, value=value, header=col.header)
            return
        if isinstance(parsed, dt.date):
            facts.data["birth_date"] = parsed
            year = parsed.year
            _check_date(parsed, col, ctx)
        else:
            year = int(parsed)  # type: ignore[call-overload]
        facts.data["birth_year"] = year
        facts.cells["birth_date"] = col
        if year < 1930 or year > ctx.today.year - 15:
            _report(ctx, "ingest.suspicious-birth", col, year=year)
        if gender:
            facts.data["gender"] = gender
            facts.cells["gender"] = col

    return handle


def _gender(value: CellValue, col: Column, facts: _Facts, ctx: _Ctx) -> None:
    g = values.to_gender(value)
    if g is values.BAD:
        _report(ctx, "ingest.bad-gender", col, value=value)
    elif g is not None:
        facts.data["gender"] = g
        facts.cells["gender"] = col


def _salutation(value: CellValue, col: Column, facts: _Facts, ctx: _Ctx) -> None:
    if value is None:
        return
    g = values.salutation_gender(value)
    if g is None:
        _report(ctx, "ingest.salutation-not-gender", col, value=value)
    elif "gender" not in facts.data:
        facts.data["gender"] = g
        facts.cells["gender"] = col


def _via_lookup(value: CellValue, col: Column, ctx: _Ctx) -> str | None:
    code = values.to_code(value)
    if code is None:
        return None
    label = ctx.lookup.get(code)
    if label is None:
        if re.fullmatch(r"\d+", code) or code.isupper():
            if code.isupper() and not code.isdigit():
                return code  # a self-describing code such as CANHAN / TAPTHE
            _report(ctx, "ingest.unknown-code", col, value=code, header=col.header)
            return None
        return str(value)
    return label


def _kind(from_code: bool) -> Handler:
    def handle(value: CellValue, col: Column, facts: _Facts, ctx: _Ctx) -> None:
        text = _via_lookup(value, col, ctx) if from_code else value
        kind = values.to_kind(text)
        if kind is values.BAD:
            if col.field == "collective_type_code":
                facts.data.setdefault("kind", "collective")
                facts.data["staff_category"] = text
                return
            _report(ctx, "ingest.bad-value", col, value=value, header=col.header)
        elif kind is not None:
            facts.data["kind"] = kind
            facts.cells["kind"] = col

    return handle


def _award(from_code: bool) -> Handler:
    def handle(value: CellValue, col: Column, facts: _Facts, ctx: _Ctx) -> None:
        text = _via_lookup(value, col, ctx) if from_code else _text(value, col, ctx)
        if not text or "award" in facts.data:
            return
        found = resolve_award(text, ctx.extra)
        facts.data["award_text"] = text
        facts.cells["award"] = col
        if found:
            facts.data["award"] = found
        else:
            _report(ctx, "ingest.unknown-award", col, value=text)

    return handle


def _staff_category(value: CellValue, col: Column, facts: _Facts, ctx: _Ctx) -> None:
    text = (
        _via_lookup(value, col, ctx)
        if col.field == "staff_category_code"
        else _text(value, col, ctx)
    )
    if text:
        facts.data["staff_category"] = text
        facts.cells["staff_category"] = col
        key = fold(text)
        if "truc tiep" in key or "cong nhan" in key or "nong dan" in key:
            facts.data.setdefault("direct_worker", True)


def _bool(target: str) -> Handler:
    def handle(value: CellValue, col: Column, facts: _Facts, ctx: _Ctx) -> None:
        b = values.to_bool(value)
        if b is values.BAD:
            _report(ctx, "ingest.bad-value", col, value=value, header=col.header)
        elif b is not None:
            facts.data[target] = b
            facts.cells[target] = col

    return handle


def _number(
    target: str, parse: Callable[[object], object], scale: int = 1, sub: str | None = None
) -> Handler:
    def handle(value: CellValue, col: Column, facts: _Facts, ctx: _Ctx) -> None:
        n = parse(value)
        if n is values.BAD:
            _report(ctx, "ingest.bad-number", col, value=value, header=col.header)
        elif n is not None:
            bucket = facts.initiatives if sub == "initiative" else facts.data
            bucket[target] = n * scale if scale != 1 else n  # type: ignore[operator]
            facts.cells[target] = col

    return handle


def _year(value: CellValue, col: Column, facts: _Facts, ctx: _Ctx) -> None:
    y = values.to_year(value)
    if y is values.BAD:
        _report(ctx, "ingest.bad-number", col, value=value, header=col.header)
    elif y is not None:
        facts.data["year"] = y
        facts.cells["year"] = col


def _rating_for(year: int | None) -> Handler:
    memo: dict[str, object] = {}  # raw text → to_rating (a few spellings repeat down the column)
    key = f"rating.{year}"

    def handle(value: CellValue, col: Column, facts: _Facts, ctx: _Ctx) -> None:
        r = memo.get(value, _MISS) if type(value) is str else _MISS
        if r is _MISS:
            r = values.to_rating(value)
            if type(value) is str:
                if len(memo) >= 65536:
                    memo.clear()
                memo[value] = r
        if type(r) is str:
            if year is not None:
                facts.history[year] = r
                facts.cells[key] = col
                return
            y = facts.data.get("year", ctx.year)
            if y is None:
                _report(ctx, "ingest.rating-without-year", col, value=value)
                return
            facts.history[y] = r
            facts.cells[f"rating.{y}"] = col
        elif r is values.BAD:
            _report(ctx, "ingest.unknown-rating", col, value=value, header=col.header)

    return handle


def _titles_in(text: str, ctx: _Ctx) -> list[str] | None:
    found: list[str] = []
    for part in re.split(r"[,;+/\n]| và ", text):
        part = part.strip()
        if not part:
            continue
        award_id = resolve_award(part, ctx.extra)
        if award_id is None:
            return None
        found.append(award_id)
    return found


def _title_outcome(value: CellValue, col: Column, ctx: _Ctx) -> tuple[str, Any]:
    """What a title cell says: ("skip", None), ("titles", ids), ("rating", r) or ("unknown", text)."""
    yes = values.to_bool(value)
    if col.award and yes is True:
        return "titles", [col.award]
    if yes is False:
        return "skip", None
    text = _text(value, col, ctx) or ""
    titles = _titles_in(text, ctx)
    if titles is None:
        rating = values.to_rating(text)
        if isinstance(rating, str):  # a rating typed in the titles column: keep it as such
            return "rating", rating
        return "unknown", text
    return "titles", titles


def _title_for(year: int) -> Handler:
    # One handler per column and sheet (the column's award and the council's aliases are fixed), so
    # the outcome of a text cell is cached by its raw text; legacy-encoded text (reported per cell)
    # is not cached.
    memo: dict[str, tuple[str, Any]] = {}
    title_key, rating_key = f"title.{year}", f"rating.{year}"

    def handle(value: CellValue, col: Column, facts: _Facts, ctx: _Ctx) -> None:
        if value is None:
            return
        outcome = memo.get(value) if type(value) is str else None
        if outcome is None:
            outcome = _title_outcome(value, col, ctx)
            if outcome[0] == "titles":
                outcome = ("titles", tuple(dict.fromkeys(outcome[1])))  # in order, once each
            if type(value) is str and legacy.convert(value)[1] is None:
                memo[value] = outcome
        what, titles = outcome
        if what == "titles":
            if titles:
                have = facts.titles.get(year)
                facts.titles[year] = titles if have is None else (*have, *(t for t in titles if t not in have))
            facts.cells[title_key] = col
        elif what == "rating":
            facts.history[year] = cast(str, titles)
            facts.cells[rating_key] = col
        elif what == "unknown":
            _report(ctx, "ingest.unknown-title", col, value=titles, header=col.header)

    return handle


def _history(value: CellValue, col: Column, facts: _Facts, ctx: _Ctx) -> None:
    """A wide history cell: "LĐTT 2019, 2020; CSTĐCS 2021" or "2019: HTXSNV, LĐTT; 2020: …"."""
    text = _text(value, col, ctx)
    if not text:
        return
    understood = False
    for segment in _SPLIT.split(text):
        years = values.years_in(segment)
        rest = re.sub(r"(19|20)\d{2}(\s*[-–]\s*(19|20)\d{2})?|\bnăm\b|:", " ", segment, flags=re.IGNORECASE)
        if not years:
            continue
        for piece in re.split(r"[,+/]| và ", rest):
            piece = piece.strip(" .()")
            if not piece:
                continue
            rating = values.to_rating(piece)
            award_id = resolve_award(piece, ctx.extra)
            for y in years:
                if isinstance(rating, str):
                    facts.history[y] = rating
                    understood = True
                elif award_id:
                    have = facts.titles.get(y, ())
                    if award_id not in have:
                        facts.titles[y] = (*have, award_id)
                    understood = True
    if understood:
        facts.cells["history"] = col
    else:
        _report(ctx, "ingest.unknown-title", col, value=text, header=col.header)


def _bucket(target: str, key: str, parse: str = "text") -> Handler:
    def handle(value: CellValue, col: Column, facts: _Facts, ctx: _Ctx) -> None:
        bucket: dict[str, Any] = getattr(facts, target)
        if parse == "date":
            d = values.to_date(value)
            if d is values.BAD:
                _report(ctx, "ingest.bad-date", col, value=value, header=col.header)
                return
            if d is None:
                return
            if isinstance(d, dt.date):
                _check_date(d, col, ctx)
            bucket[key] = d
        elif parse == "year":
            y = values.to_year(value)
            if y is values.BAD:
                _report(ctx, "ingest.bad-number", col, value=value, header=col.header)
                return
            if y is None:
                return
            bucket[key] = y
        elif parse == "period":
            p = values.period(value)
            if p is values.BAD:
                _report(ctx, "ingest.bad-value", col, value=value, header=col.header)
                return
            if p == (None, None):
                return
            bucket[key] = p
        else:
            text = _text(value, col, ctx)
            if text is None:
                return
            bucket[key] = text
        facts.cells.setdefault(f"{target}.{key}" if target != "data" else key, col)

    return handle


def _initiative_years(value: CellValue, col: Column, facts: _Facts, ctx: _Ctx) -> None:
    """The year(s) initiatives were recognised: a date, a year, or one per initiative ("2019; 2021")."""
    parts = _SPLIT.split(value) if isinstance(value, str) else [value]
    years: list[int | None] = []
    for part in parts:
        d = values.to_date(part.strip() if isinstance(part, str) else part)
        if d is values.BAD:
            _report(ctx, "ingest.bad-date", col, value=value, header=col.header)
            return
        years.append(d.year if isinstance(d, dt.date) else d if isinstance(d, int) else None)
    facts.initiatives["years"] = years
    facts.cells["initiatives.year"] = col


def _recruited(value: CellValue, col: Column, facts: _Facts, ctx: _Ctx) -> None:
    d = values.to_date(value)
    if d is values.BAD:
        _report(ctx, "ingest.bad-date", col, value=value, header=col.header)
    elif isinstance(d, dt.date):
        _check_date(d, col, ctx)
        facts.data["recruited_on"] = d
        facts.cells["recruited_on"] = col
    elif isinstance(d, int):
        _report(ctx, "ingest.partial-date", col, year=d, header=col.header)


def _special(value: CellValue, col: Column, facts: _Facts, ctx: _Ctx) -> None:
    if value is None:
        return
    yes = values.to_bool(value)
    tags = values.specials(col.header) if yes is True else () if yes is False else values.specials(str(value))
    if yes is True and not tags:
        tags = values.specials(str(value))
    for t in tags:
        if t not in facts.specials:
            facts.specials.append(t)
    if tags:
        facts.cells["special"] = col


def _note(target: str) -> Handler:
    plain = _plain(target)

    def handle(value: CellValue, col: Column, facts: _Facts, ctx: _Ctx) -> None:
        plain(value, col, facts, ctx)
        text = facts.data.get(target)
        if isinstance(text, str) and target == "note":
            for t in values.specials(text):
                if t not in facts.specials:
                    facts.specials.append(t)
                    facts.cells.setdefault("special", col)

    return handle


def _percent(value: CellValue, col: Column, facts: _Facts, ctx: _Ctx) -> None:
    p = values.to_percent(value)
    if p is values.BAD:
        _report(ctx, "ingest.bad-number", col, value=value, header=col.header)
    elif p is not None:
        facts.data["women_percent"] = p
        facts.cells["collective.women_percent"] = col


def _collective(target: str) -> Handler:
    def handle(value: CellValue, col: Column, facts: _Facts, ctx: _Ctx) -> None:
        n = values.to_int(value)
        if n is values.BAD:
            _report(ctx, "ingest.bad-number", col, value=value, header=col.header)
        elif n is not None:
            facts.data[target] = n
            facts.cells[f"collective.{target}"] = col

    return handle


def _ignore(value: CellValue, col: Column, facts: _Facts, ctx: _Ctx) -> None:
    return None


HANDLERS: dict[str, Handler] = {
    "stt": _plain("stt"),
    "name": _name,
    "salutation": _salutation,
    "gender": _gender,
    "birth": _birth(),
    "birth_male": _birth("male"),
    "birth_female": _birth("female"),
    "cccd": _code_field("cccd"),
    "staff_code": _code_field("staff_code"),
    "position": _plain("position"),
    "department": _plain("department"),
    "unit": _plain("unit"),
    "kind": _kind(False),
    "kind_code": _kind(True),
    "collective_type_code": _kind(True),
    "award": _award(False),
    "award_code": _award(True),
    "title_code": _award(True),
    "staff_category": _staff_category,
    "staff_category_code": _staff_category,
    "direct_worker": _bool("direct_worker"),
    "sector": _ignore,
    "sector_code": _ignore,
    "address": _ignore,
    "year": _year,
    "rating": _rating_for(None),
    "history": _history,
    "prior_award": _bucket("prior", "text"),
    "prior_year": _bucket("prior", "year", "year"),
    "prior_decision": _bucket("prior", "decision"),
    "prior_decision_number": _bucket("prior", "decision_number"),
    "prior_decision_date": _bucket("prior", "decision_date", "date"),
    "prior_period": _bucket("prior", "period", "period"),
    "decision": _bucket("data", "decision"),
    "decision_number": _bucket("data", "decision_number"),
    "decision_date": _bucket("data", "decision_date", "date"),
    "period": _bucket("data", "period", "period"),
    "initiative": _bucket("initiatives", "sang_kien"),
    "research": _bucket("initiatives", "de_tai"),
    "initiative_count": _number("count", values.to_int, sub="initiative"),
    "initiative_level": _bucket("initiatives", "level"),
    "initiative_date": _initiative_years,
    "initiative_decision": _bucket("initiatives", "decision"),
    "initiative_used_for": _bucket("initiatives", "used_for"),
    "discipline": _bucket("disciplines", "form"),
    "discipline_period": _bucket("disciplines", "period"),
    "recruited_on": _recruited,
    "months_of_service": _number("months_of_service", values.to_int),
    "years_of_service": _number("months_of_service", values.to_int, scale=12),
    "special": _special,
    "note": _note("note"),
    "achievement": _plain("achievement"),
    "members": _collective("members"),
    "completed_count": _collective("completed"),
    "ltt_count": _collective("ltt"),
    "cstdcs_count": _collective("cstdcs"),
    "disciplined_count": _collective("disciplined"),
    "women_percent": _percent,
    "cluster": _plain("cluster"),
    "cluster_rank": _collective("cluster_rank"),
}


def handler_for(name: str) -> Handler:
    m = re.fullmatch(r"(rating|title)\.(\d{4})", name)
    if m:
        return _rating_for(int(m[2])) if m[1] == "rating" else _title_for(int(m[2]))
    return HANDLERS[name]


# --- assembling a nominee ----------------------------------------------------------------------


def _decision_parts(text: str) -> tuple[str | None, dt.date | None]:
    number = _DECISION_NO.search(text)
    date = _DATE_IN_TEXT.search(text)
    parsed = values.to_date(date[1].replace(" ", "")) if date else None
    return (number[1] if number else None, parsed if isinstance(parsed, dt.date) else None)


def _prior_awards(facts: _Facts, award_id: str | None, ctx: _Ctx) -> tuple[PriorAward, ...]:
    out: list[PriorAward] = []
    p = facts.prior
    if p:
        texts = _SPLIT.split(p["text"]) if "text" in p else [""]
        for text in texts:
            text = text.strip()
            number, date = _decision_parts(p.get("decision", "") or text)
            years = values.years_in(_DATE_IN_TEXT.sub(" ", _DECISION_NO.sub(" ", text)))
            period = p.get("period") or ((min(years), max(years)) if len(years) > 1 else (None, None))
            year = p.get("year") or (years[0] if len(years) == 1 else None)
            pd = p.get("decision_date")
            out.append(PriorAward.model_construct(
                award=(resolve_award(text, ctx.extra)) if text else None,
                award_text=text or None, year=year, period_from=period[0], period_to=period[1],
                decision_number=p.get("decision_number") or number,
                decision_date=pd if isinstance(pd, dt.date) else date, source="list",
            ))  # fmt: skip
    d = facts.data
    if any(k in d for k in ("decision", "decision_number", "decision_date", "period")):
        number, date = _decision_parts(d.get("decision", ""))
        period = d.get("period") or (None, None)
        dd = d.get("decision_date")
        out.append(build(PriorAward, {
            "award": award_id, "award_text": d.get("award_text"), "year": d.get("year") or period[1],
            "period_from": period[0], "period_to": period[1],
            "decision_number": d.get("decision_number") or number,
            "decision_date": dd if isinstance(dd, dt.date) else date, "source": "list",
        }))  # fmt: skip
    return tuple(out)


def _initiatives(facts: _Facts) -> tuple[Initiative, ...]:
    i = facts.initiatives
    if not i or (i.keys() == {"count"} and not i["count"]):
        return ()
    # Several initiatives in one cell are one per line (or ";"); their levels and years pair up in order,
    # and a single level or year applies to all of them.
    levels: list[Level | None] = []
    for part in _SPLIT.split(i.get("level", "")):
        parsed = values.to_level(part)
        levels.append(cast(Level, parsed) if isinstance(parsed, str) else None)
    years: list[int | None] = i.get("years", [])
    used_for, decision = i.get("used_for"), i.get("decision")

    def pick(seq: Sequence[Any], k: int) -> Any:
        return seq[k] if k < len(seq) else seq[0] if len(seq) == 1 else None

    out: list[Initiative] = []
    for kind in ("sang_kien", "de_tai"):
        for title in _SPLIT.split(i.get(kind, "")):
            if title.strip():
                k = len(out)
                out.append(build(Initiative, {
                    "kind": kind, "title": title.strip(), "level": pick(levels, k), "year": pick(years, k),
                    "used_for": used_for, "decision": decision,
                }))  # fmt: skip
    count = i.get("count")
    if isinstance(count, int) and count > len(out):
        out.extend(
            build(Initiative, {
                "kind": "sang_kien", "title": None, "level": pick(levels, k), "year": pick(years, k),
                "used_for": used_for, "decision": decision,
            })
            for k in range(len(out), count)
        )  # fmt: skip
    return tuple(out)


def _disciplines(facts: _Facts) -> tuple[Discipline, ...]:
    d = facts.disciplines
    if not d:
        return ()
    parsed = values.to_discipline(d.get("form"))
    if not isinstance(parsed, tuple):
        return ()
    form, text = parsed
    years = values.years_in(str(d.get("period", "")) + " " + text)
    return (Discipline.model_construct(
        form=None if form == "pending" else form, form_text=text, year=years[-1] if years else None,
        start=None, end=None, pending=form == "pending",
    ),)  # fmt: skip


_COLLECTIVE_KEYS = (
    "members",
    "completed",
    "ltt",
    "cstdcs",
    "disciplined",
    "women_percent",
    "cluster",
    "cluster_rank",
)


_COLLECTIVE_SET = frozenset(_COLLECTIVE_KEYS)
_HISTORIES: dict[tuple[tuple[tuple[int, str], ...], tuple[tuple[int, tuple[str, ...]], ...]], tuple[YearRecord, ...]] = {}
_INITIATIVES: dict[tuple[tuple[str, Any], ...], tuple[Initiative, ...]] = {}


def _history_of(facts: _Facts) -> tuple[YearRecord, ...]:
    """The row's years as YearRecords. Frozen and repeating down a list (a few ratings and titles
    over a few years), so equal histories share one tuple of records."""
    hist, tits = facts.history, facts.titles
    if not hist and not tits:
        return ()
    sig = (tuple(hist.items()), tuple(tits.items()))  # column order: the same down a sheet
    out = _HISTORIES.get(sig)
    if out is None:
        if len(_HISTORIES) >= 1 << 16:
            _HISTORIES.clear()
        out = _HISTORIES[sig] = tuple(
            build(YearRecord, {"year": y, "rating": hist.get(y), "titles": tits.get(y, ())})
            for y in sorted(hist.keys() | tits.keys())
        )
    return out


def _initiatives_of(facts: _Facts) -> tuple[Initiative, ...]:
    """:func:`_initiatives`, shared between rows that say the same (e.g. "1" initiative at "cơ sở")."""
    i = facts.initiatives
    if not i:
        return ()
    sig = tuple([(k, tuple(v) if type(v) is list else v) for k, v in i.items()])
    out = _INITIATIVES.get(sig)
    if out is None:
        if len(_INITIATIVES) >= 1 << 16:
            _INITIATIVES.clear()
        out = _INITIATIVES[sig] = _initiatives(facts)
    return out


# Every field of a Nominee with its default, in the model's order (the order of the JSON record).
_BLANK: dict[str, Any] = {
    name: (None if f.is_required() else f.get_default(call_default_factory=True))
    for name, f in Nominee.model_fields.items()
}
_KIND_OF_AWARD: dict[str, str | None] = {}


def _kind_of_award(award_id: str) -> str | None:
    hit = _KIND_OF_AWARD.get(award_id, _MISS)
    if hit is _MISS:
        a = awards.catalogue().get(award_id)
        hit = _KIND_OF_AWARD[award_id] = "collective" if a is not None and a.for_ == "collective" else None
    return cast("str | None", hit)


def _nominee(facts: _Facts, ctx: _Ctx, sheet_award: str | None, sheet_kind: str | None) -> Nominee:
    d = facts.data
    award_id = d.get("award") or sheet_award
    found_kind: str | None = d.get("kind") or sheet_kind
    if found_kind is None and award_id:
        found_kind = _kind_of_award(award_id)
    kind = cast(Kind, found_kind or "individual")
    raw = d["name"]  # already clean (see _text)
    name = title_words(raw) if kind == "individual" else raw
    collective = None
    if kind != "individual" or not _COLLECTIVE_SET.isdisjoint(d):
        values_ = {k: d.get(k) for k in _COLLECTIVE_KEYS}
        if any(v is not None for v in values_.values()):
            collective = CollectiveFacts.model_construct(**values_)
    row = ctx.row
    source = build(CellRef, {"file": ctx.file, "sheet": ctx.sheet, "row": row, "column": None, "header": None})
    nd = {**_BLANK, **d}
    if len(nd) != len(_BLANK):  # facts that are not fields (a collective's counts, the row's own decision)
        for key in [k for k in nd if k not in _BLANK]:
            del nd[key]
    name_raw = d.get("name_raw")
    nd["id"] = f"{ctx.file}:{ctx.sheet}:{row}"
    nd["source"] = source
    nd["kind"] = kind
    nd["name"] = name
    nd["name_raw"] = name_raw if name_raw != name else None
    nd["award"] = award_id
    nd["year"] = d.get("year", ctx.year)
    nd["history"] = _history_of(facts)
    if facts.prior or "decision" in d or "decision_number" in d or "decision_date" in d or "period" in d:
        nd["prior_awards"] = _prior_awards(facts, award_id, ctx)
    nd["initiatives"] = _initiatives_of(facts)
    if facts.disciplines:
        nd["disciplines"] = _disciplines(facts)
    if facts.specials:
        nd["special"] = tuple(facts.specials)
    nd["collective"] = collective
    nd["cells"] = CellMap(ctx.file, ctx.sheet, row, facts.cells)
    return build(Nominee, nd)


# --- sheets and files ------------------------------------------------------------------------


def _role_by_name(sheet: RawSheet) -> str | None:
    if not sheet.rows:
        return "empty"
    if sheet.hidden or _LOOKUP_NAMES.match(fold(sheet.name)):
        return "lookup"
    if _GUIDE_NAMES.match(fold(sheet.name)):
        return "other"
    return None


def _header_probe(rows: list[list[CellValue]], upto: int) -> list[list[CellValue]]:
    """The top rows with TCVN3/VNI text converted, so that legacy headers and titles are understood.

    A copy: data rows are converted later, cell by cell, with a finding for each.
    """
    probe: list[list[CellValue]] = []
    for row in rows[:upto]:
        copy = list(row)
        for j, v in enumerate(copy):
            if isinstance(v, str) and not v.isascii():
                copy[j] = legacy.convert(v)[0]
        probe.append(copy)
    return probe


def _kind_in(text: str) -> str | None:
    key = fold(text)
    has = {
        k
        for k, w in (("collective", "tap the"), ("individual", "ca nhan"), ("household", "ho gia dinh"))
        if w in key
    }
    return has.pop() if len(has) == 1 else None


_FOOTER_MEMO: dict[str, bool] = {}


def _is_footer(text: str) -> bool:
    """Whether a row's first text opens the list's footer (cached: it is the name on every data row)."""
    hit = _FOOTER_MEMO.get(text)
    if hit is None:
        if len(_FOOTER_MEMO) >= 1 << 18:
            _FOOTER_MEMO.clear()
        hit = _FOOTER_MEMO[text] = _FOOTER.match(_fold_text(text)) is not None
    return hit


def _read_sheet(
    file: str,
    sheet: RawSheet,
    lookup: Mapping[str, str],
    colmap: Mapping[str, str] | None,
    award: str | None,
    year: int | None,
    extra: Mapping[str, str] | None,
    findings: list[Finding],
) -> SheetReport:
    report = SheetReport(file=file, name=sheet.name, role="other", hidden=sheet.hidden)
    rows = sheet.rows
    header = find_header(_header_probe(rows, 45), colmap, lambda t: award_in_text(t, extra))
    if header is None:
        return report
    report.role = "list"
    report.header_rows = list(header.rows)
    report.title = header.title or None
    report.columns = [ColumnReport(c.letter, c.header, c.field, c.how) for c in header.columns]
    sheet_award = award_in_text(header.title, extra) or award_in_text(sheet.name, extra) or award
    sheet_year = year_in_text(header.title) or year_in_text(sheet.name) or year
    report.award, report.year = sheet_award, sheet_year
    name_col = header.by_field.get("name")
    name_kind = _kind_in(name_col.header) if name_col and "/" not in name_col.header else None
    sheet_kind = _kind_in(header.title) or _kind_in(sheet.name) or name_kind
    plan: list[tuple[int, Column, Handler]] = []
    seen: dict[str, Column] = {}
    top_ref = header.rows[0]
    for col in header.columns:
        ref = CellRef.model_construct(
            file=file, sheet=sheet.name, row=top_ref, column=col.letter, header=col.header
        )
        if col.field is None:
            if col.header.strip():
                findings.append(messages.make("ingest.unmapped-column", cell=ref, header=col.header))
            continue
        if col.field in seen and not col.field.startswith(("rating.", "title.")):
            findings.append(messages.make(
                "ingest.duplicate-column", cell=ref, header=col.header, field=col.field, other=seen[col.field].letter,
            ))  # fmt: skip
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
    ctx = _Ctx(file, sheet.name, 0, extra, lookup, findings, sheet_year, today)  # one per sheet; row moves
    no_errors = _ERRORS.isdisjoint  # most rows hold no cached formula error: one C-level test per row
    for i in range(header.data_start, len(rows)):
        row = rows[i]
        if not row:
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
        first_text = None
        for j in present:
            if isinstance(row[j], str):
                first_text = row[j]
                break
        if (
            first_text is not None
            and (name_value is None or name_value == first_text)
            and _is_footer(str(first_text))
        ):
            findings.append(messages.make(
                "ingest.footer", cell=CellRef.model_construct(file=file, sheet=sheet.name, row=i + 1, column=None, header=None),
                text=clean(str(first_text))[:60],
            ))  # fmt: skip
            break
        if (name_idx not in present or name_idx in quiet) and all(j in quiet for j in present):
            continue  # formula-only or pre-numbered empty rows are not nominees
        stt_value = row[stt_idx] if stt_idx is not None and stt_idx < width else None
        if len(present) <= 2:  # a section row has one text besides the STT
            content = [j for j in present if j != stt_idx]
            if len(content) == 1 and isinstance(row[content[0]], str):
                text = clean(str(row[content[0]]))
                roman = stt_value is None or (
                    isinstance(stt_value, str) and _SECTION_STT.match(stt_value.strip())
                )
                if roman and (text.isupper() or _SECTION_TEXT.match(text) or _kind_in(text)):
                    current_kind = _kind_in(text) or current_kind
                    current_award = award_in_text(text, extra) or current_award
                    findings.append(messages.make(
                        "ingest.section", cell=CellRef.model_construct(file=file, sheet=sheet.name, row=i + 1,
                                                                       column=column_letter(content[0]), header=None),
                        text=text[:60],
                    ))  # fmt: skip
                    continue
        ctx.row = i + 1
        if name_value is None or (isinstance(name_value, str) and not name_value.strip()):
            findings.append(messages.make(
                "ingest.missing-name",
                cell=CellRef.model_construct(file=file, sheet=sheet.name, row=i + 1, column=name_col.letter, header=name_col.header),
            ))  # fmt: skip
            continue
        facts = _Facts()
        for j, col, handle in plan:
            if j >= width:
                continue
            v = row[j]
            if v is None:
                continue
            if not plain and isinstance(v, str) and v in _ERRORS:
                if j not in quiet:
                    findings.append(
                        messages.make("ingest.error-value", cell=_ref(ctx, col), value=v, header=col.header)
                    )
                continue
            handle(v, col, facts, ctx)
        if "name" not in facts.data:
            continue
        nominee = _nominee(facts, ctx, current_award, current_kind)
        if nominee.award is None:
            findings.append(messages.make("ingest.no-award", cell=nominee.source))
        report.nominees.append(nominee)
    return report


def read_nominations(
    paths: Sequence[Path],
    *,
    columns: Mapping[str, str] | None = None,
    award: str | None = None,
    year: int | None = None,
    extra_awards: Mapping[str, str] | None = None,
) -> IngestResult:
    """Read nomination lists (and decision/register lists) and say how each sheet was understood.

    Args:
        paths: workbooks or CSV files; every list sheet of each is read.
        columns: header text → canonical field, for headers the vocabulary does not know
            (``tdkt.toml`` [legal.columns] or ``--columns FILE``).
        award: the award id to use when a list names none (no column, title or sheet name).
        year: the achievement year when the list does not say.
        extra_awards: folded aliases of council-overlay titles → their ids.

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
                file_sheets.append(
                    _read_sheet(path.name, sheet, lookup, colmap, award, year, extra_awards, findings)
                )
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

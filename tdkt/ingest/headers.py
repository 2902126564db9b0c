"""Finding the table in a sheet: the header row(s), each column's canonical field, the title above.

The vocabulary lives in ``tdkt/rules/ingest/columns.yaml`` (patterns over folded header text). Headers may be one row
or two (a parent such as "Xếp loại" or "Danh hiệu thi đua đã đạt" spanning "Năm 2019 | Năm 2020 |
…"), may sit under merged title rows, and may be followed by a numbering row "(1) (2) (3)…".
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from dataclasses import field as dc_field
from functools import cache
from importlib import resources
from typing import Any

from tdkt.errors import InputError
from tdkt.findings import column_letter
from tdkt.ingest.sources import CellValue
from tdkt.text import clean, fold

SCAN_ROWS = 40  # headers sit near the top; title blocks rarely exceed a dozen rows
_YEAR = re.compile(r"(?<!\d)(19\d{2}|20\d{2})(?!\d)")
_RATING_WORDS = re.compile(r"xep loai|muc do|danh gia|hoan thanh nhiem vu|ket qua")
_TITLE_WORDS = re.compile(r"danh hieu|thi dua|ldtt|cstd")


@dataclass(frozen=True)
class FieldSpec:
    field: str
    vn: str
    stored: str
    patterns: tuple[re.Pattern[str], ...]
    raw_patterns: tuple[str, ...]


@dataclass(frozen=True)
class Group:
    name: str
    parent: tuple[re.Pattern[str], ...]
    subs: tuple[tuple[re.Pattern[str], str], ...]


@dataclass(frozen=True)
class Vocabulary:
    fields: tuple[FieldSpec, ...]
    groups: tuple[Group, ...]

    @property
    def names(self) -> frozenset[str]:
        extra = {sub for g in self.groups for _, sub in g.subs}
        return frozenset({f.field for f in self.fields} | extra)


@cache
def vocabulary() -> Vocabulary:
    """The column vocabulary shipped in ``tdkt/rules/ingest/columns.yaml``."""
    import yaml

    data: Any = yaml.safe_load(
        resources.files("tdkt").joinpath("rules/ingest/columns.yaml").read_text(encoding="utf-8")
    )
    specs = tuple(
        FieldSpec(
            field=str(f["field"]),
            vn=str(f["vn"]),
            stored=str(f.get("stored", "")),
            patterns=tuple(re.compile(p) for p in f["patterns"]),
            raw_patterns=tuple(str(p) for p in f["patterns"]),
        )
        for f in data["fields"]
    )
    groups = tuple(
        Group(
            name=str(name),
            parent=tuple(re.compile(p) for p in g["parent"]),
            subs=tuple((re.compile(p), str(v)) for p, v in g["subs"].items()),
        )
        for name, g in data["groups"].items()
    )
    return Vocabulary(specs, groups)


def is_field_name(name: str) -> bool:
    """A canonical field, or a per-year one (``rating.2021``, ``title.2021``)."""
    m = re.fullmatch(r"(rating|title)\.(\d{4})", name)
    return bool(m) or name in vocabulary().names


@dataclass(frozen=True)
class Column:
    """One column of the table: where it is, the header text seen, the field it was mapped to."""

    index: int
    header: str
    field: str | None
    how: str  # vocabulary | group | year | column-map | unknown
    award: str | None = None  # an award named by the header itself ("LĐTT 2021"), for yes-marks
    letter: str = dc_field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "letter", column_letter(self.index))


@dataclass
class Header:
    rows: tuple[int, ...]  # 1-based spreadsheet rows of the header (numbering row included)
    data_start: int  # 0-based index of the first row after the header
    columns: list[Column]
    title: str  # text of the rows above the header (for the award and the year)
    by_field: dict[str, Column] = field(default_factory=dict)


def match_label(label: str, colmap: Mapping[str, str] | None = None) -> str | None:
    """The field a single header text stands for (column map first, then the vocabulary)."""
    key = fold(label)
    if not key:
        return None
    if colmap and key in colmap:
        return colmap[key]
    for spec in vocabulary().fields:
        for pattern in spec.patterns:
            if pattern.search(key):
                return spec.field
    return None


def _group_of(parent_key: str) -> Group | None:
    for group in vocabulary().groups:
        if any(p.search(parent_key) for p in group.parent):
            return group
    return None


def _year_field(key: str, parent_key: str, award_of: Any) -> tuple[str | None, str | None]:
    """(per-year field, award named) for a header with exactly one year in it or in its parent."""
    years = _YEAR.findall(key) or _YEAR.findall(parent_key)
    if len(set(years)) != 1:
        return None, None
    year = years[0]
    rest = " ".join(_YEAR.sub(" ", f"{parent_key} {key}").replace(" nam ", " ").split())
    rest = re.sub(r"^nam\b|\bnam$", "", rest).strip()
    if _RATING_WORDS.search(rest):
        return f"rating.{year}", None
    award = award_of(_YEAR.sub(" ", key).replace("nam", " ")) if key else None
    if _TITLE_WORDS.search(rest) or award:
        return f"title.{year}", award
    return None, None


def map_column(index: int, parent: str, sub: str, colmap: Mapping[str, str] | None, award_of: Any) -> Column:
    """Map one column from its parent header (two-row headers) and its own header text."""
    header = f"{clean(parent)} / {clean(sub)}" if parent and sub else clean(parent or sub)
    key, parent_key = fold(sub), fold(parent)
    own = key or parent_key
    if colmap:
        for candidate in (fold(header), key, own):
            if candidate and candidate in colmap:
                return Column(index, header, colmap[candidate], "column-map")
    if parent and sub:
        year_field, award = _year_field(key, parent_key, award_of)
        if year_field:
            return Column(index, header, year_field, "year", award)
        group = _group_of(parent_key)
        if group is not None:
            for pattern, name in group.subs:
                if pattern.search(key):
                    return Column(index, header, name, "group")
        found = match_label(sub)
        if found:
            return Column(index, header, found, "vocabulary")
        found = match_label(parent)
        return Column(index, header, found, "vocabulary" if found else "unknown")
    if _YEAR.search(own) and not re.search(
        r"^(ngay|nam) sinh|tuyen dung|vao nganh|ngay|giai doan|thoi gian", own
    ):
        year_field, award = _year_field(own, "", award_of)
        if year_field:
            return Column(index, header, year_field, "year", award)
    found = match_label(own)
    return Column(index, header, found, "vocabulary" if found else "unknown")


def _text(value: CellValue) -> str:
    return value if isinstance(value, str) else ""


def _row_score(row: Sequence[CellValue], colmap: Mapping[str, str] | None) -> tuple[int, bool]:
    fields: set[str] = set()
    for value in row:
        if isinstance(value, str) and len(value) <= 200:
            found = match_label(value, colmap)
            if found:
                fields.add(found)
    return len(fields), "name" in fields


def _is_numbering(row: Sequence[CellValue]) -> bool:
    """A row "1 2 3 …" or "(1) (2) (3) …" printed under a header to number the columns."""
    values = [v for v in row if v is not None]
    if len(values) < 3:
        return False
    numbers: list[int] = []
    for v in values:
        if isinstance(v, int) and not isinstance(v, bool):
            numbers.append(v)
        elif isinstance(v, str) and re.fullmatch(r"\(?\s*\d{1,2}\s*\)?", v.strip()):
            numbers.append(int(re.sub(r"\D", "", v)))
        elif isinstance(v, str) and re.fullmatch(
            r"\(?\s*\d{1,2}\s*[=x*+:/-]\s*[\d\s=x*+:/()-]*\)?", v.strip()
        ):
            numbers.append(-1)  # "(6)=(4)+(5)", "(6:3)": still a numbering cell
        else:
            return False
    positives = [n for n in numbers if n >= 0]
    return len(positives) >= 2 and positives == sorted(positives)


def find_header(
    rows: Sequence[Sequence[CellValue]], colmap: Mapping[str, str] | None, award_of: Any
) -> Header | None:
    """The header of a list sheet, or None when no row looks like one (needs a name column or ≥ 3 fields)."""
    best: tuple[int, int] | None = None
    for i, row in enumerate(rows[:SCAN_ROWS]):
        score, has_name = _row_score(row, colmap)
        if (has_name and score >= 2) or score >= 3:
            rank = score + (2 if has_name else 0)
            if best is None or rank > best[1]:
                best = (i, rank)
    if best is None:
        return None
    top = best[0]
    head = list(rows[top])
    width = (
        max(len(head), *(len(rows[j]) for j in range(top + 1, min(top + 3, len(rows)))), 0)
        if len(rows) > top + 1
        else len(head)
    )
    head += [None] * (width - len(head))
    header_rows = [top + 1]
    nxt = top + 1
    sub: list[CellValue] = [None] * width
    name_col = next(
        (j for j, v in enumerate(head) if isinstance(v, str) and match_label(v, colmap) == "name"), None
    )
    if nxt < len(rows) and not _is_numbering(rows[nxt]):
        cand = list(rows[nxt]) + [None] * (width - len(rows[nxt]))
        texts = [j for j, v in enumerate(cand) if isinstance(v, str) and v.strip()]
        others = [j for j, v in enumerate(cand) if v is not None and j not in texts]
        spans = [
            j
            for j in texts
            if head[j] is None or _YEAR.search(_text(cand[j])) or _group_of(fold(_text(head[j])))
        ]
        if texts and not others and (name_col is None or cand[name_col] is None) and spans:
            sub = cand
            header_rows.append(nxt + 1)
            nxt += 1
    if nxt < len(rows) and _is_numbering(rows[nxt]):
        header_rows.append(nxt + 1)
        nxt += 1
    # Parents spanning sub-columns: carried right from a parent cell that has a sub label under it.
    parents: list[str] = []
    carry = ""
    for j in range(width):
        own = _text(head[j]).strip()
        if own:
            carry = own if sub[j] is not None else ""
            parents.append(own)
        else:
            parents.append(carry if sub[j] is not None else "")
    columns: list[Column] = []
    for j in range(width):
        parent = parents[j]
        label = _text(sub[j]) if sub[j] is not None else ""
        if not parent and not label:
            continue
        if sub[j] is not None and not isinstance(sub[j], str):
            label = str(sub[j])
        columns.append(map_column(j, parent if label else "", label or parent, colmap, award_of))
    title = " ".join(clean(_text(v)) for r in rows[:top] for v in r if isinstance(v, str) and v.strip())
    header = Header(rows=tuple(header_rows), data_start=nxt, columns=columns, title=title)
    for col in columns:
        if col.field and col.field not in header.by_field:
            header.by_field[col.field] = col
    return header


def load_column_map(mapping: Mapping[str, str], source: str) -> dict[str, str]:
    """A user column map (header text → field) keyed by folded header text; unknown fields refused."""
    out: dict[str, str] = {}
    for header, name in mapping.items():
        target = str(name).strip()
        if not is_field_name(target):
            known = ", ".join(sorted(vocabulary().names)[:12])
            raise InputError(
                f"Ánh xạ cột trong {source}: '{header}' → '{target}' không phải trường đã biết "
                f"(ví dụ: {known}…; xem docs/columns.md).",
                code="input.bad-column-map",
            )
        out[fold(str(header))] = target
    return out


def columns_markdown() -> str:
    """docs/columns.md: the column vocabulary for users, generated from rules/ingest/columns.yaml (a test keeps it current)."""
    lines = [
        "# Từ vựng cột của danh sách đề nghị (tdkt ingest)",
        "",
        "Tiêu đề cột được so khớp sau khi bỏ dấu, chữ hoa/thường, dấu câu và xuống dòng "
        '("Họ và\\ntên", "HO VA TEN" là một). Trường đầu tiên khớp được dùng. Cột có năm '
        '("Xếp loại 2021", hoặc "Năm 2021" dưới tiêu đề cha "Xếp loại"/"Danh hiệu thi đua đã đạt") là '
        "`rating.YYYY` / `title.YYYY`. Cột khác: khai báo trong `[legal.columns]` của tdkt.toml hoặc "
        '`--columns TỆP` (TOML/YAML, `"tiêu đề cột" = "trường"`).',
        "",
        "Tệp này được sinh từ `tdkt/rules/ingest/columns.yaml`.",
        "",
        "| Trường | Ý nghĩa | Lưu vào | Mẫu tiêu đề (đã bỏ dấu) |",
        "|---|---|---|---|",
    ]
    for spec in vocabulary().fields:
        patterns = "<br>".join(f"`{p}`" for p in spec.raw_patterns).replace("|", "\\|")
        lines.append(f"| `{spec.field}` | {spec.vn} | {spec.stored} | {patterns} |")
    lines += ["", "## Tiêu đề hai dòng: tiêu đề cha → cột con", ""]
    for group in vocabulary().groups:
        parents = ", ".join(f"`{p.pattern}`" for p in group.parent).replace("|", "\\|")
        subs = "; ".join(f"`{p.pattern}` → `{name}`" for p, name in group.subs).replace("|", "\\|")
        lines.append(f"- **{group.name}** (cha: {parents}): {subs}")
    return "\n".join(lines) + "\n"

"""Finding the table in a sheet: the header row(s), each column's canonical field, the title above.

The vocabulary lives in ``tdkt/rules/ingest/columns.yaml`` (patterns over folded header text). Headers may be one row
or two (a parent such as "Xếp loại" or "Danh hiệu thi đua đã đạt" spanning "Năm 2019 | Năm 2020 |
…"), may sit under merged title rows, and may be followed by a numbering row "(1) (2) (3)…".
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from tdkt.awards import catalogue
from tdkt.errors import InputError
from tdkt.findings import column_letter
from tdkt.ingest.sources import CellValue
from tdkt.text import clean, fold

SCAN_ROWS = 40  # headers sit near the top; title blocks rarely exceed a dozen rows
_YEAR = re.compile(r"(?<!\d)(19\d{2}|20\d{2})(?!\d)")
# "XL 2024" (xếp loại), "DHTĐ 2024" (danh hiệu thi đua): the abbreviations units write in narrow columns.
_RATING_WORDS = re.compile(r"xep loai|muc do|danh gia|hoan thanh nhiem vu|ket qua|\bxl\b")
_TITLE_WORDS = re.compile(r"danh hieu|thi dua|ldtt|cstd|\bdhtd\b")


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
        extra = {sub for g in self.groups for _, sub in g.subs} | {"award_mark", "name_part"}
        return frozenset({f.field for f in self.fields} | extra)


@cache
def vocabulary() -> Vocabulary:
    """The column vocabulary shipped in ``tdkt/rules/ingest/columns.yaml``."""
    import yaml

    data: Any = yaml.load(
        resources.files("tdkt").joinpath("rules/ingest/columns.yaml").read_text(encoding="utf-8"),
        Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader),
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


# Fields that columns.yaml names only as group sub-columns or per-year columns (no ``vn`` of their own).
_EXTRA_LABELS = {
    "award_mark": "Dấu đánh vào cột danh hiệu đề nghị", "name_part": "Một phần của họ và tên",
    "title": "Danh hiệu thi đua đã đạt", "title_decision": "Số, ngày quyết định danh hiệu",
    "rating": "Xếp loại mức độ hoàn thành nhiệm vụ", "discipline": "Kỷ luật",
    "birth_male": "Năm sinh (nam)", "birth_female": "Năm sinh (nữ)",
    "prior_decision": "Số, ngày quyết định khen thưởng đã nhận",
    "prior_decision_number": "Số quyết định khen thưởng đã nhận",
    "prior_decision_date": "Ngày quyết định khen thưởng đã nhận",
    "prior_period": "Giai đoạn của khen thưởng đã nhận", "prior_year": "Năm của khen thưởng đã nhận",
}


def field_label(name: str | None) -> str:
    """The field a column was read into, in the officer's words: "Xếp loại … (năm 2021)" for ``rating.2021``.

    The words are the ``vn`` of ``columns.yaml`` up to its first parenthesis (the rest explains the
    values), or the group's sub-column label; an id no vocabulary names is shown as it is.
    """
    if not name:
        return "—"
    base, _, year = name.partition(".")
    if not (year.isdigit() and len(year) == 4):
        base, year = name, ""
    words = _EXTRA_LABELS.get(base)
    if words is None:
        spec = next((f for f in vocabulary().fields if f.field == base), None)
        words = spec.vn.split(" (")[0].strip() if spec else base
    return f"{words} (năm {year})" if year else words


def is_field_name(name: str) -> bool:
    """A canonical field, or a per-year one (``rating.2021``, ``title.2021``)."""
    m = re.fullmatch(r"(rating|title|title_decision|discipline)\.(\d{4})", name)
    return bool(m) or name in vocabulary().names


@dataclass(frozen=True)
class Column:
    """One column of the table: where it is, the header text seen, the field it was mapped to."""

    index: int
    header: str
    field: str | None
    how: str  # vocabulary | group | year | column-map | unknown
    award: str | None = None  # an award named by the header itself ("LĐTT 2021"), for yes-marks

    @property
    def letter(self) -> str:
        """The spreadsheet letter of the column (A, B, …, AA)."""
        return column_letter(self.index)


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


_NOT_ACHIEVEMENT = re.compile(
    r"^(ngay|nam|thang) (thang )?(nam )?sinh|^sinh|tuyen dung|vao nganh|^ngay|giai doan|thoi gian|tu nam|den nam"
)
_DECISION_LABEL = re.compile(r"^(so )?(va )?(ngay )?(thang )?(nam )?(qd|quyet dinh)|^so ngay|^so va ngay|^so hieu")
_AWARD_PARENT = re.compile(r"^(de nghi|danh hieu (thi dua )?de nghi|hinh thuc (khen thuong )?de nghi|"
                           r"danh hieu hinh thuc de nghi|de nghi (tang|khen|danh hieu|hinh thuc)|khen thuong de nghi)")


def one_year(key: str) -> int | None:
    """The one achievement year a folded header names, or None (no year, or a range of several).

    "2021", "nam 2021" → 2021. A school year "2022 2023" (fold turned "2022-2023" into that), "nam hoc
    2022 2023" or "2022 23" → 2023: the year the school year ends, the year its results are assessed
    (see columns.yaml). Two years that are not consecutive ("giai doan 2020 2024") are a period, not a year.
    """
    years = [int(y) for y in _YEAR.findall(key)]
    if not years:
        return None
    short = re.search(r"(?<!\d)((?:19|20)\d{2}) (\d{2})(?!\d)", key)
    if len(years) == 1:
        if short and (years[0] + 1) % 100 == int(short[2]):
            return years[0] + 1
        return years[0]
    if len(years) == 2 and years[1] == years[0] + 1:
        return years[1]
    return years[0] if len(set(years)) == 1 else None


def _strip_year(key: str) -> str:
    rest = re.sub(r"(?<!\d)(19|20)\d{2}( (19|20)?\d{2})?(?!\d)", " ", key)
    rest = re.sub(r"\bnam hoc\b|\bnam\b", " ", rest)
    return " ".join(rest.split())


def _with_year(index: int, header: str, keys: list[str], award_of: Any) -> Column | None:
    """A column whose header path names one achievement year (at any level): rating.Y, title.Y,
    title_decision.Y (the decision of that year's title), discipline.Y."""
    found = [(k, y) for k, key in enumerate(keys) if not _NOT_ACHIEVEMENT.search(key) and (y := one_year(key))]
    if len({y for _k, y in found}) != 1:
        return None
    at, year = found[0]
    rest = [_strip_year(key) for key in keys]
    below = [r for r in rest[at + 1:] if r]
    context = " ".join(r for r in rest if r)
    if below and _DECISION_LABEL.search(below[-1]):
        return Column(index, header, f"title_decision.{year}", "year") if _TITLE_WORDS.search(context) else None
    if re.search(r"ky luat", context):
        return Column(index, header, f"discipline.{year}", "year")
    if re.search(r"sang kien|de tai|giai phap", context):
        return None
    if _RATING_WORDS.search(context):
        return Column(index, header, f"rating.{year}", "year")
    own = rest[at]
    award = award_of(own) if own else None
    if _TITLE_WORDS.search(context) or award:
        return Column(index, header, f"title.{year}", "year", award)
    return None


# A header that names an award the person already has: "Bằng khen Thủ tướng đã nhận", "CSTĐCS các năm",
# "Chiến sĩ thi đua cơ sở đã đạt". Its cells give what the header leaves out: the years of a danh hiệu
# (history), or the decision and period of a hình thức khen thưởng (prior_award).
_HELD = re.compile(r"^(.+?) (da (duoc )?(nhan|tang|dat|co)|duoc tang|(qua )?cac nam( da dat| dat duoc)?|nam (dat|duoc tang|nhan))$")


def _held_award(index: int, header: str, key: str, award_of: Any) -> Column | None:
    m = _HELD.fullmatch(key)
    award = award_of(m[1]) if m else None
    spec = catalogue().get(award) if award else None
    if spec is None:
        return None
    return Column(index, header, "history" if spec.kind == "title" else "prior_award", "vocabulary", award)


def map_path(index: int, path: Sequence[str], colmap: Mapping[str, str] | None, award_of: Any) -> Column:
    """Map one column from its header path (one to three rows: parent › … › own label)."""
    labels = [clean(p) for p in path if p and clean(p)]
    header = " / ".join(labels)
    keys = [fold(lab) for lab in labels]
    if not keys:
        return Column(index, header, None, "unknown")
    if colmap:
        for candidate in (fold(header), keys[-1], keys[0]):
            if candidate and candidate in colmap:
                return Column(index, header, colmap[candidate], "column-map")
    by_year = _with_year(index, header, keys, award_of)
    if by_year is not None:
        return by_year
    own = keys[-1]
    if len(keys) > 1:
        parents = keys[:-1]
        if any(_AWARD_PARENT.search(p) for p in parents):  # "Đề nghị" › "LĐTT" | "CSTĐCS": ticks
            award = award_of(own)
            if award:
                return Column(index, header, "award_mark", "group", award)
        for parent_key in reversed(parents):
            group = _group_of(parent_key)
            if group is not None:
                for pattern, name in group.subs:
                    if pattern.search(own):
                        return Column(index, header, name, "group")
                break
        found = match_label(labels[-1])
        if found:
            return Column(index, header, found, "vocabulary")
        held = _held_award(index, header, own, award_of)
        if held is not None:
            return held
        found = match_label(" ".join(labels))  # "Số lao động đạt danh hiệu" › "LĐTT": the words read together
        if found:
            return Column(index, header, found, "vocabulary")
        for parent in reversed(labels[:-1]):
            found = match_label(parent)
            if found:
                return Column(index, header, found, "vocabulary")
        return Column(index, header, None, "unknown")
    found = match_label(labels[0])
    if found is None:
        held = _held_award(index, header, keys[0], award_of)
        if held is not None:
            return held
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
    first: int | None = None  # the first row that is a full header (a name and two more fields)
    for i, row in enumerate(rows[:SCAN_ROWS]):
        score, has_name = _row_score(row, colmap)
        if (has_name and score >= 2) or score >= 3:
            rank = score + (2 if has_name else 0)
            if best is None or rank > best[1]:
                best = (i, rank)
            if first is None and has_name and score >= 3:
                first = i
    if best is None:
        return None
    # Two tables on one sheet (individuals, then collectives): the first is the list's header; the second
    # is read after the first table's footer (see tdkt.ingest.nominations.read_nominations).
    top = first if first is not None else best[0]
    depth = min(len(rows), top + 4)
    width = max((len(rows[j]) for j in range(top, depth)), default=0)

    def padded(j: int) -> list[CellValue]:
        return list(rows[j]) + [None] * (width - len(rows[j]))

    levels = [padded(top)]
    header_rows = [top + 1]
    nxt = top + 1
    name_col = next(
        (j for j, v in enumerate(levels[0]) if isinstance(v, str) and match_label(v, colmap) == "name"), None
    )
    while len(levels) < 3 and nxt < len(rows) and not _is_numbering(rows[nxt]):
        cand = padded(nxt)
        if not _is_sub_header(cand, levels, name_col):
            break
        levels.append(cand)
        header_rows.append(nxt + 1)
        nxt += 1
    if nxt < len(rows) and _is_numbering(rows[nxt]):
        header_rows.append(nxt + 1)
        nxt += 1
    paths = _paths(levels, width)
    columns: list[Column] = []
    for j in range(width):
        if not paths[j]:
            if name_col is not None and j == name_col + 1:  # "Họ và tên" merged over two columns: "Họ đệm" | "Tên"
                columns.append(Column(j, clean(_label(levels[0][name_col])), "name_part", "group"))
            continue
        columns.append(map_path(j, paths[j], colmap, award_of))
    title = " ".join(clean(_text(v)) for r in rows[:top] for v in r if isinstance(v, str) and v.strip())
    header = Header(rows=tuple(header_rows), data_start=nxt, columns=columns, title=title)
    for col in columns:
        if col.field and col.field not in header.by_field:
            header.by_field[col.field] = col
    return header


def _label(value: CellValue) -> str:
    """A header cell as text: a year typed as a number (2021) is a label like any other."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2100:
        return str(value)
    return ""


def _is_sub_header(cand: Sequence[CellValue], levels: Sequence[Sequence[CellValue]], name_col: int | None) -> bool:
    """A row under the header that continues it: labels only (text or year numbers), nothing in the name
    column, and at least one label under a spanning parent, a group parent, or naming a year."""
    labels = [j for j, v in enumerate(cand) if v is not None and _label(v)]
    if not labels or any(v is not None and not _label(v) for v in cand):
        return False
    if any(len(_label(cand[j])) > 200 for j in labels):
        return False
    if name_col is not None and cand[name_col] is not None:
        return False
    last = levels[-1]
    return any(
        last[j] is None or isinstance(cand[j], int) or _YEAR.search(_label(cand[j]))
        or any(_group_of(fold(_label(lv[j]))) for lv in levels)
        for j in labels
    )


def _paths(levels: Sequence[Sequence[CellValue]], width: int) -> list[list[str]]:
    """Each column's header path, top to bottom. An empty cell at a level belongs to the merged cell on its
    left when its column has a label further down (a parent spanning its children); otherwise the cell
    above was merged down over it."""
    deeper = [[any(_label(levels[d][j]) for d in range(k + 1, len(levels))) for j in range(width)]
              for k in range(len(levels))]
    paths: list[list[str]] = [[] for _ in range(width)]
    for k, level in enumerate(levels):
        carry = ""
        for j in range(width):
            own = _label(level[j])
            if own:
                carry = own
                paths[j].append(own)
                continue
            if not deeper[k][j] or any(_label(levels[u][j]) for u in range(k)):
                carry = ""  # a gap, or a new parent starts in this column above
                if not deeper[k][j]:
                    continue
            if carry:
                paths[j].append(carry)
    return paths


_DATE_LINE = re.compile(r"\bngay\b(?: [^ ]+){0,2} thang(?: [^ ]+){0,2} nam (?:19|20)\d{2}|"
                        r"\bngay \d{1,2} \d{1,2} (?:19|20)\d{2}")
_Y = r"((?:19|20)\d{2})(?: ((?:19|20)?\d{2}))?"
_PERIOD = re.compile(rf"\btu(?: nam)?(?: hoc)? {_Y} (?:den|toi)(?: nam)?(?: hoc)? {_Y}|\bgiai doan(?: nam)?(?: hoc)? {_Y} {_Y}")


def _end(first: str, second: str | None) -> int:
    """A year, or the end of a school year written "2022-2023" / "2022-23"."""
    y = int(first)
    if second and (int(second) == y + 1 or (len(second) == 2 and int(second) == (y + 1) % 100)):
        return y + 1
    return y


def achievement_year(text: str) -> tuple[int | None, tuple[int, int] | None]:
    """The achievement year a list's title names, and the window when it names a period.

    A period ("từ năm 2020 đến năm 2024", "giai đoạn 2020-2024", "từ năm học 2017-2018 đến năm học
    2021-2022") is a window ending at its last year, and that last year is the achievement year; a school
    year ends in its second calendar year. The date line ("Hải Đông, ngày … tháng 6 năm 2024") and the
    dates of referenced documents ("Tờ trình số 35/TTr-… ngày 20/02/2025") are not the achievement year.
    """
    key = _DATE_LINE.sub(" ", fold(text))
    m = _PERIOD.search(key)
    if m:
        g = m.groups()
        a, b, c, d = g[0:4] if g[0] else g[4:8]
        start, end = _end(a, b), _end(c, d)
        return end, (start, end)
    m = re.search(rf"\bnam(?: hoc)? {_Y}", key)
    if m:
        return _end(m[1], m[2]), None
    years = {int(y) for y in _YEAR.findall(key)}
    if len(years) == 1:
        return years.pop(), None
    if len(years) == 2 and max(years) == min(years) + 1:
        return max(years), None  # a school year alone: "2023-2024"
    return None, None


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
        'Tiêu đề nêu tên khen thưởng đã có ("Bằng khen Thủ tướng đã nhận", "CSTĐCS các năm", "Chiến sĩ thi đua '
        'cơ sở đã đạt"): ô ghi các năm của danh hiệu đó (`history`) hoặc thời gian thành tích, số quyết định của '
        "hình thức khen thưởng đó (`prior_award`).",
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

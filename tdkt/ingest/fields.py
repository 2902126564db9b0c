"""Field handlers: one function per canonical column that turns a cell into facts of the row (or a
finding naming the cell), and the table ``HANDLERS`` of field → handler."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

import msgspec

from tdkt import fastpaths, messages
from tdkt.cache import Cache, cached
from tdkt.findings import CellRef, Finding
from tdkt.ingest import values
from tdkt.ingest.headers import Column
from tdkt.ingest.layout import clean, fold, resolve_award
from tdkt.ingest.names import maybe_more, read_name
from tdkt.ingest.sources import CellValue
from tdkt.models import Unclear, validated

_SPLIT = re.compile(r"[;\n]+")


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
    stated: frozenset[str] | None = None  # the Nominee fields the sheet has a column for
    unclear: list[Unclear] = field(default_factory=list)  # the row's cells not understood (reset per row)
    # A share column's index → what a bare 1 in it means (values.percent_one); absent: it cannot be told.
    percent_one: dict[int, float] = field(default_factory=dict)


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
R = TypeVar("R", bound=msgspec.Struct)


def build(cls: type[R], data: dict[str, Any]) -> R:
    """A record of values already checked by :mod:`tdkt.ingest.values`: built as is (every field given
    its type by the handlers), or with ``TDKT_PLAIN=1`` through the validating constructor."""
    return validated(cls, data) if fastpaths.PLAIN else cls(**data)


def _ref(ctx: _Ctx, col: Column) -> CellRef:
    return CellRef(file=ctx.file, sheet=ctx.sheet, row=ctx.row, column=col.letter, header=col.header)


# Findings that mean "this cell holds a value that was not understood": the cell also becomes an
# Unclear fact of the row, so that no criterion reading its field can pass on it (issue 13, invariant 2).
UNCLEAR_CODES = frozenset({
    "ingest.unknown-rating", "ingest.unknown-title", "ingest.bad-value", "ingest.bad-number", "ingest.bad-date",
    "ingest.unknown-code", "ingest.error-value", "ingest.rating-without-year", "ingest.implausible-number",
})
_YEARLY = re.compile(r"(rating|title|title_decision|discipline)\.(\d{4})")
# Column field → the Nominee field its facts go to (the fields criteria read; see predicates.REGISTRY).
_FACT_OF: dict[str, str] = {
    "rating": "history", "history": "history", "title": "history",
    **dict.fromkeys(("discipline", "discipline_period"), "disciplines"),
    **dict.fromkeys(("initiative", "research", "initiative_count", "initiative_level", "initiative_date",
                     "initiative_decision", "initiative_used_for"), "initiatives"),
    **dict.fromkeys(("prior_award", "prior_year", "prior_decision", "prior_decision_number", "prior_decision_date",
                     "prior_period", "prior_type", "decision", "decision_number", "decision_date", "period"),
                    "prior_awards"),
    "award_type": "award_type",
    **dict.fromkeys(("recruited_on", "months_of_service", "years_of_service"), "months_of_service"),
    **dict.fromkeys(("kind", "kind_code", "collective_type_code"), "kind"),
    **dict.fromkeys(("members", "completed_count", "ltt_count", "cstdcs_count", "disciplined_count", "women_percent",
                     "cluster", "cluster_rank"), "collective"),
}  # fmt: skip
# A column whose facts state a field even when its cell is empty ("no discipline" is said by an empty
# cell of a discipline column, not by a list without one). Ratings alone do not state the titles.
_STATES: dict[str, str] = {k: v for k, v in _FACT_OF.items() if k != "rating"}


@cached("tdkt.ingest.fact-of", 1024)  # a sheet's few column fields, asked once per cell
def fact_of(col_field: str) -> tuple[str, int | None] | None:
    """The Nominee field (and year) the facts of a column with canonical field ``col_field`` go to."""
    m = _YEARLY.fullmatch(col_field)
    if m:
        return (_FACT_OF[m[1]] if m[1] in _FACT_OF else "history" if m[1] != "discipline" else "disciplines",
                int(m[2]))
    got = _FACT_OF.get(col_field)
    return (got, None) if got else None


def stated_by(col_fields: Iterable[str]) -> frozenset[str]:
    """The Nominee fields a sheet with columns of ``col_fields`` states for every row."""
    out: set[str] = set()
    for f in col_fields:
        m = _YEARLY.fullmatch(f)
        root = m[1] if m else f
        if root in _STATES or (m and root in ("title", "title_decision", "discipline")):
            out.add("disciplines" if root == "discipline" else "history" if m else _STATES[root])
        if root in ("recruited_on", "months_of_service", "years_of_service"):
            out.add("recruited_on")
    return frozenset(out)


def unclear(ctx: _Ctx, col: Column, value: object) -> None:
    """Keep a cell of the row that was not understood as an Unclear fact of the row."""
    got = fact_of(col.field) if col.field else None
    if got is not None:
        text = value.strftime("%d/%m/%Y") if isinstance(value, dt.date) else clean(str(value))
        ctx.unclear.append(Unclear(field=got[0], cell=_ref(ctx, col), value=text[:80], year=got[1]))


def _report(ctx: _Ctx, code: str, col: Column, **params: Any) -> None:
    ctx.findings.append(messages.make(code, cell=_ref(ctx, col), **params))
    if code in UNCLEAR_CODES:
        unclear(ctx, col, params.get("value", ""))


_MISS: Any = object()
# raw text → its clean form (or None). Legacy-font text was converted when the file was read
# (tdkt.ingest.sources: one normalisation of every cell, before any handler).
_TEXT_MEMO: Cache[str, str | None] = Cache(1 << 18, "tdkt.ingest.text")


def _text(value: CellValue, col: Column, ctx: _Ctx) -> str | None:
    if isinstance(value, str):
        hit = _TEXT_MEMO.get(value, _MISS)
        if hit is not _MISS:
            return cast("str | None", hit)
        return _TEXT_MEMO.put(value, clean(value) or None)
    return values.to_text(value)


_LINES_MEMO: Cache[str, str | None] = Cache(1 << 16, "tdkt.ingest.lines")


def _lines(value: CellValue, col: Column, ctx: _Ctx) -> str | None:
    """:func:`_text`, with the cell's line breaks kept: in a cell of initiatives, disciplines or prior
    awards each line is one ("1. … - Cơ sở - 2024↵2. … - Cơ sở - 2025")."""
    if isinstance(value, str) and ("\n" in value or "\r" in value):
        hit = _LINES_MEMO.get(value, _MISS)
        if hit is not _MISS:
            return cast("str | None", hit)
        kept = "\n".join(line for part in value.splitlines() if (line := clean(part)))
        return _LINES_MEMO.put(value, kept or None)
    return _text(value, col, ctx)


def _plain(target: str, join: bool = False) -> Handler:
    def handle(value: CellValue, col: Column, facts: _Facts, ctx: _Ctx) -> None:
        text = _text(value, col, ctx)
        if text is not None:
            have = facts.data.get(target) if join else None
            facts.data[target] = text if have is None else f"{have}\n{text}"
            if have is None:
                facts.cells[target] = col

    return handle


def _name(value: CellValue, col: Column, facts: _Facts, ctx: _Ctx) -> None:
    if isinstance(value, str) and maybe_more(value):  # a position under the name, an honorific before it
        cell = read_name(value)
        if cell.name and (cell.position or cell.honorific):
            # An individual's name is the first line (assembly puts the whole text back for a collective).
            facts.data["name_cell"] = cell
            facts.data["name_raw"] = value
            facts.data["name"] = cell.name
            facts.cells["name"] = col
            if cell.position and "position" not in facts.data:  # a position column says it first
                facts.data["position"] = cell.position
                facts.cells["position"] = col
            if cell.gender and "gender" not in facts.data:
                facts.data["gender"] = cell.gender
                facts.cells["gender"] = col
            return
    text = _text(value, col, ctx)
    if text:
        facts.data["name_raw"] = value if isinstance(value, str) else text
        facts.data["name"] = text
        facts.cells["name"] = col


def _name_part(value: CellValue, col: Column, facts: _Facts, ctx: _Ctx) -> None:
    """The second column of a "Họ và tên" merged over two ("Đặng Thị Kim" | "Hạnh"): joined to the name."""
    text = _text(value, col, ctx)
    if not text:
        return
    if "name" in facts.data:
        facts.data["name"] = f"{facts.data['name']} {text}"
        raw = facts.data.get("name_raw")
        facts.data["name_raw"] = f"{raw} {value}" if isinstance(raw, str) and isinstance(value, str) else None
    else:
        facts.data["name"] = text
    facts.cells["name_part"] = col


def _award_mark(value: CellValue, col: Column, facts: _Facts, ctx: _Ctx) -> None:
    """A tick ('x', 'X', '✓', 1) under a per-award column ("Đề nghị" › "LĐTT" | "CSTĐCS"): the proposed award."""
    yes = values.to_bool(value)
    if yes is False:
        facts.cells.setdefault("award_mark", col)
        return
    if yes is True and col.award:
        if "award" in facts.data and facts.data["award"] != col.award:
            _report(ctx, "ingest.two-awards", col, value=value, header=col.header)
            return
        facts.data["award"] = col.award
        facts.data.setdefault("award_text", col.header)
        facts.cells["award"] = col
        return
    _report(ctx, "ingest.bad-value", col, value=value, header=col.header)


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


# The largest value a count column can hold: no unit, collective or list counts ten million of anything.
# A larger number (or a negative one) is a typing slip or a cell in the wrong column, never a fact; the
# bound also keeps every count a 64-bit integer, as JSON readers and SQLite hold them.
COUNT_MOST = 9_999_999
# Months of service: 60 years (720 months) is longer than any working life. A plausibility bound of
# this tool, not a threshold of law: the criteria ask for a few months at least (predicates.service).
MONTHS_MOST = 720
# Initiatives counted in one cell ("Số sáng kiến"): each becomes a record of the row, and no nomination
# lists a hundred. A plausibility bound too, not a threshold of law.
INITIATIVES_MOST = 99


def _in_range(n: int, most: int, value: CellValue, col: Column, ctx: _Ctx) -> bool:
    """True when a parsed count is 0…``most``; otherwise the cell is reported as a number that cannot be
    right and becomes an Unclear fact of the row (no criterion can pass on it)."""
    if 0 <= n <= most:
        return True
    _report(ctx, "ingest.implausible-number", col, value=value, header=col.header, most=f"{most:,}".replace(",", "."))
    return False


def _number(
    target: str, parse: Callable[[object], object], scale: int = 1, sub: str | None = None, most: int = COUNT_MOST
) -> Handler:
    def handle(value: CellValue, col: Column, facts: _Facts, ctx: _Ctx) -> None:
        n = parse(value)
        if n is values.BAD:
            _report(ctx, "ingest.bad-number", col, value=value, header=col.header)
        elif isinstance(n, int) and _in_range(n, most // scale, value, col, ctx):  # in the column's own unit
            bucket = facts.initiatives if sub == "initiative" else facts.data
            bucket[target] = n * scale
            facts.cells[f"initiatives.{target}" if sub == "initiative" else target] = col

    return handle


def _year(value: CellValue, col: Column, facts: _Facts, ctx: _Ctx) -> None:
    y = values.to_year(value)
    if y is values.BAD:
        _report(ctx, "ingest.bad-number", col, value=value, header=col.header)
    elif y is not None:
        facts.data["year"] = y
        facts.cells["year"] = col


def _yearly_ratings(text: str, col: Column, facts: _Facts) -> bool:
    """Ratings of several years in one cell ("2021: HTTNV; 2022: HTXSNV", one per line or ";"): read
    when every part is "year: rating"; otherwise nothing is read and the caller reports the cell."""
    got: dict[int, str] = {}
    for part in _SPLIT.split(text):
        if not part.strip():
            continue
        m = re.fullmatch(r"\s*(?:năm\s*)?((?:19|20)\d{2})\s*[:\-–]\s*(.+?)\s*", part, flags=re.IGNORECASE)
        r = values.to_rating(m[2]) if m else None
        if m is None or not isinstance(r, str):
            return False
        got[int(m[1])] = r
    for y, r in got.items():
        facts.history[y] = r
        facts.cells[f"rating.{y}"] = col
    return bool(got)


def _rating_for(year: int | None) -> Handler:
    memo: Cache[str, object] = Cache(65536)  # raw text → to_rating (a few spellings repeat down the column)
    key = f"rating.{year}"

    def handle(value: CellValue, col: Column, facts: _Facts, ctx: _Ctx) -> None:
        r = memo.get(value, _MISS) if type(value) is str else _MISS
        if r is _MISS:
            r = values.to_rating(value)
            if type(value) is str:
                memo.put(value, r)
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
            if year is None and isinstance(value, str) and _yearly_ratings(value, col, facts):
                return  # "2021: HTTNV; 2022: HTXSNV" — several years in one cell
            _report(ctx, "ingest.unknown-rating", col, value=value, header=col.header)
        elif year is not None:  # "-", "/": no rating that year, and a finding about it names this cell
            facts.cells[key] = col

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
    # the outcome of a text cell is cached by its raw text.
    memo: Cache[str, tuple[str, Any]] = Cache(65536)
    title_key, rating_key = f"title.{year}", f"rating.{year}"

    def handle(value: CellValue, col: Column, facts: _Facts, ctx: _Ctx) -> None:
        if value is None:
            return
        outcome = memo.get(value) if type(value) is str else None
        if outcome is None:
            outcome = _title_outcome(value, col, ctx)
            if outcome[0] == "titles":
                outcome = ("titles", tuple(dict.fromkeys(outcome[1])))  # in order, once each
            if type(value) is str:
                memo.put(value, outcome)
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
    """A wide history cell: "LĐTT 2019, 2020; CSTĐCS 2021" or "2019: HTXSNV, LĐTT; 2020: …"; under a header
    that names the title ("CSTĐCS các năm"), the years alone ("2021, 2023") or a negative ("Không")."""
    text = _text(value, col, ctx)
    if not text:
        return
    if col.award and values.says_none(text):
        facts.cells["history"] = col  # "Không", "Chưa", "-": not that title in any year
        return
    understood = False
    for segment in _SPLIT.split(text):
        years = values.years_in(segment)
        rest = re.sub(r"(19|20)\d{2}(\s*[-–]\s*(19|20)\d{2})?|\bnăm\b|:", " ", segment, flags=re.IGNORECASE)
        if not years:
            continue
        if col.award and not rest.strip(" ,;.+/()–-"):  # "2021, 2023, 2025" under "CSTĐCS các năm"
            for y in years:
                have = facts.titles.get(y, ())
                if col.award not in have:
                    facts.titles[y] = (*have, col.award)
            understood = True
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
            if isinstance(value, str):  # its words may state the award's type ("Hoàn thành xuất sắc nhiệm vụ năm 2019")
                bucket[f"{key}_text"] = clean(value)
        else:
            text = _lines(value, col, ctx)
            if text is None:
                return
            have = bucket.get(key)
            bucket[key] = text if have is None else f"{have}\n{text}"
        facts.cells.setdefault(f"{target}.{key}" if target != "data" else key, col)

    return handle


_PRIOR_TEXT = _bucket("prior", "text")


def _prior_award(value: CellValue, col: Column, facts: _Facts, ctx: _Ctx) -> None:
    """A prior award's cell; under a header that names the award ("Bằng khen Thủ tướng đã nhận") the cell
    gives its period and decision, and the header its award."""
    _PRIOR_TEXT(value, col, facts, ctx)
    if col.award:
        facts.prior["award"] = col.award


_LEVEL_TEXT = _bucket("initiatives", "level")
_TYPE_TEXT = _bucket("data", "award_type")


def _award_type(value: CellValue, col: Column, facts: _Facts, ctx: _Ctx) -> None:
    """Loại hình khen thưởng of the row's award (công trạng, đột xuất, chuyên đề…): kept as written; a text
    that names no loại hình is not understood (the criteria of the packs are those of công trạng)."""
    from tdkt.award_types import award_type

    _TYPE_TEXT(value, col, facts, ctx)
    text = facts.data.get("award_type")
    if text and award_type(text) is None and not values.placeholder(text):
        _report(ctx, "ingest.bad-value", col, value=value, header=col.header)


def _initiative_title(kind: str) -> Handler:
    """Initiative (or research) titles, one per line; a header that gives the level ("Sáng kiến kinh
    nghiệm cấp cơ sở") gives it to the titles of its column that do not say theirs."""
    keep = _bucket("initiatives", kind)

    def handle(value: CellValue, col: Column, facts: _Facts, ctx: _Ctx) -> None:
        keep(value, col, facts, ctx)
        level = values.level_in_header(col.header)
        if level is not None:
            facts.initiatives.setdefault("header_level", level)

    return handle
_DISCIPLINE_TEXT = _bucket("disciplines", "form")


def _discipline(value: CellValue, col: Column, facts: _Facts, ctx: _Ctx) -> None:
    """A discipline cell. A tick ("x", "Có") under a column that names the form or the investigation
    ("Đang bị xem xét kỷ luật", "Khiển trách") is that form, as the header says; otherwise the text."""
    if values.to_bool(value) is True:
        meant = values.to_discipline(col.header)
        if isinstance(meant, tuple) and meant[0] != "other":
            facts.disciplines.setdefault("items", []).append((col.header, ""))
            facts.cells.setdefault("disciplines.form", col)
            return
    _DISCIPLINE_TEXT(value, col, facts, ctx)
    text = _lines(value, col, ctx) or ""
    if any(isinstance(p := values.to_discipline(line), tuple) and p[0] == "other" for line in _SPLIT.split(text)):
        _report(ctx, "ingest.bad-value", col, value=value, header=col.header)  # a form not named: kept, unclear


def _initiative_level(value: CellValue, col: Column, facts: _Facts, ctx: _Ctx) -> None:
    """The level of recognition, one per line (as the initiatives): kept as text for assemble, and a
    line that names no level is reported here, with its cell (a level not understood is no level)."""
    _LEVEL_TEXT(value, col, facts, ctx)
    if type(value) is str:  # a few spellings fill the column: each is judged once
        bad = _LEVEL_BAD.get(value)
        if bad is None:
            text = _lines(value, col, ctx) or ""
            bad = _LEVEL_BAD.put(value, any(values.to_level(p) is values.BAD for p in _SPLIT.split(text) if p.strip()))
        if bad:
            _report(ctx, "ingest.bad-value", col, value=value, header=col.header)
    elif values.to_level(values.to_text(value)) is values.BAD:  # a number or a date is no level
        _report(ctx, "ingest.bad-value", col, value=value, header=col.header)
    if type(value) is str and "years" not in facts.initiatives and _FOUR_DIGITS.search(value):
        # "Cấp, năm công nhận": "Cấp cơ sở, 2024" — the year of each line with its level
        parts = [values.level_part(p) for p in _SPLIT.split(value) if p.strip()]
        if parts and all(p is not None and p[1] is not None for p in parts):
            facts.initiatives["years"] = [p[1] for p in parts if p is not None]
            facts.cells["initiatives.year"] = col


_FOUR_DIGITS = re.compile(r"\d{4}")
_LEVEL_BAD: Cache[str, bool] = Cache(1 << 14, "tdkt.ingest.level-bad")


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


# The working age of the birth check (ingest.suspicious-birth): nobody is recruited younger. A
# plausibility bound of this tool, as MONTHS_MOST is, not a threshold of law.
WORKING_AGE = 15


def check_recruited(facts: _Facts, ctx: _Ctx) -> None:
    """A row's recruitment date that cannot be right — still to come, before the person was WORKING_AGE by
    the row's birth year, or longer ago than any working life (MONTHS_MOST) — is not a fact: the cell is named
    (ingest.implausible-date) and the date becomes an Unclear fact, so the service criterion cannot pass
    on it. Called once a row's cells are all read: the birth and recruitment columns come in any order."""
    hired: dt.date = facts.data["recruited_on"]
    born = facts.data.get("birth_year")
    named = False  # the finding is already there
    if hired > ctx.today:
        why, named = "ở tương lai", facts.cells["recruited_on"].field == "recruited_on"  # its column said future-date
    elif born is not None and hired.year < born:
        why = f"trước năm sinh {born}"
    elif born is not None and hired.year - born < WORKING_AGE:
        why = f"khi mới {hired.year - born} tuổi (năm sinh {born})"
    elif (ctx.year or ctx.today.year) - hired.year > MONTHS_MOST // 12:
        why = f"hơn {MONTHS_MOST // 12} năm trước năm xét"
    else:
        return
    col = facts.cells.pop("recruited_on")  # the date column, or the note that said it
    del facts.data["recruited_on"]
    text = hired.strftime("%d/%m/%Y")
    not_a_fact(facts, ctx, "months_of_service", text, None if named else "ingest.implausible-date", col=col,
               value=text, header=col.header, why=why)


def not_a_fact(facts: _Facts, ctx: _Ctx, field: str, text: str, code: str | None, *, col: Column | None = None,
               **params: Any) -> None:
    """A stated fact of the row's Nominee ``field`` that cannot be right: named by ``code`` (None: the cell's
    own handler has named it) on ``col``, else on the first column of the row that states that field, else
    on the row; and an Unclear fact of the row, so no criterion reading ``field`` can pass on it."""
    if col is None:
        col = next((c for c in facts.cells.values() if c.field and (fact_of(c.field) or ("",))[0] == field), None)
    cell = _ref(ctx, col) if col is not None else CellRef(file=ctx.file, sheet=ctx.sheet, row=ctx.row, column=None,
                                                         header=None)
    if code is not None:
        ctx.findings.append(messages.make(code, cell=cell, text=clean(text)[:80], **params))
    ctx.unclear.append(Unclear(field=field, cell=cell, value=clean(text)[:80]))


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
    plain = _plain(target, join=True)

    def handle(value: CellValue, col: Column, facts: _Facts, ctx: _Ctx) -> None:
        plain(value, col, facts, ctx)
        text = facts.data.get(target)
        if isinstance(text, str) and target == "note":
            for t in values.specials(text):
                if t not in facts.specials:
                    facts.specials.append(t)
                    facts.cells.setdefault("special", col)
            said = values.note_disciplines(str(value)) if isinstance(value, str) else []  # its lines kept
            hired = values.note_recruited(str(value)) if isinstance(value, str) and "recruited_on" not in facts.data else None
            if hired is not None:  # "Tuyển dụng từ ngày 1/9/2025": the recruitment date, from the note
                _check_date(hired, col, ctx)
                facts.data["recruited_on"] = hired
                facts.cells["recruited_on"] = col
            if said:  # a discipline or a pending investigation written in the note counts as one
                facts.disciplines.setdefault("items", []).extend((part, "") for part in said)
                facts.cells["disciplines"] = col  # findings about the discipline name the note that states it

    return handle


def _percent(value: CellValue, col: Column, facts: _Facts, ctx: _Ctx) -> None:
    if value == 1 and type(value) is int:  # a number cell of 1: 1 %, or a percent cell shown as 100 %
        one = ctx.percent_one.get(col.index)
        if one is None:  # left unknown: only the tie preference reads it (tally), which then says so
            ctx.findings.append(messages.make("ingest.ambiguous-percent", cell=_ref(ctx, col), header=col.header))
            return
        p: float | object | None = one
    else:
        p = values.to_percent(value)
    if p is values.BAD:
        _report(ctx, "ingest.bad-number", col, value=value, header=col.header)
    elif isinstance(p, float) and not 0 <= p <= 100:  # NaN too: a share of the members is 0…100 %
        _report(ctx, "ingest.implausible-number", col, value=value, header=col.header, most="100 %")
    elif p is not None:
        facts.data["women_percent"] = p
        facts.cells["collective.women_percent"] = col


def _collective(target: str) -> Handler:
    parse = {"disciplined": values.disciplined_count, "cluster_rank": values.to_rank}.get(target, values.to_int)

    def handle(value: CellValue, col: Column, facts: _Facts, ctx: _Ctx) -> None:
        n = parse(value)
        if n is values.BAD:
            _report(ctx, "ingest.bad-number", col, value=value, header=col.header)
        elif isinstance(n, int) and _in_range(n, COUNT_MOST, value, col, ctx):
            facts.data[target] = n
            facts.cells[f"collective.{target}"] = col

    return handle


def _ignore(value: CellValue, col: Column, facts: _Facts, ctx: _Ctx) -> None:
    """A fact read and kept with its cell, that no criterion uses (address, sector)."""
    if col.field:
        facts.cells.setdefault(col.field, col)


def _discipline_for(year: int) -> Handler:
    """ "Kỷ luật năm 2021": the form written under the year, that year."""

    def handle(value: CellValue, col: Column, facts: _Facts, ctx: _Ctx) -> None:
        text = _text(value, col, ctx)
        if text is None:
            return
        facts.disciplines.setdefault("items", []).append((text, str(year)))
        facts.cells.setdefault(f"disciplines.{year}", col)

    return handle


HANDLERS: dict[str, Handler] = {
    "stt": _plain("stt"),
    "name": _name,
    "name_part": _name_part,
    "award_mark": _award_mark,
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
    "prior_award": _prior_award,
    "prior_year": _bucket("prior", "year", "year"),
    "prior_decision": _bucket("prior", "decision"),
    "prior_decision_number": _bucket("prior", "decision_number"),
    "prior_decision_date": _bucket("prior", "decision_date", "date"),
    "prior_period": _bucket("prior", "period", "period"),
    "prior_type": _bucket("prior", "type"),
    "award_type": _award_type,
    "decision": _bucket("data", "decision"),
    "decision_number": _bucket("data", "decision_number"),
    "decision_date": _bucket("data", "decision_date", "date"),
    "period": _bucket("data", "period", "period"),
    "initiative": _initiative_title("sang_kien"),
    "research": _initiative_title("de_tai"),
    "initiative_count": _number("count", values.to_int, sub="initiative", most=INITIATIVES_MOST),
    "initiative_level": _initiative_level,
    "initiative_date": _initiative_years,
    "initiative_decision": _bucket("initiatives", "decision"),
    "initiative_used_for": _bucket("initiatives", "used_for"),
    "discipline": _discipline,
    "discipline_period": _bucket("disciplines", "period"),
    "recruited_on": _recruited,
    "months_of_service": _number("months_of_service", values.to_int, most=MONTHS_MOST),
    "years_of_service": _number("months_of_service", values.to_int, scale=12, most=MONTHS_MOST),
    "special": _special,
    "note": _note("note"),
    "achievement": _plain("achievement", join=True),
    "members": _collective("members"),
    "completed_count": _collective("completed"),
    "ltt_count": _collective("ltt"),
    "cstdcs_count": _collective("cstdcs"),
    "disciplined_count": _collective("disciplined"),
    "women_percent": _percent,
    "cluster": _plain("cluster"),
    "cluster_rank": _collective("cluster_rank"),
    "priority": _number("priority", values.to_int),
}


def handler_for(name: str) -> Handler:
    m = re.fullmatch(r"(rating|title|title_decision|discipline)\.(\d{4})", name)
    if m:
        year = int(m[2])
        if m[1] == "title_decision":
            return _ignore
        if m[1] == "discipline":
            return _discipline_for(year)
        return _rating_for(year) if m[1] == "rating" else _title_for(year)
    return HANDLERS[name]

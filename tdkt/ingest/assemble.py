"""Assembling a row's facts into a Nominee: prior awards, initiatives, disciplines, the collective's
facts, and the sharing of equal histories and initiatives between rows."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any, cast

import msgspec

from tdkt import awards, messages
from tdkt.award_types import award_type
from tdkt.cache import Cache, cached
from tdkt.findings import CellRef
from tdkt.ingest import values
from tdkt.ingest.fields import _SPLIT, _Ctx, _Facts, _ref, build, not_a_fact
from tdkt.ingest.layout import resolve_award
from tdkt.ingest.names import NameCell, is_household
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
from tdkt.text import clean, title_words

_DECISION_NO = re.compile(r"(?:s[oố]\s*:?\s*)?(\d+[^\s,;]*/[^\s,;]*[A-Za-zĐđ][^\s,;]*)")
_DATE_IN_TEXT = re.compile(r"(\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4})")


# --- assembling a nominee ----------------------------------------------------------------------


def _decision_parts(text: str) -> tuple[str | None, dt.date | None]:
    number = _DECISION_NO.search(text)
    date = _DATE_IN_TEXT.search(text)
    parsed = values.to_date(date[1].replace(" ", "")) if date else None
    # "(QĐ 88/QĐ-CTN)": the bracket or stop after the number is the sentence's, not the number's
    return (number[1].rstrip(").,") if number else None, parsed if isinstance(parsed, dt.date) else None)


def _prior_awards(facts: _Facts, award_id: str | None, ctx: _Ctx) -> tuple[PriorAward, ...]:
    out: list[PriorAward] = []
    p = facts.prior
    if p:
        texts = _SPLIT.split(p["text"]) if "text" in p else [""]
        types = [t.strip() for t in _SPLIT.split(p.get("type", ""))]  # a "Loại hình" column: one per award, or one for all
        for k, text in enumerate(texts):
            text = text.strip()
            type_text = types[k] if k < len(types) else types[0] if len(types) == 1 else ""
            number, date = _decision_parts(p.get("decision", "") or text)
            years = values.years_in(_DATE_IN_TEXT.sub(" ", _DECISION_NO.sub(" ", text)))
            period = p.get("period") or ((min(years), max(years)) if len(years) > 1 else (None, None))
            year = p.get("year") or (years[0] if len(years) == 1 else None)
            pd = p.get("decision_date")
            named = resolve_award(text, ctx.extra) if text else None
            if named is None and text and "award" in p and not values.says_none(text):
                named = p["award"]  # "Bằng khen Thủ tướng đã nhận" › "Về thành tích … từ năm 2016 đến năm 2020"
            out.append(PriorAward(
                award=named,
                award_text=text or None, year=year, period_from=period[0], period_to=period[1],
                decision_number=p.get("decision_number") or number,
                decision_date=pd if isinstance(pd, dt.date) else date, source="list",
                type=award_type(type_text) if type_text else award_type(text) or award_type(p.get("period_text")),
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
            "type": award_type(d.get("award_type") or d.get("award_text")) or award_type(d.get("period_text")),
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
    decisions = [d.strip() for d in _SPLIT.split(decision)] if decision else []
    header_level = i.get("header_level")

    def decided(k: int) -> int | None:  # the year of the decision that recognised initiative k ("…ngày 10/11/2023")
        text = pick(decisions, k) if decisions else None
        found = values.years_in(text) if text else []
        return found[-1] if found else None

    def pick(seq: Sequence[Any], k: int) -> Any:
        return seq[k] if k < len(seq) else seq[0] if len(seq) == 1 else None

    def recognised(k: int) -> bool:  # a year in the recognition column, or a dated decision ("Không" is neither)
        return pick(years, k) is not None or decided(k) is not None

    out: list[Initiative] = []
    for kind in ("sang_kien", "de_tai"):
        for title in _SPLIT.split(i.get(kind, "")):
            title = title.strip()
            if not title or values.no_initiative(title):  # "Không", "0", "-": the cell says there is none
                continue
            alone = values.level_part(title)
            if alone is not None and out and out[-1].kind == kind:
                # "tên; cấp; năm" (as many headers ask): a part that is only a level belongs to the title before it
                last = out[-1]
                out[-1] = msgspec.structs.replace(last, level=last.level or cast(Level, alone[0]),
                                                  year=last.year or alone[1])
                continue
            if out and out[-1].kind == kind and out[-1].year is None and re.fullmatch(r"(?:năm\s*)?(?:19|20)\d{2}", title.lower()):
                out[-1] = msgspec.structs.replace(out[-1], year=int(title[-4:]))
                continue
            name, level, year = values.split_level(title)
            k = len(out)
            in_title = values.years_in(name)  # "Sáng kiến kinh nghiệm năm học 2022-2023": its school year, 2023
            out.append(build(Initiative, {
                "kind": kind, "title": name, "level": pick(levels, k) or level or header_level or values.level_said(name),
                "year": pick(years, k) or year or decided(k) or (in_title[-1] if in_title else None),
                "used_for": used_for, "decision": pick(decisions, k) if decisions else decision,
                "recognised": recognised(k),
            }))  # fmt: skip
    count = i.get("count")
    if isinstance(count, int) and count > len(out):
        out.extend(
            build(Initiative, {
                "kind": "sang_kien", "title": None, "level": pick(levels, k) or header_level, "year": pick(years, k),
                "used_for": used_for, "decision": decision, "recognised": recognised(k),
            })
            for k in range(len(out), count)
        )  # fmt: skip
    return tuple(out)


def _disciplines(facts: _Facts, ctx: _Ctx) -> tuple[Discipline, ...]:
    """Every discipline the row states: one per line of a discipline column, one per discipline column
    (a "Hình thức kỷ luật" beside an "Đang bị xem xét kỷ luật / thanh tra"), one per "Kỷ luật năm YYYY".

    A discipline dated in a year still to come cannot be right (a slip: "2042" for "2024"): it is kept
    without its year, named (ingest.future-year) and an Unclear fact of the row, so a criterion on
    disciplines cannot pass on it as if it fell outside the years it looks at."""
    d = facts.disciplines
    if not d:
        return ()
    items: list[tuple[str, str]] = [(line, str(d.get("period", ""))) for line in _SPLIT.split(str(d.get("form") or ""))]
    items += d.get("items", [])
    out: list[Discipline] = []
    for text_in, period in items:
        parsed = values.to_discipline(text_in.strip() or None)
        if not isinstance(parsed, tuple):
            continue
        form, text = parsed
        years = values.years_in(f"{period} {text}")
        year = years[-1] if years else None
        if year is not None and year > ctx.today.year:
            not_a_fact(facts, ctx, "disciplines", text, "ingest.future-year", year=year, this_year=ctx.today.year)
            year = None
        out.append(Discipline(
            form=None if form == "pending" else form, form_text=text, year=year,
            start=None, end=None, pending=form == "pending",
        ))  # fmt: skip
    return tuple(out)


def _check_initiatives(found: tuple[Initiative, ...], facts: _Facts, ctx: _Ctx) -> tuple[Initiative, ...]:
    """An initiative recognised in a year still to come cannot be right: kept without its year (a criterion
    with a window then cannot count it either way), named (ingest.future-year) and an Unclear fact."""
    this_year = ctx.today.year
    if not found or all(i.year is None or i.year <= this_year for i in found):
        return found
    out = []
    for i in found:
        if i.year is not None and i.year > this_year:
            not_a_fact(facts, ctx, "initiatives", i.title or i.decision or str(i.year), "ingest.future-year",
                       col=facts.cells.get("initiatives.year"), year=i.year, this_year=this_year)
            i = msgspec.structs.replace(i, year=None)
        out.append(i)
    return tuple(out)


def _check_prior(awards: tuple[PriorAward, ...], facts: _Facts, ctx: _Ctx) -> None:
    """A prior award dated in a year still to come, or before the person's birth year, cannot be right:
    a criterion on prior awards (how many years since the last one) is then "cần xem xét", never "Đạt"."""
    born = facts.data.get("birth_year")
    for a in awards:
        years = [y for y in (a.period_from, a.period_to, a.year, a.decision_date.year if a.decision_date else None)
                 if y is not None]
        if not years:
            continue
        text = a.award_text or a.decision_number or ""
        if max(years) > ctx.today.year:
            not_a_fact(facts, ctx, "prior_awards", text, "ingest.future-year", year=max(years),
                       this_year=ctx.today.year)
        elif born is not None and min(years) < born:
            not_a_fact(facts, ctx, "prior_awards", text, "ingest.before-birth", year=min(years), born=born)


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
# Equal histories and initiatives down a list share one tuple of records (none under TDKT_PLAIN=1).
_HISTORIES: Cache[tuple[Any, ...], tuple[YearRecord, ...]] = Cache(1 << 16, "tdkt.ingest.histories")
_INITIATIVES: Cache[tuple[Any, ...], tuple[Initiative, ...]] = Cache(1 << 16, "tdkt.ingest.initiatives")


def _history_of(facts: _Facts) -> tuple[YearRecord, ...]:
    """The row's years as YearRecords. Frozen and repeating down a list (a few ratings and titles
    over a few years), so equal histories share one tuple of records."""
    hist, tits = facts.history, facts.titles
    if not hist and not tits:
        return ()
    sig = (tuple(hist.items()), tuple(tits.items()))  # column order: the same down a sheet
    out = _HISTORIES.get(sig)
    if out is None:
        out = _HISTORIES.put(sig, tuple(
            build(YearRecord, {"year": y, "rating": hist.get(y), "titles": tits.get(y, ())})
            for y in sorted(hist.keys() | tits.keys())
        ))
    return out


def _initiatives_of(facts: _Facts) -> tuple[Initiative, ...]:
    """:func:`_initiatives`, shared between rows that say the same (e.g. "1" initiative at "cơ sở")."""
    i = facts.initiatives
    if not i:
        return ()
    sig = tuple([(k, tuple(v) if type(v) is list else v) for k, v in i.items()])
    out = _INITIATIVES.get(sig)
    return out if out is not None else _INITIATIVES.put(sig, _initiatives(facts))


# Every field of a Nominee with its default, in the record's order (the order of the JSON record).
_BLANK: dict[str, Any] = {
    f.name: None if f.required else f.default_factory() if f.default is msgspec.NODEFAULT else f.default
    for f in msgspec.structs.fields(Nominee)
}
@cached("tdkt.ingest.kind-of-award", 4096)
def _kind_of_award(award_id: str) -> str | None:
    a = awards.catalogue().get(award_id)
    return "collective" if a is not None and a.for_ == "collective" else None


_CATEGORY_KIND: Cache[str, str | None] = Cache(4096)


def _kind_of_category(text: str) -> str | None:
    """The kind a "Đối tượng" cell says ("Hộ gia đình", "Cá nhân"), if it says one."""
    hit = _CATEGORY_KIND.get(text, _UNSEEN)
    if hit is not _UNSEEN:
        return cast("str | None", hit)
    kind = values.to_kind(text)
    return _CATEGORY_KIND.put(text, kind if isinstance(kind, str) else None)


_UNSEEN: Any = object()


def _name_parts_found(facts: _Facts, ctx: _Ctx, cell: NameCell) -> None:
    """Say what a name cell held besides the name (``ingest.name-parts``): the position goes to the
    position field unless a position column gave one, which is kept (and named when it differs)."""
    col = facts.cells["name"]
    extra = "; ".join(p for p in (cell.honorific, cell.position) if p)
    said = facts.data.get("position")
    if not cell.position:
        position = ""
    elif facts.cells.get("position") is col:
        position = f"; chức vụ '{cell.position}'"
    elif said != cell.position:
        position = f"; chức vụ theo cột chức vụ '{said}'"
    else:
        position = ""
    ctx.findings.append(messages.make(
        "ingest.name-parts", cell=_ref(ctx, col), name=cell.name, extra=extra, position=position))


def _nominee(facts: _Facts, ctx: _Ctx, sheet_award: str | None, sheet_kind: str | None) -> Nominee:
    d = facts.data
    award_id = d.get("award") or sheet_award
    raw = d["name"]  # already clean (see _text)
    # The row's own word first (a kind column, a "Đối tượng" cell, a household's name), then its
    # section's or sheet's, then the award's.
    found_kind: str | None = d.get("kind")
    if found_kind is None:
        category = d.get("staff_category")
        if category is not None:
            found_kind = _kind_of_category(str(category))
        if found_kind is None:
            found_kind = "household" if is_household(raw) else sheet_kind
    if found_kind is None and award_id:
        found_kind = _kind_of_award(award_id)
    kind = cast(Kind, found_kind or "individual")
    cell: NameCell | None = d.get("name_cell")
    if cell is not None:
        if kind == "individual":
            _name_parts_found(facts, ctx, cell)
        else:  # a collective's or household's name is the whole text ("Tổ Toán↵Trường THPT …"), as written
            raw = d["name"] = clean(str(d["name_raw"]))
            if facts.cells.get("position") is facts.cells.get("name"):
                d.pop("position", None)
            if facts.cells.get("gender") is facts.cells.get("name"):
                d.pop("gender", None)
    name = title_words(raw) if kind == "individual" else raw
    collective = None
    if kind != "individual" or not _COLLECTIVE_SET.isdisjoint(d):
        values_ = {k: d.get(k) for k in _COLLECTIVE_KEYS}
        if any(v is not None for v in values_.values()):
            collective = CollectiveFacts(**values_)
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
    nd["award_type"] = award_type(d.get("award_type")) or award_type(d.get("award_text"))
    nd["year"] = d.get("year", ctx.year)
    nd["history"] = _history_of(facts)
    if facts.prior or "decision" in d or "decision_number" in d or "decision_date" in d or "period" in d:
        nd["prior_awards"] = prior = _prior_awards(facts, award_id, ctx)
        _check_prior(prior, facts, ctx)
    nd["initiatives"] = _check_initiatives(_initiatives_of(facts), facts, ctx)
    if facts.disciplines:
        nd["disciplines"] = _disciplines(facts, ctx)
    if facts.specials:
        nd["special"] = tuple(facts.specials)
    nd["collective"] = collective
    nd["cells"] = CellMap(ctx.file, ctx.sheet, row, facts.cells)
    nd["stated"] = ctx.stated
    if ctx.unclear:
        nd["unclear"] = tuple(ctx.unclear)
    return build(Nominee, nd)

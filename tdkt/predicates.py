"""The closed registry of predicate kinds that rule files may use (no eval, no expressions).

A predicate looks at one nominee (and the facts of the whole list it came in) and returns a bare
:class:`Outcome`: pass, fail, missing (a fact the list does not give), review (the law leaves the
answer open) — with the value found and the value required, in Vietnamese. The engine adds the
criterion id, the article of law, the severity and the cell (style.md §2.0 principle 4).

Every kind has a pydantic parameter model (``extra="forbid"``: a typo in a rule file is an error at
load time) and a docstring with a PASS and a FAIL example; ``EXAMPLES`` holds the same examples as
data so that a test runs them and ``tdkt rules docs`` prints them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from tdkt import vocab
from tdkt.models import AWARD_TYPE_VN, DISCIPLINE_ORDER, LEVEL_ORDER, RATING_ORDER, AwardType, Nominee

Status = Literal["pass", "fail", "missing", "review"]

RATING_VN = {k: vocab.cap(v) for k, v in vocab.RATING.items()}
LEVEL_VN = vocab.LEVEL
DISCIPLINE_VN = vocab.DISCIPLINE
FIELD_VN = vocab.COLLECTIVE_FACT


@dataclass(frozen=True)
class Outcome:
    """What a predicate found. ``field`` names the Nominee field the finding should point at."""

    status: Status
    found: str = ""
    required: str = ""
    field: str | None = None
    reason: str = ""

    @property
    def passed(self) -> bool:
        return self.status == "pass"


def _ok(found: str = "", required: str = "", fld: str | None = None) -> Outcome:
    return Outcome("pass", found, required, fld)


@dataclass(frozen=True)
class Context:
    """A nominee being evaluated for ``award`` in achievement year ``year``.

    ``pending`` maps (award id, year) to True when the same person is proposed for that title in
    the same list (a CSTĐ tỉnh nominee's CSTĐCS of the year is often decided in the same round).
    ``settings`` are values the council overlay sets (e.g. ``seats_per_cluster``).
    """

    nominee: Nominee
    year: int
    award: str
    pending: frozenset[tuple[str, int]] = frozenset()
    settings: Mapping[str, Any] = field(default_factory=dict)

    def titles_in(self, year: int) -> set[str]:
        rec = self.nominee.year_record(year)
        got = set(rec.titles) if rec else set()
        got |= {a for (a, y) in self.pending if y == year}
        return got


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _years(ctx: Context, window: int) -> list[int]:
    return list(range(ctx.year - window + 1, ctx.year + 1))


def _fmt_years(years: list[int]) -> str:
    return ", ".join(str(y) for y in years) if years else "không có năm nào"


# ----------------------------------------------------------------------------------- titles
class TitlesParams(Params):
    title: str | list[str] = Field(description="mã danh hiệu (hoặc danh sách mã tương đương)")
    count: int = Field(ge=1, description="số lần cần có")
    window: int | None = Field(default=None, ge=1, description="số năm xét, tính lùi từ năm xét (mặc định = count)")
    consecutive: bool = Field(default=False, description="các năm phải liên tục, kết thúc ở năm xét")
    count_pending: bool = Field(default=True, description="tính cả danh hiệu của năm xét đang được đề nghị trong cùng danh sách")

    @model_validator(mode="after")
    def _window(self) -> TitlesParams:
        if self.window is not None and self.window < self.count:
            raise ValueError("window phải ≥ count")
        return self


def titles(ctx: Context, p: TitlesParams) -> Outcome:
    """Danh hiệu đạt được qua các năm: ``count`` lần trong ``window`` năm tính đến năm xét; với
    ``consecutive`` thì ``count`` năm liền nhau, năm cuối là năm xét.

    PASS: title chien_si_thi_dua_co_so, count 3, consecutive — CSTĐCS các năm 2019, 2020, 2021, năm xét 2021.
    FAIL: cùng tham số — CSTĐCS 2019 và 2021 (thiếu 2020).
    """
    wanted = {p.title} if isinstance(p.title, str) else set(p.title)
    n = ctx.nominee
    if not n.history and not any(a in wanted for (a, _y) in ctx.pending):
        return Outcome("missing", required=f"{p.count} lần", field="history", reason="danh hiệu thi đua các năm")
    window = p.window or p.count
    years = _years(ctx, window)

    def has(y: int) -> bool:
        got = ctx.titles_in(y) if p.count_pending else set(r.titles) if (r := n.year_record(y)) else set()
        return bool(got & wanted)

    held = [y for y in years if has(y)]
    gap = next((y for y in reversed(years) if not has(y)), ctx.year)
    fld = f"title.{gap}"
    if p.consecutive:
        run = 0
        for y in reversed(years):
            if not has(y):
                break
            run += 1
        found = f"{run} năm liên tục đến {ctx.year} (các năm đạt: {_fmt_years(held)})"
        req = f"{p.count} năm liên tục đến năm {ctx.year}"
        return Outcome("pass" if run >= p.count else "fail", found, req, fld)
    found = f"{len(held)} lần trong các năm {years[0]}–{years[-1]} ({_fmt_years(held)})"
    req = f"ít nhất {p.count} lần trong {window} năm"
    return Outcome("pass" if len(held) >= p.count else "fail", found, req, fld)


# ----------------------------------------------------------------------------------- rating
class RatingParams(Params):
    min: Literal["htxs", "httnv", "htnv"] = Field(description="mức xếp loại tối thiểu")
    window: int = Field(default=1, ge=1, description="số năm liền nhau tính đến năm xét")
    at_least: int | None = Field(default=None, ge=1, description="số năm phải đạt (mặc định: mọi năm)")

    @model_validator(mode="after")
    def _count(self) -> RatingParams:
        if self.at_least is not None and self.at_least > self.window:
            raise ValueError("at_least phải ≤ window")
        return self


def rating(ctx: Context, p: RatingParams) -> Outcome:
    """Xếp loại mức độ hoàn thành nhiệm vụ trong ``window`` năm tính đến năm xét: mọi năm (hoặc
    ``at_least`` năm) đạt từ mức ``min`` trở lên.

    PASS: min htxs, window 2 — 2020 HTXS, 2021 HTXS, năm xét 2021.
    FAIL: min htxs, window 2 — 2020 HTTNV, 2021 HTXS.
    """
    need = p.at_least or p.window
    years = _years(ctx, p.window)
    good, unknown = [], []
    for y in years:
        rec = ctx.nominee.year_record(y)
        if rec is None or rec.rating is None:
            unknown.append(y)
        elif RATING_ORDER[rec.rating] >= RATING_ORDER[p.min]:
            good.append(y)
    label = RATING_VN[p.min]
    req = (f"{label} trở lên" + (f" năm {ctx.year}" if p.window == 1 else
           f" {'mọi năm' if need == p.window else f'ít nhất {need} năm'} trong {years[0]}–{years[-1]}"))
    found = f"đạt ở các năm: {_fmt_years(good)}" if p.window > 1 else (
        "không rõ xếp loại" if unknown else
        RATING_VN[r.rating] if (r := ctx.nominee.year_record(ctx.year)) and r.rating else "")
    bad = [y for y in years if y not in good]
    fld = f"rating.{bad[-1] if bad else ctx.year}"
    if len(good) >= need:
        return _ok(found, req, fld)
    if len(good) + len(unknown) >= need:
        return Outcome("missing", found, req, fld, f"xếp loại năm {_fmt_years(unknown)}")
    return Outcome("fail", found, req, fld)


# ------------------------------------------------------------------------------ prior award
class PriorAwardParams(Params):
    awards: list[str] = Field(min_length=1, description="mã khen thưởng đã nhận (một trong các mã)")
    years_since: int | None = Field(default=None, ge=1, description="số năm tối thiểu từ thời gian thành tích của lần khen trước đến năm xét")
    decision_date_fallback: Literal["confirmed", "uncertain", "none"] = Field(
        default="uncertain", description="khi quyết định trước không ghi thời gian thành tích: tính từ ngày quyết định (căn cứ xác thực/chưa xác thực/không)")
    not_counted: list[AwardType] = Field(
        default_factory=list, description="loại hình khen thưởng không làm căn cứ (vd đột xuất, chuyên đề)")
    not_counted_status: Literal["confirmed", "uncertain"] = Field(
        default="confirmed", description="quy định loại hình không làm căn cứ đã xác thực hay chưa ở chế độ này")


def _type_vn(types: Sequence[str]) -> str:
    return ", ".join(AWARD_TYPE_VN[t] for t in types)


def _award_label(a: Any) -> str:
    when = (f"{a.period_from}–{a.period_to}" if a.period_from and a.period_to and a.period_from != a.period_to
            else str(a.period_to or a.year or "")) or (a.decision_date.strftime("%d/%m/%Y") if a.decision_date else "")
    return (a.award_text or a.award or "khen thưởng") + (f" ({when})" if when and when not in (a.award_text or "") else "")


def prior_award(ctx: Context, p: PriorAwardParams) -> Outcome:
    """Đã nhận một trong ``awards``; nếu có ``years_since`` thì từ hết thời gian thành tích ghi
    trong quyết định trước đến năm xét phải đủ số năm (quyết định không ghi thời gian thì tính từ
    ngày ký quyết định). Khen thưởng có loại hình trong ``not_counted`` (đột xuất, chuyên đề: NĐ 152
    Điều 4 k3) không làm căn cứ; khen thưởng không rõ loại hình thì chưa kết luận được (cần xem xét).

    PASS: awards [bang_khen_bo_tinh], years_since 5 — Bằng khen tỉnh cho thành tích 2015–2016, năm xét 2021.
    FAIL: cùng tham số — Bằng khen tỉnh cho thành tích năm 2018 (mới 3 năm).
    """
    names = " hoặc ".join(p.awards)
    held = [a for a in ctx.nominee.prior_awards if a.award in p.awards]
    req = f"đã có {names}" + (f", cách ít nhất {p.years_since} năm" if p.years_since else "") + (
        f", không tính khen thưởng {_type_vn(p.not_counted)}" if p.not_counted else "")
    if not held:
        return Outcome("fail", "chưa có", req, "prior_awards")
    if not p.not_counted:
        return _prior_distance(ctx, p, held, req)
    counted = [a for a in held if a.type is not None and a.type not in p.not_counted]
    untyped = [a for a in held if a.type is None]
    excluded = [a for a in held if a.type in p.not_counted]
    got = _prior_distance(ctx, p, counted, req)
    if got.passed:
        return got
    if untyped and _prior_distance(ctx, p, counted + untyped, req).status != "fail":
        which = "; ".join(_award_label(a) for a in untyped)
        return Outcome("missing", f"không rõ loại hình: {which}", req, "prior_awards",
                       f"loại hình khen thưởng (công trạng, đột xuất, chuyên đề…) của {which} — khen thưởng "
                       f"{_type_vn(p.not_counted)} không làm căn cứ")
    if excluded and _prior_distance(ctx, p, held, req).status != "fail":
        which = "; ".join(f"{_award_label(a)} — {AWARD_TYPE_VN[a.type or '']}" for a in excluded)
        found = f"chỉ có khen thưởng {_type_vn(sorted({a.type or '' for a in excluded}))}: {which}"
        if p.not_counted_status == "uncertain":
            return Outcome("review", found, req, "prior_awards",
                           f"khen thưởng {_type_vn(p.not_counted)} có làm căn cứ ở chế độ này hay không chưa có căn cứ xác thực")
        return Outcome("fail", found, req, "prior_awards")
    return got if counted else _prior_distance(ctx, p, held, req)  # held but too recent: say how recent, not "chưa có"


def _prior_distance(ctx: Context, p: PriorAwardParams, held: list[Any], req: str) -> Outcome:
    """The years-since test over the awards that count (the latest one decides)."""
    if not held:
        return Outcome("fail", "chưa có", req, "prior_awards")
    if p.years_since is None:
        return _ok("đã có", req, "prior_awards")

    def since(a: Any) -> tuple[int | None, bool]:
        end = a.period_to or a.year
        if end is not None:
            return ctx.year - end, False
        if a.decision_date is not None:
            return ctx.year - a.decision_date.year + 1, True
        return None, False

    best: tuple[int | None, bool] = (None, False)
    for a in held:  # the latest award counts: the smallest distance
        s, fb = since(a)
        if s is not None and (best[0] is None or s < best[0]):
            best = (s, fb)
    years, fallback = best
    if years is None:
        return Outcome("missing", "không rõ thời gian thành tích, năm hay ngày quyết định", req, "prior_awards",
                       "thời gian thành tích của lần khen trước")
    found = f"{years} năm" + (" (tính từ ngày quyết định vì quyết định không ghi thời gian thành tích)" if fallback else "")
    if years < p.years_since:
        return Outcome("fail", found, req, "prior_awards")
    if fallback and p.decision_date_fallback != "confirmed":
        return Outcome("review", found, req, "prior_awards",
                       "quyết định trước không ghi thời gian thành tích; cách tính từ ngày quyết định chưa có căn cứ xác thực ở chế độ này")
    return _ok(found, req, "prior_awards")


# ------------------------------------------------------------------------------ initiatives
class InitiativesParams(Params):
    count: int = Field(default=1, ge=1, description="số sáng kiến/đề tài cần có")
    min_level: Literal["co_so", "bo_tinh", "toan_quoc"] = Field(default="co_so", description="cấp công nhận tối thiểu")
    window: int | None = Field(default=None, ge=1, description="chỉ tính sáng kiến công nhận trong số năm này, tính đến năm xét")
    kinds: tuple[Literal["sang_kien", "de_tai"], ...] = Field(default=("sang_kien", "de_tai"))
    reuse: Literal["exclude", "uncertain"] = Field(
        default="exclude", description="sáng kiến đã dùng cho khen thưởng khác: không tính, hoặc 'uncertain' (cần xem xét)")


def initiatives(ctx: Context, p: InitiativesParams) -> Outcome:
    """Số sáng kiến/đề tài được công nhận từ cấp ``min_level`` trở lên, (trong ``window`` năm) và
    chưa dùng làm căn cứ cho khen thưởng khác (mỗi sáng kiến chỉ dùng một lần).

    PASS: count 1, min_level co_so — một sáng kiến cấp cơ sở năm 2021, chưa dùng.
    FAIL: count 1, min_level co_so — sáng kiến duy nhất đã dùng cho Bằng khen tỉnh.
    """
    years = set(_years(ctx, p.window)) if p.window else None
    fresh = used = unknown = 0
    for i in ctx.nominee.initiatives:
        if i.kind not in p.kinds:
            continue
        # A recognised initiative whose level is not written is at the lowest level at least: enough when
        # that is the floor (cấp cơ sở), not known above it.
        level = i.level or ("co_so" if i.recognised and LEVEL_ORDER[p.min_level] == LEVEL_ORDER["co_so"] else None)
        if level is None or (years is not None and i.year is None):
            unknown += 1
            continue
        if LEVEL_ORDER[level] < LEVEL_ORDER[p.min_level]:
            continue
        if years is not None and i.year not in years:
            continue
        if i.used_for:  # already the basis of an earlier award (this round's own awards are not in the history)
            used += 1
        else:
            fresh += 1
    req = f"ít nhất {p.count} sáng kiến/đề tài {LEVEL_VN[p.min_level]} trở lên" + (
        f" trong {p.window} năm" if p.window else "") + ", chưa dùng cho khen thưởng khác"
    found = f"{fresh} chưa dùng" + (f", {used} đã dùng cho khen thưởng khác" if used else "") + (
        f", {unknown} không rõ cấp/năm công nhận" if unknown else "")
    if fresh >= p.count:
        return _ok(found, req, "initiatives")
    if p.reuse == "uncertain" and fresh + used >= p.count:
        return Outcome("review", found, req, "initiatives",
                       "chỉ đủ khi tính cả sáng kiến đã dùng; việc dùng lại chưa có căn cứ xác thực")
    if fresh + unknown >= p.count:
        return Outcome("missing", found, req, "initiatives", "cấp hoặc năm công nhận sáng kiến")
    return Outcome("fail", found, req, "initiatives")


# ------------------------------------------------------------------------------- discipline
class DisciplineParams(Params):
    min_form: Literal["khien_trach", "canh_cao"] = Field(default="khien_trach", description="hình thức kỷ luật nhẹ nhất bị loại")
    window: int = Field(default=1, ge=1, description="số năm xét, tính đến năm xét")
    pending: bool = Field(default=True, description="đang bị xem xét kỷ luật, điều tra, thanh tra cũng bị loại")


def discipline(ctx: Context, p: DisciplineParams) -> Outcome:
    """Không bị kỷ luật từ mức ``min_form`` trong ``window`` năm tính đến năm xét (kể cả thời hạn
    kỷ luật còn chạy trong giai đoạn đó) và (nếu ``pending``) không đang bị xem xét kỷ luật.

    PASS: min_form khien_trach — không có kỷ luật.
    FAIL: min_form khien_trach — khiển trách năm 2021, năm xét 2021.
    """
    first = dt.date(ctx.year - p.window + 1, 1, 1)
    last = dt.date(ctx.year, 12, 31)
    hits, unknown = [], []
    for d in ctx.nominee.disciplines:
        if d.pending:
            if p.pending:
                hits.append("đang bị xem xét kỷ luật/điều tra")
            continue
        if d.form is None or d.form not in DISCIPLINE_ORDER:
            unknown.append(d.form_text or "không rõ hình thức")
            continue
        if DISCIPLINE_ORDER[d.form] < DISCIPLINE_ORDER[p.min_form]:
            continue
        start = d.start or (dt.date(d.year, 1, 1) if d.year else None)
        end = d.end or (dt.date(d.year, 12, 31) if d.year else start)
        if start is None or end is None:
            unknown.append(DISCIPLINE_VN[d.form] + " (không rõ thời gian)")
        elif start <= last and end >= first:
            hits.append(f"{DISCIPLINE_VN[d.form]} ({start.year if start.year == end.year else f'{start.year}–{end.year}'})")
    req = f"không bị kỷ luật từ {DISCIPLINE_VN[p.min_form]} trở lên trong {first.year}–{last.year}" if p.window > 1 \
        else f"không bị kỷ luật từ {DISCIPLINE_VN[p.min_form]} trở lên trong năm {ctx.year}"
    if hits:
        return Outcome("fail", "; ".join(hits), req, "disciplines")
    if unknown:
        return Outcome("missing", "; ".join(unknown), req, "disciplines", "hình thức hoặc thời gian kỷ luật")
    return _ok("không có", req, "disciplines")


# ---------------------------------------------------------------------------------- service
class ServiceParams(Params):
    min_months: int = Field(ge=1, le=120, description="số tháng công tác tối thiểu tính đến hết năm xét")


def service(ctx: Context, p: ServiceParams) -> Outcome:
    """Thời gian công tác (tính đến 31/12 năm xét, từ ngày tuyển dụng hoặc theo cột số tháng) ít
    nhất ``min_months`` tháng.

    PASS: min_months 10 — tuyển dụng 01/01/2021, năm xét 2021 (12 tháng).
    FAIL: min_months 10 — tuyển dụng 01/06/2021 (7 tháng).
    """
    n = ctx.nominee
    months = n.months_of_service
    fld = "months_of_service"
    if months is None and n.recruited_on is not None:
        r = n.recruited_on
        months = max(0, (ctx.year - r.year) * 12 + (12 - r.month) + 1)
        fld = "recruited_on"
    req = f"ít nhất {p.min_months} tháng"
    if months is None:
        return Outcome("missing", "", req, "recruited_on", "ngày tuyển dụng hoặc số tháng công tác")
    return Outcome("pass" if months >= p.min_months else "fail", f"{months} tháng", req, fld)


# ------------------------------------------------------------------------------- collective
class CollectiveParams(Params):
    field: Literal["completed", "ltt", "cstdcs", "disciplined"] = Field(description="chỉ số của tập thể")
    at_least_percent: float | None = Field(default=None, ge=0, le=100)
    more_than_percent: float | None = Field(default=None, ge=0, le=100)
    at_least: int | None = Field(default=None, ge=0, description="số người tối thiểu")
    at_most: int | None = Field(default=None, ge=0, description="số người tối đa")

    def bound_count(self) -> int:
        return sum(v is not None for v in (self.at_least_percent, self.more_than_percent, self.at_least, self.at_most))


def collective(ctx: Context, p: CollectiveParams) -> Outcome:
    """Tỷ lệ hoặc số thành viên của tập thể (cột của danh sách): ``at_least_percent``,
    ``more_than_percent``, ``at_least`` hoặc ``at_most``. Phép so sánh là số nguyên chính xác.

    PASS: field ltt, more_than_percent 50 — 20 người, 11 LĐTT (55 %).
    FAIL: field ltt, more_than_percent 50 — 20 người, 10 LĐTT (50 %).
    """
    c = ctx.nominee.collective
    value = getattr(c, p.field) if c else None
    members = c.members if c else None
    fld = f"collective.{p.field}"
    label = FIELD_VN[p.field]
    if p.at_least is not None or p.at_most is not None:
        if value is None:
            return Outcome("missing", "", "", fld, f"số {label}")
        if p.at_least is not None:
            return Outcome("pass" if value >= p.at_least else "fail", f"{value} {label}",
                           f"ít nhất {p.at_least}", fld)
        assert p.at_most is not None
        return Outcome("pass" if value <= p.at_most else "fail", f"{value} {label}", f"không quá {p.at_most}", fld)
    if value is None or not members:
        return Outcome("missing", "", "", fld, f"tổng số thành viên và số {label}")
    pct = 100 * value / members
    found = f"{value}/{members} {label} ({pct:.2f} %)".replace(".", ",")
    # exact: value/members >= x/100  ⇔  100·value >= x·members (x may carry decimals: scale by 100)
    if p.at_least_percent is not None:
        ok = 10000 * value >= round(p.at_least_percent * 100) * members
        return Outcome("pass" if ok else "fail", found, f"từ {p.at_least_percent:g} % trở lên", fld)
    assert p.more_than_percent is not None
    ok = 10000 * value > round(p.more_than_percent * 100) * members
    return Outcome("pass" if ok else "fail", found, f"trên {p.more_than_percent:g} %", fld)


# ----------------------------------------------------------------------------- cluster rank
class ClusterParams(Params):
    max_rank: int | None = Field(default=None, ge=1, description="thứ hạng tối đa trong cụm/khối; bỏ trống: lấy số Cờ mỗi cụm trong quy chế Hội đồng")


def cluster_rank(ctx: Context, p: ClusterParams) -> Outcome:
    """Thứ hạng của tập thể trong cụm/khối thi đua (1 = dẫn đầu) không vượt ``max_rank``; để trống
    thì dùng số suất mỗi cụm do quy chế Hội đồng đặt (chưa đặt → cần xem xét).

    PASS: max_rank 1 — cụm 3, hạng 1.
    FAIL: max_rank 1 — cụm 3, hạng 2.
    """
    c = ctx.nominee.collective
    limit = p.max_rank if p.max_rank is not None else ctx.settings.get("seats_per_cluster")
    req = f"được cụm/khối suy tôn, thứ hạng trong cụm không quá {limit}" if limit else "được cụm/khối suy tôn dẫn đầu"
    if c is None or c.cluster_rank is None:
        return Outcome("missing", "", req, "collective.cluster_rank", "cụm/khối thi đua và thứ hạng trong cụm")
    found = f"hạng {c.cluster_rank}" + (f" trong {c.cluster}" if c.cluster else "")
    if limit is None:
        return Outcome("review", found, req, "collective.cluster_rank",
                       "số suất mỗi cụm/khối do bộ/tỉnh quy định; quy chế của Hội đồng chưa đặt")
    return Outcome("pass" if c.cluster_rank <= int(limit) else "fail", found, req, "collective.cluster_rank")


# -------------------------------------------------------------------------------- composites
class Clause(Params):
    """One alternative inside any_of / all_of: a predicate kind, its params and a Vietnamese label."""

    check: str
    params: dict[str, Any] = Field(default_factory=dict)
    text: str

    @cached_property
    def parsed(self) -> Params:
        """The clause's params checked against its kind, once per clause (not once per nominee)."""
        return parse_params(self.check, self.params)


class CompositeParams(Params):
    of: list[Clause] = Field(min_length=2)


def _clause_params(c: Clause) -> Params:
    return c.parsed


def _run_clauses(ctx: Context, p: CompositeParams) -> list[tuple[Clause, Outcome]]:
    return [(c, REGISTRY[c.check].fn(ctx, _clause_params(c))) for c in p.of]


def any_of(ctx: Context, p: CompositeParams) -> Outcome:
    """Đạt ít nhất một trong các điều kiện ``of`` (mỗi điều kiện là một vị từ khác với tham số riêng).

    PASS: of [rating htxs; initiatives co_so 1] — năm xét HTXS, không có sáng kiến.
    FAIL: cùng tham số — năm xét HTTNV, không có sáng kiến.
    """
    results = _run_clauses(ctx, p)
    found = "; ".join(f"{c.text}: {o.found or o.reason or o.status}" for c, o in results)
    req = " hoặc ".join(c.text for c in p.of)
    for _c, o in results:
        if o.passed:
            return _ok(found, req, o.field)
    for status in ("review", "missing"):
        for c, o in results:
            if o.status == status:
                return Outcome(status, found, req, o.field, f"{c.text}: {o.reason}")
    return Outcome("fail", found, req, results[0][1].field)


def all_of(ctx: Context, p: CompositeParams) -> Outcome:
    """Đạt mọi điều kiện ``of`` (dùng bên trong any_of cho một phương án gồm nhiều điều kiện).

    PASS: of [rating htxs window 2; initiatives co_so 2 window 2] — HTXS 2020, 2021 và 2 sáng kiến.
    FAIL: cùng tham số — HTXS 2020, 2021 nhưng 1 sáng kiến.
    """
    results = _run_clauses(ctx, p)
    found = "; ".join(f"{c.text}: {o.found or o.reason or o.status}" for c, o in results)
    req = " và ".join(c.text for c in p.of)
    for status in ("fail", "review", "missing"):
        for c, o in results:
            if o.status == status:
                return Outcome(status, found, req, o.field, f"{c.text}: {o.reason}")
    return _ok(found, req, results[0][1].field)


# ---------------------------------------------------------------------------------- registry
@dataclass(frozen=True)
class Kind:
    name: str
    params: type[Params]
    fn: Callable[[Context, Any], Outcome]
    code: str  # finding code when the criterion is not met
    title: str  # Vietnamese label
    # The Nominee fields the predicate looks at, besides the context's year, award, pending and
    # settings: its outcome is a function of these alone, so the engine may reuse an outcome between
    # rows that share them (tests/test_engine_speedpaths.py checks the list). None: not declared.
    reads: tuple[str, ...] | None = None

    @property
    def doc(self) -> str:
        return (self.fn.__doc__ or "").strip()


REGISTRY: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind("titles", TitlesParams, titles, "rules.titles-not-met", "danh hiệu liên tục / số lần trong giai đoạn",
             ("history",)),
        Kind("rating", RatingParams, rating, "rules.rating-not-met", "xếp loại hoàn thành nhiệm vụ qua các năm",
             ("history",)),
        Kind("prior_award", PriorAwardParams, prior_award, "rules.prior-award-not-met", "khen thưởng trước và số năm kể từ đó",
             ("prior_awards",)),
        Kind("initiatives", InitiativesParams, initiatives, "rules.initiatives-not-met", "sáng kiến/đề tài theo cấp, chưa dùng",
             ("initiatives",)),
        Kind("discipline", DisciplineParams, discipline, "rules.discipline-found", "kỷ luật trong giai đoạn xét",
             ("disciplines",)),
        Kind("service", ServiceParams, service, "rules.service-too-short", "thời gian công tác",
             ("months_of_service", "recruited_on")),
        Kind("collective", CollectiveParams, collective, "rules.collective-ratio-not-met", "tỷ lệ trong tập thể",
             ("collective",)),
        Kind("cluster_rank", ClusterParams, cluster_rank, "rules.cluster-rank-not-met", "thứ hạng trong cụm/khối thi đua",
             ("collective",)),
        Kind("any_of", CompositeParams, any_of, "rules.alternatives-not-met", "một trong các điều kiện"),
        Kind("all_of", CompositeParams, all_of, "rules.conditions-not-met", "tất cả các điều kiện"),
    )
}


def reads(kind: str, params: Params) -> tuple[str, ...] | None:
    """The Nominee fields a criterion looks at (for a composite, those of its clauses), or None when
    one of its kinds does not declare them."""
    if isinstance(params, CompositeParams):
        out: list[str] = []
        for clause in params.of:
            got = reads(clause.check, _clause_params(clause))
            if got is None:
                return None
            out += [f for f in got if f not in out]
        return tuple(out)
    return REGISTRY[kind].reads


def parse_params(kind: str, params: Mapping[str, Any]) -> Params:
    """Validate ``params`` for a predicate kind (raises KeyError / pydantic ValidationError)."""
    model = REGISTRY[kind].params.model_validate(dict(params))
    if isinstance(model, CompositeParams):
        for clause in model.of:
            if clause.check not in REGISTRY:
                raise KeyError(clause.check)
            parse_params(clause.check, clause.params)
    if isinstance(model, CollectiveParams) and model.bound_count() != 1:
        raise ValueError("cần đúng một trong at_least_percent, more_than_percent, at_least, at_most")
    return model


def run(kind: str, ctx: Context, params: Mapping[str, Any] | Params) -> Outcome:
    k = REGISTRY[kind]
    p = params if isinstance(params, Params) else parse_params(kind, params)
    return k.fn(ctx, p)


# ----------------------------------------------------------------------------- list-level
LIST_KINDS: dict[str, str] = {
    "list_cap": "Trần tỷ lệ trên toàn danh sách: số người/tập thể đề nghị `award` không quá `max_percent` % "
    "số đạt các danh hiệu `of` (theo từng đơn vị nếu `per: unit`; chỉ tính tập thể dẫn đầu cụm nếu "
    "`cluster_leaders`). Mẫu số chỉ tính dòng đạt (dòng còn cần xem xét làm suất chưa chắc → cần xem xét); "
    "dòng không đạt tiêu chí riêng không chiếm suất. Vượt trần: mọi dòng cần xem xét (Hội đồng chọn), hoặc "
    "theo thứ tự ưu tiên của danh sách. Danh sách không có ai thuộc `of` thì không kiểm được → cần xem xét.",
}


class ListCapParams(Params):
    award: str
    of: list[str] = Field(min_length=1)
    max_percent: float = Field(gt=0, le=100)
    per: Literal["unit", "list"] = "list"
    cluster_leaders: bool = False


# PASS/FAIL examples as data: (kind, params, nominee facts, year, award, expected status).
EXAMPLES: list[tuple[str, dict[str, Any], dict[str, Any], int, str, Status]] = [
    ("titles", {"title": "chien_si_thi_dua_co_so", "count": 3, "consecutive": True},
     {"history": [{"year": y, "titles": ["chien_si_thi_dua_co_so"]} for y in (2019, 2020, 2021)]}, 2021,
     "chien_si_thi_dua_bo_tinh", "pass"),
    ("titles", {"title": "chien_si_thi_dua_co_so", "count": 3, "consecutive": True},
     {"history": [{"year": y, "titles": ["chien_si_thi_dua_co_so"]} for y in (2019, 2021)]}, 2021,
     "chien_si_thi_dua_bo_tinh", "fail"),
    ("rating", {"min": "htxs", "window": 2}, {"history": [{"year": 2020, "rating": "htxs"}, {"year": 2021, "rating": "htxs"}]},
     2021, "bang_khen_bo_tinh", "pass"),
    ("rating", {"min": "htxs", "window": 2}, {"history": [{"year": 2020, "rating": "httnv"}, {"year": 2021, "rating": "htxs"}]},
     2021, "bang_khen_bo_tinh", "fail"),
    ("prior_award", {"awards": ["bang_khen_bo_tinh"], "years_since": 5},
     {"prior_awards": [{"award": "bang_khen_bo_tinh", "period_from": 2015, "period_to": 2016}]}, 2021, "bang_khen_thu_tuong", "pass"),
    ("prior_award", {"awards": ["bang_khen_bo_tinh"], "years_since": 5},
     {"prior_awards": [{"award": "bang_khen_bo_tinh", "year": 2018}]}, 2021, "bang_khen_thu_tuong", "fail"),
    ("prior_award", {"awards": ["bang_khen_bo_tinh"], "years_since": 5, "not_counted": ["dot_xuat", "chuyen_de"]},
     {"prior_awards": [{"award": "bang_khen_bo_tinh", "period_from": 2015, "period_to": 2016, "type": "cong_trang"}]},
     2021, "bang_khen_thu_tuong", "pass"),
    ("prior_award", {"awards": ["bang_khen_bo_tinh"], "years_since": 5, "not_counted": ["dot_xuat", "chuyen_de"]},
     {"prior_awards": [{"award": "bang_khen_bo_tinh", "period_from": 2015, "period_to": 2016, "type": "dot_xuat"}]},
     2021, "bang_khen_thu_tuong", "fail"),
    ("initiatives", {"count": 1, "min_level": "co_so"}, {"initiatives": [{"level": "co_so", "year": 2021}]}, 2021,
     "chien_si_thi_dua_co_so", "pass"),
    ("initiatives", {"count": 1, "min_level": "co_so"},
     {"initiatives": [{"level": "co_so", "year": 2021, "used_for": "bang_khen_bo_tinh"}]}, 2021, "chien_si_thi_dua_co_so", "fail"),
    ("discipline", {"min_form": "khien_trach"}, {}, 2021, "lao_dong_tien_tien", "pass"),
    ("discipline", {"min_form": "khien_trach"}, {"disciplines": [{"form": "khien_trach", "year": 2021}]}, 2021,
     "lao_dong_tien_tien", "fail"),
    ("service", {"min_months": 10}, {"recruited_on": "2021-01-01"}, 2021, "lao_dong_tien_tien", "pass"),
    ("service", {"min_months": 10}, {"recruited_on": "2021-06-01"}, 2021, "lao_dong_tien_tien", "fail"),
    ("collective", {"field": "ltt", "more_than_percent": 50}, {"kind": "collective", "collective": {"members": 20, "ltt": 11}},
     2021, "tap_the_lao_dong_tien_tien", "pass"),
    ("collective", {"field": "ltt", "more_than_percent": 50}, {"kind": "collective", "collective": {"members": 20, "ltt": 10}},
     2021, "tap_the_lao_dong_tien_tien", "fail"),
    ("cluster_rank", {"max_rank": 1}, {"kind": "collective", "collective": {"cluster": "Cụm 3", "cluster_rank": 1}}, 2021,
     "co_thi_dua_bo_tinh", "pass"),
    ("cluster_rank", {"max_rank": 1}, {"kind": "collective", "collective": {"cluster": "Cụm 3", "cluster_rank": 2}}, 2021,
     "co_thi_dua_bo_tinh", "fail"),
    ("any_of", {"of": [{"check": "rating", "params": {"min": "htxs"}, "text": "HTXS"},
                       {"check": "initiatives", "params": {"count": 1}, "text": "sáng kiến"}]},
     {"history": [{"year": 2021, "rating": "htxs"}]}, 2021, "chien_si_thi_dua_co_so", "pass"),
    ("any_of", {"of": [{"check": "rating", "params": {"min": "htxs"}, "text": "HTXS"},
                       {"check": "initiatives", "params": {"count": 1}, "text": "sáng kiến"}]},
     {"history": [{"year": 2021, "rating": "httnv"}]}, 2021, "chien_si_thi_dua_co_so", "fail"),
    ("all_of", {"of": [{"check": "rating", "params": {"min": "htxs", "window": 2}, "text": "HTXS 2 năm"},
                       {"check": "initiatives", "params": {"count": 2, "window": 2}, "text": "2 sáng kiến"}]},
     {"history": [{"year": 2020, "rating": "htxs"}, {"year": 2021, "rating": "htxs"}],
      "initiatives": [{"level": "co_so", "year": 2020}, {"level": "co_so", "year": 2021}]}, 2021, "bang_khen_bo_tinh", "pass"),
    ("all_of", {"of": [{"check": "rating", "params": {"min": "htxs", "window": 2}, "text": "HTXS 2 năm"},
                       {"check": "initiatives", "params": {"count": 2, "window": 2}, "text": "2 sáng kiến"}]},
     {"history": [{"year": 2020, "rating": "htxs"}, {"year": 2021, "rating": "htxs"}],
      "initiatives": [{"level": "co_so", "year": 2021}]}, 2021, "bang_khen_bo_tinh", "fail"),
]

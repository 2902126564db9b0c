"""The corpus generator's machinery: people and collectives as facts, the expected verdict of each by the
law and the rule packs, and a sheet builder that writes the same facts in the many shapes units send.

Kept apart from ``make_corpus.py`` (which holds the lists themselves) so that a list reads as a short
description of a real unit's file. Nothing here reads tdkt's ingest vocabulary or handlers: headers and
values are written the way units write them, and the expected verdicts come from ``expect`` below, an
independent reading of ``tdkt/rules/*.yaml`` and ``shared/domain/legal.md`` (each branch cites the pack
criterion it stands for). The only tdkt code used is ``tdkt.ingest.legacy.encode``, to store text the way
a TCVN3 or VNI font stores it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

FIXED_TIME = (2026, 12, 1, 8, 0, 0)
LEVELS = ("khtnv", "htnv", "httnv", "htxs")  # mức xếp loại, thấp → cao

# ------------------------------------------------------------------------------------------- facts


@dataclass(frozen=True)
class Initiative:
    """A sáng kiến / đề tài: its name, the level that recognised it, the year and the decision."""

    title: str
    level: str  # co_so | bo_tinh | toan_quoc
    year: int
    decision: str = ""
    used_for: str | None = None  # award id it already served (one use only, CV 5007/BNV-TĐKT)


@dataclass(frozen=True)
class Prior:
    """An award received earlier: id, the achievement period (from–to) and the decision."""

    award: str
    to: int
    frm: int | None = None
    decision: str = ""
    date: dt.date | None = None
    type: str | None = "cong_trang"  # cong_trang | dot_xuat | chuyen_de | None: the list does not say


@dataclass(frozen=True)
class Discipline:
    form: str  # khien_trach | canh_cao | ...
    year: int
    decision: str = ""


@dataclass(frozen=True)
class Person:
    name: str
    female: bool
    born: dt.date
    position: str
    dept: str
    award: str
    ratings: Mapping[int, str] = field(default_factory=dict)
    titles: Mapping[int, str] = field(default_factory=dict)  # year → ldtt | cstdcs | cstdbt (already recognised)
    inits: tuple[Initiative, ...] = ()
    priors: tuple[Prior, ...] = ()
    discipline: Discipline | None = None
    pending: str | None = None  # "đang bị thanh tra …" — a pending inspection/discipline, as the unit writes it
    recruited: dt.date | None = None
    special: str | None = None  # maternity, training … written in the notes; bears on no criterion here
    unit: str = ""  # the unit (cơ quan) when a list mixes units; else the list's unit
    priority: int | None = None  # the list's own priority order, when it has one
    odd: Mapping[str, str] = field(default_factory=dict)  # fact key → text a careful reader cannot understand
    kind: str = "individual"

    @property
    def unknown(self) -> tuple[str, ...]:
        return tuple(self.odd)

    def rating(self, year: int) -> str | None:
        return self.ratings.get(year)


@dataclass(frozen=True)
class Collective:
    name: str
    award: str
    members: int
    ltt: int
    cstdcs: int
    completed: int
    disciplined: int = 0  # from cảnh cáo up (the criterion's field)
    reprimanded: int = 0  # khiển trách only (does not bear on the criteria)
    rating: str | None = "htxs"
    women: int = 0
    cluster: str | None = None
    rank: int | None = None
    unit: str = ""
    odd: Mapping[str, str] = field(default_factory=dict)
    kind: str = "collective"

    @property
    def unknown(self) -> tuple[str, ...]:
        return tuple(self.odd)


Nominee = Person | Collective

# ---------------------------------------------------------------------------------- expectation

PASS, FAIL, REVIEW = "pass", "fail", "review"


@dataclass(frozen=True)
class Outcome:
    verdict: str
    facts: tuple[str, ...]  # fact keys whose cells a finding must name
    why: str


@dataclass(frozen=True)
class Check:
    """One criterion's outcome: ok, fail (confirmed → fail, uncertain → review) or missing/unknown (review)."""

    state: str  # ok | fail | missing
    uncertain: bool = False
    facts: tuple[str, ...] = ()
    why: str = ""


def _ok(why: str = "") -> Check:
    return Check("ok", why=why)


def _fail(why: str, *facts: str, uncertain: bool = False) -> Check:
    return Check("fail", uncertain=uncertain, facts=facts, why=why)


def _missing(why: str, *facts: str) -> Check:
    return Check("missing", facts=facts, why=why)


def _level_at_least(level: str, floor: str) -> bool:
    return LEVELS.index(level) >= LEVELS.index(floor)


def _rating(p: Person, year: int, floor: str, window: int = 1, at_least: int | None = None) -> Check:
    """Pack ``rating``: every (or ``at_least``) year of the window rated ``floor`` or better."""
    years = range(year - window + 1, year + 1)
    unknown = [y for y in years if f"rating:{y}" in p.unknown]
    missing = [y for y in years if p.rating(y) is None and f"rating:{y}" not in p.unknown]
    good = [y for y in years if p.rating(y) is not None and f"rating:{y}" not in p.unknown
            and _level_at_least(p.ratings[y], floor)]
    need = window if at_least is None else at_least
    if len(good) >= need:
        return _ok()
    bad = [y for y in years if y not in good and y not in unknown and y not in missing]
    if len(good) + len(unknown) + len(missing) >= need:
        if unknown:
            return _missing(f"xếp loại không đọc được ({', '.join(map(str, unknown))})",
                            *(f"rating:{y}" for y in unknown))
        return _missing(f"thiếu xếp loại năm {', '.join(map(str, missing))}")
    return _fail(f"xếp loại {', '.join(f'{y}: {p.ratings[y]}' for y in bad)} dưới {floor}",
                 *(f"rating:{y}" for y in bad if window == 1 or at_least is None))


# What a list says by having a column for it: a blank cell in a discipline column means "none", a list
# with no such column says nothing (the pack's if_missing: review). The same for initiatives, titles
# and prior awards. A notes column states nothing by itself; what it says is read as a fact.
ALL_STATED = frozenset({"disc", "init", "title", "prior", "recruited"})


def _titles(p: Person, year: int, title: str, count: int, window: int | None = None,
            consecutive: bool = False, stated: frozenset[str] = ALL_STATED) -> Check:
    """Pack ``titles``: ``count`` times in ``window`` years to the round's year (consecutive: ending there)."""
    unknown = [k for k in p.unknown if k.startswith("title:")]
    if consecutive:
        run = 0
        y = year
        while p.titles.get(y) in _TITLE_AT_LEAST[title]:
            run += 1
            y -= 1
        if run >= count:
            return _ok()
    else:
        w = window or count
        got = [y for y in range(year - w + 1, year + 1) if p.titles.get(y) in _TITLE_AT_LEAST[title]]
        if len(got) >= count:
            return _ok()
    if unknown:
        return _missing("danh hiệu không đọc được", *unknown)
    if "title" not in stated and not p.titles:
        return _missing("danh sách không có cột danh hiệu đã đạt")
    return _fail(f"không đủ {count} lần {title}")


# A higher title implies the lower (a CSTĐ cơ sở is also Lao động tiên tiến that year).
_TITLE_AT_LEAST = {
    "ldtt": ("ldtt", "cstdcs", "cstdbt"),
    "cstdcs": ("cstdcs", "cstdbt"),
    "cstdbt": ("cstdbt",),
}

_INIT_LEVELS = ("co_so", "bo_tinh", "toan_quoc")


def _initiatives(p: Person, year: int, count: int, min_level: str, window: int | None = None,
                 reuse_uncertain: bool = False, stated: frozenset[str] = ALL_STATED) -> Check:
    """Pack ``initiatives``: recognised from ``min_level`` up, in the window, not already used."""
    if "init" in p.unknown:
        return _missing("sáng kiến không đọc được", "init")
    usable = [i for i in p.inits
              if _INIT_LEVELS.index(i.level) >= _INIT_LEVELS.index(min_level)
              and (window is None or year - window < i.year <= year)]
    unused = [i for i in usable if i.used_for is None]
    if len(unused) >= count:
        return _ok()
    if reuse_uncertain and len(usable) >= count:
        return _missing("sáng kiến đã dùng cho khen thưởng khác", "init")
    if "init" not in stated and not p.inits:
        return _missing("danh sách không có cột sáng kiến")
    # Name the cell only when it holds initiatives that do not count (level, year, already used).
    return _fail(f"cần {count} sáng kiến từ cấp {min_level}, có {len(unused)}", *(("init",) if p.inits else ()))


def _discipline(p: Person, year: int, window: int, pending: bool, stated: frozenset[str] = ALL_STATED) -> Check:
    """Pack ``discipline``: no discipline from khiển trách in the window; pending inspection too (NĐ 98 on)."""
    if "disc" in p.unknown:
        return _missing("kỷ luật không đọc được", "disc")
    if "disc" not in stated and p.discipline is None and p.pending is None:
        return _missing("danh sách không có cột kỷ luật")
    d = p.discipline
    if d is not None and year - window < d.year <= year:
        return _fail(f"kỷ luật {d.form} năm {d.year}", "disc")
    if p.pending and pending:
        return _fail("đang bị xem xét kỷ luật / thanh tra", "pending")
    return _ok()


def _service(p: Person, year: int, months: int, uncertain: bool) -> Check:
    """Pack ``service``: months from recruitment to 31/12 of the round's year (if_missing: note)."""
    if p.recruited is None:
        return _ok("không ghi ngày tuyển dụng (chỉ ghi chú)")
    end = dt.date(year, 12, 31)
    got = (end.year - p.recruited.year) * 12 + end.month - p.recruited.month + (1 if end.day >= p.recruited.day else 0)
    if got >= months:
        return _ok()
    return _fail(f"mới tuyển dụng {got} tháng", "recruited", uncertain=uncertain)


def _prior(p: Person, year: int, awards: Sequence[str], years_since: int,
           stated: frozenset[str] = ALL_STATED, types: str | None = None) -> Check:
    """Pack ``prior_award``: holds one of ``awards``; ``years_since`` from its achievement period to the round.
    ``types`` ("confirmed" | "uncertain" | None): đột xuất / chuyên đề awards are no basis (NĐ 152 Điều 4 k3;
    uncertain under NĐ 98; not in NĐ 91's pack), and one whose type the list does not state is review."""
    if "prior" in p.unknown:
        return _missing("khen thưởng trước không đọc được", "prior")
    held = [a for a in p.priors if a.award in awards]
    if not held and "prior" not in stated:
        return _missing("danh sách không có cột khen thưởng đã nhận")
    if not held:
        return _fail(f"chưa có {awards[0]}", *(("prior",) if p.priors else ()))
    timely = [a for a in held if year - a.to >= years_since]
    if not timely:
        last = max(held, key=lambda a: a.to)
        return _fail(f"{last.award} cho thành tích {last.to}: mới {year - last.to} năm", "prior")
    if types is None or any(a.type == "cong_trang" for a in timely):
        return _ok()
    if any(a.type is None for a in timely):
        return _missing("không rõ loại hình khen thưởng trước (công trạng hay đột xuất, chuyên đề)", "prior")
    return _fail("khen thưởng trước là đột xuất/chuyên đề, không làm căn cứ", "prior", uncertain=types == "uncertain")


def _any(*checks: Check) -> Check:
    if any(c.state == "ok" for c in checks):
        return _ok()
    missing = [c for c in checks if c.state == "missing" or c.uncertain]
    if missing:
        return Check("missing", facts=tuple(f for c in missing for f in c.facts), why="; ".join(c.why for c in missing))
    # Which alternative a finding points at is the tool's choice: no cell is required.
    return Check("fail", why=" và ".join(c.why for c in checks))


def _u(c: Check) -> Check:
    """The same criterion, marked uncertain in the pack (a failure means review)."""
    return replace(c, uncertain=True) if c.state == "fail" else c


def _collective(c: Collective, fld: str, *, at_least_percent: int | None = None,
                more_than_percent: int | None = None, at_least: int | None = None,
                at_most: int | None = None) -> Check:
    if fld in c.unknown:
        return _missing(f"số liệu '{fld}' không đọc được", fld)
    value = getattr(c, fld)
    if at_least_percent is not None and value * 100 < at_least_percent * c.members:
        return _fail(f"{fld} {value}/{c.members} < {at_least_percent} %", fld)
    if more_than_percent is not None and value * 100 <= more_than_percent * c.members:
        return _fail(f"{fld} {value}/{c.members} không trên {more_than_percent} %", fld)
    if at_least is not None and value < at_least:
        return _fail(f"{fld} {value} < {at_least}", fld)
    if at_most is not None and value > at_most:
        return _fail(f"{fld} {value} > {at_most}", fld)
    return _ok()


def _crating(c: Collective, floor: str) -> Check:
    if "crating" in c.unknown:
        return _missing("xếp loại tập thể không đọc được", "crating")
    if c.rating is None:
        return _missing("thiếu xếp loại tập thể")
    return _ok() if _level_at_least(c.rating, floor) else _fail(f"tập thể xếp loại {c.rating}", "crating")


@dataclass(frozen=True)
class Overlay:
    """What a council's quy chế sets that bears on verdicts here."""

    ttldtt_ltt_at_least: int | None = None
    co_seats_per_cluster: int | None = None
    giay_khen_rating: str | None = None  # add_criteria: rating from this level


def criteria(n: Nominee, pack: str, year: int, overlay: Overlay | None = None,
             stated: frozenset[str] = ALL_STATED) -> list[Check]:
    """Every criterion of the pack for this nominee's award, as this corpus reads the pack."""
    ov = overlay or Overlay()
    st = stated
    new = pack != "nd91-2017"  # Luật 2022 regimes: nd98-2023, nd152-2025, luat06-2026
    a = n.award
    if isinstance(n, Collective):
        if a == "tap_the_lao_dong_tien_tien":
            if not new:  # nd91.ttldtt.*: confirmed (Luật 2003 Điều 28 k1)
                return [_crating(n, "httnv"), _collective(n, "ltt", more_than_percent=50),
                        _collective(n, "disciplined", at_most=0)]
            # The share is delegated to the bộ/tỉnh (Luật 2022 Điều 28 k3); a quy chế that sets it, citing the
            # province's rule, settles it (shared/domain/legal.md: "make these configurable per unit"), so
            # below it is a fail, not a review. Unset, it is review.
            ltt = (_collective(n, "ltt", at_least_percent=ov.ttldtt_ltt_at_least) if ov.ttldtt_ltt_at_least
                   else _missing("tỷ lệ LĐTT do bộ/tỉnh quy định (Luật 2022 Điều 28 k3), quy chế chưa đặt"))
            return [_u(_crating(n, "httnv")), ltt, _u(_collective(n, "disciplined", at_most=0))]
        if a == "tap_the_lao_dong_xuat_sac":
            out = [_crating(n, "htxs"), _collective(n, "completed", at_least_percent=100),
                   _collective(n, "ltt", at_least_percent=70), _collective(n, "cstdcs", at_least=1)]
            if not new:  # nd91.ttldxs.discipline
                out.append(_collective(n, "disciplined", at_most=0))
            return out
        if a == "co_thi_dua_bo_tinh":  # cobt.cluster: seats per cluster from the overlay, else review
            if ov.co_seats_per_cluster is None:
                return [_missing("số Cờ mỗi cụm/khối do quy chế đặt, chưa đặt")]
            rank = Check("ok") if (n.rank or 99) <= ov.co_seats_per_cluster else _fail(f"hạng {n.rank} trong cụm", "rank")
            return [rank if not new else _u(rank)]
        if a == "co_thi_dua_chinh_phu":  # cocp.cluster (max rank 1), cocp.rating (Luật 2022 regimes)
            rank = _ok() if n.rank == 1 else _fail(f"hạng {n.rank} trong cụm", "rank")
            return [rank, _crating(n, "htxs")] if new else [rank]
        if a == "giay_khen":
            return [_missing("tiêu chuẩn Giấy khen cho tập thể chưa có/giao đơn vị")]
        raise ValueError(f"no expectation for collective {a}")
    p = n
    if p.kind == "household":
        return [_missing("Giấy khen hộ gia đình: tiêu chuẩn giao đơn vị")]
    months = 10 if not new else 6
    svc_uncertain = pack in ("nd152-2025", "luat06-2026")
    types = None if not new else ("uncertain" if pack == "nd98-2023" else "confirmed")
    if a == "lao_dong_tien_tien":
        return [_rating(p, year, "httnv"), _discipline(p, year, 1, pending=new, stated=st),
                _service(p, year, months, svc_uncertain)]
    if a == "chien_si_thi_dua_co_so":
        ldtt = _any(_titles(p, year, "ldtt", 1, stated=st), _rating(p, year, "httnv"))
        if not new:  # nd91.cstdcs.initiative: a sáng kiến is required (NĐ 91 Điều 9 k3 b)
            core = [_initiatives(p, year, 1, "co_so", stated=st)]
        else:
            core = [_any(_rating(p, year, "htxs"), _initiatives(p, year, 1, "co_so", stated=st))]
            if pack == "luat06-2026":
                # l06.cstdcs.initiative-2026 (uncertain). Both drafts of Luật 06/2026 ask for HTXS *and* an
                # initiative (legal-2026.md §2.3): a verdict resting on the unseen text is review either way,
                # so HTTNV with an initiative is review too (the pack adds only the initiative half).
                core += [_u(_initiatives(p, year, 1, "co_so", stated=st)), _u(_rating(p, year, "htxs"))]
        return [ldtt, *core, _discipline(p, year, 1, pending=new, stated=st), _service(p, year, months, svc_uncertain)]
    if a == "chien_si_thi_dua_bo_tinh":
        disc = _discipline(p, year, 3, pending=True, stated=st) if new else _u(_discipline(p, year, 1, pending=False, stated=st))
        return [_titles(p, year, "cstdcs", 3, consecutive=True, stated=st), _initiatives(p, year, 1, "bo_tinh", stated=st), disc]
    if a == "bang_khen_bo_tinh":
        if not new:  # nd91.bkbt.*: uncertain (seen only through a ministry circular)
            return [_u(_rating(p, year, "htxs", 2)), _u(_initiatives(p, year, 2, "co_so", 2, stated=st))]
        return [_any(_titles(p, year, "cstdcs", 2, consecutive=True, stated=st), _rating(p, year, "htxs", 2)),
                _initiatives(p, year, 2, "co_so", 2, reuse_uncertain=True, stated=st), _discipline(p, year, 2, pending=True, stated=st)]
    if a == "bang_khen_thu_tuong":
        if not new:
            return [_prior(p, year, ["bang_khen_bo_tinh"], 5, stated=st), _rating(p, year, "htxs", 5),
                    _initiatives(p, year, 5, "co_so", 5, stated=st), _u(_discipline(p, year, 5, pending=False, stated=st))]
        return [_prior(p, year, ["bang_khen_bo_tinh"], 5, stated=st, types=types), _rating(p, year, "httnv", 5),
                _titles(p, year, "cstdcs", 3, window=5, stated=st), _discipline(p, year, 5, pending=True, stated=st)]
    if a == "huan_chuong_lao_dong_hang_ba":
        if not new:
            return [_prior(p, year, ["bang_khen_thu_tuong"], 5, stated=st), _rating(p, year, "htxs", 5),
                    _initiatives(p, year, 2, "bo_tinh", 5, stated=st), _u(_discipline(p, year, 5, pending=False, stated=st))]
        return [_prior(p, year, ["bang_khen_thu_tuong"], 5, stated=st, types=types), _rating(p, year, "httnv", 5),
                _rating(p, year, "htxs", 5, at_least=1), _titles(p, year, "cstdcs", 3, window=5, stated=st),
                _discipline(p, year, 5, pending=True, stated=st)]
    if a == "giay_khen":
        if ov.giay_khen_rating:
            return [_rating(p, year, ov.giay_khen_rating)]
        return [_missing("tiêu chuẩn Giấy khen: NĐ 91 chưa truy xuất / Luật 2022 giao đơn vị")]
    raise ValueError(f"no expectation for {a}")


def expect(n: Nominee, pack: str, year: int, overlay: Overlay | None = None,
           stated: frozenset[str] = ALL_STATED) -> Outcome:
    """The verdict the law and the pack give: any confirmed failure → fail; otherwise any uncertain
    failure, missing or unreadable fact → review; otherwise pass."""
    checks = criteria(n, pack, year, overlay, stated)
    fails = [c for c in checks if c.state == "fail" and not c.uncertain]
    if fails:
        return Outcome(FAIL, tuple(f for c in fails for f in c.facts), "; ".join(c.why for c in fails))
    reviews = [c for c in checks if c.state == "missing" or (c.state == "fail" and c.uncertain)]
    if reviews:
        return Outcome(REVIEW, tuple(f for c in reviews for f in c.facts), "; ".join(c.why for c in reviews))
    return Outcome(PASS, (), "đủ mọi tiêu chí")


# ------------------------------------------------------------------------------------ spellings

RATING_WORDS = {
    "htxs": "Hoàn thành xuất sắc nhiệm vụ",
    "httnv": "Hoàn thành tốt nhiệm vụ",
    "htnv": "Hoàn thành nhiệm vụ",
    "khtnv": "Không hoàn thành nhiệm vụ",
}
RATING_SHORT = {"htxs": "HTXSNV", "httnv": "HTTNV", "htnv": "HTNV", "khtnv": "KHTNV"}
TITLE_SHORT = {"ldtt": "LĐTT", "cstdcs": "CSTĐCS", "cstdbt": "CSTĐ cấp tỉnh"}
TITLE_WORDS = {"ldtt": "Lao động tiên tiến", "cstdcs": "Chiến sĩ thi đua cơ sở", "cstdbt": "Chiến sĩ thi đua cấp tỉnh"}
AWARD_WORDS = {
    "lao_dong_tien_tien": "Lao động tiên tiến",
    "chien_si_thi_dua_co_so": "Chiến sĩ thi đua cơ sở",
    "chien_si_thi_dua_bo_tinh": "Chiến sĩ thi đua cấp tỉnh",
    "tap_the_lao_dong_tien_tien": "Tập thể lao động tiên tiến",
    "tap_the_lao_dong_xuat_sac": "Tập thể lao động xuất sắc",
    "co_thi_dua_bo_tinh": "Cờ thi đua của UBND tỉnh",
    "co_thi_dua_chinh_phu": "Cờ thi đua của Chính phủ",
    "giay_khen": "Giấy khen",
    "bang_khen_bo_tinh": "Bằng khen của Chủ tịch UBND tỉnh",
    "bang_khen_thu_tuong": "Bằng khen của Thủ tướng Chính phủ",
    "huan_chuong_lao_dong_hang_ba": "Huân chương Lao động hạng Ba",
}
INIT_LEVEL_WORDS = {"co_so": "cấp cơ sở", "bo_tinh": "cấp tỉnh", "toan_quoc": "toàn quốc"}
DISC_WORDS = {"khien_trach": "Khiển trách", "canh_cao": "Cảnh cáo", "ha_bac_luong": "Hạ bậc lương"}


def shown(n: Any, key: str, normal: Value) -> Value:
    """What the list writes for fact ``key``: the nominee's odd text if it has one, else ``normal``."""
    return n.odd.get(key, normal)


def dmy(d: dt.date, pad: bool = True) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}" if pad else f"{d.day}/{d.month}/{d.year}"


# ---------------------------------------------------------------------------------- sheet builder

Value = str | int | float | dt.date | dt.datetime | None


@dataclass(frozen=True)
class Col:
    """A column: its header path (top row → leaf; a shorter path spans down), the value for a row, and
    the facts its cell carries (so the expected findings can name the cell)."""

    path: tuple[str, ...]
    value: Callable[[Any], Value]
    facts: Callable[[Any], tuple[str, ...]] | tuple[str, ...] = ()
    width: float = 14.0
    merge_down: bool = False  # equal consecutive values are written once, merged down over the rows
    number_format: str | None = None
    counter: str | None = None  # the row's number in the list: "1" | "1." | "01" (value is ignored)
    states: bool = True  # False for a notes column: its facts are read, but it is no column "for" them


@dataclass(frozen=True)
class Section:
    """A row that groups the rows below ("I. KHỐI TRƯỜNG HỌC", "1. Trường Tiểu học …")."""

    text: str
    col: int = 0  # the column it is written in; merged across the sheet when ``span``
    span: bool = True


@dataclass(frozen=True)
class Line:
    """Any other non-nominee row inside or after the table: totals, footers, signatures, dates.
    ``cells`` maps a column index to its text."""

    cells: Mapping[int, Value]
    merge_to: int | None = None  # merge cells[first] across to this column index
    bold: bool = False
    in_table: bool = False  # bordered like the table's rows (a totals row)


@dataclass(frozen=True)
class Blank:
    pass


Row = Any  # a nominee object (Person | Collective) placed on a row
Body = Sequence[Any]


@dataclass
class Sheet:
    name: str
    cols: Sequence[Col]
    body: Body
    top: Sequence[Line] = ()  # title lines above the header (agency, Quốc hiệu, title, subtitle)
    numbering: str | None = None  # "arabic" → 1 2 3 …; "paren" → (1) (2) …
    footer: Sequence[Line | Blank] = ()
    font: str = "Times New Roman"
    header_rows: int | None = None  # default: the deepest header path
    gap_after_top: int = 1
    hidden: bool = False
    encode: str | None = None  # "tcvn3" | "vni": every text cell stored as that legacy font stores it
    after: Callable[[Grid], None] | None = None  # edits the laid-out grid (hidden cells, continuation rows …)


@dataclass
class Grid:
    """A sheet laid out: cell values by (row, col) (1-based), merges, which rows hold which nominee and
    where each of its facts sits."""

    name: str
    cells: dict[tuple[int, int], Value] = field(default_factory=dict)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    bold: set[tuple[int, int]] = field(default_factory=set)
    bordered: set[tuple[int, int]] = field(default_factory=set)
    formats: dict[tuple[int, int], str] = field(default_factory=dict)
    widths: dict[int, float] = field(default_factory=dict)
    nominee_cells: list[tuple[Any, dict[str, str]]] = field(default_factory=list)  # fact → "G5|H5" (any of)
    font: str = "Times New Roman"
    hidden: bool = False
    encode: str | None = None
    families: frozenset[str] = frozenset()  # the fact families the sheet has a column for (see ALL_STATED)
    hidden_cols: set[int] = field(default_factory=set)
    hidden_rows: set[int] = field(default_factory=set)


def ref(row: int, col: int) -> str:
    return f"{get_column_letter(col)}{row}"


def _facts_of(col: Col, obj: Any) -> tuple[str, ...]:
    return col.facts(obj) if callable(col.facts) else col.facts


def layout(sheet: Sheet) -> Grid:
    g = Grid(sheet.name, font=sheet.font, hidden=sheet.hidden, encode=sheet.encode)
    ncols = len(sheet.cols)
    r = 1
    for line in sheet.top:
        _put_line(g, r, line, ncols)
        r += 1
    r += sheet.gap_after_top if sheet.top else 0
    depth = sheet.header_rows or max(len(c.path) for c in sheet.cols)
    top_header = r
    for ci, col in enumerate(sheet.cols, start=1):
        g.widths[ci] = col.width
        for lvl, text in enumerate(col.path):
            if str(text).strip():  # a blank sub-header (two columns under one merged "Họ và tên") stays empty
                g.cells[(r + lvl, ci)] = text
                g.bold.add((r + lvl, ci))
        if len(col.path) < depth:
            g.merges.append((r + len(col.path) - 1, ci, r + depth - 1, ci))
        for lvl in range(depth):
            g.bordered.add((r + lvl, ci))
    # horizontal merges of group headers: consecutive columns with the same prefix at a level
    for lvl in range(depth):
        ci = 0
        while ci < ncols:
            col = sheet.cols[ci]
            if len(col.path) <= lvl + 1:
                ci += 1
                continue
            prefix = col.path[: lvl + 1]
            cj = ci
            while cj + 1 < ncols and sheet.cols[cj + 1].path[: lvl + 1] == prefix and len(sheet.cols[cj + 1].path) > lvl + 1:
                cj += 1
            for ck in range(ci + 1, cj + 1):
                g.cells.pop((r + lvl, ck + 1), None)
            if cj > ci:
                g.merges.append((r + lvl, ci + 1, r + lvl, cj + 1))
            ci = cj + 1
    r = top_header + depth
    if sheet.numbering:
        for ci in range(1, ncols + 1):
            g.cells[(r, ci)] = ci if sheet.numbering == "arabic" else f"({ci})"
            g.bordered.add((r, ci))
        r += 1
    first_data = r
    runs: dict[int, tuple[int, Value]] = {}  # merge-down column → (start row, value)
    placed: list[tuple[Any, int]] = []
    count = 0

    def close_runs(upto: int) -> None:
        for ci, (start, _v) in list(runs.items()):
            if upto - 1 > start:
                g.merges.append((start, ci, upto - 1, ci))
            del runs[ci]

    for item in sheet.body:
        if isinstance(item, Section):
            close_runs(r)
            g.cells[(r, item.col + 1)] = item.text
            g.bold.add((r, item.col + 1))
            if item.span:
                g.merges.append((r, item.col + 1, r, ncols))
            for ci in range(1, ncols + 1):
                g.bordered.add((r, ci))
            r += 1
            continue
        if isinstance(item, Line):
            close_runs(r)
            _put_line(g, r, item, ncols)
            r += 1
            continue
        if isinstance(item, Blank):
            close_runs(r)
            r += 1
            continue
        count += 1
        for ci, col in enumerate(sheet.cols, start=1):
            v = _counter(col.counter, count) if col.counter else col.value(item)
            g.bordered.add((r, ci))
            if col.number_format:
                g.formats[(r, ci)] = col.number_format
            if col.merge_down:
                if ci in runs and runs[ci][1] == v and v not in (None, ""):
                    continue
                if ci in runs:
                    start = runs.pop(ci)[0]
                    if r - 1 > start:
                        g.merges.append((start, ci, r - 1, ci))
                runs[ci] = (r, v)
            if v is not None and v != "":
                g.cells[(r, ci)] = v
        placed.append((item, r))
        r += 1
    close_runs(r)
    last_data = r - 1
    for line in sheet.footer:
        if isinstance(line, Line):
            _put_line(g, r, line, ncols)
        r += 1
    # facts → cells (a merged value is named by its range)
    merged_at = {}
    for (r1, c1, r2, c2) in g.merges:
        for rr in range(r1, r2 + 1):
            for cc in range(c1, c2 + 1):
                merged_at[(rr, cc)] = (r1, c1, r2, c2)
    for obj, row in placed:
        facts: dict[str, list[str]] = {}
        for ci, col in enumerate(sheet.cols, start=1):
            for key in _facts_of(col, obj):
                m = merged_at.get((row, ci))
                if m and m[0] >= first_data and m[2] <= last_data and m[0] != m[2]:
                    facts.setdefault(key, []).append(f"{ref(m[0], m[1])}:{ref(m[2], m[3])}")
                elif (row, ci) in g.cells:
                    facts.setdefault(key, []).append(ref(row, ci))
        g.nominee_cells.append((obj, {k: "|".join(v) for k, v in facts.items()}))
    g.families = frozenset(key.split(":")[0] for col in sheet.cols if col.states for obj, _r in placed
                           for key in _facts_of(col, obj)) | frozenset(
        key.split(":")[0] for col in sheet.cols if col.states and not callable(col.facts) for key in col.facts)
    if sheet.after is not None:
        sheet.after(g)
    return g


def _counter(style: str, n: int) -> Value:
    return {"1": n, "1.": f"{n}.", "01": f"{n:02d}"}[style]


def _put_line(g: Grid, r: int, line: Line, ncols: int) -> None:
    for ci, v in line.cells.items():
        g.cells[(r, ci + 1)] = v
        if line.bold:
            g.bold.add((r, ci + 1))
    if line.merge_to is not None and line.cells:
        first = min(line.cells)
        g.merges.append((r, first + 1, r, line.merge_to + 1))
    if line.in_table:
        for ci in range(1, ncols + 1):
            g.bordered.add((r, ci))


def centered(text: str, ncols: int, *, bold: bool = True, col: int = 0, to: int | None = None) -> Line:
    return Line({col: text}, merge_to=(ncols - 1 if to is None else to), bold=bold)


# ----------------------------------------------------------------------------------------- writers


def _legacy(text: str, encoding: str) -> str:
    """``text`` as a TCVN3/VNI font stores it. TCVN3 draws capitals with a second font (.VnTimeH) using
    the lower-case codes, so a toned capital is stored as its lower-case code, as such files really are."""
    from tdkt.ingest.legacy import encode

    typed = {"…": "...", "–": "-", "“": '"', "”": '"', "•": "-"}  # what a legacy keyboard typed instead
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            out.append(encode(typed.get(ch, ch), encoding))
        except ValueError:
            out.append(encode(ch.lower(), encoding))
    return "".join(out)


def _stored(v: Value, encoding: str | None) -> Value:
    if encoding and isinstance(v, str):
        return _legacy(v, encoding)
    return v


def write_xlsx(path: Path, grids: Sequence[Grid], *, legacy_font: str | None = None) -> None:
    wb = Workbook()
    wb.remove(wb.active)
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    for g in grids:
        ws = wb.create_sheet(g.name)
        if g.hidden:
            ws.sheet_state = "hidden"
        font_name = g.font
        for (r, c), v in sorted(g.cells.items()):
            cell = ws.cell(row=r, column=c, value=_stored(v, g.encode))
            cell.font = Font(name=font_name, size=12, bold=(r, c) in g.bold)
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            if (r, c) in g.formats:
                cell.number_format = g.formats[(r, c)]
            elif isinstance(v, (dt.date, dt.datetime)):
                cell.number_format = "dd/mm/yyyy"
        for (r, c) in sorted(g.bordered):
            ws.cell(row=r, column=c).border = box
        for (r1, c1, r2, c2) in g.merges:
            ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
        for c, w in g.widths.items():
            ws.column_dimensions[get_column_letter(c)].width = w
        for c in sorted(g.hidden_cols):
            ws.column_dimensions[get_column_letter(c)].hidden = True
        for r in sorted(g.hidden_rows):
            ws.row_dimensions[r].hidden = True
    buf = io.BytesIO()
    wb.save(buf)
    path.write_bytes(_reproducible_zip(buf.getvalue()))


def _reproducible_zip(data: bytes) -> bytes:
    """openpyxl stamps the zip entries and docProps/core.xml with the time of saving: fix both."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2026-12-01T08:00:00Z", body)
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = info.external_attr
            dst.writestr(zi, body)
    return out.getvalue()


def grid_rows(g: Grid, *, repeat_merged: bool = False) -> list[list[str]]:
    """The grid as text rows (what an HR system's CSV export holds): dates as dd/mm/yyyy, merged values
    once (or repeated into every covered cell)."""
    nrows = max(r for r, _ in g.cells) if g.cells else 0
    ncols = max(c for _, c in g.cells) if g.cells else 0
    fill: dict[tuple[int, int], Value] = dict(g.cells)
    if repeat_merged:
        for (r1, c1, r2, c2) in g.merges:
            v = g.cells.get((r1, c1))
            for rr in range(r1, r2 + 1):
                for cc in range(c1, c2 + 1):
                    fill[(rr, cc)] = v
    rows = []
    for r in range(1, nrows + 1):
        row = []
        for c in range(1, ncols + 1):
            v = fill.get((r, c))
            if isinstance(v, (dt.date, dt.datetime)):
                v = dmy(v if isinstance(v, dt.date) else v.date())
            row.append("" if v is None else str(v))
        while row and row[-1] == "":
            row.pop()
        rows.append(row)
    return rows


def cp1258(text: str) -> bytes:
    """Windows-1258 as Windows writes it: letters the code page lacks precomposed become base + tone mark."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        nfd = unicodedata.normalize("NFD", ch)
        tones = [c for c in nfd if c in "\u0300\u0301\u0303\u0309\u0323"]
        base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in tones))
        out += base.encode("cp1258") + "".join(tones).encode("cp1258")
    return bytes(out)


# VISCII (RFC 1456): bytes 0x80-0xFF, and the six C0 bytes it takes for capitals (as glibc's iconv maps them).
_VISCII_HIGH = ("ẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲÕắằặấầẩậẽẹếềểễệốồổỗỠƠộờởịỰỨỪỬơớƯÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳĐứÒÓÔạỷừửÙÚỹỵÝỡưàáâãảăữẫ"
                "èéêẻìíĩỉđựòóôõỏọụùúũủýợỮ")
_VISCII = {**{ch: 0x80 + i for i, ch in enumerate(_VISCII_HIGH)},
           "Ẳ": 0x02, "Ẵ": 0x05, "Ẫ": 0x06, "Ỷ": 0x14, "Ỹ": 0x19, "Ỵ": 0x1E}


def viscii(text: str) -> bytes:
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        out.append(_VISCII[ch] if ch in _VISCII else ord(ch.encode("ascii")))
    return bytes(out)


def write_csv(path: Path, rows: Iterable[Sequence[str]], *, delimiter: str = ",", encoding: str = "utf-8",
              bom: bool = False, quote_all: bool = False, sep_hint: bool = False) -> None:
    """``sep_hint``: the first row, left empty, becomes the "sep=;" line Excel reads to name the delimiter
    (so that the rows keep their numbers in the expected cells)."""
    buf = io.StringIO(newline="")
    if sep_hint:
        rows = list(rows)
        assert rows and not rows[0], "sep_hint needs an empty first row"
        buf.write(f"sep={delimiter}\r\n")
        rows = rows[1:]
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n",
                   quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
    for row in rows:
        w.writerow(row)
    text = buf.getvalue()
    if encoding == "cp1258":
        data = cp1258(text)
    elif encoding == "viscii":
        data = viscii(text)
    elif encoding == "utf-16":
        data = "\ufeff".encode("utf-16-le") + text.encode("utf-16-le")
    else:
        data = (b"\xef\xbb\xbf" if bom else b"") + text.encode(encoding)
    path.write_bytes(data)

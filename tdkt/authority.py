"""Who decides each award, and where the rest goes: ``tdkt/rules/authority/authority.yaml`` read as data.

A council's round renders a Quyết định only for the awards its own head decides on the round's date;
every other award goes up in one Tờ trình to the next level of the chain (xã → tỉnh, tỉnh → Thủ tướng
Chính phủ → Chủ tịch nước …). An award decided below or beside the council's level (Lao động tiên
tiến at a provincial council) is neither decided nor proposed there: :func:`findings` says so for
each such nominee, and render leaves it out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Literal

from tdkt import messages
from tdkt.errors import RuleFileError, WorkspaceError
from tdkt.findings import Finding

if TYPE_CHECKING:
    from tdkt.models import Nominee

LOCAL_LEVELS = ("xa", "huyen", "tinh")  # a People's Committee and its chairman

# Info, not a warning: the verdict answers "does the nominee meet the criteria", which it may; the
# route answers "which documents", and render leaves the nominee out and says why (Báo cáo, mục V).
messages.register(
    "authority.not-here", "info",
    "{award} do {decider} quyết định ({basis_text}); {council} không quyết định và không đề nghị hình thức này: "
    "chuyển hồ sơ về đúng cấp.",
    "Mỗi cấp chỉ quyết định những hình thức khen thưởng thuộc thẩm quyền của người đứng đầu cấp đó và đề nghị cấp "
    "trên những hình thức cao hơn; hồ sơ của cấp dưới không thuộc Hội đồng này.",
)

DECIDER_WORDS = {
    "don_vi": "Thủ trưởng cơ quan, đơn vị",
    "xa": "Chủ tịch Ủy ban nhân dân cấp xã",
    "huyen": "Chủ tịch Ủy ban nhân dân cấp huyện",
    "tinh": "Chủ tịch Ủy ban nhân dân cấp tỉnh",
    "bo": "Bộ trưởng, Thủ trưởng cơ quan ngang bộ",
    "thu_tuong": "Thủ tướng Chính phủ",
    "chu_tich_nuoc": "Chủ tịch nước",
}
COUNCIL_WORDS = {
    "don_vi": "Hội đồng của cơ quan, đơn vị",
    "xa": "Hội đồng cấp xã",
    "huyen": "Hội đồng cấp huyện",
    "tinh": "Hội đồng cấp tỉnh",
    "bo": "Hội đồng cấp bộ",
}


@dataclass(frozen=True)
class Period:
    id: str
    from_: dt.date | None
    until: dt.date | None
    status: str
    basis: str
    note: str
    chain: Mapping[str, str]
    decides: Mapping[str, frozenset[str]]

    def applies(self, on: dt.date) -> bool:
        return (self.from_ is None or self.from_ <= on) and (self.until is None or on <= self.until)


@dataclass(frozen=True)
class Dated:
    text: str
    from_: dt.date | None
    until: dt.date | None

    def applies(self, on: dt.date) -> bool:
        return (self.from_ is None or self.from_ <= on) and (self.until is None or on <= self.until)


@dataclass(frozen=True)
class Table:
    heads: Mapping[str, str]
    addressees: Mapping[str, str]
    vias: Mapping[str, str]
    periods: tuple[Period, ...]
    competence: Mapping[str, tuple[Dated, ...]]
    names: Mapping[str, Mapping[str, str]]
    achievement: Mapping[str, str]
    period_years: Mapping[str, int]
    unquoted: frozenset[str]
    executors: Mapping[str, tuple[str, ...]]
    recipients: Mapping[str, Any]


@dataclass(frozen=True)
class Route:
    """Where an award goes from a council's level on a date.

    ``kind``: ``decide`` (its head decides: a Quyết định), ``propose`` (a Tờ trình to ``hops[0]``,
    which decides it or passes it on to ``hops[-1]``, the decider) or ``elsewhere`` (decided below or
    beside this level: neither). ``decider`` is the level that decides.
    """

    kind: Literal["decide", "propose", "elsewhere"]
    decider: str
    hops: tuple[str, ...]
    basis: str
    uncertain: bool


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


@cache
def table() -> Table:
    """The authority table shipped with tdkt (parsed once)."""
    import yaml

    text = resources.files("tdkt").joinpath("rules/authority/authority.yaml").read_text(encoding="utf-8")
    data: Any = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    try:
        levels = data["levels"]
        periods = tuple(
            Period(
                id=str(p["id"]), from_=_date(p.get("from")), until=_date(p.get("until")),
                status=str(p.get("status") or "confirmed"), basis=str(p["basis"]), note=str(p.get("note") or ""),
                chain={str(k): str(v) for k, v in p["chain"].items()},
                decides={str(k): frozenset(str(a) for a in v) for k, v in p["decides"].items()},
            )
            for p in data["periods"]
        )
        return Table(
            heads={k: str(v["head"]) for k, v in levels.items()},
            addressees={k: str(v["addressee"]) for k, v in levels.items() if v.get("addressee")},
            vias={k: str(v["via"]) for k, v in levels.items() if v.get("via")},
            periods=periods,
            competence={k: tuple(Dated(str(d["text"]), _date(d.get("from")), _date(d.get("until"))) for d in v or [])
                        for k, v in data["competence"].items()},
            names={k: {kk: str(vv) for kk, vv in v.items()} for k, v in data["names"].items()},
            achievement={str(k): str(v) for k, v in data["achievement"].items()},
            period_years={str(k): int(v) for k, v in data.get("period_years", {}).items()},
            unquoted=frozenset(str(a) for a in data.get("unquoted", [])),
            executors={k: tuple(str(x) for x in v) for k, v in data["executors"].items()},
            recipients=data["recipients"],
        )
    except (KeyError, TypeError, ValueError) as exc:  # pragma: no cover - the shipped file is tested
        raise RuleFileError(f"Tệp thẩm quyền authority.yaml hỏng: {exc}") from exc


def period(on: dt.date) -> Period:
    for p in table().periods:
        if p.applies(on):
            return p
    raise RuleFileError(f"Tệp thẩm quyền authority.yaml không có giai đoạn cho ngày {on:%d/%m/%Y}.")  # pragma: no cover


def chain(level: str, on: dt.date, parent_level: str = "tinh") -> list[str]:
    """The levels above ``level`` on ``on``, nearest first (a unit's council: its province or ministry).

    Raises:
        WorkspaceError: the level did not exist on that date (the district level after 30/06/2025).
    """
    p = period(on)
    if level != "don_vi" and level not in p.decides:
        raise WorkspaceError(
            f"Ngày {on:%d/%m/%Y} không còn cấp huyện: từ 01/07/2025 chính quyền địa phương có hai cấp (tỉnh, xã). "
            "Đặt lại cấp của Hội đồng trong tdkt.toml (khóa council.level)."
        )
    out: list[str] = []
    here = parent_level if level == "don_vi" else p.chain.get(level)
    while here:
        out.append(here)
        here = p.chain.get(here)
    return out


def route(award: str, level: str, on: dt.date, parent_level: str = "tinh") -> Route:
    """Where ``award`` goes from a council at ``level`` on ``on`` (see :class:`Route`)."""
    p = period(on)
    above = chain(level, on, parent_level)
    uncertain = p.status != "confirmed"
    known = any(award in d for d in p.decides.values())
    if not known or award in p.decides.get(level, frozenset()):
        # An award the table does not know is a council overlay's local title: the council's own.
        return Route("decide", level, (), p.basis, uncertain)
    for i, lvl in enumerate(above):
        if award in p.decides.get(lvl, frozenset()):
            return Route("propose", lvl, tuple(above[: i + 1]), p.basis, uncertain)
    decider = next(lvl for lvl, awards in p.decides.items() if award in awards)
    return Route("elsewhere", decider, (), p.basis, uncertain)


def competence_bases(level: str, on: dt.date) -> list[str]:
    """The organisation law(s) in force on ``on`` that ground the head's competence."""
    key = "local" if level in LOCAL_LEVELS else level
    return [d.text for d in table().competence.get(key, ()) if d.applies(on)]


def findings(
    nominees: Iterable[Nominee], level: str, on: dt.date, *, parent_level: str = "tinh", award: str | None = None,
    award_name: Callable[[str], str] | None = None,
) -> list[Finding]:
    """A finding for each nominee whose award this level neither decides nor proposes.

    ``nominees`` are ingest's records (``id``, ``award``, ``cells``, ``source``); ``award`` is the
    award of rows that name none; ``award_name`` maps an id to its Vietnamese name.
    """
    from tdkt.awards import name as catalogue_name

    if level != "don_vi" and level not in period(on).decides:
        return []  # a level that did not exist on that date: render says so; validation still runs
    name_of = award_name or catalogue_name
    out: list[Finding] = []
    routes: dict[str, Route] = {}
    for n in nominees:
        aid = n.award or award
        if not aid:
            continue
        r = routes.get(aid) or routes.setdefault(aid, route(aid, level, on, parent_level))
        if r.kind != "elsewhere":
            continue
        out.append(messages.make("authority.not-here", cell=n.cells.get("award", n.source),
                                 subject=n.id, basis=r.basis, **not_here(aid, name_of(aid), level, on)))
    return out


def not_here(award: str, award_name: str, level: str, on: dt.date) -> dict[str, str]:
    """The parameters of ``authority.not-here`` for an award decided below or beside ``level``."""
    deciders = [DECIDER_WORDS.get(lvl, lvl) for lvl, awards in period(on).decides.items() if award in awards]
    return {"award": award_name, "decider": " hoặc ".join(deciders), "basis_text": period(on).basis,
            "council": COUNCIL_WORDS.get(level, "Hội đồng")}



LEVEL_WORDS = {
    "don_vi": "Hội đồng của cơ quan, đơn vị (`don_vi`)", "xa": "Cấp xã (`xa`)", "huyen": "Cấp huyện (`huyen`)",
    "tinh": "Cấp tỉnh, thành phố trực thuộc Trung ương (`tinh`)", "bo": "Cấp bộ, ban, ngành (`bo`)",
}


def reference_markdown() -> str:
    """docs/authority.md: the authority table as the officer reads it (kept current by a test)."""
    from tdkt.awards import name as catalogue_name

    t = table()

    def name(award: str, level: str = "") -> str:  # as the level's own documents name it
        spec = t.names.get(award)
        if spec and level == "bo":
            return spec["bo"].format(ministry="…")
        if spec and level == "tinh":
            return spec["tinh"].format(kind="tỉnh (thành phố)", place="tỉnh (thành phố)")
        return catalogue_name(award)

    out = ["# Thẩm quyền quyết định khen thưởng theo cấp (tham chiếu)", "",
           "Tệp này được sinh từ `tdkt/rules/authority/authority.yaml` (`tdkt.authority.reference_markdown`); "
           "một kiểm thử giữ nó khớp. Đợt xét soạn Quyết định cho các hình thức người đứng đầu cấp của Hội "
           "đồng quyết định vào ngày họp; các hình thức cấp trên quyết định vào một Tờ trình gửi cấp trên liền "
           "kề; hình thức do cấp dưới quyết định thì Hội đồng không quyết định, không đề nghị (ghi chú "
           "`authority.not-here`). Danh hiệu riêng trong quy chế của Hội đồng là của Hội đồng.", ""]
    for p in t.periods:
        since = p.from_.strftime("%d/%m/%Y") if p.from_ else "trước"
        until = p.until.strftime("%d/%m/%Y") if p.until else "nay"
        out += [f"## Từ {since} đến {until}" if p.from_ else f"## Đến {until}", "",
                f"Căn cứ: {p.basis}." + (" Chưa xác thực: " + p.note if p.status != "confirmed" else ""), "",
                "| Cấp của Hội đồng | Người đứng đầu quyết định | Tờ trình gửi |", "|---|---|---|"]
        for level in LEVEL_WORDS:
            if level not in p.decides:
                continue
            up = "tỉnh hoặc bộ (`council.parent_level`)" if level == "don_vi" else DECIDER_WORDS.get(
                p.chain.get(level, ""), "")
            out.append(f"| {LEVEL_WORDS[level]} | {', '.join(name(a, level) for a in sorted(p.decides[level]))} | {up} |")
        for level in ("thu_tuong", "chu_tich_nuoc"):
            out.append(f"| {DECIDER_WORDS[level]} | {', '.join(name(a) for a in sorted(p.decides[level]))} | "
                       f"{DECIDER_WORDS.get(p.chain.get(level, ''), '')} |")
        out.append("")
    out += ["## Căn cứ thẩm quyền (dòng căn cứ đầu tiên của Quyết định)", ""]
    for key, label in (("local", "Ủy ban nhân dân các cấp"), ("bo", "Bộ, cơ quan ngang bộ")):
        out.append(f"- {label}:")
        for d in t.competence[key]:
            span = (f"từ {d.from_:%d/%m/%Y}" if d.from_ else "") + (f" đến {d.until:%d/%m/%Y}" if d.until else "")
            out.append(f"  - {d.text}" + (f" ({span.strip()})" if span.strip() else ""))
    out.append("- Cơ quan, đơn vị: quyết định thành lập hoặc quy định chức năng, nhiệm vụ, trong `tdkt.toml` "
               "(`[legal] competence`).")
    return "\n".join(out) + "\n"

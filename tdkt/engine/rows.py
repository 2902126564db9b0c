"""Evaluating a whole list: one pass over the rows, the titles pending for the same person, then the
list-level checks; and the date that chooses the regime."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence

from tdkt import messages, progress
from tdkt.engine.lists import _caps, _duplicates, _fold, _Index, _notices, _People, _quotas, _rating_caps
from tdkt.engine.plan import NO_PENDING, Plans, RowFindings, _evaluate_one
from tdkt.engine.report import NomineeResult, Report
from tdkt.findings import Finding
from tdkt.models import AWARD_TYPE_VN, Nominee
from tdkt.ruleset import Ruleset
from tdkt.util import no_gc


def evaluate(
    nominees: Sequence[Nominee],
    rs: Ruleset,
    *,
    year: int | None = None,
    award: str | None = None,
    extra: Iterable[Finding] = (),
    session: str | None = None,
) -> Report:
    """Evaluate a whole list.

    Args:
        nominees: the rows, as ingest produced them.
        rs: the ruleset (pack + overlays) of the round.
        year: the achievement year when a row does not say (``--year`` or the round's year).
        award: the award id for rows that do not name one (``--award``).
        extra: findings from earlier stages (ingest, history); those with a ``subject`` go to that
            nominee and count in its verdict, the others are list-level.
        session: the round id, recorded in the report.
    """
    with no_gc():
        return _evaluate(nominees, rs, year=year, award=award, extra=extra, session=session)


def _evaluate(
    nominees: Sequence[Nominee],
    rs: Ruleset,
    *,
    year: int | None,
    award: str | None,
    extra: Iterable[Finding],
    session: str | None,
) -> Report:
    extras = list(extra)
    by_subject: dict[str, list[Finding]] = defaultdict(list)
    for f in extras:
        if f.subject is not None:
            by_subject[f.subject].append(f)
    index = _Index()
    people = _People(nominees)
    results: list[NomineeResult] = []
    names: dict[str, str] = {}
    plans = Plans(rs)
    by_award, number, add_person, add_unit = index.by_award, people.number, index.people.append, index.units.append
    bar = progress.stage("Kiểm tra tiêu chí", len(nominees), unit="hồ sơ")
    for i, n in enumerate(nominees):  # one pass: each row is read once, while it is in the cache
        if not i & 511:
            bar.update(i)
        unit = _fold(n.unit or "")
        key = number(i, n, unit)
        if key != i:
            index.add_repeat(key, i)
        add_person(key)
        add_unit(unit)
        aid = n.award or award
        y = n.year or year
        if aid in by_award:
            by_award[aid].append(i)
        else:
            by_award[aid] = [i]
        if aid and aid not in names:
            names[aid] = rs.award_name(aid)
        own = by_subject[n.id] if by_subject and n.id in by_subject else ()
        if n.unclear:
            own = [*own, *kind_unclear(n), *type_unclear(n)]
        shared: RowFindings | None = None
        if aid is None:
            own = [*own, messages.make("rules.no-award", cell=n.cells.get("award", n.source), subject=n.id,
                                       text=f" ('{n.award_text}')" if n.award_text else "")]
        elif y is None:
            own = [*own, messages.make("rules.no-year", cell=n.source, subject=n.id)]
        elif n.award_type not in (None, "cong_trang"):  # criteria of công trạng do not judge it
            own = [*own, not_cong_trang(n, names[aid], rs)]
        else:  # as if no other row were about the same person: see _pending
            kind = n.kind
            plan = plans.get((aid, kind)) or plans.of(aid, kind)
            if plan.requirement is None:  # the award is not in the pack, or not for this kind
                own = [*own, *_evaluate_one(n, aid, y, rs, NO_PENDING, plans)]
            else:
                shared = plan.findings(n, y, aid)
        results.append(NomineeResult(n, aid, names[aid] if aid else "", y, own, shared))
    _pending(results, index, plans)
    ids = {n.id for n in nominees} if by_subject else set()  # extras without a subject are list-level anyway
    listing = [f for f in extras if f.subject is None or f.subject not in ids]
    listing += _notices(rs)
    for i, more in _duplicates(results, rs, index).items():  # first: a duplicated row takes no seat of a cap
        results[i] = results[i].adding(more)
    capped, per_row = _caps(results, rs, index)
    seated, per_seat = _quotas(results, rs, index)
    listing += capped
    listing += seated
    listing += _rating_caps(results, rs)
    for i in sorted({*per_row, *per_seat}):
        results[i] = results[i].adding([*per_row.get(i, ()), *per_seat.get(i, ())])
    return Report(rs, results, listing, session)


KIND_CRITERION = "loại đối tượng được đề nghị (cá nhân, tập thể hay hộ gia đình)"
TYPE_CRITERION = "loại hình khen thưởng được đề nghị (công trạng, đột xuất, chuyên đề…)"


def award_type_basis(rs: Ruleset) -> str:
    """Where the law names the loại hình khen thưởng, for the regime of ``rs``."""
    if rs.id.startswith("nd91"):
        return "Luật Thi đua, khen thưởng năm 2003 (loại hình khen thưởng; điều khoản chưa đối chiếu)"
    return "Luật Thi đua, khen thưởng năm 2022 Điều 8"


def not_cong_trang(n: Nominee, award_name: str, rs: Ruleset) -> Finding:
    """A row proposed for a đột xuất, chuyên đề… award: the packs hold the criteria of công trạng only, so
    the row is "cần xem xét" for the council, never judged by them (a wrong "Không đạt" or "Đạt")."""
    return messages.make("rules.not-cong-trang", rule="award-type", basis=award_type_basis(rs),
                         cell=n.cells.get("award_type", n.cells.get("award", n.source)), subject=n.id,
                         award_name=award_name, type_vn=AWARD_TYPE_VN[n.award_type or "cong_trang"])


def type_unclear(n: Nominee) -> list[Finding]:
    """A "Loại hình" cell not understood: which criteria apply depends on it, so the row is review."""
    return [messages.make("rules.unclear-fact", cell=u.cell, value=u.value, where=u.cell.a1, header=u.cell.header or "",
                          criterion=TYPE_CRITERION, subject=n.id) for u in n.unclear if u.field == "award_type"]


def kind_unclear(n: Nominee) -> list[Finding]:
    """A kind cell not understood: every criterion depends on it (the requirement is chosen by kind), so
    the row is "cần xem xét" at best, naming the cell — never judged as the default kind. An award given to
    one kind only (LĐTT to a person, TTLĐTT to a collective) settles the kind without the cell."""
    from tdkt import awards

    a = awards.catalogue().get(n.award or "")
    if a is not None and a.for_ == n.kind:
        return []
    return [messages.make("rules.unclear-fact", cell=u.cell, value=u.value, where=u.cell.a1, header=u.cell.header or "",
                          criterion=KIND_CRITERION, subject=n.id) for u in n.unclear if u.field == "kind"]


def _pending(results: list[NomineeResult], index: _Index, plans: Plans) -> None:
    """Re-evaluate the rows of the people proposed for two titles or more in the list: each with the
    titles of the person's other rows pending (a CSTĐ tỉnh nominee's CSTĐCS of the year is often
    decided in the same round)."""
    for rows in index.repeats.values():
        pairs = {(r.award, r.year) for r in (results[i] for i in rows) if r.award and r.year}
        if len(pairs) < 2:
            continue
        for i in rows:
            r = results[i]
            if r.shared is not None and r.award and r.year:
                others = frozenset(p for p in pairs if p != (r.award, r.year))
                results[i] = r.adding(shared=plans.of(r.award, r.nominee.kind).findings(r.nominee, r.year, r.award, others))


def regime_date(*, round_date: dt.date | None, year: int | None) -> tuple[dt.date, str]:
    """The date that chooses the regime: the round's meeting date, else 31/12 of the achievement year."""
    if round_date is not None:
        return round_date, f"theo ngày họp của đợt xét {round_date.strftime('%d/%m/%Y')}"
    if year is not None:
        d = dt.date(year, 12, 31)
        return d, f"không có đợt xét: chọn theo ngày {d.strftime('%d/%m/%Y')} (cuối năm thành tích)"
    d = dt.date.today()
    return d, f"không có đợt xét và năm: chọn theo ngày hôm nay {d.strftime('%d/%m/%Y')}"

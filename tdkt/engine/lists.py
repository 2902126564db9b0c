"""List-level checks: who each row is about (the same person twice), caps, quotas, exclusive awards,
and the rule pack's notices."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import msgspec

from tdkt import fastpaths, messages, vocab
from tdkt.engine.report import NomineeResult
from tdkt.findings import Finding
from tdkt.models import Nominee
from tdkt.ruleset import Ruleset
from tdkt.text import folded

# Names and units repeat down a list; folding is pure, so each text is folded once (the cached fold).
_fold = folded


def person_key(n: Nominee) -> str:
    """Who a row is about, for duplicates and cross-row facts: CCCD, staff code, or name+birth+unit."""
    if n.cccd:
        return "cccd:" + n.cccd.strip()
    if n.staff_code:
        return "staff:" + n.staff_code.strip()
    birth = n.birth_date.isoformat() if n.birth_date else str(n.birth_year or "")
    return f"name:{_fold(n.name)}|{birth}|{_fold(n.unit or '')}|{n.kind}"


class _People:
    """Numbers the people of a list: rows with equal :func:`person_key` get the same number, the
    index of the person's first row.

    Rows without a CCCD or staff code are told apart by birth, folded unit and kind first; a name
    is folded only for the few rows that share those with an earlier row (the others cannot be the
    same person as any earlier row), which saves folding most names of a large list. Under
    ``TDKT_PLAIN=1`` a row's number is that of the first row with its :func:`person_key`.
    """

    __slots__ = ("buckets", "codes", "keys", "plain", "rows")

    def __init__(self, rows: Sequence[Nominee]) -> None:
        self.rows = rows
        self.codes: dict[tuple[str, str], int] = {}
        self.buckets: dict[tuple[Any, str, str], int | dict[str, int]] = {}
        self.keys: dict[str, int] = {}  # the plain path's: person_key → the first row
        self.plain = fastpaths.PLAIN

    def number(self, i: int, n: Nominee, unit: str) -> int:
        """The number of the person of row ``i`` (``n``, whose folded unit is ``unit``)."""
        if self.plain:
            return self.keys.setdefault(person_key(n), i)
        if n.cccd:
            return self.codes.setdefault(("cccd", n.cccd.strip()), i)
        if n.staff_code:
            return self.codes.setdefault(("staff", n.staff_code.strip()), i)
        # a birth date never equals a birth year, as their texts in person_key differ
        bucket = (n.birth_date or n.birth_year or "", unit, n.kind)
        got = self.buckets.setdefault(bucket, i)
        if got == i:
            return i
        if isinstance(got, int):  # the second row with this birth, unit and kind
            got = self.buckets[bucket] = {_fold(self.rows[got].name): got}
        return got.setdefault(_fold(n.name), i)



class _Index:
    """Who each row of a list is about and where its award is, for the list-level checks.

    ``people``: a number per row, the same for the rows with equal :func:`person_key`; ``units``: the
    folded unit of each row; ``by_award``: the rows of each award (None: no award); ``repeats``: the
    rows of each person with two rows or more.
    """

    __slots__ = ("by_award", "people", "repeats", "units")

    def __init__(self) -> None:
        self.people: list[int] = []
        self.units: list[str] = []
        self.by_award: dict[str | None, list[int]] = {}
        self.repeats: dict[int, list[int]] = {}

    def add_repeat(self, person: int, row: int) -> None:
        rows = self.repeats.get(person)
        if rows is None:
            self.repeats[person] = [person, row]  # a person's number is the number of their first row
        else:
            rows.append(row)


def _notices(rs: Ruleset) -> list[Finding]:
    out = [messages.make("rules.ruleset-chosen", rule=rs.label, ruleset=rs.label, title=rs.title,
                         overlays="".join(f" và {o.title}" for o in rs.overlays),
                         how=rs.chosen_by or "được chỉ định")]
    from tdkt.readings import pending_phrase

    pending = pending_phrase(rs)
    if pending:
        out.append(messages.make("rules.uncertain-pending", rule=f"{rs.prefix}.uncertain", ruleset=rs.title, what=pending))
    for r in rs.readings:
        out.append(messages.make("rules.council-reading", rule=r.rule, basis=r.basis, criterion=r.label,
                                 phrase=r.phrase, article=r.article, quote=r.text, date=r.date.strftime("%d/%m/%Y")))
    for n in rs.active_notices():
        out.append(messages.make("rules.notice", severity=n.severity, rule=f"{rs.prefix}.{n.id}", text=n.text))
    return out


def _where(group: str, label: str) -> str:
    return f" ({label} {group})" if group else ""


def _caps(results: list[NomineeResult], rs: Ruleset, index: _Index) -> tuple[list[Finding], dict[int, list[Finding]]]:
    """The list caps: list-level findings, and the findings of each capped row (issue 13: a cap that is
    exceeded, or that cannot be checked, reaches the verdicts of the rows it caps).

    The cap is a share of the people who *achieve* the base titles (NĐ 91 Điều 9 k3: "cá nhân đạt danh hiệu
    LĐTT"), so the denominator is worked out from the rows' own verdicts: sure (rows that pass) and at best
    (rows not failed). A capped row that fails on its own criteria takes no seat. Seats within the sure
    denominator stand; a seat that exists only if rows still under review pass is "cần xem xét"."""
    numbers, units = index.people, index.units
    out: list[Finding] = []
    rows_out: dict[int, list[Finding]] = defaultdict(list)
    verdicts = [r.verdict for r in results]
    for rule in rs.list_rules:
        p = rule.params
        num: dict[str, set[int]] = defaultdict(set)  # capped people whose row does not fail
        sure: dict[str, set[int]] = defaultdict(set)  # the base, counting rows that pass
        best: dict[str, set[int]] = defaultdict(set)  # the base, counting rows not failed
        others: dict[str, bool] = defaultdict(bool)
        last: dict[str, int] = {}  # the last row of each group, which names it
        capped, of, per_unit, leaders_only = p.award, set(p.of), p.per == "unit", p.cluster_leaders
        rows = sorted(i for aid in {capped, *of} for i in index.by_award.get(aid, ()))
        capped_rows: dict[str, list[int]] = defaultdict(list)
        for i in rows:
            aid = results[i].award
            key = numbers[i]
            group = units[i] if per_unit else ""
            last[group] = i
            live = verdicts[i] != "fail"
            if aid == capped:
                capped_rows[group].append(i)
                if live:
                    num[group].add(key)
            if aid in of and (not leaders_only or ((c := results[i].nominee.collective) is not None
                                                    and c.cluster_rank == 1)):
                if live:
                    best[group].add(key)
                if verdicts[i] == "pass":
                    sure[group].add(key)
                if aid != capped:
                    others[group] = True
        names = {g: results[i].nominee.unit or "" for g, i in last.items()}
        award_name = rs.award_name(p.award)
        base_text = " / ".join(rs.award_name(a) for a in p.of if a != p.award) + (
            " dẫn đầu cụm/khối" if p.cluster_leaders else "")
        groups = sorted(g for g in capped_rows if num[g] or not others[g])
        unchecked = [names.get(g, "") for g in groups if not others[g]]
        if unchecked:  # one finding per rule, naming every unit it could not check
            where = (f" ({'đơn vị' if len(unchecked) == 1 else 'các đơn vị'} {', '.join(unchecked)})"
                     if p.per == "unit" else "")
            out.append(messages.make("rules.cap-unchecked", rule=rule.id, basis=rule.basis, award_name=award_name,
                                     where=where, max_percent=f"{p.max_percent:g}", base_text=base_text))
        scaled = round(p.max_percent * 100)
        for group in groups:
            where = _where(names.get(group, ""), "đơn vị") if per_unit else ""
            common: dict[str, Any] = {"rule": rule.id, "basis": rule.basis, "award_name": award_name, "where": where,
                                      "max_percent": f"{p.max_percent:g}", "base_text": base_text}
            live_rows = [i for i in capped_rows[group] if verdicts[i] != "fail"]
            if not others[group]:  # no base in the list: each capped row waits for the cap's check
                one = messages.make("rules.cap-unchecked-row", **common)
                for i in live_rows:
                    rows_out[i].append(msgspec.structs.replace(one, cell=results[i].nominee.source,
                                                               subject=results[i].nominee.id))
                continue
            count = len(num[group])
            low, high = len(sure[group]), len(best[group])
            seats, most = (scaled * low) // 10000, (scaled * high) // 10000  # floor(max% × base), exact integers
            if count <= seats:
                continue
            if count > most:
                code = "rules.cap-exceeded-uncertain" if rule.status == "uncertain" else "rules.cap-exceeded"
                out.append(messages.make(code, count=count, allowed=most, base=high, **common))
            for i, f in _over_cap(results, live_rows, seats, most, count, (low, high), rule.status, common):
                rows_out[i].append(f)
    return out, rows_out


def _over_cap(results: list[NomineeResult], capped: list[int], seats: int, most: int, count: int,
              base: tuple[int, int], status: str, common: dict[str, Any]) -> list[tuple[int, Finding]]:
    """The rows of a group over its sure seats (``seats``; ``most`` if the rows under review pass). With the
    list's own priority order (every row numbered, no two alike), the first ``seats`` stand, those up to
    ``most`` wait for the rows under review, the others are out; without it, the council chooses among all."""
    ranks = [results[i].nominee.priority for i in capped]
    out: list[tuple[int, Finding]] = []
    low, high = base
    if all(r is not None for r in ranks) and len(set(ranks)) == len(ranks):
        order = sorted(capped, key=lambda i: results[i].nominee.priority or 0)
        for pos, i in enumerate(order[seats:], start=seats):
            n = results[i].nominee
            cell = n.cells.get("priority", n.source)
            if pos < most:
                f = messages.make("rules.cap-base-pending", count=count, seats=seats, allowed=most, low=low, base=high,
                                  cell=cell, subject=n.id, **common)
            else:
                f = messages.make("rules.cap-beyond-order", severity="warning" if status == "uncertain" else None,
                                  rank=n.priority, allowed=most, base=high, cell=cell, subject=n.id, **common)
            out.append((i, f))
        return out
    if count > most:
        one = messages.make("rules.cap-choose", count=count, allowed=most, base=high, **common)  # the same for all
    else:
        one = messages.make("rules.cap-base-pending", count=count, seats=seats, allowed=most, low=low, base=high,
                            **common)
    for i in capped:
        n = results[i].nominee
        out.append((i, msgspec.structs.replace(one, cell=n.source, subject=n.id)))
    return out


def _quotas(results: list[NomineeResult], rs: Ruleset, index: _Index) -> tuple[list[Finding], dict[int, list[Finding]]]:
    """The council's seats (quy chế): list-level findings, and the findings of the rows over them. Rows that
    fail on their own criteria take no seat. Over the seats, the list's own priority order (every row
    numbered, no two alike) decides; without it, the council chooses among all (issue 13: a quota that
    is exceeded reaches the verdicts, as a cap does)."""
    out: list[Finding] = []
    rows_out: dict[int, list[Finding]] = defaultdict(list)
    for aid, rows in sorted((a, r) for a, r in index.by_award.items() if a):
        live = [i for i in rows if results[i].verdict != "fail"]
        common: dict[str, Any] = {"rule": f"overlay.seats.{aid}", "basis": rs.seats_basis(aid),
                                  "award_name": rs.award_name(aid)}
        limit = rs.seats(aid)
        if limit is not None and len(live) > limit:
            out.append(messages.make("rules.quota-exceeded", count=len(live), allowed=limit, where="", **common))
            _over_quota(results, live, limit, {**common, "where": ""}, rows_out)
        per = rs.seats_per_cluster(aid)
        if per is not None:
            clusters: dict[str, list[int]] = defaultdict(list)
            for i in live:
                c = results[i].nominee.collective
                if c is not None and c.cluster:
                    clusters[c.cluster].append(i)
            for cl, members in sorted(clusters.items()):
                if len(members) > per:
                    out.append(messages.make("rules.quota-exceeded", count=len(members), allowed=per,
                                             where=f" trong {cl}", **common))
                    _over_quota(results, members, per, {**common, "where": f" trong {cl}"}, rows_out)
    return out, rows_out


def _over_quota(results: list[NomineeResult], rows: list[int], seats: int, common: dict[str, Any],
                rows_out: dict[int, list[Finding]]) -> None:
    ranks = [results[i].nominee.priority for i in rows]
    if all(r is not None for r in ranks) and len(set(ranks)) == len(ranks):
        for i in sorted(rows, key=lambda j: results[j].nominee.priority or 0)[seats:]:
            n = results[i].nominee
            rows_out[i].append(messages.make("rules.quota-beyond-order", rank=n.priority, allowed=seats,
                                             cell=n.cells.get("priority", n.source), subject=n.id, **common))
        return
    one = messages.make("rules.quota-choose", count=len(rows), allowed=seats, **common)
    for i in rows:
        n = results[i].nominee
        rows_out[i].append(msgspec.structs.replace(one, cell=n.source, subject=n.id))


def _duplicates(results: list[NomineeResult], rs: Ruleset, index: _Index) -> dict[int, list[Finding]]:
    """Same person twice for one award, or for awards that exclude each other: the findings of each row."""
    out: dict[int, list[Finding]] = defaultdict(list)
    groups: dict[tuple[int, int | None], list[int]] = {}  # only the (person, year) with 2+ rows
    for person, numbers in index.repeats.items():
        by_year: dict[int | None, list[int]] = {}
        for i in numbers:
            if results[i].award:
                by_year.setdefault(results[i].year, []).append(i)
        groups.update(((person, y), same) for y, same in by_year.items() if len(same) > 1)
    for (_key, year), rows in groups.items():
        by_award: dict[str, list[int]] = defaultdict(list)
        for i in rows:
            by_award[results[i].award or ""].append(i)
        for aid, same in by_award.items():
            if len(same) > 1:
                row_list = ", ".join(str(results[i].nominee.source.row) for i in same)
                for i in same:
                    n = results[i].nominee
                    out[i].append(messages.make(
                        "rules.duplicate-nominee", cell=n.source, subject=n.id, rule="list.duplicate",
                        name=n.name, count=len(same), award_name=rs.award_name(aid), year=year, rows=row_list))
        for ex in rs.exclusive:
            hit = [i for i in rows if results[i].award in ex.awards]
            if len({results[i].award for i in hit}) < 2:
                continue
            row_list = ", ".join(str(results[i].nominee.source.row) for i in hit)
            names = " và ".join(sorted({rs.award_name(results[i].award or "") for i in hit}))
            code = "rules.exclusive-awards-uncertain" if ex.status == "uncertain" else "rules.exclusive-awards"
            for i in hit:
                n = results[i].nominee
                out[i].append(messages.make(code, cell=n.source, subject=n.id, rule=f"{rs.prefix}.{ex.id}",
                                            basis=ex.basis, name=n.name, awards=names, rows=row_list, text=ex.text))
    return out


def _rating_caps(results: list[NomineeResult], rs: Ruleset) -> list[Finding]:
    """Ratings above the unit ceiling of the pack's ``rating_caps`` (NĐ 233/2026 Điều 12 k6): one info
    finding per unit, never a nominee's verdict. People of the covered staff are those whose staff
    category names it; a unit counts as rated ``rating`` itself when a collective row of that name is."""
    out: list[Finding] = []
    for cap in rs.rating_caps:
        counts: dict[tuple[str, int], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        names: dict[str, str] = {}
        rated_units: set[tuple[str, int]] = set()
        for r in results:
            n, year = r.nominee, r.year
            if year is None or year < cap.from_year:
                continue
            rec = n.year_record(year)
            rating = rec.rating if rec is not None else None
            if n.kind == "collective":
                if rating == cap.rating:
                    rated_units.add((_fold(n.name), year))
                continue
            category = _fold(n.staff_category or "")
            if n.kind != "individual" or not any(w in category for w in cap.staff) or rating is None:
                continue
            unit = _fold(n.unit or "")
            names[unit] = n.unit or ""
            counts[(unit, year)][rating].add(person_key(n))
        for (unit, year), by_rating in sorted(counts.items()):
            top = len(by_rating.get(cap.rating, ()))
            base = len(by_rating.get(cap.of, ()))
            rated = (unit, year) in rated_units and cap.rated_unit_percent is not None
            pct = cap.rated_unit_percent if rated and cap.rated_unit_percent is not None else cap.max_percent
            if top == 0 or 10000 * top <= round(pct * 100) * base:  # exact: top ≤ pct % of base
                continue
            out.append(messages.make(
                "rules.rating-share-high", rule=f"{rs.prefix}.{cap.id}", basis=cap.basis, unit=names[unit] or "không ghi",
                year=year, top=top, rating=RATING_LABEL[cap.rating], base=base, of=RATING_LABEL[cap.of],
                pct=f"{pct:g}", allowed=(round(pct * 100) * base) // 10000, text=cap.text,
                unit_rated=" (đơn vị được xếp loại hoàn thành xuất sắc nhiệm vụ)" if rated else ""))
    return out


RATING_LABEL = vocab.RATING

"""A plain, obviously-correct evaluator: the oracle that ``tdkt.engine.evaluate`` is compared with.

It shares nothing with the engine but the predicates (``REGISTRY[kind].fn``), the message catalogue
(``messages.make``), the records and the ruleset's own queries: no memo, no prototypes, no shared
tuples, no person numbering, no cell answers. Every row is evaluated on its own, criterion by
criterion, in the order of the rule file; each finding gets its cell by reading the row's cells;
then the list-level checks are done again with plain loops. Speed does not matter here.

When the engine's behaviour changes on purpose (a new finding, a new list check), change this file
the same way: a difference between the two is either a bug in the engine's machinery or a change
not made here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from typing import Any

from tdkt import __version__, messages, vocab
from tdkt.awards import catalogue as awards_catalogue
from tdkt.engine.doubt import SAME_FACT, TRACKED, variant
from tdkt.findings import SEVERITY_RANK, Finding, sort_findings
from tdkt.models import AWARD_TYPE_VN, Nominee
from tdkt.predicates import REGISTRY, Context, Outcome, reads
from tdkt.ruleset import Criterion, Ruleset
from tdkt.text import fold

KIND_VN = vocab.KIND  # labels are vocabulary, not machinery
SPECIAL_VN = vocab.SPECIAL
VERDICT = {0: "fail", 1: "review", 2: "pass"}


def person(n: Nominee) -> str:
    """Who a row is about: CCCD, else staff code, else folded name + birth + folded unit + kind."""
    if n.cccd:
        return "cccd:" + n.cccd.strip()
    if n.staff_code:
        return "staff:" + n.staff_code.strip()
    birth = n.birth_date.isoformat() if n.birth_date else str(n.birth_year or "")
    return f"name:{fold(n.name)}|{birth}|{fold(n.unit or '')}|{n.kind}"


def cell_of(n: Nominee, fld: str | None) -> Any:
    """The cell a finding about Nominee field ``fld`` points at: the field's own cell, else one of its
    sub-fields (the last year's for ratings and titles, else the first), else the row."""
    if not fld:
        return n.source
    aliases = {"prior_awards": "prior", "history": "rating"}
    root = fld.split(".")[0]
    keys = list(n.cells)
    for key in (fld, aliases.get(fld, fld), root, aliases.get(root, root)):
        if key in keys:
            return n.cells[key]
        subs = sorted(k for k in keys if k.startswith(key + "."))
        if subs:
            return n.cells[subs[-1] if key in ("rating", "title") else subs[0]]
    return n.source


def stamp(c: Criterion, o: Outcome, n: Nominee) -> Finding | None:
    """The finding of criterion ``c``'s outcome ``o`` for row ``n`` (None: met, and nothing to say)."""
    if o.status == "pass" and c.status != "uncertain" and c.reading is None:
        return None
    kw: dict[str, Any] = {"rule": c.id, "basis": c.basis, "cell": cell_of(n, o.field), "subject": n.id,
                          "criterion": c.text, "found": o.found or "không có", "required": o.required,
                          "status": c.status}
    note = f" — {c.note}" if c.note else ""
    if o.status == "pass":
        if c.reading is not None:
            return messages.make("rules.council-reading-pass", **kw)
        return messages.make("rules.uncertain-pass", note=note, **kw)
    if o.status == "missing":
        return messages.make("rules.not-checked" if c.if_missing == "note" else "rules.missing-data",
                             what=o.reason or "dữ kiện", **kw)
    if o.status == "review":
        return messages.make("rules.needs-review", reason=o.reason, **kw)
    if c.status == "uncertain":
        return messages.make("rules.uncertain-not-met", note=note, **kw)
    return messages.make(REGISTRY[c.check].code, severity=c.severity, **kw)


def doubt_of(c: Criterion, n: Nominee) -> dict[str, list[Any]]:
    """The doubtful facts criterion ``c`` reads in row ``n``: its cells not understood, and (None) the
    tracked fields the list has no column for and that are empty."""
    assert c.params is not None
    fields = reads(c.check, c.params)
    out: dict[str, list[Any]] = {}
    if n.stated is not None:
        for f in sorted(TRACKED):
            if (fields is None or f in fields) and f not in n.stated and not any(
                    getattr(n, g) for g in SAME_FACT.get(f, (f,))):
                out[f] = [None]
    for u in n.unclear:
        if fields is None or u.field in fields:
            out.setdefault(u.field, []).append(u)
    return out


def judged(c: Criterion, ctx: Context, n: Nominee) -> list[Finding]:
    """The findings of criterion ``c`` for row ``n``: its outcome's, unless a doubtful fact it reads
    could change a pass or a fail (then one review per cell not understood / field not stated)."""
    assert c.params is not None
    fn = REGISTRY[c.check].fn
    o = fn(ctx, c.params)
    doubt = doubt_of(c, n)
    if not doubt:
        f = stamp(c, o, n)
        return [f] if f is not None else []
    if o.status in ("pass", "fail"):
        other = variant(n, ctx.year, {k: tuple(v) for k, v in doubt.items()}, worst=o.status == "pass")
        if other is not None and fn(dataclasses.replace(ctx, nominee=other), c.params).status == o.status:
            f = stamp(c, o, n)
            return [f] if f is not None else []
        out: list[Finding] = []
    else:
        f = stamp(c, o, n)
        out = [f] if f is not None else []
    kw: dict[str, Any] = {"rule": c.id, "basis": c.basis, "criterion": c.text, "subject": n.id}
    for fld, items in doubt.items():
        for u in items:
            if u is not None:
                out.append(messages.make("rules.unclear-fact", cell=u.cell, value=u.value, where=u.cell.a1,
                                         header=u.cell.header or "", **kw))
            elif o.status in ("pass", "fail"):
                out.append(messages.make("rules.fact-not-stated", severity="info" if c.if_missing == "note" else None,
                                         what=vocab.FACT.get(fld, fld), cell=n.source, **kw))
    return out


def row_findings(n: Nominee, award: str, year: int, rs: Ruleset, pending: frozenset[tuple[str, int]]) -> list[Finding]:
    """The findings of one row for one award, as the rule file lists its criteria."""
    here = {"cell": n.source, "subject": n.id}
    a = rs.awards.get(award)
    if a is None:
        return [messages.make("rules.award-not-in-pack", award=award, ruleset=rs.id, **here)]
    req = a.requirements.get(n.kind)
    if req is None:
        if n.kind == "household" and a.requirements:
            return [messages.make("rules.criteria-unknown", award_name=a.name, kind_vn=KIND_VN[n.kind],
                                  note="bộ tiêu chí không có tiêu chuẩn riêng cho hộ gia đình.", **here)]
        return [messages.make("rules.kind-mismatch", award_name=a.name, kind_vn=KIND_VN[n.kind], ruleset=rs.id, **here)]
    out: list[Finding] = []
    if req.status in ("unknown", "delegated"):
        code = "rules.criteria-unknown" if req.status == "unknown" else "rules.criteria-delegated"
        out.append(messages.make(code, award_name=a.name, kind_vn=KIND_VN[n.kind], note=req.note or "",
                                 basis=req.basis, **here))
    ctx = Context(nominee=n, year=year, award=award, pending=pending,
                  settings={"seats_per_cluster": rs.seats_per_cluster(award)})
    for c in req.criteria:
        if c.params is None:
            out.append(messages.make("rules.council-unset", rule=c.id, basis=c.basis, criterion=c.text,
                                     what=c.delegated or "giá trị", **here))
            continue
        out += judged(c, ctx, n)
    for sp in n.special:
        spec = rs.special_time.get(sp)
        if spec is None or spec.status == "uncertain":
            src = spec.basis if spec else "chế độ này không quy định"
            out.append(messages.make("rules.special-time-uncertain", what=SPECIAL_VN[sp], source=src, basis=src, **here))
        else:
            out.append(messages.make("rules.special-time", what=SPECIAL_VN[sp], source=spec.basis, basis=spec.basis,
                                     **here))
    return out


def evaluate(nominees: Sequence[Nominee], rs: Ruleset, *, year: int | None = None, award: str | None = None,
             extra: Iterable[Finding] = (), session: str | None = None) -> dict[str, Any]:
    """The validate JSON document (design.md §4) of ``nominees``, worked out the plain way."""
    extras = list(extra)
    ids = {n.id for n in nominees}
    awards = [n.award or award for n in nominees]
    years = [n.year or year for n in nominees]
    people = [person(n) for n in nominees]
    found: list[list[Finding]] = []
    for i, n in enumerate(nominees):
        mine = [f for f in extras if f.subject == n.id]
        settled = (a := awards_catalogue().get(n.award or "")) is not None and a.for_ == n.kind
        for u in n.unclear:  # a kind not understood (and not settled by the award): no criterion can be sure
            if u.field == "kind" and not settled:
                mine.append(messages.make("rules.unclear-fact", cell=u.cell, value=u.value, where=u.cell.a1,
                                          header=u.cell.header or "", subject=n.id,
                                          criterion="loại đối tượng được đề nghị (cá nhân, tập thể hay hộ gia đình)"))
        for u in n.unclear:  # a "Loại hình" not understood: which criteria apply is not known
            if u.field == "award_type":
                mine.append(messages.make("rules.unclear-fact", cell=u.cell, value=u.value, where=u.cell.a1,
                                          header=u.cell.header or "", subject=n.id,
                                          criterion="loại hình khen thưởng được đề nghị (công trạng, đột xuất, chuyên đề…)"))
        aid, y = awards[i], years[i]
        if aid is None:
            text = f" ('{n.award_text}')" if n.award_text else ""
            mine.append(messages.make("rules.no-award", cell=n.cells.get("award", n.source), subject=n.id, text=text))
        elif y is None:
            mine.append(messages.make("rules.no-year", cell=n.source, subject=n.id))
        elif n.award_type is not None and n.award_type != "cong_trang":  # not judged by công trạng criteria
            law = ("Luật Thi đua, khen thưởng năm 2003 (loại hình khen thưởng; điều khoản chưa đối chiếu)"
                   if rs.id.startswith("nd91") else "Luật Thi đua, khen thưởng năm 2022 Điều 8")
            mine.append(messages.make("rules.not-cong-trang", rule="award-type", basis=law,
                                      cell=n.cells.get("award_type", n.cells.get("award", n.source)), subject=n.id,
                                      award_name=rs.award_name(aid), type_vn=AWARD_TYPE_VN[n.award_type]))
        else:
            # The titles this person is proposed for in the list's other rows count as pending.
            pairs = {(awards[j], years[j]) for j in range(len(nominees))
                     if people[j] == people[i] and awards[j] and years[j]}
            pending = frozenset(p for p in pairs if p != (aid, y)) if len(pairs) > 1 else frozenset()
            mine += row_findings(n, aid, y, rs, pending)
        found.append(mine)
    _duplicates(nominees, rs, awards, years, people, found)
    listing = [f for f in extras if f.subject is None or f.subject not in ids]
    verdicts_before = [_row_verdict(mine) for mine in found]  # the caps and seats judge the rows as they were
    listing += _notices(rs) + _caps(nominees, rs, awards, people, found) + _quotas(nominees, rs, awards, found, verdicts_before)
    listing += _rating_caps(nominees, rs, years)
    rows = []
    for i, n in enumerate(nominees):
        ordered = sorted(found[i], key=lambda f: SEVERITY_RANK[f.severity])
        verdict = VERDICT[SEVERITY_RANK[ordered[0].severity]] if ordered else "pass"
        aid = awards[i]
        rows.append({"id": n.id, "row": n.source.row, "sheet": n.source.sheet, "file": n.source.file, "name": n.name,
                     "kind": n.kind, "unit": n.unit, "award": aid, "award_name": rs.award_name(aid) if aid else None,
                     "gender": n.gender, "position": n.position, "verdict": verdict,
                     "findings": [f.to_dict() for f in ordered]})
    summary = {"nominees": len(rows), "pass": 0, "fail": 0, "review": 0}
    for r in rows:
        summary[r["verdict"]] += 1
    return {"schema_version": 1, "tool": "tdkt", "version": __version__,
            "ruleset": {"id": rs.id, "version": rs.version, "title": rs.title, "overlays": [o.id for o in rs.overlays]},
            "session": session, "summary": summary, "nominees": rows,
            "findings": [f.to_dict() for f in sort_findings(listing)]}


def _duplicates(nominees: Sequence[Nominee], rs: Ruleset, awards: list[str | None], years: list[int | None],
                people: list[str], found: list[list[Finding]]) -> None:
    """The same person twice for one award and year, or for awards that exclude each other."""
    groups: dict[tuple[str, int | None], list[int]] = {}
    for i in range(len(nominees)):
        if awards[i]:
            groups.setdefault((people[i], years[i]), []).append(i)
    for (_who, year), rows in groups.items():
        if len(rows) < 2:
            continue
        for aid in dict.fromkeys(awards[i] for i in rows):
            same = [i for i in rows if awards[i] == aid]
            if len(same) > 1:
                listed = ", ".join(str(nominees[i].source.row) for i in same)
                for i in same:
                    n = nominees[i]
                    found[i].append(messages.make(
                        "rules.duplicate-nominee", cell=n.source, subject=n.id, rule="list.duplicate", name=n.name,
                        count=len(same), award_name=rs.award_name(aid or ""), year=year, rows=listed))
        for ex in rs.exclusive:
            hit = [i for i in rows if awards[i] in ex.awards]
            if len({awards[i] for i in hit}) < 2:
                continue
            listed = ", ".join(str(nominees[i].source.row) for i in hit)
            names = " và ".join(sorted({rs.award_name(awards[i] or "") for i in hit}))
            code = "rules.exclusive-awards-uncertain" if ex.status == "uncertain" else "rules.exclusive-awards"
            for i in hit:
                n = nominees[i]
                found[i].append(messages.make(code, cell=n.source, subject=n.id, rule=f"{rs.prefix}.{ex.id}",
                                              basis=ex.basis, name=n.name, awards=names, rows=listed, text=ex.text))


def _notices(rs: Ruleset) -> list[Finding]:
    from tdkt.readings import pending_phrase

    out = [messages.make("rules.ruleset-chosen", rule=rs.label, ruleset=rs.label, title=rs.title,
                         overlays="".join(f" và {o.title}" for o in rs.overlays),
                         how=rs.chosen_by or "được chỉ định")]
    if pending_phrase(rs):
        out.append(messages.make("rules.uncertain-pending", rule=f"{rs.prefix}.uncertain", ruleset=rs.title,
                                 what=pending_phrase(rs)))
    for r in rs.readings:
        out.append(messages.make("rules.council-reading", rule=r.rule, basis=r.basis, criterion=r.label,
                                 phrase=r.phrase, article=r.article, quote=r.text, date=r.date.strftime("%d/%m/%Y")))
    for n in rs.active_notices():
        out.append(messages.make("rules.notice", severity=n.severity, rule=f"{rs.prefix}.{n.id}", text=n.text))
    return out


def _row_verdict(mine: list[Finding]) -> str:
    ranks = [SEVERITY_RANK[f.severity] for f in mine]
    return VERDICT[min(ranks)] if ranks else "pass"


def _caps(nominees: Sequence[Nominee], rs: Ruleset, awards: list[str | None], people: list[str],
          found: list[list[Finding]]) -> list[Finding]:
    """The list caps. The base counts the people who achieve the base titles: surely (their row passes) and
    at best (their row is not failed); a capped row that fails takes no seat. A group over its sure seats,
    or whose cap cannot be checked, adds a finding to each capped row still in the running (``found``)."""
    out: list[Finding] = []
    verdicts = [_row_verdict(mine) for mine in found]
    for rule in rs.list_rules:
        p = rule.params
        per_unit = p.per == "unit"
        groups: dict[str, dict[str, Any]] = {}
        for i, n in enumerate(nominees):
            aid = awards[i]
            if aid != p.award and aid not in p.of:
                continue
            g = groups.setdefault(fold(n.unit or "") if per_unit else "",
                                  {"num": set(), "sure": set(), "best": set(), "others": False, "name": "",
                                   "rows": [], "live": []})
            g["name"] = n.unit or ""  # the group is named by its last row
            if aid == p.award:
                g["rows"].append(i)
                if verdicts[i] != "fail":
                    g["num"].add(people[i])
                    g["live"].append(i)
            leader = n.collective is not None and n.collective.cluster_rank == 1
            if aid in p.of and (not p.cluster_leaders or leader):
                if verdicts[i] == "pass":
                    g["sure"].add(people[i])
                if verdicts[i] != "fail":
                    g["best"].add(people[i])
                if aid != p.award:
                    g["others"] = True
        award_name = rs.award_name(p.award)
        base_text = " / ".join(rs.award_name(a) for a in p.of if a != p.award) + (
            " dẫn đầu cụm/khối" if p.cluster_leaders else "")
        common: dict[str, Any] = {"rule": rule.id, "basis": rule.basis, "award_name": award_name,
                                  "max_percent": f"{p.max_percent:g}", "base_text": base_text}
        capped = sorted(k for k, g in groups.items() if g["rows"] and (g["num"] or not g["others"]))
        unchecked = [groups[k]["name"] for k in capped if not groups[k]["others"]]
        if unchecked:
            where = (f" ({'đơn vị' if len(unchecked) == 1 else 'các đơn vị'} {', '.join(unchecked)})" if per_unit else "")
            out.append(messages.make("rules.cap-unchecked", **{**common, "where": where}))
        for k in capped:
            g = groups[k]
            where = f" (đơn vị {g['name']})" if per_unit and g["name"] else ""
            kw = {**common, "where": where}
            if not g["others"]:  # no base in the list: each capped row waits for the cap's check
                for i in g["live"]:
                    found[i].append(messages.make("rules.cap-unchecked-row", cell=nominees[i].source,
                                                  subject=nominees[i].id, **kw))
                continue
            count, low, high = len(g["num"]), len(g["sure"]), len(g["best"])
            seats = (round(p.max_percent * 100) * low) // 10000
            most = (round(p.max_percent * 100) * high) // 10000
            if count <= seats:
                continue
            if count > most:
                code = "rules.cap-exceeded-uncertain" if rule.status == "uncertain" else "rules.cap-exceeded"
                out.append(messages.make(code, count=count, allowed=most, base=high, **kw))
            ranks = [nominees[i].priority for i in g["live"]]
            ordered = None not in ranks and len(set(ranks)) == len(ranks)
            pending = {"count": count, "seats": seats, "allowed": most, "low": low, "base": high}
            if ordered:
                for pos, i in enumerate(sorted(g["live"], key=lambda j: nominees[j].priority or 0)):
                    n = nominees[i]
                    if pos < seats:
                        continue
                    if pos < most:
                        found[i].append(messages.make("rules.cap-base-pending", cell=cell_of(n, "priority"),
                                                      subject=n.id, **pending, **kw))
                    else:
                        found[i].append(messages.make(
                            "rules.cap-beyond-order", severity="warning" if rule.status == "uncertain" else None,
                            rank=n.priority, allowed=most, base=high, cell=cell_of(n, "priority"), subject=n.id, **kw))
                continue
            for i in g["live"]:
                n = nominees[i]
                if count > most:
                    found[i].append(messages.make("rules.cap-choose", count=count, allowed=most, base=high,
                                                  cell=n.source, subject=n.id, **kw))
                else:
                    found[i].append(messages.make("rules.cap-base-pending", cell=n.source, subject=n.id,
                                                  **pending, **kw))
    return out


def _quotas(nominees: Sequence[Nominee], rs: Ruleset, awards: list[str | None], found: list[list[Finding]],
            verdicts: list[str]) -> list[Finding]:
    """The council's seats: rows that fail (``verdicts``, before any cap or seat) take none; over the seats,
    each row still in the running gets a finding (``found``): out of the list's own priority order, or for
    the council to choose."""
    out: list[Finding] = []
    for aid in sorted({a for a in awards if a}):
        live = [i for i, a in enumerate(awards) if a == aid and verdicts[i] != "fail"]
        kw = {"rule": f"overlay.seats.{aid}", "basis": rs.seats_basis(aid), "award_name": rs.award_name(aid)}
        groups: list[tuple[str, list[int], int]] = []
        limit = rs.seats(aid)
        if limit is not None:
            groups.append(("", live, limit))
        per = rs.seats_per_cluster(aid)
        if per is not None:
            clusters: dict[str, list[int]] = {}
            for i in live:
                c = nominees[i].collective
                if c is not None and c.cluster:
                    clusters.setdefault(c.cluster, []).append(i)
            groups += [(f" trong {cl}", members, per) for cl, members in sorted(clusters.items())]
        for where, members, seats in groups:
            if len(members) <= seats:
                continue
            out.append(messages.make("rules.quota-exceeded", count=len(members), allowed=seats, where=where, **kw))
            ranks = [nominees[i].priority for i in members]
            if None not in ranks and len(set(ranks)) == len(ranks):
                for i in sorted(members, key=lambda j: nominees[j].priority or 0)[seats:]:
                    n = nominees[i]
                    found[i].append(messages.make("rules.quota-beyond-order", rank=n.priority, allowed=seats,
                                                  cell=cell_of(n, "priority"), subject=n.id, where=where, **kw))
            else:
                for i in members:
                    found[i].append(messages.make("rules.quota-choose", count=len(members), allowed=seats,
                                                  cell=nominees[i].source, subject=nominees[i].id, where=where, **kw))
    return out

def _rating_caps(nominees: Sequence[Nominee], rs: Ruleset, years: list[int | None]) -> list[Finding]:
    """Units whose covered staff are rated above the pack's ceiling (info, one per unit and year)."""
    out: list[Finding] = []
    for cap in rs.rating_caps:
        people: dict[tuple[str, int], dict[str, set[str]]] = {}
        names: dict[str, str] = {}
        rated: set[tuple[str, int]] = set()
        for n, year in zip(nominees, years, strict=True):
            if year is None or year < cap.from_year:
                continue
            rec = n.year_record(year)
            rating = rec.rating if rec is not None else None
            if n.kind == "collective":
                if rating == cap.rating:
                    rated.add((fold(n.name), year))
                continue
            if n.kind != "individual" or rating is None or not any(w in fold(n.staff_category or "") for w in cap.staff):
                continue
            unit = fold(n.unit or "")
            names[unit] = n.unit or ""
            people.setdefault((unit, year), {}).setdefault(rating, set()).add(person(n))
        for (unit, year), by_rating in sorted(people.items()):
            top, base = len(by_rating.get(cap.rating, ())), len(by_rating.get(cap.of, ()))
            is_rated = (unit, year) in rated and cap.rated_unit_percent is not None
            pct = cap.rated_unit_percent if is_rated and cap.rated_unit_percent is not None else cap.max_percent
            allowed = (round(pct * 100) * base) // 10000
            if top == 0 or 10000 * top <= round(pct * 100) * base:
                continue
            out.append(messages.make(
                "rules.rating-share-high", rule=f"{rs.prefix}.{cap.id}", basis=cap.basis, unit=names[unit] or "không ghi",
                year=year, top=top, rating=vocab.RATING[cap.rating], base=base, of=vocab.RATING[cap.of],
                pct=f"{pct:g}", allowed=allowed, text=cap.text,
                unit_rated=" (đơn vị được xếp loại hoàn thành xuất sắc nhiệm vụ)" if is_rated else ""))
    return out

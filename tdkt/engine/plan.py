"""One row's findings, criterion by criterion, through the plan of its award and kind.

A :class:`Plan` is what evaluating one (award, kind) needs, worked out once per list: the criteria
ready to run, the finding of a requirement the law leaves open, the findings of special times. Its
one method, :meth:`Plan.findings`, gives a row's findings as a :class:`RowFindings`: a tuple of
:class:`FindingRef` — a finding stamped once with everything but the row's cell and subject, and
the Nominee field whose cell it points at. Reporters resolve the cell when they write a finding
(:func:`resolve`, :meth:`tdkt.engine.report.NomineeResult.to_dict`).

Rows of a list share facts (equal histories, no discipline, the same months of service…), and a
predicate is a pure function of the context's year and pending titles and of the Nominee fields it
reads (``Kind.reads``). So a plan keeps each row's findings by those values, and each criterion its
outcome by the fields it reads: an ordinary cache of immutable values (:class:`Memo`), turned off
under ``TDKT_PLAIN=1`` and checked against the plain evaluator of ``tests/oracle.py``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Mapping, Sequence
from operator import attrgetter
from typing import Any, NamedTuple

import msgspec

from tdkt import fastpaths, messages, vocab
from tdkt.cache import Cache
from tdkt.engine.doubt import SAME_FACT, TRACKED, Doubt, said, variant
from tdkt.findings import SEVERITY_RANK, CellRef, Finding
from tdkt.models import Nominee
from tdkt.predicates import REGISTRY, Context, Outcome, reads
from tdkt.ruleset import AwardRules, Criterion, Requirement, Ruleset

KIND_VN = vocab.KIND
SPECIAL_VN = vocab.SPECIAL

Pending = frozenset[tuple[str, int]]
NO_PENDING: Pending = frozenset()


_CELL_ALIASES = {"prior_awards": "prior", "history": "rating"}


class _Answers(dict[str, str | None]):
    """Which key of a row's cells answers each field asked so far (see :func:`_cell_key`), for the
    rows whose cells have the keys ``names``: that depends only on the field and the keys, and the
    rows of a list mostly have the same keys, so each (keys, field) is resolved once."""

    __slots__ = ("names",)

    def __init__(self, names: tuple[str, ...]) -> None:
        super().__init__()
        self.names = names

    def __missing__(self, fld: str) -> str | None:
        got = self[fld] = _cell_key(fld, self.names)
        return got


def _answers(cells: Mapping[str, CellRef]) -> _Answers:
    """The answers for the keys of ``cells``."""
    keys = tuple(cells)
    got = _ANSWERS.get(keys)
    return got if got is not None else _ANSWERS.put(keys, _Answers(keys))


_ANSWERS: Cache[tuple[str, ...], _Answers] = Cache(4096, "tdkt.engine.answers")


class _Plain:
    """The plain path of :class:`_Answers` (``TDKT_PLAIN=1``): nothing kept, ``_cell_key`` asked each time."""

    __slots__ = ("keys",)

    def __init__(self, cells: Mapping[str, CellRef]) -> None:
        self.keys = tuple(cells)

    def __getitem__(self, fld: str) -> str | None:
        return _cell_key(fld, self.keys)


def _cell_key(fld: str, keys: Collection[str]) -> str | None:
    """The key (among a row's cell ``keys``) of the cell a finding about ``fld`` points at: the
    field's own cell, a sub-field of it (``initiatives.level``), the year's rating/title cell; None:
    the row."""
    root = fld.split(".")[0]
    for key in (fld, _CELL_ALIASES.get(fld, fld), root, _CELL_ALIASES.get(root, root)):
        if key in keys:
            return key
        prefix = key + "."
        subs = sorted(k for k in keys if k.startswith(prefix))
        if subs:
            return subs[-1] if key in ("rating", "title") else subs[0]
    return None


class FindingRef(NamedTuple):
    """A finding as stamped once for every row that shares its outcome (no cell, no subject).

    ``field``: the Nominee field whose cell it points at (None: the row itself); ``rank``: the rank
    of its severity; ``head``: its JSON without the cell (Finding.to_dict's first five keys; read-only).
    """

    finding: Finding
    field: str | None
    rank: int
    head: dict[str, Any]

    @classmethod
    def of(cls, f: Finding, fld: str | None) -> FindingRef:
        head = f.to_dict()
        for key in ("cell", "sheet", "file"):
            del head[key]
        return cls(f, fld, SEVERITY_RANK[f.severity], head)


class RowFindings:
    """A row's findings in the order found (``refs``), most relevant first (``ordered``: errors, then
    warnings, then notes, each in the order found) and the rank of the worst (2 when there is none).
    Immutable: one is shared by every row with the same facts."""

    __slots__ = ("ordered", "refs", "worst")

    def __init__(self, refs: Sequence[FindingRef]) -> None:
        self.refs: tuple[FindingRef, ...] = tuple(refs)
        self.ordered: tuple[FindingRef, ...] = (
            tuple(sorted(self.refs, key=_rank_of)) if len(self.refs) > 1 else self.refs)
        self.worst: int = self.ordered[0].rank if self.refs else 2


def _rank_of(ref: FindingRef) -> int:
    return ref.rank


def cells(refs: Sequence[FindingRef], n: Nominee) -> list[CellRef]:
    """The cell of row ``n`` that each of ``refs`` points at: the cell of its field, else the row."""
    src = n.source
    row_cells = n.cells
    answers: _Answers | _Plain | None = None
    out: list[CellRef] = []
    for ref in refs:
        if not ref.field:
            out.append(ref.finding.cell or src)  # a finding about one cell (rules.unclear-fact) names it
            continue
        if answers is None:  # the plain path asks _cell_key every time
            answers = _Plain(row_cells) if fastpaths.PLAIN else _answers(row_cells)
        key = answers[ref.field]
        out.append(src if key is None else row_cells[key])
    return out


def resolve(refs: Sequence[FindingRef], n: Nominee) -> list[Finding]:
    """The findings of ``refs`` for row ``n``: each with the row's cell of its field, the row as subject.

    A finding differs from its ref only there; the params dict is shared (nothing mutates a
    finding's params; ``msgspec.structs.replace`` shares it too).
    """
    subject = n.id
    replace = msgspec.structs.replace
    return [replace(r.finding, cell=c, subject=subject) for r, c in zip(refs, cells(refs, n), strict=True)]


def ref_dicts(refs: Sequence[FindingRef], n: Nominee) -> list[dict[str, Any]]:
    """The JSON of each ref's finding for row ``n`` (Finding.to_dict), without making the findings."""
    src = n.source
    here = None  # the JSON of the row's own cell
    out = []
    for ref, c in zip(refs, cells(refs, n), strict=True):
        if c is src:
            if here is None:
                here = {"cell": src.a1, "sheet": src.sheet, "file": src.file}
            out.append({**ref.head, **here})
        else:
            out.append({**ref.head, "cell": c.a1, "sheet": c.sheet, "file": c.file})
    return out


class Memo:
    """Answers kept by their inputs — immutable values: a year, pending titles, Nominee fields.

    Bounded (emptied when full). It gives up after many misses when rows rarely share their facts:
    building the key is then wasted work. Off under ``TDKT_PLAIN=1``.
    """

    __slots__ = ("cache", "calls", "misses", "on")

    def __init__(self) -> None:
        self.cache: Cache[tuple[Any, ...], Any] = Cache(65536)
        self.calls = self.misses = 0
        self.on = not fastpaths.PLAIN

    def get(self, key: tuple[Any, ...]) -> Any:
        self.calls += 1
        return self.cache.get(key)

    def put(self, key: tuple[Any, ...], value: Any) -> None:
        self.misses += 1
        if self.misses > 1000 and 2 * self.misses > self.calls:  # rows rarely share these facts
            self.on = False
            self.cache.clear()
        else:
            self.cache.put(key, value)


def _values_of(fields: Sequence[str]) -> Callable[[Nominee], tuple[Any, ...]]:
    """The values of ``fields`` of a Nominee, as a tuple."""
    if len(fields) > 1:
        return attrgetter(*fields)
    if fields:
        one = fields[0]
        return lambda n: (getattr(n, one),)
    return lambda n: ()


def _stamp_finding(c: Criterion, o: Outcome, cell: CellRef | None, subject: str | None) -> Finding:
    """The finding of a criterion's outcome that is not a plain pass (a met criterion says nothing)."""
    kw: dict[str, Any] = {"rule": c.id, "basis": c.basis, "cell": cell, "subject": subject,
                          "criterion": c.text, "found": o.found or "không có", "required": o.required,
                          "status": c.status}
    note = f" — {c.note}" if c.note else ""
    if o.status == "pass":
        if c.reading is not None:
            return messages.make("rules.council-reading-pass", **kw)
        return messages.make("rules.uncertain-pass", note=note, **kw)
    if o.status == "missing":
        code = "rules.not-checked" if c.if_missing == "note" else "rules.missing-data"
        return messages.make(code, what=o.reason or "dữ kiện", **kw)
    if o.status == "review":
        return messages.make("rules.needs-review", reason=o.reason, **kw)
    if c.status == "uncertain":
        return messages.make("rules.uncertain-not-met", note=note, **kw)
    return messages.make(REGISTRY[c.check].code, severity=c.severity, **kw)


class _Step:
    """One criterion of a requirement, ready to run; its outcome kept by the values of the fields
    its predicate reads, and the finding of each outcome stamped once."""

    __slots__ = ("criterion", "fn", "memo", "outcomes", "params", "quiet", "reads", "unset", "values")

    def __init__(self, c: Criterion) -> None:
        self.criterion = c
        self.params = c.params
        self.quiet = c.status != "uncertain" and c.reading is None  # a pass says nothing
        self.outcomes: Cache[Outcome, FindingRef | None] = Cache(4096)
        self.memo = Memo()
        self.fn = REGISTRY[c.check].fn
        self.unset: FindingRef | None = None
        self.reads: tuple[str, ...] | None = ()
        if c.params is None:  # delegated to the council, which has not set it: the same finding for every row
            self.unset = FindingRef.of(messages.make("rules.council-unset", rule=c.id, basis=c.basis,
                                                     criterion=c.text, what=c.delegated or "giá trị"), None)
            return
        self.reads = reads(c.check, c.params)
        self.memo.on = self.memo.on and bool(self.reads)
        self.values = _values_of(self.reads or ())

    def ref(self, ctx: Context, n: Nominee) -> FindingRef | None:
        """The finding of the criterion for ``n`` (None when it is met and says nothing)."""
        if self.unset is not None:
            return self.unset
        memo = self.memo
        if not memo.on:
            return self.stamp(self.fn(ctx, self.params))
        key = (ctx.year, ctx.pending, *self.values(n))
        got = memo.get(key)
        if got is None:
            got = self.stamp(self.fn(ctx, self.params))
            memo.put(key, (got,))
            return got
        return got[0]  # type: ignore[no-any-return]

    def doubtful(self, ctx: Context, n: Nominee, doubt: Doubt) -> list[FindingRef]:
        """The findings of the criterion for a row with doubtful facts (tdkt.engine.doubt): its own
        when its outcome holds whatever they are, else one "cần xem xét" per cell not understood and
        per field the list has no column for."""
        if self.unset is not None:
            return [self.unset]
        reads = self.reads
        mine = {f: items for f, items in doubt.items() if reads is None or f in reads}
        if not mine:
            ref = self.ref(ctx, n)
            return [ref] if ref is not None else []
        memo = self.memo
        if memo.on and self.reads and all(u is None for items in mine.values() for u in items):
            # only fields the list has no column for: the findings depend on the year, the pending titles,
            # the values read and which fields are missing, as a plain outcome does — kept the same way
            key = ("doubt", ctx.year, ctx.pending, tuple(mine), *self.values(n))
            kept = memo.get(key)
            if kept is None:
                kept = tuple(self._doubtful(ctx, n, mine))
                memo.put(key, kept)
            return list(kept)
        return self._doubtful(ctx, n, mine)

    def _doubtful(self, ctx: Context, n: Nominee, mine: Doubt) -> list[FindingRef]:
        o = self.fn(ctx, self.params)
        sure = False
        if o.status in ("pass", "fail"):
            other = variant(n, ctx.year, mine, worst=o.status == "pass")
            sure = other is not None and self.fn(dataclasses.replace(ctx, nominee=other), self.params).status == o.status
        out: list[FindingRef] = []
        if sure or o.status not in ("pass", "fail"):
            ref = self.stamp(o)
            if ref is not None:
                out.append(ref)
            if sure:
                return out
        c = self.criterion
        kw: dict[str, Any] = {"rule": c.id, "basis": c.basis, "criterion": c.text}
        for fld, items in mine.items():
            for u in items:
                if u is not None:
                    out.append(FindingRef.of(messages.make(
                        "rules.unclear-fact", cell=u.cell, value=u.value, where=u.cell.a1,
                        header=u.cell.header or "", **kw), None))
                elif o.status in ("pass", "fail"):  # a missing fact already says so (as the pack's if_missing)
                    out.append(FindingRef.of(messages.make(
                        "rules.fact-not-stated", severity="info" if c.if_missing == "note" else None,
                        what=vocab.FACT.get(fld, fld), **kw), None))
        return out

    def stamp(self, o: Outcome) -> FindingRef | None:
        """The finding of outcome ``o``, with the message of an outcome rendered once."""
        if self.quiet and o.status == "pass":
            return None
        got = self.outcomes.get(o)
        return got if got is not None else self.outcomes.put(
            o, FindingRef.of(_stamp_finding(self.criterion, o, None, None), o.field))


class Plan:
    """What evaluating one (award, kind) needs, worked out once per list.

    Rows that share every fact the steps read, the year, the titles pending for the same person and
    the special times also share their findings: ``memo`` keeps a row's RowFindings by those values
    (off when a step's reads are not declared, or when rows rarely share them).
    """

    __slots__ = ("_gaps", "award", "lead", "memo", "needs", "reads", "requirement", "settings", "special", "steps",
                 "values")

    def __init__(self, award: AwardRules | None, requirement: Requirement | None, settings: dict[str, Any],
                 steps: list[_Step], lead: list[FindingRef], special: Mapping[str, FindingRef],
                 fields: Sequence[str] | None) -> None:
        self.award = award
        self.requirement = requirement
        self.settings = settings
        self.steps = steps
        self.lead = lead  # the requirement's own finding, when its criteria are unknown or delegated
        self.special = special
        self.memo = Memo()
        self.memo.on = self.memo.on and fields is not None
        if fields is not None:  # a field read states its siblings too (tdkt.engine.doubt.SAME_FACT): key by them all
            fields = list(dict.fromkeys([*fields, *(g for f in fields for g in SAME_FACT.get(f, ()))]))
        self.values = _values_of(fields or ())
        # The fields the criteria read (None: one does not say) and those of them a list may not state.
        self.reads: frozenset[str] | None = None if fields is None else frozenset(fields)
        self.needs = TRACKED if self.reads is None else TRACKED & self.reads
        self._gaps: dict[frozenset[str], tuple[str, ...]] = {}

    def doubt(self, n: Nominee) -> dict[str, tuple[Any, ...]] | None:
        """The row's doubtful facts for this plan's criteria (tdkt.engine.doubt), or None."""
        stated = n.stated
        gap: tuple[str, ...] = ()
        if stated is not None:
            gap = None if fastpaths.PLAIN else self._gaps.get(stated)  # type: ignore[assignment]
            if gap is None:
                gap = tuple(sorted(self.needs - stated))
                if not fastpaths.PLAIN:
                    self._gaps[stated] = gap
            if gap:
                gap = tuple(f for f in gap if not said(n, f))  # the register, or a note, may have said it
        unclear = n.unclear
        if not gap and not unclear:
            return None
        out: dict[str, tuple[Any, ...]] = dict.fromkeys(gap, (None,))
        reads = self.reads
        for u in unclear:
            if reads is None or u.field in reads:
                out[u.field] = (*out.get(u.field, ()), u)
        return out or None

    def findings(self, n: Nominee, year: int, award: str, pending: Pending = NO_PENDING) -> RowFindings:
        """The findings of ``n`` for the plan's award and ``year``, with ``pending`` titles of the
        same person elsewhere in the list."""
        memo = self.memo
        shareable = memo.on and not n.unclear  # cells not understood are the row's own
        if shareable:
            # the row's doubt (fields without a column) is a function of the sheet's stated fields and the
            # values read: both are in the key, so a hit needs no doubt worked out
            key = (year, pending, n.stated, *self.values(n))
            hit = memo.get(key)
            if hit is not None:
                return hit  # type: ignore[no-any-return]
        doubt = self.doubt(n)
        ctx = Context(nominee=n, year=year, award=award, pending=pending, settings=self.settings)
        got = list(self.lead)
        for step in self.steps:
            if doubt:
                got += step.doubtful(ctx, n, doubt)
                continue
            ref = step.ref(ctx, n)
            if ref is not None:
                got.append(ref)
        for sp in n.special:
            got.append(self.special[sp])
        found = RowFindings(got)
        if shareable:
            memo.put(key, found)
        return found


class Plans(dict[tuple[str, str], Plan]):
    """The plans of one list, by (award, kind), made when first asked for (:meth:`of`)."""

    def __init__(self, rs: Ruleset) -> None:
        super().__init__()
        self.rs = rs
        self.special: dict[str, FindingRef] = {}
        for sp, what in SPECIAL_VN.items():
            spec = rs.special_time.get(sp)
            if spec is None or spec.status == "uncertain":
                src = spec.basis if spec else "chế độ này không quy định"
                f = messages.make("rules.special-time-uncertain", what=what, source=src, basis=src)
            else:
                f = messages.make("rules.special-time", what=what, source=spec.basis, basis=spec.basis)
            self.special[sp] = FindingRef.of(f, None)

    def of(self, award: str, kind: str) -> Plan:
        plan = self.get((award, kind))
        if plan is None:
            rs = self.rs
            a = rs.awards.get(award)
            req = a.requirements.get(kind) if a is not None else None
            steps = [_Step(c) for c in req.criteria] if req is not None else []
            lead: list[FindingRef] = []
            if a is not None and req is not None and req.status in ("unknown", "delegated"):
                code = "rules.criteria-unknown" if req.status == "unknown" else "rules.criteria-delegated"
                lead.append(FindingRef.of(messages.make(code, award_name=a.name, kind_vn=KIND_VN[kind],
                                                        note=req.note or "", basis=req.basis), None))
            fields: list[str] | None = ["special"]  # the special times add their findings
            for step in steps:
                if step.reads is None or fields is None:
                    fields = None
                else:
                    fields += [f for f in step.reads if f not in fields]
            plan = self[(award, kind)] = Plan(a, req, {"seats_per_cluster": rs.seats_per_cluster(award)}, steps,
                                              lead, self.special, fields)
        return plan


def evaluate_one(n: Nominee, award: str, year: int, rs: Ruleset, pending: Pending = NO_PENDING) -> list[Finding]:
    """Findings for one nominee and one award (no list-level checks)."""
    return _evaluate_one(n, award, year, rs, pending, Plans(rs))


def _evaluate_one(n: Nominee, award: str, year: int, rs: Ruleset, pending: Pending,
                  plans: Plans) -> list[Finding]:
    plan = plans.of(award, n.kind)
    a = plan.award
    if a is None:
        return [messages.make("rules.award-not-in-pack", award=award, ruleset=rs.id, cell=n.source, subject=n.id)]
    if plan.requirement is None:
        base: dict[str, Any] = {"cell": n.source, "subject": n.id}
        if n.kind == "household" and a.requirements:
            return [messages.make("rules.criteria-unknown", award_name=a.name, kind_vn=KIND_VN[n.kind],
                                  note="bộ tiêu chí không có tiêu chuẩn riêng cho hộ gia đình.", **base)]
        return [messages.make("rules.kind-mismatch", award_name=a.name, kind_vn=KIND_VN[n.kind], ruleset=rs.id, **base)]
    return resolve(plan.findings(n, year, award, pending).refs, n)

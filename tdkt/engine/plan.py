"""One row's findings: each criterion run and stamped, with outcomes kept and shared between rows
that have the same facts (the plan of an award and kind, worked out once per list)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from operator import attrgetter, itemgetter
from typing import Any, Literal, get_args, get_origin

import msgspec

from tdkt import messages
from tdkt.findings import SEVERITY_RANK, CellRef, Finding
from tdkt.models import Nominee
from tdkt.predicates import REGISTRY, Context, Outcome, reads
from tdkt.ruleset import AwardRules, Criterion, Requirement, Ruleset

KIND_VN = {"individual": "cá nhân", "collective": "tập thể", "household": "hộ gia đình"}
SPECIAL_VN = {"maternity": "nghỉ thai sản", "training": "đi học, bồi dưỡng", "injury": "điều trị thương tích"}


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
    if got is None:
        if len(_ANSWERS) >= 4096:
            _ANSWERS.clear()
        got = _ANSWERS[keys] = _Answers(keys)
    return got


_ANSWERS: dict[tuple[str, ...], _Answers] = {}


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


# A finding as stamped once for every row that shares its outcome (no cell, no subject), with the
# Nominee field whose cell it points at (None: the row itself), the rank of its severity and its JSON
# without the cell (Finding.to_dict's first five keys): see _restamp and NomineeResult._proto_dicts.
_Proto = tuple[Finding, str | None, int, dict[str, Any]]


def _proto(f: Finding, fld: str | None) -> _Proto:
    head = f.to_dict()
    for key in ("cell", "sheet", "file"):
        del head[key]
    return (f, fld, SEVERITY_RANK[f.severity], head)


class _Found(list[_Proto]):
    """The prototypes of a row's findings in the order found, shared by the rows with the same facts
    (never changed); ``ordered``: most relevant first, as :meth:`NomineeResult.ordered` sorts;
    ``worst``: the rank of the worst severity (2 when there are none)."""

    __slots__ = ("ordered", "worst")

    def __init__(self, protos: Iterable[_Proto]) -> None:
        super().__init__(protos)
        self.ordered: list[_Proto] = sorted(self, key=_first_rank) if len(self) > 1 else list(self)
        self.worst: int = self.ordered[0][2] if self else 2


_first_rank = itemgetter(2)

_SCALARS = (int, float, bool, str, dt.date, type(None))


_NOMINEE_TYPES = {f.name: f.type for f in msgspec.structs.fields(Nominee)}


def _by_value(fld: str) -> bool:
    """Whether a Nominee field holds an immutable scalar (a number, a date, a text, a literal)."""
    annotation = _NOMINEE_TYPES[fld]
    for arg in get_args(annotation) or (annotation,):
        if get_origin(arg) is Literal:
            if not all(isinstance(v, _SCALARS) for v in get_args(arg)):
                return False
        elif arg not in _SCALARS:
            return False
    return True


def _getter(fields: Sequence[str]) -> Callable[[Nominee], tuple[Any, ...]]:
    if len(fields) > 1:
        return attrgetter(*fields)
    if fields:
        one = fields[0]
        return lambda n: (getattr(n, one),)
    return lambda n: ()


class _Facts:
    """The Nominee fields an outcome depends on, as part of a memo key.

    Values that ingest shares between rows (a history tuple, the empty tuple of no discipline, a
    collective's facts) are told apart by identity, hashing them would cost more than the predicate;
    the memo entry holds them, so that their ids stay theirs. Scalars (months of service, a date) are
    keyed by value: equal rows rarely share those objects.
    """

    __slots__ = ("by_id", "by_value", "fields")

    def __init__(self, fields: Sequence[str]) -> None:
        self.fields = tuple(fields)
        self.by_id = _getter([f for f in fields if not _by_value(f)])
        self.by_value = _getter([f for f in fields if _by_value(f)])

    def key(self, n: Nominee, year: int, pending: frozenset[tuple[str, int]]) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
        """``(key, held)``: the year, the pending titles and the facts of ``n``, and the values the key
        names by identity."""
        held = self.by_id(n)
        return (year, pending, *map(id, held), *self.by_value(n)), held


class _Memo(dict[tuple[Any, ...], tuple[tuple[Any, ...], Any]]):
    """Results kept by a :class:`_Facts` key, with the values the key names by identity.

    Bounded (cleared when full). ``keep`` gives up after many misses when rows rarely share the
    facts: computing the key is then wasted work.
    """

    def __init__(self) -> None:
        super().__init__()
        self.calls = self.misses = 0

    def keep(self, key: tuple[Any, ...], held: tuple[Any, ...], value: Any) -> bool:
        """Store ``value`` for a missed ``key``; False when the memo is no longer worth keeping."""
        self.misses += 1
        if self.misses > 1000 and 2 * self.misses > self.calls:  # rows rarely share these facts
            self.clear()
            return False
        if len(self) >= 65536:
            self.clear()
        self[key] = (held, value)  # ``held`` keeps the values alive: ids stay theirs
        return True


class _Step:
    """One criterion of a requirement, ready to run.

    Rows of a list share facts (ingest gives equal histories one tuple; most rows have no
    discipline, the same empty tuple): the outcome of a criterion is a function of the context's
    year and pending titles and of the Nominee fields its predicate reads (``Kind.reads``), so it is
    kept by those values (:class:`_Facts`) and reused, with its rendered message. A step whose rows
    rarely share stops keeping outcomes; its messages are still rendered once per outcome.
    """

    __slots__ = ("criterion", "facts", "fn", "memo", "params", "quiet", "reads", "seen", "unset")

    def __init__(self, c: Criterion) -> None:
        self.criterion = c
        self.params = c.params
        self.quiet = c.status != "uncertain" and c.reading is None  # a pass says nothing
        self.seen: dict[Outcome, _Proto | None] = {}
        self.memo = _Memo()
        self.fn = REGISTRY[c.check].fn
        self.unset: _Proto | None = None
        self.facts: _Facts | None = None
        self.reads: tuple[str, ...] | None = ()
        if c.params is None:  # delegated to the council, which has not set it: the same finding for every row
            self.unset = _proto(messages.make("rules.council-unset", rule=c.id, basis=c.basis, criterion=c.text,
                                              what=c.delegated or "giá trị"), None)
            return
        self.reads = reads(c.check, c.params)
        if self.reads:
            self.facts = _Facts(self.reads)

    def proto(self, ctx: Context, n: Nominee) -> _Proto | None:
        """The finding of the criterion for ``n``, to restamp (None when it is met and says nothing)."""
        if self.unset is not None:
            return self.unset
        facts = self.facts
        if facts is None:
            return self.stamp(self.fn(ctx, self.params))
        key, held = facts.key(n, ctx.year, ctx.pending)
        memo = self.memo
        memo.calls += 1
        hit = memo.get(key)
        if hit is not None:
            return hit[1]  # type: ignore[no-any-return]
        got = self.stamp(self.fn(ctx, self.params))
        if not memo.keep(key, held, got):
            self.facts = None
        return got

    def stamp(self, o: Outcome) -> _Proto | None:
        """The finding of outcome ``o``, with the message of an outcome rendered once."""
        if self.quiet and o.status == "pass":
            return None
        got = self.seen.get(o)
        if got is None:
            if len(self.seen) >= 4096:
                self.seen.clear()
            got = self.seen[o] = _proto(_stamp_finding(self.criterion, o, None, None), o.field)
        return got


def _cells(protos: Sequence[_Proto], n: Nominee) -> list[CellRef]:
    """The cell of row ``n`` that each of ``protos`` points at: the cell of its field, else the row."""
    src = n.source
    cells = n.cells
    answers: _Answers | None = None
    out: list[CellRef] = []
    for _f, fld, _r, _head in protos:
        if not fld:
            out.append(src)
            continue
        if answers is None:
            answers = _answers(cells)
        key = answers[fld]
        out.append(src if key is None else cells[key])
    return out


def _restamp(protos: Sequence[_Proto], n: Nominee) -> list[Finding]:
    """The findings of ``protos`` for row ``n``: each with the row's cell of its field, and the row as subject.

    A finding differs from its prototype only there; the params dict is shared (nothing mutates a
    finding's params; ``msgspec.structs.replace`` shares it too).
    """
    subject = n.id
    replace = msgspec.structs.replace
    return [replace(p[0], cell=cell, subject=subject) for p, cell in zip(protos, _cells(protos, n), strict=True)]


@dataclass
class _Plan:
    """What evaluating one (award, kind) needs, worked out once per list.

    Rows that share every fact the steps read, the year, the titles pending for the same person and
    the special times also share their findings: ``memo`` keeps the prototypes of a row's findings
    by those (``facts`` is the union of the steps' reads; None when a step's reads are not declared,
    or when rows rarely share them), so that a row like an earlier one only restamps.
    """

    award: AwardRules | None
    requirement: Requirement | None
    settings: dict[str, Any]
    steps: list[_Step]
    lead: list[_Proto]  # the requirement's own finding, when its criteria are unknown or delegated
    special: Mapping[str, _Proto]
    facts: _Facts | None
    memo: _Memo = field(default_factory=_Memo)

    def protos(self, n: Nominee, year: int, award: str, pending: frozenset[tuple[str, int]]) -> _Found:
        """The prototypes of the findings of ``n`` for the plan's award, in order."""
        facts = self.facts
        if facts is not None:
            held = facts.by_id(n)
            key = (year, pending, *map(id, held), *facts.by_value(n))  # facts.key(n, year, pending), inlined
            memo = self.memo
            memo.calls += 1
            hit = memo.get(key)
            if hit is not None:
                return hit[1]  # type: ignore[no-any-return]
        ctx = Context(nominee=n, year=year, award=award, pending=pending, settings=self.settings)
        got = list(self.lead)
        for step in self.steps:
            p = step.proto(ctx, n)
            if p is not None:
                got.append(p)
        for sp in n.special:
            got.append(self.special[sp])
        found = _Found(got)
        if facts is not None and not self.memo.keep(key, held, found):
            self.facts = None
        return found


class _Plans(dict[tuple[str, str], _Plan]):
    def __init__(self, rs: Ruleset) -> None:
        super().__init__()
        self.rs = rs
        self.special: dict[str, _Proto] = {}
        for sp, what in SPECIAL_VN.items():
            spec = rs.special_time.get(sp)
            if spec is None or spec.status == "uncertain":
                src = spec.basis if spec else "chế độ này không quy định"
                f = messages.make("rules.special-time-uncertain", what=what, source=src, basis=src)
            else:
                f = messages.make("rules.special-time", what=what, source=spec.basis, basis=spec.basis)
            self.special[sp] = _proto(f, None)

    def of(self, award: str, kind: str) -> _Plan:
        plan = self.get((award, kind))
        if plan is None:
            rs = self.rs
            a = rs.awards.get(award)
            req = a.requirements.get(kind) if a is not None else None
            steps = [_Step(c) for c in req.criteria] if req is not None else []
            lead: list[_Proto] = []
            if a is not None and req is not None and req.status in ("unknown", "delegated"):
                code = "rules.criteria-unknown" if req.status == "unknown" else "rules.criteria-delegated"
                lead.append(_proto(messages.make(code, award_name=a.name, kind_vn=KIND_VN[kind], note=req.note or "",
                                                 basis=req.basis), None))
            fields: list[str] | None = ["special"]  # the special times add their findings
            for step in steps:
                if step.reads is None or fields is None:
                    fields = None
                else:
                    fields += [f for f in step.reads if f not in fields]
            plan = self[(award, kind)] = _Plan(a, req, {"seats_per_cluster": rs.seats_per_cluster(award)}, steps,
                                               lead, self.special, _Facts(fields) if fields is not None else None)
        return plan


def evaluate_one(n: Nominee, award: str, year: int, rs: Ruleset,
                 pending: frozenset[tuple[str, int]] = frozenset()) -> list[Finding]:
    """Findings for one nominee and one award (no list-level checks)."""
    return _evaluate_one(n, award, year, rs, pending, _Plans(rs))


def _evaluate_one(n: Nominee, award: str, year: int, rs: Ruleset, pending: frozenset[tuple[str, int]],
                  plans: _Plans) -> list[Finding]:
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
    return _restamp(plan.protos(n, year, award, pending), n)

"""The criteria engine: evaluate nominees against a Ruleset, stamp every finding, decide verdicts.

Predicates return bare outcomes; this module adds the criterion id, the article of law, the
severity and the cell (style.md §2.0, principle 4), then runs the list-level checks (caps, quotas,
the same person twice, awards that exclude each other) and decides each nominee's verdict:
an error finding → ``fail``; a warning (uncertain law, missing fact, value the council has not set)
→ ``review``; otherwise ``pass``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from operator import attrgetter, itemgetter
from typing import Any, Literal, get_args, get_origin

from tdkt import messages
from tdkt.findings import SEVERITY_RANK, CellRef, Finding, Severity, sort_findings, trusted
from tdkt.models import Nominee
from tdkt.predicates import REGISTRY, Context, Outcome, reads
from tdkt.ruleset import AwardRules, Criterion, Requirement, Ruleset
from tdkt.text import fold
from tdkt.util import no_gc

KIND_VN = {"individual": "cá nhân", "collective": "tập thể", "household": "hộ gia đình"}
SPECIAL_VN = {"maternity": "nghỉ thai sản", "training": "đi học, bồi dưỡng", "injury": "điều trị thương tích"}

_R = messages.register
for _kind in REGISTRY.values():
    _R(_kind.code, "error", "Không đạt «{criterion}»: {found}; yêu cầu: {required}.",
       f"Tiêu chí ({_kind.title}) đã được xác thực trong căn cứ pháp lý và hồ sơ không đạt.")
_R("rules.uncertain-not-met", "warning",
   "Chưa đạt «{criterion}» ({found}; yêu cầu: {required}), nhưng căn cứ này CHƯA XÁC THỰC{note}: cần Thường trực xem xét.",
   "Tiêu chí dựa trên một điều luật mà hồ sơ pháp lý đánh dấu UNCERTAIN: không kết luận 'không đạt' mà chuyển xem xét.")
_R("rules.missing-data", "warning", "Không kiểm được «{criterion}»: danh sách thiếu {what}.",
   "Thiếu dữ kiện để kết luận; tdkt không đoán.")
_R("rules.not-checked", "info", "Chưa kiểm «{criterion}»: danh sách không có {what}.",
   "Dữ kiện không có trong danh sách; tiêu chí được ghi chú để Thường trực biết, không đổi kết luận.")
_R("rules.needs-review", "warning", "«{criterion}» cần xem xét: {reason} ({found}; yêu cầu: {required}).",
   "Pháp luật để ngỏ câu trả lời cho trường hợp này.")
_R("rules.council-unset", "warning",
   "«{criterion}»: pháp luật giao bộ/tỉnh/Hội đồng quy định {what}, nhưng quy chế của Hội đồng (overlay) chưa đặt.",
   "Giá trị luật giao đơn vị quy định mà quy chế chưa có: kết luận cần xem xét.")
_R("rules.uncertain-pass", "info", "Đạt «{criterion}» ({found}); lưu ý căn cứ chưa xác thực{note}.",
   "Đạt theo một tiêu chí có căn cứ chưa xác thực.")
_R("rules.no-award", "warning", "Không xác định được khen thưởng đề nghị{text}; dùng --award để chỉ định.",
   "Danh sách không ghi danh hiệu/hình thức khen thưởng cho dòng này.")
_R("rules.award-not-in-pack", "warning", "Khen thưởng '{award}' không có trong bộ tiêu chí {ruleset}: cần xem xét thủ công.",
   "Bộ tiêu chí không có tiêu chuẩn cho khen thưởng này.")
_R("rules.kind-mismatch", "error", "{award_name} không xét tặng cho {kind_vn} (bộ tiêu chí {ruleset}).",
   "Danh hiệu dành cho cá nhân đề nghị cho tập thể hoặc ngược lại.")
_R("rules.criteria-unknown", "warning", "Tiêu chuẩn {award_name} cho {kind_vn} chưa xác định được: {note}",
   "Điều luật chưa được truy xuất: tdkt không thể kết luận.")
_R("rules.criteria-delegated", "warning", "Tiêu chuẩn {award_name} cho {kind_vn} do đơn vị quy định và quy chế chưa đặt: {note}",
   "Luật giao bộ/tỉnh quy định tiêu chuẩn; quy chế Hội đồng (overlay) cần thêm tiêu chí (add_criteria).")
_R("rules.no-year", "warning", "Không rõ năm thành tích được xét; dùng --year.",
   "Không thể xét các tiêu chí theo năm.")
_R("rules.special-time", "info", "Thời gian {what} được tính là thời gian công tác ({source}).",
   "Trường hợp đặc biệt được pháp luật tính là thời gian làm việc.")
_R("rules.special-time-uncertain", "warning",
   "Có thời gian {what}: việc tính là thời gian công tác chưa xác thực ở chế độ này ({source}); cần xem xét.",
   "Trường hợp đặc biệt mà căn cứ chưa xác thực ở chế độ đang áp dụng.")
_R("rules.cap-exceeded", "error", "{count} đề nghị {award_name}{where}, vượt mức tối đa {allowed} ({max_percent} % của {base} {base_text}).",
   "Trần tỷ lệ theo luật trên toàn danh sách.")
_R("rules.cap-exceeded-uncertain", "warning",
   "{count} đề nghị {award_name}{where}, vượt mức {allowed} ({max_percent} % của {base} {base_text}); căn cứ chưa xác thực: cần xem xét.",
   "Trần tỷ lệ có căn cứ chưa xác thực.")
_R("rules.cap-unchecked", "warning",
   "Không kiểm được trần {max_percent} % cho {award_name}{where}: danh sách không có {base_text} để làm mẫu số.",
   "Mẫu số của trần tỷ lệ không có trong danh sách.")
_R("rules.quota-exceeded", "error", "{count} đề nghị {award_name}{where}, vượt số suất {allowed} theo quy chế ({basis}).",
   "Số suất do quy chế Hội đồng đặt.")
_R("rules.duplicate-nominee", "error", "{name} có {count} dòng đề nghị {award_name} năm {year} (dòng {rows}).",
   "Cùng một người/tập thể được đề nghị hai lần cho cùng một khen thưởng.")
_R("rules.exclusive-awards", "error", "{name} được đề nghị đồng thời {awards} (dòng {rows}): {text}.",
   "Các hình thức không được đề nghị cùng lúc cho một thành tích.")
_R("rules.exclusive-awards-uncertain", "warning",
   "{name} được đề nghị đồng thời {awards} (dòng {rows}): {text} — căn cứ chưa xác thực, cần xem xét.",
   "Như rules.exclusive-awards, với căn cứ chưa xác thực.")
_R("rules.notice", "warning", "{text}", "Thông báo của bộ tiêu chí theo ngày của đợt xét.")
_R("rules.ruleset-chosen", "info", "Bộ tiêu chí: {ruleset} — {title} ({how}).", "Bộ tiêu chí được dùng và lý do chọn.")


# Names and units repeat down a list; folding is pure, so each text is folded once per process.
_FOLDED: dict[str, str] = {}


def _fold(text: str) -> str:
    got = _FOLDED.get(text)
    if got is None:
        if len(_FOLDED) >= 65536:
            _FOLDED.clear()
        got = _FOLDED[text] = fold(text)
    return got


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
    same person as any earlier row), which saves folding most names of a large list.
    """

    __slots__ = ("buckets", "codes", "rows")

    def __init__(self, rows: Sequence[Nominee]) -> None:
        self.rows = rows
        self.codes: dict[tuple[str, str], int] = {}
        self.buckets: dict[tuple[Any, str, str], int | dict[str, int]] = {}

    def number(self, i: int, n: Nominee, unit: str) -> int:
        """The number of the person of row ``i`` (``n``, whose folded unit is ``unit``)."""
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


class NomineeResult:
    """The result of one row: the award and year it was evaluated for, and its findings.

    Most of a row's findings are prototypes shared with the rows that have the same facts (see
    :class:`_Plan`), restamped with the row's cell and subject. They are made when ``findings`` is
    first read: the verdict, the exit code and the JSON (``to_dict``) are worked out from the
    prototypes, so that ``tdkt validate --format json`` makes none.
    """

    __slots__ = ("_found", "_protos", "award", "award_name", "nominee", "year")

    def __init__(self, nominee: Nominee, award: str | None, award_name: str, year: int | None,
                 findings: list[Finding] | None = None, protos: _Found | None = None) -> None:
        self.nominee = nominee
        self.award = award
        self.award_name = award_name
        self.year = year
        self._found = findings  # the findings made so far (None: none), then those of ``_protos``
        self._protos = protos  # shared with other rows: never changed

    @property
    def findings(self) -> list[Finding]:
        """The row's findings in the order found (see :meth:`ordered`); a list the caller may extend."""
        if self._protos is not None:
            self._found = (self._found or []) + _restamp(self._protos, self.nominee)
            self._protos = None
        elif self._found is None:
            self._found = []
        return self._found

    @findings.setter
    def findings(self, value: list[Finding]) -> None:
        self._found, self._protos = value, None

    def _fields(self) -> tuple[Any, ...]:
        return (self.nominee, self.award, self.award_name, self.year, self.findings)

    def __eq__(self, other: object) -> bool:  # as the dataclass it was
        if not isinstance(other, NomineeResult):
            return NotImplemented
        return self._fields() == other._fields()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (f"NomineeResult(nominee={self.nominee!r}, award={self.award!r}, award_name={self.award_name!r}, "
                f"year={self.year!r}, findings={self.findings!r})")

    def _worst(self) -> int:
        """The rank of the worst severity among the findings (2, a note's, when there are none)."""
        worst = 2
        for f in self._found or ():
            rank = SEVERITY_RANK[f.severity]
            if rank < worst:
                worst = rank
        if self._protos is not None and self._protos.worst < worst:
            worst = self._protos.worst
        return worst

    @property
    def verdict(self) -> str:
        return _VERDICTS[self._worst()]

    def ordered(self) -> list[Finding]:
        """Most relevant first: errors, then warnings, then notes; within a severity, criterion order."""
        return sorted(self.findings, key=_rank)

    def to_dict(self) -> dict[str, Any]:
        n = self.nominee
        src = n.source
        protos = self._protos
        if protos is not None and not self._found:  # the usual row: only the engine's findings
            verdict = _VERDICTS[protos.worst]
            findings = self._proto_dicts(protos.ordered)
        elif protos is not None:
            worst, findings = self._dicts(protos)
            verdict = _VERDICTS[worst]
        else:
            ordered = self._found or []
            if len(ordered) > 1:
                ordered = sorted(ordered, key=_rank)
            verdict = _VERDICTS[SEVERITY_RANK[ordered[0].severity]] if ordered else "pass"  # the worst comes first
            findings = [f.to_dict() for f in ordered]
        return {
            "id": n.id, "row": src.row, "sheet": src.sheet, "file": src.file, "name": n.name,
            "kind": n.kind, "unit": n.unit, "award": self.award, "award_name": self.award_name if self.award else None,
            "gender": n.gender, "position": n.position, "verdict": verdict, "findings": findings,
        }

    def _dicts(self, protos: _Found) -> tuple[int, list[dict[str, Any]]]:
        """The worst rank and the JSON of the findings made so far and of ``protos`` (without making
        their findings), most relevant first."""
        ranked = [(SEVERITY_RANK[f.severity], f.to_dict()) for f in self._found or ()]
        ranked += zip([p[2] for p in protos], self._proto_dicts(protos), strict=True)
        ranked.sort(key=_first)  # stable: within a severity, the order found
        return ranked[0][0], [d for _r, d in ranked]

    def _proto_dicts(self, protos: Sequence[_Proto]) -> list[dict[str, Any]]:
        """The JSON of each prototype's finding for this row: its row-independent part and the row's
        cell (as :func:`_cells` finds it)."""
        n = self.nominee
        src = n.source
        here = None  # the JSON of the row's own cell
        cells = n.cells
        answers: _Answers | None = None
        out = []
        for _f, fld, _r, head in protos:
            if fld:
                if answers is None:
                    answers = _answers(cells)
                key = answers[fld]
                if key is not None:
                    c = cells[key]
                    out.append({**head, "cell": c.a1, "sheet": c.sheet, "file": c.file})
                    continue
            if here is None:
                here = {"cell": src.a1, "sheet": src.sheet, "file": src.file}
            out.append({**head, **here})
        return out


_VERDICTS = ("fail", "review", "pass")  # by the rank of the worst finding's severity
_first = itemgetter(0)


def _rank(f: Finding) -> int:
    return SEVERITY_RANK[f.severity]


@dataclass
class Report:
    ruleset: Ruleset
    nominees: list[NomineeResult]
    findings: list[Finding]  # list-level
    session: str | None = None

    def summary(self) -> dict[str, int]:
        out = {"nominees": len(self.nominees), "pass": 0, "fail": 0, "review": 0}
        for r in self.nominees:
            out[r.verdict] += 1
        return out

    def all_findings(self) -> list[Finding]:
        return [f for r in self.nominees for f in r.findings] + self.findings

    def exit_code(self, *, strict: bool = False) -> int:
        """1 when any finding is an error (with ``strict``, or a warning), else 0."""
        bad = (Severity.ERROR, Severity.WARNING) if strict else (Severity.ERROR,)
        limit = max(SEVERITY_RANK[s] for s in bad)
        for r in self.nominees:
            if r._worst() <= limit:
                return 1
        return 1 if any(f.severity in bad for f in self.findings) else 0

    def to_dict(self) -> dict[str, Any]:
        """The validate JSON document of the command contract (design.md §4), schema_version 1."""
        from tdkt import __version__

        with no_gc():  # a dict per nominee and per finding: see tdkt.util.no_gc
            return self._to_dict(__version__)

    def _to_dict(self, __version__: str) -> dict[str, Any]:
        nominees = [r.to_dict() for r in self.nominees]
        summary = {"nominees": len(nominees), "pass": 0, "fail": 0, "review": 0}  # as summary(), from the dicts
        for d in nominees:
            summary[d["verdict"]] += 1
        return {
            "schema_version": 1, "tool": "tdkt", "version": __version__,
            "ruleset": {"id": self.ruleset.id, "version": self.ruleset.version, "title": self.ruleset.title,
                        "overlays": [o.id for o in self.ruleset.overlays]},
            "session": self.session,
            "summary": summary,
            "nominees": nominees,
            "findings": [f.to_dict() for f in sort_findings(self.findings)],
        }


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


def _by_value(fld: str) -> bool:
    """Whether a Nominee field holds an immutable scalar (a number, a date, a text, a literal)."""
    annotation = Nominee.model_fields[fld].annotation
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
        self.quiet = c.status != "uncertain"  # a pass says nothing
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
    finding's params; ``model_copy`` shares it too).
    """
    subject = n.id
    return [trusted(Finding, {**p[0].__dict__, "cell": cell, "subject": subject})
            for p, cell in zip(protos, _cells(protos, n), strict=True)]


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


_NONE_PENDING: frozenset[tuple[str, int]] = frozenset()


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
    plans = _Plans(rs)
    by_award, number, add_person, add_unit = index.by_award, people.number, index.people.append, index.units.append
    for i, n in enumerate(nominees):  # one pass: each row is read once, while it is in the cache
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
        found = list(by_subject[n.id]) if by_subject and n.id in by_subject else None
        protos: _Found | None = None
        if aid is None:
            found = found or []
            found.append(messages.make("rules.no-award", cell=n.cells.get("award", n.source), subject=n.id,
                                       text=f" ('{n.award_text}')" if n.award_text else ""))
        elif y is None:
            found = found or []
            found.append(messages.make("rules.no-year", cell=n.source, subject=n.id))
        else:  # as if no other row were about the same person: see _pending
            kind = n.kind
            plan = plans.get((aid, kind)) or plans.of(aid, kind)
            if plan.requirement is None:  # the award is not in the pack, or not for this kind
                found = (found or []) + _evaluate_one(n, aid, y, rs, _NONE_PENDING, plans)
            else:
                protos = plan.protos(n, y, aid, _NONE_PENDING)
        results.append(NomineeResult(n, aid, names[aid] if aid else "", y, found, protos))
    _pending(results, index, plans)
    ids = {n.id for n in nominees} if by_subject else set()  # extras without a subject are list-level anyway
    listing = [f for f in extras if f.subject is None or f.subject not in ids]
    listing += _notices(rs)
    listing += _caps(results, rs, index)
    listing += _quotas(results, rs, index)
    _duplicates(results, rs, index)
    return Report(rs, results, listing, session)


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


def _pending(results: list[NomineeResult], index: _Index, plans: _Plans) -> None:
    """Re-evaluate the rows of the people proposed for two titles or more in the list: each with the
    titles of the person's other rows pending (a CSTĐ tỉnh nominee's CSTĐCS of the year is often
    decided in the same round)."""
    for rows in index.repeats.values():
        pairs = {(r.award, r.year) for r in (results[i] for i in rows) if r.award and r.year}
        if len(pairs) < 2:
            continue
        for i in rows:
            r = results[i]
            if r._protos is not None and r.award and r.year:
                own = frozenset(p for p in pairs if p != (r.award, r.year))
                r._protos = plans.of(r.award, r.nominee.kind).protos(r.nominee, r.year, r.award, own)


def _notices(rs: Ruleset) -> list[Finding]:
    out = [messages.make("rules.ruleset-chosen", ruleset=rs.label, title=rs.title, how=rs.chosen_by or "chỉ định")]
    for n in rs.active_notices():
        out.append(messages.make("rules.notice", severity=n.severity, rule=f"{rs.prefix}.{n.id}", text=n.text))
    return out


def _where(group: str, label: str) -> str:
    return f" ({label} {group})" if group else ""


def _caps(results: list[NomineeResult], rs: Ruleset, index: _Index) -> list[Finding]:
    """The list caps."""
    numbers, units = index.people, index.units
    out: list[Finding] = []
    for rule in rs.list_rules:
        p = rule.params
        num: dict[str, set[int]] = defaultdict(set)
        den: dict[str, set[int]] = defaultdict(set)
        others: dict[str, bool] = defaultdict(bool)
        last: dict[str, int] = {}  # the last row of each group, which names it
        capped, of, per_unit, leaders_only = p.award, set(p.of), p.per == "unit", p.cluster_leaders
        rows = sorted(i for aid in {capped, *of} for i in index.by_award.get(aid, ()))
        for i in rows:
            aid = results[i].award
            key = numbers[i]
            group = units[i] if per_unit else ""
            last[group] = i
            if aid == capped:
                num[group].add(key)
            if aid in of and (not leaders_only or ((c := results[i].nominee.collective) is not None
                                                    and c.cluster_rank == 1)):
                den[group].add(key)
                if aid != capped:
                    others[group] = True
        names = {g: results[i].nominee.unit or "" for g, i in last.items()}
        award_name = rs.award_name(p.award)
        base_text = " / ".join(rs.award_name(a) for a in p.of if a != p.award) + (
            " dẫn đầu cụm/khối" if p.cluster_leaders else "")
        unchecked = [names.get(g, "") for g in sorted(num) if not others[g]]
        if unchecked:  # one finding per rule, naming every unit it could not check
            where = (f" ({'đơn vị' if len(unchecked) == 1 else 'các đơn vị'} {', '.join(unchecked)})"
                     if p.per == "unit" else "")
            out.append(messages.make("rules.cap-unchecked", rule=rule.id, basis=rule.basis, award_name=award_name,
                                     where=where, max_percent=f"{p.max_percent:g}", base_text=base_text))
        for group, people in sorted(num.items()):
            if not others[group]:
                continue
            where = _where(names.get(group, ""), "đơn vị") if p.per == "unit" else ""
            common: dict[str, Any] = {"rule": rule.id, "basis": rule.basis, "award_name": award_name, "where": where,
                                      "max_percent": f"{p.max_percent:g}", "base_text": base_text}
            base = len(den[group])
            scaled = round(p.max_percent * 100)
            allowed = (scaled * base) // 10000  # floor(max% × base), exact integers
            if len(people) > allowed:
                code = "rules.cap-exceeded-uncertain" if rule.status == "uncertain" else "rules.cap-exceeded"
                out.append(messages.make(code, count=len(people), allowed=allowed, base=base, **common))
    return out


def _quotas(results: list[NomineeResult], rs: Ruleset, index: _Index) -> list[Finding]:
    out: list[Finding] = []
    by_award = {aid: [results[i] for i in rows] for aid, rows in index.by_award.items() if aid}
    for aid, rows in sorted(by_award.items()):
        basis = rs.seats_basis(aid)
        limit = rs.seats(aid)
        name = rs.award_name(aid)
        if limit is not None and len(rows) > limit:
            out.append(messages.make("rules.quota-exceeded", rule=f"overlay.seats.{aid}", basis=basis, count=len(rows),
                                     allowed=limit, award_name=name, where=""))
        per = rs.seats_per_cluster(aid)
        if per is not None:
            clusters: dict[str, list[NomineeResult]] = defaultdict(list)
            for r in rows:
                c = r.nominee.collective
                if c is not None and c.cluster:
                    clusters[c.cluster].append(r)
            for cl, members in sorted(clusters.items()):
                if len(members) > per:
                    out.append(messages.make("rules.quota-exceeded", rule=f"overlay.seats.{aid}", basis=basis,
                                             count=len(members), allowed=per, award_name=name, where=f" trong {cl}"))
    return out


def _duplicates(results: list[NomineeResult], rs: Ruleset, index: _Index) -> None:
    """Same person twice for one award, or for awards that exclude each other."""
    groups: dict[tuple[int, int | None], list[NomineeResult]] = {}  # only the (person, year) with 2+ rows
    for person, numbers in index.repeats.items():
        by_year: dict[int | None, list[NomineeResult]] = {}
        for i in numbers:
            r = results[i]
            if r.award:
                by_year.setdefault(r.year, []).append(r)
        groups.update(((person, y), same) for y, same in by_year.items() if len(same) > 1)
    for (_key, year), rows in groups.items():
        by_award: dict[str, list[NomineeResult]] = defaultdict(list)
        for r in rows:
            by_award[r.award or ""].append(r)
        for aid, same in by_award.items():
            if len(same) > 1:
                row_list = ", ".join(str(r.nominee.source.row) for r in same)
                for r in same:
                    r.findings.append(messages.make(
                        "rules.duplicate-nominee", cell=r.nominee.source, subject=r.nominee.id, rule="list.duplicate",
                        name=r.nominee.name, count=len(same), award_name=rs.award_name(aid), year=year, rows=row_list))
        for ex in rs.exclusive:
            hit = [r for r in rows if r.award in ex.awards]
            if len({r.award for r in hit}) < 2:
                continue
            row_list = ", ".join(str(r.nominee.source.row) for r in hit)
            names = " và ".join(sorted({rs.award_name(r.award or "") for r in hit}))
            code = "rules.exclusive-awards-uncertain" if ex.status == "uncertain" else "rules.exclusive-awards"
            for r in hit:
                r.findings.append(messages.make(code, cell=r.nominee.source, subject=r.nominee.id,
                                                rule=f"{rs.prefix}.{ex.id}", basis=ex.basis, name=r.nominee.name,
                                                awards=names, rows=row_list, text=ex.text))


def regime_date(*, round_date: dt.date | None, year: int | None) -> tuple[dt.date, str]:
    """The date that chooses the regime: the round's meeting date, else 31/12 of the achievement year."""
    if round_date is not None:
        return round_date, f"theo ngày họp của đợt xét {round_date.strftime('%d/%m/%Y')}"
    if year is not None:
        d = dt.date(year, 12, 31)
        return d, (f"không có đợt xét: chọn theo ngày {d.strftime('%d/%m/%Y')} (cuối năm thành tích); "
                   "dùng --session hoặc --rules để chọn theo ngày họp")
    d = dt.date.today()
    return d, f"không có đợt xét và năm: chọn theo ngày hôm nay {d.strftime('%d/%m/%Y')}"

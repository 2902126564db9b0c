"""The engine's fast paths give what the plain paths give.

* ``Kind.reads``: the engine reuses a criterion's outcome between rows that share the Nominee
  fields its predicate reads, so every predicate must read no other field.
* Outcomes reused between rows (and the step that stops reusing when rows rarely share) give the
  findings of evaluating each row on its own.
* ``messages.make`` builds a Finding without validation only when that changes nothing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import msgspec
import pytest

from tdkt import messages
from tdkt.engine import evaluate, evaluate_one
from tdkt.errors import InputError
from tdkt.findings import CellRef, Finding, Severity
from tdkt.models import Nominee, YearRecord, validated
from tdkt.predicates import EXAMPLES, REGISTRY, Context, parse_params, reads
from tdkt.ruleset import load_ruleset

SRC = CellRef(file="speed.xlsx", sheet="DS", row=2)


class _Spy:
    """A nominee that records which of its fields a predicate reads."""

    def __init__(self, n: Nominee) -> None:
        self._n = n
        self.seen: set[str] = set()

    def __getattr__(self, name: str) -> Any:
        self.seen.add("history" if name == "year_record" else name)
        return getattr(self._n, name)


@pytest.mark.parametrize(("kind", "params", "facts", "year", "award", "expect"), EXAMPLES,
                         ids=[f"{e[0]}-{e[5]}-{i}" for i, e in enumerate(EXAMPLES)])
def test_predicates_read_only_the_fields_they_declare(kind, params, facts, year, award, expect) -> None:  # type: ignore[no-untyped-def]
    n = validated(Nominee, {"id": "x", "source": SRC, "name": "A", "year": year, "award": award, **facts})
    p = parse_params(kind, params)
    declared = reads(kind, p)
    assert declared is not None, kind
    for pending in (frozenset(), frozenset({(award, year - 1), ("chien_si_thi_dua_co_so", year)})):
        spy = _Spy(n)
        ctx = Context(nominee=spy, year=year, award=award, pending=pending)  # type: ignore[arg-type]
        assert REGISTRY[kind].fn(ctx, p).status in ("pass", "fail", "missing", "review")
        assert spy.seen <= set(declared), (kind, spy.seen - set(declared))


def _row(i: int, history: tuple[YearRecord, ...], award: str, name: str | None = None, **more: Any) -> Nominee:
    return msgspec.structs.replace(validated(Nominee, {
        "id": f"speed:{i}", "source": msgspec.structs.replace(SRC, row=i), "name": name or f"Người {i}",
        "unit": "Sở Nội vụ", "award": award, "year": 2024, "recruited_on": dt.date(2015, 3, 1), **more,
    }), history=history)  # the very tuple given: rows share it as ingest's do


def _one_by_one(rows: list[Nominee], rs: Any) -> list[list[Finding]]:
    """Each row evaluated on its own (nothing reused), with the titles its person is proposed for."""
    out = []
    for n in rows:
        pending = frozenset((m.award, 2024) for m in rows if m.name == n.name and m.award != n.award)
        out.append(evaluate_one(n, n.award or "", 2024, rs, pending))  # type: ignore[arg-type]
    return out


def _history(ratings: tuple[str | None, ...], titles: tuple[tuple[str, ...], ...]) -> tuple[YearRecord, ...]:
    return tuple(YearRecord(year=2022 + k, rating=r, titles=t) for k, (r, t) in enumerate(zip(ratings, titles, strict=True)))


def test_outcomes_shared_between_rows_are_those_of_each_row() -> None:
    rs = load_ruleset("nd98-2023")
    cs = ("chien_si_thi_dua_co_so",)
    shared = [
        _history(("htxs", "htxs", "htxs"), (cs, cs, ())),
        _history(("httnv", "htxs", "htnv"), ((), cs, ())),
        _history((None, "httnv", "htxs"), ((), (), ())),
        (),
    ]
    awards = ("lao_dong_tien_tien", "chien_si_thi_dua_co_so", "bang_khen_bo_tinh", "chien_si_thi_dua_bo_tinh")
    rows = [_row(i, shared[i % len(shared)], awards[(i // 4) % len(awards)]) for i in range(64)]
    # an equal history in another tuple, and one person proposed for two titles of the same year
    rows.append(_row(100, _history(("htxs", "htxs", "htxs"), (cs, cs, ())), "chien_si_thi_dua_bo_tinh"))
    rows.append(_row(101, shared[0], "chien_si_thi_dua_co_so", name="Trần Hai Danh"))
    rows.append(_row(102, shared[0], "chien_si_thi_dua_bo_tinh", name="Trần Hai Danh"))
    report = evaluate(rows, rs)
    assert [r.findings for r in report.nominees] == _one_by_one(rows, rs)
    assert {r.verdict for r in report.nominees} >= {"pass", "fail"}


def test_a_step_whose_rows_rarely_share_still_gives_each_rows_findings() -> None:
    rs = load_ruleset("nd98-2023")
    ratings = ("htxs", "httnv", "htnv", "khtnv", None)
    rows = [_row(i, _history((ratings[i % 5], ratings[i // 5 % 5], ratings[i // 25 % 5]), ((), (), ())),
                 "lao_dong_tien_tien", months_of_service=i % 30)
            for i in range(1500)]  # a history tuple of its own per row: more than 1000 outcomes are not reused
    report = evaluate(rows, rs)
    assert [r.findings for r in report.nominees] == _one_by_one(rows, rs)


def _validated(code: str, **kw: Any) -> Finding:
    msg = messages.CATALOGUE[code]
    sev = kw.pop("severity", None)
    fields = {k: kw.pop(k, None) for k in ("cell", "rule", "basis", "subject")}
    return Finding(code=code, severity=Severity(sev) if sev is not None else msg.severity,
                   message=messages.render(msg.template, kw), params=kw, **fields)


@pytest.mark.parametrize("kw", [
    {},
    {"cell": SRC, "rule": "nd98.x", "basis": "Điều 1", "subject": "s:1", "severity": "error"},
    {"cell": SRC, "severity": Severity.WARNING},
])
def test_make_gives_the_validated_finding(kw: dict[str, Any]) -> None:
    got = messages.make("rules.no-year", **kw)
    want = _validated("rules.no-year", **dict(kw))
    assert got == want
    assert (type(got.severity), type(got.cell) if got.cell is not None else None) == (
        Severity, CellRef if got.cell is not None else None)
    assert got.to_dict() == want.to_dict()
    assert validated(Finding, msgspec.structs.asdict(got)) == got  # every field has its type


def test_make_still_rejects_what_validation_rejects() -> None:
    with pytest.raises(ValueError):
        messages.make("rules.no-year", severity="fatal")
    good = msgspec.structs.asdict(messages.make("rules.no-year"))
    with pytest.raises(InputError):  # the validating constructor, for values from outside typed code
        validated(Finding, {**good, "rule": 3})

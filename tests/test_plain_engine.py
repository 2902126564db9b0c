"""The engine's fast paths against their plain paths in one process (issue 20): ``fastpaths.PLAIN`` set
as ``TDKT_PLAIN=1`` sets it, the same rows evaluated both ways, the JSON and every row's findings equal;
and, under the switch, the person numbering, the cell answers, the outcome memos and the per-plan gaps
really take their plain path (counted, not assumed). Not a ``fast_path`` test: it runs both ways."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest

from tdkt import fastpaths
from tdkt.engine import evaluate, lists, person_key, plan
from tdkt.errors import InputError
from tdkt.ingest import read_nominations
from tdkt.ruleset import builtin_ids, load_ruleset

ROOT = Path(__file__).resolve().parent.parent
OVERLAY = ROOT / "tests" / "rules" / "overlays" / "hai-dong.yaml"
EXAMPLES = sorted(ROOT.glob("examples/*/danh-sach*.xlsx"))
CORPUS = sorted(p for p in (ROOT / "tests" / "corpus" / "lists").glob("*.*") if p.suffix in (".xlsx", ".csv"))
LISTS = EXAMPLES + CORPUS[::3]


def _both(monkeypatch: pytest.MonkeyPatch, nominees: list[Any], rs: Any, found: list[Any]) -> tuple[Any, Any]:
    monkeypatch.setattr(fastpaths, "PLAIN", False)
    fast = evaluate(nominees, rs, extra=found)
    monkeypatch.setattr(fastpaths, "PLAIN", True)
    slow = evaluate(nominees, rs, extra=found)
    return fast, slow


@pytest.mark.parametrize("path", LISTS, ids=[p.name for p in LISTS])
def test_a_list_evaluates_the_same_with_every_engine_fast_path_off(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    try:
        result = read_nominations([path])
    except InputError as exc:
        pytest.skip(f"not read: {exc}")
    packs = [load_ruleset(pid) for pid in builtin_ids()] + [load_ruleset("nd91-2017", overlay=OVERLAY)]
    for rs in packs:
        fast, slow = _both(monkeypatch, result.nominees, rs, result.findings)
        monkeypatch.setattr(fastpaths, "PLAIN", True)
        plain_json = slow.to_dict()
        monkeypatch.setattr(fastpaths, "PLAIN", False)
        assert fast.to_dict() == plain_json == slow.to_dict(), (rs.id, path.name)
        assert [r.findings for r in fast.nominees] == [r.findings for r in slow.nominees], rs.id


def _rows(n: int) -> list[Any]:
    """Rows that share their facts (the memos' case) and people written twice (the numbering's)."""
    import datetime as dt

    from tdkt.findings import CellRef
    from tdkt.models import Nominee, YearRecord, validated

    names = ("Nguyễn Văn An", "NGUYỄN VĂN AN", "Trần Thị Bình", "Lò Thị Cúc")
    out = []
    for i, (name, unit, rating) in enumerate(itertools.islice(itertools.cycle(
            itertools.product(names, ("Sở Nội vụ", "so noi vu", "Sở Tài chính"), ("htxs", "httnv", None))), n)):
        out.append(validated(Nominee, {
            "id": f"ds.xlsx:DS:{i + 2}", "source": CellRef(file="ds.xlsx", sheet="DS", row=i + 2), "name": name,
            "unit": unit, "kind": "individual", "birth_date": dt.date(1980, 1, 1 + i % 3),
            "award": "chien_si_thi_dua_co_so" if i % 2 else "lao_dong_tien_tien", "year": 2021,
            "history": [YearRecord(year=2021, rating=rating)] if rating else [],
            "cells": {"name": CellRef(file="ds.xlsx", sheet="DS", row=i + 2, column="B"),
                      "rating.2021": CellRef(file="ds.xlsx", sheet="DS", row=i + 2, column="G")}}))
    return out


def test_under_plain_no_engine_memo_keeps_anything(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = _rows(600)
    rs = load_ruleset("nd91-2017")
    calls = {"key": 0, "cell": 0}
    real_key, real_cell = lists.person_key, plan._cell_key

    def key(n: Any) -> str:
        calls["key"] += 1
        return real_key(n)

    def cell(fld: str, keys: Any) -> Any:
        calls["cell"] += 1
        return real_cell(fld, keys)

    monkeypatch.setattr(lists, "person_key", key)
    monkeypatch.setattr(plan, "_cell_key", cell)
    made: list[Any] = []
    real_plan = plan.Plan.__init__

    def spy(self: Any, *a: Any, **kw: Any) -> None:
        real_plan(self, *a, **kw)
        made.append(self)

    monkeypatch.setattr(plan.Plan, "__init__", spy)
    fast, slow = _both(monkeypatch, rows, rs, [])
    assert fast.to_dict() == slow.to_dict()
    fast_plans, slow_plans = made[: len(made) // 2], made[len(made) // 2:]
    assert any(p.memo.on and len(p.memo.cache) for p in fast_plans)  # the fast run did keep rows' findings
    assert not any(p.memo.on or len(p.memo.cache) or p._gaps for p in slow_plans)
    assert not any(s.memo.on or len(s.memo.cache) or len(s.outcomes) for p in slow_plans for s in p.steps)

    calls.update(key=0, cell=0)
    monkeypatch.setattr(fastpaths, "PLAIN", True)
    plain = evaluate(rows, rs)
    json_plain = plain.to_dict()
    assert calls["key"] >= len(rows)  # every row numbered by its person_key
    refs = sum(1 for r in plain.nominees if r.shared for ref in r.shared.refs if ref.field)
    assert calls["cell"] >= refs > 0  # every finding's cell asked for, none remembered
    monkeypatch.setattr(fastpaths, "PLAIN", False)
    assert json_plain == evaluate(rows, rs).to_dict()


def test_plain_person_numbers_are_those_of_person_key(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = _rows(120)
    numbers = {}
    for mode in (False, True):
        monkeypatch.setattr(fastpaths, "PLAIN", mode)
        people = lists._People(rows)
        numbers[mode] = [people.number(i, n, lists._fold(n.unit or "")) for i, n in enumerate(rows)]
    first: dict[str, int] = {}
    want = [first.setdefault(person_key(n), i) for i, n in enumerate(rows)]
    assert numbers[False] == numbers[True] == want
    assert len(set(want)) < len(rows)

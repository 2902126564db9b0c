"""NĐ 233/2026/NĐ-CP Điều 12 k6: viên chức rated HTXS above 20 % of those rated HTTNV in a unit (25 % in a unit
rated HTXS) is information at list level — never a nominee's failure. Invented names and units."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tdkt.engine import evaluate
from tdkt.ruleset import load_ruleset
from tests.rules.test_cases import make_nominee

ON = dt.date(2026, 12, 10)


def people(unit: str, htxs: int, httnv: int, *, year: int = 2026, staff: str = "Viên chức") -> list[dict[str, Any]]:
    rows = [{"unit": unit, "staff_category": staff, "years": {year: "htxs"}, "award": "ldtt"} for _ in range(htxs)]
    rows += [{"unit": unit, "staff_category": staff, "years": {year: "httnv"}, "award": "ldtt"} for _ in range(httnv)]
    return rows


def run(rows: list[dict[str, Any]], year: int = 2026, on: dt.date = ON) -> Any:
    nominees = []
    for i, facts in enumerate(rows):
        f = dict(facts)
        award = f.pop("award")
        f.setdefault("name", f"Người {i}")
        f.setdefault("recruited_on", dt.date(2015, 3, 1))
        nominees.append(make_nominee(f, i + 2, award, year))
    return evaluate(nominees, load_ruleset(None, on=on))


def shares(report: Any) -> list[Any]:
    return [f for f in report.findings if f.code == "rules.rating-share-high"]


def test_a_unit_above_twenty_percent_gets_one_information_finding_and_no_verdict_changes() -> None:
    over = people("Bệnh viện Đa khoa tỉnh", 3, 10)  # 3 > 20 % × 10
    at = people("Trung tâm Y tế huyện", 2, 10)  # 2 = 20 % × 10: not above
    report = run(over + at)
    (f,) = shares(report)
    assert f.severity.value == "info" and f.subject is None
    assert "Bệnh viện Đa khoa tỉnh" in f.message and "NĐ 233/2026" in f.basis
    assert "3 viên chức" in f.message and "tối đa 2" in f.message
    assert f.rule == "l06.vc.htxs-share"
    alone = run(people("Bệnh viện Đa khoa tỉnh", 3, 10, year=2025) + at, year=2025)  # NĐ 90 ratings: no cap here
    assert not shares(alone)
    assert {r.verdict for r in report.nominees} == {"pass"}  # every one of them still passes
    assert all(not any(g.code == "rules.rating-share-high" for g in r.findings) for r in report.nominees)


def test_twenty_five_percent_when_the_unit_itself_is_rated_htxs() -> None:
    unit = "Trường THPT Hải Đông"
    school = {"name": unit, "kind": "collective", "unit": unit, "years": {2026: "htxs"}, "award": "ttldxs",
              "collective": {"members": 40, "completed": 40, "ltt": 30, "cstdcs": 2}}
    assert not shares(run([school, *people(unit, 3, 12)]))  # 3 = 25 % × 12
    assert shares(run([school, *people(unit, 4, 12)]))
    assert shares(run(people(unit, 3, 12)))  # without the unit's own HTXS: 20 %


@pytest.mark.parametrize("staff", ["Công chức", "Người lao động", None])
def test_only_vien_chuc_are_counted(staff: str | None) -> None:
    rows = people("Sở Tài chính", 5, 5, staff=staff or "")
    assert not shares(run(rows))


def test_the_nd152_pack_before_2026_ratings_and_nd98_say_nothing() -> None:
    assert not shares(run(people("Sở Tài chính", 5, 5, year=2025), year=2025, on=dt.date(2026, 3, 1)))
    assert load_ruleset("nd98-2023").rating_caps == []
    assert [c.id for c in load_ruleset("nd152-2025").rating_caps] == ["vc.htxs-share"]

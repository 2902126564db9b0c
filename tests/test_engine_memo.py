"""The engine's per-row memo gives what evaluating each row on its own gives.

Rows that share every fact their criteria read (same award, kind, year, pending titles, special
times, and the same history/initiative/... values) share the prototypes of their findings, which
are restamped with each row's cell and subject. These tests check that a fact that differs is never
shared, that a restamped finding points at its own row, and that the person numbers used for pending
titles, caps and duplicates group rows as ``person_key`` does.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any, NamedTuple

import msgspec
import pytest

from tdkt.engine import evaluate, evaluate_one, person_key
from tdkt.engine.lists import _fold, _People
from tdkt.findings import CellRef, Finding
from tdkt.models import CellMap, Discipline, Initiative, Nominee, YearRecord, validated
from tdkt.ruleset import load_ruleset

FILE, SHEET = "memo.xlsx", "DS"
CS = ("chien_si_thi_dua_co_so",)
HISTORY = (YearRecord(year=2022, rating="htxs", titles=CS), YearRecord(year=2023, rating="htxs", titles=CS),
           YearRecord(year=2024, rating="htxs", titles=()))


class _Col(NamedTuple):
    letter: str
    header: str


COLS = {"name": _Col("B", "Họ tên"), "rating.2023": _Col("H", "Xếp loại 2023"), "rating.2024": _Col("I", "Xếp loại 2024"),
        "initiatives.level": _Col("K", "Cấp sáng kiến")}


def _row(i: int, award: str = "lao_dong_tien_tien", cols: dict[str, _Col] | None = None, **facts: Any) -> Nominee:
    """Row ``i`` of a list, its cells a CellMap as ingest makes them; tuples given are kept as they are."""
    shared = {k: facts.pop(k) for k in ("history", "initiatives", "disciplines") if k in facts}
    n = validated(Nominee, {
        "id": f"{FILE}:{SHEET}:{i}", "source": CellRef(file=FILE, sheet=SHEET, row=i), "name": f"Người {i}",
        "unit": "Sở Nội vụ", "award": award, "year": 2024, "recruited_on": dt.date(2015, 3, 1), **facts,
    })
    return msgspec.structs.replace(n, **{"history": HISTORY, **shared}, cells=CellMap(FILE, SHEET, i, cols or COLS))


def _one_by_one(rows: list[Nominee], rs: Any) -> list[list[Finding]]:
    """Each row evaluated on its own: nothing is shared with another row."""
    return [evaluate_one(n, n.award or "", 2024, rs) for n in rows]


def _findings(rows: list[Nominee], rs: Any) -> list[list[Finding]]:
    return [r.findings for r in evaluate(rows, rs).nominees]


def test_rows_that_differ_in_one_fact_do_not_share_a_verdict() -> None:
    rs = load_ruleset("nd98-2023")
    bad = (YearRecord(year=2024, rating="htnv"),)
    punished = (Discipline(form="canh_cao", year=2024),)
    rows = [_row(2), _row(3), _row(4, history=bad), _row(5), _row(6, disciplines=punished), _row(7),
            _row(8, months_of_service=3), _row(9, months_of_service=3), _row(10, recruited_on=dt.date(2024, 9, 1)),
            _row(11, special=("maternity",)), _row(12)]
    report = evaluate(rows, rs)
    assert [r.findings for r in report.nominees] == _one_by_one(rows, rs)
    verdicts = [r.verdict for r in report.nominees]
    assert verdicts[0] == verdicts[1] == verdicts[3] == verdicts[5] == verdicts[10] == "pass"
    assert verdicts[2] == verdicts[4] == verdicts[6] == verdicts[7] == verdicts[8] == "fail"
    assert [f.code for f in report.nominees[9].findings] == ["rules.special-time-uncertain"]


def test_equal_facts_in_other_objects_give_the_same_findings() -> None:
    rs = load_ruleset("nd98-2023")
    copy = tuple(YearRecord(year=y.year, rating=y.rating, titles=y.titles) for y in HISTORY)
    rows = [_row(2, "chien_si_thi_dua_co_so"), _row(3, "chien_si_thi_dua_co_so", history=copy),
            _row(4, "chien_si_thi_dua_co_so", months_of_service=120), _row(5, "chien_si_thi_dua_co_so", months_of_service=120)]
    assert _findings(rows, rs) == _one_by_one(rows, rs)


def test_a_shared_finding_points_at_its_own_row() -> None:
    rs = load_ruleset("nd98-2023")
    low = (YearRecord(year=2023, rating="htxs"), YearRecord(year=2024, rating="htnv"))
    no_rating_cell = {k: v for k, v in COLS.items() if not k.startswith("rating.")}
    rows = [_row(i, history=low, cols=no_rating_cell if i == 5 else None) for i in range(2, 7)]
    got = _findings(rows, rs)
    assert got == _one_by_one(rows, rs)
    cells = [next(f.cell for f in fs if f.code == "rules.rating-not-met") for fs in got]
    assert [(c.row, c.column) for c in cells if c is not None] == [(2, "I"), (3, "I"), (4, "I"), (5, None), (6, "I")]
    assert [f.subject for fs in got for f in fs] == [n.id for n, fs in zip(rows, got, strict=True) for _f in fs]
    # the JSON of a row says the same as its findings
    report = evaluate(rows, rs)
    for r in report.nominees:
        assert r.to_dict()["findings"] == [f.to_dict() for f in r.ordered()]


def test_titles_pending_for_the_same_person_are_part_of_what_is_shared() -> None:
    rs = load_ruleset("nd98-2023")
    two = (YearRecord(year=2023, rating="htxs", titles=CS), YearRecord(year=2024, rating="htxs"))
    rows = [_row(2, "chien_si_thi_dua_bo_tinh", history=two, cccd="001"), _row(3, "chien_si_thi_dua_co_so", history=two, cccd="001"),
            _row(4, "chien_si_thi_dua_bo_tinh", history=two, cccd="002")]
    report = evaluate(rows, rs)
    one = [evaluate_one(rows[0], "chien_si_thi_dua_bo_tinh", 2024, rs, frozenset({("chien_si_thi_dua_co_so", 2024)})),
           evaluate_one(rows[1], "chien_si_thi_dua_co_so", 2024, rs, frozenset({("chien_si_thi_dua_bo_tinh", 2024)})),
           evaluate_one(rows[2], "chien_si_thi_dua_bo_tinh", 2024, rs)]
    assert one[0] != one[2]  # the pending CSTĐCS of 2024 counts for row 2, not for row 4
    assert [[f for f in r.findings if f.code != "rules.duplicate-nominee"] for r in report.nominees] == one


def test_requirements_without_criteria_and_unset_council_values_are_restamped_per_row() -> None:
    rs = load_ruleset("nd91-2017")
    rows = [_row(i, "giay_khen") for i in (2, 3)] + [
        _row(i, "tap_the_lao_dong_tien_tien", kind="collective", collective={"members": 10, "ltt": 6}) for i in (4, 5)]
    rs98 = load_ruleset("nd98-2023")
    for ruleset in (rs, rs98):
        got = _findings(rows, ruleset)
        assert got == _one_by_one(rows, ruleset)
        assert all(f.cell == n.source and f.subject == n.id for n, fs in zip(rows, got, strict=True) for f in fs
                   if f.code in ("rules.criteria-unknown", "rules.council-unset"))
    assert any(f.code == "rules.criteria-unknown" for f in _findings(rows, rs)[0])


def test_rows_that_rarely_share_facts_still_get_their_own_findings() -> None:
    rs = load_ruleset("nd98-2023")
    rows = [_row(i, recruited_on=dt.date(2010, 1, 1) + dt.timedelta(days=5 * i), months_of_service=i % 20)
            for i in range(2, 1400)]  # every row its own recruitment date: the row memo gives up
    assert _findings(rows, rs) == _one_by_one(rows, rs)


_NAMES = ("Nguyễn Văn An", "nguyen van an", "NGUYỄN VĂN AN ", "Nguyễn Văn Ân", "Trần Thị Bình")
_UNITS = (None, "", "Sở Nội vụ", "so noi vu", "Sở Tài chính")
_BIRTHS: tuple[dict[str, Any], ...] = ({}, {"birth_date": dt.date(1980, 1, 2)}, {"birth_year": 1980},
                                       {"birth_date": dt.date(1980, 1, 2), "birth_year": 1980}, {"birth_year": 1981})
_IDS: tuple[dict[str, Any], ...] = ({}, {"cccd": "001080000001"}, {"cccd": " 001080000001 "}, {"staff_code": "CB-1"},
                                    {"cccd": "", "staff_code": "CB-1 "})


@pytest.mark.parametrize("order", ["as made", "reversed"])
def test_person_numbers_group_rows_as_person_key_does(order: str) -> None:
    rows = [validated(Nominee, {"id": f"p:{i}", "source": CellRef(file="p.xlsx", row=i), "name": name, "unit": unit,
                                    "kind": kind, **birth, **ident})
            for i, (name, unit, birth, ident, kind) in enumerate(
                itertools.product(_NAMES, _UNITS, _BIRTHS, _IDS, ("individual", "collective")))]
    if order == "reversed":
        rows.reverse()
    by_key: dict[str, set[int]] = {}
    by_number: dict[int, set[int]] = {}
    people = _People(rows)
    for i, n in enumerate(rows):
        by_key.setdefault(person_key(n), set()).add(i)
        number = people.number(i, n, _fold(n.unit or ""))
        assert number <= i and (number == i or person_key(rows[number]) == person_key(n))  # the person's first row
        by_number.setdefault(number, set()).add(i)
    assert sorted(map(sorted, by_key.values())) == sorted(map(sorted, by_number.values()))
    assert len(by_key) < len(rows)  # some rows are the same person


def test_initiatives_differing_only_in_use_are_not_shared() -> None:
    rs = load_ruleset("nd98-2023")
    fresh = (Initiative(level="co_so", year=2024),)
    used = (Initiative(level="co_so", year=2024, used_for="bang_khen_bo_tinh"),)
    good = (YearRecord(year=2024, rating="httnv"),)  # not HTXS: the initiative decides
    rows = [_row(i, "chien_si_thi_dua_co_so", history=good, initiatives=fresh if i % 2 else used) for i in range(2, 8)]
    got = _findings(rows, rs)
    assert got == _one_by_one(rows, rs)
    assert len({tuple(f.code for f in fs) for fs in got}) == 2


def test_the_json_verdict_and_exit_code_of_a_row_do_not_depend_on_making_its_findings() -> None:
    rs = load_ruleset("nd98-2023")
    low = (YearRecord(year=2024, rating="htnv"),)
    rows = [_row(2), _row(3, history=low), _row(4, "chien_si_thi_dua_co_so", months_of_service=3), _row(5, special=("training",)),
            _row(6, "giay_khen_khong_co"), _row(7, cccd="001"), _row(8, cccd="001")]
    earlier = [Finding(code="ingest.x", severity="warning", message="trước", cell=rows[2].source, subject=rows[2].id),
               Finding(code="ingest.y", severity="info", message="chung")]
    lazy, made = evaluate(rows, rs, extra=earlier), evaluate(rows, rs, extra=earlier)
    for r in made.nominees:
        r.findings  # noqa: B018 - made now: to_dict, verdict and exit code then read them
    assert lazy.to_dict() == made.to_dict()
    assert [r.verdict for r in lazy.nominees] == [r.verdict for r in made.nominees]
    assert (lazy.exit_code(), lazy.exit_code(strict=True)) == (made.exit_code(), made.exit_code(strict=True)) == (1, 1)
    assert lazy.nominees == made.nominees and repr(lazy.nominees[2]) == repr(made.nominees[2])
    assert lazy.nominees[2].findings[0].code == "ingest.x"  # earlier stages' findings first
    assert [f.code for f in made.nominees[5].findings] == ["rules.duplicate-nominee"]
    r = lazy.nominees[0]
    r.findings.append(earlier[1])  # a copy: the result itself does not change
    assert earlier[1] not in r.findings and r.verdict == "pass"
    more = r.adding([earlier[1]])  # a new result with a list-level finding about the row
    assert more.findings[-1] is earlier[1] and more.verdict == "pass" and earlier[1] not in r.findings
    clean = evaluate([_row(2)], rs)
    assert (clean.exit_code(), clean.exit_code(strict=True), clean.nominees[0].findings) == (0, 0, [])


def test_each_row_sees_the_titles_its_person_is_proposed_for_in_other_rows() -> None:
    rs = load_ruleset("nd98-2023")
    two = (YearRecord(year=2023, rating="htxs", titles=CS), YearRecord(year=2024, rating="htxs"))
    who = [("001", "chien_si_thi_dua_bo_tinh", 2024), ("001", "chien_si_thi_dua_co_so", 2024),
           ("001", "chien_si_thi_dua_co_so", 2024), ("002", "chien_si_thi_dua_bo_tinh", 2024),
           ("002", "chien_si_thi_dua_co_so", 2023), ("003", "chien_si_thi_dua_bo_tinh", 2024),
           ("003", "chien_si_thi_dua_co_so", None), ("004", "chien_si_thi_dua_bo_tinh", 2024)]
    rows = [_row(i, award, history=two, cccd=cccd, year=year) for i, (cccd, award, year) in enumerate(who, start=2)]
    report = evaluate(rows, rs)
    for n, r in zip(rows, report.nominees, strict=True):
        if n.year is None:
            continue
        pending = frozenset((m.award, m.year) for m in rows if m.cccd == n.cccd and m.award and m.year) - {(n.award, n.year)}
        own = [f for f in r.findings if not f.code.startswith(("rules.duplicate", "rules.exclusive"))]
        assert own == evaluate_one(n, n.award or "", n.year, rs, pending), n.id

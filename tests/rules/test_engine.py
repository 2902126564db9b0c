"""Engine: stamping, verdicts, list-level checks, and the merge of the register's history."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import msgspec

from tdkt.engine import evaluate
from tdkt.findings import Severity
from tdkt.models import History, Initiative, PriorAward, YearRecord
from tdkt.ruleset import load_ruleset
from tdkt.validation import merge_history

from .test_cases import make_nominee

OVERLAY = Path(__file__).parent / "overlays" / "hai-dong.yaml"


def test_findings_are_stamped_with_rule_basis_and_cell() -> None:
    n = make_nominee({"years": {2024: "htnv"}, "recruited_on": dt.date(2010, 1, 1)}, 7, "ldtt", 2024)
    from tdkt.findings import CellRef

    n = msgspec.structs.replace(n, cells={"rating.2024": CellRef(file="case.xlsx", sheet="DS", row=7, column="F")})
    report = evaluate([n], load_ruleset("nd98-2023"))
    f = next(f for f in report.nominees[0].findings if f.severity == Severity.ERROR)
    assert (f.code, f.rule, f.basis, f.cell.a1 if f.cell else None) == (
        "rules.rating-not-met", "nd98.ldtt.rating", "Luật TĐKT 06/2022 Điều 24 k1 a", "F7")
    assert "Hoàn thành nhiệm vụ" in f.message and "Hoàn thành tốt nhiệm vụ trở lên" in f.message
    d = report.nominees[0].to_dict()
    assert d["verdict"] == "fail" and d["findings"][0]["rule"] == "nd98.ldtt.rating"


def test_no_award_and_award_option() -> None:
    n = make_nominee({"years": {2024: "httnv"}, "recruited_on": dt.date(2010, 1, 1)}, 2, None, 2024)
    rs = load_ruleset("nd98-2023")
    assert evaluate([n], rs).nominees[0].verdict == "review"
    forced = evaluate([n], rs, award="lao_dong_tien_tien").nominees[0]
    assert (forced.award, forced.verdict) == ("lao_dong_tien_tien", "pass")


def test_same_person_twice_and_exclusive_forms() -> None:
    facts = {"cccd": "099180000001", "years": {2023: "htxs", 2024: "htxs"}, "inits": ["co_so 2023", "co_so 2024"]}
    rows = [make_nominee(facts, 2, "bkbt", 2024), make_nominee(facts, 3, "bkbt", 2024),
            make_nominee(facts, 4, "bkttg", 2024)]
    report = evaluate(rows, load_ruleset("nd98-2023"))
    codes = [{f.code for f in r.findings} for r in report.nominees]
    assert "rules.duplicate-nominee" in codes[0] and "rules.duplicate-nominee" in codes[1]
    assert "rules.duplicate-nominee" not in codes[2]
    assert all("rules.exclusive-awards" in c for c in codes)
    assert all(r.verdict == "fail" for r in report.nominees)


def test_quota_per_cluster_from_the_overlay() -> None:
    rs = load_ruleset("nd91-2017", overlay=OVERLAY)
    rows = [make_nominee({"kind": "collective", "name": f"Đơn vị {i}", "collective": {"cluster": "Cụm 1", "cluster_rank": i}},
                         i + 1, "cobt", 2021) for i in (1, 2, 3)]
    report = evaluate(rows, rs)
    assert [r.verdict for r in report.nominees] == ["pass", "pass", "fail"]  # rank 3 of 2 seats
    # the row that fails on its rank takes no seat: the two seats are not exceeded
    assert not [f for f in report.findings if f.code == "rules.quota-exceeded"]
    assert report.exit_code() == 1
    # two ranked first and one second (a cluster's ranking as written, not a strict order): 3 for 2 seats
    rows = [make_nominee({"kind": "collective", "name": f"Đơn vị {i}", "collective": {"cluster": "Cụm 1", "cluster_rank": r}},
                         i + 1, "cobt", 2021) for i, r in ((1, 1), (2, 1), (3, 2))]
    report = evaluate(rows, rs)
    quota = [f for f in report.findings if f.code == "rules.quota-exceeded"]
    assert len(quota) == 1 and quota[0].rule == "overlay.seats.co_thi_dua_bo_tinh" and "Cụm 1" in quota[0].message
    assert [r.verdict for r in report.nominees] == ["review"] * 3  # the council chooses 2 of 3
    assert all(any(f.code == "rules.quota-choose" for f in r.findings) for r in report.nominees)


def test_quota_of_the_list_reaches_the_rows() -> None:
    rs = load_ruleset("nd91-2017", overlay=OVERLAY)
    limit = rs.seats("guong_mat_tieu_bieu")
    assert limit is not None
    facts = {"years": {2020: ["htxs", "cstdcs"], 2021: ["htxs", "cstdcs"]}, "inits": ["co_so 2021"], "disc": []}
    rows = [make_nominee({**facts, "name": f"Người {i}"}, i + 2, "guong_mat_tieu_bieu", 2021) for i in range(limit + 1)]
    within = evaluate(rows[:limit], rs)
    assert {r.verdict for r in within.nominees} == {"pass"}
    over = evaluate(rows, rs)
    assert {r.verdict for r in over.nominees} == {"review"}
    assert all(any(f.code == "rules.quota-choose" for f in r.findings) for r in over.nominees)
    ranked = [make_nominee({**facts, "name": f"Người {i}", "priority": i + 1}, i + 2, "guong_mat_tieu_bieu", 2021)
              for i in range(limit + 1)]
    by_order = evaluate(ranked, rs)
    assert [r.verdict for r in by_order.nominees] == ["pass"] * limit + ["fail"]
    assert any(f.code == "rules.quota-beyond-order" for f in by_order.nominees[-1].findings)


def test_exit_code_and_strict() -> None:
    rs = load_ruleset("nd98-2023")
    review = evaluate([make_nominee({"kind": "collective", "years": {2024: "httnv"},
                                     "collective": {"members": 10, "ltt": 8, "disciplined": 0}}, 2, "ttldtt", 2024)], rs)
    assert review.nominees[0].verdict == "review"
    assert review.exit_code() == 0 and review.exit_code(strict=True) == 1


def test_special_time_is_noted_with_its_basis() -> None:
    n = make_nominee({"years": {2025: "httnv"}, "special": ["maternity"], "recruited_on": dt.date(2015, 1, 1)},
                     2, "ldtt", 2025)
    r = evaluate([n], load_ruleset("nd152-2025")).nominees[0]
    note = next(f for f in r.findings if f.code == "rules.special-time")
    assert "nghỉ thai sản" in note.message and "Điều 4 k5" in note.message


def test_register_history_fills_gaps_and_disagreements_are_findings() -> None:
    n = make_nominee({"years": {2020: ["htxs", "cstdcs"], 2021: ["htxs"]},
                      "initiatives": [{"title": "Sổ tay số", "level": "co_so", "year": 2021}]}, 2, "cstdbt", 2021)
    from tdkt.findings import CellRef

    n = msgspec.structs.replace(n, cells={"title.2021": CellRef(file="case.xlsx", sheet="DS", row=2, column="M")})
    h = History(person_id="7", match="cccd",
                history=(YearRecord(year=2019, titles=("chien_si_thi_dua_co_so",)),
                         YearRecord(year=2021, titles=("chien_si_thi_dua_co_so",))),
                prior_awards=(PriorAward(award="bang_khen_bo_tinh", year=2019, source="register"),),
                initiatives=(Initiative(title="SỔ TAY SỐ", level="co_so", year=2021, used_for="bang_khen_bo_tinh"),))
    merged, found = merge_history(n, h)
    assert [r.year for r in merged.history] == [2019, 2020, 2021]
    assert "chien_si_thi_dua_co_so" in merged.year_record(2021).titles  # type: ignore[union-attr]
    assert merged.initiatives[0].used_for == "bang_khen_bo_tinh"
    assert len(merged.prior_awards) == 1
    assert [f.code for f in found] == ["rules.history-conflict"]
    assert "2021" in found[0].message and found[0].cell is not None and found[0].cell.a1 == "M2"
    amb, found = merge_history(n, History(match="ambiguous", candidates=("A, 1980", "A, 1982"), settle_key="k1"))
    assert amb == n and [f.code for f in found] == ["rules.identity-ambiguous"] and "k1" in found[0].message

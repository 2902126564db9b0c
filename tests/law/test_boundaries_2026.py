"""The law of 2026 at its boundary dates: the mức lương cơ sở of NĐ 161/2026 (from 01/07/2026) and the
rule pack of Luật 06/2026/QH16 (from 01/10/2026), through money, pack choice and a rendered decision.

Every name and unit here is invented.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tdkt import money
from tdkt.ruleset import load_ruleset, pack_for_date
from tests.render.conftest import check_golden

D = dt.date


@pytest.mark.parametrize(("on", "base"), [
    (D(2026, 6, 30), 2_340_000),  # NĐ 73/2024 still
    (D(2026, 7, 1), 2_530_000),  # NĐ 161/2026 Điều 3 k2
    (D(2026, 9, 30), 2_530_000),
    (D(2026, 10, 1), 2_530_000),
])
def test_base_salary_at_the_boundaries(on: dt.date, base: int) -> None:
    assert money.base_salary_on(on) == base


def test_prizes_from_1_july_2026_match_the_table_of_legal_2026() -> None:
    # legal-2026.md §3.1: multiple → amount after rounding up to 10,000 đ (NĐ 152 Điều 49 k2).
    table = {"0.3": 760_000, "1.0": 2_530_000, "3.0": 7_590_000, "4.5": 11_390_000, "0.8": 2_030_000,
             "1.5": 3_800_000, "0.6": 1_520_000, "3.5": 8_860_000, "7.0": 17_710_000, "8.0": 20_240_000,
             "12.0": 30_360_000, "7.5": 18_980_000, "9.0": 22_770_000, "2.0": 5_060_000}
    for multiple, amount in table.items():
        assert money.prize(Decimal(multiple), D(2026, 7, 1)) == amount, multiple
    assert money.prize(Decimal("1.5"), D(2026, 6, 30)) == 3_510_000


def test_a_workspace_value_still_wins_from_its_own_date() -> None:
    later = [(D(2027, 7, 1), 2_800_000)]
    assert money.base_salary_on(D(2027, 6, 30), later) == 2_530_000
    assert money.base_salary_on(D(2027, 7, 1), later) == 2_800_000


@pytest.mark.parametrize(("on", "pack"), [
    (D(2026, 6, 30), "nd152-2025"),
    (D(2026, 7, 1), "nd152-2025"),
    (D(2026, 9, 30), "nd152-2025"),
    (D(2026, 10, 1), "luat06-2026"),
])
def test_pack_choice_at_the_boundaries(on: dt.date, pack: str) -> None:
    assert pack_for_date(on) == pack
    assert load_ruleset(None, on=on).id == pack


def test_the_luat06_notice_starts_on_1_october() -> None:
    before = {n.id for n in load_ruleset(None, on=D(2026, 9, 30)).active_notices()}
    after = {n.id for n in load_ruleset(None, on=D(2026, 10, 1)).active_notices()}
    assert "notice.luat06-2026" not in before and "notice.luat06-2026" in after


# ---------------------------------------------------------------- a decision rendered for real


def _nominee(i: int, name: str) -> dict[str, Any]:
    return {"id": f"ds.xlsx:DS:{i}", "row": i, "name": name, "kind": "individual", "unit": "Sở Tài chính",
            "award": "bang_khen_bo_tinh", "verdict": "pass", "findings": []}


@pytest.mark.parametrize(("round_date", "decided", "amount", "golden"), [
    ("2026-06-20", "2026-06-30", "3.510.000", None),
    ("2026-06-20", "2026-07-01", "3.800.000", None),
    ("2026-11-10", "2026-11-20", "3.800.000", "quyet-dinh_2026-3_bang_khen_bo_tinh.txt"),
])
def test_a_bang_khen_decided_after_1_july_2026_prints_the_new_amount(
        cli, workspace: Path, round_date: str, decided: str, amount: str, golden: str | None) -> None:  # type: ignore[no-untyped-def]
    from tdkt import rounds
    from tdkt import workspace as ws_mod
    from tdkt.render import docx_text

    assert cli(["session", "new", "2026-3", "--date", round_date, "--year", "2025"]).exit_code == 0
    ws = ws_mod.require()
    pack = pack_for_date(D.fromisoformat(round_date))
    rounds.store_run(ws.database_url, "2026-3", "validate",
                     {"schema_version": 1, "ruleset": {"id": pack, "version": "2026.11"},
                      "nominees": [_nominee(2, "Trần Thị Minh Hằng"), _nominee(3, "Vũ Đức Thành")]},
                     ruleset=pack)
    r = cli(["register", "issue", "--session", "2026-3", "--award", "bang_khen_bo_tinh", "--number", "412",
             "--date", decided])
    assert r.exit_code == 0, r.stdout + r.stderr
    r = cli(["render", "decision", "--award", "bang_khen_bo_tinh", "--out", "out"])
    assert r.exit_code == 0, r.stdout + r.stderr
    (path,) = sorted(Path("out").glob("quyet-dinh_*.docx"))
    text = docx_text(path)
    assert f"tiền thưởng {amount} đồng (1,5 lần mức lương cơ sở)" in text
    if golden:
        check_golden(golden, text)


def test_the_amending_law_is_cited_without_a_date_unless_the_workspace_gives_one() -> None:
    on = D(2026, 12, 10)
    lines = load_ruleset(None, on=on).legal_bases()
    law = "Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng số 06/2026/QH16"
    assert law in lines
    assert "Thông tư số 15/2025/TT-BNV ngày 04 tháng 8 năm 2025 của Bộ trưởng Bộ Nội vụ" in lines
    assert not any("15/2026/TT-BNV" in line for line in lines)  # the phụ cấp khu vực circular, not this one
    dated = load_ruleset(None, on=on, dates={"06/2026/QH16": D(2026, 4, 23)}).legal_bases()
    assert f"{law} ngày 23 tháng 4 năm 2026" in dated


def test_the_workspace_date_reaches_the_decision(cli, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    from tdkt import rounds
    from tdkt import workspace as ws_mod
    from tdkt.render import docx_text

    cfg = Path("tdkt.toml")
    text = cfg.read_text(encoding="utf-8")
    assert "[legal.dates]\n" in text  # tdkt init writes the (empty) table
    cfg.write_text(text.replace("[legal.dates]\n", '[legal.dates]\n"06/2026/QH16" = 2026-04-23\n'), encoding="utf-8")
    assert cli(["session", "new", "2026-4", "--date", "2026-12-10", "--year", "2026"]).exit_code == 0
    ws = ws_mod.require()
    rounds.store_run(ws.database_url, "2026-4", "validate",
                     {"schema_version": 1, "ruleset": {"id": "luat06-2026", "version": "2026.11"},
                      "nominees": [_nominee(2, "Trần Thị Minh Hằng")]}, ruleset="luat06-2026")
    assert cli(["render", "decision", "--award", "bang_khen_bo_tinh", "--out", "out"]).exit_code == 0
    (path,) = sorted(Path("out").glob("quyet-dinh_*.docx"))
    assert ("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng số 06/2026/QH16 "
            "ngày 23 tháng 4 năm 2026;") in docx_text(path)


def test_rules_list_shows_each_packs_dates_and_how_much_of_it_is_uncertain(cli) -> None:  # type: ignore[no-untyped-def]
    import json

    from tdkt.readings import counts

    doc = json.loads(cli(["rules", "list", "--format", "json"]).stdout)
    by_id = {p["id"]: p for p in doc["rulesets"]}
    assert by_id["nd152-2025"]["valid_from"] == "2025-07-01" and by_id["nd152-2025"]["valid_to"] == "2026-09-30"
    assert by_id["luat06-2026"]["valid_from"] == "2026-10-01" and by_id["luat06-2026"]["valid_to"] is None
    l06 = counts(load_ruleset("luat06-2026"))
    assert by_id["luat06-2026"]["uncertain"] == {"criteria": l06["criteria"], "votes": l06["votes"]}
    assert l06["criteria"] > counts(load_ruleset("nd152-2025"))["criteria"]  # the drafts' CSTĐ cơ sở rule, Điều 33 k7
    table = cli(["rules", "list"]).stdout
    assert "Chưa xác thực" in table and f"{l06['criteria']} tiêu chí" in table and "tdkt rules settle" in table

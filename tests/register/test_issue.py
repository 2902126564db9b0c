"""`tdkt register issue`: a round validated, tallied and issued puts its awardees in the register,
and the next round's validation of the same people counts it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tdkt.findings import CellRef
from tdkt.models import Nominee

CSTD = "chien_si_thi_dua_co_so"


def _store_round(url: str, *, tally: bool = True) -> None:
    """What `tdkt validate` and `tdkt tally` store for round 2022-1 (design.md §4 payloads)."""
    from tdkt import rounds

    nominees = [
        {"id": "ds.xlsx:DS:5", "row": 5, "sheet": "DS", "file": "ds.xlsx", "name": "Nguyễn Văn An", "kind": "individual",
         "unit": "Sở Y tế", "award": CSTD, "gender": "male", "verdict": "pass", "cccd": "099080000123",
         "birth_date": "1980-01-02", "findings": []},
        {"id": "ds.xlsx:DS:6", "row": 6, "sheet": "DS", "file": "ds.xlsx", "name": "Trần Thị Bình", "kind": "individual",
         "unit": "Sở Y tế", "award": CSTD, "gender": "female", "verdict": "pass", "birth_date": "1985-06-30",
         "findings": []},
        {"id": "ds.xlsx:DS:7", "row": 7, "sheet": "DS", "file": "ds.xlsx", "name": "Lê Thị Chi", "kind": "individual",
         "unit": "Sở Y tế", "award": CSTD, "gender": "female", "verdict": "fail", "findings": []},
        {"id": "ds.xlsx:DS:8", "row": 8, "sheet": "DS", "file": "ds.xlsx", "name": "Phòng Kế hoạch - Tài chính",
         "kind": "collective", "unit": "Sở Y tế", "award": "tap_the_lao_dong_xuat_sac", "verdict": "pass", "findings": []},
    ]
    rounds.store_run(url, "2022-1", "validate", {"schema_version": 1, "nominees": nominees}, ruleset="nd98-2023")
    if tally:
        results = [
            {"nominee": "ds.xlsx:DS:5", "name": "Nguyễn Văn An", "award": CSTD, "passed": True, "elected": True},
            {"nominee": "ds.xlsx:DS:6", "name": "Trần Thị Bình", "award": CSTD, "passed": False, "elected": False},
        ]
        rounds.store_run(url, "2022-1", "tally", {"schema_version": 1, "results": results}, award=CSTD)


def _an() -> Nominee:
    return Nominee(id="next:DS:3", source=CellRef(file="next.xlsx", sheet="DS", row=3), name="Nguyễn Văn An",
                   cccd="099080000123", unit="Sở Y tế")


@pytest.fixture
def round_2022(ws: Path, db_url: str, files, cli) -> str:  # type: ignore[no-untyped-def]
    assert cli(["register", "import", files["a"]]).exit_code == 0
    assert cli(["session", "new", "2022-1", "--date", "2022-04-25"]).exit_code == 0
    _store_round(db_url)
    return db_url


def test_issue_puts_awardees_in_the_register_and_the_next_round_counts_it(round_2022: str, cli, rows) -> None:
    from tdkt.register import history, issued_decision

    url = round_2022
    assert issued_decision(url, "2022-1", CSTD) is None
    before = history(url, [_an()])["next:DS:3"]
    assert [y.year for y in before.history] == [2019, 2020]

    r = cli(["register", "issue", "--session", "2022-1", "--award", CSTD, "--number", "5", "--date", "2022-05-10",
             "--format", "json"])
    assert r.exit_code == 0, r.stdout + r.stderr
    doc = json.loads(r.stdout)
    # An passed the vote; Bình passed validation but not the vote; Chi failed validation.
    assert [(a["name"], a["match"]) for a in doc["awardees"]] == [("Nguyễn Văn An", "cccd")]
    # The signer of the decision is the workspace's (tests/conftest.py: --signer-name Lê Thị Ký).
    assert doc["decision"] == {"session": "2022-1", "award": CSTD, "number": 5, "number_text": "05/QĐ-UBND",
                               "date": "2022-05-10", "signer": "Lê Thị Ký", "awardees": 1}

    decision = issued_decision(url, "2022-1", CSTD)
    assert decision is not None and (decision.number, decision.date, decision.number_text, decision.awardees) == (
        5, dt.date(2022, 5, 10), "05/QĐ-UBND", 1)

    after = history(url, [_an()])["next:DS:3"]
    assert [(y.year, y.titles) for y in after.history] == [(2019, (CSTD,)), (2020, (CSTD,)), (2021, (CSTD,))]
    issued = [p for p in after.prior_awards if p.decision_number == "05/QĐ-UBND"]
    assert [(p.award, p.year, p.decision_date) for p in issued] == [(CSTD, 2021, dt.date(2022, 5, 10))]
    # Validating round 2022-1 itself again must not count its own decision.
    again = history(url, [_an()], exclude_round="2022-1")["next:DS:3"]
    assert [y.year for y in again.history] == [2019, 2020]

    shown = json.loads(cli(["register", "show", "Nguyễn Văn An", "--format", "json"]).stdout)
    assert [a["session"] for a in shown["awards"]].count("2022-1") == 1


def test_issue_twice_needs_force_and_replaces(round_2022: str, cli, rows) -> None:
    args = ["register", "issue", "--session", "2022-1", "--award", CSTD, "--date", "2022-05-10"]
    assert cli([*args, "--number", "5"]).exit_code == 0
    awards = rows(round_2022, "reg_awards")
    again = cli([*args, "--number", "6"])
    assert again.exit_code == 3 and "--force" in again.stderr
    assert cli([*args, "--number", "6", "--force"]).exit_code == 0
    from tdkt.register import issued_decision

    assert issued_decision(round_2022, "2022-1", CSTD).number == 6  # type: ignore[union-attr]
    assert rows(round_2022, "reg_awards") == awards  # replaced, not added


def test_a_number_already_used_that_year_is_refused(round_2022: str, cli, rows) -> None:
    assert cli(["register", "issue", "--award", CSTD, "--number", "5", "--date", "2022-05-10"]).exit_code == 0
    awards = rows(round_2022, "reg_awards")
    r = cli(["register", "issue", "--award", "tap_the_lao_dong_xuat_sac", "--number", "5", "--date", "2022-06-01"])
    assert r.exit_code == 3 and "Số quyết định 5 năm 2022 đã dùng" in r.stderr
    assert rows(round_2022, "reg_awards") == awards
    # No tally stored for the collective award: issued on the validation alone, with a warning.
    ok = cli(["register", "issue", "--award", "tap_the_lao_dong_xuat_sac", "--number", "7", "--date", "2022-06-01"])
    assert ok.exit_code == 0 and "chưa lưu kết quả kiểm phiếu" in ok.stdout
    # The register already holds that collective's TTLĐXS 2021 (decision 30/QĐ-UBND): recorded, and flagged.
    flat = " ".join(ok.stdout.split())  # the message column wraps at the terminal's width
    assert "một thành tích chỉ khen một lần" in flat and "30/QĐ-UBND" in flat
    assert rows(round_2022, "reg_awards") == awards + 1


def test_issue_without_a_stored_validation_is_refused(ws: Path, db_url: str, cli, rows) -> None:
    assert cli(["session", "new", "2023-1", "--date", "2023-04-20"]).exit_code == 0
    r = cli(["register", "issue", "--award", CSTD, "--number", "5", "--date", "2023-05-10"])
    assert r.exit_code == 3 and "chưa có kết quả thẩm định" in r.stderr
    assert rows(db_url, "reg_decisions") == 0


def test_an_ambiguous_awardee_stops_the_issue(ws: Path, db_url: str, files, cli, rows) -> None:
    from tdkt import rounds

    assert cli(["register", "import", files["a"]]).exit_code == 0
    assert cli(["session", "new", "2022-1", "--date", "2022-04-25"]).exit_code == 0
    hoa = {"id": "ds:1", "name": "Nguyễn Thị Hoà", "kind": "individual", "unit": "Sở Y tế", "award": CSTD,
           "verdict": "pass", "birth_date": "1990-03-04", "file": "ds.xlsx", "sheet": "DS", "row": 9}
    rounds.store_run(db_url, "2022-1", "validate", {"nominees": [hoa]})
    r = cli(["register", "issue", "--award", CSTD, "--number", "9", "--date", "2022-05-10", "--format", "json"])
    doc = json.loads(r.stdout)
    assert (r.exit_code, doc["committed"]) == (1, False)
    assert [(f["code"], f["cell"], f["file"]) for f in doc["findings"] if f["severity"] == "error"] == [
        ("register.ambiguous-identity", "9", "ds.xlsx")]
    assert rows(db_url, "reg_decisions") == 0


def test_a_list_no_longer_there_is_a_warning_and_the_validation_fields_are_used(ws: Path, db_url: str, cli) -> None:
    from tdkt import rounds

    assert cli(["session", "new", "2022-1", "--date", "2022-04-25"]).exit_code == 0
    dung = {"id": "gone.xlsx:DS:4", "name": "Phạm Văn Dũng", "kind": "individual", "unit": "Sở Nội vụ",
            "award": CSTD, "verdict": "pass", "cccd": "099075000555"}
    rounds.store_run(db_url, "2022-1", "validate", {"nominees": [dung]},
                     inputs=[{"path": "gone.xlsx", "sha256": "0" * 64}])
    r = cli(["register", "issue", "--award", CSTD, "--number", "3", "--date", "2022-05-10", "--format", "json"])
    doc = json.loads(r.stdout)
    assert r.exit_code == 0 and [a["name"] for a in doc["awardees"]] == ["Phạm Văn Dũng"]
    assert "register.input-missing" in [f["code"] for f in doc["findings"]]
    assert json.loads(cli(["register", "show", "099075000555", "--format", "json"]).stdout)["person"]["cccd"] == "099075000555"

"""Done-when of the register: a round validated, tallied and issued puts its awardees in the register,
and the next round's validation of the same people counts it (the bundled Hải Đông example)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.render.conftest import cap_accepted

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def example(tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch, cli) -> Path:  # type: ignore[no-untyped-def]
    """The example folder as a workspace on ``db_url``, round 2022-1 validated and tallied."""
    if not (EXAMPLES / "tdkt.toml").is_file():
        pytest.fail("examples/tdkt.toml missing: the bundled example is the register's end-to-end fixture")
    root = tmp_path / "hoi-dong"
    shutil.copytree(EXAMPLES, root, ignore=shutil.ignore_patterns("*.sqlite*", "__pycache__"))
    monkeypatch.chdir(root)
    monkeypatch.delenv("TDKT_WORKSPACE", raising=False)
    monkeypatch.setenv("TDKT_DATABASE_URL", db_url)
    steps = [
        ["session", "new", "2022-1", "--date", "2022-04-25", "--year", "2021"],
        ["register", "import", "lich-su-khen-thuong.xlsx"],
        ["validate", "2022-1/danh-sach-ca-nhan.xlsx", "2022-1/danh-sach-tap-the.xlsx"],
        ["tally", "2022-1/ballots.csv"],
        cap_accepted(),
    ]
    for step in steps:
        r = cli(step)
        assert r.exit_code in (0, 1), (step, r.stdout, r.stderr)  # validate: 1 = someone failed
    return root


def _verdicts(cli, files: list[str]) -> dict[str, str]:  # type: ignore[no-untyped-def]
    r = cli(["validate", *files, "--format", "json"])
    assert r.exit_code in (0, 1), r.stderr
    return {n["name"]: n["verdict"] for n in json.loads(r.stdout)["nominees"]}


def test_issued_round_feeds_the_next_round(example: Path, cli) -> None:
    r = cli(["register", "issue", "--session", "2022-1", "--award", "chien_si_thi_dua_bo_tinh",
             "--number", "1030", "--date", "2022-05-06", "--format", "json"])
    assert r.exit_code == 0, r.stdout + r.stderr
    # Both passed validation; only Bùi Thị Thu Hà had the 90 % of the council's votes.
    assert [a["name"] for a in json.loads(r.stdout)["awardees"]] == ["Bùi Thị Thu Hà"]

    r = cli(["register", "issue", "--session", "2022-1", "--award", "chien_si_thi_dua_co_so",
             "--number", "1035", "--date", "2022-05-06", "--format", "json"])
    assert r.exit_code == 0, r.stdout + r.stderr
    doc = json.loads(r.stdout)
    assert sorted(a["name"] for a in doc["awardees"]) == ["Hoàng Thị Dung", "Trịnh Minh Khôi"]
    assert doc["summary"]["initiatives_added"] == 2  # read again from the list validate read (same SHA-256)

    shown = json.loads(cli(["register", "show", "Trịnh Minh Khôi", "--format", "json"]).stdout)
    assert [(a["year"], a["award"], a["decision_number"]) for a in shown["awards"] if a["session"]] == [
        (2021, "chien_si_thi_dua_co_so", "1035/QĐ-UBND")]
    assert any(i["used_for"] == "chien_si_thi_dua_co_so" and i["year"] == 2021 for i in shown["initiatives"])

    assert cli(["session", "new", "2023-1", "--date", "2023-04-20", "--year", "2022"]).exit_code == 0
    # The unit's list leaves Khôi's 2021 empty: only the register knows 2021, so 2020–2022 are consecutive.
    assert _verdicts(cli, ["2023-1/danh-sach-de-nghi.xlsx"])["Trịnh Minh Khôi"] == "pass"


def test_without_the_issued_decision_the_next_round_does_not_count_it(example: Path, cli) -> None:
    assert cli(["session", "new", "2023-1", "--date", "2023-04-20", "--year", "2022"]).exit_code == 0
    assert _verdicts(cli, ["2023-1/danh-sach-de-nghi.xlsx"])["Trịnh Minh Khôi"] == "fail"


def test_a_list_changed_after_validation_is_refused(example: Path, cli, rows, db_url: str) -> None:
    listed = example / "2022-1" / "danh-sach-ca-nhan.xlsx"
    listed.write_bytes(listed.read_bytes() + b"\0")
    r = cli(["register", "issue", "--award", "chien_si_thi_dua_co_so", "--number", "1035", "--date", "2022-05-06"])
    assert r.exit_code == 3 and "danh-sach-ca-nhan.xlsx đã thay đổi sau khi thẩm định" in r.stderr
    assert rows(db_url, "reg_decisions") == 0


def test_local_titles_of_the_council_overlay_are_recognised(tmp_path: Path, db_url: str, monkeypatch, cli) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path / "hoi-dong"
    shutil.copytree(EXAMPLES, root, ignore=shutil.ignore_patterns("*.sqlite*", "__pycache__", "2022-1", "2023-1"))
    monkeypatch.chdir(root)
    monkeypatch.delenv("TDKT_WORKSPACE", raising=False)
    monkeypatch.setenv("TDKT_DATABASE_URL", db_url)
    (root / "guong-mat.csv").write_text(
        "Họ và tên;Đơn vị;Danh hiệu;Năm;Số quyết định\r\n"
        "Lâm Thị Quỳnh;Trung tâm Y tế huyện Tân Hải;Gương mặt tiêu biểu tỉnh Hải Đông;2021;1036/QĐ-UBND\r\n",
        encoding="utf-8")
    r = cli(["register", "import", "guong-mat.csv", "--format", "json"])
    assert r.exit_code == 0, r.stdout + r.stderr
    assert "register.unknown-award" not in [f["code"] for f in json.loads(r.stdout)["findings"]]
    shown = json.loads(cli(["register", "show", "Lâm Thị Quỳnh", "--format", "json"]).stdout)
    assert [a["award"] for a in shown["awards"]] == ["guong_mat_tieu_bieu"]

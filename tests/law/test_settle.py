"""`tdkt rules settle`: the council settles an uncertain fact once, with its citation, and the same list
gets the verdict that reading gives — never by editing the bundled packs.

Every name and unit here is invented.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from tests.cli.test_validate import write_list

HEADER = ["STT", "Họ và tên", "Đơn vị công tác", "Danh hiệu đề nghị", "Năm", "Xếp loại 2026", "Danh hiệu 2026",
          "Tên sáng kiến", "Cấp công nhận", "Năm công nhận", "Ngày tuyển dụng", "Hình thức kỷ luật"]
ROWS = [  # HTXS without a sáng kiến: Luật 2022 Điều 23 passes it; the drafts of the amending law do not
    [1, "Đặng Thị Thanh Huyền", "Sở Xây dựng", "Chiến sĩ thi đua cơ sở", 2026, "Hoàn thành xuất sắc nhiệm vụ",
     "Lao động tiên tiến", None, None, None, "01/03/2015"],
    [2, "Mai Quốc Toản", "Sở Xây dựng", "Chiến sĩ thi đua cơ sở", 2026, "Hoàn thành xuất sắc nhiệm vụ",
     "Lao động tiên tiến", "Phần mềm quản lý hồ sơ", "Cơ sở", 2026, "01/03/2016"],
]
KEY = "cstdcs.initiative-2026"
ARTICLE = "Luật số 06/2026/QH16, Điều 1 khoản 7 (sửa đổi Điều 23)"
QUOTE = "Được công nhận hoàn thành xuất sắc nhiệm vụ và có sáng kiến được công nhận"


@pytest.fixture
def round2026(cli, workspace: Path) -> Path:  # type: ignore[no-untyped-def]
    assert cli(["session", "new", "2026-2", "--date", "2026-12-10", "--year", "2026"]).exit_code == 0
    return write_list(workspace / "cstdcs.xlsx", ROWS, HEADER)


def _validate(cli, path: Path) -> dict:  # type: ignore[no-untyped-def, type-arg]
    r = cli(["validate", path, "--format", "json", "--force"])
    assert r.exit_code in (0, 1), r.stderr
    return json.loads(r.stdout)  # type: ignore[no-any-return]


def _verdicts(doc: dict) -> list[str]:  # type: ignore[type-arg]
    return [n["verdict"] for n in doc["nominees"]]


def _rule(doc: dict, i: int, rule: str) -> list[dict]:  # type: ignore[type-arg]
    return [f for f in doc["nominees"][i]["findings"] if f["rule"] == f"l06.{rule}"]


def test_the_same_list_gives_both_verdicts_as_the_council_reads_the_cstd_co_so_criterion(
        cli, workspace: Path, round2026: Path) -> None:  # type: ignore[no-untyped-def]
    bundled = (Path(__file__).parents[2] / "tdkt" / "rules" / "luat06-2026.yaml").read_bytes()
    before = _validate(cli, round2026)
    assert _verdicts(before) == ["review", "pass"]
    assert _rule(before, 0, KEY)[0]["severity"] == "warning"

    # 1. The council reads the amended Điều 23 as written: HTXS and a sáng kiến are both needed.
    r = cli(["rules", "settle", KEY, "--applies", "--article", ARTICLE, "--text", QUOTE, "--date", "02/12/2026"])
    assert r.exit_code == 0, r.stderr
    applies = _validate(cli, round2026)
    assert _verdicts(applies) == ["fail", "pass"]
    (f,) = _rule(applies, 0, KEY)
    assert f["severity"] == "error" and ARTICLE in f["basis"] and "02/12/2026" in f["basis"]
    assert any(ARTICLE in g["message"] for g in applies["findings"])  # named once for the whole list
    passed = _rule(applies, 1, KEY)
    assert passed and passed[0]["severity"] == "info" and ARTICLE in passed[0]["basis"]

    # 2. Another reading needs --force, then the criterion does not apply: Luật 2022 Điều 23 alone.
    r = cli(["rules", "settle", KEY, "--not-applies", "--article", "Luật số 06/2026/QH16, Điều 1", "--text",
             "Điều 23 không được sửa đổi", "--date", "03/12/2026"])
    assert r.exit_code == 2 and "--force" in r.stderr
    r = cli(["rules", "settle", KEY, "--not-applies", "--article", "Luật số 06/2026/QH16, Điều 1", "--text",
             "Điều 23 không được sửa đổi", "--date", "03/12/2026", "--force"])
    assert r.exit_code == 0, r.stderr
    not_applies = _validate(cli, round2026)
    assert _verdicts(not_applies) == ["pass", "pass"]
    assert not _rule(not_applies, 0, KEY)
    assert any("Luật số 06/2026/QH16, Điều 1" in g["message"] and "không áp dụng" in g["message"]
               for g in not_applies["findings"])

    # It lives in the workspace overlay; the bundled pack is untouched; `rules show` shows it.
    data = yaml.safe_load((workspace / "rules" / "hoi-dong.yaml").read_text(encoding="utf-8"))
    assert data["settled"]["luat06-2026"][KEY]["reading"] == "not_applies"
    assert (Path(__file__).parents[2] / "tdkt" / "rules" / "luat06-2026.yaml").read_bytes() == bundled
    shown = cli(["rules", "show", "luat06-2026", "--award", "chien_si_thi_dua_co_so"]).stdout
    assert "Cách áp dụng Hội đồng đã xác định" in shown and "Điều 23 không được sửa đổi" in shown


def test_the_list_of_uncertain_facts_and_its_json(cli, workspace: Path, round2026: Path) -> None:  # type: ignore[no-untyped-def]
    r = cli(["rules", "settle"])
    assert r.exit_code == 0 and KEY in r.stdout and "vote.chien_si_thi_dua_toan_quoc" in r.stdout
    assert "UNCERTAIN" not in r.stdout
    doc = json.loads(cli(["rules", "settle", "--format", "json"]).stdout)
    assert doc["ruleset"] == "luat06-2026"
    keys = {i["key"]: i for i in doc["items"]}
    assert keys[KEY]["settled"] is None and keys[KEY]["what"] == "criterion"
    cli(["rules", "settle", "vote.chien_si_thi_dua_toan_quoc", "--value", "90%", "--article", "NĐ 152/2025 Điều 33 k5",
         "--text", "ít nhất 90% tổng số thành viên", "--date", "02/12/2026"])
    doc = json.loads(cli(["rules", "settle", "--format", "json"]).stdout)
    got = {i["key"]: i for i in doc["items"]}["vote.chien_si_thi_dua_toan_quoc"]["settled"]
    assert got["reading"] == "value" and got["article"] == "NĐ 152/2025 Điều 33 k5"


@pytest.mark.parametrize(("args", "code", "words"), [
    (["khong.co", "--applies", "--article", "a", "--text", "t"], 2, "không có căn cứ chưa xác thực"),
    (["ldtt.rating", "--applies", "--article", "a", "--text", "t"], 2, "không có căn cứ chưa xác thực"),
    ([KEY, "--applies"], 2, "--article"),
    ([KEY, "--applies", "--not-applies", "--article", "a", "--text", "t"], 2, "đúng một"),
    (["ldtt.service", "--value", "min_months=0", "--article", "a", "--text", "t"], 3, "settled.luat06-2026.ldtt.service"),
    (["vote.chien_si_thi_dua_toan_quoc", "--value", "chín mươi", "--article", "a", "--text", "t"], 2, "không hiểu"),
])
def test_bad_settlements_are_refused_and_nothing_is_written(cli, workspace: Path, round2026: Path, args: list[str],
                                                            code: int, words: str) -> None:  # type: ignore[no-untyped-def]
    r = cli(["rules", "settle", *args])
    assert r.exit_code == code, r.stdout + r.stderr
    assert words in r.stderr and "Traceback" not in r.stderr
    assert not (workspace / "rules" / "hoi-dong.yaml").exists()


def test_a_value_changes_the_criterion(cli, workspace: Path, round2026: Path) -> None:  # type: ignore[no-untyped-def]
    r = cli(["rules", "settle", "ldtt.service", "--value", "12", "--article", "Thông tư số 15/2025/TT-BNV, Điều 4",
             "--text", "thời gian công tác từ 12 tháng", "--date", "02/12/2026"])
    assert r.exit_code == 0, r.stderr
    from tdkt.readings import round_ruleset

    rs = round_ruleset()
    (c,) = [c for c in rs.criteria() if c.id == "l06.ldtt.service"]
    assert c.raw_params["min_months"] == 12 and c.status == "confirmed" and c.reading is not None
    assert c.reading.phrase.startswith("áp dụng với số tháng công tác tối thiểu")


def test_a_round_under_a_pack_with_uncertain_facts_says_so_once_at_the_top(cli, workspace: Path, round2026: Path) -> None:  # type: ignore[no-untyped-def]
    out = cli(["validate", round2026]).stdout.splitlines()
    assert out[0].startswith("Bộ tiêu chí: Luật 06/2026/QH16")  # the regime by its name (ids only in JSON)
    text = " ".join(line.strip() for line in out)  # lines are wrapped to the terminal's width
    notice = text[text.index("chưa xác thực"):]
    assert notice.index("tdkt rules settle") < notice.index("Kết quả thẩm định")  # at the top, before the table
    assert text.count("chưa xác định cách áp dụng") == 1
    doc = json.loads(cli(["validate", round2026, "--format", "json", "--force"]).stdout)
    (pending,) = [f for f in doc["findings"] if f["code"] == "rules.uncertain-pending"]
    assert pending["severity"] == "info" and pending["rule"] == "l06.uncertain"
    assert "UNCERTAIN" not in "\n".join(out)


def test_the_reading_is_named_in_the_bao_cao_and_in_the_can_cu_of_the_award_it_bears_on(
        cli, workspace: Path, round2026: Path) -> None:  # type: ignore[no-untyped-def]
    from tdkt import rounds
    from tdkt import workspace as ws_mod
    from tdkt.render import docx_text

    article = "Quy chế công tác thi đua, khen thưởng tỉnh Hải Đông, Điều 14 khoản 2"
    quote = "Bằng khen của Chủ tịch UBND tỉnh xét trên cơ sở hồ sơ, không bỏ phiếu"
    r = cli(["rules", "settle", "vote.bang_khen_bo_tinh", "--not-applies", "--article", article, "--text", quote,
             "--date", "02/12/2026"])
    assert r.exit_code == 0, r.stderr
    nominees = [{"id": f"ds.xlsx:DS:{i}", "row": i, "name": name, "kind": kind, "unit": "Sở Xây dựng",
                 "award": award, "verdict": "pass", "findings": []}
                for i, (name, kind, award) in enumerate([("Mai Quốc Toản", "individual", "bang_khen_bo_tinh"),
                                                         ("Phòng Quản lý xây dựng", "collective",
                                                          "tap_the_lao_dong_xuat_sac")], 2)]
    rounds.store_run(ws_mod.require().database_url, "2026-2", "validate",
                     {"schema_version": 1, "ruleset": {"id": "luat06-2026", "version": "2026.11"}, "nominees": nominees},
                     ruleset="luat06-2026")
    line = f"Căn cứ {article} (Hội đồng Thi đua - Khen thưởng thống nhất cách áp dụng ngày 02/12/2026);"
    assert cli(["render", "decision", "--award", "bang_khen_bo_tinh", "--out", "qd"]).exit_code == 0
    assert line in docx_text(next(Path("qd").glob("quyet-dinh_*.docx")))
    r = cli(["render", "decision", "--award", "tap_the_lao_dong_xuat_sac", "--out", "qd2"])
    assert r.exit_code == 0, r.stderr
    assert article not in docx_text(next(Path("qd2").glob("quyet-dinh_*.docx")))  # only where it applies
    r = cli(["render", "report", "--out", "bc"])
    assert r.exit_code == 0, r.stdout + r.stderr
    report = docx_text(next(Path("bc").glob("bao-cao_*.docx")))
    assert "Hội đồng đã xác định cách áp dụng" in report and "Biểu quyết Bằng khen" in report
    assert article in report and quote in report
    assert "không áp dụng" in report and "vote." not in report and "UNCERTAIN" not in report

"""The Thường trực settles "Cần xem xét" cases (tdkt review): list, accept/reject one nominee or all
of a finding code, undo, re-open on changed facts; a settled nominee reaches the tally, the
documents and the register; render says who is in and out of each document (JSON)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from roundkit import ALL_AGREE, GIAO_DUC, HTXS, Y_TE, run_json, setup_round, url, write_ballots, write_list

BY = "Phó Chủ tịch Thường trực Hoàng Văn Tâm"


@pytest.fixture
def validated(cli: Any, workspace: Path) -> tuple[Path, Path]:
    a, b = setup_round(cli, workspace)
    assert cli(["validate", a, b]).exit_code == 1
    return a, b


def _cases(cli: Any) -> dict[str, dict[str, Any]]:
    code, doc, err = run_json(cli, "review", "list")
    assert code == 0, err
    return {c["name"]: c for c in doc["cases"]}


def _verdicts(root: Path) -> dict[str, str]:
    from tdkt import rounds

    current = rounds.current_validation(url(root), "2022-1")
    assert current is not None
    return {n["name"]: n["verdict"] for n in current.document["nominees"]}


def test_list_names_every_case_with_its_reasons(cli: Any, workspace: Path, validated: Any) -> None:
    cases = _cases(cli)
    assert set(cases) == {"Lê Văn Cường", "Đỗ Văn Minh"}
    for c in cases.values():
        assert c["status"] == "open" and c["verdict"] == "review" and c["review"] is None
        assert c["reasons"] and all(r["code"] and r["message"] for r in c["reasons"])
    text = cli(["review", "list"]).stdout
    assert "Lê Văn Cường" in text and "danh-sach-so-y-te.xlsx dòng 3" in text and "Còn mở: 2/2" in text


def test_accept_one_nominee_then_undo(cli: Any, workspace: Path, validated: Any) -> None:
    from tdkt.register.audit import entries

    r = cli(["review", "accept", "lê văn cường", "--reason", "Đã đối chiếu bản gốc hồ sơ: đủ hai năm HTXS",
             "--by", BY])
    assert r.exit_code == 0, r.stderr
    assert "Lê Văn Cường" in r.stdout and "chấp nhận đạt" in r.stdout
    assert _verdicts(workspace)["Lê Văn Cường"] == "pass" and _verdicts(workspace)["Đỗ Văn Minh"] == "review"
    case = _cases(cli)["Lê Văn Cường"]
    assert case["status"] == "accepted" and case["review"]["by"] == BY and case["review"]["decision"] == "accept"
    # In the round (session show) and the audit log.
    _code, show, _ = run_json(cli, "session", "show")
    assert [(s["name"], s["decision"], s["by"]) for s in show["reviews"]] == [("Lê Văn Cường", "accept", BY)]
    assert show["summary"] == {"nominees": 6, "pass": 3, "fail": 2, "review": 1}
    assert "Thường trực đã xem xét" in cli(["session", "show"]).stdout
    log = [e for e in entries(url(workspace)) if e.action.startswith("review.")]
    assert [(e.action, e.details["by"]) for e in log] == [("review.accept", BY)]
    # Settling again needs --force; undo brings the case back.
    again = cli(["review", "reject", "Lê Văn Cường", "--reason", "x", "--by", BY])
    assert again.exit_code == 3 and "--force" in again.stderr
    undone = cli(["review", "undo", "Lê Văn Cường"])
    assert undone.exit_code == 0, undone.stderr
    assert _verdicts(workspace)["Lê Văn Cường"] == "review"
    assert [e.action for e in entries(url(workspace)) if e.action.startswith("review.")] == [
        "review.accept", "review.undo"]


def test_reject_every_case_of_a_code(cli: Any, workspace: Path, validated: Any) -> None:
    code_ = next(r["code"] for r in _cases(cli)["Lê Văn Cường"]["reasons"])
    done = run_json(cli, "review", "reject", "--code", code_, "--reason", "Thiếu minh chứng", "--by", BY)[1]
    names = {c["name"] for c in done["cases"]}
    assert names == {"Lê Văn Cường", "Đỗ Văn Minh"}
    # Each case had one warning code here, so each is now settled: rejected.
    assert _verdicts(workspace)["Lê Văn Cường"] == "fail" and _verdicts(workspace)["Đỗ Văn Minh"] == "fail"
    assert run_json(cli, "review", "undo", "--code", code_)[0] == 0
    assert _verdicts(workspace)["Đỗ Văn Minh"] == "review"


def test_usage_errors(cli: Any, workspace: Path, validated: Any) -> None:
    assert cli(["review", "accept", "Lê Văn Cường", "--by", BY]).exit_code == 2  # no reason
    assert cli(["review", "accept", "Không Ai Cả", "--reason", "x", "--by", BY]).exit_code == 2
    assert cli(["review", "accept", "Nguyễn Văn An", "--reason", "x", "--by", BY]).exit_code == 2  # passed: no review
    assert cli(["review", "accept", "--reason", "x", "--by", BY]).exit_code == 2  # nobody, no code
    assert cli(["review", "undo", "Lê Văn Cường"]).exit_code == 2  # nothing to undo


def test_the_same_name_in_two_lists_must_be_told_apart(cli: Any, workspace: Path) -> None:
    a, b = setup_round(cli, workspace)
    twin = [list(row) for row in GIAO_DUC]
    twin[1][1] = "Lê Văn Cường"
    write_list(b, twin)
    cli(["validate", a, b])
    r = cli(["review", "accept", "Lê Văn Cường", "--reason", "x", "--by", BY])
    assert r.exit_code == 2 and "2 trường hợp" in r.stderr and "danh-sach-so-y-te.xlsx dòng 3" in r.stderr
    ok = cli(["review", "accept", "danh-sach-so-giao-duc.xlsx:3", "--reason", "x", "--by", BY])
    assert ok.exit_code == 0, ok.stderr
    units = {(c["unit"], c["status"]) for c in run_json(cli, "review", "list")[1]["cases"]}
    assert units == {("Sở Y tế", "open"), ("Sở Giáo dục và Đào tạo", "accepted")}


def test_a_revalidation_that_changes_the_facts_reopens_the_review(
    cli: Any, workspace: Path, validated: tuple[Path, Path]
) -> None:
    a, _ = validated
    cli(["review", "accept", "Lê Văn Cường", "--reason", "Đủ hồ sơ", "--by", BY])
    assert cli(["review", "accept", "Nguyễn Văn An", "--reason", "x", "--by", BY]).exit_code == 2  # not a review case
    # A row inserted above him: the facts are the same, the decision holds.
    moved = [[0, "Hồ Văn Tư", "Sở Y tế", "Lao động tiên tiến", 2021, None, "Hoàn thành tốt nhiệm vụ", None, None,
              None, None, "01/03/2014"], *(list(row) for row in Y_TE)]
    write_list(a, moved)
    assert cli(["validate", a]).exit_code == 1
    assert _cases(cli)["Lê Văn Cường"]["status"] == "accepted"
    # His 2020 rating changes: the facts under the decision changed; --force re-opens it.
    moved[2][5] = HTXS
    write_list(a, moved)
    assert cli(["validate", a]).exit_code == 3
    forced = cli(["validate", a, "--force"])
    assert "Mở lại việc xem xét (dữ kiện đã thay đổi): Lê Văn Cường" in forced.stdout
    assert _cases(cli)["Lê Văn Cường"]["status"] == "open"


def test_settled_nominees_reach_the_tally_documents_and_register(
    cli: Any, workspace: Path, validated: Any
) -> None:
    from tdkt.render import docx_text

    cli(["review", "accept", "Lê Văn Cường", "--reason", "Đủ hồ sơ", "--by", BY])
    cli(["review", "reject", "Đỗ Văn Minh", "--reason", "Sáng kiến chưa được công nhận", "--by", BY])
    ballots = write_ballots(workspace / "phieu.csv", {"Lê Văn Cường": ALL_AGREE, "Đỗ Văn Minh": ALL_AGREE})
    code, doc, _ = run_json(cli, "tally", ballots)
    # A rejected nominee on the ballots is an error: the tally is not stored.
    assert code == 1 and "tally.failed-nominee" in [f["code"] for f in doc["findings"]]
    ballots = write_ballots(workspace / "phieu.csv", {"Lê Văn Cường": ALL_AGREE})
    code, doc, _ = run_json(cli, "tally", ballots)
    assert code == 0 and [r["name"] for r in doc["results"]] == ["Lê Văn Cường"]
    # The in/out account, without writing anything.
    code, account, _ = run_json(cli, "render", "decision")
    assert code == 0 and not list(workspace.glob("quyet-dinh*"))
    docs = {d["award"]: d for d in account["documents"]}
    bk = docs["bang_khen_bo_tinh"]
    assert [e["name"] for e in bk["included"]] == ["Lê Văn Cường"]
    assert [(e["name"], e["reason"]) for e in bk["excluded"]] == [("Đỗ Văn Minh", "rejected")]
    assert "Sáng kiến chưa được công nhận" in bk["excluded"][0]["detail"]
    assert set(bk["blank"]) >= {"number", "date"} and bk["written"] is True
    # Lao động tiên tiến is decided by the heads of the units, not at the province: no decision here, said so.
    assert "lao_dong_tien_tien" not in docs
    assert sorted((e["name"], e["reason"], e["goes_to"]) for e in account["elsewhere"]) == [
        (name, "other_level", "other") for name in sorted(["Nguyễn Văn An", "Phạm Văn Dũng", "Trần Thị Hoa", "Vũ Thị Lan"])]
    every = [e["name"] for d in account["documents"] for e in d["included"] + d["excluded"]]
    every += [e["name"] for e in account["elsewhere"]]
    assert sorted(every) == sorted(r[1] for r in Y_TE + GIAO_DUC)  # nobody dropped silently
    # Written: the terminal says the same.
    r = cli(["render", "decision", "--out", workspace / "vb"])
    assert r.exit_code == 0, r.stderr
    assert "Đỗ Văn Minh (Sở Giáo dục và Đào tạo): Thường trực kết luận không đạt" in r.stdout
    assert "Còn để trống: số văn bản, ngày ký" in r.stdout
    text = docx_text(workspace / "vb" / "quyet-dinh_2022-1_bang_khen_bo_tinh.docx")
    assert "Lê Văn Cường" in text and "Đỗ Văn Minh" not in text
    # The Báo cáo prints the Thường trực's decisions.
    assert cli(["render", "report", "--out", workspace / "vb"]).exit_code == 0
    report = docx_text(workspace / "vb" / "bao-cao_2022-1.docx")
    assert "THƯỜNG TRỰC ĐÃ XEM XÉT" in report and "Sáng kiến chưa được công nhận" in report and BY in report
    # The register takes the accepted nominee.
    r = cli(["register", "issue", "--session", "2022-1", "--award", "bang_khen_bo_tinh", "--number", "12",
             "--date", "2022-05-06"])
    assert r.exit_code == 0, r.stderr
    code, account, _ = run_json(cli, "render", "decision", "--award", "bang_khen_bo_tinh")
    assert account["documents"][0]["blank"] in ([], ["signer"])
    # Undoing an accepted review whose decision is recorded needs --force.
    refused = cli(["review", "undo", "Lê Văn Cường"])
    assert refused.exit_code == 3 and "--force" in refused.stderr


def test_render_says_why_nothing_could_be_made(cli: Any, workspace: Path, validated: Any) -> None:
    r = cli(["render", "proposal", "--out", workspace / "vb"])
    assert r.exit_code == 3
    r = cli(["render", "decision", "--award", "bang_khen_bo_tinh", "--out", workspace / "vb"])
    assert r.exit_code == 3 and "cần xem xét" in r.stderr and "--format json" in r.stderr

"""A round accumulates lists (issue 15): by file identity, the same file is a no-op, a changed file
replaces only its own rows, --force only where an officer already acted; one current tally per
award; the annotated copy is a view."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from roundkit import (
    ALL_AGREE,
    GIAO_DUC,
    HT,
    HTXS,
    Y_TE,
    run_json,
    setup_round,
    url,
    write_ballots,
    write_list,
)


@pytest.fixture
def lists(cli: Any, workspace: Path) -> tuple[Path, Path]:
    return setup_round(cli, workspace)


def _state(root: Path) -> list[tuple[int, str, bool]]:
    from tdkt import rounds

    return [(r.id, r.kind, r.current) for r in rounds.runs(url(root), "2022-1", current_only=False)]


def _names(root: Path) -> list[str]:
    from tdkt import rounds

    current = rounds.current_validation(url(root), "2022-1")
    assert current is not None
    return [n["name"] for n in current.document["nominees"]]


def test_the_same_file_again_is_a_no_op_that_says_so(cli: Any, workspace: Path, lists: tuple[Path, Path]) -> None:
    a, _ = lists
    code, doc, _ = run_json(cli, "validate", a)
    assert code == 1  # Phạm Văn Dũng fails
    assert [(s["file"], s["action"], s["nominees"]) for s in doc["stored"]] == [("danh-sach-so-y-te.xlsx", "added", 3)]
    before = _state(workspace)
    again = cli(["validate", a])
    assert again.exit_code == 1
    assert "danh-sach-so-y-te.xlsx không đổi so với lần thẩm định trước; không lưu lại" in again.stdout
    assert _state(workspace) == before == [(1, "validate", True)]
    # The same content under another name is the same list: not stored twice.
    copy = workspace / "ban-sao.xlsx"
    copy.write_bytes(a.read_bytes())
    _code, doc, _ = run_json(cli, "validate", copy)
    assert doc["stored"][0]["action"] == "unchanged" and doc["stored"][0]["same_as"] == str(a.resolve())
    assert _state(workspace) == before


def test_another_units_file_is_added_never_replacing(cli: Any, workspace: Path, lists: tuple[Path, Path]) -> None:
    a, b = lists
    assert cli(["validate", a]).exit_code == 1
    _code, doc, _ = run_json(cli, "validate", b)
    assert [s["action"] for s in doc["stored"]] == ["added"]
    assert _names(workspace) == [r[1] for r in Y_TE] + [r[1] for r in GIAO_DUC]
    _code, show, _ = run_json(cli, "session", "show")
    assert [(f["file"], f["summary"]) for f in show["files"]] == [
        ("danh-sach-so-y-te.xlsx", {"nominees": 3, "pass": 1, "fail": 1, "review": 1}),
        ("danh-sach-so-giao-duc.xlsx", {"nominees": 3, "pass": 1, "fail": 1, "review": 1}),
    ]
    text = cli(["session", "show"]).stdout
    assert "Danh sách đề nghị (2 tệp, 6 hồ sơ)" in text
    assert "danh-sach-so-y-te.xlsx" in text and "danh-sach-so-giao-duc.xlsx" in text
    # Both again, together: nothing changes.
    before = _state(workspace)
    _code, doc, _ = run_json(cli, "validate", a, b)
    assert [s["action"] for s in doc["stored"]] == ["unchanged", "unchanged"]
    assert _state(workspace) == before


def test_a_changed_file_replaces_its_own_rows_and_keeps_the_old_run(
    cli: Any, workspace: Path, lists: tuple[Path, Path]
) -> None:
    a, b = lists
    cli(["validate", a, b])
    fixed = [list(row) for row in Y_TE]
    fixed[2][6] = "Hoàn thành tốt nhiệm vụ"  # Phạm Văn Dũng's rating corrected by the unit
    fixed.append([4, "Hồ Thị Mai", "Sở Y tế", "Lao động tiên tiến", 2021, None, "Hoàn thành tốt nhiệm vụ", None, None,
                  None, None, "01/03/2014"])
    write_list(a, fixed)
    code, doc, _ = run_json(cli, "validate", a)
    assert code == 0
    (stored,) = doc["stored"]
    assert (stored["action"], stored["replaced"], stored["nominees"]) == ("replaced", 1, 4)
    assert _state(workspace) == [(1, "validate", False), (2, "validate", True), (3, "validate", True)]
    assert _names(workspace) == [r[1] for r in fixed] + [r[1] for r in GIAO_DUC]  # the list keeps its place
    from tdkt.register.audit import entries

    assert [e.action for e in entries(url(workspace)) if e.action == "validate"] == ["validate", "validate"]


def test_force_only_where_an_officer_already_acted(cli: Any, workspace: Path, lists: tuple[Path, Path]) -> None:
    from tdkt import rounds

    a, b = lists
    cli(["validate", a, b])
    # The Thường trực settles Đỗ Văn Minh; the council votes on both Bằng khen.
    r = cli(["review", "accept", "Đỗ Văn Minh", "--reason", "Hồ sơ đủ hai năm HTXS", "--by", "Phó Chủ tịch Thường trực"])
    assert r.exit_code == 0, r.stderr
    r = cli(["review", "accept", "Lê Văn Cường", "--reason", "Đã đối chiếu hồ sơ", "--by", "Phó Chủ tịch Thường trực"])
    assert r.exit_code == 0, r.stderr
    ballots = write_ballots(workspace / "phieu.csv", {"Lê Văn Cường": ALL_AGREE, "Đỗ Văn Minh": ALL_AGREE})
    assert cli(["tally", ballots]).exit_code == 0

    # A change that touches nobody acted on needs no --force (Nguyễn Văn An is not voted on).
    changed = [list(row) for row in Y_TE]
    changed[0][2] = "Sở Y tế tỉnh"
    write_list(a, changed)
    assert run_json(cli, "validate", a)[1]["stored"][0]["action"] == "replaced"

    # Lê Văn Cường was voted on: changing his facts needs --force, and nothing is stored without it.
    changed[1][5] = "Hoàn thành xuất sắc nhiệm vụ"  # now 2020 is HTXS too
    write_list(a, changed)
    before = _state(workspace)
    refused = cli(["validate", a])
    assert refused.exit_code == 3 and "--force" in refused.stderr and "Hội đồng đã bỏ phiếu" in refused.stderr
    assert "Lê Văn Cường" in refused.stderr and "Nguyễn Văn An" not in refused.stderr
    assert _state(workspace) == before
    assert cli(["validate", a, "--force"]).exit_code in (0, 1)

    # Đỗ Văn Minh's settled review: a change of his facts needs --force, which re-opens it.
    other = [list(row) for row in GIAO_DUC]
    other[1][5] = HTXS  # his 2020 rating corrected: the facts under the decision changed
    write_list(b, other)
    refused = cli(["validate", b])
    assert refused.exit_code == 3 and "Thường trực đã xem xét" in refused.stderr
    forced = cli(["validate", b, "--force"])
    assert "Mở lại việc xem xét" in forced.stdout and "Đỗ Văn Minh" in forced.stdout
    _code, listing, _ = run_json(cli, "review", "list")
    assert {c["name"]: c["status"] for c in listing["cases"]}["Đỗ Văn Minh"] == "open"

    # An issued decision: Nguyễn Văn An's Lao động tiên tiến is in the register.
    r = cli(["register", "issue", "--session", "2022-1", "--award", "lao_dong_tien_tien", "--number", "7",
             "--date", "2022-05-05"])
    assert r.exit_code == 0, r.stderr
    changed[0][6] = "Hoàn thành xuất sắc nhiệm vụ"  # still passes on the same findings: no one is touched
    write_list(a, changed)
    assert run_json(cli, "validate", a)[1]["stored"][0]["action"] == "replaced"
    changed[0][6] = HT  # now he would fail: his decision is recorded
    write_list(a, changed)
    refused = cli(["validate", a])
    assert refused.exit_code == 3 and "quyết định đã ghi vào sổ" in refused.stderr
    assert rounds.current_validation(url(workspace), "2022-1") is not None


def test_a_list_of_the_same_name_from_another_folder_is_refused(
    cli: Any, workspace: Path, lists: tuple[Path, Path]
) -> None:
    a, _ = lists
    cli(["validate", a])
    other = write_list(workspace / "khac" / a.name, GIAO_DUC)
    before = _state(workspace)
    refused = cli(["validate", other])
    assert refused.exit_code == 3 and "đổi tên" in refused.stderr and _state(workspace) == before
    both = cli(["validate", a, other])
    assert both.exit_code == 3 and "cùng tên" in both.stderr
    moved = cli(["validate", other, "--force"])  # the officer says it is the same list, moved
    assert moved.exit_code in (0, 1) and _names(workspace) == [r[1] for r in GIAO_DUC]


def test_the_annotated_copy_is_a_view(cli: Any, workspace: Path, lists: tuple[Path, Path]) -> None:
    from openpyxl import load_workbook

    a, b = lists
    cli(["validate", a, b])
    before = _state(workspace)
    r = cli(["validate", a, b, "--format", "xlsx", "--output", workspace / "da-tham-dinh"])
    assert r.exit_code == 1, r.stderr
    assert _state(workspace) == before
    out = workspace / "da-tham-dinh"
    assert sorted(p.name for p in out.iterdir()) == ["danh-sach-so-giao-duc-tham-dinh.xlsx",
                                                      "danh-sach-so-y-te-tham-dinh.xlsx"]
    for rows, name in ((Y_TE, "danh-sach-so-y-te"), (GIAO_DUC, "danh-sach-so-giao-duc")):
        wb = load_workbook(out / f"{name}-tham-dinh.xlsx")
        copy = wb["Cá nhân"]
        header = [c.value for c in copy[1]]
        assert "Kết quả thẩm định" in header and "Lý do / căn cứ" in header
        name = header.index("Họ và tên") + 1
        assert [copy.cell(row=i + 2, column=name).value for i in range(len(rows))] == [row[1] for row in rows]
        sheet = list(wb["Kết quả thẩm định"].iter_rows(values_only=True))
        at = sheet[2].index("Họ tên / Tập thể")
        results = {r[at] for r in sheet[3:] if r[at]}
        assert results - {"(toàn danh sách)"} == {row[1] for row in rows}  # only this list's people
    # --output FILE with two lists is refused before anything is written or stored.
    refused = cli(["validate", a, b, "--format", "xlsx", "--output", workspace / "x.xlsx"])
    assert refused.exit_code == 2 and "thư mục" in refused.stderr and not (workspace / "x.xlsx").exists()


def test_the_annotated_copy_first_stores_what_a_plain_validate_would(
    cli: Any, workspace: Path, lists: tuple[Path, Path]
) -> None:
    from tdkt import rounds

    a, _ = lists
    r = cli(["validate", a, "--format", "xlsx", "-o", workspace / "ban-sao.xlsx"])
    assert r.exit_code == 1 and (workspace / "ban-sao.xlsx").is_file()
    assert "đã lưu danh sách danh-sach-so-y-te.xlsx" in r.stdout
    stored = rounds.runs(url(workspace), "2022-1", "validate")
    _code, doc, _ = run_json(cli, "validate", a)
    assert doc["stored"][0]["action"] == "unchanged"
    assert stored[0].payload["nominees"] == doc["nominees"]


def test_one_current_tally_per_award(cli: Any, workspace: Path, lists: tuple[Path, Path]) -> None:
    from tdkt import rounds

    a, b = lists
    cli(["validate", a, b])
    for who in ("Lê Văn Cường", "Đỗ Văn Minh"):
        cli(["review", "accept", who, "--reason", "Đủ hồ sơ", "--by", "Thường trực"])
    split = ["x"] * 5 + ["không đồng ý"] * 6
    first = write_ballots(workspace / "phieu.csv", {"Lê Văn Cường": ALL_AGREE, "Đỗ Văn Minh": split})
    assert cli(["tally", first]).exit_code == 0
    # The same ballots again: nothing new; entered twice and agreeing: confirmed, stored without --force.
    again = cli(["tally", first])
    assert again.exit_code == 0 and "không lưu lại" in again.stdout
    # The second officer typed "1" where the first typed "x": the same marks, other bytes.
    second = write_ballots(workspace / "phieu-nhap-lan-2.csv", {"Lê Văn Cường": ["1"] * 11,
                                                               "Đỗ Văn Minh": ["1"] * 5 + ["không đồng ý"] * 6})
    verified = cli(["tally", first, "--verify", second])
    assert verified.exit_code == 0, verified.stderr
    assert "Hai lần nhập khớp nhau" in verified.stdout
    current = rounds.current_tallies(url(workspace), "2022-1")
    assert len(current) == 1 and [i.get("role") for i in current[0].inputs] == [None, "verify"]
    # Other ballots for an award already counted need --force: the recount replaces that award's tally.
    recount = write_ballots(workspace / "phieu-lai.csv", {"Lê Văn Cường": ALL_AGREE, "Đỗ Văn Minh": ALL_AGREE})
    refused = cli(["tally", recount, "--award", "bang_khen_bo_tinh"])
    assert refused.exit_code == 3 and "--force" in refused.stderr
    assert cli(["tally", recount, "--award", "bang_khen_bo_tinh", "--force"]).exit_code == 0
    current = rounds.current_tallies(url(workspace), "2022-1")
    assert [(r["name"], r["agree"]) for t in current for r in t.payload["results"]] == [
        ("Lê Văn Cường", 11), ("Đỗ Văn Minh", 11)]
    assert [r.current for r in rounds.runs(url(workspace), "2022-1", "tally", current_only=False)] == [
        False, False, True]
    minutes = cli(["render", "minutes", "--out", workspace / "vb", "--draft"])  # the Ban kiểm phiếu is not named
    assert minutes.exit_code == 0, minutes.stderr
    from tdkt.render import docx_text

    text = docx_text(next((workspace / "vb").glob("bien-ban*.docx")))
    assert text.count("Đỗ Văn Minh") == 1  # the replaced count is not printed beside the current one


def _tally(results: list[tuple[str, str, int]], sha: str) -> tuple[dict[str, Any], list[dict[str, str]]]:
    doc = {"schema_version": 1, "council": {"members": 11, "present": 11}, "ballots": {"received": 11},
           "results": [{"nominee": n, "name": n, "award": a, "agree": agree} for n, a, agree in results],
           "findings": []}
    return doc, [{"path": f"/p/{sha}.csv", "sha256": sha}]


def test_a_tally_of_one_award_replaces_only_that_awards_results(cli: Any, workspace: Path) -> None:
    from tdkt import rounds

    assert cli(["session", "new", "2022-1", "--date", "2022-04-25"]).exit_code == 0
    u = url(workspace)
    doc, inputs = _tally([("A", "bang_khen_bo_tinh", 9), ("B", "chien_si_thi_dua_bo_tinh", 10)], "s1")
    assert rounds.store_tally(u, "2022-1", doc, inputs=inputs).action == "added"
    assert rounds.store_tally(u, "2022-1", doc, inputs=inputs).action == "unchanged"
    # Other ballots for one award only: needs force; the other award stays with the first tally.
    doc2, inputs2 = _tally([("A", "bang_khen_bo_tinh", 11)], "s2")
    with pytest.raises(Exception, match="--force"):
        rounds.store_tally(u, "2022-1", doc2, inputs=inputs2, award="bang_khen_bo_tinh")
    saved = rounds.store_tally(u, "2022-1", doc2, inputs=inputs2, award="bang_khen_bo_tinh", force=True)
    assert saved.action == "replaced"
    now = {(r["name"], r["agree"]) for t in rounds.current_tallies(u, "2022-1") for r in t.payload["results"]}
    assert now == {("A", 11), ("B", 10)}
    # A full tally of both awards afterwards retires both earlier runs (D4: never two "current").
    doc3, inputs3 = _tally([("A", "bang_khen_bo_tinh", 8), ("B", "chien_si_thi_dua_bo_tinh", 7)], "s3")
    rounds.store_tally(u, "2022-1", doc3, inputs=inputs3, force=True)
    assert [r.current for r in rounds.runs(u, "2022-1", "tally", current_only=False)] == [False, False, True]
    now = {(r["name"], r["agree"]) for t in rounds.current_tallies(u, "2022-1") for r in t.payload["results"]}
    assert now == {("A", 8), ("B", 7)}

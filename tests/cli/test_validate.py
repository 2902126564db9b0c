"""`tdkt validate` end to end: table, JSON (parity with the library), xlsx copy, rounds, exit codes."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

HEADER = ["STT", "Họ và tên", "Đơn vị công tác", "Danh hiệu đề nghị", "Năm", "Xếp loại 2023", "Xếp loại 2024",
          "Danh hiệu 2024", "Tên sáng kiến", "Cấp công nhận", "Năm công nhận", "Ngày tuyển dụng",
          "Hình thức kỷ luật"]  # an empty discipline cell says "none" (a list without the column says nothing)
ROWS = [
    [1, "Nguyễn Văn An", "Sở Nội vụ", "Chiến sĩ thi đua cơ sở", 2024, None, "Hoàn thành xuất sắc nhiệm vụ",
     "Lao động tiên tiến", None, None, None, "01/03/2015"],
    [2, "Trần Thị Bình", "Sở Nội vụ", "CSTĐCS", 2024, None, "Hoàn thành tốt nhiệm vụ", "LĐTT", "Sổ tay số", "Cơ sở",
     2024, "01/03/2016"],
    [3, "Lê Văn Cường", "Sở Nội vụ", "LĐTT", 2024, None, "Hoàn thành nhiệm vụ", None, None, None, None, "01/03/2016"],
]


def write_list(path: Path, rows: list[list[object]] = ROWS, header: list[str] = HEADER) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Cá nhân"
    ws.append(header)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


@pytest.fixture
def nolist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder that is not a workspace, with the three-row list."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TDKT_WORKSPACE", raising=False)
    return write_list(tmp_path / "ds.xlsx")


def sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def test_json_equals_the_library_result(cli, nolist: Path) -> None:  # type: ignore[no-untyped-def]
    from tdkt.validation import validate_files

    r = cli(["validate", nolist, "--format", "json"])
    assert r.exit_code == 1, r.stderr
    doc = json.loads(r.stdout)
    assert doc == validate_files([nolist]).report.to_dict()
    assert doc["schema_version"] == 1 and doc["tool"] == "tdkt" and doc["session"] is None
    assert doc["ruleset"]["id"] == "nd98-2023"
    assert doc["summary"] == {"nominees": 3, "pass": 2, "fail": 1, "review": 0}
    cuong = doc["nominees"][2]
    assert set(cuong) >= {"id", "row", "sheet", "file", "name", "kind", "unit", "award", "award_name", "gender",
                          "position", "verdict", "findings"}
    f = cuong["findings"][0]
    assert (f["code"], f["severity"], f["rule"], f["cell"]) == ("rules.rating-not-met", "error", "nd98.ldtt.rating", "G4")
    assert "Điều 24" in f["basis"] and "Hoàn thành nhiệm vụ" in f["message"]


def test_table_names_the_article_and_summarises(cli, nolist: Path) -> None:  # type: ignore[no-untyped-def]
    r = cli(["validate", nolist])
    assert r.exit_code == 1
    assert "Không đạt" in r.stdout and "Luật TĐKT 06/2022 Điều 24 k1 a" in r.stdout
    assert "Tổng: 3 hồ sơ — Đạt: 2, Không đạt: 1, Cần xem xét: 0." in r.stdout
    assert "NĐ 98/2023/NĐ-CP" in r.stdout and "nd98-2023" not in r.stdout and r.stderr == ""  # the regime by name


def test_rules_option_and_regimes(cli, nolist: Path) -> None:  # type: ignore[no-untyped-def]
    # Nguyễn Văn An: HTXS without an initiative — CSTĐCS passes under Luật 2022, fails under NĐ 91.
    old = json.loads(cli(["validate", nolist, "--format", "json", "--rules", "nd91-2017"]).stdout)
    new = json.loads(cli(["validate", nolist, "--format", "json", "--rules", "nd98-2023"]).stdout)
    assert old["ruleset"]["id"] == "nd91-2017" and old["nominees"][0]["verdict"] == "fail"
    assert new["nominees"][0]["verdict"] == "pass"


def test_strict_fails_on_warnings(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    path = write_list(tmp_path / "ds.xlsx", [[*ROWS[0][:11], None]])  # no recruitment date: a note only
    assert cli(["validate", path, "--format", "json"]).exit_code == 0
    path = write_list(tmp_path / "ds2.xlsx", [[1, "Phạm Thu", "Sở Nội vụ", "CSTĐCS", 2024, None, None, "LĐTT",
                                              None, None, None, "01/03/2015"]])  # no rating for 2024: review
    assert cli(["validate", path, "--format", "json"]).exit_code == 0
    assert cli(["validate", path, "--format", "json", "--strict"]).exit_code == 1


def test_award_option_fills_rows_without_one(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    header = [h for h in HEADER if h != "Danh hiệu đề nghị"]
    path = write_list(tmp_path / "ds.xlsx", [r[:3] + r[4:] for r in ROWS[2:]], header)
    doc = json.loads(cli(["validate", path, "--format", "json", "--award", "LĐTT"]).stdout)
    assert doc["nominees"][0]["award"] == "lao_dong_tien_tien"


def test_xlsx_is_an_annotated_copy(cli, nolist: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    before = sha(nolist)
    out = tmp_path / "ket-qua.xlsx"
    r = cli(["validate", nolist, "--format", "xlsx", "--output", out])
    assert r.exit_code == 1 and out.is_file()
    assert sha(nolist) == before  # the input is never modified
    wb = load_workbook(out)
    ws = wb["Cá nhân"]
    # the verdict and its reasons right after the name (column B); the list's columns move two to the right
    assert [ws.cell(row=1, column=c).value for c in (2, 3, 4, 5)] == ["Họ và tên", "Kết quả thẩm định",
                                                                   "Lý do / căn cứ", "Đơn vị công tác"]
    assert [ws.cell(row=i, column=3).value for i in (2, 3, 4)] == ["Đạt", "Đạt", "Không đạt"]
    assert "Điều 24" in ws["D4"].value and ws["I4"].value == "Hoàn thành nhiệm vụ"  # G4 of the list
    assert ws["I4"].comment is not None and "Điều 24" in ws["I4"].comment.text
    assert ws.freeze_panes == "D2" and ws.print_title_rows == "$1:$1" and ws.page_setup.orientation == "landscape"
    res = wb["Kết quả thẩm định"]
    assert "NĐ 98/2023/NĐ-CP" in res["A1"].value and "nd98-2023" not in res["A1"].value
    texts = "\n".join(str(c.value) for c in res["D"] if c.value)
    assert "[lỗi] " in texts and "rules.rating-not-met" not in texts  # the finding in words, no code
    assert cli(["validate", nolist, "--format", "xlsx", "--output", nolist]).exit_code == 3


def test_broken_overlay_exits_3_and_writes_nothing(cli, nolist: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "qc.yaml"
    bad.write_text("kind: overlay\nid: x\ntitle: Q\nseats:\n  co_thi_dua_bo_tinh: {per_clustr: 2}\n", encoding="utf-8")
    out = tmp_path / "out.xlsx"
    r = cli(["validate", nolist, "--rules", bad, "--format", "xlsx", "--output", out])
    assert r.exit_code == 3 and r.stdout == ""
    assert str(bad) in r.stderr and "'seats.co_thi_dua_bo_tinh.per_clustr'" in r.stderr
    assert len(r.stderr.strip().splitlines()) <= 2 and "Traceback" not in r.stderr
    assert not out.exists()


def test_round_stores_the_document_once(cli, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    from tdkt import rounds
    from tdkt import workspace as ws_mod

    path = write_list(workspace / "ds.xlsx")
    assert cli(["session", "new", "2025-1", "--date", "2025-03-10", "--year", "2024"]).exit_code == 0
    r = cli(["validate", path, "--format", "json"])
    assert r.exit_code == 1, r.stderr
    doc = json.loads(r.stdout)
    assert doc["session"] == "2025-1" and doc["ruleset"]["id"] == "nd98-2023"
    assert [(s["file"], s["action"]) for s in doc.pop("stored")] == [("ds.xlsx", "added")]
    url = ws_mod.require(workspace).database_url
    stored = rounds.runs(url, "2025-1", "validate")
    assert len(stored) == 1 and stored[0].payload == doc
    assert stored[0].inputs == [{"path": str(path.resolve()), "sha256": sha(path)}]
    # The same list again, with or without --force: the same result, not stored twice.
    for extra in ([], ["--force"]):
        again = cli(["validate", path, "--format", "json", *extra])
        assert again.exit_code == 1 and json.loads(again.stdout)["stored"][0]["action"] == "unchanged"
    assert len(rounds.runs(url, "2025-1", "validate", current_only=False)) == 1


def test_workspace_overlay_local_title(cli, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    import shutil

    (workspace / "rules").mkdir(exist_ok=True)
    shutil.copy(Path(__file__).parents[1] / "rules" / "overlays" / "hai-dong.yaml", workspace / "rules")
    rows = [[1, "Võ Minh", "Sở Y tế", "Gương mặt tiêu biểu", 2024, "Hoàn thành tốt nhiệm vụ",
             "Hoàn thành tốt nhiệm vụ", "Chiến sĩ thi đua cơ sở", "Bệnh án số", "Cơ sở", 2024, "01/01/2010"]]
    path = write_list(workspace / "gm.xlsx", rows)
    doc = json.loads(cli(["validate", path, "--format", "json", "--rules", "nd98-2023"]).stdout)
    n = doc["nominees"][0]
    assert (n["award"], n["award_name"]) == ("guong_mat_tieu_bieu", "Gương mặt tiêu biểu thành phố")
    assert doc["ruleset"]["overlays"] == ["hd"]
    assert n["verdict"] == "fail"  # 2023 without CSTĐCS: two consecutive years are required
    assert [f["rule"] for f in n["findings"] if f["severity"] == "error"] == ["hd.gmtb.cstdcs"]


@pytest.mark.parametrize("rules", [None, "nd152-2025"])
def test_the_ruleset_line_an_officer_reads_names_the_pack_by_its_title_without_ids_or_options(
        cli, nolist: Path, rules: str | None) -> None:  # type: ignore[no-untyped-def]
    """Issue 14: the .xlsx an officer sends on says which regulations were applied in plain words; the
    pack's id stays in the JSON (the finding's rule), and the command hint stays on the terminal."""
    from openpyxl import load_workbook

    chosen = ["--rules", rules] if rules else []
    r = cli(["validate", nolist, *chosen, "--format", "xlsx", "--output", "kq.xlsx"])
    assert r.exit_code == 1, r.stderr
    sheet = load_workbook(nolist.parent / "kq.xlsx")["Kết quả thẩm định"]
    notes = [str(v) for row in sheet.iter_rows(values_only=True) for v in row if v and "Bộ tiêu chí" in str(v)]
    chosen_line = [t for t in notes if t.startswith("[ghi chú] Bộ tiêu chí:")]
    assert len(chosen_line) == 1 and "NĐ" in chosen_line[0], notes
    for text in notes:
        assert "nd98-2023" not in text and "nd152-2025" not in text and "--" not in text, text
        assert "tdkt " not in text, text
    doc = json.loads(cli(["validate", nolist, *chosen, "--format", "json"]).stdout)
    (found,) = [f for f in doc["findings"] if f["code"] == "rules.ruleset-chosen"]
    assert found["rule"] == (rules or "nd98-2023")
    table = cli(["validate", nolist, *chosen]).stdout
    assert ("--session hoặc --rules" in " ".join(table.split())) is (rules is None)


def test_the_lists_summary_of_achievement_is_kept_for_the_to_trinh(cli, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Issue 14: a list's "Tóm tắt thành tích" reaches the validate JSON (and so the Tờ trình); a list
    without the column adds no key."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TDKT_WORKSPACE", raising=False)
    rows = [[*r, "Có sáng kiến «Sổ tay số» áp dụng toàn Sở" if r[0] == 2 else None] for r in ROWS]
    path = write_list(tmp_path / "tt.xlsx", rows, [*HEADER[:12], "Tóm tắt thành tích"])
    doc = json.loads(cli(["validate", path, "--format", "json"]).stdout)
    assert [n.get("achievement") for n in doc["nominees"]] == [None, "Có sáng kiến «Sổ tay số» áp dụng toàn Sở", None]
    assert "achievement" not in doc["nominees"][0]
    plain = json.loads(cli(["validate", write_list(tmp_path / "ds.xlsx"), "--format", "json"]).stdout)
    assert all("achievement" not in n for n in plain["nominees"])

"""`tdkt ingest` end to end: JSON equals the library's document, the table, exit codes, column maps."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tdkt.ingest import read_nominations

ROOT = Path(__file__).resolve().parent.parent.parent


def test_json_is_the_library_document(cli: Any, data: Path) -> None:
    files = [data / "provincial.xlsx", data / "list-utf16.csv"]
    r = cli(["ingest", *files, "--format", "json"])
    assert r.exit_code == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc == json.loads(json.dumps(read_nominations(files, cells=True).to_dict(), ensure_ascii=False, default=str))
    assert doc["schema_version"] == 1
    first = doc["files"][0]["sheets"][0]
    assert first["header_rows"] == [5, 6, 7] and first["role"] == "list"
    assert {"column": "B", "header": "Họ và tên", "field": "name", "how": "vocabulary"} in first["columns"]
    assert first["records"][0]["row"] == 9 and first["records"][0]["name"] == "Nguyễn Thị Lan"
    legacy = [f for f in doc["findings"] if f["code"] == "ingest.legacy-text"]
    assert [(f["cell"], f["sheet"], f["severity"]) for f in legacy] == [
        ("B10", "Cá nhân", "info"),
        ("B11", "Cá nhân", "info"),
    ]
    assert "Trần Văn Hùng" in legacy[0]["message"]


def test_table_shows_header_columns_records_and_findings(cli: Any, data: Path) -> None:
    r = cli(["ingest", data / "wide-history.xlsx"])
    assert r.exit_code == 0, r.stderr
    for text in (
        "dòng tiêu đề 3, 4",
        "Xếp loại mức độ hoàn thành nhiệm vụ (năm 2022)",  # the field in words, never its id
        "Đoàn Minh Tuấn",
        "2 bản ghi",
        "không khớp trường nào",  # the finding in words (its code only in JSON)
        "Hạng mục khác",
    ):
        assert text in r.stdout, text
    assert "rating.2022" not in r.stdout and "prior_decision" not in r.stdout


@pytest.mark.parametrize(
    "name",
    ["empty.xlsx", "truncated.xlsx", "encrypted.xlsx", "bomb.xlsx", "word-named.xlsx", "no-header.xlsx"],
)
def test_unusable_file_exit_3_one_line_naming_it(cli: Any, data: Path, name: str) -> None:
    r = cli(["ingest", data / "broken" / name, "--format", "json"])
    assert r.exit_code == 3
    assert r.stdout == ""
    assert name in r.stderr and "Traceback" not in r.stderr
    assert len([line for line in r.stderr.splitlines() if line.startswith("Lỗi")]) == 1


def test_columns_file_and_workspace_map(cli: Any, data: Path, workspace: Path) -> None:
    cfg = workspace / "tdkt.toml"
    text = cfg.read_text(encoding="utf-8")
    assert "[legal.columns]" in text
    cfg.write_text(
        text.replace("[legal.columns]", '[legal.columns]\n"Hạng mục khác" = "note"', 1), encoding="utf-8"
    )
    r = cli(["ingest", data / "wide-history.xlsx", "-f", "json"])
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["files"][0]["sheets"][0]["records"][0]["note"] == "abc"
    cmap = workspace / "cot.yaml"
    cmap.write_text("columns:\n  Hạng mục khác: achievement\n", encoding="utf-8")
    r = cli(["ingest", data / "wide-history.xlsx", "-f", "json", "--columns", cmap])
    assert json.loads(r.stdout)["files"][0]["sheets"][0]["records"][0]["achievement"] == "abc"
    cmap.write_text("columns:\n  Hạng mục khác: khong_co\n", encoding="utf-8")
    r = cli(["ingest", data / "wide-history.xlsx", "--columns", cmap])
    assert r.exit_code == 3 and "khong_co" in r.stderr


EXAMPLES = sorted((ROOT / "examples").glob("**/*.xlsx"))


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_bundled_examples_map_every_column(cli: Any, path: Path) -> None:
    r = cli(["ingest", path, "-f", "json"])
    assert r.exit_code == 0, r.stderr
    doc = json.loads(r.stdout)
    sheets = [s for f in doc["files"] for s in f["sheets"] if s["role"] == "list"]
    assert sheets and all(s["records"] for s in sheets)
    unmapped = [(s["sheet"], c["header"]) for s in sheets for c in s["columns"] if c["field"] is None]
    assert unmapped == []
    bad = [
        f
        for f in doc["findings"]
        if f["code"]
        in ("ingest.bad-date", "ingest.unknown-rating", "ingest.unknown-title", "ingest.missing-name")
    ]
    assert bad == []


def test_every_field_a_column_can_be_read_into_has_words_for_the_officer() -> None:
    from tdkt.ingest.headers import field_label, vocabulary

    for name in [*sorted(vocabulary().names), "rating.2021", "title.2024", "discipline.2025", "title_decision.2023"]:
        words = field_label(name)
        assert words != name and not any(ch == "_" for ch in words), (name, words)
    assert field_label("rating.2021").endswith("(năm 2021)")


def test_every_cell_is_a_fact_or_named_with_why(cli: Any, tmp_path: Path) -> None:
    """Issue 13, invariant 1: the reading report names the cells that are not used and why — a column
    that matches no field, a second column for a one-column field, a value not understood."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "DS"
    ws.append(["STT", "Họ và tên", "Đơn vị", "Đơn vị công tác", "Xếp loại năm 2024", "Mã vạch nội bộ", "Kỷ luật",
               "Danh hiệu đề nghị"])
    ws.append([1, "Hứa Thị Diệu", "Sở Tư pháp", "Phòng Hộ tịch", "Khá", "A-17", "?", "Lao động tiên tiến"])
    ws.append([2, "Tăng Văn Hòa", "Sở Tư pháp", "Phòng Hộ tịch", "HTTNV", "A-18", None, "Lao động tiên tiến"])
    wb.save(tmp_path / "ds.xlsx")
    r = cli(["ingest", str(tmp_path / "ds.xlsx"), "--format", "json"])
    assert r.exit_code == 0, r.stderr
    cells = {c["column"]: c for c in json.loads(r.stdout)["files"][0]["sheets"][0]["cells"]}
    assert cells["F"]["not_used"] and cells["F"]["filled"] == 2 and cells["F"]["sample"] == "A-17"
    assert "cột C" in cells["D"]["not_used"]  # the second "Đơn vị" column
    assert cells["E"]["unclear"] == 1 and cells["G"]["unclear"] == 1 and cells["B"]["not_used"] is None
    r = cli(["ingest", str(tmp_path / "ds.xlsx")])
    assert r.exit_code == 0, r.stderr
    out = " ".join(r.stdout.split())
    assert "ô hoặc cột không dùng" in out
    for cell, value in (("F2:F3", "A-17"), ("D2:D3", "Phòng Hộ tịch"), ("E2", "Khá"), ("G2", "?")):
        assert f"{cell} {value}" in out, cell


def test_a_sparse_column_is_reported_from_its_first_to_its_last_filled_row(cli: Any, tmp_path: Path) -> None:
    """The reading report's rows of a column are those of its first and last filled cell, however many
    empty cells lie before, between and after them."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["STT", "Họ và tên", "Đơn vị", "Ghi chú"])
    notes = {4: "Chuyển công tác", 7: "Nghỉ thai sản"}
    for i in range(1, 10):
        ws.append([i, f"Người Thứ {chr(64 + i)}", "Sở Tư pháp", notes.get(i)])
    wb.save(tmp_path / "ds.xlsx")
    r = cli(["ingest", str(tmp_path / "ds.xlsx"), "--format", "json"])
    assert r.exit_code == 0, r.stderr
    cells = {c["column"]: c for c in json.loads(r.stdout)["files"][0]["sheets"][0]["cells"]}
    assert (cells["D"]["filled"], cells["D"]["first_row"], cells["D"]["last_row"]) == (2, 5, 8)
    assert cells["D"]["sample"] == "Chuyển công tác"
    assert (cells["B"]["first_row"], cells["B"]["last_row"]) == (2, 10)


def test_a_column_some_rows_stop_short_of_is_counted_all_the_same(cli: Any, tmp_path: Path) -> None:
    """Rows of a CSV end where their last value is: a column that shorter rows do not reach is counted
    from the rows that have it (the transposed path of the reading report)."""
    lines = ["STT,Họ và tên,Đơn vị,Ghi chú", "1,Người Thứ A,Sở Tư pháp", "2,Người Thứ B,Sở Tư pháp,Nghỉ thai sản",
             "3,Người Thứ C,Sở Tư pháp", "4,Người Thứ D,Sở Tư pháp,Chuyển công tác", "5,Người Thứ E"]
    (tmp_path / "ds.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = cli(["ingest", str(tmp_path / "ds.csv"), "--format", "json"])
    assert r.exit_code == 0, r.stderr
    cells = {c["column"]: c for c in json.loads(r.stdout)["files"][0]["sheets"][0]["cells"]}
    assert (cells["D"]["filled"], cells["D"]["first_row"], cells["D"]["last_row"]) == (2, 3, 5)
    assert (cells["C"]["filled"], cells["C"]["first_row"], cells["C"]["last_row"]) == (4, 2, 5)

"""Counts, totals and sign-off lines are never nominees; a subtotal between groups does not end the list."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest


def _list(path: Path, rows: list[list[Any]]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["DANH SÁCH ĐỀ NGHỊ CÔNG NHẬN DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM 2025"])
    ws.append(["STT", "Họ và tên", "Chức vụ", "Xếp loại năm 2025", "Danh hiệu đề nghị"])
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


@pytest.mark.parametrize("subtotal", ["Cộng: 2 người", "Tổng: 02 người", "Cộng 2 cá nhân"])
@pytest.mark.parametrize("footer", ["Danh sách có 03 người", "Danh sách này gồm 3 người./.", "Người tổng hợp: Lê Văn Bình",
                                    "Tân Phước, ngày … tháng 12 năm 2026", "Hà Nội, ngày   tháng   năm 2025"])
def test_subtotal_goes_on_and_the_count_line_ends(cli: Any, tmp_path: Path, subtotal: str, footer: str) -> None:
    path = _list(tmp_path / "ds.xlsx", [
        [1, "Nguyễn Thị Lan", "Giáo viên", "Hoàn thành tốt nhiệm vụ", "Lao động tiên tiến"],
        [2, "Trần Văn Minh", "Giáo viên", "Hoàn thành tốt nhiệm vụ", "Lao động tiên tiến"],
        [None, subtotal],
        [3, "Phạm Thu Hà", "Nhân viên", "Hoàn thành tốt nhiệm vụ", "Lao động tiên tiến"],
        [None, footer],
        [None, "Lê Văn Bình"],
    ])
    r = cli(["ingest", path, "--format", "json"])
    assert r.exit_code in (0, 1), r.stderr
    data = json.loads(r.stdout)
    names = [rec["name"] for f in data["files"] for sh in f["sheets"] for rec in sh.get("records", [])]
    assert names == ["Nguyễn Thị Lan", "Trần Văn Minh", "Phạm Thu Hà"]


@pytest.mark.parametrize("numbered", [True, False])
def test_a_collective_whose_name_starts_like_a_count_word_is_a_nominee(cli: Any, tmp_path: Path, numbered: bool) -> None:
    """"Công ty …", "Công đoàn …", "Tổng công ty …" fold like "Cộng"/"Tổng cộng": they are names, not totals."""
    names = ["Công ty CP Cấp nước Long Giang", "Công đoàn Trường THPT Hải Tân", "Tổng công ty Điện lực Miền Trung",
             "Tổng số học sinh giỏi"]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["DANH SÁCH ĐỀ NGHỊ TẶNG GIẤY KHEN NĂM 2025"])
    ws.append(["STT", "Tên tập thể", "Danh hiệu đề nghị"])
    for k, name in enumerate(names, 1):
        ws.append([k if numbered else None, name, "Tập thể lao động tiên tiến"])
    ws.append([None, "Tổng cộng: 4 tập thể"])
    wb.save(tmp_path / "tt.xlsx")
    r = cli(["ingest", tmp_path / "tt.xlsx", "--format", "json"])
    assert r.exit_code in (0, 1), r.stderr
    data = json.loads(r.stdout)
    read = [rec["name"] for f in data["files"] for sh in f["sheets"] for rec in sh.get("records", [])]
    assert read == names

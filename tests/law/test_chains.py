"""Chains through a real list (NĐ 152/2025 Điều 4 k3): a đột xuất or chuyên đề award is not the prior award a
Bằng khen Thủ tướng or a Huân chương builds on, and an award whose type the list does not say is reviewed.

Every name and unit here is invented.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_validate import write_list

YEARS = [2022, 2023, 2024, 2025, 2026]
HEADER = (["STT", "Họ và tên", "Đơn vị công tác", "Hình thức khen thưởng đề nghị", "Năm"]
          + [f"Xếp loại {y}" for y in YEARS] + [f"Danh hiệu {y}" for y in YEARS]
          + ["Khen thưởng đã nhận", "Kỷ luật"])
TITLES = ["CSTĐCS", None, "CSTĐCS", None, "CSTĐCS"]


def row(i: int, name: str, prior: str) -> list[object]:
    return [i, name, "Sở Y tế", "Bằng khen của Thủ tướng Chính phủ", 2026, *["Hoàn thành tốt nhiệm vụ"] * 5, *TITLES,
            prior, None]


@pytest.mark.parametrize(("prior", "verdict"), [
    ("Bằng khen của Chủ tịch UBND tỉnh (đột xuất) năm 2019", "fail"),
    ("Bằng khen của Chủ tịch UBND tỉnh về thành tích đột xuất, QĐ số 12/QĐ-UBND ngày 05/3/2019", "fail"),
    ("Bằng khen của Chủ tịch UBND tỉnh về thực hiện chuyên đề học tập và làm theo tư tưởng, đạo đức, "
     "phong cách Hồ Chí Minh năm 2019", "fail"),
    ("Bằng khen của Chủ tịch UBND tỉnh năm 2019", "review"),
    ("Bằng khen của Chủ tịch UBND tỉnh (công trạng) năm 2019", "pass"),
    ("Bằng khen của Chủ tịch UBND tỉnh (công trạng) năm 2014; Bằng khen của Chủ tịch UBND tỉnh (đột xuất) năm 2024",
     "pass"),
])
def test_a_bk_thu_tuong_nominee_whose_only_bk_tinh_was_dot_xuat_is_not_passed(
        cli, workspace: Path, prior: str, verdict: str) -> None:  # type: ignore[no-untyped-def]
    assert cli(["session", "new", "2026-2", "--date", "2026-12-10", "--year", "2026"]).exit_code == 0
    path = write_list(workspace / "bkttg.xlsx", [row(1, "Lương Văn Khải", prior)], HEADER)
    r = cli(["validate", path, "--format", "json"])
    doc = json.loads(r.stdout)
    assert doc["ruleset"]["id"] == "luat06-2026"
    (n,) = doc["nominees"]
    prior_findings = [f for f in n["findings"] if f["rule"] == "l06.bkttg.prior"]
    assert n["verdict"] == verdict, n["findings"]
    if verdict == "fail":
        (f,) = prior_findings
        assert f["severity"] == "error" and "Điều 4 k3" in f["basis"] and f["cell"].startswith("P")
    if verdict == "review":
        (f,) = prior_findings
        assert f["code"] == "rules.missing-data" and "loại hình" in f["message"]


def test_the_type_from_a_loai_hinh_sub_column(cli, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import Workbook

    assert cli(["session", "new", "2026-2", "--date", "2026-12-10", "--year", "2026"]).exit_code == 0
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    head = HEADER[:-2]
    ws.append([*head, "Khen thưởng đã nhận", None, "Kỷ luật"])
    ws.append([*[None] * len(head), "Hình thức", "Loại hình", None])
    for c in range(1, len(head) + 1):
        ws.merge_cells(start_row=1, start_column=c, end_row=2, end_column=c)
    ws.merge_cells(start_row=1, start_column=len(head) + 1, end_row=1, end_column=len(head) + 2)
    ws.merge_cells(start_row=1, start_column=len(head) + 3, end_row=2, end_column=len(head) + 3)
    base = row(1, "Lương Văn Khải", "")[: len(head)]
    ws.append([*base, "Bằng khen của Chủ tịch UBND tỉnh năm 2019", "Đột xuất", None])
    ws.append([2, "Hà Thị Xuân", *base[2:], "Bằng khen của Chủ tịch UBND tỉnh năm 2019", "Công trạng", None])
    path = workspace / "hai-dong.xlsx"
    wb.save(path)
    doc = json.loads(cli(["validate", path, "--format", "json"]).stdout)
    assert [n["verdict"] for n in doc["nominees"]] == ["fail", "pass"], doc["nominees"]


# ---------------------------------------------------------------- through the register


REG_HEADER = ["STT", "Họ và tên", "Ngày sinh", "Số CCCD", "Đơn vị", "Danh hiệu/Hình thức khen thưởng", "Năm",
              "Số quyết định", "Ngày quyết định", "Loại hình khen thưởng"]


def _register(cli, workspace: Path, rows: list[list[object]]) -> None:  # type: ignore[no-untyped-def]
    path = write_list(workspace / "so-theo-doi.xlsx", rows, REG_HEADER)
    r = cli(["register", "import", path])
    assert r.exit_code == 0, r.stdout + r.stderr


def _nominee_row(i: int, name: str, cccd: str) -> list[object]:
    return [i, name, "Sở Y tế", cccd, "Bằng khen của Thủ tướng Chính phủ", 2026, *["Hoàn thành tốt nhiệm vụ"] * 5,
            *TITLES, None]


NOMINEE_HEADER = (["STT", "Họ và tên", "Đơn vị công tác", "Số CCCD", "Hình thức khen thưởng đề nghị", "Năm"]
                  + [f"Xếp loại {y}" for y in YEARS] + [f"Danh hiệu {y}" for y in YEARS] + ["Kỷ luật"])


def test_the_register_carries_the_type_into_the_chain(cli, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    _register(cli, workspace, [
        [1, "Lương Văn Khải", dt.date(1978, 5, 6), "099078000111", "Sở Y tế", "Bằng khen của Chủ tịch UBND tỉnh",
         2019, "15/QĐ-UBND", dt.date(2019, 6, 1), "Đột xuất"],
        [2, "Hà Thị Xuân", dt.date(1981, 2, 3), "099181000222", "Sở Y tế", "Bằng khen của Chủ tịch UBND tỉnh",
         2019, "16/QĐ-UBND", dt.date(2020, 1, 20), "Công trạng"],
        [3, "Tô Minh Quân", dt.date(1983, 9, 9), "099083000333", "Sở Y tế", "Bằng khen của Chủ tịch UBND tỉnh",
         2019, "17/QĐ-UBND", dt.date(2020, 1, 20), None],
    ])
    assert cli(["session", "new", "2026-2", "--date", "2026-12-10", "--year", "2026"]).exit_code == 0
    path = write_list(workspace / "bkttg.xlsx", [_nominee_row(1, "Lương Văn Khải", "099078000111"),
                                                 _nominee_row(2, "Hà Thị Xuân", "099181000222"),
                                                 _nominee_row(3, "Tô Minh Quân", "099083000333")], NOMINEE_HEADER)
    doc = json.loads(cli(["validate", path, "--format", "json"]).stdout)
    assert [n["verdict"] for n in doc["nominees"]] == ["fail", "pass", "review"], doc["nominees"]


def test_an_award_issued_from_a_round_is_cong_trang_in_the_register(cli, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from tdkt import workspace as ws_mod
    from tdkt.db import reading
    from tdkt.db.schema import reg_awards

    assert cli(["session", "new", "2024-2", "--date", "2024-12-10", "--year", "2024"]).exit_code == 0
    header = ["STT", "Họ và tên", "Đơn vị công tác", "Số CCCD", "Hình thức khen thưởng đề nghị", "Năm",
              "Xếp loại 2023", "Xếp loại 2024", "Danh hiệu 2023", "Danh hiệu 2024", "Tên sáng kiến", "Cấp công nhận",
              "Năm công nhận", "Kỷ luật"]
    rows = [[1, "Hà Thị Xuân", "Sở Y tế", "099181000222", "Bằng khen của Chủ tịch UBND tỉnh", 2024,
             "Hoàn thành tốt nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "CSTĐCS", "CSTĐCS",
             "Sổ tay điện tử; Lịch trực số", "Cơ sở", "2023; 2024", None]]
    path = write_list(workspace / "bk2024.xlsx", rows, header)
    r = cli(["validate", path, "--format", "json"])
    assert json.loads(r.stdout)["nominees"][0]["verdict"] == "pass", r.stdout
    r = cli(["register", "issue", "--session", "2024-2", "--award", "bang_khen_bo_tinh", "--number", "77",
             "--date", "2024-12-20"])
    assert r.exit_code == 0, r.stdout + r.stderr
    with reading(ws_mod.require().database_url) as conn:
        types = conn.execute(select(reg_awards.c.award_type).where(reg_awards.c.award == "bang_khen_bo_tinh")).scalars().all()
    assert types == ["cong_trang"]


def test_the_register_fills_in_the_type_the_list_leaves_out_and_a_disagreement_is_a_finding() -> None:
    from tdkt.findings import CellRef
    from tdkt.models import History, Nominee, PriorAward
    from tdkt.validation import merge_history

    def award(source: str, type_: str | None) -> PriorAward:
        return PriorAward(award="bang_khen_bo_tinh", award_text="Bằng khen của Chủ tịch UBND tỉnh", year=2019,
                          decision_number="15/QĐ-UBND", source=source, type=type_)  # type: ignore[arg-type]

    def nominee(type_: str | None) -> Nominee:
        return Nominee(id="ds:1", source=CellRef(file="ds.xlsx", sheet="DS", row=2), name="Lương Văn Khải",
                       prior_awards=(award("list", type_),))

    reg = History(person_id="7", match="cccd", prior_awards=(award("register", "dot_xuat"),))
    merged, found = merge_history(nominee(None), reg)
    assert [p.type for p in merged.prior_awards] == ["dot_xuat"] and not found
    merged, found = merge_history(nominee("cong_trang"), reg)
    assert [p.type for p in merged.prior_awards] == ["cong_trang"]
    assert [f.code for f in found] == ["rules.history-conflict"] and "đột xuất" in found[0].message

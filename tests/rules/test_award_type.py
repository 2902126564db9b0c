"""The loại hình of the proposed award (Luật TĐKT 2022 Điều 8): the packs hold the criteria of công trạng
only, so a row proposed for a đột xuất or chuyên đề award is "Cần xem xét" for the council — never judged
by the yearly criteria into a "Không đạt" (or an "Đạt") — and a "Loại hình" cell that names no loại hình is
a cell not understood (issue 13)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.rules.test_cap_verdicts import _judge as judge_csv

HEADER = ["STT", "Họ và tên", "Danh hiệu đề nghị", "Loại hình", "Xếp loại năm 2021", "Kỷ luật"]


def _judge(tmp: Path, rows: list[list[Any]], header: list[str] = HEADER) -> dict[str, dict[str, Any]]:
    return judge_csv(tmp, rows, header)  # NĐ 91, year 2021, as the cap tests


def _codes(n: dict[str, Any]) -> set[str]:
    return {f["code"] for f in n["findings"] if f["severity"] in ("error", "warning")}


def test_a_dot_xuat_row_is_for_the_council_and_a_cong_trang_row_is_judged(tmp_path: Path) -> None:
    got = _judge(tmp_path, [
        [1, "Âu Văn An", "Bằng khen của Chủ tịch UBND tỉnh", "Đột xuất", "Hoàn thành nhiệm vụ", ""],
        [2, "Bế Thị Bình", "Bằng khen của Chủ tịch UBND tỉnh", "Công trạng", "Hoàn thành nhiệm vụ", ""],
        [3, "Cù Văn Cường", "Lao động tiên tiến", "Công trạng", "Hoàn thành tốt nhiệm vụ", ""],
    ])
    an = got["Âu Văn An"]
    assert an["verdict"] == "review" and _codes(an) == {"rules.not-cong-trang"}
    (f,) = [f for f in an["findings"] if f["code"] == "rules.not-cong-trang"]
    assert f["cell"] == "D2" and "đột xuất" in f["message"]
    binh = got["Bế Thị Bình"]  # judged by the công trạng criteria, as before (NĐ 91: 2 years HTXS, uncertain)
    assert binh["verdict"] != "pass" and "rules.not-cong-trang" not in _codes(binh) and _codes(binh)
    assert got["Cù Văn Cường"]["verdict"] == "pass"


def test_the_award_cells_own_words_give_the_type(tmp_path: Path) -> None:
    header = ["STT", "Họ và tên", "Hình thức đề nghị", "Xếp loại năm 2021", "Kỷ luật"]
    got = _judge(tmp_path, [
        [1, "Âu Văn An", "Bằng khen của Chủ tịch UBND tỉnh (chuyên đề)", "Hoàn thành nhiệm vụ", ""],
        [2, "Bế Thị Bình", "Bằng khen của Chủ tịch UBND tỉnh", "Hoàn thành nhiệm vụ", ""],
    ], header)
    an = got["Âu Văn An"]
    assert an["award"] == "bang_khen_bo_tinh" and an["verdict"] == "review"
    (f,) = [f for f in an["findings"] if f["code"] == "rules.not-cong-trang"]
    assert f["cell"] == "C2" and "chuyên đề" in f["message"]
    assert "rules.not-cong-trang" not in _codes(got["Bế Thị Bình"])


def test_a_type_cell_not_understood_is_never_a_pass(tmp_path: Path) -> None:
    got = _judge(tmp_path, [
        [1, "Cù Văn Cường", "Lao động tiên tiến", "Loại B", "Hoàn thành tốt nhiệm vụ", ""],
        [2, "Doãn Thị Dung", "Lao động tiên tiến", "", "Hoàn thành tốt nhiệm vụ", ""],
    ])
    out = got["Cù Văn Cường"]
    assert out["verdict"] == "review", out["findings"]
    (f,) = [f for f in out["findings"] if f["code"] == "rules.unclear-fact"]
    assert f["cell"] == "D2" and "Loại B" in f["message"]
    assert got["Doãn Thị Dung"]["verdict"] == "pass"  # an empty cell says nothing: công trạng as every pack

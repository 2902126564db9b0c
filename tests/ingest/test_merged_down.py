"""A value merged down over several data rows belongs to every row it covers (the discipline of a whole
team, a rating typed once for a group); merged header cells and a person written over two rows are not
copied; the parallel slice reader sees the same merges as the plain read."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tdkt.ingest import read_nominations, xlsx_slices
from tdkt.ingest.sources import read_sheets
from tests.ingest.book import write_book

HEADER = ["STT", "Họ và tên", "Chức vụ", "Xếp loại năm 2025", "Kỷ luật", "Danh hiệu đề nghị"]


def test_a_discipline_merged_over_a_team_disciplines_each_member(tmp_path: Path) -> None:
    # Rows 3-5: one reprimand typed once for the three people of a team (E3:E5); the rating merged over
    # rows 6-7 (D6:D7) and the award over every row (F3:F7).
    path = write_book(tmp_path / "gop.xlsx", [
        ["DANH SÁCH ĐỀ NGHỊ DANH HIỆU NĂM 2025"],
        HEADER,
        [1, "Mai Thị Thoa", "Tổ trưởng", "Hoàn thành tốt nhiệm vụ", "Khiển trách", "Lao động tiên tiến"],
        [2, "Lạc Văn Trung", "Nhân viên", "Hoàn thành tốt nhiệm vụ", None, None],
        [3, "Ninh Thị Gấm", "Nhân viên", "Hoàn thành tốt nhiệm vụ", None, None],
        [4, "Đoàn Văn Kiên", "Nhân viên", "Hoàn thành xuất sắc nhiệm vụ", None, None],
        [5, "Tống Thị Lụa", "Nhân viên", None, None, None],
    ], ["E3:E5", "D6:D7", "F3:F7"])
    result = read_nominations([path])
    people = {n.name: n for n in result.nominees}
    assert len(people) == 5
    for name in ("Mai Thị Thoa", "Lạc Văn Trung", "Ninh Thị Gấm"):
        assert [d.form for d in people[name].disciplines] == ["khien_trach"], name
    assert not people["Đoàn Văn Kiên"].disciplines
    assert [h.rating for h in people["Tống Thị Lụa"].history] == ["htxs"]
    assert {n.award for n in result.nominees} == {"lao_dong_tien_tien"}
    merged = {f.cell.a1 for f in result.findings if f.code == "ingest.merged-down" and f.cell}
    assert merged == {"E3", "D6", "F3"}


def test_a_person_over_two_rows_and_merged_header_cells_are_not_copied(tmp_path: Path) -> None:
    # The header's "STT" and "Họ và tên" merged over its two rows, and one person written over two rows
    # (STT and name merged, a second line for a second initiative): still one nominee, no header copied
    # into the data.
    path = write_book(tmp_path / "hai-dong.xlsx", [
        ["STT", "Họ và tên", "Xếp loại", None, "Danh hiệu đề nghị"],
        [None, None, "Năm 2024", "Năm 2025", None],
        [1, "Thân Văn Hải", "Hoàn thành tốt nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Lao động tiên tiến"],
        [None, None, None, None, "Lao động tiên tiến"],
        [2, "Kha Thị Nụ", "Hoàn thành tốt nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Lao động tiên tiến"],
    ], ["A1:A2", "B1:B2", "E1:E2", "C1:D1", "A3:A4", "B3:B4"])
    result = read_nominations([path])
    assert [n.name for n in result.nominees] == ["Thân Văn Hải", "Kha Thị Nụ"]
    assert [(h.year, h.rating) for h in result.nominees[0].history] == [(2024, "httnv"), (2025, "httnv")]
    assert not [f for f in result.findings if f.code == "ingest.merged-down"]


@pytest.mark.fast_path  # the slice reader itself: off under TDKT_PLAIN=1
def test_the_slice_reader_finds_the_merges_of_the_plain_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows: list[list[Any]] = [HEADER]
    for i in range(1, 300):
        rows.append([i, f"Người số {i}", "Nhân viên", "Hoàn thành tốt nhiệm vụ" if i % 4 == 1 else None,
                     None, "Lao động tiên tiến"])
    merges = [f"D{r}:D{r + 3}" for r in range(2, 290, 4)] + ["E10:E40", "A1:B1"]
    path = write_book(tmp_path / "lon.xlsx", rows, merges)
    monkeypatch.setattr(xlsx_slices, "_SPLIT_MIN_BYTES", 1 << 62)
    (plain,) = read_sheets(path)
    calls: list[int] = []
    collect = xlsx_slices._collect
    monkeypatch.setattr(xlsx_slices, "_collect", lambda *a: calls.append(1) or collect(*a))
    for name, value in (("_SPLIT_MIN_BYTES", 0), ("_SPLIT_CHUNKS", 6), ("_SST_WEIGHT", 0), ("_PIECE", 256)):
        monkeypatch.setattr(xlsx_slices, name, value)
    monkeypatch.setattr(xlsx_slices, "_cpus", lambda: 2)
    (fast,) = read_sheets(path)
    assert calls
    assert fast.rows == plain.rows and fast.merged == plain.merged
    assert (1, 3, 4, 3) in plain.merged and (9, 4, 39, 4) in plain.merged and len(plain.merged) == len(merges)


NAMES = ["Âu Thị An", "Bế Văn Bình", "Cù Thị Chi", "Doãn Văn Dũng", "Giáp Thị Giang", "Hầu Văn Hải", "Kiều Thị Khánh",
         "La Văn Lộc"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=st.integers(0, 6), k=st.integers(2, 8), column=st.sampled_from(["rating", "discipline"]))
def test_a_value_merged_over_k_rows_is_a_fact_of_each_of_the_k(first: int, k: int, column: str) -> None:
    """Issue 13, invariant 3: a value merged down over k data rows is a fact of all k rows and of no other."""
    k = min(k, len(NAMES) - first)
    rows: list[list[Any]] = [["DANH SÁCH ĐỀ NGHỊ DANH HIỆU NĂM 2025"], HEADER]
    for i, name in enumerate(NAMES):
        rows.append([i + 1, name, "Nhân viên", "Hoàn thành tốt nhiệm vụ", None, "Lao động tiên tiến"])
    col = {"rating": 3, "discipline": 4}[column]
    value = {"rating": "Hoàn thành xuất sắc nhiệm vụ", "discipline": "Khiển trách"}[column]
    top = 3 + first  # sheet row of the merge's first data row
    rows[top - 1][col] = value
    for r in range(top + 1, top + k):
        rows[r - 1][col] = None
    letter = "ABCDEF"[col]
    with tempfile.TemporaryDirectory() as tmp:
        path = write_book(Path(tmp) / "gop.xlsx", rows, [f"{letter}{top}:{letter}{top + k - 1}"])
        people = {n.name: n for n in read_nominations([path]).nominees}
    assert len(people) == len(NAMES)
    covered = set(NAMES[first:first + k])
    for name, n in people.items():
        if column == "rating":
            got = [h.rating for h in n.history if h.year == 2025]
            assert got == (["htxs"] if name in covered else ["httnv"]), (name, got)
        else:
            got = [d.form for d in n.disciplines]
            assert got == (["khien_trach"] if name in covered else []), (name, got)

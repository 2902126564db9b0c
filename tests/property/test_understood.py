"""Issue 13, invariant 2 — "Đạt" only on understood facts — as properties of the whole read-and-judge path.

A valid two-row list (NĐ 98, year 2024): an LĐTT and a CSTĐCS who both pass. For each cell that decides
a criterion of the row's award (checked first: a known disqualifying value there makes the row not
pass),

* an arbitrary text written in the cell leaves the row "Đạt" only when the vocabulary reads it as a
  value that meets the criterion (hypothesis);
* a list without that column never leaves the row "Đạt";
* a row that is "cần xem xét" because a cell was not understood names that cell in a finding.

``test_a_handler_that_drops_a_value_is_caught`` breaks a handler on purpose (the discipline column's
values are dropped, as "Kỷ luật năm 2021" once was) and shows that the checks below find it.

The recruitment date is left out on purpose: the packs say a list without it is noted, not reviewed
(``if_missing: note`` of the service criterion, TT 01/2024 Điều 1 k5 d).
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tdkt.ingest import legacy, values
from tdkt.ingest.layout import resolve_award
from tdkt.text import clean, fold

HEADER = ["STT", "Họ và tên", "Đơn vị", "Danh hiệu đề nghị", "Xếp loại năm 2024", "Danh hiệu năm 2024",
          "Số sáng kiến", "Cấp công nhận sáng kiến", "Hình thức kỷ luật", "Ngày tuyển dụng"]
ROWS: list[list[Any]] = [
    [1, "Nguyễn Văn An", "Sở Nội vụ", "Lao động tiên tiến", "Hoàn thành tốt nhiệm vụ", None, None, None, None,
     "01/03/2015"],
    [2, "Trần Thị Bình", "Sở Nội vụ", "Chiến sĩ thi đua cơ sở", "Hoàn thành tốt nhiệm vụ", "Lao động tiên tiến", 1,
     "Cơ sở", None, "01/03/2015"],
]
RATING, TITLE, COUNT, LEVEL, DISCIPLINE = 4, 5, 6, 7, 8
NEGATIVES = {"", "khong", "khong co", "0", "khong bi ky luat"}  # written here, not taken from the vocabulary


def _meets(col: int, text: str) -> bool:
    """Whether the vocabulary reads ``text`` (as the tool reads it: legacy fonts converted) as a value
    that meets the row's criterion on that cell."""
    text = clean(legacy.convert(text)[0])
    if col == RATING:
        return values.to_rating(text) in ("htxs", "httnv")
    if col == DISCIPLINE:
        return fold(text) in NEGATIVES or values.placeholder(text) or values.to_discipline(text) is None
    if col == COUNT:
        n = values.to_int(text)
        return isinstance(n, int) and n >= 1
    if col == LEVEL:
        return values.to_level(text) in ("co_so", "bo_tinh", "toan_quoc")
    if col == TITLE:
        parts = [p.strip() for p in re.split(r"[,;+/\n]| và ", text) if p.strip()]
        return "lao_dong_tien_tien" in {resolve_award(p, None) for p in parts} or values.to_bool(text) is True
    raise AssertionError(col)


# (row, column) of every cell that decides a criterion of the row's award, with a value that fails it.
DECISIVE: dict[tuple[int, int], object] = {
    (0, RATING): "Hoàn thành nhiệm vụ", (0, DISCIPLINE): "Khiển trách",
    (1, COUNT): 0, (1, LEVEL): "Chưa công nhận", (1, DISCIPLINE): "Cảnh cáo",
}
# Not decisive: the CSTĐCS's title of the year (NĐ 98's "đạt tiêu chuẩn LĐTT" is met by the rating too).


def judge(rows: list[list[Any]], header: list[str] = HEADER) -> list[dict[str, Any]]:
    """The nominees of the list as ``tdkt validate`` judges them (NĐ 98, year 2024)."""
    from openpyxl import Workbook

    from tdkt.validation import validate_files

    with tempfile.TemporaryDirectory() as tmp:
        wb = Workbook()
        ws = wb.active
        assert ws is not None
        ws.title = "DS"
        ws.append(header)
        for r in rows:
            ws.append(r)
        path = Path(tmp) / "ds.xlsx"
        wb.save(path)
        doc = validate_files([path], rules="nd98-2023", year=2024, store=False, cwd=Path(tmp)).to_dict()
    return doc["nominees"]  # type: ignore[no-any-return]


def _with(row: int, col: int, value: object) -> list[list[Any]]:
    rows = [list(r) for r in ROWS]
    rows[row][col] = value
    return rows


def _without(col: int) -> tuple[list[list[Any]], list[str]]:
    return [r[:col] + r[col + 1:] for r in ROWS], HEADER[:col] + HEADER[col + 1:]


def _names_cell(n: dict[str, Any], cell: str) -> bool:
    return any(f["cell"] == cell and f["severity"] in ("error", "warning") for f in n["findings"])


def violations_of_unknown_text(row: int, col: int, text: str) -> list[str]:
    n = judge(_with(row, col, text))[row]
    if n["verdict"] == "pass" and not _meets(col, text):
        return [f"{HEADER[col]!r} = {text!r}: Đạt"]
    blank = values.placeholder(clean(text))  # nothing written: the row, not a cell, lacks the fact
    if n["verdict"] == "review" and not blank and not _meets(col, text) and not _names_cell(n, f"{chr(65 + col)}{row + 2}"):
        return [f"{HEADER[col]!r} = {text!r}: review without naming the cell"]
    return []


def violations_of_missing_column(row: int, col: int) -> list[str]:
    rows, header = _without(col)
    n = judge(rows, header)[row]
    return [f"without {HEADER[col]!r}: Đạt"] if n["verdict"] == "pass" else []


# ----------------------------------------------------------------------------------- the properties


def test_the_base_list_passes_and_each_decisive_cell_decides() -> None:
    assert [n["verdict"] for n in judge(ROWS)] == ["pass", "pass"]
    for (row, col), bad in DECISIVE.items():
        n = judge(_with(row, col, bad))[row]
        assert n["verdict"] != "pass", (HEADER[col], bad)


# Text as units type it: Vietnamese letters, digits, the punctuation of cells; and some near-misses.
TEXT = st.text(alphabet=st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyAĐHKLTXàáảãạềếệọụứựỳ0123456789 -?./()x")),
               min_size=1, max_size=24)


@pytest.mark.parametrize("cell", list(DECISIVE), ids=[f"{r}-{HEADER[c]}" for r, c in DECISIVE])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT)
@example(text="?")
@example(text="HT xuất sắc NV")
@example(text="Khá")
@example(text="chờ đánh giá")
def test_unknown_text_in_a_decisive_cell_never_passes(cell: tuple[int, int], text: str) -> None:
    assert violations_of_unknown_text(*cell, text) == []


@pytest.mark.parametrize("cell", list(DECISIVE), ids=[f"{r}-{HEADER[c]}" for r, c in DECISIVE])
def test_a_list_without_a_decisive_column_never_passes_the_row(cell: tuple[int, int]) -> None:
    assert violations_of_missing_column(*cell) == []


def test_a_handler_that_drops_a_value_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """The checks above are not vacuous: with the discipline column's values dropped on reading, they fail."""
    from tdkt.ingest import fields

    def dropping(value: object, col: Any, facts: Any, ctx: Any) -> None:  # reads nothing, says nothing
        return None

    broken: dict[str, Callable[..., None]] = {**fields.HANDLERS, "discipline": dropping}
    monkeypatch.setattr(fields, "HANDLERS", broken)
    assert violations_of_unknown_text(0, DISCIPLINE, "Khiển trách") != []
    assert violations_of_unknown_text(1, DISCIPLINE, "Đang bị xem xét kỷ luật") != []

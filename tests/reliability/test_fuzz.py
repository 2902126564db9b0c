"""Fuzz the two CSV readers through the CLI (issue 19, "Done when"): arbitrary bytes, and arbitrary cell
values in CSV shape and in every encoding tdkt reads, given to ``tally`` (the ballot reader) and to
``ingest`` / ``validate`` (the nominations reader). Whatever the file holds: no traceback, no
"Lỗi nội bộ" (exit 4), an exit code among 0, 1 and 3 only (design.md §4), and on exit 3 nothing
written: no file appears, and the round's register is unchanged."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import Round, register_state

FUZZ = settings(max_examples=40, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

MARKS = ["x", "X", "1", "0", "đồng ý", "không đồng ý", "không", "", " ", "x?", "(x)", "=1+1", "-", "05", "5",
         "Tại hội nghị", "Ý kiến bằng văn bản", "Phiếu trắng"]
HEADERS = ["Số phiếu", "Loại phiếu", "Nguyễn Văn An", "Trần Thị Bình", "Nguyễn Văn An", "STT", "Họ và tên",
           "Đơn vị", "Đơn vị công tác", "Chức vụ", "Giới tính", "Ngày sinh", "Đề nghị", "Hình thức đề nghị",
           "Danh hiệu năm 2021", "Xếp loại năm 2021", "Sáng kiến", "Kỷ luật", "Ghi chú", "Số CCCD"]
VALUES = ["Lao động tiên tiến", "Chiến sĩ thi đua cơ sở", "CSTĐ cơ sở", "Bằng khen của Chủ tịch UBND tỉnh",
          "Hoàn thành xuất sắc nhiệm vụ", "HTXSNV", "Nam", "Nữ", "01/02/1980", "1980", "Sở Tư pháp",
          "Cộng: 3 người", "Tổng cộng", "1", "2", "3", "(1)", "'=HYPERLINK(\"x\")", "Khiển trách"]
ODD = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
CELL = st.one_of(st.sampled_from(MARKS + VALUES + HEADERS), ODD,
                 st.sampled_from(["\u2028", "\x85", "\x0c", "\r", "\n", "\"", ",", ";", "\t", "\u202e", "\ufeff"]))
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1258"]


@st.composite
def csv_files(draw: Any, header: list[str]) -> bytes:
    """A CSV in shape: a header (from ``header`` and odd text), rows of marks, values and odd text,
    written with a delimiter and an encoding tdkt accepts (or could meet)."""
    cols = draw(st.lists(st.one_of(st.sampled_from(header), ODD), min_size=1, max_size=8))
    rows = draw(st.lists(st.lists(CELL, min_size=0, max_size=len(cols) + 2), max_size=12))
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator=draw(st.sampled_from(["\r\n", "\n"])))
    for row in [cols, *rows]:
        writer.writerow(row)
    return buf.getvalue().encode(draw(st.sampled_from(ENCODINGS)), errors="replace")


ANY_FILE = st.one_of(st.binary(max_size=600), csv_files(HEADERS))


def _files(root: Path) -> dict[str, int]:
    return {str(p.relative_to(root)): p.stat().st_mtime_ns for p in root.rglob("*") if p.is_file()}


def _check(r: Any, before: dict[str, int], root: Path) -> None:
    assert "Traceback" not in r.stderr and "Lỗi nội bộ" not in r.stderr, r.stderr
    assert r.exit_code in (0, 1, 3), (r.exit_code, r.stderr)
    if r.exit_code == 3:
        assert _files(root) == before
        assert r.stderr.strip()


@FUZZ
@given(data=ANY_FILE)
def test_fuzz_the_ballot_reader(cli: Any, sqlite_round: Round, data: bytes) -> None:
    rnd = sqlite_round
    path = rnd.root / "phieu-thu.csv"
    path.write_bytes(data)
    state = register_state(rnd.url)
    before = _files(rnd.root)
    r = cli(["tally", path, "--format", "json"])
    _check(r, before, rnd.root)
    if r.exit_code == 3:
        assert register_state(rnd.url) == state


@FUZZ
@given(data=ANY_FILE)
def test_fuzz_the_nominations_reader(cli: Any, sqlite_round: Round, data: bytes) -> None:
    rnd = sqlite_round
    path = rnd.root / "danh-sach-thu.csv"
    path.write_bytes(data)
    before = _files(rnd.root)
    r = cli(["ingest", path, "--format", "json"])
    _check(r, before, rnd.root)
    state = register_state(rnd.url)
    before = _files(rnd.root)
    r = cli(["validate", path, "--format", "json"])
    _check(r, before, rnd.root)
    if r.exit_code == 3:
        assert register_state(rnd.url) == state

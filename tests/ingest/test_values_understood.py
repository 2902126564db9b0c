"""The value parsers read every way units write a value, and never read as "none" a text they do not
understand (issue 13): one passing and one failing case per form."""

from __future__ import annotations

from pathlib import Path

import pytest

from tdkt.ingest import values


@pytest.mark.parametrize(("text", "want"), [
    ("HT xuất sắc NV", "htxs"), ("HTXS nhiệm vụ", "htxs"), ("Hoàn thành tốt NV", "httnv"),
    ("HTT nhiệm vụ", "httnv"), ("Hoàn thành NV", "htnv"), ("Không hoàn thành NV", "khtnv"), ("-", None), ("/", None),
])
def test_ratings_with_nhiem_vu_written_out_or_short(text: str, want: str | None) -> None:
    assert values.to_rating(text) == want


@pytest.mark.parametrize("text", ["Khá", "?", "NV", "nhiệm vụ", "chờ đánh giá", "*"])
def test_a_rating_not_understood_is_bad_never_none(text: str) -> None:
    assert values.to_rating(text) is values.BAD


@pytest.mark.parametrize("text", ["?", "*", "!!"])
def test_punctuation_is_not_a_negative_in_any_parser(text: str) -> None:
    assert values.to_discipline(text) == ("other", text)
    for parse in (values.to_gender, values.to_kind, values.to_level):
        assert parse(text) is values.BAD, parse


@pytest.mark.parametrize(("text", "want"), [("-", 0), ("Không", 0), ("không có", 0), ("03", 3), ("2 người", 2)])
def test_counts_with_words_and_dashes(text: str, want: int) -> None:
    assert values.to_int(text) == want


def test_counts_that_are_not_counts() -> None:
    assert values.to_int("nhiều") is values.BAD
    assert values.to_int("?") is values.BAD


@pytest.mark.parametrize(("note", "said"), [
    ("Đang bị thanh tra, kiểm tra", ["Đang bị thanh tra, kiểm tra"]),
    ("Nghỉ thai sản 6 tháng; khiển trách năm 2024", ["khiển trách năm 2024"]),
    ("Không bị kỷ luật", []), ("Chưa bị xem xét kỷ luật", []), ("Nghỉ thai sản", []), ("Chuyển công tác", []),
])
def test_a_note_states_a_discipline_only_in_its_words(note: str, said: list[str]) -> None:
    assert values.note_disciplines(note) == said


def test_a_discipline_written_in_the_note_reaches_the_verdict(tmp_path: Path) -> None:
    from openpyxl import Workbook

    from tdkt.validation import validate_files

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["STT", "Họ và tên", "Danh hiệu đề nghị", "Xếp loại năm 2024", "Hình thức kỷ luật", "Ghi chú"])
    ws.append([1, "Phan Thị Nguyệt", "Lao động tiên tiến", "HTTNV", None, "Đang bị thanh tra công vụ"])
    ws.append([2, "Kiều Văn Sơn", "Lao động tiên tiến", "HTTNV", None, "Không bị kỷ luật"])
    ws.append([3, "Lạc Thị Duyên", "Lao động tiên tiến", "HTTNV", None, "Khiển trách năm 2024"])
    wb.save(tmp_path / "ds.xlsx")
    doc = validate_files([tmp_path / "ds.xlsx"], rules="nd98-2023", year=2024, store=False, cwd=tmp_path).to_dict()
    got = {n["name"]: n for n in doc["nominees"]}
    assert got["Kiều Văn Sơn"]["verdict"] == "pass"
    for name, row in (("Phan Thị Nguyệt", 2), ("Lạc Thị Duyên", 4)):
        n = got[name]
        assert n["verdict"] == "fail", name
        assert any(f["cell"] == f"F{row}" and f["severity"] == "error" for f in n["findings"]), n["findings"]

"""read_sheets / decode_csv on real files: every format, every CSV encoding, every kind of broken file."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest

from tdkt.errors import InputError
from tdkt.ingest.sources import decode_csv, read_sheets

EXPECTED_CSV_NAMES = ["Nguyễn Thị Ánh Tuyết", "Đặng Quốc Việt"]


@pytest.mark.parametrize(
    "name", ["list-utf8.csv", "list-utf8-bom.csv", "list-utf16.csv", "list-cp1258.csv", "list.ods"]
)
def test_each_encoding_and_ods_reads_the_same_rows(data: Path, name: str) -> None:
    (sheet,) = read_sheets(data / name)
    assert sheet.rows[0][:2] == ["STT", "Họ và tên"]
    assert [r[1] for r in sheet.rows[1:]] == EXPECTED_CSV_NAMES
    assert sheet.rows[2][4] == "Sở Tư pháp, tỉnh Hải Đông"  # a quoted separator stays inside the cell
    for row in sheet.rows:
        for v in row:
            assert not isinstance(v, str) or unicodedata.is_normalized("NFC", v)


def test_cp1258_bytes_hold_combining_tones_that_come_back_composed(data: Path) -> None:
    raw = (data / "list-cp1258.csv").read_bytes()
    assert b"\xec" in raw or b"\xf2" in raw or b"\xde" in raw  # cp1258 combining tone bytes are present
    text = decode_csv(raw, data / "list-cp1258.csv")
    assert "Nguyễn Thị Ánh Tuyết" in text


def test_workbook_values_are_normalised(data: Path) -> None:
    sheets = {s.name: s for s in read_sheets(data / "provincial.xlsx")}
    assert list(sheets) == ["Cá nhân", "Tập thể", "DANHMUC"]
    assert sheets["DANHMUC"].hidden and not sheets["Cá nhân"].hidden
    rows = sheets["Cá nhân"].rows
    first = rows[8]
    assert first[0] == 1 and isinstance(first[0], int)  # integral float → int
    assert first[3] == dt.date(1980, 5, 17)  # a real date cell
    assert rows[9][3] == "1975"  # text stays text
    assert first[4] == "001180012345"  # leading zeros kept
    assert rows[1][1] is None  # '' → None


def test_xls_is_read_like_the_xlsx(data: Path) -> None:
    path = data / "provincial.xls"
    if not path.exists():
        pytest.skip("provincial.xls is produced by LibreOffice Calc, which was not available")
    xls = {s.name: s for s in read_sheets(path)}
    xlsx = {s.name: s for s in read_sheets(data / "provincial.xlsx")}
    assert xls["Cá nhân"].rows[8][:3] == xlsx["Cá nhân"].rows[8][:3]


@pytest.mark.parametrize(
    ("name", "code", "words"),
    [
        ("empty.xlsx", "input.empty", "rỗng"),
        ("text-named.xlsx", "input.mislabelled", "không phải bảng tính"),
        ("html-named.xls", "input.mislabelled", "HTML"),
        ("word-named.xlsx", "input.mislabelled", "văn bản Word"),
        ("truncated.xlsx", "input.damaged", "bị hỏng"),
        ("encrypted.xlsx", "input.encrypted", "mật khẩu"),
        ("bomb.xlsx", "input.zip-bomb", "zip bomb"),
        ("entities.xlsx", "input.unsafe-xml", "không an toàn"),
        ("binary.csv", "input.mislabelled", "nhị phân"),
    ],
)
def test_broken_files_raise_one_vietnamese_message_naming_the_file(
    data: Path, name: str, code: str, words: str
) -> None:
    with pytest.raises(InputError) as info:
        read_sheets(data / "broken" / name)
    assert info.value.code == code
    assert name in info.value.message and words in info.value.message


def test_missing_file_and_unknown_extension(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="Không tìm thấy"):
        read_sheets(tmp_path / "nope.xlsx")
    odd = tmp_path / "list.pdf"
    odd.write_bytes(b"%PDF-1.4")
    with pytest.raises(InputError, match=r"list\.pdf"):
        read_sheets(odd)


def test_undecodable_csv_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\xff\xfe" + b"\x00\xd8")  # a UTF-16 BOM then a lone high surrogate
    with pytest.raises(InputError, match=r"bad\.csv"):
        read_sheets(bad)

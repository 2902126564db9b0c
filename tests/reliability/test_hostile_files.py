"""Hostile and odd input files (report #12–#16, #22, #28; issue 13 item 8): limits before work, one
Vietnamese line and exit 3, and CSV read over its head."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tdkt.errors import InputError
from tdkt.ingest.sources import read_sheets

from .conftest import flat, one_message

HEADER = "STT;Họ và tên;Đơn vị công tác;Hình thức đề nghị khen thưởng"
ROWS = ["1;Nguyễn Văn An;Sở Y tế, tỉnh Hải Đông;Lao động tiên tiến", "2;Lê Thị Hoa;Sở Tư pháp;Lao động tiên tiến"]


def _encode(text: str, encoding: str) -> bytes:
    if encoding == "cp1258":  # as Excel writes it: base letter + combining tone where the page lacks one
        from tests.make_ingest_fixtures import to_cp1258

        return to_cp1258(text)
    return text.encode(encoding)


def _records(path: Path) -> list[dict[str, Any]]:
    from typer.testing import CliRunner

    from tdkt.cli import app

    r = CliRunner().invoke(app, ["ingest", str(path), "--format", "json"], catch_exceptions=False)
    assert r.exit_code in (0, 1), r.stderr
    doc = json.loads(r.stdout)
    return [rec for f in doc["files"] for s in f["sheets"] for rec in s["records"]]


# --- issue 13 item 8: the separator and the encoding over the head of the file ----------------------


@pytest.mark.parametrize("titles", [
    [],
    ["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2021"],
    ["ỦY BAN NHÂN DÂN TỈNH HẢI ĐÔNG", "", "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG, NĂM 2021", "(Kèm theo Tờ trình số 45)"],
    ["Danh sách, gồm: cá nhân, tập thể, hộ gia đình"],  # more commas than the header has separators
])  # fmt: skip
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1258"])
def test_13_8_title_lines_above_the_header_do_not_decide_the_separator(tmp_path: Path, titles: list[str],
                                                                       encoding: str) -> None:
    path = tmp_path / "ds.csv"
    path.write_bytes(_encode("\r\n".join([*titles, HEADER, *ROWS, ""]), encoding))
    recs = _records(path)
    assert [r["name"] for r in recs] == ["Nguyễn Văn An", "Lê Thị Hoa"]
    assert recs[0]["unit"] == "Sở Y tế, tỉnh Hải Đông"


def test_13_8_tab_and_comma_files_are_still_recognised() -> None:
    from tdkt.ingest.delimited import sniff_delimiter

    assert sniff_delimiter("TIÊU ĐỀ\nA\tB\tC\n1\t2\t3\n") == "\t"
    assert sniff_delimiter('Tiêu đề\na,b,c\n"x, y",2,3\n') == ","
    assert sniff_delimiter("chỉ một cột\nmột\nhai\n") == ","


def test_13_8_a_damaged_utf8_file_is_refused_not_read_as_windows_1258(tmp_path: Path) -> None:
    good = "Họ và tên,Đơn vị\nNguyễn Văn An,Sở Y tế\n".encode()
    path = tmp_path / "hong.csv"
    path.write_bytes(good + b"L\xea Th\xcb Hoa,S\xa0 T\n")
    with pytest.raises(InputError) as info:
        read_sheets(path)
    assert "UTF-8" in info.value.message and "dòng 3" in info.value.message


def test_13_8_windows_1258_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "ds.csv"
    path.write_bytes(_encode("\r\n".join([HEADER, *ROWS]), "cp1258"))
    assert [r["name"] for r in _records(path)] == ["Nguyễn Văn An", "Lê Thị Hoa"]


def test_13_8_utf16_without_bom_is_recognised_over_the_head(tmp_path: Path) -> None:
    path = tmp_path / "ds.csv"
    path.write_bytes("\r\n".join([HEADER, *ROWS]).replace(";", "\t").encode("utf-16-le"))
    assert [r["name"] for r in _records(path)] == ["Nguyễn Văn An", "Lê Thị Hoa"]


# --- #16: CSV limits -------------------------------------------------------------------------------


@pytest.mark.parametrize("fields", [16_385, 200_000, 5_000_000])
def test_16_a_header_with_more_columns_than_excel_is_exit_3(cli: Any, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch, fields: int) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "rong.csv"
    path.write_text("Họ và tên," + ",".join(["c"] * fields) + "\nNguyễn Văn An\n", encoding="utf-8")
    r = cli(["ingest", path])
    assert r.exit_code == 3
    assert "dòng 1" in flat(r.stderr) and one_message(r.stderr)
    assert ("16.384 cột" if fields < 1_000_000 else "4.194.304 ký tự") in flat(r.stderr)


def test_16_a_quoted_wide_row_is_exit_3_too(tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    path.write_text("a,b\n" + ",".join(f'"{i}"' for i in range(20_000)) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_sheets(path)
    assert "dòng 2" in info.value.message


def test_16_the_limits_are_excel_s(tmp_path: Path) -> None:
    path = tmp_path / "du.csv"
    path.write_text("Họ và tên," + ",".join(["c"] * 16_383) + "\nNguyễn Văn An\n", encoding="utf-8")
    (sheet,) = read_sheets(path)
    assert len(sheet.rows[0]) == 16_384


def test_16_a_line_longer_than_the_limit_and_a_huge_field_are_exit_3(tmp_path: Path) -> None:
    for text in ("a,b\n" + "x" * (4 * 1024**2 + 1) + "\n", 'a,b\n"' + "x" * 200_000 + '",2\n'):
        path = tmp_path / "dai.csv"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(InputError) as info:
            read_sheets(path)
        assert "dòng 2" in info.value.message

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


# --- #12, #13, #14: the box calamine would build, and bombs within the zip limits ------------------


def _sparse_workbook(path: Path, cells: dict[str, str], *, rows_without_numbers: int = 0) -> Path:
    """A minimal .xlsx written by hand (as a crafted file is): inline strings at the given references."""
    import re
    import zipfile

    by_row: dict[int, list[str]] = {}
    for ref, value in cells.items():
        row = int(re.sub(r"[A-Z]", "", ref))
        cell = f'<c r="{ref}"/>' if value == "" else f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'
        by_row.setdefault(row, []).append(cell)
    body = "".join(f'<row r="{r}">{"".join(c)}</row>' for r, c in sorted(by_row.items()))
    body += '<row><c t="inlineStr"><is><t>x</t></is></c></row>' * rows_without_numbers
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                   'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" '
                   'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
        z.writestr("_rels/.rels", f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                                  f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/>'
                                  "</Relationships>")
        z.writestr("xl/_rels/workbook.xml.rels",
                   f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", f'<workbook {ns} xmlns:r="{rel}"><sheets>'
                                      '<sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/worksheets/sheet1.xml", f'<worksheet {ns}><dimension ref="A1:B2"/><sheetData>{body}'
                                               "</sheetData></worksheet>")
    return path


LIST = {"A1": "Họ và tên", "B1": "Đơn vị", "A2": "Nguyễn Văn An", "B2": "Sở Y tế"}


def _list_of(rows: int) -> dict[str, str]:
    return {**LIST, **{f"A{r}": f"Người Thứ {r}" for r in range(3, rows + 1)}}


@pytest.mark.parametrize(("far", "rows"), [("XFD1048576", 2), ("XFD1", 5_000), ("XFD5000", 5_000), ("ZZ40000", 2)])
def test_12_13_a_far_cell_is_exit_3_before_calamine_builds_the_box(cli: Any, tmp_path: Path, far: str, rows: int,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = _sparse_workbook(tmp_path / "xa.xlsx", {**_list_of(rows), far: "."})  # the <dimension> says A1:B2
    r = cli(["ingest", path])
    assert r.exit_code == 3, r.stderr
    assert one_message(r.stderr) and f"ô {far}" in flat(r.stderr)


@pytest.mark.parametrize("far", ["XFD1", "AB5000"])
def test_13_a_formatted_empty_cell_far_right_is_read_as_nothing(tmp_path: Path, far: str) -> None:
    path = _sparse_workbook(tmp_path / "dinh-dang.xlsx", {**LIST, far: ""})
    (sheet,) = read_sheets(path)
    assert sheet.rows == [["Họ và tên", "Đơn vị"], ["Nguyễn Văn An", "Sở Y tế"]]


def test_13_an_empty_string_far_right_counts_as_a_value(tmp_path: Path) -> None:
    path = _sparse_workbook(tmp_path / "rong.xlsx", {**_list_of(5_000), "XFD1": "<!---->"})
    with pytest.raises(InputError, match="XFD1"):
        read_sheets(path)


def test_13_a_far_cell_in_a_short_sheet_is_within_the_limit(tmp_path: Path) -> None:
    (sheet,) = read_sheets(_sparse_workbook(tmp_path / "ngan.xlsx", {**LIST, "XFD1": "."}))
    assert len(sheet.rows[0]) == 16_384  # 2 rows × 16,384 columns: a box tdkt can hold


def test_13_a_wide_but_real_sheet_is_still_read(tmp_path: Path) -> None:
    cells = {f"{_col(c)}{r}": f"{r}-{c}" for r in range(1, 40) for c in range(1, 400)}  # 400 columns, 39 rows
    (sheet,) = read_sheets(_sparse_workbook(tmp_path / "rong-that.xlsx", cells))
    assert len(sheet.rows) == 39 and len(sheet.rows[0]) == 399


def _col(n: int) -> str:
    from tdkt.findings import column_letter

    return column_letter(n - 1)


def test_14_more_rows_than_excel_is_exit_3(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for path in (_sparse_workbook(tmp_path / "bom.xlsx", {**LIST, "A1048577": "x"}),
                 _sparse_workbook(tmp_path / "bom2.xlsx", LIST, rows_without_numbers=1_048_580)):
        r = cli(["ingest", path])
        assert r.exit_code == 3, r.stderr
        assert "1.048.576 dòng" in flat(r.stderr)


def test_14_a_zip_inflating_past_512_mb_is_refused(tmp_path: Path) -> None:
    import zipfile

    path = _sparse_workbook(tmp_path / "bom3.xlsx", LIST)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as z, z.open("xl/media/big.bin", "w") as fh:
        block = b"\0" * 2**20
        for _ in range(520):
            fh.write(block)
    with pytest.raises(InputError) as info:
        read_sheets(path)
    assert info.value.code == "input.zip-bomb"


# --- #22, #28 ---------------------------------------------------------------------------------


def test_22_one_flipped_byte_inside_a_compressed_part_is_exit_3(cli: Any, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil
    import zipfile

    monkeypatch.chdir(tmp_path)
    path = tmp_path / "hong.xlsx"
    shutil.copy(Path(__file__).parents[2] / "examples" / "2022-1" / "danh-sach-ca-nhan.xlsx", path)
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    seen: set[int] = set()
    for offset in range(start + 40, start + info.compress_size - 40, max(info.compress_size // 12, 1)):
        broken = bytearray(data)
        broken[offset] ^= 0x55
        path.write_bytes(bytes(broken))
        r = cli(["ingest", path])
        seen.add(r.exit_code)
        assert r.exit_code == 3, r.stderr
        assert "bị hỏng" in flat(r.stderr) and "Lỗi nội bộ" not in r.stderr
    assert seen == {3}


def test_28_an_xlsx_named_xls_is_named_for_what_it_is(tmp_path: Path) -> None:
    import shutil

    path = tmp_path / "ds.xls"
    shutil.copy(Path(__file__).parents[2] / "examples" / "2022-1" / "danh-sach-ca-nhan.xlsx", path)
    with pytest.raises(InputError) as info:
        read_sheets(path)
    assert info.value.code == "input.mislabelled" and ".xlsx" in info.value.message
    assert "Cfb" not in info.value.message and "OLE" not in info.value.message

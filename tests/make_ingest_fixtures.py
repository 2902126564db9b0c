"""Regenerate the ingest fixtures in tests/data/ingest/ (run: .venv/bin/python tests/make_ingest_fixtures.py).

Every name and number here is invented. Workbooks are written with XlsxWriter with a fixed creation
date, and the .ods by hand (a minimal OpenDocument zip), so the output is byte-for-byte repeatable;
the one exception is ``provincial.xls``, which LibreOffice converts from ``provincial.xlsx`` when
``soffice`` is installed (the committed copy is kept otherwise).
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import xlsxwriter

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tdkt.ingest.legacy import encode

OUT = Path(__file__).resolve().parent / "data" / "ingest"
CREATED = dt.datetime(2024, 1, 2, 3, 4, 5)
FIXED_ZIP_TIME = (2024, 1, 2, 3, 4, 6)


def _book(name: str) -> xlsxwriter.Workbook:
    wb = xlsxwriter.Workbook(str(OUT / name), {"strings_to_numbers": False})
    wb.set_properties({"created": CREATED, "author": "tdkt tests"})
    return wb


def provincial() -> None:
    """A provincial list: merged titles, two-row header over years, numbering row, sections, footer,
    legacy-encoded cells, odd values, formula-only rows; a collective sheet; a hidden lookup sheet."""
    wb = _book("provincial.xlsx")
    bold = wb.add_format({"bold": True, "text_wrap": True, "align": "center"})
    date_fmt = wb.add_format({"num_format": "dd/mm/yyyy"})
    ws = wb.add_worksheet("Cá nhân")
    ws.merge_range("A1:F1", "ỦY BAN NHÂN DÂN TỈNH HẢI ĐÔNG", bold)
    ws.merge_range("A2:R2", "DANH SÁCH ĐỀ NGHỊ TẶNG DANH HIỆU CHIẾN SĨ THI ĐUA CẤP THÀNH PHỐ NĂM 2021", bold)
    ws.merge_range("A3:R3", "(Kèm theo Tờ trình số 12/TTr-SNV ngày 05/3/2022)", bold)
    top = ["STT", "Họ và\ntên", "Ông/Bà", "Ngày sinh", "Số CCCD", "Chức vụ", "Đơn vị công tác"]
    for j, text in enumerate(top):
        ws.merge_range(4, j, 5, j, text, bold)
    ws.merge_range(4, 7, 4, 9, "Xếp loại", bold)
    ws.merge_range(4, 10, 4, 12, "Danh hiệu thi đua đã đạt", bold)
    for k, y in enumerate((2019, 2020, 2021)):
        ws.write(5, 7 + k, f"Năm {y}", bold)
        ws.write(5, 10 + k, f"Năm {y}", bold)
    ws.merge_range(4, 13, 4, 15, "Sáng kiến", bold)
    for k, sub in enumerate(("Tên sáng kiến", "Cấp công nhận", "Năm")):
        ws.write(5, 13 + k, sub, bold)
    ws.merge_range(4, 16, 5, 16, "Ngày tuyển dụng", bold)
    ws.merge_range(4, 17, 5, 17, "Ghi chú", bold)
    ws.write_row(6, 0, [f"({i})" for i in range(1, 19)])
    ws.write_row(7, 0, ["I", "CÁ NHÂN"])
    rows: list[list[Any]] = [
        [1, "  nguyễn   thị  LAN ", "Bà", dt.date(1980, 5, 17), "001180012345", "Trưởng phòng", "Sở Nội vụ",
         "HTXSNV", "HTXS", "Hoàn thành xuất sắc nhiệm vụ", "LĐTT", "CSTĐCS", "CSTĐ cơ sở",
         "Số hóa hồ sơ thi đua", "Cơ sở", 2021, "01/09/2005", None],
        [2, encode("Trần Văn Hùng", "tcvn3"), "Thượng tá", "1975", "012345678901", "Phó Giám đốc", "Công an tỉnh",
         "HTTNV", "HTXSNV", "HTXSNV", "LĐTT", "LĐTT", "CSTĐCS",
         None, None, None, "năm 1998", "Nghỉ thai sản 6 tháng năm 2020"],
        [3, encode("Lê Thị Hồng Nhung", "vni"), "Bà", "14/2/85", "0012", "Chuyên viên", "Sở Tài chính",
         "Tốt lắm", "HTXSNV", "HTXSNV", "LĐTT", "Lao động tiên tiến", "CSTĐCS",
         "Phần mềm quản lý công văn", "Cấp tỉnh", 2020, dt.date(2040, 1, 1), None],
        [4, "Phạm Văn Cũ", "Ông", "năm 1890", None, "Nhân viên", "Văn phòng UBND tỉnh",
         "HTXSNV", "HTXSNV", "HTXSNV", "LĐTT", "Danh hiệu lạ", "CSTĐCS",
         None, None, None, "32/13/2010", None],
    ]  # fmt: skip
    r = 8
    for row in rows:
        for j, v in enumerate(row):
            if isinstance(v, dt.date):
                ws.write_datetime(r, j, dt.datetime(v.year, v.month, v.day), date_fmt)
            elif v is not None:
                ws.write(r, j, v) if not isinstance(v, str) else ws.write_string(r, j, v)
        r += 1
    ws.write_row(r, 0, ["II", "TẬP THỂ"])  # a section naming collectives, with no collective after it
    r += 1
    ws.write(r, 6, "Sở Y tế")  # data but no name: reported, not a nominee
    r += 1
    for k in range(3):  # formula rows whose cached values are empty or #N/A, as vendor templates have
        ws.write_formula(r + k, 0, f'=IF(B{r + k + 1}="","",ROW()-8)', None, "")
        ws.write_formula(r + k, 16, f"=VLOOKUP(B{r + k + 1},DANHMUC!A:B,2,0)", None, "#N/A")
    r += 3
    ws.write(r, 0, "Tổng cộng: 04 cá nhân")
    ws.write(r + 2, 4, "Người lập biểu")
    ws.write(r + 2, 12, "GIÁM ĐỐC")
    ws.write(r + 5, 4, "Nguyễn Văn Ký")

    tt = wb.add_worksheet("Tập thể")
    tt.merge_range("A1:H1", "DANH SÁCH ĐỀ NGHỊ TẶNG CỜ THI ĐUA CỦA UBND TỈNH NĂM 2021", bold)
    tt.write_row(2, 0, ["STT", "Tên tập thể", "Tổng số thành viên", "Số đạt LĐTT", "Số đạt CSTĐCS",
                        "Số bị kỷ luật", "Tỷ lệ nữ (%)", "Cụm, khối thi đua", "Xếp hạng trong cụm"], bold)  # fmt: skip
    tt.write_row(3, 0, [1, "Phòng Tổ chức cán bộ, Sở Y tế", 25, "20", 3, 0, "72,5", "Khối Văn xã", "01"])
    tt.write_row(4, 0, [2, "Trường THPT chuyên Hải Đông", "1.200", 900, 50, 1, 0.65, "Khối Giáo dục", 2])

    dm = wb.add_worksheet("DANHMUC")
    dm.write_row(0, 0, ["Mã", "Tên"])
    dm.write_row(1, 0, ["1647933380", "Chiến sĩ thi đua cơ sở"])
    dm.hide()
    wb.close()


def vendor_codes() -> None:
    """A filled CANHAN-style list: codes resolved through the workbook's own DANHMUC sheet."""
    wb = _book("vendor-codes.xlsx")
    ws = wb.add_worksheet("DANHSACH")
    ws.merge_range("A1:K1", "DANH SÁCH ĐỐI TƯỢNG ĐỀ NGHỊ KHEN THƯỞNG")
    ws.write_row(2, 0, ["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Chức vụ", "Tên phòng ban/ khối, tổ \ncông tác",
                        "Tên đơn vị/tập thể\ncông tác", "Địa chỉ / Nơi ở", "Mã phân loại cán bộ",
                        "Mã hình thức khen thưởng", "Mã danh hiệu thi đua\n(nếu có)"])  # fmt: skip
    ws.write_row(3, 0, [None, "Hoàng Văn Anh", "NAM", "02/03/1979", "Trưởng phòng", "Phòng Kế toán", "Sở Tài chính",
                        "Đồng Hới", "1660638843", None, "1647933380"])  # fmt: skip
    ws.write_row(4, 0, [None, "Trần Thị Hà", "NU", "1988", "Chuyên viên", None, "Sở Tài chính",
                        None, "1660638843", "1650360111", None])  # fmt: skip
    dm = wb.add_worksheet("DANHMUC")
    dm.write_row(1, 0, ["STT", "Mã số", "Hình thức khen thưởng", None, "STT", "Mã số", "Danh hiệu thi đua", None,
                        "STT", "Mã phân loại cán bộ", "Phân loại cán bộ"])  # fmt: skip
    dm.write_row(2, 0, [1, "1650359884", "Bằng khen của Chủ tịch UBND tỉnh", None, 1, "1647933380",
                        "Chiến sĩ thi đua cơ sở", None, 1, "1660638843", "Lãnh đạo cấp vụ, sở, ngành và tương đương"])  # fmt: skip
    wb.close()


def wide_history() -> None:
    """Single-row per-year headers, a history text column, prior-award sub-columns, the award in the sheet name."""
    wb = _book("wide-history.xlsx")
    ws = wb.add_worksheet("CSTĐCS 2022")
    ws.write_row(0, 0, ["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"])
    ws.write_row(2, 0, ["TT", "Họ tên", "Năm sinh", "Nam/Nữ", "Mã CBCCVC", "Phòng ban", "Xếp loại 2021", "XẾP LOẠI\nNĂM 2022",
                        "LĐTT 2022", "Quá trình thi đua", "Khen thưởng đã nhận", None, "Kỷ luật", "Số tháng công tác",
                        "Lao động trực tiếp", "Số sáng kiến", "Hạng mục khác"])  # fmt: skip
    ws.write_row(3, 10, ["Hình thức", "Số, ngày quyết định"])
    ws.write_row(4, 0, [1, "Đoàn Minh Tuấn", 1990, "Nam", "00123", "Tổ Kỹ thuật", "HTTNV", "htxsnv", "x",
                        "LĐTT 2019, 2020; CSTĐCS 2021", "Giấy khen", "15/QĐ-CT ngày 10/01/2021", "Không", 12, "có", 2,
                        "abc"])  # fmt: skip
    ws.write_row(5, 0, [2, "Võ Thị Bích", 1993, "Nữ", "00456", "Tổ Hành chính", "HTXSNV", "HTXSNV", None,
                        "2020: LĐTT; 2021: LĐTT", None, None, "Khiển trách năm 2021", "10", "không", None, None])  # fmt: skip
    wb.close()


def register_list() -> None:
    """A decision list of past awards (what the register import reads): award given per row."""
    wb = _book("register-history.xlsx")
    ws = wb.add_worksheet("Sổ khen thưởng")
    ws.write_row(0, 0, ["SỔ THEO DÕI KHEN THƯỞNG"])
    ws.write_row(2, 0, ["STT", "Họ và tên", "Ngày sinh", "Số CCCD", "Đơn vị", "Hình thức khen thưởng",
                        "Thời gian thành tích", "Số quyết định", "Ngày quyết định"])  # fmt: skip
    ws.write_row(3, 0, [1, "Ngô Văn Bảy", "03/04/1970", "001070000111", "Sở Xây dựng", "Bằng khen của Chủ tịch UBND tỉnh",
                        "2018-2019", "215/QĐ-UBND", "20/02/2020"])  # fmt: skip
    ws.write_row(4, 0, [2, "Đinh Thị Tám", "1982", "001182000222", "Sở Y tế", "CSTĐ cấp tỉnh",
                        "2017 - 2019", "88/QĐ-UBND", "15/01/2020"])  # fmt: skip
    wb.close()


CSV_ROWS = [
    ["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Đơn vị", "Danh hiệu đề nghị", "Xếp loại năm 2021"],
    ["1", "Nguyễn Thị Ánh Tuyết", "Nữ", "01/02/1985", "Sở Nội vụ", "Lao động tiên tiến", "HTTNV"],
    ["2", "Đặng Quốc Việt", "Nam", "1979", "Sở Tư pháp, tỉnh Hải Đông", "CSTĐCS", "HTXSNV"],
]


def csvs() -> None:
    def render(sep: str) -> str:
        lines = []
        for row in CSV_ROWS:
            lines.append(sep.join(f'"{v}"' if sep in v else v for v in row))
        return "\r\n".join(lines) + "\r\n"

    (OUT / "list-utf8.csv").write_bytes(render(",").encode("utf-8"))
    (OUT / "list-utf8-bom.csv").write_bytes(b"\xef\xbb\xbf" + render(",").encode("utf-8"))
    # Excel's "Unicode Text" is UTF-16 LE with a BOM and tabs between cells.
    (OUT / "list-utf16.csv").write_bytes(render("\t").encode("utf-16"))
    # Excel's "CSV" on a Vietnamese Windows writes the ANSI code page (1258) and, by region, semicolons;
    # cp1258 writes some letters as base + combining tone, which the reader must recompose to NFC.
    (OUT / "list-cp1258.csv").write_bytes(to_cp1258(render(";")))


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Excel writes it: precomposed where the code page has the letter, else base + tone."""
    import unicodedata

    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tones = "".join(c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            out += (base + tones).encode("cp1258")
    return bytes(out)


def ods() -> None:
    """A minimal OpenDocument spreadsheet, written by hand so the bytes are repeatable."""
    cells = []
    for row in CSV_ROWS:
        cells.append(
            "<table:table-row>"
            + "".join(
                f'<table:table-cell office:value-type="string"><text:p>{v}</text:p></table:table-cell>'
                for v in row
            )
            + "</table:table-row>"
        )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="Danh sách">'
        + "".join(cells)
        + "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    _zip(
        OUT / "list.ods",
        [
            ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED),
            ("content.xml", content.encode(), zipfile.ZIP_DEFLATED),
            ("META-INF/manifest.xml", manifest.encode(), zipfile.ZIP_DEFLATED),
        ],
    )


def _zip(path: Path, parts: list[tuple[str, bytes, int]]) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data, method in parts:
            info = zipfile.ZipInfo(name, FIXED_ZIP_TIME)
            info.compress_type = method
            zf.writestr(info, data)
    path.write_bytes(buf.getvalue())


def broken() -> None:
    """One file per kind of unusable input."""
    b = OUT / "broken"
    b.mkdir(exist_ok=True)
    (b / "empty.xlsx").write_bytes(b"")
    (b / "text-named.xlsx").write_text("Họ và tên,Đơn vị\nNguyễn Văn A,Sở Nội vụ\n", encoding="utf-8")
    (b / "html-named.xls").write_text(
        "<html><body><table><tr><td>Họ và tên</td></tr></table></body></html>", encoding="utf-8"
    )
    good = (OUT / "wide-history.xlsx").read_bytes()
    (b / "truncated.xlsx").write_bytes(good[: len(good) // 2])
    # An encrypted workbook is an OLE2 compound file holding an "EncryptedPackage" stream (MS-OFFCRYPTO);
    # this keeps the signature and the stream name, which is what the reader recognises.
    ole = bytearray(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1016)
    ole += "EncryptedPackage".encode("utf-16-le") + b"\x00" * 2000
    (b / "encrypted.xlsx").write_bytes(bytes(ole))
    _zip(b / "word-named.xlsx", [
        ("[Content_Types].xml", b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
         b'wordprocessingml.document.main+xml"/></Types>', zipfile.ZIP_DEFLATED),
        ("word/document.xml", b"<w:document/>", zipfile.ZIP_DEFLATED),
    ])  # fmt: skip
    # A zip bomb: 200 MB of one repeated byte in a sheet part compresses to a few hundred KB.
    with zipfile.ZipFile(b / "bomb.xlsx", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("[Content_Types].xml", FIXED_ZIP_TIME), b"<Types/>")
        info = zipfile.ZipInfo("xl/worksheets/sheet1.xml", FIXED_ZIP_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        with zf.open(info, "w", force_zip64=True) as fh:
            chunk = b" " * (1 << 20)
            for _ in range(200):
                fh.write(chunk)
    # An XML part declaring entities (the "billion laughs" shape) must be refused before parsing.
    with zipfile.ZipFile(OUT / "wide-history.xlsx") as src:
        parts = [(i.filename, src.read(i.filename), zipfile.ZIP_DEFLATED) for i in src.infolist()]
    dtd = b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'
    parts = [(n, dtd + d.split(b"?>", 1)[1] if n == "xl/sharedStrings.xml" else d, m) for n, d, m in parts]
    _zip(b / "entities.xlsx", parts)
    nohead = _book("broken/no-header.xlsx")
    ws = nohead.add_worksheet("Sheet1")
    ws.write_row(0, 0, ["Báo cáo tổng hợp", None, "Quý I"])
    ws.write_row(1, 0, [1, 2, 3])
    ws.write_row(2, 0, ["abc", "def", "ghi"])
    nohead.close()
    (b / "binary.csv").write_bytes(b"\x00\x01\x02\x03" * 64)


def xls() -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        print("soffice not found: keeping the committed provincial.xls")
        return
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [soffice, "--headless", "--convert-to", "xls", "--outdir", tmp, str(OUT / "provincial.xlsx")],
            check=True,
            capture_output=True,
        )
        shutil.copy(Path(tmp) / "provincial.xls", OUT / "provincial.xls")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    provincial()
    vendor_codes()
    wide_history()
    register_list()
    csvs()
    ods()
    broken()
    xls()
    print(f"fixtures written to {OUT}")


if __name__ == "__main__":
    main()

"""read_sheets' fast paths give exactly what the plain read gives: same values, same types, same errors.

The fast paths: the normalisation loop with its common cases inlined, the CRC test in a thread beside
the parse, and the parallel parse of a big sheet cut into slices of rows. Each is compared with a
reference (calamine's whole-sheet read and a straightforward normalisation written here) on every
committed workbook, on generated sheets with gaps, and on hand-written sheet XML at the edges of what
the cutting accepts.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import math
import re
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import python_calamine as pc
from hypothesis import given, settings
from hypothesis import strategies as st

from tdkt.errors import InputError
from tdkt.ingest import legacy, sources, xlsx_slices
from tdkt.ingest.sources import CellValue, read_sheets

pytestmark = pytest.mark.fast_path  # the fast paths themselves: off under TDKT_PLAIN=1

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "ingest"
WORKBOOKS = sorted(
    [p for p in DATA.glob("*.*") if p.suffix in sources.WORKBOOK_SUFFIXES]
    + [p for p in (DATA / "broken").glob("*.*") if p.suffix in sources.WORKBOOK_SUFFIXES]
    + list(ROOT.glob("examples/2022-1/*.xlsx"))
    + list(ROOT.glob("examples/2023-1/*.xlsx"))
)

Sheets = list[tuple[str, bool, list[list[CellValue]]]]


# --- references -------------------------------------------------------------------------------


def reference_value(value: Any) -> CellValue:
    """What a cell becomes, written for clarity rather than speed."""
    match value:
        case None | "":
            return None
        case bool() | int() | dt.date():  # datetime is a date
            return value
        case float():
            return int(value) if value.is_integer() else value
        case str():
            return reference_text(value)
        case dt.time():
            return value.isoformat()
        case dt.timedelta():
            return value.total_seconds() / 86400
    return str(value)


ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
ODD_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
BULLET = re.compile(r"[ \t]*(?:[-+*•·●▪◦○►▸–—]|\d{1,2}[.)])[ \t]+(?=\S)")


def reference_text(value: str) -> str | None:
    """NFC, zero-width characters dropped, odd spaces made spaces, every line break a "\\n"."""
    text = unicodedata.normalize("NFC", value).replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(" " if c in ODD_SPACES else c for c in text if c not in ZERO_WIDTH)
    return text or None


def reference_unbullet(text: str) -> str:
    lines = []
    for line in text.split("\n"):
        m = BULLET.match(line)
        lines.append(line[m.end():] if m else line)
    return "\n".join(lines)


def reference_rows(rows: list[list[Any]]) -> list[list[CellValue]]:
    out = [[reference_value(v) for v in row] for row in rows]
    while out and all(v is None for v in out[-1]):
        out.pop()
    bulleted = [(i, j) for i, row in enumerate(out) for j, v in enumerate(row)
                if isinstance(v, str) and reference_unbullet(v) != v]
    reference_legacy(out)
    for i, j in bulleted:
        out[i][j] = reference_unbullet(str(out[i][j]))
    return out


def reference_legacy(rows: list[list[CellValue]]) -> None:
    """Legacy-font cells converted as the reader must: a cell that reads as more Vietnamese in an
    encoding is legacy, in the sheet's encoding when it reads as well in both; when those cells
    outnumber the Unicode cells, the cells that read as Vietnamese both ways are converted too."""
    texts = [(i, j, v) for i, row in enumerate(rows) for j, v in enumerate(row)
             if isinstance(v, str) and not v.isascii()]
    latin = [(i, j, v) for i, j, v in texts if all(ord(c) < 256 for c in v)]
    winners: dict[str, list[str]] = {}
    for _, _, v in latin:
        base, options = legacy.readings(v)
        best = max([score for _, score in options.values()], default=0)
        if best > base:
            winners[v] = sorted(e for e, (_, score) in options.items() if score == best)
    if not winners:
        return
    votes = Counter(w[0] for w in winners.values() if len(w) == 1) or Counter(w[0] for w in winners.values())
    main = sorted(votes, key=lambda e: (-votes[e], e))[0]
    sure = [(i, j, v) for i, j, v in latin if v in winners]
    if len(sure) > len(texts) - len(latin):
        for i, j, v in latin:
            base, options = legacy.readings(v)
            if v not in winners and main in options and options[main][1] >= max(base, 1):
                rows[i][j] = options[main][0]
    for i, j, v in sure:
        options = legacy.readings(v)[1]
        rows[i][j] = options[main if main in winners[v] else winners[v][0]][0]


def reference_read(path: Path) -> Sheets:
    """Every sheet through calamine's whole-sheet read, as read_sheets did before the fast paths; a formula
    cell with no computed value (openpyxl: a formula, and no cached value) is NOT_COMPUTED."""
    with pc.CalamineWorkbook.from_path(str(path)) as wb:
        return [
            (
                unicodedata.normalize("NFC", meta.name),
                meta.visible != pc.SheetVisibleEnum.Visible,
                reference_uncomputed(path, meta.name,
                                     reference_rows(wb.get_sheet_by_name(meta.name).to_python(skip_empty_area=False))),
            )
            for meta in wb.sheets_metadata
        ]


def reference_uncomputed(path: Path, sheet: str, rows: list[list[CellValue]]) -> list[list[CellValue]]:
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return rows
    import warnings

    import openpyxl

    from tdkt.ingest.sources import NOT_COMPUTED

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl on features it drops (data validation extensions …)
        try:  # the file opened here, so that it is closed even when openpyxl gives up half-way
            with path.open("rb") as fh:
                formulas = openpyxl.load_workbook(fh, data_only=False)[sheet]
            with path.open("rb") as fh:
                cached = openpyxl.load_workbook(fh, data_only=True)[sheet]
        except Exception:  # a hand-written part openpyxl's stricter parser refuses (calamine reads it)
            return rows
    for row in formulas.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("=") and cached[cell.coordinate].value is None:
                r, c = cell.row - 1, cell.column - 1
                while len(rows) <= r:
                    rows.append([])
                if len(rows[r]) <= c:
                    rows[r] += [None] * (c + 1 - len(rows[r]))
                if rows[r][c] is None:
                    rows[r][c] = NOT_COMPUTED
    return rows


def outcome(path: Path) -> Sheets | tuple[str, str]:
    try:
        return [(s.name, s.hidden, s.rows) for s in read_sheets(path)]
    except InputError as exc:
        return (exc.code, exc.message)


def assert_same(got: object, want: object) -> None:
    """Equal, and every value of the same type (1 == 1.0 == True, but they are different cells)."""
    assert got == want
    if isinstance(got, list) and isinstance(want, list):
        for (_, _, rows), (_, _, ref_rows) in zip(got, want, strict=True):
            for row, ref_row in zip(rows, ref_rows, strict=True):
                assert [type(v) for v in row] == [type(v) for v in ref_row]


# --- switches ---------------------------------------------------------------------------------


class Split:
    """Counts what the parallel parse did: slices parsed, sheets assembled and where their slices lay."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.slices = 0
        self.sheets = 0
        self.layouts: list[list[tuple[int, int, int, int]]] = []  # (first row, first col, last col, rows)
        parse, assemble = xlsx_slices._parse_chunk, xlsx_slices._assemble

        def counted_parse(*args: Any) -> Any:
            self.slices += 1
            return parse(*args)

        def counted_assemble(chunks: Any) -> Any:
            self.sheets += 1
            self.layouts.append([(row, first, last, len(rows)) for row, first, last, rows in chunks])
            return assemble(chunks)

        monkeypatch.setattr(xlsx_slices, "_parse_chunk", counted_parse)
        monkeypatch.setattr(xlsx_slices, "_assemble", counted_assemble)
        self._monkeypatch = monkeypatch

    def force(self, chunks: int = 4, piece: int = 64) -> Split:
        """Split every worksheet, however small, into about ``chunks`` slices read ``piece`` bytes at a time."""
        self._monkeypatch.setattr(xlsx_slices, "_SPLIT_MIN_BYTES", 0)
        self._monkeypatch.setattr(xlsx_slices, "_SPLIT_CHUNKS", chunks)
        self._monkeypatch.setattr(xlsx_slices, "_SST_WEIGHT", 0)
        self._monkeypatch.setattr(xlsx_slices, "_PIECE", piece)
        self._monkeypatch.setattr(xlsx_slices, "_cpus", lambda: 2)
        return self

    def never(self) -> Split:
        self._monkeypatch.setattr(xlsx_slices, "_SPLIT_MIN_BYTES", 1 << 62)
        return self


@pytest.fixture
def split(monkeypatch: pytest.MonkeyPatch) -> Split:
    return Split(monkeypatch)


# --- every committed workbook -----------------------------------------------------------------


@pytest.mark.parametrize("path", WORKBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
@pytest.mark.parametrize(("chunks", "piece"), [(2, 64), (4, 1000), (16, 64)])
def test_committed_workbooks_read_as_the_plain_read(
    monkeypatch: pytest.MonkeyPatch, path: Path, chunks: int, piece: int
) -> None:
    plain = Split(monkeypatch).never()
    want = outcome(path)
    if isinstance(want, list):
        assert_same(want, reference_read(path))
    fast = plain.force(chunks, piece)
    got = outcome(path)
    assert_same(got, want)
    if isinstance(want, list) and path.suffix == ".xlsx":
        assert fast.sheets == len(want) and fast.slices >= fast.sheets  # each sheet really assembled


def test_peer_workbooks_read_as_the_plain_read(peer_data: Path, split: Split) -> None:
    paths = sorted(peer_data.glob("*.xlsx"))
    assert paths
    split.force(chunks=5, piece=256)
    for path in paths:
        assert_same(outcome(path), reference_read(path))
    assert split.slices > split.sheets > 0


# --- normalisation ----------------------------------------------------------------------------

CELLS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=False),
    st.sampled_from([0.0, -0.0, 1.0, 1.5, 1e20, -3.0, 0.1, math.inf]),
    st.text(max_size=8),
    st.sampled_from(["", " ", "\t", "Nguyễn", unicodedata.normalize("NFD", "Nguyễn Thị Ánh"), "1975"]),
    st.sampled_from([legacy.encode("Hoàn thành tốt nhiệm vụ", "tcvn3"), legacy.encode("Lê Thị Hằng", "vni"),
                     "Ghi chó", "Lê Hà", "Î"]),  # legacy fonts, text Vietnamese both ways, Latin-1 Unicode
    st.sampled_from(["- Hoàn thành\r\n+ tốt", "1. Sáng kiến", "•\tLĐTT", " - x", "-", "1.", "2) a", "Lê\u00a0Hà\u200b",
                     "\u200b", "10.5 năm", "- " + legacy.encode("Không", "vni"),
                     "\u200b- " + legacy.encode("Hoàn thành tốt", "tcvn3")]),  # Word-pasted cells
    st.dates(),
    st.datetimes(),
    st.times(),
    st.timedeltas(),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(CELLS, min_size=0, max_size=6), max_size=6))
def test_normalise_equals_the_reference(rows: list[list[Any]]) -> None:
    assert_same([("", False, sources._normalise(rows))], [("", False, reference_rows(rows))])


def test_normalise_keeps_look_alike_values_apart() -> None:
    nfd = unicodedata.normalize("NFD", "Đặng Quốc Việt")
    rows: list[list[Any]] = [
        [True, 1.0, 1, False, 0.0, 0, -0.0],
        [dt.date(2021, 5, 1), dt.datetime(2021, 5, 1), dt.datetime(2021, 5, 1, 8, 30), "01/05/2021"],
        [nfd, "", " ", "\t", 1.5, 1e20, 12.0],
        [dt.time(8, 30), dt.timedelta(days=1, hours=12), math.inf, 2**70],
        ["", "", ""],
        [],
        ["", ""],
    ]
    got = sources._normalise(rows)
    assert got == [
        [True, 1, 1, False, 0, 0, 0],
        [dt.date(2021, 5, 1), dt.datetime(2021, 5, 1), dt.datetime(2021, 5, 1, 8, 30), "01/05/2021"],
        ["Đặng Quốc Việt", None, " ", "\t", 1.5, 10**20, 12],
        ["08:30:00", 1.5, math.inf, 2**70],
    ]
    assert [type(v) for v in got[0]] == [bool, int, int, bool, int, int, int]
    assert [type(v) for v in got[1]] == [dt.date, dt.datetime, dt.datetime, str]
    assert unicodedata.is_normalized("NFC", got[2][0]) and type(got[2][5]) is int
    assert sources._normalise([["", None], [], ["x"], []]) == [[None, None], [], ["x"]]


# --- generated sheets with gaps ---------------------------------------------------------------


def gapped_workbook(path: Path) -> Path:
    """Titles over merged cells, real and text dates, a run of empty rows, rows starting at column C,
    a far column, an empty styled tail: wherever the cuts fall, a slice starts at a gap."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Cá nhân"
    ws["A1"] = "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"
    ws.merge_cells("A1:F1")
    ws.append([])
    ws.merge_cells("B2:D2")
    ws.append(["STT", "Họ và tên", "Ngày sinh", "Ngày sinh (chữ)", "Điểm", "Đạt"])
    for i in range(1, 41):
        ws.append(
            [
                i,
                f"Người {i}",
                dt.datetime(1970 + i, 1 + i % 12, 1 + i % 28),
                f"{i % 28 + 1}/05/1980",
                i / 4,
                i % 3 == 0,
            ]
        )
    for r in range(60, 90):  # rows 45-59 empty, then data from column C only
        ws.cell(row=r, column=3, value=f"Tập thể {r}")
        ws.cell(row=r, column=5, value=float(r))
    for r in range(95, 100):
        ws.cell(row=r, column=9, value=unicodedata.normalize("NFD", f"Ghi chú {r} ở cột I"))
    ws.cell(row=130, column=2).font = Font(bold=True)  # styled, empty: no value, dropped like any empty row
    hidden = wb.create_sheet("DANHMUC")
    hidden.sheet_state = "hidden"
    for r in range(5, 40):
        hidden.cell(row=r, column=4, value=f"Mục {r}")
    wb.save(path)
    return path


@pytest.mark.parametrize(("chunks", "piece"), [(2, 64), (3, 128), (7, 64), (40, 64), (4, 1 << 22)])
def test_gapped_workbook_split_equals_plain(tmp_path: Path, split: Split, chunks: int, piece: int) -> None:
    path = gapped_workbook(tmp_path / "gaps.xlsx")
    want = reference_read(path)
    split.force(chunks, piece)
    assert_same(outcome(path), want)
    assert split.sheets == 2
    if piece < 1000:
        assert split.slices > 2
    if chunks == 40:  # small slices: the cases the padding is for do occur
        layout = split.layouts[0]
        assert any(first == 2 for _, first, _, _ in layout)  # a slice whose rows start at column C
        assert any(last < 8 for _, _, last, _ in layout)  # one narrower than the sheet
        gaps = [b[0] - (a[0] + a[3]) for a, b in itertools.pairwise(layout)]
        assert max(gaps) > 0  # empty rows between two slices
        assert split.layouts[1][0][:2] == (4, 3)  # the hidden sheet's first slice starts at D5


def test_big_sheet_is_split_with_the_real_settings(
    tmp_path: Path, split: Split, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(xlsx_slices, "_cpus", lambda: 2)
    text = "Nguyễn Văn A " * 40
    rows = "".join(
        f'<row r="{r}"><c r="A{r}"><v>{r}</v></c><c r="B{r}" t="inlineStr"><is><t>{text}{r}</t></is></c></row>'
        for r in range(1, 25_000)
    )
    path = write_xlsx(tmp_path / "big.xlsx", rows)
    assert zipfile.ZipFile(path).getinfo("xl/worksheets/sheet1.xml").file_size > xlsx_slices._SPLIT_MIN_BYTES
    assert_same(outcome(path), reference_read(path))
    assert split.sheets == 1 and split.slices >= 2


# --- hand-written sheet XML -------------------------------------------------------------------

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'styles" Target="styles.xml"/></Relationships>'
)
STYLES = (  # s="1" is a date
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>'
    '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs>'
    "</styleSheet>"
)
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def write_xlsx(
    path: Path,
    rows_xml: str,
    *,
    sheet: str | None = None,
    compression: int = zipfile.ZIP_DEFLATED,
    pad: int = 0,
    styles: str = STYLES,
) -> Path:
    """An .xlsx whose one worksheet holds ``rows_xml`` in its <sheetData> (or is ``sheet`` entirely).

    ``pad`` spaces after the root of workbook.xml and styles.xml make them longer than the prolog that
    the DTD check reads, so that only the CRC test reads them to their end.
    """
    xml = sheet or (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="{MAIN}"><dimension ref="A1"/>'
        f"<sheetData>{rows_xml}</sheetData>"
        '<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells></worksheet>'
    )
    with zipfile.ZipFile(path, "w", compression) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", ROOT_RELS)
        zf.writestr("xl/workbook.xml", WORKBOOK + " " * pad)
        zf.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        zf.writestr("xl/worksheets/sheet1.xml", xml)
        zf.writestr("xl/styles.xml", styles + " " * pad)
    return path


def rows_xml(
    count: int = 40, *, cell_refs: bool = True, row_refs: Callable[[int], bool] = lambda r: True
) -> str:
    def c(col: str, r: int, body: str, attrs: str = "") -> str:
        ref = f' r="{col}{r}"' if cell_refs else ""
        return f"<c{ref}{attrs}>{body}</c>"

    out = []
    for r in range(1, count + 1):
        if r % 9 == 0:
            continue  # a missing row
        cells = [
            c("A", r, f"<v>{r}</v>"),
            c("B", r, f"<is><t>Người số {r} &amp; cộng sự</t></is>", ' t="inlineStr"'),
            c("C", r, f"<v>{29000 + r}</v>", ' s="1"'),
            c("D", r, "<v>1</v>", ' t="b"'),
            c("E", r, f"<v>{r}.5</v>"),
        ]
        attrs = f' r="{r}"' if row_refs(r) else ""
        out.append(f'<row{attrs} spans="1:5">{"".join(cells)}</row>')
    return "".join(out)


HAND_WRITTEN: dict[str, tuple[str, bool]] = {  # name → (rows, read in slices)
    "plain": (rows_xml(), True),
    "cells without r": (rows_xml(cell_refs=False), True),
    "some rows without r": (rows_xml(cell_refs=False, row_refs=lambda r: r % 4 == 0), True),
    "self-closing rows": (
        rows_xml().replace('<row r="5" spans="1:5">', '<row r="4" spans="1:5"/><row r="5">'),
        True,
    ),
    "whitespace between rows": (rows_xml().replace("</row>", "</row>\n  "), True),
    "rich text": (
        rows_xml().replace(
            "<is><t>Người số 7",
            '<is><r><rPr><b/><color rgb="FFFF0000"/><charset val="163"/></rPr><t>Đậm</t></r><r><t>Người số 7',
        ),
        True,
    ),
    "comment": (rows_xml().replace('<row r="20"', '<!-- <row r="99"> --><row r="20"'), False),
    "CDATA": (rows_xml().replace("<t>Người số 20", '<t><![CDATA[<row r="7">]]>Người số 20'), False),
    "processing instruction": (rows_xml().replace('<row r="20"', '<?tdkt x?><row r="20"'), False),
    "question mark in text": (rows_xml().replace("Người số 20", "Người số 20?!"), True),
}


@pytest.mark.parametrize("name", list(HAND_WRITTEN))
@pytest.mark.parametrize(("chunks", "piece"), [(3, 64), (11, 64)])
def test_hand_written_sheets(tmp_path: Path, split: Split, name: str, chunks: int, piece: int) -> None:
    body, cut = HAND_WRITTEN[name]
    path = write_xlsx(tmp_path / "hand.xlsx", body)
    want = reference_read(path)
    assert len(want[0][2]) == 40 and isinstance(want[0][2][0][2], dt.date)
    split.force(chunks, piece)
    assert_same(outcome(path), want)
    assert split.sheets == cut and (split.slices > 1 or not cut)


def test_prefixed_elements_are_read_the_plain_way(tmp_path: Path, split: Split) -> None:
    body = rows_xml().replace("<row", "<x:row").replace("</row>", "</x:row>").replace("<c", "<x:c")
    body = body.replace("</c>", "</x:c>").replace("<v>", "<x:v>").replace("</v>", "</x:v>")
    sheet = f'<x:worksheet xmlns:x="{MAIN}"><x:sheetData>{body}</x:sheetData></x:worksheet>'
    path = write_xlsx(tmp_path / "prefixed.xlsx", "", sheet=sheet)
    want = reference_read(path)
    assert want[0][2]
    split.force(3)
    assert_same(outcome(path), want)
    assert split.slices == 0


def test_rows_out_of_order_fall_back_to_the_plain_read(tmp_path: Path, split: Split) -> None:
    early = '<row r="2"><c r="A2"><v>2</v></c></row>'
    body = rows_xml().replace(early, "") + early  # row 2 written last: its slice overlaps the others
    path = write_xlsx(tmp_path / "order.xlsx", body)
    want = reference_read(path)
    split.force(4)
    assert_same(outcome(path), want)
    assert split.slices > 1


def test_a_slice_calamine_refuses_gives_the_plain_error(tmp_path: Path, split: Split) -> None:
    body = rows_xml().replace('<c r="A30">', '<c r="3A0">')  # no such cell reference
    path = write_xlsx(tmp_path / "bad.xlsx", body)
    split.never()
    want = outcome(path)
    assert isinstance(want, tuple) and want[0] == "input.damaged"
    split.force(4)
    assert outcome(path) == want
    assert split.slices > 1


def test_assemble_pads_gaps_and_refuses_overlaps() -> None:
    a: list[list[CellValue]] = [["x", None]]
    b: list[list[CellValue]] = [[1], [2]]
    assert xlsx_slices._assemble([(1, 1, 2, a), (4, 0, 0, b)]) == [
        [None, None, None],
        [None, "x", None],
        [None, None, None],
        [None, None, None],
        [1, None, None],
        [2, None, None],
    ]
    assert xlsx_slices._assemble([(3, 0, 0, b), (4, 0, 0, b)]) is None
    assert xlsx_slices._assemble([]) == []


# --- damaged parts ----------------------------------------------------------------------------


def corrupt(path: Path, parts: list[str]) -> Path:
    """Flip a byte in the middle of each of ``parts`` (stored), so that only its CRC tells."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        for part in parts:
            info = zf.getinfo(part)
            assert info.compress_type == zipfile.ZIP_STORED
            start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
            data[start + info.compress_size // 2] ^= 0x01
    path.write_bytes(bytes(data))
    return path


def stored_copy(tmp_path: Path, pad: int = 10_000) -> Path:
    return write_xlsx(tmp_path / "stored.xlsx", rows_xml(), compression=zipfile.ZIP_STORED, pad=pad)


@pytest.mark.parametrize(
    ("parts", "named"),
    [
        (["xl/worksheets/sheet1.xml"], "xl/worksheets/sheet1.xml"),
        (["xl/styles.xml"], "xl/styles.xml"),
        (["xl/workbook.xml"], "xl/workbook.xml"),
        (["xl/worksheets/sheet1.xml", "xl/styles.xml"], "xl/worksheets/sheet1.xml"),
        (["_rels/.rels", "xl/worksheets/sheet1.xml"], "_rels/.rels"),
    ],
)
@pytest.mark.parametrize("fast", [False, True])
def test_bad_crc_names_the_first_bad_part(
    tmp_path: Path, split: Split, parts: list[str], named: str, fast: bool
) -> None:
    path = corrupt(stored_copy(tmp_path), parts)
    if fast:
        split.force(3)
    with pytest.raises(InputError) as info:
        read_sheets(path)
    assert info.value.code == "input.damaged"
    assert info.value.message == f"Tệp stored.xlsx bị hỏng (phần {named} sai mã kiểm tra)."


@pytest.mark.parametrize("fast", [False, True])
def test_a_short_xl_part_with_a_bad_crc_fails_in_the_dtd_check(
    tmp_path: Path, split: Split, fast: bool
) -> None:
    path = corrupt(stored_copy(tmp_path, pad=0), ["xl/styles.xml"])  # read to its end for <!DOCTYPE
    if fast:
        split.force(3)
    with pytest.raises(InputError) as info:
        read_sheets(path)
    assert info.value.message == (
        "Tệp stored.xlsx bị hỏng hoặc không đầy đủ (có thể tải về/chép bị lỗi): "
        "Bad CRC-32 for file 'xl/styles.xml'."
    )


def test_without_the_crc_test_a_big_file_reads_as_calamine_does(
    tmp_path: Path, split: Split, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sources, "CRC_TEST_MAX", 0)  # as for a file over 32 MB: calamine alone decides
    path = corrupt(stored_copy(tmp_path), ["xl/worksheets/sheet1.xml"])
    split.never()
    want = outcome(path)
    split.force(3)
    assert outcome(path) == want


def test_crc_thread_reports_before_a_calamine_error(tmp_path: Path) -> None:
    sheet = f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row>'  # cut short
    path = write_xlsx(tmp_path / "stored.xlsx", "", sheet=sheet, compression=zipfile.ZIP_STORED, pad=10_000)
    with pytest.raises(InputError, match="bị hỏng, không đọc được"):
        read_sheets(path)
    corrupt(path, ["xl/styles.xml"])
    with pytest.raises(InputError, match=r"phần xl/styles\.xml sai mã kiểm tra"):
        read_sheets(path)


@pytest.mark.parametrize("fast", [False, True])
def test_bad_crc_of_a_sheet_comes_before_an_error_opening_the_workbook(
    tmp_path: Path, split: Split, fast: bool
) -> None:
    broken_styles = STYLES.removesuffix("</styleSheet>")  # calamine stops at the end of the file
    path = write_xlsx(
        tmp_path / "stored.xlsx", rows_xml(), compression=zipfile.ZIP_STORED, pad=10_000, styles=broken_styles
    )
    with pytest.raises(InputError, match="bị hỏng, không đọc được"):
        read_sheets(path)
    corrupt(path, ["xl/worksheets/sheet1.xml"])
    if fast:
        split.force(3)
    with pytest.raises(InputError, match=r"phần xl/worksheets/sheet1\.xml sai mã kiểm tra"):
        read_sheets(path)
    assert split.slices == 0  # calamine failed before the sheet: the CRC test read it all the same


def test_split_candidates_map_sheet_names_to_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx_slices, "_SPLIT_MIN_BYTES", 0)
    monkeypatch.setattr(xlsx_slices, "_cpus", lambda: 2)
    path = gapped_workbook(tmp_path / "gaps.xlsx")
    archive = sources._check_zip(path, ".xlsx", path.stat().st_size)
    found = {name: (info.filename, n) for name, (info, n) in xlsx_slices._split_candidates(path, archive, sources.sheet_parts(path)).items()}
    assert found == {"Cá nhân": ("xl/worksheets/sheet1.xml", 8), "DANHMUC": ("xl/worksheets/sheet2.xml", 8)}
    monkeypatch.setattr(xlsx_slices, "_cpus", lambda: 1)
    assert xlsx_slices._split_candidates(path, archive, sources.sheet_parts(path)) == {}


def test_row_chunks_are_whole_worksheets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx_slices, "_PIECE", 100)
    xml = f'<worksheet xmlns="{MAIN}"><sheetData>{rows_xml()}</sheetData><pageMargins/></worksheet>'.encode()
    slices = list(xlsx_slices._row_chunks(io.BytesIO(xml), len(xml), 5))
    assert len(slices) >= 4
    head = xml[: xml.index(b"<row")]
    for piece in slices[:-1]:
        assert piece.startswith(head) and piece.endswith(b"</row></sheetData></worksheet>")
    assert slices[-1].endswith(b"</sheetData><pageMargins/></worksheet>")
    rows = b"".join(s[len(head) :].removesuffix(b"</sheetData></worksheet>") for s in slices[:-1])
    assert head + rows + slices[-1][len(head) :] == xml


def test_slice_count_leaves_a_big_shared_string_table_to_the_plain_read(
    split: Split, monkeypatch: pytest.MonkeyPatch
) -> None:
    mb = 1024**2
    assert xlsx_slices._slice_count(96 * mb, 0) == 8  # inline strings
    assert xlsx_slices._slice_count(49 * mb, 1 * mb) == 8
    assert xlsx_slices._slice_count(50 * mb, 5 * mb) == 2
    assert xlsx_slices._slice_count(50 * mb, 18 * mb) == 0  # each slice would parse 18 MB again: not split
    split.force()
    monkeypatch.setattr(xlsx_slices, "_SST_WEIGHT", 4)
    read_sheets(DATA / "provincial.xlsx")  # tiny sheets beside their shared strings
    assert split.slices == 0


def test_parts_left_out_of_the_slices_do_not_matter(tmp_path: Path, split: Split) -> None:
    """An image, a chart and document properties stay out of the slices' workbooks; the rows are the same."""
    import base64

    import xlsxwriter

    png = base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
    )
    path = tmp_path / "pictures.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Danh sách")
    for r in range(200):
        ws.write_row(r, 0, [r, f"Người {r}", dt.datetime(1980, 1, 1 + r % 28), r / 8])
    ws.insert_image("F2", "logo.png", {"image_data": io.BytesIO(png)})
    chart = wb.add_chart({"type": "column"})
    chart.add_series({"values": "='Danh sách'!$A$1:$A$10"})
    ws.insert_chart("F10", chart)
    wb.close()
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
    assert any(n.startswith("xl/media/") for n in names) and any(n.startswith("xl/charts/") for n in names)
    want = reference_read(path)
    split.force(4, 256)
    assert_same(outcome(path), want)
    assert split.sheets == 1 and split.slices > 1


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([b"<", b"f", b"<f", b"</f>", b"ref=", b"<c r=\"A1\">", b"x", b"f<"]), max_size=120)
       .map(b"".join))
def test_may_have_formula_is_the_plain_search(xml: bytes) -> None:
    """The search through the letter f answers as ``b"<f" in xml`` does, many f's (past the 64 it
    looks at one by one) and an f at the very start included."""
    assert sources._may_have_formula(xml) is (b"<f" in xml)
    assert sources._may_have_formula(b"f" * 70 + xml) is (b"<f" in xml)

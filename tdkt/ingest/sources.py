"""Spreadsheet and CSV files → plain rows of cell values (the only place that opens input files).

Workbooks (.xlsx, .xlsm, .xlsb, .xls, .ods) are read with python-calamine: about 6× faster than
openpyxl in read-only mode, and it keeps a real date cell (``datetime.date``) apart from a date typed
as text (``str``), which the validator must report. Formulas are never evaluated: calamine returns
the value Excel cached. CSV files are decoded as Excel writes them (UTF-8 with or without BOM,
UTF-16 "Unicode text", Windows-1258) and split into records by :mod:`tdkt.ingest.delimited`.

Before a workbook is handed to calamine, the container is checked here so that a bad file gives one
Vietnamese sentence naming the file instead of a library traceback: empty, not what its extension
says, password-protected (an OLE2 ``EncryptedPackage``), truncated, or a zip bomb (declared inflated
size absurd for the file size). The XML parts we inspect ourselves go through defusedxml, and any
part that declares a DTD is refused (calamine does not expand entities, but a DTD in a spreadsheet
part has no legitimate use). The CRC of every part is tested in a thread while calamine parses.

A big .xlsx/.xlsm sheet (over 16 MB of XML, about 17,000 rows) is parsed in slices of rows by two
threads (see :mod:`tdkt.ingest.xlsx_slices`): the same rows, about 0.6 s sooner for 100,000 rows on two cores.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import threading
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from tdkt import fastpaths
from tdkt.cache import Cache
from tdkt.errors import InputError
from tdkt.util import no_gc

CellValue = str | int | float | bool | dt.date | dt.datetime | None

WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"})
CSV_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})

# Zip-bomb limits: a real 100,000-row nomination list is ~10 MB zipped and ~96 MB inflated (ratio ≈ 10);
# sparse sheets compress better, but not by a factor of 100 once they are large. 512 MB holds five such
# lists; a 2.6 MB file of 200 MB of one-cell rows passes it and is refused by the row limit below.
MAX_INFLATED = 512 * 1024**2
MAX_RATIO = 100
RATIO_FLOOR = 64 * 1024**2  # below this inflated size the ratio does not matter
CRC_TEST_MAX = 32 * 1024**2  # larger files skip the CRC test of every part (calamine reads what it needs)

# The box calamine builds for a sheet: every cell from A1 to the last row and the farthest column that
# holds a value is allocated, dense (``to_python(skip_empty_area=False)`` keeps the rows and columns
# before the first value too). One stray value in XFD1 of a 5,000-row list is 82 million cells (3.9 GB);
# one in XFD1048576 is 17 billion (the process aborts). So the sheet XML is looked at first
# (:func:`check_extent`): more than Excel's rows, or a box of more than MAX_CELLS, is refused (exit 3)
# naming the far cell — 25 million cells is 250 columns of a 100,000-row list, or 16,384 of 1,500 rows.
MAX_SHEET_ROWS = 1_048_576
MAX_SHEET_COLUMNS = 16_384
MAX_CELLS = 25_000_000

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


@dataclass(frozen=True)
class RawSheet:
    """One sheet as rows of values. ``rows[i]`` is spreadsheet row ``i + 1``; ``rows[i][j]`` column ``j``.

    Empty cells are ``None``, integral numbers ``int``, text NFC; a cell typed in a legacy font
    (TCVN3/VNI, see :mod:`tdkt.ingest.legacy`) is already converted to Unicode, and ``legacy`` keeps
    what it was: ``(row index, column index) → (original text, "tcvn3" | "vni")``, for the finding
    the reader makes when it uses the cell. CSV cells are always text (leading zeros kept).
    ``merged`` lists the merged cells of a workbook sheet as (first row, first column, last row,
    last column) indexes, in order; the value is in the first cell only, as Excel keeps it.
    Text is tidied as well (:func:`tidy`): zero-width characters removed, non-breaking and other odd
    spaces made spaces, line breaks kept as "\\n", and the bullets or numbering at the start of its
    lines ("- ", "+ ", "• ", "1. ") removed; ``bullets`` keeps the text of each cell that had them as it
    was (the section rows "1. Trường …" are told by their numbering), ``invisible`` that of each cell
    that had a zero-width character (the reader names it).
    """

    name: str
    rows: list[list[CellValue]]
    hidden: bool = False
    legacy: dict[tuple[int, int], tuple[str, str]] = field(default_factory=dict)
    merged: tuple[tuple[int, int, int, int], ...] = ()
    bullets: dict[tuple[int, int], str] = field(default_factory=dict)
    invisible: dict[tuple[int, int], str] = field(default_factory=dict)
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)  # cells never computed (NOT_COMPUTED)


def read_sheets(path: Path) -> list[RawSheet]:
    """Every sheet of a workbook (or the one table of a CSV file), in workbook order.

    Args:
        path: an .xlsx/.xlsm/.xlsb/.xls/.ods workbook or a .csv/.tsv/.txt file.

    Returns:
        The sheets with their rows; trailing empty rows are dropped.

    Raises:
        InputError: the file is missing, empty, not what its extension says, password-protected,
            truncated or damaged, a zip bomb, or holds no value at all. The message names the file.
    """
    name = path.name
    if not path.is_file():
        raise InputError(f"Không tìm thấy tệp {name}.", code="input.not-found")
    size = path.stat().st_size
    if size == 0:
        raise InputError(f"Tệp {name} rỗng (0 byte).", code="input.empty")
    suffix = path.suffix.lower()
    with path.open("rb") as fh:
        head = fh.read(8)
    if suffix in CSV_SUFFIXES:
        if head.startswith(_ZIP_MAGIC) or head.startswith(_OLE_MAGIC):
            raise InputError(
                f"Tệp {name} có đuôi {suffix} nhưng thực chất là tệp Excel/ODS; hãy đổi đuôi tệp cho đúng.",
                code="input.mislabelled",
            )
        sheets = [_read_csv(path)]
    elif suffix in WORKBOOK_SUFFIXES:
        archive = _check_container(path, suffix, head, size)
        sheets = _read_workbook(path, archive)
    else:
        raise InputError(
            f"Không đọc được tệp {name}: chỉ nhận .xlsx, .xlsm, .xls, .ods hoặc .csv.",
            code="input.unknown-format",
        )
    if not any(sheet.rows for sheet in sheets):
        raise InputError(f"Tệp {name} không có dữ liệu (mọi trang tính đều trống).", code="input.empty")
    return sheets


# --- containers -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Archive:
    """A zip container that passed the checks: its entries, and whether their CRCs are still to be tested."""

    infos: list[zipfile.ZipInfo]
    test_crc: bool


def _check_container(path: Path, suffix: str, head: bytes, size: int) -> _Archive | None:
    name = path.name
    if head.startswith(_OLE_MAGIC):
        if _is_encrypted_ole(path):
            raise InputError(
                f"Tệp {name} được đặt mật khẩu; hãy gỡ mật khẩu trong Excel rồi gửi lại.",
                code="input.encrypted",
            )
        if suffix != ".xls":
            raise InputError(
                f"Tệp {name} có đuôi {suffix} nhưng thực chất là tệp Excel 97-2003 (.xls); hãy đổi đuôi tệp cho đúng.",
                code="input.mislabelled",
            )
        return None
    if head.startswith(_ZIP_MAGIC):
        if suffix == ".xls":  # an .xlsx renamed .xls (people do): calamine would read it as OLE and fail
            actual = ".ods" if _is_ods(path) else ".xlsx"
            raise InputError(
                f"Tệp {name} có đuôi .xls nhưng thực chất là tệp {actual}; hãy đổi đuôi tệp thành {actual}.",
                code="input.mislabelled",
            )
        return _check_zip(path, suffix, size)
    if suffix == ".xls" and head[:1] in (b"<", b"\xef", b"\xff", b"\xfe"):
        kind = "trang HTML hoặc XML"
    elif head.startswith(b"%PDF"):
        kind = "tệp PDF"
    elif head[:4] in (b"PK\x05\x06", b"PK\x07\x08"):
        kind = "tệp nén rỗng hoặc bị cắt"
    else:
        kind = "tệp văn bản hoặc định dạng khác" if _looks_text(path) else "tệp không rõ định dạng"
    raise InputError(
        f"Tệp {name} có đuôi {suffix} nhưng không phải bảng tính (là {kind}).", code="input.mislabelled"
    )


def _is_ods(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as zf:
            return zf.read("mimetype").startswith(b"application/vnd.oasis.opendocument.spreadsheet")
    except (KeyError, *_DAMAGED):
        return False


def _looks_text(path: Path) -> bool:
    with path.open("rb") as fh:
        sample = fh.read(4096)
    return b"\x00" not in sample


def _is_encrypted_ole(path: Path) -> bool:
    # An encrypted .xlsx is an OLE2 compound file whose directory names the stream "EncryptedPackage"
    # (MS-OFFCRYPTO); the directory sits in the first sectors of such small containers, so a bounded
    # byte search is enough and needs no OLE parser. Encrypted .xls is reported by calamine itself.
    with path.open("rb") as fh:
        data = fh.read(4 * 1024 * 1024)
    return _ENCRYPTED in data


def _check_zip(path: Path, suffix: str, size: int) -> _Archive:
    """Everything but the CRC test, which :class:`_CrcTest` runs while the sheets are parsed."""
    name = path.name
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            inflated = sum(i.file_size for i in infos)
            if inflated > MAX_INFLATED or (inflated > RATIO_FLOOR and inflated > MAX_RATIO * size):
                raise InputError(
                    f"Tệp {name} khi giải nén lớn bất thường ({inflated // 1024**2} MB từ {max(size // 1024, 1)} KB); "
                    "từ chối đọc vì có thể là tệp độc hại (zip bomb).",
                    code="input.zip-bomb",
                )
            if suffix == ".ods":
                mimetype = (
                    zf.read("mimetype").decode("ascii", "replace").strip() if "mimetype" in names else ""
                )
                if mimetype != "application/vnd.oasis.opendocument.spreadsheet":
                    raise InputError(
                        f"Tệp {name} có đuôi .ods nhưng không phải bảng tính OpenDocument.",
                        code="input.mislabelled",
                    )
                parts = ["content.xml"]
            else:
                if "[Content_Types].xml" not in names:
                    raise InputError(
                        f"Tệp {name} có đuôi {suffix} nhưng là một tệp nén (zip) khác, không phải bảng tính Excel.",
                        code="input.mislabelled",
                    )
                content_types = _safe_xml(zf, "[Content_Types].xml", name)
                if "spreadsheetml" not in content_types and "ms-excel" not in content_types:
                    kind = "văn bản Word" if "wordprocessingml" in content_types else "tệp Office khác"
                    raise InputError(
                        f"Tệp {name} có đuôi {suffix} nhưng là {kind}, không phải bảng tính Excel.",
                        code="input.mislabelled",
                    )
                parts = sorted(n for n in names if n.startswith("xl/") and n.endswith(".xml"))
            for part in parts:
                if part in names:
                    _refuse_dtd(zf, part, name)
    except InputError:
        raise
    except _DAMAGED as exc:
        raise _damaged(name, exc) from exc
    return _Archive(infos=infos, test_crc=size <= CRC_TEST_MAX)


# What reading a damaged archive raises (zlib.error: one flipped byte in a deflated part, report #22);
# anything else (NotImplementedError) goes up unchanged.
_DAMAGED = (zipfile.BadZipFile, EOFError, OSError, KeyError, ValueError, zlib.error)


def _damaged(name: str, exc: Exception) -> InputError:
    return InputError(
        f"Tệp {name} bị hỏng hoặc không đầy đủ (có thể tải về/chép bị lỗi): {exc}.", code="input.damaged"
    )


class _CrcTest:
    """``ZipFile.testzip`` in a thread, so that it overlaps the parse (zlib and calamine release the GIL).

    :meth:`raise_first` then raises what ``testzip`` would have made :func:`_check_zip` raise, before any
    error of the parse: the first bad part in archive order. The parts in ``skip`` are inflated by
    :func:`_read_split` anyway, which reports how that went (:meth:`passed`, :meth:`failed`) instead of
    inflating them twice; one it did not get to is tested by :meth:`raise_first`.
    """

    def __init__(self, path: Path, infos: list[zipfile.ZipInfo], skip: frozenset[str]) -> None:
        self._path = path
        self._order: dict[str, int] = {}
        for index, info in enumerate(infos):
            self._order.setdefault(info.filename, index)
        self._untested = set(skip)
        self._found: list[tuple[int, str | Exception]] = []
        self._thread = threading.Thread(
            target=self._test, args=(lambda part: part not in skip,), name="tdkt-testzip", daemon=True
        )
        if fastpaths.PLAIN:  # the plain path: the whole test before the parse, as testzip would
            self._thread.run()
        else:
            self._thread.start()

    def _test(self, wanted: Callable[[str], bool]) -> None:
        """Test the ``wanted`` parts in archive order, up to the first bad one."""
        try:
            with zipfile.ZipFile(self._path) as zf:
                for index, info in enumerate(zf.infolist()):
                    if not wanted(info.filename):
                        continue
                    try:
                        # As testzip: by name, in 1 MiB reads; the CRC is compared at the end of the part.
                        with zf.open(info.filename) as fh:
                            while fh.read(2**20):
                                pass
                    except Exception as exc:
                        self._found.append((index, _crc_outcome(info.filename, exc)))
                        return
        except Exception as exc:  # the archive could not be opened a second time
            self._found.append((-1, exc))

    def passed(self, part: str) -> None:
        """``part`` (one of ``skip``) was inflated to its end: its CRC is right."""
        self._untested.discard(part)

    def failed(self, part: str, exc: Exception) -> None:
        """Inflating ``part`` (one of ``skip``) failed with ``exc``."""
        self._untested.discard(part)
        self._found.append((self._order[part], _crc_outcome(part, exc)))

    def raise_first(self, name: str) -> None:
        if not fastpaths.PLAIN:
            self._thread.join()
        if self._untested:
            self._test(self._untested.copy().__contains__)
            self._untested.clear()
        if not self._found:
            return
        _, outcome = min(self._found, key=lambda found: found[0])
        if isinstance(outcome, str):
            raise InputError(f"Tệp {name} bị hỏng (phần {outcome} sai mã kiểm tra).", code="input.damaged")
        if isinstance(outcome, _DAMAGED):
            raise _damaged(name, outcome) from outcome
        raise outcome


def _crc_outcome(part: str, exc: Exception) -> str | Exception:
    # testzip names the part for a BadZipFile (bad CRC or local header) and lets anything else go up.
    return part if isinstance(exc, zipfile.BadZipFile) else exc


def _safe_xml(zf: zipfile.ZipFile, part: str, name: str) -> str:
    """The namespaces and attribute values of a small XML part, parsed with defusedxml."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    data = zf.read(part)
    try:
        root = fromstring(data, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise InputError(
            f"Tệp {name} chứa khai báo XML không an toàn ({part}); từ chối đọc.", code="input.unsafe-xml"
        ) from exc
    except ParseError as exc:
        raise InputError(
            f"Tệp {name} bị hỏng: phần {part} không phải XML hợp lệ.", code="input.damaged"
        ) from exc
    return " ".join(v for el in root.iter() for v in el.attrib.values())


def _refuse_dtd(zf: zipfile.ZipFile, part: str, name: str) -> None:
    with zf.open(part) as fh:
        prolog = fh.read(1024)
    if b"<!DOCTYPE" in prolog or b"<!ENTITY" in prolog:
        raise InputError(
            f"Tệp {name} chứa khai báo XML không an toàn ({part}); từ chối đọc.", code="input.unsafe-xml"
        )


# --- the extent of a sheet, before calamine builds it ------------------------------------------

_ROW_REF = re.compile(rb'<row r="(\d+)"')
_BEYOND: Cache[int, re.Pattern[bytes]] = Cache(256, "tdkt.ingest.beyond")  # one pattern per sheet width


def _letters(column: int) -> str:
    from tdkt.findings import column_letter

    return column_letter(column - 1)


def _beyond(columns: int) -> re.Pattern[bytes]:
    """A cell reference past column ``columns`` (1-based) whose cell has content (not ``<c …/>``)."""
    pattern = _BEYOND.get(columns)
    if pattern is None:
        # Column letters are compared as numbers: more letters, or as many and a later letter at the
        # first place they differ (the same digit-by-digit construction as a range of numbers).
        last = _letters(columns)
        options = [f"[A-Z]{{{len(last) + 1},3}}"] if len(last) < 3 else []
        for i, ch in enumerate(last):
            if ch != "Z":
                options.append(last[:i] + f"[{chr(ord(ch) + 1)}-Z]" + "[A-Z]" * (len(last) - i - 1))
        body = "|".join(options) or "(?!)"
        pattern = re.compile(rf'<c r="(?:{body})\d+"(?:[^>/]|/(?!>))*>'.encode())
        _BEYOND.put(columns, pattern)
    return pattern


def check_extent(xml: bytes, where: str) -> int:
    """Refuse a worksheet's XML (or a slice of it) whose dense box would pass MAX_SHEET_ROWS or
    MAX_CELLS; returns its last row.

    The last row is the last row element's number (every writer puts rows in order; rows without
    a number are counted); the columns come from one search for a cell holding something past the
    widest column that many rows may have. Two passes at C speed, and no cell is built. (A crafted
    file whose cell references contradict their rows' numbers is not looked for.)

    Raises:
        InputError: too many rows, or a far cell (named), with the file and sheet in ``where``.
    """
    at = xml.rfind(b'<row r="')
    m = _ROW_REF.match(xml, at) if at >= 0 else None
    last = int(m.group(1)) if m else xml.count(b"<row ")
    if b"<row>" in xml:  # rows without a number: each is at least one more row
        last = max(last, xml.count(b"<row>") + xml.count(b"<row "))
    if last > MAX_SHEET_ROWS:
        raise InputError(
            f"{where} có {_n(last)} dòng, quá giới hạn {_n(MAX_SHEET_ROWS)} dòng của Excel; không đọc "
            "(tệp hỏng hoặc độc hại).", code="input.too-large")
    allowed = min(MAX_SHEET_COLUMNS, MAX_CELLS // max(last, 1))
    far = _beyond(allowed).search(xml)
    if far is not None:
        ref = far.group()[6:].split(b'"', 1)[0].decode("ascii")
        raise InputError(
            f"{where}: ô {ref} có dữ liệu, ở quá xa bảng ({_n(last)} dòng; tdkt đọc được tới cột "
            f"{_letters(allowed)}). Hãy xóa ô đó (hoặc các cột thừa bên phải) rồi gửi lại.",
            code="input.too-large")
    return last


def _n(number: int) -> str:
    return f"{number:,}".replace(",", ".")


# A formula cell with no value cached (a file written by a program, never opened and saved in Excel):
# calamine gives it as empty, but the one who opens it in Excel sees its result. Such a cell is named,
# never read as empty (see NOT_COMPUTED).
_UNCACHED = re.compile(rb'<c r="([A-Z]{1,3})(\d+)"[^>]*>(?:<f\b[^>]*/>|<f\b[^>]*>([^<]*)</f>)(?:<v\s*/>|<v>\s*</v>)?</c>')
NOT_COMPUTED = "#CHƯA TÍNH!"  # the value given to such a cell (read like a formula error: not understood)
Uncomputed = dict[tuple[int, int], str]  # (row index, column index) → the formula, as written


def _may_have_formula(xml: bytes) -> bool:
    """``b"<f" in xml``, found through the letter f, which a sheet's XML rarely holds outside ``<f>``
    (its text is in the shared strings): ``find`` of one byte is a memchr, about ten times faster than
    searching two bytes after every "<" (~10 ms against ~100 ms on the bench's 98 MB sheet). A sheet
    with many f's (inline strings) is searched for "<f" from the 64th on (in place, no copy)."""
    find = xml.find
    i = find(b"f")
    hits = 0
    while i >= 0:
        if xml[i - 1:i] == b"<":
            return True
        hits += 1
        if hits > 64:
            return find(b"<f", max(i - 1, 0)) >= 0
        i = find(b"f", i + 1)
    return False


def _uncomputed(xml: bytes) -> Uncomputed:
    if not _may_have_formula(xml):
        return {}
    out: Uncomputed = {}
    for m in _UNCACHED.finditer(xml):
        col = 0
        for ch in m[1]:
            col = col * 26 + ch - 64
        out[(int(m[2]) - 1, col - 1)] = "=" + html.unescape((m[3] or b"").decode("utf-8", "replace"))
    return out


def _check_sheets(path: Path, parts: dict[str, str], skip: set[str]) -> dict[str, Uncomputed]:
    """check_extent of every worksheet part of an .xlsx/.xlsm not in ``skip`` (the slicer checks those);
    the formula cells of each whose value was never computed."""
    name = path.name
    found: dict[str, Uncomputed] = {}
    try:
        with zipfile.ZipFile(path) as zf:
            for sheet, part in parts.items():
                if sheet in skip:
                    continue
                try:
                    xml = zf.read(part)
                except KeyError:
                    continue  # calamine reports a sheet without its part
                check_extent(xml, f"Tệp {name}, trang tính '{nfc_text(sheet)}'")
                if cells := _uncomputed(xml):
                    found[sheet] = cells
    except InputError:
        raise
    except _DAMAGED:
        return found  # the CRC test or calamine says what is wrong
    return found


def sheet_parts(path: Path) -> dict[str, str]:
    """Sheet name → its worksheet part in an .xlsx/.xlsm, as calamine resolves the relationships
    (sheet names or parts given twice are left out)."""
    from defusedxml.ElementTree import fromstring

    try:
        with zipfile.ZipFile(path) as zf:
            workbook = fromstring(zf.read("xl/workbook.xml"), forbid_dtd=True)
            rels = fromstring(zf.read("xl/_rels/workbook.xml.rels"), forbid_dtd=True)
    except Exception:
        return {}  # the CRC test or calamine reports what is wrong
    targets = {
        rel.get("Id"): rel.get("Target", "") for rel in rels.iter() if rel.tag.endswith("}Relationship")
    }
    pairs: list[tuple[str, str]] = []
    for sheet in workbook.iter():
        if not sheet.tag.endswith("}sheet"):
            continue
        rid = next((v for k, v in sheet.attrib.items() if k.endswith("}id")), None)
        target = targets.get(rid, "")
        part = (
            target[1:]
            if target.startswith("/xl/")
            else target
            if target.startswith("xl/")
            else f"xl/{target}"
        )
        pairs.append((sheet.get("name", ""), part))
    names = [n for n, _ in pairs]
    parts = [p for _, p in pairs]
    return {n: p for n, p in pairs if n and names.count(n) == 1 and parts.count(p) == 1}


# --- workbooks --------------------------------------------------------------------------------


def _read_workbook(path: Path, archive: _Archive | None) -> list[RawSheet]:
    from tdkt.ingest.xlsx_slices import _split_candidates

    name = path.name
    parts = sheet_parts(path) if archive is not None and path.suffix.lower() in (".xlsx", ".xlsm") else {}
    split = _split_candidates(path, archive, parts) if archive is not None and not fastpaths.PLAIN else {}
    uncomputed = _check_sheets(path, parts, set(split)) if parts else {}  # the slicer checks its slices itself
    crc = None
    if archive is not None and archive.test_crc:
        crc = _CrcTest(path, archive.infos, frozenset(part.filename for part, _ in split.values()))
    try:
        sheets = _parse_workbook(path, split, crc, uncomputed)
    except Exception:
        if crc is not None:
            crc.raise_first(name)  # a damaged part comes first, as when testzip ran before the parse
        raise
    if crc is not None:
        crc.raise_first(name)
    return sheets


def _parse_workbook(
    path: Path, split: dict[str, tuple[zipfile.ZipInfo, int]], crc: _CrcTest | None,
    uncomputed: dict[str, Uncomputed] | None = None,
) -> list[RawSheet]:
    import python_calamine as pc

    from tdkt.ingest.xlsx_slices import _read_split

    name = path.name
    try:
        wb = pc.CalamineWorkbook.from_path(str(path))
        try:
            sheets: list[RawSheet] = []
            for meta in wb.sheets_metadata:
                slices = split.get(meta.name)
                legacy: Legacy = {}
                bullets: Bullets = {}
                invisible: Bullets = {}
                merged: list[Merge] = []
                formulas = dict((uncomputed or {}).get(meta.name, {}))  # the slicer finds those of its sheets
                rows = (None if slices is None
                        else _read_split(path, *slices, meta.name, crc, legacy, merged, bullets, invisible,
                                         formulas))
                if rows is None:
                    sheet = wb.get_sheet_by_name(meta.name)
                    legacy.clear()
                    bullets.clear()
                    invisible.clear()
                    merged = merges(sheet)
                    with no_gc():
                        rows = _normalise(sheet.to_python(skip_empty_area=False), legacy, bullets, invisible)
                hidden = meta.visible != pc.SheetVisibleEnum.Visible
                _mark_uncomputed(rows, formulas)
                sheets.append(RawSheet(name=nfc_text(meta.name), rows=rows, hidden=hidden, legacy=legacy,
                                       merged=tuple(sorted(set(merged))), bullets=bullets, invisible=invisible,
                                       formulas=formulas))
        finally:
            wb.close()
    except pc.PasswordError as exc:
        raise InputError(
            f"Tệp {name} được đặt mật khẩu; hãy gỡ mật khẩu trong Excel rồi gửi lại.", code="input.encrypted"
        ) from exc
    except (pc.CalamineError, pc.ZipError, pc.XmlError, ValueError, OSError, RuntimeError) as exc:
        raise InputError(f"Tệp {name} bị hỏng, không đọc được: {exc}.", code="input.damaged") from exc
    return sheets


Merge = tuple[int, int, int, int]


def _mark_uncomputed(rows: list[list[CellValue]], formulas: Uncomputed) -> None:
    """Give every formula cell never computed the value NOT_COMPUTED (rows added where the sheet's box ended)."""
    for (r, c) in sorted(formulas):
        while len(rows) <= r:
            rows.append([])
        row = rows[r]
        if len(row) <= c:
            row += [None] * (c + 1 - len(row))
        if row[c] is None:
            row[c] = NOT_COMPUTED


def merges(sheet: Any) -> list[Merge]:
    """A calamine sheet's merged cells as (first row, first column, last row, last column); none for a
    format calamine reads no merges from."""
    try:
        ranges = sheet.merged_cell_ranges
    except Exception:  # a format calamine has no merged cells for
        return []
    return [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in ranges or ()]


def nfc_text(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def _cell(value: Any) -> CellValue:
    # Hand-written on purpose: one pass with exact type checks is the cheapest way to normalise the
    # ~2 million values of a 100,000-row list (calamine returns floats for every number, '' for empty).
    t = type(value)
    if t is str:
        if not value:
            return None
        return (
            value
            if value.isascii() or unicodedata.is_normalized("NFC", value)
            else unicodedata.normalize("NFC", value)
        )
    if t is float:
        return int(value) if value.is_integer() else value
    if t is int or t is bool or t is dt.date or t is dt.datetime:
        return value  # type: ignore[no-any-return]
    if isinstance(value, dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return value.total_seconds() / 86400
    return None if value is None else str(value)


# Text tidied when read (see RawSheet): odd spaces become spaces, "\r\n" and "\r" become "\n"; zero-width
# characters, and bullets and numbering at the start of a line (followed by a space and text, so a lone
# "-" or "1." stays what it is), are removed by :func:`finish`, which records where (the reader names
# each cell that lost an invisible character).
_UNTIDY = re.compile("[\u00a0\u2000-\u200d\u2060\u202f\u205f\u3000\ufeff\r]")
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")
_INVISIBLE = re.compile("[" + "".join(sorted(ZERO_WIDTH)) + "]")
_TIDY = str.maketrans({
    **dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff", None),
    **dict.fromkeys("\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000",
                    " "),
})  # fmt: skip
_BULLET = re.compile(r"(?m)^[ \t]*(?:[-+*•·●▪◦○►▸–—]|\d{1,2}[.)])[ \t]+(?=\S)")
_LEADS = frozenset("-+* \t")  # how an ASCII text with a bullet can start
_DIGITS = frozenset("0123456789")
_DOTS = frozenset(".)")  # after one or two digits: a number "1." / "12)"
_BULLET_LEADS = _LEADS | _DIGITS | frozenset("•·●▪◦○►▸–—")  # how any text with a bullet or number can start


def tidy(text: str) -> str:
    """``text`` (NFC) with zero-width characters removed, odd spaces made spaces, line breaks "\\n"."""
    if _UNTIDY.search(text) is None:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_TIDY)


def unbullet(text: str) -> str:
    """``text`` without the bullets or numbering at the start of its lines ("- ", "• ", "+ ", "1. ", "2) ")."""
    return _BULLET.sub("", text)


@dataclass
class Seen:
    """Texts :func:`_values` met that :func:`finish` looks at once the sheet's rows are in place:
    ``latin`` the non-ASCII ones within Latin-1 (what a legacy font produces), ``bulleted`` those
    with a bullet or number at the start of a line, ``invisible`` those with a zero-width character."""

    latin: set[str] = field(default_factory=set)
    bulleted: set[str] = field(default_factory=set)
    invisible: set[str] = field(default_factory=set)
    memo: dict[str, str | None] = field(default_factory=dict)  # text → as held; shared by a sheet's slices


def _values(rows: Iterable[list[Any]], seen: Seen) -> list[list[CellValue]]:
    """Cells normalised (see :func:`_cell`, :func:`tidy`); what :func:`finish` must look at goes to ``seen``."""
    # _cell with its common cases inlined (text, empty text, numbers): saves a call per value, ~20 % of
    # this loop on a 100,000-row list. Printable ASCII text (one line: no line break) that cannot start
    # with a bullet is kept as it is (str.isascii is one flag test; isprintable one scan where two
    # searches for "\n" and "\r" were). Other text goes through a memo of its distinct values: the
    # NFC check, the tidying and the Latin-1 test are made once per distinct text (~30,000 of ~1
    # million in the bench's 100,000 rows; the slices of a sheet share the memo, :func:`_collect`
    # converts them one after the other); the hash the memo computes is kept by the
    # string, and the field handlers' memos need it anyway. (A memo of every value was slower: hashing
    # ~1.3 million fresh strings, ASCII ones included, cost more than the checks it saved.) The Latin-1
    # test is an encode that drops what Latin-1 lacks (0.15 µs; max() walks the text in Python
    # objects, 0.8 µs).
    cell, text, number, nfc, normalize = _cell, str, float, unicodedata.is_normalized, unicodedata.normalize
    add, bulleted, untidy, bullet, leads = seen.latin.add, seen.bulleted.add, _UNTIDY.search, _BULLET.search, _LEADS
    bullet_leads, invisible, digits, dots = _BULLET_LEADS, _INVISIBLE.search, _DIGITS, _DOTS
    memo = seen.memo
    known = memo.get

    def fresh(v: str) -> str | None:  # text met for the first time
        out = v if nfc("NFC", v) else normalize("NFC", v)
        printable = out.isprintable()  # no odd space, zero-width character or line break: the usual text
        if not printable and untidy(out) is not None:
            if invisible(out) is not None:  # removed by finish, which says where
                seen.invisible.add(out)
                t = tidy(out)
                if not t.isascii() and len(t.encode("latin-1", "ignore")) == len(t):
                    add(t)
                memo[v] = out
                return out
            out = tidy(out)
        if (out[:1] in bullet_leads or (not printable and "\n" in out)) and bullet(out) is not None:
            bulleted(out)
        if not out.isascii() and len(out.encode("latin-1", "ignore")) == len(out):
            add(out)
        memo[v] = out or None
        return out or None

    return [
        [
            (v if v.isascii() and v.isprintable() and (c := v[0]) not in leads
             and not (c in digits and (v[1:2] in dots or v[2:3] in dots)) else known(v) or fresh(v))
            if (t := v.__class__) is text and v
            else None
            if t is text
            else (int(v) if v.is_integer() else v)
            if t is number
            else None
            if v == ""
            else cell(v)
            for v in row
        ]
        if row
        else []
        for row in rows
    ]


Legacy = dict[tuple[int, int], tuple[str, str]]


def convert_legacy(rows: list[list[CellValue]], latin: set[str], legacy: Legacy | None) -> None:
    """The cells typed in a legacy font (TCVN3/VNI) turned into Unicode, in place, each one's original
    text and encoding recorded in ``legacy`` under (row index, column index).

    ``latin`` holds the sheet's non-ASCII texts within Latin-1 (:func:`_values`). One is legacy text
    when reading it in an encoding makes more of its words Vietnamese (:func:`tdkt.ingest.legacy.readings`).
    The sheet's encoding is the one most such texts read best in; a text that reads as well in both
    ("Khoâng", VNI for "Không", is "Khoõng" in TCVN3) is read in it. When the legacy cells outnumber
    the sheet's Unicode cells (a sheet typed in that font), a text that reads as Vietnamese both ways
    ("Ghi chó", TCVN3 for "Ghi chú") is converted too.
    """
    if not latin:
        return
    from tdkt.ingest.legacy import fluent, readings

    better: dict[str, tuple[dict[str, tuple[str, int]], list[str]]] = {}
    for t in latin:
        if fluent(t):  # Vietnamese as it is ("Lê Hà"): no reading can be better
            continue
        base, options = readings(t)
        best = max((score for _, score in options.values()), default=0)
        if best > base:
            better[t] = (options, sorted(e for e, (_, score) in options.items() if score == best))
    if not better:
        return
    votes = [w[0] for _, w in better.values() if len(w) == 1] or [w[0] for _, w in better.values()]
    main = max(sorted(set(votes)), key=votes.count)
    sure: dict[str, tuple[str, str]] = {}
    for t, (options, winners) in better.items():
        encoding = main if main in winners else winners[0]
        sure[t] = (options[encoding][0], encoding)
    tied: dict[str, tuple[str, str]] = {}
    for t in latin:
        if t not in sure:
            base, options = readings(t)
            if main in options and options[main][1] >= max(base, 1):
                tied[t] = (options[main][0], main)
    found: Legacy = {}
    maybe: Legacy = {}
    unicode_cells = 0
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            if v.__class__ is not str or v.isascii():
                continue
            if v in sure:
                found[(i, j)] = (v, sure[v][1])
            elif v in tied:
                maybe[(i, j)] = (v, main)
            elif max(v) > "\xff":
                unicode_cells += 1
    if len(found) > unicode_cells:
        found.update(maybe)
    for (i, j), (original, _) in found.items():
        rows[i][j] = sure[original][0] if original in sure else tied[original][0]
    if legacy is not None:
        legacy.update(found)


Bullets = dict[tuple[int, int], str]


def finish(
    rows: list[list[CellValue]],
    seen: Seen,
    legacy: Legacy | None,
    bullets: Bullets | None,
    invisible: Bullets | None = None,
) -> None:
    """The sheet's rows made what :class:`RawSheet` holds, in place: where the bulleted texts and those
    with zero-width characters are (recorded in ``bullets`` and ``invisible``), legacy text converted
    (:func:`convert_legacy`), then zero-width characters and bullets removed."""
    where: Bullets = {}
    hidden: Bullets = {}
    if seen.bulleted or seen.invisible:
        marked, unseen = seen.bulleted, seen.invisible
        for i, row in enumerate(rows):
            for j, v in enumerate(row):
                if isinstance(v, str):
                    if v in marked:
                        where[(i, j)] = v
                    elif v in unseen:
                        hidden[(i, j)] = v
    for (i, j), v in hidden.items():
        t = tidy(v)
        rows[i][j] = t or None
        if _BULLET.search(t) is not None:
            where[(i, j)] = v
    convert_legacy(rows, seen.latin, legacy)
    for i, j in where:
        rows[i][j] = unbullet(cast(str, rows[i][j]))
    if bullets is not None:
        bullets.update(where)
    if invisible is not None:
        invisible.update(hidden)


def _normalise(
    rows: Iterable[list[Any]],
    legacy: Legacy | None = None,
    bullets: Bullets | None = None,
    invisible: Bullets | None = None,
) -> list[list[CellValue]]:
    """Rows of calamine values as :class:`RawSheet` holds them (see :func:`_values`, :func:`finish`)."""
    seen = Seen()
    out = _values(rows, seen)
    _drop_empty_tail(out)
    finish(out, seen, legacy, bullets, invisible)
    _drop_empty_tail(out)  # a last row of zero-width spaces is empty too
    return out


def _drop_empty_tail(rows: list[list[CellValue]]) -> None:
    while rows and all(v is None for v in rows[-1]):
        rows.pop()


# --- CSV --------------------------------------------------------------------------------------


def decode_csv(data: bytes, path: Path) -> str:
    """Text of a CSV file as Excel saves it (UTF-8 ± BOM, UTF-16, Windows-1258), NFC: see
    :func:`tdkt.ingest.delimited.decode`."""
    from tdkt.ingest.delimited import decode

    return decode(data, path.name)


def _read_csv(path: Path) -> RawSheet:
    from tdkt.ingest.delimited import records, sniff_delimiter

    text = decode_csv(path.read_bytes(), path)
    rows: list[list[CellValue]] = [[v if v.strip() else None for v in row]
                                   for row in records(text, sniff_delimiter(text), path.name)]
    while rows and all(v is None for v in rows[-1]):
        rows.pop()
    seen = Seen()
    rows = _values(rows, seen)
    legacy: Legacy = {}
    bullets: Bullets = {}
    invisible: Bullets = {}
    finish(rows, seen, legacy, bullets, invisible)
    _drop_empty_tail(rows)
    return RawSheet(name=path.stem, rows=rows, legacy=legacy, bullets=bullets, invisible=invisible)

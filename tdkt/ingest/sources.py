"""Spreadsheet and CSV files → plain rows of cell values (the only place that opens input files).

Workbooks (.xlsx, .xlsm, .xlsb, .xls, .ods) are read with python-calamine: about 6× faster than
openpyxl in read-only mode, and it keeps a real date cell (``datetime.date``) apart from a date typed
as text (``str``), which the validator must report. Formulas are never evaluated: calamine returns
the value Excel cached. CSV files are decoded as Excel writes them (UTF-8 with or without BOM,
UTF-16 "Unicode text", Windows-1258) and split by the stdlib ``csv`` module.

Before a workbook is handed to calamine, the container is checked here so that a bad file gives one
Vietnamese sentence naming the file instead of a library traceback: empty, not what its extension
says, password-protected (an OLE2 ``EncryptedPackage``), truncated, or a zip bomb (declared inflated
size absurd for the file size). The XML parts we inspect ourselves go through defusedxml, and any
part that declares a DTD is refused (calamine does not expand entities, but a DTD in a spreadsheet
part has no legitimate use). The CRC of every part is tested in a thread while calamine parses.

A big .xlsx/.xlsm sheet (over 16 MB of XML, about 17,000 rows) is parsed in slices of rows by two
threads (see "parallel parse" below): the same rows, about 0.6 s sooner for 100,000 rows on two cores.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import threading
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from tdkt.errors import InputError
from tdkt.util import no_gc

if TYPE_CHECKING:
    from python_calamine import CalamineSheet

CellValue = str | int | float | bool | dt.date | dt.datetime | None

WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"})
CSV_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})

# Zip-bomb limits: a real 100,000-row nomination list is ~10 MB zipped and ~72 MB inflated (ratio ≈ 7);
# sparse sheets compress better, but not by a factor of 100 once they are large.
MAX_INFLATED = 2 * 1024**3
MAX_RATIO = 100
RATIO_FLOOR = 64 * 1024**2  # below this inflated size the ratio does not matter
CRC_TEST_MAX = 32 * 1024**2  # larger files skip the CRC test of every part (calamine reads what it needs)

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


@dataclass(frozen=True)
class RawSheet:
    """One sheet as rows of values. ``rows[i]`` is spreadsheet row ``i + 1``; ``rows[i][j]`` column ``j``.

    Empty cells are ``None``, integral numbers ``int``, text NFC (legacy TCVN3/VNI text is left as
    it is: see :mod:`tdkt.ingest.legacy`). CSV cells are always text (leading zeros kept).
    """

    name: str
    rows: list[list[CellValue]]
    hidden: bool = False


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


# What reading a damaged archive raises; anything else (zlib.error, NotImplementedError) goes up unchanged.
_DAMAGED = (zipfile.BadZipFile, EOFError, OSError, KeyError, ValueError)


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


# --- workbooks --------------------------------------------------------------------------------


def _read_workbook(path: Path, archive: _Archive | None) -> list[RawSheet]:
    name = path.name
    split = _split_candidates(path, archive) if archive is not None else {}
    crc = None
    if archive is not None and archive.test_crc:
        crc = _CrcTest(path, archive.infos, frozenset(part.filename for part, _ in split.values()))
    try:
        sheets = _parse_workbook(path, split, crc)
    except Exception:
        if crc is not None:
            crc.raise_first(name)  # a damaged part comes first, as when testzip ran before the parse
        raise
    if crc is not None:
        crc.raise_first(name)
    return sheets


def _parse_workbook(
    path: Path, split: dict[str, tuple[zipfile.ZipInfo, int]], crc: _CrcTest | None
) -> list[RawSheet]:
    import python_calamine as pc

    name = path.name
    try:
        wb = pc.CalamineWorkbook.from_path(str(path))
        try:
            sheets: list[RawSheet] = []
            for meta in wb.sheets_metadata:
                slices = split.get(meta.name)
                rows = None if slices is None else _read_split(path, *slices, meta.name, crc)
                if rows is None:
                    sheet = wb.get_sheet_by_name(meta.name)
                    with no_gc():
                        rows = _normalise(sheet.to_python(skip_empty_area=False))
                hidden = meta.visible != pc.SheetVisibleEnum.Visible
                sheets.append(RawSheet(name=nfc_text(meta.name), rows=rows, hidden=hidden))
        finally:
            wb.close()
    except pc.PasswordError as exc:
        raise InputError(
            f"Tệp {name} được đặt mật khẩu; hãy gỡ mật khẩu trong Excel rồi gửi lại.", code="input.encrypted"
        ) from exc
    except (pc.CalamineError, pc.ZipError, pc.XmlError, ValueError, OSError, RuntimeError) as exc:
        raise InputError(f"Tệp {name} bị hỏng, không đọc được: {exc}.", code="input.damaged") from exc
    return sheets


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


def _values(rows: Iterable[list[Any]]) -> list[list[CellValue]]:
    # _cell with its common cases inlined (text, empty text, numbers): saves a call per value, ~20 % of
    # this loop on a 100,000-row list. A memo of distinct values was slower: hashing ~1.3 million fresh
    # strings costs more than the ASCII/NFC checks it would save.
    cell, text, number, nfc = _cell, str, float, unicodedata.is_normalized
    return [
        [
            (v if v.isascii() or nfc("NFC", v) else cell(v))
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


def _normalise(rows: Iterable[list[Any]]) -> list[list[CellValue]]:
    out = _values(rows)
    _drop_empty_tail(out)
    return out


def _drop_empty_tail(rows: list[list[CellValue]]) -> None:
    while rows and all(v is None for v in rows[-1]):
        rows.pop()


# --- parallel parse of one big sheet ----------------------------------------------------------
#
# Hand-written because calamine parses a sheet on one core (it has no multi-threaded parse): for a
# 100,000-row list that is ~1.2 s of a ~1.8 s read. The rows of <sheetData> are a flat run of <row>
# elements, so the sheet XML is cut into slices at row starts, each slice wrapped in the sheet's own head
# (everything up to <sheetData>) and closing tags, put in a small stored zip with the workbook's other
# parts, and parsed by calamine in worker threads (it releases the GIL) while the main thread inflates
# the next slices and converts the finished ones. The slices' rows are then placed by calamine's
# start/end of each slice, so the result equals the plain read exactly.
#
# Why a cut is exact: between elements, calamine's cell reader keeps only a row index (set by a row's
# r=, else counted on from the row before) and a column index (set by a cell's r=, else counted on, and
# reset by </row>). A cut is made only where "</row>" is followed by "<row r=": there both indexes are
# the same at the start of a slice as in the whole sheet, so rows and cells without an r= of their own
# are placed alike. calamine stops at the first </sheetData>, which therefore must not occur before the
# last slice; a "<row r=" inside a comment, CDATA section or processing instruction would not be a tag.
# Such sheets (none written by Excel, LibreOffice or the usual libraries) are read the plain way, as is a
# sheet whose slices overlap (rows out of order) or one of whose slices calamine rejects: its errors are
# those of the plain read. The sheet's name and hidden state come from the whole workbook, as before.

_SPLIT_MIN_BYTES = 16 * 1024**2  # inflated sheet XML; below it the plain read is about as fast
_SPLIT_CHUNKS = 8  # at most; measured on 100,000 rows: 4 → 1.42 s, 6 → 1.23 s, 8 → 1.15 s, 12 → 1.27 s
_SPLIT_WORKERS = 2
# Each slice's workbook parses the whole shared-string table again: slices are made few enough that this
# adds at most a quarter of the sheet's bytes (an 18 MB table beside a 50 MB sheet: no split at all).
_SST_WEIGHT = 4
_PIECE = 2 * 1024**2  # inflated per read, so that the first slice is parsed while the rest inflates
_SHEET_DATA = b"<sheetData>"
_ROW = b'<row r="'
_ROW_END = b"</row>"
_CLOSE = b"</sheetData></worksheet>"

_ChunkRows = tuple[int, int, int, list[list[CellValue]]]  # first row, first column, last column, rows


class _Unsuitable(Exception):
    """The sheet XML has something the cutting does not handle: read it the plain way."""


def _cpus() -> int:
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity is not None else os.cpu_count() or 1


def _split_candidates(path: Path, archive: _Archive) -> dict[str, tuple[zipfile.ZipInfo, int]]:
    """Sheet name → (worksheet part, number of slices), for the sheets worth the parallel parse."""
    if path.suffix.lower() not in (".xlsx", ".xlsm") or _cpus() < 2:
        return {}
    strings = sum(i.file_size for i in archive.infos if i.filename.lower() == "xl/sharedstrings.xml")
    big = {
        info.filename: (info, _slice_count(info.file_size, strings))
        for info in archive.infos
        if info.file_size >= _SPLIT_MIN_BYTES
        and info.filename.startswith("xl/worksheets/")
        and info.filename.endswith(".xml")
    }
    big = {name: entry for name, entry in big.items() if entry[1] >= 2}
    if not big:
        return {}
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
        # The part as calamine resolves the relationship's target.
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
    return {n: big[p] for n, p in pairs if p in big and n and names.count(n) == 1 and parts.count(p) == 1}


def _slice_count(size: int, strings: int) -> int:
    return min(_SPLIT_CHUNKS, size // (_SST_WEIGHT * strings)) if strings and _SST_WEIGHT else _SPLIT_CHUNKS


def _read_split(
    path: Path, part: zipfile.ZipInfo, slices: int, sheet: str, crc: _CrcTest | None
) -> list[list[CellValue]] | None:
    """``sheet`` parsed as slices in parallel; None when the plain read must do it (see above)."""
    pool = ThreadPoolExecutor(_SPLIT_WORKERS, thread_name_prefix="tdkt-sheet")
    try:
        futures: list[Future[CalamineSheet]] = []
        try:
            with zipfile.ZipFile(path) as zf, zf.open(part.filename) as fh:
                try:
                    others = _other_parts(zf)
                    for xml in _row_chunks(fh, part.file_size, slices):
                        futures.append(pool.submit(_parse_chunk, others, part.filename, sheet, xml))
                except _Unsuitable:
                    while fh.read(_PIECE):  # inflate to the end all the same: that is its CRC test
                        pass
                    futures.clear()
        except Exception as exc:  # what testzip would have met in this part
            if crc is None:
                return None  # no CRC test for this file: calamine's read decides
            crc.failed(part.filename, exc)
            raise
        if crc is not None:
            crc.passed(part.filename)
        return _collect(futures) if futures else None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# Parts that opening a workbook and parsing one sheet does not read, left out of the slices' workbooks
# (images can weigh more than the rest together); a slice that needed one would fail and be read plainly.
_NOT_FOR_SLICES = (
    "xl/worksheets/",
    "xl/chartsheets/",
    "xl/drawings/",
    "xl/charts/",
    "xl/media/",
    "xl/embeddings/",
    "xl/printerSettings/",
    "xl/vbaProject.bin",
    "docProps/",
)


def _other_parts(zf: zipfile.ZipFile) -> list[tuple[str, bytes]]:
    """The parts a slice's workbook needs besides its sheet."""
    try:
        return [(i.filename, zf.read(i)) for i in zf.infolist() if not i.filename.startswith(_NOT_FOR_SLICES)]
    except Exception as exc:
        raise _Unsuitable from exc  # a damaged part, which the CRC test or calamine reports


def _row_chunks(fh: IO[bytes], size: int, slices: int) -> Iterator[bytes]:
    """The sheet XML as about ``slices`` worksheets of whole rows, each as soon as it is inflated."""
    step = max(size // slices, _PIECE)
    buf = b""
    start = -1
    while start < 0:
        piece = fh.read(_PIECE)
        if not piece or len(buf) > 1024**2:
            raise _Unsuitable  # no <sheetData> (a namespace prefix?) in a head far longer than any sheet's
        buf += piece
        start = buf.find(_SHEET_DATA)
    start += len(_SHEET_DATA)
    head = buf[:start]
    if b"<!" in head:
        raise _Unsuitable
    pending = [buf[start:]]
    have = len(pending[0])
    ended = False
    while not ended:
        piece = fh.read(_PIECE)
        ended = not piece
        pending.append(piece)
        have += len(piece)
        if have <= step and not ended:
            continue
        buf = b"".join(pending)
        cut = _row_boundary(buf, step)
        while cut > 0:
            _check_rows(buf, cut)
            yield b"".join((head, memoryview(buf)[:cut], _CLOSE))
            buf = buf[cut:]
            cut = _row_boundary(buf, step) if len(buf) > step else -1
        pending, have = [buf], len(buf)
    end = buf.rfind(b"</sheetData>")
    if end < 0:
        raise _Unsuitable
    _check_rows(buf, end)
    yield head + buf


def _row_boundary(buf: bytes, start: int) -> int:
    """Offset of the first ``<row r="`` at or after ``start`` that follows a ``</row>``, or -1."""
    at = buf.find(_ROW, start)
    while at > 0 and not buf[max(at - 32, 0) : at].rstrip().endswith(_ROW_END):
        at = buf.find(_ROW, at + 1)
    return at


def _check_rows(buf: bytes, end: int) -> None:
    """Refuse rows ``buf[:end]`` that hold a comment, CDATA, processing instruction or an end of sheetData."""
    # One byte first: a memchr-speed scan, where the two-byte search is ~15× slower on this XML.
    if (buf.find(b"!", 0, end) >= 0 and buf.find(b"<!", 0, end) >= 0) or (
        buf.find(b"?", 0, end) >= 0 and buf.find(b"<?", 0, end) >= 0
    ):
        raise _Unsuitable
    if buf.find(b"sheetData", 0, end) >= 0:
        raise _Unsuitable


def _parse_chunk(others: list[tuple[str, bytes]], part: str, sheet: str, xml: bytes) -> CalamineSheet:
    import python_calamine as pc

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as out:
        for name, data in others:
            out.writestr(name, data)
        out.writestr(part, xml)
    buf.seek(0)
    wb = pc.CalamineWorkbook.from_filelike(buf)
    try:
        return wb.get_sheet_by_name(sheet)
    finally:
        wb.close()


def _collect(futures: list[Future[CalamineSheet]]) -> list[list[CellValue]] | None:
    """Each slice converted as soon as it is parsed (in any order), then all of them assembled."""
    chunks: list[_ChunkRows] = []
    with no_gc():
        for future in as_completed(futures):
            try:
                sheet = future.result()
            except Exception:
                return None  # calamine refused a slice: the plain read gives its error (or its rows)
            if sheet.start is None or sheet.end is None:
                continue  # no value in these rows
            (first_row, first_col), (_, last_col) = sheet.start, sheet.end
            chunks.append((first_row, first_col, last_col, _values(sheet.to_python(skip_empty_area=True))))
        chunks.sort(key=lambda chunk: chunk[0])
        return _assemble(chunks)


def _assemble(chunks: list[_ChunkRows]) -> list[list[CellValue]] | None:
    """The slices' rows where ``to_python(skip_empty_area=False)`` of the whole sheet puts them."""
    width = max((last_col + 1 for _, _, last_col, _ in chunks), default=0)
    blank: list[CellValue] = [None] * width
    out: list[list[CellValue]] = []
    for first_row, first_col, last_col, rows in chunks:
        if first_row < len(out):
            return None  # rows out of order in the file, so slices overlap
        out.extend(blank.copy() for _ in range(first_row - len(out)))
        if first_col or last_col + 1 < width:
            left, right = blank[:first_col], blank[last_col + 1 :]
            rows = [left + row + right for row in rows]
        out.extend(rows)
    _drop_empty_tail(out)
    return out


# --- CSV --------------------------------------------------------------------------------------


def decode_csv(data: bytes, path: Path) -> str:
    """Text of a CSV file as Excel saves it: UTF-8 (with or without BOM), UTF-16 (BOM), Windows-1258.

    Windows-1258 writes many Vietnamese letters as a base letter plus a combining tone mark; the
    result is NFC either way.

    Raises:
        InputError: binary content, or bytes that no supported encoding accepts (names the file).
    """
    name = path.name
    if data.startswith(b"\xef\xbb\xbf"):
        text = _decode(data[3:], "utf-8", name)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _decode(data, "utf-16", name)
    elif len(data) >= 4 and data[1] == 0 and data[3] == 0 and data[0] != 0:
        text = _decode(data, "utf-16-le", name)  # UTF-16 without BOM (rare; some exporters)
    elif len(data) >= 4 and data[0] == 0 and data[2] == 0 and data[1] != 0:
        text = _decode(data, "utf-16-be", name)
    else:
        if b"\x00" in data:
            raise InputError(
                f"Tệp {name} không phải tệp văn bản CSV (chứa dữ liệu nhị phân).", code="input.mislabelled"
            )
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode(data, "cp1258", name)
    return unicodedata.normalize("NFC", text)


def _decode(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"Tệp {name} không đọc được bằng bảng mã {encoding} (byte lỗi ở vị trí {exc.start}); "
            "hãy lưu lại dạng CSV UTF-8.",
            code="input.bad-encoding",
        ) from exc


def _delimiter(text: str) -> str:
    # csv.Sniffer guesses wrongly on short Vietnamese lines with commas inside names; Excel writes one
    # of three separators, so counting them on the first non-empty line is both simpler and reliable.
    for line in text.splitlines():
        if line.strip():
            counts = {d: line.count(d) for d in ("\t", ";", ",")}
            best = max(counts, key=lambda d: counts[d])
            return best if counts[best] else ","
    return ","


def _read_csv(path: Path) -> RawSheet:
    text = decode_csv(path.read_bytes(), path)
    delimiter = _delimiter(text)
    try:
        reader = csv.reader(text.splitlines(), delimiter=delimiter)
        rows: list[list[CellValue]] = [[v if v.strip() else None for v in row] for row in reader]
    except csv.Error as exc:
        raise InputError(f"Tệp {path.name} không phải CSV hợp lệ: {exc}.", code="input.damaged") from exc
    while rows and all(v is None for v in rows[-1]):
        rows.pop()
    return RawSheet(name=path.stem, rows=rows)

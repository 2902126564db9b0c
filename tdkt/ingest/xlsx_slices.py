"""The parallel parse of one big .xlsx/.xlsm sheet: its XML cut into slices of rows, parsed by two threads.

A fast path of :mod:`tdkt.ingest.sources`, which decides when to take it and reads the sheet the plain
way whenever this module says None.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from pathlib import Path
from typing import IO, TYPE_CHECKING

from tdkt.errors import InputError
from tdkt.ingest.sources import (
    MAX_CELLS,
    Bullets,
    CellValue,
    Merge,
    Seen,
    Uncomputed,
    _Archive,
    _CrcTest,
    _drop_empty_tail,
    _uncomputed,
    _values,
    check_extent,
    finish,
    merges,
)
from tdkt.util import no_gc

if TYPE_CHECKING:
    from python_calamine import CalamineSheet


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


def _split_candidates(path: Path, archive: _Archive, parts: dict[str, str]) -> dict[str, tuple[zipfile.ZipInfo, int]]:
    """Sheet name → (worksheet part, number of slices), for the sheets worth the parallel parse;
    ``parts`` is :func:`tdkt.ingest.sources.sheet_parts` of the file."""
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
    return {n: big[p] for n, p in parts.items() if p in big}


def _slice_count(size: int, strings: int) -> int:
    return min(_SPLIT_CHUNKS, size // (_SST_WEIGHT * strings)) if strings and _SST_WEIGHT else _SPLIT_CHUNKS


def _read_split(
    path: Path,
    part: zipfile.ZipInfo,
    slices: int,
    sheet: str,
    crc: _CrcTest | None,
    legacy: dict[tuple[int, int], tuple[str, str]] | None = None,
    merged: list[Merge] | None = None,
    bullets: Bullets | None = None,
    invisible: Bullets | None = None,
    formulas: Uncomputed | None = None,
) -> list[list[CellValue]] | None:
    """``sheet`` parsed as slices in parallel; None when the plain read must do it (see above). The formula
    cells never computed go to ``formulas`` (see :data:`tdkt.ingest.sources.NOT_COMPUTED`).

    Legacy-font cells are converted as by the plain read, and recorded in ``legacy``; the merged cells
    (which the sheet XML lists after its rows, so in the last slice) go to ``merged`` (see
    :class:`tdkt.ingest.sources.RawSheet`)."""
    pool = ThreadPoolExecutor(_SPLIT_WORKERS, thread_name_prefix="tdkt-sheet")
    try:
        futures: list[Future[CalamineSheet]] = []
        try:
            with zipfile.ZipFile(path) as zf, zf.open(part.filename) as fh:
                try:
                    others = _other_parts(zf)
                    where = f"Tệp {path.name}, trang tính '{sheet}'"
                    for xml in _row_chunks(fh, part.file_size, slices):
                        if formulas is not None:
                            formulas.update(_uncomputed(xml))
                        futures.append(pool.submit(_parse_chunk, others, part.filename, sheet, xml, where))
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
        return _collect(futures, legacy, merged, bullets, invisible) if futures else None
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


def _parse_chunk(others: list[tuple[str, bytes]], part: str, sheet: str, xml: bytes, where: str) -> CalamineSheet:
    import python_calamine as pc

    check_extent(xml, where)  # in the worker: the search runs beside the other slice's parse
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


def _collect(
    futures: list[Future[CalamineSheet]],
    legacy: dict[tuple[int, int], tuple[str, str]] | None = None,
    merged: list[Merge] | None = None,
    bullets: Bullets | None = None,
    invisible: Bullets | None = None,
) -> list[list[CellValue]] | None:
    """Each slice converted as soon as it is parsed (in any order), then all of them assembled; legacy-font
    text is converted and bullets removed in the assembled rows, so that their (row, column) are the plain
    read's."""
    chunks: list[_ChunkRows] = []
    seen = Seen()
    with no_gc():
        for future in as_completed(futures):
            try:
                sheet = future.result()
            except InputError:
                raise  # a slice past the limits (check_extent): the sheet is refused
            except Exception:
                return None  # calamine refused a slice: the plain read gives its error (or its rows)
            if merged is not None:
                merged.extend(merges(sheet))
            if sheet.start is None or sheet.end is None:
                continue  # no value in these rows
            (first_row, first_col), (_, last_col) = sheet.start, sheet.end
            chunks.append((first_row, first_col, last_col, _values(sheet.to_python(skip_empty_area=True), seen)))
        chunks.sort(key=lambda chunk: chunk[0])
        out = _assemble(chunks)
        if out is not None:
            finish(out, seen, legacy, bullets, invisible)
            _drop_empty_tail(out)
        return out


def _assemble(chunks: list[_ChunkRows]) -> list[list[CellValue]] | None:
    """The slices' rows where ``to_python(skip_empty_area=False)`` of the whole sheet puts them."""
    width = max((last_col + 1 for _, _, last_col, _ in chunks), default=0)
    height = max((first_row + len(rows) for first_row, _, _, rows in chunks), default=0)
    if width * height > MAX_CELLS:  # each slice was within the limit, but the sheet's box is not
        raise InputError(f"Trang tính rộng {width} cột × {height} dòng, quá {MAX_CELLS} ô tdkt đọc được; hãy "
                         "xóa các cột thừa bên phải rồi gửi lại.", code="input.too-large")
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

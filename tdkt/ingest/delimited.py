"""CSV text as Excel saves it: the encoding, the separator and the records, within fixed limits.

Used by every CSV reader (nomination lists through :mod:`tdkt.ingest.sources`, ballots through
:mod:`tdkt.ballots`), so they read the same bytes the same way:

- **Encoding** (:func:`decode`): a BOM says UTF-8 or UTF-16; else zero bytes in every other position
  of the head say UTF-16 without a BOM; else the file is UTF-8 if it decodes as UTF-8, and
  Windows-1258 if it does not — unless the text before the first bad byte already holds UTF-8
  letters, in which case it is a damaged UTF-8 file and is refused (naming the line), never read as
  Windows-1258 mojibake; a one-byte file whose head reads as more Vietnamese syllables in VISCII than in
  Windows-1258 is VISCII. The text is NFC.
- **Separator** (:func:`sniff_delimiter`): tab, ";" or "," — the one that splits the most lines of
  the head (the first ``HEAD_LINES`` non-empty lines) into the same number of fields, so that title
  lines above the header ("DANH SÁCH ĐỀ NGHỊ …", with or without a comma) do not decide it.
- **Records** (:func:`records`): split only at CR LF or LF (at CR only in a file that has no LF
  at all, as old Mac Excel saved). ``str.splitlines`` also breaks at U+2028, U+2029, U+0085, form
  feed, vertical tab and U+001C–U+001E: one such character in a cell made a phantom row (report #4).
  Here they stay inside their cell, and so does a lone CR.
- **Limits** before the work: at most ``MAX_ROWS`` records and ``MAX_COLUMNS`` fields a record
  (Excel's own limits), ``MAX_LINE`` characters a line, ``csv.field_size_limit()`` characters a
  field; beyond them the file is refused with one line naming the row (exit 3).
- A cell that tdkt's own CSV export protected with an apostrophe (``'=…``, see
  :func:`tdkt.output.csv_text`) reads back as it was.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator

from tdkt.errors import InputError
from tdkt.output import FORMULA_START

MAX_ROWS = 1_048_576  # rows of an Excel sheet
MAX_COLUMNS = 16_384  # columns of an Excel sheet (XFD)
MAX_LINE = 4 * 1024**2  # characters of one line; a real list's longest line is a few KB
HEAD_LINES = 50  # non-empty lines the separator is chosen from
HEAD_BYTES = 64 * 1024  # bytes the UTF-16 test looks at
DELIMITERS = ("\t", ";", ",")
_LONE_CR = re.compile(r"\r(?!\n)")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f]")
_CR_MARK = "\ufdd0"  # a noncharacter (never in interchange text): a lone CR while csv parses


def _error(name: str, message: str, code: str = "input.too-large") -> InputError:
    return InputError(f"Tệp {name}: {message}", code=code)


def _n(number: int) -> str:
    """1048576 → "1.048.576" (Vietnamese thousands)."""
    return f"{number:,}".replace(",", ".")


def _too_many_rows(name: str) -> InputError:
    return _error(name, f"có hơn {_n(MAX_ROWS)} dòng, quá giới hạn của Excel; không đọc.")


def _too_long(name: str, row: int) -> InputError:
    return _error(name, f"dòng {row} dài hơn {_n(MAX_LINE)} ký tự; không đọc.")


def _too_wide(name: str, row: int) -> InputError:
    return _error(name, f"dòng {row} có hơn {_n(MAX_COLUMNS)} cột, quá giới hạn của Excel; không đọc.")


# --- encoding -----------------------------------------------------------------------------------


def decode(data: bytes, name: str) -> str:
    """The NFC text of a CSV file (see the module docstring for how the encoding is chosen).

    Raises:
        InputError: binary content, a damaged UTF-8 file, or bytes no supported encoding accepts.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        text = _strict(data[3:], "utf-8", name)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _strict(data, "utf-16", name)
    elif (utf16 := _utf16_without_bom(data[:HEAD_BYTES])) is not None:
        text = _strict(data, utf16, name)
    else:
        if b"\x00" in data:
            raise InputError(f"Tệp {name} không phải tệp văn bản CSV (chứa dữ liệu nhị phân).",
                             code="input.mislabelled")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            before = data[:exc.start]
            if not before.isascii():  # UTF-8 letters before the bad byte: a damaged UTF-8 file
                line = before.count(b"\n") + 1
                raise InputError(
                    f"Tệp {name} là UTF-8 nhưng có byte lỗi ở dòng {line} (tệp hỏng hoặc ghép từ hai bảng mã); "
                    "hãy mở bằng Excel và lưu lại dạng CSV UTF-8.", code="input.bad-encoding") from exc
            text = _one_byte(data, name)
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def _one_byte(data: bytes, name: str) -> str:
    """A one-byte Vietnamese file: Windows-1258 (what Excel saves as "CSV" on a Vietnamese Windows), or VISCII
    (older software) when that reading makes more of the head's words Vietnamese syllables."""
    from tdkt.ingest.legacy import decode_viscii, vietnamese_score

    head = data[:HEAD_BYTES]
    try:
        cp = unicodedata.normalize("NFC", head.decode("cp1258"))
    except UnicodeDecodeError:
        cp = None
    if vietnamese_score(decode_viscii(head)) > (vietnamese_score(cp) if cp is not None else -1):
        return decode_viscii(data)
    return _strict(data, "cp1258", name)


def _utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when the head's zero bytes sit in every other position (the ASCII
    letters of UTF-16 text), else None."""
    if len(head) < 4:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    found = ("utf-16-le" if odd * 4 >= len(head) // 2 and even * 8 <= odd else
             "utf-16-be" if even * 4 >= len(head) // 2 and odd * 8 <= even else None)
    if found is None:
        return None
    text = head[:len(head) // 2 * 2].decode(found, "replace")
    return None if _CONTROL.search(text) else found  # zeros that decode to control characters: binary


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"Tệp {name} không đọc được bằng bảng mã {encoding} (byte lỗi ở vị trí {exc.start}); "
            "hãy lưu lại dạng CSV UTF-8.",
            code="input.bad-encoding",
        ) from exc


# --- separator ----------------------------------------------------------------------------------


def _separator(text: str) -> str:
    """The record separator: LF (CR LF is LF with a CR before it), or CR in a file without any LF."""
    return "\r" if "\n" not in text and "\r" in text else "\n"


def sniff_delimiter(text: str) -> str:
    """Tab, ";" or ",": the separator that gives the most head lines one common field count (≥ 2),
    the larger count on a tie, tab then ";" then "," after that; "," when no line has two fields.

    csv.Sniffer guesses wrongly on short Vietnamese lines with commas inside names, and a title line
    above the header has no separator at all (or a comma in its text), so one line cannot decide.
    """
    sep = _separator(text)
    head: list[str] = []
    start = 0
    while len(head) < HEAD_LINES and start < len(text):
        end = text.find(sep, start)
        line = text[start:] if end < 0 else text[start:end]
        start = len(text) if end < 0 else end + 1
        if line.strip() and len(line) <= MAX_LINE:
            head.append(line.rstrip("\r"))
    best, score = ",", (0, 0, 0)
    for rank, d in enumerate(reversed(DELIMITERS)):
        counts = Counter(n for n in (_fields(line, d) for line in head) if n >= 2)
        if not counts:
            continue
        width, lines = max(counts.items(), key=lambda item: (item[1], item[0]))
        if (lines, width, rank) > score:
            best, score = d, (lines, width, rank)
    return best


def _fields(line: str, delimiter: str) -> int:
    """Fields of one line (quotes respected; a line inside a quoted multi-line cell counts as it can)."""
    if '"' not in line:
        return line.count(delimiter) + 1
    try:
        return max((len(row) for row in csv.reader([_LONE_CR.sub(_CR_MARK, line)], delimiter=delimiter)), default=0)
    except csv.Error:
        return 0


# --- records ------------------------------------------------------------------------------------


def records(text: str, delimiter: str, name: str) -> Iterator[list[str]]:
    """The rows of CSV text, split only at CR LF / LF (see the module docstring), within the limits.

    Raises (while iterating):
        InputError: more than MAX_ROWS rows, a row of more than MAX_COLUMNS fields, a line of more than
            MAX_LINE characters or a field beyond csv.field_size_limit() (names the row), or quoting
            the csv module refuses.
    """
    sep = _separator(text)
    if text.endswith(sep):
        text = text[:-1]
        if sep == "\n" and text.endswith("\r"):
            text = text[:-1]
    if not text:
        return iter(())
    escaped = "'" in text
    if '"' not in text:
        # No quoting anywhere: str.split gives exactly csv.reader's rows, ~40 % faster (a million
        # ballot marks). The limits are checked with C-speed passes over the lines first.
        lines = (text.replace("\r\n", "\n") if sep == "\n" and "\r" in text else text).split(sep)
        _check_lines(lines, delimiter, name, wide=text.count(delimiter) >= MAX_COLUMNS)
        rows: Iterator[list[str]] = map(str.split, lines, itertools.repeat(delimiter))
    else:
        rows = _quoted(text, sep, delimiter, name)
    return _unescaped(rows) if escaped else rows


def _check_lines(lines: list[str], delimiter: str, name: str, *, wide: bool) -> None:
    if len(lines) > MAX_ROWS:
        raise _too_many_rows(name)
    if max(map(len, lines)) > MAX_LINE:
        raise _too_long(name, next(i for i, line in enumerate(lines, 1) if len(line) > MAX_LINE))
    if wide:  # enough separators in the file for one row to pass the limit: look for it
        for i, line in enumerate(lines, 1):
            if line.count(delimiter) >= MAX_COLUMNS:
                raise _too_wide(name, i)


def _quoted(text: str, sep: str, delimiter: str, name: str) -> Iterator[list[str]]:
    lone_cr = sep == "\n" and _LONE_CR.search(text) is not None
    if lone_cr:  # csv.reader refuses a bare CR in an unquoted field: carry it through as a mark
        text = _LONE_CR.sub(_CR_MARK, text)
    lines = _checked(io.StringIO(text, newline=sep), delimiter, name)
    reader = csv.reader(lines, delimiter=delimiter)
    try:
        for n, row in enumerate(reader, 1):
            if n > MAX_ROWS:
                raise _too_many_rows(name)
            if len(row) > MAX_COLUMNS:
                raise _too_wide(name, reader.line_num)
            yield [v.replace(_CR_MARK, "\r") for v in row] if lone_cr else row
    except csv.Error as exc:
        limit = csv.field_size_limit()
        if "field larger than field limit" in str(exc):
            raise _error(name, f"dòng {reader.line_num} có một ô dài hơn {_n(limit)} ký tự; không đọc.") from exc
        raise InputError(f"Tệp {name} không phải CSV hợp lệ (dòng {reader.line_num}): dấu ngoặc kép không khớp "
                         "hoặc ký tự lạ.", code="input.damaged") from exc


def _checked(lines: Iterable[str], delimiter: str, name: str) -> Iterator[str]:
    for n, line in enumerate(lines, 1):
        if len(line) > MAX_LINE:
            raise _too_long(name, n)
        if len(line) > MAX_COLUMNS and line.count(delimiter) >= MAX_COLUMNS and '"' not in line:
            raise _too_wide(name, n)
        yield line


def _unescaped(rows: Iterator[list[str]]) -> Iterator[list[str]]:
    """Undo :func:`tdkt.output.csv_text`: ``'=…`` → ``=…`` (only before a formula start)."""
    for row in rows:
        yield [v[1:] if v[:1] == "'" and v[1:].startswith(FORMULA_START) else v for v in row]

"""Reading ballots (phiếu bầu): the two layouts, the vocabulary of marks, written opinions of absentees.

A secretariat digitises the council's paper ballots in one of two layouts (docs/ballots.md):

* **wide** — one row per ballot, one column per nominee (headed by the nominee's code or full
  name), the mark in the cell; optional columns for the ballot number, the member and whether the
  ballot is the written opinion of an absent member;
* **long** — one row per (ballot, nominee, choice).

Files are decoded by :mod:`tdkt.ingest.sources` (CSV in UTF-8 ± BOM, UTF-16, Windows-1258; .xlsx
and the other workbook formats). Windows-1258 text arrives with combining tone marks and is
normalised to NFC before any matching. Every mark is classified once per distinct spelling into
one of four codes (agree, disagree, blank, invalid); an unknown mark is *invalid* — it is kept with
the cell it came from so that the tally can name the ballot and the column, and it never counts as
a vote. The counting path is plain loops over strings and dicts (no model per mark): a million
marks are read in well under a second.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tdkt import messages
from tdkt.cache import Cache
from tdkt.errors import InputError
from tdkt.findings import CellRef, Finding, Severity, column_letter
from tdkt.text import clean, fold, name_key, nfc, strip_diacritics

# The four kinds of mark. Short interned strings: they are the values of a million-entry dict.
AGREE = "agree"
DISAGREE = "disagree"
BLANK = "blank"
INVALID = "invalid"
KINDS = (AGREE, DISAGREE, BLANK, INVALID)

# --- vocabulary ---------------------------------------------------------------------------------
# The documented marks (docs/ballots.md §2), as a secretariat writes them. A mark is one of them when,
# after NFC, lower case, trimming and one space for every run of spaces (or "_" between words), it is
# exactly that word — with its Vietnamese marks, or typed with none at all ("dong y", "khong"). Any
# other character — a "?", a bracket, a slash, a minus sign, a second letter, a zero-width space,
# half the accents — makes the mark invalid: a mark is never guessed. (Folding punctuation away, as
# before, counted "đồng ý?", "x?", "(x)", "x/" and "-1" as agree: report #3.)
AGREE_WORDS = ("x", "1", "đồng ý", "có", "tán thành", "yes", "agree", "y")
DISAGREE_WORDS = ("0", "không", "không đồng ý", "ko", "k", "không tán thành", "phản đối", "no", "disagree", "n")
BLANK_WORDS = ("", "không ý kiến", "kyk", "để trống", "bỏ trống", "trống", "blank", "abstain")
AGREE_SYMBOLS = ("✓", "✔", "☑", "✅", "√")

# Whether a ballot is the written opinion (ý kiến bằng văn bản) of an absent member: the same matching.
WRITTEN_YES_WORDS = ("x", "1", "có", "văn bản", "bằng văn bản", "ý kiến bằng văn bản", "phiếu văn bản",
                     "vắng mặt", "written", "yes")
WRITTEN_NO_WORDS = ("", "0", "không", "tại hội nghị", "trực tiếp", "có mặt", "hội nghị", "no", "present")

_SPACES = re.compile(r"[\s_]+")


def _spelling(text: str) -> str:
    """What a mark is compared as: NFC, lower case, trimmed, each run of spaces or "_" one space."""
    return _SPACES.sub(" ", nfc(text)).strip().lower()


def vocabulary(meanings: dict[str, Sequence[str]]) -> dict[str, str]:
    """Spelling → meaning for each word of ``meanings``, with and without its Vietnamese marks.

    Raises:
        ValueError: two meanings share a spelling (a vocabulary that would guess).
    """
    out: dict[str, str] = {}
    for meaning, words in meanings.items():
        for word in words:
            for spelling in {_spelling(word), _spelling(strip_diacritics(word))}:
                if out.setdefault(spelling, meaning) != meaning:
                    raise ValueError(f"ballot vocabulary: {spelling!r} means two things")
    return out


MARKS = vocabulary({AGREE: (*AGREE_WORDS, *AGREE_SYMBOLS), DISAGREE: DISAGREE_WORDS, BLANK: BLANK_WORDS})
WRITTEN = vocabulary({"yes": WRITTEN_YES_WORDS, "no": WRITTEN_NO_WORDS})


# --- headers ------------------------------------------------------------------------------------
BALLOT_HEADERS = frozenset(
    {
        "ballot",
        "ballot id",
        "so phieu",
        "phieu so",
        "ma phieu",
        "phieu",
        "stt phieu",
        "stt",
        "so thu tu",
        "tt",
    }
)
MEMBER_HEADERS = frozenset(
    {"member", "member id", "thanh vien", "ma thanh vien", "nguoi bo phieu", "uy vien"}
)
NOMINEE_HEADERS = frozenset(
    {
        "nominee",
        "nominee id",
        "ung vien",
        "nguoi duoc de nghi",
        "doi tuong",
        "ma ho so",
        "ma de nghi",
        "ho va ten",
        "ho ten",
        "ten",
        "ten tap the ca nhan",
        "ca nhan tap the",
        "ma",
    }
)
CHOICE_HEADERS = frozenset(
    {"choice", "mark", "vote", "lua chon", "y kien", "bieu quyet", "danh dau", "ket qua", "phieu bau"}
)
WRITTEN_HEADERS = frozenset(
    {
        "written",
        "van ban",
        "y kien bang van ban",
        "phieu van ban",
        "bang van ban",
        "vang mat",
        "loai phieu",
        "hinh thuc bo phieu",
        "hinh thuc",
    }
)
AWARD_HEADERS = frozenset(
    {"award", "hinh thuc khen thuong", "danh hieu", "khen thuong", "danh hieu hinh thuc"}
)
IGNORED_HEADERS = frozenset({"ghi chu", "note", "notes", "nguoi nhap", "entered by"})

messages.register(
    "tally.duplicate-mark",
    Severity.ERROR,
    "Phiếu {ballot} có hai dòng cho {nominee} (dòng {first_row} và dòng {row}); chỉ được một lựa chọn.",
    "Trong bảng dạng dòng (phiếu, người, lựa chọn), một phiếu chỉ có một lựa chọn cho mỗi người; "
    "dòng lặp là lỗi nhập liệu và phải sửa trước khi kiểm phiếu.",
)
messages.register(
    "tally.bad-written-flag",
    Severity.ERROR,
    "Phiếu {ballot}: không hiểu giá trị '{value}' ở cột ý kiến bằng văn bản (dùng 'x'/'văn bản' hoặc để trống).",
    "Cột đánh dấu ý kiến bằng văn bản của thành viên vắng mặt quyết định số thành viên có mặt và túc số; "
    "giá trị lạ không được đoán.",
)
messages.register(
    "tally.inconsistent-written",
    Severity.ERROR,
    "Phiếu {ballot}: các dòng ghi khác nhau về ý kiến bằng văn bản (dòng {first_row} và dòng {row}).",
    "Một phiếu hoặc là phiếu tại hội nghị hoặc là ý kiến bằng văn bản của thành viên vắng mặt, không thể cả hai.",
)


@dataclass(frozen=True)
class InvalidMark:
    """An unknown mark, with the cell it came from (for the finding that names ballot and column)."""

    raw: str
    row: int
    column: str | None
    header: str | None


@dataclass
class Ballot:
    """One ballot: its id, the mark per nominee column key, and whether it is a written opinion.

    ``marks`` maps a column key to one of :data:`KINDS`; a nominee with no mark on the ballot counts
    as blank. ``invalid`` keeps the raw text and cell of each invalid mark.
    """

    id: str
    marks: dict[str, str] = field(default_factory=dict)
    written: bool = False
    member: str | None = None
    file: str = ""
    sheet: str | None = None
    row: int | None = None
    invalid: dict[str, InvalidMark] = field(default_factory=dict)

    @property
    def cell(self) -> CellRef:
        return CellRef(file=self.file, sheet=self.sheet, row=self.row)


@dataclass(frozen=True)
class Column:
    """A nominee as the ballots name it: a stable key, the label as written, where it was read."""

    key: str
    label: str
    file: str = ""
    column: str | None = None
    award: str | None = None  # from an award column of the long layout, as written


@dataclass
class BallotSet:
    """Everything read from one or more ballot files."""

    ballots: list[Ballot] = field(default_factory=list)
    columns: dict[str, Column] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    layouts: dict[str, str] = field(default_factory=dict)  # file name → "wide" | "long"

    def extend(self, other: BallotSet) -> None:
        self.ballots.extend(other.ballots)
        for key, col in other.columns.items():
            self.columns.setdefault(key, col)
        self.findings.extend(other.findings)
        self.layouts.update(other.layouts)


# --- marks --------------------------------------------------------------------------------------

_MARK_CACHE: Cache[Any, str] = Cache(100_000, "tdkt.ballots.marks")


def classify(value: Any) -> str:
    """The kind of a mark (agree | disagree | blank | invalid) by the documented vocabulary.

    ``x``, ``X``, ``1``, ``✓``, ``đồng ý`` → agree; ``0``, ``không``, ``không đồng ý`` → disagree;
    empty, ``không ý kiến`` → blank; anything else → invalid. Numbers from a workbook: 1 → agree,
    0 → disagree. Results are cached per distinct value, so a million marks cost a dict lookup each.
    """
    try:
        return _MARK_CACHE[value]
    except KeyError:
        pass
    except TypeError:  # unhashable: never a mark
        return INVALID
    return _MARK_CACHE.put(value, _classify(value))


def _classify(value: Any) -> str:
    if value is None:
        return BLANK
    if isinstance(value, bool):
        return AGREE if value else DISAGREE
    if isinstance(value, int | float):
        return AGREE if value == 1 else DISAGREE if value == 0 else INVALID
    if not isinstance(value, str):
        return INVALID
    return MARKS.get(_spelling(value), INVALID)


def _written(value: Any) -> bool | None:
    if value is None:
        return False
    if isinstance(value, bool | int) and value in (0, 1):
        return bool(value)
    meaning = WRITTEN.get(_spelling(str(value)))
    return None if meaning is None else meaning == "yes"


def ballot_key(ballot_id: str) -> str | int:
    """What two ballot numbers are compared by: a number as a number ("05" is ballot 5), anything
    else as written (trimmed)."""
    text = ballot_id.strip()
    return int(text) if text.isdecimal() and len(text) < 20 else text


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean(str(value))


# --- files --------------------------------------------------------------------------------------


Rows = Iterable[Sequence[Any]]


def read_ballots(paths: Sequence[Path]) -> BallotSet:
    """Read every ballot file (wide or long layout, detected from the header) into one set.

    Args:
        paths: .csv (UTF-8 ± BOM, UTF-16, Windows-1258) or workbook files.

    Returns:
        The ballots, the nominee columns in the order first seen, and reading findings
        (duplicate rows, unreadable written-opinion flags).

    Raises:
        InputError: a file cannot be read, has no recognisable header, or a row lacks a ballot id
            or nominee in the long layout (the message names file, row and column).
    """
    result = BallotSet()
    for path in paths:
        for sheet, reopen in _tables(path):
            result.extend(read_rows(reopen(), file=path.name, sheet=sheet, reopen=reopen))
    return result


def _tables(path: Path) -> Iterator[tuple[str | None, Callable[[], Rows]]]:
    """The tables of a file, each as a function that (re)opens its rows as an iterator."""
    from tdkt.ingest.delimited import decode, records, sniff_delimiter
    from tdkt.ingest.sources import CSV_SUFFIXES, read_sheets

    if path.suffix.lower() in CSV_SUFFIXES and path.is_file():
        # CSV rows are streamed from the decoded text rather than built by read_sheets: the
        # benchmark file has a million marks, and materialising and normalising every cell would
        # triple the time and memory. decode already returns NFC text; records splits only at
        # CR LF / LF and enforces the row, column and field limits.
        try:
            data = path.read_bytes()
        except OSError as exc:
            from tdkt.output import read_reason

            raise InputError(
                f"Không đọc được tệp {path.name}: {read_reason(exc)}.", code="input.not-found"
            ) from exc
        if not data.strip():
            raise InputError(f"Tệp {path.name} rỗng, không có phiếu nào.", code="input.empty")
        text = decode(data, path.name)
        delimiter = sniff_delimiter(text)
        yield None, lambda: records(text, delimiter, path.name)
        return
    sheets = [s for s in read_sheets(path) if s.rows and not s.hidden]
    if not sheets:
        raise InputError(f"Tệp {path.name} không có trang tính nào có dữ liệu.", code="input.empty")
    # A workbook may hold other sheets (instructions, the list of nominees): take those that look like
    # ballots, i.e. whose header is found; if none does, report on the first.
    chosen = [s for s in sheets if _find_header(s.rows[:15]) is not None] or sheets[:1]
    for sheet in chosen:
        yield sheet.name, (lambda rows=sheet.rows: iter(rows))  # type: ignore[misc]


def _find_header(rows: Sequence[Sequence[Any]]) -> int | None:
    """Index of the header row: the first of the top rows naming a known ballot column.

    Title rows above the table ("PHIẾU BẦU …", merged across the sheet) have a single value and are
    skipped; a row with at least two values is a header if one of them is a ballot, member,
    nominee, choice or written-opinion header, else the first such row is (a wide sheet without a
    ballot number column).
    """
    known = BALLOT_HEADERS | MEMBER_HEADERS | CHOICE_HEADERS | WRITTEN_HEADERS | NOMINEE_HEADERS
    first_wide: int | None = None
    for i, row in enumerate(rows):
        values = [fold(_text(v)) for v in row if _text(v)]
        if len(values) < 2:
            continue
        if any(v in known for v in values):
            return i
        if first_wide is None:
            first_wide = i
    return first_wide


def read_rows(
    rows: Rows, *, file: str, sheet: str | None = None, reopen: Callable[[], Rows] | None = None
) -> BallotSet:
    """Ballots from the rows of one table (header detected, then wide or long layout).

    ``rows`` may be a one-pass iterator; ``reopen`` gives the rows again for the rare second pass
    that locates the first row of a duplicated entry.
    """
    if reopen is None:
        kept = rows if isinstance(rows, list) else list(rows)
        rows, reopen = kept, lambda: iter(kept)
    it = iter(rows)
    head = list(itertools.islice(it, 15))
    where = f"{file}" + (f", trang tính '{sheet}'" if sheet else "")
    h = _find_header(head)
    if h is None:
        raise InputError(
            f"{where}: không tìm thấy dòng tiêu đề của phiếu bầu (cần các cột Số phiếu và tên/mã từng người, "
            "hoặc các cột Số phiếu, Người được đề nghị, Lựa chọn).",
            code="input.missing-column",
        )
    header = [_text(v) for v in head[h]]
    folded = [fold(v) for v in header]
    roles: dict[str, int] = {}
    for j, key in enumerate(folded):
        for role, names in (
            ("ballot", BALLOT_HEADERS),
            ("member", MEMBER_HEADERS),
            ("written", WRITTEN_HEADERS),
            ("choice", CHOICE_HEADERS),
            ("award", AWARD_HEADERS),
            ("nominee", NOMINEE_HEADERS),
        ):
            if key in names and role not in roles:
                roles[role] = j
                break
    data = itertools.chain(head[h + 1 :], it)
    table = _Table(file, sheet, where, h, header, roles, reopen)
    if "nominee" in roles and "choice" in roles:
        return _read_long(data, table)
    return _read_wide(data, table)


@dataclass(frozen=True)
class _Table:
    file: str
    sheet: str | None
    where: str
    h: int  # 0-based index of the header row; data row k (0-based after it) is spreadsheet row h + 2 + k
    header: list[str]
    roles: dict[str, int]
    reopen: Callable[[], Rows]

    def cell(self, row: int, j: int) -> CellRef:
        return CellRef(
            file=self.file, sheet=self.sheet, row=row, column=column_letter(j), header=self.header[j]
        )


def _empty(row: Sequence[Any]) -> bool:
    return not any(v is not None and v != "" for v in row)


def _read_wide(data: Rows, t: _Table) -> BallotSet:
    file, sheet, header, roles = t.file, t.sheet, t.header, t.roles
    out = BallotSet(layouts={file: "wide"})
    special = {j for r, j in roles.items() if r in ("ballot", "member", "written")}
    nominee_cols: list[tuple[int, str]] = []
    seen: dict[str, int] = {}
    for j, label in enumerate(header):
        if j in special or not label or fold(label) in IGNORED_HEADERS:
            continue
        key = name_key(label) or label  # names as written: a diacritic makes another person
        if key in seen:
            raise InputError(
                f"{t.where}: cột {column_letter(j)} và cột {column_letter(seen[key])} cùng tên '{label}'; "
                "mỗi người chỉ một cột.",
                code="input.duplicate-column",
            )
        seen[key] = j
        nominee_cols.append((j, key))
        out.columns[key] = Column(key=key, label=label, file=file, column=column_letter(j))
    if not nominee_cols:
        raise InputError(
            f"{t.where}: dòng tiêu đề {t.h + 1} không có cột nào cho người được đề nghị.",
            code="input.missing-column",
        )
    ib = roles.get("ballot")
    im = roles.get("member")
    iw = roles.get("written")
    cache = _MARK_CACHE
    seq = 0
    for rownum, row in enumerate(data, start=t.h + 2):
        if _empty(row):
            continue
        seq += 1
        n = len(row)
        bid = _text(row[ib]) if ib is not None and ib < n else ""
        if not bid:
            bid = str(seq)  # no ballot number column: the ballot's position, for --verify
        ballot = Ballot(id=bid, file=file, sheet=sheet, row=rownum)
        if im is not None and im < n:
            ballot.member = _text(row[im]) or None
        if iw is not None:
            flag = _written(row[iw] if iw < n else None)
            if flag is None:
                out.findings.append(
                    messages.make(
                        "tally.bad-written-flag", cell=t.cell(rownum, iw), ballot=bid, value=_text(row[iw])
                    )
                )
            ballot.written = bool(flag)
        marks = ballot.marks
        for j, key in nominee_cols:
            value = row[j] if j < n else None
            kind = cache.get(value)
            if kind is None:
                kind = classify(value)
            marks[key] = kind
            if kind is INVALID:
                ballot.invalid[key] = InvalidMark(_text(value), rownum, column_letter(j), header[j])
        out.ballots.append(ballot)
    return out


def _read_long(data: Rows, t: _Table, *, careful: bool = False) -> BallotSet:
    # The hot loop of a million-mark tally: plain indexing, two cached dict lookups per row, and
    # the current ballot kept in a local while its rows are consecutive (as exported). A repeated
    # (ballot, nominee) is not looked for row by row: if the marks stored fall short of the rows
    # read, the table is read again ``careful``-ly, which reports each repeat with both rows.
    file, sheet, header, roles = t.file, t.sheet, t.header, t.roles
    out = BallotSet(layouts={file: "long"})
    if "ballot" not in roles:
        raise InputError(
            f"{t.where}: bảng dạng dòng (người, lựa chọn) thiếu cột Số phiếu ở dòng tiêu đề {t.h + 1}.",
            code="input.missing-column",
        )
    ib, inom, ich = roles["ballot"], roles["nominee"], roles["choice"]
    im = roles.get("member")
    iw = roles.get("written")
    ia = roles.get("award")
    width = max(ib, inom, ich, im or 0, iw or 0, ia or 0) + 1
    ballots: dict[str, Ballot] = {}
    dups: list[tuple[Ballot, str, int]] = []
    written_row: dict[str, int] = {}
    keys: dict[Any, str] = {}
    columns = out.columns
    cache = _MARK_CACHE
    cur_id: Any = object()
    cur = Ballot(id="")
    marks = cur.marks
    rownum = t.h + 1
    skipped = 0
    for rownum, row in enumerate(data, start=t.h + 2):
        try:
            raw_bid = row[ib]
            raw_nom = row[inom]
            value = row[ich]
        except IndexError:  # a short row: blank at the end, or cells missing
            if _empty(row):
                skipped += 1
                continue
            row = [*row, *([None] * (width - len(row)))]
            raw_bid, raw_nom, value = row[ib], row[inom], row[ich]
        if raw_bid != cur_id:
            if raw_bid is None or raw_bid == "" or raw_nom is None or raw_nom == "":
                if _empty(row):
                    skipped += 1
                    continue
                _missing(t, rownum, ib if raw_bid is None or raw_bid == "" else inom)
            bid = raw_bid.strip() if type(raw_bid) is str else _text(raw_bid)
            found = ballots.get(bid)
            if found is None:
                found = ballots[bid] = Ballot(id=bid, file=file, sheet=sheet, row=rownum)
                if im is not None and im < len(row):
                    found.member = _text(row[im]) or None
            cur, cur_id, marks = found, raw_bid, found.marks
        key = keys.get(raw_nom)
        if key is None:
            if raw_nom is None or raw_nom == "":
                if _empty(row):
                    skipped += 1
                    continue
                _missing(t, rownum, inom)
            key = keys[raw_nom] = _nominee_key(raw_nom)
            if key not in columns:
                columns[key] = Column(
                    key=key,
                    label=_text(raw_nom),
                    file=file,
                    column=column_letter(inom),
                    award=(_text(row[ia]) or None) if ia is not None else None,
                )
        kind = cache.get(value)
        if kind is None:
            kind = classify(value)
        if careful and key in marks:
            dups.append((cur, key, rownum))
            continue
        marks[key] = kind
        if kind is INVALID:
            cur.invalid[key] = InvalidMark(_text(value), rownum, column_letter(ich), header[ich])
        if iw is not None:
            _long_written(out, cur, row[iw] if iw < len(row) else None, t.cell(rownum, iw), written_row)
    if not careful and sum(len(b.marks) for b in ballots.values()) != rownum - t.h - 1 - skipped:
        return _read_long(itertools.islice(t.reopen(), t.h + 1, None), t, careful=True)
    if dups:
        _report_duplicates(out, dups, t, keys)
    out.ballots = list(ballots.values())
    return out


def _missing(t: _Table, rownum: int, j: int) -> None:
    what = "số phiếu" if j == t.roles["ballot"] else "người được đề nghị"
    raise InputError(
        f"{t.where}, dòng {rownum}, cột {column_letter(j)} ({t.header[j]}): thiếu {what}.",
        code="input.missing-value",
    )


def _report_duplicates(
    out: BallotSet, dups: list[tuple[Ballot, str, int]], t: _Table, keys: dict[Any, str]
) -> None:
    # Rare path: a second pass finds the first row of each duplicated (ballot, nominee) pair, so the
    # main loop does not have to remember a row for each of a million marks.
    ib, inom = t.roles["ballot"], t.roles["nominee"]
    wanted = {(b.id, k) for b, k, _ in dups}
    first: dict[tuple[str, str], int] = {}
    for rownum, row in enumerate(t.reopen(), start=1):
        if rownum <= t.h + 1 or len(row) <= max(ib, inom) or row[inom] not in keys:
            continue
        pair = (_text(row[ib]), keys[row[inom]])
        if pair in wanted and pair not in first:
            first[pair] = rownum
    for ballot, key, rownum in dups:
        out.findings.append(
            messages.make(
                "tally.duplicate-mark",
                cell=t.cell(rownum, inom),
                ballot=ballot.id,
                nominee=out.columns[key].label,
                first_row=first.get((ballot.id, key), "?"),
                row=rownum,
            )
        )


def _nominee_key(value: Any) -> str:
    # Long-layout nominees are grouped by tdkt.text.name_key ("Nguyễn Văn An" = "NGUYỄN VĂN AN", but
    # not "Nguyễn Văn Ân"); the label keeps the first spelling seen.
    text = _text(value)
    return name_key(text) or text


def _long_written(
    out: BallotSet, ballot: Ballot, value: Any, cell: CellRef, written_row: dict[str, int]
) -> None:
    flag = _written(value)
    if flag is None:
        out.findings.append(
            messages.make("tally.bad-written-flag", cell=cell, ballot=ballot.id, value=_text(value))
        )
        return
    first = written_row.get(ballot.id)
    if first is None:
        written_row[ballot.id] = cell.row or 0
        ballot.written = flag
    elif ballot.written != flag:
        out.findings.append(
            messages.make(
                "tally.inconsistent-written", cell=cell, ballot=ballot.id, first_row=first, row=cell.row
            )
        )

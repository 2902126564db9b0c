"""Reading award history files (decision lists, registers) into rows the register can take.

A history file is what a unit keeps: one row per award received, with who (name, birth date, CCCD
or mã CBCCVC, unit), what (title or award form, in Vietnamese, full or abbreviated), when (year,
school year or achievement period) and the decision (number and date), sometimes the initiatives
the award rested on and their level. The sheet's title may carry what the columns do not
("DANH SÁCH … TẶNG DANH HIỆU CHIẾN SĨ THI ĐUA CƠ SỞ NĂM 2021 (Kèm theo Quyết định số 05/QĐ-UBND
ngày 05/02/2022 …)").

Files are opened by :func:`tdkt.ingest.sources.read_sheets` (the project's one reader of input
files). The nomination-list reader maps a different layout (one proposed award per row plus
columns of past years); history files get this small header map of their own.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tdkt import messages
from tdkt.errors import InputError
from tdkt.findings import CellRef, Finding, column_letter
from tdkt.register.identity import Identity, norm_cccd, norm_code
from tdkt.text import clean, fold

messages.register(
    "register.missing-value", "error",
    "Thiếu {what} ở dòng này; không nhập được dòng.",
    "Một dòng lịch sử khen thưởng cần tên người/tập thể, hình thức khen thưởng và thời điểm (năm, giai đoạn hoặc ngày quyết định).",
)
messages.register(
    "register.bad-value", "error",
    "Không hiểu {what} '{value}': {expected}.",
    "Giá trị ngày, năm hoặc giai đoạn không đọc được thì không thể dùng để xét các lần khen sau.",
)
messages.register(
    "register.unknown-award", "warning",
    "Không nhận ra khen thưởng '{value}'; vẫn ghi vào sổ theo nguyên văn nhưng tiêu chí sẽ không dùng được.",
    "Khen thưởng không có trong danh mục (có thể là danh hiệu riêng của đơn vị); tiêu chí chỉ đếm được khen thưởng có mã.",
)
messages.register(
    "register.unknown-level", "warning",
    "Không hiểu cấp công nhận sáng kiến '{value}' (cần: cơ sở, bộ/tỉnh hoặc toàn quốc).",
    "Cấp sáng kiến quyết định tiêu chí CSTĐ/Bằng khen nào dùng được sáng kiến đó.",
)
messages.register(
    "register.cccd-padded", "info",
    "Số CCCD {value} được Excel lưu dạng số (mất số 0 đầu); đã hiểu là {padded}.",
    "Excel bỏ số 0 đầu của CCCD khi ô là kiểu số; hãy định dạng cột CCCD là văn bản.",
)

# Folded header text → field. Headers are matched after tdkt.text.fold (no diacritics, lower case).
HEADERS: dict[str, str] = {}
for _field, _names in {
    "stt": ["stt", "tt", "so tt", "so thu tu"],
    "name": ["ho va ten", "ho ten", "ten", "ten tap the", "ho va ten ten tap the", "ho ten ten tap the",
             "ten ca nhan tap the", "ca nhan tap the", "ten ca nhan", "ho va ten ca nhan", "doi tuong khen thuong",
             "ten don vi ca nhan", "ho ten ca nhan tap the"],
    "kind": ["loai", "phan loai", "loai doi tuong", "doi tuong", "ca nhan hay tap the"],
    "birth": ["ngay sinh", "ngay thang nam sinh", "nam sinh", "sinh ngay"],
    "gender": ["gioi tinh", "nam nu"],
    "cccd": ["cccd", "so cccd", "so can cuoc", "can cuoc cong dan", "so can cuoc cong dan", "so dinh danh",
             "cmnd cccd", "so cccd cmnd", "so cmnd cccd", "cccd cmnd", "so dinh danh ca nhan"],
    "staff_code": ["ma cbccvc", "ma so cbccvc", "ma can bo", "ma cb", "ma cbcc", "ma vien chuc", "ma nhan vien"],
    "position": ["chuc vu", "chuc danh", "chuc vu chuc danh", "chuc vu don vi"],
    "unit": ["don vi", "co quan don vi", "don vi cong tac", "co quan", "co quan don vi cong tac", "noi cong tac"],
    "award": ["danh hieu", "hinh thuc khen thuong", "danh hieu hinh thuc khen thuong", "hinh thuc",
              "khen thuong", "danh hieu hinh thuc", "hinh thuc danh hieu", "danh hieu khen thuong",
              "danh hieu thi dua hinh thuc khen thuong", "loai khen thuong"],
    "year": ["nam", "nam dat", "nam thanh tich", "nam xet", "nam hoc", "nam khen thuong", "nam duoc khen"],
    "period": ["thoi gian thanh tich", "giai doan", "giai doan thanh tich", "ky thanh tich", "thanh tich giai doan",
               "thoi gian lap thanh tich"],
    "decision_number": ["so quyet dinh", "so qd", "quyet dinh so", "so hieu quyet dinh"],
    "decision_date": ["ngay quyet dinh", "ngay qd", "ngay ky", "ngay ban hanh", "ngay ky quyet dinh"],
    "decision": ["quyet dinh", "so ngay quyet dinh", "so ngay qd", "so va ngay quyet dinh", "qd khen thuong",
                 "quyet dinh khen thuong"],
    "initiative": ["sang kien", "ten sang kien", "sang kien de tai", "ten sang kien de tai", "de tai sang kien",
                   "sang kien da su dung"],
    "initiative_level": ["cap sang kien", "cap cong nhan", "cap cong nhan sang kien", "cap sang kien de tai"],
    "note": ["ghi chu"],
}.items():
    for _n in _names:
        HEADERS[_n] = _field

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_DATE = re.compile(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d\d)(?!\d)")
_ISO = re.compile(r"(?<!\d)((?:19|20)\d\d)-(\d{1,2})-(\d{1,2})(?!\d)")
_LONG_DATE = re.compile(r"ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*((?:19|20)\d\d)", re.IGNORECASE)
_DECISION_NO = re.compile(r"(?:quyết định\s*(?:số)?|qđ\s*số|số)\s*:?\s*(\d+[^\s,;]*)", re.IGNORECASE)
_BARE_NO = re.compile(r"^\s*(\d+\s*/\s*[^\s,;]+|\d+)")
_COLLECTIVE_START = tuple(
    fold(w) + " "
    for w in ("Phòng", "Ban", "Trường", "Khoa", "Tổ", "Đội", "Sở", "Công ty", "Ủy ban", "UBND", "Trung tâm",
              "Bệnh viện", "Hội", "Chi cục", "Cục", "Văn phòng", "Tập thể", "Xã", "Phường", "Thị trấn", "Huyện",
              "Đảng ủy", "Đoàn", "Lớp", "Nhà máy", "Xí nghiệp", "Chi nhánh", "Hợp tác xã", "Trạm", "Viện")
)


@dataclass(frozen=True)
class HistoryRow:
    """One past award from a history file, with where it came from."""

    ident: Identity
    award: str | None
    award_text: str
    year: int | None
    period_from: int | None
    period_to: int | None
    decision_number: str | None
    decision_date: dt.date | None
    initiative: str | None
    initiative_level: str | None
    source: CellRef
    cells: dict[str, CellRef] = field(default_factory=dict)


@dataclass
class ReadResult:
    rows: list[HistoryRow] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def read_history(paths: list[Path]) -> ReadResult:
    """Read history files. Raises InputError (naming file and sheet) when a file has no usable table."""
    from tdkt.ingest.sources import read_sheets

    result = ReadResult()
    for path in paths:
        used = 0
        for sheet in read_sheets(path):
            if sheet.hidden:
                continue
            found = _header(sheet.rows)
            if found is None:
                continue
            used += 1
            _read_sheet(path, sheet.name, sheet.rows, found, result)
        if not used:
            raise InputError(
                f"Tệp {path.name}: không tìm thấy dòng tiêu đề của bảng lịch sử khen thưởng (cần ít nhất cột "
                "'Họ và tên' và 'Danh hiệu/Hình thức khen thưởng' hoặc tiêu đề trang nêu khen thưởng).",
                code="input.missing-column",
            )
    return result


def _header(rows: list[list[Any]]) -> tuple[int, dict[str, int]] | None:
    """(row index, field → column index) of the first row that looks like the table's header."""
    for index, row in enumerate(rows[:20]):
        columns: dict[str, int] = {}
        for col, value in enumerate(row):
            if isinstance(value, str):
                name = HEADERS.get(fold(value))
                if name and name not in columns:
                    columns[name] = col
        if "name" in columns and len(columns) >= 3:
            return index, columns
    return None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = clean(str(value))
    return text or None


def _title_facts(rows: list[list[Any]]) -> dict[str, Any]:
    """Award, year and decision named in the title rows above the header."""
    from tdkt import awards

    text = " ".join(_text(v) or "" for row in rows for v in row)
    folded = f" {fold(text)} "
    facts: dict[str, Any] = {}
    best = ""
    for award in awards.catalogue().values():
        for alias in (award.name, *award.aliases):
            key = fold(alias)
            if key and f" {key} " in folded and len(key) > len(best):
                best, facts["award"], facts["award_text"] = key, award.id, award.name
    year = re.search(r"năm\s*((?:19|20)\d\d)", text, re.IGNORECASE)
    if year:
        facts["year"] = int(year.group(1))
    decision = re.search(r"quyết định\s*số\s*:?\s*(\d+[^\s,;]*)", text, re.IGNORECASE)
    if decision:
        facts["decision_number"] = decision.group(1)
        after = text[decision.end():]
        facts["decision_date"] = _find_date(after[:60])
    return facts


def _find_date(text: str) -> dt.date | None:
    for pattern, order in ((_LONG_DATE, (3, 2, 1)), (_DATE, (3, 2, 1)), (_ISO, (1, 2, 3))):
        m = pattern.search(text)
        if m:
            try:
                return dt.date(int(m.group(order[0])), int(m.group(order[1])), int(m.group(order[2])))
            except ValueError:
                return None
    return None


def _date(value: Any) -> dt.date | str | None:
    """A date from a cell; the text itself (str) when it cannot be read."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value) or ""
    found = _find_date(text)
    return found if found else text


def _birth(value: Any) -> tuple[dt.date | None, int | None, str | None]:
    """(date, year, unreadable text)."""
    if isinstance(value, int) and 1900 <= value <= 2100:
        return None, value, None
    got = _date(value)
    if isinstance(got, str):
        m = re.fullmatch(r"\s*((?:19|20)\d\d)\s*", got)
        return (None, int(m.group(1)), None) if m else (None, None, got)
    return got, (got.year if got else None), None


def _years(value: Any) -> tuple[int | None, int | None, int | None, str | None]:
    """(year, period_from, period_to, unreadable) from "2021", 2021, "2020-2021", "2017 - 2021"."""
    if value is None or value == "":
        return None, None, None, None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.year, None, None, None
    text = _text(value) or ""
    found = [int(y) for y in _YEAR.findall(text)]
    if len(found) == 1:
        return found[0], None, None, None
    if len(found) == 2 and found[0] <= found[1]:
        return found[1], found[0], found[1], None
    return None, None, None, text


def _level(value: str | None) -> str | None:
    if not value:
        return None
    key = f" {fold(value)} "
    if " toan quoc " in key:
        return "toan_quoc"
    if any(w in key for w in (" tinh ", " bo ", " nganh ", " thanh pho ", " trung uong ")):
        return "bo_tinh"
    if " co so " in key or " don vi " in key:
        return "co_so"
    return None


def _kind(text: str | None, name: str, award_for: str | None) -> str:
    if text:
        key = fold(text)
        if "tap the" in key or "don vi" in key:
            return "collective"
        if "ho gia dinh" in key or key == "ho":
            return "household"
        if "ca nhan" in key:
            return "individual"
    if award_for == "collective":
        return "collective"
    folded = fold(name) + " "
    if folded.startswith("ho ong ") or folded.startswith("ho ba ") or folded.startswith("ho gia dinh "):
        return "household"
    if award_for != "individual" and folded.startswith(_COLLECTIVE_START):
        return "collective"
    return "individual"


def _read_sheet(path: Path, sheet: str, rows: list[list[Any]], found: tuple[int, dict[str, int]], out: ReadResult) -> None:
    from tdkt import awards

    header_index, columns = found
    title = _title_facts(rows[:header_index])
    if "award" not in columns and "award" not in title:
        raise InputError(
            f"Tệp {path.name}, trang tính '{sheet}': không có cột 'Danh hiệu/Hình thức khen thưởng' và tiêu đề "
            "trang cũng không nêu khen thưởng nào.",
            code="input.missing-column",
        )
    headers = rows[header_index]

    def ref(row_no: int, name: str | None = None) -> CellRef:
        if name is None or name not in columns:
            return CellRef(file=path.name, sheet=sheet, row=row_no)
        col = columns[name]
        return CellRef(file=path.name, sheet=sheet, row=row_no, column=column_letter(col),
                       header=_text(headers[col]))

    for offset, row in enumerate(rows[header_index + 1:], start=header_index + 2):
        def get(name: str, row: list[Any] = row) -> Any:
            col = columns.get(name)
            return row[col] if col is not None and col < len(row) else None

        name = _text(get("name"))
        if name is None and all(v is None or v == "" for v in row):
            continue
        texts = [t for t in (_text(v) for v in row) if t]
        if name is None and len(texts) <= 1:
            continue  # a section heading ("I. Cá nhân") or a numbering row ("1", "2", …)
        findings: list[Finding] = []
        if name is None:
            findings.append(messages.make("register.missing-value", cell=ref(offset, "name"), what="họ tên/tên tập thể"))
        award_text = _text(get("award")) or title.get("award_text")
        award_id = awards.resolve(award_text) if award_text else None
        if award_text is None:
            findings.append(messages.make("register.missing-value", cell=ref(offset, "award"), what="hình thức khen thưởng"))
        elif award_id is None:
            findings.append(messages.make("register.unknown-award", cell=ref(offset, "award"), value=award_text))
        year, p_from, p_to, bad = _years(get("year"))
        if bad:
            findings.append(messages.make("register.bad-value", cell=ref(offset, "year"), what="năm", value=bad,
                                          expected="cần năm như 2021 hoặc năm học 2020-2021"))
        if "period" in columns:
            y2, f2, t2, bad2 = _years(get("period"))
            if bad2:
                findings.append(messages.make("register.bad-value", cell=ref(offset, "period"), what="giai đoạn",
                                              value=bad2, expected="cần dạng 2017-2021"))
            if f2 is not None:
                p_from, p_to = f2, t2
            elif y2 is not None:
                p_from = p_to = y2
            year = year if year is not None else y2
        if year is None and p_from is None and "year" in title:
            year = title["year"]
        number = _text(get("decision_number"))
        ddate = _date(get("decision_date"))
        combined = _text(get("decision"))
        if combined:
            m = _DECISION_NO.search(combined) or _BARE_NO.search(combined)
            number = number or (m.group(1).replace(" ", "") if m else None)
            if ddate is None:
                ddate = _find_date(combined)
        number = number or title.get("decision_number")
        if ddate is None:
            ddate = title.get("decision_date")
        if isinstance(ddate, str):
            findings.append(messages.make("register.bad-value", cell=ref(offset, "decision_date"),
                                          what="ngày quyết định", value=ddate, expected="cần dạng 05/02/2022"))
            ddate = None
        if year is None and p_from is None and ddate is None and award_text is not None:
            findings.append(messages.make("register.missing-value", cell=ref(offset, "year"),
                                          what="năm, giai đoạn thành tích hoặc ngày quyết định"))
        birth_date, birth_year, bad_birth = _birth(get("birth"))
        if bad_birth:
            findings.append(messages.make("register.bad-value", cell=ref(offset, "birth"), what="ngày sinh",
                                          value=bad_birth, expected="cần dạng 20/11/1980 hoặc năm 1980"))
        raw_cccd = get("cccd")
        cccd = norm_cccd(raw_cccd)
        if isinstance(raw_cccd, int) and cccd and len(cccd) == 11:
            findings.append(messages.make("register.cccd-padded", cell=ref(offset, "cccd"), value=cccd, padded="0" + cccd))
            cccd = "0" + cccd
        initiative = _text(get("initiative"))
        level_text = _text(get("initiative_level"))
        level = _level(level_text)
        if level_text and level is None:
            findings.append(messages.make("register.unknown-level", cell=ref(offset, "initiative_level"), value=level_text))
        out.findings.extend(findings)
        if name is None or award_text is None:
            continue
        award_for = awards.catalogue()[award_id].for_ if award_id else None
        gender_text = fold(_text(get("gender")) or "")
        gender = "female" if gender_text in ("nu", "ba") else "male" if gender_text in ("nam", "ong") else None
        ident = Identity(
            kind=_kind(_text(get("kind")), name, award_for),
            name=name,
            birth_date=birth_date,
            birth_year=birth_year,
            gender=gender,
            cccd=cccd,
            staff_code=norm_code(get("staff_code")),
            position=_text(get("position")),
            unit=_text(get("unit")),
        )
        out.rows.append(
            HistoryRow(
                ident=ident,
                award=award_id,
                award_text=award_text,
                year=year,
                period_from=p_from,
                period_to=p_to,
                decision_number=number,
                decision_date=ddate,
                initiative=initiative,
                initiative_level=level,
                source=ref(offset),
                cells={k: ref(offset, k) for k in columns},
            )
        )

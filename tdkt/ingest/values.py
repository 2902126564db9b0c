"""Cell values → typed facts: dates, years, counts, ratings, genders, kinds, levels, yes/no words.

Each parser takes a normalised cell value (see :class:`tdkt.ingest.sources.RawSheet`) and returns the
value or ``None``; where a value is present but not understood it returns :data:`BAD` so the caller
can report the cell. Plain functions and dict look-ups: they run once per cell of 100,000-row lists.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from tdkt import text
from tdkt.models import DISCIPLINE_ORDER
from tdkt.text import nfc, strip_diacritics

# The same few words ("HTXSNV", "Nam", "x") fill most cells of a column: ``fold`` is the cached one.
fold = text.folded

BAD: Final = object()  # "a value was there but could not be understood"


def placeholder(text: str) -> bool:
    """Text with no letter or digit that stands for "nothing here": dashes, dots, slashes ("-", "—",
    "..", "/"). Any other text without letters ("?", "*", "!!") is a value that was not understood,
    never "none" (issue 13: a discipline written "?" must not pass)."""
    return not text.strip(" \t-–—‐−._/\\")


_EXCEL_EPOCH = dt.date(1899, 12, 30)
_DMY = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})$")
_YMD = re.compile(r"^(\d{4})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:[ T].*)?$")
_MY = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{4})$")
_WORDY = re.compile(r"ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})")
_MONTH_WORDY = re.compile(r"^(?:tu )?thang (\d{1,2}) (?:nam )?(\d{4})$")  # "tháng 9/2024", "từ tháng 9 năm 2024"
_YEAR = re.compile(r"(?<!\d)(19\d{2}|20\d{2})(?!\d)")
_ANY_YEAR = re.compile(r"(?<!\d)(1[89]\d{2}|20\d{2})(?!\d)")  # birth years may be typos from the 1800s
_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")


def to_date(value: object) -> dt.date | int | object | None:
    """A date, or an ``int`` year when only the year is known ("năm 1980", "1980"), None, or BAD.

    Accepts Excel date cells, Excel serial numbers (1900 system), dd/mm/yyyy, d/m/yy, d-m-yyyy,
    yyyy-mm-dd, "ngày 5 tháng 3 năm 1980", mm/yyyy and "tháng 9/2024" (→ the 1st of the month).
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        return BAD
    if isinstance(value, int | float):
        n = int(value)
        if 1800 <= n <= 2100 and n == value:
            return n  # a year typed as a number
        if 1 <= value < 2958466:
            return _EXCEL_EPOCH + dt.timedelta(days=n)
        return BAD
    text = str(value).strip()
    if not text:
        return None
    m = _DMY.match(text)
    if m:
        d, mo, y = int(m[1]), int(m[2]), int(m[3])
        if y < 100:
            y += 1900 if y > (dt.date.today().year % 100) else 2000
        return _mkdate(y, mo, d)
    m = _YMD.match(text)
    if m:
        return _mkdate(int(m[1]), int(m[2]), int(m[3]))
    m = _MY.match(text)
    if m:
        return _mkdate(int(m[2]), int(m[1]), 1)
    folded = fold(text)
    m = _WORDY.search(folded)
    if m:
        return _mkdate(int(m[3]), int(m[2]), int(m[1]))
    m = _MONTH_WORDY.match(folded)
    if m:
        return _mkdate(int(m[2]), int(m[1]), 1)
    years = _ANY_YEAR.findall(folded)
    if len(years) == 1 and re.fullmatch(r"(nam\s*)?\d{4}", folded):
        return int(years[0])
    return BAD


def _mkdate(y: int, m: int, d: int) -> dt.date | object:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return BAD


def to_year(value: object) -> int | object | None:
    """A year from a number, a date or text ("2021", "năm 2021", "12/2021"); None or BAD."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.year
    if isinstance(value, int) and not isinstance(value, bool):
        return value if 1900 <= value <= 2100 else BAD
    if isinstance(value, float):
        return int(value) if value.is_integer() and 1900 <= value <= 2100 else BAD
    years = _YEAR.findall(str(value))
    return int(years[-1]) if years else BAD


def years_in(text: str) -> list[int]:
    """Every year in a text, expanding ranges ("2019-2021" → 2019, 2020, 2021). A year is four digits on
    their own: "20024" (a slip) holds no year, not 2002."""
    out: list[int] = []
    for m in re.finditer(r"(?<!\d)(19\d{2}|20\d{2})(?:\s*[-–—]\s*(19\d{2}|20\d{2}))?(?!\d)", text):
        a = int(m[1])
        b = int(m[2]) if m[2] else a
        out.extend(range(a, b + 1) if a <= b and b - a < 30 else [a])
    return out


def period(value: object) -> tuple[int | None, int | None] | object:
    """An achievement period ("2016-2020", "2016 - 2020", "năm 2020") → (from, to), or BAD."""
    if value is None:
        return (None, None)
    if isinstance(value, int | float) and not isinstance(value, bool):
        y = to_year(value)
        return (y, y) if isinstance(y, int) else BAD
    years = [int(y) for y in _YEAR.findall(str(value))]
    if not years:
        return BAD
    return (min(years), max(years))


def to_int(value: object) -> int | object | None:
    """A count: 12, "12", "012", "1.200" (Vietnamese thousands), "12 người"; None or BAD."""
    if value is None:
        return None
    if isinstance(value, bool):
        return BAD
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else BAD
    text = str(value).strip()
    m = re.match(r"^(\d{1,3}(?:\.\d{3})+|\d+)\b", text)
    if not m:
        return 0 if placeholder(text) or fold(text) in _NONE_COUNT else BAD
    return int(m[1].replace(".", ""))


_RANK_WORDS = {"nhat": 1, "hang nhat": 1, "dan dau": 1, "nhi": 2, "hang nhi": 2, "ba": 3, "hang ba": 3,
               "tu": 4, "hang tu": 4, "nam": 5, "hang nam": 5}


def to_rank(value: object) -> int | object | None:
    """A rank in a cluster: 1, "01", "Nhất", "hạng Nhì", "Dẫn đầu" → 1, 2, …; None or BAD."""
    n = to_int(value)
    if n is not BAD:
        return BAD if n == 0 else n  # "Không", "-", 0: not ranked, never "first"
    return _RANK_WORDS.get(fold(str(value)), BAD)


_NONE_COUNT = frozenset({"khong", "khong co", "k"})  # "-" or "Không" in a count column: nobody


def percent_one(numbers: list[int | float]) -> float | None:
    """What a bare 1 means in a column of shares (the numbers of its cells): Excel stores a cell shown as
    100 % as the number 1, and a unit that types the percent writes 1 for 1 %. The column tells which:
    fractions (0 < x < 1) and nothing over 1 → percent cells, 1 is 100 %; numbers over 1 and no fraction →
    typed percents, 1 is 1 %. None: the column cannot tell (only 0s and 1s, or both kinds)."""
    fractions = any(0 < x < 1 for x in numbers)
    over = any(x > 1 for x in numbers)
    if fractions and not over:
        return 100.0
    if over and not fractions:
        return 1.0
    return None


def to_percent(value: object) -> float | object | None:
    """A share in percent: 0.75 (Excel % cell) → 75.0, "75%", "75,5" → 75.5; None or BAD."""
    if value is None:
        return None
    if isinstance(value, bool):
        return BAD
    if isinstance(value, int | float):
        return float(value) * 100 if 0 <= value <= 1 and isinstance(value, float) else float(value)
    text = str(value).strip().rstrip("%").strip().replace(",", ".")
    if not _NUMBER.match(text):
        return BAD
    return float(text)


def to_text(value: object) -> str | None:
    """Text of a cell for identifiers: ints stay without ".0", dates as dd/mm/yyyy."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    text = str(value).strip()
    return text or None


def to_code(value: object) -> str | None:
    """An identifier (CCCD, staff code): digits or letters kept verbatim, spaces and dots removed."""
    text = to_text(value)
    if text is None:
        return None
    return re.sub(r"[\s.]", "", text)


_RATINGS: dict[str, str] = {
    "htxsnv": "htxs", "htxs": "htxs", "hoan thanh xuat sac nhiem vu": "htxs", "hoan thanh xuat sac": "htxs",
    "xuat sac": "htxs", "xs": "htxs", "ht xuat sac": "htxs", "ht xs nv": "htxs", "htxs nv": "htxs",
    "httnv": "httnv", "htt": "httnv", "httnv ": "httnv", "hoan thanh tot nhiem vu": "httnv", "hoan thanh tot": "httnv",
    "tot": "httnv", "ht tot": "httnv", "htt nv": "httnv",
    "htnv": "htnv", "ht": "htnv", "hoan thanh nhiem vu": "htnv", "hoan thanh": "htnv", "ht nv": "htnv",
    "khtnv": "khtnv", "kht": "khtnv", "khong hoan thanh nhiem vu": "khtnv", "khong hoan thanh": "khtnv",
    "k ht": "khtnv", "khong ht": "khtnv", "khong htnv": "khtnv",
}  # fmt: skip


_TASK = re.compile(r"\s*\b(nhiem vu|nv)$")  # the rating's last word: "nhiệm vụ", written out or "NV"


def to_rating(value: object) -> str | object | None:
    """HTXSNV / HTTNV / HTNV / KHTNV in full or abbreviated → htxs | httnv | htnv | khtnv; None or BAD."""
    if value is None:
        return None
    key = fold(str(value))
    if not key:
        return None if placeholder(str(value)) else BAD
    got = _RATINGS.get(key) or _RATINGS.get(key.replace(" ", ""))
    if got is None:  # "HT xuất sắc NV", "HTXS nhiệm vụ", "Hoàn thành tốt NV": the words, then "nhiệm vụ" or "NV"
        short = _TASK.sub("", key)
        got = _RATINGS.get(short) or _RATINGS.get(short.replace(" ", "")) if short != key else None
    return got or BAD


_YES = frozenset({"x", "co", "c", "yes", "y", "1", "true", "dung", "v", "√", "có", "đ"})
_NO = frozenset({"khong", "k", "no", "n", "0", "false", "-", "sai"})


def to_bool(value: object) -> bool | object | None:
    """Yes/no words: "x", "có", "1", "✓" → True; "không", "0" → False; blank → None; else BAD."""
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return bool(value) if value in (0, 1) else BAD
    raw = str(value).strip().lower()
    if raw in ("✓", "✔", "√", "☑", "v"):
        return True
    key = fold(raw)
    if key in _YES:
        return True
    if key in _NO:
        return False
    return BAD


_GENDERS: dict[str, str] = {
    "nam": "male", "ong": "male", "male": "male", "m": "male", "trai": "male",
    "nu": "female", "ba": "female", "female": "female", "f": "female", "chi": "female", "co": "female",
}  # fmt: skip
# The vendor templates code gender as NAM / NU.


def to_gender(value: object) -> str | object | None:
    """Nam / Nữ / Ông / Bà (and NAM, NU codes) → male | female; a rank ("Thượng tá") → BAD."""
    if value is None:
        return None
    key = fold(str(value))
    if not key:
        return None if placeholder(str(value)) else BAD
    return _GENDERS.get(key, BAD)


def salutation_gender(value: object) -> str | None:
    """The gender a salutation implies (Ông → male, Bà → female); a rank or title implies nothing."""
    if value is None:
        return None
    key = fold(str(value))
    return {"ong": "male", "ba": "female"}.get(key)


def to_kind(value: object) -> str | object | None:
    """cá nhân / tập thể / hộ gia đình (also CANHAN, TAPTHE, HOGIADINH) → individual | collective | household."""
    if value is None:
        return None
    key = fold(str(value)).replace(" ", "")
    if not key:
        return None if placeholder(str(value)) else BAD
    if "hogiadinh" in key or key in ("hgd", "ho"):
        return "household"
    if "tapthe" in key or key in ("tt", "donvi"):
        return "collective"
    if "canhan" in key or key in ("cn",):
        return "individual"
    return BAD


def to_level(value: object) -> str | object | None:
    """Level of recognition of an initiative or đề tài: co_so | bo_tinh | toan_quoc; None or BAD."""
    if value is None:
        return None
    key = fold(str(value))
    if not key:
        return None if placeholder(str(value)) else BAD
    if "toan quoc" in key or "nha nuoc" in key or "quoc gia" in key or key in ("tq", "nn"):
        return "toan_quoc"
    if any(w in key for w in ("bo", "nganh", "tinh", "thanh pho", "ubnd tinh", "so khoa hoc", "so kh")):
        return "bo_tinh"
    if (
        "co so" in key
        or key in ("cs", "don vi", "huyen", "truong", "xa")
        or "huyen" in key
        or "hoi dong sang kien" in key
    ):
        return "co_so"
    return BAD


_DISCIPLINE: list[tuple[str, str]] = [
    ("buoc thoi viec", "buoc_thoi_viec"), ("cach chuc", "cach_chuc"), ("giang chuc", "giang_chuc"),
    ("ha bac luong", "ha_bac_luong"), ("ha ngach", "ha_bac_luong"), ("canh cao", "canh_cao"),
    ("khien trach", "khien_trach"), ("dang xem xet", "pending"), ("dang bi xem xet", "pending"),
    ("thanh tra", "pending"), ("dieu tra", "pending"), ("dang bi kiem tra", "pending"), ("dang kiem tra", "pending"),
]  # fmt: skip
_NONE_WORDS = frozenset({"khong", "khong co", "k", "0", "", "-", "khong bi ky luat", "chua", "khong vi pham",
                         "chua bi ky luat", "khong co ky luat", "khong vi pham ky luat", "chua vi pham", "khong bi",
                         "chua co", "chua co ky luat", "khong co vi pham"})
_NONE_PARTS = re.compile(r"\s*(?:[,;]|\bvà\b)\s*", re.I)  # "Không bị kỷ luật, không vi phạm": each part says none


def _says_no_discipline(text: str) -> bool:
    parts = [fold(p) for p in _NONE_PARTS.split(text) if p.strip()]
    return len(parts) > 1 and all(p and p in _NONE_WORDS for p in parts)


def to_discipline(value: object) -> tuple[str, str] | object | None:
    """A discipline cell → (form code, text); "không" → None; an unknown word → ("other", text)."""
    if value is None:
        return None
    text = str(value).strip()
    key = fold(text)
    if key in _NONE_WORDS and (key or placeholder(text)):
        return None
    if _says_no_discipline(text):
        return None
    for needle, form in _DISCIPLINE:
        if needle in key:
            return (form, text)
    if key in ("x", "co", "1"):
        return ("other", text)
    return ("other", text)


_LEVEL_WORDS = {"co so": "co_so", "don vi": "co_so", "tinh": "bo_tinh", "bo": "bo_tinh", "nganh": "bo_tinh",
                "bo nganh": "bo_tinh", "bo tinh": "bo_tinh", "thanh pho": "bo_tinh", "toan quoc": "toan_quoc",
                "nha nuoc": "toan_quoc", "quoc gia": "toan_quoc"}
_LEVEL_TAIL = re.compile(
    r"^(?:cap\s+)?(" + "|".join(sorted(_LEVEL_WORDS, key=len, reverse=True)) + r")(?:\s*,?\s*(?:nam\s*)?((?:19|20)\d{2}))?$")
_TAIL = re.compile(r"\s*(?:\(([^()]*)\)|[-–—]\s+([^-–—]*))\s*$")


_NO_INITIATIVE = frozenset({"khong", "khong co", "chua co", "chua", "k", "0", "khong co sang kien", "chua co sang kien",
                            "khong co de tai"})


def no_initiative(text: str) -> bool:
    """A line of an initiative cell that says there is none: "Không", "Không có", "Chưa có", "0", "-"."""
    return fold(text) in _NO_INITIATIVE or placeholder(text)


def says_none(text: str) -> bool:
    """A fact cell that says there is none: "Không", "Chưa", "Chưa có", "0", "-" (a header names the fact)."""
    return to_bool(text) is False or no_initiative(text)


def level_part(text: str) -> tuple[str | None, int | None] | None:
    """A part of an initiative cell that is only its level (and year): "Cơ sở", "cấp tỉnh", "cơ sở, 2023"
    → (level, year); anything else → None. Strict words only: "bổ sung" is no level."""
    m = _LEVEL_TAIL.match(fold(text))
    return (_LEVEL_WORDS[m[1]], int(m[2]) if m[2] else None) if m else None


_YEAR_TAIL = re.compile(r"\s*(?:[-–—,;]\s*|\(\s*)(?:năm\s*)?((?:19|20)\d{2})\s*\)?\s*$", re.IGNORECASE)
_NUMBERING = re.compile(r"^\s*(?:\d{1,2}\s*[.)]|[-+•*–])\s+")  # "1. ", "2) ", "- ", "• " opening a line


_LEVEL_IN_HEADER = re.compile(r"\bcap (" + "|".join(sorted(_LEVEL_WORDS, key=len, reverse=True)) + r")\b")


_LEVEL_SAID = re.compile(r"^(?:\d+\s+)?(?:sk|skkn|sang kien(?: kinh nghiem)?|de tai)\s+cap ("
                         + "|".join(sorted(_LEVEL_WORDS, key=len, reverse=True)) + r")\b|\bcong nhan (?:o )?cap ("
                         + "|".join(sorted(_LEVEL_WORDS, key=len, reverse=True)) + r")\b")


def level_said(text: str) -> str | None:
    """The level a sentence about an initiative states in so many words: "01 SK cấp cơ sở năm 2025: …",
    "… được công nhận cấp tỉnh"; a title that merely contains "cấp tỉnh" states none."""
    m = _LEVEL_SAID.search(fold(text))
    return _LEVEL_WORDS[m[1] or m[2]] if m else None


def level_in_header(header: str) -> str | None:
    """The level a column's header gives its initiatives ("Sáng kiến kinh nghiệm cấp cơ sở"), or None."""
    m = _LEVEL_IN_HEADER.search(fold(header))
    return _LEVEL_WORDS[m[1]] if m else None


def split_level(title: str) -> tuple[str, str | None, int | None]:
    """An initiative written with its level (and year) in the same cell — "Tên (cấp cơ sở)", "Tên - cấp
    cơ sở", "Tên (cơ sở, 2023)", "1. Tên - Cơ sở - 2024" — → (title, level, year); numbering opening the
    line is not part of the title; a title with no level in its tail keeps the rest whole."""
    title = _NUMBERING.sub("", title, count=1).strip() or title
    tries: list[tuple[str, int | None]] = [(title, None)]
    y = _YEAR_TAIL.search(title)
    if y and title[:y.start()].strip():
        tries.append((title[:y.start()], int(y[1])))  # "… - Cơ sở - 2024": the year, then the level
    for rest, year in tries:
        m = _TAIL.search(rest)
        if m:
            tail = m[1] if m[1] is not None else m[2]
            got = level_part(tail)
            if got is None and "," in tail:  # "(cấp cơ sở, QĐ số 15/QĐ-… ngày 20/5/2024)": the level, then its decision
                first, more = tail.split(",", 1)
                level = level_part(first)
                when = years_in(more)
                got = (level[0], level[1] or (when[-1] if when else None)) if level else None
            if got is not None and rest[:m.start()].strip():
                return rest[:m.start()].strip(), got[0], got[1] or year
    return title, None, None


_RECRUITED = re.compile(r"(tuyen dung|vao lam|nhan cong tac|bat dau cong tac|ve cong tac)\D{0,24}?"
                        r"(\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}\s*/\s*\d{4})")


def note_recruited(text: str) -> dt.date | None:
    """The recruitment date a note states ("Tuyển dụng từ ngày 1/9/2025", "vào làm từ 03/2025"), or None."""
    m = _RECRUITED.search(strip_diacritics(nfc(text)).lower())  # "/" kept, unlike fold
    got = to_date(m[2].replace(" ", "")) if m else None
    return got if isinstance(got, dt.date) else None


_NEGATED = re.compile(r"\b(khong|chua|khong co|het)\b[^.;]{0,24}$")  # "không bị kỷ luật", "chưa bị thanh tra"
_SEGMENTS = re.compile(r"[;\n]+|\.\s+")


def note_disciplines(text: str) -> list[str]:
    """The parts of a note (Ghi chú) that state a discipline or a pending investigation ("Đang bị
    thanh tra", "Khiển trách năm 2024"), each as written; a part that denies one ("Không bị kỷ luật")
    or says anything else is not one (the note is kept and shown, never parsed by guess)."""
    out: list[str] = []
    for seg in _SEGMENTS.split(text):
        key = fold(seg)
        if not key:
            continue
        for needle, _form in _DISCIPLINE:
            pos = key.find(needle)
            if pos >= 0 and not _NEGATED.search(key[:pos]):
                out.append(seg.strip())
                break
    return out


_PEOPLE = frozenset({"nguoi", "ca nhan", "dong chi", "thanh vien", "cbccvc", "cb", "vien chuc", "cong chuc"})


def disciplined_count(value: object) -> int | object | None:
    """A collective's "Số bị kỷ luật" (members disciplined at cảnh cáo or above): a count, or counts
    with the form kept ("01 (khiển trách)", "1 khiển trách, 1 cảnh cáo"): a khiển trách is not counted."""
    if not isinstance(value, str) or not re.sub(r"[\d\s.]", "", value) or fold(value) in _NONE_COUNT \
            or placeholder(value):
        return to_int(value)
    total, seen = 0, False
    for part in re.split(r"[,;+]| và ", value):
        if not part.strip():
            continue
        n = to_int(part.strip())
        rest = re.sub(r"^\s*\d+\s*", "", part).strip(" ()")
        if n is BAD or not isinstance(n, int):
            return BAD
        seen = True
        if not rest or fold(rest) in _PEOPLE:  # "02 người": a plain count, as the column counts them
            total += n
            continue
        form = to_discipline(rest)
        if not isinstance(form, tuple) or form[0] in ("other", "pending"):
            return BAD
        if DISCIPLINE_ORDER[form[0]] >= DISCIPLINE_ORDER["canh_cao"]:
            total += n
    return total if seen else BAD


_SPECIAL: list[tuple[str, str]] = [
    ("thai san", "maternity"), ("sinh con", "maternity"), ("di hoc", "training"), ("dao tao", "training"),
    ("boi duong", "training"), ("thuong tich", "injury"), ("tai nan", "injury"), ("dieu tri", "injury"),
]  # fmt: skip


def specials(text: str) -> tuple[str, ...]:
    """Maternity leave, training and injury treatment named in a note (they count as time at work)."""
    key = fold(text)
    found: list[str] = []
    for needle, tag in _SPECIAL:
        if needle in key and tag not in found:
            found.append(tag)
    return tuple(found)

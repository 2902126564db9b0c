"""Layout of a nomination workbook: sheet roles, the list's award, year and kind named in titles and
sheet names, section and footer rows, and the code → label tables of vendor lookup sheets."""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence

from tdkt import awards
from tdkt.cache import Cache, cached
from tdkt.ingest import values
from tdkt.ingest.sources import CellValue, RawSheet
from tdkt.text import clean_cached, folded
from tdkt.text import fold as _fold_text

clean = clean_cached  # units, positions and awards repeat down a list
fold = folded

_LOOKUP_NAMES = re.compile(r"^(danh ?muc|dm|htkt|pldt|lvhd|phan loai kt|du lieu nguon|tham so|ma)\b")
_GUIDE_NAMES = re.compile(r"^(huong dan|hd|vi du|mau vi du|readme|ghi chu)\b")
# The words that open a list's footer. "Cộng"/"Tổng số" only as a count ("Cộng: 9 người", "Tổng số: 10"),
# and "Tổng cộng" not as "Tổng công ty": fold() drops diacritics, so the first word of a collective's name
# ("Công ty …", "Công đoàn …", "Tổng công ty …") reads like them.
_FOOTER = re.compile(
    r"^(tong cong(?! ty)|tong so(?= \d|$)|cong(?= \d|$)|nguoi lap( bieu)?|lap bieu|thu truong|giam doc|chu tich|"
    r"xac nhan|ky ten|tm |kt |nguoi duyet|nguoi tong hop|ke toan|danh sach( nay)? (gom|co) \d+|"
    r"(.{0,40} )?ngay( \S+)? thang( \S+)? nam)\b"  # "…, ngày … tháng 12 năm 2026": the dots fold away
)
# A count between groups ("Cộng: 9 người", "Tổng: 08 người"): not a nominee, and the list may go on below it.
_SUBTOTAL = re.compile(r"^(cong|tong)( so)? \d+( (nguoi|ca nhan|tap the|ho)\b|$)")
_SECTION_STT = re.compile(r"^([IVX]+|[A-Z]|[a-z])[.)]?$")
_SECTION_TEXT = re.compile(r"^([IVX]+|[A-Z]|\d+)[.)/]\s|^(khoi|cum|nhom|don vi|phan)\b")


# --- awards and years named in text ---------------------------------------------------------


@cached("tdkt.ingest.alias-list", 64)
def _alias_list(extra_key: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    index: dict[str, str] = {}
    for award in awards.catalogue().values():
        for alias in (award.name, *award.aliases):
            key = fold(alias)
            if key:
                index.setdefault(key, award.id)
    for key, award_id in extra_key:
        index[key] = award_id
    return sorted(index.items(), key=lambda kv: -len(kv[0]))


def award_in_text(text: str, extra: Mapping[str, str] | None = None) -> str | None:
    """The one award a title or sheet name names ("… TẶNG DANH HIỆU CHIẾN SĨ THI ĐUA CẤP THÀNH PHỐ …").

    Longest aliases win and consume their words; None when no award or several different ones.
    """
    folded = f" {awards.spelled(fold(text))} "  # "CHIẾN SỸ", "LĐ tiên tiến" as the aliases spell them
    if folded.strip() == "":
        return None
    found: set[str] = set()
    for alias, award_id in _alias_list(tuple(sorted((extra or {}).items()))):
        needle = f" {alias} "
        if needle in folded:
            found.add(award_id)
            folded = folded.replace(needle, " | ")
    return found.pop() if len(found) == 1 else None


def year_in_text(text: str) -> int | None:
    m = re.search(
        r"\bnam (?:hoc )?(\d{4})(?: (\d{4}))?", fold(text)
    )  # fold turned "2021-2022" into "2021 2022"
    if m:
        return int(m[2] or m[1])
    years = values.years_in(text)
    return years[-1] if len(set(years)) == 1 else None


@cached("tdkt.ingest.resolve-award", 65536)
def _resolve_cached(text: str, extra: tuple[tuple[str, str], ...]) -> str | None:
    return awards.resolve(text, dict(extra) if extra else None) or award_in_text(text, dict(extra))


def resolve_award(text: str, extra: Mapping[str, str] | None) -> str | None:
    """The award id a cell names (exact alias first, then an alias inside the text); cached per text."""
    return _resolve_cached(text, tuple(sorted(extra.items())) if extra else ())


# --- vendor lookup sheets ---------------------------------------------------------------------


def _is_code(v: CellValue) -> bool:
    if isinstance(v, int) and not isinstance(v, bool):
        return v >= 10
    return isinstance(v, str) and bool(re.fullmatch(r"\d{2,}|[A-Z][A-Z0-9_]{2,}", v.strip()))


def _is_label(v: CellValue) -> bool:
    return isinstance(v, str) and len(v.strip()) >= 2 and not _is_code(v) and any(c.isalpha() for c in v)


def lookup_table(sheets: Sequence[RawSheet]) -> dict[str, str]:
    """code → label from a workbook's lookup sheets (tables side by side, code before or after label)."""
    table: dict[str, str] = {}
    for sheet in sheets:
        for row in sheet.rows:
            for a, b in itertools.pairwise(row):
                if _is_code(a) and _is_label(b):
                    table.setdefault(str(a).strip(), clean(str(b)))
                elif _is_label(a) and _is_code(b):
                    table.setdefault(str(b).strip(), clean(str(a)))
    return table


# --- sheets and files ------------------------------------------------------------------------


def _role_by_name(sheet: RawSheet) -> str | None:
    if not sheet.rows:
        return "empty"
    if sheet.hidden or _LOOKUP_NAMES.match(fold(sheet.name)):
        return "lookup"
    if _GUIDE_NAMES.match(fold(sheet.name)):
        return "other"
    return None


def _header_probe(rows: list[list[CellValue]], upto: int) -> list[list[CellValue]]:
    """The top rows, where the header is looked for (a copy; TCVN3/VNI text was already converted when
    the file was read, see :mod:`tdkt.ingest.sources`)."""
    return [list(row) for row in rows[:upto]]


def _kind_in(text: str) -> str | None:
    key = fold(text)
    has = {
        k
        for k, w in (("collective", "tap the"), ("individual", "ca nhan"), ("household", "ho gia dinh"))
        if w in key
    }
    return has.pop() if len(has) == 1 else None


_FOOTER_MEMO: Cache[str, str] = Cache(1 << 18, "tdkt.ingest.footer")


def footer_kind(text: str) -> str:
    """What a row's first text makes of the row: "subtotal" (a count; reading goes on below it), "footer"
    (the list ends here) or "" (a data row). Cached: it is the name on every data row."""
    hit = _FOOTER_MEMO.get(text)
    if hit is not None:
        return hit
    key = _fold_text(text)
    kind = "subtotal" if _SUBTOTAL.match(key) else "footer" if _FOOTER.match(key) else ""
    if not kind and text.lstrip()[:4].lower() == "cộng":  # "Cộng trường (1): …", "Cộng khối A" (not "Công …")
        kind = "subtotal"
    return _FOOTER_MEMO.put(text, kind)

"""How wide a line of text is on the page, in millimetres, in Times New Roman (the advance widths of
Liberation Serif, which has the same metrics, for the printable ASCII characters; a Vietnamese letter
is as wide as its base letter, "đ" as "d"). Used where NĐ 30 allows a size range and one line must not
wrap: the place and date under the Tiêu ngữ (13–14 pt)."""

from __future__ import annotations

import unicodedata

_ASCII = "".join(chr(c) for c in range(32, 127))
_UNITS = 2048  # per em
_WIDTHS = {
    "regular": dict(zip(_ASCII, (
        512, 682, 836, 1024, 1024, 1706, 1593, 369, 682, 682, 1024, 1155, 512, 682, 512, 569, 1024, 1024, 1024, 1024,
        1024, 1024, 1024, 1024, 1024, 1024, 569, 569, 1155, 1155, 1155, 909, 1886, 1479, 1366, 1366, 1479, 1251, 1139,
        1479, 1479, 682, 797, 1479, 1251, 1821, 1479, 1479, 1139, 1479, 1366, 1139, 1251, 1479, 1479, 1933, 1479, 1479,
        1251, 682, 569, 682, 961, 1024, 682, 909, 1024, 909, 1024, 909, 682, 1024, 1024, 569, 569, 1024, 569, 1593,
        1024, 1024, 1024, 1024, 682, 797, 569, 1024, 1024, 1479, 1024, 1024, 909, 983, 410, 983, 1108), strict=True)),
    "italic": dict(zip(_ASCII, (
        512, 682, 860, 1024, 1024, 1706, 1593, 438, 682, 682, 1024, 1382, 512, 682, 512, 569, 1024, 1024, 1024, 1024,
        1024, 1024, 1024, 1024, 1024, 1024, 682, 682, 1382, 1382, 1382, 1024, 1884, 1251, 1251, 1366, 1479, 1251, 1251,
        1479, 1479, 682, 909, 1366, 1139, 1706, 1366, 1479, 1251, 1479, 1251, 1024, 1139, 1479, 1251, 1706, 1251, 1139,
        1139, 797, 569, 797, 864, 1024, 682, 1024, 1024, 909, 1024, 909, 569, 1024, 1024, 569, 569, 909, 569, 1479,
        1024, 1024, 1024, 1024, 797, 797, 569, 1024, 909, 1366, 909, 909, 797, 819, 563, 819, 1108), strict=True)),
}
_MM_PER_PT = 25.4 / 72


def _base(ch: str) -> str:
    if ch in "đĐ":
        return "d" if ch == "đ" else "D"
    return unicodedata.normalize("NFD", ch)[0]


def text_mm(text: str, size_pt: float, style: str = "regular") -> float:
    """The width of ``text`` set in one line at ``size_pt`` (an unknown character counts as 'n')."""
    widths = _WIDTHS[style]
    units = sum(widths.get(_base(ch), 1024) for ch in text)
    return units / _UNITS * size_pt * _MM_PER_PT


# The right column of the header (102 mm) less its cell margins (1 mm each side) and 1 mm to spare.
PLACE_DATE_MM = 99.0


def place_date_size(line: str) -> int:
    """14 pt, the size of the body, unless the line would wrap there; then 13 pt (NĐ 30: 13–14)."""
    return 14 if text_mm(line, 14, "italic") <= PLACE_DATE_MM else 13

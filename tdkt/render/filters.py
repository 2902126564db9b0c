"""Jinja filters for documents: Vietnamese dates, numbers, two-digit counts, names in Vietnamese order.

The collation key is written by hand: PyICU (the only library with the Vietnamese tailoring of
the Unicode collation algorithm) is a large C extension that needs the ICU libraries at build time,
and pyuca's default table orders â/ă as accents of a (a secondary difference), which gives the
wrong order "Ân" < "Anh". Vietnamese dictionaries order letters a ă â b c d đ e ê g h i k l m n o ô
ơ p q r s t u ư v x y (f j w z sorted where the Latin alphabet puts them) and, only when the letters
are equal, the tones: none, huyền, hỏi, ngã, sắc, nặng.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal
from typing import Any

from tdkt import vocab
from tdkt.cache import cached
from tdkt.text import map_strings, nfc

_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_RANK = {ch: i + 1 for i, ch in enumerate(_ALPHABET)}
# Combining marks: vowel marks become part of the letter; tone marks are compared after the letters.
_VOWEL_MARKS = {"\u0306": "ă", "\u0302": "^", "\u031b": "+"}  # breve, circumflex, horn
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền hỏi ngã sắc nặng
_WITH_MARK = {("a", "ă"): "ă", ("a", "^"): "â", ("e", "^"): "ê", ("o", "^"): "ô", ("o", "+"): "ơ", ("u", "+"): "ư"}


@cached("tdkt.render.word-key", 65536)  # names repeat a lot (given names, family names): 10,000 rows sort in ~0.1 s
def _word_key(word: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    letters: list[int] = []
    tones: list[int] = []
    for ch in nfc(word).lower():
        if ch == "đ":
            letters.append(_RANK["đ"] * 0x110000)
            tones.append(0)
            continue
        decomposed = unicodedata.normalize("NFD", ch)
        base, marks = decomposed[0], decomposed[1:]
        tone = 0
        for mark in marks:
            if mark in _VOWEL_MARKS:
                base = _WITH_MARK.get((base, _VOWEL_MARKS[mark]), base)
            elif mark in _TONES:
                tone = _TONES[mark]
        # Characters outside the alphabet (digits, punctuation) sort before letters, by code point.
        letters.append(_RANK.get(base, 0) * 0x110000 + (0 if base in _RANK else ord(base)))
        tones.append(tone)
    return tuple(letters), tuple(tones)


def collation_key(text: str) -> tuple[tuple[tuple[int, ...], ...], tuple[tuple[int, ...], ...]]:
    """Sort key for Vietnamese text in dictionary order (letters first, then tones), word by word."""
    keys = [_word_key(w) for w in nfc(text).split()]
    return tuple(k[0] for k in keys), tuple(k[1] for k in keys)


def name_key(name: str) -> tuple[object, ...]:
    """Sort key for a person's name in Vietnamese order: given name, then middle names, then family name.

    "Nguyễn Văn An" sorts as (An, Văn, Nguyễn); the full name breaks ties so the order is total.
    """
    words = nfc(name).split()
    if not words:
        return ((), (), (), collation_key(""))
    # collation_key of the given, middle and family names and of the whole name, from one key a word
    keys = [_word_key(w) for w in words]
    given, middle, family = keys[-1], keys[1:-1], keys[:1] if len(keys) > 1 else []
    return (
        ((given[0],), (given[1],)),
        (tuple(k[0] for k in middle), tuple(k[1] for k in middle)),
        (tuple(k[0] for k in family), tuple(k[1] for k in family)),
        (tuple(k[0] for k in keys), tuple(k[1] for k in keys)),
        name,
    )


def vn_date(value: dt.date | None, year: int | None = None) -> str:
    """'ngày 05 tháng 02 năm 2022' (NĐ 30: days 1–9 and months 1–2 take a leading zero).

    With no date (a decision not yet issued), day and month stay blank: 'ngày     tháng     năm 2022'.
    """
    if value is None:
        return f"ngày     tháng     năm {year if year is not None else '     '}"
    month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
    return f"ngày {value.day:02d} tháng {month} năm {value.year}"


def vn_short_date(value: dt.date | None) -> str:
    """'05/02/2022', or blanks when there is no date."""
    return value.strftime("%d/%m/%Y") if value is not None else "   /   /     "


def vn_number(value: int | float | Decimal) -> str:
    """1490000 → '1.490.000'; 1.5 → '1,5' (Vietnamese separators)."""
    if isinstance(value, int) or (isinstance(value, Decimal | float) and value == int(value)):
        return f"{int(value):,}".replace(",", ".")
    text = f"{Decimal(str(value)).normalize():f}"
    whole, _, frac = text.partition(".")
    return f"{int(whole):,}".replace(",", ".") + "," + frac


def two_digits(value: int) -> str:
    """Counts in documents: 2 → '02', 11 → '11' (the custom of NĐ 30 documents and council minutes)."""
    return f"{value:02d}"


def doc_number(value: int | None) -> str:
    """A document number: 5 → '05' (NĐ 30: below 10 with a leading zero); None → blank to fill in."""
    return f"{value:02d}" if value is not None else "     "


def percent(value: float | Decimal | str | None) -> str:
    """81.8181 → '81,82%' (two decimals, Vietnamese comma)."""
    if value is None or value == "":
        return ""
    return f"{Decimal(str(value)).quantize(Decimal('0.01'), rounding='ROUND_HALF_UP')}".replace(".", ",") + "%"


KIND_WORDS = {k: vocab.KIND[k] for k in ("collective", "individual", "household")}  # in a phrase's order


def counts_phrase(counts: dict[str, int]) -> str:
    """{'collective': 2, 'individual': 11} → '02 tập thể và 11 cá nhân' (zero counts left out)."""
    parts = [f"{two_digits(counts[k])} {w}" for k, w in KIND_WORDS.items() if counts.get(k)]
    if not parts:
        return "00 cá nhân"
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " và " + parts[-1]


# Official prose (NĐ 30 practice, as in "Độc lập - Tự do - Hạnh phúc"): a hyphen between spaces, not
# an em or en dash; Vietnamese double quotes, not guillemets (which the engine's messages use).
_OFFICIAL = str.maketrans({"«": "“", "»": "”", "—": "-", "–": "-"})
_UNOFFICIAL = re.compile("[«»—–]")


def official(value: Any) -> Any:
    """``value`` with the typography of official prose, through dicts, lists and tuples (other
    objects unchanged; a container in which nothing changed is returned as it is)."""
    return map_strings(value, _UNOFFICIAL.search, official_text)


def official_text(text: str) -> str:
    """One string with the typography of official prose."""
    return text.translate(_OFFICIAL)


FILTERS = {
    "vn_date": vn_date,
    "vn_short_date": vn_short_date,
    "vn_number": vn_number,
    "two_digits": two_digits,
    "doc_number": doc_number,
    "percent": percent,
    "counts_phrase": counts_phrase,
}

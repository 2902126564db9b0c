"""Vietnamese text helpers: NFC, folding for matching, name normalisation. Stdlib only (cheap to import)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any

from tdkt.cache import cached

_SPACE = re.compile(r"\s+")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


_ODD_SPACE = re.compile(r"[^\S ]| {2}")  # whitespace that clean() would change (besides the ends)


def clean(text: str) -> str:
    """NFC, non-breaking spaces and line breaks folded to one space, trimmed."""
    if _ODD_SPACE.search(text) is None and unicodedata.is_normalized("NFC", text):
        return text.strip()  # the usual cell: nothing to fold
    return _SPACE.sub(" ", nfc(text).replace("\u00a0", " ")).strip()


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


_LATIN: dict[int, str] | None = None


def _latin_table() -> dict[int, str]:
    """Each Latin letter with marks (Latin-1 to Latin Extended-B, Latin Extended Additional, where the
    Vietnamese letters are) → itself without them, and combining marks → nothing; built on first use
    from :func:`_strip_marks` itself, so the two agree by construction."""
    global _LATIN
    if _LATIN is None:
        table: dict[int, str] = {}
        for lo, hi in ((0x00C0, 0x024F), (0x0300, 0x036F), (0x1E00, 0x1EFF)):
            for code in range(lo, hi + 1):
                ch = chr(code)
                stripped = _strip_marks(ch)
                if stripped != ch:
                    table[code] = stripped
        _LATIN = table
    return _LATIN


def strip_diacritics(text: str) -> str:
    """Remove Vietnamese tone and vowel marks; đ/Đ become d/D (NFD does not decompose them)."""
    if text.isascii():
        return text
    # One str.translate for the Latin letters (~10× faster than decomposing every character, and fold
    # runs on every name of a list); anything else left takes the general path.
    out = text.translate(_latin_table())
    return out if out.isascii() else _strip_marks(out)


def fold(text: str) -> str:
    """A matching key: no diacritics, lower case, every run of punctuation or space → one space."""
    return _NON_ALNUM.sub(" ", strip_diacritics(nfc(text)).lower()).strip()


# Tone marks (huyền, sắc, ngã, hỏi, nặng) as combining characters; the vowel marks (ˆ, ˘, ơ/ư's horn)
# belong to their letter and never move.
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_VOWELS = frozenset("aăâeêioôơuưy")
_MOVABLE = ("oa", "oe", "uy")  # open syllables whose tone sits on either vowel: "hòa"/"hoà", "thúy"/"thuý"


def name_key(text: str) -> str:
    """A key that tells people apart by their name as written: NFC, case and runs of spaces do not
    count, nor does where the tone mark of a final oa/oe/uy sits (the old "Hòa", "Thúy", "Khỏe" and
    the new "Hoà", "Thuý", "Khoẻ" are one spelling); every other difference of letters or marks does
    ("Hường" is not "Hương"). Ballot columns are matched to nominees by this key: a vote is never
    given to a look-alike name (report #6).
    """
    cleaned = clean(text).casefold()
    if cleaned.isascii():
        return cleaned
    return " ".join(_tone_placed(word) for word in cleaned.split(" "))


def _tone_placed(word: str) -> str:
    """``word`` (lower case, NFC) with the tone of a final oa/oe/uy on its last vowel (the new style)."""
    decomposed = unicodedata.normalize("NFD", word)
    tones = [ch for ch in decomposed if ch in _TONES]
    if len(tones) != 1:
        return word
    letters = unicodedata.normalize("NFC", decomposed.replace(tones[0], ""))
    if not letters.endswith(_MOVABLE) or (len(letters) > 2 and letters[-3] in _VOWELS):
        return word  # the tone's place is fixed ("hoàng", "ngoài", "của")
    return unicodedata.normalize("NFC", letters + tones[0])


def title_name(text: str) -> str:
    """'NGUYỄN  văn an' → 'Nguyễn Văn An' (each word capitalised; NFC; single spaces).

    The capital goes on a word's first letter, after an opening bracket or quote ('(út)' → '(Út)'),
    and on the letter after an apostrophe, as in Ê Đê and Gia Rai names ("h'hen niê" → "H'Hen Niê").
    """
    return title_words(clean(text))


def title_words(cleaned: str) -> str:
    """:func:`title_name` of text that is already :func:`clean`."""
    if cleaned.replace(" ", "").isalpha() and strip_diacritics(cleaned).isascii():
        return cleaned.title()  # the same for words of Latin letters, in one C call
    return " ".join("".join(map(_capitalise, _APOSTROPHE.split(w))) for w in cleaned.split(" ") if w)


_APOSTROPHE = re.compile(r"(['’])")


def _capitalise(part: str) -> str:
    for i, ch in enumerate(part):
        if ch.isalpha():
            return part[:i] + ch.upper() + part[i + 1 :].lower()
    return part.lower()


# Names, units, positions and award texts repeat down a list: the cached forms keep each answer.
clean_cached = cached("tdkt.text.clean", 65536)(clean)
folded = cached("tdkt.text.fold", 65536)(fold)


def xml_text(text: str, *, quote: bool = False) -> str:
    """``text`` as XML character data: ``&``, ``<`` and ``>`` escaped, and ``"`` too inside an
    attribute (``quote``). What lxml writes; ``xml.sax.saxutils.escape`` would do the same but its
    import pulls in urllib and ssl."""
    out = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return out.replace('"', "&quot;") if quote else out


def map_strings(value: Any, search: Callable[[str], object], fix: Callable[[str], str]) -> Any:
    """``value`` with ``fix`` applied to each string in which ``search`` finds something, through
    dicts, lists and tuples; other objects are returned as they are, and so is any container in which
    nothing changed (no copy). A plain string with no match is checked inline, not in a call per
    value: a document's annex holds tens of thousands of them."""
    if isinstance(value, str):
        return fix(value) if search(value) else value
    if isinstance(value, dict):
        changed = {k: v2 for k, v in value.items()
                   if (type(v) is not str or search(v)) and (v2 := map_strings(v, search, fix)) is not v}
        return {**value, **changed} if changed else value
    if isinstance(value, list | tuple):
        items = [v if type(v) is str and not search(v) else map_strings(v, search, fix) for v in value]
        if all(a is b for a, b in zip(items, value, strict=True)):
            return value
        return items if isinstance(value, list) else tuple(items)
    return value

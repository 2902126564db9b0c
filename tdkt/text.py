"""Vietnamese text helpers: NFC, folding for matching, name normalisation. Stdlib only (cheap to import)."""

from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"\s+")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def clean(text: str) -> str:
    """NFC, non-breaking spaces and line breaks folded to one space, trimmed."""
    return _SPACE.sub(" ", nfc(text).replace("\u00a0", " ")).strip()


def strip_diacritics(text: str) -> str:
    """Remove Vietnamese tone and vowel marks; đ/Đ become d/D (NFD does not decompose them)."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


def fold(text: str) -> str:
    """A matching key: no diacritics, lower case, every run of punctuation or space → one space."""
    return _NON_ALNUM.sub(" ", strip_diacritics(nfc(text)).lower()).strip()


def title_name(text: str) -> str:
    """'NGUYỄN  văn an' → 'Nguyễn Văn An' (each word capitalised; NFC; single spaces)."""
    return " ".join(w[:1].upper() + w[1:].lower() for w in clean(text).split(" ") if w)

"""Folding Vietnamese text: the fast table path agrees with decomposing every character."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tdkt import text

LATIN_AND_MARKS = st.characters(
    codec="utf-8", categories=("L", "M", "N", "P", "Zs"), exclude_characters="\x00"
)


@given(st.text(alphabet=LATIN_AND_MARKS, max_size=40))
def test_strip_diacritics_equals_decomposition(s: str) -> None:
    assert text.strip_diacritics(s) == text._strip_marks(s)


def test_every_vietnamese_letter_folds_to_its_base() -> None:
    letters = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
    assert text.strip_diacritics(letters) == "aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd"
    assert text.strip_diacritics(letters.upper()) == "AAAAAAAAAAAAAAAAAEEEEEEEEEEEIIIIIOOOOOOOOOOOOOOOOOUUUUUUUUUUUYYYYYD"
    assert text.fold("NGUYỄN  Thị-Phương\u00a0Thảo") == "nguyen thi phuong thao"


def _reference_title(s: str) -> str:
    """Each word, and each part of it after an apostrophe: first letter upper, everything else lower
    (the general path, written out; the fast path for words of plain letters must agree with it)."""
    words = []
    for w in text.clean(s).split(" "):
        if not w:
            continue
        parts = [""]
        for ch in w:
            if ch in "'’":
                parts += [ch, ""]
            else:
                parts[-1] += ch
        out = []
        for part in parts:
            first = next((i for i, ch in enumerate(part) if ch.isalpha()), None)
            out.append(part.lower() if first is None else part[:first] + part[first].upper() + part[first + 1 :].lower())
        words.append("".join(out))
    return " ".join(words)


@given(st.text(alphabet=LATIN_AND_MARKS, max_size=40))
def test_title_name_capitalises_each_word(s: str) -> None:
    assert text.title_name(s) == _reference_title(s)


def test_title_name_of_a_vietnamese_name() -> None:
    assert text.title_name("  NGUYỄN  thị\u00a0phương THẢO ") == "Nguyễn Thị Phương Thảo"
    assert text.title_name("đặng văn đức") == "Đặng Văn Đức"


def test_title_name_capitalises_after_brackets_quotes_and_apostrophes() -> None:
    assert text.title_name("nguyễn văn an (út)") == "Nguyễn Văn An (Út)"
    assert text.title_name('LÊ THỊ "BÉ" HOA') == 'Lê Thị "Bé" Hoa'
    assert text.title_name("h'hen niê") == "H'Hen Niê"
    assert text.title_name("KSOR H’BƠ") == "Ksor H’Bơ"
    assert text.title_name("trần 2 văn") == "Trần 2 Văn"


@given(st.text(max_size=30))
def test_clean_equals_folding_every_space(s: str) -> None:
    import re
    import unicodedata

    expected = re.sub(r"\s+", " ", unicodedata.normalize("NFC", s).replace("\u00a0", " ")).strip()
    assert text.clean(s) == expected


@given(st.text(max_size=30))
def test_legacy_detection_leaves_unicode_vietnamese_alone(s: str) -> None:
    from tdkt.ingest import legacy

    converted, encoding = legacy.convert(s)
    if any(ord(c) > 0xFF for c in s):
        assert (converted, encoding) == (s, None)

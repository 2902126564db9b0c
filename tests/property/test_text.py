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


@given(st.text(alphabet=LATIN_AND_MARKS, max_size=40))
def test_title_name_capitalises_each_word(s: str) -> None:
    expected = " ".join(w[:1].upper() + w[1:].lower() for w in text.clean(s).split(" ") if w)
    assert text.title_name(s) == expected


def test_title_name_of_a_vietnamese_name() -> None:
    assert text.title_name("  NGUYỄN  thị\u00a0phương THẢO ") == "Nguyễn Thị Phương Thảo"
    assert text.title_name("đặng văn đức") == "Đặng Văn Đức"


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

"""Legacy Vietnamese text (TCVN3/ABC ".VnTime" fonts and VNI fonts) detected per cell and turned into Unicode.

Before Unicode, Vietnamese offices typed with fonts that drew Vietnamese letters in place of Latin-1
characters: "NguyÔn V¨n Hå" in TCVN3 (TCVN 5712:1993, VN3) and "Nguyeãn Vaên Hoà" in VNI are both
"Nguyễn Văn Hồ". Excel keeps the Latin-1 characters, so the cell text is wrong once the font is gone.

No maintained Python package converts these (PyPI has none; the tables are small and fixed by the
standard), so the two tables are written out here. Detection is by evidence, never by guessing: a
cell is converted only when the conversion turns more of its words into well-formed Vietnamese
syllables than the text had before. Text that is already valid Vietnamese (even "Hoà Bình", which
uses only Latin-1 letters) is therefore never touched.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from tdkt.cache import cached

TCVN3 = "tcvn3"
VNI = "vni"

# TCVN3 (VN3): byte → letter. Only lower-case toned letters exist; upper case came from a separate
# font (.VnTimeH) drawing the same codes as capitals, so such text converts to lower case.
_TCVN3_TABLE: dict[str, str] = {
    "\u00a1": "Ă", "\u00a2": "Â", "\u00a3": "Ê", "\u00a4": "Ô", "\u00a5": "Ơ", "\u00a6": "Ư", "\u00a7": "Đ",
    "\u00a8": "ă", "\u00a9": "â", "\u00aa": "ê", "\u00ab": "ô", "\u00ac": "ơ", "\u00ad": "ư", "\u00ae": "đ",
    "\u00b5": "à", "\u00b6": "ả", "\u00b7": "ã", "\u00b8": "á", "\u00b9": "ạ",
    "\u00bb": "ằ", "\u00bc": "ẳ", "\u00bd": "ẵ", "\u00be": "ắ", "\u00c6": "ặ",
    "\u00c7": "ầ", "\u00c8": "ẩ", "\u00c9": "ẫ", "\u00ca": "ấ", "\u00cb": "ậ",
    "\u00cc": "è", "\u00ce": "ẻ", "\u00cf": "ẽ", "\u00d0": "é", "\u00d1": "ẹ",
    "\u00d2": "ề", "\u00d3": "ể", "\u00d4": "ễ", "\u00d5": "ế", "\u00d6": "ệ",
    "\u00d7": "ì", "\u00d8": "ỉ", "\u00dc": "ĩ", "\u00dd": "í", "\u00de": "ị",
    "\u00df": "ò", "\u00e1": "ỏ", "\u00e2": "õ", "\u00e3": "ó", "\u00e4": "ọ",
    "\u00e5": "ồ", "\u00e6": "ổ", "\u00e7": "ỗ", "\u00e8": "ố", "\u00e9": "ộ",
    "\u00ea": "ờ", "\u00eb": "ở", "\u00ec": "ỡ", "\u00ed": "ớ", "\u00ee": "ợ",
    "\u00ef": "ù", "\u00f1": "ủ", "\u00f2": "ũ", "\u00f3": "ú", "\u00f4": "ụ",
    "\u00f5": "ừ", "\u00f6": "ử", "\u00f7": "ữ", "\u00f8": "ứ", "\u00f9": "ự",
    "\u00fa": "ỳ", "\u00fb": "ỷ", "\u00fc": "ỹ", "\u00fd": "ý", "\u00fe": "ỵ",
}  # fmt: skip

# VNI: a base letter followed by one mark character. Tones: sắc ù, huyền ø, hỏi û, ngã õ, nặng ï;
# circumflex with a tone: â á à å ã ä; breve with a tone: ê é è ú ü ë (upper case marks likewise).
_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_CIRCUMFLEX = {"â": "", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
_BREVE = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}
_VNI_SINGLE: dict[str, str] = {
    "ô": "ơ", "ö": "ư", "ñ": "đ", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ",
    "Ô": "Ơ", "Ö": "Ư", "Ñ": "Đ", "Í": "Í", "Ì": "Ì", "Æ": "Ỉ", "Ó": "Ĩ", "Ò": "Ị", "Î": "Ỵ",
}  # fmt: skip

_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_VOWELS = (  # noqa: SIM905 - one readable line of the vowel clusters
    "a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ uy "
    "ưa ưi ươ ưu yê iêu yêu oai oay oao oeo uây uôi ươi ươu uya uyê uyu"
).split()
_SYLLABLE = re.compile(
    "^(ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnprstvx])?("
    + "|".join(sorted(_VOWELS, key=len, reverse=True))
    + ")(ch|nh|ng|[cmnpt])?$"
)
_DIGITS = frozenset("0123456789")  # str.isdigit() would also take "¹", which is TCVN3 "ạ"
_WORD = re.compile(r"[^\s\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]+")


@cache
def _vni_pairs() -> dict[str, str]:
    pairs: dict[str, str] = {}

    def add(base: str, mark: str, combining: str) -> None:
        for b in (base, base.upper()):
            for m in (mark, mark.upper()):
                pairs[b + m] = unicodedata.normalize("NFC", b + combining)

    for base in "aeouy":
        for mark, tone in _TONES.items():
            add(base, mark, tone)
    for base in "aeo":
        for mark, tone in _CIRCUMFLEX.items():
            add(base, mark, "\u0302" + tone)
    for mark, tone in _BREVE.items():
        add("a", mark, "\u0306" + tone)
    for vni, horn in (("ô", "ơ"), ("ö", "ư")):
        for mark, tone in _TONES.items():
            for b, h in ((vni, horn), (vni.upper(), horn.upper())):
                for m in (mark, mark.upper()):
                    pairs[b + m] = unicodedata.normalize("NFC", h + tone)
    return pairs


@cache
def _vni_pattern() -> re.Pattern[str]:
    keys = sorted(_vni_pairs(), key=len, reverse=True)
    return re.compile("|".join(re.escape(k) for k in keys) + "|[" + re.escape("".join(_VNI_SINGLE)) + "]")


_TCVN3_TRANS = str.maketrans(_TCVN3_TABLE)


def decode(text: str, encoding: str) -> str:
    """``text`` read as ``encoding`` ("tcvn3" or "vni"), unconditionally; the result is NFC."""
    if encoding == TCVN3:
        return unicodedata.normalize("NFC", text.translate(_TCVN3_TRANS))
    if encoding == VNI:
        pairs = _vni_pairs()
        out = _vni_pattern().sub(lambda m: pairs.get(m.group(0)) or _VNI_SINGLE[m.group(0)], text)
        return unicodedata.normalize("NFC", out)
    raise ValueError(f"unknown legacy encoding: {encoding}")


@cache
def _reverse_tcvn3() -> dict[str, str]:
    return {v: k for k, v in _TCVN3_TABLE.items()}


@cache
def _reverse_vni() -> dict[str, str]:
    rev: dict[str, str] = {}
    for seq, letter in _vni_pairs().items():
        # Keep the spelling a VNI keyboard writes: the mark's case follows the base letter's case.
        if seq[1:].isupper() == seq[:1].isupper():
            rev.setdefault(letter, seq)
    for seq, letter in _VNI_SINGLE.items():
        rev.setdefault(letter, seq)
    return rev


def encode(text: str, encoding: str) -> str:
    """Unicode text as a legacy font would store it (for tests and fixtures).

    Raises:
        ValueError: a letter the encoding cannot represent (TCVN3 has no upper-case toned letters).
    """
    table = _reverse_tcvn3() if encoding == TCVN3 else _reverse_vni() if encoding == VNI else None
    if table is None:
        raise ValueError(f"unknown legacy encoding: {encoding}")
    out: list[str] = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in table:
            out.append(table[ch])
        elif ord(ch) < 128:
            out.append(ch)
        else:
            raise ValueError(f"{encoding} cannot represent {ch!r}")
    return "".join(out)


# Where a cluster carries its tone mark (0 = first vowel). Clusters not listed take it anywhere
# (oa/oe/uy are written both "hoà" and "hòa").
_TONE_AT: dict[str, int] = {
    **dict.fromkeys("ai ao au ay âu ây eo êu iu oi ôi ơi ui ưi ưu ia ua ưa".split(), 0),  # noqa: SIM905
    **dict.fromkeys("iê yê uô ươ iêu yêu uôi ươi ươu oai oay oao oeo uây uyu".split(), 1),  # noqa: SIM905
    "uyê": 2,
}


def is_syllable(word: str) -> bool:
    """Whether ``word`` is a well-formed Vietnamese syllable (onset, vowel cluster, coda, one tone well placed)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [c for c in decomposed if c in _TONE_MARKS]
    if len(tones) > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    m = _SYLLABLE.match(base)
    if m is None:
        return False
    cluster = m.group(2)
    if tones and cluster in _TONE_AT:
        toned = [
            i for i, ch in enumerate(unicodedata.normalize("NFC", word.lower())) if ch not in base[i : i + 1]
        ]
        start = len(m.group(1) or "")
        want = _TONE_AT[cluster]
        # "ia"/"ua" closed by a consonant never occur; "gi"/"qu" onsets already took their glide.
        if toned and toned[0] - start != want:
            return False
    # Syllables closed by c, ch, p, t only take the sắc or nặng tone.
    return not (m.group(3) in ("c", "ch", "p", "t") and tones and tones[0] not in ("\u0301", "\u0323"))


def _score(words: list[str]) -> int:
    return sum(1 for w in words if is_syllable(w))


def convert(text: str) -> tuple[str, str | None]:
    """``(text in Unicode, "tcvn3" | "vni")`` when the cell is legacy text, else ``(text, None)``.

    A cell qualifies only if every character is ASCII or Latin-1 (legacy fonts cannot produce
    anything else) and a conversion makes strictly more of its words valid Vietnamese syllables.
    """
    if text.isascii() or max(text) > "\xff":  # a letter beyond Latin-1 means Unicode (see _convert)
        return text, None
    return _convert(text)


@cached("tdkt.ingest.legacy", 65536)
def _convert(text: str) -> tuple[str, str | None]:
    try:
        text.encode("latin-1")  # legacy fonts only ever produce Latin-1; any other letter means Unicode
    except UnicodeEncodeError:
        return text, None
    words = [w for w in _WORD.findall(text) if not w.isascii() and not any(c in _DIGITS for c in w)]
    if not words:
        return text, None
    best_score = _score(words)
    best: tuple[str, str | None] = (text, None)
    for encoding in (TCVN3, VNI):
        candidate = decode(text, encoding)
        score = _score(
            [w for w in _WORD.findall(candidate) if not w.isascii() and not any(c in _DIGITS for c in w)]
        )
        if score > best_score:
            best_score, best = score, (candidate, encoding)
    return best


def _words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text) if not w.isascii() and not any(c in _DIGITS for c in w)]


@cached("tdkt.ingest.legacy-readings", 65536)
def readings(text: str) -> tuple[int, dict[str, tuple[str, int]]]:
    """How Vietnamese ``text`` is as it stands and read in each legacy encoding: ``(syllables as it is,
    {encoding: (converted text, syllables)})`` — for a reader that weighs one cell against the rest of
    its sheet (:func:`tdkt.ingest.sources.convert_legacy`). Text that cannot be legacy (ASCII, or a
    letter past Latin-1) has no readings."""
    if text.isascii() or max(text) > "\xff":
        return 0, {}
    words = _words(text)
    if not words:
        return 0, {}
    out: dict[str, tuple[str, int]] = {}
    for encoding in (TCVN3, VNI):
        candidate = decode(text, encoding)
        if candidate != text:
            out[encoding] = (candidate, _score(_words(candidate)))
    return _score(words), out


def fluent(text: str) -> bool:
    """Whether every word of ``text`` that could be legacy (non-ASCII, no digit) is already a Vietnamese
    syllable: then no reading makes it more Vietnamese (the cheap test a Unicode sheet's text takes)."""
    return all(is_syllable(w) for w in _words(text))


# VISCII (RFC 1456, 1993): one byte per toned letter — 0x80-0xFF, and six C0 bytes for capitals. Files saved by
# old DOS/Windows 3.x software (and some HR exports) still come in it; Python has no codec for it.
_VISCII_HIGH = ("ẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲÕắằặấầẩậẽẹếềểễệốồổỗỠƠộờởịỰỨỪỬơớƯÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳĐứÒÓÔạỷừửÙÚỹỵÝỡưàáâãảăữẫ"
                "èéêẻìíĩỉđựòóôõỏọụùúũủýợỮ")
_VISCII_LOW = {0x02: "Ẳ", 0x05: "Ẵ", 0x06: "Ẫ", 0x14: "Ỷ", 0x19: "Ỹ", 0x1E: "Ỵ"}
_VISCII_TABLE = {**{0x80 + i: ch for i, ch in enumerate(_VISCII_HIGH)}, **_VISCII_LOW}


def decode_viscii(data: bytes) -> str:
    """``data`` read as VISCII (every byte is a character: this never fails)."""
    return data.decode("latin-1").translate(_VISCII_TABLE)


def vietnamese_score(text: str) -> int:
    """How many of the non-ASCII words of ``text`` are well-formed Vietnamese syllables (to choose between
    two readings of the same bytes)."""
    return _score([w for w in re.findall(r"[^\W\d_]+", text) if not w.isascii()])

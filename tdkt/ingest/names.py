"""Name cells as people write them: a position on a second line ("Nguyễn Văn An↵Phó Giám đốc Sở", pasted
from Word), an honorific before the name ("Đ/c", "Ông", "Bà"), a household's name. The words are data:
``tdkt/rules/ingest/names.yaml`` (its comment says how each is read)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from tdkt.text import clean, fold


@dataclass(frozen=True)
class _Words:
    always: frozenset[str]  # lower case, as written
    before_family: dict[str, str]  # folded honorific → gender
    family: frozenset[str]  # folded
    family_as_written: frozenset[str]  # lower case, with its tones ("trương", not "trưởng")
    households: tuple[str, ...]  # folded, each followed by a space
    prefixes: frozenset[str]  # the first two letters of every honorific, in every case


@cache
def _words() -> _Words:
    data: Any = yaml.load(
        resources.files("tdkt").joinpath("rules/ingest/names.yaml").read_text(encoding="utf-8"),
        Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    always = frozenset(str(w).lower() for w in data["honorifics"]["always"])
    before = {fold(str(k)): str(v) for k, v in data["honorifics"]["before_family_name"].items()}
    written = [*always, *(str(k) for k in data["honorifics"]["before_family_name"])]
    prefixes = frozenset(f(w[:2]) for w in written for f in (str.lower, str.upper, str.capitalize))
    return _Words(always, before, frozenset(fold(str(w)) for w in data["family_names"]),
                  frozenset(clean(str(w)).lower() for w in data["family_names"]),
                  tuple(f"{fold(str(h))} " for h in data["households"]), prefixes)


@dataclass(frozen=True)
class NameCell:
    """What a name cell says: the name, the position written under it, the honorific dropped (and the
    gender it implies)."""

    name: str
    position: str | None = None
    honorific: str | None = None
    gender: str | None = None


_PREFIXES: frozenset[str] = frozenset()


def maybe_more(text: str) -> bool:
    """Whether a name cell's text may hold more than a name (a line break, or an honorific's first
    letters): the cheap test every name takes before :func:`read_name`."""
    global _PREFIXES
    if not _PREFIXES:
        _PREFIXES = _words().prefixes
    return "\n" in text or text[:2] in _PREFIXES


def read_name(text: str) -> NameCell:
    """A name cell's text (tidied when read: see :mod:`tdkt.ingest.sources`) → its parts."""
    lines = [line for line in (clean(part) for part in text.split("\n")) if line]
    if not lines:
        return NameCell("")
    name, rest = lines[0], lines[1:]
    if rest and len(name.split(" ")) <= 2 and all(w.isalpha() and w.istitle() for w in rest[0].split(" ")):
        name, rest = f"{name} {rest[0]}", rest[1:]  # "Nguyễn Thị↵Thu Hằng": a name wrapped by hand
    honorific, gender = None, None
    words = name.split(" ")
    vocab = _words()
    for n in (2, 1):
        head = " ".join(words[:n])
        if len(words) > n and head.lower().rstrip(":") in vocab.always:
            honorific, words = head, words[n:]
            break
    else:
        key = fold(words[0])
        if key in vocab.before_family and len(words) >= 3 and fold(words[1]) in vocab.family:
            honorific, gender, words = words[0], vocab.before_family[key], words[1:]
    position = ", ".join(line.strip("()[] ").strip() for line in rest) or None
    return NameCell(" ".join(words), position or None, honorific, gender)


def starts_with_family_name(text: str) -> bool:
    """Whether a cell's text begins with a family name of ``names.yaml`` (after an honorific, if any): what a
    person's name looks like, and a position ("Chuyên viên …", "Trưởng phòng …") does not."""
    vocab = _words()
    words = clean(text.split("\n", 1)[0]).split(" ")
    family = vocab.family_as_written  # with tones: "Trương Văn A" is a name, "Trưởng phòng …" a position
    honorific = len(words) > 1 and (words[0].lower() in vocab.always or fold(words[0]) in vocab.before_family)
    if honorific:  # "Ông Nguyễn Văn An", "Đ/c Lê Thị Hoa"; "Ông" is a family name too ("Ông Văn Nhân")
        words = words[1:] if words[1].lower() in family else words
    # A name is written with every word capitalised (or all in capitals): "Phó Đức Phương" is a name,
    # "Phó Giám đốc Sở" a position.
    return words[0].lower() in family and all(w.istitle() or w.isupper() or not w.isalpha() for w in words)


def is_household(name: str) -> bool:
    """Whether a name is a household's ("Gia đình ông …", "Hộ gia đình …", "Hộ bà …")."""
    if name[:1] not in "GgHh" or name[:3].lower() not in ("gia", "hộ "):
        return False
    key = fold(name) + " "
    return key.startswith(_words().households)

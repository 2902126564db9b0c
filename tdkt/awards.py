"""The award catalogue (ids, names, aliases) loaded from ``tdkt/rules/awards.yaml``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from tdkt import vocab
from tdkt.errors import RuleFileError
from tdkt.text import fold


@dataclass(frozen=True)
class Award:
    id: str
    name: str
    kind: str  # title | form
    for_: str  # individual | collective | both
    authority: str  # co_so | bo_tinh | thu_tuong | chu_tich_nuoc | council
    aliases: tuple[str, ...]


@cache
def catalogue() -> dict[str, Award]:
    """Every award of the contract, keyed by id."""
    import yaml

    text = resources.files("tdkt").joinpath("rules/awards.yaml").read_text(encoding="utf-8")
    # libyaml when present (as in tdkt.ruleset.read_yaml): the same data, ~10× faster than pure Python
    data: Any = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    try:
        return {
            key: Award(
                id=key,
                name=str(v["name"]),
                kind=str(v["kind"]),
                for_=str(v["for"]),
                authority=str(v["authority"]),
                aliases=tuple(str(a) for a in v.get("aliases", [])),
            )
            for key, v in data["awards"].items()
        }
    except (KeyError, TypeError) as exc:  # pragma: no cover - the shipped file is tested
        raise RuleFileError(f"Tệp danh mục khen thưởng awards.yaml hỏng: {exc}") from exc


@cache
def _alias_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for award in catalogue().values():
        for alias in (award.name, award.id.replace("_", " "), *award.aliases):
            index.setdefault(fold(alias), award.id)
    return index


def resolve(text: str, extra: dict[str, str] | None = None) -> str | None:
    """The award id a Vietnamese name or abbreviation stands for, or None.

    ``extra`` maps folded aliases of overlay titles to their ids.
    """
    key = fold(text)
    if not key:
        return None
    if extra and key in extra:
        return extra[key]
    if key in catalogue():
        return key
    index = _alias_index()
    got = index.get(key)
    if got is None:  # written another way: "Chiến sỹ", "LĐ tiên tiến", "CS TĐCS", "BK Bộ GD&ĐT"
        plain = spelled(key)
        got = (index.get(plain) or index.get(key.replace(" ", "")) or index.get(plain.replace(" ", ""))
               or _bang_khen_of(plain))
    return got


# Words that units shorten or spell another way in award names (folded): the y/i spelling of "sĩ",
# and the abbreviations of "lao động", "thi đua", "bằng khen", "chiến sĩ" written as words.
_SPELLING = ((" sy ", " si "), (" ld ", " lao dong "), (" td ", " thi dua "), (" bk ", " bang khen "),
             (" cstd ", " chien si thi dua "))
# "Bằng khen" of a bộ, a ngành or a tỉnh (its UBND or Chủ tịch): one award, whoever the bộ or tỉnh is.
_BANG_KHEN_BO_TINH = re.compile(r"^bang khen (cua )?(bo|nganh|ubnd|uy ban|chu tich|tinh|thanh pho|cap bo|cap tinh)\b")


def spelled(key: str) -> str:
    """A folded award name with the usual other spellings and abbreviations written out."""
    k = f" {key} "
    for a, b in _SPELLING:
        k = k.replace(a, b)
    return k.strip()


def _bang_khen_of(key: str) -> str | None:
    return "bang_khen_bo_tinh" if _BANG_KHEN_BO_TINH.match(key) and "bang_khen_bo_tinh" in catalogue() else None


def name(award_id: str) -> str:
    award = catalogue().get(award_id)
    return award.name if award else award_id


def close_to(text: str, extra: dict[str, str] | None = None, n: int = 5) -> list[str]:
    """Ids of the awards whose names or aliases are closest to ``text`` (for a refusal's "gần giống").

    Names that contain every word typed come first ("bằng khen" → both Bằng khen), then the
    spelling neighbours of the whole text (difflib over the folded names, aliases and ids).
    """
    from difflib import get_close_matches

    key = fold(text)
    index = {**_alias_index(), **(extra or {})}
    index.update({fold(a.id): a.id for a in catalogue().values()})
    found: list[str] = []
    words = key.split()
    for alias, award_id in index.items():
        if words and all(w in alias.split() for w in words) and award_id not in found:
            found.append(award_id)
    for alias in get_close_matches(key, list(index), n=2 * n, cutoff=0.6):
        if index[alias] not in found:
            found.append(index[alias])
    return found[:n]


FOR_VN = {**vocab.KIND, "both": f"{vocab.KIND['individual']}, {vocab.KIND['collective']}"}


@dataclass(frozen=True)
class Listed:
    """One line of ``tdkt rules awards``: an award of the catalogue or a council's own title."""

    id: str
    name: str
    kind: str  # title | form | local
    for_: str  # individual | collective | household | both (or several, comma-separated)
    aliases: tuple[str, ...]
    source: str  # "" for the catalogue, else the overlay's title

    @property
    def kind_vn(self) -> str:
        return vocab.cap(vocab.AWARD_CATEGORY.get(self.kind, self.kind))

    @property
    def for_vn(self) -> str:
        return ", ".join(FOR_VN.get(f, f) for f in self.for_.split(",")).capitalize()

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "kind": self.kind, "for": self.for_,
                "aliases": list(self.aliases), "overlay": self.source or None}


def listing(overlays: Sequence[Path] = ()) -> list[Listed]:
    """Every award an ``--award`` option accepts: the catalogue, then the overlays' own titles."""
    out = [Listed(a.id, a.name, a.kind, a.for_, tuple(x for x in a.aliases if x != a.name), "")
           for a in catalogue().values()]
    if overlays:
        from tdkt.ruleset import overlay_titles

        for ov, aid, spec in overlay_titles(overlays):
            kinds = [k for k in ("individual", "collective", "household") if getattr(spec, k) is not None]
            out.append(Listed(aid, spec.name or aid, "local", ",".join(kinds) or "both", tuple(spec.aliases),
                              ov.title))
    return out

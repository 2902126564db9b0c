"""The award catalogue (ids, names, aliases) loaded from ``tdkt/rules/awards.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

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
    return _alias_index().get(key)


def name(award_id: str) -> str:
    award = catalogue().get(award_id)
    return award.name if award else award_id

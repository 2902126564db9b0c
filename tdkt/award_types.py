"""Loại hình khen thưởng from the words of a list: ``award_type("Bằng khen UBND tỉnh (đột xuất)")``.

The words are data (``award_types`` in ``tdkt/rules/ingest/values.yaml``). A text with none of them
gives None: the list does not say the type, and a chain that depends on it is reviewed, not passed
(NĐ 152/2025 Điều 4 k3; see tdkt.predicates.prior_award).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any, cast

from tdkt.cache import cached
from tdkt.errors import RuleFileError
from tdkt.models import AWARD_TYPE_VN, AwardType
from tdkt.text import fold


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], AwardType], ...]:
    import yaml

    text = resources.files("tdkt").joinpath("rules/ingest/values.yaml").read_text(encoding="utf-8")
    data: Any = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    out: list[tuple[re.Pattern[str], AwardType]] = []
    for type_id, patterns in (data.get("award_types") or {}).items():
        if type_id not in AWARD_TYPE_VN:  # pragma: no cover - the shipped file is tested
            raise RuleFileError(f"Tệp values.yaml, mục 'award_types.{type_id}': loại hình khen thưởng không có")
        out += [(re.compile(p), cast(AwardType, type_id)) for p in patterns]
    return tuple(out)


@cached("tdkt.award-types.award-type", 4096)  # the same few award texts down a list and its history
def award_type(text: str | None) -> AwardType | None:
    """The type an award's text states, or None when it states none."""
    if not text:
        return None
    key = fold(text)
    for pattern, type_id in _patterns():
        if pattern.search(key):
            return type_id
    return None

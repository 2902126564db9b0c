"""Issue 14: the texts of a rule pack reach the papers an officer reads (the .xlsx of validate, the Báo
cáo, the Biên bản's basis): every criterion's text, basis and note, every vote's basis and note, every
notice and căn cứ cite the law itself (document, article, clause) in plain Vietnamese — never the
project's own notes ("legal.md §8.2"), a YAML key, a rule id or "(overlay)"."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.render.internals import internals

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted((ROOT / "tdkt" / "rules").glob("*.yaml")) + sorted((ROOT / "tdkt" / "rules" / "examples").glob("*.yaml"))
FILES = [f for f in FILES if f.name != "awards.yaml"] + sorted((ROOT / "examples" / "rules").glob("*.yaml"))
TEXT_KEYS = {"text", "basis", "note", "delegated", "title", "label", "article", "quote", "phrase"}


def officer_texts(node: Any, path: str = "", in_params: bool = False) -> Iterator[tuple[str, str]]:
    """(where, text) of every string an officer may read; under ``params`` only the sub-criteria's text
    (``params.title`` there is an award id)."""
    if isinstance(node, dict):
        for key, value in node.items():
            where = f"{path}.{key}" if path else str(key)
            if isinstance(value, str):
                if key == "text" or (key in TEXT_KEYS and not in_params):
                    yield where, value
            elif key == "legal_bases" and isinstance(value, list):
                for i, item in enumerate(value):
                    yield f"{where}.{i}", item["text"] if isinstance(item, dict) else item
            else:
                yield from officer_texts(value, where, in_params or key == "params")
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from officer_texts(item, f"{path}.{i}", in_params)


def test_the_walk_finds_the_texts_it_checks() -> None:
    texts = dict(officer_texts(yaml.safe_load((ROOT / "tdkt" / "rules" / "nd152-2025.yaml").read_text("utf-8"))))
    assert texts["special_time.maternity.basis"] == "NĐ 152/2025 Điều 4 k5"
    assert any(k.startswith("legal_bases.") for k in texts) and any(k.endswith(".note") for k in texts)
    assert len(texts) > 50


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_pack_texts_cite_the_law_not_internal_notes(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    bad = {where: (found, text) for where, text in officer_texts(data)
           if (found := internals(text) + (["§"] if "§" in text else []))}
    assert bad == {}

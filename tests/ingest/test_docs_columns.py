"""docs/columns.md is generated from the vocabulary and every field there has a handler."""

from __future__ import annotations

from pathlib import Path

from tdkt.ingest.headers import columns_markdown, match_label, vocabulary
from tdkt.ingest.nominations import HANDLERS

ROOT = Path(__file__).resolve().parent.parent.parent


def test_docs_columns_is_current() -> None:
    assert (ROOT / "docs" / "columns.md").read_text(encoding="utf-8") == columns_markdown()


def test_every_vocabulary_field_is_handled() -> None:
    assert sorted(vocabulary().names - set(HANDLERS)) == []


def test_headers_match_regardless_of_diacritics_case_spacing_and_breaks() -> None:
    for text in ("Họ và tên", "HỌ VÀ TÊN", "Ho va ten", "Họ và\ntên", "  họ   và tên "):
        assert match_label(text) == "name", text
    assert match_label("Tên đơn vị/tập thể\ncông tác") == "unit"
    assert match_label("Tên đơn vị / tập thể") == "name"
    assert match_label("Số CMND/CCCD") == "cccd"
    assert match_label("Không có nghĩa gì") is None

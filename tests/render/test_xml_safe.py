"""``docx.xml_safe``: the characters XML 1.0 cannot hold leave every document's context before
rendering, and nothing else does. A control character in every string of a real round's contexts
(decision, Tờ trình, biên bản, báo cáo) gives the same bytes as the clean round."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tdkt.render import docx as d

ILLEGAL = ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x0e", "\x1f", "\ud800", "\udfff", "\ufffe", "\uffff"]
LEGAL = "\t\n\r &<>\"' Ưng Đức \x7f\x85\u2028\ud7ff\ue000\ufffd\U00010000\U0001f600\U0010ffff"


def test_removes_only_what_xml_cannot_hold() -> None:
    assert d.xml_safe(LEGAL) is LEGAL
    for ch in ILLEGAL:
        dropped: list[str] = []
        assert d.xml_safe(f"A{ch}B{ch}{LEGAL}", dropped) == "AB" + LEGAL
        assert dropped == [f"AB{LEGAL} (U+{ord(ch):04X})"]
    dropped = []
    assert d.xml_safe("\x01Mùa\x02 Thị\x01", dropped) == "Mùa Thị"
    assert dropped == ["Mùa Thị (U+0001, U+0002)"]


def test_the_one_class_strips_exactly_the_readable_set() -> None:
    """``_STRIP`` (one class of few ranges, for speed) matches the same code points as ``_STRIP_SPEC``
    (XML's characters, then the invisible ones), every one of them; ``_NOT_PLAIN`` likewise."""
    import re

    spec, fast = re.compile(d._STRIP_SPEC), d._STRIP
    differ = [hex(cp) for cp in range(0x110000) if bool(spec.match(chr(cp))) != bool(fast.match(chr(cp)))]
    assert differ == []
    # the fast row path's class: what XML cannot hold, and tab, line feed, carriage return
    markup = re.compile("[^\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
    differ = [hex(cp) for cp in range(0x110000) if bool(markup.match(chr(cp))) != bool(d._NOT_PLAIN.match(chr(cp)))]
    assert differ == []


def test_the_document_class_finds_what_either_pass_would_change() -> None:
    """``_DOCUMENT`` (the one search of ``document_safe``) matches a code point exactly when
    ``_STRIP`` does or official typography rewrites it (« » — –), every one of them."""
    from tdkt.render.filters import _OFFICIAL

    rewritten = {chr(cp) for cp in _OFFICIAL}
    differ = [hex(cp) for cp in range(0x110000)
              if bool(d._DOCUMENT.match(chr(cp))) != (bool(d._STRIP.match(chr(cp))) or chr(cp) in rewritten)]
    assert differ == []


@pytest.mark.parametrize("text", [
    "Phòng A & B", "«Ghi chú» — đợt 1 – 2026", "\x01Mùa\x02 Thị — «Bé»\u202e", "\u200bLò Văn", LEGAL,
])
def test_document_safe_is_official_typography_over_xml_safe(text: str) -> None:
    from tdkt.render.filters import official

    ctx: dict[str, Any] = {"rows": [{"name": text}, {"name": "Nguyễn Văn An"}], "pair": (text, "b"), "n": 3}
    fast: list[str] = []
    plain: list[str] = []
    out = d.document_safe(ctx, fast)
    assert out == official(d.xml_safe(ctx, plain))
    assert fast == [official(v) for v in plain]
    if d.document_safe(text) == text:
        assert d.document_safe(ctx) is ctx  # nothing to change: the same object, no copy


def test_recurses_and_copies_only_what_changed() -> None:
    class Thing:
        name = "x\x01"

    thing = Thing()
    clean_row = {"stt": "1", "name": "Phòng A & B"}
    ctx: dict[str, Any] = {"rows": [clean_row, {"stt": "2", "name": "Lò\x01 Văn"}], "pair": ("a", "b\x0b"),
                           "n": 3, "thing": thing, "same": ["p", ("q",)]}
    dropped: list[str] = []
    out = d.xml_safe(ctx, dropped)
    assert out == {"rows": [clean_row, {"stt": "2", "name": "Lò Văn"}], "pair": ("a", "b"), "n": 3,
                   "thing": thing, "same": ["p", ("q",)]}
    assert ctx["rows"][1]["name"] == "Lò\x01 Văn"  # the caller's context is not changed
    assert out["rows"][0] is clean_row and out["same"] is ctx["same"] and out["thing"] is thing
    assert dropped == ["Lò Văn (U+0001)", "b (U+000B)"]
    assert d.xml_safe(out) is out


def _spoil(value: Any) -> Any:
    """Every string of ``value`` with control characters at its start, middle and end."""
    if isinstance(value, str):
        return f"\x01{value[:1]}\x1f\ufffe{value[1:]}\x0b"
    if isinstance(value, dict):
        return {k: _spoil(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_spoil(v) for v in value)
    return value


@pytest.mark.parametrize("kind", ["decision", "proposal", "minutes", "report"])
def test_every_template_renders_the_spoilt_context_as_the_clean_one(example_ws: Path, kind: str) -> None:
    from tdkt import workspace
    from tdkt.render import context as c
    from tdkt.render import round_data, template_path

    data = round_data.load(workspace.require(), "2022-1")
    if kind == "decision":
        ctx = c.decision_context(data, c.decision_awards(data)[0])
    elif kind == "proposal":
        awards = c.proposal_awards(data)
        if not awards:
            pytest.skip("the example round has no award for a Tờ trình")
        ctx = c.proposal_context(data, None)
    else:
        ctx = c.BUILDERS[kind](data, None)
    rows_key = "annex" if kind in ("decision", "proposal") else None
    template = template_path(f"{kind}.docx")
    clean = d.render_docx(template, ctx, rows_key=rows_key)
    dropped: list[str] = []
    spoilt = d.render_docx(template, _spoil(ctx), rows_key=rows_key, dropped=dropped)
    assert spoilt == clean
    assert dropped and all(v.endswith(")") and "U+0001" in v for v in dropped)

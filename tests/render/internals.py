"""What must never reach a paper an officer sends: ids, YAML keys, CLI options, English words, "UNCERTAIN",
developer file names, Jinja left in a template. ``internals(text)`` lists what it finds."""

from __future__ import annotations

import re

_FILE = r"(?:csv|xlsx|xls|ods|docx|pdf|html)"
PATTERNS = {
    "id": re.compile(r"\b[a-z][a-z0-9]*_[a-z0-9_]+\b"),  # award ids, YAML keys (at_least_percent…)
    "rule id": re.compile(rf"\b[a-z][a-z0-9-]*\.(?!{_FILE}\b)[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)*\b"),  # nd91.cstdcs.x
    "pack id": re.compile(r"\b[a-z]+\d*-\d{4}\b"),  # nd91-2017, luat06-2026
    "option": re.compile(r"(?<![\w-])--[a-z]"),
    "command": re.compile(r"\btdkt (?:rules|validate|tally|render|session|register|init|review|ingest|demo)\b"),
    "template": re.compile(r"\{\{|\}\}|\{%|%\}|\ue000"),
    "marker": re.compile(r"UNCERTAIN|CONFIRMED|CHƯA XÁC THỰC|\bTODO\b|\bFIXME\b|legal\.md|tdkt\.toml"),
}
ENGLISH = {"review", "pass", "fail", "failed", "unset", "overlay", "uncertain", "confirmed", "threshold", "session",
           "award", "tally", "validate", "render", "none", "null", "true", "false", "error", "warning", "info",
           "members", "ruleset", "basis", "share", "draft", "decision", "proposal", "minutes", "report", "signer"}
_WORD = re.compile(r"[A-Za-z]+")


def internals(text: str) -> list[str]:
    found = [f"{kind}: {m.group(0)!r}" for kind, rx in PATTERNS.items() for m in rx.finditer(text)]
    found += [f"English: {w!r}" for w in _WORD.findall(text) if w.lower() in ENGLISH]
    return found

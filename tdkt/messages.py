"""The catalogue of finding codes: code → default severity, Vietnamese template, why it matters.

Each stage registers its own codes here with :func:`register`; :func:`make` builds a Finding from a
code and its parameters so that the wording of a code lives in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tdkt.findings import SEVERITY, CellRef, Finding, Severity


@dataclass(frozen=True)
class Message:
    code: str
    severity: Severity
    template: str
    description: str


CATALOGUE: dict[str, Message] = {}


def register(code: str, severity: Severity | str, template: str, description: str) -> None:
    """Add a code to the catalogue. Codes are ``<stage>.<kebab-name>``; a code is registered once."""
    if code in CATALOGUE and CATALOGUE[code].template != template:
        raise ValueError(f"finding code registered twice with different text: {code}")
    CATALOGUE[code] = Message(code, Severity(severity), template, description)


class _SafeDict(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render(template: str, params: dict[str, Any]) -> str:
    """``template.format_map(params)`` that leaves unknown fields visible instead of raising."""
    # str.format_map does what string.Formatter().vformat does for named fields, in C (~4× faster):
    # it runs once per finding, and a 100,000-row list can have hundreds of thousands of them.
    return template.format_map(_SafeDict(params))


def make(
    code: str,
    *,
    cell: CellRef | None = None,
    severity: Severity | str | None = None,
    rule: str | None = None,
    basis: str | None = None,
    subject: str | None = None,
    **params: Any,
) -> Finding:
    """A Finding for a catalogued code; the message is the code's template filled with ``params``.

    ``severity`` (a Severity or its value) overrides the code's default, as a rule file's
    ``severity:`` does.
    """
    msg = CATALOGUE[code]
    sev = msg.severity if severity is None else SEVERITY.get(severity) or Severity(severity)
    return Finding(code=code, severity=sev, message=render(msg.template, params), rule=rule, basis=basis,
                   cell=cell, subject=subject, params=params)

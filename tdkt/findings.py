"""Findings: what a stage has to say about an input, as data (never as an exception).

``CellRef`` and ``Finding`` are frozen ``msgspec.Struct`` records, like the domain records of
:mod:`tdkt.models` (see there why): built without validation by the code that knows their types,
validated with :func:`tdkt.models.validated` where a value comes from outside.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import Any

import msgspec


class Severity(StrEnum):
    ERROR = "error"  # the nomination cannot go forward
    WARNING = "warning"  # the secretariat must look at it
    INFO = "info"  # how something was understood

    @property
    def rank(self) -> int:
        return SEVERITY_RANK[self]


SEVERITY_RANK: dict[str, int] = {"error": 0, "warning": 1, "info": 2}
# "error" or Severity.ERROR → Severity.ERROR without an enum call (a StrEnum member hashes as its value).
SEVERITY: dict[str, Severity] = {s.value: s for s in Severity}
_VALUE: dict[str, str] = {s: s.value for s in Severity}


def column_letter(index: int) -> str:
    """0-based column index → Excel letters (0 → A, 26 → AA)."""
    letters = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


class CellRef(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Where a value came from: file, sheet, 1-based row and Excel column letter."""

    file: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    header: str | None = None

    @property
    def a1(self) -> str:
        if self.row is None:
            return self.column or ""
        return f"{self.column or ''}{self.row}"

    def __str__(self) -> str:
        parts = [self.file]
        if self.sheet:
            parts.append(f"trang tính '{self.sheet}'")
        if self.row is not None and self.column:
            parts.append(f"ô {self.column}{self.row}")
        elif self.row is not None:
            parts.append(f"dòng {self.row}")
        elif self.column:
            parts.append(f"cột {self.column}")
        if self.header:
            parts.append(f"({self.header})")
        return ", ".join(parts)


class Finding(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """One thing a stage found. ``code`` says what kind; ``rule`` says which legal criterion.

    Build one with :func:`tdkt.messages.make` (the message comes from the code's template); a copy
    with other values is ``msgspec.structs.replace(f, cell=…)``.
    """

    code: str
    severity: Severity
    message: str
    rule: str | None = None
    basis: str | None = None
    cell: CellRef | None = None
    subject: str | None = None
    params: dict[str, Any] = msgspec.field(default_factory=dict)

    def sort_key(self) -> tuple[Any, ...]:
        c = self.cell
        return (
            c.file if c else "",
            c.sheet or "" if c else "",
            c.row or 0 if c else 0,
            len(c.column or "") if c else 0,
            c.column or "" if c else "",
            SEVERITY_RANK[self.severity],
            self.code,
            self.rule or "",
        )

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON shape (design.md §4): code, severity, rule, basis, message, cell."""
        c = self.cell
        severity = _VALUE[self.severity]  # not .value: an enum property lookup per finding
        if c is None:
            return {"code": self.code, "severity": severity, "rule": self.rule, "basis": self.basis,
                    "message": self.message, "cell": None, "sheet": None, "file": None}
        return {
            "code": self.code,
            "severity": severity,
            "rule": self.rule,
            "basis": self.basis,
            "message": self.message,
            "cell": c.a1,
            "sheet": c.sheet,
            "file": c.file,
        }


def sort_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=Finding.sort_key)


def worst(findings: list[Finding]) -> Severity | None:
    if not findings:
        return None
    return min((f.severity for f in findings), key=lambda s: s.rank)


def count_errors(findings: Iterable[Finding]) -> int:
    """How many findings are errors (a result with any cannot be stored; exit code 1)."""
    return sum(1 for f in findings if f.severity is Severity.ERROR)

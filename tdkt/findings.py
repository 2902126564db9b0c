"""Findings: what a stage has to say about an input, as data (never as an exception)."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field


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


class CellRef(BaseModel):
    """Where a value came from: file, sheet, 1-based row and Excel column letter."""

    model_config = ConfigDict(frozen=True)

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


class Finding(BaseModel):
    """One thing a stage found. ``code`` says what kind; ``rule`` says which legal criterion."""

    model_config = ConfigDict(frozen=True)

    code: str
    severity: Severity
    message: str
    rule: str | None = None
    basis: str | None = None
    cell: CellRef | None = None
    subject: str | None = None
    params: dict[str, Any] = Field(default_factory=dict)

    def sort_key(self) -> tuple[Any, ...]:
        c = self.cell
        return (
            c.file if c else "",
            c.sheet or "" if c else "",
            c.row or 0 if c else 0,
            len(c.column or "") if c else 0,
            c.column or "" if c else "",
            self.severity.rank,
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


_new = object.__new__
_set = object.__setattr__
_FIELDS_SET: dict[type[BaseModel], set[str]] = {}
M = TypeVar("M", bound=BaseModel)


def trusted(cls: type[M], data: dict[str, Any]) -> M:
    """A frozen pydantic model from values that already have the field types, every field given: what
    ``cls(**data)`` would build, without validating (a 100,000-row list makes millions of such values;
    validation and ``model_construct``'s per-field default handling would be most of the cost)."""
    obj = _new(cls)
    _set(obj, "__dict__", data)
    fields_set = _FIELDS_SET.get(cls)  # one shared set per model: frozen models never add to it
    if fields_set is None:
        fields_set = _FIELDS_SET[cls] = set(cls.model_fields)
    _set(obj, "__pydantic_fields_set__", fields_set)
    _set(obj, "__pydantic_extra__", None)
    _set(obj, "__pydantic_private__", None)
    return obj


def trusted_finding(code: str, severity: Severity, message: str, rule: str | None, basis: str | None,
                    cell: CellRef | None, subject: str | None, params: dict[str, Any]) -> Finding:
    """A Finding from values that already have the field types (see :func:`trusted`)."""
    return trusted(Finding, {"code": code, "severity": severity, "message": message, "rule": rule,
                             "basis": basis, "cell": cell, "subject": subject, "params": params})


def trusted_cell(file: str, sheet: str | None, row: int | None, column: str | None, header: str | None) -> CellRef:
    """A CellRef from values that already have the field types (see :func:`trusted`)."""
    return trusted(CellRef, {"file": file, "sheet": sheet, "row": row, "column": column, "header": header})


def sort_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=Finding.sort_key)


def worst(findings: list[Finding]) -> Severity | None:
    if not findings:
        return None
    return min((f.severity for f in findings), key=lambda s: s.rank)


def count_errors(findings: Iterable[Finding]) -> int:
    """How many findings are errors (a result with any cannot be stored; exit code 1)."""
    return sum(1 for f in findings if f.severity is Severity.ERROR)

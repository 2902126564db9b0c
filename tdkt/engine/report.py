"""The result of an evaluation: one NomineeResult per row and the Report of a list (+ its JSON)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from tdkt.engine.plan import _Answers, _answers, _Found, _Proto, _restamp
from tdkt.findings import SEVERITY_RANK, Finding, Severity, sort_findings
from tdkt.models import Nominee
from tdkt.ruleset import Ruleset
from tdkt.util import no_gc


class NomineeResult:
    """The result of one row: the award and year it was evaluated for, and its findings.

    Most of a row's findings are prototypes shared with the rows that have the same facts (see
    :class:`_Plan`), restamped with the row's cell and subject. They are made when ``findings`` is
    first read: the verdict, the exit code and the JSON (``to_dict``) are worked out from the
    prototypes, so that ``tdkt validate --format json`` makes none.
    """

    __slots__ = ("_found", "_protos", "award", "award_name", "nominee", "year")

    def __init__(self, nominee: Nominee, award: str | None, award_name: str, year: int | None,
                 findings: list[Finding] | None = None, protos: _Found | None = None) -> None:
        self.nominee = nominee
        self.award = award
        self.award_name = award_name
        self.year = year
        self._found = findings  # the findings made so far (None: none), then those of ``_protos``
        self._protos = protos  # shared with other rows: never changed

    @property
    def findings(self) -> list[Finding]:
        """The row's findings in the order found (see :meth:`ordered`); a list the caller may extend."""
        if self._protos is not None:
            self._found = (self._found or []) + _restamp(self._protos, self.nominee)
            self._protos = None
        elif self._found is None:
            self._found = []
        return self._found

    @findings.setter
    def findings(self, value: list[Finding]) -> None:
        self._found, self._protos = value, None

    def _fields(self) -> tuple[Any, ...]:
        return (self.nominee, self.award, self.award_name, self.year, self.findings)

    def __eq__(self, other: object) -> bool:  # as the dataclass it was
        if not isinstance(other, NomineeResult):
            return NotImplemented
        return self._fields() == other._fields()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (f"NomineeResult(nominee={self.nominee!r}, award={self.award!r}, award_name={self.award_name!r}, "
                f"year={self.year!r}, findings={self.findings!r})")

    def _worst(self) -> int:
        """The rank of the worst severity among the findings (2, a note's, when there are none)."""
        worst = 2
        for f in self._found or ():
            rank = SEVERITY_RANK[f.severity]
            if rank < worst:
                worst = rank
        if self._protos is not None and self._protos.worst < worst:
            worst = self._protos.worst
        return worst

    @property
    def verdict(self) -> str:
        return _VERDICTS[self._worst()]

    def ordered(self) -> list[Finding]:
        """Most relevant first: errors, then warnings, then notes; within a severity, criterion order."""
        return sorted(self.findings, key=_rank)

    def to_dict(self) -> dict[str, Any]:
        n = self.nominee
        src = n.source
        protos = self._protos
        if protos is not None and not self._found:  # the usual row: only the engine's findings
            verdict = _VERDICTS[protos.worst]
            findings = self._proto_dicts(protos.ordered)
        elif protos is not None:
            worst, findings = self._dicts(protos)
            verdict = _VERDICTS[worst]
        else:
            ordered = self._found or []
            if len(ordered) > 1:
                ordered = sorted(ordered, key=_rank)
            verdict = _VERDICTS[SEVERITY_RANK[ordered[0].severity]] if ordered else "pass"  # the worst comes first
            findings = [f.to_dict() for f in ordered]
        return {
            "id": n.id, "row": src.row, "sheet": src.sheet, "file": src.file, "name": n.name,
            "kind": n.kind, "unit": n.unit, "award": self.award, "award_name": self.award_name if self.award else None,
            "gender": n.gender, "position": n.position, "verdict": verdict, "findings": findings,
        }

    def _dicts(self, protos: _Found) -> tuple[int, list[dict[str, Any]]]:
        """The worst rank and the JSON of the findings made so far and of ``protos`` (without making
        their findings), most relevant first."""
        ranked = [(SEVERITY_RANK[f.severity], f.to_dict()) for f in self._found or ()]
        ranked += zip([p[2] for p in protos], self._proto_dicts(protos), strict=True)
        ranked.sort(key=_first)  # stable: within a severity, the order found
        return ranked[0][0], [d for _r, d in ranked]

    def _proto_dicts(self, protos: Sequence[_Proto]) -> list[dict[str, Any]]:
        """The JSON of each prototype's finding for this row: its row-independent part and the row's
        cell (as :func:`_cells` finds it)."""
        n = self.nominee
        src = n.source
        here = None  # the JSON of the row's own cell
        cells = n.cells
        answers: _Answers | None = None
        out = []
        for _f, fld, _r, head in protos:
            if fld:
                if answers is None:
                    answers = _answers(cells)
                key = answers[fld]
                if key is not None:
                    c = cells[key]
                    out.append({**head, "cell": c.a1, "sheet": c.sheet, "file": c.file})
                    continue
            if here is None:
                here = {"cell": src.a1, "sheet": src.sheet, "file": src.file}
            out.append({**head, **here})
        return out


_VERDICTS = ("fail", "review", "pass")  # by the rank of the worst finding's severity
_first = itemgetter(0)


def _rank(f: Finding) -> int:
    return SEVERITY_RANK[f.severity]


@dataclass
class Report:
    ruleset: Ruleset
    nominees: list[NomineeResult]
    findings: list[Finding]  # list-level
    session: str | None = None

    def summary(self) -> dict[str, int]:
        out = {"nominees": len(self.nominees), "pass": 0, "fail": 0, "review": 0}
        for r in self.nominees:
            out[r.verdict] += 1
        return out

    def all_findings(self) -> list[Finding]:
        return [f for r in self.nominees for f in r.findings] + self.findings

    def exit_code(self, *, strict: bool = False) -> int:
        """1 when any finding is an error (with ``strict``, or a warning), else 0."""
        bad = (Severity.ERROR, Severity.WARNING) if strict else (Severity.ERROR,)
        limit = max(SEVERITY_RANK[s] for s in bad)
        for r in self.nominees:
            if r._worst() <= limit:
                return 1
        return 1 if any(f.severity in bad for f in self.findings) else 0

    def to_dict(self) -> dict[str, Any]:
        """The validate JSON document of the command contract (design.md §4), schema_version 1."""
        from tdkt import __version__

        with no_gc():  # a dict per nominee and per finding: see tdkt.util.no_gc
            return self._to_dict(__version__)

    def _to_dict(self, __version__: str) -> dict[str, Any]:
        nominees = [r.to_dict() for r in self.nominees]
        summary = {"nominees": len(nominees), "pass": 0, "fail": 0, "review": 0}  # as summary(), from the dicts
        for d in nominees:
            summary[d["verdict"]] += 1
        return {
            "schema_version": 1, "tool": "tdkt", "version": __version__,
            "ruleset": {"id": self.ruleset.id, "version": self.ruleset.version, "title": self.ruleset.title,
                        "overlays": [o.id for o in self.ruleset.overlays]},
            "session": self.session,
            "summary": summary,
            "nominees": nominees,
            "findings": [f.to_dict() for f in sort_findings(self.findings)],
        }

"""The result of an evaluation: one NomineeResult per row and the Report of a list (+ its JSON)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from tdkt import fastpaths
from tdkt.engine.plan import RowFindings, ref_dicts, resolve
from tdkt.findings import SEVERITY_RANK, Finding, Severity, sort_findings
from tdkt.models import Nominee
from tdkt.ruleset import Ruleset
from tdkt.util import no_gc


class NomineeResult:
    """The result of one row: the award and year it was evaluated for, and its findings.

    ``own``: the findings made for this row alone before its plan's (earlier stages', a missing award
    or year…); ``shared``: the row's findings from its plan (:class:`RowFindings`), shared with every
    row with the same facts, their cell resolved from the row when they are read; ``listed``: the
    findings of the list-level checks about this row (the same person twice…), after them. The
    verdict, the exit code and the JSON (``to_dict``) are worked out without making those findings,
    so that ``tdkt validate --format json`` makes none. Immutable: :meth:`adding` gives a new result.
    """

    __slots__ = ("_made", "award", "award_name", "listed", "nominee", "own", "shared", "year")

    def __init__(self, nominee: Nominee, award: str | None, award_name: str, year: int | None,
                 own: Sequence[Finding] = (), shared: RowFindings | None = None,
                 listed: Sequence[Finding] = ()) -> None:
        self.nominee = nominee
        self.award = award
        self.award_name = award_name
        self.year = year
        self.own: tuple[Finding, ...] = tuple(own)
        self.shared = shared
        self.listed: tuple[Finding, ...] = tuple(listed)
        self._made: tuple[Finding, ...] | None = None  # the findings, once asked for

    def adding(self, listed: Sequence[Finding] = (), shared: RowFindings | None = None) -> NomineeResult:
        """This result with more findings of the list-level checks (after those it has), or other
        shared findings in place of its own plan's."""
        return NomineeResult(self.nominee, self.award, self.award_name, self.year, self.own,
                             shared if shared is not None else self.shared, (*self.listed, *listed))

    @property
    def findings(self) -> list[Finding]:
        """The row's findings in the order found (see :meth:`ordered`)."""
        made = self._made
        if made is None:
            mid = resolve(self.shared.refs, self.nominee) if self.shared is not None else ()
            made = (*self.own, *mid, *self.listed)
            self._made = made
        return list(made)

    def _fields(self) -> tuple[Any, ...]:
        return (self.nominee, self.award, self.award_name, self.year, self.findings)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, NomineeResult):
            return NotImplemented
        return self._fields() == other._fields()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (f"NomineeResult(nominee={self.nominee!r}, award={self.award!r}, award_name={self.award_name!r}, "
                f"year={self.year!r}, findings={self.findings!r})")

    def worst(self) -> int:
        """The rank of the worst severity among the findings (2, a note's, when there are none)."""
        worst = self.shared.worst if self.shared is not None else 2
        for f in (*self.own, *self.listed):
            rank = SEVERITY_RANK[f.severity]
            if rank < worst:
                worst = rank
        return worst

    @property
    def verdict(self) -> str:
        return _VERDICTS[self.worst()]

    def ordered(self) -> list[Finding]:
        """Most relevant first: errors, then warnings, then notes; within a severity, the order found."""
        return sorted(self.findings, key=_rank)

    def to_dict(self) -> dict[str, Any]:
        n = self.nominee
        src = n.source
        shared = self.shared
        if fastpaths.PLAIN:  # the plain path: the findings made, ordered and written one by one
            made = self.ordered()
            verdict = _VERDICTS[min((SEVERITY_RANK[f.severity] for f in made), default=2)]
            findings = [f.to_dict() for f in made]
        elif shared is not None and not self.own and not self.listed:  # the usual row: only its plan's findings
            verdict = _VERDICTS[shared.worst]
            findings = ref_dicts(shared.ordered, n)
        else:
            ranked = [(SEVERITY_RANK[f.severity], f.to_dict()) for f in self.own]
            if shared is not None:
                ranked += zip([r.rank for r in shared.refs], ref_dicts(shared.refs, n), strict=True)
            ranked += [(SEVERITY_RANK[f.severity], f.to_dict()) for f in self.listed]
            ranked.sort(key=_first)  # stable: within a severity, the order found
            verdict = _VERDICTS[ranked[0][0]] if ranked else "pass"
            findings = [d for _r, d in ranked]
        out = {
            "id": n.id, "row": src.row, "sheet": src.sheet, "file": src.file, "name": n.name,
            "kind": n.kind, "unit": n.unit, "award": self.award, "award_name": self.award_name if self.award else None,
            "gender": n.gender, "position": n.position, "verdict": verdict, "findings": findings,
        }
        if n.achievement:  # the list's "Tóm tắt thành tích", for the Tờ trình (only when the list has one)
            out["achievement"] = n.achievement
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
            if r.worst() <= limit:
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

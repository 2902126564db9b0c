"""The criteria engine: evaluate nominees against a Ruleset, stamp every finding, decide verdicts.

Predicates return bare outcomes; this module adds the criterion id, the article of law, the
severity and the cell (style.md §2.0, principle 4), then runs the list-level checks (caps, quotas,
the same person twice, awards that exclude each other) and decides each nominee's verdict:
an error finding → ``fail``; a warning (uncertain law, missing fact, value the council has not set)
→ ``review``; otherwise ``pass``.
"""

from __future__ import annotations

from tdkt.engine import codes as _codes  # noqa: F401  (registers the rules.* finding codes)
from tdkt.engine.lists import person_key
from tdkt.engine.plan import KIND_VN, SPECIAL_VN, evaluate_one
from tdkt.engine.report import NomineeResult, Report
from tdkt.engine.rows import evaluate, regime_date

__all__ = [
    "KIND_VN",
    "SPECIAL_VN",
    "NomineeResult",
    "Report",
    "evaluate",
    "evaluate_one",
    "person_key",
    "regime_date",
]

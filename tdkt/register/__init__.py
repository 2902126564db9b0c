"""The register (sổ theo dõi khen thưởng): who received what, when, by which decision, on which initiative.

Public API:

- :func:`history` — per nominee of a list, what the register knows (for validation);
- :func:`import_files` — past awards from decision lists and registers, all or nothing;
- :func:`issue` / :func:`issued_decision` — record a signed decision; its number and date for render;
- :func:`search`, :func:`show`, :func:`export` — the data, never locked in;
- :func:`settle` — remember the officer's answer to an ambiguous identity;
- :func:`log` — the append-only audit trail of every command that changed the register.
"""

from __future__ import annotations

from tdkt.register.audit import Entry
from tdkt.register.audit import entries as log
from tdkt.register.history import history
from tdkt.register.importing import ImportResult, import_files
from tdkt.register.issue import IssuedDecision, IssueResult, issue, issued_decision, issued_decisions
from tdkt.register.queries import export, export_rows, search, settle, show

__all__ = [
    "Entry",
    "ImportResult",
    "IssueResult",
    "IssuedDecision",
    "export",
    "export_rows",
    "history",
    "import_files",
    "issue",
    "issued_decision",
    "issued_decisions",
    "log",
    "search",
    "settle",
    "show",
]

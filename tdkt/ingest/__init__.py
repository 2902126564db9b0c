"""Reading nomination lists: files → sheets → header → fields → Nominee records, with findings.

The names below are loaded on first use (PEP 562): a module of the package that another command
needs on its own — ``tdkt.ingest.delimited`` for the ballots of ``tdkt tally`` — is imported without
the whole nomination reader (its field handlers, the name and column vocabularies, YAML), which
cost ``tdkt tally`` ~15 ms at every start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tdkt.ingest.nominations import IngestResult, SheetReport, read_nominations

__all__ = ["IngestResult", "SheetReport", "read_nominations"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from tdkt.ingest import nominations

        return getattr(nominations, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

"""Reading nomination lists: files → sheets → header → fields → Nominee records, with findings."""

from __future__ import annotations

from tdkt.ingest.nominations import IngestResult, SheetReport, read_nominations

__all__ = ["IngestResult", "SheetReport", "read_nominations"]

"""Reading nomination lists: files → sheets → header → fields → Nominee records, with findings."""

from __future__ import annotations

"""Paths to the committed ingest fixtures (regenerate with tests/make_ingest_fixtures.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "data" / "ingest"


@pytest.fixture
def data() -> Path:
    return DATA

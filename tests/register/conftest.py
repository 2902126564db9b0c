"""Register tests run twice: on SQLite and on PostgreSQL (a fresh database per test: the ``db_url``
fixture of tests/conftest.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent


def _load_fixtures() -> ModuleType:
    spec = importlib.util.spec_from_file_location("tdkt_register_make_fixtures", HERE / "make_fixtures.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_fixtures = _load_fixtures()


@pytest.fixture(scope="session")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The generated history files (tests/register/make_fixtures.py)."""
    return make_fixtures.build(tmp_path_factory.mktemp("register-files"))  # type: ignore[no-any-return]


@pytest.fixture(scope="session")
def fixtures_module() -> ModuleType:
    return make_fixtures


@pytest.fixture
def ws(workspace: Path, db_url: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A workspace whose register is ``db_url`` (through TDKT_DATABASE_URL, as an officer would set it)."""
    monkeypatch.setenv("TDKT_DATABASE_URL", db_url)
    return workspace


def count(url: str, table: str) -> int:
    from sqlalchemy import func, select

    from tdkt.db import reading, schema

    with reading(url) as conn:
        return int(conn.execute(select(func.count()).select_from(getattr(schema, table))).scalar_one())


@pytest.fixture
def rows() -> Any:
    """``rows(url, table)`` → number of rows."""
    return count

"""Register tests run twice: on SQLite and on PostgreSQL (a fresh database per test).

PostgreSQL comes from ``TDKT_TEST_POSTGRES_URL`` (``scripts/pg-test-server.sh`` prints one; .ci/run
sets it). Without it the PostgreSQL half is skipped, unless ``TDKT_REQUIRE_POSTGRES`` is set (CI),
where a missing server is a failure.
"""

from __future__ import annotations

import importlib.util
import os
import uuid
from collections.abc import Iterator
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


def _postgres_admin() -> str | None:
    url = os.environ.get("TDKT_TEST_POSTGRES_URL")
    if not url:
        if os.environ.get("TDKT_REQUIRE_POSTGRES"):
            pytest.fail("TDKT_REQUIRE_POSTGRES is set but TDKT_TEST_POSTGRES_URL is not (scripts/pg-test-server.sh)")
        pytest.skip("no PostgreSQL: set TDKT_TEST_POSTGRES_URL (scripts/pg-test-server.sh prints one)")
    return url


def _pg_url(admin: str, name: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(admin).set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def pg_template() -> Iterator[tuple[str, str]]:
    """(admin URL, name of a database migrated to head) that each test's database is copied from."""
    from sqlalchemy import create_engine, text

    from tdkt.db import engine, upgrade

    admin = _postgres_admin()
    assert admin
    name = f"tdkt_tpl_{uuid.uuid4().hex[:12]}"
    admin_engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with admin_engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    upgrade(_pg_url(admin, name))  # the migrations themselves run here, on PostgreSQL, once
    engine(_pg_url(admin, name)).dispose()  # a template must have no open connection
    try:
        yield admin, name
    finally:
        with admin_engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin_engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty register URL on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{(tmp_path / 'register.sqlite').as_posix()}"
        return
    from sqlalchemy import create_engine, text

    admin, template = request.getfixturevalue("pg_template")
    name = f"tdkt_test_{uuid.uuid4().hex[:12]}"
    admin_engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with admin_engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    url = _pg_url(admin, name)
    try:
        yield url
    finally:
        from tdkt.db import engine

        engine(url).dispose()
        with admin_engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin_engine.dispose()


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

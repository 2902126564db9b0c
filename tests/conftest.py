"""Shared fixtures: a pinned CliRunner, a fresh workspace, paths to shared/ peer data, and a fresh
register on each backend (``db_url``).

PostgreSQL comes from ``TDKT_TEST_POSTGRES_URL`` (``scripts/pg-test-server.sh`` prints one; .ci/run
sets it). Without it the PostgreSQL half is skipped, unless ``TDKT_REQUIRE_POSTGRES`` is set (CI),
where a missing server is a failure.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TDKT_SHARED", ROOT.parent / "shared"))
PEER_DATA = SHARED / "peer-data"
ENV = {"COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under ``TDKT_PLAIN=1`` (every fast path off) the tests of a fast path itself do not apply."""
    from tdkt import fastpaths

    if fastpaths.PLAIN:
        skip = pytest.mark.skip(reason="TDKT_PLAIN=1: the fast path is off")
        for item in items:
            if item.get_closest_marker("fast_path"):
                item.add_marker(skip)


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def cli() -> object:
    """``cli(args, input=None)`` → Result(exit_code, stdout, stderr) through Typer's CliRunner."""
    from tdkt.cli import app

    runner = CliRunner()

    def invoke(args: list[str], input: str | None = None, env: dict[str, str] | None = None) -> Result:
        r = runner.invoke(app, [str(a) for a in args], input=input, env={**ENV, **(env or {})}, catch_exceptions=False)
        return Result(r.exit_code, r.stdout, r.stderr)

    return invoke


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli) -> Iterator[Path]:  # type: ignore[no-untyped-def]
    """A fresh workspace (tdkt init, non-interactive) as the current folder."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TDKT_WORKSPACE", raising=False)
    monkeypatch.delenv("TDKT_DATABASE_URL", raising=False)
    r = cli(["init", "--council", "Hội đồng Thi đua - Khen thưởng tỉnh Hải Đông", "--level", "tinh",
             "--agency", "ỦY BAN NHÂN DÂN TỈNH HẢI ĐÔNG", "--place", "Hải Đông", "--members", "11",
             "--signer", "deputy", "--signer-name", "Lê Thị Ký", "--proposal-signer-name", "Trần Văn Trình"])
    assert r.exit_code == 0, r.stderr
    yield tmp_path


@pytest.fixture
def peer_data() -> Path:
    if not PEER_DATA.is_dir():
        pytest.fail(f"shared/peer-data not found at {PEER_DATA}; CI must clone shared/ beside the project")
    return PEER_DATA


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


def _pg_database(template: str | None) -> Iterator[str]:
    from sqlalchemy import create_engine, text

    admin = _postgres_admin()
    assert admin
    name = f"tdkt_test_{uuid.uuid4().hex[:12]}"
    admin_engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with admin_engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")))
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
def pg_url(pg_template: tuple[str, str]) -> Iterator[str]:
    """A fresh PostgreSQL register (a copy of the migrated template), dropped afterwards."""
    yield from _pg_database(pg_template[1])


@pytest.fixture
def pg_empty_url() -> Iterator[str]:
    """A fresh, EMPTY PostgreSQL database (no schema: the first command creates it), dropped afterwards."""
    yield from _pg_database(None)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty register URL on each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{(tmp_path / 'register.sqlite').as_posix()}"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture(autouse=True)
def _fresh_caches() -> Iterator[None]:
    """Every test starts with tdkt's process-wide caches empty (tdkt.cache): no answer leaks between tests."""
    from tdkt.cache import clear_all

    clear_all()
    yield

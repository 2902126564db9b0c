"""The register database: SQLAlchemy 2 engine, Alembic migrations, transactions.

SQLite by default (a file beside tdkt.toml); a PostgreSQL URL works the same for a shared register.
Every change runs in one transaction (``with transaction(url) as conn``), so a killed process leaves
the register as it was.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from tdkt.errors import WorkspaceError

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine


@cache
def engine(url: str) -> Engine:
    from sqlalchemy import create_engine, event

    eng = create_engine(url, future=True)
    if eng.dialect.name == "sqlite":

        @event.listens_for(eng, "connect")
        def _pragmas(dbapi_conn, _record):  # type: ignore[no-untyped-def]
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

    return eng


def _alembic_config(url: str):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    cfg = Config()
    script_location = resources.files("tdkt").joinpath("db/migrations")
    cfg.set_main_option("script_location", str(script_location))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    rev = ScriptDirectory.from_config(_alembic_config("sqlite://")).get_current_head()
    assert rev is not None
    return rev


def current_revision(url: str) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine(url).connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


# The newest migration. Checked against Alembic's own view by a test; kept here so that opening an
# up-to-date register needs one query and no Alembic import (~0.25 s on every command otherwise).
HEAD = "0003"


def _at_head(url: str) -> bool:
    from sqlalchemy import text
    from sqlalchemy.exc import SQLAlchemyError

    try:
        with engine(url).connect() as conn:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == HEAD
    except SQLAlchemyError:
        return False  # no register yet, or no version table: the full path below decides


def upgrade(url: str) -> None:
    """Bring the register to the newest schema (creating it if needed), keeping its data.

    Before migrating an existing SQLite register, a copy is kept beside it
    (``<file>.bak-<revision>``) so an upgrade can always be undone by hand.
    """
    if _at_head(url):
        return
    from alembic import command

    current = None
    try:
        current = current_revision(url)
    except Exception as exc:
        raise WorkspaceError(f"Không mở được sổ theo dõi khen thưởng ({_safe(url)}): {exc}") from exc
    if current == head_revision():
        return
    if current is not None:
        _backup(url, current)
    with engine(url).begin() as conn:
        cfg = _alembic_config(url)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def _backup(url: str, revision: str) -> None:
    from pathlib import Path

    from sqlalchemy.engine import make_url

    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return  # PostgreSQL: the server's own backups apply (pg_dump); said in the README
    src = Path(u.database)
    if src.exists():
        import sqlite3

        dst = src.with_name(f"{src.name}.bak-{revision}")
        with sqlite3.connect(src) as s, sqlite3.connect(dst) as d:
            s.backup(d)


def _safe(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


@contextmanager
def transaction(url: str) -> Iterator[Connection]:
    """One transaction on an up-to-date register: all of it is written, or none of it."""
    upgrade(url)
    with engine(url).begin() as conn:
        yield conn


@contextmanager
def reading(url: str) -> Iterator[Connection]:
    upgrade(url)
    with engine(url).connect() as conn:
        yield conn


def _sqlite_file(url: str) -> str | None:
    """The file of a plain ``sqlite:///PATH`` URL (no query, no %-escapes), else None."""
    prefix = "sqlite:///"
    if not url.startswith(prefix):
        return None
    path = url[len(prefix):]
    if not path or path == ":memory:" or "?" in path or "%" in path:
        return None
    return path


def _read_sqlite(path: str, sql: str, params: Mapping[str, Any]) -> list[tuple[Any, ...]] | None:
    """Rows through the stdlib sqlite3 when the file is a register at HEAD, else None."""
    import sqlite3

    if not os.path.isfile(path):
        return None  # not created yet: SQLAlchemy and Alembic create it
    try:
        con = sqlite3.connect(path, timeout=30)
    except sqlite3.Error:
        return None
    try:
        version = con.execute("SELECT version_num FROM alembic_version").fetchone()
        if version is None or version[0] != HEAD:
            return None  # an older schema: the SQLAlchemy path upgrades it first
        return con.execute(sql, params).fetchall()
    except sqlite3.Error:
        return None
    finally:
        con.close()


def query(url: str, sql: str, params: Mapping[str, Any] | None = None) -> list[tuple[Any, ...]]:
    """The rows of one read-only ``SELECT`` (``:name`` parameters) on an up-to-date register.

    A SQLite register already at HEAD is read with the stdlib sqlite3: importing SQLAlchemy costs
    ~0.2 s, more than the rest of reading a round for ``tdkt render``. Anything else (PostgreSQL, a
    register to create or upgrade) goes through SQLAlchemy. Values come as the driver gives them:
    on SQLite a date is its ISO text, on PostgreSQL a ``datetime.date``.
    """
    params = params or {}
    path = _sqlite_file(url)
    if path is not None:
        rows = _read_sqlite(path, sql, params)
        if rows is not None:
            return rows
    from sqlalchemy import text

    with reading(url) as conn:
        return [tuple(r) for r in conn.execute(text(sql), dict(params))]

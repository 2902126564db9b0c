"""The register database: SQLAlchemy 2 engine, Alembic migrations, transactions, locks, errors.

SQLite by default (a file beside tdkt.toml); a PostgreSQL URL works the same for a shared register.
Every change runs in one transaction, so a killed process leaves the register as it was; every
change that must see the changes before it (a round's results, a new round, the register's own
changes) runs in :func:`writing`, which takes the register's write lock first, so that of two
officers writing at once the second waits for the first and then sees what it wrote.

The register's schema version is checked before anything else: a register from a newer tdkt is
refused at once (exit 3), with no backup made and no retry. Creating or migrating the schema runs
under the same write lock, so two first commands on a new shared register do not collide. Database
errors reach people as one Vietnamese line (read-only, disk full, not a register, server
unreachable…) — never the driver's text, which carries the SQL and the row's values.
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


# Any constant works; it names the register's write lock among PostgreSQL advisory locks.
PG_LOCK = 0x7D4B_7452
BUSY_SECONDS = 30  # how long a writer waits for another one (SQLite busy_timeout; PostgreSQL lock_timeout)
CONNECT_SECONDS = 10  # a shared register's server that does not answer in this time is unreachable


@cache
def engine(url: str) -> Engine:
    from sqlalchemy import create_engine, event

    args: dict[str, Any] = {}
    if url.startswith("postgresql"):
        args["connect_args"] = {"connect_timeout": CONNECT_SECONDS}
    eng = create_engine(url, future=True, **args)
    if eng.dialect.name == "sqlite":

        @event.listens_for(eng, "connect")
        def _pragmas(dbapi_conn, _record):  # type: ignore[no-untyped-def]
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute(f"PRAGMA busy_timeout={BUSY_SECONDS * 1000}")
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
HEAD = "0004"


def _version(url: str) -> str | bool | None:
    """The register's schema version (``alembic_version``): a revision, None (no register yet, or an
    empty one), or False when the database cannot tell (the full path decides and explains)."""
    from sqlalchemy import text
    from sqlalchemy.exc import SQLAlchemyError

    try:
        with engine(url).connect() as conn:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except SQLAlchemyError:
        return False  # no register yet, no version table, or unreachable: the full path below decides


def _known(revision: str) -> bool:
    from alembic.script import ScriptDirectory

    try:
        ScriptDirectory.from_config(_alembic_config("sqlite://")).get_revision(revision)
    except Exception:  # alembic raises its own CommandError / ResolutionError for an unknown revision
        return False
    return True


def _newer(url: str, revision: str) -> WorkspaceError:
    return WorkspaceError(
        f"Sổ theo dõi khen thưởng ({_safe(url)}) do phiên bản tdkt mới hơn tạo (lược đồ {revision}); "
        "hãy cập nhật tdkt lên phiên bản mới nhất rồi chạy lại. Không thay đổi gì.", code="register.newer-schema")


def upgrade(url: str) -> None:
    """Bring the register to the newest schema (creating it if needed), keeping its data.

    The version is read first: at HEAD nothing else happens (one query); a version this tdkt does
    not know means a newer tdkt made the register, refused at once. Otherwise the migration runs
    under the write lock, after reading the version again (another officer may have just made the
    schema). Before migrating an existing SQLite register, a copy is kept beside it
    (``<file>.bak-<revision>``) so an upgrade can always be undone by hand.

    Raises:
        WorkspaceError: a newer register, or a database error (one Vietnamese line: :func:`failure`).
    """
    current = _version(url)
    if current == HEAD:
        return
    if isinstance(current, str) and not _known(current):
        raise _newer(url, current)
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    with guard(url), engine(url).begin() as conn:
        lock(conn)
        current = MigrationContext.configure(conn).get_current_revision()
        if current == HEAD:
            return  # made by the officer whose command held the lock before us
        if current is not None and not _known(current):
            raise _newer(url, current)
        if current is not None:
            _backup(url, current)
        cfg = _alembic_config(url)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def lock(conn: Connection) -> None:
    """Take the register's write lock for the rest of this transaction.

    SQLite: BEGIN IMMEDIATE takes the database's write lock up front (waiting up to busy_timeout),
    so a transaction never has to upgrade a read lock later (which SQLite refuses with "database is
    locked"), and what it reads is what the writer before it committed. PostgreSQL: a
    transaction-scoped advisory lock, released at commit or rollback.
    """
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SET LOCAL lock_timeout = '{BUSY_SECONDS}s'")
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_LOCK})")


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
    with guard(url), engine(url).begin() as conn:
        yield conn


@contextmanager
def writing(url: str) -> Iterator[Connection]:
    """:func:`transaction` holding the register's write lock from its start (:func:`lock`): a
    check-then-write inside it (a round's result, a new round) cannot race another writer."""
    upgrade(url)
    with guard(url), engine(url).begin() as conn:
        lock(conn)
        yield conn


@contextmanager
def reading(url: str) -> Iterator[Connection]:
    upgrade(url)
    with guard(url), engine(url).connect() as conn:
        yield conn


# --- errors ---------------------------------------------------------------------------------------

# SQLite's own messages (not the statement or its values) → what the officer is told.
_SQLITE = (
    ("readonly", "tệp sổ hoặc thư mục của nó chỉ cho đọc (không có quyền ghi)"),
    ("disk is full", "đĩa đầy, không còn chỗ trống"),
    ("disk i/o error", "lỗi đọc/ghi đĩa"),
    ("database is locked", f"một lệnh khác đang ghi vào sổ quá {BUSY_SECONDS} giây; hãy chạy lại sau"),
    ("unable to open database file", "không mở được tệp sổ (thư mục không tồn tại hoặc không có quyền)"),
    ("file is not a database", "tệp này không phải sổ theo dõi khen thưởng (không phải cơ sở dữ liệu SQLite)"),
    ("malformed", "tệp sổ bị hỏng (chạy PRAGMA integrity_check, hoặc dùng bản sao .bak)"),
)
# PostgreSQL SQLSTATE classes and codes (psycopg's message carries the row's values: never shown).
_PG = {
    "53100": "máy chủ hết chỗ trên đĩa", "53": "máy chủ thiếu tài nguyên (bộ nhớ, đĩa hoặc số kết nối)",
    "25006": "kết nối chỉ cho đọc", "42501": "tài khoản không có quyền ghi", "28": "sai tài khoản hoặc mật khẩu",
    "3D000": "không có cơ sở dữ liệu này trên máy chủ", "55P03": f"một lệnh khác đang ghi vào sổ quá {BUSY_SECONDS} giây; hãy chạy lại sau",
    "57014": f"một lệnh khác đang ghi vào sổ quá {BUSY_SECONDS} giây; hãy chạy lại sau", "08": "mất kết nối với máy chủ",
}
_DUPLICATE = "dữ liệu trùng với dữ liệu đã có (có thể một người khác vừa ghi cùng lúc); không ghi gì, hãy chạy lại lệnh"


def failure(url: str, exc: BaseException) -> WorkspaceError:
    """The one-line error for a database error met on ``url``: what happened, never the SQL or values.

    Errors that are the environment's (read-only, disk full, locked, unreachable, not a register) are
    exit 3; anything else is exit 4 (a defect of tdkt), still without the statement's text.
    """
    import sqlite3

    from sqlalchemy import exc as sa

    where = f"sổ theo dõi khen thưởng ({_safe(url)})"
    orig = getattr(exc, "orig", None) or exc
    if isinstance(exc, sa.IntegrityError) or isinstance(orig, sqlite3.IntegrityError):
        return WorkspaceError(f"Không ghi được vào {where}: {_DUPLICATE}.", code="register.conflict")
    if isinstance(orig, sqlite3.Error):
        text = str(orig).lower()
        for words, reason in _SQLITE:
            if words in text:
                return WorkspaceError(f"Không dùng được {where}: {reason}.", code="register.unusable")
    state = str(getattr(orig, "sqlstate", "") or "")
    if state:
        known = _PG.get(state) or _PG.get(state[:2])
        if known:
            return WorkspaceError(f"Không dùng được {where}: {known}.", code="register.unusable")
    if isinstance(exc, sa.OperationalError | sa.InterfaceError) and url.startswith("postgresql"):
        return WorkspaceError(f"Không kết nối được {where}: máy chủ không trả lời hoặc từ chối kết nối "
                              "(kiểm tra địa chỉ, mạng và máy chủ PostgreSQL).", code="register.unreachable")
    if isinstance(exc, sa.ArgumentError | sa.NoSuchModuleError):
        return WorkspaceError(f"Địa chỉ sổ theo dõi khen thưởng không hợp lệ ({_safe(url)}).", code="register.bad-url")
    if isinstance(exc, sa.DatabaseError) and not isinstance(exc, sa.OperationalError):
        return WorkspaceError(f"Không dùng được {where}: đây không phải sổ theo dõi khen thưởng của tdkt, hoặc "
                              "sổ bị hỏng.", code="register.unusable")
    error = WorkspaceError(f"Lỗi nội bộ khi dùng {where} ({type(orig).__name__}{' ' + state if state else ''}). "
                           "Chạy lại với --debug để xem chi tiết và xin báo lỗi cho nhóm phát triển.",
                           code="register.internal")
    error.exit_code = 4
    return error


@contextmanager
def guard(url: str) -> Iterator[None]:
    """Database errors inside the block become :func:`failure` (a TdktError raised inside stays as it is).
    SQLAlchemy's errors are recognised only when SQLAlchemy was imported (the fast path never does)."""
    import sqlite3
    import sys

    try:
        yield
    except sqlite3.Error as exc:
        raise failure(url, exc) from exc
    except Exception as exc:
        sa = sys.modules.get("sqlalchemy.exc")
        if sa is not None and isinstance(exc, sa.SQLAlchemyError):
            raise failure(url, exc) from exc
        raise


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


def _open_plain(path: str, *, write: bool) -> Any:
    """A stdlib sqlite3 connection to a register at HEAD, in an open transaction (the write lock
    taken for ``write``), or None: no file yet, no schema, or another version (SQLAlchemy and
    Alembic create or migrate it). Other database errors (locked, read-only, not a database) are
    raised, for :func:`guard` to word."""
    import sqlite3

    if not os.path.isfile(path):
        return None
    con = sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None)
    try:
        con.execute("PRAGMA foreign_keys=ON")
        con.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        try:
            version = con.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.OperationalError:
            version = None  # no version table: an empty file, or not a register (the full path says which)
    except BaseException:
        con.close()
        raise
    if version is None or version[0] != HEAD:
        con.close()
        return None
    return con


@contextmanager
def connect(url: str, *, write: bool) -> Iterator[Any]:
    """One transaction for the :mod:`tdkt.db.sql` helpers: :func:`writing` (``write``) or :func:`reading`.

    A SQLite register file already at HEAD is opened with the stdlib sqlite3 (no SQLAlchemy or
    Alembic import): the write lock is BEGIN IMMEDIATE, as :func:`lock` takes it; the transaction
    commits when the block ends and rolls back on any exception, so a killed process leaves the
    register as it was. Anything else (PostgreSQL, a register to create or upgrade, ``TDKT_PLAIN=1``)
    goes through SQLAlchemy. Database errors become :func:`failure` either way.
    """
    from tdkt import fastpaths

    path = None if fastpaths.PLAIN else _sqlite_file(url)
    with guard(url):
        con = _open_plain(path, write=write) if path is not None else None
    if con is None:
        with (writing(url) if write else reading(url)) as conn:
            yield conn
        return
    with guard(url):
        try:
            yield con
            con.execute("COMMIT")
        except BaseException:
            if con.in_transaction:
                con.execute("ROLLBACK")
            raise
        finally:
            con.close()


def query(url: str, sql: str, params: Mapping[str, Any] | None = None) -> list[tuple[Any, ...]]:
    """The rows of one read-only ``SELECT`` (``:name`` parameters) on an up-to-date register.

    A SQLite register already at HEAD is read with the stdlib sqlite3: importing SQLAlchemy costs
    ~0.2 s, more than the rest of reading a round for ``tdkt render``. Anything else (PostgreSQL, a
    register to create or upgrade) goes through SQLAlchemy. Values come as the driver gives them:
    on SQLite a date is its ISO text, on PostgreSQL a ``datetime.date``. Under ``TDKT_PLAIN=1``
    every query goes through SQLAlchemy.
    """
    from tdkt import fastpaths

    params = params or {}
    path = None if fastpaths.PLAIN else _sqlite_file(url)
    if path is not None:
        rows = _read_sqlite(path, sql, params)
        if rows is not None:
            return rows
    from sqlalchemy import text

    with reading(url) as conn:
        return [tuple(r) for r in conn.execute(text(sql), dict(params))]

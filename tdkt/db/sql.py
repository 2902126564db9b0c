"""Plain SQL on either connection the register hands out: the stdlib ``sqlite3`` one of the fast path
(:func:`tdkt.db.connect` on a SQLite file at HEAD: no SQLAlchemy import, ~0.4 s on every command) or
a SQLAlchemy one (PostgreSQL, a register to create or migrate, ``TDKT_PLAIN=1``).

Statements are text with ``:name`` parameters, which both understand. On SQLite a datetime or date
parameter is written as SQLAlchemy's own ``DateTime``/``Date`` columns write it
(``2026-12-03 13:20:00.000000``, ``2026-12-03``), so a row reads the same whichever path wrote it.
Values come back as the driver gives them: on SQLite a date is its ISO text (:func:`day` reads both).
Rows have attribute access (``row.name``) on both paths.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import namedtuple
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from tdkt.cache import cached

# A connection of either path (sqlite3.Connection or sqlalchemy.Connection): the helpers below take either.
Conn = Any


def plain(conn: Any) -> bool:
    """True for the fast path's stdlib sqlite3 connection."""
    return isinstance(conn, sqlite3.Connection)


def _sqlite(conn: Any) -> bool:
    return plain(conn) or conn.dialect.name == "sqlite"


def _value(v: Any) -> Any:
    if isinstance(v, dt.datetime):
        return f"{v:%Y-%m-%d %H:%M:%S.%f}"
    if isinstance(v, dt.date):
        return v.isoformat()
    return v


def _params(conn: Any, params: Mapping[str, Any] | None) -> dict[str, Any]:
    if not params:
        return {}
    if _sqlite(conn):
        return {k: _value(v) for k, v in params.items()}
    return dict(params)


@cached("tdkt.db.row-type", 256)  # one row type per query's columns
def _row_type(fields: tuple[str, ...]) -> Any:
    return namedtuple("Row", fields)


def rows(conn: Any, sql: str, params: Mapping[str, Any] | None = None) -> list[Any]:
    """The rows of a query, each with attribute access by column name."""
    if plain(conn):
        cur = conn.execute(sql, _params(conn, params))
        make = _row_type(tuple(d[0] for d in cur.description))
        return [make._make(r) for r in cur.fetchall()]
    from sqlalchemy import text

    return list(conn.execute(text(sql), _params(conn, params)))


def scalars(conn: Any, sql: str, params: Mapping[str, Any] | None = None) -> list[Any]:
    """The first column of every row."""
    if plain(conn):
        return [r[0] for r in conn.execute(sql, _params(conn, params)).fetchall()]
    from sqlalchemy import text

    return list(conn.execute(text(sql), _params(conn, params)).scalars())


def run(conn: Any, sql: str, params: Mapping[str, Any] | None = None) -> None:
    """One statement that returns nothing (UPDATE, DELETE)."""
    if plain(conn):
        conn.execute(sql, _params(conn, params))
        return
    from sqlalchemy import text

    conn.execute(text(sql), _params(conn, params))


def many(conn: Any, sql: str, seq: Sequence[Mapping[str, Any]]) -> None:
    """One statement for every parameter set (a batch of rows)."""
    if not seq:
        return
    if plain(conn):
        conn.executemany(sql, [_params(conn, p) for p in seq])
        return
    from sqlalchemy import text

    conn.execute(text(sql), [_params(conn, p) for p in seq])


def insert(conn: Any, table: str, values: Mapping[str, Any]) -> int:
    """Insert one row into a table whose key is ``id``; returns the new id."""
    cols = list(values)
    sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join(':' + c for c in cols)})"
    if plain(conn):
        return int(conn.execute(sql, _params(conn, values)).lastrowid)
    from sqlalchemy import text

    result = conn.execute(text(sql + " RETURNING id"), _params(conn, values))
    return int(result.scalar_one())


def day(value: Any) -> dt.date | None:
    """A DATE column as a date, whether the driver gave a date or its ISO text."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def in_list(prefix: str, values: Iterable[Any]) -> tuple[str, dict[str, Any]]:
    """``(:p0, :p1, …)`` and its parameters, for ``column IN …``."""
    params = {f"{prefix}{k}": v for k, v in enumerate(values)}
    return "(" + ", ".join(":" + k for k in params) + ")", params

"""The register's audit trail: one append-only entry per command that changed the register.

Every change goes through :func:`changing`: it opens ONE transaction, takes the register's write
lock (so two officers importing at once are serialised, never interleaved), writes the audit entry
first and hands its id to the change, which stamps its rows with it. A failure or a killed process
rolls back the change and its audit entry together.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tdkt import __version__
from tdkt.util import sha256_file

if TYPE_CHECKING:
    from sqlalchemy import Connection

@dataclass(frozen=True)
class Entry:
    """One line of the audit log (``tdkt register log``)."""

    id: int
    at: dt.datetime
    os_user: str
    command: str
    action: str
    tdkt_version: str
    ruleset: str | None
    inputs: list[dict[str, str]]
    details: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "at": self.at.isoformat(timespec="seconds"),
            "os_user": self.os_user,
            "command": self.command,
            "action": self.action,
            "tdkt_version": self.tdkt_version,
            "ruleset": self.ruleset,
            "inputs": self.inputs,
            "details": self.details,
        }


def file_inputs(paths: Sequence[Path]) -> list[dict[str, str]]:
    """``[{path, sha256}]`` for the audit log and stored runs."""
    return [{"path": str(p), "sha256": sha256_file(p)} for p in paths]


def os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (containers): the numeric id still names someone
        return "?" if sys.platform == "win32" else f"uid {os.getuid()}"


def record(
    conn: Connection,
    action: str,
    command: str,
    *,
    inputs: list[dict[str, str]] | None = None,
    ruleset: str | None = None,
    details: dict[str, Any] | None = None,
) -> int:
    """Append an audit entry inside the caller's transaction (either path's connection: :mod:`tdkt.db.sql`);
    returns its id."""
    from tdkt.db import sql

    return sql.insert(conn, "audit_log", {
        "at": dt.datetime.now(), "os_user": os_user(), "command": command, "action": action,
        "tdkt_version": __version__, "ruleset": ruleset,
        "inputs": json.dumps(inputs or [], ensure_ascii=False),
        "details": json.dumps(details or {}, ensure_ascii=False, default=str),
    })


@dataclass
class Change:
    """A change in progress: the connection, and details for its audit entry (counts, ids)."""

    conn: Connection
    details: dict[str, Any] = field(default_factory=dict)
    entry_id: int | None = None


@contextmanager
def changing(
    url: str,
    action: str,
    command: str,
    *,
    inputs: list[dict[str, str]] | None = None,
    ruleset: str | None = None,
) -> Iterator[Change]:
    """One locked transaction that changes the register, ending with its audit entry.

    The entry is written last, inside the same transaction, with ``change.details``; the register
    rows the change inserted (``entry_id`` still empty: under the lock they can only be this
    change's) are then stamped with the entry's id, so every row says which command put it there.
    """
    from sqlalchemy import update

    from tdkt.db import writing
    from tdkt.db.schema import reg_awards, reg_decisions, reg_initiatives, reg_people, reg_settlements

    with writing(url) as conn:
        change = Change(conn)
        yield change
        entry_id = record(conn, action, command, inputs=inputs, ruleset=ruleset, details=change.details)
        for table in (reg_people, reg_decisions, reg_awards, reg_initiatives, reg_settlements):
            conn.execute(update(table).where(table.c.entry_id.is_(None)).values(entry_id=entry_id))
        change.entry_id = entry_id


def entries(url: str, *, limit: int | None = None) -> list[Entry]:
    """The audit log, oldest first (the newest ``limit`` entries when given)."""
    from sqlalchemy import select

    from tdkt.db import reading
    from tdkt.db.schema import audit_log

    q = select(audit_log).order_by(audit_log.c.id.desc())
    if limit:
        q = q.limit(limit)
    with reading(url) as conn:
        rows = conn.execute(q).all()
    return [
        Entry(
            r.id, r.at, r.os_user, r.command, r.action, r.tdkt_version, r.ruleset,
            json.loads(r.inputs), json.loads(r.details),
        )
        for r in reversed(rows)
    ]

"""Review rounds (đợt xét) in the register: create, list, choose the current one, store results.

A round id is ``YYYY-N`` ("2022-1" = đợt 1 năm 2022). The current round is the one chosen with
``use_round``, or else the newest by meeting date. Results of a round (verdicts, tallies) are stored
as runs: a second run of the same kind needs ``force`` and keeps the earlier one as history.
Every write here holds the register's write lock (``tdkt.db.writing``) from its first read, so of two
officers storing a result at once the second sees the first's and refuses without ``force``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

from tdkt import __version__
from tdkt.errors import UsageError, WorkspaceError
from tdkt.models import Round


class NoRound(WorkspaceError):
    """The register has no round (or not the one named). Callers that work without a round catch
    this one only: any other failure of the register (unreadable, newer, unreachable) stops them."""

    code = "round.none"


ROUND_ID = re.compile(r"^(?P<year>(19|20)\d\d)-(?P<n>[1-9]\d?)$")
CURRENT_KEY = "current_round"


def parse_round_id(text: str) -> str:
    """Check a round id; returns it trimmed. Raises UsageError with an example otherwise."""
    value = text.strip()
    if not ROUND_ID.match(value):
        raise UsageError(
            f"Mã đợt xét '{text}' không hợp lệ: cần dạng NĂM-SỐ ĐỢT, ví dụ 2022-1 (đợt 1 năm 2022)."
        )
    return value


def parse_date(text: str, what: str = "ngày") -> dt.date:
    """A date as officers type it (dd/mm/yyyy, d/m/yyyy) or ISO; UsageError naming ``what`` otherwise."""
    from tdkt.dates import parse_day

    try:
        return parse_day(text)
    except ValueError as exc:
        raise UsageError(f"{what.capitalize()}: {exc}.") from None


# The columns of a round, in the order _to_round reads them (list_rounds selects the whole table,
# which has them first in this order).
_ROUND_COLUMNS = "id, date, years, members, title"


def _date(value: Any) -> dt.date:
    """A DATE column: a date from SQLAlchemy or PostgreSQL, its ISO text from plain SQLite."""
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _datetime(value: Any) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))


def _to_round(row: Any) -> Round:
    rid, date, years, members, title = tuple(row)[:5]
    return Round(id=rid, date=_date(date), years=tuple(int(y) for y in str(years).split(",") if y),
                 members=members, title=title)


def new_round(
    url: str,
    round_id: str,
    date: dt.date,
    *,
    years: tuple[int, ...] = (),
    members: int | None = None,
    title: str | None = None,
) -> Round:
    """Create a round; the achievement year defaults to the year before the meeting's."""
    from sqlalchemy import select

    from tdkt.db import writing
    from tdkt.db.schema import rounds

    rid = parse_round_id(round_id)
    if members is not None and members < 1:
        raise UsageError(f"Số thành viên Hội đồng phải là số nguyên dương (nhận được {members}).")
    years = years or (date.year - 1,)
    for y in years:
        if not 1945 <= y <= date.year:
            raise UsageError(f"Năm xét {y} không hợp lệ cho đợt họp ngày {date.isoformat()}.")
    with writing(url) as conn:  # the register's write lock: a second writer waits, then sees this one
        if conn.execute(select(rounds.c.id).where(rounds.c.id == rid)).first():
            raise WorkspaceError(f"Đợt xét {rid} đã có trong sổ; không thay đổi gì.")
        conn.execute(
            rounds.insert().values(
                id=rid,
                date=date,
                years=",".join(str(y) for y in years),
                members=members,
                title=title,
                created_at=dt.datetime.now(),
            )
        )
        from tdkt.register.audit import record

        record(conn, "session.new", f"tdkt session new {rid} --date {date.isoformat()}",
               details={"years": list(years), "members": members})
    return Round(id=rid, date=date, years=years, members=members, title=title)


def list_rounds(url: str) -> list[Round]:
    from sqlalchemy import select

    from tdkt.db import reading
    from tdkt.db.schema import rounds

    with reading(url) as conn:
        rows = conn.execute(select(rounds).order_by(rounds.c.date, rounds.c.id)).all()
    return [_to_round(r) for r in rows]


def get_round(url: str, round_id: str | None = None) -> Round:
    """The named round, or the current one. Raises WorkspaceError when there is none."""
    from tdkt.db import query

    rid = round_id
    if rid is None:
        chosen = query(url, 'SELECT value FROM settings WHERE "key" = :key', {"key": CURRENT_KEY})
        rid = chosen[0][0] if chosen else None
    if rid is None:
        rows = query(url, f"SELECT {_ROUND_COLUMNS} FROM rounds ORDER BY date DESC, id DESC LIMIT 1")
        if not rows:
            raise NoRound("Chưa có đợt xét nào. Tạo đợt bằng 'tdkt session new 2022-1 --date 25/04/2022'.")
        return _to_round(rows[0])
    rows = query(url, f"SELECT {_ROUND_COLUMNS} FROM rounds WHERE id = :id", {"id": parse_round_id(rid)})
    if not rows:
        raise NoRound(f"Không có đợt xét {rid} trong sổ. Xem danh sách bằng 'tdkt session list'.")
    return _to_round(rows[0])


def current_id(url: str) -> str | None:
    try:
        return get_round(url).id
    except NoRound:
        return None


def use_round(url: str, round_id: str) -> Round:
    from sqlalchemy import delete

    from tdkt.db import writing
    from tdkt.db.schema import settings

    rnd = get_round(url, round_id)
    with writing(url) as conn:  # the register's write lock: a second writer waits, then sees this one
        conn.execute(delete(settings).where(settings.c.key == CURRENT_KEY))
        conn.execute(settings.insert().values(key=CURRENT_KEY, value=rnd.id))
        from tdkt.register.audit import record

        record(conn, "session.use", f"tdkt session use {rnd.id}")
    return rnd


@dataclass(frozen=True)
class Run:
    id: int
    round_id: str
    kind: str
    award: str | None
    created_at: dt.datetime
    tdkt_version: str
    ruleset: str | None
    inputs: list[dict[str, str]]
    payload: dict[str, Any]
    current: bool


def store_run(
    url: str,
    round_id: str,
    kind: str,
    payload: dict[str, Any],
    *,
    inputs: list[dict[str, str]] | None = None,
    ruleset: str | None = None,
    award: str | None = None,
    force: bool = False,
) -> Run:
    """Store a result in a round. A second result of the same kind (and award) needs ``force``;
    the earlier one is kept as history (``current`` = 0)."""
    from sqlalchemy import and_, select, update

    from tdkt.db import writing
    from tdkt.db.schema import round_runs

    get_round(url, round_id)
    now = dt.datetime.now()
    with writing(url) as conn:  # the register's write lock: a second writer waits, then sees this one
        cond = and_(
            round_runs.c.round_id == round_id,
            round_runs.c.kind == kind,
            round_runs.c.current == 1,
            (round_runs.c.award == award) if award is not None else round_runs.c.award.is_(None),
        )
        existing = conn.execute(select(round_runs.c.id).where(cond)).first()
        if existing and not force:
            raise WorkspaceError(
                f"Đợt {round_id} đã có kết quả {kind}{' cho ' + award if award else ''}; "
                "chạy lại với --force để thay (kết quả cũ được giữ trong lịch sử)."
            )
        conn.execute(update(round_runs).where(cond).values(current=0))
        result = conn.execute(
            round_runs.insert().values(
                round_id=round_id,
                kind=kind,
                award=award,
                created_at=now,
                tdkt_version=__version__,
                ruleset=ruleset,
                inputs=json.dumps(inputs or [], ensure_ascii=False),
                payload=json.dumps(payload, ensure_ascii=False),
                current=1,
            )
        )
        new_id = int(result.inserted_primary_key[0])  # type: ignore[index]
        from tdkt.register.audit import record

        record(conn, kind, f"tdkt {kind} --session {round_id}{' --award ' + award if award else ''}"
               f"{' --force' if force else ''}", inputs=inputs, ruleset=ruleset, details={"run": new_id})
    return Run(new_id, round_id, kind, award, now, __version__, ruleset, inputs or [], payload, True)


def runs(url: str, round_id: str, kind: str | None = None, *, current_only: bool = True) -> list[Run]:
    from tdkt.db import query

    sql = ("SELECT id, round_id, kind, award, created_at, tdkt_version, ruleset, inputs, payload, current"
           " FROM round_runs WHERE round_id = :round_id")
    params = {"round_id": round_id}
    if kind:
        sql += " AND kind = :kind"
        params["kind"] = kind
    if current_only:
        sql += " AND current = 1"
    rows = query(url, sql + " ORDER BY id", params)
    return [
        Run(rid, rnd, knd, award, _datetime(created), version, ruleset, json.loads(inputs), json.loads(payload),
            bool(current))
        for rid, rnd, knd, award, created, version, ruleset, inputs, payload, current in rows
    ]

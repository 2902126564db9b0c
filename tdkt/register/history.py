"""What the register knows about the nominees of a list: tdkt.register.history(url, nominees).

For each nominee: the matched person (or the candidates when ambiguous, with the key to settle it),
the titles by year, every award received with its achievement period and decision, and the
initiatives with what they were already used for. Read only: matching here never writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from tdkt.models import AWARD_TYPE_VN, History, Initiative, PriorAward, YearRecord
from tdkt.register import identity

if TYPE_CHECKING:
    from tdkt.db.sql import Conn
    from tdkt.models import Nominee


def history(url: str, nominees: Sequence[Nominee], *, exclude_round: str | None = None) -> dict[str, History]:
    """Register history per nominee, keyed by ``Nominee.id``.

    Args:
        url: the register's SQLAlchemy URL.
        nominees: the nominees of the list under review.
        exclude_round: leave out what the register received from this round's own issued decisions
            (validating a round again after its decision was issued must not count the round itself).

    Returns:
        A History for every nominee (``match == "none"`` and nothing else when the register does
        not know them).
    """
    from tdkt.db import connect

    out: dict[str, History] = {}
    with connect(url, write=False) as conn:  # the stdlib sqlite3 on a SQLite register at HEAD
        idents = [identity.Identity.of(n) for n in nominees]
        unknown = identity.unknown(conn, idents)
        for nominee, ident, new in zip(nominees, idents, unknown, strict=True):
            if new:
                out[nominee.id] = History(match="none")
                continue
            match = identity.resolve(conn, ident)
            if match.kind == "ambiguous":
                out[nominee.id] = History(
                    match="ambiguous",
                    candidates=tuple(c.describe() for c in match.candidates),
                    settle_key=ident.key(),
                )
            elif match.person_id is None:
                out[nominee.id] = History(match=match.kind)
            else:
                out[nominee.id] = person_history(conn, match.person_id, match.kind, exclude_round=exclude_round)
    return out


def person_history(conn: Conn, person_id: int, match: Any = "settled", *, exclude_round: str | None = None) -> History:
    """The History of one register person (either path's connection: :mod:`tdkt.db.sql`)."""
    from tdkt import awards
    from tdkt.db import sql

    q = "SELECT * FROM reg_awards WHERE person_id = :p"
    params: dict[str, Any] = {"p": person_id}
    if exclude_round is not None:
        q += " AND (round_id IS NULL OR round_id != :r)"
        params["r"] = exclude_round
    rows = sql.rows(conn, q + " ORDER BY year, period_to, decision_date, id", params)
    excluded_rows = set()
    if exclude_round is not None:
        excluded_rows = set(sql.scalars(conn, "SELECT id FROM reg_awards WHERE person_id = :p AND round_id = :r",
                                        {"p": person_id, "r": exclude_round}))
    catalogue = awards.catalogue()
    titles: dict[int, list[str]] = {}
    prior: list[PriorAward] = []
    for r in rows:
        year = r.year if r.year is not None else (r.period_to if r.period_from == r.period_to else None)
        if r.award and year is not None and r.award in catalogue and catalogue[r.award].kind == "title":
            titles.setdefault(year, [])
            if r.award not in titles[year]:
                titles[year].append(r.award)
        prior.append(
            PriorAward(
                award=r.award, award_text=r.award_text, year=r.year, period_from=r.period_from,
                period_to=r.period_to, decision_number=r.decision_number, decision_date=sql.day(r.decision_date),
                source="register", type=r.award_type if r.award_type in AWARD_TYPE_VN else None,
            )
        )
    inits = sql.rows(conn, "SELECT * FROM reg_initiatives WHERE person_id = :p ORDER BY year, id", {"p": person_id})
    return History(
        person_id=str(person_id),
        match=match,
        history=tuple(YearRecord(year=y, titles=tuple(t)) for y, t in sorted(titles.items())),
        prior_awards=tuple(prior),
        initiatives=tuple(
            Initiative(
                kind=n.kind if n.kind in ("sang_kien", "de_tai") else "sang_kien",
                title=n.title,
                level=n.level if n.level in ("co_so", "bo_tinh", "toan_quoc") else None,
                year=n.year,
                used_for=None if n.award_row in excluded_rows else n.used_for,
                decision=n.decision,
            )
            for n in inits
        ),
    )

"""Who is who in the register: matching a nominee or a history row to a person, never merging silently.

Order of evidence (legal.md §5, peers.md §6 item 2):

1. an identity settlement the officer recorded for this row's key (``tdkt register settle``);
2. the CCCD (citizen id), then the mã CBCCVC (staff code): equal means the same person;
3. otherwise the NFC name with the birth date, and the unit. A candidate is someone of the same kind
   whose name is the same once diacritics are removed and nothing contradicts (a different CCCD,
   staff code, birth date or birth year). It is a *match* only when it is the one candidate and it
   has exactly the same NFC name and either the same full birth date or the same unit. Anything
   else with a candidate — a look-alike spelling ("Hoà"/"Hòa", "Nguyen Van An"), two people with
   the same name and birth date, a same-named person in another unit with no birth date to tell —
   is *ambiguous*: a finding for the officer, who settles it once and the settlement is remembered.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from tdkt.text import clean, fold

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from tdkt.db.sql import Conn
    from tdkt.models import Nominee

MatchKind = Literal[
    "cccd", "staff_code", "name_birth", "name_birth_unit", "name_unit", "settled", "none", "ambiguous"
]

_DIGITS = re.compile(r"\d+")


def norm_cccd(value: object) -> str | None:
    """Digits of a CCCD/CMND, leading zeros kept; None when empty."""
    if value is None:
        return None
    text = clean(str(value)).replace(" ", "").replace(".", "").replace("-", "")
    if text.endswith(".0"):
        text = text[:-2]
    return text or None


def norm_code(value: object) -> str | None:
    if value is None:
        return None
    text = clean(str(value)).replace(" ", "").upper()
    return text or None


def exact(text: str | None) -> str | None:
    """NFC, single spaces, case-folded: two spellings are the same name only if this is equal."""
    if not text:
        return None
    value = clean(text).casefold()
    return value or None


@dataclass(frozen=True)
class Identity:
    """What a row says about who it is."""

    kind: str
    name: str
    birth_date: dt.date | None = None
    birth_year: int | None = None
    gender: str | None = None
    cccd: str | None = None
    staff_code: str | None = None
    position: str | None = None
    unit: str | None = None

    # Worked out once per identity (a list of 100,000 rows asks for each several times).
    @cached_property
    def name_exact(self) -> str:
        return exact(self.name) or ""

    @cached_property
    def name_fold(self) -> str:
        return fold(self.name)

    @cached_property
    def unit_exact(self) -> str | None:
        return exact(self.unit)

    @property
    def year_of_birth(self) -> int | None:
        return self.birth_date.year if self.birth_date else self.birth_year

    def key(self) -> str:
        """The settlement key: stable across files and rounds for the same written identity."""
        return self._key

    @cached_property
    def _key(self) -> str:
        birth = self.birth_date.isoformat() if self.birth_date else str(self.birth_year or "")
        raw = "|".join((self.kind, self.name_exact, birth, self.unit_exact or "", self.cccd or "", self.staff_code or ""))
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:10]

    def label(self) -> str:
        """A short Vietnamese description (no CCCD: it is personal data)."""
        parts = [self.name]
        if self.birth_date:
            parts.append(f"sinh {self.birth_date:%d/%m/%Y}")
        elif self.birth_year:
            parts.append(f"sinh năm {self.birth_year}")
        if self.unit:
            parts.append(self.unit)
        return ", ".join(parts)

    @classmethod
    def of(cls, nominee: Nominee) -> Identity:
        return cls(
            kind=nominee.kind,
            name=clean(nominee.name),
            birth_date=nominee.birth_date,
            birth_year=nominee.birth_year,
            gender=nominee.gender,
            cccd=norm_cccd(nominee.cccd),
            staff_code=norm_code(nominee.staff_code),
            position=nominee.position,
            unit=clean(nominee.unit) if nominee.unit else None,
        )


@dataclass(frozen=True)
class Candidate:
    person_id: int
    label: str

    def describe(self) -> str:
        return f"#{self.person_id} {self.label}"


@dataclass(frozen=True)
class Match:
    kind: MatchKind
    person_id: int | None = None  # None with kind "settled": the officer said "a new person"
    candidates: tuple[Candidate, ...] = ()
    notes: tuple[str, ...] = field(default=())  # e.g. "cccd-name-differs"


def person_label(row: Any) -> str:
    from tdkt.db.sql import day

    parts = [str(row.name)]
    if born := day(row.birth_date):
        parts.append(f"sinh {born:%d/%m/%Y}")
    elif row.birth_year:
        parts.append(f"sinh năm {row.birth_year}")
    if row.unit:
        parts.append(str(row.unit))
    if row.cccd:
        parts.append(f"CCCD …{str(row.cccd)[-4:]}")
    return ", ".join(parts)


def settlement(conn: Conn, key: str) -> tuple[bool, int | None]:
    """(found, person_id) of the newest settlement for ``key``; person_id None means "a new person"."""
    from tdkt.db import sql

    found = sql.rows(conn, 'SELECT person_id FROM reg_settlements WHERE "key" = :k ORDER BY id DESC LIMIT 1', {"k": key})
    if not found:
        return False, None
    return True, found[0].person_id


_CHUNK = 500  # values per IN (...): well under SQLite's and PostgreSQL's parameter limits


def unknown(conn: Conn, idents: Sequence[Identity]) -> list[bool]:
    """For each identity, True when the register certainly has no match for it, so :func:`resolve`
    would answer ``Match("none")``: no settlement for its key, no person with its CCCD or staff
    code, none of its kind with its folded name. A few queries per 500 rows instead of several per
    row; the others still go through :func:`resolve`. A table with no row is not asked (a new
    workspace's register: no key or folded name is worked out at all)."""
    from tdkt.db import sql

    def empty(table: str) -> bool:
        return not sql.scalars(conn, f"SELECT 1 FROM {table} LIMIT 1")

    no_settled, no_people = empty("reg_settlements"), empty("reg_people")
    if no_settled and no_people:
        return [True] * len(idents)

    def present(table: str, column: str, values: set[Any]) -> set[Any]:
        found: set[Any] = set()
        ordered = sorted(values)
        for k in range(0, len(ordered), _CHUNK):
            where, params = sql.in_list("v", ordered[k:k + _CHUNK])
            found.update(sql.scalars(conn, f'SELECT DISTINCT "{column}" FROM {table} WHERE "{column}" IN {where}', params))
        return found

    keys = set() if no_settled else present("reg_settlements", "key", {i.key() for i in idents})
    if no_people:
        return [i.key() not in keys for i in idents] if keys else [True] * len(idents)
    cccds = present("reg_people", "cccd", {i.cccd for i in idents if i.cccd})
    codes = present("reg_people", "staff_code", {i.staff_code for i in idents if i.staff_code})
    names = present("reg_people", "name_fold", {i.name_fold for i in idents})
    return [
        (not keys or i.key() not in keys) and i.cccd not in cccds and i.staff_code not in codes
        and i.name_fold not in names
        for i in idents
    ]


def resolve(conn: Conn, ident: Identity) -> Match:
    """Match ``ident`` against the register (read only; either path's connection, :mod:`tdkt.db.sql`)."""
    from tdkt.db import sql

    found, settled = settlement(conn, ident.key())
    if found:
        return Match("settled", settled)
    for column, value, kind in (("cccd", ident.cccd, "cccd"), ("staff_code", ident.staff_code, "staff_code")):
        if value:
            hits = sql.rows(conn, f"SELECT * FROM reg_people WHERE {column} = :v", {"v": value})
            row = hits[0] if hits else None
            if row is not None and row.kind == ident.kind:
                notes = () if row.name_fold == ident.name_fold else ("id-name-differs",)
                return Match(kind, row.id, notes=notes)  # type: ignore[arg-type]
    rows = sql.rows(conn, "SELECT * FROM reg_people WHERE kind = :kind AND name_fold = :name ORDER BY id",
                    {"kind": ident.kind, "name": ident.name_fold})
    strong: list[tuple[Any, MatchKind]] = []
    weak: list[Any] = []
    for row in rows:
        if _contradicts(row, ident):
            continue
        units = {row.unit_exact} | set(
            sql.scalars(conn, "SELECT DISTINCT unit FROM reg_awards WHERE person_id = :id", {"id": row.id}))
        same_unit = ident.unit_exact is not None and ident.unit_exact in {exact(u) for u in units if u}
        if ident.kind != "individual" and ident.unit_exact is None and row.unit_exact is None:
            same_unit = True  # a collective named without its parent unit, twice
        same_name = row.name_exact == ident.name_exact
        same_birth = ident.birth_date is not None and sql.day(row.birth_date) == ident.birth_date
        if same_name and same_birth:
            strong.append((row, "name_birth_unit" if same_unit else "name_birth"))
        elif same_name and same_unit:
            strong.append((row, "name_unit"))
        else:
            weak.append(row)
    if len(strong) == 1 and not weak:
        row, kind = strong[0]
        return Match(kind, row.id)
    candidates = tuple(Candidate(r.id, person_label(r)) for r in [*(s for s, _ in strong), *weak])
    if candidates:
        return Match("ambiguous", None, tuple(sorted(candidates, key=lambda c: c.person_id)))
    return Match("none")


def _contradicts(row: Any, ident: Identity) -> bool:
    """True when the row cannot be the same person: a different id, birth date or birth year."""
    from tdkt.db.sql import day

    born = day(row.birth_date)
    if row.cccd and ident.cccd and row.cccd != ident.cccd:
        return True
    if row.staff_code and ident.staff_code and row.staff_code != ident.staff_code:
        return True
    if born and ident.birth_date and born != ident.birth_date:
        return True
    row_year = born.year if born else row.birth_year
    return bool(row_year and ident.year_of_birth and row_year != ident.year_of_birth)


def create(conn: Connection, ident: Identity) -> int:
    """A new person in the register; returns the id."""
    from tdkt.db.schema import reg_people

    result = conn.execute(
        reg_people.insert().values(
            kind=ident.kind,
            name=ident.name,
            name_exact=ident.name_exact,
            name_fold=ident.name_fold,
            birth_date=ident.birth_date,
            birth_year=ident.year_of_birth,
            gender=ident.gender,
            cccd=ident.cccd,
            staff_code=ident.staff_code,
            position=ident.position,
            unit=ident.unit,
            unit_exact=ident.unit_exact,
            created_at=dt.datetime.now(),
        )
    )
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def enrich(conn: Connection, person_id: int, ident: Identity) -> None:
    """Fill what the register did not know yet (CCCD, staff code, birth, gender); never overwrite."""
    from sqlalchemy import select, update

    from tdkt.db.schema import reg_people

    row = conn.execute(select(reg_people).where(reg_people.c.id == person_id)).one()
    values: dict[str, Any] = {}
    for column, new in (
        ("cccd", ident.cccd),
        ("staff_code", ident.staff_code),
        ("birth_date", ident.birth_date),
        ("birth_year", ident.year_of_birth),
        ("gender", ident.gender),
        ("position", ident.position),
        ("unit", ident.unit),
    ):
        if new is not None and getattr(row, column) is None:
            values[column] = new
    if "unit" in values:
        values["unit_exact"] = ident.unit_exact
    if values:
        conn.execute(update(reg_people).where(reg_people.c.id == person_id).values(**values))


def settle(conn: Connection, key: str, person_id: int | None, label: str | None = None) -> None:
    """Remember that rows with ``key`` are ``person_id`` (None: a new person, created on first use)."""
    from tdkt.db.schema import reg_settlements

    conn.execute(
        reg_settlements.insert().values(key=key, person_id=person_id, label=label, created_at=dt.datetime.now())
    )


def place(conn: Connection, ident: Identity) -> tuple[Match, int | None]:
    """Resolve ``ident`` for a write: the matched person (enriched), or a new one; None when ambiguous.

    A settlement to "a new person" is turned into a settlement to the person created here, so later
    rows with the same key find them.
    """
    match = resolve(conn, ident)
    if match.kind == "ambiguous":
        return match, None
    if match.person_id is None:
        person_id = create(conn, ident)
        if match.kind == "settled":
            settle(conn, ident.key(), person_id, ident.label())
        return match, person_id
    enrich(conn, match.person_id, ident)
    return match, match.person_id

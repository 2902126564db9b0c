"""Review rounds (đợt xét) in the register: create, list, choose the current one, store results.

A round id is ``YYYY-N`` ("2022-1" = đợt 1 năm 2022). The current round is the one chosen with
``use_round``, or else the newest by meeting date.

What a round holds is stored as runs (``round_runs``), each current or kept as history:

- **validate** — one run per nomination list (file). A round accumulates lists: validating a file
  adds its nominees or replaces *that file's* earlier ones (identity: the resolved path, and the
  SHA-256 of its bytes), never another file's. The same file with the same result is not stored
  again. ``force`` is needed only where the replacement would change what an officer already acted
  on: a settled review, a tallied nominee, an issued decision (:func:`store_validation`).
- **tally** — one run per count of ballots. A round has **one current tally per award**: a later
  tally of an award replaces the earlier one for that award (:func:`store_tally`,
  :func:`current_tallies`); ``force`` only when the ballots differ or a decision was issued.
- **review** — one run per nominee whose "Cần xem xét" the Thường trực settled (accepted as passing
  or rejected), for all its findings or for one finding code. :func:`current_validation` applies
  them: a settled nominee reaches the ballots, the documents and the register like any other.

Every change goes through :func:`writing`: one transaction holding the register's write lock
(``tdkt.db.writing``) from its first read, so of two officers storing a result at once the second
sees the first's and is judged against it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, Literal

from tdkt import __version__, vocab
from tdkt.errors import UsageError, WorkspaceError
from tdkt.models import Round
from tdkt.text import fold

if TYPE_CHECKING:
    from tdkt.db.sql import Conn


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
    from tdkt.workspace import MAX_MEMBERS

    if members is not None and not 1 <= members <= MAX_MEMBERS:
        raise UsageError(f"Số thành viên Hội đồng phải là số nguyên từ 1 đến {MAX_MEMBERS} (nhận được {members}).")
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


# ------------------------------------------------------------------------------------ stored runs

Kind = Literal["validate", "tally", "review"]


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


@contextmanager
def writing(url: str) -> Iterator[Conn]:
    """The one transaction in which a round's stored results change (read, check and write together).

    Every writer of this module goes through here: the register's write lock (``tdkt.db.writing``)
    is held from the first read, so a check and the write after it cannot race another writer. On a
    SQLite register at HEAD the connection is the stdlib sqlite3 one (:func:`tdkt.db.connect`), so
    everything here speaks plain SQL through :mod:`tdkt.db.sql`.
    """
    from tdkt.db import connect

    with connect(url, write=True) as conn:
        yield conn


def _insert(conn: Conn, round_id: str, kind: str, payload: Mapping[str, Any], *,
            inputs: Sequence[Mapping[str, str]] = (), ruleset: str | None = None, award: str | None = None,
            now: dt.datetime | None = None) -> int:
    """Insert a run; a validate run's nominees go to ``round_nominees`` in batches (:func:`_store_nominees`),
    its payload keeping ``"nominees": []``, so no JSON text of the whole list is ever built."""
    from tdkt.db import sql

    nominees = payload.get("nominees") if kind == "validate" else None
    listed = isinstance(nominees, list)
    head = {**payload, "nominees": []} if listed else payload
    run_id = sql.insert(conn, "round_runs", {
        "round_id": round_id, "kind": kind, "award": award, "created_at": now or dt.datetime.now(),
        "tdkt_version": __version__, "ruleset": ruleset,
        "inputs": json.dumps([dict(i) for i in inputs], ensure_ascii=False),
        "payload": json.dumps(head, ensure_ascii=False), "current": 1,
        "nominees": len(nominees) if isinstance(nominees, list) else None,
    })
    if isinstance(nominees, list):
        _store_nominees(conn, run_id, nominees)
    return run_id


NOMINEE_BATCH = 1000  # nominees written per statement: memory stays that of one batch of JSON texts


def _store_nominees(conn: Conn, run_id: int, nominees: Sequence[Mapping[str, Any]]) -> None:
    """A run's nominees, one row each in list order, written a batch at a time (in the caller's transaction)."""
    import orjson

    for start in range(0, len(nominees), NOMINEE_BATCH):
        _write_batch(conn, [{"run_id": run_id, "seq": start + k,
                             "data": orjson.dumps(n, option=orjson.OPT_NON_STR_KEYS).decode()}
                            for k, n in enumerate(nominees[start:start + NOMINEE_BATCH])])


def _write_batch(conn: Conn, rows: list[dict[str, Any]]) -> None:
    from tdkt.db import sql

    sql.many(conn, "INSERT INTO round_nominees (run_id, seq, data) VALUES (:run_id, :seq, :data)", rows)


def _retire(conn: Conn, ids: Iterable[int]) -> None:
    from tdkt.db import sql

    chosen = sorted(set(ids))
    for k in range(0, len(chosen), 500):
        where, params = sql.in_list("id", chosen[k:k + 500])
        sql.run(conn, f"UPDATE round_runs SET current = 0 WHERE id IN {where}", params)


Fetch = Callable[[str, Mapping[str, Any]], Iterable[Sequence[Any]]]
_NOMINEES_SQL = "SELECT data FROM round_nominees WHERE run_id = :run ORDER BY seq"


def _row_run(row: Sequence[Any], fetch: Fetch | None) -> Run:
    """A run from its row; with ``fetch``, a validate run's nominees read back into its payload."""
    rid, rnd, knd, award, created, version, ruleset, inputs, payload, current, count = tuple(row)
    doc = json.loads(payload)
    if count is not None and fetch is not None:
        import orjson

        doc["nominees"] = [orjson.loads(d) for (d,) in fetch(_NOMINEES_SQL, {"run": rid})]
    return Run(rid, rnd, knd, award, _datetime(created), version, ruleset, json.loads(inputs), doc, bool(current))


def _full(conn: Conn, run: Run) -> Run:
    """A run read by :func:`_runs_in` without its nominees, with them."""
    from dataclasses import replace

    from tdkt.db import sql

    if run.kind != "validate":
        return run
    rows = sql.scalars(conn, _NOMINEES_SQL, {"run": run.id})
    if not rows:
        return run
    import orjson

    return replace(run, payload={**run.payload, "nominees": [orjson.loads(d) for d in rows]})


_RUN_SQL = ("SELECT id, round_id, kind, award, created_at, tdkt_version, ruleset, inputs, payload, current, nominees"
            " FROM round_runs WHERE round_id = :round_id")


def _runs_in(conn: Conn, round_id: str, kind: str, *, nominees: bool = True) -> list[Run]:
    """The current runs of a kind, read inside the writer's transaction (oldest first); without
    ``nominees``, a validate run's payload has ``"nominees": []`` (:func:`_full` reads them)."""
    from tdkt.db import sql

    def fetch(text: str, params: Mapping[str, Any]) -> Iterable[Sequence[Any]]:
        return sql.rows(conn, text, params)

    rows = sql.rows(conn, _RUN_SQL + " AND kind = :kind AND current = 1 ORDER BY id",
                    {"round_id": round_id, "kind": kind})
    return [_row_run(r, fetch if nominees else None) for r in rows]


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
    """Store one run as it is (no accumulation): a second current run of the same kind and award
    needs ``force`` and retires the earlier one. The commands store through :func:`store_validation`,
    :func:`store_tally` and :mod:`tdkt.review`; this stays for library users and fixtures."""
    get_round(url, round_id)
    now = dt.datetime.now()
    with writing(url) as conn:
        existing = [r.id for r in _runs_in(conn, round_id, kind, nominees=False) if r.award == award]
        if existing and not force:
            raise WorkspaceError(
                f"Đợt {round_id} đã có kết quả {vocab.RUN.get(kind, kind)}{' cho ' + award if award else ''}; "
                "chạy lại với --force để thay (kết quả cũ được giữ trong lịch sử)."
            )
        _retire(conn, existing)
        new_id = _insert(conn, round_id, kind, payload, inputs=inputs or [], ruleset=ruleset, award=award, now=now)
        from tdkt.register.audit import record

        record(conn, kind, f"tdkt {kind} --session {round_id}{' --award ' + award if award else ''}"
               f"{' --force' if force else ''}", inputs=inputs, ruleset=ruleset, details={"run": new_id})
    return Run(new_id, round_id, kind, award, now, __version__, ruleset, inputs or [], payload, True)


def runs(url: str, round_id: str, kind: str | None = None, *, current_only: bool = True,
         nominees: bool = True) -> list[Run]:
    """The stored runs of a round as they are (oldest first). To read what the round holds now, use
    :func:`current_validation` and :func:`current_tallies`. Without ``nominees``, a validate run's
    payload has ``"nominees": []`` (its list is not read: its files, summary and findings are)."""
    from tdkt.db import query

    sql = _RUN_SQL
    params = {"round_id": round_id}
    if kind:
        sql += " AND kind = :kind"
        params["kind"] = kind
    if current_only:
        sql += " AND current = 1"

    def fetch(sql: str, params: Mapping[str, Any]) -> Iterable[Sequence[Any]]:
        return query(url, sql, params)

    return [_row_run(r, fetch if nominees else None) for r in query(url, sql + " ORDER BY id", params)]


# ------------------------------------------------------------------------- who a nominee is, facts


def nominee_key(nom: Mapping[str, Any]) -> str:
    """Who a stored nominee is across re-validations of its list: the list's file name, the name,
    the unit and the award, folded. Unlike the id (file:sheet:row) it survives a row inserted above."""
    return "|".join((fold(str(nom.get("file") or "")), fold(str(nom.get("name") or "")),
                     fold(str(nom.get("unit") or "")), str(nom.get("award") or "")))


def facts(nom: Mapping[str, Any], code: str | None = None) -> str:
    """A digest of what a review decision is made on: the nominee's errors and warnings (only those
    of ``code`` when given) by code, criterion and message — the message names the values found. A
    re-validation that changes any of them changes the digest, and the decision no longer applies."""
    items = sorted(
        (str(f.get("code")), str(f.get("rule") or ""), str(f.get("message") or ""))
        for f in nom.get("findings", [])
        if f.get("severity") in ("error", "warning") and (code is None or f.get("code") == code)
    )
    return hashlib.sha256(json.dumps([nom.get("verdict"), items], ensure_ascii=False).encode()).hexdigest()[:20]


def review_codes(nom: Mapping[str, Any]) -> list[str]:
    """The finding codes that make a nominee "Cần xem xét" (its warnings), in the order found."""
    return list(dict.fromkeys(str(f.get("code")) for f in nom.get("findings", []) if f.get("severity") == "warning"))


@dataclass(frozen=True)
class Settlement:
    """The Thường trực's decision on one nominee's review (for all its warnings, or one code)."""

    run: int
    key: str
    nominee: str
    name: str
    unit: str
    award: str | None
    award_name: str
    file: str
    code: str | None
    decision: Literal["accept", "reject"]
    reason: str
    by: str
    facts: str
    at: dt.datetime

    @staticmethod
    def of(run: Run) -> Settlement:
        p = run.payload
        return Settlement(run.id, str(p["key"]), str(p.get("nominee") or ""), str(p.get("name") or ""),
                          str(p.get("unit") or ""), run.award, str(p.get("award_name") or run.award or ""),
                          str(p.get("file") or ""), p.get("code"),
                          p["decision"], str(p.get("reason") or ""), str(p.get("by") or ""), str(p["facts"]),
                          run.created_at)

    def to_dict(self) -> dict[str, Any]:
        return {"nominee": self.nominee, "name": self.name, "unit": self.unit, "award": self.award,
                "award_name": self.award_name, "file": self.file, "code": self.code, "decision": self.decision, "reason": self.reason,
                "by": self.by, "at": self.at.isoformat(timespec="seconds")}


def settle_nominee(nom: dict[str, Any], settlements: Sequence[Settlement]) -> dict[str, Any]:
    """The nominee as the round sees it after the Thường trực's decisions: a "review" verdict becomes
    "pass" (accepted) or "fail" (rejected) when a decision covers all its warnings on the same facts;
    ``validated_verdict`` keeps what validation said and ``review`` says who decided and why."""
    if nom.get("verdict") != "review" or not settlements:
        return nom
    key = nominee_key(nom)
    mine = [s for s in settlements if s.key == key]
    if not mine:
        return nom
    chosen = [s for s in mine if s.code is None and s.facts == facts(nom)]
    if not chosen:
        by_code = {s.code: s for s in mine if s.code is not None}
        codes = review_codes(nom)
        picked = [by_code.get(c) for c in codes]
        if not codes or any(s is None or s.facts != facts(nom, s.code) for s in picked):
            return nom  # some warning is not settled (or its facts changed): still "Cần xem xét"
        chosen = [s for s in picked if s is not None]
    decision = "reject" if any(s.decision == "reject" for s in chosen) else "accept"
    shown = [s for s in chosen if s.decision == decision]
    return {**nom, "verdict": "pass" if decision == "accept" else "fail", "validated_verdict": "review",
            "review": {"decision": decision, "codes": [s.code for s in shown if s.code],
                       "reason": "; ".join(dict.fromkeys(s.reason for s in shown)),
                       "by": "; ".join(dict.fromkeys(s.by for s in shown)),
                       "at": max(s.at for s in shown).isoformat(timespec="seconds")}}


# ------------------------------------------------------------------------------ the round's lists


@dataclass(frozen=True)
class ListFile:
    """A nomination list of the round as it is now: its current validate run."""

    name: str
    path: str
    sha256: str
    run: Run
    summary: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.name, "path": self.path, "sha256": self.sha256, "run": self.run.id,
                "validated_at": self.run.created_at.isoformat(timespec="seconds"), "ruleset": self.run.ruleset,
                "summary": self.summary}


@dataclass(frozen=True)
class RoundValidation:
    """What a round holds from validation now: every current list, merged, the reviews applied."""

    document: dict[str, Any]  # the validate document (design.md §4) of all the round's lists
    files: list[ListFile]
    settlements: list[Settlement]
    pairs: list[tuple[ListFile, dict[str, Any]]]  # each nominee (settled) with its list, in list order

    @property
    def inputs(self) -> list[dict[str, str]]:
        return [i for f in self.files for i in f.run.inputs]

    def nominees(self) -> list[tuple[ListFile, dict[str, Any]]]:
        return list(self.pairs)


def _summary(nominees: Iterable[Mapping[str, Any]]) -> dict[str, int]:
    verdicts = Counter(str(n.get("verdict")) for n in nominees)
    out = {"nominees": verdicts.total(), "pass": 0, "fail": 0, "review": 0}
    out.update(verdicts)
    return out


def _list_files(current: Sequence[Run], first_seen: Mapping[str, int]) -> list[ListFile]:
    files = []
    for run in current:
        inp = run.inputs[0] if run.inputs else {"path": "", "sha256": ""}
        files.append(ListFile(PurePath(inp["path"]).name, inp["path"], inp.get("sha256", ""), run,
                              dict(run.payload.get("summary") or _summary(run.payload.get("nominees", [])))))
    # The order the lists first came into the round (a list validated again keeps its place).
    return sorted(files, key=lambda f: (first_seen.get(f.path, f.run.id), f.run.id))


def merge_validation(files: Sequence[ListFile], settlements: Sequence[Settlement]) -> RoundValidation:
    """One validate document for the round's lists: nominees in list order with the settlements
    applied, the lists' findings once each, the newest run's rule pack, and ``files``."""
    pairs: list[tuple[ListFile, dict[str, Any]]] = []
    findings: list[dict[str, Any]] = []
    seen: set[tuple[Any, ...]] = set()
    for f in files:
        pairs += [(f, settle_nominee(n, settlements)) for n in f.run.payload.get("nominees", [])]
        for x in f.run.payload.get("findings", []):
            k = (x.get("code"), x.get("message"), x.get("file"), x.get("sheet"), x.get("cell"))
            if k not in seen:
                seen.add(k)
                findings.append(x)
    newest = max(files, key=lambda f: f.run.id).run.payload if files else {}
    nominees = [n for _f, n in pairs]
    document = {
        "schema_version": 1, "tool": "tdkt", "version": newest.get("version", __version__),
        "ruleset": newest.get("ruleset"), "session": newest.get("session"),
        "summary": _summary(nominees), "nominees": nominees, "findings": findings,
        "files": [f.to_dict() for f in files],
    }
    return RoundValidation(document, list(files), list(settlements), pairs)


def settlements(url: str, round_id: str) -> list[Settlement]:
    return [Settlement.of(r) for r in runs(url, round_id, "review")]


def current_validation(url: str, round_id: str) -> RoundValidation | None:
    """The round's lists as they are now (None when no list was validated in it)."""
    every = runs(url, round_id, "validate", current_only=False, nominees=False)
    if not any(r.current for r in every):
        return None
    current = runs(url, round_id, "validate")
    first_seen: dict[str, int] = {}
    for r in every:
        for i in r.inputs:
            first_seen.setdefault(i["path"], r.id)
    files = _list_files(current, first_seen)
    return merge_validation(files, settlements(url, round_id))


# ------------------------------------------------------------------------------- storing a list


Action = Literal["added", "replaced", "unchanged"]


@dataclass(frozen=True)
class FileStored:
    """What storing did with one list: added, replaced its earlier run, or nothing (unchanged)."""

    file: str
    path: str
    sha256: str
    action: Action
    nominees: int
    run: int | None = None
    replaced: int | None = None
    same_as: str | None = None  # unchanged: the stored list with the same content (another name)
    reopened: tuple[str, ...] = ()  # names whose settled review this replacement re-opened

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "path": self.path, "sha256": self.sha256, "action": self.action,
                "nominees": self.nominees, "run": self.run, "replaced": self.replaced,
                "same_as": self.same_as, "reopened": list(self.reopened)}


def file_input(path: Path) -> dict[str, str]:
    """A list's identity in the round: its resolved path and the SHA-256 of its bytes."""
    from tdkt.util import sha256_file

    return {"path": str(path.expanduser().resolve()), "sha256": sha256_file(path)}


def _same_result(stored: Mapping[str, Any], new: Mapping[str, Any]) -> bool:
    """The stored run and the new one say the same about the list: its rule pack, its nominees and
    the findings about it (findings about no file in particular — the rule pack chosen, a cap over
    every list validated together — depend on which lists were validated with it, not on this one)."""
    import orjson

    def norm(doc: Mapping[str, Any]) -> bytes:
        own = [f for f in doc.get("findings", []) if f.get("file")]
        return orjson.dumps([doc.get("ruleset"), doc.get("nominees", []), own], option=orjson.OPT_SORT_KEYS,
                            default=str)

    return norm(stored) == norm(orjson.loads(orjson.dumps(new, default=str)))


@dataclass(frozen=True)
class _Acted:
    """What officers already did in the round, for the checks before a replacement."""

    settled: dict[str, list[Settlement]]
    tallied_ids: set[str]
    tallied_names: set[tuple[str, str]]
    issued: set[str]

    def why(self, nom: Mapping[str, Any]) -> list[str]:
        out = []
        if nominee_key(nom) in self.settled:
            out.append("Thường trực đã xem xét")
        award = str(nom.get("award") or "")
        if str(nom.get("id")) in self.tallied_ids or (fold(str(nom.get("name") or "")), award) in self.tallied_names:
            out.append("Hội đồng đã bỏ phiếu")
        if award in self.issued and nom.get("verdict") in ("pass", "review"):
            out.append("quyết định đã ghi vào sổ")
        return out


def _acted(conn: Conn, round_id: str) -> _Acted:
    settled: dict[str, list[Settlement]] = {}
    for r in _runs_in(conn, round_id, "review"):
        s = Settlement.of(r)
        settled.setdefault(s.key, []).append(s)
    ids: set[str] = set()
    names: set[tuple[str, str]] = set()
    for t in _claimed(_runs_in(conn, round_id, "tally")):
        for res in t.payload.get("results", []):
            if res.get("nominee"):
                ids.add(str(res["nominee"]))
            names.add((fold(str(res.get("name") or "")), str(res.get("award") or "")))
    return _Acted(settled, ids, names, _issued_in(conn, round_id))


def _issued_in(conn: Conn, round_id: str) -> set[str]:
    from tdkt.db import sql

    return {str(a) for a in sql.scalars(
        conn, "SELECT award FROM reg_decisions WHERE round_id = :r AND current = 1", {"r": round_id})}


def _changed(old: Sequence[Mapping[str, Any]], new: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The old nominees whose result the new list drops or changes (verdict or findings)."""
    now: dict[str, set[str]] = {}
    for n in new:
        now.setdefault(nominee_key(n), set()).add(facts(n) + str(n.get("verdict")))
    return [o for o in old if facts(o) + str(o.get("verdict")) not in now.get(nominee_key(o), set())]


def _names(noms: Sequence[Mapping[str, Any]], limit: int = 5) -> str:
    shown = ", ".join(str(n.get("name") or "?") for n in noms[:limit])
    return shown + (f" và {len(noms) - limit} hồ sơ khác" if len(noms) > limit else "")


def store_validation(
    url: str,
    round_id: str,
    parts: Sequence[tuple[Mapping[str, str], dict[str, Any]]],
    *,
    ruleset: str | None = None,
    force: bool = False,
    command: str | None = None,
) -> list[FileStored]:
    """Store the validation of nomination lists in a round, one run per list (see the module doc).

    Args:
        parts: for each list, its identity (:func:`file_input`) and its validate document (only
            that file's nominees and findings).
        force: replace a list even where the change touches what an officer already acted on (the
            settled reviews of the nominees it changes are re-opened), or replace a list of the
            same file name from another folder.

    Raises:
        WorkspaceError: a replacement needs ``force`` (nothing is stored; the message says why).
    """
    get_round(url, round_id)
    names = [PurePath(i["path"]).name for i, _ in parts]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise WorkspaceError(
            f"Có hai tệp cùng tên {twice[0]} ở hai thư mục khác nhau: mã hồ sơ trong đợt dựa vào tên tệp. "
            "Đổi tên một tệp (vd thêm tên đơn vị) rồi thẩm định lại; không lưu gì."
        )
    now = dt.datetime.now()
    out: list[FileStored] = []
    with writing(url) as conn:
        current = _runs_in(conn, round_id, "validate", nominees=False)  # a list's nominees read when needed
        loaded: dict[int, Run] = {}

        def whole(run: Run) -> Run:
            if run.id not in loaded:
                loaded[run.id] = _full(conn, run)
            return loaded[run.id]

        by_path = {r.inputs[0]["path"]: r for r in current if r.inputs}
        acted: _Acted | None = None
        plan: list[tuple[Mapping[str, str], dict[str, Any], Run | None, list[Mapping[str, Any]]]] = []
        refusals: list[str] = []
        for inp, doc in parts:
            path, sha, name = inp["path"], inp["sha256"], PurePath(inp["path"]).name
            count = len(doc.get("nominees", []))
            old = by_path.get(path)
            if old is None:
                twin = next((r for r in current if r.inputs and r.inputs[0].get("sha256") == sha), None)
                if twin is not None:
                    out.append(FileStored(name, path, sha, "unchanged", count, same_as=twin.inputs[0]["path"]))
                    continue
                clash = next((r for r in current if r.inputs and PurePath(r.inputs[0]["path"]).name == name), None)
                if clash is not None and not force:
                    refusals.append(
                        f"đợt đã có danh sách {name} từ thư mục khác ({clash.inputs[0]['path']}); nếu là hai danh "
                        "sách khác nhau, đổi tên một tệp (vd thêm tên đơn vị); nếu là cùng danh sách đã chuyển chỗ, "
                        "chạy lại với --force để thay"
                    )
                    continue
                old = clash
            elif old.inputs[0].get("sha256") == sha and _same_result(whole(old).payload, doc):
                out.append(FileStored(name, path, sha, "unchanged", count, run=old.id))
                continue
            changed: list[Mapping[str, Any]] = []
            if old is not None:
                old = whole(old)
                changed = _changed(old.payload.get("nominees", []), doc.get("nominees", []))
                if changed:
                    acted = acted or _acted(conn, round_id)
                    touched = [(n, acted.why(n)) for n in changed if acted.why(n)]
                    if touched and not force:
                        reasons = sorted({w for _, ws in touched for w in ws})
                        refusals.append(
                            f"thay {name} sẽ đổi kết quả của {len(touched)} hồ sơ đã được xử lý "
                            f"({', '.join(reasons)}): {_names([n for n, _ in touched])}; chạy lại với --force để thay "
                            "(kết quả cũ giữ trong lịch sử, các trường hợp đã xem xét sẽ được mở lại)"
                        )
                        continue
            plan.append((inp, doc, old, changed))
        if refusals:
            raise WorkspaceError(f"Đợt {round_id}: " + "; ".join(refusals) + ". Không lưu gì.")
        for inp, doc, old, changed in plan:
            name = PurePath(inp["path"]).name
            reopened: list[Settlement] = []
            if old is not None and changed:
                acted = acted or _acted(conn, round_id)
                keys = {nominee_key(n) for n in changed}
                reopened = [s for k in keys for s in acted.settled.get(k, [])]
                _retire(conn, [s.run for s in reopened])
            if old is not None:
                _retire(conn, [old.id])
            new_id = _insert(conn, round_id, "validate", doc, inputs=[inp], ruleset=ruleset, now=now)
            out.append(FileStored(name, inp["path"], inp["sha256"], "replaced" if old is not None else "added",
                                  len(doc.get("nominees", [])), run=new_id, replaced=old.id if old else None,
                                  reopened=tuple(dict.fromkeys(s.name for s in reopened))))
        if any(f.action != "unchanged" for f in out):
            from tdkt.register.audit import record

            record(conn, "validate", command or f"tdkt validate --session {round_id}{' --force' if force else ''}",
                   inputs=[dict(i) for i, _ in parts], ruleset=ruleset,
                   details={"files": [f.to_dict() for f in out if f.action != "unchanged"]})
    order = {PurePath(i["path"]).name: k for k, (i, _) in enumerate(parts)}
    return sorted(out, key=lambda f: order.get(f.file, 0))


# ------------------------------------------------------------------------------------ tallies


def _tally_awards(run: Run) -> list[str]:
    awards = [str(r.get("award") or "") for r in run.payload.get("results", [])]
    if run.award:
        awards.append(run.award)
    return list(dict.fromkeys(awards))


def _claimed(current: Sequence[Run]) -> list[Run]:
    """Each current tally with only the results of the awards it is still current for: for every
    award, the newest tally that counted it."""
    taken: set[str] = set()
    out: list[Run] = []
    for run in sorted(current, key=lambda r: r.id, reverse=True):
        mine = [a for a in _tally_awards(run) if a not in taken]
        taken.update(mine)
        if not mine:
            continue
        results = [r for r in run.payload.get("results", []) if str(r.get("award") or "") in mine]
        out.append(Run(run.id, run.round_id, run.kind, run.award, run.created_at, run.tdkt_version, run.ruleset,
                       run.inputs, {**run.payload, "results": results, "awards": mine}, run.current))
    return sorted(out, key=lambda r: r.id)


def current_tallies(url: str, round_id: str) -> list[Run]:
    """The round's tallies as they are now: one current tally per award (the newest that counted it);
    each run's payload keeps only the results of its awards (``awards`` lists them)."""
    return _claimed(runs(url, round_id, "tally"))


def ballots_of(inputs: Sequence[Mapping[str, str]]) -> tuple[str, ...]:
    """The ballot files a tally counted, by content (a second entry given to --verify left out)."""
    return tuple(sorted(i.get("sha256", "") for i in inputs if i.get("role") != "verify"))


@dataclass(frozen=True)
class TallyStored:
    action: Action
    run: int | None
    awards: tuple[str, ...]
    replaced: tuple[int, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"action": self.action, "run": self.run, "awards": list(self.awards), "replaced": list(self.replaced)}


def store_tally(
    url: str,
    round_id: str,
    document: dict[str, Any],
    *,
    inputs: Sequence[Mapping[str, str]],
    ruleset: str | None = None,
    award: str | None = None,
    force: bool = False,
    command: str | None = None,
) -> TallyStored:
    """Store a tally: for each award it counted it becomes the round's current tally.

    Without ``force`` it may replace an earlier tally of the same ballots (the same files by
    content); the same ballots with the same results are not stored again. Other ballots for an
    award already counted, or an award whose decision is recorded in the register, need ``force``.

    Raises:
        WorkspaceError: a replacement needs ``force`` (nothing stored).
    """
    from tdkt import awards as award_names

    get_round(url, round_id)
    probe = Run(0, round_id, "tally", award, dt.datetime.now(), __version__, ruleset, [dict(i) for i in inputs],
                document, True)
    mine = _tally_awards(probe)
    with writing(url) as conn:
        claimed = _claimed(_runs_in(conn, round_id, "tally"))
        overlap = [r for r in claimed if set(r.payload["awards"]) & set(mine)]
        if overlap:
            same = all(ballots_of(r.inputs) == ballots_of(inputs) for r in overlap)
            before = {(str(x.get("award") or ""), str(x.get("nominee") or x.get("name"))): x
                      for r in overlap for x in r.payload.get("results", [])}
            now = {(str(x.get("award") or ""), str(x.get("nominee") or x.get("name"))): x
                   for x in document.get("results", [])}
            covered = {a for r in overlap for a in r.payload["awards"]}
            recorded = {i.get("sha256") for r in overlap for i in r.inputs}
            if same and before == now and set(mine) <= covered and {i.get("sha256") for i in inputs} <= recorded:
                return TallyStored("unchanged", overlap[-1].id, tuple(mine))
            named = ", ".join(award_names.name(a) if a else "(không ghi hình thức)"
                              for a in sorted(set(mine) & covered))
            if not same and not force:
                files = ", ".join(dict.fromkeys(PurePath(i["path"]).name for r in overlap for i in r.inputs
                                                if i.get("role") != "verify"))
                raise WorkspaceError(
                    f"Đợt {round_id} đã có kết quả kiểm phiếu {named} từ các phiếu khác ({files}); "
                    "chạy lại với --force để thay (kết quả cũ giữ trong lịch sử). Không lưu gì."
                )
            hit = sorted(_issued_in(conn, round_id) & set(mine) & covered)
            if hit and not force:
                raise WorkspaceError(
                    f"Quyết định {', '.join(award_names.name(a) for a in hit)} của đợt {round_id} đã ghi vào sổ; "
                    "kiểm phiếu lại cần --force (rồi ghi lại quyết định bằng 'tdkt register issue … --force'). "
                    "Không lưu gì."
                )
        new_id = _insert(conn, round_id, "tally", document, inputs=inputs, ruleset=ruleset, award=award)
        gone = [r.id for r in overlap if set(r.payload["awards"]) <= set(mine)]
        _retire(conn, gone)
        from tdkt.register.audit import record

        record(conn, "tally", command or f"tdkt tally --session {round_id}{' --award ' + award if award else ''}"
               f"{' --force' if force else ''}", inputs=[dict(i) for i in inputs], ruleset=ruleset,
               details={"run": new_id, "awards": mine, "replaced": [r.id for r in overlap]})
    return TallyStored("replaced" if overlap else "added", new_id, tuple(mine), tuple(r.id for r in overlap))


# ------------------------------------------------------------------------------------ reviews


@dataclass(frozen=True)
class ReviewEntry:
    """A review decision to store: its payload (see :class:`Settlement`) and the list it is about."""

    payload: dict[str, Any]
    inputs: list[dict[str, str]]
    ruleset: str | None
    award: str | None


def record_reviews(
    url: str,
    round_id: str,
    entries: Sequence[ReviewEntry],
    *,
    retire: Callable[[Settlement], bool],
    action: str,
    command: str,
    details: dict[str, Any] | None = None,
) -> list[int]:
    """Store review decisions (:mod:`tdkt.review`): in one transaction, the current decisions that
    ``retire`` picks go to the history, ``entries`` are inserted, and the audit log says so.
    Returns the ids retired."""
    with writing(url) as conn:
        gone = [s.run for s in map(Settlement.of, _runs_in(conn, round_id, "review")) if retire(s)]
        _retire(conn, gone)
        now = dt.datetime.now()
        new = [_insert(conn, round_id, "review", e.payload, inputs=e.inputs, ruleset=e.ruleset, award=e.award, now=now)
               for e in entries]
        from tdkt.register.audit import record

        record(conn, action, command, inputs=[i for e in entries for i in e.inputs][:50],
               details={**(details or {}), "session": round_id, "runs": new, "replaced": gone})
    return gone


def issued_awards(url: str, round_id: str) -> set[str]:
    """The awards of the round whose signed decision is recorded in the register."""
    from tdkt.db import query

    return {str(a) for (a,) in query(url, "SELECT award FROM reg_decisions WHERE round_id = :r AND current = 1",
                                     {"r": round_id})}

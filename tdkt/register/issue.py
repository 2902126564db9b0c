"""`tdkt register issue`: record a signed decision and put its awardees into the register.

The awardees are the nominees of the round's stored validation with the award and verdict "pass",
and — when the council voted on the award (a stored tally has results for it) — whose result passed
and, where seats were limited, was elected. Each awardee is matched to a register person exactly as an
import row is (CCCD, staff code, then name + birth date + unit; ambiguity stops the issue), and the
award and the initiatives the nomination used enter the register in one transaction with the
decision's number and date, which render then prints on the documents.

Identity fields and initiatives come from the nomination lists the validation read: their paths and
SHA-256 are in the stored run, and the files are read again (a changed file is refused). Fields the
validation payload carries itself (cccd, staff_code, birth_date, unit, …) are used when a list can
no longer be read.
"""

from __future__ import annotations

import datetime as dt
import shlex
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tdkt import messages
from tdkt.award_types import award_type
from tdkt.errors import InputError, WorkspaceError
from tdkt.findings import Finding, count_errors, sort_findings
from tdkt.register import audit, identity
from tdkt.register.importing import add_award, add_initiative, ambiguity
from tdkt.text import clean, fold
from tdkt.util import sha256_file

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from tdkt.models import Nominee

messages.register(
    "register.no-tally", "warning",
    "Đợt {round} chưa lưu kết quả kiểm phiếu cho {award}; người được khen lấy theo kết quả thẩm định (đạt).",
    "Khen thưởng cần Hội đồng bỏ phiếu thì phải có kết quả kiểm phiếu trước khi ban hành quyết định.",
)
messages.register(
    "register.input-missing", "warning",
    "Không còn tệp {path} mà bước thẩm định đã đọc; danh tính lấy theo kết quả thẩm định, sáng kiến đã dùng không được ghi.",
    "Ban hành đọc lại danh sách đề nghị để lấy CCCD, ngày sinh và sáng kiến của người được khen.",
)
messages.register(
    "register.not-in-tally", "warning",
    "'{name}' đạt thẩm định nhưng không có trong kết quả kiểm phiếu {award}; không đưa vào quyết định.",
    "Người chưa được Hội đồng bỏ phiếu thì không thể có tên trong quyết định.",
)

messages.register(
    "register.already-awarded", "warning",
    "'{name}' đã có {award} năm {year} theo quyết định {decision}; kiểm tra trước khi ký (một thành tích chỉ khen một lần).",
    "Luật Thi đua, khen thưởng 2022 Điều 5 k2 c: một thành tích không được khen thưởng nhiều lần hoặc bằng nhiều hình thức.",
)


@dataclass(frozen=True)
class IssuedDecision:
    """A decision recorded as signed: its number and date go into the rendered documents."""

    round_id: str
    award: str
    number: int
    date: dt.date
    signer: str | None = None
    number_text: str | None = None  # "05/QĐ-UBND" when the numbering symbol was known
    awardees: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "session": self.round_id,
            "award": self.award,
            "number": self.number,
            "number_text": self.number_text,
            "date": self.date.isoformat(),
            "signer": self.signer,
            "awardees": self.awardees,
        }


@dataclass
class IssueResult:
    decision: IssuedDecision
    committed: bool
    awardees: list[dict[str, Any]] = field(default_factory=list)
    people_created: int = 0
    initiatives_added: int = 0
    findings: list[Finding] = field(default_factory=list)
    entry_id: int | None = None

    @property
    def errors(self) -> int:
        return count_errors(self.findings)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": 1,
            "committed": self.committed,
            "decision": self.decision.to_dict(),
            "awardees": self.awardees,
            "summary": {
                "awardees": len(self.awardees),
                "people_created": self.people_created,
                "initiatives_added": self.initiatives_added,
                "errors": self.errors,
            },
            "log_entry": self.entry_id,
            "findings": [f.to_dict() for f in self.findings],
        }


class _Rollback(Exception):
    pass


def issued_decision(url: str, round_id: str, award_id: str) -> IssuedDecision | None:
    """The signed decision recorded for a round and award, or None when not issued yet."""
    from sqlalchemy import func, select

    from tdkt.db import reading
    from tdkt.db.schema import reg_awards, reg_decisions

    with reading(url) as conn:
        row = conn.execute(
            select(reg_decisions).where(
                reg_decisions.c.round_id == round_id, reg_decisions.c.award == award_id, reg_decisions.c.current == 1
            )
        ).first()
        if row is None:
            return None
        count = conn.execute(select(func.count()).where(reg_awards.c.decision_id == row.id)).scalar_one()
        text = conn.execute(select(reg_awards.c.decision_number).where(reg_awards.c.decision_id == row.id).limit(1)).scalar()
    return IssuedDecision(round_id, award_id, row.number, row.date, row.signer, text, int(count))


def issued_decisions(url: str) -> list[IssuedDecision]:
    from sqlalchemy import select

    from tdkt.db import reading
    from tdkt.db.schema import reg_decisions

    with reading(url) as conn:
        rows = conn.execute(
            select(reg_decisions.c.round_id, reg_decisions.c.award)
            .where(reg_decisions.c.current == 1)
            .order_by(reg_decisions.c.date, reg_decisions.c.id)
        ).all()
    return [d for d in (issued_decision(url, r.round_id, r.award) for r in rows) if d is not None]


def issue(
    url: str,
    round_id: str,
    award_id: str,
    number: int,
    date: dt.date,
    *,
    symbol: str | None = None,
    signer: str | None = None,
    force: bool = False,
    columns: dict[str, str] | None = None,
) -> IssueResult:
    """Record the signed decision for ``award_id`` in round ``round_id`` and register its awardees.

    Args:
        number: the decision's number (05 in "05/QĐ-UBND").
        date: the date it was signed.
        symbol: the numbering symbol ("QĐ-UBND"); the register then keeps "05/QĐ-UBND".
        force: replace a decision already recorded for this round and award (its awardees are
            taken out of the register and the new ones put in), or reuse a number already taken.
        columns: the workspace's extra header mappings, to read the lists again as validate did.

    Raises:
        WorkspaceError: no such round, no stored validation, no awardee, already issued, number taken.
        InputError: a nomination list the validation read has changed or is unreadable.
    """
    from tdkt import awards, rounds

    rnd = rounds.get_round(url, round_id)
    if number < 1:
        raise WorkspaceError(f"Số quyết định phải là số nguyên dương (nhận được {number}).")
    current = rounds.current_validation(url, rnd.id)
    if current is None:
        raise WorkspaceError(f"Đợt {rnd.id} chưa có kết quả thẩm định được lưu; chạy 'tdkt validate' trước.")
    validated = [(f.run, n) for f, n in current.nominees()]  # the Thường trực's review decisions applied
    proposed = {n.get("award") for _run, n in validated}
    if award_id not in awards.catalogue() and award_id not in proposed:  # overlay titles come with the validation
        raise WorkspaceError(f"Mã khen thưởng '{award_id}' không có trong danh mục lẫn kết quả thẩm định của đợt "
                             f"{rnd.id} (xem 'tdkt rules list').")
    entries = [(run, n) for run, n in validated if n.get("award") == award_id and n.get("verdict") == "pass"]
    findings: list[Finding] = []
    tallied = [r for run in rounds.current_tallies(url, rnd.id) for r in run.payload.get("results", [])
               if r.get("award") == award_id]
    if tallied:
        entries = _voted(entries, tallied, award_id, findings)
    else:
        findings.append(messages.make("register.no-tally", round=rnd.id, award=awards.name(award_id)))
    if not entries:
        raise WorkspaceError(
            f"Đợt {rnd.id} không có ai đạt thẩm định{' và được Hội đồng thông qua' if tallied else ''} "
            f"cho {awards.name(award_id)}; không ghi gì."
        )
    listed = _reread([run for run, _ in entries], columns, findings)
    number_text = f"{number:02d}/{symbol}" if symbol else f"{number:02d}"
    decision = IssuedDecision(rnd.id, award_id, number, date, signer, number_text, len(entries))
    result = IssueResult(decision, committed=False, findings=findings)
    inputs = [i for run in {id(r): r for r, _ in entries}.values() for i in run.inputs]
    command = shlex.join(["tdkt", "register", "issue", "--session", rnd.id, "--award", award_id,
                          "--number", str(number), "--date", date.isoformat(), *(["--force"] if force else [])])
    ruleset = next((run.ruleset for run, _ in entries if run.ruleset), None)
    try:
        with audit.changing(url, "register.issue", command, inputs=inputs, ruleset=ruleset) as change:
            decision_id = _record_decision(change.conn, decision, force)
            for _run, entry in entries:
                _issue_one(change.conn, rnd, decision, decision_id, entry, listed.get(str(entry.get("id"))), result)
            if result.errors:
                raise _Rollback
            change.details.update(session=rnd.id, award=award_id, number=number, date=date.isoformat(),
                                  awardees=len(result.awardees), people_created=result.people_created)
        result.committed = True
        result.entry_id = change.entry_id
    except _Rollback:
        result.committed = False
    result.findings = sort_findings(result.findings)
    return result


def _voted(entries: list[tuple[Any, dict[str, Any]]], tallied: list[dict[str, Any]], award_id: str,
           findings: list[Finding]) -> list[tuple[Any, dict[str, Any]]]:
    """Keep the nominees whose vote passed (and who were elected where seats were limited)."""
    by_id = {str(r.get("nominee")): r for r in tallied}
    by_name: dict[str, list[dict[str, Any]]] = {}
    for r in tallied:
        by_name.setdefault(fold(str(r.get("name") or "")), []).append(r)
    kept = []
    for run, entry in entries:
        res = by_id.get(str(entry.get("id")))
        if res is None:
            same = by_name.get(fold(str(entry.get("name") or "")), [])
            res = same[0] if len(same) == 1 else None
        if res is None:
            from tdkt import awards

            findings.append(messages.make("register.not-in-tally", name=entry.get("name"), award=awards.name(award_id)))
            continue
        if res.get("passed") is True and res.get("elected") is not False:
            kept.append((run, entry))
    return kept


def _reread(runs: list[Any], columns: dict[str, str] | None, findings: list[Finding]) -> dict[str, Nominee]:
    """The nominees of the lists the validation runs read, by id; a changed file is refused, a missing
    one is a warning (the validation's own fields are used for its people)."""
    from tdkt.ingest import read_nominations

    out: dict[str, Nominee] = {}
    seen: set[str] = set()
    for run in runs:
        paths = []
        for item in run.inputs:
            path = Path(item["path"])
            if item["path"] in seen:
                continue
            seen.add(item["path"])
            if not path.is_file():
                findings.append(messages.make("register.input-missing", path=item["path"]))
                continue
            if item.get("sha256") and sha256_file(path) != item["sha256"]:
                raise InputError(
                    f"Tệp {path.name} đã thay đổi sau khi thẩm định (SHA-256 khác với lúc chạy 'tdkt validate'); "
                    "hãy thẩm định lại trước khi ban hành.",
                    code="input.changed",
                )
            paths.append(path)
        if paths:
            read = read_nominations(paths, columns=columns)
            out.update({n.id: n for n in read.nominees})
    return out


def _record_decision(conn: Connection, decision: IssuedDecision, force: bool) -> int:
    from sqlalchemy import and_, delete, select, update

    from tdkt.db.schema import reg_awards, reg_decisions, reg_initiatives

    d = reg_decisions.c
    existing = conn.execute(
        select(d.id).where(d.round_id == decision.round_id, d.award == decision.award, d.current == 1)
    ).first()
    if existing is not None:
        if not force:
            raise WorkspaceError(
                f"Quyết định {decision.award} của đợt {decision.round_id} đã được ghi nhận; "
                "dùng --force để ghi lại (người được khen của lần trước được thay)."
            )
        old = [r.id for r in conn.execute(select(reg_awards.c.id).where(reg_awards.c.decision_id == existing.id))]
        if old:
            conn.execute(delete(reg_initiatives).where(reg_initiatives.c.award_row.in_(old)))
            conn.execute(delete(reg_awards).where(reg_awards.c.id.in_(old)))
        conn.execute(update(reg_decisions).where(d.id == existing.id).values(current=0))
    clash = conn.execute(
        select(d.round_id, d.award).where(
            and_(d.number == decision.number, d.current == 1,
                 d.date >= dt.date(decision.date.year, 1, 1), d.date <= dt.date(decision.date.year, 12, 31))
        )
    ).first()
    if clash is not None and not force:
        raise WorkspaceError(
            f"Số quyết định {decision.number} năm {decision.date.year} đã dùng cho {clash.award} của đợt "
            f"{clash.round_id}; kiểm tra lại số (hoặc dùng --force nếu đúng là số này)."
        )
    inserted = conn.execute(
        reg_decisions.insert().values(
            round_id=decision.round_id, award=decision.award, number=decision.number, date=decision.date,
            signer=decision.signer, current=1, created_at=dt.datetime.now(),
        )
    )
    return int(inserted.inserted_primary_key[0])  # type: ignore[index]


def _date(value: Any) -> dt.date | None:
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _issue_one(conn: Connection, rnd: Any, decision: IssuedDecision, decision_id: int, entry: dict[str, Any],
               nominee: Nominee | None, result: IssueResult) -> None:
    from tdkt.findings import CellRef

    if nominee is not None:
        ident = identity.Identity.of(nominee)
        cell: CellRef | None = nominee.source
        year = nominee.year
    else:
        ident = identity.Identity(
            kind=str(entry.get("kind") or "individual"),
            name=clean(str(entry.get("name") or "")),
            birth_date=_date(entry.get("birth_date")),
            birth_year=entry.get("birth_year"),
            gender=entry.get("gender"),
            cccd=identity.norm_cccd(entry.get("cccd")),
            staff_code=identity.norm_code(entry.get("staff_code")),
            position=entry.get("position"),
            unit=clean(str(entry["unit"])) if entry.get("unit") else None,
        )
        cell = CellRef(file=str(entry["file"]), sheet=entry.get("sheet"), row=entry.get("row")) if entry.get("file") else None
        year = entry.get("year")
    year = year or (max(rnd.years) if rnd.years else decision.date.year - 1)
    match, person_id = identity.place(conn, ident)
    if person_id is None:
        result.findings.append(ambiguity(ident, match, cell))
        return
    if match.person_id is None:
        result.people_created += 1
    from sqlalchemy import select

    from tdkt import awards
    from tdkt.db.schema import reg_awards

    earlier = conn.execute(select(reg_awards.c.decision_number).where(
        reg_awards.c.person_id == person_id, reg_awards.c.award == decision.award, reg_awards.c.year == year,
        reg_awards.c.round_id.is_(None) | (reg_awards.c.round_id != decision.round_id))).scalars().first()
    if earlier is not None:
        result.findings.append(messages.make("register.already-awarded", cell=cell, name=ident.name, year=year,
                                             award=awards.name(decision.award), decision=earlier or "?"))
    award_row = add_award(
        conn, person_id, award=decision.award, award_text=entry.get("award_name") or awards.name(decision.award),
        year=year,
        period_from=None, period_to=None, decision_number=decision.number_text, decision_date=decision.date,
        unit=ident.unit, source=f"issue {decision.round_id}", round_id=decision.round_id, decision_id=decision_id,
        # The round's nominees passed tdkt's criteria, which are the công trạng ones of the pack; a row that
        # says otherwise ("Bằng khen đột xuất") keeps what it says.
        award_type=(award_type(nominee.award_text) if nominee is not None else None) or "cong_trang",
    )
    used = 0
    for initiative in nominee.initiatives if nominee is not None else ():
        if initiative.title and add_initiative(
            conn, person_id, title=initiative.title, level=initiative.level, year=initiative.year,
            decision=initiative.decision, used_for=decision.award, award_row=award_row, kind=initiative.kind,
        ):
            used += 1
    result.initiatives_added += used
    result.awardees.append({"nominee": entry.get("id"), "name": ident.name, "person": person_id,
                            "match": match.kind, "initiatives": used})

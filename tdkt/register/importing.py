"""`tdkt register import`: past awards from history files into the register, all or nothing.

Every file is read first; then, in ONE locked transaction, each row is matched to a person (or a new
person is created), and its award and initiative are added unless the register already holds them
(so importing the same file twice, or an export of the register, adds nothing). If any row has an
error finding — an unreadable value, a missing name or award, an identity the register cannot tell
apart from another — the transaction is rolled back: nothing of any file is written.
"""

from __future__ import annotations

import datetime as dt
import shlex
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tdkt import messages
from tdkt.findings import Finding, count_errors, sort_findings
from tdkt.register import audit, identity

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from tdkt.register.reading import HistoryRow

messages.register(
    "register.ambiguous-identity", "error",
    "Không xác định được '{who}' là ai trong sổ: có thể là {candidates}. Chọn bằng "
    "'tdkt register settle {key} --person SỐ' hoặc 'tdkt register settle {key} --new' (người khác), rồi chạy lại.",
    "Hai người trùng hoặc gần trùng họ tên không bao giờ được gộp ngầm; cán bộ xác định một lần và sổ ghi nhớ.",
)
messages.register(
    "register.id-name-differs", "warning",
    "Số định danh của '{who}' trùng với người #{person} '{name}' trong sổ nhưng họ tên khác; đã ghi cho #{person}.",
    "Cùng CCCD/mã CBCCVC là cùng một người; họ tên khác có thể do gõ sai CCCD hoặc đổi tên — cần kiểm tra.",
)
messages.register(
    "register.already-recorded", "info",
    "Khen thưởng này đã có trong sổ (người #{person}); bỏ qua, không ghi trùng.",
    "Nhập lại cùng một tệp, hay tệp trùng một phần, không làm sổ có bản ghi trùng.",
)


class _Rollback(Exception):
    """Raised inside the transaction to undo it when a row has an error finding."""


@dataclass
class ImportResult:
    """What an import did (or, when ``committed`` is False, why it did nothing)."""

    files: list[dict[str, str]]
    committed: bool
    rows: int = 0
    awards_added: int = 0
    duplicates: int = 0
    initiatives_added: int = 0
    people_created: int = 0
    people_matched: int = 0
    findings: list[Finding] = field(default_factory=list)
    entry_id: int | None = None

    @property
    def errors(self) -> int:
        return count_errors(self.findings)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": 1,
            "committed": self.committed,
            "files": self.files,
            "summary": {
                "rows": self.rows,
                "awards_added": self.awards_added,
                "duplicates": self.duplicates,
                "initiatives_added": self.initiatives_added,
                "people_created": self.people_created,
                "people_matched": self.people_matched,
                "errors": self.errors,
            },
            "log_entry": self.entry_id,
            "findings": [f.to_dict() for f in self.findings],
        }


def import_files(
    url: str, paths: list[Path], *, columns: dict[str, str] | None = None, extra_awards: dict[str, str] | None = None
) -> ImportResult:
    """Import history files into the register at ``url``.

    Args:
        url: the register's SQLAlchemy URL.
        paths: .xlsx/.xls/.ods/.csv decision lists or registers.
        columns: extra header → field mappings (``tdkt.toml`` [legal.columns]).
        extra_awards: folded aliases of council-overlay titles → their ids.

    Returns:
        ImportResult; ``committed`` is False (and nothing was written) when any row has an error.

    Raises:
        InputError: a file cannot be read or has no recognisable table (nothing is written).
    """
    from tdkt.register.reading import read_history

    read = read_history(paths, columns=columns, extra_awards=extra_awards)  # raises InputError naming the file before anything is written
    inputs = audit.file_inputs(paths)
    result = ImportResult(files=inputs, committed=False, rows=len(read.rows), findings=list(read.findings))
    command = shlex.join(["tdkt", "register", "import", *(str(p) for p in paths)])
    try:
        with audit.changing(url, "register.import", command, inputs=inputs) as change:
            for row in read.rows:
                _import_row(change.conn, row, result)
            if result.errors:
                raise _Rollback
            change.details.update(
                rows=result.rows, awards_added=result.awards_added, duplicates=result.duplicates,
                initiatives_added=result.initiatives_added, people_created=result.people_created,
                people_matched=result.people_matched,
            )
        result.committed = True
        result.entry_id = change.entry_id
    except _Rollback:
        result.committed = False
    result.findings = sort_findings(result.findings)
    return result


def _import_row(conn: Connection, row: HistoryRow, result: ImportResult) -> None:
    ident = row.ident
    match, person_id = identity.place(conn, ident)
    if person_id is None:
        result.findings.append(ambiguity(ident, match, row.cells.get("name", row.source)))
        return
    if match.person_id is None:
        result.people_created += 1
    else:
        result.people_matched += 1
        if "id-name-differs" in match.notes:
            cell = row.cells.get("cccd" if ident.cccd else "staff_code", row.source)
            result.findings.append(_id_name_differs(conn, ident, person_id, cell))
    award_row = add_award(
        conn, person_id,
        award=row.award, award_text=row.award_text, year=row.year, period_from=row.period_from,
        period_to=row.period_to, decision_number=row.decision_number, decision_date=row.decision_date,
        unit=ident.unit, source=f"{row.source}", award_type=row.type,
    )
    if award_row is None:
        result.duplicates += 1
        result.findings.append(messages.make("register.already-recorded", cell=row.source, person=person_id))
    else:
        result.awards_added += 1
    for initiative in row.initiatives:
        if initiative.title and add_initiative(
            conn, person_id, title=initiative.title, level=initiative.level,
            year=initiative.year or row.year or row.period_to, decision=initiative.decision,
            used_for=initiative.used_for or row.award or row.award_text, award_row=award_row, kind=initiative.kind,
        ):
            result.initiatives_added += 1


def ambiguity(ident: identity.Identity, match: identity.Match, cell: Any) -> Finding:
    return messages.make(
        "register.ambiguous-identity", cell=cell, who=ident.label(),
        candidates="; ".join(c.describe() for c in match.candidates), key=ident.key(),
    )


def _id_name_differs(conn: Connection, ident: identity.Identity, person_id: int, cell: Any) -> Finding:
    from sqlalchemy import select

    from tdkt.db.schema import reg_people

    name = conn.execute(select(reg_people.c.name).where(reg_people.c.id == person_id)).scalar_one()
    return messages.make("register.id-name-differs", cell=cell, who=ident.name, person=person_id, name=name)


def _same(column: Any, value: Any) -> Any:
    return column.is_(None) if value is None else column == value


def add_award(
    conn: Connection,
    person_id: int,
    *,
    award: str | None,
    award_text: str | None,
    year: int | None,
    period_from: int | None,
    period_to: int | None,
    decision_number: str | None,
    decision_date: dt.date | None,
    unit: str | None,
    source: str,
    round_id: str | None = None,
    decision_id: int | None = None,
    award_type: str | None = None,
) -> int | None:
    """Add an award to a person unless the same one is already there; returns the new row id or None."""
    from sqlalchemy import select

    from tdkt.db.schema import reg_awards as a

    what = _same(a.c.award, award) if award else _same(a.c.award_text, award_text)
    existing = conn.execute(
        select(a.c.id).where(
            a.c.person_id == person_id, what, _same(a.c.year, year), _same(a.c.period_from, period_from),
            _same(a.c.period_to, period_to), _same(a.c.decision_number, decision_number),
        )
    ).first()
    if existing is not None:
        return None
    inserted = conn.execute(
        a.insert().values(
            person_id=person_id, award=award, award_text=award_text, year=year, period_from=period_from,
            period_to=period_to, decision_number=decision_number, decision_date=decision_date, unit=unit,
            round_id=round_id, decision_id=decision_id, source=source, created_at=dt.datetime.now(),
            award_type=award_type,
        )
    )
    return int(inserted.inserted_primary_key[0])  # type: ignore[index]


def add_initiative(
    conn: Connection,
    person_id: int,
    *,
    title: str,
    level: str | None,
    year: int | None,
    decision: str | None,
    used_for: str | None,
    award_row: int | None,
    kind: str = "sang_kien",
) -> bool:
    """Record an initiative and what it was used for, unless the register already has it for the person."""
    from sqlalchemy import select

    from tdkt.db.schema import reg_initiatives as i
    from tdkt.text import fold

    key = fold(title)
    if conn.execute(
        select(i.c.id).where(i.c.person_id == person_id, i.c.title_fold == key, _same(i.c.used_for, used_for))
    ).first():
        return False
    conn.execute(
        i.insert().values(
            person_id=person_id, kind=kind, title=title, title_fold=key, level=level, year=year, decision=decision,
            used_for=used_for, award_row=award_row, created_at=dt.datetime.now(),
        )
    )
    return True

"""Reading the register for people: search, one person's record, export; and identity settlements.

The export writes the same columns ``tdkt register import`` reads, so the data is never locked in:
an exported register imports into an empty one unchanged (and into itself as all duplicates).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tdkt import vocab
from tdkt.errors import UsageError, WorkspaceError
from tdkt.register import audit, identity
from tdkt.text import clean, fold

if TYPE_CHECKING:
    from sqlalchemy import Connection

KIND_VN = {k: vocab.cap(v) for k, v in vocab.KIND.items()}
LEVEL_VN = {k: vocab.cap(v) for k, v in vocab.LEVEL.items()}


@dataclass(frozen=True)
class PersonSummary:
    id: int
    kind: str
    name: str
    birth: str | None
    unit: str | None
    awards: int
    last_year: int | None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "name": self.name, "birth": self.birth, "unit": self.unit,
                "awards": self.awards, "last_year": self.last_year}


def _birth(row: Any) -> str | None:
    if row.birth_date:
        return str(row.birth_date.isoformat())
    return str(row.birth_year) if row.birth_year else None


def search(url: str, text: str, *, limit: int = 200) -> list[PersonSummary]:
    """People whose name or unit contains ``text`` (diacritics and case ignored), or whose CCCD, staff
    code or register id is ``text``."""
    from sqlalchemy import func, or_, select

    from tdkt.db import reading
    from tdkt.db.schema import reg_awards as a
    from tdkt.db.schema import reg_people as p

    key = fold(text)
    if not key:
        raise UsageError("Cần nội dung cần tìm (họ tên, đơn vị, CCCD hoặc mã CBCCVC).")
    conditions = [p.c.name_fold.contains(key, autoescape=True), p.c.cccd == identity.norm_cccd(text),
                  p.c.staff_code == identity.norm_code(text)]
    if text.strip().lstrip("#").isdigit() and len(text.strip().lstrip("#")) <= 9:  # an id, not a CCCD
        conditions.append(p.c.id == int(text.strip().lstrip("#")))
    with reading(url) as conn:
        people = conn.execute(select(p).where(or_(*conditions)).order_by(p.c.name_fold, p.c.id).limit(limit)).all()
        by_unit = [r for r in conn.execute(select(p).where(p.c.unit.is_not(None))).all()
                   if key in fold(r.unit or "") and r.id not in {x.id for x in people}]
        words = key.split()

        def hit(name_fold: str) -> bool:  # every word typed starts a word of the name ("an" ≠ "toan")
            have = name_fold.split()
            return all(any(h.startswith(w) for h in have) for w in words)

        people = [r for r in people if hit(r.name_fold) or r.cccd == identity.norm_cccd(text)
                  or r.staff_code == identity.norm_code(text) or str(r.id) == text.strip().lstrip("#")]
        by_unit = [r for r in by_unit if hit(fold(r.unit or ""))]
        rows = [*people, *by_unit][:limit]
        counts = {
            r.person_id: (r.n, r.last)
            for r in conn.execute(
                select(a.c.person_id, func.count().label("n"), func.max(a.c.year).label("last"))
                .where(a.c.person_id.in_([r.id for r in rows]))
                .group_by(a.c.person_id)
            )
        }
    return [
        PersonSummary(r.id, r.kind, r.name, _birth(r), r.unit, int(counts.get(r.id, (0, None))[0]),
                      counts.get(r.id, (0, None))[1])
        for r in rows
    ]


def find_person(url: str, person: str) -> int:
    """The register id named by ``person``: an id ("12" or "#12"), a CCCD, a staff code, or a name
    that only one person has. Raises WorkspaceError otherwise, listing the candidates."""
    found = search(url, person)
    text = person.strip().lstrip("#")
    exact = [p for p in found if str(p.id) == text] if text.isdigit() else []
    if not exact:
        exact = [p for p in found if fold(p.name) == fold(person)] or found
    if len(exact) == 1:
        return exact[0].id
    if not exact:
        raise WorkspaceError(f"Không có ai trong sổ khớp với '{person}'. Tìm bằng 'tdkt register search'.")
    listed = "; ".join(f"#{p.id} {p.name}{', ' + p.unit if p.unit else ''}" for p in exact[:10])
    raise WorkspaceError(f"'{person}' khớp với {len(exact)} người: {listed}. Hãy nêu số (vd #{exact[0].id}).")


def show(url: str, person: str) -> dict[str, Any]:
    """Everything the register holds on one person (JSON-ready)."""
    from sqlalchemy import select

    from tdkt.db import reading
    from tdkt.db.schema import reg_awards as a
    from tdkt.db.schema import reg_initiatives as i
    from tdkt.db.schema import reg_people as p
    from tdkt.db.schema import reg_settlements as s

    person_id = find_person(url, person)
    with reading(url) as conn:
        row = conn.execute(select(p).where(p.c.id == person_id)).one()
        awards_ = conn.execute(
            select(a).where(a.c.person_id == person_id).order_by(a.c.year, a.c.decision_date, a.c.id)
        ).all()
        inits = conn.execute(select(i).where(i.c.person_id == person_id).order_by(i.c.year, i.c.id)).all()
        settled = conn.execute(select(s).where(s.c.person_id == person_id).order_by(s.c.id)).all()
    return {
        "schema_version": 1,
        "person": _person_dict(row),
        "awards": [_award_dict(r) for r in awards_],
        "initiatives": [
            {"title": r.title, "kind": r.kind, "level": r.level, "year": r.year, "used_for": r.used_for,
             "decision": r.decision}
            for r in inits
        ],
        "settlements": [{"key": r.key, "at": r.created_at.isoformat(timespec="seconds"), "log_entry": r.entry_id}
                        for r in settled],
    }


def _person_dict(row: Any) -> dict[str, Any]:
    return {
        "id": row.id, "kind": row.kind, "name": row.name,
        "birth_date": row.birth_date.isoformat() if row.birth_date else None, "birth_year": row.birth_year,
        "gender": row.gender, "cccd": row.cccd, "staff_code": row.staff_code, "position": row.position,
        "unit": row.unit,
    }


def _award_dict(r: Any) -> dict[str, Any]:
    return {
        "award": r.award, "award_text": r.award_text, "year": r.year, "period_from": r.period_from,
        "period_to": r.period_to, "decision_number": r.decision_number,
        "decision_date": r.decision_date.isoformat() if r.decision_date else None, "unit": r.unit,
        "session": r.round_id, "source": r.source,
    }


# The export's columns: the headers `register import` reads (tdkt.register.reading.HEADERS).
EXPORT_COLUMNS = [
    ("person", "Mã trong sổ"), ("kind", "Loại đối tượng"), ("name", "Họ và tên / Tên tập thể"),
    ("birth", "Ngày sinh"), ("gender", "Giới tính"), ("cccd", "Số CCCD"), ("staff_code", "Mã CBCCVC"),
    ("position", "Chức vụ"), ("unit", "Đơn vị"), ("award_text", "Danh hiệu / Hình thức khen thưởng"),
    ("award", "Mã khen thưởng"), ("year", "Năm"), ("period", "Thời gian thành tích"),
    ("decision_number", "Số quyết định"), ("decision_date", "Ngày quyết định"), ("initiative", "Tên sáng kiến"),
    ("initiative_level", "Cấp công nhận"), ("session", "Đợt xét"),
]


def export_rows(url: str) -> list[dict[str, Any]]:
    """One row per award (with the initiative it rested on, if any), in register order."""
    from sqlalchemy import select

    from tdkt.db import reading
    from tdkt.db.schema import reg_awards as a
    from tdkt.db.schema import reg_initiatives as i
    from tdkt.db.schema import reg_people as p

    with reading(url) as conn:
        people = {r.id: r for r in conn.execute(select(p)).all()}
        awards_ = conn.execute(select(a).order_by(a.c.person_id, a.c.year, a.c.decision_date, a.c.id)).all()
        inits: dict[int | None, list[Any]] = {}
        for r in conn.execute(select(i).order_by(i.c.id)).all():
            inits.setdefault(r.award_row, []).append(r)
    out: list[dict[str, Any]] = []
    for r in awards_:
        person = people[r.person_id]
        base = {
            "person": person.id, "kind": KIND_VN.get(person.kind, person.kind), "name": person.name,
            "birth": person.birth_date or person.birth_year,
            "gender": vocab.cap(vocab.GENDER.get(person.gender or "", "")) or None, "cccd": person.cccd,
            "staff_code": person.staff_code, "position": person.position, "unit": r.unit or person.unit,
            "award_text": r.award_text, "award": r.award, "year": r.year,
            "period": f"{r.period_from}-{r.period_to}" if r.period_from and r.period_to else None,
            "decision_number": r.decision_number, "decision_date": r.decision_date, "initiative": None,
            "initiative_level": None, "session": r.round_id,
        }
        for n in inits.get(r.id, []) or [None]:
            row = dict(base)
            if n is not None:
                row["initiative"], row["initiative_level"] = n.title, LEVEL_VN.get(n.level or "")
            out.append(row)
    return out


def export(url: str, fmt: str, output: Path | None, *, force: bool = False) -> bytes | None:
    """Write the register as xlsx, csv or json to ``output`` (or return the bytes when None), under
    the output policy (:mod:`tdkt.output`): never over the register itself, ``force`` or not.

    Raises:
        OutputError: ``output`` exists and ``force`` is not given, or is the register (exit 3).
    """
    from tdkt import output as policy

    if fmt not in ("xlsx", "csv", "json"):
        raise UsageError(f"Dạng xuất '{fmt}' không hỗ trợ: chọn xlsx, csv hoặc json.")
    register = policy.register_file(url)
    registers = [register] if register is not None else []
    if output is not None:
        policy.check([output], force=force, registers=registers)
    rows = export_rows(url)
    if fmt == "json":
        data = json.dumps({"schema_version": 1, "awards": rows}, ensure_ascii=False, indent=2,
                          default=lambda v: v.isoformat() if isinstance(v, dt.date) else str(v)).encode("utf-8")
    elif fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow([h for _, h in EXPORT_COLUMNS])
        for r in rows:
            writer.writerow([_csv_value(r[k]) for k, _ in EXPORT_COLUMNS])
        data = ("\ufeff" + buf.getvalue()).encode("utf-8")  # BOM: Excel opens UTF-8 CSV correctly
    else:
        data = _xlsx(rows)
    if output is None:
        return data
    policy.write_one(output, data, force=force, registers=registers)
    return None


def _csv_value(value: Any) -> str:
    from tdkt.output import csv_text

    if value is None:
        return ""
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    return str(value) if isinstance(value, int) else csv_text(str(value))


def _xlsx(rows: list[dict[str, Any]]) -> bytes:
    import xlsxwriter

    from tdkt.output import XLSXWRITER_OPTIONS, cell_text

    buf = io.BytesIO()
    book = xlsxwriter.Workbook(buf, {"in_memory": True, **XLSXWRITER_OPTIONS})
    sheet = book.add_worksheet("So theo doi khen thuong")
    bold = book.add_format({"bold": True, "text_wrap": True, "valign": "top", "border": 1})
    date_fmt = book.add_format({"num_format": "dd/mm/yyyy"})
    text_fmt = book.add_format({"num_format": "@"})
    sheet.write_row(0, 0, [h for _, h in EXPORT_COLUMNS], bold)
    for r_index, row in enumerate(rows, start=1):
        for c_index, (key, _) in enumerate(EXPORT_COLUMNS):
            value = row[key]
            if value is None:
                continue
            if isinstance(value, dt.date):
                sheet.write_datetime(r_index, c_index, dt.datetime(value.year, value.month, value.day), date_fmt)
            elif key in ("cccd", "staff_code", "decision_number"):
                sheet.write_string(r_index, c_index, str(value), text_fmt)  # keep leading zeros
            else:
                sheet.write(r_index, c_index, cell_text(value) if isinstance(value, str) else value)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(rows), 1), len(EXPORT_COLUMNS) - 1)
    book.close()
    return buf.getvalue()


def settle(url: str, key: str, person: str | None, *, new: bool = False) -> dict[str, Any]:
    """Remember that rows whose identity key is ``key`` are ``person`` (or, with ``new``, a new person)."""
    key = clean(key).lower()
    if new == (person is not None):
        raise UsageError("Chọn đúng một trong --person SỐ hoặc --new.")
    if len(key) != 10 or any(ch not in "0123456789abcdef" for ch in key):
        raise UsageError(f"Mã xác định '{key}' không hợp lệ: dùng đúng mã 10 ký tự trong thông báo của tdkt.")
    person_id = None if new else find_person(url, person or "")
    command = shlex.join(["tdkt", "register", "settle", key, *(["--new"] if new else ["--person", str(person_id)])])
    with audit.changing(url, "register.settle", command) as change:
        label = _label(change.conn, person_id) if person_id is not None else None
        identity.settle(change.conn, key, person_id, label)
        change.details.update(key=key, person=person_id)
    return {"schema_version": 1, "key": key, "person": person_id, "label": label, "log_entry": change.entry_id}


def _label(conn: Connection, person_id: int) -> str:
    from sqlalchemy import select

    from tdkt.db.schema import reg_people

    return identity.person_label(conn.execute(select(reg_people).where(reg_people.c.id == person_id)).one())

"""Everything `tdkt ingest` needs around read_nominations: the column map it is given, the table it prints."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tdkt import vocab
from tdkt.errors import InputError
from tdkt.findings import sort_findings
from tdkt.ingest.headers import field_label
from tdkt.ingest.nominations import IngestResult

SEVERITY_VN = {k: vocab.cap(v) for k, v in vocab.SEVERITY.items()}
ROLE_VN = vocab.SHEET_ROLE
KIND_VN = vocab.KIND


def load_columns(path: Path | None, workspace_columns: dict[str, str] | None = None) -> dict[str, str] | None:
    """The column map: the workspace's [legal.columns], overridden by a TOML/YAML file (header → field).

    The file may be a plain mapping, or hold it under ``columns`` or ``legal.columns`` (a tdkt.toml).

    Raises:
        InputError: the file cannot be read or is not a mapping of text to text.
    """
    merged: dict[str, str] = dict(workspace_columns or {})
    if path is None:
        return merged or None
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(
            f"Không đọc được tệp ánh xạ cột {path.name}: {exc}", code="input.bad-column-map"
        ) from exc
    data: Any
    try:
        if path.suffix.lower() == ".toml":
            import tomllib

            data = tomllib.loads(text)
        else:
            import yaml

            data = yaml.safe_load(text)
    except Exception as exc:  # tomllib and yaml raise their own error types; both mean "bad syntax"
        raise InputError(
            f"Tệp ánh xạ cột {path.name} sai cú pháp: {exc}", code="input.bad-column-map"
        ) from exc
    if isinstance(data, dict) and isinstance(data.get("legal"), dict) and "columns" in data["legal"]:
        data = data["legal"]["columns"]
    elif isinstance(data, dict) and isinstance(data.get("columns"), dict):
        data = data["columns"]
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in data.items()
    ):
        raise InputError(
            f"Tệp ánh xạ cột {path.name} phải là các dòng 'tiêu đề cột = \"trường\"'.",
            code="input.bad-column-map",
        )
    merged.update(data)
    return merged


GENDER_VN = vocab.GENDER
RATING_SHORT_VN = vocab.RATING_SHORT  # as lists write them


def _summary(record: dict[str, Any], award_name: Callable[[str], str]) -> str:
    """What was understood of a row, in the words a list uses (dates dd/mm/yyyy, ratings, titles)."""
    from tdkt import dates

    parts: list[str] = []
    for key in ("birth_date", "birth_year", "gender", "position", "unit", "cccd"):
        if key in record and record[key] and not (key == "birth_year" and record.get("birth_date")):
            value = record[key]
            parts.append(dates.show_iso(value) if key == "birth_date" else GENDER_VN.get(str(value), str(value)))
    for y in record.get("history", []):
        bits = [RATING_SHORT_VN.get(y["rating"], y["rating"]) if y.get("rating") else None,
                *(award_name(t) for t in y.get("titles", []))]
        parts.append(f"{y['year']}: {', '.join(b for b in bits if b)}")
    for key, label in (("prior_awards", "khen thưởng đã có"), ("initiatives", "sáng kiến"),
                       ("disciplines", "kỷ luật")):
        if record.get(key):
            parts.append(f"{len(record[key])} {label}")
    return "; ".join(parts)


BIG_TABLE = 100  # above this many records or findings a table shows the first SHOWN (the rest: --all, json)
SHOWN = 30


def show(result: IngestResult, *, all_rows: bool = False, award_name: Callable[[str], str] | None = None) -> None:
    """Print, per sheet, the header rows, column → field, the records and then the findings.

    A big list shows its first SHOWN records and its findings counted by kind with a few examples,
    unless ``all_rows``; ``--format json`` always holds everything."""
    from tdkt import console
    from tdkt.awards import name

    award_name = award_name or name
    C = console.Col
    for sheet in result.sheets:
        doc = sheet.to_dict()
        head = f"{sheet.file} — trang tính '{sheet.name}': {ROLE_VN.get(sheet.role, sheet.role)}"
        if sheet.role != "list":
            console.info(console.escape(head + (" (ẩn)" if sheet.hidden else "")))
            continue
        rows = ", ".join(str(r) for r in sheet.header_rows)
        award = award_name(sheet.award) if sheet.award else "—"
        console.info(console.escape(f"{head}; dòng tiêu đề {rows}; danh hiệu: {award}; năm: {sheet.year or '—'}"))
        read = {c.letter: c for c in sheet.cells or ()}
        console.show(console.table(None, [C("Cột", "short"), C("Tiêu đề", "text", priority=3), C("Trường", "name"),
                                          C("Đã đọc", "note", priority=2)],
                                   [[c.letter, c.header, field_label(c.field), _read_text(read.get(c.letter))]
                                    for c in sheet.columns]))
        _not_used(sheet, all_rows)
        found = doc["records"]
        cut = not all_rows and len(found) > BIG_TABLE
        records = [
            [r["row"], r.get("stt"), r["name"], KIND_VN.get(r.get("kind", ""), ""),
             award_name(r["award"]) if r.get("award") else r.get("award_text"), _summary(r, award_name)]
            for r in (found[:SHOWN] if cut else found)
        ]
        title = f"{len(found)} bản ghi" + (f" (in {SHOWN} bản ghi đầu)" if cut else "")
        console.show(console.table(title, [C("Dòng", "short", right=True), C("STT", "short"),
                                           C("Tên", "name", priority=3), C("Loại", "short"), C("Đề nghị", "name"),
                                           C("Chi tiết", "note")], records))
        if cut:
            console.info(f"Còn {len(found) - SHOWN} bản ghi chưa in: thêm --all để in hết, hoặc --format json.")
    findings = sort_findings(result.findings)
    if not findings:
        return
    columns = [C("Mức", "short", priority=3), C("Ô", "short"), C("Nội dung", "note")]
    if all_rows or len(findings) <= BIG_TABLE:
        console.show(console.table(f"{len(findings)} phát hiện", columns, [_finding_row(f) for f in findings]))
        return
    by_code: dict[str, list[Any]] = {}
    for f in findings:
        by_code.setdefault(f.code, []).append(f)
    rows_f = []
    for group in by_code.values():
        rows_f += [_finding_row(f) for f in group[:3]]
        if len(group) > 3:
            rows_f.append(["", "", f"… và {len(group) - 3} phát hiện cùng loại"])
    console.show(console.table(f"{len(findings)} phát hiện (mỗi loại in 3 phát hiện đầu)", columns, rows_f))
    console.info("In mọi phát hiện: thêm --all, hoặc --format json.")


def _read_text(c: Any) -> str:
    """How many cells of a column were read, as the column table says it ("12 ô, 1 không hiểu")."""
    if c is None:
        return ""
    if c.why:
        return f"không đọc {c.filled} ô" if c.filled else "không đọc (trống)"
    sample = f"; vd «{c.sample[:24]}»" if c.sample else ""  # as written: the records below say as understood
    return f"{c.filled} ô" + (f", {c.unclear} không hiểu" if c.unclear else "") + sample


def _not_used(sheet: Any, all_rows: bool) -> None:
    """The cells of the sheet that are not facts of a nominee, with why (issue 13, invariant 1): the
    columns not read, and each cell whose value was not understood."""
    from tdkt import console

    C = console.Col
    rows: list[list[str]] = []
    for c in sheet.cells or ():
        if c.why and c.filled:
            where = f"{c.letter}{c.first}" + (f":{c.letter}{c.last}" if c.last != c.first else "")
            rows.append([where, c.sample, f"{c.filled} ô: {c.why}"])
    for n in sheet.nominees:
        for u in n.unclear:
            rows.append([u.cell.a1, u.value, f"không hiểu ({u.cell.header or ''}); không dùng để kết luận"])
    if not rows:
        return
    cut = not all_rows and len(rows) > SHOWN
    title = f"{len(rows)} ô hoặc cột không dùng" + (f" (in {SHOWN} dòng đầu)" if cut else "")
    console.show(console.table(title, [C("Ô", "short"), C("Giá trị", "text", priority=2), C("Vì sao", "note")],
                               rows[:SHOWN] if cut else rows))


def _finding_row(f: Any) -> list[str]:
    return [SEVERITY_VN[f.severity.value], f"{f.cell.sheet or ''}!{f.cell.a1}" if f.cell else "", f.message]

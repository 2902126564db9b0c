"""Everything `tdkt ingest` needs around read_nominations: the column map it is given, the table it prints."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tdkt.errors import InputError
from tdkt.findings import sort_findings
from tdkt.ingest.nominations import IngestResult

SEVERITY_VN = {"error": "Lỗi", "warning": "Cảnh báo", "info": "Ghi chú"}
ROLE_VN = {
    "list": "danh sách",
    "lookup": "danh mục",
    "empty": "trống",
    "other": "khác (không phải danh sách)",
}
KIND_VN = {"individual": "cá nhân", "collective": "tập thể", "household": "hộ gia đình"}


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


def _summary(record: dict[str, Any]) -> str:
    parts: list[str] = []
    for key in ("birth_date", "birth_year", "gender", "position", "unit", "cccd"):
        if key in record and not (key == "birth_year" and "birth_date" in record):
            parts.append(str(record[key]))
    for y in record.get("history", []):
        bits = [b for b in (y.get("rating"), *y.get("titles", [])) if b]
        parts.append(f"{y['year']}: {'+'.join(bits)}")
    for key in ("prior_awards", "initiatives", "disciplines"):
        if record.get(key):
            parts.append(f"{key}={len(record[key])}")
    return "; ".join(parts)


def show(result: IngestResult) -> None:
    """Print, per sheet, the header rows, column → field, the records and then the findings."""
    from tdkt import console

    for sheet in result.sheets:
        doc = sheet.to_dict()
        head = f"{sheet.file} — trang tính '{sheet.name}': {ROLE_VN.get(sheet.role, sheet.role)}"
        if sheet.role != "list":
            console.info(console.escape(head + (" (ẩn)" if sheet.hidden else "")))
            continue
        rows = ", ".join(str(r) for r in sheet.header_rows)
        console.info(
            console.escape(
                f"{head}; dòng tiêu đề {rows}; danh hiệu: {sheet.award or '—'}; năm: {sheet.year or '—'}"
            )
        )
        console.show(
            console.table(
                None,
                [console.Col("Cột", "short"), console.Col("Tiêu đề", "text", priority=3),
                 console.Col("Trường", "name")],
                [[c.letter, c.header, c.field or "—"] for c in sheet.columns],
            )
        )
        records = [
            [
                r["row"],
                r.get("stt"),
                r["name"],
                KIND_VN.get(r.get("kind", ""), ""),
                r.get("award") or r.get("award_text"),
                _summary(r),
            ]
            for r in doc["records"]
        ]
        console.show(
            console.table(
                f"{len(records)} bản ghi", [console.Col("Dòng", "short", right=True), console.Col("STT", "short"),
                                           console.Col("Tên", "name", priority=3), console.Col("Loại", "short"),
                                           console.Col("Đề nghị", "name"), console.Col("Chi tiết", "note")], records
            )
        )
    findings = sort_findings(result.findings)
    if findings:
        rows_f = [
            [
                SEVERITY_VN[f.severity.value],
                f.code,
                f"{f.cell.sheet or ''}!{f.cell.a1}" if f.cell else "",
                f.message,
            ]
            for f in findings
        ]
        console.show(console.table(f"{len(findings)} phát hiện", [
            console.Col("Mức", "short", priority=3), console.Col("Mã", "code"), console.Col("Ô", "short"),
            console.Col("Nội dung", "note")], rows_f))

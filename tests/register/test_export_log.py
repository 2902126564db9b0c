"""Export (the data is never locked in), search, and the append-only audit log."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path

import openpyxl
import pytest


def test_export_xlsx_reimports_into_an_empty_register_unchanged(ws: Path, db_url: str, files, cli, tmp_path: Path,
                                                                 rows) -> None:
    assert cli(["register", "import", files["a"], files["b"]]).exit_code == 0
    out = tmp_path / "so.xlsx"
    r = cli(["register", "export", "--output", out])
    assert r.exit_code == 0 and out.is_file()
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    values = list(sheet.iter_rows(values_only=True))
    header = list(values[0])
    assert header[:4] == ["Mã trong sổ", "Loại đối tượng", "Họ và tên / Tên tập thể", "Ngày sinh"]
    assert len(values) - 1 == rows(db_url, "reg_awards")
    cccd = [v[header.index("Số CCCD")] for v in values[1:] if v[header.index("Số CCCD")]]
    assert set(cccd) == {"099080000123"}  # kept as text, leading zero and all

    from tdkt.register import export_rows, import_files

    fresh = f"sqlite:///{(tmp_path / 'fresh.sqlite').as_posix()}"
    result = import_files(fresh, [out])
    assert result.committed and result.errors == 0
    strip = ("person",)
    assert [{k: v for k, v in r.items() if k not in strip} for r in export_rows(fresh)] == [
        {k: v for k, v in r.items() if k not in strip} for r in export_rows(db_url)]
    # And into the register it came from: all duplicates.
    again = import_files(db_url, [out])
    assert (again.awards_added, again.people_created, again.duplicates) == (0, 0, rows(db_url, "reg_awards"))


def test_export_csv_and_json_on_stdout_and_no_overwrite(ws: Path, db_url: str, files, cli, tmp_path: Path) -> None:
    assert cli(["register", "import", files["a"]]).exit_code == 0
    r = cli(["register", "export", "--format", "csv"])
    assert r.exit_code == 0 and r.stdout.startswith("\ufeff")
    table = list(csv.DictReader(io.StringIO(r.stdout.lstrip("\ufeff"))))
    assert len(table) == 8 and {t["Họ và tên / Tên tập thể"] for t in table} >= {"Nguyễn Văn An", "Trần Thị Bình"}
    assert [t["Ngày quyết định"] for t in table if t["Số quyết định"] == "99/QĐ-UBND"] == ["20/03/2019"]
    doc = json.loads(cli(["register", "export", "--format", "json"]).stdout)
    assert doc["schema_version"] == 1 and len(doc["awards"]) == 8
    out = tmp_path / "so.json"
    out.write_text("của người khác", encoding="utf-8")
    refused = cli(["register", "export", "--format", "json", "--output", out])
    assert refused.exit_code == 3 and out.read_text(encoding="utf-8") == "của người khác"
    assert cli(["register", "export", "--format", "json", "--output", out, "--force"]).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8")) == doc


def test_search_ignores_diacritics_and_matches_word_starts(ws: Path, db_url: str, files, cli) -> None:
    assert cli(["register", "import", files["a"], files["b"]]).exit_code == 0
    names = lambda text: [p["name"] for p in json.loads(cli(["register", "search", text, "--format", "json"]).stdout)["people"]]  # noqa: E731
    assert names("nguyen") == ["Nguyễn Thị Hòa", "Nguyễn Văn An"]
    assert names("an") == ["Nguyễn Văn An"]  # not "Tài chính", not "Kế hoạch"
    assert names("099080000123") == ["Nguyễn Văn An"]
    assert "Phòng Kế hoạch - Tài chính" in names("so y te")  # by unit
    empty = cli(["register", "search", "không ai"])
    assert empty.exit_code == 0 and "Không có ai" in empty.stdout
    ambiguous = cli(["register", "show", "Nguyễn"])
    assert ambiguous.exit_code == 3 and "khớp với 2 người" in ambiguous.stderr


def test_log_records_every_change_with_user_version_and_sha256(ws: Path, db_url: str, files, cli) -> None:
    assert cli(["session", "new", "2022-1", "--date", "2022-04-25"]).exit_code == 0
    assert cli(["register", "import", files["a"], files["b"]]).exit_code == 0
    assert cli(["register", "import", files["broken"]]).exit_code == 1  # refused: not a change, not logged
    doc = json.loads(cli(["register", "log", "--format", "json"]).stdout)
    actions = [e["action"] for e in doc["entries"]]
    assert actions == ["session.new", "session.use", "register.import"]
    entry = doc["entries"][-1]
    assert entry["command"] == f"tdkt register import {files['a']} {files['b']}"
    assert entry["inputs"] == [{"path": str(p), "sha256": hashlib.sha256(p.read_bytes()).hexdigest()}
                               for p in (files["a"], files["b"])]
    assert entry["os_user"] and entry["tdkt_version"] and entry["details"]["awards_added"] == 10
    table = cli(["register", "log"])
    assert table.exit_code == 0 and "register import" in table.stdout and entry["inputs"][0]["sha256"][:12] in table.stdout
    assert len(json.loads(cli(["register", "log", "-n", "1", "--format", "json"]).stdout)["entries"]) == 1


def test_the_audit_log_refuses_changes(ws: Path, db_url: str, files, cli) -> None:
    from sqlalchemy import delete, update
    from sqlalchemy.exc import DatabaseError

    from tdkt.db import engine
    from tdkt.db.schema import audit_log

    assert cli(["register", "import", files["a"]]).exit_code == 0
    for statement in (update(audit_log).values(os_user="someone else"), delete(audit_log)):
        with pytest.raises(DatabaseError, match="append-only"), engine(db_url).begin() as conn:
            conn.execute(statement)
    assert len(json.loads(cli(["register", "log", "--format", "json"]).stdout)["entries"]) == 1


def test_default_export_file_and_table_views(ws: Path, db_url: str, files, cli) -> None:
    assert cli(["register", "import", files["a"]]).exit_code == 0
    r = cli(["register", "export"])
    assert r.exit_code == 0 and (ws / "so-theo-doi-khen-thuong.xlsx").is_file()
    assert cli(["register", "export"]).exit_code == 3  # never overwritten without --force
    shown = cli(["register", "show", "099080000123"])
    assert shown.exit_code == 0
    assert "Nguyễn Văn An, 02/01/1980, Sở Y tế" in shown.stdout and "99/QĐ-UBND" in shown.stdout
    assert "2017–2018" in shown.stdout and "Số hóa hồ sơ bệnh án" in shown.stdout
    found = cli(["register", "search", "binh"])
    assert found.exit_code == 0 and "Trần Thị Bình" in found.stdout and "Nguyễn Văn An" not in found.stdout

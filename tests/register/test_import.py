"""`tdkt register import`: history files in, all or nothing, no duplicates, title-row facts."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from tdkt.findings import CellRef
from tdkt.models import Nominee


def _nominee(name: str, *, birth: dt.date | None = None, cccd: str | None = None, unit: str | None = None,
             kind: str = "individual") -> Nominee:
    return Nominee(id=f"list.xlsx:DS:{abs(hash(name)) % 1000}", source=CellRef(file="list.xlsx", sheet="DS", row=5),
                   name=name, birth_date=birth, cccd=cccd, unit=unit, kind=kind)  # type: ignore[arg-type]


def test_import_then_history_counts_titles_awards_and_used_initiatives(ws: Path, db_url: str, files, cli, rows) -> None:
    r = cli(["register", "import", files["a"], "--format", "json"])
    assert r.exit_code == 0, r.stderr
    doc = json.loads(r.stdout)
    assert (doc["committed"], doc["summary"]["rows"], doc["summary"]["awards_added"],
            doc["summary"]["people_created"], doc["summary"]["initiatives_added"]) == (True, 8, 8, 4, 2)
    assert doc["files"][0]["path"].endswith("lich-su-so-y-te.xlsx") and len(doc["files"][0]["sha256"]) == 64
    assert (rows(db_url, "reg_people"), rows(db_url, "reg_awards"), rows(db_url, "audit_log")) == (4, 8, 1)

    from tdkt.register import history

    an = _nominee("NGUYỄN VĂN AN", birth=dt.date(1980, 1, 2), cccd="099080000123", unit="Sở Y tế")
    h = history(db_url, [an])[an.id]
    assert h.match == "cccd"
    assert [(y.year, y.titles) for y in h.history] == [(2019, ("chien_si_thi_dua_co_so",)),
                                                         (2020, ("chien_si_thi_dua_co_so",))]
    bk = [p for p in h.prior_awards if p.award == "bang_khen_bo_tinh"]
    assert [(p.period_from, p.period_to, p.decision_number, p.decision_date, p.source) for p in bk] == [
        (2017, 2018, "99/QĐ-UBND", dt.date(2019, 3, 20), "register")]
    assert sorted((i.title, i.level, i.used_for) for i in h.initiatives) == [
        ("Phần mềm lịch trực", "co_so", "chien_si_thi_dua_co_so"),
        ("Số hóa hồ sơ bệnh án", "co_so", "chien_si_thi_dua_co_so")]


def test_second_file_matches_by_cccd_and_skips_what_is_already_there(ws: Path, db_url: str, files, cli, rows) -> None:
    assert cli(["register", "import", files["a"]]).exit_code == 0
    r = cli(["register", "import", files["b"], "--format", "json"])
    assert r.exit_code == 0, r.stderr
    s = json.loads(r.stdout)["summary"]
    # An (CCCD "099 080 000 123") and Bình (name + birth date + unit) are matched; Cường is new.
    assert (s["people_matched"], s["people_created"], s["awards_added"], s["duplicates"]) == (2, 1, 2, 1)
    assert rows(db_url, "reg_people") == 5
    shown = json.loads(cli(["register", "show", "Lê Văn Cường", "--format", "json"]).stdout)
    assert (shown["person"]["birth_year"], shown["person"]["birth_date"]) == (1979, None)
    assert [(a["award"], a["period_from"], a["period_to"]) for a in shown["awards"]] == [("bang_khen_bo_tinh", 2019, 2020)]


def test_importing_the_same_file_again_adds_nothing(ws: Path, db_url: str, files, cli, rows) -> None:
    assert cli(["register", "import", files["a"]]).exit_code == 0
    r = cli(["register", "import", files["a"], "--format", "json"])
    s = json.loads(r.stdout)["summary"]
    assert (r.exit_code, s["awards_added"], s["duplicates"], s["people_created"]) == (0, 0, 8, 0)
    assert (rows(db_url, "reg_people"), rows(db_url, "reg_awards"), rows(db_url, "reg_initiatives")) == (4, 8, 2)


def test_a_file_with_an_error_changes_nothing_and_says_where(ws: Path, db_url: str, files, cli, rows) -> None:
    r = cli(["register", "import", files["a"], files["broken"]])
    assert r.exit_code == 1
    assert "loi-ngay.xlsx, trang tính 'Sổ theo dõi', ô J5" in r.stdout
    assert "ngày mười lăm" in r.stdout and "KHÔNG ghi gì vào sổ" in r.stdout
    # Nothing of either file, and no audit entry.
    assert (rows(db_url, "reg_people"), rows(db_url, "reg_awards"), rows(db_url, "audit_log")) == (0, 0, 0)


def test_award_year_and_decision_from_the_title_rows(ws: Path, db_url: str, files, cli) -> None:
    assert cli(["register", "import", files["title_only"]]).exit_code == 0
    shown = json.loads(cli(["register", "show", "Hồ Minh Khoa", "--format", "json"]).stdout)
    assert [(a["award"], a["year"], a["decision_number"], a["decision_date"]) for a in shown["awards"]] == [
        ("chien_si_thi_dua_co_so", 2021, "15/QĐ-UBND", "2022-02-10")]
    assert shown["person"]["position"] == "Phó Trưởng phòng"


def test_unusable_file_is_one_line_exit_3_nothing_written(ws: Path, db_url: str, tmp_path: Path, cli, rows) -> None:
    bad = tmp_path / "khong-phai-bang.csv"
    bad.write_text("Ghi chú\r\nkhông có bảng nào ở đây\r\n", encoding="utf-8")
    r = cli(["register", "import", bad])
    assert (r.exit_code, r.stdout) == (3, "")
    assert "khong-phai-bang.csv" in r.stderr and "tiêu đề" in r.stderr and r.stderr.count("Lỗi:") == 1
    missing = cli(["register", "import", tmp_path / "khong-co.xlsx"])
    assert missing.exit_code == 3 and "khong-co.xlsx" in missing.stderr
    assert rows(db_url, "audit_log") == 0


def test_the_bundled_example_history_imports(ws: Path, db_url: str, cli) -> None:
    example = Path(__file__).resolve().parents[2] / "examples" / "lich-su-khen-thuong.xlsx"
    r = cli(["register", "import", example, "--format", "json"])
    assert r.exit_code == 0, r.stdout + r.stderr
    doc = json.loads(r.stdout)
    assert doc["committed"] and doc["summary"]["errors"] == 0 and doc["summary"]["awards_added"] > 0


def test_a_nomination_list_is_not_history(ws: Path, db_url: str, tmp_path: Path, cli, rows) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.append(["DANH SÁCH ĐỀ NGHỊ TẶNG DANH HIỆU CHIẾN SĨ THI ĐUA CƠ SỞ NĂM 2021"])
    sheet.append(["STT", "Họ và tên", "Đơn vị"])
    sheet.append([1, "Đặng Thu Giang", "Phòng Nội vụ"])
    path = tmp_path / "de-nghi.xlsx"
    wb.save(path)
    r = cli(["register", "import", path])
    assert r.exit_code == 3 and "danh sách đề nghị" in r.stderr and "register issue" in r.stderr
    assert rows(db_url, "reg_people") == 0

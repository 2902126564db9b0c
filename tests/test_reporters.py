"""`validate --format xlsx` writers: the results workbook (one row per nominee, the verdict beside the
name) keeps every nominee and every finding, in words; small or big, it is laid out the same and set up
to print; the hand-written SpreadsheetML carries any text safely."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tdkt.engine import Report
from tdkt.reporters import (
    CELL_MAX,
    NOMINEES_HEADER,
    RESULTS_SHEET,
    VERDICT_VN,
    _nominee_rows,
    _Sheet,
    _write_xlsx,
    report_xlsx,
)

N = 240  # rows of the generated list; BIG is set below it


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Report]:
    """The benchmark's generated nomination list (same shape as the 100,000-row one), validated."""
    from bench.inputs import write_nominations
    from tdkt.validation import validate_files

    folder = tmp_path_factory.mktemp("big")
    path = write_nominations(folder / "de-nghi.xlsx", N)
    report = validate_files([path], rules="nd91-2017", year=2021, store=False, cwd=folder).report
    assert len(report.nominees) == N
    return path, report


def rows_of(path: Path) -> dict[str, list[list[Any]]]:
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(str(path))
    return {name: wb.get_sheet_by_name(name).to_python() for name in wb.sheet_names}


def test_big_list_has_one_row_per_nominee_and_every_finding(generated: tuple[Path, Report], tmp_path: Path) -> None:
    source, report = generated
    out = tmp_path / "ket-qua.xlsx"
    assert report_xlsx(report, paths=[source], output=out, big_input=N // 2) == [out]
    assert not out.with_name(out.name + ".tmp").exists()
    sheets = rows_of(out)
    assert list(sheets) == [RESULTS_SHEET]  # results only: no copy of the input above big_input
    rows = sheets[RESULTS_SHEET]
    s = report.summary()
    assert "NĐ 91/2017/NĐ-CP" in rows[0][0] and "nd91-2017" not in rows[0][0] and f"Tổng: {N} hồ sơ" in rows[1][0]
    assert rows[2] == NOMINEES_HEADER
    body, tail = rows[3:3 + N], rows[3 + N:]
    assert len(tail) == len(report.findings)
    verdicts = dict.fromkeys(VERDICT_VN.values(), 0)
    attention = 0
    for r, row in zip(report.nominees, body, strict=True):
        n = r.nominee
        assert row == [n.source.row, n.name, VERDICT_VN[r.verdict], row[3], r.award_name, n.unit or "", row[6],
                       n.source.sheet, n.source.file]  # the verdict beside the name
        verdicts[row[2]] += 1
        reasons, notes = row[3].split("\n") if row[3] else [], row[6].split("\n") if row[6] else []
        shown = [f for f in r.ordered() if f.severity != "info"]
        assert len(reasons) == len(shown) and len(notes) == len(r.findings) - len(shown)
        for f, line in zip([*shown, *(f for f in r.ordered() if f.severity == "info")], reasons + notes, strict=True):
            assert line.startswith("[") and f"] {f.message}" in line
            assert f.code not in line and (f.rule is None or f.rule not in line)  # words, not ids
            assert f.basis is None or f.basis in line
            if f.cell and f.cell.column:
                assert f"ô {f.cell.column}{f.cell.row}" in line
        attention += len(shown)
    assert verdicts == {VERDICT_VN[k]: s[k] for k in ("pass", "fail", "review")}
    assert attention > 0 and s["fail"] > 0  # the generated list has real defects to report
    for f, row in zip(sorted(report.findings, key=lambda f: f.sort_key()), tail, strict=True):
        assert row[1] == "(toàn danh sách)" and f.message in row[3] + row[6]


@pytest.mark.fast_path  # the hand-written writer's widths and styles; its plain path is compared cell for cell
def test_big_list_styles(generated: tuple[Path, Report], tmp_path: Path) -> None:
    from openpyxl import load_workbook

    source, report = generated
    out = tmp_path / "ket-qua.xlsx"
    report_xlsx(report, paths=[source], output=out, big_input=N // 2)
    ws = load_workbook(out)[RESULTS_SHEET]
    assert ws.freeze_panes == "A4" and ws.auto_filter.ref == f"A3:I{3 + N + len(report.findings)}"
    assert all(c.font.b for c in ws[3])
    fills = {r.verdict: ws.cell(row=4 + i, column=3).fill.fgColor.rgb for i, r in enumerate(report.nominees)}
    assert fills == {"pass": "FFC6EFCE", "fail": "FFFFC7CE", "review": "FFFFEB9C"}
    first_fail = 4 + next(i for i, r in enumerate(report.nominees) if r.verdict == "fail")
    assert ws.cell(row=first_fail, column=4).alignment.wrap_text and ws.column_dimensions["D"].width == 70
    _printable(ws, "1:3")


def _printable(ws: Any, title_rows: str) -> None:
    """A4 landscape, one page wide, the header rows on every page, a title and page numbers."""
    ps = ws.page_setup
    # fitToWidth left out means 1 (ECMA-376 default; XlsxWriter, the plain path under TDKT_PLAIN=1, omits it)
    assert (ps.paperSize, ps.orientation, ps.fitToWidth or 1, ps.fitToHeight) in ((9, "landscape", 1, 0),
                                                                               ("9", "landscape", 1, 0))
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$" + title_rows.replace(":", ":$")
    assert ws.oddHeader.center.text.startswith(RESULTS_SHEET) and "&P" in ws.oddFooter.center.text


def test_small_results_only_workbook_has_the_same_rows(generated: tuple[Path, Report], tmp_path: Path) -> None:
    from openpyxl import load_workbook

    _, report = generated
    out = tmp_path / "ket-qua.xlsx"
    report_xlsx(report, output=out)  # no .xlsx input to copy: the results sheet alone
    rows = rows_of(out)[RESULTS_SHEET]
    assert rows[2] == NOMINEES_HEADER
    expected = [[("" if v is None else v) for v in values] for values, _ in _nominee_rows(report)]
    assert rows[3:] == expected
    _printable(load_workbook(out)[RESULTS_SHEET], "1:3")


def test_any_text_is_written_safely(tmp_path: Path) -> None:
    """Markup characters, characters XML cannot carry, Excel's own escapes, formulas, overlong text."""
    values = ["a & b <c> \"d\"", "x\x01y\x1fz", "_x0041_", "=HYPERLINK(\"http://x\")", "+1", "q" * (CELL_MAX + 5),
              7, 1.5, None, "", "  lề trái", "hai\ndòng"]
    header = [f"c{i}" for i in range(len(values))]
    out = tmp_path / "w.xlsx"
    _write_xlsx(out, [_Sheet("Thử & <1> 'a' \"b\"", (10,), [["tiêu đề"], header], [(values, "review")], verdict_col=0)])
    got = rows_of(out)["Thử & <1> 'a' \"b\""][2]
    assert got[:5] == values[:5]  # text stays text: no formula, no number, escapes round-trip
    assert got[5] == "q" * (CELL_MAX - 1) + "…"
    assert got[6:] == [7, "1.5", "", "", "  lề trái", "hai\ndòng"]  # only ints are numbers

"""The floors: the least work any tool must do for each job, run as child processes like the jobs.

    python -m bench.floors calamine FILE.xlsx     open the workbook and iterate every row of the first sheet
    python -m bench.floors xlsx-copy FILE.xlsx OUT calamine read + XlsxWriter (constant_memory) plain copy
    python -m bench.floors docxtpl TEMPLATE N OUT docxtpl render of an N-row table loop, saved
    python -m bench.floors csv FILE.csv            stdlib csv read of every row (no counting)
    python -m bench.floors records FILE.xlsx       the least serial work that emits the rows as JSON records

Each prints one line (what it touched) so a broken floor is visible, never silently fast.
"""

from __future__ import annotations

import sys


def calamine(path: str) -> str:
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(path)
    sheet = wb.get_sheet_by_index(0)
    rows = cells = 0
    for row in sheet.iter_rows():
        rows += 1
        cells += len(row)
    return f"{rows} rows, {cells} cells"


def records(path: str) -> str:
    """Not a floor but a bound: what any serial Python program that emits a list's rows as JSON
    records must do at least — calamine read, one pass per column converting each distinct value
    once (text trimmed, dates ISO), one dict per row (empty cells left out), orjson to stdout. No
    header search, no parsing of ratings or dates as text, no findings, no models. A tool whose
    ratio goal is below this one's ratio cannot meet it without using both cores."""
    import gc

    import orjson
    from python_calamine import CalamineWorkbook

    gc.disable()  # as tdkt does around its bulk stages
    rows = CalamineWorkbook.from_path(path).get_sheet_by_index(0).to_python(skip_empty_area=False)
    data = rows[6:]  # the generated list: title, subtitle, blank, two header rows, column numbers
    keys = [f"c{j}" for j in range(len(rows[3]))]
    columns = []
    for col in zip(*data, strict=True):
        memo = {v: None if v == "" else v.strip() if type(v) is str else v.isoformat() if hasattr(v, "isoformat") else v
                for v in set(col)}
        columns.append(list(map(memo.__getitem__, col)))
    out = [{k: v for k, v in zip(keys, r, strict=True) if v is not None} for r in zip(*columns, strict=True)]
    sys.stdout.buffer.write(orjson.dumps({"records": out}))
    sys.stdout.buffer.write(b"\n")
    return f"{len(out)} records"


def xlsx_copy(path: str, out: str) -> str:
    """Read with calamine and write the same rows plus two result columns, no fills or comments."""
    import datetime as dt

    import xlsxwriter
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(path).get_sheet_by_index(0).to_python()
    wb = xlsxwriter.Workbook(out, {"constant_memory": True})
    ws = wb.add_worksheet("Kết quả")
    date_fmt = wb.add_format({"num_format": "dd/mm/yyyy"})
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if v == "":
                continue
            if isinstance(v, dt.date):
                ws.write_datetime(r, c, dt.datetime(v.year, v.month, v.day), date_fmt)
            else:
                ws.write(r, c, v)
        ws.write_string(r, len(row), "Đạt")
        ws.write_string(r, len(row) + 1, "")
    wb.close()
    return f"{len(rows)} rows written"


def docxtpl(template: str, n: str, out: str) -> str:
    from docxtpl import DocxTemplate

    people = [
        {"stt": i, "name": f"Nguyễn Văn {i}", "dob": "01/02/1980", "unit": "Sở Tài chính", "award": "Bằng khen"}
        for i in range(1, int(n) + 1)
    ]
    doc = DocxTemplate(template)
    doc.render({"so_qd": "05/QĐ-UBND", "ngay_qd": "05/5/2022", "people": people})
    doc.save(out)
    return f"{len(people)} rows rendered"


def csv_read(path: str) -> str:
    import csv

    rows = 0
    with open(path, encoding="utf-8-sig", newline="") as fh:
        for _ in csv.reader(fh):
            rows += 1
    return f"{rows} rows"


FLOORS = {"calamine": calamine, "xlsx-copy": xlsx_copy, "docxtpl": docxtpl, "csv": csv_read, "records": records}

if __name__ == "__main__":
    name, *args = sys.argv[1:]
    print(FLOORS[name](*args))

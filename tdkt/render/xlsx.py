"""The summary report as an Excel workbook (XlsxWriter): a summary sheet with a native chart, the
counts by unit, and every nominee with the reason it failed; frozen headers and filters."""

from __future__ import annotations

import datetime as dt
import io
from typing import TYPE_CHECKING, Any

from tdkt.render.docx import normalize_zip
from tdkt.text import nfc

if TYPE_CHECKING:
    from tdkt.render.round_data import RoundData



def report_xlsx(ctx: dict[str, Any], data: RoundData) -> bytes:
    """The workbook's bytes (deterministic: fixed creation date and zip timestamps)."""
    import xlsxwriter

    from tdkt.output import XLSXWRITER_OPTIONS, cell_text
    from tdkt.render.docx import document_safe

    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True, **XLSXWRITER_OPTIONS})  # names are text, never formulas
    wb.set_properties({
        "title": ctx["doc_title"],
        "subject": ctx["trich_yeu"],
        "author": "tdkt",
        "comments": f"Soạn bằng tdkt {ctx['tdkt_version']}; bộ tiêu chí {ctx['ruleset_label']}",
        "created": dt.datetime(2020, 1, 1),
    })
    head = wb.add_format({"bold": True, "text_wrap": True, "valign": "vcenter", "align": "center",
                          "border": 1, "bg_color": "#DDEBF7", "font_name": "Times New Roman"})
    cell = wb.add_format({"border": 1, "font_name": "Times New Roman", "valign": "top", "text_wrap": True})
    num = wb.add_format({"border": 1, "font_name": "Times New Roman", "num_format": "0"})
    title_fmt = wb.add_format({"bold": True, "font_size": 14, "font_name": "Times New Roman"})
    note_fmt = wb.add_format({"italic": True, "text_wrap": True, "valign": "top", "font_name": "Times New Roman"})
    verdict_fmt = {v: wb.add_format({"border": 1, "font_name": "Times New Roman", "valign": "top", "bg_color": c})
                   for v, c in (("Đạt", "#C6EFCE"), ("Không đạt", "#FFC7CE"), ("Cần xem xét", "#FFEB9C"))}
    agency = nfc(str((ctx.get("agency") or {}).get("name") or ""))  # printed at the top of every page

    def sheet(name: str, headers: list[str], rows: list[list[Any]], widths: list[int], title: str,
              note: str = "", fills: int | None = None) -> Any:
        """A titled table laid out to print: A4 landscape, one page wide, the title and header rows
        on every page, the agency and the page number in the margins."""
        ws = wb.add_worksheet(name)
        ws.write(0, 0, cell_text(title), title_fmt)
        if note:  # a long sentence under the title, wrapped over the table's width
            ws.merge_range(1, 0, 1, len(headers) - 1, cell_text(note), note_fmt)
            ws.set_row(1, 15 * (1 + len(note) // max(1, int(sum(widths) * 1.1))))
        for c, (h, w) in enumerate(zip(headers, widths, strict=True)):
            ws.write(2, c, h, head)
            ws.set_column(c, c, w)
        for r, row in enumerate(rows, 3):
            for c, v in enumerate(row):
                fmt = verdict_fmt.get(v, cell) if c == fills else num if isinstance(v, int) else cell
                # official typography, and no control or invisible character (an RTL override in a name)
                ws.write(r, c, cell_text(document_safe(v)) if isinstance(v, str) else v, fmt)
        ws.freeze_panes(3, 0)
        ws.autofilter(2, 0, 2 + max(len(rows), 1), len(headers) - 1)
        ws.set_paper(9)  # A4
        ws.set_landscape()
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(0, 2)
        ws.set_margins(left=0.4, right=0.4, top=0.7, bottom=0.6)
        ws.set_header("&C&11" + (agency or title).replace("&", "&&")[:200])
        ws.set_footer("&CTrang &P/&N")
        return ws

    first = ctx["sections"][0]["rows"]
    totals = [r for r in first if r["name"] != "Cộng"]
    summary = sheet(
        "Tổng hợp", ["Hình thức khen thưởng", "Tập thể", "Cá nhân", "Hộ gia đình", "Cộng"],
        [[r["name"], int(r["collective"]), int(r["individual"]), int(r["household"]), int(r["total"])] for r in totals],
        [44, 12, 12, 14, 10], f"Tổng hợp khen thưởng {ctx['round']['title']}", note=ctx["summary_sentence"],
    )
    if totals:
        chart = wb.add_chart({"type": "column"})
        for col, label in ((1, "Tập thể"), (2, "Cá nhân"), (3, "Hộ gia đình")):
            chart.add_series({
                "name": label,
                "categories": ["Tổng hợp", 3, 0, 2 + len(totals), 0],
                "values": ["Tổng hợp", 3, col, 2 + len(totals), col],
            })
        chart.set_title({"name": "Số được khen thưởng, đề nghị khen thưởng theo hình thức"})
        # whole people: the axis counts 0, 1, 2 … (never 0.5); the chart stays inside the printed width
        chart.set_y_axis({"name": "Số lượng", "major_gridlines": {"visible": True}, "min": 0, "major_unit": 1,
                          "num_format": "0"})
        summary.insert_chart(4 + len(totals), 0, chart, {"x_scale": 1.3, "y_scale": 1.2})
    units = ctx["sections"][1]["rows"]
    sheet("Theo đơn vị", ["Đơn vị", "Tập thể", "Cá nhân", "Hộ gia đình", "Cộng"],
          [[r["name"], int(r["collective"]), int(r["individual"]), int(r["household"]), int(r["total"])] for r in units],
          [44, 12, 12, 14, 10], "Số được khen thưởng, đề nghị khen thưởng theo đơn vị")
    rows = [[i, o["name"], o["result"], o["verdict"], o["vote"], o["reasons"], o["award"], o["kind"], o["gender"],
             o["unit"], o["position"]]  # the verdicts beside the name: what is read first, on the same printed page
            for i, o in enumerate(ctx["outcomes"], 1)]
    sheet("Danh sách", ["STT", "Tên tập thể, họ và tên", "Kết quả", "Thẩm định", "Phiếu đồng ý", "Lý do",
                        "Hình thức khen thưởng", "Loại", "Giới tính", "Đơn vị", "Chức vụ"],
          rows, [6, 28, 12, 12, 10, 50, 30, 11, 9, 28, 20], f"Danh sách đề nghị khen thưởng {ctx['round']['title']}",
          fills=3)
    info = wb.add_worksheet("Thông tin")
    info.set_column(0, 1, 40)
    regime = (nfc(data.ruleset.title) if data.ruleset is not None else "") or "không rõ"
    for r, (k, v) in enumerate([("Đợt xét", ctx["round"]["id"]), ("Phiên bản tdkt", ctx["tdkt_version"]),
                                ("Bộ tiêu chí", regime)]):
        info.write(r, 0, k, head)
        info.write(r, 1, v, cell)
    wb.close()
    return normalize_zip(buf.getvalue())

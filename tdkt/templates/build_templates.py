"""Build the bundled .docx templates (docxtpl: Jinja tags inside Word) in the NĐ 30/2020 format.

Run ``python -m tdkt.templates.build_templates`` after changing this file and commit the .docx files
it writes beside it. The layout follows NĐ 30/2020/NĐ-CP Phụ lục I (domain/legal.md §4): A4,
margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman 14 (Quốc hiệu 13); page numbers
centred in the top margin from page 2 (different first page); the two-column header table; Nơi
nhận in 12/11 pt. Every Jinja tag sits in one run (docxtpl's documented limitation); ``{%p …%}`` and
``{%tr …%}`` tags fill whole paragraphs or rows, which docxtpl removes. The context each template
needs is listed in ``tdkt/render/context.py`` (``CONTRACT``).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

HERE = Path(__file__).resolve().parent
FONT = "Times New Roman"
CENTER = WD_ALIGN_PARAGRAPH.CENTER
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
LEFT = WD_ALIGN_PARAGRAPH.LEFT
FIXED_TIME = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)

Doc = Any  # python-docx Document (its type is not exported)


def _set_font(run: Any, size: float | None = None, bold: bool = False, italic: bool = False) -> None:
    run.font.name = FONT
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    if size is not None:
        run.font.size = Pt(size)
    run.bold = bold or None
    run.italic = italic or None


def para(
    container: Any,
    *runs: tuple[str, dict[str, Any]] | str,
    align: Any = JUSTIFY,
    before: float = 0,
    after: float = 6,
    indent: bool = False,
    size: float | None = None,
    bold: bool = False,
    italic: bool = False,
) -> Any:
    """A paragraph of runs; a bare string takes the paragraph's size/bold/italic."""
    p = container.add_paragraph()
    p.alignment = align
    fmt = p.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.line_spacing = 1.0
    if indent:
        fmt.first_line_indent = Mm(10)
    for item in runs:
        text, style = (item, {}) if isinstance(item, str) else item
        run = p.add_run(text)
        _set_font(
            run,
            style.get("size", size),
            bold=style.get("bold", bold),
            italic=style.get("italic", italic),
        )
    return p


def tag(container: Any, text: str) -> Any:
    """A paragraph holding only a ``{%p …%}`` tag (docxtpl removes the paragraph)."""
    return para(container, text, after=0)


def rule(container: Any, indent_mm: float) -> Any:
    """A short solid line (NĐ 30: under the agency name, the Tiêu ngữ and the trích yếu): an empty
    paragraph with a top border, narrowed by indents, 6 pt below the line above it (at 1 or 3 pt Word
    and LibreOffice draw it through the descenders of that line)."""
    p = container.add_paragraph()
    fmt = p.paragraph_format
    fmt.left_indent = Mm(indent_mm)
    fmt.right_indent = Mm(indent_mm)
    fmt.space_before = Pt(6)
    fmt.space_after = Pt(6)
    ppr = p._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        top.set(qn(k), v)
    bdr.append(top)
    ppr.insert_element_before(bdr, "w:spacing", "w:ind", "w:jc", "w:rPr")
    _set_font(p.add_run(""), 2)
    return p


def page_break(doc: Doc) -> None:
    p = doc.add_paragraph()
    p.paragraph_format.space_after = Pt(0)
    p.add_run().add_break(WD_BREAK.PAGE)


def _no_borders(table: Any) -> None:
    tblpr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tblpr.append(borders)


def _widths(table: Any, widths_mm: list[float]) -> None:
    table.autofit = False
    grid = table._tbl.tblGrid
    for col, w in zip(grid.findall(qn("w:gridCol")), widths_mm, strict=True):
        col.set(qn("w:w"), str(int(Mm(w).twips)))
    for row in table.rows:
        for cell, w in zip(row.cells, widths_mm, strict=False):
            cell.width = Mm(w)


def _clear(cell: Any) -> Any:
    """A cell whose default empty paragraph is removed, so ``para`` can append to it."""
    for p in list(cell.paragraphs):
        p._p.getparent().remove(p._p)
    return cell


def layout_table(doc: Doc, rows: int, widths_mm: list[float]) -> Any:
    table = doc.add_table(rows=rows, cols=len(widths_mm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(table)
    _widths(table, widths_mm)
    for row in table.rows:
        for cell in row.cells:
            _clear(cell)
    return table


def new_document(title: str) -> Doc:
    doc = Document()
    section = doc.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance, section.footer_distance = Mm(10), Mm(10)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    for name in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(name), None)
    # Page numbers: centred at the top, not on page 1 (NĐ 30 Phụ lục I).
    section.different_first_page_header_footer = True
    hp = section.header.paragraphs[0]
    hp.alignment = CENTER
    run = hp.add_run()
    _set_font(run, 14)
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), "PAGE")
    inner = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "2"
    inner.append(t)
    fld.append(inner)
    hp._p.append(fld)
    props = doc.core_properties
    props.title = title
    props.subject = "{{ doc_title }}"
    props.author = "tdkt"
    props.last_modified_by = "tdkt"
    props.comments = "Soạn bằng tdkt {{ tdkt_version }}; bộ tiêu chí {{ ruleset_label }}"
    props.identifier = "{{ round.id }}"
    props.language = "vi-VN"
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.revision = 1
    # The default python-docx document opens with one empty paragraph; drop it.
    body = doc.element.body
    for p in body.findall(qn("w:p")):
        body.remove(p)
    return doc


def _cell_margins(table: Any, mm: float) -> None:
    """Left and right cell margins of every cell of ``table`` (the default 1.9 mm leaves the Quốc
    hiệu, 97.5 mm wide in Times New Roman 13 bold, too little room in its column)."""
    tblpr = table._tbl.tblPr
    mar = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:w"), str(int(Mm(mm).twips)))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    tblpr.append(mar)


def national_header(doc: Doc, issuer: str = "agency") -> None:
    """The two-column header: issuing (and parent) agency | Quốc hiệu and Tiêu ngữ; Số | place and date.

    Columns of 63 and 102 mm with 1 mm cell margins: the Quốc hiệu (97.5 mm) never wraps, and the
    agency's name goes on the lines the context gives (broken after "ỦY BAN NHÂN DÂN" / "HỘI ĐỒNG";
    61 mm holds "THÀNH PHỐ HỒ CHÍ MINH" and "THI ĐUA - KHEN THƯỞNG" at 13 pt bold)."""
    table = layout_table(doc, 2, [63, 102])
    _cell_margins(table, 1)
    left, right = table.cell(0, 0), table.cell(0, 1)
    tag(left, "{%p for part in " + issuer + ".parent_lines %}")  # one line, or two when it would wrap
    para(left, "{{ part }}", align=CENTER, after=0, size=13)
    tag(left, "{%p endfor %}")
    tag(left, "{%p for line in " + issuer + ".lines %}")
    para(left, "{{ line }}", align=CENTER, after=0, size=13, bold=True)
    tag(left, "{%p endfor %}")
    rule(left, 20)
    para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", align=CENTER, after=0, size=13, bold=True)
    para(right, "Độc lập - Tự do - Hạnh phúc", align=CENTER, after=0, size=14, bold=True)
    rule(right, 19)
    para(table.cell(1, 0), "Số: {{ doc.number }}/{{ doc.symbol }}", align=CENTER, after=0, size=13)
    tag(table.cell(1, 0), "{%p if doc.draft %}")
    para(table.cell(1, 0), "(Dự thảo)", align=CENTER, after=0, size=13, bold=True)
    tag(table.cell(1, 0), "{%p endif %}")
    # 14 pt; 13 pt when the line would wrap at 14 ("Thành phố Hồ Chí Minh, ngày …": NĐ 30 allows 13–14).
    tag(table.cell(1, 1), "{%p if doc.place_date_size == 13 %}")
    para(table.cell(1, 1), "{{ doc.place_date }}", align=CENTER, after=0, size=13, italic=True)
    tag(table.cell(1, 1), "{%p else %}")
    para(table.cell(1, 1), "{{ doc.place_date }}", align=CENTER, after=0, size=14, italic=True)
    tag(table.cell(1, 1), "{%p endif %}")


def title_block(doc: Doc, kind: str) -> None:
    para(doc, kind, align=CENTER, before=18, after=0, bold=True)
    para(doc, "{{ trich_yeu }}", align=CENTER, after=0, bold=True)
    rule(doc, 60)


def bases(doc: Doc) -> None:
    tag(doc, "{%p for line in bases %}")
    para(doc, "{{ line }}", indent=True, italic=True)
    tag(doc, "{%p endfor %}")


def signature(doc: Doc, recipients: bool = True) -> None:
    table = layout_table(doc, 1, [80, 85])
    left, right = table.cell(0, 0), table.cell(0, 1)
    if recipients:
        para(left, "Nơi nhận:", align=LEFT, before=12, after=0, size=12, bold=True, italic=True)
        tag(left, "{%p for r in recipients %}")
        para(left, "{{ r }}", align=LEFT, after=0, size=11)
        tag(left, "{%p endfor %}")
    else:
        para(left, "", after=0)
    tag(right, "{%p for line in signer.lines %}")
    para(right, "{{ line }}", align=CENTER, after=0, bold=True)
    tag(right, "{%p endfor %}")
    for _ in range(4):
        para(right, "", align=CENTER, after=0)
    para(right, "{{ signer.name }}", align=CENTER, after=0, bold=True)


def grid_table(doc: Doc, headers: list[str], widths: list[float], cells: list[str], loop: str) -> Any:
    """A bordered table: a bold header row, then ``{%tr for row in <loop> %}`` rows. A row whose
    ``group`` is set (a unit or an award) is one merged bold cell; others fill ``cells``."""
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        _clear(cell)
        para(cell, text, align=CENTER, after=0, size=13, bold=True)
    trpr = table.rows[0]._tr.get_or_add_trPr()
    hdr = OxmlElement("w:tblHeader")  # repeat the header row on every page
    trpr.append(hdr)

    def tag_row(text: str) -> None:
        row = table.add_row()
        for cell in row.cells:
            _clear(cell)
        para(row.cells[0], text, after=0, size=13)

    tag_row("{%tr for row in " + loop + " %}")
    tag_row("{%tr if row.group %}")
    group = table.add_row()
    merged = group.cells[0].merge(group.cells[-1])
    _clear(merged)
    para(merged, "{{ row.group }}", align=LEFT, after=0, size=13, bold=True)
    tag_row("{%tr else %}")
    item = table.add_row()
    for i, (cell, expr) in enumerate(zip(item.cells, cells, strict=True)):
        _clear(cell)
        para(cell, "{{ row." + expr + " }}", align=CENTER if i == 0 or i >= 3 else LEFT, after=0, size=13)
    tag_row("{%tr endif %}")
    tag_row("{%tr endfor %}")
    _widths(table, widths)
    return table


def decision() -> Doc:
    doc = new_document("Quyết định khen thưởng")
    national_header(doc)
    title_block(doc, "QUYẾT ĐỊNH")
    para(doc, "{{ authority }}", align=CENTER, before=6, after=12, bold=True)
    bases(doc)
    para(doc, "QUYẾT ĐỊNH:", align=CENTER, before=6, after=6, bold=True)
    para(doc, ("Điều 1. ", {"bold": True}), "{{ articles[0] }}", indent=True)
    tag(doc, "{%p for item in items %}")
    para(doc, "{{ item }}", indent=True)
    tag(doc, "{%p endfor %}")
    for n in (2, 3):
        para(doc, (f"Điều {n}. ", {"bold": True}), "{{ articles[" + str(n - 1) + "] }}", indent=True)
    signature(doc)
    tag(doc, "{%p if annex %}")
    page_break(doc)
    para(doc, "DANH SÁCH", align=CENTER, after=0, bold=True)
    para(doc, "{{ annex_title }}", align=CENTER, after=0, bold=True)
    para(doc, "{{ annex_note }}", align=CENTER, after=0, italic=True)
    rule(doc, 60)
    grid_table(
        doc,
        ["STT", "Tên tập thể, họ và tên cá nhân", "Chức vụ, đơn vị công tác"],
        [15, 66, 84],
        ["stt", "name", "detail"],
        "annex",
    )
    tag(doc, "{%p endif %}")
    return doc


def proposal() -> Doc:
    doc = new_document("Tờ trình đề nghị khen thưởng")
    national_header(doc)
    title_block(doc, "TỜ TRÌNH")
    para(doc, "Kính gửi: {{ addressee }}.", align=CENTER, before=6, after=12)
    bases(doc)
    tag(doc, "{%p for text in body %}")
    para(doc, "{{ text }}", indent=True)
    tag(doc, "{%p endfor %}")
    signature(doc)
    page_break(doc)
    para(doc, "DANH SÁCH", align=CENTER, after=0, bold=True)
    para(doc, "{{ annex_title }}", align=CENTER, after=0, bold=True)
    para(doc, "{{ annex_note }}", align=CENTER, after=0, italic=True)
    rule(doc, 60)
    grid_table(
        doc,
        ["STT", "Tên tập thể, họ và tên cá nhân", "Chức vụ, đơn vị công tác", "Phiếu đồng ý", "Tỷ lệ"],
        [15, 50, 54, 22, 24],
        ["stt", "name", "detail", "votes", "percent"],
        "annex",
    )
    return doc


def minutes() -> Doc:
    doc = new_document("Biên bản kiểm phiếu")
    national_header(doc, issuer="issuer")
    title_block(doc, "BIÊN BẢN")
    tag(doc, "{%p for text in intro %}")
    para(doc, "{{ text }}", indent=True)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p for t in tallies %}")
    para(doc, "{{ t.heading }}", before=6, bold=True)
    tag(doc, "{%p for text in t.lines %}")
    para(doc, "{{ text }}", indent=True)
    tag(doc, "{%p endfor %}")
    grid_table(
        doc,
        ["STT", "Họ và tên, tên tập thể", "Đồng ý", "Không đồng ý", "Để trống", "Không hợp lệ", "Tỷ lệ đồng ý",
         "Kết quả"],
        [15, 40, 16, 18, 16, 18, 20, 22],
        ["stt", "name", "agree", "disagree", "blank", "invalid", "percent", "result"],
        "t.rows",
    )
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p for text in closing %}")
    para(doc, "{{ text }}", indent=True)
    tag(doc, "{%p endfor %}")
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    for cell in table.rows[0].cells:
        _clear(cell)
    tag(table.cell(0, 0), "{%tr for pair in board %}")
    row = table.add_row()
    for i, cell in enumerate(row.cells):
        _clear(cell)
        side = "left" if i == 0 else "right"
        para(cell, "{{ pair." + side + ".title }}", align=CENTER, before=12, after=0, bold=True)
        for _ in range(3):
            para(cell, "", align=CENTER, after=0)
        para(cell, "{{ pair." + side + ".name }}", align=CENTER, after=0, bold=True)
    end = table.add_row()
    for cell in end.cells:
        _clear(cell)
    tag(end.cells[0], "{%tr endfor %}")
    _widths(table, [82, 83])
    # The SHA-256 of the ballot files (design.md §6) after the signatures, not in the minutes' body.
    tag(doc, "{%p if files %}")
    para(doc, "Tệp phiếu đã kiểm và mã kiểm tra (SHA-256):", before=12, after=0, size=11, italic=True)
    tag(doc, "{%p for f in files %}")
    para(doc, "- {{ f.name }}: {{ f.sha256 }}", align=LEFT, after=0, size=11)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    return doc


def report() -> Doc:
    doc = new_document("Báo cáo tổng hợp khen thưởng")
    national_header(doc)
    title_block(doc, "BÁO CÁO")
    tag(doc, "{%p for section in sections %}")
    para(doc, "{{ section.heading }}", before=6, bold=True)
    tag(doc, "{%p for text in section.lines %}")
    para(doc, "{{ text }}", indent=True)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if section.rows %}")
    grid_table(
        doc,
        ["STT", "Nội dung", "Tập thể", "Cá nhân", "Hộ gia đình", "Cộng"],
        [15, 70, 20, 20, 20, 20],
        ["stt", "name", "collective", "individual", "household", "total"],
        "section.rows",
    )
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    signature(doc)
    return doc


BUILDERS = {"decision": decision, "proposal": proposal, "minutes": minutes, "report": report}


def build(out_dir: Path = HERE) -> list[Path]:
    """Write every template into ``out_dir``; returns the paths."""
    from tdkt.render.docx import normalize_zip

    written = []
    for name, builder in BUILDERS.items():
        path = out_dir / f"{name}.docx"
        import io

        buf = io.BytesIO()
        builder().save(buf)
        path.write_bytes(normalize_zip(buf.getvalue()))
        written.append(path)
    return written


if __name__ == "__main__":  # pragma: no cover
    for p in build(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(p)

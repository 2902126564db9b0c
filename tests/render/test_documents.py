"""The four documents of the example round: golden text, no Jinja left, python-docx reopens them,
NĐ 30 geometry and fonts, determinism, PDF through LibreOffice, and the CLI contract."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document

from tdkt import workspace
from tdkt.render import docx_text, render_all, render_document

from .conftest import check_golden

AWARDEES = ["Bùi Thị Thu Hà", "Ngô Thị Lan", "Lâm Thị Quỳnh", "Phan Thị Ngọc", "Trương Công Minh", "Hoàng Thị Dung"]


@pytest.fixture(scope="module")
def rendered(example_template: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    ws = workspace.find(example_template)
    assert ws is not None
    paths = render_all(ws, "2022-1", tmp_path_factory.mktemp("out"), False)
    return {p.name: p for p in paths}


def test_render_all_writes_every_document(rendered: dict[str, Path]) -> None:
    names = sorted(rendered)
    assert "to-trinh_2022-1.docx" in names
    assert "bien-ban-kiem-phieu_2022-1.docx" in names
    assert {"bao-cao_2022-1.docx", "bao-cao_2022-1.xlsx"} <= set(names)
    decisions = sorted(n for n in names if n.startswith("quyet-dinh_"))
    # What the Chủ tịch UBND tỉnh decides (Luật TĐKT Điều 80), and the province's own title; not the
    # cơ sở titles the heads of units decide, nor the Prime Minister's and the President's awards.
    assert decisions == [f"quyet-dinh_2022-1_{a}.docx" for a in (
        "bang_khen_bo_tinh", "chien_si_thi_dua_bo_tinh", "co_thi_dua_bo_tinh", "guong_mat_tieu_bieu",
        "tap_the_lao_dong_xuat_sac")]


def test_golden_text(rendered: dict[str, Path]) -> None:
    for name, path in sorted(rendered.items()):
        if path.suffix == ".docx":
            check_golden(name.replace(".docx", ".txt"), docx_text(path))


def test_no_jinja_left_and_python_docx_reopens(rendered: dict[str, Path]) -> None:
    for path in rendered.values():
        if path.suffix != ".docx":
            continue
        with zipfile.ZipFile(path) as z:
            xml = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
        assert not re.search(r"\{\{|\{%|%\}|\}\}|\ue000", xml), path.name
        doc = Document(str(path))
        assert doc.paragraphs or doc.tables


def test_nd30_geometry_and_fonts(rendered: dict[str, Path]) -> None:
    for path in rendered.values():
        if path.suffix != ".docx":
            continue
        doc = Document(str(path))
        for s in doc.sections:
            mm = {k: round(getattr(s, k).mm, 1) for k in ("page_width", "page_height", "top_margin",
                                                            "bottom_margin", "left_margin", "right_margin")}
            assert (mm["page_width"], mm["page_height"]) == (210, 297)
            assert 20 <= mm["top_margin"] <= 25 and 20 <= mm["bottom_margin"] <= 25
            assert 30 <= mm["left_margin"] <= 35 and 15 <= mm["right_margin"] <= 20
            assert s.different_first_page_header_footer  # no number on page 1
            header_xml = s.header._element.xml
            assert 'w:instr="PAGE"' in header_xml and 'w:val="center"' in header_xml
            assert "PAGE" not in s.first_page_header._element.xml
        normal = doc.styles["Normal"].font
        assert normal.name == "Times New Roman" and 13 <= normal.size.pt <= 14
        for p in doc.paragraphs:
            for run in p.runs:
                assert run.font.name in (None, "Times New Roman")
        props = doc.core_properties
        assert "tdkt 0.1.0" in props.comments and "nd91-2017" in props.comments


def test_decision_structure(rendered: dict[str, Path]) -> None:
    text = docx_text(rendered["quyet-dinh_2022-1_chien_si_thi_dua_bo_tinh.docx"])
    lines = text.splitlines()
    order = ["ỦY BAN NHÂN DÂN / TỈNH HẢI ĐÔNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số:      /QĐ-UBND",
             "Hải Đông, ngày     tháng     năm 2022", "P: QUYẾT ĐỊNH",
             "P: Về việc tặng danh hiệu “Chiến sĩ thi đua cấp tỉnh” năm 2021",
             "P: CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HẢI ĐÔNG",
             "P: Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
             "P: Căn cứ Nghị định số 91/2017/NĐ-CP", "P: Căn cứ Quyết định số 24/2019/QĐ-UBND",
             "P: Theo đề nghị của Giám đốc Sở Nội vụ.", "P: QUYẾT ĐỊNH:",
             "P: Điều 1. Tặng danh hiệu “Chiến sĩ thi đua cấp tỉnh” năm 2021 cho 01 cá nhân", "gồm:",
             "P: 1. Bà Bùi Thị Thu Hà, Phó Trưởng khoa Dược, Bệnh viện Đa khoa tỉnh Hải Đông.",
             "P: Điều 2.", "P: Điều 3.", "Nơi nhận:", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Trần Thị Kim Liên"]
    pos = [next(i for i, line in enumerate(lines) if o in line) for o in order]
    assert pos == sorted(pos)
    # Cao Thị Hương passed validation but not the vote (9/11 < 90 %).
    assert "Cao Thị Hương" not in text
    # One awardee is named in Điều 1: no attached list.
    assert "DANH SÁCH" not in text


def test_minutes_and_report_content(rendered: dict[str, Path]) -> None:
    import hashlib

    minutes = docx_text(rendered["bien-ban-kiem-phieu_2022-1.docx"])
    digest = hashlib.sha256((Path(__file__).parents[2] / "examples/2022-1/ballots.csv").read_bytes()).hexdigest()
    assert f"ballots.csv: {digest}" in minutes
    assert "Tổng số thành viên Hội đồng: 11; có mặt: 10; vắng mặt: 01" in minutes
    # Every ballot accounted for: 10 issued and returned at the meeting, 1 written opinion, 11 counted.
    assert ("Số phiếu phát ra: 10; số phiếu thu về: 10; số phiếu ý kiến bằng văn bản của thành viên vắng mặt: 01. "
            "Tổng số phiếu được kiểm: 11") in minutes
    assert "TRƯỞNG BAN KIỂM PHIẾU / Tôn Nữ Diệu Linh" in minutes
    report = docx_text(rendered["bao-cao_2022-1.docx"])
    assert "Huân chương Lao động hạng Ba: 01 cá nhân; Bằng khen của Thủ tướng Chính phủ: 01 cá nhân;" in report


def test_report_xlsx(rendered: dict[str, Path]) -> None:
    from openpyxl import load_workbook

    path = rendered["bao-cao_2022-1.xlsx"]
    wb = load_workbook(path)
    assert wb.sheetnames == ["Tổng hợp", "Theo đơn vị", "Danh sách", "Thông tin"]
    ds = wb["Danh sách"]
    assert ds.freeze_panes == "A4" and ds.auto_filter.ref
    assert ds["B3"].value == "Tên tập thể, họ và tên" and ds.max_row == 3 + 23
    assert (ds["C3"].value, ds["D3"].value) == ("Kết quả", "Thẩm định")  # the verdicts beside the name
    for sheet in ("Tổng hợp", "Theo đơn vị", "Danh sách"):  # to print: A4 landscape, one page wide, titles repeated
        ps = wb[sheet].page_setup
        assert (str(ps.paperSize), ps.orientation, ps.fitToWidth or 1, ps.fitToHeight) == ("9", "landscape", 1, 0)
        assert wb[sheet].sheet_properties.pageSetUpPr.fitToPage
        assert wb[sheet].print_title_rows == "$1:$3" and "&P" in wb[sheet].oddFooter.center.text
        assert "ỦY BAN NHÂN DÂN" in wb[sheet].oddHeader.center.text
    summary = wb["Tổng hợp"]
    assert len(summary["A1"].value) < 120 and len(summary["A2"].value) > len(summary["A1"].value)  # a title, then the sentence
    with zipfile.ZipFile(path) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
        assert charts  # a native Excel chart
        assert '<c:majorUnit val="1"/>' in z.read(charts[0]).decode()  # whole people on the axis


def test_same_inputs_same_bytes(example_ws: Path) -> None:
    ws = workspace.require()
    a = render_all(ws, "2022-1", example_ws / "a", False)
    b = render_all(ws, "2022-1", example_ws / "b", False)
    for pa, pb in zip(sorted(a), sorted(b), strict=True):
        assert pa.read_bytes() == pb.read_bytes(), pa.name


def test_refuses_to_overwrite_without_force(cli, example_ws: Path) -> None:  # type: ignore[no-untyped-def]
    r = cli(["render", "minutes", "--out", "o"])
    assert r.exit_code == 0, r.stderr
    assert "bien-ban-kiem-phieu_2022-1.docx" in r.stdout
    before = (example_ws / "o" / "bien-ban-kiem-phieu_2022-1.docx").read_bytes()
    r = cli(["render", "minutes", "--out", "o"])
    assert r.exit_code == 3 and "--force" in r.stderr
    r = cli(["render", "minutes", "--out", "o", "--force"])
    assert r.exit_code == 0
    assert (example_ws / "o" / "bien-ban-kiem-phieu_2022-1.docx").read_bytes() == before


def test_cli_decision_for_one_award_and_html(cli, example_ws: Path) -> None:  # type: ignore[no-untyped-def]
    r = cli(["render", "decision", "--award", "bang_khen_bo_tinh", "--out", "o"])
    assert r.exit_code == 0, r.stderr
    assert [p.name for p in (example_ws / "o").iterdir()] == ["quyet-dinh_2022-1_bang_khen_bo_tinh.docx"]
    r = cli(["render", "decision", "--award", "bang_khen_thu_tuong", "--out", "o"])
    assert r.exit_code == 2 and "Tờ trình" in r.stderr
    r = cli(["render", "proposal", "--format", "html", "--out", "h"])
    assert r.exit_code == 0, r.stderr
    html = (example_ws / "h" / "to-trinh_2022-1.html").read_text(encoding="utf-8")
    assert "TỜ TRÌNH" in html and "Trương Công Minh" in html and "{{" not in html
    r = cli(["render", "minutes", "--format", "xlsx", "--out", "x"])
    assert r.exit_code == 2 and not (example_ws / "x").exists()


def test_user_template_missing_variable_writes_nothing(cli, example_ws: Path) -> None:  # type: ignore[no-untyped-def]
    from tdkt.render import template_path

    tpl = Document(str(template_path("minutes.docx")))
    tpl.add_paragraph("Chủ tọa: {{ chair_name }}")
    (example_ws / "templates").mkdir()
    tpl.save(str(example_ws / "templates" / "minutes.docx"))
    r = cli(["render", "minutes", "--out", "o"])
    assert r.exit_code == 3
    assert "chair_name" in r.stderr and not (example_ws / "o").exists()


def test_user_template_attribute_missing_and_sandbox(cli, example_ws: Path) -> None:  # type: ignore[no-untyped-def]
    from tdkt.render import template_path

    (example_ws / "templates").mkdir()
    tpl = Document(str(template_path("report.docx")))
    tpl.add_paragraph("{{ agency.nickname }}")
    tpl.save(str(example_ws / "templates" / "report.docx"))
    r = cli(["render", "report", "--out", "o"])
    assert r.exit_code == 3 and "nickname" in r.stderr and not (example_ws / "o").exists()
    tpl = Document(str(template_path("report.docx")))
    tpl.add_paragraph("{{ agency.__class__.__mro__ }}")
    tpl.save(str(example_ws / "templates" / "report.docx"))
    r = cli(["render", "report", "--out", "o"])
    assert r.exit_code == 3 and not (example_ws / "o").exists()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed; CI installs it")
def test_pdf_has_the_awardees(rendered: dict[str, Path], tmp_path: Path) -> None:
    from tdkt.render.pdf import to_pdf

    docs = {n: p.read_bytes() for n, p in rendered.items() if p.suffix == ".docx"}
    pdfs = to_pdf(docs)  # one soffice call for all documents
    text = ""
    for name, data in pdfs.items():
        path = tmp_path / name
        path.write_bytes(data)
        out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in out, name
        text += out
    for name in AWARDEES:
        assert name in text


def test_pdf_missing_soffice_message(example_ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tdkt.render.pdf import PdfUnavailable

    monkeypatch.setenv("TDKT_SOFFICE", str(example_ws / "no-such-soffice"))
    with pytest.raises(PdfUnavailable, match="LibreOffice"):
        render_document("minutes", workspace=workspace.require(), round_id=None, award=None, fmt="pdf",
                        out_dir=example_ws / "p", force=False)
    assert not (example_ws / "p").exists()


def _place_date_runs(path: Path) -> list[tuple[str, float | None]]:
    cell = Document(str(path)).tables[0].cell(1, 1)
    return [(p.text, r.font.size.pt if r.font.size else None) for p in cell.paragraphs for r in p.runs if r.text]


def test_a_long_place_name_keeps_the_place_and_date_on_one_line(example_template: Path, tmp_path: Path) -> None:
    """Issue 14: "Thành phố Hồ Chí Minh, ngày 25 tháng 4 năm 2022" (NĐ 30 writes a place named after a
    person in full) wraps at 14 pt in the 102 mm column; it is set at 13 pt (NĐ 30: 13–14), the
    everyday "Hải Đông, ngày …" stays at 14 pt."""
    from tdkt.render.measure import text_mm

    from .conftest import edit_config

    root = tmp_path / "ws"
    shutil.copytree(example_template, root)
    before = render_document("minutes", workspace=workspace.find(root), round_id="2022-1", award=None, fmt="docx",
                             out_dir=tmp_path / "before", force=False)
    assert _place_date_runs(before[0]) == [("Hải Đông, ngày 25 tháng 4 năm 2022", 14.0)]

    def hcm(data: dict) -> None:  # type: ignore[type-arg]
        data["agency"]["place"] = "Thành phố Hồ Chí Minh"

    edit_config(root, hcm)
    after = render_document("minutes", workspace=workspace.find(root), round_id="2022-1", award=None, fmt="docx",
                            out_dir=tmp_path / "after", force=False)
    line = "Thành phố Hồ Chí Minh, ngày 25 tháng 4 năm 2022"
    assert _place_date_runs(after[0]) == [(line, 13.0)]
    assert text_mm(line, 14, "italic") > 100 > text_mm(line, 13, "italic")  # the 102 mm column less its margins
    if shutil.which("soffice") and shutil.which("pdftotext"):
        from tdkt.render.pdf import to_pdf

        pdf = tmp_path / "bb.pdf"
        (data,) = to_pdf({"bb.docx": after[0].read_bytes()}).values()
        pdf.write_bytes(data)
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert line in " ".join(text.split()), text[:600]


def test_the_to_trinh_encloses_what_the_law_asks_for_each_award(example_template: Path) -> None:
    """Issue 14: the dossier line of the Tờ trình follows the round's regime and awards: the minutes with
    or without a ballot, the achievement reports on NĐ 152/2025's forms from 01/07/2025, and for a
    Chiến sĩ thi đua title the recognition of the sáng kiến (Luật 2022 Điều 84 k1 d) — for the cơ sở
    title, or the confirmation of the HTXS rating (NĐ 98/2023 Điều 34)."""
    import datetime as dt

    import msgspec

    from tdkt.render import context, round_data

    ws = workspace.find(example_template)
    assert ws is not None
    data = round_data.load(ws, "2022-1")
    old = context._dossier(data, ["chien_si_thi_dua_bo_tinh", "bang_khen_thu_tuong"], True)
    assert old == ("Hồ sơ kèm theo gồm: danh sách đề nghị khen thưởng; biên bản họp xét và kết quả bỏ phiếu của Hội "
                   "đồng; báo cáo thành tích của các tập thể, cá nhân được đề nghị.")  # NĐ 91: nothing more is sure
    data.round = msgspec.structs.replace(data.round, date=dt.date(2026, 11, 25))
    new = context._dossier(data, ["chien_si_thi_dua_toan_quoc", "chien_si_thi_dua_co_so"], False)
    assert "biên bản họp xét khen thưởng của Hội đồng;" in new
    assert "(theo mẫu ban hành kèm theo Nghị định số 152/2025/NĐ-CP)" in new
    assert "sáng kiến, đề tài, đề án, công trình của các cá nhân được đề nghị danh hiệu Chiến sĩ thi đua toàn quốc" in new
    assert "hoặc xác nhận hoàn thành xuất sắc nhiệm vụ của các cá nhân được đề nghị danh hiệu Chiến sĩ thi đua cơ sở" in new
    assert "Chiến sĩ thi đua" not in context._dossier(data, ["bang_khen_thu_tuong"], False)


def test_a_date_the_workspace_gives_goes_after_the_instruments_number(example_template: Path, tmp_path: Path) -> None:
    """Issue 14: every decree and circular with its date. The packs print an instrument without the date
    their sources do not confirm; ``[legal.dates]`` in tdkt.toml gives it, and it is written right after
    the number ("Thông tư số 12/2019/TT-BNV ngày … của Bộ Nội vụ"), as NĐ 30 writes a căn cứ."""
    import datetime as dt

    from .conftest import edit_config

    root = tmp_path / "ws"
    shutil.copytree(example_template, root)
    line = "Căn cứ Thông tư số 12/2019/TT-BNV của Bộ Nội vụ;"
    before = render_document("proposal", workspace=workspace.find(root), round_id="2022-1", award=None, fmt="docx",
                             out_dir=tmp_path / "before", force=False)
    assert f"P: {line}" in docx_text(before[0]).splitlines()

    def dated(data: dict) -> None:  # type: ignore[type-arg]
        data["legal"]["dates"] = {"12/2019/TT-BNV": dt.date(2019, 11, 4)}

    edit_config(root, dated)
    after = render_document("proposal", workspace=workspace.find(root), round_id="2022-1", award=None, fmt="docx",
                            out_dir=tmp_path / "after", force=False)
    text = docx_text(after[0]).splitlines()
    assert "P: Căn cứ Thông tư số 12/2019/TT-BNV ngày 04 tháng 11 năm 2019 của Bộ Nội vụ;" in text
    assert f"P: {line}" not in text

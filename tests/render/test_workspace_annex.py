"""A workspace template's attached list above the fast-path threshold (code review A.4; issue 19): a row
cell that applies a filter (``{{ row.name|upper }}``, ``{{ row.stt|int }}``) prints what docxtpl's own
loop prints, never the fast path's markers or zeros. Not marked ``fast_path``: it runs both ways
(TDKT_PLAIN=1 too), and the expected text is computed from the rows, not from either path.

Every name and unit here is invented.
"""

from __future__ import annotations

import zipfile
from importlib import resources
from pathlib import Path

import pytest

from tdkt.render import docx as d

from .test_fast_rows import LDTT, N_ROWS, _annex, _csv_round, _document_xml, _expected_annex, _render

FILTERED = {"{{ row.name }}": "{{ row.name|upper }}", "{{ row.stt }}": "{{ row.stt|int }}",
            "{{ row.detail }}": "{{ row.detail|lower }}"}


def _workspace_template(root: Path) -> Path:
    """templates/decision.docx: the bundled decision with filters on the attached list's row cells."""
    bundled = Path(str(resources.files("tdkt").joinpath("templates", "decision.docx")))
    path = root / "templates" / "decision.docx"
    path.parent.mkdir(exist_ok=True)
    with zipfile.ZipFile(bundled) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                for plain, filtered in FILTERED.items():
                    assert plain in text, plain
                    text = text.replace(plain, filtered)
                data = text.encode("utf-8")
            dst.writestr(info, data)
    return path


def test_a_workspace_template_with_filters_over_300_rows_prints_what_docxtpl_prints(
        cli, workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    assert N_ROWS > d.FAST_ROWS
    people = [(f"Lò Văn Ánh{i:03d}", "Phòng Kế Hoạch" if i % 2 else "Ban Tổ Chức") for i in range(N_ROWS)]
    _csv_round(cli, workspace, people)
    _workspace_template(workspace)

    rows = _annex(_render(cli, "mac-dinh", LDTT))  # the default: whatever path tdkt chooses
    expected = [r if len(r) == 1 else [str(int(r[0])), r[1].upper(), r[2].lower()]
                for r in _expected_annex("2022-1", LDTT)]
    assert rows == expected
    assert "\ue000" not in "".join(c for r in rows for c in r)
    assert "ÔNG LÒ VĂN ÁNH007" in {r[1] for r in rows if len(r) == 3}

    monkeypatch.setattr(d, "FAST_ROWS", 10**9)  # docxtpl's own {%tr for%} over every row
    loop = _render(cli, "vong-lap", LDTT)
    assert _annex(loop) == rows
    assert _document_xml(loop) == _document_xml(Path(next(Path("mac-dinh").glob("*.docx"))))


def test_the_fast_path_refuses_a_prototype_whose_marker_a_filter_changed() -> None:
    """Even a bundled template cannot get the fast path's markers through a filter: the rows then come
    from docxtpl's loop (``_rows_document`` gives None)."""
    from docx import Document

    doc = Document()
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text = f"{d._MARK}group{d._MARK}"
    table.cell(1, 0).text = f"{d._MARK}stt{d._MARK}"
    table.cell(1, 1).text = f"{d._MARK}NAME{d._MARK}"  # what {{ row.name|upper }} made of the marker
    assert d._rows_document(doc.element, [{"group": "", "stt": "1", "name": "Lò Văn Ánh"}]) is None

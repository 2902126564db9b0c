"""The attached list of a decision end to end through the CLI: the fast row path (rows written as text
from the serialised prototypes, commit 1d7a223) keeps markup characters exactly, row by row, and
writes the same bytes as docxtpl's own loop; a value with a tab, line feed or carriage return takes
docxtpl's loop; a character XML cannot hold is removed from every value before either path (with a
warning), leaving every other character of the document; a decision recorded with
``tdkt register issue`` shows its number and date (commit c47d43b).

Every name and unit here is invented.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from tdkt.render import docx as d

from .conftest import edit_config

pytestmark = pytest.mark.fast_path  # the fast paths themselves: off under TDKT_PLAIN=1

AWARD = "bang_khen_bo_tinh"
LDTT = "lao_dong_tien_tien"
N_ROWS = d.FAST_ROWS + 20  # above the threshold: the fast path is the default, nothing patched
UNITS = ['Phòng <Kế hoạch> & "Tài chính"', "Ban A&B > C", 'Tổ "Một" <Hai>']


class Spy:
    """Wraps ``docx._rows_document`` (called, not replaced) to record which path each render took."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.results: list[bool] = []  # True: rows written by the fast path; False: docxtpl's loop
        original = d._rows_document

        def spy(root: Any, rows: list[dict[str, Any]]) -> bytes | None:
            out = original(root, rows)
            self.results.append(out is not None)
            return out

        monkeypatch.setattr(d, "_rows_document", spy)


def _session(cli, round_id: str = "2024-1", date: str = "2024-08-01", year: str = "2023") -> None:  # type: ignore[no-untyped-def]
    r = cli(["session", "new", round_id, "--date", date, "--year", year])
    assert r.exit_code == 0, r.stderr


def _store_validation(nominees: list[dict[str, Any]], round_id: str = "2024-1") -> None:
    """What `tdkt validate` stores (ingest folds tabs and line breaks, so values with them come this way)."""
    from tdkt import rounds, workspace

    ws = workspace.require()
    rounds.store_run(ws.database_url, round_id, "validate", {"schema_version": 1, "nominees": nominees},
                     ruleset="nd98-2023")


def _render(cli, out: str, award: str = AWARD) -> Path:  # type: ignore[no-untyped-def]
    r = cli(["render", "decision", "--award", award, "--out", out])
    assert r.exit_code == 0, r.stdout + r.stderr
    assert "Traceback" not in r.stderr
    paths = sorted(Path(out).glob("quyet-dinh_*.docx"))
    assert len(paths) == 1, paths
    return paths[0]


def _annex(path: Path) -> list[list[str]]:
    """The rows of the attached list (the last table) as python-docx reads them; a merged group row
    comes back as one cell."""
    doc = Document(str(path))
    table = doc.tables[-1]
    rows = []
    for tr in table.rows[1:]:  # row 0 is the header
        texts = [c.text for c in tr.cells]
        rows.append(texts[:1] if len(set(texts)) == 1 else texts)
    return rows


def _document_xml(path: Path) -> bytes:
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml")


def _expected_annex(round_id: str, award: str) -> list[list[str]]:
    """The rows the decision's context asks for (ordering is context.grouped's business, not the writer's)."""
    from tdkt import workspace
    from tdkt.render import context as c
    from tdkt.render import round_data

    rows = c.decision_context(round_data.load(workspace.require(), round_id), award)["annex"]
    return [[r["group"]] if r["group"] else [r["stt"], r["name"], r["detail"]] for r in rows]


def _nominees(name_of: Any, unit_of: Any) -> list[dict[str, Any]]:
    return [{"id": f"ds.xlsx:DS:{i + 5}", "file": "ds.xlsx", "sheet": "DS", "row": i + 5, "name": name_of(i),
             "kind": "collective" if i % 50 == 0 else "individual", "unit": unit_of(i), "award": AWARD,
             "gender": "female" if i % 2 else "male", "position": "Chuyên viên", "verdict": "pass", "findings": []}
            for i in range(N_ROWS)]


# ---------------------------------------------------------------- 1. the fast path


def _write_csv(path: Path, rows: list[list[str]]) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Đơn vị", "Danh hiệu đề nghị", "Xếp loại năm 2021",
                "Kỷ luật"])
    w.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def _as_unit_council(root: Path) -> None:
    """The workspace's council becomes a unit's own (a sở), whose head decides Lao động tiên tiến."""
    def change(data: dict[str, Any]) -> None:
        data["council"]["level"] = "don_vi"
        data["agency"].update(name="SỞ Y TẾ TỈNH HẢI ĐÔNG", parent="ỦY BAN NHÂN DÂN TỈNH HẢI ĐÔNG",
                              head_title="GIÁM ĐỐC", province="tỉnh Hải Đông")
        data["legal"]["competence"] = [{"text": "Quyết định số 01/2020/QĐ-UBND ngày 02 tháng 01 năm 2020 của Ủy ban "
                                                "nhân dân tỉnh Hải Đông quy định chức năng, nhiệm vụ của Sở Y tế"}]

    edit_config(root, change)


def _csv_round(cli, workspace: Path, people: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    """Round 2022-1 of a unit's council with one LĐTT list read by `tdkt validate` (CSV), every nominee passing."""
    _as_unit_council(workspace)
    _session(cli, "2022-1", "2022-04-25", "2021")
    rows = [[str(i), name, "Nữ" if i % 2 else "Nam", f"{(i % 28) + 1:02d}/03/1985", unit, "Lao động tiên tiến", "HTTNV"]
            for i, (name, unit) in enumerate(people, 1)]
    _write_csv(workspace / "ds.csv", rows)
    r = cli(["validate", "ds.csv", "--session", "2022-1", "--format", "json"])
    assert r.exit_code == 0, r.stdout[-2000:] + r.stderr


def test_fast_path_from_a_validated_list_equals_docxtpl_loop(cli, workspace: Path,  # type: ignore[no-untyped-def]
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A list read by `tdkt validate`: units and names with <, >, & and " written by the fast path,
    byte for byte the document.xml docxtpl's own loop writes."""
    people = [(f"Lò Văn Ánh{i:03d}", UNITS[i % 3]) for i in range(N_ROWS)]
    people[7] = ("Hờ A Cử & Lù", UNITS[1])  # (ingest recapitalises a word after a quote or <)
    _csv_round(cli, workspace, people)
    spy = Spy(monkeypatch)
    fast = _render(cli, "fast", LDTT)
    assert spy.results == [True]

    rows = _annex(fast)
    assert rows == _expected_annex("2022-1", LDTT)
    assert [r[0] for r in rows if len(r) == 1] == UNITS  # units in the order of the list
    items = [r for r in rows if len(r) == 3]
    assert [r[0] for r in items] == [str(i) for i in range(1, N_ROWS + 1)]
    assert "Ông Hờ A Cử & Lù" in [r[1] for r in items]
    assert sum(r[2] == 'Phòng <Kế hoạch> & "Tài chính"' for r in items) == len(range(0, N_ROWS, 3))
    assert b"&amp;" in _document_xml(fast) and b"&lt;" in _document_xml(fast)

    monkeypatch.setattr(d, "FAST_ROWS", 10**9)  # the public threshold: docxtpl's {%tr for%} for any size
    slow = _render(cli, "slow", LDTT)
    assert spy.results == [True]  # the fast path was not asked this time
    assert _document_xml(fast) == _document_xml(slow)
    assert fast.read_bytes() == slow.read_bytes()


def test_tabs_line_feeds_and_carriage_returns_take_docxtpl_loop(cli, workspace: Path,  # type: ignore[no-untyped-def]
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """docxtpl turns a tab into <w:tab/> and a line feed into <w:br/>, and its parser folds a carriage
    return into a line feed: the fast path declines such rows, docxtpl's loop writes them all."""
    def name(i: int) -> str:
        return f'Lò <Văn> & "Ánh"\t{i:03d}\rB' if i % 50 else f'Tổ <{i:03d}> & "Bếp"\tĂn\rUống'

    def unit(i: int) -> str:
        return f'Đơn vị <{i // 100}> & "Hai"\tBa\rBốn\nNăm'

    def read(text: str) -> str:  # as python-docx reads it back
        return text.replace("\r", "\n")

    _session(cli)
    nominees = _nominees(name, unit)
    _store_validation(nominees)
    spy = Spy(monkeypatch)
    path = _render(cli, "o")
    assert spy.results == [False]

    Document(str(path))  # python-docx opens it
    rows = _annex(path)
    assert rows == [[read(x) for x in r] for r in _expected_annex("2024-1", AWARD)]
    groups = [r[0] for r in rows if len(r) == 1]
    assert groups == [read(unit(i)) for i in range(0, N_ROWS, 100)]
    items = [r for r in rows if len(r) == 3]
    assert [r[0] for r in items] == [str(i) for i in range(1, N_ROWS + 1)]
    labels = sorted(r[1] for r in items)
    expected = sorted(read(("" if n["kind"] == "collective" else "Bà " if n["gender"] == "female" else "Ông ") + n["name"])
                      for n in nominees)
    assert labels == expected  # every value exactly once, with its <, >, &, ", tab and line breaks
    # each row under the group of its own unit
    current = None
    for r in rows:
        if len(r) == 1:
            current = r[0]
        else:
            assert r[2] == f"Chuyên viên, {current}" or r[2] == current
    xml = _document_xml(path).decode("utf-8")
    assert "\ue000" not in xml and "{{" not in xml and "{%" not in xml
    assert "&#13;" not in xml and "\t" not in xml
    assert '&lt;Văn&gt; &amp; "Ánh"</w:t>' in xml and "<w:tab/>" in xml and "<w:br/>" in xml
    assert '<w:t xml:space="preserve">001\nB</w:t>' in xml  # the carriage return as the parser folds it


def test_fast_path_equals_docxtpl_loop_for_tabs_and_carriage_returns(cli, workspace: Path,  # type: ignore[no-untyped-def]
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    _session(cli)
    _store_validation(_nominees(lambda i: f"Lò Văn\tÁnh\r{i:03d}" if i % 7 else f"Lò\nVăn {i:03d}",
                                lambda i: "Ban A&B\tC" if i < 100 else "Ban <D>"))
    fast = _render(cli, "fast")
    monkeypatch.setattr(d, "FAST_ROWS", 10**9)
    slow = _render(cli, "slow")
    assert _annex(fast) == _annex(slow)
    assert _document_xml(fast) == _document_xml(slow)
    assert fast.read_bytes() == slow.read_bytes()


# ---------------------------------------------------------------- 2. the fallback


CONTROL_PEOPLE = [(f"Lò Văn Ánh{i:03d}", UNITS[i % 3]) for i in range(N_ROWS)]
CONTROL_PEOPLE[4] = ("Mùa Thị Bé\x01", UNITS[1])


def test_a_control_character_is_removed_before_the_fast_path(cli, workspace: Path,  # type: ignore[no-untyped-def]
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """\\x01 cannot go in XML: it is removed from the value before rendering, the fast path writes the
    rows, the document opens, and one warning names the value; no traceback, exit 0."""
    _csv_round(cli, workspace, CONTROL_PEOPLE)
    spy = Spy(monkeypatch)
    r = cli(["render", "decision", "--award", LDTT, "--out", "o"])
    assert r.exit_code == 0, r.stdout + r.stderr
    assert "Traceback" not in r.stderr
    warnings = [line for line in r.stderr.splitlines() if line.startswith("Chú ý:")]
    assert len(warnings) == 1, r.stderr
    assert "Mùa Thị Bé (U+0001)" in warnings[0] and "1 giá trị" in warnings[0] and "\x01" not in r.stderr
    assert spy.results == [True]
    path = next(Path("o").glob("*.docx"))
    xml = _document_xml(path).decode("utf-8")
    assert "\x01" not in xml and "\ue000" not in xml
    rows = _annex(path)
    names = [r[1] for r in rows if len(r) == 3]
    assert len(names) == N_ROWS
    assert "Bà Mùa Thị Bé" in names  # the control character dropped, the rest of the name kept
    assert sorted(n.split(" ", 1)[1] for n in names) == sorted(p[0].replace("\x01", "") for p in CONTROL_PEOPLE)


@pytest.mark.parametrize("fast_rows", [d.FAST_ROWS, 10**9], ids=["fast-path", "docxtpl-loop"])
def test_a_control_character_leaves_the_other_values_intact(cli, workspace: Path,  # type: ignore[no-untyped-def]
                                                            monkeypatch: pytest.MonkeyPatch, fast_rows: int) -> None:
    """docxtpl re-reads its output with a recovering parser, which after a character XML cannot hold
    dropped every &lt;, &gt; and &amp;: the character is gone before docxtpl renders, so the units
    keep their <, > and &, on either path."""
    monkeypatch.setattr(d, "FAST_ROWS", fast_rows)
    _csv_round(cli, workspace, CONTROL_PEOPLE)
    r = cli(["render", "decision", "--award", LDTT, "--out", "o"])
    assert "Traceback" not in r.stderr
    assert r.exit_code == 0, r.stdout + r.stderr
    rows = _annex(next(Path("o").glob("*.docx")))
    assert [r[0] for r in rows if len(r) == 1] == UNITS
    assert {r[2] for r in rows if len(r) == 3} == set(UNITS)
    assert rows == [[x.replace("\x01", "") for x in r] for r in _expected_annex("2022-1", LDTT)]


# ---------------------------------------------------------------- 3. after `tdkt register issue`


def test_decision_shows_the_issued_number_and_date(cli, example_ws: Path) -> None:  # type: ignore[no-untyped-def]
    award = "bang_khen_bo_tinh"
    edit_config(example_ws, lambda data: data["documents"].update(inline_max=0))  # a list even for one awardee
    before = d.project(_render(cli, "before", award))
    assert "Số:      /QĐ-UBND" in before and "Hải Đông, ngày     tháng     năm 2022" in before
    assert "1035" not in before

    r = cli(["register", "issue", "--session", "2022-1", "--award", award, "--number", "1035",
             "--date", "2022-05-06"])
    assert r.exit_code == 0, r.stdout + r.stderr

    after = d.project(_render(cli, "after", award))
    assert "Số: 1035/QĐ-UBND" in after
    assert "Hải Đông, ngày 06 tháng 5 năm 2022" in after
    assert ("(Kèm theo Quyết định số 1035/QĐ-UBND ngày 06 tháng 5 năm 2022 của Chủ tịch Ủy ban nhân dân tỉnh "
            "Hải Đông)") in after
    assert "Số:      /QĐ-UBND" not in after
    assert "Ngô Thị Lan" in after and "Lý Văn Hùng" not in after  # the same awardee (Hùng is still to be reviewed)
    # Another award of the round, not issued: still blank.
    other = d.project(_render(cli, "other", "chien_si_thi_dua_bo_tinh"))
    assert "Số:      /QĐ-UBND" in other and "1035" not in other

"""Issue 14: no internals in what an officer reads, under every rule pack. The example round (Hải Đông,
đợt 2022-1, history imported, both lists, the ballots) is validated under each built-in pack, and the
papers it yields are read: the annotated copies and the "Kết quả thẩm định" sheet of ``validate --format
xlsx`` (where every finding of the pack reaches the officer: its criteria's texts, bases and notes, the
ruleset line, the notices) and every document the round renders (.docx, .html, the Báo cáo's .xlsx)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .conftest import EXAMPLES
from .internals import internals
from .test_levels import _visible as _cells

PACKS = ["nd91-2017", "nd98-2023", "nd152-2025", "luat06-2026"]
DOCUMENTS = (("decision", "docx"), ("proposal", "docx"), ("proposal", "html"), ("minutes", "docx"),
             ("report", "docx"), ("report", "xlsx"))


def _papers(root: Path, pack: str) -> list[Path]:
    from typer.testing import CliRunner

    from tdkt import workspace
    from tdkt.cli import app

    root.mkdir(parents=True)
    workspace.create(root, workspace.load_config(EXAMPLES / "tdkt.toml"))
    shutil.copytree(EXAMPLES / "rules", root / "rules", dirs_exist_ok=True)
    env = {"TDKT_WORKSPACE": str(root), "COLUMNS": "200", "NO_COLOR": "1", "TDKT_DATABASE_URL": ""}
    runner = CliRunner()

    def cli(*args: object) -> int:
        r = runner.invoke(app, [str(a) for a in args], env=env, catch_exceptions=False)
        assert r.exit_code in (0, 1, 3), (args, r.stderr)  # 3: a document with nothing to say is refused
        assert "Traceback" not in r.stderr
        return r.exit_code

    assert cli("session", "new", "2022-1", "--date", "2022-04-25", "--year", "2021", "--members", "11") == 0
    shutil.copy(EXAMPLES / "lich-su-khen-thuong.xlsx", root / "lich-su.xlsx")
    assert cli("register", "import", root / "lich-su.xlsx") == 0
    lists = []
    for name in ("danh-sach-ca-nhan.xlsx", "danh-sach-tap-the.xlsx"):
        shutil.copy(EXAMPLES / "2022-1" / name, root / name)
        lists.append(root / name)
    assert cli("validate", *lists, "--rules", pack, "--format", "xlsx", "--output", root / "tham-dinh") == 1
    shutil.copy(EXAMPLES / "2022-1" / "ballots.csv", root / "ballots.csv")
    cli("tally", root / "ballots.csv")
    rendered = {(doc, fmt): cli("render", doc, "--format", fmt, "--out", root / "van-ban") for doc, fmt in DOCUMENTS}
    assert rendered[("decision", "docx")] == 0 and rendered[("report", "docx")] == 0
    assert rendered[("report", "xlsx")] == 0
    return sorted((root / "tham-dinh").iterdir()) + sorted((root / "van-ban").iterdir())


def _visible(path: Path) -> str:
    """The text an officer sees: the cells, and on the annotated copies the comments on them too."""
    if path.suffix != ".xlsx":
        return _cells(path)
    from openpyxl import load_workbook

    comments = [c.comment.text for ws in load_workbook(path).worksheets for row in ws.iter_rows() for c in row
                if c.comment is not None]
    return "\n".join([_cells(path), *comments])


@pytest.mark.parametrize("pack", PACKS)
def test_no_internals_in_the_papers_of_a_round_under_each_pack(pack: str, tmp_path: Path) -> None:
    papers = _papers(tmp_path / "ws", pack)
    assert {p.suffix for p in papers} >= {".xlsx", ".docx"}
    assert len([p for p in papers if "tham-dinh" in p.name]) == 2
    text = {p.name: _visible(p) for p in papers}
    sheet = text[next(n for n in text if n.startswith("danh-sach-ca-nhan"))]
    assert "Bộ tiêu chí" in sheet  # the ruleset line and the pack's findings are there to be read
    found = {name: internals(t) for name, t in text.items()}
    assert {k: v for k, v in found.items() if v} == {}

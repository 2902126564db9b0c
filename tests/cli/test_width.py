"""Every command's screen fits an 80-column terminal: tables, messages, help and errors.

The demo workspace is the officer's real material (two list layouts, ballots, the register). Each
command runs with COLUMNS=80; a line may pass 80 characters only when it is one word that cannot be
broken (a long path), and no name is ever cut: every word of every nominee's name is printed whole.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

WIDTH = 80
ENV = {"COLUMNS": str(WIDTH)}


def _no_ids(text: str, what: str) -> None:
    """No award id, pack id or English run word in what an officer reads (ids only in JSON)."""
    from tdkt.awards import catalogue
    from tdkt.ruleset import builtin_ids, overlay_titles

    words = {w.strip(".,;:()[]'\"") for w in text.split() if "/" not in w and not w.endswith((".docx", ".xlsx"))}
    ids = set(catalogue()) | set(builtin_ids()) | {"CONFIRMED", "UNCERTAIN", "unset", "co_so", "bo_tinh"}
    ids |= {aid for _, aid, _ in overlay_titles([Path("rules")])}  # the council's own titles (the demo's)
    assert "guong_mat_tieu_bieu" in ids
    assert not words & ids, f"{what}: ids on screen {sorted(words & ids)}"


def _fits(text: str, what: str) -> None:
    assert text.strip(), f"{what}: printed nothing"
    for line in text.splitlines():
        if len(line) > WIDTH:
            assert len(line.split()) == 1, f"{what}: {len(line)} columns:\n{line}"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from typer.testing import CliRunner

    from tdkt.cli import app

    root = tmp_path_factory.mktemp("demo80") / "ws"
    r = CliRunner().invoke(app, ["demo", "--out", str(root)], env={**ENV, "NO_COLOR": "1", "TERM": "dumb"},
                           catch_exceptions=False)
    assert r.exit_code == 0, r.stderr
    _fits(r.stdout, "tdkt demo")
    return root


@pytest.fixture
def at80(demo: Path, monkeypatch: pytest.MonkeyPatch, cli):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(demo)
    monkeypatch.delenv("TDKT_WORKSPACE", raising=False)
    monkeypatch.delenv("TDKT_DATABASE_URL", raising=False)

    def run(args: list[str], codes: tuple[int, ...] = (0,)) -> str:
        r = cli(args, env=ENV)
        assert r.exit_code in codes, (args, r.exit_code, r.stderr)
        _fits(r.stdout + r.stderr, " ".join(args))
        if args[:2] not in (["rules", "awards"], ["rules", "settle"], ["rules", "list"], ["register", "log"]):
            # (those list the ids one types, or the commands as they were typed)
            _no_ids(r.stdout + r.stderr, " ".join(args))
        return r.stdout

    return run


COMMANDS = [
    ["session", "list"], ["session", "show", "2022-1"], ["session", "show", "2023-1"],
    ["register", "search", "Nguyễn"], ["register", "show", "1"], ["register", "log"],
    ["rules", "list"], ["rules", "show", "nd91-2017"], ["rules", "awards"], ["rules", "settle", "-s", "2022-1"],
    ["ingest", "2022-1/danh-sach-ca-nhan.xlsx"], ["ingest", "2022-1/danh-sach-tap-the.xlsx"],
    ["ingest", "2023-1/danh-sach-de-nghi.xlsx"], ["review", "list", "-s", "2022-1"],
    ["render", "report", "-s", "2022-1", "--out", "ban-in-80", "--force"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_command_fits_80_columns(at80, args: list[str]) -> None:  # type: ignore[no-untyped-def]
    at80(args)


def test_validate_and_tally_fit_and_never_cut_a_name(at80, cli) -> None:  # type: ignore[no-untyped-def]
    lists = ["2022-1/danh-sach-ca-nhan.xlsx", "2022-1/danh-sach-tap-the.xlsx"]
    shown = at80(["validate", *lists, "-s", "2022-1", "--force"], codes=(0, 1))
    doc = json.loads(cli(["validate", *lists, "-s", "2022-1", "--force", "--format", "json"]).stdout)
    words = set(shown.split())
    names = [n["name"] for n in doc["nominees"]]
    assert len(names) > 20
    for name in names:
        assert set(name.split()) <= words, f"{name} cut in:\n{shown}"
    tallied = at80(["tally", "2022-1/ballots.csv", "-s", "2022-1", "--force"], codes=(0, 1))
    words = set(tallied.split())
    results = json.loads(cli(["tally", "2022-1/ballots.csv", "-s", "2022-1", "--force", "-f", "json"]).stdout)
    for x in results["results"]:
        assert set(x["name"].split()) <= words, f"{x['name']} cut in:\n{tallied}"
    assert "…" not in tallied


def test_usage_errors_and_help_fit(at80) -> None:  # type: ignore[no-untyped-def]
    at80(["validate", "--khong-co"], codes=(2,))
    at80(["register", "issue", "--award", "huy hiệu", "--number", "1", "--date", "1/1/2022"], codes=(2,))
    for group in (["validate"], ["tally"], ["render"], ["session", "new"], ["register", "issue"], ["rules", "settle"]):
        at80([*group, "--help"])


@pytest.mark.parametrize("width", [80, 100, 132])
def test_layout_keeps_every_word_and_the_width(width: int) -> None:
    """The layout itself: many columns, long notes, long names — no line over the width, no word lost."""
    from tdkt import console

    C = console.Col
    rows = [[str(i), f"Nguyễn Thị Phương Thảo{'' if i % 2 else ' Anh'}", "Trung tâm Y tế huyện Thủy Nguyên",
             "Bằng khen của Chủ tịch UBND tỉnh", "Cần xem xét", "12/04/1980",
             "danh sách thiếu xếp loại năm 2017, 2018 và năm 2019 [NĐ 91/2017 Điều 9 k3 b]" * (i % 3)]
            for i in range(1, 8)]
    t = console.table("Bảng thử", [C("STT", "short", right=True), C("Họ và tên", "name", priority=3),
                                   C("Đơn vị", "name"), C("Đề nghị", "name"), C("Kết luận", "short", priority=3),
                                   C("Ngày sinh", "short"), C("Lý do", "note")], rows)
    lines = t.lines(width)
    assert max(len(line) for line in lines) <= width
    printed = " ".join(lines).split()
    for row in rows:
        for cell in row:
            for word in cell.split():
                assert word in printed, word

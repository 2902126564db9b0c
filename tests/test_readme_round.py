"""The README's "Một đợt xét hằng ngày" runs as written (issue 15).

The commands are read from README.md itself (the first ```bash block of that section: continuation
lines joined, commands split at ";", comments dropped), so the README and this test cannot drift. They
run in order, in a fresh folder holding the input files the README names (tests/readme_round.py: two
units' lists in two layouts, the register's history, the ballots entered twice). Every command must
succeed (``validate`` may exit 1: a list has a nominee who fails). Then the round must hold what the
README says a day's work gives: both lists, an annotated copy of each, the settled review, the
double-entered tally, and decisions naming the nominees of both lists.
"""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import readme_round as rr

ROOT = Path(__file__).resolve().parent.parent


def readme_commands() -> list[list[str]]:
    """The `tdkt …` commands of the README's daily round, as argument lists (without "tdkt")."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Một đợt xét hằng ngày", 1)[1]
    block = re.search(r"```bash\n(.*?)```", section, flags=re.S)
    assert block, "README: no ```bash block under 'Một đợt xét hằng ngày'"
    joined = re.sub(r"\\\n\s*", " ", block.group(1))
    commands: list[list[str]] = []
    for line in joined.splitlines():
        lexer = shlex.shlex(line, posix=True, punctuation_chars=";")
        lexer.whitespace_split = True
        current: list[str] = []
        for token in lexer:
            if token == ";":
                commands.append(current)
                current = []
            else:
                current.append(token)
        if current:
            commands.append(current)
    commands = [c for c in commands if c]
    assert all(c[0] == "tdkt" for c in commands), [c for c in commands if c[0] != "tdkt"]
    return [c[1:] for c in commands]


@pytest.fixture
def day(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Any) -> dict[str, Any]:
    """The README's daily round run in a fresh folder; returns each command's result."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TDKT_WORKSPACE", raising=False)
    monkeypatch.delenv("TDKT_DATABASE_URL", raising=False)
    inputs = rr.write(tmp_path)
    commands = readme_commands()
    named = {a for c in commands for a in c if re.search(r"\.(xlsx|csv)$", a) and "/" not in a}
    missing = named - set(inputs) - {"da-tham-dinh.xlsx"}
    assert not missing, f"README names input files the test does not provide: {sorted(missing)}"
    results = []
    for args in commands:
        r = cli(args)
        ok = (0, 1) if args[0] == "validate" else (0,)
        assert r.exit_code in ok, (args, r.exit_code, r.stdout, r.stderr)
        results.append((args, r))
    return {"root": tmp_path, "results": results}


def _out(day: dict[str, Any], *prefix: str) -> str:
    return "\n".join(r.stdout for args, r in day["results"] if tuple(args[:len(prefix)]) == prefix)


def test_the_readme_block_is_a_real_days_work(day: dict[str, Any], cli: Any) -> None:
    from tdkt import rounds, workspace
    from tdkt.render import docx_text

    root: Path = day["root"]
    commands = [args for args, _ in day["results"]]
    # The shape the issue asks of the README itself.
    assert sum(1 for c in commands if c[0] == "validate" and "--format" not in c) >= 2
    assert any(c[0] == "validate" and "xlsx" in c and len([a for a in c if a.endswith(".xlsx")]) == 2 for c in commands)
    assert any(c[:2] == ["review", "accept"] for c in commands)
    assert any(c[0] == "tally" and "--verify" in c for c in commands)

    url = workspace.require(root).database_url
    rid = next(c[2] for c in commands if c[:2] == ["session", "new"])
    current = rounds.current_validation(url, rid)
    assert current is not None
    # Both units' lists are in the round, each with its own nominees.
    assert [f.name for f in current.files] == ["danh-sach-so-y-te.xlsx", "danh-sach-so-giao-duc.xlsx"]
    assert [f.summary["nominees"] for f in current.files] == [len(rr.Y_TE), len(rr.GIAO_DUC)]
    said = " ".join(_out(day, "validate").split())
    assert "đã lưu danh sách danh-sach-so-y-te.xlsx" in said and "đã lưu danh sách danh-sach-so-giao-duc.xlsx" in said
    assert "không đổi so với lần thẩm định trước; không lưu lại" in said  # the annotated copies stored nothing new
    # An annotated copy of each list.
    copies = sorted(p.name for p in (root / "da-tham-dinh").iterdir())
    assert copies == ["danh-sach-so-giao-duc-tham-dinh.xlsx", "danh-sach-so-y-te-tham-dinh.xlsx"]
    # The settled review: in the round, and the nominee now passes.
    by_name = {n["name"]: n for n in current.document["nominees"]}
    nhung = by_name["Lê Thị Hồng Nhung"]
    assert (nhung["validated_verdict"], nhung["verdict"], nhung["review"]["decision"]) == ("review", "pass", "accept")
    # The ballots entered twice agree: confirmed and stored, the second entry recorded.
    assert "Hai lần nhập khớp nhau" in _out(day, "tally")
    (tally,) = rounds.current_tallies(url, rid)
    assert [i.get("role") for i in tally.inputs] == [None, "verify"]
    assert {r["name"]: r["passed"] for r in tally.payload["results"]} == {"Trần Văn Khải": True, "Đặng Thị Thu": True}
    # The decisions name the nominees of both lists; the Tờ trình the one proposed upward.
    bk = docx_text(root / f"quyet-dinh_{rid}_bang_khen_bo_tinh.docx")
    for name in ("Nguyễn Thị Minh Châu", "Lê Thị Hồng Nhung", "Hoàng Văn Long"):
        assert name in bk, name
    cstd = docx_text(root / f"quyet-dinh_{rid}_chien_si_thi_dua_bo_tinh.docx")
    assert "Trần Văn Khải" in cstd and "Đặng Thị Thu" in cstd and "Vũ Minh Quân" not in cstd
    proposal = docx_text(next(root.glob(f"to-trinh_{rid}*.docx")))
    assert "Bùi Quang Huy" in proposal
    assert (root / f"bien-ban-kiem-phieu_{rid}.docx").is_file() and (root / f"bao-cao_{rid}.docx").is_file()
    report = docx_text(root / f"bao-cao_{rid}.docx")
    assert "THƯỜNG TRỰC ĐÃ XEM XÉT" in report and "Lê Thị Hồng Nhung" in report
    # render said who is in and out: the Lao động tiên tiến goes to the head of the unit, the failed CSTĐ is named.
    said = _out(day, "render", "decision")
    assert "Phạm Văn Tú" in said and "Vũ Minh Quân" in said and "Còn để trống" in said
    # Once the decision is recorded, its number is no longer blank.
    r = cli(["render", "decision", "--award", "Bằng khen của Chủ tịch UBND tỉnh", "--format", "json"])
    (doc,) = json.loads(r.stdout)["documents"]
    assert "number" not in doc["blank"] and "date" not in doc["blank"]
    assert sorted(e["name"] for e in doc["included"]) == ["Hoàng Văn Long", "Lê Thị Hồng Nhung",
                                                            "Nguyễn Thị Minh Châu"]
    # session show lists both files with their counts and the settled review.
    shown = _out(day, "session", "show")
    assert "danh-sach-so-y-te.xlsx" in shown and "danh-sach-so-giao-duc.xlsx" in shown
    assert "Lê Thị Hồng Nhung" in shown


def test_running_the_day_again_changes_nothing(day: dict[str, Any], cli: Any) -> None:
    """The README's storing lines are idempotent: validating and tallying the same files again stores
    nothing new and says so (no --force anywhere)."""
    from tdkt import rounds, workspace

    root: Path = day["root"]
    url = workspace.require(root).database_url
    rid = next(args[2] for args, _ in day["results"] if args[:2] == ["session", "new"])
    before = [(r.id, r.current) for r in rounds.runs(url, rid, current_only=False)]
    for args in readme_commands():
        if args[0] == "validate" and "--format" not in args:
            r = cli(args)
            assert r.exit_code in (0, 1) and "không lưu lại" in r.stdout, r.stdout
        if args[0] == "tally":
            r = cli(args)
            assert r.exit_code == 0 and "không lưu lại" in r.stdout, r.stdout + r.stderr
    assert [(r.id, r.current) for r in rounds.runs(url, rid, current_only=False)] == before

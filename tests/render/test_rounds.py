"""A round's documents against the law and the ballots, end to end on the example round (Hải Đông,
2022-1, NĐ 91/2017): `tally --threshold` cannot undercut the law, and a round tallied twice lists each
nominee once in the Biên bản, with every ballot accounted for."""

from __future__ import annotations

import json
from pathlib import Path

from tdkt.render import docx_text


def test_below_the_law_is_refused_in_the_example_round(cli, example_ws: Path) -> None:  # type: ignore[no-untyped-def]
    """The review's D5: `tally --threshold '>50'` made a CSTĐ cấp tỉnh nominee pass with 9 of 11."""
    from tdkt import rounds, workspace

    url = workspace.require().database_url
    before = [(r.id, r.current) for r in rounds.runs(url, "2022-1", "tally", current_only=False)]
    r = cli(["tally", "ballots.csv", "--session", "2022-1", "--force", "--threshold", ">50", "--format", "json"])
    assert r.exit_code == 3 and r.stdout == "", r.stdout
    assert "Chiến sĩ thi đua cấp tỉnh" in r.stderr and "90%" in r.stderr and "Traceback" not in r.stderr
    assert [(x.id, x.current) for x in rounds.runs(url, "2022-1", "tally", current_only=False)] == before
    # At the law's own share the tally runs, and the stored basis is the decree's article, never the option.
    r = cli(["tally", "ballots.csv", "--session", "2022-1", "--force", "--award", "chien_si_thi_dua_bo_tinh",
             "--threshold", "90", "--format", "json"])
    assert r.exit_code == 0, r.stderr
    results = json.loads(r.stdout)["results"]
    assert {x["name"]: x["status"] for x in results} == {"Bùi Thị Thu Hà": "pass", "Cao Thị Hương": "fail"}
    assert all(x["basis"].startswith("NĐ 91/2017 Điều 45 k8") for x in results)


def _vote_rows(cli, out: str) -> list[list[str]]:  # type: ignore[no-untyped-def]
    """The nominee rows of the Biên bản's vote tables (STT, name, agree, disagree, blank, invalid, %, result)."""
    from tdkt.render.docx import blocks

    r = cli(["render", "minutes", "--out", out])
    assert r.exit_code == 0, r.stderr
    path = next(Path(out).glob("bien-ban-kiem-phieu_*.docx"))
    tables = [b["rows"] for b in blocks(path) if b["type"] == "table" and b["rows"] and b["rows"][0][:2] == [
        "STT", "Họ và tên, tên tập thể"]]
    return [row for t in tables for row in t[1:] if len(row) == 8]


def test_a_round_tallied_twice_lists_each_nominee_once(cli, example_ws: Path) -> None:  # type: ignore[no-untyped-def]
    """A later tally of an award (here a recount of the Bằng khen Thủ tướng with a corrected entry) is the
    current one for its nominees: the Biên bản shows each nominee once, with the later figures, and the
    Tờ trình proposes by them; every row adds up to the ballots counted."""
    text = (example_ws / "ballots.csv").read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    # Ballots 01–06 now say "không đồng ý" to Trương Công Minh: 5 of 11, below the regulation's > 50 %.
    fixed = [lines[0], *(",".join([*c.split(",")[:6], "không đồng ý", *c.split(",")[7:]]) if i <= 6 else c
                         for i, c in enumerate(lines[1:], 1))]
    (example_ws / "recount.csv").write_text("\n".join(fixed) + "\n", encoding="utf-8")
    r = cli(["tally", "recount.csv", "--award", "bang_khen_thu_tuong", "--format", "json"])
    assert r.exit_code == 3 and "--force" in r.stderr  # other ballots for an award already counted
    r = cli(["tally", "recount.csv", "--award", "bang_khen_thu_tuong", "--format", "json", "--force"])
    assert r.exit_code == 0, r.stderr
    assert [(x["name"], x["agree"]) for x in json.loads(r.stdout)["results"]] == [("Trương Công Minh", 5)]

    rows = _vote_rows(cli, "o")
    names = [row[1] for row in rows]
    assert len(names) == len(set(names)) == 6, names  # each of the six nominees on the ballots, once
    for row in rows:  # agree + disagree + blank + invalid = the 11 ballots counted
        assert sum(int(row[i]) for i in (2, 3, 4, 5)) == 11, row
    assert [rows[names.index("Trương Công Minh")][i] for i in (1, 2, 7)] == ["Trương Công Minh", "05", "Không đạt"]
    # The Tờ trình follows the current tally: only the Huân chương is proposed now.
    r = cli(["render", "proposal", "--out", "p"])
    assert r.exit_code == 0, r.stderr
    proposal = docx_text(next(Path("p").glob("to-trinh_*.docx")))
    assert "Trương Công Minh" not in proposal and "Phan Thị Ngọc" in proposal


def test_a_nominee_this_level_neither_decides_nor_proposes_is_a_finding(example_ws: Path) -> None:
    """The example's province received CSTĐ cơ sở and LĐTT nominations: validate says whose they are
    (info: the criteria may be met), and no document of the province carries them."""
    from tdkt import rounds, workspace

    current = rounds.current_validation(workspace.require().database_url, "2022-1")
    assert current is not None
    by_name = {n["name"]: n for n in current.document["nominees"]}
    (finding,) = [f for f in by_name["Hoàng Thị Dung"]["findings"] if f["code"] == "authority.not-here"]
    assert finding["severity"] == "info"
    # the verdict is the criteria's: here "Cần xem xét" only for the 15 % cap the list cannot show
    assert by_name["Hoàng Thị Dung"]["verdict"] == "review"
    assert {f["code"] for f in by_name["Hoàng Thị Dung"]["findings"] if f["severity"] == "warning"} == {
        "rules.cap-unchecked-row"}
    assert "Chiến sĩ thi đua cơ sở do Thủ trưởng cơ quan, đơn vị" in finding["message"]
    assert "Hội đồng cấp tỉnh không quyết định và không đề nghị" in finding["message"]
    assert not [f for f in by_name["Bùi Thị Thu Hà"]["findings"] if f["code"] == "authority.not-here"]


def test_a_vote_left_to_the_council_is_not_proposed() -> None:
    """A nominee whose vote the tally left to the council ("review": no share set) is neither decided
    nor proposed, even where the law requires no ballot; one whose vote passed is."""
    import datetime as dt

    from tdkt.models import Round
    from tdkt.render import context as c
    from tdkt.render import round_data
    from tdkt.workspace import Config

    noms = [{"id": str(i), "name": n, "kind": "individual", "unit": "Sở A", "award": "bang_khen_thu_tuong",
             "verdict": "pass", "findings": []} for i, n in ((1, "Nguyễn Văn An"), (2, "Trần Văn Bình"))]
    tally = {"results": [{"nominee": "1", "name": "Nguyễn Văn An", "award": "bang_khen_thu_tuong", "agree": 9,
                          "denominator": 11, "required": None, "status": "review", "passed": None, "elected": None},
                         {"nominee": "2", "name": "Trần Văn Bình", "award": "bang_khen_thu_tuong", "agree": 9,
                          "denominator": 11, "required": 6, "status": "pass", "passed": True, "elected": None}]}
    data = round_data.join(Round(id="2022-1", date=dt.date(2022, 4, 25), years=(2021,)), Config(), "sqlite://",
                  {"nominees": noms}, [], [tally], None)
    assert [(o.name, o.approved, o.result) for o in data.outcomes] == [
        ("Nguyễn Văn An", False, "Chờ xem xét"), ("Trần Văn Bình", True, "Đề nghị cấp trên")]
    assert "Kết quả bỏ phiếu để Hội đồng xem xét" in data.outcomes[0].reasons[0]
    ctx = c.proposal_context(data, None)
    names = [r["name"] for r in ctx["annex"]]
    assert "Trần Văn Bình" in names and "Nguyễn Văn An" not in names


def test_a_district_council_after_the_two_tier_reform_is_told_so(cli, example_ws: Path) -> None:  # type: ignore[no-untyped-def]
    """From 01/07/2025 there is no district level: validation still runs, render says why it cannot."""
    from .conftest import edit_config

    edit_config(example_ws, lambda data: data["council"].update(level="huyen"))
    assert cli(["session", "new", "2025-3", "--date", "2025-09-10", "--year", "2025"]).exit_code == 0
    r = cli(["validate", "danh-sach-ca-nhan.xlsx", "--format", "json"])
    assert r.exit_code in (0, 1), r.stderr
    r = cli(["render", "decision", "--out", "o"])
    assert r.exit_code == 3 and "không còn cấp huyện" in r.stderr and "council.level" in r.stderr, r.stderr
    assert not (example_ws / "o").exists()

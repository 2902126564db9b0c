"""The council's quy chế at `tdkt init` (issue 15): vote shares and quorum for the awards the law leaves
to the unit, with the article, written as the workspace overlay; `tdkt rules check` against the pack
of the round; the example regulation shipped with the package."""

from __future__ import annotations

import types
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
INIT = ["init", "--council", "Hội đồng Thi đua - Khen thưởng tỉnh Hải Đông", "--level", "tinh",
        "--agency", "ỦY BAN NHÂN DÂN TỈNH HẢI ĐÔNG", "--place", "Hải Đông", "--members", "11",
        "--signer-name", "Nguyễn Văn Thành"]
QUY_CHE = ["--vote", "CSTĐ cấp tỉnh=90", "--vote", "Cờ thi đua cấp tỉnh=4/5", "--vote", "chien_si_thi_dua_co_so=>70",
           "--quorum", "2/3", "--article", "Quy chế hoạt động của Hội đồng, Điều 8",
           "--regulation", "Quyết định số 30/2025/QĐ-UBND ngày 15/9/2025 của UBND tỉnh Hải Đông ban hành Quy chế"]


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TDKT_WORKSPACE", raising=False)
    monkeypatch.delenv("TDKT_DATABASE_URL", raising=False)
    return tmp_path


def _rules(root: Path, on: str) -> Any:
    import datetime as dt

    from tdkt import workspace
    from tdkt.ruleset import load_ruleset

    return load_ruleset(on=dt.date.fromisoformat(on), overlay=workspace.require(root).overlay_dir)


def test_init_writes_the_councils_vote_shares_as_the_workspace_overlay(cli: Any, here: Path) -> None:
    r = cli([*INIT, *QUY_CHE])
    assert r.exit_code == 0, r.stderr
    assert "Chiến sĩ thi đua cấp tỉnh: ≥ 90 % tổng số thành viên (Quy chế hoạt động của Hội đồng, Điều 8)" in r.stdout
    path = here / "rules" / "hoi-dong-bieu-quyet.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(data["applies_to"]) == {"nd152-2025", "luat06-2026"}
    assert data["quorum"] == {"num": 2, "den": 3, "basis": "Quy chế hoạt động của Hội đồng, Điều 8"}
    assert data["bases"] == [QUY_CHE[-1]]
    # A round under NĐ 152 counts with them: ⌈90 % × 11⌉ = 10, ⌈4/5 × 11⌉ = 9, more than 70 % of 11 → 8.
    rs = _rules(here, "2026-04-20")
    got = {a: (p.share_num, p.share_den, p.comparison, p.status, p.basis) for a in
           ("chien_si_thi_dua_bo_tinh", "co_thi_dua_bo_tinh", "chien_si_thi_dua_co_so")
           for p in [rs.vote_policy(a)]}
    assert got == {
        "chien_si_thi_dua_bo_tinh": (90, 100, "at_least", "overlay", "Quy chế hoạt động của Hội đồng, Điều 8"),
        "co_thi_dua_bo_tinh": (80, 100, "at_least", "overlay", "Quy chế hoạt động của Hội đồng, Điều 8"),
        "chien_si_thi_dua_co_so": (70, 100, "more_than", "overlay", "Quy chế hoạt động của Hội đồng, Điều 8"),
    }
    assert rs.quorum() == (2, 3)
    from fractions import Fraction

    from tdkt.tally import required_votes

    assert [required_votes(Fraction(n, 100), 11, c) for n, c in ((90, "at_least"), (80, "at_least"),
                                                                 (70, "more_than"))] == [10, 9, 8]
    # An older round in the same workspace keeps the law of its day: NĐ 91/2017 Điều 45 k8 (≥ 90 %).
    old = _rules(here, "2022-04-25").vote_policy("chien_si_thi_dua_bo_tinh")
    assert (old.status, old.share_num) == ("law", 90) and "NĐ 91" in (old.basis or "")
    assert _rules(here, "2022-04-25").quorum() is None


@pytest.mark.parametrize(("extra", "words"), [
    (["--vote", "Bằng khen Thủ tướng=50", "--article", "Điều 8"], "không do quy chế của Hội đồng đặt"),
    (["--vote", "CSTĐ cấp tỉnh=90"], "--article"),
    (["--quorum", "2/3"], "--article"),
    (["--vote", "CSTĐ cấp tỉnh"], "KHEN_THƯỞNG=TỶ_LỆ"),
    (["--vote", "Không có khen thưởng này=80", "--article", "Điều 8"], "không có khen thưởng"),
    (["--vote", "CSTĐ cấp tỉnh=120", "--article", "Điều 8"], "không hợp lệ"),
])
def test_a_wrong_regulation_is_refused_before_anything_is_written(cli: Any, here: Path, extra: list[str],
                                                                  words: str) -> None:
    r = cli([*INIT, *extra])
    assert r.exit_code == 2 and words in r.stderr, r.stderr
    assert not (here / "tdkt.toml").exists() and not (here / "rules").exists()


def test_init_says_which_votes_are_still_open(cli: Any, here: Path) -> None:
    r = cli([*INIT, "--vote", "CSTĐ cấp tỉnh=90", "--article", "Quy chế, Điều 8"])
    assert r.exit_code == 0
    assert "chưa đặt tỷ lệ phiếu cho: Chiến sĩ thi đua cơ sở, Cờ thi đua cấp tỉnh" in " ".join(r.stderr.split())


def test_init_asks_at_a_terminal(cli: Any, here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tdkt.commands.init as init_cmd

    monkeypatch.setattr(init_cmd, "sys", types.SimpleNamespace(stdin=types.SimpleNamespace(isatty=lambda: True)))
    answers = {"Cấp Hội đồng": "tinh", "Chiến sĩ thi đua cơ sở": "80", "Chiến sĩ thi đua cấp tỉnh": "90",
               "Cờ thi đua cấp tỉnh": "", "Túc số": "2/3", "Điều, khoản": "Quy chế của Hội đồng, Điều 9",
               "Văn bản ban hành": ""}

    def prompt(text: str, default: Any = None, **_: Any) -> Any:
        for key, value in answers.items():
            if text.strip().startswith(key):
                return value
        return default if default is not None else ""

    monkeypatch.setattr(init_cmd.typer, "prompt", prompt)
    r = cli(["init", "--council", "Hội đồng", "--members", "9", "--agency", "ỦY BAN NHÂN DÂN TỈNH HẢI ĐÔNG",
             "--signer", "head", "--signer-name", "Nguyễn Văn Thành", "--proposal-signer", "head"])
    assert r.exit_code == 0, r.stderr
    data = yaml.safe_load((here / "rules" / "hoi-dong-bieu-quyet.yaml").read_text(encoding="utf-8"))
    assert {a: v["share"] for a, v in data["votes"].items()} == {"chien_si_thi_dua_co_so": 80,
                                                                "chien_si_thi_dua_bo_tinh": 90}
    assert data["quorum"]["basis"] == "Quy chế của Hội đồng, Điều 9"


def test_rules_check_uses_the_pack_of_the_round(cli: Any, here: Path) -> None:
    assert cli(INIT).exit_code == 0
    assert cli(["session", "new", "2026-1", "--date", "20/04/2026", "--year", "2025"]).exit_code == 0
    # An overlay written for NĐ 91 (a criterion NĐ 152 no longer has) fails on the round's pack, naming it.
    old = here / "cu.yaml"
    old.write_text("kind: overlay\nid: cu\ntitle: Quy chế cũ\ncriteria:\n  cstdcs.initiative: {basis: Điều 3}\n",
                   encoding="utf-8")
    r = cli(["rules", "check", old])
    assert r.exit_code == 3 and "cu.yaml" in r.stderr and "cstdcs.initiative" in r.stderr
    assert cli(["rules", "check", old, "--rules", "nd91-2017"]).exit_code == 0
    # An overlay that leaves a vote open is accepted, with what the tally will say.
    part = here / "mot-phan.yaml"
    part.write_text("kind: overlay\nid: p\ntitle: Q\nvotes:\n  chien_si_thi_dua_bo_tinh: {status: overlay, share: 90, "
                    "of: members, ballot: true, basis: Điều 8}\n", encoding="utf-8")
    r = cli(["rules", "check", part])
    assert r.exit_code == 0 and "đợt 2026-1" in " ".join(r.stdout.split())
    assert "Chưa đặt tỷ lệ phiếu đồng ý cho: Chiến sĩ thi đua cơ sở, Cờ thi đua cấp tỉnh" in " ".join(r.stderr.split())
    # The regulation init writes does not apply to an old round: said so, not an error.
    assert cli([*INIT, *QUY_CHE, "--force"]).exit_code == 0
    assert cli(["session", "new", "2022-1", "--date", "25/04/2022", "--no-use"]).exit_code == 0
    r = cli(["rules", "check", "rules/hoi-dong-bieu-quyet.yaml", "--session", "2022-1"])
    assert r.exit_code == 0 and "không dùng nó" in r.stdout


def test_the_example_regulation_is_shipped_and_documented(cli: Any, here: Path) -> None:
    from tdkt import regulation
    from tdkt.ruleset import load_ruleset

    shipped = regulation.example_path()
    assert shipped.is_file() and shipped.parent.parent.name == "rules"
    r = cli(["rules", "example"])
    assert r.exit_code == 0 and (here / "quy-che-mau.yaml").read_bytes() == shipped.read_bytes()
    again = cli(["rules", "example"])
    assert again.exit_code == 3 and "--force" in again.stderr  # never overwritten without --force
    # It sets every vote the current law leaves to the unit, on both packs it is for.
    for pid in ("nd152-2025", "luat06-2026"):
        r = cli(["rules", "check", here / "quy-che-mau.yaml", "--rules", pid])
        assert r.exit_code == 0 and r.stderr == "", r.stderr
        rs = load_ruleset(pid, overlay=shipped)
        assert regulation.left_to_unit(rs) and regulation.still_open(rs) == []
    # docs/rules.md names it, and no file that is not installed.
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert "tdkt/rules/examples/quy-che-hoi-dong.yaml" in text and "tdkt rules example" in text
    assert "tests/rules/overlays" not in text

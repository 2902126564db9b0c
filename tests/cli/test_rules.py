"""`tdkt rules list | show | check | docs` end to end."""

from __future__ import annotations

import json
from pathlib import Path

SAMPLE = Path(__file__).parents[1] / "rules" / "overlays" / "hai-dong.yaml"


def test_list(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli(["rules", "list"])
    assert r.exit_code == 0
    for pid in ("nd91-2017", "nd98-2023", "nd152-2025", "luat06-2026"):
        assert pid in r.stdout
    doc = json.loads(cli(["rules", "list", "--format", "json"]).stdout)
    assert [p["id"] for p in doc["rulesets"]] == ["nd91-2017", "nd98-2023", "nd152-2025", "luat06-2026"]
    assert doc["rulesets"][0]["valid_to"] == "2023-12-31" and doc["rulesets"][-1]["valid_to"] is None


def test_show(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli(["rules", "show", "nd91-2017", "--award", "CSTĐ cơ sở"])
    assert r.exit_code == 0
    assert "NĐ 91/2017 Điều 9 k3 b" in r.stdout and "Chiến sĩ thi đua cơ sở" in r.stdout
    for word in ("CONFIRMED", "UNCERTAIN", "nd91.", "unset", "overlay"):  # words and ids for people: none
        assert word not in r.stdout, word
    doc = json.loads(cli(["rules", "show", "nd91-2017", "-a", "chien_si_thi_dua_co_so", "-f", "json"]).stdout)
    ids = {c["id"] for c in doc["criteria"]}
    assert "nd91.cstdcs.initiative" in ids and "nd91.ldtt.rating" not in ids
    assert cli(["rules", "show", "nd00"]).exit_code == 3


def test_check(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    r = cli(["rules", "check", SAMPLE])
    assert r.exit_code == 0 and "hợp lệ" in r.stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text(SAMPLE.read_text(encoding="utf-8").replace("check: titles", "check: eval"), encoding="utf-8")
    r = cli(["rules", "check", bad])
    assert r.exit_code == 3 and "'awards.guong_mat_tieu_bieu.individual.criteria[0].check'" in r.stderr
    assert "eval" in r.stderr


def test_docs(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tdkt.reference import reference_markdown

    out = tmp_path / "rules.md"
    assert cli(["rules", "docs", "--output", out]).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert text == reference_markdown()
    assert "kind: overlay" in text and "### `titles`" in text and "`nd152.cocp.cap`" in text

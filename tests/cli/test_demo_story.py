"""The demo tells the real story (issue 15): drafts first, their numbers blank until the decision is
recorded with `register issue`, a settled review, and a workspace whose current round has documents."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest


def test_the_demo_drafts_before_the_decisions_are_recorded_and_ends_on_a_round_with_documents(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tdkt.render import docx_text

    out = tmp_path / "demo"
    r = cli(["demo", "--out", out])
    assert r.exit_code == 0, r.stdout + r.stderr
    steps = [s["id"] for s in json.loads((out / "demo-summary.json").read_text(encoding="utf-8"))["steps"]]
    assert steps.index("drafts-2022-1") < steps.index("issue-2022-1") < steps.index("render-2022-1")
    assert steps.index("review-2022-1") < steps.index("tally-2022-1")
    said = " ".join(r.stdout.split())
    assert "để trống cho đến khi quyết định đã ký được ghi vào sổ (tdkt register issue)" in said
    assert "đợt hiện hành 2022-1" in said
    name = "quyet-dinh_2022-1_chien_si_thi_dua_bo_tinh.docx"
    draft = docx_text(out / "van-ban" / "2022-1" / "du-thao" / name)
    signed = docx_text(out / "van-ban" / "2022-1" / name)
    assert "1030/QĐ-UBND" not in draft and "Số:" in draft and "1030/QĐ-UBND" in signed
    report = docx_text(out / "van-ban" / "2022-1" / "bao-cao_2022-1.docx")
    assert "THƯỜNG TRỰC ĐÃ XEM XÉT" in report and "Lý Văn Hùng" in report
    # In the demo's workspace, the current round is one whose documents can be made right away.
    monkeypatch.chdir(out)
    monkeypatch.delenv("TDKT_WORKSPACE", raising=False)
    monkeypatch.delenv("TDKT_DATABASE_URL", raising=False)
    for kind in ("minutes", "proposal", "decision", "report"):
        made = cli(["render", kind, "--out", out / "lai"])
        assert made.exit_code == 0, (kind, made.stderr)
    assert "Lý Văn Hùng" in cli(["review", "list"]).stdout

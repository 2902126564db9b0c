"""Fixtures for document rendering: the bundled example round (Hải Đông, đợt 2022-1) stored in a fresh
workspace — validation verdicts from examples/expected.yaml, ballots counted by the real tally."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
GOLDEN = ROOT / "tests" / "golden"


def validation_payload(round_id: str = "2022-1") -> dict[str, Any]:
    """The validate payload the example round should give (built from expected.yaml, the examples'
    own statement of each nominee's verdict), in the stored-run shape."""
    data = yaml.safe_load((EXAMPLES / "expected.yaml").read_text(encoding="utf-8"))
    nominees = []
    for row, n in enumerate(data["rounds"][round_id]["nominees"], 4):
        female = n["kind"] == "individual" and " Thị " in f" {n['name']} "
        findings = []
        if n["verdict"] == "fail":
            findings.append({"code": "rules.failed", "severity": "error", "rule": n["reason"], "basis": None,
                             "message": n["why"], "cell": None})
        nominees.append({
            "id": f"{n['file']}:DS:{row}", "row": row, "sheet": "DS", "file": n["file"], "name": n["name"],
            "kind": n["kind"], "unit": n["unit"], "award": n["award"], "award_name": None,
            "gender": ("female" if female else "male") if n["kind"] == "individual" else None,
            "position": "Chuyên viên" if n["kind"] == "individual" else None,
            "verdict": n["verdict"], "findings": findings,
        })
    summary = {"nominees": len(nominees), "pass": sum(n["verdict"] == "pass" for n in nominees),
               "fail": sum(n["verdict"] == "fail" for n in nominees), "review": 0}
    return {"schema_version": 1, "ruleset": {"id": "nd91-2017", "version": "1", "title": "NĐ 91/2017"},
            "session": round_id, "summary": summary, "nominees": nominees, "findings": []}


def make_example(root: Path) -> Path:
    """Fill ``root`` with the example workspace: config, overlay, round 2022-1 validated and tallied."""
    from typer.testing import CliRunner

    from tdkt import rounds, workspace
    from tdkt.cli import app

    cfg = workspace.load_config(EXAMPLES / "tdkt.toml")
    ws = workspace.create(root, cfg)
    shutil.copytree(EXAMPLES / "rules", root / "rules", dirs_exist_ok=True)
    env = {"TDKT_WORKSPACE": str(root), "COLUMNS": "200", "NO_COLOR": "1"}
    runner = CliRunner()
    r = runner.invoke(app, ["session", "new", "2022-1", "--date", "2022-04-25", "--year", "2021", "--members", "11",
                            "--title", "đợt 1 năm 2022"], env=env, catch_exceptions=False)
    assert r.exit_code == 0, r.stderr
    rounds.store_run(ws.database_url, "2022-1", "validate", validation_payload(),
                     inputs=[{"path": "examples/2022-1/danh-sach-ca-nhan.xlsx", "sha256": "0" * 64}],
                     ruleset="nd91-2017")
    ballots = root / "ballots.csv"
    shutil.copy(EXAMPLES / "2022-1" / "ballots.csv", ballots)
    r = runner.invoke(app, ["tally", str(ballots), "--session", "2022-1"], env=env, catch_exceptions=False)
    assert r.exit_code in (0, 1), r.stderr
    return root


@pytest.fixture(scope="session")
def example_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_example(tmp_path_factory.mktemp("example"))


@pytest.fixture
def example_ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, example_template: Path) -> Iterator[Path]:
    """A private copy of the example workspace as the current folder."""
    monkeypatch.delenv("TDKT_WORKSPACE", raising=False)
    monkeypatch.delenv("TDKT_DATABASE_URL", raising=False)
    root = tmp_path / "ws"
    shutil.copytree(example_template, root)
    monkeypatch.chdir(root)
    yield root


def check_golden(name: str, text: str) -> None:
    """Compare with tests/golden/<name>; TDKT_UPDATE_GOLDEN=1 rewrites it."""
    path = GOLDEN / name
    if os.environ.get("TDKT_UPDATE_GOLDEN") == "1" or not path.exists():
        if not path.exists() and os.environ.get("TDKT_UPDATE_GOLDEN") != "1":
            pytest.fail(f"{path} missing; run with TDKT_UPDATE_GOLDEN=1 to create it")
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")

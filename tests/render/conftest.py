"""Fixtures for document rendering: the bundled example round (Hải Đông, đợt 2022-1) run for real in a
fresh workspace — history imported, lists validated, ballots tallied — through the CLI."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
GOLDEN = ROOT / "tests" / "golden"


def cap_accepted() -> list[str]:
    """The Thường trực's acceptance of the CSTĐ cơ sở whose 15 % cap the example's list cannot show (as
    the demo and examples/README.md do it)."""
    from tdkt.demo import CAP_REVIEW, REVIEW

    return ["review", "accept", "--code", CAP_REVIEW[0], "--reason", CAP_REVIEW[1], "--by", REVIEW[2]]


def make_example(root: Path) -> Path:
    """Fill ``root`` with the example workspace: config, overlay, round 2022-1 validated and tallied."""
    from typer.testing import CliRunner

    from tdkt import workspace
    from tdkt.cli import app

    cfg = workspace.load_config(EXAMPLES / "tdkt.toml")
    workspace.create(root, cfg)
    shutil.copytree(EXAMPLES / "rules", root / "rules", dirs_exist_ok=True)
    env = {"TDKT_WORKSPACE": str(root), "COLUMNS": "200", "NO_COLOR": "1"}
    runner = CliRunner()
    r = runner.invoke(app, ["session", "new", "2022-1", "--date", "2022-04-25", "--year", "2021", "--members", "11",
                            "--title", "đợt 1 năm 2022"], env=env, catch_exceptions=False)
    assert r.exit_code == 0, r.stderr
    for name in ("lich-su-khen-thuong.xlsx",):
        shutil.copy(EXAMPLES / name, root / name)
    r = runner.invoke(app, ["register", "import", str(root / "lich-su-khen-thuong.xlsx")], env=env, catch_exceptions=False)
    assert r.exit_code == 0, r.stderr
    lists = []
    for name in ("danh-sach-ca-nhan.xlsx", "danh-sach-tap-the.xlsx"):
        shutil.copy(EXAMPLES / "2022-1" / name, root / name)
        lists.append(str(root / name))
    r = runner.invoke(app, ["validate", *lists, "--session", "2022-1", "--format", "json"], env=env,
                      catch_exceptions=False)
    assert r.exit_code in (0, 1), r.stderr
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


def edit_config(root: Path, change: Any) -> None:
    """Rewrite ``root``'s tdkt.toml after ``change(data)`` edits its dict (as tdkt.toml's keys)."""
    from tdkt import workspace as w

    data = w.load_config(root / w.CONFIG_NAME).model_dump(by_alias=True)
    change(data)
    (root / w.CONFIG_NAME).write_text(w.dump_config(w.Config.model_validate(data)), encoding="utf-8")


def check_golden(name: str, text: str) -> None:
    """Compare with tests/golden/<name>; TDKT_UPDATE_GOLDEN=1 rewrites it."""
    path = GOLDEN / name
    if os.environ.get("TDKT_UPDATE_GOLDEN") == "1" or not path.exists():
        if not path.exists() and os.environ.get("TDKT_UPDATE_GOLDEN") != "1":
            pytest.fail(f"{path} missing; run with TDKT_UPDATE_GOLDEN=1 to create it")
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")

"""Shared fixtures: a pinned CliRunner, a fresh workspace, paths to shared/ peer data."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TDKT_SHARED", ROOT.parent / "shared"))
PEER_DATA = SHARED / "peer-data"
ENV = {"COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb"}


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def cli() -> object:
    """``cli(args, input=None)`` → Result(exit_code, stdout, stderr) through Typer's CliRunner."""
    from tdkt.cli import app

    runner = CliRunner()

    def invoke(args: list[str], input: str | None = None, env: dict[str, str] | None = None) -> Result:
        r = runner.invoke(app, [str(a) for a in args], input=input, env={**ENV, **(env or {})}, catch_exceptions=False)
        return Result(r.exit_code, r.stdout, r.stderr)

    return invoke


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli) -> Iterator[Path]:  # type: ignore[no-untyped-def]
    """A fresh workspace (tdkt init, non-interactive) as the current folder."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TDKT_WORKSPACE", raising=False)
    monkeypatch.delenv("TDKT_DATABASE_URL", raising=False)
    r = cli(["init", "--council", "Hội đồng Thi đua - Khen thưởng tỉnh Hải Đông", "--level", "tinh",
             "--agency", "ỦY BAN NHÂN DÂN TỈNH HẢI ĐÔNG", "--place", "Hải Đông", "--members", "11"])
    assert r.exit_code == 0, r.stderr
    yield tmp_path


@pytest.fixture
def peer_data() -> Path:
    if not PEER_DATA.is_dir():
        pytest.fail(f"shared/peer-data not found at {PEER_DATA}; CI must clone shared/ beside the project")
    return PEER_DATA

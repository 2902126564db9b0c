"""The adversarial report's cases (shared/reviews/reliability-2026-12.md) as tests.

Each test names its case: ``#N`` is the numbered item of the report. The example round of Hải Đông
(examples/) is the workspace, on SQLite (the register beside tdkt.toml) and, where the case concerns
the register, on PostgreSQL (``db_url`` of tests/conftest.py; TDKT_DATABASE_URL as an officer sets it).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
LISTS = ("danh-sach-ca-nhan.xlsx", "danh-sach-tap-the.xlsx")


@dataclass
class Round:
    """An example workspace as the current folder, with its register's URL."""

    root: Path
    url: str
    backend: str

    @property
    def lists(self) -> list[Path]:
        return [self.root / "2022-1" / name for name in LISTS]

    @property
    def ballots(self) -> Path:
        return self.root / "2022-1" / "ballots.csv"


def _fill(root: Path) -> None:
    shutil.copy(EXAMPLES / "tdkt.toml", root / "tdkt.toml")
    shutil.copytree(EXAMPLES / "rules", root / "rules")
    shutil.copytree(EXAMPLES / "2022-1", root / "2022-1")
    shutil.copy(EXAMPLES / "lich-su-khen-thuong.xlsx", root / "lich-su-khen-thuong.xlsx")


def _start(cli: Any, root: Path) -> None:
    r = cli(["session", "new", "2022-1", "--date", "2022-04-25", "--year", "2021", "--members", "11"])
    assert r.exit_code == 0, r.stderr
    r = cli(["register", "import", root / "lich-su-khen-thuong.xlsx"])
    assert r.exit_code == 0, r.stderr


@pytest.fixture(params=["sqlite", "postgresql"])
def round_ws(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Any) -> Iterator[Round]:
    """The example workspace, round 2022-1 created and the history imported (nothing validated yet)."""
    root = tmp_path / "ws"
    root.mkdir()
    _fill(root)
    monkeypatch.chdir(root)
    monkeypatch.delenv("TDKT_WORKSPACE", raising=False)
    if request.param == "postgresql":
        url = request.getfixturevalue("pg_url")
        monkeypatch.setenv("TDKT_DATABASE_URL", url)
    else:
        monkeypatch.delenv("TDKT_DATABASE_URL", raising=False)
        url = f"sqlite:///{(root / 'tdkt-register.sqlite').as_posix()}"
    _start(cli, root)
    yield Round(root, url, request.param)


@pytest.fixture
def sqlite_round(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Any) -> Round:
    """round_ws on SQLite only (cases about files, not the register)."""
    root = tmp_path / "ws"
    root.mkdir()
    _fill(root)
    monkeypatch.chdir(root)
    monkeypatch.delenv("TDKT_WORKSPACE", raising=False)
    monkeypatch.delenv("TDKT_DATABASE_URL", raising=False)
    _start(cli, root)
    return Round(root, f"sqlite:///{(root / 'tdkt-register.sqlite').as_posix()}", "sqlite")


def validate(cli: Any, rnd: Round, *extra: Any) -> Any:
    r = cli(["validate", *rnd.lists, "--format", "json", *extra])
    assert r.exit_code in (0, 1), r.stderr
    return r


def register_state(url: str) -> tuple[int, int, int, int]:
    """(rounds, runs, people, audit lines): what a destroyed register would lose."""
    from sqlalchemy import func, select

    from tdkt.db import reading, schema

    with reading(url) as conn:
        return tuple(  # type: ignore[return-value]
            int(conn.execute(select(func.count()).select_from(t)).scalar_one())
            for t in (schema.rounds, schema.round_runs, schema.reg_people, schema.audit_log))


def one_message(stderr: str) -> bool:
    """stderr holds one error message ("Lỗi: …", however the console wrapped it) and no traceback."""
    return stderr.count("Lỗi:") == 1 and "Traceback" not in stderr and stderr.strip() != ""


def flat(text: str) -> str:
    """``text`` with every run of whitespace one space (the console wraps long lines at its width)."""
    return " ".join(text.split())

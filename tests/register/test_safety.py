"""Safety: a killed import leaves nothing half-written; two imports at once lose nothing; migrating
an existing SQLite register keeps a backup."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

KILLED_IMPORT = """
import pathlib, sys, time
from tdkt.register import identity
original = identity.create
made = []

def create_then_hang(conn, ident):
    made.append(original(conn, ident))
    if len(made) == 3:  # three people written inside the transaction: now die mid-import
        pathlib.Path(sys.argv[3]).write_text("in the middle", encoding="utf-8")
        time.sleep(600)
    return made[-1]

identity.create = create_then_hang
from tdkt.register import import_files
import_files(sys.argv[1], [pathlib.Path(sys.argv[2])])
"""


def _env(url: str) -> dict[str, str]:
    return {**os.environ, "TDKT_DATABASE_URL": url, "PYTHONDONTWRITEBYTECODE": "1"}


def test_a_process_killed_in_the_middle_of_an_import_leaves_nothing(db_url: str, fixtures_module, tmp_path: Path,
                                                                  rows) -> None:
    from tdkt.db import upgrade
    from tdkt.register import import_files

    upgrade(db_url)
    big = fixtures_module.many(tmp_path, "nhieu.xlsx", 0, 12)
    flag = tmp_path / "flag"
    proc = subprocess.Popen([sys.executable, "-c", KILLED_IMPORT, db_url, str(big), str(flag)], env=_env(db_url))
    try:
        deadline = time.monotonic() + 60
        while not flag.exists():
            assert proc.poll() is None, "the import ended before it could be killed"
            assert time.monotonic() < deadline, "the import never reached the middle"
            time.sleep(0.05)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    assert proc.returncode == -signal.SIGKILL
    assert (rows(db_url, "reg_people"), rows(db_url, "reg_awards"), rows(db_url, "audit_log")) == (0, 0, 0)
    # The lock died with the process: the next import goes through and writes everything.
    result = import_files(db_url, [big])
    assert result.committed and (rows(db_url, "reg_people"), rows(db_url, "audit_log")) == (12, 1)


def test_two_imports_at_once_lose_nothing(db_url: str, workspace: Path, fixtures_module, tmp_path: Path, rows) -> None:
    # The register is brand new (no schema yet on SQLite): the two first commands also meet on the migration.
    # 0–59 and 40–99: twenty people in both files (same CCCD, same decision), 100 people in all.
    first = fixtures_module.many(tmp_path, "dot-1.xlsx", 0, 60)
    second = fixtures_module.many(tmp_path, "dot-2.xlsx", 40, 60)
    procs = [
        subprocess.Popen([sys.executable, "-m", "tdkt", "register", "import", str(f)], cwd=workspace,
                         env=_env(db_url), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for f in (first, second)
    ]
    outcomes = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outcomes
    assert (rows(db_url, "reg_people"), rows(db_url, "reg_awards"), rows(db_url, "audit_log")) == (100, 100, 2)


def test_migrating_an_existing_sqlite_register_keeps_a_backup(tmp_path: Path) -> None:
    import datetime as dt

    from alembic import command
    from sqlalchemy import inspect, select

    from tdkt.db import _alembic_config, current_revision, engine, head_revision, upgrade
    from tdkt.db.schema import rounds

    path = tmp_path / "cu.sqlite"
    url = f"sqlite:///{path.as_posix()}"
    with engine(url).begin() as conn:  # a register made by the previous release: revision 0001 only
        cfg = _alembic_config(url)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.execute(rounds.insert().values(id="2021-1", date=dt.date(2021, 4, 1), years="2020",
                                            created_at=dt.datetime(2021, 3, 1)))
    upgrade(url)
    assert current_revision(url) == head_revision() == "0004"
    with engine(url).connect() as conn:
        assert conn.execute(select(rounds.c.id)).scalars().all() == ["2021-1"]
        assert {"reg_people", "reg_awards", "audit_log"} <= set(inspect(conn).get_table_names())
    backup = tmp_path / "cu.sqlite.bak-0001"
    assert backup.is_file()
    old = engine(f"sqlite:///{backup.as_posix()}")
    with old.connect() as conn:
        assert "reg_people" not in inspect(conn).get_table_names()
        assert conn.execute(select(rounds.c.id)).scalars().all() == ["2021-1"]


def test_a_register_change_waits_for_another_instead_of_failing(db_url: str, rows) -> None:
    """While one officer's change holds the register, another's waits for it (no "database is locked")."""
    import threading

    from tdkt.register import audit

    audit_entries_before = rows(db_url, "audit_log")
    order: list[str] = []
    entered = threading.Event()

    def first() -> None:
        with audit.changing(db_url, "test.hold", "hold") as change:
            change.details["who"] = "first"
            entered.set()
            time.sleep(0.5)
            order.append("first")

    t = threading.Thread(target=first)
    t.start()
    entered.wait(10)
    with audit.changing(db_url, "test.second", "second"):
        order.append("second")
    t.join()
    assert order == ["first", "second"]
    assert rows(db_url, "audit_log") == audit_entries_before + 2


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_register_at_0003_with_stored_validations_migrates_and_reads_the_same(
        backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    """Migration 0004 moves a stored validation's nominees to round_nominees; the round reads the same."""
    import datetime as dt
    import json

    import sqlalchemy as sa
    from alembic import command

    from tdkt import rounds
    from tdkt.db import _alembic_config, engine, upgrade
    from tdkt.db.schema import rounds as rounds_table
    from tdkt.validation import validate_files

    url = (f"sqlite:///{(tmp_path / 'cu.sqlite').as_posix()}" if backend == "sqlite"
           else str(request.getfixturevalue("pg_empty_url")))
    lists = [EXAMPLES / "2022-1" / n for n in ("danh-sach-ca-nhan.xlsx", "danh-sach-tap-the.xlsx")]
    docs = [validate_files([p], rules="nd91-2017", year=2021, cwd=tmp_path).to_dict() for p in lists]
    assert all(d["nominees"] for d in docs)
    old_runs = sa.table("round_runs", *(sa.column(c) for c in (
        "round_id", "kind", "award", "created_at", "tdkt_version", "ruleset", "inputs", "payload", "current")))
    stored = [(docs[0], 0), (docs[0], 1), (docs[1], 1), ({"results": [], "awards": ["x"]}, 1)]  # history, 2 lists, a tally
    with engine(url).begin() as conn:  # a register made by the previous release (0003), as it stored runs
        cfg = _alembic_config(url)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003")
        conn.execute(rounds_table.insert().values(id="2022-1", date=dt.date(2022, 4, 25), years="2021",
                                                  created_at=dt.datetime(2022, 3, 1)))
        for k, (payload, current) in enumerate(stored):
            path = str(lists[0 if k < 2 else 1]) if k < 3 else "phieu.csv"
            conn.execute(old_runs.insert().values(
                round_id="2022-1", kind="validate" if k < 3 else "tally", award=None,
                created_at=dt.datetime(2022, 4, 1, 8, k), tdkt_version="0.9", ruleset="nd91-2017@1",
                inputs=json.dumps([{"path": path, "sha256": f"{k}" * 64}]),
                payload=json.dumps(payload, ensure_ascii=False), current=current))
    upgrade(url)
    every = rounds.runs(url, "2022-1", current_only=False)
    assert [r.payload for r in every] == [p for p, _ in stored]
    assert [r.current for r in every] == [False, True, True, True]
    now = rounds.current_validation(url, "2022-1")
    assert now is not None
    assert now.document["nominees"] == docs[0]["nominees"] + docs[1]["nominees"]
    assert now.document["summary"]["nominees"] == len(docs[0]["nominees"]) + len(docs[1]["nominees"])
    with engine(url).connect() as conn:
        heads = conn.execute(sa.text("SELECT payload, nominees FROM round_runs WHERE kind = 'validate' ORDER BY id"))
        assert [(json.loads(p)["nominees"], n) for p, n in heads] == [([], len(d["nominees"])) for d in (*docs[:1], *docs)]
        assert conn.execute(sa.text("SELECT count(*) FROM round_nominees")).scalar_one() == sum(
            len(d["nominees"]) for d in (*docs[:1], *docs))

"""The register under concurrency and trouble (report #5, #17–#21, #24, #26): writes to a round are
serialised, the schema version is checked first, database errors are one Vietnamese line (exit 3)
with no SQL text and no personal data. SQLite and PostgreSQL."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from .conftest import Round, flat, one_message, register_state

# A store_run (validate or tally) that holds its transaction open after writing, as a slow writer would.
SLOW_STORE = """
import pathlib, sys, time
from tdkt import rounds
from tdkt.register import audit
original = audit.record
def slow(conn, *args, **kwargs):
    entry = original(conn, *args, **kwargs)
    pathlib.Path(sys.argv[4]).write_text("inside", encoding="utf-8")
    time.sleep(3)
    return entry
audit.record = slow
rounds.store_run(sys.argv[1], sys.argv[2], sys.argv[3], {"who": "A"}, inputs=[])
"""

# tdkt's own CLI, with the migration slowed down so that two first commands overlap in it.
SLOW_FIRST = """
import sys, time
import alembic.command
original = alembic.command.upgrade
def slow(*args, **kwargs):
    time.sleep(1.5)
    return original(*args, **kwargs)
alembic.command.upgrade = slow
from tdkt.register import audit
record = audit.record
def hold(conn, *args, **kwargs):
    entry = record(conn, *args, **kwargs)
    time.sleep(1.5)
    return entry
audit.record = hold
from tdkt.cli import app
sys.argv = ["tdkt", *sys.argv[1:]]
app()
"""


def _env(url: str, **extra: str) -> dict[str, str]:
    return {**os.environ, "TDKT_DATABASE_URL": url, "PYTHONDONTWRITEBYTECODE": "1", **extra}


def _wait(flag: Path, proc: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 60
    while not flag.exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.05)


@pytest.mark.parametrize("kind", ["validate", "tally"])
def test_5_the_second_of_two_concurrent_stores_sees_the_first_and_refuses(round_ws: Round, tmp_path: Path,
                                                                          kind: str) -> None:
    from tdkt import rounds
    from tdkt.errors import WorkspaceError

    flag = tmp_path / "flag"
    proc = subprocess.Popen([sys.executable, "-c", SLOW_STORE, round_ws.url, "2022-1", kind, str(flag)],
                            env=_env(round_ws.url), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        _wait(flag, proc)  # A has written its result and not committed yet
        with pytest.raises(WorkspaceError) as info:
            rounds.store_run(round_ws.url, "2022-1", kind, {"who": "B"}, inputs=[])
        assert "--force" in info.value.message and info.value.exit_code == 3
    finally:
        out = proc.communicate(timeout=60)
    assert proc.returncode == 0, out
    current = rounds.runs(round_ws.url, "2022-1", kind)
    assert [r.payload for r in current] == [{"who": "A"}]  # nobody's result silently replaced


def test_5_with_force_the_second_replaces_the_first_in_order(round_ws: Round, tmp_path: Path) -> None:
    from tdkt import rounds

    flag = tmp_path / "flag"
    proc = subprocess.Popen([sys.executable, "-c", SLOW_STORE, round_ws.url, "2022-1", "validate", str(flag)],
                            env=_env(round_ws.url), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _wait(flag, proc)
    rounds.store_run(round_ws.url, "2022-1", "validate", {"who": "B"}, inputs=[], force=True)
    proc.communicate(timeout=60)
    every = rounds.runs(round_ws.url, "2022-1", "validate", current_only=False)
    assert [(r.payload, r.current) for r in every] == [({"who": "A"}, False), ({"who": "B"}, True)]


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_18_two_first_commands_on_an_empty_register_both_succeed(backend: str, request: pytest.FixtureRequest,
                                                                 tmp_path: Path) -> None:
    url = (f"sqlite:///{(tmp_path / 'moi.sqlite').as_posix()}" if backend == "sqlite"
           else str(request.getfixturevalue("pg_empty_url")))
    (tmp_path / "tdkt.toml").write_text("schema_version = 1\n", encoding="utf-8")
    procs = [subprocess.Popen([sys.executable, "-c", SLOW_FIRST, "session", "new", rid, "--date", "2022-04-25"],
                              cwd=tmp_path, env=_env(url), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for rid in ("2022-1", "2022-2")]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    from tdkt import rounds

    assert [r.id for r in rounds.list_rounds(url)] == ["2022-1", "2022-2"]


def test_19_two_session_new_of_one_id_at_once_give_exit_3_not_sql(round_ws: Round) -> None:
    procs = [subprocess.Popen([sys.executable, "-c", SLOW_FIRST, "session", "new", "2023-1", "--date", "2023-04-20"],
                              cwd=round_ws.root, env=_env(round_ws.url), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(2)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert sorted(p.returncode for p in procs) == [0, 3], outs
    err = next(e for p, (_, e) in zip(procs, outs, strict=True) if p.returncode == 3)
    assert "2023-1 đã có trong sổ" in flat(err) and "INSERT" not in err and "UNIQUE" not in err
    assert one_message(err)


# --- #17: a register from a newer tdkt ------------------------------------------------------------


def _set_version(url: str, version: str) -> None:
    from sqlalchemy import text

    from tdkt.db import engine

    with engine(url).begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": version})


@pytest.mark.parametrize("command", [["session", "list"], ["register", "search", "Nguyễn"],
                                     ["register", "import", "lich-su-khen-thuong.xlsx"],
                                     ["session", "new", "2023-1", "--date", "2023-04-20"],
                                     ["validate", "2022-1/danh-sach-ca-nhan.xlsx"],
                                     ["tally", "2022-1/ballots.csv"], ["render", "report"]])
def test_17_a_register_from_a_newer_tdkt_is_exit_3_at_once_without_backup(cli: Any, round_ws: Round,
                                                                          command: list[str]) -> None:
    state = register_state(round_ws.url)
    _set_version(round_ws.url, "9999")
    r = cli(command)
    assert r.exit_code == 3, r.stderr
    assert "phiên bản tdkt mới hơn" in flat(r.stderr) and one_message(r.stderr)
    assert "Traceback" not in r.stderr and "revision" not in r.stderr
    assert [p.name for p in round_ws.root.iterdir() if ".bak" in p.name] == []
    _set_version(round_ws.url, _head())
    assert register_state(round_ws.url) == state


def _head() -> str:
    from tdkt.db import HEAD

    return HEAD


# --- #20, #21: read-only and full -----------------------------------------------------------------

def _readonly_url(rnd: Round, monkeypatch: pytest.MonkeyPatch) -> str:
    if rnd.backend == "sqlite":
        # the register opened read-only, as a file without write permission behaves (tests run as root)
        url = f"sqlite:///file:{(rnd.root / 'tdkt-register.sqlite').as_posix()}?mode=ro&uri=true"
    else:
        from sqlalchemy import create_engine, make_url, text

        admin = make_url(rnd.url).set(database="postgres")
        eng = create_engine(admin, isolation_level="AUTOCOMMIT")
        with eng.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{make_url(rnd.url).database}" SET default_transaction_read_only = on'))
        eng.dispose()
        from tdkt.db import engine

        engine(rnd.url).dispose()
        url = rnd.url
    monkeypatch.setenv("TDKT_DATABASE_URL", url)
    return url


def _history_with_personal_data(rnd: Round) -> Path:
    """Thirty new people "Người Thứ 500…529", each with a CCCD "0990000005…" (tests/register/make_fixtures.py)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("tdkt_reliability_fixtures",
                                                  Path(__file__).parents[1] / "register" / "make_fixtures.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.many(rnd.root, "moi.xlsx", 500, 30)  # type: ignore[no-any-return]


def test_20_a_read_only_register_is_exit_3_and_prints_no_personal_data(cli: Any, round_ws: Round,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    history = _history_with_personal_data(round_ws)
    state = register_state(round_ws.url)
    _readonly_url(round_ws, monkeypatch)
    for command in (["register", "import", history], ["validate", *round_ws.lists],
                    ["session", "new", "2023-1", "--date", "2023-04-20"]):
        r = cli(command)
        assert r.exit_code == 3, r.stderr
        assert "chỉ cho đọc" in flat(r.stderr) and one_message(r.stderr)
        assert "INSERT" not in r.stderr and "0990" not in r.stderr and "Người Thứ" not in r.stderr
    assert cli(["session", "list"]).exit_code == 0  # reading still works
    monkeypatch.setenv("TDKT_DATABASE_URL", round_ws.url)
    if round_ws.backend == "postgresql":
        return
    assert register_state(round_ws.url) == state


FULL_DISK = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
from tdkt.cli import app
sys.argv = ["tdkt", "register", "import", sys.argv[2]]
app()
"""


def test_21_a_full_disk_on_import_is_exit_3_register_intact_no_personal_data(sqlite_round: Round) -> None:
    import sqlite3

    rnd = sqlite_round
    history = _history_with_personal_data(rnd)
    db = rnd.root / "tdkt-register.sqlite"
    state = register_state(rnd.url)
    proc = subprocess.run([sys.executable, "-c", FULL_DISK, str(db.stat().st_size + 4096), str(history)],
                          cwd=rnd.root, capture_output=True, text=True, env=_env(rnd.url), timeout=300)
    assert proc.returncode == 3, proc.stderr
    assert one_message(proc.stderr) and "INSERT" not in proc.stderr and "Traceback" not in proc.stderr
    assert "0990" not in proc.stderr and "Người Thứ" not in proc.stderr
    assert "đĩa" in flat(proc.stderr)
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()
    assert register_state(rnd.url) == state


# --- #24, #26: unreachable, not a register --------------------------------------------------------


@pytest.mark.parametrize("command", [["session", "list"], ["register", "import", "lich-su-khen-thuong.xlsx"]])
def test_24_an_unreachable_server_is_one_vietnamese_line(cli: Any, sqlite_round: Round, command: list[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TDKT_DATABASE_URL", "postgresql+psycopg://tdkt:bi-mat@127.0.0.1:9/so")
    r = cli(command)
    assert r.exit_code == 3
    assert "Không kết nối được" in flat(r.stderr) and one_message(r.stderr)
    assert "bi-mat" not in r.stderr and "connection" not in r.stderr.lower() and "sqlalche.me" not in r.stderr


@pytest.mark.parametrize("content", [b"garbage, not a database" * 100, b"PK\x03\x04" + b"\x00" * 2000])
def test_26_a_file_that_is_not_a_register_is_one_line(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      content: bytes) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tdkt.toml").write_text("schema_version = 1\n", encoding="utf-8")
    (tmp_path / "tdkt-register.sqlite").write_bytes(content)
    monkeypatch.delenv("TDKT_DATABASE_URL", raising=False)
    for command in (["session", "list"], ["session", "new", "2022-1", "--date", "2022-04-25"]):
        r = cli(command)
        assert r.exit_code == 3, r.stderr
        assert "không phải sổ theo dõi khen thưởng" in flat(r.stderr) and one_message(r.stderr)
        assert "sqlalche.me" not in r.stderr and "(sqlite3" not in r.stderr


def test_26_a_register_url_in_a_missing_folder_is_one_line(cli: Any, sqlite_round: Round,
                                                           monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TDKT_DATABASE_URL", f"sqlite:///{(tmp_path / 'khong-co' / 'so.sqlite').as_posix()}")
    r = cli(["session", "list"])
    assert r.exit_code == 3 and one_message(r.stderr) and "sqlalche.me" not in r.stderr
    assert "thư mục không tồn tại" in flat(r.stderr)


def test_the_register_s_errors_never_show_sql_or_values(round_ws: Round) -> None:
    """The guard's mapping on a real IntegrityError of each backend: no statement, no values."""
    import datetime as dt

    from tdkt.db import failure, transaction
    from tdkt.db.schema import rounds

    try:
        with transaction(round_ws.url) as conn:
            conn.execute(rounds.insert().values(id="2022-1", date=dt.date(2022, 4, 25), years="2021",
                                                title="Bí mật 001190000123", created_at=dt.datetime.now()))
    except Exception as exc:
        message = str(exc)
    else:  # pragma: no cover
        pytest.fail("a duplicate round was accepted")
    assert "2022-1" not in message.replace(round_ws.url, "") and "001190000123" not in message
    assert "INSERT" not in message
    assert failure(round_ws.url, ValueError()).exit_code == 4  # not a database error: a defect, exit 4

"""The CLI skeleton, the workspace and the rounds, end to end through Typer's CliRunner."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tdkt import __version__

GROUPS = ["init", "session", "ingest", "validate", "tally", "render", "register", "rules", "demo"]
SUBCOMMANDS = {
    "session": ["new", "list", "show", "use"],
    "register": ["import", "search", "show", "export", "log", "issue"],
    "rules": ["list", "show", "check", "docs"],
}


def test_help_lists_every_group_in_vietnamese(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli(["--help"])
    assert r.exit_code == 0
    for group in GROUPS:
        assert group in r.stdout
    assert "Hội đồng Thi đua" in r.stdout
    assert "Mã thoát" in r.stdout


def test_version(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli(["--version"])
    assert (r.exit_code, r.stdout.strip()) == (0, f"tdkt {__version__}")


@pytest.mark.parametrize("group", GROUPS)
def test_every_group_has_vietnamese_help(cli, group: str) -> None:  # type: ignore[no-untyped-def]
    r = cli([group, "--help"])
    assert r.exit_code == 0, r.stderr
    # Every help text is Vietnamese: it carries Vietnamese letters.
    assert any(ch in r.stdout for ch in "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")
    for sub in SUBCOMMANDS.get(group, []):
        assert sub in r.stdout
        rs = cli([group, sub, "--help"])
        assert rs.exit_code == 0, (group, sub, rs.stderr)


def test_init_then_rounds_non_interactive(workspace: Path, cli) -> None:  # type: ignore[no-untyped-def]
    cfg = tomllib.loads((workspace / "tdkt.toml").read_text(encoding="utf-8"))
    assert cfg["council"]["members"] == 11
    assert cfg["agency"]["place"] == "Hải Đông"
    assert (workspace / "tdkt-register.sqlite").is_file()

    r = cli(["session", "new", "2022-1", "--date", "2022-04-25", "--year", "2021", "--members", "11"])
    assert r.exit_code == 0, r.stderr
    assert "2022-1" in r.stdout
    r = cli(["session", "new", "2023-1", "--date", "2023-04-20", "--no-use"])
    assert r.exit_code == 0, r.stderr

    r = cli(["session", "list", "--format", "json"])
    import json

    doc = json.loads(r.stdout)
    assert [s["id"] for s in doc["sessions"]] == ["2022-1", "2023-1"]
    assert doc["current"] == "2022-1"  # chosen explicitly by `session new` (2023-1 said --no-use)
    assert doc["sessions"][1]["years"] == [2022]  # default: the year before the meeting
    assert doc["sessions"][1]["members"] == 11  # default: tdkt.toml

    r = cli(["session", "show"])
    assert r.exit_code == 0
    assert "25/04/2022" in r.stdout and "2021" in r.stdout

    r = cli(["session", "use", "2023-1"])
    assert r.exit_code == 0
    r = cli(["session", "show", "--format", "json"])
    assert json.loads(r.stdout)["id"] == "2023-1"


def test_init_refuses_existing_workspace_and_changes_nothing(workspace: Path, cli) -> None:  # type: ignore[no-untyped-def]
    before = (workspace / "tdkt.toml").read_bytes()
    r = cli(["init", "--council", "Khác"])
    assert r.exit_code == 3
    assert "Đã có không gian làm việc" in r.stderr
    assert "Traceback" not in r.stderr + r.stdout
    assert (workspace / "tdkt.toml").read_bytes() == before
    r = cli(["init", "--council", "Hội đồng mới", "--force"])
    assert r.exit_code == 0
    assert "Hội đồng mới" in (workspace / "tdkt.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["session", "new", "22-1", "--date", "2022-04-25"], "Mã đợt xét '22-1' không hợp lệ"),
        (["session", "new", "2022-1", "--date", "25/04/22"], "cần năm đủ bốn chữ số"),
        (["session", "new", "2022-1", "--date", "2022-02-30"], "không có ngày '2022-02-30'"),
        (["session", "show", "2030-9"], "Không có đợt xét 2030-9"),
        (["session", "use", "abc"], "không hợp lệ"),
    ],
)
def test_bad_round_input_is_one_vietnamese_line(workspace: Path, cli, args: list[str], needle: str) -> None:  # type: ignore[no-untyped-def]
    r = cli(args)
    assert r.exit_code in (2, 3)
    assert needle in r.stderr
    assert "Traceback" not in r.stderr


def test_duplicate_round_refused(workspace: Path, cli) -> None:  # type: ignore[no-untyped-def]
    assert cli(["session", "new", "2022-1", "--date", "2022-04-25"]).exit_code == 0
    r = cli(["session", "new", "2022-1", "--date", "2022-05-01"])
    assert r.exit_code == 3
    assert "đã có" in r.stderr


def test_commands_outside_a_workspace_say_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TDKT_WORKSPACE", raising=False)
    r = cli(["session", "list"])
    assert r.exit_code == 3
    assert "tdkt init" in r.stderr


def test_broken_config_names_the_key(workspace: Path, cli) -> None:  # type: ignore[no-untyped-def]
    path = workspace / "tdkt.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('level = "tinh"', 'level = "vung"'), encoding="utf-8")
    r = cli(["session", "list"])
    assert r.exit_code == 3
    assert "council.level" in r.stderr


def test_debug_shows_the_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    plain = subprocess.run([sys.executable, "-m", "tdkt", "session", "list"], capture_output=True, text=True, env=env)
    assert plain.returncode == 3 and "Traceback" not in plain.stderr
    debug = subprocess.run([sys.executable, "-m", "tdkt", "--debug", "session", "list"], capture_output=True, text=True, env=env)
    assert debug.returncode != 0 and "Traceback" in debug.stderr and "WorkspaceError" in debug.stderr


def test_register_database_upgrades_keep_data(tmp_path: Path) -> None:
    """A register created at the first revision is upgraded to head without losing its rounds."""
    import datetime as dt

    from alembic import command

    from tdkt import db, rounds

    url = f"sqlite:///{tmp_path / 'r.sqlite'}"
    with db.engine(url).begin() as conn:
        cfg = db._alembic_config(url)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    from sqlalchemy import insert

    from tdkt.db.schema import rounds as rounds_table

    with db.engine(url).begin() as conn:
        conn.execute(insert(rounds_table).values(id="2021-1", date=dt.date(2021, 4, 1), years="2020", members=9,
                                                 created_at=dt.datetime(2021, 4, 1)))
    rnd = rounds.get_round(url, "2021-1")  # upgrades to head on open
    assert rnd.members == 9 and rnd.years == (2020,)
    assert db.current_revision(url) == db.head_revision()
    if db.head_revision() != "0001":
        assert (tmp_path / "r.sqlite.bak-0001").is_file()


def test_head_constant_matches_the_migrations() -> None:
    """tdkt.db.HEAD (the fast up-to-date check) names Alembic's newest migration."""
    from tdkt import db

    assert db.head_revision() == db.HEAD

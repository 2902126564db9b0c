"""One output policy for every file tdkt writes (report #1, #2, #21, #23, #31): never the register,
tdkt.toml, rules/, templates/ or an input; an existing file only with --force; temp + rename; a set
all or nothing; every OS error exit 3 in one Vietnamese line."""

from __future__ import annotations

import errno
import hashlib
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from .conftest import Round, flat, one_message, register_state, validate


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _litter(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if "tmp" in p.name)


def test_1_validate_o_the_register_on_the_first_validate_is_refused(cli: Any, sqlite_round: Round) -> None:
    rnd = sqlite_round
    db = rnd.root / "tdkt-register.sqlite"
    before, state = _sha(db), register_state(rnd.url)
    r = cli(["validate", rnd.lists[0], "--format", "xlsx", "-o", "tdkt-register.sqlite"])
    assert r.exit_code == 3
    assert "sổ theo dõi khen thưởng" in flat(r.stderr) and "Traceback" not in r.stderr
    assert _sha(db) == before and register_state(rnd.url) == state  # nothing stored, nothing replaced
    r = cli(["register", "search", "Nguyễn"])
    assert r.exit_code == 0
    # --force does not make it writable
    assert cli(["validate", rnd.lists[0], "--format", "xlsx", "-o", db, "--force"]).exit_code == 3
    assert _sha(db) == before


@pytest.mark.parametrize("target", ["tdkt.toml", "rules/ket-qua.xlsx", "templates/decision.docx",
                                    "tdkt-register.sqlite-journal", "tdkt-register.sqlite.bak-0001",
                                    "2022-1/danh-sach-ca-nhan.xlsx"])
def test_1_validate_o_never_writes_the_workspace_s_own_files(cli: Any, sqlite_round: Round, target: str) -> None:
    rnd = sqlite_round
    path = rnd.root / target
    path.parent.mkdir(exist_ok=True)
    if not path.exists():
        path.write_bytes(b"keep me")
    before = _sha(path)
    r = cli(["validate", rnd.lists[0], "--format", "xlsx", "-o", target, "--force"])
    assert r.exit_code == 3, r.stderr
    assert _sha(path) == before
    assert register_state(rnd.url)[1] == 0  # the round was not touched either


def test_1_an_existing_file_is_replaced_only_with_force(cli: Any, sqlite_round: Round) -> None:
    rnd = sqlite_round
    old = rnd.root / "ket-qua-cu.xlsx"
    old.write_bytes(b"an officer's older spreadsheet")
    r = cli(["validate", rnd.lists[0], "--format", "xlsx", "-o", old])
    assert r.exit_code == 3 and "--force" in flat(r.stderr)
    assert old.read_bytes() == b"an officer's older spreadsheet"
    assert register_state(rnd.url)[1] == 0
    r = cli(["validate", rnd.lists[0], "--format", "xlsx", "-o", old, "--force"])
    assert r.exit_code in (0, 1), r.stderr
    assert old.read_bytes().startswith(b"PK")


def test_1_a_link_to_the_register_is_the_register(cli: Any, sqlite_round: Round) -> None:
    rnd = sqlite_round
    (rnd.root / "so.xlsx").symlink_to(rnd.root / "tdkt-register.sqlite")
    before = _sha(rnd.root / "tdkt-register.sqlite")
    assert cli(["validate", rnd.lists[0], "--format", "xlsx", "-o", "so.xlsx", "--force"]).exit_code == 3
    assert _sha(rnd.root / "tdkt-register.sqlite") == before


def test_1_another_workspace_s_register_is_refused_too(cli: Any, sqlite_round: Round, tmp_path: Path) -> None:
    other = tmp_path / "khac"
    other.mkdir()
    (other / "tdkt.toml").write_text("schema_version = 1\n", encoding="utf-8")
    (other / "tdkt-register.sqlite").write_bytes(b"not yet a database, but its name is the register's")
    r = cli(["validate", sqlite_round.lists[0], "--format", "xlsx", "-o", other / "tdkt-register.sqlite", "--force"])
    assert r.exit_code == 3
    assert (other / "tdkt-register.sqlite").read_bytes().startswith(b"not yet")


def test_2_register_export_over_the_register_is_refused_even_with_force(cli: Any, round_ws: Round) -> None:
    # On PostgreSQL the register is on the server; the file name stays reserved in the workspace all the same.
    state = register_state(round_ws.url)
    db = round_ws.root / "tdkt-register.sqlite"
    before = _sha(db) if db.exists() else None
    for fmt in ("xlsx", "csv", "json"):
        r = cli(["register", "export", "--format", fmt, "-o", "tdkt-register.sqlite", "--force"])
        assert r.exit_code == 3, r.stderr
        assert "sổ theo dõi khen thưởng" in flat(r.stderr)
        assert (_sha(db) if db.exists() else None) == before
    assert register_state(round_ws.url) == state
    assert cli(["register", "search", "Nguyễn"]).exit_code == 0


def test_2_any_sqlite_database_is_refused(cli: Any, round_ws: Round, tmp_path: Path) -> None:
    import sqlite3

    elsewhere = tmp_path / "so-cu.xlsx"  # a register kept under an odd name, outside any workspace
    with sqlite3.connect(elsewhere) as con:
        con.execute("CREATE TABLE t (x)")
    con.close()
    before = _sha(elsewhere)
    assert cli(["register", "export", "-o", elsewhere, "--force"]).exit_code == 3
    assert _sha(elsewhere) == before


def test_23_validate_o_a_folder_is_refused_before_the_round_is_touched(cli: Any, sqlite_round: Round) -> None:
    rnd = sqlite_round
    r = cli(["validate", rnd.lists[0], "--format", "xlsx", "-o", "2022-1"])
    assert r.exit_code == 3 and "thư mục" in flat(r.stderr)
    assert register_state(rnd.url)[1] == 0
    assert _litter(rnd.root) == []


def test_23_render_out_naming_a_file_is_exit_3(cli: Any, sqlite_round: Round) -> None:
    rnd = sqlite_round
    validate(cli, rnd)
    before = _sha(rnd.root / "tdkt.toml")
    r = cli(["render", "report", "--out", "tdkt.toml"])
    assert r.exit_code == 3 and "Traceback" not in r.stderr and "Lỗi nội bộ" not in r.stderr
    assert _sha(rnd.root / "tdkt.toml") == before
    r = cli(["render", "report", "--out", "templates"])
    assert r.exit_code == 3 and "templates/" in flat(r.stderr)


FILL_DISK = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)   # a write past the limit fails with EFBIG instead
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[1]), int(sys.argv[1])))
from tdkt.cli import app
sys.argv = ["tdkt", "render", "decision", "--out", "van-ban"]
app()
"""


def test_21_a_set_of_documents_is_written_all_or_nothing_when_the_disk_refuses(cli: Any, sqlite_round: Round) -> None:
    rnd = sqlite_round
    validate(cli, rnd)
    r = cli(["tally", rnd.ballots])
    assert r.exit_code == 0, r.stderr
    # room for some decisions but not all: the first files fit, a later one does not
    sizes = sorted(len(p.read_bytes()) for p in _render_sizes(cli, rnd))
    limit = sizes[0] + 1
    proc = subprocess.run([sys.executable, "-c", FILL_DISK, str(limit)], capture_output=True, text=True,
                          env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}, timeout=300)
    assert proc.returncode == 3, proc.stderr
    assert "Không ghi được" in flat(proc.stderr) and "Traceback" not in proc.stderr
    assert not (rnd.root / "van-ban").exists()  # nothing of the set, and no temporary file
    assert _litter(rnd.root) == []


def _render_sizes(cli: Any, rnd: Round) -> list[Path]:
    r = cli(["render", "decision", "--out", "mau"])
    assert r.exit_code == 0, r.stderr
    files = sorted((rnd.root / "mau").iterdir())
    assert len(files) >= 2
    return files


def test_21_disk_full_is_one_line_exit_3(cli: Any, sqlite_round: Round, monkeypatch: pytest.MonkeyPatch) -> None:
    from tdkt import output

    rnd = sqlite_round
    validate(cli, rnd)

    def full(tmp: Path, content: Any) -> None:
        tmp.write_bytes(b"half")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(output, "_put", full)
    r = cli(["render", "report", "--out", "van-ban"])
    assert r.exit_code == 3
    assert one_message(r.stderr) and "đĩa đầy" in flat(r.stderr) and "No space" not in r.stderr
    assert not (rnd.root / "van-ban").exists() and _litter(rnd.root) == []


def test_31_a_temporary_file_left_by_a_killed_process_is_removed(cli: Any, sqlite_round: Round) -> None:
    rnd = sqlite_round
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True).stdout.strip()
    stale = rnd.root / f".ket-qua.xlsx.{dead}-0badc0de.tdkt-tmp"
    stale.write_bytes(b"half a workbook")
    r = cli(["validate", rnd.lists[0], "--format", "xlsx", "-o", "ket-qua.xlsx"])
    assert r.exit_code in (0, 1), r.stderr
    assert not stale.exists() and (rnd.root / "ket-qua.xlsx").is_file()
    assert _litter(rnd.root) == []

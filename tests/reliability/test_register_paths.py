"""The register's two paths (issue 18): on a SQLite register at HEAD, validate, tally, review and render
use the stdlib sqlite3 (:func:`tdkt.db.connect`) and import neither SQLAlchemy nor Alembic; under
``TDKT_PLAIN=1`` the same commands go through SQLAlchemy. Both store and read the same: the same
commands on two copies of a workspace leave the same rows and print the same documents."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tdkt import fastpaths

from .conftest import _fill, _start

TIMES = {"created_at", "at"}  # when a row was written: the one thing two runs differ in


def _workspace(root: Path, cli: Any, monkeypatch: pytest.MonkeyPatch) -> Path:
    root.mkdir()
    _fill(root)
    monkeypatch.chdir(root)
    _start(cli, root)
    return root


def _renamed(path: Path, to: Path) -> Path:
    """A copy of the list with its first nominee renamed (made once: openpyxl stamps the time it saves)."""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    wb.active["B9"].value = "Người Được Đổi Tên"
    wb.save(to)
    return to


def _story(cli: Any, root: Path, edited: Path) -> list[Any]:
    """An officer's round: two lists, a tally, a review accepted, a list edited and validated again."""
    lists = [root / "2022-1" / n for n in ("danh-sach-ca-nhan.xlsx", "danh-sach-tap-the.xlsx")]
    out: list[Any] = []

    def run(*args: Any, ok: tuple[int, ...] = (0,)) -> str:
        r = cli([*args])
        assert r.exit_code in ok, (args, r.stderr)
        out.append(r.stdout.replace(str(root), "ROOT"))
        return str(r.stdout)

    run("validate", lists[0], "--format", "json", ok=(0, 1))
    run("validate", *lists, "--format", "json", ok=(0, 1))
    run("validate", *lists, "--format", "json", ok=(0, 1))  # unchanged: nothing stored
    run("tally", root / "2022-1" / "ballots.csv", "--format", "json", ok=(0, 1))
    cases = json.loads(run("review", "list", "--format", "json"))["cases"]
    assert cases, "the example round has a case to settle"
    run("review", "accept", cases[0]["nominee"], "--reason", "Đã đối chiếu hồ sơ gốc", "--by", "Thường trực")
    shutil.copyfile(edited, lists[0])
    run("validate", *lists, "--format", "json", "--force", ok=(0, 1))
    run("session", "show", "--format", "json")
    return out


def _rows(db: Path, root: Path) -> dict[str, list[tuple[Any, ...]]]:
    with sqlite3.connect(db) as con:
        tables = [t for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        out = {}
        for t in tables:
            cur = con.execute(f'SELECT * FROM "{t}" ORDER BY rowid')
            names = [d[0] for d in cur.description]
            out[t] = [tuple(None if n in TIMES else (v.replace(str(root), "ROOT") if isinstance(v, str) else v)
                            for n, v in zip(names, r, strict=True)) for r in cur]
        return out


def test_the_stdlib_path_and_sqlalchemy_store_and_read_the_same(cli: Any, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TDKT_WORKSPACE", raising=False)
    monkeypatch.delenv("TDKT_DATABASE_URL", raising=False)
    seen: dict[bool, tuple[list[Any], dict[str, list[tuple[Any, ...]]]]] = {}
    from .conftest import EXAMPLES

    edited = _renamed(EXAMPLES / "2022-1" / "danh-sach-ca-nhan.xlsx", tmp_path / "sua.xlsx")
    for plain in (False, True):
        monkeypatch.setattr(fastpaths, "PLAIN", plain)
        root = _workspace(tmp_path / ("plain" if plain else "fast"), cli, monkeypatch)
        outputs = _story(cli, root, edited)
        seen[plain] = (outputs, _rows(root / "tdkt-register.sqlite", root))
    (fast_out, fast_rows), (plain_out, plain_rows) = seen[False], seen[True]
    assert fast_rows["round_nominees"] and fast_rows["audit_log"]
    for table, rows in fast_rows.items():
        for a, b in zip(rows, plain_rows[table], strict=True):
            assert a == b, table
    assert [_no_times(o) for o in fast_out] == [_no_times(o) for o in plain_out]


def _no_times(text: str) -> Any:
    """A command's JSON output without the moments it names (``validated_at``, ``at``, ``created_at``)."""
    try:
        doc = json.loads(text)
    except ValueError:
        return text

    def strip(v: Any) -> Any:
        if isinstance(v, dict):
            return {k: strip(x) for k, x in v.items() if k not in {"validated_at", "at", "created_at"}}
        if isinstance(v, list):
            return [strip(x) for x in v]
        return v

    return strip(doc)


PROBE = """
import sys
sys.argv = ["tdkt", *sys.argv[1:]]
from tdkt.cli import app
try:
    app()
finally:
    heavy = sorted(m for m in ("sqlalchemy", "alembic") if m in sys.modules)
    sys.stderr.write("IMPORTED=" + ",".join(heavy) + "\\n")
"""


@pytest.mark.fast_path
def test_validate_tally_review_render_on_a_sqlite_register_import_no_sqlalchemy(
        cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TDKT_WORKSPACE", raising=False)
    monkeypatch.delenv("TDKT_DATABASE_URL", raising=False)
    root = _workspace(tmp_path / "ws", cli, monkeypatch)
    lists = [str(root / "2022-1" / n) for n in ("danh-sach-ca-nhan.xlsx", "danh-sach-tap-the.xlsx")]
    commands = [["validate", *lists], ["tally", "2022-1/ballots.csv"], ["review", "list"],
                ["render", "report", "--out", str(tmp_path / "bao-cao.docx")]]
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "TDKT_PLAIN": "0"}
    for plain in ("0", "1"):
        for argv in commands if plain == "0" else commands[:1]:
            proc = subprocess.run([sys.executable, "-c", PROBE, *argv], cwd=root, capture_output=True, text=True,
                                  env={**env, "TDKT_PLAIN": plain}, timeout=300)
            assert proc.returncode in (0, 1), (argv, proc.stderr)
            imported = proc.stderr.strip().splitlines()[-1]
            if plain == "0":
                assert imported == "IMPORTED=", (argv, imported)
            else:
                assert "sqlalchemy" in imported, (argv, imported)  # the switch turns the stdlib path off

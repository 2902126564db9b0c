"""A `tdkt validate` killed (SIGKILL) while it stores a round's results leaves the round exactly as it
was: the earlier runs current, nothing of the new ones written, the register usable at once (issue 18).
SQLite and PostgreSQL.

The killed process is tdkt's own CLI with one of the storer's steps wrapped: once the step has
written (the first nominees of the new run are in the open transaction), it leaves a marker file and
waits; the test kills it on the marker, so the kill always lands inside the transaction.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from .conftest import Round, validate

# tdkt validate, with the storer pausing (marker file written) after its first batch of nominees.
KILLED_STORE = """
import pathlib, sys, time
from tdkt import rounds
marker = pathlib.Path(sys.argv[1])
rounds.NOMINEE_BATCH = 2  # several batches even for a short list: the kill lands between two of them
original = rounds._write_batch
def paused(*args, **kwargs):
    out = original(*args, **kwargs)
    marker.write_text("written, not committed", encoding="utf-8")
    time.sleep(120)
    return out
rounds._write_batch = paused
from tdkt.cli import app
sys.argv = ["tdkt", *sys.argv[2:]]
app()
"""


def _dump(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table of the register, in key order: what "as it was" means."""
    from sqlalchemy import select

    from tdkt.db import reading, schema

    with reading(url) as conn:
        return {t.name: [tuple(r) for r in conn.execute(select(t).order_by(*t.primary_key.columns))]
                for t in schema.metadata.sorted_tables}


def _plant(path: Path, name: str) -> None:
    """The list's first nominee renamed: the same file, other bytes (its stored run is replaced)."""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    wb.active["B9"].value = name
    wb.save(path)


def test_a_validate_killed_while_storing_leaves_the_round_as_it_was(cli: Any, round_ws: Round, tmp_path: Path) -> None:
    from tdkt import rounds

    first, second = round_ws.lists
    r = cli(["validate", first, "--format", "json"])
    assert r.exit_code in (0, 1), r.stderr
    before = _dump(round_ws.url)
    validation = rounds.current_validation(round_ws.url, "2022-1")
    assert validation is not None
    shown = validation.document
    assert [f.name for f in validation.files] == [first.name]

    _plant(first, "Người Được Đổi Tên")  # the killed command replaces this list's run and adds the other
    marker = tmp_path / "marker"
    env = {**os.environ, "TDKT_DATABASE_URL": round_ws.url, "PYTHONDONTWRITEBYTECODE": "1"}
    proc = subprocess.Popen([sys.executable, "-c", KILLED_STORE, str(marker), "validate", str(first), str(second),
                             "--format", "json"], cwd=round_ws.root, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while not marker.exists():
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "the storer never reached its first write"
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()  # already killed unless an assertion above failed
        proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL

    assert _dump(round_ws.url) == before  # nothing half-written, the earlier run still current
    again = rounds.current_validation(round_ws.url, "2022-1")
    assert again is not None and again.document == shown
    if round_ws.backend == "sqlite":
        import sqlite3

        with sqlite3.connect(round_ws.root / "tdkt-register.sqlite") as con:
            assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)

    validate(cli, round_ws)  # the register is usable at once: the same command now stores both lists
    now = rounds.current_validation(round_ws.url, "2022-1")
    assert now is not None and [f.name for f in now.files] == [first.name, second.name]
    assert "Người Được Đổi Tên" in [n["name"] for n in now.document["nominees"]]

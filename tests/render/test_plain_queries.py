"""The register's read-only queries through the stdlib sqlite3 (a fast path: no SQLAlchemy import) give
what SQLAlchemy gives, query for query (code review B.2; issue 20); under ``TDKT_PLAIN=1`` every query
takes SQLAlchemy (counted). Not a ``fast_path`` test: it compares both paths in one process."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tdkt import db, fastpaths, rounds, workspace
from tdkt.render import context as c


def _reads(url: str) -> dict[str, Any]:
    """Every function that reads the register through ``db.query``, on the example round."""
    got: dict[str, Any] = {
        "current": rounds.get_round(url),
        "named": rounds.get_round(url, "2022-1"),
        "runs": rounds.runs(url, "2022-1"),
        "validations": rounds.runs(url, "2022-1", "validate", current_only=False),
        "issued": rounds.issued_awards(url, "2022-1"),
    }
    for award in ("bang_khen_bo_tinh", "chien_si_thi_dua_bo_tinh"):
        got[f"decision {award}"] = c._issued(url, "2022-1", award)
    return got


def test_each_raw_query_gives_what_sqlalchemy_gives(cli, example_ws: Path,  # type: ignore[no-untyped-def]
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    r = cli(["register", "issue", "--session", "2022-1", "--award", "bang_khen_bo_tinh", "--number", "1035",
             "--date", "2022-05-06"])
    assert r.exit_code == 0, r.stdout + r.stderr
    url = workspace.require().database_url
    calls: list[bool] = []  # True: the stdlib read answered
    real = db._read_sqlite

    def spy(*args: Any) -> Any:
        rows = real(*args)
        calls.append(rows is not None)
        return rows

    monkeypatch.setattr(db, "_read_sqlite", spy)
    monkeypatch.setattr(fastpaths, "PLAIN", False)
    fast = _reads(url)
    assert calls and all(calls)  # every read took the stdlib path
    calls.clear()
    monkeypatch.setattr(fastpaths, "PLAIN", True)
    plain = _reads(url)
    assert calls == []  # none did
    assert fast == plain
    assert fast["issued"] == {"bang_khen_bo_tinh"} and fast["decision bang_khen_bo_tinh"][0] == 1035
    assert fast["runs"] and len(fast["validations"]) >= 1

"""Fixtures for the tally tests: the fixture tables, the data folder, a workspace with a round."""

from __future__ import annotations

import importlib.util
import shutil
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "data" / "tally"


def _load_fixtures_module() -> ModuleType:
    # Loaded by path under a unique name: other test folders may have a make_fixtures.py of their own.
    spec = importlib.util.spec_from_file_location("tdkt_tally_make_fixtures", HERE / "make_fixtures.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


FX = _load_fixtures_module()


@pytest.fixture
def fx() -> ModuleType:
    return FX


@pytest.fixture
def data() -> Path:
    return DATA


@pytest.fixture
def make_round(workspace: Path, cli: Any) -> Callable[..., str]:
    """``make_round(payload, overlay=None)``: round 2022-1 (NĐ 91/2017 era) with a stored validation."""

    def make(payload: dict[str, Any] | None, overlay: str | None = None) -> str:
        from tdkt import rounds
        from tdkt.workspace import find

        r = cli(["session", "new", "2022-1", "--date", "2022-04-25", "--members", "11"])
        assert r.exit_code == 0, r.stderr
        ws = find(workspace)
        assert ws is not None
        if payload is not None:
            rounds.store_run(ws.database_url, "2022-1", "validate", payload)
        if overlay:
            ws.overlay_dir.mkdir(exist_ok=True)
            shutil.copy(DATA / overlay, ws.overlay_dir / overlay)
        return ws.database_url

    return make

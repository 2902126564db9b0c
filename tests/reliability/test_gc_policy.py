"""The collector policy (code review 2026-12, A.4; issue 19): tdkt pauses the cyclic collector inside
its stages, and leaves it as it found it. Only a tdkt command (tdkt.cli) also freezes what a stage built,
since the process ends with the command; a program using tdkt as a library never sees gc.freeze()."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
LIST = ROOT / "examples" / "2022-1" / "danh-sach-ca-nhan.xlsx"


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the collector frees it


@pytest.fixture
def clean_gc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.chdir(tmp_path)  # outside any workspace: nothing is stored
    monkeypatch.delenv("TDKT_WORKSPACE", raising=False)
    gc.collect()
    gc.unfreeze()
    gc.enable()
    yield
    gc.enable()


def _ingest() -> Any:
    from tdkt.ingest import read_nominations

    return read_nominations([LIST]).to_dict()


def _validate() -> Any:
    from tdkt.validation import validate_files

    return validate_files([LIST], store=False).report.to_dict()


@pytest.mark.parametrize("call", [_ingest, _validate], ids=["ingest", "validate"])
def test_a_library_call_leaves_the_collector_enabled_and_nothing_frozen(clean_gc: None, call: Callable[[], Any]) -> None:
    node = _Node()
    alive = weakref.ref(node)
    call()
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
    del node  # a cycle the program made before the call, dropped after it
    gc.collect()
    assert alive() is None


def test_a_library_call_leaves_a_disabled_collector_disabled(clean_gc: None) -> None:
    gc.disable()
    _validate()
    assert not gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_the_cli_freezes_at_its_boundary_and_ends_with_the_collector_enabled(clean_gc: None, cli: Any) -> None:
    seen: list[bool] = []
    from tdkt.ingest import nominations

    real = nominations.read_nominations

    def spy(*args: Any, **kwargs: Any) -> Any:
        result = real(*args, **kwargs)
        seen.append(gc.isenabled())
        return result

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("tdkt.ingest.read_nominations", spy)
        r = cli(["ingest", LIST, "--format", "json"])
    assert r.exit_code == 0, r.stderr
    assert gc.isenabled()
    assert seen == [True]  # after the stage, the collector is back on
    from tdkt import fastpaths

    if not fastpaths.PLAIN:
        assert gc.get_freeze_count() > 0  # the command's policy: what the stage built is frozen
    gc.unfreeze()
    _ingest()  # once the command is over, a library call freezes nothing again
    assert gc.get_freeze_count() == 0

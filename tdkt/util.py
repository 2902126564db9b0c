"""Small helpers used by several stages: file digests for the audit trail, pausing the cyclic GC."""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def sha256_file(path: Path) -> str:
    """SHA-256 of a file's bytes, hex (recorded for every input of a stored result and the minutes)."""
    with path.open("rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def input_records(paths: list[Path]) -> list[dict[str, str]]:
    """``[{"path", "sha256"}]`` for the inputs of a run."""
    return [{"path": str(p), "sha256": sha256_file(p)} for p in paths]


# Whether a tdkt command is running (tdkt.cli enters cli_gc around every command). Only then may
# no_gc freeze what a stage built: the process ends with the command. A program that uses tdkt as a
# library keeps its collector as it was (code review 2026-12, A.4).
_COMMAND = {"running": False}


@contextmanager
def cli_gc() -> Iterator[None]:
    """The collector policy of one tdkt command; entered by the CLI only (``tdkt.cli``), never by a
    library function. Inside it, :func:`no_gc` also freezes what each stage built on leaving."""
    before = _COMMAND["running"]
    _COMMAND["running"] = True
    try:
        yield
    finally:
        _COMMAND["running"] = before


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a stage creates many small acyclic objects.

    Each generation-2 pass walks every live object, so with the collector on, reading or evaluating a
    100,000-row list spends about as long in the collector as in the work itself (measured ~2×).
    The collector is left as it was found: enabled again if it was, and, in a library call, nothing
    frozen. Only inside a tdkt command (:func:`cli_gc`) does leaving also ``gc.freeze()``.
    """
    from tdkt import fastpaths

    if fastpaths.PLAIN:  # the plain path: the collector as Python runs it
        yield
        return
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if _COMMAND["running"]:
                # What the stage built mostly lives until the command ends: move it out of the
                # collector's sight (refcounting still frees it), so that re-enabling does not start a
                # full pass over millions of objects (~1.6 s after reading 100,000 rows).
                gc.freeze()
            gc.enable()

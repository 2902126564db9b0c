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


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a stage creates many small acyclic objects.

    Each generation-2 pass walks every live object, so with the collector on, reading or evaluating a
    100,000-row list spends about as long in the collector as in the work itself (measured ~2×).
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
            # What the stage built mostly lives until the command ends: move it out of the collector's
            # sight (refcounting still frees it), so that re-enabling does not start a full pass over
            # millions of objects (~1.6 s after reading 100,000 rows).
            gc.freeze()
            gc.enable()

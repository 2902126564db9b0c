"""Progress of long work (rows read, rows checked, output written), reported to whoever listens.

The library says where it is; it never draws anything. A command that wants a display installs a
listener (``tdkt.console.progress`` draws a Rich progress bar on stderr when stderr is a terminal,
the job is big and ``--quiet`` is not given); without one every call is a no-op costing one attribute
look-up, so loops call it every few hundred rows, not every row::

    bar = progress.stage("Kiểm tra điều kiện", total=len(rows), unit="hồ sơ")
    for i, row in enumerate(rows):
        if not i & 511:
            bar.update(i)
        ...
    bar.update(len(rows))

A new ``stage`` ends the previous one. Stages are few and coarse on purpose: they are what an officer
waiting on a 30,000-row list wants to know (is it reading, checking or writing, how far, how long).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol


class Stage(Protocol):
    def update(self, done: int) -> None: ...


class Listener(Protocol):
    def stage(self, label: str, total: int | None, unit: str) -> Stage: ...


class _Silent:
    def update(self, done: int) -> None:
        return None


_SILENT = _Silent()
_listener: Listener | None = None


def stage(label: str, total: int | None = None, *, unit: str = "dòng") -> Stage:
    """Start a stage of the work (``total`` None: its size is unknown); returns what to ``update``."""
    if _listener is None:
        return _SILENT
    return _listener.stage(label, total, unit)


@contextmanager
def listening(listener: Listener | None) -> Iterator[None]:
    """Report the stages of the work done inside the block to ``listener`` (None: to nobody)."""
    global _listener
    previous, _listener = _listener, listener
    try:
        yield
    finally:
        _listener = previous

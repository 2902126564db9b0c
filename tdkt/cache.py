"""One kind of cache for every memo of tdkt: bounded, clearable, and listed.

Names, units, header texts, award spellings and ratings repeat down a list, so the pure functions
that read them keep their answers. A memo is either a :class:`Cache` — a ``dict`` that empties
itself when it reaches ``maxsize`` (a hot loop reads it with ``dict.get`` at C speed) — or a pure
function wrapped with :func:`cached` (``functools.lru_cache`` underneath: its C call is what the
hot paths need, ~0.1 µs where a Python wrapper costs three times that). A cache made with a name is
process-wide: :func:`caches` lists them and :func:`clear_all` empties them (the test suite does so
before every test). A :class:`Cache` made without a name lives as long as its owner (one evaluation).
Loaders of the package's own data files (``functools.cache`` on ``awards.catalogue`` and the like)
are not memos of a list's values and stay as they are; nor is the register's connection pool per
database URL (``db.engine``), which its owner disposes. ``tests/test_cache.py`` holds tdkt to this.

Under ``TDKT_PLAIN=1`` nothing is kept: a Cache has size 0 and :func:`cached` returns the function.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import lru_cache
from typing import Any, Protocol, TypeVar

from tdkt import fastpaths

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
F = TypeVar("F", bound=Callable[..., Any])


class Clearable(Protocol):
    maxsize: int

    def clear(self) -> None: ...

    def __len__(self) -> int: ...


_ALL: dict[str, Clearable] = {}


def _register(name: str, cache: Clearable) -> None:
    if name in _ALL:
        raise ValueError(f"cache named twice: {name}")
    _ALL[name] = cache


class Cache(dict[K, V]):
    """A dict of answers that empties itself when full. ``put`` stores and returns a value."""

    __slots__ = ("maxsize", "name")

    def __init__(self, maxsize: int, name: str | None = None) -> None:
        super().__init__()
        self.maxsize = 0 if fastpaths.PLAIN else maxsize
        self.name = name
        if name is not None:
            _register(name, self)

    def put(self, key: K, value: V) -> V:
        if len(self) >= self.maxsize:
            self.clear()
            if not self.maxsize:
                return value
        self[key] = value
        return value


class _LruView:
    """What :func:`caches` shows of a :func:`cached` function."""

    def __init__(self, fn: Any, maxsize: int) -> None:
        self.fn, self.maxsize = fn, maxsize

    def clear(self) -> None:
        self.fn.cache_clear()

    def __len__(self) -> int:
        return int(self.fn.cache_info().currsize)


def cached(name: str, maxsize: int) -> Callable[[F], F]:
    """A pure function of hashable arguments with its answers kept (``lru_cache(maxsize)``), listed
    under ``name``; the function itself under ``TDKT_PLAIN=1``."""

    def wrap(fn: F) -> F:
        if fastpaths.PLAIN:
            return fn
        memo = lru_cache(maxsize=maxsize)(fn)
        _register(name, _LruView(memo, maxsize))
        return memo  # type: ignore[return-value]

    return wrap


def caches() -> dict[str, Clearable]:
    """Every process-wide cache by name (``tdkt.engine.answers``, ``tdkt.text.fold``, …)."""
    return dict(_ALL)


def clear_all() -> None:
    """Empty every process-wide cache."""
    for c in _ALL.values():
        c.clear()

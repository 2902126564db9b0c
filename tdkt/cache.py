"""One kind of cache for every memo of tdkt: bounded, clearable, and listed.

Names, units, header texts, award spellings and ratings repeat down a list, so the pure functions
that read them keep their answers. Each such memo is a :class:`Cache` — a ``dict`` (a hot loop reads
it with ``dict.get`` at C speed, which beats a call through ``functools.lru_cache``) that empties
itself when it reaches ``maxsize`` — or a function wrapped with :func:`cached`. A cache made with a
name is process-wide: :func:`caches` lists them and :func:`clear_all` empties them (the test suite
does so between tests). A cache made without a name lives as long as its owner (one evaluation).

Under ``TDKT_PLAIN=1`` every cache has size 0: nothing is kept, every answer is worked out again.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import wraps
from typing import Any, ParamSpec, TypeVar

from tdkt import fastpaths

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
P = ParamSpec("P")
T = TypeVar("T")

_ALL: dict[str, Cache[Any, Any]] = {}


class Cache(dict[K, V]):
    """A dict of answers that empties itself when full. ``put`` stores and returns a value."""

    __slots__ = ("maxsize", "name")

    def __init__(self, maxsize: int, name: str | None = None) -> None:
        super().__init__()
        self.maxsize = 0 if fastpaths.PLAIN else maxsize
        self.name = name
        if name is not None:
            if name in _ALL:
                raise ValueError(f"cache named twice: {name}")
            _ALL[name] = self

    def put(self, key: K, value: V) -> V:
        if len(self) >= self.maxsize:
            self.clear()
            if not self.maxsize:
                return value
        self[key] = value
        return value


def cached(name: str, maxsize: int) -> Callable[[Callable[P, T]], Callable[P, T]]:
    """A pure function of hashable positional arguments, with its answers kept in a named Cache."""

    def wrap(fn: Callable[P, T]) -> Callable[P, T]:
        memo: Cache[Any, T] = Cache(maxsize, name)
        miss = object()

        @wraps(fn)
        def call(*args: P.args, **kwargs: P.kwargs) -> T:
            key = args if not kwargs else (*args, tuple(kwargs.items()))
            got = memo.get(key, miss)
            if got is miss:
                got = memo.put(key, fn(*args, **kwargs))
            return got  # type: ignore[return-value]

        call.cache = memo  # type: ignore[attr-defined]
        return call

    return wrap


def caches() -> dict[str, Cache[Any, Any]]:
    """Every process-wide cache by name (``tdkt.engine.answers``, ``tdkt.text.fold``, …)."""
    return dict(_ALL)


def clear_all() -> None:
    """Empty every process-wide cache."""
    for c in _ALL.values():
        c.clear()

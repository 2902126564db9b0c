"""tdkt.cache: bounded, clearable, listed; answers equal to the function's; nothing kept under TDKT_PLAIN=1."""

from __future__ import annotations

import pytest

from tdkt import fastpaths
from tdkt.cache import Cache, cached, caches, clear_all


@pytest.mark.fast_path  # under TDKT_PLAIN=1 there is no cache to list
def test_every_memo_is_listed_bounded_and_cleared() -> None:
    from tdkt import ballots, engine  # noqa: F401  (import the modules that hold caches)
    from tdkt.ingest import read_nominations  # noqa: F401
    from tdkt.render import filters  # noqa: F401

    listed = caches()
    for name in ("tdkt.text.fold", "tdkt.text.clean", "tdkt.ingest.text", "tdkt.ingest.footer", "tdkt.ingest.histories",
                 "tdkt.ingest.initiatives", "tdkt.ingest.resolve-award", "tdkt.engine.answers", "tdkt.ballots.marks"):
        assert name in listed, name
    from tdkt.text import folded

    folded("Nguyễn Văn An")
    assert all(c.maxsize >= 0 for c in listed.values())
    clear_all()
    assert all(len(c) == 0 for c in caches().values())


@pytest.mark.fast_path
def test_a_full_cache_empties_itself_and_keeps_answering() -> None:
    calls: list[int] = []

    @cached("test.square", 3)
    def square(x: int) -> int:
        calls.append(x)
        return x * x

    assert [square(i) for i in (1, 2, 1, 3, 4, 1, 2)] == [1, 4, 1, 9, 16, 1, 4]
    assert calls == [1, 2, 3, 4, 2]  # bounded: 2, least recently used, was let go for 4
    assert len(caches()["test.square"]) == 3
    clear_all()
    assert len(caches()["test.square"]) == 0 and square(5) == 25
    c: Cache[str, int] = Cache(2)
    assert c.put("a", 1) == 1 and c.get("a") == 1 and c.put("b", 2) == 2 and c.put("c", 3) == 3
    assert dict(c) == {"c": 3}  # full: emptied, then the new answer kept
    with pytest.raises(ValueError):
        Cache(1, "test.square")


def test_nothing_is_kept_under_plain(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fastpaths, "PLAIN", True)
    c: Cache[str, int] = Cache(10)
    assert c.put("a", 1) == 1 and c.get("a") is None


# The functools caches with arguments that are not memos of a list's values: the register's
# connection pool per database URL (a pool is disposed by its owner, never dropped by a bound), and
# the parsed YAML of each rule pack shipped with tdkt (as many as the package has files).
_NOT_MEMOS = {("tdkt/db/__init__.py", "engine"), ("tdkt/ruleset.py", "_builtin_raw")}


def test_functools_caches_hold_only_loaders() -> None:
    """A ``functools.cache``/``lru_cache`` in tdkt decorates a loader of the package's own data (one
    answer per process); a memo of values goes through tdkt.cache (bounded, listed, cleared before
    every test). ``ingest.fields.fact_of`` and ``db.sql._row_type`` were such memos."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    offenders = []
    for path in sorted((root / "tdkt").rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            decorators = {ast.unparse(d.func if isinstance(d, ast.Call) else d).rsplit(".", 1)[-1]
                          for d in node.decorator_list}
            a = node.args
            if decorators & {"cache", "lru_cache"} and (a.posonlyargs or a.args or a.kwonlyargs or a.vararg or a.kwarg) \
                    and (rel, node.name) not in _NOT_MEMOS:
                offenders.append(f"{rel}:{node.lineno} {node.name}")
    assert offenders == []

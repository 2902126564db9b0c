"""The corpus's figure in the pytest summary: "N/M lists right; K wrong Đạt" (visible in CI's log)."""

from __future__ import annotations

from typing import Any

import pytest

RESULTS = pytest.StashKey[dict[str, dict[str, Any]]]()


@pytest.fixture
def corpus_record(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """``record(list_id, right=bool, wrong_pass=int, problems=[...])`` for the terminal summary."""
    store = request.config.stash.setdefault(RESULTS, {})

    def record(list_id: str, **result: Any) -> None:
        store[list_id] = result

    return record


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    results = config.stash.get(RESULTS, {})
    if not results:
        return
    right = sum(1 for r in results.values() if r["right"])
    wrong_pass = sum(r["wrong_pass"] for r in results.values())
    lists_with = sum(1 for r in results.values() if r["wrong_pass"])
    terminalreporter.section("tdkt corpus (tests/corpus)")
    terminalreporter.write_line(
        f"{right}/{len(results)} lists right; {wrong_pass} wrong Đạt"
        + (f" (in {lists_with} lists)" if wrong_pass else ""))
    for list_id, r in sorted(results.items()):
        if not r["right"]:
            first = r["problems"][0] if r["problems"] else ""
            more = f" (+{len(r['problems']) - 1})" if len(r["problems"]) > 1 else ""
            terminalreporter.write_line(f"  ✗ {list_id}: {first}{more}")

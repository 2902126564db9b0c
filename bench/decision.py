"""The decision job's two halves, run as child processes of the suite.

    python -m bench.decision setup WORKSPACE N SAMPLE.json   a workspace with round 2022-1 and a stored
                                                             validate result of N passing nominees
    python -m bench.decision render WORKSPACE OUT_DIR        tdkt.render.render_document("decision", …)

``setup`` is not timed. The stored payload copies the shape of a real ``tdkt validate --format json``
record when SAMPLE.json holds one (so it follows the contract as it evolves), else it is built from
the contract in design.md §4. Every nominee passes, so the attached list has exactly N people.
"""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path
from typing import Any

ROUND = "2022-1"
AWARD = "bang_khen_bo_tinh"
AWARD_TEXT = "Bằng khen của Chủ tịch UBND tỉnh"


def _payload(n: int, sample: dict[str, Any] | None) -> dict[str, Any]:
    import datetime as dt
    import random

    from bench.inputs import POSITIONS, SEED, _person, units

    rng = random.Random(SEED + 3)
    unit_list = units(rng)
    base: dict[str, Any] = {}
    template: dict[str, Any] = {}
    if sample and sample.get("nominees"):
        base = {k: v for k, v in sample.items() if k not in ("nominees", "findings", "summary")}
        template = sample["nominees"][0]
    nominees = []
    for i in range(1, n + 1):
        name, gender = _person(rng)
        born = dt.date(1965, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 33))
        rec = copy.deepcopy(template)
        rec.update(
            row=i + 6,
            sheet="Danh sách",
            name=name,
            kind="individual",
            unit=rng.choice(unit_list),
            award=AWARD,
            verdict="pass",
            findings=[],
        )
        for key, value in (("gender", gender), ("position", rng.choice(POSITIONS)), ("birth", born.isoformat())):
            if key in rec or not template:
                rec[key] = value
        if "award_text" in rec:
            rec["award_text"] = AWARD_TEXT
        nominees.append(rec)
    return {
        "schema_version": 1,
        **base,
        "summary": {"nominees": n, "pass": n, "fail": 0, "review": 0},
        "nominees": nominees,
        "findings": [],
    }


def setup(ws_dir: str, n: str, sample_path: str) -> str:
    from tdkt import rounds, workspace

    ws = workspace.require(Path(ws_dir))
    sample = None
    p = Path(sample_path)
    if p.is_file() and p.stat().st_size:
        try:
            sample = json.loads(p.read_text(encoding="utf-8"))
        except ValueError:
            sample = None
    payload = _payload(int(n), sample)
    rounds.store_run(ws.database_url, ROUND, "validate", payload, ruleset=payload.get("ruleset", {}).get("id")
                     if isinstance(payload.get("ruleset"), dict) else None, force=True)
    return f"stored {n} nominees ({'shape from tdkt validate' if sample else 'shape from design.md §4'})"


def render(ws_dir: str, out_dir: str) -> str:
    """The render as ``tdkt render decision`` runs it: under the command's collector policy
    (``tdkt.util.cli_gc``, which freezes what each stage built). Issue 15 moved that policy from the
    library to the CLI boundary; a baseline from before it froze inside the library call itself, so
    both sides measure the same policy. Without it, the collector walks the 10,000 rows once more
    when the render ends and again when the interpreter exits (~60 ms, measured on 2026-12-03)."""
    import contextlib

    from tdkt import util, workspace
    from tdkt.render import render_document

    policy = getattr(util, "cli_gc", None)  # absent in a baseline from before issue 15
    ws = workspace.require(Path(ws_dir))
    with policy() if policy is not None else contextlib.nullcontext():
        result = render_document(
            "decision", workspace=ws, round_id=ROUND, award=AWARD, fmt="docx", out_dir=Path(out_dir), force=True
        )
    return str(result)


if __name__ == "__main__":
    cmd, *args = sys.argv[1:]
    print({"setup": setup, "render": render}[cmd](*args))

"""The corpus of issue 13, through the CLI: every list in ``tests/corpus/lists`` is validated the way an
officer would (``tdkt validate``, in a workspace round when the list needs a register history or the
council's overlay) and every nominee is compared with its expected verdict.

Strict: the nominees must be exactly the expected ones (a footer row is no nominee, a name with the
position glued on is the wrong name), each with the expected verdict, and for fail/review a finding
(error for fail, error or warning for review) must name each expected cell. A "pass" where the list
expects fail or review, and a passing row that is no nominee, are counted as wrong "Đạt" in the
summary line. Lists today's tool gets wrong are in ``known_failing.yaml`` and run as strict xfail:
when a fix makes one right, the test fails until its line is removed.
"""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import sys
from collections import defaultdict
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl.utils import column_index_from_string

HERE = Path(__file__).resolve().parent
LISTS = HERE / "lists"
SPECS: dict[str, dict[str, Any]] = {
    p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))
    for p in sorted(LISTS.glob("*.yaml")) if not p.name.endswith(".quy-che.yaml")
}
KNOWN_FAILING: dict[str, str] = yaml.safe_load((HERE / "known_failing.yaml").read_text(encoding="utf-8")) or {}
VERDICTS = ("pass", "fail", "review")

# The defect classes issue 13 names (plus the collective lists it asks for): each must be covered by
# at least two lists under at least two regimes.
ISSUE_CLASSES = (
    "discipline-year-header", "two-columns-one-field", "decision-under-initiative", "notes-facts",
    "merged-down-value", "year-subheaders-numbers", "school-years", "period-in-title", "list-year-vs-round",
    "rating-aliases", "title-award-aliases", "negatives", "initiative-level-in-cell",
    "collective-counts-with-words", "footer-forms", "legacy-encoding", "word-pasted-cells", "csv-title-lines",
    "list-cap", "unknown-value", "collective-list", "multi-row-header",
)


@cache
def _generator() -> Any:
    spec = importlib.util.spec_from_file_location("tdkt_corpus_generator", HERE / "make_corpus.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


# ------------------------------------------------------------------------------------ the data


def test_generator_reproduces_the_committed_lists_byte_for_byte(tmp_path: Path) -> None:
    written = _generator().generate(tmp_path)
    names = {p.name for p in written}
    committed = {p.name for p in LISTS.iterdir() if p.is_file()}
    assert names == committed, f"run tests/corpus/make_corpus.py: {sorted(names ^ committed)}"
    for path in written:
        assert path.read_bytes() == (LISTS / path.name).read_bytes(), f"{path.name} differs: run make_corpus.py"


def test_the_corpus_is_large_and_covers_every_class_twice_under_two_regimes() -> None:
    assert len(SPECS) >= 40
    for cls in ISSUE_CLASSES:
        covering = [s for s in SPECS.values() if cls in s["classes"]]
        assert len(covering) >= 2, f"class {cls}: {[s['id'] for s in covering]}"
        assert len({s["context"]["rules"] for s in covering}) >= 2, f"class {cls} under one regime only"
    regimes = {s["context"]["rules"] for s in SPECS.values()}
    assert regimes == {"nd91-2017", "nd98-2023", "nd152-2025", "luat06-2026"}


def test_every_expectation_is_well_formed() -> None:
    for lid, spec in SPECS.items():
        assert spec["file"] and (LISTS / spec["file"]).is_file(), lid
        assert spec["nominees"], lid
        for n in spec["nominees"]:
            assert n["verdict"] in VERDICTS and n["award"] and n["name"] == n["name"].strip(), (lid, n)
            assert "\n" not in n["name"], (lid, n)
            for cell in n["cells"]:
                assert re.fullmatch(r"[A-Z]+\d+(:[A-Z]+\d+)?(\|[A-Z]+\d+(:[A-Z]+\d+)?)*", cell), (lid, cell)
        verdicts = {n["verdict"] for n in spec["nominees"]}
        assert verdicts, lid
    assert set(KNOWN_FAILING) <= set(SPECS), sorted(set(KNOWN_FAILING) - set(SPECS))
    assert all(isinstance(r, str) and r.strip() for r in KNOWN_FAILING.values())


# Shapes that hide a disqualifier (a note, a merged cell, a second column, a year in a header, a legacy
# font, a count with words): every list of such a class must expect at least one nominee to fail.
HIDING = ("notes-facts", "merged-down-value", "two-columns-one-field", "discipline-year-header",
          "legacy-encoding", "collective-counts-with-words")


def test_the_corpus_expects_every_verdict_and_hides_disqualifiers() -> None:
    verdicts = [n["verdict"] for s in SPECS.values() for n in s["nominees"]]
    assert all(verdicts.count(v) >= 20 for v in VERDICTS), {v: verdicts.count(v) for v in VERDICTS}
    for spec in SPECS.values():
        if set(spec["classes"]) & set(HIDING):
            assert any(n["verdict"] == "fail" for n in spec["nominees"]), spec["id"]


def test_twins_with_the_same_facts_expect_the_same_verdicts() -> None:
    """Metamorphic: a list that writes another's facts in another shape must get the same verdicts."""
    twins = [s for s in SPECS.values() if s["same_facts_as"]]
    assert len(twins) >= 5
    for spec in twins:
        other = SPECS[spec["same_facts_as"]]
        assert spec["context"]["rules"] == other["context"]["rules"], spec["id"]
        mine = sorted((n["name"], n["award"], n["verdict"]) for n in spec["nominees"])
        theirs = sorted((n["name"], n["award"], n["verdict"]) for n in other["nominees"])
        assert mine == theirs, spec["id"]


# --------------------------------------------------------------------------------- comparison


def _span(cell: str) -> tuple[int, int, int, int] | None:
    m = re.fullmatch(r"([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?", cell or "")
    if not m:
        return None
    c1, r1 = column_index_from_string(m[1]), int(m[2])
    c2, r2 = (column_index_from_string(m[3]), int(m[4])) if m[3] else (c1, r1)
    return min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)


def _overlaps(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def compare(expected: list[dict[str, Any]], doc: dict[str, Any]) -> tuple[list[str], int]:
    """Problems (Vietnamese-free, for the test log) and the number of wrong passes."""
    problems: list[str] = []
    wrong_pass = 0
    want: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    got: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for n in expected:
        want[(n["name"], n["award"])].append(n)
    for n in doc.get("nominees", []):
        got[(n.get("name") or "", n.get("award") or "")].append(n)
    for key in sorted(set(want) | set(got)):
        ws, gs = want.get(key, []), sorted(got.get(key, []), key=lambda n: (n.get("sheet") or "", n.get("row") or 0))
        for w, g in zip(ws, gs, strict=False):
            if g["verdict"] != w["verdict"]:
                problems.append(f"{key[0]!r} {key[1]}: {g['verdict']} (expected {w['verdict']})")
                if g["verdict"] == "pass":
                    wrong_pass += 1
                continue
            if w["verdict"] == "pass":
                continue
            severities = ("error",) if w["verdict"] == "fail" else ("error", "warning")
            named = [s for f in g.get("findings", []) if f.get("severity") in severities
                     and (s := _span(f.get("cell") or "")) is not None]
            for cell in w["cells"]:  # "G5|H5": any of these cells (one fact written in several)
                targets = [t for c in cell.split("|") if (t := _span(c)) is not None]
                if not any(_overlaps(t, s) for t in targets for s in named):
                    problems.append(f"{key[0]!r} {key[1]}: no finding names {cell}")
        for w in ws[len(gs):]:
            problems.append(f"{key[0]!r} {key[1]}: not read (expected {w['verdict']})")
        for g in gs[len(ws):]:
            problems.append(f"extra nominee {key[0]!r} {key[1] or '-'} at row {g.get('row')}: {g['verdict']}")
            if g["verdict"] == "pass":
                wrong_pass += 1
    return problems, wrong_pass


def _run(cli: Any, spec: dict[str, Any], tmp: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[dict[str, Any] | None, list[str]]:
    ctx = spec["context"]
    monkeypatch.chdir(tmp)
    monkeypatch.delenv("TDKT_WORKSPACE", raising=False)
    monkeypatch.delenv("TDKT_DATABASE_URL", raising=False)
    src = tmp / spec["file"]
    shutil.copyfile(LISTS / spec["file"], src)
    year = ctx["years"][-1]
    if ctx["register"] or ctx["overlay"]:
        council = ctx["council"]
        r = cli(["init", "--council", council["name"], "--level", council["level"], "--members",
                 str(council["members"]), "--agency", council.get("agency", "ỦY BAN NHÂN DÂN TỈNH HẢI ĐÔNG"),
                 "--place", "Hải Đông"])
        if r.exit_code != 0:
            return None, [f"init: exit {r.exit_code}: {r.stderr.strip()}"]
        if ctx["overlay"]:
            shutil.copyfile(LISTS / ctx["overlay"], tmp / "rules" / ctx["overlay"])
        sid = f"{ctx['meeting_date'][:4]}-1"
        years = [a for y in ctx["years"] for a in ("--year", str(y))] if ctx["pass_year"] else []
        r = cli(["session", "new", sid, "--date", ctx["meeting_date"], *years])
        if r.exit_code != 0:
            return None, [f"session new: exit {r.exit_code}: {r.stderr.strip()}"]
        if ctx["register"]:
            shutil.copyfile(LISTS / ctx["register"], tmp / ctx["register"])
            r = cli(["register", "import", ctx["register"]])
            if r.exit_code != 0:
                return None, [f"register import: exit {r.exit_code}: {(r.stderr or r.stdout).strip()[:300]}"]
        r = cli(["validate", src.name, "--format", "json"])
    else:
        args = ["validate", str(src), "--rules", ctx["rules"], "--format", "json"]
        if ctx["pass_year"]:
            args += ["--year", str(year)]
        r = cli(args)
    if r.exit_code not in (0, 1):
        return None, [f"validate: exit {r.exit_code}: {r.stderr.strip()[:300]}"]
    doc = json.loads(r.stdout)
    problems = []
    if doc.get("ruleset", {}).get("id") != ctx["rules"]:
        problems.append(f"rule pack {doc.get('ruleset', {}).get('id')} (expected {ctx['rules']})")
    return doc, problems


def _params() -> list[Any]:
    out = []
    for lid in SPECS:
        marks = [pytest.mark.xfail(reason=KNOWN_FAILING[lid], strict=True)] if lid in KNOWN_FAILING else []
        out.append(pytest.param(lid, marks=marks, id=lid))
    return out


@pytest.mark.parametrize("list_id", _params())
def test_list(list_id: str, cli, corpus_record, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    spec = SPECS[list_id]
    doc, problems = _run(cli, spec, tmp_path, monkeypatch)
    wrong_pass = 0
    if doc is not None:
        more, wrong_pass = compare(spec["nominees"], doc)
        problems += more
    corpus_record(list_id, right=not problems, wrong_pass=wrong_pass, problems=problems)
    assert not problems, f"{list_id}:\n  " + "\n  ".join(problems)

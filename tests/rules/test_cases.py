"""Rule cases: every criterion of every pack has a passing and a failing case (and a meta-test says so).

A case file (tests/rules/cases/<pack>/<name>.yaml) lists nominees with compact facts and what must
come out: the verdict and the exact set of criteria (short ids) that fail (error) or need review
(warning). ``also:`` runs the same cases on packs that inherit the criteria; ``expect_by_pack``
overrides an expectation for one pack. A criterion counts as *passed* in a case where it was
evaluated and produced no error/warning, and as *failed* where the case expects it in fail/review.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import yaml

from tdkt.engine import evaluate
from tdkt.findings import CellRef, Severity
from tdkt.models import Nominee, validated
from tdkt.ruleset import Ruleset, builtin_ids, load_ruleset

HERE = Path(__file__).parent
CASES = HERE / "cases"
OVERLAYS = HERE / "overlays"

SHORT = {
    "ldtt": "lao_dong_tien_tien", "cstdcs": "chien_si_thi_dua_co_so", "cstdbt": "chien_si_thi_dua_bo_tinh",
    "cstdtq": "chien_si_thi_dua_toan_quoc", "ttldtt": "tap_the_lao_dong_tien_tien",
    "ttldxs": "tap_the_lao_dong_xuat_sac", "cobt": "co_thi_dua_bo_tinh", "cocp": "co_thi_dua_chinh_phu",
    "gk": "giay_khen", "bkbt": "bang_khen_bo_tinh", "bkttg": "bang_khen_thu_tuong",
    "hcld3": "huan_chuong_lao_dong_hang_ba", "hcld2": "huan_chuong_lao_dong_hang_nhi",
    "hcld1": "huan_chuong_lao_dong_hang_nhat",
}
RATINGS = {"htxs", "httnv", "htnv", "khtnv"}


def award_id(text: str) -> str:
    return SHORT.get(text, text)


def _history(years: dict[int, list[str] | str]) -> list[dict[str, Any]]:
    out = []
    for y, tokens in sorted(years.items()):
        toks = tokens.split() if isinstance(tokens, str) else list(tokens)
        rating = next((t for t in toks if t in RATINGS), None)
        out.append({"year": int(y), "rating": rating, "titles": [award_id(t) for t in toks if t not in RATINGS]})
    return out


def _initiative(text: str) -> dict[str, Any]:
    # "co_so 2021", "bo_tinh 2020 used:bkbt", "de_tai co_so 2021", "? 2021" (unknown level)
    out: dict[str, Any] = {}
    for tok in text.split():
        if tok in ("sang_kien", "de_tai"):
            out["kind"] = tok
        elif tok in ("co_so", "bo_tinh", "toan_quoc"):
            out["level"] = tok
        elif tok.startswith("used:"):
            out["used_for"] = award_id(tok[5:])
        elif tok.isdigit():
            out["year"] = int(tok)
    return out


AWARD_TYPES = {"cong_trang", "dot_xuat", "chuyen_de", "phong_trao", "phong_trao_chuyen_de", "cong_hien", "nien_han",
               "doi_ngoai"}


def _prior(text: str) -> dict[str, Any]:
    # "bkbt 2015-2016" (achievement period), "bkbt 2018" (year), "bkbt dec:2017-03-01" (decision only),
    # with its loại hình: "bkbt 2015-2016 cong_trang", "bkbt 2019 dot_xuat" (none: the list does not say)
    parts = text.split()
    out: dict[str, Any] = {"award": award_id(parts[0])}
    for tok in parts[1:]:
        if tok in AWARD_TYPES:
            out["type"] = tok
        elif tok.startswith("dec:"):
            out["decision_date"] = dt.date.fromisoformat(tok[4:])
        elif "-" in tok:
            a, b = tok.split("-")
            out["period_from"], out["period_to"] = int(a), int(b)
        else:
            out["year"] = int(tok)
    return out


def make_nominee(facts: dict[str, Any], row: int, award: str | None, year: int) -> Nominee:
    f = dict(facts)
    data: dict[str, Any] = {
        "id": f"case:{row}", "source": CellRef(file="case.xlsx", sheet="DS", row=row),
        "name": f.pop("name", f"Người {row}"), "award": award_id(award) if award else None, "year": year,
        "unit": f.pop("unit", "Sở Nội vụ"),
    }
    if "years" in f:
        data["history"] = _history(f.pop("years"))
    if "inits" in f:
        data["initiatives"] = [_initiative(t) for t in f.pop("inits")]
    if "prior" in f:
        data["prior_awards"] = [_prior(t) for t in f.pop("prior")]
    if "disc" in f:
        data["disciplines"] = f.pop("disc")
    data.update(f)
    return validated(Nominee, data)


def _load_files() -> list[tuple[str, Path, dict[str, Any]]]:
    out = []
    for path in sorted(CASES.glob("*/*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for pack in [path.parent.name, *doc.get("also", [])]:
            out.append((pack, path, doc))
    return out


FILES = _load_files()


_RS: dict[tuple[str, str | None, Any], Ruleset] = {}
_RUNS: dict[tuple[str, str], list[Any]] = {}


def _ruleset(pack: str, doc: dict[str, Any]) -> Ruleset:
    key = (pack, doc.get("overlay"), doc.get("on"))
    if key not in _RS:
        _RS[key] = _load_ruleset(pack, doc)
    return _RS[key]


def _load_ruleset(pack: str, doc: dict[str, Any]) -> Ruleset:
    overlay = OVERLAYS / doc["overlay"] if doc.get("overlay") else None
    on = doc.get("on")
    return load_ruleset(pack, on=on, overlay=overlay)


def _expand(doc: dict[str, Any]) -> list[dict[str, Any]]:
    by_name: dict[str, dict[str, Any]] = {}
    out = []
    for case in doc["cases"]:
        if "base" in case:
            base = by_name[case["base"]]
            merged = {**{k: v for k, v in base.items() if k != "expect_by_pack"},
                      **{k: v for k, v in case.items() if k not in ("base", "patch")}}
            merged["nominee"] = {**base.get("nominee", {}), **case.get("patch", {})}
            if "expect" not in case:
                merged.pop("expect", None)
            case = merged
        by_name[case["name"]] = case
        out.append(case)
    return out


def run_file(pack: str, doc: dict[str, Any]) -> list[tuple[dict[str, Any], Any, dict[str, Any]]]:
    """Evaluate every case of a file under one pack → (case, NomineeResult, expectation); memoised."""
    key = (pack, repr(doc))
    if key not in _RUNS:
        _RUNS[key] = _run_file(pack, doc)
    return _RUNS[key]


def _run_file(pack: str, doc: dict[str, Any]) -> list[tuple[dict[str, Any], Any, dict[str, Any]]]:
    rs = _ruleset(pack, doc)
    cases = _expand(doc)
    year = int(doc.get("year", 2021))
    nominees = []
    for i, case in enumerate(cases):
        nominees.append(make_nominee({**doc.get("defaults", {}), **case.get("nominee", {})}, i + 2,
                                     case.get("award", doc.get("award")), int(case.get("year", year))))
    if doc.get("list"):
        report = evaluate(nominees, rs)
        return [({"name": "list"}, report, doc.get("expect_by_pack", {}).get(pack, doc.get("expect", {})))]
    out = []
    # one at a time, without the list-level rules (caps, quotas): those are tested by list files, and a
    # one-row list could never show a cap's denominator (rules.cap-unchecked-row)
    alone = dataclasses.replace(rs, list_rules=[])
    for case, n in zip(cases, nominees, strict=True):
        report = evaluate([n], alone)
        exp = case.get("expect_by_pack", {}).get(pack, case.get("expect", {}))  # a full replacement
        out.append((case, report.nominees[0], exp))
    return out


def _criteria_of(rs: Ruleset, award: str, kind: str) -> list[str]:
    a = rs.awards.get(award)
    req = a.requirements.get(kind) if a else None
    return [c.id for c in req.criteria] if req else []


def outcome(rs: Ruleset, result: Any) -> tuple[set[str], set[str], set[str]]:
    """(passed, failed, reviewed) full criterion ids for one nominee result."""
    failed = {f.rule for f in result.findings if f.severity == Severity.ERROR and f.rule}
    reviewed = {f.rule for f in result.findings if f.severity == Severity.WARNING and f.rule}
    evaluated = set(_criteria_of(rs, result.award or "", result.nominee.kind))
    return evaluated - failed - reviewed, failed, reviewed


def _full(rs: Ruleset, ids: list[str]) -> set[str]:
    known = {c.short: c.id for c in rs.criteria()} | {r.id.split(".", 1)[1]: r.id for r in rs.list_rules}
    out = set()
    for i in ids:
        assert i in known or ("." in i and i.split(".")[0] in {o.id for o in rs.overlays}), f"unknown criterion {i} in {rs.id}"
        out.add(known.get(i, i))
    return out


PARAMS = [pytest.param(pack, path, doc, id=f"{pack}:{path.parent.name}/{path.stem}") for pack, path, doc in FILES]


@pytest.mark.parametrize(("pack", "path", "doc"), PARAMS)
def test_case_file(pack: str, path: Path, doc: dict[str, Any]) -> None:
    rs = _ruleset(pack, doc)
    for case, result, exp in run_file(pack, doc):
        if doc.get("list"):
            got_fail = {f.rule for f in result.findings if f.severity == Severity.ERROR and f.rule}
            got_review = {f.rule for f in result.findings if f.severity == Severity.WARNING and f.rule}
            list_ids = {r.id for r in rs.list_rules}
            assert got_fail & list_ids == _full(rs, exp.get("fail", [])), (path.name, got_fail)
            assert got_review & list_ids == _full(rs, exp.get("review", [])), (path.name, got_review)
            applied = {r.id for r in rs.list_rules
                       if any(n.award == r.params.award for n in result.nominees)}
            for rid in _full(rs, exp.get("pass", [])):
                assert rid in applied and rid not in got_fail | got_review, (path.name, rid)
            if "codes" in exp:
                assert sorted({f.code for f in result.all_findings()} & set(exp["codes"])) == sorted(exp["codes"])
            continue
        _passed, failed, reviewed = outcome(rs, result)
        label = f"{path.name}:{case['name']} [{pack}]"
        detail = [(f.code, f.rule, f.message) for f in result.findings]
        assert failed == _full(rs, exp.get("fail", [])), (label, detail)
        assert reviewed == _full(rs, exp.get("review", [])), (label, detail)
        assert result.verdict == exp["verdict"], (label, detail)
        for code in exp.get("codes", []):
            assert code in {f.code for f in result.findings}, (label, code, detail)


def _coverage() -> dict[str, tuple[set[str], set[str]]]:
    cov: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    for pack, _path, doc in FILES:
        rs = _ruleset(pack, doc)
        passed, failed = cov[pack]
        for _case, result, exp in run_file(pack, doc):
            if doc.get("list"):
                bad = _full(rs, exp.get("fail", []) + exp.get("review", []))
                failed |= bad
                passed |= set(_full(rs, exp.get("pass", [])))
                continue
            p, f, r = outcome(rs, result)
            passed |= p
            failed |= f | r
    return cov


def missing_cases(cov: dict[str, tuple[set[str], set[str]]], ids_by_pack: dict[str, list[str]]) -> list[str]:
    missing = []
    for pid, ids in ids_by_pack.items():
        passed, failed = cov.get(pid, (set(), set()))
        for rid in ids:
            if rid not in passed:
                missing.append(f"{rid}: no passing case")
            if rid not in failed:
                missing.append(f"{rid}: no failing case")
    return missing


def test_every_criterion_has_a_passing_and_a_failing_case() -> None:
    missing = missing_cases(_coverage(), {pid: load_ruleset(pid).rule_ids() for pid in builtin_ids()})
    assert not missing, "\n".join(missing)


def test_the_meta_test_notices_a_criterion_without_cases() -> None:
    ids = {pid: [*load_ruleset(pid).rule_ids(), f"{pid}.new.criterion"] for pid in builtin_ids()}
    missing = missing_cases(_coverage(), ids)
    assert sorted(missing) == sorted(f"{pid}.new.criterion: no {w} case" for pid in builtin_ids()
                                     for w in ("passing", "failing"))


def test_overlay_criteria_are_covered_too() -> None:
    cov = _coverage()
    rs = load_ruleset("nd91-2017", overlay=OVERLAYS)
    own = [c.id for c in rs.criteria() if c.source == "hd"]
    assert own
    passed, failed = cov["nd91-2017"]
    assert [i for i in own if i not in passed or i not in failed] == []

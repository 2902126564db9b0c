"""bench --baseline: each job against an earlier tdkt measured in the same passes (issue 20: every job
within 10 % of the baseline's same-run time, or better)."""

from __future__ import annotations

from pathlib import Path

from bench.suite import Job, Sample, _against_baseline


def _job(now: list[float], floor: list[float], base: list[float], kind: str = "ratio") -> Job:
    job = Job("x", "x", lambda c: [], "typer", kind, 2.0)
    job.samples = [Sample(t, 10.0, 0, "") for t in now]
    job.floor_samples = [Sample(t, 5.0, 0, "") for t in floor]
    job.base_samples = [Sample(t, 12.0, 0, "") for t in base]
    return job


def test_the_comparison_is_the_median_of_per_pass_quotients() -> None:
    # pass 2 is noisy for both: the per-pass quotient cancels it, a quotient of medians would not
    row = _against_baseline(_job([1.0, 3.0, 1.05], [0.5, 1.5, 0.5], [1.0, 2.0, 1.0]))
    assert row["vs_baseline"] == 1.05 and row["within_10_percent"] is True
    assert row["same_run_ratio"] == 2.0 and row["baseline_ratio"] == 2.0
    assert row["baseline_seconds"] == 1.0 and row["baseline_rss_mib"] == 12


def test_more_than_10_percent_slower_is_a_miss() -> None:
    row = _against_baseline(_job([1.2, 1.25, 1.15], [1.0, 1.0, 1.0], [1.0, 1.0, 1.0]))
    assert row["vs_baseline"] == 1.2 and row["within_10_percent"] is False


def test_no_baseline_run_no_comparison_and_a_failed_one_says_why() -> None:
    assert _against_baseline(_job([1.0], [1.0], [])) == {}
    assert _against_baseline(_job([1.0], [1.0], [1.0], kind="reference")) == {}
    job = _job([1.0], [1.0], [])
    job.base_error = "mã thoát 4: boom"
    assert _against_baseline(job) == {"baseline_error": "mã thoát 4: boom"}


def test_cpu_time_is_compared_too_when_the_probe_gave_it() -> None:
    """On a shared machine the wall clock of both is disturbed; their CPU seconds far less."""
    job = _job([2.0, 2.0, 2.0], [1.0, 1.0, 1.0], [1.0, 1.0, 1.0])
    for s, cpu in zip(job.samples, (0.9, 1.0, 1.1), strict=True):
        s.cpu_seconds = cpu
    for b in job.base_samples:
        b.cpu_seconds = 1.0
    row = _against_baseline(job)
    assert row["vs_baseline"] == 2.0 and row["vs_baseline_cpu"] == 1.0 and row["runs"] == 3
    assert row["cpu_seconds"] == 1.0 and row["baseline_cpu_seconds"] == 1.0
    assert _against_baseline(_job([1.0], [1.0], [1.0]))["vs_baseline_cpu"] is None  # a probe without CPU time


def test_the_probe_reports_the_childs_cpu_seconds(tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    out = tmp_path / "r.json"
    subprocess.run([sys.executable, "-m", "bench.probe", str(out), sys.executable, "-c", "sum(range(3_000_000))"],
                   check=True)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["rc"] == 0 and 0 < data["cpu_seconds"] <= data["seconds"] * 2 + 0.5

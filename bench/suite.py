"""The suite: jobs, their floors and goals, the round-robin runner and the printed table.

Each measurement is one child process, timed by the parent from spawn to reap (what a user waits
for: interpreter start, imports, work, freeing memory at exit). Peak memory is the child's own
``ru_maxrss`` from ``os.wait4``. Jobs run round-robin: pass 1 runs every job and its floor, then
pass 2, … so a job and its floor always run seconds apart; the ratio is the median of per-pass
ratios. A job whose command is not implemented yet (or fails) is reported as missing, with the
error, and the suite goes on.

With ``--baseline DIR`` (a checkout of an earlier tdkt with its own ``.venv``), each pass also runs
every job with that tdkt right after the job and its floor: the baseline's ratio is measured in the
same run as today's, and each job is compared with it (issue 20: within 10 % or better).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench import inputs, officer

REPO = Path(__file__).resolve().parent.parent
N_NOMINEES = 100_000
N_DECISION = 10_000
N_BALLOTS, N_BALLOT_NOMINEES = 1_000, 1_000  # 1,000,000 marks; 1,000 members: the most tdkt takes (issue 19, #9)
N_EVERYDAY = 300  # the everyday list of a unit's round
RULES_CANDIDATES = ("nd91-2017", "nd-91-2017", "nd91", "nd-91")
MISSING = "chưa có (capability missing)"
SLOW_SECONDS = 30.0  # a job slower than this runs once: its goal is missed by far and the suite must end
BASELINE_MARGIN = 1.10  # a job may be at most 10 % slower than the baseline's same-run time (issue 20)


@dataclass
class Sample:
    seconds: float
    rss_mib: float
    rc: int
    err: str
    cpu_seconds: float = 0.0  # user + system time of the child (and its children)


@dataclass
class Ctx:
    """Paths and commands shared by the jobs, fixed once inputs are ready."""

    cache: Path
    scratch: Path
    tdkt: list[str]
    env: dict[str, str]
    python: str = sys.executable  # the interpreter of the tdkt measured (the baseline's for ``base``)
    base: Ctx | None = None  # the same jobs with the baseline's tdkt (--baseline)
    nominations: Path = Path()
    ballots: Path = Path()
    template: Path = Path()
    workspace: Path = Path()
    rules: str | None = None
    tally_threshold: bool = True
    officer: Path = Path()  # the officer's workspace (bench.officer): a unit council's round
    everyday: Path = Path()  # the 300-row list
    everyday_ballots: Path = Path()  # the members' ballots for its CSTĐ cơ sở nominees
    notes: list[str] = field(default_factory=list)


@dataclass
class Job:
    key: str
    label: str
    argv: Callable[[Ctx], list[str]]
    floor: str  # key of FLOORS
    goal_kind: str  # "ratio" | "seconds" | "reference" (not a tdkt job: a bound printed beside the jobs)
    goal: float
    ok_codes: tuple[int, ...] = (0,)
    cwd: Callable[[Ctx], Path] = lambda c: c.scratch
    reps: int = 1  # multiplier on --runs (start-up jobs are short and noisy)
    timeout: float = 120.0
    timed_out: bool = False
    before: Callable[[Ctx], None] | None = None  # run (not timed) before each measurement of the job
    max_runs: int | None = None  # set to 1 when one run is slower than SLOW_SECONDS (keeps the suite < 10 min)
    samples: list[Sample] = field(default_factory=list)
    floor_samples: list[Sample] = field(default_factory=list)
    error: str | None = None
    base_samples: list[Sample] = field(default_factory=list)  # the baseline's, one per pass (--baseline)
    base_error: str | None = None


def _py(*args: str) -> list[str]:
    return [sys.executable, *args]


FLOORS: dict[str, tuple[str, Callable[[Ctx], list[str]]]] = {
    "calamine": ("python-calamine đọc thô (raw read)",
                 lambda c: _py("-m", "bench.floors", "calamine", str(c.nominations))),
    "xlsx-copy": ("calamine + XlsxWriter chép thường (plain copy)",
                  lambda c: _py("-m", "bench.floors", "xlsx-copy", str(c.nominations), str(c.scratch / "floor.xlsx"))),
    "docxtpl": ("docxtpl, bảng 10.000 dòng",
                lambda c: _py("-m", "bench.floors", "docxtpl", str(c.template), str(N_DECISION),
                              str(c.scratch / "floor.docx"))),
    "csv": ("csv module đọc thô (raw read)", lambda c: _py("-m", "bench.floors", "csv", str(c.ballots))),
    "typer": ('python -c "import typer"', lambda c: _py("-c", "import typer")),
    "validate-outside": ("cùng lệnh validate ngoài không gian làm việc (same command, no workspace)",
                         lambda c: _validate_argv(c, outside=True)),
    "help": ("tdkt --help", lambda c: [*c.tdkt, "--help"]),
}


# Floors that are tdkt commands themselves exit as those do (1: the list has validation errors).
FLOOR_OK = {"validate-outside": (0, 1)}


def _rules(c: Ctx) -> list[str]:
    return ["--rules", c.rules] if c.rules else []


def _validate_argv(c: Ctx, *, outside: bool) -> list[str]:
    """validate of the 100,000-row list as JSON: outside a workspace with the pack and year given;
    in the officer's workspace as an officer types it (the round gives both)."""
    if outside:
        return [*c.tdkt, "validate", str(c.nominations), *_rules(c), "--year", "2021", "--format", "json"]
    return [*c.tdkt, "validate", str(c.nominations), "--format", "json"]


def _fresh_round(c: Ctx) -> None:
    officer.restore(c.officer, "empty")


def _validated_round(c: Ctx) -> None:
    officer.restore(c.officer, "validated")


def _tallied_round(c: Ctx) -> None:
    officer.restore(c.officer, "tallied")
    shutil.rmtree(c.scratch / "officer-docs", ignore_errors=True)


def _no_copy(c: Ctx) -> None:
    """The previous pass's copy removed: tdkt refuses to replace a file without --force (issue 19, #1)."""
    (c.scratch / "da-tham-dinh.xlsx").unlink(missing_ok=True)


def _tally_argv(c: Ctx) -> list[str]:
    argv = [*c.tdkt, "tally", str(c.ballots), "--members", str(N_BALLOTS), "--format", "json"]
    return [*argv, "--threshold", "80"] if c.tally_threshold else argv


JOBS: list[Job] = [
    Job("validate", "Đọc + thẩm định 100.000 người (JSON)",
        lambda c: [*c.tdkt, "validate", str(c.nominations), *_rules(c), "--year", "2021", "--format", "json"],
        "calamine", "ratio", 2.0, ok_codes=(0, 1)),
    Job("ingest", "Chỉ đọc 100.000 người (ingest, JSON)",
        lambda c: [*c.tdkt, "ingest", str(c.nominations), "--format", "json"],
        "calamine", "ratio", 1.5),
    Job("bound", "Tham chiếu, không phải tdkt: chương trình tuần tự tối thiểu xuất bản ghi JSON (đọc, "
        "1 lượt mỗi cột, 1 dict mỗi dòng)",
        lambda c: _py("-m", "bench.floors", "records", str(c.nominations)), "calamine", "reference", 1.5),
    Job("validate-xlsx", "Thẩm định + tệp .xlsx kết quả, 100.000 dòng",
        lambda c: [*c.tdkt, "validate", str(c.nominations), *_rules(c), "--year", "2021", "--format", "xlsx",
                   "--output", str(c.scratch / "da-tham-dinh.xlsx")],
        "xlsx-copy", "seconds", 15.0, ok_codes=(0, 1), timeout=180.0, before=_no_copy),
    Job("decision", "Quyết định kèm danh sách 10.000 người (.docx)",
        lambda c: [c.python, "-m", "bench.decision", "render", str(c.workspace), str(c.scratch / "docs")],
        "docxtpl", "seconds", 1.5, cwd=lambda c: c.workspace),
    Job("tally", "Kiểm phiếu 1.000.000 dấu (1.000 phiếu × 1.000 người)", _tally_argv,
        "csv", "seconds", 1.0, ok_codes=(0, 1)),
    Job("help", "Khởi động: tdkt --help", lambda c: [*c.tdkt, "--help"], "typer", "ratio", 2.0, reps=5),
    # The officer's path: in a workspace with a round, where results are stored (bench.officer).
    Job("ws-validate", "Trong không gian làm việc: thẩm định 100.000 người, lưu vào đợt (JSON)",
        lambda c: _validate_argv(c, outside=False), "validate-outside", "ratio", 1.3, ok_codes=(0, 1),
        cwd=lambda c: c.officer, before=_fresh_round, timeout=240.0),
    Job("ws-validate-300", "Trong không gian làm việc: thẩm định danh sách 300 người, lưu vào đợt",
        lambda c: [*c.tdkt, "validate", str(c.everyday)], "help", "ratio", 3.0, ok_codes=(0, 1),
        cwd=lambda c: c.officer, before=_fresh_round, reps=3),
    Job("ws-tally", "Trong không gian làm việc: kiểm phiếu CSTĐ cơ sở của đợt (11 phiếu), lưu vào đợt",
        lambda c: [*c.tdkt, "tally", str(c.everyday_ballots), "--award", officer.AWARD_TEXT], "help", "ratio", 3.0,
        cwd=lambda c: c.officer, before=_validated_round, reps=3),
    Job("ws-render", "Trong không gian làm việc: Quyết định tặng danh hiệu CSTĐ cơ sở của đợt (.docx)",
        lambda c: [*c.tdkt, "render", "decision", "--award", officer.AWARD_TEXT, "--out",
                   str(c.scratch / "officer-docs")], "help", "ratio", 4.0,
        cwd=lambda c: c.officer, before=_tallied_round, reps=3),
]


# --- running children ---------------------------------------------------------------------------


def run_child(argv: list[str], cwd: Path, env: dict[str, str], timeout: float) -> Sample:
    """Run one child to completion through bench.probe; wall seconds, its own peak RSS (MiB), exit
    code and stderr tail. The whole process group is killed after ``timeout`` seconds."""
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile(suffix=".json") as res:
        t0 = time.perf_counter()
        # this suite's probe, by path: a baseline's PYTHONPATH would find its own (older) bench.probe
        proc = subprocess.Popen(_py(str(Path(__file__).with_name("probe.py")), res.name, *argv), cwd=cwd, env=env,
                                stdout=subprocess.DEVNULL, stderr=err, stdin=subprocess.DEVNULL,
                                start_new_session=True)
        timer = threading.Timer(timeout, lambda: _kill(proc.pid))
        timer.start()
        try:
            proc.wait()
        finally:
            timer.cancel()
        outer = time.perf_counter() - t0
        err.seek(0)
        text = err.read().decode("utf-8", "replace").strip()
        try:
            data = json.loads(Path(res.name).read_text(encoding="utf-8"))
        except ValueError:  # the launcher was killed (timeout) before writing
            data = {"seconds": outer, "cpu_seconds": 0.0, "maxrss_kib": 0, "rc": proc.returncode}
    rc = int(data["rc"])
    if outer >= timeout and proc.returncode == -signal.SIGKILL:
        rc, text = -signal.SIGKILL, f"quá thời hạn {timeout:.0f} s (timeout)"
    return Sample(float(data["seconds"]), data["maxrss_kib"] / 1024, rc, text[-600:], float(data.get("cpu_seconds", 0.0)))


def _kill(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGKILL)


def _ok(job: Job, s: Sample) -> bool:
    return s.rc in job.ok_codes


def _first_line(text: str) -> str:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    # a traceback's last line says what went wrong; a tdkt error is its one line
    return (lines[-1] if lines else "(không có thông báo)")[:300]


# --- setup --------------------------------------------------------------------------------------


def _cached(path: Path, make: Callable[[Path], Any], what: str) -> Path:
    if not path.exists():
        t0 = time.perf_counter()
        print(f"  tạo {what}: {path.name} …", end="", flush=True)
        make(path)
        print(f" {time.perf_counter() - t0:.1f} s")
    return path


def prepare(ctx: Ctx, selected: set[str]) -> None:
    ctx.cache.mkdir(parents=True, exist_ok=True)
    _compile(ctx)
    print(f"Đầu vào (inputs) trong {ctx.cache}")
    needs_list = selected & {"validate", "ingest", "bound", "validate-xlsx", "ws-validate"}
    if needs_list:
        ctx.nominations = _cached(ctx.cache / f"de-nghi-{N_NOMINEES}.xlsx",
                                  lambda p: inputs.write_nominations(p, N_NOMINEES), "danh sách 100.000 người")
    sample = _cached(ctx.cache / "de-nghi-1000.xlsx", lambda p: inputs.write_nominations(p, 1000),
                     "danh sách mẫu 1.000 người")
    if "tally" in selected:
        ctx.ballots = _cached(ctx.cache / f"phieu-bau-{N_BALLOTS}x{N_BALLOT_NOMINEES}.csv",
                              lambda p: inputs.write_ballots(p, N_BALLOTS, N_BALLOT_NOMINEES), "phiếu bầu")
        ctx.tally_threshold = _has_option(ctx, "tally", "--threshold")
        if not ctx.tally_threshold:
            ctx.notes.append("tally: chưa có tùy chọn --threshold; chạy không có nó.")
    if selected & {"validate", "validate-xlsx", "decision", "ws-validate"}:
        ctx.rules = _rules_id(ctx)
    if needs_list:
        _check_columns(ctx, sample)
    if "decision" in selected:
        ctx.template = _cached(ctx.cache / "floor-template.docx", inputs.write_docx_template, "mẫu docx cho mốc sàn")
        _setup_workspace(ctx, sample)
    if any(k.startswith("ws-") for k in selected):
        ctx.everyday = _cached(ctx.cache / f"de-nghi-{N_EVERYDAY}.xlsx",
                               lambda p: inputs.write_nominations(p, N_EVERYDAY), f"danh sách {N_EVERYDAY} người")
        _setup_officer(ctx)


def _compile(ctx: Ctx) -> None:
    """Byte-compile tdkt as pip does at install: an editable checkout run with PYTHONDONTWRITEBYTECODE
    would otherwise compile every imported module from source in every child (~0.4 s)."""
    subprocess.run(_py("-m", "compileall", "-q", str(REPO / "tdkt"), str(REPO / "bench")), env=ctx.env,
                   stdout=subprocess.DEVNULL, check=False)


def _setup_officer(ctx: Ctx) -> None:
    ctx.officer = ctx.scratch / "officer"
    ctx.everyday_ballots = ctx.scratch / "phieu-bau-dot.csv"
    proc = subprocess.run([ctx.python, "-m", "bench.officer", "setup", str(ctx.officer), str(ctx.everyday),
                              str(ctx.everyday_ballots)], cwd=ctx.scratch, env=ctx.env, capture_output=True,
                          text=True, check=False)
    if proc.returncode != 0:
        ctx.notes.append(f"officer setup: {_first_line(proc.stderr or proc.stdout)}")
    else:
        ctx.notes.append(f"không gian làm việc của cán bộ (officer): {proc.stdout.strip()}")


def _has_option(ctx: Ctx, command: str, option: str) -> bool:
    proc = subprocess.run([*ctx.tdkt, command, "--help"], cwd=ctx.scratch, env=ctx.env, capture_output=True,
                          text=True, check=False)
    return proc.returncode == 0 and option in proc.stdout


def _rules_id(ctx: Ctx) -> str | None:
    """The NĐ 91/2017 pack's id as `tdkt rules list` prints it (the generated list is for 2021)."""
    proc = subprocess.run([*ctx.tdkt, "rules", "list"], cwd=ctx.scratch, env=ctx.env, capture_output=True,
                          text=True, check=False)
    if proc.returncode != 0:
        ctx.notes.append(f"rules list: {_first_line(proc.stderr)} — chạy validate không có --rules.")
        return None
    words = {w.strip("│|,;:()[]") for w in proc.stdout.split()}
    for cand in RULES_CANDIDATES:
        if cand in words:
            return cand
    found = sorted(w for w in words if "91" in w)
    if found:
        return found[0]
    ctx.notes.append("rules list: không thấy bộ tiêu chí NĐ 91/2017; chạy validate không có --rules.")
    return None


def _check_columns(ctx: Ctx, sample: Path) -> None:
    """`tdkt ingest` on the 1,000-row sample (same header): is every column understood?"""
    proc = subprocess.run([*ctx.tdkt, "ingest", str(sample), "--format", "json"], cwd=ctx.scratch, env=ctx.env,
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        ctx.notes.append(f"ingest (kiểm tra cột): {_first_line(proc.stderr)}")
        return
    try:
        data = json.loads(proc.stdout)
    except ValueError:
        ctx.notes.append("ingest (kiểm tra cột): kết quả không phải JSON.")
        return
    (ctx.cache / "ingest-sample.json").write_text(proc.stdout, encoding="utf-8")
    unmapped = sorted(set(_find_unmapped(data)))
    n = _count_nominees(data)
    if unmapped:
        ctx.notes.append(f"ingest: cột chưa hiểu (unmapped): {', '.join(unmapped)}")
    else:
        ctx.notes.append(f"ingest: mọi cột của mẫu đều được hiểu; {n} bản ghi từ 1.000 dòng.")


def _find_unmapped(data: Any) -> list[str]:
    """Header texts the ingest JSON reports as not understood (whatever the key is called)."""
    out: list[str] = []
    if isinstance(data, dict):
        for k, v in data.items():
            if k in ("unmapped", "unknown_columns", "unmapped_columns", "ignored_columns") and isinstance(v, list):
                out += [x if isinstance(x, str) else str(x.get("header", x)) for x in v]
            elif k == "columns" and isinstance(v, list):
                out += [str(col.get("header")) for col in v if isinstance(col, dict) and col.get("field") in (None, "")]
            else:
                out += _find_unmapped(v)
    elif isinstance(data, list):
        for v in data:
            out += _find_unmapped(v)
    return out


def _count_nominees(data: Any) -> int:
    if isinstance(data, dict):
        for key in ("nominees", "records"):
            if isinstance(data.get(key), list):
                return len(data[key])
        return sum(_count_nominees(v) for v in data.values() if isinstance(v, (dict, list)))
    if isinstance(data, list):
        return sum(_count_nominees(v) for v in data)
    return 0


def _setup_workspace(ctx: Ctx, sample: Path) -> None:
    ws = ctx.scratch / "workspace"
    ws.mkdir()
    ctx.workspace = ws
    signer = ["--place", "Hải Đông", "--signer", "deputy", "--signer-name", "Trần Thị Kim Liên"]
    if not _has_option(ctx, "init", "--signer"):  # a baseline from before render refused unsigned decisions
        signer = []
    steps = [
        [*ctx.tdkt, "init", "--council", "Hội đồng Thi đua - Khen thưởng tỉnh Hải Đông", "--members", "11", *signer],
        [*ctx.tdkt, "session", "new", "2022-1", "--date", "2022-04-25", "--year", "2021", "--members", "11"],
    ]
    for argv in steps:
        proc = subprocess.run(argv, cwd=ws, env=ctx.env, capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            ctx.notes.append(f"decision setup ({argv[1]}): {_first_line(proc.stderr)}")
            return
    # a real validate record (run outside the workspace) gives the payload its shape
    sample_json = ctx.scratch / "validate-sample.json"
    with sample_json.open("w", encoding="utf-8") as fh:
        subprocess.run([*ctx.tdkt, "validate", str(sample), *_rules(ctx), "--year", "2021", "--format", "json"],
                       cwd=ctx.scratch, env=ctx.env, stdout=fh, stderr=subprocess.DEVNULL, check=False)
    proc = subprocess.run([ctx.python, "-m", "bench.decision", "setup", str(ws), str(N_DECISION), str(sample_json)], cwd=ws,
                          env=ctx.env, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        ctx.notes.append(f"decision setup: {_first_line(proc.stderr)}")
    else:
        ctx.notes.append(f"decision setup: {proc.stdout.strip()}")


# --- the run ------------------------------------------------------------------------------------


def run(jobs: list[Job], ctx: Ctx, runs: int) -> None:
    total = max(j.reps for j in jobs) * runs
    for i in range(total):
        print(f"Lượt {i + 1}/{total} (pass)", flush=True)
        for job in jobs:
            if job.error or i >= (job.max_runs or job.reps * runs):
                continue
            if job.before is not None:
                job.before(ctx)
            s = run_child(job.argv(ctx), job.cwd(ctx), ctx.env, job.timeout)
            if not _ok(job, s):
                job.error = f"mã thoát {s.rc}: {_first_line(s.err)}"
                job.timed_out = s.err.startswith("quá thời hạn")
                print(f"  {job.key:<14} {_failure_word(job)}: {job.error}", flush=True)
                continue
            _, f_argv = FLOORS[job.floor]
            f = run_child(f_argv(ctx), ctx.scratch, ctx.env, job.timeout)
            if f.rc not in FLOOR_OK.get(job.floor, (0,)):
                job.error = f"mốc sàn hỏng (floor failed): {_first_line(f.err)}"
                print(f"  {job.key:<14} {job.error}", flush=True)
                continue
            if ctx.base is not None and job.base_error is None and job.key.startswith("ws-") and ctx.base.officer == Path():
                job.base_error = "mốc cũ không có bench/officer.py (việc của cán bộ chưa có khi đó)"
            if ctx.base is not None and job.base_error is None:
                if job.before is not None:
                    job.before(ctx.base)
                b = run_child(job.argv(ctx.base), job.cwd(ctx.base), ctx.base.env, job.timeout)
                if b.rc in job.ok_codes:
                    job.base_samples.append(b)
                else:
                    job.base_error = f"mã thoát {b.rc}: {_first_line(b.err)}"
                    print(f"  {job.key:<14} mốc cũ (baseline) lỗi: {job.base_error}", flush=True)
            job.samples.append(s)
            job.floor_samples.append(f)
            if s.seconds > SLOW_SECONDS and job.reps * runs > 1 and job.max_runs is None:
                job.max_runs = 1
                print(f"  {job.key:<14} chậm hơn {SLOW_SECONDS:.0f} s: chỉ đo 1 lượt (slow: one run)", flush=True)
            base = (f"   mốc cũ {job.base_samples[-1].seconds:7.3f} s" if ctx.base is not None and job.base_error is None
                    and len(job.base_samples) == len(job.samples) else "")
            print(f"  {job.key:<14} {s.seconds:8.3f} s   sàn {f.seconds:7.3f} s   ×{s.seconds / f.seconds:5.2f}"
                  f"   {s.rss_mib:6.0f} MiB{base}", flush=True)


def _failure_word(job: Job) -> str:
    err = job.error or ""
    if job.timed_out:
        return f"CHƯA ĐẠT (miss): > {job.timeout:.0f} s"
    if "chưa được cài đặt" in err or "ImportError" in err or "ModuleNotFoundError" in err or "No such command" in err:
        return MISSING
    return "lỗi (failed)"


def results(jobs: list[Job]) -> list[dict[str, Any]]:
    out = []
    for job in jobs:
        row: dict[str, Any] = {"job": job.key, "label": job.label, "floor": FLOORS[job.floor][0],
                               "goal": f"≤ {job.goal:g}{' s' if job.goal_kind == 'seconds' else '×'}"}
        if not job.samples:
            row.update(status="timeout" if job.timed_out else "missing", error=job.error or "không chạy (not run)",
                       note=_failure_word(job))
            out.append(row)
            continue
        t = statistics.median(s.seconds for s in job.samples)
        ft = statistics.median(s.seconds for s in job.floor_samples)
        ratio = statistics.median(s.seconds / f.seconds for s, f in zip(job.samples, job.floor_samples, strict=True))
        value = t if job.goal_kind == "seconds" else ratio
        row.update(
            status="reference" if job.goal_kind == "reference" else "ok" if value <= job.goal else "miss",
            runs=len(job.samples),
            seconds=round(t, 3),
            seconds_min=round(min(s.seconds for s in job.samples), 3),
            seconds_max=round(max(s.seconds for s in job.samples), 3),
            floor_seconds=round(ft, 3),
            ratio=round(ratio, 2),
            rss_mib=round(max(s.rss_mib for s in job.samples)),
            floor_rss_mib=round(max(s.rss_mib for s in job.floor_samples)),
        )
        if job.error:  # failed in a later pass after succeeding
            row["error"] = job.error
        row.update(_against_baseline(job))
        out.append(row)
    return out


def _against_baseline(job: Job) -> dict[str, Any]:
    """The job against the baseline's tdkt in the same passes: the baseline's ratio to the same floor
    samples, and today's time over the baseline's (median of the per-pass quotients; ≤ 1.10 is within 10 %)."""
    if job.base_error is not None:
        return {"baseline_error": job.base_error}
    n = len(job.base_samples)
    if not n or job.goal_kind == "reference":
        return {}
    pairs = list(zip(job.samples[:n], job.floor_samples[:n], job.base_samples, strict=True))
    vs = statistics.median(s.seconds / b.seconds for s, _f, b in pairs)
    cpu = [s.cpu_seconds / b.cpu_seconds for s, _f, b in pairs if b.cpu_seconds > 0]
    return {"vs_baseline_cpu": round(statistics.median(cpu), 3) if cpu else None,
            "cpu_seconds": round(statistics.median(s.cpu_seconds for s in job.samples[:n]), 3),
            "baseline_cpu_seconds": round(statistics.median(b.cpu_seconds for b in job.base_samples), 3),
            "runs": n,"baseline_seconds": round(statistics.median(b.seconds for b in job.base_samples), 3),
            "baseline_ratio": round(statistics.median(b.seconds / f.seconds for _s, f, b in pairs), 2),
            "same_run_ratio": round(statistics.median(s.seconds / f.seconds for s, f, _b in pairs), 2),
            "vs_baseline": round(vs, 3), "baseline_rss_mib": round(max(b.rss_mib for b in job.base_samples)),
            "within_10_percent": vs <= BASELINE_MARGIN}


def print_baseline(rows: list[dict[str, Any]], where: Path) -> None:
    print(f"\nSo với mốc cũ (baseline) {where}, đo trong cùng lượt — mỗi việc tối đa chậm hơn 10 %:")
    for r in rows:
        if "baseline_error" in r:
            print(f"  {r['job']:<16} mốc cũ không chạy được: {r['baseline_error']}")
        elif "vs_baseline" in r:
            print(f"  {r['job']:<16} nay ×{r['same_run_ratio']:5.2f} sàn, mốc cũ ×{r['baseline_ratio']:5.2f} sàn "
                  f"({r['baseline_seconds']:.3f} s, {r['baseline_rss_mib']} MiB) → ×{r['vs_baseline']:.3f} "
                  f"{'đạt (≤ 1,10)' if r['within_10_percent'] else 'CHẬM HƠN QUÁ 10 %'}"
                  + (f"; CPU {r['cpu_seconds']:.3f} / {r['baseline_cpu_seconds']:.3f} s → ×{r['vs_baseline_cpu']:.3f}"
                     if r.get("vs_baseline_cpu") else "") + f" ({r['runs']} lượt)")


def print_table(rows: list[dict[str, Any]]) -> None:
    head = ("việc (job)", "trung vị", "min–max", "mốc sàn", "tỉ lệ", "mục tiêu", "RAM đỉnh MiB", "kết quả")
    print()
    print(" | ".join(head))
    print("-" * 110)
    for r in rows:
        if r["status"] in ("missing", "timeout"):
            print(f"{r['job']:<14} | {r['note']}: {r['error']}")
            continue
        verdict = {"ok": "đạt (ok)", "reference": "tham chiếu (bound)"}.get(r["status"], "CHƯA ĐẠT (miss)")
        print(f"{r['job']:<14} | {r['seconds']:8.3f} s | {r['seconds_min']:.3f}–{r['seconds_max']:.3f} | "
              f"{r['floor_seconds']:7.3f} s | ×{r['ratio']:5.2f} | {r['goal']:<7} | "
              f"{r['rss_mib']:>5} / sàn {r['floor_rss_mib']:<4} | {verdict}")
    print()
    for r in rows:
        print(f"  {r['job']:<14} {r['label']}; mốc sàn: {r['floor']}")


def markdown_table(rows: list[dict[str, Any]]) -> str:
    """The figures as a Markdown table (for bench/RESULTS.md and the README's "Hiệu năng")."""
    out = ["| việc | thời gian (trung vị) | min–max | mốc sàn (cùng lượt) | tỉ lệ | mục tiêu | RAM đỉnh việc / sàn (MiB) | kết quả |",
           "|---|---:|---:|---|---:|---|---:|---|"]
    for r in rows:
        if r["status"] in ("missing", "timeout"):
            out.append(f"| {r['label']} (`{r['job']}`) | – | – | {r['floor']} | – | {r['goal']} | – | {r['note']} |")
            continue
        verdict = {"ok": "đạt", "reference": "tham chiếu"}.get(r["status"], "**chưa đạt**")
        out.append(
            f"| {r['label']} (`{r['job']}`) | {_vn(r['seconds'])} s | {_vn(r['seconds_min'])}–{_vn(r['seconds_max'])} | "
            f"{r['floor']}: {_vn(r['floor_seconds'])} s | ×{_vn(r['ratio'], 2)} | {r['goal'].replace('.', ',')} | "
            f"{r['rss_mib']} / {r['floor_rss_mib']} | {verdict} |"
        )
    return "\n".join(out) + "\n"


def _vn(x: float, digits: int | None = None) -> str:
    """A decimal with a comma, Vietnamese style: 2 decimals under 10 s, 1 above."""
    d = digits if digits is not None else (2 if x < 10 else 1)
    return f"{x:.{d}f}".replace(".", ",")


def profile(jobs: list[Job], rows: list[dict[str, Any]], ctx: Ctx) -> None:
    """Run each job that missed its goal once under pyinstrument; the text report goes to the cache."""
    missed = [j for j, r in zip(jobs, rows, strict=True) if r["status"] == "miss"]
    if not missed:
        return
    try:
        import pyinstrument  # noqa: F401
    except ImportError:
        print("--profile cần pyinstrument: .venv/bin/pip install pyinstrument")
        return
    for job in missed:
        argv = job.argv(ctx)
        if argv[: len(ctx.tdkt)] == ctx.tdkt:
            argv = [*argv[len(ctx.tdkt):]]
            argv = _py("-m", "pyinstrument", "-r", "text", "-o", "OUT", "-m", "tdkt", *argv)
        else:  # python -m bench.decision …
            argv = _py("-m", "pyinstrument", "-r", "text", "-o", "OUT", *argv[1:])
        out = ctx.cache / f"profile-{job.key}.txt"
        argv[argv.index("OUT")] = str(out)
        subprocess.run(argv, cwd=job.cwd(ctx), env=ctx.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       check=False, timeout=job.timeout * 2)
        print(f"hồ sơ thời gian (profile) của {job.key}: {out}")


def _baseline(ctx: Ctx, root: Path, selected: set[str]) -> Ctx:
    """The context of the baseline's tdkt (``root/.venv``, its own bench and modules first on the
    path): the same inputs, its own scratch folder and decision workspace (its register schema). The
    officer's jobs need a workspace the baseline may not know how to make: they are set up with it
    when it has ``bench/officer.py``, else they are left without a baseline."""
    python = root / ".venv" / "bin" / "python"
    if not python.exists():
        raise SystemExit(f"--baseline {root}: không có {python} (tạo venv và pip install -e . trong đó)")
    script = python.with_name("tdkt")
    env = {**ctx.env, "PYTHONPATH": str(root)}
    scratch = ctx.scratch / "baseline"
    scratch.mkdir()
    base = Ctx(cache=ctx.cache, scratch=scratch, tdkt=[str(script)] if script.exists() else [str(python), "-m", "tdkt"],
               env=env, python=str(python), nominations=ctx.nominations, ballots=ctx.ballots, template=ctx.template,
               rules=ctx.rules, tally_threshold=ctx.tally_threshold, everyday=ctx.everyday)
    subprocess.run([str(python), "-m", "compileall", "-q", str(root / "tdkt"), str(root / "bench")], env=env,
                   stdout=subprocess.DEVNULL, check=False)
    if "decision" in selected:
        _setup_workspace(base, ctx.cache / "de-nghi-1000.xlsx")
    if any(k.startswith("ws-") for k in selected) and (root / "bench" / "officer.py").exists():
        _setup_officer(base)
    for note in base.notes:
        print(f"  · mốc cũ (baseline): {note}")
    return base


def _tdkt_cmd() -> list[str]:
    script = Path(sys.executable).with_name("tdkt")
    return [str(script)] if script.exists() else _py("-m", "tdkt")


def _env() -> dict[str, str]:
    # Children run as an installed tdkt does: no TDKT_* switch, byte-compiled modules used (_compile).
    env = {k: v for k, v in os.environ.items() if not k.startswith("TDKT_") and k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env.update(COLUMNS="120", NO_COLOR="1", PYTHONIOENCODING="utf-8")
    return env


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description="Đo hiệu năng tdkt so với mốc sàn (floor).")
    ap.add_argument("--quick", action="store_true", help="một lượt (1 run) thay vì 3")
    ap.add_argument("--runs", type=int, default=3, help="số lượt (default 3)")
    ap.add_argument("--only", default="", help="chỉ chạy các việc này, cách nhau bằng dấu phẩy: "
                    + ",".join(j.key for j in JOBS))
    ap.add_argument("--cache", type=Path, default=None, help="thư mục đầu vào (default ~/.cache/tdkt-bench)")
    ap.add_argument("--json", type=Path, default=None, help="ghi kết quả ra tệp JSON")
    ap.add_argument("--markdown", type=Path, default=None, help="ghi bảng kết quả dạng Markdown")
    ap.add_argument("--profile", action="store_true", help="chạy pyinstrument cho việc chưa đạt mục tiêu")
    ap.add_argument("--baseline", type=Path, default=None,
                    help="thư mục mã nguồn một bản tdkt cũ có .venv riêng: đo cùng lượt và so từng việc (≤ 10 %% chậm hơn)")
    args = ap.parse_args(argv)

    runs = 1 if args.quick else max(1, args.runs)
    keys = {k.strip() for k in args.only.split(",") if k.strip()} or {j.key for j in JOBS}
    unknown = keys - {j.key for j in JOBS}
    if unknown:
        ap.error(f"không có việc {', '.join(sorted(unknown))}")
    jobs = [j for j in JOBS if j.key in keys]
    cache = args.cache or Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "tdkt-bench"
    cache = cache / f"v{inputs.GENERATOR_VERSION}"
    started = time.perf_counter()
    scratch = Path(tempfile.mkdtemp(prefix="tdkt-bench-"))
    try:
        ctx = Ctx(cache=cache, scratch=scratch, tdkt=_tdkt_cmd(), env=_env())
        prepare(ctx, keys)
        if args.baseline is not None:
            ctx.base = _baseline(ctx, args.baseline.resolve(), keys)
        for note in ctx.notes:
            print(f"  · {note}")
        run(jobs, ctx, runs)
        rows = results(jobs)
        print_table(rows)
        if ctx.base is not None:
            print_baseline(rows, args.baseline)
        if args.profile:
            profile(jobs, rows, ctx)
        elapsed = time.perf_counter() - started
        load = os.getloadavg()
        print(f"\nTổng thời gian bộ đo (suite wall): {elapsed:.0f} s; {runs} lượt; Python {sys.version.split()[0]}; "
              f"{os.cpu_count()} CPU; tải máy (load average 1/5/15 min) {load[0]:.1f}/{load[1]:.1f}/{load[2]:.1f}")
        help_row = next((r for r in rows if r["job"] == "help" and "floor_seconds" in r), None)
        if help_row:
            print(f"Độ ồn: `import typer` = {help_row['floor_seconds'] * 1000:.0f} ms lúc này, 61 ms trên máy yên "
                  "(perf-baseline); mục tiêu tính bằng giây chỉ so được khi hai số này gần nhau.")
        if args.markdown:
            args.markdown.write_text(markdown_table(rows), encoding="utf-8")
        if args.json:
            args.json.write_text(json.dumps({"runs": runs, "suite_seconds": round(elapsed, 1), "loadavg": load, "notes": ctx.notes,
                                             "jobs": rows}, ensure_ascii=False, indent=2), encoding="utf-8")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0

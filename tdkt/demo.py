"""`tdkt demo`: the bundled example round (tỉnh Hải Đông, đợt 2022-1 then 2023-1) in a fresh workspace.

The demo copies the examples into a new folder, makes it a workspace and runs the round as a
secretariat does, through the LIBRARY functions of each capability: register import, validation, the
Thường trực's review of the "Cần xem xét" case, tally, the draft documents (their numbers and dates
blank: tdkt never assigns a document number), the signed decisions recorded in the register, the
documents again (now numbered), then the next round's validation, which counts what round 2022-1 put
in the register. It ends with round 2022-1 as the workspace's current round, so that every ``tdkt
render`` works in the folder straight away. The demo never touches the user's own register
(``TDKT_DATABASE_URL`` and ``TDKT_WORKSPACE`` are set aside while it runs).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from tdkt.errors import TdktError, WorkspaceError

MARKER = ".tdkt-demo"  # written into every demo folder: only such a folder may be emptied and reused
SUMMARY = "demo-summary.json"
HISTORY_FILE = "lich-su-khen-thuong.xlsx"
DOCS_DIR = "van-ban"
DRAFTS_DIR = "du-thao"  # the drafts before the decisions are recorded as signed (no numbers yet)
# What the demo copies (make_examples.py, caches and the like stay behind).
COPY = ("README.md", "expected.yaml", HISTORY_FILE, "rules", "2022-1", "2023-1")


@dataclass(frozen=True)
class RoundPlan:
    id: str
    date: dt.date
    year: int
    title: str
    lists: tuple[str, ...]
    ballots: tuple[str, ...] = ()


ROUND_1 = RoundPlan("2022-1", dt.date(2022, 4, 25), 2021, "Đợt 1 năm 2022 — xét thành tích năm 2021",
                    ("2022-1/danh-sach-ca-nhan.xlsx", "2022-1/danh-sach-tap-the.xlsx"), ("2022-1/ballots.csv",))
ROUND_2 = RoundPlan("2023-1", dt.date(2023, 4, 20), 2022, "Đợt 1 năm 2023 — xét thành tích năm 2022",
                    ("2023-1/danh-sach-de-nghi.xlsx",))
# The Thường trực's decision on the round's "Cần xem xét" case (examples/README.md step 3: one year of
# HTXS where the criterion asks for two in a row).
REVIEW = ("Lý Văn Hùng", "Chỉ 1 năm hoàn thành xuất sắc nhiệm vụ (2021); Hội đồng áp dụng tiêu chí 2 năm liên tục",
          "Phó Chủ tịch Thường trực Hội đồng")
# The CSTĐ cơ sở of the list whose 15 % cap the list cannot show (no LĐTT of their units in it): the
# Thường trực checks each unit's reported LĐTT count and accepts them (issue 13).
CAP_REVIEW = ("rules.cap-unchecked-row",
              "Đã đối chiếu số Lao động tiên tiến năm 2021 đơn vị báo cáo: số CSTĐ cơ sở trong trần 15 %")
# The decisions of round 2022-1 the chairman signs (awards within the province's authority; the
# proposals for Bằng khen Thủ tướng and Huân chương go up in the Tờ trình instead).
DECISIONS: tuple[tuple[str, int, dt.date], ...] = (
    ("chien_si_thi_dua_bo_tinh", 1030, dt.date(2022, 5, 6)),
    ("co_thi_dua_bo_tinh", 1031, dt.date(2022, 5, 6)),
    ("tap_the_lao_dong_xuat_sac", 1032, dt.date(2022, 5, 6)),
    ("bang_khen_bo_tinh", 1033, dt.date(2022, 5, 6)),
    ("chien_si_thi_dua_co_so", 1035, dt.date(2022, 5, 6)),
)

Status = Literal["ok", "skipped", "failed"]


@dataclass
class Step:
    """One step of the demo: what it did, or why it was skipped or failed."""

    id: str
    title: str
    status: Status = "ok"
    detail: str = ""
    outputs: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)


@dataclass
class DemoResult:
    root: Path
    steps: list[Step] = field(default_factory=list)

    @property
    def failed(self) -> list[Step]:
        return [s for s in self.steps if s.status == "failed"]

    def step(self, step_id: str) -> Step | None:
        return next((s for s in self.steps if s.id == step_id), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": 1,
            "root": str(self.root),
            "steps": [
                {"id": s.id, "title": s.title, "status": s.status, "detail": s.detail, "outputs": s.outputs,
                 "data": s.data}
                for s in self.steps
            ],
        }


class DemoError(TdktError):
    """A step of the demo failed: a defect of this build (exit code 4, as an internal error)."""

    code = "demo.step-failed"
    exit_code = 4


# ------------------------------------------------------------------------------------------ files


def examples_dir() -> Path:
    """The bundled examples: ``tdkt/_examples`` in an installed wheel, else the repository's examples/."""
    try:
        packaged = resources.files("tdkt") / "_examples"
        if packaged.is_dir():
            return Path(str(packaged))
    except (ModuleNotFoundError, NotADirectoryError):  # pragma: no cover - zipped installs
        pass
    return Path(__file__).resolve().parent.parent / "examples"


def _prepare(out: Path | None) -> Path:
    """A fresh, empty folder for the demo: a new temporary one, or ``out`` if empty or a former demo."""
    if out is None:
        return Path(tempfile.mkdtemp(prefix="tdkt-demo-"))
    root = out.expanduser().resolve()
    if root.exists() and not root.is_dir():
        raise WorkspaceError(f"{root} không phải là thư mục; không ghi gì.")
    if root.is_dir() and any(root.iterdir()):
        if not (root / MARKER).is_file():
            raise WorkspaceError(
                f"Thư mục {root} không trống và không phải kết quả của một lần 'tdkt demo' trước; "
                "không ghi gì. Hãy chọn thư mục trống (hoặc bỏ --out để dùng thư mục tạm)."
            )
        _release_register(root)
        for child in root.iterdir():  # a former demo: empty it (never following a link out of it)
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
    root.mkdir(parents=True, exist_ok=True)
    return root


def _release_register(root: Path) -> None:
    """Close pooled connections to a former demo's register before its file is deleted: in the same
    process (a library user, the tests) they would keep reading the deleted file."""
    from tdkt.workspace import DEFAULT_DB

    db = root / DEFAULT_DB
    if db.is_file():
        from tdkt.db import engine

        engine(f"sqlite:///{db.as_posix()}").dispose()


def _copy_examples(src: Path, root: Path) -> None:
    missing = [name for name in (*COPY, "tdkt.toml") if not (src / name).exists()]
    if missing:
        raise DemoError(f"Bộ dữ liệu ví dụ ở {src} thiếu: {', '.join(missing)}. Bản cài đặt tdkt này bị thiếu tệp.")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "~$*")
    for name in COPY:
        path = src / name
        if path.is_dir():
            shutil.copytree(path, root / name, ignore=ignore)
        else:
            shutil.copy2(path, root / name)


@contextmanager
def _isolated(root: Path) -> Iterator[None]:
    """Point every workspace lookup at the demo folder and set a shared-register URL aside."""
    saved = {k: os.environ.get(k) for k in ("TDKT_WORKSPACE", "TDKT_DATABASE_URL")}
    os.environ["TDKT_WORKSPACE"] = str(root)
    os.environ.pop("TDKT_DATABASE_URL", None)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


# ------------------------------------------------------------------------------------------ steps


class _Runner:
    def __init__(self, result: DemoResult) -> None:
        self.result = result

    def run(self, step_id: str, title: str, fn: Callable[[Step], None], *, needs: tuple[str, ...] = ()) -> Step:
        step = Step(step_id, title)
        self.result.steps.append(step)
        blocked = [s for s in needs if (prev := self.result.step(s)) is None or prev.status != "ok"]
        if blocked:
            step.status = "skipped"
            step.detail = f"bỏ qua vì bước {', '.join(blocked)} không chạy được"
            return step
        try:
            fn(step)
        except TdktError as exc:
            step.status = "failed"
            step.detail = exc.message
        except Exception as exc:  # a defect in one capability must not hide what the others do
            step.status = "failed"
            step.detail = f"lỗi nội bộ {type(exc).__name__}: {exc}"
        return step


def _rel(root: Path, paths: list[Path]) -> list[str]:
    out = []
    for p in paths:
        try:
            out.append(p.resolve().relative_to(root).as_posix())
        except ValueError:
            out.append(str(p))
    return out


def run(out: Path | None = None, *, examples: Path | None = None) -> DemoResult:
    """Run the whole example round in a fresh workspace; returns what each step did.

    Args:
        out: the folder to use (must be empty or a former demo's); None makes a temporary one.
        examples: the examples folder (default :func:`examples_dir`).

    Raises:
        WorkspaceError: ``out`` is not empty and not a former demo (nothing written).
        DemoError: the bundled examples are incomplete.
    """
    src = examples or examples_dir()
    root = _prepare(out)
    (root / MARKER).write_text("tdkt demo\n", encoding="utf-8")
    result = DemoResult(root)
    _copy_examples(src, root)
    with _isolated(root):
        _steps(_Runner(result), src, root)
    from tdkt import output

    summary = json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
    output.write_one(root / SUMMARY, summary.encode("utf-8"), force=True)  # the demo's own folder
    return result


def _steps(r: _Runner, src: Path, root: Path) -> None:
    from tdkt import workspace as wsmod

    state: dict[str, Any] = {}

    def init(step: Step) -> None:
        cfg = wsmod.load_config(src / "tdkt.toml")
        ws = wsmod.create(root, cfg)
        shutil.copy2(src / "tdkt.toml", root / "tdkt.toml")  # keep the commented original
        state["ws"] = wsmod.Workspace(root, cfg)
        step.detail = f"{cfg.council.name}, {cfg.council.members} thành viên"
        step.outputs = _rel(root, [ws.config_path])

    def new_round(plan: RoundPlan) -> Callable[[Step], None]:
        def go(step: Step) -> None:
            from tdkt import rounds

            url = state["ws"].database_url
            rnd = rounds.new_round(url, plan.id, plan.date, years=(plan.year,),
                                   members=state["ws"].config.council.members, title=plan.title)
            rounds.use_round(url, rnd.id)
            step.detail = f"họp ngày {rnd.date:%d/%m/%Y}, xét năm {plan.year}"
        return go

    def register_import(step: Step) -> None:
        from tdkt.register.importing import import_files

        res = import_files(state["ws"].database_url, [root / HISTORY_FILE])
        step.data = {"committed": res.committed, "rows": res.rows, "awards_added": res.awards_added,
                     "people_created": res.people_created, "errors": res.errors}
        if not res.committed:
            raise TdktError(f"Sổ không nhận tệp {HISTORY_FILE}: {res.errors} lỗi (xem 'tdkt register import').")
        step.detail = f"{res.awards_added} khen thưởng, {res.people_created} người/tập thể vào sổ"

    def validate(plan: RoundPlan) -> Callable[[Step], None]:
        def go(step: Step) -> None:
            fn = _validation_function()
            files = [root / f for f in plan.lists]
            doc = fn(files, plan.id)
            step.data = {"summary": doc.get("summary", {}),
                         "verdicts": {f"{n.get('name')}|{n.get('award')}": n.get("verdict")
                                      for n in doc.get("nominees", [])}}
            s = doc.get("summary", {})
            step.detail = (f"{s.get('nominees', '?')} hồ sơ: {s.get('pass', '?')} đạt, {s.get('fail', '?')} không đạt, "
                           f"{s.get('review', '?')} cần xem xét")
        return go

    def tally(step: Step) -> None:
        from tdkt.tally_run import run

        res = run([root / f for f in ROUND_1.ballots], session=ROUND_1.id)
        doc = res.document
        elected = [x.get("name") for x in doc.get("results", []) if x.get("passed") and x.get("elected") is not False]
        step.data = {"stored": res.stored, "ballots": doc.get("ballots"), "council": doc.get("council"),
                     "results": [{k: x.get(k) for k in ("name", "award", "agree", "required", "percent", "passed",
                                                        "elected")} for x in doc.get("results", [])]}
        if not res.stored:
            errs = [f.get("message") for f in doc.get("findings", []) if f.get("severity") == "error"]
            raise TdktError("Kết quả kiểm phiếu không được lưu: " + "; ".join(str(e) for e in errs[:3]))
        b = doc.get("ballots", {})
        step.detail = (f"{b.get('received')} phiếu ({b.get('written')} ý kiến bằng văn bản); "
                       f"được thông qua: {', '.join(str(e) for e in elected) or 'không ai'}")

    def issue(step: Step) -> None:
        from tdkt.register.issue import issue as fn

        symbol = state["ws"].config.numbering.decision.format(abbreviation=state["ws"].config.agency.abbreviation)
        done = []
        for award, number, date in DECISIONS:
            res = fn(state["ws"].database_url, ROUND_1.id, award, number, date, symbol=symbol,
                     signer=state["ws"].config.signers.decision.name or None)
            if not res.committed:
                raise TdktError(f"Không ghi được quyết định {number}/{symbol} ({award}) vào sổ.")
            done.append(f"{res.decision.number_text or number} ({len(res.awardees)} người/tập thể)")
        step.data = {"decisions": done}
        step.detail = "; ".join(done)

    def review(step: Step) -> None:
        from tdkt.review import settle

        url = state["ws"].database_url
        done = settle(url, ROUND_1.id, "reject", who=REVIEW[0], reason=REVIEW[1], by=REVIEW[2])
        capped = settle(url, ROUND_1.id, "accept", code=CAP_REVIEW[0], reason=CAP_REVIEW[1], by=REVIEW[2])
        step.data = {"cases": [c.to_dict() for c in (*done.cases, *capped.cases)]}
        names = ", ".join(dict.fromkeys(c.name for c in capped.cases))
        step.detail = (f"{REVIEW[0]}: Thường trực kết luận không đạt — {REVIEW[1]}; {names}: đạt — {CAP_REVIEW[1]}")

    def render(folder: str, after_issue: bool) -> Callable[[Step], None]:
        def go(step: Step) -> None:
            from tdkt.render import render_all

            rel = f"{DOCS_DIR}/{ROUND_1.id}" + (f"/{folder}" if folder else "")
            written = render_all(state["ws"], ROUND_1.id, root / rel, True)
            step.outputs = _rel(root, list(written))
            step.detail = (f"{len(written)} tệp trong {rel}/: " + (
                "các Quyết định mang số, ngày đã ghi vào sổ" if after_issue else
                "bản dự thảo — số và ngày của Quyết định để trống cho đến khi quyết định đã ký được ghi vào sổ "
                "(tdkt register issue); tdkt không tự cấp số văn bản"))
        return go

    def use_first(step: Step) -> None:
        from tdkt import rounds

        rounds.use_round(state["ws"].database_url, ROUND_1.id)
        step.detail = (f"đợt {ROUND_1.id}: có kết quả thẩm định, kiểm phiếu và quyết định đã ghi; "
                       f"'tdkt render minutes', 'tdkt render proposal' chạy được ngay trong thư mục này")

    r.run("init", "Tạo không gian làm việc (tdkt init)", init)
    r.run("session-2022-1", "Tạo đợt xét 2022-1", new_round(ROUND_1), needs=("init",))
    r.run("register-import", "Nhập lịch sử khen thưởng vào sổ", register_import, needs=("init",))
    r.run("validate-2022-1", "Thẩm định danh sách đề nghị đợt 2022-1", validate(ROUND_1),
          needs=("session-2022-1",))
    r.run("review-2022-1", "Thường trực xem xét trường hợp cần xem xét (tdkt review)", review,
          needs=("validate-2022-1",))
    r.run("tally-2022-1", "Kiểm phiếu đợt 2022-1", tally, needs=("validate-2022-1",))
    r.run("drafts-2022-1", "Soạn dự thảo văn bản đợt 2022-1", render(DRAFTS_DIR, False), needs=("validate-2022-1",))
    r.run("issue-2022-1", "Ghi quyết định đã ký vào sổ (tdkt register issue)", issue, needs=("tally-2022-1",))
    r.run("render-2022-1", "Soạn lại văn bản sau khi ghi quyết định đã ký", render("", True),
          needs=("issue-2022-1",))
    r.run("session-2023-1", "Tạo đợt xét 2023-1", new_round(ROUND_2), needs=("init",))
    r.run("validate-2023-1", "Thẩm định danh sách đề nghị đợt 2023-1 (có lịch sử trong sổ)", validate(ROUND_2),
          needs=("session-2023-1", "issue-2022-1"))
    r.run("use-2022-1", "Chọn lại đợt 2022-1 làm đợt hiện hành", use_first, needs=("session-2022-1",))


def _validation_function() -> Callable[[list[Path], str], dict[str, Any]]:
    """Validation of a round's lists through the library, returning the contract's JSON document."""
    from tdkt.validation import validate_files

    def go(files: list[Path], round_id: str) -> dict[str, Any]:
        return validate_files(files, session=round_id).to_dict()

    return go


# ------------------------------------------------------------------------------------------ report


def _print(result: DemoResult) -> None:
    from tdkt import console

    mark = {"ok": "✓", "skipped": "–", "failed": "✗"}
    console.info(f"Đợt xét mẫu của Hội đồng Thi đua - Khen thưởng tỉnh Hải Đông (dữ liệu hư cấu) tại {result.root}")
    for s in result.steps:
        note = f": {s.detail}" if s.detail else ""
        console.info(f"  {mark[s.status]} {s.title}{note}")
    docs = [o for s in result.steps for o in s.outputs if o.startswith(DOCS_DIR + "/")]
    if docs:
        console.info("Văn bản đã soạn:")
        for d in docs:
            console.info(f"  {result.root / d}")
    console.info(f"Không gian làm việc: {result.root} — đợt hiện hành {ROUND_1.id} (cd vào đó rồi chạy "
                 "'tdkt session show', 'tdkt render minutes', 'tdkt review list', 'tdkt register search …')")
    console.info(f"Hướng dẫn từng lệnh: {result.root / 'README.md'}; tóm tắt máy đọc: {result.root / SUMMARY}")


def run_demo(out: Path | None) -> None:
    """``tdkt demo``: run the example round, print a Vietnamese summary and where the outputs are.

    Raises:
        WorkspaceError: ``out`` is not empty and not a former demo (exit 3, nothing written).
        DemoError: a step failed (exit 4): the steps after it still ran and the summary says which.
    """
    result = run(out)
    _print(result)
    if result.failed:
        names = ", ".join(f"'{s.title}'" for s in result.failed)
        raise DemoError(f"Bản demo có {len(result.failed)} bước lỗi ({names}); xin báo lỗi cho nhóm phát triển.")

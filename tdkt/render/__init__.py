"""The documents of a round — Quyết định, Tờ trình, Biên bản kiểm phiếu, Báo cáo tổng hợp — as
.docx (docxtpl), .pdf (LibreOffice), .html (a quick look) and .xlsx (the report).

Everything is rendered in memory first; files are written only when every document of the
request rendered, and an existing file is replaced only with ``force``.
"""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tdkt.errors import InputError, TemplateError, UsageError, WorkspaceError

if TYPE_CHECKING:
    from tdkt.render.coverage import Coverage
    from tdkt.render.round_data import RoundData
    from tdkt.workspace import Workspace

__all__ = ["FORMATS", "KINDS", "Rendered", "render", "render_all", "render_document", "template_path"]

KINDS = ("decision", "proposal", "minutes", "report")
FORMATS = ("docx", "pdf", "html", "xlsx")
FILE_STEMS = {"decision": "quyet-dinh", "proposal": "to-trinh", "minutes": "bien-ban-kiem-phieu", "report": "bao-cao"}


def template_path(name: str, ws: Workspace | None = None) -> Path:
    """The workspace's ``templates/<name>`` when it exists, else the bundled template."""
    if ws is not None:
        user = ws.templates_dir / name
        if user.is_symlink() or user.is_file():
            # A link may point to another file of templates/, never out of it (to any file of the machine,
            # copied into the documents): a shared workspace folder must not carry that.
            home = ws.templates_dir.resolve()
            real = user.resolve()
            if not real.is_relative_to(home):
                raise TemplateError(f"Mẫu {user} là liên kết tới một tệp ngoài thư mục templates/ ({real}); tdkt "
                                    "chỉ dùng mẫu nằm trong templates/ của không gian làm việc. Không ghi tệp nào.",
                                    code="render.template-outside")
            if real.is_file():
                return user
    bundled = Path(str(resources.files("tdkt").joinpath("templates", name)))
    if not bundled.is_file():
        raise TemplateError(f"Không có mẫu văn bản {name}.")
    return bundled


def _docx(kind: str, stem: str, ctx: dict[str, Any], ws: Workspace | None) -> bytes:
    """The document's .docx bytes, its context in official typography; a value that had characters
    XML cannot hold (``docx.document_safe`` removes them) is named in one warning line on stderr."""
    from tdkt.render.docx import render_docx

    dropped: list[str] = []
    data = render_docx(template_path(f"{kind}.docx", ws), ctx,
                       rows_key="annex" if kind in ("decision", "proposal") else None, dropped=dropped)
    _warn_dropped(stem, dropped)
    return data


def _warn_dropped(stem: str, dropped: list[str]) -> None:
    """One warning line naming the values that lost characters (``docx.xml_safe``)."""
    if dropped:
        from tdkt import console

        values = list(dict.fromkeys(dropped))
        shown = "; ".join(f"«{v}»" for v in values[:5]) + (f" và {len(values) - 5} giá trị khác" if len(values) > 5 else "")
        console.warn(f"{stem}: đã bỏ ký tự không ghi được vào văn bản (ký tự điều khiển, vô hình) khỏi {len(values)} "
                     f"giá trị (kiểm tra lại dữ liệu nguồn): {shown}")


def _html(docx: bytes, title: str, meta: str, ws: Workspace | None) -> bytes:
    from tdkt.output import read_reason
    from tdkt.render.docx import blocks, bundled, environment
    from tdkt.render.sandbox import RENDER_SECONDS, failure, time_limit

    path = template_path("document.html.j2", ws)
    try:
        source = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise TemplateError(f"Mẫu {path} không phải văn bản UTF-8 (byte lỗi ở vị trí {exc.start}); "
                            "không ghi tệp nào.") from exc
    except OSError as exc:
        raise TemplateError(f"Không mở được mẫu văn bản {path}: {read_reason(exc)}; không ghi tệp nào.") from exc
    user = not bundled(path)
    env = environment(limited=user)
    try:
        with time_limit(RENDER_SECONDS if user else None):
            template = env.from_string(source)
            text = str(template.render(title=title, meta=meta, blocks=blocks(docx)))
    except (Exception, RecursionError, MemoryError) as exc:
        error = failure(path, exc, env=env, docx=False, user=user)
        if error is None:
            raise
        raise error from exc
    return text.encode("utf-8")


def _contexts(kind: str, data: RoundData, award: str | None, draft: bool) -> list[tuple[str, dict[str, Any]]]:
    """(file stem, context) for each document of ``kind``."""
    from tdkt.render import context as c

    rid = data.round.id
    stem = FILE_STEMS[kind]
    if kind == "decision":
        awards = [award] if award else c.decision_awards(data)
        if award:
            _authority_check(award, data)
        if not awards:
            raise WorkspaceError(f"Đợt {rid} không có khen thưởng nào thuộc thẩm quyền quyết định đạt để soạn Quyết định.")
        return [(f"{stem}_{rid}_{a}", c.decision_context(data, a, draft=draft)) for a in awards]
    suffix = f"_{award}" if award else ""
    return [(f"{stem}_{rid}{suffix}", c.BUILDERS[kind](data, award, draft=draft))]


def _check_missing(contexts: list[tuple[str, dict[str, Any]]], draft: bool) -> None:
    """Refuse (exit 3, nothing written) documents that lack a value only the workspace can give — the
    signer's name, the province above… — naming each key to set; with ``draft`` say what is a blank."""
    from tdkt import console
    from tdkt.render.context import Missing

    missing: dict[str, Missing] = {}
    for _stem, ctx in contexts:
        for m in ctx.pop("missing", []):
            missing.setdefault(m.key, m)
    if not missing:
        return
    listed = "; ".join(f"{m.what} (khóa {m.key} trong tdkt.toml)" for m in missing.values())
    if draft:
        console.warn(f"Bản dự thảo còn chỗ trống: {listed}.")
        return
    raise WorkspaceError(
        f"Chưa soạn được văn bản để ký vì còn thiếu: {listed}. Đặt các khóa đó rồi chạy lại, hoặc dùng --draft để "
        "soạn bản dự thảo có chỗ trống; không ghi tệp nào.",
        code="render.missing-value",
    )


def _authority_check(award: str, data: RoundData) -> None:
    from tdkt.render import context as c

    if not c.decided_here(award, data):
        raise UsageError(
            f"{c.award_name(data, award)} không thuộc thẩm quyền quyết định của người đứng đầu cấp này; "
            "dùng 'tdkt render proposal' để soạn Tờ trình đề nghị cấp trên."
        )


def _outputs(kind: str, data: RoundData, award: str | None, fmt: str, ws: Workspace | None,
             draft: bool = False) -> dict[str, bytes]:
    from tdkt.render.docx import document_safe

    if fmt == "xlsx" and kind != "report":
        raise UsageError("Dạng xlsx chỉ dùng cho báo cáo tổng hợp (tdkt render report --format xlsx).")
    contexts = _contexts(kind, data, award, draft)
    _check_missing(contexts, draft)
    out: dict[str, bytes] = {}
    for stem, raw in contexts:
        if fmt == "xlsx":
            from tdkt.render.xlsx import report_xlsx

            dropped: list[str] = []
            ctx = document_safe(raw, dropped)
            _warn_dropped(stem, dropped)
            out[f"{stem}.xlsx"] = report_xlsx(ctx, data)
            continue
        docx = _docx(kind, stem, raw, ws)  # render_docx gives the context official typography (document_safe)
        if fmt == "html":
            meta = f"tdkt {raw['tdkt_version']}; bộ tiêu chí {raw['ruleset_label']}"
            out[f"{stem}.html"] = _html(docx, document_safe(raw["doc_title"]), document_safe(meta), ws)
        else:
            out[f"{stem}.docx"] = docx
    if fmt == "pdf":
        from tdkt.render.pdf import to_pdf

        out = to_pdf(out)
    return out


def _write(files: dict[str, bytes], out_dir: Path, force: bool) -> list[Path]:
    """The documents into ``out_dir``, all or none, under the output policy (:mod:`tdkt.output`)."""
    from tdkt import output as policy

    targets: dict[Path, policy.Content] = {}
    for name, data in files.items():
        target = out_dir / name
        if target.parent != out_dir or name in ("", ".", ".."):
            # file names come from round and award ids; an id with a separator must never leave out_dir
            raise UsageError(f"Tên văn bản '{name}' không hợp lệ (có ký tự phân cách thư mục); không ghi gì.")
        targets[target] = data
    return policy.write(targets, force=force)


def render_document(
    kind: str, *, workspace: Workspace, round_id: str | None, award: str | None, fmt: str, out_dir: Path, force: bool,
    draft: bool = False,
) -> list[Path]:
    """Render one kind of document of a round into ``out_dir``; returns the files written.

    Args:
        kind: decision | proposal | minutes | report.
        round_id: the round (default: the workspace's current one).
        award: only this award (a decision is one per award; without it, every award in authority).
        fmt: docx | pdf | html | xlsx (xlsx: report only).
        force: replace existing files.
        draft: a draft ("(Dự thảo)" under the number); a value the workspace lacks (the signer's
            name…) becomes a visible placeholder instead of a refusal.

    Raises:
        UsageError: a kind/format that does not exist or does not fit.
        TemplateError: a broken template or one needing data the round lacks (nothing written).
        InputError, WorkspaceError: the round has no results for this document, or (without
            ``draft``) the document lacks a value only tdkt.toml can give (named, nothing written).
    """
    from tdkt.render.round_data import load
    from tdkt.util import no_gc

    if kind not in KINDS:
        raise UsageError(f"Loại văn bản '{kind}' không có: chọn {', '.join(KINDS)}.")
    if fmt not in FORMATS:
        raise UsageError(f"Dạng '{fmt}' không có: chọn {', '.join(FORMATS)}.")
    with no_gc():  # a dict per nominee and per row of the attached list: see tdkt.util.no_gc
        data = load(workspace, round_id)
        files = _outputs(kind, data, award, fmt, workspace, draft)
    return _write(files, out_dir, force)


@dataclass(frozen=True)
class Rendered:
    """What ``tdkt render`` did: the files written (none for ``json``) and who is in and out of each
    document, with what is still blank (:mod:`tdkt.render.coverage`)."""

    paths: list[Path]
    coverage: Coverage


def render(
    kind: str, *, workspace: Workspace, round_id: str | None, award: str | None, fmt: str, out_dir: Path, force: bool,
    draft: bool = False,
) -> Rendered:
    """Render one kind of document of a round, and say what it did (``tdkt render``).

    ``fmt`` may also be ``json``: nothing is written, only the account of who each document would
    name, who it leaves out and why, and what it leaves blank. When no document of the kind can be
    made, the error says why (the reasons the nominees of its awards were left out).

    Raises: as :func:`render_document`.
    """
    from tdkt.render.coverage import REASONS, coverage
    from tdkt.render.round_data import load
    from tdkt.util import no_gc

    if kind not in KINDS:
        raise UsageError(f"Loại văn bản '{kind}' không có: chọn {', '.join(KINDS)}.")
    if fmt not in (*FORMATS, "json"):
        raise UsageError(f"Dạng '{fmt}' không có: chọn {', '.join(FORMATS)} hoặc json.")
    with no_gc():  # as in render_document
        data = load(workspace, round_id)
        account = coverage(kind, data, award)
        if fmt == "json":
            if award and kind == "decision":
                _authority_check(award, data)  # the same refusal as a real render
            return Rendered([], account)
        try:
            files = _outputs(kind, data, award, fmt, workspace, draft)
        except (InputError, WorkspaceError) as exc:
            left = Counter(e.reason for d in account.documents for e in d.excluded)
            left.update(e.reason for e in account.elsewhere)
            if not left or exc.code == "render.missing-value":
                raise
            why = ", ".join(f"{n} {REASONS.get(r or '', r)}" for r, n in left.most_common())
            raise type(exc)(f"{exc.message} Những người/tập thể của văn bản này: {why} "
                            f"(chi tiết: tdkt render {kind} --format json).", code=exc.code) from None
    return Rendered(_write(files, out_dir, force), account)


def render_all(workspace: Workspace, round_id: str | None, out_dir: Path, force: bool, draft: bool = False) -> list[Path]:
    """Every document the round has data for (the decisions, the proposal, the minutes, the report
    as .docx and .xlsx) — what ``tdkt demo`` produces. Nothing is written if one fails."""
    from tdkt.render.context import decision_awards, proposal_awards
    from tdkt.render.round_data import load
    from tdkt.util import no_gc

    files: dict[str, bytes] = {}
    with no_gc():  # as in render_document
        data = load(workspace, round_id)
        if decision_awards(data):
            files.update(_outputs("decision", data, None, "docx", workspace, draft))
        if proposal_awards(data):
            files.update(_outputs("proposal", data, None, "docx", workspace, draft))
        if data.tallies:
            files.update(_outputs("minutes", data, None, "docx", workspace, draft))
        files.update(_outputs("report", data, None, "docx", workspace, draft))
        files.update(_outputs("report", data, None, "xlsx", workspace, draft))
    return _write(files, out_dir, force)


def docx_text(data: bytes | Path) -> str:
    """The text projection of a .docx ("P: …", "T[r,c]: …"), for checks and golden tests."""
    from tdkt.render.docx import project

    return project(data if isinstance(data, Path) else io.BytesIO(data).getvalue())

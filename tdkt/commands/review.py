"""`tdkt review …`: the Thường trực settles the "Cần xem xét" cases of a round."""

import shlex
from typing import TYPE_CHECKING, Annotated

import typer

from tdkt import vocab
from tdkt.commands.app import App
from tdkt.commands.common import AwardOpt, FormatOpt, SessionOpt, TableJson

if TYPE_CHECKING:
    from tdkt.review import Case, Settled

app = App(
    help="Thường trực xem xét các trường hợp 'Cần xem xét' của đợt: liệt kê, chấp nhận đạt hoặc không đạt "
    "(kèm lý do và người quyết định), bỏ quyết định đã ghi.",
)

WhoArg = Annotated[
    str | None,
    typer.Argument(metavar="NGƯỜI", help="Họ tên người/tập thể, hoặc tệp:dòng (vd danh-sach.xlsx:12)."),
]
CodeOpt = Annotated[
    str | None,
    typer.Option("--code", metavar="MÃ", help="Mã lý do: quyết định cho mọi trường hợp cần xem xét vì lý do này (xem 'tdkt review list')."),
]
ReasonOpt = Annotated[str, typer.Option("--reason", metavar="LÝ_DO", help="Lý do của quyết định (ghi vào đợt, sổ nhật ký và Báo cáo).")]
ByOpt = Annotated[str, typer.Option("--by", metavar="NGƯỜI_QUYẾT_ĐỊNH", help="Người quyết định, vd 'Phó Chủ tịch Thường trực Nguyễn Văn A'.")]
ForceOpt = Annotated[bool, typer.Option("--force", help="Ghi đè quyết định xem xét đã có (quyết định cũ giữ trong lịch sử).")]


def _round(session: str | None) -> tuple[str, str]:
    from tdkt import rounds, workspace

    ws = workspace.require()
    return ws.database_url, rounds.get_round(ws.database_url, session).id


@app.command("list")
def list_(
    session: SessionOpt = None,
    open_only: Annotated[bool, typer.Option("--open", help="Chỉ các trường hợp chưa xem xét.")] = False,
    fmt: FormatOpt = TableJson.table,
) -> None:
    """Liệt kê các trường hợp cần xem xét của đợt, với lý do và quyết định của Thường trực (nếu đã có)."""
    from collections import Counter

    from tdkt import console
    from tdkt.review import cases

    url, rid = _round(session)
    found = [c for c in cases(url, rid) if not open_only or c.status == "open"]
    if fmt is TableJson.json:
        console.print_json({"schema_version": 1, "session": rid, "cases": [c.to_dict() for c in found]})
        return
    if not found:
        console.info(f"Đợt {rid} không có trường hợp nào cần xem xét{' còn mở' if open_only else ''}.")
        return
    console.info(f"Các trường hợp cần xem xét — đợt {rid}:")
    for i, c in enumerate(found, 1):
        decided = c.now.get("review")
        state = vocab.REVIEW_STATUS[c.status] + (f" — {decided['reason']} ({decided['by']})" if decided else "")
        console.info(console.escape(f"{i}. {c.label()}: {state}"))
        for f in c.reasons:
            console.info(console.escape(f"   - {f.get('message')}"))
    still = [c for c in found if c.status == "open"]
    console.info(f"Còn mở: {len(still)}/{len(found)} trường hợp.")
    codes = Counter(code for c in still for code in dict.fromkeys(str(f.get("code")) for f in c.reasons))
    if codes:
        console.info("Quyết định cho mọi trường hợp cùng một lý do: tdkt review accept|reject --code MÃ --reason … --by …")
        for code, count in codes.most_common():
            console.info(console.escape(f"  {code}: {count} trường hợp"))


def _decide(decision: str, who: str | None, code: str | None, award: str | None, reason: str, by: str,
            session: str | None, force: bool, fmt: TableJson) -> None:
    from tdkt.review import settle

    url, rid = _round(session)
    done = settle(url, rid, decision, who=who, code=code, award=award, reason=reason, by=by,  # type: ignore[arg-type]
                  force=force, command=_command(decision, rid, who, code, award, force, reason=reason, by=by))
    _show(rid, done, fmt)


def _command(action: str, rid: str, who: str | None, code: str | None, award: str | None, force: bool,
             **options: str) -> str:
    """The command line for the audit log."""
    args = ["tdkt", "review", action, *([who] if who else []), "--session", rid]
    for name, value in (("--code", code), ("--award", award), *((f"--{k}", v) for k, v in options.items())):
        if value:
            args += [name, value]
    return shlex.join(args + (["--force"] if force else []))


def _decision_command(decision: str, doc: str) -> None:
    """``review accept`` and ``review reject``: the same options, one decision each."""

    def command(
        who: WhoArg = None,
        code: CodeOpt = None,
        reason: ReasonOpt = "",
        by: ByOpt = "",
        award: AwardOpt = None,
        session: SessionOpt = None,
        force: ForceOpt = False,
        fmt: FormatOpt = TableJson.table,
    ) -> None:
        _decide(decision, who, code, award, reason, by, session, force, fmt)

    command.__doc__ = doc
    app.command(decision)(command)


_decision_command("accept", "Thường trực chấp nhận: trường hợp được coi là đạt thẩm định, vào phiếu bầu và văn bản.")
_decision_command("reject", "Thường trực kết luận không đạt: trường hợp không vào văn bản, lý do ghi vào Báo cáo.")


@app.command("undo")
def undo(
    who: WhoArg = None,
    code: CodeOpt = None,
    award: AwardOpt = None,
    session: SessionOpt = None,
    force: Annotated[bool, typer.Option("--force", help="Bỏ cả khi quyết định khen thưởng đã ghi vào sổ.")] = False,
    fmt: FormatOpt = TableJson.table,
) -> None:
    """Bỏ quyết định xem xét đã ghi: trường hợp trở lại 'Cần xem xét' (lịch sử vẫn giữ)."""
    from tdkt.review import undo as undo_

    url, rid = _round(session)
    done = undo_(url, rid, who=who, code=code, award=award, force=force,
                 command=_command("undo", rid, who, code, award, force))
    _show(rid, done, fmt)


def _show(rid: str, done: "Settled", fmt: TableJson) -> None:
    from tdkt import console

    if fmt is TableJson.json:
        console.print_json({**done.to_dict(), "session": rid})
        return
    verb = {"accept": "chấp nhận đạt", "reject": "kết luận không đạt", "undo": "bỏ quyết định xem xét"}[done.action]
    console.info(f"Đợt {rid}: Thường trực {verb} — {len(done.cases)} trường hợp:")
    for c in done.cases:
        console.info(console.escape(f"  {c.label()}: {_state(c)}"))


def _state(c: "Case") -> str:
    if c.status == "open":
        return "cần xem xét"
    return vocab.REVIEW_STATUS[c.status]

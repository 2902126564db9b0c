"""`tdkt tally`: count the council's ballots against the thresholds of the law and the overlay."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from tdkt import vocab
from tdkt.commands.common import AwardOpt, ForceOpt, FormatOpt, SessionOpt, TableJson

if TYPE_CHECKING:
    from tdkt.tally_run import TallyRun

STATUS_VN = {k: vocab.cap(v) for k, v in vocab.TALLY_STATUS.items()}
SEVERITY_VN = {k: vocab.cap(v) for k, v in vocab.SEVERITY.items()}


def tally(
    ballots: Annotated[list[Path], typer.Argument(metavar="TỆP_PHIẾU...", help="Tệp phiếu bầu (.csv, .xlsx).")],
    session: SessionOpt = None,
    members: Annotated[int | None, typer.Option("--members", help="Số thành viên Hội đồng (mẫu số).")] = None,
    award: AwardOpt = None,
    threshold: Annotated[
        str | None,
        typer.Option(
            "--threshold",
            metavar="TỶ_LỆ",
            help="Tỷ lệ đồng ý cần đạt, trên tổng số thành viên (vd 80, 2/3, >50); không thấp hơn tỷ lệ pháp luật hoặc quy chế "
            "quy định (mã 3 nếu thấp hơn). Trong một đợt xét, tỷ lệ pháp luật giao Hội đồng phải đặt trong quy chế, không "
            "bằng tùy chọn này.",
        ),
    ] = None,
    verify: Annotated[
        Path | None, typer.Option("--verify", help="Bản nhập thứ hai của cùng các phiếu, để đối chiếu.")
    ] = None,
    fmt: FormatOpt = TableJson.table,
    force: ForceOpt = False,
) -> None:
    """Kiểm phiếu bầu của Hội đồng: tỷ lệ đồng ý trên TỔNG SỐ thành viên, ngưỡng theo từng hình thức.

    Dấu: x, 1, ✓, "đồng ý" là đồng ý; 0, "không", "không đồng ý" là không đồng ý; ô trống, "không ý
    kiến" là để trống; dấu khác là không hợp lệ (có cảnh báo, không bao giờ được đoán). Xem docs/ballots.md.
    """
    from tdkt import console
    from tdkt.commands.common import readable
    from tdkt.tally_run import run

    readable(*ballots, verify)
    done = run(
        ballots,
        session=session,
        members=members,
        award=award,
        threshold=threshold,
        verify=verify,
        force=force,
    )
    if fmt is TableJson.json:
        console.print_json({**done.document, "stored": done.saved.to_dict()} if done.saved else done.document)
    else:
        _show(done)
    raise typer.Exit(0 if done.result.ok else 1)


def _show(done: "TallyRun") -> None:
    from tdkt import console
    from tdkt.tally import percent

    r = done.result
    rows = [
        [i, x.name, done.award_names.get(x.award, x.award) if x.award else "", x.agree, x.disagree, x.blank, x.invalid,
         percent(x.agree, x.denominator, ","), x.required if x.required is not None else "—",
         STATUS_VN[x.status] + ("" if x.elected is not False or not x.passed else " (ngoài chỉ tiêu)")]
        for i, x in enumerate(r.results, 1)
    ]  # fmt: skip
    title = f"Kết quả kiểm phiếu{' đợt ' + done.session if done.session else ''}"
    C = console.Col
    cols = [C("STT", "short", right=True), C("Người/tập thể", "name", priority=3), C("Hình thức", "name", priority=0),
            C("Đồng ý", "short", right=True), C("Không đồng ý", "short", right=True),
            C("Trống", "short", right=True), C("Không hợp lệ", "short", right=True),
            C("Tỷ lệ %", "short", right=True), C("Cần", "short", right=True), C("Kết quả", "short", priority=3)]
    console.show(console.table(title, cols, rows))
    console.info(
        f"Hội đồng {r.members} thành viên; có mặt {r.present}; nhận {r.received} phiếu "
        f"({r.written} ý kiến bằng văn bản), {r.valid} hợp lệ, {r.invalid} không hợp lệ."
    )
    for f in r.findings:
        where = f" [{f.cell}]" if f.cell else ""
        console.info(f"{SEVERITY_VN[f.severity.value]}: {console.escape(f.message)}{console.escape(where)}")
    if done.saved is not None and done.saved.action == "unchanged":
        console.info(f"Đợt {done.session} đã có đúng kết quả kiểm phiếu này (cùng các phiếu); không lưu lại.")
    elif done.saved is not None and done.saved.action == "replaced":
        console.info(f"Đã lưu kết quả vào đợt {done.session}, thay kết quả kiểm phiếu trước của cùng hình thức "
                     "(kết quả cũ giữ trong lịch sử).")
    elif done.stored:
        console.info(f"Đã lưu kết quả vào đợt {done.session}.")
    elif done.session and not r.ok:
        console.info(f"Không lưu kết quả vào đợt {done.session} vì còn lỗi.")

"""`tdkt session …`: review rounds (đợt xét) of the workspace."""

import datetime as dt
from pathlib import PurePath
from typing import Annotated

import typer

from tdkt import vocab
from tdkt.commands.app import App
from tdkt.commands.common import FormatOpt, TableJson, award_option, date_option


def pack_title(ref: str | None) -> str:
    """The legal regime a stored run was checked under ("nd91-2017@3" → its title), for people."""
    if not ref:
        return ""
    from tdkt.ruleset import builtin_ids, load_ruleset

    pack, _, version = ref.partition("@")
    if pack not in builtin_ids():
        return pack
    title = load_ruleset(pack).title
    return f"{title} (phiên bản {version})" if version else title


app = App(help="Quản lý đợt xét khen thưởng (vd 2022-1 = đợt 1 năm 2022).")


@app.command("new")
def new(
    round_id: Annotated[str, typer.Argument(metavar="MÃ_ĐỢT", help="Mã đợt: NĂM-SỐ ĐỢT, vd 2022-1.")],
    date: Annotated[dt.date, date_option("--date", help="Ngày họp Hội đồng")],
    year: Annotated[list[int] | None, typer.Option("--year", help="Năm thành tích được xét (lặp lại nếu nhiều năm); mặc định năm trước năm họp.")] = None,
    members: Annotated[int | None, typer.Option("--members", help="Số thành viên Hội đồng; mặc định lấy từ tdkt.toml.")] = None,
    title: Annotated[str | None, typer.Option("--title", help="Tên đợt, vd 'Tổng kết năm 2021'.")] = None,
    use: Annotated[bool, typer.Option("--use/--no-use", help="Đặt làm đợt hiện hành.")] = True,
) -> None:
    """Tạo đợt xét mới trong sổ."""
    from tdkt import console, rounds, workspace

    ws = workspace.require()
    rid = rounds.parse_round_id(round_id)
    rnd = rounds.new_round(
        ws.database_url,
        rid,
        date,
        years=tuple(year or ()),
        members=members if members is not None else ws.config.council.members,
        title=title,
    )
    if use:
        rounds.use_round(ws.database_url, rnd.id)
    console.info(f"Đã tạo đợt {rnd.id}: họp ngày {rnd.date:%d/%m/%Y}, xét năm {', '.join(map(str, rnd.years))}, "
                 f"{rnd.members or '?'} thành viên Hội đồng{' (đợt hiện hành)' if use else ''}.")


@app.command("list")
def list_(fmt: FormatOpt = TableJson.table) -> None:
    """Liệt kê các đợt xét."""
    from tdkt import console, rounds, workspace

    ws = workspace.require()
    items = rounds.list_rounds(ws.database_url)
    current = rounds.current_id(ws.database_url)
    if fmt == TableJson.json:
        console.print_json({"schema_version": 1, "current": current, "sessions": [
            {"id": r.id, "date": r.date.isoformat(), "years": list(r.years), "members": r.members, "title": r.title}
            for r in items]})
        return
    if not items:
        console.info("Chưa có đợt xét nào. Tạo bằng: tdkt session new 2022-1 --date 25/04/2022")
        return
    C = console.Col
    console.show(console.table("Các đợt xét (* là đợt hiện hành)", [
        C("", "short"), C("Mã đợt", "short", priority=3), C("Ngày họp", "short"), C("Năm xét", "short"),
        C("Thành viên", "short", right=True), C("Tên", "text")], [
        ["*" if r.id == current else "", r.id, f"{r.date:%d/%m/%Y}", ", ".join(map(str, r.years)), r.members, r.title]
        for r in items]))


@app.command("show")
def show(
    round_id: Annotated[str | None, typer.Argument(metavar="MÃ_ĐỢT", help="Mã đợt; mặc định đợt hiện hành.")] = None,
    fmt: FormatOpt = TableJson.table,
) -> None:
    """Xem một đợt xét: các danh sách đề nghị (số hồ sơ của từng tệp), kết quả kiểm phiếu hiện hành
    của từng hình thức, các trường hợp Thường trực đã xem xét, và lịch sử kết quả đã lưu."""
    from tdkt import console, rounds, workspace

    ws = workspace.require()
    url = ws.database_url
    rnd = rounds.get_round(url, round_id)
    stored = rounds.runs(url, rnd.id, current_only=False, nominees=False)
    validation = rounds.current_validation(url, rnd.id)
    files = validation.files if validation else []
    tallies = rounds.current_tallies(url, rnd.id)
    settled = rounds.settlements(url, rnd.id)
    if fmt == TableJson.json:
        console.print_json({
            "schema_version": 1, "id": rnd.id, "date": rnd.date.isoformat(), "years": list(rnd.years),
            "members": rnd.members, "title": rnd.title,
            "files": [f.to_dict() for f in files],
            "summary": validation.document["summary"] if validation else None,
            "tallies": [{"run": t.id, "awards": t.payload.get("awards", []), "inputs": t.inputs,
                         "created_at": t.created_at.isoformat()} for t in tallies],
            "reviews": [s.to_dict() for s in settled],
            "runs": [{"id": r.id, "kind": r.kind, "award": r.award, "created_at": r.created_at.isoformat(),
                      "current": r.current, "ruleset": r.ruleset, "inputs": r.inputs} for r in stored]})
        return
    console.info(f"Đợt {rnd.id}{' — ' + rnd.title if rnd.title else ''}")
    console.info(f"  Ngày họp: {rnd.date:%d/%m/%Y}")
    console.info(f"  Năm xét: {', '.join(map(str, rnd.years))}")
    console.info(f"  Thành viên Hội đồng: {rnd.members if rnd.members is not None else 'chưa đặt'}")
    if not stored:
        console.info("  Chưa có kết quả thẩm định hay kiểm phiếu nào được lưu.")
        return
    from tdkt.commands.common import award_name as name

    C = console.Col
    if validation is not None:
        total = validation.document["summary"]
        console.show(console.table(
            f"Danh sách đề nghị ({len(files)} tệp, {total['nominees']} hồ sơ)",
            [C("Số", "short", right=True), C("Tệp", "code", priority=3), C("Hồ sơ", "short", right=True),
             C("Đạt", "short", right=True), C("Không đạt", "short", right=True),
             C("Cần xem xét", "short", right=True), C("Thẩm định lúc", "short")],
            [[i, f.name, f.summary.get("nominees", 0), f.summary.get("pass", 0), f.summary.get("fail", 0),
              f.summary.get("review", 0), f"{f.run.created_at:%d/%m/%Y %H:%M}"] for i, f in enumerate(files, 1)]))
        console.info(f"  Sau khi Thường trực xem xét: Đạt {total['pass']}, Không đạt {total['fail']}, "
                     f"Cần xem xét {total['review']}.")
    if tallies:
        console.show(console.table("Kiểm phiếu hiện hành", [C("Khen thưởng", "name"), C("Tệp phiếu", "code"),
                                                             C("Lúc", "short")], [
            [", ".join(name(a) for a in t.payload.get("awards", []) if a) or "(không ghi khen thưởng)",
             ", ".join(PurePath(i["path"]).name + (" (nhập lần 2)" if i.get("role") == "verify" else "")
                       for i in t.inputs), f"{t.created_at:%d/%m/%Y %H:%M}"] for t in tallies]))
    if settled:
        console.show(console.table("Thường trực đã xem xét", [
            C("Người/tập thể", "name", priority=3), C("Khen thưởng", "name"), C("Quyết định", "short"),
            C("Lý do", "note"), C("Người quyết định", "name"), C("Lúc", "short")], [
            [s.name, s.award_name, "chấp nhận đạt" if s.decision == "accept" else "không đạt",
             s.reason, s.by, f"{s.at:%d/%m/%Y %H:%M}"] for s in settled]))
    console.show(console.table("Lịch sử kết quả đã lưu", [
        C("Số", "short", right=True), C("Việc", "short", priority=3), C("Khen thưởng", "name"), C("Tệp", "code"),
        C("Lúc", "short"), C("Hiện hành", "short"), C("Bộ tiêu chí", "note")], [
        [r.id, vocab.cap(vocab.RUN.get(r.kind, r.kind)), name(r.award) if r.award else "", ", ".join(PurePath(i["path"]).name
                                                                                     for i in r.inputs),
         f"{r.created_at:%d/%m/%Y %H:%M}", "có" if r.current else "lịch sử", pack_title(r.ruleset)]
        for r in stored]))


@app.command("set")
def set_(
    round_id: Annotated[str | None, typer.Argument(metavar="MÃ_ĐỢT", help="Mã đợt; mặc định đợt hiện hành.")] = None,
    proposer: Annotated[str | None, typer.Option("--proposer", help="Người trình Quyết định: 'Theo đề nghị của …' (vd Giám đốc Sở Nội vụ); mặc định như tdkt.toml.")] = None,
    proposal_number: Annotated[str | None, typer.Option("--proposal-number", help="Số Tờ trình của người trình (vd 125/TTr-SNV).")] = None,
    proposal_date: Annotated[dt.date | None, date_option("--proposal-date", help="Ngày Tờ trình đó")] = None,
    request: Annotated[list[str] | None, typer.Option("--request", help="Đề nghị của đơn vị, dòng 'Xét đề nghị của …' (lặp lại nếu nhiều), vd 'Giám đốc Sở Tư pháp tại Tờ trình số 27/TTr-STP ngày 28/9/2022'.")] = None,
    achievement: Annotated[str | None, typer.Option("--achievement", help="Thành tích nêu ở Điều 1 (đợt chuyên đề, đột xuất…), vd 'đã có thành tích xuất sắc trong 10 năm triển khai Luật Phổ biến, giáo dục pháp luật'.")] = None,
    award: Annotated[str | None, award_option(help="Thành tích ở --achievement chỉ cho khen thưởng này (tên hoặc mã; xem tdkt rules awards).")] = None,
    period: Annotated[str | None, typer.Option("--period", help="Thời gian thành tích, vd 'từ năm 2017 đến năm 2021' hoặc 'năm học 2021-2022'.")] = None,
    chair: Annotated[str | None, typer.Option("--chair", help="Người chủ trì cuộc họp (Biên bản), vd 'ông Nguyễn Văn A, Chủ tịch UBND tỉnh, Chủ tịch Hội đồng'.")] = None,
    start_time: Annotated[str | None, typer.Option("--start-time", metavar="GIỜ", help="Giờ bắt đầu cuộc họp (Biên bản), vd 14:00 hoặc 14h30.")] = None,
    end_time: Annotated[str | None, typer.Option("--end-time", metavar="GIỜ", help="Giờ kết thúc kiểm phiếu (Biên bản), vd 16:30.")] = None,
    clear: Annotated[bool, typer.Option("--clear", help="Bỏ mọi nội dung đã đặt trước khi đặt lại.")] = False,
) -> None:
    """Đặt nội dung văn bản riêng của đợt: Tờ trình của người trình, đề nghị của đơn vị, thành tích ở Điều 1, thời gian, người chủ trì, giờ họp.

    Mỗi lần đặt được lưu vào đợt (lần trước giữ trong lịch sử); điều không nêu giữ nguyên; chuỗi rỗng bỏ điều đó.
    """
    from tdkt import console, rounds, workspace
    from tdkt.commands.common import award_name
    from tdkt.render import settings

    ws = workspace.require()
    rnd = rounds.get_round(ws.database_url, round_id)
    data = settings.update(
        ws.database_url, rnd.id, proposer=proposer, proposal_number=proposal_number,
        proposal_date=proposal_date,
        requests=request, achievement=achievement, award=award,
        period=period, chair=chair, start=start_time, end=end_time, clear=clear,
    )
    console.info(f"Đã lưu nội dung văn bản của đợt {rnd.id}:")
    req = data.get("request") or {}
    if req:
        console.info(f"  Theo đề nghị của: {req.get('by') or ws.config.agency.proposer or '(theo tdkt.toml)'}"
                     + (f" tại Tờ trình số {req['number']}" if req.get("number") else "")
                     + (f" ngày {dt.date.fromisoformat(req['date']):%d/%m/%Y}" if req.get("date") else ""))
    for r in data.get("requests", []):
        console.info(f"  Xét đề nghị của: {r}")
    if data.get("achievement"):
        console.info(f"  Thành tích (cả đợt): {data['achievement']}")
    for aid, text in (data.get("achievements") or {}).items():
        console.info(f"  Thành tích ({award_name(aid)}): {text}")
    if data.get("period"):
        console.info(f"  Thời gian thành tích: {data['period']}")
    if data.get("chair"):
        console.info(f"  Chủ trì cuộc họp: {data['chair']}")
    if data.get("start"):
        console.info(f"  Giờ bắt đầu cuộc họp: {data['start']}")
    if data.get("end"):
        console.info(f"  Giờ kết thúc kiểm phiếu: {data['end']}")


@app.command("use")
def use(round_id: Annotated[str, typer.Argument(metavar="MÃ_ĐỢT", help="Mã đợt.")]) -> None:
    """Chọn đợt hiện hành (dùng khi không nêu --session)."""
    from tdkt import console, rounds, workspace

    ws = workspace.require()
    rnd = rounds.use_round(ws.database_url, round_id)
    console.info(f"Đợt hiện hành: {rnd.id}")

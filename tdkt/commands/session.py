"""`tdkt session …`: review rounds (đợt xét) of the workspace."""

from __future__ import annotations

from typing import Annotated

import typer

from tdkt.commands.common import FormatOpt, TableJson

app = typer.Typer(help="Quản lý đợt xét khen thưởng (vd 2022-1 = đợt 1 năm 2022).", no_args_is_help=True)


@app.command("new")
def new(
    round_id: Annotated[str, typer.Argument(metavar="ID", help="Mã đợt: NĂM-SỐ ĐỢT, vd 2022-1.")],
    date: Annotated[str, typer.Option("--date", help="Ngày họp Hội đồng, dạng YYYY-MM-DD.")],
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
        rounds.parse_date(date, "ngày họp"),
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
        console.info("Chưa có đợt xét nào. Tạo bằng: tdkt session new 2022-1 --date 2022-04-25")
        return
    console.show(console.table("Các đợt xét", ["", "Mã đợt", "Ngày họp", "Năm xét", "Thành viên", "Tên"], [
        ["*" if r.id == current else "", r.id, f"{r.date:%d/%m/%Y}", ", ".join(map(str, r.years)), r.members, r.title]
        for r in items]))


@app.command("show")
def show(
    round_id: Annotated[str | None, typer.Argument(metavar="[ID]", help="Mã đợt; mặc định đợt hiện hành.")] = None,
    fmt: FormatOpt = TableJson.table,
) -> None:
    """Xem một đợt xét và các kết quả đã lưu của đợt."""
    from tdkt import console, rounds, workspace

    ws = workspace.require()
    rnd = rounds.get_round(ws.database_url, round_id)
    stored = rounds.runs(ws.database_url, rnd.id, current_only=False)
    if fmt == TableJson.json:
        console.print_json({"schema_version": 1, "id": rnd.id, "date": rnd.date.isoformat(), "years": list(rnd.years),
                            "members": rnd.members, "title": rnd.title, "runs": [
                                {"id": r.id, "kind": r.kind, "award": r.award, "created_at": r.created_at.isoformat(),
                                 "current": r.current, "ruleset": r.ruleset, "inputs": r.inputs} for r in stored]})
        return
    console.info(f"Đợt {rnd.id}{' — ' + rnd.title if rnd.title else ''}")
    console.info(f"  Ngày họp: {rnd.date:%d/%m/%Y}")
    console.info(f"  Năm xét: {', '.join(map(str, rnd.years))}")
    console.info(f"  Thành viên Hội đồng: {rnd.members if rnd.members is not None else 'chưa đặt'}")
    if stored:
        console.show(console.table("Kết quả đã lưu", ["#", "Loại", "Khen thưởng", "Lúc", "Hiện hành", "Bộ tiêu chí"], [
            [r.id, r.kind, r.award, f"{r.created_at:%d/%m/%Y %H:%M}", "có" if r.current else "lịch sử", r.ruleset]
            for r in stored]))
    else:
        console.info("  Chưa có kết quả thẩm định hay kiểm phiếu nào được lưu.")


@app.command("use")
def use(round_id: Annotated[str, typer.Argument(metavar="ID", help="Mã đợt.")]) -> None:
    """Chọn đợt hiện hành (dùng khi không nêu --session)."""
    from tdkt import console, rounds, workspace

    ws = workspace.require()
    rnd = rounds.use_round(ws.database_url, round_id)
    console.info(f"Đợt hiện hành: {rnd.id}")

"""`tdkt register …`: the award register that later rounds are checked against."""

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from tdkt import dates, vocab
from tdkt.commands.app import App
from tdkt.commands.common import AwardOpt, ForceOpt, FormatOpt, OutputOpt, SessionOpt, TableJson, date_option

if TYPE_CHECKING:
    from tdkt.findings import Finding

app = App(
    help="Sổ theo dõi khen thưởng: nhập lịch sử, tra cứu, xuất, ban hành quyết định, xác định danh tính, nhật ký.",
    no_args_is_help=True,
)

SEVERITY_VN = vocab.SEVERITY


class ExportFormat(StrEnum):
    xlsx = "xlsx"
    csv = "csv"
    json = "json"


def _url() -> str:
    from tdkt import workspace

    return workspace.require().database_url


def _findings(findings: list["Finding"]) -> None:
    from tdkt import console

    shown = [f for f in findings if f.severity != "info"] or []
    if shown:
        C = console.Col
        console.show(console.table("Phát hiện", [C("Mức", "short", priority=3), C("Vị trí", "code"),
                                                 C("Nội dung", "note")], [
            [SEVERITY_VN[f.severity.value], str(f.cell) if f.cell else "", f.message] for f in shown]))


def _done(result: Any, fmt: TableJson, summary: str) -> None:
    from tdkt import console

    if fmt == TableJson.json:
        console.print_json(result.to_dict())
    else:
        _findings(result.findings)
        console.info(summary if result.committed else f"KHÔNG ghi gì vào sổ: {result.errors} lỗi cần sửa (xem trên).")
    raise typer.Exit(0 if result.committed else 1)


@app.command("import")
def import_(
    files: Annotated[list[Path], typer.Argument(metavar="TỆP...", help="Danh sách quyết định/sổ theo dõi (.xlsx, .csv).")],
    fmt: FormatOpt = TableJson.table,
) -> None:
    """Nhập lịch sử khen thưởng từ danh sách quyết định/sổ theo dõi; có lỗi thì không ghi gì."""
    from tdkt import workspace
    from tdkt.commands.common import readable
    from tdkt.register import import_files
    from tdkt.validation import overlay_aliases

    readable(*files)
    ws = workspace.require()
    r = import_files(ws.database_url, files, columns=ws.config.legal.columns or None,
                     extra_awards=overlay_aliases([ws.overlay_dir]) or None)
    _done(r, fmt, f"Đã nhập {r.rows} dòng: {r.awards_added} khen thưởng mới, {r.duplicates} đã có trong sổ, "
                  f"{r.initiatives_added} sáng kiến; {r.people_created} người/tập thể mới, {r.people_matched} đã có.")


@app.command("search")
def search(
    text: Annotated[str, typer.Argument(metavar="CHỮ", help="Họ tên, đơn vị, CCCD, mã CBCCVC hoặc số trong sổ.")],
    fmt: FormatOpt = TableJson.table,
) -> None:
    """Tìm người/tập thể trong sổ (không phân biệt dấu, hoa thường)."""
    from tdkt import console
    from tdkt.register import search as find

    found = find(_url(), text)
    if fmt == TableJson.json:
        console.print_json({"schema_version": 1, "query": text, "people": [p.to_dict() for p in found]})
        return
    if not found:
        console.info(f"Không có ai trong sổ khớp với '{text}'.")
        return
    C = console.Col
    console.show(console.table(f"Kết quả tìm '{text}'", [
        C("Số", "short", priority=3), C("Họ tên / Tập thể", "name", priority=3), C("Sinh", "short"),
        C("Đơn vị", "name"), C("Lần khen", "short", right=True), C("Năm gần nhất", "short")],
        [[f"#{p.id}", p.name, dates.show_iso(p.birth) if p.birth else "", p.unit, p.awards, p.last_year]
         for p in found]))


@app.command("show")
def show(
    person: Annotated[str, typer.Argument(metavar="NGƯỜI", help="Số trong sổ (vd #12), CCCD, mã CBCCVC hoặc họ tên.")],
    fmt: FormatOpt = TableJson.table,
) -> None:
    """Xem toàn bộ lịch sử khen thưởng của một người/tập thể."""
    from tdkt import console
    from tdkt.register import show as get

    data = get(_url(), person)
    if fmt == TableJson.json:
        console.print_json(data)
        return
    from tdkt.commands.common import award_name as name
    from tdkt.register.queries import LEVEL_VN

    p = data["person"]
    birth = dates.show_iso(p["birth_date"]) if p["birth_date"] else p["birth_year"]
    console.info(f"#{p['id']} {p['name']}" + "".join(f", {v}" for v in (birth, p["unit"]) if v))
    C = console.Col
    console.show(console.table("Khen thưởng", [
        C("Năm", "short"), C("Giai đoạn", "short"), C("Khen thưởng", "name", priority=3), C("Số QĐ", "short"),
        C("Ngày QĐ", "short"), C("Đợt", "short")], [
        [a["year"], f"{a['period_from']}–{a['period_to']}" if a["period_from"] else "",
         name(a["award"]) if a["award"] else a["award_text"], a["decision_number"],
         dates.show_iso(a["decision_date"]), a["session"]] for a in data["awards"]]))
    if data["initiatives"]:
        console.show(console.table("Sáng kiến", [
            C("Năm", "short"), C("Tên", "text", priority=3), C("Cấp", "short"), C("Đã dùng cho", "name")], [
            [i["year"], i["title"], LEVEL_VN.get(i["level"] or "", i["level"]),
             name(i["used_for"]) if i["used_for"] else ""] for i in data["initiatives"]]))


@app.command("export")
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="xlsx | csv | json (cùng cột với 'register import').")] = ExportFormat.xlsx,
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """Xuất toàn bộ sổ ra tệp (nhập lại được bằng 'tdkt register import')."""
    import sys

    from tdkt import console
    from tdkt.register import export as write

    if output is None and fmt == ExportFormat.xlsx:
        output = Path("so-theo-doi-khen-thuong.xlsx")
    data = write(_url(), fmt.value, output, force=force)
    if data is not None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        console.info(f"Đã xuất sổ ra {output}.")


@app.command("log")
def log(
    fmt: FormatOpt = TableJson.table,
    limit: Annotated[int | None, typer.Option("--limit", "-n", help="Chỉ xem N dòng mới nhất.")] = None,
) -> None:
    """Nhật ký (chỉ ghi thêm) các lệnh đã thay đổi sổ: lúc nào, ai, lệnh gì, phiên bản, bộ tiêu chí, SHA-256 tệp."""
    from tdkt import console
    from tdkt.register import log as entries

    items = entries(_url(), limit=limit)
    if fmt == TableJson.json:
        console.print_json({"schema_version": 1, "entries": [e.to_dict() for e in items]})
        return
    C = console.Col
    console.show(console.table("Nhật ký sổ theo dõi khen thưởng", [
        C("Số", "short", right=True), C("Lúc", "short", priority=3), C("Người dùng", "short"),
        C("Lệnh", "code", priority=3), C("Phiên bản", "short"), C("Bộ tiêu chí", "code"), C("Tệp (SHA-256)", "note")], [
        [e.id, f"{e.at:%d/%m/%Y %H:%M:%S}", e.os_user, e.command, e.tdkt_version, e.ruleset,
         "; ".join(f"{Path(i['path']).name} {i['sha256'][:12]}…" for i in e.inputs)] for e in items]))


@app.command("issue")
def issue(
    number: Annotated[int, typer.Option("--number", help="Số quyết định đã ký (vd 5 cho 05/QĐ-UBND).")],
    date: Annotated[dt.date, date_option("--date", help="Ngày ký quyết định")],
    session: SessionOpt = None,
    award: AwardOpt = None,
    force: ForceOpt = False,
    fmt: FormatOpt = TableJson.table,
) -> None:
    """Ghi nhận quyết định đã ký: số, ngày; người được khen và sáng kiến đã dùng vào sổ."""
    from tdkt import rounds, workspace
    from tdkt.commands.common import award_name as name
    from tdkt.errors import UsageError
    from tdkt.register import issue as record

    ws = workspace.require()
    if award is None:
        raise UsageError("Cần nêu --award (vd --award \"CSTĐ cơ sở\"): mỗi quyết định cho một hình thức khen thưởng.")
    rid = rounds.get_round(ws.database_url, session).id
    symbol = ws.config.numbering.decision.format(abbreviation=ws.config.agency.abbreviation)
    r = record(ws.database_url, rid, award, number, date, symbol=symbol,
               signer=ws.config.signers.decision.name or None, force=force, columns=ws.config.legal.columns or None)
    _done(r, fmt, f"Đã ghi nhận Quyết định số {r.decision.number_text} ngày {r.decision.date:%d/%m/%Y} "
                  f"({name(award)}, đợt {rid}): {len(r.awardees)} người/tập thể vào sổ, {r.initiatives_added} sáng kiến đã dùng.")


@app.command("settle")
def settle(
    key: Annotated[str, typer.Argument(metavar="MÃ_XÁC_ĐỊNH", help="Mã xác định trong thông báo 'register.ambiguous-identity'.")],
    person: Annotated[str | None, typer.Option("--person", help="Đây là người số … trong sổ (vd 12).")] = None,
    new: Annotated[bool, typer.Option("--new", help="Đây là một người khác, chưa có trong sổ.")] = False,
    fmt: FormatOpt = TableJson.table,
) -> None:
    """Ghi nhớ cán bộ xác định danh tính (khi sổ không phân biệt được hai người trùng/gần trùng tên)."""
    from tdkt import console
    from tdkt.register import settle as remember

    data = remember(_url(), key, person, new=new)
    if fmt == TableJson.json:
        console.print_json(data)
    elif data["person"] is None:
        console.info(f"Đã ghi nhớ: {key} là một người mới (tạo khi nhập/ban hành lần tới).")
    else:
        console.info(f"Đã ghi nhớ: {key} là #{data['person']} {data['label']}.")

"""`tdkt rules …`: the rule packs (legal regimes) and council overlays."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tdkt.commands.common import FormatOpt, TableJson

app = typer.Typer(help="Bộ tiêu chí khen thưởng theo từng chế độ pháp luật và quy chế của Hội đồng.", no_args_is_help=True)


@app.command("list")
def list_(fmt: FormatOpt = TableJson.table) -> None:
    """Liệt kê các bộ tiêu chí, thời gian áp dụng và số tiêu chí."""
    from tdkt import console
    from tdkt.ruleset import available

    packs = available()
    if fmt is TableJson.json:
        console.print_json({"schema_version": 1, "rulesets": [
            {"id": r.id, "version": r.version, "title": r.title, "valid_from": r.valid_from.isoformat(),
             "valid_to": r.valid_to.isoformat() if r.valid_to else None, "criteria": len(r.rule_ids())} for r in packs]})
        return
    rows = [[r.id, r.title, r.valid_from.strftime("%d/%m/%Y"), r.valid_to.strftime("%d/%m/%Y") if r.valid_to else "nay",
             len(r.rule_ids())] for r in packs]
    console.show(console.table("Bộ tiêu chí", ["Mã", "Chế độ", "Từ", "Đến", "Số tiêu chí"], rows))


@app.command("show")
def show(
    pack: Annotated[str, typer.Argument(help="Mã bộ tiêu chí (vd nd91-2017) hoặc đường dẫn tệp.")],
    award: Annotated[str | None, typer.Option("--award", "-a", help="Chỉ một khen thưởng.")] = None,
) -> None:
    """Xem các tiêu chí của một bộ: mã, điều luật, trạng thái CONFIRMED/UNCERTAIN, biểu quyết."""
    from tdkt import console
    from tdkt.ruleset import load_ruleset

    rs = load_ruleset(pack)
    console.info(f"{console.escape(rs.id)} — {console.escape(rs.title)} (phiên bản {rs.version})")
    rows = [[c.id, rs.award_name(c.award), c.text, c.basis, c.status.upper()]
            for c in rs.criteria() if award is None or c.award == award]
    console.show(console.table(None, ["Mã tiêu chí", "Khen thưởng", "Tiêu chí", "Căn cứ", "Trạng thái"], rows))
    votes = []
    for aid in rs.awards:
        if award is None or aid == award:
            v = rs.vote_policy(aid)
            share = f"≥ {v.share_num}/{v.share_den} tổng số thành viên" if v.share_num else ""
            votes.append([rs.award_name(aid), v.status, share, v.basis or v.note or ""])
    console.show(console.table("Biểu quyết của Hội đồng", ["Khen thưởng", "Trạng thái", "Tỷ lệ", "Căn cứ"], votes))
    for b in rs.legal_bases():
        console.info(f"Căn cứ: {console.escape(b)}")


@app.command("check")
def check(path: Annotated[Path, typer.Argument(help="Tệp bộ tiêu chí hoặc quy chế (overlay) .yaml.")]) -> None:
    """Kiểm tra một tệp tiêu chí/quy chế: lỗi → mã thoát 3 (nêu tệp và vị trí); lưu ý về căn cứ còn thiếu."""
    from tdkt import console
    from tdkt.ruleset import check_file, lint

    kind, rs = check_file(path)
    for advice in lint(rs):
        console.warn(advice)
    what = "quy chế (overlay)" if kind == "overlay" else "bộ tiêu chí"
    console.info(f"{console.escape(str(path))}: {what} hợp lệ ({len(rs.rule_ids())} tiêu chí, bộ {rs.id}).")


@app.command("docs")
def docs(
    output: Annotated[Path, typer.Option("--output", "-o", help="Tệp Markdown kết quả.")] = Path("docs/rules.md"),
) -> None:
    """Viết tài liệu tham chiếu của mọi tiêu chí và vị từ (docs/rules.md)."""
    from tdkt import console
    from tdkt.reference import reference_markdown

    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(reference_markdown(), encoding="utf-8")
    console.info(f"Đã ghi {output}.")

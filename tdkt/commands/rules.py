"""`tdkt rules …`: the rule packs (legal regimes) and council overlays."""

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from tdkt import vocab
from tdkt.commands.app import App
from tdkt.commands.common import AwardOpt, ForceOpt, FormatOpt, SessionOpt, TableJson, date_option

app = App(help="Bộ tiêu chí khen thưởng theo từng chế độ pháp luật và quy chế của Hội đồng.")


@app.command("list")
def list_(fmt: FormatOpt = TableJson.table) -> None:
    """Liệt kê các bộ tiêu chí: thời gian áp dụng, số tiêu chí và số căn cứ chưa xác thực."""
    from tdkt import console
    from tdkt.readings import counts
    from tdkt.ruleset import available

    packs = available()
    if fmt is TableJson.json:
        console.print_json({"schema_version": 1, "rulesets": [
            {"id": r.id, "version": r.version, "title": r.title, "valid_from": r.valid_from.isoformat(),
             "valid_to": r.valid_to.isoformat() if r.valid_to else None, "criteria": len(r.rule_ids()),
             "uncertain": {k: v for k, v in counts(r).items() if k != "settled"}} for r in packs]})
        return
    rows = []
    for r in packs:
        c = counts(r)
        rows.append([r.title, r.valid_from.strftime("%d/%m/%Y"), r.valid_to.strftime("%d/%m/%Y") if r.valid_to else "nay",
                     len(r.rule_ids()), f"{c['criteria']} tiêu chí, {c['votes']} biểu quyết", r.id])
    C = console.Col
    console.show(console.table("Bộ tiêu chí", [C("Chế độ", "text", priority=3), C("Từ", "short"), C("Đến", "short"),
                                               C("Số tiêu chí", "short", right=True), C("Chưa xác thực", "name"),
                                               C("Mã", "code")], rows))
    console.info("Hội đồng xác định cách áp dụng các căn cứ chưa xác thực của đợt xét bằng 'tdkt rules settle'.")




@app.command("show")
def show(
    pack: Annotated[str, typer.Argument(metavar="BỘ_TIÊU_CHÍ", help="Mã bộ tiêu chí (vd nd91-2017) hoặc đường dẫn tệp.")],
    award: AwardOpt = None,
    fmt: FormatOpt = TableJson.table,
) -> None:
    """Xem các tiêu chí của một bộ: khen thưởng, tiêu chí, căn cứ, đã xác thực hay chưa, biểu quyết, và cách áp
    dụng Hội đồng đã xác định.

    Mã của từng tiêu chí (để viết quy chế) có ở --format json.
    """
    from tdkt import console, workspace
    from tdkt.ruleset import load_ruleset

    ws = workspace.find()
    rs = load_ruleset(pack, overlay=ws.overlay_dir if ws is not None else None)
    criteria = [c for c in rs.criteria() if award is None or c.award == award]
    policies = [(aid, rs.vote_policy(aid)) for aid in rs.awards if award is None or aid == award]
    readings = [r for r in rs.readings if award is None or award in r.awards]
    if fmt is TableJson.json:
        console.print_json({"schema_version": 1, "id": rs.id, "version": rs.version, "title": rs.title,
                            "criteria": [{"id": c.id, "award": c.award, "text": c.text, "basis": c.basis,
                                          "status": c.status, "settled": bool(c.reading)} for c in criteria],
                            "votes": [{"award": aid, "status": v.status, "share": [v.share_num, v.share_den]
                                       if v.share_num else None, "basis": v.basis or v.note or None}
                                      for aid, v in policies],
                            "readings": [{"rule": r.rule, "label": r.label, "phrase": r.phrase,
                                          "date": r.date.isoformat(), "article": r.article, "text": r.text}
                                         for r in readings],
                            "legal_bases": list(rs.legal_bases())})
        return
    console.info(f"{console.escape(rs.title)} (phiên bản {console.escape(rs.version)})")
    C = console.Col
    rows = [[rs.award_name(c.award), c.text,
             "Hội đồng đã xác định" if c.reading else vocab.CRITERION_STATUS.get(c.status, c.status), c.basis]
            for c in criteria]
    console.show(console.table("Tiêu chí", [C("Khen thưởng", "name", priority=3), C("Tiêu chí", "text", priority=3),
                                            C("Trạng thái", "name"), C("Căn cứ", "note")], rows))
    votes = []
    for aid, v in policies:
        share = f"≥ {v.share_num}/{v.share_den} tổng số thành viên" if v.share_num else ""
        votes.append([rs.award_name(aid), vocab.VOTE_STATUS.get(v.status, v.status), share, v.basis or v.note or ""])
    console.show(console.table("Biểu quyết của Hội đồng", [C("Khen thưởng", "name", priority=3), C("Quy định", "name"),
                                                           C("Tỷ lệ", "name"), C("Căn cứ", "note")], votes))
    if readings:
        console.show(console.table("Cách áp dụng Hội đồng đã xác định", [
            C("Nội dung", "text", priority=3), C("Hội đồng xác định", "name"), C("Căn cứ", "name"),
            C("Trích dẫn", "note")],
            [[r.label, f"{r.phrase} (ngày {r.date.strftime('%d/%m/%Y')})", r.article, r.text] for r in readings]))
    for b in rs.legal_bases():
        console.info(f"Căn cứ: {console.escape(b)}")


@app.command("check")
def check(
    path: Annotated[Path, typer.Argument(metavar="TỆP", help="Tệp bộ tiêu chí hoặc quy chế (overlay) .yaml.")],
    session: SessionOpt = None,
    rules: Annotated[str | None, typer.Option("--rules", help="Mã bộ tiêu chí để kiểm tra quy chế, thay cho bộ của đợt xét.")] = None,
    on: Annotated[dt.date | None, date_option("--date", help="Ngày họp: kiểm tra với bộ tiêu chí áp dụng ngày đó")] = None,
) -> None:
    """Kiểm tra một tệp tiêu chí/quy chế: lỗi → mã thoát 3 (nêu tệp và vị trí); lưu ý về căn cứ còn thiếu.

    Quy chế (overlay) được kiểm tra với bộ tiêu chí của đợt xét sẽ dùng nó (đợt hiện hành, --session,
    --date hoặc --rules), cùng các quy chế khác của không gian làm việc, và cho biết các tỷ lệ phiếu
    pháp luật để Hội đồng quy định mà quy chế chưa đặt. Ngoài không gian làm việc, không nêu đợt hay
    ngày: quy chế phải dùng được với mọi bộ tiêu chí nó có thể gặp.
    """
    from tdkt import console, regulation, rounds, workspace
    from tdkt.commands.common import readable
    from tdkt.ruleset import lint

    readable(path)
    ws = workspace.find()
    chosen = ""
    overlays = None
    if rules is None and on is None and ws is not None:
        try:
            rnd = rounds.get_round(ws.database_url, session)
        except rounds.NoRound:
            if session is not None:
                raise
        else:
            on, chosen = rnd.date, f"đợt {rnd.id} (họp ngày {rnd.date:%d/%m/%Y})"
            overlays = ws.overlay_dir
    elif on is not None:
        chosen = f"ngày {on:%d/%m/%Y}"
    done = regulation.check(path, pack=rules, on=on, with_workspace=overlays, chosen_by=chosen)
    rs = done.ruleset
    if not done.applies:
        from tdkt.ruleset import load_ruleset, parse_overlay

        packs = "; ".join(load_ruleset(p).title for p in parse_overlay(path).applies_to)
        console.info(console.escape(f"{path}: quy chế này chỉ dùng cho các đợt xét theo {packs}; {chosen or 'đợt này'} "
                                    f"theo {rs.title} không dùng nó (dùng tỷ lệ phiếu do pháp luật khi đó quy định)."))
        return
    for advice in lint(rs):
        console.warn(advice)
    what = "quy chế (overlay)" if done.kind == "overlay" else "bộ tiêu chí"
    where = f" với {rs.title}" + (f" của {chosen}" if chosen else "") if (rules or on) else f" (bộ {rs.id})"
    console.info(f"{console.escape(str(path))}: {what} hợp lệ{console.escape(where)}; {len(rs.rule_ids())} tiêu chí.")
    if done.open_votes:
        console.warn(f"Chưa đặt tỷ lệ phiếu đồng ý cho: {', '.join(rs.award_name(a) for a in done.open_votes)} — "
                     f"{rs.title} để Hội đồng quy định; kiểm phiếu các khen thưởng này sẽ kết luận 'cần xem xét'.")


@app.command("example")
def example(
    output: Annotated[Path, typer.Option("--output", "-o", metavar="TỆP", help="Tệp ghi mẫu.")] = Path("quy-che-mau.yaml"),
    force: ForceOpt = False,
) -> None:
    """Ghi ra mẫu quy chế của Hội đồng cho các đợt xét theo NĐ 152/2025 và Luật 06/2026: tỷ lệ phiếu,
    túc số, số suất, danh hiệu riêng — để sửa theo quy chế của mình rồi đặt vào thư mục rules/."""
    from tdkt import console
    from tdkt import output as policy
    from tdkt.regulation import example_path

    policy.write_one(output, example_path().read_bytes(), force=force)
    console.info(f"Đã ghi {output}. Sửa theo quy chế của Hội đồng, kiểm tra bằng 'tdkt rules check {output}', "
                 "rồi đặt vào thư mục rules/ của không gian làm việc.")


class Reading(StrEnum):
    applies = "applies"
    not_applies = "not_applies"
    value = "value"


@app.command("settle")
def settle(
    key: Annotated[str | None, typer.Argument(metavar="MÃ_CĂN_CỨ", help="Mã căn cứ chưa xác thực (xem danh sách khi bỏ trống), "
                                                   "vd cstdcs.initiative-2026 hoặc vote.chien_si_thi_dua_toan_quoc.")] = None,
    applies: Annotated[bool, typer.Option("--applies", help="Hội đồng áp dụng như văn bản của bộ tiêu chí.")] = False,
    not_applies: Annotated[bool, typer.Option("--not-applies", help="Hội đồng xác định căn cứ này không áp dụng.")] = False,
    value: Annotated[str | None, typer.Option("--value", help="Áp dụng với giá trị này: tỷ lệ biểu quyết (80, 80%, 2/3) "
                                                            "hoặc tham số của tiêu chí (vd min_months=12).")] = None,
    article: Annotated[str, typer.Option("--article", help="Điều, khoản của văn bản Hội đồng căn cứ.")] = "",
    text: Annotated[str, typer.Option("--text", help="Nội dung điều khoản được trích dẫn.")] = "",
    on: Annotated[dt.date | None, date_option("--date", help="Ngày Hội đồng xác định; mặc định hôm nay")] = None,
    session: SessionOpt = None,
    rules: Annotated[str | None, typer.Option("--rules", help="Mã bộ tiêu chí, thay cho bộ của đợt xét.")] = None,
    force: ForceOpt = False,
    fmt: FormatOpt = TableJson.table,
) -> None:
    """Liệt kê các căn cứ chưa xác thực của bộ tiêu chí đợt xét dùng, hoặc ghi cách Hội đồng áp dụng một căn cứ
    (kèm điều khoản, nội dung trích dẫn và ngày) vào quy chế của không gian làm việc."""
    from tdkt import console, council_overlay, workspace
    from tdkt.errors import UsageError
    from tdkt.readings import round_ruleset, uncertain_items
    from tdkt.readings import settle as record

    rs = round_ruleset(session=session, rules=rules)
    chosen = [r for r, flag in ((Reading.applies, applies), (Reading.not_applies, not_applies),
                                (Reading.value, value is not None)) if flag]
    if key is None:
        if chosen:
            raise UsageError("Cần mã căn cứ (KEY) để ghi cách áp dụng; bỏ trống để xem danh sách.")
        items = uncertain_items(rs)
        if fmt is TableJson.json:
            console.print_json({"schema_version": 1, "ruleset": rs.id, "items": [i.to_dict(rs) for i in items]})
            return
        console.info(f"Bộ tiêu chí: {console.escape(rs.title)} ({console.escape(rs.chosen_by)}).")
        if not items:
            console.info("Bộ tiêu chí này không có căn cứ chưa xác thực.")
            return
        rows = [[i.key, ", ".join(rs.award_name(a) for a in i.awards), i.label, i.basis,
                 f"{i.reading.phrase} (ngày {i.reading.date.strftime('%d/%m/%Y')}; {i.reading.article})" if i.reading
                 else "chưa xác định"] for i in items]
        console.show(console.table("Căn cứ chưa xác thực", ["Mã", "Khen thưởng", "Nội dung", "Căn cứ", "Hội đồng"], rows))
        console.info("Ghi cách áp dụng: tdkt rules settle MÃ --applies | --not-applies | --value GIÁ_TRỊ "
                     "--article \"Điều …\" --text \"…\" --date dd/mm/yyyy")
        return
    if len(chosen) != 1:
        raise UsageError("Chọn đúng một cách áp dụng: --applies, --not-applies hoặc --value GIÁ_TRỊ.")
    ws = workspace.require()
    day = on or dt.date.today()
    item = record(rs, ws.overlay_dir, key, reading=chosen[0].value, value=value, article=article, text=text, on=day,
                  force=force, title=f"Quy chế của {ws.config.council.name}")
    if fmt is TableJson.json:
        console.print_json({"schema_version": 1, "ruleset": rs.id, "item": item.to_dict(rs),
                            "file": str(council_overlay.path_for(ws.overlay_dir))})
        return
    assert item.reading is not None
    console.info(f"Đã ghi: «{console.escape(item.label)}» — {console.escape(item.reading.phrase)} "
                 f"({console.escape(item.reading.article)}, ngày {day.strftime('%d/%m/%Y')}) vào "
                 f"{console.escape(str(council_overlay.path_for(ws.overlay_dir)))}.")


@app.command("docs")
def docs(
    output: Annotated[Path, typer.Option("--output", "-o", help="Tệp Markdown kết quả.")] = Path("docs/rules.md"),
    force: ForceOpt = False,
) -> None:
    """Viết tài liệu tham chiếu của mọi tiêu chí và vị từ (docs/rules.md); tệp đã có cần --force."""
    from tdkt import console
    from tdkt import output as policy
    from tdkt.reference import reference_markdown

    policy.write_one(output, reference_markdown().encode("utf-8"), force=force)
    console.info(f"Đã ghi {output}.")


@app.command("awards")
def awards_(fmt: FormatOpt = TableJson.table) -> None:
    """Liệt kê các danh hiệu, hình thức khen thưởng: tên, cách viết khác, mã (dùng được ở mọi tùy chọn --award)."""
    from tdkt import console, workspace
    from tdkt.awards import listing

    ws = workspace.find()
    items = listing([ws.overlay_dir] if ws else [])
    if fmt is TableJson.json:
        console.print_json({"schema_version": 1, "awards": [a.to_dict() for a in items]})
        return
    console.show(console.table("Danh hiệu và hình thức khen thưởng", [
        console.Col("Tên", kind="name"), console.Col("Loại"), console.Col("Dành cho"),
        console.Col("Mã", kind="code"), console.Col("Cách viết khác", kind="note")],
        [[a.name, a.kind_vn, a.for_vn, a.id, "; ".join(a.aliases)] for a in items]))
    console.info("Ở tùy chọn --award, gõ tên, cách viết khác hoặc mã đều được, vd --award \"CSTĐ cơ sở\".")

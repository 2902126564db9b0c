"""`tdkt init`: make the current folder a workspace (tdkt.toml + register)."""

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from tdkt.commands.common import ForceOpt

if TYPE_CHECKING:
    from tdkt.workspace import Workspace

SIGNER_WORDS = {"head": "người đứng đầu ký", "deputy": "cấp phó ký thay (KT.)", "acting": "quyền (Q.)"}
LEGACY_PREFIX = {"": "head", "KT.": "deputy", "Q.": "acting"}


def _interactive() -> bool:
    """Ask in a terminal only: input from a file or a pipe takes the defaults."""
    return sys.stdin.isatty()


def _ask(value: str | None, prompt: str, default: str, interactive: bool) -> str:
    if value is not None:
        return value
    if interactive:
        return str(typer.prompt(prompt, default=default))
    return default


def _ask_mode(value: str | None, prompt: str, interactive: bool, head: str) -> str:
    """head | deputy, from an option or from the terminal ("1": the head signs, "2": a deputy)."""
    from tdkt.errors import UsageError

    if value is None and interactive:
        answer = str(typer.prompt(f"{prompt} 1 = {head.capitalize()} ký; 2 = cấp phó ký thay (KT. {head})",
                                  default="1")).strip()
        value = {"1": "head", "2": "deputy"}.get(answer, answer)
    value = value or "head"
    if value not in SIGNER_WORDS:
        raise UsageError(f"Người ký '{value}' không hợp lệ: chọn head (người đứng đầu ký), deputy (cấp phó ký thay, "
                         "KT.) hoặc acting (quyền, Q.).")
    return value


def init(
    council: Annotated[str | None, typer.Option("--council", help="Tên Hội đồng TĐKT.")] = None,
    level: Annotated[str | None, typer.Option("--level", help="Cấp Hội đồng: don_vi (Hội đồng của cơ quan, đơn vị: sở, trường, bệnh viện, doanh nghiệp nhà nước…) | xa | huyen | tinh | bo.")] = None,
    parent_level: Annotated[str | None, typer.Option("--parent-level", help="Hội đồng của cơ quan, đơn vị đề nghị lên: tinh (mặc định) hoặc bo.")] = None,
    agency: Annotated[str | None, typer.Option("--agency", help="Cơ quan ban hành (vd ỦY BAN NHÂN DÂN TỈNH …).")] = None,
    parent_agency: Annotated[str | None, typer.Option("--parent-agency", help="Cơ quan chủ quản (có thể để trống).")] = None,
    abbreviation: Annotated[str | None, typer.Option("--abbreviation", help="Ký hiệu cơ quan trong số văn bản (vd UBND).")] = None,
    place: Annotated[str | None, typer.Option("--place", help="Địa danh ở dòng ngày tháng (vd Hải Phòng).")] = None,
    province: Annotated[str | None, typer.Option("--province", help="Tỉnh, thành phố trực thuộc Trung ương cấp trên (Hội đồng cấp xã, huyện, đơn vị), vd 'tỉnh Hải Đông'.")] = None,
    ministry: Annotated[str | None, typer.Option("--ministry", help="Bộ cấp trên của đơn vị (khi đề nghị lên bộ), vd 'Bộ Y tế'.")] = None,
    head_title: Annotated[str | None, typer.Option("--head-title", help="Chức danh người đứng đầu cơ quan, đơn vị (vd GIÁM ĐỐC, HIỆU TRƯỞNG); cấp xã, huyện, tỉnh là CHỦ TỊCH, cấp bộ là BỘ TRƯỞNG.")] = None,
    proposer: Annotated[str | None, typer.Option("--proposer", help="'Theo đề nghị của …' (vd Giám đốc Sở Nội vụ).")] = None,
    signer: Annotated[str | None, typer.Option("--signer", help="Ai ký Quyết định khen thưởng: head (người đứng đầu, vd Chủ tịch) | deputy (cấp phó ký thay: KT. CHỦ TỊCH / PHÓ CHỦ TỊCH) | acting (Q.).")] = None,
    signer_name: Annotated[str | None, typer.Option("--signer-name", "--chair", help="Họ tên người ký Quyết định.")] = None,
    signer_title: Annotated[str | None, typer.Option("--signer-title", "--chair-title", help="Chức danh người ký thay (vd PHÓ CHỦ TỊCH).")] = None,
    proposal_signer: Annotated[str | None, typer.Option("--proposal-signer", help="Ai ký Tờ trình, Báo cáo (head | deputy | acting); của Ủy ban nhân dân thì có 'TM. ỦY BAN NHÂN DÂN' ở trên.")] = None,
    proposal_signer_name: Annotated[str | None, typer.Option("--proposal-signer-name", help="Họ tên người ký Tờ trình, Báo cáo.")] = None,
    proposal_signer_title: Annotated[str | None, typer.Option("--proposal-signer-title", help="Chức danh người ký thay Tờ trình, Báo cáo.")] = None,
    chair_prefix: Annotated[str | None, typer.Option("--chair-prefix", hidden=True)] = None,
    members: Annotated[int | None, typer.Option("--members", min=1, help="Số thành viên Hội đồng.")] = None,
    vote: Annotated[list[str] | None, typer.Option("--vote", metavar="KHEN_THƯỞNG=TỶ_LỆ", help="Tỷ lệ phiếu đồng ý (trên tổng số thành viên) theo quy chế của Hội đồng, cho khen thưởng mà pháp luật để đơn vị quy định (từ NĐ 152/2025: CSTĐ cơ sở, CSTĐ cấp tỉnh, Cờ thi đua cấp tỉnh); lặp lại cho từng khen thưởng, vd --vote \"CSTĐ cấp tỉnh=90\" --vote \"Cờ thi đua cấp tỉnh=80\".")] = None,
    quorum: Annotated[str | None, typer.Option("--quorum", metavar="TỶ_LỆ", help="Túc số phiên họp theo quy chế (số thành viên tối thiểu dự họp), vd 2/3.")] = None,
    article: Annotated[str | None, typer.Option("--article", metavar="ĐIỀU_KHOẢN", help="Điều, khoản của quy chế Hội đồng quy định tỷ lệ phiếu và túc số (vd 'Quy chế hoạt động của Hội đồng, Điều 8'); bắt buộc khi có --vote hoặc --quorum.")] = None,
    regulation: Annotated[str | None, typer.Option("--regulation", metavar="VĂN_BẢN", help="Văn bản ban hành quy chế (vd 'Quyết định số 25/2025/QĐ-UBND ngày 10/9/2025 của UBND tỉnh ban hành Quy chế …'): căn cứ của các văn bản.")] = None,
    database_url: Annotated[str | None, typer.Option("--database-url", help="URL sổ dùng chung (PostgreSQL); mặc định là tệp SQLite cạnh tdkt.toml.")] = None,
    force: ForceOpt = False,
) -> None:
    """Tạo không gian làm việc ở thư mục hiện tại: tệp cấu hình tdkt.toml và sổ theo dõi khen thưởng.

    Hỏi cấp Hội đồng, số thành viên và ai ký: Quyết định khen thưởng do người đứng đầu (Chủ tịch,
    Bộ trưởng, Giám đốc…) ký hoặc cấp phó ký thay (KT.); Tờ trình, Báo cáo của Ủy ban nhân dân ký
    'TM. ỦY BAN NHÂN DÂN'. Chỉ hỏi khi chạy ở terminal; khi đầu vào không phải terminal, các khóa
    không nêu lấy giá trị mặc định. Nếu đã có tdkt.toml thì từ chối (mã 3) và không thay đổi gì,
    trừ khi có --force.
    """
    from tdkt import authority, console, workspace
    from tdkt.errors import UsageError

    root = Path.cwd()
    if (root / workspace.CONFIG_NAME).exists() and not force:
        workspace.create(root, workspace.Config(), force=False)  # raises the refusal
    interactive = _interactive()
    cfg = workspace.Config()
    council_name = _ask(council, "Tên Hội đồng", cfg.council.name, interactive)
    level_v = _ask(level, "Cấp Hội đồng (don_vi/xa/huyen/tinh/bo)", cfg.council.level, interactive)
    if level_v not in workspace.LEVELS:
        raise UsageError(f"Cấp Hội đồng '{level_v}' không hợp lệ: chọn {', '.join(workspace.LEVELS)}.")
    if parent_level not in (None, "tinh", "bo"):
        raise UsageError(f"Cấp trên '{parent_level}' không hợp lệ: chọn tinh hoặc bo.")
    if members is None and interactive:
        members = int(typer.prompt("Số thành viên Hội đồng", type=int))
    data: dict[str, Any] = cfg.model_dump()
    data["council"].update(name=council_name, level=level_v, members=members, parent_level=parent_level or "tinh")
    data["agency"].update(
        name=_ask(agency, "Cơ quan ban hành", cfg.agency.name, interactive),
        parent=_ask(parent_agency, "Cơ quan chủ quản", cfg.agency.parent, interactive),
        abbreviation=_ask(abbreviation, "Ký hiệu cơ quan", cfg.agency.abbreviation, interactive),
        place=_ask(place, "Địa danh", cfg.agency.place, interactive),
        proposer=_ask(proposer, "Theo đề nghị của", cfg.agency.proposer, interactive),
    )
    if level_v in ("xa", "huyen") or (level_v == "don_vi" and (parent_level or "tinh") == "tinh"):
        data["agency"]["province"] = _ask(province, "Tỉnh, thành phố trực thuộc Trung ương cấp trên (vd tỉnh Hải Đông)",
                                          "", interactive)
    elif province is not None:
        data["agency"]["province"] = province
    if ministry is not None or (level_v == "don_vi" and parent_level == "bo"):
        data["agency"]["ministry"] = _ask(ministry, "Bộ cấp trên (vd Bộ Y tế)", "", interactive)
    if head_title is not None or level_v == "don_vi":
        data["agency"]["head_title"] = _ask(head_title, "Chức danh người đứng đầu (vd GIÁM ĐỐC)", "", interactive).upper()
    head = (data["agency"].get("head_title") or authority.table().heads[level_v]).upper()
    if chair_prefix is not None and signer is None:  # the options of tdkt 0.1 still work
        if chair_prefix.strip().upper() not in LEGACY_PREFIX:
            raise UsageError(
                f"Quyền hạn ký '{chair_prefix}' không dùng cho Quyết định khen thưởng: Quyết định do người có thẩm "
                "quyền ký (--signer head) hoặc cấp phó ký thay (--signer deputy); 'TM.' chỉ dùng cho Tờ trình, Báo "
                "cáo của tập thể.")
        signer = LEGACY_PREFIX[chair_prefix.strip().upper()]
    mode = _ask_mode(signer, "Ai ký Quyết định khen thưởng?", interactive, head)
    decision = {"mode": mode, "name": _ask(signer_name, "Họ tên người ký Quyết định", "", interactive)}
    if mode == "deputy":
        decision["title"] = _ask(signer_title, "Chức danh người ký thay", f"PHÓ {head}", interactive).upper()
    # Without an answer the Tờ trình and the Báo cáo are signed as the decisions are.
    pmode = _ask_mode(proposal_signer if proposal_signer or interactive else mode, "Ai ký Tờ trình, Báo cáo?",
                      interactive, head)
    proposal = {"mode": pmode, "name": _ask(proposal_signer_name, "Họ tên người ký Tờ trình, Báo cáo", decision["name"],
                                            interactive)}
    if pmode == "deputy":
        proposal["title"] = _ask(proposal_signer_title if proposal_signer_title or interactive else
                                 decision.get("title") or f"PHÓ {head}", "Chức danh người ký thay Tờ trình",
                                 decision.get("title") or f"PHÓ {head}", interactive).upper()
    data["signers"]["decision"] = decision
    data["signers"]["proposal"] = proposal
    if database_url:
        data["database"]["url"] = database_url
    try:
        config = workspace.Config.model_validate(data)
    except ValueError as exc:
        raise UsageError(f"Cấu hình không hợp lệ: {exc}") from exc
    rules = _regulation(vote, quorum, article, regulation, interactive)  # refused before anything is written
    ws = workspace.create(root, config, force=force)
    console.info(f"Đã tạo không gian làm việc tại {ws.root}")
    console.info(f"  cấu hình: {ws.config_path.name}; sổ theo dõi: {ws.database_url}")
    lines = {"head": head, "deputy": f"KT. {head} / {decision.get('title', '')}", "acting": f"Q. {head}"}
    console.info(f"  Quyết định khen thưởng: {head} {config.agency.name.upper()}; ký: {lines[mode]}"
                 f"{' - ' + decision['name'] if decision['name'] else ''}")
    if not decision["name"] or not proposal["name"]:
        console.warn("Chưa có họ tên người ký (khóa signers.decision.name, signers.proposal.name trong tdkt.toml): "
                     "'tdkt render' không soạn văn bản để ký khi còn thiếu, chỉ soạn bản dự thảo (--draft).")
    _record_regulation(ws, rules, council_name)
    year = dt.date.today().year
    console.info(f"Tiếp theo: tdkt session new {year}-1 --date dd/mm/{year}"
                 + ("" if config.council.members else " --members N"))


def _regulation(vote: list[str] | None, quorum: str | None, article: str | None, regulation: str | None,
                interactive: bool) -> dict[str, Any]:
    """The quy chế the council gives at init: from the options, or asked at a terminal for each award
    the pack in force today leaves to the unit (tdkt.regulation)."""
    import datetime as dt

    from tdkt import regulation as reg
    from tdkt.commands.common import parse_award_value
    from tdkt.ruleset import load_ruleset
    from tdkt.tally import parse_threshold

    votes = [reg.parse_vote(v, _award_id(parse_award_value)) for v in vote or []]
    share = reg.parse_share(quorum) if quorum else None
    if interactive and not votes and quorum is None:
        rs = load_ruleset(on=dt.date.today())
        open_ = reg.left_to_unit(rs)
        if open_:
            typer.echo(f"Theo {rs.title}, tỷ lệ phiếu đồng ý của các khen thưởng dưới đây do quy chế của Hội đồng "
                       "quy định (trên tổng số thành viên; vd 80, 2/3, >50; để trống nếu quy chế chưa quy định):")
            for aid in open_:
                answer = str(typer.prompt(f"  {rs.award_name(aid)}", default="", show_default=False)).strip()
                if answer:
                    votes.append(reg.Vote(aid, *parse_threshold(answer)))
            answer = str(typer.prompt("Túc số phiên họp (vd 2/3; để trống nếu không có)", default="",
                                      show_default=False)).strip()
            share = reg.parse_share(answer) if answer else None
    if interactive and (votes or share is not None) and not article:
        article = str(typer.prompt("Điều, khoản của quy chế quy định các tỷ lệ này (vd Quy chế hoạt động của Hội đồng, "
                                   "Điều 8)")).strip()
    if interactive and (votes or share is not None) and regulation is None:
        regulation = str(typer.prompt("Văn bản ban hành quy chế (để trống nếu không nêu)", default="",
                                      show_default=False)).strip()
    reg.validate(votes, share, article or "")
    return {"votes": votes, "quorum": share, "article": article or "", "regulation": regulation or ""}


def _award_id(parse: Any) -> Any:
    """``parse_award_value`` turning its refusal into a usage error of --vote."""
    from tdkt.commands.app import BadValue
    from tdkt.errors import UsageError

    def go(text: str) -> str:
        try:
            return str(parse(text))
        except BadValue as exc:
            raise UsageError(f"--vote: {exc}") from None

    return go


def _record_regulation(ws: "Workspace", rules: dict[str, Any], council: str) -> None:
    from tdkt import console
    from tdkt import regulation as reg
    from tdkt.ruleset import load_ruleset

    path = reg.record(ws.overlay_dir, votes=rules["votes"], quorum=rules["quorum"], article=rules["article"],
                      regulation=rules["regulation"], title=f"Quy chế của {council}")
    rs = load_ruleset(on=dt.date.today(), overlay=ws.overlay_dir)
    if path is not None:
        console.info(f"  Quy chế của Hội đồng ({path.relative_to(ws.root)}):")
        for v in rules["votes"]:
            console.info(f"    {rs.award_name(v.award)}: {v.words()} ({rules['article']})")
        if rules["quorum"] is not None:
            q = rules["quorum"]
            console.info(f"    Túc số phiên họp: {q.numerator}/{q.denominator} tổng số thành viên ({rules['article']})")
    missing = reg.still_open(rs)
    if missing:
        console.warn(f"Theo {rs.title}, quy chế của Hội đồng chưa đặt tỷ lệ phiếu cho: "
                     f"{', '.join(rs.award_name(a) for a in missing)}; kiểm phiếu các khen thưởng này sẽ kết luận "
                     "'cần xem xét'. Đặt bằng --vote khi tạo không gian làm việc, hoặc trong một tệp quy chế ở thư "
                     "mục rules/ (mẫu: tdkt rules example).")

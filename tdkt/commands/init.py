"""`tdkt init`: make the current folder a workspace (tdkt.toml + register)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from tdkt.commands.common import ForceOpt


def _ask(value: str | None, prompt: str, default: str, interactive: bool) -> str:
    if value is not None:
        return value
    if interactive:
        return str(typer.prompt(prompt, default=default))
    return default


def init(
    council: Annotated[str | None, typer.Option("--council", help="Tên Hội đồng TĐKT.")] = None,
    level: Annotated[str | None, typer.Option("--level", help="Cấp Hội đồng: xa | huyen | tinh | bo.")] = None,
    agency: Annotated[str | None, typer.Option("--agency", help="Cơ quan ban hành (vd ỦY BAN NHÂN DÂN TỈNH …).")] = None,
    parent_agency: Annotated[str | None, typer.Option("--parent-agency", help="Cơ quan chủ quản (có thể để trống).")] = None,
    abbreviation: Annotated[str | None, typer.Option("--abbreviation", help="Ký hiệu cơ quan trong số văn bản (vd UBND).")] = None,
    place: Annotated[str | None, typer.Option("--place", help="Địa danh ở dòng ngày tháng (vd Hải Phòng).")] = None,
    proposer: Annotated[str | None, typer.Option("--proposer", help="'Theo đề nghị của …' (vd Giám đốc Sở Nội vụ).")] = None,
    chair: Annotated[str | None, typer.Option("--chair", help="Họ tên người ký Quyết định.")] = None,
    chair_title: Annotated[str | None, typer.Option("--chair-title", help="Chức danh người ký (vd CHỦ TỊCH, PHÓ CHỦ TỊCH).")] = None,
    chair_prefix: Annotated[str | None, typer.Option("--chair-prefix", help="Quyền hạn ký: TM. | KT. | Q. | TL. | TUQ. | (trống).")] = None,
    members: Annotated[int | None, typer.Option("--members", min=1, help="Số thành viên Hội đồng.")] = None,
    database_url: Annotated[str | None, typer.Option("--database-url", help="URL sổ dùng chung (PostgreSQL); mặc định là tệp SQLite cạnh tdkt.toml.")] = None,
    force: ForceOpt = False,
) -> None:
    """Tạo không gian làm việc ở thư mục hiện tại: tệp cấu hình tdkt.toml và sổ theo dõi khen thưởng.

    Chỉ hỏi khi chạy ở terminal; khi đầu vào không phải terminal, các khóa không nêu lấy giá trị mặc định.
    Nếu đã có tdkt.toml thì từ chối (mã 3) và không thay đổi gì, trừ khi có --force.
    """
    from tdkt import console, workspace
    from tdkt.errors import UsageError

    root = Path.cwd()
    if (root / workspace.CONFIG_NAME).exists() and not force:
        workspace.create(root, workspace.Config(), force=False)  # raises the refusal
    interactive = sys.stdin.isatty()
    cfg = workspace.Config()
    council_name = _ask(council, "Tên Hội đồng", cfg.council.name, interactive)
    level_v = _ask(level, "Cấp (xa/huyen/tinh/bo)", cfg.council.level, interactive)
    if level_v not in ("xa", "huyen", "tinh", "bo"):
        raise UsageError(f"Cấp Hội đồng '{level_v}' không hợp lệ: chọn xa, huyen, tinh hoặc bo.")
    data = cfg.model_dump()
    data["council"].update(name=council_name, level=level_v, members=members)
    data["agency"].update(
        name=_ask(agency, "Cơ quan ban hành", cfg.agency.name, interactive),
        parent=_ask(parent_agency, "Cơ quan chủ quản", cfg.agency.parent, interactive),
        abbreviation=_ask(abbreviation, "Ký hiệu cơ quan", cfg.agency.abbreviation, interactive),
        place=_ask(place, "Địa danh", cfg.agency.place, interactive),
        proposer=_ask(proposer, "Theo đề nghị của", cfg.agency.proposer, interactive),
    )
    signer = data["signers"]["decision"]
    signer.update(
        name=_ask(chair, "Người ký", signer["name"], interactive),
        title=_ask(chair_title, "Chức danh người ký", signer["title"], interactive),
        prefix=_ask(chair_prefix, "Quyền hạn ký (TM./KT./Q.)", signer["prefix"], interactive),
    )
    if signer["prefix"] not in ("", "TM.", "KT.", "Q.", "TL.", "TUQ."):
        raise UsageError(f"Quyền hạn ký '{signer['prefix']}' không hợp lệ: TM., KT., Q., TL., TUQ. hoặc để trống.")
    data["signers"]["proposal"] = dict(signer)
    if database_url:
        data["database"]["url"] = database_url
    ws = workspace.create(root, workspace.Config.model_validate(data), force=force)
    console.info(f"Đã tạo không gian làm việc tại {ws.root}")
    console.info(f"  cấu hình: {ws.config_path.name}; sổ theo dõi: {ws.database_url}")
    console.info("Tiếp theo: tdkt session new 2022-1 --date 2022-04-25 --year 2021 --members 11")

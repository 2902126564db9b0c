"""`tdkt tally`: count the council's ballots against the thresholds of the law and the overlay."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tdkt.commands.common import AwardOpt, ForceOpt, FormatOpt, SessionOpt, TableJson


def tally(
    ballots: Annotated[list[Path], typer.Argument(metavar="BALLOTS...", help="Tệp phiếu bầu (.csv, .xlsx).")],
    session: SessionOpt = None,
    members: Annotated[int | None, typer.Option("--members", help="Số thành viên Hội đồng (mẫu số).")] = None,
    award: AwardOpt = None,
    verify: Annotated[Path | None, typer.Option("--verify", help="Bản nhập thứ hai của cùng các phiếu, để đối chiếu.")] = None,
    fmt: FormatOpt = TableJson.table,
    force: ForceOpt = False,
) -> None:
    """Kiểm phiếu bầu của Hội đồng: tỷ lệ đồng ý trên TỔNG SỐ thành viên, ngưỡng theo từng hình thức."""
    from tdkt.errors import TdktError

    raise TdktError("Lệnh tally chưa được cài đặt.")

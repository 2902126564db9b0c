"""Options shared by several commands (declared once, as Annotated aliases)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

SessionOpt = Annotated[
    str | None, typer.Option("--session", "-s", help="Mã đợt xét (vd 2022-1); mặc định là đợt hiện hành.")
]
AwardOpt = Annotated[str | None, typer.Option("--award", "-a", help="Mã khen thưởng (vd chien_si_thi_dua_co_so).")]
ForceOpt = Annotated[bool, typer.Option("--force", help="Cho phép ghi đè/ghi lại kết quả đã có (kết quả cũ giữ trong lịch sử).")]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help="Tệp kết quả.")]


class TableJson(StrEnum):
    table = "table"
    json = "json"


FormatOpt = Annotated[TableJson, typer.Option("--format", "-f", help="Dạng kết quả: table (bảng) hoặc json.")]

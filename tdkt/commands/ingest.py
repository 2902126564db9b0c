"""`tdkt ingest`: what was read from nomination lists, and how (no verdicts)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tdkt.commands.common import FormatOpt, TableJson


def ingest(
    files: Annotated[list[Path], typer.Argument(metavar="FILE...", help="Danh sách đề nghị (.xlsx, .xls, .ods, .csv).")],
    fmt: FormatOpt = TableJson.table,
    columns: Annotated[Path | None, typer.Option("--columns", help="Tệp ánh xạ cột (TOML/YAML: tiêu đề → trường).")] = None,
) -> None:
    """Đọc danh sách đề nghị và cho biết đã hiểu thế nào: dòng tiêu đề, cột → trường, các bản ghi, phát hiện."""
    from tdkt.errors import TdktError

    raise TdktError("Lệnh ingest chưa được cài đặt.")

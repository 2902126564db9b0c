"""`tdkt ingest`: what was read from nomination lists, and how (no verdicts)."""

from pathlib import Path
from typing import Annotated

import typer

from tdkt.commands.common import AllOpt, FormatOpt, QuietOpt, TableJson, readable


def ingest(
    files: Annotated[
        list[Path], typer.Argument(metavar="TỆP...", help="Danh sách đề nghị (.xlsx, .xls, .ods, .csv).")
    ],
    fmt: FormatOpt = TableJson.table,
    columns: Annotated[
        Path | None, typer.Option("--columns", metavar="TỆP", help="Tệp ánh xạ cột (TOML/YAML: tiêu đề → trường).")
    ] = None,
    all_rows: AllOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """Đọc danh sách đề nghị và cho biết đã hiểu thế nào: dòng tiêu đề, cột → trường, các bản ghi, phát hiện.

    Từ vựng cột: docs/columns.md. Cột lạ khai báo trong [legal.columns] của tdkt.toml hoặc --columns.
    """
    from tdkt import console, workspace
    from tdkt.ingest import read_nominations
    from tdkt.ingest.report import load_columns, show

    readable(*files, columns)
    ws = workspace.find()
    colmap = load_columns(columns, ws.config.legal.columns if ws else None)
    extra = None
    if ws is not None:  # the council's own titles (overlay) are awards too
        from tdkt.validation import overlay_aliases

        extra = overlay_aliases([ws.overlay_dir]) or None
    with console.progress(quiet=quiet, inputs=files):
        result = read_nominations(files, columns=colmap, extra_awards=extra, cells=True)
    if fmt is TableJson.json:
        from tdkt import fastpaths

        if fastpaths.PLAIN:  # the plain path: the document's dicts through the encoder of every command
            console.print_json(result.to_dict())
        else:  # the records encoded from their Structs (tdkt.ingest.records), the same bytes
            console.write_json(result.to_json())
    else:
        from tdkt.commands.common import award_name

        show(result, all_rows=all_rows, award_name=award_name)

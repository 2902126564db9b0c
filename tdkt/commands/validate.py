"""`tdkt validate`: check nominees against the award criteria of the round's legal regime."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from tdkt.commands.common import AllOpt, AwardOpt, ForceOpt, OutputOpt, QuietOpt, SessionOpt


class ValidateFormat(StrEnum):
    table = "table"
    json = "json"
    xlsx = "xlsx"


def validate(
    files: Annotated[list[Path], typer.Argument(metavar="TỆP...", help="Danh sách đề nghị.")],
    session: SessionOpt = None,
    rules: Annotated[str | None, typer.Option("--rules", help="Bộ tiêu chí (mã hoặc đường dẫn); mặc định theo ngày của đợt.")] = None,
    year: Annotated[int | None, typer.Option("--year", help="Năm thành tích được xét.")] = None,
    award: AwardOpt = None,
    fmt: Annotated[ValidateFormat, typer.Option("--format", "-f", help="table | json | xlsx (bản sao có chú thích; trên 20.000 người: bảng kết quả, mỗi người một dòng).")] = ValidateFormat.table,
    output: OutputOpt = None,
    strict: Annotated[bool, typer.Option("--strict", help="Coi cảnh báo như lỗi (mã thoát 1).")] = False,
    force: ForceOpt = False,
    all_rows: AllOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """Thẩm định từng người/tập thể được đề nghị theo tiêu chí của pháp luật và quy chế Hội đồng, nêu rõ căn cứ.

    Mỗi hồ sơ có kết luận Đạt / Không đạt / Cần xem xét, kèm mã tiêu chí, điều luật và ô trong tệp.
    Có đợt xét (không gian làm việc), kết quả được lưu vào đợt (chạy lại cần --force).
    """
    from tdkt import console
    from tdkt.errors import UsageError
    from tdkt.reporters import REPORTERS
    from tdkt.validation import validate_files

    if fmt is not ValidateFormat.xlsx and output is not None:
        raise UsageError("--output chỉ dùng với --format xlsx.")
    if fmt is ValidateFormat.xlsx:  # a copy that may not be written is refused before the round is touched
        from tdkt import output as policy
        from tdkt.reporters import default_output

        policy.check([output or default_output(files)], force=force, inputs=files)
    with console.progress(quiet=quiet, inputs=files):  # on stderr; what is printed comes after it
        run = validate_files(files, session=session, rules=rules, year=year, award=award, force=force)
        if fmt is ValidateFormat.xlsx:
            written = REPORTERS["xlsx"](run.report, paths=files, output=output, force=force)
    if fmt is ValidateFormat.xlsx:
        console.info(f"Đã ghi {written}.")
    else:
        REPORTERS[fmt.value](run.report, all_rows=all_rows)
    raise typer.Exit(run.report.exit_code(strict=strict))

"""`tdkt validate`: check nominees against the award criteria of the round's legal regime."""

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from tdkt.commands.common import AllOpt, AwardOpt, QuietOpt, SessionOpt

if TYPE_CHECKING:
    from tdkt.rounds import FileStored


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
    fmt: Annotated[ValidateFormat, typer.Option("--format", "-f", help="table | json | xlsx (mỗi danh sách một bản sao có chú thích; trên 20.000 người: bảng kết quả, mỗi người một dòng).")] = ValidateFormat.table,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Tệp .xlsx kết quả (một danh sách; mặc định <tên>-tham-dinh.xlsx), hoặc thư mục khi có nhiều danh sách (mỗi danh sách một tệp <tên>-tham-dinh.xlsx; mặc định thư mục hiện tại).")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Coi cảnh báo như lỗi (mã thoát 1).")] = False,
    force: Annotated[bool, typer.Option("--force", help="Thay danh sách đã lưu cả khi việc đó đổi kết quả của hồ sơ đã được xử lý (Thường trực đã xem xét, Hội đồng đã bỏ phiếu, quyết định đã ghi vào sổ); ghi đè tệp .xlsx đã có.")] = False,
    all_rows: AllOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """Thẩm định từng người/tập thể được đề nghị theo tiêu chí của pháp luật và quy chế Hội đồng, nêu rõ căn cứ.

    Mỗi hồ sơ có kết luận Đạt / Không đạt / Cần xem xét, kèm mã tiêu chí, điều luật và ô trong tệp.
    Trong một đợt xét, mỗi danh sách được lưu vào đợt riêng: danh sách của đơn vị khác được thêm vào,
    không thay danh sách đã có; thẩm định lại cùng một tệp không đổi thì không lưu lại; tệp đã sửa thay
    kết quả cũ của chính nó (kết quả cũ giữ trong lịch sử). --format xlsx ghi bản sao có chú thích và
    lưu đúng như lệnh thẩm định thường.
    """
    from tdkt import console
    from tdkt.commands.common import readable
    from tdkt.errors import UsageError
    from tdkt.reporters import REPORTERS
    from tdkt.validation import validate_files

    if fmt is not ValidateFormat.xlsx and output is not None:
        raise UsageError("--output chỉ dùng với --format xlsx.")
    readable(*files)
    if fmt is ValidateFormat.xlsx:  # a copy that may not be written is refused before the round is touched
        from tdkt import output as policy
        from tdkt.reporters import xlsx_targets

        policy.check(xlsx_targets(files, output), force=force, inputs=files)
    written: list[Path] = []
    cut: list[str] = []  # cells longer than Excel holds, cut in the copy (issue 19, #30)
    with console.progress(quiet=quiet, inputs=files):  # on stderr; what is printed comes after it
        run = validate_files(files, session=session, rules=rules, year=year, award=award, force=force)
        if fmt is ValidateFormat.xlsx:
            written = REPORTERS["xlsx"](run.report, paths=files, output=output, force=force, cut=cut)
    if fmt is ValidateFormat.json:
        doc = run.to_dict()
        if run.stored:
            doc = {**doc, "stored": [f.to_dict() for f in run.stored]}
        console.print_json(doc)
    else:
        if fmt is ValidateFormat.xlsx:
            for path in written:
                console.info(f"Đã ghi {path}.")
            if cut:
                console.warn(f"{len(cut)} ô dài hơn giới hạn {CELL_LIMIT} ký tự một ô của Excel nên bản sao chỉ giữ "
                             f"phần đầu (cuối ô có dấu …): {'; '.join(cut)}. Danh sách gốc không đổi.")
        else:
            REPORTERS[fmt.value](run.report, all_rows=all_rows)
        if run.round is not None and run.stored:
            _say_stored(run.round.id, run.stored)
    raise typer.Exit(run.report.exit_code(strict=strict))


CELL_LIMIT = "32.767"  # tdkt.output.CELL_MAX, written as an officer reads it


def _say_stored(round_id: str, stored: list["FileStored"]) -> None:
    from tdkt import console

    for f in stored:
        if f.action == "added":
            line = f"Đợt {round_id}: đã lưu danh sách {f.file} ({f.nominees} hồ sơ)."
        elif f.action == "replaced":
            line = (f"Đợt {round_id}: danh sách {f.file} đã thay đổi; kết quả mới ({f.nominees} hồ sơ) thay kết quả "
                    "trước của chính danh sách này (kết quả cũ giữ trong lịch sử).")
        elif f.same_as:
            line = (f"Đợt {round_id}: {f.file} có cùng nội dung với danh sách {f.same_as} đã lưu trong đợt; "
                    "không lưu lại.")
        else:
            line = f"Đợt {round_id}: danh sách {f.file} không đổi so với lần thẩm định trước; không lưu lại."
        console.info(console.escape(line))
        if f.reopened:
            console.info(console.escape(f"  Mở lại việc xem xét (dữ kiện đã thay đổi): {', '.join(f.reopened)}."))
    console.info(f"Các danh sách của đợt và số hồ sơ: tdkt session show {round_id}")

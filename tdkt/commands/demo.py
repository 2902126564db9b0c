"""`tdkt demo`: the whole bundled example round in a fresh temporary workspace."""

from pathlib import Path
from typing import Annotated

import typer


def demo(
    out: Annotated[Path | None, typer.Option("--out", help="Thư mục ghi kết quả; mặc định một thư mục tạm mới.")] = None,
) -> None:
    """Chạy trọn một đợt xét mẫu (hồ sơ, thẩm định, kiểm phiếu, văn bản) trên dữ liệu ví dụ kèm theo."""
    from tdkt.demo import run_demo

    run_demo(out)

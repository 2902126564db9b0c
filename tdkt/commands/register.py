"""`tdkt register …`: the award register that later rounds are checked against."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(help="Sổ theo dõi khen thưởng: nhập lịch sử, tra cứu, ban hành quyết định, nhật ký.", no_args_is_help=True)


def _todo() -> None:
    from tdkt.errors import TdktError

    raise TdktError("Lệnh register chưa được cài đặt.")


@app.command("import")
def import_(files: Annotated[list[Path], typer.Argument(metavar="FILE...")]) -> None:
    """Nhập lịch sử khen thưởng từ danh sách quyết định/sổ theo dõi (.xlsx, .csv)."""
    _todo()


@app.command("search")
def search(text: Annotated[str, typer.Argument(metavar="TEXT")]) -> None:
    """Tìm người/tập thể trong sổ."""
    _todo()


@app.command("show")
def show(person: Annotated[str, typer.Argument(metavar="PERSON")]) -> None:
    """Xem toàn bộ lịch sử khen thưởng của một người/tập thể."""
    _todo()


@app.command("export")
def export() -> None:
    """Xuất toàn bộ sổ ra tệp."""
    _todo()


@app.command("log")
def log() -> None:
    """Nhật ký các lệnh đã thay đổi sổ."""
    _todo()


@app.command("issue")
def issue() -> None:
    """Ghi nhận quyết định đã ký: số, ngày; đưa người được khen vào sổ."""
    _todo()

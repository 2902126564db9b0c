"""`tdkt rules …`: the rule packs (legal regimes) and council overlays."""

from __future__ import annotations

import typer

app = typer.Typer(help="Bộ tiêu chí khen thưởng theo từng chế độ pháp luật và quy chế của Hội đồng.", no_args_is_help=True)


def _todo() -> None:
    from tdkt.errors import TdktError

    raise TdktError("Lệnh rules chưa được cài đặt.")


@app.command("list")
def list_() -> None:
    """Liệt kê các bộ tiêu chí."""
    _todo()


@app.command("show")
def show(pack: str) -> None:
    """Xem một bộ tiêu chí."""
    _todo()


@app.command("check")
def check(path: str) -> None:
    """Kiểm tra một tệp tiêu chí/quy chế."""
    _todo()


@app.command("docs")
def docs() -> None:
    """Viết tài liệu tham chiếu của mọi tiêu chí và vị từ."""
    _todo()

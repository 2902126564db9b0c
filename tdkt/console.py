"""The only module that imports rich: lazy consoles for stdout/stderr and small table helpers."""

from __future__ import annotations

import sys
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table


@cache
def out() -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


@cache
def err() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def error(message: str) -> None:
    """One Vietnamese line on stderr, prefixed "Lỗi:"."""
    err().print(f"[bold red]Lỗi:[/] {escape(message)}", soft_wrap=True)


def warn(message: str) -> None:
    err().print(f"[yellow]Chú ý:[/] {escape(message)}", soft_wrap=True)


def info(message: str) -> None:
    """A line for people on stdout; never hard-wrapped (paths and names stay whole)."""
    out().print(message, soft_wrap=True)


def escape(text: str) -> str:
    from rich.markup import escape as _escape

    return _escape(text)


def print_json(document: dict[str, Any]) -> None:
    """One JSON document on stdout, UTF-8, not ASCII-escaped (the contract's --format json).

    orjson (C) rather than the stdlib: with ``indent`` the stdlib encoder runs in pure Python, which
    cost seconds on a 100,000-nominee report. Dates and other objects are written as ``str()``.
    """
    import orjson

    text = orjson.dumps(document, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS | orjson.OPT_PASSTHROUGH_DATETIME,
                        default=str)
    out = sys.stdout
    buffer = getattr(out, "buffer", None)
    if buffer is not None and (out.encoding or "").replace("-", "").lower() == "utf8":
        out.flush()  # the bytes go straight to the buffer: no decode and re-encode of ~100 MB
        buffer.write(text + b"\n")
        buffer.flush()
    else:
        out.write(text.decode("utf-8") + "\n")
        out.flush()


def table(title: str | None, columns: list[str], rows: list[list[Any]], **kwargs: Any) -> Table:
    from rich.table import Table

    t = Table(title=title, **kwargs)
    for col in columns:
        t.add_column(col)
    for row in rows:
        t.add_row(*("" if v is None else escape(str(v)) for v in row))
    return t


def show(renderable: Any) -> None:
    out().print(renderable)

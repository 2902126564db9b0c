"""The Typer application: one thin function per command, and the one error boundary.

Heavy libraries (openpyxl, sqlalchemy, docxtpl, jinja2, pydantic models) are imported inside the
commands, so ``tdkt --help`` costs little more than Typer itself.
"""

import os
import sys
from typing import Annotated, Any

import typer

from tdkt import __version__
from tdkt.commands.app import App, Group

EPILOG = (
    "Mã thoát: 0 thành công; 1 có lỗi thẩm định hoặc phiếu không hợp lệ; 2 sai cú pháp lệnh; "
    "3 không dùng được tệp đầu vào (không ghi gì); 4 lỗi nội bộ của tdkt."
)

_state: dict[str, bool] = {"debug": os.environ.get("TDKT_DEBUG", "") not in ("", "0")}


class _Boundary(Group):
    """Turns a TdktError into one Vietnamese line on stderr and its exit code (no traceback)."""

    def invoke(self, ctx: Any) -> Any:
        from typer._click.exceptions import ClickException

        from tdkt.errors import TdktError
        from tdkt.util import cli_gc

        try:
            with cli_gc():  # the collector policy of a command: tdkt.util.no_gc
                return super().invoke(ctx)
        except (ClickException, typer.Exit, typer.Abort, BrokenPipeError):
            raise  # usage errors (already Vietnamese, see tdkt.commands.app), exits, Ctrl-C, `| head`
        except TdktError as exc:
            if _state["debug"]:
                raise
            from tdkt import console

            console.error(exc.message)
            raise typer.Exit(exc.exit_code) from None
        except Exception as exc:
            # Typer's own signals (Exit, Abort, usage errors) pass through untouched.
            if _state["debug"] or type(exc).__module__.split(".")[0] in ("typer", "click"):
                raise
            from tdkt import console

            console.error(
                f"Lỗi nội bộ của tdkt ({type(exc).__name__}: {exc}). "
                "Chạy lại với --debug để xem chi tiết và xin báo lỗi cho nhóm phát triển."
            )
            raise typer.Exit(4) from None


app = App(
    cls=_Boundary,
    name="tdkt",
    help="tdkt — bộ công cụ của Thường trực Hội đồng Thi đua – Khen thưởng: đọc danh sách đề nghị, "
    "thẩm định theo tiêu chí pháp luật, kiểm phiếu, soạn Quyết định/Tờ trình/Biên bản, sổ theo dõi khen thưởng.",
    epilog=EPILOG,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"tdkt {__version__}")
        raise typer.Exit(0)


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="In phiên bản rồi thoát.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Hiện đầy đủ lỗi (traceback) để báo lỗi.")] = False,
) -> None:
    """tdkt — bộ công cụ của Thường trực Hội đồng Thi đua – Khen thưởng."""
    if debug:
        _state["debug"] = True


def _register() -> None:
    from tdkt.commands import demo, ingest, init, register, render, review, rules, session, tally, validate

    app.command("init", epilog=EPILOG)(init.init)
    app.add_typer(session.app, name="session")
    app.command("ingest", epilog=EPILOG)(ingest.ingest)
    app.command("validate", epilog=EPILOG)(validate.validate)
    app.command("tally", epilog=EPILOG)(tally.tally)
    app.add_typer(review.app, name="review")
    app.command("render", epilog=EPILOG)(render.render)
    app.add_typer(register.app, name="register")
    app.add_typer(rules.app, name="rules")
    app.command("demo", epilog=EPILOG)(demo.demo)


_register()

if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())

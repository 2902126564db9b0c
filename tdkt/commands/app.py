"""The Typer classes every tdkt command is built with: help and usage errors in Vietnamese.

Typer (which vendors Click since 0.26) writes its help and its usage errors in English ("Usage:",
"Show this message and exit.", "Missing argument", "No such option", "<int range>", "[x>=1]"…), and
most of those strings are not behind gettext. So the two things an officer reads from the parser
are made here, from the parser's own structured data (the parameter, its type, the pydantic error
behind a bad value), never by rewording its English text:

- **help**: ``Command``/``Group`` lay out the usage line, the arguments, the options and the
  commands with Vietnamese headings, value names (``SỐ``, ``TỆP``, ``NGÀY``…) and notes
  (``[mặc định: …]``, ``[bắt buộc]``, ``[từ 1 trở lên]``), and a Vietnamese help option;
- **usage errors**: :func:`usage_message` turns any Click usage error into one Vietnamese line, and
  ``Group`` raises it as :class:`VietnameseUsageError`, which prints "Lỗi: …", the usage line and
  where to find help on stderr, with exit code 2 (design.md §4).

``App`` is the ``typer.Typer`` to use for every command group: its commands and sub-groups get these
classes without saying so (tests/cli/test_usage.py checks the whole command tree and runs every
command with a missing argument, an unknown option and a bad value). :func:`cli_markdown` writes
docs/cli.md from the same help. Only typer and the stdlib are imported here (``tdkt --help`` stays
light).
"""

import inspect
from collections.abc import Callable, Sequence
from difflib import get_close_matches
from enum import Enum
from pathlib import Path
from typing import IO, Any

import typer
from typer import _click as click
from typer._click import exceptions as cx
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

HELP_TEXT = "Xem hướng dẫn này rồi thoát."
OPTIONS_METAVAR = "[TÙY_CHỌN]"
SUBCOMMAND_METAVAR = "LỆNH [THAM_SỐ]..."
USAGE_PREFIX = "Cách dùng: "
HEADINGS = {"arguments": "Tham số", "options": "Tùy chọn", "commands": "Lệnh"}


class VietnameseUsageError(cx.UsageError):
    """A usage error already in Vietnamese: shown as "Lỗi: …", the usage line and where help is."""

    def show(self, file: IO[Any] | None = None) -> None:
        from tdkt import console  # its layout helpers import no rich

        lines = console.wrap_text(f"Lỗi: {self.message}", console.width())
        if self.ctx is not None:
            lines.append(self.ctx.get_usage())
            if self.ctx.command.get_help_option(self.ctx) is not None:
                lines.append(f"Xem hướng dẫn: {self.ctx.command_path} {self.ctx.help_option_names[0]}")
        typer.echo("\n".join(lines), file=file, err=file is None)


# --- value names and notes -----------------------------------------------------------------------


def _choices(param: click.Parameter) -> list[str]:
    desc = getattr(param, "type_descriptor", None)
    values = desc.choices if desc is not None else None
    return [str(c.value if isinstance(c, Enum) else c) for c in values or ()]


def _base_type(param: click.Parameter) -> Any:
    desc = getattr(param, "type_descriptor", None)
    annotation = desc.annotation if desc is not None else None
    args = getattr(annotation, "__args__", None)
    if getattr(annotation, "__origin__", None) is list and args:
        return args[0]
    return annotation


def value_name(param: click.Parameter) -> str:
    """The name of the value an option or argument takes, as help shows it (``SỐ``, ``table|json``)."""
    if param.metavar:
        return param.metavar
    choices = _choices(param)
    if choices:
        return "|".join(choices)
    kind = _base_type(param)
    if kind is int:
        return "SỐ"
    if kind is float:
        return "SỐ"
    if isinstance(kind, type) and issubclass(kind, Path):
        return "TỆP"
    return "GIÁ_TRỊ"


def _range(param: click.Parameter) -> str | None:
    low, high = getattr(param, "min", None), getattr(param, "max", None)
    if low is not None and high is not None:
        return f"từ {low} đến {high}"
    if low is not None:
        return f"từ {low} trở lên"
    if high is not None:
        return f"không quá {high}"
    return None


def _default(param: click.Parameter) -> str | None:
    if not getattr(param, "show_default", False) or getattr(param, "is_flag", False):
        return None
    value = param.default
    if value is None or callable(value) or value in ((), [], ""):
        return None
    if isinstance(value, Enum):
        value = value.value
    return str(value)


def _notes(param: click.Parameter) -> str:
    notes = []
    default = _default(param)
    if default is not None:
        notes.append(f"mặc định: {default}")
    span = _range(param)
    if span:
        notes.append(span)
    if getattr(param, "multiple", False):
        notes.append("nêu nhiều lần được")
    if param.required and isinstance(param, TyperOption):
        notes.append("bắt buộc")
    return f"[{'; '.join(notes)}]" if notes else ""


def _label(param: click.Parameter) -> str:
    """How an error names a parameter: ``tham số TỆP...`` or ``tùy chọn --date``."""
    if isinstance(param, TyperOption):
        return f"tùy chọn {max(param.opts, key=len)}"
    name = param.metavar or (param.name or "").upper()
    return f"tham số {name}"


def help_record(param: click.Parameter) -> tuple[str, str] | None:
    """The (names, help) pair of one option or argument in Vietnamese."""
    if getattr(param, "hidden", False):
        return None
    if isinstance(param, TyperOption):
        names = ", ".join(sorted(param.opts, key=len))
        if param.secondary_opts:
            names += " / " + ", ".join(param.secondary_opts)
        if not param.is_flag and not param.count:
            names += f" {value_name(param)}"
    else:
        names = param.metavar or (param.name or "").upper()
    text = inspect.cleandoc(getattr(param, "help", None) or "")
    notes = _notes(param)
    return names, f"{text}  {notes}".strip() if notes else text


def records(params: Sequence[click.Parameter]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The help records of a command's arguments and of its options."""
    args: list[tuple[str, str]] = []
    opts: list[tuple[str, str]] = []
    for param in params:
        record = help_record(param)
        if record is not None:
            (args if isinstance(param, TyperArgument) else opts).append(record)
    return args, opts


def _usage_piece(param: click.Parameter) -> str:
    if isinstance(param, TyperOption):
        return ""
    name = param.metavar or (param.name or "").upper()
    if param.nargs != 1 and not name.endswith("..."):
        name += "..."
    return name if param.required else f"[{name}]"


# --- usage errors -------------------------------------------------------------------------------


def _expected(param: click.Parameter) -> str:
    """What a parameter takes, in words, for a bad value."""
    choices = _choices(param)
    if choices:
        return "chọn một trong: " + ", ".join(choices)
    kind = _base_type(param)
    span = _range(param)
    if kind is int:
        return "cần một số nguyên" + (f" {span}" if span else "")
    if kind is float:
        return "cần một số" + (f" {span}" if span else "")
    if isinstance(kind, type) and issubclass(kind, Path):
        return "cần đường dẫn một tệp hoặc thư mục"
    return "giá trị không dùng được"


def _bad_input(exc: BaseException) -> Any:
    """The value the officer typed, from the pydantic error behind a bad value (or None)."""
    cause = exc.__cause__
    errors = getattr(cause, "errors", None)
    if callable(errors):
        found = errors()
        if found and "input" in found[0]:
            return found[0]["input"]
    return None


class BadValue(cx.BadParameter):
    """A value tdkt's own parsers refuse; the message is Vietnamese and names what is expected."""


def usage_message(exc: cx.UsageError) -> str:
    """One Vietnamese sentence for any usage error of the parser."""
    param = getattr(exc, "param", None)
    ctx = exc.ctx
    if isinstance(exc, VietnameseUsageError):
        return exc.message
    if isinstance(exc, cx.MissingParameter) and param is not None:
        what = inspect.cleandoc(getattr(param, "help", None) or "").split("\n")[0].rstrip(".")
        return f"Thiếu {_label(param)}" + (f" ({what})." if what else ".")
    if isinstance(exc, cx.NoSuchOption):
        name = exc.option_name
        known: list[str] = []
        if ctx is not None:
            for p in ctx.command.get_params(ctx):
                known += [*p.opts, *p.secondary_opts] if isinstance(p, TyperOption) else []
        close = list(exc.possibilities or ()) or get_close_matches(name, known, n=3, cutoff=0.6)
        hint = f" Có phải ý là: {', '.join(close)}?" if close else ""
        return f"Không có tùy chọn '{name}'.{hint}"
    if isinstance(exc, cx.BadOptionUsage):
        option = _find_option(ctx, exc.option_name)
        if option is not None and (option.is_flag or option.count):
            return f"Tùy chọn '{exc.option_name}' không nhận giá trị."
        return f"Tùy chọn '{exc.option_name}' cần một giá trị."
    if isinstance(exc, BadValue):
        text = exc.message if exc.message.endswith((".", "?", "!")) else exc.message + "."
        label = _label(param) if param is not None else ""
        return f"{label[:1].upper()}{label[1:]}: {text}" if label else text[:1].upper() + text[1:]
    if isinstance(exc, cx.BadParameter) and param is not None:
        value = _bad_input(exc)
        shown = f" '{value}'" if value is not None and not isinstance(value, list | tuple) else ""
        label = _label(param)
        return f"Giá trị{shown} của {label} không hợp lệ: {_expected(param)}."
    return "Câu lệnh không đúng cú pháp."


def _find_option(ctx: click.Context | None, name: str) -> TyperOption | None:
    if ctx is None:
        return None
    for p in ctx.command.get_params(ctx):
        if isinstance(p, TyperOption) and name in (*p.opts, *p.secondary_opts):
            return p
    return None


def _translated(exc: cx.UsageError) -> cx.UsageError:
    if isinstance(exc, VietnameseUsageError | cx.NoArgsIsHelpError):
        return exc
    return VietnameseUsageError(usage_message(exc), exc.ctx)


# --- the command classes --------------------------------------------------------------------------


class _Vietnamese:
    """Help layout shared by Command and Group (a mixin over Click's Command)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            rest: list[str] = super().parse_args(ctx, args)  # type: ignore[misc]
        except cx.UsageError as exc:
            if exc.ctx is None:  # the option parser raises without it: the usage line needs it
                exc.ctx = ctx
                exc.cmd = ctx.command
            raise
        return rest

    def get_help_option(self, ctx: click.Context) -> TyperOption | None:
        option: TyperOption | None = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = HELP_TEXT
        return option

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        pieces = [OPTIONS_METAVAR]
        pieces += [p for p in (_usage_piece(x) for x in self.get_params(ctx)) if p]  # type: ignore[attr-defined]
        return pieces

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix=USAGE_PREFIX)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        args, opts = records(self.get_params(ctx))  # type: ignore[attr-defined]
        if args:
            with formatter.section(HEADINGS["arguments"]):
                formatter.write_dl(args)
        if opts:
            with formatter.section(HEADINGS["options"]):
                formatter.write_dl(opts)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        self.format_usage(ctx, formatter)
        self.format_help_text(ctx, formatter)  # type: ignore[attr-defined]
        self.format_options(ctx, formatter)
        self.format_epilog(ctx, formatter)  # type: ignore[attr-defined]


class Command(_Vietnamese, TyperCommand):
    """A tdkt command: Vietnamese help; extra arguments refused in Vietnamese."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            # Typer's Path parameters check readability in the parser: an unreadable input was a usage
            # error (exit 2, Click's English). Reading it is the library's job, with exit 3 and a
            # Vietnamese line naming the file (design.md §4).
            info = getattr(getattr(param, "type_descriptor", None), "parameter_info", None)
            if info is not None and getattr(info, "readable", False):
                info.readable = False

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        allowed = ctx.allow_extra_args
        ctx.allow_extra_args = True  # Click's own refusal is English: refuse here instead
        try:
            rest = super().parse_args(ctx, args)
        finally:
            ctx.allow_extra_args = allowed
        if rest and not allowed and not ctx.resilient_parsing:
            raise VietnameseUsageError(f"Thừa tham số: {' '.join(rest)}.", ctx)
        return rest


class Group(_Vietnamese, TyperGroup):
    """A tdkt command group: Vietnamese help and commands; every usage error below it in Vietnamese."""

    def __init__(self, *, subcommand_metavar: str | None = None, **attrs: Any) -> None:
        super().__init__(subcommand_metavar=subcommand_metavar or SUBCOMMAND_METAVAR, **attrs)

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        return [*super().collect_usage_pieces(ctx), self.subcommand_metavar]

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_options(ctx, formatter)
        rows = []
        for name in self.list_commands(ctx):
            cmd = self.get_command(ctx, name)
            if cmd is not None and not cmd.hidden:
                rows.append((name, cmd.get_short_help_str(formatter.width - 6 - len(name))))
        if rows:
            with formatter.section(HEADINGS["commands"]):
                formatter.write_dl(rows)

    def resolve_command(self, ctx: click.Context, args: list[str]) -> tuple[str | None, click.Command | None, list[str]]:
        name = args[0]
        cmd = self.get_command(ctx, name)
        if cmd is None and not ctx.resilient_parsing:
            if name.startswith("-"):
                self.parse_args(ctx, args)  # an unknown option before the command: say so
            close = get_close_matches(name, list(self.commands), n=3)
            hint = f" Có phải ý là: {', '.join(close)}?" if close else ""
            raise VietnameseUsageError(f"Không có lệnh '{name}'.{hint}", ctx)
        return name, cmd, args[1:]

    def make_context(self, info_name: str | None, args: list[str], parent: click.Context | None = None,
                     **extra: Any) -> click.Context:
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except cx.UsageError as exc:
            raise _translated(exc) from exc

    def invoke(self, ctx: click.Context) -> Any:
        if not ctx._protected_args and not self.invoke_without_command:
            raise VietnameseUsageError("Thiếu lệnh.", ctx)
        try:
            return super().invoke(ctx)
        except cx.UsageError as exc:
            raise _translated(exc) from exc


class App(typer.Typer):
    """``typer.Typer`` whose commands are :class:`Command` and whose groups are :class:`Group`."""

    def __init__(self, *, cls: type[TyperGroup] | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("no_args_is_help", True)
        kwargs.setdefault("rich_markup_mode", None)
        kwargs.setdefault("add_completion", False)
        kwargs.setdefault("context_settings", {"help_option_names": ["-h", "--help"]})
        super().__init__(cls=cls or Group, **kwargs)

    def command(self, name: str | None = None, *, cls: type[TyperCommand] | None = None,  # type: ignore[override]
                **kwargs: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        return super().command(name, cls=cls or Command, **kwargs)


# --- docs/cli.md ----------------------------------------------------------------------------------


def cli_markdown(app: typer.Typer, name: str = "tdkt") -> str:
    """The reference of every command (docs/cli.md), from the same Vietnamese help as ``--help``."""
    root = typer.main.get_command(app)
    parts: list[str] = []

    def walk(cmd: click.Command, path: str, parent: click.Context | None) -> None:
        settings = dict(cmd.context_settings) if parent is None else {}
        ctx = click.Context(cmd, info_name=path.split(" ")[-1], parent=parent, **settings)
        parts.append(f"## `{path}`\n")
        if cmd.help:
            parts.append(inspect.cleandoc(cmd.help) + "\n")
        formatter = ctx.make_formatter()
        cmd.format_usage(ctx, formatter)
        parts.append("**Cách dùng**:\n\n```console\n$ " + formatter.getvalue().strip()[len(USAGE_PREFIX):] + "\n```\n")
        args, opts = records(cmd.get_params(ctx))
        for heading, rows in ((HEADINGS["arguments"], args), (HEADINGS["options"], opts)):
            if rows:
                parts.append(f"**{heading}**:\n\n" + "".join(f"* `{n}`: {h}\n" for n, h in rows))
        if cmd.epilog:
            parts.append(inspect.cleandoc(cmd.epilog) + "\n")
        if isinstance(cmd, TyperGroup):
            subs = [(n, c) for n, c in cmd.commands.items() if not c.hidden]
            parts.append(f"**{HEADINGS['commands']}**:\n\n"
                         + "".join(f"* `{n}`: {c.get_short_help_str(60)}\n" for n, c in subs))
            for n, c in subs:
                walk(c, f"{path} {n}", ctx)

    walk(root, name, None)
    parts[0] = f"# `{name}`\n"
    return "\n".join(parts)


def close_matches(word: str, candidates: Sequence[str], n: int = 5) -> list[str]:
    """The candidates closest to a mistyped word (for "Gần giống: …" in messages)."""
    return get_close_matches(word, list(candidates), n=n, cutoff=0.5)

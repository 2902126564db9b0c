"""The Jinja environment documents render in, its limits, and what a template's mistake is called.

Every template (bundled or the workspace's own, ``templates/``) renders in Jinja's sandbox with
``StrictUndefined`` and autoescaping. A workspace template is the officer's code, so it also gets:

- a time limit (``RENDER_SECONDS``): a trace function on the template's own frames only (their
  code is named ``<template>``) looks at the clock on every line and loop turn, so nested loops end
  with a message instead of never. Portable (no signals), and it costs nothing to the bundled
  templates, which are not traced;
- a size limit on what one part renders to (``OUTPUT_MAX`` characters) and on what one ``*`` or
  ``+`` builds (``VALUE_MAX``: ``'x' * 2000000000`` is refused before Python allocates it), and on
  the size of ``**`` results;
- no ``{% include %}``, ``{% import %}`` or ``{% extends %}`` (a workspace template is one file).

:func:`failure` turns anything a template raised into one :class:`~tdkt.errors.TemplateError`
naming the template and where in it: the line of an HTML template, the paragraph of a Word
template (docxtpl puts each ``<w:p>`` on a line of its own, so the line is the paragraph), exit 3.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType, TracebackType
from typing import Any

from jinja2.sandbox import SandboxedEnvironment

from tdkt.errors import TemplateError

RENDER_SECONDS = 60.0  # one document from a workspace template (the bundled ones take well under 1 s)
OUTPUT_MAX = 50_000_000  # characters one template part may render to (a 10,000-row annex is ~15 M)
VALUE_MAX = 5_000_000  # characters (or items) one ``*`` / ``+`` may build
POWER_BITS = 100_000  # bits of a ``**`` result
_CODE = "<template>"  # the file name Jinja compiles from_string templates under


class LimitExceeded(Exception):
    """A workspace template went past a render limit; ``what`` says which, in Vietnamese."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


def _sized(value: Any) -> bool:
    return isinstance(value, str | bytes | list | tuple)


class Environment(SandboxedEnvironment):
    """The sandbox with tdkt's filters; ``limited`` adds the size limits of a workspace template."""

    def __init__(self, *, limited: bool = False, **kwargs: Any) -> None:
        from jinja2 import FunctionLoader, StrictUndefined

        from tdkt.render.filters import FILTERS

        kwargs.setdefault("undefined", StrictUndefined)
        kwargs.setdefault("autoescape", True)
        kwargs.setdefault("keep_trailing_newline", True)
        super().__init__(loader=FunctionLoader(lambda name: None), **kwargs)  # include/import: not found
        self.filters.update(FILTERS)
        self.limited = limited
        self.last_source = ""  # the source compiled last (docxtpl: the XML part being rendered)
        if limited:
            self.intercepted_binops = frozenset({"*", "+", "**"})
            self.concat = self._bounded_concat  # type: ignore[method-assign]

    def from_string(self, source: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(source, str):
            self.last_source = source
        return super().from_string(source, *args, **kwargs)

    def parse(self, source: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(source, str):
            self.last_source = source
        return super().parse(source, *args, **kwargs)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                if _sized(seq) and isinstance(n, int) and len(seq) * n > VALUE_MAX:
                    raise LimitExceeded(f"một phép nhân tạo chuỗi/danh sách dài hơn {VALUE_MAX:,} ký tự".replace(",", "."))
        elif operator == "+":
            if _sized(left) and _sized(right) and len(left) + len(right) > VALUE_MAX:
                raise LimitExceeded(f"một phép cộng tạo chuỗi/danh sách dài hơn {VALUE_MAX:,} ký tự".replace(",", "."))
        elif (operator == "**" and isinstance(left, int) and isinstance(right, int) and right > 0
              and abs(left) > 1 and right * abs(left).bit_length() > POWER_BITS):
            raise LimitExceeded("một phép lũy thừa tạo số quá lớn")
        return super().call_binop(context, operator, left, right)

    @staticmethod
    def _bounded_concat(pieces: Iterable[str]) -> str:
        out: list[str] = []
        size = 0
        for piece in pieces:
            size += len(piece)
            if size > OUTPUT_MAX:
                raise LimitExceeded(f"văn bản dài hơn {OUTPUT_MAX:,} ký tự".replace(",", "."))
            out.append(piece)
        return "".join(out)


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Stop the templates rendered inside this block after ``seconds`` (None: no limit)."""
    if seconds is None:
        yield
        return
    deadline = time.monotonic() + seconds
    clock = time.monotonic

    def in_template(frame: FrameType, event: str, arg: Any) -> Any:
        if clock() > deadline:
            raise LimitExceeded(f"soạn quá {seconds:g} giây (vòng lặp quá lớn hoặc không dừng?)")
        return in_template

    def on_call(frame: FrameType, event: str, arg: Any) -> Any:
        return in_template if frame.f_code.co_filename == _CODE else None

    previous = sys.gettrace()
    sys.settrace(on_call)
    try:
        yield
    finally:
        sys.settrace(previous)


# --- what went wrong, for people ------------------------------------------------------------------

_TAGS = re.compile(r"<[^>]*>")


def _template_line(exc: BaseException) -> int | None:
    """The line of the template the exception was raised on (its innermost template frame)."""
    line = None
    tb: TracebackType | None = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == _CODE:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _from_template(exc: BaseException) -> bool:
    return _template_line(exc) is not None


def _near(source: str, line: int | None, *, docx: bool) -> str:
    """Where, for people: "dòng 12" of an HTML template, the paragraph's text of a Word one."""
    if line is None:
        return ""
    if not docx:
        return f" (dòng {line})"
    lines = source.split("\n")
    if not 1 <= line <= len(lines):
        return ""
    text = " ".join(_TAGS.sub("", lines[line - 1]).split())
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")
    if not text:
        return ""
    return f" (đoạn «{text[:100]}{'…' if len(text) > 100 else ''}»)"


def failure(template: Path, exc: BaseException, *, env: Environment | None = None, docx: bool = True,
            user: bool = True) -> TemplateError | None:
    """The TemplateError for what ``template`` raised, or None when it is not the template's doing
    (a bundled template's Python error is tdkt's own bug: exit 4)."""
    from jinja2 import TemplateError as JinjaError
    from jinja2 import TemplateNotFound, TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError

    name = template.name
    source = env.last_source if env is not None else ""
    if isinstance(exc, TemplateSyntaxError):
        near = " / ".join(s.strip() for s in getattr(exc, "docx_context", None) or [] if s.strip())
        where = f" (gần «{near[:100]}»)" if near else _near(source, exc.lineno, docx=docx)
        return TemplateError(f"Mẫu {name} sai cú pháp Jinja{where}: {exc.message}; không ghi tệp nào.")
    where = _near(source, _template_line(exc), docx=docx)
    if isinstance(exc, LimitExceeded):
        return TemplateError(f"Mẫu {name}{where} vượt giới hạn: {exc.what}; không ghi tệp nào.",
                             code="render.template-limit")
    if isinstance(exc, UndefinedError):
        from tdkt.render.docx import _missing_name

        return TemplateError(f"Mẫu {name}{where} cần biến '{_missing_name(exc)}' mà dữ liệu của đợt không có; "
                             "không ghi tệp nào.", code="render.missing-variable")
    if isinstance(exc, TemplateNotFound):
        return TemplateError(f"Mẫu {name}{where} gọi mẫu khác ('{exc.name}', bằng include/import/extends): mẫu "
                             "riêng của không gian làm việc phải là một tệp trọn vẹn; không ghi tệp nào.")
    if isinstance(exc, SecurityError):
        return TemplateError(f"Mẫu {name}{where} dùng thao tác không được phép: {exc}; không ghi tệp nào.")
    if isinstance(exc, JinjaError):
        return TemplateError(f"Không soạn được văn bản từ mẫu {name}{where}: {exc}; không ghi tệp nào.")
    if not user:
        return None
    if isinstance(exc, RecursionError):
        return TemplateError(f"Mẫu {name}{where}: một macro gọi lại chính nó không dừng; không ghi tệp nào.")
    if isinstance(exc, MemoryError):
        return TemplateError(f"Mẫu {name}{where} cần quá nhiều bộ nhớ; không ghi tệp nào.",
                             code="render.template-limit")
    if isinstance(exc, OverflowError) and "MAX_RANGE" in str(exc):
        from jinja2.sandbox import MAX_RANGE

        return TemplateError(f"Mẫu {name}{where}: range(…) quá {MAX_RANGE:,} phần tử; không ghi tệp nào.".replace(",", "."),
                             code="render.template-limit")
    if _from_template(exc) and isinstance(exc, Exception):
        return TemplateError(f"Mẫu {name}{where} lỗi khi soạn ({type(exc).__name__}: {exc}); không ghi tệp nào.")
    return None

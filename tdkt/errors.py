"""The exceptions that stop a run: an input that cannot be used, a broken rule file or template."""

from __future__ import annotations

from typing import Any


class TdktError(Exception):
    """A run cannot continue. Carries a stable ASCII code and a Vietnamese message for people.

    The CLI turns it into one line on stderr and exit code 3 (``--debug`` shows the traceback).
    """

    code = "tdkt.error"
    exit_code = 3

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return self.message


class InputError(TdktError):
    """A file (spreadsheet, ballots, register history) cannot be read or understood."""

    code = "input.unusable"


class RuleFileError(TdktError):
    """A rule pack or overlay is malformed; names the file and the path inside it."""

    code = "rules.bad-file"


class TemplateError(TdktError):
    """A document template is broken or needs data that is missing."""

    code = "render.bad-template"


class WorkspaceError(TdktError):
    """No workspace here, or it would be overwritten, or a round does not exist."""

    code = "workspace.error"


class UsageError(TdktError):
    """Options that contradict each other or a malformed value the parser could not catch."""

    code = "usage.error"
    exit_code = 2


_VN_ERRORS = {
    "extra_forbidden": "khóa không được phép (gõ sai tên?)",
    "missing": "thiếu khóa bắt buộc",
    "literal_error": "giá trị không thuộc các giá trị cho phép",
    "int_type": "cần một số nguyên",
    "int_parsing": "cần một số nguyên",
    "int_from_float": "cần một số nguyên",
    "float_type": "cần một số",
    "float_parsing": "cần một số",
    "string_type": "cần một chuỗi chữ",
    "bool_type": "cần true hoặc false",
    "bool_parsing": "cần true hoặc false",
    "list_type": "cần một danh sách [ … ]",
    "dict_type": "cần một bảng khóa–giá trị",
    "model_type": "cần một bảng khóa–giá trị",
    "date_type": "cần một ngày (YYYY-MM-DD)",
    "date_parsing": "cần một ngày (YYYY-MM-DD)",
    "date_from_datetime_parsing": "cần một ngày (YYYY-MM-DD)",
    "string_pattern_mismatch": "mã chỉ gồm chữ thường không dấu, chữ số, '_', '.', '-' và bắt đầu bằng chữ hoặc số",
    "string_too_long": "quá dài",
}
_BOUNDS = {"greater_than_equal": ("ge", "không nhỏ hơn"), "greater_than": ("gt", "lớn hơn"),
           "less_than_equal": ("le", "không lớn hơn"), "less_than": ("lt", "nhỏ hơn")}


def explain(err: dict[str, Any]) -> str:
    """A pydantic validation error (one of ``exc.errors()``) in Vietnamese: what is wrong and, for a
    bound, the bound; a model's own check (``value_error``) keeps its Vietnamese message."""
    kind = str(err.get("type"))
    value = err.get("input")
    shown = f" (đang là {value!r})" if isinstance(value, (int, float, str, bool)) and len(repr(value)) <= 60 else ""
    if kind in _BOUNDS:
        key, words = _BOUNDS[kind]
        bound = (err.get("ctx") or {}).get(key)
        return f"giá trị phải {words} {bound}{shown}"
    if kind in _VN_ERRORS:
        msg = _VN_ERRORS[kind]
        return msg + (f" ({err.get('msg')})" if kind == "literal_error" else shown)
    if kind in ("value_error", "assertion_error"):
        msg = str(err.get("msg", ""))
        return msg.removeprefix("Value error, ").removeprefix("Assertion failed, ")
    return f"giá trị không hợp lệ{shown}"

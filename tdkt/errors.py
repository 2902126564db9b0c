"""The exceptions that stop a run: an input that cannot be used, a broken rule file or template."""

from __future__ import annotations


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

"""The only module that imports rich: lazy consoles for stdout/stderr and small table helpers."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console


@cache
def out() -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


@cache
def err() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def error(message: str) -> None:
    """One Vietnamese message on stderr, prefixed "Lỗi:", wrapped to the terminal's width."""
    _labelled(err(), "Lỗi:", "bold red", message)


def warn(message: str) -> None:
    _labelled(err(), "Chú ý:", "yellow", message)


def _labelled(console: Console, label: str, style: str, message: str) -> None:
    lines = wrap_text(f"{label} {message}", width())
    console.print(f"[{style}]{label}[/]{escape(lines[0][len(label):])}", soft_wrap=True)
    for line in lines[1:]:
        console.print(escape(line), soft_wrap=True)


def info(message: str) -> None:
    """Lines for people on stdout, wrapped between words to the terminal's width; a word longer
    than the line (a path) stays whole on its own line. ``message`` is Rich markup (escape() what
    comes from files)."""
    from rich.text import Text

    text = "\n".join(wrap_text(Text.from_markup(message).plain, width()))
    stream = out().file
    stream.write(text + "\n")
    stream.flush()


def wrap_text(text: str, width: int) -> list[str]:
    """``text`` wrapped between words to ``width``, each line break kept; long words stay whole. A
    wrapped line keeps its indentation, and goes two further under a bullet ("✓ …", "- …")."""
    import textwrap

    out: list[str] = []
    for para in text.split("\n"):
        if len(para) <= width:
            out.append(para)
            continue
        body = para.lstrip(" ")
        indent = para[:len(para) - len(body)]
        hang = indent + ("  " if body[:2] in ("✓ ", "– ", "- ", "• ", "✗ ") else "")
        out.extend(textwrap.wrap(para, width, subsequent_indent=hang if len(hang) < width // 2 else "",
                                 break_long_words=False, break_on_hyphens=False) or [""])
    return out


def escape(text: str) -> str:
    from rich.markup import escape as _escape

    return _escape(text)


def print_json(document: dict[str, Any]) -> None:
    """One JSON document on stdout, UTF-8, not ASCII-escaped (the contract's --format json).

    orjson (C) rather than the stdlib: with ``indent`` the stdlib encoder runs in pure Python, which
    cost seconds on a 100,000-nominee report. Dates and other objects are written as ``str()``.
    """
    write_json(json_bytes(document))


def json_bytes(document: dict[str, Any]) -> bytes:
    """The bytes :func:`print_json` writes for ``document`` (indented by two spaces, no newline)."""
    import orjson

    return orjson.dumps(document, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS | orjson.OPT_PASSTHROUGH_DATETIME,
                        default=str)


def write_json(text: bytes) -> None:
    """A JSON document already encoded (UTF-8 bytes, as :func:`print_json` makes them) on stdout."""
    out = sys.stdout
    buffer = getattr(out, "buffer", None)
    if buffer is not None and (out.encoding or "").replace("-", "").lower() == "utf8":
        out.flush()  # the bytes go straight to the buffer: no decode and re-encode of ~100 MB
        buffer.write(text)  # and the newline apart: text + b"\n" would copy the document
        buffer.write(b"\n")
        buffer.flush()
    else:
        out.write(text.decode("utf-8") + "\n")
        out.flush()


# --- tables that fit the terminal -----------------------------------------------------------------
# Rich's Table cannot put a cell under its row (it has no column spans), and when a table is too wide
# its last resort shrinks every column evenly, cutting names to "Nguy…". Officers read these tables
# on 80-column laptop terminals, so the layout is done here: each column has a kind that says how it
# may shrink, columns give up width by priority, long notes move under their row, and a name is never
# cut (a column is never narrower than its longest word). tests/cli/test_width.py renders every
# command's table at 80 columns.

SEP = "  "


@dataclass(frozen=True)
class Col:
    """A column of :func:`table`.

    kind: ``short`` (numbers, dates, verdicts: never wrapped), ``name`` (people, units, awards:
    wrapped between words, never cut), ``text`` (prose: shrinks first), ``note`` (long prose — a
    reason, a message: goes under its row when the table would leave it less than NOTE_MIN
    columns), ``code`` (identifiers, paths: whole up to 32 characters, folded beyond).
    """

    header: str
    kind: str = "name"
    right: bool = False  # right-aligned (numbers)
    priority: int | None = None  # who stays in the table: higher stays longer; KEEP never leaves (None: by kind)

    @property
    def stays(self) -> int:
        """The priority, or the kind's: a note leaves first."""
        if self.priority is not None:
            return self.priority
        return 0 if self.kind == "note" else 1


NOTE_MIN = 36
KEEP = 3  # a column of this priority never leaves the table (the name, the verdict)
_MIN = {"short": 0, "name": 14, "text": 20, "note": 20, "code": 32}
_SHRINK = ("note", "text", "code", "name", "short")  # who gives up width first


@dataclass
class Table:
    """Rows laid out for the terminal's width by :func:`layout` (print with :func:`show`)."""

    title: str | None
    columns: list[Col]
    rows: list[list[str]]
    after: list[str] = field(default_factory=list)  # lines printed under the table

    def lines(self, width: int) -> list[str]:
        return layout(self, width)


def _words(text: str) -> list[str]:
    return text.split()


def _natural(col: Col, cells: list[str]) -> tuple[int, int]:
    """(natural width, narrowest allowed) of a column: the header on one line if it can be."""
    widest_cell = max((len(ln) for c in cells for ln in c.split("\n")), default=0)
    longest_word = max((len(w) for c in cells for w in _words(c)), default=0)
    header_word = max((len(w) for w in _words(col.header)), default=0)
    widest = max(widest_cell, len(col.header))
    if col.kind == "short":
        floor = max(widest_cell if widest_cell <= 16 else longest_word, header_word)
    elif col.kind == "code":
        floor = max(min(widest_cell, _MIN["code"]), header_word)
    else:
        floor = max(min(widest_cell, _MIN[col.kind]), longest_word, header_word)
    return widest, min(floor, widest)


def _wrap(text: str, width: int, fold: bool) -> list[str]:
    out: list[str] = []
    for para in text.split("\n"):
        if len(para) <= width:
            out.append(para)
            continue
        import textwrap

        out.extend(textwrap.wrap(para, width, break_long_words=fold, break_on_hyphens=False) or [""])
    return out or [""]


def _fit(widths: list[int], floors: list[int], kinds: list[str], room: int) -> list[int]:
    """Shrink ``widths`` to ``room`` by priority (see _SHRINK), never below ``floors``."""
    widths = list(widths)
    for kind in _SHRINK:
        excess = sum(widths) - room
        if excess <= 0:
            break
        idx = [i for i, k in enumerate(kinds) if k == kind and widths[i] > floors[i]]
        while excess > 0 and idx:
            slack = sum(widths[i] - floors[i] for i in idx)
            take = min(excess, slack)
            for i in idx:  # proportionally to what each can give, the widest first
                share = -(-take * (widths[i] - floors[i]) // slack)
                cut = min(share, widths[i] - floors[i], excess)
                widths[i] -= cut
                excess -= cut
            idx = [i for i in idx if widths[i] > floors[i]]
    return widths


def layout(t: Table, width: int) -> list[str]:
    """The table's lines, none wider than ``width`` unless one word is (see the comment above Col).

    Columns shrink by kind (_SHRINK), never below their floor; when they still do not fit, or a
    note would be squeezed under NOTE_MIN, the lowest-priority column (the rightmost among equals)
    leaves the table and is printed under each row as "Tiêu đề: giá trị".
    """
    cols = list(range(len(t.columns)))
    under: list[int] = []
    while True:
        kinds = [t.columns[i].kind for i in cols]
        nat = [_natural(t.columns[i], [r[i] for r in t.rows]) for i in cols]
        widths, floors = [n[0] for n in nat], [n[1] for n in nat]
        room = width - len(SEP) * (len(cols) - 1)
        widths = _fit(widths, floors, kinds, room)
        squeezed = [j for j, k in enumerate(kinds) if k == "note" and widths[j] < min(NOTE_MIN, nat[j][0])]
        if sum(widths) <= room and not squeezed:
            break
        movable = squeezed or [j for j, i in enumerate(cols) if t.columns[i].stays < KEEP]
        if not movable:
            share = max(4, room // max(1, len(cols)))  # only on absurdly narrow screens: fold evenly
            widths = [min(w, share) for w in widths]
            break
        j = min(movable, key=lambda j: (t.columns[cols[j]].stays, -j))
        under.append(cols.pop(j))
    under.sort()
    lines: list[str] = [t.title] if t.title else []
    heads = [_wrap(t.columns[i].header, w, True) for i, w in zip(cols, widths, strict=True)]
    lines += _joined(heads, widths, [t.columns[i].right for i in cols])
    lines.append(SEP.join("─" * w for w in widths).rstrip())
    indent = " " * min(4, width // 8)
    for r in t.rows:
        cells = [_wrap(r[i], w, t.columns[i].kind in ("code", "short") or w < 12) for i, w in zip(cols, widths, strict=True)]
        lines += _joined(cells, widths, [t.columns[i].right for i in cols])
        for i in under:
            if r[i]:
                lines += [indent + part for part in _wrap(f"{t.columns[i].header}: {r[i]}", width - len(indent), True)]
    lines += t.after
    return lines


def _joined(cells: list[list[str]], widths: list[int], right: list[bool]) -> list[str]:
    height = max((len(c) for c in cells), default=1)
    out = []
    for k in range(height):
        parts = []
        for c, w, r in zip(cells, widths, right, strict=True):
            text = c[k] if k < len(c) else ""
            parts.append(text.rjust(w) if r else text.ljust(w))
        out.append(SEP.join(parts).rstrip())
    return out


def table(title: str | None, columns: Sequence[str | Col], rows: Iterable[Sequence[Any]], **_: Any) -> Table:
    """A table for :func:`show`: ``columns`` are headers (kind "name") or :class:`Col`; cells any value."""
    cols = [c if isinstance(c, Col) else Col(c) for c in columns]
    return Table(title, cols, [["" if v is None else str(v) for v in row] for row in rows])


def width() -> int:
    """The width to lay text out for: COLUMNS when set, else the terminal's, else 80 (piped).

    Read on every call, not from the cached Console (whose width is fixed when first made).
    """
    import os
    import shutil

    value = os.environ.get("COLUMNS", "")
    if value.isdigit() and int(value) > 0:
        return int(value)
    if sys.stdout.isatty():
        return shutil.get_terminal_size((80, 24)).columns
    return 80


def show(renderable: Any) -> None:
    if isinstance(renderable, Table):
        text = "\n".join(renderable.lines(width()))
        out().file.write(text + "\n")
        out().file.flush()
        return
    out().print(renderable, width=width())


# --- progress of long work ------------------------------------------------------------------------

BIG_INPUT_BYTES = 400_000  # ≈ 3,000 rows of a nomination list: below this the work takes about a second


class _RichStages:
    """A tdkt.progress listener: one Rich progress line per stage on stderr (earlier stages stay, done)."""

    def __init__(self, bar: Any) -> None:
        self._bar = bar
        self._task: Any = None
        self._total: int | None = None

    def stage(self, label: str, total: int | None, unit: str) -> _RichStage:
        if self._task is not None:
            done = self._total or 1
            self._bar.update(self._task, total=done, completed=done)
            self._bar.stop_task(self._task)
        self._task = self._bar.add_task(label, total=total, unit=unit, unknown=total is None)
        self._total = total
        return _RichStage(self._bar, self._task)


class _RichStage:
    def __init__(self, bar: Any, task: Any) -> None:
        self._bar, self._task = bar, task

    def update(self, done: int) -> None:
        self._bar.update(self._task, completed=done)


def progress(*, quiet: bool = False, inputs: Sequence[Any] = (), big: bool | None = None) -> Any:
    """A context manager showing the stages of the work inside it (see tdkt.progress) on stderr.

    Shown only when stderr is a terminal, ``quiet`` is false and the job is big (``big``, or else
    the ``inputs`` paths weigh at least BIG_INPUT_BYTES); otherwise nothing is drawn.
    """
    from contextlib import nullcontext
    from pathlib import Path

    from tdkt import progress as stages

    if big is None:
        size = 0
        for p in inputs:
            try:
                size += Path(p).stat().st_size
            except OSError:
                continue
        big = size >= BIG_INPUT_BYTES
    if quiet or not big or not err().is_terminal:
        return nullcontext()
    return _shown(stages)


@contextmanager
def _shown(stages: Any) -> Iterator[None]:
    from rich.progress import BarColumn, Progress, ProgressColumn, SpinnerColumn, TextColumn
    from rich.progress import Task as RichTask
    from rich.table import Column
    from rich.text import Text

    def number(n: float) -> str:
        return f"{n:,.0f}".replace(",", ".")

    class Count(ProgressColumn):
        """"7.168/30.000 hồ sơ" (Vietnamese thousands, the stage's unit)."""

        def render(self, task: RichTask) -> Text:
            if task.fields.get("unknown"):
                return Text("")
            return Text(f"{number(task.completed)}/{number(task.total or 0)} {task.fields.get('unit', '')}")

    class Rate(ProgressColumn):
        """"1.234/giây"."""

        def render(self, task: RichTask) -> Text:
            speed = task.finished_speed or task.speed
            return Text(f"{number(speed)}/giây" if speed else "")

    class Left(ProgressColumn):
        """"còn 0:00:12" while the time left can be told."""

        def render(self, task: RichTask) -> Text:
            left = task.time_remaining
            if left is None or task.finished or task.total is None:
                return Text("")
            m, sec = divmod(int(left), 60)
            return Text(f"còn {m // 60}:{m % 60:02d}:{sec:02d}")

    columns = (SpinnerColumn(), TextColumn("{task.description}", table_column=Column(max_width=24, no_wrap=True,
                                                                                    overflow="ellipsis")),
               BarColumn(bar_width=10), Count(), Rate(), Left())
    with Progress(*columns, console=err(), transient=True, redirect_stdout=False, redirect_stderr=False,
                  refresh_per_second=4) as bar, stages.listening(_RichStages(bar)):
        yield

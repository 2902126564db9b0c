"""The one output policy: every file tdkt writes (annotated copies, exports, documents) goes through here.

- A file that exists is replaced only with ``force``.
- Some files are never replaced, ``force`` or not: a workspace's register (and its journal and
  backups), its ``tdkt.toml``, anything in its ``rules/`` and ``templates/`` folders, the command's
  own inputs, and any SQLite database (a register kept elsewhere). The workspaces considered are the
  current one and any workspace that holds a target, so ``-o ../so-khac/tdkt-register.sqlite`` is
  refused as well.
- A folder, or a path through a file, is refused before any work.
- Each file is written to a temporary file in its own folder and renamed over the target, so a
  reader never sees half a file. A set of files (the decisions of a round, one annotated copy per
  input) is written all or nothing: every file goes to its temporary name first, and the renames
  happen only when all of them were written; on failure the temporary files are removed. A
  temporary file left by a killed process is removed the next time its target is written.
- Every operating-system error (no room left, read-only, no permission, not a folder) becomes one
  Vietnamese line naming the path (exit 3), never a traceback or a row of data.

Callers check their targets with :func:`check` before the work that produces them (a result stored
in the round should not precede a refusal to write its copy), then :func:`write` them; ``write``
checks again, since a file may have appeared meanwhile.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from tdkt.errors import TdktError

if TYPE_CHECKING:
    from tdkt.workspace import Config

# The bytes of a file, or a function that writes it at the (temporary) path it is given.
Content = bytes | Callable[[Path], None]

_SQLITE_MAGIC = b"SQLite format 3\x00"
_TMP_SUFFIX = ".tdkt-tmp"

# OSError numbers → what the officer is told (no library text, no data).
_REASONS = {
    errno.ENOSPC: "đĩa đầy, không còn chỗ trống",
    errno.EDQUOT: "hết dung lượng được cấp trên đĩa",
    errno.EROFS: "ổ đĩa chỉ cho đọc",
    errno.EACCES: "không có quyền ghi",
    errno.EPERM: "không có quyền ghi",
    errno.EISDIR: "đó là một thư mục",
    errno.ENOTDIR: "một phần của đường dẫn không phải thư mục",
    errno.ENOENT: "thư mục không tồn tại",
    errno.ENAMETOOLONG: "tên tệp quá dài",
    errno.EEXIST: "tệp đã có",
    errno.ETXTBSY: "tệp đang được mở",
    errno.EBUSY: "tệp đang được mở",
}


class OutputError(TdktError):
    """A file that may not be written, or could not be: exit 3, nothing written."""

    code = "output.refused"


def reason(exc: OSError) -> str:
    """What went wrong, for people (Vietnamese, without the library's text)."""
    known = _REASONS.get(exc.errno or 0)
    if known:
        return known
    name = errno.errorcode.get(exc.errno or 0)
    return f"lỗi hệ thống {name}" if name else "lỗi hệ thống"


def read_reason(exc: OSError) -> str:
    """What went wrong reading a file, for people (Vietnamese, without the library's text)."""
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "không có quyền đọc"
    if exc.errno == errno.ENOENT:
        return "không tìm thấy tệp"
    return reason(exc)


def failed(path: Path, exc: OSError, *, what: str = "Không ghi được") -> OutputError:
    """The one-line error for an OSError met while writing ``path``."""
    return OutputError(f"{what} {path}: {reason(exc)}; không ghi tệp nào.", code="output.failed")


# --- text in spreadsheets ---------------------------------------------------------------------
# A cell that starts with one of these is a formula (or DDE, or a link) to Excel and LibreOffice:
# "=HYPERLINK(…)" in a name sent by a unit would run when the officer opens the export. Every value
# tdkt writes into a spreadsheet is text: XlsxWriter with XLSXWRITER_OPTIONS, openpyxl cells with
# data_type "s" (reporters), the hand-written results workbook as inline strings, and CSV cells
# through csv_text. Reading a CSV undoes csv_text (tdkt.ingest.sources), so an export imports back.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
XLSXWRITER_OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
CELL_MAX = 32767  # Excel's limit on the characters of a cell


def cell_text(text: str) -> str:
    """``text`` cut to CELL_MAX characters (the last one "…") for a spreadsheet cell."""
    return text if len(text) <= CELL_MAX else text[:CELL_MAX - 1] + "…"


def csv_text(text: str) -> str:
    """``text`` as a CSV cell that no spreadsheet evaluates: an apostrophe before a formula start
    (OWASP's advice; Excel shows the apostrophe, the text stays readable)."""
    return "'" + text if text.startswith(FORMULA_START) else text


# --- what may not be written ----------------------------------------------------------------------


def _resolved(path: Path) -> Path:
    try:
        return path.expanduser().resolve()
    except (OSError, RuntimeError):  # a symlink loop: compare the path as given
        return Path(os.path.abspath(path))


def _sqlite_path(url: str) -> Path | None:
    """The file of a ``sqlite:///PATH`` URL (None for PostgreSQL or an in-memory database)."""
    for prefix in ("sqlite+pysqlite:///", "sqlite:///"):
        if url.startswith(prefix):
            raw = url[len(prefix):].split("?", 1)[0]
            return None if raw in ("", ":memory:") else _resolved(Path(raw))
    return None


def register_file(url: str) -> Path | None:
    """The file of a SQLite register URL (None for PostgreSQL)."""
    return _sqlite_path(url)


class _Protected:
    """The files and folders of the workspaces in play that no output may replace."""

    def __init__(self, inputs: Iterable[Path], extra: Iterable[Path]) -> None:
        self.files: dict[Path, str] = {}
        self.prefixes: dict[Path, str] = {}  # a register file: its -wal, -journal and .bak-* too
        self.folders: dict[Path, str] = {}
        self._seen: set[Path] = set()
        for p in inputs:
            self.files[_resolved(p)] = "tệp đầu vào của lệnh này"
        for p in extra:
            self.prefixes[_resolved(p)] = "sổ theo dõi khen thưởng"
        url = os.environ.get("TDKT_DATABASE_URL")
        if url and (db := _sqlite_path(url)) is not None:
            self.prefixes[db] = "sổ theo dõi khen thưởng"
        from tdkt import workspace

        try:
            current = workspace.find()
        except TdktError:
            current = None
        if current is not None:
            self._add(current.root, current.config, current.database_url)

    def _add(self, root: Path, config: Config, url: str | None = None) -> None:
        from tdkt.workspace import CONFIG_NAME, DEFAULT_DB

        root = _resolved(root)
        if root in self._seen:
            return
        self._seen.add(root)
        self.files[root / CONFIG_NAME] = "tệp cấu hình tdkt.toml"
        for u in (url, config.database.url, f"sqlite:///{(root / DEFAULT_DB).as_posix()}"):
            db = _sqlite_path(u) if u else None
            if db is not None:
                self.prefixes[db] = "sổ theo dõi khen thưởng"
        self.folders[_resolved(root / config.legal.rules)] = "thư mục quy chế rules/"
        self.folders[root / "templates"] = "thư mục mẫu văn bản templates/"

    def _add_around(self, target: Path) -> None:
        """The workspace that holds ``target`` (its folder or a parent has a tdkt.toml)."""
        from tdkt.workspace import CONFIG_NAME, Config, load_config

        for folder in target.parents:
            if folder in self._seen:
                return
            config = folder / CONFIG_NAME
            if config.is_file():
                try:
                    cfg = load_config(config)
                except TdktError:  # a broken tdkt.toml still marks a workspace: protect its defaults
                    cfg = Config()
                self._add(folder, cfg)
                return

    def why(self, target: Path) -> str | None:
        """Why ``target`` (resolved) may never be written, or None."""
        self._add_around(target)
        if target in self.files:
            return self.files[target]
        for db, what in self.prefixes.items():
            if target.parent == db.parent and target.name.startswith(db.name):
                return what
        for folder, what in self.folders.items():
            if target == folder or folder in target.parents:
                return what
        try:
            with target.open("rb") as fh:
                if fh.read(len(_SQLITE_MAGIC)) == _SQLITE_MAGIC:
                    return "một cơ sở dữ liệu (sổ theo dõi khen thưởng)"
        except OSError:
            pass
        return None


def check(targets: Iterable[Path], *, force: bool = False, inputs: Iterable[Path] = (),
          registers: Iterable[Path] = ()) -> list[Path]:
    """Refuse, before any work, a target that may not be written; returns the targets as given.

    Args:
        targets: the files about to be written.
        force: an existing file may be replaced (never a protected one).
        inputs: the command's input files (never replaced).
        registers: register files besides those of the workspaces in play (``register export``
            knows its URL).

    Raises:
        OutputError: the first target refused (exit 3), naming it and why.
    """
    targets = list(targets)
    protected = _Protected(inputs, registers)
    existing: list[Path] = []
    for target in targets:
        full = _resolved(target)
        why = protected.why(full)
        if why is not None:
            raise OutputError(f"Không ghi vào {target}: đó là {why}; tdkt không bao giờ ghi đè tệp này "
                              "(kể cả với --force). Hãy chọn tên tệp khác.")
        if full.is_dir():
            raise OutputError(f"Không ghi được {target}: đó là một thư mục; hãy nêu tên tệp.")
        for parent in full.parents:
            if parent.exists():
                if not parent.is_dir():
                    raise OutputError(f"Không ghi được {target}: {parent} là một tệp, không phải thư mục.")
                break
        if os.path.lexists(target):
            existing.append(target)
    if existing and not force:
        more = f" và {len(existing) - 1} tệp khác" if len(existing) > 1 else ""
        raise OutputError(f"Đã có {existing[0]}{more}; không ghi gì. Dùng --force để ghi đè.",
                          code="output.exists")
    return targets


# --- writing ------------------------------------------------------------------------------------


def _tmp_name(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}{_TMP_SUFFIX}")


def _remove_stale(target: Path) -> None:
    """Remove temporary files of ``target`` whose process is gone (a kill -9 mid-write)."""
    try:
        siblings = list(target.parent.glob(f".{target.name}.*{_TMP_SUFFIX}"))
    except OSError:
        return
    for tmp in siblings:
        pid = tmp.name[len(target.name) + 2:].split("-", 1)[0]
        if not pid.isdigit() or _alive(int(pid)):
            continue
        with contextlib.suppress(OSError):
            tmp.unlink()


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        return True
    return True


def _put(tmp: Path, content: Content) -> None:
    """Write ``content`` at ``tmp`` (created here, so never someone else's file) and flush it to disk."""
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        if isinstance(content, bytes):
            view = memoryview(content)
            while view:
                view = view[os.write(fd, view):]
    finally:
        os.close(fd)
    if not isinstance(content, bytes):
        content(tmp)
    fd = os.open(tmp, os.O_RDONLY)
    try:
        os.fsync(fd)  # the rename must not reach the disk before the data does
    finally:
        os.close(fd)


def write(files: Mapping[Path, Content], *, force: bool = False, inputs: Iterable[Path] = (),
          registers: Iterable[Path] = ()) -> list[Path]:
    """Write every file or none (see the module docstring); returns the targets written, in order.

    Raises:
        OutputError: a target refused by :func:`check`, or an OS error while writing (exit 3);
            nothing of the set is left behind.
    """
    targets = check(files, force=force, inputs=inputs, registers=registers)
    made: list[Path] = []  # folders created here, removed again on failure
    pending: list[tuple[Path, Path]] = []
    current = targets[0] if targets else Path()
    try:
        for target in targets:
            current = target
            parent = target.parent
            missing = [p for p in (parent, *parent.parents) if not p.exists()]
            for folder in reversed(missing):
                folder.mkdir()
                made.append(folder)
            _remove_stale(target)
            tmp = _tmp_name(target)
            pending.append((tmp, target))
            _put(tmp, files[target])
        for tmp, target in pending:
            current = target
            os.replace(tmp, target)
    except OSError as exc:
        _undo(pending, made)
        raise failed(current, exc) from None
    except BaseException:
        _undo(pending, made)
        raise
    return targets


def _undo(pending: list[tuple[Path, Path]], made: list[Path]) -> None:
    for tmp, _ in pending:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
    for folder in reversed(made):
        with contextlib.suppress(OSError):
            folder.rmdir()


def write_one(target: Path, content: Content, *, force: bool = False, inputs: Iterable[Path] = (),
              registers: Iterable[Path] = ()) -> Path:
    """:func:`write` of one file."""
    return write({target: content}, force=force, inputs=inputs, registers=registers)[0]

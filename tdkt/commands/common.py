"""Options shared by several commands (declared once, as Annotated aliases), and the value types
every command uses for a date and an award.

- ``date_option(...)``: a date as officers type it — 25/04/2022, 5/4/2022 or 2022-04-25 — parsed to
  a ``datetime.date`` (tdkt.dates.parse_day); a bad date is refused in Vietnamese, exit code 2.
- ``AwardOpt`` / ``award_option(...)``: an award by its id, its Vietnamese name or a usual alias
  ("CSTĐ cơ sở", "Bằng khen của Chủ tịch UBND tỉnh"), and in a workspace the council's own titles,
  resolved through the alias catalogue ingest reads lists with (tdkt.ingest.layout.resolve_award);
  the command receives the award id. An unknown award is refused with the closest names and a
  pointer to ``tdkt rules awards``.
"""

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from tdkt.cache import cached
from tdkt.commands.app import BadValue

SessionOpt = Annotated[
    str | None, typer.Option("--session", "-s", metavar="MÃ_ĐỢT",
                             help="Mã đợt xét (vd 2022-1); mặc định là đợt hiện hành.")
]
ForceOpt = Annotated[bool, typer.Option("--force", help="Cho phép ghi đè/ghi lại kết quả đã có (kết quả cũ giữ trong lịch sử).")]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", metavar="TỆP", help="Tệp kết quả.")]


QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Không hiện tiến độ công việc (tiến độ chỉ hiện ở terminal, với danh sách lớn).")]
AllOpt = Annotated[bool, typer.Option("--all", help="Bảng in mọi dòng (danh sách lớn: mặc định chỉ in tổng hợp và các dòng cần chú ý).")]


class TableJson(StrEnum):
    table = "table"
    json = "json"


FormatOpt = Annotated[TableJson, typer.Option("--format", "-f", help="Dạng kết quả: table (bảng) hoặc json.")]


# --- inputs -------------------------------------------------------------------------------------


def readable(*paths: Path | None) -> None:
    """Refuse, before any work, an input file that exists but cannot be opened (no permission…):
    one Vietnamese line naming it, exit 3. A missing file is left to the reader, which names it."""
    import errno

    from tdkt.errors import InputError
    from tdkt.output import read_reason

    for path in paths:
        if path is None or not path.is_file():
            continue
        try:
            with path.open("rb"):
                pass
        except OSError as exc:
            if exc.errno == errno.ENOENT:
                continue
            raise InputError(f"Không đọc được tệp {path}: {read_reason(exc)}.", code="input.unreadable") from None


# --- dates --------------------------------------------------------------------------------------


def parse_date_value(text: str) -> dt.date:
    """A command-line date (dd/mm/yyyy, d/m/yyyy or yyyy-mm-dd); BadValue in Vietnamese otherwise."""
    if isinstance(text, dt.date):
        return text
    from tdkt.dates import parse_day

    try:
        return parse_day(text)
    except ValueError as exc:
        raise BadValue(str(exc)) from None


def date_option(*names: str, help: str, **kwargs: Any) -> Any:
    """``typer.Option`` for a date: ``Annotated[dt.date, date_option("--date", help="Ngày họp.")]``."""
    return typer.Option(*names, parser=parse_date_value, metavar="NGÀY",
                        help=f"{help.rstrip('.')}, dạng dd/mm/yyyy (vd 25/04/2022) hoặc yyyy-mm-dd.", **kwargs)


# --- awards -------------------------------------------------------------------------------------


def workspace_award_aliases() -> dict[str, str]:
    """fold(alias) → id of the council's own titles (the workspace's overlays); {} outside one."""
    from tdkt import workspace

    ws = workspace.find()
    if ws is None:
        return {}
    from tdkt.validation import overlay_aliases

    return overlay_aliases([ws.overlay_dir])


def _workspace_titles() -> dict[str, str]:
    """id → name of the council's own titles in this workspace's overlays ({} outside one)."""
    from tdkt import workspace

    ws = workspace.find()
    if ws is None or not ws.overlay_dir.is_dir():
        return {}
    files = tuple(sorted((str(f), f.stat().st_mtime_ns) for f in ws.overlay_dir.glob("*.y*ml")))
    return _titles(str(ws.overlay_dir), files)


@cached("tdkt.commands.overlay-titles", 16)
def _titles(folder: str, files: tuple[tuple[str, int], ...]) -> dict[str, str]:  # keyed by the files' mtimes
    from tdkt.ruleset import overlay_titles

    return {aid: spec.name or aid for _, aid, spec in overlay_titles([Path(folder)])}


def award_name(award_id: str) -> str:
    """How the screen names an award: the catalogue's name, or the council's own title's name."""
    from tdkt import awards

    if award_id in awards.catalogue():
        return awards.name(award_id)
    return _workspace_titles().get(award_id) or award_id


def parse_award_value(text: str) -> str:
    """The award id that ``text`` names (id, Vietnamese name, usual alias, council title)."""
    from tdkt import awards
    from tdkt.ingest.layout import resolve_award

    extra = workspace_award_aliases()
    found = resolve_award(text, extra or None)
    if found:
        return found
    close = awards.close_to(text, extra)
    names = "; ".join(award_name(a) for a in close)
    hint = f" Gần giống: {names}." if names else ""
    raise BadValue(f"không có khen thưởng '{text}'.{hint} Danh sách khen thưởng: tdkt rules awards.")


def award_option(*names: str, help: str = "Khen thưởng: tên (vd \"CSTĐ cơ sở\", \"Bằng khen của Chủ tịch UBND tỉnh\") hoặc mã; xem tdkt rules awards.",
                 **kwargs: Any) -> Any:
    """``typer.Option`` for an award by id, name or alias (the command receives the id)."""
    return typer.Option(*(names or ("--award", "-a")), parser=parse_award_value, metavar="KHEN_THƯỞNG",
                        help=help, **kwargs)


AwardOpt = Annotated[str | None, award_option()]

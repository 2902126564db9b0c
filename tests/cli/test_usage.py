"""Help and usage errors in Vietnamese for every command, dates as officers type them, awards by name.

The command tree is walked, so a command added later is checked without being listed here: its
``--help``, an unknown option, a missing argument (or an option left without its value) and a bad
value for each of its typed parameters (a number, a choice, a date, an award) must all speak
Vietnamese, with exit code 2, and leave none of Click's English.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
from typer.core import TyperArgument, TyperOption

from tdkt.cli import app
from tdkt.commands import common
from tdkt.commands.app import Command, Group

ENGLISH = ("Usage:", "Error:", "Missing argument", "Missing option", "Missing parameter", "No such option",
           "No such command", "Invalid value", "Show this message and exit", "<int", "<str", "<path", "<list[",
           "<float", "[x>=", "[x<=", "<=x", "[default:", "[required]", "Try '", "Options:", "Arguments:",
           "Commands:", "Got unexpected", "Possible options", "requires an argument", "does not take",
           "is not one of", "Input should be", "Value error", "Did you mean", "Missing command", "[OPTIONS]",
           "COMMAND [ARGS]", "Aborted")


def _tree() -> Iterator[tuple[list[str], typer.core.TyperCommand | Group]]:
    root = typer.main.get_command(app)

    def walk(cmd: object, path: list[str]) -> Iterator[tuple[list[str], typer.core.TyperCommand | Group]]:
        yield path, cmd  # type: ignore[misc]
        if isinstance(cmd, Group):
            for name, sub in cmd.commands.items():
                yield from walk(sub, [*path, name])

    yield from walk(root, [])


COMMANDS = [path for path, cmd in _tree() if not isinstance(cmd, Group)]
GROUPS = [path for path, cmd in _tree() if isinstance(cmd, Group)]


def _command(path: list[str]) -> typer.core.TyperCommand:
    return {tuple(p): c for p, c in _tree()}[tuple(path)]  # type: ignore[return-value]


def _no_english(text: str) -> None:
    left = [w for w in ENGLISH if w in text]
    assert not left, f"Click's English left: {left}\n{text}"


def _usage_error(r: object, *, expect: str | None = None) -> None:
    assert r.exit_code == 2, (r.exit_code, r.stdout, r.stderr)  # type: ignore[attr-defined]
    out = r.stdout + r.stderr  # type: ignore[attr-defined]
    _no_english(out)
    assert "Lỗi:" in r.stderr, r.stderr  # type: ignore[attr-defined]
    assert "Cách dùng:" in r.stderr and "Xem hướng dẫn:" in r.stderr  # type: ignore[attr-defined]
    if expect:
        assert expect in r.stderr, r.stderr  # type: ignore[attr-defined]


def test_every_command_and_group_is_built_with_the_vietnamese_classes() -> None:
    assert len(COMMANDS) >= 20
    for path, cmd in _tree():
        assert isinstance(cmd, Command | Group), (path, type(cmd))


@pytest.mark.parametrize("path", COMMANDS + GROUPS, ids=lambda p: " ".join(p) or "tdkt")
def test_help_is_vietnamese(cli, path: list[str]) -> None:  # type: ignore[no-untyped-def]
    r = cli([*path, "--help"])
    assert r.exit_code == 0, r.stderr
    _no_english(r.stdout)
    assert "Cách dùng:" in r.stdout and "Xem hướng dẫn này rồi thoát." in r.stdout
    assert max(len(line) for line in r.stdout.splitlines()) <= 100  # COLUMNS=200: Click caps help at 80


@pytest.mark.parametrize("path", COMMANDS + GROUPS, ids=lambda p: " ".join(p) or "tdkt")
def test_unknown_option(cli, path: list[str]) -> None:  # type: ignore[no-untyped-def]
    _usage_error(cli([*path, "--khong-co-tuy-chon-nay"]), expect="Không có tùy chọn '--khong-co-tuy-chon-nay'")


def test_a_near_miss_names_the_option_meant(cli) -> None:  # type: ignore[no-untyped-def]
    _usage_error(cli(["validate", "x.xlsx", "--formta", "json"]), expect="Có phải ý là: --format")
    _usage_error(cli(["valdate", "x.xlsx"]), expect="Không có lệnh 'valdate'. Có phải ý là: validate?")
    _usage_error(cli(["--debug"]), expect="Thiếu lệnh.")


def _value_options(cmd: typer.core.TyperCommand) -> list[TyperOption]:
    return [p for p in cmd.params if isinstance(p, TyperOption) and not p.is_flag and not p.count]


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_missing_argument_or_value(cli, path: list[str]) -> None:  # type: ignore[no-untyped-def]
    cmd = _command(path)
    required_args = [p for p in cmd.params if isinstance(p, TyperArgument) and p.required]
    options = _value_options(cmd)
    if required_args:
        _usage_error(cli(path), expect="Thiếu tham số")
    else:
        assert options, f"{path}: nothing to leave out"
    for opt in options:  # an option given without its value, as the last word
        args = [*path, *(["x"] * len(required_args)), max(opt.opts, key=len)]
        _usage_error(cli(args), expect=f"Tùy chọn '{max(opt.opts, key=len)}' cần một giá trị.")


def _bad_value(param: TyperArgument | TyperOption) -> tuple[str, str] | None:
    """A value this parameter must refuse, and the words the refusal must carry."""
    desc = param.type_descriptor
    parser = desc.parameter_info.parser
    if parser is common.parse_date_value:
        return "31/02/2022", "không có ngày '31/02/2022'"
    if parser is common.parse_award_value:
        return "huy hiệu vàng", "không có khen thưởng"
    if parser is not None:  # a command's own parser: refuses in its words (BadValue)
        return "khong-co-gi-nhu-vay", "khong-co-gi-nhu-vay"
    if desc.choices:
        return "khong-co", "chọn một trong:"
    base = desc.annotation
    if getattr(base, "__origin__", None) is list:
        base = base.__args__[0]
    if base is int:
        return "muoi", "cần một số nguyên"
    return None


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_bad_value(cli, path: list[str]) -> None:  # type: ignore[no-untyped-def]
    cmd = _command(path)
    args = [p for p in cmd.params if isinstance(p, TyperArgument)]
    tried = 0
    for param in [*args, *_value_options(cmd)]:
        bad = _bad_value(param)
        if bad is None:
            continue
        value, words = bad
        if isinstance(param, TyperArgument):
            argv = [*path, *[value if a is param else "x" for a in args]]
        else:  # first on the line: parameters are checked in the order they are typed
            argv = [*path, max(param.opts, key=len), value, *(["x"] * sum(a.required for a in args))]
        r = cli(argv)
        _usage_error(r, expect=words)
        if not (param.type_descriptor.choices or isinstance(param, TyperArgument)):
            assert f"'{value}'" in r.stderr, r.stderr  # the refusal shows what was typed
        tried += 1
    if not tried:  # no typed parameter: an extra word is the bad input
        _usage_error(cli([*path, *(["x"] * len(args)), "thua", "nua"]),
                     expect="Thừa tham số: thua nua.")


@pytest.mark.parametrize(("typed", "document"), [("quyết định", "decision"), ("quyetdinh", "decision"),
                                                 ("to-trinh", "proposal"), ("Biên bản", "minutes"),
                                                 ("bao cao", "report"), ("report", "report")])
def test_documents_by_their_vietnamese_names(typed: str, document: str) -> None:
    from tdkt.commands.render import parse_document

    assert parse_document(typed).value == document


def test_a_number_below_its_minimum_says_the_range(cli) -> None:  # type: ignore[no-untyped-def]
    _usage_error(cli(["init", "--members", "0"]), expect="Giá trị '0' của tùy chọn --members không hợp lệ: "
                                                         "cần một số nguyên từ 1 trở lên.")


# --- dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "day"), [
    ("25/04/2022", dt.date(2022, 4, 25)), ("5/4/2022", dt.date(2022, 4, 5)), ("05.04.2022", dt.date(2022, 4, 5)),
    ("25-04-2022", dt.date(2022, 4, 25)), ("2022-04-25", dt.date(2022, 4, 25)), (" 1/12/2021 ", dt.date(2021, 12, 1)),
    ("29/02/2024", dt.date(2024, 2, 29)),
])
def test_dates_as_officers_type_them(text: str, day: dt.date) -> None:
    from tdkt.dates import parse_day

    assert parse_day(text) == day


@pytest.mark.parametrize("text", ["29/02/2023", "25/04/22", "04/2022", "2022/25/04", "25/13/2022", "ngày mai", "",
                                  "25/04-2022", "2022-4-31"])
def test_dates_refused_with_a_reason(text: str) -> None:
    from tdkt.dates import parse_day

    with pytest.raises(ValueError, match=r"dd/mm/yyyy|không có ngày"):
        parse_day(text)


def test_session_new_takes_a_vietnamese_date(workspace: Path, cli) -> None:  # type: ignore[no-untyped-def]
    r = cli(["session", "new", "2022-1", "--date", "25/04/2022"])
    assert r.exit_code == 0, r.stderr
    assert "25/04/2022" in r.stdout
    doc = json.loads(cli(["session", "show", "--format", "json"]).stdout)
    assert doc["date"] == "2022-04-25"  # JSON keeps ISO
    _usage_error(cli(["session", "new", "2022-2", "--date", "25/04/22"]), expect="bốn chữ số")


# --- awards --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "award"), [
    ("bang_khen_bo_tinh", "bang_khen_bo_tinh"), ("Bằng khen của Chủ tịch UBND tỉnh", "bang_khen_bo_tinh"),
    ("bằng khen chủ tịch ubnd tỉnh", "bang_khen_bo_tinh"), ("CSTĐ cơ sở", "chien_si_thi_dua_co_so"),
    ("cstd co so", "chien_si_thi_dua_co_so"), ("LĐTT", "lao_dong_tien_tien"), ("Cờ thi đua cấp tỉnh", "co_thi_dua_bo_tinh"),
    ("HCLĐ hạng Ba", "huan_chuong_lao_dong_hang_ba"), ("Danh hiệu Chiến sĩ thi đua cấp tỉnh", "chien_si_thi_dua_bo_tinh"),
])
def test_awards_by_name_alias_or_id(text: str, award: str) -> None:
    assert common.parse_award_value(text) == award


def test_an_unknown_award_names_the_close_ones(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli(["validate", "x.xlsx", "--award", "bằng khen"])
    _usage_error(r, expect="không có khen thưởng 'bằng khen'")
    assert "Bằng khen của Chủ tịch UBND tỉnh" in r.stderr and "Bằng khen của Thủ tướng Chính phủ" in r.stderr
    assert "tdkt rules awards" in r.stderr
    assert "bang_khen" not in r.stderr  # names, not ids
    r = cli(["validate", "x.xlsx", "--award", "Chiến sĩ thi đua cấp tinhh"])
    assert "Chiến sĩ thi đua cấp tỉnh" in r.stderr


def test_the_councils_own_title_is_an_award_in_its_workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              cli) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TDKT_WORKSPACE", raising=False)
    assert cli(["init", "--members", "9"]).exit_code == 0
    (tmp_path / "rules").mkdir(exist_ok=True)
    (tmp_path / "rules" / "quy-che.yaml").write_text(
        "kind: overlay\nid: hd\ntitle: Quy chế thử\nawards:\n  guong_mat_tre:\n    name: Gương mặt trẻ tiêu biểu\n"
        "    aliases: [GMTTB]\n    individual:\n      criteria: []\n", encoding="utf-8")
    assert common.parse_award_value("gương mặt trẻ tiêu biểu") == "guong_mat_tre"
    assert common.parse_award_value("GMTTB") == "guong_mat_tre"
    r = cli(["rules", "awards"])
    assert r.exit_code == 0, r.stderr
    assert "Gương mặt trẻ tiêu biểu" in r.stdout and "Danh hiệu của Hội đồng" in r.stdout


def test_rules_awards_lists_names_aliases_and_ids(cli) -> None:  # type: ignore[no-untyped-def]
    from tdkt.awards import catalogue

    r = cli(["rules", "awards"])
    assert r.exit_code == 0, r.stderr
    for a in catalogue().values():
        assert a.name in r.stdout and a.id in r.stdout
    assert "CSTĐ cơ sở" in r.stdout
    doc = json.loads(cli(["rules", "awards", "--format", "json"]).stdout)
    assert {a["id"] for a in doc["awards"]} == set(catalogue())
    assert all(a["name"] and isinstance(a["aliases"], list) for a in doc["awards"])


def test_session_set_takes_the_meeting_times_the_bien_ban_states(cli, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    """Issue 14: the Biên bản gives the time the meeting opened and the time the count ended."""
    from tdkt import workspace as ws_mod
    from tdkt.render import settings

    assert cli(["session", "new", "2026-1", "--date", "2026-11-20", "--year", "2026"]).exit_code == 0
    r = cli(["session", "set", "--start-time", "8h30", "--end-time", "10 giờ 5"])
    assert r.exit_code == 0, r.stderr
    assert "Giờ bắt đầu cuộc họp: 08:30" in r.stdout + r.stderr and "10:05" in r.stdout + r.stderr
    ws = ws_mod.find(workspace)
    assert ws is not None
    assert {k: v for k, v in settings.current(ws.database_url, "2026-1").items() if k in ("start", "end")} == \
        {"start": "08:30", "end": "10:05"}
    for args in (["--start-time", "25:00"], ["--end-time", "chiều"], ["--end-time", "08:00"]):
        r = cli(["session", "set", *args])
        assert r.exit_code == 2 and "Traceback" not in r.stderr, (args, r.stderr)
        assert "giờ" in r.stderr.lower(), r.stderr
    assert settings.current(ws.database_url, "2026-1")["end"] == "10:05"  # a refused value changes nothing

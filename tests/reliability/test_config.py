"""Configuration and template mistakes of the adversarial report (#9, #23, #27, #32, …) through the CLI.

Each test names its case (``#N`` of shared/reviews/reliability-2026-12.md): the officer's mistake
gets exit 3 and one Vietnamese line naming the file (and the key or line), never a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.reliability.conftest import Round, flat, one_message


def test_27_a_tdkt_toml_saved_with_a_bom_is_read(cli: Any, sqlite_round: Round) -> None:
    cfg = sqlite_round.root / "tdkt.toml"
    cfg.write_bytes(b"\xef\xbb\xbf" + cfg.read_bytes())
    r = cli(["session", "show", "2022-1"])
    assert r.exit_code == 0, r.stderr
    assert "2022-1" in r.stdout


@pytest.mark.parametrize("version", ["99", "2"])
def test_32_a_schema_version_from_a_newer_tdkt_is_refused(cli: Any, sqlite_round: Round, version: str) -> None:
    cfg = sqlite_round.root / "tdkt.toml"
    text = cfg.read_text(encoding="utf-8")
    assert "schema_version = 1\n" in text
    cfg.write_text(text.replace("schema_version = 1\n", f"schema_version = {version}\n"), encoding="utf-8")
    r = cli(["session", "list"])
    assert r.exit_code == 3
    assert one_message(r.stderr), r.stderr
    msg = flat(r.stderr)
    assert "tdkt.toml" in msg and f"schema_version = {version}" in msg and "mới hơn" in msg


@pytest.mark.parametrize("version", ["0", '"1"', "true"])
def test_32_a_schema_version_that_is_not_a_version_is_refused(cli: Any, sqlite_round: Round, version: str) -> None:
    cfg = sqlite_round.root / "tdkt.toml"
    text = cfg.read_text(encoding="utf-8")
    cfg.write_text(text.replace("schema_version = 1\n", f"schema_version = {version}\n"), encoding="utf-8")
    r = cli(["session", "list"])
    assert r.exit_code == 3
    assert one_message(r.stderr) and "schema_version" in r.stderr, r.stderr


def test_32_the_current_schema_version_and_none_are_read(cli: Any, sqlite_round: Round) -> None:
    cfg = sqlite_round.root / "tdkt.toml"
    assert cli(["session", "list"]).exit_code == 0
    cfg.write_text(cfg.read_text(encoding="utf-8").replace("schema_version = 1\n", ""), encoding="utf-8")
    assert cli(["session", "list"]).exit_code == 0


def _unreadable(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """``path`` as the officer's account sees a file of mode 000 (the tests may run as root)."""
    import errno
    import os
    import pathlib

    path.chmod(0)
    target = path.resolve()
    real_access, real_open = os.access, pathlib.Path.open

    def access(p: Any, mode: int, *args: Any, **kwargs: Any) -> bool:
        if Path(p).resolve() == target:
            return False
        return real_access(p, mode, *args, **kwargs)

    def open_(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.resolve() == target:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)
    monkeypatch.setattr(pathlib.Path, "open", open_)


@pytest.mark.parametrize("command", [
    ["ingest", "{list}"], ["validate", "{list}"], ["register", "import", "{list}"],
    ["tally", "{ballots}", "--members", "11"], ["tally", "2022-1/ballots.csv", "--verify", "{ballots}"],
    ["rules", "check", "{rules}"], ["ingest", "2022-1/danh-sach-ca-nhan.xlsx", "--columns", "{rules}"],
])
def test_25_an_unreadable_input_is_exit_3_in_vietnamese(cli: Any, sqlite_round: Round, monkeypatch: pytest.MonkeyPatch,
                                                         command: list[str]) -> None:
    import shutil

    root = sqlite_round.root
    shutil.copy(sqlite_round.lists[0], root / "khoa.xlsx")
    shutil.copy(sqlite_round.ballots, root / "khoa.csv")
    shutil.copy(root / "rules" / "quy-che-hoi-dong.yaml", root / "khoa.yaml")
    args = [a.format(list="khoa.xlsx", ballots="khoa.csv", rules="khoa.yaml") for a in command]
    locked = next(a for a in args if a.startswith("khoa."))
    _unreadable(monkeypatch, root / locked)
    before = sorted(p.name for p in root.iterdir())
    try:
        r = cli(args)
    finally:
        (root / locked).chmod(0o644)
    assert r.exit_code == 3, (r.exit_code, r.stderr)
    assert one_message(r.stderr), r.stderr
    msg = flat(r.stderr)
    assert locked in msg and "không có quyền đọc" in msg
    assert "not readable" not in msg and "Permission denied" not in msg and "Errno" not in msg
    assert sorted(p.name for p in root.iterdir()) == before


QUORUM = 'quorum: {num: 2, den: 3, basis: "Quy chế Hội đồng tỉnh Hải Đông, Điều 6"}\n'


def _overlay(rnd: Round, old: str, new: str) -> Path:
    path = rnd.root / "rules" / "quy-che-hoi-dong.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("command", [["rules", "check", "rules/quy-che-hoi-dong.yaml"], ["validate", "{list}"]])
def test_9_a_key_written_twice_in_an_overlay_is_refused(cli: Any, sqlite_round: Round, command: list[str]) -> None:
    _overlay(sqlite_round, QUORUM, QUORUM + "quorum: {num: 1, den: 100}\n")
    r = cli([a.format(list=sqlite_round.lists[0]) for a in command])
    assert r.exit_code == 3, (r.exit_code, r.stdout, r.stderr)
    assert one_message(r.stderr), r.stderr
    msg = flat(r.stderr)
    assert "quy-che-hoi-dong.yaml" in msg and "'quorum'" in msg and "hai lần" in msg, msg


def test_9_a_key_written_twice_deeper_is_refused_and_distinct_keys_are_not(cli: Any, sqlite_round: Round) -> None:
    assert cli(["rules", "check", "rules/quy-che-hoi-dong.yaml"]).exit_code == 0
    _overlay(sqlite_round, "share: 70, of: members,", "share: 70, of: members, share: 60,")
    r = cli(["rules", "check", "rules/quy-che-hoi-dong.yaml"])
    assert r.exit_code == 3 and "'share'" in flat(r.stderr), r.stderr


@pytest.mark.parametrize(("old", "new", "words"), [
    ("share: 70, of: members,", "share: 150, of: members,", "150/100"),
    ("share: 70, of: members,", "share: 8, share_den: 7, of: members,", "8/7"),
    (QUORUM, "quorum: {num: 4, den: 3}\n", "4/3"),
])
def test_9_a_share_above_all_members_is_refused(cli: Any, sqlite_round: Round, old: str, new: str, words: str) -> None:
    _overlay(sqlite_round, old, new)
    r = cli(["rules", "check", "rules/quy-che-hoi-dong.yaml"])
    assert r.exit_code == 3, (r.stdout, r.stderr)
    assert one_message(r.stderr), r.stderr
    msg = flat(r.stderr)
    assert "quy-che-hoi-dong.yaml" in msg and words in msg, msg
    assert "100 %" in msg or "tổng số thành viên" in msg, msg


def test_9_an_absurd_member_count_in_tdkt_toml_is_refused(cli: Any, sqlite_round: Round) -> None:
    cfg = sqlite_round.root / "tdkt.toml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace("members = 11\n", "members = 99999999999999999999\n"),
                   encoding="utf-8")
    r = cli(["session", "new", "2023-1", "--date", "2023-04-20"])
    assert r.exit_code == 3, r.stderr
    assert one_message(r.stderr), r.stderr
    msg = flat(r.stderr)
    assert "tdkt.toml" in msg and "council.members" in msg and "1000" in msg, msg


@pytest.mark.parametrize("command", [
    ["session", "new", "2023-1", "--date", "2023-04-20", "--members", "99999999999999999999"],
    ["tally", "{ballots}", "--members", "99999999999999999999"],
])
def test_9_an_absurd_member_count_on_the_command_line_is_refused(cli: Any, sqlite_round: Round,
                                                                 command: list[str]) -> None:
    r = cli([a.format(ballots=sqlite_round.ballots) for a in command])
    assert r.exit_code == 2, (r.exit_code, r.stderr)
    assert one_message(r.stderr) and "Lỗi nội bộ" not in r.stderr, r.stderr
    assert "1000" in flat(r.stderr)


def test_23_a_5000_digit_number_in_an_overlay_is_exit_3_with_its_line(cli: Any, sqlite_round: Round) -> None:
    _overlay(sqlite_round, "share: 70, of: members,", "share: " + "7" * 5000 + ", of: members,")
    r = cli(["rules", "check", "rules/quy-che-hoi-dong.yaml"])
    assert r.exit_code == 3, r.stderr
    assert one_message(r.stderr) and "Lỗi nội bộ" not in r.stderr, r.stderr
    msg = flat(r.stderr)
    assert "quy-che-hoi-dong.yaml, dòng 19" in msg and "quá dài" in msg, msg


def test_23_a_5000_digit_number_in_tdkt_toml_is_exit_3(cli: Any, sqlite_round: Round) -> None:
    cfg = sqlite_round.root / "tdkt.toml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace("members = 11\n", "members = " + "1" * 5000 + "\n"),
                   encoding="utf-8")
    r = cli(["session", "list"])
    assert r.exit_code == 3, r.stderr
    assert one_message(r.stderr) and "Lỗi nội bộ" not in r.stderr, r.stderr
    assert "tdkt.toml" in flat(r.stderr) and "quá dài" in flat(r.stderr)


@pytest.mark.parametrize(("old", "new", "words"), [
    ("members = 11\n", "members = 11\nmembers = 9\n", "khóa 'members'"),
    ("members = 11\n", "members 11\n", "thiếu '='"),
])
def test_9_a_toml_mistake_is_named_in_vietnamese_with_its_line(cli: Any, sqlite_round: Round, old: str, new: str,
                                                              words: str) -> None:
    cfg = sqlite_round.root / "tdkt.toml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    r = cli(["session", "list"])
    assert r.exit_code == 3, r.stderr
    assert one_message(r.stderr), r.stderr
    msg = flat(r.stderr)
    assert "tdkt.toml, dòng " in msg and words in msg, msg
    assert "Cannot" not in msg and "Expected" not in msg, msg

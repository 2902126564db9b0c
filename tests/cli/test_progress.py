"""Long work shows its progress on a terminal, and a big list's table stays short.

`tdkt validate` of a 30,000-row list runs in a pseudo-terminal 80 columns wide: stderr shows the Rich
progress display (the stage, rows done of the total, the rate, the time left), the screen output stays
under a few thousand lines, and the JSON still holds every row. Piped, or with --quiet, nothing of the
progress is written.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pty = pytest.importorskip("pty")
ROWS = 30_000
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


@pytest.fixture(scope="module")
def big_list(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from bench.inputs import write_nominations

    return write_nominations(tmp_path_factory.mktemp("big") / "danh-sach-30000.xlsx", ROWS)


def _env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TDKT_WORKSPACE", "TDKT_DATABASE_URL")}
    return {**env, "COLUMNS": "80", "LINES": "24", "TERM": "xterm-256color", "HOME": str(tmp)}


def _in_pty(args: list[str], cwd: Path) -> tuple[int, str]:
    """Run ``python -m tdkt args`` with stdout and stderr on a pseudo-terminal; its screen output."""
    import fcntl
    import select
    import struct
    import termios

    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        os.chdir(cwd)
        os.execve(sys.executable, [sys.executable, "-m", "tdkt", *args], _env(cwd))
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    out = bytearray()
    while True:
        ready, _, _ = select.select([fd], [], [], 300)
        if not ready:
            break
        try:
            data = os.read(fd, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        out += data
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), out.decode("utf-8", "replace")


def test_progress_on_a_terminal_and_a_short_screen(big_list: Path, tmp_path: Path) -> None:
    code, screen = _in_pty(["validate", str(big_list)], tmp_path)
    assert code in (0, 1), screen[-2000:]
    plain = ANSI.sub("", screen)
    frames = re.split(r"[\r\n]", plain)
    stages = {name for name in ("Mở tệp", "Đọc dòng", "Kiểm tra tiêu chí") if any(name in f for f in frames)}
    assert stages == {"Mở tệp", "Đọc dòng", "Kiểm tra tiêu chí"}, stages
    assert any(re.search(r"\d+/30\.000 (dòng|hồ sơ)", f) for f in frames)  # rows done of the total
    assert any("/giây" in f for f in frames)  # the rate
    assert screen.count("\n") < 3000  # the screen: summary, reasons, the rows needing attention
    assert "Tổng: 30000 hồ sơ" in plain and "--all" in plain
    for frame in frames:
        assert len(frame) <= 80, frame


def test_no_progress_when_quiet_or_piped(big_list: Path, tmp_path: Path) -> None:
    code, screen = _in_pty(["validate", str(big_list), "--quiet", "--format", "json"], tmp_path)
    assert code in (0, 1)
    assert "/giây" not in screen and "Kiểm tra tiêu chí" not in screen
    piped = subprocess.run([sys.executable, "-m", "tdkt", "validate", str(big_list), "--format", "json"],
                           capture_output=True, text=True, env=_env(tmp_path), cwd=tmp_path)
    assert piped.returncode in (0, 1), piped.stderr
    assert piped.stderr == ""  # no progress on a pipe
    doc = json.loads(piped.stdout)
    assert len(doc["nominees"]) == ROWS  # JSON stays complete

"""Configuration and template mistakes of the adversarial report (#9, #23, #27, #32, …) through the CLI.

Each test names its case (``#N`` of shared/reviews/reliability-2026-12.md): the officer's mistake
gets exit 3 and one Vietnamese line naming the file (and the key or line), never a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.reliability.conftest import Round, flat, one_message


def test_27_a_tdkt_toml_saved_with_a_bom_is_read(cli: Any, sqlite_round: Round) -> None:
    cfg = sqlite_round.root / "tdkt.toml"
    cfg.write_bytes(b"\xef\xbb\xbf" + cfg.read_bytes())
    r = cli(["session", "show", "2022-1"])
    assert r.exit_code == 0, r.stderr
    assert "2022-1" in r.stdout

"""`tdkt --help` stays light: no heavy library is imported on the start-up path."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("openpyxl", "sqlalchemy", "docxtpl", "docx", "jinja2", "pandas", "polars", "alembic", "xlsxwriter", "yaml")


def test_help_imports_no_heavy_library() -> None:
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "tdkt", "--help"], capture_output=True, text=True, check=True
    )
    imported = {line.split("|")[-1].strip().split(".")[0] for line in proc.stderr.splitlines() if "|" in line}
    assert "typer" in imported  # the measurement itself works
    assert not imported & set(HEAVY), sorted(imported & set(HEAVY))

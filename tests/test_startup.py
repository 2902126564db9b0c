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


def test_command_modules_give_typer_annotations_it_need_not_evaluate() -> None:
    """Typer builds the whole command tree for ``tdkt --help`` and reads every signature: annotations
    written as strings (``from __future__ import annotations``) are compiled and evaluated each time."""
    import re
    from pathlib import Path

    import tdkt

    root = Path(tdkt.__file__).parent
    modules = [root / "cli.py", *sorted((root / "commands").glob("*.py"))]
    assert len(modules) > 10
    postponed = [p.name for p in modules
                 if re.search(r"^from __future__ import annotations", p.read_text(encoding="utf-8"), re.M)]
    assert postponed == []

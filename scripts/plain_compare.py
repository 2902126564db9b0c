"""Fast paths against plain paths, output for output: ``python scripts/plain_compare.py``.

Runs ``tdkt ingest`` and ``tdkt validate`` (JSON and table) and ``tdkt validate --format xlsx`` (its
cells) on every example list, committed test list, corpus list and peer workbook, once as usual and
once with ``TDKT_PLAIN=1`` (every fast path off: see tdkt/fastpaths.py), each in its own process, and
exits 1 naming the first output that differs. CI runs it (.ci/run). The xlsx files are compared by
their cells and fills, not their bytes: the fast and plain writers package them differently.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TDKT_SHARED", ROOT.parent / "shared"))


def inputs() -> list[Path]:
    data = ROOT / "tests" / "data" / "ingest"
    found = sorted(ROOT.glob("examples/*/*.xlsx")) + sorted(ROOT.glob("examples/*/*.csv"))
    found += sorted(p for p in data.glob("*.*") if p.is_file()) + sorted((data / "broken").glob("*.*"))
    found += sorted(p for p in (ROOT / "tests" / "corpus" / "lists").glob("*.*") if p.suffix in (".xlsx", ".csv"))
    found += sorted((SHARED / "peer-data").glob("*.xlsx"))
    return found


def snapshot(out: Path) -> None:
    """Every output of every input into ``out`` (run in the mode the environment sets)."""
    from typer.testing import CliRunner

    from tdkt.cli import app

    runner = CliRunner()
    os.chdir(tempfile.mkdtemp())  # outside any workspace: nothing is stored
    for i, f in enumerate(inputs()):
        name = f"{i:03d}-{f.name}"
        for label, args in [("ingest.json", ["ingest", str(f), "--format", "json"]), ("ingest.txt", ["ingest", str(f)]),
                            ("validate.json", ["validate", str(f), "--format", "json"]),
                            ("validate.txt", ["validate", str(f)])]:
            r = runner.invoke(app, args, catch_exceptions=False)
            (out / f"{name}.{label}").write_text(f"exit={r.exit_code}\n{r.stdout}\n--stderr--\n{r.stderr}")
        xlsx = out / f"{name}.xlsx"
        r = runner.invoke(app, ["validate", str(f), "--format", "xlsx", "--output", str(xlsx)], catch_exceptions=False)
        (out / f"{name}.xlsx.txt").write_text(f"exit={r.exit_code}\n" + (_cells(xlsx) if xlsx.exists() else ""))
        xlsx.unlink(missing_ok=True)


def _cells(path: Path) -> str:
    """Every non-empty cell of every sheet with its value and fill (openpyxl), one per line."""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    lines = []
    for ws in wb.worksheets:
        lines.append(f"[{ws.title}] freeze={ws.freeze_panes} filter={ws.auto_filter.ref}")
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None:
                    fill = c.fill.fgColor.rgb if c.fill is not None and c.fill.fill_type == "solid" else ""
                    lines.append(f"{c.coordinate}\t{json.dumps(c.value, ensure_ascii=False, default=str)}\t{fill}"
                                 f"\t{'b' if c.font is not None and c.font.b else ''}")
    return "\n".join(lines)


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "snapshot":
        snapshot(Path(sys.argv[2]))
        return 0
    base = Path(tempfile.mkdtemp())
    dirs: dict[str, Path] = {}
    for mode, env in (("fast", {"TDKT_PLAIN": ""}), ("plain", {"TDKT_PLAIN": "1"})):
        dirs[mode] = base / mode
        dirs[mode].mkdir()
        subprocess.run([sys.executable, __file__, "snapshot", str(dirs[mode])], check=True,
                       env={**os.environ, **env, "COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb"})
    names = sorted(p.name for p in dirs["fast"].iterdir())
    if names != sorted(p.name for p in dirs["plain"].iterdir()):
        print("plain_compare: the two runs wrote different outputs", file=sys.stderr)
        return 1
    for name in names:
        if (dirs["fast"] / name).read_bytes() != (dirs["plain"] / name).read_bytes():
            print(f"plain_compare: {name} differs between the fast and the plain paths", file=sys.stderr)
            return 1
    print(f"plain_compare: {len(names)} outputs of {len(inputs())} inputs identical with and without TDKT_PLAIN=1")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Characters that change how a name reads (report #29): an RTL override (U+202E) or a zero-width
space (U+200B) in a nomination list never reaches a signed document; the officer is told which values
lost them (a zero-width character is removed when the list is read, and ``tdkt ingest`` names the
cell; an RTL override when the document is written)."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest

from .conftest import Round, flat

RLO, ZWSP = "\u202e", "\u200b"


def _spoil_list(path: Path, ballots: Path) -> int:
    """Every nominee's unit in ``path``, and the name of each nominee not on the ballots (their columns
    name them as written), with an RLO after the first word and a ZWSP inside."""
    import openpyxl

    voted = set(ballots.read_text(encoding="utf-8-sig").splitlines()[0].split(","))

    wb = openpyxl.load_workbook(path)
    ws = wb.active
    assert ws is not None
    spoilt = 0
    for row in ws.iter_rows(min_row=10):
        if not str(row[0].value or "").strip().isdigit():
            continue
        for cell in (row[1], row[6]):
            if isinstance(cell.value, str) and " " in cell.value and cell.value not in voted:
                first, rest = cell.value.split(" ", 1)
                cell.value = f"{first} {RLO}{rest[:2]}{ZWSP}{rest[2:]}"
                spoilt += 1
    wb.save(path)
    return spoilt


def _document_text(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))


@pytest.mark.parametrize("fmt", ["docx", "html"])
def test_29_rtl_and_zero_width_characters_never_reach_a_document(cli: Any, sqlite_round: Round, fmt: str) -> None:
    rnd = sqlite_round
    assert _spoil_list(rnd.lists[0], rnd.ballots) > 0
    r = cli(["ingest", rnd.lists[0]])
    assert r.exit_code in (0, 1), r.stderr
    read = flat(r.stdout)
    assert "vô hình" in read and "U+200B" in read, read
    r = cli(["validate", *rnd.lists])
    assert r.exit_code in (0, 1), r.stderr
    assert cli(["tally", rnd.ballots]).exit_code == 0
    r = cli(["render", "decision", "--format", fmt, "--out", "ra"])
    assert r.exit_code == 0, r.stderr
    files = sorted((rnd.root / "ra").iterdir())
    assert files
    texts = [_document_text(f) if fmt == "docx" else f.read_text(encoding="utf-8") for f in files]
    assert all(RLO not in t and ZWSP not in t for t in texts)
    msg = flat(r.stderr)
    assert "vô hình" in msg and "U+202E" in msg, msg


def test_29_the_report_workbook_carries_no_invisible_character(cli: Any, sqlite_round: Round) -> None:
    rnd = sqlite_round
    _spoil_list(rnd.lists[0], rnd.ballots)
    assert cli(["validate", *rnd.lists]).exit_code in (0, 1)
    assert cli(["tally", rnd.ballots]).exit_code == 0
    r = cli(["render", "report", "--format", "xlsx", "--out", "ra"])
    assert r.exit_code == 0, r.stderr
    text = _document_text(next((rnd.root / "ra").iterdir()))
    assert RLO not in text and ZWSP not in text
    assert "U+202E" in flat(r.stderr)

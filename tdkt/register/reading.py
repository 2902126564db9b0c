"""Reading award history files (decision lists, registers) into rows the register can take.

A history file is what a unit keeps: one row per award received, with who (name, birth date, CCCD
or mã CBCCVC, unit), what (title or award form, in Vietnamese, full or abbreviated), when (year,
school year or achievement period) and the decision (number and date), sometimes the initiatives
the award rested on and their level. The sheet's title may carry what the columns do not
("DANH SÁCH … TẶNG DANH HIỆU CHIẾN SĨ THI ĐUA CƠ SỞ NĂM 2021 (Kèm theo Quyết định số 05/QĐ-UBND
ngày 05/02/2022 …)").

The files are read by the nomination-list reader, :func:`tdkt.ingest.read_nominations` (same
header vocabulary, ``tdkt.toml`` [legal.columns], legacy encodings, cell references): a history row
is a "nominee" whose award is the one received, with its decision among its prior awards. This
module turns those into register rows, with the stricter checks a register needs: a date or year
that cannot be read is an error here (ingest only warns), and a sheet titled "danh sách đề nghị"
with no decision anywhere is refused — proposals are not awards.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import msgspec

from tdkt import awards, messages
from tdkt.award_types import award_type
from tdkt.errors import InputError
from tdkt.findings import CellRef, Finding, Severity
from tdkt.models import Initiative, Nominee, PriorAward
from tdkt.register.identity import Identity
from tdkt.text import fold

messages.register(
    "register.missing-value", "error",
    "Thiếu {what} ở dòng này; không nhập được dòng.",
    "Một dòng lịch sử khen thưởng cần tên người/tập thể, hình thức khen thưởng và thời điểm (năm, giai đoạn hoặc ngày quyết định).",
)
messages.register(
    "register.unknown-award", "warning",
    "Không nhận ra khen thưởng '{value}'; vẫn ghi vào sổ theo nguyên văn nhưng tiêu chí sẽ không dùng được.",
    "Khen thưởng không có trong danh mục (có thể là danh hiệu riêng của đơn vị); tiêu chí chỉ đếm được khen thưởng có mã.",
)

_DATE = re.compile(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d\d)(?!\d)")
_LONG_DATE = re.compile(r"ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*((?:19|20)\d\d)", re.IGNORECASE)


@dataclass(frozen=True)
class HistoryRow:
    """One past award from a history file, with where it came from."""

    ident: Identity
    award: str | None
    award_text: str
    year: int | None
    period_from: int | None
    period_to: int | None
    decision_number: str | None
    decision_date: dt.date | None
    initiatives: tuple[Initiative, ...]
    source: CellRef
    cells: dict[str, CellRef] = field(default_factory=dict)
    type: str | None = None  # loại hình khen thưởng (tdkt.models.AwardType); None: the file does not say


@dataclass
class ReadResult:
    rows: list[HistoryRow] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


# Fields whose unreadable value makes a history row unusable: ingest's warnings there become errors.
_NEEDED = frozenset({"name", "award", "year", "period", "decision", "decision_number", "decision_date", "birth",
                     "birth_date", "cccd", "staff_code"})


def read_history(
    paths: list[Path], *, columns: dict[str, str] | None = None, extra_awards: dict[str, str] | None = None
) -> ReadResult:
    """Read history files into register rows and findings.

    Args:
        paths: decision lists or registers (.xlsx/.xls/.ods/.csv).
        columns: extra header → field mappings (``tdkt.toml`` [legal.columns]).
        extra_awards: folded aliases of council-overlay titles → their ids.

    Raises:
        InputError: a file cannot be read, has no recognisable table, or is a nomination list.
    """
    from tdkt.ingest import read_nominations

    out = ReadResult()
    for path in paths:
        ingest = read_nominations([path], columns=columns, extra_awards=extra_awards)
        needed: set[tuple[str | None, str | None]] = set()
        for sheet in ingest.sheets:
            if sheet.role != "list":
                continue
            needed.update((sheet.name, c.letter) for c in sheet.columns if c.field in _NEEDED)
            title = _title_facts(sheet.title or "")
            proposals = " de nghi " in f" {fold(sheet.title or '')} "
            decided = any(o.decision_number or o.decision_date for o in map(_own, sheet.nominees) if o is not None)
            if proposals and "decision_number" not in title and not decided:
                raise InputError(
                    f"Tệp {path.name}, trang tính '{sheet.name}': đây là danh sách đề nghị (chưa có quyết định), "
                    "không phải lịch sử khen thưởng; không nhập gì. Người được khen vào sổ khi ghi nhận quyết định "
                    "bằng 'tdkt register issue'.",
                    code="input.not-history",
                )
            for nominee in sheet.nominees:
                _rows(nominee, title, out)
        for f in ingest.findings:
            c = f.cell
            if f.severity == Severity.WARNING and c is not None and (c.sheet, c.column) in needed:
                f = msgspec.structs.replace(f, severity=Severity.ERROR)
            out.findings.append(f)
    return out


def _own(nominee: Nominee) -> PriorAward | None:
    """The row's own award among its prior awards (the one ingest built from the row's decision columns)."""
    for prior in reversed(nominee.prior_awards):
        if prior.award == nominee.award and prior.award_text in (nominee.award_text, None):
            return prior
    return None


def _title_facts(title: str) -> dict[str, Any]:
    """The decision a "danh sách kèm theo Quyết định số … ngày …" names in its title."""
    facts: dict[str, Any] = {}
    decision = re.search(r"quyết định\s*số\s*:?\s*(\d+[^\s,;)]*)", title, re.IGNORECASE)
    if decision:
        facts["decision_number"] = decision.group(1)
        facts["decision_date"] = _find_date(title[decision.end():][:60])
    return facts


def _find_date(text: str) -> dt.date | None:
    for pattern in (_LONG_DATE, _DATE):
        m = pattern.search(text)
        if m:
            try:
                return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            except ValueError:
                return None
    return None


def _rows(nominee: Nominee, title: dict[str, Any], out: ReadResult) -> None:
    """The register rows of one history line: its own award, and past awards named in other columns."""
    name_cell = nominee.cells.get("name", nominee.source)
    if not nominee.name:
        out.findings.append(messages.make("register.missing-value", cell=name_cell, what="họ tên/tên tập thể"))
        return
    ident = Identity.of(nominee)
    own = _own(nominee)
    if nominee.award is None and nominee.award_text is None:
        out.findings.append(messages.make("register.missing-value", cell=nominee.cells.get("award", nominee.source),
                                          what="hình thức khen thưởng"))
        return
    if nominee.award is None:
        out.findings.append(messages.make("register.unknown-award", cell=nominee.cells.get("award", nominee.source),
                                          value=nominee.award_text))
    year = own.year if own and own.year else nominee.year
    p_from, p_to = (own.period_from, own.period_to) if own else (None, None)
    number = own.decision_number if own and own.decision_number else title.get("decision_number")
    ddate = own.decision_date if own and own.decision_date else title.get("decision_date")
    if year is None and p_from is None and ddate is None:
        out.findings.append(messages.make("register.missing-value", cell=nominee.cells.get("year", nominee.source),
                                          what="năm, giai đoạn thành tích hoặc ngày quyết định"))
        return
    initiatives = tuple(i for i in nominee.initiatives if i.title)
    out.rows.append(HistoryRow(
        ident=ident, award=nominee.award, award_text=nominee.award_text or awards.name(nominee.award or ""),
        year=year, period_from=p_from, period_to=p_to, decision_number=number, decision_date=ddate,
        initiatives=initiatives, source=nominee.source, cells=dict(nominee.cells),
        type=own.type if own and own.type else award_type(nominee.award_text),
    ))  # fmt: skip
    for prior in nominee.prior_awards:
        if prior is own or not (prior.award or prior.award_text):
            continue
        if prior.year is None and prior.period_to is None and prior.decision_date is None:
            continue  # "Bằng khen" with no year: nothing the criteria could count
        out.rows.append(HistoryRow(
            ident=ident, award=prior.award, award_text=prior.award_text or awards.name(prior.award or ""),
            year=prior.year, period_from=prior.period_from, period_to=prior.period_to,
            decision_number=prior.decision_number, decision_date=prior.decision_date, initiatives=(),
            source=nominee.source, cells=dict(nominee.cells), type=prior.type,
        ))  # fmt: skip

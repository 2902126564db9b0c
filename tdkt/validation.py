"""`tdkt validate` as a library call: read the lists, merge the register's history, evaluate, store.

:func:`validate_files` is what the command runs: it finds the workspace and round (if any), reads
the nomination lists with ``tdkt.ingest``, merges what the register knows about each nominee (a
disagreement between the list and the register is a finding; an ambiguous identity is a review
finding), chooses the rule pack by the round's date, evaluates, and stores the verdicts in the
round: one run per list, added to the round's other lists or replacing that list's earlier run
(:func:`tdkt.rounds.store_validation` says when ``force`` is needed).
"""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import msgspec

from tdkt import messages, progress
from tdkt.engine import Report, evaluate, regime_date
from tdkt.errors import InputError, WorkspaceError
from tdkt.findings import Finding
from tdkt.models import AWARD_TYPE_VN, History, Initiative, Nominee, PriorAward, Round, YearRecord
from tdkt.rounds import FileStored
from tdkt.text import fold

messages.register(
    "rules.history-conflict", "warning",
    "Danh sách và sổ theo dõi khác nhau về {what}: danh sách ghi {list_value}, sổ ghi {register_value}.",
    "Lịch sử khen thưởng trong danh sách không khớp sổ theo dõi khen thưởng của Hội đồng: Thường trực cần đối chiếu.",
)
messages.register(
    "rules.identity-ambiguous", "warning",
    "Không xác định chắc chắn người này trong sổ theo dõi ({candidates}); lịch sử chưa được đối chiếu. "
    "Xác định bằng 'tdkt register settle {key}'.",
    "Có nhiều người trùng khớp trong sổ: tdkt không chọn thay Thường trực.",
)


@dataclass
class Validation:
    """A validation run: the report, the input files with their SHA-256, the round it belongs to,
    and what storing did with each list (empty outside a round)."""

    report: Report
    inputs: list[dict[str, str]] = field(default_factory=list)
    round: Round | None = None
    stored: list[FileStored] = field(default_factory=list)
    document: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        """The validate document of the command contract (design.md §4)."""
        if self.document is None:
            self.document = self.report.to_dict()
        return self.document


def per_file(report: Report, paths: Sequence[Path]) -> list[tuple[Path, Report]]:
    """The report of each list: its own nominees, and the list-level findings about it or about no
    file in particular (those are kept with every list)."""
    names = {p.name for p in paths}
    out = []
    for p in paths:
        out.append((p, Report(
            report.ruleset, [r for r in report.nominees if r.nominee.source.file == p.name],
            [f for f in report.findings if f.cell is None or f.cell.file == p.name or f.cell.file not in names],
            report.session)))
    return out


def _whole(report: Report, parts: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """``report.to_dict()`` from the lists' documents, without building every nominee's dict again."""
    from tdkt.findings import sort_findings

    nominees = [n for d in parts for n in d["nominees"]]
    summary = {"nominees": len(nominees), "pass": 0, "fail": 0, "review": 0}
    for n in nominees:
        summary[n["verdict"]] += 1
    head = parts[0]
    return {**{k: head[k] for k in ("schema_version", "tool", "version", "ruleset", "session")},
            "summary": summary, "nominees": nominees,
            "findings": [f.to_dict() for f in sort_findings(report.findings)]}


def overlay_aliases(paths: Sequence[Path]) -> dict[str, str]:
    """fold(alias) → id of every local title in the overlays, read before the pack is chosen."""
    from tdkt.ruleset import overlay_titles

    out: dict[str, str] = {}
    for _, aid, spec in overlay_titles(paths):
        for alias in (spec.name or "", aid.replace("_", " "), *spec.aliases):
            if alias:
                out[fold(alias)] = aid
    return out


def merge_history(n: Nominee, h: History) -> tuple[Nominee, list[Finding]]:
    """The nominee with the register's facts added; every disagreement becomes a finding."""
    base: dict[str, Any] = {"cell": n.cells.get("history", n.source), "subject": n.id}
    if h.match == "ambiguous":
        return n, [messages.make("rules.identity-ambiguous", candidates="; ".join(h.candidates) or "?",
                                 key=h.settle_key or "", **base)]
    if h.match == "none" or h.person_id is None:
        return n, []
    from tdkt import awards

    found: list[Finding] = []
    years: dict[int, YearRecord] = {r.year: r for r in n.history}
    for reg in h.history:
        mine = years.get(reg.year)
        if mine is None:
            years[reg.year] = reg
            continue
        reg_titles, my_titles = set(reg.titles), set(mine.titles)
        has_column = f"title.{reg.year}" in n.cells  # the list states this year's titles (even if none)
        if (mine.titles or has_column) and reg_titles != my_titles:
            found.append(messages.make(
                "rules.history-conflict", what=f"danh hiệu năm {reg.year}",
                list_value=", ".join(awards.name(t) for t in sorted(my_titles)) or "không có",
                register_value=", ".join(awards.name(t) for t in sorted(reg_titles)) or "không có",
                cell=n.cells.get(f"title.{reg.year}", base["cell"]), subject=n.id))
        years[reg.year] = YearRecord(year=reg.year, rating=mine.rating or reg.rating,
                                     titles=tuple(sorted(my_titles | reg_titles)))
    prior = list(n.prior_awards)
    for pa in h.prior_awards:
        same = [p for p in prior if p.award == pa.award and pa.award is not None and p.source == "list"]
        if same:
            mine_end = max((p.period_to or p.year or 0) for p in same)
            reg_end = pa.period_to or pa.year or 0
            if mine_end and reg_end and mine_end != reg_end and all((p.period_to or p.year) != reg_end for p in same):
                found.append(messages.make(
                    "rules.history-conflict", what=f"thời gian thành tích của {awards.name(pa.award or '')}",
                    list_value=str(mine_end), register_value=str(reg_end),
                    cell=n.cells.get("prior_awards", base["cell"]), subject=n.id))
        twin = next((i for i, p in enumerate(prior) if _same_award(p, pa)), None)
        if twin is None:
            prior.append(pa)
        elif pa.type is not None and prior[twin].type is None:  # the register knows the type the list leaves out
            prior[twin] = msgspec.structs.replace(prior[twin], type=pa.type)
        elif pa.type is not None and prior[twin].type != pa.type:
            found.append(messages.make(
                "rules.history-conflict", what=f"loại hình của {awards.name(pa.award or '')}",
                list_value=AWARD_TYPE_VN[prior[twin].type or ""], register_value=AWARD_TYPE_VN[pa.type],
                cell=n.cells.get("prior_awards", base["cell"]), subject=n.id))
    inits = list(n.initiatives)
    for ri in h.initiatives:
        idx = next((i for i, mi in enumerate(inits) if ri.title and mi.title and fold(mi.title) == fold(ri.title)), None)
        if idx is None:
            inits.append(ri)
            continue
        mi = inits[idx]
        if mi.used_for and ri.used_for and mi.used_for != ri.used_for:
            found.append(messages.make(
                "rules.history-conflict", what=f"việc đã dùng sáng kiến «{mi.title}»",
                list_value=awards.name(mi.used_for), register_value=awards.name(ri.used_for),
                cell=n.cells.get("initiatives", base["cell"]), subject=n.id))
        inits[idx] = Initiative(kind=mi.kind, title=mi.title, level=mi.level or ri.level, year=mi.year or ri.year,
                                used_for=mi.used_for or ri.used_for, decision=mi.decision or ri.decision,
                                recognised=mi.recognised or ri.recognised)
    merged = msgspec.structs.replace(
        n, history=tuple(years[y] for y in sorted(years)), prior_awards=tuple(prior), initiatives=tuple(inits)
    )
    return merged, found


def _same_award(a: PriorAward, b: PriorAward) -> bool:
    return (a.award, a.year, a.period_from, a.period_to, a.decision_number) == (
        b.award, b.year, b.period_from, b.period_to, b.decision_number)


def _register_history(url: str, nominees: Sequence[Nominee], rnd: Round | None) -> dict[str, History] | None:
    from tdkt.register import history

    return history(url, nominees, exclude_round=rnd.id if rnd else None)


def validate_files(
    paths: Sequence[Path],
    *,
    session: str | None = None,
    rules: str | Path | None = None,
    year: int | None = None,
    award: str | None = None,
    store: bool = True,
    force: bool = False,
    cwd: Path | None = None,
    command: str | None = None,
) -> Validation:
    """Validate nomination lists and (in a workspace with a round) store the verdicts in the round.

    Args:
        paths: the nomination lists (.xlsx, .xls, .ods, .csv).
        session: the round id; default the workspace's current round (none without a workspace).
        rules: a pack id, a pack file, an overlay file or folder (``--rules``); default the pack for
            the round's date plus the workspace's ``rules/`` overlay.
        year: the achievement year when the list does not say (default: the round's year).
        award: the award for rows that name none (``--award``).
        store: store the result in the round when there is one: each list is added, or replaces
            that list's earlier run (kept in the history); the same list with the same result is
            not stored again.
        force: replace a list even where that changes what an officer already acted on (a settled
            review, a tallied nominee, an issued decision).
        command: the command line, for the audit log.

    Raises:
        InputError / RuleFileError: an input or rule file cannot be used (nothing is stored).
        WorkspaceError: --session without a workspace, an unknown round, or a replacement that needs
            ``force`` (nothing is stored).
    """
    from tdkt import workspace
    from tdkt.ingest import read_nominations
    from tdkt.ruleset import load_ruleset

    for p in paths:
        if not p.is_file():
            raise InputError(f"Không tìm thấy tệp {p}.")
    names = [p.name for p in paths]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise InputError(
            f"Hai tệp cùng tên {twice[0]} ở hai thư mục khác nhau: hồ sơ và bản sao có chú thích được nhận biết "
            "theo tên tệp. Đổi tên một tệp (vd thêm tên đơn vị) rồi chạy lại."
        )
    ws = workspace.find(cwd)
    rnd: Round | None = None
    if ws is not None:
        from tdkt import rounds

        if session is not None:
            rnd = rounds.get_round(ws.database_url, session)
        else:
            try:
                rnd = rounds.get_round(ws.database_url)
            except rounds.NoRound:  # no round yet: validate without storing (a broken register stops)
                rnd = None
    elif session is not None:
        raise WorkspaceError(f"--session {session} cần một không gian làm việc (chạy 'tdkt init' trước).")
    if year is None and rnd is not None and rnd.years:
        year = max(rnd.years)
    overlay_dir = ws.overlay_dir if ws is not None else None
    alias_sources = [overlay_dir] if overlay_dir is not None else []
    if rules is not None and (isinstance(rules, Path) or "/" in rules or rules.endswith((".yaml", ".yml"))):
        alias_sources.append(Path(rules))
    extra_awards = overlay_aliases(alias_sources)
    columns = ws.config.legal.columns if ws is not None else None
    ingested = read_nominations(list(paths), columns=columns or None, award=award, year=year,
                                extra_awards=extra_awards or None)
    nominees = list(ingested.nominees)
    data_year = year or max((n.year for n in nominees if n.year), default=None)
    on, how = regime_date(round_date=rnd.date if rnd else None, year=data_year)
    rs = load_ruleset(rules, on=on, overlay=overlay_dir)
    if not rs.chosen_by.startswith("tệp") and rules is None:
        rs.chosen_by = how
        if rnd is None:
            rs.hint = "dùng --session hoặc --rules để chọn theo ngày họp"
    extra: list[Finding] = list(ingested.findings)
    if ws is not None and nominees:
        progress.stage("Đối chiếu sổ khen thưởng", None)
        hist = _register_history(ws.database_url, nominees, rnd)
        if hist:
            merged = []
            for n in nominees:
                m, f = merge_history(n, hist[n.id]) if n.id in hist else (n, [])
                merged.append(m)
                extra += f
            nominees = merged
    if ws is not None and rnd is not None:  # a nominee this council neither decides nor proposes (tdkt.authority)
        from tdkt import authority

        extra += authority.findings(nominees, ws.config.council.level, rnd.date, award=award, award_name=rs.award_name,
                                    parent_level=ws.config.council.parent_level)
    report = evaluate(nominees, rs, year=year, award=award, extra=extra, session=rnd.id if rnd else None)
    from tdkt import rounds

    inputs = [rounds.file_input(p) for p in paths]
    result = Validation(report, inputs, rnd)
    if store and rnd is not None and ws is not None:
        progress.stage(f"Lưu vào đợt {rnd.id}", None)
        parts = [(inp, sub.to_dict()) for inp, (_p, sub) in zip(inputs, per_file(report, paths), strict=True)]
        result.stored = rounds.store_validation(
            ws.database_url, rnd.id, parts, ruleset=f"{rs.id}@{rs.version}", force=force,
            command=command or shlex.join(["tdkt", "validate", *map(str, paths), "--session", rnd.id,
                                           *(["--force"] if force else [])]))
        result.document = _whole(report, [d for _i, d in parts])
    return result

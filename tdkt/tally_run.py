"""A tally as the CLI runs it: ballot files, the workspace, the round and its rule pack → counted and stored.

The one library call of ``tdkt tally``; the counting itself is :mod:`tdkt.tally` (a pure function of
its arguments), as :mod:`tdkt.engine` is to :mod:`tdkt.validation`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tdkt import messages
from tdkt.findings import Finding
from tdkt.models import VotePolicy
from tdkt.tally import (
    Council,
    TallyResult,
    candidates_from_columns,
    candidates_from_validation,
    compare,
    count,
    not_voted,
    parse_threshold,
    threshold_policy,
)
from tdkt.util import sha256_file

if TYPE_CHECKING:
    from tdkt.rounds import TallyStored
    from tdkt.ruleset import Ruleset
    from tdkt.workspace import Workspace


@dataclass(frozen=True)
class TallyRun:
    """A tally as the CLI runs it: the result, the JSON document, and whether it was stored."""

    result: TallyResult
    document: dict[str, Any]
    session: str | None
    stored: bool
    award_names: dict[str, str] = field(default_factory=dict)  # award id → Vietnamese name (pack/overlay)
    saved: TallyStored | None = None  # what storing in the round did (added, replaced, unchanged)


def run(
    paths: Sequence[Path],
    *,
    session: str | None = None,
    members: int | None = None,
    award: str | None = None,
    threshold: str | None = None,
    verify: Path | None = None,
    force: bool = False,
    store: bool = True,
) -> TallyRun:
    """Read the ballot files, find the council, nominees and vote rules, count, and store in the round.

    The round is ``session`` or the workspace's current round (none outside a workspace). Members
    come from ``members``, else the round, else ``tdkt.toml``. Nominees come from the round's stored
    validation; without one every ballot column is a nominee. A result is stored only when it has no
    error finding (integrity, quorum, a difference between the two entries of ``verify``).

    Raises:
        InputError: a ballot file cannot be used (exit 3, nothing stored).
        UsageError: no council size is known, or ``threshold`` is malformed.
        WorkspaceError: the round does not exist, or storing needs ``force``
            (:func:`tdkt.rounds.store_tally`: other ballots for an award already counted, or an
            award whose decision is recorded).
    """
    from tdkt import rounds, workspace
    from tdkt.ballots import read_ballots
    from tdkt.errors import UsageError

    share = parse_threshold(threshold) if threshold is not None else None
    ws = workspace.find()
    if session is not None and ws is None:
        ws = workspace.require()
    rnd = None
    if ws is not None:
        try:
            rnd = rounds.get_round(ws.database_url, session)
        except rounds.NoRound:  # no round: the ballots are counted alone (any other register error stops)
            if session is not None:
                raise
    size = members or (rnd.members if rnd else None) or (ws.config.council.members if ws else None)
    if not size or size < 1:
        raise UsageError(
            "Chưa biết số thành viên Hội đồng: dùng --members N, hoặc đặt trong đợt xét/tdkt.toml."
        )
    from tdkt.workspace import MAX_MEMBERS

    if size > MAX_MEMBERS:
        raise UsageError(f"Số thành viên Hội đồng phải là số nguyên từ 1 đến {MAX_MEMBERS} (nhận được {size}).")
    ballots = read_ballots(paths)
    inputs = [{"path": str(p), "sha256": sha256_file(p)} for p in paths]
    extra: list[Finding] = list(ballots.findings)
    if verify is not None:
        extra.extend(
            compare(ballots, read_ballots([verify]), names=(", ".join(p.name for p in paths), verify.name))
        )
        inputs.append({"path": str(verify), "sha256": sha256_file(verify), "role": "verify"})
    # The rule pack matters only in a workspace (overlay: thresholds, quorum, seats) or when the
    # ballots name awards (whose legal share a --threshold may not undercut); files alone naming none
    # skip it (and its YAML parsing).
    named = award is not None or any(c.award for c in ballots.columns.values())
    need_rules = ws is not None or named
    ruleset = (
        _load_ruleset(
            rnd.date if rnd else dt.date.today(), ws.overlay_dir if ws else None, strict=rnd is not None
        )
        if need_rules
        else None
    )

    def rule_for(aw: str | None) -> VotePolicy:
        if ruleset is not None and aw:
            try:
                return ruleset.vote_policy(aw)
            except (KeyError, LookupError):
                pass
        return VotePolicy(award=aw or "", status="unset", basis="chưa có quy định về tỷ lệ phiếu")

    chosen: dict[str | None, VotePolicy] = {}

    def policy_for(aw: str | None) -> VotePolicy:
        if share is None:
            return rule_for(aw)
        if aw not in chosen:  # the option never overrides the law (tally.threshold_policy)
            chosen[aw] = threshold_policy(rule_for(aw), share[0], share[1], in_round=rnd is not None,
                                          award=_award_name(ruleset, aw) if aw else "Hình thức chưa rõ")
        return chosen[aw]

    current = rounds.current_validation(ws.database_url, rnd.id) if ws and rnd else None
    validated = current.document["nominees"] if current is not None else []
    if award is not None:
        award = known_award(award, ruleset, validated)
    if rnd is not None and validated:
        candidates, found = candidates_from_validation(
            ballots.columns.values(),
            validated,
            session=rnd.id,
            award=award,
            voted=lambda aw: not not_voted(rule_for(aw)),
        )
        extra.extend(found)
    else:
        if rnd is not None:
            extra.append(messages.make("tally.no-validation", session=rnd.id))
        candidates = candidates_from_columns(ballots.columns.values(), award)
    if not candidates:  # every column ignored (another award's, or unknown): nothing may be stored
        extra.append(messages.make("tally.nothing-counted", award=_award_name(ruleset, award) if award else "?"))
    for aw in dict.fromkeys(c.award for c in candidates):
        policy_for(aw)  # a threshold the law or the regulation forbids stops here, before anything is counted
    council = _council(size, ruleset, ws, {c.award for c in candidates if c.award})
    result = count(ballots.ballots, candidates, council, policy_for, findings=extra)
    sid = rnd.id if rnd else None
    rid = str(ruleset.id) if ruleset is not None else None
    document = result.to_dict(session=sid, ruleset=rid, inputs=inputs)
    saved = None
    if ws is not None and rnd is not None and store and result.ok:
        saved = rounds.store_tally(
            ws.database_url, rnd.id, document, inputs=inputs, ruleset=rid, award=award, force=force
        )
    names = {c.award: _award_name(ruleset, c.award) for c in candidates if c.award}
    return TallyRun(result, document, sid, saved is not None, names, saved)


def known_award(text: str, ruleset: Ruleset | None, validated: Sequence[Mapping[str, Any]]) -> str:
    """The award id ``--award`` names (an id, a name or an alias), if the catalogue, the rule pack with
    its overlays, or the round's validation knows it.

    Raises:
        WorkspaceError: an award nobody knows (a misspelt id stored an empty tally before: report #7).
    """
    from tdkt import awards
    from tdkt.errors import WorkspaceError

    local = ruleset.extra_awards() if ruleset is not None else None
    found = awards.resolve(text, local) or text
    known = set(awards.catalogue()) | {str(n.get("award")) for n in validated if n.get("award")}
    if ruleset is not None:
        known |= set(ruleset.awards)
    if found not in known:
        raise WorkspaceError(f"Không có hình thức khen thưởng '{text}' trong danh mục, quy chế của Hội đồng hay "
                             "danh sách đề nghị của đợt; không kiểm phiếu. Xem các mã bằng 'tdkt rules show'.")
    return found


def _award_name(ruleset: Ruleset | None, award: str) -> str:
    from tdkt.awards import name

    return ruleset.award_name(award) if ruleset is not None else name(award)


def _load_ruleset(on: dt.date, overlay: Path | None, *, strict: bool) -> Ruleset | None:
    from tdkt.errors import InputError
    from tdkt.ruleset import load_ruleset

    try:
        return load_ruleset(on=on, overlay=overlay if overlay is not None and overlay.is_dir() else None)
    except InputError:
        # Without a round (files alone) no regime is chosen for us: the vote rules are "unset" and the
        # result is "review" unless --threshold is given. In a round the pack must exist.
        if strict:
            raise
        return None


def _council(members: int, ruleset: Ruleset | None, ws: Workspace | None, awards: set[str]) -> Council:
    quorum: Fraction | None = None
    basis: str | None = None
    q = ruleset.quorum() if ruleset is not None else None
    if ruleset is not None and q is not None:
        quorum = Fraction(q[0], q[1])
        specs = [o.quorum for o in ruleset.overlays if o.quorum is not None]
        basis = (specs[-1].basis if specs else None) or "quy chế Hội đồng"
    elif ws is not None and ws.config.council.quorum_percent is not None:
        # tdkt.toml stores a decimal; Fraction(str(x)) keeps it exact (66.67 → 6667/10000).
        quorum, basis = (
            Fraction(str(ws.config.council.quorum_percent)) / 100,
            "tdkt.toml council.quorum_percent",
        )
    seats: dict[str, int] = {}
    per_cluster: dict[str, int] = {}
    if ruleset is not None:
        for aw in sorted(awards):
            s = ruleset.seats(aw)
            if s is not None:
                seats[aw] = s
            pc = ruleset.seats_per_cluster(aw)
            if pc is not None:
                per_cluster[aw] = pc
    names = {aw: ruleset.award_name(aw) for aw in awards} if ruleset is not None else {}
    return Council(
        members=members, quorum=quorum, quorum_basis=basis, seats=seats, seats_per_cluster=per_cluster,
        names=names,
    )

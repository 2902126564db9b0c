"""A round's stored results, joined: each nominee's verdict of validation, the vote where there was
one, and the route of its award from the council's level on the round's date (``load``, ``join``).
The documents' contexts are built from this by :mod:`tdkt.render.context`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tdkt import authority
from tdkt.awards import catalogue
from tdkt.errors import InputError
from tdkt.models import Round
from tdkt.text import fold, nfc
from tdkt.workspace import Config, Workspace

if TYPE_CHECKING:
    from tdkt.models import VotePolicy
    from tdkt.ruleset import Ruleset


@dataclass
class Outcome:
    """One nominee with the verdict of validation and, where needed, of the vote, and its route."""

    nominee: dict[str, Any]
    award: str
    kind: str
    verdict: str
    vote: dict[str, Any] | None
    vote_required: bool
    approved: bool
    reasons: list[str] = field(default_factory=list)
    name: str = ""
    unit: str = ""
    route: authority.Route | None = None
    why: str | None = None  # why not approved: failed | rejected | review | vote_missing | vote_failed | not_elected
    #   | vote_review | other_level (see tdkt.render.coverage)

    @property
    def result(self) -> str:
        """What becomes of the nominee, in the words an officer uses."""
        if self.route is not None and self.route.kind == "elsewhere":
            return "Không thuộc thẩm quyền"
        if not self.approved:
            return "Không đạt" if self.verdict == "fail" or (self.vote and result_passed(self.vote) is False) \
                else "Chờ xem xét"
        return "Đề nghị cấp trên" if self.route is not None and self.route.kind == "propose" else "Được khen thưởng"


@dataclass
class RoundData:
    """A round's stored results, joined: outcomes per nominee, tallies, the rule pack, the round's
    document settings (``tdkt session set``)."""

    round: Round
    config: Config
    url: str
    validation: dict[str, Any]
    validation_inputs: list[dict[str, str]]
    tallies: list[dict[str, Any]]
    outcomes: list[Outcome]
    ruleset: Ruleset | None
    units: list[str]
    docs: dict[str, Any] = field(default_factory=dict)

    @property
    def ruleset_label(self) -> str:
        rs = self.validation.get("ruleset") or {}
        if self.ruleset is not None:
            ident, version = self.ruleset.label, self.ruleset.version
        else:
            ident, version = str(rs.get("id") or "không rõ"), str(rs.get("version") or "")
        return f"{ident} ({version})" if version else ident

    @property
    def level(self) -> str:
        return self.config.council.level


# ---------------------------------------------------------------- loading


def _load_ruleset(ws: Workspace, on: dt.date, ref: str | None) -> Ruleset:
    from tdkt.ruleset import load_ruleset

    try:
        return load_ruleset(ref, on=on, overlay=ws.overlay_dir, dates=ws.config.legal.dates)
    except InputError:  # the stored id is not a built-in pack (a file that moved): the pack in force
        return load_ruleset(None, on=on, overlay=ws.overlay_dir, dates=ws.config.legal.dates)


def _vote_policy(ruleset: Ruleset | None, award: str) -> VotePolicy | None:
    if ruleset is None:
        return None
    try:
        return ruleset.vote_policy(award)
    except (KeyError, LookupError):
        return None


def _vote_required(ruleset: Ruleset | None, award: str, voted_awards: set[str]) -> bool:
    """Whether a nominee needs a passing vote to be decided or proposed: the law or the council's
    regulation requires a ballot (even where it leaves the share to the council); without a rule
    pack, wherever the council did vote on the award. A vote the council did hold always counts,
    required or not (``join``)."""
    policy = _vote_policy(ruleset, award)
    if policy is not None:
        return bool(policy.ballot_required)
    return award in voted_awards


def result_passed(result: dict[str, Any]) -> bool | None:
    if result.get("status") in ("review", "tie"):
        return None
    elected = result.get("elected")
    return bool(result.get("passed")) if elected is None else bool(elected)


def load(ws: Workspace, round_id: str | None) -> RoundData:
    """Read what the round holds now from the register: every current list (the Thường trực's
    review decisions applied), one current tally per award, and the round's document settings."""
    from tdkt.render import settings
    from tdkt.rounds import current_tallies, current_validation, get_round

    url = ws.database_url
    rnd = get_round(url, round_id)
    validated = current_validation(url, rnd.id)
    if validated is None:
        raise InputError(
            f"Đợt {rnd.id} chưa có kết quả thẩm định; chạy 'tdkt validate … --session {rnd.id}' trước khi soạn văn bản."
        )
    payload = validated.document
    tallies = []
    for run in current_tallies(url, rnd.id):  # one per award, oldest first
        tally = dict(run.payload)
        tally.setdefault("inputs", run.inputs)
        tallies.append(tally)
    ref = (payload.get("ruleset") or {}).get("id")
    ruleset = _load_ruleset(ws, rnd.date, ref)
    data = join(rnd, ws.config, url, payload, validated.inputs, tallies, ruleset)
    data.docs = settings.current(url, rnd.id)
    return data


def _result_key(res: dict[str, Any]) -> tuple[str, str]:
    return (str(res.get("nominee") or fold(str(res.get("name") or ""))), str(res.get("award") or ""))


def current_results(tallies: list[dict[str, Any]]) -> dict[tuple[str, str], dict[str, Any]]:
    """The one current result of each nominee and award: the latest tally that counted it (an
    earlier or partial tally of the same award is history, never a second row)."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for tally in tallies:
        for res in tally.get("results", []):
            out[_result_key(res)] = res
    return out


def join(
    rnd: Round,
    config: Config,
    url: str,
    validation: dict[str, Any],
    validation_inputs: list[dict[str, str]],
    tallies: list[dict[str, Any]],
    ruleset: Ruleset | None,
) -> RoundData:
    """Join validation verdicts with tally results (by nominee id, else by name and award) and
    route each award from the council's level on the round's date."""
    by_id: dict[str, dict[str, Any]] = {}
    by_name: dict[tuple[str, str], dict[str, Any]] = {}
    voted: set[str] = set()
    for res in current_results(tallies).values():
        if res.get("nominee"):
            by_id[str(res["nominee"])] = res
        by_name[(fold(str(res.get("name") or "")), str(res.get("award") or ""))] = res
        if res.get("award"):
            voted.add(str(res["award"]))
    level, parent = config.council.level, config.council.parent_level
    words = criterion_words(ruleset)
    routes: dict[str, authority.Route] = {}
    outcomes: list[Outcome] = []
    units: dict[str, None] = {}  # in the order of the lists
    needs_vote: dict[str, bool] = {}
    for nom in validation.get("nominees", []):
        award = str(nom.get("award") or "")
        kind = str(nom.get("kind") or "individual")
        verdict = str(nom.get("verdict") or "review")
        vote = by_id.get(str(nom.get("id"))) or (
            by_name.get((fold(str(nom.get("name") or "")), award)) if by_name else None)
        required = needs_vote.get(award)
        if required is None:  # the same for every nominee of an award (the rule pack's vote policy)
            required = needs_vote[award] = _vote_required(ruleset, award, voted)
        route = None
        if award:
            route = routes.get(award) or routes.setdefault(award, authority.route(award, level, rnd.date, parent))
        reasons: list[str] = []
        why: str | None = None
        review = nom.get("review") or {}
        if verdict == "fail" and review.get("decision") == "reject":
            why = "rejected"
            reasons.append(f"Thường trực kết luận không đạt: {nfc(str(review.get('reason') or ''))}")
        elif verdict == "fail":
            why = "failed"
            reasons += [f["message"] for f in nom.get("findings", []) if f.get("severity") == "error"] or ["Không đạt thẩm định."]
        elif verdict == "review":
            why = "review"
            reasons += [_review_reason(f, words) for f in nom.get("findings", []) if f.get("severity") == "warning"] or [
                "Cần Thường trực xem xét thêm."]
        passed_vote: bool | None = True
        if verdict == "pass" and vote is not None:  # a vote the council held always counts
            passed_vote = result_passed(vote)
        elif verdict == "pass" and required:
            passed_vote = False
            why = "vote_missing"
            reasons.append("Chưa có kết quả bỏ phiếu của Hội đồng.")
        if verdict == "pass" and vote is not None:
            if passed_vote is False and vote.get("passed") and vote.get("elected") is False:
                why = "not_elected"
                reasons.append(f"Đạt tỷ lệ phiếu đồng ý ({vote.get('agree')}/{vote.get('denominator')}) nhưng "
                               "ngoài số suất được khen thưởng.")
            elif passed_vote is False:
                why = "vote_failed"
                reasons.append(
                    f"Không đạt tỷ lệ phiếu đồng ý ({vote.get('agree')}/{vote.get('denominator')}"
                    + (f", cần {vote.get('required')}" if vote.get("required") else "") + ")."
                )
            elif passed_vote is None:
                why = "vote_review"
                reasons.append("Kết quả bỏ phiếu để Hội đồng xem xét (chưa có tỷ lệ phiếu theo quy định).")
        in_scope = route is None or route.kind != "elsewhere"
        if not in_scope and verdict == "pass":
            why = why or "other_level"
            from tdkt import messages

            reasons.append(messages.render(messages.CATALOGUE["authority.not-here"].template, authority.not_here(
                award, award_name_in_pack(ruleset, award), level, rnd.date)))
        unit = nfc(str(nom.get("unit") or ""))
        units[unit] = None
        outcomes.append(
            Outcome(nom, award, kind, verdict, vote, required, verdict == "pass" and passed_vote is True and in_scope,
                    reasons, nfc(str(nom.get("name") or "")), unit, route, why)
        )
    return RoundData(rnd, config, url, validation, validation_inputs, tallies, outcomes, ruleset, list(units))


def award_name_in_pack(ruleset: Ruleset | None, award: str) -> str:
    if ruleset is not None:
        try:
            name = ruleset.award_name(award)
            if name:
                return nfc(str(name))
        except (KeyError, LookupError):
            pass
    a = catalogue().get(award)
    return a.name if a else ""


def criterion_words(rs: Ruleset | None) -> dict[str, tuple[str, str]]:
    """rule id → (the criterion's text, its basis): documents speak the law's words, not ids."""
    out: dict[str, tuple[str, str]] = {}
    if rs is None:
        return out
    for c in rs.criteria():
        out[c.id] = (nfc(c.text), nfc(c.basis or ""))
    for r in rs.list_rules:
        out[r.id] = (nfc(r.text), nfc(r.basis or ""))
    return out


def _review_reason(finding: dict[str, Any], words: dict[str, tuple[str, str]]) -> str:
    """Why a nominee is still to be decided: a criterion the facts could not settle, in the words of
    the criterion and its basis; any other reason (identity, authority…) as its message says."""
    rule = str(finding.get("rule") or "")
    if rule in words:
        text, basis = words[rule]
        return f"Chưa kết luận được tiêu chí “{text}”" + (f" ({basis})" if basis else "") + "; Thường trực xem xét hồ sơ."
    return str(finding.get("message") or "Cần Thường trực xem xét thêm.")

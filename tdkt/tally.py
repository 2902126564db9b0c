"""Pure ballot counting: ballots + vote policies + council → TallyResult (integer/Fraction arithmetic only).

The law counts a share of ALL council members (NĐ 91/2017 Điều 45 k8; NĐ 98/2023 Điều 30 k7;
NĐ 152/2025 Điều 33 k5): ``required = ⌈share × members⌉`` "đồng ý" votes, so 80 % of 11 members
is 9 and 90 % of 11 is 10. Written opinions of absent members are ballots and count. Where the law
leaves the share to the council and the overlay does not set it, the answer is "review", never a
guess; ``--threshold`` never undercuts the law (:func:`threshold_policy`). Ties at the last seat of a
quota go to a woman or a collective with at least 70 % women (NĐ 91/2017 and NĐ 152/2025 Điều 4 k6); any other tie goes back to the council, flagged.
Nothing here reads a file or a clock: :func:`count` is a function of its arguments.
:mod:`tdkt.tally_run` assembles a tally from files, the workspace and the round for the CLI.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Literal

from tdkt import messages, vocab
from tdkt.ballots import AGREE, BLANK, DISAGREE, INVALID, Ballot, BallotSet, Column, ballot_key
from tdkt.findings import CellRef, Finding, Severity, count_errors, sort_findings
from tdkt.models import VotePolicy
from tdkt.text import fold, name_key

Status = Literal["pass", "fail", "review", "tie"]
WOMEN_PREFERENCE_PERCENT = 70  # a collective with ≥ 70 % women is preferred at a tie (NĐ 152 Điều 4 k6)

_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO
for _code, _sev, _tpl, _desc in (
    (
        "tally.invalid-mark",
        _W,
        "Phiếu {ballot}, cột {column} ({nominee}): dấu '{mark}' không thuộc danh mục dấu hợp lệ; tính là phiếu không hợp lệ cho người này.",
        "Một dấu lạ không bao giờ được đoán là đồng ý hay không đồng ý; nó được tính riêng là không hợp lệ (docs/ballots.md).",
    ),
    (
        "tally.too-many-ballots",
        _E,
        "Có {received} phiếu nhưng Hội đồng chỉ có {members} thành viên.",
        "Số phiếu (kể cả ý kiến bằng văn bản) không thể vượt số thành viên Hội đồng; có phiếu nhập thừa hoặc nhập trùng.",
    ),
    (
        "tally.duplicate-ballot",
        _E,
        "Số phiếu {ballot} xuất hiện hai lần ({first} và {second}).",
        "Mỗi phiếu được nhập một lần; phiếu trùng số làm sai kết quả.",
    ),
    (
        "tally.duplicate-member",
        _E,
        "Thành viên {member} có hai phiếu ({first} và {second}).",
        "Mỗi thành viên chỉ bỏ một phiếu (hoặc gửi một ý kiến bằng văn bản).",
    ),
    (
        "tally.unknown-nominee",
        _E,
        "Cột '{column}' của phiếu không phải người/tập thể được đề nghị trong đợt {session}.",
        "Phiếu chỉ được ghi những người có trong danh sách đề nghị của đợt xét.",
    ),
    (
        "tally.near-nominee",
        _E,
        "Cột '{column}' của phiếu không đúng họ tên người nào trong đợt {session}; chỉ gần giống {names} (khác dấu "
        "hoặc chữ): không tính phiếu cho người đó. Nếu đúng là người đó, sửa tiêu đề cột cho đúng như danh sách "
        "đề nghị (hoặc ghi mã của người đó).",
        "Họ tên khác một dấu là tên của người khác; tdkt không đoán. Thường trực quyết định cột phiếu là của ai "
        "bằng cách ghi đúng họ tên hoặc mã.",
    ),
    (
        "tally.nothing-counted",
        _E,
        "Không có cột phiếu nào được kiểm cho {award}; không lưu kết quả.",
        "Một lần kiểm phiếu không đếm cột nào (mọi cột thuộc hình thức khác hoặc không khớp ai) không phải kết "
        "quả bỏ phiếu và không được lưu vào đợt.",
    ),
    (
        "tally.other-award-columns",
        _W,
        "{count} cột phiếu là của người được đề nghị hình thức khác ({names}); không kiểm trong lần này "
        "(chỉ kiểm {award}).",
        "Khi kiểm phiếu cho một hình thức khen thưởng, các cột của hình thức khác được bỏ qua; tdkt nói rõ để "
        "không cột nào bị bỏ sót mà không ai biết.",
    ),
    (
        "tally.ambiguous-nominee",
        _E,
        "Cột '{column}' của phiếu trùng tên với {count} người trong đợt {session}; hãy ghi mã hoặc thêm đơn vị.",
        "Hai người trùng họ tên: cột phiếu phải phân biệt được bằng mã hoặc họ tên kèm đơn vị.",
    ),
    (
        "tally.failed-nominee",
        _E,
        "{name} có trong phiếu nhưng không đạt khi thẩm định (đợt {session}); không được đưa ra bỏ phiếu.",
        "Chỉ người/tập thể đạt tiêu chuẩn khi thẩm định mới được đưa ra Hội đồng bỏ phiếu.",
    ),
    (
        "tally.missing-nominee",
        _W,
        "{name} ({award}) có trong danh sách đề nghị của đợt {session} nhưng không có trong phiếu.",
        "Người được đề nghị mà không có trong phiếu sẽ không có kết quả bỏ phiếu.",
    ),
    (
        "tally.no-validation",
        _W,
        "Đợt {session} chưa có kết quả thẩm định (tdkt validate); các cột của phiếu không được đối chiếu với danh sách đề nghị.",
        "Không có kết quả thẩm định thì không kiểm tra được cột phiếu có đúng người được đề nghị hay không.",
    ),
    (
        "tally.quorum-not-met",
        _E,
        "Có mặt {present}/{members} thành viên, chưa đủ {required} thành viên theo quy định ({source}).",
        "Cuộc họp không đủ số thành viên có mặt thì kết quả bỏ phiếu không có giá trị. Ý kiến bằng văn bản của "
        "thành viên vắng mặt được tính vào kết quả nhưng không tính vào số có mặt.",
    ),
    (
        "tally.no-threshold",
        _W,
        "Chưa có tỷ lệ phiếu cho {award}: pháp luật giao Hội đồng quy định ({source}); kết quả để Hội đồng xem xét.",
        "Từ NĐ 152/2025, tỷ lệ phiếu cho CSTĐ cơ sở, CSTĐ cấp bộ/tỉnh và Cờ thi đua cấp bộ/tỉnh do bộ/tỉnh quy định; "
        "Hội đồng cần đặt tỷ lệ đó, kèm điều khoản, trong quy chế (overlay) hoặc bằng 'tdkt rules settle'.",
    ),
    (
        "tally.no-award",
        _W,
        "Không rõ hình thức khen thưởng của {count} cột phiếu; kết quả để Hội đồng xem xét (dùng --award).",
        "Ngưỡng và mẫu số tùy từng hình thức khen thưởng; khi không biết hình thức thì không đoán.",
    ),
    (
        "tally.not-voted",
        _W,
        "{award}: theo {source}, hình thức này không đưa ra Hội đồng bỏ phiếu; kết quả chỉ để Hội đồng xem xét.",
        "Quy chế có thể quy định một số hình thức do người có thẩm quyền quyết định mà không cần Hội đồng bỏ phiếu.",
    ),
    (
        "tally.uncertain-rule",
        _W,
        "Tỷ lệ phiếu cho {award} ({source}) là thông tin CHƯA CHẮC CHẮN trong bộ quy tắc; hãy đối chiếu văn bản.",
        "Bộ quy tắc đánh dấu một số điều luật chưa kiểm chứng được.",
    ),
    (
        "tally.tie",
        _W,
        "Đồng phiếu ở chỉ tiêu cuối cùng của {award}{cluster}: {names} cùng {agree} phiếu đồng ý cho {seats} suất; Hội đồng quyết định.",
        "Pháp luật chỉ ưu tiên nữ hoặc tập thể có từ 70% nữ; ngoài ra Hội đồng quyết định, không xếp theo thứ tự dòng.",
    ),
    (
        "tally.tie-broken",
        _I,
        "Đồng phiếu ở chỉ tiêu cuối cùng của {award}{cluster}: chọn {names} theo ưu tiên nữ/tập thể có từ 70% nữ.",
        "NĐ 91/2017 và NĐ 152/2025 Điều 4 k6 ưu tiên nữ hoặc tập thể có từ 70% nữ khi cùng đạt tiêu chuẩn.",
    ),
    (
        "tally.no-cluster",
        _W,
        "{name}: quy chế giao chỉ tiêu {award} theo cụm/khối thi đua nhưng không rõ cụm của đơn vị này; Hội đồng xét chỉ tiêu.",
        "Chỉ tiêu theo cụm/khối chỉ áp dụng được khi biết đơn vị thuộc cụm nào (cột Cụm/Khối trong danh sách đề nghị).",
    ),
    (
        "tally.over-quota",
        _I,
        "{name} đạt tỷ lệ phiếu ({agree} phiếu) nhưng ngoài chỉ tiêu {seats} suất của {award}{cluster}.",
        "Khi số người đạt vượt chỉ tiêu, xếp theo số phiếu đồng ý từ cao xuống.",
    ),
    (
        "tally.entry-mismatch",
        _E,
        "Phiếu {ballot}, {nominee}: bản nhập thứ nhất ghi {first}, bản nhập thứ hai ghi {second}.",
        "Hai lần nhập độc lập cùng các phiếu giấy phải trùng nhau trước khi lưu kết quả.",
    ),
    (
        "tally.entry-missing",
        _E,
        "Phiếu {ballot} có trong {present_in} nhưng không có trong {absent_in}.",
        "Hai lần nhập độc lập phải có cùng các phiếu.",
    ),
    (
        "tally.entry-missing-column",
        _E,
        "Cột {nominee} có trong {present_in} nhưng không có trong {absent_in}.",
        "Hai lần nhập độc lập phải có cùng những người được bỏ phiếu.",
    ),
    (
        "tally.entries-agree",
        _I,
        "Hai lần nhập khớp nhau: {ballots} phiếu, {marks} ô.",
        "Đối chiếu hai lần nhập độc lập (--verify) không thấy khác biệt.",
    ),
):
    messages.register(_code, _sev, _tpl, _desc)

MARK_VN = {mark: vocab.MARK[mark] for mark in (AGREE, DISAGREE, BLANK, INVALID)}


# --- inputs -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """A nominee on the ballots: ``key`` is the column key in :attr:`Ballot.marks`."""

    key: str
    id: str
    name: str
    award: str | None = None
    kind: str = "individual"  # individual | collective | household
    gender: str | None = None  # male | female
    women_percent: Fraction | None = None  # collectives: share of women, for the tie preference
    cluster: str | None = None  # cụm/khối thi đua, for quotas per cluster
    verdict: str | None = None  # from validation: pass | fail | review


@dataclass(frozen=True)
class Council:
    """The council's size and rules for this vote: quorum, seats per award (and per cluster)."""

    members: int
    quorum: Fraction | None = None  # share of members that must be present
    quorum_basis: str | None = None
    seats: Mapping[str, int] = field(default_factory=dict)  # award id → number of seats
    seats_per_cluster: Mapping[str, int] = field(default_factory=dict)  # award id → seats in each cluster
    names: Mapping[str, str] = field(default_factory=dict)  # award id → its Vietnamese name (pack, overlay)

    def award_name(self, award: str | None) -> str:
        """How a message names an award: its Vietnamese name, never its id."""
        from tdkt.awards import name

        if award is None:
            return "(chưa rõ hình thức)"
        return self.names.get(award) or name(award)


@dataclass(frozen=True)
class Counts:
    """How one nominee fared: agree + disagree + blank + invalid = ballots received."""

    agree: int = 0
    disagree: int = 0
    blank: int = 0
    invalid: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.agree + other.agree,
            self.disagree + other.disagree,
            self.blank + other.blank,
            self.invalid + other.invalid,
        )


# --- outputs ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NomineeResult:
    nominee: str
    name: str
    award: str | None
    agree: int
    disagree: int
    blank: int
    invalid: int
    denominator: int
    required: int | None
    percent: str
    passed: bool | None
    elected: bool | None
    status: Status
    basis: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "nominee": self.nominee,
            "name": self.name,
            "award": self.award,
            "agree": self.agree,
            "disagree": self.disagree,
            "blank": self.blank,
            "invalid": self.invalid,
            "denominator": self.denominator,
            "required": self.required,
            "percent": self.percent,
            "passed": self.passed,
            "elected": self.elected,
            "status": self.status,
            "basis": self.basis,
        }


@dataclass(frozen=True)
class TallyResult:
    members: int
    present: int  # members at the meeting: ballots received minus written opinions
    received: int
    valid: int
    invalid: int  # ballots on which every mark is invalid
    written: int
    results: tuple[NomineeResult, ...]
    findings: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        """No error finding: the result may be stored (exit code 0)."""
        return count_errors(self.findings) == 0

    def to_dict(
        self,
        *,
        session: str | None = None,
        ruleset: str | None = None,
        inputs: Sequence[Mapping[str, str]] = (),
    ) -> dict[str, Any]:
        """The contract's JSON document (design.md §4), as printed and as stored in the round."""
        return {
            "schema_version": 1,
            "tool": "tdkt",
            "session": session,
            "ruleset": ruleset,
            "council": {"members": self.members, "present": self.present},
            "ballots": {
                "received": self.received,
                "valid": self.valid,
                "invalid": self.invalid,
                "written": self.written,
            },
            "results": [r.to_dict() for r in self.results],
            "findings": [f.to_dict() for f in self.findings],
            "inputs": [dict(i) for i in inputs],
        }


# --- arithmetic ---------------------------------------------------------------------------------


def required_votes(share: Fraction, base: int, comparison: str = "at_least") -> int:
    """The least number of "đồng ý" votes that passes: ⌈share × base⌉ (at least) or ⌊share × base⌋ + 1."""
    exact = share * base
    if comparison == "more_than":
        return exact.numerator // exact.denominator + 1
    return -(-exact.numerator // exact.denominator)


def passes(agree: int, share: Fraction, base: int, comparison: str = "at_least") -> bool:
    """agree / base compared with the share, in exact integers (agree × den ≥ num × base)."""
    lhs, rhs = agree * share.denominator, share.numerator * base
    return lhs > rhs if comparison == "more_than" else lhs >= rhs


def percent(part: int, whole: int, decimal: str = ".") -> str:
    """``part / whole`` as a percentage with two decimals, rounded half up exactly ("81.82")."""
    if whole <= 0:
        return f"0{decimal}00"
    hundredths = (part * 20000 + whole) // (2 * whole)
    return f"{hundredths // 100}{decimal}{hundredths % 100:02d}"


def count_marks(ballots: Iterable[Ballot], keys: Iterable[str]) -> dict[str, Counts]:
    """Counts per column key. A nominee without a mark on a ballot counts as blank on it."""
    pairs: Counter[tuple[str, str]] = Counter()
    n = 0
    for b in ballots:
        pairs.update(b.marks.items())  # C-level counting: ~0.1 s per million marks
        n += 1
    out: dict[str, Counts] = {}
    for k in keys:
        a, d, i = pairs[(k, AGREE)], pairs[(k, DISAGREE)], pairs[(k, INVALID)]
        out[k] = Counts(a, d, n - a - d - i, i)
    return out


def merge(*parts: Mapping[str, Counts]) -> dict[str, Counts]:
    """Counts of several batches of ballots added together (splitting the ballots changes nothing)."""
    out: dict[str, Counts] = {}
    for part in parts:
        for k, c in part.items():
            out[k] = out[k] + c if k in out else c
    return out


def not_voted(policy: VotePolicy) -> bool:
    """The council's regulation (or the pack) says the award is not put to the council's vote."""
    return policy.share_num is None and policy.status in ("not_required", "overlay")


def policy_share(policy: VotePolicy) -> Fraction | None:
    if policy.share_num is None or policy.status == "unset" or policy.share_den <= 0:
        return None
    return Fraction(policy.share_num, policy.share_den)


# --- counting -----------------------------------------------------------------------------------


def count(
    ballots: Sequence[Ballot],
    candidates: Sequence[Candidate],
    council: Council,
    policy_for: Callable[[str | None], VotePolicy],
    *,
    findings: Iterable[Finding] = (),
) -> TallyResult:
    """Count the ballots for every candidate and decide pass/fail/review, then seats and ties.

    Args:
        ballots: every ballot received, in person or in writing.
        candidates: the nominees on the ballots (``key`` = column key), in ballot order.
        council: members (the legal denominator), quorum and seats.
        policy_for: the vote rule of an award id (None when the award is unknown).
        findings: findings from earlier steps (reading, matching) to carry into the result.

    Returns:
        A TallyResult; its findings include every integrity failure (errors) and invalid mark.
    """
    out: list[Finding] = list(findings)
    out.extend(_integrity(ballots, council))
    by_key = {c.key: c for c in candidates}
    for b in ballots:
        for key, bad in b.invalid.items():
            cand = by_key.get(key)
            if cand is None:
                continue
            out.append(
                messages.make(
                    "tally.invalid-mark",
                    cell=CellRef(
                        file=b.file, sheet=b.sheet, row=bad.row, column=bad.column, header=bad.header
                    ),
                    subject=cand.id,
                    ballot=b.id,
                    column=bad.column or "?",
                    nominee=cand.name,
                    mark=bad.raw,
                )
            )
    counts = count_marks(ballots, by_key)
    received = len(ballots)
    written = sum(1 for b in ballots if b.written)
    void = sum(1 for b in ballots if b.marks and len(b.invalid) == len(b.marks))
    warned: set[str | None] = set()
    results: list[NomineeResult] = []
    for cand in candidates:
        policy = policy_for(cand.award)
        if cand.award not in warned:
            warned.add(cand.award)
            out.extend(
                _policy_findings(policy, cand.award, sum(1 for c in candidates if c.award == cand.award), council)
            )
        results.append(_decide(cand, counts[cand.key], policy, council.members, received))
    results = _seat(results, candidates, council, out)
    return TallyResult(
        members=council.members,
        present=received - written,
        received=received,
        valid=received - void,
        invalid=void,
        written=written,
        results=tuple(results),
        findings=tuple(sort_findings(out)),
    )


def _integrity(ballots: Sequence[Ballot], council: Council) -> list[Finding]:
    out: list[Finding] = []
    received = len(ballots)
    if received > council.members:
        out.append(messages.make("tally.too-many-ballots", received=received, members=council.members))
    seen: dict[str | int, Ballot] = {}
    members: dict[str, Ballot] = {}
    for b in ballots:
        first = seen.setdefault(ballot_key(b.id), b)  # "05" and "5" are one paper ballot
        if first is not b:
            out.append(
                messages.make(
                    "tally.duplicate-ballot", cell=b.cell, ballot=b.id, first=_where(first), second=_where(b)
                )
            )
        if b.member:
            mfirst = members.setdefault(fold(b.member), b)  # loose on purpose: a look-alike is flagged
            if mfirst is not b:
                out.append(
                    messages.make(
                        "tally.duplicate-member",
                        cell=b.cell,
                        member=b.member,
                        first=_where(mfirst),
                        second=_where(b),
                    )
                )
    if council.quorum is not None:
        present = received - sum(1 for b in ballots if b.written)
        need = required_votes(council.quorum, council.members)
        if present < need:
            out.append(
                messages.make(
                    "tally.quorum-not-met",
                    source=council.quorum_basis,
                    present=present,
                    members=council.members,
                    required=need,
                )
            )
    return out


def _where(b: Ballot) -> str:
    return f"{b.file} dòng {b.row}" if b.row else b.file


def _policy_findings(policy: VotePolicy, award: str | None, count: int, council: Council) -> list[Finding]:
    if award is None and policy_share(policy) is None:
        return [messages.make("tally.no-award", count=count)]
    label = council.award_name(award)
    if policy_share(policy) is None:
        if not_voted(policy):
            return [messages.make("tally.not-voted", award=label, source=policy.basis or "quy chế")]
        return [messages.make("tally.no-threshold", award=label, source=policy.basis or "chưa có quy định")]
    if policy.uncertain:
        return [messages.make("tally.uncertain-rule", award=label, source=policy.basis or "")]
    return []


def _decide(cand: Candidate, c: Counts, policy: VotePolicy, members: int, received: int) -> NomineeResult:
    share = policy_share(policy)
    base = {"members": members, "present": received, "valid": c.agree + c.disagree + c.blank}[
        policy.denominator
    ]
    required: int | None = None
    passed: bool | None = None
    status: Status = "review"
    if share is not None and base > 0:
        required = required_votes(share, base, policy.comparison)
        passed = passes(c.agree, share, base, policy.comparison)
        status = "pass" if passed else "fail"
    return NomineeResult(
        nominee=cand.id,
        name=cand.name,
        award=cand.award,
        agree=c.agree,
        disagree=c.disagree,
        blank=c.blank,
        invalid=c.invalid,
        denominator=base,
        required=required,
        percent=percent(c.agree, base),
        passed=passed,
        elected=passed,
        status=status,
        basis=policy.basis,
    )


def _preferred(c: Candidate) -> bool | None:
    """Whether the legal tie preference favours the candidate; None when the data to tell is missing."""
    if c.kind == "collective":
        return None if c.women_percent is None else c.women_percent >= WOMEN_PREFERENCE_PERCENT
    if c.kind == "household":
        return False
    return None if c.gender is None else c.gender == "female"


def _seat(
    results: list[NomineeResult], candidates: Sequence[Candidate], council: Council, out: list[Finding]
) -> list[NomineeResult]:
    """Apply seat limits: rank those who passed by "đồng ý" votes; break a tie only by the law's preference."""
    by_id = {c.id: c for c in candidates}
    final: dict[str, NomineeResult] = {r.nominee: r for r in results}
    groups: dict[tuple[str, str | None], list[NomineeResult]] = {}
    limits: dict[tuple[str, str | None], int] = {}
    for r in results:
        if r.award is None:
            continue
        cluster = by_id[r.nominee].cluster
        if r.award in council.seats_per_cluster and cluster is None:
            # A quota per cluster cannot be applied without knowing the cluster: say so, do not guess.
            if r.passed:
                out.append(messages.make("tally.no-cluster", subject=r.nominee, name=r.name,
                                         award=council.award_name(r.award)))
                final[r.nominee] = _with(r, elected=None)
            continue
        if r.award in council.seats_per_cluster:
            gkey = (r.award, cluster)
            limits[gkey] = council.seats_per_cluster[r.award]
        elif r.award in council.seats:
            gkey = (r.award, None)
            limits[gkey] = council.seats[r.award]
        else:
            continue
        groups.setdefault(gkey, []).append(r)
    for gkey, members in groups.items():
        award, cluster = gkey
        seats = limits[gkey]
        where = f" (cụm {cluster})" if cluster else ""
        passed = sorted((r for r in members if r.passed), key=lambda r: -r.agree)
        if len(passed) <= seats:
            continue
        cutoff = passed[seats - 1].agree if seats > 0 else None
        above = [r for r in passed if cutoff is None or r.agree > cutoff] if seats > 0 else []
        tied = [r for r in passed if r.agree == cutoff] if cutoff is not None else []
        below = [r for r in passed if r not in above and r not in tied]
        for r in below:
            final[r.nominee] = _with(r, elected=False)
            out.append(
                messages.make(
                    "tally.over-quota",
                    subject=r.nominee,
                    name=r.name,
                    agree=r.agree,
                    seats=seats,
                    award=council.award_name(award),
                    cluster=where,
                )
            )
        remaining = seats - len(above)
        if len(tied) <= remaining:
            continue
        prefs = [_preferred(by_id[r.nominee]) for r in tied]
        chosen: list[NomineeResult] = []
        losers: list[NomineeResult] = []
        open_: list[NomineeResult] = tied  # missing gender / share of women: the council decides
        if all(p is not None for p in prefs):
            preferred = [r for r, p in zip(tied, prefs, strict=True) if p]
            others = [r for r, p in zip(tied, prefs, strict=True) if not p]
            if len(preferred) == remaining:
                chosen, open_, losers = preferred, [], others
            elif len(preferred) > remaining:
                open_, losers = preferred, others
            else:
                chosen, open_ = preferred, others
        for r in losers:
            final[r.nominee] = _with(r, elected=False)
        if chosen:
            out.append(
                messages.make(
                    "tally.tie-broken", award=council.award_name(award), cluster=where,
                    names=", ".join(r.name for r in chosen)
                )
            )
        if open_:
            out.append(
                messages.make(
                    "tally.tie",
                    award=council.award_name(award),
                    cluster=where,
                    agree=cutoff,
                    seats=remaining - len(chosen),
                    names=", ".join(r.name for r in open_),
                )
            )
        for r in open_:
            final[r.nominee] = _with(r, elected=None, status="tie")
    return [final[r.nominee] for r in results]


def _with(r: NomineeResult, *, elected: bool | None, status: Status | None = None) -> NomineeResult:
    from dataclasses import replace

    return replace(r, elected=elected, status=status or r.status)


# --- matching ballot columns to the round's nominees ----------------------------------------------


def candidates_from_columns(columns: Iterable[Column], award: str | None = None) -> list[Candidate]:
    """Standalone (no round): every ballot column is a nominee, named as written."""
    from tdkt.awards import resolve

    out = []
    for col in columns:
        aw = award or (resolve(col.award) or col.award if col.award else None)
        out.append(Candidate(key=col.key, id=col.label, name=col.label, award=aw))
    return out


def candidates_from_validation(
    columns: Iterable[Column],
    nominees: Sequence[Mapping[str, Any]],
    *,
    session: str,
    award: str | None = None,
    voted: Callable[[str | None], bool] = lambda _award: True,
) -> tuple[list[Candidate], list[Finding]]:
    """Match ballot columns to the nominees of the round's stored validation.

    A column matches a nominee by id or code, or by the full name as written (tdkt.text.name_key:
    case, spaces and the place of an oa/oe/uy tone do not count, any other letter or mark does), or
    by full name and unit. A column naming nobody, several people, or someone who failed validation
    is an error finding; so is a column that names a nominee only once its diacritics are dropped
    ("Cao Thị Hường" for "Cao Thị Hương"): that is another person, never counted for the nominee,
    until the officer writes the column as the list does (or the nominee's code). A nominee of the
    round absent from the ballots is a warning. With ``award`` only the nominees of that award are
    expected (columns of other awards are ignored); nominees of awards the council does not vote on
    (``voted`` is false) are not expected either.
    """
    index: dict[str, list[Mapping[str, Any]]] = {}
    loose: dict[str, list[Mapping[str, Any]]] = {}  # by folded name: only to name a near miss

    def add(where: dict[str, list[Mapping[str, Any]]], key: str, nom: Mapping[str, Any]) -> None:
        if key and nom not in where.setdefault(key, []):
            where[key].append(nom)

    for nom in nominees:
        for k in ("id", "code", "staff_code", "cccd"):
            add(index, fold(str(nom.get(k) or "")), nom)  # codes: ASCII, compared loosely
        name = str(nom.get("name") or "")
        add(index, name_key(name), nom)
        add(loose, fold(name), nom)
        if nom.get("unit"):
            add(index, name_key(f"{name} {nom['unit']}"), nom)
            add(loose, fold(f"{name} {nom['unit']}"), nom)
    found: list[Candidate] = []
    findings: list[Finding] = []
    matched: set[str] = set()
    elsewhere: list[str] = []  # columns of another award's nominees (with ``award``)
    for col in columns:
        cell = CellRef(file=col.file, column=col.column, header=col.label)
        hits = index.get(name_key(col.label), []) or index.get(fold(col.label), [])
        if not hits:
            near = loose.get(fold(col.label), [])
            if near:
                findings.append(messages.make(
                    "tally.near-nominee", cell=cell, column=col.label, session=session,
                    names=", ".join(f"'{n.get('name')}'" for n in near)))
            else:
                findings.append(
                    messages.make("tally.unknown-nominee", cell=cell, column=col.label, session=session)
                )
            continue
        if award is not None:
            hits = [h for h in hits if h.get("award") == award] or ([] if len(hits) == 1 else hits)
            if not hits:
                elsewhere.append(col.label)  # a column for another award: not part of this vote
                continue
        if len(hits) > 1:
            findings.append(
                messages.make(
                    "tally.ambiguous-nominee", cell=cell, column=col.label, count=len(hits), session=session
                )
            )
            continue
        nom = hits[0]
        nid = str(nom.get("id"))
        matched.add(nid)
        cand = _candidate(col.key, nom)
        if nom.get("verdict") == "fail":
            findings.append(
                messages.make("tally.failed-nominee", cell=cell, subject=nid, name=cand.name, session=session)
            )
        found.append(cand)
    if elsewhere:
        shown = ", ".join(elsewhere[:5]) + (f" và {len(elsewhere) - 5} cột khác" if len(elsewhere) > 5 else "")
        from tdkt.awards import name as award_name

        findings.append(messages.make("tally.other-award-columns", count=len(elsewhere), names=shown,
                                      award=award_name(award) if award else ""))
    for nom in nominees:
        if award is not None and nom.get("award") != award:
            continue
        if nom.get("verdict") == "fail" or str(nom.get("id")) in matched or not voted(nom.get("award")):
            continue
        findings.append(
            messages.make(
                "tally.missing-nominee",
                subject=str(nom.get("id")),
                name=nom.get("name"),
                award=nom.get("award") or "?",
                session=session,
            )
        )
    return found, findings


def _candidate(key: str, nom: Mapping[str, Any]) -> Candidate:
    women: Fraction | None = None
    raw = nom.get("women_percent")
    if raw is None and isinstance(nom.get("collective"), Mapping):
        raw = nom["collective"].get("women_percent")
    if raw is not None:
        women = Fraction(str(raw))  # exact decimal, never a float comparison
    gender = nom.get("gender")
    return Candidate(
        key=key,
        id=str(nom.get("id")),
        name=str(nom.get("name") or nom.get("id")),
        award=nom.get("award"),
        kind=str(nom.get("kind") or "individual"),
        gender=gender if gender in ("male", "female") else None,
        women_percent=women,
        cluster=nom.get("cluster") or (nom.get("collective") or {}).get("cluster"),
        verdict=nom.get("verdict"),
    )


# --- double entry ---------------------------------------------------------------------------------


def compare(
    first: BallotSet, second: BallotSet, *, names: tuple[str, str] = ("bản nhập 1", "bản nhập 2")
) -> list[Finding]:
    """Every difference between two independent entries of the same paper ballots, by ballot and nominee."""
    out: list[Finding] = []
    a = {ballot_key(b.id): b for b in first.ballots}  # "05" in one entry is "5" in the other
    b2 = {ballot_key(b.id): b for b in second.ballots}
    cols_a, cols_b = set(first.columns), set(second.columns)
    for key in sorted(cols_a ^ cols_b):
        col = first.columns.get(key) or second.columns[key]
        inside, outside = (names[0], names[1]) if key in cols_a else (names[1], names[0])
        out.append(
            messages.make(
                "tally.entry-missing-column", nominee=col.label, present_in=inside, absent_in=outside
            )
        )
    common = [k for k in first.columns if k in cols_b]
    marks = 0
    for bid, x in a.items():
        y = b2.get(bid)
        if y is None:
            out.append(
                messages.make(
                    "tally.entry-missing", cell=x.cell, ballot=x.id, present_in=names[0], absent_in=names[1]
                )
            )
            continue
        if x.written != y.written:
            out.append(
                messages.make(
                    "tally.entry-mismatch",
                    cell=x.cell,
                    ballot=x.id,
                    nominee="ý kiến bằng văn bản",
                    first="có" if x.written else "không",
                    second="có" if y.written else "không",
                )
            )
        for key in common:
            mx, my = x.marks.get(key, BLANK), y.marks.get(key, BLANK)
            marks += 1
            rx = x.invalid[key].raw if key in x.invalid else None
            ry = y.invalid[key].raw if key in y.invalid else None
            if mx != my or rx != ry:
                out.append(
                    messages.make(
                        "tally.entry-mismatch",
                        cell=x.cell,
                        ballot=x.id,
                        nominee=first.columns[key].label,
                        first=_mark_vn(mx, rx),
                        second=_mark_vn(my, ry),
                    )
                )
    for bid, y in b2.items():
        if bid not in a:
            out.append(
                messages.make(
                    "tally.entry-missing", cell=y.cell, ballot=y.id, present_in=names[1], absent_in=names[0]
                )
            )
    if not out:
        out.append(messages.make("tally.entries-agree", ballots=len(a), marks=marks))
    return out


def _mark_vn(kind: str, raw: str | None) -> str:
    return f"'{raw}' ({MARK_VN[kind]})" if raw is not None else MARK_VN[kind]


# --- the --threshold option ------------------------------------------------------------------------


def parse_threshold(text: str) -> tuple[Fraction, Literal["at_least", "more_than"]]:
    """``--threshold``: "80", "80%", "66,67", "2/3" (a fraction of 1) or ">50" (strictly more than).

    Raises:
        UsageError: not a share in (0, 100] %.
    """
    from tdkt.errors import UsageError

    value = text.strip().replace(" ", "")
    comparison: Literal["at_least", "more_than"] = "at_least"
    if value.startswith(">"):
        comparison, value = "more_than", value.lstrip(">=").rstrip()
    value = value.rstrip("%").replace(",", ".")
    try:
        share = Fraction(value) if "/" in value else Fraction(value) / 100
    except (ValueError, ZeroDivisionError):
        share = Fraction(-1)
    if not 0 < share <= 1:
        raise UsageError(
            f"Ngưỡng '{text}' không hợp lệ: cần một tỷ lệ phần trăm từ 0 đến 100 (vd 80, 66,67, 2/3 hoặc >50)."
        )
    return share, comparison


def _share_text(share: Fraction, comparison: str) -> str:
    pct = share * 100
    num = f"{pct.numerator // pct.denominator}" if pct.denominator == 1 else f"{float(pct):.2f}".replace(".", ",")
    return ("trên " if comparison == "more_than" else "từ ") + num + "%"


def threshold_policy(
    rule: VotePolicy, share: Fraction, comparison: Literal["at_least", "more_than"], *, award: str, in_round: bool
) -> VotePolicy:
    """The vote rule a tally uses when ``--threshold`` is given, or a refusal: the law is not a
    command-line option.

    Where the law or the council's regulation sets the share, a lower ``--threshold`` is refused, an
    equal one changes nothing, and a higher one is used with the rule's own basis (the Biên bản cites
    the article, never the option). Where the law leaves the share to the council and its regulation
    does not set it, or the regulation puts the award to no vote, a threshold for a round must come
    from the regulation with its article (``tdkt rules settle``, the overlay), so it is refused; outside
    a round (files counted on their own, nothing stored) it is used as typed.

    Raises:
        InputError: the threshold would override the law or the regulation (exit 3, nothing counted).
    """
    from tdkt.errors import InputError

    if rule.share_num is not None and rule.status in ("law", "overlay") and rule.share_den > 0:
        legal = Fraction(rule.share_num, rule.share_den)
        weaker = share < legal or (share == legal and comparison == "at_least" and rule.comparison == "more_than")
        if weaker:
            raise InputError(
                f"Ngưỡng {_share_text(share, comparison)} thấp hơn tỷ lệ {_share_text(legal, rule.comparison)} tổng số "
                f"thành viên Hội đồng mà {rule.basis or 'quy định'} đặt cho {award}; không kiểm phiếu. Bỏ --threshold: "
                "tỷ lệ theo quy định được áp dụng.", code="tally.threshold-below-law")
        if share == legal and comparison == rule.comparison:
            return rule
        return VotePolicy(award=rule.award, share_num=share.numerator, share_den=share.denominator,
                          denominator=rule.denominator, comparison=comparison, ballot_required=rule.ballot_required,
                          status=rule.status, basis=f"{rule.basis or 'quy định'}; Hội đồng áp dụng tỷ lệ cao hơn, "
                          f"{_share_text(share, comparison)}", uncertain=rule.uncertain, note=rule.note)
    if in_round:
        why = ("quy chế của Hội đồng quy định hình thức này không đưa ra bỏ phiếu" if rule.status == "not_required"
               else "pháp luật giao Hội đồng quy định tỷ lệ phiếu và quy chế của Hội đồng chưa đặt")
        raise InputError(
            f"{award}: {why} ({rule.basis or 'chưa có quy định'}). Tỷ lệ phiếu của một đợt xét phải có trong quy chế, "
            "kèm điều khoản (tdkt rules settle hoặc tệp quy chế trong thư mục rules/), để Biên bản dẫn được căn cứ; "
            "không dùng --threshold.", code="tally.threshold-without-basis")
    return VotePolicy(award=rule.award, share_num=share.numerator, share_den=share.denominator, comparison=comparison,
                      status="overlay", basis="tỷ lệ nhập khi kiểm phiếu riêng, không lưu vào đợt xét")

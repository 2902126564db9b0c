"""Hypothesis properties of the tally (style.md §2.6): counts add up, order never matters, more
agreement never hurts, the threshold is exact at the boundary, and batches merge."""

from __future__ import annotations

import random
from dataclasses import replace
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from tdkt.ballots import AGREE, BLANK, DISAGREE, INVALID, Ballot, InvalidMark, classify
from tdkt.models import VotePolicy
from tdkt.tally import Candidate, Council, count, count_marks, merge, passes, required_votes

KEYS = ["a", "b", "c", "d"]
MARK = st.sampled_from([AGREE, DISAGREE, BLANK, INVALID])


@st.composite
def ballot_sets(draw: st.DrawFn, max_ballots: int = 15) -> list[Ballot]:
    n = draw(st.integers(0, max_ballots))
    out = []
    for i in range(n):
        # A nominee may be missing from a ballot (an unmarked cell in the long layout): blank.
        marks = draw(st.dictionaries(st.sampled_from(KEYS), MARK))
        invalid = {k: InvalidMark("?", i + 2, "C", k) for k, v in marks.items() if v == INVALID}
        out.append(
            Ballot(
                id=str(i), marks=marks, written=draw(st.booleans()), file="p.csv", row=i + 2, invalid=invalid
            )
        )
    return out


@st.composite
def policies(draw: st.DrawFn) -> VotePolicy:
    den = draw(st.sampled_from([100, 3, 4, 1000]))
    num = draw(st.integers(1, den))
    return VotePolicy(
        award="x",
        share_num=num,
        share_den=den,
        comparison=draw(st.sampled_from(["at_least", "more_than"])),
        status="law",
        basis="test",
    )


CANDIDATES = [Candidate(key=k, id=k, name=k.upper(), award="x") for k in KEYS]


def tally(
    ballots: list[Ballot], policy: VotePolicy, members: int | None = None
) -> dict[str, tuple[object, ...]]:
    council = Council(members=members if members is not None else max(len(ballots), 1))
    result = count(ballots, CANDIDATES, council, lambda _a: policy)
    return {
        r.nominee: (r.agree, r.disagree, r.blank, r.invalid, r.passed, r.required, r.percent)
        for r in result.results
    }


@given(ballot_sets(), policies())
def test_counts_add_up_to_the_ballots_received(ballots: list[Ballot], policy: VotePolicy) -> None:
    for agree, disagree, blank, invalid, *_ in tally(ballots, policy).values():
        assert agree + disagree + blank + invalid == len(ballots)  # type: ignore[operator]


@given(ballot_sets(), policies(), st.randoms(use_true_random=False))
def test_shuffling_the_ballots_changes_nothing(
    ballots: list[Ballot], policy: VotePolicy, rnd: random.Random
) -> None:
    shuffled = ballots[:]
    rnd.shuffle(shuffled)
    assert tally(shuffled, policy) == tally(ballots, policy)


@given(ballot_sets(), policies(), st.data())
def test_one_more_agree_never_turns_a_pass_into_a_fail(
    ballots: list[Ballot], policy: VotePolicy, data: st.DataObject
) -> None:
    against = [
        (i, k) for i, b in enumerate(ballots) for k, v in b.marks.items() if v in (DISAGREE, BLANK, INVALID)
    ]
    if not against:
        return
    i, key = data.draw(st.sampled_from(against))
    flipped = ballots[:]
    flipped[i] = replace(
        ballots[i],
        marks={**ballots[i].marks, key: AGREE},
        invalid={k: v for k, v in ballots[i].invalid.items() if k != key},
    )
    before, after = tally(ballots, policy), tally(flipped, policy)
    assert after[key][0] == before[key][0] + 1  # type: ignore[operator]
    if before[key][4] is True:
        assert after[key][4] is True


@given(st.integers(1, 200), policies(), st.data())
def test_boundary_is_exact(members: int, policy: VotePolicy, data: st.DataObject) -> None:
    share = Fraction(policy.share_num or 0, policy.share_den)
    agree = data.draw(st.integers(0, members))
    lhs, rhs = agree * policy.share_den, (policy.share_num or 0) * members
    expected = lhs >= rhs if policy.comparison == "at_least" else lhs > rhs
    assert passes(agree, share, members, policy.comparison) is expected
    need = required_votes(share, members, policy.comparison)
    assert passes(need, share, members, policy.comparison)
    assert not passes(need - 1, share, members, policy.comparison)
    # The same through count(): `agree` ballots of "đồng ý" and the rest "không".
    ballots = [Ballot(id=str(i), marks={"a": AGREE if i < agree else DISAGREE}) for i in range(members)]
    assert tally(ballots, policy, members)["a"][4] is expected


def test_the_legal_examples() -> None:
    assert required_votes(Fraction(80, 100), 11) == 9
    assert required_votes(Fraction(90, 100), 11) == 10
    assert required_votes(Fraction(50, 100), 10, "more_than") == 6


@given(ballot_sets(), ballot_sets())
def test_splitting_and_merging_gives_the_same_counts(a: list[Ballot], b: list[Ballot]) -> None:
    assert merge(count_marks(a, KEYS), count_marks(b, KEYS)) == count_marks(a + b, KEYS)


@given(st.text(max_size=12))
def test_an_unknown_mark_is_never_a_vote(text: str) -> None:
    # Only the documented spellings count as "đồng ý"; everything else is invalid or blank/against.
    kind = classify(text)
    documented_agree = {"x", "1", "đồng ý", "có", "tán thành", "yes", "agree", "y", "✓", "✔", "☑", "✅", "√"}
    if kind == AGREE:
        from tdkt.text import clean, fold

        assert clean(text) in documented_agree or fold(text) in {
            "x",
            "1",
            "dong y",
            "co",
            "tan thanh",
            "yes",
            "agree",
            "y",
        }


@settings(max_examples=60)
@given(
    st.lists(st.integers(0, 11), min_size=2, max_size=6),
    st.lists(st.sampled_from(["female", "male", None]), min_size=6, max_size=6),
    st.integers(0, 3),
    st.randoms(use_true_random=False),
)
def test_seats_never_depend_on_row_order(
    agrees: list[int], genders: list[str | None], seats: int, rnd: random.Random
) -> None:
    keys = [f"n{i}" for i in range(len(agrees))]
    cands = [Candidate(key=k, id=k, name=k, award="bk", gender=genders[i]) for i, k in enumerate(keys)]
    ballots = [
        Ballot(id=str(j), marks={k: AGREE if j < agrees[i] else DISAGREE for i, k in enumerate(keys)})
        for j in range(11)
    ]
    policy = VotePolicy(award="bk", share_num=50, share_den=100, comparison="more_than", status="overlay")
    council = Council(members=11, seats={"bk": seats})

    def elected(order: list[Candidate]) -> dict[str, tuple[object, str]]:
        res = count(ballots, order, council, lambda _a: policy)
        return {r.nominee: (r.elected, r.status) for r in res.results}

    base = elected(cands)
    shuffled = cands[:]
    rnd.shuffle(shuffled)
    assert elected(shuffled) == base
    assert sum(1 for e, _ in base.values() if e is True) <= seats
    # Whoever is elected has at least as many votes as anyone passed over.
    votes = dict(zip(keys, agrees, strict=True))
    chosen = [votes[k] for k, (e, _) in base.items() if e is True]
    left = [votes[k] for k, (e, s) in base.items() if e is False and votes[k] > 5]
    if chosen and left:
        assert min(chosen) >= max(left)

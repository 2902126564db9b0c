"""`tally --threshold` never overrides the law: a share below the law's or the council regulation's is
refused, a higher one keeps the rule's article as its basis, and in a round a share the law leaves to
the council must come from its regulation (tdkt.tally.threshold_policy), for any shares and council
sizes (hypothesis). End to end on the example round: tests/render/test_rounds.py."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tdkt.errors import InputError
from tdkt.models import VotePolicy
from tdkt.tally import required_votes, threshold_policy

shares = st.fractions(min_value=Fraction(1, 100), max_value=1, max_denominator=300)
comparisons = st.sampled_from(["at_least", "more_than"])


@given(rule_share=shares, flag=shares, rule_cmp=comparisons, flag_cmp=comparisons,
       status=st.sampled_from(["law", "overlay"]), in_round=st.booleans(),
       members=st.lists(st.integers(1, 250), min_size=1, max_size=5))
def test_a_threshold_never_needs_fewer_votes_than_the_rule(rule_share: Fraction, flag: Fraction, rule_cmp: Any,
                                                          flag_cmp: Any, status: Any, in_round: bool,
                                                          members: list[int]) -> None:
    rule = VotePolicy(award="x", share_num=rule_share.numerator, share_den=rule_share.denominator,
                      comparison=rule_cmp, ballot_required=True, status=status, basis="Điều 45 k8")
    try:
        policy = threshold_policy(rule, flag, flag_cmp, award="X", in_round=in_round)
    except InputError as exc:
        assert flag <= rule_share and "Điều 45 k8" in exc.message  # refused only when weaker, naming the rule
        return
    assert policy.share_num is not None
    chosen = Fraction(policy.share_num, policy.share_den)
    for m in members:
        assert required_votes(chosen, m, policy.comparison) >= required_votes(rule_share, m, rule_cmp)
    assert policy.basis is not None and policy.basis.startswith("Điều 45 k8") and "--" not in policy.basis


@given(flag=shares, cmp=comparisons, status=st.sampled_from(["unset", "not_required"]))
def test_in_a_round_a_share_left_to_the_council_comes_from_its_regulation(flag: Fraction, cmp: Any, status: Any) -> None:
    rule = VotePolicy(award="x", status=status, basis="NĐ 152/2025 Điều 6 k2")
    with pytest.raises(InputError, match="quy chế"):
        threshold_policy(rule, flag, cmp, award="X", in_round=True)
    alone = threshold_policy(rule, flag, cmp, award="X", in_round=False)  # files counted on their own
    assert (alone.share_num, alone.share_den, alone.comparison) == (flag.numerator, flag.denominator, cmp)
    assert alone.basis is not None and "--" not in alone.basis

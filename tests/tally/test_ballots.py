"""Reading ballots and the pure counting helpers, without the CLI."""

from __future__ import annotations

import unicodedata
from fractions import Fraction

import pytest

from tdkt.ballots import AGREE, BLANK, DISAGREE, INVALID, Ballot, classify, read_rows
from tdkt.errors import InputError
from tdkt.models import VotePolicy
from tdkt.tally import Candidate, Council, compare, count, parse_threshold, percent


@pytest.mark.parametrize(
    ("mark", "kind"),
    [
        ("x", AGREE), ("X", AGREE), ("1", AGREE), (1, AGREE), (1.0, AGREE), ("✓", AGREE), ("√", AGREE),
        ("đồng ý", AGREE), ("ĐỒNG Ý", AGREE), ("dong_y", AGREE), (" Đồng ý ", AGREE),
        ("0", DISAGREE), (0, DISAGREE), ("không", DISAGREE), ("Không đồng ý", DISAGREE), ("khong_dong_y", DISAGREE),
        (None, BLANK), ("", BLANK), ("  ", BLANK), ("không ý kiến", BLANK), ("khong_y_kien", BLANK),
        ("?", INVALID), ("2", INVALID), (2, INVALID), ("xx", INVALID), ("✗", INVALID), ("đồng ý?!x", INVALID),
    ],
)  # fmt: skip
def test_vocabulary(mark: object, kind: str) -> None:
    assert classify(mark) == kind


def test_decomposed_text_is_the_same_mark() -> None:
    # Windows-1258 text decodes with combining tone marks: "đồng ý" in NFD must still be "đồng ý".
    assert classify(unicodedata.normalize("NFD", "Không đồng ý")) == DISAGREE
    assert classify(unicodedata.normalize("NFD", "đồng ý")) == AGREE


def test_header_below_a_title_row_and_columns_in_order() -> None:
    rows = [
        ["PHIẾU BẦU", None, None],
        [None, None, None],
        ["STT", "Nguyễn Văn An", "Trần Thị Bình"],
        [1, "x", 0],
        [2, None, "x"],
    ]
    got = read_rows(rows, file="p.xlsx", sheet="Phiếu")
    assert [c.label for c in got.columns.values()] == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert [(b.id, b.row, list(b.marks.values())) for b in got.ballots] == [
        ("1", 4, [AGREE, DISAGREE]),
        ("2", 5, [BLANK, AGREE]),
    ]
    assert got.layouts == {"p.xlsx": "wide"}


def test_wide_without_ballot_numbers_uses_positions() -> None:
    got = read_rows([["An", "Bình"], ["x", "x"], ["0", "x"]], file="p.csv")
    assert [b.id for b in got.ballots] == ["1", "2"]


def test_long_layout_with_written_flag_per_row() -> None:
    rows = [
        ["Mã phiếu", "Ứng viên", "Ý kiến", "Vắng mặt"],
        ["P1", "An", "x", ""],
        ["P1", "Bình", "0", ""],
        ["P2", "An", "x", "x"],
        ["P2", "Bình", "x", ""],  # contradicts the row above
    ]
    got = read_rows(rows, file="l.csv")
    assert [(b.id, b.written) for b in got.ballots] == [("P1", False), ("P2", True)]
    assert [(f.code, f.cell.row if f.cell else None) for f in got.findings] == [
        ("tally.inconsistent-written", 5)
    ]


def test_duplicate_column_is_unusable_input() -> None:
    with pytest.raises(InputError, match="cột C và cột B"):
        read_rows([["Số phiếu", "Nguyễn Văn An", "NGUYỄN VĂN AN"], ["1", "x", "x"]], file="d.csv")


def test_no_header_is_unusable_input() -> None:
    with pytest.raises(InputError, match="tiêu đề"):
        read_rows([["x"], ["y"]], file="d.csv")


@pytest.mark.parametrize(
    ("part", "whole", "text"),
    [(9, 11, "81.82"), (10, 11, "90.91"), (1, 8, "12.50"), (1, 200, "0.50"), (2, 3, "66.67")],
)
def test_percent_two_decimals_half_up(part: int, whole: int, text: str) -> None:
    assert percent(part, whole) == text
    assert percent(part, whole, ",") == text.replace(".", ",")


@pytest.mark.parametrize(
    ("text", "share", "comparison"),
    [("80", Fraction(4, 5), "at_least"), ("80%", Fraction(4, 5), "at_least"), ("66,67", Fraction(6667, 10000), "at_least"),
     ("2/3", Fraction(2, 3), "at_least"), (">50", Fraction(1, 2), "more_than")],
)  # fmt: skip
def test_parse_threshold(text: str, share: Fraction, comparison: str) -> None:
    assert parse_threshold(text) == (share, comparison)


def _council_vote(
    agrees: dict[str, int], cands: list[Candidate], seats: int
) -> dict[str, tuple[object, str]]:
    ballots = [
        Ballot(id=str(j), marks={k: AGREE if j < n else DISAGREE for k, n in agrees.items()})
        for j in range(11)
    ]
    policy = VotePolicy(award="co", share_num=80, share_den=100, status="overlay")
    res = count(ballots, cands, Council(members=11, seats={"co": seats}), lambda _a: policy)
    return {r.nominee: (r.elected, r.status) for r in res.results}


def test_collective_with_70_percent_women_is_preferred_and_unknown_share_is_flagged() -> None:
    a = Candidate(key="a", id="a", name="A", award="co", kind="collective", women_percent=Fraction(70))
    b = Candidate(key="b", id="b", name="B", award="co", kind="collective", women_percent=Fraction(6999, 100))
    assert _council_vote({"a": 10, "b": 10}, [b, a], 1) == {"a": (True, "pass"), "b": (False, "pass")}
    c = Candidate(key="b", id="b", name="B", award="co", kind="collective", women_percent=None)
    assert _council_vote({"a": 10, "b": 10}, [a, c], 1) == {"a": (None, "tie"), "b": (None, "tie")}


def test_more_votes_win_the_seat_before_any_preference() -> None:
    man = Candidate(key="m", id="m", name="M", award="co", gender="male")
    woman = Candidate(key="w", id="w", name="W", award="co", gender="female")
    assert _council_vote({"m": 11, "w": 10}, [woman, man], 1) == {"m": (True, "pass"), "w": (False, "pass")}


def test_compare_names_ballot_and_nominee() -> None:
    one = read_rows([["Số phiếu", "An", "Bình"], ["1", "x", "x"], ["2", "x", "?"]], file="a.csv")
    two = read_rows([["Số phiếu", "An", "Bình"], ["1", "x", "x"], ["2", "x", "??"]], file="b.csv")
    (diff,) = compare(one, two)
    assert diff.code == "tally.entry-mismatch" and "Phiếu 2, Bình" in diff.message and "'??'" in diff.message
    assert [f.code for f in compare(one, one)] == ["tally.entries-agree"]


def test_quota_per_cluster_needs_the_cluster() -> None:
    known = [
        Candidate(key=k, id=k, name=k, award="co", cluster="Khối Nội chính", gender="male") for k in "ab"
    ]
    unknown = Candidate(key="c", id="c", name="C", award="co", cluster=None)
    ballots = [
        Ballot(id=str(j), marks={"a": AGREE, "b": AGREE if j < 10 else DISAGREE, "c": AGREE})
        for j in range(11)
    ]
    policy = VotePolicy(award="co", share_num=80, share_den=100, status="overlay")
    res = count(
        ballots, [*known, unknown], Council(members=11, seats_per_cluster={"co": 1}), lambda _a: policy
    )
    assert {r.nominee: r.elected for r in res.results} == {"a": True, "b": False, "c": None}
    assert [f.code for f in res.findings if f.subject == "c"] == ["tally.no-cluster"]

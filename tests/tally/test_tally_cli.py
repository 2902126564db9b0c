"""`tdkt tally` end to end on the generated ballot files (tests/tally/make_fixtures.py)."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

# The documented vocabulary (docs/ballots.md) for every spelling the fixtures use: the expected
# counts are derived from the fixture tables through this table, not from tdkt's own classifier.
VOCAB = {
    "x": "agree", "X": "agree", "1": "agree", "✓": "agree", "đồng ý": "agree", "Đồng ý": "agree",
    "không đồng ý": "disagree", "0": "disagree", "không": "disagree",
    "": "blank", "không ý kiến": "blank",
    "?": "invalid",
}  # fmt: skip

FORMATS = [
    "wide-utf8.csv",
    "wide-utf8-bom.csv",
    "wide-utf16.csv",
    "wide-cp1258.csv",
    "wide.xlsx",
    "long-codes.csv",
    "long-names.xlsx",
]


def expected_counts(fx: ModuleType) -> list[Counter[str]]:
    out: list[Counter[str]] = [Counter() for _ in fx.NOMINEES]
    for _bid, _written, marks in fx.BALLOTS:
        for i, mark in enumerate(marks):
            out[i][VOCAB[mark]] += 1
    return out


def pct(agree: int, whole: int) -> str:
    return str((Decimal(agree) * 100 / Decimal(whole)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def tally_json(cli: Any, *args: object) -> tuple[int, dict[str, Any], str]:
    r = cli(["tally", *args, "--format", "json"])
    return r.exit_code, (json.loads(r.stdout) if r.stdout.strip() else {}), r.stderr


@pytest.mark.parametrize("name", FORMATS)
def test_every_layout_and_encoding_gives_the_same_tally(
    cli: Any, fx: ModuleType, data: Path, name: str
) -> None:
    code, doc, err = tally_json(cli, data / name, "--members", 11, "--threshold", 80)
    assert (code, err) == (0, "")
    written = sum(1 for _, w, _ in fx.BALLOTS if w)
    assert doc["council"] == {"members": 11, "present": len(fx.BALLOTS) - written}
    assert doc["ballots"] == {
        "received": len(fx.BALLOTS),
        "valid": len(fx.BALLOTS),
        "invalid": 0,
        "written": written,
    }
    required = -(-80 * 11 // 100)  # ⌈0.8 × 11⌉ = 9 in integers
    assert required == 9
    for (code_, name_, *_), want, got in zip(fx.NOMINEES, expected_counts(fx), doc["results"], strict=True):
        assert got["name"] in (name_, code_)
        assert [got[k] for k in ("agree", "disagree", "blank", "invalid")] == [
            want["agree"],
            want["disagree"],
            want["blank"],
            want["invalid"],
        ]
        assert got["denominator"] == 11 and got["required"] == required
        assert got["passed"] is (want["agree"] >= required)
        assert got["status"] == ("pass" if want["agree"] >= required else "fail")
        assert got["percent"] == pct(want["agree"], 11)
        # files counted on their own: the share as typed, never cited as if it were law (nothing is stored)
        assert got["basis"] == "tỷ lệ nhập khi kiểm phiếu riêng, không lưu vào đợt xét"
    assert [f["code"] for f in doc["findings"]] == ["tally.invalid-mark"]
    assert doc["schema_version"] == 1 and doc["session"] is None
    assert doc["inputs"] == [
        {"path": str(data / name), "sha256": hashlib.sha256((data / name).read_bytes()).hexdigest()}
    ]


def test_invalid_mark_names_ballot_and_column(cli: Any, data: Path) -> None:
    _, doc, _ = tally_json(cli, data / "wide-utf8.csv", "--members", 11, "--threshold", 80)
    (finding,) = doc["findings"]
    assert (finding["severity"], finding["cell"], finding["file"]) == ("warning", "E6", "wide-utf8.csv")
    assert (
        "Phiếu 05" in finding["message"]
        and "'?'" in finding["message"]
        and "Lê Thị Thu Trang" in finding["message"]
    )


def test_table_uses_the_vietnamese_decimal_comma(cli: Any, data: Path) -> None:
    r = cli(["tally", data / "wide-utf8.csv", "--members", 11, "--threshold", 80])
    assert (r.exit_code, r.stderr) == (0, "")
    assert "81,82" in r.stdout and "81.82" not in r.stdout
    assert "Nguyễn Thị Hoa" in r.stdout and "Không đạt" in r.stdout
    assert "nhận 11 phiếu (1 ý kiến bằng văn bản)" in r.stdout


def test_without_a_rule_the_result_is_review_not_a_guess(cli: Any, data: Path) -> None:
    code, doc, _ = tally_json(cli, data / "wide-utf8.csv", "--members", 11)
    assert code == 0
    assert {(r["status"], r["passed"], r["required"]) for r in doc["results"]} == {("review", None, None)}
    assert "tally.no-award" in [f["code"] for f in doc["findings"]]


def test_threshold_more_than_and_fraction(cli: Any, data: Path) -> None:
    _, doc, _ = tally_json(cli, data / "wide-utf8.csv", "--members", 11, "--threshold", ">50")
    assert {r["required"] for r in doc["results"]} == {6}  # more than 5.5 → 6
    _, doc, _ = tally_json(cli, data / "wide-utf8.csv", "--members", 11, "--threshold", "2/3")
    assert {r["required"] for r in doc["results"]} == {8}  # ⌈22/3⌉ = 8


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--members", "11", "--threshold", "120"], 2),
        (["--threshold", "80"], 2),  # no council size anywhere
    ],
)
def test_usage_errors(cli: Any, data: Path, args: list[str], code: int) -> None:
    r = cli(["tally", data / "wide-utf8.csv", *args])
    assert (r.exit_code, r.stdout) == (code, "")
    assert len(r.stderr.strip().splitlines()) <= 2 and "Lỗi" in r.stderr


def test_unusable_input_is_one_line_and_exit_3(cli: Any, tmp_path: Path) -> None:
    bad = tmp_path / "phieu.csv"
    bad.write_text("chỉ một cột\nx\n", encoding="utf-8")
    r = cli(["tally", bad, "--members", 11])
    assert (r.exit_code, r.stdout) == (3, "")
    assert "phieu.csv" in r.stderr and "Traceback" not in r.stderr
    missing_id = tmp_path / "dong.csv"
    missing_id.write_text("Số phiếu,Người được đề nghị,Lựa chọn\n1,NV01,x\n,NV02,x\n", encoding="utf-8")
    r = cli(["tally", missing_id, "--members", 11])
    assert r.exit_code == 3 and "dong.csv, dòng 3, cột A" in r.stderr


@pytest.mark.parametrize(
    ("name", "code_"),
    [
        ("too-many.csv", "tally.too-many-ballots"),
        ("duplicate-ballot.csv", "tally.duplicate-ballot"),
        ("duplicate-mark.csv", "tally.duplicate-mark"),
        ("bad-written-flag.csv", "tally.bad-written-flag"),
    ],
)
def test_integrity_failures_exit_1(cli: Any, data: Path, name: str, code_: str) -> None:
    code, doc, _ = tally_json(cli, data / name, "--members", 11, "--threshold", 80)
    assert code == 1
    errors = [f for f in doc["findings"] if f["severity"] == "error"]
    assert [f["code"] for f in errors] == [code_]


def test_duplicate_mark_names_both_rows(cli: Any, data: Path, fx: ModuleType) -> None:
    _, doc, _ = tally_json(cli, data / "duplicate-mark.csv", "--members", 11, "--threshold", 80)
    (dup,) = [f for f in doc["findings"] if f["code"] == "tally.duplicate-mark"]
    last = len(fx.long_rows("code")) + 1  # the repeated row is appended after all the others
    assert "dòng 8" in dup["message"] and f"dòng {last}" in dup["message"]


def test_verify_agreeing_entries(cli: Any, data: Path) -> None:
    code, doc, _ = tally_json(
        cli, data / "wide-utf8.csv", "--members", 11, "--threshold", 80, "--verify", data / "entry2-same.csv"
    )
    assert code == 0
    assert "tally.entries-agree" in [f["code"] for f in doc["findings"]]
    assert len(doc["inputs"]) == 2


def test_verify_lists_every_difference(cli: Any, data: Path) -> None:
    code, doc, _ = tally_json(
        cli, data / "wide-utf8.csv", "--members", 11, "--threshold", 80, "--verify", data / "entry2-diff.csv"
    )
    assert code == 1
    diffs = [f for f in doc["findings"] if f["code"].startswith("tally.entry")]
    assert [(f["code"], f["cell"]) for f in diffs] == [
        ("tally.entry-mismatch", "5"),
        ("tally.entry-missing", "10"),
    ]
    assert "Phiếu 04, Trần Văn Bình" in diffs[0]["message"] and "không đồng ý" in diffs[0]["message"]
    assert "Phiếu 09" in diffs[1]["message"]


# --- in a workspace, with a round ----------------------------------------------------------------


def test_round_uses_the_law_and_stores_the_result(
    cli: Any, data: Path, fx: ModuleType, make_round: Any
) -> None:
    from tdkt import rounds

    url = make_round(fx.validation_payload())
    code, doc, err = tally_json(cli, data / "wide-utf8.csv")
    assert (code, err) == (0, "")
    assert doc["session"] == "2022-1" and doc["ruleset"]
    by_id = {r["nominee"]: r for r in doc["results"]}
    # NĐ 91/2017 Điều 45 k8: CSTĐ cấp tỉnh needs ≥ 90 % of ALL 11 members = 10 votes.
    assert [(by_id[n]["required"], by_id[n]["status"]) for n in ("NV01", "NV02")] == [
        (10, "pass"),
        (10, "fail"),
    ]
    # Cờ thi đua cấp tỉnh has no national share under NĐ 91: "review", with a finding.
    assert (by_id["TT01"]["status"], by_id["TT01"]["passed"]) == ("review", None)
    assert "tally.no-threshold" in [f["code"] for f in doc["findings"]]
    (stored,) = rounds.runs(url, "2022-1", "tally")
    saved = doc.pop("stored")
    assert (saved["action"], saved["run"], saved["replaced"]) == ("added", stored.id, [])
    assert set(saved["awards"]) == {r["award"] for r in doc["results"]}
    assert stored.payload == doc
    assert stored.inputs == doc["inputs"]

    again = cli(["tally", data / "wide-utf8.csv"])
    assert again.exit_code == 0 and "không lưu lại" in again.stdout  # the same ballots, the same result
    assert len(rounds.runs(url, "2022-1", "tally", current_only=False)) == 1
    # The law is not a command-line option: 80 % is below the 90 % NĐ 91 sets for CSTĐ cấp tỉnh (exit 3,
    # nothing counted or stored), and the Cờ's share, left to the council, must come from its quy chế.
    below = cli(["tally", data / "wide-utf8.csv", "--force", "--threshold", "80"])
    assert below.exit_code == 3, below.stderr
    assert "90%" in below.stderr and "NĐ 91/2017 Điều 45 k8" in below.stderr and "Traceback" not in below.stderr
    assert len(rounds.runs(url, "2022-1", "tally", current_only=False)) == 1
    unset = cli(["tally", data / "wide-utf8.csv", "--force", "--threshold", "95"])
    assert unset.exit_code == 3 and "quy chế" in unset.stderr, unset.stderr
    # Other ballot files (here the same marks saved with a BOM) for the same awards need --force.
    other = cli(["tally", data / "wide-utf8-bom.csv"])
    assert other.exit_code == 3 and "--force" in other.stderr
    forced = cli(["tally", data / "wide-utf8-bom.csv", "--force"])
    assert forced.exit_code == 0
    history = rounds.runs(url, "2022-1", "tally", current_only=False)
    assert [r.current for r in history] == [False, True]
    assert history[1].payload["results"][1]["status"] == "fail"  # still 9/11 < 90 %


@pytest.mark.parametrize(
    ("name", "verdicts", "code_", "exit_"),
    [
        ("unknown-nominee.csv", {}, "tally.unknown-nominee", 1),
        ("wide-utf8.csv", {"NV03": "fail"}, "tally.failed-nominee", 1),
        ("missing-nominee.csv", {}, "tally.missing-nominee", 0),
    ],
)
def test_ballot_columns_checked_against_the_round(
    cli: Any,
    data: Path,
    fx: ModuleType,
    make_round: Any,
    name: str,
    verdicts: dict[str, str],
    code_: str,
    exit_: int,
) -> None:
    from tdkt import rounds

    url = make_round(fx.validation_payload(verdicts), overlay="overlay-shares.yaml")
    code, doc, _ = tally_json(cli, data / name)
    assert code == exit_
    assert code_ in [f["code"] for f in doc["findings"]]
    assert len(rounds.runs(url, "2022-1", "tally")) == (1 if exit_ == 0 else 0)


def test_quorum_counts_members_present_not_written_opinions(
    cli: Any, data: Path, fx: ModuleType, make_round: Any
) -> None:
    from tdkt import rounds

    url = make_round(fx.validation_payload(), overlay="overlay-seats.yaml")
    code, doc, _ = tally_json(cli, data / "quorum.csv")
    assert code == 1
    (q,) = [f for f in doc["findings"] if f["code"] == "tally.quorum-not-met"]
    assert "6/11" in q["message"] and "8 thành viên" in q["message"]  # ⌈2/3 × 11⌉ = 8
    assert "Quy chế thử nghiệm, Điều 6" in q["message"]
    assert doc["council"]["present"] == 6 and doc["ballots"]["written"] == 3
    assert rounds.runs(url, "2022-1", "tally") == []


def test_ties_at_the_last_seat(cli: Any, data: Path, fx: ModuleType, make_round: Any) -> None:
    make_round(fx.tie_payload(), overlay="overlay-seats.yaml")
    code, doc, _ = tally_json(cli, data / "tie.csv")
    assert code == 0
    got = {r["nominee"]: (r["status"], r["passed"], r["elected"]) for r in doc["results"]}
    assert got == {
        "NV01": ("pass", True, True),  # a woman, preferred by law at the tie
        "NV02": ("pass", True, False),
        "NV03": ("tie", True, None),  # two women: back to the council
        "NV04": ("tie", True, None),
        "TT01": ("pass", True, True),
    }
    codes = [f["code"] for f in doc["findings"]]
    assert codes.count("tally.tie-broken") == 1 and codes.count("tally.tie") == 1
    assert "tally.missing-nominee" not in codes  # NV09's award is not put to the vote


def test_bundled_example_ballots_standalone(cli: Any) -> None:
    import csv

    path = Path(__file__).resolve().parents[2] / "examples" / "2022-1" / "ballots.csv"
    with path.open(encoding="utf-8-sig", newline="") as fh:
        header, *rows = list(csv.reader(fh))
    code, doc, err = tally_json(cli, path, "--members", 11)
    assert (code, err) == (0, "")
    written = sum(1 for r in rows if r[1] == "Bằng văn bản")
    assert doc["ballots"]["received"] == len(rows) and doc["ballots"]["written"] == written
    assert [r["name"] for r in doc["results"]] == header[2:]
    for r in doc["results"]:
        assert r["agree"] + r["disagree"] + r["blank"] + r["invalid"] == len(rows)


def test_award_option_limits_the_vote_to_one_award(
    cli: Any, data: Path, fx: ModuleType, make_round: Any
) -> None:
    from tdkt import rounds

    url = make_round(fx.validation_payload(), overlay="overlay-shares.yaml")
    code, doc, _ = tally_json(cli, data / "wide-utf8.csv", "--award", "co_thi_dua_bo_tinh")
    assert code == 0
    assert [(r["nominee"], r["award"], r["status"]) for r in doc["results"]] == [
        ("TT01", "co_thi_dua_bo_tinh", "pass")
    ]
    assert "tally.missing-nominee" not in [f["code"] for f in doc["findings"]]
    (stored,) = rounds.runs(url, "2022-1", "tally")
    assert stored.award == "co_thi_dua_bo_tinh"

"""Ballot integrity (report #3, #4, #6, #7, #8): marks read strictly, records split only at CR LF / LF,
names matched as written, numbers compared as numbers, an unknown award refused."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from tdkt.ballots import AGREE, BLANK, DISAGREE, INVALID, classify

from .conftest import Round, flat, validate

NOMINEES = ["Bùi Thị Thu Hà", "Cao Thị Hương", "Lâm Thị Quỳnh", "Sở Tư pháp tỉnh Hải Đông", "Trương Công Minh",
            "Phan Thị Ngọc"]


def _table(path: Path) -> list[list[str]]:
    text = path.read_bytes().decode("utf-8-sig")
    return [line.split(",") for line in text.split("\r\n") if line]


def _save(path: Path, rows: list[list[str]]) -> None:
    path.write_bytes(("\ufeff" + "".join(",".join(r) + "\r\n" for r in rows)).encode("utf-8"))


def _tally(cli: Any, *args: Any) -> tuple[int, dict[str, Any], str]:
    r = cli(["tally", *args, "--format", "json"])
    return r.exit_code, (json.loads(r.stdout) if r.stdout.strip() else {}), r.stderr


def _result(doc: dict[str, Any], name: str) -> dict[str, Any]:
    return next(x for x in doc["results"] if x["name"] == name)


def _tallies(url: str) -> int:
    """The tallies stored in the round (current or not)."""
    from tdkt import rounds

    return len(rounds.runs(url, "2022-1", "tally", current_only=False))


# --- #3: marks -------------------------------------------------------------------------------------

INVALID_SPELLINGS = ["đồng ý?", "x?", "?x", "1?", "-1", "(x)", "x/", "không?", "x.", "'x", "x\u200b", "\u202ex",
                     "đông ý", "dòng y", "Ｘ", "х", "1.0", "01", "+1", "x x", "đồng  ý!", "k.", "ko?", "x\u2028x",
                     "đồng\u00a0ý?", "ĐỒNG Ý???", "không đồng ý?", "[x]", "x;"]


@pytest.mark.parametrize("mark", INVALID_SPELLINGS)
def test_3_a_mark_with_anything_outside_the_vocabulary_is_invalid(mark: str) -> None:
    assert classify(mark) == INVALID


@pytest.mark.parametrize(("mark", "kind"), [
    ("x", AGREE), (" X ", AGREE), ("đồng ý", AGREE), ("ĐỒNG Ý", AGREE), ("dong y", AGREE), ("dong_y", AGREE),
    (unicodedata.normalize("NFD", "Đồng ý"), AGREE), ("đồng\u00a0ý", AGREE), ("✓", AGREE), ("Có", AGREE),
    ("không", DISAGREE), ("KHONG DONG Y", DISAGREE), ("k", DISAGREE), ("0", DISAGREE), (0, DISAGREE),
    ("", BLANK), ("không ý kiến", BLANK), ("khong_y_kien", BLANK), (None, BLANK),
])  # fmt: skip
def test_3_the_documented_vocabulary_still_reads(mark: object, kind: str) -> None:
    assert classify(mark) == kind


def test_3_a_tentative_mark_does_not_elect_anyone(cli: Any, round_ws: Round) -> None:
    validate(cli, round_ws)
    rows = _table(round_ws.ballots)
    col = rows[0].index("Bùi Thị Thu Hà")
    assert rows[1][0] == "01" and rows[1][col] == "x"
    rows[1][col] = "đồng ý?"
    _save(round_ws.ballots, rows)
    code, doc, err = _tally(cli, round_ws.ballots)
    assert code == 0, err
    ha = _result(doc, "Bùi Thị Thu Hà")
    assert (ha["agree"], ha["invalid"], ha["passed"]) == (9, 1, False)
    warned = [f for f in doc["findings"] if f["code"] == "tally.invalid-mark"]
    assert any("Phiếu 01" in f["message"] and "đồng ý?" in f["message"] for f in warned)
    assert any("cột" in f["message"] and f["cell"] for f in warned)  # names the column and the cell


def test_3_a_tentative_written_flag_is_an_error_not_a_guess(cli: Any, round_ws: Round) -> None:
    validate(cli, round_ws)
    rows = _table(round_ws.ballots)
    rows[11][1] = "văn bản?"
    _save(round_ws.ballots, rows)
    code, doc, _ = _tally(cli, round_ws.ballots)
    assert code == 1 and "tally.bad-written-flag" in {f["code"] for f in doc["findings"]}
    assert _tallies(round_ws.url) == 0  # only the validation: the tally was not stored


# --- #4: records ---------------------------------------------------------------------------------

SEPARATORS = ["\u2028", "\u2029", "\x85", "\x0c", "\x0b", "\x1c", "\x1d", "\x1e", "\r"]


@pytest.mark.parametrize("sep", SEPARATORS, ids=[f"U+{ord(s):04X}" for s in SEPARATORS])
def test_4_a_line_separator_inside_a_mark_stays_in_its_cell(cli: Any, sqlite_round: Round, sep: str) -> None:
    rnd = sqlite_round
    validate(cli, rnd)
    rows = _table(rnd.ballots)
    del rows[10]  # ballot 10: one member absent, 10 ballots for 11 members
    col = rows[0].index("Cao Thị Hương")
    rows[1][col] = f"x{sep}x"
    _save(rnd.ballots, rows)
    code, doc, err = _tally(cli, rnd.ballots)
    assert code == 0, err
    assert doc["ballots"]["received"] == 10 and doc["ballots"]["written"] == 1
    assert _result(doc, "Cao Thị Hương")["invalid"] == 1


@pytest.mark.parametrize("sep", ["\u2028", "\x85", "\x0c"], ids=["U+2028", "U+0085", "U+000C"])
def test_4_a_line_separator_in_a_nomination_csv_makes_no_phantom_nominee(cli: Any, tmp_path: Path, sep: str,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "ds.csv"
    path.write_text("STT,Họ và tên,Đơn vị công tác,Hình thức đề nghị khen thưởng\r\n"
                    f"1,Trần Văn{sep}Nam,Sở Y tế,Lao động tiên tiến\r\n"
                    "2,Lê Thị Hoa,Sở Y tế,Lao động tiên tiến\r\n", encoding="utf-8")
    r = cli(["ingest", path, "--format", "json"])
    assert r.exit_code in (0, 1), r.stderr
    doc = json.loads(r.stdout)
    records = [rec for f in doc["files"] for s in f["sheets"] for rec in s["records"]]
    assert [rec["row"] for rec in records] == [2, 3]
    assert records[1]["name"] == "Lê Thị Hoa"


def test_4_records_split_only_at_crlf_or_lf() -> None:
    from tdkt.ingest.delimited import records  # the one record splitter of every CSV reader

    text = 'a,b\r\n"q\r\nw",e\nx\u2028y,z\x0cw\r\nlone\rcr,2\r\n'
    assert list(records(text, ",", "t.csv")) == [["a", "b"], ["q\r\nw", "e"], ["x\u2028y", "z\x0cw"],
                                                 ["lone\rcr", "2"]]
    plain = "a,b\r\nx\u2028y,z\r\nlone\rcr,2\r\n"
    assert list(records(plain, ",", "t.csv")) == [["a", "b"], ["x\u2028y", "z"], ["lone\rcr", "2"]]
    assert list(records("a;b\rc;d\r", ";", "mac.csv")) == [["a", "b"], ["c", "d"]]  # old Mac: CR only


# --- #6: names -------------------------------------------------------------------------------------


def test_6_a_column_differing_in_one_diacritic_is_another_person(cli: Any, round_ws: Round) -> None:
    validate(cli, round_ws)
    rows = _table(round_ws.ballots)
    col = rows[0].index("Cao Thị Hương")
    rows[0][col] = "Cao Thị Hường"
    _save(round_ws.ballots, rows)
    code, doc, _ = _tally(cli, round_ws.ballots)
    assert code == 1
    near = [f for f in doc["findings"] if f["code"] == "tally.near-nominee"]
    assert len(near) == 1 and "Cao Thị Hường" in near[0]["message"] and "Cao Thị Hương" in near[0]["message"]
    assert "Cao Thị Hương" not in [x["name"] for x in doc["results"]]  # no vote given to the look-alike
    assert _tallies(round_ws.url) == 0


@pytest.mark.parametrize("header", ["CAO THỊ HƯƠNG", "Cao  Thị   Hương", unicodedata.normalize("NFD", "Cao Thị Hương")])
def test_6_case_spaces_and_combining_marks_still_match(cli: Any, sqlite_round: Round, header: str) -> None:
    validate(cli, sqlite_round)
    rows = _table(sqlite_round.ballots)
    rows[0][rows[0].index("Cao Thị Hương")] = header
    _save(sqlite_round.ballots, rows)
    code, doc, err = _tally(cli, sqlite_round.ballots)
    assert code == 0, err
    assert _result(doc, "Cao Thị Hương")["agree"] >= 9


def test_6_old_and_new_tone_placement_are_one_name() -> None:
    from tdkt.text import name_key

    assert name_key("Nguyễn Thị Thúy Hòa") == name_key("NGUYỄN THỊ THUÝ HOÀ")
    assert name_key("Cao Thị Hường") != name_key("Cao Thị Hương")
    assert name_key("Đỗ Văn Giang") != name_key("Đồ Văn Giang")


# --- #7: award ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("award", ["chien_si_thi_dua_tinhh", "../x", "chien_si"])
def test_7_an_unknown_award_is_refused_and_nothing_is_stored(cli: Any, round_ws: Round, award: str) -> None:
    validate(cli, round_ws)
    r = cli(["tally", round_ws.ballots, "--award", award])
    # the option itself refuses it (a usage error, exit 2, with the names it resembles)
    assert r.exit_code == 2 and award in flat(r.stderr) and "Traceback" not in r.stderr
    assert _tallies(round_ws.url) == 0


def test_7_the_library_refuses_an_unknown_award_too(sqlite_round: Round, cli: Any) -> None:
    from tdkt.errors import WorkspaceError
    from tdkt.tally_run import run

    validate(cli, sqlite_round)
    with pytest.raises(WorkspaceError) as info:
        run([sqlite_round.ballots], award="chien_si_thi_dua_tinhh")
    assert info.value.exit_code == 3 and "chien_si_thi_dua_tinhh" in info.value.message
    assert _tallies(sqlite_round.url) == 0


@pytest.mark.parametrize("award", ["chien_si_thi_dua_bo_tinh", "chien_si_thi_dua_tinh", "CSTĐ cấp tỉnh"])
def test_7_an_award_by_id_or_usual_name_counts_its_columns_and_names_the_rest(cli: Any, sqlite_round: Round,
                                                                              award: str) -> None:
    validate(cli, sqlite_round)
    code, doc, _ = _tally(cli, sqlite_round.ballots, "--award", award)
    assert code == 0
    assert doc["results"] and {x["award"] for x in doc["results"]} == {"chien_si_thi_dua_bo_tinh"}
    (left,) = [f for f in doc["findings"] if f["code"] == "tally.other-award-columns"]
    assert left["message"].startswith(f"{6 - len(doc['results'])} cột phiếu")


# --- #8: numbers --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("first", "second"), [("05", "5"), ("5", "005"), ("007", "7")])
def test_8_ballot_numbers_are_compared_as_numbers(cli: Any, round_ws: Round, first: str, second: str) -> None:
    validate(cli, round_ws)
    rows = _table(round_ws.ballots)
    del rows[7]  # ballot 07 skipped: the count stays at 10 of 11 members
    rows[5][0] = first
    rows[10][0] = second
    _save(round_ws.ballots, rows)
    code, doc, _ = _tally(cli, round_ws.ballots)
    assert code == 1
    assert "tally.duplicate-ballot" in {f["code"] for f in doc["findings"]}
    assert _tallies(round_ws.url) == 0


def test_8_verify_matches_05_with_5(cli: Any, sqlite_round: Round) -> None:
    validate(cli, sqlite_round)
    rows = _table(sqlite_round.ballots)
    second = sqlite_round.root / "ban-2.csv"
    _save(second, [rows[0]] + [[str(int(r[0])), *r[1:]] for r in rows[1:]])
    code, doc, err = _tally(cli, sqlite_round.ballots, "--verify", second)
    assert code == 0, err
    assert "tally.entries-agree" in {f["code"] for f in doc["findings"]}

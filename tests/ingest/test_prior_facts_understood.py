"""Prior facts read every way units write them (issue 13; corpus lists 17, 18, 31, 32, 46): the type of a
prior award stated by its words or by its "Thành tích" sub-column, a header that names the award already
held, and an initiative recognised without its level. One passing and one failing case per form, in
shapes the corpus does not have."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tdkt.award_types import award_type
from tdkt.findings import CellRef
from tdkt.models import Initiative, Nominee
from tdkt.predicates import Context, InitiativesParams, initiatives
from tests.ingest.book import write_book


def _read(path: Path, year: int) -> dict[str, Nominee]:
    from tdkt.ingest import read_nominations

    return {n.name: n for n in read_nominations([path], year=year).nominees}


def _judge(path: Path, rules: str, year: int) -> dict[str, dict[str, Any]]:
    from tdkt.validation import validate_files

    doc = validate_files([path], rules=rules, year=year, store=False, cwd=path.parent).to_dict()
    return {n["name"]: n for n in doc["nominees"]}


# ------------------------------------------------------------------ the type stated by the words


@pytest.mark.parametrize("text", [
    "Bằng khen của Bộ trưởng Bộ Y tế đã hoàn thành xuất sắc nhiệm vụ chính trị năm 2018, Quyết định số 12/QĐ-BYT",
    "BK UBND tỉnh: thành tích xuất sắc trong công tác giai đoạn 2016-2020",
    "Thành tích xuất sắc trong thực hiện nhiệm vụ từ năm học 2015-2016 đến năm học 2019-2020",
])
def test_the_tasks_of_a_year_or_a_period_are_cong_trang(text: str) -> None:
    assert award_type(text) == "cong_trang"


@pytest.mark.parametrize(("text", "want"), [
    ("Thành tích xuất sắc trong thực hiện nhiệm vụ năm 2021 phòng, chống dịch COVID-19", None),  # a campaign
    ("Thành tích xuất sắc trong phong trào thi đua năm 2019", None),  # year-end and movement awards alike
    ("Thành tích xuất sắc trong công tác", None),  # no year, no period
    ("Thành tích đột xuất trong thực hiện nhiệm vụ năm 2020", "dot_xuat"),
    ("Hoàn thành xuất sắc nhiệm vụ năm 2022 (khen thưởng chuyên đề)", "chuyen_de"),
])
def test_other_wordings_state_another_type_or_none(text: str, want: str | None) -> None:
    assert award_type(text) == want


def test_the_achievement_sub_column_states_the_type(tmp_path: Path) -> None:
    path = write_book(tmp_path / "ds.xlsx", [
        ["STT", "Họ và tên", "Danh hiệu đề nghị", "Khen thưởng đã nhận", None],
        [None, None, None, "Hình thức", "Giai đoạn thành tích"],
        [1, "Kha Văn Định", "Bằng khen của Thủ tướng Chính phủ", "BK UBND tỉnh", "Hoàn thành xuất sắc nhiệm vụ năm 2019"],
        [2, "Lều Thị Nga", "Bằng khen của Thủ tướng Chính phủ", "BK UBND tỉnh", "Năm 2019"],
    ])
    got = _read(path, 2024)
    assert [(a.award, a.period_to, a.type) for a in got["Kha Văn Định"].prior_awards] == [
        ("bang_khen_bo_tinh", 2019, "cong_trang")]
    assert [(a.award, a.period_to, a.type) for a in got["Lều Thị Nga"].prior_awards] == [
        ("bang_khen_bo_tinh", 2019, None)]  # a year alone says nothing of the type: review from NĐ 98 on


# -------------------------------------------------------------- a header naming the award held


def test_a_header_naming_the_award_held_gives_it_to_the_cells(tmp_path: Path) -> None:
    path = write_book(tmp_path / "ds.xlsx", [
        ["TT", "Họ và tên", "Hình thức đề nghị", "Chiến sĩ thi đua cơ sở qua các năm",
         "Huân chương Lao động hạng Ba đã được tặng"],
        [1, "Ông Văn Lực", "Huân chương Lao động hạng Nhì", "2022; 2024", "Thành tích từ năm 2014 đến năm 2018 (QĐ 88/QĐ-CTN)"],
        [2, "Phí Thị Hoa", "Huân chương Lao động hạng Nhì", "Không", "Chưa"],
        [3, "Quách Văn Tín", "Huân chương Lao động hạng Nhì", "Có", "-"],
    ])
    got = _read(path, 2024)
    luc, hoa, tin = got["Ông Văn Lực"], got["Phí Thị Hoa"], got["Quách Văn Tín"]
    assert {y.year: y.titles for y in luc.history} == {2022: ("chien_si_thi_dua_co_so",), 2024: ("chien_si_thi_dua_co_so",)}
    assert [(a.award, a.period_from, a.period_to, a.decision_number) for a in luc.prior_awards] == [
        ("huan_chuong_lao_dong_hang_ba", 2014, 2018, "88/QĐ-CTN")]
    assert hoa.history == () and hoa.unclear == () and all(a.award is None for a in hoa.prior_awards)  # "Không", "Chưa": none
    assert [u.cell.a1 for u in tin.unclear] == ["D4"]  # "Có" names no year: not understood, never "none"


def test_a_prior_award_header_that_says_it_is_not_held_fails_and_a_recent_one_says_how_recent(tmp_path: Path) -> None:
    path = write_book(tmp_path / "ds.xlsx", [
        ["STT", "Họ và tên", "Danh hiệu đề nghị", "Xếp loại 2021", "Xếp loại 2022", "Xếp loại 2023", "Xếp loại 2024",
         "Xếp loại 2025", "CSTĐCS các năm", "Bằng khen Thủ tướng đã nhận", "Kỷ luật"],
        [1, "Sầm Văn Hải", "Huân chương Lao động hạng Ba", *["HTTNV"] * 4, "HTXSNV", "2021, 2023, 2025",
         "Chưa", None],
        [2, "Tạ Thị Yến", "Huân chương Lao động hạng Ba", *["HTTNV"] * 4, "HTXSNV", "2021, 2023, 2025",
         "Về thành tích xuất sắc trong công tác từ năm 2019 đến năm 2022", None],
    ])
    got = _judge(path, "nd152-2025", 2025)
    hai, yen = got["Sầm Văn Hải"], got["Tạ Thị Yến"]
    assert hai["verdict"] == "fail" and any(f["code"] == "rules.prior-award-not-met" and f["cell"] == "J2"
                                            for f in hai["findings"])
    prior = [f for f in yen["findings"] if f["code"] == "rules.prior-award-not-met"]
    assert yen["verdict"] == "fail" and prior and prior[0]["cell"] == "J3" and "3 năm" in prior[0]["message"]


# ------------------------------------------------------------ an initiative without its level


def _init_ctx(*inits: Initiative) -> Context:
    n = Nominee(id="t:1", source=CellRef(file="t.xlsx", sheet="DS", row=2), name="Giáp Văn Kiên", initiatives=inits)
    return Context(nominee=n, year=2024, award="chien_si_thi_dua_co_so")


def test_a_recognised_initiative_without_its_level_meets_the_lowest_floor_only() -> None:
    seen = Initiative(title="Sổ tay điều dưỡng", year=2024, recognised=True)
    assert initiatives(_init_ctx(seen), InitiativesParams(count=1, min_level="co_so", window=1)).status == "pass"
    above = initiatives(_init_ctx(seen), InitiativesParams(count=1, min_level="bo_tinh"))
    assert above.status == "missing"  # at least cơ sở, perhaps more: never a fail, never a pass
    unsure = Initiative(title="Sáng kiến kinh nghiệm năm học 2023-2024", year=2024)  # the year is its title's
    assert initiatives(_init_ctx(unsure), InitiativesParams(count=1, min_level="co_so")).status == "missing"


def test_an_initiative_with_a_recognition_decision_and_no_level_column(tmp_path: Path) -> None:
    path = write_book(tmp_path / "ds.xlsx", [
        ["STT", "Họ và tên", "Danh hiệu đề nghị", "Xếp loại năm 2025", "Tên sáng kiến", "QĐ công nhận sáng kiến",
         "Kỷ luật", "Ngày tuyển dụng"],
        [1, "Vi Thị Lan", "Chiến sĩ thi đua cơ sở", "HTTNV", "Bệnh án điện tử khoa Nhi", "15/QĐ-BV ngày 20/11/2025",
         None, "01/09/2015"],
        [2, "Mẫn Văn Tú", "Chiến sĩ thi đua cơ sở", "HTTNV", "Sáng kiến năm 2025: sổ giao ca", None, None, "01/09/2015"],
        [3, "Nông Thị Ba", "Chiến sĩ thi đua cơ sở", "HTTNV", "Phiếu chăm sóc cấp 1", "Chưa", None, "01/09/2015"],
    ])
    got = _read(path, 2025)
    assert [(i.level, i.year, i.recognised) for i in got["Vi Thị Lan"].initiatives] == [(None, 2025, True)]
    assert [i.recognised for n in ("Mẫn Văn Tú", "Nông Thị Ba") for i in got[n].initiatives] == [False, False]
    verdicts = {name: n["verdict"] for name, n in _judge(path, "nd152-2025", 2025).items()}
    assert verdicts == {"Vi Thị Lan": "pass", "Mẫn Văn Tú": "review", "Nông Thị Ba": "review"}

"""Filters (Vietnamese dates, numbers, counts, name order) and prize money."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tdkt import money
from tdkt.errors import UsageError
from tdkt.render.filters import (
    collation_key,
    counts_phrase,
    doc_number,
    name_key,
    percent,
    vn_date,
    vn_number,
)


def test_vn_date_leading_zeros() -> None:
    assert vn_date(dt.date(2022, 2, 5)) == "ngày 05 tháng 02 năm 2022"
    assert vn_date(dt.date(2023, 3, 12)) == "ngày 12 tháng 3 năm 2023"
    assert vn_date(dt.date(2023, 1, 1)) == "ngày 01 tháng 01 năm 2023"
    assert vn_date(None, 2022) == "ngày     tháng     năm 2022"


def test_numbers_and_counts() -> None:
    assert vn_number(1_490_000) == "1.490.000"
    assert vn_number(Decimal("1.5")) == "1,5"
    assert doc_number(5) == "05" and doc_number(1035) == "1035" and doc_number(None).strip() == ""
    assert counts_phrase({"collective": 2, "individual": 11}) == "02 tập thể và 11 cá nhân"
    assert counts_phrase({"individual": 26}) == "26 cá nhân"
    assert counts_phrase({"collective": 2, "individual": 3, "household": 1}) == "02 tập thể, 03 cá nhân và 01 hộ gia đình"
    assert percent("81.818") == "81,82%"


def test_vietnamese_letter_order() -> None:
    words = ["y", "ư", "u", "đ", "d", "â", "ă", "a", "b", "ê", "e", "ơ", "ô", "o"]
    assert sorted(words, key=collation_key) == ["a", "ă", "â", "b", "d", "đ", "e", "ê", "o", "ô", "ơ", "u", "ư", "y"]
    # Letters decide before tones: "Anh" < "Ánh" < "Ân" (â is a letter after a, not an accent).
    assert sorted(["Ân", "Ánh", "Anh", "Ảnh"], key=collation_key) == ["Anh", "Ảnh", "Ánh", "Ân"]
    # Tones in dictionary order: ngang, huyền, hỏi, ngã, sắc, nặng.
    assert sorted(["má", "mạ", "mà", "ma", "mã", "mả"], key=collation_key) == ["ma", "mà", "mả", "mã", "má", "mạ"]


def test_names_sort_by_given_then_middle_then_family() -> None:
    names = ["Trần Văn Bình", "Nguyễn Văn An", "Lê Thị An", "Âu Dương Ân", "Đỗ Văn An", "Nguyễn Thị Đào", "Phạm Dũng"]
    assert sorted(names, key=name_key) == [
        "Lê Thị An", "Đỗ Văn An", "Nguyễn Văn An", "Âu Dương Ân", "Trần Văn Bình", "Phạm Dũng", "Nguyễn Thị Đào",
    ]
    # NFD input sorts like NFC.
    import unicodedata

    assert name_key(unicodedata.normalize("NFD", "Nguyễn Văn Ân"))[:3] == name_key("Nguyễn Văn Ân")[:3]


def test_base_salary_on_decision_date() -> None:
    assert money.base_salary_on(dt.date(2022, 5, 6)) == 1_490_000
    assert money.base_salary_on(dt.date(2023, 6, 30)) == 1_490_000
    assert money.base_salary_on(dt.date(2023, 7, 1)) == 1_800_000
    assert money.base_salary_on(dt.date(2024, 7, 1)) == 2_340_000
    later = [(dt.date(2026, 7, 1), 2_530_000)]
    assert money.base_salary_on(dt.date(2026, 7, 1), later) == 2_530_000
    assert money.base_salary_on(dt.date(2026, 6, 30), later) == 2_340_000
    assert money.base_salary_on(dt.date(2010, 1, 1)) is None


def test_prize_rounding() -> None:
    # 0.3 × 1,490,000 = 447,000 → rounded up to 450,000 đ (NĐ 152 Điều 49 k2).
    assert money.prize(Decimal("0.3"), dt.date(2022, 5, 6)) == 450_000
    assert money.prize(Decimal("1.5"), dt.date(2024, 8, 1)) == 3_510_000
    assert money.prize(Decimal("0.3"), dt.date(2022, 5, 6), rule="none") == 447_000
    assert money.prize(Decimal("0.3"), dt.date(2022, 5, 6), rule="nearest_1000") == 447_000
    with pytest.raises(UsageError):
        money.round_amount(Decimal(1), "up_7")


def test_article_2_uses_the_rule_pack_multiple() -> None:
    import dataclasses

    from tdkt.models import Round
    from tdkt.render import context as c
    from tdkt.render import round_data
    from tdkt.ruleset import Ruleset, load_ruleset
    from tdkt.workspace import Config

    class Pack(Ruleset):  # a real ruleset (render's boundary is typed) with its multiples and căn cứ set here
        def prize_multiple(self, award: str, kind: str) -> Decimal | None:
            return {"individual": Decimal("1.5"), "collective": Decimal("3.0")}.get(kind)

        def legal_bases(self) -> list[str]:
            return ["Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"]

    base = load_ruleset("nd98-2023")

    noms = [{"id": "1", "name": "Nguyễn Văn An", "kind": "individual", "unit": "Sở A", "award": "bang_khen_bo_tinh",
             "verdict": "pass", "findings": []},
            {"id": "2", "name": "Phòng B", "kind": "collective", "unit": "Sở A", "award": "bang_khen_bo_tinh",
             "verdict": "pass", "findings": []}]
    rnd = Round(id="2024-2", date=dt.date(2024, 8, 1), years=(2023,))
    data = round_data.join(rnd, Config(), "sqlite://", {"nominees": noms}, [], [],
                  Pack(**{f.name: getattr(base, f.name) for f in dataclasses.fields(base) if f.init}))
    ctx = c.decision_context(data, "bang_khen_bo_tinh")
    # The chairman's competence first (the organisation law in force on 01/08/2024), then the law on thi đua.
    assert ctx["bases"][:3] == [
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương "
        "ngày 22 tháng 11 năm 2019;",
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"]
    assert ctx["articles"][1].startswith(
        "Mỗi tập thể được tặng Bằng khen của Chủ tịch UBND tỉnh kèm theo tiền thưởng 7.020.000 đồng (3 lần")
    assert "mỗi cá nhân được tặng Bằng khen của Chủ tịch UBND tỉnh kèm theo tiền thưởng 3.510.000 đồng (1,5 lần mức lương cơ sở)" in ctx["articles"][1]
    assert ctx["articles"][0].startswith("Tặng Bằng khen của Chủ tịch UBND tỉnh cho 01 tập thể và 01 cá nhân")
    # Two recipients are named in Điều 1 itself, as real decisions do; no attached list.
    assert ctx["items"] == ["1. Phòng B, Sở A;", "2. Nguyễn Văn An, Sở A."] and ctx["annex"] == []

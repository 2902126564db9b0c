"""A list cap reaches the verdicts of the rows it caps (issue 13): over the cap, the council chooses (or
the list's own priority order decides). A cap that cannot be checked (no LĐTT of the unit in the list) leaves
every capped row "Cần xem xét" until the council has the denominator; it never leaves them "Đạt"."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

HEADER = ["STT", "Họ và tên", "Danh hiệu đề nghị", "Xếp loại năm 2021", "Danh hiệu năm 2021", "Sáng kiến",
          "Cấp công nhận", "Kỷ luật"]


def _judge(tmp: Path, rows: list[list[Any]], header: list[str] = HEADER) -> dict[str, dict[str, Any]]:
    from tdkt.validation import validate_files

    path = tmp / "ds.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    doc = validate_files([path], rules="nd91-2017", year=2021, store=False, cwd=tmp).to_dict()
    return {n["name"]: n for n in doc["nominees"]}


def _cstd(i: int, name: str, *extra: object) -> list[object]:
    return [i, name, "Chiến sĩ thi đua cơ sở", "HTXSNV", "Lao động tiên tiến", f"Sáng kiến số {i}", "Cơ sở", "",
            *extra]


def _ldtt(i: int, name: str, *extra: object) -> list[object]:
    return [i, name, "Lao động tiên tiến", "HTTNV", "", "", "", "", *extra]


LDTT = ["Âu Văn Bảo", "Chu Thị Cúc", "Diệp Văn Đức", "Giang Thị Hạnh", "Kha Văn Khôi", "Lâm Thị Liên", "Mạch Văn Nam"]


def test_within_the_cap_every_cstdcs_passes(tmp_path: Path) -> None:
    got = _judge(tmp_path, [_cstd(1, "Quách Thị Oanh")] + [_ldtt(i + 2, n) for i, n in enumerate(LDTT)])
    assert got["Quách Thị Oanh"]["verdict"] == "pass"


def test_over_the_cap_without_an_order_the_council_chooses(tmp_path: Path) -> None:
    # 2 CSTĐCS among 9 people of the list: 15 % of 9 is 1 (NĐ 91/2017 Điều 9 k3)
    got = _judge(tmp_path, [_cstd(1, "Quách Thị Oanh"), _cstd(2, "Sử Văn Phong")]
                 + [_ldtt(i + 3, n) for i, n in enumerate(LDTT)])
    for name in ("Quách Thị Oanh", "Sử Văn Phong"):
        assert got[name]["verdict"] == "review"
        assert any(f["code"] == "rules.cap-choose" for f in got[name]["findings"])
    assert got["Âu Văn Bảo"]["verdict"] == "pass"


def test_over_the_cap_the_lists_priority_order_decides(tmp_path: Path) -> None:
    header = [*HEADER, "Thứ tự ưu tiên"]
    got = _judge(tmp_path, [_cstd(1, "Quách Thị Oanh", 2), _cstd(2, "Sử Văn Phong", 1)]
                 + [_ldtt(i + 3, n, "") for i, n in enumerate(LDTT)], header)
    assert got["Sử Văn Phong"]["verdict"] == "pass"
    out = got["Quách Thị Oanh"]
    assert out["verdict"] == "fail"
    assert any(f["code"] == "rules.cap-beyond-order" and f["cell"] == "I2" for f in out["findings"])



def test_an_unchecked_cap_is_no_pass_for_any_capped_row(tmp_path: Path) -> None:
    # no LĐTT of the unit in the list: the 15 % cannot be worked out from it (NĐ 91/2017 Điều 9 k3)
    header = [*HEADER, "Đơn vị"]
    got = _judge(tmp_path, [_cstd(1, "Quách Thị Oanh", "Phòng Kế hoạch"), _cstd(2, "Sử Văn Phong", "Phòng Kế hoạch"),
                            _ldtt(3, "Âu Văn Bảo", "Phòng Tài vụ")], header)
    for name in ("Quách Thị Oanh", "Sử Văn Phong"):
        out = got[name]
        assert out["verdict"] == "review", (name, out["findings"])
        row = next(f for f in out["findings"] if f["code"] == "rules.cap-unchecked-row")
        assert row["severity"] == "warning" and "15 %" in row["message"] and "Phòng Kế hoạch" in row["message"]
    assert got["Âu Văn Bảo"]["verdict"] == "pass"  # the LĐTT is not capped


def test_a_cap_checked_in_one_unit_does_not_pass_another_units_unchecked_rows(tmp_path: Path) -> None:
    header = [*HEADER, "Đơn vị"]
    rows = [_cstd(1, "Quách Thị Oanh", "Phòng Kế hoạch")] + [
        _ldtt(i + 2, n, "Phòng Kế hoạch") for i, n in enumerate(LDTT)] + [_cstd(20, "Sử Văn Phong", "Phòng Tài vụ")]
    got = _judge(tmp_path, rows, header)
    assert got["Quách Thị Oanh"]["verdict"] == "pass"
    assert got["Sử Văn Phong"]["verdict"] == "review"
    assert not any(f["code"] == "rules.cap-unchecked-row" for f in got["Quách Thị Oanh"]["findings"])


def _ldtt_failing(i: int, name: str, *extra: object) -> list[object]:
    return [i, name, "Lao động tiên tiến", "Hoàn thành nhiệm vụ", "", "", "", "", *extra]  # HTNV: no LĐTT


def test_the_base_counts_only_those_who_achieve_it(tmp_path: Path) -> None:
    # 7 people proposed, but the 6 LĐTT fail (HTNV): 1 person achieves LĐTT, so 15 % of 1 is no seat
    got = _judge(tmp_path, [_cstd(1, "Quách Thị Oanh")] + [_ldtt_failing(i + 2, n) for i, n in enumerate(LDTT[:6])])
    out = got["Quách Thị Oanh"]
    assert out["verdict"] == "review", out["findings"]
    assert any(f["code"] == "rules.cap-choose" for f in out["findings"])
    assert all(got[n]["verdict"] == "fail" for n in LDTT[:6])


def test_a_seat_that_needs_a_row_under_review_is_not_sure(tmp_path: Path) -> None:
    # 1 CSTĐCS + 6 LĐTT, one of whose rating cell is not understood: 6 sure (0 seats), 7 at best (1 seat)
    rows = [_cstd(1, "Quách Thị Oanh")] + [_ldtt(i + 2, n) for i, n in enumerate(LDTT[:6])]
    rows[3][3] = "Loại A"
    got = _judge(tmp_path, rows)
    out = got["Quách Thị Oanh"]
    assert got[LDTT[2]]["verdict"] == "review"
    assert out["verdict"] == "review", out["findings"]
    pending = [f for f in out["findings"] if f["code"] == "rules.cap-base-pending"]
    assert len(pending) == 1 and "chắc chắn 0 suất" in pending[0]["message"] and "tối đa 1 suất" in pending[0]["message"]
    # with every LĐTT understood, the same list passes: the check above is about the doubt
    rows[3][3] = "HTTNV"
    assert _judge(tmp_path, rows)["Quách Thị Oanh"]["verdict"] == "pass"


def test_a_cstdcs_who_fails_takes_no_seat_in_the_order(tmp_path: Path) -> None:
    header = [*HEADER, "Thứ tự ưu tiên"]
    first = _cstd(1, "Quách Thị Oanh", 1)
    first[5], first[6] = "", ""  # no initiative: fails CSTĐCS on its own criteria
    got = _judge(tmp_path, [first, _cstd(2, "Sử Văn Phong", 2)] + [_ldtt(i + 3, n, "") for i, n in enumerate(LDTT)],
                 header)
    assert got["Quách Thị Oanh"]["verdict"] == "fail"
    assert not any(f["code"].startswith("rules.cap-") for f in got["Quách Thị Oanh"]["findings"])
    assert got["Sử Văn Phong"]["verdict"] == "pass", got["Sử Văn Phong"]["findings"]

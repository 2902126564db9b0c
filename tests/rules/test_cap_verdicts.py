"""A list cap reaches the verdicts of the rows it caps (issue 13): over the cap, the council chooses (or
the list's own priority order decides). A cap that cannot be checked (no LĐTT in the list) is still only a
list-level warning: see the note of issue 13."""

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


"""Two units' nomination lists, a council overlay and ballots for the round-workflow tests.

Round 2022-1 (NĐ 91/2017). Each list has a Lao động tiên tiến who passes, one who fails, and a
Bằng khen of the Chủ tịch UBND tỉnh whose "2 năm liên tục HTXS" criterion the law has not confirmed
(so "Cần xem xét"). The overlay puts the Bằng khen to the vote (> 50 % of the members).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HEADER = ["STT", "Họ và tên", "Đơn vị công tác", "Danh hiệu đề nghị", "Năm", "Xếp loại 2020", "Xếp loại 2021",
          "Danh hiệu 2021", "Tên sáng kiến", "Cấp công nhận", "Năm công nhận", "Ngày tuyển dụng",
          "Hình thức kỷ luật"]  # an empty discipline cell says "none" (a list without the column says nothing)
HTT, HTXS, HT = "Hoàn thành tốt nhiệm vụ", "Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành nhiệm vụ"
BK = "Bằng khen của Chủ tịch UBND tỉnh"

Y_TE: tuple[tuple[Any, ...], ...] = (
    (1, "Nguyễn Văn An", "Sở Y tế", "Lao động tiên tiến", 2021, None, HTT, None, None, None, None, "01/03/2015"),
    (2, "Lê Văn Cường", "Sở Y tế", BK, 2021, HTT, HTXS, None, None, None, None, "01/03/2016"),
    (3, "Phạm Văn Dũng", "Sở Y tế", "Lao động tiên tiến", 2021, None, HT, None, None, None, None, "01/03/2016"),
)
GIAO_DUC: tuple[tuple[Any, ...], ...] = (
    (1, "Trần Thị Hoa", "Sở Giáo dục và Đào tạo", "Lao động tiên tiến", 2021, None, HTT, None, None, None, None,
     "01/09/2012"),
    (2, "Đỗ Văn Minh", "Sở Giáo dục và Đào tạo", BK, 2021, HTT, HTXS, None, None, None, None, "01/09/2010"),
    (3, "Vũ Thị Lan", "Sở Giáo dục và Đào tạo", "Lao động tiên tiến", 2021, None, HT, None, None, None, None,
     "01/09/2012"),
)

OVERLAY = """\
kind: overlay
id: quy-che-thu
title: Quy chế Hội đồng (thử)
votes:
  bang_khen_bo_tinh: {status: overlay, share: 50, of: members, comparison: more_than, ballot: true, basis: "Quy chế thử, Điều 5"}
  lao_dong_tien_tien: {status: not_required, basis: "Quy chế thử, Điều 6"}
"""


def write_list(path: Path, rows: Any) -> Path:
    """Write a list (rows: sequences; tests change copies: ``[list(row) for row in Y_TE]``)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Cá nhân"
    ws.append(HEADER)
    for r in rows:
        ws.append(r)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def write_ballots(path: Path, votes: dict[str, list[str]], members: int = 11) -> Path:
    """One row per ballot, a column per nominee; ``votes[name][i]`` is ballot i's mark."""
    names = list(votes)
    lines = ["Số phiếu,Loại phiếu," + ",".join(names)]
    for i in range(members):
        lines.append(f"{i + 1:02d},Tại hội nghị," + ",".join(votes[n][i] for n in names))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


ALL_AGREE = ["x"] * 11


def setup_round(cli: Any, root: Path) -> tuple[Path, Path]:
    """Round 2022-1 with the overlay in rules/; returns the two lists (not yet validated)."""
    r = cli(["session", "new", "2022-1", "--date", "2022-04-25", "--year", "2021"])
    assert r.exit_code == 0, r.stderr
    (root / "rules").mkdir(exist_ok=True)
    (root / "rules" / "quy-che.yaml").write_text(OVERLAY, encoding="utf-8")
    return (write_list(root / "so-y-te" / "danh-sach-so-y-te.xlsx", Y_TE),
            write_list(root / "so-giao-duc" / "danh-sach-so-giao-duc.xlsx", GIAO_DUC))


def run_json(cli: Any, *args: Any) -> tuple[int, dict[str, Any], str]:
    r = cli([*args, "--format", "json"])
    return r.exit_code, (json.loads(r.stdout) if r.stdout.strip() else {}), r.stderr


def url(root: Path) -> str:
    from tdkt import workspace

    return workspace.require(root).database_url

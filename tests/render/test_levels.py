"""The documents of a round at every council level — a unit's own council (a sở), a commune (before and
after 01/07/2025), a province, a city under the Central Government, a ministry — and in every signer
form: golden text of each document (authority line, signature block, trích yếu, căn cứ, Điều 1, Nơi
nhận, the Tờ trình's addressee and closing), the routing the law gives, and no internals in any
.docx, .pdf, .html or .xlsx. Each round is made through the CLI (`tdkt init` with its signer options,
`session new`, `session set`) with its verdicts and ballots stored as validate and tally store them.
Every agency here but the real provinces' names is invented, and so is every person.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tdkt.render import docx_text

from .conftest import check_golden
from .internals import internals


@dataclass
class Case:
    name: str
    init: list[str]
    round: tuple[str, str, str]  # id, meeting date, year reviewed
    pack: str
    nominees: list[tuple[str, str, str, str, str]]  # award, kind, name, gender, unit/position
    votes: dict[str, tuple[int, int, int, int, str]] = field(default_factory=dict)  # name → agree, no, blank, invalid, basis
    settings: list[str] = field(default_factory=list)
    members: int = 9
    config: dict[str, Any] = field(default_factory=dict)  # tdkt.toml sections to add
    summaries: dict[str, str] = field(default_factory=dict)  # name → the list's "Tóm tắt thành tích"


COMMUNE = ["--level", "xa", "--council", "Hội đồng Thi đua - Khen thưởng xã Tân Lập", "--agency",
           "ỦY BAN NHÂN DÂN XÃ TÂN LẬP", "--place", "Tân Lập", "--province", "tỉnh Hải Đông"]
TAM = ("lao_dong_tien_tien", "individual", "Lù Văn Tám", "male", "Công chức Tư pháp - Hộ tịch, UBND xã Tân Lập")
MUOI = ("chien_si_thi_dua_co_so", "individual", "Cầm Văn Mười", "male", "Chỉ huy trưởng, Ban Chỉ huy quân sự xã Tân Lập")
CASES = [
    Case(
        "don-vi", ["--level", "don_vi", "--council", "Hội đồng Thi đua - Khen thưởng Sở Y tế", "--agency",
                   "SỞ Y TẾ TỈNH HẢI ĐÔNG", "--parent-agency", "ỦY BAN NHÂN DÂN TỈNH HẢI ĐÔNG", "--abbreviation", "SYT",
                   "--place", "Hải Đông", "--province", "tỉnh Hải Đông", "--head-title", "GIÁM ĐỐC", "--signer", "head",
                   "--signer-name", "Phạm Văn Giám", "--proposal-signer", "deputy", "--proposal-signer-title",
                   "PHÓ GIÁM ĐỐC", "--proposal-signer-name", "Đỗ Thị Phó"],
        ("2026-4", "2026-11-20", "2026"), "luat06-2026",
        [*[("lao_dong_tien_tien", "individual", n, g, "Khoa Nội, Bệnh viện Đa khoa tỉnh Hải Đông") for n, g in (
            ("Lò Văn An", "male"), ("Hà Thị Bình", "female"), ("Vi Văn Cường", "male"), ("Nông Thị Dịu", "female"),
            ("Lục Văn Em", "male"), ("Mã Thị Gấm", "female"), ("Sầm Văn Hải", "male"))],
         ("chien_si_thi_dua_co_so", "individual", "Hoàng Thị Khánh", "female", "Khoa Dược, Bệnh viện Đa khoa tỉnh Hải Đông"),
         ("bang_khen_bo_tinh", "individual", "Triệu Văn Long", "male", "Phòng Kế hoạch, Sở Y tế tỉnh Hải Đông"),
         ("bang_khen_thu_tuong", "collective", "Khoa Nhi", "", "Bệnh viện Đa khoa tỉnh Hải Đông")],
        votes={"Hoàng Thị Khánh": (8, 1, 0, 0, "Quy chế thi đua, khen thưởng của Sở Y tế, Điều 7 k2")},
        settings=["--proposer", "Trưởng phòng Tổ chức cán bộ", "--proposal-number", "15/TTr-TCCB", "--proposal-date",
                  "2026-11-18"],
        config={"legal": {"competence": ["Quyết định số 01/2025/QĐ-UBND ngày 02 tháng 7 năm 2025 của Ủy ban nhân dân "
                                         "tỉnh Hải Đông quy định chức năng, nhiệm vụ, quyền hạn của Sở Y tế"]},
                "agency": {"via": "Sở Nội vụ"}},
    ),
    Case(
        "xa", [*COMMUNE, "--signer", "deputy", "--signer-name", "Lường Văn Phó", "--proposal-signer", "head",
               "--proposal-signer-name", "Quàng Thị Chủ"],
        ("2026-1", "2026-01-10", "2025"), "nd152-2025",
        [TAM, ("lao_dong_tien_tien", "individual", "Tòng Thị Chín", "female", "Công chức Văn hóa - Xã hội, UBND xã Tân Lập"),
         MUOI,
         ("bang_khen_bo_tinh", "individual", "Lò Thị Một", "female", "Chủ tịch, Hội Liên hiệp Phụ nữ xã Tân Lập"),
         ("huan_chuong_lao_dong_hang_ba", "individual", "Vì Văn Hai", "male", "Bí thư, Đảng ủy xã Tân Lập")],
        votes={"Cầm Văn Mười": (8, 1, 0, 0, "Quy chế thi đua, khen thưởng của tỉnh Hải Đông, Điều 12")},
    ),
    Case(
        "xa-2024", [*COMMUNE, "--signer", "acting", "--signer-name", "Lường Văn Quyền"],
        ("2024-2", "2024-12-15", "2024"), "nd98-2023",
        [TAM, MUOI],
        votes={"Cầm Văn Mười": (8, 1, 0, 0, "NĐ 98/2023 Điều 30 k7 (≥ 80 % tổng số thành viên Hội đồng cấp trình)")},
        config={"agency": {"district": "huyện Tân Hải"}},
    ),
    Case(
        "tinh", ["--level", "tinh", "--council", "Hội đồng Thi đua - Khen thưởng tỉnh Hải Đông", "--agency",
                 "ỦY BAN NHÂN DÂN TỈNH HẢI ĐÔNG", "--place", "Hải Đông", "--proposer", "Giám đốc Sở Nội vụ", "--signer",
                 "head", "--signer-name", "Nguyễn Hữu Chính", "--proposal-signer", "deputy", "--proposal-signer-name",
                 "Trần Thị Kim Phó"],
        ("2026-5", "2026-11-25", "2026"), "luat06-2026",
        [("lao_dong_tien_tien", "individual", "Đinh Văn Tiến", "male", "Chuyên viên, Sở Tài chính tỉnh Hải Đông"),
         ("bang_khen_bo_tinh", "individual", "Ngô Thị Lan", "female", "Phó Chánh Văn phòng, Sở Tư pháp tỉnh Hải Đông"),
         ("bang_khen_bo_tinh", "collective", "Phòng Phổ biến, giáo dục pháp luật", "", "Sở Tư pháp tỉnh Hải Đông"),
         ("bang_khen_thu_tuong", "individual", "Trương Công Minh", "male", "Phó Giám đốc, Sở Tư pháp tỉnh Hải Đông"),
         ("huan_chuong_lao_dong_hang_ba", "individual", "Phan Thị Ngọc", "female", "Giám đốc, Bệnh viện Đa khoa tỉnh")],
        settings=["--proposal-number", "120/TTr-SNV", "--proposal-date", "2026-11-20", "--request",
                  "Giám đốc Sở Tư pháp tại Tờ trình số 27/TTr-STP ngày 28/10/2026", "--award", "bang_khen_bo_tinh",
                  "--achievement", "đã có thành tích xuất sắc trong 10 năm triển khai thực hiện Luật Phổ biến, giáo dục "
                  "pháp luật trên địa bàn tỉnh"],
        config={"legal": {"regulation": ["Quyết định số 24/2025/QĐ-UBND ngày 10 tháng 12 năm 2025 của Ủy ban nhân "
                                         "dân tỉnh Hải Đông ban hành Quy định về công tác thi đua, khen thưởng"]}},
        summaries={"Trương Công Minh": "05 năm liên tục hoàn thành xuất sắc nhiệm vụ (2022-2026); 05 sáng kiến được "
                                       "công nhận, áp dụng hiệu quả cấp cơ sở; Bằng khen của Chủ tịch UBND tỉnh năm 2021"},
    ),
    Case(
        "thanh-pho", ["--level", "tinh", "--council", "Hội đồng Thi đua - Khen thưởng thành phố Hải Phòng", "--agency",
                      "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG", "--place", "Hải Phòng", "--signer", "deputy",
                      "--signer-title", "PHÓ CHỦ TỊCH THƯỜNG TRỰC", "--signer-name", "Lê Văn Thường",
                      "--proposal-signer", "deputy", "--proposal-signer-title", "PHÓ CHỦ TỊCH THƯỜNG TRỰC",
                      "--proposal-signer-name", "Lê Văn Thường"],
        ("2022-1", "2022-04-25", "2021"), "nd91-2017",
        [("chien_si_thi_dua_bo_tinh", "individual", "Bùi Thị Thu", "female", "Phó Trưởng phòng, Sở Y tế thành phố"),
         ("chien_si_thi_dua_bo_tinh", "individual", "Cao Văn Hưng", "male", "Trưởng phòng, Sở Tài chính thành phố"),
         ("bang_khen_bo_tinh", "individual", "Đào Thị Hoa", "female", "Chuyên viên, Sở Nội vụ thành phố"),
         ("bang_khen_thu_tuong", "individual", "Kiều Văn Khoa", "male", "Giám đốc, Cảng Hải Phòng"),
         ("huan_chuong_lao_dong_hang_ba", "collective", "Trường Trung học phổ thông Ngô Quyền", "", "Sở Giáo dục và Đào tạo")],
        votes={"Bùi Thị Thu": (10, 1, 0, 0, "NĐ 91/2017 Điều 45 k8 (bỏ phiếu kín, ≥ 90 % tổng số thành viên Hội đồng)"),
               "Cao Văn Hưng": (9, 1, 1, 0, "NĐ 91/2017 Điều 45 k8 (bỏ phiếu kín, ≥ 90 % tổng số thành viên Hội đồng)")},
        members=11,
        settings=["--start-time", "8h30", "--end-time", "10 giờ 45", "--chair",
                  "ông Lê Văn Thường, Phó Chủ tịch Thường trực UBND thành phố, Phó Chủ tịch Hội đồng"],
    ),
    Case(
        "bo", ["--level", "bo", "--council", "Hội đồng Thi đua - Khen thưởng Bộ Y tế", "--agency", "BỘ Y TẾ",
               "--abbreviation", "BYT", "--place", "Hà Nội", "--signer", "head", "--signer-name", "Vũ Văn Trưởng",
               "--proposal-signer", "deputy", "--proposal-signer-title", "THỨ TRƯỞNG", "--proposal-signer-name",
               "Tạ Thị Thứ"],
        ("2025-3", "2025-09-15", "2025"), "nd152-2025",
        [("bang_khen_bo_tinh", "individual", "Mạc Văn Bảy", "male", "Chuyên viên, Vụ Kế hoạch - Tài chính"),
         ("tap_the_lao_dong_xuat_sac", "collective", "Vụ Pháp chế", "", "Bộ Y tế"),
         ("bang_khen_thu_tuong", "individual", "La Thị Tám", "female", "Vụ trưởng, Vụ Tổ chức cán bộ")],
        config={"legal": {"competence": ["Nghị định số 01/2025/NĐ-CP ngày 01 tháng 3 năm 2025 của Chính phủ quy định "
                                         "chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Y tế"]}},
    ),
]


def _payloads(case: Case) -> tuple[dict[str, Any], dict[str, Any] | None]:
    nominees = []
    for i, (award, kind, name, gender, where) in enumerate(case.nominees, 5):
        position, _, unit = where.rpartition(", ") if ", " in where and kind == "individual" else ("", "", where)
        nominees.append({"id": f"ds.xlsx:DS:{i}", "file": "ds.xlsx", "sheet": "DS", "row": i, "name": name,
                         "kind": kind, "unit": unit, "position": position, "gender": gender or None, "award": award,
                         "verdict": "pass", "findings": [],
                         **({"achievement": case.summaries[name]} if name in case.summaries else {})})
    if not case.votes:
        return {"schema_version": 1, "ruleset": {"id": case.pack}, "nominees": nominees}, None
    m = case.members
    results = []
    for n in nominees:
        if n["name"] not in case.votes:
            continue
        agree, no, blank, invalid, basis = case.votes[n["name"]]
        share = 90 if "90" in basis else 80 if "80" in basis else 70
        required = -(-share * m // 100)
        results.append({"nominee": n["id"], "name": n["name"], "award": n["award"], "agree": agree, "disagree": no,
                        "blank": blank, "invalid": invalid, "denominator": m, "required": required,
                        "percent": f"{agree * 100 / m:.2f}", "passed": agree >= required, "elected": None,
                        "status": "pass" if agree >= required else "fail", "basis": basis})
    received = max(sum(case.votes[r["name"]][:4]) for r in results)
    tally = {"schema_version": 1, "session": case.round[0], "council": {"members": m, "present": received - 1},
             "ballots": {"received": received, "valid": received, "invalid": 0, "written": 1}, "results": results,
             "inputs": [{"path": "phieu-bau.csv", "sha256": "0" * 64}]}
    return {"schema_version": 1, "ruleset": {"id": case.pack}, "nominees": nominees}, tally


BOARD = [{"title": "TRƯỞNG BAN KIỂM PHIẾU", "name": "Khổng Văn Kiểm"}, {"title": "THÀNH VIÊN", "name": "Ông Thị Phiếu"}]


def make_round(root: Path, case: Case, cli: Any) -> None:
    from tdkt import rounds, workspace

    from .conftest import edit_config

    root.mkdir(parents=True)
    r = cli(["init", *case.init, "--members", str(case.members)], cwd=root)
    assert r.exit_code == 0, r.stderr

    def change(data: dict[str, Any]) -> None:
        data["signers"]["minutes"] = BOARD
        for section, values in case.config.items():
            data[section].update(values)

    edit_config(root, change)
    rid, date, year = case.round
    assert cli(["session", "new", rid, "--date", date, "--year", year], cwd=root).exit_code == 0
    if case.settings:
        r = cli(["session", "set", *case.settings], cwd=root)
        assert r.exit_code == 0, r.stderr
    ws = workspace.find(root)
    assert ws is not None
    validation, tally = _payloads(case)
    rounds.store_run(ws.database_url, rid, "validate", validation, ruleset=case.pack)
    if tally is not None:
        rounds.store_run(ws.database_url, rid, "tally", tally, ruleset=case.pack)


@pytest.fixture(scope="module")
def rounds_rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    """Every case's documents (.docx, the Tờ trình also as .html, the Báo cáo also as .xlsx)."""
    import os

    from typer.testing import CliRunner

    from tdkt.cli import app

    runner = CliRunner()

    def cli(args: list[str], cwd: Path) -> Any:
        old = Path.cwd()
        os.chdir(cwd)
        try:
            env = {"COLUMNS": "200", "NO_COLOR": "1", "TDKT_WORKSPACE": "", "TDKT_DATABASE_URL": ""}
            return runner.invoke(app, [str(a) for a in args], env=env, catch_exceptions=False)
        finally:
            os.chdir(old)

    base = tmp_path_factory.mktemp("levels")
    out: dict[str, dict[str, Path]] = {}
    for case in CASES:
        root = base / case.name
        make_round(root, case, cli)
        for doc, fmt in (("decision", "docx"), ("proposal", "docx"), ("proposal", "html"), ("minutes", "docx"),
                         ("report", "docx"), ("report", "xlsx")):
            r = cli(["render", doc, "--format", fmt, "--out", "van-ban"], cwd=root)
            assert r.exit_code == 0 or (doc == "minutes" and not case.votes), (case.name, doc, r.stderr)
        out[case.name] = {p.name: p for p in sorted((root / "van-ban").iterdir())}
    return out


def _text(paths: dict[str, Path]) -> str:
    return "".join(f"=== {name}\n{docx_text(p)}" for name, p in paths.items() if p.suffix == ".docx")


@pytest.mark.parametrize("case", [c.name for c in CASES])
def test_golden_documents_per_level(rounds_rendered: dict[str, dict[str, Path]], case: str) -> None:
    check_golden(f"levels/{case}.txt", _text(rounds_rendered[case]))


def _doc(rendered: dict[str, Path], prefix: str) -> str:
    (path,) = [p for n, p in rendered.items() if n.startswith(prefix) and p.suffix == ".docx"]
    return docx_text(path)


def test_province_decides_the_bang_khen_only_and_sends_one_proposal_up(
        rounds_rendered: dict[str, dict[str, Path]]) -> None:
    """Done when: LĐTT, Bằng khen of the chairman, BK Thủ tướng and HCLĐ at a provincial council."""
    docs = rounds_rendered["tinh"]
    assert [n for n in docs if n.startswith("quyet-dinh_")] == ["quyet-dinh_2026-5_bang_khen_bo_tinh.docx"]
    assert [n for n in docs if n.startswith("to-trinh_") and n.endswith(".docx")] == ["to-trinh_2026-5.docx"]
    decision = _doc(docs, "quyet-dinh_")
    assert "P: CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HẢI ĐÔNG" in decision
    assert "T[0,1]: CHỦ TỊCH / Nguyễn Hữu Chính" in decision  # the chairman signs in person: no KT., no TM.
    assert "Đinh Văn Tiến" not in decision  # LĐTT is the head of his unit's, not the chairman's
    proposal = _doc(docs, "to-trinh_")
    assert "P: Kính gửi: Thủ tướng Chính phủ (qua Bộ Nội vụ)." in proposal
    assert ("kính trình Thủ tướng Chính phủ xem xét, quyết định tặng Bằng khen của Thủ tướng Chính phủ; xem xét, "
            "trình Chủ tịch nước quyết định tặng Huân chương Lao động hạng Ba") in proposal
    assert "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Trần Thị Kim Phó" in proposal
    assert "Ngô Thị Lan" not in proposal and "Đinh Văn Tiến" not in proposal
    report = _doc(docs, "bao-cao_")
    assert "Đinh Văn Tiến (Lao động tiên tiến" in report  # named among what is still to be decided, with why


def test_a_commune_routes_through_the_province(rounds_rendered: dict[str, dict[str, Path]]) -> None:
    docs = rounds_rendered["xa"]
    # From 01/07/2025 the commune chairman decides LĐTT and CSTĐ cơ sở (NĐ 129/2025 Điều 59).
    assert sorted(n for n in docs if n.startswith("quyet-dinh_")) == [
        "quyet-dinh_2026-1_chien_si_thi_dua_co_so.docx", "quyet-dinh_2026-1_lao_dong_tien_tien.docx"]
    proposal = _doc(docs, "to-trinh_")
    assert "P: Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Hải Đông." in proposal
    assert "Thủ tướng Chính phủ (qua" not in proposal
    assert ("kính trình Chủ tịch Ủy ban nhân dân tỉnh Hải Đông xem xét, quyết định tặng Bằng khen của Chủ tịch UBND "
            "tỉnh Hải Đông; xem xét, đề nghị Thủ tướng Chính phủ trình Chủ tịch nước quyết định tặng Huân chương Lao "
            "động hạng Ba") in proposal
    # Before 07/2025 the CSTĐ cơ sở of a commune was the district chairman's: a Tờ trình to him.
    before = rounds_rendered["xa-2024"]
    assert [n for n in before if n.startswith("quyet-dinh_")] == ["quyet-dinh_2024-2_lao_dong_tien_tien.docx"]
    assert "P: Kính gửi: Chủ tịch Ủy ban nhân dân huyện Tân Hải." in _doc(before, "to-trinh_")
    assert "T[0,1]: Q. CHỦ TỊCH / Lường Văn Quyền" in _doc(before, "quyet-dinh_")


def test_names_follow_a_city_under_the_central_government(rounds_rendered: dict[str, dict[str, Path]]) -> None:
    text = _text(rounds_rendered["thanh-pho"])
    assert "Chiến sĩ thi đua cấp thành phố" in text and "Bằng khen của Chủ tịch UBND thành phố" in text
    assert "cấp tỉnh" not in text and "UBND tỉnh" not in text and "Ủy ban nhân dân tỉnh" not in text
    assert "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH THƯỜNG TRỰC / Lê Văn Thường" in text


def test_a_unit_and_a_ministry_sign_as_their_heads(rounds_rendered: dict[str, dict[str, Path]]) -> None:
    unit = rounds_rendered["don-vi"]
    decision = _doc(unit, "quyet-dinh_2026-4_lao_dong")
    assert "P: GIÁM ĐỐC SỞ Y TẾ TỈNH HẢI ĐÔNG" in decision and "T[0,1]: GIÁM ĐỐC / Phạm Văn Giám" in decision
    assert "Căn cứ Quyết định số 01/2025/QĐ-UBND" in decision and "Luật Tổ chức chính quyền" not in decision
    assert ("Theo đề nghị của Trưởng phòng Tổ chức cán bộ tại Tờ trình số 15/TTr-TCCB ngày 18 tháng 11 năm 2026."
            in decision)
    proposal = _doc(unit, "to-trinh_")
    assert "Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Hải Đông (qua Sở Nội vụ)." in proposal
    assert "T[0,1]: KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC / Đỗ Thị Phó" in proposal and "TM." not in proposal
    ministry = rounds_rendered["bo"]
    decision = _doc(ministry, "quyet-dinh_2025-3_bang_khen")
    assert "P: BỘ TRƯỞNG BỘ Y TẾ" in decision and "Bằng khen của Bộ trưởng Bộ Y tế" in decision
    assert "P: Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;" in decision
    assert "KT. BỘ TRƯỞNG / THỨ TRƯỞNG / Tạ Thị Thứ" in _doc(ministry, "to-trinh_")


def _visible(path: Path) -> str:
    if path.suffix == ".docx":
        return docx_text(path)
    if path.suffix == ".html":
        import re

        return re.sub(r"<[^>]+>", " ", re.sub(r"<(style|head)\b.*?</\1>", " ", path.read_text(encoding="utf-8"), flags=re.S))
    if path.suffix == ".xlsx":
        from openpyxl import load_workbook

        wb = load_workbook(path)
        return "\n".join(str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row
                         if c.value is not None)
    raise AssertionError(path)


def test_no_internals_in_any_document(rounds_rendered: dict[str, dict[str, Path]]) -> None:
    """No id, key, option, English word or "UNCERTAIN" in any document of any level, in any format."""
    papers = [p for docs in rounds_rendered.values() for p in docs.values()]
    found = {p.parent.parent.name + "/" + p.name: internals(_visible(p)) for p in papers}
    assert {k: v for k, v in found.items() if v} == {}
    assert len(papers) > 30


def test_no_internals_in_the_example_round(example_template: Path, tmp_path: Path) -> None:
    """The example round's documents too: they carry the rule pack's findings and the overlay's titles."""
    from tdkt import workspace
    from tdkt.render import render_all, render_document

    ws = workspace.find(example_template)
    assert ws is not None
    paths = render_all(ws, "2022-1", tmp_path / "all", False)
    paths += render_document("proposal", workspace=ws, round_id="2022-1", award=None, fmt="html",
                             out_dir=tmp_path / "html", force=False)
    found = {p.name: internals(_visible(p)) for p in paths}
    assert {k: v for k, v in found.items() if v} == {}


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed; CI installs it")
def test_pdfs_keep_the_header_on_its_lines_and_carry_no_internals(
        rounds_rendered: dict[str, dict[str, Path]], tmp_path: Path) -> None:
    """One LibreOffice run over every level's .docx: the Quốc hiệu and the agency's lines never wrap
    (Liberation Serif has Times New Roman's metrics), and the PDF text has no internals."""
    from tdkt.render.pdf import to_pdf

    docs = {f"{case}_{n}": p.read_bytes() for case, d in rounds_rendered.items() for n, p in d.items()
            if p.suffix == ".docx"}
    for name, data in to_pdf(docs).items():
        path = tmp_path / name
        path.write_bytes(data)
        text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Độc lập - Tự do - Hạnh phúc" in text, name
        assert internals(text) == [], name
        if name.startswith("thanh-pho_"):
            assert "THÀNH PHỐ HẢI PHÒNG" in text, name
        if name.startswith("thanh-pho_bien-ban"):  # the parent agency on two whole lines, not "… HẢI / PHÒNG"
            import re

            assert re.search(r"^\s*ỦY BAN NHÂN DÂN\s+CỘNG HÒA", text, re.M), text[:400]
            assert re.search(r"^\s*THÀNH PHỐ HẢI PHÒNG\s+Độc lập", text, re.M), text[:400]

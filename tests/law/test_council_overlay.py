"""tdkt.council_overlay: one entry at a time into the workspace's own overlay, validated, atomic, readable."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from tdkt import council_overlay as co
from tdkt.errors import RuleFileError
from tdkt.ruleset import load_ruleset


def test_a_new_file_gets_a_vote_share_that_a_round_then_uses(tmp_path: Path) -> None:
    path = co.path_for(tmp_path / "rules")
    co.set_entry(path, "votes", "chien_si_thi_dua_co_so",
                 {"status": "overlay", "share": 2, "share_den": 3, "of": "members", "ballot": True,
                  "basis": "Quy chế công tác thi đua, khen thưởng tỉnh Hải Đông, Điều 9 khoản 4"},
                 title="Quy chế của Hội đồng tỉnh Hải Đông")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Quy chế của Hội đồng do tdkt ghi")
    assert "Điều 9 khoản 4" in text and "\\u" not in text  # Vietnamese as is, readable
    data = yaml.safe_load(text)
    assert data["kind"] == "overlay" and data["title"] == "Quy chế của Hội đồng tỉnh Hải Đông"
    rs = load_ruleset(None, on=dt.date(2026, 12, 10), overlay=tmp_path / "rules")
    v = rs.vote_policy("chien_si_thi_dua_co_so")
    assert (v.status, v.share_num, v.share_den) == ("overlay", 2, 3)
    assert "Điều 9 khoản 4" in (v.basis or "")


def test_replacing_an_entry_keeps_the_others_and_the_leading_comments(tmp_path: Path) -> None:
    path = tmp_path / "rules" / co.FILE_NAME
    co.set_entry(path, "votes", "chien_si_thi_dua_co_so", {"status": "overlay", "share": 80})
    co.set_entry(path, "seats", "co_thi_dua_bo_tinh", {"per_cluster": 2, "basis": "Quy chế Điều 12"})
    path.write_text("# Ghi chú của Thường trực: bản đã họp ngày 01/12/2026\n" + path.read_text(encoding="utf-8"),
                    encoding="utf-8")
    co.set_entry(path, "votes", "chien_si_thi_dua_co_so", {"status": "overlay", "share": 90})
    co.add_basis(path, "Quyết định số 86/2025/QĐ-UBND ngày 03 tháng 12 năm 2025 của UBND tỉnh")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Ghi chú của Thường trực: bản đã họp ngày 01/12/2026\n")
    data = yaml.safe_load(text)
    assert data["votes"]["chien_si_thi_dua_co_so"]["share"] == 90
    assert data["seats"]["co_thi_dua_bo_tinh"]["per_cluster"] == 2
    assert data["bases"] == ["Quyết định số 86/2025/QĐ-UBND ngày 03 tháng 12 năm 2025 của UBND tỉnh"]
    assert data["version"] == "4"  # raised on every change
    assert co.remove_entry(path, "seats", "co_thi_dua_bo_tinh") and not co.remove_entry(path, "seats", "x")


@pytest.mark.parametrize(("section", "key", "value", "where"), [
    ("votes", "khong_co_khen_thuong_nay", {"status": "overlay", "share": 80}, "votes.khong_co_khen_thuong_nay"),
    ("votes", "chien_si_thi_dua_co_so", {"status": "overlay", "share": 0}, "votes.chien_si_thi_dua_co_so.share"),
    ("criteria", "ldtt.khong-co", {"params": {"min_months": 6}}, "criteria.ldtt.khong-co"),
    ("settled", "luat06-2026/ldtt.rating", {"reading": "applies", "article": "a", "text": "t", "date": dt.date(2026, 12, 2)},
     "settled.luat06-2026.ldtt.rating"),
    ("settled", "nd00-2030/ldtt.service", {"reading": "applies", "article": "a", "text": "t", "date": dt.date(2026, 12, 2)},
     "settled.nd00-2030"),
])
def test_an_entry_that_would_not_load_is_refused_and_nothing_is_written(
        tmp_path: Path, section: str, key: str, value: dict[str, object], where: str) -> None:
    path = tmp_path / "rules" / co.FILE_NAME
    co.set_entry(path, "votes", "chien_si_thi_dua_bo_tinh", {"status": "overlay", "share": 90})
    before = path.read_bytes()
    with pytest.raises(RuleFileError) as err:
        co.set_entry(path, section, key, value)
    assert str(path) in str(err.value) and f"'{where}" in str(err.value)
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == [co.FILE_NAME]  # no temporary file left


def test_a_hand_written_file_that_is_not_an_overlay_is_not_touched(tmp_path: Path) -> None:
    path = tmp_path / co.FILE_NAME
    path.write_text("kind: pack\nid: x\n", encoding="utf-8")
    with pytest.raises(RuleFileError):
        co.set_entry(path, "votes", "chien_si_thi_dua_co_so", {"status": "overlay", "share": 80})
    assert path.read_text(encoding="utf-8") == "kind: pack\nid: x\n"


def test_the_tdkt_file_applies_after_the_officers_own_files(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "zz-quy-che.yaml").write_text(
        "kind: overlay\nid: zz\ntitle: Quy chế cũ\nvotes:\n  chien_si_thi_dua_co_so: {status: overlay, share: 70}\n",
        encoding="utf-8")
    co.set_entry(co.path_for(rules), "votes", "chien_si_thi_dua_co_so", {"status": "overlay", "share": 75})
    rs = load_ruleset(None, on=dt.date(2026, 12, 10), overlay=rules)
    assert rs.vote_policy("chien_si_thi_dua_co_so").share_num == 75

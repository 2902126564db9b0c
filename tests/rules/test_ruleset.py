"""Rule packs and overlays: loading, validation errors, regime choice, vote rules, prizes, docs."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from tdkt.errors import InputError, RuleFileError
from tdkt.predicates import EXAMPLES, REGISTRY, Context, run
from tdkt.reference import reference_markdown
from tdkt.ruleset import builtin_ids, check_file, load_ruleset, pack_for_date

from .test_cases import make_nominee

ROOT = Path(__file__).resolve().parents[2]
OVERLAY = Path(__file__).parent / "overlays" / "hai-dong.yaml"


# ------------------------------------------------------------------------ predicates
@pytest.mark.parametrize(("kind", "params", "facts", "year", "award", "expect"), EXAMPLES,
                         ids=[f"{e[0]}-{e[5]}-{i}" for i, e in enumerate(EXAMPLES)])
def test_predicate_examples(kind, params, facts, year, award, expect) -> None:  # type: ignore[no-untyped-def]
    n = make_nominee(facts, 2, award, year)
    assert run(kind, Context(nominee=n, year=year, award=award), params).status == expect


def test_every_predicate_kind_has_a_pass_and_a_fail_example_and_a_doc() -> None:
    for name, kind in REGISTRY.items():
        got = {e[5] for e in EXAMPLES if e[0] == name}
        assert got >= {"pass", "fail"}, name
        assert "PASS:" in kind.doc and "FAIL:" in kind.doc, name


def test_collective_ratio_is_exact() -> None:
    # 7/10 = 70 % exactly passes "≥ 70 %"; 69/100 does not; floats would be fragile here
    for members, ltt, ok in ((10, 7, "pass"), (100, 69, "fail"), (3, 2, "fail"), (1000, 700, "pass")):
        n = make_nominee({"kind": "collective", "collective": {"members": members, "ltt": ltt}}, 2, "ttldxs", 2021)
        ctx = Context(nominee=n, year=2021, award="tap_the_lao_dong_xuat_sac")
        assert run("collective", ctx, {"field": "ltt", "at_least_percent": 70}).status == ok


def test_pending_title_in_the_same_list_counts() -> None:
    n = make_nominee({"years": {2019: ["cstdcs"], 2020: ["cstdcs"]}}, 2, "cstdbt", 2021)
    params = {"title": "chien_si_thi_dua_co_so", "count": 3, "consecutive": True}
    alone = Context(nominee=n, year=2021, award="chien_si_thi_dua_bo_tinh")
    with_pending = Context(nominee=n, year=2021, award="chien_si_thi_dua_bo_tinh",
                           pending=frozenset({("chien_si_thi_dua_co_so", 2021)}))
    assert run("titles", alone, params).status == "fail"
    assert run("titles", with_pending, params).status == "pass"


# ------------------------------------------------------------------------ regimes
@pytest.mark.parametrize(("day", "pack"), [
    ("2017-10-01", "nd91-2017"), ("2023-12-31", "nd91-2017"), ("2024-01-01", "nd98-2023"),
    ("2025-06-30", "nd98-2023"), ("2025-07-01", "nd152-2025"), ("2026-09-30", "nd152-2025"),
    ("2026-10-01", "luat06-2026"), ("2027-06-01", "luat06-2026"),
])
def test_pack_is_chosen_by_the_round_date(day: str, pack: str) -> None:
    assert pack_for_date(dt.date.fromisoformat(day)) == pack


def test_no_pack_before_nd91() -> None:
    with pytest.raises(InputError, match="01/10/2017"):
        pack_for_date(dt.date(2017, 9, 30))


def test_same_facts_give_each_regimes_verdict() -> None:
    """LĐTT + HTXS without an initiative: CSTĐCS fails under NĐ 91, passes under Luật 2022."""
    from tdkt.engine import evaluate

    facts = {"years": {2023: ["htxs", "ldtt"], 2024: ["htxs", "ldtt"]}, "recruited_on": dt.date(2015, 1, 1)}
    in_2023 = evaluate([make_nominee(facts, 2, "cstdcs", 2023)], load_ruleset(on=dt.date(2023, 4, 20)))
    in_2025 = evaluate([make_nominee(facts, 2, "cstdcs", 2024)], load_ruleset(on=dt.date(2025, 3, 10)))
    assert in_2023.ruleset.id == "nd91-2017" and in_2025.ruleset.id == "nd98-2023"
    assert in_2023.nominees[0].verdict == "fail"
    assert [f.rule for f in in_2023.nominees[0].findings if f.severity == "error"] == ["nd91.cstdcs.initiative"]
    assert in_2025.nominees[0].verdict == "pass"
    after = evaluate([make_nominee(facts, 2, "cstdcs", 2026)], load_ruleset(on=dt.date(2026, 11, 2)))
    assert after.ruleset.id == "luat06-2026" and after.nominees[0].verdict == "review"
    assert any(f.code == "rules.notice" and "06/2026/QH16" in f.message for f in after.findings)


# ------------------------------------------------------------------------ votes, seats, prizes, bases
def test_vote_policies_per_regime() -> None:
    nd91 = load_ruleset("nd91-2017")
    p = nd91.vote_policy("chien_si_thi_dua_bo_tinh")
    assert (p.share_num, p.share_den, p.denominator, p.status, p.ballot_required) == (90, 100, "members", "law", True)
    assert "Điều 45 k8" in (p.basis or "")
    assert nd91.vote_policy("chien_si_thi_dua_co_so").status == "unset"
    nd98 = load_ruleset("nd98-2023")
    assert nd98.vote_policy("chien_si_thi_dua_co_so").share_num == 80
    assert nd98.vote_policy("co_thi_dua_chinh_phu").share_num == 80
    transitional = load_ruleset(on=dt.date(2025, 10, 1))
    p = transitional.vote_policy("chien_si_thi_dua_co_so")
    assert (p.status, p.share_num) == ("law", 80) and "Điều 60 k2" in (p.basis or "")
    later = load_ruleset(on=dt.date(2026, 2, 1))
    for award in ("chien_si_thi_dua_co_so", "chien_si_thi_dua_bo_tinh", "co_thi_dua_bo_tinh"):
        assert later.vote_policy(award).status == "unset", award
    assert later.vote_policy("chien_si_thi_dua_toan_quoc").share_num == 90
    assert later.vote_policy("co_thi_dua_chinh_phu").share_num == 80
    assert later.vote_policy("huan_chuong_lao_dong_hang_ba").status == "not_required"
    assert load_ruleset(on=dt.date(2026, 11, 1)).vote_policy("chien_si_thi_dua_toan_quoc").uncertain


def test_overlay_sets_what_the_law_leaves_to_the_council() -> None:
    rs = load_ruleset(on=dt.date(2026, 2, 1), overlay=OVERLAY)
    p = rs.vote_policy("chien_si_thi_dua_co_so")
    assert (p.status, p.share_num, p.basis) == ("overlay", 80, "Quy chế Điều 21 k2")
    assert rs.vote_policy("guong_mat_tieu_bieu").status == "overlay"
    assert rs.quorum() == (2, 3)
    assert rs.seats_per_cluster("co_thi_dua_bo_tinh") == 2 and rs.seats_per_cluster("bang_khen_bo_tinh") == 1
    assert rs.seats("guong_mat_tieu_bieu") == 10 and rs.seats("bang_khen_bo_tinh") is None
    assert rs.award_name("guong_mat_tieu_bieu") == "Gương mặt tiêu biểu thành phố"
    assert rs.extra_awards()["gmtb"] == "guong_mat_tieu_bieu"
    assert rs.overlay_bases() and rs.overlay_bases()[0].startswith("Quyết định số 15/2021/QĐ-UBND")
    assert rs.prize_multiple("guong_mat_tieu_bieu", "individual") == Decimal("1.0")


def test_prize_multiples() -> None:
    assert load_ruleset("nd91-2017").prize_multiple("chien_si_thi_dua_co_so", "individual") is None
    nd98 = load_ruleset("nd98-2023")
    assert nd98.prize_multiple("chien_si_thi_dua_toan_quoc", "individual") == Decimal("4.5")
    assert nd98.prize_multiple("co_thi_dua_bo_tinh", "collective") is None  # cut off in the source
    nd152 = load_ruleset("nd152-2025")
    assert nd152.prize_multiple("bang_khen_thu_tuong", "individual") == Decimal("3.5")
    assert nd152.prize_multiple("bang_khen_thu_tuong", "collective") == Decimal("7.0")
    assert nd152.prize_multiple("bang_khen_thu_tuong", "household") == Decimal("5.25")
    assert nd152.prize_multiple("co_thi_dua_bo_tinh", "collective") == Decimal("8.0")
    assert nd152.prize_multiple("huan_chuong_lao_dong_hang_nhat", "individual") == Decimal("9.0")


def test_legal_bases_follow_the_date() -> None:
    assert "Thông tư số 08/2017/TT-BNV của Bộ Nội vụ" in load_ruleset(on=dt.date(2019, 5, 1)).legal_bases()
    assert "Thông tư số 12/2019/TT-BNV của Bộ Nội vụ" not in load_ruleset(on=dt.date(2019, 5, 1)).legal_bases()
    assert "Thông tư số 12/2019/TT-BNV của Bộ Nội vụ" in load_ruleset(on=dt.date(2022, 4, 25)).legal_bases()
    early = load_ruleset(on=dt.date(2025, 7, 15)).legal_bases()
    assert not any("15/2025/TT-BNV" in b for b in early)
    assert any("152/2025/NĐ-CP ngày 14 tháng 6 năm 2025" in b for b in early)


def test_every_criterion_cites_an_article_and_a_status() -> None:
    for pid in builtin_ids():
        rs = load_ruleset(pid)
        for c in rs.criteria():
            assert c.basis.strip(), c.id
            if c.status == "confirmed":
                assert "Điều" in c.basis, c.id
            assert c.status in ("confirmed", "uncertain")
            assert c.id.startswith(rs.prefix + ".")


def test_docs_are_current() -> None:
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == reference_markdown(), \
        "docs/rules.md is stale: run `tdkt rules docs --force`"


# ------------------------------------------------------------------------ broken files
def _write(tmp_path: Path, data: dict, name: str = "x.yaml") -> Path:  # type: ignore[type-arg]
    p = tmp_path / name
    p.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return p


def _overlay(**kw: object) -> dict:  # type: ignore[type-arg]
    return {"kind": "overlay", "id": "t", "title": "Quy chế thử", **kw}


@pytest.mark.parametrize(("data", "where"), [
    (_overlay(titel="x"), "titel"),
    (_overlay(seats={"co_thi_dua_bo_tinh": {"per_cluster": 0}}), "seats.co_thi_dua_bo_tinh.per_cluster"),
    (_overlay(awards={"gm": {"name": "G", "individual": {"criteria": [
        {"id": "gm.a", "text": "a", "check": "titles", "params": {"title": "x", "count": 0}, "basis": "Điều 1"}]}}}),
     "awards.gm.individual.criteria[0].params.count"),
    (_overlay(awards={"gm": {"name": "G", "individual": {"criteria": [
        {"id": "gm.a", "text": "a", "check": "eval", "params": {}, "basis": "Điều 1"}]}}}),
     "awards.gm.individual.criteria[0].check"),
    (_overlay(awards={"gm": {"name": "G", "individual": {"criteria": [
        {"id": "gm.a", "text": "a", "check": "rating", "params": {"min": "htxs", "windw": 2}, "basis": "Điều 1"}]}}}),
     "awards.gm.individual.criteria[0].params.windw"),
    (_overlay(criteria={"cstdcs.nope": {"params": {}}}), "criteria.cstdcs.nope"),
    (_overlay(votes={"khong_co": {"share": 50}}), "votes.khong_co"),
    (_overlay(awards={"giay_khen": {"name": "G"}}), "awards.giay_khen"),
    (_overlay(applies_to=["nd91-2017"]), "applies_to"),
])
def test_a_broken_overlay_names_file_and_path(tmp_path: Path, data: dict, where: str) -> None:  # type: ignore[type-arg]
    path = _write(tmp_path, data)
    with pytest.raises(RuleFileError) as exc:
        load_ruleset("nd98-2023", overlay=path)
    assert str(path) in exc.value.message and f"'{where}'" in exc.value.message, exc.value.message


def test_a_broken_pack_names_file_and_path(tmp_path: Path) -> None:
    data = yaml.safe_load((ROOT / "tdkt" / "rules" / "nd91-2017.yaml").read_text(encoding="utf-8"))
    data["awards"]["lao_dong_tien_tien"]["individual"]["criteria"][2]["params"]["min_months"] = "mười"
    path = _write(tmp_path, data, "pack.yaml")
    with pytest.raises(RuleFileError, match=r"awards\.lao_dong_tien_tien\.individual\.criteria\[2\]\.params\.min_months"):
        load_ruleset(path)
    path.write_text("kind: pack\nid: [", encoding="utf-8")
    with pytest.raises(RuleFileError, match="YAML"):
        load_ruleset(path)


def test_check_file_accepts_the_sample_overlay_on_every_pack() -> None:
    kind, rs = check_file(OVERLAY)
    assert kind == "overlay" and rs.overlays[0].id == "hd"


def test_a_local_title_needs_no_code(tmp_path: Path) -> None:
    from tdkt.engine import evaluate

    path = _write(tmp_path, _overlay(awards={"nguoi_tot": {"name": "Người tốt việc tốt", "aliases": ["NTVT"],
        "individual": {"criteria": [{"id": "ntvt.rating", "text": "HTTNV trở lên", "check": "rating",
                                     "params": {"min": "httnv"}, "basis": "Quy chế Điều 3"}]}}}))
    rs = load_ruleset("nd152-2025", overlay=path)
    good = make_nominee({"years": {2025: "httnv"}}, 2, "nguoi_tot", 2025)
    bad = make_nominee({"years": {2025: "htnv"}}, 3, "nguoi_tot", 2025)
    report = evaluate([good, bad], rs)
    assert [r.verdict for r in report.nominees] == ["pass", "fail"]
    assert report.nominees[1].findings[0].rule == "t.ntvt.rating"
    assert rs.vote_policy("nguoi_tot").status == "unset"


def test_overlay_can_say_no_vote_and_tighten_a_list_cap(tmp_path: Path) -> None:
    path = _write(tmp_path, _overlay(
        votes={"lao_dong_tien_tien": {"status": "not_required", "basis": "Quy chế Điều 9"}},
        criteria={"cstdcs.cap": {"params": {"max_percent": 10}, "basis": "Quy chế Điều 4"}}))
    rs = load_ruleset("nd91-2017", overlay=path)
    p = rs.vote_policy("lao_dong_tien_tien")
    assert (p.status, p.share_num, p.basis) == ("not_required", None, "Quy chế Điều 9")
    cap = next(r for r in rs.list_rules if r.id == "nd91.cstdcs.cap")
    assert cap.params.max_percent == 10 and cap.basis.endswith("Quy chế Điều 4")
    bad = _write(tmp_path, _overlay(criteria={"cstdcs.cap": {"params": {"max_percent": 0}}}), "bad.yaml")
    with pytest.raises(RuleFileError, match=r"criteria\.cstdcs\.cap\.params\.max_percent"):
        load_ruleset("nd91-2017", overlay=bad)

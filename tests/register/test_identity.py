"""Identity: CCCD first, then NFC name + birth date (+ unit); look-alikes are never merged silently,
and the officer's settlements are remembered."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from tdkt.findings import CellRef
from tdkt.models import Nominee


def _n(key: str, name: str, **kw) -> Nominee:  # type: ignore[no-untyped-def]
    return Nominee(id=key, source=CellRef(file="ds.xlsx", sheet="DS", row=5), name=name, **kw)


def _person(cli, text: str) -> int:  # type: ignore[no-untyped-def]
    found = json.loads(cli(["register", "search", text, "--format", "json"]).stdout)["people"]
    assert len(found) == 1, found
    return int(found[0]["id"])


def test_lookalikes_stop_the_import_and_name_every_candidate(ws: Path, db_url: str, files, cli, rows) -> None:
    assert cli(["register", "import", files["a"]]).exit_code == 0
    before = (rows(db_url, "reg_people"), rows(db_url, "reg_awards"), rows(db_url, "audit_log"))
    r = cli(["register", "import", files["lookalikes"], "--format", "json"])
    assert r.exit_code == 1
    doc = json.loads(r.stdout)
    assert doc["committed"] is False
    ambiguous = [(f["cell"], f["code"]) for f in doc["findings"] if f["severity"] == "error"]
    # Row 4 "Hoà" vs "Hòa", row 5 "Tran Thi Binh", row 7 Bình in another unit with no birth date.
    # Row 6 (Nguyễn Văn An born 1992) contradicts the register's An: a different person, no error.
    assert ambiguous == [("B4", "register.ambiguous-identity"), ("B5", "register.ambiguous-identity"),
                         ("B7", "register.ambiguous-identity")]
    hoa = _person(cli, "Nguyễn Thị Hòa")
    assert f"#{hoa} Nguyễn Thị Hòa, sinh 04/03/1990, Sở Y tế" in doc["findings"][0]["message"]
    assert (rows(db_url, "reg_people"), rows(db_url, "reg_awards"), rows(db_url, "audit_log")) == before


def test_settlements_are_remembered_by_import_and_by_history(ws: Path, db_url: str, files, cli, rows) -> None:
    assert cli(["register", "import", files["a"]]).exit_code == 0
    doc = json.loads(cli(["register", "import", files["lookalikes"], "--format", "json"]).stdout)
    keys = {f["cell"]: re.search(r"settle (\w{10}) ", f["message"]).group(1)  # type: ignore[union-attr]
            for f in doc["findings"] if f["code"] == "register.ambiguous-identity"}
    hoa, binh = _person(cli, "Nguyễn Thị Hòa"), _person(cli, "Trần Thị Bình")
    assert cli(["register", "settle", keys["B4"], "--person", str(hoa)]).exit_code == 0
    assert cli(["register", "settle", keys["B5"], "--new"]).exit_code == 0
    assert cli(["register", "settle", keys["B7"], "--person", f"#{binh}"]).exit_code == 0
    assert cli(["register", "settle", keys["B7"], "--person", "1", "--new"]).exit_code == 2

    r = cli(["register", "import", files["lookalikes"], "--format", "json"])
    assert r.exit_code == 0, r.stdout
    s = json.loads(r.stdout)["summary"]
    assert (s["people_created"], s["people_matched"], s["awards_added"]) == (2, 2, 4)  # "Tran Thi Binh", An 1992
    assert rows(db_url, "reg_people") == 6

    from tdkt.register import history

    nominees = [
        _n("hoa-old-spelling", "Nguyễn Thị Hoà", birth_date=dt.date(1990, 3, 4), unit="Sở Y tế"),
        _n("tran-thi-binh", "Tran Thi Binh", birth_date=dt.date(1985, 6, 30), unit="Sở Y tế"),
    ]
    got = history(db_url, nominees)
    assert got["hoa-old-spelling"].match == "settled" and got["hoa-old-spelling"].person_id == str(hoa)
    assert [y.year for y in got["hoa-old-spelling"].history] == [2020, 2021]
    new_id = got["tran-thi-binh"].person_id
    assert got["tran-thi-binh"].match == "settled" and new_id not in (None, str(binh))
    assert [y.year for y in got["tran-thi-binh"].history] == [2018]


def test_history_match_kinds(ws: Path, db_url: str, files, cli) -> None:
    assert cli(["register", "import", files["a"]]).exit_code == 0
    from tdkt.register import history

    nominees = [
        _n("by-cccd", "Nguyễn Văn An", cccd="099080000123"),
        _n("by-name-birth-unit", "TRẦN THỊ BÌNH", birth_date=dt.date(1985, 6, 30), unit="Sở Y tế"),
        _n("by-name-birth", "Trần Thị Bình", birth_date=dt.date(1985, 6, 30), unit="Sở Xây dựng"),
        _n("by-name-unit", "Phòng Kế hoạch - Tài chính", kind="collective", unit="Sở Y tế"),
        _n("lookalike", "Nguyễn Thị Hoà", birth_date=dt.date(1990, 3, 4), unit="Sở Y tế"),
        _n("other-cccd", "Nguyễn Văn An", cccd="099080000999", birth_date=dt.date(1980, 1, 2)),
        _n("stranger", "Hoàng Văn Mới", birth_date=dt.date(1999, 9, 9)),
    ]
    got = history(db_url, nominees)
    assert {k: h.match for k, h in got.items()} == {
        "by-cccd": "cccd", "by-name-birth-unit": "name_birth_unit", "by-name-birth": "name_birth",
        "by-name-unit": "name_unit", "lookalike": "ambiguous", "other-cccd": "none", "stranger": "none",
    }
    assert got["lookalike"].settle_key and got["lookalike"].candidates[0].endswith("Nguyễn Thị Hòa, sinh 04/03/1990, Sở Y tế")
    assert got["lookalike"].history == () and got["stranger"].prior_awards == ()


def test_same_cccd_with_another_name_is_matched_and_flagged(ws: Path, db_url: str, files, tmp_path: Path, cli) -> None:
    assert cli(["register", "import", files["a"]]).exit_code == 0
    typo = tmp_path / "cccd.csv"
    typo.write_text("Họ và tên;Số CCCD;Danh hiệu;Năm;Số quyết định\r\n"
                    "Nguyễn Văn Bảy;099080000123;Lao động tiên tiến;2021;7/QĐ-SYT\r\n", encoding="utf-8")
    r = cli(["register", "import", typo, "--format", "json"])
    doc = json.loads(r.stdout)
    assert (r.exit_code, doc["summary"]["people_matched"]) == (0, 1)
    assert [(f["code"], f["severity"], f["cell"]) for f in doc["findings"]] == [
        ("register.id-name-differs", "warning", "B2")]


def test_batched_lookup_answers_as_one_row_at_a_time(ws: Path, db_url: str, files, cli, monkeypatch) -> None:
    """history() looks the list up in batches and resolves only the rows the register may know; over
    several batches (chunk of 2), every match kind and many strangers, it answers as resolve() per row."""
    assert cli(["register", "import", files["a"]]).exit_code == 0
    from tdkt.db import reading
    from tdkt.register import history, identity

    monkeypatch.setattr(identity, "_CHUNK", 2)
    nominees = [
        _n("by-cccd", "Nguyễn Văn An", cccd="099080000123"),
        _n("cccd-only", "Tên Khác Hẳn", cccd="099080000123"),
        _n("by-name-birth-unit", "TRẦN THỊ BÌNH", birth_date=dt.date(1985, 6, 30), unit="Sở Y tế"),
        _n("by-name-unit", "Phòng Kế hoạch - Tài chính", kind="collective", unit="Sở Y tế"),
        _n("same-name-other-kind", "Phòng Kế hoạch - Tài chính", unit="Sở Y tế"),
        _n("lookalike", "Nguyễn Thị Hoà", birth_date=dt.date(1990, 3, 4), unit="Sở Y tế"),
        *(_n(f"stranger-{k}", f"Hoàng Văn Mới {k}", cccd=f"0990800{k:05d}") for k in range(7)),
    ]
    got = history(db_url, nominees)
    with reading(db_url) as conn:
        one_by_one = {n.id: identity.resolve(conn, identity.Identity.of(n)).kind for n in nominees}
    assert {k: h.match for k, h in got.items()} == one_by_one
    assert one_by_one["cccd-only"] == "cccd" and one_by_one["stranger-3"] == "none"


def test_lookup_on_a_register_without_people_asks_only_what_it_has(db_url: str) -> None:
    """An empty register answers "none" for everyone without working out a key; with a settlement and
    no people yet ("a new person"), that nominee is "settled" and the others still "none"."""
    from tdkt.db import upgrade, writing
    from tdkt.register import history, identity

    upgrade(db_url)
    nominees = [_n(f"n-{k}", f"Hoàng Văn Mới {k}") for k in range(3)]
    assert {k: h.match for k, h in history(db_url, nominees).items()} == {f"n-{k}": "none" for k in range(3)}
    with writing(db_url) as conn:
        identity.settle(conn, identity.Identity.of(nominees[1]).key(), None, "người mới")
    got = history(db_url, nominees)
    assert {k: h.match for k, h in got.items()} == {"n-0": "none", "n-1": "settled", "n-2": "none"}

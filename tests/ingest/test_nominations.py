"""read_nominations on every committed layout, the vendor templates and the bundled examples."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tdkt.errors import InputError
from tdkt.ingest import read_nominations
from tdkt.ingest.nominations import award_in_text, year_in_text
from tdkt.models import Nominee

ROOT = Path(__file__).resolve().parent.parent.parent


def by_row(nominees: list[Nominee], sheet: str) -> dict[int, Nominee]:
    return {n.source.row: n for n in nominees if n.source.sheet == sheet and n.source.row is not None}


def codes(result: object, sheet: str) -> set[tuple[str, str]]:
    return {(f.code, f.cell.a1) for f in result.findings if f.cell and f.cell.sheet == sheet}  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", ["provincial.xlsx", "provincial.xls"])
def test_provincial_layout(data: Path, name: str) -> None:
    if not (data / name).exists():
        pytest.skip(f"{name} needs LibreOffice Calc to be generated")
    result = read_nominations([data / name])
    sheets = {s.name: s for s in result.sheets}
    assert {k: v.role for k, v in sheets.items()} == {
        "Cá nhân": "list",
        "Tập thể": "list",
        "DANHMUC": "lookup",
    }
    ca = sheets["Cá nhân"]
    assert ca.header_rows == [5, 6, 7]  # two header rows and the (1)…(18) numbering row
    assert (ca.award, ca.year) == ("chien_si_thi_dua_bo_tinh", 2021)  # "CẤP THÀNH PHỐ" is province level
    fields = {c.letter: (c.field, c.header) for c in ca.columns}
    assert fields["B"] == ("name", "Họ và tên")
    assert fields["H"] == ("rating.2019", "Xếp loại / Năm 2019")
    assert fields["M"] == ("title.2021", "Danh hiệu thi đua đã đạt / Năm 2021")
    rows = by_row(result.nominees, "Cá nhân")
    assert sorted(rows) == [
        9,
        10,
        11,
        12,
    ]  # section, blank-name, formula-only, footer and signature rows are not nominees
    lan = rows[9]
    assert (lan.name, lan.name_raw, lan.gender) == ("Nguyễn Thị Lan", "  nguyễn   thị  LAN ", "female")
    assert lan.birth_date == dt.date(1980, 5, 17) and lan.cccd == "001180012345"
    assert [(y.year, y.rating, y.titles) for y in lan.history] == [
        (2019, "htxs", ("lao_dong_tien_tien",)),
        (2020, "htxs", ("chien_si_thi_dua_co_so",)),
        (2021, "htxs", ("chien_si_thi_dua_co_so",)),
    ]
    assert lan.initiatives[0].level == "co_so" and lan.initiatives[0].year == 2021
    assert lan.recruited_on == dt.date(2005, 9, 1)
    assert (
        lan.id == f"{name}:Cá nhân:9" and lan.cells["name"].a1 == "B9" and lan.cells["rating.2020"].a1 == "I9"
    )
    hung = rows[10]
    assert (
        hung.name == "Trần Văn Hùng" and hung.gender is None and hung.birth_year == 1975
    )  # TCVN3, "Thượng tá"
    assert hung.special == ("maternity",)
    nhung = rows[11]
    assert nhung.name == "Lê Thị Hồng Nhung" and nhung.birth_date == dt.date(1985, 2, 14)  # VNI, d/m/yy
    assert nhung.initiatives[0].level == "bo_tinh"
    found = codes(result, "Cá nhân")
    for expected in [
        ("ingest.legacy-text", "B10"),
        ("ingest.legacy-text", "B11"),
        ("ingest.salutation-not-gender", "C10"),
        ("ingest.partial-date", "Q10"),
        ("ingest.bad-cccd", "E11"),
        ("ingest.unknown-rating", "H11"),
        ("ingest.future-date", "Q11"),
        ("ingest.suspicious-birth", "D12"),
        ("ingest.unknown-title", "L12"),
        ("ingest.bad-date", "Q12"),
        ("ingest.section", "B8"),
        ("ingest.missing-name", "B14"),
    ]:
        assert expected in found, expected
    assert any(code == "ingest.footer" for code, _ in found)
    tt = by_row(result.nominees, "Tập thể")
    assert sheets["Tập thể"].award == "co_thi_dua_bo_tinh"
    first, second = tt[4], tt[5]
    assert first.kind == "collective" and first.collective is not None
    assert (first.collective.members, first.collective.ltt, first.collective.women_percent) == (25, 20, 72.5)
    assert first.collective.cluster == "Khối Văn xã" and first.collective.cluster_rank == 1
    assert second.collective is not None
    assert (second.collective.members, second.collective.women_percent) == (1200, 65.0)  # "1.200", a % cell


def test_wide_history_and_sheet_name_award(data: Path) -> None:
    result = read_nominations([data / "wide-history.xlsx"])
    (sheet,) = result.sheets
    assert (sheet.award, sheet.year) == ("chien_si_thi_dua_co_so", 2022)  # from the sheet name "CSTĐCS 2022"
    tuan, bich = result.nominees
    assert {y.year: y.titles for y in tuan.history} == {
        2019: ("lao_dong_tien_tien",),
        2020: ("lao_dong_tien_tien",),
        2021: ("chien_si_thi_dua_co_so",),
        2022: ("lao_dong_tien_tien",),  # an "x" under "LĐTT 2022"
    }
    assert tuan.year_record(2022) is not None and tuan.year_record(2022).rating == "htxs"  # type: ignore[union-attr]
    assert tuan.staff_code == "00123" and tuan.direct_worker is True and tuan.months_of_service == 12
    (prior,) = tuan.prior_awards
    assert (prior.award, prior.decision_number, prior.decision_date) == (
        "giay_khen",
        "15/QĐ-CT",
        dt.date(2021, 1, 10),
    )
    assert len(tuan.initiatives) == 2 and tuan.disciplines == ()
    assert bich.disciplines[0].form == "khien_trach" and bich.disciplines[0].year == 2021
    assert bich.gender == "female" and bich.direct_worker is False
    assert {c.field for c in sheet.columns if c.header == "Hạng mục khác"} == {None}
    assert ("ingest.unmapped-column", "Q3") in codes(result, "CSTĐCS 2022")


def test_register_history_list_gives_award_and_decision_per_row(data: Path) -> None:
    bay, tam = read_nominations([data / "register-history.xlsx"]).nominees
    assert bay.award == "bang_khen_bo_tinh" and tam.award == "chien_si_thi_dua_bo_tinh"
    (p,) = bay.prior_awards
    assert (p.award, p.period_from, p.period_to, p.decision_number, p.decision_date) == (
        "bang_khen_bo_tinh", 2018, 2019, "215/QĐ-UBND", dt.date(2020, 2, 20),
    )  # fmt: skip
    assert tam.birth_year == 1982 and tam.birth_date is None


def test_vendor_codes_resolved_through_the_workbooks_own_lookup(data: Path) -> None:
    result = read_nominations([data / "vendor-codes.xlsx"])
    anh, ha = result.nominees
    assert anh.award == "chien_si_thi_dua_co_so" and anh.gender == "male"
    assert anh.staff_category == "Lãnh đạo cấp vụ, sở, ngành và tương đương"
    assert ha.award is None and ha.gender == "female" and ha.birth_year == 1988
    assert ("ingest.unknown-code", "J5") in codes(result, "DANHSACH")
    forced = read_nominations([data / "vendor-codes.xlsx"], award="lao_dong_tien_tien")
    assert [n.award for n in forced.nominees] == ["chien_si_thi_dua_co_so", "lao_dong_tien_tien"]


@pytest.mark.parametrize(
    "name", ["list-utf8.csv", "list-utf8-bom.csv", "list-utf16.csv", "list-cp1258.csv", "list.ods"]
)
def test_csv_and_ods_lists(data: Path, name: str) -> None:
    result = read_nominations([data / name])
    tuyet, viet = result.nominees
    assert (tuyet.name, tuyet.gender, tuyet.birth_date, tuyet.award) == (
        "Nguyễn Thị Ánh Tuyết", "female", dt.date(1985, 2, 1), "lao_dong_tien_tien",
    )  # fmt: skip
    assert tuyet.history[0].year == 2021 and tuyet.history[0].rating == "httnv"
    assert (viet.award, viet.birth_year, viet.unit) == (
        "chien_si_thi_dua_co_so",
        1979,
        "Sở Tư pháp, tỉnh Hải Đông",
    )


def test_vendor_templates(peer_data: Path) -> None:
    result = read_nominations(
        [
            peer_data / n
            for n in ("MauTDKT.xlsx", "CANHAN.xlsx", "TAPTHE.xlsx", "NHANDULIEU.xlsx", "DETAI.xlsx")
        ]
    )
    roles = {(s.file, s.name): s.role for s in result.sheets}
    assert roles[("MauTDKT.xlsx", "file nhận")] == "list"
    assert all(roles[("MauTDKT.xlsx", n)] == "lookup" for n in ("HTKT", "PLDT", "LVHD", "phan loai kt"))
    assert roles[("MauTDKT.xlsx", "Hướng dẫn")] == "other"  # the guide's example rows are not nominees
    assert all(
        roles[(f, "DANHMUC")] == "lookup"
        for f in ("CANHAN.xlsx", "TAPTHE.xlsx", "NHANDULIEU.xlsx", "DETAI.xlsx")
    )
    mau = next(s for s in result.sheets if s.name == "file nhận")
    assert mau.header_rows == [1] and mau.nominees == []  # 553 formula rows with cached #N/A: no nominee
    mapped = {c.letter: c.field for c in mau.columns}
    assert (
        mapped["B"] == "salutation"
        and mapped["C"] == "name"
        and mapped["G"] == "award"
        and mapped["S"] == "title_code"
    )
    canhan = next(s for s in result.sheets if s.file == "CANHAN.xlsx" and s.role == "list")
    assert canhan.header_rows == [3] and {c.field for c in canhan.columns} >= {
        "name",
        "gender",
        "birth",
        "department",
        "unit",
        "award_code",
        "title_code",
    }
    tapthe = next(s for s in result.sheets if s.file == "TAPTHE.xlsx" and s.role == "list")
    assert {c.letter: c.field for c in tapthe.columns}["C"] == "collective_type_code"
    detai = next(s for s in result.sheets if s.file == "DETAI.xlsx" and s.role == "list")
    assert {c.letter: c.field for c in detai.columns} == {
        "A": "stt", "B": "research", "C": "initiative_date", "D": "initiative_level", "E": "achievement",
        "F": "name", "G": "department", "H": "unit",
    }  # fmt: skip
    mixed = [n for n in result.nominees if n.source.file == "NHANDULIEU.xlsx"]
    assert [(n.kind, n.name) for n in mixed] == [
        ("collective", "UBND Tỉnh Quảng Bình"),
        ("collective", "UBND Thành phố Đồng Hới"),
        ("individual", "Trần Mạnh Hải"),
        ("household", "Gia đình ông Lê Văn Hải"),
    ]


def test_column_map_names_unknown_headers(data: Path) -> None:
    plain = read_nominations([data / "wide-history.xlsx"])
    assert all(n.collective is None for n in plain.nominees)
    mapped = read_nominations([data / "wide-history.xlsx"], columns={"Hạng mục khác": "note"})
    col = next(c for c in mapped.sheets[0].columns if c.letter == "Q")
    assert (col.field, col.how) == ("note", "column-map")
    assert mapped.nominees[0].note == "abc"
    with pytest.raises(InputError, match="không phải trường"):
        read_nominations([data / "wide-history.xlsx"], columns={"Hạng mục khác": "khong_co"})


def test_no_header_is_unusable(data: Path) -> None:
    with pytest.raises(InputError) as info:
        read_nominations([data / "broken" / "no-header.xlsx"])
    assert info.value.code == "input.no-header" and "no-header.xlsx" in info.value.message


def test_extra_awards_resolve_overlay_titles(data: Path, tmp_path: Path) -> None:
    examples = ROOT / "examples" / "2022-1" / "danh-sach-ca-nhan.xlsx"
    if not examples.exists():
        pytest.skip("bundled examples not generated yet")
    extra = {
        "guong mat tieu bieu tinh hai dong": "guong_mat_tieu_bieu",
        "guong mat tieu bieu": "guong_mat_tieu_bieu",
    }
    result = read_nominations([examples], extra_awards=extra)
    assert {n.award for n in result.nominees} >= {"guong_mat_tieu_bieu", "chien_si_thi_dua_bo_tinh"}


def test_award_and_year_in_titles() -> None:
    title = "DANH SÁCH ĐỀ NGHỊ TẶNG DANH HIỆU CHIẾN SĨ THI ĐUA CẤP THÀNH PHỐ NĂM 2021"
    assert award_in_text(title) == "chien_si_thi_dua_bo_tinh" and year_in_text(title) == 2021
    assert award_in_text("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG") is None
    assert (
        award_in_text("ĐỀ NGHỊ TẶNG LĐTT VÀ CSTĐCS") is None
    )  # two different awards: the list does not say one
    assert year_in_text("Năm học 2021-2022") == 2022


def test_cells_name_each_fields_cell_and_rows_share_equal_histories(data: Path) -> None:
    """Nominee.cells is a lazy mapping field → CellRef; equal histories are one shared tuple."""
    from collections.abc import Mapping

    from tdkt.findings import CellRef

    name = "provincial.xlsx"
    if not (data / name).exists():
        pytest.skip(f"{name} needs LibreOffice Calc to be generated")
    rows = by_row(read_nominations([data / name]).nominees, "Cá nhân")
    lan = rows[9]
    assert isinstance(lan.cells, Mapping)
    ref = lan.cells["name"]
    assert ref == CellRef(file=name, sheet="Cá nhân", row=9, column="B", header="Họ và tên")
    assert lan.cells.get("title.2021") == CellRef(
        file=name, sheet="Cá nhân", row=9, column="M", header="Danh hiệu thi đua đã đạt / Năm 2021"
    )
    assert "rating.2019" in lan.cells and "no-such-field" not in lan.cells
    assert lan.cells.get("no-such-field", lan.source) is lan.source
    assert dict(lan.cells) == {k: lan.cells[k] for k in lan.cells} and len(dict(lan.cells)) == len(lan.cells)
    with pytest.raises(KeyError):
        lan.cells["no-such-field"]


@pytest.mark.fast_path
def test_equal_histories_are_one_shared_value(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    ws.append(["DANH SÁCH ĐỀ NGHỊ TẶNG DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM 2021"])
    ws.append(["STT", "Họ và tên", "Xếp loại năm 2020", "Xếp loại năm 2021"])
    ws.append([1, "Trần Văn Một", "HTXSNV", "HTTNV"])
    ws.append([2, "Lê Thị Hai", "HTXSNV", "HTTNV"])
    ws.append([3, "Phạm Văn Ba", "HTTNV", "HTTNV"])
    wb.save(tmp_path / "ds.xlsx")
    one, two, three = read_nominations([tmp_path / "ds.xlsx"]).nominees
    assert [(y.year, y.rating) for y in one.history] == [(2020, "htxs"), (2021, "httnv")]
    assert one.history == two.history and one.history is two.history
    assert three.history != one.history and three.history[0].rating == "httnv"
    assert one.cells["rating.2020"].a1 == "C3" and two.cells["rating.2020"].a1 == "C4"

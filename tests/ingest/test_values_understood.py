"""The value parsers read every way units write a value, and never read as "none" a text they do not
understand (issue 13): one passing and one failing case per form."""

from __future__ import annotations

from pathlib import Path

import pytest

from tdkt.ingest import values


@pytest.mark.parametrize(("text", "want"), [
    ("HT xuất sắc NV", "htxs"), ("HTXS nhiệm vụ", "htxs"), ("Hoàn thành tốt NV", "httnv"),
    ("HTT nhiệm vụ", "httnv"), ("Hoàn thành NV", "htnv"), ("Không hoàn thành NV", "khtnv"), ("-", None), ("/", None),
])
def test_ratings_with_nhiem_vu_written_out_or_short(text: str, want: str | None) -> None:
    assert values.to_rating(text) == want


@pytest.mark.parametrize("text", ["Khá", "?", "NV", "nhiệm vụ", "chờ đánh giá", "*"])
def test_a_rating_not_understood_is_bad_never_none(text: str) -> None:
    assert values.to_rating(text) is values.BAD


@pytest.mark.parametrize("text", ["?", "*", "!!"])
def test_punctuation_is_not_a_negative_in_any_parser(text: str) -> None:
    assert values.to_discipline(text) == ("other", text)
    for parse in (values.to_gender, values.to_kind, values.to_level):
        assert parse(text) is values.BAD, parse


@pytest.mark.parametrize(("text", "want"), [("-", 0), ("Không", 0), ("không có", 0), ("03", 3), ("2 người", 2)])
def test_counts_with_words_and_dashes(text: str, want: int) -> None:
    assert values.to_int(text) == want


def test_counts_that_are_not_counts() -> None:
    assert values.to_int("nhiều") is values.BAD
    assert values.to_int("?") is values.BAD


@pytest.mark.parametrize(("note", "said"), [
    ("Đang bị thanh tra, kiểm tra", ["Đang bị thanh tra, kiểm tra"]),
    ("Nghỉ thai sản 6 tháng; khiển trách năm 2024", ["khiển trách năm 2024"]),
    ("Không bị kỷ luật", []), ("Chưa bị xem xét kỷ luật", []), ("Nghỉ thai sản", []), ("Chuyển công tác", []),
])
def test_a_note_states_a_discipline_only_in_its_words(note: str, said: list[str]) -> None:
    assert values.note_disciplines(note) == said


def test_a_discipline_written_in_the_note_reaches_the_verdict(tmp_path: Path) -> None:
    from openpyxl import Workbook

    from tdkt.validation import validate_files

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["STT", "Họ và tên", "Danh hiệu đề nghị", "Xếp loại năm 2024", "Hình thức kỷ luật", "Ghi chú"])
    ws.append([1, "Phan Thị Nguyệt", "Lao động tiên tiến", "HTTNV", None, "Đang bị thanh tra công vụ"])
    ws.append([2, "Kiều Văn Sơn", "Lao động tiên tiến", "HTTNV", None, "Không bị kỷ luật"])
    ws.append([3, "Lạc Thị Duyên", "Lao động tiên tiến", "HTTNV", None, "Khiển trách năm 2024"])
    wb.save(tmp_path / "ds.xlsx")
    doc = validate_files([tmp_path / "ds.xlsx"], rules="nd98-2023", year=2024, store=False, cwd=tmp_path).to_dict()
    got = {n["name"]: n for n in doc["nominees"]}
    assert got["Kiều Văn Sơn"]["verdict"] == "pass"
    for name, row in (("Phan Thị Nguyệt", 2), ("Lạc Thị Duyên", 4)):
        n = got[name]
        assert n["verdict"] == "fail", name
        assert any(f["cell"] == f"F{row}" and f["severity"] == "error" for f in n["findings"]), n["findings"]


@pytest.mark.parametrize(("cell", "want"), [
    ("Bảng số liệu xuất khẩu theo tháng (cấp cơ sở)", ("Bảng số liệu xuất khẩu theo tháng", "co_so", None)),
    ("Sổ tay hộ tịch điện tử - cấp tỉnh", ("Sổ tay hộ tịch điện tử", "bo_tinh", None)),
    ("Mẫu hồ sơ nghiệm thu (cơ sở, 2023)", ("Mẫu hồ sơ nghiệm thu", "co_so", 2023)),
    ("Quy trình tiếp dân (bổ sung)", ("Quy trình tiếp dân (bổ sung)", None, None)),  # "bổ sung" is no level
    ("Đọc sách theo dự án (cấp cơ sở, QĐ số 15/QĐ-THPT ngày 20/5/2024)", ("Đọc sách theo dự án", "co_so", 2024)),
    ("Quy trình (bổ sung, 2024)", ("Quy trình (bổ sung, 2024)", None, None)),
    ("Phần mềm - phiên bản 2", ("Phần mềm - phiên bản 2", None, None)),
])
def test_an_initiative_with_its_level_in_the_same_cell(cell: str, want: tuple[str, str | None, int | None]) -> None:
    assert values.split_level(cell) == want


def test_an_initiative_written_title_level_year_is_one_initiative(tmp_path: Path) -> None:
    from tdkt.ingest import read_nominations

    path = tmp_path / "ds.csv"
    path.write_text("STT;Họ và tên;Danh hiệu đề nghị;Sáng kiến (tên; cấp; năm)\n"
                    '1;Ôn Thị Trà;Chiến sĩ thi đua cơ sở;"Sổ tay điện tử; Cơ sở; 2024"\n'
                    '2;Yên Văn Lộc;Chiến sĩ thi đua cơ sở;"Sổ tay A; Sổ tay B"\n', encoding="utf-8")
    got = {n.name: n.initiatives for n in read_nominations([path], year=2024).nominees}
    one = got["Ôn Thị Trà"]
    assert [(i.title, i.level, i.year) for i in one] == [("Sổ tay điện tử", "co_so", 2024)]
    assert [i.title for i in got["Yên Văn Lộc"]] == ["Sổ tay A", "Sổ tay B"]


@pytest.mark.parametrize(("text", "award"), [
    ("LĐ tiên tiến", "lao_dong_tien_tien"), ("Chiến sỹ thi đua cơ sở", "chien_si_thi_dua_co_so"),
    ("CS TĐCS", "chien_si_thi_dua_co_so"), ("BK Bộ GD&ĐT", "bang_khen_bo_tinh"),
    ("Bằng khen Bộ Tài chính", "bang_khen_bo_tinh"), ("Bằng khen của UBND thành phố", "bang_khen_bo_tinh"),
    ("Bằng khen Thủ tướng Chính phủ", "bang_khen_thu_tuong"), ("Chiến sỹ thi đua cấp tỉnh", "chien_si_thi_dua_bo_tinh"),
])
def test_award_names_written_every_way(text: str, award: str) -> None:
    from tdkt import awards

    assert awards.resolve(text) == award


@pytest.mark.parametrize("text", ["Bằng khen", "Khen thưởng đột xuất", "Chiến sĩ", "LĐ"])
def test_an_award_name_that_names_no_one_award_is_none(text: str) -> None:
    from tdkt import awards

    assert awards.resolve(text) is None


@pytest.mark.parametrize(("note", "day"), [
    ("Tuyển dụng từ ngày 1/9/2025", (2025, 9, 1)), ("Vào làm từ 03/2025", (2025, 3, 1)),
    ("Nghỉ thai sản", None), ("Tuyển dụng năm 2020", None),  # a year alone is no date to count months from
])
def test_a_recruitment_date_written_in_the_note(note: str, day: tuple[int, int, int] | None) -> None:
    import datetime as dt

    assert values.note_recruited(note) == (dt.date(*day) if day else None)


def test_numbered_initiatives_on_lines_of_one_cell(tmp_path: Path) -> None:
    from openpyxl import Workbook

    from tdkt.ingest import read_nominations

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["STT", "Họ và tên", "Danh hiệu đề nghị", "Sáng kiến (tên - cấp - năm)", "Ghi chú"])
    ws.append([1, "Mai Văn Tú", "Chiến sĩ thi đua cơ sở",
               "1. Quy trình tiếp nhận hồ sơ - Cơ sở - 2024\n2. Sổ tay số hóa - Cơ sở - 2025",
               "Tuyển dụng từ ngày 15/10/2025"])
    wb.save(tmp_path / "ds.xlsx")
    (n,) = read_nominations([tmp_path / "ds.xlsx"], year=2025).nominees
    assert [(i.title, i.level, i.year) for i in n.initiatives] == [
        ("Quy trình tiếp nhận hồ sơ", "co_so", 2024), ("Sổ tay số hóa", "co_so", 2025)]
    assert str(n.recruited_on) == "2025-10-15" and n.cells["recruited_on"].column == "E"


def test_a_tick_under_a_column_that_names_the_investigation_and_none_written_as_words(tmp_path: Path) -> None:
    from openpyxl import Workbook

    from tdkt.validation import validate_files

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["STT", "Họ và tên", "Danh hiệu đề nghị", "Xếp loại năm 2024", "Tên sáng kiến", "Cấp công nhận",
               "Hình thức kỷ luật", "Đang bị thanh tra, điều tra"])
    ws.append([1, "Vương Thị Lụa", "Chiến sĩ thi đua cơ sở", "HTTNV", "Không có", None, None, "x"])
    ws.append([2, "Khổng Văn Mạnh", "Chiến sĩ thi đua cơ sở", "HTTNV", "Sổ tay số", "Cơ sở", "x", "Không"])
    ws.append([3, "Bạch Thị Nga", "Chiến sĩ thi đua cơ sở", "HTTNV", "-", None, None, None])
    wb.save(tmp_path / "ds.xlsx")
    doc = validate_files([tmp_path / "ds.xlsx"], rules="nd98-2023", year=2024, store=False, cwd=tmp_path).to_dict()
    got = {n["name"]: n for n in doc["nominees"]}
    lua = got["Vương Thị Lụa"]  # the investigation ticked: fails, the tick's cell named
    assert lua["verdict"] == "fail" and any(f["cell"] == "H2" and f["severity"] == "error" for f in lua["findings"])
    # a tick under "Hình thức kỷ luật" says there is one, not which: never "Đạt"
    assert got["Khổng Văn Mạnh"]["verdict"] == "review"
    # "-" (like "Không có") in the initiative column is no initiative: HTTNV without one fails (NĐ 98)
    assert got["Bạch Thị Nga"]["verdict"] == "fail"


@pytest.mark.parametrize(("cell", "want"), [
    ("01 (khiển trách)", 0), ("01 (cảnh cáo)", 1), ("1 khiển trách, 2 cảnh cáo", 2), ("02 người", 2), ("Không", 0),
    (3, 3),
])
def test_a_collectives_disciplined_count_keeps_the_form(cell: object, want: int) -> None:
    # the criterion counts members disciplined at cảnh cáo or above: a khiển trách is not one
    assert values.disciplined_count(cell) == want


@pytest.mark.parametrize("cell", ["hai người", "01 (đang xem xét)", "01 (?)"])
def test_a_disciplined_count_not_understood_is_bad(cell: str) -> None:
    assert values.disciplined_count(cell) is values.BAD


def test_an_initiatives_level_from_its_header_and_its_year_from_its_decision_or_title(tmp_path: Path) -> None:
    from openpyxl import Workbook

    from tdkt.ingest import read_nominations

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["STT", "Họ và tên", "Danh hiệu đề nghị", "Sáng kiến kinh nghiệm cấp cơ sở", "Số, ngày QĐ công nhận sáng kiến"])
    ws.append([1, "Lưu Thị Hằng", "Chiến sĩ thi đua cơ sở", "Sáng kiến kinh nghiệm năm học 2022-2023", None])
    ws.append([2, "Tống Văn Khiêm", "Chiến sĩ thi đua cơ sở", "Bảng tính điểm\nSổ theo dõi",
               "21/QĐ-THCS ngày 10/11/2023\n33/QĐ-THCS ngày 08/11/2024"])
    wb.save(tmp_path / "ds.xlsx")
    got = {n.name: n.initiatives for n in read_nominations([tmp_path / "ds.xlsx"], year=2024).nominees}
    assert [(i.level, i.year) for i in got["Lưu Thị Hằng"]] == [("co_so", 2023)]  # the school year's end
    assert [(i.title, i.level, i.year) for i in got["Tống Văn Khiêm"]] == [
        ("Bảng tính điểm", "co_so", 2023), ("Sổ theo dõi", "co_so", 2024)]
    assert values.level_in_header("Sáng kiến") is None and values.level_in_header("Đề tài cấp tỉnh") == "bo_tinh"


@pytest.mark.parametrize(("cell", "rank"), [("Nhất", 1), ("hạng Nhì", 2), ("Dẫn đầu", 1), ("02", 2)])
def test_a_rank_written_as_a_word(cell: str, rank: int) -> None:
    assert values.to_rank(cell) == rank


@pytest.mark.parametrize("cell", ["Không", "-", "0", "Tốt"])
def test_a_rank_that_is_none_is_never_first(cell: str) -> None:
    assert values.to_rank(cell) is values.BAD


@pytest.mark.parametrize(("text", "level"), [
    ("01 SK cấp cơ sở năm 2025: Cải tiến gá lắp", "co_so"), ("Sổ tay được công nhận cấp tỉnh", "bo_tinh"),
    ("Giải pháp nâng cao chất lượng dạy học cấp tỉnh", None),  # a title about the province states no level
])
def test_a_level_said_in_words_in_an_initiative_cell(text: str, level: str | None) -> None:
    assert values.level_said(text) == level


def test_several_years_of_ratings_in_one_cell(tmp_path: Path) -> None:
    from openpyxl import Workbook

    from tdkt.ingest import read_nominations

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["STT", "Họ và tên", "Danh hiệu đề nghị", "Xếp loại 5 năm (2021-2025)"])
    ws.append([1, "Âu Thị Mơ", "Bằng khen của Thủ tướng Chính phủ", "2021: HTTNV; 2022: HTXSNV\n2023: HTTNV"])
    ws.append([2, "Cù Văn Nhã", "Bằng khen của Thủ tướng Chính phủ", "2021: HTTNV; 2022: Khá"])
    wb.save(tmp_path / "ds.xlsx")
    got = read_nominations([tmp_path / "ds.xlsx"], year=2025)
    mo, nha = got.nominees
    assert [(y.year, y.rating) for y in mo.history] == [(2021, "httnv"), (2022, "htxs"), (2023, "httnv")]
    assert nha.history == () and [u.cell.a1 for u in nha.unclear] == ["D3"]  # one part not understood: none read


def test_a_kind_not_understood_is_never_judged_as_the_default_kind(tmp_path: Path) -> None:
    from openpyxl import Workbook

    from tdkt.validation import validate_files

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["STT", "Họ và tên", "Đối tượng khen thưởng", "Danh hiệu đề nghị", "Xếp loại năm 2024", "Kỷ luật"])
    ws.append([1, "Ngọc Văn Tài", "??", "Giấy khen", "HTXSNV", None])  # a Giấy khen goes to a person or a collective
    ws.append([2, "Hầu Thị Sen", "??", "Lao động tiên tiến", "HTTNV", None])  # LĐTT: a person, whatever the cell
    ws.append([3, "Mông Văn Quý", "Cá nhân", "Giấy khen", "HTXSNV", None])
    wb.save(tmp_path / "ds.xlsx")
    doc = validate_files([tmp_path / "ds.xlsx"], rules="nd98-2023", year=2024, store=False, cwd=tmp_path).to_dict()
    got = {n["name"]: n for n in doc["nominees"]}
    tai = got["Ngọc Văn Tài"]
    assert tai["verdict"] != "pass" and any(f["code"] == "rules.unclear-fact" and f["cell"] == "C2"
                                            for f in tai["findings"])
    assert not any(f["code"] == "rules.unclear-fact" for f in got["Hầu Thị Sen"]["findings"])
    assert not any(f["code"] == "rules.unclear-fact" for f in got["Mông Văn Quý"]["findings"])


@pytest.mark.parametrize("cell", ["Chưa có", "Không bị kỷ luật, không vi phạm", "Không bị kỷ luật; chưa vi phạm",
                                  "không bị kỷ luật và không vi phạm"])
def test_a_discipline_cell_that_denies_in_several_words_is_none(cell: str) -> None:
    from tdkt.ingest import values

    assert values.to_discipline(cell) is None


@pytest.mark.parametrize(("cell", "form"), [("Không bị kỷ luật, khiển trách năm 2024", "khien_trach"),
                                            ("Không, đang xem xét", "pending"), ("0/0", "other")])
def test_a_discipline_cell_with_one_part_that_is_no_denial_is_read(cell: str, form: str) -> None:
    from tdkt.ingest import values

    got = values.to_discipline(cell)
    assert isinstance(got, tuple) and got[0] == form

"""Generate the ballot fixtures under tests/data/tally/ (run: python tests/tally/make_fixtures.py).

Every file is written from the tables below, so the tests can compute what each file must give
from the same tables instead of hard-coding results. The names and units are invented.

The base round: an 11-member council votes on five nominees; ballot 11 is the written opinion of
an absent member. The marks use the whole vocabulary (x, X, 1, ✓, đồng ý, không đồng ý, 0,
không, blank, không ý kiến) and one unknown mark ("?").
"""

from __future__ import annotations

import csv
import io
import random
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "data" / "tally"

# code, full name, kind, gender, award (ids of the contract)
NOMINEES = [
    ("NV01", "Nguyễn Thị Hoa", "individual", "female", "chien_si_thi_dua_bo_tinh"),
    ("NV02", "Trần Văn Bình", "individual", "male", "chien_si_thi_dua_bo_tinh"),
    ("NV03", "Lê Thị Thu Trang", "individual", "female", "chien_si_thi_dua_bo_tinh"),
    ("NV04", "Phạm Quốc Dũng", "individual", "male", "chien_si_thi_dua_bo_tinh"),
    ("TT01", "Phòng Giáo dục huyện Nam Sơn", "collective", None, "co_thi_dua_bo_tinh"),
]

# One row per ballot: ballot number, written opinion?, then the mark for each nominee (as typed).
BALLOTS: list[tuple[str, bool, list[str]]] = [
    ("01", False, ["x", "x", "x", "x", "x"]),
    ("02", False, ["X", "x", "không đồng ý", "x", "x"]),
    ("03", False, ["1", "1", "1", "0", "1"]),
    ("04", False, ["✓", "✓", "x", "x", "✓"]),
    ("05", False, ["đồng ý", "đồng ý", "?", "không", "đồng ý"]),
    ("06", False, ["Đồng ý", "", "0", "x", "Đồng ý"]),
    ("07", False, ["x", "không đồng ý", "x", "x", "x"]),
    ("08", False, ["x", "x", "x", "x", "x"]),
    ("09", False, ["không đồng ý", "x", "x", "x", "x"]),
    ("10", False, ["x", "x", "x", "x", "x"]),
    ("11", True, ["đồng ý", "đồng ý", "không ý kiến", "đồng ý", "đồng ý"]),
]
MEMBERS = 11

HEADER = ["Số phiếu", "Loại phiếu"] + [name for _, name, *_ in NOMINEES]


def _kind_label(written: bool) -> str:
    return "Bằng văn bản" if written else "Tại hội nghị"


def wide_rows() -> list[list[str]]:
    return [HEADER] + [[bid, _kind_label(w), *marks] for bid, w, marks in BALLOTS]


def long_rows(by: str = "code") -> list[list[str]]:
    """One row per (ballot, nominee, choice); nominees by code or by name."""
    rows = [["Số phiếu", "Người được đề nghị", "Lựa chọn", "Ý kiến bằng văn bản"]]
    for bid, written, marks in BALLOTS:
        for (code, name, *_), mark in zip(NOMINEES, marks, strict=True):
            rows.append([bid, code if by == "code" else name, mark, "x" if written else ""])
    return rows


def validation_payload(verdicts: dict[str, str] | None = None) -> dict[str, object]:
    """A stored validation document for the round (what `tdkt validate` stores), for the tests."""
    verdicts = verdicts or {}
    return {
        "schema_version": 1,
        "nominees": [
            {
                "id": code,
                "name": name,
                "kind": kind,
                "unit": "Sở Giáo dục và Đào tạo",
                "award": award,
                "gender": gender,
                "verdict": verdicts.get(code, "pass"),
            }
            for code, name, kind, gender, award in NOMINEES
        ],
    }


def _csv_text(rows: list[list[str]], delimiter: str = ",") -> str:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buf.getvalue()


TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_cp1258(text: str) -> bytes:
    """Encode as Excel's Windows-1258: vowel marks precomposed, tone marks as combining characters."""
    out = []
    for ch in text:
        try:
            out.append(ch.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
        tones = "".join(c for c in parts if c in TONES)
        out.append((base + tones).encode("cp1258"))
    return b"".join(out)


def _xlsx(
    path: Path, rows: list[list[object]], *, title: str | None = None, sheet: str = "Phiếu bầu"
) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Hướng dẫn"
    ws.append(["Nhập mỗi phiếu một dòng; x hoặc 1 là đồng ý, 0 là không đồng ý."])
    data = wb.create_sheet(sheet)
    if title:
        data.append([title])
        data.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[0]))
    for row in rows:
        data.append(row)
    wb.save(path)


def _numeric(mark: str) -> object:
    # In a workbook people type numbers: 1 and 0 are stored as numbers, not text.
    return {"1": 1, "0": 0, "": None}.get(mark, mark)


def write_all() -> list[Path]:
    OUT.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def put(name: str, data: bytes) -> None:
        (OUT / name).write_bytes(data)
        written.append(OUT / name)

    wide = wide_rows()
    text = _csv_text(wide)
    put("wide-utf8.csv", text.encode("utf-8"))
    put("wide-utf8-bom.csv", b"\xef\xbb\xbf" + text.encode("utf-8"))
    put("wide-utf16.csv", _csv_text(wide, "\t").encode("utf-16"))  # Excel "Unicode Text": tabs, BOM
    # Excel with a Vietnamese locale: ';' as separator; Windows-1258 has no ✓, so it is typed as x.
    put("wide-cp1258.csv", to_cp1258(_csv_text([[v.replace("✓", "x") for v in r] for r in wide], ";")))
    _xlsx(
        OUT / "wide.xlsx",
        [[_numeric(v) for v in row] for row in wide],
        title="PHIẾU BẦU HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",
    )
    written.append(OUT / "wide.xlsx")
    put("long-codes.csv", _csv_text(long_rows("code")).encode("utf-8"))
    _xlsx(OUT / "long-names.xlsx", [list(r) for r in long_rows("name")])
    written.append(OUT / "long-names.xlsx")

    # Integrity cases.
    extra = [["12", "Tại hội nghị", "x", "x", "x", "x", "x"]]
    put("too-many.csv", _csv_text(wide + extra).encode("utf-8"))
    put(
        "duplicate-ballot.csv",
        _csv_text([*wide[:-1], ["03", "Tại hội nghị", "x", "x", "x", "x", "x"]]).encode("utf-8"),
    )
    lrows = long_rows("code")
    put("duplicate-mark.csv", _csv_text([*lrows, lrows[7]]).encode("utf-8"))
    unknown = [row[:] for row in wide]
    unknown[0][-1] = "Đỗ Văn Khách"  # not a nominee of the round
    put("unknown-nominee.csv", _csv_text(unknown).encode("utf-8"))
    missing = [row[:-1] for row in wide]  # the collective's column left out
    put("missing-nominee.csv", _csv_text(missing).encode("utf-8"))
    bad_flag = [row[:] for row in wide]
    bad_flag[3][1] = "có lẽ"
    put("bad-written-flag.csv", _csv_text(bad_flag).encode("utf-8"))

    # Double entry: the same paper ballots typed twice. "same" uses other spellings and another row
    # order; "diff" has one mark typed differently and one ballot left out.
    rng = random.Random(5)
    spell = {
        "x": "đồng ý",
        "X": "1",
        "1": "x",
        "✓": "x",
        "đồng ý": "x",
        "Đồng ý": "X",
        "0": "không đồng ý",
        "không": "0",
        "không đồng ý": "0",
        "": "",
        "không ý kiến": "",
        "?": "?",
    }
    same = [wide[0]] + [[r[0], r[1], *(spell[m] for m in r[2:])] for r in wide[1:]]
    body = same[1:]
    rng.shuffle(body)
    put("entry2-same.csv", _csv_text([same[0], *body]).encode("utf-8"))
    diff = [row[:] for row in wide]
    diff[4][3] = "0"  # ballot 04, Trần Văn Bình: ✓ typed as 0
    del diff[9]  # ballot 09 left out
    put("entry2-diff.csv", _csv_text(diff).encode("utf-8"))

    # Quorum: only 6 members at the meeting, 3 written opinions (9 ballots); quorum 2/3 of 11 = 8.
    quorum = [wide[0]] + [[r[0], _kind_label(i >= 6), *r[2:]] for i, r in enumerate(wide[1:10])]
    put("quorum.csv", _csv_text(quorum).encode("utf-8"))

    # Ties at the last seat (overlay-seats.yaml gives one seat per award): see TIE_* below.
    put("tie.csv", _csv_text(tie_rows()).encode("utf-8"))
    return written


# One seat per award (overlay-seats.yaml). "đồng ý" votes per nominee in tie.csv:
TIE_AGREE = {"NV01": 10, "NV02": 10, "NV03": 9, "NV04": 9, "TT01": 11}
TIE_AWARDS = {
    "NV01": "bang_khen_bo_tinh",  # a woman tied with a man (NV02) at the last seat: the law prefers her
    "NV02": "bang_khen_bo_tinh",
    "NV03": "bang_khen_thu_tuong",  # two women tied (NV03, NV04): the council decides
    "NV04": "bang_khen_thu_tuong",
    "TT01": "co_thi_dua_bo_tinh",  # alone for its seat
}
TIE_GENDER = {"NV01": "female", "NV02": "male", "NV03": "female", "NV04": "female", "TT01": None}


def tie_rows() -> list[list[str]]:
    rows = [["Số phiếu"] + [code for code, *_ in NOMINEES]]
    for b in range(MEMBERS):
        rows.append([f"{b + 1:02d}"] + ["x" if b < TIE_AGREE[code] else "0" for code, *_ in NOMINEES])
    return rows


def tie_payload() -> dict[str, object]:
    return {
        "schema_version": 1,
        "nominees": [
            {
                "id": code,
                "name": name,
                "kind": kind,
                "unit": "Sở Y tế",
                "award": TIE_AWARDS[code],
                "gender": TIE_GENDER[code],
                "verdict": "pass",
            }
            for code, name, kind, *_ in NOMINEES
        ]
        # Not on the ballots, and not expected there: the overlay does not put LĐTT to the vote.
        + [
            {
                "id": "NV09",
                "name": "Vũ Thị Lan",
                "kind": "individual",
                "award": "lao_dong_tien_tien",
                "gender": "female",
                "verdict": "pass",
            }
        ],
    }


if __name__ == "__main__":
    for p in write_all():
        print(p.relative_to(OUT.parent.parent.parent))

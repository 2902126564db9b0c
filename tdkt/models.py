"""Domain models shared by every stage: nominees and their history, rounds.

These are the contract between ingest (which fills them from spreadsheets and keeps the cell of
every field in ``cells``), the criteria engine, the register and render. Everything is frozen.
Vietnamese terms: danh hiệu → title, hình thức khen thưởng → award form, đơn vị → unit,
sáng kiến → initiative, kỷ luật → discipline, xếp loại → rating, đợt xét → round.

The records are frozen ``msgspec.Struct`` classes, not pydantic models: a 100,000-row list builds
millions of them from values ingest has already checked, and a Struct is built (without
validation) about 3× faster than a frozen slotted dataclass and 17× faster for a CellRef, copied
with ``msgspec.structs.replace`` about 35× faster, and read faster (measured, see issue 20). Where
a value comes from outside the code that knows its type (a test's dict, a stored JSON payload, the
plain path of ingest under ``TDKT_PLAIN=1``), :func:`validated` is the one validating constructor.
pydantic stays where it earns its keep: rule files, ``tdkt.toml``, column maps.
Adding a field is one line in the class (with its default); ingest fills it in
:mod:`tdkt.ingest.assemble`, and the JSON record (:func:`tdkt.ingest.records.record`) shows it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any, Literal, Protocol, TypeVar

import msgspec

from tdkt import vocab
from tdkt.errors import InputError
from tdkt.findings import CellRef

Kind = Literal["individual", "collective", "household"]
# Mức độ hoàn thành nhiệm vụ: xuất sắc / tốt / hoàn thành / không hoàn thành.
Rating = Literal["htxs", "httnv", "htnv", "khtnv"]
RATING_ORDER: dict[str, int] = {"htxs": 3, "httnv": 2, "htnv": 1, "khtnv": 0}
# Cấp công nhận sáng kiến / đề tài: cơ sở, bộ-ngành-tỉnh, toàn quốc.
Level = Literal["co_so", "bo_tinh", "toan_quoc"]
LEVEL_ORDER: dict[str, int] = {"co_so": 1, "bo_tinh": 2, "toan_quoc": 3}
# Hình thức kỷ luật, nhẹ → nặng (Luật Cán bộ, công chức; Luật Viên chức).
DISCIPLINE_ORDER: dict[str, int] = {
    "khien_trach": 1, "canh_cao": 2, "ha_bac_luong": 3, "giang_chuc": 4, "cach_chuc": 5, "buoc_thoi_viec": 6,
}
Gender = Literal["male", "female"]
Special = Literal["maternity", "training", "injury"]
# Loại hình khen thưởng (Luật TĐKT 06/2022 Điều 8: công trạng, đột xuất, phong trào thi đua, quá trình
# cống hiến, niên hạn, đối ngoại) and the two reported for Luật 06/2026/QH16 (UNCERTAIN, legal-2026.md
# §2.2): khen thưởng chuyên đề, khen thưởng phong trào thi đua theo chuyên đề.
AwardType = Literal["cong_trang", "dot_xuat", "phong_trao", "cong_hien", "nien_han", "doi_ngoai", "chuyen_de",
                    "phong_trao_chuyen_de"]
AWARD_TYPE_VN: dict[str, str] = vocab.AWARD_TYPE


class Located(Protocol):
    """A column of a sheet: its Excel letter and the header text seen (tdkt.ingest.headers.Column)."""

    @property
    def letter(self) -> str: ...

    @property
    def header(self) -> str: ...


class CellMap(Mapping[str, CellRef]):
    """The cell of each field of one row, as a read-only mapping field → CellRef.

    A 100,000-row list has well over a million such cells and a finding needs only a few of them, so
    the row keeps its columns and a CellRef is made when one is looked up.
    """

    __slots__ = ("_cols", "_file", "_row", "_sheet")

    def __init__(self, file: str, sheet: str | None, row: int | None, cols: Mapping[str, Located]) -> None:
        self._file, self._sheet, self._row, self._cols = file, sheet, row, cols

    def __getitem__(self, key: str) -> CellRef:
        col = self._cols[key]
        return CellRef(file=self._file, sheet=self._sheet, row=self._row, column=col.letter, header=col.header)

    def __iter__(self) -> Iterator[str]:
        return iter(self._cols)

    def __len__(self) -> int:
        return len(self._cols)

    def __contains__(self, key: object) -> bool:
        return key in self._cols

    def get(self, key: str, default: CellRef | None = None) -> CellRef | None:  # type: ignore[override]
        # Mapping.get catches the KeyError of a miss: costly on the many misses of a list's findings.
        return self[key] if key in self._cols else default

    def __repr__(self) -> str:
        return f"CellMap({dict(self)!r})"


R = TypeVar("R", bound=msgspec.Struct)


def _plain_mapping(value: Any) -> Any:
    if isinstance(value, Mapping):  # a CellMap
        return dict(value)
    raise NotImplementedError(f"{type(value).__name__} is not a record value")


def validated(cls: type[R], data: Mapping[str, Any], *, where: str = "") -> R:
    """``cls`` built from ``data`` with every value checked against the field's type (Literal values,
    dates, nested records too, no unknown keys): the one validating constructor of the records.

    ``data`` may hold records already: they are taken apart into plain values first and checked
    again, so a record built without validation somewhere below is checked as well.

    Raises:
        InputError: a value does not have its field's type (names the field and ``where``).
    """
    try:
        return msgspec.convert(msgspec.to_builtins(data, enc_hook=_plain_mapping), cls, strict=True)
    except msgspec.ValidationError as exc:
        raise InputError(f"Dữ liệu không hợp lệ{' (' + where + ')' if where else ''}: {exc}.",
                         code="input.bad-record") from exc


class YearRecord(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """One evaluation year: the rating and the emulation titles reached that year (award ids)."""

    year: int
    rating: Rating | None = None
    titles: tuple[str, ...] = ()


class PriorAward(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """An award already received (from the list's own columns or from the register)."""

    award: str | None = None  # award id when known
    award_text: str | None = None  # as written
    year: int | None = None
    period_from: int | None = None  # achievement period (thời gian thành tích)
    period_to: int | None = None
    decision_number: str | None = None
    decision_date: dt.date | None = None
    source: Literal["list", "register"] = "list"
    type: AwardType | None = None  # loại hình khen thưởng; None: the list or register does not say


class Initiative(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A sáng kiến or đề tài with its level of recognition and what it was already used for."""

    kind: Literal["sang_kien", "de_tai"] = "sang_kien"
    title: str | None = None
    level: Level | None = None
    year: int | None = None
    used_for: str | None = None  # award id (or text) it already supported; one use only
    decision: str | None = None
    # The list gives the year or the decision of its recognition: it was recognised, so at cấp cơ sở at
    # least (the lowest level) even when the list does not write the level (tdkt.predicates.initiatives).
    recognised: bool = False


class Discipline(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A disciplinary measure (khiển trách, cảnh cáo, …) or a pending investigation."""

    form: str | None = None  # khien_trach | canh_cao | ha_bac_luong | giang_chuc | cach_chuc | buoc_thoi_viec | other
    form_text: str | None = None
    year: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    pending: bool = False


class Unclear(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A non-empty cell of a nominee's row whose value was not understood (issue 13, invariant 2):
    ``field`` is the Nominee field it bears on (``history``, ``disciplines``, ``initiatives``,
    ``prior_awards``, ``months_of_service``, ``collective``…), ``year`` the year of a per-year column.
    A criterion that reads that field cannot be "Đạt" on it (tdkt.engine.plan)."""

    field: str
    cell: CellRef
    value: str
    year: int | None = None


class CollectiveFacts(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """What a collective's row says about its members (for TTLĐTT, TTLĐXS, Cờ)."""

    members: int | None = None
    completed: int | None = None  # members rated HTNV or better
    ltt: int | None = None  # members with Lao động tiên tiến
    cstdcs: int | None = None  # members with Chiến sĩ thi đua cơ sở
    disciplined: int | None = None  # members disciplined at cảnh cáo or above
    women_percent: float | None = None
    cluster: str | None = None  # cụm / khối thi đua
    cluster_rank: int | None = None


class Nominee(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """One row of a nomination list: a person, a collective or a household proposed for an award."""

    id: str  # stable within a run: "<file>:<sheet>:<row>"
    source: CellRef
    stt: str | None = None
    kind: Kind = "individual"
    name: str
    name_raw: str | None = None
    gender: Gender | None = None
    birth_date: dt.date | None = None
    birth_year: int | None = None
    cccd: str | None = None
    staff_code: str | None = None  # mã CBCCVC
    position: str | None = None  # chức vụ
    department: str | None = None  # phòng ban
    unit: str | None = None  # đơn vị / cơ quan
    staff_category: str | None = None
    direct_worker: bool | None = None
    award: str | None = None  # award id requested
    award_text: str | None = None
    # loại hình of the proposed award (Luật TĐKT 2022 Điều 8), from a "Loại hình" column or the award's own
    # words ("Bằng khen … (đột xuất)"); None: not said, taken as công trạng as every pack's criteria are
    award_type: AwardType | None = None
    year: int | None = None  # the achievement year under review
    history: tuple[YearRecord, ...] = ()
    prior_awards: tuple[PriorAward, ...] = ()
    initiatives: tuple[Initiative, ...] = ()
    disciplines: tuple[Discipline, ...] = ()
    recruited_on: dt.date | None = None
    months_of_service: int | None = None
    special: tuple[Special, ...] = ()  # maternity leave, training, injury time (count as work)
    collective: CollectiveFacts | None = None
    achievement: str | None = None
    note: str | None = None
    priority: int | None = None  # the unit's own order of its proposals (1 first), for a list cap
    cells: Mapping[str, CellRef] = msgspec.field(default_factory=dict)  # a CellMap when read from a list
    unclear: tuple[Unclear, ...] = ()  # cells of the row that were not understood
    # The Nominee fields the list has a column for (one frozenset per sheet); None: not read from a
    # list, every field taken as stated. An empty field with no column is "not said", not "none".
    stated: frozenset[str] | None = None

    def year_record(self, year: int) -> YearRecord | None:
        for y in self.history:
            if y.year == year:
                return y
        return None


class Round(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A review round (đợt xét khen thưởng): id ``YYYY-N``, meeting date, years reviewed, council size."""

    id: str
    date: dt.date
    years: tuple[int, ...] = ()
    members: int | None = None
    title: str | None = None


class History(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """What the register knows about one nominee (filled by tdkt.register, merged by the engine)."""

    person_id: str | None = None  # register identity, when matched
    match: Literal[
        "cccd", "staff_code", "name_birth", "name_birth_unit", "name_unit", "settled", "none", "ambiguous"
    ] = "none"  # name_unit: same name and unit, birth date unknown on one side (collectives: always)
    history: tuple[YearRecord, ...] = ()
    prior_awards: tuple[PriorAward, ...] = ()
    initiatives: tuple[Initiative, ...] = ()
    candidates: tuple[str, ...] = ()  # when ambiguous: short descriptions of the possible matches
    settle_key: str | None = None  # when ambiguous: `tdkt register settle KEY --person ID | --new`


class VotePolicy(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """How the council's vote on one award is decided (from the rule pack or the council overlay).

    ``required`` agree votes = ceil(share_num / share_den × base), where base is the denominator
    (ALL council members by law). ``status`` says where the rule comes from; "unset" means the law
    leaves it to the council and the overlay did not set it: the tally must answer "review".
    """

    award: str
    share_num: int | None = None  # e.g. 90 (with share_den 100) or 2 (with 3)
    share_den: int = 100
    denominator: Literal["members", "present", "valid"] = "members"
    comparison: Literal["at_least", "more_than"] = "at_least"
    ballot_required: bool = False
    status: Literal["law", "overlay", "unset", "not_required"] = "law"
    basis: str | None = None  # article of law or of the council's regulation
    uncertain: bool = False  # the fact is UNCERTAIN in legal.md
    note: str | None = None

"""The workspace: ``tdkt.toml`` (council, agency, signers, numbering, overrides) and where the register is.

A workspace is a folder holding ``tdkt.toml``; commands find it in the current folder or a parent.
Creating one never overwrites an existing ``tdkt.toml`` unless ``force`` is given.
"""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from tdkt.errors import InputError, WorkspaceError, explain

CONFIG_NAME = "tdkt.toml"
MAX_MEMBERS = 1000  # a council's members: 10^20 is a typo, and the register stores 64-bit integers
DEFAULT_DB = "tdkt-register.sqlite"

# don_vi: the council of a unit whose head decides its own cơ sở titles (a sở, a trường, a bệnh viện,
# a state enterprise…); xa / huyen / tinh: a People's Committee's council; bo: a ministry's. Who
# decides what at each level, and when, is data: tdkt/rules/authority/authority.yaml (tdkt.authority).
CouncilLevel = Literal["don_vi", "xa", "huyen", "tinh", "bo"]
LEVELS: tuple[str, ...] = ("don_vi", "xa", "huyen", "tinh", "bo")


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Council(_Section):
    name: str = "Hội đồng Thi đua - Khen thưởng"
    level: CouncilLevel = "tinh"
    # A unit's council proposes upwards to the province (a sở, a provincial hospital…) or to a ministry.
    parent_level: Literal["tinh", "bo"] = "tinh"
    members: int | None = Field(default=None, ge=1, le=MAX_MEMBERS)
    member_names: list[str] = Field(default_factory=list)
    quorum_percent: float | None = Field(default=None, gt=0, le=100)


class Agency(_Section):
    name: str = "ỦY BAN NHÂN DÂN"  # tên cơ quan ban hành ("\n" where the heading should break)
    in_text: str = ""  # the name as written in a sentence ("Trường THPT chuyên Hải Đông"); default: from name
    parent: str = ""  # cơ quan chủ quản (may be empty)
    abbreviation: str = "UBND"  # ký hiệu cơ quan trong số văn bản: 05/QĐ-UBND
    place: str = ""  # địa danh on the date line
    proposer: str = ""  # "Theo đề nghị của …" (e.g. Giám đốc Sở Nội vụ)
    executors: list[str] = Field(default_factory=list)  # Điều 3: who executes the decision
    recipients: list[str] = Field(default_factory=list)  # Nơi nhận of every document (after the award's own)
    # The levels above, by name, for the addressee of a Tờ trình and the award names that name them:
    province: str = ""  # "tỉnh Hải Đông" / "thành phố Hải Phòng" (a province's own council: from its name)
    district: str = ""  # "huyện Tân Hải": the commune's district, before 01/07/2025
    ministry: str = ""  # "Bộ Y tế": the ministry of a unit under it (a ministry's own council: from its name)
    head_title: str = ""  # the head's title when not CHỦ TỊCH / BỘ TRƯỞNG: GIÁM ĐỐC, HIỆU TRƯỞNG…
    via: str = ""  # a Tờ trình to the level above goes "qua" this office (e.g. Sở Nội vụ)


SIGNER_MODES = ("head", "deputy", "acting")


class Signer(_Section):
    """Who signs a document (NĐ 30/2020 Phụ lục I: quyền hạn, chức vụ, họ tên).

    ``mode``: ``head`` — the head signs in person ("CHỦ TỊCH"); ``deputy`` — a deputy signs for the
    head ("KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH"); ``acting`` — an acting head ("Q. CHỦ TỊCH"). ``on_behalf``
    puts "TM. <body>" above, for the documents a collective body is the author of (a UBND's Tờ
    trình and Báo cáo); a Quyết định of the Chủ tịch has none. ``head`` defaults to the level's head
    (CHỦ TỊCH, BỘ TRƯỞNG, or ``agency.head_title``); ``title`` to the head's for ``head`` and
    ``acting`` and to "PHÓ " + head for ``deputy``.
    """

    mode: Literal["head", "deputy", "acting"] = "head"
    head: str = ""
    title: str = ""
    on_behalf: str | None = None  # None: the document's usual author (TM. ỦY BAN NHÂN DÂN on a UBND's Tờ trình)
    name: str = ""

    @model_validator(mode="before")
    @classmethod
    def _legacy(cls, data: Any) -> Any:
        """tdkt.toml written before 0.2 had prefix/body/title: translate them once, here."""
        if not isinstance(data, dict) or not ({"prefix", "body"} & data.keys()):
            return data
        out = {k: v for k, v in data.items() if k not in ("prefix", "body")}
        prefix = str(data.get("prefix") or "").strip().upper()
        body = str(data.get("body") or "").strip()
        out.setdefault("on_behalf", "")
        if prefix == "TM.":
            out["on_behalf"] = body
        elif prefix == "KT.":
            out.update(mode="deputy", head=body or "CHỦ TỊCH")
        elif prefix == "Q.":
            out.update(mode="acting", head=body)
        elif prefix:
            raise ValueError(f"quyền hạn ký '{prefix}' không dùng cho văn bản khen thưởng: chỉ người đứng đầu, "
                             "cấp phó ký thay (KT.) hoặc người được giao quyền (Q.)")
        return out


class Signers(_Section):
    decision: Signer = Field(default_factory=Signer)
    proposal: Signer = Field(default_factory=Signer)
    report: Signer | None = None  # default: as the proposal
    minutes: list[Signer] = Field(default_factory=list)  # the counting board (ban kiểm phiếu)

    @model_validator(mode="after")
    def _decision_is_the_deciders(self) -> Signers:
        if self.decision.on_behalf:
            raise ValueError(
                "Quyết định khen thưởng do người có thẩm quyền (Chủ tịch, Bộ trưởng, Thủ trưởng) ký, không ký "
                "thay mặt tập thể (TM.): bỏ on_behalf ở [signers.decision]")
        return self


class Recipients(_Section):
    """Nơi nhận, replacing the built-in lists (tdkt/rules/authority/authority.yaml): of a Quyết định per award id
    or per class of decider (co_so, bo_tinh, council), of the Tờ trình and of the Báo cáo.
    ``agency.recipients`` is added to every document."""

    award: dict[str, list[str]] = Field(default_factory=dict)
    decider: dict[str, list[str]] = Field(default_factory=dict)
    proposal: list[str] = Field(default_factory=list)
    report: list[str] = Field(default_factory=list)


class Documents(_Section):
    inline_max: int = Field(default=5, ge=0)  # up to this many recipients are named in Điều 1, no list


class Numbering(_Section):
    decision: str = "QĐ-{abbreviation}"
    proposal: str = "TTr-{abbreviation}"
    minutes: str = "BB-HĐTĐKT"
    report: str = "BC-{abbreviation}"


class BaseSalary(_Section):
    since: dt.date
    amount: int = Field(gt=0)


class Money(_Section):
    # Later values of the mức lương cơ sở; the built-in ones are in tdkt.money.
    base_salary: list[BaseSalary] = Field(default_factory=list)
    rounding: Literal["up_10000", "none", "nearest_1000"] = "up_10000"


class Database(_Section):
    url: str = ""  # empty: the SQLite file beside tdkt.toml; TDKT_DATABASE_URL overrides


class BasisLine(_Section):
    """A căn cứ line with the dates it applies to (the decision's date decides)."""

    text: str
    from_: dt.date | None = Field(default=None, alias="from")
    until: dt.date | None = None

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def applies(self, on: dt.date) -> bool:
        return (self.from_ is None or self.from_ <= on) and (self.until is None or on <= self.until)


def _basis_lines(value: Any) -> Any:
    return [{"text": v} if isinstance(v, str) else v for v in value] if isinstance(value, list) else value


class Legal(_Section):
    rules: str = "rules"  # the council overlay folder, relative to the workspace
    columns: dict[str, str] = Field(default_factory=dict)  # header text → canonical field (ingest)
    # Dates of instruments the rule packs print without one (not confirmed), e.g. "06/2026/QH16" = 2026-04-23.
    dates: dict[str, dt.date] = Field(default_factory=dict)
    # The province's or ministry's own Quy chế / Quy định thi đua, khen thưởng, cited in its decisions
    # and Tờ trình after the law, decrees and circulars ("Quyết định số 35/2019/QĐ-UBND ngày … ").
    regulation: list[BasisLine] = Field(default_factory=list)
    # The agency's own competence, cited first after the organisation law: a ministry's functions
    # decree; for a unit's council (level don_vi), its founding or functions decision.
    competence: list[BasisLine] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _strings(cls, data: Any) -> Any:
        if isinstance(data, dict):
            data = {**data, **{k: _basis_lines(data[k]) for k in ("regulation", "competence") if k in data}}
        return data


class Config(_Section):
    schema_version: int = 1
    council: Council = Field(default_factory=Council)
    agency: Agency = Field(default_factory=Agency)
    signers: Signers = Field(default_factory=Signers)
    numbering: Numbering = Field(default_factory=Numbering)
    money: Money = Field(default_factory=Money)
    database: Database = Field(default_factory=Database)
    legal: Legal = Field(default_factory=Legal)
    recipients: Recipients = Field(default_factory=Recipients)
    documents: Documents = Field(default_factory=Documents)


class Workspace:
    """A folder with ``tdkt.toml``; knows its config and the URL of its register."""

    def __init__(self, root: Path, config: Config) -> None:
        self.root = root
        self.config = config

    @property
    def config_path(self) -> Path:
        return self.root / CONFIG_NAME

    @property
    def database_url(self) -> str:
        env = os.environ.get("TDKT_DATABASE_URL")
        if env:
            return env
        if self.config.database.url:
            return self.config.database.url
        return f"sqlite:///{(self.root / DEFAULT_DB).as_posix()}"

    @property
    def overlay_dir(self) -> Path:
        return self.root / self.config.legal.rules

    @property
    def templates_dir(self) -> Path:
        return self.root / "templates"


SCHEMA_VERSION = 1  # the tdkt.toml layout this tdkt reads; a later one comes from a newer tdkt


_TOML_WORDS = {  # tomllib's messages → Vietnamese (the rest are shown as tomllib says them)
    "Cannot overwrite a value": "khóa viết hai lần (hoặc ghi đè một giá trị đã có)",
    "Cannot declare": "bảng [ … ] khai báo hai lần",
    "Invalid statement": "dòng không đúng dạng khóa = giá trị",
    "Expected '=' after a key in a key/value pair": "thiếu '=' sau tên khóa",
    "Invalid value": "giá trị không hợp lệ (chuỗi chữ phải đặt trong dấu \"…\")",
    "Unterminated string": "chuỗi chữ thiếu dấu \" đóng",
    "Illegal character": "có ký tự không được phép",
}


def _toml_error(path: Path, exc: Exception) -> str:
    """One Vietnamese line for a TOML syntax error: the line, the key written there, what is wrong."""
    import re

    text = str(exc)
    m = re.search(r"\(at line (\d+), column \d+\)", text)
    reason = text[:m.start()].strip() if m else text
    words = next((vn for en, vn in _TOML_WORDS.items() if reason.startswith(en)), reason)
    where = ""
    if m:
        where = f", dòng {m.group(1)}"
        try:
            line = path.read_text(encoding="utf-8-sig").splitlines()[int(m.group(1)) - 1]
        except (OSError, UnicodeDecodeError, IndexError):
            line = ""
        key = line.split("=", 1)[0].strip() if "=" in line else ""
        if key and words.startswith("khóa viết hai lần"):
            where += f", khóa '{key}'"
    return f"Tệp {path}{where} không đúng cú pháp TOML: {words}."


def load_config(path: Path) -> Config:
    try:
        # utf-8-sig: Windows Notepad (before 2019) saves UTF-8 with a byte-order mark
        data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise InputError(f"Không đọc được {path}: tệp không phải văn bản UTF-8 (byte lỗi ở vị trí {exc.start}).") from exc
    except OSError as exc:
        from tdkt.output import reason

        why = "không có quyền đọc" if isinstance(exc, PermissionError) else reason(exc)
        raise InputError(f"Không đọc được {path}: {why}.") from exc
    except tomllib.TOMLDecodeError as exc:
        raise InputError(_toml_error(path, exc)) from exc
    except ValueError as exc:  # int() of a number past Python's 4,300 digits
        raise InputError(f"Tệp {path}: có một số quá dài (hơn 4.300 chữ số); kiểm tra lại giá trị.") from exc
    version = data.get("schema_version", SCHEMA_VERSION)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InputError(f"Tệp {path}, khóa 'schema_version': cần một số nguyên từ 1 (đang là {version!r}).")
    if version > SCHEMA_VERSION:
        raise InputError(
            f"Tệp {path} có schema_version = {version}: cấu hình do phiên bản tdkt mới hơn tạo ra; phiên bản "
            f"này chỉ đọc được schema_version {SCHEMA_VERSION}. Hãy cập nhật tdkt.")
    try:
        return Config.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = ".".join(str(p) for p in err["loc"])
        raise InputError(f"Tệp {path}, khóa '{loc}': {explain(dict(err))}") from exc


def find(start: Path | None = None) -> Workspace | None:
    """The workspace containing ``start`` (default: the current folder), or None."""
    env = os.environ.get("TDKT_WORKSPACE")
    here = Path(env) if env else (start or Path.cwd())
    here = here.resolve()
    for folder in (here, *here.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return Workspace(folder, load_config(candidate))
        if env:
            break
    return None


def require(start: Path | None = None) -> Workspace:
    ws = find(start)
    if ws is None:
        raise WorkspaceError(
            f"Không tìm thấy không gian làm việc ({CONFIG_NAME}) ở thư mục hiện tại hoặc thư mục cha. "
            "Hãy chạy 'tdkt init' trước."
        )
    return ws


def dump_config(config: Config) -> str:
    import tomli_w

    header = (
        "# Cấu hình không gian làm việc tdkt (Hội đồng Thi đua - Khen thưởng).\n"
        "# Sửa trực tiếp tệp này; 'tdkt init --help' giải thích từng khóa.\n"
    )
    return header + tomli_w.dumps(config.model_dump(mode="json", exclude_none=True, by_alias=True))


def create(root: Path, config: Config, *, force: bool = False) -> Workspace:
    """Write ``tdkt.toml`` and create (or upgrade) the register. Refuses to overwrite without ``force``."""
    path = root / CONFIG_NAME
    if path.exists() and not force:
        raise WorkspaceError(
            f"Đã có không gian làm việc tại {root} ({CONFIG_NAME}); không thay đổi gì. "
            "Dùng --force để ghi đè cấu hình."
        )
    text = dump_config(config)
    ws = Workspace(root, config)
    from tdkt.db import upgrade

    upgrade(ws.database_url)  # before writing the config: a failure leaves no half workspace
    tmp = path.with_suffix(".toml.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    (root / config.legal.rules).mkdir(exist_ok=True)
    return ws

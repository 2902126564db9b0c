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

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from tdkt.errors import InputError, WorkspaceError

CONFIG_NAME = "tdkt.toml"
DEFAULT_DB = "tdkt-register.sqlite"

CouncilLevel = Literal["xa", "huyen", "tinh", "bo"]


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Council(_Section):
    name: str = "Hội đồng Thi đua - Khen thưởng"
    level: CouncilLevel = "tinh"
    members: int | None = Field(default=None, ge=1)
    member_names: list[str] = Field(default_factory=list)
    quorum_percent: float | None = Field(default=None, gt=0, le=100)


class Agency(_Section):
    name: str = "ỦY BAN NHÂN DÂN"  # tên cơ quan ban hành
    parent: str = ""  # cơ quan chủ quản (may be empty)
    abbreviation: str = "UBND"  # ký hiệu cơ quan trong số văn bản: 05/QĐ-UBND
    place: str = ""  # địa danh on the date line
    proposer: str = ""  # "Theo đề nghị của …" (e.g. Giám đốc Sở Nội vụ)
    executors: list[str] = Field(default_factory=list)  # Điều 3: who executes the decision
    recipients: list[str] = Field(default_factory=list)  # Nơi nhận


class Signer(_Section):
    prefix: str = ""  # TM. | KT. | Q. | TL. | TUQ. | ""
    body: str = ""  # e.g. "ỦY BAN NHÂN DÂN" after TM.
    title: str = "CHỦ TỊCH"
    name: str = ""


class Signers(_Section):
    decision: Signer = Field(default_factory=lambda: Signer(prefix="TM.", body="ỦY BAN NHÂN DÂN", title="CHỦ TỊCH"))
    proposal: Signer = Field(default_factory=lambda: Signer(prefix="TM.", body="ỦY BAN NHÂN DÂN", title="CHỦ TỊCH"))
    minutes: list[Signer] = Field(default_factory=list)  # the counting board (ban kiểm phiếu)


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


class Legal(_Section):
    rules: str = "rules"  # the council overlay folder, relative to the workspace
    columns: dict[str, str] = Field(default_factory=dict)  # header text → canonical field (ingest)
    # Dates of instruments the rule packs print without one (not confirmed), e.g. "06/2026/QH16" = 2026-04-23.
    dates: dict[str, dt.date] = Field(default_factory=dict)


class Config(_Section):
    schema_version: int = 1
    council: Council = Field(default_factory=Council)
    agency: Agency = Field(default_factory=Agency)
    signers: Signers = Field(default_factory=Signers)
    numbering: Numbering = Field(default_factory=Numbering)
    money: Money = Field(default_factory=Money)
    database: Database = Field(default_factory=Database)
    legal: Legal = Field(default_factory=Legal)


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


def load_config(path: Path) -> Config:
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"Không đọc được {path}: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"Tệp {path} không đúng cú pháp TOML: {exc}") from exc
    try:
        return Config.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = ".".join(str(p) for p in err["loc"])
        raise InputError(f"Tệp {path}, khóa '{loc}': {err['msg']}") from exc


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
    return header + tomli_w.dumps(config.model_dump(mode="json", exclude_none=True))


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

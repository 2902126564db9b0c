"""Rule packs (one per legal regime) and council overlays: file schema, loading, merging, queries.

A **pack** (``tdkt/rules/<id>.yaml``, ``kind: pack``) holds the criteria of one regime for every
award, the council vote rule and the prize multiple of each award, list-level rules, the căn cứ
lines, and notices. A pack may ``extends:`` another and change only what differs (lists of
criteria, list rules, notices are merged by ``id``; ``remove: true`` drops an entry).

An **overlay** (``kind: overlay``; a workspace ``rules/`` folder or ``--rules PATH``) is the
council's own regulation: local titles with their criteria, vote thresholds and quotas the law
leaves to the council, and changed parameters of existing criteria. See docs/rules.md.

Every file is validated on load with pydantic ``extra="forbid"``; a broken file raises
:class:`~tdkt.errors.RuleFileError` naming the file and the path inside it (``awards.x.individual
.criteria[2].params.count``). Criteria use only the predicate kinds of :mod:`tdkt.predicates`.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator

from tdkt import awards as award_catalogue
from tdkt.errors import InputError, RuleFileError
from tdkt.models import VotePolicy
from tdkt.predicates import REGISTRY, ListCapParams, Params, parse_params
from tdkt.text import fold

KINDS = ("individual", "collective", "household")
_ID = r"^[a-z0-9][a-z0-9_.-]*$"
# An award id as a key (votes, seats, awards, add_criteria of a pack or overlay): it becomes part of file
# names ("quyet-dinh_2022-1_<award>.docx"), so it is an id like every other, never "a/../../b".
AwardId = Annotated[str, StringConstraints(pattern=_ID, max_length=100)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class CriterionSpec(_Strict):
    id: str = Field(pattern=_ID)
    text: str = Field(min_length=1)
    check: str
    params: dict[str, Any] = Field(default_factory=dict)
    basis: str = ""
    status: Literal["confirmed", "uncertain"] = "confirmed"
    note: str | None = None
    if_missing: Literal["review", "note"] = "review"
    delegated: str | None = None  # what the council must set; params stay incomplete until it does
    severity: Literal["error", "warning"] | None = None


class RequirementSpec(_Strict):
    status: Literal["known", "delegated", "unknown"] = "known"
    note: str | None = None
    basis: str | None = None
    criteria: list[CriterionSpec] = Field(default_factory=list)


def _share_within(share: int | None, den: int) -> None:
    if share is not None and share > den:
        raise ValueError(f"tỷ lệ phiếu {share}/{den} lớn hơn 100 % (share không được lớn hơn share_den = {den})")


class VoteFallback(_Strict):
    until: dt.date
    share: int = Field(ge=1, le=100)
    share_den: int = Field(default=100, ge=1)
    basis: str
    note: str | None = None

    @model_validator(mode="after")
    def _at_most_all(self) -> VoteFallback:
        _share_within(self.share, self.share_den)
        return self


class VoteSpec(_Strict):
    status: Literal["law", "overlay", "unset", "not_required"] = "law"
    share: int | None = Field(default=None, ge=1)
    share_den: int = Field(default=100, ge=1)
    of: Literal["members", "present", "valid"] = "members"
    comparison: Literal["at_least", "more_than"] = "at_least"
    ballot: bool = False
    basis: str | None = None
    uncertain: bool = False
    note: str | None = None
    fallback: VoteFallback | None = None

    @model_validator(mode="after")
    def _at_most_all(self) -> VoteSpec:
        _share_within(self.share, self.share_den)
        return self


class PrizeSpec(_Strict):
    individual: Decimal | None = None
    collective: Decimal | None = None
    household: Decimal | None = None
    basis: str | None = None
    uncertain: bool = False


class AwardSpec(_Strict):
    name: str | None = None
    aliases: list[str] = Field(default_factory=list)
    individual: RequirementSpec | None = None
    collective: RequirementSpec | None = None
    household: RequirementSpec | None = None
    vote: VoteSpec | None = None
    prize: PrizeSpec | None = None


class ListRuleSpec(_Strict):
    id: str = Field(pattern=_ID)
    text: str
    check: Literal["list_cap"]
    params: dict[str, Any]
    basis: str
    status: Literal["confirmed", "uncertain"] = "confirmed"
    note: str | None = None


class ExclusiveSpec(_Strict):
    id: str = Field(pattern=_ID)
    awards: list[str] = Field(min_length=2)
    basis: str
    text: str
    status: Literal["confirmed", "uncertain"] = "confirmed"


class SpecialSpec(_Strict):
    status: Literal["confirmed", "uncertain"]
    basis: str
    note: str | None = None


class BaseLine(_Strict):
    text: str
    from_: dt.date | None = Field(default=None, alias="from")
    until: dt.date | None = None
    # The instrument's number ("06/2026/QH16") when its date is not confirmed: printed without a date
    # unless the workspace gives one (``[legal.dates]`` in tdkt.toml), then "… ngày 23 tháng 4 năm 2026".
    number: str | None = None


class NoticeSpec(_Strict):
    id: str = Field(pattern=_ID)
    text: str
    from_: dt.date | None = Field(default=None, alias="from")
    until: dt.date | None = None
    severity: Literal["warning", "info"] = "warning"


class RatingCapSpec(_Strict):
    """A ceiling on how many people of a kind may get a rating in one unit (NĐ 233/2026 Điều 12 k6 for
    viên chức). A nomination list is only part of a unit, so going over it is information for the
    secretariat, never a nominee's failure."""

    id: str = Field(pattern=_ID)
    text: str
    basis: str
    status: Literal["confirmed", "uncertain"] = "confirmed"
    from_year: int  # ratings of this achievement year and later
    staff: list[str] = Field(min_length=1)  # folded words of the staff category that the ceiling covers
    rating: Literal["htxs", "httnv", "htnv"] = "htxs"
    of: Literal["htxs", "httnv", "htnv"] = "httnv"
    max_percent: float = Field(gt=0, le=100)
    rated_unit_percent: float | None = Field(default=None, gt=0, le=100)  # when the unit itself has `rating`


class PackFile(_Strict):
    kind: Literal["pack"]
    id: str = Field(pattern=_ID)
    prefix: str = Field(pattern=_ID)
    title: str
    version: str
    extends: str | None = None
    valid_from: dt.date
    valid_to: dt.date | None = None
    legal_bases: list[str | BaseLine] = Field(default_factory=list)
    household_factor: Decimal | None = None
    household_factor_basis: str | None = None
    awards: dict[AwardId, AwardSpec]
    list_rules: list[ListRuleSpec] = Field(default_factory=list)
    exclusive: list[ExclusiveSpec] = Field(default_factory=list)
    special_time: dict[Literal["maternity", "training", "injury"], SpecialSpec] = Field(default_factory=dict)
    notices: list[NoticeSpec] = Field(default_factory=list)
    rating_caps: list[RatingCapSpec] = Field(default_factory=list)


class CriterionPatch(_Strict):
    params: dict[str, Any] | None = None
    basis: str | None = None
    text: str | None = None
    status: Literal["confirmed", "uncertain"] | None = None
    severity: Literal["error", "warning"] | None = None
    note: str | None = None


class SeatsSpec(_Strict):
    max: int | None = Field(default=None, ge=0)
    per_cluster: int | None = Field(default=None, ge=1)
    basis: str | None = None


class QuorumSpec(_Strict):
    num: int = Field(ge=1)
    den: int = Field(ge=1)
    basis: str | None = None

    @model_validator(mode="after")
    def _at_most_all(self) -> QuorumSpec:
        if self.num > self.den:
            raise ValueError(f"số thành viên dự tối thiểu {self.num}/{self.den} lớn hơn tổng số thành viên "
                             "(num không được lớn hơn den)")
        return self


class ReadingSpec(_Strict):
    """The council's reading of one uncertain fact of a pack (``tdkt rules settle``; tdkt.readings)."""

    reading: Literal["applies", "not_applies", "value"]  # as written | does not apply | this value
    value: Any = None  # a criterion's params to change, or a vote share ("80", "2/3", {share, share_den, of})
    article: str = Field(min_length=1)  # the article the officer cites
    text: str = Field(min_length=1)  # the words of it the officer cites
    date: dt.date  # when the council settled it
    note: str | None = None

    @model_validator(mode="after")
    def _value(self) -> ReadingSpec:
        if (self.reading == "value") != (self.value is not None):
            raise ValueError("cần 'value' khi và chỉ khi reading là 'value'")
        return self


class OverlayFile(_Strict):
    kind: Literal["overlay"]
    id: str = Field(pattern=_ID)
    title: str
    version: str = "1"
    applies_to: list[str] = Field(default_factory=list)  # pack ids; empty = any
    bases: list[str] = Field(default_factory=list)
    quorum: QuorumSpec | None = None
    votes: dict[AwardId, VoteSpec] = Field(default_factory=dict)
    seats: dict[AwardId, SeatsSpec] = Field(default_factory=dict)
    awards: dict[AwardId, AwardSpec] = Field(default_factory=dict)  # local titles
    criteria: dict[str, CriterionPatch] = Field(default_factory=dict)  # by short id
    add_criteria: dict[AwardId, dict[Literal["individual", "collective", "household"], list[CriterionSpec]]] = Field(
        default_factory=dict)
    # pack id → criterion short id, list rule id or "vote.<award id>" → the council's reading
    settled: dict[str, dict[str, ReadingSpec]] = Field(default_factory=dict)


# ------------------------------------------------------------------------------ runtime
@dataclass(frozen=True)
class Criterion:
    id: str  # full id: "<prefix>.<short>"
    short: str
    award: str
    kind: str  # individual | collective | household
    text: str
    check: str
    params: Params | None  # None while delegated and unset
    raw_params: dict[str, Any]
    basis: str
    status: str
    note: str | None
    if_missing: str
    delegated: str | None
    severity: str | None
    source: str  # pack id or overlay id
    reading: Reading | None = None  # the council's reading when it settled this uncertain criterion


@dataclass(frozen=True)
class Reading:
    """The council's reading of one uncertain fact, as applied to a loaded ruleset (tdkt.readings)."""

    pack: str
    target: str  # the key in the overlay: criterion short id, list rule id or "vote.<award id>"
    rule: str  # the full id findings carry ("l06.cstdcs.initiative-2026", "vote.chien_si_thi_dua_toan_quoc")
    what: Literal["criterion", "list_rule", "vote"]
    label: str  # the criterion's text, or "Biểu quyết …"
    awards: tuple[str, ...]
    reading: str  # applies | not_applies | value
    value: Any
    article: str
    text: str
    date: dt.date
    source: str  # the overlay file
    check: str | None = None  # the criterion's predicate kind (its params name the value's keys)

    @property
    def phrase(self) -> str:
        """What the council decided, in Vietnamese (no ids)."""
        from tdkt.readings import phrase

        return phrase(self)

    @property
    def basis(self) -> str:
        return f"{self.article} (Hội đồng xác định ngày {self.date.strftime('%d/%m/%Y')})"


@dataclass(frozen=True)
class Requirement:
    status: str
    note: str | None
    basis: str | None
    criteria: tuple[Criterion, ...]


@dataclass(frozen=True)
class AwardRules:
    id: str
    name: str
    local: bool
    aliases: tuple[str, ...]
    requirements: dict[str, Requirement]
    vote: VoteSpec | None
    prize: PrizeSpec | None


@dataclass(frozen=True)
class ListRule:
    id: str
    text: str
    params: ListCapParams
    basis: str
    status: str
    note: str | None


@dataclass
class Ruleset:
    """A pack for one regime with the council's overlays applied, as of the date ``on``."""

    id: str
    version: str
    title: str
    prefix: str
    valid_from: dt.date
    valid_to: dt.date | None
    on: dt.date | None
    sources: list[str]
    bases: list[BaseLine]
    household_factor: Decimal | None
    awards: dict[str, AwardRules]
    list_rules: list[ListRule]
    exclusive: list[ExclusiveSpec]
    special_time: dict[str, SpecialSpec]
    notices: list[NoticeSpec]
    rating_caps: list[RatingCapSpec] = field(default_factory=list)
    overlays: list[OverlayFile] = field(default_factory=list)
    chosen_by: str = ""  # why this pack, in plain words: it reaches the .xlsx an officer reads
    hint: str = ""  # a terminal-only hint (a command option) for a better choice
    readings: list[Reading] = field(default_factory=list)  # the council's readings of uncertain facts
    dates: dict[str, dt.date] = field(default_factory=dict)  # instrument number → date the workspace gives

    # -- identity
    @property
    def label(self) -> str:
        extra = " + " + ", ".join(o.id for o in self.overlays) if self.overlays else ""
        return f"{self.id}{extra}"

    def criteria(self) -> list[Criterion]:
        return [c for a in self.awards.values() for r in a.requirements.values() for c in r.criteria]

    def rule_ids(self) -> list[str]:
        return [c.id for c in self.criteria()] + [r.id for r in self.list_rules]

    # -- API used by tally and render
    def award_name(self, award_id: str) -> str:
        a = self.awards.get(award_id)
        return a.name if a else award_catalogue.name(award_id)

    def extra_awards(self) -> dict[str, str]:
        """fold(alias) → id for the overlay's local titles (for ingest's ``extra_awards``)."""
        out: dict[str, str] = {}
        for a in self.awards.values():
            if a.local:
                for alias in (a.name, a.id.replace("_", " "), *a.aliases):
                    out[fold(alias)] = a.id
        return out

    def vote_policy(self, award_id: str) -> VotePolicy:
        """The council vote rule for an award: overlay first, then the law (with its fallback)."""
        for o in reversed(self.overlays):
            if award_id in o.votes:
                ov_spec = o.votes[award_id]  # the council may also say "no vote" (not_required) for an award
                ov_status = ov_spec.status if ov_spec.status in ("not_required", "unset") else "overlay"
                return _policy(award_id, ov_spec, ov_status, f"{o.title}")
        a = self.awards.get(award_id)
        spec = a.vote if a else None
        if spec is None:
            return VotePolicy(award=award_id, status="unset", uncertain=True,
                              note=f"Bộ tiêu chí {self.title} không có quy định biểu quyết cho "
                                   f"{self.award_name(award_id)}; Hội đồng cần đặt trong quy chế.")
        if spec.status == "unset" and spec.fallback and self.on is not None and self.on <= spec.fallback.until:
            fb = spec.fallback
            return VotePolicy(award=award_id, share_num=fb.share, share_den=fb.share_den, denominator=spec.of,
                              comparison=spec.comparison, ballot_required=True, status="law", basis=fb.basis,
                              uncertain=spec.uncertain, note=fb.note)
        status = "overlay" if a is not None and a.local and spec.status == "law" else spec.status
        return _policy(award_id, spec, status, None)

    def quorum(self) -> tuple[int, int] | None:
        for o in reversed(self.overlays):
            if o.quorum:
                return (o.quorum.num, o.quorum.den)
        return None

    def seats(self, award_id: str) -> int | None:
        for o in reversed(self.overlays):
            s = o.seats.get(award_id)
            if s and s.max is not None:
                return s.max
        return None

    def seats_per_cluster(self, award_id: str) -> int | None:
        for o in reversed(self.overlays):
            s = o.seats.get(award_id)
            if s and s.per_cluster is not None:
                return s.per_cluster
        return None

    def seats_basis(self, award_id: str) -> str | None:
        for o in reversed(self.overlays):
            s = o.seats.get(award_id)
            if s:
                return s.basis or o.title
        return None

    def legal_bases(self) -> list[str]:
        """The căn cứ lines of the regime (laws, decrees, circulars), without "Căn cứ" and punctuation."""
        day = self.on
        return [_dated(b.text, b.number, self.dates) for b in self.bases
                if day is None or ((b.from_ is None or b.from_ <= day) and (b.until is None or day <= b.until))]

    def overlay_bases(self) -> list[str]:
        """The council's own regulation lines from the overlays, in the same form."""
        return [b for o in self.overlays for b in o.bases]

    def prize_multiple(self, award_id: str, kind: str) -> Decimal | None:
        """Prize as a multiple of the mức lương cơ sở (None where the law text was not retrieved)."""
        a = self.awards.get(award_id)
        p = a.prize if a else None
        if p is None:
            return None
        if kind == "individual":
            return p.individual
        if kind == "collective":
            return p.collective
        if kind == "household":
            if p.household is not None:
                return p.household
            if p.individual is not None and self.household_factor is not None and a is not None and not a.local:
                return p.individual * self.household_factor
            return None
        raise ValueError(f"unknown kind {kind!r}")

    def active_notices(self) -> list[NoticeSpec]:
        if self.on is None:
            return [n for n in self.notices if n.from_ is None]
        return [n for n in self.notices
                if (n.from_ is None or n.from_ <= self.on) and (n.until is None or self.on <= n.until)]


def _policy(award_id: str, spec: VoteSpec, status: str, source: str | None) -> VotePolicy:
    st: Any = status
    if st == "law" and spec.status != "law":
        st = spec.status
    return VotePolicy(award=award_id, share_num=spec.share if st in ("law", "overlay") else None,
                      share_den=spec.share_den, denominator=spec.of, comparison=spec.comparison,
                      ballot_required=spec.ballot, status=st, basis=spec.basis or source,
                      uncertain=spec.uncertain, note=spec.note)


# ------------------------------------------------------------------------------ loading
def _fail(path: Path | str, loc: str, reason: str) -> RuleFileError:
    where = f", mục '{loc}'" if loc else ""
    return RuleFileError(f"Tệp tiêu chí {path}{where}: {reason}")


def _loc(parts: tuple[Any, ...]) -> str:
    out = ""
    for p in parts:
        if isinstance(p, int):
            out += f"[{p}]"
        else:
            out += ("." if out else "") + str(p)
    return out


def _explain(err: dict[str, Any]) -> str:
    from tdkt.errors import explain

    return explain(err)


def _validation(path: Path | str, exc: ValidationError, prefix: str = "") -> RuleFileError:
    err = exc.errors()[0]
    parts = tuple(err["loc"])
    if parts[-1:] == ("[key]",):  # a mapping's key is wrong: name the mapping, the key is in the reason
        parts = parts[:-2]
    loc = _loc(parts)
    return _fail(path, ".".join(p for p in (prefix, loc) if p), _explain(dict(err)))


class _DuplicateKey(Exception):
    def __init__(self, key: str, line: int, first: int) -> None:
        super().__init__(key)
        self.key, self.line, self.first = key, line, first


@cache
def _loader() -> Any:
    """YAML's safe loader (libyaml's when present: rule packs load 10× faster) refusing a key written
    twice in one mapping: PyYAML keeps the last silently, so a copy-paste leftover like a second
    ``quorum:`` would change the council's rules unseen."""
    import yaml

    base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):  # type: ignore[misc]
        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            seen: dict[Any, int] = {}
            for key_node, _ in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge" or not isinstance(key_node, yaml.ScalarNode):
                    continue
                key = self.construct_object(key_node, deep=True)
                line = key_node.start_mark.line + 1
                if key in seen:
                    raise _DuplicateKey(str(key), line, seen[key])
                seen[key] = line
            return super().construct_mapping(node, deep=deep)

    return Loader


def _dated(text: str, number: str | None, dates: dict[str, dt.date]) -> str:
    """A căn cứ line with the date the workspace gives for its instrument (``[legal.dates]``), right
    after the number as NĐ 30 writes it ("Thông tư số 12/2019/TT-BNV ngày … của Bộ Nội vụ")."""
    from tdkt.render.filters import vn_date

    if not number or number not in dates:
        return text
    day = vn_date(dates[number])
    return text.replace(number, f"{number} {day}", 1) if number in text else f"{text} {day}"


def _long_number_line(text: str) -> str:
    """", dòng N" of the first run of more than 4,300 digits in ``text``, or ""."""
    import re

    m = re.search(r"\d{4301,}", text)
    return f", dòng {text.count(chr(10), 0, m.start()) + 1}" if m else ""


def read_yaml(path: Path) -> dict[str, Any]:
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise RuleFileError(f"Không đọc được tệp tiêu chí {path}: không phải văn bản UTF-8 "
                            f"(byte lỗi ở vị trí {exc.start}).") from exc
    except OSError as exc:
        from tdkt.output import read_reason

        raise RuleFileError(f"Không đọc được tệp tiêu chí {path}: {read_reason(exc)}.") from exc
    try:
        data = yaml.load(text, Loader=_loader())
    except _DuplicateKey as exc:
        raise RuleFileError(f"Tệp tiêu chí {path}, dòng {exc.line}: khóa '{exc.key}' viết hai lần trong cùng một "
                            f"mục (lần đầu ở dòng {exc.first}); xóa một lần để khỏi nhầm giá trị nào được dùng.") from exc
    except ValueError as exc:  # int() of a number past Python's 4,300 digits (a paste gone wrong)
        raise RuleFileError(f"Tệp tiêu chí {path}{_long_number_line(text)}: có một số quá dài (hơn 4.300 chữ số); "
                            "kiểm tra lại giá trị.") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (dòng {mark.line + 1})" if mark is not None else ""
        raise RuleFileError(f"Tệp tiêu chí {path} không đúng cú pháp YAML{where}.") from exc
    if not isinstance(data, dict):
        raise _fail(path, "", "cần một bảng khóa–giá trị ở mức ngoài cùng")
    return data


def _builtin_dir() -> Path:
    return Path(str(resources.files("tdkt").joinpath("rules")))


@cache
def builtin_ids() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in _builtin_dir().glob("*.yaml") if p.stem != "awards"))


def _builtin_path(pack_id: str) -> Path:
    if pack_id not in builtin_ids():
        raise InputError(f"Không có bộ tiêu chí '{pack_id}'. Các bộ có sẵn: {', '.join(builtin_ids())}.")
    return _builtin_dir() / f"{pack_id}.yaml"


def _merge_by_id(base: list[Any], patch: list[Any]) -> list[Any]:
    out = [copy.deepcopy(x) for x in base]
    index = {x.get("id"): i for i, x in enumerate(out) if isinstance(x, dict)}
    drop: set[str] = set()
    for item in patch:
        if not isinstance(item, dict) or item.get("id") not in index:
            out.append(item)
            continue
        if item.get("remove"):
            drop.add(item["id"])
            continue
        target = out[index[item["id"]]]
        for k, v in item.items():
            target[k] = _merge(target.get(k), v) if k == "params" else v
    return [x for x in out if not (isinstance(x, dict) and x.get("id") in drop)]


def _merge(base: Any, patch: Any) -> Any:
    if isinstance(base, dict) and isinstance(patch, dict):
        out = dict(base)
        for k, v in patch.items():
            out[k] = _merge(base.get(k), v) if k in base else v
        return out
    if isinstance(base, list) and isinstance(patch, list) and all(isinstance(x, dict) and "id" in x for x in base + patch):
        return _merge_by_id(base, patch)
    return copy.deepcopy(patch)


@cache
def _builtin_raw(path: Path) -> dict[str, Any]:
    return read_yaml(path)


def _read_pack_yaml(path: Path) -> dict[str, Any]:
    if path.parent == _builtin_dir():
        return copy.deepcopy(_builtin_raw(path))
    return read_yaml(path)


def _raw_pack(path: Path, seen: tuple[str, ...] = ()) -> tuple[dict[str, Any], list[str]]:
    data = _read_pack_yaml(path)
    parent = data.get("extends")
    if parent is None:
        return data, [str(path)]
    if not isinstance(parent, str):
        raise _fail(path, "extends", "cần mã một bộ tiêu chí")
    if parent in seen:
        raise _fail(path, "extends", f"vòng lặp kế thừa qua '{parent}'")
    base, sources = _raw_pack(_builtin_path(parent), (*seen, str(data.get("id"))))
    merged = _merge({k: v for k, v in base.items() if k not in ("valid_to", "notices", "extends")}, data)
    merged["notices"] = _merge_by_id(base.get("notices", []), data.get("notices", []))
    return merged, [*sources, str(path)]


def _criterion(spec: CriterionSpec, prefix: str, award: str, kind: str, source: str, path: str, loc: str) -> Criterion:
    if spec.check not in REGISTRY:
        raise _fail(path, f"{loc}.check", f"vị từ '{spec.check}' không có trong danh mục ({', '.join(REGISTRY)})")
    parsed: Params | None = None
    if spec.delegated is None:
        try:
            parsed = parse_params(spec.check, spec.params)
        except ValidationError as exc:
            raise _validation(path, exc, f"{loc}.params") from exc
        except KeyError as exc:
            raise _fail(path, f"{loc}.params.of", f"vị từ {exc} không có trong danh mục") from exc
        except ValueError as exc:
            raise _fail(path, f"{loc}.params", str(exc)) from exc
    return Criterion(id=f"{prefix}.{spec.id}", short=spec.id, award=award, kind=kind, text=spec.text, check=spec.check,
                     params=parsed, raw_params=dict(spec.params), basis=spec.basis, status=spec.status, note=spec.note,
                     if_missing=spec.if_missing, delegated=spec.delegated, severity=spec.severity, source=source)


def _award_rules(award_id: str, spec: AwardSpec, prefix: str, source: str, path: str, local: bool) -> AwardRules:
    reqs: dict[str, Requirement] = {}
    for kind in KINDS:
        r: RequirementSpec | None = getattr(spec, kind)
        if r is None:
            continue
        crits = tuple(
            _criterion(c, prefix, award_id, kind, source, path, f"awards.{award_id}.{kind}.criteria[{i}]")
            for i, c in enumerate(r.criteria)
        )
        reqs[kind] = Requirement(r.status, r.note, r.basis, crits)
    name = spec.name or award_catalogue.name(award_id)
    return AwardRules(award_id, name, local, tuple(spec.aliases), reqs, spec.vote, spec.prize)


def _build(pack: PackFile, path: str, sources: list[str]) -> Ruleset:
    awards: dict[str, AwardRules] = {}
    known = award_catalogue.catalogue()
    for aid, spec in pack.awards.items():
        if aid not in known:
            raise _fail(path, f"awards.{aid}", "mã khen thưởng không có trong danh mục awards.yaml")
        awards[aid] = _award_rules(aid, spec, pack.prefix, pack.id, path, local=False)
    list_rules = []
    for i, lr in enumerate(pack.list_rules):
        try:
            params = ListCapParams.model_validate(lr.params)
        except ValidationError as exc:
            raise _validation(path, exc, f"list_rules[{i}].params") from exc
        list_rules.append(ListRule(f"{pack.prefix}.{lr.id}", lr.text, params, lr.basis, lr.status, lr.note))
    ids = [c.id for a in awards.values() for r in a.requirements.values() for c in r.criteria] + [r.id for r in list_rules]
    dup = sorted({i for i in ids if ids.count(i) > 1})
    if dup:
        raise _fail(path, "awards", f"mã tiêu chí trùng: {', '.join(dup)}")
    return Ruleset(
        id=pack.id, version=pack.version, title=pack.title, prefix=pack.prefix, valid_from=pack.valid_from,
        valid_to=pack.valid_to, on=None, sources=sources,
        bases=[b if isinstance(b, BaseLine) else BaseLine(text=b) for b in pack.legal_bases],
        household_factor=pack.household_factor, awards=awards, list_rules=list_rules, exclusive=list(pack.exclusive),
        special_time={str(k): v for k, v in pack.special_time.items()}, notices=list(pack.notices),
        rating_caps=list(pack.rating_caps),
    )


def _load_pack_path(path: Path) -> Ruleset:
    raw, sources = _raw_pack(path)
    try:
        pack = PackFile.model_validate(raw)
    except ValidationError as exc:
        raise _validation(path, exc) from exc
    return _build(pack, str(path), sources)


def parse_overlay(path: Path, data: dict[str, Any] | None = None) -> OverlayFile:
    data = read_yaml(path) if data is None else data
    try:
        return OverlayFile.model_validate(data)
    except ValidationError as exc:
        raise _validation(path, exc) from exc


def apply_overlay(rs: Ruleset, ov: OverlayFile, path: Path) -> None:
    """Apply one council overlay to a ruleset in place (validated: unknown ids are errors)."""
    p = str(path)
    if ov.applies_to and rs.id not in ov.applies_to:
        raise _fail(path, "applies_to", f"quy chế này dành cho {', '.join(ov.applies_to)}, không dùng được với bộ tiêu chí {rs.id}")
    known = set(award_catalogue.catalogue())
    for aid, spec in ov.awards.items():
        if aid in known or aid in rs.awards:
            raise _fail(path, f"awards.{aid}", "trùng mã khen thưởng đã có; danh hiệu riêng cần mã mới")
        if not spec.name:
            raise _fail(path, f"awards.{aid}.name", "danh hiệu riêng cần tên tiếng Việt")
        rs.awards[aid] = _award_rules(aid, spec, ov.id, ov.id, p, local=True)
    for section in ("votes", "seats"):
        for aid in getattr(ov, section):
            if aid not in rs.awards:
                raise _fail(path, f"{section}.{aid}", f"mã khen thưởng '{aid}' không có trong bộ tiêu chí {rs.id} hay quy chế")
    by_short = {c.short: c for c in rs.criteria()} | {c.id: c for c in rs.criteria()}
    lists = {r.id.split(".", 1)[1]: i for i, r in enumerate(rs.list_rules)} | {r.id: i for i, r in enumerate(rs.list_rules)}
    for key, patch in ov.criteria.items():
        if key in lists:  # a list-level rule, e.g. a stricter cap than the law's
            i = lists[key]
            lr = rs.list_rules[i]
            try:
                params = ListCapParams.model_validate({**lr.params.model_dump(), **(patch.params or {})})
            except ValidationError as exc:
                raise _validation(path, exc, f"criteria.{key}.params") from exc
            rs.list_rules[i] = ListRule(lr.id, patch.text or lr.text, params,
                                        "; ".join(b for b in (lr.basis, patch.basis or ov.title) if b),
                                        patch.status or lr.status, patch.note or lr.note)
            continue
        crit = by_short.get(key)
        if crit is None:
            raise _fail(path, f"criteria.{key}", f"không có tiêu chí '{key}' trong bộ tiêu chí {rs.id}")
        cspec = CriterionSpec(
            id=crit.short, text=patch.text or crit.text, check=crit.check,
            params={**crit.raw_params, **(patch.params or {})},
            basis="; ".join(b for b in (crit.basis, patch.basis or ov.title) if b),
            status=patch.status or ("confirmed" if crit.delegated and patch.params else crit.status),
            note=patch.note or crit.note, if_missing=crit.if_missing,
            delegated=None if patch.params else crit.delegated,
            severity=patch.severity or crit.severity,
        )
        new = _criterion(cspec, rs.prefix, crit.award, crit.kind, ov.id, p, f"criteria.{key}")
        _replace(rs, crit, new)
    for aid, kinds in ov.add_criteria.items():
        a = rs.awards.get(aid)
        if a is None:
            raise _fail(path, f"add_criteria.{aid}", f"mã khen thưởng '{aid}' không có trong bộ tiêu chí {rs.id}")
        for kind, specs in kinds.items():
            req = a.requirements.get(kind)
            if req is None:
                raise _fail(path, f"add_criteria.{aid}.{kind}", f"{a.name} không xét cho đối tượng này")
            new_crits = tuple(_criterion(s, ov.id, aid, kind, ov.id, p, f"add_criteria.{aid}.{kind}[{i}]")
                              for i, s in enumerate(specs))
            status = "known" if req.status == "delegated" else req.status
            a.requirements[kind] = Requirement(status, req.note, req.basis, req.criteria + new_crits)
    ids = rs.rule_ids()
    dup = sorted({i for i in ids if ids.count(i) > 1})
    if dup:
        raise _fail(path, "", f"mã tiêu chí trùng: {', '.join(dup)}")
    if rs.id in ov.settled:
        from tdkt.readings import apply_readings

        apply_readings(rs, ov.settled[rs.id], path)
    rs.overlays.append(ov)
    rs.sources.append(p)


def _replace(rs: Ruleset, old: Criterion, new: Criterion) -> None:
    a = rs.awards[old.award]
    req = a.requirements[old.kind]
    a.requirements[old.kind] = Requirement(req.status, req.note, req.basis,
                                           tuple(new if c.id == old.id else c for c in req.criteria))


def overlay_files(overlay: Path) -> list[Path]:
    if overlay.is_dir():
        from tdkt.council_overlay import FILE_NAME

        files = sorted([*overlay.glob("*.yaml"), *overlay.glob("*.yml")])
        return sorted(files, key=lambda f: f.name == FILE_NAME)  # what commands record applies last
    if overlay.is_file():
        return [overlay]
    raise InputError(f"Không tìm thấy quy chế (overlay) {overlay}.")


def overlay_titles(paths: Sequence[Path]) -> Iterator[tuple[OverlayFile, str, AwardSpec]]:
    """(overlay, id, spec) of every local title in the overlay files or folders ``paths`` (those that
    exist), read before any pack is chosen (an award option, ingest's aliases, ``rules awards``)."""
    for p in paths:
        if not p.exists():
            continue
        for f in overlay_files(p) if p.is_dir() else [p]:
            data = read_yaml(f)
            if data.get("kind") != "overlay":
                continue
            ov = parse_overlay(f, data)
            for aid, spec in ov.awards.items():
                yield ov, aid, spec


def pack_for_date(on: dt.date) -> str:
    """The id of the built-in pack in force on a date (by its valid_from / valid_to)."""
    best: tuple[dt.date, str] | None = None
    for pid in builtin_ids():
        raw, _ = _raw_pack(_builtin_path(pid))
        start = dt.date.fromisoformat(str(raw["valid_from"]))
        end = raw.get("valid_to")
        end_d = dt.date.fromisoformat(str(end)) if end else None
        if start <= on and (end_d is None or on <= end_d) and (best is None or start > best[0]):
            best = (start, pid)
    if best is None:
        raise InputError(
            f"Không có bộ tiêu chí cho ngày {on.strftime('%d/%m/%Y')}: tdkt có các chế độ từ 01/10/2017 "
            "(NĐ 91/2017). Dùng --rules để chọn."
        )
    return best[1]


def load_ruleset(ref: str | Path | None = None, *, on: dt.date | None = None, overlay: Path | None = None,
                 dates: dict[str, dt.date] | None = None) -> Ruleset:
    """Load a rule pack and apply the council's overlay.

    Args:
        ref: a built-in pack id (``nd91-2017``…), a path to a pack file, a path to an overlay file
            (applied on the pack for ``on``), or None for the pack in force on ``on``.
        on: the round's meeting date; chooses the pack and the transitional vote rules.
        overlay: a workspace ``rules/`` folder or an overlay file (missing folder = no overlay).
        dates: instrument number → date, from the workspace (``[legal.dates]``), for căn cứ lines whose
            date the pack does not confirm.

    Raises:
        RuleFileError: a pack or overlay is malformed (file and path named).
        InputError: no pack for the date, or an unknown pack id.
    """
    overlays: list[tuple[Path, OverlayFile]] = []
    chosen = ""
    rs: Ruleset
    if ref is not None and (isinstance(ref, Path) or "/" in str(ref) or str(ref).endswith((".yaml", ".yml"))):
        path = Path(ref)
        if path.is_dir():
            overlays += [(f, parse_overlay(f)) for f in overlay_files(path)]
            ref = None
        else:
            if not path.is_file():
                raise InputError(f"Không tìm thấy tệp tiêu chí {path}.")
            data = read_yaml(path)
            if data.get("kind") == "overlay":
                overlays.append((path, parse_overlay(path, data)))
                ref = None
            else:
                rs = _load_pack_path(path)
                chosen = f"tệp {path}"
    if ref is None:
        day = on or dt.date.today()
        pid = pack_for_date(day)
        rs = _load_pack_path(_builtin_path(pid))
        chosen = f"theo ngày {day.strftime('%d/%m/%Y')}"
    elif not chosen:
        rs = _load_pack_path(_builtin_path(str(ref)))
        chosen = "bộ tiêu chí được chỉ định khi thẩm định"
    rs.on = on
    rs.chosen_by = chosen
    rs.dates = dict(dates or {})
    if overlay is not None and (overlay.exists() or overlay.suffix in (".yaml", ".yml")):
        # A file of the workspace's rules/ folder written for other packs (``applies_to``: e.g. the vote shares
        # NĐ 152 leaves to the unit, tdkt.regulation) is left out of a round under this pack; a file named
        # on its own (or with --rules) that does not apply is an error.
        found = [(f, parse_overlay(f)) for f in overlay_files(overlay)]
        if overlay.is_dir():
            found = [(f, ov) for f, ov in found if not ov.applies_to or rs.id in ov.applies_to]
        overlays = found + overlays
    for path, ov in overlays:
        apply_overlay(rs, ov, path)
    return rs


def available() -> list[Ruleset]:
    """Every built-in pack, oldest regime first."""
    return sorted((load_ruleset(pid) for pid in builtin_ids()), key=lambda r: r.valid_from)


def check_file(path: Path) -> tuple[str, Ruleset]:
    """Validate a pack or overlay file (``tdkt rules check``). Returns ("pack"|"overlay", ruleset)."""
    data = read_yaml(path)
    if data.get("kind") == "overlay":
        return "overlay", check_overlay(path, parse_overlay(path, data))
    return "pack", _load_pack_path(path)


def check_overlay(path: Path, ov: OverlayFile) -> Ruleset:
    """Apply an overlay on every built-in pack it may meet (its ``applies_to``, else all); the last one.

    Raises RuleFileError naming ``path`` and the entry: an unknown id, a reading of a pack that is
    not built in or that the overlay does not apply to, a reading of a fact that is not uncertain.
    """
    targets = ov.applies_to or [r.id for r in available()]
    for pid in ov.settled:
        if pid not in builtin_ids() or pid not in targets:
            raise _fail(path, f"settled.{pid}", f"không có bộ tiêu chí '{pid}' mà quy chế này áp dụng")
    rs = None
    for target in targets:  # must apply cleanly on each pack it may meet
        rs = load_ruleset(target)
        apply_overlay(rs, ov, path)
    assert rs is not None
    return rs


def lint(rs: Ruleset) -> list[str]:
    """Advice (not errors) about a loaded ruleset: criteria without a legal basis, delegated values unset."""
    out = []
    for c in rs.criteria():
        if not c.basis.strip():
            out.append(f"Tiêu chí {c.id} không ghi căn cứ pháp lý (basis).")
        if c.delegated:
            out.append(f"Tiêu chí {c.id}: pháp luật giao Hội đồng quy định {c.delegated}; quy chế chưa đặt.")
    return out

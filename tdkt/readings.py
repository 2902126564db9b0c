"""The council's readings of uncertain facts: what a pack leaves open, and how a council settles it.

Where ``legal.md`` marks a fact UNCERTAIN, the pack says so and a verdict that depends on it is
"cần xem xét". The officers have the texts on their desks (Luật 06/2026/QH16, TT 15/2025/TT-BNV…):
``tdkt rules settle`` lets the council record once how it reads one of them — it **applies as
written**, it **does not apply**, or it applies with **a value** — with the article and the words the
officer cites and the date. The reading lives in the workspace overlay (``settled: <pack>: <id>:``,
written by :mod:`tdkt.council_overlay`), so it is versioned with the workspace, checked when a round
loads its rules, shown by ``tdkt rules show``, named in the findings, the Báo cáo and the căn cứ. The
bundled packs are never edited.

What can be settled (``uncertain_items``): a criterion or a list rule whose status is uncertain, and
a vote rule the pack marks uncertain. The key is the criterion's short id (``cstdcs.initiative-2026``),
the list rule's (``cocp.cap``), or ``vote.<award id>``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import ValidationError

from tdkt import vocab
from tdkt.errors import UsageError

if TYPE_CHECKING:
    from tdkt.ruleset import Reading, ReadingSpec, Ruleset



@dataclass(frozen=True)
class Item:
    """One uncertain fact of a loaded ruleset, settled or not."""

    key: str  # what ``tdkt rules settle KEY`` takes
    rule: str  # the full id findings carry
    what: Literal["criterion", "list_rule", "vote"]
    label: str
    awards: tuple[str, ...]
    basis: str
    reading: Reading | None

    def to_dict(self, rs: Ruleset) -> dict[str, Any]:
        r = self.reading
        return {"key": self.key, "rule": self.rule, "what": self.what, "text": self.label,
                "awards": list(self.awards), "basis": self.basis,
                "settled": None if r is None else {"reading": r.reading, "value": r.value, "article": r.article,
                                                   "text": r.text, "date": r.date.isoformat(), "source": r.source}}


# ------------------------------------------------------------------------------ applying
def apply_readings(rs: Ruleset, entries: Mapping[str, ReadingSpec], path: Path) -> None:
    """Apply the council's readings of ``rs``'s uncertain facts (from one overlay), in place.

    Raises RuleFileError naming the file and ``settled.<pack>.<key>``: an unknown key, a fact that is
    not uncertain (a pack update may have confirmed it: the entry must go), a value that does not fit.
    """
    for key, spec in entries.items():
        loc = f"settled.{rs.id}.{key}"
        if key.startswith("vote."):
            _settle_vote(rs, key, spec, path, loc)
            continue
        lists = {r.id.split(".", 1)[1]: i for i, r in enumerate(rs.list_rules)}
        if key in lists:
            _settle_list_rule(rs, key, lists[key], spec, path, loc)
            continue
        _settle_criterion(rs, key, spec, path, loc)


def _fail(path: Path, loc: str, reason: str) -> Exception:
    from tdkt.ruleset import _fail as fail

    return fail(path, loc, reason)


def _record(rs: Ruleset, key: str, rule: str, what: Any, label: str, awards: tuple[str, ...], spec: ReadingSpec,
            path: Path, check: str | None = None) -> Reading:
    from tdkt.ruleset import Reading

    r = Reading(pack=rs.id, target=key, rule=rule, what=what, label=label, awards=awards, reading=spec.reading,
                value=spec.value, article=spec.article, text=spec.text, date=spec.date, source=str(path), check=check)
    rs.readings.append(r)
    return r


def _settle_criterion(rs: Ruleset, key: str, spec: ReadingSpec, path: Path, loc: str) -> None:
    from tdkt.predicates import parse_params
    from tdkt.ruleset import Requirement, _replace, _validation

    crit = next((c for c in rs.criteria() if key in (c.short, c.id)), None)
    if crit is None:
        raise _fail(path, loc, f"không có tiêu chí '{key}' trong bộ tiêu chí {rs.id}")
    if crit.status != "uncertain" or crit.reading is not None:
        raise _fail(path, loc, f"tiêu chí '{key}' của bộ {rs.id} không phải căn cứ chưa xác thực "
                               "(có thể bộ tiêu chí đã được cập nhật): bỏ mục này khỏi quy chế")
    r = _record(rs, crit.short, crit.id, "criterion", crit.text, (crit.award,), spec, path, crit.check)
    if spec.reading == "not_applies":
        a = rs.awards[crit.award]
        req = a.requirements[crit.kind]
        a.requirements[crit.kind] = Requirement(req.status, req.note, req.basis,
                                                tuple(c for c in req.criteria if c.id != crit.id))
        return
    params, raw = crit.params, dict(crit.raw_params)
    if spec.reading == "value":
        if not isinstance(spec.value, Mapping):
            raise _fail(path, f"{loc}.value", "cần các tham số của tiêu chí (khóa: giá trị)")
        raw = {**raw, **spec.value}
        try:
            params = parse_params(crit.check, raw)
        except ValidationError as exc:
            raise _validation(path, exc, f"{loc}.value") from exc
        except (KeyError, ValueError) as exc:
            raise _fail(path, f"{loc}.value", str(exc)) from exc
    _replace(rs, crit, dataclasses.replace(crit, params=params, raw_params=raw, status="confirmed", basis=r.basis,
                                           delegated=None, reading=r))


def _settle_list_rule(rs: Ruleset, key: str, i: int, spec: ReadingSpec, path: Path, loc: str) -> None:
    from tdkt.predicates import ListCapParams
    from tdkt.ruleset import _validation

    lr = rs.list_rules[i]
    if lr.status != "uncertain":
        raise _fail(path, loc, f"quy tắc '{key}' của bộ {rs.id} không phải căn cứ chưa xác thực: bỏ mục này khỏi quy chế")
    r = _record(rs, key, lr.id, "list_rule", lr.text, (lr.params.award,), spec, path)
    if spec.reading == "not_applies":
        del rs.list_rules[i]
        return
    params = lr.params
    if spec.reading == "value":
        if not isinstance(spec.value, Mapping):
            raise _fail(path, f"{loc}.value", "cần các tham số của quy tắc (khóa: giá trị)")
        try:
            params = ListCapParams.model_validate({**lr.params.model_dump(), **spec.value})
        except ValidationError as exc:
            raise _validation(path, exc, f"{loc}.value") from exc
    rs.list_rules[i] = dataclasses.replace(lr, params=params, status="confirmed", basis=r.basis)


def parse_share(value: Any) -> dict[str, Any]:
    """A vote share as the officer writes it: 80, "80%", "2/3", or {share, share_den, of, comparison}."""
    if isinstance(value, Mapping):
        return dict(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return {"share": value}
    m = re.fullmatch(r"\s*(\d+)\s*(?:%|phần trăm)?\s*", str(value))
    if m:
        return {"share": int(m[1])}
    m = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", str(value))
    if m:
        return {"share": int(m[1]), "share_den": int(m[2])}
    raise ValueError(f"tỷ lệ '{value}' không hiểu được: viết 80, 80% hoặc 2/3")


def _settle_vote(rs: Ruleset, key: str, spec: ReadingSpec, path: Path, loc: str) -> None:
    from tdkt.ruleset import VoteSpec, _validation

    aid = key.removeprefix("vote.")
    a = rs.awards.get(aid)
    if a is None:
        raise _fail(path, loc, f"không có khen thưởng '{aid}' trong bộ tiêu chí {rs.id}")
    vote = a.vote
    if vote is None or not vote.uncertain:
        raise _fail(path, loc, f"quy định biểu quyết {a.name} của bộ {rs.id} không phải căn cứ chưa xác thực: "
                               "bỏ mục này khỏi quy chế")
    r = _record(rs, key, key, "vote", f"Biểu quyết {a.name}", (aid,), spec, path)
    if spec.reading == "applies":
        if vote.share is None or vote.status != "law":
            raise _fail(path, loc, f"bộ {rs.id} không ghi tỷ lệ biểu quyết {a.name} để áp dụng như văn bản: "
                                   "cho tỷ lệ (value)")
        new = vote.model_copy(update={"uncertain": False, "basis": r.basis, "note": None})
    elif spec.reading == "not_applies":
        new = VoteSpec(status="not_required", basis=r.basis)
    else:
        try:
            share = parse_share(spec.value)
            new = VoteSpec.model_validate({"status": "overlay", "of": vote.of, "ballot": True, **share,
                                           "basis": r.basis})
        except ValidationError as exc:
            raise _validation(path, exc, f"{loc}.value") from exc
        except ValueError as exc:
            raise _fail(path, f"{loc}.value", str(exc)) from exc
    rs.awards[aid] = dataclasses.replace(a, vote=new)


# ------------------------------------------------------------------------------ listing
def uncertain_items(rs: Ruleset) -> list[Item]:
    """Every uncertain fact of ``rs`` (criteria, list rules, vote rules), settled or not, in pack order."""
    settled = {r.rule: r for r in rs.readings}
    out: list[Item] = []
    seen: set[str] = set()
    for c in rs.criteria():
        if c.reading is not None or c.status == "uncertain":
            out.append(Item(c.short, c.id, "criterion", c.text, (c.award,), c.basis, c.reading))
            seen.add(c.id)
    for lr in rs.list_rules:
        if lr.status == "uncertain" or lr.id in settled:
            out.append(Item(lr.id.split(".", 1)[1], lr.id, "list_rule", lr.text, (lr.params.award,), lr.basis,
                            settled.get(lr.id)))
            seen.add(lr.id)
    for aid, a in rs.awards.items():
        key = f"vote.{aid}"
        if key in settled or (a.vote is not None and a.vote.uncertain):
            v = rs.vote_policy(aid)
            out.append(Item(key, key, "vote", f"Biểu quyết {a.name}", (aid,), v.basis or v.note or "",
                            settled.get(key)))
            seen.add(key)
    for r in rs.readings:  # criteria and list rules the council read as not applying are gone from rs
        if r.rule not in seen:
            out.append(Item(r.target, r.rule, r.what, r.label, r.awards, r.basis, r))
    return out


def counts(rs: Ruleset) -> dict[str, int]:
    """How many uncertain criteria (with list rules) and vote rules ``rs`` has, and how many are settled."""
    items = uncertain_items(rs)
    return {"criteria": sum(1 for i in items if i.what != "vote"),
            "votes": sum(1 for i in items if i.what == "vote"),
            "settled": sum(1 for i in items if i.reading is not None)}


# ------------------------------------------------------------------------------ wording
def phrase(r: Reading) -> str:
    """The council's reading in Vietnamese, without ids: "không áp dụng", "áp dụng với tỷ lệ ≥ 80 % …"."""
    if r.reading != "value":
        return vocab.READING[r.reading]
    if r.what == "vote":
        s = parse_share(r.value)
        den = s.get("share_den", 100)
        share = f"{s['share']} %" if den == 100 else f"{s['share']}/{den}"
        return f"áp dụng với tỷ lệ từ {share} {vocab.READING_OF.get(str(s.get('of', 'members')), vocab.READING_OF['members'])} trở lên"
    return "áp dụng với " + _values_text(r)


def _values_text(r: Reading) -> str:
    """A criterion's changed params in Vietnamese, by the descriptions of the predicate's fields."""
    from tdkt.predicates import REGISTRY, ListCapParams

    model: Any = ListCapParams
    if r.what == "criterion":
        model = REGISTRY[r.check].params if r.check in REGISTRY else None
    parts = []
    for k, v in dict(r.value).items():
        f = model.model_fields.get(k) if model is not None else None
        label = (f.description if f is not None and f.description else "giá trị")
        parts.append(f"{label}: {v}")
    return "; ".join(parts)


def base_line(r: Reading) -> str:
    """The căn cứ line of a reading, as documents print it (without "Căn cứ" and the final ';')."""
    return f"{r.article} (Hội đồng Thi đua - Khen thưởng thống nhất cách áp dụng ngày {r.date.strftime('%d/%m/%Y')})"


# ------------------------------------------------------------------------------ recording
def round_ruleset(*, session: str | None = None, rules: str | None = None, cwd: Path | None = None) -> Ruleset:
    """The ruleset a round uses (its pack by its meeting date, or ``rules``), with the workspace overlays."""
    from tdkt import workspace
    from tdkt.ruleset import load_ruleset

    ws = workspace.find(cwd)
    overlay = ws.overlay_dir if ws is not None else None
    if rules is not None:
        return load_ruleset(rules, overlay=overlay)
    if ws is None:
        raise UsageError("Cần một không gian làm việc có đợt xét (tdkt init, tdkt session new) hoặc --rules MÃ_BỘ.")
    from tdkt import rounds

    rnd = rounds.get_round(ws.database_url, session)
    rs = load_ruleset(None, on=rnd.date, overlay=overlay)
    rs.chosen_by = f"đợt {rnd.id}, họp ngày {rnd.date.strftime('%d/%m/%Y')}"
    return rs


def parse_value(item: Item, rs: Ruleset, text: str) -> Any:
    """The value of ``--value`` for an item: a vote share, or a criterion's params ("KEY=VALUE …", or a
    bare value when the criterion has one parameter)."""
    import yaml

    if item.what == "vote":
        try:
            parse_share(text)
        except ValueError as exc:
            raise UsageError(str(exc).capitalize() + ".") from None
        return text.strip()
    pairs = [p for p in re.split(r"[;,\s]+(?=[a-z_]+\s*=)", text.strip()) if p]
    out: dict[str, Any] = {}
    if all("=" in p for p in pairs):
        for p in pairs:
            k, _, v = p.partition("=")
            out[k.strip()] = yaml.safe_load(v.strip())
        return out
    raw = _raw_params(item, rs)
    if len(raw) != 1:
        names = ", ".join(raw) or "—"
        raise UsageError(f"Tiêu chí này có nhiều tham số ({names}): ghi --value TÊN=GIÁ_TRỊ, ví dụ --value count=2.")
    return {next(iter(raw)): yaml.safe_load(text.strip())}


def _raw_params(item: Item, rs: Ruleset) -> dict[str, Any]:
    if item.what == "list_rule":
        lr = next(r for r in rs.list_rules if r.id == item.rule)
        return lr.params.model_dump()
    c = next(c for c in rs.criteria() if c.id == item.rule)
    return {k: v for k, v in c.raw_params.items() if not isinstance(v, list | dict)}


def find_item(rs: Ruleset, key: str) -> Item:
    for item in uncertain_items(rs):
        if key in (item.key, item.rule):
            return item
    raise UsageError(f"Bộ tiêu chí {rs.id} không có căn cứ chưa xác thực '{key}'. "
                     "Xem danh sách bằng 'tdkt rules settle' (không có mã).")


def settle(rs: Ruleset, overlay_dir: Path, key: str, *, reading: str, value: str | None, article: str, text: str,
           on: dt.date, force: bool = False, title: str | None = None) -> Item:
    """Record the council's reading of one uncertain fact of ``rs`` in the workspace overlay.

    Returns the item as the reloaded ruleset sees it. Raises UsageError (unknown key, a reading
    already recorded without ``force``, a bad value) or RuleFileError (the overlay would not load).
    """
    from tdkt import council_overlay
    from tdkt.ruleset import load_ruleset

    item = find_item(rs, key)
    path = council_overlay.path_for(overlay_dir)
    if item.reading is not None:
        if Path(item.reading.source).resolve() != path.resolve():
            raise UsageError(f"Cách áp dụng «{item.label}» đã được ghi trong {item.reading.source}; sửa ở tệp đó.")
        if not force:
            raise UsageError(f"Hội đồng đã xác định «{item.label}» ngày {item.reading.date.strftime('%d/%m/%Y')} "
                             f"({item.reading.phrase}; {item.reading.article}). Dùng --force để thay.")
    if not article.strip() or not text.strip():
        raise UsageError("Cần ghi điều khoản (--article) và nội dung trích dẫn (--text) mà Hội đồng căn cứ.")
    entry: dict[str, Any] = {"reading": reading, "article": article.strip(), "text": text.strip(), "date": on}
    if reading == "value":
        if value is None:
            raise UsageError("Cần --value cho cách áp dụng theo giá trị.")
        entry["value"] = parse_value(item, rs, value)
    council_overlay.set_entry(path, "settled", f"{rs.id}/{item.key}", entry, title=title)
    again = load_ruleset(rs.id, on=rs.on, overlay=overlay_dir)
    return find_item(again, item.key)


def pending_phrase(rs: Ruleset) -> str:
    """ "3 tiêu chí và 2 quy định biểu quyết" still unsettled in ``rs`` ("" when none)."""
    items = [i for i in uncertain_items(rs) if i.reading is None]
    crit = sum(1 for i in items if i.what != "vote")
    votes = len(items) - crit
    parts = ([f"{crit} tiêu chí"] if crit else []) + ([f"{votes} quy định biểu quyết"] if votes else [])
    return " và ".join(parts)

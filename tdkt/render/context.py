"""The data of a round's documents: who passed validation and the vote, who decides each award, the
căn cứ, prize money, counts — built from the round's stored results and ``tdkt.toml``.

Templates see only plain dicts, lists and strings (``CONTRACT`` lists the top-level names of
each). The text a secretariat would otherwise type — Điều 1–3, the căn cứ lines, the summary
sentence "Huân chương Lao động hạng Ba: 02 tập thể và 03 cá nhân; …" — is written here, so a
workspace template can rearrange it without re-deriving it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import PurePath
from typing import Any

from tdkt import __version__
from tdkt.awards import catalogue
from tdkt.errors import InputError
from tdkt.models import Round
from tdkt.render.filters import (
    KIND_WORDS,
    collation_key,
    counts_phrase,
    doc_number,
    name_key,
    percent,
    two_digits,
    vn_date,
    vn_number,
)
from tdkt.text import fold, nfc
from tdkt.workspace import Config, Signer, Workspace

KINDS = ("collective", "individual", "household")
AUTHORITY_RANK = {"co_so": 1, "council": 1, "bo_tinh": 2, "thu_tuong": 3, "chu_tich_nuoc": 4}
COMMON = ["doc_title", "tdkt_version", "ruleset_label", "round", "agency", "doc", "trich_yeu", "signer", "recipients"]
CONTRACT: dict[str, list[str]] = {
    "decision": [*COMMON, "authority", "bases", "articles", "annex_title", "annex_note", "annex"],
    "proposal": [*COMMON, "addressee", "bases", "body", "annex_title", "annex_note", "annex"],
    "minutes": [*COMMON, "issuer", "intro", "tallies", "closing", "board"],
    "report": [*COMMON, "sections", "summary_sentence"],
}
RESULT_WORDS = {True: "Đạt", False: "Không đạt", None: "Cần xem xét"}


@dataclass
class Outcome:
    """One nominee with the verdict of validation and, where needed, of the vote."""

    nominee: dict[str, Any]
    award: str
    kind: str
    verdict: str
    vote: dict[str, Any] | None
    vote_required: bool
    approved: bool
    reasons: list[str] = field(default_factory=list)
    name: str = ""
    unit: str = ""


@dataclass
class RoundData:
    """A round's stored results, joined: outcomes per nominee, tallies, the rule pack."""

    round: Round
    config: Config
    url: str
    validation: dict[str, Any]
    validation_inputs: list[dict[str, str]]
    tallies: list[dict[str, Any]]
    outcomes: list[Outcome]
    ruleset: Any | None
    units: list[str]

    @property
    def ruleset_label(self) -> str:
        rs = self.validation.get("ruleset") or {}
        ident = getattr(self.ruleset, "label", None) or getattr(self.ruleset, "id", None) or rs.get("id") or "không rõ"
        version = getattr(self.ruleset, "version", None) or rs.get("version")
        return f"{ident} ({version})" if version else str(ident)


# ---------------------------------------------------------------- loading


def _load_ruleset(ws: Workspace, on: dt.date, ref: str | None) -> Any | None:
    try:
        from tdkt.ruleset import load_ruleset  # type: ignore[attr-defined, unused-ignore]
    except ImportError:  # the rule-pack loader is another module; documents still render without it
        return None
    try:
        return load_ruleset(ref, on=on, overlay=ws.overlay_dir, dates=ws.config.legal.dates)
    except InputError:  # the stored id is not a built-in pack (a file that moved): the pack in force
        return load_ruleset(None, on=on, overlay=ws.overlay_dir, dates=ws.config.legal.dates)


def _vote_required(ruleset: Any | None, award: str, voted_awards: set[str]) -> bool:
    if ruleset is not None and hasattr(ruleset, "vote_policy"):
        try:
            policy = ruleset.vote_policy(award)
        except (KeyError, LookupError):
            policy = None
        if policy is not None:
            return bool(policy.ballot_required)
    # Without a rule pack: a vote counts wherever the council did vote on the award.
    return award in voted_awards


def _result_passed(result: dict[str, Any]) -> bool | None:
    if result.get("status") == "review":
        return None
    elected = result.get("elected")
    return bool(result.get("passed")) if elected is None else bool(elected)


def load(ws: Workspace, round_id: str | None) -> RoundData:
    """Read the round's current validation and tally results from the register."""
    from tdkt.rounds import get_round, runs

    url = ws.database_url
    rnd = get_round(url, round_id)
    validated = runs(url, rnd.id, "validate")
    if not validated:
        raise InputError(
            f"Đợt {rnd.id} chưa có kết quả thẩm định; chạy 'tdkt validate … --session {rnd.id}' trước khi soạn văn bản."
        )
    payload = validated[-1].payload
    tallies = []
    for run in runs(url, rnd.id, "tally"):
        tally = dict(run.payload)
        tally.setdefault("inputs", run.inputs)
        tallies.append(tally)
    ref = (payload.get("ruleset") or {}).get("id")
    ruleset = _load_ruleset(ws, rnd.date, ref)
    return join(rnd, ws.config, url, payload, validated[-1].inputs, tallies, ruleset)


def join(
    rnd: Round,
    config: Config,
    url: str,
    validation: dict[str, Any],
    validation_inputs: list[dict[str, str]],
    tallies: list[dict[str, Any]],
    ruleset: Any | None,
) -> RoundData:
    """Join validation verdicts with tally results (by nominee id, else by name and award)."""
    by_id: dict[str, dict[str, Any]] = {}
    by_name: dict[tuple[str, str], dict[str, Any]] = {}
    voted: set[str] = set()
    for tally in tallies:
        for res in tally.get("results", []):
            if res.get("nominee"):
                by_id[str(res["nominee"])] = res
            by_name[(fold(str(res.get("name") or "")), str(res.get("award") or ""))] = res
            if res.get("award"):
                voted.add(str(res["award"]))
    outcomes: list[Outcome] = []
    units: list[str] = []
    needs_vote: dict[str, bool] = {}
    for nom in validation.get("nominees", []):
        award = str(nom.get("award") or "")
        kind = str(nom.get("kind") or "individual")
        verdict = str(nom.get("verdict") or "review")
        vote = by_id.get(str(nom.get("id"))) or (
            by_name.get((fold(str(nom.get("name") or "")), award)) if by_name else None)
        required = needs_vote.get(award)
        if required is None:  # the same for every nominee of an award (the rule pack's vote policy)
            required = needs_vote[award] = _vote_required(ruleset, award, voted)
        reasons: list[str] = []
        if verdict == "fail":
            reasons += [f["message"] for f in nom.get("findings", []) if f.get("severity") == "error"] or ["Không đạt thẩm định."]
        elif verdict == "review":
            reasons += [f["message"] for f in nom.get("findings", []) if f.get("severity") == "warning"] or [
                "Cần Thường trực xem xét thêm."]
        passed_vote: bool | None = True
        if required and verdict == "pass":
            if vote is None:
                passed_vote = False
                reasons.append("Chưa có kết quả bỏ phiếu của Hội đồng.")
            else:
                passed_vote = _result_passed(vote)
                if passed_vote is False:
                    reasons.append(
                        f"Không đạt tỷ lệ phiếu đồng ý ({vote.get('agree')}/{vote.get('denominator')}, "
                        f"cần {vote.get('required')})."
                    )
                elif passed_vote is None:
                    reasons.append("Kết quả bỏ phiếu cần Hội đồng xem xét lại.")
        unit = nfc(str(nom.get("unit") or ""))
        if unit not in units:
            units.append(unit)
        outcomes.append(
            Outcome(nom, award, kind, verdict, vote, required, verdict == "pass" and passed_vote is True, reasons,
                    nfc(str(nom.get("name") or "")), unit)
        )
    return RoundData(rnd, config, url, validation, validation_inputs, tallies, outcomes, ruleset, units)


# ---------------------------------------------------------------- who decides


def authority(award: str) -> str:
    a = catalogue().get(award)
    return a.authority if a else "council"  # an overlay's local title is the council's own


def decided_here(award: str, level: str) -> bool:
    """True when the council's chair decides the award; False when it goes up in a Tờ trình."""
    auth = authority(award)
    if auth == "council":
        return True
    if level in ("xa", "huyen"):
        return auth == "co_so"
    # A provincial chair also decides the cơ sở titles of units without their own authority (the
    # example round's CSTĐCS decision); such nominees reach the council only in that case.
    return auth in ("co_so", "bo_tinh")


def goes_up(award: str, level: str) -> bool:
    top = 1 if level in ("xa", "huyen") else 2
    return AUTHORITY_RANK.get(authority(award), 1) > top


def award_name(data: RoundData, award: str) -> str:
    if data.ruleset is not None and hasattr(data.ruleset, "award_name"):
        try:
            name = data.ruleset.award_name(award)
            if name:
                return nfc(str(name))
        except (KeyError, LookupError):
            pass
    a = catalogue().get(award)
    if a:
        return a.name
    for o in data.outcomes:
        if o.award == award and o.nominee.get("award_name"):
            return nfc(str(o.nominee["award_name"]))
    return award


def decision_awards(data: RoundData) -> list[str]:
    level = data.config.council.level
    return _ordered_awards(data, lambda a: decided_here(a, level))


def proposal_awards(data: RoundData) -> list[str]:
    level = data.config.council.level
    return _ordered_awards(data, lambda a: goes_up(a, level))


def _ordered_awards(data: RoundData, keep: Any) -> list[str]:
    seen: list[str] = []
    for o in data.outcomes:
        if o.approved and o.award and o.award not in seen and keep(o.award):
            seen.append(o.award)
    order = list(catalogue())
    return sorted(seen, key=lambda a: (-AUTHORITY_RANK.get(authority(a), 1), order.index(a) if a in order else 99, a))


# ---------------------------------------------------------------- shared pieces


def _issued(url: str, round_id: str, award: str) -> tuple[int | None, dt.date | None]:
    from tdkt.db import query

    # Most rounds are rendered before any decision is recorded as signed: one query says so without
    # importing the register (and with it SQLAlchemy, ~0.2 s); the register reads the decision itself.
    if not query(url, "SELECT 1 FROM reg_decisions WHERE round_id = :round_id AND award = :award AND current = 1",
                 {"round_id": round_id, "award": award}):
        return None, None
    try:
        from tdkt.register import issued_decision  # type: ignore[attr-defined, unused-ignore]
    except ImportError:  # the register module is another helper's; until it lands, nothing is issued
        return None, None
    issued = issued_decision(url, round_id, award)
    if issued is None:
        return None, None
    number = issued.number
    if isinstance(number, str):  # "1035/QĐ-UBND" → 1035
        digits = number.split("/")[0].strip()
        return (int(digits) if digits.isdigit() else None), issued.date
    return int(number), issued.date


def signer_block(signer: Signer) -> dict[str, Any]:
    """NĐ 30 signature block: "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH"; "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH";
    "Q. CHỦ TỊCH". For KT. the head's title is ``body`` (default CHỦ TỊCH)."""
    prefix, body, title = signer.prefix.strip(), signer.body.strip(), signer.title.strip()
    if prefix == "TM.":
        lines = [f"TM. {body}".strip(), title] if body else [title]
    elif prefix == "KT.":
        lines = [f"KT. {body or 'CHỦ TỊCH'}", title]
    elif prefix:
        lines = [f"{prefix} {body or title}"] + ([title] if body else [])
    else:
        lines = [title]
    return {"lines": [nfc(x).upper() for x in lines if x], "name": nfc(signer.name)}


def _recipients(config: Config, extra: list[str], decision: bool = False) -> list[str]:
    items: list[str] = []
    for r in extra + config.agency.recipients:
        item = nfc(r).strip().lstrip("-").strip().rstrip(";.").strip()
        if not item or fold(item) in {fold(i) for i in items}:
            continue
        if not decision and fold(item) == "nhu dieu 3":
            continue  # "Như Điều 3" names a decision's executors; other documents have no Điều 3
        items.append(item)
    if not any(i.startswith("Lưu") for i in items):
        items.append("Lưu: VT")
    lines = [f"- {i};" for i in items]
    lines[-1] = lines[-1][:-1] + "."
    return lines


def _symbol(template: str, config: Config) -> str:
    return template.replace("{abbreviation}", config.agency.abbreviation)


def _place_date(config: Config, on: dt.date | None, year: int) -> str:
    place = nfc(config.agency.place).strip()
    line = vn_date(on, year)
    return f"{place}, {line}" if place else line.capitalize()


def _base_context(data: RoundData, title: str, symbol: str, number: int | None, on: dt.date | None) -> dict[str, Any]:
    cfg = data.config
    rnd = data.round
    return {
        "doc_title": title,
        "tdkt_version": __version__,
        "ruleset_label": data.ruleset_label,
        "round": {
            "id": rnd.id,
            "title": nfc(rnd.title or f"đợt {rnd.id.split('-')[1]} năm {rnd.id.split('-')[0]}"),
            "date": vn_date(rnd.date),
            "years": ", ".join(str(y) for y in rnd.years),
        },
        "agency": {"name": nfc(cfg.agency.name).upper(), "parent": nfc(cfg.agency.parent).upper()},
        "doc": {
            "number": doc_number(number),
            "symbol": symbol,
            "place_date": _place_date(cfg, on, (on or rnd.date).year),
        },
        "recipients": _recipients(cfg, []),
    }


def _bases(data: RoundData) -> list[str]:
    lines: list[str] = []
    rs = data.ruleset
    if rs is not None:
        for getter in ("legal_bases", "overlay_bases"):
            fn = getattr(rs, getter, None)
            if fn is not None:
                lines += [str(x) for x in fn()]
    out = []
    for line in lines:
        text = nfc(line).strip().rstrip(";.,").strip()
        if not text:
            continue
        if not text.lower().startswith("căn cứ"):
            text = "Căn cứ " + text
        out.append(text + ";")
    cfg = data.config
    proposer = nfc(cfg.agency.proposer).strip() or f"Thường trực {nfc(cfg.council.name)}"
    out.append(f"Theo đề nghị của {proposer}.")
    return out


def _counts(outcomes: list[Outcome]) -> dict[str, int]:
    c = Counter(o.kind for o in outcomes)
    return {k: c.get(k, 0) for k in KINDS}


def _person_label(o: Outcome) -> str:
    if o.kind != "individual":
        return o.name
    gender = o.nominee.get("gender")
    prefix = "Ông " if gender == "male" else "Bà " if gender == "female" else ""
    return prefix + o.name


def _detail(o: Outcome) -> str:
    position = nfc(str(o.nominee.get("position") or "")).strip()
    return ", ".join(x for x in (position, o.unit) if x)


def grouped(data: RoundData, outcomes: list[Outcome], extra: Any = None) -> list[dict[str, Any]]:
    """Rows of an attached list: grouped by unit (units in the order of the lists), collectives,
    then households, then individuals, names in Vietnamese order; STT runs through the list."""
    rows: list[dict[str, Any]] = []
    stt = 0
    order = {u: i for i, u in enumerate(data.units)}
    kind_rank = {"collective": 0, "household": 1, "individual": 2}
    units = sorted({o.unit for o in outcomes}, key=lambda u: (u == "", order.get(u, 10**6), u))
    buckets: dict[str, list[Outcome]] = {}
    for o in outcomes:
        buckets.setdefault(o.unit, []).append(o)
    for unit in units:
        rows.append({"group": unit or "Đơn vị khác", "stt": "", "name": "", "detail": ""})
        members = buckets[unit]
        # Collectives and households by their name in dictionary order; people by given name first.
        members.sort(key=lambda o: (kind_rank.get(o.kind, 3), name_key(o.name) if o.kind == "individual"
                                    else (collation_key(o.name), o.name)))
        for o in members:
            stt += 1
            row = {"group": "", "stt": str(stt), "name": _person_label(o), "detail": _detail(o)}
            if extra is not None:
                row.update(extra(o))
            rows.append(row)
    return rows


def _prize_lines(data: RoundData, award: str, name: str, counts: dict[str, int], on: dt.date) -> tuple[str, list[dict[str, Any]]]:
    from tdkt import money

    cfg = data.config
    extra = [(b.since, b.amount) for b in cfg.money.base_salary]
    parts: list[str] = []
    items: list[dict[str, Any]] = []
    for kind in KINDS:
        if not counts.get(kind):
            continue
        multiple: Decimal | None = None
        if data.ruleset is not None and hasattr(data.ruleset, "prize_multiple"):
            multiple = data.ruleset.prize_multiple(award, kind)
        amount = money.prize(Decimal(multiple), on, extra=extra, rule=cfg.money.rounding) if multiple is not None else None
        items.append({"kind": kind, "count": counts[kind], "multiple": multiple, "amount": amount})
        word = KIND_WORDS[kind]
        if amount is not None and multiple is not None:
            parts.append(f"mỗi {word} được tặng {name} kèm theo tiền thưởng {vn_number(amount)} đồng "
                         f"({vn_number(Decimal(multiple))} lần mức lương cơ sở)")
        else:
            parts.append(f"tiền thưởng kèm theo {name} cho mỗi {word} thực hiện theo quy định hiện hành")
    text = "; ".join(parts)
    text = text[:1].upper() + text[1:] + ". Kinh phí khen thưởng chi từ Quỹ thi đua, khen thưởng theo quy định."

    return text, items


# ---------------------------------------------------------------- documents


def decision_context(data: RoundData, award: str) -> dict[str, Any]:
    cfg = data.config
    approved = [o for o in data.outcomes if o.approved and o.award == award]
    if not approved:
        raise InputError(
            f"Đợt {data.round.id} không có tập thể, cá nhân nào đạt thẩm định và bỏ phiếu cho '{award}'; không soạn Quyết định."
        )
    number, on = _issued(data.url, data.round.id, award)
    name = award_name(data, award)
    symbol = _symbol(cfg.numbering.decision, cfg)
    ctx = _base_context(data, f"Quyết định tặng {name}", symbol, number, on)
    a = catalogue().get(award)
    is_title = a.kind == "title" if a is not None else True  # an overlay's local award is a danh hiệu
    years = ctx["round"]["years"]
    what = f"danh hiệu “{name}”" + (f" năm {years}" if years else "") if is_title else name
    counts = _counts(approved)
    prize_text, _ = _prize_lines(data, award, what, counts, on or data.round.date)
    signer = signer_block(cfg.signers.decision)
    head = " ".join(signer["lines"][:1]) if cfg.signers.decision.prefix == "TM." else "CHỦ TỊCH"
    auth = nfc(cfg.agency.name).upper() if cfg.signers.decision.prefix == "TM." else f"{head} {nfc(cfg.agency.name).upper()}"
    executors = [nfc(e) for e in cfg.agency.executors] or ["Thủ trưởng các cơ quan, đơn vị có liên quan"]
    if not any("dieu 1" in fold(e) for e in executors):
        executors.append("các tập thể, cá nhân có tên tại Điều 1")
    achievement = f" năm {years}" if years else ""
    ctx.update(
        trich_yeu=f"Về việc tặng {what}",
        authority=auth,
        bases=_bases(data),
        articles=[
            f"Tặng {what} cho {counts_phrase(counts)} (có danh sách kèm theo) "
            f"đã có thành tích xuất sắc trong thực hiện nhiệm vụ{achievement if not is_title else ''}.",
            prize_text,
            "Quyết định này có hiệu lực kể từ ngày ký. "
            + ", ".join(executors[:-1]) + (" và " if len(executors) > 1 else "") + executors[-1]
            + " chịu trách nhiệm thi hành Quyết định này./.",
        ],
        signer=signer,
        recipients=_recipients(cfg, ["Như Điều 3"], decision=True),
        annex_title=f"TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG {what.upper()}",
        annex_note=f"(Kèm theo Quyết định số {doc_number(number)}/{symbol} {vn_date(on, data.round.date.year)})",
        annex=grouped(data, approved),
    )
    return ctx


def _vote_cells(o: Outcome) -> dict[str, str]:
    if o.vote is None:
        return {"votes": "", "percent": ""}
    return {
        "votes": f"{two_digits(int(o.vote.get('agree') or 0))}/{two_digits(int(o.vote.get('denominator') or 0))}",
        "percent": percent(o.vote.get("percent")),
    }


def summary_sentence(data: RoundData, awards: list[str], outcomes: list[Outcome]) -> str:
    """'Huân chương Lao động hạng Ba: 02 tập thể và 03 cá nhân; Bằng khen …: 11 cá nhân.'"""
    parts = []
    for award in awards:
        chosen = [o for o in outcomes if o.award == award]
        if chosen:
            parts.append(f"{award_name(data, award)}: {counts_phrase(_counts(chosen))}")
    return "; ".join(parts) + "." if parts else "Không có tập thể, cá nhân nào."


def proposal_context(data: RoundData, award: str | None) -> dict[str, Any]:
    cfg = data.config
    awards = [award] if award else proposal_awards(data)
    approved = [o for o in data.outcomes if o.approved and o.award in awards]
    if not approved:
        raise InputError(
            f"Đợt {data.round.id} không có tập thể, cá nhân nào đạt để đề nghị cấp trên khen thưởng; không soạn Tờ trình."
        )
    symbol = _symbol(cfg.numbering.proposal, cfg)
    ctx = _base_context(data, "Tờ trình đề nghị khen thưởng", symbol, None, None)
    state = any(authority(a) in ("thu_tuong", "chu_tich_nuoc") for a in awards)
    if cfg.council.level in ("xa", "huyen") and not state:
        addressee = "Chủ tịch Ủy ban nhân dân tỉnh"
    else:
        addressee = "Thủ tướng Chính phủ (qua Bộ Nội vụ)"
    voted = [o for o in approved if o.vote is not None]
    body = [
        f"{nfc(cfg.council.name)} đã họp {data.round.date.strftime('ngày %d/%m/%Y')} xét, đề nghị khen thưởng "
        f"{ctx['round']['title']}"
        + (", bỏ phiếu kín đối với các trường hợp theo quy định (kết quả kiểm phiếu ghi trong danh sách kèm theo)." if voted else "."),
        f"Số tập thể, cá nhân đủ tiêu chuẩn đề nghị khen thưởng: {summary_sentence(data, awards, approved)}",
        f"Kính trình {addressee.split(' (')[0]} xem xét, quyết định./.",
    ]
    rows: list[dict[str, Any]] = []
    for i, a in enumerate(awards, 1):
        chosen = [o for o in approved if o.award == a]
        if not chosen:
            continue
        rows.append({"group": f"{_roman(i)}. {award_name(data, a).upper()}", "stt": "", "name": "", "detail": "", "votes": "", "percent": ""})
        rows += grouped(data, chosen, _vote_cells)
    trich = "Về việc đề nghị khen thưởng cấp Nhà nước" if state else "Về việc đề nghị khen thưởng"
    ctx.update(
        trich_yeu=trich,
        addressee=addressee,
        bases=_bases(data)[:-1] or [],
        body=body,
        signer=signer_block(cfg.signers.proposal),
        recipients=_recipients(cfg, ["Như trên"]),
        annex_title="TẬP THỂ, CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG",
        annex_note=f"(Kèm theo Tờ trình số {doc_number(None)}/{symbol} {vn_date(None, data.round.date.year)})",
        annex=rows,
    )
    return ctx


def _roman(n: int) -> str:
    return ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][n] if n <= 10 else str(n)


def minutes_context(data: RoundData, award: str | None) -> dict[str, Any]:
    cfg = data.config
    tallies = [t for t in data.tallies if award is None or any(r.get("award") == award for r in t.get("results", []))]
    if not tallies:
        raise InputError(f"Đợt {data.round.id} chưa có kết quả kiểm phiếu; chạy 'tdkt tally … --session {data.round.id}' trước.")
    symbol = _symbol(cfg.numbering.minutes, cfg)
    ctx = _base_context(data, "Biên bản kiểm phiếu", symbol, None, data.round.date)
    board = cfg.signers.minutes or [Signer(title="TRƯỞNG BAN KIỂM PHIẾU"), Signer(title="THÀNH VIÊN BAN KIỂM PHIẾU")]
    intro = [
        f"Hôm nay, {vn_date(data.round.date)}, {nfc(cfg.council.name)} họp xét khen thưởng {ctx['round']['title']} "
        "và bỏ phiếu kín theo quy định.",
    ]
    names = [f"{nfc(s.name)} ({nfc(s.title).lower()})" for s in board if s.name]
    if names:
        intro.append("Ban kiểm phiếu gồm: " + "; ".join(names) + ".")
    sections = []
    counts = Counter[str]()
    for i, t in enumerate(tallies, 1):
        council = t.get("council") or {}
        ballots = t.get("ballots") or {}
        members = int(council.get("members") or cfg.council.members or data.round.members or 0)
        present = int(council.get("present") or 0)
        written = int(ballots.get("written") or 0)
        results = [r for r in t.get("results", []) if award is None or r.get("award") == award]
        awards = list(dict.fromkeys(str(r.get("award") or "") for r in results))
        lines = [
            f"Tổng số thành viên Hội đồng: {two_digits(members)}; có mặt: {two_digits(present)}; "
            f"vắng mặt: {two_digits(max(members - present, 0))}, trong đó {two_digits(written)} thành viên có ý kiến bằng văn bản.",
            f"Số phiếu phát ra: {two_digits(int(ballots.get('issued') or present))}; số phiếu thu về: "
            f"{two_digits(int(ballots.get('received') or 0))}; số phiếu hợp lệ: {two_digits(int(ballots.get('valid') or 0))}; "
            f"số phiếu không hợp lệ: {two_digits(int(ballots.get('invalid') or 0))}.",
        ]
        rows: list[dict[str, Any]] = []
        stt = 0
        for a in awards:
            chosen = [r for r in results if str(r.get("award") or "") == a]
            first = chosen[0]
            basis = f"; {first['basis']}" if first.get("basis") else ""
            rows.append({
                "group": f"{award_name(data, a)}: cần ít nhất {two_digits(int(first.get('required') or 0))}/"
                f"{two_digits(int(first.get('denominator') or members))} phiếu đồng ý (tính trên tổng số thành viên Hội đồng){basis}",
                **dict.fromkeys(("stt", "name", "agree", "disagree", "invalid", "percent", "result"), ""),
            })
            for r in chosen:
                stt += 1
                result = _result_passed(r)
                counts[RESULT_WORDS[result]] += 1
                rows.append({
                    "group": "", "stt": str(stt), "name": nfc(str(r.get("name") or "")),
                    "agree": two_digits(int(r.get("agree") or 0)), "disagree": two_digits(int(r.get("disagree") or 0)),
                    "invalid": two_digits(int(r.get("invalid") or 0)), "percent": percent(r.get("percent")),
                    "result": RESULT_WORDS[result],
                })
        inputs = [{"name": PurePath(str(f.get("path") or "")).name, "sha256": str(f.get("sha256") or "")} for f in t.get("inputs", [])]
        heading = f"{i}. Kết quả bỏ phiếu: " + ", ".join(award_name(data, a) for a in awards)
        sections.append({"heading": heading, "lines": lines, "rows": rows, "inputs": inputs})
    closing = [
        f"Kết quả: {two_digits(counts['Đạt'])} trường hợp đạt, {two_digits(counts['Không đạt'])} trường hợp không đạt"
        + (f", {two_digits(counts['Cần xem xét'])} trường hợp cần Hội đồng xem xét" if counts["Cần xem xét"] else "")
        + " tỷ lệ phiếu đồng ý theo quy định.",
        "Biên bản được các thành viên Ban kiểm phiếu thống nhất và ký tên./.",
    ]
    people = [{"title": nfc(s.title).upper(), "name": nfc(s.name)} for s in board]
    if len(people) % 2:
        people.append({"title": "", "name": ""})
    ctx.update(
        trich_yeu=f"Kiểm phiếu xét khen thưởng {ctx['round']['title']}",
        issuer={"parent": nfc(cfg.agency.name).upper(), "name": nfc(cfg.council.name).upper()},
        intro=intro,
        tallies=sections,
        closing=closing,
        board=[{"left": people[i], "right": people[i + 1]} for i in range(0, len(people), 2)],
        signer={"lines": [], "name": ""},
    )
    return ctx


def report_context(data: RoundData, award: str | None) -> dict[str, Any]:
    cfg = data.config
    outcomes = [o for o in data.outcomes if award is None or o.award == award]
    if not outcomes:
        raise InputError(f"Đợt {data.round.id} không có hồ sơ nào{' cho ' + award if award else ''} để tổng hợp.")
    symbol = _symbol(cfg.numbering.report, cfg)
    ctx = _base_context(data, "Báo cáo tổng hợp khen thưởng", symbol, None, None)
    approved = [o for o in outcomes if o.approved]
    awards = list(dict.fromkeys(o.award for o in outcomes))
    order = list(catalogue())
    awards.sort(key=lambda a: (-AUTHORITY_RANK.get(authority(a), 1), order.index(a) if a in order else 99, a))
    verdicts = Counter(o.verdict for o in outcomes)

    def count_row(stt: str, name: str, chosen: list[Outcome]) -> dict[str, Any]:
        c = _counts(chosen)
        return {"group": "", "stt": stt, "name": name, **{k: two_digits(v) for k, v in c.items()},
                "total": two_digits(sum(c.values()))}

    by_award = [count_row(str(i), award_name(data, a), [o for o in approved if o.award == a]) for i, a in enumerate(awards, 1)]
    by_award.append(count_row("", "Cộng", approved))
    by_unit = [count_row(str(i), u or "Đơn vị khác", [o for o in approved if o.unit == u])
               for i, u in enumerate([u for u in data.units if any(o.unit == u for o in outcomes)], 1)]
    people = [o for o in approved if o.kind == "individual"]
    women = sum(1 for o in people if o.nominee.get("gender") == "female")
    special = []
    special.append(f"Nữ: {two_digits(women)}/{two_digits(len(people))} cá nhân được khen thưởng"
                   + (f" ({percent(Decimal(women * 100) / len(people))})." if people else "."))
    for key, label, pool, noun in (("direct_worker", "Người lao động trực tiếp", people, "cá nhân"),
                                   ("small_collective", "Tập thể nhỏ", [o for o in approved if o.kind == "collective"], "tập thể")):
        known = [o for o in pool if o.nominee.get(key) is not None]
        if known:
            n = sum(1 for o in known if o.nominee.get(key))
            special.append(f"{label}: {two_digits(n)}/{two_digits(len(pool))} {noun}.")
        else:
            special.append(f"{label}: danh sách đề nghị không có thông tin.")
    failed = [o for o in outcomes if not o.approved]
    reasons = Counter[str]()
    for o in failed:
        for f in o.nominee.get("findings", []):
            if f.get("severity") == "error":
                reasons[str(f.get("rule") or f.get("code"))] += 1
        if o.vote_required and (o.vote is None or _result_passed(o.vote) is not True):
            reasons["Không đạt hoặc chưa có kết quả bỏ phiếu"] += 1
        if o.verdict == "review":
            reasons["Cần Thường trực xem xét thêm"] += 1
    fail_lines = [f"{o.name} ({award_name(data, o.award)}; {o.unit or 'không ghi đơn vị'}): {' '.join(o.reasons)}" for o in failed]
    reason_rows = [{"group": "", "stt": str(i), "name": r, "collective": "", "individual": "", "household": "",
                    "total": two_digits(n)} for i, (r, n) in enumerate(sorted(reasons.items(), key=lambda x: (-x[1], x[0])), 1)]
    money_lines = []
    for a in awards:
        chosen = [o for o in approved if o.award == a]
        if not chosen:
            continue
        _number, on = _issued(data.url, data.round.id, a)
        _, items = _prize_lines(data, a, award_name(data, a), _counts(chosen), on or data.round.date)
        for it in items:
            word = KIND_WORDS[it["kind"]]
            if it["amount"] is None:
                money_lines.append(f"{award_name(data, a)} ({word}): chưa xác định được hệ số tiền thưởng — Thường trực cần kiểm tra.")
            else:
                money_lines.append(
                    f"{award_name(data, a)} ({word}): {two_digits(it['count'])} × {vn_number(it['amount'])} đồng = "
                    f"{vn_number(it['count'] * it['amount'])} đồng."
                )
    sentence = summary_sentence(data, awards, approved)
    ctx.update(
        trich_yeu=f"Tổng hợp kết quả xét khen thưởng {ctx['round']['title']}",
        summary_sentence=sentence,
        sections=[
            {"heading": "I. KẾT QUẢ CHUNG", "rows": by_award, "lines": [
                f"Tổng số hồ sơ đề nghị: {two_digits(len(outcomes))}; đạt thẩm định: {two_digits(verdicts['pass'])}; "
                f"không đạt: {two_digits(verdicts['fail'])}; cần xem xét: {two_digits(verdicts['review'])}.",
                f"Được khen thưởng hoặc đề nghị khen thưởng: {sentence}",
            ]},
            {"heading": "II. THEO ĐƠN VỊ", "rows": by_unit, "lines": []},
            {"heading": "III. NỮ, NGƯỜI LAO ĐỘNG TRỰC TIẾP, TẬP THỂ NHỎ", "rows": [], "lines": special},
            {"heading": "IV. HỒ SƠ KHÔNG ĐẠT VÀ LÝ DO", "rows": reason_rows,
             "lines": fail_lines or ["Không có hồ sơ nào không đạt."]},
            {"heading": "V. TIỀN THƯỞNG", "rows": [], "lines": money_lines or ["Không có khoản tiền thưởng nào."]},
        ],
        signer=signer_block(cfg.signers.decision),
        recipients=_recipients(cfg, []),
        outcomes=outcomes,
    )
    return ctx


BUILDERS = {
    "proposal": proposal_context,
    "minutes": minutes_context,
    "report": report_context,
}

"""The data of a round's documents: who passed validation and the vote, who decides each award and
where the rest goes, the căn cứ, prize money, counts — built from the round's stored results,
``tdkt.toml`` and the authority table (``tdkt.authority``).

Templates see only plain dicts, lists and strings (``CONTRACT`` lists the top-level names of
each). The text a secretariat would otherwise type — Điều 1–3, the căn cứ lines, the closing of a
Tờ trình, the summary sentence "Huân chương Lao động hạng Ba: 02 tập thể và 03 cá nhân; …" — is
written here, so a workspace template can rearrange it without re-deriving it.

Whatever the law decides is data: who decides an award at the council's level on the round's date,
the organisation law in force, the names of awards that follow the agency (tỉnh / thành phố trực
thuộc Trung ương / bộ), the default wording of Điều 1 and the Nơi nhận (``tdkt/rules/authority/authority.yaml``).
A value the documents need and the workspace lacks (the signer's name, the province above a
commune…) is a ``Missing`` item: ``render`` refuses the document, or with ``--draft`` writes a
visible placeholder.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import PurePath
from typing import Any

from tdkt import __version__, authority, vocab
from tdkt.awards import catalogue
from tdkt.errors import InputError
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
from tdkt.render.measure import place_date_size, text_mm
from tdkt.render.round_data import (
    Outcome,
    RoundData,
    award_name_in_pack,
    criterion_words,
    current_results,
    result_passed,
)
from tdkt.text import fold, nfc
from tdkt.workspace import BasisLine, Config, Signer

KINDS = ("collective", "individual", "household")
AUTHORITY_RANK = {"co_so": 1, "council": 1, "bo_tinh": 2, "thu_tuong": 3, "chu_tich_nuoc": 4}
COMMON = ["doc_title", "tdkt_version", "ruleset_label", "round", "agency", "doc", "trich_yeu", "signer", "recipients"]
CONTRACT: dict[str, list[str]] = {
    "decision": [*COMMON, "authority", "bases", "articles", "items", "annex_title", "annex_note", "annex"],
    "proposal": [*COMMON, "addressee", "bases", "body", "annex_title", "annex_note", "annex"],
    "minutes": [*COMMON, "issuer", "intro", "tallies", "closing", "board", "files"],
    "report": [*COMMON, "sections", "summary_sentence", "outcomes"],
}
RESULT_WORDS = {True: vocab.cap(vocab.TALLY_STATUS["pass"]), False: vocab.cap(vocab.TALLY_STATUS["fail"]),
                None: vocab.cap(vocab.TALLY_STATUS["review"])}
KIND_PLURAL = vocab.KIND
LOCAL = authority.LOCAL_LEVELS
# The administrative words of a local agency's name, longest first ("THÀNH PHỐ" before "PHỐ"…).
LOCALITY = ("THÀNH PHỐ", "THỊ XÃ", "THỊ TRẤN", "ĐẶC KHU", "TỈNH", "HUYỆN", "QUẬN", "PHƯỜNG", "XÃ")
HEADINGS = ("ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN", "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", "HỘI ĐỒNG")


@dataclass(frozen=True)
class Missing:
    """A value a document needs that the workspace or the round does not give (named for the officer)."""

    key: str
    what: str
    placeholder: str


# ---------------------------------------------------------------- the agency and who decides


def title_case(text: str) -> str:
    """'HẢI ĐÔNG' → 'Hải Đông', 'BÀ RỊA - VŨNG TÀU' → 'Bà Rịa - Vũng Tàu' (a place's proper name)."""
    return " ".join(w[:1].upper() + w[1:].lower() for w in nfc(text).split())


_ACRONYMS = {"UBND", "HĐND", "MTTQ", "TNHH", "HĐTĐKT"}


def _acronym(word: str) -> bool:
    """THPT, THCS, UBND…: upper case with no vowel, or a usual acronym (Vietnamese words have vowels)."""
    bare = fold(word).upper()
    return len(word) > 1 and word.isupper() and (word in _ACRONYMS or not any(v in bare for v in "AEIOUY"))


_IN_TEXT_HEADS = {"ỦY BAN NHÂN DÂN": "Ủy ban nhân dân", "HỘI ĐỒNG NHÂN DÂN": "Hội đồng nhân dân",
                  "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG": "Hội đồng Thi đua - Khen thưởng"}


def in_text(name: str) -> str:
    """An agency's name as it reads inside a sentence: 'ỦY BAN NHÂN DÂN TỈNH HẢI ĐÔNG' → 'Ủy ban nhân
    dân tỉnh Hải Đông', 'SỞ Y TẾ TỈNH HẢI ĐÔNG' → 'Sở Y tế tỉnh Hải Đông', 'BỘ GIÁO DỤC VÀ ĐÀO TẠO'
    → 'Bộ Giáo dục và Đào tạo'.

    The rule of Vietnamese agency names: the first word and the first word of the name proper
    capitalised (and the first after "và" or "-"), the rest in lower case; the place's proper name
    after an administrative word (tỉnh, thành phố, xã…) capitalised; an acronym (THPT) stays.
    ``agency.name`` is upper case by NĐ 30; this is only a reading of it.
    """
    text = nfc(name).replace("\n", " ").strip()
    head = next((h for h in _IN_TEXT_HEADS if text.upper().startswith(h)), None)
    out: list[str] = [_IN_TEXT_HEADS[head]] if head else []
    words = text[len(head):].split() if head else text.split()
    upper = [w.upper() for w in words]
    i, proper, capital = 0, False, True
    while i < len(words):
        loc = next((lo for lo in LOCALITY if upper[i:i + len(lo.split())] == lo.split()), None)
        if loc == "XÃ" and upper[i + 1:i + 2] == ["HỘI"]:
            loc = None  # "xã hội" (Bộ Lao động - Thương binh và Xã hội) is not a commune
        if loc is not None and (out or i):
            n = len(loc.split())
            out += [w.lower() for w in words[i:i + n]]
            i, proper = i + n, True
            continue
        w = words[i]
        if _acronym(w):
            out.append(w)
        elif proper or capital:
            out.append(w[:1].upper() + w[1:].lower())
        else:
            out.append(w.lower())
        # "SỞ"/"BỘ"/"BAN" open the name: its next word is capitalised too
        capital = (not out[:-1] and upper[i] in ("SỞ", "BỘ", "BAN", "CỤC", "VỤ")) or upper[i] in ("VÀ", "-")
        i += 1
    return " ".join(out)


def locality(name: str) -> tuple[str, str]:
    """('tỉnh', 'tỉnh Hải Đông') from 'ỦY BAN NHÂN DÂN TỈNH HẢI ĐÔNG' or 'tỉnh Hải Đông'; ('', '')
    when the name has no administrative word."""
    upper = nfc(name).replace("\n", " ").upper()
    for loc in LOCALITY:
        m = re.search(rf"(?:^|\s){loc}\s+(.+)$", upper)
        if m:
            return loc.lower(), f"{loc.lower()} {title_case(m.group(1))}"
    return "", ""


def heading_lines(name: str) -> list[str]:
    """The agency's name on the lines of the header: broken after "ỦY BAN NHÂN DÂN" or "HỘI ĐỒNG"
    (NĐ 30 practice: "ỦY BAN NHÂN DÂN / TỈNH HẢI ĐÔNG"), or where tdkt.toml puts a line break."""
    text = nfc(name).strip().upper()
    if "\n" in text:
        return [line.strip() for line in text.split("\n") if line.strip()]
    for head in HEADINGS:
        if text.startswith(head + " "):
            rest = text[len(head):].strip()
            if head == "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG":
                return ["HỘI ĐỒNG", "THI ĐUA - KHEN THƯỞNG", *([rest] if rest else [])]
            return [head, rest]
    return [text]


def parent_line(name: str) -> str:
    """A parent agency (not bold, NĐ 30 allows the usual abbreviations): 'UBND TỈNH HẢI ĐÔNG'."""
    return nfc(name).strip().upper().replace("\n", " ").replace("ỦY BAN NHÂN DÂN", "UBND")


PARENT_MM = 60.0  # the left column of the header (63 mm) less its cell margins and 1 mm to spare


def parent_lines(name: str) -> list[str]:
    """The parent agency on the lines of the header: one line ('UBND TỈNH HẢI ĐÔNG') when it fits the left
    column at 13 pt, else broken as the agency's own name is ('ỦY BAN NHÂN DÂN' / 'THÀNH PHỐ HỒ CHÍ MINH')."""
    if not nfc(name).strip():
        return []
    line = parent_line(name)
    if text_mm(line, 13) <= PARENT_MM:
        return [line]
    lines = heading_lines(name)
    return lines if all(text_mm(x, 13) <= PARENT_MM for x in lines) else [line]


@dataclass
class Docs:
    """What the documents of a round say about the agency and its levels, with what is missing."""

    data: RoundData
    draft: bool = False
    missing: list[Missing] = field(default_factory=list)

    @property
    def cfg(self) -> Config:
        return self.data.config

    def need(self, key: str, what: str, placeholder: str) -> str:
        if not any(m.key == key for m in self.missing):
            self.missing.append(Missing(key, what, placeholder))
        return placeholder

    # -- the agency itself
    @property
    def agency_upper(self) -> str:
        return nfc(self.cfg.agency.name).replace("\n", " ").upper().strip()

    @property
    def agency_text(self) -> str:
        return nfc(self.cfg.agency.in_text).strip() or in_text(self.cfg.agency.name)

    def head(self) -> str:
        """The head's title at the council's level (CHỦ TỊCH, BỘ TRƯỞNG, GIÁM ĐỐC…)."""
        if self.cfg.agency.head_title.strip():
            return nfc(self.cfg.agency.head_title).strip().upper()
        if self.data.level == "don_vi":
            return self.need("agency.head_title", "chức danh người đứng đầu cơ quan, đơn vị (vd GIÁM ĐỐC)",
                             "[CHỨC DANH NGƯỜI ĐỨNG ĐẦU]")
        return authority.table().heads[self.data.level]

    def own_kind(self) -> str:
        """'tỉnh', 'thành phố', 'xã', 'phường'… of the agency (empty for a ministry or a unit)."""
        return locality(self.cfg.agency.name)[0] if self.data.level in LOCAL else ""

    # -- the levels above
    def province(self) -> tuple[str, str]:
        """(kind, name) of the province: the agency itself at a provincial council, else tdkt.toml."""
        if self.data.level == "tinh":
            return locality(self.cfg.agency.name)
        kind, name = locality(self.cfg.agency.province)
        if not name:
            text = self.need("agency.province", "tên tỉnh hoặc thành phố trực thuộc Trung ương cấp trên "
                                                "(vd tỉnh Hải Đông)", "[tên tỉnh]")
            return "tỉnh", text
        return kind, name

    def ministry(self) -> str:
        if self.data.level == "bo":
            return self.agency_text
        if self.cfg.agency.ministry.strip():
            return nfc(self.cfg.agency.ministry).strip()
        return self.need("agency.ministry", "tên bộ cấp trên (vd Bộ Y tế)", "[tên bộ]")

    def district(self) -> str:
        _kind, name = locality(self.cfg.agency.district)
        return name or self.need("agency.district", "tên huyện cấp trên của xã (trước ngày 01/07/2025)", "[tên huyện]")

    def level_title(self, level: str) -> str:
        """'Chủ tịch Ủy ban nhân dân tỉnh Hải Đông', 'Thủ tướng Chính phủ', 'Bộ trưởng Bộ Y tế'."""
        tpl = authority.table().addressees.get(level, "")
        values = {"province": "", "district": "", "ministry": "", "commune": ""}
        if "{province}" in tpl:
            values["province"] = self.province()[1]
        if "{district}" in tpl:
            values["district"] = self.district()
        if "{ministry}" in tpl:
            values["ministry"] = self.ministry()
        return tpl.format(**values).strip()

    def via(self, level: str) -> str:
        return nfc(self.cfg.agency.via).strip() or authority.table().vias.get(level, "")

    # -- award names that follow the agency
    def award_name(self, award: str) -> str:
        spec = authority.table().names.get(award)
        if spec is None:
            return _pack_award_name(self.data, award)
        ministry_side = self.data.level == "bo" or (self.data.level == "don_vi" and self.cfg.council.parent_level == "bo")
        if ministry_side:
            return spec["bo"].format(ministry=self.ministry()).strip()
        kind, name = self.province()
        place = kind if self.data.level == "tinh" else name
        return spec["tinh"].format(kind=kind or "tỉnh", place=place or "tỉnh").strip()

    def issuer_of_decision(self) -> str:
        """'Chủ tịch Ủy ban nhân dân tỉnh Hải Đông' (the annex note and the report name the decider)."""
        head = self.head()
        return f"{head[:1]}{head[1:].lower()} {self.agency_text}"


def _pack_award_name(data: RoundData, award: str) -> str:
    name = award_name_in_pack(data.ruleset, award)
    if name:
        return name
    for o in data.outcomes:
        if o.award == award and o.nominee.get("award_name"):
            return nfc(str(o.nominee["award_name"]))
    return award


def award_name(data: RoundData, award: str) -> str:
    """The award's name as this council's documents write it (see ``Docs.award_name``)."""
    return Docs(data).award_name(award)


def authority_class(award: str) -> str:
    a = catalogue().get(award)
    return a.authority if a else "council"  # an overlay's local title is the council's own


def decided_here(award: str, data: RoundData) -> bool:
    """True when the council's own head decides the award on the round's date (a Quyết định)."""
    return authority.route(award, data.level, data.round.date, data.config.council.parent_level).kind == "decide"


def decision_awards(data: RoundData) -> list[str]:
    return _ordered_awards(data, lambda o: o.route is not None and o.route.kind == "decide")


def proposal_awards(data: RoundData) -> list[str]:
    return _ordered_awards(data, lambda o: o.route is not None and o.route.kind == "propose")


def _order_key(award: str) -> tuple[int, int, str]:
    order = list(catalogue())
    return (-AUTHORITY_RANK.get(authority_class(award), 1), order.index(award) if award in order else 99, award)


def _ordered_awards(data: RoundData, keep: Callable[[Outcome], bool]) -> list[str]:
    seen: list[str] = []
    for o in data.outcomes:
        if o.approved and o.award and o.award not in seen and keep(o):
            seen.append(o.award)
    return sorted(seen, key=_order_key)


# ---------------------------------------------------------------- shared pieces


def _issued(url: str, round_id: str, award: str) -> tuple[int | None, dt.date | None]:
    from tdkt.db import query

    # Most rounds are rendered before any decision is recorded as signed: one query says so without
    # importing the register (and with it SQLAlchemy, ~0.2 s); the register reads the decision itself.
    if not query(url, "SELECT 1 FROM reg_decisions WHERE round_id = :round_id AND award = :award AND current = 1",
                 {"round_id": round_id, "award": award}):
        return None, None
    from tdkt.register import issued_decision

    issued = issued_decision(url, round_id, award)
    if issued is None:
        return None, None
    number = issued.number
    if isinstance(number, str):  # "1035/QĐ-UBND" → 1035
        digits = number.split("/")[0].strip()
        return (int(digits) if digits.isdigit() else None), issued.date
    return int(number), issued.date


def signer_block(signer: Signer, docs: Docs, doc: str, *, body: str | None = None) -> dict[str, Any]:
    """NĐ 30 signature block: "CHỦ TỊCH"; "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH"; "Q. CHỦ TỊCH"; with
    "TM. ỦY BAN NHÂN DÂN" above for a document the body is the author of. ``body`` is that body by
    default (None: none); ``signer.on_behalf`` overrides it ("" for none)."""
    head = nfc(signer.head).strip().upper() or docs.head()
    behalf = body if signer.on_behalf is None else nfc(signer.on_behalf).strip().upper()
    lines = [f"TM. {behalf}"] if behalf else []
    title = nfc(signer.title).strip().upper()
    if signer.mode == "deputy":
        lines += [f"KT. {head}", title if title and title != head else f"PHÓ {head}"]
    elif signer.mode == "acting":
        lines.append(f"Q. {head}")
    else:
        lines.append(title or head)
    name = nfc(signer.name).strip()
    if not name:
        name = docs.need(f"signers.{doc}.name", f"họ tên người ký {vocab.DOCUMENT.get(doc, doc)}", "[Họ và tên người ký]")
    return {"lines": lines, "name": name}


def _clean_item(text: str) -> str:
    return nfc(text).strip().lstrip("-").strip().rstrip(";.").strip()


def _recipients(items: Iterable[str], extra: Iterable[str] = (), *, values: dict[str, str] | None = None,
                decision: bool = False) -> list[str]:
    """Nơi nhận lines: "- X;" each, the last "- Lưu: VT…." (one Lưu, last: the workspace's own when it
    gives one; duplicates and empty placeholders dropped; "Như Điều 3" only on a decision)."""
    out: list[str] = []
    keep: list[str] = []
    for raw in [*extra, *items]:
        text = _clean_item(raw.format_map(_Blank(values or {})))
        if not text or fold(text) in {fold(i) for i in [*out, *keep]}:
            continue
        if not decision and fold(text).startswith("nhu dieu"):
            continue  # "Như Điều 3" names a decision's executors; other documents have no Điều 3
        (keep if text.startswith("Lưu") else out).append(text)
    first = [i for i in items if fold(_clean_item(i)).startswith("nhu ")]
    out.sort(key=lambda t: 0 if any(fold(_clean_item(f)) == fold(t) for f in first) else 1)
    out += keep[:1] or ["Lưu: VT"]
    lines = [f"- {i};" for i in out]
    lines[-1] = lines[-1][:-1] + "."
    return lines


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ""


def _symbol(template: str, config: Config) -> str:
    return template.replace("{abbreviation}", config.agency.abbreviation)


def _place_date(docs: Docs, on: dt.date | None, year: int) -> str:
    place = nfc(docs.cfg.agency.place).strip()
    line = vn_date(on, year)
    if not place:
        place = docs.need("agency.place", "địa danh ở dòng ngày tháng (vd Hải Đông)", "[Địa danh]")
    return f"{place}, {line}"


def _base_context(docs: Docs, title: str, symbol: str, number: int | None, on: dt.date | None) -> dict[str, Any]:
    cfg = docs.cfg
    rnd = docs.data.round
    name = nfc(cfg.agency.name).replace("\n", " ").upper().strip()
    return {
        "doc_title": title,
        "tdkt_version": __version__,
        "ruleset_label": docs.data.ruleset_label,
        "round": {
            "id": rnd.id,
            "title": nfc(rnd.title or f"đợt {rnd.id.split('-')[1]} năm {rnd.id.split('-')[0]}"),
            "date": vn_date(rnd.date),
            "years": ", ".join(str(y) for y in rnd.years),
        },
        "agency": {
            "name": name, "parent": parent_line(cfg.agency.parent) if cfg.agency.parent.strip() else "",
            "parent_lines": parent_lines(cfg.agency.parent), "lines": heading_lines(cfg.agency.name),
        },
        "doc": {
            "number": doc_number(number),
            "symbol": symbol,
            "place_date": (place_date := _place_date(docs, on, (on or rnd.date).year)),
            "place_date_size": place_date_size(place_date),
            "draft": docs.draft,
        },
        "recipients": _recipients([]),
    }


def _applying(lines: Iterable[BasisLine], on: dt.date) -> list[str]:
    return [ln.text for ln in lines if ln.applies(on)]


def _law_bases(data: RoundData, awards: Iterable[str] = ()) -> list[str]:
    """The regime's laws, decrees and circulars, from the rule pack (dates there: issue 17's packs), then
    the council's readings of uncertain facts that bear on ``awards`` (tdkt rules settle)."""
    from tdkt.readings import base_line

    rs = data.ruleset
    if rs is None:
        return []
    wanted = set(awards)
    return rs.legal_bases() + [base_line(r) for r in rs.readings if wanted & set(r.awards)]


def _reading_lines(data: RoundData, awards: Iterable[str]) -> list[str]:
    """The council's readings of uncertain facts that bore on these awards, for the Báo cáo."""
    wanted = set(awards)
    return [f"Hội đồng đã xác định cách áp dụng «{nfc(r.label)}»: {r.phrase} (căn cứ {nfc(r.article)}: "
            f"“{nfc(r.text)}”; ngày {r.date.strftime('%d/%m/%Y')})."
            for r in (data.ruleset.readings if data.ruleset is not None else ()) if wanted & set(r.awards)]


def _basis_lines(lines: Iterable[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        text = nfc(line).strip().rstrip(";.,").strip()
        if not text:
            continue
        if not text.lower().startswith(("căn cứ", "xét ", "theo ")):
            text = "Căn cứ " + text
        if fold(text) not in {fold(x) for x in out}:
            out.append(text)
    return out


def _request_line(docs: Docs) -> str:
    """"Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 125/TTr-SNV ngày 02 tháng 5 năm 2022"."""
    req = docs.data.docs.get("request") or {}
    proposer = nfc(str(req.get("by") or docs.cfg.agency.proposer)).strip() or f"Thường trực {nfc(docs.cfg.council.name)}"
    number = str(req.get("number") or "").strip()
    when = req.get("date")
    text = f"Theo đề nghị của {proposer}"
    if number:
        text += f" tại Tờ trình số {number}"
        if when:
            text += " " + vn_date(dt.date.fromisoformat(str(when)))
    return text


def decision_bases(docs: Docs, on: dt.date, awards: Iterable[str] = ()) -> list[str]:
    """Căn cứ of a Quyết định, in the order of real decisions: the organisation law in force on its
    date, the agency's own competence, the law on thi đua with its decrees and circulars, the
    province's or ministry's Quy chế, the units' requests, and last "Theo đề nghị của …"."""
    cfg = docs.cfg
    competence = authority.competence_bases(docs.data.level, on) + _applying(cfg.legal.competence, on)
    if docs.data.level == "don_vi" and not competence:
        competence = [docs.need("legal.competence", "căn cứ thẩm quyền của cơ quan, đơn vị (quyết định thành lập "
                                "hoặc quy định chức năng, nhiệm vụ)", "[Văn bản quy định chức năng, nhiệm vụ của "
                                "cơ quan, đơn vị]")]
    lines = _basis_lines([*competence, *_law_bases(docs.data, awards), *_applying(cfg.legal.regulation, on)])
    out = [line + ";" for line in lines]
    out += [f"Xét đề nghị của {_clean_item(r)};" for r in docs.data.docs.get("requests") or []]
    out.append(_request_line(docs) + ".")
    return out


def _counts(outcomes: Iterable[Outcome]) -> dict[str, int]:
    c = Counter(o.kind for o in outcomes)
    return {k: c.get(k, 0) for k in KINDS}


def _kinds_phrase(counts: dict[str, int], upper: bool = False) -> str:
    """'tập thể, cá nhân' / 'cá nhân' / 'tập thể, hộ gia đình, cá nhân' — the kinds present."""
    words = [KIND_PLURAL[k] for k in ("collective", "household", "individual") if counts.get(k)] or ["cá nhân"]
    text = ", ".join(words)
    return text.upper() if upper else text


def _person_label(o: Outcome) -> str:
    if o.kind != "individual":
        return o.name
    gender = o.nominee.get("gender")
    prefix = "Ông " if gender == "male" else "Bà " if gender == "female" else ""
    return prefix + o.name


def _detail(o: Outcome) -> str:
    position = nfc(str(o.nominee.get("position") or "")).strip()
    return ", ".join(x for x in (position, o.unit) if x)


def grouped(data: RoundData, outcomes: list[Outcome], extra: Callable[[Outcome], dict[str, str]] | None = None) -> list[dict[str, Any]]:
    """Rows of an attached list: grouped by unit (units in the order of the lists), collectives,
    then households, then individuals, names in Vietnamese order; STT runs through the list."""
    rows: list[dict[str, Any]] = []
    stt = 0
    for unit, members in _by_unit(data, outcomes):
        rows.append({"group": unit or "Đơn vị khác", "stt": "", "name": "", "detail": ""})
        for o in members:
            stt += 1
            row = {"group": "", "stt": str(stt), "name": _person_label(o), "detail": _detail(o)}
            if extra is not None:
                row.update(extra(o))
            rows.append(row)
    return rows


def _by_unit(data: RoundData, outcomes: list[Outcome]) -> list[tuple[str, list[Outcome]]]:
    order = {u: i for i, u in enumerate(data.units)}
    kind_rank = {"collective": 0, "household": 1, "individual": 2}
    units = sorted({o.unit for o in outcomes}, key=lambda u: (u == "", order.get(u, 10**6), u))
    buckets: dict[str, list[Outcome]] = {}
    for o in outcomes:
        buckets.setdefault(o.unit, []).append(o)
    out = []
    for unit in units:
        members = buckets[unit]
        # Collectives and households by their name in dictionary order; people by given name first.
        members.sort(key=lambda o: (kind_rank.get(o.kind, 3), name_key(o.name) if o.kind == "individual"
                                    else (collation_key(o.name), o.name)))
        out.append((unit, members))
    return out


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
        if data.ruleset is not None:
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


def _period(data: RoundData, award: str, is_title: bool) -> str:
    """The achievement period Điều 1 names: the round's own (``session set --period``), else the
    year reviewed ("năm 2021"), or the years an award for several years of work covers ("từ năm
    2017 đến năm 2021"); a yearly title already names its year."""
    own = nfc(str(data.docs.get("period") or "")).strip()
    if own:
        return own
    years = sorted(data.round.years)
    span = authority.table().period_years.get(award)
    if span and years:
        return f"từ năm {years[-1] - span + 1} đến năm {years[-1]}"
    if is_title or not years:
        return ""
    return "năm " + (", ".join(str(y) for y in years))


def achievement(data: RoundData, award: str, is_title: bool) -> str:
    """Điều 1's wording of what the recipients did: the round's own for the award or for the round
    (a thematic or ad-hoc round), else the authority table's for the award."""
    own = (data.docs.get("achievements") or {}).get(award) or data.docs.get("achievement")
    text = nfc(str(own)).strip() if own else authority.table().achievement.get(award) or authority.table().achievement["default"]
    text = text.replace("{period}", _period(data, award, is_title)).replace("{years}", ", ".join(map(str, data.round.years)))
    return re.sub(r"\s+", " ", text).strip().rstrip(".").replace(" ,", ",")


def _what(docs: Docs, award: str) -> tuple[str, bool]:
    a = catalogue().get(award)
    is_title = a.kind == "title" if a is not None else True  # an overlay's local award is a danh hiệu
    name = docs.award_name(award)
    years = ", ".join(str(y) for y in docs.data.round.years)
    own_period = bool(str(docs.data.docs.get("period") or "").strip())
    year = f" năm {years}" if years and not own_period else ""
    if is_title and award in authority.table().unquoted:
        return name + year, True
    if is_title:
        return f"danh hiệu “{name}”" + year, True
    return name, False


def _executors(docs: Docs) -> list[str]:
    cfg = docs.cfg
    if cfg.agency.executors:
        return [nfc(e) for e in cfg.agency.executors]
    kind = docs.own_kind()
    return [e.format_map(_Blank({"kind": kind})).replace("  ", " ").strip()
            for e in authority.table().executors.get(docs.data.level, ())]


def _decision_recipients(docs: Docs, award: str) -> list[str]:
    cfg = docs.cfg
    own = cfg.recipients.award.get(award) or cfg.recipients.decider.get(authority_class(award))
    base = own if own else authority.table().recipients["decision"].get(docs.data.level, ["Như Điều 3", "Lưu: VT"])
    return _recipients(base, cfg.agency.recipients, decision=True)


# ---------------------------------------------------------------- documents


def decision_context(data: RoundData, award: str, *, draft: bool = False) -> dict[str, Any]:
    docs = Docs(data, draft)
    cfg = data.config
    approved = [o for o in data.outcomes if o.approved and o.award == award]
    if not approved:
        raise InputError(
            f"Đợt {data.round.id} không có tập thể, cá nhân nào đạt thẩm định và bỏ phiếu cho "
            f"{docs.award_name(award)}; không soạn Quyết định."
        )
    number, on = _issued(data.url, data.round.id, award)
    when = on or data.round.date  # the căn cứ in force on the decision's date (the meeting's until it is signed)
    name = docs.award_name(award)
    symbol = _symbol(cfg.numbering.decision, cfg)
    ctx = _base_context(docs, f"Quyết định tặng {name}", symbol, number, on)
    what, is_title = _what(docs, award)
    counts = _counts(approved)
    prize_text, _ = _prize_lines(data, award, what, counts, when)
    kinds = _kinds_phrase(counts)
    executors = _executors(docs) or ["Thủ trưởng các cơ quan, đơn vị có liên quan"]
    executors = [e for e in executors if "dieu 1" not in fold(e)] + [f"các {kinds} có tên tại Điều 1"]
    deed = achievement(data, award, is_title)
    inline = len(approved) <= cfg.documents.inline_max
    items: list[str] = []
    if inline:
        for _unit, members in _by_unit(data, approved):
            for o in members:
                items.append(f"{len(items) + 1}. " + ", ".join(x for x in (_person_label(o), _detail(o)) if x) + ";")
        items[-1] = items[-1][:-1] + "."
        first = f"Tặng {what} cho {counts_phrase(counts)} {deed}, gồm:"
    else:
        first = f"Tặng {what} cho {counts_phrase(counts)} {deed} (có danh sách kèm theo)."
    issuer = docs.issuer_of_decision()
    ctx.update(
        trich_yeu=f"Về việc tặng {what}",
        authority=f"{docs.head()} {docs.agency_upper}",
        bases=decision_bases(docs, when, [award]),
        articles=[
            first,
            prize_text,
            "Quyết định này có hiệu lực kể từ ngày ký. "
            + ", ".join(executors[:-1]) + (" và " if len(executors) > 1 else "") + executors[-1]
            + " chịu trách nhiệm thi hành Quyết định này./.",
        ],
        items=items,
        signer=signer_block(cfg.signers.decision, docs, "decision"),
        recipients=_decision_recipients(docs, award),
        annex_title=f"{_kinds_phrase(counts, upper=True)} ĐƯỢC TẶNG {what.upper()}",
        annex_note=f"(Kèm theo Quyết định số {doc_number(number)}/{symbol} {vn_date(on, when.year)} của {issuer})",
        annex=[] if inline else grouped(data, approved),
        missing=docs.missing,
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


def _onward(docs: Docs, hops: tuple[str, ...]) -> str:
    """What the addressee (``hops[0]``) is asked to do: "quyết định" when it decides, else pass it on:
    "trình Chủ tịch nước quyết định", "đề nghị Thủ tướng Chính phủ trình Chủ tịch nước quyết định"."""
    rest = [docs.level_title(h) for h in hops[1:]]
    if not rest:
        return "xem xét, quyết định tặng"
    if len(rest) == 1:
        return f"xem xét, trình {rest[0]} quyết định tặng"
    return f"xem xét, đề nghị {rest[0]} " + " ".join(f"trình {r}" for r in rest[1:]) + " quyết định tặng"


NĐ152_FORMS = dt.date(2025, 7, 1)  # NĐ 152/2025: the dossier forms are in its annex (Mẫu số 01 the Tờ trình)
LAW_2022 = dt.date(2024, 1, 1)  # Luật Thi đua, khen thưởng 2022 in force


def _dossier(data: RoundData, awards: list[str], voted: bool) -> str:
    """What the Tờ trình encloses: the list, the council's minutes (with the ballot when there was one),
    the achievement reports (on the forms of NĐ 152/2025 from 01/07/2025), and for a Chiến sĩ thi đua
    title the recognition of the sáng kiến or đề tài (Luật Thi đua, khen thưởng 2022 Điều 84 k1 d; for
    the cơ sở title, or the confirmation of the HTXS rating: NĐ 98/2023 Điều 34, QĐ 638/QĐ-BNV 2025)."""
    on = data.round.date
    parts = ["danh sách đề nghị khen thưởng",
             "biên bản họp xét và kết quả bỏ phiếu của Hội đồng" if voted else "biên bản họp xét khen thưởng của Hội đồng",
             "báo cáo thành tích của các tập thể, cá nhân được đề nghị"
             + (" (theo mẫu ban hành kèm theo Nghị định số 152/2025/NĐ-CP)" if on >= NĐ152_FORMS else "")]
    if on >= LAW_2022:
        recognised = "văn bản công nhận sáng kiến, đề tài, đề án, công trình"
        higher = [award_name(data, a) for a in awards if a.startswith("chien_si_thi_dua") and a != "chien_si_thi_dua_co_so"]
        if higher:
            parts.append(f"{recognised} của các cá nhân được đề nghị danh hiệu {', '.join(higher)}")
        if "chien_si_thi_dua_co_so" in awards:  # NĐ 98/2023 Điều 34: or the confirmation of the HTXS rating
            parts.append(f"{recognised} hoặc xác nhận hoàn thành xuất sắc nhiệm vụ của các cá nhân được đề nghị "
                         "danh hiệu Chiến sĩ thi đua cơ sở")
    return "Hồ sơ kèm theo gồm: " + "; ".join(parts) + "."


def _summaries(data: RoundData, chosen: list[Outcome]) -> list[str]:
    """'- Bà Phan Thị Ngọc, Giám đốc, Bệnh viện …: <tóm tắt thành tích>.' for each nominee whose list
    gives a summary of the achievement ("Tóm tắt thành tích"), in the order of the attached list."""
    out = []
    for _unit, members in _by_unit(data, chosen):
        for o in members:
            text = nfc(str(o.nominee.get("achievement") or "")).strip().rstrip(".;")
            if text:
                who = ", ".join(x for x in (_person_label(o), _detail(o) if o.kind == "individual" else "") if x)
                out.append(f"- {who}: {text}.")  # as the unit wrote it
    return out


def proposal_context(data: RoundData, award: str | None, *, draft: bool = False) -> dict[str, Any]:
    docs = Docs(data, draft)
    cfg = data.config
    awards = [award] if award else proposal_awards(data)
    approved = [o for o in data.outcomes if o.approved and o.award in awards
                and o.route is not None and o.route.kind == "propose"]
    if not approved:
        raise InputError(
            f"Đợt {data.round.id} không có tập thể, cá nhân nào đạt thẩm định và bỏ phiếu để đề nghị cấp trên khen "
            "thưởng; không soạn Tờ trình."
        )
    awards = [a for a in awards if any(o.award == a for o in approved)]
    routes = {a: next(o.route for o in approved if o.award == a and o.route is not None) for a in awards}
    first_hop = next(iter(routes.values())).hops[0]
    symbol = _symbol(cfg.numbering.proposal, cfg)
    ctx = _base_context(docs, "Tờ trình đề nghị khen thưởng", symbol, None, None)
    addressee = docs.level_title(first_hop)
    via = docs.via(first_hop)
    state = all(routes[a].decider in ("thu_tuong", "chu_tich_nuoc") for a in awards)
    voted = any(o.vote is not None for o in approved)
    meeting = data.round.date.strftime("%d/%m/%Y")
    council = nfc(cfg.council.name)
    body = [
        f"Ngày {meeting}, {council} đã họp xét, đề nghị khen thưởng {ctx['round']['title']}"
        + (" và bỏ phiếu đối với các trường hợp theo quy định (kết quả bỏ phiếu ghi trong danh sách kèm theo)."
           if voted else "."),
        f"{docs.agency_text[:1].upper()}{docs.agency_text[1:]} đề nghị khen thưởng cho {counts_phrase(_counts(approved))}"
        ", cụ thể như sau:",
    ]
    for i, a in enumerate(awards, 1):
        chosen = [o for o in approved if o.award == a]
        what, is_title = _what(docs, a)
        body.append(f"{i}. {what[:1].upper()}{what[1:]}: {counts_phrase(_counts(chosen))} "
                    f"{achievement(data, a, is_title)}.")
        body += _summaries(data, chosen)
    body.append(_dossier(data, awards, voted))
    groups: dict[tuple[str, ...], list[str]] = {}
    for a in sorted(awards, key=lambda a: len(routes[a].hops)):  # "quyết định …; trình Chủ tịch nước …"
        groups.setdefault(routes[a].hops, []).append(_what(docs, a)[0])
    asks = [f"{_onward(docs, hops)} {' và '.join(names)}" for hops, names in groups.items()]
    body.append(f"{docs.agency_text[:1].upper()}{docs.agency_text[1:]} kính trình {addressee} "
                + "; ".join(asks) + f" cho các {_kinds_phrase(_counts(approved))} nêu trên./.")
    rows: list[dict[str, Any]] = []
    for i, a in enumerate(awards, 1):
        chosen = [o for o in approved if o.award == a]
        rows.append({"group": f"{_roman(i)}. {docs.award_name(a).upper()}", "stt": "", "name": "", "detail": "",
                     "votes": "", "percent": ""})
        rows += grouped(data, chosen, _vote_cells)
    default_body = None if data.level in ("bo", "don_vi") else "ỦY BAN NHÂN DÂN"
    base = cfg.recipients.proposal or authority.table().recipients["proposal"]
    counts = _counts(approved)
    ctx.update(
        trich_yeu="Về việc đề nghị khen thưởng cấp Nhà nước" if state else "Về việc đề nghị khen thưởng",
        addressee=addressee + (f" (qua {via})" if via else ""),
        bases=[line + ";" for line in _basis_lines([*_law_bases(data, awards),
                                                    *_applying(cfg.legal.regulation, data.round.date)])]
        + [f"Căn cứ kết quả họp xét khen thưởng của {council} ngày {meeting}."],
        body=body,
        signer=signer_block(cfg.signers.proposal, docs, "proposal", body=default_body),
        recipients=_recipients(base, cfg.agency.recipients, values={"via": via}),
        annex_title=f"{_kinds_phrase(counts, upper=True)} ĐỀ NGHỊ KHEN THƯỞNG",
        annex_note=f"(Kèm theo Tờ trình số {doc_number(None)}/{symbol} {vn_date(None, data.round.date.year)} "
                   f"của {docs.agency_text})",
        annex=rows,
        missing=docs.missing,
    )
    return ctx


def _roman(n: int) -> str:
    return ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][n] if n <= 10 else str(n)


def _threshold_text(first: dict[str, Any], members: int) -> str:
    required = first.get("required")
    denominator = int(first.get("denominator") or members)
    basis = nfc(str(first.get("basis") or "")).strip()
    if not required:
        return ("chưa có quy định về tỷ lệ phiếu đồng ý cho hình thức này; kết quả để Hội đồng xem xét"
                + (f" ({basis})" if basis else ""))
    return (f"cần ít nhất {two_digits(int(required))}/{two_digits(denominator)} phiếu đồng ý, tính trên tổng số "
            "thành viên Hội đồng" + (f", theo {basis}" if basis else ""))


def _clock_words(value: Any) -> str:
    """'14:05' → '14 giờ 05 phút'; no time set → blanks the secretary fills in by hand, as the number."""
    if not value:
        return "     giờ     phút"
    hour, minute = str(value).split(":")
    return f"{int(hour):02d} giờ {int(minute):02d} phút"


def minutes_context(data: RoundData, award: str | None, *, draft: bool = False) -> dict[str, Any]:
    docs = Docs(data, draft)
    cfg = data.config
    current = {id(r) for r in current_results(data.tallies).values()}
    tallies = [t for t in data.tallies
               if any(id(r) in current and (award is None or r.get("award") == award) for r in t.get("results", []))]
    if not tallies:
        raise InputError(f"Đợt {data.round.id} chưa có kết quả kiểm phiếu; chạy 'tdkt tally … --session {data.round.id}' trước.")
    symbol = _symbol(cfg.numbering.minutes, cfg)
    ctx = _base_context(docs, "Biên bản kiểm phiếu", symbol, None, data.round.date)
    board = cfg.signers.minutes or [Signer(title="TRƯỞNG BAN KIỂM PHIẾU"), Signer(title="THÀNH VIÊN BAN KIỂM PHIẾU")]
    place = nfc(cfg.agency.place).strip()
    chair = nfc(str(data.docs.get("chair") or "")).strip()
    intro = [
        f"Vào hồi {_clock_words(data.docs.get('start'))}, {vn_date(data.round.date)}" + (f", tại {place}" if place else "")
        + f", {nfc(cfg.council.name)} họp xét khen thưởng {ctx['round']['title']}"
        + (f" dưới sự chủ trì của {chair}" if chair else "")
        # NĐ 91/2017 Điều 45 k8 required a secret ballot; NĐ 98/2023 Điều 30 k7 and NĐ 152/2025 Điều 33 k5
        # say only "tiến hành bỏ phiếu": the ballots counted here are secret, no law is claimed for it.
        + (" và bỏ phiếu kín theo quy định." if data.round.date < LAW_2022 else " và bỏ phiếu kín."),
    ]
    names = [f"{nfc(s.name)} ({nfc(s.title).lower()})" for s in board if s.name]
    if names:
        intro.append("Ban kiểm phiếu gồm: " + "; ".join(names) + ".")
    else:
        docs.need("signers.minutes", "chức danh, họ tên các thành viên Ban kiểm phiếu ([[signers.minutes]] title, name)",
                  "[Họ và tên]")
    sections: list[dict[str, Any]] = []
    counts = Counter[str]()
    files: list[dict[str, str]] = []
    for t in tallies:
        council = t.get("council") or {}
        ballots = t.get("ballots") or {}
        members = int(council.get("members") or cfg.council.members or data.round.members or 0)
        received = int(ballots.get("received") or 0)
        written = int(ballots.get("written") or 0)
        present = int(council.get("present") or received - written)
        absent = max(members - present, 0)
        results = [r for r in t.get("results", []) if id(r) in current and (award is None or r.get("award") == award)]
        awards = list(dict.fromkeys(str(r.get("award") or "") for r in results))
        lines = [
            f"Tổng số thành viên Hội đồng: {two_digits(members)}; có mặt: {two_digits(present)}; "
            f"vắng mặt: {two_digits(absent)}"
            + (f", trong đó {two_digits(written)} thành viên có ý kiến bằng văn bản." if written else "."),
            f"Số phiếu phát ra: {two_digits(present)}; số phiếu thu về: {two_digits(received - written)}"
            + (f"; số phiếu ý kiến bằng văn bản của thành viên vắng mặt: {two_digits(written)}" if written else "")
            + f". Tổng số phiếu được kiểm: {two_digits(received)}, trong đó hợp lệ: "
            f"{two_digits(int(ballots.get('valid') or 0))}, không hợp lệ: {two_digits(int(ballots.get('invalid') or 0))}.",
        ]
        rows: list[dict[str, Any]] = []
        stt = 0
        for a in awards:
            chosen = [r for r in results if str(r.get("award") or "") == a]
            rows.append({
                "group": f"{award_name(data, a) if a else 'Chưa rõ hình thức'}: {_threshold_text(chosen[0], members)}",
                **dict.fromkeys(("stt", "name", "agree", "disagree", "blank", "invalid", "percent", "result"), ""),
            })
            for r in chosen:
                stt += 1
                result = result_passed(r)
                counts[RESULT_WORDS[result]] += 1
                rows.append({
                    "group": "", "stt": str(stt), "name": nfc(str(r.get("name") or "")),
                    "agree": two_digits(int(r.get("agree") or 0)), "disagree": two_digits(int(r.get("disagree") or 0)),
                    "blank": two_digits(int(r.get("blank") or 0)),
                    "invalid": two_digits(int(r.get("invalid") or 0)), "percent": percent(r.get("percent")),
                    "result": RESULT_WORDS[result],
                })
        files += [{"name": PurePath(str(f.get("path") or "")).name, "sha256": str(f.get("sha256") or "")}
                  for f in t.get("inputs", [])]
        heading = f"{len(sections) + 1}. Kết quả bỏ phiếu: " + ", ".join(award_name(data, a) for a in awards if a)
        sections.append({"heading": heading, "lines": lines, "rows": rows, "inputs": []})
    closing = [
        f"Kết quả: {two_digits(counts['Đạt'])} trường hợp đạt, {two_digits(counts['Không đạt'])} trường hợp không đạt"
        + (f", {two_digits(counts['Hội đồng xem xét'])} trường hợp để Hội đồng xem xét" if counts["Hội đồng xem xét"] else "")
        + " tỷ lệ phiếu đồng ý theo quy định.",
        f"Việc kiểm phiếu kết thúc vào hồi {_clock_words(data.docs.get('end'))} cùng ngày.",
        "Biên bản được các thành viên Ban kiểm phiếu thống nhất và ký tên./.",
    ]
    people = [{"title": nfc(s.title).upper(), "name": nfc(s.name) or ("[Họ và tên]" if draft else "")} for s in board]
    if len(people) % 2:
        people.append({"title": "", "name": ""})
    ctx.update(
        trich_yeu=f"Kiểm phiếu xét khen thưởng {ctx['round']['title']}",
        issuer={"parent": parent_line(cfg.agency.name), "parent_lines": parent_lines(cfg.agency.name),
                "name": nfc(cfg.council.name).upper(),
                "lines": heading_lines(cfg.council.name)},
        intro=intro,
        tallies=sections,
        closing=closing,
        board=[{"left": people[i], "right": people[i + 1]} for i in range(0, len(people), 2)],
        files=list({f["name"] + f["sha256"]: f for f in files}.values()),
        signer={"lines": [], "name": ""},
        missing=docs.missing,
    )
    return ctx


def report_context(data: RoundData, award: str | None, *, draft: bool = False) -> dict[str, Any]:
    docs = Docs(data, draft)
    cfg = data.config
    outcomes = [o for o in data.outcomes if award is None or o.award == award]
    if not outcomes:
        raise InputError(
            f"Đợt {data.round.id} không có hồ sơ nào{' cho ' + docs.award_name(award) if award else ''} để tổng hợp.")
    symbol = _symbol(cfg.numbering.report, cfg)
    ctx = _base_context(docs, "Báo cáo tổng hợp khen thưởng", symbol, None, None)
    approved = [o for o in outcomes if o.approved]
    awards = sorted(dict.fromkeys(o.award for o in outcomes), key=_order_key)
    verdicts = Counter(o.verdict for o in outcomes)

    def count_row(stt: str, name: str, chosen: list[Outcome]) -> dict[str, Any]:
        c = _counts(chosen)
        return {"group": "", "stt": stt, "name": name, **{k: two_digits(v) for k, v in c.items()},
                "total": two_digits(sum(c.values()))}

    here = [a for a in awards if not any(o.award == a and o.route is not None and o.route.kind == "elsewhere"
                                         for o in outcomes)]  # awards of another level: in section V only
    by_award = [count_row(str(i), docs.award_name(a), [o for o in approved if o.award == a]) for i, a in enumerate(here, 1)]
    by_award.append(count_row("", "Cộng", approved))
    by_unit = [count_row(str(i), u or "Đơn vị khác", [o for o in approved if o.unit == u])
               for i, u in enumerate([u for u in data.units if any(o.unit == u for o in outcomes)], 1)]
    people = [o for o in approved if o.kind == "individual"]
    women = sum(1 for o in people if o.nominee.get("gender") == "female")
    special = [f"Nữ: {two_digits(women)}/{two_digits(len(people))} cá nhân được khen thưởng hoặc đề nghị khen thưởng"
               + (f" ({percent(Decimal(women * 100) / len(people))})." if people else ".")]
    for key, label, pool, noun in (("direct_worker", "Người lao động trực tiếp", people, "cá nhân"),
                                   ("small_collective", "Tập thể nhỏ", [o for o in approved if o.kind == "collective"], "tập thể")):
        known = [o for o in pool if o.nominee.get(key) is not None]
        if known:
            n = sum(1 for o in known if o.nominee.get(key))
            special.append(f"{label}: {two_digits(n)}/{two_digits(len(pool))} {noun}.")
        else:
            special.append(f"{label}: danh sách đề nghị không có thông tin.")
    words = {k: f"{t} ({b})" if b else t for k, (t, b) in criterion_words(data.ruleset).items()}
    failed = [o for o in outcomes if o.verdict == "fail" or (o.vote is not None and result_passed(o.vote) is False)]
    reasons = Counter[str]()
    for o in failed:
        for f in o.nominee.get("findings", []):
            if f.get("severity") == "error":
                reasons[words.get(str(f.get("rule") or ""), "Không đạt tiêu chuẩn theo quy định")] += 1
        if o.vote is not None and result_passed(o.vote) is False:
            reasons["Không đạt tỷ lệ phiếu đồng ý của Hội đồng"] += 1
        if o.why == "rejected":
            reasons["Thường trực kết luận không đạt"] += 1
    fail_lines = [f"{o.name} ({docs.award_name(o.award)}; {o.unit or 'không ghi đơn vị'}): {' '.join(o.reasons)}"
                  for o in failed]
    reason_rows = [{"group": "", "stt": str(i), "name": r, "collective": "", "individual": "", "household": "",
                    "total": two_digits(n)} for i, (r, n) in enumerate(sorted(reasons.items(), key=lambda x: (-x[1], x[0])), 1)]
    pending = [o for o in outcomes if o not in failed and not o.approved]
    pending_lines = [f"{o.name} ({docs.award_name(o.award)}; {o.unit or 'không ghi đơn vị'}): {' '.join(o.reasons)}"
                     for o in pending]
    upward = [o for o in approved if o.route is not None and o.route.kind == "propose"]
    for a in sorted({o.award for o in upward}, key=_order_key):
        r = next(o.route for o in upward if o.award == a and o.route is not None)
        pending_lines.append(f"{docs.award_name(a)}: {counts_phrase(_counts([o for o in upward if o.award == a]))} "
                             f"đề nghị cấp trên, chờ {docs.level_title(r.decider)} quyết định.")
    money_lines = []
    for a in awards:
        chosen = [o for o in approved if o.award == a and o.route is not None and o.route.kind == "decide"]
        if not chosen:
            continue  # an award decided above is paid by the level that decides it
        _number, on = _issued(data.url, data.round.id, a)
        _, items = _prize_lines(data, a, docs.award_name(a), _counts(chosen), on or data.round.date)
        for it in items:
            word = KIND_WORDS[it["kind"]]
            if it["amount"] is None:
                money_lines.append(f"{docs.award_name(a)} ({word}): {two_digits(it['count'])} {word}; tiền thưởng "
                                   "thực hiện theo quy định hiện hành.")
            else:
                money_lines.append(
                    f"{docs.award_name(a)} ({word}): {two_digits(it['count'])} × {vn_number(it['amount'])} đồng = "
                    f"{vn_number(it['count'] * it['amount'])} đồng."
                )
    sentence = summary_sentence(data, awards, approved)
    default_body = None if data.level in ("bo", "don_vi") else "ỦY BAN NHÂN DÂN"
    report_signer = cfg.signers.report or cfg.signers.proposal
    ctx.update(
        trich_yeu=f"Tổng hợp kết quả xét khen thưởng {ctx['round']['title']}",
        summary_sentence=sentence,
        sections=[
            {"heading": "I. KẾT QUẢ CHUNG", "rows": by_award, "lines": [
                f"Tổng số hồ sơ đề nghị: {two_digits(len(outcomes))}; đạt thẩm định: {two_digits(verdicts['pass'])}; "
                f"không đạt: {two_digits(verdicts['fail'])}; cần xem xét: {two_digits(verdicts['review'])}.",
                f"Được khen thưởng hoặc đề nghị khen thưởng: {sentence}",
                *_reading_lines(data, awards),
            ]},
            {"heading": "II. THEO ĐƠN VỊ", "rows": by_unit, "lines": []},
            {"heading": "III. NỮ, NGƯỜI LAO ĐỘNG TRỰC TIẾP, TẬP THỂ NHỎ", "rows": [], "lines": special},
            {"heading": "IV. HỒ SƠ KHÔNG ĐẠT VÀ LÝ DO", "rows": reason_rows,
             "lines": fail_lines or ["Không có hồ sơ nào không đạt."]},
            {"heading": "V. NHỮNG VIỆC CÒN CHỜ XEM XÉT, QUYẾT ĐỊNH", "rows": [],
             "lines": pending_lines or ["Không có trường hợp nào còn chờ xem xét."]},
            {"heading": "VI. TIỀN THƯỞNG", "rows": [], "lines": money_lines or ["Không có khoản tiền thưởng nào."]},
            *_reviewed_section(docs, outcomes),
        ],
        signer=signer_block(report_signer, docs, "report" if cfg.signers.report else "proposal", body=default_body),
        recipients=_recipients(cfg.recipients.report or authority.table().recipients["report"], cfg.agency.recipients),
        outcomes=[_outcome_row(docs, o) for o in outcomes],
        missing=docs.missing,
    )
    return ctx


def _outcome_row(docs: Docs, o: Outcome) -> dict[str, str]:
    """One nominee of the report's list, as the results workbook writes it."""
    vote = o.vote or {}
    return {
        "name": o.name, "result": o.result, "verdict": vocab.cap(vocab.VERDICT.get(o.verdict, o.verdict)),
        "vote": f"{vote.get('agree')}/{vote.get('denominator')}" if vote else "", "reasons": " ".join(o.reasons),
        "award": docs.award_name(o.award), "kind": vocab.cap(vocab.KIND.get(o.kind, o.kind)),
        "gender": vocab.cap(vocab.GENDER.get(str(o.nominee.get("gender") or ""), "")), "unit": o.unit,
        "position": str(o.nominee.get("position") or ""),
    }


def _reviewed_section(docs: Docs, outcomes: list[Outcome]) -> list[dict[str, Any]]:
    """"VII. CÁC TRƯỜNG HỢP THƯỜNG TRỰC ĐÃ XEM XÉT": each "Cần xem xét" case the Thường trực settled,
    with the decision, its reason and who decided (only when there is one)."""
    lines = []
    for o in outcomes:
        review = o.nominee.get("review")
        if not review:
            continue
        what = "chấp nhận đạt thẩm định" if review.get("decision") == "accept" else "kết luận không đạt"
        lines.append(f"{o.name} ({docs.award_name(o.award)}; {o.unit or 'không ghi đơn vị'}): Thường trực {what} — "
                     f"{nfc(str(review.get('reason') or ''))} ({nfc(str(review.get('by') or ''))}, "
                     f"{_day(review.get('at'))}).")
    if not lines:
        return []
    return [{"heading": "VII. CÁC TRƯỜNG HỢP THƯỜNG TRỰC ĐÃ XEM XÉT", "rows": [], "lines": lines}]


def _day(at: Any) -> str:
    try:
        return dt.datetime.fromisoformat(str(at)).strftime("%d/%m/%Y")
    except ValueError:
        return str(at or "")


BUILDERS: dict[str, Callable[..., dict[str, Any]]] = {
    "proposal": proposal_context,
    "minutes": minutes_context,
    "report": report_context,
}

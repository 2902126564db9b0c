"""What a render did, document by document: who is in it, who was left out and why, what is blank.

For each document of a ``render`` request — every Quyết định (one per award decided here, also
those not written because nobody passed), the Tờ trình, the Biên bản, the Báo cáo — the nominees
it names, the nominees of its awards it does not name with the reason (``REASONS``), and its
blanks (``BLANKS``: the number and date until the decision is recorded with ``tdkt register
issue``, an empty signer or Ban kiểm phiếu name). Nominees of awards that belong in no document of
the request are listed apart (``elsewhere``), with where they go instead. Nothing is left out
silently: every nominee of the round appears once per request, in a document or with a reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tdkt.render import FILE_STEMS
from tdkt.render.context import _issued, award_name
from tdkt.render.round_data import Outcome, RoundData

# Stable ids (JSON) → what an officer reads.
REASONS = {
    "failed": "không đạt thẩm định",
    "rejected": "Thường trực kết luận không đạt",
    "review": "cần xem xét, Thường trực chưa xem xét (tdkt review list)",
    "vote_missing": "chưa có kết quả bỏ phiếu của Hội đồng",
    "vote_failed": "không đạt tỷ lệ phiếu đồng ý",
    "not_elected": "đạt tỷ lệ phiếu nhưng ngoài số suất",
    "vote_review": "kết quả bỏ phiếu cần Hội đồng xem xét lại",
    "other_level": "không thuộc thẩm quyền quyết định hoặc đề nghị của cấp này",
    "not_voted": "không có trong kết quả kiểm phiếu",
}
BLANKS = {
    "number": "số văn bản",
    "date": "ngày ký",
    "signer": "họ tên người ký",
    "board": "họ tên Ban kiểm phiếu",
}
GOES_TO = {
    "decision": "Quyết định của Chủ tịch (tdkt render decision)",
    "proposal": "Tờ trình đề nghị cấp trên (tdkt render proposal)",
    "other": "do cấp khác quyết định hoặc đề nghị",
}


@dataclass(frozen=True)
class Entry:
    """One nominee in a document report: in it (``reason`` None) or left out, and why."""

    outcome: Outcome
    reason: str | None = None
    detail: str = ""
    goes_to: str | None = None

    def to_dict(self) -> dict[str, Any]:
        n = self.outcome.nominee
        out = {"nominee": n.get("id"), "name": self.outcome.name, "unit": self.outcome.unit,
               "award": self.outcome.award or None, "file": n.get("file"), "row": n.get("row")}
        if self.reason is not None:
            out.update(reason=self.reason, detail=self.detail)
        if self.goes_to is not None:
            out["goes_to"] = self.goes_to
        return out

    def line(self) -> str:
        label = self.outcome.name + (f" ({self.outcome.unit})" if self.outcome.unit else "")
        if self.goes_to is not None:
            return f"{label}: {GOES_TO[self.goes_to]}"
        text = REASONS.get(self.reason or "", self.reason or "")
        return f"{label}: {text}" + (f" — {self.detail}" if self.detail and self.reason != "review" else "")


@dataclass
class DocumentReport:
    """One document of a render request."""

    kind: str
    file: str  # the file stem (without the extension)
    title: str
    award: str | None = None
    written: bool = True
    included: list[Entry] = field(default_factory=list)
    excluded: list[Entry] = field(default_factory=list)
    blank: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "file": self.file, "award": self.award, "written": self.written,
                "included": [e.to_dict() for e in self.included], "excluded": [e.to_dict() for e in self.excluded],
                "blank": list(self.blank)}


@dataclass
class Coverage:
    """Every document of a render request, and the nominees of the round no document of it names."""

    kind: str
    session: str
    documents: list[DocumentReport]
    elsewhere: list[Entry]

    def to_dict(self) -> dict[str, Any]:
        return {"schema_version": 1, "session": self.session, "kind": self.kind,
                "documents": [d.to_dict() for d in self.documents],
                "elsewhere": [e.to_dict() for e in self.elsewhere]}

    def lines(self, limit: int = 12) -> list[str]:
        """The terminal's account, in Vietnamese."""
        out: list[str] = []
        for d in self.documents:
            names = [e.outcome.name for e in d.included]
            shown = ", ".join(names[:limit]) + (f" và {len(names) - limit} người/tập thể khác" if len(names) > limit else "")
            if d.written:
                out.append(f"{d.title}: {len(names)} người/tập thể" + (f" ({shown})." if names else "."))
            else:
                out.append(f"{d.title}: không soạn — không có ai đủ điều kiện.")
            if d.excluded:
                out.append(f"  Không có trong văn bản ({len(d.excluded)}):")
                out += [f"   - {e.line()}" for e in d.excluded]
            if d.blank and d.written:
                hints = [BLANKS[b] for b in d.blank]
                tail = ""
                if "number" in d.blank and d.kind == "decision":
                    tail = " — số và ngày có khi quyết định đã ký được ghi vào sổ (tdkt register issue)"
                if "signer" in d.blank:
                    tail += "; người ký đặt trong tdkt.toml"
                out.append(f"  Còn để trống: {', '.join(hints)}{tail}.")
        if self.elsewhere:
            out.append(f"Không thuộc {_KIND_VN[self.kind]} ({len(self.elsewhere)}):")
            out += [f"   - {e.line()}" for e in self.elsewhere]
        return out


_KIND_VN = {"decision": "Quyết định nào", "proposal": "Tờ trình", "minutes": "Biên bản kiểm phiếu",
            "report": "Báo cáo"}
_TITLES = {"proposal": "Tờ trình đề nghị khen thưởng", "minutes": "Biên bản kiểm phiếu",
           "report": "Báo cáo tổng hợp khen thưởng"}


def _left_out(o: Outcome) -> Entry:
    return Entry(o, o.why or "failed", " ".join(o.reasons))


def _blanks(data: RoundData, kind: str, award: str | None) -> list[str]:
    cfg = data.config
    out: list[str] = []
    if kind == "decision":
        number, _on = _issued(data.url, data.round.id, award or "")
        if number is None:
            out += ["number", "date"]
        if not cfg.signers.decision.name.strip():
            out.append("signer")
    elif kind in ("proposal", "report"):
        out += ["number", "date"]
        signer = cfg.signers.proposal if kind == "proposal" else cfg.signers.decision
        if not signer.name.strip():
            out.append("signer")
    else:  # minutes: dated the meeting's day; signed by the Ban kiểm phiếu
        out.append("number")
        board = cfg.signers.minutes
        if not board or any(not s.name.strip() for s in board):
            out.append("board")
    return out


def _route(o: Outcome) -> str:
    """decide (a Quyết định here) | propose (the Tờ trình) | elsewhere (neither, at this level)."""
    return o.route.kind if o.route is not None else "elsewhere"


def _awards(data: RoundData, route: str) -> list[str]:
    """The awards of ``route``, in the order the round's lists first name them."""
    return list(dict.fromkeys(o.award for o in data.outcomes if o.award and _route(o) == route))


def _goes_to(o: Outcome) -> str:
    return {"decide": "decision", "propose": "proposal"}.get(_route(o), "other")


def coverage(kind: str, data: RoundData, award: str | None = None) -> Coverage:
    """The documents ``render KIND [--award]`` makes from the round, and who is in and out of each."""
    rid = data.round.id
    stem = FILE_STEMS[kind]
    docs: list[DocumentReport] = []
    elsewhere: list[Entry] = []
    if kind == "decision":
        awards = [award] if award else _awards(data, "decide")
        for a in awards:
            mine = [o for o in data.outcomes if o.award == a]
            d = DocumentReport(kind, f"{stem}_{rid}_{a}", f"Quyết định tặng {award_name(data, a)}", a)
            d.included = [Entry(o) for o in mine if o.approved]
            d.excluded = [_left_out(o) for o in mine if not o.approved]
            d.written = bool(d.included)
            d.blank = _blanks(data, kind, a)
            docs.append(d)
        chosen = set(awards)
        elsewhere = [Entry(o, "other_level", goes_to=_goes_to(o))
                     for o in data.outcomes if o.award not in chosen and (award is None or o.award == award)]
    elif kind == "proposal":
        awards = [award] if award else _awards(data, "propose")
        mine = [o for o in data.outcomes if o.award in awards]
        d = DocumentReport(kind, f"{stem}_{rid}" + (f"_{award}" if award else ""), _TITLES[kind], award)
        d.included = [Entry(o) for o in mine if o.approved]
        d.excluded = [_left_out(o) for o in mine if not o.approved]
        d.written = bool(d.included)
        d.blank = _blanks(data, kind, award)
        docs.append(d)
        chosen = set(awards)
        elsewhere = [Entry(o, "other_level", goes_to=_goes_to(o))
                     for o in data.outcomes if o.award not in chosen and award is None]
    elif kind == "minutes":
        d = DocumentReport(kind, f"{stem}_{rid}" + (f"_{award}" if award else ""), _TITLES[kind], award)
        for o in data.outcomes:
            if award is not None and o.award != award:
                continue
            if o.vote is not None:
                d.included.append(Entry(o))
            elif o.vote_required and o.verdict == "pass":
                d.excluded.append(Entry(o, "not_voted", "Chưa có kết quả bỏ phiếu của Hội đồng."))
        # Nominees whose award is not put to the vote, or who failed before it, are not the Biên bản's.
        d.written = bool(data.tallies)
        d.blank = _blanks(data, kind, award)
        docs.append(d)
    else:  # report: everyone, with the verdicts and reasons
        d = DocumentReport(kind, f"{stem}_{rid}" + (f"_{award}" if award else ""), _TITLES[kind], award)
        d.included = [Entry(o) for o in data.outcomes if award is None or o.award == award]
        d.written = bool(d.included)
        d.blank = _blanks(data, kind, award)
        docs.append(d)
    return Coverage(kind, rid, docs, elsewhere)


__all__ = ["BLANKS", "REASONS", "Coverage", "DocumentReport", "Entry", "coverage"]

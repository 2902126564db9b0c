"""The Thường trực's review of "Cần xem xét" cases: list them, settle them, undo a settlement.

A nominee is "Cần xem xét" (review) when a verdict rests on a fact tdkt could not establish, or on a
criterion whose legal text is not confirmed. After checking the dossier, the Thường trực decides:
**accept** (the nominee passes) or **reject** (the nominee fails), with a reason and who decided —
for one nominee (all its warnings), or for every open case of one finding code. A decision is stored
in the round as a ``review`` run (and in the audit log) against the facts it was made on
(:func:`tdkt.rounds.facts`); :func:`tdkt.rounds.current_validation` applies it, so a settled
nominee reaches the ballots, the documents and the register. Undoing removes it the same way; a
re-validation that changes the facts re-opens it (:func:`tdkt.rounds.store_validation`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from tdkt import rounds, vocab
from tdkt.errors import UsageError, WorkspaceError
from tdkt.text import fold

Decision = Literal["accept", "reject"]


@dataclass(frozen=True)
class Case:
    """A nominee of the round whose validation said "Cần xem xét", as validated and as settled."""

    file: rounds.ListFile
    validated: dict[str, Any]  # the nominee as validation stored it
    now: dict[str, Any]  # with the Thường trực's decisions applied

    @property
    def key(self) -> str:
        return rounds.nominee_key(self.validated)

    @property
    def name(self) -> str:
        return str(self.validated.get("name") or "")

    @property
    def reasons(self) -> list[dict[str, Any]]:
        return [f for f in self.validated.get("findings", []) if f.get("severity") == "warning"]

    @property
    def status(self) -> Literal["open", "accepted", "rejected"]:
        review = self.now.get("review")
        if not review:
            return "open"
        return "accepted" if review["decision"] == "accept" else "rejected"

    def label(self) -> str:
        """'Lý Văn Hùng (Sở Y tế; Bằng khen …; danh-sach.xlsx dòng 9)' — to tell people apart."""
        n = self.validated
        parts = [str(x) for x in (n.get("unit"), n.get("award_name") or n.get("award")) if x]
        where = f"{n.get('file')} dòng {n.get('row')}" if n.get("row") else str(n.get("file") or "")
        return f"{self.name} ({'; '.join([*parts, where])})"

    def to_dict(self) -> dict[str, Any]:
        n = self.validated
        return {
            "nominee": n.get("id"), "name": n.get("name"), "unit": n.get("unit"), "award": n.get("award"),
            "award_name": n.get("award_name"), "file": n.get("file"), "sheet": n.get("sheet"), "row": n.get("row"),
            "status": self.status, "verdict": self.now.get("verdict"),
            "reasons": [{k: f.get(k) for k in ("code", "message", "basis", "rule", "cell")} for f in self.reasons],
            "review": self.now.get("review"),
        }


def cases(url: str, round_id: str) -> list[Case]:
    """Every nominee of the round whose validation said "Cần xem xét", settled or not, in list order."""
    current = rounds.current_validation(url, round_id)
    if current is None:
        raise WorkspaceError(
            f"Đợt {round_id} chưa có kết quả thẩm định; chạy 'tdkt validate … --session {round_id}' trước."
        )
    out = []
    for f in current.files:
        for nom in f.run.payload.get("nominees", []):
            if nom.get("verdict") == "review":
                out.append(Case(f, nom, rounds.settle_nominee(nom, current.settlements)))
    return out


_WHERE = re.compile(r"^(?P<file>.+?):(?:(?P<sheet>.+):)?(?P<row>\d+)$")


def find(found: Sequence[Case], who: str, award: str | None = None) -> list[Case]:
    """The cases ``who`` names: a nominee id, a place ("danh-sach.xlsx:12", "tệp:trang:dòng"), or a
    full name (without regard to case or diacritics); ``award`` narrows it to one award."""
    text = who.strip()
    hits = [c for c in found if str(c.validated.get("id")) == text]
    if not hits and (m := _WHERE.match(text)):
        hits = [c for c in found if fold(str(c.validated.get("file") or "")) == fold(m["file"])
                and str(c.validated.get("row")) == m["row"]
                and (m["sheet"] is None or fold(str(c.validated.get("sheet") or "")) == fold(m["sheet"]))]
    if not hits:
        hits = [c for c in found if fold(c.name) == fold(text)]
    if award is not None:
        hits = [c for c in hits if c.validated.get("award") == award]
    return hits


def _targets(found: Sequence[Case], who: str | None, code: str | None, award: str | None) -> list[Case]:
    if (who is None) == (code is None):
        raise UsageError("Nêu một người/tập thể (họ tên hoặc tệp:dòng) hoặc --code MÃ (mọi trường hợp cùng lý do), "
                         "không nêu cả hai.")
    if who is not None:
        hits = find(found, who, award)
        if not hits:
            raise UsageError(f"Không có trường hợp cần xem xét nào là '{who}' trong đợt (xem 'tdkt review list').")
        if len({c.key for c in hits}) > 1:
            shown = "; ".join(c.label() for c in hits[:6])
            raise UsageError(f"'{who}' ứng với {len(hits)} trường hợp: {shown}. Nêu rõ bằng tệp:dòng hoặc --award.")
        return hits
    hits = [c for c in found if any(f.get("code") == code for f in c.reasons)
            and (award is None or c.validated.get("award") == award)]
    if not hits:
        raise UsageError(f"Không có trường hợp cần xem xét nào có lý do mã {code} trong đợt (xem 'tdkt review list').")
    return hits


@dataclass(frozen=True)
class Settled:
    """What a settle or undo did: the cases it touched."""

    action: Literal["accept", "reject", "undo"]
    cases: list[Case]
    code: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"schema_version": 1, "action": self.action, "code": self.code,
                "cases": [c.to_dict() for c in self.cases]}


def settle(
    url: str,
    round_id: str,
    decision: Decision,
    *,
    who: str | None = None,
    code: str | None = None,
    award: str | None = None,
    reason: str,
    by: str,
    force: bool = False,
    command: str | None = None,
) -> Settled:
    """Record the Thường trực's decision on one nominee (``who``) or on every case with ``code``.

    Raises:
        UsageError: no reason or decider, nobody or several people named, nothing with that code.
        WorkspaceError: a case already settled (``force`` replaces the decision).
    """
    reason, by = reason.strip(), by.strip()
    if not reason or not by:
        raise UsageError("Cần ghi lý do (--reason) và người quyết định (--by) của việc xem xét.")
    rnd = rounds.get_round(url, round_id)
    found = cases(url, rnd.id)
    targets = _targets(found, who, code, award)
    if code is None:
        # one nominee: all its warnings (duplicate rows of one person in a list share the key)
        targets = [c for c in found if c.key == targets[0].key]
    done_before = [c for c in targets if c.status != "open"]
    if done_before and not force:
        raise WorkspaceError(
            f"{'; '.join(c.label() for c in done_before[:5])} đã được Thường trực xem xét "
            f"({vocab.REVIEW_DECISION[done_before[0].now['review']['decision']]}); dùng --force để ghi quyết định mới "
            "(quyết định cũ giữ trong lịch sử), hoặc 'tdkt review undo'."
        )
    keys = {c.key for c in targets}
    entries, seen = [], set()
    for c in targets:
        if c.key in seen:
            continue
        seen.add(c.key)
        n = c.validated
        entries.append(rounds.ReviewEntry(
            {"key": c.key, "nominee": n.get("id"), "name": n.get("name"), "unit": n.get("unit"),
             "award_name": n.get("award_name"), "file": n.get("file"), "code": code, "decision": decision,
             "reason": reason, "by": by, "facts": rounds.facts(n, code)},
            c.file.run.inputs, c.file.run.ruleset, n.get("award")))
    rounds.record_reviews(
        url, rnd.id, entries, retire=lambda s: s.key in keys and (code is None or s.code == code),
        action=f"review.{decision}", command=command or f"tdkt review {decision} --session {rnd.id}",
        details={"code": code, "reason": reason, "by": by, "nominees": [c.validated.get("id") for c in targets]})
    after = {c.key: c for c in cases(url, rnd.id)}
    return Settled(decision, [after.get(c.key, c) for c in targets], code)


def undo(
    url: str,
    round_id: str,
    *,
    who: str | None = None,
    code: str | None = None,
    award: str | None = None,
    force: bool = False,
    command: str | None = None,
) -> Settled:
    """Take back the Thường trực's decisions on one nominee, or those made for ``code``.

    Raises:
        UsageError: nobody named, or nothing settled to undo.
        WorkspaceError: the nominee's decision is recorded in the register (``force`` to undo anyway).
    """
    rnd = rounds.get_round(url, round_id)
    found = cases(url, rnd.id)
    settled = rounds.settlements(url, rnd.id)
    if who is not None:
        hits = _targets(found, who, None, award)
        keys = {c.key for c in hits}
        chosen = [s for s in settled if s.key in keys and (code is None or s.code == code)]
    else:
        if code is None:
            raise UsageError("Nêu một người/tập thể (họ tên hoặc tệp:dòng) hoặc --code MÃ.")
        chosen = [s for s in settled if s.code == code and (award is None or s.award == award)]
    if not chosen:
        raise UsageError("Không có quyết định xem xét nào như vậy để bỏ (xem 'tdkt review list').")
    issued = rounds.issued_awards(url, rnd.id)
    hit = sorted({s.name for s in chosen if s.award in issued and s.decision == "accept"})
    if hit and not force:
        raise WorkspaceError(
            f"Quyết định khen thưởng của {', '.join(hit)} đã ghi vào sổ; bỏ việc xem xét cần --force "
            "(rồi ghi lại quyết định bằng 'tdkt register issue … --force')."
        )
    runs = {s.run for s in chosen}
    rounds.record_reviews(url, rnd.id, [], retire=lambda s: s.run in runs, action="review.undo",
                          command=command or f"tdkt review undo --session {rnd.id}",
                          details={"code": code, "nominees": [s.nominee for s in chosen]})
    keys = {s.key for s in chosen}
    return Settled("undo", [c for c in cases(url, rnd.id) if c.key in keys], code)

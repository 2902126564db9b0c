"""The council's own regulation (quy chế) where the law leaves the vote to the unit — set at ``tdkt init``.

From NĐ 152/2025 on, the share of "đồng ý" votes for Chiến sĩ thi đua cơ sở, Chiến sĩ thi đua cấp
bộ/tỉnh and Cờ thi đua cấp bộ/tỉnh is the unit's own rule (NĐ 152/2025 Điều 6 k2; design.md §3):
without it the tally answers "cần xem xét" and no decision or Tờ trình can be made for those awards.
:func:`left_to_unit` finds those awards in a pack (a vote is required, the pack sets no share and
does not mark the rule uncertain); :func:`record` writes the council's shares and quorum, with the
article of its regulation as their basis, into the workspace overlay through
:mod:`tdkt.council_overlay` (validated as a round loads it, written atomically).

The entries go to their own file, ``rules/hoi-dong-bieu-quyet.yaml``, whose ``applies_to`` names only
the packs in which the law leaves every one of those votes to the unit: a share the council set for
a NĐ 152 round must never replace the share an older law fixed (NĐ 91/2017 Điều 45 k8: ≥ 90 % for
CSTĐ cấp tỉnh) when the same workspace renders an older round.

:func:`check` answers ``tdkt rules check`` for a round: does an overlay load on the pack the round
will use, and which votes the law leaves to the unit are still not set.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from tdkt.errors import UsageError
from tdkt.tally import parse_threshold

if TYPE_CHECKING:
    from tdkt.ruleset import Ruleset

FILE_NAME = "hoi-dong-bieu-quyet.yaml"


def example_path() -> Path:
    """The example regulation shipped with tdkt (``tdkt rules example``; docs/rules.md points here)."""
    from importlib import resources

    return Path(str(resources.files("tdkt").joinpath("rules", "examples", "quy-che-hoi-dong.yaml")))


def left_to_unit(rs: Ruleset) -> list[str]:
    """The awards of ``rs`` whose vote share the law leaves to the unit (before any overlay): the
    pack requires a ballot (``ballot: true``) and sets no share (``status: unset``); a transitional
    share of the old law still in force on the pack's date (``fallback``) counts as set."""
    out = []
    for aid, a in rs.awards.items():
        spec = a.vote
        if spec is not None and spec.status == "unset" and spec.share is None and spec.ballot and not a.local:
            fb = spec.fallback
            if fb is None or rs.on is None or rs.on > fb.until:
                out.append(aid)
    return out


def still_open(rs: Ruleset) -> list[str]:
    """Of :func:`left_to_unit`, the awards the overlays of ``rs`` do not set."""
    return [aid for aid in left_to_unit(rs) if rs.vote_policy(aid).status == "unset"]


@dataclass(frozen=True)
class Vote:
    award: str
    share: Fraction
    comparison: Literal["at_least", "more_than"]

    def spec(self, basis: str) -> dict[str, Any]:
        """The overlay entry (a share of ALL members; an integer percent stays a percent)."""
        pct = self.share * 100
        num, den = (int(pct), 100) if pct.denominator == 1 else (self.share.numerator, self.share.denominator)
        return {"status": "overlay", "share": num, "share_den": den, "of": "members", "comparison": self.comparison,
                "ballot": True, "basis": basis}

    def words(self) -> str:
        pct = self.share * 100
        shown = f"{pct.numerator}" if pct.denominator == 1 else f"{self.share.numerator}/{self.share.denominator} ×100"
        sign = ">" if self.comparison == "more_than" else "≥"
        return f"{sign} {shown} % tổng số thành viên" if pct.denominator == 1 else \
            f"{sign} {self.share.numerator}/{self.share.denominator} tổng số thành viên"


def parse_vote(text: str, award_of: Any) -> Vote:
    """``AWARD=SHARE`` (``--vote``): the award by id, name or alias (``award_of``), the share as
    ``tally --threshold`` takes it (80, 80%, 66,67, 2/3, >50)."""
    name, sep, share = text.rpartition("=")
    if not sep or not name.strip() or not share.strip():
        raise UsageError(f"--vote '{text}' không hợp lệ: cần dạng KHEN_THƯỞNG=TỶ_LỆ, vd \"CSTĐ cơ sở=80\" hoặc "
                         "chien_si_thi_dua_bo_tinh=90.")
    value, comparison = parse_threshold(share)
    return Vote(award_of(name.strip()), value, comparison)


def parse_share(text: str) -> Fraction:
    """A quorum (``--quorum``): 2/3, 66,67 or 67 (percent); never more than all members."""
    value, comparison = parse_threshold(text)
    if comparison != "at_least":
        raise UsageError(f"Túc số '{text}' không hợp lệ: nêu tỷ lệ tối thiểu, vd 2/3 hoặc 50.")
    return value


def packs_for(votes: Sequence[Vote]) -> list[str]:
    """The built-in packs in which the law leaves every one of ``votes`` to the unit."""
    from tdkt.ruleset import builtin_ids, load_ruleset

    out = []
    for pid in builtin_ids():
        open_here = set(left_to_unit(load_ruleset(pid)))
        if all(v.award in open_here for v in votes):
            out.append(pid)
    return out


def validate(votes: Sequence[Vote], quorum: Fraction | None, article: str, *, on: dt.date | None = None) -> Any:
    """Refuse, before anything is written, a vote for an award whose share the law in force on ``on``
    (default today) sets itself, and votes or a quorum without the article of the regulation. Returns
    the pack in force."""
    from tdkt.awards import name
    from tdkt.ruleset import load_ruleset

    rs = load_ruleset(on=on or dt.date.today())
    allowed = left_to_unit(rs)
    fixed = [v for v in votes if v.award not in allowed]
    if fixed:
        shown = "; ".join(f"{rs.award_name(v.award) or name(v.award)} ({rs.vote_policy(v.award).basis or 'bộ tiêu chí'})"
                          for v in fixed)
        raise UsageError(f"Tỷ lệ phiếu của {shown} không do quy chế của Hội đồng đặt theo {rs.title}: quy chế chỉ đặt "
                         f"cho {', '.join(rs.award_name(a) for a in allowed) or 'không khen thưởng nào'}.")
    if (votes or quorum is not None) and not article.strip():
        raise UsageError("Cần nêu điều, khoản của quy chế Hội đồng quy định tỷ lệ phiếu, túc số (--article, vd "
                         "'Quy chế hoạt động của Hội đồng Thi đua - Khen thưởng tỉnh, Điều 8').")
    return rs


def record(
    overlay_dir: Path,
    *,
    votes: Sequence[Vote],
    quorum: Fraction | None = None,
    article: str = "",
    regulation: str = "",
    title: str,
    on: dt.date | None = None,
) -> Path | None:
    """Write the council's vote shares (and quorum) into the workspace overlay; returns its path
    (None when there is nothing to write).

    Args:
        votes: the shares, for awards the law leaves to the unit in the pack in force on ``on``
            (default today).
        quorum: the share of members who must attend.
        article: the article of the council's regulation that sets them ("Quy chế …, Điều 8").
        regulation: the document that issued the regulation, a căn cứ line of the documents.

    Raises:
        UsageError: as :func:`validate`.
        RuleFileError: the overlay would not load (nothing written).
    """
    from tdkt import council_overlay as co

    if not votes and quorum is None and not regulation.strip():
        return None
    rs = validate(votes, quorum, article, on=on)
    path = overlay_dir / FILE_NAME
    scope = packs_for(votes) if votes else [rs.id]
    if not path.exists():  # a new file: say which packs it is for (see the module doc)
        co.set_applies_to(path, scope, title=title, ident="hoi-dong-bieu-quyet")
    basis = article.strip()
    if regulation.strip():
        co.add_basis(path, regulation.strip(), title=title)
    for v in votes:
        co.set_entry(path, "votes", v.award, v.spec(basis), title=title)
    if quorum is not None:
        co.set_entry(path, "quorum", None, {"num": quorum.numerator, "den": quorum.denominator, "basis": basis},
                     title=title)
    return path


@dataclass(frozen=True)
class Checked:
    """``tdkt rules check`` of an overlay for one round: the pack it was checked on and what is open."""

    kind: Literal["pack", "overlay"]
    ruleset: Ruleset
    chosen_by: str
    open_votes: list[str]
    applies: bool = True  # False: the overlay's applies_to leaves this pack out (a round under it ignores it)


def check(path: Path, *, pack: str | None = None, on: dt.date | None = None, with_workspace: Path | None = None,
          chosen_by: str = "") -> Checked:
    """Check a rule file. An overlay is applied on ``pack`` (or the pack in force on ``on``) — after
    the workspace's other overlay files when ``with_workspace`` (its ``rules/`` folder) is given — and
    the votes the law leaves to the unit that are still not set are listed. Without a pack or a date,
    the overlay must load on every built-in pack it may meet (``tdkt.ruleset.check_file``).

    Raises:
        RuleFileError: the file does not load (on that pack: named in the message); InputError: no pack.
    """
    from tdkt.ruleset import apply_overlay, check_file, load_ruleset, overlay_files, parse_overlay, read_yaml

    data = read_yaml(path)
    if data.get("kind") != "overlay" or (pack is None and on is None):
        kind, rs = check_file(path)
        return Checked("overlay" if kind == "overlay" else "pack", rs, chosen_by, [])
    ov = parse_overlay(path, data)
    rs = load_ruleset(pack, on=on)
    if ov.applies_to and rs.id not in ov.applies_to:
        return Checked("overlay", rs, chosen_by, [], applies=False)
    if with_workspace is not None and with_workspace.is_dir():
        for f in overlay_files(with_workspace):
            if f.resolve() != path.resolve():
                apply_overlay(rs, parse_overlay(f), f)
    apply_overlay(rs, ov, path)
    return Checked("overlay", rs, chosen_by, still_open(rs))

"""Facts a criterion cannot rest on: cells that were not understood, and fields the list has no column
for (issue 13, invariant 2: "Đạt" only on understood facts).

A row's *doubt* maps each Nominee field a criterion reads to the cells of the row that were not
understood (:class:`tdkt.models.Unclear`), with ``None`` standing for "the list has no column for it"
(an empty discipline cell says "none"; a list without a discipline column says nothing). A criterion
that reads a doubtful field keeps its outcome only when the outcome holds whatever the doubtful facts
are: a pass must still pass with them at their worst, a fail must still fail with them at their best
(:func:`variant`). Otherwise the criterion is "cần xem xét", naming the cell and the value.

The worst and best cases are written per field, for the predicates of ``tdkt.predicates`` (each is
monotone in them: more or better titles, initiatives and service never turn a pass into a fail; a
discipline never turns a fail into a pass). A collective's count not understood is None, which every
collective criterion already reads as missing. A field with no such case (a prior award) is never sure.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

import msgspec

from tdkt.models import DISCIPLINE_ORDER, Discipline, Initiative, Nominee, Rating, Unclear, YearRecord

# The Nominee fields whose absence a criterion could read as a fact ("no discipline", "no initiative").
TRACKED = frozenset({"history", "disciplines", "initiatives", "prior_awards", "months_of_service", "recruited_on",
                     "collective"})
Doubt = Mapping[str, tuple[Unclear | None, ...]]
# Fields that state the same fact: one with a value states the others (a recruitment date is the service).
SAME_FACT: dict[str, tuple[str, ...]] = {"months_of_service": ("months_of_service", "recruited_on"),
                                         "recruited_on": ("months_of_service", "recruited_on")}


def said(n: Nominee, fld: str) -> bool:
    """Whether ``n`` has a value for ``fld`` (or for a field that states the same fact)."""
    return any(getattr(n, f) for f in SAME_FACT.get(fld, (fld,)))


_TOP_RATING: Rating = "htxs"  # the best of tdkt.models.RATING_ORDER
_SPAN = 15  # years back that a criterion may look at (the longest window of any pack is 10)


@cache
def _every_title() -> tuple[str, ...]:
    from tdkt import awards

    return tuple(sorted(awards.catalogue()))


def _history(n: Nominee, year: int, items: tuple[Unclear | None, ...], worst: bool) -> tuple[YearRecord, ...]:
    span = set(range(year - _SPAN, year + 1))
    years = {u.year for u in items if u is not None and u.year is not None}
    touched = span if any(u is not None and u.year is None for u in items) else years  # a whole-history cell
    titled = span if None in items else set()  # no title column: any title may have been reached
    recs = {r.year: r for r in n.history}
    out = []
    for y in sorted(set(recs) | touched | titled):
        r = recs.get(y)
        rating, titles = (r.rating, r.titles) if r is not None else (None, ())
        if y in touched:
            rating, titles = (None, ()) if worst else (_TOP_RATING, _every_title())
        elif y in titled and not worst:
            titles = _every_title()
        out.append(YearRecord(year=y, rating=rating, titles=titles))
    return tuple(out)


def variant(n: Nominee, year: int, doubt: Doubt, *, worst: bool) -> Nominee | None:
    """``n`` with every doubtful field at its worst (or best) for a criterion of ``year``; None when a
    field has no such case."""
    changes: dict[str, object] = {}
    for fld, items in doubt.items():
        if fld == "history":
            changes["history"] = _history(n, year, items, worst)
        elif fld == "disciplines":
            changes["disciplines"] = (
                (*n.disciplines, Discipline(form="buoc_thoi_viec", form_text="?", year=year)) if worst
                else tuple(d for d in n.disciplines if d.pending or d.form in DISCIPLINE_ORDER))
        elif fld == "initiatives":
            changes["initiatives"] = () if worst else (*n.initiatives, *(
                Initiative(kind=k, level="toan_quoc", year=year) for k in ("sang_kien", "de_tai") for _ in range(3)))
        elif fld in ("months_of_service", "recruited_on"):
            changes["months_of_service"] = None if worst else 600
            changes["recruited_on"] = None
        elif fld == "collective":
            continue  # a count not understood is None, and every collective criterion on None is "missing"
        else:  # prior awards: no worst or best that holds for every criterion
            return None
    return msgspec.structs.replace(n, **changes)
